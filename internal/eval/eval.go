// Package eval judges answers against labelled questions, as the shared
// scorer (../shared/eval/score) does: the question sets the project is
// measured on, its own quality sets, and the training of the engine's
// weights all read questions and judge answers through it.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/careerbot/careerbot/internal/advisor"
)

// Case is one labelled question and what a right answer shows.
type Case struct {
	ID string `json:"id"`
	Q  string `json:"q"`
	// Intent is the kind of question (salary, list, offtopic…), in the
	// project's own sets; Chat marks a question typed as people chat.
	Intent string `json:"intent,omitempty"`
	Chat   bool   `json:"chat,omitempty"`
	// All must every one appear in the answer or a cited snippet; Any at
	// least one; from each of Groups at least one.
	All    []string   `json:"all,omitempty"`
	Any    []string   `json:"any,omitempty"`
	Groups [][]string `json:"groups,omitempty"`
	// None may not appear in the answer's own text: a wrong reading, such
	// as a course price called a salary.
	None []string `json:"none,omitempty"`
	// Cite: one of the first three citations' titles contains one of these.
	Cite []string `json:"cite,omitempty"`
	// Abstain: the answer must be an abstention.
	Abstain bool `json:"abstain,omitempty"`
	// Nocover names a place or role no guide covers: the answer abstains,
	// or names it and says the guides do not cover it.
	Nocover string `json:"nocover,omitempty"`
}

// Result is a judgement of one answer.
type Result struct {
	OK bool
	// Direct marks a right answer whose own text, not only a cited
	// snippet, holds the facts.
	Direct bool
	Why    string // why it is wrong, when it is
}

// Judge says whether a is a right answer to c.
func Judge(c Case, a advisor.Answer) Result {
	answer := Norm(a.Text)
	switch {
	case c.Abstain:
		return Result{OK: a.Abstained, Why: "should abstain"}
	case c.Nocover != "":
		ok := a.Abstained || strings.Contains(answer, Norm(c.Nocover)) && notSaid.MatchString(answer)
		return Result{OK: ok, Direct: ok, Why: "should say no guide covers " + c.Nocover}
	case a.Abstained:
		return Result{Why: "abstained"}
	}
	for _, s := range c.None {
		if strings.Contains(answer, Norm(s)) {
			return Result{Why: fmt.Sprintf("answer says %q", s)}
		}
	}
	var b strings.Builder
	b.WriteString(answer)
	for _, ct := range a.Citations {
		b.WriteString(" " + Norm(ct.Snippet))
	}
	all := b.String()
	if !holds(c, all) {
		return Result{Why: fmt.Sprintf("missing facts %q %q %q", c.All, c.Any, c.Groups)}
	}
	if titles, ok := c.Cited(a); !ok {
		return Result{Why: fmt.Sprintf("cites %q, wanted %q", titles, c.Cite)}
	}
	return Result{OK: true, Direct: holds(c, answer)}
}

// Cited reports whether one of the first three citations' titles holds a
// word of c.Cite (always, when c names none), and returns those titles.
func (c Case) Cited(a advisor.Answer) ([]string, bool) {
	var titles []string
	for _, ct := range a.Citations[:min(3, len(a.Citations))] {
		titles = append(titles, strings.ToLower(ct.Title))
	}
	if len(c.Cite) == 0 {
		return titles, true
	}
	return titles, slices.ContainsFunc(c.Cite, func(w string) bool {
		return slices.ContainsFunc(titles, func(t string) bool { return strings.Contains(t, strings.ToLower(w)) })
	})
}

// holds reports whether text shows every fact c asks for.
func holds(c Case, text string) bool {
	has := func(s string) bool { return strings.Contains(text, Norm(s)) }
	for _, s := range c.All {
		if !has(s) {
			return false
		}
	}
	groups := c.Groups
	if len(c.Any) > 0 {
		groups = append(slices.Clone(groups), c.Any)
	}
	for _, g := range groups {
		if !slices.ContainsFunc(g, has) {
			return false
		}
	}
	return true
}

var notSaid = regexp.MustCompile(`\bno\b|\bnot\b|n't|none`)

var (
	dashes     = regexp.MustCompile(`[\x{2010}-\x{2015}\x{2212}]`)
	aroundDash = regexp.MustCompile(`\s*-\s*`)
)

// Norm is the scorer's matching: case, thousands separators, the kind of
// dash and the spaces around it do not count. It reads separators as the
// shared scorer does, in one pass: one between a digit and three more
// digits goes ("1,500,000" → "1500000", "20,00,000" → "20,00000").
func Norm(s string) string {
	s = strings.ToLower(s)
	s = dashes.ReplaceAllString(s, "-")
	s = strings.NewReplacer("×", "x", "\u00a0", " ").Replace(s)
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if (r == ',' || r == '\u202f' || r == '\'') && i > 0 && isDigit(rs[i-1]) && threeDigits(rs[i+1:]) {
			continue
		}
		b.WriteRune(r)
	}
	s = aroundDash.ReplaceAllString(b.String(), "-")
	return strings.Join(strings.Fields(s), " ")
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func threeDigits(rs []rune) bool {
	return len(rs) >= 3 && isDigit(rs[0]) && isDigit(rs[1]) && isDigit(rs[2])
}

// Read reads a question set: one Case a line, in JSON. Unknown fields, a
// repeated id and a case that checks nothing are errors naming the line.
func Read(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []Case
	ids := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c Case
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		switch {
		case c.ID == "" || c.Q == "":
			return nil, fmt.Errorf("%s:%d: id and q are required", path, n)
		case ids[c.ID]:
			return nil, fmt.Errorf("%s:%d: id %q repeats", path, n, c.ID)
		case !c.Abstain && c.Nocover == "" && len(c.All)+len(c.Any)+len(c.Groups) == 0:
			return nil, fmt.Errorf("%s:%d: %s checks no fact", path, n, c.ID)
		}
		ids[c.ID] = true
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: no questions", path)
	}
	return cases, nil
}
