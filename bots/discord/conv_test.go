package discord_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/bots/discord"
	"github.com/careerbot/careerbot/internal/store"
)

// convBot is a Bot over the bundled guides that keeps conversations and
// records feedback in a real store.
func convBot(t *testing.T) (*discord.Bot, *store.Store, *fakeDiscord, *discordgo.Session) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "careerbot.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := engine(t)
	r := bots.NewResponder(e, bots.Options{Context: bots.NewMemoryContext(100), Journal: st, HashKey: []byte("k")})
	bot := discord.New(r, e, nil)
	bot.SetGaps(st)
	f := &fakeDiscord{}
	return bot, st, f, session(t, f, "Bot token")
}

// interaction builds an interaction of type typ from user in channel.
func interaction(t *testing.T, typ discordgo.InteractionType, user, channel string, perms int64, data map[string]any) *discordgo.Interaction {
	t.Helper()
	b, _ := json.Marshal(map[string]any{"id": "i-" + user, "application_id": "app1", "type": typ, "token": "tok1", "channel_id": channel,
		"member": map[string]any{"user": map[string]any{"id": user}, "permissions": strconv.FormatInt(perms, 10)}, "data": data})
	var i discordgo.Interaction
	if err := json.Unmarshal(b, &i); err != nil {
		t.Fatal(err)
	}
	return &i
}

func ask(q string, thread bool) map[string]any {
	opts := []map[string]any{{"name": "question", "type": 3, "value": q}}
	if thread {
		opts = append(opts, map[string]any{"name": "thread", "type": 5, "value": true})
	}
	return map[string]any{"id": "c", "name": "ask", "type": 1, "options": opts}
}

// respond runs one interaction through the bot and returns its first
// response.
func respond(t *testing.T, bot *discord.Bot, i *discordgo.Interaction, api *discordgo.Session) *discordgo.InteractionResponse {
	t.Helper()
	var got *discordgo.InteractionResponse
	bot.Handle(context.Background(), i, func(r *discordgo.InteractionResponse) error { got = r; return nil }, api)
	if got == nil || got.Data == nil {
		t.Fatalf("no response")
	}
	return got
}

// readAs returns the line saying how the question was read, if any.
func readAs(r *discordgo.InteractionResponse) string {
	if len(r.Data.Embeds) == 0 || !strings.HasPrefix(r.Data.Embeds[0].Description, "Read as") {
		return ""
	}
	line, _, _ := strings.Cut(r.Data.Embeds[0].Description, "\n")
	return line
}

func TestFollowUpsByUserChannelAndThread(t *testing.T) {
	bot, _, f, api := convBot(t)
	tests := []struct {
		name, user, channel, q string
		thread                 bool
		readAs, says           string
	}{
		{"starts a thread", "u1", "ch1", "How much does a senior ML engineer make in Romania?", true, "", "€4,500–€8,000"},
		{"anyone in the bot's thread follows on", "u2", "th1", "and for juniors?", false, "Senior → junior", "€1,500–€2,500"},
		{"the same user in the channel follows on", "u1", "ch1", "what about the US?", false, "Romania → the United States", "$200,000"},
		{"another user in the channel starts afresh", "u3", "ch1", "and for juniors?", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := respond(t, bot, interaction(t, discordgo.InteractionApplicationCommand, tt.user, tt.channel, 0, ask(tt.q, tt.thread)), api)
			if got := readAs(r); tt.readAs == "" && got != "" || !strings.Contains(got, discord.Escape(tt.readAs)) {
				t.Errorf("read as %q; want %q", got, tt.readAs)
			}
			if !strings.Contains(r.Data.Embeds[0].Description, tt.says) {
				t.Errorf("answer %q; want %q", r.Data.Embeds[0].Description, tt.says)
			}
		})
	}
	var started bool
	for _, req := range f.log() {
		started = started || strings.HasPrefix(req, "POST /api/v9/channels/c1/messages/m1/threads")
	}
	if !started {
		t.Errorf("no thread started on the answer: %q", f.log())
	}
}

func TestVoteButtons(t *testing.T) {
	bot, _, _, api := convBot(t)
	r := respond(t, bot, interaction(t, discordgo.InteractionApplicationCommand, "u1", "ch1", 0, ask("junior ML salary romania", false)), api)
	if len(r.Data.Components) != 1 {
		t.Fatalf("components = %+v; want one row of buttons", r.Data.Components)
	}
	row := r.Data.Components[0].(discordgo.ActionsRow)
	helpful := row.Components[0].(discordgo.Button)
	notHelpful := row.Components[1].(discordgo.Button)
	if helpful.Label != "Helpful" || notHelpful.Label != "Not helpful" {
		t.Errorf("buttons %q, %q", helpful.Label, notHelpful.Label)
	}
	click := func(user, id string) string {
		r := respond(t, bot, interaction(t, discordgo.InteractionMessageComponent, user, "ch1", 0, map[string]any{"custom_id": id, "component_type": 2}), api)
		if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("acknowledgement is public")
		}
		return r.Data.Content
	}
	for _, c := range []struct{ user, id, want string }{
		{"u1", helpful.CustomID, "Thanks — noted."},
		{"u1", notHelpful.CustomID, "already voted"},
		{"u2", notHelpful.CustomID, "Thanks — noted."},
		{"u2", "careerbot_vote:helpful:zzzz", "already voted"},
		{"u2", "something_else", "no longer in use"},
	} {
		if got := click(c.user, c.id); !strings.Contains(got, c.want) {
			t.Errorf("click %s by %s: %q; want %q", c.id, c.user, got, c.want)
		}
	}
}

func TestSourcesShowsGapsToManagers(t *testing.T) {
	bot, st, _, api := convBot(t)
	for _, q := range []string{"Give me a recipe for pancakes", "pancake recipe please"} {
		respond(t, bot, interaction(t, discordgo.InteractionApplicationCommand, "u1", "ch1", 0, ask(q, false)), api)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		// The store writes in the background: wait for both questions.
		if gaps, _ := st.TopGaps(context.Background(), 5); len(gaps) > 0 && gaps[0].Count == 2 || time.Now().After(deadline) {
			break
		}
	}
	sources := map[string]any{"id": "c", "name": "sources", "type": 1}
	tests := []struct {
		name   string
		perms  int64
		embeds int
	}{
		{"member", discordgo.PermissionSendMessages, 1},
		{"manager", discordgo.PermissionManageGuild, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := respond(t, bot, interaction(t, discordgo.InteractionApplicationCommand, "u9", "ch1", tt.perms, sources), api)
			if len(r.Data.Embeds) != tt.embeds || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Fatalf("%d embeds (ephemeral %v); want %d, private", len(r.Data.Embeds), r.Data.Flags&discordgo.MessageFlagsEphemeral != 0, tt.embeds)
			}
			if tt.embeds == 2 {
				gaps := r.Data.Embeds[1]
				if gaps.Title != "What the guides miss" || len(gaps.Fields) != 1 || !strings.HasPrefix(gaps.Fields[0].Name, "2× ") ||
					!strings.Contains(gaps.Fields[0].Value, "pancake") {
					t.Errorf("gaps embed = %+v; want the two pancake questions as one gap", gaps.Fields)
				}
			}
		})
	}
}

// BenchmarkInteractionFollowUp is BenchmarkInteraction for a follow-up,
// with conversations kept and every answer recorded to a real store.
func BenchmarkInteractionFollowUp(b *testing.B) {
	e := engine(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "careerbot.db"), store.Options{Queue: 1 << 16})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctxs := bots.NewMemoryContext(100)
	r := bots.NewResponder(e, bots.Options{Context: ctxs, Journal: st, HashKey: []byte("k")})
	pub, priv, _ := ed25519.GenerateKey(nil)
	h := discord.NewHTTPHandler(context.Background(), discord.New(r, e, nil), pub, nil)
	body := command("ask", opt("question", "and for juniors?"))
	var size int
	b.ReportAllocs()
	for b.Loop() {
		ctxs.Remember(context.Background(), "discord::u1", "How much does a senior ML engineer make in Romania?", time.Minute)
		w := post(h, body, time.Now(), priv)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "1,500") {
			b.Fatalf("Status = %d: %s", w.Code, w.Body.String())
		}
		size = w.Body.Len()
	}
	b.ReportMetric(float64(size), "response-bytes")
}
