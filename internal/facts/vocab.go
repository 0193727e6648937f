package facts

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/careerbot/careerbot/internal/lexicon"
)

// Level is a seniority level, normalised.
type Level string

// The levels, from least to most senior.
const (
	Junior Level = "junior"
	Mid    Level = "mid"
	Senior Level = "senior"
	Lead   Level = "lead"
)

// Label returns the level as a reader would write it ("Mid-level").
func (l Level) Label() string {
	switch l {
	case Junior:
		return "Junior"
	case Mid:
		return "Mid-level"
	case Senior:
		return "Senior"
	case Lead:
		return "Lead/Principal"
	}
	return ""
}

var levelWords = []struct {
	level Level
	re    *regexp.Regexp
}{
	{Junior, lexicon.Get().Match("level-junior")},
	{Mid, lexicon.Get().Match("level-mid")},
	{Senior, lexicon.Get().Match("level-senior")},
	{Lead, lexicon.Get().Match("level-lead")},
}

// levelAt finds level words in s and returns the one whose match starts
// last (last=true) or first, with its position; ok is false if none.
func levelIn(s string, last bool) (Level, bool) {
	if notLevel.MatchString(s) {
		s = notLevel.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
	}
	best, bestPos := Level(""), -1
	for _, lw := range levelWords {
		locs := lw.re.FindAllStringIndex(s, -1)
		if len(locs) == 0 {
			continue
		}
		pos := locs[0][0]
		if last {
			pos = locs[len(locs)-1][0]
		}
		if bestPos < 0 || (last && pos > bestPos) || (!last && pos < bestPos) {
			best, bestPos = lw.level, pos
		}
	}
	return best, bestPos >= 0
}

// leadTitles are the words that name a level above senior; a question
// naming one wants its figures, not those of the others.
var leadTitles = regexp.MustCompile(`(?i)\b(staff|principal|distinguished|director|head|vp|chief|lead)\b`)

// FindLeadTitle returns the first word above senior that s names, lower
// case ("principal"), or "".
func FindLeadTitle(s string) string {
	return strings.ToLower(leadTitles.FindString(s))
}

// LevelOf reads a level from level words or, failing those, from years
// of experience; see levelOf.
func LevelOf(s string) Level { return levelOf(s) }

// FindLevels returns the distinct levels s names, in the order it names
// them ("senior … twice what juniors make": senior, junior).
func FindLevels(s string) []Level {
	type at struct {
		l   Level
		pos int
	}
	var found []at
	for _, lw := range levelWords {
		if loc := lw.re.FindStringIndex(notLevel.ReplaceAllString(s, "")); loc != nil {
			found = append(found, at{lw.level, loc[0]})
		}
	}
	slices.SortFunc(found, func(a, b at) int { return a.pos - b.pos })
	out := make([]Level, len(found))
	for i, f := range found {
		out[i] = f.l
	}
	return out
}

// FindRoles returns the distinct roles s names, normalised as FindRole
// does, in order ("research scientist or a data scientist").
func FindRoles(s string) []string {
	var out []string
	for _, loc := range roleHead.FindAllStringIndex(s, -1) {
		start := 0
		if len(out) > 0 {
			start = strings.LastIndexAny(s[:loc[0]], ",;?!") + 1
			if i := lastWordIndex(s[:loc[0]], "or", "and", "than", "vs", "versus"); i > start {
				start = i
			}
		}
		if r := FindRole(s[start:loc[1]]); r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// lastWordIndex returns the index just after the last of words in s as a
// whole word, or -1.
func lastWordIndex(s string, words ...string) int {
	best := -1
	ls := strings.ToLower(s)
	for _, w := range words {
		for i := strings.LastIndex(ls, " "+w+" "); i >= 0; i = -1 {
			best = max(best, i+len(w)+2)
		}
	}
	return best
}

// FindLevel returns the first level named in s, or "".
func FindLevel(s string) Level {
	l, _ := levelIn(s, false)
	return l
}

// notLevel are phrases whose level words say something else: a
// "mid-size" company, a "head count", a "lead time".
var notLevel = regexp.MustCompile(`(?i)\b(?:mid[- ]?(?:size[d]?|market|tier|range)|head ?count|headquarters|lead time|leads? to|staff(?:ing)? agenc\w*)\b`)

var yearsOf = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?:(?:-|–|to)\s*(\d{1,2})\s*)?(\+)?\s*(?:years?|yrs?|yoe)\b`)

// YearsSpan returns the span of years of experience s states, as written
// without spaces ("10+", "3-5"), or "".
func YearsSpan(s string) string {
	m := yearsOf.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	switch {
	case m[2] != "":
		return m[1] + "-" + m[2]
	case m[3] != "":
		return m[1] + "+"
	}
	return m[1]
}

// levelOf reads a level from level words or, failing those, from years of
// experience ("3-5 yrs", "8+ years") by the middle of the span: under 2.5
// junior ("0-2"), under 5.5 mid ("2-4", "3-5", "5"), else senior ("4-7", "8+").
func levelOf(s string) Level {
	if l := FindLevel(s); l != "" {
		return l
	}
	m := yearsOf.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	lo, _ := strconv.Atoi(m[1])
	mid := float64(lo)
	switch {
	case m[2] != "":
		hi, _ := strconv.Atoi(m[2])
		mid = float64(lo+hi) / 2
	case m[3] != "":
		mid = float64(lo) + 1.5 // "8+ years"
	}
	switch {
	case mid < 2.5:
		return Junior
	case mid < 5.5:
		return Mid
	}
	return Senior
}

var (
	roleHead = regexp.MustCompile(`(?i)\b(engineer|scientist|developer|specialist|architect|analyst|researcher|consultant|manager)s?\b`)
	// roleStop ends the words taken in front of a role's head noun.
	roleStop = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "for": true,
		// Verbs a question puts before the role it asks about ("what
		// does Meta give ML engineer candidates").
		"give": true, "gives": true, "gave": true, "ask": true, "asks": true, "asked": true, "expect": true, "expects": true,
		"want": true, "wants": true, "need": true, "needs": true, "get": true, "gets": true, "got": true, "offer": true, "offers": true,
		"between": true, "than": true, "vs": true, "versus": true, "from": true, "into": true,
		"pay": true, "pays": true, "paid": true, "earn": true, "earns": true, "make": true, "makes": true, "hire": true, "hires": true,
		"as": true, "to": true, "about": true, "in": true, "at": true, "with": true, "career": true, "careers": true, "experienced": true,
		"successful": true, "skilled": true, "top": true, "typical": true, "average": true, "aspiring": true, "good": true,
		"my": true, "your": true, "our": true, "is": true, "are": true, "be": true, "become": true, "becoming": true, "many": true,
		"what": true, "which": true, "who": true, "how": true, "much": true, "by": true,
		// Auxiliaries: "what salary did data scientist roles come out at".
		"do": true, "does": true, "did": true, "can": true, "could": true, "will": true, "would": true, "should": true,
		"shall": true, "may": true, "might": true, "must": true, "was": true, "were": true, "has": true, "have": true, "had": true,
		"most": true, "some": true, "these": true, "those": true, "this": true, "that": true, "other": true, "every": true,
		"whole": true, "complete": true, "entire": true, "full": true, "overall": true, "total": true,
		"on": true, "over": true, "under": true, "without": true, "after": true, "before": true, "like": true,
		"per": true, "among": true, "via": true, "through": true, "toward": true, "towards": true}
	// abbreviations expanded in role names so "ML engineer" and "machine
	// learning engineer" compare equal.
	roleAbbrev = map[string]string{"ml": "machine learning", "ai": "artificial intelligence", "dl": "deep learning",
		"nlp": "natural language processing", "cv": "computer vision", "ds": "data science"}
)

// IsRoleWord reports whether w names a role or a level on its own
// ("engineer", "lead", "senior", "officer").
func IsRoleWord(w string) bool {
	return roleHead.MatchString(w) || FindLevel(w) != "" || roleTitle.MatchString(w)
}

// roleHeads are the head nouns of roles, as roleHead matches them.
var roleHeads = []string{"engineer", "scientist", "developer", "specialist", "architect", "analyst", "researcher", "consultant", "manager"}

// MayNameRole reports whether s holds a role's head noun anywhere: cheap,
// so that FindRole runs only where a role may be named.
func MayNameRole(s string) bool {
	l := strings.ToLower(s)
	for _, h := range roleHeads {
		if strings.Contains(l, h) {
			return true
		}
	}
	return false
}

// roleTitle are words that name a role at the top of a ladder without
// being a role's head noun in running text.
var roleTitle = regexp.MustCompile(`(?i)^(?:officer|cto|cdo|ceo|fellow|executive|intern|trainee|apprentice)s?$`)

// namesRole reports whether s names a role or a level in any of its words.
func namesRole(s string) bool {
	if FindRole(s) != "" || FindLevel(s) != "" {
		return true
	}
	for w := range strings.FieldsSeq(s) {
		if roleTitle.MatchString(strings.Trim(w, "*_()[],.:;")) {
			return true
		}
	}
	return false
}

// FindRole returns the first role named in s, normalised to lower case with
// abbreviations expanded ("Junior ML Engineers" → "machine learning
// engineer"), or "".
func FindRole(s string) string {
	mods, head := roleParts(s)
	if head == "" {
		return ""
	}
	norm := make([]string, 0, len(mods)+1)
	for _, m := range mods {
		m = strings.ToLower(m)
		if e, ok := roleAbbrev[m]; ok {
			m = e
		}
		norm = append(norm, m)
	}
	return strings.Join(append(norm, head), " ")
}

// FindRoleName returns the first role named in s as the guide writes it,
// for display: the speciality in its own case, the head noun in lower case
// ("Junior ML Engineers" → "ML engineer"), or "".
func FindRoleName(s string) string {
	mods, head := roleParts(s)
	if head == "" {
		return ""
	}
	for i, m := range mods {
		if strings.ToUpper(m) != m && !strings.ContainsFunc(m[1:], unicode.IsUpper) {
			mods[i] = strings.ToLower(m) // "Machine" → "machine"; "MLOps", "NLP" stay
		}
	}
	return strings.Join(append(mods, head), " ")
}

// roleParts finds a role's head noun (lower case, singular) and up to two
// words before it that say its speciality, as written.
func roleParts(s string) (mods []string, head string) {
	loc := roleHead.FindStringSubmatchIndex(s)
	if loc == nil {
		return nil, ""
	}
	head = strings.ToLower(s[loc[2]:loc[3]])
	words := strings.Fields(s[:loc[0]])
	for i := len(words) - 1; i >= 0 && len(mods) < 2; i-- {
		if strings.ContainsAny(words[i][len(words[i])-1:], ",;:.!?") {
			break // punctuation closes the clause before the role
		}
		w := strings.Trim(words[i], "()[],:;|*_\"'")
		lw := strings.ToLower(w)
		if w == "" || roleStop[lw] || strings.ContainsAny(w, "|/&") || FindLevel(w) != "" || strings.ContainsAny(w, "0123456789.,;:!?$€£") || len(w) > 20 {
			break
		}
		mods = append(mods, w)
	}
	slices.Reverse(mods)
	return mods, head
}

// RoleMatches reports whether a fact's role fits the role a question asks
// about: same head noun and, when both name a speciality, a shared word.
// A fact without a role fits any question, and a question without a role
// fits any fact.
func RoleMatches(question, fact string) bool {
	if question == "" || fact == "" || question == fact {
		return true
	}
	qMods, qHead := splitRole(question)
	fMods, fHead := splitRole(fact)
	if qHead != fHead {
		return false
	}
	if qMods == "" || fMods == "" {
		return true
	}
	// It runs for every figure on every salary question: no allocations.
	for w := range strings.FieldsSeq(qMods) {
		for v := range strings.FieldsSeq(fMods) {
			if w == v {
				return true
			}
		}
	}
	return false
}

// splitRole cuts "machine learning engineer" into its modifiers and head noun.
func splitRole(r string) (mods, head string) {
	i := strings.LastIndexByte(r, ' ')
	if i < 0 {
		return "", r
	}
	return r[:i], r[i+1:]
}

// AllLevels reports whether every one of texts names a level ("Junior",
// "Mid-level (3-5 years)"): a table's first column of levels lists no
// things.
func AllLevels(texts []string) bool {
	for _, t := range texts {
		if LevelOf(t) == "" {
			return false
		}
	}
	return len(texts) > 0
}
