package advisor

import "context"

// Turn is one question of a conversation: the question as typed and the
// conversation's previous question, so a follow-up ("and for juniors?")
// can be read with it.
type Turn struct {
	Question string
	// Previous is the previous question as it was answered (its
	// Answer.Question), or "" when the conversation starts here.
	Previous string
}

// TurnAsker answers questions in a conversation. Front ends that keep
// conversations use it; Asker stays the one-question contract.
type TurnAsker interface {
	Asker
	// AskTurn answers t.Question, read as a follow-up of t.Previous when it
	// names only a level, a place, a role, a currency, "that" or "after
	// that"; a complete question stands alone. The answer's Question is
	// the question as answered, its ReadAs how a follow-up was read. Errors
	// are those of Ask.
	AskTurn(ctx context.Context, t Turn) (Answer, error)
}
