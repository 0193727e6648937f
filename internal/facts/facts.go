// Package facts extracts structured facts from parsed guides at ingest:
// salary figures (role, level, region, currency, period, range) and
// learning paths (ordered stages with duration and topics). Every rule is
// general: a guide never seen before is read the same way.
package facts

import (
	"strings"

	"github.com/careerbot/careerbot/internal/guide"
)

// Facts are the facts extracted from one guide.
type Facts struct {
	Salaries []Salary
	Paths    []Path
	Ladders  []Ladder
}

// Extract reads the facts out of g.
func Extract(g *guide.Guide) Facts {
	var f Facts
	for si, sec := range g.Sections {
		headings := make([]string, len(sec.Path))
		for i, h := range sec.Path {
			headings[len(sec.Path)-1-i] = h
		}
		for _, b := range sec.Blocks {
			ctx := context{block: b.Text, lead: b.Lead, headings: strings.Join(append(headings, g.Title), " | ")}
			if b.Kind == guide.Row {
				f.Salaries = append(f.Salaries, rowSalaries(b, ctx, si)...)
				continue
			}
			for _, sent := range guide.Sentences(b.Text) {
				for _, s := range salariesIn(sent, ctx) {
					s.Ref = Ref{Section: si, Line: b.Line, Snippet: sent}
					f.Salaries = append(f.Salaries, s)
				}
			}
		}
	}
	f.Salaries = dedupe(f.Salaries)
	f.Paths = extractPaths(g)
	f.Ladders = extractLadders(g, f.Paths)
	return f
}

// rowSalaries reads a table row cell by cell, so that the column header
// ("Senior", "Germany") and the row label ("ML Engineer") say what each
// figure is for.
func rowSalaries(b guide.Block, ctx context, section int) []Salary {
	var out []Salary
	label := ""
	if len(b.Cells) > 0 {
		label = b.Cells[0]
	}
	for ci, cell := range b.Cells {
		head := ""
		if ci < len(b.Header) {
			head = b.Header[ci]
		}
		cctx := ctx
		cctx.lead = label + " | " + head
		for _, s := range salariesIn(cell, cctx) {
			if l := levelOf(head); l != "" {
				s.Level = l
			} else if l := levelOf(label); l != "" {
				s.Level = l
			}
			if r := FindRegions(head); len(r) > 0 {
				s.Region = r[0]
			} else if r := FindRegions(label); len(r) > 0 {
				s.Region = r[0]
			}
			if s.Currency == "" && !s.Premium {
				s.Currency = currencyIn(head + " " + label)
			}
			s.Ref = Ref{Section: section, Line: b.Line, Snippet: b.Text}
			out = append(out, s)
		}
	}
	return out
}

// dedupe drops a figure a guide repeats (a conclusion restating a section),
// keeping the first.
func dedupe(ss []Salary) []Salary {
	type key struct {
		region   string
		cur      string
		min, max float64
		premium  bool
	}
	seen := map[key]bool{}
	out := ss[:0]
	for _, s := range ss {
		k := key{s.Region.Name, s.Currency, s.Min, s.Max, s.Premium}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}
