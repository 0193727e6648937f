package slack

import (
	"context"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/careerbot/careerbot/bots"
)

// acker acknowledges Socket Mode envelopes: the test seam for dispatch.
type acker interface {
	Ack(req socketmode.Request, payload ...any) error
}

// RunSocketMode connects over Socket Mode and answers until ctx ends, then
// waits for the answers still being sent (bounded by the context given to
// New, not by ctx). The SDK reconnects when Slack asks it to; a failed
// connection is retried here with exponential backoff up to a minute.
func (b *Bot) RunSocketMode(ctx context.Context) error {
	if b.client == nil {
		return errNoClient
	}
	sm := socketmode.New(b.client)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case evt := <-sm.Events:
				b.dispatch(ctx, evt, sm)
			}
		}
	}()
	bots.Retry(ctx, b.log, "slack: socket mode connection", func() error {
		err := sm.RunContext(ctx)
		if ctx.Err() != nil {
			return nil // stopped, not failed
		}
		return err
	})
	b.Wait()
	return nil
}

// dispatch acknowledges one Socket Mode envelope promptly and answers it:
// events in the background, commands in the acknowledgement itself.
func (b *Bot) dispatch(ctx context.Context, evt socketmode.Event, ack acker) {
	switch evt.Type {
	case socketmode.EventTypeEventsAPI:
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		b.ack(ack, evt, nil)
		if !ok {
			return
		}
		id := ""
		if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
			id = cb.EventID
		}
		b.background(func() { b.handleEvent(b.ctx, ev, id) })
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok {
			b.ack(ack, evt, nil)
			return
		}
		id := ""
		if evt.Request != nil {
			id = evt.Request.EnvelopeID
		}
		if msg := b.commandResponse(ctx, cmd, id); msg != nil {
			b.ack(ack, evt, msg)
		} else {
			b.ack(ack, evt, nil)
		}
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		b.ack(ack, evt, nil)
		if ok {
			id := ""
			if evt.Request != nil {
				id = evt.Request.EnvelopeID
			}
			b.background(func() { b.handleInteraction(b.ctx, cb, id) })
		}
	case socketmode.EventTypeHello:
		b.connect.Do(func() { close(b.connected) })
		b.log.Debug("slack: socket mode", "event", string(evt.Type))
	case socketmode.EventTypeConnecting:
		b.log.Debug("slack: socket mode", "event", string(evt.Type))
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth:
		b.log.Warn("slack: socket mode", "event", string(evt.Type))
	}
}

func (b *Bot) ack(a acker, evt socketmode.Event, payload any) {
	if evt.Request == nil {
		return
	}
	var err error
	if payload != nil {
		err = a.Ack(*evt.Request, payload)
	} else {
		err = a.Ack(*evt.Request)
	}
	if err != nil {
		b.log.Warn("slack: ack failed", "envelope", evt.Request.EnvelopeID, "err", err)
	}
}
