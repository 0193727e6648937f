package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleConfig is config.example.toml as shipped, listening on a free
// port: what a first run starts with.
func exampleConfig(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	conf := strings.Replace(string(b), `listen = "127.0.0.1:8080"`, `listen = "127.0.0.1:0"`, 1)
	if conf == string(b) {
		t.Fatal("config.example.toml no longer sets listen")
	}
	return conf
}

// TestServeWarnsWithoutBot checks that serve started with the example
// config says no bot is enabled and which keys enable one, and that a
// config enabling one says nothing of the kind.
func TestServeWarnsWithoutBot(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	api := newFakeSlack(t)
	tests := []struct {
		name string
		conf string
		warn bool
	}{
		{"the example config", exampleConfig(t), true},
		{"Discord and Slack enabled", opsConfig(pub, api.srv.URL, "", ""), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stop, logs := startServe(t, tt.conf)
			if code := stop(); code != 0 {
				t.Errorf("exit %d:\n%s", code, logs)
			}
			warned := strings.Contains(logs.String(), `"msg":"no bot enabled`)
			if warned != tt.warn {
				t.Fatalf("warned %v; want %v:\n%s", warned, tt.warn, logs)
			}
			if tt.warn && (!strings.Contains(logs.String(), `[discord] mode = \"gateway\" or \"http\"`) || !strings.Contains(logs.String(), `[slack] mode = \"socket\" or \"http\"`)) {
				t.Errorf("the warning does not say which keys enable a bot:\n%s", logs)
			}
		})
	}
}

// TestServeRefusesBadIDs checks every id in the config is validated: a
// bad one stops serve with exit 1 and one line naming the key.
func TestServeRefusesBadIDs(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	key := hex.EncodeToString(pub)
	tests := []struct {
		name, conf, env, want string
	}{
		{"application id", fmt.Sprintf("[discord]\nmode = \"http\"\napplication_id = \"notanumber\"\npublic_key = %q\n", key), "", "discord.application_id"},
		{"application id from the environment", fmt.Sprintf("[discord]\nmode = \"http\"\npublic_key = %q\n", key), "notanumber", "discord.application_id"},
		{"guild id", "[discord]\nmode = \"gateway\"\ntoken = \"t\"\nguild_id = \"my-server\"\n", "", "discord.guild_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.toml")
			os.WriteFile(path, []byte("[http]\nlisten = \"127.0.0.1:0\"\n"+tt.conf), 0o600)
			var out, errb strings.Builder
			m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
				if k == "DISCORD_APPLICATION_ID" {
					return tt.env
				}
				return ""
			}}
			code := m.Run(t.Context(), []string{"serve", "--config", path})
			if code != 1 || !strings.Contains(errb.String(), tt.want+": want a Discord id") || strings.Count(errb.String(), "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 1 and one line naming %s", code, errb.String(), tt.want)
			}
		})
	}
	t.Run("discord register --guild", func(t *testing.T) {
		m := &Main{Stdout: io.Discard, Stderr: &strings.Builder{}, Getenv: func(k string) string {
			return map[string]string{"DISCORD_BOT_TOKEN": "tok", "DISCORD_APPLICATION_ID": "987654321098765432"}[k]
		}}
		if code := m.Run(t.Context(), []string{"discord", "register", "--guild", "notanumber"}); code != 1 ||
			!strings.Contains(m.Stderr.(*strings.Builder).String(), "--guild: want a Discord id") {
			t.Errorf("exit %d, stderr %q; want 1 naming --guild", code, m.Stderr)
		}
	})
}

// TestSlackHTTPChecksAuthAtStart checks what the README says: Slack's
// HTTP mode calls auth.test at start, so a bad bot token stops serve at
// once, naming the key and Slack's reason.
func TestSlackHTTPChecksAuthAtStart(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
	}))
	defer api.Close()
	path := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(path, []byte(opsConfig(pub, api.URL, "", "")), 0o600)
	code, _, errOut := runMain(t, "", "serve", "--config", path)
	if code != 1 || !strings.Contains(errOut, "slack.bot_token: auth.test failed: invalid_auth") {
		t.Errorf("exit %d, stderr %q; want 1 naming slack.bot_token and invalid_auth", code, errOut)
	}
}
