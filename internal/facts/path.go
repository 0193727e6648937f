package facts

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/careerbot/careerbot/internal/guide"
)

// Path is a learning path: stages a guide lays out in order.
type Path struct {
	Name   string // the heading the stages sit under, or the guide's title
	Stages []Stage
}

// Stage is one step of a learning path.
type Stage struct {
	Label    string   // "Level 2", "Month 3-4"
	Name     string   // "Machine Learning Core"
	Duration string   // "6-12 months", "" when not given
	Topics   []string // the items it lists, as written
	Text     string   // all its text, for matching
	Ref
}

// Title returns "Level 2: Machine Learning Core".
func (s Stage) Title() string {
	if s.Name == "" {
		return s.Label
	}
	return s.Label + ": " + s.Name
}

var (
	stageHead = regexp.MustCompile(`(?i)^(level|stage|step|phase|month|week|part|milestone|tier|year)s?\s*#?(\d+(?:\s*[-–]\s*\d+)?)\b[\s:.)\-–—]*(.*)$`)
	duration  = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?\s*(?:[-–]|to)\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\+?)\s*\+?\s*(months?|weeks?|years?|days?|hours?)\b`)
)

// extractPaths finds runs of sibling sections whose headings are numbered
// stages ("Level 1", "Phase 2", "Month 3-4"), and the same in list items
// ("Step 1: Learn Python (4 weeks)").
func extractPaths(g *guide.Guide) []Path {
	var paths []Path
	var cur *Path
	var parent []string
	for si, sec := range g.Sections {
		m := stageHead.FindStringSubmatch(sec.Heading())
		if m == nil {
			if p := itemPath(g, si); p != nil {
				paths = append(paths, *p)
			}
			continue
		}
		par := sec.Path[:len(sec.Path)-1]
		if cur == nil || !slices.Equal(par, parent) || !sameKind(cur.Stages[0].Label, m[1]) {
			if cur != nil && len(cur.Stages) >= 2 {
				paths = append(paths, *cur)
			}
			name := g.Title
			if len(par) > 0 {
				name = par[len(par)-1]
			}
			cur, parent = &Path{Name: name}, par
		}
		st := newStage(m, sec.Line, si)
		var text []string
		for _, b := range sec.Blocks {
			text = append(text, b.Text)
			if b.Kind == guide.Item || b.Kind == guide.Row {
				st.Topics = append(st.Topics, b.Text)
			}
			if st.Duration == "" && len(b.Text) < 80 {
				st.Duration = findDuration(b.Text)
			}
		}
		if len(st.Topics) == 0 {
			st.Topics = text
		}
		st.Text = sec.Heading() + "\n" + strings.Join(text, "\n")
		st.Snippet = strings.Join(st.Topics, "; ")
		cur.Stages = append(cur.Stages, st)
	}
	if cur != nil && len(cur.Stages) >= 2 {
		paths = append(paths, *cur)
	}
	return paths
}

func sameKind(label, kind string) bool {
	return strings.HasPrefix(strings.ToLower(label), strings.ToLower(kind))
}

func newStage(m []string, line, section int) Stage {
	kind := strings.ToUpper(m[1][:1]) + strings.ToLower(m[1][1:])
	st := Stage{Label: kind + " " + m[2], Ref: Ref{Section: section, Line: line}}
	rest := m[3]
	if d := duration.FindStringIndex(rest); d != nil {
		st.Duration = normDuration(rest[d[0]:d[1]])
		rest = rest[:d[0]] + rest[d[1]:]
	} else {
		st.Duration = spanOf(kind, m[2])
	}
	st.Name = strings.Trim(strings.TrimSpace(strings.NewReplacer("()", "", "[]", "").Replace(rest)), " :-–—,")
	return st
}

var span = regexp.MustCompile(`^(\d+)\s*[-–]\s*(\d+)$`)

// spanOf reads a duration from a stage label that counts time: "Week 5-8"
// lasts 4 weeks, "Month 3" one month.
func spanOf(kind, num string) string {
	unit := map[string]string{"Week": "week", "Month": "month", "Year": "year"}[kind]
	if unit == "" {
		return ""
	}
	n := 1
	if m := span.FindStringSubmatch(num); m != nil {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		n = hi - lo + 1
	}
	if n < 1 {
		return ""
	}
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

func findDuration(s string) string {
	if d := duration.FindString(s); d != "" {
		return normDuration(d)
	}
	return ""
}

func normDuration(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("–", "-", " to ", "-").Replace(s)), " ")
}

// itemPath reads a learning path written as a list within one section.
func itemPath(g *guide.Guide, si int) *Path {
	sec := g.Sections[si]
	p := &Path{Name: sec.Heading()}
	if p.Name == "" {
		p.Name = g.Title
	}
	for _, b := range sec.Blocks {
		if b.Kind != guide.Item && b.Kind != guide.Paragraph {
			continue
		}
		m := stageHead.FindStringSubmatch(b.Text)
		if m == nil || len(m[3]) == 0 {
			continue
		}
		st := newStage(m, b.Line, si)
		// "Step 1: Learn Python (4 weeks) - NumPy, Pandas" or "Month 1-2:
		// Python & SQL. Pandas, NumPy": the name ends at the first
		// separator, the rest are topics.
		name, topics, _ := strings.Cut(st.Name, " - ")
		for _, sep := range []string{": ", ". "} {
			if n, t, ok := strings.Cut(name, sep); ok {
				name, topics = n, strings.TrimSpace(t+" "+topics)
				break
			}
		}
		topics = strings.TrimSuffix(topics, ".")
		st.Name = strings.TrimSpace(name)
		for _, t := range strings.Split(topics, ",") {
			if t = strings.TrimSpace(t); t != "" {
				st.Topics = append(st.Topics, t)
			}
		}
		st.Text = b.Text
		st.Snippet = b.Text
		p.Stages = append(p.Stages, st)
	}
	if len(p.Stages) < 2 {
		return nil
	}
	return p
}
