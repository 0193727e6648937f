package main

import (
	"crypto/ed25519"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The secrets of the test deployment, made up here.
const (
	testSigningSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	testBotToken      = "xoxb-2048123456-4096123456789-AbCdEfGhIjKlMnOp"
)

// leakyDeployment lays out what issue 15 found: a config file holding the
// secrets beside a guides directory, with a guide linked to the config
// and a guide that pastes the secrets inline. It returns the directory.
func leakyDeployment(t *testing.T) (root, guides string) {
	t.Helper()
	root = t.TempDir()
	guides = filepath.Join(root, "guides")
	os.Mkdir(guides, 0o755)
	config := "# careerbot production config for the quantum widget team\n[slack]\nsigning_secret = \"" + testSigningSecret + "\"\nbot_token = \"" + testBotToken + "\"\n"
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("config.toml", config)
	write("guides/ok.md", "# Quantum Widget Engineer careers\n\n## Salary\n\nA junior quantum widget engineer earns €7,111 a month.\n")
	write("guides/setup.md", "# Running the widget bot\n\n## Slack signing secret\n\nThe Slack signing secret and bot token of the widget bot, for the team:\n\n"+
		"SLACK_SIGNING_SECRET="+testSigningSecret+"\n\nSLACK_BOT_TOKEN="+testBotToken+"\n\nRotate the signing secret and the bot token every quarter.\n")
	if err := os.Symlink("../config.toml", filepath.Join(guides, "tips.md")); err != nil {
		t.Fatal(err)
	}
	return root, guides
}

// noSecret fails when text holds a test secret.
func noSecret(t *testing.T, where, text string) {
	t.Helper()
	for _, s := range []string{testSigningSecret, testBotToken, "8f742231", "xoxb-2048"} {
		if strings.Contains(text, s) {
			t.Errorf("%s quotes a secret (%s…):\n%s", where, s[:6], text)
		}
	}
}

// TestContainmentCLI is issue 15's first must-show for the command line:
// the linked config is refused with a warning naming it, in ask and in
// guides, and no question gets a secret quoted.
func TestContainmentCLI(t *testing.T) {
	_, dir := leakyDeployment(t)
	for _, q := range []string{"SLACK_SIGNING_SECRET", "what is the slack signing secret?", "bot token", "quantum widget team config",
		"signing_secret", "xoxb", "how often to rotate the signing secret and bot token?"} {
		t.Run("ask "+q, func(t *testing.T) {
			code, out, errOut := runMain(t, "", "ask", "--json", "--no-bundled", "--guides", dir, q)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			noSecret(t, "the answer", out)
			if strings.Contains(out, "tips.md") {
				t.Errorf("the answer cites the linked config:\n%s", out)
			}
			if want := "warning: " + dir + "/tips.md: skipped: it leads outside the guides directory"; !strings.Contains(errOut, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errOut)
			}
		})
	}
	t.Run("the rest of the guide is answered", func(t *testing.T) {
		_, out, _ := runMain(t, "", "ask", "--json", "--no-bundled", "--guides", dir, "how often to rotate the signing secret?")
		if !strings.Contains(out, "every quarter") {
			t.Errorf("the lines around the secrets were lost:\n%s", out)
		}
	})
	t.Run("guides", func(t *testing.T) {
		code, out, _ := runMain(t, "", "guides", "--no-bundled", "--guides", dir)
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
		noSecret(t, "careerbot guides", out)
		for _, want := range []string{
			"warning: " + dir + "/tips.md: skipped: it leads outside the guides directory, to ",
			"warning: " + dir + "/setup.md:7: line removed: it looks like a credential assigned to SLACK_SIGNING_SECRET",
			"warning: " + dir + "/setup.md:9: line removed: it looks like a credential assigned to SLACK_BOT_TOKEN",
			"source: " + dir + "/ok.md",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("careerbot guides lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "source: "+dir+"/tips.md") {
			t.Errorf("careerbot guides lists the linked config as a guide")
		}
	})
}

// TestContainmentServe is the same in serve: the warning is logged, and a
// signed Discord /ask about the secrets gets none of them.
func TestContainmentServe(t *testing.T) {
	_, dir := leakyDeployment(t)
	pub, priv, _ := ed25519.GenerateKey(nil)
	api := newFakeSlack(t)
	base, stop, logs := startServe(t, opsConfig(pub, api.srv.URL, `shutdown_drain = "0s"`, fmt.Sprintf("[guides]\ndirs = [%q]\nbundled = false\nwatch = false\n", dir)))
	defer stop()
	for i, q := range []string{"SLACK_SIGNING_SECRET", "what is the bot token?", "quantum widget team config"} {
		code, body, err := do(http.DefaultClient, discordAsk(base, priv, fmt.Sprint("C", i), "u1", q))
		if err != nil || code != 200 {
			t.Fatalf("/ask %q: %d %v", q, code, err)
		}
		noSecret(t, "the Discord answer", body)
		if strings.Contains(body, "tips.md") {
			t.Errorf("the Discord answer cites the linked config: %s", body)
		}
	}
	code, body := get(t, base+"/healthz")
	if code != 200 || !strings.Contains(body, "2 guides") {
		t.Errorf("/healthz = %d %q; want the 2 guides inside the directory", code, body)
	}
	noSecret(t, "the logs", logs.String())
	for _, want := range []string{`tips.md: skipped: it leads outside the guides directory`, `setup.md:7: line removed`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("serve's log lacks %q:\n%s", want, logs)
		}
	}
}
