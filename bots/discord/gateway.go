package discord

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/careerbot/careerbot/bots"
)

// RunGateway connects s to Discord's gateway and answers interactions
// until ctx ends, then closes the connection and returns nil. Answers in
// flight then go on (their REST calls need no gateway); Wait waits for
// them. It needs no privileged intents. discordgo reconnects a dropped
// connection itself; a failed first connection is retried here with
// exponential backoff up to a minute. Set s.ShardID and s.ShardCount
// before calling it to serve one shard.
func (b *Bot) RunGateway(ctx context.Context, s *discordgo.Session) error {
	s.Identify.Intents = discordgo.IntentsNone
	s.ShouldReconnectOnError = true
	work := context.WithoutCancel(ctx)
	remove := s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		b.inflight.Go(func() {
			b.Handle(work, ic.Interaction, func(resp *discordgo.InteractionResponse) error {
				return s.InteractionRespond(ic.Interaction, resp)
			}, s)
		})
	})
	defer remove()
	if !bots.Retry(ctx, b.log, "discord: gateway connection", s.Open) {
		return nil
	}
	b.connect.Do(func() { close(b.connected) })
	b.log.Info("discord: connected to the gateway", "shard", s.ShardID, "shards", s.ShardCount)
	<-ctx.Done()
	if err := s.Close(); err != nil {
		return fmt.Errorf("discord: close gateway: %w", err)
	}
	return nil
}
