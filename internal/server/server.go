// Package server is careerbot's HTTP listener and its life: liveness
// (/healthz), readiness (/readyz), Prometheus metrics (/metrics), the
// routes the chat adapters mount, and a stop that drains — readiness
// fails at once while the listener keeps answering for a while, so a load
// balancer stops sending before any connection is refused — then gives
// the requests in flight a bounded time to finish.
//
// Its shape follows benbjohnson/wtf's http.Server: configure the fields,
// mount routes, Open, then Close.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/careerbot/careerbot/internal/advisor"
)

// Timeouts every connection gets: a slow or stalled client is cut off
// without holding up others, or the liveness check.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 10 * time.Second
	IdleTimeout       = time.Minute
)

// Server serves careerbot's HTTP endpoints on one listener. Set its
// fields and mount routes with Handle before Open; Close stops it. It is
// safe for concurrent use once open.
type Server struct {
	// Addr is the address to listen on, host:port ("127.0.0.1:0" picks
	// a free port; see URL).
	Addr string
	// Drain is how long Close keeps answering after readiness fails; 0
	// for none.
	Drain time.Duration
	// ShutdownTimeout bounds, once the listener is closed, the wait for
	// the requests still being served.
	ShutdownTimeout time.Duration
	// Logger logs the lifecycle (ready, draining, stopping); never a
	// request's content. Nil discards.
	Logger *slog.Logger

	catalog advisor.Catalog
	mux     *http.ServeMux
	ln      net.Listener
	srv     *http.Server
	errc    chan error

	ready     atomic.Bool // guides loaded and transports up
	stopping  atomic.Bool // from Close on: readiness fails
	draining  atomic.Bool // connections close after their next response
	interrupt chan struct{}
	interOnce sync.Once
	drained   chan struct{}
	drainOnce sync.Once
}

// New returns a server whose /healthz counts catalog's guides and whose
// /metrics serves metrics.
func New(catalog advisor.Catalog, metrics prometheus.Gatherer) *Server {
	s := &Server{catalog: catalog, mux: http.NewServeMux(), errc: make(chan error, 1),
		interrupt: make(chan struct{}), drained: make(chan struct{})}
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /readyz", s.readyz)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(metrics, promhttp.HandlerOpts{}))
	return s
}

// Handle mounts h at pattern (net/http.ServeMux syntax, "POST
// /slack/events"). Call it before Open.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "ok: %d guides\n", len(s.catalog.Guides()))
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if !s.Ready() {
		http.Error(w, "not ready", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ready")
}

func (s *Server) log() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

// Open listens on Addr and serves in the background. /readyz answers 503
// until SetReady or ReadyWhen says otherwise. The error names the address
// that could not be listened on.
func (s *Server) Open() error {
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("http.listen: %w", err)
	}
	s.ln = ln
	s.srv = &http.Server{Handler: http.HandlerFunc(s.serve), ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout: ReadTimeout, WriteTimeout: WriteTimeout, IdleTimeout: IdleTimeout}
	go func() {
		if err := s.srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			s.errc <- err
		}
	}()
	return nil
}

// serve routes a request; while draining, its connection closes after
// the response, so none is left idle (and closed under a client) when
// the listener stops.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		w.Header().Set("Connection", "close")
	}
	s.mux.ServeHTTP(w, r)
}

// URL returns the address served, "http://host:port", once open.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// ListenAddr returns the address listened on, host:port, once open.
func (s *Server) ListenAddr() string {
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Err receives the error that stopped the listener, if it fails while
// serving (not when Close stops it).
func (s *Server) Err() <-chan error { return s.errc }

// SetReady makes /readyz answer 200 (until Close).
func (s *Server) SetReady() {
	if !s.ready.Swap(true) {
		s.log().Info("ready")
	}
}

// Unready makes /readyz answer 503 from now on, as Close does first:
// call it the moment a stop is decided, so readiness fails before
// anything else runs.
func (s *Server) Unready() { s.stopping.Store(true) }

// Ready reports whether /readyz answers 200: SetReady was called and
// neither Unready nor Close was.
func (s *Server) Ready() bool { return s.ready.Load() && !s.stopping.Load() }

// ReadyWhen marks the server ready once every channel of up is closed
// (long-lived connections: the Discord gateway, Slack's Socket Mode),
// at once when there are none. It gives up when ctx ends.
func (s *Server) ReadyWhen(ctx context.Context, up ...<-chan struct{}) {
	if len(up) == 0 {
		s.SetReady()
		return
	}
	go func() {
		for _, c := range up {
			select {
			case <-c:
			case <-ctx.Done():
				return
			}
		}
		s.SetReady()
	}()
}

// Interrupt cuts a drain short, or skips it if Close has not begun one:
// on SIGINT, or a second signal.
func (s *Server) Interrupt() { s.interOnce.Do(func() { close(s.interrupt) }) }

func (s *Server) interrupted() bool {
	select {
	case <-s.interrupt:
		return true
	default:
		return false
	}
}

// Drained is closed when Close's drain is over (at once without one):
// the moment to stop taking work by other ways too.
func (s *Server) Drained() <-chan struct{} { return s.drained }

// Close stops the server. /readyz fails at once; the listener keeps
// answering for Drain (each connection closing after its next response)
// unless Interrupt is called; then the listener closes and the requests
// in flight get ShutdownTimeout to finish. It returns an error when some
// did not, or when the listener had failed.
func (s *Server) Close() error {
	s.stopping.Store(true)
	if s.Drain > 0 && !s.interrupted() {
		s.log().Info("draining", "for", s.Drain.String())
		s.draining.Store(true)
		timer := time.NewTimer(s.Drain)
		select {
		case <-timer.C:
		case <-s.interrupt:
		}
		timer.Stop()
	}
	s.drainOnce.Do(func() { close(s.drained) })
	if s.srv == nil {
		return nil
	}
	s.log().Info("stopping", "timeout", s.ShutdownTimeout.String())
	ctx, cancel := context.WithTimeout(context.Background(), s.ShutdownTimeout)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		s.srv.Close() // cut what is left
		return fmt.Errorf("http: requests still running after %v were cut: %w", s.ShutdownTimeout, err)
	}
	select {
	case err := <-s.errc:
		return err
	default:
		return nil
	}
}
