package eval_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/eval"
)

// TestNorm checks the matching against what the shared scorer's norm()
// gives for the same strings (computed with it once, by hand).
func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"₹20,00,000 – ₹35,00,000", "₹20,00000-₹35,00000"},
		{"$1,500,000", "$1500000"},
		{"1.4×–1.6×", "1.4x-1.6x"},
		{"Senior: €4,500 - €8,000/month", "senior: €4500-€8000/month"},
		{"INR 28L–INR 55L", "inr 28l-inr 55l"},
		{"It's 1,20,00,000", "it's 1,20,00000"},
	}
	for _, tt := range tests {
		if got := eval.Norm(tt.in); got != tt.want {
			t.Errorf("Norm(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestJudge(t *testing.T) {
	cite := func(title, snippet string) advisor.Citation {
		return advisor.Citation{N: 1, Title: title, Snippet: snippet}
	}
	tests := []struct {
		name      string
		c         eval.Case
		a         advisor.Answer
		ok, exact bool
	}{
		{"fact in the answer", eval.Case{Any: []string{"€4,500-€8,000"}},
			advisor.Answer{Text: "Seniors earn €4,500–€8,000 a month [1]."}, true, true},
		{"fact only in a snippet", eval.Case{Any: []string{"3-6 months"}},
			advisor.Answer{Text: "The switch takes a while [1].", Citations: []advisor.Citation{cite("G", "Timeline: 3–6 months")}}, true, false},
		{"missing group", eval.Case{Groups: [][]string{{"dbt"}, {"git", "testing"}}},
			advisor.Answer{Text: "dbt and SQL [1]."}, false, false},
		{"wrong citation", eval.Case{Any: []string{"dbt"}, Cite: []string{"Analytics Engineer"}},
			advisor.Answer{Text: "dbt [1].", Citations: []advisor.Citation{cite("Data Analyst", "dbt")}}, false, false},
		{"abstained where an answer was due", eval.Case{Any: []string{"dbt"}},
			advisor.Answer{Text: "I can't answer that.", Abstained: true}, false, false},
		{"abstention asked for", eval.Case{Abstain: true},
			advisor.Answer{Text: "I can't answer that.", Abstained: true}, true, false},
		{"a place no guide covers, named", eval.Case{Nocover: "Nairobi"},
			advisor.Answer{Text: "The guides don't cover salaries in Nairobi."}, true, true},
		{"a wrong reading", eval.Case{Any: []string{"€6,000"}, None: []string{"earn"}},
			advisor.Answer{Text: "Analysts earn €6,000 [1]."}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eval.Judge(tt.c, tt.a)
			if r.OK != tt.ok || r.Direct != tt.exact {
				t.Errorf("Judge = %+v; want ok=%v direct=%v", r, tt.ok, tt.exact)
			}
		})
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, text, err string
	}{
		{"good", `{"id": "a", "q": "pay?", "any": ["x"]}` + "\n\n" + `{"id": "b", "q": "pizza?", "abstain": true}`, ""},
		{"unknown field", `{"id": "a", "q": "pay?", "anything": ["x"]}`, "unknown field"},
		{"repeated id", `{"id": "a", "q": "x", "any": ["x"]}` + "\n" + `{"id": "a", "q": "y", "any": ["y"]}`, ":2: id \"a\" repeats"},
		{"checks nothing", `{"id": "a", "q": "x"}`, "checks no fact"},
		{"empty", "", "no questions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".jsonl")
			if err := os.WriteFile(p, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := eval.Read(p)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("Read: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("Read error = %v; want one containing %q", err, tt.err)
			}
		})
	}
}
