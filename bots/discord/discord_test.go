package discord_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/bots/discord"
	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/answer/answertest"
	"github.com/careerbot/careerbot/internal/shared"
)

func engine(t testing.TB) *answer.Engine { return answertest.Bundled(t) }

// fakeDiscord is Discord's REST API as far as the bot uses it: it records
// every request and answers command listing and overwrite.
type fakeDiscord struct {
	mu       sync.Mutex
	requests []string // "METHOD path body"
	commands []*discordgo.ApplicationCommand
}

func (f *fakeDiscord) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Method+" "+r.URL.Path+" "+string(body))
	w.Header().Set("Content-Type", "application/json")
	switch {
	case strings.HasSuffix(r.URL.Path, "/commands") && r.Method == http.MethodGet:
		json.NewEncoder(w).Encode(f.commands)
	case strings.HasSuffix(r.URL.Path, "/commands") && r.Method == http.MethodPut:
		json.Unmarshal(body, &f.commands)
		w.Write(body)
	case strings.HasSuffix(r.URL.Path, "/threads"):
		w.Write([]byte(`{"id":"th1","type":11,"parent_id":"ch1"}`))
	case strings.Contains(r.URL.Path, "/webhooks/"):
		w.Write([]byte(`{"id":"m1","channel_id":"c1"}`))
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}

func (f *fakeDiscord) log() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.requests...)
}

// rewrite sends every request to the fake server instead of discord.com.
type rewrite struct{ to *url.URL }

func (rw rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = rw.to.Scheme, rw.to.Host
	return http.DefaultTransport.RoundTrip(r)
}

func session(t *testing.T, f *fakeDiscord, token string) *discordgo.Session {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	s, err := discordgo.New(token)
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: rewrite{u}}
	return s
}

type harness struct {
	handler http.Handler
	priv    ed25519.PrivateKey
	now     time.Time
	fake    *fakeDiscord
}

func newHarness(t *testing.T, asker advisor.Asker, cat advisor.Catalog, lim bots.RateLimiter) *harness {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeDiscord{}
	bot := discord.New(bots.NewResponder(asker, bots.Options{Limiter: lim, MaxQuestionChars: 300}), cat, nil)
	h := discord.NewHTTPHandler(context.Background(), bot, pub, session(t, f, ""))
	return &harness{handler: h, priv: priv, now: time.Now(), fake: f}
}

// do sends body signed at ts (signed with key when key is not nil).
func (h *harness) do(body []byte, ts time.Time, key ed25519.PrivateKey) *httptest.ResponseRecorder {
	return post(h.handler, body, ts, key)
}

// post sends body to handler as Discord would, signed at ts with key (not
// signed when key is nil).
func post(handler http.Handler, body []byte, ts time.Time, key ed25519.PrivateKey) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/discord/interactions", bytes.NewReader(body))
	stamp := strconv.FormatInt(ts.Unix(), 10)
	if key != nil {
		r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(stamp), body...))))
	}
	r.Header.Set("X-Signature-Timestamp", stamp)
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, r)
	return w
}

func command(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) []byte {
	i := map[string]any{
		"id": "i1", "application_id": "app1", "type": discordgo.InteractionApplicationCommand, "token": "tok1",
		"member": map[string]any{"user": map[string]any{"id": "u1"}},
		"data":   map[string]any{"id": "c1", "name": name, "type": 1, "options": opts},
	}
	b, _ := json.Marshal(i)
	return b
}

func opt(name string, v any) *discordgo.ApplicationCommandInteractionDataOption {
	t := discordgo.ApplicationCommandOptionString
	if _, ok := v.(bool); ok {
		t = discordgo.ApplicationCommandOptionBoolean
	}
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: t, Value: v}
}

func decode(t *testing.T, w *httptest.ResponseRecorder) discordgo.InteractionResponse {
	t.Helper()
	var resp discordgo.InteractionResponse
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("response %q: %v", w.Body.String(), err)
	}
	return resp
}

func TestRequestVerification(t *testing.T) {
	h := newHarness(t, engine(t), engine(t), nil)
	_, other, _ := ed25519.GenerateKey(nil)
	ping := []byte(`{"id":"p1","type":1,"application_id":"app1","token":"t"}`)
	tests := []struct {
		name string
		body []byte
		ts   time.Time
		key  ed25519.PrivateKey
		code int
	}{
		{"valid ping", ping, h.now, h.priv, http.StatusOK},
		{"forged signature", ping, h.now, other, http.StatusUnauthorized},
		{"no signature", ping, h.now, nil, http.StatusUnauthorized},
		{"stale timestamp", ping, h.now.Add(-6 * time.Minute), h.priv, http.StatusUnauthorized},
		{"future timestamp", ping, h.now.Add(6 * time.Minute), h.priv, http.StatusUnauthorized},
		{"oversized body", append(ping, bytes.Repeat([]byte(" "), discord.MaxBody)...), h.now, h.priv, http.StatusRequestEntityTooLarge},
		{"signed garbage", []byte(`{not json`), h.now, h.priv, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := h.do(tt.body, tt.ts, tt.key)
			if w.Code != tt.code {
				t.Fatalf("Status = %d; want %d", w.Code, tt.code)
			}
			if tt.code == http.StatusOK {
				if resp := decode(t, w); resp.Type != discordgo.InteractionResponsePong {
					t.Errorf("ping answered with type %d; want PONG", resp.Type)
				}
			}
		})
	}
	t.Run("GET", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/discord/interactions", nil))
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("Status = %d; want 405", w.Code)
		}
	})
}

func TestCommands(t *testing.T) {
	e := engine(t)
	h := newHarness(t, e, e, nil)
	tests := []struct {
		name      string
		body      []byte
		ephemeral bool
		want      []string // in the embed or content
	}{
		{"ask", command("ask", opt("question", "How much does a senior ML engineer make in Romania?")), false, []string{"€4,500–€8,000", "\\[1\\] How to Build a Career"}},
		{"ask private", command("ask", opt("question", "junior ML salary romania"), opt("private", true)), true, []string{"€1,500–€2,500"}},
		{"salary", command("salary", opt("role", "ML engineer"), opt("level", "senior"), opt("region", "Romania")), false, []string{"€4,500–€8,000"}},
		{"next", command("next", opt("after", "PyTorch")), false, []string{"Specialization"}},
		{"sources", command("sources"), true, []string{"Guides I answer from", "How to Build a Career in Machine Learning in 2025"}},
		{"abstain", command("ask", opt("question", "Give me a recipe for pancakes")), false, []string{"can't answer", "No guide answers this"}},
		{"too long", command("ask", opt("question", strings.Repeat("pay ", 100))), true, []string{"please keep it under 300"}},
		{"read as", command("ask", opt("question", "jr DS salery in the US")), false, []string{"Read as: “jr DS salary in the US”\n\n", "$70,000–$95,000"}},
		{"mentions neutralised", command("ask", opt("question", "@everyone <@123> salary in Romania?")), false, []string{"@\u200beveryone <\u200b@\u200b123\\>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := h.do(tt.body, time.Now(), h.priv)
			if w.Code != http.StatusOK {
				t.Fatalf("Status = %d; want 200", w.Code)
			}
			resp := decode(t, w)
			if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data == nil {
				t.Fatalf("response type %d; want a channel message", resp.Type)
			}
			d := resp.Data
			if d.AllowedMentions == nil || d.AllowedMentions.Parse == nil || len(d.AllowedMentions.Parse) != 0 {
				t.Errorf("allowed_mentions = %+v; want an empty parse list", d.AllowedMentions)
			}
			if got := d.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
				t.Errorf("ephemeral = %v; want %v", got, tt.ephemeral)
			}
			all, _ := json.Marshal(d)
			var text strings.Builder
			text.WriteString(d.Content)
			for _, e := range d.Embeds {
				text.WriteString(e.Title + "\n" + e.Description + "\n")
				for _, f := range e.Fields {
					text.WriteString(f.Name + "\n" + f.Value + "\n")
				}
				if e.Footer != nil {
					text.WriteString(e.Footer.Text)
				}
				if n := embedLen(e); n > 6000 || len([]rune(e.Description)) > 4096 || len(e.Fields) > 25 {
					t.Errorf("embed over Discord's limits: %d characters, %d fields", n, len(e.Fields))
				}
			}
			for _, want := range tt.want {
				if !strings.Contains(text.String(), want) {
					t.Errorf("reply lacks %q:\n%s\n%s", want, text.String(), all)
				}
			}
		})
	}
}

func embedLen(e *discordgo.MessageEmbed) int {
	n := len([]rune(e.Title)) + len([]rune(e.Description))
	for _, f := range e.Fields {
		n += len([]rune(f.Name)) + len([]rune(f.Value))
	}
	if e.Footer != nil {
		n += len([]rune(e.Footer.Text))
	}
	return n
}

func TestRateLimitIsEphemeral(t *testing.T) {
	e := engine(t)
	h := newHarness(t, e, e, shared.Local(nil).Limiter(time.Minute, 1))
	body := command("ask", opt("question", "junior ML salary romania"))
	if resp := decode(t, h.do(body, time.Now(), h.priv)); resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Fatalf("first question limited")
	}
	resp := decode(t, h.do(body, time.Now(), h.priv))
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "try again in") {
		t.Errorf("second question: %+v; want an ephemeral try-again", resp.Data)
	}
}

func TestAutocomplete(t *testing.T) {
	e := engine(t)
	h := newHarness(t, e, e, nil)
	i := map[string]any{"id": "i2", "application_id": "app1", "type": discordgo.InteractionApplicationCommandAutocomplete, "token": "t",
		"data": map[string]any{"id": "c", "name": "salary", "type": 1, "options": []map[string]any{
			{"name": "role", "type": 3, "value": "mach"},
			{"name": "region", "type": 3, "value": "rom", "focused": true},
		}}}
	body, _ := json.Marshal(i)
	resp := decode(t, h.do(body, time.Now(), h.priv))
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(resp.Data.Choices) != 1 || resp.Data.Choices[0].Value != "Romania" {
		t.Errorf("autocomplete = %+v; want one choice, Romania", resp.Data)
	}
}

// slowAsker answers after a delay, to force a deferred response.
type slowAsker struct {
	advisor.Asker
	delay time.Duration
}

func (s slowAsker) Ask(ctx context.Context, q string) (advisor.Answer, error) {
	time.Sleep(s.delay)
	return s.Asker.Ask(ctx, q)
}

func TestDeferredAnswerIsEdited(t *testing.T) {
	e := engine(t)
	f := &fakeDiscord{}
	bot := discord.New(bots.NewResponder(slowAsker{e, 2500 * time.Millisecond}, bots.Options{}), e, nil)
	var first *discordgo.InteractionResponse
	var i discordgo.Interaction
	if err := json.Unmarshal(command("ask", opt("question", "junior ML salary romania")), &i); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	bot.Handle(context.Background(), &i, func(r *discordgo.InteractionResponse) error {
		first = r
		if d := time.Since(start); d > 2500*time.Millisecond {
			t.Errorf("first response after %v; Discord wants it within 3 s", d)
		}
		return nil
	}, session(t, f, ""))
	if first == nil || first.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("first response %+v; want deferred", first)
	}
	reqs := f.log()
	if len(reqs) != 1 || !strings.HasPrefix(reqs[0], "PATCH /api/v9/webhooks/app1/tok1/messages/@original") ||
		!strings.Contains(reqs[0], "€1,500–€2,500") || !strings.Contains(reqs[0], `"allowed_mentions":{"parse":[]`) {
		t.Errorf("REST requests = %q; want one edit of the original with the answer and no mentions", reqs)
	}
}

func TestRegister(t *testing.T) {
	f := &fakeDiscord{commands: []*discordgo.ApplicationCommand{{Name: "old", Description: "gone"}, discord.Commands()[3]}}
	s := session(t, f, "Bot x")
	ch, err := discord.Register(s, "app1", "g1")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(ch.Added, ch.Unchanged, ch.Removed); got != "[ask salary next] [sources] [old]" {
		t.Errorf("changes = %s", got)
	}
	reqs := f.log()
	if len(reqs) != 2 || !strings.HasPrefix(reqs[1], "PUT /api/v9/applications/app1/guilds/g1/commands") {
		t.Fatalf("requests = %q; want a list then one bulk overwrite in the guild", reqs)
	}
	ch, err = discord.Register(s, "app1", "g1")
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Added)+len(ch.Updated)+len(ch.Removed) != 0 || len(f.log()) != 3 {
		t.Errorf("second run changed %s with requests %q; want nothing", ch, f.log()[2:])
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"@everyone and @here", "@\u200beveryone and @\u200bhere"},
		{"<@123> <@&456> <#789>", "<\u200b@\u200b123\\> <\u200b@\u200b&456\\> <\u200b\\#789\\>"},
		{"**bold** _it_ `code` ~~s~~ ||spoiler|| > quote [link](x)", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\> quote \\[link\\](x)"},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := discord.Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkInteraction measures a signed /ask through the HTTP handler:
// verification, the engine, rendering and the JSON response.
func BenchmarkInteraction(b *testing.B) {
	e := answertest.Bundled(b)
	pub, priv, _ := ed25519.GenerateKey(nil)
	bot := discord.New(bots.NewResponder(e, bots.Options{}), e, nil)
	h := discord.NewHTTPHandler(context.Background(), bot, pub, nil)
	body := command("ask", opt("question", "How much does a senior ML engineer make in Romania?"))
	var size int
	b.ReportAllocs()
	for b.Loop() {
		w := post(h, body, time.Now(), priv)
		if w.Code != http.StatusOK {
			b.Fatalf("Status = %d", w.Code)
		}
		size = w.Body.Len()
	}
	b.ReportMetric(float64(size), "response-bytes")
}

// FuzzInteraction sends arbitrary signed bodies through the HTTP handler:
// it must answer every one with a status and, for 200, a JSON interaction
// response, and never panic.
func FuzzInteraction(f *testing.F) {
	for _, b := range [][]byte{
		[]byte(`{"id":"p","type":1}`),
		command("ask", opt("question", "junior ML salary romania")),
		command("salary", opt("role", 5)),
		command("next"),
		[]byte(`{"type":4,"data":{"name":"salary","options":[{"name":"region","type":3,"value":null,"focused":true}]}}`),
		[]byte(`{"type":2,"data":{"name":"ask","options":[{"name":"question","type":3,"value":"@everyone"}]}}`),
		[]byte(`{"type":3,"data":{}}`),
		[]byte(`{"type":3,"member":{"user":{"id":"u"}},"data":{"custom_id":"careerbot_vote:helpful:0123456789abcdef","component_type":2}}`),
		[]byte(`{"type":3,"data":{"custom_id":"careerbot_vote::","component_type":2}}`),
		command("ask", opt("question", "and for juniors?"), opt("thread", true)),
		[]byte(`null`),
		command("ask", opt("question", "<@123> <@!456> @here what salary for senior ML in Romania")),
		command("ask", opt("question", "\u202ewhat salary\u202c for senior ML in Roma\u200bnia\ufeff")),
		command("salary", opt("role", "\u2066ML engineer\u2069"), opt("region", "@everyone Romania")),
		command("next", opt("after", "<#1> Py\u200dTorch")),
	} {
		f.Add(b)
	}
	e := answertest.Bundled(f)
	pub, priv, _ := ed25519.GenerateKey(nil)
	bot := discord.New(bots.NewResponder(e, bots.Options{Context: bots.NewMemoryContext(100)}), e, nil)
	h := discord.NewHTTPHandler(context.Background(), bot, pub, nil)
	f.Fuzz(func(t *testing.T, body []byte) {
		w := post(h, body, time.Now(), priv)
		if w.Code == http.StatusOK {
			var resp discordgo.InteractionResponse
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || resp.Type == 0 {
				t.Fatalf("200 with %q", w.Body.String())
			}
			if resp.Data != nil && resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult &&
				(resp.Data.AllowedMentions == nil || len(resp.Data.AllowedMentions.Parse) != 0) {
				t.Fatalf("response without empty allowed_mentions: %s", w.Body.String())
			}
			if resp.Data != nil {
				for name, s := range texts(resp.Data) {
					if hidden(s) {
						t.Fatalf("%s %q holds an invisible character", name, s)
					}
				}
			}
		}
	})
}

// TestDuplicateInteraction checks an interaction id already claimed (a
// copy delivered again, or to another replica sharing the Deduper) is not
// answered twice: every copy gets 409.
func TestDuplicateInteraction(t *testing.T) {
	e := engine(t)
	pub, priv, _ := ed25519.GenerateKey(nil)
	claims := shared.Local(nil).Claims(time.Minute)
	var handlers []http.Handler
	for range 2 { // two replicas sharing one Deduper
		bot := discord.New(bots.NewResponder(e, bots.Options{Dedupe: claims}), e, nil)
		handlers = append(handlers, discord.NewHTTPHandler(context.Background(), bot, pub, session(t, &fakeDiscord{}, "")))
	}
	body := command("ask", opt("question", "junior ML salary romania"))
	if w := post(handlers[0], body, time.Now(), priv); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "€1,500–€2,500") {
		t.Fatalf("first delivery: %d %s; want the answer", w.Code, w.Body)
	}
	for i, h := range handlers {
		if w := post(h, body, time.Now(), priv); w.Code != http.StatusConflict {
			t.Errorf("copy to replica %d: Status = %d; want 409", i+1, w.Code)
		}
	}
}
