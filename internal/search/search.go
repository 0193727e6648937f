// Package search is careerbot's full-text index: guide sections in an
// in-memory Bleve index scored with BM25 and analysed as English (stemming,
// stop words), queried with questions rewritten through a synonym table.
// Section text is not stored in Bleve; callers keep it and get back the
// (guide, section) numbers of the hits.
package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// BatchSize bounds the documents sent to Bleve at once: large enough to
// amortise segment building, small enough to keep peak memory low. Callers
// building an index from many sources Add this many at a time, so the
// documents waiting and the batch being analysed stay small.
const BatchSize = 2000

// Field boosts: a question's words in a heading say more about a section
// than the same words deep in its prose. The guide's title is indexed but
// not searched by default: it is on every section of its guide, so its
// words would match whole guides and slow every search; the engine weighs
// titles itself.
const (
	boostText = 1.0
	boostPath = 2.0
)

// scoreGrain is what a hit's score is rounded to, far below any
// difference that says one section matches better than another.
const scoreGrain = 1e-9

// spareHits are the hits asked of Bleve past the n wanted, so that the
// n-th is the same whichever way Bleve breaks near ties.
const spareHits = 8

// Doc is one section to index.
type Doc struct {
	Guide, Section int
	Title          string // the guide's title
	Path           string // the section's heading path
	Text           string
}

// Hit is one matching section.
type Hit struct {
	Guide, Section int
	Score          float64
}

// Index is an in-memory full-text index of guide sections. It is safe for
// concurrent searches once built.
type Index struct {
	idx      bleve.Index
	analyzer analysis.Analyzer
	// synTerms are each synonym group's members as index terms, analysed
	// once: a question's concepts are built from them.
	synTerms [][][]string
	// stableTies orders sections of exactly equal score by their number
	// (see BreakTiesByID).
	stableTies bool
	// scratch holds *scores for SearchTerms, one a search at a time.
	scratch sync.Pool
}

// sectionOf reads a document's ID, "guide/section".
func sectionOf(id string) (gi, si int, ok bool) {
	g, sec, ok := strings.Cut(id, "/")
	if !ok {
		return 0, 0, false
	}
	gi, err1 := strconv.Atoi(g)
	si, err2 := strconv.Atoi(sec)
	return gi, si, err1 == nil && err2 == nil
}

// best returns the n best hits, by score, then by guide and section.
func best(hits []Hit, n int) []Hit {
	slices.SortFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Guide, b.Guide), cmp.Compare(a.Section, b.Section))
	})
	return hits[:min(n, len(hits))]
}

// scores is a search's scratch, kept between searches: each section's
// score so far and how many of the term queries it matched, by Bleve's
// number, and the numbers touched, to clear.
type scores struct {
	sum     []float64
	matched []int32
	touched []uint64
	cands   []scored
}

type scored struct {
	doc   uint64
	score float64
}

func (s *scores) add(doc uint64, score float64) {
	if doc >= uint64(len(s.sum)) {
		s.sum = append(s.sum, make([]float64, doc+1-uint64(len(s.sum)))...)
		s.matched = append(s.matched, make([]int32, doc+1-uint64(len(s.matched)))...)
	}
	if s.matched[doc] == 0 {
		s.touched = append(s.touched, doc)
	}
	s.sum[doc] += score
	s.matched[doc]++
}

// top returns the k best sections, rounded to scoreGrain, with Bleve's
// coordination factor (the share of the queries matched) applied.
func (s *scores) top(k, queries int) []scored {
	s.cands = s.cands[:0]
	for _, d := range s.touched {
		score := s.sum[d] * float64(s.matched[d]) / float64(queries)
		s.cands = append(s.cands, scored{d, math.Round(score/scoreGrain) * scoreGrain})
	}
	slices.SortFunc(s.cands, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
	})
	return s.cands[:min(k, len(s.cands))]
}

// clear readies the scratch for the next search, however this one ended.
func (s *scores) clear() {
	for _, d := range s.touched {
		s.sum[d], s.matched[d] = 0, 0
	}
	s.touched = s.touched[:0]
}

// BreakTiesByID makes searches choose among sections of exactly equal
// score by their numbers. Bleve numbers a batch's documents in no fixed
// order, so which of many equal sections (copies of one guide, generated
// guides) make the first n differs from one build of the index to the
// next. Ordering them means naming every section a search scores, not
// only the best few; cmd/train pays for it, so the same data fits the same
// weights.
func (ix *Index) BreakTiesByID() { ix.stableTies = true }

type doc struct {
	Title string `json:"title"`
	Path  string `json:"path"`
	Text  string `json:"text"`
}

// New returns an empty index.
func New() (*Index, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	if err := addAnalyzer(m); err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	m.DefaultAnalyzer = analyzerName
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range []string{"title", "path", "text"} {
		fm := mapping.NewTextFieldMapping()
		fm.Analyzer = analyzerName
		fm.Store = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		fm.DocValues = false
		dm.AddFieldMappingsAt(f, fm)
	}
	m.DefaultMapping = dm
	// NewMemOnly would ignore the BM25 setting; scorch with no path keeps
	// everything in memory and honours it.
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	a := m.AnalyzerNamed(analyzerName)
	if a == nil {
		return nil, fmt.Errorf("create index: no %q analyzer", analyzerName)
	}
	ix := &Index{idx: idx, analyzer: a, synTerms: make([][][]string, len(synGroups))}
	for i, g := range synGroups {
		for _, m := range g.members {
			if ts := ix.Terms(m); len(ts) > 0 {
				ix.synTerms[i] = append(ix.synTerms[i], ts)
			}
		}
	}
	return ix, nil
}

// Add indexes docs in batches.
func (ix *Index) Add(docs []Doc) error {
	b := ix.idx.NewBatch()
	for i, d := range docs {
		id := strconv.Itoa(d.Guide) + "/" + strconv.Itoa(d.Section)
		if err := b.Index(id, doc{Title: d.Title, Path: d.Path, Text: d.Text}); err != nil {
			return fmt.Errorf("index %s: %w", id, err)
		}
		if b.Size() >= BatchSize || i == len(docs)-1 {
			if err := ix.idx.Batch(b); err != nil {
				return fmt.Errorf("index batch: %w", err)
			}
			b.Reset()
		}
	}
	return nil
}

// Search returns up to n sections matching question, best first. The
// question is rewritten with Expand before it is matched.
func (ix *Index) Search(question string, n int) ([]Hit, error) {
	return ix.SearchTerms(ix.QueryTerms(question), n)
}

// QueryTerms returns the distinct index terms of question and its
// synonyms. Synonyms expand to many spellings of one stem ("earn",
// "earns", "earning"); each repeat would walk the same postings again.
func (ix *Index) QueryTerms(question string) []string {
	terms := ix.Terms(Expand(question))
	slices.Sort(terms)
	return slices.Compact(terms)
}

// searchBleve is SearchTerms through Bleve's own search: a disjunction of
// one term query per term and field. SearchTerms falls back on it where it
// cannot score as Bleve does, and its test holds the two equal.
func (ix *Index) searchBleve(terms []string, n int) ([]Hit, error) {
	var qs []query.Query
	for _, f := range []struct {
		name  string
		boost float64
	}{{"text", boostText}, {"path", boostPath}} {
		for _, t := range terms {
			tq := bleve.NewTermQuery(t)
			tq.SetField(f.name)
			tq.SetBoost(f.boost)
			qs = append(qs, tq)
		}
	}
	if len(qs) == 0 {
		return nil, nil
	}
	// Bleve's scores differ in their last bits from one build of the same
	// index to the next (its sums run in no fixed order), so the hits are
	// rounded and ordered here, with the sections after the n-th asked for
	// too: an engine answers the same question the same way every time,
	// and cmd/train fits the same weights from the same data.
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), n+spareHits, 0, false)
	if ix.stableTies {
		req.SortBy([]string{"-_score", "_id"})
	}
	res, err := ix.idx.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		if gi, si, ok := sectionOf(h.ID); ok {
			hits = append(hits, Hit{Guide: gi, Section: si, Score: math.Round(h.Score/scoreGrain) * scoreGrain})
		}
	}
	return best(hits, n), nil
}

// SearchTerms returns up to n sections matching any of terms (index terms,
// as from QueryTerms), scored with BM25 over section text and headings.
//
// It scores as Bleve's disjunction of one term query per term and field
// would (searchBleve; TestSearchTermsAsBleve holds them equal), but walks
// each term's postings into one score a section itself: Bleve merges the
// postings lists document by document and builds a match for every
// posting, which on a pay question over a thousand guides (a few
// thousand postings each for "salary", "pay", "senior") was most of the
// time an answer took.
func (ix *Index) SearchTerms(terms []string, n int) ([]Hit, error) {
	if len(terms) == 0 {
		return nil, nil
	}
	adv, err := ix.idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer r.Close()
	docs, err := r.DocCount()
	if err != nil || docs == 0 {
		return nil, err
	}
	bm, ok := r.(index.BM25Reader)
	if !ok {
		return ix.searchBleve(terms, n)
	}
	// Each term query's weight, as Bleve's term scorer has it: its boost
	// times BM25's idf; the query norm is over all of them.
	type termQuery struct {
		reader       index.TermFieldReader
		boost, idf   float64
		avgDocLength float64
	}
	var qs []termQuery
	defer func() {
		for _, q := range qs {
			q.reader.Close()
		}
	}()
	sumSquares := 0.0
	for _, f := range []struct {
		name  string
		boost float64
	}{{"text", boostText}, {"path", boostPath}} {
		card, err := bm.FieldCardinality(f.name)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		avg := math.Ceil(float64(card) / float64(docs))
		if avg == 0 {
			return ix.searchBleve(terms, n) // Bleve scores an empty field by tf-idf
		}
		for _, t := range terms {
			tr, err := r.TermFieldReader(context.Background(), []byte(t), f.name, true, true, false)
			if err != nil {
				return nil, fmt.Errorf("search: %w", err)
			}
			df := float64(tr.Count())
			idf := math.Log(1 + (float64(docs)-df+0.5)/(df+0.5))
			qs = append(qs, termQuery{tr, f.boost, idf, avg})
			sumSquares += (f.boost * idf) * (f.boost * idf)
		}
	}
	norm := 1 / math.Sqrt(sumSquares)
	sc, _ := ix.scratch.Get().(*scores)
	if sc == nil {
		sc = &scores{}
	}
	if uint64(len(sc.sum)) < docs { // one slot a section, Bleve's numbers running from 0
		sc.sum, sc.matched = make([]float64, docs), make([]int32, docs)
	}
	defer func() {
		sc.clear()
		ix.scratch.Put(sc)
	}()
	var td index.TermFieldDoc
	for _, q := range qs {
		weight := q.boost * q.idf * norm
		for {
			d, err := q.reader.Next(&td)
			if err != nil {
				return nil, fmt.Errorf("search: %w", err)
			}
			if d == nil {
				break
			}
			tf := math.Sqrt(float64(d.Freq))
			length := 1 / (d.Norm * d.Norm)
			score := q.idf * (tf * search.BM25_k1) / (tf + search.BM25_k1*(1-search.BM25_b+search.BM25_b*length/q.avgDocLength))
			sc.add(binary.BigEndian.Uint64(d.ID), score*weight)
		}
	}
	// The best n and a few more by score (ties by Bleve's number, as its
	// collector keeps them), named and ordered as searchBleve orders them;
	// breaking ties by section, all of them, so that ties fall the same
	// way on every build.
	k := n + spareHits
	if ix.stableTies {
		k = math.MaxInt
	}
	top := sc.top(k, len(qs))
	hits := make([]Hit, 0, len(top))
	for _, c := range top {
		ext, err := r.ExternalID(index.NewIndexInternalID(nil, c.doc))
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if gi, si, ok := sectionOf(ext); ok {
			hits = append(hits, Hit{Guide: gi, Section: si, Score: c.score})
		}
	}
	return best(hits, n), nil
}

// Terms returns the index terms of text: lower-cased, stop words removed,
// stemmed, as the index itself sees them.
func (ix *Index) Terms(text string) []string {
	var out []string
	ix.EachTerm(text, func(t []byte) { out = append(out, string(t)) })
	return out
}

// EachTerm calls f with each index term of text in turn, as Terms returns
// them; f must not keep the slice. Callers that intern terms use it to
// look a term up before allocating it.
func (ix *Index) EachTerm(text string, f func(term []byte)) {
	for _, t := range ix.analyzer.Analyze([]byte(text)) {
		f(t.Term)
	}
}

// Close releases the index.
func (ix *Index) Close() error { return ix.idx.Close() }
