package guide_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/guide"
)

// tree renders a guide as its title, then each section as "path [kind]"
// and each block as "  kind: text", with "<-N" naming an item's parent
// and "{A>B}" each edge it draws.
func tree(g *guide.Guide) string {
	var b strings.Builder
	b.WriteString(g.Title)
	for _, s := range g.Sections {
		fmt.Fprintf(&b, "\n%s [%s", s.Name(), s.Kind)
		if s.Number != "" {
			b.WriteString(" " + s.Number)
		}
		b.WriteString("]")
		for _, bl := range s.Blocks {
			fmt.Fprintf(&b, "\n  %s: %s", bl.Kind, bl.Text)
			if bl.Parent >= 0 {
				fmt.Fprintf(&b, " <-%d", bl.Parent)
			}
			for _, e := range bl.Edges {
				fmt.Fprintf(&b, " {%s>%s}", e.From, e.To)
			}
		}
	}
	return b.String()
}

// TestDialects checks each shape of Markdown in the wild that the document
// model reads: every case is a small guide of our own in that shape.
func TestDialects(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"title from a level-3 first heading", "g.md",
			"### ML Engineer | Pay Guide\n\n**Pay**\n\nSeniors earn more.\n",
			"ML Engineer | Pay Guide\nPay [label]\n  paragraph: Seniors earn more."},
		{"reference definitions with template syntax are definitions", "g.md",
			"# Pay by Region\n\n## Location\n\nPay varies by region.\n\n[![Box plot of pay by region.][region_plot]][region_plot]\n\n" +
				"[region_plot]: {{ file_dir }}/pay_by_region.svg\n\nCalifornia pays the most.\n",
			"Pay by Region\nLocation [heading]\n  paragraph: Pay varies by region.\n  paragraph: California pays the most."},
		{"sentences opening with bold terms are a list written as prose", "g.md",
			"# Robotics Roles\n\n## Soft skills\n\nThree matter most. **Communication** bridges teams. **Patience** survives hardware bugs. **Curiosity** keeps you learning.\n\n" +
				"## Tools\n\n**ROS 2** is the base. Gazebo simulates, and **Foxglove** shows the logs.\n",
			"Robotics Roles\nSoft skills [heading]\n  paragraph: Three matter most.\n  item: Communication bridges teams.\n  item: Patience survives hardware bugs.\n  item: Curiosity keeps you learning.\n" +
				"Tools [heading]\n  paragraph: ROS 2 is the base. Gazebo simulates, and Foxglove shows the logs."},
		{"title from front matter term", "g.md",
			"---\nterm: \"NLP Interview Questions\"\n---\n\n## Overview\n\nText.\n",
			"NLP Interview Questions\nOverview [heading]\n  paragraph: Text."},
		{"front matter's title over several H1s keeps the first H1 as a section", "g.md",
			"---\ntitle: Finding Work\n---\n\n# The Long Wait\n\nIt took months.\n\n# What to Do\n\nApply.\n",
			"Finding Work\nThe Long Wait [heading]\n  paragraph: It took months.\nWhat to Do [heading]\n  paragraph: Apply."},
		{"front matter's title over one H1 drops the H1 that repeats it", "g.md",
			"---\ntitle: Finding Work\n---\n\n# How I Found Work\n\nIt took months.\n\n## What to Do\n\nApply.\n",
			"Finding Work\nIntroduction [heading]\n  paragraph: It took months.\nWhat to Do [heading]\n  paragraph: Apply."},
		{"front matter holding the text: keys are headings, lists items, long strings paragraphs", "g.md",
			"---\ntitle: Analyst Ladder\nlayout: page\ndescription: \"A page about the ladder for the analysts in our team.\"\ntags: [career, ladder]\nlevels: 2\nsummary_note: \"The ladder says what each analyst level is trusted to do on their own.\"\n" +
				"areas:\n  - name: craft\n    content:\n      - level: 1\n        criteria:\n          - \"You write queries others have scoped.\"\n          - \"You check your numbers with a peer.\"\n" +
				"      - level: 2\n        criteria:\n          - \"Coming soon\"\n  - name: people\n    content:\n      - level: 1\n        criteria:\n---\n\n## About\n\nA guide, not a checklist.\n",
			"Analyst Ladder\nSummary note [heading]\n  paragraph: The ladder says what each analyst level is trusted to do on their own.\n" +
				"Areas [heading]\nAreas › Craft [heading]\nAreas › Craft › Level 1 [heading]\n  item: You write queries others have scoped.\n  item: You check your numbers with a peer.\n" +
				"Areas › Craft › Level 2 [heading]\n  item: Coming soon\nAbout [heading]\n  paragraph: A guide, not a checklist."},
		{"a generic first heading is no title", "my-notes.md",
			"## Introduction\n\nText.\n\n## Pay\n\nMore.\n",
			"My notes\nIntroduction [heading]\n  paragraph: Text.\nPay [heading]\n  paragraph: More."},
		{"mkdocs tabs are sub-sections with their bodies", "g.md",
			"# G\n\n## Entry Points\n\n=== \"From Analyst\"\n\n    **Timeline:** 3-6 months\n\n    - Learn dbt\n\n=== \"Self-Taught\"\n\n    Timeline: 6-9 months\n\nAfter the tabs.\n",
			"G\nEntry Points [heading]\nEntry Points › From Analyst [tab]\n  paragraph: Timeline: 3-6 months\n  item: Learn dbt\nEntry Points › Self-Taught [tab]\n  paragraph: Timeline: 6-9 months\nEntry Points [heading]\n  paragraph: After the tabs."},
		{"a titled admonition is a sub-section, an untitled one only loses its marker", "g.md",
			"# G\n\n## PhD\n\n!!! warning \"PhD Commitment\"\n    A PhD takes 4-6 years.\n\n??? note\n    Funding varies.\n",
			"G\nPhD [heading]\nPhD › PhD Commitment [aside]\n  paragraph: A PhD takes 4-6 years.\nPhD [heading]\n  paragraph: Funding varies."},
		{"GitHub callouts lose their marker", "g.md",
			"# G\n\n## Excel\n\n> [!IMPORTANT]\n> Excel is tested in every interview.\n",
			"G\nExcel [heading]\n  paragraph: Excel is tested in every interview."},
		{"a mermaid graph is its nodes and edges", "g.md",
			"# G\n\n## Progression\n\n```mermaid\ngraph LR\n    A[Junior Engineer<br/>£40K<br/>0-2 years] --> B[Senior Engineer<br/>4+ years]\n    B --> C[Staff Engineer]\n    style A fill:#fff\n```\n",
			"G\nProgression [heading]\n  item: Junior Engineer — £40K, 0-2 years\n  item: Senior Engineer — 4+ years\n  edge: Junior Engineer → Senior Engineer {Junior Engineer>Senior Engineer}\n  edge: Senior Engineer → Staff Engineer {Senior Engineer>Staff Engineer}"},
		{"bold labels head sections; a label line heads the text below it", "g.md",
			"# G\n\n## Academic Path\n\n**Positions**:\n- Postdoc\n- Professor\n\n**Timeline**\nA PhD takes 4-6 years.\n",
			"G\nAcademic Path [heading]\nAcademic Path › Positions [label]\n  item: Postdoc\n  item: Professor\nAcademic Path › Timeline [label]\n  paragraph: A PhD takes 4-6 years."},
		{"a label under an empty label is a part of it", "g.md",
			"# G\n\n## Ladder\n\n**Level 2 - Senior Platform Engineer**\n\n**Duties:**\n\n- Own the build system\n\n**Pay:** $150K-190K\n\n**Level 3 - Staff Engineer**\n\n**Duties:**\n\n- Set direction\n",
			"G\nLadder [heading]\nLadder › Level 2 - Senior Platform Engineer [label]\nLadder › Level 2 - Senior Platform Engineer › Duties [label]\n  item: Own the build system\n  paragraph: Pay: $150K-190K\nLadder › Level 3 - Staff Engineer [label]\nLadder › Level 3 - Staff Engineer › Duties [label]\n  item: Set direction"},
		{"a run of labelled paragraphs is a list", "g.md",
			"# G\n\n## Soft skills\n\nPatience: hardware breaks often, and you wait.\n\nWriting: clear notes save the next person.\n\nCuriosity — ask why a model fails.\n\nThat is all.\n",
			"G\nSoft skills [heading]\n  item: Patience: hardware breaks often, and you wait.\n  item: Writing: clear notes save the next person.\n  item: Curiosity — ask why a model fails.\n  paragraph: That is all."},
		{"two labelled paragraphs stay prose", "g.md",
			"# G\n\n## Pay\n\nNote: figures are yearly.\n\nSource: our survey.\n",
			"G\nPay [heading]\n  paragraph: Note: figures are yearly.\n  paragraph: Source: our survey."},
		{"entities and backslash escapes are the characters they stand for", "g.md",
			"# G\n\n## Why I&#8217;m here\n\nIt&#8217;s W\\&B &amp; DVC &#8211; not `a\\&b`.\n",
			"G\nWhy I’m here [heading]\n  paragraph: It’s W&B & DVC – not a\\&b."},
		{"a rule under a preamble of several lines is a rule, not their heading", "g.md",
			"# Plan\n\n**Pace:** 5 hrs/day\n**Length:** 12 weeks\n---\n\n## Week 1\n\nSQL.\n\nOne line\n---\n\nText.\n",
			"Plan\nIntroduction [heading]\n  paragraph: Pace: 5 hrs/day\n  paragraph: Length: 12 weeks\nWeek 1 [heading]\n  paragraph: SQL.\nOne line [heading]\n  paragraph: Text."},
		{"an FAQ question in HTML bold heads its answer", "g.md",
			"# G\n\n<b id=\"phd\">Do I need a PhD?</b>\n\n<p class=\"a\">\n  No. Most roles ask for projects.\n</p>\n\n<strong>Is SQL <code>enough</code>?</strong>\n\nNot on its own.\n\n<b>Odd</b> words after it.\n",
			"G\nDo I need a PhD? [question]\n  paragraph: No. Most roles ask for projects.\nIs SQL enough? [question]\n  paragraph: Not on its own.\n  paragraph: Odd words after it."},
		{"a bold FAQ question heads its answer", "g.md",
			"# G\n\n## FAQ\n\n**Do I need a PhD?**\n\nNo. Most roles ask for projects.\n\n**Is SQL enough?**\nNot on its own.\n",
			"G\nFAQ [heading]\nFAQ › Do I need a PhD? [question]\n  paragraph: No. Most roles ask for projects.\nFAQ › Is SQL enough? [question]\n  paragraph: Not on its own."},
		{"numbered headings keep their numbers apart", "g.md",
			"# Roadmap\n\n# 1. Python Programming\n\nBasics.\n\n# 2. OpenCV\n\n### b. **Backend Development**\n\n- Flask\n",
			"Roadmap\nPython Programming [heading 1]\n  paragraph: Basics.\nOpenCV [heading 2]\nOpenCV › Backend Development [heading b]\n  item: Flask"},
		{"nested items know their parent", "g.md",
			"# G\n\n## Plan\n\n1. **Skill Development (6 months):**\n    * **Python:**\n        * NumPy\n    * Statistics\n2. Projects\n",
			"G\nPlan [heading]\n  item: Skill Development (6 months):\n  item: Python: <-0\n  item: NumPy <-1\n  item: Statistics <-0\n  item: Projects"},
		{"a plan in a fence is text; its items nest", "g.md",
			"# G\n\n## Week 1\n\n```\nFocus On:\n- SQL joins\n  - window functions\n- Pandas\n```\n",
			"G\nWeek 1 [heading]\n  paragraph: Focus On:\n  item: SQL joins\n  item: window functions <-1\n  item: Pandas"},
		{"a list in a python fence is text, a program is not", "g.md",
			"# G\n\n## Skills\n\n```python\n# What you MUST know:\n- FastAPI for serving\n- Docker\n```\n\n```python\nimport pandas as pd\ndf = pd.read_csv(\"x\")\nprint(df)\n```\n",
			"G\nSkills [heading]\n  paragraph: What you MUST know:\n  item: FastAPI for serving\n  item: Docker"},
		{"configuration in a fence is code", "g.md",
			"# G\n\n## Tests\n\n```yaml\nmodels:\n  - name: stg_orders\n    tests:\n      - unique\n```\n\nTests run daily.\n",
			"G\nTests [heading]\n  paragraph: Tests run daily."},
		{"figures in a fence are text", "g.md",
			"# G\n\n## Pay\n\n```\njunior:    €40,000 - €50,000 / year\nsenior:    €70,000 - €90,000 / year\n```\n",
			"G\nPay [heading]\n  paragraph: junior: €40,000 - €50,000 / year\n  paragraph: senior: €70,000 - €90,000 / year"},
		{"an ASCII tree is labels and the steps to them", "g.md",
			"# G\n\n## Ladder\n\n```\nSenior Engineer\n  └─> Staff Engineer\n        ├─> Principal\n        └─> Manager\n```\n",
			"G\nLadder [heading]\n  item: Senior Engineer\n  item: Staff Engineer <-0 {Senior Engineer>Staff Engineer}\n  item: Principal <-1 {Staff Engineer>Principal}\n  item: Manager <-1 {Staff Engineer>Manager}"},
		{"a flow drawn with boxes and down arrows", "g.md",
			"# G\n\n## Pipeline\n\n```\n[Data Sources]\n    ↓\n[Feature Store]\n    ↓\n[Model Registry]\n```\n",
			"G\nPipeline [heading]\n  item: Data Sources\n  item: Feature Store {Data Sources>Feature Store}\n  item: Model Registry {Feature Store>Model Registry}"},
		{"arrows in a line draw steps", "g.md",
			"# G\n\n## Growth\n\n- **Career Progression**: Analyst → Senior Analyst → Lead\n",
			"G\nGrowth [heading]\n  item: Career Progression: Analyst → Senior Analyst → Lead {Analyst>Senior Analyst} {Senior Analyst>Lead}"},
		{"an HTML block is read as units", "g.md",
			"# G\n\n<div class=\"box\">\n  <h2>🎓 Objectives</h2>\n  <ul>\n    <li>Understand research paths</li>\n    <li>Learn about <b>PhD</b> applications</li>\n  </ul>\n</div>\n\n## Next\n\nText.\n",
			"G\nObjectives [heading]\n  item: Understand research paths\n  item: Learn about PhD applications\nNext [heading]\n  paragraph: Text."},
		{"details around Markdown is a titled sub-section", "g.md",
			"# G\n\n## Roadmap\n\n<details>\n<summary>Month 1: SQL</summary>\n\n- Joins\n- Window functions\n\n</details>\n\nAfter.\n",
			"G\nRoadmap [heading]\nRoadmap › Month 1: SQL [aside]\n  item: Joins\n  item: Window functions\nRoadmap [heading]\n  paragraph: After."},
		{"labelled lines of one paragraph are units of their own", "g.md",
			"# G\n\n## Drift\n\n**Problem**: models degrade\n**Solution**: retrain\n",
			"G\nDrift [heading]\n  paragraph: Problem: models degrade\n  paragraph: Solution: retrain"},
		{"templates, attribute lists and icons are not text", "g.md",
			"# G\n\n## Learn\n\n{% include toc.html %}\n\n- :fontawesome-solid-book: dbt Learn - free\n\nRead [the tutorial](x.md){ .md-button } first.\n",
			"G\nLearn [heading]\n  item: dbt Learn - free\n  paragraph: Read the tutorial first."},
		{"a bold first line titles a file whose headings are all below level 1", "g.md",
			"**Data Engineer Roadmap**\n\n### Month 1\n\nSQL joins.\n",
			"Data Engineer Roadmap\nMonth 1 [heading]\n  paragraph: SQL joins."},
		{"a mermaid graph in an HTML div is a mermaid fence", "g.md",
			"# G\n\n## Ladder\n\n<div class=\"mermaid\">\ngraph LR\n  A[Analyst] --&gt; B[Lead Analyst]\n</div>\n",
			"G\nLadder [heading]\n  edge: Analyst → Lead Analyst {Analyst>Lead Analyst}"},
		{"a mermaid div never closed is left as HTML, not read for ever", "g.md",
			"# G\n\n## Ladder\n\n<div class=\"mermaid\">\nA --&gt; B\n\nThe end.\n",
			"G\nLadder [heading]\n  paragraph: A --> B {A>B}\n  paragraph: The end."},
		{"short lines ended by hard breaks under a colon are a list", "g.md",
			"# G\n\n## Skills\n\nThe core skills are: <br>\n&nbsp; **SQL** <br>\n&nbsp; **Python** <br>\n&nbsp; **Airflow** <br>\n<br>\nPractice daily.\n",
			"G\nSkills [heading]\n  paragraph: The core skills are:\n  item: SQL\n  item: Python\n  item: Airflow\n  paragraph: Practice daily."},
		{"a link that is only a reference number is no text", "g.md",
			"# G\n\n## Demand\n\nJobs will grow by 36 percent, says the BLS [2](https://example.com/bls). See [the survey](https://example.com/s).\n",
			"G\nDemand [heading]\n  paragraph: Jobs will grow by 36 percent, says the BLS. See the survey."},
		{"a Pelican or MultiMarkdown metadata header names the guide", "post.md",
			"Title: Leaving Academia for ML\nDate: 2021-03-04 10:00\nAuthor: A. Writer\n\nI left my postdoc after two years.\n\n## Money\n\nIt paid better.\n",
			"Leaving Academia for ML\nIntroduction [heading]\n  paragraph: I left my postdoc after two years.\nMoney [heading]\n  paragraph: It paid better."},
		{"labelled lines that are no metadata stay text", "notes.md",
			"Note: figures are yearly.\nSource: our survey.\n\n## Pay\n\nText.\n",
			"Pay\nIntroduction [heading]\n  paragraph: Note: figures are yearly. Source: our survey.\n  paragraph: Text."},
		{"a numbered bold first line is the first section, not the title", "panel-notes.md",
			"**1. Getting Started**\n- How did you start?\n\n**2. Skills**\n- SQL first.\n\n### Later\n\nText.\n",
			"Panel notes\nGetting Started [label]\n  item: How did you start?\nSkills [label]\n  item: SQL first.\nLater [heading]\n  paragraph: Text."},
		{"a numbered bold first line of a file with no headings is no title either", "panel-notes.md",
			"**1. Getting Started**\n- How did you start?\n\n**2. Skills**\n- SQL first.\n",
			"Panel notes\nGetting Started [heading 1]\n  item: How did you start?\nSkills [heading 2]\n  item: SQL first."},
		{"images carry no text", "g.md",
			"# G\n\n## A\n\n![1685620024589](https://example.com/x.png)\n\nText.\n",
			"G\nA [heading]\n  paragraph: Text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := guide.Parse(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := tree(g); got != tt.want {
				t.Errorf("tree =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestHTMLPage checks that a saved HTML page reads as its Markdown twin:
// the title from <title>, the article's text without the page's chrome.
func TestHTMLPage(t *testing.T) {
	page := `<!DOCTYPE html>
<html><head><title>Becoming a Data Engineer</title><style>p{}</style></head>
<body>
<nav><a href="/">Home</a> <a href="/blog">Blog</a></nav>
<div class="sidebar">Subscribe to our newsletter</div>
<article>
<h1>Becoming a Data Engineer</h1>
<p>Most data engineers start as analysts.</p>
<h2>Pay</h2>
<table><tr><th>Level</th><th>Salary</th></tr><tr><td>Junior</td><td>$80,000</td></tr></table>
<h2>Skills</h2>
<ul><li>SQL<ul><li>window functions</li></ul></li><li>Python</li></ul>
<details><summary>Do I need a degree?</summary><p>No, projects count more.</p></details>
</article>
<footer>© 2025</footer>
<script>var x = 1;</script>
</body></html>`
	g, _, err := guide.Parse("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "Becoming a Data Engineer\nIntroduction [heading]\n  paragraph: Most data engineers start as analysts.\nPay [heading]\n  row: Junior — Salary: $80,000\nSkills [heading]\n  item: SQL\n  item: window functions <-0\n  item: Python\nSkills › Do I need a degree? [aside]\n  paragraph: No, projects count more."
	if got := tree(g); got != want {
		t.Errorf("tree =\n%s\nwant\n%s", got, want)
	}
	for _, s := range g.Sections {
		for _, b := range s.Blocks {
			if b.Line < 1 || b.Line > 20 {
				t.Errorf("block %q at line %d; want a line of the page", b.Text, b.Line)
			}
		}
	}
}
