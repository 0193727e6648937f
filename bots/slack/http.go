package slack

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

const (
	// MaxBody caps a request from Slack; interaction payloads carry whole
	// messages and can reach tens of KB.
	MaxBody = 256 << 10
	// MaxSkew is how old a request may be (Slack's own rule: five minutes).
	MaxSkew = 5 * time.Minute
)

var errStale = errors.New("stale or missing timestamp")

// verify reads the body and checks Slack's v0 signature: HMAC-SHA256 of
// "v0:timestamp:body" with the signing secret, within MaxSkew of b.now.
// slack.NewSecretsVerifier does the same against the wall clock only;
// this takes the bot's clock so the check can be tested at any time,
// including with Slack's published test vector.
func (b *Bot) verify(w http.ResponseWriter, r *http.Request) ([]byte, int, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, http.StatusRequestEntityTooLarge, err
		}
		return nil, http.StatusBadRequest, err
	}
	ts := r.Header.Get("X-Slack-Request-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || b.now().Sub(time.Unix(sec, 0)).Abs() > MaxSkew {
		return nil, http.StatusUnauthorized, errStale
	}
	mac := hmac.New(sha256.New, []byte(b.secret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	want := "v0=" + hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(r.Header.Get("X-Slack-Signature"))) {
		return nil, http.StatusUnauthorized, errors.New("bad signature")
	}
	return body, 0, nil
}

// guard verifies a request and hands its body to next; refusals are
// logged without the body.
func (b *Bot) guard(endpoint string, next func(w http.ResponseWriter, r *http.Request, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		body, code, err := b.verify(w, r)
		if err != nil {
			b.log.Warn("slack: request rejected", "endpoint", endpoint, "status", code, "reason", err.Error(), "remote", r.RemoteAddr)
			http.Error(w, http.StatusText(code), code)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next(w, r, body)
	})
}

// EventsHandler serves POST /slack/events: it answers url_verification,
// acknowledges event callbacks at once and answers them in the
// background, once per event id however often Slack retries.
func (b *Bot) EventsHandler() http.Handler {
	return b.guard("events", func(w http.ResponseWriter, r *http.Request, body []byte) {
		ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
		if err != nil {
			b.log.Warn("slack: malformed event", "err", err)
			http.Error(w, "malformed event", http.StatusBadRequest)
			return
		}
		switch ev.Type {
		case slackevents.URLVerification:
			var v slackevents.ChallengeResponse
			if err := json.Unmarshal(body, &v); err != nil {
				http.Error(w, "malformed challenge", http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Type", "text/plain")
			io.WriteString(w, v.Challenge)
		case slackevents.CallbackEvent:
			id := ""
			if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
				id = cb.EventID
			}
			w.WriteHeader(http.StatusOK)
			b.background(func() { b.handleEvent(b.ctx, ev, id) })
		default:
			w.WriteHeader(http.StatusOK)
		}
	})
}

// CommandsHandler serves POST /slack/commands: /career answered privately
// in the response body, with a button to share it. A replay of a signed
// command is acknowledged with an empty 200 and not answered again.
func (b *Bot) CommandsHandler() http.Handler {
	return b.guard("commands", func(w http.ResponseWriter, r *http.Request, _ []byte) {
		cmd, err := slack.SlashCommandParse(r)
		if err != nil {
			http.Error(w, "malformed command", http.StatusBadRequest)
			return
		}
		msg := b.commandResponse(r.Context(), cmd, r.Header.Get("X-Slack-Signature"))
		if msg == nil {
			w.WriteHeader(http.StatusOK)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(msg)
	})
}

// InteractivityHandler serves POST /slack/interactivity: the "Share in
// channel" and feedback buttons. A replayed click is acknowledged and not
// handled again.
func (b *Bot) InteractivityHandler() http.Handler {
	return b.guard("interactivity", func(w http.ResponseWriter, r *http.Request, _ []byte) {
		var cb slack.InteractionCallback
		if err := json.Unmarshal([]byte(r.FormValue("payload")), &cb); err != nil {
			http.Error(w, "malformed payload", http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusOK)
		sig := r.Header.Get("X-Slack-Signature")
		b.background(func() { b.handleInteraction(b.ctx, cb, sig) })
	})
}
