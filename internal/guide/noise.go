package guide

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules below recognise the chrome of scraped pages by its shape, not by
// its wording, so they hold for sites we have never seen.

var (
	readTime = regexp.MustCompile(`(?i)\b\d+\s*(?:min|mins|minutes?)\b[\s.]*read\b`)
	arrows   = "←→↑↓«»‹›⬅➡⇐⇒"
)

// headingLike reports whether a one-line paragraph of plain text reads as a
// heading: short, no sentence punctuation at its end, starting with a
// capital letter or digit.
func headingLike(s string) bool {
	if s == "" || len(s) > 100 || strings.ContainsAny(s, "\n") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 12 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:!?", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// promoteBareHeadings turns heading-like one-line paragraphs into headings,
// for guides written as plain text.
func promoteBareHeadings(raws []raw) []raw {
	out := raws[:0:0]
	for _, r := range raws {
		switch {
		case r.heading == 0 && r.block.Kind == Paragraph && headingLike(r.block.Text) && !isChrome(r.block.Text):
			r.heading = 2
		case r.heading == 0 && r.block.Kind == Paragraph && r.firstLine != "" && headingLike(r.firstLine) &&
			!isChrome(r.firstLine) && strings.HasPrefix(r.block.Text, r.firstLine+" "):
			// "Soft Skills" on the line above its text, with no blank line between.
			h := raw{heading: 2, block: Block{Text: r.firstLine, Line: r.block.Line, Parent: -1}, id: -1}
			r.block.Text = strings.TrimSpace(r.block.Text[len(r.firstLine):])
			r.block.Line = r.restLine
			out = append(out, h)
		}
		out = append(out, r)
	}
	return out
}

// isChrome reports page furniture: navigation with arrows, bylines with a
// reading time.
func isChrome(s string) bool {
	words := len(strings.Fields(s))
	if words <= 6 && strings.ContainsAny(s, arrows) && navigation(s) {
		return true
	}
	return words <= 20 && readTime.MatchString(s)
}

// navWords are what page navigation says beside its arrows.
var navWords = regexp.MustCompile(`(?i)\b(?:prev|previous|next|back|home|more|continue|top|older|newer|page|post|article|menu)\b`)

// navigation reports whether a short text with arrows is navigation
// ("← Previous post", "Next »") rather than a step between two things
// ("Junior → Mid Level", a career ladder): its arrow opens or closes it,
// or it says where to go.
func navigation(s string) bool {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_:"))
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(arrows, first) || strings.ContainsRune(arrows, last) || navWords.MatchString(t)
}

// dropNoise removes chrome, dangling labels ("Share:"), tables of
// contents, a heading repeated right after itself, and paragraphs repeated
// word for word.
func dropNoise(raws []raw) []raw {
	raws = dropContents(raws)
	out := raws[:0:0]
	seen := map[string]bool{}
	for i, r := range raws {
		if r.open != nil || r.close {
			out = append(out, r)
			continue
		}
		t := r.block.Text
		if isChrome(t) {
			continue
		}
		if r.heading == 0 && r.kind == Heading && r.block.Kind == Paragraph && strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= 4 {
			if i+1 == len(raws) || raws[i+1].block.Lead != t {
				continue // a label that introduces nothing
			}
		}
		if r.heading > 0 && len(out) > 0 {
			prev := out[len(out)-1]
			if prev.heading > 0 && strings.EqualFold(prev.block.Text, t) {
				continue
			}
		}
		if r.heading == 0 && r.kind == Heading && r.block.Kind == Paragraph && len(strings.Fields(t)) >= 8 {
			key := strings.ToLower(t)
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		out = append(out, r)
	}
	return out
}

// paraLabel is the label a paragraph opens with: "Time-management: A lot
// of…", "Rapid Prototyping — Iterating…".
var paraLabel = regexp.MustCompile(`^([^.:;!?]{2,60}?)(?::| —| –| -) \S`)

// minLabelRun is how many labelled paragraphs in a row make a list.
const minLabelRun = 3

// labelledRuns reads a run of paragraphs that each open with a short label
// ("Communication: You'll need to…") as the items of one list: the labels
// are what the run enumerates.
func labelledRuns(raws []raw) []raw {
	isLabelled := func(r raw) bool {
		return r.heading == 0 && r.kind == Heading && r.open == nil && !r.close && r.block.Kind == Paragraph &&
			paraLabel.MatchString(r.block.Text) && len(strings.Fields(paraLabel.FindStringSubmatch(r.block.Text)[1])) <= 6
	}
	for i := 0; i < len(raws); {
		j := i
		for j < len(raws) && isLabelled(raws[j]) {
			j++
		}
		if j-i >= minLabelRun {
			lead := ""
			if p := i - 1; p >= 0 && raws[p].heading == 0 && raws[p].block.Kind == Paragraph && strings.HasSuffix(raws[p].block.Text, ":") {
				lead = raws[p].block.Text
			}
			for k := i; k < j; k++ {
				raws[k].block.Kind, raws[k].block.Lead = Item, lead
			}
		}
		i = max(j, i+1)
	}
	return raws
}

// heads reports whether r starts a section: a heading, a bold label or
// question, or a bounded sub-section.
func (r raw) heads() bool {
	return r.heading > 0 || r.open != nil || r.kind == Label || r.kind == Question
}

// genericHeadings are section names no guide is titled with.
var genericHeadings = map[string]bool{"introduction": true, "intro": true, "overview": true, "contents": true,
	"table of contents": true, "toc": true, "about": true, "summary": true, "background": true, "preface": true}

// pickTitle chooses the guide's title — front matter, else the first
// heading of any level, else the longest of the heading-like lines that
// open a plain-text file — and drops the lines that only repeat it or
// precede it as page chrome.
func pickTitle(raws []raw, metaTitle string, plain bool) (string, []raw) {
	title := metaTitle
	cut := 0 // raws[:cut] are chrome before the title, and the title itself
	first := -1
	for i, r := range raws {
		if plain {
			break // bare lines are read as headings below
		}
		if r.heading > 0 {
			first = i
			break
		}
		if r.open != nil || r.close || r.kind != Heading || !headingLike(r.block.Text) {
			break // content before any heading
		}
	}
	if first < 0 && !plain {
		// Content comes first: a heading is the title when it is the only
		// one at its level or above ("# Guide" after an intro paragraph).
		for i, r := range raws {
			if r.heading == 0 {
				continue
			}
			alone := true
			for _, o := range raws[i+1:] {
				if o.heading > 0 && o.heading <= r.heading {
					alone = false
					break
				}
			}
			if alone && r.heading <= 2 {
				first = i
			}
			break
		}
	}
	if first >= 0 {
		h := raws[first]
		switch {
		case genericHeadings[strings.ToLower(h.block.Text)]:
		case title == "":
			title, cut = h.block.Text, first+1
		case h.heading == 1 && !slices.ContainsFunc(raws[first+1:], func(o raw) bool { return o.heading == 1 }) || sameWords(title, h.block.Text):
			// The first H1 is the page's displayed title; with a title in
			// the front matter it only repeats it in other words. Among
			// other H1s it is the first section's heading.
			cut = first + 1
		}
	}
	if title == "" && !plain && len(raws) > 0 && raws[0].kind == Label && raws[0].open == nil && raws[0].number == "" {
		// A bold line opening a file whose headings are all below level 1
		// ("**Data-Engineer-Roadmap**" over "### Month 1") is its title,
		// unless it is numbered: "**1. Getting Started**" is a first part.
		h1 := false
		for _, r := range raws {
			if r.heading == 1 {
				h1 = true
				break
			}
		}
		if !h1 && (first < 0 || raws[first].heading > 1) {
			title, cut = raws[0].block.Text, 1
		}
	}
	if title == "" && plain {
		// The longest of the heading-like lines that open the file; shorter
		// ones before it are breadcrumbs, those after it are sections.
		for i, r := range raws {
			if r.heading == 0 || r.number != "" {
				break // a numbered line ("1. Getting Started") is a first part
			}
			if len(strings.Fields(r.block.Text)) > len(strings.Fields(title)) {
				title, cut = r.block.Text, i+1
			}
		}
	}
	out := raws[:0:0]
	for i, r := range raws {
		if i < cut && (r.heading > 0 || headingLike(r.block.Text) || i == cut-1) {
			continue // short lines before the title: category labels, the title again
		}
		if strings.EqualFold(r.block.Text, title) && (r.heading > 0 || r.block.Kind == Paragraph && r.open == nil) {
			continue
		}
		out = append(out, r)
	}
	return title, out
}

// sameWords reports whether most words of the shorter of two titles are
// words of the other: "Data Science Salary in India 2025?" and "Data
// Science Salary in India: Your Ultimate Guide".
func sameWords(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	in := map[string]bool{}
	for _, w := range wb {
		in[strings.Trim(w, ":?!.,")] = true
	}
	n := 0
	for _, w := range wa {
		if in[strings.Trim(w, ":?!.,")] {
			n++
		}
	}
	return len(wa) > 0 && n*3 >= len(wa)*2
}

// sectionize groups blocks under their heading path. A bold label or FAQ
// question heads a section one level below the heading it sits under, and
// its sibling labels replace it; a bounded sub-section (a tab, a titled
// admonition, <details>) holds its body and then gives the path back to
// the section around it. Headings with no text of their own only appear
// in their children's paths.
func sectionize(raws []raw) []Section {
	type entry struct {
		level   int
		text    string
		kind    SectionKind
		number  string
		bounded bool
	}
	var stack []entry
	var sections []Section
	cur := -1              // index of the section taking blocks, -1 for none yet
	at := map[int][2]int{} // a raw's id → its section and index there
	top := func() int {
		if len(stack) == 0 {
			return 0
		}
		return stack[len(stack)-1].level
	}
	floor := func() int { // the level of the innermost bound, below which nothing pops
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].bounded {
				return stack[i].level
			}
		}
		return 0
	}
	popLabels := func() {
		for len(stack) > 0 && !stack[len(stack)-1].bounded && (stack[len(stack)-1].kind == Label || stack[len(stack)-1].kind == Question) {
			stack = stack[:len(stack)-1]
		}
	}
	start := func(line int) {
		var path []string
		for _, e := range stack {
			if e.text != "" {
				path = append(path, e.text)
			}
		}
		s := Section{Path: path, Line: line}
		if len(stack) > 0 {
			s.Kind, s.Number = stack[len(stack)-1].kind, stack[len(stack)-1].number
		}
		sections = append(sections, s)
		cur = len(sections) - 1
	}
	for _, r := range raws {
		switch {
		case r.close:
			for len(stack) > 0 {
				e := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if e.bounded {
					break
				}
			}
			cur = -1 // what follows continues the section around it
		case r.open != nil:
			popLabels()
			title := r.open.title
			for _, e := range stack {
				if strings.EqualFold(e.text, title) {
					title = "" // "### Academic Path" then !!! note "Academic Path": no new name
				}
			}
			stack = append(stack, entry{level: top() + 1, text: title, kind: r.open.kind, bounded: true})
			start(r.block.Line)
		case r.heading > 0:
			popLabels() // a label heads what follows it up to the next heading
			level := max(r.heading, floor()+1)
			for len(stack) > 0 && !stack[len(stack)-1].bounded && stack[len(stack)-1].level >= level {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, entry{level: level, text: r.block.Text, number: r.number})
			start(r.block.Line)
		case r.kind == Label || r.kind == Question:
			// A label right under a label that holds nothing yet is a part
			// of it ("**Level 2 - Senior**" then "**Duties:**"); else its
			// sibling.
			if cur < 0 || len(sections[cur].Blocks) > 0 || len(stack) == 0 || stack[len(stack)-1].kind == Heading || stack[len(stack)-1].bounded {
				popLabels()
			}
			stack = append(stack, entry{level: top() + 1, text: r.block.Text, kind: r.kind})
			start(r.block.Line)
		default:
			if cur < 0 {
				start(r.block.Line)
			}
			s := &sections[cur]
			b := r.block
			if p, ok := at[b.Parent]; ok && p[0] == cur && b.Parent >= 0 {
				b.Parent = p[1]
			} else {
				b.Parent = -1
			}
			at[r.id] = [2]int{cur, len(s.Blocks)}
			s.Blocks = append(s.Blocks, b)
		}
	}
	// A heading with no text of its own stays when sections sit under it
	// (a stage whose topics are bold labels): readers see the structure.
	out := sections[:0]
	for i, s := range sections {
		if len(s.Blocks) > 0 || i+1 < len(sections) && s.Contains(sections[i+1]) {
			if cap(s.Blocks) > len(s.Blocks) {
				s.Blocks = slices.Clone(s.Blocks) // a guide is kept for the engine's life: at its size
			}
			out = append(out, s)
		}
	}
	return slices.Clip(out)
}

// overview reports whether the list items raws[i:j] name, mostly, the
// subsections of the heading they sit under, and that heading is a topic
// with sections beside it ("## Levels" then "- Associate", "- Senior"
// over "### Associate", "### Senior"): the list is the section's answer,
// not the guide's table of contents. A list under the guide's only top
// heading, or under "Contents", lists the whole guide.
func overview(raws []raw, i, j int) bool {
	h := i - 1
	for h >= 0 && raws[h].heading == 0 {
		h--
	}
	if h < 0 {
		return false
	}
	name, _ := cleanHeading(raws[h].block.Text)
	if genericHeadings[strings.ToLower(name)] {
		return false
	}
	level, beside := raws[h].heading, false
	for k, r := range raws {
		beside = beside || k != h && r.heading > 0 && r.heading <= level
	}
	children := map[string]bool{}
	for k := h + 1; k < len(raws) && (raws[k].heading == 0 || raws[k].heading > level); k++ {
		if raws[k].heading > 0 {
			t, _ := cleanHeading(raws[k].block.Text)
			children[strings.ToLower(t)] = true
		}
	}
	if !beside {
		return false
	}
	mine := 0
	for k := i; k < j; k++ {
		if t, _ := cleanHeading(raws[k].block.Text); children[strings.ToLower(t)] {
			mine++
		}
	}
	return mine*10 >= (j-i)*6
}

// dropContents removes runs of list items that mostly repeat the guide's
// own headings: tables of contents and "jump to" link lists, nested or not.
func dropContents(raws []raw) []raw {
	headings := map[string]bool{}
	for _, r := range raws {
		if r.heads() {
			t, _ := cleanHeading(r.block.Text)
			headings[strings.ToLower(t)] = true
		}
	}
	drop := make([]bool, len(raws))
	for i := 0; i < len(raws); {
		if raws[i].heads() || raws[i].block.Kind != Item {
			i++
			continue
		}
		j, same := i, 0
		for j < len(raws) && !raws[j].heads() && !raws[j].close && raws[j].block.Kind == Item {
			if t, _ := cleanHeading(raws[j].block.Text); headings[strings.ToLower(t)] {
				same++
			}
			j++
		}
		if n := j - i; n >= 3 && same*10 >= n*6 && !overview(raws, i, j) {
			for k := i; k < j; k++ {
				drop[k] = true
			}
			// and its label ("Table of contents"), if it has one
			if p := i - 1; p >= 0 && raws[p].heading == 0 && raws[p].block.Kind == Paragraph && len(strings.Fields(raws[p].block.Text)) <= 4 {
				drop[p] = true
			}
		}
		i = j
	}
	out := raws[:0:0]
	for i, r := range raws {
		if !drop[i] {
			out = append(out, r)
		}
	}
	return out
}
