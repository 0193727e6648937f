package main

import (
	"strings"
	"testing"
)

// TestAskCleansQuestion checks the command line reads questions as the
// bots do: leading pings and invisible characters change nothing.
func TestAskCleansQuestion(t *testing.T) {
	for _, q := range []string{
		"@everyone junior ML salary romania",
		"<@123> <#C1|general>: junior ML salary romania",
		"junior ML salary roma\u200bnia",
		"\u202ejunior ML salary romania\u202c",
	} {
		t.Run(q, func(t *testing.T) {
			code, out, errOut := runMain(t, "", "ask", "--json", q)
			if code != 0 || !strings.Contains(out, "€1,500–€2,500") || strings.Contains(out, `"abstained":true`) {
				t.Errorf("ask %q: exit %d, %s %s", q, code, out, errOut)
			}
		})
	}
}
