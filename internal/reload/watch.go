package reload

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Quiet is how long the guide directories must stay unchanged before
// Watch reloads: a copy of many files, or an editor's save in several
// steps, gives one reload.
const Quiet = time.Second

// Watch reloads when a file under dirs is created, written, removed or
// renamed, once the directories have been quiet for quiet. It watches
// subdirectories too (not hidden ones, which guides skip), including new
// ones. It returns nil when ctx ends, and an error at once when the
// directories cannot be watched (then SIGHUP still reloads).
func (l *Live) Watch(ctx context.Context, dirs []string, quiet time.Duration) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch guides: %w", err)
	}
	defer w.Close()
	for _, d := range dirs {
		if err := addTree(w, d); err != nil {
			return fmt.Errorf("watch guides: %w", err)
		}
	}
	timer := time.NewTimer(quiet)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					if err := addTree(w, ev.Name); err != nil {
						l.log.Warn("watch guides: new directory not watched", "err", err)
					}
				}
			}
			timer.Reset(quiet)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// An overflow loses events: reload to be sure nothing is missed.
			l.log.Warn("watch guides", "err", err)
			timer.Reset(quiet)
		case <-timer.C:
			l.Reload("watch")
		}
	}
}

// addTree watches dir and the directories under it, but not hidden ones.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}
