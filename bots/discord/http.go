package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

const (
	// MaxBody caps an interaction request; real ones are a few KB.
	MaxBody = 64 << 10
	// MaxSkew is how far a request's timestamp may be from our clock.
	MaxSkew = 5 * time.Minute
)

// HTTPHandler serves Discord's HTTP interactions (POST
// /discord/interactions): it checks the Ed25519 signature and the
// timestamp's age, answers PING, and hands commands to the Bot. No bot
// token is needed: deferred answers are edited through the interaction's
// own webhook token.
type HTTPHandler struct {
	bot *Bot
	key ed25519.PublicKey
	api rest
	now func() time.Time
	log *slog.Logger
	// ctx bounds answers that outlive their request (deferred ones).
	ctx context.Context
}

// NewHTTPHandler returns a handler verifying requests with the
// application's public key. api edits deferred answers; a discordgo
// session without a token will do.
func NewHTTPHandler(ctx context.Context, bot *Bot, key ed25519.PublicKey, api rest) *HTTPHandler {
	return &HTTPHandler{bot: bot, key: key, api: api, now: time.Now, log: bot.log, ctx: ctx}
}

func (h *HTTPHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.reject(w, r, http.StatusRequestEntityTooLarge, "body over limit")
			return
		}
		h.reject(w, r, http.StatusBadRequest, "unreadable body")
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, h.key) {
		h.reject(w, r, http.StatusUnauthorized, "bad signature")
		return
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-Signature-Timestamp"), 10, 64)
	if err != nil || h.now().Sub(time.Unix(ts, 0)).Abs() > MaxSkew {
		h.reject(w, r, http.StatusUnauthorized, "stale or bad timestamp")
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		h.reject(w, r, http.StatusBadRequest, "malformed interaction")
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	// The first response goes in this request's body; a deferred answer's
	// edit goes through the REST API after it.
	first := make(chan *discordgo.InteractionResponse, 1)
	handled := make(chan struct{})
	h.bot.inflight.Go(func() {
		defer close(handled)
		h.bot.Handle(h.ctx, &i, func(resp *discordgo.InteractionResponse) error {
			first <- resp
			return nil
		}, h.api)
	})
	select {
	case resp := <-first:
		writeJSON(w, resp)
	case <-handled:
		select {
		case resp := <-first:
			writeJSON(w, resp)
		default: // a duplicate, answered elsewhere
			http.Error(w, "interaction already handled", http.StatusConflict)
		}
	case <-r.Context().Done():
	}
}

// reject answers a refused request and logs why, without its body.
func (h *HTTPHandler) reject(w http.ResponseWriter, r *http.Request, code int, why string) {
	h.log.Warn("discord: request rejected", "status", code, "reason", why, "remote", r.RemoteAddr)
	http.Error(w, http.StatusText(code), code)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
