package guide

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions are the file name endings Load reads as guides.
var Extensions = []string{".md", ".markdown", ".txt", ".html", ".htm"}

// Load parses every guide file under fsys, in lexical order. prefix is put
// before each file's path in Source ("guides/" → "guides/salaries.md").
// Files it cannot use are skipped with a warning; the error is for a tree
// that cannot be read at all. Lines shaped like credentials are removed
// before parsing (see RedactSecrets), with a warning each.
func Load(fsys fs.FS, prefix string) ([]*Guide, []Warning, error) {
	return (&Loader{}).FS(fsys, prefix)
}

// LoadDir is Load for a directory on disk, with every file contained in
// it: see Loader.Dir.
func LoadDir(dir, prefix string) ([]*Guide, []Warning, error) {
	return (&Loader{}).Dir(dir, prefix)
}

// Loader loads guides within a budget shared by every call: the bytes of
// the files read and the sections parsed, counted across directories, so
// a folder too large for the process's memory is refused before it is
// read. The zero Loader has no budget. A Loader is not safe for
// concurrent use.
type Loader struct {
	// MaxBytes bounds the total size of the guide files loaded; 0 for no
	// limit.
	MaxBytes int64
	// MaxSections bounds the total number of sections parsed; 0 for no
	// limit.
	MaxSections int

	bytes    int64
	sections int
}

// Used returns the bytes and sections loaded so far.
func (l *Loader) Used() (bytes int64, sections int) { return l.bytes, l.sections }

// ErrOverBudget is wrapped by the *BudgetError a Loader returns when the
// guides exceed its budget.
var ErrOverBudget = errors.New("over budget")

// BudgetError says which budget the guides exceeded, and where.
type BudgetError struct {
	Limit string // "bytes" or "sections"
	Max   int64  // the budget
	Used  int64  // what was loaded when it was exceeded, at least Max+1
	Where string // the directory (or file system) being loaded
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("%s: the guides hold more than %d %s (%d loaded when the limit was reached)", e.Where, e.Max, e.Limit, e.Used)
}

// Unwrap makes errors.Is(err, ErrOverBudget) hold.
func (e *BudgetError) Unwrap() error { return ErrOverBudget }

// FS parses every guide file under fsys, as Load does, within l's budget:
// past it, FS stops and returns a *BudgetError naming where (prefix, or
// "bundled guides" without one).
func (l *Loader) FS(fsys fs.FS, prefix string) ([]*Guide, []Warning, error) {
	where := strings.TrimSuffix(prefix, "/")
	if where == "" {
		where = "bundled guides"
	}
	return l.load(fsys, prefix, where, func(name string) (string, error) { return name, nil })
}

// Dir parses every guide file under the directory dir on disk, as Load
// does, within l's budget. A file is read only when its real path, every
// symbolic link resolved, lies inside dir's own real path: links between
// files of the directory (a Kubernetes ConfigMap's "..data" link) work, a
// link to anything outside it (a config file, a key) is skipped with a
// warning naming the file and where it leads. The files are opened
// through an os.Root on dir's real path, so a link swapped in after the
// check cannot lead out either.
func (l *Loader) Dir(dir, prefix string) ([]*Guide, []Warning, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, err
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	where := strings.TrimSuffix(prefix, "/")
	if where == "" {
		where = dir
	}
	return l.load(root.FS(), prefix, where, func(name string) (string, error) {
		target, err := filepath.EvalSymlinks(filepath.Join(real, filepath.FromSlash(name)))
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is the file's own, named by the warning
			}
			return "", fmt.Errorf("cannot resolve its links: %w", err)
		}
		rel, err := filepath.Rel(real, target)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			return "", fmt.Errorf("it leads outside the guides directory, to %s; only files inside %s are read", target, dir)
		}
		return filepath.ToSlash(rel), nil
	})
}

// load walks fsys and parses each guide file, opened under the name
// resolve gives it (or skipped with resolve's error as the warning).
func (l *Loader) load(fsys fs.FS, prefix, where string, resolve func(name string) (string, error)) ([]*Guide, []Warning, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			names = append(names, p) // reported when it is read
			return nil
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if isGuideFile(p) {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	var guides []*Guide
	var warnings []Warning
	for _, name := range names {
		source := prefix + name
		skip := func(err error) {
			warnings = append(warnings, Warning{Source: source, Message: "skipped: " + err.Error()})
		}
		real, err := resolve(name)
		if err != nil {
			skip(err)
			continue
		}
		size, err := statGuide(fsys, real)
		if err != nil {
			skip(err)
			continue
		}
		if l.MaxBytes > 0 && l.bytes+size > l.MaxBytes {
			return nil, warnings, &BudgetError{Limit: "bytes", Max: l.MaxBytes, Used: l.bytes + size, Where: where}
		}
		data, err := fs.ReadFile(fsys, real)
		if err != nil {
			skip(err)
			continue
		}
		l.bytes += int64(len(data))
		data, ws := RedactSecrets(source, data)
		warnings = append(warnings, ws...)
		g, ws, err := Parse(source, data)
		warnings = append(warnings, ws...)
		if err != nil {
			warnings = append(warnings, Warning{Source: source, Message: err.Error()})
			continue
		}
		if l.MaxSections > 0 && l.sections+len(g.Sections) > l.MaxSections {
			return nil, warnings, &BudgetError{Limit: "sections", Max: int64(l.MaxSections), Used: int64(l.sections + len(g.Sections)), Where: where}
		}
		l.sections += len(g.Sections)
		guides = append(guides, g)
	}
	return guides, warnings, nil
}

func isGuideFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// statGuide returns the size of a guide file after checking it is a
// regular file within MaxFileBytes, so a huge file is refused without
// being read into memory.
func statGuide(fsys fs.FS, name string) (int64, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return 0, err
	}
	if !fi.Mode().IsRegular() {
		return 0, errors.New("not a regular file")
	}
	if fi.Size() > MaxFileBytes {
		return 0, fmt.Errorf("file is %d bytes; the limit is %d", fi.Size(), MaxFileBytes)
	}
	return fi.Size(), nil
}
