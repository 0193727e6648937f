package bots

import (
	"context"
	"time"
)

// ContextStore keeps each conversation's previous question, so a
// follow-up ("and for juniors?") can be read with it. Keys name a
// conversation: a Slack thread, a Discord user in a channel. MemoryContext
// keeps them in process; a shared implementation lets replicas agree.
type ContextStore interface {
	// Previous returns the question last remembered under key, if it has
	// not expired.
	Previous(ctx context.Context, key string) (question string, ok bool)
	// Remember keeps question under key for ttl, replacing what was there.
	Remember(ctx context.Context, key, question string, ttl time.Duration)
}

// MemoryContext is a ContextStore in memory, bounded: past its size the
// least recently remembered conversation is forgotten first.
type MemoryContext struct{ c *expiring[string] }

var _ ContextStore = (*MemoryContext)(nil)

// NewMemoryContext returns a MemoryContext keeping at most max
// conversations.
func NewMemoryContext(max int) *MemoryContext {
	return &MemoryContext{c: newExpiring[string](max)}
}

// Previous implements ContextStore.
func (m *MemoryContext) Previous(_ context.Context, key string) (string, bool) { return m.c.get(key) }

// Remember implements ContextStore.
func (m *MemoryContext) Remember(_ context.Context, key, question string, ttl time.Duration) {
	m.c.put(key, question, ttl)
}

// Len returns how many conversations are kept, expired ones included
// until they are looked up or pushed out.
func (m *MemoryContext) Len() int { return m.c.len() }

// Conversation says where a question is asked, so a follow-up finds the
// question before it: Key names the conversation ("" for none) and TTL is
// how long a question is remembered there.
type Conversation struct {
	Key string
	TTL time.Duration
}

// Continues reports whether a question is remembered under key: whether a
// follow-up there would be read with one.
func (r *Responder) Continues(ctx context.Context, key string) bool {
	if r.context == nil {
		return false
	}
	_, ok := r.context.Previous(ctx, key)
	return ok
}

// Remember keeps question as the previous one of the conversation under
// key, for conversations an adapter starts itself (a thread it opens).
func (r *Responder) Remember(ctx context.Context, key, question string, ttl time.Duration) {
	if r.context != nil && key != "" {
		r.context.Remember(ctx, key, question, ttl)
	}
}
