package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/advisor"
)

// runMain runs careerbot in process with args and stdin, returning its
// exit code, stdout and stderr.
func runMain(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := m.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

// jsonAnswer is one line of ask --json: the answer, or an error in batch mode.
type jsonAnswer struct {
	advisor.Answer
	Error string `json:"error"`
}

func TestAskJSONContract(t *testing.T) {
	code, out, errOut := runMain(t, "", "ask", "--json", "How much does a senior ML engineer make in Romania?")
	if code != 0 {
		t.Fatalf("exit %d; stderr %q", code, errOut)
	}
	var a jsonAnswer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("output %q is not one JSON object: %v", out, err)
	}
	if !strings.Contains(a.Text, "€4,500–€8,000") || a.Abstained || len(a.Citations) == 0 {
		t.Fatalf("answer = %+v", a)
	}
	c := a.Citations[0]
	if c.N != 1 || c.Title == "" || c.Section == "" || c.Snippet == "" || c.Source == "" || c.Line == 0 {
		t.Errorf("citation = %+v; want every field set", c)
	}
}

func TestAskBatch(t *testing.T) {
	in := "junior ML salary romania\n\nGive me a recipe for pancakes\n"
	code, out, _ := runMain(t, in, "ask", "--json", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines; want one per input line:\n%s", len(lines), out)
	}
	var as [3]jsonAnswer
	for i, l := range lines {
		if err := json.Unmarshal([]byte(l), &as[i]); err != nil {
			t.Fatalf("line %d %q: %v", i+1, l, err)
		}
	}
	if !strings.Contains(as[0].Text, "€1,500–€2,500") || as[1].Error == "" || !as[2].Abstained {
		t.Errorf("answers = %+v", as)
	}
	if code != 1 {
		t.Errorf("exit %d; want 1 for the empty question", code)
	}
}

func TestAskText(t *testing.T) {
	code, out, _ := runMain(t, "", "ask", "what", "should", "I", "learn", "after", "PyTorch?")
	if code != 0 || !strings.Contains(out, "Specialization") || !strings.Contains(out, "Sources:\n[1] ") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

// TestAskReadAs checks a corrected question says how it was read: one
// line in text, read_as in JSON, and nothing for a question typed right.
func TestAskReadAs(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ask", "jr DS salery in the US"}, "Read as: “jr DS salary in the US”\n"},
		{[]string{"ask", "--json", "jr DS salery in the US"}, `"read_as":"jr DS salary in the US"`},
		{[]string{"ask", "--json", "junior data scientist salary in the US"}, `"abstained":false`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, _ := runMain(t, "", tt.args...)
			if code != 0 || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d, output lacks %q:\n%s", code, tt.want, out)
			}
			if !strings.Contains(tt.args[len(tt.args)-1], "salery") && (strings.Contains(out, "read_as") || strings.Contains(out, "Read as")) {
				t.Errorf("a question typed right says how it was read:\n%s", out)
			}
		})
	}
}

func TestAskUserGuides(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ca.md"), []byte("# Canada Pay\n\n## Salaries\n\nSenior ML engineers in Canada earn CA$150,000 a year.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.md"), []byte("\x00\x01binary"), 0o644)
	code, out, errOut := runMain(t, "", "ask", "--json", "--no-bundled", "--guides", dir, "senior ML salary in Canada")
	if code != 0 || !strings.Contains(out, "CA$150,000") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	if !strings.Contains(errOut, "bad.md: skipped: binary") {
		t.Errorf("stderr %q; want a warning naming bad.md", errOut)
	}
	if strings.Contains(out, "Romania") {
		t.Errorf("--no-bundled answer mentions the bundled guides: %s", out)
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		code    int
		stderr  string
		oneLine bool
	}{
		{"no command", nil, 2, "Usage", false},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command", false},
		{"ask without question", []string{"ask"}, 2, "Usage", false},
		{"bad flag", []string{"ask", "--bogus", "q"}, 2, "bogus", false},
		{"help", []string{"ask", "-h"}, 0, "Usage", false},
		{"guides help", []string{"guides", "-h"}, 0, "Usage", false},
		{"serve help", []string{"serve", "-h"}, 0, "Usage", false},
		{"discord help", []string{"discord", "-h"}, 0, "Usage", false},
		{"register help", []string{"discord", "register", "-h"}, 0, "Usage", false},
		{"empty question", []string{"ask", "   "}, 1, "empty", true},
		{"missing guides dir", []string{"ask", "--guides", "/nonexistent/guides", "q"}, 1, "/nonexistent/guides", true},
		{"no guides at all", []string{"ask", "--no-bundled", "q"}, 1, "no guides loaded", true},
		{"invalid UTF-8", []string{"ask", "pay \xff"}, 1, "UTF-8", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runMain(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.stderr)
			}
			if tt.oneLine && strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr %q; want one line", errOut)
			}
		})
	}
}

func TestGuidesListing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644)
	code, out, _ := runMain(t, "", "guides", "--guides", dir)
	for _, want := range []string{
		"How to Build a Career in Machine Learning in 2025",
		"source: build-a-career-in-machine-learning-2025.txt",
		"Salaries and Progression › Romania",
		"85 item: Senior: €4,500-€8,000/month",
		`figure "€4,500-€8,000/month" level=senior region=Romania currency=EUR period=month`,
		`learning path "Learning Path" (3 stages)`,
		"Level 3: Specialization (12+ months)",
		"Learning Path › Level 1: Fundamentals (3-6 months) › Mathematics and Statistics [label]",
		"empty.md: skipped: file is empty",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("guides output lacks %q", want)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestGuidesJSON checks the document model as --json prints it: a guide's
// sections with their kinds, units with lines, parents and figures.
func TestGuidesJSON(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "g.md"), []byte("# Pay Guide\n\n## Pay\n\n**Junior**\n\n- Juniors earn €40,000 a year\n  - more in Berlin\n"), 0o644)
	code, out, _ := runMain(t, "", "guides", "--json", "--no-bundled", "--guides", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	var doc struct {
		Guides []struct {
			Title    string
			Sections []struct {
				Path  []string
				Kind  string
				Units []struct {
					Kind, Text string
					Line       int
					Parent     *int
					Figures    []string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(doc.Guides) != 1 || doc.Guides[0].Title != "Pay Guide" {
		t.Fatalf("guides = %+v; want one titled Pay Guide", doc.Guides)
	}
	var s = doc.Guides[0].Sections[len(doc.Guides[0].Sections)-1]
	if strings.Join(s.Path, " › ") != "Pay › Junior" || s.Kind != "label" || len(s.Units) != 2 {
		t.Fatalf("section = %+v; want Pay › Junior, a label, with two units", s)
	}
	if u := s.Units[0]; u.Line != 7 || len(u.Figures) != 1 || !strings.Contains(u.Figures[0], "€40,000") {
		t.Errorf("first unit = %+v; want line 7 with its figure", u)
	}
	if u := s.Units[1]; u.Parent == nil || *u.Parent != 0 {
		t.Errorf("second unit = %+v; want it nested in the first", u)
	}
}
