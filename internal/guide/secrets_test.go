package guide_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/knowledge"
)

// Credentials of each shape, made up here (none is real).
const (
	slackBot     = "xoxb-2048123456-4096123456789-AbCdEfGhIjKlMnOpQrStUvWx"
	slackUser    = "xoxp-1234567890-1234567890-1234567890-0123456789abcdef0123456789abcdef"
	slackApp     = "xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef0123456789abcdef"
	discordBot   = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GbCdEf.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab"
	signing      = "8f742231b10e8888abcd99yyyzzz85a5"
	randomBase64 = "q8ZtB3vN0xLw7YpRk2JmH5sDfG9aCeU1"
)

func TestRedactSecrets(t *testing.T) {
	tests := []struct {
		name, line, what string // what: the kind the warning names; "" when the line stays
	}{
		{"Slack bot token", "Our bot uses " + slackBot + " in production.", "a Slack token"},
		{"Slack user token", slackUser, "a Slack token"},
		{"Slack app token", "app token: " + slackApp, "a Slack app token"},
		{"Discord bot token", "DISCORD=" + discordBot, "a Discord bot token"},
		{"Discord bot token in prose", "the token " + discordBot + " works", "a Discord bot token"},
		{"TOML signing secret", `signing_secret = "` + signing + `"`, "signing_secret"},
		{"TOML bot token", `bot_token = "xoxb-not-really-a-token"`, "a credential assigned to bot_token"},
		{"env file", "SLACK_SIGNING_SECRET=" + signing, "SLACK_SIGNING_SECRET"},
		{"env file export", "export DISCORD_BOT_TOKEN=abc.def.ghijklmnop", "DISCORD_BOT_TOKEN"},
		{"YAML api key", "api_key: sk_live_abcdef123456", "api_key"},
		{"YAML camel case", "  clientSecret: 'abcdefgh12345678'", "clientSecret"},
		{"JSON", `{"access_token": "ya29.a0AfH6SMBxyz"}`, "access_token"},
		{"password", "password: correct-horse-battery", "password"},
		{"hex key alone", "key " + signing, "a long random string"},
		{"base64 key alone", randomBase64, "a long random string"},
		{"Slack webhook", "post to https://hooks.slack.com/services/T000/B000/XXXXXXXX", "a webhook URL"},
		{"Discord webhook", "https://discord.com/api/webhooks/123/abc", "a webhook URL"},
		{"GitHub token", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "a GitHub token"},
		{"AWS key", "AKIAIOSFODNN7EXAMPLE", "an AWS access key"},
		{"key in a URL query", "https://maps.example.org/api?q=paris&key=" + randomBase64, "a credential in a URL"},
		{"token in a URL path", "https://api.example.net/v1/" + "ghp_abcdefghijklmnopqrstuvwxyz0123456789" + "/repos", "a GitHub token"},
		{"token assigned in a URL", "see https://example.net/cb?access_token=" + signing, "access_token"},

		{"prose about tokens", "Tokens: the units a language model reads, e.g. subwords.", ""},
		{"bold glossary", "**Token**: tokenization", ""},
		{"max tokens", "max_tokens = 4096", ""},
		{"empty key", `bot_token = ""`, ""},
		{"env reference", `bot_token = os.getenv("SLACK_BOT_TOKEN")`, ""},
		{"template", "SLACK_BOT_TOKEN=${SLACK_BOT_TOKEN}", ""},
		{"placeholder", "api_key: <your key>", ""},
		{"short value", "password: hunter2", ""},
		{"slug", "https://example.com/How-To-Become-A-Data-Scientist-In-2025-Complete-Guide", ""},
		{"slug alone", "How-To-Become-A-Data-Scientist-In-2025-Complete-Guide", ""},
		{"repository link", "  - [scutan90/DeepLearning-500-questions](https://github.com/scutan90/DeepLearning-500-questions)", ""},
		{"repository path", "see spidey1202/NLP-interview-questions-and-answers for more", ""},
		{"Google doc link", "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit", ""},
		{"scikit-learn", "sk-learn-tutorial-for-beginners-2025 and scikit-learn", ""},
		{"UUID", "id 123e4567-e89b-12d3-a456-426614174000", ""},
		{"long German word", "Kraftfahrzeughaftpflichtversicherung", ""},
		{"salary", "Senior: €4,500-€8,000/month (2025), $150,000–$220,000 total compensation", ""},
		{"table", "| api_key | string | the key Slack gives you |", ""},
		{"video playlist link", "- **Algebra**: [Vectors from Scratch](https://www.youtube.com/watch?v=Zq3Mn_r8AbC&list=PLxYz0aBcDeF1gHiJ2kLmN3oPqR4sTuV_wx) by someone", ""},
		{"shared file link", `{{< figure src="https://files.example.com/s/fi/abc9def8ghi7/Plot-2024-01-02.png?rl=7h3k9q2m5x8w1v4b6n0p3r5t&raw=1" caption="A plot" >}}`, ""},
		{"secret sauce", "The secret_sauce: consistency and curiosity", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("# Guide\n\n" + tt.line + "\nAfter.\n")
			out, ws := guide.RedactSecrets("g.md", data)
			if tt.what == "" {
				if !bytes.Equal(out, data) || len(ws) != 0 {
					t.Errorf("RedactSecrets changed a line without a credential: %q, %v", out, ws)
				}
				return
			}
			if want := "# Guide\n\n\nAfter.\n"; string(out) != want {
				t.Errorf("RedactSecrets = %q; want %q", out, want)
			}
			if len(ws) != 1 || ws[0].Line != 3 || !strings.Contains(ws[0].Message, tt.what) {
				t.Fatalf("warnings = %v; want one at line 3 naming %q", ws, tt.what)
			}
			for _, secret := range []string{slackBot, slackUser, slackApp, discordBot, signing, randomBase64} {
				if strings.Contains(ws[0].String(), secret) {
					t.Errorf("the warning quotes the credential: %s", ws[0])
				}
			}
		})
	}
}

func TestRedactPEM(t *testing.T) {
	tests := []struct {
		name, text, want string
		warnLines        []int
	}{
		{"RSA key between prose",
			"# Keys\n\nBefore.\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabcdef\n-----END RSA PRIVATE KEY-----\nAfter.\n",
			"# Keys\n\nBefore.\n\n\n\n\nAfter.\n", []int{4}},
		{"PKCS8 in a code fence",
			"```\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n```\n",
			"```\n\n\n\n```\n", []int{2}},
		{"no end: to the end of the file",
			"text\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nmore",
			"text\n\n\n", []int{2}},
		{"two blocks",
			"-----BEGIN EC PRIVATE KEY-----\nx\n-----END EC PRIVATE KEY-----\nmid\n-----BEGIN PRIVATE KEY-----\ny\n-----END PRIVATE KEY-----\n",
			"\n\n\nmid\n\n\n\n", []int{1, 5}},
		{"a public key stays",
			"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZI\n-----END PUBLIC KEY-----\n",
			"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZI\n-----END PUBLIC KEY-----\n", nil},
		{"CRLF line ends",
			"a\r\n-----BEGIN PRIVATE KEY-----\r\nAAAA\r\n-----END PRIVATE KEY-----\r\nb\r\n",
			"a\r\n\n\n\nb\r\n", []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, ws := guide.RedactSecrets("k.md", []byte(tt.text))
			if string(out) != tt.want {
				t.Errorf("RedactSecrets = %q; want %q", out, tt.want)
			}
			var lines []int
			for _, w := range ws {
				lines = append(lines, w.Line)
			}
			if len(lines) != len(tt.warnLines) || (len(lines) > 0 && !equalInts(lines, tt.warnLines)) {
				t.Errorf("warnings at lines %v; want %v (%v)", lines, tt.warnLines, ws)
			}
			if bytes.Count(out, []byte("\n")) != strings.Count(tt.text, "\n") {
				t.Errorf("line count changed: %q", out)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRedactKeepsRealGuides checks that no line of the guides this
// project holds — the bundled ones, and those the tests use — is taken
// for a credential.
func TestRedactKeepsRealGuides(t *testing.T) {
	check := func(t *testing.T, fsys fs.FS) {
		n := 0
		fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if _, ws := guide.RedactSecrets(p, data); len(ws) > 0 {
				t.Errorf("a line of a real guide was taken for a credential: %v", ws)
			}
			return nil
		})
		if n == 0 {
			t.Fatal("no guides checked")
		}
	}
	t.Run("bundled", func(t *testing.T) { check(t, knowledge.Guides()) })
	for _, dir := range []string{"../answer/testdata/quality/guides", "../answer/testdata/shapes", "../answer/testdata/reading"} {
		t.Run(filepath.Base(dir), func(t *testing.T) { check(t, os.DirFS(dir)) })
	}
}

func BenchmarkRedactSecrets(b *testing.B) {
	var data []byte
	fs.WalkDir(knowledge.Guides(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			bs, _ := fs.ReadFile(knowledge.Guides(), p)
			data = append(data, bs...)
		}
		return nil
	})
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		guide.RedactSecrets("all.md", data)
	}
}

// FuzzRedactSecrets checks that redaction keeps every line break, leaves
// each line as it was or empties it, names only lines it emptied, and
// finds nothing more in what it returns.
func FuzzRedactSecrets(f *testing.F) {
	for _, s := range []string{
		"# G\n\nsigning_secret = \"" + signing + "\"\nok\n",
		"a\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\nb",
		"-----BEGIN RSA PRIVATE KEY-----\n", slackBot + "\r\n" + discordBot, "api_key: <x>\nbot_token=" + slackApp,
		"https://hooks.slack.com/services/T/B/X " + randomBase64, "x=y:z=" + signing, "\n\n\n", "",
		"-----END PRIVATE KEY-----\n-----BEGIN PRIVATE KEY----- -----END PRIVATE KEY-----\nc",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, ws := guide.RedactSecrets("f.md", data)
		in, got := bytes.Split(data, []byte("\n")), bytes.Split(out, []byte("\n"))
		if len(in) != len(got) {
			t.Fatalf("%d lines became %d: %q", len(in), len(got), out)
		}
		// A long line (a page on one line) loses its credentials, not
		// itself: it may come out shorter, said so by its warning.
		cut := map[int]bool{}
		for _, w := range ws {
			if strings.HasPrefix(w.Message, "part of a long line removed") {
				cut[w.Line] = true
			}
		}
		emptied := map[int]bool{}
		for i := range in {
			switch {
			case bytes.Equal(in[i], got[i]):
			case len(got[i]) == 0:
				emptied[i+1] = true
			case cut[i+1] && len(got[i]) < len(in[i]):
				emptied[i+1] = true // redacted: a warning names it
			default:
				t.Fatalf("line %d %q became %q", i+1, in[i], got[i])
			}
		}
		for _, w := range ws {
			if !emptied[w.Line] {
				t.Fatalf("warning %v names a line kept", w)
			}
		}
		if len(emptied) > 0 && len(ws) == 0 {
			t.Fatalf("lines %v emptied without a warning", emptied)
		}
		if again, ws := guide.RedactSecrets("f.md", out); len(ws) > 0 || !bytes.Equal(again, out) {
			t.Fatalf("redacting again found %v in %q", ws, out)
		}
	})
}

// TestRedactLongLine checks a page written on one line loses the
// credential in it, not the page.
func TestRedactLongLine(t *testing.T) {
	page := `<html><head><title>Pay</title><link integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6R9GqQ8Kuxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"></head><body><p>` +
		strings.Repeat("Seniors earn more than juniors. ", 40) + `</p></body></html>`
	out, ws := guide.RedactSecrets("p.html", []byte(page))
	if len(ws) == 0 {
		t.Fatal("no warning for the random string")
	}
	if !strings.Contains(ws[0].Message, "part of a long line") {
		t.Errorf("warning %q; want it to say only part of the line went", ws[0].Message)
	}
	if !bytes.Contains(out, []byte("Seniors earn more than juniors.")) || bytes.Contains(out, []byte("oqVuAfXRKap7")) {
		t.Errorf("redacted page = %q; want the text kept and the string gone", out)
	}
}
