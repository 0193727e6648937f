// Package reading reads questions as people type them in chat: it drops
// greetings, thanks and emoji, spells out the field's shorthand ("jr DS
// TC in RO" is "junior data scientist total compensation in Romania"),
// and corrects typos against the words the guides use and the names of
// places ("salery" → "salary", "romaina" → "Romania"). The engine then
// answers the text it read.
//
// A word is corrected only when neither the guides, the place names, the
// shorthand nor an English word list know it; never a number, a word under
// four letters, an acronym in capitals or part of a link. A word of four
// to seven letters may be one edit away from its correction, a longer one
// two.
package reading

import (
	"iter"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careerbot/careerbot/internal/facts"
)

// Reader reads questions against one set of guides. It is safe for
// concurrent use.
type Reader struct {
	v vocab
}

// New returns a Reader that corrects typos to the words of texts (the
// guides' titles, headings and text) and to the names of places.
func New(texts iter.Seq[string]) *Reader {
	r := &Reader{v: vocab{count: map[string]int{}, place: map[string]string{}}}
	for t := range texts {
		r.v.addText(t)
	}
	for _, p := range facts.PlaceNames() {
		r.v.addPlace(p)
	}
	r.v.build()
	return r
}

// Reading is how a question was read.
type Reading struct {
	// Text is what the engine should answer: chatter dropped, shorthand
	// spelled out, typos corrected. It is the question itself when nothing
	// but chatter is left ("hey bot :)").
	Text string
	// Plain is Text without Fixes: comparing the two answers tells whether
	// the fixes changed anything.
	Plain string
	// Shown is the question as typed with only the fixes applied, to tell
	// the user how it was read ("learnt tensorflow whats next"); "" when
	// there are no fixes.
	Shown string
	// Fixes are the typos corrected and the shorthand read from context.
	Fixes []Fix
}

// Fix is one word read as another.
type Fix struct {
	From, To string
	// Guess marks shorthand whose meaning was decided by the words around
	// it ("DE": Germany or data engineer), rather than a typo.
	Guess bool
}

// token is a run of letters, digits and inner apostrophes in a question.
type token struct {
	start, end int
	text       string
	lower      string
	word       bool // letters (and apostrophes) only
	linkish    bool // part of a link, an address, a path or a code name
}

// decision is what becomes of one token.
type decision struct {
	drop  bool   // chatter: left out of Text
	text  string // its reading in Text and Shown
	fix   *Fix   // a typo or a guess: Plain keeps the token as typed
	glue  bool   // joined to the token before ("150 k" → "150k")
	abbr  bool   // shorthand: a full stop right after it goes too ("jr.")
	place bool   // a correction to a place name
}

// Read reads question q, as cleaned by advisor.CleanQuestion.
func (r *Reader) Read(q string) Reading {
	s := stripMarkup(q)
	toks := tokenize(s)
	ds := make([]decision, len(toks))
	for i, t := range toks {
		ds[i].text = t.text
	}
	markChatter(toks, ds)
	ctx := newContext(toks, ds)
	var fixes []Fix
	for i, t := range toks {
		if ds[i].drop {
			continue
		}
		if rd, ok := readShorthand(ctx, i); ok {
			ds[i].text, ds[i].glue, ds[i].abbr = rd.text, rd.glue, rd.abbr
			if rd.guess {
				ds[i].fix = &Fix{From: t.text, To: rd.text, Guess: true}
			}
		} else if to, ok := r.correct(t); ok {
			ds[i].text = to
			ds[i].fix = &Fix{From: t.text, To: to}
		}
		if ds[i].fix != nil {
			fixes = append(fixes, *ds[i].fix)
		}
	}
	rd := Reading{Fixes: fixes}
	rd.Text = assemble(s, toks, ds, false)
	if !hasWord(rd.Text) {
		rd.Text = q
	}
	rd.Plain = rd.Text
	if len(fixes) > 0 {
		rd.Plain = assemble(s, toks, ds, true)
		if !hasWord(rd.Plain) {
			rd.Plain = q
		}
		rd.Shown = shown(s, toks, ds)
	}
	return rd
}

// correct returns the correction of a word no guide, place, shorthand or
// dictionary knows, when one is near enough.
func (r *Reader) correct(t token) (string, bool) {
	n := utf8.RuneCountInString(t.text)
	if !t.word || t.linkish || n < 4 || strings.ContainsAny(t.text, "'’") ||
		t.text == strings.ToUpper(t.text) || r.v.has(t.lower) || isEnglish(t.lower) {
		return "", false
	}
	maxDist := 1
	if n > 7 {
		maxDist = 2
	}
	w, ok := r.v.best(t.lower, maxDist)
	if !ok {
		return "", false
	}
	if p, ok := r.v.place[w]; ok {
		return p, true
	}
	if first, _ := utf8.DecodeRuneInString(t.text); unicode.IsUpper(first) {
		return strings.ToUpper(w[:1]) + w[1:], true
	}
	return w, true
}

var (
	// customEmoji are Discord's <:name:id> and Slack's :name: emoji.
	customEmoji = regexp.MustCompile(`<a?:\w+:\d+>|:[a-z_+\-][a-z0-9_+\-]*:`)
	// emoticon is a face typed in punctuation, as a word of its own.
	emoticon = regexp.MustCompile(`(?:^|\s)(?:[:;=8xX][-o'^]?[()\[\]DPpOo/\\|3*]+|[()]+[-o']?[:;]|<3+|\^_*\^|[tT]_[tT]|-_-)(?:\s|$)`)
	// with is "w/" and "w/o".
	withSlash = regexp.MustCompile(`(?i)(?:^|\s)w/(o?)(?:\s|$)`)
)

// stripMarkup drops emoji, emoticons and chat markup, spells out "w/"
// and folds white space.
func stripMarkup(q string) string {
	q = customEmoji.ReplaceAllString(q, " ")
	// Emoticons may share a space; replace until none is left.
	for emoticon.MatchString(q) {
		q = emoticon.ReplaceAllString(q, " ")
	}
	q = withSlash.ReplaceAllStringFunc(q, func(m string) string {
		if strings.HasSuffix(strings.TrimSpace(m), "o") || strings.HasSuffix(strings.TrimSpace(m), "O") {
			return " without "
		}
		return " with "
	})
	q = strings.Map(func(r rune) rune {
		if isEmoji(r) {
			return ' '
		}
		return r
	}, q)
	return strings.Join(strings.Fields(q), " ")
}

// isEmoji reports whether r is a pictograph or a part of one (skin tones,
// joiners, variation selectors, keycaps). Currency and maths signs stay.
func isEmoji(r rune) bool {
	return unicode.Is(unicode.So, r) || r == 0x200d || r == 0xfe0f || r == 0x20e3 || 0x1f3fb <= r && r <= 0x1f3ff
}

// tokenize splits s into tokens.
func tokenize(s string) []token {
	var toks []token
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			(r == '\'' || r == '’') && start >= 0 && i+utf8.RuneLen(r) < len(s) && isLetterAt(s, i+utf8.RuneLen(r))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			toks = append(toks, newToken(s, start, i))
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, newToken(s, start, len(s)))
	}
	return toks
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func newToken(s string, start, end int) token {
	t := token{start: start, end: end, text: s[start:end]}
	t.lower = strings.ToLower(t.text)
	t.word = !strings.ContainsFunc(t.text, unicode.IsDigit)
	// The white-space-delimited chunk around the token.
	cs := strings.LastIndexByte(s[:start], ' ') + 1
	ce := strings.IndexByte(s[end:], ' ')
	if ce < 0 {
		ce = len(s)
	} else {
		ce += end
	}
	chunk := s[cs:ce]
	t.linkish = strings.Contains(chunk, "://") || strings.Contains(chunk, "@") || strings.Contains(chunk, "_") ||
		strings.Contains(chunk, "www.") || strings.Contains(chunk, "`") || innerDot(chunk)
	return t
}

// innerDot reports whether a full stop joins two words of two or more
// letters ("train.py", "scikit.learn"), as in file and module names.
func innerDot(chunk string) bool {
	for i := 2; i < len(chunk)-2; i++ {
		if chunk[i] == '.' && isASCIILetter(chunk[i-1]) && isASCIILetter(chunk[i-2]) &&
			isASCIILetter(chunk[i+1]) && isASCIILetter(chunk[i+2]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// assemble writes the reading of s: each token's decision, the text
// between tokens kept, chatter left out. With plain, fixes are undone.
func assemble(s string, toks []token, ds []decision, plain bool) string {
	var b strings.Builder
	pos := 0
	for i, t := range toks {
		sep := s[pos:t.start]
		pos = t.end
		if ds[i].drop {
			// Keep a question mark the chatter stood next to; drop the rest.
			b.WriteString(keepQuestion(sep))
			if i+1 < len(toks) {
				next := s[t.end:toks[i+1].start]
				b.WriteString(keepQuestion(next))
				pos = toks[i+1].start
			}
			continue
		}
		if ds[i].glue && strings.TrimSpace(sep) == "" {
			sep = ""
		}
		if i > 0 && ds[i-1].abbr && !ds[i-1].drop && strings.HasPrefix(sep, ".") {
			sep = sep[1:]
		}
		b.WriteString(sep)
		if plain && ds[i].fix != nil {
			b.WriteString(t.text)
		} else {
			b.WriteString(ds[i].text)
		}
	}
	tail := s[pos:]
	if len(toks) > 0 && ds[len(toks)-1].abbr && strings.HasPrefix(tail, ".") {
		tail = tail[1:]
	}
	if len(toks) > 0 && ds[len(toks)-1].drop {
		tail = keepQuestion(tail)
	}
	b.WriteString(tail)
	return tidy(b.String())
}

// keepQuestion returns " ?" if sep holds a question mark, else " ".
func keepQuestion(sep string) string {
	if strings.ContainsRune(sep, '?') {
		return " ?"
	}
	return " "
}

var (
	repeatedMarks = regexp.MustCompile(`[?!]{2,}`)
	spaceBefore   = regexp.MustCompile(`\s+([?!.,;:])`)
	leadingMarks  = regexp.MustCompile(`^[\s,;:.!?\-–—]+`)
)

// tidy folds "??" and "?!" into one mark, and drops white space before
// marks and punctuation left at the start.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = repeatedMarks.ReplaceAllStringFunc(s, func(m string) string {
		if strings.ContainsRune(m, '?') {
			return "?"
		}
		return "!"
	})
	s = spaceBefore.ReplaceAllString(s, "$1")
	s = leadingMarks.ReplaceAllString(s, "")
	return s
}

// shown writes s with only the fixes applied.
func shown(s string, toks []token, ds []decision) string {
	var b strings.Builder
	pos := 0
	for i, t := range toks {
		if ds[i].fix == nil {
			continue
		}
		b.WriteString(s[pos:t.start])
		b.WriteString(ds[i].text)
		pos = t.end
	}
	b.WriteString(s[pos:])
	return b.String()
}

func hasWord(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}
