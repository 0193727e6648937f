package discord_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/bots/discord"
)

// fakeGateway speaks enough of Discord's gateway for one session: Hello,
// Identify, Ready, then one INTERACTION_CREATE; and the REST endpoints the
// session calls. It reports the Identify payload and the interaction
// callback it receives.
type fakeGateway struct {
	identify chan map[string]any
	callback chan string
	srv      *httptest.Server
}

func newFakeGateway(t *testing.T, interaction string) *fakeGateway {
	f := &fakeGateway{identify: make(chan map[string]any, 1), callback: make(chan string, 1)}
	up := websocket.Upgrader{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"url": "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/ws"})
	})
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f.callback <- string(b)
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/ws/", func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		c.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
		var id map[string]any
		if err := c.ReadJSON(&id); err != nil {
			return
		}
		f.identify <- id
		c.WriteJSON(map[string]any{"op": 0, "s": 1, "t": "READY", "d": map[string]any{"v": 10, "session_id": "s1",
			"user": map[string]any{"id": "bot1", "username": "careerbot"}, "guilds": []any{}}})
		c.WriteMessage(websocket.TextMessage, []byte(`{"op":0,"s":2,"t":"INTERACTION_CREATE","d":`+interaction+`}`))
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func TestGatewayAnswersInteraction(t *testing.T) {
	tests := []struct {
		name      string
		id, count int
		shard     string // the Identify payload's shard field
	}{
		{"unsharded", 0, 0, "<nil>"},
		{"shard 1 of 2", 1, 2, "[1 2]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engine(t)
			f := newFakeGateway(t, string(command("ask", opt("question", "junior ML salary romania"))))
			s, err := discordgo.New("Bot test-token")
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse(f.srv.URL)
			s.Client = &http.Client{Transport: rewrite{u}}
			s.ShardID, s.ShardCount = tt.id, tt.count
			bot := discord.New(bots.NewResponder(e, bots.Options{}), e, nil)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- bot.RunGateway(ctx, s) }()
			defer func() {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("RunGateway: %v", err)
				}
			}()

			select {
			case id := <-f.identify:
				d, _ := id["d"].(map[string]any)
				if id["op"] != float64(2) || d["token"] != "Bot test-token" || d["intents"] != float64(0) {
					t.Errorf("identify = %v; want op 2 with the token and no intents", id)
				}
				if got := fmt.Sprint(d["shard"]); got != tt.shard {
					t.Errorf("identify shard = %s; want %s", got, tt.shard)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no identify")
			}
			select {
			case body := <-f.callback:
				if !strings.Contains(body, `"type":4`) || !strings.Contains(body, "€1,500–€2,500") || !strings.Contains(body, `"allowed_mentions":{"parse":[]`) {
					t.Errorf("callback = %s; want the answer as a channel message with no mentions", body)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no interaction callback")
			}
			select {
			case <-bot.Connected():
			default:
				t.Error("Connected() not closed after the gateway connected")
			}
		})
	}
}
