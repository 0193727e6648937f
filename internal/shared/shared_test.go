package shared_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/shared"
	"github.com/careerbot/careerbot/internal/shared/redistest"
)

// backends returns two replicas' states for each backend: in process
// (two separate processes would not share, so both are the same State)
// and two connections to one real redis-server.
func backends(t *testing.T) []struct {
	name string
	a, b *shared.State
} {
	t.Helper()
	local := shared.Local(nil)
	out := []struct {
		name string
		a, b *shared.State
	}{{"local", local, local}}
	url := redistest.Start(t)
	a, b := open(t, url, "t:"), open(t, url, "t:")
	return append(out, struct {
		name string
		a, b *shared.State
	}{"redis", a, b})
}

func open(t *testing.T, url, prefix string) *shared.State {
	t.Helper()
	s, err := shared.Open(context.Background(), url, prefix, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestClaims(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			ca := be.a.Claims(300 * time.Millisecond)
			cb := ca // one process keeps one set of claims
			if be.a != be.b {
				cb = be.b.Claims(300 * time.Millisecond)
			}
			steps := []struct {
				c    *shared.Claims
				id   string
				want bool
			}{{ca, "slack:Ev1", true}, {cb, "slack:Ev1", false}, {ca, "slack:Ev1", false}, {cb, "slack:Ev2", true}}
			for i, s := range steps {
				if got := s.c.Claim(ctx, s.id); got != s.want {
					t.Errorf("step %d: Claim(%q) = %v; want %v", i+1, s.id, got, s.want)
				}
			}
			time.Sleep(400 * time.Millisecond)
			if !ca.Claim(ctx, "slack:Ev1") {
				t.Error("an id was still claimed after its TTL")
			}
		})
	}
}

func TestLimiter(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			la := be.a.Limiter(20*time.Second, 2)
			lb := la
			if be.a != be.b {
				lb = be.b.Limiter(20*time.Second, 2)
			}
			// One user's burst alternates between replicas; another user is apart.
			for i, step := range []struct {
				l    *shared.Limiter
				want bool
			}{{la, true}, {lb, true}, {la, false}, {lb, false}} {
				ok, wait := step.l.Allow(ctx, "discord:u1")
				if ok != step.want {
					t.Fatalf("question %d allowed = %v; want %v", i+1, ok, step.want)
				}
				if !ok && (wait <= 0 || wait > 20*time.Second) {
					t.Errorf("question %d: wait %v; want within the 20 s interval", i+1, wait)
				}
			}
			if ok, _ := lb.Allow(ctx, "discord:u2"); !ok {
				t.Error("another user was limited")
			}
		})
	}
}

func TestConversations(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			ca := be.a.Conversations()
			cb := ca
			if be.a != be.b {
				cb = be.b.Conversations()
			}
			if q, ok := cb.Previous(ctx, "slack:C1:T1"); ok {
				t.Errorf("Previous of a new conversation = %q; want none", q)
			}
			ca.Remember(ctx, "slack:C1:T1", "junior salary in Romania?", 300*time.Millisecond)
			if q, ok := cb.Previous(ctx, "slack:C1:T1"); !ok || q != "junior salary in Romania?" {
				t.Errorf("Previous = %q, %v; want the remembered question", q, ok)
			}
			time.Sleep(400 * time.Millisecond)
			if q, ok := cb.Previous(ctx, "slack:C1:T1"); ok {
				t.Errorf("Previous after the TTL = %q; want none", q)
			}
		})
	}
}

// TestPrefixes checks two deployments on one server do not see each
// other's state.
func TestPrefixes(t *testing.T) {
	url := redistest.Start(t)
	a, b := open(t, url, "one:"), open(t, url, "two:")
	ctx := context.Background()
	if !a.Claims(time.Minute).Claim(ctx, "x") || !b.Claims(time.Minute).Claim(ctx, "x") {
		t.Error("an id claimed under one prefix was claimed under another")
	}
	a.Conversations().Remember(ctx, "k", "q", time.Minute)
	if _, ok := b.Conversations().Previous(ctx, "k"); ok {
		t.Error("a conversation crossed prefixes")
	}
}

// TestRedisDown checks a failing Redis falls back to the process's state
// and logs once, without the URL's password.
func TestRedisDown(t *testing.T) {
	url := redistest.Start(t)
	var logs bytes.Buffer
	s, err := shared.Open(context.Background(), strings.Replace(url, "redis://", "redis://:@", 1), "t:", slog.New(slog.NewJSONHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	s.Close() // every call now fails
	ctx := context.Background()
	c := s.Claims(time.Minute)
	if !c.Claim(ctx, "e1") || c.Claim(ctx, "e1") {
		t.Error("claims did not fall back to the process")
	}
	l := s.Limiter(time.Minute, 1)
	if ok, _ := l.Allow(ctx, "u"); !ok {
		t.Error("first question refused while Redis is down")
	}
	if ok, _ := l.Allow(ctx, "u"); ok {
		t.Error("limit not kept in the process while Redis is down")
	}
	conv := s.Conversations()
	conv.Remember(ctx, "k", "q", time.Minute)
	if _, ok := conv.Previous(ctx, "k"); ok {
		t.Error("Previous answered from a Redis that is down")
	}
	if n := strings.Count(logs.String(), "redis failed"); n != 1 {
		t.Errorf("logged %d failures; want 1 within 10 s:\n%s", n, logs.String())
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct{ name, url, want string }{
		{"unparsable", "redis://:hunter2@[::1", "redis.url: cannot be parsed"},
		{"nobody listening", "redis://:hunter2@127.0.0.1:1/0", "unreachable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := shared.Open(context.Background(), tt.url, "t:", nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "hunter2") {
				t.Errorf("Open error = %v; want one saying %q without the password", err, tt.want)
			}
		})
	}
}
