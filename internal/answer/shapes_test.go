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

// The questions about the shapes real guides use for lists, ladders and
// pay tables (testdata/shapes) are a quality set: testdata/quality/shapes.jsonl.

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
	says("data scientists")(t, a)
	// The first two citations are one about each role, in either order.
	about := func(c advisor.Citation, names ...string) bool {
		words := strings.Fields(strings.ToLower(c.Snippet))
		opening := strings.Join(words[:min(5, len(words))], " ") // whom the passage opens on
		for _, n := range names {
			if strings.Contains(strings.ToLower(c.Section), n) || strings.Contains(opening, n) {
				return true
			}
		}
		return false
	}
	mle := []string{"ml engineer", "machine learning engineer"}
	ds := []string{"data scientist"}
	first, second := a.Citations[0], a.Citations[1]
	if !(about(first, ds...) && about(second, mle...) || about(first, mle...) && about(second, ds...)) {
		t.Errorf("first two citations %+v and %+v are not one about each role", first, second)
	}
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
