package guide_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/guide"
)

// rowsAt renders a guide's blocks as "line kind: text" lines.
func rowsAt(g *guide.Guide) string {
	var b strings.Builder
	for _, s := range g.Sections {
		for _, bl := range s.Blocks {
			fmt.Fprintf(&b, "%d %s: %s\n", bl.Line, bl.Kind, bl.Text)
		}
	}
	return b.String()
}

// TestPipeTextIsTable checks that text whose lines are all pipe rows, the
// second a delimiter row, reads as a table's rows with their header,
// wherever it stands: inside an HTML <p> (Markdown a site did not
// render), broken by <br>, or a Markdown paragraph goldmark did not take
// for a table.
func TestPipeTextIsTable(t *testing.T) {
	page := func(body string) string {
		return "<!DOCTYPE html>\n<html><head><title>Pilot Pay</title></head><body><article>\n<h1>Pilot Pay</h1>\n" + body + "\n</article></body></html>"
	}
	tests := []struct {
		name, file, text, want string
	}{
		{"pipe rows in an html paragraph", "p.html",
			page("<h2>By Port</h2>\n<p>Paid in Lisbon and Oslo alike:</p>\n<p>| Port | Junior | Chief |\n|------|--------|-------|\n| Lisbon | $50K | $90K |\n| Oslo | $60K | $99K |</p>"),
			"5 paragraph: Paid in Lisbon and Oslo alike:\n8 row: Lisbon — Junior: $50K; Chief: $90K\n9 row: Oslo — Junior: $60K; Chief: $99K\n"},
		{"rows starting with the same word keep their own lines", "p.html",
			page("<h2>Bands</h2>\n<p>| Band | Pay |\n|---|---|\n| Band A | $1K |\n| Band B | $2K |</p>"),
			"7 row: Band A — Pay: $1K\n8 row: Band B — Pay: $2K\n"},
		{"pipe rows broken by br", "p.html",
			page("<h2>By Port</h2>\n<p>| Port | Chief |<br>| :--- | ---: |<br>| Lisbon | $90K |</p>"),
			"5 row: Lisbon — Chief: $90K\n"},
		{"pipes in prose stay a paragraph", "p.html",
			page("<h2>Tools</h2>\n<p>Pipe data | through sed |\nthen awk.</p>"),
			"5 paragraph: Pipe data | through sed | then awk.\n"},
		{"markdown pipe rows with br ends", "g.md",
			"# Pilot Pay\n\n## By Port\n\n| Port | Chief |<br>\n|---|---|<br>\n| Lisbon | $90K |<br>\n| Oslo | $99K |\n",
			"7 row: Lisbon — Chief: $90K\n8 row: Oslo — Chief: $99K\n"},
		{"markdown delimiter row narrower than its header", "g.md",
			"# Pilot Pay\n\n## By Port\n\n| Port | Junior | Chief |\n|---|---|\n| Lisbon | $50K | $90K |\n",
			"7 row: Lisbon — Junior: $50K; Chief: $90K\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := guide.Parse(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if got := rowsAt(g); got != tt.want {
				t.Errorf("blocks =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestHTMLListLead checks that an HTML list under a paragraph ending in a
// colon has it as its lead, as a Markdown list does: the paragraph says
// what the items are.
func TestHTMLListLead(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"strong label then list", "<strong>Ports that pay well:</strong>\n<ul><li>Lisbon</li><li>Oslo</li></ul>", "Ports that pay well:"},
		{"paragraph then list", "<p>Ports that pay well:</p><ol><li>Lisbon</li><li>Oslo</li></ol>", "Ports that pay well:"},
		{"a sentence introduces nothing", "<p>Ports pay well.</p><ul><li>Lisbon</li><li>Oslo</li></ul>", ""},
		{"a heading between", "<p>Ports that pay well:</p><h3>More</h3><ul><li>Lisbon</li><li>Oslo</li></ul>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<!DOCTYPE html>\n<html><body><article><h1>Pilot Pay</h1><h2>Ports</h2>\n" + tt.body + "\n</article></body></html>"
			g, _, err := guide.Parse("p.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			var leads []string
			for _, s := range g.Sections {
				for _, b := range s.Blocks {
					if b.Kind == guide.Item {
						leads = append(leads, b.Lead)
					}
				}
			}
			if len(leads) != 2 || leads[0] != tt.want || leads[1] != tt.want {
				t.Errorf("item leads = %q, want two of %q", leads, tt.want)
			}
		})
	}
}
