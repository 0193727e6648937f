package reading_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/reading"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"nothing to clean", "what salary for senior ML in Romania?", "what salary for senior ML in Romania?"},
		{"@everyone", "@everyone what salary?", "what salary?"},
		{"@here", "@here: what salary?", "what salary?"},
		{"Discord user", "<@123456789012345678> what salary?", "what salary?"},
		{"Discord nickname", "<@!123456789012345678>, what salary?", "what salary?"},
		{"Discord role", "<@&987> what salary?", "what salary?"},
		{"Discord channel", "<#123> what salary?", "what salary?"},
		{"Slack user", "<@U0BOT> what salary?", "what salary?"},
		{"Slack user with name", "<@U0BOT|careerbot> what salary?", "what salary?"},
		{"Slack channel", "<#C123|general> what salary?", "what salary?"},
		{"Slack here", "<!here> what salary?", "what salary?"},
		{"Slack channel ping", "<!channel> - what salary?", "what salary?"},
		{"Slack everyone", "<!everyone> what salary?", "what salary?"},
		{"Slack user group", "<!subteam^S123|@ml-team> what salary?", "what salary?"},
		{"several", "<@U1> <@!2> @everyone <!here>: what salary?", "what salary?"},
		{"no space after", "<@U1>what salary?", "what salary?"},
		{"a mention later stays", "what does <@U1> earn?", "what does <@U1> earn?"},
		{"an address is no ping", "@everyoneelse what salary?", "@everyoneelse what salary?"},
		{"an e-mail is no ping", "me@here.com what salary?", "me@here.com what salary?"},
		{"only a mention", "<@U0BOT>", "<@U0BOT>"},
		{"any bracketed ping shape", "<!!0> <@!!x> what salary?", "what salary?"},
		{"a label with spaces", "<@U1|Ana Pop> what salary?", "what salary?"},
		{"a bracket that is no ping", "<3 what salary?", "<3 what salary?"},
		{"only pings", "@here @everyone", "@here @everyone"},
		{"bidi override", "\u202ewhat salary\u202c?", "what salary?"},
		{"isolates and marks", "\u2066what\u2069 \u200esalary\u200f\u061c?", "what salary?"},
		{"zero width inside a word", "Roma\u200bnia sal\u200cary\u2060\ufeff", "Romania salary"},
		{"zero width hiding a ping", "@\u200beveryone what salary?", "what salary?"},
		{"invisible before a mention", "\u200b<@U1> what salary?", "what salary?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reading.Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestReadCleans checks that Read cleans the question first: a leading
// ping or a hidden character changes nothing of the reading.
func TestReadCleans(t *testing.T) {
	r := newReader(guideText...)
	want := r.Read("jr DS salery in the US")
	for _, q := range []string{"<@U0BOT> jr DS salery in the US", "@everyone jr DS salery in the US", "<@!42>, jr DS sal\u200bery in the \u202eUS"} {
		t.Run(q, func(t *testing.T) {
			got := r.Read(q)
			if got.Text != want.Text || got.Shown != want.Shown {
				t.Errorf("Read(%q) = %+v; want %+v", q, got, want)
			}
		})
	}
}

// FuzzClean checks that a cleaned question holds no invisible character,
// is what is left of the question without them, and stays as it is when
// cleaned again.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"<@U1> <@!2> @everyone <!here>: what salary?", "<!subteam^S1|@x> q", "<#C1|general>",
		"@\u200beveryone hi", "\u202e\u2066x\u2069", "<@", "<@>", "<!>", "@here", " ,:- <@1>", "<@U1|<@U2>> q", "\ufeff@here\ufeffq"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) {
			return
		}
		got := reading.Clean(q)
		if strings.IndexFunc(got, advisor.Invisible) >= 0 {
			t.Fatalf("Clean(%q) = %q holds an invisible character", q, got)
		}
		if !strings.HasSuffix(advisor.StripInvisible(q), got) {
			t.Fatalf("Clean(%q) = %q is not what is left of it", q, got)
		}
		if again := reading.Clean(got); again != got {
			t.Fatalf("Clean(%q) = %q, cleaned again %q", q, got, again)
		}
	})
}
