package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
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
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/answer/answertest"
	"github.com/careerbot/careerbot/internal/shared"
)

const secret = "8f742231b10e8888abcd99yyyzzz85a5"

// fakeSlack is Slack's Web API as far as the bot uses it.
type fakeSlack struct {
	mu    sync.Mutex
	calls []call
}

type call struct {
	method string
	form   url.Values
	body   string
}

func (f *fakeSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	form, _ := url.ParseQuery(string(body))
	f.mu.Lock()
	f.calls = append(f.calls, call{strings.TrimPrefix(r.URL.Path, "/"), form, string(body)})
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/auth.test":
		io.WriteString(w, `{"ok":true,"user_id":"UBOT","user":"careerbot"}`)
	case "/chat.postMessage":
		io.WriteString(w, `{"ok":true,"channel":"C1","ts":"200.1"}`)
	default:
		io.WriteString(w, `{"ok":true,"message_ts":"200.2"}`)
	}
}

// posts returns the calls other than auth.test.
func (f *fakeSlack) posts() []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []call
	for _, c := range f.calls {
		if c.method != "auth.test" {
			out = append(out, c)
		}
	}
	return out
}

func engine(t *testing.T) *answer.Engine { return answertest.Bundled(t) }

func newTestBot(tb testing.TB, asker advisor.Asker, lim bots.RateLimiter) (*Bot, *fakeSlack) {
	tb.Helper()
	f := &fakeSlack{}
	srv := httptest.NewServer(f)
	tb.Cleanup(srv.Close)
	b, err := New(context.Background(), bots.NewResponder(asker, bots.Options{Limiter: lim, Dedupe: shared.Local(nil).Claims(10 * time.Minute)}),
		Config{BotToken: "xoxb-test", SigningSecret: secret, APIURL: srv.URL + "/"}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return b, f
}

// signed returns a request signed at ts with the test secret.
func signed(path, body string, ts int64, extra http.Header) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	stamp := strconv.FormatInt(ts, 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + stamp + ":" + body))
	r.Header.Set("X-Slack-Request-Timestamp", stamp)
	r.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	if strings.HasPrefix(body, "{") {
		r.Header.Set("Content-Type", "application/json")
	} else {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range extra {
		r.Header[k] = v
	}
	return r
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// The request in Slack's documentation on verifying requests, one line.
const vectorBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"

func TestSigningVector(t *testing.T) {
	b, _ := newTestBot(t, engine(t), nil)
	vector := func() *http.Request {
		r := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(vectorBody))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("X-Slack-Request-Timestamp", "1531420618")
		r.Header.Set("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
		return r
	}
	tests := []struct {
		name   string
		now    time.Time
		mutate func(*http.Request)
		code   int
	}{
		{"Slack's vector at its time", time.Unix(1531420618, 0), nil, http.StatusOK},
		{"within five minutes", time.Unix(1531420618+299, 0), nil, http.StatusOK},
		{"stale", time.Unix(1531420618+301, 0), nil, http.StatusUnauthorized},
		{"today", time.Now(), nil, http.StatusUnauthorized},
		{"forged signature", time.Unix(1531420618, 0), func(r *http.Request) {
			r.Header.Set("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")
		}, http.StatusUnauthorized},
		{"no signature", time.Unix(1531420618, 0), func(r *http.Request) { r.Header.Del("X-Slack-Signature") }, http.StatusUnauthorized},
		{"replayed with another timestamp", time.Unix(1531420700, 0), func(r *http.Request) { r.Header.Set("X-Slack-Request-Timestamp", "1531420700") }, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b.now = func() time.Time { return tt.now }
			r := vector()
			if tt.mutate != nil {
				tt.mutate(r)
			}
			w := serve(b.CommandsHandler(), r)
			if w.Code != tt.code {
				t.Errorf("Status = %d; want %d (%s)", w.Code, tt.code, w.Body.String())
			}
		})
	}
}

func TestOversizedAndMethod(t *testing.T) {
	b, _ := newTestBot(t, engine(t), nil)
	big := strings.Repeat("a", MaxBody+1)
	if w := serve(b.EventsHandler(), signed("/slack/events", big, time.Now().Unix(), nil)); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized: Status = %d; want 413", w.Code)
	}
	if w := serve(b.EventsHandler(), httptest.NewRequest(http.MethodGet, "/slack/events", nil)); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: Status = %d; want 405", w.Code)
	}
}

func TestURLVerification(t *testing.T) {
	b, _ := newTestBot(t, engine(t), nil)
	w := serve(b.EventsHandler(), signed("/slack/events", `{"type":"url_verification","token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}`, time.Now().Unix(), nil))
	if w.Code != http.StatusOK || w.Body.String() != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("Status %d, body %q; want the challenge", w.Code, w.Body.String())
	}
}

func eventBody(id string, inner map[string]any) string {
	b, _ := json.Marshal(map[string]any{"type": "event_callback", "token": "x", "team_id": "T1", "api_app_id": "A1",
		"event_id": id, "event_time": 1, "event": inner})
	return string(b)
}

func TestEvents(t *testing.T) {
	tests := []struct {
		name   string
		events []map[string]any
		retry  bool
		want   []string // method: substrings of its form
	}{
		{"mention answered in a thread", []map[string]any{{"type": "app_mention", "user": "U1", "text": "<@UBOT> How much does a senior ML engineer make in Romania?", "ts": "100.1", "channel": "C1"}}, false,
			[]string{"chat.postMessage", "thread_ts=100.1", "4%2C500"}},
		{"follow-up in a thread stays there", []map[string]any{{"type": "app_mention", "user": "U1", "text": "<@UBOT> junior salary romania", "ts": "100.5", "thread_ts": "100.1", "channel": "C1"}}, false,
			[]string{"chat.postMessage", "thread_ts=100.1"}},
		{"direct message", []map[string]any{{"type": "message", "channel_type": "im", "user": "U1", "text": "what should I learn after PyTorch?", "ts": "101.1", "channel": "D1"}}, false,
			[]string{"chat.postMessage", "channel=D1", "Specialization"}},
		{"retry answered once", []map[string]any{{"type": "app_mention", "user": "U1", "text": "<@UBOT> junior salary romania", "ts": "102.1", "channel": "C1"}}, true,
			[]string{"chat.postMessage"}},
		{"own message ignored", []map[string]any{{"type": "message", "channel_type": "im", "user": "UBOT", "text": "answer", "ts": "103.1", "channel": "D1"}}, false, nil},
		{"other bots ignored", []map[string]any{{"type": "message", "channel_type": "im", "user": "U9", "bot_id": "B9", "text": "hi", "ts": "104.1", "channel": "D1"}}, false, nil},
		{"channel chatter ignored", []map[string]any{{"type": "message", "channel_type": "channel", "user": "U1", "text": "salary?", "ts": "105.1", "channel": "C1"}}, false, nil},
		{"edits ignored", []map[string]any{{"type": "message", "subtype": "message_changed", "channel_type": "im", "user": "U1", "text": "x", "ts": "106.1", "channel": "D1"}}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, f := newTestBot(t, engine(t), nil)
			for _, ev := range tt.events {
				body := eventBody("Ev1", ev)
				if w := serve(b.EventsHandler(), signed("/slack/events", body, time.Now().Unix(), nil)); w.Code != http.StatusOK {
					t.Fatalf("Status = %d; want 200", w.Code)
				}
				if tt.retry {
					h := http.Header{"X-Slack-Retry-Num": {"1"}, "X-Slack-Retry-Reason": {"http_timeout"}}
					if w := serve(b.EventsHandler(), signed("/slack/events", body, time.Now().Unix(), h)); w.Code != http.StatusOK {
						t.Fatalf("retry: Status = %d; want 200", w.Code)
					}
				}
			}
			b.Wait()
			posts := f.posts()
			if len(tt.want) == 0 {
				if len(posts) != 0 {
					t.Errorf("posted %v; want nothing", posts)
				}
				return
			}
			if len(posts) != 1 || posts[0].method != tt.want[0] {
				t.Fatalf("posted %d times (%v); want one %s", len(posts), posts, tt.want[0])
			}
			for _, s := range tt.want[1:] {
				if !strings.Contains(posts[0].body, s) {
					t.Errorf("%s body lacks %q:\n%s", posts[0].method, s, posts[0].body)
				}
			}
			if q := posts[0].form.Get("text"); strings.Contains(q, "<@UBOT>") {
				t.Errorf("mention not stripped: %q", q)
			}
		})
	}
}

// textAsker answers every question with fixed text and a citation.
type textAsker struct{ text, snippet string }

func (a textAsker) Ask(ctx context.Context, q string) (advisor.Answer, error) {
	return advisor.Answer{Text: a.text, Guides: 1, Citations: []advisor.Citation{{N: 1, Title: "T & <b>", Section: "S", Snippet: a.snippet, Source: "g.md", Line: 2}}}, nil
}

func TestEscaping(t *testing.T) {
	b, f := newTestBot(t, textAsker{"<!channel> pays & <!here> [1]", "<@U123> said <https://x|x>"}, nil)
	serve(b.EventsHandler(), signed("/slack/events", eventBody("Ev9", map[string]any{"type": "app_mention", "user": "U1", "text": "<@UBOT> hi", "ts": "1.1", "channel": "C1"}), time.Now().Unix(), nil))
	b.Wait()
	posts := f.posts()
	if len(posts) != 1 {
		t.Fatalf("posts = %v", posts)
	}
	for _, field := range []string{"text", "blocks"} {
		v := posts[0].form.Get(field)
		if strings.Contains(v, "<!channel>") || strings.Contains(v, "<!here>") || strings.Contains(v, "<@U123>") {
			t.Errorf("%s carries a live mention: %s", field, v)
		}
	}
	// The blocks are JSON, where & is written \u0026.
	blocks := strings.ReplaceAll(posts[0].form.Get("blocks"), `\u0026`, "&")
	if !strings.Contains(blocks, "&lt;!channel&gt; pays &amp; &lt;!here&gt;") || !strings.Contains(blocks, "&lt;@U123&gt;") {
		t.Errorf("blocks not escaped: %s", blocks)
	}
}

func TestMentionRateLimitedIsEphemeral(t *testing.T) {
	b, f := newTestBot(t, engine(t), shared.Local(nil).Limiter(time.Minute, 1))
	for i, id := range []string{"E1", "E2"} {
		ev := map[string]any{"type": "app_mention", "user": "U1", "text": "<@UBOT> junior salary romania", "ts": "1." + strconv.Itoa(i), "channel": "C1"}
		serve(b.EventsHandler(), signed("/slack/events", eventBody(id, ev), time.Now().Unix(), nil))
		b.Wait()
	}
	posts := f.posts()
	if len(posts) != 2 || posts[1].method != "chat.postEphemeral" || posts[1].form.Get("user") != "U1" || !strings.Contains(posts[1].form.Get("text"), "try again in") {
		t.Errorf("posts = %+v; want an answer then an ephemeral try-again to U1", posts)
	}
}

// triggers numbers the commands the tests send: Slack gives each use of a
// command its own trigger id.
var triggers atomic.Int64

func commandBody(text string) string {
	return url.Values{"command": {"/career"}, "text": {text}, "user_id": {"U1"}, "channel_id": {"C1"},
		"trigger_id": {fmt.Sprint("t", triggers.Add(1))}, "response_url": {"https://hooks.example/x"}, "team_id": {"T1"}}.Encode()
}

func TestCareerCommand(t *testing.T) {
	b, _ := newTestBot(t, engine(t), nil)
	w := serve(b.CommandsHandler(), signed("/slack/commands", commandBody("what should I learn after PyTorch?"), time.Now().Unix(), nil))
	var msg slack.Msg
	if err := json.Unmarshal(w.Body.Bytes(), &msg); err != nil {
		t.Fatalf("response %q: %v", w.Body.String(), err)
	}
	if msg.ResponseType != slack.ResponseTypeEphemeral || !strings.Contains(msg.Text, "Specialization") {
		t.Errorf("response %+v; want an ephemeral answer", msg)
	}
	raw := w.Body.String()
	if !strings.Contains(raw, shareAction) || !strings.Contains(raw, "Share in channel") || !strings.Contains(raw, `"type":"context"`) {
		t.Errorf("response lacks the share button or context blocks: %s", raw)
	}
	w = serve(b.CommandsHandler(), signed("/slack/commands", commandBody(""), time.Now().Unix(), nil))
	if !strings.Contains(w.Body.String(), "Ask me a career question") {
		t.Errorf("empty /career: %s", w.Body.String())
	}
}

// TestCareerCommandReadAs checks a corrected question's answer opens
// with a context block saying how it was read, escaped.
func TestCareerCommandReadAs(t *testing.T) {
	b, _ := newTestBot(t, engine(t), nil)
	w := serve(b.CommandsHandler(), signed("/slack/commands", commandBody("jr DS salery in the US <!here>"), time.Now().Unix(), nil))
	var msg slack.Msg
	if err := json.Unmarshal(w.Body.Bytes(), &msg); err != nil {
		t.Fatalf("response %q: %v", w.Body.String(), err)
	}
	if len(msg.Blocks.BlockSet) < 2 {
		t.Fatalf("blocks = %s", w.Body.String())
	}
	first, ok := msg.Blocks.BlockSet[0].(*slack.ContextBlock)
	if !ok || len(first.ContextElements.Elements) != 1 {
		t.Fatalf("first block %T; want the read-as context block", msg.Blocks.BlockSet[0])
	}
	text := first.ContextElements.Elements[0].(*slack.TextBlockObject).Text
	if want := "Read as: “jr DS salary in the US &lt;!here&gt;”"; text != want {
		t.Errorf("read-as block %q; want %q", text, want)
	}
	if !strings.Contains(msg.Text, "$70,000–$95,000") {
		t.Errorf("answer %q", msg.Text)
	}
}

func TestShareInChannel(t *testing.T) {
	b, f := newTestBot(t, engine(t), nil)
	srv := httptest.NewServer(f)
	defer srv.Close()
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": "t2", "response_url": srv.URL + "/response",
		"user": map[string]any{"id": "U1"}, "channel": map[string]any{"id": "C1"},
		"actions": []map[string]any{{"action_id": shareAction, "block_id": "b", "type": "button", "value": "junior ML salary romania"}},
	})
	w := serve(b.InteractivityHandler(), signed("/slack/interactivity", url.Values{"payload": {string(payload)}}.Encode(), time.Now().Unix(), nil))
	if w.Code != http.StatusOK {
		t.Fatalf("Status = %d", w.Code)
	}
	b.Wait()
	posts := f.posts()
	if len(posts) != 2 || posts[0].method != "chat.postMessage" || posts[0].form.Get("channel") != "C1" ||
		!strings.Contains(posts[0].form.Get("text"), "€1,500–€2,500") || posts[1].method != "response" || !strings.Contains(posts[1].body, `"delete_original":true`) {
		t.Errorf("posts = %+v; want the answer in C1 and the private one deleted", posts)
	}
}

type fakeAcker struct {
	mu       sync.Mutex
	acked    []string
	payloads []any
}

func (a *fakeAcker) Ack(req socketmode.Request, payload ...any) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.acked = append(a.acked, req.EnvelopeID)
	a.payloads = append(a.payloads, payload)
	return nil
}

func TestSocketModeDispatch(t *testing.T) {
	b, f := newTestBot(t, engine(t), nil)
	ack := &fakeAcker{}
	ev, err := slackevents.ParseEvent(json.RawMessage(eventBody("Ev5", map[string]any{"type": "app_mention", "user": "U1", "text": "<@UBOT> junior salary romania", "ts": "9.1", "channel": "C1"})), slackevents.OptionNoVerifyToken())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	b.dispatch(ctx, socketmode.Event{Type: socketmode.EventTypeEventsAPI, Data: ev, Request: &socketmode.Request{EnvelopeID: "env1"}}, ack)
	b.dispatch(ctx, socketmode.Event{Type: socketmode.EventTypeSlashCommand, Data: slack.SlashCommand{Command: "/career", Text: "junior ML salary romania", UserID: "U2"}, Request: &socketmode.Request{EnvelopeID: "env2"}}, ack)
	b.dispatch(ctx, socketmode.Event{Type: socketmode.EventTypeHello}, ack)
	b.Wait()
	if strings.Join(ack.acked, ",") != "env1,env2" {
		t.Errorf("acked %v; want env1 and env2", ack.acked)
	}
	p, _ := json.Marshal(ack.payloads[1])
	if !strings.Contains(string(p), "€1,500–€2,500") || !strings.Contains(string(p), "ephemeral") {
		t.Errorf("slash command ack payload %s; want the private answer", p)
	}
	if posts := f.posts(); len(posts) != 1 || posts[0].form.Get("thread_ts") != "9.1" {
		t.Errorf("posts = %+v; want the mention answered in its thread", posts)
	}
}

func TestStripMentions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<@UBOT> what salary?", "what salary?"},
		{"hey <@UBOT|careerbot>   pay in <@U2> Romania", "hey pay in Romania"},
		{"no mention", "no mention"},
	}
	for _, tt := range tests {
		if got := stripMentions(tt.in); got != tt.want {
			t.Errorf("stripMentions(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestLongAnswerFitsSlackLimits(t *testing.T) {
	long := advisor.Answer{Text: strings.Repeat("<word> ", 1000), Guides: 1}
	for i := 1; i <= 30; i++ {
		long.Citations = append(long.Citations, advisor.Citation{N: i, Title: "T", Section: "S", Snippet: strings.Repeat("s ", 2000), Source: "g.md", Line: i})
	}
	bs, text := blocks(long, "q", true)
	if len(bs) > 50 {
		t.Errorf("%d blocks; Slack allows 50", len(bs))
	}
	if n := len([]rune(text)); n > 3000 || !strings.HasSuffix(text, "…") || strings.Contains(text, "<") {
		t.Errorf("section text is %d characters, ends %q; want at most 3000, cut with …, escaped", n, text[len(text)-10:])
	}
	for _, b := range bs[1:] {
		if c, ok := b.(*slack.ContextBlock); ok {
			for _, el := range c.ContextElements.Elements {
				if to, ok := el.(*slack.TextBlockObject); ok && len([]rune(to.Text)) > 3000 {
					t.Errorf("context text is %d characters; Slack allows 3000", len([]rune(to.Text)))
				}
			}
		}
	}
}

// BenchmarkSlashCommand measures a signed /career through the HTTP
// handler: verification, the engine, Block Kit and the JSON response.
func BenchmarkSlashCommand(b *testing.B) {
	e := answertest.Bundled(b)
	f := &fakeSlack{}
	srv := httptest.NewServer(f)
	defer srv.Close()
	bot, err := New(context.Background(), bots.NewResponder(e, bots.Options{}), Config{BotToken: "xoxb-test", SigningSecret: secret, APIURL: srv.URL + "/"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	h := bot.CommandsHandler()
	var size int
	b.ReportAllocs()
	for b.Loop() {
		body := commandBody("How much does a senior ML engineer make in Romania?")
		w := serve(h, signed("/slack/commands", body, time.Now().Unix(), nil))
		if w.Code != http.StatusOK {
			b.Fatalf("Status = %d", w.Code)
		}
		size = w.Body.Len()
	}
	b.ReportMetric(float64(size), "response-bytes")
}

// FuzzEvents sends arbitrary signed bodies to the events endpoint: every
// one gets a status, nothing panics, and answers go only to the fake API.
func FuzzEvents(f *testing.F) {
	for _, s := range []string{
		`{"type":"url_verification","challenge":"x"}`,
		eventBody("E1", map[string]any{"type": "app_mention", "user": "U1", "text": "<@UBOT> pay?", "ts": "1.1", "channel": "C1"}),
		eventBody("E2", map[string]any{"type": "message", "channel_type": "im", "user": "U1", "text": "<!channel>", "ts": "1.2", "channel": "D1"}),
		`{"type":"event_callback","event":{"type":"app_mention"}}`,
		`{"type":"event_callback","event":null}`,
		`[]`,
		eventBody("E3", map[string]any{"type": "app_mention", "user": "U1", "text": "<@UBOT> <!here> @everyone \u202ejunior ML salary romania", "ts": "1.3", "channel": "C1"}),
		eventBody("E4", map[string]any{"type": "message", "channel_type": "im", "user": "U1", "text": "<#C1|general> Roma\u200bnia pay\ufeff", "ts": "1.4", "channel": "D1"}),
	} {
		f.Add(s)
	}
	b, fake := newTestBot(f, answertest.Bundled(f), nil)
	h := b.EventsHandler()
	f.Fuzz(func(t *testing.T, body string) {
		before := len(fake.posts())
		w := serve(h, signed("/slack/events", body, time.Now().Unix(), nil))
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest && w.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("Status = %d for %q", w.Code, body)
		}
		b.Wait()
		for _, p := range fake.posts()[before:] {
			if invisible(p.form.Get("text")) || invisible(p.form.Get("blocks")) {
				t.Fatalf("a post for %q holds an invisible character: %v", body, p.form)
			}
		}
	})
}

// FuzzInteractivity sends arbitrary signed button payloads (votes, shares)
// through the interactivity handler of a bot that keeps feedback: it must
// answer every one and never panic.
func FuzzInteractivity(f *testing.F) {
	vote := func(action, value string) string {
		p, _ := json.Marshal(map[string]any{"type": "block_actions", "user": map[string]any{"id": "U1"}, "channel": map[string]any{"id": "C1"},
			"message": map[string]any{"thread_ts": "1.1"}, "actions": []map[string]any{{"action_id": action, "type": "button", "value": value}}})
		return string(p)
	}
	for _, s := range []string{
		vote(helpfulAction, "0123456789abcdef"),
		vote(notHelpfulAction, ""),
		vote(shareAction, "and for juniors?"),
		vote(shareAction, "<@U1> \u202ejunior ML salary romania\u200b"),
		`{"type":"block_actions","actions":null}`,
		`{}`,
	} {
		f.Add(s)
	}
	fs := &fakeSlack{}
	srv := httptest.NewServer(fs)
	f.Cleanup(srv.Close)
	r := bots.NewResponder(answertest.Bundled(f), bots.Options{Context: bots.NewMemoryContext(10), Journal: discardJournal{}})
	b, err := New(context.Background(), r, Config{BotToken: "xoxb-test", SigningSecret: secret, APIURL: srv.URL + "/"}, nil)
	if err != nil {
		f.Fatal(err)
	}
	h := b.InteractivityHandler()
	f.Fuzz(func(t *testing.T, payload string) {
		w := serve(h, signed("/slack/interactivity", url.Values{"payload": {payload}}.Encode(), time.Now().Unix(), nil))
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("Status = %d for %q", w.Code, payload)
		}
		b.Wait()
	})
}

// FuzzCommands sends arbitrary /career questions and trigger ids, signed,
// twice each: the first gets an ephemeral message or a refusal, with
// nothing invisible in it; the replay gets an empty 200.
func FuzzCommands(f *testing.F) {
	for _, s := range [][2]string{
		{"junior ML salary romania", "t1"},
		{"<@U0BOT> <!here> what salary for senior ML in Romania", "t2"},
		{"@everyone \u202ewhat\u202c salary in Roma\u200bnia", ""},
		{"<!subteam^S1|@ml>", "t3"},
		{"", "t4"},
		{strings.Repeat("pay ", 300), "t5"},
		{"\u2066\u2069\ufeff", "t6"},
	} {
		f.Add(s[0], s[1])
	}
	b, _ := newTestBot(f, answertest.Bundled(f), nil)
	h := b.CommandsHandler()
	var n atomic.Int64
	f.Fuzz(func(t *testing.T, text, trigger string) {
		// Each input is a use of its own: its trigger id (or, without
		// one, its signature) is new.
		if trigger != "" {
			trigger = fmt.Sprint(trigger, "-", n.Add(1))
		}
		body := url.Values{"command": {"/career"}, "text": {text}, "user_id": {fmt.Sprint("U", n.Add(1))}, "channel_id": {"C1"}, "trigger_id": {trigger}}.Encode()
		ts := time.Now().Unix() - n.Add(1)%200 // a body without a trigger is named by its signature
		w := serve(h, signed("/slack/commands", body, ts, nil))
		if w.Code != http.StatusOK {
			t.Fatalf("Status = %d for %q", w.Code, text)
		}
		var msg slack.Msg
		if err := json.Unmarshal(w.Body.Bytes(), &msg); err != nil || msg.ResponseType != slack.ResponseTypeEphemeral || msg.Text == "" {
			t.Fatalf("/career %q = %q; want an ephemeral message", text, w.Body.String())
		}
		if invisible(w.Body.String()) {
			t.Fatalf("/career %q = %q holds an invisible character", text, w.Body.String())
		}
		if replay := serve(h, signed("/slack/commands", body, ts, nil)); replay.Code != http.StatusOK || replay.Body.Len() != 0 {
			t.Fatalf("replay of /career %q = %d %q; want an empty 200", text, replay.Code, replay.Body.String())
		}
	})
}

// discardJournal takes every record and keeps none.
type discardJournal struct{}

func (discardJournal) RecordAnswer(advisor.AnswerRecord) bool { return true }
func (discardJournal) RecordVote(advisor.VoteRecord) bool     { return true }

func TestConversationKeys(t *testing.T) {
	tests := []struct {
		name, channel, thread, user, want string
	}{
		{"a thread, whoever asks", "C1", "100.1", "U1", "slack:C1:100.1"},
		{"the same thread, another user", "C1", "100.1", "U2", "slack:C1:100.1"},
		{"a direct message", "D1", "", "U1", "slack:D1:user:U1"},
		{"/career in a channel", "C1", "", "U2", "slack:C1:user:U2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := conversation(tt.channel, tt.thread, tt.user)
			if c.Key != tt.want || c.TTL != time.Hour {
				t.Errorf("conversation = %+v; want key %q for an hour", c, tt.want)
			}
		})
	}
}
