package answer

import (
	"regexp"
	"sort"
	"strings"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/lexicon"
)

// minStageCover is the share of a question's weight a stage must cover to
// be the one the question is about.
const minStageCover = 0.5

// maxStagesListed bounds the later stages a "where to start" answer names.
const maxStagesListed = 6

// pathWords mark a question about a whole path rather than one stage.
var pathWords = regexp.MustCompile(`(?i)\b(?:path|roadmap|plan|program|programme|curriculum|schedule|course|become|becoming|learn|learning|career|get there|whole|overall|all)\b`)

// wholePath marks a question about a path by name, which the path's
// stages answer even where a passage also states a duration.
var wholePath = regexp.MustCompile(`(?i)\b(?:path|roadmap|plan|program|programme|curriculum|schedule|whole|overall|all (?:the )?(?:stages|levels|steps))\b`)

// totalDuration labels the length of a whole path.
var totalDuration = regexp.MustCompile(`(?i)^\W*(?:total|overall|full|programme|program|course|roadmap|path)\s+(?:duration|length|time(?:line)?)\b`)

// completePath names a path as a whole.
var completePath = regexp.MustCompile(`(?i)\b(?:complete|entire|full|total)\b`)

type stageRef struct {
	gi, pi, si int
}

// stagePosting is a stageRef as a posting list keeps it, in half the room:
// a word common to the stages lists every stage of every guide.
type stagePosting struct{ gi, pi, si int32 }

func (p stagePosting) ref() stageRef { return stageRef{int(p.gi), int(p.pi), int(p.si)} }

func (r stageRef) less(o stageRef) bool {
	if r.gi != o.gi {
		return r.gi < o.gi
	}
	if r.pi != o.pi {
		return r.pi < o.pi
	}
	return r.si < o.si
}

func (e *Engine) stage(r stageRef) *facts.Stage {
	return &e.facts[r.gi].Paths[r.pi].Stages[r.si]
}

// bestStages returns the stages whose text (or, with headOnly, whose
// heading) covers most of the question, at most one per guide and at most
// limit of them, best first, and the share the best covers.
func (e *Engine) bestStages(a *analysis, headOnly bool, limit int) ([]stageRef, float64) {
	return e.bestStagesOf(a, stagesKey{headOnly: headOnly, limit: limit})
}

// bestLearningStages is bestStages (by heading) among the stages of
// learning paths only: the span a career ladder's rung gives ("Senior Data
// Engineer (5+ years)") is the experience it asks for, not how long a
// stage takes.
func (e *Engine) bestLearningStages(a *analysis, limit int) ([]stageRef, float64) {
	return e.bestStagesOf(a, stagesKey{headOnly: true, limit: limit, learning: true})
}

func (e *Engine) bestStagesOf(a *analysis, k stagesKey) ([]stageRef, float64) {
	if a.total == 0 {
		return nil, 0
	}
	if r, ok := a.stages[k]; ok {
		return r.refs, r.cov
	}
	refs, cov := e.findStages(a, k)
	if a.stages == nil {
		a.stages = map[stagesKey]stagesFound{}
	}
	a.stages[k] = stagesFound{refs, cov}
	return refs, cov
}

// stagesKey and stagesFound remember bestStages' answers for a question:
// the relevance check and the answer both ask.
type (
	stagesKey struct {
		headOnly bool
		limit    int
		learning bool // only stages of learning paths, not of ladders
	}
	stagesFound struct {
		refs []stageRef
		cov  float64
	}
)

func (e *Engine) findStages(a *analysis, k stagesKey) ([]stageRef, float64) {
	// Only stages holding the first term of some phrasing can cover
	// anything: look those up instead of scanning every stage.
	post := e.stagePost
	if k.headOnly {
		post = e.stageHeadPost
	}
	// The subject's words ("engineer") are in stages of every guide: look
	// stages up by the other words when there are any.
	topical := false
	for _, c := range a.concepts {
		topical = topical || !c.subject
	}
	refs, best, lent := e.scoreStages(a, post, k, !topical)
	// By the subject's words after all when the other words do not find
	// a stage, or when the best found owes some of its cover to its guide's
	// title: a stage naming only the subject ("Beginner Level") may be as
	// well covered, with the title, and say more of the question itself.
	if topical && (best < minStageCover || lent) {
		refs, best, _ = e.scoreStages(a, post, k, true)
	}
	return refs, best
}

// scoredStage is a stage and how well it covers a question.
type scoredStage struct {
	ref stageRef
	// cov is what the stage and its guide's title cover of the question,
	// own what the stage covers itself.
	cov, own, tie float64
	level         bool // the stage names the level the question names
}

// scoreStage scores one stage and keeps it in all if it is among the best.
func (e *Engine) scoreStage(a *analysis, ref stageRef, headOnly bool, titled func(int, terms) float64, best float64, all []scoredStage) (float64, []scoredStage) {
	if roleFit(a.role, e.sections[ref.gi][e.stage(ref).Section].role) < 0 {
		return best, all // a stage in a data scientist's path does not answer for an ML engineer
	}
	ts := e.stageTerms[ref.gi][ref.pi][ref.si].text
	if headOnly {
		ts = e.stageTerms[ref.gi][ref.pi][ref.si].head
	}
	got := 0.0
	for _, c := range a.concepts {
		if covers(ts, c.concept) {
			got += c.weight
		}
	}
	own := got / a.total
	got += titled(ref.gi, ts)
	cov := got / a.total
	switch {
	case cov > best:
		best, all = cov, all[:0]
	case cov < best:
		return best, all
	}
	// Among equals, the few the search ranks highest, then the first:
	// thousands of stages may tie in a large index.
	st := e.stage(ref)
	s := scoredStage{ref: ref, cov: cov, own: own, tie: a.score[[2]int{ref.gi, st.Section}], level: a.level != "" && facts.FindLevel(st.Title()) == a.level}
	i := sort.Search(len(all), func(i int) bool { return s.before(all[i]) })
	if i == maxTied {
		return best, all
	}
	if len(all) < maxTied {
		all = append(all, scoredStage{})
	}
	copy(all[i+1:], all[i:])
	all[i] = s
	return best, all
}

// maxTied bounds the equally covering stages kept while scoring.
const maxTied = 16

// before orders stages by coverage, search rank, then guide order.
func (s scoredStage) before(o scoredStage) bool {
	if s.cov != o.cov {
		return s.cov > o.cov
	}
	// Of stages a title covers alike, the one of the level asked about
	// ("the beginner level": "Beginner Level (0-4 months)", not a month
	// within it), then the one that says more of the question itself.
	if s.level != o.level {
		return s.level
	}
	if s.own != o.own {
		return s.own > o.own
	}
	if s.tie != o.tie {
		return s.tie > o.tie
	}
	return s.ref.less(o.ref)
}

// scoreStages scores the stages holding a term of the question's concepts
// (with subjects, of its role, level and place words too) and returns the
// best, at most one per guide. lent reports whether the best stage owes
// some of its cover to its guide's title.
func (e *Engine) scoreStages(a *analysis, post map[string][]stagePosting, k stagesKey, subjects bool) (refs []stageRef, best float64, lent bool) {
	// The postings lists are walked in place, not gathered: a common word
	// lists thousands of stages in a large index.
	var lists [][]stagePosting
	for _, c := range a.concepts {
		if c.subject && !subjects {
			continue
		}
		for _, alt := range c.Alts {
			lists = append(lists, post[alt[0]])
		}
	}
	// What each guide's title covers of the question, counted for each of
	// its stages that does not say it itself ("Beginner Level" in a guide
	// titled "Data Engineering …"); worked out once a guide (-1: not yet),
	// and only when the question has a subject.
	hasSubject := false
	for _, c := range a.concepts {
		hasSubject = hasSubject || c.subject
	}
	var byTitle []float64
	if hasSubject {
		byTitle = make([]float64, len(e.guides))
		for i := range byTitle {
			byTitle[i] = -1
		}
	}
	titled := func(gi int, ts terms) float64 {
		if byTitle == nil {
			return 0
		}
		w := byTitle[gi]
		if w < 0 {
			w = 0
			for _, c := range a.concepts {
				if covers(e.titles[gi], c.concept) {
					w += c.weight
				}
			}
			byTitle[gi] = w
		}
		if w == 0 {
			return 0
		}
		// Not twice for what the stage names as well.
		for _, c := range a.concepts {
			if covers(ts, c.concept) && covers(e.titles[gi], c.concept) {
				w -= c.weight
			}
		}
		return w
	}
	// Only the best-covered stages are kept and sorted: a common word
	// brings thousands of candidates in a large index.
	var all []scoredStage
	best = -1.0
	for _, list := range lists {
		for i, p := range list {
			if i > 0 && p == list[i-1] {
				continue
			}
			ref := p.ref()
			if k.learning && e.facts[ref.gi].Paths[ref.pi].Ladder {
				continue
			}
			best, all = e.scoreStage(a, ref, k.headOnly, titled, best, all)
		}
	}
	if len(all) == 0 {
		return nil, 0, false
	}
	var out []stageRef
	seen := map[int]bool{}
	for _, s := range all {
		if s.cov < best || len(out) == k.limit {
			break
		}
		if !seen[s.ref.gi] {
			seen[s.ref.gi] = true
			out = append(out, s.ref)
		}
	}
	return out, best, all[0].own < all[0].cov
}

// next answers "what after X": the stage after the one that teaches X, in
// each of up to two guides that teach it equally well.
func (e *Engine) next(a *analysis) *reply {
	refs, cov := e.bestStages(a, false, 2)
	if cov < minStageCover {
		return nil
	}
	r := &reply{e: e, fit: min(1, cov)}
	for _, ref := range refs {
		p := e.facts[ref.gi].Paths[ref.pi]
		cur := e.stage(ref)
		if ref.si+1 == len(p.Stages) {
			marker := r.cite(ref.gi, cur.Section, cur.Line, cur.Snippet)
			r.say(sentence(cur.Title()+" is the last stage of the path in “"+e.guides[ref.gi].Title+"”; it covers "+topics(cur), marker))
			continue
		}
		nxt := &p.Stages[ref.si+1]
		// The stage that teaches what the question names is cited too: the
		// answer rests on it as much as on the next one.
		here := r.cite(ref.gi, cur.Section, cur.Line, cur.Snippet)
		marker := r.cite(ref.gi, nxt.Section, nxt.Line, nxt.Snippet)
		r.say(sentence("After "+cur.Title()+" "+here+", move on to "+nxt.Title()+during(nxt)+": "+topics(nxt), marker))
	}
	return r
}

// start answers "where do I start": the first stage of the best path.
func (e *Engine) start(a *analysis) *reply {
	if beforeStart.MatchString(a.q) {
		return nil // what to know before starting is no stage of the path: its prerequisites are
	}
	ref, fit, ok := e.bestPath(a)
	if !ok {
		return nil
	}
	p := e.facts[ref.gi].Paths[ref.pi]
	first := &p.Stages[0]
	r := &reply{e: e, fit: fit}
	if roles := uncoveredRoles(a); len(roles) > 0 {
		// No guide mentions the role asked: the path is another role's, and
		// says so as a passage standing in would.
		r.say("The guides don't cover " + joinAnd(roles) + "; the closest they say:")
	}
	r.say(sentence("Start with "+first.Title()+during(first)+": "+topics(first), r.cite(ref.gi, first.Section, first.Line, first.Snippet)))
	// Then the rest of the path, stage by stage, so a roadmap question
	// sees the whole of it.
	var rest []string
	for i := 1; i < len(p.Stages) && i <= maxStagesListed; i++ {
		st := &p.Stages[i]
		rest = append(rest, st.Title()+during(st)+" "+r.cite(ref.gi, st.Section, st.Line, st.Snippet))
	}
	r.say("Then " + strings.Join(rest, ", then ") + ".")
	return r
}

// uncoveredRoles are the roles the question asks about that no guide
// mentions, without its places.
func uncoveredRoles(a *analysis) []string {
	var roles []string
	for _, n := range a.uncovered {
		if !isRegion(n, a.regions) {
			roles = append(roles, n)
		}
	}
	return roles
}

// beforeStart asks what comes before a path's start.
var beforeStart = lexicon.Get().Match("before-start")

// rateAsk asks a time budget ("how many hours per week"), not a length.
var rateAsk = lexicon.Get().Match("rate-ask")

// duration answers "how long does X take" for a stage named in the
// question, or for a whole path.
func (e *Engine) duration(a *analysis) *reply {
	if rateAsk.MatchString(a.q) {
		return nil // hours a week: what a passage states, not a path's length
	}
	// "How long does the roadmap take?": the whole path, not a stage its
	// subject's words happen to name ("AI" in "Phase 4: AI Frameworks").
	whole := a.asked == 0 && (wholePath.MatchString(a.q) || completePath.MatchString(a.q))
	refs, cov := e.bestLearningStages(a, 1)
	if cov >= minStageCover && !whole {
		st := e.stage(refs[0])
		ref := refs[0]
		if st.Duration == "" {
			return nil
		}
		r := &reply{e: e, fit: min(1, cov)}
		r.say(sentence(st.Title()+" takes "+st.Duration, r.cite(ref.gi, st.Section, st.Line, st.Snippet)))
		return r
	}
	if !pathWords.MatchString(a.q) || !wholePath.MatchString(a.q) && e.durationPassage(a) {
		return nil // a passage says how long: the general answer quotes it
	}
	pref, fit, ok := e.bestPath(a)
	if !ok {
		return nil
	}
	if whole {
		// A total the guide states ("Total Duration: 12-18 months") says it.
		for si, sec := range e.guides[pref.gi].Sections {
			for _, b := range sec.Blocks {
				if len(b.Text) < 120 && totalDuration.MatchString(b.Text) && facts.FindDuration(b.Text) != "" {
					r := &reply{e: e, fit: fit}
					r.say(sentence(clip(b.Text, maxQuote), r.cite(pref.gi, si, b.Line, b.Text)))
					return r
				}
			}
		}
	}
	p := e.facts[pref.gi].Paths[pref.pi]
	r := &reply{e: e, fit: fit}
	var parts []string
	for i := range p.Stages {
		st := &p.Stages[i]
		if st.Duration == "" {
			return nil
		}
		parts = append(parts, st.Title()+" "+st.Duration+" "+r.cite(pref.gi, st.Section, st.Line, st.Snippet))
	}
	r.say("The guide's path takes " + strings.Join(parts, ", then ") + ".")
	return r
}

// bestPath picks the path in the guide the search ranks highest for the
// question, or the first path when the search does not tell.
func (e *Engine) bestPath(a *analysis) (stageRef, float64, bool) {
	var best stageRef
	bestScore, bestAbout, found := -1.0, 0.0, false
	subject := 0.0
	for _, c := range a.concepts {
		if c.subject {
			subject += c.weight
		}
	}
	for gi, fx := range e.facts {
		for pi, p := range fx.Paths {
			if p.Ladder {
				continue // a career ladder is not where one starts learning
			}
			score, about := 0.0, 0.0
			if subject > 0 {
				// The guide about the role and place asked about.
				for _, c := range a.concepts {
					if c.subject && covers(e.titles[gi], c.concept) {
						about += 2 * c.weight / subject
					}
				}
			}
			// The guide whose title names what is to be learned ("MLOps").
			for _, c := range a.concepts {
				if !c.subject && covers(e.titles[gi], c.concept) {
					about += c.weight / a.total
				}
			}
			for _, h := range a.hits {
				if h.Guide == gi {
					score = max(score, a.score[[2]int{h.Guide, h.Section}])
				}
			}
			for _, st := range p.Stages {
				if s, ok := a.score[[2]int{gi, st.Section}]; ok {
					score = max(score, 1+s) // a hit on the path itself counts most
				}
			}
			if score += about; score > bestScore {
				best, bestScore, bestAbout, found = stageRef{gi, pi, 0}, score, about, true
			}
		}
	}
	// How well it fits: the guide's title names the subject (2) and what
	// is to be learned.
	return best, min(1, bestAbout/2), found
}

func during(st *facts.Stage) string {
	if st.Duration == "" {
		return ""
	}
	return " (" + st.Duration + ")"
}

func topics(st *facts.Stage) string {
	return clip(joinItems(st.Topics), maxQuote)
}
