package search

import "testing"

// TestSynonymGroupsCompile compiles every group's expression, which the
// package otherwise compiles only when a question first names the group.
func TestSynonymGroupsCompile(t *testing.T) {
	for _, g := range synGroups {
		if g.re() == nil {
			t.Fatalf("group %q: no expression", g.members)
		}
		for _, m := range g.members {
			if !g.re().MatchString("about " + m + " here") {
				t.Errorf("group %q: does not match its member %q", g.members, m)
			}
		}
	}
}
