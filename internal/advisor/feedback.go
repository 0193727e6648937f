package advisor

import (
	"context"
	"time"
)

// Vote is a reader's verdict on an answer.
type Vote string

// The votes the feedback buttons cast.
const (
	Helpful    Vote = "helpful"
	NotHelpful Vote = "not_helpful"
)

// Valid reports whether v is one of the votes above.
func (v Vote) Valid() bool { return v == Helpful || v == NotHelpful }

// Cited is a guide section an answer cited, as feedback records keep it.
type Cited struct {
	Guide   string `json:"guide"` // the guide's title
	Source  string `json:"source"`
	Section string `json:"section"`
}

// CitedBy returns the sections a's citations name, in order.
func CitedBy(a Answer) []Cited {
	out := make([]Cited, 0, len(a.Citations))
	for _, c := range a.Citations {
		out = append(out, Cited{Guide: c.Title, Source: c.Source, Section: c.Section})
	}
	return out
}

// AnswerRecord is what is kept of an answer given in chat. Question is
// kept only when the guides could not answer (Abstained).
type AnswerRecord struct {
	ID        string
	Time      time.Time
	Platform  string
	Intent    string
	Abstained bool
	Cited     []Cited
	Question  string
}

// VoteRecord is one reader's vote on one answer. UserHash is a keyed hash
// of the user's id, never the id. Question is kept only for NotHelpful.
type VoteRecord struct {
	AnswerID string
	Time     time.Time
	Platform string
	UserHash string
	Vote     Vote
	Intent   string
	Cited    []Cited
	Question string
}

// Journal keeps answers and votes for the guide writers' report.
// Implementations must not block: a record they cannot take at once is
// dropped and the method returns false.
type Journal interface {
	RecordAnswer(AnswerRecord) bool
	RecordVote(VoteRecord) bool
}

// Gap is a group of questions the guides could not answer, or answered
// unhelpfully, asked about the same thing.
type Gap struct {
	Terms    []string  `json:"terms"`    // the normalized terms the questions share
	Count    int       `json:"count"`    // how many questions
	Examples []string  `json:"examples"` // up to three of them, most recent first
	Last     time.Time `json:"last"`
}

// GapLister lists what the guides miss, for moderators in chat.
type GapLister interface {
	// TopGaps returns up to n groups of unanswered questions, most asked
	// first.
	TopGaps(ctx context.Context, n int) ([]Gap, error)
}
