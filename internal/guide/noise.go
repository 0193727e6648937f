package guide

import (
	"regexp"
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
	for i, r := range raws {
		if r.heading == 0 && r.block.Kind == Paragraph && headingLike(r.block.Text) && !isChrome(r.block.Text) {
			raws[i].heading = 2
		}
	}
	return raws
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
		t := r.block.Text
		if isChrome(t) {
			continue
		}
		if r.heading == 0 && r.block.Kind == Paragraph && strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= 4 {
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
		if r.heading == 0 && r.block.Kind == Paragraph && len(strings.Fields(t)) >= 8 {
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

// pickTitle chooses the guide's title — front matter, else the first H1,
// else the longest of the heading-like lines that open a plain-text file —
// and drops the lines that only repeat it or precede it as page chrome.
func pickTitle(raws []raw, metaTitle string, plain bool) (string, []raw) {
	title := metaTitle
	cut := 0 // raws[:cut] are chrome before the title
	for i, r := range raws {
		if r.heading == 1 {
			// The first H1 is the page's displayed title; with a title in
			// the front matter it only repeats it in other words.
			if title == "" {
				title = r.block.Text
			}
			cut = i + 1
			break
		}
		if r.heading > 0 || !headingLike(r.block.Text) {
			break // content before any H1: the H1 is a section
		}
	}
	if title == "" && plain {
		// The longest of the heading-like lines that open the file; shorter
		// ones before it are breadcrumbs, those after it are sections.
		for i, r := range raws {
			if r.heading == 0 {
				break
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
		if strings.EqualFold(r.block.Text, title) && (r.heading > 0 || r.block.Kind == Paragraph) {
			continue
		}
		out = append(out, r)
	}
	return title, out
}

// sectionize groups blocks under their heading path. Headings with no text
// of their own only appear in their children's paths.
func sectionize(raws []raw) []Section {
	type level struct {
		n    int
		text string
	}
	var stack []level
	var sections []Section
	var cur *Section
	for _, r := range raws {
		if r.heading > 0 {
			for len(stack) > 0 && stack[len(stack)-1].n >= r.heading {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, level{r.heading, r.block.Text})
			cur = nil
			path := make([]string, len(stack))
			for i, l := range stack {
				path[i] = l.text
			}
			sections = append(sections, Section{Path: path, Line: r.block.Line})
			cur = &sections[len(sections)-1]
			continue
		}
		if cur == nil {
			sections = append(sections, Section{Line: r.block.Line})
			cur = &sections[len(sections)-1]
		}
		cur.Blocks = append(cur.Blocks, r.block)
	}
	out := sections[:0]
	for _, s := range sections {
		if len(s.Blocks) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// dropContents removes lists whose items mostly repeat the guide's own
// headings: tables of contents and "jump to" link lists.
func dropContents(raws []raw) []raw {
	headings := map[string]bool{}
	for _, r := range raws {
		if r.heading > 0 {
			headings[strings.ToLower(r.block.Text)] = true
		}
	}
	drop := make([]bool, len(raws))
	for i := 0; i < len(raws); {
		if raws[i].heading > 0 || raws[i].block.Kind != Item {
			i++
			continue
		}
		j, same := i, 0
		for j < len(raws) && raws[j].heading == 0 && raws[j].block.Kind == Item && raws[j].block.Lead == raws[i].block.Lead {
			if headings[strings.ToLower(cleanHeading(raws[j].block.Text))] {
				same++
			}
			j++
		}
		if n := j - i; n >= 3 && same*10 >= n*6 {
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
