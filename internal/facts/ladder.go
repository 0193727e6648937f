package facts

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

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
	// arrow joins the rungs of a ladder drawn in text.
	arrow = regexp.MustCompile(`\s*(?:-{1,2}>|={1,2}>|[—–─━]+>|→|⟶|➔|➜|➡️?|⇒|⮕)\s*`)
	// treeChild is what an ASCII tree draws before a child: "└─>", "├── ", "  -> ".
	treeChild = regexp.MustCompile(`^\s*(?:[│|]\s*)*(?:[├└+` + "`" + `][─━-]*>?|-{1,2}>|[—–─━]+>|→|⟶|⇒)\s*`)
	// rungYears reads the experience a rung asks for: "(0-2 yrs)", "10+ years".
	rungYears = regexp.MustCompile(`(?i)\(?\s*(\d{1,2}\s*(?:[-–]|to)\s*\d{1,2}|\d{1,2}\s*\+?)\s*\+?\s*(?:years?|yrs?|yoe)(?:\s+(?:of\s+)?experience)?\s*\)?`)
	// ladderHeading marks a heading whose subsections are the steps of a career.
	ladderHeading = regexp.MustCompile(`(?i)\b(?:career|progression|ladder|levels|growth|track|hierarchy|promotion)\b`)
)

// arrowRunes holds a rune of every arrow form: lines without one are no
// ladder drawn in text, and need no regular expression to tell.
const arrowRunes = ">→⟶➔➜➡⇒⮕"

// maxRungWords bounds the words of one rung: longer pieces between arrows
// are prose ("raw data → insights"), not roles.
const maxRungWords = 8

// extractLadders finds ladders drawn with arrows (on one line, or as an
// ASCII tree over several), and ladders written as sibling headings that
// name levels or roles with years ("Junior ML Engineer (0-2 years)").
func extractLadders(g *guide.Guide, paths []Path) []Ladder {
	var out []Ladder
	for si, sec := range g.Sections {
		var tree *Ladder
		for _, b := range sec.Blocks {
			text := strings.TrimSpace(b.Text)
			if child := treeChild.FindString(b.Text); tree != nil && child != "" {
				// "└─> Senior ML Engineer": the next rung of the tree above,
				// as deep as its drawing is indented.
				if r, ok := rungOf(b.Text[len(child):], b.Line, si); ok {
					r.Snippet, r.Depth = text, 1+b.Indent+utf8.RuneCountInString(strings.TrimRight(child, " "))
					tree.Rungs = append(tree.Rungs, r)
					continue
				}
			}
			if tree != nil && len(tree.Rungs) >= 2 {
				out = append(out, *tree)
			}
			tree = nil
			if l, ok := arrowLadder(text, b.Line, si); ok {
				if len(l.Rungs) >= 2 {
					out = append(out, l)
				} else {
					tree = &l
				}
			}
		}
		if tree != nil && len(tree.Rungs) >= 2 {
			out = append(out, *tree)
		}
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

// yearsOnly keeps a duration that counts years: a rung's span of experience.
func yearsOnly(d string) string {
	if strings.Contains(d, "year") {
		return d
	}
	return ""
}

// arrowLadder reads "Career Progression: Data Scientist → Senior Data
// Scientist → Lead". A line with no arrow yet that names one role is the
// root of a tree whose children follow.
func arrowLadder(text string, line, section int) (Ladder, bool) {
	if !strings.ContainsAny(text, arrowRunes) {
		// Only a short line naming a role can root a tree.
		if len(text) > 80 || len(strings.Fields(text)) > maxRungWords || !namesRole(text) {
			return Ladder{}, false
		}
		if r, ok := rungOf(text, line, section); ok {
			return Ladder{Rungs: []Rung{r}}, true
		}
		return Ladder{}, false
	}
	pieces := arrow.Split(text, -1)
	if len(pieces) == 1 {
		return Ladder{}, false
	}
	// A label before the first rung ("Career Progression: …") is not a role.
	if i := strings.LastIndex(pieces[0], ": "); i >= 0 {
		pieces[0] = pieces[0][i+2:]
	}
	var l Ladder
	for i, p := range pieces {
		r, ok := rungOf(p, line, section)
		if !ok {
			return Ladder{}, false
		}
		r.Snippet, r.Depth = text, i
		l.Rungs = append(l.Rungs, r)
	}
	// Rungs name roles or levels; "data → model → product" is a pipeline.
	named := 0
	for _, r := range l.Rungs {
		if namesRole(r.Name) || rungYears.MatchString(r.Years) {
			named++
		}
	}
	return l, named*2 > len(l.Rungs)
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
	flush := func() {
		if len(cur.Rungs) >= 2 {
			out = append(out, cur)
		}
		cur = Ladder{}
	}
	for si, sec := range g.Sections {
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
