package facts_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/facts"
)

func TestFindRegions(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Average salaries: €3,000-€8,000/month in Romania", []string{"Romania"}},
		{"in the United States alone", []string{"United States"}},
		{"salary in the US", []string{"United States"}},
		{"what salary for us", nil},
		{"USA and U.S. and America", []string{"United States"}},
		{"ML jobs in the UK or uk", []string{"United Kingdom"}},
		{"New York versus San Francisco", []string{"New York", "San Francisco"}},
		{"Berlin, Germany (senior)", []string{"Berlin", "Germany"}},
		{"Data Science Careers in the UK: A Guide", []string{"United Kingdom"}},
		{"nothing here", nil},
		{"", nil},
		{"Cluj-Napoca and Bucharest", []string{"Cluj-Napoca", "Bucharest"}},
		{"romania", []string{"Romania"}},
		{"moving from California to Denver", []string{"California", "Denver"}}, // a state is a place within its country
		{"how do I polish my resume", nil},
		{"Polish ML engineer salaries", []string{"Poland"}},
		{"what do german recruiters look for", []string{"Germany"}},
		{"jobs in nyc", nil},
		{"jobs in NYC", []string{"New York"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, r := range facts.FindRegions(tt.in) {
				got = append(got, r.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindRegions(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRegionCovers(t *testing.T) {
	ro := facts.Region{Name: "Romania", Country: "Romania"}
	buc := facts.Region{Name: "Bucharest", Country: "Romania"}
	de := facts.Region{Name: "Germany", Country: "Germany"}
	tests := []struct {
		q, f facts.Region
		want bool
	}{
		{ro, ro, true}, {ro, buc, true}, {buc, ro, false}, {de, ro, false}, {buc, buc, true},
	}
	for _, tt := range tests {
		if got := tt.q.Covers(tt.f); got != tt.want {
			t.Errorf("%s.Covers(%s) = %v; want %v", tt.q.Name, tt.f.Name, got, tt.want)
		}
	}
}

// TestRegionNames checks that a city written another way is one place.
func TestRegionNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"AI roles in NYC", "New York"},
		{"data jobs in Bengaluru", "Bangalore"},
		{"analysts in Bombay", "Mumbai"},
	}
	for _, tt := range tests {
		rs := facts.FindRegions(tt.in)
		if len(rs) != 1 || rs[0].Name != tt.want || !slices.Contains(rs[0].Names(), strings.Fields(tt.in)[len(strings.Fields(tt.in))-1]) {
			t.Errorf("FindRegions(%q) = %v; want %s, one of whose names was written", tt.in, rs, tt.want)
		}
	}
}
