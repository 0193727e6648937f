package answer

import (
	"sort"
	"strconv"
	"strings"

	"github.com/careerbot/careerbot/internal/advisor"
)

// Coverage thresholds: the share of a question's weight a passage must
// cover to answer it, and to be quoted as a second source.
const (
	minCoverage    = 0.5
	secondCoverage = 0.6
	maxQuote       = 400 // bytes of a quoted passage in the answer text
)

// How much a concept found only in a heading or title counts, against 1
// for one found in the passage itself: a section headed "Finance" is about
// finance even where its bullets never say the word.
const (
	weightHead  = 0.8
	weightOuter = 0.5
	weightTitle = 0.7 // a guide's title says what every section is about
	// headBonus rewards a section whose own heading names the question's
	// concepts: it is about them, not just mentioning them.
	headBonus = 0.2
	// questionPenalty ranks a passage that is itself a question below
	// passages that state something.
	questionPenalty = 0.3
)

type candidate struct {
	gi, si int
	p      *passage
	cov    float64 // share of the question's weight covered
	score  float64 // cov plus tie-breakers
}

// rank scores every passage of the sections the search returned, once
// per question: the relevance check and the general answer both use it.
func (e *Engine) rank(a *analysis) []candidate {
	if a.total == 0 {
		return nil
	}
	if a.ranked != nil {
		return a.ranked
	}
	a.ranked = e.rankPassages(a)
	return a.ranked
}

// rankPassages scores each passage by the share of the question it covers.
func (e *Engine) rankPassages(a *analysis) []candidate {
	var out []candidate
	for _, h := range a.hits {
		info := &e.sections[h.Guide][h.Section]
		for pi := range info.passages {
			p := &info.passages[pi]
			got, head := 0.0, 0.0
			for _, c := range a.concepts {
				if covers(info.head, c.Concept) {
					head += c.weight
				}
				switch {
				case covers(p.terms, c.Concept):
					got += c.weight
				case covers(info.head, c.Concept) && p.list:
					got += c.weight // a bare list is all about its heading
				case covers(info.head, c.Concept):
					got += weightHead * c.weight
				case covers(info.outer, c.Concept):
					got += weightOuter * c.weight
				case covers(info.title, c.Concept):
					got += weightTitle * c.weight
				}
			}
			cov := got / a.total
			// Ties go to the section the index ranks higher, then to the
			// shorter passage.
			score := cov + 0.08*a.score[[2]int{h.Guide, h.Section}] - 0.03*float64(len(p.text))/400
			if head >= 0.5*a.total {
				score += headBonus * head / a.total // the section is about the question, not just mentioning part of it
			}
			if strings.HasSuffix(p.text, "?") && !p.list {
				score -= questionPenalty // a question in a guide asks; it does not answer
			}
			out = append(out, candidate{h.Guide, h.Section, p, cov, score})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// general quotes the passages that best cover the question: the best one,
// and the best from another guide when it is nearly as good.
func (e *Engine) general(a *analysis) *reply {
	cands := e.rank(a)
	if len(cands) == 0 || cands[0].cov < minCoverage {
		return nil
	}
	r := &reply{e: e}
	if len(a.nocover) > 0 {
		r.say("The guides don't cover " + joinAnd(a.nocover) + "; the closest they say:")
	}
	best := cands[0]
	if ans, ok := e.answerTo(best); ok {
		best = ans // a guide's own question (an FAQ): quote its answer
	}
	r.say(e.quote(best, r))
	for _, c := range cands[1:] {
		if c.gi != best.gi && c.cov >= secondCoverage && c.score >= 0.85*best.score {
			r.say(e.quote(c, r))
			break
		}
	}
	return r
}

// answerTo returns the passage after c in its section when c is a
// question, as in a guide's FAQ.
func (e *Engine) answerTo(c candidate) (candidate, bool) {
	if !strings.HasSuffix(c.p.text, "?") {
		return c, false
	}
	ps := e.sections[c.gi][c.si].passages
	for i := range ps {
		if &ps[i] == c.p && i+1 < len(ps) && !strings.HasSuffix(ps[i+1].text, "?") {
			c.p = &ps[i+1]
			return c, true
		}
	}
	return c, false
}

// quote renders a passage as a sentence of the answer with its citation.
func (e *Engine) quote(c candidate, r *reply) string {
	text := c.p.text
	if c.p.list {
		if h := e.guides[c.gi].Sections[c.si].Heading(); h != "" {
			text = h + ": " + text
		}
	}
	return sentence(clip(text, maxQuote), r.cite(c.gi, c.si, c.p.line, c.p.text))
}

// abstain says the guides hold no answer, and what they do cover.
func (e *Engine) abstain() advisor.Answer {
	r := &reply{e: e, abstained: true}
	r.say("I can't answer that from the guides I have.")
	r.say(e.coverage)
	return r.answer()
}

// describeCoverage says what the guides cover: the places their figures
// are for, whether they lay out paths, and their titles.
func (e *Engine) describeCoverage() string {
	var regions []string
	seen := map[string]bool{}
	salaries, paths := 0, 0
	for _, f := range e.facts {
		salaries += len(f.Salaries)
		paths += len(f.Paths)
		for _, s := range f.Salaries {
			if n := s.Region.Name; n != "" && !seen[n] {
				seen[n] = true
				regions = append(regions, n)
			}
		}
	}
	var topics []string
	if salaries > 0 {
		t := "salaries"
		if len(regions) > 0 {
			t += " (" + joinAnd(firstN(regions, 5)) + " and more)"
			if len(regions) <= 5 {
				t = "salaries (" + joinAnd(regions) + ")"
			}
		}
		topics = append(topics, t)
	}
	if paths > 0 {
		topics = append(topics, "learning paths")
	}
	topics = append(topics, "skills, tools and roles")
	var titles []string
	for _, g := range e.guides {
		titles = append(titles, "“"+g.Title+"”")
	}
	return "They cover " + joinAnd(topics) + ", in " + strings.Join(firstN(titles, 5), ", ") + more(len(titles), 5) + "."
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func more(n, shown int) string {
	if n > shown {
		return " and " + strconv.Itoa(n-shown) + " more guides"
	}
	return ""
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
