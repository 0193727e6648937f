// Package shared keeps the state careerbot's replicas must share — which
// requests were already answered, each user's question budget, the
// context of a conversation — in Redis when one is configured, and in the
// process otherwise.
//
// Redis calls have short deadlines. When one fails, the failure is logged
// (at most once every 10 s) and the call is answered from the process's
// own state, so a Redis outage costs at most a duplicate answer or a
// looser limit, never an answer.
package shared

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

// callTimeout bounds one Redis call when the URL sets no timeout: Discord
// wants a first response within 3 s, so Redis gets a small part of it.
const callTimeout = 500 * time.Millisecond

// State is where shared state lives: Redis, or the process.
type State struct {
	rdb    *redis.Client // nil: in process only
	prefix string
	log    *slog.Logger
	now    func() time.Time

	lastLog atomic.Int64 // unix nanoseconds of the last logged Redis failure
}

// Local returns a State kept in the process: right for one process.
func Local(log *slog.Logger) *State {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &State{log: log, now: time.Now}
}

// Open connects to the Redis at url (redis://, rediss:// or unix://) and
// checks it answers. Every key starts with prefix. The error never holds
// the URL, which may carry a password.
func Open(ctx context.Context, url, prefix string, log *slog.Logger) (*State, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, errors.New("redis.url: cannot be parsed")
	}
	if opt.ReadTimeout == 0 {
		opt.ReadTimeout = callTimeout
	}
	if opt.WriteTimeout == 0 {
		opt.WriteTimeout = callTimeout
	}
	if opt.DialTimeout == 0 {
		opt.DialTimeout = 2 * time.Second
	}
	opt.MaxRetries = 1
	s := Local(log)
	s.rdb, s.prefix = redis.NewClient(opt), prefix
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.rdb.Ping(pctx).Err(); err != nil {
		s.rdb.Close()
		return nil, fmt.Errorf("redis: %s unreachable: %w", opt.Addr, err)
	}
	return s, nil
}

// Shared reports whether the state is kept in Redis.
func (s *State) Shared() bool { return s.rdb != nil }

// Close closes the Redis connections, if any.
func (s *State) Close() error {
	if s.rdb == nil {
		return nil
	}
	return s.rdb.Close()
}

// failed logs a Redis failure, at most once every 10 s so an outage does
// not flood the logs.
func (s *State) failed(what string, err error) {
	now := s.now().UnixNano()
	last := s.lastLog.Load()
	if now-last < int64(10*time.Second) || !s.lastLog.CompareAndSwap(last, now) {
		return
	}
	s.log.Warn("redis failed; using this process's state", "op", what, "err", err)
}

// Claims records request ids for ttl; see Claim.
type Claims struct {
	s     *State
	ttl   time.Duration
	local *ttlMap[struct{}]
}

// Claims returns claims that remember an id for ttl: long enough to
// outlive a platform's retries (Slack retries for about 5 minutes).
func (s *State) Claims(ttl time.Duration) *Claims {
	return &Claims{s: s, ttl: ttl, local: newTTLMap[struct{}]()}
}

// Claim reports whether id is seen for the first time by any replica
// (SET NX with a TTL in Redis).
func (c *Claims) Claim(ctx context.Context, id string) bool {
	if c.s.rdb != nil {
		ok, err := c.s.rdb.SetNX(ctx, c.s.prefix+"seen:"+id, 1, c.ttl).Result()
		if err == nil {
			return ok
		}
		c.s.failed("claim", err)
	}
	return c.local.put(id, struct{}{}, c.ttl, c.s.now(), true)
}

// Limiter keeps per-key question budgets; see Allow.
type Limiter struct {
	s     *State
	limit redis_rate.Limit
	rl    *redis_rate.Limiter
	local *localLimiter
}

// Limiter returns a limiter that lets each key ask burst questions at
// once and one more every interval after that.
func (s *State) Limiter(every time.Duration, burst int) *Limiter {
	l := &Limiter{s: s, limit: redis_rate.Limit{Rate: 1, Period: every, Burst: burst}, local: newLocalLimiter(every, burst)}
	if s.rdb != nil {
		l.rl = redis_rate.NewLimiter(s.rdb)
	}
	return l
}

// Allow takes one question from key's budget, across replicas when in
// Redis (GCRA in one round trip). When the budget is spent it returns
// false and how long until the next question is allowed.
func (l *Limiter) Allow(ctx context.Context, key string) (bool, time.Duration) {
	if l.rl != nil {
		res, err := l.rl.Allow(ctx, l.s.prefix+key, l.limit)
		if err == nil {
			return res.Allowed > 0, max(res.RetryAfter, 0)
		}
		l.s.failed("rate limit", err)
	}
	return l.local.allow(key)
}

// Conversations keeps the last question asked in a conversation, for
// follow-ups. Failures are logged, never returned: a follow-up without
// context is still answered.
type Conversations struct {
	s     *State
	local *ttlMap[string]
}

// Conversations returns the conversation store.
func (s *State) Conversations() *Conversations {
	return &Conversations{s: s, local: newTTLMap[string]()}
}

// Previous returns the question last remembered under key, if it has not
// expired.
func (c *Conversations) Previous(ctx context.Context, key string) (string, bool) {
	if c.s.rdb == nil {
		return c.local.get(key, c.s.now())
	}
	q, err := c.s.rdb.Get(ctx, c.s.prefix+"conv:"+key).Result()
	switch {
	case err == nil:
		return q, true
	case !errors.Is(err, redis.Nil):
		c.s.failed("conversation read", err)
	}
	return "", false
}

// Remember records question under key for ttl.
func (c *Conversations) Remember(ctx context.Context, key, question string, ttl time.Duration) {
	if c.s.rdb == nil {
		c.local.put(key, question, ttl, c.s.now(), false)
		return
	}
	if err := c.s.rdb.Set(ctx, c.s.prefix+"conv:"+key, question, ttl).Err(); err != nil {
		c.s.failed("conversation write", err)
	}
}
