package advisor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanQuestion validates a question as typed by a user and returns it with
// control characters turned into spaces and runs of white space folded.
// It returns an *Error with code EINVALID when the question is empty, longer
// than MaxQuestionBytes, or not valid UTF-8.
func CleanQuestion(q string) (string, error) {
	if !utf8.ValidString(q) {
		return "", Errorf(EINVALID, "The question is not valid UTF-8 text.")
	}
	if len(q) > MaxQuestionBytes {
		return "", Errorf(EINVALID, "The question is too long (%d bytes; the limit is %d). Ask one short question at a time.", len(q), MaxQuestionBytes)
	}
	q = strings.Join(strings.FieldsFunc(q, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff'
	}), " ")
	if q == "" {
		return "", Errorf(EINVALID, "The question is empty. Ask something like \"what salary for a senior ML engineer?\"")
	}
	return q, nil
}
