package answer

import (
	"context"
	"strings"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/reading"
)

// newReader builds the question reader over the guides' own words: their
// titles, headings and text.
func newReader(guides []*guide.Guide) *reading.Reader {
	return reading.New(func(yield func(string) bool) {
		for _, g := range guides {
			if !yield(g.Title) {
				return
			}
			for _, s := range g.Sections {
				if !yield(strings.Join(s.Path, " ")) || !yield(s.Text()) {
					return
				}
			}
		}
	})
}

// askRead answers q as the reader reads it: the asking sentences of a
// long message, chatter dropped, shorthand spelled out, typos corrected.
// When a correction or a reading from context changed the answer, the
// answer says how the question was read (ReadAs); when a correction
// turned an answer into an abstention, the answer to the question as
// typed stands.
func (e *Engine) askRead(ctx context.Context, q string) (advisor.Answer, error) {
	r := e.reader.Read(q)
	if r.Chatter {
		// "good morning!! how r u": nothing is asked, so nothing from the
		// guides answers it.
		return advisor.Answer{Text: cannotAnswer, Abstained: true}, nil
	}
	ask, background := reading.Asks(r.Text)
	ans, err := e.answer(ctx, ask, background)
	if err != nil || len(r.Fixes) == 0 {
		return ans, err
	}
	ask, background = reading.Asks(r.Plain)
	plain, err := e.answer(ctx, ask, background)
	if err != nil {
		return advisor.Answer{}, err
	}
	switch {
	case plain.Text == ans.Text:
	case ans.Abstained && !plain.Abstained:
		return plain, nil
	default:
		ans.ReadAs = r.Shown
	}
	return ans, nil
}
