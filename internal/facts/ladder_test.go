package facts_test

import (
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
)

func TestLadders(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string // each ladder as "A (years) → B"
	}{
		{"arrows in a labelled item", "# G\n\n- **Career Progression**: Analyst → Senior Analyst → Analytics Lead\n",
			[]string{"Analyst → Senior Analyst → Analytics Lead"}},
		{"ascii arrows with years", "# G\n\nJunior (0-2 yrs) -> Senior (4-7 yrs) -> Staff\n",
			[]string{"Junior (0-2 years) → Senior (4-7 years) → Staff"}},
		{"tree in a code block", "# G\n\n```\nData Intern\n  └─> Junior Data Engineer (0-2 yrs)\n      └─> Data Engineer\n```\n",
			[]string{"Data Intern → Junior Data Engineer (0-2 years) → Data Engineer"}},
		{"headings with years", "# G\n\n## Career Path\n\n### Junior NLP Engineer (0-2 years)\n\nx\n\n### Senior NLP Engineer (5+ years)\n\ny\n",
			[]string{"Junior NLP Engineer (0-2 years) → Senior NLP Engineer (5+ years)"}},
		{"level headings under a ladder heading", "# G\n\n## Career levels\n\n### Junior\n\nx\n\n### Senior\n\ny\n\n### Staff\n\nz\n",
			[]string{"Junior → Senior → Staff"}},
		{"a career progression list", "# G\n\n## Career progression\n\n1. Junior Data Scientist (0-2 yrs): dashboards\n2. Senior Data Scientist - leads projects\n3. Lead Data Scientist\n",
			[]string{"Junior Data Scientist (0-2 years) → Senior Data Scientist → Lead Data Scientist"}},
		{"a last role heading without years", "# G\n\n## Career Path\n\n### Data Engineer (0-3 years)\n\nx\n\n### Staff Data Engineer (6+ years)\n\ny\n\n### Engineering Manager\n\nz\n",
			[]string{"Data Engineer (0-3 years) → Staff Data Engineer (6+ years) → Engineering Manager"}},
		{"levels that group roles", "# G\n\n## Career Progression\n\n### Entry-Level Positions\n\n- Junior Data Engineer\n- Analytics Engineer\n\n### Senior Positions\n\n- Senior Data Engineer\n- Data Architect\n",
			[]string{"Entry-Level Positions (Junior Data Engineer, Analytics Engineer) → Senior Positions (Senior Data Engineer, Data Architect)"}},
		{"rungs with parts of their own", "# G\n\n## Analyst career pathway\n\n### Associate analyst\n\nx\n\n#### Skills for this level\n\n- SQL\n\n### Analyst II\n\ny\n\n#### Skills for this level\n\n- Python\n\n### Senior analyst\n\nz\n",
			[]string{"Associate analyst → Analyst II → Senior analyst"}},
		{"a pipeline is not a ladder", "# G\n\nWe go from raw data → features → a deployed model.\n", nil},
		{"prose between arrows is not a ladder", "# G\n\nLearn the basics first → then build three projects that show real impact to employers\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := guide.Parse("t.md", []byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range facts.Extract(g).Ladders {
				var names []string
				for _, r := range l.Rungs {
					names = append(names, r.Title())
				}
				got = append(got, strings.Join(names, " → "))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("ladders = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestLadderForks(t *testing.T) {
	md := "# G\n\n```\nSenior Engineer\n  └─> Staff Engineer (7+ yrs)\n        ├─> Principal Engineer\n        └─> Engineering Manager\n```\n"
	g, _, err := guide.Parse("t.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	ls := facts.Extract(g).Ladders
	if len(ls) != 1 {
		t.Fatalf("ladders = %+v; want one", ls)
	}
	l := ls[0]
	name := func(is []int) []string {
		var out []string
		for _, i := range is {
			out = append(out, l.Rungs[i].Name)
		}
		return out
	}
	tests := []struct {
		at   int
		want string
	}{
		{0, "Staff Engineer"},
		{1, "Principal Engineer|Engineering Manager"},
		{2, ""},
		{3, ""},
	}
	for _, tt := range tests {
		if got := strings.Join(name(l.Next(tt.at)), "|"); got != tt.want {
			t.Errorf("Next(%s) = %q; want %q", l.Rungs[tt.at].Name, got, tt.want)
		}
	}
}
