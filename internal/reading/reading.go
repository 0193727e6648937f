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
	"github.com/careerbot/careerbot/internal/lexicon"
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
	// The lexicon's phrasings are words, whether or not a guide uses them:
	// "prep" is preparing, not a typo of the guides' "pre".
	for _, group := range lexicon.Get().Synonyms {
		for _, phrase := range group {
			r.v.addText(phrase)
		}
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
	// Chatter marks a message of nothing but chatter: greetings, small
	// talk, thanks ("good morning!! how r u"). It asks nothing.
	Chatter bool
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
	linkish    bool // part of a link, an address, a path, a code name or initials
}

// decision is what becomes of one token.
type decision struct {
	drop bool   // chatter: left out of Text
	text string // its reading in Text and Shown
	fix  *Fix   // a typo or a guess: Plain keeps the token as typed
	abbr bool   // shorthand: a full stop right after it goes too ("jr.")
}

// Read reads question q, as cleaned by advisor.CleanQuestion.
func (r *Reader) Read(q string) Reading {
	q = Clean(q)
	s := stripMarkup(q)
	toks := tokenize(s)
	ds := make([]decision, len(toks))
	for i, t := range toks {
		ds[i].text = t.text
	}
	markChatter(toks, ds)
	ctx := newContext(s, toks, ds)
	var fixes []Fix
	for i, t := range toks {
		if ds[i].drop {
			continue
		}
		if rd, ok := readShorthand(ctx, i); ok {
			ds[i].text, ds[i].abbr = rd.text, rd.abbr
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
		rd.Text, rd.Chatter = q, hasWord(q)
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
	w, dist, ok := r.v.best(t.lower, maxDist)
	if !ok {
		return "", false
	}
	p, place := r.v.place[w]
	// An English word the guides do not use may be what was meant: when
	// one is nearer, the typo is of that word ("experiance" is one edit
	// from experience, two from a guide's "experienced"); when one is
	// as near, the guides' word wins only if it is a place or common in
	// the guides ("salery" is salary, not celery; "trian" is not a
	// "trial" the guides mention once).
	if isASCII(t.lower) {
		switch {
		case dist == 2 && englishNeighbour(t.lower, ""):
			return "", false
		case dist == 1 && !place && r.v.count[w] < minTieCount && englishNeighbour(t.lower, w):
			return "", false
		}
	}
	if place {
		return p, true
	}
	if first, _ := utf8.DecodeRuneInString(t.text); unicode.IsUpper(first) {
		r, n := utf8.DecodeRuneInString(w)
		return string(unicode.ToUpper(r)) + w[n:], true
	}
	return w, true
}

// minTieCount is how often the guides must use a word for it to win over
// an English word as near to the typo.
const minTieCount = 3

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// closers are the marks that may end a word without being part of it.
const closers = "!?.,;:-–—"

// customEmoji is a word of Discord's <:name:id> and Slack's :name: emoji.
var customEmoji = regexp.MustCompile(`(?i)^(?:<a?:\w+:\d+>|:[a-z_+\-][a-z0-9_+\-]*:)+$`)

// stripMarkup drops emoji, emoticons and chat markup, spells out "w/"
// and "w/o", and folds white space.
func stripMarkup(q string) string {
	q = leadingMarks.ReplaceAllString(q, "") // as tidy will: "!w/" is "w/"
	fields := strings.Fields(strings.Map(func(r rune) rune {
		if isEmoji(r) {
			return ' '
		}
		return r
	}, q))
	kept := fields[:0]
	for _, f := range fields {
		// A mark after an emoji or a "w/" ends the sentence, not the word.
		core := f
		if c := strings.TrimRight(f, closers); c != "" {
			core = c
		}
		switch {
		case isEmoticon(f), isEmoticon(core), strings.IndexByte(f, ':') >= 0 &&
			(customEmoji.MatchString(f) || customEmoji.MatchString(strings.TrimRight(f, strings.ReplaceAll(closers, ":", "")))):
		case core == "w/" || core == "W/":
			kept = append(kept, "with"+f[len(core):])
		case strings.EqualFold(core, "w/o"):
			kept = append(kept, "without"+f[len(core):])
		default:
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

// isEmoticon reports whether a word is a face typed in punctuation:
// eyes, an optional nose and a mouth (":)", ";-P", "xD", "(:"), or one of
// "<3", "^^", "^_^", "T_T", "-_-".
func isEmoticon(w string) bool {
	switch w {
	case "<3", "<33", "^^", "^_^", "T_T", "t_t", "-_-", ":'(", ":')":
		return true
	}
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	face := func(eyes, mouth string) bool {
		rest := mouth
		if len(rest) > 1 && strings.IndexByte("-o^'", rest[0]) >= 0 {
			rest = rest[1:] // the nose
		}
		return strings.IndexByte(":;=xX", eyes[0]) >= 0 && rest != "" && strings.Trim(rest, "()[]DPpOo/\\|3*") == "" &&
			(eyes[0] != 'x' && eyes[0] != 'X' || strings.Trim(rest, "DPp") == "") // "xD", not "xo"
	}
	return face(w[:1], w[1:]) || strings.IndexByte(":;", w[len(w)-1]) >= 0 && strings.Trim(w[:len(w)-1], "()-o'") == "" && len(w) > 1 && strings.IndexByte("()", w[0]) >= 0
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
		strings.Contains(chunk, "www.") || strings.Contains(chunk, "`") || innerDot(chunk) || initials(chunk)
	return t
}

// initials reports whether a word is letters with full stops between
// ("U.S.", "e.g."): an abbreviation, read as written.
func initials(chunk string) bool {
	parts := strings.Split(strings.Trim(chunk, closers+"()\"'"), ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if r, n := utf8.DecodeRuneInString(p); n != len(p) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
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
			// Keep the marks against the words on either side (they are
			// part of their chunks: "U.S.!", "@tc") and a question mark the
			// chatter stood next to; drop the rest but a space.
			before, after := sep, s[t.end:]
			if i+1 < len(toks) {
				after = s[t.end:toks[i+1].start]
				pos = toks[i+1].start
			} else {
				pos = len(s)
			}
			prev, _, _ := strings.Cut(before, " ")
			if i == 0 || ds[i-1].drop {
				prev = ""
			}
			next := ""
			if j := strings.LastIndexByte(after, ' '); j >= 0 && i+1 < len(toks) {
				next = after[j+1:]
			}
			b.WriteString(prev)
			b.WriteString(question(before[len(prev):]+after[:len(after)-len(next)], " "))
			b.WriteString(next)
			continue
		}
		if i > 0 && ds[i-1].abbr && !ds[i-1].drop && strings.HasPrefix(sep, ". ") {
			sep = sep[1:] // "jr. DS"
		}
		b.WriteString(sep)
		if plain && ds[i].fix != nil {
			b.WriteString(t.text)
		} else {
			b.WriteString(ds[i].text)
		}
	}
	tail := s[pos:]
	if len(toks) > 0 && ds[len(toks)-1].abbr && tail == "." {
		tail = ""
	}
	b.WriteString(tail)
	return tidy(b.String())
}

// question returns what stays of the text around chatter: a question
// mark if it holds one, then space.
func question(sep, space string) string {
	if strings.ContainsRune(sep, '?') {
		return "?" + space
	}
	return space
}

var (
	repeatedMarks = regexp.MustCompile(`[?!]{2,}`)
	trailingMarks = regexp.MustCompile(`[\s,;:\-–—]+$`) // closers but full stops and question marks
	// thousands is a lone k after a number: "150 k" is 150k.
	thousands    = regexp.MustCompile(`(\d) ([kK])($|[\s?!.,;:)])`)
	leadingMarks = regexp.MustCompile(`^[\s,;:.!?\-–—]+`)
)

// tidy folds white space, "??" and "?!" into one, joins "150 k", and
// drops punctuation left at either end. It keeps white space before marks:
// joining "U.S. !" would make other words.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = trailingMarks.ReplaceAllString(leadingMarks.ReplaceAllString(s, ""), "")
	if strings.Contains(s, " k") || strings.Contains(s, " K") {
		s = thousands.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, "??") || strings.Contains(s, "!!") || strings.Contains(s, "?!") || strings.Contains(s, "!?") {
		s = repeatedMarks.ReplaceAllStringFunc(s, func(m string) string {
			if strings.ContainsRune(m, '?') {
				return "?"
			}
			return "!"
		})
	}
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
