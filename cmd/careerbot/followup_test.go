package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestAskAfter(t *testing.T) {
	code, out, errOut := runMain(t, "", "ask", "--after", "How much does a senior ML engineer earn in Romania?", "and", "for", "juniors?")
	if code != 0 || !strings.Contains(out, "Read as: “Senior → junior, ML engineer, Romania”") || !strings.Contains(out, "€1,500–€2,500") {
		t.Errorf("exit %d, output:\n%s%s", code, out, errOut)
	}
}

func TestAskBatchFollowUps(t *testing.T) {
	// "+" continues the line before, even one that was itself a follow-up;
	// a line without it starts afresh.
	in := "What do senior ML engineers earn in Romania?\n+ and juniors?\n+what about the US?\nand juniors?\n\n+ in euros?\n"
	_, out, _ := runMain(t, in, "ask", "--json", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("got %d lines; want 6:\n%s", len(lines), out)
	}
	want := []struct{ question, readAs string }{
		{"What do senior ML engineers earn in Romania?", ""},
		{"What do junior ML engineers earn in Romania?", "Senior → junior, ML engineer, Romania"},
		{"What do junior ML engineers earn in the United States?", "Junior, ML engineer, Romania → the United States"},
		{"and juniors?", ""},
		{"", ""},          // the empty line: an error
		{"in euros?", ""}, // after an error there is nothing to continue
	}
	for i, l := range lines {
		var a jsonAnswer
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if a.Question != want[i].question || a.ReadAs != want[i].readAs {
			t.Errorf("line %d: question %q read as %q; want %q, %q", i+1, a.Question, a.ReadAs, want[i].question, want[i].readAs)
		}
	}
}

func TestReportCommand(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"missing store, JSON", []string{"report", "--json", "--store", missing}, 0, []string{`"answers":0`, `"gaps":[]`}},
		{"missing store, text", []string{"report", "--store", missing, "--since", "2w"}, 0, []string{"Answers: 0", "(nothing)", missing}},
		{"bad since", []string{"report", "--since", "soon", "--store", missing}, 2, nil},
		{"extra argument", []string{"report", "x"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runMain(t, "", tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d; want %d (stderr %q)", code, tt.code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}
