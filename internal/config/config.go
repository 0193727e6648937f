// Package config reads careerbot's TOML configuration, applies the secrets
// given in the environment, and validates the result, naming the key at
// fault in every error.
package config

import (
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is the whole configuration. The zero values of optional keys are
// replaced by the defaults documented in config.example.toml.
type Config struct {
	HTTP    HTTP    `toml:"http"`
	Guides  Guides  `toml:"guides"`
	Limits  Limits  `toml:"limits"`
	Log     Log     `toml:"log"`
	Discord Discord `toml:"discord"`
	Slack   Slack   `toml:"slack"`
	Redis   Redis   `toml:"redis"`
	Store   Store   `toml:"store"`
}

// Store configures where feedback and unanswered questions are kept.
type Store struct {
	// Path is the SQLite file; relative paths are relative to the config
	// file's directory. Default: careerbot.db beside the config file (in
	// the working directory without one).
	Path string `toml:"path"`
	// RetentionDays is how long question text is kept (default 90).
	RetentionDays int `toml:"retention_days"`
	// HashKey keys the hash of user ids kept with votes; without it a
	// random key is made at each start.
	HashKey string `toml:"hash_key"`
	// Queue is how many records may wait to be written before new ones are
	// dropped (default 1024).
	Queue int `toml:"queue"`
}

// HTTP configures the one listener every HTTP endpoint shares.
type HTTP struct {
	Listen string `toml:"listen"`
	// ShutdownDrain is how long the listener keeps answering after SIGTERM
	// while /readyz fails, so a load balancer stops sending first.
	ShutdownDrain time.Duration `toml:"shutdown_drain"`
	// ShutdownTimeout bounds the work still in flight once the listener
	// stops accepting.
	ShutdownTimeout time.Duration `toml:"shutdown_timeout"`
}

// Guides says which guides to load, and how much of them serve may hold.
type Guides struct {
	Dirs    []string `toml:"dirs"`
	Bundled *bool    `toml:"bundled"`
	Watch   *bool    `toml:"watch"`
	// WatchQuiet is how long the directories must stay unchanged before a
	// watched change reloads (default DefaultWatchQuiet): one reload for
	// a copy of many files. An atomic swap (a ConfigMap's) needs less.
	WatchQuiet time.Duration `toml:"watch_quiet"`
	// MaxBytes and MaxSections bound the guides loaded, the bundled ones
	// included: past either, loading fails naming the key and the
	// directory (a reload keeps the guides being served). Defaults:
	// DefaultMaxGuideBytes, DefaultMaxSections.
	MaxBytes    int64 `toml:"max_bytes"`
	MaxSections int   `toml:"max_sections"`
}

// UseBundled reports whether the bundled guides are loaded (default true).
func (g Guides) UseBundled() bool { return g.Bundled == nil || *g.Bundled }

// UseWatch reports whether serve reloads the guides when a directory
// changes (default true); SIGHUP reloads them either way.
func (g Guides) UseWatch() bool { return g.Watch == nil || *g.Watch }

// Limits bounds what one user can ask.
type Limits struct {
	QuestionsPerMinute float64 `toml:"questions_per_minute"`
	Burst              int     `toml:"burst"`
	MaxQuestionChars   int     `toml:"max_question_chars"`
}

// Log configures logging.
type Log struct {
	Level string `toml:"level"`
}

// Discord configures the Discord bot.
type Discord struct {
	Mode          string `toml:"mode"` // "", "gateway" or "http"
	Token         string `toml:"token"`
	ApplicationID string `toml:"application_id"`
	PublicKey     string `toml:"public_key"`
	GuildID       string `toml:"guild_id"`
	// ShardID and ShardCount split the gateway's servers between
	// processes (gateway mode only; Discord requires it from 2,500 servers).
	ShardID    int `toml:"shard_id"`
	ShardCount int `toml:"shard_count"`
}

// Slack configures the Slack bot.
type Slack struct {
	Mode          string `toml:"mode"` // "", "socket" or "http"
	BotToken      string `toml:"bot_token"`
	AppToken      string `toml:"app_token"`
	SigningSecret string `toml:"signing_secret"`
	APIURL        string `toml:"api_url"`
}

// Redis holds the state replicas share; without a URL it stays in process.
type Redis struct {
	URL    string `toml:"url"`    // redis://[:password@]host:port/db or rediss://…
	Prefix string `toml:"prefix"` // put before every key, so deployments can share a server
}

// Defaults.
const (
	DefaultListen             = "127.0.0.1:8080"
	DefaultQuestionsPerMinute = 4
	DefaultBurst              = 3
	DefaultMaxQuestionChars   = 500
	DefaultSlackAPIURL        = "https://slack.com/api/"
	DefaultShutdownDrain      = 5 * time.Second
	DefaultShutdownTimeout    = 20 * time.Second
	DefaultRedisPrefix        = "careerbot:"
	DefaultStorePath          = "careerbot.db"
	DefaultRetentionDays      = 90
	// DefaultMaxGuideBytes and DefaultMaxSections keep serve within a
	// 512 MB container while two engines overlap during a reload: guides
	// at the limits peaked at 302–344 MB over three reloads (see the
	// README's Budgets).
	DefaultWatchQuiet    = time.Second
	DefaultMaxGuideBytes = 4 << 20
	DefaultMaxSections   = 10000
)

// secret is a key that the environment may set instead of the file.
type secret struct {
	key, env string
	v        *string
}

// secrets lists the keys the environment overrides, with their variables.
func (c *Config) secrets() []secret {
	return []secret{
		{"discord.token", "DISCORD_BOT_TOKEN", &c.Discord.Token},
		{"discord.public_key", "DISCORD_PUBLIC_KEY", &c.Discord.PublicKey},
		{"discord.application_id", "DISCORD_APPLICATION_ID", &c.Discord.ApplicationID},
		{"slack.bot_token", "SLACK_BOT_TOKEN", &c.Slack.BotToken},
		{"slack.app_token", "SLACK_APP_TOKEN", &c.Slack.AppToken},
		{"slack.signing_secret", "SLACK_SIGNING_SECRET", &c.Slack.SigningSecret},
		{"redis.url", "REDIS_URL", &c.Redis.URL},
		{"store.hash_key", "CAREERBOT_HASH_KEY", &c.Store.HashKey},
	}
}

// Load reads the file at path, applies the environment through getenv
// (os.Getenv when nil), fills in defaults and validates.
func Load(path string, getenv func(string) string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c, err := Parse(string(data), getenv)
	if err != nil {
		return nil, err
	}
	// The store lives beside the config, wherever serve is started from.
	if !filepath.IsAbs(c.Store.Path) {
		c.Store.Path = filepath.Join(filepath.Dir(path), c.Store.Path)
	}
	return c, nil
}

// Parse is Load for configuration text.
func Parse(text string, getenv func(string) string) (*Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	var c Config
	md, err := toml.Decode(text, &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			if pe.LastKey != "" {
				return nil, fmt.Errorf("config: line %d: %s: %s", pe.Position.Line, pe.LastKey, pe.Message)
			}
			return nil, fmt.Errorf("config: line %d: %s", pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("config: %w", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("config: unknown key %s", und[0])
	}
	for _, sec := range c.secrets() {
		if v := getenv(sec.env); v != "" {
			*sec.v = v
		}
	}
	c.defaults()
	// A zero duration is a choice ("0s": no drain), so only absent keys
	// take the defaults.
	if !md.IsDefined("http", "shutdown_drain") {
		c.HTTP.ShutdownDrain = DefaultShutdownDrain
	}
	if !md.IsDefined("http", "shutdown_timeout") {
		c.HTTP.ShutdownTimeout = DefaultShutdownTimeout
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return &c, nil
}

func (c *Config) defaults() {
	if c.HTTP.Listen == "" {
		c.HTTP.Listen = DefaultListen
	}
	if c.Limits.QuestionsPerMinute == 0 {
		c.Limits.QuestionsPerMinute = DefaultQuestionsPerMinute
	}
	if c.Limits.Burst == 0 {
		c.Limits.Burst = DefaultBurst
	}
	if c.Limits.MaxQuestionChars == 0 {
		c.Limits.MaxQuestionChars = DefaultMaxQuestionChars
	}
	if c.Slack.APIURL == "" {
		c.Slack.APIURL = DefaultSlackAPIURL
	}
	if c.Log.Level == "" {
		c.Log.Level = "info"
	}
	if c.Redis.Prefix == "" {
		c.Redis.Prefix = DefaultRedisPrefix
	}
	if c.Store.Path == "" {
		c.Store.Path = DefaultStorePath
	}
	if c.Store.RetentionDays == 0 {
		c.Store.RetentionDays = DefaultRetentionDays
	}
	if c.Guides.MaxBytes == 0 {
		c.Guides.MaxBytes = DefaultMaxGuideBytes
	}
	if c.Guides.WatchQuiet == 0 {
		c.Guides.WatchQuiet = DefaultWatchQuiet
	}
	if c.Guides.MaxSections == 0 {
		c.Guides.MaxSections = DefaultMaxSections
	}
}

// keyError names the key at fault.
func keyError(key, format string, args ...any) error {
	return fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...))
}

// required names the key and, where there is one, its environment variable.
func required(key, why string) error {
	for _, sec := range (&Config{}).secrets() {
		if sec.key == key {
			return keyError(key, "required %s (or set %s)", why, sec.env)
		}
	}
	return keyError(key, "required %s", why)
}

func (c *Config) validate() error {
	if _, _, err := net.SplitHostPort(c.HTTP.Listen); err != nil {
		return keyError("http.listen", "want host:port, got %q", c.HTTP.Listen)
	}
	if c.HTTP.ShutdownDrain < 0 {
		return keyError("http.shutdown_drain", "must not be negative")
	}
	if c.HTTP.ShutdownTimeout < 0 {
		return keyError("http.shutdown_timeout", "must not be negative")
	}
	if c.Limits.QuestionsPerMinute < 0 {
		return keyError("limits.questions_per_minute", "must be positive")
	}
	if c.Limits.Burst < 0 {
		return keyError("limits.burst", "must be positive")
	}
	if c.Limits.MaxQuestionChars < 0 || c.Limits.MaxQuestionChars > 1000 {
		return keyError("limits.max_question_chars", "must be between 1 and 1000")
	}
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		return keyError("log.level", "want debug, info, warn or error, got %q", c.Log.Level)
	}
	switch c.Discord.Mode {
	case "":
	case "gateway":
		if c.Discord.Token == "" {
			return required("discord.token", "in gateway mode")
		}
	case "http":
		if c.Discord.PublicKey == "" {
			return required("discord.public_key", "in http mode")
		}
		if b, err := hex.DecodeString(c.Discord.PublicKey); err != nil || len(b) != 32 {
			return keyError("discord.public_key", "want the application's 64-hex-digit public key")
		}
		if c.Discord.ApplicationID == "" {
			return required("discord.application_id", "in http mode")
		}
	default:
		return keyError("discord.mode", `want "gateway", "http" or "" (off), got %q`, c.Discord.Mode)
	}
	switch c.Slack.Mode {
	case "":
	case "socket":
		if !strings.HasPrefix(c.Slack.AppToken, "xapp-") {
			return required("slack.app_token", "app-level token (xapp-…) in socket mode")
		}
		if c.Slack.BotToken == "" {
			return required("slack.bot_token", "bot token (xoxb-…)")
		}
	case "http":
		if c.Slack.SigningSecret == "" {
			return required("slack.signing_secret", "in http mode")
		}
		if c.Slack.BotToken == "" {
			return required("slack.bot_token", "bot token (xoxb-…)")
		}
	default:
		return keyError("slack.mode", `want "socket", "http" or "" (off), got %q`, c.Slack.Mode)
	}
	for _, id := range []struct{ key, v string }{{"discord.application_id", c.Discord.ApplicationID}, {"discord.guild_id", c.Discord.GuildID}} {
		if err := CheckSnowflake(id.v); id.v != "" && err != nil {
			return keyError(id.key, "%v", err)
		}
	}
	if c.Discord.ShardCount < 0 || c.Discord.ShardID < 0 || (c.Discord.ShardCount > 0 && c.Discord.ShardID >= c.Discord.ShardCount) ||
		(c.Discord.ShardCount == 0 && c.Discord.ShardID > 0) {
		return keyError("discord.shard_id", "want 0 ≤ shard_id < shard_count, got %d of %d", c.Discord.ShardID, c.Discord.ShardCount)
	}
	if c.Discord.ShardCount > 1 && c.Discord.Mode != "gateway" {
		return keyError("discord.shard_count", "only gateway mode is sharded")
	}
	if c.Redis.URL != "" {
		u, err := url.Parse(c.Redis.URL)
		if err != nil || (u.Scheme != "redis" && u.Scheme != "rediss" && u.Scheme != "unix") {
			// The URL may hold a password: name the key, not the value.
			return keyError("redis.url", "want redis://host:port/db, rediss://… or unix:///path")
		}
	}
	if u, err := url.Parse(c.Slack.APIURL); err != nil || u.Scheme == "" || u.Host == "" {
		return keyError("slack.api_url", "want an absolute URL, got %q", c.Slack.APIURL)
	}
	if c.Guides.WatchQuiet < 0 || c.Guides.WatchQuiet > time.Minute {
		return keyError("guides.watch_quiet", "want a duration from 1ms to 1m, got %v", c.Guides.WatchQuiet)
	}
	if c.Guides.MaxBytes < 0 {
		return keyError("guides.max_bytes", "must be positive")
	}
	if c.Guides.MaxSections < 0 {
		return keyError("guides.max_sections", "must be positive")
	}
	if c.Store.RetentionDays < 0 {
		return keyError("store.retention_days", "must be positive")
	}
	if c.Store.Queue < 0 {
		return keyError("store.queue", "must be positive")
	}
	if !strings.HasSuffix(c.Slack.APIURL, "/") {
		c.Slack.APIURL += "/"
	}
	return nil
}

// CheckSnowflake checks a Discord id (an application's, a guild's): a
// snowflake, the decimal digits of a positive 64-bit number. Its error
// names what is wrong, not the value, which the caller names by its key.
func CheckSnowflake(id string) error {
	if id == "" {
		return errors.New("empty; want a Discord id such as 123456789012345678 (Developer Portal → General Information)")
	}
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil || n == 0 || strings.TrimLeft(id, "0123456789") != "" {
		return fmt.Errorf("want a Discord id, the digits of a snowflake such as 123456789012345678, got %q", id)
	}
	return nil
}

// Interval returns the time one question costs a user's budget.
func (l Limits) Interval() time.Duration {
	return time.Duration(float64(time.Minute) / l.QuestionsPerMinute)
}
