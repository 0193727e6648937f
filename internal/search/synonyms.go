package search

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/careerbot/careerbot/internal/lexicon"
)

// synonyms are groups of interchangeable words and phrases in questions
// about careers. Bleve's own synonym support takes single tokens only, and
// most of these are phrases ("machine learning" ⇄ "ML"), so questions are
// rewritten instead: a question naming one member also searches the others.
// A member starting with '=' matches only as written ("US", not "us").
var synonyms = lexicon.Get().Synonyms

type synGroup struct {
	// re matches any member; compiled the first time a question holds
	// one, since most groups are never needed by a short-lived process.
	re      func() *regexp.Regexp
	members []string
	// lower are the members in lower case: a question holding none of
	// them needs no regular expression run.
	lower []string
}

// names reports whether question (lq, lower case) may name a member.
func (g synGroup) names(lq string) bool {
	for _, m := range g.lower {
		if strings.Contains(lq, m) {
			return true
		}
	}
	return false
}

var synGroups = func() []synGroup {
	var gs []synGroup
	for _, g := range synonyms {
		var folded, exact, members []string
		for _, m := range g {
			if e, ok := strings.CutPrefix(m, "="); ok {
				exact = append(exact, regexp.QuoteMeta(e))
				members = append(members, e)
				continue
			}
			folded = append(folded, regexp.QuoteMeta(m))
			members = append(members, m)
		}
		alts := `(?i:` + strings.Join(folded, "|") + `)`
		if len(exact) > 0 {
			alts += "|" + strings.Join(exact, "|")
		}
		var lower []string
		for _, m := range members {
			lower = append(lower, strings.ToLower(m))
		}
		expr := `(?:^|[^\pL\pN])(?:` + alts + `)(?:$|[^\pL\pN])`
		gs = append(gs, synGroup{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) }), members: members, lower: lower})
	}
	return gs
}()

// Expand returns question followed by the synonyms of the words and phrases
// it contains.
func Expand(question string) string {
	var b strings.Builder
	b.WriteString(question)
	lq := strings.ToLower(question)
	for _, g := range synGroups {
		if !g.names(lq) || !g.re().MatchString(question) {
			continue
		}
		for _, m := range g.members {
			b.WriteByte(' ')
			b.WriteString(m)
		}
	}
	return b.String()
}

// Concept is one idea a question asks about, with its alternative
// phrasings as index terms: a passage mentions the concept when it holds
// every term of at least one alternative.
type Concept struct {
	Text string     // the words of the question it came from
	Alts [][]string // each alternative's terms
}

// Concepts splits question into concepts: each synonym group it names is
// one concept (all of the group's members being alternatives), and each
// remaining index term is a concept of its own.
func (ix *Index) Concepts(question string) []Concept {
	var out []Concept
	rest := []byte(question)
	lq := strings.ToLower(question)
	for gi, g := range synGroups {
		if !g.names(lq) {
			continue
		}
		locs := g.re().FindAllStringIndex(string(rest), -1)
		if locs == nil {
			continue
		}
		c := Concept{Text: strings.TrimFunc(string(rest[locs[0][0]:locs[0][1]]), func(r rune) bool { return !isWordRune(r) }),
			Alts: slices.Clip(ix.synTerms[gi])} // shared: whoever adds an alternative copies
		for _, l := range locs {
			for i := l[0]; i < l[1]; i++ {
				rest[i] = ' '
			}
		}
		if len(c.Alts) > 0 {
			out = append(out, c)
		}
	}
	// A numbered stage is one concept, its number and unit said together:
	// "the sixth month" is "Month 6", not any 6 beside any month.
	for _, l := range numberedStages(lq, rest) {
		text := string(rest[l[0]:l[1]])
		var terms []string
		for _, tok := range ix.analyzer.Analyze([]byte(text)) {
			terms = append(terms, string(tok.Term))
		}
		if len(terms) == 2 {
			out = append(out, Concept{Text: text, Alts: [][]string{terms}})
			for i := l[0]; i < l[1]; i++ {
				rest[i] = ' '
			}
		}
	}
	seen := map[string]bool{}
	// The analyzer lower-cases in place: give it a copy, and cut the
	// concept's text from the original.
	for _, tok := range ix.analyzer.Analyze(bytes.Clone(rest)) {
		t := string(tok.Term)
		if !seen[t] {
			seen[t] = true
			out = append(out, Concept{Text: string(rest[tok.Start:tok.End]), Alts: [][]string{{t}}})
		}
	}
	return out
}

// numberedStages returns where question (lq, lower case) names stages
// by their numbers: none, without a regular expression, when it names no
// unit a plan numbers, as most questions do not.
func numberedStages(lq string, question []byte) [][]int {
	for _, u := range stageUnits {
		if strings.Contains(lq, u) {
			return numberedStage.FindAllIndex(question, -1)
		}
	}
	return nil
}

// stageUnits are the units a plan numbers, singular: each plural holds one.
var stageUnits = func() []string {
	var us []string
	for _, w := range lexicon.Get().Words("numbered") {
		if w = strings.ToLower(w); !strings.HasSuffix(w, "s") || !slices.Contains(us, strings.TrimSuffix(w, "s")) {
			us = append(us, w)
		}
	}
	return us
}()

// numberedStage is a stage named by its number: "sixth month", "3rd
// week", "week 3", "Phase 2".
var numberedStage = func() *regexp.Regexp {
	var ordinals []string
	for from, to := range lexicon.Get().Spellings {
		if to != "" && to[0] >= '0' && to[0] <= '9' {
			ordinals = append(ordinals, regexp.QuoteMeta(from))
		}
	}
	slices.Sort(ordinals)
	unit := `(?:` + lexicon.Get().Pattern("numbered") + `)`
	return regexp.MustCompile(`(?i)\b(?:(?:` + strings.Join(ordinals, "|") + `)\s+` + unit + `|` + unit + `\s+\d{1,2})\b`)
}()

func isWordRune(r rune) bool {
	return r == '-' || r == '.' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r > 127
}
