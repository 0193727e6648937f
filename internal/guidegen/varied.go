package guidegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Level is one level's yearly pay as a guide states it, in the guide's
// currency. Alt is the same level in a second column (a bigger company tier)
// when the guide has one.
type Level struct {
	Name             string // "Senior"
	Min, Max         int
	AltMin, AltMax   int
	Rung             string // the ladder title the level is written as, if any
	HasAlt, ByHeader bool
}

// Stage is one stage of a guide's learning path.
type Stage struct {
	Name     string // "Core Modelling"
	Duration string // "3-6 months"
	// Span is how the guide writes the stage's place in time when it does
	// not write its duration ("Month 3-5").
	Span   string
	Topics []string
}

// Rung is one role of a guide's career ladder.
type Rung struct {
	Title string // "Senior Data Engineer"
	Years string // "4-7 yrs", "" when not given
}

// Shapes says which form each part of a guide takes, so a report can group
// results by shape.
type Shapes struct {
	Salary, Path, Ladder, Skills, Price string
}

// The forms GenerateVaried draws from, named as Shapes reports them.
var (
	salaryShapes = []string{"table", "bullets", "prose", "tiers", "base-total", "code", "level-headings"}
	pathShapes   = []string{"stage-headings", "numbered-roadmap", "duration-headings", "month-lines"}
	ladderShapes = []string{"arrows", "tree", "progression-list", "level-headings"}
	skillShapes  = []string{"heading-list", "emoji-bold", "checklist", "sentence", "table"}
	priceShapes  = []string{"beside-salaries", "courses-section", "price-table"}
)

// Pools the varied guides draw names from. Each stage has its own tools,
// so a tool names the stage that teaches it.
var (
	stagePool = [][]string{
		{"Foundations", "Groundwork", "Programming Essentials", "First Principles", "Toolbox Basics"},
		{"Core Modelling", "Data Wrangling", "Statistics and Experiments", "Classical Learning", "Analysis Core"},
		{"Production Systems", "Pipelines and Deployment", "Cloud and Scale", "Operating Models", "Serving at Scale"},
		{"Specialisation", "Research Track", "Domain Depth", "Advanced Topics", "Technical Leadership"},
	}
	toolPool = [][]string{
		{"Python", "SQL", "Git", "Bash", "NumPy", "pandas", "Linux", "Excel"},
		{"scikit-learn", "XGBoost", "PyTorch", "statsmodels", "TensorFlow", "LightGBM", "Keras", "Polars"},
		{"Docker", "Kubernetes", "Airflow", "Terraform", "MLflow", "Spark", "Kafka", "FastAPI"},
		{"LLM fine-tuning", "causal inference", "reinforcement learning", "graph neural networks", "time series forecasting", "speech recognition"},
	}
	skillPool = []string{"stakeholder communication", "A/B testing", "data modelling", "dashboard design", "code review",
		"query optimisation", "technical writing", "experiment design", "data quality checks", "cloud cost control",
		"feature engineering", "incident response"}
	topRungs  = []string{"Staff", "Lead", "Principal"}
	headRungs = []string{"Engineering Manager", "Head of Data", "Director of Analytics", "VP of Data"}
	years     = []string{"0-2", "2-4", "4-7", "7+"}
)

// GenerateVaried returns n guides like Generate's, each drawing the form of
// its pay, learning path, career ladder, skill list and course price from
// the shapes real guides use (tables across company tiers, base and total
// columns, headings with years, arrows and ASCII trees, checklists, prices
// beside salaries). It records what each guide states, for Questions. The
// same seed gives the same guides.
func GenerateVaried(n int, seed uint64) []Guide {
	rng := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	out := make([]Guide, 0, n)
	for i := range n {
		place := Places[(i/len(Roles))%len(Places)]
		out = append(out, varied(i, Roles[i%len(Roles)], place.Name, place.Currency, rng))
	}
	return out
}

func varied(i int, role, place, cur string, rng *rand.Rand) Guide {
	lower := strings.ToLower(role)
	g := Guide{Role: role, Place: place, Currency: cur}
	edition := i/(len(Roles)*len(Places)) + 1
	switch rng.IntN(3) {
	case 0:
		g.Title = fmt.Sprintf("%s Careers in %s (edition %d)", role, place, edition)
	case 1:
		g.Title = fmt.Sprintf("Becoming %s in %s, edition %d", article(role), place, edition)
	default:
		g.Title = fmt.Sprintf("%s in %s: Pay, Skills and Path (%d)", role, place, edition)
	}
	g.Name = fmt.Sprintf("%04d-%s-%s.md", i, slug(role), slug(place))
	g.Shape = Shapes{
		Salary: pick(rng, salaryShapes), Path: pick(rng, pathShapes), Ladder: pick(rng, ladderShapes),
		Skills: pick(rng, skillShapes), Price: pick(rng, priceShapes),
	}
	// Headings with years carry both the ladder and the pay, or neither.
	if g.Shape.Ladder == "level-headings" {
		g.Shape.Salary = "level-headings"
	} else if g.Shape.Salary == "level-headings" {
		g.Shape.Salary = "table"
	}

	top := pick(rng, topRungs)
	for k, p := range []string{"Junior ", "", "Senior ", top + " "} {
		g.Ladder = append(g.Ladder, Rung{p + role, years[k] + " yrs"})
	}
	if rng.IntN(2) == 0 {
		g.Ladder = append(g.Ladder, Rung{Title: pick(rng, headRungs)})
	}
	base := 20 + rng.IntN(80)
	for k, name := range []string{"Junior", "Mid-level", "Senior", "Lead"} {
		lo, hi := base*(2+k)/2, base*(3+k)/2
		l := Level{Name: name, Min: lo * 1000, Max: hi * 1000, Rung: g.Ladder[k].Title}
		if g.Shape.Salary == "tiers" {
			l.HasAlt, l.AltMin, l.AltMax = true, lo*1300, hi*1300
		}
		g.Levels = append(g.Levels, l)
	}
	g.SeniorMin, g.SeniorMax = g.Levels[2].Min, g.Levels[2].Max

	nStages := 3 + rng.IntN(2)
	weeks := g.Shape.Path == "numbered-roadmap" && rng.IntN(2) == 0
	for s := range nStages {
		from, unit := 1+rng.IntN(3), "months"
		if weeks {
			from, unit = 2+rng.IntN(6), "weeks"
		}
		g.Stages = append(g.Stages, Stage{
			Name:     pick(rng, stagePool[s]),
			Duration: fmt.Sprintf("%d-%d %s", from, from+1+rng.IntN(4), unit),
			Topics:   sample(rng, toolPool[s], 3),
		})
	}
	g.Skills = sample(rng, skillPool, 4+rng.IntN(2))
	g.Course = role + " Bootcamp"
	g.Price = (15 + rng.IntN(45)) * 100

	var b strings.Builder
	if i%3 == 0 {
		fmt.Fprintf(&b, "---\ntitle: %q\nauthor: Generated Author %d\n---\n\n", g.Title, i)
	} else {
		fmt.Fprintf(&b, "# %s\n\n", g.Title)
	}
	fmt.Fprintf(&b, "Written for people who want to work as %s in %s: what it pays, how the career grows, what to learn and in which order.\n\n", article(lower), place)
	writePay(&b, &g, rng)
	writePath(&b, &g)
	writeLadder(&b, &g)
	writeSkills(&b, &g)
	if g.Shape.Price != "beside-salaries" {
		writePrice(&b, &g)
	}
	fmt.Fprintf(&b, "## Day to Day\n\nThe %s in %s splits the week between stakeholders, data and reviews; %d%% of postings ask for cloud experience.\n",
		lower, place, 40+rng.IntN(50))
	g.Text = b.String()
	return g
}

// money writes an amount the way the guide's currency is written.
func money(cur string, n int) string { return cur + grouped(n) }

func grouped(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func writePay(b *strings.Builder, g *Guide, rng *rand.Rand) {
	cur := g.Currency
	var h string
	switch rng.IntN(3) {
	case 0:
		h = fmt.Sprintf("## %s Salaries in %s\n\n", g.Role, g.Place)
	case 1:
		h = fmt.Sprintf("## 💰 What %s earns in %s\n\n", article(g.Role), g.Place)
	default:
		h = "## Pay\n\n"
	}
	switch g.Shape.Salary {
	case "level-headings":
		return // written with the ladder
	case "table":
		b.WriteString(h + "| Level | Annual salary |\n|---|---|\n")
		for _, l := range g.Levels {
			fmt.Fprintf(b, "| %s | %s - %s |\n", l.Name, money(cur, l.Min), money(cur, l.Max))
		}
	case "bullets":
		b.WriteString(h)
		for _, l := range g.Levels {
			fmt.Fprintf(b, "- **%s:** %s%dk–%s%dk per year\n", l.Name, cur, l.Min/1000, cur, l.Max/1000)
		}
	case "prose":
		b.WriteString(h)
		for _, l := range g.Levels {
			fmt.Fprintf(b, "%s %ss in %s typically earn between %s and %s a year. ", l.Name, strings.ToLower(g.Role), g.Place, money(cur, l.Min), money(cur, l.Max))
		}
		b.WriteString("\n")
	case "tiers":
		b.WriteString(h + "Yearly pay by level and kind of employer.\n\n| Level | Local company | Global company |\n|---|---|---|\n")
		for _, l := range g.Levels {
			fmt.Fprintf(b, "| %s | %s–%s | %s–%s |\n", l.Name, money(cur, l.Min), money(cur, l.Max), money(cur, l.AltMin), money(cur, l.AltMax))
		}
	case "base-total":
		b.WriteString(h + "| Level | Base salary | Total compensation |\n|---|---|---|\n")
		for _, l := range g.Levels {
			fmt.Fprintf(b, "| %s | %s - %s | %s - %s |\n", l.Name, money(cur, l.Min), money(cur, l.Max), money(cur, l.Min*13/10), money(cur, l.Max*13/10))
		}
	case "code":
		b.WriteString(h + "```\n")
		for _, l := range g.Levels {
			fmt.Fprintf(b, "%-10s %s - %s / year\n", strings.ToLower(l.Name)+":", money(cur, l.Min), money(cur, l.Max))
		}
		b.WriteString("```\n")
	}
	if g.Shape.Price == "beside-salaries" {
		fmt.Fprintf(b, "\n- The %s (12 weeks) costs %s\n", g.Course, money(cur, g.Price))
	}
	fmt.Fprintf(b, "\nOffers in the largest city run %d.%dx–%d.%dx these figures; remote roles for foreign employers add +%d %%.\n\n",
		1, 1+rng.IntN(3), 1, 4+rng.IntN(4), 10+5*rng.IntN(3))
}

func writePath(b *strings.Builder, g *Guide) {
	switch g.Shape.Path {
	case "stage-headings":
		b.WriteString("## Learning Path\n\n")
		for s, st := range g.Stages {
			fmt.Fprintf(b, "### Stage %d: %s (%s)\n\n", s+1, st.Name, st.Duration)
			for _, t := range st.Topics {
				fmt.Fprintf(b, "- %s\n", t)
			}
			b.WriteString("\n")
		}
	case "numbered-roadmap":
		b.WriteString("## Roadmap\n\n")
		for s, st := range g.Stages {
			fmt.Fprintf(b, "%d. %s (%s): %s\n", s+1, st.Name, st.Duration, strings.Join(st.Topics, ", "))
		}
		b.WriteString("\n")
	case "duration-headings":
		b.WriteString("## What to Learn, in Order\n\n")
		for _, st := range g.Stages {
			fmt.Fprintf(b, "### %s (%s)\n\n%s.\n\n", st.Name, st.Duration, strings.Join(st.Topics, ", "))
		}
	case "month-lines":
		b.WriteString("## Study Plan\n\n")
		m := 1
		for s := range g.Stages {
			st := &g.Stages[s]
			var n int
			fmt.Sscanf(st.Duration, "%d", &n)
			st.Duration, st.Span = fmt.Sprintf("%d months", n), fmt.Sprintf("Month %d-%d", m, m+n-1)
			if n == 1 {
				st.Duration, st.Span = "1 month", fmt.Sprintf("Month %d", m)
			}
			fmt.Fprintf(b, "%s: %s: %s.\n\n", st.Span, st.Name, strings.Join(st.Topics, ", "))
			m += n
		}
	}
}

func writeLadder(b *strings.Builder, g *Guide) {
	titled := func(r Rung) string {
		if r.Years == "" {
			return r.Title
		}
		return fmt.Sprintf("%s (%s)", r.Title, r.Years)
	}
	switch g.Shape.Ladder {
	case "arrows":
		var parts []string
		for _, r := range g.Ladder {
			parts = append(parts, titled(r))
		}
		fmt.Fprintf(b, "## Career Ladder\n\n%s\n\n", strings.Join(parts, " → "))
	case "tree":
		b.WriteString("## How the Role Grows\n\n```\n" + titled(g.Ladder[0]) + "\n")
		for k, r := range g.Ladder[1:] {
			fmt.Fprintf(b, "%s└─> %s\n", strings.Repeat("     ", k), titled(r))
		}
		b.WriteString("```\n\n")
	case "progression-list":
		b.WriteString("## Career progression\n\n")
		for k, r := range g.Ladder {
			fmt.Fprintf(b, "%d. %s\n", k+1, titled(r))
		}
		b.WriteString("\n")
	case "level-headings":
		b.WriteString("## Levels\n\n")
		for k, r := range g.Ladder {
			fmt.Fprintf(b, "### %s\n\n", strings.Replace(titled(r), "yrs", "years", 1))
			if k < len(g.Levels) {
				l := &g.Levels[k]
				l.ByHeader = true
				fmt.Fprintf(b, "Owns a wider scope than the step before.\n\n**Pay:** %s–%s a year\n\n", money(g.Currency, l.Min), money(g.Currency, l.Max))
			} else {
				b.WriteString("Leads the people and the plan.\n\n")
			}
		}
		if g.Shape.Price == "beside-salaries" {
			fmt.Fprintf(b, "- The %s (12 weeks) costs %s\n\n", g.Course, money(g.Currency, g.Price))
		}
	}
}

func writeSkills(b *strings.Builder, g *Guide) {
	switch g.Shape.Skills {
	case "heading-list":
		b.WriteString("## Must-have skills\n\n")
		for _, s := range g.Skills {
			fmt.Fprintf(b, "- %s\n", s)
		}
	case "emoji-bold":
		b.WriteString("## Skills\n\n**🛠️ Must-have:**\n")
		for _, s := range g.Skills {
			fmt.Fprintf(b, "- **%s**\n", s)
		}
	case "checklist":
		b.WriteString("## Skills checklist\n\n")
		for _, s := range g.Skills {
			fmt.Fprintf(b, "- [ ] %s\n", s)
		}
	case "sentence":
		last := len(g.Skills) - 1
		fmt.Fprintf(b, "## Skills\n\nEvery %s in %s is expected to bring %s and %s.\n", strings.ToLower(g.Role), g.Place,
			strings.Join(g.Skills[:last], ", "), g.Skills[last])
	case "table":
		b.WriteString("## Skills\n\n| Skill | Why it matters |\n|---|---|\n")
		for _, s := range g.Skills {
			fmt.Fprintf(b, "| %s | asked in most interviews |\n", s)
		}
	}
	b.WriteString("\n")
}

func writePrice(b *strings.Builder, g *Guide) {
	p := money(g.Currency, g.Price)
	switch g.Shape.Price {
	case "courses-section":
		fmt.Fprintf(b, "## Courses\n\nThe %s (12 weeks) costs %s; most people pay it from savings.\n\n", g.Course, p)
	case "price-table":
		fmt.Fprintf(b, "## Courses\n\n| Course | Price | Length |\n|---|---|---|\n| %s | %s | 12 weeks |\n\n", g.Course, p)
	}
}

// article puts "a" or "an" before a noun phrase.
func article(s string) string {
	if strings.ContainsRune("aeiouAEIOU", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// sample returns k of xs in their order.
func sample(rng *rand.Rand, xs []string, k int) []string {
	idx := rng.Perm(len(xs))[:k]
	var out []string
	for j, x := range xs {
		for _, i := range idx {
			if i == j {
				out = append(out, x)
			}
		}
	}
	return out
}
