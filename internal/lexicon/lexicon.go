// Package lexicon holds the vocabularies careerbot reads questions and
// guides with — places, synonyms, shorthand, the words of pay and prices,
// levels, and the word lists that shape questions — as one embedded data
// file, lexicon.txt, so the reader, the search, the fact extractor and the
// engine use the same words.
//
// A line of lexicon.txt is one entry:
//
//	country NAME | OTHER NAME | …     (=NAME matches only as written)
//	city COUNTRY: NAME | OTHER NAME | …
//	synonym PHRASE | PHRASE | …        (=PHRASE matches only as written)
//	short FORM = WHAT IT STANDS FOR
//	currency CODE SYMBOL …: WORD …
//	words NAME: word word prefix* …
//	pattern NAME: regular expression
//
// Blank lines and lines starting with # are comments.
package lexicon

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
)

//go:embed lexicon.txt
var data string

// Lexicon is the parsed lexicon.
type Lexicon struct {
	Countries map[string][]string // country → its other names
	Cities    map[string]string   // city → its country
	CityNames map[string][]string // city → its other names
	// AsWritten maps a place's name that is an ordinary word in another
	// case ("us", "polish my CV"), lower-cased, to the only way it names
	// the place ("US", "Polish").
	AsWritten  map[string]string
	Synonyms   [][]string
	Shorthand  map[string]string
	Spellings  map[string]string // a spelling (lower case: British, an ordinal) → the one the index writes
	Currencies []Currency
	words      map[string][]string
	patterns   map[string]string
}

// Currency is a currency as guides and questions write it.
type Currency struct {
	Code    string   // ISO 4217: "EUR"
	Symbols []string // "€"; an answer writes the first
	Words   []string // "euro", "euros"
}

// the lexicon, parsed once: it is data compiled into the binary, read
// only, like a table of constants.
var the = func() *Lexicon {
	l, err := Parse(data)
	if err != nil {
		panic("lexicon.txt: " + err.Error()) // embedded: a build mistake every test catches
	}
	return l
}()

// Get returns the embedded lexicon.
func Get() *Lexicon { return the }

// Parse reads a lexicon; an error names the line.
func Parse(text string) (*Lexicon, error) {
	l := &Lexicon{Countries: map[string][]string{}, Cities: map[string]string{}, CityNames: map[string][]string{}, AsWritten: map[string]string{},
		Shorthand: map[string]string{}, Spellings: map[string]string{}, words: map[string][]string{}, patterns: map[string]string{}}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, rest, _ := strings.Cut(line, " ")
		bad := func(why string) error { return fmt.Errorf("line %d: %s: %q", n+1, why, line) }
		switch kind {
		case "country":
			marked := split(rest, "|")
			if len(marked) == 0 {
				return nil, bad("no name")
			}
			names := l.placeNames(marked)
			l.Countries[names[0]] = names[1:]
		case "city":
			country, list, ok := strings.Cut(rest, ":")
			names := l.placeNames(split(list, "|"))
			if !ok || len(names) == 0 {
				return nil, bad("want city COUNTRY: NAME | …")
			}
			l.Cities[names[0]] = strings.TrimSpace(country)
			if len(names) > 1 {
				l.CityNames[names[0]] = names[1:]
			}
		case "synonym":
			g := split(rest, "|")
			if len(g) < 2 {
				return nil, bad("a synonym needs two phrasings")
			}
			l.Synonyms = append(l.Synonyms, g)
		case "short":
			from, to, ok := pair(rest)
			if !ok {
				return nil, bad("want short FORM = MEANING")
			}
			l.Shorthand[from] = to
		case "spelling":
			from, to, ok := pair(rest)
			if !ok {
				return nil, bad("want spelling FORM = INDEXED FORM")
			}
			l.Spellings[strings.ToLower(from)] = strings.ToLower(to)
		case "currency":
			head, words, _ := strings.Cut(rest, ":")
			f := strings.Fields(head)
			if len(f) == 0 || len(f[0]) != 3 || strings.ToUpper(f[0]) != f[0] {
				return nil, bad("want currency CODE SYMBOL …: WORD …")
			}
			l.Currencies = append(l.Currencies, Currency{Code: f[0], Symbols: f[1:], Words: strings.Fields(words)})
		case "words", "pattern":
			name, list, ok := strings.Cut(rest, ":")
			name = strings.TrimSpace(name)
			if !ok || name == "" {
				return nil, bad("want " + kind + " NAME: …")
			}
			if kind == "words" {
				l.words[name] = strings.Fields(list)
			} else {
				if _, err := regexp.Compile(strings.TrimSpace(list)); err != nil {
					return nil, bad(err.Error())
				}
				l.patterns[name] = strings.TrimSpace(list)
			}
		default:
			return nil, bad("unknown entry")
		}
	}
	return l, nil
}

// placeNames returns a place's names without their marks, recording the
// names marked to match only as written.
func (l *Lexicon) placeNames(marked []string) []string {
	names := make([]string, len(marked))
	for i, m := range marked {
		name, exact := strings.CutPrefix(m, "=")
		if exact {
			l.AsWritten[strings.ToLower(name)] = name
		}
		names[i] = name
	}
	return names
}

// pair reads "FROM = TO", both sides trimmed and neither empty.
func pair(s string) (from, to string, ok bool) {
	from, to, ok = strings.Cut(s, "=")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	return from, to, ok && from != "" && to != ""
}

func split(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Words returns a named word list. An unknown name is a programming
// mistake: it panics, and every test that reads the list says so.
func (l *Lexicon) Words(name string) []string {
	w, ok := l.words[name]
	if !ok {
		panic("lexicon: no word list " + name)
	}
	return w
}

// Pattern returns the regular expression (without anchors or flags) that
// matches a named list's words — a word ending in * matching every word it
// starts — or a named pattern.
func (l *Lexicon) Pattern(name string) string {
	if p, ok := l.patterns[name]; ok {
		return p
	}
	var alts []string
	for _, w := range l.Words(name) {
		if prefix, ok := strings.CutSuffix(w, "*"); ok {
			alts = append(alts, regexp.QuoteMeta(prefix)+`\w*`)
		} else {
			alts = append(alts, regexp.QuoteMeta(w))
		}
	}
	return strings.Join(alts, "|")
}

// Match returns a case-insensitive regular expression matching any of the
// named words (or the named pattern) as whole words.
func (l *Lexicon) Match(names ...string) *regexp.Regexp {
	var alts []string
	for _, n := range names {
		alts = append(alts, l.Pattern(n))
	}
	return regexp.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\b`)
}

// Set returns a named list as a set of its words, lower case.
func (l *Lexicon) Set(name string) map[string]bool {
	m := map[string]bool{}
	for _, w := range l.Words(name) {
		m[strings.ToLower(w)] = true
	}
	return m
}

// Joined returns a named list as one string of words, space separated.
func (l *Lexicon) Joined(name string) string { return strings.Join(l.Words(name), " ") }
