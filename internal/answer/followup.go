package answer

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/lexicon"
)

var _ advisor.TurnAsker = (*Engine)(nil)

// AskTurn answers a question in a conversation: a follow-up is rewritten
// into a standalone question with the previous one, then asked as usual.
// See advisor.TurnAsker.
func (e *Engine) AskTurn(ctx context.Context, t advisor.Turn) (advisor.Answer, error) {
	q, err := advisor.CleanQuestion(t.Question)
	if err != nil {
		return advisor.Answer{}, err
	}
	asked, readAs := q, ""
	if prev, err := advisor.CleanQuestion(t.Previous); err == nil {
		// The previous question as the engine reads it: "DS" is a data
		// scientist, a role a follow-up can change.
		prev = e.reader.Read(prev).Text
		s, how, ok := e.readFollowUp(prev, q)
		if fixed := e.reader.Read(q).Text; !ok && fixed != q {
			s, how, ok = e.readFollowUp(prev, fixed) // "wht about germny?", "n for jr?"
		}
		if ok && len(s) <= advisor.MaxQuestionBytes {
			asked, readAs = s, how
		}
	}
	ans, err := e.Ask(ctx, asked)
	if err != nil {
		return ans, err
	}
	ans.Question = asked
	ans.Intent = intentOf(asked).String()
	if readAs != "" {
		ans.ReadAs = strings.TrimPrefix(ans.ReadAs+"; "+readAs, "; ")
	}
	return ans, nil
}

var (
	// afterThat asks for what follows what the previous answer gave.
	afterThat = regexp.MustCompile(`(?i)\b(?:after (?:that|this|it)|then what|what(?:'s| is)? next|and next|and then)\b`)
	// pronoun refers to the previous question's subject.
	pronoun = regexp.MustCompile(`(?i)\b(?:that|this|it)\b`)
	// currencyWord names a currency a follow-up asks the figures in.
	currencyWord = currencyNames()
)

// currencyNames matches a currency a follow-up asks the figures in, by
// its code, a word for it or its symbol (the lexicon's currencies).
func currencyNames() *regexp.Regexp {
	var words, syms []string
	for _, c := range lexicon.Get().Currencies {
		words = append(words, strings.ToLower(c.Code))
		for _, w := range c.Words {
			words = append(words, regexp.QuoteMeta(w))
		}
		for _, y := range c.Symbols {
			syms = append(syms, regexp.QuoteMeta(y))
		}
	}
	return regexp.MustCompile(`(?i)\b(?:` + strings.Join(words, "|") + `)\b|` + strings.Join(syms, "|"))
}

// connectives are the words a follow-up is made of besides what it
// changes: "and what about … for …?".
var connectives = wordSet("and or but so then what whats what's how about for the a an in at with of on to is are was were " +
	"do does did it that this those these them they their there same also too instead please thanks ok okay level levels " +
	"people folks ones one someone somebody if i me my we you rather vs versus compared say be would will can could should " +
	"still again now as than when where who")

var filler = wordSet(fillerWords)

// levelTail ends a two-word level ("entry level", "mid career").
var levelTail = wordSet("level levels career")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(s) {
		m[w] = true
	}
	return m
}

// levelPair reports whether two words name a level together but not
// apart ("new grads"), or a level and the word "level" ("entry level").
func levelPair(a, b string) bool {
	la, lb := facts.FindLevel(a), facts.FindLevel(b)
	return la == "" && lb == "" || la != "" && levelTail[strings.ToLower(b)]
}

// span is a byte range of a question: a word or a run of words.
type span struct{ start, end int }

// wordSpans returns the words of s: letters and digits with the marks
// inside words ("mid-level", "U.S.", "what's").
func wordSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || start >= 0 && strings.ContainsRune("-.'’", r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	for i, w := range out {
		for w.end > w.start && strings.ContainsRune("-.'’", rune(s[w.end-1])) && !strings.HasSuffix(s[w.start:w.end], ".S.") {
			w.end--
		}
		out[i] = w
	}
	return out
}

// mention is what a question says about one thing it can change: the
// value and where the question says it.
type mention[T any] struct {
	value T
	at    []span
}

// said is what a question names that a follow-up can change.
type said struct {
	ws       []span
	level    mention[facts.Level]
	regions  mention[[]facts.Region]
	role     mention[string] // normalised ("machine learning engineer")
	roleName string          // as written ("ML engineer")
	currency mention[string]
}

// read finds the level, places, role and currency q names.
func read(q string) said {
	s := said{ws: wordSpans(q)}
	ws := s.ws
	text := func(i, n int) string { return q[ws[i].start:ws[i+n-1].end] }
	for i := 0; i < len(ws); i++ {
		for n := min(2, len(ws)-i); n >= 1; n-- {
			// Two words only where one would not do: "new grads", "entry level".
			if l := facts.FindLevel(text(i, n)); l != "" && (n == 1 || levelPair(text(i, 1), text(i+1, 1))) {
				if s.level.value == "" {
					s.level.value = l
				}
				if l == s.level.value {
					s.level.at = append(s.level.at, span{ws[i].start, ws[i+n-1].end})
				}
				i += n - 1
				break
			}
		}
	}
	// Places: the longest run of words that names exactly one, not
	// starting with a word such as "in".
	for i := 0; i < len(ws); i++ {
		if connectives[strings.ToLower(text(i, 1))] {
			continue
		}
		for n := min(4, len(ws)-i); n >= 1; n-- {
			// Every word counts: not "make in Romania", not "Romania and".
			if rs := facts.FindRegions(text(i, n)); len(rs) == 1 && (n == 1 || len(facts.FindRegions(text(i+1, n-1))) == 0 && len(facts.FindRegions(text(i, n-1))) == 0) {
				if !slices.Contains(s.regions.value, rs[0]) {
					s.regions.value = append(s.regions.value, rs[0])
				}
				s.regions.at = append(s.regions.at, span{ws[i].start, ws[i+n-1].end})
				i += n - 1
				break
			}
		}
	}
	// The role: the shortest run of words ending at a role's head noun that
	// reads as the whole role.
	if role := facts.FindRole(q); role != "" {
		s.role.value, s.roleName = role, facts.FindRoleName(q)
	found:
		for e := range ws {
			if facts.FindRole(text(e, 1)) == "" {
				continue
			}
			for b := e; b >= max(0, e-2); b-- {
				if facts.FindRole(text(b, e-b+1)) == role {
					// "what about data scientists": "about" is no speciality.
					for b < e && connectives[strings.ToLower(text(b, 1))] {
						b++
					}
					s.role.at = []span{{ws[b].start, ws[e].end}}
					s.role.value, s.roleName = facts.FindRole(text(b, e-b+1)), facts.FindRoleName(text(b, e-b+1))
					break found
				}
			}
		}
	}
	for _, loc := range currencyWord.FindAllStringIndex(q, -1) {
		if s.currency.value == "" {
			s.currency.value = strings.ToLower(q[loc[0]:loc[1]])
		}
		s.currency.at = append(s.currency.at, span{loc[0], loc[1]})
	}
	return s
}

// residual reports whether q says anything besides what s found, the
// words of follow-ups, question-shaping words and the words of its
// intent: a question that does is not a follow-up.
func (s said) residual(q string) bool {
	var covered []span
	for _, m := range [][]span{s.level.at, s.regions.at, s.role.at, s.currency.at} {
		covered = append(covered, m...)
	}
	for _, k := range kinds {
		for _, loc := range k.match.FindAllStringIndex(q, -1) {
			covered = append(covered, span{loc[0], loc[1]})
		}
	}
	for _, re := range []*regexp.Regexp{afterThat, pronoun} {
		for _, loc := range re.FindAllStringIndex(q, -1) {
			covered = append(covered, span{loc[0], loc[1]})
		}
	}
	for _, w := range s.ws {
		lw := strings.ToLower(q[w.start:w.end])
		if connectives[lw] || filler[lw] || utf8.RuneCountInString(lw) < 2 || !strings.ContainsFunc(lw, unicode.IsLetter) {
			continue
		}
		if !slices.ContainsFunc(covered, func(c span) bool { return c.start <= w.start && w.end <= c.end }) {
			return true
		}
	}
	return false
}

// readFollowUp reads q as a follow-up of prev: it returns the standalone
// question q stands for and how it read it, or ok=false when q stands
// alone.
func (e *Engine) readFollowUp(prev, q string) (standalone, readAs string, ok bool) {
	fq := read(q)
	if fq.residual(q) {
		return "", "", false
	}
	after, pron := afterThat.MatchString(q), pronoun.MatchString(q)
	if fq.level.value == "" && fq.regions.value == nil && fq.role.value == "" && fq.currency.value == "" && !after && !pron {
		return "", "", false // "thanks!"
	}
	qi, pi := intentOf(q), intentOf(prev)
	if qi != intentGeneral && !after && !pron && (qi != pi || fq.role.value != "") {
		return "", "", false // a new kind of question, or a complete one
	}
	fp := read(prev)
	if fq.role.value != "" && !strings.Contains(fq.role.value, " ") && strings.HasSuffix(fp.role.value, " "+fq.role.value) {
		fq.role, fq.roleName = mention[string]{}, "" // "a staff engineer" after "ML engineer" keeps the speciality
	}
	if k, ok := kindOf(pi); after && ok && k.after != nil {
		// "and after that?": as the previous question's kind follows on.
		if s, how, final := k.after(e, prev, &fp, &fq); final {
			return s, how, s != ""
		}
	} else if pron && qi != intentGeneral {
		return e.substitute(prev, q, fp, fq)
	}
	if fq.level.value == "" && fq.regions.value == nil && fq.role.value == "" && fq.currency.value == "" {
		return "", "", false // "is it worth it?" changes nothing it could be read with
	}
	return override(prev, fp, fq)
}

// afterStage follows a path question: "and after that?" asks what comes
// after the stage its answer reached.
func afterStage(e *Engine, prev string, _, _ *said) (string, string, bool) {
	st, ok := e.reachedStage(prev)
	if !ok {
		return "", "", true
	}
	return "What should I learn after " + stageName(st) + "?", "after " + st.Title(), true
}

// nextLevelUp follows a pay question: "and after that?" asks for the
// level above the one it named.
func nextLevelUp(_ *Engine, _ string, fp, fq *said) (string, string, bool) {
	if up := nextLevel(fp.level.value); up != "" && fp.level.value != "" && fq.level.value == "" {
		fq.level.value = up
	}
	return "", "", false
}

// override is prev with what fq names put in place of what fp named.
func override(prev string, fp, fq said) (string, string, bool) {
	type edit struct {
		span
		with string
	}
	var edits []edit
	var appends, how []string
	change := func(old []span, oldName, newName, insert string) {
		switch {
		case newName == "":
			if oldName != "" {
				how = append(how, oldName)
			}
			return
		case oldName == "":
			how = append(how, newName)
			appends = append(appends, insert)
			return
		case oldName == newName:
			how = append(how, newName)
			return
		}
		how = append(how, oldName+" → "+newName)
		for i, sp := range old {
			if i == 0 {
				edits = append(edits, edit{sp, newName})
			} else {
				edits = append(edits, edit{sp, ""})
			}
		}
	}
	lvl := func(l facts.Level) string { return strings.ToLower(l.Label()) }
	change(fp.level.at, lvl(fp.level.value), lvl(fq.level.value), "at "+lvl(fq.level.value)+" level")
	if len(fp.level.at) == 0 && fq.level.value != "" && len(fp.role.at) > 0 {
		// "a data scientist" → "a junior data scientist".
		appends = appends[:len(appends)-1]
		at := fp.role.at[0].start
		edits = append(edits, edit{span{at, at}, lvl(fq.level.value) + " "})
	}
	if len(fp.level.at) > 0 && fq.level.value != "" && fq.level.value != fp.level.value {
		// Keep the previous question's number: "seniors" → "juniors".
		if w := prev[fp.level.at[0].start:fp.level.at[0].end]; strings.HasSuffix(strings.ToLower(w), "s") && fq.level.value != facts.Mid {
			edits[0].with += "s" // the level's edits come first
		}
	}
	change(fp.role.at, fp.roleName, fq.roleName, "as a "+fq.roleName)
	if len(fp.regions.at) > 0 && fq.regions.value != nil {
		// "in the US" → "in Romania", "in Romania" → "in the Netherlands".
		if at := &fp.regions.at[0]; strings.HasSuffix(strings.ToLower(prev[:at.start]), "the ") {
			at.start -= len("the ")
		}
	}
	change(fp.regions.at, regionNames(fp.regions.value), regionNames(fq.regions.value), "in "+regionNames(fq.regions.value))
	if fq.currency.value != "" {
		// Figures are quoted as the guides give them, never converted: the
		// currency is shown as read but not asked, where it would only
		// pull in passages that happen to name it.
		how = append(how, "in "+fq.currency.value)
	}
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	out, bound := prev, len(prev)
	for _, ed := range edits {
		if ed.end > bound {
			continue // overlaps an edit made ("Romanian ML engineer" is a place and a role)
		}
		out = out[:ed.start] + ed.with + out[ed.end:]
		bound = ed.start
	}
	out = strings.Join(strings.Fields(out), " ")
	if len(appends) > 0 {
		end := strings.TrimRight(out, "?!. ")
		out = end + " " + strings.Join(appends, " ") + out[len(end):]
	}
	if len(how) == 0 {
		return "", "", false
	}
	return out, capitalize(strings.Join(how, ", ")), true
}

// substitute puts the previous question's subject in place of q's "that"
// ("how long does that take?"), keeping the previous question's places.
func (e *Engine) substitute(prev, q string, fp, fq said) (string, string, bool) {
	// "How much does that pay?" is about the role; "how long does that
	// take?" about the stage the previous answer led to.
	subject := fp.roleName
	if pi := intentOf(prev); (pi == intentNext || pi == intentStart) && (subject == "" || intentOf(q) != intentSalary) {
		if st, ok := e.reachedStage(prev); ok {
			subject = stageName(st)
		}
	}
	if subject == "" {
		return "", "", false
	}
	loc := pronoun.FindStringIndex(q)
	out := q[:loc[0]] + subject + q[loc[1]:]
	how := []string{q[loc[0]:loc[1]] + " → " + subject}
	if fq.regions.value == nil && fp.regions.value != nil && intentOf(out) == intentSalary {
		end := strings.TrimRight(out, "?!. ")
		out = end + " in " + regionNames(fp.regions.value) + out[len(end):]
		how = append(how, regionNames(fp.regions.value))
	}
	return out, capitalize(strings.Join(how, ", ")), true
}

// reachedStage returns the stage the answer to a path question led to:
// the next stage for "what after X", the first for "where do I start".
func (e *Engine) reachedStage(prev string) (*facts.Stage, bool) {
	in := intentOf(prev)
	a := e.analyze(prev, in)
	hits, err := e.index.SearchTerms(e.queryTerms(prev, a), hitsWanted)
	if err != nil {
		return nil, false
	}
	a.setHits(e.withSubjectGuides(a, hits))
	switch in {
	case intentNext:
		refs, cov := e.bestStages(a, false, 1)
		if cov < minStageCover || len(refs) == 0 {
			return nil, false
		}
		p := e.facts[refs[0].gi].Paths[refs[0].pi]
		if refs[0].si+1 == len(p.Stages) {
			return &p.Stages[refs[0].si], true // the answer named the last stage
		}
		return &p.Stages[refs[0].si+1], true
	case intentStart:
		ref, _, ok := e.bestPath(a)
		if !ok {
			return nil, false
		}
		return &e.facts[ref.gi].Paths[ref.pi].Stages[0], true
	}
	return nil, false
}

// stageName names a stage by what it teaches, which finds it again.
func stageName(st *facts.Stage) string {
	if st.Name != "" {
		return st.Name
	}
	return st.Title()
}

// nextLevel is the level after l, or "" after the last.
func nextLevel(l facts.Level) facts.Level {
	order := []facts.Level{facts.Junior, facts.Mid, facts.Senior, facts.Lead}
	if i := slices.Index(order, l); i >= 0 && i+1 < len(order) {
		return order[i+1]
	}
	return ""
}

func regionNames(rs []facts.Region) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
		if strings.HasPrefix(r.Name, "United ") || r.Name == "Netherlands" || r.Name == "Philippines" || r.Name == "Czech Republic" {
			names[i] = "the " + r.Name
		}
	}
	return strings.Join(names, " and ")
}
