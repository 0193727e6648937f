package reading

import (
	"regexp"
	"strings"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/lexicon"
)

// shorthand maps the field's and chat's shorthand, lower-cased, to what it
// stands for. Entries whose reading depends on the words around them are
// in contextual instead.
var shorthand = lexicon.Get().Shorthand

// reading is a token's reading.
type reading struct {
	text  string
	guess bool // decided from context, worth telling the user
	abbr  bool // a clipped word ("jr"): a full stop after it is its own
}

// contextual reads shorthand that means different things in different
// places.
var contextual = map[string]func(c *context, i int) (reading, bool){
	"de":   readDE,
	"des":  readDEs,
	"us":   readUS,
	"base": readBase,
	"lpa":  readLPA,
	"comp": readComp,
	"sci":  readSci,
	"make": readMake, "makes": readMake,
	"what": readWhat, "wat": readWhat, "wut": readWhat, "wht": readWhat,
	"now": readNow,
	"2":   readTo,
	"n":   readAnd,
	"w":   readWith,
	"r":   readAre,
	"da":  readDA, "das": readDA,
}

// readShorthand returns the reading of the i-th token if it is shorthand.
func readShorthand(c *context, i int) (reading, bool) {
	t := c.toks[i]
	if t.linkish {
		return reading{}, false
	}
	if f, ok := contextual[t.lower]; ok {
		return f(c, i)
	}
	if to, ok := shorthand[t.lower]; ok {
		return reading{text: to, abbr: clipped(t.lower, to)}, true
	}
	// "MLE's salary": the shorthand and its possessive.
	for _, pos := range []string{"'s", "’s"} {
		if base, ok := strings.CutSuffix(t.lower, pos); ok && roleShorthand[base] {
			return reading{text: shorthand[base] + pos}, true
		}
	}
	return reading{}, false
}

// clipped reports whether short is a word cut short ("jr" for junior,
// "approx", "yrs"), which may take a full stop of its own, rather than
// initials or chat spelling ("DS", "MLOps", "u"), after which a full stop
// ends the sentence ("I'm a DS. What next?").
func clipped(short, long string) bool {
	long = strings.ToLower(long)
	if strings.ContainsRune(long, ' ') || len(long) <= len(short) || short == "" || short[0] != long[0] {
		return false
	}
	j := 0
	for i := 0; i < len(long) && j < len(short); i++ {
		if long[i] == short[j] {
			j++
		}
	}
	return j == len(short)
}

// context is what the shorthand rules know of the question as a whole.
// What the question names is worked out on first use, each kind apart:
// few questions hold shorthand that needs any.
type context struct {
	toks  []token
	first int    // the first token that is not chatter
	src   string // the text the tokens index
	text  string
	// role, level, region and pay: 0 not worked out yet, 1 no, 2 yes.
	role, level, region, pay int8
}

// payWord names pay in a question, shorthand included.
var payWord = lexicon.Get().Match("pay")

// roleShorthand are shorthand words that name a role.
var roleShorthand = map[string]bool{"mle": true, "mles": true, "ds": true, "dss": true, "swe": true, "swes": true,
	"sde": true, "sdes": true, "eng": true, "engs": true, "engr": true, "dev": true, "devs": true}

func newContext(src string, toks []token, ds []decision) *context {
	c := &context{src: src, toks: toks}
	for c.first < len(ds) && ds[c.first].drop {
		c.first++
	}
	return c
}

// sentenceFirst returns the first token of the sentence holding token i:
// a long message asks in its last sentence, after its background ("I'm a
// junior DE in Austin. What do seniors make there?").
func (c *context) sentenceFirst(i int) int {
	for j := i - 1; j >= c.first; j-- {
		if strings.ContainsAny(c.src[c.toks[j].end:c.toks[j+1].start], ".?!") {
			return j + 1
		}
	}
	return c.first
}

// memo returns *v, working it out with f the first time.
func memo(v *int8, f func() bool) bool {
	if *v == 0 {
		*v = 1
		if f() {
			*v = 2
		}
	}
	return *v == 2
}

// question returns the question's words joined by spaces.
func (c *context) question() string {
	if c.text == "" {
		words := make([]string, len(c.toks))
		for i, t := range c.toks {
			words[i] = t.text
		}
		c.text = strings.Join(words, " ")
	}
	return c.text
}

// any reports whether a token's lower-cased text is in set.
func (c *context) any(set func(string) bool) bool {
	for _, t := range c.toks {
		if set(t.lower) {
			return true
		}
	}
	return false
}

// hasRole reports whether the question names a role, shorthand included.
func (c *context) hasRole() bool {
	return memo(&c.role, func() bool {
		for _, t := range c.toks {
			if roleShorthand[t.lower] || t.text == "DEs" {
				return true
			}
		}
		return facts.FindRole(c.question()) != ""
	})
}

// hasLevel reports whether the question names a level, shorthand included.
func (c *context) hasLevel() bool {
	return memo(&c.level, func() bool {
		return c.any(func(w string) bool { return levelShort[w] }) || facts.FindLevel(c.question()) != ""
	})
}

// hasRegion reports whether the question names a place, shorthand included.
func (c *context) hasRegion() bool {
	return memo(&c.region, func() bool {
		return c.any(func(w string) bool { return w == "usa" || w == "uk" || w == "ro" || w == "eu" }) ||
			len(facts.FindRegions(c.question())) > 0
	})
}

// hasPay reports whether the question names pay, shorthand included.
func (c *context) hasPay() bool {
	return memo(&c.pay, func() bool { return payWord.MatchString(c.question()) })
}

// word returns the lower-cased i-th token, or "" outside the question.
func (c *context) word(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.toks[i].lower
}

// readDE tells Germany from data engineer. A place follows a preposition
// of place ("in DE") or comes with another role ("MLE salary DE"); a
// person has a level ("jr DE") or an article, or is the only role named.
func readDE(c *context, i int) (reading, bool) {
	germany := reading{text: "Germany", guess: true}
	engineer := reading{text: "data engineer", guess: true}
	if c.toks[i].text != "DE" && c.toks[i].text != "de" {
		return reading{}, false // "De" starts a name
	}
	prev, next := c.word(i-1), c.word(i+1)
	switch {
	case placePrep[prev] || next == "based":
		return germany, true
	case c.joinedRoles(i-1, i) || c.joinedRoles(i, i+1) || joiner[prev] && c.joinedRoles(i-2, i) || joiner[next] && c.joinedRoles(i, i+2):
		return engineer, true // "de -> mle", "ds or de": one role beside another
	case facts.FindLevel(prev) != "" || levelShort[prev] || levelNumber.MatchString(prev) || prev == "a" || prev == "an" || prev == "as" ||
		prev == "from" || prev == "into" || prev == "to":
		return engineer, true
	case c.hasRole() && !c.hasRegion():
		return germany, true
	}
	return engineer, true
}

// joinedRoles reports whether tokens i and j (i < j) are a role's
// shorthand and another joined as a move or a choice: "de -> mle",
// "swe to de", "ds/de", "ds or de".
func (c *context) joinedRoles(i, j int) bool {
	if i < 0 || j >= len(c.toks) || !roleShorthand[c.toks[i].lower] && !roleShorthand[c.toks[j].lower] {
		return false
	}
	between := strings.ToLower(strings.TrimSpace(c.src[c.toks[i].end:c.toks[j].start]))
	for _, w := range strings.Fields(between) {
		if !joiner[strings.Trim(w, ".")] {
			return false
		}
	}
	return true
}

// joiner joins two roles as a move or a choice.
var joiner = map[string]bool{"->": true, "→": true, "=>": true, "-->": true, ">": true, "/": true, "to": true, "or": true, "vs": true, "and": true, "&": true}

// readDEs reads "DEs" as data engineers: a country has no plural.
func readDEs(c *context, i int) (reading, bool) {
	if c.toks[i].text != "DEs" {
		return reading{}, false
	}
	return reading{text: "data engineers"}, true
}

// levelNumber is a level's number before a role ("a level 5 DE", "an L4 DE").
var levelNumber = regexp.MustCompile(`(?i)^(?:l|ic|e)?\d{1,2}$`)

var (
	placePrep  = map[string]bool{"in": true, "at": true, "across": true, "within": true, "throughout": true}
	levelShort = map[string]bool{"jr": true, "jnr": true, "sr": true, "snr": true, "mid": true}
)

// readUS reads "us" as the United States only where a place goes ("in
// the us"); elsewhere it is the pronoun. "US" in capitals is the country.
func readUS(c *context, i int) (reading, bool) {
	if c.toks[i].text == "US" {
		return reading{text: "US"}, true
	}
	if prev := c.word(i - 1); prev == "the" || placePrep[prev] {
		return reading{text: "US"}, true
	}
	return reading{}, false
}

// readBase reads "base" as base salary when it stands for a figure ("TC
// vs base for a senior MLE"), not when it qualifies the next word ("base
// model") or the question is not about a person's pay.
func readBase(c *context, i int) (reading, bool) {
	next := c.word(i + 1)
	if next != "" && !functionWord[next] || !(c.hasPay() || c.hasRole() || c.hasLevel()) {
		return reading{}, false
	}
	return reading{text: "base salary"}, true
}

var functionWord = map[string]bool{"in": true, "for": true, "at": true, "vs": true, "versus": true, "and": true,
	"or": true, "of": true, "as": true, "with": true, "like": true, "range": true, "comp": true, "tc": true, "plus": true}

// readLPA reads "LPA" (lakhs per annum) as Indian pay.
func readLPA(c *context, i int) (reading, bool) {
	text := "LPA"
	if !payOtherThanLPA(c) {
		text += " salary"
	}
	if !c.hasRegion() {
		text += " in India"
	}
	return reading{text: text}, true
}

func payOtherThanLPA(c *context) bool {
	for _, t := range c.toks {
		if t.lower != "lpa" && payWord.MatchString(t.text) {
			return true
		}
	}
	return false
}

// readComp reads "comp" as compensation, or as computer in "comp sci".
func readComp(c *context, i int) (reading, bool) {
	if c.word(i+1) == "sci" {
		return reading{text: "computer"}, true
	}
	return reading{text: "compensation"}, true
}

// readSci reads "sci" as scientist after "data", science otherwise.
func readSci(c *context, i int) (reading, bool) {
	if c.word(i-1) == "data" {
		return reading{text: "scientist"}, true
	}
	return reading{text: "science"}, true
}

// readMake reads "make" as earn in a question about a person's pay:
// "what do staff MLEs make", not "what projects should a junior make
// first". "How much does a junior DS make" needs no reading: "how much
// does" asks for pay already.
func readMake(c *context, i int) (reading, bool) {
	f := c.sentenceFirst(i)
	if !whatWords[c.word(f)] || !auxiliary[c.word(f+1)] || i+1 < len(c.toks) && !afterPay[c.word(i+1)] ||
		!c.hasRole() && !c.hasLevel() {
		return reading{}, false
	}
	return reading{text: strings.Replace(c.toks[i].text, "make", "earn", 1)}, true
}

var (
	auxiliary = map[string]bool{"do": true, "does": true, "did": true, "would": true, "will": true, "can": true,
		"could": true, "should": true, "might": true}
	// afterPay are words that may follow "make" meaning earn ("make in
	// Romania", "make per year", "make a year").
	afterPay = map[string]bool{"in": true, "at": true, "per": true, "a": true, "an": true, "on": true, "annually": true,
		"yearly": true, "monthly": true, "hourly": true, "typically": true, "usually": true, "roughly": true,
		"approximately": true, "there": true, "now": true, "today": true, "starting": true, "after": true,
		"with": true, "as": true, "these": true, "nowadays": true}
)

// readWhat reads "now what" as asking what comes next, and spells out
// "wat".
func readWhat(c *context, i int) (reading, bool) {
	if c.word(i-1) == "now" {
		return reading{text: "what next"}, true
	}
	if c.toks[i].lower == "what" {
		return reading{}, false
	}
	return reading{text: "what"}, true
}

// readNow drops the "now" of "now what": the what reads as what next.
func readNow(c *context, i int) (reading, bool) {
	if whatWords[c.word(i+1)] {
		return reading{text: ""}, true
	}
	return reading{}, false
}

// whatWords are "what" as typed.
var whatWords = map[string]bool{"what": true, "wat": true, "wut": true, "wht": true}

// readTo reads "how 2 start" as how to start: a 2 between "how" and a
// word is not a number.
func readTo(c *context, i int) (reading, bool) {
	if c.word(i-1) == "how" && i+1 < len(c.toks) && c.toks[i+1].word {
		return reading{text: "to"}, true
	}
	return reading{}, false
}

// readAnd reads a lone "n" between two words as and ("docker n k8s").
func readAnd(c *context, i int) (reading, bool) {
	if c.toks[i].text == "n" && i > 0 && c.toks[i-1].word && i+1 < len(c.toks) {
		return reading{text: "and"}, true
	}
	return reading{}, false
}

// readAre reads a lone "r" before "u" or "you" as are ("how r u").
func readAre(c *context, i int) (reading, bool) {
	if c.toks[i].text != "r" || i+1 >= len(c.toks) || !c.toks[i+1].word {
		return reading{}, false // "python or r": the language
	}
	next, prev := c.word(i+1), c.word(i-1)
	if next == "u" || next == "you" || next == "ya" || areAfter[prev] || plural(prev) && !rLanguageNext[next] {
		// "r u", "what r the skills", "which certs r worth it": the verb.
		return reading{text: "are"}, true
	}
	return reading{}, false
}

// areAfter are the words a chat "r" follows as the verb "are".
var areAfter = map[string]bool{"what": true, "wat": true, "wut": true, "which": true, "how": true, "where": true,
	"who": true, "why": true, "when": true, "they": true, "we": true, "there": true}

// rLanguageNext are words after "r" that keep it the language ("tools r
// or python").
var rLanguageNext = map[string]bool{"or": true, "and": true, "vs": true, "programming": true, "language": true}

// plural reports whether w looks like a plural noun ("certs", "jobs"),
// not a word ending in s that is none ("is", "this", "class").
func plural(w string) bool {
	if len(w) < 3 || !strings.HasSuffix(w, "s") {
		return false
	}
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"), strings.HasSuffix(w, "ics"):
		return false
	}
	return !notPlural[w]
}

var notPlural = map[string]bool{"was": true, "has": true, "does": true, "yes": true, "its": true, "as": true, "pandas": true}

// readDA reads "DA" written in capitals as data analyst ("DA interviews"),
// not the word some languages say yes with.
func readDA(c *context, i int) (reading, bool) {
	switch c.toks[i].text {
	case "DA":
		return reading{text: "data analyst"}, true
	case "DAs":
		return reading{text: "data analysts"}, true
	}
	return reading{}, false
}

// readWith reads a lone "w" before a word as with ("start w python").
func readWith(c *context, i int) (reading, bool) {
	if c.toks[i].text == "w" && i > 0 && i+1 < len(c.toks) && c.toks[i+1].word {
		return reading{text: "with"}, true
	}
	return reading{}, false
}

// Chatter: words around a question that carry no topic.
var (
	// greetings open a message ("yo", "hey bot", "quick question:").
	greetings = map[string]bool{"yo": true, "hey": true, "heya": true, "hi": true, "hiya": true, "hello": true,
		"helo": true, "sup": true, "wassup": true, "howdy": true, "greetings": true, "gm": true, "ok": true,
		"okay": true, "so": true, "um": true, "umm": true, "uh": true, "hmm": true, "hmmm": true, "well": true}
	// smallTalk are the phrases of greeting that open a message ("good
	// morning", "how are you"): as much chatter as "hi".
	// The longer phrase first: "how are you doing" before "how are you".
	smallTalk = [][]string{{"how", "are", "you", "doing"}, {"how", "is", "it", "going"}, {"good", "morning"},
		{"good", "afternoon"}, {"good", "evening"}, {"how", "are", "you"}, {"how", "r", "u"}, {"how", "are", "u"},
		{"how", "r", "you"}, {"how's", "it", "going"}, {"hows", "it", "going"}, {"how", "you", "doing"},
		{"what's", "up"}, {"whats", "up"}}
	// addressees follow a greeting ("hey bot", "hi all").
	addressees = map[string]bool{"bot": true, "careerbot": true, "guys": true, "all": true, "folks": true,
		"everyone": true, "everybody": true, "team": true, "there": true, "fam": true, "yall": true, "y'all": true,
		"friends": true, "people": true, "ppl": true, "mate": true, "mates": true, "bro": true}
	// asides carry no topic wherever they stand.
	asides = map[string]bool{"pls": true, "plz": true, "plss": true, "please": true, "lol": true, "lmao": true,
		"lmfao": true, "rofl": true, "haha": true, "hahaha": true, "hehe": true, "btw": true, "tbh": true,
		"ngl": true, "imo": true, "imho": true, "thx": true, "thnx": true, "tnx": true, "thanx": true, "thnks": true,
		"thks": true, "tysm": true, "ty": true, "tia": true, "kthx": true}
	// thanks close a message ("thanks in advance", "thank you so much").
	thanks     = map[string]bool{"thanks": true, "thank": true, "cheers": true, "appreciated": true, "appreciate": true}
	thanksTail = map[string]bool{"you": true, "in": true, "advance": true, "so": true, "much": true, "a": true,
		"lot": true, "it": true, "all": true, "guys": true, "everyone": true, "again": true}
)

// markChatter marks greetings at the start, thanks at the end and asides
// anywhere to be dropped.
func markChatter(toks []token, ds []decision) {
	greeted := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		w := chatterForm(t)
		if n := smallTalkAt(toks[i:]); n > 0 {
			for j := i; j < i+n; j++ {
				ds[j].drop = true
			}
			greeted, i = true, i+n-1
			continue
		}
		if greetings[w] || asides[w] {
			greeted = greeted || greetings[w]
		} else if greeted && addressees[w] ||
			(w == "quick" || w == "dumb" || w == "stupid" || w == "noob" || w == "random") && i+1 < len(toks) && isQuestionWord(toks[i+1].lower) ||
			isQuestionWord(w) && i > 0 && ds[i-1].drop {
			// "hey bot", "quick question:"
		} else {
			break
		}
		ds[i].drop = true
	}
	end := len(toks)
	thanked := false
	for j := len(toks) - 1; j >= 0; j-- {
		w := chatterForm(toks[j])
		if !thanks[w] && !thanksTail[w] && !asides[w] {
			break
		}
		if thanks[w] || asides[w] {
			thanked = true
			end = j
		}
	}
	if thanked {
		for j := end; j < len(toks); j++ {
			ds[j].drop = true
		}
	}
	for i, t := range toks {
		if asides[chatterForm(t)] {
			ds[i].drop = true
		}
	}
}

// smallTalkAt returns how many tokens of small talk open toks, or 0.
func smallTalkAt(toks []token) int {
	for _, p := range smallTalk {
		if len(toks) < len(p) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// misspeltChatter are the chatter words long enough that a typo of them
// is still recognisable ("plese", "thnaks").
var misspeltChatter = []string{"please", "thanks", "cheers"}

// chatterForm returns the chatter word a token is or is a typo of, or
// the token lower-cased; "" for a token inside a link or code, which is
// never chatter.
func chatterForm(t token) string {
	w := t.lower
	if t.linkish {
		return ""
	}
	if len(w) < 5 || asides[w] || thanks[w] || isEnglish(w) {
		return w
	}
	for _, c := range misspeltChatter {
		if oneEdit(w, c) {
			return c
		}
	}
	return w
}

// oneEdit reports whether a and b are at most one edit apart: a letter
// left out, added or changed, or two neighbours swapped.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true
	}
	if len(a) < len(b) {
		return a[i:] == b[i+1:]
	}
	return a[i+1:] == b[i+1:] || i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func isQuestionWord(w string) bool { return w == "question" || w == "q" || w == "qn" }
