package bots_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/shared"
)

func TestCut(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"fits", "short", 10, "short"},
		{"at a word", "the quick brown fox jumps", 16, "the quick brown…"},
		{"multibyte runes", "€€€€€€€€€€", 5, "€€€€…"},
		{"never splits an entity", "aaaaaaaaaaaaaaaaaa &amp;", 22, "aaaaaaaaaaaaaaaaaa…"},
		{"never leaves a backslash", `abcdefgh\*`, 10, `abcdefgh\*`},
		{"drops a dangling backslash", `abcdefgh\*xyz`, 10, `abcdefgh…`},
		{"zero", "anything", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bots.Cut(tt.in, tt.max)
			if got != tt.want {
				t.Errorf("Cut(%q, %d) = %q; want %q", tt.in, tt.max, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.max || !utf8.ValidString(got) {
				t.Errorf("Cut(%q, %d) = %q: %d runes, valid %v", tt.in, tt.max, got, n, utf8.ValidString(got))
			}
		})
	}
}

func answerWith(n int, snippet string) advisor.Answer {
	a := advisor.Answer{Text: strings.Repeat("word ", 2000), Guides: 2}
	for i := 1; i <= n; i++ {
		a.Citations = append(a.Citations, advisor.Citation{N: i, Title: "Guide", Section: "Pay", Snippet: snippet, Source: "g.md", Line: i})
	}
	return a
}

func TestRenderLimits(t *testing.T) {
	lim := bots.Limits{Text: 4096, Label: 256, Snippet: 1000, Sources: 24, Total: 5700}
	tests := []struct {
		name        string
		a           advisor.Answer
		wantSources int
	}{
		{"few sources", answerWith(3, "short"), 3},
		{"sources over the count", answerWith(40, "short"), 24},
		{"sources over the total", answerWith(10, strings.Repeat("long ", 300)), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bots.Render(tt.a, func(s string) string { return s }, lim)
			if len(r.Sources) != tt.wantSources {
				t.Errorf("%d sources; want %d", len(r.Sources), tt.wantSources)
			}
			if r.Len() > lim.Total {
				t.Errorf("reply is %d characters; limit %d", r.Len(), lim.Total)
			}
			if utf8.RuneCountInString(r.Text) > lim.Text {
				t.Errorf("text is %d characters; limit %d", utf8.RuneCountInString(r.Text), lim.Text)
			}
			for _, s := range r.Sources {
				if utf8.RuneCountInString(s.Snippet) > lim.Snippet || utf8.RuneCountInString(s.Label) > lim.Label {
					t.Errorf("source %q over its limits", s.Label)
				}
			}
			if r.Footer != "Answered from 2 guides" {
				t.Errorf("footer %q", r.Footer)
			}
		})
	}
}

func TestRenderEscapes(t *testing.T) {
	a := advisor.Answer{Text: "<!channel> pay", Citations: []advisor.Citation{{N: 1, Title: "<T>", Section: "S", Snippet: "@here", Source: "f.md", Line: 3}}, Guides: 1}
	r := bots.Render(a, func(s string) string { return strings.NewReplacer("<", "&lt;", "@", "(at)").Replace(s) }, bots.Limits{Text: 100, Label: 100, Snippet: 100, Sources: 5})
	if r.Text != "&lt;!channel> pay" || r.Sources[0].Label != "[1] &lt;T> › S" || r.Sources[0].Snippet != "“(at)here”" || r.Sources[0].Ref != "f.md:3" {
		t.Errorf("rendered %+v; want every piece escaped", r)
	}
}

func TestRenderReadAs(t *testing.T) {
	esc := func(s string) string { return strings.ReplaceAll(s, "<", "&lt;") }
	lim := bots.Limits{Text: 400, Label: 100, Snippet: 100, Sources: 5}
	tests := []struct {
		name, readAs, want string
	}{
		{"none", "", ""},
		{"escaped", "<!here> jr DS salary", "Read as: “&lt;!here> jr DS salary”"},
		{"cut to one short line", strings.Repeat("salary ", 100), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bots.Render(advisor.Answer{Text: strings.Repeat("word ", 100), ReadAs: tt.readAs, Guides: 1}, esc, lim)
			if tt.want != "" && r.ReadAs != tt.want {
				t.Errorf("ReadAs = %q; want %q", r.ReadAs, tt.want)
			}
			if tt.readAs == "" && r.ReadAs != "" {
				t.Errorf("ReadAs = %q; want none", r.ReadAs)
			}
			if tt.readAs != "" && (!strings.HasPrefix(r.ReadAs, "Read as: “") || utf8.RuneCountInString(r.ReadAs) > lim.Text/4) {
				t.Errorf("ReadAs = %q; want one short line", r.ReadAs)
			}
			// The line and a blank line share the text's limit.
			n := utf8.RuneCountInString(r.Text)
			if r.ReadAs != "" {
				n += utf8.RuneCountInString(r.ReadAs) + 2
			}
			if n > lim.Text {
				t.Errorf("read-as line and text are %d characters; limit %d", n, lim.Text)
			}
		})
	}
}

type fakeAsker struct {
	ans   advisor.Answer
	err   error
	panic bool
	asked int
}

func (f *fakeAsker) Ask(ctx context.Context, q string) (advisor.Answer, error) {
	f.asked++
	if f.panic {
		panic("boom")
	}
	return f.ans, f.err
}

func TestResponder(t *testing.T) {
	tests := []struct {
		name     string
		asker    *fakeAsker
		q        string
		code     string
		msg      string
		outcome  string
		wantAsks int
	}{
		{"answer", &fakeAsker{ans: advisor.Answer{Text: "ok [1]"}}, "pay?", "", "", "answered", 1},
		{"abstain", &fakeAsker{ans: advisor.Answer{Text: "no", Abstained: true}}, "pancakes?", "", "", "abstained", 1},
		{"too long", &fakeAsker{}, strings.Repeat("é", 51), advisor.EINVALID, "51 characters", "invalid", 0},
		{"engine invalid", &fakeAsker{err: advisor.Errorf(advisor.EINVALID, "empty")}, "x", advisor.EINVALID, "empty", "invalid", 1},
		{"engine failure hidden", &fakeAsker{err: errors.New("index corrupt at /var/x")}, "x", advisor.EINTERNAL, "Something went wrong", "internal", 1},
		{"panic", &fakeAsker{panic: true}, "x", advisor.EINTERNAL, "Something went wrong", "internal", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			m := bots.NewMetrics(reg)
			r := bots.NewResponder(tt.asker, bots.Options{MaxQuestionChars: 50, Metrics: m})
			_, err := r.Ask(context.Background(), "test", "u", "req1", tt.q)
			if advisor.ErrorCode(err) != tt.code || !strings.Contains(advisor.ErrorMessage(err), tt.msg) {
				t.Errorf("error %v; want code %q with %q", err, tt.code, tt.msg)
			}
			if tt.asker.asked != tt.wantAsks {
				t.Errorf("engine asked %d times; want %d", tt.asker.asked, tt.wantAsks)
			}
			if got := testutil.ToFloat64(metricFor(t, reg, tt.outcome)); got != 1 {
				t.Errorf("careerbot_questions_total{outcome=%q} = %v; want 1", tt.outcome, got)
			}
		})
	}
}

func TestResponderRateLimit(t *testing.T) {
	r := bots.NewResponder(&fakeAsker{}, bots.Options{Limiter: shared.Local(nil).Limiter(time.Minute, 1)})
	if _, err := r.Ask(context.Background(), "discord", "u", "1", "q"); err != nil {
		t.Fatal(err)
	}
	_, err := r.Ask(context.Background(), "discord", "u", "2", "q")
	if advisor.ErrorCode(err) != advisor.ELIMIT || !strings.Contains(advisor.ErrorMessage(err), "try again in 60 s") {
		t.Errorf("second question: %v; want a limit error naming 60 s", err)
	}
	if _, err := r.Ask(context.Background(), "slack", "u", "3", "q"); err != nil {
		t.Errorf("the same id on another platform was limited: %v", err)
	}
}

func TestResponderClaim(t *testing.T) {
	ctx := context.Background()
	r := bots.NewResponder(&fakeAsker{}, bots.Options{Dedupe: shared.Local(nil).Claims(time.Minute)})
	for i, step := range []struct {
		platform, id string
		want         bool
	}{{"slack", "Ev1", true}, {"slack", "Ev1", false}, {"discord", "Ev1", true}, {"slack", "", true}, {"slack", "", true}} {
		if got := r.Claim(ctx, step.platform, step.id); got != step.want {
			t.Errorf("step %d: Claim(%q, %q) = %v; want %v", i+1, step.platform, step.id, got, step.want)
		}
	}
	if !bots.NewResponder(&fakeAsker{}, bots.Options{}).Claim(ctx, "slack", "Ev1") {
		t.Error("a Responder without a Deduper refused an id")
	}
}

// metricFor returns the questions counter for outcome from reg.
func metricFor(t *testing.T, reg *prometheus.Registry, outcome string) prometheus.Collector {
	t.Helper()
	return counter(t, reg, "careerbot_questions_total", "outcome", outcome)
}

func TestRetry(t *testing.T) {
	calls := 0
	start := time.Now()
	ok := bots.Retry(context.Background(), slog.New(slog.DiscardHandler), "test", func() error {
		if calls++; calls == 1 {
			return errors.New("refused")
		}
		return nil
	})
	if !ok || calls != 2 || time.Since(start) < time.Second {
		t.Errorf("Retry = %v after %d calls in %v; want success on the 2nd call after a 1 s wait", ok, calls, time.Since(start))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if bots.Retry(ctx, slog.New(slog.DiscardHandler), "test", func() error { return errors.New("refused") }) {
		t.Errorf("Retry with a cancelled context reported success")
	}
}
