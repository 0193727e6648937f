package bots

import (
	"context"
	"time"
)

// RateLimiter keeps each user's question budget. Implementations must be
// safe for concurrent use; package internal/shared has one kept in the
// process and one kept in Redis for replicas.
type RateLimiter interface {
	// Allow takes one question from key's budget. When it is spent, Allow
	// returns false and how long until the next question is allowed.
	Allow(ctx context.Context, key string) (ok bool, retryAfter time.Duration)
}

// Deduper remembers which requests were handled, so a platform's retry,
// or the same event delivered to two replicas, is answered once.
type Deduper interface {
	// Claim reports whether id is seen for the first time; only the
	// caller that gets true handles it.
	Claim(ctx context.Context, id string) bool
}
