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
	"strings"
	"syscall"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/bots/discord"
	"github.com/careerbot/careerbot/bots/slack"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/config"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/reload"
	"github.com/careerbot/careerbot/internal/server"
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
	warnNoBot(cfg, log)
	st, key, err := openStore(cfg.Store, log)
	if err != nil {
		return err
	}
	defer st.Close()

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	live, err := reload.New(engineBuilder(cfg.Guides, log, m.gc), log, reg)
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
		Limiter: state.Limiter(cfg.Limits.Interval(), cfg.Limits.Burst), Dedupe: state.Claims(dedupeFor),
		MaxQuestionChars: cfg.Limits.MaxQuestionChars, Logger: log, Metrics: bots.NewMetrics(reg),
		Context: conversations(state), Journal: st, HashKey: key,
	})

	// Three lifetimes: accept ends when serve stops taking new work (the
	// listener, the gateway, Socket Mode); work, which bounds answers sent
	// after their request (Slack events, deferred Discord edits), ends only
	// when the shutdown timeout is over.
	accept, stopAccepting := context.WithCancel(ctx)
	defer stopAccepting()
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()

	srv := server.New(live, reg)
	srv.Addr, srv.Drain, srv.ShutdownTimeout, srv.Logger = cfg.HTTP.Listen, cfg.HTTP.ShutdownDrain, cfg.HTTP.ShutdownTimeout, log
	chat, err := startBots(accept, work, cfg, responder, live, st, srv, log)
	if err != nil {
		return err
	}
	if err := srv.Open(); err != nil {
		return err
	}
	srv.ReadyWhen(accept, chat.connected...)
	if cfg.Guides.UseWatch() && len(cfg.Guides.Dirs) > 0 {
		go func() {
			if err := live.Watch(accept, cfg.Guides.Dirs, cfg.Guides.WatchQuiet); err != nil {
				log.Warn("guide directories not watched; SIGHUP still reloads", "err", err)
			}
		}()
	}
	log.Info("serving", "addr", srv.ListenAddr(), "guides", len(live.Guides()), "redis", state.Shared())
	if m.Ready != nil {
		m.Ready(srv.ListenAddr())
	}

	err = m.untilStopped(ctx, live, srv, chat)

	// Stop accepting by every way, then give the work in flight
	// shutdown_timeout: the requests being served first (once they are
	// done no handler starts more background work), then the answers
	// still being sent.
	stopAccepting()
	shut, done := context.WithTimeout(context.Background(), cfg.HTTP.ShutdownTimeout)
	defer done()
	if cerr := <-chat.closed; err == nil {
		err = cerr
	}
	if berr := chat.stop(shut, log, cfg.HTTP.ShutdownTimeout); err == nil {
		err = berr
	}
	stopWork()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	log.Info("stopped")
	return err
}

// untilStopped runs until a signal, the context's end or a transport's
// failure (whose error it returns), reloading on SIGHUP, then closes srv:
// SIGTERM drains; SIGINT, the context's end, a failure or a second
// signal during the drain do not. It returns once the drain is over,
// with srv closing in the background (its result on chat.closed).
func (m *Main) untilStopped(ctx context.Context, live *reload.Live, srv *server.Server, chat *running) error {
	var err error
	drain := false
wait:
	for {
		select {
		case <-ctx.Done():
			break wait
		case sig := <-m.Signals:
			if sig == syscall.SIGHUP {
				go live.Rearm("signal")
				continue
			}
			drain = sig == syscall.SIGTERM
			break wait
		case err = <-srv.Err():
			break wait
		case err = <-chat.errc:
			chat.running--
			break wait
		}
	}
	srv.Unready() // at once, before the goroutine below runs
	if !drain {
		srv.Interrupt()
	}
	go func() { chat.closed <- srv.Close() }()
	for {
		select {
		case <-srv.Drained():
			return err
		case <-ctx.Done():
			srv.Interrupt()
		case sig := <-m.Signals:
			if sig == syscall.SIGHUP {
				go live.Rearm("signal")
				continue
			}
			srv.Interrupt()
		}
	}
}

// warnNoBot says, when the config enables no bot, that serve answers no
// one and which keys would enable one.
func warnNoBot(cfg *config.Config, log *slog.Logger) {
	if cfg.Discord.Mode == "" && cfg.Slack.Mode == "" {
		log.Warn(`no bot enabled: serving only /healthz, /readyz and /metrics; set [discord] mode = "gateway" or "http", or [slack] mode = "socket" or "http", to answer in chat (see config.example.toml)`)
	}
}

// running is what startBots started: the long-lived connections to wait
// for before ready, the answers in flight to wait for at the end.
type running struct {
	connected []<-chan struct{}
	inflight  []func()
	errc      chan error // a transport that stopped, with why
	running   int        // transports sending to errc
	closed    chan error // the HTTP server's Close, once called
}

// startBots builds the bots the config enables, mounts their HTTP
// endpoints on srv and starts their long-lived connections, which end
// with accept; answers sent after their request are bounded by work.
func startBots(accept, work context.Context, cfg *config.Config, responder *bots.Responder, live *reload.Live, st *store.Store,
	srv *server.Server, log *slog.Logger) (*running, error) {
	r := &running{errc: make(chan error, 2), closed: make(chan error, 1)}
	if cfg.Discord.Mode != "" {
		bot := discord.New(responder, live, log)
		bot.SetGaps(st)
		r.inflight = append(r.inflight, bot.Wait)
		switch cfg.Discord.Mode {
		case "http":
			key, _ := hex.DecodeString(cfg.Discord.PublicKey) // validated by config
			// No token is needed to answer; with one, /ask thread:true can
			// start threads.
			api, err := discordgo.New(botToken(cfg.Discord.Token))
			if err != nil {
				return nil, err
			}
			srv.Handle("POST /discord/interactions", discord.NewHTTPHandler(work, bot, ed25519.PublicKey(key), api))
		case "gateway":
			s, err := gatewaySession(cfg.Discord)
			if err != nil {
				return nil, err
			}
			r.running++
			r.connected = append(r.connected, bot.Connected())
			go func() { r.errc <- bot.RunGateway(accept, s) }()
		}
		log.Info("discord enabled", "mode", cfg.Discord.Mode)
	}
	if cfg.Slack.Mode != "" {
		bot, err := slack.New(work, responder, slack.Config{BotToken: cfg.Slack.BotToken, AppToken: cfg.Slack.AppToken,
			SigningSecret: cfg.Slack.SigningSecret, APIURL: cfg.Slack.APIURL}, log)
		if err != nil {
			return nil, err
		}
		r.inflight = append(r.inflight, bot.Wait)
		switch cfg.Slack.Mode {
		case "http":
			srv.Handle("POST /slack/events", bot.EventsHandler())
			srv.Handle("POST /slack/commands", bot.CommandsHandler())
			srv.Handle("POST /slack/interactivity", bot.InteractivityHandler())
		case "socket":
			r.running++
			r.connected = append(r.connected, bot.Connected())
			go func() { r.errc <- bot.RunSocketMode(accept) }()
		}
		log.Info("slack enabled", "mode", cfg.Slack.Mode)
	}
	return r, nil
}

// stop waits, until shut ends, for the transports to close and for the
// answers still being sent; what is cut is logged. It returns the first
// error a transport stopped with.
func (r *running) stop(shut context.Context, log *slog.Logger, timeout time.Duration) error {
	var err error
	for ; r.running > 0; r.running-- {
		select {
		case berr := <-r.errc:
			if err == nil {
				err = berr
			}
		case <-shut.Done():
			r.running = 0
		}
	}
	finished := make(chan struct{})
	go func() {
		for _, wait := range r.inflight {
			wait()
		}
		close(finished)
	}()
	select {
	case <-finished:
	case <-shut.Done():
		log.Warn("shutdown timeout: answers still in flight were cut", "timeout", timeout.String())
	}
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
// falling back to the bundled ones alone. Each build is paced by gc.
func engineBuilder(g config.Guides, log *slog.Logger, gc *gcPacing) reload.Build {
	return func() (reload.Engine, error) {
		loader := &guide.Loader{MaxBytes: g.MaxBytes, MaxSections: g.MaxSections}
		guides, warnings, err := loadGuides(g.UseBundled(), g.Dirs, loader)
		for _, w := range warnings {
			log.Warn("guide skipped or repaired", "warning", w.String())
		}
		if err != nil {
			return nil, err
		}
		if len(g.Dirs) > 0 && fromDirs(guides, g.Dirs) == 0 && skipped(guides, warnings) > 0 {
			return nil, fmt.Errorf("every guide file in %s was skipped (see the warnings)", strings.Join(g.Dirs, ", "))
		}
		_, sections := loader.Used()
		defer gc.building(sections)()
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
	} else if err := config.CheckSnowflake(g); err != nil {
		return fmt.Errorf("--guild: %w", err)
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
