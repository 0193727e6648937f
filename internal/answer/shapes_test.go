package answer_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/guide"
)

// loadDir parses every guide in a testdata directory.
func loadDir(t testing.TB, dir string) []*guide.Guide {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no guides in %s: %v", dir, err)
	}
	files := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = string(b)
	}
	return parseAll(t, files)
}

// TestGuideShapes asks about the shapes real guides use for lists and
// ladders: labelled items under level headings ("**MLOps:** MLflow"),
// must-have and good-to-have lists, arrows, ASCII trees.
func TestGuideShapes(t *testing.T) {
	e := newEngine(t, loadDir(t, "testdata/shapes"))
	tests := []struct {
		q     string
		check check
	}{
		// The one item naming what was asked, not its whole list cut short.
		{"which motion planning tools should a senior robotics engineer know?", all(says("MoveIt", "OMPL"), saysNot("Gazebo"))},
		{"what safety standards matter for robotics?", says("ISO 10218")},
		// "skills" is the kind asked for: the required list, not soft skills.
		{"What skills does an associate robotics engineer need?", all(says("C++", "linear algebra"), saysNot("lab notes"))},
		// "good to have" is not filler when it names a list.
		{"which tools are good to have for a senior robotics engineer", all(says("Rust", "Foxglove"), saysNot("Docker"))},
		// Ladders: arrows, trees, the top.
		{"what comes after senior robotics engineer?", says("Robotics Tech Lead")},
		{"what role comes after a robotics intern", says("Associate Robotics Engineer")},
		{"whats the top of the ladder for a robotics engineer", says("Head of Robotics")},
		{"what is above robotics tech lead", says("Head of Robotics")},
		// Pay tables: levels down the side, company tiers across the top.
		// Figures read as the guide writes them ("$250K").
		{"how much does a senior data engineer make at FAANG", all(says("$250K–$340K", "FAANG"), saysNot("$150K"))},
		{"junior data engineer salary in the US", all(says("$95K–$120K", "$150K–$190K"), saysNot("$250K"))},
		// Base and total compensation columns.
		{"senior data engineer total comp in Germany", all(says("€95,000"), saysNot("€80,000"))},
		{"what is the base salary for a junior data engineer in germany", all(says("€55,000"), saysNot("€60,000"))},
		// A price is a price, never a salary.
		{"how much is the bootcamp", all(says("$12,000"), saysNot("earn", "salar"))},
		{"what does the AWS data engineer exam cost", all(says("$150"), saysNot("earn"))},
		// A city multiplier.
		{"how much more do data engineers earn in San Francisco", says("1.4x-1.6x")},
		// No figure for the role asked about: say so, then the closest.
		{"how much does a senior robotics engineer earn", all(says("no figures for robotics engineers"), saysNot("Robotics engineers earn"))},
		// Comparisons, answered from the figures that decide them.
		{"do senior data engineers in germany make twice what juniors make?", all(says("€80,000", "€55,000", "less than twice"))},
		{"which country pays senior data engineers more, Germany or the US?", all(says("United States", "Germany", "approximate exchange rates"))},
		// Lakhs per annum, as the guide writes them; the same range at
		// another level is another figure; "3 yoe" is a level.
		{"de salary in india 3 yoe", all(says("₹8–15 LPA", "₹18–30 LPA"), saysNot("₹4–8"))},
		{"how much does the google data engineer exam cost", all(says("₹16,000"), saysNot("earn"))},
		// Two columns of a table set side by side; "FAANG companies" does
		// not ask about "Product companies".
		{"do product companies pay more than service companies", all(says("₹18–30 LPA at Product companies", "against ₹8–15 LPA at Service companies"))},
		{"do FAANG companies pay senior data engineers more than startups", all(says("FAANG pays the most", "$250K–$340K", "$150K–$180K"), saysNot("Product companies"))},
		// Not a salary question, though "computer" starts with "comp".
		{"what computer math does an associate robotics engineer need", all(says("linear algebra"), saysNot("$"))},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if a.Abstained {
				t.Fatalf("abstained: %s", a.Text)
			}
			tt.check(t, a)
		})
	}
}

// all combines checks.
func all(cs ...check) check {
	return func(t *testing.T, a advisor.Answer) {
		t.Helper()
		for _, c := range cs {
			c(t, a)
		}
	}
}

// TestCompactPay holds pay answers to a paragraph: grouped by region, each
// figure once, about 60 words at most before the sources.
func TestCompactPay(t *testing.T) {
	e := newEngine(t, bundled(t))
	figure := regexp.MustCompile(`[$€£₹]\d[\d,.]*[KkM]?(?:–[$€£₹]?\d[\d,.]*[KkM]?)?`)
	for _, q := range []string{
		"how much do ML engineers make in the US",
		"machine learning salaries in Romania",
		"how much does an ML engineer earn",
		"what do senior data scientists earn in the US?",
		"ML salaries",
	} {
		t.Run(q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(strings.Fields(a.Text)); n > 70 {
				t.Errorf("answer has %d words; want about 60 at most: %s", n, a.Text)
			}
			seen := map[string]bool{}
			for _, f := range figure.FindAllString(a.Text, -1) {
				if seen[f] {
					t.Errorf("figure %s stated twice: %s", f, a.Text)
				}
				seen[f] = true
			}
		})
	}
}

// TestTwoRoles answers a question that sets two roles side by side with a
// passage about each.
func TestTwoRoles(t *testing.T) {
	e := newEngine(t, bundled(t))
	a, err := e.Ask(context.Background(), "what's the difference between a data scientist and an ML engineer?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Abstained || len(a.Citations) < 2 {
		t.Fatalf("answer %q cites %d passages; want one about each role", a.Text, len(a.Citations))
	}
	all(says("data scientists"), says("machine learning engineers"))(t, a)
}

// TestGroupedRungs finds a role among the roles a ladder's level groups.
func TestGroupedRungs(t *testing.T) {
	md := "# Data careers\n\n## Career Progression\n\n### Entry-Level Positions\n\n- Junior Data Engineer\n- Analytics Engineer\n\n" +
		"### Senior Positions\n\n- Senior Data Engineer\n- Data Architect\n"
	e := newEngine(t, parseAll(t, map[string]string{"d.md": md}))
	a, err := e.Ask(context.Background(), "what comes after analytics engineer?")
	if err != nil {
		t.Fatal(err)
	}
	all(says("Senior Positions", "Data Architect"), saysNot("is the top"))(t, a)
}

// TestSuperlativeFromProse answers "which X pays the most" from the
// passage that says so when no figure is given by X.
func TestSuperlativeFromProse(t *testing.T) {
	md := "# Data pay\n\n## Pay\n\nJunior data engineers earn $90K-$110K.\n\n## Industries\n\n" +
		"Pay differs by industry: finance and hedge funds pay data engineers the most, followed by big tech.\n"
	e := newEngine(t, parseAll(t, map[string]string{"p.md": md}))
	a, err := e.Ask(context.Background(), "which industry pays data engineers the most?")
	if err != nil {
		t.Fatal(err)
	}
	says("finance")(t, a)
}
