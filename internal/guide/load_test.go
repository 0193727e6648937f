package guide_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careerbot/careerbot/internal/filetest"
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

const secretConfig = "[slack]\nsigning_secret = \"8f742231b10e8888abcd99yyyzzz85a5\"\nbot_token = \"xoxb-2048123456-4096123456789-AbCdEfGhIjKl\"\n"

func TestLoadDirContainment(t *testing.T) {
	const g = "# G\n\n## S\n\nText.\n"
	tests := []struct {
		name    string
		entries map[string]string // under a fresh root; the guides are in root/guides
		dir     string            // the directory loaded, under root
		loaded  []string          // the Sources loaded, without the prefix
		refused map[string]string // file → what its warning says
	}{
		{name: "ConfigMap ..data links", dir: "guides", entries: map[string]string{
			"guides/..2026_01_02_03_04_05.123/a.md": g,
			"guides/..2026_01_02_03_04_05.123/b.md": g,
			"guides/..data":                         "->..2026_01_02_03_04_05.123",
			"guides/a.md":                           "->..data/a.md",
			"guides/b.md":                           "->..data/b.md",
		}, loaded: []string{"a.md", "b.md"}},
		{name: "the directory itself a link", dir: "mounted", entries: map[string]string{
			"real/a.md": g,
			"mounted":   "->real",
		}, loaded: []string{"a.md"}},
		{name: "an absolute link that stays inside", dir: "guides", entries: map[string]string{
			"guides/sub/real.md": g,
			"guides/a.md":        "->$ROOT/guides/sub/real.md",
		}, loaded: []string{"a.md", "sub/real.md"}},
		{name: "a link to the config file", dir: "guides", entries: map[string]string{
			"config.toml":    secretConfig,
			"guides/ok.md":   g,
			"guides/tips.md": "->../config.toml",
		}, loaded: []string{"ok.md"}, refused: map[string]string{"tips.md": "leads outside the guides directory, to "}},
		{name: "an absolute link out", dir: "guides", entries: map[string]string{
			"secrets.env":   "SLACK_BOT_TOKEN=xoxb-1-2-3\n",
			"guides/env.md": "->$ROOT/secrets.env",
		}, refused: map[string]string{"env.md": "leads outside"}},
		{name: "a chain of links that ends outside", dir: "guides", entries: map[string]string{
			"key.pem":           "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
			"guides/a.md":       "->b.md",
			"guides/b.md":       "->sub/c.md",
			"guides/sub/c.md":   "->../../key.pem",
			"guides/sub/ok.txt": "Plain Title Line\n\nSome text here.\n",
		}, loaded: []string{"sub/ok.txt"}, refused: map[string]string{"a.md": "leads outside", "b.md": "leads outside", "sub/c.md": "leads outside"}},
		{name: "a sibling directory sharing the name's start", dir: "guides", entries: map[string]string{
			"guides-other/x.md": g,
			"guides/x.md":       "->../guides-other/x.md",
		}, refused: map[string]string{"x.md": "leads outside"}},
		{name: "a dangling link and a loop", dir: "guides", entries: map[string]string{
			"guides/gone.md":  "->nowhere.md",
			"guides/loop.md":  "->loop2.md",
			"guides/loop2.md": "->loop.md",
		}, refused: map[string]string{"gone.md": "cannot resolve its links", "loop.md": "cannot resolve its links", "loop2.md": "cannot resolve its links"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			filetest.Tree(t, root, tt.entries)
			dir := filepath.Join(root, tt.dir)
			gs, ws, err := guide.LoadDir(dir, "dir/")
			if err != nil {
				t.Fatalf("LoadDir: %v", err)
			}
			var loaded []string
			for _, g := range gs {
				loaded = append(loaded, strings.TrimPrefix(g.Source, "dir/"))
				for _, s := range g.Sections {
					if strings.Contains(s.Text(), "8f742231") || strings.Contains(s.Text(), "xoxb-") || strings.Contains(s.Text(), "AAAA") {
						t.Errorf("%s holds a secret: %q", g.Source, s.Text())
					}
				}
			}
			if !slices.Equal(loaded, tt.loaded) {
				t.Errorf("loaded %q; want %q", loaded, tt.loaded)
			}
			got := map[string]string{}
			for _, w := range ws {
				got[strings.TrimPrefix(w.Source, "dir/")] = w.Message
			}
			if len(got) != len(tt.refused) {
				t.Errorf("warnings %v; want %d", ws, len(tt.refused))
			}
			for file, want := range tt.refused {
				if !strings.Contains(got[file], "skipped: ") || !strings.Contains(got[file], want) {
					t.Errorf("warning for %s = %q; want it skipped saying %q", file, got[file], want)
				}
			}
		})
	}
}

func TestLoadDirMissing(t *testing.T) {
	if _, _, err := guide.LoadDir(filepath.Join(t.TempDir(), "nope"), ""); err == nil {
		t.Error("LoadDir of a missing directory succeeded")
	}
}

// TestLoadRedactsSecrets checks that loading empties credential lines
// before parsing, warning about each with its line.
func TestLoadRedactsSecrets(t *testing.T) {
	dir := t.TempDir()
	filetest.Tree(t, dir, map[string]string{"setup.md": "# Bot setup\n\n## Config\n\nPut this in config.toml:\n\n" + secretConfig + "\nThen run it.\n"})
	gs, ws, err := guide.LoadDir(dir, "")
	if err != nil || len(gs) != 1 {
		t.Fatalf("LoadDir = %d guides, %v", len(gs), err)
	}
	text := gs[0].Sections[0].Text()
	if strings.Contains(text, "8f742231") || strings.Contains(text, "xoxb-") || !strings.Contains(text, "Then run it.") {
		t.Errorf("section text = %q; want the credentials gone and the rest kept", text)
	}
	var got []string
	for _, w := range ws {
		got = append(got, w.String())
	}
	want := []string{
		"setup.md:8: line removed: it looks like a credential assigned to signing_secret; credentials are never indexed or quoted",
		"setup.md:9: line removed: it looks like a credential assigned to bot_token; credentials are never indexed or quoted",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoaderBudget(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	const g = "# G\n\n## S1\n\nText one.\n\n## S2\n\nText two.\n" // 37 bytes, 2 sections
	filetest.Tree(t, a, map[string]string{"1.md": g, "2.md": g})
	filetest.Tree(t, b, map[string]string{"3.md": g})
	tests := []struct {
		name        string
		maxBytes    int64
		maxSections int
		limit       string // "" when everything loads
		where       string
	}{
		{"no budget", 0, 0, "", ""},
		{"exactly enough", 3 * int64(len(g)), 6, "", ""},
		{"bytes run out in the second directory", 3*int64(len(g)) - 1, 0, "bytes", b},
		{"bytes run out in the first", int64(len(g)), 0, "bytes", a},
		{"sections run out in the second", 0, 5, "sections", b},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &guide.Loader{MaxBytes: tt.maxBytes, MaxSections: tt.maxSections}
			_, _, err := l.Dir(a, a+"/")
			if err == nil {
				_, _, err = l.Dir(b, b+"/")
			}
			if tt.limit == "" {
				if err != nil {
					t.Fatalf("load = %v; want no error", err)
				}
				if bytes, sections := l.Used(); bytes != 3*int64(len(g)) || sections != 6 {
					t.Errorf("Used = %d, %d; want %d, 6", bytes, sections, 3*len(g))
				}
				return
			}
			var be *guide.BudgetError
			if !errors.As(err, &be) || !errors.Is(err, guide.ErrOverBudget) || be.Limit != tt.limit || be.Where != tt.where {
				t.Fatalf("load = %v; want a %s budget error in %s", err, tt.limit, tt.where)
			}
			if !strings.Contains(err.Error(), tt.where) || !strings.Contains(err.Error(), tt.limit) {
				t.Errorf("error %q does not name the directory and the limit", err)
			}
		})
	}
}
