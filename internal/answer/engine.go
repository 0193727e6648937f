// Package answer is careerbot's engine: it indexes parsed guides and their
// facts once, then answers questions with the facts themselves (figures,
// the next stage of a path, the sentence that says it) and numbered
// citations. It implements advisor.Asker and advisor.Catalog.
package answer

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/lexicon"
	"github.com/careerbot/careerbot/internal/reading"
	"github.com/careerbot/careerbot/internal/search"
	"github.com/careerbot/careerbot/internal/slab"
)

var (
	_ advisor.Asker   = (*Engine)(nil)
	_ advisor.Catalog = (*Engine)(nil)
)

// hitsWanted is how many sections a question's search returns: the
// passages of these are scored, so it bounds the work per question.
const hitsWanted = 40

// Engine answers questions from a fixed set of guides. It is safe for
// concurrent use.
type Engine struct {
	guides   []*guide.Guide
	facts    []facts.Facts
	sections [][]sectionInfo // [guide][section]
	index    *search.Index
	df       map[string]int // sections holding each term
	nSec     int
	// vocab numbers every term of the guides; spelling spells each id.
	vocab    map[string]termID
	spelling []string
	scratch  terms               // termSet's buffer, while building
	joined   terms               // setTerms's buffer, while building
	termSlab *slab.Slab[termID]  // the term sets, while building
	passSlab *slab.Slab[passage] // the passages, while building
	filler   map[string]bool     // terms of fillerWords
	kind     map[string]bool     // terms of kindWords
	generic  map[string]bool     // terms of genericWords
	question map[string]bool     // the terms of "question", a kind a list of questions satisfies
	// noContent holds the ids of the terms of fillerWords and genericWords.
	noContent map[termID]bool
	// stageWords holds the terms of stageWords.
	stageWords map[string]bool

	// stageTerms holds the terms of each learning-path stage: [guide][path][stage].
	stageTerms [][][]struct{ text, head terms }
	// stagePost and stageHeadPost list the stages holding each term in
	// their text and in their heading.
	stagePost, stageHeadPost map[string][]stagePosting
	// payByRole lists each role's salary figures in guide order: a pay
	// question matches the few roles, not the thousands of figures.
	payByRole map[string][]salaryRef
	// byShort marks the roles some guide writes by a short form ("SDE").
	byShort map[string]bool
	// qualTerms holds the terms of each salary figure's qualifier.
	qualTerms map[string]terms
	// titles holds each guide's title terms; titlePost the guides whose
	// title holds each term.
	titles    []terms
	titlePost map[string][]int
	// priceAt marks the lines of each guide that state a price; payLevels
	// holds the levels the pay figures of a line are for.
	priceAt   map[lineKey]bool
	payLevels map[lineKey][]facts.Level
	// rungTerms holds the terms of each ladder rung's name, then of each
	// role it groups: [guide][ladder][rung][name].
	rungTerms [][][][]terms
	rungWords terms // every term of every rung's name
	// coverage says what the guides cover, for abstentions.
	coverage string
	catalog  catalog
	reader   *reading.Reader // reads questions as people type them
	weights  scorer          // scores the options for an answer (choose.go)
	// avgUnit is the mean number of terms of a unit, for plain BM25.
	avgUnit float64
}

// Option configures an engine.
type Option func(*Engine)

// WithWeights scores options with w instead of the engine's fitted table
// (cmd/train fits them this way).
func WithWeights(w Weights) Option {
	return func(e *Engine) { e.weights = w.vector() }
}

// WithStableTies makes the engine choose among equally scored sections by
// their place in the guides, the same on every build (search.BreakTiesByID):
// cmd/train fits this way.
func WithStableTies() Option {
	return func(e *Engine) { e.index.BreakTiesByID() }
}

// lineKey is a line of a guide: what priceAt and payLevels know of it.
type lineKey struct{ guide, line int }

// salaryRef is a salary figure by its guide and its place in the guide's facts.
type salaryRef struct{ gi, i int32 }

type sectionInfo struct {
	head, outer terms // the innermost heading's terms; the outer headings'
	all         terms // every term of the section: headings, passages and the guide's title
	// role is the role the section is about: named by its headings, else
	// by the guide's title ("" when neither names one).
	role string
	// level is the level the section is about, named by its innermost
	// heading that names one ("" when none does).
	level facts.Level
	// places are the places the section is about: named by its headings,
	// else by the guide's title.
	places   []facts.Region
	passages []passage
	// firstPerson marks a section its writer tells in the first person
	// ("I took CS50…"): a question about the writer is about it.
	firstPerson bool
}

// cutPassage is a passage as cut from its section, with the texts its
// context's terms are read from; an engine keeps only the terms.
type cutPassage struct {
	passage
	leadText  string // its list's lead, its table's header
	labelText string // a row's first cell
	intro     string // what introduces the things the passage lists (see introTerms)
}

// passage is a unit an answer can quote: a sentence, a list with its lead,
// one item of a list, or a table row.
type passage struct {
	text string
	line int
	// items are a list's items, so an answer can name the relevant ones
	// rather than cut the list at a byte count.
	items []string
	// sets holds the passage's four term sets one after another, cut at
	// cuts (see own, lead, labelled, intro): one allocation and one slice
	// header where four cost 96 bytes, for every unit of every guide.
	sets terms
	cuts [3]uint32
	// The flags sit together: an engine keeps a passage for every unit.
	list bool // a list of items, quoted with its heading when it has no lead
	// item marks one item of a list of several: it answers a question
	// about something only it names ("MLOps: MLflow, Kubeflow"), in the
	// context of its list's lead (lead) and heading.
	item     bool
	required bool // its lead or heading says it is required ("Must-Have", "Required Skills")
	column   bool // the list of a table's first column
	// questions marks a list whose items are questions (interview questions).
	questions bool
	// sentences marks an item of several sentences: a paragraph of its own
	// to plain search (worked out once, at build).
	sentences bool
	// opening marks the section's opening paragraph, before any list or
	// table: where a guide says what its heading's subject is ("A DP2 owns
	// a pipeline end to end…" under "DP2: Engineer").
	opening bool
}

// own returns the terms of the passage's text.
func (p *passage) own() terms { return p.sets[:p.cuts[0]:p.cuts[0]] }

// lead returns the terms of what leads to it: an item's list lead, a
// row's table header.
func (p *passage) lead() terms { return p.sets[p.cuts[0]:p.cuts[1]:p.cuts[1]] }

// labelled returns the terms of an item's label ("Cloud Platforms" in
// "Cloud Platforms: SageMaker, Vertex AI") or of a table row's first cell
// ("Testing | unique, not null"): what the item is about.
func (p *passage) labelled() terms { return p.sets[p.cuts[1]:p.cuts[2]:p.cuts[2]] }

// intro returns the terms of what introduces the things the passage
// itself lists: a list's lead, a table column's header, the words of an
// item before the list nested in it ("…the following tools: Tableau; Excel").
func (p *passage) intro() terms { return p.sets[p.cuts[2]:len(p.sets):len(p.sets)] }

// termID is an index term by its number in the engine's vocabulary. A set
// of ids is a quarter the size of a set of strings and holds no pointers
// for the collector to follow: term sets are most of what an engine keeps.
type termID uint32

// unseen marks the id of a word no guide uses: its hash, with this bit
// set, so that a question and an answer's own text that both use it give
// it the same id without sharing any state, and no set of the guides'
// holds it.
const unseen termID = 1 << 31

// terms is a sorted set of index terms, by id.
type terms []termID

func (t terms) has(id termID) bool {
	_, ok := slices.BinarySearch(t, id)
	return ok
}

// words is a sorted set of index terms as strings: the terms of a
// question, which may use words no guide does.
type words []string

func (w words) has(term string) bool {
	_, ok := slices.BinarySearch(w, term)
	return ok
}

// wordSet returns the sorted, distinct index terms of text.
func (e *Engine) wordSet(text string) words {
	ws := e.index.Terms(text)
	slices.Sort(ws)
	return slices.Compact(ws)
}

// id returns the id of term: its number in the vocabulary, or for a word
// no guide uses its hash marked unseen.
func (e *Engine) id(term string) termID {
	if id, ok := e.vocab[term]; ok {
		return id
	}
	h := fnv.New32a()
	h.Write([]byte(term))
	return termID(h.Sum32()) | unseen
}

// New indexes guides and extracts their facts. The guides must not be
// changed afterwards.
func New(guides []*guide.Guide, opts ...Option) (*Engine, error) {
	ix, err := search.New()
	if err != nil {
		return nil, err
	}
	e := &Engine{guides: guides, index: ix, df: map[string]int{}, vocab: map[string]termID{}, termSlab: slab.New[termID](16384), passSlab: slab.New[passage](1024), filler: map[string]bool{},
		stagePost: map[string][]stagePosting{}, stageHeadPost: map[string][]stagePosting{}, priceAt: map[lineKey]bool{}, payLevels: map[lineKey][]facts.Level{}, qualTerms: map[string]terms{}, payByRole: map[string][]salaryRef{}, titlePost: map[string][]int{}}
	for _, t := range ix.Terms(fillerWords + " " + particleWords) {
		e.filler[t] = true
	}
	e.stageWords, e.kind = map[string]bool{}, map[string]bool{}
	for _, t := range ix.Terms(stageWords) {
		e.stageWords[t] = true
	}
	for _, t := range ix.Terms(kindWords) {
		e.kind[t] = true
	}
	e.generic, e.question = map[string]bool{}, map[string]bool{}
	for _, t := range ix.Terms("question questions") {
		e.question[t] = true
	}
	for _, t := range ix.Terms(genericWords) {
		e.generic[t] = true
	}
	for _, o := range opts {
		o(e)
	}
	if e.weights == nil {
		e.weights = DefaultWeights().vector()
	}
	var docs []search.Doc
	units, unitTerms := 0, 0
	for gi, g := range guides {
		e.facts = append(e.facts, facts.Extract(g))
		// "the Polish job market" is about Poland: a title may say the
		// place by its adjective, a question by its name.
		titleText := g.Title
		for _, r := range facts.FindRegions(g.Title) {
			if !strings.Contains(strings.ToLower(g.Title), strings.ToLower(r.Name)) {
				titleText += " " + r.Name
			}
		}
		title := e.termSet(titleText)
		e.titles = append(e.titles, title)
		for _, t := range title {
			e.titlePost[e.spelling[t]] = append(e.titlePost[e.spelling[t]], gi)
		}
		guideRole := facts.FindRole(g.Title)
		guidePlaces := facts.FindRegions(g.Title)
		infos := make([]sectionInfo, len(g.Sections))
		for si, s := range g.Sections {
			text := s.Text()
			docs = append(docs, search.Doc{Guide: gi, Section: si, Title: g.Title, Path: strings.Join(s.Path, " "), Text: text})
			head := s.Heading()
			if s.Kind != guide.Heading && len(s.Path) > 1 {
				// A bold label, a tab or an aside refines the heading it sits
				// under: "Skills" then "**Must-have:**" heads a list of skills.
				head += " " + s.Path[len(s.Path)-2]
			}
			info := sectionInfo{head: e.termSet(head), role: guideRole, firstPerson: toldFirstPerson(text)}
			for _, h := range slices.Backward(s.Path) {
				if r := facts.FindRole(h); r != "" {
					info.role = r
					break
				}
			}
			for _, h := range slices.Backward(s.Path) {
				if l := facts.LevelOf(h); l != "" {
					info.level = l
					break
				}
			}
			if info.places = facts.FindRegions(strings.Join(s.Path, " ")); len(info.places) == 0 {
				info.places = guidePlaces
			}
			if len(s.Path) > 1 {
				info.outer = e.termSet(strings.Join(s.Path[:len(s.Path)-1], " "))
			}
			seen := map[termID]bool{}
			cut := passages(s)
			ps := make([]passage, len(cut))
			for i := range cut {
				ps[i] = e.withTerms(cut[i])
			}
			info.passages = e.passSlab.Copy(ps)
			for i := range info.passages {
				p := &info.passages[i]
				for _, t := range p.own() {
					seen[t] = true
				}
				if !p.item {
					units++
					unitTerms += len(p.own())
				}
			}
			for _, ts := range []terms{info.head, info.outer, title} {
				for _, t := range ts {
					seen[t] = true
				}
			}
			all := e.scratch[:0]
			for t := range seen {
				e.df[e.spelling[t]]++
				all = append(all, t)
			}
			slices.Sort(all)
			info.all, e.scratch = e.termSlab.Copy(all), all
			infos[si] = info
		}
		for si := range g.Sections {
			// A section whose parts are sections of their own lists them:
			// "Behavioral Questions: Question 3: …; Question 4: …".
			if p, ok := e.childList(g, si); ok {
				e.setTerms(&p, "", "", "")
				for _, t := range p.own() {
					if !infos[si].all.has(t) {
						infos[si].all = append(infos[si].all, t)
					}
				}
				slices.Sort(infos[si].all)
				infos[si].passages = append(infos[si].passages, p)
			}
		}
		e.sections = append(e.sections, infos)
		fx := e.facts[gi]
		st := make([][]struct{ text, head terms }, len(fx.Paths))
		for pi, p := range fx.Paths {
			st[pi] = make([]struct{ text, head terms }, len(p.Stages))
			for si, s := range p.Stages {
				st[pi][si].text = e.termSet(s.Text)
				st[pi][si].head = e.termSet(s.Title())
				ref := stagePosting{int32(gi), int32(pi), int32(si)}
				for _, t := range st[pi][si].text {
					e.stagePost[e.spelling[t]] = append(e.stagePost[e.spelling[t]], ref)
				}
				for _, t := range st[pi][si].head {
					e.stageHeadPost[e.spelling[t]] = append(e.stageHeadPost[e.spelling[t]], ref)
				}
				p.Stages[si].Text = "" // read into its terms: the engine quotes the stage's blocks, not this
			}
		}
		e.stageTerms = append(e.stageTerms, st)
		rt := make([][][]terms, len(fx.Ladders))
		for li, l := range fx.Ladders {
			for _, r := range l.Rungs {
				var names []terms
				for _, n := range append([]string{r.Name}, r.Members...) {
					ts := e.termSet(n)
					names = append(names, ts)
					e.rungWords = append(e.rungWords, ts...)
				}
				rt[li] = append(rt[li], names)
			}
		}
		e.rungTerms = append(e.rungTerms, rt)
		for i, s := range fx.Salaries {
			e.payByRole[s.Role] = append(e.payByRole[s.Role], salaryRef{int32(gi), int32(i)})
			if k := (lineKey{gi, s.Line}); s.Level != "" && !slices.Contains(e.payLevels[k], s.Level) {
				e.payLevels[k] = append(e.payLevels[k], s.Level)
			}
			if _, ok := e.qualTerms[s.Qualifier]; s.Qualifier != "" && !ok {
				e.qualTerms[s.Qualifier] = e.termSet(s.Qualifier)
			}
		}
		for _, p := range fx.Prices {
			e.priceAt[lineKey{gi, p.Line}] = true
		}
		e.nSec += len(g.Sections)
		// Sections go to the index a batch at a time as they are read,
		// in the same batches as all at once, so the text waiting and the
		// batch being analysed never add up to all of it.
		if len(docs) >= search.BatchSize {
			if err := ix.Add(docs[:search.BatchSize]); err != nil {
				ix.Close()
				return nil, err
			}
			docs = append(docs[:0], docs[search.BatchSize:]...)
		}
	}
	if err := ix.Add(docs); err != nil {
		ix.Close()
		return nil, err
	}
	for _, post := range []map[string][]stagePosting{e.stagePost, e.stageHeadPost} {
		for t, refs := range post {
			post[t] = slices.Clip(refs) // at their size: a common word lists every stage
		}
	}
	slices.Sort(e.rungWords)
	e.rungWords = slices.Compact(e.rungWords)
	e.avgUnit = max(1, float64(unitTerms)/float64(max(1, units)))
	e.scratch, e.joined, e.termSlab, e.passSlab = nil, nil, nil, nil // only needed while building
	e.noContent = map[termID]bool{}
	for _, m := range []map[string]bool{e.filler, e.generic} {
		for t := range m {
			e.noContent[e.id(t)] = true
		}
	}
	e.catalog = newCatalog(e.facts)
	e.coverage = e.describeCoverage()
	e.reader = newReader(guides)
	e.byShort = e.shortRoles()
	return e, nil
}

// Close releases the index.
func (e *Engine) Close() error { return e.index.Close() }

// withTerms returns c's passage with its term sets read from its texts.
func (e *Engine) withTerms(c cutPassage) passage {
	p := c.passage
	label := c.labelText
	if l := itemLabel(p.text); p.item && l != "" {
		label = l
	}
	p.sentences = p.item && len(guide.Sentences(p.text)) >= 2
	e.setTerms(&p, c.leadText, label, c.intro)
	return p
}

// setTerms gives p the term sets of its text and of the lead, label and
// intro texts, kept as one set after another in the slab.
func (e *Engine) setTerms(p *passage, lead, label, intro string) {
	all := e.joined[:0]
	for i, text := range []string{p.text, lead, label, intro} {
		if text != "" {
			all = append(all, e.scratchTerms(text)...)
		}
		if i < len(p.cuts) {
			p.cuts[i] = uint32(len(all))
		}
	}
	e.joined = all
	p.sets = e.termSlab.Copy(all)
}

// termSet returns the set of index terms of text. While building it
// numbers each new term; after, a word no guide uses gets its unseen id.
func (e *Engine) termSet(text string) terms {
	ts := e.scratchTerms(text)
	if e.termSlab == nil {
		return ts
	}
	// While building, each set is kept at its exact size in the slab:
	// the sets of every passage are most of what an engine keeps.
	return e.termSlab.Copy(ts)
}

// scratchTerms returns the set of index terms of text; while building, in
// the engine's scratch buffer, valid until the next call.
func (e *Engine) scratchTerms(text string) terms {
	building := e.termSlab != nil
	var ts terms
	if building {
		ts = e.scratch[:0]
	}
	e.index.EachTerm(text, func(t []byte) {
		id, ok := e.vocab[string(t)]
		switch {
		case ok:
		case building:
			id = termID(len(e.spelling))
			w := string(t)
			e.spelling = append(e.spelling, w)
			e.vocab[w] = id
		default:
			id = e.id(string(t)) // a word no guide uses, as a question may
		}
		ts = append(ts, id)
	})
	slices.Sort(ts)
	ts = slices.Compact(ts)
	if building {
		e.scratch = ts
	}
	return ts
}

// idf is the BM25 inverse document frequency of term over sections. A term
// no guide uses weighs the most: a question about it is not answered here.
func (e *Engine) idf(term string) float64 {
	n := float64(e.nSec)
	df := float64(e.df[term])
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// maxLabel bounds the label of a labelled item, in bytes.
const maxLabel = 60

// itemLabel returns what an item names before saying more about it:
// "Cloud Platforms" in "Cloud Platforms: SageMaker, Vertex AI", "Big Data
// Tools (Spark, Hadoop)" in "Big Data Tools (Spark, Hadoop) - Big Data
// Processing", or "".
func itemLabel(text string) string {
	for _, sep := range []string{": ", " - ", " – ", " — "} {
		if l, _, ok := strings.Cut(text, sep); ok && len(l) <= maxLabel {
			return l
		}
	}
	return ""
}

// requiredLead marks a list introduced as what is required.
var requiredLead = regexp.MustCompile(`(?i)\b(?:required|requirements?|must[- ]haves?|essentials?|essential|core|prerequisites?|need|` + lexicon.Get().Pattern("before-start") + `)\b`)

// passages cuts a section into quotable units.
func passages(s guide.Section) []cutPassage {
	var out []cutPassage
	bs := s.Blocks
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		first := i == 0 // the section's opening: no list, table or paragraph before it
		switch b.Kind {
		case guide.Item:
			// A list: the run of items at one depth under one lead, with
			// the items nested in them between.
			j := i
			var members []int
			for j < len(bs) && bs[j].Kind == guide.Item && (bs[j].Depth > b.Depth || bs[j].Depth == b.Depth && bs[j].Lead == b.Lead) {
				if bs[j].Depth == b.Depth {
					members = append(members, j)
				}
				j++
			}
			out = append(out, listPassages(s, members, b.Lead)...)
			i = j - 1
		case guide.Row:
			// A table is also a list of what its first column names
			// ("Skill | Why it matters"), for "which skills" questions.
			j := i
			var items []string
			figures := false // a table of figures lists levels or places, not things
			for j < len(bs) && bs[j].Kind == guide.Row && slices.Equal(bs[j].Header, b.Header) {
				// A row's context is its table's header ("Industry | Salary").
				row := cutPassage{passage: passage{text: bs[j].Text, line: bs[j].Line}, leadText: strings.Join(bs[j].Header, " ")}
				if len(bs[j].Cells) > 1 && len(bs[j].Cells[0]) <= maxLabel {
					row.labelText = bs[j].Cells[0] // a row is about what its first cell names
				}
				out = append(out, row)
				if len(bs[j].Cells) > 0 && strings.TrimSpace(bs[j].Cells[0]) != "" {
					// A row with an empty first cell goes on the row
					// before: it names nothing of its own.
					items = append(items, bs[j].Cells[0])
					figures = figures || strings.ContainsAny(strings.Join(bs[j].Cells[1:], ""), "0123456789")
				}
				j++
			}
			switch {
			case len(items) > 1 && len(b.Header) > 1 && timeSlots(items) && strings.ContainsFunc(items[0], unicode.IsLetter):
				// A schedule ("Mon | DVC for data versioning | DVC Intro")
				// is a list of its rows: "what does week 4 cover, which
				// tools" asks for all of them.
				rows := make([]string, 0, j-i)
				for _, r := range bs[i:j] {
					rows = append(rows, r.Text)
				}
				out = append(out, cutPassage{passage: passage{text: joinItems(rows), line: b.Line, items: rows, list: true, column: true}, intro: strings.Join(b.Header, " ")})
			case len(items) > 1 && len(b.Header) > 1 && (!figures || !facts.AllLevels(items)):
				lead := b.Header[0] + ":"
				out = append(out, cutPassage{passage: passage{text: lead + " " + joinItems(items), line: b.Line, items: items, column: true}, intro: b.Header[0]})
			}
			i = j - 1
		default:
			sents := guide.Sentences(b.Text)
			// "Instead, ask for time": a sentence that turns on the one
			// before it is said with it.
			for k := len(sents) - 1; k > 0; k-- {
				if turning.MatchString(sents[k]) && len(sents[k-1])+len(sents[k]) < maxQuote {
					sents[k-1] += " " + sents[k]
					sents = slices.Delete(sents, k, k+1)
				}
			}
			if i+1 < len(bs) && bs[i+1].Kind == guide.Item && bs[i+1].Lead == b.Text {
				sents = sents[:len(sents)-introSentences(sents)] // the list passage quotes them as its lead
			}
			if strings.HasSuffix(s.Heading(), "?") && len(sents) > 1 && len(b.Text) <= maxQuote {
				// An FAQ's answer is its whole paragraph, not its first sentence ("Not strictly.").
				out = append(out, cutPassage{passage: passage{text: b.Text, line: b.Line}})
				continue
			}
			for _, sent := range sents {
				out = append(out, cutPassage{passage: passage{text: sent, line: b.Line, opening: first}})
			}
			if first && len(sents) > 1 && len(b.Text) <= maxQuote {
				// The whole opening paragraph too: what a level or a role
				// is, said in two or three sentences, answers "what does
				// it involve" better than any one of them.
				out = append(out, cutPassage{passage: passage{text: b.Text, line: b.Line, opening: true}})
			}
		}
	}
	return out
}

// timeSlot is a schedule's time label: "Mon", "Day 3", "17", "Week 2-3".
var timeSlot = regexp.MustCompile(`(?i)^(?:(?:` + lexicon.Get().Pattern("timeslot") + `)\.?(?:\s*\d+(?:\s*[-–—]\s*\d+)?)?|\d+(?:\s*[-–—]\s*\d+)?)$`)

// timeSlots reports whether every one of a table's first cells is a time
// label: a schedule's column of days or weeks lists times, not things,
// and answers no "which" question by itself.
func timeSlots(items []string) bool {
	for _, it := range items {
		if !timeSlot.MatchString(strings.TrimSpace(it)) {
			return false
		}
	}
	return true
}

// introSentences returns how many of a lead's last sentences introduce the
// list after it: the last, and the one before when the last only points
// at it ("Examples include:", "These are:").
func introSentences(ls []string) int {
	if len(ls) > 1 && len(strings.Fields(ls[len(ls)-1])) <= maxPointer {
		return 2
	}
	return min(1, len(ls))
}

// maxPointer bounds the words of a sentence that only points at a list.
const maxPointer = 4

// turning opens a sentence that answers with the one before it.
var turning = regexp.MustCompile(`^(?:Instead|Rather|However|So|That said|But|Otherwise|Then),?\s`)

// maxItemText bounds an item's text with its nested items summed up.
const maxItemText = 300

// listPassages cuts one list into passages: the list whole (each item
// with what is nested in it: "Interview Preparation: Technical interviews:
// practise…; Behavioural interviews: …"), each item on its own, and
// likewise every list nested in an item, led by that item.
func listPassages(s guide.Section, members []int, lead string) []cutPassage {
	bs := s.Blocks
	items := make([]string, len(members))
	intros := make([]string, len(members))
	for k, m := range members {
		items[k] = bs[m].Text
		var kids []string
		for _, c := range s.Children(m) {
			kids = append(kids, bs[c].Text)
		}
		if len(kids) > 0 {
			sep := ": "
			if strings.HasSuffix(items[k], ":") {
				sep = " "
			}
			items[k] = clip(items[k]+sep+joinItems(kids), maxItemText)
			intros[k] = introOf(bs[m].Text)
		}
	}
	text := joinItems(items)
	if lead != "" {
		// Only the lead's last sentence introduces the list, with the one
		// before when it only points at it ("…from cloud providers are
		// relevant. Examples include:").
		lead = introOf(lead)
		if !strings.HasSuffix(lead, ":") && !guide.RunsOn(lead) {
			lead += ":" // a bold label or a parent item introduces its list as a colon would
		}
		text = lead + " " + text
	}
	required := requiredLead.MatchString(lead) || lead == "" && requiredLead.MatchString(s.Heading())
	asks := 0
	for _, it := range items {
		if strings.HasSuffix(it, "?") {
			asks++
		}
	}
	out := []cutPassage{{passage: passage{text: text, line: bs[members[0]].Line, list: lead == "", items: items, required: required, questions: asks >= 2}, intro: lead}}
	if len(items) > 1 {
		for k, it := range items {
			out = append(out, cutPassage{passage: passage{text: it, line: bs[members[k]].Line, item: true, required: required}, leadText: lead, intro: intros[k]})
		}
	}
	for _, m := range members {
		if kids := s.Children(m); len(kids) > 0 {
			out = append(out, listPassages(s, kids, bs[m].Text)...)
		}
	}
	return out
}

// introOf returns the sentences of a lead that introduce its list: the
// last, with the one before when the last only points at it.
func introOf(lead string) string {
	ls := guide.Sentences(lead)
	return strings.Join(ls[len(ls)-introSentences(ls):], " ")
}

// maxChildIntro bounds what a listed sub-section says after its heading.
const maxChildIntro = 120

// childList returns the passage that lists the sections directly under
// section si, each by its heading and the first sentence it says.
func (e *Engine) childList(g *guide.Guide, si int) (passage, bool) {
	s := g.Sections[si]
	if len(s.Path) == 0 {
		return passage{}, false
	}
	var items []string
	for _, c := range g.Sections[si+1:] {
		if !s.Contains(c) {
			break
		}
		if len(c.Path) != len(s.Path)+1 {
			continue
		}
		it := c.Heading()
		for _, b := range c.Blocks {
			if ss := guide.Sentences(b.Text); len(ss) > 0 {
				it = strings.TrimSuffix(it, ":") + ": " + clip(ss[0], maxChildIntro)
			}
			break
		}
		items = append(items, it)
	}
	if len(items) < 2 {
		return passage{}, false
	}
	return passage{text: s.Heading() + ": " + joinItems(items), line: s.Line, items: items}, true
}

// joinItems joins list items into one line: "; " between items, or a
// space after an item that ends its own sentence.
func joinItems(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			if prev := items[i-1]; prev != "" && strings.ContainsAny(prev[len(prev)-1:], ".!?") {
				b.WriteByte(' ')
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(it)
	}
	return b.String()
}

// Ask answers question. See advisor.Asker.
func (e *Engine) Ask(ctx context.Context, question string) (advisor.Answer, error) {
	q, err := advisor.CleanQuestion(question)
	if err != nil {
		return advisor.Answer{}, err
	}
	return e.askRead(ctx, q)
}

// answer answers q as the reader read it (see askRead): the best of the
// options the guides give (choose.go), or an abstention.
func (e *Engine) answer(ctx context.Context, q, background string) (advisor.Answer, error) {
	a, err := e.prepare(ctx, q, background)
	if err != nil {
		return advisor.Answer{}, err
	}
	opts := e.scored(a, e.options(a))
	if unanswerable(e, a) {
		return e.refuse(a, opts), nil
	}
	b, ok := best(opts)
	if !ok {
		return e.refuse(a, opts), nil
	}
	if s, ok := runnerUp(opts, b); ok {
		// Nearly as good and from elsewhere: quoted after the best, so
		// the answer gives both where the guides say it twice.
		for _, sent := range s.r.sentences {
			b.r.say(reciteIn(b.r, s.r, sent))
		}
	}
	return b.r.answer(), nil
}

// unanswerable reports whether a question asks for pay in a place or for
// a role no guide mentions: no figure stands in for those.
func unanswerable(e *Engine, a *analysis) bool {
	return a.intent == intentSalary && len(a.uncovered) > 0 || e.onlyGeneric(a)
}

// onlyGeneric reports whether a general question names nothing but words
// any text may use ("how are you today?", "anything good?"): no guide's
// passage answers it by sharing one.
func (e *Engine) onlyGeneric(a *analysis) bool {
	if a.intent != intentGeneral || len(a.concepts) == 0 {
		return false
	}
	for _, c := range a.concepts {
		if c.subject || c.shape || c.kind || c.soft || !e.isGeneric(c.Concept) {
			return false
		}
	}
	return true
}

// prepare analyses a question, with the background its message gives, and
// finds the sections that may answer it.
func (e *Engine) prepare(ctx context.Context, q, background string) (*analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := e.analyze(q, intentOf(q))
	if background != "" {
		e.soften(a, background)
	}
	a.queryTerms = e.index.QueryTerms(q)
	a.wantsFigure = howMuch.MatchString(q) // wantsNumber and wh are analyze's
	a.many = manyAsked(q) && !a.wantsNumber
	if m := whichStage.FindStringSubmatch(q); m != nil {
		a.stageAsked = strings.ToLower(m[1])
	} else if whenInPath.MatchString(q) {
		a.stageAsked = anyStage
	}
	text := q
	if background != "" {
		text += " " + background
	}
	hits, err := e.index.SearchTerms(e.queryTerms(text, a), hitsWanted)
	if err != nil {
		return nil, fmt.Errorf("ask: %w", err)
	}
	a.setHits(e.withSubjectGuides(a, hits))
	return a, nil
}

// maxSubjectGuides bounds the guides whose every section joins the
// search results because their title names the question's subject.
const maxSubjectGuides = 3

// withSubjectGuides adds to hits every section of the guides whose title
// names all of the question's role, level and place ("Data Analyst in
// Bucharest"), when few do: among a thousand guides their skills section
// may name none of it, and the search would not find it.
func (e *Engine) withSubjectGuides(a *analysis, hits []search.Hit) []search.Hit {
	var subject []weighted
	for _, c := range a.concepts {
		if c.subject {
			subject = append(subject, c)
		}
	}
	if len(subject) == 0 || len(hits) == 0 {
		return hits
	}
	// Guides holding some phrasing of the first subject concept, then
	// kept while their title covers every one.
	var guides []int
	for _, alt := range subject[0].Alts {
		guides = append(guides, e.titlePost[alt[0]]...)
	}
	slices.Sort(guides)
	guides = slices.Compact(guides)
	var found []int
	for _, gi := range guides {
		all := true
		for _, c := range subject {
			if !covers(e.titles[gi], c.concept) {
				all = false
				break
			}
		}
		if all {
			found = append(found, gi)
		}
	}
	if len(found) == 0 || len(found) > maxSubjectGuides {
		return hits
	}
	in := map[[2]int]bool{}
	for _, h := range hits {
		in[[2]int{h.Guide, h.Section}] = true
	}
	low := hits[len(hits)-1].Score
	for _, gi := range found {
		for si := range e.sections[gi] {
			if !in[[2]int{gi, si}] {
				hits = append(hits, search.Hit{Guide: gi, Section: si, Score: low})
			}
		}
	}
	return hits
}

// commonShare is the share of sections above which a term is left out of
// the search: it would match a large part of the index while adding
// little to BM25 scores. The engine's own passage scoring still weighs it.
const commonShare = 0.2

// keep returns the elements ok accepts, or all of xs if it accepts none:
// a filter that narrows a choice but never empties it.
func keep[T any](xs []T, ok func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return xs
	}
	return out
}

// pruneFrom is the index size, in sections, from which common terms are
// left out of searches: below it every search is cheap anyway, and in a
// handful of guides every topic word looks common.
const pruneFrom = 2000

// queryTerms returns the question's search terms without the words that
// only shape a question ("need", "know") and, in a large index, without
// the common ones, unless that would leave none.
func (e *Engine) queryTerms(q string, a *analysis) []string {
	all := a.queryTerms
	if q != a.q {
		all = e.index.QueryTerms(q) // with a background
	}
	// A filler word that is part of a phrase ("good" in "good to have")
	// is searched for.
	phrase := map[string]bool{}
	for _, c := range a.concepts {
		if len(c.Alts) > 1 {
			for _, alt := range c.Alts {
				for _, t := range alt {
					phrase[t] = true
				}
			}
		}
	}
	all = keep(all, func(t string) bool { return !e.filler[t] || phrase[t] })
	if e.nSec < pruneFrom {
		return all
	}
	return keep(all, func(t string) bool { return float64(e.df[t]) <= commonShare*float64(e.nSec) })
}

// relevant reports whether the guides speak to the question at all: some
// passage covers enough of it, or it has no topic words ("where do I start?").
func (e *Engine) relevant(a *analysis) bool {
	if a.total == 0 {
		return true
	}
	if _, cov := e.bestStages(a, false, 1); cov >= minStageCover {
		return true
	}
	cands := e.rank(a)
	return len(cands) > 0 && a.answers(cands[0])
}

// Guides lists the loaded guides. See advisor.Catalog.
func (e *Engine) Guides() []advisor.GuideInfo {
	out := make([]advisor.GuideInfo, len(e.guides))
	for i, g := range e.guides {
		info := advisor.GuideInfo{Title: g.Title, Source: g.Source}
		for _, s := range g.Sections {
			info.Sections = append(info.Sections, s.Name())
		}
		out[i] = info
	}
	return out
}

// Facts returns the facts extracted from the i-th guide, for listings.
func (e *Engine) Facts(i int) facts.Facts { return e.facts[i] }
