package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/careerbot/careerbot/internal/logtest"
	"github.com/careerbot/careerbot/internal/shared/redistest"
)

// TestMain lets a test run this binary as careerbot itself, to send a
// serve process real signals.
func TestMain(m *testing.M) {
	if os.Getenv("CAREERBOT_TEST_AS_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// process is "careerbot serve" running as a child process.
type process struct {
	cmd  *exec.Cmd
	base string // http://addr
	mu   sync.Mutex
	logs strings.Builder
	done chan int
}

// startProcess starts serve with conf as its config file and waits until
// it listens.
func startProcess(t *testing.T, conf string) *process {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: exec.Command(os.Args[0], "serve", "--config", path), done: make(chan int, 1)}
	p.cmd.Env = append(os.Environ(), "CAREERBOT_TEST_AS_MAIN=1")
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			p.mu.Lock()
			p.logs.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" {
				addr <- line.Addr
			}
		}
		p.cmd.Wait()
		p.done <- p.cmd.ProcessState.ExitCode()
	}()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
	})
	select {
	case a := <-addr:
		p.base = "http://" + a
	case code := <-p.done:
		t.Fatalf("serve exited %d before listening:\n%s", code, p.log())
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not start:\n%s", p.log())
	}
	return p
}

func (p *process) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.logs.String()
}

// stop waits for the process to exit and returns its exit code.
func (p *process) wait(t *testing.T, within time.Duration) int {
	t.Helper()
	select {
	case code := <-p.done:
		return code
	case <-time.After(within):
		t.Fatalf("serve still running %v after the signal:\n%s", within, p.log())
	}
	return -1
}

// fakeSlack is Slack's Web API: auth.test, and chat.postMessage counted
// by the thread it answers in (each test event has its own ts).
type fakeSlack struct {
	srv   *httptest.Server
	mu    sync.Mutex
	posts map[string]int
}

func newFakeSlack(t testing.TB) *fakeSlack {
	f := &fakeSlack{posts: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/auth.test":
			io.WriteString(w, `{"ok":true,"user_id":"UBOT"}`)
		case "/chat.postMessage":
			r.ParseForm()
			f.mu.Lock()
			f.posts[r.Form.Get("thread_ts")]++
			f.mu.Unlock()
			io.WriteString(w, `{"ok":true,"channel":"C1","ts":"9.9"}`)
		default:
			io.WriteString(w, `{"ok":true}`)
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSlack) count(ts string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.posts[ts]
}

func (f *fakeSlack) total() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.posts {
		n += c
	}
	return n
}

const slackSecret = "s3cret"

// discordAsk is a signed Discord /ask interaction request.
func discordAsk(base string, key ed25519.PrivateKey, id, user, question string) *http.Request {
	body := fmt.Sprintf(`{"id":%q,"type":2,"application_id":"app1","token":"t","member":{"user":{"id":%q}},"data":{"id":"c","name":"ask","type":1,"options":[{"name":"question","type":3,"value":%q}]}}`, id, user, question)
	return discordRequest(base, key, body)
}

// discordRequest is an interaction request with body, signed with key.
func discordRequest(base string, key ed25519.PrivateKey, body string) *http.Request {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, base+"/discord/interactions", strings.NewReader(body))
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(ts+body))))
	return req
}

// slackRequest is a request to a Slack endpoint signed with slackSecret.
func slackRequest(base, path, contentType, body string) *http.Request {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(slackSecret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return req
}

// slackMention is a signed app_mention event; ts names its thread.
func slackMention(base, eventID, user, ts string) *http.Request {
	body := fmt.Sprintf(`{"type":"event_callback","event_id":%q,"event":{"type":"app_mention","user":%q,"text":"<@UBOT> junior ML salary romania","ts":%q,"channel":"C1"}}`, eventID, user, ts)
	return slackRequest(base, "/slack/events", "application/json", body)
}

// triggers numbers the commands the tests send: Slack gives each use of a
// command its own trigger id.
var triggers atomic.Int64

// slackCommand is a signed /career command.
func slackCommand(base, user, question string) *http.Request {
	body := url.Values{"command": {"/career"}, "text": {question}, "user_id": {user}, "channel_id": {"C1"},
		"trigger_id": {fmt.Sprint("T", user, "-", triggers.Add(1))}}.Encode()
	return slackRequest(base, "/slack/commands", "application/x-www-form-urlencoded", body)
}

// do sends req and returns the status and body.
func do(c *http.Client, req *http.Request) (int, string, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

// opsConfig enables Discord and Slack over HTTP; httpKeys go in [http],
// rest after the tables.
func opsConfig(pub ed25519.PublicKey, slackURL, httpKeys, rest string) string {
	return fmt.Sprintf(`
[http]
listen = "127.0.0.1:0"
%s
[discord]
mode = "http"
application_id = "123456789012345678"
public_key = %q
[slack]
mode = "http"
bot_token = "xoxb-test"
signing_secret = %q
api_url = %q
%s`, httpKeys, hex.EncodeToString(pub), slackSecret, slackURL+"/", rest)
}

// outcome is what one client request got.
type outcome struct {
	sent    time.Time
	refused bool   // the connection was refused: nothing was sent
	failure string // set when a sent request got no proper answer
}

// TestReloadAndDrain is the must-show: 50 clients send signed
// Discord and Slack requests to a serve process while a guide is added and
// SIGHUP reloads, then SIGTERM drains. Every request sent before the drain
// ended gets its answer, but for the drain's last tailMargin: a connection
// still in the kernel's accept queue when the listener closes is reset,
// and under this load (the CPU saturated, more so with -race) the queue
// holds tens of milliseconds of connections, hundreds when other test
// binaries share the CPU (go test ./...). None is cut once accepted;
// the process exits 0.
func TestReloadAndDrain(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	slackAPI := newFakeSlack(t)
	dir := t.TempDir()
	const drain = 2 * time.Second
	const tailMargin = 500 * time.Millisecond
	p := startProcess(t, opsConfig(pub, slackAPI.srv.URL, `shutdown_drain = "2s"`, fmt.Sprintf(`
[guides]
dirs = [%q]
watch = false
[limits]
questions_per_minute = 60000
burst = 1000
`, dir)))
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 15 * time.Second}
	// Each client pauses between requests: enough load to keep both cores
	// busy, not so much that answers wait past Discord's 2 s budget.
	// Under the race detector (several times slower, and CI runs packages
	// side by side) the clients send less, and an answer deferred past
	// Discord's 2 s budget counts: its edit would go to Discord itself.
	pause, minFirstSecond := 20*time.Millisecond, 50
	if raceEnabled {
		pause, minFirstSecond = time.Second, 20
	}
	if code, _, err := do(client, mustReq(http.NewRequest(http.MethodGet, p.base+"/readyz", nil))); err != nil || code != 200 {
		t.Fatalf("/readyz = %d, %v; want 200 once serving", code, err)
	}

	var (
		stop     atomic.Bool
		mu       sync.Mutex
		outcomes []outcome
		acked    atomic.Int64 // Slack events acknowledged, each to be answered
		deferred atomic.Int64
		wg       sync.WaitGroup
	)
	for c := range 50 {
		wg.Go(func() {
			for n := 0; !stop.Load(); n++ {
				id := fmt.Sprintf("%d-%d", c, n)
				var req *http.Request
				slackEvent := n%2 == 1
				if slackEvent {
					req = slackMention(p.base, "Ev"+id, fmt.Sprintf("U%d", c), id)
				} else {
					req = discordAsk(p.base, priv, "I"+id, fmt.Sprintf("u%d", c), "junior ML salary romania")
				}
				o := outcome{sent: time.Now()}
				code, body, err := do(client, req)
				switch {
				case errors.Is(err, syscall.ECONNREFUSED):
					o.refused = true
				case err != nil:
					o.failure = err.Error()
				case code != 200:
					o.failure = fmt.Sprintf("status %d", code)
				case slackEvent:
					acked.Add(1)
				case raceEnabled && body == `{"type":5}`+"\n":
					deferred.Add(1)
				case !strings.Contains(body, "€1,500–€2,500"):
					o.failure = "discord answer lacks the figure: " + body
				}
				mu.Lock()
				outcomes = append(outcomes, o)
				mu.Unlock()
				if o.refused {
					return // the listener is closed: the drain is over
				}
				time.Sleep(pause)
			}
		})
	}

	// A guide added, then SIGHUP: its figure is answered within seconds.
	time.Sleep(time.Second)
	os.WriteFile(filepath.Join(dir, "quantum.md"), []byte("# Quantum Widget Engineer careers in Portugal\n\n## Salary\n\n| Level | Portugal |\n|---|---|\n| Junior Quantum Widget Engineer | €7,111–€7,777 per month |\n"), 0o644)
	within := 5 * time.Second // "within a few seconds"
	if raceEnabled {
		within = time.Minute // a build of the engine under load, instrumented
	}
	hup := time.Now()
	p.cmd.Process.Signal(syscall.SIGHUP)
	for n := 0; ; n++ {
		_, body, err := do(client, discordAsk(p.base, priv, fmt.Sprintf("Q%d", n), "q", "junior quantum widget engineer salary in Portugal"))
		if err == nil && strings.Contains(body, "€7,111–€7,777") {
			t.Logf("the new guide answered %v after SIGHUP", time.Since(hup).Round(time.Millisecond))
			break
		}
		if time.Since(hup) > within {
			t.Fatalf("the new guide was not answered within %v of SIGHUP:\n%s", within, p.log())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Discord's autocomplete follows the new guide's facts.
	complete := `{"id":"AC1","type":4,"application_id":"app1","token":"t","member":{"user":{"id":"q"}},"data":{"id":"c","name":"salary","type":1,"options":[{"name":"role","type":3,"value":"quantum","focused":true}]}}`
	if _, body, err := do(client, discordRequest(p.base, priv, complete)); err != nil || !strings.Contains(strings.ToLower(body), "quantum widget engineer") {
		t.Errorf("autocomplete for \"quantum\" after the reload = %s, %v; want the new guide's role", body, err)
	}
	time.Sleep(500 * time.Millisecond)

	// SIGTERM: not ready at once; still answering through the drain.
	term := time.Now()
	p.cmd.Process.Signal(syscall.SIGTERM)
	for {
		code, _, err := do(client, mustReq(http.NewRequest(http.MethodGet, p.base+"/readyz", nil)))
		if err == nil && code == http.StatusServiceUnavailable {
			t.Logf("/readyz 503 %v after SIGTERM", time.Since(term).Round(time.Microsecond))
			break
		}
		if time.Since(term) > time.Second {
			t.Fatalf("/readyz = %d, %v 1 s after SIGTERM; want 503 at once", code, err)
		}
	}
	code := p.wait(t, drain+20*time.Second)
	stop.Store(true)
	wg.Wait()
	if code != 0 {
		t.Errorf("exit code %d; want 0:\n%s", code, p.log())
	}

	var answered, inFirstSecond, failed, refused, reset int
	for _, o := range outcomes {
		inDrain := o.sent.Before(term.Add(drain - tailMargin))
		switch {
		case o.refused && !inDrain:
			refused++
		case o.failure != "" && !inDrain:
			reset++
		case o.failure != "":
			if failed++; failed <= 5 {
				t.Errorf("request sent %v after SIGTERM failed: %s", o.sent.Sub(term).Round(time.Millisecond), o.failure)
			}
		case o.refused:
			t.Errorf("connection refused %v after SIGTERM, before the %v drain ended", o.sent.Sub(term).Round(time.Millisecond), drain)
		default:
			answered++
			if o.sent.After(term) && o.sent.Before(term.Add(time.Second)) {
				inFirstSecond++
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d requests failed", failed, len(outcomes))
	}
	if inFirstSecond < minFirstSecond {
		t.Errorf("%d requests answered in the first second after SIGTERM; want the clients to keep sending", inFirstSecond)
	}
	if posted := slackAPI.total(); int64(posted) != acked.Load() {
		t.Errorf("%d Slack events acknowledged, %d answered; want each answered before exit", acked.Load(), posted)
	}
	logs := p.log()
	for _, want := range []string{`"msg":"guides reloaded","trigger":"signal"`, `"msg":"draining"`, `"msg":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s", want)
		}
	}
	if strings.Contains(logs, "cut") {
		t.Errorf("answers were cut at shutdown:\n%s", logs)
	}
	t.Logf("%d requests answered (%d in the first second after SIGTERM), %d Slack events posted, %d deferred; from %v before the drain's end on, %d refused and %d reset",
		answered, inFirstSecond, slackAPI.total(), deferred.Load(), tailMargin, refused, reset)
}

func mustReq(r *http.Request, err error) *http.Request {
	if err != nil {
		panic(err)
	}
	return r
}

// TestReplicasShareRedis is the must-show for replicas: two serve
// processes on one real redis-server answer a Slack event delivered to
// both once, and limit one user's burst across both.
func TestReplicasShareRedis(t *testing.T) {
	redisURL := redistest.Start(t)
	pub, _, _ := ed25519.GenerateKey(nil)
	slackAPI := newFakeSlack(t)
	conf := opsConfig(pub, slackAPI.srv.URL, `shutdown_drain = "0s"`, fmt.Sprintf(`
[limits]
questions_per_minute = 1
burst = 3
[redis]
url = %q
prefix = "replicas-test:"
`, redisURL))
	a, b := startProcess(t, conf), startProcess(t, conf)
	client := &http.Client{Timeout: 10 * time.Second}

	// One event delivered to both at once (Slack's retry landing on the other).
	var wg sync.WaitGroup
	for _, p := range []*process{a, b} {
		wg.Go(func() {
			if code, _, err := do(client, slackMention(p.base, "EvShared", "U1", "100.1")); err != nil || code != 200 {
				t.Errorf("event delivery: %d, %v", code, err)
			}
		})
	}
	wg.Wait()
	deadline := time.Now().Add(5 * time.Second)
	for slackAPI.count("100.1") == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // room for a wrong second answer
	if n := slackAPI.count("100.1"); n != 1 {
		t.Errorf("the event was answered %d times; want once", n)
	}

	// One user's burst of 3, asked alternately of both replicas.
	var answered, limited int
	for i := range 6 {
		p := []*process{a, b}[i%2]
		_, body, err := do(client, slackCommand(p.base, "U9", "junior ML salary romania"))
		switch {
		case err != nil:
			t.Fatal(err)
		case strings.Contains(body, "€1,500"):
			answered++
		case strings.Contains(body, "asking quickly"):
			limited++
		default:
			t.Errorf("command %d: %s", i+1, body)
		}
	}
	if answered != 3 || limited != 3 {
		t.Errorf("%d answered, %d limited; want 3 and 3 across both replicas", answered, limited)
	}
	for _, p := range []*process{a, b} {
		p.cmd.Process.Signal(syscall.SIGTERM)
		if code := p.wait(t, 10*time.Second); code != 0 {
			t.Errorf("exit %d:\n%s", code, p.log())
		}
		if !strings.Contains(p.log(), `"redis":true`) {
			t.Errorf("serve did not say it uses Redis:\n%s", p.log())
		}
	}
}

// serveWithSignals runs serve in process, its signals sent on sigs.
func serveWithSignals(t *testing.T, conf string) (base string, sigs chan os.Signal, done <-chan int, logs *logtest.Buffer) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	sigs = make(chan os.Signal, 1)
	logs = &logtest.Buffer{}
	ready := make(chan string, 1)
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs, Getenv: func(string) string { return "" },
		Ready: func(addr string) { ready <- addr }, Signals: sigs}
	exit := make(chan int, 1)
	go func() { exit <- m.Run(t.Context(), []string{"serve", "--config", path}) }()
	select {
	case addr := <-ready:
		return "http://" + addr, sigs, exit, logs
	case code := <-exit:
		t.Fatalf("serve exited %d:\n%s", code, logs)
	}
	return "", nil, nil, nil
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	code, body, err := do(http.DefaultClient, mustReq(http.NewRequest(http.MethodGet, url, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return code, body
}

// exitsZero waits up to within for serve's exit code, and wants 0.
func exitsZero(t *testing.T, done <-chan int, within time.Duration, late string) {
	t.Helper()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d; want 0", code)
		}
	case <-time.After(within):
		t.Fatal(late)
	}
}

// TestServeSignals checks what each signal does, in process.
func TestServeSignals(t *testing.T) {
	slow := 1
	if raceEnabled {
		slow = 5
	}
	t.Run("SIGINT skips the drain", func(t *testing.T) {
		base, sigs, done, logs := serveWithSignals(t, "[http]\nlisten = \"127.0.0.1:0\"\nshutdown_drain = \"1m\"\n")
		if code, _ := get(t, base+"/readyz"); code != 200 {
			t.Errorf("/readyz = %d; want 200", code)
		}
		sigs <- syscall.SIGINT
		exitsZero(t, done, time.Duration(slow)*5*time.Second, "SIGINT waited for the drain")
		if strings.Contains(logs.String(), "draining") {
			t.Error("SIGINT drained")
		}
	})
	t.Run("SIGTERM drains", func(t *testing.T) {
		base, sigs, done, _ := serveWithSignals(t, "[http]\nlisten = \"127.0.0.1:0\"\nshutdown_drain = \"1s\"\n")
		start := time.Now()
		sigs <- syscall.SIGTERM
		for {
			if code, _ := get(t, base+"/readyz"); code == http.StatusServiceUnavailable {
				break
			}
			if time.Since(start) > time.Second {
				t.Fatal("/readyz still 200 after SIGTERM")
			}
		}
		if code, body := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, "3 guides") {
			t.Errorf("/healthz during the drain = %d %q; want the listener still answering", code, body)
		}
		if code := <-done; code != 0 {
			t.Errorf("exit %d; want 0", code)
		}
		if d := time.Since(start); d < time.Second {
			t.Errorf("stopped %v after SIGTERM; want after the 1 s drain", d)
		}
	})
	t.Run("shutdown_timeout bounds answers in flight", func(t *testing.T) {
		release := make(chan struct{})
		posting := make(chan struct{}, 1)
		api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/chat.postMessage" {
				posting <- struct{}{}
				<-release // Slack hangs
			}
			io.WriteString(w, `{"ok":true,"user_id":"UBOT"}`)
		}))
		defer api.Close()
		defer close(release)
		pub, _, _ := ed25519.GenerateKey(nil)
		base, sigs, done, logs := serveWithSignals(t, opsConfig(pub, api.URL, "shutdown_drain = \"0s\"\nshutdown_timeout = \"300ms\"", ""))
		if code, _, err := do(http.DefaultClient, slackMention(base, "Ev1", "U1", "1.1")); err != nil || code != 200 {
			t.Fatalf("event: %d %v", code, err)
		}
		<-posting
		start := time.Now()
		sigs <- syscall.SIGTERM
		exitsZero(t, done, time.Duration(slow)*5*time.Second, "serve waited past shutdown_timeout for an answer in flight")
		if d := time.Since(start); d < 300*time.Millisecond {
			t.Errorf("stopped %v after SIGTERM; want the answer in flight given 300 ms", d)
		}
		if !strings.Contains(logs.String(), "answers still in flight were cut") {
			t.Errorf("the cut answer was not logged:\n%s", logs)
		}
	})
	t.Run("a reload of broken guides keeps the old ones", func(t *testing.T) {
		dir := t.TempDir()
		good := "# Quantum Widget Engineer careers\n\n## Salary\n\nA junior quantum widget engineer earns €7,111 a month.\n"
		os.WriteFile(filepath.Join(dir, "q.md"), []byte(good), 0o644)
		base, sigs, done, logs := serveWithSignals(t, fmt.Sprintf("[http]\nlisten = \"127.0.0.1:0\"\n[guides]\ndirs = [%q]\nwatch = false\n", dir))
		os.WriteFile(filepath.Join(dir, "q.md"), []byte("broken\x00"), 0o644)
		sigs <- syscall.SIGHUP
		deadline := time.Now().Add(time.Duration(slow) * 5 * time.Second)
		for !strings.Contains(logs.String(), "guides reload failed") {
			if time.Now().After(deadline) {
				t.Fatalf("no failed reload logged:\n%s", logs)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if code, body := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, "4 guides") {
			t.Errorf("/healthz = %d %q; want the 4 guides served before", code, body)
		}
		if _, body := get(t, base+"/metrics"); !strings.Contains(body, `careerbot_reloads_total{result="failed"} 1`) || !strings.Contains(body, "careerbot_guides 4") {
			t.Errorf("/metrics lacks the failed reload or the guide count")
		}
		if !strings.Contains(logs.String(), "every guide file in") || !strings.Contains(logs.String(), "binary file") {
			t.Errorf("the log does not say why:\n%s", logs)
		}
		sigs <- syscall.SIGINT
		<-done
	})
}

// TestReadyWaitsForSocketMode checks /readyz stays 503 until Socket Mode
// has connected (Slack's hello), then turns 200, and that SIGTERM closes
// the connection.
func TestReadyWaitsForSocketMode(t *testing.T) {
	hello := make(chan struct{})
	closed := make(chan struct{})
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/auth.test":
			io.WriteString(w, `{"ok":true,"user_id":"UBOT"}`)
		case "/apps.connections.open":
			fmt.Fprintf(w, `{"ok":true,"url":"ws%s/ws"}`, strings.TrimPrefix(srv.URL, "http"))
		case "/ws":
			c, err := up.Upgrade(w, r, nil)
			if err != nil {
				return
			}
			defer c.Close()
			<-hello
			c.WriteJSON(map[string]any{"type": "hello", "num_connections": 1})
			for {
				if _, _, err := c.ReadMessage(); err != nil {
					close(closed) // serve hung up
					return
				}
			}
		}
	}))
	defer srv.Close()
	base, sigs, done, _ := serveWithSignals(t, fmt.Sprintf(`[http]
listen = "127.0.0.1:0"
shutdown_drain = "0s"
[slack]
mode = "socket"
bot_token = "xoxb-1"
app_token = "xapp-1"
api_url = %q
`, srv.URL+"/"))
	if code, _ := get(t, base+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz before Socket Mode connected = %d; want 503", code)
	}
	close(hello)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if code, _ := get(t, base+"/readyz"); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/readyz not 200 after hello")
		}
		time.Sleep(10 * time.Millisecond)
	}
	sigs <- syscall.SIGTERM
	exitsZero(t, done, 10*time.Second, "serve did not stop")
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Error("the Socket Mode connection was not closed")
	}
}
