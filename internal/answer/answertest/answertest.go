// Package answertest gives tests a real engine over the bundled guides, so
// adapter tests exercise true answers rather than a mock.
package answertest

import (
	"testing"

	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/knowledge"
)

// Bundled returns an engine over the bundled guides, closed when tb ends.
func Bundled(tb testing.TB) *answer.Engine {
	tb.Helper()
	gs, _, err := guide.Load(knowledge.Guides(), "")
	if err != nil {
		tb.Fatal(err)
	}
	e, err := answer.New(gs)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { e.Close() })
	return e
}
