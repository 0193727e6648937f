package bots

import (
	"context"
	"log/slog"
	"time"
)

// Retry calls connect until it returns nil or ctx ends, waiting 1 s after
// the first failure and twice as long after each next one, up to a minute.
// It reports whether connect succeeded. Both adapters use it for their
// long-lived connections (Discord's gateway, Slack's Socket Mode).
func Retry(ctx context.Context, log *slog.Logger, what string, connect func() error) bool {
	wait := time.Second
	for {
		err := connect()
		if err == nil {
			return true
		}
		log.Warn(what+" failed; retrying", "err", err, "in", wait.String())
		select {
		case <-ctx.Done():
			return false
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Minute)
	}
}
