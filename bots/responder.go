package bots

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/careerbot/careerbot/internal/advisor"
)

// Responder asks the engine on behalf of a chat user: it caps the
// question, applies the user's rate limit, recovers from panics, logs the
// outcome (never the question's text) and counts it.
type Responder struct {
	asker    advisor.Asker
	limiter  RateLimiter
	dedupe   Deduper
	maxChars int
	log      *slog.Logger
	metrics  *Metrics
	context  ContextStore
	feedback *feedback // nil without a Journal: no answer ids, no buttons
}

// Options configure a Responder. Zero values mean: no rate limit, no
// dedupe, the engine's own length limit, a discarding logger, no metrics.
type Options struct {
	Limiter          RateLimiter
	Dedupe           Deduper
	MaxQuestionChars int
	Logger           *slog.Logger
	Metrics          *Metrics
	// Context keeps conversations for follow-ups; nil for none.
	Context ContextStore
	// Journal keeps answers and votes; with it every answer gets an ID to
	// vote on. HashKey keys the hash of user ids kept with votes.
	Journal advisor.Journal
	HashKey []byte
}

// NewResponder returns a Responder asking a.
func NewResponder(a advisor.Asker, opt Options) *Responder {
	r := &Responder{asker: a, limiter: opt.Limiter, dedupe: opt.Dedupe, maxChars: opt.MaxQuestionChars, log: opt.Logger, metrics: opt.Metrics, context: opt.Context}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	if opt.Journal != nil {
		r.feedback = newFeedback(opt.Journal, opt.HashKey)
	}
	return r
}

// Ask answers question for user on platform. requestID (an interaction or
// event id) names the request in the logs. Errors are *advisor.Error with
// a message safe to show: EINVALID, ELIMIT or EINTERNAL.
func (r *Responder) Ask(ctx context.Context, platform, user, requestID, question string) (advisor.Answer, error) {
	return r.AskIn(ctx, platform, user, requestID, Conversation{}, question)
}

// AskIn is Ask within a conversation: the question is read with the
// conversation's previous one when the engine is an advisor.TurnAsker,
// and remembered (as answered) for the next. With a Journal, the answer
// gets an ID and is recorded.
func (r *Responder) AskIn(ctx context.Context, platform, user, requestID string, conv Conversation, question string) (ans advisor.Answer, err error) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("panic answering", "platform", platform, "request", requestID, "panic", fmt.Sprint(p))
			err = advisor.Errorf(advisor.EINTERNAL, "Something went wrong on our side; please try again.")
		}
		r.record(platform, requestID, start, ans, err)
	}()
	if n := utf8.RuneCountInString(question); r.maxChars > 0 && n > r.maxChars {
		return advisor.Answer{}, advisor.Errorf(advisor.EINVALID, "That question is %d characters long; please keep it under %d.", n, r.maxChars)
	}
	if r.limiter != nil {
		if ok, wait := r.limiter.Allow(ctx, platform+":"+user); !ok {
			return advisor.Answer{}, advisor.Errorf(advisor.ELIMIT, "You're asking quickly — try again in %d s.", int(math.Ceil(wait.Seconds())))
		}
	}
	prev := ""
	if conv.Key != "" && r.context != nil {
		prev, _ = r.context.Previous(ctx, conv.Key)
	}
	if ta, ok := r.asker.(advisor.TurnAsker); ok {
		ans, err = ta.AskTurn(ctx, advisor.Turn{Question: question, Previous: prev})
	} else {
		ans, err = r.asker.Ask(ctx, question)
	}
	if err != nil {
		if advisor.ErrorCode(err) == advisor.EINTERNAL {
			r.log.Error("engine error", "platform", platform, "request", requestID, "err", err)
			err = advisor.Errorf(advisor.EINTERNAL, "%s", advisor.ErrorMessage(err))
		}
		return ans, err
	}
	asked := ans.Question
	if asked == "" {
		asked = question
	}
	if conv.Key != "" && r.context != nil {
		r.context.Remember(ctx, conv.Key, asked, conv.TTL)
	}
	if r.feedback != nil && !r.feedback.answered(platform, asked, &ans) {
		r.dropped("answer")
	}
	return ans, nil
}

// Claim reports whether the request id (a Slack event id, a Discord
// interaction id) on platform is seen for the first time, so a retry or a
// second replica's copy is not answered again. An empty id is always new.
func (r *Responder) Claim(ctx context.Context, platform, id string) bool {
	if id == "" || r.dedupe == nil {
		return true
	}
	return r.dedupe.Claim(ctx, platform+":"+id)
}

func (r *Responder) record(platform, requestID string, start time.Time, ans advisor.Answer, err error) {
	outcome := "answered"
	switch {
	case err != nil:
		outcome = advisor.ErrorCode(err)
	case ans.Abstained:
		outcome = "abstained"
	}
	d := time.Since(start)
	r.log.Info("question", "platform", platform, "request", requestID, "outcome", outcome,
		"citations", len(ans.Citations), "ms", float64(d.Microseconds())/1000)
	if r.metrics != nil {
		r.metrics.questions.WithLabelValues(platform, outcome).Inc()
		r.metrics.latency.WithLabelValues(platform).Observe(d.Seconds())
	}
}

// Metrics are the counters a Responder keeps.
type Metrics struct {
	questions *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	feedback  *prometheus.CounterVec
	dropped   *prometheus.CounterVec
}

// NewMetrics registers careerbot's metrics with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "careerbot_questions_total",
			Help: "Questions asked in chat, by platform and outcome (answered, abstained, invalid, limit, internal).",
		}, []string{"platform", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "careerbot_answer_seconds",
			Help:    "Time to answer a chat question.",
			Buckets: []float64{.0005, .001, .002, .005, .01, .05, .1, .5, 1, 3},
		}, []string{"platform"}),
	}
	m.feedback = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "careerbot_feedback_total",
		Help: "Votes on answers, once per user per answer, by platform and vote (helpful, not_helpful).",
	}, []string{"platform", "vote"})
	m.dropped = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "careerbot_store_dropped_total",
		Help: "Answers and votes not stored because the store's queue was full, by kind (answer, vote).",
	}, []string{"kind"})
	reg.MustRegister(m.questions, m.latency, m.feedback, m.dropped)
	return m
}
