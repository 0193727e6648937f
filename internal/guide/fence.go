package guide

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A code fence in a career guide holds one of four things, told apart by
// its language and its lines: a mermaid graph (read as edges), a drawing
// (an ASCII tree or flow: read as its labels and the steps between them),
// text (a plan, a checklist, a list of tools: read as lines and items), or
// code (left out: no career question is answered by a SQL query).

type fenceKind int

const (
	fenceText fenceKind = iota
	fenceCode
	fenceDrawing
	fenceMermaid
)

// codeLanguages are info strings that say a fence holds a program; its
// lines are still read as text when most of them are list items.
var codeLanguages = map[string]bool{
	"python": true, "py": true, "sql": true, "bash": true, "sh": true, "shell": true, "zsh": true, "console": true,
	"js": true, "javascript": true, "ts": true, "typescript": true, "go": true, "java": true, "scala": true,
	"yaml": true, "yml": true, "json": true, "toml": true, "ini": true, "dockerfile": true, "docker": true,
	"r": true, "c": true, "cpp": true, "c++": true, "cs": true, "csharp": true, "rust": true, "ruby": true,
	"php": true, "html": true, "css": true, "xml": true, "jinja": true, "powershell": true, "ps1": true,
	"hcl": true, "terraform": true, "kotlin": true, "swift": true, "makefile": true, "diff": true,
	"ipython": true, "pycon": true, "julia": true, "matlab": true, "graphql": true, "jsx": true, "tsx": true,
	"dot": true, "latex": true, "tex": true, "nginx": true, "properties": true, "env": true,
}

var (
	// codeLine is a line that reads as a program, not as text.
	codeLine = regexp.MustCompile(`^\s*(?:def |class |import |from \S+ import |return\b|print\(|(?i:select|with \w+ as|from|where|join|group by|order by|create|insert|update|delete)\b|@\w+|#include|function\b|const |let |var |public |private |package |func |\$ |>>> |pip |npm |git |docker |kubectl |if .*:$|for .* in .*:$|elif |else:|try:|except)|[;{}]\s*$|^\s*\w[\w.\[\]'"]*\s*[+\-*/]?=\s*\S|\w\(.*\)\s*$|^\s*</?[a-z][^>]*>\s*$`)
	// listLine is a list item written in a fence: "- ", "* ", "1. ", "[ ] ".
	listLine = regexp.MustCompile(`^\s*(?:(?:[-*+•▪◦]|\d{1,2}[.)])\s+(?:\[[ xX✓✔]\]\s*)?|\[[ xX✓✔]\]\s*|[✅❌✓✔☐☑]\s*)`)
	// labelLine names what the lines after it are: "✅ Focus On:", "# Week 1:".
	labelLine = regexp.MustCompile(`^\s*(?:#+\s*)?[^:]{1,60}:\s*$`)
	// artRunes draw boxes, trees and arrows.
	artRunes = "│┃├┤┌┐└┘┬┴┼─━═║╔╗╚╝╠╣╦╩╬↓↑→←⇒⇓▼▲►◄▶◀⟶"
	// drawnStep is what a drawing puts between a parent and its child or
	// between two boxes: tree branches, arrows, pipes.
	treeBranch = regexp.MustCompile(`^[\s│┃|]*(?:[├└┣┗+` + "`" + `][─━\-=]*>?|[─━\-=]{1,3}>)\s*`)
	// flowArrow is a line that only points down: the step between the box
	// above and the box below.
	flowArrow = regexp.MustCompile(`^[\s│┃|]*[↓⇓▼v|│┃][\s│┃|]*$`)
	// inlineArrow joins the boxes of a flow drawn on one line.
	inlineArrow = regexp.MustCompile(`\s*(?:-{1,2}>|={1,2}>|[—–─━]+>|→|⟶|➔|➜|➡️?|⇒|⮕)\s*`)
)

// classifyFence tells what a fence holds from its language and lines.
func classifyFence(lang string, lines []string) fenceKind {
	lang = strings.ToLower(strings.Trim(lang, "{}. "))
	if lang == "mermaid" {
		return fenceMermaid
	}
	n, art, list, code := 0, 0, 0, 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		n++
		switch {
		case strings.ContainsAny(t, artRunes) || treeBranch.MatchString(t) && !listLine.MatchString(t) || flowArrow.MatchString(t):
			art++
		case codeLine.MatchString(l) || yamlKey.MatchString(l):
			code++
		case listLine.MatchString(t) || labelLine.MatchString(t):
			list++
		}
	}
	switch {
	case n == 0:
		return fenceCode
	case art*10 >= n*3:
		return fenceDrawing
	case list*2 >= n:
		return fenceText
	case codeLanguages[lang] || code*10 >= n*3:
		return fenceCode
	}
	return fenceText
}

// yamlKey is a line of configuration: a lower-case key, a colon and
// nothing, a quoted or structured value, an identifier or a number
// ("- name: stg_orders", "tests:"), not a label in a plan ("senior: €75,000").
var yamlKey = regexp.MustCompile(`^\s*(?:-\s+)?[a-z_][a-z0-9_.\-]*:\s*(?:$|["'\[{|>&*!]|[a-z_][\w.\-]*\s*$|-?\d+(?:\.\d+)?\s*$)`)

// fenceLine is one line of a fence with its 1-based line in the file.
type fenceLine struct {
	text string // with its indentation
	line int
}

// textFence reads a fence of text: list markers make items, nested by
// indentation; a line ending in a colon leads the items after it; a line
// indented under another is an item led by it.
func textFence(lines []fenceLine) []raw {
	var out []raw
	lead := ""
	type open struct{ col, idx int } // items that can take children
	var stack []open
	head := open{-1, -1} // the last line that is not an item, taking indented lines under it
	for _, fl := range lines {
		t := strings.Join(strings.Fields(fl.text), " ")
		if t == "" {
			lead, stack, head = "", nil, open{-1, -1}
			continue
		}
		col := columns(leadingSpace(fl.text))
		if m := listLine.FindString(t); m != "" && len(t) > len(m) && !labelLine.MatchString(t[len(m):]) {
			for len(stack) > 0 && stack[len(stack)-1].col >= col {
				stack = stack[:len(stack)-1]
			}
			b := Block{Kind: Item, Text: strings.TrimSpace(t[len(m):]), Line: fl.line, Lead: lead, Parent: -1, Ordered: unicode.IsDigit(rune(m[0]))}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				b.Parent, b.Depth, b.Lead = parent.idx, out[parent.idx].block.Depth+1, out[parent.idx].block.Text
			}
			out = append(out, raw{block: b})
			stack = append(stack, open{col, len(out) - 1})
			continue
		}
		stack = nil
		if labelLine.MatchString(t) {
			lead = strings.TrimSpace(strings.TrimLeft(t[len(listLine.FindString(t)):], "#"))
			out = append(out, raw{block: Block{Kind: Paragraph, Text: lead, Line: fl.line, Parent: -1}})
			head = open{-1, -1}
			continue
		}
		if head.idx >= 0 && col > head.col {
			// "09:00 - Check the overnight runs" then its indented steps.
			out = append(out, raw{block: Block{Kind: Item, Text: t, Line: fl.line, Lead: out[head.idx].block.Text, Parent: -1}})
			continue
		}
		out = append(out, raw{block: Block{Kind: Paragraph, Text: t, Line: fl.line, Parent: -1}})
		head = open{col, len(out) - 1}
	}
	return out
}

// drawingFence reads an ASCII tree or flow: each box or label is an item,
// nested as the drawing indents it, and carries the step that leads to it
// (from its parent in a tree, from the box above an arrow in a flow).
func drawingFence(lines []fenceLine) []raw {
	var out []raw
	type node struct{ col, idx int }
	var stack []node  // labels that may take tree children, by column
	prev := -1        // the last label outside a tree's branches, for flows
	pointing := false // an arrow line since the last label
	for _, fl := range lines {
		t := strings.TrimRight(fl.text, " \t")
		if strings.TrimSpace(t) == "" {
			continue
		}
		if flowArrow.MatchString(t) {
			pointing = true
			continue
		}
		branch := treeBranch.FindString(t)
		rest := t[len(branch):]
		pieces := inlineArrow.Split(rest, -1)
		var labels []string
		for _, p := range pieces {
			if l := drawnLabel(p); l != "" {
				labels = append(labels, l)
			}
		}
		if len(labels) == 0 {
			if strings.ContainsAny(t, "↓⇓▼") {
				pointing = true
			}
			continue
		}
		col := utf8.RuneCountInString(t[:len(branch)]) + utf8.RuneCountInString(leadingSpace(rest))
		b := Block{Kind: Item, Text: strings.Join(labels, " → "), Line: fl.line, Parent: -1}
		for i := 1; i < len(labels); i++ {
			b.Edges = append(b.Edges, Link{labels[i-1], labels[i]})
		}
		isBranch := strings.TrimSpace(branch) != ""
		for len(stack) > 0 && stack[len(stack)-1].col >= col {
			stack = stack[:len(stack)-1]
		}
		switch {
		case isBranch && len(stack) > 0:
			parent := stack[len(stack)-1]
			pb := out[parent.idx].block
			b.Parent, b.Depth, b.Lead = parent.idx, pb.Depth+1, pb.Text
			b.Edges = append([]Link{{lastLabel(pb.Text), labels[0]}}, b.Edges...)
		case pointing && prev >= 0:
			b.Edges = append([]Link{{lastLabel(out[prev].block.Text), labels[0]}}, b.Edges...)
		}
		out = append(out, raw{block: b})
		stack = append(stack, node{col, len(out) - 1})
		if !isBranch {
			prev = len(out) - 1
		}
		pointing = false
	}
	return out
}

// maxStepWords bounds the words of one end of a step drawn in text: longer
// pieces between arrows are prose ("raw data → insights for the business
// that pays for them"), not names.
const maxStepWords = 8

// arrowChain reads the steps a line of text draws with arrows: "Career
// Progression: Analyst → Senior Analyst → Lead" is two steps, from
// Analyst to Senior Analyst and on to Lead.
func arrowChain(text string) []Link {
	if !strings.ContainsAny(text, ">→⟶➔➜➡⇒⮕") {
		return nil
	}
	pieces := inlineArrow.Split(text, -1)
	if len(pieces) < 2 {
		return nil
	}
	if i := strings.LastIndex(pieces[0], ": "); i >= 0 {
		pieces[0] = pieces[0][i+2:] // a label before the first step is no step
	}
	for i, p := range pieces {
		p = strings.Trim(strings.TrimSpace(p), "*_`.;,")
		if p == "" || len(strings.Fields(p)) > maxStepWords {
			return nil
		}
		pieces[i] = p
	}
	var out []Link
	for i := 1; i < len(pieces); i++ {
		out = append(out, Link{pieces[i-1], pieces[i]})
	}
	return out
}

// lastLabel is the last box of a line of boxes ("A → B": B).
func lastLabel(text string) string {
	if i := strings.LastIndex(text, " → "); i >= 0 {
		return text[i+len(" → "):]
	}
	return text
}

// drawnLabel returns the text of one box of a drawing, without its frame
// or an aside after a back arrow ("[Cache (Redis)] ← check first": "Cache
// (Redis)").
func drawnLabel(s string) string {
	if i := strings.IndexAny(s, "←⇐"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(artRunes+"[]|+<>-=_*`", r)
	})
	if !strings.ContainsFunc(s, unicode.IsLetter) && !strings.ContainsFunc(s, unicode.IsDigit) {
		return ""
	}
	return strings.Join(strings.Fields(s), " ")
}

var (
	// mermaidSkip are mermaid statements that draw nothing readable.
	mermaidSkip = regexp.MustCompile(`^(?:graph|flowchart|subgraph|end|style|classDef|class|click|linkStyle|direction|%%|sequenceDiagram|gantt|title|section|dateFormat|axisFormat|pie|mindmap|timeline)\b`)
	// mermaidEdge is the arrow between two nodes, with an optional label.
	mermaidEdge = regexp.MustCompile(`\s*(?:<?(?:-{2,}|={2,}|-\.+-?|~{3})[>ox]?\|[^|]*\||--\s[^->]+?\s-->|==\s[^=>]+?\s==>|<?(?:-{2,}|={2,}|-\.+-?|~{3})[>ox]?)\s*`)
	mermaidID   = regexp.MustCompile(`^[\w.\-]+`)
	brTag       = regexp.MustCompile(`(?i)<br\s*/?>|\\n`)
	anyTag      = regexp.MustCompile(`<[^>]*>`)
)

// mermaidFence reads a mermaid graph: an item for each node whose label
// says more than its name ("Junior Analytics Engineer — £40-55K — 0-2
// years"), and an edge for each arrow, by the nodes' names.
func mermaidFence(lines []fenceLine) []raw {
	type node struct{ name, details string }
	nodes := map[string]*node{}
	var order []string
	var out []raw
	ref := func(s string) string {
		s = strings.TrimSpace(s)
		id := mermaidID.FindString(s)
		if id == "" {
			return ""
		}
		label := strings.TrimSpace(s[len(id):])
		n := nodes[id]
		if n == nil {
			n = &node{name: id}
			nodes[id] = n
			order = append(order, id)
		}
		if label != "" {
			label = strings.Trim(label, "[](){}>/\\\"' ")
			var parts []string
			for _, p := range strings.Split(anyTag.ReplaceAllString(brTag.ReplaceAllString(label, "\n"), ""), "\n") {
				if p = strings.Join(strings.Fields(p), " "); p != "" {
					parts = append(parts, p)
				}
			}
			if len(parts) > 0 {
				n.name, n.details = parts[0], strings.Join(parts[1:], ", ")
			}
		}
		return id
	}
	for _, fl := range lines {
		t := strings.TrimSpace(fl.text)
		if t == "" || mermaidSkip.MatchString(t) {
			continue
		}
		pieces := mermaidEdge.Split(t, -1)
		var ids [][]string
		for _, p := range pieces {
			var group []string
			for _, q := range strings.Split(p, "&") {
				if id := ref(q); id != "" {
					group = append(group, id)
				}
			}
			ids = append(ids, group)
		}
		for i := 1; i < len(ids); i++ {
			for _, a := range ids[i-1] {
				for _, b := range ids[i] {
					from, to := nodes[a].name, nodes[b].name
					out = append(out, raw{block: Block{Kind: Edge, Text: from + " → " + to, Line: fl.line, Parent: -1, Edges: []Link{{from, to}}}})
				}
			}
		}
	}
	// The nodes' details, in the order the graph first names them, before its edges.
	var items []raw
	for _, id := range order {
		n := nodes[id]
		if n.details == "" {
			continue
		}
		line := 0
		for _, r := range out {
			if strings.HasPrefix(r.block.Text, n.name+" → ") || strings.HasSuffix(r.block.Text, " → "+n.name) {
				line = r.block.Line
				break
			}
		}
		if line == 0 && len(lines) > 0 {
			line = lines[0].line
		}
		items = append(items, raw{block: Block{Kind: Item, Text: n.name + " — " + n.details, Line: line, Parent: -1}})
	}
	return append(items, out...)
}
