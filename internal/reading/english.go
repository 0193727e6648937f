package reading

import (
	_ "embed"
	"strings"
)

// english is a list of English words of four letters or more, lower case,
// one a line, sorted bytewise: SCOWL's size-35 American and British lists
// (Debian's wamerican-small and wbritish-small, 2020.12.07; licence in
// english.LICENSE) without proper names, abbreviations and possessives.
// A word in it is not a typo even when no guide uses it: "bake" is not a
// misspelt "make", nor "weather" of "whether".
//
//go:embed english.txt
var english string

// IsEnglish reports whether w is an English word of four letters or more
// (any case): a word of the language, not a name nor a term of the trade.
func IsEnglish(w string) bool { return isEnglish(strings.ToLower(w)) }

// isEnglish reports whether w (lower case) is an English word. It
// searches the embedded list in place, so it costs nothing at start-up.
func isEnglish(w string) bool {
	lo, hi := 0, len(english) // english[lo:hi] holds whole lines
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(english[lo:mid], '\n') + 1 + lo
		end := strings.IndexByte(english[start:hi], '\n')
		if end < 0 {
			end = hi
		} else {
			end += start
		}
		switch line := english[start:end]; {
		case line == w:
			return true
		case line < w:
			lo = end + 1
		default:
			hi = start
		}
	}
	return false
}

// englishNeighbour reports whether an English word other than except is
// one edit from w (lower case ASCII): a letter left out, added, changed or
// two neighbours swapped.
func englishNeighbour(w, except string) bool {
	is := func(c string) bool { return c != except && isEnglish(c) }
	b := []byte(w)
	for i := range b {
		if is(w[:i] + w[i+1:]) {
			return true
		}
		if i+1 < len(b) && b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
			ok := is(string(b))
			b[i], b[i+1] = b[i+1], b[i]
			if ok {
				return true
			}
		}
		orig := b[i]
		for c := byte('a'); c <= 'z'; c++ {
			if c == orig {
				continue
			}
			b[i] = c
			if is(string(b)) {
				b[i] = orig
				return true
			}
		}
		b[i] = orig
	}
	for i := 0; i <= len(w); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			if is(w[:i] + string(c) + w[i:]) {
				return true
			}
		}
	}
	return false
}
