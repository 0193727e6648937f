package shared

import (
	"fmt"
	"testing"
	"time"
)

// TestBounded checks the in-process stores forget old keys rather than
// grow without bound under a flood of new ids.
func TestBounded(t *testing.T) {
	now := time.Unix(1e9, 0)
	m := newTTLMap[struct{}]()
	for i := range maxTracked + 10 {
		if !m.put(fmt.Sprint(i), struct{}{}, time.Duration(i+1)*time.Second, now, true) {
			t.Fatalf("new id %d refused", i)
		}
	}
	if n := len(m.m); n > maxTracked {
		t.Errorf("ttlMap holds %d ids; want at most %d", n, maxTracked)
	}
	if _, ok := m.get(fmt.Sprint(maxTracked+9), now); !ok {
		t.Error("the newest id was dropped")
	}

	l := newLocalLimiter(time.Minute, 1)
	l.now = func() time.Time { return now }
	for i := range maxTracked + 10 {
		l.allow(fmt.Sprint(i))
	}
	if n := len(l.users); n > maxTracked {
		t.Errorf("limiter tracks %d users; want at most %d", n, maxTracked)
	}
	if ok, _ := l.allow(fmt.Sprint(maxTracked + 9)); ok {
		t.Error("the newest user's spent budget was forgotten")
	}
}
