package answer

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/careerbot/careerbot/internal/advisor"
)

// maxSnippet bounds a citation's snippet, in bytes.
const maxSnippet = 300

// reply collects an answer's sentences and the citations they refer to.
type reply struct {
	e         *Engine
	sentences []string
	cites     []advisor.Citation
	abstained bool
}

// cite adds a citation for a line of a guide's section, or reuses the one
// already made for that line, and returns its marker ("[2]").
func (r *reply) cite(gi, si, line int, snippet string) string {
	g := r.e.guides[gi]
	for _, c := range r.cites {
		if c.Source == g.Source && c.Line == line {
			return "[" + strconv.Itoa(c.N) + "]"
		}
	}
	n := len(r.cites) + 1
	r.cites = append(r.cites, advisor.Citation{
		N:       n,
		Title:   g.Title,
		Section: g.Sections[si].Name(),
		Snippet: clip(snippet, maxSnippet),
		Source:  g.Source,
		Line:    line,
	})
	return "[" + strconv.Itoa(n) + "]"
}

func (r *reply) say(s string) { r.sentences = append(r.sentences, s) }

func (r *reply) answer() advisor.Answer {
	guides := map[string]bool{}
	for _, c := range r.cites {
		guides[c.Source] = true
	}
	return advisor.Answer{
		Text:      strings.Join(r.sentences, " "),
		Abstained: r.abstained,
		Citations: r.cites,
		Guides:    len(guides),
	}
}

// clip shortens s to at most n bytes at a word boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], ' '); i > cut/2 {
		cut = i
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// sentence makes s end with its marker and a full stop.
func sentence(s, marker string) string {
	s = strings.TrimSpace(s)
	end := "."
	if t := strings.TrimRight(s, ".!?:;,"); t != s {
		if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
			end = s[len(s)-1:]
		}
		s = t
	}
	return s + " " + marker + end
}
