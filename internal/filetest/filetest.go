// Package filetest lays out directories of files and symbolic links for
// tests, and changes them the way deployments do.
package filetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tree creates entries under root, making directories as needed: a value
// starting with "->" is a symbolic link to the rest ("$ROOT" in it
// stands for root), any other value a file's text.
func Tree(tb testing.TB, root string, entries map[string]string) {
	tb.Helper()
	for name, v := range entries {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		var err error
		if target, ok := strings.CutPrefix(v, "->"); ok {
			err = os.Symlink(strings.ReplaceAll(target, "$ROOT", root), p)
		} else {
			err = os.WriteFile(p, []byte(v), 0o644)
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// SwapLink points the link name at target the way Kubernetes swaps a
// ConfigMap's "..data" and ln -sfn a deploy's "current": a new link
// beside it, renamed over it.
func SwapLink(tb testing.TB, target, name string) {
	tb.Helper()
	tmp := name + ".tmp"
	if err := os.Symlink(target, tmp); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		tb.Fatal(err)
	}
}
