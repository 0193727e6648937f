package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/slack-go/slack"

	"github.com/careerbot/careerbot/bots/discord"
	"github.com/careerbot/careerbot/internal/logtest"
	"github.com/careerbot/careerbot/internal/store"
)

var discordEscape = discord.Escape

// slackRecorder is Slack's Web API as serve uses it: auth.test, and the
// messages posted, kept in order.
type slackRecorder struct {
	mu    sync.Mutex
	posts []url.Values // chat.postMessage and chat.postEphemeral forms, with "method" added
}

func (s *slackRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	form, _ := url.ParseQuery(string(body))
	w.Header().Set("Content-Type", "application/json")
	method := strings.TrimPrefix(r.URL.Path, "/")
	if method == "auth.test" {
		io.WriteString(w, `{"ok":true,"user_id":"UBOT"}`)
		return
	}
	form.Set("method", method)
	s.mu.Lock()
	s.posts = append(s.posts, form)
	s.mu.Unlock()
	io.WriteString(w, `{"ok":true,"channel":"C1","ts":"200.1","message_ts":"200.2"}`)
}

// wait returns the n-th post (from 1) once it arrives.
func (s *slackRecorder) wait(t *testing.T, n int) url.Values {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		s.mu.Lock()
		if len(s.posts) >= n {
			p := s.posts[n-1]
			s.mu.Unlock()
			return p
		}
		s.mu.Unlock()
	}
	t.Fatalf("Slack post %d never came", n)
	return nil
}

// TestConversationsAndFeedbackEndToEnd is the demonstration: a
// four-turn conversation in a Slack thread and on Discord, through serve's
// HTTP endpoints, each follow-up answered in context; then votes from both
// platforms, repeated clicks included, counted once each in
// "careerbot report --json".
func TestConversationsAndFeedbackEndToEnd(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	rec := &slackRecorder{}
	slackAPI := httptest.NewServer(rec)
	defer slackAPI.Close()
	conf := discordConfig(pub) + fmt.Sprintf(`
[slack]
mode = "http"
bot_token = "xoxb-t"
signing_secret = "s3cret"
api_url = %q
[store]
hash_key = "test-key"
`, slackAPI.URL+"/")
	base, stop, logs := startServe(t, conf)
	dbPath := filepath.Join(filepath.Dir(configPathOf(t, logs)), "careerbot.db")

	slackPost := func(path, contentType, body string) {
		t.Helper()
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		mac := hmac.New(sha256.New, []byte("s3cret"))
		mac.Write([]byte("v0:" + ts + ":" + body))
		req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST %s = %d", path, resp.StatusCode)
		}
	}
	discordPost := func(v any) interactionReply {
		t.Helper()
		code, body := interact(t, base, priv, v)
		var out interactionReply
		if err := json.Unmarshal(body, &out); err != nil || code != 200 {
			t.Fatalf("interaction = %d, %v", code, err)
		}
		return out
	}

	// Slack: four mentions in one thread.
	slackTurns := []struct{ q, readAs, says string }{
		{"How much does a senior ML engineer earn in Romania?", "", "€4,500–€8,000"},
		{"and for juniors?", "Senior → junior, ML engineer, Romania", "€1,500–€2,500"},
		{"what about the US?", "Junior, ML engineer, Romania → the United States", "$80,000–$120,000"},
		{"and after that?", "Junior → mid-level, ML engineer, the United States", "mid-level $120,000–$200,000"},
	}
	var slackIDs []string
	for n, tt := range slackTurns {
		ev := map[string]any{"type": "app_mention", "user": "U1", "text": "<@UBOT> " + tt.q, "ts": fmt.Sprintf("100.%d", n+1), "channel": "C1"}
		if n > 0 {
			ev["thread_ts"] = "100.1"
		}
		body, _ := json.Marshal(map[string]any{"type": "event_callback", "event_id": fmt.Sprintf("Ev%d", n), "event": ev})
		slackPost("/slack/events", "application/json", string(body))
		post := rec.wait(t, n+1)
		if post.Get("thread_ts") != "100.1" || !strings.Contains(post.Get("text"), tt.says) {
			t.Errorf("Slack turn %d %q: thread %q, answer %q; want it in thread 100.1 saying %q", n+1, tt.q, post.Get("thread_ts"), post.Get("text"), tt.says)
		}
		blocks := post.Get("blocks")
		if tt.readAs != "" && !strings.Contains(blocks, "Read as: “"+tt.readAs+"”") {
			t.Errorf("Slack turn %d: blocks lack %q:\n%s", n+1, tt.readAs, blocks)
		}
		slackIDs = append(slackIDs, slackAnswerID(t, blocks))
	}

	// Discord: four /ask from one user in one channel.
	discordTurns := []struct{ q, readAs, says string }{
		{"Where do I start?", "", "Start with Level 1: Fundamentals"},
		{"and after that?", "after Level 1: Fundamentals", "move on to Level 2: Machine Learning Core"},
		{"and after that?", "after Level 2: Machine Learning Core", "move on to Level 3: Specialization"},
		{"how long does that take?", "That → Specialization", "Level 3: Specialization takes 12+ months"},
	}
	var discordButtons []string
	for n, tt := range discordTurns {
		resp := discordPost(map[string]any{"id": fmt.Sprint("i", n), "type": 2, "application_id": "app1", "token": "t", "channel_id": "ch1",
			"member": map[string]any{"user": map[string]any{"id": "u1"}},
			"data":   map[string]any{"id": "c", "name": "ask", "type": 1, "options": []map[string]any{{"name": "question", "type": 3, "value": tt.q}}}})
		if resp.Data == nil || len(resp.Data.Embeds) != 1 {
			t.Fatalf("Discord turn %d: %+v", n+1, resp.Data)
		}
		e := resp.Data.Embeds[0]
		if !strings.Contains(e.Description, tt.says) {
			t.Errorf("Discord turn %d %q: %q; want %q", n+1, tt.q, e.Description, tt.says)
		}
		if got, _, _ := strings.Cut(e.Description, "\n"); tt.readAs != "" && got != discordEscape("Read as: “"+tt.readAs+"”") {
			t.Errorf("Discord turn %d: read as %q; want %q", n+1, got, tt.readAs)
		}
		discordButtons = append(discordButtons, buttonIDs(t, resp.Data.Components)...)
	}

	// Votes: Slack's U1 finds turn 2 helpful (clicking twice), U2 not
	// helpful; Discord's u1 finds turn 4 helpful (twice), u2 turn 1 not.
	clicks := 0
	slackVote := func(user, action, answerID string) {
		clicks++ // each click has its own trigger id
		payload, _ := json.Marshal(map[string]any{"type": "block_actions", "trigger_id": fmt.Sprint("t", clicks), "user": map[string]any{"id": user},
			"channel": map[string]any{"id": "C1"}, "message": map[string]any{"ts": "200.1", "thread_ts": "100.1"},
			"actions": []map[string]any{{"action_id": action, "block_id": "careerbot_actions", "type": "button", "value": answerID}}})
		slackPost("/slack/interactivity", "application/x-www-form-urlencoded", url.Values{"payload": {string(payload)}}.Encode())
	}
	acks := len(slackTurns)
	for _, v := range []struct{ user, action, want string }{
		{"U1", "careerbot_helpful", "Thanks — noted."},
		{"U1", "careerbot_helpful", "already voted"},
		{"U2", "careerbot_not_helpful", "Thanks — noted."},
	} {
		slackVote(v.user, v.action, slackIDs[1])
		acks++
		ack := rec.wait(t, acks)
		if ack.Get("method") != "chat.postEphemeral" || ack.Get("user") != v.user || !strings.Contains(ack.Get("text"), v.want) || ack.Get("thread_ts") != "100.1" {
			t.Errorf("vote by %s acknowledged with %v; want a private %q in the thread", v.user, ack, v.want)
		}
	}
	votes := 0 // each click is an interaction of its own, with its own id
	discordVote := func(user, customID string) interactionReply {
		votes++
		return discordPost(map[string]any{"id": fmt.Sprint("v", votes), "type": 3, "application_id": "app1", "token": "t", "channel_id": "ch1",
			"member": map[string]any{"user": map[string]any{"id": user}},
			"data":   map[string]any{"custom_id": customID, "component_type": 2}})
	}
	for _, v := range []struct {
		user, button, want string
	}{
		{"u1", discordButtons[6], "Thanks — noted."}, // turn 4, helpful
		{"u1", discordButtons[6], "already voted"},
		{"u2", discordButtons[1], "Thanks — noted."}, // turn 1, not helpful
	} {
		resp := discordVote(v.user, v.button)
		if resp.Data == nil || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, v.want) {
			t.Errorf("Discord vote by %s: %+v; want a private %q", v.user, resp.Data, v.want)
		}
	}

	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`careerbot_feedback_total{platform="discord",vote="helpful"} 1`,
		`careerbot_feedback_total{platform="slack",vote="not_helpful"} 1`,
	} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if code := stop(); code != 0 {
		t.Fatalf("serve exited %d:\n%s", code, logs)
	}
	for _, secret := range []string{"and for juniors", "U1", "u2"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("logs hold %q", secret)
		}
	}

	// The report, as a guide writer runs it.
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	if code := m.Run(context.Background(), []string{"report", "--json", "--store", dbPath}); code != 0 {
		t.Fatalf("report exited %d", code)
	}
	var r store.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out.String())
	}
	if r.Answers != 8 || r.Votes.Helpful != 2 || r.Votes.NotHelpful != 2 {
		t.Errorf("report: %d answers, votes %+v; want 8 answers, 2 helpful and 2 not helpful", r.Answers, r.Votes)
	}
	for _, p := range []string{"slack", "discord"} {
		if v := r.Votes.ByPlatform[p]; v["helpful"] != 1 || v["not_helpful"] != 1 {
			t.Errorf("%s votes = %v; want one of each", p, v)
		}
	}
	out.Reset()
	if code := m.Run(context.Background(), []string{"report", "--store", dbPath}); code != 0 || !strings.Contains(out.String(), "Votes: 2 helpful, 2 not helpful; discord 1/1; slack 1/1.") ||
		!strings.Contains(out.String(), "“Where do I start?”") {
		t.Errorf("text report (exit %d):\n%s", code, out.String())
	}
	var examples []string
	for _, u := range r.NotHelpful {
		examples = append(examples, u.Examples...)
	}
	for _, want := range []string{"How much does a junior ML engineer earn in Romania?", "Where do I start?"} {
		if !strings.Contains(strings.Join(examples, "|"), want) {
			t.Errorf("not-helpful questions %q lack %q", examples, want)
		}
	}
}

// discordConfig is a serve config with Discord over HTTP on a free port,
// checking signatures with pub, and room for a conversation's questions.
func discordConfig(pub ed25519.PublicKey) string {
	return fmt.Sprintf(`
[http]
listen = "127.0.0.1:0"
[limits]
burst = 10
[discord]
mode = "http"
application_id = "123456789012345678"
public_key = %q
`, hex.EncodeToString(pub))
}

// interact posts v as a Discord interaction signed with key and returns
// the status and body.
func interact(t *testing.T, base string, key ed25519.PrivateKey, v any) (int, []byte) {
	t.Helper()
	body, _ := json.Marshal(v)
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, base+"/discord/interactions", bytes.NewReader(body))
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(ts), body...))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// interactionReply is the part of an interaction response the test reads
// (discordgo's own type cannot decode components).
type interactionReply struct {
	Type int `json:"type"`
	Data *struct {
		Content    string                    `json:"content"`
		Flags      discordgo.MessageFlags    `json:"flags"`
		Embeds     []*discordgo.MessageEmbed `json:"embeds"`
		Components []discordgo.ActionsRow    `json:"components"`
	} `json:"data"`
}

// configPathOf returns the config file startServe wrote, from serve's
// "store" log line.
func configPathOf(t *testing.T, logs *logtest.Buffer) string {
	t.Helper()
	for _, line := range strings.Split(logs.String(), "\n") {
		var v struct {
			Msg, Path string
		}
		if json.Unmarshal([]byte(line), &v) == nil && v.Msg == "store" {
			return v.Path
		}
	}
	t.Fatalf("no store log line:\n%s", logs)
	return ""
}

// slackAnswerID finds the answer id on a message's feedback buttons.
func slackAnswerID(t *testing.T, blocks string) string {
	t.Helper()
	var bs slack.Blocks
	if err := json.Unmarshal([]byte(blocks), &bs); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	for _, b := range bs.BlockSet {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, el := range a.Elements.ElementSet {
				if btn, ok := el.(*slack.ButtonBlockElement); ok && btn.ActionID == "careerbot_helpful" {
					return btn.Value
				}
			}
		}
	}
	t.Fatalf("no feedback buttons in %s", blocks)
	return ""
}

// buttonIDs returns the custom ids of a Discord message's buttons.
func buttonIDs(t *testing.T, rows []discordgo.ActionsRow) []string {
	t.Helper()
	var ids []string
	for _, row := range rows {
		for _, b := range row.Components {
			if btn, ok := b.(*discordgo.Button); ok {
				ids = append(ids, btn.CustomID)
			}
		}
	}
	if len(ids) != 2 {
		t.Fatalf("buttons %v; want Helpful and Not helpful", ids)
	}
	return ids
}

// TestServeAnswersWithoutItsStore runs serve with a store it cannot write
// (its directory does not exist): every question is answered, with vote
// buttons, and the failure is logged once, not once a question.
func TestServeAnswersWithoutItsStore(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	conf := discordConfig(pub) + fmt.Sprintf("[store]\npath = %q\n", filepath.Join(t.TempDir(), "no", "such", "dir", "careerbot.db"))
	base, stop, logs := startServe(t, conf)
	for n := range 6 {
		body, _ := json.Marshal(map[string]any{"id": fmt.Sprint(n), "type": 2, "application_id": "app1", "token": "t", "channel_id": "c",
			"member": map[string]any{"user": map[string]any{"id": "u1"}},
			"data":   map[string]any{"id": "c", "name": "ask", "type": 1, "options": []map[string]any{{"name": "question", "type": 3, "value": "junior ML salary romania"}}}})
		code, b := interact(t, base, priv, json.RawMessage(body))
		if code != 200 || !strings.Contains(string(b), "€1,500–€2,500") || !strings.Contains(string(b), "careerbot_vote:helpful:") {
			t.Fatalf("question %d = %d %s; want the answer with its buttons", n, code, b)
		}
	}
	if code := stop(); code != 0 {
		t.Fatalf("serve exited %d", code)
	}
	if n := strings.Count(logs.String(), "store: write failed"); n != 1 {
		t.Errorf("%d store errors logged for 6 questions in a minute; want 1:\n%s", n, logs)
	}
}
