package reading

import (
	"regexp"
	"strings"

	"github.com/careerbot/careerbot/internal/facts"
)

// shorthand maps the field's and chat's shorthand, lower-cased, to what it
// stands for. Entries whose reading depends on the words around them are
// in contextual instead.
var shorthand = map[string]string{
	// Roles.
	"mle": "ML engineer", "mles": "ML engineers", "ds": "data scientist", "dss": "data scientists",
	"swe": "software engineer", "swes": "software engineers", "sde": "software engineer", "sdes": "software engineers",
	"eng": "engineer", "engs": "engineers", "engr": "engineer", "engrs": "engineers", "engg": "engineer",
	"dev": "developer", "devs": "developers", "mgr": "manager", "mgrs": "managers",
	"mlops": "MLOps", "faang": "FAANG", "maang": "FAANG",
	"compsci": "computer science",
	// Levels.
	"jr": "junior", "jnr": "junior", "sr": "senior", "snr": "senior", "lvl": "level", "lvls": "levels",
	// Pay and experience.
	"tc": "total compensation", "ctc": "total compensation", "yoe": "years of experience",
	"yrs": "years", "yr": "year", "mos": "months", "hrs": "hours", "wks": "weeks", "exp": "experience",
	"avg": "average", "approx": "approximately",
	// Places.
	"usa": "USA", "uk": "UK", "eu": "EU", "ro": "Romania",
	// Chat.
	"whats": "what is", "wats": "what is", "wat": "what", "wut": "what", "wht": "what", "hows": "how is",
	"whos": "who is", "wheres": "where is", "whens": "when is", "whys": "why is",
	"u": "you", "ur": "your", "im": "I am", "ive": "I have", "dont": "do not", "doesnt": "does not",
	"cant": "cannot", "isnt": "is not", "arent": "are not", "didnt": "did not", "shouldnt": "should not",
	"wanna": "want to", "gonna": "going to", "gotta": "have to", "shud": "should", "shld": "should",
	"cud": "could", "wud": "would", "abt": "about", "bc": "because", "cuz": "because", "coz": "because",
	"thru": "through", "rn": "right now", "smth": "something", "sth": "something", "ppl": "people",
	"tho": "though", "diff": "difference", "learnt": "learned",
}

// reading is a token's reading.
type reading struct {
	text  string
	guess bool // decided from context, worth telling the user
	glue  bool
	abbr  bool
}

// contextual reads shorthand that means different things in different
// places.
var contextual = map[string]func(c *context, i int) (reading, bool){
	"de":   readDE,
	"us":   readUS,
	"base": readBase,
	"lpa":  readLPA,
	"comp": readComp,
	"sci":  readSci,
	"k":    readK,
	"make": readMake, "makes": readMake,
}

// readShorthand returns the reading of the i-th token if it is shorthand.
func readShorthand(c *context, i int) (reading, bool) {
	t := c.toks[i]
	if f, ok := contextual[t.lower]; ok {
		return f(c, i)
	}
	if to, ok := shorthand[t.lower]; ok && !t.linkish {
		return reading{text: to, abbr: true}, true
	}
	return reading{}, false
}

// context is what the shorthand rules know of the question as a whole.
type context struct {
	toks   []token
	first  int  // the first token that is not chatter
	role   bool // names a role: a head noun ("engineer") or role shorthand
	level  bool
	region bool
	pay    bool
}

// payWord names pay in a question, shorthand included.
var payWord = regexp.MustCompile(`(?i)\b(?:salar(?:y|ies)|pay|pays|paid|earn\w*|comp|compensation|tc|ctc|wages?|income|package)\b`)

// roleShorthand are shorthand words that name a role.
var roleShorthand = map[string]bool{"mle": true, "mles": true, "ds": true, "dss": true, "swe": true, "swes": true,
	"sde": true, "sdes": true, "eng": true, "engs": true, "engr": true, "dev": true, "devs": true}

func newContext(toks []token, ds []decision) *context {
	c := &context{toks: toks}
	for c.first < len(ds) && ds[c.first].drop {
		c.first++
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.text
		switch {
		case roleShorthand[t.lower]:
			c.role = true
		case t.lower == "jr" || t.lower == "sr" || t.lower == "jnr" || t.lower == "snr":
			c.level = true
		case t.lower == "usa" || t.lower == "uk" || t.lower == "ro" || t.lower == "eu":
			c.region = true
		}
	}
	q := strings.Join(words, " ")
	c.role = c.role || facts.FindRole(q) != ""
	c.level = c.level || facts.FindLevel(q) != ""
	c.region = c.region || len(facts.FindRegions(q)) > 0
	c.pay = payWord.MatchString(q)
	return c
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
	case facts.FindLevel(prev) != "" || levelShort[prev] || prev == "a" || prev == "an" || prev == "as" ||
		prev == "from" || prev == "into" || prev == "to":
		return engineer, true
	case c.role && !c.region:
		return germany, true
	}
	return engineer, true
}

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
	if next != "" && !functionWord[next] || !(c.pay || c.role || c.level) {
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
	if !c.region {
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
// "what do staff MLEs make", "how much does a junior DS make in the US",
// not "what projects should a junior make first".
func readMake(c *context, i int) (reading, bool) {
	f := c.first
	opens := c.word(f) == "how" && c.word(f+1) == "much" || c.word(f) == "what" && auxiliary[c.word(f+1)]
	if !opens || !(c.role || c.level) || i+1 < len(c.toks) && !afterPay[c.word(i+1)] {
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

// readK joins a lone "k" to the number before it ("150 k" → "150k").
func readK(c *context, i int) (reading, bool) {
	if i == 0 || c.toks[i-1].word || c.toks[i-1].end+1 != c.toks[i].start {
		return reading{}, false
	}
	return reading{text: "k", glue: true}, true
}

// Chatter: words around a question that carry no topic.
var (
	// greetings open a message ("yo", "hey bot", "quick question:").
	greetings = map[string]bool{"yo": true, "hey": true, "heya": true, "hi": true, "hiya": true, "hello": true,
		"helo": true, "sup": true, "wassup": true, "howdy": true, "greetings": true, "gm": true, "ok": true,
		"okay": true, "so": true, "um": true, "umm": true, "uh": true, "hmm": true, "hmmm": true, "well": true}
	// addressees follow a greeting ("hey bot", "hi all").
	addressees = map[string]bool{"bot": true, "careerbot": true, "guys": true, "all": true, "folks": true,
		"everyone": true, "everybody": true, "team": true, "there": true, "fam": true, "yall": true, "y'all": true,
		"friends": true, "people": true, "ppl": true, "mate": true, "mates": true, "bro": true}
	// asides carry no topic wherever they stand.
	asides = map[string]bool{"pls": true, "plz": true, "plss": true, "please": true, "lol": true, "lmao": true,
		"lmfao": true, "rofl": true, "haha": true, "hahaha": true, "hehe": true, "btw": true, "tbh": true,
		"ngl": true, "imo": true, "imho": true, "thx": true, "thnx": true, "tnx": true, "ty": true, "tia": true,
		"kthx": true}
	// thanks close a message ("thanks in advance", "thank you so much").
	thanks     = map[string]bool{"thanks": true, "thank": true, "cheers": true, "appreciated": true, "appreciate": true}
	thanksTail = map[string]bool{"you": true, "in": true, "advance": true, "so": true, "much": true, "a": true,
		"lot": true, "it": true, "all": true, "guys": true, "everyone": true, "again": true}
)

// markChatter marks greetings at the start, thanks at the end and asides
// anywhere to be dropped.
func markChatter(toks []token, ds []decision) {
	greeted := false
	for i, t := range toks {
		w := t.lower
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
		w := toks[j].lower
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
		if asides[t.lower] {
			ds[i].drop = true
		}
	}
}

func isQuestionWord(w string) bool { return w == "question" || w == "q" || w == "qn" }
