package bots

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxTracked bounds the users a Limiter remembers; idle users are
// forgotten first, so memory stays bounded under a flood of new ids.
const maxTracked = 10000

// Limiter is a per-user token bucket. It is safe for concurrent use.
type Limiter struct {
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

// NewLimiter lets each user ask burst questions at once and one more every
// interval after that.
func NewLimiter(every time.Duration, burst int) *Limiter {
	return &Limiter{every: every, burst: burst, now: time.Now, users: map[string]*userLimit{}}
}

// Allow takes one question from user's budget. When the budget is spent it
// returns false and how long until the next question is allowed.
func (l *Limiter) Allow(user string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	u, ok := l.users[user]
	if !ok {
		if len(l.users) >= maxTracked {
			l.forgetIdle(now)
		}
		u = &userLimit{lim: rate.NewLimiter(rate.Every(l.every), l.burst)}
		l.users[user] = u
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
func (l *Limiter) forgetIdle(now time.Time) {
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
