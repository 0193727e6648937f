package answer

import (
	"context"
	"slices"
	"strconv"
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
	ans, err := e.answerAsk(ctx, ask, background)
	if err != nil || len(r.Fixes) == 0 {
		return ans, err
	}
	ask, background = reading.Asks(r.Plain)
	plain, err := e.answerAsk(ctx, ask, background)
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

// answerAsk answers what a message asks. A question asking two things
// ("How many companies did he apply to, and how many responded?") gets
// an answer to each, the first part standing as background to the second
// ("…and how long does it last?"); when either part finds no answer, or
// both find the same one, the question is answered whole.
func (e *Engine) answerAsk(ctx context.Context, ask, background string) (advisor.Answer, error) {
	parts := reading.Parts(ask)
	if len(parts) < 2 {
		return e.answer(ctx, ask, background)
	}
	first, err := e.answer(ctx, parts[0], background)
	if err != nil {
		return advisor.Answer{}, err
	}
	second, err := e.answer(ctx, parts[1], strings.TrimSpace(background+" "+parts[0]))
	if err != nil {
		return advisor.Answer{}, err
	}
	if first.Abstained || second.Abstained || sameEvidence(first, second) {
		return e.answer(ctx, ask, background)
	}
	return joinAnswers(first, second), nil
}

// sameEvidence reports whether b cites nothing a does not.
func sameEvidence(a, b advisor.Answer) bool {
	for _, cb := range b.Citations {
		if !slices.ContainsFunc(a.Citations, func(ca advisor.Citation) bool { return ca.Source == cb.Source && ca.Line == cb.Line }) {
			return false
		}
	}
	return true
}

// joinAnswers says a, then b, with b's citations numbered after a's (a
// unit both cite keeps a's number).
func joinAnswers(a, b advisor.Answer) advisor.Answer {
	out := a
	out.Citations = slices.Clone(a.Citations)
	renumber := map[string]string{}
	for _, c := range b.Citations {
		old := "[" + strconv.Itoa(c.N) + "]"
		if i := slices.IndexFunc(out.Citations, func(x advisor.Citation) bool { return x.Source == c.Source && x.Line == c.Line }); i >= 0 {
			renumber[old] = "[" + strconv.Itoa(out.Citations[i].N) + "]"
			continue
		}
		c.N = len(out.Citations) + 1
		renumber[old] = "[" + strconv.Itoa(c.N) + "]"
		out.Citations = append(out.Citations, c)
	}
	out.Text = a.Text + " " + citeMarker.ReplaceAllStringFunc(b.Text, func(m string) string { return renumber[m] })
	guides := map[string]bool{}
	for _, c := range out.Citations {
		guides[c.Source] = true
	}
	out.Guides = len(guides)
	return out
}
