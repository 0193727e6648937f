package facts

import (
	"regexp"
	"slices"
	"strings"

	"github.com/careerbot/careerbot/internal/guide"
)

// Ladder is a career progression a guide lays out: roles in order, each
// with the years of experience it usually takes where the guide says.
type Ladder struct {
	Rungs []Rung
}

// Rung is one role of a ladder.
type Rung struct {
	Name  string // "Senior ML Engineer"
	Years string // "4-7 years", "" when not given
	// Depth places the rung in a tree: a rung's next roles are the rungs
	// after it one level deeper ("├─> Principal", "└─> Manager" both
	// follow "Staff"). In a line, each rung is one deeper than the last.
	Depth int
	// Members are the roles a rung groups: "### Senior Positions" then
	// "- Senior ML Engineer", "- ML Architect".
	Members []string
	Ref
}

// Next returns the indexes of the rungs that follow rung i: one, or
// several where the ladder forks.
func (l Ladder) Next(i int) []int {
	var out []int
	d := -1
	for j := i + 1; j < len(l.Rungs) && l.Rungs[j].Depth > l.Rungs[i].Depth; j++ {
		if d < 0 {
			d = l.Rungs[j].Depth
		}
		if l.Rungs[j].Depth == d {
			out = append(out, j)
		}
	}
	return out
}

// Title returns the rung as a reader would write it: "Senior ML Engineer
// (4-7 years)", "Senior Positions (Senior ML Engineer, ML Architect)".
func (r Rung) Title() string {
	t := r.Name
	if r.Years != "" {
		t += " (" + r.Years + ")"
	}
	if len(r.Members) > 0 {
		t += " (" + strings.Join(r.Members, ", ") + ")"
	}
	return t
}

var (
	// rungYears reads the experience a rung asks for: "(0-2 yrs)", "10+ years".
	rungYears = regexp.MustCompile(`(?i)\(?\s*(\d{1,2}\s*(?:[-–]|to)\s*\d{1,2}|\d{1,2}\s*\+?)\s*\+?\s*(?:years?|yrs?|yoe)(?:\s+(?:of\s+)?experience)?\s*\)?`)
	// ladderHeading marks a heading whose subsections are the steps of a career.
	ladderHeading = regexp.MustCompile(`(?i)\b(?:career|progression|ladder|levels|growth|track|hierarchy|promotion)\b`)
)

// maxRungWords bounds the words of one rung: longer names are prose, not roles.
const maxRungWords = 8

// extractLadders finds ladders drawn as steps (arrows in a line, an ASCII
// tree, a mermaid graph: the edges the document model holds), ladders
// written as sibling headings that name levels or roles, and lists of roles
// under a heading about careers.
func extractLadders(g *guide.Guide, paths []Path) []Ladder {
	var out []Ladder
	for si, sec := range g.Sections {
		out = append(out, drawnLadders(sec, si)...)
	}
	// Learning paths whose stages are roles or levels are ladders too, with
	// the role heading after their last stage that gives no years
	// ("### Engineering Manager").
	for pi := range paths {
		p := &paths[pi]
		l := Ladder{}
		for i, st := range p.Stages {
			name := st.Title()
			if !namesRole(name) {
				l.Rungs = nil
				break
			}
			l.Rungs = append(l.Rungs, Rung{Name: name, Years: yearsOnly(st.Duration), Depth: i, Ref: st.Ref})
		}
		if len(l.Rungs) < 2 {
			continue
		}
		last := g.Sections[p.Stages[len(p.Stages)-1].Section]
		if si := p.Stages[len(p.Stages)-1].Section + 1; si < len(g.Sections) {
			if next := g.Sections[si]; len(next.Path) == len(last.Path) && slices.Equal(next.Path[:len(next.Path)-1], last.Path[:len(last.Path)-1]) && namesRole(next.Heading()) {
				if r, ok := rungOf(next.Heading(), next.Line, si); ok {
					r.Depth = len(l.Rungs)
					l.Rungs = append(l.Rungs, r)
				}
			}
		}
		out = append(out, l)
		p.Ladder = true
	}
	out = append(out, listLadders(g)...)
	return append(out, headingLadders(g)...)
}

// drawnLadders reads the ladders a section draws. Its blocks' steps make a
// graph; each walk from a role no step leads to is a ladder, its rungs in
// the order the walk meets them, each one deeper than the rung it follows
// (so a fork's roles are both next). A walk whose names are mostly not
// roles is a pipeline or a system drawing, not a ladder.
func drawnLadders(sec guide.Section, si int) []Ladder {
	type node struct {
		name string
		next []int
		in   int
		ref  Ref
	}
	var nodes []node
	idx := map[string]int{}
	get := func(name string, b guide.Block) int {
		key := strings.ToLower(name)
		if i, ok := idx[key]; ok {
			return i
		}
		idx[key] = len(nodes)
		nodes = append(nodes, node{name: name, ref: Ref{Section: si, Line: b.Line, Snippet: b.Text}})
		return len(nodes) - 1
	}
	for _, b := range sec.Blocks {
		for _, e := range b.Edges {
			from, to := get(e.From, b), get(e.To, b)
			if from != to && !slices.Contains(nodes[from].next, to) {
				nodes[from].next = append(nodes[from].next, to)
				nodes[to].in++
				nodes[to].ref = Ref{Section: si, Line: b.Line, Snippet: b.Text}
			}
		}
	}
	if len(nodes) < 2 {
		return nil
	}
	// A graph's node may say more than its name elsewhere in the section
	// ("Senior Analytics Engineer — £70-100K, 4+ years"): its years.
	details := func(name string) string {
		for _, b := range sec.Blocks {
			if rest, ok := strings.CutPrefix(b.Text, name+" — "); ok {
				return rest
			}
		}
		return ""
	}
	var out []Ladder
	seen := make([]bool, len(nodes))
	var walk func(l *Ladder, i, depth int)
	walk = func(l *Ladder, i, depth int) {
		if seen[i] {
			return
		}
		seen[i] = true
		n := nodes[i]
		r, ok := rungOf(n.name+" "+yearsIn(details(n.name)), n.ref.Line, si)
		if !ok {
			r = Rung{Name: n.name, Ref: n.ref}
		}
		r.Snippet, r.Depth = n.ref.Snippet, depth
		l.Rungs = append(l.Rungs, r)
		for _, j := range n.next {
			walk(l, j, depth+1)
		}
	}
	for i := range nodes {
		if nodes[i].in > 0 || seen[i] {
			continue
		}
		var l Ladder
		walk(&l, i, 0)
		named := 0
		for _, r := range l.Rungs {
			if namesRole(r.Name) || r.Years != "" {
				named++
			}
		}
		if len(l.Rungs) >= 2 && named*2 > len(l.Rungs) {
			out = append(out, l)
		}
	}
	return out
}

// yearsIn returns the span of experience s states ("4+ years"), or "".
func yearsIn(s string) string {
	return rungYears.FindString(s)
}

// yearsOnly keeps a duration that counts years: a rung's span of experience.
func yearsOnly(d string) string {
	if strings.Contains(d, "year") {
		return d
	}
	return ""
}

// rungOf reads one rung: its name and the years it asks for.
func rungOf(s string, line, section int) (Rung, bool) {
	s = strings.Trim(strings.TrimSpace(s), "*_`.;,")
	years := ""
	if loc := rungYears.FindStringSubmatchIndex(s); loc != nil {
		years = normDuration(s[loc[2]:loc[3]]) + " years"
		if strings.HasSuffix(strings.TrimSpace(s[loc[2]:loc[3]]), "+") || strings.Contains(s[loc[3]:loc[1]], "+") {
			years = strings.TrimSuffix(normDuration(s[loc[2]:loc[3]]), "+") + "+ years"
		}
		s = s[:loc[0]] + s[loc[1]:]
	}
	s = strings.Trim(strings.TrimSpace(s), "*_`:;,.-–— ()")
	if s == "" || len(strings.Fields(s)) > maxRungWords {
		return Rung{}, false
	}
	return Rung{Name: s, Years: years, Ref: Ref{Section: section, Line: line, Snippet: s}}, true
}

// listLadders reads a list of roles under a heading or lead about careers
// ("## Career progression" then "1. Junior Data Scientist (0-2 yrs)",
// "- Senior Data Scientist: leads projects").
func listLadders(g *guide.Guide) []Ladder {
	var out []Ladder
	for si, sec := range g.Sections {
		bs := sec.Blocks
		for i := 0; i < len(bs); {
			j := i
			for j < len(bs) && bs[j].Kind == guide.Item && bs[j].Lead == bs[i].Lead {
				j++
			}
			if j == i {
				i++
				continue
			}
			if ladderHeading.MatchString(sec.Heading()+" "+bs[i].Lead) && j-i >= 2 {
				var l Ladder
				for k, b := range bs[i:j] {
					name := b.Text
					if n, _, ok := strings.Cut(name, ": "); ok {
						name = n
					} else if n, _, ok := strings.Cut(name, " - "); ok {
						name = n
					}
					r, ok := rungOf(name, b.Line, si)
					if !ok || !namesRole(r.Name) {
						l.Rungs = nil
						break
					}
					r.Depth, r.Snippet = k, b.Text
					l.Rungs = append(l.Rungs, r)
				}
				if len(l.Rungs) >= 2 {
					out = append(out, l)
				}
			}
			i = j
		}
	}
	return out
}

// headingLadders reads sibling headings under a heading about careers
// ("Career Progression") that each name a level or a role: "### Junior",
// "### Senior", "### Staff".
func headingLadders(g *guide.Guide) []Ladder {
	var out []Ladder
	var cur Ladder
	var parent string
	var under []string // the heading path of the ladder's rungs
	flush := func() {
		if len(cur.Rungs) >= 2 {
			out = append(out, cur)
		}
		cur, under = Ladder{}, nil
	}
	for si, sec := range g.Sections {
		if len(cur.Rungs) > 0 && len(sec.Path) > len(under)+1 && slices.Equal(sec.Path[:len(under)], under) {
			continue // a part of a rung ("Skills needed for this level"): the ladder goes on
		}
		if len(sec.Path) < 2 || !ladderHeading.MatchString(sec.Path[len(sec.Path)-2]) {
			flush()
			continue
		}
		h := sec.Heading()
		if !namesRole(h) {
			flush()
			continue
		}
		if p := strings.Join(sec.Path[:len(sec.Path)-1], "›"); p != parent {
			flush()
			parent = p
		}
		under = sec.Path[:len(sec.Path)-1]
		r, ok := rungOf(h, sec.Line, si)
		if !ok || rungYears.MatchString(h) {
			// Headings with years are read as timed stages already.
			flush()
			continue
		}
		r.Depth = len(cur.Rungs)
		for _, b := range sec.Blocks {
			if b.Kind == guide.Item && len(strings.Fields(b.Text)) <= maxRungWords && namesRole(b.Text) {
				r.Members = append(r.Members, b.Text)
			}
		}
		cur.Rungs = append(cur.Rungs, r)
	}
	flush()
	return out
}
