package main

import (
	"crypto/ed25519"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/filetest"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/knowledge"
)

// bundled returns the bytes and sections of the bundled guides, which
// every budget counts.
func bundled(t *testing.T) (int64, int) {
	t.Helper()
	var l guide.Loader
	if _, _, err := l.FS(knowledge.Guides(), ""); err != nil {
		t.Fatal(err)
	}
	return l.Used()
}

// bigGuide is a guide of n sections, about 60 bytes each.
func bigGuide(n int) string {
	var b strings.Builder
	b.WriteString("# Filler careers\n")
	for i := range n {
		fmt.Fprintf(&b, "\n## Part %d\n\nSome filler text for part %d.\n", i, i)
	}
	return b.String()
}

// budget is a budget that leaves room for the bundled guides and a small
// one, and a guide that takes the guides over it.
type budget struct {
	key, limits, more string
}

func budgets(t *testing.T) []budget {
	bytes, sections := bundled(t)
	return []budget{
		{"guides.max_bytes", fmt.Sprintf("max_bytes = %d", bytes+2000), bigGuide(100)},
		{"guides.max_sections", fmt.Sprintf("max_sections = %d", sections+5), bigGuide(10)},
	}
}

// TestBudgetAtStart checks guides over a budget stop serve with one line
// naming the key and the directory.
func TestBudgetAtStart(t *testing.T) {
	for _, b := range budgets(t) {
		t.Run(b.key, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "big.md"), []byte(b.more), 0o644)
			path := filepath.Join(t.TempDir(), "c.toml")
			os.WriteFile(path, []byte(fmt.Sprintf("[http]\nlisten = \"127.0.0.1:0\"\n[guides]\ndirs = [%q]\n%s\n", dir, b.limits)), 0o600)
			code, _, errOut := runMain(t, "", "serve", "--config", path)
			last := errOut[strings.LastIndex(strings.TrimSuffix(errOut, "\n"), "\n")+1:]
			if code != 1 || !strings.HasPrefix(last, "careerbot: "+b.key+": "+dir+": the guides hold more than") {
				t.Errorf("exit %d, last line %q; want 1 naming %s and %s", code, last, b.key, dir)
			}
		})
	}
}

// TestBudgetOnReload is issue 15's budget must-show: a folder that grows
// over a budget is refused at reload, saying which budget and where, and
// the old guides go on answering.
func TestBudgetOnReload(t *testing.T) {
	for _, b := range budgets(t) {
		t.Run(b.key, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "q.md"), []byte(widgetGuide("€7,111–€7,777")), 0o644)
			pub, priv, _ := ed25519.GenerateKey(nil)
			api := newFakeSlack(t)
			base, sigs, done, logs := serveWithSignals(t, opsConfig(pub, api.srv.URL, "", fmt.Sprintf("[guides]\ndirs = [%q]\nwatch = false\n%s\n", dir, b.limits)))
			os.WriteFile(filepath.Join(dir, "big.md"), []byte(b.more), 0o644)
			sigs <- syscall.SIGHUP
			deadline := time.Now().Add(30 * time.Second)
			for !strings.Contains(logs.String(), "guides reload failed") {
				if time.Now().After(deadline) {
					t.Fatalf("no failed reload logged:\n%s", logs)
				}
				time.Sleep(10 * time.Millisecond)
			}
			if want := b.key + ": " + dir + ": the guides hold more than"; !strings.Contains(logs.String(), want) {
				t.Errorf("the log does not say %q:\n%s", want, logs)
			}
			if code, body := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, "4 guides") {
				t.Errorf("/healthz = %d %q; want the 4 guides served before", code, body)
			}
			if _, body := get(t, base+"/metrics"); !strings.Contains(body, `careerbot_reloads_total{result="failed"} 1`) {
				t.Error("/metrics lacks the failed reload")
			}
			if _, body, err := do(http.DefaultClient, discordAsk(base, priv, "B1", "u1", "junior quantum widget engineer salary in Portugal")); err != nil || !strings.Contains(body, "€7,111–€7,777") {
				t.Errorf("/ask after the refused reload = %s, %v; want the old guides answering", body, err)
			}
			sigs <- syscall.SIGINT
			<-done
		})
	}
}

// TestGuidesShowsBudget checks careerbot guides prints the totals against
// serve's default budget, and warns past it.
func TestGuidesShowsBudget(t *testing.T) {
	bytes, sections := bundled(t)
	tests := []struct {
		name  string
		files map[string]string
		total string
		warn  bool
	}{
		{"bundled", nil, fmt.Sprintf("3 guides: %d bytes, %d sections; serve's budget by default: guides.max_bytes = 4194304, guides.max_sections = 10000", bytes, sections), false},
		{"over the sections", map[string]string{"big.md": bigGuide(10001)}, "4 guides: ", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			filetest.Tree(t, dir, tt.files)
			code, out, _ := runMain(t, "", "guides", "--guides", dir)
			if code != 0 || !strings.Contains(out, "\n"+tt.total) {
				t.Errorf("exit %d; output lacks %q:\n%.300s", code, tt.total, out[max(0, len(out)-300):])
			}
			if got := strings.Contains(out, "warning: over serve's default budget"); got != tt.warn {
				t.Errorf("warned %v; want %v", got, tt.warn)
			}
		})
	}
}
