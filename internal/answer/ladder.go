package answer

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/careerbot/careerbot/internal/facts"
)

// topWords ask for the end of a career ladder rather than its next rung.
var topWords = regexp.MustCompile(`(?i)\b(?:top|highest|how high|how far|climb|peak|ceiling|final|ultimate|end of)\b`)

// ladderShape are words that shape a question about a ladder, not what
// it is about.
var ladderShape = regexp.MustCompile(`(?i)^(?:top|highest|high|climb|ladder|peak|ceiling|final|ultimate|end|roles?|positions?|titles?|levels?|rank|above|after|next|promot\w*|career|progression|far|comes?|step|years?|experience|yoe|until|usually|typically|tracks?|sides?|branch(?:es)?|ic|individual|contributors?|technical|tech|mgmt|management|managerial|y|shaped)$`)

// mgmtTrack and icTrack name a branch of a forked ladder; mgmtRung is a
// rung on the management branch.
var (
	mgmtTrack = regexp.MustCompile(`(?i)\b(?:mgmt|management|managerial|manager track|people (?:lead|manager))\b`)
	icTrack   = regexp.MustCompile(`(?i)\b(?:ic|individual contributor|technical|tech track|tech side|expert track)\b`)
	mgmtRung  = regexp.MustCompile(`(?i)\b(?:manager|management|director|head|vp|vice president|chief|cto|cdo)\b`)
)

// onTrack keeps the rungs of a fork on the branch the question names.
func onTrack(q string, l facts.Ladder, at []int) []int {
	if len(at) < 2 {
		return at
	}
	m, ic := mgmtTrack.MatchString(q), icTrack.MatchString(q)
	if m == ic {
		return at
	}
	var out []int
	for _, j := range at {
		if mgmtRung.MatchString(l.Rungs[j].Name) == m {
			out = append(out, j)
		}
	}
	if len(out) == 0 {
		return at
	}
	return out
}

// namesTopic reports whether the question names something besides the
// role, level and place it is about, the words of the guides' rung names
// ("ML" in "ML Lead") and the words that shape a ladder question: a
// skill or tool it wants the next step after.
func (e *Engine) namesTopic(a *analysis) bool {
	for _, c := range a.concepts {
		if !c.subject && !ladderShape.MatchString(c.Text) && !facts.IsRoleWord(c.Text) && !covers(e.rungWords, c.concept) {
			return true
		}
	}
	return false
}

// minRungCover is the share of the question's role and level words a
// rung must name to be the one the question is about.
const minRungCover = 0.6

type rungRef struct{ gi, li, ri int }

func (e *Engine) rung(r rungRef) *facts.Rung {
	return &e.facts[r.gi].Ladders[r.li].Rungs[r.ri]
}

// bestRungs returns the rungs that best name the role the question asks
// about, at most one per ladder and two in all, best first. It returns
// none unless the question names a role or a level that a rung names.
func (e *Engine) bestRungs(a *analysis) ([]rungRef, float64) {
	roleWeight, topic := 0.0, 0.0
	isRole := make([]bool, len(a.concepts))
	for i, c := range a.concepts {
		for w := range strings.FieldsSeq(c.Text) {
			if facts.IsRoleWord(w) {
				isRole[i] = true
			}
		}
		if isRole[i] {
			roleWeight += c.weight
		}
		if !ladderShape.MatchString(c.Text) {
			topic += c.weight
		}
	}
	if roleWeight == 0 {
		return nil, 0
	}
	type scored struct {
		ref   rungRef
		score float64
	}
	var all []scored
	for gi, ls := range e.rungTerms {
		for li, rs := range ls {
			for ri, names := range rs {
				// A rung is its name or any role it groups, whichever fits.
				for _, ts := range names {
					ref := rungRef{gi, li, ri}
					if fit, ok := e.rungFit(a, ts, gi, isRole, roleWeight, topic); ok {
						all = append(all, scored{ref, fit + 0.02*a.score[[2]int{gi, e.rung(ref).Section}]})
					}
				}
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	var out []rungRef
	seen := map[[2]int]bool{}
	for _, s := range all {
		if len(out) == 2 || s.score < all[0].score-0.1 {
			break
		}
		if k := [2]int{s.ref.gi, s.ref.li}; !seen[k] {
			seen[k] = true
			out = append(out, s.ref)
		}
	}
	if len(out) == 0 {
		return nil, 0
	}
	return out, all[0].score
}

// rungFit scores how well a rung's name (or a role it groups), ts, names
// what the question asks about: the share of its weight covered, less a
// little for each word the name adds ("Junior ML Engineer" for "ML
// engineer"). ok is false unless it names enough of the question's role
// and level words and of the question.
func (e *Engine) rungFit(a *analysis, ts terms, gi int, isRole []bool, roleWeight, topic float64) (float64, bool) {
	role, got := 0.0, 0.0
	used := map[string]bool{}
	for i, c := range a.concepts {
		if c.shape {
			continue // "next role": any rung is a role
		}
		alt, ok := covering(ts, c.concept)
		if !ok && c.subject && !isRole[i] && covers(e.titles[gi], c.concept) {
			got += c.weight // the place the guide is about
			continue
		}
		if !ok {
			continue
		}
		got += c.weight
		if isRole[i] {
			role += c.weight
		}
		for _, t := range alt {
			used[t] = true
		}
	}
	if role < minRungCover*roleWeight || got < minCoverage*topic {
		return 0, false
	}
	extra := 0
	for _, id := range ts {
		if t := e.spelling[id]; !used[t] && !strings.ContainsAny(t, "0123456789") && t != "year" {
			extra++ // but not for the years a rung gives
		}
	}
	return got/a.total - 0.05*float64(extra), true
}

// ladder answers "what comes after senior data scientist?" with the next
// rungs of the ladder that names that role, and "how high can a data
// scientist climb?" with its top rung. It returns nil when no ladder names
// the role or level the question asks about.
func (e *Engine) ladder(a *analysis) *reply {
	refs, fit := e.bestRungs(a)
	if len(refs) == 0 {
		return nil
	}
	top := topWords.MatchString(a.q)
	// A rung that tops one ladder a guide draws may go on in another
	// ("At a glance" lists more rungs than "Levels"): then it is no top.
	goesOn := slices.ContainsFunc(refs, func(ref rungRef) bool {
		return len(e.facts[ref.gi].Ladders[ref.li].Next(ref.ri)) > 0
	})
	r := &reply{e: e, fit: min(1, max(0, fit))}
	for _, ref := range refs {
		l := e.facts[ref.gi].Ladders[ref.li]
		cur := l.Rungs[ref.ri]
		cite := func(x facts.Rung) string { return r.cite(ref.gi, x.Section, x.Line, x.Snippet) }
		switch last := l.Rungs[len(l.Rungs)-1]; {
		case a.intent == intentDuration:
			if cur.Years == "" {
				continue
			}
			r.say(sentence(cur.Name+": "+cur.Years+" of experience", cite(cur)))
		case top && ref.ri < len(l.Rungs)-1:
			path := []string{cur.Title()}
			end := ref.ri
			for at := onTrack(a.q, l, l.Next(end)); len(at) > 0; at = onTrack(a.q, l, l.Next(end)) {
				end = at[0]
				path = append(path, l.Rungs[end].Title())
			}
			last = l.Rungs[end]
			r.say(sentence("From "+cur.Title()+" the ladder tops out at "+last.Title()+": "+strings.Join(path, " → "), cite(last)))
		case len(l.Next(ref.ri)) == 0:
			if goesOn {
				continue
			}
			r.say(sentence(cur.Title()+" is the top of the ladder in “"+e.guides[ref.gi].Title+"”", cite(cur)))
		default:
			// The next rung, or the rungs a fork offers, then the one after.
			// The rung asked about is evidence too, cited first: the
			// answer says what follows it, and where the guide says so.
			from := cite(cur)
			var next []string
			at := onTrack(a.q, l, l.Next(ref.ri))
			for _, j := range at {
				next = append(next, l.Rungs[j].Title()+" "+cite(l.Rungs[j]))
			}
			s := "After " + cur.Title() + " " + from + " comes " + strings.Join(next, " or ")
			if len(at) == 1 {
				if then := l.Next(at[0]); len(then) == 1 {
					s += ", then " + l.Rungs[then[0]].Title() + " " + cite(l.Rungs[then[0]])
				}
			}
			r.say(s + ".")
		}
	}
	if len(r.sentences) == 0 {
		return nil
	}
	return r
}
