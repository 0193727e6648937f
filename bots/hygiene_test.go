package bots_test

import (
	"strings"
	"testing"

	"github.com/careerbot/careerbot/bots"
	"github.com/careerbot/careerbot/internal/advisor"
)

// hostile holds every invisible character issue 15 names, spread through
// the text a reply is made of.
const hostile = "\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl\u200bm\u200cn\u200do\u2060p\ufeffq"

func TestRenderDropsInvisible(t *testing.T) {
	a := advisor.Answer{Text: "pay " + hostile, ReadAs: "read " + hostile, Guides: 1,
		Citations: []advisor.Citation{{N: 1, Title: "T" + hostile, Section: "S" + hostile, Snippet: "snip" + hostile, Source: "f" + hostile + ".md", Line: 3}}}
	identity := func(s string) string { return s }
	r := bots.Render(a, identity, bots.Limits{Text: 1000, Label: 1000, Snippet: 1000, Sources: 5})
	fields := map[string]string{"text": r.Text, "read as": r.ReadAs, "label": r.Sources[0].Label, "snippet": r.Sources[0].Snippet, "ref": r.Sources[0].Ref}
	for name, s := range fields {
		t.Run(name, func(t *testing.T) {
			if i := strings.IndexFunc(s, advisor.Invisible); i >= 0 {
				t.Errorf("%s %q keeps an invisible character at byte %d", name, s, i)
			}
			if !strings.Contains(s, "abcdefghijklmnopq") {
				t.Errorf("%s %q lost visible text", name, s)
			}
		})
	}
	// An escaper may add invisible characters of its own after stripping.
	zw := func(s string) string { return strings.ReplaceAll(s, "@", "@\u200b") }
	if r := bots.Render(advisor.Answer{Text: "@here\u200b"}, zw, bots.Limits{Text: 100}); r.Text != "@\u200bhere" {
		t.Errorf("Render with an escaper adding a zero-width space = %q; want the escaper's alone", r.Text)
	}
}
