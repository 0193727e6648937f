package facts_test

import (
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
)

func TestLearningPaths(t *testing.T) {
	tests := []struct {
		name string
		text string
		file string
		want []string // "Title | duration | topics"
	}{
		{"levels as headings", "# G\n\n## Learning Path\n\n### Level 1: Fundamentals (3-6 months)\n\n- Python\n- SQL\n\n### Level 2: Core (6–12 months)\n\n- PyTorch\n",
			"g.md", []string{"Level 1: Fundamentals | 3-6 months | Python; SQL", "Level 2: Core | 6-12 months | PyTorch"}},
		{"phases with emoji and weeks", "# G\n\n## 🚀 Roadmap\n\n### Phase 1 — Basics\n\nTakes 8 weeks.\n\n- Git\n\n### Phase 2 — Models\n\n- XGBoost\n",
			"g.md", []string{"Phase 1: Basics | 8 weeks | Git", "Phase 2: Models |  | XGBoost"}},
		{"months as headings", "# G\n\n## Plan\n\n### Month 1-2: Python\n\n- NumPy\n\n### Month 3-4: ML\n\n- scikit-learn\n",
			"g.md", []string{"Month 1-2: Python | 2 months | NumPy", "Month 3-4: ML | 2 months | scikit-learn"}},
		{"steps as list items", "# G\n\n## How to get there\n\n1. Step 1: Learn Python (4 weeks) - NumPy, Pandas\n2. Step 2: Learn ML (3 months) - scikit-learn\n",
			"g.md", []string{"Step 1: Learn Python | 4 weeks | NumPy; Pandas", "Step 2: Learn ML | 3 months | scikit-learn"}},
		{"plain text stages", "A Guide to Data Careers\n\nIntro paragraph that is long enough to be prose, really.\n\nStage 1: Foundations (2 months)\n\nLearn statistics and SQL.\n\nStage 2: Modelling (4 months)\n\nLearn regression and trees.\n",
			"g.txt", []string{"Stage 1: Foundations | 2 months | Learn statistics and SQL.", "Stage 2: Modelling | 4 months | Learn regression and trees."}},
		{"timed headings", "# G\n\n## Learning Roadmap\n\n### Beginner (0–3 months)\n\n- Python\n\n### Intermediate (3–6 months)\n\n- scikit-learn\n\n### Advanced (6–12 months)\n\n- MLOps\n",
			"g.md", []string{"Beginner | 0-3 months | Python", "Intermediate | 3-6 months | scikit-learn", "Advanced | 6-12 months | MLOps"}},
		{"numbered list under a roadmap heading", "# G\n\n## My roadmap\n\n1. **Python basics** (4 weeks): syntax, NumPy\n2. Statistics (6 weeks)\n3. Machine learning: scikit-learn, XGBoost\n",
			"g.md", []string{"Python basics | 4 weeks | syntax; NumPy", "Statistics | 6 weeks | ", "Machine learning |  | scikit-learn; XGBoost"}},
		{"a numbered list elsewhere is no path", "# G\n\n## Tips\n\n1. Sleep well\n2. Practise SQL\n", "g.md", nil},
		{"a single stage is no path", "# G\n\n## Level 1: Basics\n\n- Python\n", "g.md", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := guide.Parse(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			got := stageLines(g)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("stages =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestOrderedStages checks paths written as numbered headings or as
// levels of skill, with no stage word in them.
func TestOrderedStages(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Title | duration | topics"
	}{
		{"numbered headings", "# Roadmap\n\n# 1. Python Programming\n\n- Syntax\n\n# 2. OpenCV\n\n- Filters\n\n# 3. Deep Learning (3 months)\n\n- CNNs\n",
			[]string{"Python Programming |  | Syntax", "OpenCV |  | Filters", "Deep Learning (3 months) | 3 months | CNNs"}},
		{"two numbered headings are no path", "# G\n\n## 1. Pay\n\nText.\n\n## 2. Skills\n\nText.\n", nil},
		{"numbered questions are no path", "# G\n\n## 1. Is it hard?\n\nYes.\n\n## 2. Is it paid?\n\nYes.\n\n## 3. Is it fun?\n\nYes.\n", nil},
		{"levels of skill", "# G\n\n## Beginner Level — Foundations\n\n- Reading papers\n\n## Intermediate Level — Core Skills\n\n- Ablations\n\n## Advanced Level — Frontier\n\n- Scaling laws\n",
			[]string{"Beginner Level: Foundations |  | Reading papers", "Intermediate Level: Core Skills |  | Ablations", "Advanced Level: Frontier |  | Scaling laws"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := guide.Parse("g.md", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			got := stageLines(g)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("stages =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// stageLines renders every stage of g's paths as "title | duration | topics".
func stageLines(g *guide.Guide) []string {
	var out []string
	for _, p := range facts.Extract(g).Paths {
		for _, st := range p.Stages {
			out = append(out, st.Title()+" | "+st.Duration+" | "+strings.Join(st.Topics, "; "))
		}
	}
	return out
}

// TestFindDurationSkipsExperience checks that a span of years after a
// role's or a seniority level's name is the experience the role asks for,
// not a duration, while a learning stage's span and a sentence's are.
func TestFindDurationSkipsExperience(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Junior Security Engineer (0-2 years): triage alerts", ""},
		{"L2 - Mid-Level Platform Engineer (2-5 years)", ""},
		{"Entry Level (0-2 years): Role: Analyst", ""},
		{"Staff+ (8+ years)", ""},
		{"Senior Security Engineer (5+ years): takes 3 months to onboard", "3 months"},
		{"Beginner Level (0-4 months)", "0-4 months"},
		{"Intermediate (1-2 years)", "1-2 years"},
		{"The technical screen is an hour-long call with an engineer.", "1 hour"}, // one unit's length
		{"a long week of interviews", ""},
		{"Switch to security engineer: 1-2 years", "1-2 years"},
		{"Better: stay 2 years at your first job", "2 years"},
		{"The course runs for twelve weeks, five days a week.", "twelve weeks"}, // spelt out
		{"Expect two to three years before a promotion.", "two to three years"},
		{"One of the weeks is free.", ""},
		{"I attended an 8-week intensive program.", "8-week"}, // hyphenated before a noun
		{"a 12-month roadmap", "12-month"},
		{"Each coding round lasts 45 minutes, with 35 of them coding.", "45 minutes"}, // interviews are timed in minutes
		{"a 90-minute technical interview", "90-minute"},
		{"Eighteen months later I quit my job; the year took 10 months.", "10 months"}, // "later" dates, it does not last
		{"Two years ago I started.", ""},
		{"After 10 intense days of interviews I had offers.", "10 days"}, // what the span was like, between count and unit
		{"It took six long months to land a role.", "six months"},
		{"About a year and a few months passed before I earned my role.", "a year and a few months"}, // no number
		{"It took a couple of weeks to hear back.", "a couple of weeks"},
		{"Seniors earn $150,000 a year.", ""}, // a rate
		{"Practise twice a week.", ""},
		{"Read the day in the life articles, a day in the life of an analyst.", ""},
		{"A month's salary, a year ago.", ""},
		{"I found a position about a month later.", "a month"}, // how long it took, roughly
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := facts.FindDuration(tt.text); got != tt.want {
				t.Errorf("FindDuration(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestRoughDuration checks that only a duration said with no number is
// rough: it answers "how long" less exactly than a counted one.
func TestRoughDuration(t *testing.T) {
	for _, tt := range []struct {
		d    string
		want bool
	}{
		{"a year and a few months", true},
		{"several weeks", true},
		{"twelve weeks", false},
		{"3-6 months", false},
		{"1 hour", false},
		{"", false},
	} {
		t.Run(tt.d, func(t *testing.T) {
			if got := facts.RoughDuration(tt.d); got != tt.want {
				t.Errorf("RoughDuration(%q) = %v, want %v", tt.d, got, tt.want)
			}
		})
	}
}
