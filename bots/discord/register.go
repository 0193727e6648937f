package discord

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// commandAPI is the part of discordgo's client registration uses.
type commandAPI interface {
	ApplicationCommands(appID, guildID string, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
	ApplicationCommandBulkOverwrite(appID, guildID string, cmds []*discordgo.ApplicationCommand, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
}

// Changes says what a registration changed, by command name.
type Changes struct {
	Added, Updated, Unchanged, Removed []string
}

func (c Changes) String() string {
	return fmt.Sprintf("added %v, updated %v, unchanged %v, removed %v", c.Added, c.Updated, c.Unchanged, c.Removed)
}

// Register installs Commands for the application, in guildID (instant,
// for testing) or globally when guildID is empty, with one bulk
// overwrite. Running it again changes nothing.
func Register(api commandAPI, appID, guildID string) (Changes, error) {
	var ch Changes
	have, err := api.ApplicationCommands(appID, guildID)
	if err != nil {
		return ch, fmt.Errorf("list commands: %w", err)
	}
	want := Commands()
	old := map[string]*discordgo.ApplicationCommand{}
	for _, c := range have {
		old[c.Name] = c
	}
	for _, c := range want {
		o, ok := old[c.Name]
		switch {
		case !ok:
			ch.Added = append(ch.Added, c.Name)
		case same(o, c):
			ch.Unchanged = append(ch.Unchanged, c.Name)
		default:
			ch.Updated = append(ch.Updated, c.Name)
		}
		delete(old, c.Name)
	}
	for name := range old {
		ch.Removed = append(ch.Removed, name)
	}
	slices.Sort(ch.Removed)
	if len(ch.Added)+len(ch.Updated)+len(ch.Removed) == 0 {
		return ch, nil
	}
	if _, err := api.ApplicationCommandBulkOverwrite(appID, guildID, want); err != nil {
		return ch, fmt.Errorf("overwrite commands: %w", err)
	}
	return ch, nil
}

// same compares the parts of two commands that registration sets.
func same(a, b *discordgo.ApplicationCommand) bool {
	key := func(c *discordgo.ApplicationCommand) string {
		j, _ := json.Marshal(struct {
			D string
			O []*discordgo.ApplicationCommandOption
		}{c.Description, c.Options})
		return string(j)
	}
	return key(a) == key(b)
}
