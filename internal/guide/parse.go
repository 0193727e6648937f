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
	"gopkg.in/yaml.v3"
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
}

func (p *parser) warn(line int, format string, args ...any) {
	p.warnings = append(p.warnings, Warning{Source: p.source, Line: line, Message: fmt.Sprintf(format, args...)})
}

// line returns the 1-based line holding byte offset off.
func (p *parser) line(off int) int {
	return sort.Search(len(p.lineStart), func(i int) bool { return p.lineStart[i] > off })
}

// raw is a block or heading in document order, before sectioning.
type raw struct {
	heading int // heading level, 0 for a content block
	block   Block
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
	p.lineStart = []int{0}
	for i, c := range data {
		if c == '\n' {
			p.lineStart = append(p.lineStart, i+1)
		}
	}
	meta := p.frontMatter() // blanks the front matter in p.src, keeping line numbers

	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	doc := md.Parser().Parse(text.NewReader(p.src))
	var raws []raw
	headings := 0
	p.walk(doc, "", &raws, &headings)
	if headings == 0 {
		raws = promoteBareHeadings(raws)
	}
	raws = dropNoise(raws)

	g := &Guide{Source: p.source, Meta: meta}
	g.Title, raws = pickTitle(raws, meta["title"], headings == 0)
	if g.Title == "" {
		g.Title = titleFromFileName(p.source)
	}
	g.Sections = sectionize(raws)
	if len(g.Sections) == 0 {
		return nil, errors.New("no text found")
	}
	return g, nil
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

// frontMatter parses a leading YAML block between "---" lines, blanks it in
// p.src so goldmark does not see it, and returns its scalar values.
func (p *parser) frontMatter() map[string]string {
	meta := map[string]string{}
	if !bytes.HasPrefix(p.src, []byte("---\n")) {
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
	if err := yaml.Unmarshal(body, &m); err != nil {
		line := 1
		if sm := yamlLine.FindStringSubmatch(err.Error()); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			line += n
		}
		p.warn(line, "front matter is not valid YAML; ignored")
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

// codeItem is the marker of a list or checklist item written in a code
// block: "- ", "* ", "1. ", "[ ] ", "- [x] ".
var codeItem = regexp.MustCompile(`^(?:(?:[-*+•]|\d{1,2}[.)])\s+)?(?:\[[ xX✓]\]\s*)?`)

// checkbox is the box a checklist item opens with.
var checkbox = regexp.MustCompile(`^\[[ xX✓✔]\]\s*`)

// maxLabelWords bounds a bold label that introduces a list.
const maxLabelWords = 8

// isLabel reports whether a paragraph is a short label set in bold or
// italics on its own ("**🔧 Must-have skills**"), which introduces the
// list after it as a colon would.
func (p *parser) isLabel(n ast.Node) bool {
	emphasis := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Emphasis:
			emphasis = true
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(p.src))) != "" {
				return false
			}
		default:
			return false
		}
	}
	return emphasis && len(strings.Fields(p.inline(n))) <= maxLabelWords
}

// walk appends the headings and content blocks under n in document order.
// lead is the text introducing the list n belongs to.
func (p *parser) walk(n ast.Node, lead string, out *[]raw, headings *int) {
	var prevPara string // a paragraph ending in ':' introduces the next list
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		line := p.nodeLine(c)
		switch c := c.(type) {
		case *ast.Heading:
			*headings++
			if t := cleanHeading(p.inline(c)); t != "" {
				*out = append(*out, raw{heading: c.Level, block: Block{Text: t, Line: line}})
			}
			prevPara = ""
		case *ast.Paragraph, *ast.TextBlock:
			t := p.inline(c)
			if t == "" {
				continue
			}
			*out = append(*out, raw{block: Block{Kind: Paragraph, Text: t, Line: line}})
			prevPara = ""
			if strings.HasSuffix(t, ":") || p.isLabel(c) {
				prevPara = t // "Must-have skills:" or "**🔧 Must-have skills**"
			}
		case *ast.List:
			l := lead
			if prevPara != "" {
				l = prevPara
			}
			for item := c.FirstChild(); item != nil; item = item.NextSibling() {
				p.item(item, l, c.IsOrdered(), out, headings)
			}
			prevPara = ""
		case *east.Table:
			p.table(c, out)
			prevPara = ""
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				line := strings.TrimRight(string(seg.Value(p.src)), " \t\r\n")
				t := strings.TrimSpace(line)
				if t == "" {
					continue
				}
				b := Block{Kind: Paragraph, Text: t, Line: p.line(seg.Start), Indent: len(line) - len(t)}
				if m := codeItem.FindString(t); m != "" && len(t) > len(m) {
					// "- [ ] LeetCode, 2 a day" in a fenced checklist is a list item.
					b.Kind, b.Text = Item, t[len(m):]
				}
				*out = append(*out, raw{block: b})
			}
			prevPara = ""
		case *ast.Blockquote:
			p.walk(c, lead, out, headings)
		}
	}
}

// item appends one list item: its own text, then any nested blocks with the
// item's text as their lead.
func (p *parser) item(item ast.Node, lead string, ordered bool, out *[]raw, headings *int) {
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
	if own != "" {
		*out = append(*out, raw{block: Block{Kind: Item, Text: own, Line: p.nodeLine(item), Lead: lead, Ordered: ordered}})
	}
	if first == nil {
		return
	}
	// Nested content: walk the rest of the item's children as a document.
	nested := own
	if nested == "" {
		nested = lead
	}
	for c := first; c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.List:
			for sub := c.FirstChild(); sub != nil; sub = sub.NextSibling() {
				p.item(sub, nested, c.IsOrdered(), out, headings)
			}
		case *ast.Paragraph, *ast.TextBlock:
			if t := p.inline(c); t != "" {
				*out = append(*out, raw{block: Block{Kind: Item, Text: t, Line: p.nodeLine(c), Lead: nested}})
			}
		}
	}
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
			*out = append(*out, raw{block: Block{Kind: Row, Text: t, Line: p.nodeLine(r), Cells: cells, Header: header}})
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

// inline renders the inline content of n as plain text with white space folded.
func (p *parser) inline(n ast.Node) string {
	var b strings.Builder
	var rec func(n ast.Node)
	rec = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(p.src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.URL(p.src))
			case *ast.RawHTML:
				// tags carry no text worth citing
			default:
				rec(c)
			}
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

var headingNumber = regexp.MustCompile(`^(?:\d+(?:\.\d+)+\.?|\d+[.)]|[IVX]+\.)\s+`)

// cleanHeading drops leading emoji, symbols and section numbering
// ("## 💰 11.1 Salary Ranges" → "Salary Ranges") and trailing colons.
func cleanHeading(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '(' && r != '$' && r != '€' && r != '£'
	})
	s = headingNumber.ReplaceAllString(s, "")
	s = strings.TrimRightFunc(s, func(r rune) bool { return r == ':' || unicode.IsSpace(r) })
	return s
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
