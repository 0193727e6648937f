// Command gen writes synthetic guides for scale tests:
//
//	go run ./internal/answer/testdata/gen -n 1200 -out /tmp/guides
//	go run ./cmd/careerbot ask --no-bundled --guides /tmp/guides "senior data engineer salary in Portugal"
package main

import (
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
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, g := range guidegen.Generate(*n, *seed) {
		if err := os.WriteFile(filepath.Join(*out, g.Name), []byte(g.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
