package guide_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/guide"
)

// outline renders a guide as "title" then one "path @line: block|block" line
// per section, for comparing with a table's expectations.
func outline(g *guide.Guide) string {
	var b strings.Builder
	b.WriteString(g.Title)
	for _, s := range g.Sections {
		fmt.Fprintf(&b, "\n%s @%03d:", s.Name(), s.Line)
		for i, bl := range s.Blocks {
			if i > 0 {
				b.WriteString(" |")
			}
			b.WriteString(" " + bl.Text)
		}
	}
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"markdown headings and lists", "g.md",
			"# My Guide\n\nIntro text here.\n\n## Skills\n\n### Tools\n- Docker\n- Kubernetes\n",
			"My Guide\nIntroduction @003: Intro text here.\nSkills @005:\nSkills › Tools @007: Docker | Kubernetes"},
		{"front matter title wins over H1", "g.md",
			"---\ntitle: 'Real Title'\nauthor: Someone\n---\n\n# Shown Title\n\n## Pay\n\nSeniors earn more.\n",
			"Real Title\nPay @008: Seniors earn more."},
		{"plain text with bare headings", "g.txt",
			"Category\n\nThe Long Title Of This Plain Guide\n\nA first paragraph that reads like prose, with a full stop.\n\nSkills You Need\n\nPython matters most.\n",
			"The Long Title Of This Plain Guide\nIntroduction @005: A first paragraph that reads like prose, with a full stop.\nSkills You Need @007: Python matters most."},
		{"plain headings on the line above their text", "g.md",
			"Becoming an engineer takes a while, as the first part of this series said.\n\nSoft Skills\nThe field changes every month, so learning fast matters.\n\nMath Skills\nLinear algebra comes first.\n",
			"G\nIntroduction @001: Becoming an engineer takes a while, as the first part of this series said.\nSoft Skills @003: The field changes every month, so learning fast matters.\nMath Skills @006: Linear algebra comes first."},
		{"scraping noise dropped", "g.txt",
			"← Back to Blog\nCareer\n\nHow to Win\n\nDr. Jane Doe January 25, 2025 12 min read\n\n# How to Win\n\nBody text.\n\nShare:\n",
			"How to Win\nIntroduction @010: Body text."},
		{"repeated heading and paragraph", "g.txt",
			"Guide Title Here\n\nProgramming Languages\n\nProgramming Languages\n\nPython is the language most guides recommend first.\n\nPython is the language most guides recommend first.\n",
			"Guide Title Here\nProgramming Languages @003: Python is the language most guides recommend first."},
		{"table of contents dropped", "g.md",
			"# T\n\n## Contents\n- [Pay](#pay)\n- [Skills](#skills)\n- [FAQ](#faq)\n\n## Pay\n\nGood.\n\n## Skills\n\nMany.\n\n## FAQ\n\nNone.\n",
			"T\nPay @008: Good.\nSkills @012: Many.\nFAQ @016: None."},
		{"a list of a section's own subsections is kept", "g.md",
			"# T\n\n## Grades\n- [Associate Pilot](#associate-pilot)\n- [Senior Pilot](#senior-pilot)\n- [Chief Pilot](#chief-pilot)\n\n### Associate Pilot\n\nFlies.\n\n### Senior Pilot\n\nLeads.\n\n### Chief Pilot\n\nRuns.\n\n## Pay\n\nGood.\n",
			"T\nGrades @003: Associate Pilot | Senior Pilot | Chief Pilot\nGrades › Associate Pilot @008: Flies.\nGrades › Senior Pilot @012: Leads.\nGrades › Chief Pilot @016: Runs.\nPay @020: Good."},
		{"a list under the only top heading is contents", "g.md",
			"# T\n- [Pay](#pay)\n- [Skills](#skills)\n- [FAQ](#faq)\n\n## Pay\n\nGood.\n\n## Skills\n\nMany.\n\n## FAQ\n\nNone.\n",
			"T\nPay @006: Good.\nSkills @010: Many.\nFAQ @014: None."},
		{"emoji and numbered headings", "g.md",
			"# T\n\n## 💰 Salary Expectations\n\nHigh.\n\n### 11.1 US Salary Ranges\n\nHigher.\n",
			"T\nSalary Expectations @003: High.\nSalary Expectations › US Salary Ranges @007: Higher."},
		{"table rows keep headers", "g.md",
			"# T\n\n## Pay\n\n| Role | Junior | Senior |\n|---|---|---|\n| ML Engineer | $90k | $150k |\n",
			"T\nPay @003: ML Engineer — Junior: $90k; Senior: $150k"},
		{"list lead and nested items", "g.md",
			"# T\n\n## Path\n\nChoose a domain:\n- **Deep Learning** - CNNs\n- NLP\n  - Transformers\n",
			"T\nPath @003: Choose a domain: | Deep Learning - CNNs | NLP | Transformers"},
		{"code fence lines", "g.md",
			"# T\n\n## Pay\n\n```\nSenior: €75,000\nJunior: €40,000\n```\n",
			"T\nPay @003: Senior: €75,000 | Junior: €40,000"},
		{"CRLF line endings", "g.md",
			"# T\r\n\r\n## A\r\n\r\nText.\r\n",
			"T\nA @003: Text."},
		{"title from file name", "my-career_notes.md",
			"Some prose that is long enough to be a paragraph, and ends with a stop.\n",
			"My career notes\nIntroduction @001: Some prose that is long enough to be a paragraph, and ends with a stop."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := guide.Parse(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := outline(g); got != tt.want {
				t.Errorf("outline =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParseLead(t *testing.T) {
	g, _, err := guide.Parse("g.md", []byte("# T\n\n## Path\n\nChoose a domain:\n- NLP\n  - Transformers\n"))
	if err != nil {
		t.Fatal(err)
	}
	bs := g.Sections[0].Blocks
	if len(bs) != 3 || bs[1].Lead != "Choose a domain:" || bs[2].Lead != "NLP" {
		t.Errorf("blocks = %+v; want items led by the paragraph and by their parent item", bs)
	}
}

// TestParseNamesLead checks that a list of bare names is led by the
// sentence before it, even one ending in a full stop, and that a list of
// sentences, or one after something else, is not.
func TestParseNamesLead(t *testing.T) {
	tests := []struct{ name, md, want string }{
		{"names after a sentence", "# T\n\n## Listening\n\nStart early. Check out a podcast or two.\n\n- Robot Talk\n- Sense Think Act\n", "Check out a podcast or two."},
		{"sentences after a sentence", "# T\n\n## Steps\n\nDo this.\n\n- Learn ROS 2 first. It is the base.\n- Then build a robot.\n", ""},
		{"names after a table", "# T\n\n## Tools\n\nSome text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- Gazebo\n- RViz\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := guide.Parse("g.md", []byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			bs := g.Sections[0].Blocks
			last := bs[len(bs)-1]
			if last.Kind != guide.Item || last.Lead != tt.want {
				t.Errorf("last block = %+v; want an item led by %q", last, tt.want)
			}
		})
	}
}

// TestParseListShapes checks the other ways guides introduce and write
// lists: a bold label on its own line, a checklist inside a code fence.
func TestParseListShapes(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string // kind, text and lead of each block
	}{
		{"colon lead", "# T\n\nMust-have skills:\n\n- PyTorch\n- CUDA\n",
			[]string{"paragraph|Must-have skills:|", "item|PyTorch|Must-have skills:", "item|CUDA|Must-have skills:"}},
		{"bold sentence is no label", "# T\n\n**Learn the basics first, then build projects that show impact to employers.**\n\n- a\n",
			[]string{"paragraph|Learn the basics first, then build projects that show impact to employers.|", "item|a|"}},
		{"a paragraph running on into its list", "# T\n\nA good test set is made of\n\n- real tickets\n- hard cases\n",
			[]string{"paragraph|A good test set is made of|", "item|real tickets|A good test set is made of", "item|hard cases|A good test set is made of"}},
		{"a paragraph ending on a full stop leads nothing", "# T\n\nThe set is big.\n\n- a\n",
			[]string{"paragraph|The set is big.|", "item|a|"}},
		{"checklist in a code fence", "# T\n\n```\n- [ ] LeetCode daily\n[x] Mock interviews\nplain line\n```\n",
			[]string{"item|LeetCode daily|", "item|Mock interviews|", "paragraph|plain line|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := guide.Parse("g.md", []byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range g.Sections[0].Blocks {
				got = append(got, b.Kind.String()+"|"+b.Text+"|"+b.Lead)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseRefusals(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"only white space", []byte(" \n\t\n"), "empty"},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "binary"},
		{"too large", bytes.Repeat([]byte("a"), guide.MaxFileBytes+1), "limit"},
		{"no text", []byte("# Only A Title\n"), "no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := guide.Parse("f.md", tt.data)
			if !errors.Is(err, guide.ErrSkipped) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v; want ErrSkipped mentioning %q", err, tt.want)
			}
		})
	}
}

func TestParseWarnings(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		want       string
	}{
		{"invalid UTF-8", "# T\n\n## A\n\nbad \xff byte\n", 5, "UTF-8"},
		{"broken front matter", "---\ntitle: ok\nauthor: [unclosed\n---\n\n# T\n\n## A\n\nText.\n", 2, "front matter"},
		{"unclosed front matter", "---\ntitle: x\n\n# T\n\n## A\n\nText.\n", 1, "not closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, ws, err := guide.Parse("f.md", []byte(tt.text))
			if err != nil {
				t.Fatalf("Parse: %v; want the guide kept", err)
			}
			if len(g.Sections) == 0 {
				t.Errorf("no sections; want the text kept")
			}
			if len(ws) != 1 || ws[0].Line != tt.line || !strings.Contains(ws[0].Message, tt.want) || !strings.HasPrefix(ws[0].String(), "f.md:") {
				t.Errorf("warnings = %v; want one at line %d mentioning %q", ws, tt.line, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"Pay is $1.5M. Dr. Smith agrees.", []string{"Pay is $1.5M.", "Dr. Smith agrees."}},
		{"Use e.g. Python. Then SQL.", []string{"Use e.g. Python.", "Then SQL."}},
		{"no stop at all", []string{"no stop at all"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := guide.Sentences(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Sentences(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParse checks that no input panics and that every section and block
// points at a line inside the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"# T\n\n## A\n\n- x\n- y\n",
		"---\ntitle: x\n---\n# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"Plain Title\n\nSome text. More text.\n\nHeading\n\nBody.\n",
		"```\ncode\n",
		"---\n: : :\n---\n",
		"\xff\xfe# T\n",
		"Title: T\nDate: 2020\n\nText &amp; more \\* [1](x).\n",
		"**1. A**\n- x\n\n<div class=\"mermaid\">\nA --&gt; B\n</div>\nline <br>\n&nbsp; **B** <br>\n",
		"# T\n\nkeep in mind the three: test it on a\n\n- **c**luttered table\n- after 10 intense days\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, _, err := guide.Parse("fuzz.md", data)
		if err != nil {
			if !errors.Is(err, guide.ErrSkipped) {
				t.Fatalf("error %v does not wrap ErrSkipped", err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, s := range g.Sections {
			if s.Line < 1 || s.Line > lines {
				t.Fatalf("section %q at line %d of %d", s.Name(), s.Line, lines)
			}
			for _, b := range s.Blocks {
				if b.Line < 1 || b.Line > lines || b.Text == "" {
					t.Fatalf("block %q at line %d of %d", b.Text, b.Line, lines)
				}
			}
		}
	})
}
