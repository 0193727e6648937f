// Package facts extracts structured facts from parsed guides at ingest:
// salary figures (role, level, region, currency, period, range) and
// learning paths (ordered stages with duration and topics). Every rule is
// general: a guide never seen before is read the same way.
package facts

import (
	"regexp"
	"slices"
	"strings"

	"github.com/careerbot/careerbot/internal/guide"
)

// Facts are the facts extracted from one guide.
type Facts struct {
	Salaries    []Salary
	Prices      []Price
	Multipliers []Multiplier
	Paths       []Path
	Ladders     []Ladder
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
				pay, prices := rowSalaries(b, ctx, si)
				f.Salaries = append(f.Salaries, pay...)
				f.Prices = append(f.Prices, prices...)
				if len(b.Cells) > 0 {
					rctx := ctx
					rctx.lead = b.Cells[0]
					f.Multipliers = append(f.Multipliers, refer(multipliersIn(b.Text, rctx), Ref{si, b.Line, b.Text})...)
				}
				continue
			}
			for _, sent := range guide.Sentences(b.Text) {
				ref := Ref{Section: si, Line: b.Line, Snippet: sent}
				pay, prices := salariesIn(sent, ctx)
				employer := itemEmployer(sent)
				for _, s := range pay {
					s.Ref = ref
					if s.Qualifier == "" {
						s.Qualifier = employer // "FAANG: $350K-500K" is for FAANG, as a column would say
					}
					f.Salaries = append(f.Salaries, s)
				}
				for _, p := range prices {
					p.Ref = ref
					f.Prices = append(f.Prices, p)
				}
				f.Multipliers = append(f.Multipliers, refer(multipliersIn(sent, ctx), ref)...)
			}
		}
	}
	f.Salaries = dedupe(f.Salaries)
	f.Paths = extractPaths(g)
	f.Ladders = extractLadders(g, f.Paths)
	return f
}

// refer sets where each multiplier came from.
func refer(ms []Multiplier, ref Ref) []Multiplier {
	for i := range ms {
		ms[i].Ref = ref
	}
	return ms
}

// rowSalaries reads a table row cell by cell, so that the row label
// ("Senior DE", "Germany") and the column header ("FAANG", "Total comp")
// say what each figure is for.
func rowSalaries(b guide.Block, ctx context, section int) ([]Salary, []Price) {
	var out []Salary
	var prices []Price
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
		pay, pr := salariesIn(cell, cctx)
		for _, p := range pr {
			p.Ref = Ref{Section: section, Line: b.Line, Snippet: b.Text}
			prices = append(prices, p)
		}
		if exampleWords.MatchString(head) {
			continue // "One-line Example: a customer brings ₹50L"
		}
		kind := kindOf(head)
		for _, s := range pay {
			if kind != "" {
				s.Kind = kind
			}
			// The row label says the level when it names one ("Senior
			// DE" down the side, company tiers across the top), else the
			// column header does.
			headLevel, labelLevel := levelOf(head), levelOf(label)
			if kind != "" {
				headLevel = "" // "Stock (RSU/4yr)": the years vest, they say no level
			}
			switch {
			case labelLevel != "":
				s.Level, s.Title = labelLevel, FindLeadTitle(label)
			case headLevel != "":
				s.Level, s.Title = headLevel, FindLeadTitle(head)
			}
			if s.Level != Lead {
				s.Title = ""
			}
			headRegion, labelRegion := FindRegions(head), FindRegions(label)
			places := labelRegion
			if len(headRegion) > 0 {
				places = headRegion
			}
			places = cellPlaces(places)
			if len(places) > 0 {
				s.Region = places[0]
			}
			if s.Basis == "" {
				s.Basis = basis(head, label)
			}
			if s.Basis == "" {
				s.Basis = columnBasis(head) // a column headed "Base" or "Total"
			}
			switch {
			case ci == 0 || headLevel != "" || len(headRegion) > 0 || basis(head, "") != "" || payWords.MatchString(head) || currencyIn(head) != "":
			case kind != "":
			case FindRole(head) != "":
				s.Role, s.RoleName = FindRole(head), FindRoleName(head) // roles across the top
			default:
				s.Qualifier = strings.Trim(head, " *_:")
			}
			if s.Qualifier == "" && ci > 0 {
				s.Qualifier = EmployerLabel(label) // a row of "Startup" figures
			}
			if s.Currency == "" && !s.Premium {
				s.Currency = currencyIn(head + " " + label)
			}
			s.Ref = Ref{Section: section, Line: b.Line, Snippet: b.Text}
			out = append(out, s)
			for _, r := range places[min(1, len(places)):] {
				s.Region = r // the figure again for each other place the cell names ("Bangalore/Hyderabad")
				out = append(out, s)
			}
		}
	}
	return out, prices
}

// cellPlaces returns the places a table cell's figures are for: the
// cities it names within a country it also names ("India
// (Bangalore/Hyderabad)": Bangalore and Hyderabad), else the first place.
func cellPlaces(rs []Region) []Region {
	if len(rs) < 2 {
		return rs
	}
	var cities []Region
	for _, r := range rs {
		if r.Name != r.Country && slices.ContainsFunc(rs, func(c Region) bool { return c.Name == r.Country }) {
			cities = append(cities, r)
		}
	}
	if len(cities) == 0 {
		return rs[:1]
	}
	return cities
}

var (
	baseColumn  = regexp.MustCompile(`(?i)^\W*base\W*$`)
	totalColumn = regexp.MustCompile(`(?i)^\W*(?:total|tc|ctc)\W*$`)
)

// columnBasis reads the basis a table column's one-word header gives.
func columnBasis(head string) string {
	switch {
	case baseColumn.MatchString(head):
		return "base"
	case totalColumn.MatchString(head):
		return "total"
	}
	return ""
}

// dedupe drops a figure a guide repeats (a conclusion restating a section),
// keeping the first.
func dedupe(ss []Salary) []Salary {
	type key struct {
		region, cur      string
		min, max         float64
		premium          bool
		qualifier, basis string
		kind             string
	}
	type whose struct {
		level Level
		role  string
	}
	seen := map[key][]whose{}
	out := ss[:0]
	for _, s := range ss {
		k := key{s.Region.Name, s.Currency, s.Min, s.Max, s.Premium, s.Qualifier, s.Basis, s.Kind}
		if slices.ContainsFunc(seen[k], func(w whose) bool { return restates(s, w.level, w.role) }) {
			continue
		}
		seen[k] = append(seen[k], whose{s.Level, s.Role})
		out = append(out, s)
	}
	return out
}

// restates reports whether s says again the same range a figure for level
// and role said. The same range for another level ("8-15 LPA" for both
// 0-2 years at a product company and 3-5 at a service one) is another
// fact, and so is the same range for another role ("AI Product Manager"
// and "Responsible AI Lead" both $140K–$220K); the same range again
// without a level or a role restates it.
func restates(s Salary, level Level, role string) bool {
	sameLevel := s.Level == "" || level == "" || s.Level == level
	sameRole := s.Role == "" || role == "" || s.Role == role
	return sameLevel && sameRole
}
