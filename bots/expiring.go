package bots

import (
	"container/list"
	"sync"
	"time"
)

// expiring is a bounded map whose entries expire: past its size the least
// recently put entry goes first. It is safe for concurrent use.
type expiring[V any] struct {
	max int
	now func() time.Time
	mu  sync.Mutex
	ll  *list.List // of *entry[V], most recently put at the front
	m   map[string]*list.Element
}

type entry[V any] struct {
	key     string
	v       V
	expires time.Time
}

func newExpiring[V any](max int) *expiring[V] {
	return &expiring[V]{max: max, now: time.Now, ll: list.New(), m: map[string]*list.Element{}}
}

// get returns the value under key unless it has expired.
func (c *expiring[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var zero V
	el, ok := c.m[key]
	if !ok {
		return zero, false
	}
	e := el.Value.(*entry[V])
	if !c.now().Before(e.expires) {
		c.ll.Remove(el)
		delete(c.m, key)
		return zero, false
	}
	return e.v, true
}

// put keeps v under key for ttl, replacing what was there.
func (c *expiring[V]) put(key string, v V, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(key, v, ttl)
}

func (c *expiring[V]) putLocked(key string, v V, ttl time.Duration) {
	exp := c.now().Add(ttl)
	if el, ok := c.m[key]; ok {
		e := el.Value.(*entry[V])
		e.v, e.expires = v, exp
		c.ll.MoveToFront(el)
		return
	}
	c.m[key] = c.ll.PushFront(&entry[V]{key, v, exp})
	for c.ll.Len() > c.max {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.m, old.Value.(*entry[V]).key)
	}
}

// add puts key for ttl and reports whether it was absent (or expired):
// a check and a put in one step, for "once per" rules.
func (c *expiring[V]) add(key string, v V, ttl time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.m[key]; ok && c.now().Before(el.Value.(*entry[V]).expires) {
		return false
	}
	c.putLocked(key, v, ttl)
	return true
}

func (c *expiring[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}
