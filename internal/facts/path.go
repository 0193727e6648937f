package facts

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/lexicon"
)

// Path is a learning path: stages a guide lays out in order.
type Path struct {
	Name   string // the heading the stages sit under, or the guide's title
	Stages []Stage
	// Ladder marks stages that are roles ("Junior Data Analyst (0-2
	// years)"): a career, not something to learn in order.
	Ladder bool
}

// Stage is one step of a learning path.
type Stage struct {
	Label    string   // "Level 2", "Month 3-4"
	Name     string   // "Machine Learning Core"
	Duration string   // "6-12 months", "" when not given
	Topics   []string // the items it lists, as written
	Text     string   // all its text, for matching
	Ref
}

// Title returns "Level 2: Machine Learning Core".
func (s Stage) Title() string {
	switch {
	case s.Name == "":
		return s.Label
	case s.Label == "":
		return s.Name // a numbered heading: its number is its order
	}
	return s.Label + ": " + s.Name
}

var (
	stageHead = regexp.MustCompile(`(?i)^(level|stage|step|phase|month|week|part|milestone|tier|year)s?\s*#?(\d+(?:\s*[-–]\s*\d+)?)\b[\s:.)\-–—]*(.*)$`)
	duration  = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?\s*(?:[-–]|to)\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\+?|` + countWord + `(?:\s*(?:[-–]|to|or)\s*` + countWord + `)?)\s*\+?(?:\s+` + spanWord + `)?(?:\s*|-)(` + unitPattern() + `)\b`)
)

// durationUnits are the words every duration ends on, singular; "min"
// stands for itself ("45 mins") and, in namesUnit, for "minute" too.
var durationUnits = [...]string{"month", "week", "year", "day", "hour", "minute", "min"}

// unitPattern is durationUnits as a pattern, each singular or plural.
func unitPattern() string {
	var alts []string
	for _, u := range durationUnits {
		alts = append(alts, u+"s?")
	}
	return strings.Join(alts, "|")
}

// countWord is a number spelt out ("twelve weeks", "two to three years").
var countWord = `(?:` + lexicon.Get().Pattern("count") + `)`

// spanWord says what a span was like between its count and its unit ("10
// intense days", "six long months"); a duration is said without it.
var (
	spanWord  = `(?:` + lexicon.Get().Pattern("span-like") + `)`
	spanWords = regexp.MustCompile(`(?i)\s` + spanWord + `\b`)
)

// stageOf reads a stage from a heading or list item: numbered
// ("Level 1: Fundamentals (3-6 months)", "Week 5-8: Pipelines") or timed
// ("Beginner (0–3 months)"). kind groups stages of one path.
func stageOf(text string, line, section int) (st Stage, kind string, ok bool) {
	if m := stageHead.FindStringSubmatch(text); m != nil {
		return newStage(m, line, section), strings.ToLower(m[1]), true
	}
	d := duration.FindStringIndex(text)
	if d == nil || len(text) > 80 {
		return Stage{}, "", false
	}
	label := strings.TrimSpace(text[:d[0]])
	rest := strings.TrimSpace(text[d[1]:])
	label = strings.TrimRight(label, " (:-–—,")
	if label == "" {
		return Stage{}, "", false
	}
	st = Stage{Label: label, Duration: normDuration(text[d[0]:d[1]]), Ref: Ref{Section: section, Line: line}}
	if rest = strings.TrimLeft(rest, " ):-–—,"); rest != "" {
		st.Topics = splitTopics(rest)
	}
	return st, "timed", true
}

// splitTopics splits "syntax, NumPy and pandas" at commas.
func splitTopics(s string) []string {
	var out []string
	for _, t := range strings.Split(strings.TrimSuffix(s, "."), ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// extractPaths finds runs of sibling sections whose headings are stages,
// and stages written as list items within one section.
func extractPaths(g *guide.Guide) []Path {
	var paths []Path
	var cur *Path
	var parent []string
	curKind := ""
	for si, sec := range g.Sections {
		st, kind, ok := Stage{}, "", false
		if len(sec.Path) > 0 {
			// A numbered heading is a step by its number first: "3. Deep
			// Learning (3 months)" follows "2. OpenCV".
			if st, kind, ok = orderedStage(sec, si); !ok || kind != "numbered" {
				if st2, kind2, ok2 := stageOf(sec.Heading(), sec.Line, si); ok2 {
					st, kind, ok = st2, kind2, true
				}
			}
		}
		if !ok {
			if p := itemPath(g, si); p != nil {
				paths = append(paths, *p)
			}
			continue
		}
		if cur != nil && len(cur.Stages) > 0 && g.Sections[cur.Stages[len(cur.Stages)-1].Section].Contains(sec) {
			continue // a part of the stage before ("Month 1 Checkpoint" under "Month 1")
		}
		par := sec.Path[:len(sec.Path)-1]
		if cur == nil || !slices.Equal(par, parent) || kind != curKind {
			if cur != nil && len(cur.Stages) >= 2 {
				paths = append(paths, *cur)
			}
			name := g.Title
			if len(par) > 0 {
				name = par[len(par)-1]
			}
			cur, parent, curKind = &Path{Name: name}, par, kind
		}
		var text []string
		st.Topics = nil
		for _, b := range sec.Blocks {
			text = append(text, b.Text)
			if b.Kind == guide.Item || b.Kind == guide.Row {
				st.Topics = append(st.Topics, b.Text)
			}
			if st.Duration == "" && len(b.Text) < 80 {
				st.Duration = findDuration(b.Text)
			}
		}
		// The sections under a stage are its parts ("**Programming:**"
		// then its list): each a topic, named by its heading.
		for _, sub := range g.Sections[si+1:] {
			if !sec.Contains(sub) {
				break
			}
			var items []string
			text = append(text, sub.Heading())
			for _, b := range sub.Blocks {
				text = append(text, b.Text)
				items = append(items, b.Text)
			}
			if len(items) > 0 {
				st.Topics = append(st.Topics, sub.Heading()+": "+strings.Join(items, ", "))
			}
		}
		if len(st.Topics) == 0 {
			st.Topics = text
		}
		st.Text = sec.Heading() + "\n" + strings.Join(text, "\n")
		st.Snippet = strings.Join(st.Topics, "; ")
		cur.Stages = append(cur.Stages, st)
	}
	if cur != nil && len(cur.Stages) >= 2 {
		paths = append(paths, *cur)
	}
	// Numbered headings are steps only in a run of three or more.
	return slices.DeleteFunc(paths, func(p Path) bool {
		return len(p.Stages) < 3 && p.Stages[0].Label == "" && p.Stages[0].Name != ""
	})
}

// levelStage reads a heading that opens with a level of skill, in order:
// "Beginner Level — Research Foundations", "Intermediate: Core Skills".
var levelStage = regexp.MustCompile(`(?i)^(beginner|basic|foundations?|intermediate|advanced|expert|mastery)\b(?:\s+(?:level|stage|track))?\s*(?:[—–:\-|]\s*(.*))?$`)

// orderedStage reads a heading that is a step by its order rather than
// its words: a numbered heading ("# 1. Python Programming", "### 2. Sharpen
// relevant skills"), or a level of skill. kind groups the stages of one
// path: numbered steps with numbered steps, levels with levels.
func orderedStage(sec guide.Section, si int) (Stage, string, bool) {
	h := sec.Heading()
	if m := levelStage.FindStringSubmatch(h); m != nil {
		st := Stage{Label: strings.TrimSpace(strings.TrimRight(h[:len(h)-len(m[2])], " —–:-|")), Name: strings.TrimSpace(m[2]), Ref: Ref{Section: si, Line: sec.Line}}
		if d := duration.FindStringIndex(st.Name); d != nil {
			st.Duration = normDuration(st.Name[d[0]:d[1]])
		}
		return st, "levels", true
	}
	if sec.Number == "" || sec.Kind != guide.Heading || strings.HasSuffix(h, "?") || strings.Contains(sec.Number, ".") {
		return Stage{}, "", false
	}
	st := Stage{Name: h, Ref: Ref{Section: si, Line: sec.Line}}
	if d := duration.FindStringIndex(h); d != nil {
		st.Duration = normDuration(h[d[0]:d[1]])
	}
	return st, "numbered", true
}

func newStage(m []string, line, section int) Stage {
	kind := strings.ToUpper(m[1][:1]) + strings.ToLower(m[1][1:])
	st := Stage{Label: kind + " " + m[2], Ref: Ref{Section: section, Line: line}}
	rest := m[3]
	if d := duration.FindStringIndex(rest); d != nil {
		st.Duration = normDuration(rest[d[0]:d[1]])
		rest = rest[:d[0]] + rest[d[1]:]
	} else {
		st.Duration = spanOf(kind, m[2])
	}
	st.Name = strings.Trim(strings.TrimSpace(strings.NewReplacer("()", "", "[]", "").Replace(rest)), " :-–—,")
	return st
}

var span = regexp.MustCompile(`^(\d+)\s*[-–]\s*(\d+)$`)

// spanOf reads a duration from a stage label that counts time: "Week 5-8"
// lasts 4 weeks, "Month 3" one month.
func spanOf(kind, num string) string {
	unit := map[string]string{"Week": "week", "Month": "month", "Year": "year"}[kind]
	if unit == "" {
		return ""
	}
	n := 1
	if m := span.FindStringSubmatch(num); m != nil {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		n = hi - lo + 1
	}
	if n < 1 {
		return ""
	}
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// FindDuration returns the first duration s states ("3-6 months"), or,
// when it counts none, one it says with no number ("a few months"); or "".
func FindDuration(s string) string {
	if d := findDuration(s); d != "" {
		return d
	}
	return roughDuration(s)
}

// RoughDuration reports whether a duration FindDuration returned says no
// number ("a year and a few months"): it answers "how long" less exactly.
func RoughDuration(d string) bool { return d != "" && fewUnits.FindString(d) == d }

// findDuration returns the first duration s counts ("3-6 months", "twelve
// weeks", "an hour-long"), or "".
func findDuration(s string) string {
	if !namesUnit(s) {
		return "" // most texts name no unit of time: far cheaper to see than to match
	}
	for _, loc := range duration.FindAllStringSubmatchIndex(s, -1) {
		if !experienceSpan(s[:loc[0]], s[loc[4]:loc[5]]) && !pointInTime.MatchString(s[loc[1]:]) {
			return normDuration(s[loc[0]:loc[1]])
		}
	}
	if m := unitLong.FindStringSubmatch(s); m != nil {
		return "1 " + strings.ToLower(m[1]) // "an hour-long interview"
	}
	return ""
}

// roughDuration returns the first duration s says with no number, or "".
func roughDuration(s string) string {
	if !namesUnit(s) {
		return ""
	}
	for _, loc := range fewUnits.FindAllStringIndex(s, -1) {
		if !rateBefore.MatchString(s[:loc[0]]) && !notSpan.MatchString(s[loc[1]:]) {
			return strings.Join(strings.Fields(s[loc[0]:loc[1]]), " ")
		}
	}
	return ""
}

// fewUnits is a duration said with no number: "a year and a few months",
// "a couple of weeks", "several months".
var fewUnits = regexp.MustCompile(`(?i)\b(?:(?:an?|one)\s+(?:hour|day|week|month|year)|(?:a few|a couple(?:\s+of)?|several)\s+(?:hours|days|weeks|months|years))` +
	`(?:\s+and\s+(?:a half|an?\s+(?:hour|day|week|month)|a few\s+(?:hours|days|weeks|months)))?\b`)

// rateBefore makes the unit after it a rate, not a span: "twice a week",
// "$90k a year", "5 days a week".
var rateBefore = regexp.MustCompile(`(?i)(?:\d[\d,.]*\s*[km%]?|\b(?:once|twice|times|hours?|hrs?|days?|minutes?|mins?|sessions?|lpa|earns?|earning|paid|makes?)|[$€£₹])\s*$`)

// notSpan follows a unit that dates something in the past, is owned or
// is an idiom, not a span: "a year ago", "a month's salary", "a day in
// the life". "About a month later" says how long something took.
var notSpan = regexp.MustCompile(`(?i)^(?:\s+(?:ago|earlier)\b|['’]s\b|\s+in\s+the\s+life\b)`)

// pointInTime follows a span that dates something rather than says how
// long it takes: "eighteen months later", "two years ago".
var pointInTime = regexp.MustCompile(`(?i)^\s+(?:later|ago|earlier)\b`)

// namesUnit reports whether s holds a word a duration ends on: the
// durations findDuration reads, "an hour-long" ones too, all name one.
func namesUnit(s string) bool {
	l := strings.ToLower(s)
	for _, u := range durationUnits {
		if strings.Contains(l, u) {
			return true
		}
	}
	return false
}

// unitLong is a duration said as one unit's length: "an hour-long
// screen", "a week-long take-home".
var unitLong = regexp.MustCompile(`(?i)\ban?\s+(hour|day|week|month|year)[- ]long\b`)

// experienceSpan reports whether a span of years right after a role's
// name states the experience the role asks for, not how long something
// takes: "Junior Data Engineer (0-2 years)", "Entry Level (0-2 years)". A
// stage of learning with a span ("Beginner Level (0-6 months)") or a
// sentence ("Stay 2 years", "Switch to data science: 1-2 years") states a
// duration. before is the text before the span, unit the span's unit.
func experienceSpan(before, unit string) bool {
	if !strings.HasPrefix(strings.ToLower(unit), "year") {
		return false
	}
	label := before[strings.LastIndexAny(before, ";:!?\n")+1:]
	return roleLabel(strings.TrimRight(label, " (-–—"))
}

// skillLevel names a level of skill, which a learner passes through, not a
// level of seniority.
var skillLevel = lexicon.Get().Match("level-skill")

// roleLabel reports whether s is nothing but a role's or a seniority
// level's name ("L3 - Junior AI Engineer", "Mid-Level", "Staff+").
func roleLabel(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > maxRungWords || skillLevel.MatchString(s) {
		return false
	}
	for _, w := range ws {
		if roleStop[strings.ToLower(strings.Trim(w, "*_()[],.:;+"))] {
			return false // a sentence about a role, not its name: "switch to data science"
		}
	}
	last := strings.ToLower(strings.Trim(ws[len(ws)-1], "*_()[],.:;+"))
	if (last == "level" || last == "role") && len(ws) > 1 {
		last = strings.ToLower(strings.Trim(ws[len(ws)-2], "*_()[],.:;+"))
	}
	return roleHead.MatchString(last) || FindLevel(last) != "" || roleTitle.MatchString(last)
}

func normDuration(s string) string {
	s = spanWords.ReplaceAllString(s, "")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return strings.Join(strings.Fields(s), " ") // spelt out: "two to three years" as written
	}
	return strings.Join(strings.Fields(strings.NewReplacer("–", "-", " to ", "-").Replace(s)), " ")
}

// pathHeading marks a section whose numbered list is a sequence of stages.
var pathHeading = regexp.MustCompile(`(?i)\b(?:path|roadmap|plan|curriculum|steps|journey|stages|levels|phases|order|sequence|timeline)\b`)

// itemPath reads a learning path written as a list within one section:
// items that are numbered stages ("Step 1: Learn Python (4 weeks) -
// NumPy"), or the items of a numbered list under a heading that says it is
// a path ("## Roadmap" then "1. Python basics (4 weeks): syntax").
func itemPath(g *guide.Guide, si int) *Path {
	sec := g.Sections[si]
	p := &Path{Name: sec.Heading()}
	if p.Name == "" {
		p.Name = g.Title
	}
	ordered := pathHeading.MatchString(sec.Heading())
	for _, b := range sec.Blocks {
		if b.Kind != guide.Item && b.Kind != guide.Paragraph {
			continue
		}
		if m := stageHead.FindStringSubmatch(b.Text); m != nil && len(m[3]) > 0 {
			st := newStage(m, b.Line, si)
			// "Step 1: Learn Python (4 weeks) - NumPy, Pandas" or "Month 1-2:
			// Python & SQL. Pandas, NumPy": the name ends at the first
			// separator, the rest are topics.
			name, topics := cutName(st.Name)
			st.Name, st.Topics = name, splitTopics(topics)
			st.Text, st.Snippet = b.Text, b.Text
			p.Stages = append(p.Stages, st)
			continue
		}
		if b.Kind == guide.Item && b.Ordered && ordered {
			label, topics := cutName(b.Text)
			st, _, ok := stageOf(label, b.Line, si)
			if !ok {
				st = Stage{Label: label, Ref: Ref{Section: si, Line: b.Line}}
			}
			st.Topics = append(st.Topics, splitTopics(topics)...)
			st.Text, st.Snippet = b.Text, b.Text
			p.Stages = append(p.Stages, st)
		}
	}
	if len(p.Stages) < 2 {
		return nil
	}
	return p
}

// cutName splits a stage's text at the first " - ", ": " or ". " into its
// name and the topics after it.
func cutName(s string) (name, rest string) {
	name, rest, _ = strings.Cut(s, " - ")
	for _, sep := range []string{": ", ". "} {
		if n, t, ok := strings.Cut(name, sep); ok {
			name, rest = n, strings.TrimSpace(t+" "+rest)
			break
		}
	}
	return strings.TrimSpace(name), strings.TrimSpace(rest)
}
