package reload_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/filetest"
	"github.com/careerbot/careerbot/internal/reload"
)

// guideText is a guide about role with a figure of its own.
func guideText(role, figure string) string {
	return fmt.Sprintf("# %s careers\n\n## Salary\n\nA junior %s in Portugal earns %s per month.\n", role, role, figure)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// watch runs l.Watch on dirs until the test ends, failing the test if
// Watch fails, and gives it time to arm.
func watch(t *testing.T, l *reload.Live, quiet time.Duration, dirs ...string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- l.Watch(ctx, dirs, quiet) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Watch: %v", err)
		}
	})
	time.Sleep(50 * time.Millisecond)
}

// layout is a guides directory as deployments lay it out, and how they
// change it.
type layout struct {
	name string
	// setup lays out the first version, with the first guide, under root
	// and returns the directory to configure.
	setup func(t *testing.T, root string) string
	// update replaces it with a version holding the first guide and a new
	// one (new.md, about Widget Wrangler, €7,777).
	update func(t *testing.T, root string)
}

var first = guideText("Data Engineer", "€2,000–€3,000")
var second = guideText("Widget Wrangler", "€7,777")

var layouts = []layout{
	{name: "delete and recreate",
		setup: func(t *testing.T, root string) string {
			filetest.Tree(t, root, map[string]string{"guides/a.md": first})
			return filepath.Join(root, "guides")
		},
		update: func(t *testing.T, root string) {
			must(t, os.RemoveAll(filepath.Join(root, "guides")))
			time.Sleep(100 * time.Millisecond) // seen gone before it comes back
			filetest.Tree(t, root, map[string]string{"guides/a.md": first, "guides/new.md": second})
		}},
	{name: "mv swap",
		setup: func(t *testing.T, root string) string {
			filetest.Tree(t, root, map[string]string{"guides/a.md": first})
			return filepath.Join(root, "guides")
		},
		update: func(t *testing.T, root string) {
			filetest.Tree(t, root, map[string]string{"guides.new/a.md": first, "guides.new/new.md": second})
			must(t, os.Rename(filepath.Join(root, "guides"), filepath.Join(root, "guides.old")))
			must(t, os.Rename(filepath.Join(root, "guides.new"), filepath.Join(root, "guides")))
		}},
	{name: "ConfigMap volume: files linked through ..data",
		setup: func(t *testing.T, root string) string {
			dir := filepath.Join(root, "guides")
			filetest.Tree(t, dir, map[string]string{"..2026_01_01_00_00_00.1/a.md": first})
			must(t, os.Symlink("..2026_01_01_00_00_00.1", filepath.Join(dir, "..data")))
			must(t, os.Symlink("..data/a.md", filepath.Join(dir, "a.md")))
			return dir
		},
		update: func(t *testing.T, root string) {
			dir := filepath.Join(root, "guides")
			filetest.Tree(t, dir, map[string]string{"..2026_01_01_00_05_00.2/a.md": first, "..2026_01_01_00_05_00.2/new.md": second})
			filetest.SwapLink(t, "..2026_01_01_00_05_00.2", filepath.Join(dir, "..data"))
			must(t, os.Symlink("..data/new.md", filepath.Join(dir, "new.md")))
			must(t, os.RemoveAll(filepath.Join(dir, "..2026_01_01_00_00_00.1")))
		}},
	{name: "ConfigMap subPath: the directory a link through ..data, old version kept",
		setup: func(t *testing.T, root string) string {
			filetest.Tree(t, root, map[string]string{"vol/..v1/guides/a.md": first})
			must(t, os.Symlink("..v1", filepath.Join(root, "vol/..data")))
			must(t, os.Symlink("..data/guides", filepath.Join(root, "vol/guides")))
			return filepath.Join(root, "vol/guides")
		},
		update: func(t *testing.T, root string) {
			filetest.Tree(t, root, map[string]string{"vol/..v2/guides/a.md": first, "vol/..v2/guides/new.md": second})
			filetest.SwapLink(t, "..v2", filepath.Join(root, "vol/..data"))
		}},
	{name: "deploy link swapped (current → releases/2)",
		setup: func(t *testing.T, root string) string {
			filetest.Tree(t, root, map[string]string{"releases/1/a.md": first})
			must(t, os.Symlink("releases/1", filepath.Join(root, "current")))
			return filepath.Join(root, "current")
		},
		update: func(t *testing.T, root string) {
			filetest.Tree(t, root, map[string]string{"releases/2/a.md": first, "releases/2/new.md": second})
			filetest.SwapLink(t, "releases/2", filepath.Join(root, "current"))
		}},
}

// TestWatchSurvivesItsDirectory is issue 15's reload must-show at the
// package level: each way a deployment replaces a guides directory is
// followed, twice in a row (so the watch re-armed on the new one), while
// eight goroutines ask without a failure.
func TestWatchSurvivesItsDirectory(t *testing.T) {
	for _, lt := range layouts {
		t.Run(lt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := lt.setup(t, root)
			l, _, logs := newLive(t, dirBuild(dir))
			watch(t, l, 50*time.Millisecond, dir)

			var stop atomic.Bool
			var failed atomic.Int64
			var wg sync.WaitGroup
			for range 8 {
				wg.Go(func() {
					for !stop.Load() {
						if ans, err := l.Ask(context.Background(), "junior data engineer salary in Portugal"); err != nil || ans.Abstained {
							failed.Add(1)
						}
					}
				})
			}
			defer func() {
				stop.Store(true)
				wg.Wait()
				if n := failed.Load(); n > 0 {
					t.Errorf("%d questions failed during the swaps", n)
				}
			}()
			answered := func(figure string) time.Duration {
				t.Helper()
				start := time.Now()
				for {
					ans, err := l.Ask(context.Background(), "junior widget wrangler salary in Portugal")
					if err == nil && strings.Contains(ans.Text, figure) {
						return time.Since(start)
					}
					if time.Since(start) > 5*time.Second {
						t.Fatalf("%s not answered 5 s after the update:\n%s", figure, logs)
					}
					time.Sleep(5 * time.Millisecond)
				}
			}
			lt.update(t, root)
			t.Logf("the new guide answered %v after the update", answered("€7,777").Round(time.Millisecond))
			// Again, on the directory the watch re-armed on: the new guide
			// changes figure where it now lives.
			real, err := filepath.EvalSymlinks(filepath.Join(dir, "new.md"))
			must(t, err)
			must(t, os.WriteFile(real, []byte(guideText("Widget Wrangler", "€8,888")), 0o644))
			t.Logf("the changed guide answered %v after the write", answered("€8,888").Round(time.Millisecond))
		})
	}
}

// TestWatchWaitsForMissingDir checks a directory missing when the watch
// starts is picked up when it appears, through its nearest existing
// ancestor.
func TestWatchWaitsForMissingDir(t *testing.T) {
	root := t.TempDir()
	filetest.Tree(t, root, map[string]string{"base/a.md": first})
	missing := filepath.Join(root, "later", "deeper", "guides")
	present := filepath.Join(root, "base")
	l, _, logs := newLive(t, func() (reload.Engine, error) {
		if _, err := os.Stat(missing); err != nil {
			return dirBuild(present)()
		}
		return dirBuild(present, missing)()
	})
	watch(t, l, 50*time.Millisecond, present, missing)
	filetest.Tree(t, missing, map[string]string{"new.md": second})
	deadline := time.Now().Add(5 * time.Second)
	for len(l.Guides()) != 2 {
		if time.Now().After(deadline) {
			t.Fatalf("%d guides 5 s after the directory appeared; want 2\n%s", len(l.Guides()), logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestRearm checks Rearm reloads at once through a running Watch (whose
// own quiet period is an hour here), and alone without one.
func TestRearm(t *testing.T) {
	for _, watching := range []bool{true, false} {
		t.Run(fmt.Sprint("watching ", watching), func(t *testing.T) {
			root := t.TempDir()
			filetest.Tree(t, root, map[string]string{"guides/a.md": first})
			dir := filepath.Join(root, "guides")
			l, _, logs := newLive(t, dirBuild(dir))
			if watching {
				watch(t, l, time.Hour, dir)
			}
			filetest.Tree(t, root, map[string]string{"guides.new/a.md": first, "guides.new/new.md": second})
			must(t, os.Rename(dir, dir+".old"))
			must(t, os.Rename(dir+".new", dir))
			l.Rearm("signal")
			// The new engine is served before its reload is logged: wait
			// for both.
			deadline := time.Now().Add(5 * time.Second)
			for len(l.Guides()) != 2 || !strings.Contains(logs.String(), `"trigger":"signal"`) {
				if time.Now().After(deadline) {
					if len(l.Guides()) != 2 {
						t.Fatalf("Rearm did not reload:\n%s", logs)
					}
					t.Fatalf("the reload was not Rearm's:\n%s", logs)
				}
				time.Sleep(5 * time.Millisecond)
			}
		})
	}
}
