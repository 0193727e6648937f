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
	fs := m.newFlagSet("serve", "serve --config FILE\n\nServes /healthz, /metrics and the Discord and Slack endpoints the config enables, on [http] listen.")
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
	guides, warnings, err := loadGuides(cfg.Guides.UseBundled(), cfg.Guides.Dirs)
	for _, w := range warnings {
		log.Warn("guide skipped or repaired", "warning", w.String())
	}
	if err != nil {
		return err
	}
	eng, err := answer.New(guides)
	if err != nil {
		return err
	}
	defer eng.Close()

	st, key, err := openStore(cfg.Store, log)
	if err != nil {
		return err
	}
	defer st.Close()

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	responder := bots.NewResponder(eng, bots.Options{
		Limiter:          bots.NewLimiter(cfg.Limits.Interval(), cfg.Limits.Burst),
		MaxQuestionChars: cfg.Limits.MaxQuestionChars,
		Logger:           log,
		Metrics:          bots.NewMetrics(reg),
		Context:          bots.NewMemoryContext(maxConversations),
		Journal:          st,
		HashKey:          key,
	})

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "ok: %d guides\n", len(guides))
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))

	errc := make(chan error, 4)
	var background int
	if cfg.Discord.Mode != "" {
		bot := discord.New(responder, eng, log)
		bot.SetGaps(st)
		switch cfg.Discord.Mode {
		case "http":
			key, _ := hex.DecodeString(cfg.Discord.PublicKey) // validated by config
			// No token is needed to answer; with one, /ask thread:true can
			// start threads.
			api, err := discordgo.New(botToken(cfg.Discord.Token))
			if err != nil {
				return err
			}
			mux.Handle("POST /discord/interactions", discord.NewHTTPHandler(ctx, bot, ed25519.PublicKey(key), api))
		case "gateway":
			s, err := discordgo.New("Bot " + strings.TrimPrefix(cfg.Discord.Token, "Bot "))
			if err != nil {
				return fmt.Errorf("discord: %w", err)
			}
			background++
			go func() { errc <- bot.RunGateway(ctx, s) }()
		}
		log.Info("discord enabled", "mode", cfg.Discord.Mode)
	}
	if cfg.Slack.Mode != "" {
		bot, err := slack.New(ctx, responder, slack.Config{BotToken: cfg.Slack.BotToken, AppToken: cfg.Slack.AppToken,
			SigningSecret: cfg.Slack.SigningSecret, APIURL: cfg.Slack.APIURL}, log)
		if err != nil {
			return err
		}
		switch cfg.Slack.Mode {
		case "http":
			mux.Handle("POST /slack/events", bot.EventsHandler())
			mux.Handle("POST /slack/commands", bot.CommandsHandler())
			mux.Handle("POST /slack/interactivity", bot.InteractivityHandler())
		case "socket":
			background++
			go func() { errc <- bot.RunSocketMode(ctx) }()
		}
		log.Info("slack enabled", "mode", cfg.Slack.Mode)
	}

	ln, err := net.Listen("tcp", cfg.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("http.listen: %w", err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	background++
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "addr", ln.Addr().String(), "guides", len(guides))
	if m.Ready != nil {
		m.Ready(ln.Addr().String())
	}

	// Run until asked to stop or until a transport fails, then stop the
	// rest and wait for each (they all send one result) a few seconds.
	select {
	case <-ctx.Done():
	case err = <-errc:
		background--
	}
	cancel()
	shut, done := context.WithTimeout(context.Background(), 5*time.Second)
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
	if errors.Is(err, http.ErrServerClosed) || errors.Is(err, context.Canceled) {
		err = nil
	}
	log.Info("stopped")
	return err
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
