package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/shared"
	"github.com/careerbot/careerbot/internal/shared/redistest"
)

// invisible reports whether s holds a character advisor.Invisible names.
func invisible(s string) bool { return strings.IndexFunc(s, advisor.Invisible) >= 0 }

// TestHostileQuestions checks that questions opening with mentions and
// pings, or hiding bidi controls and zero-width characters, are answered
// as if typed plainly, by /career, a mention and a direct message, and
// that nothing invisible reaches Slack.
func TestHostileQuestions(t *testing.T) {
	const figure = "€4,500–€8,000"
	questions := []string{
		"<@U0OTHER> what salary for senior ML in Romania",
		"@everyone what salary for senior ML in Romania",
		"@here, what salary for senior ML in Romania",
		"<!here> <!channel> <#C1|general>: what salary for senior ML in Romania",
		"<!subteam^S1|@ml> what salary for senior ML in Romania",
		"what salary for senior ML in Roma\u200bnia",
		"\u202ewhat salary for senior ML in Romania\u202c",
		"\u2066what\u2069 salary\u200e for senior ML in \ufeffRomania\u2060",
	}
	for _, q := range questions {
		t.Run("/career "+q, func(t *testing.T) {
			b, _ := newTestBot(t, engine(t), nil)
			w := serve(b.CommandsHandler(), signed("/slack/commands", commandBody(q), time.Now().Unix(), nil))
			if !strings.Contains(w.Body.String(), figure) {
				t.Errorf("/career %q = %s; want the figure", q, w.Body.String())
			}
			if invisible(w.Body.String()) {
				t.Errorf("the reply holds an invisible character: %q", w.Body.String())
			}
		})
		for _, kind := range []string{"app_mention", "message"} {
			t.Run(kind+" "+q, func(t *testing.T) {
				b, f := newTestBot(t, engine(t), nil)
				ev := map[string]any{"type": kind, "user": "U1", "text": "<@UBOT> " + q, "ts": "1.1", "channel": "C1"}
				if kind == "message" {
					ev["channel_type"], ev["text"] = "im", q
				}
				serve(b.EventsHandler(), signed("/slack/events", eventBody("Ev-"+kind, ev), time.Now().Unix(), nil))
				b.Wait()
				posts := f.posts()
				if len(posts) != 1 || !strings.Contains(posts[0].form.Get("text"), figure) {
					t.Fatalf("posts = %+v; want one answer with the figure", posts)
				}
				if invisible(posts[0].form.Get("text")) || invisible(posts[0].form.Get("blocks")) {
					t.Errorf("the post holds an invisible character: %q", posts[0].form)
				}
			})
		}
	}
}

// TestInvisibleFromGuidesNotPosted checks that bidi controls and
// zero-width characters in an answer's text, title, section or snippet
// never reach Slack.
func TestInvisibleFromGuidesNotPosted(t *testing.T) {
	b, f := newTestBot(t, textAsker{"pays \u202eevil\u202c [1]", "snip\u200bpet \u2066x\u2069"}, nil)
	w := serve(b.CommandsHandler(), signed("/slack/commands", commandBody("q\u202e"), time.Now().Unix(), nil))
	serve(b.EventsHandler(), signed("/slack/events", eventBody("EvInv", map[string]any{"type": "app_mention", "user": "U1", "text": "<@UBOT> hi", "ts": "1.1", "channel": "C1"}), time.Now().Unix(), nil))
	b.Wait()
	posts := f.posts()
	if len(posts) != 1 {
		t.Fatalf("posts = %+v", posts)
	}
	for name, s := range map[string]string{"/career reply": w.Body.String(), "text": posts[0].form.Get("text"), "blocks": posts[0].form.Get("blocks")} {
		if invisible(s) || !strings.Contains(s, "evil") {
			t.Errorf("%s = %q; want the text without its invisible characters", name, s)
		}
	}
}

// replica is one Slack bot of a deployment whose replicas share dedupe.
func replica(t *testing.T, d bots.Deduper, f *fakeSlack) *Bot {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	b, err := New(context.Background(), bots.NewResponder(engine(t), bots.Options{Dedupe: d}),
		Config{BotToken: "xoxb-test", SigningSecret: secret, APIURL: srv.URL + "/"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReplayedCommand is issue 15's replay: a signed /career request
// sent again inside the five-minute window is acknowledged but not
// answered again — by the same process, or by another replica sharing
// Redis — while a new use of the command is.
func TestReplayedCommand(t *testing.T) {
	deployments := []struct {
		name   string
		dedupe func(t *testing.T) (a, b bots.Deduper)
	}{
		{"one process", func(t *testing.T) (bots.Deduper, bots.Deduper) {
			c := shared.Local(nil).Claims(10 * time.Minute)
			return c, c
		}},
		{"two replicas on Redis", func(t *testing.T) (bots.Deduper, bots.Deduper) {
			url := redistest.Start(t)
			open := func() bots.Deduper {
				s, err := shared.Open(context.Background(), url, "replay-test:", nil)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				return s.Claims(10 * time.Minute)
			}
			return open(), open()
		}},
	}
	for _, d := range deployments {
		t.Run(d.name, func(t *testing.T) {
			da, db := d.dedupe(t)
			f := &fakeSlack{}
			a, b := replica(t, da, f), replica(t, db, f)
			body := commandBody("junior ML salary romania")
			ts := time.Now().Unix()
			first := serve(a.CommandsHandler(), signed("/slack/commands", body, ts, nil))
			if first.Code != 200 || !strings.Contains(first.Body.String(), "€1,500–€2,500") {
				t.Fatalf("first request: %d %s", first.Code, first.Body)
			}
			for name, bot := range map[string]*Bot{"same replica": a, "other replica": b} {
				replay := serve(bot.CommandsHandler(), signed("/slack/commands", body, ts, nil))
				if replay.Code != 200 || replay.Body.Len() != 0 {
					t.Errorf("replay to the %s: %d %q; want an empty 200", name, replay.Code, replay.Body)
				}
			}
			again := serve(b.CommandsHandler(), signed("/slack/commands", commandBody("junior ML salary romania"), ts, nil))
			if !strings.Contains(again.Body.String(), "€1,500–€2,500") {
				t.Errorf("a new use of the command (another trigger id) = %s; want it answered", again.Body)
			}

			// A replayed "Share in channel" click posts once.
			payload, _ := json.Marshal(map[string]any{
				"type": "block_actions", "trigger_id": "share-1", "user": map[string]any{"id": "U1"}, "channel": map[string]any{"id": "C1"},
				"actions": []map[string]any{{"action_id": shareAction, "block_id": "b", "type": "button", "value": "junior ML salary romania"}},
			})
			click := url.Values{"payload": {string(payload)}}.Encode()
			for _, bot := range []*Bot{a, b, a} {
				if w := serve(bot.InteractivityHandler(), signed("/slack/interactivity", click, ts, nil)); w.Code != http.StatusOK {
					t.Errorf("click: %d", w.Code)
				}
				bot.Wait()
			}
			if n := len(f.posts()); n != 1 {
				t.Errorf("a click sent three times posted %d times; want once", n)
			}
		})
	}
}

// TestReplayWithoutTrigger checks a command without a trigger id is named
// by its signature: a replay is not answered, another request is.
func TestReplayWithoutTrigger(t *testing.T) {
	b, _ := newTestBot(t, engine(t), nil)
	body := url.Values{"command": {"/career"}, "text": {"junior ML salary romania"}, "user_id": {"U1"}, "channel_id": {"C1"}}.Encode()
	ts := time.Now().Unix()
	if w := serve(b.CommandsHandler(), signed("/slack/commands", body, ts, nil)); !strings.Contains(w.Body.String(), "€1,500") {
		t.Fatalf("first: %s", w.Body)
	}
	if w := serve(b.CommandsHandler(), signed("/slack/commands", body, ts, nil)); w.Body.Len() != 0 {
		t.Errorf("replay: %q; want nothing", w.Body)
	}
	if w := serve(b.CommandsHandler(), signed("/slack/commands", body, ts+1, nil)); !strings.Contains(w.Body.String(), "€1,500") {
		t.Errorf("the same text signed another second: %q; want it answered", w.Body)
	}
}
