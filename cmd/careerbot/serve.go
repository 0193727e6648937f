package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/bots/discord"
	"github.com/careerbot/careerbot/bots/slack"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/config"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/reload"
	"github.com/careerbot/careerbot/internal/shared"
	"github.com/careerbot/careerbot/internal/store"
)

func (m *Main) loadConfig(path string) (*config.Config, error) {
	if path == "" {
		// No file: defaults and the environment alone.
		return config.Parse("", m.Getenv)
	}
	return config.Load(path, m.Getenv)
}

func parseLevel(s string) slog.Level {
	var l slog.Level
	l.UnmarshalText([]byte(s)) // validated by config
	return l
}

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := m.newFlagSet("serve", "serve --config FILE\n\nServes /healthz, /readyz, /metrics and the Discord and Slack endpoints the config enables,\non [http] listen. SIGHUP reloads the guides; SIGTERM drains, then stops.")
	path := fs.String("config", "", "the TOML configuration `FILE` (see config.example.toml)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	log := m.logger(parseLevel(cfg.Log.Level))
	st, key, err := openStore(cfg.Store, log)
	if err != nil {
		return err
	}
	defer st.Close()

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	live, err := reload.New(engineBuilder(cfg.Guides, log), log, reg)
	if err != nil {
		return err
	}
	defer live.Close()

	state := shared.Local(log)
	if cfg.Redis.URL != "" {
		if state, err = shared.Open(ctx, cfg.Redis.URL, cfg.Redis.Prefix, log); err != nil {
			return err
		}
	}
	defer state.Close()
	responder := bots.NewResponder(live, bots.Options{
		Limiter:          state.Limiter(cfg.Limits.Interval(), cfg.Limits.Burst),
		Dedupe:           state.Claims(dedupeFor),
		MaxQuestionChars: cfg.Limits.MaxQuestionChars,
		Logger:           log,
		Metrics:          bots.NewMetrics(reg),
		Context:          conversations(state),
		Journal:          st,
		HashKey:          key,
	})

	// Three lifetimes: accept ends when serve stops taking new work (the
	// listener, the gateway, Socket Mode); work, which bounds answers sent
	// after their request (Slack events, deferred Discord edits), ends only
	// when the shutdown timeout is over.
	accept, stopAccepting := context.WithCancel(ctx)
	defer stopAccepting()
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()

	// ready: guides loaded and transports up; stopping: from the signal on.
	var ready, stopping, draining atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "ok: %d guides\n", len(live.Guides()))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if !ready.Load() || stopping.Load() {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))

	errc := make(chan error, 4)
	var background int
	var connected []<-chan struct{} // long-lived connections to wait for before ready
	var inflight []func()           // waits for answers still being sent
	if cfg.Discord.Mode != "" {
		bot := discord.New(responder, live, log)
		bot.SetGaps(st)
		inflight = append(inflight, bot.Wait)
		switch cfg.Discord.Mode {
		case "http":
			key, _ := hex.DecodeString(cfg.Discord.PublicKey) // validated by config
			// No token is needed to answer; with one, /ask thread:true can
			// start threads.
			api, err := discordgo.New(botToken(cfg.Discord.Token))
			if err != nil {
				return err
			}
			mux.Handle("POST /discord/interactions", discord.NewHTTPHandler(work, bot, ed25519.PublicKey(key), api))
		case "gateway":
			s, err := gatewaySession(cfg.Discord)
			if err != nil {
				return err
			}
			background++
			connected = append(connected, bot.Connected())
			go func() { errc <- bot.RunGateway(accept, s) }()
		}
		log.Info("discord enabled", "mode", cfg.Discord.Mode)
	}
	if cfg.Slack.Mode != "" {
		bot, err := slack.New(work, responder, slack.Config{BotToken: cfg.Slack.BotToken, AppToken: cfg.Slack.AppToken,
			SigningSecret: cfg.Slack.SigningSecret, APIURL: cfg.Slack.APIURL}, log)
		if err != nil {
			return err
		}
		inflight = append(inflight, bot.Wait)
		switch cfg.Slack.Mode {
		case "http":
			mux.Handle("POST /slack/events", bot.EventsHandler())
			mux.Handle("POST /slack/commands", bot.CommandsHandler())
			mux.Handle("POST /slack/interactivity", bot.InteractivityHandler())
		case "socket":
			background++
			connected = append(connected, bot.Connected())
			go func() { errc <- bot.RunSocketMode(accept) }()
		}
		log.Info("slack enabled", "mode", cfg.Slack.Mode)
	}

	ln, err := net.Listen("tcp", cfg.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("http.listen: %w", err)
	}
	// While draining, each connection serves one more request and closes,
	// so none is idle (and closed under a client) when the listener stops.
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if draining.Load() {
			w.Header().Set("Connection", "close")
		}
		mux.ServeHTTP(w, r)
	})
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	background++
	go func() { errc <- srv.Serve(ln) }()
	// Ready once every long-lived connection is up; at once without any.
	if len(connected) == 0 {
		ready.Store(true)
		log.Info("ready")
	} else {
		go func() {
			for _, c := range connected {
				select {
				case <-c:
				case <-accept.Done():
					return
				}
			}
			ready.Store(true)
			log.Info("ready")
		}()
	}
	if cfg.Guides.UseWatch() && len(cfg.Guides.Dirs) > 0 {
		go func() {
			if err := live.Watch(accept, cfg.Guides.Dirs, reload.Quiet); err != nil {
				log.Warn("guide directories not watched; SIGHUP still reloads", "err", err)
			}
		}()
	}
	log.Info("serving", "addr", ln.Addr().String(), "guides", len(live.Guides()), "redis", state.Shared())
	if m.Ready != nil {
		m.Ready(ln.Addr().String())
	}

	// Run until a signal, the context's end or a transport's failure.
	drain := false
wait:
	for {
		select {
		case <-ctx.Done():
			break wait
		case sig := <-m.Signals:
			if sig == syscall.SIGHUP {
				go live.Reload("signal")
				continue
			}
			drain = sig == syscall.SIGTERM
			break wait
		case err = <-errc:
			background--
			break wait
		}
	}

	// Drain: fail readiness at once so load balancers stop sending, but
	// keep answering until shutdown_drain is over or SIGINT comes.
	stopping.Store(true)
	if drain && cfg.HTTP.ShutdownDrain > 0 {
		log.Info("draining", "for", cfg.HTTP.ShutdownDrain.String())
		draining.Store(true)
		timer := time.NewTimer(cfg.HTTP.ShutdownDrain)
	drained:
		for {
			select {
			case <-timer.C:
				break drained
			case <-ctx.Done():
				break drained
			case sig := <-m.Signals:
				if sig != syscall.SIGHUP {
					break drained
				}
			}
		}
		timer.Stop()
	}

	// Stop accepting, then give the work in flight shutdown_timeout.
	log.Info("stopping", "timeout", cfg.HTTP.ShutdownTimeout.String())
	stopAccepting()
	shut, done := context.WithTimeout(context.Background(), cfg.HTTP.ShutdownTimeout)
	defer done()
	if serr := srv.Shutdown(shut); serr != nil && err == nil {
		err = serr
	}
	for ; background > 0; background-- {
		select {
		case berr := <-errc:
			if err == nil {
				err = berr
			}
		case <-shut.Done():
			background = 0
		}
	}
	finished := make(chan struct{})
	go func() {
		for _, wait := range inflight {
			wait()
		}
		close(finished)
	}()
	select {
	case <-finished:
	case <-shut.Done():
		log.Warn("shutdown timeout: answers still in flight were cut", "timeout", cfg.HTTP.ShutdownTimeout.String())
	}
	stopWork()
	if errors.Is(err, http.ErrServerClosed) || errors.Is(err, context.Canceled) {
		err = nil
	}
	log.Info("stopped")
	return err
}

// gatewaySession returns the Discord session gateway mode connects with:
// the bot token, and this process's shard when the config shards.
func gatewaySession(c config.Discord) (*discordgo.Session, error) {
	s, err := discordgo.New(botToken(c.Token))
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	if c.ShardCount > 0 {
		s.ShardID, s.ShardCount = c.ShardID, c.ShardCount
	}
	return s, nil
}

// dedupeFor is how long a request id is remembered: Slack retries an
// event three times over about five minutes.
const dedupeFor = 10 * time.Minute

// engineBuilder returns how serve builds an engine, at start and at each
// reload: the guides loaded as configured, each warning logged. When the
// directories hold guide files and every one of them is skipped, the
// build fails, so a reload keeps the guides being served rather than
// falling back to the bundled ones alone.
func engineBuilder(g config.Guides, log *slog.Logger) reload.Build {
	return func() (reload.Engine, error) {
		guides, warnings, err := loadGuides(g.UseBundled(), g.Dirs, &guide.Loader{MaxBytes: g.MaxBytes, MaxSections: g.MaxSections})
		for _, w := range warnings {
			log.Warn("guide skipped or repaired", "warning", w.String())
		}
		if err != nil {
			return nil, err
		}
		if len(g.Dirs) > 0 && fromDirs(guides, g.Dirs) == 0 && skipped(guides, warnings) > 0 {
			return nil, fmt.Errorf("every guide file in %s was skipped (see the warnings)", strings.Join(g.Dirs, ", "))
		}
		return answer.New(guides)
	}
}

// fromDirs counts the guides loaded from dirs.
func fromDirs(guides []*guide.Guide, dirs []string) int {
	n := 0
	for _, g := range guides {
		for _, d := range dirs {
			if strings.HasPrefix(g.Source, strings.TrimSuffix(d, "/")+"/") {
				n++
				break
			}
		}
	}
	return n
}

// skipped counts the files warned about that gave no guide.
func skipped(guides []*guide.Guide, warnings []guide.Warning) int {
	loaded := map[string]bool{}
	for _, g := range guides {
		loaded[g.Source] = true
	}
	files := map[string]bool{}
	for _, w := range warnings {
		if !loaded[w.Source] {
			files[w.Source] = true
		}
	}
	return len(files)
}

// botToken is the Authorization value for a bot token, or "" for none.
func botToken(token string) string {
	if token == "" {
		return ""
	}
	return "Bot " + strings.TrimPrefix(token, "Bot ")
}

// maxConversations bounds the conversations kept in memory for follow-ups.
const maxConversations = 10000

// conversations returns where follow-ups' context is kept: in Redis when
// replicas share state, so a follow-up may land on any of them; in memory
// otherwise.
func conversations(state *shared.State) bots.ContextStore {
	if state.Shared() {
		return state.Conversations()
	}
	return bots.NewMemoryContext(maxConversations)
}

// openStore opens the feedback store and returns the key for hashing user
// ids: the configured one, or a random one for this run.
func openStore(cfg config.Store, log *slog.Logger) (*store.Store, []byte, error) {
	st, err := store.Open(cfg.Path, store.Options{RetentionDays: cfg.RetentionDays, Queue: cfg.Queue, Logger: log})
	if err != nil {
		return nil, nil, err
	}
	key := []byte(cfg.HashKey)
	if len(key) == 0 {
		key = make([]byte, 32)
		rand.Read(key)
		log.Warn("store.hash_key not set: a random key hashes user ids, so votes are deduplicated only until restart")
	}
	log.Info("store", "path", cfg.Path, "retention_days", cfg.RetentionDays)
	return st, key, nil
}

func (m *Main) runDiscord(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "register" {
		fmt.Fprintln(m.Stderr, "Usage: careerbot discord register [--config FILE] [--guild ID]")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return errUsage
	}
	fs := m.newFlagSet("discord register", "discord register [--config FILE] [--guild ID]\n\nInstalls the slash commands with one bulk overwrite: in a guild (instant, for testing)\nor globally. Needs discord.token and discord.application_id (or DISCORD_BOT_TOKEN\nand DISCORD_APPLICATION_ID).")
	path := fs.String("config", "", "the TOML configuration `FILE`; without it, the environment alone")
	guild := fs.String("guild", "", "register in this guild `ID` instead of globally (default: discord.guild_id)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	cfg, err := m.loadConfig(*path)
	if err != nil {
		return err
	}
	if cfg.Discord.Token == "" {
		return errors.New("discord.token: required to register commands (or set DISCORD_BOT_TOKEN)")
	}
	if cfg.Discord.ApplicationID == "" {
		return errors.New("discord.application_id: required to register commands (or set DISCORD_APPLICATION_ID)")
	}
	g := *guild
	if g == "" {
		g = cfg.Discord.GuildID
	}
	s, err := discordgo.New("Bot " + strings.TrimPrefix(cfg.Discord.Token, "Bot "))
	if err != nil {
		return err
	}
	if m.discordClient != nil {
		s.Client = m.discordClient
	}
	ch, err := discord.Register(s, cfg.Discord.ApplicationID, g)
	if err != nil {
		return fmt.Errorf("discord register: %w", err)
	}
	where := "globally (may take up to an hour to appear)"
	if g != "" {
		where = "in guild " + g
	}
	fmt.Fprintf(m.Stdout, "commands %s: %s\n", where, ch)
	return nil
}
