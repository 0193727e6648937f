package answer_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/guide"
)

func newEngine(t testing.TB, gs []*guide.Guide) *answer.Engine {
	t.Helper()
	e, err := answer.New(gs)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// parseAll parses guides given as name → text.
func parseAll(t testing.TB, files map[string]string) []*guide.Guide {
	t.Helper()
	var names []string
	for n := range files {
		names = append(names, n)
	}
	// Map order is random; guides load in name order, as from a directory.
	slices.Sort(names)
	var gs []*guide.Guide
	for _, n := range names {
		g, _, err := guide.Parse(n, []byte(files[n]))
		if err != nil {
			t.Fatalf("Parse(%s): %v", n, err)
		}
		gs = append(gs, g)
	}
	return gs
}

// check is one expectation about an answer.
type check func(t *testing.T, a advisor.Answer)

// says wants every string in the answer text itself (not only a snippet).
func says(subs ...string) check {
	return func(t *testing.T, a advisor.Answer) {
		t.Helper()
		for _, s := range subs {
			if !strings.Contains(strings.ToLower(a.Text), strings.ToLower(s)) {
				t.Errorf("answer %q does not say %q", a.Text, s)
			}
		}
	}
}

// saysNot wants none of the strings in the answer text.
func saysNot(subs ...string) check {
	return func(t *testing.T, a advisor.Answer) {
		t.Helper()
		for _, s := range subs {
			if s != "" && strings.Contains(strings.ToLower(a.Text), strings.ToLower(s)) {
				t.Errorf("answer %q says %q", a.Text, s)
			}
		}
	}
}

// citesFirst wants the first citation's title to contain title.
func citesFirst(title string) check {
	return func(t *testing.T, a advisor.Answer) {
		t.Helper()
		if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Title, title) {
			t.Errorf("citations = %+v; want the first from %q", a.Citations, title)
		}
	}
}

func abstains(want bool) check {
	return func(t *testing.T, a advisor.Answer) {
		t.Helper()
		if a.Abstained != want {
			t.Errorf("Abstained = %v; want %v (answer %q)", a.Abstained, want, a.Text)
		}
	}
}

// wellFormed checks what every answer must hold: text, citations numbered
// 1..n that the text refers to, each with its title, section, snippet,
// source and line.
func wellFormed(t *testing.T, a advisor.Answer) {
	t.Helper()
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("empty answer text")
	}
	if !utf8.ValidString(a.Text) {
		t.Errorf("answer is not valid UTF-8")
	}
	for i, c := range a.Citations {
		if c.N != i+1 {
			t.Errorf("citation %d numbered %d", i+1, c.N)
		}
		if c.Title == "" || c.Section == "" || c.Snippet == "" || c.Source == "" || c.Line < 1 {
			t.Errorf("citation %+v lacks a field", c)
		}
		if !strings.Contains(a.Text, "["+strconv.Itoa(c.N)+"]") {
			t.Errorf("answer %q never refers to citation [%d]", a.Text, c.N)
		}
	}
	for _, m := range regexp.MustCompile(`\[(\d+)\]`).FindAllStringSubmatch(a.Text, -1) {
		if n, _ := strconv.Atoi(m[1]); n < 1 || n > len(a.Citations) {
			t.Errorf("answer refers to [%d] with %d citations", n, len(a.Citations))
		}
	}
	if a.Abstained && len(a.Citations) > 0 {
		t.Errorf("abstention with citations")
	}
}

func run(t *testing.T, e *answer.Engine, q string, checks ...check) {
	t.Helper()
	a, err := e.Ask(context.Background(), q)
	if err != nil {
		t.Fatalf("Ask(%q): %v", q, err)
	}
	wellFormed(t, a)
	for _, c := range checks {
		c(t, a)
	}
}

// The questions members ask most, over the bundled guides, are a quality
// set: testdata/quality/members.jsonl (see TestQuality).

// variants are guides in the shapes DESIGN.md lists: figures written many
// ways, tables, code fences, emoji and numbered headings, paths as phases
// and weeks, a table of contents, and two guides that disagree.
var variants = map[string]string{
	"uk.md": `---
title: "Data Science Careers in the UK"
---

# Data Science Careers in the UK

## Contents
- [💰 Salary Expectations](#salary)
- [Roadmap](#roadmap)
- [FAQ](#faq)

## 💰 Salary Expectations

| Role | Junior | Mid | Senior |
|------|--------|-----|--------|
| Data Scientist | £35,000–£45,000 | £50k-£70k | £80,000+ |
| ML Engineer | £40k–£55k | £60k–£85k | £90k–£130k |

Contractors in London typically charge £500-£750 per day.

### 11.1 US Salary Ranges

Base salary for a senior data scientist in the US is between 150,000 and 190,000 USD per year, while total compensation at big tech can reach $1.2M for principal scientists.

` + "```" + `
Berlin, Germany (senior ML engineer): €75,000 - €95,000 / year
` + "```" + `

## Roadmap

### Phase 1: Foundations (8 weeks)
- Python, SQL
- Statistics

### Phase 2: Modelling (10 weeks)
- scikit-learn, XGBoost
- Feature engineering

### Phase 3: Deployment (6 weeks)
- Docker, FastAPI
- Monitoring

## FAQ

### Do I need a PhD?
No. Most industry data science roles ask for a bachelor's or master's degree and a strong portfolio; a PhD matters mainly for research scientist roles.
`,
	"canada.txt": `Working in Machine Learning in Canada

A short guide for people moving into ML jobs in Canada, written by members.

Salaries in Canada

Senior ML engineers in Canada earn CA$130,000 to CA$170,000 a year. Juniors start around CA$70,000.

Hourly Contracting

Freelance ML consultants bill $90-$140 per hour.

Week-by-Week Plan

Week 1-2: Python refresher with NumPy and pandas.

Week 3-4: Classical ML with scikit-learn.

Week 5-6: Deep learning with PyTorch.
`,
	"nordics.md": `<!-- saved from blog -->
Data careers in the Nordics
===========================

By Karin L. · 6 min read

Salaries
--------

* Sweden
  * Junior data scientist — 38 000–45 000 SEK per month
  * Senior data scientist — 60 000–75 000 SEK per month
* Norway
  * Junior ML engineer: NOK 550k-650k a year

Learning order
--------------

1. SQL and spreadsheets (1 month)
2. Python and pandas (2 months)
3. Statistics and experiments (2 months)

FAQ
---

**Do employers care about degrees?**
Less than they used to; a portfolio of two or three real projects matters more in most Nordic companies.
`,
	"us-other.md": `# Another US Salary Survey

## Senior Pay

Senior data scientists in the United States earn $170,000–$210,000 a year.
`,
}

func TestAskVariants(t *testing.T) {
	e := newEngine(t, parseAll(t, variants))
	tests := []struct {
		q      string
		checks []check
	}{
		{"What does a senior data scientist earn in London?", []check{says("£80,000+", "United Kingdom")}},
		{"senior ML engineer salary UK", []check{says("£90K–£130K")}}, // as the guide writes it
		{"How much do senior data scientists make in the US?", []check{says("$150,000–$190,000", "$170,000–$210,000", "differ")}},
		{"How much do ML engineers make in Berlin?", []check{says("€75,000–€95,000")}},
		{"senior ML engineer salary in Canada", []check{says("CA$130,000–CA$170,000 a year"), citesFirst("Canada")}},
		{"contractor day rate in London", []check{says("£500", "£750")}},
		{"hourly rate for ML consultants", []check{says("$90–$140 an hour")}},
		{"what should I learn after XGBoost?", []check{says("Phase 3: Deployment", "6 weeks", "Docker")}},
		{"How long does the modelling phase take?", []check{says("10 weeks")}},
		{"what comes after scikit-learn?", []check{says("Week 5-6", "Phase 3: Deployment")}},
		{"Do I need a PhD?", []check{says("research scientist")}},
		{"What is the salary for a junior data scientist in Japan?", []check{says("don't cover", "Japan")}},
		{"senior data scientist salary in Sweden", []check{says("SEK 60,000–75,000 a month")}},
		{"junior ML engineer pay in Norway", []check{says("NOK 550,000–650,000 a year")}},
		{"salary of a prompt engineer in Denmark", []check{says("don't cover salaries for prompt engineers in Denmark")}},
		{"Do employers care about degrees?", []check{says("portfolio"), saysNot("?")}},
		{"what should I learn after pandas?", []check{says("Statistics and experiments (2 months)")}},
		{"Give me a recipe for pancakes", []check{abstains(true)}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) { run(t, e, tt.q, tt.checks...) })
	}
}

func TestAskInvalid(t *testing.T) {
	e := newEngine(t, bundled(t))
	for _, q := range []string{"", "   \n\t", strings.Repeat("salary ", 10000/7), "salary \xff\xfe", "\x00\x01"} {
		t.Run(fmt.Sprintf("%.20q", q), func(t *testing.T) {
			_, err := e.Ask(context.Background(), q)
			if advisor.ErrorCode(err) != advisor.EINVALID {
				t.Errorf("Ask error = %v; want code %s", err, advisor.EINVALID)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Ask(ctx, "salary"); err == nil {
		t.Errorf("Ask with a cancelled context succeeded")
	}
}

// TestRightGuideWinsAtScale asks about one role, level and place among
// 1,000 guides and wants that guide cited first.
func TestRightGuideWinsAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-guide index")
	}
	gs, gen := parseGenerated(t, scaleGuides)
	e := newEngine(t, gs)
	rng := rand.New(rand.NewPCG(7, 7))
	for range 40 {
		g := gen[rng.IntN(len(gen))]
		q := fmt.Sprintf("How much does a senior %s earn in %s?", strings.ToLower(g.Role), g.Place)
		t.Run(q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			wellFormed(t, a)
			if len(a.Citations) == 0 || a.Citations[0].Source != g.Name {
				t.Fatalf("first citation %+v; want %s", a.Citations, g.Name)
			}
			// As the guide writes it: in full or in thousands ("82K").
			full, inK := groupDigits(g.SeniorMin), strconv.Itoa(g.SeniorMin/1000)+"K"
			if !strings.Contains(a.Text, full) && !strings.Contains(a.Text, inK) {
				t.Errorf("answer %q lacks the senior minimum %s", a.Text, full)
			}
		})
	}
}

func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestSuggest checks autocompletion values come from the guides' facts.
func TestSuggest(t *testing.T) {
	e := newEngine(t, bundled(t))
	tests := []struct {
		kind   advisor.SuggestKind
		prefix string
		want   string
	}{
		{advisor.SuggestRegion, "ro", "Romania"},
		{advisor.SuggestLevel, "sen", "Senior"},
		{advisor.SuggestRole, "machine", "machine learning engineer"},
		{advisor.SuggestTopic, "pyt", "PyTorch"},
	}
	for _, tt := range tests {
		got := e.Suggest(tt.kind, tt.prefix, 5)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Suggest(%d, %q) = %q; want %q first", tt.kind, tt.prefix, got, tt.want)
		}
	}
	if got := e.Suggest(advisor.SuggestTopic, "", 3); len(got) != 3 {
		t.Errorf("Suggest(topic, \"\", 3) = %q; want 3 values", got)
	}
}

// FuzzAsk asks arbitrary text: every answer is well formed or an EINVALID
// error, and nothing panics.
func FuzzAsk(f *testing.F) {
	for _, q := range append(benchQuestions, "", "after after after", "salary in US US US", "how long?", "[1] <@123> @everyone", "€€€ 1,2,3,4 k M %", "Level 3 level 3") {
		f.Add(q)
	}
	e, err := answer.New(bundled(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			if advisor.ErrorCode(err) != advisor.EINVALID {
				t.Fatalf("Ask(%q): %v", q, err)
			}
			return
		}
		wellFormed(t, a)
	})
}

// FuzzGuide indexes arbitrary guide text and asks about it: whatever a
// guide's shape, the engine builds and every answer is well formed.
func FuzzGuide(f *testing.F) {
	for _, src := range []string{
		"# G\n\n## Pay\n\n| Level | Salary |\n|---|---|\n| Junior | $90K |\n|  | $100K |\n| Senior | $150K |\n",
		"# G\n\n## Plan\n\n- \n- SQL\n  - joins\n",
		"**T**\n\n### Month 1\n\nA <br>\n&nbsp; **B** <br>\n<br>\n",
		"# G\n\n```mermaid\ngraph LR\nA --> B\n```\n",
		"# G\n\n## Ladder\n\nJunior → Senior → Staff\n",
	} {
		f.Add(src)
	}
	questions := []string{"what does a senior earn?", "what comes after junior?", "what should I learn first?", "x"}
	f.Fuzz(func(t *testing.T, src string) {
		g, _, err := guide.Parse("fuzz.md", []byte(src))
		if err != nil {
			return // refused with a reason: not a guide
		}
		e, err := answer.New([]*guide.Guide{g})
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		defer e.Close()
		for _, q := range questions {
			a, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatalf("Ask(%q): %v", q, err)
			}
			wellFormed(t, a)
		}
	})
}
