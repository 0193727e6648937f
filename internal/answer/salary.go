package answer

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/lexicon"
)

// maxFigures bounds the figures one salary answer states; a question about
// one region without a level gets that region's whole ladder.
const (
	maxFigures       = 4
	maxRegionFigures = 6
)

var wantsPremium = regexp.MustCompile(`(?i)\b(?:premium|more|extra|bonus|specializ|specialis)`)

type figure struct {
	gi   int
	s    *facts.Salary
	rank float64
}

// salary answers with salary figures, ranked by how well their level, role
// and region fit the question. It returns nil when no guide gives any
// figure, so the question is answered from prose instead.
func (e *Engine) salary(a *analysis) *reply {
	if r := e.compare(a); r != nil {
		return r
	}
	if a.asksTop {
		// "Which industry pays the most?" and no figures by industry: a
		// passage that says which answers, not a list of figures.
		return nil
	}
	kind := facts.KindOf(a.q) // a bonus, equity, a stipend, or pay
	premium := wantsPremium.MatchString(a.q) || kind != ""
	role := a.role
	if slices.Contains(a.nocover, plural(role)) {
		role = "" // no guide knows the role: any figure is as close as another
	}
	all := e.figuresFor(role, premium, kind)
	otherRole := false
	if len(all) == 0 && role != "" {
		// No figure for the role asked about: the figures the guides give,
		// saying whose they are.
		all, otherRole = e.figuresFor("", premium, kind), true
	}
	if len(all) == 0 || !e.figuresFit(a, all) {
		return nil
	}
	r := &reply{e: e}
	// What the guides lack, said once before the figures: a role no figure
	// names, places no figure is about.
	roleGap, roleUnknown := "", false
	var placeGap []string
	for _, n := range a.nocover {
		if isRegion(n, a.regions) {
			placeGap = append(placeGap, n)
		} else {
			roleGap, roleUnknown = n, true
		}
	}
	if otherRole {
		roleGap, roleUnknown = plural(a.roleName), true
		role = ""
	}
	if roleGap == "" && strings.Contains(role, " ") && !hasNamedRole(all) {
		roleGap = plural(a.roleName)
	}

	// Region: only figures for the place asked about or, for a city, its
	// country, preferring the scope that has the level asked about. With
	// none, say so by name and offer the closest figures.
	regional := len(a.regions) > 0
	note := ""
	if regional {
		var countries []facts.Region
		for _, q := range a.regions {
			if q.Name != q.Country {
				countries = append(countries, facts.Region{Name: q.Country, Country: q.Country})
			}
		}
		var pool []figure
		for i, scope := range [][]facts.Region{a.regions, countries} {
			in := inRegions(all, scope)
			if i == 0 {
				// Figures that name no place but are in the country's own
				// currency count too ("$180,000" in a guide that names no
				// country), ranked after those that name it.
				in = append(in, unplacedIn(all, a.regions)...)
			}
			if len(in) == 0 {
				continue
			}
			n := ""
			if i > 0 {
				n = fmt.Sprintf("The guides give no such figures for %s itself; these are for %s:", a.regions[0].Name, the(scope[0].Name))
				if m := e.multiplierFor(a.regions[0], r); m != "" {
					n = fmt.Sprintf("The guides give no figures for %s itself, but %s; these are for %s:", a.regions[0].Name, m, the(scope[0].Name))
				}
			}
			if pool == nil || a.level != "" && !hasLevel(pool, a.level) && hasLevel(in, a.level) {
				pool, note = in, n
			}
		}
		if pool == nil {
			for _, q := range a.regions {
				if !slices.Contains(placeGap, q.Name) {
					placeGap = append(placeGap, q.Name)
				}
			}
			regional = false
		} else {
			all = pool
		}
	}
	if !regional {
		// No place asked: the figures that name none, when there are
		// some, not one place's ("How much can I earn with 5 years'
		// experience?" is not asking about Romania).
		if unplaced := slices.DeleteFunc(slices.Clone(all), func(f figure) bool { return f.s.Region.Name != "" }); len(unplaced) > 0 {
			all = unplaced
		}
	}
	if note != "" {
		// The city the country's figures stand in for is said in the note.
		placeGap = slices.DeleteFunc(placeGap, func(p string) bool { return p == a.regions[0].Name })
	}
	for i, p := range placeGap {
		placeGap[i] = the(p)
	}
	switch {
	case roleGap != "" && len(placeGap) > 0:
		r.say("The guides don't cover salaries for " + roleGap + " in " + joinAnd(placeGap) + "; the closest figures they give:")
	case len(placeGap) > 0:
		r.say("The guides don't cover salaries for " + joinAnd(placeGap) + "; the closest figures they give:")
	case roleUnknown:
		r.say("The guides don't cover salaries for " + roleGap + "; the closest figures they give:")
	case roleGap != "":
		r.say("The guides give no figures for " + roleGap + " specifically; the general figures they give:")
	}
	if note != "" {
		r.say(note)
	}

	// Level: figures for the level asked about, if any guide has them.
	if a.level != "" {
		var at []figure
		for _, f := range all {
			if f.s.Level == a.level {
				at = append(at, f)
			}
		}
		if len(at) > 0 {
			all = at
			if t := facts.FindLeadTitle(a.q); t != "" && a.level == facts.Lead {
				// "principal": not the staff figures beside them.
				all = keep(all, func(f figure) bool { return f.s.HasTitle(t) })
			}
		} else {
			r.say(fmt.Sprintf("The guides give no figures for %s roles%s; these are the nearest:", strings.ToLower(a.level.Label()), inRegion(a)))
		}
	}
	// A table's column or an item's label ("FAANG", "Startup") the question
	// names picks those figures, before those that only name the role.
	all = keep(all, func(f figure) bool { return e.qualifierAsked(a, f.s.Qualifier) })
	// Of the figures left, a question naming a role gets those that name
	// it, rather than the ones that name no role.
	if role != "" {
		var named []figure
		for _, f := range all {
			if f.s.Role != "" {
				named = append(named, f)
			}
		}
		if len(named) > 0 {
			all = named
		}
	}
	// The basis ("base", "total comp") the question names picks those figures.
	if b := basisAsked(a.q); b != "" {
		all = keep(all, func(f figure) bool { return f.s.Basis == b })
	}
	for i := range all {
		f := &all[i]
		f.rank = a.score[[2]int{f.gi, f.s.Section}]
		if regional && f.s.Region.Name != "" {
			f.rank += 0.5 // a figure that names the place asked about
			if isRegion(f.s.Region.Name, a.regions) {
				f.rank += 1 // the country itself, before its cities
			}
		}
		if role != "" && f.s.Role == role {
			f.rank += 1
		}
		if a.years != "" && strings.Contains(strings.ReplaceAll(f.s.Snippet, " ", ""), a.years) {
			f.rank += 1 // "with 10+ years": the row for 10+ years
		}
		if a.level == "" && f.s.Level == "" {
			f.rank += 0.5 // overall figures answer a question that names no level
		}
		if e.headingNamed(a.q, f.gi, f.s.Section) {
			f.rank += 1 // "ML Engineer I": the figures under that heading
		}
		if premium && f.s.Premium {
			f.rank += e.topicSaid(a, f.s.Snippet) // "LLM integration / evaluation — +25–50%": the premium for what was asked
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].rank != all[j].rank {
			return all[i].rank > all[j].rank
		}
		return levelOrder(all[i].s.Level) < levelOrder(all[j].s.Level)
	})

	limit := maxFigures
	if regional && a.level == "" {
		limit = maxRegionFigures
		// A region's ladder reads best from junior up, overall first.
		sort.SliceStable(all, func(i, j int) bool {
			if all[i].gi != all[j].gi {
				return false
			}
			return levelOrder(all[i].s.Level) < levelOrder(all[j].s.Level)
		})
	}
	type slot struct {
		gi               int
		level            facts.Level
		region           string
		qualifier, basis string
	}
	used := map[slot]bool{}
	var shown []figure
	for _, f := range all {
		k := slot{f.gi, f.s.Level, f.s.Region.Name, f.s.Qualifier, f.s.Basis}
		if used[k] || len(shown) == limit {
			continue
		}
		used[k] = true
		shown = append(shown, f)
	}
	e.sayFigures(shown, a, r)
	if differ(shown) {
		r.say("The guides differ on these figures.")
	}
	r.fit = figureFit(a, shown)
	return r
}

// headingNamed reports whether the question names, word for word, a
// heading of two words or more above section si of guide gi: a title the
// guide gives its figures under ("ML Engineer I", "Staff Scientist").
func (e *Engine) headingNamed(q string, gi, si int) bool {
	if si < 0 || si >= len(e.guides[gi].Sections) {
		return false
	}
	for _, h := range e.guides[gi].Sections[si].Path {
		if strings.Count(strings.TrimSpace(h), " ") >= 1 && mentions(q, h) {
			return true
		}
	}
	return false
}

// figureFit is the share of the role, level and place a question asks
// about that the first figure an answer states is for.
func figureFit(a *analysis, shown []figure) float64 {
	if len(shown) == 0 {
		return 0
	}
	s := shown[0].s
	asked, got := 0, 0
	if a.role != "" {
		asked++
		if facts.RoleMatches(a.role, s.Role) {
			got++
		}
	}
	if a.level != "" {
		asked++
		if s.Level == a.level {
			got++
		}
	}
	if len(a.regions) > 0 {
		asked++
		if slices.ContainsFunc(a.regions, func(r facts.Region) bool { return r.Covers(s.Region) || s.Region.Covers(r) }) {
			got++
		}
	}
	if asked == 0 {
		return 1
	}
	return float64(got) / float64(asked)
}

var (
	askTotal = regexp.MustCompile(`(?i)\b(?:total comp\w*|tc|ctc|total pay|package|with (?:equity|bonus|stock))\b`)
	askBase  = regexp.MustCompile(`(?i)\bbase\b`)
)

// basisAsked returns the basis a question asks about: "base", "total" or "".
func basisAsked(q string) string {
	switch {
	case askTotal.MatchString(q):
		return "total"
	case askBase.MatchString(q):
		return "base"
	}
	return ""
}

// qualifierAsked reports whether the question names what a figure's
// qualifier says ("at FAANG" for a "FAANG" column).
func (e *Engine) qualifierAsked(a *analysis, q string) bool {
	if q == "" {
		return false
	}
	// Most of its words: "FAANG companies" does not ask about "Product
	// companies".
	ts := e.qualTerms[q]
	named := map[string]bool{}
	for _, c := range a.concepts {
		if alt, ok := covering(ts, c.concept); ok {
			for _, t := range alt {
				named[t] = true
			}
		}
	}
	return 2*len(named) > len(ts)
}

// multiplierFor states what a guide says a city pays against its country
// ("San Francisco pays 1.4–1.6× the national figures [2]"), or "".
func (e *Engine) multiplierFor(place facts.Region, r *reply) string {
	for gi, fx := range e.facts {
		for _, m := range fx.Multipliers {
			if m.Region.Name != place.Name {
				continue
			}
			x := trimFloat(m.Min) + "×"
			if m.Max != m.Min {
				x = trimFloat(m.Min) + "–" + trimFloat(m.Max) + "×"
			}
			return fmt.Sprintf("they put pay in %s at %s %s", place.Name, x, r.cite(gi, m.Section, m.Line, m.Snippet))
		}
	}
	return ""
}

// figuresFor returns the figures whose role fits role (all for ""),
// premiums only when premium.
func (e *Engine) figuresFor(role string, premium bool, kind string) []figure {
	// RoleMatches by fact role: a few roles name thousands of figures.
	var refs []salaryRef
	matched := 0
	for r, rs := range e.payByRole {
		if facts.RoleMatches(role, r) {
			refs = append(refs, rs...)
			matched++
		}
	}
	if matched > 1 {
		slices.SortFunc(refs, func(a, b salaryRef) int { return cmp.Or(cmp.Compare(a.gi, b.gi), cmp.Compare(a.i, b.i)) })
	}
	var all []figure
	for _, ref := range refs {
		s := &e.facts[ref.gi].Salaries[ref.i]
		if s.Premium && !premium || s.Kind != kind {
			continue // a sign-on bonus is no salary, nor a salary a bonus
		}
		all = append(all, figure{gi: int(ref.gi), s: s})
	}
	return all
}

// differ reports whether two guides give different figures for the same
// level, region, currency and period.
func differ(fs []figure) bool {
	for i, f := range fs {
		for _, g := range fs[i+1:] {
			a, b := f.s, g.s
			if f.gi != g.gi && a.Level == b.Level && a.Region == b.Region && a.Currency == b.Currency &&
				a.Premium == b.Premium && (a.Min != b.Min || a.Max != b.Max) {
				return true
			}
		}
	}
	return false
}

func levelOrder(l facts.Level) int {
	switch l {
	case "":
		return 0
	case facts.Junior:
		return 1
	case facts.Mid:
		return 2
	case facts.Senior:
		return 3
	}
	return 4
}

func inRegion(a *analysis) string {
	if len(a.regions) == 0 {
		return ""
	}
	return " in " + the(a.regions[0].Name)
}

// unplacedIn returns the figures that name no place, in the own currency
// of a country asked about.
func unplacedIn(fs []figure, regions []facts.Region) []figure {
	var out []figure
	for _, q := range regions {
		cur := facts.CurrencyOf(q.Country)
		if cur == "" || q.Name != q.Country {
			continue
		}
		for _, f := range fs {
			if f.s.Region.Name == "" && f.s.Currency == cur {
				out = append(out, f)
			}
		}
	}
	return out
}

// isRegion reports whether name is one of the regions asked about.
func isRegion(name string, regions []facts.Region) bool {
	for _, r := range regions {
		if r.Name == name {
			return true
		}
	}
	return false
}

func hasNamedRole(fs []figure) bool {
	for _, f := range fs {
		if f.s.Role != "" {
			return true
		}
	}
	return false
}

// figuresFit reports whether salary figures answer the question: the
// question's other words ("remotely", "international companies") must be
// about the sections the figures come from, else a passage answers better.
// Pay words, levels, places and the role are what figures are about anyway.
func (e *Engine) figuresFit(a *analysis, fs []figure) bool {
	var other []weighted
	total := 0.0
	for _, c := range a.concepts {
		if c.shape || facts.FindLevel(c.Text) != "" || len(facts.FindRegions(c.Text)) > 0 || coversWords(a.roleTerms, c.Concept) {
			continue
		}
		other = append(other, c)
		total += c.weight
	}
	if total == 0 {
		return true
	}
	best := 0.0
	seen := map[[2]int]bool{}
	for _, f := range fs {
		k := [2]int{f.gi, f.s.Section}
		if seen[k] {
			continue
		}
		seen[k] = true
		all := e.sections[f.gi][f.s.Section].all
		got := 0.0
		for _, c := range other {
			if covers(all, c.concept) {
				got += c.weight
			}
		}
		best = max(best, got/total)
	}
	return best >= minCoverage
}

func hasLevel(fs []figure, l facts.Level) bool {
	for _, f := range fs {
		if f.s.Level == l {
			return true
		}
	}
	return false
}

// inRegions keeps the figures for any of regions.
func inRegions(fs []figure, regions []facts.Region) []figure {
	var in []figure
	for _, f := range fs {
		for _, q := range regions {
			if q.Covers(f.s.Region) {
				in = append(in, f)
				break
			}
		}
	}
	return in
}

// the puts "the" before place names that take it in English ("the United
// States", "the Netherlands").
func the(name string) string {
	for _, w := range []string{"United ", "Republic", "Kingdom", "Emirates", "Netherlands", "Philippines", "Bay Area"} {
		if strings.Contains(name, w) {
			return "the " + name
		}
	}
	return name
}

// sayFigures states the figures compactly: one sentence per region (in
// the order the figures rank), naming each level's figure once.
func (e *Engine) sayFigures(fs []figure, a *analysis, r *reply) {
	var order []string
	groups := map[string][]figure{}
	for _, f := range fs {
		k := f.s.Region.Name
		if k == "" && len(a.regions) > 0 && f.s.Currency != "" && f.s.Currency == facts.CurrencyOf(a.regions[0].Country) {
			k = a.regions[0].Name // in the currency of the place asked about: counted as its figures
		}
		if f.s.Premium {
			k = "\x00premium" // premiums read as sentences of their own
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	for _, k := range order {
		g := groups[k]
		if len(g) == 1 || g[0].s.Premium {
			for _, f := range g {
				r.say(e.describe(f, a, r))
			}
			continue
		}
		sort.SliceStable(g, func(i, j int) bool { return levelOrder(g[i].s.Level) < levelOrder(g[j].s.Level) })
		role := g[0].s.RoleName
		for _, f := range g {
			if f.s.RoleName != role {
				role = ""
			}
		}
		lead := "Salaries"
		if role != "" {
			lead = capitalize(plural(role))
		}
		if k != "" {
			lead += " in " + the(k)
		}
		var parts []string
		prev := ""
		for _, f := range g {
			label, fig := figureLabel(f.s), formatRange(f.s)+" "+r.cite(f.gi, f.s.Section, f.s.Line, f.s.Snippet)
			if label == prev {
				parts[len(parts)-1] += " or " + fig // two guides on one level
				continue
			}
			prev = label
			parts = append(parts, label+" "+fig)
		}
		r.say(lead + ": " + strings.Join(parts, "; ") + ".")
	}
}

// figureLabel names what one figure of a group is for: "senior", "junior
// at FAANG", "overall (total compensation)".
func figureLabel(s *facts.Salary) string {
	l := strings.ToLower(s.Level.Label())
	if s.Title != "" {
		l = s.Title
	}
	if l == "" {
		l = "overall"
	}
	if s.Qualifier != "" {
		l += " at " + s.Qualifier
	}
	switch s.Basis {
	case "base":
		l += " (base)"
	case "total":
		l += " (total compensation)"
	}
	return l
}

// describe states one figure as a sentence: "Senior machine learning
// engineers in Romania earn €4,500–€8,000 a month [1]."
func (e *Engine) describe(f figure, a *analysis, r *reply) string {
	s := f.s
	role := s.RoleName
	var subject string
	level := s.Level.Label()
	if s.Title != "" {
		level = capitalize(s.Title)
	}
	switch {
	case s.Level != "" && role != "":
		subject = level + " " + plural(role)
	case s.Level != "":
		subject = level + " roles"
	case role != "":
		subject = capitalize(plural(role))
	}
	where := ""
	if s.Region.Name != "" {
		where = " in " + the(s.Region.Name)
	}
	if s.Qualifier != "" {
		where += " at " + s.Qualifier
	}
	marker := r.cite(f.gi, s.Section, s.Line, s.Snippet)
	amount := formatRange(s)
	basis := ""
	switch s.Basis {
	case "base":
		basis = " (base salary)"
	case "total":
		basis = " (total compensation)"
	}
	if s.Premium {
		if subject == "" {
			subject = "Specialists"
		}
		return fmt.Sprintf("%s%s earn %s more %s.", subject, where, amount, marker)
	}
	if subject == "" {
		return fmt.Sprintf("Salaries%s run %s%s %s.", where, amount, basis, marker)
	}
	return fmt.Sprintf("%s%s earn %s%s %s.", subject, where, amount, basis, marker)
}

// formatRange renders a figure: "€4,500–€8,000 a month", "$250,000+ a year",
// "up to $90,000", "15–25%".
func formatRange(s *facts.Salary) string {
	if s.Premium {
		if s.Min == s.Max {
			return trimFloat(s.Min) + "%"
		}
		return trimFloat(s.Min) + "–" + trimFloat(s.Max) + "%"
	}
	if lpaWritten.MatchString(s.Figure) && s.Currency == "INR" && s.Min >= 1e5 {
		// "₹18–30 LPA", as the guide writes it.
		out := "₹" + trimFloat(s.Min/1e5)
		if s.Max > s.Min {
			out += "–" + trimFloat(s.Max/1e5)
		}
		return out + " LPA"
	}
	if lakhWritten.MatchString(s.Figure) && s.Currency == "INR" && s.Min >= 1e5 {
		// "₹8.2L–₹43L", in lakhs as the guide counts them.
		out := "₹" + trimFloat(s.Min/1e5) + "L"
		if s.Max > s.Min {
			out += "–₹" + trimFloat(s.Max/1e5) + "L"
		}
		if s.Period != "" {
			out += " a " + s.Period
		}
		return out
	}
	var out string
	_, sym := symbols[s.Currency]
	inK := kWritten.MatchString(s.Figure)
	m := func(v float64) string { return moneyIn(s.Currency, v, inK) }
	switch {
	case s.Min > 0 && s.Max > 0 && s.Min != s.Max && !sym && s.Currency != "":
		out = s.Currency + " " + groupThousands(s.Min) + "–" + groupThousands(s.Max) // "NOK 550,000–650,000"
	case s.Min > 0 && s.Max > 0 && s.Min != s.Max:
		out = m(s.Min) + "–" + m(s.Max)
	case s.Min > 0 && s.Max == s.Min:
		out = m(s.Min)
	case s.Min > 0:
		out = m(s.Min) + "+"
	default:
		out = "up to " + m(s.Max)
	}
	if s.Plus && s.Max > 0 && s.Min != s.Max {
		out += "+"
	}
	if s.Period != "" {
		art := "a "
		if s.Period == "hour" {
			art = "an "
		}
		out += " " + art + s.Period
	}
	return out
}

// symbols is how an answer writes each currency: its first symbol in the
// lexicon, else its code.
var symbols = func() map[string]string {
	m := map[string]string{}
	for _, c := range lexicon.Get().Currencies {
		if len(c.Symbols) > 0 {
			m[c.Code] = c.Symbols[0]
		}
	}
	return m
}()

// kWritten marks a figure the guide writes in thousands ("$80K-$110K"):
// the answer writes it the same way, so it reads as the guide does.
var kWritten = regexp.MustCompile(`\d\s?[kK]\b`)

// lakhWritten marks a figure the guide writes in lakhs ("₹8.2 Lakhs", "₹43L").
var lakhWritten = regexp.MustCompile(`\d\s?(?:(?i:lakhs?)|L)\b`)

// lpaWritten marks a figure the guide writes in lakhs per annum.
var lpaWritten = regexp.MustCompile(`(?i)\bLPA\b`)

// money writes v with thousands separators and the currency's symbol, or
// its code when it has no common symbol.
func money(cur string, v float64) string {
	return moneyIn(cur, v, false)
}

// moneyIn writes v as money, in thousands ("$80K") when inK and v is a
// whole number of them.
func moneyIn(cur string, v float64, inK bool) string {
	n := groupThousands(v)
	if inK && v >= 1000 && math.Mod(v, 1000) == 0 {
		n = groupThousands(v/1000) + "K"
	}
	if sym, ok := symbols[cur]; ok {
		return sym + n
	}
	if cur == "" {
		return n
	}
	return n + " " + cur
}

func groupThousands(v float64) string {
	whole := math.Trunc(v)
	s := strconv.FormatFloat(whole, 'f', 0, 64)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac := v - whole; frac > 0.0001 {
		b.WriteString(strings.TrimPrefix(strconv.FormatFloat(frac, 'f', 2, 64), "0"))
	}
	return b.String()
}

func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func plural(role string) string {
	if strings.HasSuffix(role, "s") {
		return role
	}
	return role + "s"
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// topicSaid is the share of a question's topic — what it asks beyond its
// subject, its shape and the kind of answer — that text says.
func (e *Engine) topicSaid(a *analysis, text string) float64 {
	ts := e.termSet(text)
	got, of := 0.0, 0.0
	for _, c := range a.concepts {
		if c.subject || c.shape || c.kind || c.soft {
			continue
		}
		of += c.weight
		if covers(ts, c.concept) {
			got += c.weight
		}
	}
	if of == 0 {
		return 0
	}
	return got / of
}
