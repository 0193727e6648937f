package main

import (
	"fmt"
	"strings"

	"github.com/careerbot/careerbot/internal/config"
	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
)

func (m *Main) runGuides(args []string) error {
	fs := m.newFlagSet("guides", "guides [--guides DIR]... [--no-bundled]\n\nLists every loaded guide with its sections, the facts read from it, and the warnings,\nso guide authors can check their files.")
	var gf guideFlags
	gf.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	// Warnings go to stdout here: they are what a guide author asked for.
	var loader guide.Loader // no budget: the totals are printed against serve's
	eng, err := gf.engine(m.Stdout, &loader)
	if err != nil {
		return err
	}
	defer eng.Close()
	var b strings.Builder
	for i, g := range eng.Guides() {
		fx := eng.Facts(i)
		fmt.Fprintf(&b, "\n%s\n  source: %s\n  sections (%d):\n", g.Title, g.Source, len(g.Sections))
		for _, s := range g.Sections {
			fmt.Fprintf(&b, "    - %s\n", s)
		}
		if len(fx.Salaries) > 0 {
			fmt.Fprintf(&b, "  salary facts (%d):\n", len(fx.Salaries))
			for _, s := range fx.Salaries {
				fmt.Fprintf(&b, "    - line %d: %s\n", s.Line, describeSalary(s))
			}
		}
		for _, p := range fx.Prices {
			fmt.Fprintf(&b, "    - line %d: price %q\n", p.Line, p.Figure)
		}
		for _, x := range fx.Multipliers {
			fmt.Fprintf(&b, "    - line %d: multiplier %q region=%s\n", x.Line, x.Figure, x.Region.Name)
		}
		for _, p := range fx.Paths {
			fmt.Fprintf(&b, "  learning path %q (%d stages):\n", p.Name, len(p.Stages))
			for _, st := range p.Stages {
				d := st.Duration
				if d == "" {
					d = "duration not given"
				}
				fmt.Fprintf(&b, "    %s (%s), line %d: %s\n", st.Title(), d, st.Line, strings.Join(st.Topics, "; "))
			}
		}
		for _, l := range fx.Ladders {
			names := make([]string, len(l.Rungs))
			for i, r := range l.Rungs {
				names[i] = r.Title()
			}
			fmt.Fprintf(&b, "  career ladder, line %d: %s\n", l.Rungs[0].Line, strings.Join(names, " → "))
		}
	}
	bytes, sections := loader.Used()
	fmt.Fprintf(&b, "\n%d guides: %d bytes, %d sections; serve's budget by default: guides.max_bytes = %d, guides.max_sections = %d\n",
		len(eng.Guides()), bytes, sections, config.DefaultMaxGuideBytes, config.DefaultMaxSections)
	if bytes > config.DefaultMaxGuideBytes || sections > config.DefaultMaxSections {
		b.WriteString("warning: over serve's default budget: raise guides.max_bytes or guides.max_sections, and the container's memory (see the README's Budgets)\n")
	}
	_, err = fmt.Fprint(m.Stdout, b.String())
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
	if s.Premium {
		f = append(f, "premium")
	}
	return strings.Join(f, " ")
}
