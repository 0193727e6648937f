// Package reload serves an engine that can be replaced while it answers.
// A new engine is built beside the serving one, from the guides as they
// are now, and swapped in atomically: when a guide directory changes
// (Watch) or on request (Reload, which serve calls on SIGHUP). A question
// in flight finishes on the engine it started on; the old engine is
// closed once no question uses it. A failed build keeps the serving
// engine.
package reload

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/careerbot/careerbot/internal/advisor"
)

// Engine is what a Live serves: an answer engine over a fixed set of
// guides (*answer.Engine).
type Engine interface {
	advisor.TurnAsker
	advisor.Catalog
	Close() error
}

// Build builds an engine from the guides as they are now. It returns an
// error, and no engine, when the guides cannot be used.
type Build func() (Engine, error)

var (
	_ advisor.TurnAsker = (*Live)(nil)
	_ advisor.Catalog   = (*Live)(nil)
)

// Live is an Engine that Reload replaces. It is safe for concurrent use.
type Live struct {
	build   Build
	log     *slog.Logger
	metrics metrics
	now     func() time.Time

	cur      atomic.Pointer[generation]
	watching atomic.Bool    // a Watch is running: Rearm goes through it
	rearm    chan string    // Rearm's requests to the running Watch
	reloads  sync.Mutex     // one build at a time
	closed   bool           // under reloads: Reload does nothing after Close
	retiring sync.WaitGroup // old engines waiting for their last question
}

// generation is one engine and the questions using it: they hold the
// read lock; retiring takes the write lock, so it waits for them.
type generation struct {
	eng    Engine
	mu     sync.RWMutex
	closed bool
}

type metrics struct {
	reloads            *prometheus.CounterVec
	guides, sections   prometheus.Gauge
	lastTime, lastTook prometheus.Gauge
}

// New builds the first engine and registers careerbot_reloads_total
// {result="ok"|"failed"}, careerbot_guides, careerbot_sections,
// careerbot_last_reload_timestamp_seconds and
// careerbot_last_reload_duration_seconds with reg.
func New(build Build, log *slog.Logger, reg prometheus.Registerer) (*Live, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	l := &Live{build: build, log: log, now: time.Now, rearm: make(chan string, 1), metrics: metrics{
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "careerbot_reloads_total",
			Help: "Guide reloads after the first load, by result (ok, failed: the previous guides kept)."}, []string{"result"}),
		guides:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "careerbot_guides", Help: "Guides being served."}),
		sections: prometheus.NewGauge(prometheus.GaugeOpts{Name: "careerbot_sections", Help: "Sections of the guides being served."}),
		lastTime: prometheus.NewGauge(prometheus.GaugeOpts{Name: "careerbot_last_reload_timestamp_seconds",
			Help: "When the guides being served were loaded (Unix time)."}),
		lastTook: prometheus.NewGauge(prometheus.GaugeOpts{Name: "careerbot_last_reload_duration_seconds",
			Help: "How long loading the guides being served took."}),
	}}
	l.metrics.reloads.WithLabelValues("ok")
	l.metrics.reloads.WithLabelValues("failed")
	start := l.now()
	eng, err := build()
	if err != nil {
		return nil, err
	}
	if reg != nil {
		reg.MustRegister(l.metrics.reloads, l.metrics.guides, l.metrics.sections, l.metrics.lastTime, l.metrics.lastTook)
	}
	l.cur.Store(&generation{eng: eng})
	l.loaded(eng, start)
	return l, nil
}

// loaded records the engine now served, built from start until now, and
// returns how many guides and sections it holds.
func (l *Live) loaded(eng Engine, start time.Time) (guides, sections int) {
	gs := eng.Guides()
	for _, g := range gs {
		sections += len(g.Sections)
	}
	now := l.now()
	l.metrics.guides.Set(float64(len(gs)))
	l.metrics.sections.Set(float64(sections))
	l.metrics.lastTime.Set(float64(now.UnixNano()) / 1e9)
	l.metrics.lastTook.Set(now.Sub(start).Seconds())
	return len(gs), sections
}

// Reload builds a new engine and, if that works, swaps it in; why says
// what asked for it ("signal", "watch"), for the log. It logs one line
// with the counts and the time taken, or why the previous guides were
// kept, and returns the build's error.
func (l *Live) Reload(why string) error {
	l.reloads.Lock()
	defer l.reloads.Unlock()
	if l.closed {
		return errClosed
	}
	start := l.now()
	eng, err := l.build()
	if err != nil {
		l.metrics.reloads.WithLabelValues("failed").Inc()
		l.log.Error("guides reload failed; serving the previous guides", "trigger", why, "err", err,
			"ms", l.now().Sub(start).Milliseconds())
		return err
	}
	old := l.cur.Swap(&generation{eng: eng})
	l.retire(old)
	guides, sections := l.loaded(eng, start)
	l.metrics.reloads.WithLabelValues("ok").Inc()
	l.log.Info("guides reloaded", "trigger", why, "guides", guides, "sections", sections,
		"ms", l.now().Sub(start).Milliseconds())
	return nil
}

// retire closes g's engine once the questions still using it are done.
func (l *Live) retire(g *generation) {
	if g == nil {
		return
	}
	l.retiring.Go(func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.closed = true
		if err := g.eng.Close(); err != nil {
			l.log.Warn("closing the previous engine failed", "err", err)
		}
	})
}

// acquire returns the serving generation, read-locked: the caller must
// RUnlock it. It returns nil once the Live is closed.
func (l *Live) acquire() *generation {
	for {
		g := l.cur.Load()
		if g == nil {
			return nil
		}
		g.mu.RLock()
		if !g.closed {
			return g
		}
		g.mu.RUnlock()
		if l.cur.Load() == g { // closed, not replaced: Close was called
			return nil
		}
	}
}

var errClosed = errors.New("reload: engine closed")

// Ask answers question on the serving engine.
func (l *Live) Ask(ctx context.Context, question string) (advisor.Answer, error) {
	g := l.acquire()
	if g == nil {
		return advisor.Answer{}, errClosed
	}
	defer g.mu.RUnlock()
	return g.eng.Ask(ctx, question)
}

// AskTurn answers a question of a conversation on the serving engine.
func (l *Live) AskTurn(ctx context.Context, t advisor.Turn) (advisor.Answer, error) {
	g := l.acquire()
	if g == nil {
		return advisor.Answer{}, errClosed
	}
	defer g.mu.RUnlock()
	return g.eng.AskTurn(ctx, t)
}

// Guides lists the serving engine's guides.
func (l *Live) Guides() []advisor.GuideInfo {
	g := l.acquire()
	if g == nil {
		return nil
	}
	defer g.mu.RUnlock()
	return g.eng.Guides()
}

// Suggest suggests from the serving engine's facts, so chat autocomplete
// follows reloads.
func (l *Live) Suggest(kind advisor.SuggestKind, prefix string, limit int) []string {
	g := l.acquire()
	if g == nil {
		return nil
	}
	defer g.mu.RUnlock()
	return g.eng.Suggest(kind, prefix, limit)
}

// Close closes the serving engine once its questions are done, and waits
// for older engines to close. A reload running meanwhile finishes first.
func (l *Live) Close() error {
	l.reloads.Lock()
	defer l.reloads.Unlock()
	l.closed = true
	g := l.cur.Load()
	var err error
	if g != nil {
		g.mu.Lock()
		if !g.closed {
			g.closed = true
			err = g.eng.Close()
		}
		g.mu.Unlock()
	}
	l.retiring.Wait()
	return err
}
