package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/config"
	"github.com/careerbot/careerbot/internal/store"
)

func (m *Main) runReport(ctx context.Context, args []string) error {
	fs := m.newFlagSet("report", "report [--since 30d] [--json] [--store FILE | --config FILE]\n\nWhat members asked that the guides could not answer, the answers marked not helpful,\nand the sections cited most. The store is --store, else [store] path of --config,\nelse careerbot.db in the working directory; a missing store reports zeros.")
	since := fs.String("since", "30d", "report on the last `N` days (30d), hours (12h) or weeks (2w)")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	path := fs.String("store", "", "the store `FILE`")
	conf := fs.String("config", "", "take the store's path and retention from this config `FILE`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	d, err := parseSince(*since)
	if err != nil {
		fmt.Fprintln(m.Stderr, "careerbot report: --since: "+err.Error())
		return errUsage
	}
	cfg := config.Store{Path: config.DefaultStorePath}
	if *conf != "" {
		c, err := config.Load(*conf, m.Getenv)
		if err != nil {
			return err
		}
		cfg = c.Store
	}
	if *path != "" {
		cfg.Path = *path
	}
	r, err := store.ReadReport(ctx, cfg.Path, time.Now().Add(-d).UTC(), cfg.RetentionDays)
	if err != nil {
		return err
	}
	if *asJSON {
		return m.writeJSON(r)
	}
	m.printReport(r, cfg.Path)
	return nil
}

// parseSince reads "30d", "12h" or "2w".
func parseSince(s string) (time.Duration, error) {
	units := map[byte]time.Duration{'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour}
	if len(s) < 2 {
		return 0, errors.New("want a number of days, hours or weeks, such as 30d, 12h or 2w")
	}
	unit, ok := units[s[len(s)-1]]
	n, err := strconv.Atoi(s[:len(s)-1])
	if !ok || err != nil || n <= 0 {
		return 0, fmt.Errorf("want a number of days, hours or weeks, such as 30d, 12h or 2w; got %q", s)
	}
	return time.Duration(n) * unit, nil
}

func (m *Main) printReport(r *store.Report, path string) {
	var b strings.Builder
	fmt.Fprintf(&b, "careerbot report, %s to %s (%s)\n", r.Since.Format("2006-01-02 15:04"), r.Until.Format("2006-01-02 15:04 MST"), path)
	fmt.Fprintf(&b, "Answers: %d, of which the guides could not answer %d. Votes: %d helpful, %d not helpful",
		r.Answers, r.Abstained, r.Votes.Helpful, r.Votes.NotHelpful)
	for _, p := range []string{"discord", "slack"} {
		if v, ok := r.Votes.ByPlatform[p]; ok {
			fmt.Fprintf(&b, "; %s %d/%d", p, v[string(advisor.Helpful)], v[string(advisor.NotHelpful)])
		}
	}
	b.WriteString(".\n\nWhat the guides could not answer, most asked first:\n")
	if len(r.Gaps) == 0 {
		b.WriteString("  (nothing)\n")
	}
	for _, g := range r.Gaps {
		fmt.Fprintf(&b, "  %3d× %s — %s\n", g.Count, strings.Join(g.Terms, " "), quoted(g.Examples))
	}
	b.WriteString("\nAnswers most often marked not helpful:\n")
	if len(r.NotHelpful) == 0 {
		b.WriteString("  (nothing)\n")
	}
	for _, u := range r.NotHelpful {
		fmt.Fprintf(&b, "  %3d× (%d helpful) %s [%s]", u.NotHelpful, u.Helpful, sections(u.Sections), u.Intent)
		if len(u.Examples) > 0 {
			b.WriteString(" — " + quoted(u.Examples))
		}
		b.WriteString("\n")
	}
	b.WriteString("\nSections cited most:\n")
	if len(r.TopSections) == 0 {
		b.WriteString("  (nothing)\n")
	}
	for _, s := range r.TopSections {
		fmt.Fprintf(&b, "  %3d× %s › %s (%s)\n", s.Citations, s.Guide, s.Section, s.Source)
	}
	fmt.Fprint(m.Stdout, b.String())
}

func quoted(qs []string) string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = "“" + q + "”"
	}
	return strings.Join(out, ", ")
}

func sections(cs []advisor.Cited) string {
	if len(cs) == 0 {
		return "(no citations)"
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Guide + " › " + c.Section
	}
	return strings.Join(out, "; ")
}
