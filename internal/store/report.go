package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"

	porterstemmer "github.com/blevesearch/go-porterstemmer"

	"github.com/careerbot/careerbot/internal/advisor"
)

// Report is what a guide writer reads before writing the next guide.
type Report struct {
	Since     time.Time `json:"since"`
	Until     time.Time `json:"until"`
	Answers   int       `json:"answers"`   // answers given in chat
	Abstained int       `json:"abstained"` // of which the guides could not answer
	Votes     Votes     `json:"votes"`
	// Gaps groups the questions the guides could not answer by what they
	// asked about, most asked first.
	Gaps []advisor.Gap `json:"gaps"`
	// NotHelpful lists the answers most often voted not helpful, grouped
	// by the sections they cited.
	NotHelpful []Unhelpful `json:"not_helpful"`
	// TopSections are the sections cited most.
	TopSections []SectionCount `json:"top_sections"`
}

// Votes counts votes in all and by platform.
type Votes struct {
	Helpful    int                       `json:"helpful"`
	NotHelpful int                       `json:"not_helpful"`
	ByPlatform map[string]map[string]int `json:"by_platform"` // platform → vote → count
}

// Unhelpful is a set of cited sections and the votes on answers citing it.
type Unhelpful struct {
	Sections   []advisor.Cited `json:"sections"`
	Intent     string          `json:"intent"`
	NotHelpful int             `json:"not_helpful"`
	Helpful    int             `json:"helpful"`
	Examples   []string        `json:"examples"` // questions asked, most recent first
}

// SectionCount is how often answers cited a section.
type SectionCount struct {
	advisor.Cited
	Citations int `json:"citations"`
}

// reportRows bounds each list of a report.
const reportRows = 10

// emptyReport is the report of a store that holds nothing: zeros and
// empty lists, so its JSON has the same shape as a full one.
func emptyReport(since, until time.Time) *Report {
	return &Report{Since: since, Until: until, Votes: Votes{ByPlatform: map[string]map[string]int{}},
		Gaps: []advisor.Gap{}, NotHelpful: []Unhelpful{}, TopSections: []SectionCount{}}
}

// ReadReport reports on the store file at path without changing it; a
// missing or empty file reports zeros. Question text older than
// retentionDays (0: the default) is left out even if not yet deleted.
func ReadReport(ctx context.Context, path string, since time.Time, retentionDays int) (*Report, error) {
	now := time.Now().UTC()
	if fi, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) || err == nil && fi.Size() == 0 {
		return emptyReport(since, now), nil
	} else if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer db.Close()
	if retentionDays <= 0 {
		retentionDays = DefaultRetentionDays
	}
	return report(ctx, db, since, now, time.Duration(retentionDays)*24*time.Hour)
}

// Report reports on what the store holds since the given time.
func (s *Store) Report(ctx context.Context, since time.Time) (*Report, error) {
	return report(ctx, s.db, since, s.now().UTC(), s.retention)
}

// TopGaps returns the n groups of unanswered questions asked most in the
// retention period, for /sources.
func (s *Store) TopGaps(ctx context.Context, n int) ([]advisor.Gap, error) {
	r, err := report(ctx, s.db, s.now().Add(-s.retention), s.now().UTC(), s.retention)
	if err != nil {
		return nil, err
	}
	return r.Gaps[:min(n, len(r.Gaps))], nil
}

func report(ctx context.Context, db *sql.DB, since, until time.Time, retention time.Duration) (*Report, error) {
	r := emptyReport(since, until)
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if v == 0 {
		return r, nil // never written
	}
	from := since.Unix()
	textFrom := max(from, until.Add(-retention).Unix())
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*), COALESCE(SUM(abstained), 0) FROM answers WHERE at >= ?", from).Scan(&r.Answers, &r.Abstained); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	err := query(ctx, db, "SELECT platform, vote, COUNT(*) FROM votes WHERE at >= ? GROUP BY platform, vote", []any{from}, func(rows *sql.Rows) error {
		var platform, vote string
		var n int
		if err := rows.Scan(&platform, &vote, &n); err != nil {
			return err
		}
		if r.Votes.ByPlatform[platform] == nil {
			r.Votes.ByPlatform[platform] = map[string]int{}
		}
		r.Votes.ByPlatform[platform][vote] = n
		if advisor.Vote(vote) == advisor.Helpful {
			r.Votes.Helpful += n
		} else {
			r.Votes.NotHelpful += n
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var asked []question
	err = query(ctx, db, "SELECT at, text FROM questions WHERE kind = 'abstained' AND at >= ? ORDER BY at DESC, id DESC", []any{textFrom}, func(rows *sql.Rows) error {
		var q question
		var at int64
		if err := rows.Scan(&at, &q.text); err != nil {
			return err
		}
		q.at = time.Unix(at, 0).UTC()
		asked = append(asked, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	r.Gaps = group(asked)
	if len(r.Gaps) > reportRows {
		r.Gaps = r.Gaps[:reportRows]
	}
	if r.NotHelpful, err = unhelpful(ctx, db, from, textFrom); err != nil {
		return nil, err
	}
	err = query(ctx, db, `SELECT c.guide, c.source, c.section, COUNT(*) AS n FROM citations c JOIN answers a ON a.id = c.answer_id
		WHERE a.at >= ? GROUP BY c.guide, c.source, c.section ORDER BY n DESC, c.guide, c.section LIMIT ?`, []any{from, reportRows}, func(rows *sql.Rows) error {
		var sc SectionCount
		if err := rows.Scan(&sc.Guide, &sc.Source, &sc.Section, &sc.Citations); err != nil {
			return err
		}
		r.TopSections = append(r.TopSections, sc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// unhelpful groups votes by the sections the answers cited, most voted
// not helpful first, with the questions voted on.
func unhelpful(ctx context.Context, db *sql.DB, from, textFrom int64) ([]Unhelpful, error) {
	byCited := map[string]*Unhelpful{}
	var order []*Unhelpful
	err := query(ctx, db, `SELECT v.cited, v.intent, v.vote, COUNT(*), COALESCE((SELECT q.text FROM questions q
			WHERE q.answer_id = v.answer_id AND q.kind = 'not_helpful' AND q.at >= ? ORDER BY q.at DESC LIMIT 1), '')
		FROM votes v WHERE v.at >= ? GROUP BY v.answer_id, v.vote ORDER BY MAX(v.at) DESC`, []any{textFrom, from}, func(rows *sql.Rows) error {
		var cited, intent, vote, text string
		var n int
		if err := rows.Scan(&cited, &intent, &vote, &n, &text); err != nil {
			return err
		}
		u := byCited[cited]
		if u == nil {
			u = &Unhelpful{Intent: intent, Sections: []advisor.Cited{}, Examples: []string{}}
			json.Unmarshal([]byte(cited), &u.Sections)
			byCited[cited] = u
			order = append(order, u)
		}
		if advisor.Vote(vote) == advisor.Helpful {
			u.Helpful += n
		} else {
			u.NotHelpful += n
		}
		if text != "" && len(u.Examples) < 3 && !slices.Contains(u.Examples, text) {
			u.Examples = append(u.Examples, text)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := []Unhelpful{}
	for _, u := range order {
		if u.NotHelpful > 0 {
			out = append(out, *u)
		}
	}
	slices.SortStableFunc(out, func(a, b Unhelpful) int { return b.NotHelpful - a.NotHelpful })
	return out[:min(reportRows, len(out))], nil
}

func query(ctx context.Context, db *sql.DB, q string, args []any, row func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// question is a kept question's text and when it was asked.
type question struct {
	text string
	at   time.Time
}

// similar is the share of terms two questions must share (of all the
// terms either has) to count as asking the same thing.
const similar = 0.5

// group puts questions that ask about the same thing together: the same
// stemmed terms, or nearly (see similar). Questions come most recent
// first; groups go out most asked first, named by the terms at least half
// their questions use, as the latest of them writes them.
func group(qs []question) []advisor.Gap {
	type grp struct {
		gap   advisor.Gap
		stems []string          // the first question's, which the others are compared with
		uses  map[string]int    // stem → questions using it
		word  map[string]string // stem → the word as first written
	}
	var gs []*grp
	for _, q := range qs {
		stems, words := terms(q.text)
		var best *grp
		bestSim := -1.0
		for _, g := range gs {
			if s := jaccard(g.stems, stems); s > bestSim {
				best, bestSim = g, s
			}
		}
		if best == nil || bestSim < similar {
			best = &grp{stems: stems, uses: map[string]int{}, word: map[string]string{}, gap: advisor.Gap{Last: q.at, Examples: []string{}}}
			gs = append(gs, best)
		}
		for i, st := range stems {
			best.uses[st]++
			if _, ok := best.word[st]; !ok {
				best.word[st] = words[i]
			}
		}
		best.gap.Count++
		if len(best.gap.Examples) < 3 && !slices.Contains(best.gap.Examples, q.text) {
			best.gap.Examples = append(best.gap.Examples, q.text)
		}
	}
	out := make([]advisor.Gap, 0, len(gs))
	for _, g := range gs {
		g.gap.Terms = []string{}
		for st, n := range g.uses {
			if 2*n >= g.gap.Count {
				g.gap.Terms = append(g.gap.Terms, g.word[st])
			}
		}
		slices.Sort(g.gap.Terms)
		out = append(out, g.gap)
	}
	slices.SortStableFunc(out, func(a, b advisor.Gap) int { return b.Count - a.Count })
	return out
}

func jaccard(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	common := 0
	for _, t := range a {
		if _, ok := slices.BinarySearch(b, t); ok {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// stopWords carry a question's form, not what it asks about.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq("a an the and or but of to in on at for with by from as is are was were be been " +
		"do does did can could should would will shall may might must i me my we our you your he she it its they them " +
		"their this that these those what which who whom whose when where why how there here about into than then so " +
		"if not no yes any some all much many more most very just also too please thanks hi hello hey get got have has " +
		"had need want know like good best someone anyone") {
		m[w] = true
	}
	return m
}()

// terms returns a question's terms without stop words: their Porter
// stems, sorted and unique, and each stem's word as first written (lower
// case, plural folded) to show.
func terms(q string) (stems, words []string) {
	seen := map[string]string{}
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '#'
	}) {
		if stopWords[w] {
			continue
		}
		st := porterstemmer.StemString(w)
		if _, ok := seen[st]; !ok {
			seen[st] = fold(w)
			stems = append(stems, st)
		}
	}
	slices.Sort(stems)
	for _, st := range stems {
		words = append(words, seen[st])
	}
	return stems, words
}

// fold turns a plural into its singular, roughly, for display:
// "salaries" → "salary", "raises" → "raise".
func fold(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}
