package guidegen_test

import (
	"testing"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/guidegen"
)

func TestGenerate(t *testing.T) {
	a, b := guidegen.Generate(30, 3), guidegen.Generate(30, 3)
	seen := map[string]bool{}
	for i, g := range a {
		if g.Text != b[i].Text {
			t.Fatalf("guide %d differs between runs with the same seed", i)
		}
		if seen[g.Name] {
			t.Fatalf("name %s repeats", g.Name)
		}
		seen[g.Name] = true
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
