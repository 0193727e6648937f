package answer

import (
	"regexp"

	"github.com/careerbot/careerbot/internal/lexicon"
	"github.com/careerbot/careerbot/internal/reading"
)

// questionKind is one kind of question the engine knows, with all it
// takes in one entry: how a question is told to be of the kind (a plain
// reading of how people phrase it), the typed answer it gets beside the
// quoted passages, and how "and after that?" follows on from one. A new
// kind of question is a new entry here.
type questionKind struct {
	intent intent
	match  *regexp.Regexp
	unless *regexp.Regexp // a match here rules the kind out
	// elseIn rules out a sentence: the kind needs a sentence match finds
	// and elseIn does not ("I'm starting to think…" asks no path's start).
	elseIn *regexp.Regexp
	// answer is the typed answer, read from facts; option names it among
	// the options. Nil for questions only passages answer.
	answer func(*Engine, *analysis) *reply
	option optionKind
	// also reports whether the typed answer answers a question of another
	// kind too.
	also func(*Engine, *analysis) bool
	// after rewrites "and after that?" following a question of the kind
	// (prev) into a question of its own, or returns false.
	after func(e *Engine, prev string, fp, fq *said) (string, string, bool)
}

// kinds are tried in order; the first that matches is the question's.
// They are set in init: their answers read questions by kind in turn.
var kinds []questionKind

func init() {
	kinds = []questionKind{
		{intent: intentPrice, match: priceQuestion, unless: payQuestion},
		// "take to learn" is a duration where it is what takes: "how long
		// will it take to learn", not "which course should I take to learn".
		{intent: intentDuration, match: regexp.MustCompile(`(?i)\bhow long\b|\bhow soon\b|\bhow much time\b|\bhow many (?:months|weeks|years|days|hours)\b|\bduration\b|\btime does it take\b|\b(?:it|that|this)\s+(?:(?:will|would|could|might|should)\s+)?takes?\s+(?:(?:me|you|us|someone|one|people)\s+)?to (?:learn|become|finish|complete)\b`), unless: lengthAsk, answer: (*Engine).duration, option: optDuration},
		{intent: intentSalary, match: lexicon.Get().Match("pay", "pay-phrase"), unless: lexicon.Get().Match("pay-about"), answer: (*Engine).salary, option: optSalary, after: nextLevelUp},
		{intent: intentLadder, match: regexp.MustCompile(`(?i)\b(?:top of the|highest (?:role|position|level|title|rank)|how (?:high|far) can|climb|career ladder|ladder|promot(?:ed|ion)|what(?:'s| is) above|(?:role|level|position|title) (?:above|after)|(?:roles?|positions?|titles?) (?:comes? )?after)\b`), answer: (*Engine).ladder, option: optLadder, also: laddersAlso},
		{intent: intentNext, match: regexp.MustCompile(`(?i)\b(?:after|next|then what|done with|finished|completed|beyond|once i(?:'ve| have)? (?:know|learned|learnt|finished))\b`), unless: lexicon.Get().Match("after-event"), answer: (*Engine).next, option: optNext, after: afterStage},
		{intent: intentStart, match: regexp.MustCompile(`(?i)\b(?:start|starting|begin|beginning|first steps?|steps to (?:become|get|break)|get started|getting started|from scratch|new to|get into|break into|(?:learn|study) first|first (?:level|stage|step|phase|module)|roadmap (?:for|to)|learning path|path to|how (?:do|can|should) i become|how to become)\b`), unless: startDoing, elseIn: startElse, answer: (*Engine).start, option: optStart, after: afterStage},
	}
}

// startElse is a sentence whose "start" asks no path's first stage:
// whether or when to start, which of two to learn first (lexicon
// start-else).
var startElse = regexp.MustCompile(`(?i)` + lexicon.Get().Pattern("start-else"))

// matches reports whether q is a question of the kind.
func (k questionKind) matches(q string) bool {
	if !k.match.MatchString(q) || k.unless != nil && k.unless.MatchString(q) {
		return false
	}
	if k.elseIn == nil {
		return true
	}
	for _, s := range reading.Sentences(q) {
		if k.match.MatchString(s) && !k.elseIn.MatchString(s) {
			return true
		}
	}
	return false
}

// laddersAlso: "how many years until principal?" and "what after senior
// ML engineer?" ask for a ladder's rung when they name no topic to learn.
func laddersAlso(e *Engine, a *analysis) bool {
	return (a.intent == intentNext || a.intent == intentDuration) && !e.namesTopic(a)
}

// kindOf returns the registry entry of an intent.
func kindOf(in intent) (questionKind, bool) {
	for _, k := range kinds {
		if k.intent == in {
			return k, true
		}
	}
	return questionKind{}, false
}
