package reading

import (
	"regexp"
	"strings"
)

// People ask in several sentences, their background first: "I've taught
// chemistry for eight years and learn Python at night. Is a bootcamp
// enough to get hired?" The question is in the asking sentences; the
// rest is background, kept apart so that its words do not decide which
// passage answers.

var (
	// sentenceEnd ends a sentence of a chat message: a stop, a question or
	// exclamation mark (repeated or not), or a line break.
	sentenceEnd = regexp.MustCompile(`[.!?]+(?:\s+|$)|\n+`)
	// asking opens a sentence that asks.
	asking = regexp.MustCompile(`(?i)^(?:(?:so|and|but|also|ok|okay|now|then|basically|honestly|anyway|my question is|question)[,:]?\s+)*` +
		`(?:what|what's|whats|which|how|why|where|when|who|whom|whose|is|isn't|are|aren't|am|do|does|did|don't|can|can't|could|should|shall|shud|would|will|may|might|must|any|tell|explain|recommend|suggest|help|give|list|compare|name|wat|hw)\b`)
	abbrevEnd = regexp.MustCompile(`(?i)(?:\b(?:e\.g|i\.e|vs|etc|dr|mr|mrs|ms|prof|approx|no|st|jr|sr)|\b[a-z])\.$`)
)

// Asks splits a message into the sentences that ask and those that give
// background. A message of one sentence, or whose sentences all ask, or
// none, is all question.
func Asks(msg string) (question, background string) {
	sents := splitSentences(msg)
	if len(sents) < 2 {
		return purpose(msg)
	}
	var ask, rest []string
	for _, s := range sents {
		if strings.HasSuffix(s, "?") || asking.MatchString(s) {
			ask = append(ask, s)
		} else {
			rest = append(rest, s)
		}
	}
	if len(ask) == 0 || len(rest) == 0 {
		return msg, ""
	}
	return strings.Join(ask, " "), strings.Join(rest, " ")
}

// purposeClause closes a question with what the asker wants it for: "How
// long does a PhD take if I want an ML research career?" The clause is
// why they ask, not what: the duration asked is the PhD's.
var purposeClause = regexp.MustCompile(`(?i),?\s+if\s+(?:i|i'm|im|i am|you|you're)\s+(?:want|wanna|plan|planning|hope|hoping|aim|aiming|intend|intending|would like|'d like)\b[^?]*\?*$`)

// purpose splits a one-sentence question from a closing purpose clause,
// kept as background: "I want an ML research career".
func purpose(q string) (question, background string) {
	loc := purposeClause.FindStringIndex(q)
	if loc == nil || len(strings.Fields(q[:loc[0]])) < 3 {
		return q, ""
	}
	clause := strings.Trim(q[loc[0]:], " ,?")
	_, clause, _ = strings.Cut(clause, " ") // "I want …", without its "if"
	return strings.TrimSpace(q[:loc[0]]) + "?", clause
}

// Sentences cuts a chat message into its sentences, as splitSentences.
func Sentences(msg string) []string { return splitSentences(msg) }

// splitSentences cuts a chat message into sentences, keeping each one's
// closing mark, and not at abbreviations ("e.g.", "vs.").
func splitSentences(msg string) []string {
	var out []string
	start := 0
	for _, loc := range sentenceEnd.FindAllStringIndex(msg, -1) {
		piece := strings.TrimSpace(msg[start:loc[1]])
		if abbrevEnd.MatchString(piece) && loc[1] < len(msg) {
			continue
		}
		if piece != "" {
			out = append(out, piece)
		}
		start = loc[1]
	}
	if t := strings.TrimSpace(msg[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// secondAsk opens the second question of a sentence that asks two: ", and
// how long did it take?", " and what share is equity?", ", or is it
// overrated?".
var secondAsk = regexp.MustCompile(`(?i),?\s+(?:and|or)\s+(?:how|what|what's|which|when|where|why|who|is|are|do|does|did|can|should)\b`)

// Parts splits a question into the questions it asks, at most two: its
// asking sentences ("Should I wait? What does the roadmap say?") or the
// two halves of one sentence joined by "and"/"or" before a question word
// ("How many companies did he apply to, and how many responded?"). A
// question that asks one thing is one part.
func Parts(question string) []string {
	var parts []string
	sentences := splitSentences(question)
	for _, s := range sentences {
		if strings.HasSuffix(s, "?") || asking.MatchString(s) {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 && len(sentences) == 1 {
		parts = sentences // "principal ds at gitlab - what grade and how many yoe": asks all the same
	}
	if len(parts) == 1 {
		s := parts[0]
		if loc := secondAsk.FindStringIndex(s); loc != nil && loc[0] > 0 {
			first := strings.TrimRight(strings.TrimSpace(s[:loc[0]]), ",")
			second := strings.TrimSpace(s[loc[0]:])
			second = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimLeft(second, ", "), "and "), "or "))
			if len(strings.Fields(first)) >= 3 && len(strings.Fields(second)) >= 2 {
				parts = []string{first + "?", second}
			}
		}
	}
	if len(parts) < 2 {
		return []string{question}
	}
	return parts[:2]
}
