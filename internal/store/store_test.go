package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/logtest"
)

var t0 = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

func answerRec(id string, abstained bool, q string, cited ...advisor.Cited) advisor.AnswerRecord {
	return advisor.AnswerRecord{ID: id, Time: t0, Platform: "slack", Intent: "salary", Abstained: abstained, Cited: cited, Question: q}
}

var (
	romania = advisor.Cited{Guide: "Career Guide", Source: "guide.txt", Section: "Salaries › Romania"}
	paths   = advisor.Cited{Guide: "Roadmap", Source: "roadmap.md", Section: "Learning Path"}
)

func openTest(t *testing.T, path string, opt Options) *Store {
	t.Helper()
	s, err := Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRecordAndReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "careerbot.db")
	s := openTest(t, path, Options{})
	records := []advisor.AnswerRecord{
		answerRec("a1", false, "", romania),
		answerRec("a2", false, "", romania, paths),
		answerRec("a3", true, "how do I negotiate a raise?"),
		answerRec("a4", true, "How do I negotiate my raise"),
		answerRec("a5", true, "negotiating raises?"),
		answerRec("a6", true, "best GPU for training?"),
	}
	for _, r := range records {
		if !s.RecordAnswer(r) {
			t.Fatalf("RecordAnswer(%s) dropped", r.ID)
		}
	}
	votes := []advisor.VoteRecord{
		{AnswerID: "a1", Time: t0, Platform: "slack", UserHash: "u1", Vote: advisor.NotHelpful, Intent: "salary", Cited: []advisor.Cited{romania}, Question: "what do seniors make in Romania?"},
		{AnswerID: "a1", Time: t0, Platform: "slack", UserHash: "u1", Vote: advisor.Helpful}, // the same user again: not counted
		{AnswerID: "a1", Time: t0, Platform: "discord", UserHash: "u2", Vote: advisor.NotHelpful, Question: "what do seniors make in Romania?"},
		{AnswerID: "a2", Time: t0, Platform: "discord", UserHash: "u2", Vote: advisor.Helpful, Question: "kept? no"},
	}
	for _, v := range votes {
		s.RecordVote(v)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	r, err := ReadReport(context.Background(), path, t0.Add(-time.Hour), 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Answers != 6 || r.Abstained != 4 {
		t.Errorf("answers, abstained = %d, %d; want 6, 4", r.Answers, r.Abstained)
	}
	if r.Votes.Helpful != 1 || r.Votes.NotHelpful != 2 || r.Votes.ByPlatform["slack"]["not_helpful"] != 1 || r.Votes.ByPlatform["discord"]["not_helpful"] != 1 {
		t.Errorf("votes = %+v; want 1 helpful, 2 not helpful (one a platform)", r.Votes)
	}
	if len(r.Gaps) != 2 || r.Gaps[0].Count != 3 || !slices.Contains(r.Gaps[0].Terms, "raise") || len(r.Gaps[0].Terms) != 2 || r.Gaps[1].Count != 1 {
		t.Errorf("gaps = %+v; want the three raise questions together first, then the GPU one", r.Gaps)
	}
	if len(r.NotHelpful) != 1 || r.NotHelpful[0].NotHelpful != 2 || r.NotHelpful[0].Sections[0] != romania ||
		len(r.NotHelpful[0].Examples) != 1 || r.NotHelpful[0].Examples[0] != "what do seniors make in Romania?" {
		t.Errorf("not helpful = %+v; want the Romania section with 2 votes and its question", r.NotHelpful)
	}
	if len(r.TopSections) != 2 || r.TopSections[0].Cited != romania || r.TopSections[0].Citations != 2 {
		t.Errorf("top sections = %+v; want Romania cited twice first", r.TopSections)
	}

	// Only abstained and not-helpful questions keep their text.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	db.QueryRow("SELECT COUNT(*) FROM questions WHERE text LIKE '%kept%'").Scan(&n)
	if n != 0 {
		t.Errorf("a helpful vote's question was kept")
	}
	db.QueryRow("SELECT COUNT(*) FROM questions").Scan(&n)
	if n != 6 {
		t.Errorf("questions kept = %d; want 6 (4 abstained, 2 not-helpful votes)", n)
	}
	var mode string
	db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q; want wal", mode)
	}
}

func TestEmptyAndMissingStoreReportZeros(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	openTest(t, empty, Options{}).Close() // migrated, nothing in it
	for name, path := range map[string]string{"missing": filepath.Join(dir, "nope.db"), "empty": empty} {
		t.Run(name, func(t *testing.T) {
			r, err := ReadReport(context.Background(), path, t0, 0)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(r)
			for _, want := range []string{`"answers":0`, `"gaps":[]`, `"not_helpful":[]`, `"top_sections":[]`, `"by_platform":{}`} {
				if !strings.Contains(string(b), want) {
					t.Errorf("report %s lacks %s", b, want)
				}
			}
		})
	}
}

func TestRetention(t *testing.T) {
	path := filepath.Join(t.TempDir(), "careerbot.db")
	now := t0.Add(100 * 24 * time.Hour)
	s, err := open(path, Options{RetentionDays: 30}, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	old := answerRec("old", true, "asked long ago")
	recent := answerRec("new", true, "asked lately")
	recent.Time = now.Add(-24 * time.Hour)
	s.RecordAnswer(old)
	s.RecordAnswer(recent)
	s.Close()
	r, err := ReadReport(context.Background(), path, time.Time{}, 30)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Gaps) != 1 || r.Gaps[0].Examples[0] != "asked lately" {
		t.Errorf("gaps = %+v; want only the recent question", r.Gaps)
	}
	if r.Answers != 2 {
		t.Errorf("answers = %d; want 2 (only question text expires)", r.Answers)
	}
}

func TestFullQueueDrops(t *testing.T) {
	path := filepath.Join(t.TempDir(), "careerbot.db")
	s := openTest(t, path, Options{Queue: 2})
	defer s.Close()
	// Another connection holds the write lock, so the writer waits.
	lock, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	conn, err := lock.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	dropped := 0
	for i := range 10 {
		if !s.RecordVote(advisor.VoteRecord{AnswerID: "a", UserHash: string(rune('a' + i)), Vote: advisor.Helpful, Time: t0}) {
			dropped++
		}
	}
	// The writer may have drained what was queued into the batch it is
	// blocked on (the first record and up to the queue's two) before the
	// queue filled again: at most 2*2+1 accepted.
	if dropped < 10-5 {
		t.Errorf("dropped %d of 10 with a queue of 2 and a blocked writer; want at least 5", dropped)
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
}

// clock is a settable time safe across goroutines.
type clock struct{ ns atomic.Int64 }

func (c *clock) now() time.Time      { return time.Unix(0, c.ns.Load()) }
func (c *clock) add(d time.Duration) { c.ns.Add(int64(d)) }
func newClock(t time.Time) *clock    { c := &clock{}; c.ns.Store(t.UnixNano()); return c }
func (s *Store) flush(t *testing.T) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); len(s.queue) > 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	// One more record through the queue: when it is taken, the ones
	// before it were written or failed.
	s.RecordAnswer(advisor.AnswerRecord{ID: "flush", Time: t0})
	for deadline := time.Now().Add(5 * time.Second); len(s.queue) > 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
}

func TestUnwritableStoreLogsOnceAMinute(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string) (string, func(*Store))
	}{
		{"read-only file", func(t *testing.T, path string) (string, func(*Store)) {
			openTest(t, path, Options{}).Close()
			return "file:" + path + "?mode=ro", nil
		}},
		{"disk full", func(t *testing.T, path string) (string, func(*Store)) {
			return path, func(s *Store) {
				// SQLite's own "database or disk is full": the file may not grow.
				s.db.SetMaxOpenConns(1)
				var pages int
				s.db.QueryRow("PRAGMA page_count").Scan(&pages)
				if _, err := s.db.Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
					t.Fatal(err)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "careerbot.db")
			name, after := tt.setup(t, path)
			var logs logtest.Buffer
			clk := newClock(t0)
			s, err := open(name, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))}, clk.now)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if after != nil {
				after(s)
			}
			big := strings.Repeat("x", 3000) // each answer needs a new page
			for i := range 50 {
				if !s.RecordAnswer(answerRec(strconv.Itoa(i), true, big)) {
					t.Fatalf("record %d dropped: the queue should take it at once", i)
				}
				s.flush(t)
			}
			if n := strings.Count(logs.String(), "store: write failed"); n != 1 {
				t.Errorf("%d error lines for 50 failed writes in the same minute; want 1", n)
			}
			clk.add(61 * time.Second)
			s.RecordAnswer(answerRec("late", true, big))
			s.flush(t)
			for deadline := time.Now().Add(5 * time.Second); strings.Count(logs.String(), "store: write failed") < 2 && time.Now().Before(deadline); {
				time.Sleep(time.Millisecond)
			}
			if n := strings.Count(logs.String(), "store: write failed"); n != 2 {
				t.Errorf("%d error lines after a minute more; want 2", n)
			}
			if strings.Contains(logs.String(), big[:100]) {
				t.Errorf("question text reached the log")
			}
		})
	}
}

func TestGroup(t *testing.T) {
	tests := []struct {
		name   string
		qs     []string // most recent first
		counts []int
		terms  string // the first group's
	}{
		{"near-duplicates", []string{"How do I negotiate a raise?", "negotiating raises", "how to negotiate my raise"}, []int{3}, "negotiate raise"},
		{"plurals and order", []string{"Salaries for data scientists in Germany?", "salary of a data scientist, Germany", "GPU for training?"}, []int{2, 1}, "data germany salary scientist"},
		{"different topics", []string{"visa for Canada", "C++ or C#", "remote jobs"}, []int{1, 1, 1}, "canada visa"},
		{"no topic words", []string{"what?", "how?"}, []int{2}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var qs []question
			for _, q := range tt.qs {
				qs = append(qs, question{text: q, at: t0})
			}
			gaps := group(qs)
			var counts []int
			for _, g := range gaps {
				counts = append(counts, g.Count)
			}
			if !slices.Equal(counts, tt.counts) || strings.Join(gaps[0].Terms, " ") != tt.terms {
				t.Errorf("group = %+v; want counts %v, first terms %q", gaps, tt.counts, tt.terms)
			}
		})
	}
}
