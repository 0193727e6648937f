package bots

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/careerbot/careerbot/internal/advisor"
)

const (
	// voteWindow is how long after an answer a vote on it is taken with
	// the answer's question; later votes are stored without it.
	voteWindow = 24 * time.Hour
	// maxRecent bounds the answers and votes remembered for that.
	maxRecent = 20000
	// idLen is the length of an answer id, in hex digits.
	idLen = 16
)

// feedback gives answers ids, records them and counts each user's vote on
// each once.
type feedback struct {
	journal advisor.Journal
	key     []byte
	recent  *expiring[advisor.AnswerRecord] // by answer id, with the question
	voted   *expiring[struct{}]             // answer id + user hash
	now     func() time.Time
}

func newFeedback(j advisor.Journal, key []byte) *feedback {
	return &feedback{journal: j, key: key, recent: newExpiring[advisor.AnswerRecord](maxRecent),
		voted: newExpiring[struct{}](maxRecent), now: time.Now}
}

// answered gives ans an id and records it; it reports false if the
// journal dropped it.
func (f *feedback) answered(platform, question string, ans *advisor.Answer) bool {
	var b [idLen / 2]byte
	rand.Read(b[:])
	ans.ID = hex.EncodeToString(b[:])
	rec := advisor.AnswerRecord{ID: ans.ID, Time: f.now().UTC(), Platform: platform, Intent: ans.Intent,
		Abstained: ans.Abstained, Cited: advisor.CitedBy(*ans), Question: question}
	f.recent.put(ans.ID, rec, voteWindow)
	if !ans.Abstained {
		rec.Question = "" // only questions the guides could not answer are kept
	}
	return f.journal.RecordAnswer(rec)
}

// userHash is the keyed hash kept instead of a user's id.
func (f *feedback) userHash(platform, user string) string {
	m := hmac.New(sha256.New, f.key)
	m.Write([]byte(platform + ":" + user))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// ValidAnswerID reports whether id has the shape of an answer id, so
// adapters can refuse forged button payloads before anything else.
func ValidAnswerID(id string) bool {
	if len(id) != idLen {
		return false
	}
	_, err := hex.DecodeString(id)
	return err == nil
}

// Vote records user's vote on the answer with answerID. It reports
// whether the vote counted: false when the user already voted on that
// answer, or the Responder keeps no feedback. A vote the journal cannot
// take at once is dropped and counted in careerbot_store_dropped_total.
func (r *Responder) Vote(_ context.Context, platform, user, answerID string, v advisor.Vote) bool {
	f := r.feedback
	if f == nil || !v.Valid() || !ValidAnswerID(answerID) {
		return false
	}
	hash := f.userHash(platform, user)
	if !f.voted.add(answerID+"/"+hash, struct{}{}, voteWindow) {
		return false
	}
	rec := advisor.VoteRecord{AnswerID: answerID, Time: f.now().UTC(), Platform: platform, UserHash: hash, Vote: v}
	if a, ok := f.recent.get(answerID); ok {
		rec.Intent, rec.Cited = a.Intent, a.Cited
		if v == advisor.NotHelpful {
			rec.Question = a.Question
		}
	}
	if r.metrics != nil {
		r.metrics.feedback.WithLabelValues(platform, string(v)).Inc()
	}
	r.log.Info("vote", "platform", platform, "answer", answerID, "vote", string(v))
	if !f.journal.RecordVote(rec) {
		r.dropped("vote")
	}
	return true
}

func (r *Responder) dropped(kind string) {
	if r.metrics != nil {
		r.metrics.dropped.WithLabelValues(kind).Inc()
	}
}

// Feedback reports whether answers get ids and vote buttons.
func (r *Responder) Feedback() bool { return r.feedback != nil }
