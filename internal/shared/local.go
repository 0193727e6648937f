package shared

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxTracked bounds the keys a process remembers; idle ones are forgotten
// first, so memory stays bounded under a flood of new ids.
const maxTracked = 10000

// localLimiter is a per-key token bucket kept in the process.
type localLimiter struct {
	every time.Duration
	burst int
	now   func() time.Time

	mu    sync.Mutex
	users map[string]*userLimit
}

type userLimit struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLocalLimiter(every time.Duration, burst int) *localLimiter {
	return &localLimiter{every: every, burst: burst, now: time.Now, users: map[string]*userLimit{}}
}

// allow takes one question from key's budget.
func (l *localLimiter) allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	u, ok := l.users[key]
	if !ok {
		if len(l.users) >= maxTracked {
			l.forgetIdle(now)
		}
		u = &userLimit{lim: rate.NewLimiter(rate.Every(l.every), l.burst)}
		l.users[key] = u
	}
	u.seen = now
	r := u.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// forgetIdle drops users whose bucket has refilled, or, if none has, the
// half seen longest ago.
func (l *localLimiter) forgetIdle(now time.Time) {
	full := l.every * time.Duration(l.burst)
	for id, u := range l.users {
		if now.Sub(u.seen) >= full {
			delete(l.users, id)
		}
	}
	if len(l.users) < maxTracked {
		return
	}
	var cutoff time.Time
	for _, u := range l.users {
		if cutoff.IsZero() || u.seen.Before(cutoff) {
			cutoff = u.seen
		}
	}
	mid := cutoff.Add(now.Sub(cutoff) / 2)
	for id, u := range l.users {
		if u.seen.Before(mid) || u.seen.Equal(cutoff) {
			delete(l.users, id)
		}
	}
}

// ttlMap holds values that expire, at most maxTracked of them: the
// in-process store for claims and conversation context.
type ttlMap[V any] struct {
	mu sync.Mutex
	m  map[string]ttlEntry[V]
}

type ttlEntry[V any] struct {
	v   V
	exp time.Time
}

func newTTLMap[V any]() *ttlMap[V] { return &ttlMap[V]{m: map[string]ttlEntry[V]{}} }

// get returns key's value if it has not expired at now.
func (t *ttlMap[V]) get(key string, now time.Time) (V, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.m[key]
	if !ok || !now.Before(e.exp) {
		var zero V
		return zero, false
	}
	return e.v, true
}

// put stores v under key until now+ttl. With onlyNew it stores nothing
// when a live value is there, and reports whether it stored.
func (t *ttlMap[V]) put(key string, v V, ttl time.Duration, now time.Time, onlyNew bool) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.m[key]; ok && onlyNew && now.Before(e.exp) {
		return false
	}
	if len(t.m) >= maxTracked {
		t.evict(now)
	}
	t.m[key] = ttlEntry[V]{v, now.Add(ttl)}
	return true
}

// evict drops expired entries or, if none has expired, those expiring no
// later than the mean (at least the first to expire).
func (t *ttlMap[V]) evict(now time.Time) {
	var exps []time.Time
	for k, e := range t.m {
		if !now.Before(e.exp) {
			delete(t.m, k)
		} else {
			exps = append(exps, e.exp)
		}
	}
	if len(t.m) < maxTracked {
		return
	}
	mid := now
	for _, e := range exps {
		mid = mid.Add(e.Sub(now) / time.Duration(len(exps)))
	}
	for k, e := range t.m {
		if !e.exp.After(mid) {
			delete(t.m, k)
		}
	}
}
