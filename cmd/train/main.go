// Command train fits the answer engine's weights — internal/answer/weights.json,
// the one table that scores every option the engine weighs for a question —
// from labelled questions, and reports the fit cross-validated by guide.
//
//	go run ./cmd/train            # fit, report, write internal/answer/weights.json
//	go run ./cmd/train -n         # fit and report only
//
// The questions are the project's own (internal/answer/testdata/quality,
// generated guides from internal/guidegen) and the visible sets beside the
// checkout (../shared/eval), read at training time and never copied in.
// Every question's options are gathered once; each is labelled right or
// wrong by the scorer's rules (internal/eval); the weights are those of a
// conditional logit over a question's options and "no answer" (whose score
// is 0), fitted by gradient descent with an L2 penalty. The reported
// cross-validated score holds each guide's questions out of the fit that
// answers them: k folds of guides, each scored with weights fitted on the
// others.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/eval"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/guidegen"
	"github.com/careerbot/careerbot/knowledge"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// config is what a run reads and writes.
type config struct {
	shared    string // the visible evaluation sets
	quality   string // the project's own question sets
	out       string // where the fitted table goes
	write     bool
	folds     int
	generated int // generated guides to ask about
	l2        float64
	iters     int
	verbose   bool
	refine    bool // climb on accuracy after the logit
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	var c config
	fs.StringVar(&c.shared, "shared", "../shared/eval", "directory of the visible evaluation sets")
	fs.StringVar(&c.quality, "quality", "internal/answer/testdata/quality", "directory of the project's own question sets")
	fs.StringVar(&c.out, "out", "internal/answer/weights.json", "the weights file to write")
	dry := fs.Bool("n", false, "fit and report, but write nothing")
	fs.IntVar(&c.folds, "folds", 5, "folds of guides for cross-validation")
	fs.IntVar(&c.generated, "generated", 240, "generated guides to ask about")
	fs.Float64Var(&c.l2, "l2", 0.0001, "L2 penalty on the weights")
	fs.IntVar(&c.iters, "iters", 3000, "gradient steps")
	fs.BoolVar(&c.refine, "refine", false, "climb on the count of right answers after the logit (fits the training sets closer; cross-validates no better)")
	fs.BoolVar(&c.verbose, "v", false, "print every question the fitted weights answer wrong")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c.write = !*dry
	start := time.Now()
	qs, err := gather(c)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d questions, %d options, gathered in %s\n", len(qs), countOptions(qs), time.Since(start).Round(time.Millisecond))
	reachable := 0
	for _, q := range qs {
		if q.reachable() {
			reachable++
		}
	}
	fmt.Fprintf(stdout, "an option is right for %d (%.1f%%): the most any weights can score\n", reachable, pct(reachable, len(qs)))

	logit := fit(qs, c.l2, c.iters)
	w := logit
	if c.refine {
		w = refine(qs, logit)
	}
	train := score(qs, w)
	cv, cvLogit := crossValidate(qs, c)
	reach := newTally()
	for _, q := range qs {
		reach.add(q.set, q.reachable())
	}
	trainLogit := score(qs, logit)
	fmt.Fprintf(stdout, "\n%-10s %9s %9s %9s %9s %9s\n", "set", "train", "cross-val", "logit", "logit cv", "reachable")
	for _, set := range setNames(qs) {
		fmt.Fprintf(stdout, "%-10s %9s %9s %9s %9s %9s\n", set, train.of(set), cv.of(set), trainLogit.of(set), cvLogit.of(set), reach.of(set))
	}
	fmt.Fprintf(stdout, "%-10s %9s %9s %9s %9s %9s\n", "all", train.all(), cv.all(), trainLogit.all(), cvLogit.all(), reach.all())
	if c.verbose {
		for _, q := range qs {
			if !q.reachable() {
				fmt.Fprintf(stdout, "unreachable %s %s: %q\n", q.set, q.id, q.text)
				for i := range q.opts[:min(3, len(q.opts))] {
					fmt.Fprintf(stdout, "   option %s\n", q.describe(i))
				}
			}
		}
		for _, q := range qs {
			if i := choice(q, w); !q.right(i) {
				fmt.Fprintf(stdout, "miss %s %s: %q\n   chose %s\n", q.set, q.id, q.text, q.describe(i))
				best := -1
				for j := range q.opts {
					if q.credit[j] > 0 && (best < 0 || dot(w, q.opts[j].Features) > dot(w, q.opts[best].Features)) {
						best = j
					}
				}
				if best >= 0 {
					fmt.Fprintf(stdout, "   right %s\n", q.describe(best))
					if i >= 0 {
						fmt.Fprintf(stdout, "   %s\n", diff(w, q.opts[i].Features, q.opts[best].Features))
					}
				}
			}
		}
	}
	// With the runner-up said too when it scores within a margin of the best.
	for _, margin := range []float64{0.5, 1, 2} {
		t := newTally()
		for _, q := range qs {
			i := choice(q, w)
			ok := q.right(i)
			if i >= 0 && !ok {
				best, second := dot(w, q.opts[i].Features), -1
				for j := range q.opts {
					if j != i && q.opts[j].Answer.Text != q.opts[i].Answer.Text && (second < 0 || dot(w, q.opts[j].Features) > dot(w, q.opts[second].Features)) {
						second = j
					}
				}
				quoted := func(k int) bool { return q.opts[k].Kind == "passage" || q.opts[k].Kind == "naive" }
				ok = second >= 0 && quoted(i) && quoted(second) && q.credit[second] > 0 && dot(w, q.opts[second].Features) >= best-margin
			}
			t.add(q.set, ok)
		}
		fmt.Fprintf(stdout, "with the runner-up within %.1f: %s (others2 %s)\n", margin, t.all(), t.of("others2"))
	}
	// The questions the plain BM25 paragraph answers and the engine misses.
	lost := newTally()
	for _, q := range qs {
		if n := slices.IndexFunc(q.opts, func(o answer.Candidate) bool { return o.Kind == "naive" }); n >= 0 && q.credit[n] > 0 {
			lost.add(q.set, !q.right(choice(q, w)))
		}
	}
	fmt.Fprintf(stdout, "\nthe plain paragraph answers right, the engine does not:")
	for _, set := range setNames(qs) {
		fmt.Fprintf(stdout, " %s %d/%d", set, lost.right[set], lost.total[set])
	}
	fmt.Fprintln(stdout)
	names := answer.FeatureNames()
	fmt.Fprintln(stdout, "\nweights:")
	for i, n := range names {
		fmt.Fprintf(stdout, "  %-16s %+.3f\n", n, w[i])
	}
	if !c.write {
		return nil
	}
	return writeWeights(c, w, train, cv, len(qs))
}

// question is one labelled question with its options gathered.
type question struct {
	set, id, text string
	group         string // the guide it is about: a fold holds a group whole
	opts          []answer.Candidate
	// credit is what each option is worth: 1 right, less for right only
	// through a cited snippet, 0 wrong. abstain is the credit of answering
	// nothing.
	credit  []float64
	abstain float64
}

func (q *question) reachable() bool {
	return q.abstain > 0 || slices.ContainsFunc(q.credit, func(c float64) bool { return c > 0 })
}

// right reports whether choosing option i (-1: no answer) is right.
func (q *question) right(i int) bool {
	if i < 0 {
		return q.abstain > 0
	}
	return q.credit[i] > 0
}

func (q *question) describe(i int) string {
	if i < 0 {
		return "no answer"
	}
	return q.opts[i].Kind + ": " + clip(q.opts[i].Answer.Text, 200)
}

// brevity scales an answer's credit by its length: a sentence or two
// that states the facts beats the whole list they sit in.
func brevity(text string) float64 {
	return 0.7 + 0.3*min(1, 220/float64(max(1, len(text))))
}

// indirect is the credit of an option right only through a cited snippet:
// the scorer counts it, a reader of the answer's text may not see it.
const indirect = 0.6

// set is a question set and the guides it is asked over.
type set struct {
	name    string
	cases   []eval.Case
	guides  []*guide.Guide
	group   func(i int, c eval.Case) string
	anyText bool // any answer is right (questions the guides answer, without facts to check)
}

// gather reads every set, asks its questions and labels the options.
func gather(c config) ([]*question, error) {
	sets, err := sets(c)
	if err != nil {
		return nil, err
	}
	var out []*question
	for _, s := range sets {
		// Features are gathered with no weights: the table being fitted
		// may name features the engine no longer has.
		e, err := answer.New(s.guides, answer.WithWeights(answer.Weights{}), answer.WithStableTies())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		for i, cs := range s.cases {
			opts, err := e.Candidates(context.Background(), cs.Q)
			if err != nil {
				e.Close()
				return nil, fmt.Errorf("%s %s: %w", s.name, cs.ID, err)
			}
			q := &question{set: s.name, id: cs.ID, text: cs.Q, group: s.name + ":" + s.group(i, cs), opts: opts}
			for _, o := range opts {
				r := eval.Judge(cs, o.Answer)
				credit := 0.0
				switch {
				case s.anyText, r.Direct:
					credit = 1
				case r.OK:
					credit = indirect
				}
				q.credit = append(q.credit, credit*brevity(o.Answer.Text))
			}
			if !s.anyText && eval.Judge(cs, answerNothing).OK {
				q.abstain = 1
			}
			out = append(out, q)
		}
		e.Close()
	}
	return out, nil
}

// answerNothing stands for the engine's abstention when judging.
var answerNothing = answerAbstained()

// sets reads the question sets and the guides they are asked over.
func sets(c config) ([]set, error) {
	bundled, _, err := guide.Load(knowledge.Guides(), "")
	if err != nil {
		return nil, err
	}
	load := func(dir string) ([]*guide.Guide, error) {
		gs, _, err := guide.Load(os.DirFS(dir), strings.TrimSuffix(dir, "/")+"/")
		return gs, err
	}
	byCite := func(i int, cs eval.Case) string {
		if len(cs.Cite) > 0 {
			return strings.ToLower(cs.Cite[0])
		}
		return fmt.Sprintf("uncited-%d", i%c.folds) // abstentions spread over the folds
	}
	var out []set
	add := func(name, file string, gs []*guide.Guide) error {
		cases, err := eval.Read(file)
		if err != nil {
			return err
		}
		out = append(out, set{name: name, cases: cases, guides: gs, group: byCite})
		return nil
	}
	// The project's own sets, as testdata/quality/sets.json lists them.
	data, err := os.ReadFile(filepath.Join(c.quality, "sets.json"))
	if err != nil {
		return nil, err
	}
	var own []struct {
		Name, File, Dir          string
		Bundled, Repeat, Heldout bool
	}
	if err := json.Unmarshal(data, &own); err != nil {
		return nil, fmt.Errorf("sets.json: %w", err)
	}
	dirs := map[string][]*guide.Guide{}
	for _, o := range own {
		if o.Repeat || o.Heldout {
			continue // the same questions again, over more guides; or a fold kept from every fit
		}
		var gs []*guide.Guide
		if o.Bundled {
			gs = append(gs, bundled...)
		}
		if o.Dir != "" {
			if dirs[o.Dir] == nil {
				if dirs[o.Dir], err = load(filepath.Join(c.quality, o.Dir)); err != nil {
					return nil, err
				}
			}
			gs = append(gs, dirs[o.Dir]...)
		}
		if err := add(o.Name, filepath.Join(c.quality, o.File), gs); err != nil {
			return nil, err
		}
	}
	for _, l := range []struct {
		name, file string
		anyText    bool
	}{{"offtopic", "offtopic.txt", false}, {"ontopic", "ontopic.txt", true}} {
		lines, err := readLines(filepath.Join(c.quality, "abstain", l.file))
		if err != nil {
			return nil, err
		}
		var cases []eval.Case
		for i, q := range lines {
			cases = append(cases, eval.Case{ID: fmt.Sprintf("%s-%d", l.name, i+1), Q: q, Abstain: !l.anyText})
		}
		out = append(out, set{name: l.name, cases: cases, guides: bundled, anyText: l.anyText,
			group: func(i int, _ eval.Case) string { return fmt.Sprintf("%d", i%c.folds) }})
	}
	if c.generated > 0 {
		gen := guidegen.GenerateVaried(c.generated, 7)
		var gs []*guide.Guide
		title := map[string]string{}
		for _, g := range gen {
			pg, _, err := guide.Parse(g.Name, []byte(g.Text))
			if err != nil {
				return nil, fmt.Errorf("generated %s: %w", g.Name, err)
			}
			gs = append(gs, pg)
			title[g.Name] = pg.Title
		}
		var cases []eval.Case
		for i, q := range guidegen.Questions(gen, c.generated/12, 7) {
			cases = append(cases, eval.Case{ID: fmt.Sprintf("gen-%d", i), Q: q.Q, Groups: q.Groups, None: q.None, Cite: []string{title[q.Source]}})
		}
		out = append(out, set{name: "generated", cases: cases, guides: gs, group: byCite})
	}
	// The visible sets beside the checkout, when they are there.
	for _, v := range []struct{ name, file, dir string }{
		{"dev", "dev.jsonl", ""}, {"others", "others.jsonl", "others"}, {"others2", "others2.jsonl", "others2"},
	} {
		file := filepath.Join(c.shared, v.file)
		if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
			continue
		}
		gs := bundled
		if v.dir != "" {
			if gs, err = load(filepath.Join(c.shared, v.dir)); err != nil {
				return nil, err
			}
		}
		if err := add(v.name, file, gs); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, nil
}

func countOptions(qs []*question) int {
	n := 0
	for _, q := range qs {
		n += len(q.opts)
	}
	return n
}

// fit returns the weights of a conditional logit over each question's
// options and "no answer" (score 0): the probability of an option is
// exp(w·f) over the sum for all of them, and the fit maximises, for every
// question an option answers, the log of the credit-weighted probability
// of its right options, less l2 times the squared weights (all but the
// bias). Adam steps, from zero; a weight whose sign the engine fixes
// (answer.FeatureSign) is kept on its side of zero.
func fit(qs []*question, l2 float64, iters int) []float64 {
	names := answer.FeatureNames()
	n := len(names)
	w := make([]float64, n)
	signs := make([]int, n)
	for k, name := range names {
		signs[k] = answer.FeatureSign(name)
	}
	m, v := make([]float64, n), make([]float64, n)
	const rate, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
	grad := make([]float64, n)
	var used []*question
	for _, q := range qs {
		if q.reachable() {
			used = append(used, q)
		}
	}
	for it := 1; it <= iters; it++ {
		clear(grad)
		for _, q := range used {
			// softmax over options and "no answer"
			scores := make([]float64, len(q.opts))
			hi := 0.0
			for i, o := range q.opts {
				scores[i] = dot(w, o.Features)
				hi = max(hi, scores[i])
			}
			z := math.Exp(-hi) // "no answer"
			zc := q.abstain * z
			p := make([]float64, len(q.opts))
			for i := range q.opts {
				p[i] = math.Exp(scores[i] - hi)
				z += p[i]
				zc += q.credit[i] * p[i]
			}
			// d/dw of -log(zc/z) = E_p[f] - E_{p·credit}[f]
			for i, o := range q.opts {
				pi, ci := p[i]/z, q.credit[i]*p[i]/zc
				for k, x := range o.Features {
					grad[k] += (pi - ci) * x
				}
			}
		}
		for k := range grad {
			grad[k] /= float64(len(used))
			if k > 0 {
				grad[k] += 2 * l2 * w[k]
			}
			m[k] = b1*m[k] + (1-b1)*grad[k]
			v[k] = b2*v[k] + (1-b2)*grad[k]*grad[k]
			mh, vh := m[k]/(1-math.Pow(b1, float64(it))), v[k]/(1-math.Pow(b2, float64(it)))
			w[k] -= rate * mh / (math.Sqrt(vh) + eps)
			// Projected onto the side of zero the evidence fixes.
			if signs[k] > 0 && w[k] < 0 || signs[k] < 0 && w[k] > 0 {
				w[k] = 0
			}
		}
	}
	return w
}

// diff lists the features that score the chosen option above the right
// one, largest first: what a miss turns on.
func diff(w, chosen, right []float64) string {
	names := answer.FeatureNames()
	type d struct {
		name string
		v    float64
	}
	var ds []d
	for k := range w {
		if v := w[k] * (chosen[k] - right[k]); math.Abs(v) > 0.05 {
			ds = append(ds, d{names[k], v})
		}
	}
	sort.Slice(ds, func(i, j int) bool { return math.Abs(ds[i].v) > math.Abs(ds[j].v) })
	var b strings.Builder
	for _, x := range ds[:min(6, len(ds))] {
		fmt.Fprintf(&b, "%s %+.2f  ", x.name, x.v)
	}
	return b.String()
}

// refine climbs from the logit's weights on the number of questions
// answered right, one weight at a time (coordinate ascent): the logit fits
// probabilities, the engine only takes the best option.
func refine(qs []*question, w []float64) []float64 {
	w = slices.Clone(w)
	right := func() int {
		n := 0
		for _, q := range qs {
			if q.right(choice(q, w)) {
				n++
			}
		}
		return n
	}
	best := right()
	for pass := 0; pass < 4; pass++ {
		improved := false
		for k := range w {
			for _, step := range []float64{0.5, -0.5, 0.2, -0.2, 0.05, -0.05} {
				old := w[k]
				w[k] = old + step*max(1, math.Abs(old))
				if n := right(); n > best {
					best, improved = n, true
				} else {
					w[k] = old
				}
			}
		}
		if !improved {
			break
		}
	}
	return w
}

func dot(w, f []float64) float64 {
	t := 0.0
	for i, x := range f {
		t += w[i] * x
	}
	return t
}

// choice is the option the weights answer with, -1 for none.
func choice(q *question, w []float64) int {
	best, bestScore := -1, 0.0
	for i, o := range q.opts {
		if s := dot(w, o.Features); s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// tally counts right answers per set.
type tally struct{ right, total map[string]int }

func newTally() tally { return tally{map[string]int{}, map[string]int{}} }

func (t tally) add(set string, ok bool) {
	t.total[set]++
	if ok {
		t.right[set]++
	}
}

func (t tally) of(set string) string {
	return fmt.Sprintf("%d/%d", t.right[set], t.total[set])
}

func (t tally) sums() (int, int) {
	r, n := 0, 0
	for s := range t.total {
		r += t.right[s]
		n += t.total[s]
	}
	return r, n
}

func (t tally) all() string {
	r, n := t.sums()
	return fmt.Sprintf("%.1f%%", pct(r, n))
}

func score(qs []*question, w []float64) tally {
	t := newTally()
	for _, q := range qs {
		t.add(q.set, q.right(choice(q, w)))
	}
	return t
}

// crossValidate scores every question with weights fitted on the folds
// that do not hold its guide, refined and as the logit fits them.
func crossValidate(qs []*question, c config) (tally, tally) {
	fold := func(q *question) int {
		h := fnv.New32a()
		h.Write([]byte(q.group))
		return int(h.Sum32() % uint32(c.folds))
	}
	t, tl := newTally(), newTally()
	for k := range c.folds {
		var train, test []*question
		for _, q := range qs {
			if fold(q) == k {
				test = append(test, q)
			} else {
				train = append(train, q)
			}
		}
		logit := fit(train, c.l2, c.iters)
		w := logit
		if c.refine {
			w = refine(train, logit)
		}
		for _, q := range test {
			t.add(q.set, q.right(choice(q, w)))
			tl.add(q.set, q.right(choice(q, logit)))
		}
	}
	return t, tl
}

func setNames(qs []*question) []string {
	var out []string
	for _, q := range qs {
		if !slices.Contains(out, q.set) {
			out = append(out, q.set)
		}
	}
	return out
}

func writeWeights(c config, w []float64, train, cv tally, n int) error {
	weights := map[string]float64{}
	for i, name := range answer.FeatureNames() {
		weights[name] = math.Round(w[i]*1e4) / 1e4
	}
	tr, tn := train.sums()
	cr, cn := cv.sums()
	sets := map[string]string{}
	names := setNames(nil)
	for s := range train.total {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		sets[s] = train.of(s) + " train, " + cv.of(s) + " cross-validated"
	}
	doc := map[string]any{
		"weights": weights,
		"fitted": map[string]any{
			"by":            "go run ./cmd/train",
			"questions":     n,
			"train":         fmt.Sprintf("%d/%d", tr, tn),
			"crossval":      fmt.Sprintf("%d/%d (%d folds of guides)", cr, cn, c.folds),
			"sets":          sets,
			"l2":            c.l2,
			"generated":     c.generated,
			"gradientSteps": c.iters,
		},
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(c.out, append(data, '\n'), 0o644)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func answerAbstained() advisor.Answer {
	return advisor.Answer{Text: "I can't answer that from the guides I have.", Abstained: true}
}
