package answer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/eval"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/guidegen"
)

// The project's own question sets live in testdata/quality: one JSON object a
// line, in the shape ../shared/eval/score reads, plus the question's intent.
// Run them with
//
//	go test ./internal/answer -run TestQuality -v
//
// Each set prints its score per intent and its misses, and fails when an
// intent falls below its floor in qualityFloors. Raise a floor when the
// engine improves; never lower one to make a change pass.
const qualityDir = "testdata/quality"

// qualityCase is one question and what a right answer shows (eval.Case:
// the shared scorer's checks), judged stricter than the scorer does (see
// judge): facts are matched in the answer's own text, not in the cited
// snippets, since a user reads the answer first.
type qualityCase struct {
	eval.Case
	// Ask is a long message's question sentence alone (testdata/long).
	Ask string `json:"ask,omitempty"`
}

// intents are the kinds a question set is scored by.
var intents = []string{
	"salary",   // figures for a role, level, place
	"compare",  // comparisons and superlatives over figures
	"price",    // what a course, bootcamp or exam costs: never a salary
	"next",     // what to learn after a skill or stage
	"ladder",   // what role comes after a role
	"start",    // where to start, the first stage
	"howlong",  // how long a stage or path takes
	"list",     // which skills, tools, books, topics
	"general",  // everything else the guides say
	"offtopic", // nothing in the guides: abstain
}

// chatRow is the extra row scoring every chat-typed question together.
const chatRow = "chat"

// qualitySet is a question set and the guides it is asked over, as
// testdata/quality/sets.json lists them (cmd/train reads the same file).
type qualitySet struct {
	Name, File string
	Bundled    bool   // the bundled guides
	Dir        string // a directory of guides, relative to testdata/quality
	// Repeat marks a set asking another set's questions over other guides:
	// scored here, not trained on twice.
	Repeat bool
	// Heldout marks a fold of our own never trained on: scored here, and
	// its figure says how the engine does on guides no weight has seen.
	Heldout bool
}

// readSets reads the list of quality sets.
func readSets(t testing.TB) []qualitySet {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(qualityDir, "sets.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sets []qualitySet
	if err := json.Unmarshal(data, &sets); err != nil {
		t.Fatalf("sets.json: %v", err)
	}
	return sets
}

// qualityFloors is the percentage of each set's questions per intent the
// engine answered right when the floor was recorded. A row missing from a set
// has no floor yet. The test logs today's figures in this form to paste.
var qualityFloors = map[string]map[string]float64{
	"bundled":        {"salary": 100.0, "compare": 62.5, "next": 100.0, "ladder": 50.0, "start": 100.0, "howlong": 100.0, "list": 80.0, "general": 100.0, "offtopic": 100.0, "chat": 88.8},
	"members":        {"salary": 100.0, "next": 100.0, "start": 100.0, "howlong": 100.0, "list": 100.0, "general": 85.7, "offtopic": 100.0},
	"typed":          {"salary": 100.0, "next": 100.0, "offtopic": 100.0, "chat": 100.0},
	"own":            {"salary": 96.4, "compare": 100.0, "price": 100.0, "next": 100.0, "ladder": 69.2, "start": 80.0, "howlong": 87.5, "list": 83.3, "general": 100.0, "offtopic": 100.0, "chat": 94.1},
	"own+bundled":    {"salary": 96.4, "compare": 100.0, "price": 100.0, "next": 100.0, "ladder": 69.2, "start": 80.0, "howlong": 87.5, "list": 88.8, "general": 85.7, "offtopic": 90.9, "chat": 94.1},
	"shapes":         {"salary": 100.0, "compare": 100.0, "price": 100.0, "ladder": 100.0, "howlong": 100.0, "list": 85.7, "general": 100.0, "chat": 75.0},
	"reading":        {"salary": 100.0, "next": 100.0, "list": 0.0, "chat": 83.3},
	"prose":          {"general": 100.0, "chat": 100.0},
	"prose-heldout":  {"salary": 60.0, "price": 33.3, "start": 0.0, "howlong": 33.3, "list": 66.6, "general": 64.8, "offtopic": 100.0, "chat": 61.9},
	"prose-train":    {"salary": 50.0, "price": 83.3, "next": 100.0, "ladder": 33.3, "start": 100.0, "howlong": 44.4, "list": 100.0, "general": 57.8, "offtopic": 100.0, "chat": 54.1},
	"prose-train2":   {"salary": 38.4, "price": 66.6, "next": 50.0, "start": 66.6, "howlong": 55.5, "list": 50.0, "general": 72.2, "offtopic": 100.0, "chat": 75.0},
	"prose-heldout3": {"salary": 50.0, "price": 66.6, "next": 100.0, "start": 100.0, "howlong": 81.8, "list": 60.0, "general": 50.0, "offtopic": 75.0, "chat": 60.0},
	"prose-train3":   {"salary": 16.6, "compare": 66.6, "price": 100.0, "next": 50.0, "ladder": 33.3, "start": 0.0, "howlong": 16.6, "list": 100.0, "general": 63.4, "offtopic": 100.0, "chat": 45.8},
	"prose-heldout4": {"salary": 100.0, "compare": 33.3, "price": 100.0, "next": 100.0, "ladder": 100.0, "start": 0.0, "howlong": 66.6, "list": 66.6, "general": 61.9, "offtopic": 100.0, "chat": 68.0},
}

func TestQuality(t *testing.T) {
	loaded := map[string][]*guide.Guide{}
	for _, set := range readSets(t) {
		t.Run(set.Name, func(t *testing.T) {
			cases := readCases(t, filepath.Join(qualityDir, set.File))
			var gs []*guide.Guide
			if set.Bundled {
				gs = append(gs, bundled(t)...)
			}
			if set.Dir != "" {
				if loaded[set.Dir] == nil {
					loaded[set.Dir] = loadGuides(t, filepath.Join(qualityDir, set.Dir))
				}
				gs = append(gs, loaded[set.Dir]...)
			}
			e := newEngine(t, gs)
			sc := scoreCases(t, e, cases)
			sc.report(t, qualityFloors[set.Name])
		})
	}
}

// loadGuides parses every guide under dir, as `careerbot ask --guides` does.
func loadGuides(t testing.TB, dir string) []*guide.Guide {
	t.Helper()
	gs, warns, err := guide.Load(os.DirFS(dir), strings.TrimSuffix(dir, "/")+"/") // the prefix names files: "dir/a.md"
	if err != nil {
		t.Fatalf("Load(%s): %v", dir, err)
	}
	for _, w := range warns {
		t.Errorf("guide warning: %v", w)
	}
	return gs
}

// readCases reads a question set, refusing unknown fields, unknown intents,
// repeated ids and questions that check nothing.
func readCases(t testing.TB, path string) []qualityCase {
	t.Helper()
	var cases []qualityCase
	ids := map[string]bool{}
	for _, line := range readLines(t, path) {
		var c qualityCase
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("%s: %v in %.80s", path, err, line)
		}
		switch {
		case c.ID == "" || c.Q == "":
			t.Fatalf("%s: id and q are required: %.80s", path, line)
		case ids[c.ID]:
			t.Fatalf("%s: id %q repeats", path, c.ID)
		case !slices.Contains(intents, c.Intent):
			t.Fatalf("%s: %s: intent %q is none of %v", path, c.ID, c.Intent, intents)
		case !c.Abstain && c.Nocover == "" && len(c.All)+len(c.Any)+len(c.Groups) == 0:
			t.Fatalf("%s: %s checks no fact", path, c.ID)
		case (c.Intent == "offtopic") != c.Abstain:
			t.Fatalf("%s: %s: off-topic questions, and only they, abstain", path, c.ID)
		}
		ids[c.ID] = true
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no questions", path)
	}
	return cases
}

// normalize is the scorer's matching: case, thousands separators, the kind
// of dash and the spaces around it do not count.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = dashes.ReplaceAllString(s, "-")
	s = strings.NewReplacer("×", "x", "\u00a0", " ", "\u202f", " ").Replace(s)
	s = digitGroup.ReplaceAllString(s, "$1$2")
	s = aroundDash.ReplaceAllString(s, "-")
	return strings.Join(strings.Fields(s), " ")
}

var (
	dashes     = regexp.MustCompile(`[\x{2010}-\x{2015}\x{2212}]`)
	digitGroup = regexp.MustCompile(`(\d)[,'\x{202f}](\d{3})`)
	aroundDash = regexp.MustCompile(`\s*-\s*`)
)

// judge says whether a is a right answer to c, and if not, why.
func judge(c qualityCase, a advisor.Answer) (bool, string) {
	text := normalize(a.Text)
	// Digit groups overlap ("1,500,000"): normalize until stable.
	for t := normalize(text); t != text; t = normalize(text) {
		text = t
	}
	has := func(s string) bool { return strings.Contains(text, normalize(s)) }
	switch {
	case c.Abstain:
		return a.Abstained, "answered, should abstain"
	case c.Nocover != "":
		ok := a.Abstained || has(c.Nocover) && notSaid.MatchString(text)
		return ok, "does not say no guide covers " + c.Nocover
	case a.Abstained:
		return false, "abstained"
	}
	for _, s := range c.None {
		if hasWord(text, normalize(s)) {
			return false, fmt.Sprintf("says %q", s)
		}
	}
	groups := c.Groups
	if len(c.Any) > 0 {
		groups = append(slices.Clone(groups), c.Any)
	}
	for _, s := range c.All {
		groups = append(groups, []string{s})
	}
	for _, g := range groups {
		if !slices.ContainsFunc(g, has) {
			return false, fmt.Sprintf("lacks %q", g)
		}
	}
	if titles, ok := c.Cited(a); !ok {
		return false, fmt.Sprintf("cites %q, wanted %q", titles, c.Cite)
	}
	return true, ""
}

// hasWord reports whether w occurs in text at the start of a word.
func hasWord(text, w string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		if i+j == 0 || !unicode.IsLetter(rune(text[i+j-1])) {
			return true
		}
		i += j + 1
	}
}

var notSaid = regexp.MustCompile(`\bno\b|\bnot\b|n't|\bnone\b`)

// scores counts right answers per row and keeps the misses.
type scores struct {
	right, total map[string]int
	misses       []string
}

func scoreCases(t *testing.T, e *answer.Engine, cases []qualityCase) *scores {
	t.Helper()
	sc := &scores{right: map[string]int{}, total: map[string]int{}}
	for _, c := range cases {
		a, err := e.Ask(context.Background(), c.Q)
		if err != nil {
			t.Errorf("%s: Ask(%q): %v", c.ID, c.Q, err)
			continue
		}
		wellFormed(t, a)
		ok, why := judge(c, a)
		rows := []string{c.Intent}
		if c.Chat {
			rows = append(rows, chatRow)
		}
		for _, r := range rows {
			sc.total[r]++
			if ok {
				sc.right[r]++
			}
		}
		if !ok {
			sc.misses = append(sc.misses, fmt.Sprintf("%s [%s] %q: %s\n      answer: %.240s", c.ID, c.Intent, c.Q, why, a.Text))
		}
	}
	return sc
}

// report logs the score of every row and the misses, and fails a row below
// its floor.
func (sc *scores) report(t *testing.T, floors map[string]float64) {
	t.Helper()
	var b, lit strings.Builder
	right, total := 0, 0
	for _, r := range append(slices.Clone(intents), chatRow) {
		n := sc.total[r]
		if n == 0 {
			continue
		}
		if r != chatRow {
			right += sc.right[r]
			total += n
		}
		got := 100 * float64(sc.right[r]) / float64(n)
		fmt.Fprintf(&b, "\n  %-9s %3d/%-3d %5.1f%%", r, sc.right[r], n, got)
		fmt.Fprintf(&lit, "%q: %.1f, ", r, math.Floor(got*10)/10)
		if f, ok := floors[r]; ok {
			fmt.Fprintf(&b, "  (floor %.1f%%)", f)
			if got < f {
				t.Errorf("%s: %.1f%% right, below the floor of %.1f%%", r, got, f)
			}
		}
	}
	fmt.Fprintf(&b, "\n  %-9s %3d/%-3d %5.1f%%", "all", right, total, 100*float64(right)/float64(max(total, 1)))
	t.Logf("score per intent:%s\n  as floors: {%s}", b.String(), strings.TrimSuffix(lit.String(), ", "))
	if len(sc.misses) > 0 {
		t.Logf("%d misses:\n  %s", len(sc.misses), strings.Join(sc.misses, "\n  "))
	}
}

// Abstention ceilings, in percent: off-topic questions answered, on-topic
// questions abstained, when recorded. The target is under 3 each; lower a
// ceiling when the engine improves.
// Recorded when answers came to be chosen by learned weights: fewer
// off-topic questions answered (0.9 %, was 2.7 %), more on-topic ones
// refused (5.0 %, was 0); no off-topic one answered since small talk is
// chatter and a question of generic words only is refused.
const (
	falseAnswerCeiling  = 0.0
	falseAbstainCeiling = 5.0
)

// TestAbstention asks the bundled guides 100+ questions they do not answer
// (cooking, sports, weather, code errors, greetings, travel, some sharing a
// word with the guides) and 100 they do, and measures both kinds of error.
//
//	go test ./internal/answer -run TestAbstention -v
func TestAbstention(t *testing.T) {
	e := newEngine(t, bundled(t))
	rate := func(file string, wantAbstain bool) (float64, []string) {
		qs := readLines(t, filepath.Join(qualityDir, "abstain", file))
		if len(qs) < 100 {
			t.Fatalf("%s: %d questions; want at least 100", file, len(qs))
		}
		var wrong []string
		for _, q := range qs {
			a, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatalf("Ask(%q): %v", q, err)
			}
			wellFormed(t, a)
			if a.Abstained != wantAbstain {
				wrong = append(wrong, fmt.Sprintf("%q\n      answer: %.200s", q, a.Text))
			}
		}
		return 100 * float64(len(wrong)) / float64(len(qs)), wrong
	}
	for _, tt := range []struct {
		file, what  string
		wantAbstain bool
		ceiling     float64
	}{
		{"offtopic.txt", "false answers", true, falseAnswerCeiling},
		{"ontopic.txt", "false abstentions", false, falseAbstainCeiling},
	} {
		got, wrong := rate(tt.file, tt.wantAbstain)
		t.Logf("%s: %.1f%% (ceiling %.1f%%, target under 3%%)", tt.what, got, tt.ceiling)
		if len(wrong) > 0 {
			t.Logf("%s:\n  %s", tt.what, strings.Join(wrong, "\n  "))
		}
		if math.Round(got*10)/10 > tt.ceiling { // as logged
			t.Errorf("%s: %.1f%%, above the ceiling of %.1f%%", tt.what, got, tt.ceiling)
		}
	}
}

// readLines reads a file's lines, skipping blank lines and # comments.
func readLines(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for l := range strings.Lines(string(data)) {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// scaleFloors is the percentage of generated questions per intent answered
// right (the right guide cited first, its facts in the answer) when
// recorded: with each question's guide loaded alone, which measures reading
// the shapes, and with all 1,200 loaded, which adds choosing the guide. The
// issue's target is 97 for every intent. Over 1,200 guides the engine's
// answers vary from run to run by a question or two (ties the index breaks
// differently), so those floors sit one question under the lowest of six
// runs.
var scaleFloors = map[string]map[string]float64{
	"alone":       {"salary": 100.0, "price": 100.0, "next": 100.0, "ladder": 100.0, "start": 100.0, "howlong": 100.0, "list": 93.3},
	"1200 guides": {"salary": 98.3, "price": 98.3, "next": 98.3, "ladder": 98.3, "start": 98.3, "howlong": 98.3, "list": 96.6},
}

// TestQualityAtScale asks questions of every intent about guides generated in
// varied shapes: the question's role, level and place must pick the guide,
// and the answer must state its facts.
//
//	go test ./internal/answer -run TestQualityAtScale -v
func TestQualityAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,200-guide index")
	}
	gen := guidegen.GenerateVaried(1200, 1)
	gs := make([]*guide.Guide, len(gen))
	bySource := map[string]*guide.Guide{}
	for i, g := range gen {
		pg, _, err := guide.Parse(g.Name, []byte(g.Text))
		if err != nil {
			t.Fatalf("Parse(%s): %v", g.Name, err)
		}
		gs[i], bySource[g.Name] = pg, pg
	}
	qs := guidegen.Questions(gen, 60, 1)
	t.Run("alone", func(t *testing.T) {
		engines := map[string]*answer.Engine{}
		askScaled(t, qs, func(q guidegen.Question) *answer.Engine {
			if engines[q.Source] == nil {
				engines[q.Source] = newEngine(t, []*guide.Guide{bySource[q.Source]})
			}
			return engines[q.Source]
		}, scaleFloors["alone"])
	})
	t.Run("1200 guides", func(t *testing.T) {
		e := newEngine(t, gs)
		askScaled(t, qs, func(guidegen.Question) *answer.Engine { return e }, scaleFloors["1200 guides"])
	})
}

// askScaled asks every question of the engine engineFor gives it and reports
// the scores per intent, and the misses per intent and shape.
func askScaled(t *testing.T, qs []guidegen.Question, engineFor func(guidegen.Question) *answer.Engine, floors map[string]float64) {
	sc := &scores{right: map[string]int{}, total: map[string]int{}}
	missedShapes := map[string]int{}
	for _, q := range qs {
		a, err := engineFor(q).Ask(context.Background(), q.Q)
		if err != nil {
			t.Fatalf("Ask(%q): %v", q.Q, err)
		}
		wellFormed(t, a)
		ok, why := judge(qualityCase{Case: eval.Case{Groups: q.Groups, None: q.None}}, a)
		if ok && (len(a.Citations) == 0 || a.Citations[0].Source != q.Source) {
			ok, why = false, "first citation not from "+q.Source
		}
		sc.total[q.Intent]++
		if ok {
			sc.right[q.Intent]++
			continue
		}
		missedShapes[q.Intent+"/"+q.Shape]++
		sc.misses = append(sc.misses, fmt.Sprintf("[%s, %s] %q: %s\n      answer: %.240s", q.Intent, q.Shape, q.Q, why, a.Text))
	}
	var shapes []string
	for k, n := range missedShapes {
		shapes = append(shapes, fmt.Sprintf("%s %d", k, n))
	}
	slices.Sort(shapes)
	t.Logf("misses by intent/shape: %s", strings.Join(shapes, ", "))
	sc.report(t, floors)
}
