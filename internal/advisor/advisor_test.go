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
		{"zero width", "what\u200bsalary", "what salary", ""},
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
