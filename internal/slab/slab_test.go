package slab

import (
	"slices"
	"testing"
	"unsafe"
)

func TestCopy(t *testing.T) {
	tests := []struct {
		name string
		size int
		in   [][]int
	}{
		{"empty slices come back nil", 8, [][]int{nil, {}}},
		{"small slices share a chunk", 8, [][]int{{1}, {2, 3}}},
		{"a slice past a chunk's free room starts a new one", 8, [][]int{{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}}},
		{"a slice over a quarter of a chunk is copied alone", 8, [][]int{{1}, {1, 2, 3, 4, 5, 6, 7, 8, 9}, {2}}},
		{"a size under one still copies", 0, [][]int{{1}, {2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New[int](tt.size)
			var out [][]int
			for _, in := range tt.in {
				c := s.Copy(in)
				if len(in) == 0 && c != nil {
					t.Fatalf("Copy(%v) = %v; want nil", in, c)
				}
				if cap(c) != len(c) {
					t.Fatalf("Copy(%v) has capacity %d past its length %d: an append would write over a neighbour", in, cap(c), len(c))
				}
				out = append(out, c)
			}
			// Appending to one copy must leave every other intact.
			for i := range out {
				_ = append(out[i], -1)
			}
			for i, in := range tt.in {
				if !slices.Equal(out[i], in) {
					t.Errorf("copy %d = %v; want %v", i, out[i], in)
				}
				if len(in) > 0 {
					in[0] = -2 // the copy must not alias its source
					if out[i][0] == -2 {
						t.Errorf("copy %d aliases its source", i)
					}
				}
			}
		})
	}
}

// TestShared checks that small copies land in one chunk: the point of a
// slab is one allocation for many slices.
func TestShared(t *testing.T) {
	s := New[int](16)
	a, b := s.Copy([]int{1, 2}), s.Copy([]int{3})
	if uintptr(unsafe.Pointer(&b[0]))-uintptr(unsafe.Pointer(&a[0])) != 2*unsafe.Sizeof(a[0]) {
		t.Fatalf("two small copies do not sit side by side in one chunk")
	}
}
