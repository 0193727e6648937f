package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/advisor"
)

// BenchmarkRecord measures recording answers through the queue to a real
// file, until they are written (Close waits for the writer).
func BenchmarkRecord(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "careerbot.db"), Options{Queue: 1 << 16})
	if err != nil {
		b.Fatal(err)
	}
	cited := []advisor.Cited{romania, paths}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := advisor.AnswerRecord{ID: fmt.Sprint(i), Time: t0, Platform: "slack", Intent: "salary", Cited: cited}
		for !s.RecordAnswer(a) {
			time.Sleep(time.Microsecond) // the benchmark outruns the writer: wait, do not drop
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkReport measures a report over 10,000 answers, 2,000 of them
// unanswered questions, and 2,000 votes.
func BenchmarkReport(b *testing.B) {
	path := filepath.Join(b.TempDir(), "careerbot.db")
	s, err := Open(path, Options{Queue: 1 << 15})
	if err != nil {
		b.Fatal(err)
	}
	topics := []string{"negotiate a raise", "visa sponsorship in Canada", "GPU for training", "remote jobs in Europe",
		"interview questions for data engineers", "switching from finance", "freelance rates", "PhD or industry"}
	for i := 0; i < 10000; i++ {
		abst := i%5 == 0
		q := ""
		if abst {
			q = fmt.Sprintf("how about %s (%d)?", topics[i%len(topics)], i%7)
		}
		a := advisor.AnswerRecord{ID: fmt.Sprint(i), Time: t0, Platform: "slack", Intent: "salary", Abstained: abst, Question: q, Cited: []advisor.Cited{romania}}
		for !s.RecordAnswer(a) {
			time.Sleep(time.Microsecond)
		}
		if i%5 == 1 {
			s.RecordVote(advisor.VoteRecord{AnswerID: a.ID, Time: t0, Platform: "discord", UserHash: "u", Vote: advisor.NotHelpful, Cited: a.Cited, Question: "why?"})
		}
	}
	s.Close()
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := ReadReport(ctx, path, t0.Add(-time.Hour), 100000)
		if err != nil || r.Answers != 10000 {
			b.Fatalf("report: %v, %d answers", err, r.Answers)
		}
	}
}
