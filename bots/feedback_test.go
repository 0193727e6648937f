package bots_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer/answertest"
	"github.com/careerbot/careerbot/internal/store"
)

func TestResponderConversation(t *testing.T) {
	ctx := context.Background()
	r := bots.NewResponder(answertest.Bundled(t), bots.Options{Context: bots.NewMemoryContext(10)})
	conv := bots.Conversation{Key: "slack:C1:1700000000.000100", TTL: time.Hour}
	turns := []struct{ q, asked string }{
		{"How much does a senior ML engineer earn in Romania?", "How much does a senior ML engineer earn in Romania?"},
		{"and for juniors?", "How much does a junior ML engineer earn in Romania?"},
		{"what about the US?", "How much does a junior ML engineer earn in the United States?"},
	}
	for _, tt := range turns {
		ans, err := r.AskIn(ctx, "slack", "U1", "ev", conv, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Question != tt.asked {
			t.Errorf("%q read as %q; want %q", tt.q, ans.Question, tt.asked)
		}
	}
	// Another conversation does not see this one.
	ans, err := r.AskIn(ctx, "slack", "U1", "ev", bots.Conversation{Key: "other", TTL: time.Hour}, "and for juniors?")
	if err != nil {
		t.Fatal(err)
	}
	if ans.ReadAs != "" {
		t.Errorf("a new conversation read %q as a follow-up: %q", "and for juniors?", ans.ReadAs)
	}
}

// refusing is a journal whose queue is always full.
type refusing struct{}

func (refusing) RecordAnswer(advisor.AnswerRecord) bool { return false }
func (refusing) RecordVote(advisor.VoteRecord) bool     { return false }

func TestVotesCountOncePerUser(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "careerbot.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	r := bots.NewResponder(answertest.Bundled(t), bots.Options{Journal: st, HashKey: []byte("k"), Metrics: bots.NewMetrics(reg)})
	ans, err := r.Ask(ctx, "discord", "u1", "i1", "How much does a senior ML engineer earn in Romania?")
	if err != nil {
		t.Fatal(err)
	}
	if !bots.ValidAnswerID(ans.ID) {
		t.Fatalf("answer id %q; want %d hex digits", ans.ID, 16)
	}
	tests := []struct {
		user string
		vote advisor.Vote
		id   string
		want bool
	}{
		{"u1", advisor.NotHelpful, ans.ID, true},
		{"u1", advisor.Helpful, ans.ID, false}, // once per user per answer
		{"u2", advisor.Helpful, ans.ID, true},
		{"u2", advisor.Vote("love"), ans.ID, false},
		{"u3", advisor.Helpful, "not-an-id", false},
	}
	for _, tt := range tests {
		if got := r.Vote(ctx, "discord", tt.user, tt.id, tt.vote); got != tt.want {
			t.Errorf("Vote(%s, %s, %s) = %v; want %v", tt.user, tt.vote, tt.id, got, tt.want)
		}
	}
	if got := testutil.ToFloat64(counter(t, reg, "careerbot_feedback_total", "vote", "helpful")); got != 1 {
		t.Errorf("careerbot_feedback_total{vote=helpful} = %v; want 1", got)
	}
	st.Close()
	rep, err := store.ReadReport(ctx, path, time.Now().Add(-time.Hour), 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Votes.Helpful != 1 || rep.Votes.NotHelpful != 1 || len(rep.NotHelpful) != 1 ||
		rep.NotHelpful[0].Examples[0] != "How much does a senior ML engineer earn in Romania?" || rep.NotHelpful[0].Intent != "salary" {
		t.Errorf("report = %+v; want one vote each, the not-helpful one with its question and intent", rep)
	}

	// A full queue drops the record, never the answer, and counts it.
	reg2 := prometheus.NewRegistry()
	r = bots.NewResponder(answertest.Bundled(t), bots.Options{Journal: refusing{}, Metrics: bots.NewMetrics(reg2)})
	ans, err = r.Ask(ctx, "slack", "u1", "e1", "what salary for senior ML in the US")
	if err != nil || ans.Text == "" {
		t.Fatalf("answer with a full store: %q, %v", ans.Text, err)
	}
	r.Vote(ctx, "slack", "u1", ans.ID, advisor.Helpful)
	for _, kind := range []string{"answer", "vote"} {
		if got := testutil.ToFloat64(counter(t, reg2, "careerbot_store_dropped_total", "kind", kind)); got != 1 {
			t.Errorf("careerbot_store_dropped_total{kind=%s} = %v; want 1", kind, got)
		}
	}
}

// counter sums the series of metric name whose label has value.
func counter(t *testing.T, reg *prometheus.Registry, name, label, value string) prometheus.Collector {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "x"})
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					c.Add(m.GetCounter().GetValue())
				}
			}
		}
	}
	return c
}
