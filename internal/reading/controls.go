package reading

import (
	"regexp"
	"strings"

	"github.com/careerbot/careerbot/internal/advisor"
)

// leadingPing is a mention or channel ping at the start of a message, with
// the spaces and marks before it: Discord's "@everyone", "@here",
// "<@123>", "<@!123>" (nickname), "<@&123>" (role) and "<#123>"
// (channel); Slack's "<@U123>", "<@U123|name>", "<#C123|general>",
// "<!here>", "<!channel>", "<!everyone>" and "<!subteam^S123>".
// Any "<@…>", "<#…>" or "<!…>" counts: no question starts with one, and
// reading must not turn what is left ("<!!0>") into one.
var leadingPing = regexp.MustCompile(`^[\s,;:.!\-–—]*(?:@(?:everyone|here|channel)\b|<[@#!][^<>\s|]*(?:\|[^<>]*)?>)`)

// Clean is what every question goes through before it is read, wherever
// it comes from (Discord, Slack, the command line): the characters that
// show nothing but change the display (bidi controls, zero-width
// characters; see advisor.Invisible) are dropped, and so are the mentions
// and channel pings it starts with ("<@U0BOT> @here what salary…?"), with
// the punctuation after them. A message of nothing else is left as it was
// (without the invisible characters), as chatter alone is.
func Clean(q string) string {
	q = advisor.StripInvisible(q)
	rest := q
	for {
		loc := leadingPing.FindStringIndex(rest)
		if loc == nil {
			break
		}
		rest = rest[loc[1]:]
	}
	if len(rest) == len(q) {
		return q
	}
	rest = strings.TrimLeft(rest, " \t\r\n,;:.!-–—")
	if rest == "" {
		return q
	}
	return rest
}
