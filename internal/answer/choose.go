package answer

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/lexicon"
	"github.com/careerbot/careerbot/internal/reading"
	"github.com/careerbot/careerbot/internal/search"
)

// An answer is chosen from evidence. Every way of answering a question —
// a passage of a guide quoted (a sentence, a list with its label, an item,
// a table row, an FAQ's answer), the best plain paragraph the search
// finds, and the typed answers read from facts (figures, a ladder's next
// rung, a path's stage) — is an option with the units it cites. Each
// option is described by the same features: how much of the question its
// units and their context (heading path, row, title) account for, whether
// that context names another role, level or place, what kind of answer it
// is beside what kind was asked. One table of weights, fitted from
// labelled questions (cmd/train), scores them; the best scoring option
// answers, and none at all when no option scores above nothing.

// optionKind says what made an option.
type optionKind int

const (
	optPassage  optionKind = iota // a passage of a section the search found
	optNaive                      // the paragraph plain BM25 ranks first
	optSalary                     // figures, or a comparison of them
	optLadder                     // a ladder's next rung, or its top
	optNext                       // the stage after the one teaching a topic
	optStart                      // a path's first stage
	optDuration                   // how long a stage or a path takes
)

func (k optionKind) String() string {
	return [...]string{"passage", "naive", "salary", "ladder", "next", "start", "duration"}[k]
}

// typed reports whether an option is read from facts rather than quoted.
func (k optionKind) typed() bool { return k >= optSalary }

// option is one answer the engine could give.
type option struct {
	kind optionKind
	r    *reply
	pass *candidate // the passage quoted, for passage options
	// naive is the plain BM25 score of the option's first unit, over the
	// best such score among the question's options.
	naive float64
	// listed marks a naive option whose unit is a list of several things.
	listed bool
	f      []float64
	score  float64
	// said marks the question's concepts (by index, subject and topic
	// only, not generic words) that the option's evidence accounts for.
	said uint64
}

// maxPassageOptions bounds the passages weighed for a question, taken in
// the order of their coverage.
const maxPassageOptions = 14

// options gathers every answer the engine could give to a question.
func (e *Engine) options(a *analysis) []option {
	var opts []option
	add := func(k optionKind, r *reply, c *candidate) {
		if r != nil && len(r.sentences) > 0 && len(r.cites) > 0 {
			opts = append(opts, option{kind: k, r: r, pass: c})
		}
	}
	own := a.own()
	for _, k := range kinds {
		if k.answer != nil && (k.intent == a.intent || k.also != nil && k.also(e, own)) {
			add(k.option, k.answer(e, own), nil)
		}
	}
	cands := e.rank(a)
	seen := map[*passage]bool{}
	pick := func(cs []candidate, n int) {
		for i := range cs {
			if n == 0 {
				return
			}
			c := cs[i]
			if seen[c.p] {
				continue
			}
			seen[c.p] = true
			n--
			add(optPassage, e.passageReply(a, cands, c), &c)
		}
	}
	pick(cands, maxPassageOptions)
	// The best passage of each of the sections the search ranks first,
	// however little of the question it covers in its own words.
	for _, h := range a.hits[:min(5, len(a.hits))] {
		for i := range cands {
			if cands[i].gi == h.Guide && cands[i].si == h.Section {
				pick(cands[i:i+1], 1)
				break
			}
		}
	}
	switch a.intent {
	case intentPrice:
		pick(preferring(cands, func(c candidate) bool { return e.priceAt[lineKey{c.gi, c.p.line}] }), 3)
	case intentDuration:
		pick(preferring(cands, statesDuration), 3)
	}
	for _, st := range stated {
		if st.picks > 0 && st.asked(a) {
			// What answers such a question shares few of its words with it
			// ("Ultimately, … a hybrid approach works best").
			pick(preferring(cands, func(c candidate) bool { return st.text.MatchString(c.p.text) }), st.picks)
		}
	}
	if kinds := a.kindConcepts(); len(kinds) > 0 {
		// "Is there a certification worth getting": the passage its label,
		// lead or heading introduces as one, however little else of the
		// question its own words say (a long list elsewhere says all of
		// it, item by item), so long as its context says some of the topic.
		pick(preferring(cands, func(c candidate) bool { return c.specific && e.introducesKind(c, kinds) }), 2)
	}
	if u, ok := e.naive(a); ok {
		r := &reply{e: e}
		if len(a.nocover) > 0 {
			r.say("The guides don't cover " + joinAnd(a.nocover) + "; the closest they say:")
		}
		text := u.text
		switch h := e.guides[u.gi].Sections[u.si].Heading(); {
		case u.list && h != "":
			text = h + ": " + text // "Month 2: …": which stage the list is
		case e.namesStage(a, h, text):
			text = h + " — " + text // "which week…": "Week 6: … — Mon — …"
		}
		r.say(sentence(clipKeeping(a, text, maxQuote), r.cite(u.gi, u.si, u.line, u.text)))
		add(optNaive, r, nil)
		opts[len(opts)-1].naive = 1
		opts[len(opts)-1].listed = u.items > 1
	}
	return opts
}

// kindConcepts returns the kinds of thing the question asks for.
func (a *analysis) kindConcepts() []weighted {
	var out []weighted
	for _, c := range a.concepts {
		if c.kind {
			out = append(out, c)
		}
	}
	return out
}

// introducesKind reports whether what introduces c's passage — its label,
// its list's lead, what introduces its items, its section's heading —
// names one of kinds.
func (e *Engine) introducesKind(c candidate, kinds []weighted) bool {
	for _, k := range kinds {
		for _, ts := range []terms{c.p.labelled(), c.p.lead(), c.p.intro(), e.sections[c.gi][c.si].head} {
			if covers(ts, k.concept) {
				return true
			}
		}
	}
	return false
}

// own returns the question without the soft concepts of its message's
// background: a typed answer finds its stage, rung or figures by what the
// question itself asks ("what after scikit-learn?", not the Python the
// asker also learnt); the background has already filled in its role,
// level and place.
func (a *analysis) own() *analysis {
	if !slices.ContainsFunc(a.concepts, func(c weighted) bool { return c.soft }) {
		return a
	}
	b := *a
	b.concepts = slices.DeleteFunc(slices.Clone(a.concepts), func(c weighted) bool { return c.soft })
	b.total = 0
	for _, c := range b.concepts {
		b.total += c.weight
	}
	b.ranked, b.stages = nil, nil
	return &b
}

// passageReply quotes a passage as a whole answer: an FAQ question by its
// answer, a question setting two roles side by side with a passage about
// each, after saying which places or roles no guide covers.
func (e *Engine) passageReply(a *analysis, cands []candidate, c candidate) *reply {
	r := &reply{e: e}
	if len(a.nocover) > 0 {
		r.say("The guides don't cover " + joinAnd(a.nocover) + "; the closest they say:")
	}
	if ans, ok := e.answerTo(c); ok {
		c = ans // a guide's own question (an FAQ): quote its answer
	}
	r.say(e.quote(a, c, r))
	if other, ok := e.otherRole(a, cands, c); ok {
		r.say(e.quote(a, other, r)) // "data scientist or ML engineer?": a passage about each
	}
	return r
}

// unit is a block of a guide as plain search sees it: a paragraph, a
// whole list, a table row.
type unit struct {
	gi, si, line int
	text         string
	// parts are the term sets of the unit's passages (the sentences of a
	// paragraph), read in place rather than merged: plain search runs
	// over every unit of every section found.
	parts []passage
	list  bool // a list with no lead, said under its heading as a passage is
	items int  // how many things it lists, for a list
}

// has reports whether any part of u holds term t.
func (u *unit) has(t termID) bool {
	for i := range u.parts {
		if u.parts[i].own().has(t) {
			return true
		}
	}
	return false
}

// size is the number of distinct terms of u.
func (u *unit) size() int {
	n := 0
	for i := range u.parts {
	terms:
		for _, t := range u.parts[i].own() {
			for j := range i {
				if u.parts[j].own().has(t) {
					continue terms
				}
			}
			n++
		}
	}
	return n
}

// BM25's parameters for the plain paragraph search.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// naive returns the unit of the sections the search found that plain
// BM25 over the question's words ranks first: the paragraph a naive
// search would quote. The engine never loses a question it answers.
func (e *Engine) naive(a *analysis) (unit, bool) {
	qt := a.queryTerms
	if len(qt) == 0 {
		return unit{}, false
	}
	ids := make([]termID, len(qt))
	for i, t := range qt {
		ids[i] = e.id(t)
	}
	var best unit
	bestScore := 0.0
	for _, h := range a.hits {
		for _, u := range e.units(h.Guide, h.Section) {
			s := 0.0
			norm := bm25K1 * (1 - bm25B + bm25B*float64(u.size())/e.avgUnit)
			for i, t := range qt {
				if u.has(ids[i]) {
					s += e.idf(t) * (bm25K1 + 1) / (1 + norm)
				}
			}
			if s > bestScore {
				best, bestScore = u, s
			}
		}
	}
	return best, bestScore > 0
}

// units returns a section's blocks as plain search sees them: the
// sentences of one paragraph joined, a list whole, a table row.
func (e *Engine) units(gi, si int) []unit {
	info := &e.sections[gi][si]
	sec := e.guides[gi].Sections[si]
	var out []unit
	for i := range info.passages {
		p := &info.passages[i]
		if p.item && !p.sentences {
			continue // part of its list; an item of several sentences is a paragraph of its own
		}
		if n := len(out); n > 0 && out[n-1].line == p.line && !p.item && !p.list && p.items == nil {
			// Another sentence of the same paragraph.
			if ps := out[n-1].parts; &ps[len(ps)-1] == &info.passages[i-1] {
				out[n-1].parts = ps[:len(ps)+1] // the passage after the last, in place
			} else {
				out[n-1].parts = append(slices.Clip(ps), *p)
			}
			continue
		}
		text := p.text
		if p.items == nil {
			// A sentence stands for its paragraph, but for the sentences
			// that lead the list after it ("…you'll be expected to:"),
			// which the list's own passage quotes with the list.
			for _, b := range sec.Blocks {
				if b.Line == p.line && b.Kind == guide.Paragraph {
					if !strings.HasSuffix(b.Text, ":") {
						text = b.Text
					}
					break
				}
			}
		}
		out = append(out, unit{gi: gi, si: si, line: p.line, text: text, parts: info.passages[i : i+1 : len(info.passages)], list: p.list && p.items != nil, items: len(p.items)})
	}
	return out
}

// best returns the best scoring option, or false when none scores above
// nothing: the engine then refuses.
func best(opts []option) (option, bool) {
	b := -1
	for i := range opts {
		if b < 0 || opts[i].score > opts[b].score {
			b = i
		}
	}
	if b < 0 || opts[b].score <= 0 {
		return option{}, false
	}
	return opts[b], true
}

// secondMargin is how far below the best option's score a quoted option
// from another section may be and still be quoted after it.
const secondMargin = 1.0

// runnerUp returns the passage to quote after the best one: the next best
// option, when both quote passages, it comes from another section, and
// it scores within secondMargin of the best.
func runnerUp(opts []option, b option) (option, bool) {
	quoted := func(o option) bool { return o.kind == optPassage || o.kind == optNaive }
	if !quoted(b) || len(b.r.refs) == 0 {
		return option{}, false
	}
	second := -1
	for i, o := range opts {
		if !quoted(o) || len(o.r.refs) == 0 || o.r.refs[0].gi == b.r.refs[0].gi && o.r.refs[0].si == b.r.refs[0].si {
			continue
		}
		if second < 0 || o.score > opts[second].score {
			second = i
		}
	}
	if second < 0 || opts[second].score < b.score-secondMargin || opts[second].score <= 0 {
		return option{}, false
	}
	return opts[second], true
}

// reciteIn rewrites a sentence of reply from, whose markers number from's
// citations, with the markers of the same citations made in to.
func reciteIn(to, from *reply, sent string) string {
	return citeMarker.ReplaceAllStringFunc(sent, func(m string) string {
		n, _ := strconv.Atoi(m[1 : len(m)-1])
		if n < 1 || n > len(from.cites) {
			return m
		}
		c, ref := from.cites[n-1], from.refs[n-1]
		return to.cite(ref.gi, ref.si, ref.line, c.Snippet)
	})
}

// scored describes and scores the options.
func (e *Engine) scored(a *analysis, opts []option) []option {
	most := 0.0
	for i := range opts {
		opts[i].f = e.features(a, &opts[i])
		most = max(most, opts[i].f[iAccounted])
	}
	for i := range opts {
		f := opts[i].f
		f[iDominated] = boolf(dominated(opts, i))
		f[iBehind] = most - f[iAccounted]
		if opts[i].kind.typed() {
			f[iTypedBehind] = f[iBehind]
		}
		f[iBestAccounted] = boolf(f[iAccounted] >= most)
		opts[i].score = e.weights.score(f)
	}
	return opts
}

// The features every option is described by, in the order of a feature
// vector. A question's concepts (see analyze) are its subject (role,
// level, place), its topic (what it asks about beyond them), the kind of
// answer it wants ("tools") and its shape (pay words, "comes after"); each
// concept counts where the option's evidence — the answer's text, the
// units it cites, their lists' leads, their sections' headings, their
// guides' titles — first accounts for it, as a share of its class's weight.
var featureNames = []string{
	"bias",            // 1: an answer rather than none
	"subj_text",       // share of the subject the answer's text or its units say
	"subj_ctx",        // share only their headings or titles account for
	"subj_none",       // 1: the question names no subject
	"topic_text",      // share of the topic the answer's text or its units say
	"topic_lead",      // share only a list's lead says (an item is what its lead introduces)
	"topic_head",      // share only the section's own heading says
	"topic_outer",     // share only an outer heading says
	"topic_title",     // share only the guide's title says
	"topic_section",   // share only another passage of the section says
	"topic_none",      // 1: the question asks nothing beyond its subject
	"topic_heading",   // share of the topic the section's own heading names, whatever else says it
	"specific",        // 1: a topic word that is not generic is said, by text, lead or heading
	"kind_named",      // 1: the kind of answer asked ("tools") is named by the text or a heading
	"kind_head",       // 1: it is named by the heading or lead that introduces the answer: the list is of that kind
	"kind_enum",       // 1: a kind was asked and the answer enumerates things
	"kind_none",       // 1: no kind of answer was asked
	"shape_cov",       // share of the question's shape words accounted for
	"background",      // share of what only a long message's background names that the evidence says
	"role_fit",        // +1 the section is about the role asked, -1 about another
	"level_fit",       // the same for the level
	"place_fit",       // the same for the place
	"title_subject",   // 1: the guide's title names all of the question's subject
	"unknown",         // share of the question no guide uses a word of
	"search",          // the section's search score over the best hit's
	"naive",           // 1: the plain BM25 paragraph
	"typed_salary",    // 1: figures read from the guides' pay facts
	"typed_ladder",    // 1: a ladder's rung
	"typed_next",      // 1: the stage after the one teaching a topic
	"typed_start",     // 1: a path's first stage
	"typed_duration",  // 1: a stage's or a path's duration
	"typed_fit",       // how well a typed answer's facts fit the question, as its reader measured
	"typed_unsaid",    // a typed answer: share of the subject and topic its evidence does not account for
	"wh_match",        // 1: the question's question word heads the section ("how do I network": "How to Network")
	"accounted",       // share of the subject and topic the evidence accounts for (not elsewhere in its section)
	"behind",          // how far that share falls short of the best option's for the question
	"typed_behind",    // the same, for a typed answer: facts that leave what a passage accounts for unaccounted lose
	"best_accounted",  // 1: no option accounts for more
	"dominated",       // 1: a typed answer another option accounts for more than, and for all it does
	"list",            // 1: a list quoted whole
	"item",            // 1: one item of a list
	"row",             // 1: a table row
	"question_unit",   // 1: the passage quoted is itself a question
	"length",          // log of the answer's length
	"required",        // 1: a list called required, for a question asking what is needed
	"label",           // share of the question an item's label names
	"states_duration", // 1: a "how long" question answered with a duration
	"states_price",    // 1: a price question answered by a line stating a price
	"states_figure",   // 1: a pay question answered with a figure
	"figure_missing",  // 1: a question asking how much answered without a figure
	"states_number",   // 1: a question asking how many, what share or how much more answered with a number
	"start_cue",       // 1: a "where do I start" question answered by a first stage, or from a section of basics or prerequisites
	"subject_leads",   // 1: the passage opens with the question's role ("Data scientists often…"): it is about them
	"number_missing",  // 1: such a question answered without one
	"states_near",     // an answer stating what was asked: the share of the subject only its section accounts for
	"gap",             // 1: the answer says the guides lack what was asked and gives the closest
	"dead_end",        // 1: a typed answer that finds nothing after the stage or rung asked about
	"stem_only",       // share of the question met only through words sharing a stem
	"guides",          // guides cited beyond the first
	"echo",            // 1: the answer says nothing the question does not ("MLOps Tools - Machine Learning Operations" for "which MLOps tools")
	"why_list",        // 1: a why-question answered with a list or a short item of one, which names things and explains none
	"why_reason",      // 1: a why-question answered by text that gives a reason ("because", "lets", "means")
	"writer_voice",    // 1: a question about the writer ("what did he learn first?") answered in the first person
	"states_top",      // 1: a question asking for the top ("which region pays the most") answered by text naming one ("…is the highest")
	"states_length",   // 1: a question asking how long a text should be ("how long should my resume be?") answered by text stating a length ("one page")
	"states_time",     // 1: a when-question answered by text that states a time ("…collected on February 12, 2024", "once you have two projects")
	"opening_asked",   // 1: a question asking what something is or involves ("what is expected of a principal?") answered by the opening paragraph of a section its heading names
	"states_verdict",  // 1: a question weighing two things ("X vs Y, which works better?") answered by text giving a verdict ("…a hybrid approach often works best")
	// The same four, for a question asking for several things (manyFeatures).
	"length_many", "naive_many", "list_many", "item_many",
	// The question's intent, on every option: how readily each kind of
	// question is answered rather than refused.
	"intent_salary", "intent_next", "intent_start", "intent_duration", "intent_ladder", "intent_price",
}

func featureIndex(name string) int {
	if i, ok := featureAt[name]; ok {
		return i
	}
	return -1
}

// featureAt indexes featureNames: every option sets dozens of features by
// name.
var featureAt = func() map[string]int {
	m := make(map[string]int, len(featureNames))
	for i, n := range featureNames {
		m[n] = i
	}
	return m
}()

// featureSigns are the signs evidence fixes for some weights, whatever
// the labelled questions would fit: accounting for more of a question
// never counts against an answer, leaving it unaccounted never for one.
// The fit (cmd/train) keeps these weights on their side of zero.
var featureSigns = map[string]int{
	"subj_text": 1, "subj_ctx": 1, "topic_text": 1, "topic_lead": 1, "topic_head": 1, "topic_outer": 1,
	"topic_title": 1, "topic_heading": 1, "specific": 1, "kind_named": 1, "kind_head": 1, "shape_cov": 1,
	"background": 1, "title_subject": 1, "typed_fit": 1, "accounted": 1, "best_accounted": 1, "label": 1,
	"states_duration": 1, "states_price": 1, "states_figure": 1, "required": 1, "wh_match": 1,
	"role_fit": 1, "level_fit": 1, "place_fit": 1,
	"unknown": -1, "behind": -1, "typed_behind": -1, "typed_unsaid": -1, "dominated": -1,
	"figure_missing": -1, "dead_end": -1, "stem_only": -1, "number_missing": -1, "states_number": 1, "states_near": 1, "why_reason": 1,
	"start_cue": 1, "subject_leads": 1, "echo": -1, "why_list": -1, "writer_voice": 1, "states_top": 1, "states_verdict": 1, "states_time": 1, "states_length": 1, "opening_asked": 1,
}

// FeatureSign returns +1 when the weight of the named feature may not be
// negative, -1 when it may not be positive, and 0 when it is free.
func FeatureSign(name string) int { return featureSigns[name] }

// The features set once every option of a question is described.
var (
	iAccounted     = featureIndex("accounted")
	iBehind        = featureIndex("behind")
	iTypedBehind   = featureIndex("typed_behind")
	iBestAccounted = featureIndex("best_accounted")
	iDominated     = featureIndex("dominated")
)

// startCue marks where a path starts: its first stage, its basics.
var startCue = regexp.MustCompile(`(?i)\b(?:start|starting|begin|beginner|beginning|first|foundations?|fundamentals|basics?|prerequisites?|getting started|step 1|phase 1|level 1|stage 1|month 1|week 1)\b`)

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// reasonText gives a reason: what answers a why-question.
var reasonText = lexicon.Get().Match("reason")

// writerRef speaks of a guide's writer in the third person, advising
// after it makes the writer the guide's voice; firstPerson is how the
// writer speaks.
var (
	writerRef   = lexicon.Get().Match("writer")
	advising    = regexp.MustCompile(`(?i)^\s+(?:` + lexicon.Get().Pattern("advising") + `)\b`)
	firstPerson = lexicon.Get().Match("first-person")
)

// aboutWriter reports whether q asks about the guide's writer ("How long
// did the author teach himself?"), not what the guide advises ("What does
// the author recommend?").
func aboutWriter(q string) bool {
	for _, m := range writerRef.FindAllStringIndex(q, -1) {
		if !advising.MatchString(q[m[1]:]) {
			return true
		}
	}
	return false
}

// stated are the kinds of question answered by text that says a thing of
// its own kind, each with its feature: the top of a comparison ("California
// is the highest"), a verdict between two things, a time, a text's length.
// picks is how many passages that say it are options, whatever else they
// cover; the order is the order they are picked in.
var stated = []struct {
	feature string
	asked   func(*analysis) bool
	text    *regexp.Regexp
	picks   int
}{
	{"states_top", func(a *analysis) bool { return a.asksTop }, lexicon.Get().Match("superlative"), 0},
	{"states_length", func(a *analysis) bool { return a.asksLength }, lexicon.Get().Match("length-stated"), 2},
	{"states_time", func(a *analysis) bool { return a.wh == "when" }, lexicon.Get().Match("time-stated"), 2},
	{"states_verdict", func(a *analysis) bool { return a.asksChoice }, lexicon.Get().Match("verdict"), 2},
}

// Questions of the kinds stated answers: weighing two things, asking what
// something is or involves, asking how long a text should be.
var (
	choiceAsk   = lexicon.Get().Match("choice-ask")
	describeAsk = lexicon.Get().Match("describe-ask")
	lengthAsk   = lexicon.Get().Match("length-ask")
)

// titledWork is a work named by its title and author, quoted ('"Deep
// Learning" by Ian Goodfellow') or in title case ("Hands-On Machine
// Learning with Scikit-Learn by Aurélien Géron"), or by a title that
// calls it a book ("the Machine Learning Interviews Book").
var titledWork = regexp.MustCompile(`["“][^"”]{3,120}["”]\s*(?:\(\d{4}\)\s*)?,?\s+(?:by|from)\s+\p{Lu}|\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’:-]*|of|for|with|and|in|the|to|a|\d+))+\s+by\s+\p{Lu}\p{Ll}+\.?\s+\p{Lu}|(?:\p{Lu}[\p{L}'’-]*\s+){1,8}(?:Book|Handbook|Textbook)\b`)

// titledKind are the kinds a titled work names.
var titledKind = lexicon.Get().Set("titled-kind")

// toldFirstPerson reports whether a section's writer speaks in the first
// person more than once: a story, not a guide quoting one line of it.
func toldFirstPerson(text string) bool {
	if !strings.Contains(text, " I ") && !strings.Contains(text, " my ") && !strings.Contains(text, "My ") {
		return false // most sections, seen without a regular expression
	}
	return len(firstPerson.FindAllStringIndex(text, 2)) == 2
}

// howMany asks for a count, a share or a difference; numberText is one.
var (
	howMany    = regexp.MustCompile(`(?i)\bhow many\b|\bwhat (?:%|percent|percentage|share|proportion|fraction)\b|\bhow much (?:more|less|higher|lower|extra)\b|\bby how much\b|\bwhat premium\b`)
	numberText = regexp.MustCompile(`(?i)\d|\b(?:` + lexicon.Get().Pattern("count") + `)\b`)
)

// howMuch asks for a figure.
var howMuch = regexp.MustCompile(`(?i)\bhow much\b|\bwhat (?:is|are|'s) the (?:salary|salaries|pay|comp|compensation|fee|cost|price|range)\b|\b(?:salary|salaries|pay|comp|compensation|tc|ctc|lpa) (?:of|for|in|at)\b|\bwhat (?:do|does|can|will) .{1,60}\b(?:earn|make|get paid)\b`)

// saysGap reports whether an answer says the guides lack what was asked
// (the engine's own words: "don't cover", "give no figures").
func saysGap(text string) bool {
	return strings.Contains(text, "don't cover") || strings.Contains(text, "no figures") || strings.Contains(text, "no such figures")
}

// howManyNoun is the thing a "how many" question counts.
var howManyNoun = regexp.MustCompile(`(?i)\bhow many\s+(?:[\w-]+\s+){0,5}?([a-z]{3,}?)s?\s+(?:did|do|does|are|is|were|was|have|has|should|can|could|will|would|in|on|for|per|at|of|to|i|you|we)\b`)

// countedNumber reports whether text gives a number, and, when the
// question counts things ("how many job postings"), a number of those
// things ("75 job postings"), not a year or a salary.
func countedNumber(q, text string) bool {
	if !numberText.MatchString(text) {
		return false
	}
	m := howManyNoun.FindStringSubmatch(q)
	if m == nil || durationUnit.MatchString(m[1]) {
		return true
	}
	stem := strings.ToLower(m[1])
	for _, c := range countedAfter.FindAllStringSubmatch(text, -1) {
		for _, w := range strings.Fields(strings.ToLower(c[1])) {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
	}
	return false
}

// countedAfter is a number and the few words after it, where the thing
// counted is named ("75 job postings").
var countedAfter = regexp.MustCompile(`(?i)(?:\d[\d,.]*\+?|\b(?:` + lexicon.Get().Pattern("count") + `)\b)((?:\s+[\w-]+){1,4})`)

// durationUnit counts time, which any number in a duration gives.
var durationUnit = regexp.MustCompile(`(?i)^(?:hour|day|week|month|year|minute|time)s?$`)

// ratioText is a figure given against another: "1.3x", "20% more"; a
// pay figure when ratioPay says of what ("30% of time" is not).
var (
	ratioText = regexp.MustCompile(`\d\s?(?:x|×|%)`)
	ratioPay  = lexicon.Get().Match("pay", "bonus", "equity", "pay-ratio")
)

// figureText is an amount of money by its symbol or unit: "$90K", "₹15
// LPA". Amounts by a currency's code ("NOK 550,000", "60 000 SEK") are
// codeFigure's.
var figureText = regexp.MustCompile(`[$€£₹¥₩₽₺₪₦]\s?\d|\d\s?(?:[kK]|LPA|lakhs?)\b`)

// codeFigure is three capitals before or after a number: an amount when
// they are a currency's code. A code the lexicon does not know counts
// before a grouped amount ("OSM 46,500"), not before any number: "ISO
// 10218" is a standard.
var codeFigure = regexp.MustCompile(`\b([A-Z]{3})\s?(?:(\d{1,3}[,.\x{202f}\x{a0} ]\d{3})\b|\d)|\d\s?([A-Z]{3})\b`)

// currencyCodes are the lexicon's currency codes.
var currencyCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range lexicon.Get().Currencies {
		m[c.Code] = true
	}
	return m
}()

// statesCodeFigure reports whether text gives an amount by a currency code.
func statesCodeFigure(text string) bool {
	for _, m := range codeFigure.FindAllStringSubmatchIndex(text, -1) {
		switch {
		case m[2] >= 0 && (currencyCodes[text[m[2]:m[3]]] || m[4] >= 0):
			return true
		case m[6] >= 0 && currencyCodes[text[m[6]:m[7]]]:
			return true
		}
	}
	return false
}

// statesFigure reports whether text gives a figure: an amount, or a share
// of one ("a 5-10% raise", "1.3x"), which answers how much more. For pay
// (pay) a share must be of pay: "20% of time" answers "how much of the
// work", not "what does a senior make".
func statesFigure(text string, pay bool) bool {
	// Both patterns need a digit: most texts have none, and looking for
	// one is far cheaper than running the patterns over them.
	return strings.ContainsAny(text, "0123456789") && (figureText.MatchString(text) || ratioText.MatchString(text) && (!pay || ratioPay.MatchString(text)) || statesCodeFigure(text))
}

// Where an option's evidence first accounts for a concept.
const (
	atText = iota
	atLead
	atHead
	atOuter
	atTitle
	atSection
	atNone
)

// features describes an option by the evidence it cites.
func (e *Engine) features(a *analysis, o *option) []float64 {
	f := make([]float64, len(featureNames))
	set := func(name string, v float64) { f[featureIndex(name)] = v }
	set("bias", 1)
	text := o.r.answer().Text
	refs := o.r.refs[:min(3, len(o.r.refs))]
	var own []terms
	switch p := o.pass; {
	case p == nil:
		// A typed answer's words are its own: figures, stage names. A
		// quoted passage's are its passage's, counted below.
		own = append(own, e.termSet(markers.ReplaceAllString(text, "")))
	case p.p.list || p.p.item:
		// A bare list or an item is quoted with its section's heading.
		own = append(own, e.sections[p.gi][p.si].head)
	}
	var leads, heads, outers, titles, sections []terms
	for k, ref := range refs {
		info := &e.sections[ref.gi][ref.si]
		for i := range info.passages {
			p := &info.passages[i]
			if p.line != ref.line {
				continue
			}
			if q := o.pass; k == 0 && q != nil && q.gi == ref.gi && q.si == ref.si && p.column != q.p.column {
				// A table's first row and the list of its first column
				// open on one line: neither is the other's evidence.
				continue
			}
			own = append(own, p.own())
			leads = append(leads, p.lead())
		}
		heads, outers, titles, sections = append(heads, info.head), append(outers, info.outer), append(titles, e.titles[ref.gi]), append(sections, info.all)
	}
	in := func(sets []terms, c weighted) bool {
		for _, ts := range sets {
			if covers(ts, c.concept) {
				return true
			}
		}
		return false
	}
	hasFigure := statesFigure(text, a.intent == intentSalary)
	noFigure := a.intent == intentSalary && !hasFigure
	where := func(c weighted) int {
		if c.subject && o.kind == optSalary && o.r.fit == 1 {
			return atText // the figures are for the role, level and place asked: their facts say so
		}
		if c.shape && o.kind.typed() {
			return atText // a typed answer is of the shape asked: figures, a path, a ladder
		}
		if c.shape && noFigure && intentOf(c.Text) == intentSalary {
			// A pay question's "salary" is answered by a figure, not by
			// a sentence that says pay varies.
			return atNone
		}
		for at, sets := range [][]terms{own, leads, heads, outers, titles, sections} {
			for _, ts := range sets {
				if covers(ts, c.concept) {
					return at
				}
			}
		}
		return atNone
	}
	var subj, topic, shape [atNone + 1]float64
	var subjW, topicW, shapeW, softW, softSaid, unknown, stemOnly float64
	specific, kindAsked, kindNamed, kindHead := false, false, false, false
	for ci, c := range a.concepts {
		at := where(c)
		if at < atSection && ci < 64 && !c.kind && !c.shape && !c.soft && !e.isGeneric(c.Concept) {
			o.said |= 1 << ci
		}
		if e.unknown(c.Concept) && !c.soft && !(a.role != "" && e.byShort[a.role] && mentions(a.role, c.Text)) {
			// A background no guide speaks of ("I teach chemistry") is
			// no sign the question is off topic, nor are the words of a
			// role the guides write by its short form ("SDE").
			unknown += c.weight
		}
		if c.stemOnly && at < atNone {
			stemOnly += c.weight
		}
		switch {
		case c.soft && !c.subject:
			softW += c.weight
			if at < atSection {
				softSaid += c.weight
			}
		case c.subject:
			subj[at] += c.weight
			subjW += c.weight
		case c.kind:
			kindAsked = true
			// The kind counts as named where what introduces the answer
			// names it in its own word ("Companies:" over a list of them),
			// not where a sentence mentions it.
			lit := weighted{concept: e.concept(search.Concept{Text: c.Text, Alts: [][]string{e.wordSet(c.Text)}})}
			introduced := in(leads, lit) || in(heads, lit) || in(outers, lit) || o.pass != nil && (covers(o.pass.p.labelled(), lit.concept) || covers(o.pass.p.intro(), lit.concept) || e.labelsName(o.pass.p, lit.concept))
			// A titled work by its author ('"Python for Data Analysis" by
			// Wes McKinney') is a book or a paper whatever its line calls it.
			titled := titledKind[strings.ToLower(c.Text)] && titledWork.MatchString(text)
			kindNamed = kindNamed || introduced && (at == atText || at == atHead || at == atLead) || titled
			kindHead = kindHead || introduced || titled
		case c.shape:
			shape[at] += c.weight
			shapeW += c.weight
		default:
			topic[at] += c.weight
			topicW += c.weight
			specific = specific || at <= atHead && !e.isGeneric(c.Concept)
		}
	}
	share := func(v, of float64) float64 {
		if of == 0 {
			return 0
		}
		return v / of
	}
	set("subj_text", share(subj[atText], subjW))
	set("subj_ctx", share(subj[atLead]+subj[atHead]+subj[atOuter]+subj[atTitle], subjW))
	set("subj_none", boolf(subjW == 0))
	set("topic_text", share(topic[atText], topicW))
	set("topic_lead", share(topic[atLead], topicW))
	set("topic_head", share(topic[atHead], topicW))
	set("topic_outer", share(topic[atOuter], topicW))
	set("topic_title", share(topic[atTitle], topicW))
	set("topic_section", share(topic[atSection], topicW))
	set("topic_none", boolf(topicW == 0))
	if len(refs) > 0 {
		head := e.sections[refs[0].gi][refs[0].si].head
		h := 0.0
		for _, c := range a.concepts {
			// A heading naming only a generic word ("Current Market
			// Landscape" for "my current salary") is no sign it answers.
			if !c.subject && !c.kind && !c.shape && !c.soft && !e.isGeneric(c.Concept) && covers(head, c.concept) {
				h += c.weight
			}
		}
		set("topic_heading", share(h, topicW))
	}
	set("specific", boolf(specific))
	enum := o.pass != nil && o.pass.p.enumerates() || o.kind.typed() && len(o.r.cites) > 2
	set("kind_named", boolf(kindAsked && kindNamed))
	set("kind_head", boolf(kindAsked && kindHead))
	set("kind_enum", boolf(kindAsked && enum))
	set("kind_none", boolf(!kindAsked))
	// A shape word counts where the answer itself says it, not in its
	// guide's title: every passage of "The Roadmap to X" is no roadmap.
	set("shape_cov", share(shape[atText]+shape[atLead]+shape[atHead], shapeW))
	set("background", share(softSaid, softW))
	var primary *sectionInfo
	if len(refs) > 0 {
		primary = &e.sections[refs[0].gi][refs[0].si]
		rf := sign(roleFit(a.role, primary.role))
		// A list its heading or lead calls the kind asked ("Certifications")
		// names things: a role in them is a credential's ("TensorFlow
		// Developer"), not whom the passage is about.
		if o.pass != nil && a.role != "" && !kindHead && facts.MayNameRole(o.pass.p.text) {
			// A passage naming another role is about that role, whatever
			// its section: "ML engineer salaries…" for a data scientist.
			if r := facts.FindRole(o.pass.p.text); r != "" {
				rf = sign(roleFit(a.role, r))
			}
		}
		set("role_fit", rf)
		set("level_fit", sign(levelFit(a.level, primary.level)))
		if ls := e.payLevels[lineKey{refs[0].gi, refs[0].line}]; a.intent == intentSalary && a.level != "" && o.pass != nil && len(ls) > 0 && !slices.Contains(ls, a.level) {
			// The figures the passage quotes are another level's ("$120,000
			// to $200,000 for mid-level positions" for a senior's pay).
			set("level_fit", -1)
		}
		set("place_fit", sign(placeFit(a.regions, primary.places)))
		set("search", a.score[[2]int{refs[0].gi, refs[0].si}])
		all := subjW > 0
		for _, c := range a.concepts {
			if c.subject && !covers(e.titles[refs[0].gi], c.concept) {
				all = false
			}
		}
		set("title_subject", boolf(all))
	}
	set("unknown", share(unknown, a.total))
	set("naive", o.naive)
	if o.kind.typed() {
		set("typed_"+o.kind.String(), 1)
		set("typed_fit", o.r.fit)
		set("typed_unsaid", share(subj[atSection]+subj[atNone]+topic[atSection]+topic[atNone], subjW+topicW))
	}
	// "what" and "which" head half the questions of an FAQ: only the
	// rarer words say the section answers this kind of question.
	if w := a.wh; w != "" && w != "what" && w != "which" && len(refs) > 0 && strings.Contains(strings.ToLower(e.guides[refs[0].gi].Sections[refs[0].si].Name()), w) {
		set("wh_match", 1)
	}
	set("accounted", share(subjW+topicW-subj[atSection]-subj[atNone]-topic[atSection]-topic[atNone], subjW+topicW))
	if o.pass != nil {
		p := o.pass.p
		set("list", boolf(p.whole()))
		set("item", boolf(p.item))
		set("question_unit", boolf(strings.HasSuffix(p.text, "?") && !p.list))
		set("required", boolf(a.needs && p.required))
		l := 0.0
		for _, c := range a.concepts {
			if covers(p.labelled(), c.concept) {
				l += c.weight
			}
		}
		set("label", share(l, a.total))
		if b, ok := e.block(refs[0]); ok && b.Kind == guide.Row {
			set("row", 1)
		}
	}
	set("length", math.Log1p(float64(len(text)))/6)
	if a.intent == intentDuration {
		if d := facts.FindDuration(text); facts.RoughDuration(d) {
			set("states_duration", 0.5) // "a few months": said, but not counted
		} else if d != "" {
			set("states_duration", 1)
		}
	}
	if a.intent == intentPrice {
		for _, ref := range refs {
			if e.priceAt[lineKey{ref.gi, ref.line}] {
				set("states_price", 1)
			}
		}
	}
	if a.intent == intentSalary && hasFigure {
		set("states_figure", 1)
	}
	if a.wantsFigure && !hasFigure {
		set("figure_missing", 1)
	}
	if a.intent == intentStart {
		cue := o.kind == optStart
		for _, ref := range refs {
			cue = cue || startCue.MatchString(e.guides[ref.gi].Sections[ref.si].Name())
		}
		if cue {
			set("start_cue", 1)
		}
	}
	if o.pass != nil && a.roleTerms != nil {
		lead := e.wordSet(firstWords(o.pass.p.text, 3))
		for _, t := range lead {
			if a.roleTerms.has(t) {
				set("subject_leads", 1)
			}
		}
	}
	if a.wh == "why" {
		set("why_list", boolf(o.listed || o.pass != nil && (o.pass.p.whole() || o.pass.p.item && !o.pass.p.sentences)))
		set("why_reason", boolf(reasonText.MatchString(text)))
	}
	for _, st := range stated {
		if st.asked(a) {
			set(st.feature, boolf(st.text.MatchString(text)))
		}
	}
	if a.describes && o.pass != nil && o.pass.p.opening {
		head := e.sections[o.pass.gi][o.pass.si].head
		named := false
		for _, c := range a.concepts {
			named = named || !c.soft && !c.kind && !e.isGeneric(c.Concept) && covers(head, c.concept)
		}
		set("opening_asked", boolf(named))
	}
	if a.aboutWriter && len(refs) > 0 {
		set("writer_voice", boolf(e.sections[refs[0].gi][refs[0].si].firstPerson || firstPerson.MatchString(text)))
	}
	if a.wantsNumber {
		if countedNumber(a.q, markers.ReplaceAllString(text, "")) {
			set("states_number", 1)
		} else {
			set("number_missing", 1)
		}
	}
	if f[featureIndex("states_duration")]+f[featureIndex("states_price")]+f[featureIndex("states_figure")]+f[featureIndex("states_number")] > 0 && subjW > 0 && subj[atSection] > 0 {
		// "Transition Timeline: 3-6 months" under "From Backend Engineer
		// to ML Engineer": the figure asked, its subject left to its section.
		set("states_near", share(subj[atSection], subjW))
	}
	if saysGap(text) {
		set("gap", 1)
	}
	if len(text) <= maxEcho && e.echoes(a, own) {
		set("echo", 1)
	}
	if o.kind.typed() && (strings.Contains(text, "is the last stage of the path") || strings.Contains(text, "is the top of the ladder")) {
		set("dead_end", 1)
	}
	set("stem_only", share(stemOnly, a.total))
	guides := map[int]bool{}
	for _, ref := range o.r.refs {
		guides[ref.gi] = true
	}
	set("guides", float64(len(guides)-1))
	if a.intent != intentGeneral {
		set("intent_"+a.intent.String(), 1)
	}
	if a.many {
		// A question asking for things ("which books", "what are the
		// stages") weighs the shape of an answer its own way: a list
		// names them, a long paragraph around one rarely does.
		for _, n := range manyFeatures {
			f[featureIndex(n+"_many")] = f[featureIndex(n)]
		}
	}
	return f
}

// manyFeatures are the features weighed apart for a question asking for
// several things (see features).
var manyFeatures = []string{"length", "naive", "list", "item"}

// dominated reports whether option i is a typed answer that leaves
// unaccounted a part of the question another option accounts for, and
// accounts for nothing that option does not (figures for another role
// beside the passage about the role).
func dominated(opts []option, i int) bool {
	o := opts[i]
	if !o.kind.typed() {
		return false
	}
	for j, p := range opts {
		if i != j && o.said&p.said == o.said && p.said != o.said {
			return true
		}
	}
	return false
}

// whWords are the words a question opens with that a heading may repeat.
var whWords = regexp.MustCompile(`(?i)^(?:\W*(?:so|and|but|hi|hey|ok|okay)\W+)*(how|why|what|which|where|when|who)\b`)

// echoes reports whether an answer's own words (own) are nothing but the
// question's and words of no content: it names what was asked, not an
// answer.
func (e *Engine) echoes(a *analysis, own []terms) bool {
	for _, ts := range own {
		for _, t := range ts {
			if e.noContent[t] {
				continue
			}
			if !slices.ContainsFunc(a.concepts, func(c weighted) bool {
				return slices.ContainsFunc(c.ids, func(alt []termID) bool { return slices.Contains(alt, t) })
			}) {
				return false
			}
		}
	}
	return len(own) > 0
}

// maxEcho bounds the answers that may echo: a long one says something.
const maxEcho = 160

// whWord returns the question word a question opens with, lower case, as
// an index term.
func whWord(q string) string {
	m := whWords.FindStringSubmatch(q)
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1])
}

// labelsName reports whether most items of list p are labelled as the kind
// c ("Personality Questions - …; Technical Questions - …" for "what kinds
// of questions"): the list names its kind in its items.
func (e *Engine) labelsName(p *passage, c concept) bool {
	if !p.whole() {
		return false
	}
	named := 0
	for _, it := range p.items {
		if l := itemLabel(it); l != "" && covers(e.termSet(l), c) {
			named++
		}
	}
	return 2*named > len(p.items)
}

// block returns the first block of the line a unit reference names.
func (e *Engine) block(ref unitRef) (*guide.Block, bool) {
	bs := e.guides[ref.gi].Sections[ref.si].Blocks
	for i := range bs {
		if bs[i].Line == ref.line {
			return &bs[i], true
		}
	}
	return nil, false
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Candidate is one answer the engine weighed for a question, with the
// features its weights score it by: what cmd/train fits the weights from.
type Candidate struct {
	Kind     string
	Answer   advisor.Answer
	Features []float64
	Score    float64
}

// Naive answers question the naive way: with the paragraph of the found
// sections that plain BM25 over its words ranks first, or an abstention.
// It is the baseline every answer is measured beside.
func (e *Engine) Naive(ctx context.Context, question string) (advisor.Answer, error) {
	q, err := advisor.CleanQuestion(question)
	if err != nil {
		return advisor.Answer{}, err
	}
	a, err := e.prepare(ctx, q, "")
	if err != nil {
		return advisor.Answer{}, err
	}
	u, ok := e.naive(a)
	if !ok {
		return e.refuse(a, nil), nil
	}
	r := &reply{e: e}
	r.say(sentence(u.text, r.cite(u.gi, u.si, u.line, u.text))) // whole: the baseline at its strongest
	return r.answer(), nil
}

// FeatureNames lists the features of Candidate.Features, in order.
func FeatureNames() []string { return slices.Clone(featureNames) }

// Candidates returns every answer the engine weighs for question, read as
// Ask reads it, with their features and scores.
func (e *Engine) Candidates(ctx context.Context, question string) ([]Candidate, error) {
	q, err := advisor.CleanQuestion(question)
	if err != nil {
		return nil, err
	}
	ask, background := reading.Asks(e.reader.Read(q).Text)
	a, err := e.prepare(ctx, ask, background)
	if err != nil {
		return nil, err
	}
	opts := e.scored(a, e.options(a))
	if unanswerable(e, a) {
		return nil, nil
	}
	out := make([]Candidate, len(opts))
	for i, o := range opts {
		out[i] = Candidate{Kind: o.kind.String(), Answer: o.r.answer(), Features: o.f, Score: o.score}
	}
	return out, nil
}
