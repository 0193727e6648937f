// Package guide reads career-guide files into one document model that every
// later stage reads: a Guide is a title, metadata and sections, each section
// the units under one heading path — sentences of prose, list items that
// know their parent, table rows that keep their headers, the edges of a
// drawn graph — and each unit the line it came from.
//
// It reads Markdown as written in the wild (CommonMark and GFM through
// goldmark, plus the dialects goldmark does not know: mkdocs tabs and
// admonitions, GitHub callouts, mermaid graphs, ASCII trees and plans in
// code fences, HTML blocks, bold labels and FAQ questions standing in for
// headings), plain text whose headings are bare short lines, and HTML pages.
// It drops the noise that scraped pages carry (navigation, bylines, tables
// of contents, repeated headings and paragraphs) by general rules.
package guide

import (
	"fmt"
	"slices"
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
	Path []string
	Line int // line of the heading, or of the first block in a preamble
	// Kind says what marked the section's own heading.
	Kind SectionKind
	// Number is the numbering its heading carried ("1", "2.3", "b"), kept
	// apart from the heading's text: numbered siblings are ordered stages.
	Number string
	Blocks []Block
}

// SectionKind says how a guide marked a section.
type SectionKind int

// Section kinds.
const (
	Heading  SectionKind = iota // a Markdown or HTML heading, or a bare line in plain text
	Label                       // a paragraph set wholly in bold ("**Phase 2: Deploy (Months 4-6)**")
	Question                    // an FAQ question in bold, its answer in the paragraphs below
	Tab                         // an mkdocs content tab (=== "From Data Analyst")
	Aside                       // a titled admonition (!!! tip "Networking") or <details>
)

func (k SectionKind) String() string {
	return [...]string{"heading", "label", "question", "tab", "aside"}[k]
}

// Heading returns the section's own heading, or "" for a preamble.
func (s Section) Heading() string {
	if len(s.Path) == 0 {
		return ""
	}
	return s.Path[len(s.Path)-1]
}

// Contains reports whether o sits under s: its path extends s's.
func (s Section) Contains(o Section) bool {
	return len(s.Path) > 0 && len(o.Path) > len(s.Path) && slices.Equal(o.Path[:len(s.Path)], s.Path)
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
type BlockKind uint8

// Block kinds.
const (
	Paragraph BlockKind = iota // prose, or a line of a plain-text code fence
	Item                       // a list item
	Row                        // a table body row
	Edge                       // an edge of a drawn graph (mermaid, an ASCII flow): "A → B"
)

func (k BlockKind) String() string {
	return [...]string{"paragraph", "item", "row", "edge"}[k]
}

// Block is one paragraph, list item or table row, as plain text.
type Block struct {
	Kind BlockKind
	// Ordered marks an item of a numbered list. (It sits beside Kind: the
	// two share one word of the tens of thousands of blocks an engine keeps.)
	Ordered bool
	Text    string
	Line    int
	// Lead is the text that introduces a list item: the paragraph ending in a
	// colon before the list, or the parent item of a nested list.
	Lead string
	// Depth is how deeply an item is nested (0 for a top-level item) and
	// Parent the index, in its section's Blocks, of the item it is nested
	// in (-1 for none).
	Depth, Parent int
	// Indent is how far a line of a code block was indented, in columns:
	// an ASCII tree's depth.
	Indent int
	// Cells and Header hold a table row's cells and its table's header cells.
	Cells  []string
	Header []string
	// Edges are the steps the unit draws: an edge of a mermaid graph or an
	// ASCII tree or flow, or each arrow of a line such as "Data Analyst →
	// Analytics Engineer → Staff", from one end's name to the other's.
	Edges []Link
}

// Link is one drawn step from one named thing to another.
type Link struct{ From, To string }

// Children returns the indexes of the blocks nested directly under block i
// of the section.
func (s Section) Children(i int) []int {
	var out []int
	for j := i + 1; j < len(s.Blocks) && s.Blocks[j].Depth > s.Blocks[i].Depth; j++ {
		if s.Blocks[j].Parent == i {
			out = append(out, j)
		}
	}
	return out
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
