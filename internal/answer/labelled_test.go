package answer_test

import (
	"context"
	"strings"
	"testing"
)

// labelledSteps is a guide whose steps are long paragraphs, each led by a
// bold label, after a sentence that introduces them.
var labelledSteps = map[string]string{
	"lab-hiring.md": "# Getting Hired Into a Research Lab\n\n## The selection stages\n\n" +
		"Every lab runs its selection its own way. But usually, at the larger research labs, the stages go like this:\n\n" +
		"**Phone chat**: This is usually where it starts. These calls are kept brief, although their length varies with the lab's size, the coordinator's habits and the season. The coordinator mostly asks about your past projects, what you owned in them and why you want to move now.\n\n" +
		"**Bench exercise:** This is usually a ninety-minute practical with a senior scientist, which is far more hands-on than the chat. You will pipette, plan a small experiment and explain every choice you make along the way.\n\n" +
		"**The panel day**: typically means visiting the lab in person for the whole day. Many labs now hold it remotely, though some have returned to the building since travel reopened. The panel can be anywhere from two talks up to six or eight separate conversations. Again, this depends on the lab and its funding.\n\n" +
		"Whichever stage you are at, explain your work plainly: many of the people you meet are not specialists.\n",
	"lab-other.md": "# Lab Careers Overview\n\n## Working days\n\n" +
		"A research lab day is split between experiments, reading and group meetings. Senior scientists usually spend more time writing grants than at the bench.\n",
}

// TestLabelledSteps checks that a list whose items are long labelled
// paragraphs is answered by every item's label, not clipped after the
// first, and that a question about one step reaches that step's own text.
func TestLabelledSteps(t *testing.T) {
	e := newEngine(t, parseAll(t, labelledSteps))
	tests := []struct {
		q    string
		want []string
	}{
		{"What are the usual selection stages at research labs?", []string{"Phone chat", "Bench exercise", "panel day"}},
		{"how long is the bench exercise usually", []string{"ninety-minute"}},
		{"how many conversations can the panel day have", []string{"six or eight"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("answer lacks %q: %s", w, a.Text)
				}
			}
		})
	}
}
