package advisor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanQuestion validates a question as typed by a user and returns it with
// invisible characters (see Invisible) dropped, control characters turned
// into spaces and runs of white space folded. It returns an *Error with
// code EINVALID when the question is empty, longer than MaxQuestionBytes,
// or not valid UTF-8.
func CleanQuestion(q string) (string, error) {
	if !utf8.ValidString(q) {
		return "", Errorf(EINVALID, "The question is not valid UTF-8 text.")
	}
	if len(q) > MaxQuestionBytes {
		return "", Errorf(EINVALID, "The question is too long (%d bytes; the limit is %d). Ask one short question at a time.", len(q), MaxQuestionBytes)
	}
	q = strings.Join(strings.FieldsFunc(StripInvisible(q), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if q == "" {
		return "", Errorf(EINVALID, "The question is empty. Ask something like \"what salary for a senior ML engineer?\"")
	}
	return q, nil
}

// Invisible reports whether r changes how text around it displays while
// showing nothing itself: the bidirectional controls (U+202A–U+202E,
// U+2066–U+2069, U+200E, U+200F, U+061C), which can make a reply read
// backwards ("display spoofing"), and the zero-width characters (U+200B–
// U+200D, U+2060, U+FEFF), which hide inside words. Questions and
// everything sent to chat are stripped of them.
func Invisible(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r >= 0x200b && r <= 0x200f:
		return true
	case r == 0x061c, r == 0x2060, r == 0xfeff:
		return true
	}
	return false
}

// StripInvisible returns s without its invisible characters (see
// Invisible); s itself when it has none.
func StripInvisible(s string) string {
	i := strings.IndexFunc(s, Invisible)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !Invisible(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
