package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/config"
	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
)

func (m *Main) runGuides(args []string) error {
	fs := m.newFlagSet("guides", "guides [--json] [--guides DIR]... [--no-bundled]\n\nShows every loaded guide as the bot reads it: its title, its sections, the units in each\n(sentences, lists and their items, table rows with their headers, drawn steps) with their\nlines and figures, the learning paths and ladders read from them, and every warning, so\nguide authors can see what the bot will quote.")
	var gf guideFlags
	gf.register(fs)
	asJSON := fs.Bool("json", false, "print the document model as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	var loader guide.Loader // no budget: the totals are printed against serve's
	guides, warnings, err := loadGuides(!gf.noBundled, gf.dirs, &loader)
	if !*asJSON {
		// Warnings go to stdout here: they are what a guide author asked for.
		for _, w := range warnings {
			fmt.Fprintln(m.Stdout, "warning: "+w.String())
		}
	}
	if err != nil {
		return err
	}
	bytes, sections := loader.Used()
	done := m.gc.building(sections)
	eng, err := answer.New(guides)
	done()
	if err != nil {
		return err
	}
	defer eng.Close()
	docs := make([]guideDoc, len(guides))
	for i, g := range guides {
		docs[i] = describeGuide(g, eng.Facts(i))
	}
	if *asJSON {
		ws := make([]string, len(warnings))
		for i, w := range warnings {
			ws[i] = w.String()
		}
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Guides   []guideDoc `json:"guides"`
			Warnings []string   `json:"warnings"`
			Bytes    int64      `json:"bytes"`
			Sections int        `json:"sections"`
		}{docs, ws, bytes, sections})
	}
	if err := writeTree(m.Stdout, docs); err != nil {
		return err
	}
	return writeBudget(m.Stdout, len(guides), bytes, sections)
}

// writeBudget prints the totals loaded against serve's default budget,
// and warns past it.
func writeBudget(w io.Writer, guides int, bytes int64, sections int) error {
	_, err := fmt.Fprintf(w, "\n%d guides: %d bytes, %d sections; serve's budget by default: guides.max_bytes = %d, guides.max_sections = %d\n",
		guides, bytes, sections, config.DefaultMaxGuideBytes, config.DefaultMaxSections)
	if err == nil && (bytes > config.DefaultMaxGuideBytes || sections > config.DefaultMaxSections) {
		_, err = io.WriteString(w, "warning: over serve's default budget: raise guides.max_bytes or guides.max_sections, and the container's memory (see the README's Budgets)\n")
	}
	return err
}

// guideDoc is a guide as the bot reads it: the JSON of `careerbot guides
// --json`, and what the text listing shows.
type guideDoc struct {
	Title    string       `json:"title"`
	Source   string       `json:"source"`
	Sections []sectionDoc `json:"sections"`
	Paths    []pathDoc    `json:"paths,omitempty"`
	Ladders  []string     `json:"ladders,omitempty"`
}

type sectionDoc struct {
	Path   []string  `json:"path"`
	Line   int       `json:"line"`
	Kind   string    `json:"kind"`
	Number string    `json:"number,omitempty"`
	Units  []unitDoc `json:"units"`
}

type unitDoc struct {
	Kind    string   `json:"kind"`
	Line    int      `json:"line"`
	Text    string   `json:"text"`
	Depth   int      `json:"depth,omitempty"`
	Parent  *int     `json:"parent,omitempty"` // index of the item it is nested in
	Lead    string   `json:"lead,omitempty"`
	Header  []string `json:"header,omitempty"`
	Edges   []string `json:"edges,omitempty"`
	Figures []string `json:"figures,omitempty"`
}

type pathDoc struct {
	Name   string   `json:"name"`
	Stages []string `json:"stages"`
}

// describeGuide renders a parsed guide and its facts, each figure on the
// unit it was read from.
func describeGuide(g *guide.Guide, fx facts.Facts) guideDoc {
	type at struct{ section, line int }
	figures := map[at][]string{}
	for _, s := range fx.Salaries {
		k := at{s.Section, s.Line}
		figures[k] = append(figures[k], describeSalary(s))
	}
	for _, p := range fx.Prices {
		k := at{p.Section, p.Line}
		figures[k] = append(figures[k], fmt.Sprintf("%q price", p.Figure))
	}
	for _, x := range fx.Multipliers {
		k := at{x.Section, x.Line}
		figures[k] = append(figures[k], fmt.Sprintf("%q multiplier region=%s", x.Figure, x.Region.Name))
	}
	d := guideDoc{Title: g.Title, Source: g.Source}
	for si, s := range g.Sections {
		sd := sectionDoc{Path: s.Path, Line: s.Line, Kind: s.Kind.String(), Number: s.Number, Units: []unitDoc{}}
		if sd.Path == nil {
			sd.Path = []string{}
		}
		shown := map[int]bool{} // a line's figures go on its first unit
		for _, b := range s.Blocks {
			u := unitDoc{Kind: b.Kind.String(), Line: b.Line, Text: b.Text, Depth: b.Depth, Lead: b.Lead, Header: b.Header}
			if b.Parent >= 0 {
				p := b.Parent
				u.Parent = &p
			}
			for _, e := range b.Edges {
				u.Edges = append(u.Edges, e.From+" → "+e.To)
			}
			if !shown[b.Line] {
				shown[b.Line] = true
				u.Figures = figures[at{si, b.Line}]
			}
			sd.Units = append(sd.Units, u)
		}
		d.Sections = append(d.Sections, sd)
	}
	for _, p := range fx.Paths {
		pd := pathDoc{Name: p.Name}
		for _, st := range p.Stages {
			dur := st.Duration
			if dur == "" {
				dur = "duration not given"
			}
			pd.Stages = append(pd.Stages, fmt.Sprintf("%s (%s), line %d", st.Title(), dur, st.Line))
		}
		d.Paths = append(d.Paths, pd)
	}
	for _, l := range fx.Ladders {
		names := make([]string, len(l.Rungs))
		for i, r := range l.Rungs {
			names[i] = r.Title()
		}
		d.Ladders = append(d.Ladders, fmt.Sprintf("line %d: %s", l.Rungs[0].Line, strings.Join(names, " → ")))
	}
	return d
}

// maxShown bounds the text of a unit in the listing.
const maxShown = 110

// writeTree lists guides as indented trees: sections by their heading
// path, units under them, items under their parents.
func writeTree(w io.Writer, docs []guideDoc) error {
	var b strings.Builder
	for _, d := range docs {
		fmt.Fprintf(&b, "\n%s\n  source: %s\n  sections (%d):\n", d.Title, d.Source, len(d.Sections))
		for _, s := range d.Sections {
			name := "Introduction"
			if len(s.Path) > 0 {
				name = strings.Join(s.Path, " › ")
			}
			kind := ""
			if s.Kind != "heading" {
				kind = " [" + s.Kind + "]"
			}
			fmt.Fprintf(&b, "    %s%s (line %d)\n", name, kind, s.Line)
			for _, u := range s.Units {
				text := u.Text
				if r := []rune(text); len(r) > maxShown {
					text = string(r[:maxShown]) + "…"
				}
				fmt.Fprintf(&b, "      %s%d %s: %s\n", strings.Repeat("  ", u.Depth), u.Line, u.Kind, text)
				for _, f := range u.Figures {
					fmt.Fprintf(&b, "      %s  figure %s\n", strings.Repeat("  ", u.Depth), f)
				}
			}
		}
		for _, p := range d.Paths {
			fmt.Fprintf(&b, "  learning path %q (%d stages):\n", p.Name, len(p.Stages))
			for _, st := range p.Stages {
				fmt.Fprintf(&b, "    %s\n", st)
			}
		}
		for _, l := range d.Ladders {
			fmt.Fprintf(&b, "  career ladder, %s\n", l)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// describeSalary lists a fact's fields for guide authors.
func describeSalary(s facts.Salary) string {
	f := []string{fmt.Sprintf("%q", s.Figure)}
	add := func(k, v string) {
		if v != "" {
			f = append(f, k+"="+v)
		}
	}
	add("role", s.Role)
	add("level", string(s.Level))
	add("region", s.Region.Name)
	add("currency", s.Currency)
	add("period", s.Period)
	add("basis", s.Basis)
	add("for", s.Qualifier)
	add("kind", s.Kind)
	if s.Premium {
		f = append(f, "premium")
	}
	return strings.Join(f, " ")
}
