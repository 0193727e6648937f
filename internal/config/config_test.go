package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/config"
)

const key = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text string
		env        map[string]string
		want       string
	}{
		{"unknown key", "[http]\nlisen = \":80\"\n", nil, "unknown key http.lisen"},
		{"bad TOML", "[http\n", nil, "config: line"},
		{"bad listen", "[http]\nlisten = \"8080\"\n", nil, "http.listen"},
		{"wrong type", "[limits]\nburst = \"three\"\n", nil, "burst"},
		{"negative rate", "[limits]\nquestions_per_minute = -1\n", nil, "limits.questions_per_minute"},
		{"question cap", "[limits]\nmax_question_chars = 5000\n", nil, "limits.max_question_chars"},
		{"log level", "[log]\nlevel = \"loud\"\n", nil, "log.level"},
		{"retention", "[store]\nretention_days = -1\n", nil, "store.retention_days"},
		{"queue", "[store]\nqueue = -5\n", nil, "store.queue"},
		{"discord mode", "[discord]\nmode = \"webhook\"\n", nil, "discord.mode"},
		{"gateway without token", "[discord]\nmode = \"gateway\"\n", nil, "discord.token: required in gateway mode (or set DISCORD_BOT_TOKEN)"},
		{"http without key", "[discord]\nmode = \"http\"\napplication_id = \"1\"\n", nil, "discord.public_key: required"},
		{"http with a bad key", "[discord]\nmode = \"http\"\napplication_id = \"1\"\npublic_key = \"xyz\"\n", nil, "discord.public_key: want"},
		{"http without app id", "[discord]\nmode = \"http\"\npublic_key = \"" + key + "\"\n", nil, "discord.application_id"},
		{"slack mode", "[slack]\nmode = \"rtm\"\n", nil, "slack.mode"},
		{"socket without app token", "[slack]\nmode = \"socket\"\nbot_token = \"xoxb-1\"\n", nil, "slack.app_token"},
		{"socket with a bot token as app token", "[slack]\nmode = \"socket\"\nbot_token = \"xoxb-1\"\napp_token = \"xoxb-2\"\n", nil, "slack.app_token"},
		{"http without secret", "[slack]\nmode = \"http\"\nbot_token = \"xoxb-1\"\n", nil, "slack.signing_secret"},
		{"http without bot token", "[slack]\nmode = \"http\"\n", map[string]string{"SLACK_SIGNING_SECRET": "s"}, "slack.bot_token"},
		{"bad api url", "[slack]\napi_url = \"not a url\"\n", nil, "slack.api_url"},
		{"bad drain", "[http]\nshutdown_drain = \"soon\"\n", nil, "shutdown_drain"},
		{"negative timeout", "[http]\nshutdown_timeout = \"-1s\"\n", nil, "http.shutdown_timeout"},
		{"shard past count", "[discord]\nmode = \"gateway\"\ntoken = \"t\"\nshard_id = 2\nshard_count = 2\n", nil, "discord.shard_id"},
		{"shard without count", "[discord]\nmode = \"gateway\"\ntoken = \"t\"\nshard_id = 1\n", nil, "discord.shard_id"},
		{"sharded http", "[discord]\nmode = \"http\"\napplication_id = \"1\"\npublic_key = \"" + key + "\"\nshard_count = 2\n", nil, "discord.shard_count"},
		{"application id not a number", "[discord]\nmode = \"http\"\napplication_id = \"notanumber\"\npublic_key = \"" + key + "\"\n", nil, `discord.application_id: want a Discord id, the digits of a snowflake such as 123456789012345678, got "notanumber"`},
		{"application id off", "[discord]\napplication_id = \"12x\"\n", nil, "discord.application_id: want a Discord id"},
		{"application id from the environment", "[discord]\nmode = \"http\"\npublic_key = \"" + key + "\"\n", map[string]string{"DISCORD_APPLICATION_ID": "app9"}, "discord.application_id: want a Discord id"},
		{"application id negative", "[discord]\napplication_id = \"-5\"\n", nil, "discord.application_id"},
		{"application id zero", "[discord]\napplication_id = \"0\"\n", nil, "discord.application_id"},
		{"application id past 64 bits", "[discord]\napplication_id = \"18446744073709551616\"\n", nil, "discord.application_id"},
		{"application id with a sign", "[discord]\napplication_id = \"+123\"\n", nil, "discord.application_id"},
		{"guild id", "[discord]\nguild_id = \"my server\"\n", nil, `discord.guild_id: want a Discord id`},
		{"budget bytes", "[guides]\nmax_bytes = -1\n", nil, "guides.max_bytes"},
		{"watch quiet", "[guides]\nwatch_quiet = \"2h\"\n", nil, "guides.watch_quiet"},
		{"watch quiet negative", "[guides]\nwatch_quiet = \"-1s\"\n", nil, "guides.watch_quiet"},
		{"budget sections", "[guides]\nmax_sections = -1\n", nil, "guides.max_sections"},
		{"redis scheme", "[redis]\nurl = \"http://:hunter2@localhost:6379\"\n", nil, "redis.url: want"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Parse(tt.text, env(tt.env))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v; want one naming %q", err, tt.want)
			}
		})
	}
}

func TestDefaultsAndEnvironment(t *testing.T) {
	c, err := config.Parse("[discord]\nmode = \"http\"\n[slack]\nmode = \"socket\"\n", env(map[string]string{
		"DISCORD_PUBLIC_KEY": key, "DISCORD_APPLICATION_ID": "42", "SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xoxb-1",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTP.Listen != config.DefaultListen || c.Limits.Burst != config.DefaultBurst || c.Slack.APIURL != config.DefaultSlackAPIURL || !c.Guides.UseBundled() {
		t.Errorf("defaults not applied: %+v", c)
	}
	if c.Discord.PublicKey != key || c.Discord.ApplicationID != "42" || c.Slack.AppToken != "xapp-1" {
		t.Errorf("environment not applied: %+v", c)
	}
	if c.HTTP.ShutdownDrain != config.DefaultShutdownDrain || c.HTTP.ShutdownTimeout != config.DefaultShutdownTimeout ||
		c.Redis.URL != "" || c.Redis.Prefix != config.DefaultRedisPrefix || !c.Guides.UseWatch() {
		t.Errorf("shutdown, redis or watch defaults not applied: %+v %+v %+v", c.HTTP, c.Redis, c.Guides)
	}
	if c.Guides.WatchQuiet != time.Second {
		t.Errorf("watch_quiet default = %v; want 1s", c.Guides.WatchQuiet)
	}
	if c.Guides.MaxBytes != 4<<20 || c.Guides.MaxSections != 10000 {
		t.Errorf("budget defaults = %d bytes, %d sections; want 4 MiB and 10,000", c.Guides.MaxBytes, c.Guides.MaxSections)
	}
	if got := c.Limits.Interval().Seconds(); got != 15 {
		t.Errorf("Interval = %vs; want 15s for 4 a minute", got)
	}
}

func TestDurationsAndRedis(t *testing.T) {
	tests := []struct {
		name, text   string
		drain, limit time.Duration
	}{
		{"set", "[http]\nshutdown_drain = \"2s\"\nshutdown_timeout = \"1m\"\n", 2 * time.Second, time.Minute},
		{"zero drain is kept", "[http]\nshutdown_drain = \"0s\"\n", 0, config.DefaultShutdownTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Parse(tt.text, env(nil))
			if err != nil {
				t.Fatal(err)
			}
			if c.HTTP.ShutdownDrain != tt.drain || c.HTTP.ShutdownTimeout != tt.limit {
				t.Errorf("drain, timeout = %v, %v; want %v, %v", c.HTTP.ShutdownDrain, c.HTTP.ShutdownTimeout, tt.drain, tt.limit)
			}
		})
	}
	c, err := config.Parse("[redis]\nprefix = \"bot1:\"\n", env(map[string]string{"REDIS_URL": "redis://:pw@127.0.0.1:6390/2"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Redis.URL != "redis://:pw@127.0.0.1:6390/2" || c.Redis.Prefix != "bot1:" {
		t.Errorf("redis = %+v; want REDIS_URL applied and the prefix kept", c.Redis)
	}
	if _, err := config.Parse("[redis]\nurl = \"ftp://:hunter2@x\"\n", env(nil)); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("bad redis url error = %v; want one without the password", err)
	}
}

// TestExampleConfig checks the documented example parses and enables
// nothing that needs a secret it does not have.
func TestExampleConfig(t *testing.T) {
	c, err := config.Load(filepath.Join("..", "..", "config.example.toml"), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Discord.Mode != "" || c.Slack.Mode != "" {
		t.Errorf("example enables a bot: %+v", c)
	}
	data, _ := os.ReadFile(filepath.Join("..", "..", "config.example.toml"))
	for _, k := range []string{"listen", "dirs", "bundled", "questions_per_minute", "burst", "max_question_chars", "level",
		"mode", "token", "application_id", "public_key", "guild_id", "bot_token", "app_token", "signing_secret", "api_url",
		"shutdown_drain", "shutdown_timeout", "watch", "shard_id", "shard_count", "url", "prefix"} {
		if !strings.Contains(string(data), k+" ") && !strings.Contains(string(data), k+"=") {
			t.Errorf("config.example.toml does not document %s", k)
		}
	}
}

// FuzzParse checks any configuration text gives a config that passed
// validation or an error, never a panic.
func FuzzParse(f *testing.F) {
	example, _ := os.ReadFile(filepath.Join("..", "..", "config.example.toml"))
	f.Add(string(example))
	f.Add("[http]\nshutdown_drain = \"2s\"\n[redis]\nurl = \"redis://:pw@h:6379/0\"\n")
	f.Add("[discord]\nmode = \"gateway\"\ntoken = \"t\"\nshard_id = 1\nshard_count = 2\n")
	f.Fuzz(func(t *testing.T, text string) {
		c, err := config.Parse(text, env(nil))
		if err != nil {
			return
		}
		if c.HTTP.ShutdownDrain < 0 || c.HTTP.ShutdownTimeout < 0 || c.Limits.Burst < 0 || c.Redis.Prefix == "" ||
			(c.Discord.ShardCount > 0 && c.Discord.ShardID >= c.Discord.ShardCount) {
			t.Errorf("Parse accepted an invalid config: %+v", c)
		}
	})
}

func TestStoreBesideConfig(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, text, want string
	}{
		{"default", "", filepath.Join(dir, "careerbot.db")},
		{"relative", "[store]\npath = \"data/fb.db\"\n", filepath.Join(dir, "data", "fb.db")},
		{"absolute", "[store]\npath = \"/var/lib/careerbot/fb.db\"\n", "/var/lib/careerbot/fb.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "config.toml")
			if err := os.WriteFile(path, []byte(tt.text), 0o600); err != nil {
				t.Fatal(err)
			}
			c, err := config.Load(path, env(map[string]string{"CAREERBOT_HASH_KEY": "k1"}))
			if err != nil {
				t.Fatal(err)
			}
			if c.Store.Path != tt.want || c.Store.RetentionDays != 90 || c.Store.HashKey != "k1" {
				t.Errorf("store = %+v; want path %s, 90 days, the key from the environment", c.Store, tt.want)
			}
		})
	}
	c, err := config.Parse("", env(nil))
	if err != nil || c.Store.Path != "careerbot.db" {
		t.Errorf("without a file: %+v, %v; want careerbot.db in the working directory", c, err)
	}
}

func TestCheckSnowflake(t *testing.T) {
	tests := []struct {
		id string
		ok bool
	}{
		{"123456789012345678", true}, {"1", true}, {"18446744073709551615", true},
		{"", false}, {"0", false}, {"notanumber", false}, {"123 456", false}, {"１２３", false}, {"0x1f", false}, {"18446744073709551616", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if err := config.CheckSnowflake(tt.id); (err == nil) != tt.ok {
				t.Errorf("CheckSnowflake(%q) = %v; want ok %v", tt.id, err, tt.ok)
			}
		})
	}
}
