package reload_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/logtest"
	"github.com/careerbot/careerbot/internal/reload"
)

// dirBuild builds real engines from the guides in dirs, as serve does:
// a directory that cannot be read fails the build.
func dirBuild(dirs ...string) reload.Build {
	return func() (reload.Engine, error) {
		var all []*guide.Guide
		for _, dir := range dirs {
			gs, _, err := guide.LoadDir(dir, "")
			if err != nil {
				return nil, err
			}
			all = append(all, gs...)
		}
		if len(all) == 0 {
			return nil, errors.New("no guides")
		}
		return answer.New(all)
	}
}

func writeGuide(t *testing.T, dir, name, role string) {
	t.Helper()
	text := fmt.Sprintf("# %s careers\n\n## Salary\n\nA junior %s in Portugal earns €2,000–€3,000 per month.\n", role, role)
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func newLive(t *testing.T, b reload.Build) (*reload.Live, *prometheus.Registry, *logtest.Buffer) {
	t.Helper()
	reg := prometheus.NewRegistry()
	logs := &logtest.Buffer{}
	l, err := reload.New(b, slog.New(slog.NewJSONHandler(logs, nil)), reg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, reg, logs
}

// value returns the value of metric name (a gauge, or a counter with the
// label value label) from reg.
func value(t *testing.T, reg *prometheus.Registry, name, label string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			if label == "" {
				return m.GetGauge().GetValue()
			}
			if m.GetLabel()[0].GetValue() == label {
				return m.GetCounter().GetValue()
			}
		}
	}
	t.Fatalf("no %s{%s}", name, label)
	return 0
}

func TestReload(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "a.md", "Data Engineer")
	l, reg, logs := newLive(t, dirBuild(dir))
	if n := len(l.Guides()); n != 1 || value(t, reg, "careerbot_guides", "") != 1 {
		t.Fatalf("%d guides; want 1", n)
	}

	writeGuide(t, dir, "b.md", "Robotics Engineer")
	if err := l.Reload("signal"); err != nil {
		t.Fatal(err)
	}
	if n := len(l.Guides()); n != 2 || value(t, reg, "careerbot_guides", "") != 2 || value(t, reg, "careerbot_sections", "") != 2 {
		t.Errorf("after adding a guide: %d guides, gauges %v/%v; want 2", n, value(t, reg, "careerbot_guides", ""), value(t, reg, "careerbot_sections", ""))
	}
	if got := l.Suggest(advisor.SuggestRole, "robot", 5); len(got) == 0 {
		t.Error("suggestions do not follow the new guide")
	}
	ans, err := l.Ask(context.Background(), "junior robotics engineer salary in Portugal")
	if err != nil || ans.Abstained || !strings.Contains(ans.Text, "€2,000") {
		t.Errorf("Ask after reload = %+v, %v; want the new guide's figure", ans, err)
	}

	ans, err = l.AskTurn(context.Background(), advisor.Turn{Question: "and for a junior?", Previous: "robotics engineer salary in Portugal"})
	if err != nil || !strings.Contains(ans.Text, "€2,000") {
		t.Errorf("AskTurn after reload = %+v, %v; want the new guide's figure", ans, err)
	}

	// Every guide broken: the previous engine stays.
	for _, f := range []string{"a.md", "b.md"} {
		os.Remove(filepath.Join(dir, f))
	}
	if err := l.Reload("signal"); err == nil {
		t.Error("a reload with no guides succeeded")
	}
	if n := len(l.Guides()); n != 2 {
		t.Errorf("after a failed reload: %d guides; want the previous 2", n)
	}
	for result, want := range map[string]float64{"ok": 1, "failed": 1} {
		if got := value(t, reg, "careerbot_reloads_total", result); got != want {
			t.Errorf("careerbot_reloads_total{result=%q} = %v; want %v", result, got, want)
		}
	}
	if !strings.Contains(logs.String(), `"msg":"guides reloaded","trigger":"signal","guides":2,"sections":2`) ||
		!strings.Contains(logs.String(), `"msg":"guides reload failed; serving the previous guides"`) {
		t.Errorf("logs lack the reload lines:\n%s", logs)
	}
}

// slowEngine blocks its answers until release is closed, and records
// whether it was closed.
type slowEngine struct {
	id      string
	started chan struct{}
	release chan struct{}
	closed  atomic.Bool
}

func (e *slowEngine) Ask(ctx context.Context, q string) (advisor.Answer, error) {
	if e.closed.Load() {
		return advisor.Answer{}, errors.New("asked a closed engine")
	}
	close(e.started)
	<-e.release
	if e.closed.Load() {
		return advisor.Answer{}, errors.New("closed while answering")
	}
	return advisor.Answer{Text: e.id}, nil
}
func (e *slowEngine) AskTurn(ctx context.Context, t advisor.Turn) (advisor.Answer, error) {
	return e.Ask(ctx, t.Question)
}
func (e *slowEngine) Guides() []advisor.GuideInfo                       { return []advisor.GuideInfo{{Title: e.id}} }
func (e *slowEngine) Suggest(advisor.SuggestKind, string, int) []string { return nil }
func (e *slowEngine) Close() error                                      { e.closed.Store(true); return nil }

// TestInFlight checks a question finishes on the engine it started on,
// which is closed only after it.
func TestInFlight(t *testing.T) {
	engines := []*slowEngine{
		{id: "old", started: make(chan struct{}), release: make(chan struct{})},
		{id: "new", started: make(chan struct{}), release: make(chan struct{})},
	}
	var n atomic.Int32
	l, _, _ := newLive(t, func() (reload.Engine, error) { return engines[n.Add(1)-1], nil })
	done := make(chan advisor.Answer)
	go func() {
		ans, err := l.Ask(context.Background(), "q")
		if err != nil {
			t.Error(err)
		}
		done <- ans
	}()
	<-engines[0].started
	if err := l.Reload("signal"); err != nil {
		t.Fatal(err)
	}
	if g := l.Guides(); g[0].Title != "new" {
		t.Errorf("serving %q after the swap; want new", g[0].Title)
	}
	time.Sleep(50 * time.Millisecond) // give a wrong early Close its chance
	if engines[0].closed.Load() {
		t.Fatal("the old engine was closed with a question in flight")
	}
	close(engines[0].release)
	if ans := <-done; ans.Text != "old" {
		t.Errorf("the question in flight answered from %q; want old", ans.Text)
	}
	l.Close()
	if !engines[0].closed.Load() || !engines[1].closed.Load() {
		t.Error("Close left an engine open")
	}
	if _, err := l.Ask(context.Background(), "q"); err == nil {
		t.Error("Ask after Close succeeded")
	}
	if err := l.Reload("signal"); err == nil || n.Load() != 2 {
		t.Errorf("Reload after Close = %v after %d builds; want an error and no build", err, n.Load())
	}
}

// TestConcurrentReloads asks from many goroutines while reloading; run
// with -race. No question may fail.
func TestConcurrentReloads(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "a.md", "Data Engineer")
	l, _, _ := newLive(t, dirBuild(dir))
	var stop atomic.Bool
	var wg sync.WaitGroup
	var asked, failed atomic.Int64
	for range 8 {
		wg.Go(func() {
			for !stop.Load() {
				asked.Add(1)
				if ans, err := l.Ask(context.Background(), "junior data engineer salary in Portugal"); err != nil || ans.Abstained {
					if failed.Add(1) == 1 {
						t.Logf("first failure: %v %+v", err, ans)
					}
				}
				l.Suggest(advisor.SuggestRole, "data", 5)
			}
		})
	}
	for i := range 5 {
		writeGuide(t, dir, fmt.Sprintf("r%d.md", i), "MLOps Engineer")
		if err := l.Reload("signal"); err != nil {
			t.Error(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if failed.Load() > 0 || asked.Load() == 0 {
		t.Errorf("%d of %d questions failed during reloads", failed.Load(), asked.Load())
	}
}

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "a.md", "Data Engineer")
	l, _, logs := newLive(t, dirBuild(dir))
	watch(t, l, 50*time.Millisecond, dir)
	waitGuides := func(want int, why string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for len(l.Guides()) != want {
			if time.Now().After(deadline) {
				t.Fatalf("%s: %d guides; want %d\n%s", why, len(l.Guides()), want, logs)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	time.Sleep(20 * time.Millisecond) // let the watch start
	// Several files at once: one reload after they settle.
	for i := range 3 {
		writeGuide(t, dir, fmt.Sprintf("b%d.md", i), "NLP Engineer")
	}
	waitGuides(4, "three files added")
	// The new engine is served before its reload is logged: wait for the
	// line, then a debounce more for any second reload of the burst.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(logs.String(), `"guides reloaded"`); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the reload was not logged:\n%s", logs)
		}
	}
	time.Sleep(100 * time.Millisecond)
	if n := strings.Count(logs.String(), `"guides reloaded"`); n != 1 {
		t.Errorf("%d reloads for one burst of writes; want 1", n)
	}
	sub := filepath.Join(dir, "more")
	os.Mkdir(sub, 0o755)
	time.Sleep(100 * time.Millisecond) // the new directory is watched once seen
	writeGuide(t, sub, "c.md", "Data Analyst")
	waitGuides(5, "a guide in a new subdirectory")
	os.Remove(filepath.Join(dir, "b0.md"))
	waitGuides(4, "a guide removed")
}
