package guide

import (
	"regexp"
	"strings"
)

// A Markdown pipe table is sometimes left as text: a site that did not
// render Markdown prints it inside a <p>, and a table whose delimiter row
// does not match its header, or whose lines end in "<br>", is a paragraph
// to goldmark. Lines that are all pipe rows, the second a delimiter row,
// are still a table: each row is read with its header, like any table's.

var (
	// pipeDelimiter is a delimiter cell: "---", ":--", "--:", ":-:".
	pipeDelimiter = regexp.MustCompile(`^:?-+:?$`)
	// pipeMarkup is the emphasis and code markup a raw cell may still hold.
	pipeMarkup = strings.NewReplacer("**", "", "__", "", "`", "")
)

// pipeTable reads text whose lines are a pipe table: a header row, a
// delimiter row, then body rows. ok is false for any other text.
func pipeTable(text string) (header []string, rows [][]string, ok bool) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(brEnd.ReplaceAllString(l, "")); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 3 || !isDelimiterRow(lines[1]) {
		return nil, nil, false
	}
	for _, l := range append(lines[:1:1], lines[2:]...) {
		cells, ok := pipeCells(l)
		if !ok || isDelimiterRow(l) {
			return nil, nil, false
		}
		rows = append(rows, cells)
	}
	return rows[0], rows[1:], true
}

// pipeCells splits a pipe row into its cells; ok is false for a line that
// is not a row: one that neither opens nor closes on a pipe, or has fewer
// than two cells.
func pipeCells(line string) (cells []string, ok bool) {
	if !strings.HasPrefix(line, "|") && !strings.HasSuffix(line, "|") {
		return nil, false
	}
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	line = strings.ReplaceAll(line, `\|`, "\x00")
	for _, c := range strings.Split(line, "|") {
		cells = append(cells, clean(pipeMarkup.Replace(strings.ReplaceAll(c, "\x00", "|"))))
	}
	return cells, len(cells) >= 2
}

// isDelimiterRow reports whether a line is a pipe table's delimiter row.
func isDelimiterRow(line string) bool {
	cells, ok := pipeCells(line)
	if !ok {
		return false
	}
	for _, c := range cells {
		if !pipeDelimiter.MatchString(strings.ReplaceAll(c, " ", "")) {
			return false
		}
	}
	return true
}

// pipeRows returns the rows of a pipe table written as text, each with its
// header, lined from line (the line of the table's first row, each row on
// the next line); nil for text that is no such table.
func pipeRows(text string, line func(cells []string, i int) int) []raw {
	header, rows, ok := pipeTable(text)
	if !ok {
		return nil
	}
	out := []raw{}
	for i, cells := range rows {
		if t := rowText(header, cells); t != "" {
			out = append(out, raw{block: Block{Kind: Row, Text: t, Line: line(cells, i), Cells: cells, Header: header, Parent: -1}})
		}
	}
	return out
}
