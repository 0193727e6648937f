package search_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/search"
)

func newIndex(t *testing.T, docs ...search.Doc) *search.Index {
	t.Helper()
	ix, err := search.New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Add(docs); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestSynonyms checks each synonym group on a real index: a question in one
// phrasing finds the only section that uses another.
func TestSynonyms(t *testing.T) {
	tests := []struct{ question, text string }{
		{"ML jobs", "Machine learning is a growing field."},
		{"machine learning", "An ML pipeline needs data."},
		{"AI roles", "Artificial intelligence changes work."},
		{"deep learning books", "DL needs GPUs."},
		{"NLP", "Natural language processing handles text."},
		{"LLM fine-tuning", "Large language models are big."},
		{"MLOps", "Machine learning operations keep models alive."},
		{"jobs in the US", "Salaries in the United States are high."},
		{"USA", "America pays well."},
		{"United States", "US salaries are high."},
		{"UK", "United Kingdom roles."},
		{"ML jobs in the EU", "Pay across Europe varies."},
		{"European salaries", "EU salaries vary."},
		{"FAANG pay", "Big tech pays the most."},
		{"big tech", "FAANG interviews are hard."},
		{"do I need a CS degree", "A computer science degree helps."},
		{"computer science", "Most hires studied CS."},
		{"what do they pay", "The salary is good."},
		{"how much can I earn", "Compensation includes equity."},
		{"salary", "Wages rise each year."},
		{"junior", "Entry-level roles exist."},
		{"entry level", "Junior people learn fast."},
		{"mid-level", "Mid-career professionals lead teams."},
		{"senior", "Experienced engineers mentor."},
		{"k8s", "Kubernetes runs containers."},
		{"doctorate", "A PhD helps in research."},
		{"do I need a PhD", "A Ph.D. is a must for research-heavy teams."},
		{"math", "Mathematics is the base."},
		{"stats", "Statistics matters."},
		{"certifications", "A certificate from a cloud provider."},
		{"positions", "Many jobs are remote."},
		// British and American spellings find each other.
		{"behavioral interview", "Behavioural rounds test teamwork."},
		{"modelling skills", "Data modeling comes first."},
		{"does it optimise inference", "Teams optimize latency."},
		{"how soon after the thesis defense", "The startup closed a week after my defence."},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ix := newIndex(t,
				search.Doc{Guide: 0, Section: 0, Title: "G", Path: "A", Text: tt.text},
				search.Doc{Guide: 0, Section: 1, Title: "G", Path: "B", Text: "Cooking pasta takes ten minutes."},
			)
			hits, err := ix.Search(tt.question, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 || hits[0].Section != 0 {
				t.Errorf("Search(%q) = %+v; want section 0 (%q) first; expanded: %q", tt.question, hits, tt.text, search.Expand(tt.question))
			}
		})
	}
}

// TestOrdinalsFindNumbers checks that an ordinal finds the stage numbered
// by it: every stage says "Month", only the number tells them apart.
func TestOrdinalsFindNumbers(t *testing.T) {
	for _, tt := range []struct {
		question string
		want     int
	}{
		{"what should my portfolio look like by the sixth month", 1},
		{"what do I learn in the 3rd month", 2},
	} {
		t.Run(tt.question, func(t *testing.T) {
			ix := newIndex(t,
				search.Doc{Guide: 0, Section: 0, Title: "G", Path: "Month 1", Text: "Month 1: Python basics and a first portfolio project."},
				search.Doc{Guide: 0, Section: 1, Title: "G", Path: "Month 6", Text: "Month 6: a job-ready portfolio of four projects."},
				search.Doc{Guide: 0, Section: 2, Title: "G", Path: "Month 3", Text: "Month 3: learn SQL and what a portfolio needs."},
			)
			hits, err := ix.Search(tt.question, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 || hits[0].Section != tt.want {
				t.Errorf("Search(%q) = %+v; want section %d first", tt.question, hits, tt.want)
			}
		})
	}
}

func TestExpandLeavesPronounUs(t *testing.T) {
	if got := search.Expand("tell us about pay"); strings.Contains(got, "United States") || strings.Contains(strings.ToLower(got), "united states") {
		t.Errorf("Expand(%q) = %q; the pronoun is not a country", "tell us about pay", got)
	}
}

func TestSearchRanksHeadingsAndReturnsIDs(t *testing.T) {
	ix := newIndex(t,
		search.Doc{Guide: 0, Section: 0, Title: "G", Path: "Introduction", Text: "Finance is mentioned once among many other words here."},
		search.Doc{Guide: 3, Section: 7, Title: "H", Path: "Finance", Text: "Risk models and fraud detection."},
	)
	hits, err := ix.Search("finance", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Guide != 3 || hits[0].Section != 7 {
		t.Errorf("hits = %+v; want guide 3 section 7 first", hits)
	}
}

func TestConcepts(t *testing.T) {
	ix := newIndex(t)
	cs := ix.Concepts("How much does a senior ML engineer make in Romania?")
	var got []string
	for _, c := range cs {
		got = append(got, c.Text)
	}
	want := []string{"ML", "senior", "much", "engineer", "make", "Romania"}
	if !slices.Equal(got, want) {
		t.Errorf("Concepts texts = %q; want %q", got, want)
	}
	if len(cs[0].Alts) != 2 || !slices.Equal(cs[0].Alts[0], []string{"machin", "learn"}) {
		t.Errorf("ML alternatives = %q; want [machin learn] and [ml]", cs[0].Alts)
	}
}

// TestNumberedStageConcept checks that a stage named by its number is one
// concept whose number and unit must both be said: the sixth month is
// not any 6 beside any month.
func TestNumberedStageConcept(t *testing.T) {
	ix := newIndex(t)
	for _, tt := range []struct{ q, text, alt string }{
		{"By the sixth month, what should my portfolio hold?", "sixth month", "6 month"},
		{"what do I study in week 3", "week 3", "week 3"},
		{"what comes in the 2nd phase", "2nd phase", "2 phase"},
	} {
		t.Run(tt.q, func(t *testing.T) {
			for _, c := range ix.Concepts(tt.q) {
				if c.Text == tt.text {
					if len(c.Alts) != 1 || strings.Join(c.Alts[0], " ") != tt.alt {
						t.Errorf("%q alternatives = %q; want [%s]", c.Text, c.Alts, tt.alt)
					}
					return
				}
			}
			t.Errorf("Concepts(%q) = %+v; want one concept %q", tt.q, ix.Concepts(tt.q), tt.text)
		})
	}
}

func TestTerms(t *testing.T) {
	ix := newIndex(t)
	if got := ix.Terms("The Engineers are learning"); !slices.Equal(got, []string{"engin", "learn"}) {
		t.Errorf("Terms = %q; want stemmed, without stop words", got)
	}
}

// TestTiesStable checks that the hits among many sections of equal score
// are the same on every build of the index, ordered by their numbers,
// whether the scores tie exactly (copies) or differ in their last bits.
func TestTiesStable(t *testing.T) {
	for _, stable := range []bool{true, false} {
		t.Run(map[bool]string{true: "ties broken by ID", false: "scores rounded"}[stable], func(t *testing.T) {
			var docs []search.Doc
			for g := range 300 {
				text := "Spark and Airflow for pipelines."
				if !stable {
					// Equal texts but one: scores tie exactly only with
					// BreakTiesByID; here the copies are few, the spare
					// hits cover them.
					if g >= 6 {
						text = "Cooking pasta takes ten minutes."
					}
				}
				docs = append(docs, search.Doc{Guide: g, Section: g % 3, Title: "Guide", Path: "Tools", Text: text})
			}
			var first []search.Hit
			for build := range 8 {
				ix, err := search.New()
				if err != nil {
					t.Fatal(err)
				}
				if stable {
					ix.BreakTiesByID()
				}
				if err := ix.Add(docs); err != nil {
					t.Fatal(err)
				}
				hits, err := ix.Search("spark pipelines", 5)
				ix.Close()
				if err != nil {
					t.Fatal(err)
				}
				if len(hits) != 5 {
					t.Fatalf("build %d: %d hits; want 5", build, len(hits))
				}
				for i, h := range hits[1:] {
					if h.Score == hits[i].Score && h.Guide < hits[i].Guide {
						t.Errorf("build %d: equal hits out of order: %+v", build, hits)
					}
				}
				if first == nil {
					first = hits
				} else if !slices.Equal(hits, first) {
					t.Errorf("build %d: hits %+v; the first build gave %+v", build, hits, first)
				}
			}
		})
	}
}
