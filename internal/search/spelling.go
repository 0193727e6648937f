package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/careerbot/careerbot/internal/lexicon"
)

// Guides are written in British and American English alike, and so are
// questions: "behaviour" and "behavior", "modelling" and "modeling" stem
// apart. The analyzer spells each word one way, the lexicon's, before
// stemming, so a question in one spelling finds a guide in the other.

const (
	spellingName = "careerbot_spelling"
	analyzerName = "careerbot_en"
)

// spellingFilter respells the lexicon's British words the American way.
type spellingFilter struct{ to map[string]string }

func (f spellingFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if s, ok := f.to[string(t.Term)]; ok {
			t.Term = []byte(s)
		}
	}
	return in
}

func init() {
	// Bleve builds analyzers by name from its registry; the filter reads
	// only the embedded lexicon, the same for every index.
	registry.RegisterTokenFilter(spellingName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return spellingFilter{to: lexicon.Get().Spellings}, nil
	})
}

// addAnalyzer adds to m the English analyzer with the spelling filter:
// Bleve's "en" chain, respelling after lower-casing.
func addAnalyzer(m *mapping.IndexMappingImpl) error {
	return m.AddCustomAnalyzer(analyzerName, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{en.PossessiveName, lowercase.Name, spellingName, en.StopName, porter.Name},
	})
}
