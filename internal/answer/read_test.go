package answer_test

import (
	"context"
	"testing"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
)

// readAs wants the answer to say it read the question as want ("" for
// not at all).
func readAs(want string) check {
	return func(t *testing.T, a advisor.Answer) {
		t.Helper()
		if a.ReadAs != want {
			t.Errorf("ReadAs = %q; want %q (answer %q)", a.ReadAs, want, a.Text)
		}
	}
}

// readAsIfAny wants the answer, if it says how it read the question, to
// say want: whether the reading changed the answer is TestReadAsContract's.
func readAsIfAny(want string) check {
	return func(t *testing.T, a advisor.Answer) {
		t.Helper()
		if a.ReadAs != "" && a.ReadAs != want {
			t.Errorf("ReadAs = %q; want %q or none (answer %q)", a.ReadAs, want, a.Text)
		}
	}
}

// TestAskTyped asks questions as people type them in chat — typos,
// shorthand, greetings — over the bundled guides and over a guide of our
// own, and wants the answer the question means.
func TestAskTyped(t *testing.T) {
	tests := []struct {
		guides string // "" for the bundled guides, else a testdata directory
		q      string
		check  check
	}{
		// The bundled guides. What the answers say is a quality set
		// (testdata/quality/typed.jsonl, reading.jsonl); here, how the
		// questions were read.
		{"", "jr DS salery in the US", readAs("jr DS salary in the US")},
		{"", "mid lvl MLE comp in romaina", readAs("mid lvl MLE comp in Romania")},
		{"", "learnt tensorflw whats next", readAs("learnt tensorflow whats next")},
		{"", "what shuold I lern after pytorch", readAs("what should I learn after pytorch")},
		{"", "sr data scientist pay usa??", readAs("")},
		{"", "yo how much does a senior ML engineer make in Romania? thx 🙏", all(readAs(""), abstains(false))},
		{"", "senior MLE TC in RO", all(readAs(""), abstains(false))},
		{"", "hey bot :)", abstains(true)},
		{"", "thx!!", abstains(true)},
		{"", "how do I bake sourdough bread", all(abstains(true), readAs(""))},

		// A guide of our own: data engineers and forecasting analysts in
		// Germany and the United States.
		{"testdata/reading", "jr DE salary in the US", all(saysNot("€"), readAsIfAny("jr data engineer salary in the US"))},
		{"testdata/reading", "sr forcasting analist pay in DE", readAsIfAny("sr forecasting analyst pay in Germany")},
		{"testdata/reading", "yo what do junior DEs make in germany?? 🙏", saysNot("$")},
		{"testdata/reading", "mid lvl data engineer comp in germnay", readAsIfAny("mid lvl data engineer comp in Germany")},
		{"testdata/reading", "done with dagstr whats next", readAsIfAny("done with dagster whats next")},
		{"testdata/reading", "hey bot :)", abstains(true)},
	}
	engines := map[string]*answer.Engine{
		"":                 newEngine(t, bundled(t)),
		"testdata/reading": newEngine(t, loadDir(t, "testdata/reading")),
	}
	for _, tt := range tests {
		t.Run(tt.guides+" "+tt.q, func(t *testing.T) {
			run(t, engines[tt.guides], tt.q, tt.check)
		})
	}
}

// TestChatterChangesNothing asks questions with and without the chatter
// around them and wants the same answer.
func TestChatterChangesNothing(t *testing.T) {
	e := newEngine(t, bundled(t))
	tests := []struct{ chatty, plain string }{
		{"yo what should I learn after PyTorch??", "what should I learn after PyTorch?"},
		{"hey bot, do I need a PhD? thanks in advance 🙏", "do I need a PhD?"},
		{"hi all! quick question: What does a data scientist do? :)", "What does a data scientist do?"},
		{"junior ML salary romania pls", "junior ML salary romania"},
	}
	for _, tt := range tests {
		t.Run(tt.chatty, func(t *testing.T) {
			chatty, err := e.Ask(context.Background(), tt.chatty)
			if err != nil {
				t.Fatal(err)
			}
			plain, err := e.Ask(context.Background(), tt.plain)
			if err != nil {
				t.Fatal(err)
			}
			if chatty.Text != plain.Text || chatty.Abstained != plain.Abstained {
				t.Errorf("with chatter: %q (abstained %v)\nwithout:      %q (abstained %v)", chatty.Text, chatty.Abstained, plain.Text, plain.Abstained)
			}
		})
	}
}
