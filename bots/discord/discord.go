// Package discord puts careerbot in Discord as slash commands (/ask,
// /salary, /next, /sources), served over the gateway or as HTTP
// interactions. It translates interactions into questions for a
// bots.Responder and answers into embeds; nothing else.
package discord

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/internal/advisor"
)

// Discord's limits on an embed, in characters.
var embedLimits = bots.Limits{Text: 4096, Label: 256, Snippet: 1024 - 80, Sources: 24, Total: 6000 - 300}

const (
	titleLimit   = 256
	contentLimit = 2000
	choiceLimit  = 100 // an autocomplete choice's name and value
	maxChoices   = 25
	// answerBudget is how long the first response may wait for the engine
	// before it is deferred: Discord allows 3 s in all.
	answerBudget = 2 * time.Second
	color        = 0x2f80ed
	// userContextTTL is how long a user's previous /ask in a channel is
	// kept for a follow-up; threadContextTTL, a thread the bot started.
	userContextTTL   = 10 * time.Minute
	threadContextTTL = time.Hour
	// votePrefix starts the custom id of a feedback button:
	// "careerbot_vote:helpful:<answer id>".
	votePrefix = "careerbot_vote:"
	// gapsShown is how many gaps /sources shows to server managers.
	gapsShown = 5
)

// noMentions is put on every message: nothing a question or a guide
// says may ping anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// rest is the part of discordgo's REST client the bot calls: the test seam.
type rest interface {
	InteractionRespond(i *discordgo.Interaction, resp *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	InteractionResponseEdit(i *discordgo.Interaction, edit *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionResponse(i *discordgo.Interaction, options ...discordgo.RequestOption) (*discordgo.Message, error)
	MessageThreadStart(channelID, messageID string, name string, archiveDuration int, options ...discordgo.RequestOption) (*discordgo.Channel, error)
}

var _ rest = (*discordgo.Session)(nil)

// Bot answers Discord interactions.
type Bot struct {
	responder *bots.Responder
	catalog   advisor.Catalog
	log       *slog.Logger
	budget    time.Duration
	gaps      advisor.GapLister // nil: /sources shows no gaps
	// threadRetry is the wait between tries to find the message a thread
	// starts from, which an HTTP response has not always created yet.
	threadRetry time.Duration

	inflight  sync.WaitGroup // answers being worked on, for a clean stop
	connected chan struct{}  // closed once the gateway first connects
	connect   sync.Once
}

// New returns a Bot that asks r and suggests from c.
func New(r *bots.Responder, c advisor.Catalog, log *slog.Logger) *Bot {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Bot{responder: r, catalog: c, log: log, budget: answerBudget, threadRetry: 500 * time.Millisecond,
		connected: make(chan struct{})}
}

// SetGaps makes /sources show server managers the top gaps g lists.
func (b *Bot) SetGaps(g advisor.GapLister) { b.gaps = g }

// Wait waits for the interactions being answered, deferred edits
// included.
func (b *Bot) Wait() { b.inflight.Wait() }

// Connected is closed once the gateway has first connected.
func (b *Bot) Connected() <-chan struct{} { return b.connected }

// Commands returns the slash commands the bot serves, for registration.
func Commands() []*discordgo.ApplicationCommand {
	private := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Only you see the answer"}
	return []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask a career question; answered from the community's guides", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "e.g. what salary for a senior ML engineer in Romania?", Required: true, MaxLength: advisor.MaxQuestionBytes / 2},
			private,
			{Type: discordgo.ApplicationCommandOptionBoolean, Name: "thread", Description: "Start a thread on the answer where follow-ups keep its context"},
		}},
		{Name: "salary", Description: "Salary figures from the guides", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "role", Description: "e.g. machine learning engineer", Required: true, Autocomplete: true, MaxLength: 100},
			{Type: discordgo.ApplicationCommandOptionString, Name: "level", Description: "junior, mid-level, senior, lead", Autocomplete: true, MaxLength: 50},
			{Type: discordgo.ApplicationCommandOptionString, Name: "region", Description: "a country or city", Autocomplete: true, MaxLength: 100},
			private,
		}},
		{Name: "next", Description: "What to learn after a skill, from the guides' learning paths", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "after", Description: "a skill or tool you know, e.g. PyTorch", Required: true, Autocomplete: true, MaxLength: 100},
			private,
		}},
		{Name: "sources", Description: "List the guides the bot answers from"},
	}
}

// options returns a command's options by name.
func options(i *discordgo.Interaction) map[string]*discordgo.ApplicationCommandInteractionDataOption {
	m := map[string]*discordgo.ApplicationCommandInteractionDataOption{}
	for _, o := range i.ApplicationCommandData().Options {
		m[o.Name] = o
	}
	return m
}

func str(opts map[string]*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	if o, ok := opts[name]; ok && o.Type == discordgo.ApplicationCommandOptionString {
		if s, ok := o.Value.(string); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func userID(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return "unknown"
}

// question builds the question a command asks, and whether its answer is
// private.
func question(i *discordgo.Interaction) (q string, private bool) {
	opts := options(i)
	if o, ok := opts["private"]; ok {
		private, _ = o.Value.(bool)
	}
	switch i.ApplicationCommandData().Name {
	case "ask":
		return str(opts, "question"), private
	case "salary":
		q = "How much does a"
		if l := str(opts, "level"); l != "" {
			q += " " + l
		}
		q += " " + str(opts, "role") + " earn"
		if r := str(opts, "region"); r != "" {
			q += " in " + r
		}
		return q + "?", private
	case "next":
		return "What should I learn after " + str(opts, "after") + "?", private
	}
	return "", private
}

// Handle computes the response to an interaction and sends it with first.
// When the engine takes longer than the budget, first gets a deferred
// response and the answer follows as an edit through api. An interaction
// already claimed (by this process or, with a shared Deduper, another
// replica) is left alone: first is not called.
func (b *Bot) Handle(ctx context.Context, i *discordgo.Interaction, first func(*discordgo.InteractionResponse) error, api rest) {
	if !b.responder.Claim(ctx, "discord", i.ID) {
		b.log.Debug("discord: interaction already handled", "interaction", i.ID)
		return
	}
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		if err := first(b.autocomplete(i)); err != nil {
			b.log.Warn("discord: autocomplete response failed", "interaction", i.ID, "err", err)
		}
		return
	}
	if i.Type == discordgo.InteractionMessageComponent {
		if err := first(message(ephemeralText(b.component(ctx, i)), true)); err != nil {
			b.log.Warn("discord: response failed", "interaction", i.ID, "err", err)
		}
		return
	}
	if i.Type != discordgo.InteractionApplicationCommand {
		if err := first(message(ephemeralText("This bot only answers slash commands: try /ask."), true)); err != nil {
			b.log.Warn("discord: response failed", "interaction", i.ID, "err", err)
		}
		return
	}
	if i.ApplicationCommandData().Name == "sources" {
		if err := first(message(b.sources(ctx, i), true)); err != nil {
			b.log.Warn("discord: response failed", "interaction", i.ID, "err", err)
		}
		return
	}
	q, private := question(i)
	type result struct {
		data *discordgo.InteractionResponseData
		ans  advisor.Answer
	}
	done := make(chan result, 1)
	go func() {
		data, ans := b.answer(ctx, i, q)
		done <- result{data, ans}
	}()
	var res result
	select {
	case res = <-done:
		if err := first(message(res.data, private || res.data.Flags&discordgo.MessageFlagsEphemeral != 0)); err != nil {
			b.log.Warn("discord: response failed", "interaction", i.ID, "err", err)
			return
		}
	case <-time.After(b.budget):
		deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
		if private {
			deferred.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
		}
		if err := first(deferred); err != nil {
			b.log.Warn("discord: deferred response failed", "interaction", i.ID, "err", err)
			return
		}
		res = <-done
		embeds, content, components := res.data.Embeds, res.data.Content, res.data.Components
		if _, err := api.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &components, AllowedMentions: noMentions()}); err != nil {
			b.log.Warn("discord: edit after deferral failed", "interaction", i.ID, "err", err)
			return
		}
	}
	if wantsThread(i) && !private && res.ans.Question != "" && api != nil {
		b.startThread(ctx, i, q, res.ans.Question, api)
	}
}

// threadKey names the conversation of a thread the bot started.
func threadKey(channel string) string { return "discord:thread:" + channel }

// conversation is where a command's question belongs: the thread the bot
// started, if asked in one, else the user's questions in the channel.
func (b *Bot) conversation(ctx context.Context, i *discordgo.Interaction) bots.Conversation {
	if b.responder.Continues(ctx, threadKey(i.ChannelID)) {
		return bots.Conversation{Key: threadKey(i.ChannelID), TTL: threadContextTTL}
	}
	return bots.Conversation{Key: "discord:" + i.ChannelID + ":" + userID(i), TTL: userContextTTL}
}

func wantsThread(i *discordgo.Interaction) bool {
	o, ok := options(i)["thread"]
	if !ok {
		return false
	}
	v, _ := o.Value.(bool)
	return v
}

// startThread opens a thread on the answer to i, named after the
// question, whose follow-ups are read with asked. It needs a bot token;
// without one it logs why and the answer stands alone.
func (b *Bot) startThread(ctx context.Context, i *discordgo.Interaction, q, asked string, api rest) {
	var msg *discordgo.Message
	var err error
	for try := 0; try < 5; try++ {
		if msg, err = api.InteractionResponse(i); err == nil {
			break
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(b.threadRetry):
		}
	}
	if err != nil {
		b.log.Warn("discord: the answer to start a thread on was not found", "interaction", i.ID, "err", err)
		return
	}
	th, err := api.MessageThreadStart(msg.ChannelID, msg.ID, bots.Cut(advisor.StripInvisible(q), 100), 1440)
	if err != nil {
		b.log.Warn("discord: starting a thread failed (it needs a bot token)", "interaction", i.ID, "err", err)
		return
	}
	b.responder.Remember(ctx, threadKey(th.ID), asked, threadContextTTL)
}

// answer asks the engine and renders the reply or the error.
func (b *Bot) answer(ctx context.Context, i *discordgo.Interaction, q string) (*discordgo.InteractionResponseData, advisor.Answer) {
	ans, err := b.responder.AskIn(ctx, "discord", userID(i), i.ID, b.conversation(ctx, i), q)
	if err != nil {
		return ephemeralText(advisor.ErrorMessage(err)), ans
	}
	r := bots.Render(ans, Escape, embedLimits)
	desc := r.Text
	if r.ReadAs != "" {
		desc = r.ReadAs + "\n\n" + desc
	}
	e := &discordgo.MessageEmbed{
		Title:       bots.Cut(Escape(q), titleLimit),
		Description: desc,
		Color:       color,
		Footer:      &discordgo.MessageEmbedFooter{Text: r.Footer},
	}
	for _, s := range r.Sources {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: s.Label, Value: s.Snippet + "\n" + s.Ref})
	}
	data := &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
	if r.AnswerID != "" {
		data.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: bots.HelpfulLabel, Style: discordgo.SuccessButton, CustomID: votePrefix + string(advisor.Helpful) + ":" + r.AnswerID},
			discordgo.Button{Label: bots.NotHelpfulLabel, Style: discordgo.SecondaryButton, CustomID: votePrefix + string(advisor.NotHelpful) + ":" + r.AnswerID},
		}}}
	}
	return data, ans
}

// component handles a click on a feedback button and returns the private
// acknowledgement.
func (b *Bot) component(ctx context.Context, i *discordgo.Interaction) string {
	id, ok := strings.CutPrefix(i.MessageComponentData().CustomID, votePrefix)
	if !ok {
		return "That button is no longer in use."
	}
	vote, answerID, _ := strings.Cut(id, ":")
	if !b.responder.Vote(ctx, "discord", userID(i), answerID, advisor.Vote(vote)) {
		return bots.VoteRepeated
	}
	return bots.VoteThanks
}

func ephemeralText(s string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: bots.Cut(Escape(s), contentLimit), Flags: discordgo.MessageFlagsEphemeral}
}

// message wraps data in a channel-message response with no mentions.
func message(data *discordgo.InteractionResponseData, private bool) *discordgo.InteractionResponse {
	data.AllowedMentions = noMentions()
	if private {
		data.Flags |= discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}

// sources lists the loaded guides as an embed and, to members who may
// manage the server, the top questions the guides could not answer.
func (b *Bot) sources(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponseData {
	data := b.guideList()
	if b.gaps == nil || i.Member == nil || i.Member.Permissions&discordgo.PermissionManageGuild == 0 {
		return data
	}
	gaps, err := b.gaps.TopGaps(ctx, gapsShown)
	if err != nil {
		b.log.Warn("discord: reading gaps failed", "interaction", i.ID, "err", err)
		return data
	}
	e := &discordgo.MessageEmbed{Title: "What the guides miss", Color: color,
		Footer: &discordgo.MessageEmbedFooter{Text: "Questions no guide answered, most asked first (careerbot report for more)"}}
	if len(gaps) == 0 {
		e.Description = "No unanswered questions kept."
	}
	for _, g := range gaps {
		name := bots.Cut(Escape(fmt.Sprintf("%d× %s", g.Count, strings.Join(g.Terms, " "))), titleLimit)
		var ex []string
		for _, q := range g.Examples {
			ex = append(ex, "“"+q+"”")
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: bots.Cut(Escape(strings.Join(ex, " · ")), 300)})
	}
	data.Embeds = append(data.Embeds, e)
	return data
}

// guideList lists the loaded guides as an embed.
func (b *Bot) guideList() *discordgo.InteractionResponseData {
	guides := b.catalog.Guides()
	e := &discordgo.MessageEmbed{Title: "Guides I answer from", Color: color,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d guides", len(guides))}}
	total := 0
	for n, g := range guides {
		if n == 25 {
			break
		}
		name := bots.Cut(Escape(g.Title), titleLimit)
		value := bots.Cut(Escape(fmt.Sprintf("%s · %d sections: %s", g.Source, len(g.Sections), strings.Join(g.Sections, "; "))), 300)
		if total += len(name) + len(value); total > 5000 {
			break
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value})
	}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}}
}

// autocomplete suggests values for the focused option from the guides.
func (b *Bot) autocomplete(i *discordgo.Interaction) *discordgo.InteractionResponse {
	kinds := map[string]advisor.SuggestKind{"role": advisor.SuggestRole, "level": advisor.SuggestLevel,
		"region": advisor.SuggestRegion, "after": advisor.SuggestTopic}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, o := range i.ApplicationCommandData().Options {
		kind, ok := kinds[o.Name]
		if !o.Focused || !ok {
			continue
		}
		prefix, _ := o.Value.(string)
		for _, v := range b.catalog.Suggest(kind, prefix, maxChoices) {
			v = bots.Cut(advisor.StripInvisible(v), choiceLimit)
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
		}
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices}}
}

// markdown is what Discord reads as formatting; a backslash shows it as text.
var markdown = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`, `>`, `\>`, `#`, `\#`, `[`, `\[`, `]`, `\]`,
	// A zero-width space after @ or < breaks @everyone, @here and <@id> mentions.
	"@", "@\u200b", "<", "<\u200b",
)

// Escape makes text from a question or a guide show as written in Discord:
// no formatting, links or mentions, and none of the invisible characters
// that would change its display (advisor.Invisible) but the zero-width
// spaces it puts after "@" and "<" itself.
func Escape(s string) string { return markdown.Replace(advisor.StripInvisible(s)) }
