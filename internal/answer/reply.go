package answer

import (
	"regexp"
	"slices"
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
	bare      []string // each sentence without its markers, to say nothing twice
	cites     []advisor.Citation
	// refs are the units each citation points at, in the order of cites:
	// the evidence the answer rests on.
	refs      []unitRef
	abstained bool
	// fit is how well a typed answer's facts fit the question, 0..1, as
	// the handler that read them measured it (a stage's coverage, a rung's).
	fit float64
}

// unitRef names a unit of a guide: its section and its line.
type unitRef struct{ gi, si, line int }

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
	r.refs = append(r.refs, unitRef{gi, si, line})
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

// say adds a sentence, unless the reply already says the same with other
// citations (two ladders of one guide that agree).
func (r *reply) say(s string) {
	bare := s
	if strings.Contains(s, "[") {
		bare = markers.ReplaceAllString(s, "")
	}
	if slices.Contains(r.bare, bare) {
		return
	}
	r.sentences, r.bare = append(r.sentences, lastMarks(s)), append(r.bare, bare)
}

var markers = regexp.MustCompile(` ?\[\d+\]`)

// lastMarks keeps only the last of a sentence's markers that cite the same
// source: "After A [1] comes B [1]" says "After A comes B [1]".
func lastMarks(s string) string {
	if strings.Count(s, "[") < 2 {
		return s
	}
	ms := markers.FindAllStringIndex(s, -1)
	if len(ms) < 2 {
		return s
	}
	last := map[string]int{}
	for i, m := range ms {
		last[strings.TrimSpace(s[m[0]:m[1]])] = i
	}
	var b strings.Builder
	at := 0
	for i, m := range ms {
		if last[strings.TrimSpace(s[m[0]:m[1]])] != i {
			b.WriteString(s[at:m[0]])
			at = m[1]
		}
	}
	b.WriteString(s[at:])
	return b.String()
}

func (r *reply) answer() advisor.Answer {
	text := strings.Join(r.sentences, " ")
	// Citations only a dropped sentence referred to go, and the rest are
	// numbered again in order.
	used := map[string]bool{}
	for _, m := range citeMarker.FindAllString(text, -1) {
		used[m] = true
	}
	renumber := map[string]string{}
	var cites []advisor.Citation
	guides := map[string]bool{}
	for _, c := range r.cites {
		old := "[" + strconv.Itoa(c.N) + "]"
		if !used[old] {
			continue
		}
		c.N = len(cites) + 1
		renumber[old] = "[" + strconv.Itoa(c.N) + "]"
		cites = append(cites, c)
		guides[c.Source] = true
	}
	if len(cites) != len(r.cites) {
		text = citeMarker.ReplaceAllStringFunc(text, func(m string) string { return renumber[m] })
	}
	return advisor.Answer{
		Text:      text,
		Abstained: r.abstained,
		Citations: cites,
		Guides:    len(guides),
	}
}

var citeMarker = regexp.MustCompile(`\[\d+\]`)

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
