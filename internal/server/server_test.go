package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/careerbot/careerbot/internal/advisor"
)

// catalog is a fixed set of guides.
type catalog int

func (c catalog) Guides() []advisor.GuideInfo                     { return make([]advisor.GuideInfo, c) }
func (catalog) Suggest(advisor.SuggestKind, string, int) []string { return nil }

// open starts a server on a free port with the fields set by configure,
// closing it at the end of the test.
func open(t *testing.T, configure func(*Server)) *Server {
	t.Helper()
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "test_total", Help: "A test counter."})
	c.Add(7)
	reg.MustRegister(c)
	s := New(catalog(3), reg)
	s.Addr, s.ShutdownTimeout = "127.0.0.1:0", 5*time.Second
	if configure != nil {
		configure(s)
	}
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Interrupt(); s.Close() })
	return s
}

// get fetches path on a new connection and returns the status, the
// Connection header and the body.
func get(t *testing.T, s *Server, path string) (int, string, string) {
	t.Helper()
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
	resp, err := c.Get(s.URL() + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Connection"), string(b)
}

func TestEndpoints(t *testing.T) {
	s := open(t, func(s *Server) {
		s.Handle("POST /echo", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.Copy(w, r.Body) }))
	})
	s.SetReady()
	tests := []struct {
		path string
		code int
		body string
	}{
		{"/healthz", 200, "ok: 3 guides\n"},
		{"/readyz", 200, "ready\n"},
		{"/metrics", 200, "test_total 7"},
		{"/nope", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, _, body := get(t, s, tt.path)
			if code != tt.code || !strings.Contains(body, tt.body) {
				t.Errorf("GET %s = %d %q; want %d %q", tt.path, code, body, tt.code, tt.body)
			}
		})
	}
	t.Run("mounted route", func(t *testing.T) {
		resp, err := http.Post(s.URL()+"/echo", "text/plain", strings.NewReader("hi"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if b, _ := io.ReadAll(resp.Body); resp.StatusCode != 200 || string(b) != "hi" {
			t.Errorf("POST /echo = %d %q; want 200 \"hi\"", resp.StatusCode, b)
		}
	})
}

func TestReadiness(t *testing.T) {
	t.Run("not ready until SetReady", func(t *testing.T) {
		s := open(t, nil)
		if code, _, _ := get(t, s, "/readyz"); code != http.StatusServiceUnavailable {
			t.Errorf("/readyz before SetReady = %d; want 503", code)
		}
		if code, _, _ := get(t, s, "/healthz"); code != 200 {
			t.Errorf("/healthz before SetReady = %d; want 200", code)
		}
		s.SetReady()
		if code, _, _ := get(t, s, "/readyz"); code != 200 {
			t.Errorf("/readyz after SetReady = %d; want 200", code)
		}
	})
	t.Run("ReadyWhen waits for every connection", func(t *testing.T) {
		s := open(t, nil)
		a, b := make(chan struct{}), make(chan struct{})
		s.ReadyWhen(context.Background(), a, b)
		close(a)
		time.Sleep(20 * time.Millisecond)
		if s.Ready() {
			t.Fatal("ready with one connection of two up")
		}
		close(b)
		waitFor(t, s.Ready, "ready once both are up")
	})
	t.Run("ReadyWhen with no connection", func(t *testing.T) {
		s := open(t, nil)
		s.ReadyWhen(context.Background())
		if !s.Ready() {
			t.Error("not ready at once without connections to wait for")
		}
	})
	t.Run("ReadyWhen gives up when its context ends", func(t *testing.T) {
		s := open(t, nil)
		ctx, cancel := context.WithCancel(context.Background())
		up := make(chan struct{})
		s.ReadyWhen(ctx, up)
		cancel()
		time.Sleep(20 * time.Millisecond)
		close(up)
		time.Sleep(20 * time.Millisecond)
		if s.Ready() {
			t.Error("ready after the context ended")
		}
	})
	t.Run("not ready from Unready on", func(t *testing.T) {
		s := open(t, nil)
		s.SetReady()
		s.Unready()
		if code, _, _ := get(t, s, "/readyz"); code != http.StatusServiceUnavailable {
			t.Errorf("/readyz after Unready = %d; want 503", code)
		}
		s.SetReady()
		if s.Ready() {
			t.Error("SetReady after Unready made the server ready again")
		}
		if code, _, _ := get(t, s, "/healthz"); code != 200 {
			t.Errorf("/healthz after Unready = %d; want 200", code)
		}
	})
	t.Run("not ready from Close on", func(t *testing.T) {
		s := open(t, func(s *Server) { s.Drain = time.Minute })
		s.SetReady()
		go s.Close()
		waitFor(t, func() bool { return !s.Ready() }, "not ready once Close began")
		if code, _, _ := get(t, s, "/readyz"); code != http.StatusServiceUnavailable {
			t.Errorf("/readyz during the drain = %d; want 503", code)
		}
		if code, _, body := get(t, s, "/healthz"); code != 200 || body != "ok: 3 guides\n" {
			t.Errorf("/healthz during the drain = %d %q; want it answering", code, body)
		}
	})
}

func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not %s within 5 s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestDrainOnClose(t *testing.T) {
	const drain = 300 * time.Millisecond
	s := open(t, func(s *Server) { s.Drain = drain })
	s.SetReady()
	// A client keeping its connection alive across requests.
	client := &http.Client{Timeout: 5 * time.Second}
	if resp, err := client.Get(s.URL() + "/healthz"); err != nil || resp.Close {
		t.Fatalf("before Close: %v; want an answer keeping the connection", err)
	} else {
		resp.Body.Close()
	}
	start := time.Now()
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	waitFor(t, s.draining.Load, "draining")
	select {
	case <-s.Drained():
		t.Fatal("Drained closed before the drain was over")
	default:
	}
	resp, err := client.Get(s.URL() + "/healthz")
	if err != nil {
		t.Fatalf("during the drain: %v; want an answer", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !resp.Close {
		t.Errorf("during the drain: %d, Connection %q; want 200 and the connection closed after it", resp.StatusCode, resp.Header.Get("Connection"))
	}
	if err := <-closed; err != nil {
		t.Errorf("Close = %v", err)
	}
	if d := time.Since(start); d < drain {
		t.Errorf("Close returned after %v; want after the %v drain", d, drain)
	}
	select {
	case <-s.Drained():
	default:
		t.Error("Drained not closed after Close")
	}
	if _, err := net.DialTimeout("tcp", s.ListenAddr(), time.Second); !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("dial after Close = %v; want connection refused", err)
	}
}

func TestInterrupt(t *testing.T) {
	tests := []struct {
		name   string
		before bool // Interrupt before Close (SIGINT), else during the drain
	}{
		{"before Close: no drain", true},
		{"during the drain: cut short", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t, func(s *Server) { s.Drain = time.Minute })
			if tt.before {
				s.Interrupt()
			}
			closed := make(chan error, 1)
			go func() { closed <- s.Close() }()
			if !tt.before {
				waitFor(t, func() bool { return s.draining.Load() }, "draining")
				s.Interrupt()
			}
			select {
			case err := <-closed:
				if err != nil {
					t.Errorf("Close = %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Close still draining after Interrupt")
			}
			if tt.before && s.draining.Load() {
				t.Error("drained after Interrupt")
			}
		})
	}
}

// TestShutdownTimeout checks the requests in flight at Close: one that
// finishes within the timeout is answered, one that does not is cut
// and Close says so.
func TestShutdownTimeout(t *testing.T) {
	tests := []struct {
		name     string
		takes    time.Duration
		answered bool
	}{
		{"finishes within the timeout", 100 * time.Millisecond, true},
		{"outlasts it", 5 * time.Second, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			started := make(chan struct{})
			s := open(t, func(s *Server) {
				s.ShutdownTimeout = 400 * time.Millisecond
				s.Handle("GET /slow", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					close(started)
					select {
					case <-time.After(tt.takes):
						io.WriteString(w, "done")
					case <-r.Context().Done():
					}
				}))
			})
			got := make(chan string, 1)
			go func() {
				resp, err := http.Get(s.URL() + "/slow")
				if err != nil {
					got <- err.Error()
					return
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				got <- string(b)
			}()
			<-started
			start := time.Now()
			err := s.Close()
			took := time.Since(start)
			body := <-got
			if tt.answered {
				if err != nil || body != "done" {
					t.Errorf("Close = %v, the request got %q; want it answered", err, body)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), "cut") {
				t.Errorf("Close = %v; want an error saying requests were cut", err)
			}
			if took < 400*time.Millisecond || took > 3*time.Second {
				t.Errorf("Close took %v; want the 400 ms timeout", took)
			}
			if body == "done" {
				t.Error("the request outlasting the timeout was answered")
			}
		})
	}
}

// TestHealthzFastDuringSlowRequests checks liveness stays fast while
// requests are slow to answer and clients are slow to send.
func TestHealthzFastDuringSlowRequests(t *testing.T) {
	release := make(chan struct{})
	s := open(t, func(s *Server) {
		s.Handle("GET /slow", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(release) // before the wait
	for range 50 {       // answers that take their time
		wg.Go(func() {
			resp, err := http.Get(s.URL() + "/slow")
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	for range 50 { // clients that never finish their headers
		c, err := net.Dial("tcp", s.ListenAddr())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n")
	}
	time.Sleep(50 * time.Millisecond)
	var worst time.Duration
	for range 20 {
		start := time.Now()
		if code, _, _ := get(t, s, "/healthz"); code != 200 {
			t.Fatalf("/healthz = %d", code)
		}
		worst = max(worst, time.Since(start))
	}
	if worst > 500*time.Millisecond {
		t.Errorf("slowest /healthz took %v beside 50 slow requests and 50 stalled clients; want well under 500 ms", worst)
	}
	t.Logf("slowest of 20 /healthz: %v", worst)
}

func TestOpenAddressInUse(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	s := New(catalog(0), prometheus.NewRegistry())
	s.Addr = taken.Addr().String()
	if err := s.Open(); err == nil || !strings.Contains(err.Error(), "http.listen") {
		t.Errorf("Open on a taken address = %v; want an error naming http.listen", err)
	}
}

// TestErr checks a listener failing while serving is reported.
func TestErr(t *testing.T) {
	s := open(t, nil)
	s.ln.Close()
	select {
	case err := <-s.Err():
		if err == nil {
			t.Error("Err received nil")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no error after the listener failed")
	}
}
