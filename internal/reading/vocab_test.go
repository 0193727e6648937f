package reading

import (
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// osa is the optimal-string-alignment distance, computed in full.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestWithinMatchesFullDistance checks the pruned trie walk finds exactly
// the words a full distance computation finds, over random words from a
// small alphabet (so that many are near each other).
func TestWithinMatchesFullDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, 3+rng.IntN(8))
		for i := range b {
			b[i] = "abcde"[rng.IntN(5)]
		}
		return string(b)
	}
	v := vocab{count: map[string]int{}, place: map[string]string{}}
	for range 3000 {
		v.count[word()]++
	}
	v.build()
	for range 150 {
		w := word()
		for k := 1; k <= 2; k++ {
			got := map[string]int{}
			v.within(w, k, func(c string, d int) { got[c] = d })
			want := map[string]int{}
			for _, c := range v.words {
				if d := osa(c, w); d <= k {
					want[c] = d
				}
			}
			if !maps.Equal(got, want) {
				t.Fatalf("within(%q, %d) = %v; want %v", w, k, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
			}
		}
	}
}
