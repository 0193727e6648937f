package answer

import (
	"context"
	"testing"

	"github.com/careerbot/careerbot/knowledge"
)

// TestReadAsContract checks the answer says how it read the question
// exactly when the reading's fixes changed the answer: it compares each
// typed question's answer with the answer to its reading without the
// fixes, asked past the reader.
func TestReadAsContract(t *testing.T) {
	e := engineOver(t, knowledge.Guides())
	ctx := context.Background()
	shown := 0 // questions whose answer says how it was read
	qs := []string{
		"jr DS salery in the US", "mid lvl MLE comp in romaina", "learnt tensorflw whats next",
		"what shuold I lern after pytorch", "do I need a phd for a MLE jobb", "senoir ML engineer salary in Romania",
		"senior ML engineer salary in Romanai", "best certifcations for ML enginers",
		"Do I need Docker and Kubernets?",
	}
	for _, q := range qs {
		t.Run(q, func(t *testing.T) {
			rd := e.reader.Read(q)
			if len(rd.Fixes) == 0 {
				t.Fatalf("Read(%q) fixed nothing; the test wants typos", q)
			}
			a, err := e.Ask(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			plain, err := e.answer(ctx, rd.Plain, "")
			if err != nil {
				t.Fatal(err)
			}
			if a.ReadAs != "" {
				shown++
			}
			switch {
			case plain.Text == a.Text && a.ReadAs != "":
				t.Errorf("ReadAs = %q, yet %q gets the same answer: %q", a.ReadAs, rd.Plain, a.Text)
			case plain.Text != a.Text && !a.Abstained && a.ReadAs != rd.Shown:
				t.Errorf("ReadAs = %q; want %q: the fixes changed the answer from %q to %q", a.ReadAs, rd.Shown, plain.Text, a.Text)
			case a.Abstained && !plain.Abstained:
				t.Errorf("the fixed question abstains; want the answer to the question as typed, %q", plain.Text)
			}
		})
	}
	if shown == 0 || shown == len(qs) {
		t.Errorf("%d of %d answers said how they read the question; the test wants both kinds", shown, len(qs))
	}
}
