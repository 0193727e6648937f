package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSearchTermsAsBleve checks that SearchTerms scores and ranks
// sections as Bleve's own disjunction of term queries does, over an index
// of many sections sharing their words unevenly, for questions of one to
// a dozen terms, some of which no section holds.
func TestSearchTermsAsBleve(t *testing.T) {
	ix, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.BreakTiesByID()
	rnd := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"salary", "pay", "senior", "junior", "engineer", "data", "python", "sql", "interview", "roadmap",
		"portugal", "romania", "docker", "kubernetes", "month", "week", "mentor", "offer", "bonus", "equity"}
	word := func() string { return vocab[int(rnd.ExpFloat64()*4)%len(vocab)] }
	var docs []Doc
	for gi := range 60 {
		for si := range 8 {
			text, path := "", ""
			for range 5 + rnd.IntN(60) {
				text += word() + " "
			}
			for range 1 + rnd.IntN(3) {
				path += word() + " "
			}
			docs = append(docs, Doc{Guide: gi, Section: si, Title: fmt.Sprint("guide ", gi), Path: path, Text: text})
		}
	}
	for i := 0; i < len(docs); i += 100 {
		if err := ix.Add(docs[i:min(i+100, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	for q := range 300 {
		var terms []string
		for range 1 + rnd.IntN(12) {
			terms = append(terms, ix.Terms(word())...)
		}
		if q%7 == 0 {
			terms = append(terms, "unheardof")
		}
		slices.Sort(terms)
		terms = slices.Compact(terms)
		t.Run(fmt.Sprint(terms), func(t *testing.T) {
			got, err := ix.SearchTerms(terms, 40)
			if err != nil {
				t.Fatal(err)
			}
			want, err := ix.searchBleve(terms, 40)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("SearchTerms =\n%v\nBleve:\n%v", got, want)
			}
		})
	}
}
