// Package guide turns career-guide files (Markdown with optional YAML front
// matter, or plain text whose headings are bare short lines) into a Guide: a
// title, metadata and sections of plain-text blocks that remember the line
// they came from. It drops the noise that scraped web pages carry
// (navigation, bylines, repeated headings and paragraphs) by general rules.
package guide

import (
	"fmt"
	"strings"
)

// Guide is one parsed guide file.
type Guide struct {
	Title    string
	Source   string            // file name, as given to Parse
	Meta     map[string]string // front matter scalars: title, author, url, dates…
	Sections []Section
}

// Section is the text under one heading.
type Section struct {
	// Path is the heading path from the top of the guide, without the
	// guide's own title. A preamble before the first heading has an empty Path.
	Path   []string
	Line   int // line of the heading, or of the first block in a preamble
	Blocks []Block
}

// Heading returns the section's own heading, or "" for a preamble.
func (s Section) Heading() string {
	if len(s.Path) == 0 {
		return ""
	}
	return s.Path[len(s.Path)-1]
}

// Name returns the heading path joined for display ("Salaries › Romania").
func (s Section) Name() string {
	if len(s.Path) == 0 {
		return "Introduction"
	}
	return strings.Join(s.Path, " › ")
}

// Text returns the section's blocks joined by newlines.
func (s Section) Text() string {
	var b strings.Builder
	for i, bl := range s.Blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// BlockKind says what a Block was in the source.
type BlockKind int

// Block kinds.
const (
	Paragraph BlockKind = iota // prose, or one line of a code block
	Item                       // a list item
	Row                        // a table body row
)

func (k BlockKind) String() string {
	switch k {
	case Item:
		return "item"
	case Row:
		return "row"
	}
	return "paragraph"
}

// Block is one paragraph, list item or table row, as plain text.
type Block struct {
	Kind BlockKind
	Text string
	Line int
	// Lead is the text that introduces a list item: the paragraph ending in a
	// colon before the list, or the parent item of a nested list.
	Lead string
	// Ordered marks an item of a numbered list.
	Ordered bool
	// Indent is how far a line of a code block was indented, in columns:
	// an ASCII tree's depth.
	Indent int
	// Cells and Header hold a table row's cells and its table's header cells.
	Cells  []string
	Header []string
}

// Warning is a problem with a guide file that did not stop it from loading,
// or, from Load, a file that was skipped.
type Warning struct {
	Source  string
	Line    int // 0 when the problem concerns the whole file
	Message string
}

func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", w.Source, w.Line, w.Message)
	}
	return fmt.Sprintf("%s: %s", w.Source, w.Message)
}

// Sentences splits prose into sentences at '.', '!' or '?' followed by white
// space and a capital letter or digit, so "e.g. this" and "$1.5M" stay whole.
func Sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '"' || s[j] == ')' || s[j] == '\'') {
			j++
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k < len(s) && (isUpperASCII(s[k]) || (s[k] >= '0' && s[k] <= '9') || s[k] >= 0x80) && !abbreviation(s[start:i]) {
			out = append(out, strings.TrimSpace(s[start:j]))
			start = k
		}
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// abbreviation reports whether s ends in a short abbreviation such as "Dr"
// or "e.g", after which a period does not end a sentence.
func abbreviation(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	w := strings.ToLower(s[i+1:])
	switch w {
	case "dr", "mr", "mrs", "ms", "prof", "vs", "e.g", "i.e", "approx", "no", "st", "inc", "jr", "sr":
		return true
	}
	return len(w) == 1 && w >= "a" && w <= "z"
}
