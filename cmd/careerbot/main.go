// Command careerbot answers machine-learning career questions from a set of
// guides: on the command line (ask, guides), and in Discord and Slack
// (serve, discord register).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	m := NewMain()
	ctx, stop := context.Background(), context.CancelFunc(func() {})
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		// serve tells the signals apart: SIGHUP reloads, SIGTERM drains.
		sigs := make(chan os.Signal, 4)
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		m.Signals = sigs
	} else {
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	}
	code := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// Main is the program: its streams and environment, so tests run it in
// process with buffers and a fake environment.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Ready, if set, is called with the listener's address once serve is
	// listening (tests use it with listen = "127.0.0.1:0").
	Ready func(addr string)
	// Signals, if set, gives serve the process's signals: SIGHUP reloads
	// the guides, SIGTERM drains then stops, SIGINT stops at once. The
	// end of Run's context stops serve like SIGINT.
	Signals <-chan os.Signal

	// gc paces the collector for building and answering (nil: the
	// runtime's setting).
	gc *gcPacing

	// discordClient, if set, carries discord register's REST calls (tests
	// point it at a fake Discord).
	discordClient *http.Client
}

// NewMain returns a Main wired to the process's streams and environment.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, gc: newGCPacing(os.Getenv)}
}

const usage = `careerbot answers ML career questions from guides, with citations.

Usage:
  careerbot ask [--json] [--guides DIR]... [--no-bundled] [--after PREVIOUS] QUESTION
                                                                     (QUESTION "-": one a line from stdin; "+" continues)
  careerbot guides [--guides DIR]... [--no-bundled]                  list guides, sections, facts, warnings
  careerbot serve --config FILE                                      run the Discord and Slack bots
  careerbot discord register [--config FILE] [--guild ID]            install Discord slash commands
  careerbot report [--since 30d] [--json] [--store FILE | --config FILE]   what the guides miss, from feedback

Run "careerbot COMMAND -h" for a command's flags.
`

// errUsage marks errors whose message is already printed by the flag set.
var errUsage = errors.New("usage")

// Run runs the command in args and returns the process exit code: 0 for
// success, 1 for an error, 2 for bad usage.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "ask":
		err = m.runAsk(ctx, args[1:])
	case "guides":
		err = m.runGuides(args[1:])
	case "serve":
		err = m.runServe(ctx, args[1:])
	case "discord":
		err = m.runDiscord(ctx, args[1:])
	case "report":
		err = m.runReport(ctx, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprint(m.Stdout, usage)
		return 0
	default:
		fmt.Fprintf(m.Stderr, "careerbot: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintln(m.Stderr, "careerbot: "+oneLine(err.Error()))
	return 1
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// newFlagSet returns a flag set that reports errors to m.Stderr.
func (m *Main) newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: careerbot %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, mapping a flag error to errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// logger returns a JSON logger on m.Stderr.
func (m *Main) logger(level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(m.Stderr, &slog.HandlerOptions{Level: level}))
}
