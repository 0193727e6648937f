package reload

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch reloads when a file under dirs is created, written, removed or
// renamed, once the directories have been quiet for quiet (so a copy of
// many files, or an editor's save in several steps, gives one reload).
// It watches
// subdirectories too (not hidden ones, which guides skip), including new
// ones, and each directory's parent, so it follows a directory that is
// removed and created again, swapped in with mv, or reached through a
// link that is swapped (a deploy's "current", a Kubernetes ConfigMap's
// "..data"): after every change it settles on it re-arms — the watches
// set afresh on what the paths now lead to — then reloads. A directory
// that does not exist is waited for through its nearest existing
// ancestor. Rearm (SIGHUP) re-arms and reloads at any time. Watch logs
// "watching guides" once armed, returns nil when ctx ends, and an error
// at once when no watch can be set.
func (l *Live) Watch(ctx context.Context, dirs []string, quiet time.Duration) error {
	w, err := arm(dirs)
	if err != nil {
		return fmt.Errorf("watch guides: %w", err)
	}
	defer func() { w.close() }()
	l.log.Info("watching guides", "dirs", len(dirs), "watches", len(w.trees)+len(w.names))
	l.watching.Store(true)
	defer l.watching.Store(false)
	timer := time.NewTimer(quiet)
	timer.Stop()
	defer timer.Stop()
	rearm := func(why string) {
		nw, err := arm(dirs)
		if err != nil {
			l.log.Warn("watch guides: re-arming failed; keeping the watches set before", "err", err)
		} else {
			w.close()
			w = nw
		}
		l.Reload(why)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev := <-w.fs.Events:
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				w.follow(ev.Name) // a new subdirectory: its files count at once
			}
			timer.Reset(quiet)
		case err := <-w.fs.Errors:
			// An overflow loses events: re-arm and reload to be sure
			// nothing is missed.
			l.log.Warn("watch guides", "err", err)
			timer.Reset(quiet)
		case <-timer.C:
			rearm("watch")
		case why := <-l.rearm:
			timer.Stop()
			rearm(why)
		}
	}
}

// Rearm reloads the guides (see Reload) after setting Watch's watches
// afresh, when a Watch is running: serve calls it on SIGHUP, so a signal
// recovers from any change the watches missed. Without a Watch it
// reloads alone.
func (l *Live) Rearm(why string) {
	if l.watching.Load() {
		select {
		case l.rearm <- why:
		default: // one is pending: it will do
		}
		return
	}
	l.Reload(why)
}

// watches is one arming of the watches: the trees of the directories as
// their paths now resolve, and the ancestors through which a directory's
// path changes (its parent, or its nearest existing ancestor).
type watches struct {
	fs    *fsnotify.Watcher
	trees map[string]bool            // directories whose every change counts
	names map[string]map[string]bool // ancestor → the names in it that lead to a guide directory
}

// arm sets the watches for dirs. It fails only when a watcher cannot be
// made or no path at all could be watched.
func arm(dirs []string) (*watches, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watches{fs: fw, trees: map[string]bool{}, names: map[string]map[string]bool{}}
	var errs []error
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := w.ancestor(abs); err != nil {
			errs = append(errs, err)
		}
		for _, l := range links(abs) {
			if err := w.name(l.dir, l.name); err != nil {
				errs = append(errs, err)
			}
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			if err := w.tree(real); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if len(w.trees) == 0 && len(w.names) == 0 {
		fw.Close()
		return nil, errors.Join(errs...)
	}
	return w, nil
}

// ancestor watches the parent of dir for changes to dir's name, or, when
// the parent is missing, the nearest existing ancestor for the name that
// leads down to dir.
func (w *watches) ancestor(dir string) error {
	child := dir
	for {
		parent := filepath.Dir(child)
		if fi, err := os.Stat(parent); err == nil && fi.IsDir() {
			return w.name(parent, filepath.Base(child))
		}
		if parent == child {
			return fmt.Errorf("no existing ancestor of %s", dir)
		}
		child = parent
	}
}

// name watches dir for changes to the entry called name.
func (w *watches) name(dir, name string) error {
	if w.names[dir] == nil {
		if err := w.fs.Add(dir); err != nil {
			return err
		}
		w.names[dir] = map[string]bool{}
	}
	w.names[dir][name] = true
	return nil
}

// link is a symbolic link met on the way to a directory: swapping it
// (a deploy's "current", a ConfigMap's "..data") moves the directory.
type link struct{ dir, name string }

// links returns the symbolic links met while resolving the absolute path
// p, in order, up to the first component that does not exist.
func links(p string) []link {
	var out []link
	for hops := 0; hops < 40; hops++ {
		parts := strings.Split(strings.TrimPrefix(filepath.Clean(p), string(filepath.Separator)), string(filepath.Separator))
		cur, next := string(filepath.Separator), ""
		moved := false
		for i, part := range parts {
			if part == "" {
				continue
			}
			next = filepath.Join(cur, part)
			fi, err := os.Lstat(next)
			if err != nil {
				return out
			}
			if fi.Mode()&fs.ModeSymlink != 0 {
				target, err := os.Readlink(next)
				if err != nil {
					return out
				}
				out = append(out, link{cur, part})
				if !filepath.IsAbs(target) {
					target = filepath.Join(cur, target)
				}
				p, moved = filepath.Join(append([]string{target}, parts[i+1:]...)...), true
				break
			}
			cur = next
		}
		if !moved {
			return out
		}
	}
	return out
}

// tree watches dir and the directories under it, but not hidden ones,
// and the directories inside dir that its links lead to (a ConfigMap's
// files link into "..2026_…/", a hidden directory), where the guides
// really are.
func (w *watches) tree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return w.linkedDir(dir, p)
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if w.trees[p] {
			return nil
		}
		if err := w.fs.Add(p); err != nil {
			return err
		}
		w.trees[p] = true
		return nil
	})
}

// linkedDir watches the directory holding what the link p leads to, when
// it lies inside root.
func (w *watches) linkedDir(root, p string) error {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil // dangling: the loader warns about it
	}
	if fi, err := os.Stat(real); err != nil || fi.IsDir() {
		return nil
	}
	target := filepath.Dir(real)
	if w.trees[target] || (target != root && !strings.HasPrefix(target, root+string(filepath.Separator))) {
		return nil
	}
	if err := w.fs.Add(target); err != nil {
		return err
	}
	w.trees[target] = true
	return nil
}

// relevant reports whether ev concerns the guides: any change but a mode
// change in a watched tree or to a tree itself, and a change to a guide
// directory's name, the name leading to it or a link on its way, in an
// ancestor.
func (w *watches) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	dir := filepath.Dir(ev.Name)
	return w.trees[dir] || w.trees[ev.Name] || w.names[dir][filepath.Base(ev.Name)]
}

// follow watches a directory created in a watched tree, with its own
// subdirectories.
func (w *watches) follow(name string) {
	if !w.trees[filepath.Dir(name)] || strings.HasPrefix(filepath.Base(name), ".") {
		return
	}
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		w.tree(name) // a failure is mended at the next re-arm
	}
}

func (w *watches) close() { w.fs.Close() }
