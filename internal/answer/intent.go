package answer

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/lexicon"
	"github.com/careerbot/careerbot/internal/reading"
	"github.com/careerbot/careerbot/internal/search"
)

// intent is the kind of question, which decides how it is answered.
type intent int

const (
	intentGeneral  intent = iota // quote the passage that says it
	intentSalary                 // figures from salary facts
	intentNext                   // the stage after the one teaching X
	intentStart                  // the first stage of a path
	intentDuration               // how long a stage or a path takes
	intentLadder                 // the role after this one, or the top of a career ladder
	intentPrice                  // what a course, exam or bootcamp costs
)

// payQuestion marks a question about pay, which no price answers.
var payQuestion = lexicon.Get().Match("pay", "pay-question")

// priceQuestion asks what something costs: a price word, "how much is
// the …", or "how much" beside a thing that is priced ("nlp bootcamp how
// much", "how much for the CKA exam").
var priceQuestion = func() *regexp.Regexp {
	l := lexicon.Get()
	priced := `(?:` + l.Pattern("priced") + `)`
	return regexp.MustCompile(`(?i)\b(?:` + l.Pattern("price") + `|` + l.Pattern("price-phrase") + `|` +
		priced + `\b.*\bhow much|how much\b.*\b` + priced + `)\b`)
}()

func (i intent) String() string {
	return [...]string{"general", "salary", "next", "start", "duration", "ladder", "price"}[i]
}

// pathShape are words naming the path a question asks for: a path's
// stages answer them, whatever its title says.
var pathShape = regexp.MustCompile(`(?i)^(?:roadmaps?|paths?|plans?|curriculum|journey|steps?|stages?|phases?|blocks?|whole|entire|full|complete|total|overall)$`)

// targetRole finds the role a question moves to: "from X to Y", "into Y",
// "become a Y", "switching to Y".
var targetRole = regexp.MustCompile(`(?i)\b(?:from\s+.+?\s+to|into|become|becoming|switch(?:ing)?\s+to|mov(?:e|ing)\s+to|transition(?:ing)?\s+to|pivot(?:ing)?\s+to)\s+(?:an?\s+)?(.+?)(?:[?.!,]|$|\s+(?:in|at|with|after|for|role|roles|job|jobs|position)\b)`)

// movingOn is "before I move on to X" (lexicon moving-on).
var movingOn = lexicon.Get().Match("moving-on")

// startDoing is "start" about something other than learning: "when should
// I start applying", "start negotiating", or a question about one step.
var startDoing = regexp.MustCompile(`(?i)\bstart(?:ing)?\s+(?:applying|interviewing|looking|negotiating|working|a job|the job|job hunting|networking|freelancing)\b` +
	// A yes/no question whether one thing is worth it or needed to break
	// in asks about that thing ("is a PhD worth it to break into…", "do I
	// need a degree to get into…"), not where a path starts.
	`|^\W*(?:(?:so|and|but|ok|okay|also|honestly)\W+)*(?:is|are|isn't|aren't|was|does|do|did|would|will)\b.{0,80}?\b(?:worth|necessary|required|needed|need|essential|mandatory|enough)\b`)

// fromTo asks how to get from one level or role to another.
var fromTo = regexp.MustCompile(`(?i)\bfrom\b.+\bto\b|\b(?:move|get|go|step|level) up\b`)

// contrastShape are words that ask to set two things side by side
// ("the difference between a data scientist and an ML engineer").
var contrastShape = regexp.MustCompile(`(?i)^(?:difference|differences|differ|different|vs|versus|compare|compared|comparison)$`)

// yearsShape are the words of a span of experience ("3 years of
// experience", "5 yoe"): they say the level.
var yearsShape = regexp.MustCompile(`(?i)^(?:\d+\+?|years?|yrs?|yoe|experience|exp)$`)

// payShape are words that say which figure a pay question wants.
var payShape = regexp.MustCompile(`(?i)^(?:total|base|gross|net|annual|annually|yearly|monthly|hourly|average|median|starting|per|month|hour|week|annum)$`)

// needWords ask what is required.
var needWords = regexp.MustCompile(`(?i)\b(?:need|needs|needed|require|requires|required|must|essential)\b`)

// stageWords name the parts of a learning path; in a question about a
// path they say which part, not what it teaches.
var stageWords = lexicon.Get().Joined("stage")

// fillerWords carry the question's form, not its topic; they do not count
// when deciding whether a passage answers it.
var fillerWords = lexicon.Get().Joined("filler")

// particleWords are chat's particles ("do they even…", "…tho"): the
// question's tone, not its topic.
var particleWords = lexicon.Get().Joined("particle")

// docRef is the guide itself, named by the question: "the report", "this
// survey", "the platform pay survey".
var docRef = regexp.MustCompile(`(?i)\b(?:the|this|that|these|your|his|her|their)\s+((?:[\w/-]+\s+){0,3}?)(` + lexicon.Get().Pattern("document") + `)\b`)

// possessed returns a word without its possessive ending: "author's" →
// "author".
func possessed(w string) string {
	for _, end := range []string{"'s", "’s", "s'", "s’"} {
		if t, ok := strings.CutSuffix(w, end); ok {
			if end[0] == 's' {
				t += "s"
			}
			return t
		}
	}
	return w
}

// leadsTo is "lead" the verb: "positions that lead into ML engineering".
var leadsTo = regexp.MustCompile(`(?i)\b(lead|leads|leading)\s+(?:on\s+)?(?:to|into|towards?)\b`)

// kindWords name the kind of thing a question asks to have listed
// ("which MLOps tools", "what skills"): the answer names the things, as a
// list, and seldom the kind itself.
var kindWords = lexicon.Get().Joined("kind")

type weighted struct {
	concept
	weight float64
	// kind marks a word naming what the question wants listed: an
	// enumeration covers it.
	kind bool
	// subject marks the role, level or place the question is about: a
	// guide or section titled with it is about it throughout.
	subject bool
	// shape marks words that say what kind of answer is wanted (pay
	// words, "comes after"), not what it is about.
	shape bool
	// stemOnly marks a word the guides never write as the question does,
	// only words sharing its stem ("pythons", "live" for "living").
	stemOnly bool
	// soft marks a word only the background of a long message names.
	soft bool
}

// concept is a concept of a question with each alternative's terms as ids
// too, looked up once: the guides' term sets are sets of ids.
type concept struct {
	search.Concept
	ids [][]termID
}

// concept returns c with its ids.
func (e *Engine) concept(c search.Concept) concept {
	ids := make([][]termID, len(c.Alts))
	for i, alt := range c.Alts {
		ids[i] = make([]termID, len(alt))
		for j, t := range alt {
			ids[i][j] = e.id(t)
		}
	}
	return concept{c, ids}
}

// analysis is what the engine reads from a question before answering it.
type analysis struct {
	q        string
	intent   intent
	hits     []search.Hit
	score    map[[2]int]float64 // a hit's score over the best hit's, 0..1
	concepts []weighted
	total    float64 // the concepts' summed weight
	topic    float64 // the summed weight of the concepts that are neither its subject nor its shape
	// asked is topic without the kind words ("tools" in "tools for
	// woodworking"): what the question is about beyond the kind of answer.
	asked    float64
	specific bool // some of those are not generic words
	level    facts.Level
	role     string
	roleName string // the role as the question writes it
	// roleTerms are the terms of the role, normalised and as written,
	// sorted: analysed once, for every concept and figure check.
	roleTerms words
	regions   []facts.Region
	// nocover names the places and roles the question asks about that no
	// guide mentions; they are left out of the concepts. uncovered are
	// those of them nothing stands in for: a city whose country a guide
	// names is covered by the country's figures.
	nocover, uncovered []string
	ranked             []candidate // the passages, best first, once rank has run
	stages             map[stagesKey]stagesFound
	needs              bool   // it asks what is needed or required
	years              string // the span of experience it names ("10+"), or ""
	// transition marks a question about getting from one level or role
	// to another ("from junior to mid").
	transition bool
	// queryTerms are the question's index terms with their synonyms;
	// wantsFigure and wantsNumber mark a question asking how much or how
	// many; wh is the question word it opens with. Read once a question.
	queryTerms               []string
	roles                    []string // every role it names, once read (allRoles)
	rolesRead                bool
	wantsFigure, wantsNumber bool
	wh                       string
	// aboutWriter marks a question about the guide's writer ("What did he
	// learn first?"): a first-person post answers it.
	aboutWriter bool
	// asksChoice marks a question weighing two things ("X vs Y, which
	// works better?"): a verdict answers it.
	asksChoice bool
	// asksLength marks a question asking how long a text should be.
	asksLength bool
	// describes marks a question asking what something is, does or
	// involves: a section's opening says so.
	describes bool
	// asksTop marks a question asking which is the top of a comparison
	// ("which region pays the most?").
	asksTop bool
	// many marks a question asking for several things of a kind ("which
	// books", "what are the stages").
	many bool
	// stageAsked is the part of a path a question asks which of ("week"
	// in "which week covers Docker"), or "".
	stageAsked string
}

// intentOf returns the kind of question q is.
func intentOf(q string) intent {
	// "Does the salary post say anything about staying?": the words
	// naming a document say which, not what is asked.
	q = docRef.ReplaceAllString(q, "the $2")
	for _, k := range kinds {
		if k.matches(q) {
			if (k.intent == intentStart || k.intent == intentNext || k.intent == intentLadder) && asksForThings(q) {
				// "Which books does the roadmap recommend?", "which skill
				// areas does the ladder assess?": a list, whatever the
				// roadmap's stages or the ladder's rungs are.
				return intentGeneral
			}
			if k.intent == intentStart && startsTopic(q) {
				return intentGeneral
			}
			if k.intent == intentSalary && asksOtherThanPay(q) {
				return intentGeneral
			}
			return k.intent
		}
	}
	return intentGeneral
}

// startsTopic reports whether a question asks which stage of a path
// starts a topic ("which weeks do we start neural nets in?"), not the
// path's first stage ("what step should I start with?").
func startsTopic(q string) bool {
	m := stageStart.FindStringSubmatch(q)
	return m != nil && !startWith[strings.ToLower(m[1])]
}

var (
	stageStart = regexp.MustCompile(`(?i)\b(?:which|what)\s+(?:` + lexicon.Get().Pattern("numbered") + `)\b.*\bstart(?:s|ing)?\s+([a-z]+)`)
	startWith  = map[string]bool{"with": true, "from": true, "off": true, "out": true, "at": true, "by": true, "on": true}
)

// asksOtherThanPay reports whether a question naming pay asks which
// thing of a kind that is neither pay nor what pay varies by: "which job
// board was scraped for the salary numbers?" asks for a board.
func asksOtherThanPay(q string) bool {
	m := whichNoun.FindStringSubmatch(q)
	if m == nil {
		return false
	}
	words := strings.Fields(strings.ToLower(m[1]))
	head := words[len(words)-1]
	return !notKind[words[0]] && !notKind[head] && !payDimension[head] && !payWord.MatchString(m[1])
}

var (
	payDimension = lexicon.Get().Set("pay-dimension")
	payWord      = lexicon.Get().Match("pay")
)

// asksForThings reports whether a question asks which things of a kind
// ("which books", "what companies") that are not a path's stages.
func asksForThings(q string) bool {
	k := kindAsked(q)
	return k != "" && !pathShape.MatchString(k) && !stageWord.MatchString(k) && !strings.HasPrefix(strings.ToLower(k), "skill")
}

// whichStage asks which part of a path something is in: "which week
// covers Docker", "what phase is RAG in".
var whichStage = regexp.MustCompile(`(?i)\b(?:which|what)\s+(` + lexicon.Get().Pattern("stage") + `)\b`)

// whenInPath asks when a path gets to something: "when does the plan
// finally get to deployment?" asks which of its stages, as "which week"
// does (anyStage).
var whenInPath = regexp.MustCompile(`(?i)\b(?:when|at what point)\b.*\b(?:` + pathNouns + `)\b`)

// pathNouns name a learning path as a whole.
const pathNouns = `plan|roadmap|schedule|curriculum|syllabus|path|programme|program|bootcamp|course`

// anyStage is the stage asked by a "when" question: whichever part the
// path numbers.
const anyStage = "*"

// numberedStage is a heading naming a numbered part of a path ("Weeks
// 37-40: Deployment", "Month 3").
var numberedStage = regexp.MustCompile(`(?i)\b(?:` + lexicon.Get().Pattern("numbered") + `)\s*\d`)

// stageWord is a word naming a part of a learning path.
var stageWord = regexp.MustCompile(`(?i)^(?:stage|level|step|phase|month|week|part|milestone|tier|module)s?$`)

// setHits records the sections the search found and their scores, each
// over the best one's.
func (a *analysis) setHits(hits []search.Hit) {
	a.hits = hits
	for _, h := range hits {
		a.score[[2]int{h.Guide, h.Section}] = h.Score / hits[0].Score
	}
}

func (e *Engine) analyze(q string, in intent) *analysis {
	a := &analysis{q: q, intent: in, score: map[[2]int]float64{}}
	a.needs = needWords.MatchString(q) || requiredLead.MatchString(q)
	lq := leadsTo.ReplaceAllString(q, "to")                                                                     // "lead into" names no level
	a.transition = fromTo.MatchString(q) || (in == intentNext || in == intentLadder) && facts.LevelOf(lq) != "" // "what next as a junior": from junior on
	a.level = facts.LevelOf(lq)                                                                                 // "senior", or "with 10+ years"
	a.years = facts.YearsSpan(q)
	a.role = facts.FindRole(q)
	a.roleName = facts.FindRoleName(q)
	var from []string // the terms of the role a move starts from
	if t := targetRole.FindStringSubmatch(q); t != nil {
		// "from data analyst to analytics engineer", "become an MLE": the
		// role moved to is the subject; the one left is background.
		if r := facts.FindRole(t[1]); r != "" && r != a.role {
			from = e.index.Terms(a.role + " " + a.roleName)
			a.role, a.roleName = r, facts.FindRoleName(t[1])
		}
	}
	if a.role != "" {
		a.roleTerms = e.index.Terms(a.role + " " + a.roleName)
		slices.Sort(a.roleTerms)
	}
	a.regions = facts.FindRegions(q)
	hasKind, lastKind := false, ""
	askedKind := kindAsked(q) // "which companies hire…": companies
	// "Who decides a thesis topic?" asks for a person, "why" for a reason,
	// "when" for a time, "how many projects" for a number: no list of them.
	a.wh, a.wantsNumber, a.aboutWriter = whWord(q), howMany.MatchString(q), aboutWriter(q)
	a.asksTop = superlative.MatchString(q) // which region pays the most?
	a.asksChoice = choiceAsk.MatchString(q)
	a.asksLength = lengthAsk.MatchString(q)
	a.describes = describeAsk.MatchString(q)
	asksNoKind := a.wh == "who" || a.wh == "why" || a.wh == "when" || a.wantsNumber
	pathQuestion := a.intent == intentNext || a.intent == intentStart || a.intent == intentDuration
	var docs []string  // words naming the guide itself, or a verb no topic
	var named []string // the words naming a document: "Insight alumni" in "the Insight alumni salary survey"
	for _, m := range docRef.FindAllStringSubmatch(q, -1) {
		docs = append(docs, strings.ToLower(m[2]))
		named = append(named, strings.Fields(strings.ToLower(m[1]))...)
	}
	for _, m := range leadsTo.FindAllStringSubmatch(q, -1) {
		docs = append(docs, strings.ToLower(m[1])) // "roles that lead into ML": no lead role
	}
	for _, c := range e.index.Concepts(q) {
		if slices.Contains(docs, possessed(strings.ToLower(c.Text))) {
			continue // the guide itself, or its author ("the author's offers"), not what it is about
		}
		if len(c.Alts) == 1 && len(c.Alts[0]) == 1 && (e.filler[c.Alts[0][0]] || pathQuestion && e.stageWords[c.Alts[0][0]]) {
			continue // "the pipelines stage": any stage is a stage
		}
		if len(c.Text) < 3 && e.unknown(c) {
			continue // "n", "u": chat, not a topic
		}
		c = e.derived(c)
		if name, ok := a.unknownSubject(e, c); ok {
			if slices.Contains(a.nocover, name) {
				continue // "tableau" and "analyst" both name the Tableau analyst
			}
			a.nocover = append(a.nocover, name)
			if !e.standsIn(a, name) {
				a.uncovered = append(a.uncovered, name)
			}
			continue
		}
		w := math.Inf(1)
		for _, alt := range c.Alts {
			aw := 0.0
			for _, t := range alt {
				aw += e.idf(t)
			}
			// The commonest phrasing sets the weight: a concept is as
			// common as all the ways of saying it together, so "ML" weighs
			// little in guides that say "machine learning" everywhere.
			w = min(w, aw/float64(len(alt)))
		}
		single := len(c.Alts) == 1 && len(c.Alts[0]) == 1
		if e.isGeneric(c) || requiredLead.MatchString(c.Text) {
			w *= genericShare // "must-have" says which list, not what it is about
		}
		// The first word naming a kind of thing is what the answer should
		// list ("which platforms offer courses": platforms); a second is
		// what it is about.
		// Pay is what a pay question asks, not a kind of thing to list
		// ("what starting salary can a junior expect").
		kind := !hasKind && !asksNoKind && (e.isKind(c) || askedKind != "" && strings.EqualFold(c.Text, askedKind) && intentOf(c.Text) != intentSalary)
		// A kind joined to the first by "and"/"or" is asked too ("which
		// algorithms and techniques", "podcasts or blogs"): the answer
		// lists both, neither is what it is about.
		kind = kind || hasKind && lastKind != "" && e.isKind(c) && joinedKinds(q, lastKind, c.Text)
		if kind {
			lastKind = c.Text
		}
		hasKind = hasKind || kind
		a.concepts = append(a.concepts, weighted{concept: e.concept(c), weight: w, kind: kind, subject: a.isSubject(e, c),
			// "must-have" asks what is required, as "need" does: a ranking
			// hint (requiredBonus), not what the question is about.
			shape: pricePay(c.Text) || payShape.MatchString(c.Text) ||
				requiredLead.MatchString(c.Text) || contrastShape.MatchString(c.Text) ||
				a.years != "" && yearsShape.MatchString(c.Text) || // "with 3 years of experience" is a level
				(in == intentLadder || in == intentNext) && ladderShape.MatchString(c.Text) ||
				pathQuestion && pathShape.MatchString(c.Text), // "roadmap": the answer is a path
			stemOnly: single && e.reader != nil && !e.unknown(c) && !e.reader.Knows(c.Text)})
	}
	if len(from) > 0 {
		for i, c := range a.concepts {
			if c.subject && !coversWords(a.roleTerms, c.Concept) && slices.ContainsFunc(c.Alts, func(alt []string) bool { return slices.Contains(from, alt[0]) }) {
				a.concepts[i].subject, a.concepts[i].soft = false, true
				a.concepts[i].weight *= softShare
			}
		}
	}
	// "…for an ML engineer in the Insight alumni salary survey": the words
	// naming the document say where the answer is, not what it says; they
	// are soft context, unless they are all the question asks.
	if len(named) > 0 {
		isNamed := func(c weighted) bool {
			return !c.subject && !c.shape && !c.soft && slices.ContainsFunc(strings.Fields(strings.ToLower(c.Text)), func(w string) bool { return slices.Contains(named, w) })
		}
		if slices.ContainsFunc(a.concepts, func(c weighted) bool { return !c.shape && !c.soft && !isNamed(c) && !e.isGeneric(c.Concept) }) {
			for i, c := range a.concepts {
				if isNamed(c) {
					a.concepts[i].soft = true
					a.concepts[i].weight *= softShare
				}
			}
		}
	}
	if m := movingOn.FindStringIndex(q); m != nil && a.intent == intentDuration {
		// "How long should the foundations take before I move on to core
		// ML concepts?": the stage moved on to is where the span ends, not
		// what it measures.
		asked, later := strings.ToLower(q[:m[0]]), strings.ToLower(q[m[1]:])
		for i, c := range a.concepts {
			if w := strings.ToLower(c.Text); !c.soft && strings.Contains(later, w) && !strings.Contains(asked, w) {
				a.concepts[i].soft = true
				a.concepts[i].weight *= softShare
			}
		}
	}
	// A word no guide uses weighs as much as three quarters of the
	// question's most telling known word: enough that "recipe for pancakes"
	// or "cook pasta with ML" go unanswered, not so much that one stray
	// word ("Is Python enough?") sinks a question the guides answer.
	known := 0.0
	for _, c := range a.concepts {
		if !e.unknown(c.Concept) && !e.isGeneric(c.Concept) {
			known = max(known, c.weight)
		}
	}
	for i := range a.concepts {
		switch c := a.concepts[i]; {
		case known == 0 || !e.unknown(c.Concept) || e.isGeneric(c.Concept):
		case c.shape:
			a.concepts[i].weight = genericShare * known // "must-have" the guide never says
		default:
			a.concepts[i].weight = unknownShare * known
		}
		a.total += a.concepts[i].weight
		if c := a.concepts[i]; !c.subject && !c.shape {
			a.topic += c.weight
			if !c.kind {
				a.asked += c.weight
				if !e.isGeneric(c.Concept) {
					a.specific = true
				}
			}
		}
	}
	return a
}

// whichNoun is a question asking for things of a kind: "which companies
// hire…", "what materials do I need", "what vector dbs…".
var whichNoun = regexp.MustCompile(`(?i)\b(?:what|which)\s+(?:kinds?\s+of\s+|types?\s+of\s+|sorts?\s+of\s+)?((?:[a-z/+.-]+\s+){0,2}?[a-z/+.-]+)\s+(?:do|does|did|should|would|can|could|will|are|is|were|was|have|has|come|pay|pays|hire|hires|help|matter|matters|get|to|for|in|at|on|of|i|you|we|they)\b`)

// manyAsked reports whether a question asks for several things: "which
// books", "what are the usual selection stages at research labs?".
func manyAsked(q string) bool {
	return strings.HasSuffix(strings.ToLower(kindAsked(q)), "s") || whatAreThe.MatchString(q)
}

// whatAreThe asks what a plural noun's members are.
var whatAreThe = regexp.MustCompile(`(?i)\b(?:what|which)\s+are\s+(?:the\s+|some\s+)?(?:[a-z-]+\s+){0,3}?[a-z-]{3,}s\b(?:\s+(?:at|in|for|of|to|on|that|i|you|we)\b|\s*[?.!]*\s*$)`)

// notKind are words after "what" that do not name a kind of thing.
var notKind = map[string]bool{"is": true, "are": true, "do": true, "does": true, "should": true, "can": true,
	"would": true, "will": true, "did": true, "was": true, "were": true, "has": true, "have": true, "i": true,
	"you": true, "we": true, "they": true, "it": true, "the": true, "a": true, "an": true, "my": true, "your": true,
	"to": true, "if": true, "about": true, "else": true, "next": true, "after": true, "comes": true, "happens": true,
	"exactly": true, "kind": true, "type": true, "sort": true}

// singularVerb are the verbs after "what X" that ask X's value for one
// thing ("what grade is", "what title does … get").
var singularVerb = map[string]bool{"is": true, "was": true, "does": true, "has": true}

// kindAsked returns the last word of the noun a "which/what X …" question
// asks for ("which companies", "what vector dbs": dbs), or "".
func kindAsked(q string) string {
	m := whichNoun.FindStringSubmatch(q)
	if m == nil {
		return ""
	}
	words := strings.Fields(m[1])
	head := strings.ToLower(words[len(words)-1])
	if notKind[strings.ToLower(words[0])] || notKind[head] {
		return ""
	}
	all := strings.Fields(m[0])
	if verb := strings.ToLower(all[len(all)-1]); singularVerb[verb] && !strings.HasSuffix(head, "s") {
		return "" // "what grade is a senior engineer": the value of one, not a list of them
	}
	return head
}

// joinedKinds reports whether q joins kind words a and b by "and", "or",
// a comma or a space: "algorithms and techniques", "skill areas".
func joinedKinds(q, a, b string) bool {
	lq, a, b := strings.ToLower(q), strings.ToLower(a), strings.ToLower(b)
	// A space joins them too: "which skill areas" asks for skills.
	for _, j := range []string{" and ", " or ", ", ", " & ", "/", " "} {
		if strings.Contains(lq, a+j+b) {
			return true
		}
	}
	return false
}

// backRef points back to what the background said.
var backRef = regexp.MustCompile(`(?i)\b(?:which (?:one|should)|(?:that|this|those|these) (?:path|one|ones|route|role|plan|stretch|period|` + lexicon.Get().Pattern("stage") + `)|the (?:rest|other|latter|former)|either|both|it worth)\b` +
	// "one" closing the question stands for a thing the background named:
	// "…a bootcamp or a master's. What should I check before signing up
	// for one?"
	`|\b(?:for|pick|choose|take|join|do|with|into) one\W*$|\bone of (?:them|those|these|the two)\b`)

// allRoles returns the roles the question names, read once.
func (a *analysis) allRoles() []string {
	if !a.rolesRead {
		a.roles, a.rolesRead = facts.FindRoles(a.q), true
	}
	return a.roles
}

// softShare scales the weight of a concept only a message's background
// names ("I've taught chemistry for eight years."): it ranks passages that
// speak to the asker's situation higher, but no passage must say it.
const softShare = 0.35

// soften adds to a the concepts only the background of its message names,
// as soft context: each weighs softShare of its weight, and none is part
// of what the question asks. The places the background names are the
// question's when it names none ("I live in Pune. What do analysts earn?").
func (e *Engine) soften(a *analysis, background string) {
	placed := len(a.regions) > 0 // the ask names its place: the background's are no subject
	if !placed {
		a.regions = facts.FindRegions(background)
	}
	// A question that asks nothing of its own, or points back ("Which
	// should I prioritise?", "that path"), asks about its background: its
	// role and level are the background's when it names none, and so are
	// its topics when it needs one. A question whose kind needs only its
	// subject ("what does a senior earn in Romania?", "where do I start?")
	// that asks about the role it names ("what does an MLOps engineer
	// do?") or what follows a rung it names ("what comes after senior data
	// engineer?") needs no topic.
	back := backRef.MatchString(a.q)
	if back {
		a.drop(strings.Fields(strings.ToLower(backRef.FindString(a.q)))) // "that stretch" names no topic: what it points at does
	}
	fill := a.topic == 0 || back
	named := slices.ContainsFunc(a.concepts, func(c weighted) bool { return c.subject })
	complete := subjectOnly[a.intent] || a.intent == intentGeneral && named || a.intent == intentNext && a.level != "" ||
		a.intent == intentDuration && (wholePath.MatchString(a.q) || completePath.MatchString(a.q)) // "how long does the whole roadmap take?"
	whole := back || a.topic == 0 && !complete
	if fill && a.role == "" {
		a.role, a.roleName = facts.FindRole(background), facts.FindRoleName(background)
		if a.role != "" {
			a.roleTerms = e.index.Terms(a.role + " " + a.roleName)
			slices.Sort(a.roleTerms)
		}
	}
	if fill && a.level == "" {
		a.level = facts.LevelOf(background)
	}
	if whole && a.intent == intentGeneral && intentOf(background) == intentSalary {
		// "…curious what AI professionals earn in India. What range does
		// the guide give?": the background asks for the figures.
		a.intent = intentSalary
	}
	b := e.analyze(background, a.intent)
	if !placed {
		// The background's places are the question's, and so is what the
		// guides do not cover of them ("I've an offer in Dubai. Is the
		// salary there tax-free?").
		for _, n := range b.nocover {
			if isRegion(n, a.regions) && !slices.Contains(a.nocover, n) {
				a.nocover = append(a.nocover, n)
				if slices.Contains(b.uncovered, n) {
					a.uncovered = append(a.uncovered, n)
				}
			}
		}
	}
	// A question with a topic of its own that points back ("which topics
	// should I cover in that stretch?") points at the sentence just before
	// it: that one is asked about, the rest of the background stays context.
	var pointed map[string]bool
	if back && a.topic > 0 {
		if sents := reading.Sentences(background); len(sents) > 1 {
			pointed = map[string]bool{}
			for _, c := range e.index.Concepts(sents[len(sents)-1]) {
				pointed[strings.ToLower(c.Text)] = true // the words only: b already weighed them
			}
		}
	}
	for _, c := range b.concepts {
		if slices.ContainsFunc(a.concepts, func(x weighted) bool { return strings.EqualFold(x.Text, c.Text) }) {
			continue
		}
		if !whole || pointed != nil && !pointed[strings.ToLower(c.Text)] {
			c.weight *= softShare
			c.soft, c.subject, c.kind = true, !placed && c.subject && len(facts.FindRegions(c.Text)) > 0, false
		}
		a.concepts = append(a.concepts, c)
		a.count(c, 1)
	}
}

// count adds c's weight, times sign, to the sums it counts in: the total;
// the topic unless c is the subject, the shape or soft context; what is
// asked unless c is also the kind.
func (a *analysis) count(c weighted, sign float64) {
	a.total += sign * c.weight
	if !c.subject && !c.shape && !c.soft {
		a.topic += sign * c.weight
		if !c.kind {
			a.asked += sign * c.weight
		}
	}
}

// drop removes from a the concepts said by one of words, and their weight.
func (a *analysis) drop(words []string) {
	a.concepts = slices.DeleteFunc(a.concepts, func(c weighted) bool {
		if !slices.Contains(words, strings.ToLower(c.Text)) {
			return false
		}
		a.count(c, -1)
		return true
	})
}

// subjectOnly are the kinds of question their subject completes: the
// role, level and place pick the figures, the rung or the path.
var subjectOnly = map[intent]bool{intentSalary: true, intentLadder: true, intentStart: true}

// derivations are suffixes the stemmer leaves on ("growth", "faster").
var derivations = lexicon.Get().Words("derivation")

// derived adds to a one-word concept the guides' words derived from it,
// or that it derives from, by a suffix: "how fast is job growth" is
// answered by "expected to grow … much faster than average".
func (e *Engine) derived(c search.Concept) search.Concept {
	if len(c.Alts) != 1 || len(c.Alts[0]) != 1 || len(c.Alts[0][0]) < 4 {
		return c
	}
	t := c.Alts[0][0]
	alts := c.Alts
	for _, s := range derivations {
		if u := t + s; e.df[u] > 0 {
			alts = append(slices.Clip(alts), []string{u})
		}
		if u, ok := strings.CutSuffix(t, s); ok && len(u) >= 4 && e.df[u] > 0 {
			alts = append(slices.Clip(alts), []string{u})
		}
	}
	c.Alts = alts
	return c
}

// pricePay reports whether a concept's words ask about pay or a price.
func pricePay(text string) bool {
	in := intentOf(text)
	return in == intentSalary || in == intentPrice
}

// genericWords are words any text may use ("people", "career", "best"):
// rare in the guides, so weighty by idf, yet no sign a passage answers.
var genericWords = lexicon.Get().Joined("generic")

// genericShare scales a generic word's weight: it still ranks passages,
// but cannot make a question answered on its own.
const genericShare = 0.3

func (e *Engine) isGeneric(c search.Concept) bool {
	return len(c.Alts) == 1 && len(c.Alts[0]) == 1 && e.generic[c.Alts[0][0]]
}

// isKind reports whether c names a kind of thing (in any of its
// phrasings: "books" or "textbooks").
func (e *Engine) isKind(c search.Concept) bool {
	for _, alt := range c.Alts {
		if len(alt) == 1 && e.kind[alt[0]] {
			return true
		}
	}
	return false
}

// isSubject reports whether c names the question's role, level or place.
func (a *analysis) isSubject(e *Engine, c search.Concept) bool {
	if facts.FindLevel(c.Text) != "" || len(facts.FindRegions(c.Text)) > 0 {
		return true
	}
	for _, r := range a.regions {
		if mentions(r.Name, c.Text) {
			return true // "South" of "South Africa"
		}
	}
	return coversWords(a.roleTerms, c)
}

// unknownShare is the weight of a word no guide uses, against the
// question's heaviest known word.
const unknownShare = 0.75

// unknown reports whether no guide uses any phrasing of c.
func (e *Engine) unknown(c search.Concept) bool {
	for _, alt := range c.Alts {
		for _, t := range alt {
			if e.df[t] > 0 {
				return false
			}
		}
	}
	return true
}

// unknownSubject reports whether concept c is a place or a role the
// question names that no guide mentions at all, and how to name it.
func (a *analysis) unknownSubject(e *Engine, c search.Concept) (string, bool) {
	if !e.unknown(c) {
		return "", false
	}
	for _, r := range a.regions {
		if mentions(r.Name, c.Text) || len(facts.FindRegions(c.Text)) > 0 {
			if e.knowsPlace(r) {
				return "", false // "Indian" where the guides say "India"
			}
			return r.Name, true
		}
	}
	if a.role != "" && mentions(a.role, c.Text) && !e.byShort[a.role] {
		return a.role + "s", true
	}
	return "", false
}

// shortRoles returns the roles some guide writes by a short form ("SDE 2
// role" for a software engineer): those roles are covered though their
// full words are not. It needs the engine's document frequencies.
func (e *Engine) shortRoles() map[string]bool {
	out := map[string]bool{}
	for short, long := range lexicon.Get().Shorthand {
		if ts := e.index.Terms(short); len(ts) == 1 && e.df[ts[0]] > 0 {
			if r := facts.FindRole(long); r != "" {
				out[r] = true
			}
		}
	}
	return out
}

// standsIn reports whether something the guides cover stands in for the
// place the question names: its country.
func (e *Engine) standsIn(a *analysis, name string) bool {
	for _, r := range a.regions {
		if r.Name == name && r.Country != "" && r.Country != r.Name && e.knowsPlace(facts.Region{Name: r.Country, Country: r.Country}) {
			return true
		}
	}
	return false
}

// knowsPlace reports whether some guide names the place (by its English
// name).
func (e *Engine) knowsPlace(r facts.Region) bool {
	for _, name := range r.Names() {
		ts := e.index.Terms(name)
		known := len(ts) > 0
		for _, t := range ts {
			known = known && e.df[t] > 0
		}
		if known {
			return true // "NYC" where the question says New York
		}
	}
	return false
}

// covers reports whether ts holds every term of one of c's alternatives.
func covers(ts terms, c concept) bool {
	_, ok := covering(ts, c)
	return ok
}

// covering returns the first of c's alternatives whose every term ts holds.
func covering(ts terms, c concept) ([]string, bool) {
	for i, alt := range c.ids {
		all := true
		for _, t := range alt {
			if !ts.has(t) {
				all = false
				break
			}
		}
		if all {
			return c.Alts[i], true
		}
	}
	return nil, false
}

// coversWords reports whether a question's own terms hold every term of
// one of c's alternatives.
func coversWords(ws words, c search.Concept) bool {
	return slices.ContainsFunc(c.Alts, func(alt []string) bool {
		return !slices.ContainsFunc(alt, func(t string) bool { return !ws.has(t) })
	})
}

// mentions reports whether text names the phrase, case-insensitively and
// at word boundaries.
func mentions(text, phrase string) bool {
	text, phrase = strings.ToLower(text), strings.ToLower(phrase)
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(phrase)
		if (j == 0 || !isWordByte(text[j-1])) && (end == len(text) || !isWordByte(text[end])) {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || c >= 0x80
}
