package bots

import (
	"context"
	"strconv"
	"testing"
	"time"
)

func TestMemoryContext(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	m := NewMemoryContext(3)
	m.c.now = func() time.Time { return now }
	m.Remember(ctx, "thread", "senior pay in Romania?", time.Hour)
	if q, ok := m.Previous(ctx, "thread"); !ok || q != "senior pay in Romania?" {
		t.Fatalf("Previous = %q, %v; want the question", q, ok)
	}
	m.Remember(ctx, "thread", "junior pay in Romania?", time.Hour)
	if q, _ := m.Previous(ctx, "thread"); q != "junior pay in Romania?" {
		t.Errorf("Previous = %q; want the latest question", q)
	}
	now = now.Add(time.Hour)
	if _, ok := m.Previous(ctx, "thread"); ok {
		t.Errorf("a question outlived its hour")
	}
	for i := range 5 {
		m.Remember(ctx, "k"+strconv.Itoa(i), "q", time.Hour)
	}
	if m.Len() != 3 {
		t.Errorf("Len = %d; want 3 (the bound)", m.Len())
	}
	if _, ok := m.Previous(ctx, "k0"); ok {
		t.Errorf("the oldest conversation was kept past the bound")
	}
	if _, ok := m.Previous(ctx, "k4"); !ok {
		t.Errorf("the newest conversation was dropped")
	}
}
