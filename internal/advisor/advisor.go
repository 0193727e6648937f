// Package advisor holds careerbot's domain types: the answer the engine gives,
// its citations, the Asker interface every front end depends on, and the error
// codes that front ends map to replies. It imports nothing but the standard
// library, so the engine and the chat adapters can meet here without knowing
// each other.
package advisor

import (
	"context"
	"errors"
	"fmt"
)

// MaxQuestionBytes is the longest question accepted, in bytes. Chat messages
// longer than this are pasted documents, not questions.
const MaxQuestionBytes = 1000

// Answer is the engine's reply to one question.
type Answer struct {
	// Text states the facts themselves with [n] markers that refer to Citations.
	Text string `json:"answer"`
	// Abstained is true when no guide answers the question; Text then says
	// what the guides do cover.
	Abstained bool `json:"abstained"`
	// Citations are numbered from 1 in the order Text refers to them.
	Citations []Citation `json:"citations"`
	// Guides is how many distinct guides the citations come from.
	Guides int `json:"guides"`
	// ReadAs says how the question was read when that differs from how it
	// was typed: corrected or shorthand words ("learnt tensorflow whats
	// next" for "learnt tensorflw whats next"), or a follow-up read with the
	// previous question ("Senior → junior, Romania"). Front ends show it
	// above the answer.
	ReadAs string `json:"read_as,omitempty"`
	// Question is the question as answered: a follow-up rewritten to stand
	// alone. It is what a conversation remembers for the next follow-up.
	// Set by AskTurn.
	Question string `json:"question,omitempty"`
	// Intent is the kind of question answered (salary, next, start,
	// duration, general), kept with feedback. Set by AskTurn.
	Intent string `json:"intent,omitempty"`
	// ID names the answer for feedback on it; chat front ends set it when
	// they record answers.
	ID string `json:"id,omitempty"`
}

// Citation says where a piece of an answer came from.
type Citation struct {
	N       int    `json:"n"`
	Title   string `json:"title"`
	Section string `json:"section"`
	Snippet string `json:"snippet"`
	Source  string `json:"source"`
	Line    int    `json:"line"`
}

// Asker answers career questions. Implementations must be safe for
// concurrent use.
type Asker interface {
	// Ask answers question. It returns an *Error with code EINVALID for an
	// empty, oversized or malformed question; an abstention is an Answer,
	// not an error.
	Ask(ctx context.Context, question string) (Answer, error)
}

// GuideInfo describes one loaded guide for listings such as /sources.
type GuideInfo struct {
	Title    string
	Source   string
	Sections []string
}

// Catalog describes what the loaded guides hold: for listings and for
// autocompletion in chat front ends.
type Catalog interface {
	// Guides lists the loaded guides in load order.
	Guides() []GuideInfo
	// Suggest returns up to limit values of kind (see the Suggest* constants)
	// that start with or contain prefix, best first.
	Suggest(kind SuggestKind, prefix string, limit int) []string
}

// SuggestKind names a set of values a Catalog can suggest.
type SuggestKind int

// The kinds of values a Catalog suggests.
const (
	SuggestRole   SuggestKind = iota // roles named by salary facts
	SuggestLevel                     // seniority levels named by salary facts
	SuggestRegion                    // regions named by salary facts
	SuggestTopic                     // topics named by learning-path stages
)

// Error codes, mapped to user-facing replies by the front ends.
const (
	EINVALID  = "invalid"  // the question cannot be asked as given
	EINTERNAL = "internal" // something broke on our side
	ELIMIT    = "limit"    // the user asked too often
)

// Error is an error with a code and a message safe to show to the user.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is or wraps an *Error, and
// EINTERNAL otherwise (nil gives "").
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err: the message of an
// *Error, and a generic sentence for anything else so internals never leak.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Message
	}
	return "Something went wrong on our side; please try again."
}
