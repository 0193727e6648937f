// Package slack puts careerbot in Slack: mentions answered in threads,
// direct messages, and the /career command with a "Share in channel"
// button, over Socket Mode or the HTTP Events API. It translates Slack
// events into questions for a bots.Responder and answers into Block Kit;
// nothing else.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/slackutilsx"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/internal/advisor"
)

// Slack's limits: a section's text is 3,000 characters, a message 50
// blocks; sources go in context blocks, one each.
var blockLimits = bots.Limits{Text: 3000, Label: 300, Snippet: 1500, Sources: 10, Total: 0}

// Action ids of the buttons on answers.
const (
	shareAction      = "careerbot_share"
	helpfulAction    = "careerbot_helpful"
	notHelpfulAction = "careerbot_not_helpful"
)

// contextTTL is how long a thread's previous question is kept for a
// follow-up.
const contextTTL = time.Hour

// conversation names where a Slack question is asked: a thread, or a
// user's direct messages and /career questions in a channel.
func conversation(channel, thread, user string) bots.Conversation {
	if thread != "" {
		return bots.Conversation{Key: "slack:" + channel + ":" + thread, TTL: contextTTL}
	}
	return bots.Conversation{Key: "slack:" + channel + ":user:" + user, TTL: contextTTL}
}

// api is the part of the Slack Web API client the bot calls: the test seam.
type api interface {
	PostMessageContext(ctx context.Context, channelID string, options ...slack.MsgOption) (string, string, error)
	PostEphemeralContext(ctx context.Context, channelID, userID string, options ...slack.MsgOption) (string, error)
	AuthTestContext(ctx context.Context) (*slack.AuthTestResponse, error)
}

var _ api = (*slack.Client)(nil)

// Config holds the Slack app's credentials.
type Config struct {
	BotToken      string // xoxb-…
	AppToken      string // xapp-…, for Socket Mode
	SigningSecret string // for the HTTP endpoints
	APIURL        string // Slack's Web API base, ending in "/"
}

// Bot answers Slack events.
type Bot struct {
	responder *bots.Responder
	api       api
	client    *slack.Client // for Socket Mode; nil in tests of the HTTP side
	secret    string
	botUserID string
	log       *slog.Logger
	now       func() time.Time
	ctx       context.Context // bounds work that outlives a request
	wg        sync.WaitGroup
	connected chan struct{} // closed once Socket Mode first says hello
	connect   sync.Once
}

// New connects to Slack's Web API (auth.test, to learn the bot's own user
// id so it ignores itself) and returns a Bot. ctx bounds the answers it
// sends after acknowledging a request.
func New(ctx context.Context, r *bots.Responder, cfg Config, log *slog.Logger) (*Bot, error) {
	opts := []slack.Option{slack.OptionAPIURL(cfg.APIURL)}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	c := slack.New(cfg.BotToken, opts...)
	b, err := newBot(ctx, r, c, cfg.SigningSecret, log)
	if err != nil {
		return nil, err
	}
	b.client = c
	return b, nil
}

func newBot(ctx context.Context, r *bots.Responder, a api, secret string, log *slog.Logger) (*Bot, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	auth, err := a.AuthTestContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("slack.bot_token: auth.test failed: %w", err)
	}
	return &Bot{responder: r, api: a, secret: secret, botUserID: auth.UserID, log: log, now: time.Now, ctx: ctx, connected: make(chan struct{})}, nil
}

// Wait waits for the answers being sent in the background.
func (b *Bot) Wait() { b.wg.Wait() }

// Connected is closed once Socket Mode has first connected.
func (b *Bot) Connected() <-chan struct{} { return b.connected }

func (b *Bot) background(f func()) { b.wg.Go(f) }

var mention = regexp.MustCompile(`<@[A-Z0-9]+(?:\|[^>]*)?>`)

// stripMentions removes user mentions ("<@U123>") from a message.
func stripMentions(s string) string {
	return strings.Join(strings.Fields(mention.ReplaceAllString(s, " ")), " ")
}

// handleEvent answers an Events API event: a mention in a channel (in a
// thread under it) or a direct message. eventID dedupes Slack's retries,
// and copies delivered to other replicas when the Responder's Deduper is
// shared.
func (b *Bot) handleEvent(ctx context.Context, ev slackevents.EventsAPIEvent, eventID string) {
	if !b.responder.Claim(ctx, "slack", eventID) {
		b.log.Debug("slack: event already handled", "request", eventID)
		return
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == b.botUserID {
			return
		}
		thread := e.ThreadTimeStamp
		if thread == "" {
			thread = e.TimeStamp
		}
		b.reply(ctx, e.Channel, e.User, thread, stripMentions(e.Text), eventID)
	case *slackevents.MessageEvent:
		if e.ChannelType != "im" || e.BotID != "" || e.SubType != "" || e.User == "" || e.User == b.botUserID {
			return // edits, joins and bots' messages, ours included
		}
		b.reply(ctx, e.Channel, e.User, e.ThreadTimeStamp, stripMentions(e.Text), eventID)
	}
}

// reply answers question in channel (in thread when set). Errors go to the
// asker alone.
func (b *Bot) reply(ctx context.Context, channel, user, thread, question, requestID string) {
	ans, err := b.responder.AskIn(ctx, "slack", user, requestID, conversation(channel, thread, user), question)
	if err != nil {
		opts := []slack.MsgOption{slack.MsgOptionText(escape(advisor.ErrorMessage(err)), false)}
		if thread != "" {
			opts = append(opts, slack.MsgOptionTS(thread))
		}
		if _, err := b.api.PostEphemeralContext(ctx, channel, user, opts...); err != nil {
			b.log.Warn("slack: chat.postEphemeral failed", "request", requestID, "err", err)
		}
		return
	}
	opts := answerMessage(ans, question, false)
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	if _, _, err := b.api.PostMessageContext(ctx, channel, opts...); err != nil {
		b.log.Warn("slack: chat.postMessage failed", "request", requestID, "err", err)
	}
}

// blocks renders an answer as Block Kit: how a follow-up was read, the
// answer as a section, each source as a context block, the feedback
// buttons and, for a private answer, a share button.
func blocks(ans advisor.Answer, question string, shareable bool) ([]slack.Block, string) {
	r := bots.Render(ans, escape, blockLimits)
	var bs []slack.Block
	if r.ReadAs != "" {
		bs = append(bs, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, r.ReadAs, false, false)))
	}
	bs = append(bs, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, r.Text, false, false), nil, nil))
	for _, s := range r.Sources {
		bs = append(bs, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType,
			"*"+s.Label+"*\n"+s.Snippet+" · `"+s.Ref+"`", false, false)))
	}
	bs = append(bs, slack.NewContextBlock("", slack.NewTextBlockObject(slack.PlainTextType, r.Footer, false, false)))
	var buttons []slack.BlockElement
	if r.AnswerID != "" {
		buttons = append(buttons,
			slack.NewButtonBlockElement(helpfulAction, r.AnswerID, slack.NewTextBlockObject(slack.PlainTextType, bots.HelpfulLabel, false, false)),
			slack.NewButtonBlockElement(notHelpfulAction, r.AnswerID, slack.NewTextBlockObject(slack.PlainTextType, bots.NotHelpfulLabel, false, false)))
	}
	if shareable {
		if ans.Question != "" {
			question = ans.Question // a follow-up, shared as read
		}
		buttons = append(buttons, slack.NewButtonBlockElement(shareAction, bots.Cut(advisor.StripInvisible(question), 2000), slack.NewTextBlockObject(slack.PlainTextType, "Share in channel", false, false)))
	}
	if len(buttons) > 0 {
		bs = append(bs, slack.NewActionBlock("careerbot_actions", buttons...))
	}
	return bs, r.Text
}

// answerMessage is the options of a message carrying an answer, with its
// plain-text fallback for notifications.
func answerMessage(ans advisor.Answer, question string, shareable bool) []slack.MsgOption {
	bs, text := blocks(ans, question, shareable)
	return []slack.MsgOption{slack.MsgOptionBlocks(bs...), slack.MsgOptionText(text, false), slack.MsgOptionDisableLinkUnfurl()}
}

// escape makes text from a question or a guide show as written: &, < and >
// are escaped, so "<!channel>" or "<@U123>" pings nobody, and the
// invisible characters that would change its display (advisor.Invisible)
// are dropped.
func escape(s string) string { return slackutilsx.EscapeMessage(advisor.StripInvisible(s)) }

// commandResponse answers /career privately, with a button to share. It
// returns nil, and answers nothing, for a command already answered: a
// signed request replayed within Slack's five minutes, or a copy another
// replica took (with a shared Deduper). A command is named by its
// trigger id, unique to each use of it, else by requestID (the request's
// signature, or the Socket Mode envelope).
func (b *Bot) commandResponse(ctx context.Context, cmd slack.SlashCommand, requestID string) *slack.Msg {
	if !b.claim(ctx, "command", cmd.TriggerID, requestID) {
		return nil
	}
	q := strings.TrimSpace(cmd.Text)
	if q == "" {
		return &slack.Msg{ResponseType: slack.ResponseTypeEphemeral, Text: "Ask me a career question, e.g. `/career what salary for a senior ML engineer in Romania?`"}
	}
	ans, err := b.responder.AskIn(ctx, "slack", cmd.UserID, cmd.TriggerID, conversation(cmd.ChannelID, "", cmd.UserID), q)
	if err != nil {
		return &slack.Msg{ResponseType: slack.ResponseTypeEphemeral, Text: escape(advisor.ErrorMessage(err))}
	}
	bs, text := blocks(ans, q, !ans.Abstained)
	return &slack.Msg{ResponseType: slack.ResponseTypeEphemeral, Text: text, Blocks: slack.Blocks{BlockSet: bs}}
}

// claim reports whether a command or an interaction (kind) is seen for
// the first time, named by its trigger id or, without one, requestID.
func (b *Bot) claim(ctx context.Context, kind, triggerID, requestID string) bool {
	id := triggerID
	if id == "" {
		id = requestID
	}
	if b.responder.Claim(ctx, "slack", kind+":"+id) {
		return true
	}
	b.log.Debug("slack: already handled", "kind", kind, "request", triggerID)
	return false
}

// handleInteraction posts a shared answer for everyone in the channel and
// removes the private one, or counts a vote. A click already handled (a
// replayed request; see commandResponse) is left alone.
func (b *Bot) handleInteraction(ctx context.Context, cb slack.InteractionCallback, requestID string) {
	if cb.Type != slack.InteractionTypeBlockActions || !b.claim(ctx, "interaction", cb.TriggerID, requestID) {
		return
	}
	for _, a := range cb.ActionCallback.BlockActions {
		if vote, ok := votes[a.ActionID]; ok {
			b.vote(ctx, cb, a.Value, vote)
			continue
		}
		if a.ActionID != shareAction {
			continue
		}
		ans, err := b.responder.Ask(ctx, "slack", cb.User.ID, cb.TriggerID, a.Value)
		if err != nil {
			if _, err := b.api.PostEphemeralContext(ctx, cb.Channel.ID, cb.User.ID, slack.MsgOptionText(escape(advisor.ErrorMessage(err)), false)); err != nil {
				b.log.Warn("slack: chat.postEphemeral failed", "request", cb.TriggerID, "err", err)
			}
			return
		}
		if _, _, err := b.api.PostMessageContext(ctx, cb.Channel.ID, answerMessage(ans, a.Value, false)...); err != nil {
			b.log.Warn("slack: chat.postMessage failed", "request", cb.TriggerID, "err", err)
			return
		}
		if cb.ResponseURL != "" {
			if _, _, err := b.api.PostMessageContext(ctx, cb.Channel.ID, slack.MsgOptionDeleteOriginal(cb.ResponseURL)); err != nil {
				b.log.Warn("slack: deleting the private answer failed", "request", cb.TriggerID, "err", err)
			}
		}
	}
}

// votes maps the feedback buttons' action ids to their votes.
var votes = map[string]advisor.Vote{helpfulAction: advisor.Helpful, notHelpfulAction: advisor.NotHelpful}

// vote counts a click on a feedback button and thanks the voter privately,
// in the thread of the answer.
func (b *Bot) vote(ctx context.Context, cb slack.InteractionCallback, answerID string, v advisor.Vote) {
	msg := bots.VoteThanks
	if !b.responder.Vote(ctx, "slack", cb.User.ID, answerID, v) {
		msg = bots.VoteRepeated
	}
	opts := []slack.MsgOption{slack.MsgOptionText(msg, false)}
	if ts := cb.Message.ThreadTimestamp; ts != "" {
		opts = append(opts, slack.MsgOptionTS(ts))
	}
	if _, err := b.api.PostEphemeralContext(ctx, cb.Channel.ID, cb.User.ID, opts...); err != nil {
		b.log.Warn("slack: chat.postEphemeral failed", "request", cb.TriggerID, "err", err)
	}
}

var errNoClient = errors.New("slack: socket mode needs a client made by New")
