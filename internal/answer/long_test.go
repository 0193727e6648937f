package answer_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/guide"
)

// TestLongMessages asks questions written as people write them in chat,
// several sentences with their background first ("I've taught chemistry
// for eight years and learn Python at night. What should I learn after
// scikit-learn?"), and the question sentence alone: the message must be
// answered right whenever its question alone is. The sets are not among
// those the weights are fitted on (testdata/quality/sets.json).
func TestLongMessages(t *testing.T) {
	for _, set := range []struct {
		file string
		dir  string // the guides asked about; "" for the bundled ones
	}{
		{"bundled.jsonl", ""},
		{"own.jsonl", "quality/guides"},
	} {
		t.Run(set.file, func(t *testing.T) {
			var gs []*guide.Guide
			if set.dir == "" {
				gs = bundled(t)
			} else {
				gs = loadGuides(t, filepath.Join("testdata", set.dir))
			}
			e := newEngine(t, gs)
			short, long := 0, 0
			for _, c := range readCases(t, filepath.Join("testdata/long", set.file)) {
				if c.Ask == "" {
					t.Fatalf("%s: no question sentence (ask)", c.ID)
				}
				alone, okAlone := askJudged(t, e, c, c.Ask)
				whole, okWhole := askJudged(t, e, c, c.Q)
				if okAlone {
					short++
				}
				if okWhole {
					long++
				}
				if okAlone && !okWhole {
					t.Errorf("%s: answered alone, not as a message:\n  message: %s\n  answer:  %s\n  alone:   %s", c.ID, c.Q, whole, alone)
				}
			}
			t.Logf("%s: the question alone %d right, the whole message %d", set.file, short, long)
		})
	}
}

// askJudged asks q and judges the answer by c's checks.
func askJudged(t *testing.T, e *answer.Engine, c qualityCase, q string) (string, bool) {
	t.Helper()
	a, err := e.Ask(context.Background(), q)
	if err != nil {
		t.Fatalf("Ask(%q): %v", q, err)
	}
	ok, _ := judge(c, a)
	return a.Text, ok
}
