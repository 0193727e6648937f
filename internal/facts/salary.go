package facts

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/careerbot/careerbot/internal/lexicon"
)

// Salary is one pay figure a guide states: a range, an open range
// ("€8,000+"), or a percentage premium.
type Salary struct {
	Role     string // normalised role ("machine learning engineer"), "" when the guide names none
	RoleName string // the role as the guide writes it ("ML engineer"), for display
	Level    Level  // "" when the figure is for all levels
	Region   Region // zero when the guide names no place
	Currency string // ISO code, "" when the guide gives none
	Period   string // "year", "month", "week", "day", "hour" or ""
	Basis    string // "base", "total" or ""
	// Title is the word that names a level above senior ("staff",
	// "principal"), or the words, "/" between, of a label naming several
	// ("principal/distinguished"); "" for other levels.
	Title    string
	Min, Max float64
	Plus     bool // the range's top is open: "$180,000 - $250,000+"
	// Premium marks a percentage over a baseline ("15-25% more"); Min and
	// Max are then percentages and Currency is "".
	Premium bool
	Figure  string // the figure as the guide writes it: "€4,500-€8,000/month"
	// Qualifier is what else a table's header or row label says the
	// figure is for ("FAANG", "Startup"), beside level, place and basis.
	Qualifier string
	// Kind is what the figure is: pay ("" — a salary), or a "bonus",
	// "equity" or a "stipend" paid beside it.
	Kind string
	Ref
}

// HasTitle reports whether the figure is for the title t ("principal").
func (s Salary) HasTitle(t string) bool {
	return s.Title == t || strings.Contains("/"+s.Title+"/", "/"+t+"/")
}

// The kinds of figure paid beside a salary.
const (
	Bonus   = "bonus"
	Equity  = "equity"
	Stipend = "stipend"
)

var (
	bonusWords   = lexicon.Get().Match("bonus")
	equityWords  = lexicon.Get().Match("equity")
	stipendWords = lexicon.Get().Match("stipend")
	// exampleWords mark a table column or list of made-up figures ("One-line
	// Example"): a worked example, not what anyone is paid.
	exampleWords = regexp.MustCompile(`(?i)\b(?:examples?|e\.g\.|sample|illustration|scenario)\b`)
)

// KindOf says what a figure is from the words nearest it, then its
// table column or list lead ("" for pay); what a question asks about
// ("how big is the sign-on bonus?").
func KindOf(texts ...string) string { return kindOf(texts...) }

// firstWords returns the first n words of s before any punctuation;
// lastWords the last n words of s.
func firstWords(s string, n int) string {
	if i := strings.IndexAny(s, "(,;"); i >= 0 {
		s = s[:i] // "$350K+ (plus equity)": the aside is not what the figure is
	}
	f := strings.Fields(s)
	f = f[:min(n, len(f))]
	for i, w := range f {
		if joiner[strings.ToLower(w)] {
			f = f[:i] // "$118,000 and bonuses of $13,000": the next figure's
			break
		}
	}
	return strings.Join(f, " ")
}

// joiner are the words that join one figure's words to the next's.
var joiner = map[string]bool{"and": true, "plus": true, "with": true, "or": true, "while": true}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(0, len(f)-n):], " ")
}

func kindOf(texts ...string) string {
	for _, t := range texts {
		switch {
		case bonusWords.MatchString(t):
			return Bonus
		case equityWords.MatchString(t):
			return Equity
		case stipendWords.MatchString(t):
			return Stipend
		}
	}
	return ""
}

// Price is what something costs: a course, a bootcamp, an exam.
type Price struct {
	Currency string
	Period   string // "month" for a subscription, "" for a one-off
	Min, Max float64
	Figure   string
	Ref
}

// Multiplier scales pay: "San Francisco: 1.4x-1.6x the national average".
type Multiplier struct {
	Region   Region // zero when the guide names no place
	Min, Max float64
	Figure   string
	Ref
}

// Ref says where a fact came from.
type Ref struct {
	Section int    // index into the guide's Sections
	Line    int    // line of the block holding the fact
	Snippet string // that block's text (sentence, for prose)
}

// symbolCodes maps every symbol and word a currency is written with to its
// code (the lexicon's currencies).
var symbolCodes = func() map[string]string {
	m := map[string]string{}
	for _, c := range lexicon.Get().Currencies {
		for _, s := range c.Symbols {
			m[s] = c.Code
		}
		for _, w := range c.Words {
			m[w] = c.Code
		}
	}
	return m
}()

// alternation joins strings into a regular expression alternation,
// longest first, so that "CA$" is tried before "$".
func alternation(ss []string) string {
	ss = slices.Clone(ss)
	slices.SortStableFunc(ss, func(a, b string) int { return len(b) - len(a) })
	for i, s := range ss {
		ss[i] = regexp.QuoteMeta(s)
	}
	return "(?:" + strings.Join(ss, "|") + ")"
}

// The currency's symbols, codes and words, as regular expressions.
var curSymbol, curCode, curWord = func() (string, string, string) {
	var syms, codes, words []string
	for _, c := range lexicon.Get().Currencies {
		syms, codes = append(syms, c.Symbols...), append(codes, c.Code)
		words = append(words, c.Words...)
	}
	return alternation(syms), alternation(codes), alternation(words)
}()

const (
	number = `\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:[,.\x{202f}\x{a0}' ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
	suffix = `(?:\s?(?P<suffix>[kK]|[mM]|(?i:mn|million|thousand|lakhs?|lpa|crores?|cr)|L)\b)`
)

var (
	// amount matches one money amount with its currency on either side.
	amount = regexp.MustCompile(`(?:(?P<pre>` + curSymbol + `|` + curCode + `)\s?)?(?P<num>` + number + `)` + suffix + `?` +
		`(?P<plus>\+)?(?:\s?(?P<post>` + curCode + `|` + curWord + `|€|£)\b)?`)
	iPre, iNum, iSuffix, iPlus, iPost = 2 * amount.SubexpIndex("pre"), 2 * amount.SubexpIndex("num"),
		2 * amount.SubexpIndex("suffix"), 2 * amount.SubexpIndex("plus"), 2 * amount.SubexpIndex("post")
	rangeJoin  = regexp.MustCompile(`^\s*(?:-|–|—|to|and|until)\s*$`)
	between    = regexp.MustCompile(`(?i)\b(?:between|from)\s*$`)
	openAbove  = regexp.MustCompile(`(?i)\b(?:over|above|exceeding|exceed|more than|at least|starting at|upwards of|from)\s*$`)
	openBelow  = regexp.MustCompile(`(?i)\b(?:up to|under|below|less than|reach|reaches|reaching|as high as)\s*$`)
	percentOne = regexp.MustCompile(`(?i)\+\s?(\d+(?:\.\d+)?)\s?%|\b(\d+(?:\.\d+)?)\s?%\s+(?:more|higher|premium|extra|on top|above|uplift)\b`)
	percentRng = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*%?\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s*%`)
	priceWords = lexicon.Get().Match("price", "priced")
	multiplier = regexp.MustCompile(`(?i)(?:[x×]\s?(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s?[x×](?:\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s?[x×])?)(?:$|[^\pL\pN])`)
	payWords   = lexicon.Get().Match("pay", "stipend")
	// employerWords name a kind of employer ("FAANG", "Startups").
	employerWords = lexicon.Get().Match("employer")
	periodNear    = regexp.MustCompile(`(?i)^[\s,]*(?:(?:/|per|a|an|each|every)\s*(month|mo|year|yr|annum|day|hour|hr|week|wk)\b|(monthly|annually|annual|yearly|p\.?a\.?|daily|hourly|weekly)\b)`)
	periodAny     = regexp.MustCompile(`(?i)\b(?:per|a|/)\s*(month|year|annum|day|hour|week)\b|\b(monthly|annually|annual|yearly|daily|hourly|weekly)\b`)
	basisTotal    = regexp.MustCompile(`(?i)\btotal (?:comp|compensation|pay|package)|\bTC\b|\bincluding (?:equity|bonus)`)
	basisBase     = regexp.MustCompile(`(?i)\bbase (?:salary|salaries|pay)\b`)
)

var (
	notMoney = regexp.MustCompile(`(?i)^\s?(?:%|x\b|years?\b|months?\b|weeks?\b|days?\b|hours?\b|people\b|positions?\b|jobs?\b|companies\b|users\b)`)
	suffixed = regexp.MustCompile(`^\s*(?:-|–|—|to)\s*` + curSymbol + `?\s?\d+(?:\.\d+)?` + suffix)
)

// suffixedRangeEnd reports whether s continues a range whose upper end
// carries the suffix for both ("60-80k").
func suffixedRangeEnd(s string) bool { return suffixed.MatchString(s) }

var periods = map[string]string{"month": "month", "mo": "month", "monthly": "month", "year": "year", "yr": "year",
	"annum": "year", "annually": "year", "annual": "year", "yearly": "year", "pa": "year", "p.a.": "year", "p.a": "year",
	"day": "day", "daily": "day", "hour": "hour", "hr": "hour", "hourly": "hour", "week": "week", "wk": "week", "weekly": "week"}

// mention is one amount found in a sentence.
type mention struct {
	start, end int
	value      float64
	currency   string
	hasSuffix  bool
	plus       bool
	separated  bool // written with thousands separators
	perYear    bool // the suffix says per year ("LPA")
}

// multipliers are what a suffix multiplies an amount by. A lakh is
// 100,000 and a crore 10,000,000 (Indian usage; "LPA" is lakhs per annum).
var multipliers = map[string]float64{"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
	"l": 1e5, "lakh": 1e5, "lakhs": 1e5, "lpa": 1e5, "cr": 1e7, "crore": 1e7, "crores": 1e7}

// indian are the suffixes that count in lakhs and crores.
var indian = map[string]bool{"lpa": true, "lakh": true, "lakhs": true, "crore": true, "crores": true, "cr": true}

func parseMention(s string, m []int) mention {
	mt := mention{start: m[0], end: m[1]}
	if m[iPre] >= 0 {
		mt.currency = currencyCode(s[m[iPre]:m[iPre+1]])
	}
	if m[iPost] >= 0 {
		mt.currency = currencyCode(s[m[iPost]:m[iPost+1]])
	}
	mt.value, mt.separated = parseNumber(s[m[iNum]:m[iNum+1]])
	if m[iSuffix] >= 0 {
		suf := s[m[iSuffix]:m[iSuffix+1]]
		mt.value *= multipliers[strings.ToLower(suf)]
		mt.hasSuffix = true
		mt.perYear = strings.EqualFold(suf, "lpa")
		if indian[strings.ToLower(suf)] && mt.currency == "" {
			mt.currency = "INR" // lakhs and crores are Indian rupees
		}
	}
	mt.plus = m[iPlus] >= 0
	return mt
}

var currencyAlone = regexp.MustCompile(`(?:^|[^A-Za-z])(` + curCode + `|` + curSymbol + `)(?:$|[^A-Za-z])`)

// currencyIn returns the currency a table header names ("Germany (EUR)",
// "Salary in $"), or "".
func currencyIn(s string) string {
	if m := currencyAlone.FindStringSubmatch(s); m != nil {
		return currencyCode(m[1])
	}
	return ""
}

func currencyCode(s string) string {
	if c, ok := symbolCodes[strings.ToLower(s)]; ok {
		return c
	}
	if c, ok := symbolCodes[s]; ok {
		return c
	}
	return strings.ToUpper(s)
}

// parseNumber reads "4,500", "4.500", "120,000.50" or "1.2": a separator
// followed by groups of exactly three digits groups thousands; a lone point
// before other digits is a decimal point.
func parseNumber(s string) (float64, bool) {
	sep := false
	if m := thousands.FindStringSubmatch(s); m != nil {
		s = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, m[1]) + m[2]
		sep = true
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, sep
}

// thousands matches a number grouped in thousands ("4,500", "1 200 000")
// or in the Indian way, lakhs and crores ("4,00,000", "1,20,00,000").
var thousands = regexp.MustCompile(`^(\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[,.\x{202f}\x{a0}' ]\d{3})+)(\.\d+)?$`)

// salariesIn extracts the salary figures in one sentence. ctx is the text
// around the sentence (block, list lead, headings) used when the sentence
// itself does not say the level, region or period.
func salariesIn(sentence string, ctx context) ([]Salary, []Price) {
	if !strings.ContainsAny(sentence, "0123456789") {
		return nil, nil // most sentences: no figure, and no regular expression to tell
	}
	locs := amount.FindAllStringSubmatchIndex(sentence, -1)
	var ms []mention
	for _, m := range locs {
		if m[0] > 0 && sentence[m[0]-1] >= '0' && sentence[m[0]-1] <= '9' {
			continue
		}
		mt := parseMention(sentence, m)
		if notMoney.MatchString(sentence[m[1]:]) || (mt.currency == "" && !mt.hasSuffix && mt.value < 1000 && !suffixedRangeEnd(sentence[m[1]:])) {
			continue // "8+ years", "2-3x", "40%": counts, not pay
		}
		ms = append(ms, mt)
	}
	payContext := payWords.MatchString(sentence) || payWords.MatchString(ctx.headings) || payWords.MatchString(ctx.lead) || kindOf(ctx.lead) != ""
	var prices []Price
	var out []Salary
	lastPrice := false // the figure before was a price
	for i := 0; i < len(ms); i++ {
		lo, hi := ms[i], ms[i]
		isRange := false
		if i+1 < len(ms) && rangeJoin.MatchString(sentence[ms[i].end:ms[i+1].start]) {
			joiner := strings.TrimSpace(sentence[ms[i].end:ms[i+1].start])
			if joiner != "and" || between.MatchString(sentence[:ms[i].start]) {
				hi, isRange = ms[i+1], true
			}
		}
		// One currency or suffix written once serves both ends: "$60-80k", "60,000-80,000 EUR".
		if isRange {
			if lo.currency == "" {
				lo.currency = hi.currency
			}
			if hi.currency == "" {
				hi.currency = lo.currency
			}
			if hi.hasSuffix && !lo.hasSuffix && lo.value < 1000 {
				if raw, _ := parseNumber(numberIn(sentence[lo.start:lo.end])); raw > 0 && hi.value/raw >= 1000 {
					lo.value = raw * hi.value / rawOf(sentence, hi)
				}
			}
		}
		cur := lo.currency
		if cur == "" && !(payContext && lo.value >= 1000 && (lo.separated || lo.hasSuffix || isRange) && !isYear(lo) && !isYear(hi)) {
			if isRange {
				i++
			}
			continue
		}
		if lo.value <= 0 || (isRange && hi.value < lo.value) {
			if isRange {
				i++
			}
			continue
		}
		s := Salary{Currency: cur, Min: lo.value, Max: hi.value, Plus: isRange && hi.plus}
		end := lo.end
		if isRange {
			end = hi.end
		}
		s.Figure = strings.TrimSpace(sentence[lo.start:end])
		before := sentence[:lo.start]
		switch {
		case !isRange && (lo.plus || openAbove.MatchString(before)):
			s.Max = 0
		case !isRange && openBelow.MatchString(before):
			s.Min = 0
		}
		// The text that belongs to this figure: from the previous figure to the next.
		prevEnd := 0
		if i > 0 {
			prevEnd = ms[i-1].end
		}
		nextIdx := i + 1
		if isRange {
			nextIdx = i + 2
		}
		nextStart := len(sentence)
		if nextIdx < len(ms) {
			nextStart = ms[nextIdx].start
		}
		pre, post := clause(sentence[prevEnd:lo.start], sentence[end:nextStart])
		if lo.perYear || hi.perYear {
			s.Period = "year"
		} else if p := periodNear.FindStringSubmatch(post); p != nil {
			s.Period = periods[strings.ToLower(p[1]+p[2])]
			s.Figure += strings.TrimRight(post[:len(p[0])], " ,")
		} else {
			around := sentence
			if len(ms) > 1 {
				around = "" // a period beside another figure is that figure's
			}
			s.Period = firstPeriod(post, around, ctx.lead, payHeadings(ctx.headings))
		}
		s.Level = firstLevel(pre, post, ctx)
		if s.Level == Lead {
			s.Title = firstTitle(pre, post, ctx)
		}
		s.Role, s.RoleName = firstRole(pre, post, ctx)
		s.Region = nearestRegion(pre, post)
		switch {
		case s.Region.Name != "":
		case len(ms) == 1:
			s.Region = firstRegion(sentence, ctx.block, ctx.lead, ctx.headings)
		default:
			// Several figures: a place named beside another figure is not this one's.
			s.Region = firstRegion(ctx.lead, ctx.headings)
		}
		s.Basis = basis(pre, post)
		// What the figure is comes before it or right after it ("a $30K
		// sign-on bonus"), not from the rest of its clause ("$200,000, plus
		// equity" is pay).
		s.Kind = kindOf(firstWords(post, 3), pre, ctx.lead) // "a grant for $400k RSUs": the noun after the figure names it first
		// A figure a few words after a price is another price of the same
		// thing: "$11,500 up front, or $13,200 if you pay monthly".
		alternative := lastPrice && i > 0 && len(strings.Fields(sentence[ms[i-1].end:lo.start])) <= 4
		lastPrice = alternative || isPrice(pre, post, sentence, ctx)
		if lastPrice {
			prices = append(prices, Price{Currency: s.Currency, Period: s.Period, Min: s.Min, Max: s.Max, Figure: s.Figure})
		} else {
			out = append(out, s)
		}
		if isRange {
			i++
		}
	}
	if payContext {
		ranges := percentRng.FindAllStringSubmatchIndex(sentence, -1)
		// A single premium: "+20 %", "20% more" (not the end of a range).
		for _, m := range percentOne.FindAllStringSubmatchIndex(sentence, -1) {
			inRange := false
			for _, r := range ranges {
				inRange = inRange || m[0] < r[1] && r[0] < m[1]
			}
			if !inRange {
				k := 2
				if m[2] < 0 {
					k = 4
				}
				ranges = append(ranges, []int{m[0], m[1], m[k], m[k+1], m[k], m[k+1]})
			}
		}
		for _, m := range ranges {
			lo, _ := strconv.ParseFloat(sentence[m[2]:m[3]], 64)
			hi, _ := strconv.ParseFloat(sentence[m[4]:m[5]], 64)
			if hi < lo || hi > 500 || lo <= 0 {
				continue
			}
			pre, post := sentence[:m[0]], sentence[m[1]:]
			role, name := firstRole(pre, post, ctx)
			out = append(out, Salary{Premium: true, Min: lo, Max: hi, Figure: sentence[m[0]:m[1]], Kind: kindOf(lastWords(pre, 6), firstWords(post, 3), ctx.lead),
				Level: firstLevel(pre, post, ctx), Role: role, RoleName: name,
				Region: firstRegion(sentence, ctx.block, ctx.lead, ctx.headings)})
		}
	}
	return out, prices
}

// isPrice reports whether a figure is what something costs rather than
// pay: the words right before it call it a cost, or its clause (pre and
// post, the text before and after it) names a course, fee or
// subscription and no pay, or, with neither in the sentence, its heading
// or list lead does.
func isPrice(pre, post, sentence string, ctx context) bool {
	clause, before := pre+" "+post, lastWords(pre, 3)
	switch {
	case priceWords.MatchString(before) && !payWords.MatchString(before):
		// The words right before it say what it is: "Gridline charges
		// $11,500 up front, or more if you pay monthly" is a price.
		return true
	case payWords.MatchString(clause):
		return false
	case priceWords.MatchString(clause):
		return true
	case payWords.MatchString(sentence):
		return false
	case priceWords.MatchString(sentence):
		return true
	}
	inner, _, _ := strings.Cut(ctx.headings, " | ")
	return !payWords.MatchString(ctx.lead+" "+inner) && priceWords.MatchString(ctx.lead+" "+inner)
}

// multipliersIn reads pay multipliers for a place: "San Francisco:
// 1.4x-1.6x", "×1.3 in London". A multiplier that names no place (in the
// sentence or its row or lead) is left out: it says nothing to look up.
func multipliersIn(sentence string, ctx context) []Multiplier {
	if !strings.ContainsAny(sentence, "0123456789") {
		return nil
	}
	var out []Multiplier
	for _, m := range multiplier.FindAllStringSubmatchIndex(sentence, -1) {
		num := func(k int) float64 {
			if m[2*k] < 0 {
				return 0
			}
			v, _ := strconv.ParseFloat(sentence[m[2*k]:m[2*k+1]], 64)
			return v
		}
		lo, hi := num(1)+num(2), num(3)
		if hi == 0 {
			hi = lo
		}
		if lo <= 0 || lo > 20 || hi < lo {
			continue
		}
		r := firstRegion(sentence, ctx.lead)
		if r.Name == "" {
			continue
		}
		out = append(out, Multiplier{Region: r, Min: lo, Max: hi, Figure: strings.TrimSpace(sentence[m[0]:m[1]])})
	}
	return out
}

var clauseBreak = regexp.MustCompile(`;|\b(?:while|whereas|but|although)\b`)

// clause trims the text before and after a figure to the clause holding it.
func clause(pre, post string) (string, string) {
	if locs := clauseBreak.FindAllStringIndex(pre, -1); locs != nil {
		pre = pre[locs[len(locs)-1][1]:]
	}
	if loc := clauseBreak.FindStringIndex(post); loc != nil {
		post = post[:loc[0]]
	}
	return pre, post
}

// basis says whether a figure is base pay or total compensation, from the
// words before it, else the words after it.
func basis(pre, post string) string {
	for _, t := range []string{pre, post} {
		total, base := basisTotal.FindAllStringIndex(t, -1), basisBase.FindAllStringIndex(t, -1)
		switch {
		case total != nil && base != nil:
			// The mention nearest the figure wins.
			if t == pre && total[len(total)-1][0] > base[len(base)-1][0] || t == post && total[0][0] < base[0][0] {
				return "total"
			}
			return "base"
		case total != nil:
			return "total"
		case base != nil:
			return "base"
		}
	}
	return ""
}

// numberIn returns the digits of an amount as written ("₹8" → "8").
func numberIn(s string) string {
	m := amount.FindStringSubmatchIndex(s)
	if m == nil {
		return ""
	}
	return s[m[iNum]:m[iNum+1]]
}

// rawOf returns mention m's number before its suffix was applied.
func rawOf(s string, m mention) float64 {
	v, _ := parseNumber(numberIn(s[m.start:m.end]))
	if v == 0 {
		return 1
	}
	return v
}

func isYear(m mention) bool {
	return m.currency == "" && !m.separated && !m.hasSuffix && m.value >= 1900 && m.value <= 2100 && m.value == math.Trunc(m.value)
}

// context is the text around a sentence, nearest first.
type context struct {
	block    string // the whole block
	lead     string // the text introducing a list item or the table header
	headings string // the section's heading path, innermost first
}

// payHeadings returns the headings of a path that speak of pay: a period
// in one of them is the figures' ("Monthly Salaries in Pune"), one in any
// other is something else's ("Learning Plan - 2 Hours Daily").
func payHeadings(path string) string {
	var pay []string
	for _, h := range strings.Split(path, " | ") {
		if payWords.MatchString(h) {
			pay = append(pay, h)
		}
	}
	return strings.Join(pay, " | ")
}

func firstPeriod(texts ...string) string {
	for _, t := range texts {
		if p := periodAny.FindStringSubmatch(t); p != nil {
			return periods[strings.ToLower(p[1]+p[2])]
		}
	}
	return ""
}

// firstLevel prefers the level named just before the figure ("Senior: €4,500"),
// then just after it ("$120,000 for mid-level positions"), then the context.
func firstLevel(pre, post string, ctx context) Level {
	if l, ok := levelIn(pre, true); ok {
		return l
	}
	if l, ok := levelIn(post, false); ok {
		return l
	}
	if l := FindLevel(ctx.lead); l != "" {
		return l
	}
	// The headings, by level words or by the years they give
	// ("Machine Learning Engineer (2-4 years)").
	return levelOf(ctx.headings)
}

// firstTitle returns the word above senior nearest the figure.
func firstTitle(pre, post string, ctx context) string {
	if m := leadTitles.FindAllString(pre, -1); m != nil {
		// "Principal/Distinguished: $350K": both; "Staff to Principal
		// Engineer": the one nearest the figure last.
		var ts []string
		for _, t := range m {
			if t = strings.ToLower(t); !slices.Contains(ts, t) {
				ts = append(ts, t)
			}
		}
		return strings.Join(ts, "/")
	}
	for _, t := range []string{post, ctx.lead, ctx.headings} {
		if w := FindLeadTitle(t); w != "" {
			return w
		}
	}
	return ""
}

// firstRole returns the role named nearest the figure, normalised and as
// written.
func firstRole(pre, post string, ctx context) (string, string) {
	for _, t := range []string{pre, post, ctx.lead, ctx.headings} {
		if r := FindRole(t); r != "" {
			return r, FindRoleName(t)
		}
	}
	return "", ""
}

// nearestRegion returns the place named closest before a figure (pre is
// the text before it, post the text after): "20-40% of US (e.g., Senior
// in Bangalore: ₹30L-60L)" is Bangalore's figure. With none before it,
// the first named after it.
func nearestRegion(pre, post string) Region {
	if rs := FindRegions(pre); len(rs) == 1 {
		return rs[0]
	} else if len(rs) > 1 {
		words := strings.Fields(pre)
		for k := len(words) - 1; k >= 0; k-- {
			if rs := FindRegions(strings.Join(words[k:], " ")); len(rs) > 0 {
				return rs[0]
			}
		}
	}
	return firstRegion(post)
}

func firstRegion(texts ...string) Region {
	for _, t := range texts {
		if rs := FindRegions(t); len(rs) > 0 {
			return rs[0]
		}
	}
	return Region{}
}

// labelled is a list item's label before the figure it gives:
// "FAANG: $350K-500K", "**Startups:** $80K-120K".
var labelled = regexp.MustCompile(`^[\s*_]*([^:;]{2,40}?)[\s*_]*:[\s*_]*\S*\d`)

// EmployerLabel returns the kind of employer a label names ("FAANG",
// "Mid-size", "Product companies"), as a table's column would, or "": a
// figure given under it is for that kind of employer. A label naming a
// level or a role says whose pay it is, not where.
func EmployerLabel(label string) string {
	label = strings.Trim(label, " *_:")
	if len(strings.Fields(label)) > 4 || !employerWords.MatchString(label) || levelOf(label) != "" || FindRole(label) != "" || len(FindRegions(label)) > 0 {
		return ""
	}
	return label
}

// itemEmployer returns the kind of employer an item's label names before
// its figure, or "".
func itemEmployer(sentence string) string {
	m := labelled.FindStringSubmatch(sentence)
	if m == nil {
		return ""
	}
	return EmployerLabel(m[1])
}
