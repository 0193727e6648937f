package reading

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// vocab is the words a typo may be corrected to: those the guides use,
// the lexicon's phrasings and the names of places. Built once; read-only
// afterwards. Bleve's term dictionary (FieldDictFuzzy) would do the
// search, but it holds stems ("salari"), not words a reply can show, and
// no place the guides do not name — and "romaina" must still read as
// Romania for the reply to say the guides do not cover it.
type vocab struct {
	words []string       // sorted, for walking as a trie
	lcp   []uint8        // the letters each word shares with the one before
	count map[string]int // how often the guides use each word; a place counts at least once
	place map[string]string
}

// minVocabLen is the shortest word kept: a four-letter typo is at most one
// edit from its word.
const minVocabLen = 3

// addText counts the words of text.
func (v *vocab) addText(text string) {
	var buf []byte
	flush := func() {
		if len(buf) >= minVocabLen {
			v.count[string(buf)]++ // no allocation unless the word is new
		}
		buf = buf[:0]
	}
	for _, r := range text {
		switch {
		case 'a' <= r && r <= 'z':
			buf = append(buf, byte(r))
		case 'A' <= r && r <= 'Z':
			buf = append(buf, byte(r+'a'-'A'))
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
}

// addPlace adds the words of a place's name, remembering how the name is
// written ("romania" → "Romania").
func (v *vocab) addPlace(name string) {
	for w := range strings.FieldsFuncSeq(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		if len(lw) < minVocabLen {
			continue
		}
		v.count[lw] = max(v.count[lw], 1)
		v.place[lw] = w
	}
}

func (v *vocab) build() {
	v.words = make([]string, 0, len(v.count))
	for w := range v.count {
		v.words = append(v.words, w)
	}
	slices.Sort(v.words)
	v.lcp = make([]uint8, len(v.words))
	for i := 1; i < len(v.words); i++ {
		v.lcp[i] = uint8(min(commonPrefix(v.words[i-1], v.words[i]), 255))
	}
}

// has reports whether the guides or the place names use w (lower case).
func (v *vocab) has(w string) bool {
	_, ok := v.count[w]
	return ok
}

// best returns the likeliest word the typo w (lower case) stands for: the
// nearest within maxDist edits (insertions, deletions, substitutions and
// swaps of two neighbours), then one with the same first letter, then the
// commonest, then the first alphabetically. ok is false if none is near.
func (v *vocab) best(w string, maxDist int) (word string, dist int, ok bool) {
	bestDist := maxDist + 1
	bestFirst, bestCount := false, 0
	v.within(w, maxDist, func(c string, d int) {
		first := c[0] == w[0]
		n := v.count[c]
		better := d < bestDist ||
			d == bestDist && (first && !bestFirst ||
				first == bestFirst && (n > bestCount || n == bestCount && c < word))
		if better {
			word, bestDist, bestFirst, bestCount = c, d, first, n
		}
	})
	return word, bestDist, word != ""
}

// within calls yield with every vocabulary word within k edits of w and
// its distance (optimal string alignment: a swap of two neighbours is one
// edit, so "romaina" is one from "romania"). It walks the sorted words as
// a trie, sharing the edit-distance rows of common prefixes and skipping
// every word under a prefix already too far from w.
func (v *vocab) within(w string, k int, yield func(word string, dist int)) {
	n := len(w)
	maxDepth := n + k + 1 // a word longer than this is over k away at its last row
	rows := make([]int, (maxDepth+1)*(n+1))
	row := func(d int) []int { return rows[d*(n+1) : (d+1)*(n+1)] }
	for j := range row(0) {
		row(0)[j] = j
	}
	rowMin := make([]int, maxDepth+1)
	depth := 0 // rows 0..depth hold the current word's first depth letters
	for i := 0; i < len(v.words); {
		c := v.words[i]
		depth = min(depth, int(v.lcp[i]))
		pruned := false
		for d := depth + 1; d <= len(c); d++ {
			if d > maxDepth {
				pruned = true
			} else {
				rowMin[d] = fillRow(row(d), row(d-1), rowsBack(rows, n, d), c, d, w, k)
				// Past this prefix no word comes back within k: every cell
				// of the next row builds on this one (≥ k+1) or, by a swap,
				// on the one before plus one.
				pruned = rowMin[d] > k && rowMin[d-1] >= k
			}
			if pruned {
				// Skip the words under this prefix: they share its d letters.
				for i++; i < len(v.words) && int(v.lcp[i]) >= d; i++ {
				}
				depth = d - 1
				break
			}
		}
		if pruned {
			continue
		}
		if dist := row(len(c))[n]; abs(len(c)-n) <= k && dist <= k {
			yield(c, dist)
		}
		depth = len(c)
		i++
	}
}

// rowsBack returns the row two above d, or nil at the top.
func rowsBack(rows []int, n, d int) []int {
	if d < 2 {
		return nil
	}
	return rows[(d-2)*(n+1) : (d-1)*(n+1)]
}

// fillRow computes the edit-distance row for the d-th letter of c against
// w from the rows above, and returns its smallest cell. Only the band of
// cells within k of the diagonal is computed: a cell outside it is over k
// anyway, and is set to k+1, which keeps every cell at most k exact.
func fillRow(cur, up, up2 []int, c string, d int, w string, k int) int {
	a := c[d-1]
	lo, hi := max(1, d-k), min(len(w), d+k)
	cur[0] = d
	if lo > 1 {
		cur[lo-1] = k + 1
	}
	if hi < len(w) {
		cur[hi+1] = k + 1
	}
	m := d
	if lo > 1 {
		m = k + 1
	}
	for j := lo; j <= hi; j++ {
		b := w[j-1]
		cost := 1
		if a == b {
			cost = 0
		}
		x := min(up[j]+1, cur[j-1]+1, up[j-1]+cost)
		if up2 != nil && j > 1 && a == w[j-2] && c[d-2] == b {
			x = min(x, up2[j-2]+1)
		}
		cur[j] = x
		m = min(m, x)
	}
	return m
}

func abs(x int) int { return max(x, -x) }

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// Knows reports whether the guides use word as written (any case): a
// question's "pythons" the guides never write is not their "Python", even
// where the two share a stem.
func (r *Reader) Knows(word string) bool {
	w := strings.ToLower(word)
	return len(w) < minVocabLen || r.v.has(w)
}
