package guide

import (
	"bytes"
	"html"
	"regexp"
	"strings"
)

// The Markdown dialects goldmark does not know are read by a pre-pass over
// the source that keeps every line where it was: the markers are blanked,
// the bodies they indent are dedented so goldmark parses them as Markdown
// (not as indented code), and the bounds are kept as sub-sections.

// bound is a sub-section a dialect marks by indentation: an mkdocs content
// tab or a titled admonition. Lines are 1-based.
type bound struct {
	kind       SectionKind
	title      string
	start, end int // the first and last line of its body
}

var (
	// mkdocsMarker opens an mkdocs tab (=== "Title") or admonition
	// (!!! tip "Title", ??? note, ???+ warning inline end "Title").
	mkdocsMarker = regexp.MustCompile(`^(\s*)(?:(===\+?)\s+"([^"]*)"|(!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)((?:\s+[a-z]+)*)(?:\s+"([^"]*)")?)\s*$`)
	// templateLine is a line of template or attribute syntax only: Liquid
	// ({% include … %}), Hugo shortcodes ({{< … >}}) and kramdown attribute
	// lists ({: .note}).
	templateLine = regexp.MustCompile(`^\s*(?:\{%.*%\}|\{\{.*\}\}|\{:[^}]*\})\s*$`)
	fenceOpen    = regexp.MustCompile("^\\s*(```+|~~~+)")
	// blankBreak is a line of nothing but line breaks and spaces.
	blankBreak = regexp.MustCompile(`^(?:\s|&nbsp;|<br\s*/?>)*$`)
	// brLine is a short line set off by a hard break: "&nbsp; **SQL** <br>".
	brLine = regexp.MustCompile(`^(?:\s|&nbsp;)*([^<>]{1,80}?)\s*<br\s*/?>\s*$`)
	brEnd  = regexp.MustCompile(`\s*<br\s*/?>\s*$`)
	// listMarker opens a list item: "- ", "* ", "+ ", "1. ", "2) ".
	listMarker = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])(?:\s|$)`)
	// mermaidDiv opens a mermaid graph written in HTML: <div class="mermaid">.
	mermaidDiv = regexp.MustCompile(`^\s*<(div|pre)\b[^>]*\bclass="[^"]*\bmermaid\b[^"]*"[^>]*>\s*$`)
	// templateDef is a link reference definition whose destination holds
	// template syntax ("[plot]: {{ file_dir }}/plot.svg"): the spaces
	// inside the braces make it no definition, and it and every
	// "[![…][plot]][plot]" that uses it would be read as text.
	templateDef = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S*\{\{`)
	templateVar = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)
)

// dialects rewrites src in place of its dialect markup and returns the
// sub-sections it bounded, in order of their first line.
func dialects(src []byte) ([]byte, []bound) {
	lines := bytes.Split(src, []byte("\n"))
	var bounds []bound
	fence := ""
	for i := 0; i < len(lines); i++ {
		l := string(lines[i])
		if m := fenceOpen.FindStringSubmatch(l); m != nil {
			switch {
			case fence == "":
				fence = m[1]
			case strings.HasPrefix(m[1], fence) && strings.TrimSpace(l) == m[1]:
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		if m := mermaidDiv.FindStringSubmatch(l); m != nil {
			// <div class="mermaid"> … </div>: a mermaid graph as a fence,
			// read again as one. A div never closed is left as HTML: read
			// again unchanged, it would be matched again for ever.
			for j := i + 1; j < len(lines); j++ {
				if strings.TrimSpace(string(lines[j])) == "</"+m[1]+">" {
					lines[i], lines[j] = []byte("```mermaid"), []byte("```")
					for k := i + 1; k < j; k++ {
						lines[k] = []byte(html.UnescapeString(string(lines[k])))
					}
					i--
					break
				}
			}
			continue
		}
		if breaks := strings.Contains(l, "<br") || strings.Contains(l, "&nbsp;"); breaks && strings.TrimSpace(l) != "" && blankBreak.MatchString(l) {
			lines[i] = nil // "<br>" or "&nbsp;" alone: a paragraph break
			continue
		} else if breaks && brItem(lines, i) {
			// "&nbsp; **SQL** <br>" lines under "…are: <br>": a list.
			lines[i] = []byte("- " + strings.TrimSpace(brLine.FindStringSubmatch(l)[1]))
			continue
		}
		if templateLine.MatchString(l) {
			lines[i] = nil
			continue
		}
		if templateDef.MatchString(l) {
			lines[i] = templateVar.ReplaceAllFunc(lines[i], func(v []byte) []byte {
				return bytes.Join(bytes.Fields(v), nil) // "{{ file_dir }}" → "{{file_dir}}"
			})
			continue
		}
		if ruleUnder(lines, i) {
			// "**Goal:** …\n**Schedule:** …\n---": a rule under the lines of
			// a preamble, not a heading made of them all.
			lines[i] = []byte("***")
			continue
		}
		m := mkdocsMarker.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		indent := columns(m[1])
		end := i // the last line of the body
		for j := i + 1; j < len(lines); j++ {
			lj := string(lines[j])
			if strings.TrimSpace(lj) == "" {
				continue
			}
			if columns(leadingSpace(lj)) < indent+4 {
				break
			}
			end = j
		}
		if end == i {
			continue // a marker with no body is text
		}
		for j := i + 1; j <= end; j++ {
			lines[j] = dedent(lines[j], indent+4, 4)
		}
		lines[i] = nil
		b := bound{kind: Aside, start: i + 2, end: end + 1}
		switch {
		case m[2] != "":
			b.kind, b.title = Tab, m[3]
		case m[7] != "":
			b.title = m[7]
		}
		// An admonition without a title of its own ("!!! note") is part of
		// the text around it: only its marker goes.
		if b.title != "" {
			bounds = append(bounds, b)
		}
	}
	return bytes.Join(lines, []byte("\n")), bounds
}

// columns counts the columns of leading white space, a tab as four.
func columns(ws string) int {
	n := 0
	for _, r := range ws {
		if r == '\t' {
			n += 4 - n%4
		} else {
			n++
		}
	}
	return n
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// dedent removes n columns of indentation from a line indented at least
// min columns (a blank line is left as it is).
func dedent(line []byte, min, n int) []byte {
	s := string(line)
	ws := leadingSpace(s)
	if strings.TrimSpace(s) == "" || columns(ws) < min {
		return line
	}
	return []byte(strings.Repeat(" ", columns(ws)-n) + s[len(ws):])
}

// callout is the marker that opens a GitHub or Obsidian callout in a
// block quote ("[!TIP]", "[!note] Networking").
var callout = regexp.MustCompile(`^\[!([A-Za-z]+)\][+-]?\s*`)

// stripCallout removes a callout's marker from the text opening a block
// quote and returns what is left and the callout's own title, if the
// marker line gives one ("> [!tip] Networking" then the body).
func stripCallout(text string) (rest string, ok bool) {
	m := callout.FindString(text)
	if m == "" {
		return text, false
	}
	return strings.TrimSpace(text[len(m):]), true
}

// attrList is a kramdown or mkdocs attribute list after an element
// ("{ .md-button }", "{: #id }"), or a Liquid or Hugo tag left in text.
var attrList = regexp.MustCompile(`\{:?\s*[.#][^{}]*\}|\{%[^%]*%\}|\{\{[<%][^}]*[>%]\}\}`)

// brItem reports whether line i is a short line ended by a hard break that
// continues a list: under a line ending in a colon or an item, with such a
// line or the list's end after it.
func brItem(lines [][]byte, i int) bool {
	if i == 0 || i+1 >= len(lines) || !brLine.Match(lines[i]) {
		return false
	}
	prev := string(lines[i-1])
	inList := strings.HasPrefix(prev, "- ")
	opens := strings.HasSuffix(strings.TrimSpace(brEnd.ReplaceAllString(prev, "")), ":")
	return (opens || inList) && (inList || brLine.Match(lines[i+1]))
}

// ruleUnder reports whether line i is a "---" that CommonMark would read
// as the underline of a heading made of the two or more lines of prose
// above it. Writers mean a rule there: a heading of several lines is
// not written on purpose.
func ruleUnder(lines [][]byte, i int) bool {
	l := bytes.TrimRight(lines[i], " \t")
	if len(l) < 3 || i < 2 || len(bytes.Trim(l, "-")) > 0 {
		return false
	}
	for _, prev := range lines[i-2 : i] {
		p := bytes.TrimSpace(prev)
		if len(p) == 0 || len(prev)-len(bytes.TrimLeft(prev, " ")) > 3 || bytes.IndexByte([]byte("|#>=`~<"), p[0]) >= 0 ||
			listMarker.Match(p) {
			return false
		}
	}
	return true
}
