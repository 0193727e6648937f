package guide

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"

	"github.com/careerbot/careerbot/internal/lexicon"
)

// MaxFileBytes is the largest guide file Parse accepts. Real guides are tens
// of kilobytes; anything this large is a dump, not a guide.
const MaxFileBytes = 4 << 20

// ErrSkipped is wrapped by the errors Parse returns for files it refuses
// (empty, binary, too large, no text).
var ErrSkipped = errors.New("skipped")

// Parse parses one guide file. source names it in warnings and citations.
// It returns an error wrapping ErrSkipped for a file that holds no guide
// (its message says why, without the file name), and warnings for
// problems it worked around.
func Parse(source string, data []byte) (*Guide, []Warning, error) {
	p := &parser{source: source}
	g, err := p.parse(data)
	if err != nil {
		return nil, p.warnings, fmt.Errorf("%w: %v", ErrSkipped, err)
	}
	return g, p.warnings, nil
}

type parser struct {
	source    string
	warnings  []Warning
	src       []byte
	lineStart []int // byte offset of each line's start
	front     []raw // the sections the front matter's content reads into
}

func (p *parser) warn(line int, format string, args ...any) {
	p.warnings = append(p.warnings, Warning{Source: p.source, Line: line, Message: fmt.Sprintf(format, args...)})
}

// line returns the 1-based line holding byte offset off.
func (p *parser) line(off int) int {
	return sort.Search(len(p.lineStart), func(i int) bool { return p.lineStart[i] > off })
}

// RunsOn reports whether text ends mid-sentence, on a word no sentence
// ends on: a paragraph that does runs on into the list after it, its lead.
func RunsOn(text string) bool {
	last := text[strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
	return dangling[strings.ToLower(last)] // "" when text ends on a mark, not a word
}

// dangling holds the words no sentence ends on. A set, not a pattern:
// every paragraph of every guide is looked up.
var dangling = lexicon.Get().Set("dangling")

// raw is a heading, a content block, or the bounds of a sub-section, in
// document order, before sectioning.
type raw struct {
	heading int         // heading level, 0 for a content block
	kind    SectionKind // what marked a heading
	number  string      // a heading's numbering ("1", "2.3", "b")
	block   Block       // a heading's text and line, or the content block
	// open starts a sub-section a dialect bounds (a tab, an admonition,
	// <details>), one level below the heading it sits under; close ends the
	// innermost one open.
	open  *bound
	close bool
	id    int // the raw's place in the stream read, which Parent names
	// firstLine is the first line of a paragraph of several, and restLine
	// the line the rest starts on: a bare heading in a plain-text guide.
	firstLine string
	restLine  int
}

func (p *parser) parse(data []byte) (*Guide, error) {
	switch {
	case len(data) > MaxFileBytes:
		return nil, fmt.Errorf("file is %d bytes; the limit is %d", len(data), MaxFileBytes)
	case len(bytes.TrimSpace(data)) == 0:
		return nil, errors.New("file is empty")
	case bytes.IndexByte(data, 0) >= 0:
		return nil, errors.New("binary file (it holds NUL bytes)")
	}
	if !utf8.Valid(data) {
		p.warn(firstInvalidLine(data), "invalid UTF-8 replaced with U+FFFD")
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	p.src = data
	p.index()
	var raws []raw
	meta := map[string]string{}
	headings := 0
	plain := false
	if isHTMLPage(data) {
		raws = readHTML(string(data), 1, false)
		numberRaws(raws)
		drawnSteps(raws)
		meta["title"] = pageTitle(string(data))
		for _, r := range raws {
			if r.heading > 0 {
				headings++
			}
		}
	} else {
		meta = p.frontMatter() // blanks the front matter in p.src, keeping line numbers
		var bounds []bound
		p.src, bounds = dialects(p.src)
		p.index()
		md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.DefinitionList))
		doc := md.Parser().Parse(text.NewReader(p.src))
		p.walk(doc, &raws, &headings)
		numberRaws(raws)
		drawnSteps(raws)
		raws = withBounds(raws, bounds)
		plain = headings == 0
		if plain {
			raws = promoteBareHeadings(raws)
		}
	}
	raws = dropNoise(raws)
	raws = labelledRuns(raws)

	g := &Guide{Source: p.source, Meta: meta}
	g.Title, raws = pickTitle(raws, metaTitle(meta), plain)
	raws = withFront(raws, p.front)
	if g.Title == "" {
		g.Title = titleFromFileName(p.source)
	}
	g.Sections = sectionize(raws)
	if len(g.Sections) == 0 {
		return nil, errors.New("no text found")
	}
	return g, nil
}

// withFront puts the sections read from the front matter before the body,
// closed so that the body's headings do not sit under them.
func withFront(raws, front []raw) []raw {
	if len(front) == 0 {
		return raws
	}
	out := make([]raw, 0, len(front)+1+len(raws))
	for i, r := range front {
		r.id = len(raws) + i
		out = append(out, r)
	}
	out = append(out, raw{close: true, id: len(raws) + len(front)})
	return append(out, raws...)
}

// drawnSteps reads the steps that lines of text draw with arrows.
func drawnSteps(raws []raw) {
	for i := range raws {
		b := &raws[i].block
		if raws[i].heading == 0 && (b.Kind == Paragraph || b.Kind == Item || b.Kind == Row) && b.Edges == nil {
			b.Edges = arrowChain(b.Text)
		}
	}
}

// numberRaws gives each raw its id: the index that Parent names.
func numberRaws(raws []raw) {
	for i := range raws {
		raws[i].id = i
	}
}

// index records where each line of p.src starts.
func (p *parser) index() {
	p.lineStart = p.lineStart[:0]
	p.lineStart = append(p.lineStart, 0)
	for i, c := range p.src {
		if c == '\n' {
			p.lineStart = append(p.lineStart, i+1)
		}
	}
}

// titleKeys are the front matter keys that name a guide, in order of trust.
var titleKeys = []string{"title", "term", "name", "headline"}

func metaTitle(meta map[string]string) string {
	for _, k := range titleKeys {
		if t := strings.TrimSpace(meta[k]); t != "" {
			return t
		}
	}
	return ""
}

// withBounds puts the sub-sections a dialect bounded around the raws whose
// lines they hold.
func withBounds(raws []raw, bounds []bound) []raw {
	if len(bounds) == 0 {
		return raws
	}
	var out []raw
	var open []bound
	next := 0
	for _, r := range raws {
		line := r.block.Line
		for len(open) > 0 && line > open[len(open)-1].end {
			open = open[:len(open)-1]
			out = append(out, raw{close: true})
		}
		for next < len(bounds) && bounds[next].start <= line {
			b := bounds[next]
			next++
			if line > b.end {
				continue // a body that held nothing read
			}
			out = append(out, raw{open: &b, block: Block{Text: b.title, Line: b.start - 1}})
			open = append(open, b)
		}
		out = append(out, r)
	}
	for range open {
		out = append(out, raw{close: true})
	}
	return out
}

func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// metaLine is a line of a Pelican or MultiMarkdown metadata header:
// "Title: …", "Date: …", "Author: …" above the text.
var metaLine = regexp.MustCompile(`^([A-Za-z][A-Za-z_-]{1,15}):\s+(\S.*)$`)

// metaKeys are the keys a metadata header opens with.
var metaKeys = map[string]bool{"title": true, "date": true, "author": true, "authors": true, "slug": true,
	"category": true, "tags": true, "summary": true, "lang": true, "status": true, "modified": true}

// metadataHeader reads a leading block of two or more "Key: value" lines
// whose first key is a metadata key, ended by a blank line, into meta and
// blanks it in p.src, keeping line numbers.
func (p *parser) metadataHeader(meta map[string]string) {
	end := 0 // lines of the header
	for ; end < len(p.lineStart); end++ {
		m := metaLine.FindStringSubmatch(p.lineText(end))
		if m == nil || end == 0 && !metaKeys[strings.ToLower(m[1])] {
			break
		}
	}
	if end < 2 || end < len(p.lineStart) && p.lineText(end) != "" {
		return
	}
	for i := range end {
		m := metaLine.FindStringSubmatch(p.lineText(i))
		meta[strings.ToLower(m[1])] = strings.TrimSpace(m[2])
	}
	stop := len(p.src)
	if end < len(p.lineStart) {
		stop = p.lineStart[end]
	}
	for i := range p.src[:stop] {
		if p.src[i] != '\n' {
			p.src[i] = ' '
		}
	}
}

// frontMatter parses a leading YAML block between "---" lines, blanks it in
// p.src so goldmark does not see it, and returns its scalar values.
func (p *parser) frontMatter() map[string]string {
	meta := map[string]string{}
	if !bytes.HasPrefix(p.src, []byte("---\n")) {
		p.metadataHeader(meta)
		return meta
	}
	end := -1
	for i := 1; i < len(p.lineStart); i++ {
		l := p.lineText(i)
		if l == "---" || l == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		p.warn(1, "front matter is not closed by a --- line; read as text")
		return meta
	}
	body := p.src[p.lineStart[1]:p.lineStart[end]]
	var m map[string]any
	var root yaml.Node
	err := yaml.Unmarshal(body, &root)
	if err == nil {
		err = root.Decode(&m)
	}
	if err != nil {
		line := 1
		if sm := yamlLine.FindStringSubmatch(err.Error()); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			line += n
		}
		p.warn(line, "front matter is not valid YAML; ignored")
	} else {
		p.front = frontMatterRaws(&root, 1)
	}
	for k, v := range m {
		switch v := v.(type) {
		case string:
			meta[strings.ToLower(k)] = strings.TrimSpace(v)
		case int, float64, bool:
			meta[strings.ToLower(k)] = fmt.Sprint(v)
		default:
			if t, ok := v.(interface{ Format(string) string }); ok { // dates
				meta[strings.ToLower(k)] = t.Format("2006-01-02")
			}
		}
	}
	stop := len(p.src)
	if end+1 < len(p.lineStart) {
		stop = p.lineStart[end+1]
	}
	for i := range p.src[:stop] {
		if p.src[i] != '\n' {
			p.src[i] = ' '
		}
	}
	return meta
}

// lineText returns 0-based line i without its newline.
func (p *parser) lineText(i int) string {
	start := p.lineStart[i]
	end := len(p.src)
	if i+1 < len(p.lineStart) {
		end = p.lineStart[i+1] - 1
	}
	return strings.TrimRight(string(p.src[start:end]), " \t")
}

// checkbox is the box a checklist item opens with.
var checkbox = regexp.MustCompile(`^\[[ xX✓✔]\]\s*`)

// Bounds on a paragraph set wholly in bold that stands in for a heading:
// a label ("**Phase 2: Deploy (Months 4-6)**") or an FAQ question.
const (
	maxLabelWords    = 14
	maxQuestionWords = 30
)

// labelKind reports whether a paragraph is set wholly in bold or italics
// and short enough to head what follows it, and whether it asks (an FAQ
// question) or names (a label). A bold sentence ending in a stop is
// emphasis, not a heading.
func (p *parser) labelKind(n ast.Node, text string) (SectionKind, bool) {
	emphasis := false
	// depth counts the HTML bold or italic tags open ("<b id=…>Do I
	// need a PhD?</b>"): what they hold is emphasis, as "**…**" is.
	depth := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Emphasis:
			emphasis = true
		case *ast.RawHTML:
			switch d := p.emphasisTag(c); {
			case d != 0:
				depth += d
			case depth == 0:
				return 0, false
			}
		case *ast.Text:
			t := strings.TrimSpace(string(c.Segment.Value(p.src)))
			switch {
			case depth > 0:
				emphasis = emphasis || t != ""
			case t != "" && t != ":" && t != "?":
				return 0, false
			}
		default:
			if depth == 0 {
				return 0, false
			}
		}
	}
	words := len(strings.Fields(text))
	switch {
	case !emphasis || strings.HasSuffix(text, "."):
		return 0, false
	case strings.HasSuffix(text, "?"):
		return Question, words <= maxQuestionWords
	}
	return Label, words <= maxLabelWords
}

// emphasisHTML is an HTML tag setting text in bold or italics.
var emphasisHTML = regexp.MustCompile(`(?i)^<(/?)(?:b|strong|em|i)(?:\s[^>]*)?>$`)

// emphasisTag returns 1 for a raw HTML tag opening bold or italics, -1
// for one closing it, and 0 for any other.
func (p *parser) emphasisTag(h *ast.RawHTML) int {
	var b strings.Builder
	for i := 0; i < h.Segments.Len(); i++ {
		seg := h.Segments.At(i)
		b.Write(seg.Value(p.src))
	}
	m := emphasisHTML.FindStringSubmatch(strings.TrimSpace(b.String()))
	switch {
	case m == nil:
		return 0
	case m[1] == "/":
		return -1
	}
	return 1
}

// boldLine is a line set wholly in bold: "**Negotiation DNA**", "__Tip:__".
var boldLine = regexp.MustCompile(`^(?:\*\*([^*]+)\*\*|__([^_]+)__):?$`)

// labelLine reports whether a paragraph of several lines opens with a
// line set wholly in bold, a label for the text below it, and returns the
// label and that text.
func (p *parser) labelLine(c ast.Node, text string) (label, rest string, ok bool) {
	ls := c.Lines()
	if ls.Len() < 2 {
		return "", "", false
	}
	first := ls.At(0)
	m := boldLine.FindStringSubmatch(strings.TrimSpace(string(first.Value(p.src))))
	if m == nil {
		return "", "", false
	}
	l := strings.TrimSpace(m[1] + m[2])
	l = strings.TrimSuffix(l, ":")
	if len(strings.Fields(l)) > maxQuestionWords || !strings.HasSuffix(l, "?") && len(strings.Fields(l)) > maxLabelWords || strings.HasSuffix(l, ".") {
		return "", "", false
	}
	rest = strings.TrimSpace(strings.TrimPrefix(text, l))
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ":"))
	label, _ = cleanHeading(l)
	return label, rest, label != "" && rest != ""
}

// labelStart is a line opening with a bold label: "**Solution**: …".
var labelStart = regexp.MustCompile(`^(?:\*\*([^*]{1,60})\*\*|__([^_]{1,60})__)`)

type linePart struct {
	text string
	line int
}

// labelledLines splits a paragraph whose later lines open with bold labels
// ("**Problem**: drift" then "**Solution**: retrain") into one part a
// label, each with its line.
func (p *parser) labelledLines(c ast.Node, text string) []linePart {
	parts := []linePart{{text, p.nodeLine(c)}}
	ls := c.Lines()
	from := 0
	for i := 1; i < ls.Len(); i++ {
		seg := ls.At(i)
		m := labelStart.FindStringSubmatch(strings.TrimSpace(string(seg.Value(p.src))))
		if m == nil {
			continue
		}
		label := clean(m[1] + m[2])
		last := &parts[len(parts)-1]
		j := strings.Index(text[from:], " "+label)
		if j < 0 || label == "" {
			continue
		}
		j += from
		head := strings.TrimSpace(text[:j])
		if len(parts) > 1 {
			head = strings.TrimSpace(text[from:j])
		}
		last.text = head
		parts = append(parts, linePart{strings.TrimSpace(text[j:]), p.line(seg.Start)})
		from = j + 1
	}
	if len(parts) > 1 {
		parts[len(parts)-1].text = strings.TrimSpace(text[from-1:])
	}
	return parts
}

// minBoldLed is how many sentences opening with a bold term make a
// paragraph a list: two may be emphasis, three are a pattern.
const minBoldLed = 3

// boldLed splits a paragraph whose sentences open with bold terms
// ("**Communication** bridges…. **Problem solving** enables….") into the
// sentences before the first of them (intro) and one item per bold-led
// sentence; items is nil when fewer than minBoldLed sentences do.
func (p *parser) boldLed(n ast.Node, text string) (intro string, items []string) {
	var starts []int
	from := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		e, ok := c.(*ast.Emphasis)
		if !ok || e.Level != 2 {
			continue
		}
		b := p.inline(e)
		if b == "" {
			continue
		}
		i := strings.Index(text[from:], b)
		if i < 0 {
			return "", nil
		}
		i += from
		if i == 0 || strings.HasSuffix(strings.TrimRight(text[:i], " "), ".") {
			starts = append(starts, i)
		}
		from = i + len(b)
	}
	if len(starts) < minBoldLed {
		return "", nil
	}
	intro = strings.TrimSpace(text[:starts[0]])
	for k, st := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		items = append(items, strings.TrimSpace(text[st:end]))
	}
	return intro, items
}

// maxNameWords is the most words a list item may have to be a bare name
// ("Towards Data Science Blog").
const maxNameWords = 6

// namesOnly reports whether every item of l is a bare name: a few words,
// no sentence, no nested list.
func (p *parser) namesOnly(l *ast.List) bool {
	n := 0
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		if first == nil || first.NextSibling() != nil {
			return false
		}
		t := p.inline(first)
		if t == "" || len(strings.Fields(t)) > maxNameWords || strings.ContainsAny(t, ".:;!?") {
			return false
		}
		n++
	}
	return n >= 2
}

// walk appends the headings and content blocks under n in document order.
func (p *parser) walk(n ast.Node, out *[]raw, headings *int) {
	var prevPara string // a paragraph ending in ':' introduces the next list
	var lastPara string // the paragraph just before, whatever its end
	details := 0        // <details> opened by one HTML block and closed by a later one
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		line := p.nodeLine(c)
		switch c := c.(type) {
		case *ast.Heading:
			*headings++
			if t, num := cleanHeading(p.inline(c)); t != "" {
				*out = append(*out, raw{heading: c.Level, number: num, block: Block{Text: t, Line: line, Parent: -1}})
			}
			prevPara = ""
		case *ast.Paragraph, *ast.TextBlock:
			t := p.inline(c)
			if t == "" {
				continue
			}
			prevPara, lastPara = "", ""
			if rows := p.pipeParagraph(c); rows != nil {
				*out = append(*out, rows...)
				continue
			}
			if label, rest, ok := p.labelLine(c, t); ok {
				// "**Negotiation DNA**" on a line of its own, the text below it.
				kind := Label
				if strings.HasSuffix(label, "?") {
					kind = Question
				}
				*out = append(*out, raw{kind: kind, block: Block{Kind: Paragraph, Text: label, Line: line, Parent: -1}})
				t, line = rest, p.line(c.Lines().At(1).Start)
			} else if kind, ok := p.labelKind(c, t); ok {
				if h, num := cleanHeading(t); h != "" {
					*out = append(*out, raw{kind: kind, number: num, block: Block{Kind: Paragraph, Text: h, Line: line, Parent: -1}})
					continue
				}
			}
			if intro, items := p.boldLed(c, t); items != nil {
				// "**Communication** bridges teams. **Problem solving**
				// enables debugging. **Systems thinking** …": a list
				// written as prose, each sentence an item named by its
				// bold opening.
				lead := prevPara
				if intro != "" {
					*out = append(*out, raw{block: Block{Kind: Paragraph, Text: intro, Line: line, Parent: -1}})
					lead = intro
				}
				for _, it := range items {
					*out = append(*out, raw{block: Block{Kind: Item, Text: it, Line: line, Lead: lead, Parent: -1}})
				}
				prevPara = ""
				continue
			}
			for _, part := range p.labelledLines(c, t) {
				r := raw{block: Block{Kind: Paragraph, Text: part.text, Line: part.line, Parent: -1}}
				if ls := c.Lines(); ls.Len() > 1 && part.line == line {
					// A plain-text heading may open a paragraph on a line of its
					// own ("Soft Skills" then the text): kept in case the guide
					// has no other headings.
					first := ls.At(0)
					r.firstLine = clean(string(first.Value(p.src)))
					r.restLine = p.line(ls.At(1).Start)
				}
				*out = append(*out, r)
				t = part.text
			}
			if strings.HasSuffix(t, ":") || RunsOn(t) {
				prevPara = t // "Must-have skills:" introduces the list after it
			}
			lastPara = t
			continue
		case *ast.List:
			lead := prevPara
			if lead == "" && lastPara != "" && p.namesOnly(c) {
				// "…check out a podcast or two." then "- Talking Machines",
				// "- FiveThirtyEight": a list of bare names is what the
				// sentence before it spoke of.
				if ss := Sentences(lastPara); len(ss) > 0 {
					lead = ss[len(ss)-1]
				}
			}
			p.list(c, lead, 0, -1, out, headings)
			prevPara = ""
		case *east.Table:
			p.table(c, out)
			prevPara = ""
		case *east.DefinitionList:
			p.definitions(c, out)
			prevPara = ""
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lang := ""
			if f, ok := c.(*ast.FencedCodeBlock); ok {
				lang = string(f.Language(p.src))
			}
			appendRaws(out, readFence(lang, p.fenceLines(c)))
			prevPara = ""
		case *ast.Blockquote:
			p.quote(c, out, headings)
			prevPara = ""
		case *ast.HTMLBlock:
			p.htmlBlock(c, &details, out)
			prevPara = ""
		}
		lastPara = ""
	}
	for ; details > 0; details-- {
		*out = append(*out, raw{close: true})
	}
}

// appendRaws appends raws read on their own (from a fence or an HTML
// block), turning the parents they name into indexes of out.
func appendRaws(out *[]raw, rs []raw) {
	base := len(*out)
	for _, r := range rs {
		if r.block.Parent >= 0 {
			r.block.Parent += base
		}
		*out = append(*out, r)
	}
}

// fenceLines returns a code block's lines with their line numbers.
func (p *parser) fenceLines(c ast.Node) []fenceLine {
	var lines []fenceLine
	ls := c.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		lines = append(lines, fenceLine{text: strings.TrimRight(string(seg.Value(p.src)), " \t\r\n"), line: p.line(seg.Start)})
	}
	return lines
}

// readFence reads a code fence by what it holds (see classifyFence).
func readFence(lang string, lines []fenceLine) []raw {
	var texts []string
	for _, l := range lines {
		texts = append(texts, l.text)
	}
	switch classifyFence(lang, texts) {
	case fenceMermaid:
		return mermaidFence(lines)
	case fenceDrawing:
		return drawingFence(lines)
	case fenceText:
		return textFence(lines)
	}
	return nil
}

// quote reads a block quote: its blocks, without the marker a GitHub or
// Obsidian callout opens with ("> [!TIP]"), the marker's own title making
// it a sub-section.
func (p *parser) quote(q *ast.Blockquote, out *[]raw, headings *int) {
	first := q.FirstChild()
	title := ""
	if first != nil && first.Lines().Len() > 0 {
		l0 := first.Lines().At(0)
		line := strings.TrimSpace(string(l0.Value(p.src)))
		if rest, ok := stripCallout(line); ok {
			// Blank the marker (and a title on its line) so the paragraph reads without it.
			for i := l0.Start; i < l0.Stop && p.src[i] != '\n'; i++ {
				p.src[i] = ' '
			}
			if first.Lines().Len() > 1 && rest != "" {
				title = rest
			}
		}
	}
	if title != "" {
		*out = append(*out, raw{open: &bound{kind: Aside, title: title}, block: Block{Text: title, Line: p.nodeLine(q)}})
	}
	p.walk(q, out, headings)
	if title != "" {
		*out = append(*out, raw{close: true})
	}
}

var (
	detailsOpen  = regexp.MustCompile(`(?is)<details\b[^>]*>(?:\s*<summary\b[^>]*>(.*?)</summary>)?`)
	detailsClose = regexp.MustCompile(`(?i)</details\s*>`)
)

// htmlBlock reads an HTML block inside Markdown. <details> often opens in
// one block and closes in another with Markdown between: its summary is
// a sub-section's title, counted in *details until it closes.
func (p *parser) htmlBlock(c *ast.HTMLBlock, details *int, out *[]raw) {
	var b strings.Builder
	ls := c.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b.Write(seg.Value(p.src))
	}
	if c.HasClosure() {
		cl := c.ClosureLine
		b.Write(cl.Value(p.src))
	}
	src := b.String()
	line := p.nodeLine(c)
	opens, closes := detailsOpen.FindAllStringSubmatch(src, -1), detailsClose.FindAllString(src, -1)
	if len(opens) != len(closes) {
		// Unbalanced: the sub-section spans Markdown blocks.
		for _, m := range opens {
			title := clean(anyTag.ReplaceAllString(m[1], " "))
			*out = append(*out, raw{open: &bound{kind: Aside, title: title}, block: Block{Text: title, Line: line}})
			*details++
		}
		src = detailsOpen.ReplaceAllString(src, "")
		appendRaws(out, readHTML(detailsClose.ReplaceAllString(src, ""), line, true))
		for range closes {
			if *details > 0 {
				*out = append(*out, raw{close: true})
				*details--
			}
		}
		return
	}
	appendRaws(out, readHTML(src, line, true))
}

// list appends the items of list l, nested lists and the paragraphs of an
// item as its children: an item knows its depth and its parent, and is
// led by its parent's text or, at the top, by the paragraph before the list.
func (p *parser) list(l *ast.List, lead string, depth, parent int, out *[]raw, headings *int) {
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		var own string
		if first != nil {
			switch first.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				own = p.inline(first)
				first = first.NextSibling()
			}
		}
		// "[ ] dashboard design": a checklist's box is not part of the item.
		own = strings.TrimSpace(strings.TrimPrefix(own, checkbox.FindString(own)))
		idx, childLead := parent, lead
		if own != "" {
			*out = append(*out, raw{block: Block{Kind: Item, Text: own, Line: p.nodeLine(item), Lead: lead, Ordered: l.IsOrdered(), Depth: depth, Parent: parent}})
			idx, childLead = len(*out)-1, own
		}
		for c := first; c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				p.list(c, childLead, depth+1, idx, out, headings)
			case *ast.Paragraph, *ast.TextBlock:
				if t := p.inline(c); t != "" {
					*out = append(*out, raw{block: Block{Kind: Item, Text: t, Line: p.nodeLine(c), Lead: childLead, Depth: depth + 1, Parent: idx}})
				}
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				lang := ""
				if f, ok := c.(*ast.FencedCodeBlock); ok {
					lang = string(f.Language(p.src))
				}
				for _, r := range readFence(lang, p.fenceLines(c)) {
					// A fence in an item is more of the item.
					if r.block.Kind == Paragraph || r.block.Kind == Item && r.block.Parent < 0 {
						r.block.Kind, r.block.Lead, r.block.Depth, r.block.Parent = Item, childLead, depth+1, idx
						*out = append(*out, r)
					}
				}
			case *east.Table:
				p.table(c, out)
			case *ast.Blockquote:
				p.quote(c, out, headings)
			}
		}
	}
}

// definitions reads a definition list as items "Term: definition".
func (p *parser) definitions(l *east.DefinitionList, out *[]raw) {
	term := ""
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *east.DefinitionTerm:
			term = p.inline(c)
		case *east.DefinitionDescription:
			var parts []string
			for d := c.FirstChild(); d != nil; d = d.NextSibling() {
				if t := p.inline(d); t != "" {
					parts = append(parts, t)
				}
			}
			if t := strings.Join(parts, " "); t != "" || term != "" {
				text := term
				if t != "" && term != "" {
					text = term + ": " + t
				} else if t != "" {
					text = t
				}
				*out = append(*out, raw{block: Block{Kind: Item, Text: text, Line: p.nodeLine(c), Parent: -1}})
			}
		}
	}
}

// pipeParagraph returns the rows of a paragraph that is a pipe table
// goldmark did not take for one (lines ending in "<br>", a delimiter row
// of another width than its header), or nil.
func (p *parser) pipeParagraph(c ast.Node) []raw {
	ls := c.Lines()
	var b strings.Builder
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b.Write(seg.Value(p.src))
		b.WriteByte('\n')
	}
	return pipeRows(b.String(), func(_ []string, i int) int {
		if i+2 < ls.Len() {
			return p.line(ls.At(i + 2).Start)
		}
		return p.nodeLine(c)
	})
}

func (p *parser) table(t *east.Table, out *[]raw) {
	var header []string
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, p.inline(c))
		}
		if _, ok := r.(*east.TableHeader); ok {
			header = cells
			continue
		}
		if t := rowText(header, cells); t != "" {
			*out = append(*out, raw{block: Block{Kind: Row, Text: t, Line: p.nodeLine(r), Cells: cells, Header: header, Parent: -1}})
		}
	}
}

// rowText renders a table row as a sentence-like line that keeps the header
// beside each value: "ML Engineer — Junior: $80k; Senior: $150k".
func rowText(header, cells []string) string {
	var b strings.Builder
	for i, c := range cells {
		if c == "" {
			continue
		}
		switch {
		case i == 0:
			b.WriteString(c)
			continue
		case b.Len() > 0 && i == 1:
			b.WriteString(" — ")
		case b.Len() > 0:
			b.WriteString("; ")
		}
		if i < len(header) && header[i] != "" {
			b.WriteString(header[i] + ": ")
		}
		b.WriteString(c)
	}
	return b.String()
}

// nodeLine returns the 1-based line where block node n starts.
func (p *parser) nodeLine(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 {
		return p.line(pos)
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return p.line(n.Lines().At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if l := p.nodeLine(c); l > 0 {
			return l
		}
	}
	return 0
}

// footnoteMark is a link whose text is only a reference number.
var footnoteMark = regexp.MustCompile(`^\[?\^?\d{1,3}\]?$`)

// lineBreak is the tag of a line break written as HTML.
var lineBreak = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// inline renders the inline content of n as plain text with white space
// folded, without images, HTML tags or attribute lists.
func (p *parser) inline(n ast.Node) string {
	var b bytes.Buffer
	var rec func(n ast.Node)
	rec = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(textValue(c.Segment.Value(p.src)))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				// a code span's backslashes and ampersands are its own
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if t, ok := t.(*ast.Text); ok {
						b.Write(t.Segment.Value(p.src))
					}
				}
			case *ast.AutoLink:
				b.Write(c.URL(p.src))
			case *ast.Link:
				at := b.Len()
				rec(c)
				if footnoteMark.Match(bytes.TrimSpace(b.Bytes()[at:])) {
					// "… the BLS [2](https://…).": a reference, not a word.
					b.Truncate(len(bytes.TrimRight(b.Bytes()[:at], " ")))
				}
			case *ast.Image, *east.TaskCheckBox:
				// an image's alt text and a checklist's box are not the guide's words
			case *ast.RawHTML:
				var t strings.Builder
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					t.Write(seg.Value(p.src))
				}
				if lineBreak.MatchString(strings.TrimSpace(t.String())) {
					b.WriteByte(' ')
				}
			default:
				rec(c)
			}
		}
	}
	rec(n)
	return clean(b.String())
}

// backslash escape is the mark it escapes ("W\&B" is "W&B") and an
// backslash escape is the mark it escapes ("W\\&B" is "W&B") and an
// entity the character it names ("isn&#8217;t" is "isn’t").
func textValue(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}

var headingNumber = regexp.MustCompile(`^(?:(\d+(?:\.\d+)+)\.?|(\d{1,3})[.)]|([IVX]+)\.|([a-zA-Z])[.)])\s+`)

// cleanHeading drops leading emoji, symbols and section numbering
// ("## 💰 11.1 Salary Ranges" → "Salary Ranges", "### b. **Backend**" →
// "Backend"), trailing emoji and colons, and returns the numbering apart.
func cleanHeading(s string) (text, number string) {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '(' && r != '$' && r != '€' && r != '£' && r != '₹'
	})
	if m := headingNumber.FindStringSubmatch(s); m != nil && len(s) > len(m[0]) {
		number = m[1] + m[2] + m[3] + m[4]
		s = s[len(m[0]):]
		s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '(' && r != '$' })
	}
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == ':' || unicode.IsSpace(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\uFE0F' || r == '\u200D'
	})
	return s, number
}

func titleFromFileName(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	base = strings.NewReplacer("-", " ", "_", " ").Replace(base)
	if base == "" {
		return name
	}
	r, n := utf8.DecodeRuneInString(base)
	return string(unicode.ToUpper(r)) + base[n:]
}
