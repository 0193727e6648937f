package guide

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
)

// RedactSecrets empties every line of data shaped like a credential — a
// Slack or Discord token, a webhook URL, a PEM private key block, an
// assignment to a *_secret, *_token, api_key or password, a long
// high-entropy string — keeping the line breaks, so the line numbers of
// the rest stay true. It returns data itself when nothing was found, and
// a warning naming each line it emptied (never what the line held).
// Loading calls it on every file before Parse: a credential that reaches
// a guides directory, by a link or a paste, is never indexed or quoted.
func RedactSecrets(source string, data []byte) ([]byte, []Warning) {
	var out []byte // a copy, made at the first line removed
	var warnings []Warning
	inKey := false // inside a PEM private key block
	for line, start := 1, 0; start <= len(data); line++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		text := data[start:end]
		what, warn := "", true
		var kept []byte // in a long line, the line without its credentials; else all goes
		switch {
		case inKey: // warned about at its first line
			what, warn = "a PEM private key", false
			inKey = !pemEnd(text)
		case pemBegin(text):
			what = "a PEM private key"
			inKey = !pemEnd(text)
		default:
			what, _ = secretIn(text)
			if what != "" && len(text) > longLine {
				// A page written on one line (minified HTML) loses its
				// credentials, not the page.
				kept = cutSecrets(text)
			}
		}
		switch {
		case what != "" && out == nil:
			out = append(make([]byte, 0, len(data)), data[:start]...)
		case what == "" && out != nil:
			out = append(out, text...)
		}
		out = append(out, kept...)
		if what != "" && warn {
			removed := "line removed"
			if kept != nil {
				removed = "part of a long line removed"
			}
			warnings = append(warnings, Warning{Source: source, Line: line,
				Message: fmt.Sprintf("%s: it looks like %s; credentials are never indexed or quoted", removed, what)})
		}
		if end < len(data) && out != nil {
			out = append(out, '\n')
		}
		start = end + 1
	}
	if out == nil {
		return data, nil
	}
	return out, warnings
}

func pemBegin(line []byte) bool {
	l := bytes.TrimSpace(line)
	return bytes.HasPrefix(l, []byte("-----BEGIN ")) && bytes.Contains(l, []byte("PRIVATE KEY"))
}

func pemEnd(line []byte) bool { return bytes.Contains(line, []byte("-----END ")) }

// cutSecrets returns line without the credential words in it, or nil when
// a credential is not one word (an assignment: the line goes whole).
func cutSecrets(line []byte) []byte {
	out := slices.Clone(line)
	for {
		what, at := secretIn(out)
		switch {
		case what == "":
			return out
		case at[1] <= at[0]:
			return nil
		}
		out = append(out[:at[0]], out[at[1]:]...)
	}
}

// longLine is the length above which a line is a page written on one
// line rather than a line of text: a credential word in it is cut out alone.
const longLine = 1000

// secretIn names the kind of credential line holds, or returns ""; at is
// the span of the credential word when one word is it (zero for an
// assignment, whose whole line goes).
func secretIn(line []byte) (what string, at [2]int) {
	if len(line) < 8 {
		return "", at
	}
	if bytes.IndexAny(line, "=:") >= 0 {
		if what := assignment(string(line)); what != "" {
			return what, at
		}
	}
	for i := 0; i < len(line); {
		for i < len(line) && isWordBreak(rune(line[i])) {
			i++
		}
		j := i
		if bytes.HasPrefix(line[i:], []byte("//")) && i > 0 && line[i-1] == ':' {
			// A URL ("https://…?v=…&list=…") runs through the marks of its
			// query: its values are a link's, not words of their own.
			for j < len(line) && !urlEnd(line[j]) {
				j++
			}
			if what := secretWord(string(line[i:j])); what != "" {
				return what, [2]int{i, j}
			}
			if what := urlSecret(string(line[i:j])); what != "" {
				return what, [2]int{i, j}
			}
			i = j
			continue
		}
		for j < len(line) && !isWordBreak(rune(line[j])) {
			j++
		}
		if j-i >= 15 {
			if what := secretWord(string(line[i:j])); what != "" {
				return what, [2]int{i, j}
			}
		}
		i = j
	}
	return "", at
}

// isWordBreak separates the words secretWord looks at: white space,
// quotes, brackets and the marks of an assignment, but not the dots,
// dashes and slashes inside tokens and URLs ("https://x" is "https" and
// "//x").
func isWordBreak(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '"', '\'', '`', '(', ')', '[', ']', '{', '}', '<', '>', ',', ';', '|', '*', '=', ':':
		return true
	}
	return false
}

// urlEnd reports whether c ends a URL written in text or Markdown.
func urlEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '"', '\'', '`', '(', ')', '[', ']', '{', '}', '<', '>', ',', '|', '*':
		return true
	}
	return false
}

// urlSecret names the credential a URL holds: a token in its path or
// query, or a random value given to a parameter named for a key
// ("?key=…", "&sig=…"); a link's ids ("?v=fNk_zzaMoSs&list=PLZH…") are
// not. It returns "" for none.
func urlSecret(u string) string {
	path, query, _ := strings.Cut(u, "?")
	for _, part := range strings.Split(path, "/") {
		if what := tokenWord(part); what != "" {
			return what
		}
	}
	for _, pair := range strings.FieldsFunc(query, func(r rune) bool { return r == '&' || r == ';' || r == '#' }) {
		name, value, _ := strings.Cut(pair, "=")
		if what := tokenWord(value); what != "" {
			return what
		}
		if urlKeyNames[strings.ToLower(name)] && len(value) >= 16 {
			return "a credential in a URL"
		}
	}
	return ""
}

// urlKeyNames are the query parameters whose value is a credential.
var urlKeyNames = map[string]bool{"key": true, "api_key": true, "apikey": true, "token": true, "access_token": true,
	"auth": true, "sig": true, "signature": true, "secret": true, "client_secret": true, "password": true,
	"x-amz-signature": true, "x-amz-credential": true, "x-goog-signature": true}

// tokenShapes are the credentials known by how they start.
var tokenShapes = []struct {
	prefix, what string
	minLen       int
	mixed        bool // the body mixes lower and upper case with digits
}{
	{"xoxb-", "a Slack token", 15, false}, {"xoxp-", "a Slack token", 15, false}, {"xoxa-", "a Slack token", 15, false},
	{"xoxo-", "a Slack token", 15, false}, {"xoxs-", "a Slack token", 15, false}, {"xoxr-", "a Slack token", 15, false},
	{"xoxe-", "a Slack token", 15, false}, {"xoxe.xoxp-", "a Slack token", 15, false}, {"xapp-", "a Slack app token", 15, false},
	{"ghp_", "a GitHub token", 36, false}, {"gho_", "a GitHub token", 36, false}, {"ghu_", "a GitHub token", 36, false},
	{"ghs_", "a GitHub token", 36, false}, {"ghr_", "a GitHub token", 36, false}, {"github_pat_", "a GitHub token", 40, false},
	{"AKIA", "an AWS access key", 20, false}, {"ASIA", "an AWS access key", 20, false},
	{"sk-", "an API key", 23, true}, {"sk_live_", "an API key", 24, false},
}

// webhooks are URLs that are credentials themselves.
var webhooks = []string{"hooks.slack.com/services/", "discord.com/api/webhooks/", "discordapp.com/api/webhooks/"}

// tokenWord names the credential w is by its prefix (a Slack, GitHub or
// AWS key, a Discord bot token), or returns "".
func tokenWord(w string) string {
	for _, s := range tokenShapes {
		if len(w) >= s.minLen && strings.HasPrefix(w, s.prefix) && tokenBody(w[len(s.prefix):], s.mixed) {
			return s.what
		}
	}
	if discordToken(w) {
		return "a Discord bot token"
	}
	return ""
}

// secretWord names the credential a word is, or returns "".
func secretWord(w string) string {
	if what := tokenWord(w); what != "" {
		return what
	}
	for _, h := range webhooks {
		if strings.Contains(w, h) {
			return "a webhook URL"
		}
	}
	if strings.HasPrefix(w, "//") || strings.HasPrefix(w, "www.") {
		return "" // a link: its path is not a credential by its looks
	}
	for _, run := range strings.FieldsFunc(w, func(r rune) bool { return !isBase64(r) }) {
		if highEntropy(run) {
			return "a long random string (a key or token)"
		}
	}
	return ""
}

// tokenBody reports whether s, after a token's prefix, is made of a
// token's characters and holds a digit (and, when mixed, both cases):
// "sk-learn-tutorial-2025" is not a key.
func tokenBody(s string, mixed bool) bool {
	var digit, lower, upper bool
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case isBase64(r), r == '.':
		default:
			return false
		}
	}
	return digit && (!mixed || lower && upper)
}

// discordToken reports whether w is shaped like a Discord bot token: the
// bot's id in base64, a timestamp, an HMAC, joined by dots.
func discordToken(w string) bool {
	parts := strings.Split(strings.TrimRight(w, ".:"), ".")
	if len(parts) != 3 || len(parts[0]) < 23 || len(parts[0]) > 28 || len(parts[1]) < 6 || len(parts[1]) > 7 || len(parts[2]) < 27 {
		return false
	}
	for _, p := range parts {
		for _, r := range p {
			if !isBase64(r) || r == '+' || r == '/' || r == '=' {
				return false
			}
		}
	}
	// The first part is a snowflake in base64: it starts with M, N or O.
	return strings.ContainsRune("MNO", rune(parts[0][0]))
}

func isBase64(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '/' || r == '=' || r == '_' || r == '-'
}

// highEntropy reports whether run, a string of base64 characters, looks
// random rather than written: 24 or more letters and digits mixed
// ("8f742231b10e8888abcd99yyyzzz85a5"), or 32 or more characters of all
// three cases with few separators (not a slug such as
// "How-To-Become-A-Data-Scientist-In-2025").
func highEntropy(run string) bool {
	if len(run) < 24 {
		return false
	}
	var lower, upper, digit, sep int
	for i := 0; i < len(run); i++ {
		c := run[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower++
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= '0' && c <= '9':
			digit++
		default:
			sep++
		}
	}
	n := len(run)
	letters := lower + upper
	switch {
	case sep == 0 && digit*100 >= n*15 && letters*100 >= n*15:
		return entropy(run) >= 3
	case n >= 32 && lower > 0 && upper > 0 && digit > 0 && sep*10 <= n && !pathOfNames(run):
		return entropy(run) >= 4
	}
	return false
}

// pathOfNames reports whether run is made of three or more short names
// joined by slashes, dashes or underscores, as a repository's path is
// ("scutan90/DeepLearning-500-questions"): random text of that length
// holds a long run between its separators.
func pathOfNames(run string) bool {
	parts := strings.FieldsFunc(run, func(r rune) bool { return r == '/' || r == '-' || r == '_' })
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if len(p) > 12 {
			return false
		}
	}
	return true
}

// entropy is s's Shannon entropy in bits per character.
func entropy(s string) float64 {
	var count [256]int
	for i := 0; i < len(s); i++ {
		count[s[i]]++
	}
	h := 0.0
	for _, c := range count {
		if c > 0 {
			p := float64(c) / float64(len(s))
			h -= p * math.Log2(p)
		}
	}
	return h
}

// secretKeys are the names whose value is a credential when assigned: as
// the last part of a name of several ("signing_secret", "SLACK_BOT_TOKEN"),
// or as the whole name.
var (
	secretLastParts = map[string]bool{"secret": true, "token": true, "password": true, "passwd": true, "apikey": true, "pat": true}
	secretNames     = map[string]bool{"password": true, "passwd": true, "apikey": true, "api_key": true, "secret_key": true,
		"access_key": true, "private_key": true, "hash_key": true, "secret_access_key": true, "client_secret": true}
)

// assignment names the credential an assignment in line sets ("bot_token
// = …", "api_key: …", "SLACK_SIGNING_SECRET=…"), or returns "". A value
// that refers to one elsewhere ("${TOKEN}", "os.getenv(…)", "<token>") or
// is short or empty is not one.
func assignment(s string) string {
	for off := 0; off < len(s); {
		i := strings.IndexAny(s[off:], "=:")
		if i < 0 {
			return ""
		}
		i += off
		off = i + 1
		key := strings.TrimRight(s[:i], " \t\"'`*")
		j := len(key)
		for j > 0 && (isKeyByte(key[j-1])) {
			j--
		}
		key = key[j:]
		if key == "" || !secretKey(key) {
			continue
		}
		v := strings.TrimLeft(s[i+1:], " \t=\"'`")
		if k := strings.IndexAny(v, " \t\"'`,;"); k >= 0 {
			v = v[:k]
		}
		if len(v) >= 8 && !strings.ContainsAny(v, "$({<%") {
			return "a credential assigned to " + key
		}
	}
	return ""
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

// secretKey reports whether an assigned name holds a credential.
func secretKey(key string) bool {
	k := strings.ToLower(key)
	if secretNames[k] {
		return true
	}
	parts := strings.FieldsFunc(k, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(parts) < 2 {
		return strings.HasSuffix(k, "apikey") || camelSecret(key)
	}
	last := parts[len(parts)-1]
	return secretLastParts[last] || last == "key" && (parts[len(parts)-2] == "api" || parts[len(parts)-2] == "secret" || parts[len(parts)-2] == "private")
}

// camelSecret reports whether a camel-case name ends in Secret, Token or
// Password after another word ("clientSecret", "botToken").
func camelSecret(key string) bool {
	for _, suffix := range []string{"Secret", "Token", "Password", "Key"} {
		if strings.HasSuffix(key, suffix) && len(key) > len(suffix) {
			head := strings.ToLower(key[:len(key)-len(suffix)])
			if suffix != "Key" || strings.HasSuffix(head, "api") || strings.HasSuffix(head, "secret") || strings.HasSuffix(head, "private") {
				return head != ""
			}
		}
	}
	return false
}
