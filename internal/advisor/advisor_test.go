package advisor_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/advisor"
)

func TestCleanQuestion(t *testing.T) {
	tests := []struct {
		name, in, want string
		code           string
	}{
		{"plain", "what salary?", "what salary?", ""},
		{"white space folded", "  what\n\tsalary \r\n ", "what salary", ""},
		{"control characters", "what\x00sal\x1bary", "what sal ary", ""},
		{"zero-width space inside a word", "Roma\u200bnia salary", "Romania salary", ""},
		{"every zero-width character", "a\u200bb\u200cc\u200dd\u2060e\ufefff", "abcdef", ""},
		{"bidi overrides and isolates", "\u202esalary\u202c \u2066in\u2069 \u200eRomania\u200f\u061c", "salary in Romania", ""},
		{"only invisible characters", "\u200b\u202e\ufeff", "", advisor.EINVALID},
		{"empty", "", "", advisor.EINVALID},
		{"only spaces", " \n\t ", "", advisor.EINVALID},
		{"invalid UTF-8", "what \xff salary", "", advisor.EINVALID},
		{"too long", strings.Repeat("a", advisor.MaxQuestionBytes+1), "", advisor.EINVALID},
		{"at the limit", strings.Repeat("a", advisor.MaxQuestionBytes), strings.Repeat("a", advisor.MaxQuestionBytes), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := advisor.CleanQuestion(tt.in)
			if code := advisor.ErrorCode(err); code != tt.code {
				t.Fatalf("CleanQuestion error code = %q (%v); want %q", code, err, tt.code)
			}
			if got != tt.want {
				t.Errorf("CleanQuestion = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestErrorCodeAndMessage(t *testing.T) {
	inv := advisor.Errorf(advisor.EINVALID, "bad %s", "thing")
	tests := []struct {
		err       error
		code, msg string
	}{
		{nil, "", ""},
		{inv, advisor.EINVALID, "bad thing"},
		{fmt.Errorf("wrapped: %w", inv), advisor.EINVALID, "bad thing"},
		{errors.New("disk on fire at /secret/path"), advisor.EINTERNAL, "Something went wrong on our side; please try again."},
	}
	for _, tt := range tests {
		if got := advisor.ErrorCode(tt.err); got != tt.code {
			t.Errorf("ErrorCode(%v) = %q; want %q", tt.err, got, tt.code)
		}
		if got := advisor.ErrorMessage(tt.err); got != tt.msg {
			t.Errorf("ErrorMessage(%v) = %q; want %q", tt.err, got, tt.msg)
		}
	}
}

func TestInvisible(t *testing.T) {
	invisible := []rune{0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
		0x200b, 0x200c, 0x200d, 0x2060, 0xfeff}
	visible := []rune{'a', ' ', 0x200a /* hair space */, 0x2010 /* hyphen */, 0x2029, 0x202f /* narrow no-break space */, 0x2065, 0x206a, 0x061b, 0x2061, 0xfefe, '€', '😀'}
	for _, r := range invisible {
		t.Run(fmt.Sprintf("U+%04X invisible", r), func(t *testing.T) {
			if !advisor.Invisible(r) {
				t.Errorf("Invisible(U+%04X) = false", r)
			}
			if got := advisor.StripInvisible("a" + string(r) + "b"); got != "ab" {
				t.Errorf("StripInvisible = %q; want \"ab\"", got)
			}
		})
	}
	for _, r := range visible {
		t.Run(fmt.Sprintf("U+%04X visible", r), func(t *testing.T) {
			if advisor.Invisible(r) {
				t.Errorf("Invisible(U+%04X) = true", r)
			}
			if s := "a" + string(r) + "b"; advisor.StripInvisible(s) != s {
				t.Errorf("StripInvisible changed %q", s)
			}
		})
	}
}
