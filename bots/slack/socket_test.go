package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/careerbot/careerbot/bots"
)

// TestSocketModeEndToEnd runs the bot against a fake Slack speaking Socket
// Mode: apps.connections.open, hello, an event envelope and a slash
// command envelope, each of which must be acknowledged by envelope id.
func TestSocketModeEndToEnd(t *testing.T) {
	acks := make(chan map[string]any, 4)
	posts := make(chan url.Values, 4)
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/auth.test":
			io.WriteString(w, `{"ok":true,"user_id":"UBOT"}`)
		case "/apps.connections.open":
			if r.Header.Get("Authorization") != "Bearer xapp-1" {
				io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
				return
			}
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "url": "ws" + strings.TrimPrefix(srv.URL, "http") + "/ws"})
		case "/chat.postMessage":
			b, _ := io.ReadAll(r.Body)
			v, _ := url.ParseQuery(string(b))
			posts <- v
			io.WriteString(w, `{"ok":true,"channel":"C1","ts":"2.2"}`)
		case "/ws":
			c, err := up.Upgrade(w, r, nil)
			if err != nil {
				return
			}
			defer c.Close()
			c.WriteJSON(map[string]any{"type": "hello", "num_connections": 1, "connection_info": map[string]any{"app_id": "A1"}})
			c.WriteJSON(map[string]any{"envelope_id": "env-event", "type": "events_api", "payload": json.RawMessage(eventBody("Ev7",
				map[string]any{"type": "app_mention", "user": "U1", "text": "<@UBOT> junior ML salary romania", "ts": "1.1", "channel": "C1"}))})
			c.WriteJSON(map[string]any{"envelope_id": "env-cmd", "type": "slash_commands", "accepts_response_payload": true,
				"payload": map[string]any{"command": "/career", "text": "what should I learn after PyTorch?", "user_id": "U1", "channel_id": "C1"}})
			for {
				var ack map[string]any
				if err := c.ReadJSON(&ack); err != nil {
					return
				}
				acks <- ack
			}
		}
	}))
	defer srv.Close()

	ctx, cancel := context.WithCancel(context.Background())
	b, err := New(ctx, bots.NewResponder(engine(t), bots.Options{}), Config{BotToken: "xoxb-1", AppToken: "xapp-1", APIURL: srv.URL + "/"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- b.RunSocketMode(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("RunSocketMode: %v", err)
		}
	}()

	got := map[string]string{}
	for len(got) < 2 {
		select {
		case ack := <-acks:
			p, _ := json.Marshal(ack["payload"])
			got[ack["envelope_id"].(string)] = string(p)
		case <-time.After(10 * time.Second):
			t.Fatalf("acks so far: %v", got)
		}
	}
	select {
	case <-b.Connected():
	default:
		t.Error("Connected() not closed after hello")
	}
	if p := got["env-cmd"]; !strings.Contains(p, "Specialization") || !strings.Contains(p, "ephemeral") {
		t.Errorf("slash command ack payload = %s; want the private answer", p)
	}
	select {
	case v := <-posts:
		if v.Get("channel") != "C1" || v.Get("thread_ts") != "1.1" || !strings.Contains(v.Get("text"), "€1,500–€2,500") {
			t.Errorf("chat.postMessage %v; want the answer in the mention's thread", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the mention was not answered")
	}
}
