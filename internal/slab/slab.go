// Package slab keeps many small slices that live as long as each other in
// a few large chunks. An engine keeps tens of thousands of small term sets
// and passage lists for as long as it serves; allocated one by one, among
// the garbage of indexing, each sits in a span of its own size class that
// the garbage around it leaves mostly empty, so the heap the process holds
// is about twice what it keeps. Copied into chunks, they fill their spans.
package slab

// Slab copies slices into shared chunks. The zero value is not usable;
// make one with New. A Slab is not safe for concurrent use.
type Slab[T any] struct {
	chunk []T
	size  int
}

// New returns a slab whose chunks hold size elements each.
func New[T any](size int) *Slab[T] {
	return &Slab[T]{size: max(1, size)}
}

// Copy returns a copy of xs at its exact length and capacity, so that an
// append to it reallocates rather than writing over its neighbour. A
// slice over a quarter of a chunk gets an allocation of its own: it
// fills its span by itself, and would waste the rest of a chunk.
// Copy returns nil for an empty xs.
func (s *Slab[T]) Copy(xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	if len(xs) > s.size/4 {
		c := make([]T, len(xs))
		copy(c, xs)
		return c
	}
	if cap(s.chunk)-len(s.chunk) < len(xs) {
		s.chunk = make([]T, 0, s.size)
	}
	n := len(s.chunk)
	s.chunk = append(s.chunk, xs...)
	return s.chunk[n:len(s.chunk):len(s.chunk)]
}
