package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/config"
	"github.com/careerbot/careerbot/internal/logtest"
)

// startServe runs "careerbot serve" in process with config text and
// returns its address and a function that stops it and returns its exit code.
func startServe(t testing.TB, conf string) (string, func() int, *logtest.Buffer) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	logs := &logtest.Buffer{}
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs, Getenv: func(string) string { return "" },
		Ready: func(addr string) { ready <- addr }}
	done := make(chan int, 1)
	go func() { done <- m.Run(ctx, []string{"serve", "--config", path}) }()
	select {
	case addr := <-ready:
		return "http://" + addr, func() int { cancel(); return <-done }, logs
	case code := <-done:
		cancel()
		t.Fatalf("serve exited %d before listening:\n%s", code, logs.String())
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	return "", nil, nil
}

func TestServeEndToEnd(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	slackAPI := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"ok":true,"user_id":"UBOT"}`)
	}))
	defer slackAPI.Close()
	conf := opsConfig(pub, slackAPI.URL, "", "")
	base, stop, logs := startServe(t, conf)

	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/healthz"); code != 200 || !strings.Contains(body, "3 guides") {
		t.Errorf("/healthz = %d %q", code, body)
	}
	if code, body := get("/readyz"); code != 200 || body != "ready\n" {
		t.Errorf("/readyz = %d %q; want 200 with HTTP transports only", code, body)
	}

	discordPost := func(body string, key ed25519.PrivateKey) (int, string) {
		code, b, err := do(http.DefaultClient, discordRequest(base, key, body))
		if err != nil {
			t.Fatal(err)
		}
		return code, b
	}
	if code, body := discordPost(`{"id":"1","type":1,"application_id":"app1","token":"t"}`, priv); code != 200 || !strings.Contains(body, `"type":1`) {
		t.Errorf("PING = %d %q; want PONG", code, body)
	}
	_, forged, _ := ed25519.GenerateKey(nil)
	if code, _ := discordPost(`{"id":"1","type":1}`, forged); code != http.StatusUnauthorized {
		t.Errorf("forged PING = %d; want 401", code)
	}
	ask := `{"id":"2","type":2,"application_id":"app1","token":"t","member":{"user":{"id":"u1"}},"data":{"id":"c","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"junior ML salary romania"}]}}`
	if code, body := discordPost(ask, priv); code != 200 || !strings.Contains(body, "€1,500–€2,500") {
		t.Errorf("/ask = %d %q", code, body)
	}

	code, b, err := do(http.DefaultClient, slackRequest(base, "/slack/events", "application/json", `{"type":"url_verification","challenge":"abc"}`))
	if err != nil || code != 200 || b != "abc" {
		t.Errorf("slack url_verification = %d %q, %v", code, b, err)
	}
	cmd := url.Values{"command": {"/career"}, "text": {"hi"}}.Encode()
	resp, err := http.Post(base+"/slack/commands", "application/x-www-form-urlencoded", strings.NewReader(cmd))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned /slack/commands = %d; want 401", resp.StatusCode)
	}

	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, `careerbot_questions_total{outcome="answered",platform="discord"} 1`) ||
		!strings.Contains(body, "careerbot_guides 3") || !strings.Contains(body, `careerbot_reloads_total{result="ok"} 0`) ||
		!strings.Contains(body, "careerbot_last_reload_timestamp_seconds") {
		t.Errorf("/metrics = %d, lacks the answered question:\n%.2000s", code, body)
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exited %d; want 0 on shutdown", code)
	}
	for _, secret := range []string{"xoxb-secret-token", "s3cret", "junior ML salary"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("logs hold %q:\n%s", secret, logs.String())
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Errorf("log line is not JSON: %q", line)
		}
	}
	if !strings.Contains(logs.String(), `"reason":"bad signature"`) {
		t.Errorf("rejected requests not logged:\n%s", logs.String())
	}
}

func TestServeBadConfig(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.toml")
	os.WriteFile(path, []byte("[discord]\nmode = \"gateway\"\n"), 0o600)
	code, _, errOut := runMain(t, "", "serve", "--config", path)
	if code != 1 || !strings.Contains(errOut, "discord.token") {
		t.Errorf("exit %d, stderr %q; want 1 naming discord.token", code, errOut)
	}
	code, _, errOut = runMain(t, "", "serve", "--config", filepath.Join(dir, "missing.toml"))
	if code != 1 || !strings.Contains(errOut, "missing.toml") {
		t.Errorf("exit %d, stderr %q; want 1 naming the file", code, errOut)
	}
}

func TestDiscordRegister(t *testing.T) {
	var got []string
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.URL.Path+" "+r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "[]")
	}))
	defer fake.Close()
	u, _ := url.Parse(fake.URL)
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		return map[string]string{"DISCORD_BOT_TOKEN": "tok", "DISCORD_APPLICATION_ID": "987654321098765432"}[k]
	}, discordClient: &http.Client{Transport: rewriteTo{u}}}
	if code := m.Run(context.Background(), []string{"discord", "register", "--guild", "112233445566778899"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "in guild 112233445566778899: added [ask salary next sources]") {
		t.Errorf("output %q", out.String())
	}
	if len(got) != 2 || got[1] != "PUT /api/v9/applications/987654321098765432/guilds/112233445566778899/commands Bot tok" {
		t.Errorf("requests %q", got)
	}
	m.discordClient = nil
	m.Getenv = func(string) string { return "" }
	if code := m.Run(context.Background(), []string{"discord", "register"}); code != 1 || !strings.Contains(errb.String(), "discord.token") {
		t.Errorf("without a token: exit %d, stderr %q", code, errb.String())
	}
}

type rewriteTo struct{ u *url.URL }

func (rw rewriteTo) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = rw.u.Scheme, rw.u.Host
	return http.DefaultTransport.RoundTrip(r)
}

func TestGatewaySession(t *testing.T) {
	tests := []struct {
		name             string
		conf             config.Discord
		token            string
		shardID, shardCt int
	}{
		{"unsharded", config.Discord{Token: "abc"}, "Bot abc", 0, 1},
		{"token with its prefix", config.Discord{Token: "Bot abc"}, "Bot abc", 0, 1},
		{"shard 3 of 4", config.Discord{Token: "abc", ShardID: 3, ShardCount: 4}, "Bot abc", 3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := gatewaySession(tt.conf)
			if err != nil {
				t.Fatal(err)
			}
			if s.Token != tt.token || s.ShardID != tt.shardID || s.ShardCount != tt.shardCt {
				t.Errorf("session token %q, shard %d of %d; want %q, %d of %d", s.Token, s.ShardID, s.ShardCount, tt.token, tt.shardID, tt.shardCt)
			}
		})
	}
}
