package answer

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/careerbot/careerbot/internal/facts"
)

var (
	// comparison marks a pay question that weighs two things or looks for
	// the most or least of them.
	comparison = regexp.MustCompile(`(?i)\b(?:more|less|better|worse|higher|lower)\b.*\bthan\b|\b(?:who|which|what|where)\b.*\b(?:most|best|highest|least|lowest|worst|more|less|better)\b|\b(?:or|vs\.?|versus|twice|double|triple|thrice)\b|\bcompared? (?:to|with)\b|\bhow much more\b`)
	// superlative asks which of something pays the most or least.
	superlative = regexp.MustCompile(`(?i)\b(?:which|what|where)\b.*\b(?:most|best|highest|least|lowest|worst|top)\b`)
	// least marks a search for the lowest pay.
	least = regexp.MustCompile(`(?i)\b(?:least|lowest|worst|less)\b`)
	// cityWords and countryWords say which kind of place a superlative
	// ranges over.
	cityWords    = regexp.MustCompile(`(?i)\b(?:city|cities|town|hub|hubs)\b`)
	countryWords = regexp.MustCompile(`(?i)\b(?:country|countries|nation|nations)\b`)
	placeWords   = regexp.MustCompile(`(?i)\b(?:where|place|places|location|locations|region|regions)\b|` + cityWords.String() + `|` + countryWords.String())
)

// usdRate is roughly what one unit of each currency was worth in US
// dollars in 2025: enough to rank figures in different currencies, which
// the answer then says it did. Ranks only; no figure is ever converted
// in an answer.
var usdRate = map[string]float64{"USD": 1, "EUR": 1.08, "GBP": 1.27, "CHF": 1.13, "CAD": 0.73, "AUD": 0.66, "NZD": 0.6,
	"JPY": 0.0067, "CNY": 0.14, "INR": 0.012, "RON": 0.22, "PLN": 0.25, "SEK": 0.095, "NOK": 0.094, "DKK": 0.145,
	"BRL": 0.18, "MXN": 0.055, "ZAR": 0.055, "SGD": 0.74, "HKD": 0.128, "KRW": 0.00072, "TRY": 0.03, "ILS": 0.27,
	"NGN": 0.00065, "CZK": 0.043, "HUF": 0.0027, "UAH": 0.024, "AED": 0.27}

// yearly is how many of each period make a year of work.
var yearly = map[string]float64{"": 1, "year": 1, "month": 12, "week": 52, "day": 230, "hour": 1900}

// value is a figure's middle as a yearly amount in US dollars, for
// ranking; ok is false when its currency has no known rate.
func value(s *facts.Salary) (float64, bool) {
	rate, ok := usdRate[s.Currency]
	if !ok && s.Currency != "" {
		return 0, false
	}
	if s.Currency == "" {
		rate = 1
	}
	mid := (s.Min + s.Max) / 2
	switch {
	case s.Max == 0:
		mid = s.Min
	case s.Min == 0:
		mid = s.Max
	}
	return mid * yearly[s.Period] * rate, mid > 0
}

// compare answers a pay question that weighs two levels, two roles or two
// places, or asks which place pays the most or least, from the figures
// that decide it. It returns nil when the figures do not answer it, so a
// passage (a premium, a multiplier) can.
func (e *Engine) compare(a *analysis) *reply {
	if !comparison.MatchString(a.q) {
		return nil
	}
	levels := facts.FindLevels(a.q)
	roles := a.allRoles()
	var pool []figure
	for gi := range e.facts {
		for i := range e.facts[gi].Salaries {
			s := &e.facts[gi].Salaries[i]
			if !s.Premium && s.Kind == "" && (len(roles) != 1 || facts.RoleMatches(roles[0], s.Role)) {
				pool = append(pool, figure{gi: gi, s: s})
			}
		}
	}
	if len(a.regions) == 1 && (len(levels) >= 2 || len(roles) >= 2) {
		pool = inPlaces(pool, a.regions)
	}
	// The table columns the question names ("product companies",
	// "startups"), when it names two.
	var quals []string
	for _, f := range pool {
		if q := f.s.Qualifier; q != "" && !slices.Contains(quals, q) && e.qualifierAsked(a, q) {
			quals = append(quals, q)
		}
	}
	if len(a.regions) == 1 && len(quals) >= 2 {
		pool = inPlaces(pool, a.regions)
	}
	switch {
	case len(levels) >= 2:
		return e.compareLevels(a, pool, levels[0], levels[1])
	case len(quals) >= 2:
		return e.compareBy(a, pool, func(f figure) (string, bool) {
			return f.s.Qualifier, slices.Contains(quals, f.s.Qualifier)
		}, 2, byColumn)
	case len(roles) >= 2:
		return e.compareBy(a, pool, func(f figure) (string, bool) {
			for _, r := range roles[:2] {
				if f.s.Role != "" && facts.RoleMatches(r, f.s.Role) {
					return f.s.RoleName, true
				}
			}
			return "", false
		}, 2, byRole)
	case len(a.regions) >= 2:
		return e.compareBy(a, pool, func(f figure) (string, bool) {
			for _, q := range a.regions[:2] {
				if q.Covers(f.s.Region) {
					return q.Name, true
				}
			}
			return "", false
		}, 2, byPlace)
	case placeWords.MatchString(a.q):
		within := ""
		if len(a.regions) == 1 {
			within = a.regions[0].Country // "which Indian city"
		}
		return e.compareBy(a, pool, func(f figure) (string, bool) {
			r := f.s.Region
			switch {
			case r.Name == "":
				return "", false
			case within != "" && (r.Country != within || r.Name == r.Country):
				return "", false
			case cityWords.MatchString(a.q) && r.Name == r.Country:
				return "", false
			case countryWords.MatchString(a.q) && r.Name != r.Country:
				return "", false
			}
			return r.Name, true
		}, 0, byPlace)
	}
	return nil
}

// sides says what a comparison sets side by side, for its wording.
type sides int

const (
	byPlace  sides = iota // "in Romania"
	byRole                // "data scientists"
	byColumn              // "at product companies", a table's column
)

// side is one side of a comparison: the figure that stands for it.
type side struct {
	name string
	f    figure
	v    float64
}

// compareBy ranks the figures grouped by key (a place, a role), at the
// level the question names or else the one most groups share, and states
// them from the highest (or, for "least", the lowest). want is how many
// groups the question names, 0 for "any".
func (e *Engine) compareBy(a *analysis, pool []figure, key func(figure) (string, bool), want int, by sides) *reply {
	roles := by == byRole
	groups := map[string][]figure{}
	for _, f := range pool {
		if k, ok := key(f); ok && !f.s.Premium {
			groups[k] = append(groups[k], f)
		}
	}
	if len(groups) < 2 || want > 0 && len(groups) < want {
		return nil
	}
	if want == 2 && a.level == "" {
		if r := e.levelByLevel(groups, by); r != nil {
			return r
		}
	}
	level := a.level
	if level == "" {
		level = sharedLevel(groups)
	}
	pick := func(exact bool) []side {
		var sides []side
		for name, fs := range groups {
			var best *figure
			for i := range fs {
				f := &fs[i]
				if exact && f.s.Level != level {
					continue
				}
				// At the level asked about, else overall, else the first.
				if best == nil || best.s.Level != level && f.s.Level == level || best.s.Level != "" && best.s.Level != level && f.s.Level == "" ||
					best.s.Level == f.s.Level && best.s.Basis != "" && f.s.Basis == "" {
					best = f
				}
			}
			if best == nil {
				continue
			}
			if v, ok := value(best.s); ok {
				sides = append(sides, side{name, *best, v})
			}
		}
		return sides
	}
	sides := pick(true)
	if len(sides) < 2 {
		sides, level = pick(false), "" // no level every side has: each side's own figure, its level said
	}
	if len(sides) < 2 {
		return nil
	}
	low := least.MatchString(a.q) && !strings.Contains(strings.ToLower(a.q), "more")
	sort.Slice(sides, func(i, j int) bool {
		if low {
			return sides[i].v < sides[j].v
		}
		return sides[i].v > sides[j].v
	})
	sides = sides[:min(len(sides), maxFigures)]
	r := &reply{e: e, fit: 1}
	var parts []string
	currencies := map[string]bool{}
	for _, s := range sides {
		currencies[s.f.s.Currency] = true
		name := s.name
		if roles {
			name = plural(name)
		}
		if level == "" && s.f.s.Level != "" {
			name += " (" + strings.ToLower(s.f.s.Level.Label()) + ")"
		}
		parts = append(parts, name+" "+formatRange(s.f.s)+" "+r.cite(s.f.gi, s.f.s.Section, s.f.s.Line, s.f.s.Snippet))
	}
	what, first := "pays the most", the(sides[0].name)
	if low {
		what = "pays the least"
	}
	if roles {
		what, first = strings.Replace(what, "pays", "earn", 1), capitalize(plural(sides[0].name))
	}
	at := ""
	if level != "" {
		at = " at " + strings.ToLower(level.Label()) + " level"
	}
	head := fmt.Sprintf("%s %s%s: %s", capitalize(first), what, at, strings.Join(parts, ", then "))
	if len(currencies) > 1 {
		head += " (ranked at approximate exchange rates)"
	}
	r.say(head + ".")
	return r
}

// levelByLevel sets two sides side by side at every level both give a
// figure for, from junior up: "Junior: ML engineers ₹8–14 LPA against
// data scientists ₹7–12 LPA; …". It returns nil unless two levels are
// shared.
func (e *Engine) levelByLevel(groups map[string][]figure, by sides) *reply {
	if len(groups) != 2 {
		return nil
	}
	var names []string
	for n := range groups {
		names = append(names, n)
	}
	slices.Sort(names)
	at := func(name string, l facts.Level) *figure {
		for i, f := range groups[name] {
			if f.s.Level == l && f.s.Level != "" {
				return &groups[name][i]
			}
		}
		return nil
	}
	r := &reply{e: e, fit: 1}
	// "data scientists ₹7–12 LPA", "₹8–15 LPA at product companies".
	say := func(n string, f *figure) string {
		fig := formatRange(f.s) + " " + r.cite(f.gi, f.s.Section, f.s.Line, f.s.Snippet)
		switch by {
		case byRole:
			return plural(n) + " " + fig
		case byColumn:
			return strings.Replace(fig, " [", " at "+n+" [", 1)
		}
		return strings.Replace(fig, " [", " in "+the(n)+" [", 1)
	}
	var parts []string
	for _, l := range []facts.Level{facts.Junior, facts.Mid, facts.Senior, facts.Lead} {
		x, y := at(names[0], l), at(names[1], l)
		if x == nil || y == nil {
			continue
		}
		parts = append(parts, l.Label()+": "+say(names[0], x)+" against "+say(names[1], y))
	}
	if len(parts) < 2 {
		return nil
	}
	r.say(strings.Join(parts, "; ") + ".")
	return r
}

// sharedLevel returns the level most groups have a figure for, preferring
// the overall figure, then mid-level, then senior.
func sharedLevel(groups map[string][]figure) facts.Level {
	count := map[facts.Level]int{}
	for _, fs := range groups {
		seen := map[facts.Level]bool{}
		for _, f := range fs {
			if !seen[f.s.Level] {
				seen[f.s.Level] = true
				count[f.s.Level]++
			}
		}
	}
	best, n := facts.Level(""), -1
	for _, l := range []facts.Level{"", facts.Mid, facts.Senior, facts.Junior, facts.Lead} {
		if count[l] > n {
			best, n = l, count[l]
		}
	}
	return best
}

// compareLevels answers "do seniors make twice what juniors make?": the
// two levels' figures from one guide, place and currency, and their ratio.
func (e *Engine) compareLevels(a *analysis, pool []figure, hi, lo facts.Level) *reply {
	type key struct {
		gi                           int
		region, cur, basis, qualifer string
	}
	byKey := map[key]map[facts.Level]figure{}
	var order []key
	for _, f := range pool {
		if f.s.Premium || f.s.Level != hi && f.s.Level != lo {
			continue
		}
		k := key{f.gi, f.s.Region.Name, f.s.Currency, f.s.Basis, f.s.Qualifier}
		if byKey[k] == nil {
			byKey[k] = map[facts.Level]figure{}
			order = append(order, k)
		}
		if _, ok := byKey[k][f.s.Level]; !ok {
			byKey[k][f.s.Level] = f
		}
	}
	for _, k := range order {
		fh, ok1 := byKey[k][hi]
		fl, ok2 := byKey[k][lo]
		if !ok1 || !ok2 {
			continue
		}
		vh, _ := value(fh.s)
		vl, _ := value(fl.s)
		if vh <= 0 || vl <= 0 {
			continue
		}
		r := &reply{e: e, fit: 1}
		where := ""
		if k.region != "" {
			where = "In " + the(k.region) + ", "
		}
		ratio := vh / vl
		role := "roles"
		if fh.s.RoleName != "" {
			role = plural(fh.s.RoleName)
		}
		s := fmt.Sprintf("%s%s %s earn %s %s against %s %s for %s ones: about %s× as much",
			where, strings.ToLower(fh.s.Level.Label()), role, formatRange(fh.s), r.cite(fh.gi, fh.s.Section, fh.s.Line, fh.s.Snippet),
			formatRange(fl.s), r.cite(fl.gi, fl.s.Section, fl.s.Line, fl.s.Snippet), strings.ToLower(fl.s.Level.Label()), trimFloat(math.Round(ratio*10)/10))
		if twice.MatchString(a.q) {
			switch {
			case ratio >= 1.9:
				s += ", so yes, about twice or more"
			default:
				s += ", so less than twice"
			}
		}
		r.say(capitalize(s) + ".")
		return r
	}
	return nil
}

var twice = regexp.MustCompile(`(?i)\b(?:twice|double)\b`)

// inPlaces keeps the figures for the places the question names, if any.
func inPlaces(fs []figure, regions []facts.Region) []figure {
	if len(regions) == 0 {
		return fs
	}
	return slices.DeleteFunc(slices.Clone(fs), func(f figure) bool {
		for _, q := range regions {
			if q.Covers(f.s.Region) {
				return false
			}
		}
		return true
	})
}
