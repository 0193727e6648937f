package guide

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Extensions are the file name endings Load reads as guides.
var Extensions = []string{".md", ".markdown", ".txt", ".html", ".htm"}

// Load parses every guide file under fsys, in lexical order. prefix is put
// before each file's path in Source ("guides/" → "guides/salaries.md").
// Files it cannot use are skipped with a warning; the error is for a tree
// that cannot be read at all.
func Load(fsys fs.FS, prefix string) ([]*Guide, []Warning, error) {
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
		data, err := readLimited(fsys, name)
		if err != nil {
			warnings = append(warnings, Warning{Source: source, Message: "skipped: " + err.Error()})
			continue
		}
		g, ws, err := Parse(source, data)
		warnings = append(warnings, ws...)
		if err != nil {
			warnings = append(warnings, Warning{Source: source, Message: err.Error()})
			continue
		}
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

// readLimited reads a file after checking its size, so a huge file is
// refused without being read into memory.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if fi.Size() > MaxFileBytes {
		return nil, fmt.Errorf("file is %d bytes; the limit is %d", fi.Size(), MaxFileBytes)
	}
	return fs.ReadFile(fsys, name)
}
