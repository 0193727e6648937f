// Package bots holds what the Discord and Slack adapters share: rendering
// an answer into titled pieces that fit a platform's limits, cutting text
// cleanly, a per-user rate limit, and the Responder that turns a chat
// question into an answer or a user-safe error.
package bots

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careerbot/careerbot/internal/advisor"
)

// Limits are a platform's size limits, in characters (runes).
type Limits struct {
	Text    int // the answer text
	Label   int // one source's label ("[1] Title › Section")
	Snippet int // one source's snippet
	Sources int // how many sources
	Total   int // everything together; 0 for no overall limit
}

// Reply is an answer rendered for chat: every string stripped of
// invisible characters (advisor.Invisible: bidi controls, zero-width
// characters), escaped for the platform and cut to its limits.
type Reply struct {
	Text string
	// ReadAs is one short line saying how the question was read ("Read
	// as: “jr DS salary in the US”", "Read as: “Senior → junior,
	// Romania”") when a correction or a follow-up changed it; "" otherwise.
	// It counts against the Text limit.
	ReadAs    string
	Sources   []Source
	Footer    string
	Abstained bool
	// AnswerID names the answer for the feedback buttons; "" for none.
	AnswerID string
}

// Source is one citation, rendered.
type Source struct {
	Label   string // "[1] Title › Section"
	Snippet string
	Ref     string // "file.md:12"
}

// Feedback buttons' labels and the private acknowledgement of a click.
const (
	HelpfulLabel    = "Helpful"
	NotHelpfulLabel = "Not helpful"
	VoteThanks      = "Thanks — noted."
	VoteRepeated    = "You already voted on this answer — thanks."
)

// Len returns the characters the reply holds, as platforms count them for
// an overall limit.
func (r Reply) Len() int {
	n := utf8.RuneCountInString(r.Text) + utf8.RuneCountInString(r.ReadAs) + utf8.RuneCountInString(r.Footer)
	for _, s := range r.Sources {
		n += utf8.RuneCountInString(s.Label) + utf8.RuneCountInString(s.Snippet) + utf8.RuneCountInString(s.Ref)
	}
	return n
}

// Render renders a for a platform whose markup esc escapes, within lim.
// Invisible characters are dropped before esc sees the text, so a guide or
// a question cannot turn a reply around (U+202E) and esc may add its own
// (Discord's zero-width space that breaks a mention). Sources that do not
// fit the overall limit are dropped from the end.
func Render(a advisor.Answer, escape func(string) string, lim Limits) Reply {
	esc := func(s string) string { return escape(advisor.StripInvisible(s)) }
	r := Reply{Abstained: a.Abstained, AnswerID: a.ID}
	textLim := lim.Text
	if a.ReadAs != "" {
		r.ReadAs = Cut(esc("Read as: “"+a.ReadAs+"”"), min(readAsLimit, lim.Text/4))
		textLim -= utf8.RuneCountInString(r.ReadAs) + 2 // and a blank line
	}
	r.Text = Cut(esc(a.Text), textLim)
	for _, c := range a.Citations {
		if len(r.Sources) == lim.Sources {
			break
		}
		label := fmt.Sprintf("[%d] %s › %s", c.N, c.Title, c.Section)
		r.Sources = append(r.Sources, Source{
			Label:   Cut(esc(label), lim.Label),
			Snippet: Cut(esc("“"+c.Snippet+"”"), lim.Snippet),
			Ref:     esc(fmt.Sprintf("%s:%d", c.Source, c.Line)),
		})
	}
	switch {
	case a.Abstained:
		r.Footer = "No guide answers this"
	case a.Guides == 1:
		r.Footer = "Answered from 1 guide"
	default:
		r.Footer = fmt.Sprintf("Answered from %d guides", a.Guides)
	}
	for lim.Total > 0 && r.Len() > lim.Total && len(r.Sources) > 0 {
		r.Sources = r.Sources[:len(r.Sources)-1]
	}
	if lim.Total > 0 && r.Len() > lim.Total {
		r.Text = Cut(r.Text, lim.Total-utf8.RuneCountInString(r.Footer)-utf8.RuneCountInString(r.ReadAs))
	}
	return r
}

// readAsLimit bounds the read-as line: questions are short, and it must
// stay one line.
const readAsLimit = 200

// Cut shortens s to at most max runes, at a word boundary where one is
// near, ending with "…". It never splits a rune, an HTML entity (&amp;) or
// a backslash escape.
func Cut(s string, max int) string {
	if max <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	// Byte offset of the rune at position max-1, leaving room for "…".
	end, n := 0, 0
	for i := range s {
		if n == max-1 {
			end = i
			break
		}
		n++
	}
	cut := s[:end]
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > len(cut)*2/3 {
		cut = cut[:i]
	}
	if amp := strings.LastIndexByte(cut, '&'); amp >= 0 && !strings.Contains(cut[amp:], ";") && len(cut)-amp < 8 {
		cut = cut[:amp]
	}
	for strings.HasSuffix(cut, `\`) {
		cut = cut[:len(cut)-1]
	}
	return strings.TrimRightFunc(cut, unicode.IsSpace) + "…"
}
