package lexicon_test

import (
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/lexicon"
)

func TestEmbedded(t *testing.T) {
	l := lexicon.Get()
	if l.Cities["New York"] != "United States" || !strings.Contains(strings.Join(l.CityNames["New York"], ","), "NYC") {
		t.Errorf("New York = %q, names %q; want the United States and NYC", l.Cities["New York"], l.CityNames["New York"])
	}
	if len(l.Countries) < 50 || len(l.Synonyms) < 20 || l.Shorthand["mle"] != "ML engineer" {
		t.Errorf("countries %d, synonyms %d, mle = %q", len(l.Countries), len(l.Synonyms), l.Shorthand["mle"])
	}
	pay := l.Match("pay")
	for _, s := range []string{"what do they earn", "Salaries in Romania", "TC at FAANG", "earnings"} {
		if !pay.MatchString(s) {
			t.Errorf("pay words miss %q", s)
		}
	}
	for _, s := range []string{"learning paths", "repay the loan"} {
		if pay.MatchString(s) {
			t.Errorf("pay words match %q", s)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"country", "no name"},
		{"city Romania Cluj", "want city"},
		{"synonym ML", "two phrasings"},
		{"short mle", "want short"},
		{"words : a b", "want words NAME"},
		{"pattern p: (", "line 1"},
		{"colour red", "unknown entry"},
	}
	for _, tt := range tests {
		if _, err := lexicon.Parse(tt.text); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v; want an error containing %q", tt.text, err, tt.want)
		}
	}
}
