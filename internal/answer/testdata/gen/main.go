// Command gen writes synthetic guides for scale tests, and questions about
// them in the shape ../shared/eval/score reads:
//
//	go run ./internal/answer/testdata/gen -n 1200 -out /tmp/guides
//	go run ./cmd/careerbot ask --no-bundled --guides /tmp/guides "senior data engineer salary in Portugal"
//	go run ./internal/answer/testdata/gen -varied -n 1200 -out /tmp/varied -questions /tmp/varied.jsonl
//	../shared/eval/score --batch /tmp/varied.jsonl -- ./careerbot ask --json --no-bundled --guides /tmp/varied
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/careerbot/careerbot/internal/guidegen"
)

func main() {
	n := flag.Int("n", 1200, "how many guides to write")
	out := flag.String("out", "", "directory to write them to (created)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed writes the same guides")
	varied := flag.Bool("varied", false, "draw each guide's parts from every shape the generator knows")
	questions := flag.String("questions", "", "also write questions of every intent about the guides to this file, one JSON object a line")
	per := flag.Int("per-intent", 60, "with -questions: how many questions of each intent")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	if err := run(*n, *seed, *varied, *out, *questions, *per); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, varied bool, out, questions string, per int) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	gs := guidegen.Generate(n, seed)
	if varied {
		gs = guidegen.GenerateVaried(n, seed)
	}
	for _, g := range gs {
		if err := os.WriteFile(filepath.Join(out, g.Name), []byte(g.Text), 0o644); err != nil {
			return err
		}
	}
	if questions == "" {
		return nil
	}
	f, err := os.Create(questions)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for i, q := range guidegen.Questions(gs, per, seed) {
		// The scorer's shape; "source" is extra, for reading the misses.
		line := map[string]any{"id": fmt.Sprintf("gen-%s-%d", q.Intent, i), "q": q.Q, "groups": q.Groups, "source": q.Source}
		if len(q.None) > 0 {
			line["none"] = q.None
		}
		if err := enc.Encode(line); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
