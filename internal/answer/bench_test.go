package answer_test

import (
	"context"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/guidegen"
	"github.com/careerbot/careerbot/knowledge"
)

// scaleGuides is the size of the generated corpus the scale benchmarks and
// tests use: one guide per role and place.
const scaleGuides = 1000

func parseGenerated(tb testing.TB, n int) ([]*guide.Guide, []guidegen.Guide) {
	tb.Helper()
	gen := guidegen.Generate(n, 1)
	gs := make([]*guide.Guide, len(gen))
	for i, g := range gen {
		pg, _, err := guide.Parse(g.Name, []byte(g.Text))
		if err != nil {
			tb.Fatalf("Parse(%s): %v", g.Name, err)
		}
		gs[i] = pg
	}
	return gs, gen
}

func bundled(tb testing.TB) []*guide.Guide {
	tb.Helper()
	gs, _, err := guide.Load(knowledge.Guides(), "")
	if err != nil {
		tb.Fatal(err)
	}
	return gs
}

var benchQuestions = []string{
	"How much does a senior ML engineer make in Romania?",
	"what should I learn after PyTorch?",
	"Do I need Docker and Kubernetes?",
	"What does a data scientist do?",
	"Give me a recipe for pancakes",
}

// BenchmarkAskBundled measures one question on the bundled guides.
func BenchmarkAskBundled(b *testing.B) {
	e, err := answer.New(bundled(b))
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	askLoop(b, e, benchQuestions)
}

// askLoop asks qs in turn and reports the 50th and 99th percentile
// latencies besides the mean.
func askLoop(b *testing.B, e *answer.Engine, qs []string) {
	ctx := context.Background()
	var lat []time.Duration
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, err := e.Ask(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// typedQuestions are asked as people type them in chat: typos (each
// answered twice, to tell whether the correction changed the answer),
// shorthand and chatter.
var typedQuestions = []string{
	"jr DS salery in the US",
	"mid lvl MLE comp in romaina",
	"learnt tensorflw whats next",
	"yo sr data scientist pay usa?? 🙏",
}

// BenchmarkAskTypedBundled measures one question typed as in chat on the
// bundled guides.
func BenchmarkAskTypedBundled(b *testing.B) {
	e, err := answer.New(bundled(b))
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	askLoop(b, e, typedQuestions)
}

// BenchmarkParseAndIndex1000 measures reading 1,000 guides and building
// the engine over them, and reports the heap the engine keeps.
func BenchmarkParseAndIndex1000(b *testing.B) {
	gen := guidegen.Generate(scaleGuides, 1)
	b.ReportAllocs()
	benchBuild(b, func() []*guide.Guide {
		gs := make([]*guide.Guide, len(gen))
		for i, g := range gen {
			gs[i], _, _ = guide.Parse(g.Name, []byte(g.Text))
		}
		return gs
	})
}

// benchBuild builds the engine over the guides parse reads, once an
// iteration, and reports the heap the engine keeps.
func benchBuild(b *testing.B, parse func() []*guide.Guide) {
	var kept uint64
	for b.Loop() {
		e, err := answer.New(parse())
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		kept = ms.HeapAlloc
		e.Close()
	}
	b.ReportMetric(float64(kept)/(1<<20), "heap-MB")
}

// BenchmarkBuildVaried measures reading guides of every generated shape and
// building the engine over them: 1,200 guides, and four copies of them
// (4,800), and reports the heap the engine keeps.
func BenchmarkBuildVaried(b *testing.B) {
	gen := guidegen.GenerateVaried(1200, 1)
	for _, copies := range []int{1, 4} {
		b.Run(strconv.Itoa(copies*len(gen)), func(b *testing.B) {
			benchBuild(b, func() []*guide.Guide {
				var gs []*guide.Guide
				for c := range copies {
					for _, g := range gen {
						pg, _, _ := guide.Parse(strconv.Itoa(c)+"/"+g.Name, []byte(g.Text))
						gs = append(gs, pg)
					}
				}
				return gs
			})
		})
	}
}

// BenchmarkAsk1000 measures one question over 1,000 guides.
func BenchmarkAsk1000(b *testing.B) {
	gs, _ := parseGenerated(b, scaleGuides)
	e, err := answer.New(gs)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	qs := append([]string{
		"How much does a senior data engineer earn in Portugal?",
		"what should I learn after XGBoost?",
		"How long does the production systems stage take?",
	}, benchQuestions...)
	askLoop(b, e, qs)
}

// BenchmarkAskTyped1000 measures one question typed as in chat over 1,000
// guides.
func BenchmarkAskTyped1000(b *testing.B) {
	gs, _ := parseGenerated(b, scaleGuides)
	e, err := answer.New(gs)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	askLoop(b, e, append([]string{
		"sr data enginer salery in portugl",
		"done with xgbost whats next",
	}, typedQuestions...))
}
