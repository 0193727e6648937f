package answer

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
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
	// weightSection counts a concept only another passage of the section
	// names, for passages chosen for what they state (a price, a duration).
	weightSection = 0.5
	// weightEnumeration counts a kind word ("skills") for a passage that
	// lists things without naming the kind.
	weightEnumeration = 0.6
	// weightStem counts a word met only through a word sharing its stem.
	weightStem = 0.75
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
	// near is cov counting, at weightSection, what the rest of the
	// section says: the passage stating a duration or a price may leave
	// the subject to its neighbours ("Transition Timeline: 3-6 months").
	near float64
	// askedCov is the share covered of what the question asks about
	// beyond its subject, its shape and the kind of answer; specific,
	// whether a word of it that is not generic is.
	askedCov float64
	specific bool
}

// answers reports whether c answers the question: it covers enough of
// it, and more than half of what it asks besides its role, level and
// place, through more than generic words ("best pizza in Romania" is not
// about Romania's pay; "what's the best career?" is no question of ours).
func (a *analysis) answers(c candidate) bool {
	if c.cov < minCoverage {
		return false
	}
	return a.asked == 0 || c.askedCov >= minCoverage && c.specific
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
	n := 0
	for _, h := range a.hits {
		n += len(e.sections[h.Guide][h.Section].passages)
	}
	out := make([]candidate, 0, n)
	// What a section's headings, title and text cover of each concept is
	// the same for all its passages: worked out once a section.
	const inHead, inOuter, inTitle, inAll = 1, 2, 4, 8
	at := make([]uint8, len(a.concepts))
	for _, h := range a.hits {
		info := &e.sections[h.Guide][h.Section]
		sets := [...]struct {
			bit uint8
			ts  terms
		}{{inHead, info.head}, {inOuter, info.outer}, {inTitle, e.titles[h.Guide]}, {inAll, info.all}}
		for ci, c := range a.concepts {
			at[ci] = 0
			for _, st := range sets {
				if covers(st.ts, c.concept) {
					at[ci] |= st.bit
				}
			}
		}
		// "From junior to mid": the "Junior → Mid" section, whichever passage.
		arrow := a.transition && arrowHeading.MatchString(e.guides[h.Guide].Sections[h.Section].Heading())
		for pi := range info.passages {
			p := &info.passages[pi]
			got, head, near, label, topic, headTopic := 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
			specific, asked := false, 0.0 // it covers an asked word that is not generic; their weight
			own := false                  // an item names something its context does not
			for ci, c := range a.concepts {
				before := got
				inHeadC, inOuterC, inTitleC := at[ci]&inHead != 0, at[ci]&inOuter != 0, at[ci]&inTitle != 0
				inText := covers(p.own(), c.concept)
				if inHeadC {
					head += c.weight
					if !c.subject {
						headTopic += c.weight
					}
				}
				if covers(p.labelled(), c.concept) {
					label += c.weight
				}
				inContext := p.item && (covers(p.lead(), c.concept) || inHeadC || inOuterC || inTitleC)
				switch {
				case c.kind && !e.question[c.Alts[0][0]] && inText && !p.enumerates():
					// "MLOps Tools - Machine Learning Operations" names the
					// kind asked for but lists none of it.
					got += weightEnumeration * c.weight
				case inText:
					got += c.weight
					own = own || p.item && !inContext
				case c.kind && e.question[c.Alts[0][0]]:
					if p.questions {
						got += c.weight // "which interview questions": a list of them
					}
				case p.item && covers(p.lead(), c.concept):
					got += c.weight // an item is what its lead introduces
				case inHeadC && (p.list || p.item || c.kind && len(p.items) > 1):
					got += c.weight // a bare list is all about its heading; "## Skills" names what its list holds
				case c.kind && p.enumerates():
					got += weightEnumeration * c.weight // "which tools": the tools themselves
				case c.subject && (inHeadC || inOuterC || inTitleC):
					got += c.weight // a guide about senior data engineers in Spain is so throughout
				case inHeadC:
					got += weightHead * c.weight
				case inOuterC:
					got += weightOuter * c.weight
				case inTitleC && !c.kind:
					// Not "skills" from a title "Pay, Skills and Path": the
					// kind asked for must be in the section itself.
					got += weightTitle * c.weight
				case at[ci]&inAll != 0:
					near += weightSection * c.weight
				}
				if c.stemOnly {
					got -= (1 - weightStem) * (got - before) // "pythons" met as "Python"
				}
				if !c.subject && !c.shape {
					topic += got - before
					if !c.kind {
						asked += got - before
						if got > before && !e.isGeneric(c.Concept) {
							specific = true
						}
					}
				}
			}
			if p.item && !own {
				continue // the whole list answers better than any one item
			}
			cov := got / a.total
			// Ties go to the section the index ranks higher, then to the
			// shorter passage.
			score := cov + 0.08*a.score[[2]int{h.Guide, h.Section}] - 0.03*float64(len(p.text))/400 + roleFit(a.role, info.role) + levelFit(a.level, info.level) + placeFit(a.regions, info.places)
			if a.topic > 0 {
				// Within the guide about the subject, what else it covers decides.
				score += topicWeight * topic / a.topic
			}
			if a.wantsList() && p.enumerates() {
				score += listBonus // "which cloud platforms": the one naming them
				if examples.MatchString(p.text) {
					score += listBonus // "textbooks like “Pattern Recognition…”": the things themselves
				}
			}
			score += labelBonus * label / a.total // "Cloud Platforms: …" is about cloud platforms
			if arrow {
				score += transitionBonus
			}
			if a.needs && p.required {
				score += requiredBonus // "what do I need": the list of what is required
			}
			switch {
			case head >= 0.5*a.total:
				score += headBonus * head / a.total // the section is about the question, not just mentioning part of it
			case a.topic > 0 && headTopic >= 0.5*a.topic:
				score += headBonus * headTopic / a.topic // "## Skills" in the guide about the subject
			}
			if strings.HasSuffix(p.text, "?") && !p.list {
				score -= questionPenalty // a question in a guide asks; it does not answer
			}
			c := candidate{gi: h.Guide, si: h.Section, p: p, cov: cov, score: score, near: (got + near) / a.total, specific: specific}
			if a.asked > 0 {
				c.askedCov = asked / a.asked
			}
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// Role fit: a section about the role the question names (by its headings
// or its guide's title) ranks above one about another role, whose words
// may still match ("Feature Engineering" in a data scientist's guide).
const (
	roleBonus   = 0.1
	rolePenalty = 0.15
	// requiredBonus breaks ties toward a list its lead calls required when
	// the question asks what is needed.
	requiredBonus = 0.05
	// listBonus breaks ties toward a passage that names several things
	// when the question asks for a kind of thing ("which tools").
	listBonus = 0.05
	// labelBonus favours an item whose label names the question's concepts
	// over one that only mentions them.
	labelBonus = 0.1
	// topicWeight ranks passages by the share of the question's
	// non-subject weight they cover: every passage of a guide titled
	// "Data Analyst in Bucharest" covers its subject.
	topicWeight = 0.3
	// transitionBonus favours a section headed "A → B" for a question
	// about getting from A to B.
	transitionBonus = 0.15
)

// examples introduces the things a passage names: "textbooks like …",
// "platforms such as …".
var examples = regexp.MustCompile(`(?i)\b(?:such as|like|including|includes?|e\.g\.|for example|namely)\b`)

// arrowHeading marks a heading about moving from one level or role to another.
var arrowHeading = regexp.MustCompile(`→|->|⟶|➡|=>|\bto\b`)

// wantsList reports whether the question asks for a kind of thing.
func (a *analysis) wantsList() bool {
	for _, c := range a.concepts {
		if c.kind {
			return true
		}
	}
	return false
}

func roleFit(question, section string) float64 {
	switch {
	case question == "" || section == "":
		return 0
	case facts.RoleMatches(question, section):
		return roleBonus
	}
	return -rolePenalty
}

// levelFit ranks a section about another level than the question asks
// about ("Junior → Mid Level" for "mid level") below the others.
func levelFit(question, section facts.Level) float64 {
	if question == "" || section == "" || question == section {
		return 0
	}
	return -rolePenalty
}

// placeFit ranks a section about another place than the question asks
// about below the others, and one about that place (or its country)
// above.
func placeFit(question, section []facts.Region) float64 {
	if len(question) == 0 || len(section) == 0 {
		return 0
	}
	for _, q := range question {
		for _, s := range section {
			if q.Covers(s) || s.Covers(q) {
				return roleBonus
			}
		}
	}
	return -rolePenalty
}

// whole reports whether p is a list of several things quoted whole: one
// bullet is a sentence, and an item is one thing.
func (p *passage) whole() bool { return !p.item && len(p.items) > 1 }

// enumerates reports whether p lists several things: a list, or an item
// or sentence naming three or more ("MLOps: MLflow, Kubeflow, CI/CD").
func (p *passage) enumerates() bool {
	return len(p.items) > 1 || strings.Count(p.text, ", ")+strings.Count(p.text, "; ") >= 2 // not "$120,000"
}

// general quotes the passages that best cover the question: the best one,
// and the best from another guide when it is nearly as good.
func (e *Engine) general(a *analysis) *reply {
	cands := e.rank(a)
	// "How much is the bootcamp?", "how long does the switch take?": the
	// passages that state a price or a duration, when one answers.
	switch a.intent {
	case intentPrice:
		cands = preferring(cands, func(c candidate) bool { return e.priceAt[lineKey{c.gi, c.p.line}] })
	case intentDuration:
		cands = preferring(cands, statesDuration)
	}
	if len(cands) == 0 || !a.answers(cands[0]) {
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
	r.say(e.quote(a, best, r))
	if other, ok := e.otherRole(a, cands, best); ok {
		// "data scientist or ML engineer?": a passage about each.
		r.say(e.quote(a, other, r))
		return r
	}
	for _, c := range cands[1:] {
		if c.gi != best.gi && c.cov >= secondCoverage && c.score >= 0.85*best.score {
			r.say(e.quote(a, c, r))
			break
		}
	}
	return r
}

// otherRole returns, for a question naming two roles, the best passage
// about the role the best passage is not about.
func (e *Engine) otherRole(a *analysis, cands []candidate, best candidate) (candidate, bool) {
	roles := a.allRoles()
	if len(roles) != 2 {
		return candidate{}, false
	}
	same := func(role, r string) bool {
		return r != "" && facts.RoleMatches(role, r) && strings.Contains(r, strings.Fields(role)[0])
	}
	// A section headed with the role is about it; else a passage that
	// names it first.
	bySection := func(c candidate, role string) bool { return same(role, e.sections[c.gi][c.si].role) }
	byText := func(c candidate, role string) bool { return same(role, facts.FindRole(c.p.text)) }
	other := roles[1]
	if (bySection(best, roles[1]) || byText(best, roles[1])) && !bySection(best, roles[0]) && !byText(best, roles[0]) {
		other = roles[0]
	}
	for _, about := range []func(candidate, string) bool{bySection, byText} {
		for _, c := range cands[1:] {
			if c.p != best.p && c.cov >= minCoverage*0.8 && about(c, other) {
				return c, true
			}
		}
	}
	return candidate{}, false
}

func statesDuration(c candidate) bool { return facts.FindDuration(c.p.text) != "" }

// durationPassage reports whether a passage stating a duration answers
// the question.
func (e *Engine) durationPassage(a *analysis) bool {
	cands := preferring(e.rank(a), statesDuration)
	return len(cands) > 0 && statesDuration(cands[0]) && cands[0].cov >= minCoverage
}

// preferring returns the candidates ok accepts, their neighbours counted,
// when the best of them answers the question, else all of them.
func preferring(cands []candidate, ok func(candidate) bool) []candidate {
	var out []candidate
	for _, c := range cands {
		if ok(c) {
			c.score += c.near - c.cov
			c.cov = c.near
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	if len(out) > 0 && out[0].cov >= minCoverage {
		return out
	}
	return cands
}

// answerTo returns the passage after c in its section when c is a
// question, as in a guide's FAQ.
func (e *Engine) answerTo(c candidate) (candidate, bool) {
	if !strings.HasSuffix(c.p.text, "?") || c.p.items != nil || c.p.item {
		return c, false // a list of questions is what was asked for, not one to answer
	}
	ps := e.sections[c.gi][c.si].passages
	for i := range ps {
		if &ps[i] == c.p && i+1 < len(ps) && !strings.HasSuffix(ps[i+1].text, "?") {
			c.p = &ps[i+1]
			// The whole answer, not its first sentence ("Not strictly."):
			// the sentences of the same paragraph that follow.
			text := c.p.text
			for _, n := range ps[i+2:] {
				if n.line != c.p.line || n.item || n.items != nil || len(text)+len(n.text) >= maxQuote {
					break
				}
				text += " " + n.text
			}
			if text != c.p.text {
				p := *c.p
				p.text = text
				c.p = &p
			}
			return c, true
		}
	}
	return c, false
}

// quote renders a passage as a sentence of the answer with its citation:
// a list by the items that answer, an item or a bare list with the
// heading that says what it is about.
func (e *Engine) quote(a *analysis, c candidate, r *reply) string {
	text := c.p.text
	heading := e.guides[c.gi].Sections[c.si].Heading()
	switch {
	case c.p.items != nil:
		text = e.listText(a, c.p)
		if c.p.list && heading != "" {
			text = heading + ": " + text
		}
	case c.p.item && heading != "" || e.namesStage(a, heading, text) || headingStates(a, heading, text):
		text = heading + " — " + text
	}
	return sentence(clipKeeping(a, text, maxQuote), r.cite(c.gi, c.si, c.p.line, c.p.text))
}

// clipKeeping clips a quote to n bytes as clip does, unless the cut would
// drop the sentence that states what the question asks (a count, a figure,
// a duration): then the quote is its first sentence and that one ("In
// October 2020 I joined Pagalia… … I stayed twenty-two months in total").
func clipKeeping(a *analysis, s string, n int) string {
	c := clip(s, n)
	if c == s || statesCounted(a, c) || !statesCounted(a, s) {
		return c
	}
	ss := guide.Sentences(s)
	for i := 1; i < len(ss); i++ {
		if statesCounted(a, ss[i]) {
			sep := " … "
			if i == 1 {
				sep = " "
			}
			return clip(ss[0]+sep+ss[i], n)
		}
	}
	return c
}

// headingStates reports whether the heading of a passage states the
// figure, count or duration the question asks for and the passage does
// not: a post's heading that makes the claim ("SQL is 80% of the Job")
// over the paragraphs that argue it. The heading is said before the passage.
func headingStates(a *analysis, heading, text string) bool {
	return heading != "" && statesAsked(a, heading) && !statesAsked(a, text)
}

// namesStage reports whether a question asking which part of a path
// ("which week…") is answered by a passage whose heading names that part
// and whose text does not ("Mon — Task: Pods" under "Week 6: Kubernetes"):
// the heading is the answer, said before the passage.
func (e *Engine) namesStage(a *analysis, heading, text string) bool {
	if a.stageAsked == "" || heading == "" {
		return false
	}
	w := strings.TrimSuffix(a.stageAsked, "s")
	says := func(s string) bool { return mentions(s, w) || mentions(s, w+"s") }
	if a.stageAsked == anyStage {
		says = numberedStage.MatchString
	}
	return says(heading) && !says(text)
}

// maxListItems bounds the items an answer names from one list.
const maxListItems = 8

// listText renders a list passage: its lead, then its items in the
// guide's order, keeping to maxListItems and maxQuote by leaving out
// first the items that name none of the question's concepts.
func (e *Engine) listText(a *analysis, p *passage) string {
	lead := strings.TrimSuffix(p.text, joinItems(p.items))
	if lead == p.text {
		lead = ""
	}
	items := slices.Clone(p.items)
	fits := func(keep []bool) bool {
		n, size := 0, len(lead)
		for i, k := range keep {
			if k {
				n++
				size += len(items[i]) + 2
			}
		}
		return n <= maxListItems && size <= maxQuote
	}
	keep := make([]bool, len(items))
	for i := range keep {
		keep[i] = true
	}
	if !fits(keep) {
		// Labelled paragraphs ("Final round: typically on-site. …") are
		// said each by its label and first sentence before any is left out.
		for i, it := range items {
			items[i] = e.labelAndGist(a, it)
		}
	}
	if !fits(keep) && a.many && labelled(items) {
		// A list of labelled things still too long, asked for as several
		// things, is said by its labels ("Perception; Planning; Tools;
		// Memory"): all it lists, named, rather than the first few in
		// full. An item the question names by its label keeps what it says.
		full := items
		items = slices.Clone(items)
		for i, it := range items {
			if l := itemLabel(it); l != "" && !e.namesLabel(a, e.termSet(l)) {
				items[i] = l
			}
		}
		if !fits(keep) {
			items = full
		}
	}
	if !fits(keep) {
		// The items that say most of the question first, each in the
		// guide's order, while they fit; a long item is cut so that one
		// item cannot fill the answer.
		weight := make([]float64, len(items))
		for i, it := range items {
			ts := e.termSet(it)
			for _, c := range a.concepts {
				if covers(ts, c.concept) {
					weight[i] += c.weight
				}
			}
			items[i] = clip(it, maxQuote/3)
		}
		order := make([]int, len(items))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(x, y int) bool { return weight[order[x]] > weight[order[y]] })
		clear(keep)
		for _, i := range order {
			keep[i] = true
			if !fits(keep) {
				keep[i] = false
			}
		}
	}
	var out []string
	for i, k := range keep {
		if k {
			out = append(out, items[i])
		}
	}
	if len(out) == 0 {
		return p.text // one item longer than a quote: clip it
	}
	return lead + joinItems(out)
}

// labelAndGist shortens a labelled item of several sentences to its label
// and one sentence: for the item the question names by its label, the
// sentence that says most of the question ("The panel day: … The panel
// can be up to six or eight conversations." for how many conversations
// the panel day has); else the first, the gist of what it says.
func (e *Engine) labelAndGist(a *analysis, item string) string {
	l := itemLabel(item)
	if l == "" {
		return item
	}
	rest := strings.TrimLeft(item[len(l):], ":-–— ")
	head := item[:len(item)-len(rest)] // the label with its separator
	sents := guide.Sentences(rest)
	if len(sents) <= 1 {
		return item
	}
	lt := e.termSet(l)
	if !e.namesLabel(a, lt) {
		return head + sents[0]
	}
	for _, s := range sents {
		if statesAsked(a, s) {
			return head + s // the first to state the figure, count or duration asked for
		}
	}
	best, most := sents[0], -1.0
	for _, s := range sents { // the first wins ties: it says what the item is
		w := 0.0
		ts := e.termSet(s)
		for _, c := range a.concepts {
			// What the label says already is no reason to pick a sentence.
			if !c.subject && !c.soft && covers(ts, c.concept) && !covers(lt, c.concept) {
				w += c.weight
			}
		}
		if w > most {
			best, most = s, w
		}
	}
	return head + best
}

// statesAsked reports whether text gives the kind of answer a question
// asks for by its shape: a figure for how much, a number of the things a
// how-many counts, a duration for how long.
func statesAsked(a *analysis, text string) bool {
	switch {
	case a.wantsNumber:
		return countedNumber(a.q, text)
	case a.wantsFigure:
		return statesFigure(text, a.intent == intentSalary)
	case a.intent == intentDuration:
		return facts.FindDuration(text) != ""
	}
	return false
}

// statesCounted is statesAsked, a rough duration ("within a few months")
// left out: a quote keeps the sentence that counts one.
func statesCounted(a *analysis, text string) bool {
	if a.intent != intentDuration || a.wantsNumber || a.wantsFigure {
		return statesAsked(a, text)
	}
	for _, s := range guide.Sentences(text) {
		if d := facts.FindDuration(s); d != "" && !facts.RoughDuration(d) {
			return true
		}
	}
	return false
}

// namesLabel reports whether the question names an item by its label's
// terms lt: a word of its topic, not its subject or a generic word.
func (e *Engine) namesLabel(a *analysis, lt terms) bool {
	for _, c := range a.concepts {
		if !c.subject && !c.soft && !e.isGeneric(c.Concept) && covers(lt, c.concept) {
			return true
		}
	}
	return false
}

// labelled reports whether most items of a list, two in three, name a
// thing before saying more of it ("Memory: short-term vs long-term"). A
// label that numbers the item ("Week 3: SQL…") or times it ("Mon — Task:
// …", a schedule's row) names nothing.
func labelled(items []string) bool {
	n := 0
	for _, it := range items {
		l := itemLabel(it)
		if f := strings.Fields(l); strings.ContainsAny(l, "0123456789") || len(f) > 0 && timeSlot.MatchString(f[0]) {
			return false
		}
		if l != "" {
			n++
		}
	}
	return len(items) >= 2 && 3*n >= 2*len(items)
}

// maxNearest bounds the topics a refusal names.
const maxNearest = 3

// refuse says in one line that the guides hold no answer, naming the
// place or role no guide covers, and the topics nearest to what was asked:
// the sections of the best scoring options.
// cannotAnswer opens every refusal.
const cannotAnswer = "I can't answer that from the guides I have."

func (e *Engine) refuse(a *analysis, opts []option) advisor.Answer {
	r := &reply{e: e, abstained: true}
	line := cannotAnswer
	var roles, places []string
	for _, n := range a.uncovered {
		if isRegion(n, a.regions) {
			places = append(places, n)
		} else {
			roles = append(roles, n)
		}
	}
	what := joinAnd(roles)
	switch {
	case len(roles) > 0 && len(places) > 0:
		what += " in " + joinAnd(places)
	case len(places) > 0:
		what = joinAnd(places)
	}
	switch {
	case what != "" && a.intent == intentSalary:
		line = "The guides don't cover salaries for " + what + "."
	case what != "":
		line = "The guides don't cover " + what + "."
	}
	if near := e.nearest(opts); len(near) > 0 {
		line += " Nearest topics: " + strings.Join(near, "; ") + "."
	}
	r.say(line)
	return r.answer()
}

// nearest names the sections of the best scoring options, best first,
// each once: "Salaries › Romania (How to Build a Career…)".
func (e *Engine) nearest(opts []option) []string {
	sorted := slices.Clone(opts)
	slices.SortStableFunc(sorted, func(x, y option) int { return cmpScore(y.score, x.score) })
	var out []string
	seen := map[unitRef]bool{}
	for _, o := range sorted {
		if len(out) == maxNearest {
			break
		}
		if len(o.r.refs) == 0 {
			continue
		}
		ref := o.r.refs[0]
		k := unitRef{ref.gi, ref.si, 0}
		if seen[k] {
			continue
		}
		seen[k] = true
		g := e.guides[ref.gi]
		name := g.Sections[ref.si].Name()
		if len(g.Sections[ref.si].Path) == 0 {
			name = g.Title
		} else {
			name += " (" + clip(g.Title, 60) + ")"
		}
		out = append(out, name)
	}
	return out
}

func cmpScore(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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
