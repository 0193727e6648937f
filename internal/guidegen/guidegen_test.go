package guidegen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/guidegen"
)

// TestSameSeedSameGuides checks both generators: the same seed gives the
// same guides, names do not repeat, and every guide parses.
func TestSameSeedSameGuides(t *testing.T) {
	for name, gen := range map[string]func(int, uint64) []guidegen.Guide{
		"Generate": guidegen.Generate, "GenerateVaried": guidegen.GenerateVaried,
	} {
		t.Run(name, func(t *testing.T) {
			a, b := gen(300, 3), gen(300, 3)
			seen := map[string]bool{}
			for i, g := range a {
				if g.Text != b[i].Text {
					t.Fatalf("guide %d differs between runs with the same seed", i)
				}
				if seen[g.Name] {
					t.Fatalf("name %s repeats", g.Name)
				}
				seen[g.Name] = true
				if _, _, err := guide.Parse(g.Name, []byte(g.Text)); err != nil {
					t.Fatalf("%s: %v", g.Name, err)
				}
			}
		})
	}
}

// TestGenerate checks the plain guides' facts are read as written.
func TestGenerate(t *testing.T) {
	for _, g := range guidegen.Generate(30, 3) {
		pg, _, err := guide.Parse(g.Name, []byte(g.Text))
		if err != nil {
			t.Fatalf("%s: %v", g.Name, err)
		}
		fx := facts.Extract(pg)
		if len(fx.Salaries) != 4 || len(fx.Paths) != 1 || len(fx.Paths[0].Stages) != 4 {
			t.Errorf("%s: %d salaries, %d paths; want 4 and 1 path of 4 stages", g.Name, len(fx.Salaries), len(fx.Paths))
		}
		for _, s := range fx.Salaries {
			if s.Level == facts.Senior && (int(s.Min) != g.SeniorMin || int(s.Max) != g.SeniorMax) {
				t.Errorf("%s: senior %v-%v; want %d-%d", g.Name, s.Min, s.Max, g.SeniorMin, g.SeniorMax)
			}
		}
	}
}

// TestGenerateVaried checks every shape of every part is drawn.
func TestGenerateVaried(t *testing.T) {
	shapes := map[string]bool{}
	for _, g := range guidegen.GenerateVaried(300, 5) {
		for _, s := range []string{"salary " + g.Shape.Salary, "path " + g.Shape.Path, "ladder " + g.Shape.Ladder,
			"skills " + g.Shape.Skills, "price " + g.Shape.Price} {
			shapes[s] = true
		}
	}
	// 7 pay, 4 path, 4 ladder, 5 skill and 3 price shapes.
	if len(shapes) != 23 {
		t.Errorf("%d shapes drawn; want 23: %v", len(shapes), shapes)
	}
}

// TestQuestions checks every question names its guide's role and place and
// that what it expects is written in that guide.
func TestQuestions(t *testing.T) {
	gs := guidegen.GenerateVaried(1200, 2)
	byName := map[string]guidegen.Guide{}
	guides := map[[2]string]int{}
	for _, g := range gs {
		byName[g.Name] = g
		guides[[2]string{g.Role, g.Place}]++
	}
	qs := guidegen.Questions(gs, 40, 2)
	perIntent := map[string]int{}
	for _, q := range qs {
		perIntent[q.Intent]++
		g, ok := byName[q.Source]
		if !ok {
			t.Fatalf("%q: source %s is no guide", q.Q, q.Source)
		}
		if !strings.Contains(strings.ToLower(q.Q), strings.ToLower(g.Place)) {
			t.Errorf("%q does not name the place %s", q.Q, g.Place)
		}
		text := strings.ToLower(g.Text)
		for _, grp := range q.Groups {
			if !slices.ContainsFunc(grp, func(s string) bool { return strings.Contains(text, strings.ToLower(s)) }) {
				t.Errorf("%q expects one of %q, which %s does not say", q.Q, grp, g.Name)
			}
		}
		if guides[[2]string{g.Role, g.Place}] > 1 {
			t.Errorf("%q is about %s, whose role and place another guide shares", q.Q, q.Source)
		}
	}
	for _, in := range guidegen.QuestionIntents {
		if perIntent[in] != 40 {
			t.Errorf("%d %s questions; want 40", perIntent[in], in)
		}
	}
}
