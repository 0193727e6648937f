package facts_test

import (
	"slices"
	"testing"

	"github.com/careerbot/careerbot/internal/facts"
)

func TestFindLevel(t *testing.T) {
	tests := []struct {
		in   string
		want facts.Level
	}{
		{"junior ML salary romania", facts.Junior},
		{"What do entry-level machine learning jobs pay?", facts.Junior},
		{"Juniors earn", facts.Junior},
		{"new grads", facts.Junior},
		{"mid-level machine learning engineer", facts.Mid},
		{"Mid-Career Professionals", facts.Mid},
		{"intermediate", facts.Mid},
		{"How much does a senior ML engineer make?", facts.Senior},
		{"Sr. data scientist", facts.Senior},
		{"Lead/Principal", facts.Lead},
		{"Head of Machine Learning", facts.Lead},
		{"staff engineer", facts.Lead},
		{"what salary in Romania", ""},
		{"leading companies", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := facts.FindLevel(tt.in); got != tt.want {
				t.Errorf("FindLevel(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFindRole(t *testing.T) {
	tests := []struct{ in, want string }{
		{"How much does a senior ML engineer make in Romania?", "machine learning engineer"},
		{"Junior ML Engineer: €1,500", "machine learning engineer"},
		{"Senior machine learning engineers and specialists", "machine learning engineer"},
		{"What does a data scientist do?", "data scientist"},
		{"Computer Vision Engineers focus on", "computer vision engineer"},
		{"Machine Learning Career research scientists at major companies", "research scientist"},
		{"| Data Scientist | £35,000", "data scientist"},
		{"the engineers", "engineer"},
		{"do I need a PhD?", ""},
		{"which course to learn about data scientists", "data scientist"},
		{"questions asked on ML engineers", "machine learning engineer"},
		{"how many questions does Meta give ML engineer candidates", "machine learning engineer"},
		{"what salary did Data Scientist roles come out at", "data scientist"},
		{"what would ML engineers earn", "machine learning engineer"},
		{"how much had data analysts made", "data analyst"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := facts.FindRole(tt.in); got != tt.want {
				t.Errorf("FindRole(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRoleMatches(t *testing.T) {
	tests := []struct {
		q, f string
		want bool
	}{
		{"machine learning engineer", "machine learning engineer", true},
		{"machine learning engineer", "", true},
		{"", "data scientist", true},
		{"machine learning engineer", "engineer", true},
		{"data scientist", "research scientist", false},
		{"data engineer", "machine learning engineer", false},
		{"data scientist", "data engineer", false},
		{"computer vision engineer", "vision engineer", true},
	}
	for _, tt := range tests {
		if got := facts.RoleMatches(tt.q, tt.f); got != tt.want {
			t.Errorf("RoleMatches(%q, %q) = %v; want %v", tt.q, tt.f, got, tt.want)
		}
	}
}

func TestFindLevelsAndRoles(t *testing.T) {
	tests := []struct {
		q      string
		levels []facts.Level
		roles  []string
	}{
		{"Do senior ML engineers make twice what juniors make?", []facts.Level{facts.Senior, facts.Junior}, []string{"machine learning engineer"}},
		{"Who earns more, a research scientist or a data scientist?", nil, []string{"research scientist", "data scientist"}},
		{"Do ML engineers earn more than data scientists in India?", nil, []string{"machine learning engineer", "data scientist"}},
		{"pay at a mid-size company", nil, nil},
		{"what's the difference between a data scientist and an ML engineer", nil, []string{"data scientist", "machine learning engineer"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := facts.FindLevels(tt.q); !slices.Equal(got, tt.levels) {
				t.Errorf("FindLevels = %q; want %q", got, tt.levels)
			}
			if got := facts.FindRoles(tt.q); !slices.Equal(got, tt.roles) {
				t.Errorf("FindRoles = %q; want %q", got, tt.roles)
			}
		})
	}
}

func TestLevelOfYears(t *testing.T) {
	tests := []struct {
		s     string
		level facts.Level
		span  string
	}{
		{"Junior ML Engineer (0-2 years)", facts.Junior, "0-2"},
		{"Machine Learning Engineer (2-4 years)", facts.Mid, "2-4"},
		{"with 5 years of experience", facts.Mid, "5"},
		{"4-7 yrs", facts.Senior, "4-7"},
		{"10+ YOE", facts.Senior, "10+"},
		{"Staff engineer, 8+ years", facts.Lead, "8+"},
		{"no years here", "", ""},
	}
	for _, tt := range tests {
		if got := facts.LevelOf(tt.s); got != tt.level {
			t.Errorf("LevelOf(%q) = %q; want %q", tt.s, got, tt.level)
		}
		if got := facts.YearsSpan(tt.s); got != tt.span {
			t.Errorf("YearsSpan(%q) = %q; want %q", tt.s, got, tt.span)
		}
	}
}
