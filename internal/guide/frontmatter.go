package guide

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Some guides keep their text in the front matter: a framework whose levels
// and criteria are YAML lists and maps, with a short prose body under them.
// The keys whose values are text — a long string, a list of strings, maps
// and lists of them — are read as sections: a key is a heading, a list's
// strings are items, a long string is a paragraph. Keys that describe the
// file (layout, date, tags…) and short scalars stay metadata.

// metaOnlyKeys are the front matter root's keys that describe the file,
// never content, whatever their values hold.
var metaOnlyKeys = map[string]bool{"layout": true, "date": true, "tags": true, "tag": true, "permalink": true,
	"author": true, "authors": true, "categories": true, "category": true, "draft": true, "slug": true,
	"id": true, "ids": true, "aliases": true, "redirect_from": true, "keywords": true, "url": true, "path": true,
	"image": true, "images": true, "lang": true, "weight": true, "menu": true, "sidebar": true, "toc": true,
	"template": true, "type": true, "status": true, "modified": true, "updated": true, "published": true,
	"description": true, "summary": true, "excerpt": true, "subtitle": true, "abstract": true}

// metaPrefixes start the keys of a page's search and share cards
// ("meta_description", "seoTitle", "og_image", "image_alt"): text about the
// page, repeating it.
var metaPrefixes = []string{"meta", "seo", "og", "twitter", "image", "cover", "thumbnail", "social", "sidebar"}

// metaKey reports whether a front matter key describes the file: its title,
// a metadata key, or a search or share card's field.
func metaKey(key string) bool {
	k := strings.ToLower(key)
	if metaOnlyKeys[k] || slices.Contains(titleKeys, k) {
		return true
	}
	for _, p := range metaPrefixes {
		if rest, ok := strings.CutPrefix(k, p); ok && (rest == "" || strings.ContainsAny(rest[:1], "_-.") || unicode.IsUpper(rune(key[len(p)]))) {
			return true
		}
	}
	return false
}

// nameKeys are the keys whose short value names the map they sit in ("-
// name: mastery", "- level: 1"), in order of trust.
var nameKeys = []string{"title", "name", "heading", "label", "level", "stage", "step", "phase", "grade"}

// proseWords is how many words make a front matter string text rather than
// a value: a sentence, not a name.
const proseWords = 6

// frontMatterRaws reads the content of a front matter's root mapping into
// headings and blocks. line0 is the file line the YAML starts on, less one.
func frontMatterRaws(root *yaml.Node, line0 int) []raw {
	if root == nil {
		return nil
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil
	}
	fm := fmReader{line0: line0}
	fm.mapping(root, 1, "")
	return fm.out
}

type fmReader struct {
	line0 int
	out   []raw
}

func (fm *fmReader) line(n *yaml.Node) int { return n.Line + fm.line0 }

// section emits a heading for title, then what n holds one level below it.
func (fm *fmReader) section(title string, key, n *yaml.Node, level int) {
	fm.out = append(fm.out, raw{heading: level, block: Block{Text: title, Line: fm.line(key), Parent: -1}})
	fm.body(n, level+1)
}

// body emits what n holds, its sub-sections at level.
func (fm *fmReader) body(n *yaml.Node, level int) {
	n = deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		for _, para := range strings.Split(strings.TrimSpace(n.Value), "\n\n") {
			if t := strings.Join(strings.Fields(para), " "); t != "" {
				fm.out = append(fm.out, raw{block: Block{Kind: Paragraph, Text: t, Line: fm.line(n), Parent: -1}})
			}
		}
	case yaml.SequenceNode:
		for _, el := range n.Content {
			el = deref(el)
			switch el.Kind {
			case yaml.ScalarNode:
				if t := strings.Join(strings.Fields(el.Value), " "); t != "" {
					fm.out = append(fm.out, raw{block: Block{Kind: Item, Text: t, Line: fm.line(el), Parent: -1}})
				}
			case yaml.MappingNode:
				if !content(el) {
					continue
				}
				if name, key := mapName(el); name != "" {
					fm.out = append(fm.out, raw{heading: level, block: Block{Text: name, Line: fm.line(el), Parent: -1}})
					fm.mapping(el, level+1, key)
				} else {
					fm.mapping(el, level, "")
				}
			case yaml.SequenceNode:
				fm.body(el, level)
			}
		}
	case yaml.MappingNode:
		fm.mapping(n, level, "")
	}
}

// mapping emits the content entries of map m, but the one keyed skip (its
// name) and, in the root, the keys that describe the file: each under its key as a heading at level, or a lone one straight
// in place, since its key only says what the map holds ("criteria").
func (fm *fmReader) mapping(m *yaml.Node, level int, skip string) {
	var keys, vals []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value == skip || level == 1 && metaKey(k.Value) || !content(v) {
			continue
		}
		keys, vals = append(keys, k), append(vals, v)
	}
	if len(keys) == 1 && level > 1 {
		fm.body(vals[0], level)
		return
	}
	for i := range keys {
		fm.section(humanKey(keys[i].Value), keys[i], vals[i], level)
	}
}

// content reports whether n holds text a reader asks about: a string of
// proseWords words or more, a list of two or more strings or of a phrase,
// or maps and lists holding them.
func content(n *yaml.Node) bool {
	n = deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag == "!!str" && len(strings.Fields(n.Value)) >= proseWords
	case yaml.SequenceNode:
		strs := 0
		for _, el := range n.Content {
			el = deref(el)
			if content(el) {
				return true
			}
			if el.Kind == yaml.ScalarNode && el.Tag == "!!str" && strings.TrimSpace(el.Value) != "" {
				strs++
				if len(strings.Fields(el.Value)) >= 2 {
					return true // a phrase, not a tag
				}
			}
		}
		return strs >= 2
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			if content(n.Content[i]) {
				return true
			}
		}
	}
	return false
}

// mapName returns the name a map in a list gives itself, and the key that
// gave it: its title or name, or "Level 1" for "level: 1".
func mapName(m *yaml.Node) (string, string) {
	for _, want := range nameKeys {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], deref(m.Content[i+1])
			if !strings.EqualFold(k.Value, want) || v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" || v.Tag == "!!null" {
				continue
			}
			val := strings.TrimSpace(v.Value)
			if len(strings.Fields(val)) >= proseWords*2 {
				continue // a sentence, not a name
			}
			if v.Tag == "!!int" || v.Tag == "!!float" {
				return humanKey(k.Value) + " " + val, k.Value
			}
			if !strings.ContainsAny(val, " ") {
				val = humanKey(val)
			}
			return val, k.Value
		}
	}
	return "", ""
}

// humanKey turns a key into a heading: "level_1" → "Level 1", "nextSteps" →
// "Next steps".
func humanKey(k string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range k {
		switch {
		case r == '_' || r == '-':
			r = ' '
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			b.WriteByte(' ')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
		prev = r
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// deref follows a YAML alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}
