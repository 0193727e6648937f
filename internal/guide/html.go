package guide

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML, whether a page saved whole or a block inside Markdown, is read
// into the same units as Markdown: headings, paragraphs, list items with
// their nesting, table rows with their headers, <details> as a titled
// sub-section, <pre> as a fence. A page's chrome (navigation, headers,
// footers, sidebars, forms, scripts) is left out by element and by the
// class or id pages give it.

// skipped are elements that hold no guide text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Svg: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Template: true, atom.Head: true, atom.Object: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Input: true, atom.Textarea: true,
}

// chrome is the class or id a page gives its navigation and furniture.
var chrome = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|footer|header|sidebar|toc|share|social|comments?|cookie|banner|advert|ads|promo|related|subscribe|newsletter|popup|modal|skip)(?:$|[\s_-])`)

// inlineAtoms are the elements whose text runs on within a paragraph.
var inlineAtoms = map[atom.Atom]bool{
	atom.A: true, atom.Span: true, atom.Strong: true, atom.B: true, atom.Em: true, atom.I: true,
	atom.Code: true, atom.Small: true, atom.Sup: true, atom.Sub: true, atom.Mark: true, atom.Abbr: true,
	atom.Label: true, atom.U: true, atom.S: true, atom.Font: true, atom.Time: true, atom.Cite: true,
	atom.Q: true, atom.Kbd: true, atom.Var: true, atom.Del: true, atom.Ins: true, atom.Big: true, atom.Tt: true,
	atom.Br: true, atom.Img: true, atom.Wbr: true,
}

// htmlReader turns an HTML tree into raws. Lines come from finding each
// unit's first words in the source after the previous unit's.
type htmlReader struct {
	src     string
	base    int // the line of src's first byte
	cursor  int // byte offset in src where the search for the next unit starts
	lastLn  int
	out     []raw
	depth   int   // nesting of lists
	parents []int // index in out of the item each open list is nested in
	leads   []string
}

func (h *htmlReader) lineOf(text string) int {
	probe := text
	if len(probe) > 24 {
		probe = probe[:24]
	}
	if i := strings.Index(h.src[h.cursor:], firstWord(probe)); probe != "" && i >= 0 {
		h.cursor += i
		h.lastLn = h.base + strings.Count(h.src[:h.cursor], "\n")
	}
	if h.lastLn == 0 {
		h.lastLn = h.base
	}
	return h.lastLn
}

// firstWord returns the first word of s, which a source escaping its
// entities still spells as s does.
func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	w := f[0]
	if i := strings.IndexAny(w, "&<>\"'"); i > 0 {
		w = w[:i]
	}
	return w
}

func (h *htmlReader) emit(r raw) {
	if r.block.Text == "" && r.heading == 0 && !r.close && r.open == nil {
		return
	}
	h.out = append(h.out, r)
}

// readHTML reads the units of an HTML fragment or page starting at line base.
func readHTML(src string, base int, fragment bool) []raw {
	h := &htmlReader{src: src, base: base}
	var roots []*html.Node
	if fragment {
		ns, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil {
			return nil
		}
		roots = ns
	} else {
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			return nil
		}
		roots = []*html.Node{mainContent(doc)}
	}
	for _, n := range roots {
		h.block(n)
	}
	return h.out
}

// mainContent returns the element holding a page's text: its largest
// <article> or <main>, else its <body>.
func mainContent(doc *html.Node) *html.Node {
	var best, body *html.Node
	bestLen := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Body:
				body = n
			case atom.Article, atom.Main:
				if l := len(textOf(n)); l > bestLen {
					best, bestLen = n, l
				}
			}
			if attr(n, "role") == "main" {
				if l := len(textOf(n)); l > bestLen {
					best, bestLen = n, l
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	switch {
	case best != nil:
		return best
	case body != nil:
		return body
	}
	return doc
}

// pageTitle returns a page's <title>, or "".
func pageTitle(doc string) string {
	n, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		return ""
	}
	var title string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if title != "" {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			title = strings.Join(strings.Fields(textOf(n)), " ")
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return title
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func isChromeElement(n *html.Node) bool {
	if skipped[n.DataAtom] {
		return true
	}
	if attr(n, "hidden") != "" || attr(n, "aria-hidden") == "true" || attr(n, "role") == "navigation" {
		return true
	}
	return chrome.MatchString(attr(n, "class")) || chrome.MatchString(attr(n, "id"))
}

// textOf returns all the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(n *html.Node)
	rec = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// inlineText returns the text of n's inline content, stopping at block
// children (which the caller reads as units of their own).
func inlineText(n *html.Node) string {
	return clean(inlineLines(n))
}

// inlineLines returns n's inline content as inlineText does, but with its
// lines kept: a <br> or a new line in the source ends a line.
func inlineLines(n *html.Node) string {
	var b strings.Builder
	var rec func(n *html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Br:
				b.WriteByte('\n')
			case c.DataAtom == atom.Img || skipped[c.DataAtom]:
			case inlineAtoms[c.DataAtom]:
				rec(c)
			}
		}
	}
	rec(n)
	return b.String()
}

// clean folds white space and drops attribute lists, template tags and
// icon shortcodes (":fontawesome-solid-graduation-cap:", ":rocket:").
func clean(s string) string {
	s = attrList.ReplaceAllString(s, " ")
	if strings.Count(s, ":") >= 2 {
		s = shortcode.ReplaceAllString(s, "$1")
	}
	return strings.Join(strings.Fields(s), " ")
}

var shortcode = regexp.MustCompile(`(^|\s):[a-z][a-z0-9_+\-]*:(?:\s|$)`)

// hasBlocks reports whether n holds block elements beside its inline text.
func hasBlocks(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !inlineAtoms[c.DataAtom] && !skipped[c.DataAtom] {
			return true
		}
	}
	return false
}

// block reads one node and what it holds.
func (h *htmlReader) block(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		h.text(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			h.block(c)
		}
		return
	}
	if isChromeElement(n) {
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if t := clean(textOf(n)); t != "" {
			level := int(n.Data[1] - '0')
			text, number := cleanHeading(t)
			h.emit(raw{heading: level, number: number, block: Block{Text: text, Line: h.lineOf(t), Parent: -1}})
		}
	case atom.Ul, atom.Ol:
		h.list(n, n.DataAtom == atom.Ol)
	case atom.Table:
		h.table(n)
	case atom.Pre:
		var lines []fenceLine
		text := textOf(n)
		first := h.lineOf(strings.TrimSpace(text))
		for i, l := range strings.Split(strings.Trim(text, "\n"), "\n") {
			lines = append(lines, fenceLine{text: l, line: first + i})
		}
		h.out = append(h.out, readFence("", lines)...)
	case atom.Details:
		var summary *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Summary {
				summary = c
				break
			}
		}
		title := ""
		if summary != nil {
			title = clean(textOf(summary))
		}
		if title != "" {
			h.emit(raw{open: &bound{kind: Aside, title: title}, block: Block{Line: h.lineOf(title)}})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c != summary {
				h.block(c)
			}
		}
		if title != "" {
			h.emit(raw{close: true})
		}
	case atom.Summary:
		if t := clean(textOf(n)); t != "" {
			h.paragraph(t)
		}
	default:
		if !hasBlocks(n) {
			h.text(inlineLines(n))
			return
		}
		// Text and blocks mixed: each run of inline content is a paragraph.
		var run strings.Builder
		flush := func() {
			h.text(run.String())
			run.Reset()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				run.WriteString(c.Data)
			case c.Type == html.ElementNode && inlineAtoms[c.DataAtom]:
				if c.DataAtom == atom.Br {
					run.WriteByte('\n')
				} else if c.DataAtom != atom.Img {
					run.WriteString(" " + inlineText(c) + " ")
				}
			default:
				flush()
				h.block(c)
			}
		}
		flush()
	}
}

// text reads a run of inline text: a pipe table left as text (Markdown a
// page did not render) as its rows, any other text as a paragraph.
func (h *htmlReader) text(lines string) {
	if rows := pipeRows(lines, h.rowLine); rows != nil {
		h.out = append(h.out, rows...)
		return
	}
	if t := clean(lines); t != "" {
		h.paragraph(t)
	}
}

// rowLine returns the line of a pipe row written as text: where a pipe
// opens its first cell, not where the cell's words are first found (the
// text above may name them too), and moves past it, so the next row, which
// may start with the same words ("Tier 1 …", "Tier 2 …"), is found on a
// line of its own.
func (h *htmlReader) rowLine(cells []string, i int) int {
	if i == 0 {
		// The body starts under the delimiter row, not at the header's
		// first cell, which may start with the same words.
		if loc := delimiterStart.FindStringIndex(h.src[h.cursor:]); loc != nil {
			h.cursor += loc[1]
		}
	}
	re := regexp.MustCompile(`\|[ \t]*` + regexp.QuoteMeta(firstWord(cells[0])))
	if loc := re.FindStringIndex(h.src[h.cursor:]); loc != nil {
		h.cursor += loc[1]
		h.lastLn = h.base + strings.Count(h.src[:h.cursor], "\n")
		return h.lastLn
	}
	return h.lineOf(cells[0])
}

// delimiterStart is how a pipe table's delimiter row starts: "|---", "| :--".
var delimiterStart = regexp.MustCompile(`\|[ \t]*:?-+`)

func (h *htmlReader) paragraph(t string) {
	if h.depth > 0 {
		parent := h.parents[len(h.parents)-1]
		h.emit(raw{block: Block{Kind: Item, Text: t, Line: h.lineOf(t), Lead: h.leads[len(h.leads)-1], Depth: h.depth, Parent: parent}})
		return
	}
	h.emit(raw{block: Block{Kind: Paragraph, Text: t, Line: h.lineOf(t), Parent: -1}})
}

// introduction returns the paragraph just read if it introduces what
// follows ("Tools I use:"): a list under it has it as its lead, as in
// Markdown.
func (h *htmlReader) introduction() string {
	if len(h.out) == 0 {
		return ""
	}
	r := h.out[len(h.out)-1]
	if r.heading == 0 && r.open == nil && !r.close && r.block.Kind == Paragraph && strings.HasSuffix(r.block.Text, ":") {
		return r.block.Text
	}
	return ""
}

// list reads the items of a <ul> or <ol>, nested lists as their children.
func (h *htmlReader) list(n *html.Node, ordered bool) {
	parent, lead := -1, h.introduction()
	if len(h.parents) > 0 {
		parent, lead = h.parents[len(h.parents)-1], h.leads[len(h.leads)-1]
	}
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			continue
		}
		own := inlineText(li)
		idx := parent
		if own != "" {
			h.emit(raw{block: Block{Kind: Item, Text: own, Line: h.lineOf(own), Lead: lead, Ordered: ordered, Depth: h.depth, Parent: parent}})
			idx = len(h.out) - 1
		}
		if !hasBlocks(li) {
			continue
		}
		h.depth++
		h.parents = append(h.parents, idx)
		l := lead
		if own != "" {
			l = own
		}
		h.leads = append(h.leads, l)
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !inlineAtoms[c.DataAtom] {
				h.block(c)
			}
		}
		h.depth--
		h.parents, h.leads = h.parents[:len(h.parents)-1], h.leads[:len(h.leads)-1]
	}
}

// table reads a table's rows with the header cells: a <thead>'s row, or
// a first row of <th> cells.
func (h *htmlReader) table(n *html.Node) {
	var rows [][]*html.Node
	var head []string
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead:
				walk(c, true)
			case atom.Tbody, atom.Tfoot:
				walk(c, false)
			case atom.Tr:
				var cells []*html.Node
				allTH := true
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						cells = append(cells, td)
						allTH = allTH && td.DataAtom == atom.Th
					}
				}
				if (inHead || allTH && len(rows) == 0) && head == nil {
					for _, td := range cells {
						head = append(head, clean(textOf(td)))
					}
					continue
				}
				rows = append(rows, cells)
			}
		}
	}
	walk(n, false)
	for _, r := range rows {
		var cells []string
		for _, td := range r {
			cells = append(cells, clean(textOf(td)))
		}
		if t := rowText(head, cells); t != "" {
			h.emit(raw{block: Block{Kind: Row, Text: t, Line: h.lineOf(cells[0]), Cells: cells, Header: head, Parent: -1}})
		}
	}
}

// isHTMLPage reports whether a file's bytes are an HTML page rather than
// Markdown that happens to open with a tag.
func isHTMLPage(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}
