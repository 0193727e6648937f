package guide_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careerbot/careerbot/internal/guide"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":             {Data: []byte("# A\n\n## S\n\nText.\n")},
		"sub/b.markdown":   {Data: []byte("# B\n\n## S\n\nText.\n")},
		"sub/c.txt":        {Data: []byte("C Title Line\n\nSome text here.\n")},
		"empty.md":         {Data: nil},
		"binary.txt":       {Data: []byte("\x00\x01\x02")},
		"huge.md":          {Data: bytes.Repeat([]byte("x"), guide.MaxFileBytes+1)},
		"notes.pdf":        {Data: []byte("%PDF")},
		".git/config.md":   {Data: []byte("# hidden\n\n## S\n\nText.\n")},
		"broken-front.md":  {Data: []byte("---\ntitle: [x\n---\n\n# D\n\n## S\n\nText.\n")},
		"sub/deeper/e.MD":  {Data: []byte("# E\n\n## S\n\nText.\n")},
		"only-heading.txt": {Data: []byte("# Nothing else\n")},
		"sub/f.html":       {Data: []byte("<html><head><title>F</title></head><body><h2>S</h2><p>Text.</p></body></html>")},
	}
	gs, ws, err := guide.Load(fsys, "dir/")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var titles []string
	for _, g := range gs {
		titles = append(titles, g.Title+"@"+g.Source)
	}
	want := []string{"A@dir/a.md", "D@dir/broken-front.md", "B@dir/sub/b.markdown", "C Title Line@dir/sub/c.txt", "E@dir/sub/deeper/e.MD", "F@dir/sub/f.html"}
	if !slices.Equal(titles, want) {
		t.Errorf("guides = %q; want %q", titles, want)
	}
	var got []string
	for _, w := range ws {
		got = append(got, w.String())
	}
	joined := strings.Join(got, "\n")
	for _, w := range []string{"dir/empty.md: skipped: file is empty", "dir/binary.txt: skipped: binary", "dir/huge.md: skipped: file is", "dir/broken-front.md:2: front matter", "dir/only-heading.txt: skipped: no text"} {
		if !strings.Contains(joined, w) {
			t.Errorf("warnings =\n%s\nwant one containing %q", joined, w)
		}
	}
	if len(ws) != 5 {
		t.Errorf("got %d warnings; want 5", len(ws))
	}
}

func TestLoadMissingRoot(t *testing.T) {
	if _, _, err := guide.Load(fstest.MapFS{}, ""); err != nil {
		t.Errorf("Load(empty fs) = %v; want no error and no guides", err)
	}
}
