// Package guidegen writes synthetic career guides for benchmarks and
// scale tests: one guide per role and place, in the shapes real guides
// take (front matter or not, salary tables, bullets or prose, staged
// learning paths). The same seed gives the same guides.
package guidegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Guide is one generated guide file.
type Guide struct {
	Name  string // file name
	Title string
	Role  string // "Data Engineer"
	Place string // "Portugal"
	Text  string
	// Senior is the senior salary range the guide states, for checks.
	SeniorMin, SeniorMax int
	Currency             string

	// What the guide states, for Questions: pay per level, the learning
	// path, and (GenerateVaried only) the career ladder, the must-have
	// skills, a course and its price, and the shape of each part.
	Levels []Level
	Stages []Stage
	Ladder []Rung
	Skills []string
	Course string
	Price  int
	Shape  Shapes
}

// Roles and Places are what the guides are about.
var (
	Roles = []string{"Machine Learning Engineer", "Data Scientist", "Data Engineer", "Research Scientist",
		"MLOps Engineer", "NLP Engineer", "Computer Vision Engineer", "Data Analyst", "Analytics Engineer",
		"Robotics Engineer", "Applied Scientist", "BI Developer"}
	Places = []struct{ Name, Currency string }{
		{"United States", "$"}, {"Canada", "CA$"}, {"Mexico", "MXN "}, {"Brazil", "R$"}, {"Argentina", "$"}, {"Chile", "$"},
		{"Ireland", "€"}, {"France", "€"}, {"Germany", "€"}, {"Netherlands", "€"}, {"Belgium", "€"}, {"Switzerland", "CHF "},
		{"Austria", "€"}, {"Italy", "€"}, {"Spain", "€"}, {"Portugal", "€"}, {"Denmark", "DKK "}, {"Sweden", "SEK "},
		{"Norway", "NOK "}, {"Finland", "€"}, {"Poland", "PLN "}, {"Czech Republic", "CZK "}, {"Hungary", "HUF "},
		{"Romania", "€"}, {"Bulgaria", "€"}, {"Greece", "€"}, {"Ukraine", "$"}, {"Estonia", "€"}, {"Latvia", "€"},
		{"Lithuania", "€"}, {"Turkey", "$"}, {"Israel", "₪"}, {"United Arab Emirates", "AED "}, {"Egypt", "$"},
		{"Nigeria", "₦"}, {"Kenya", "$"}, {"South Africa", "ZAR "}, {"India", "₹"}, {"Pakistan", "$"}, {"China", "¥"},
		{"Japan", "¥"}, {"South Korea", "₩"}, {"Singapore", "S$"}, {"Malaysia", "$"}, {"Indonesia", "$"},
		{"Philippines", "$"}, {"Vietnam", "$"}, {"Thailand", "$"}, {"Australia", "A$"}, {"New Zealand", "NZ$"},
		{"United Kingdom", "£"}, {"Berlin", "€"}, {"Munich", "€"}, {"London", "£"}, {"Paris", "€"}, {"Amsterdam", "€"},
		{"Zurich", "CHF "}, {"Dublin", "€"}, {"Madrid", "€"}, {"Lisbon", "€"}, {"Warsaw", "PLN "}, {"Prague", "CZK "},
		{"Bucharest", "€"}, {"Stockholm", "SEK "}, {"Toronto", "CA$"}, {"Vancouver", "CA$"}, {"Seattle", "$"},
		{"New York", "$"}, {"San Francisco", "$"}, {"Austin", "$"}, {"Boston", "$"}, {"Bangalore", "₹"}, {"Tokyo", "¥"},
		{"Seoul", "₩"}, {"Sydney", "A$"}, {"Melbourne", "A$"}, {"Tel Aviv", "₪"}, {"Dubai", "AED "}, {"Lagos", "₦"},
		{"Nairobi", "$"}, {"Cape Town", "ZAR "}, {"Sao Paulo", "R$"}, {"Mexico City", "MXN "}, {"Montreal", "CA$"},
	}
	stages = []string{"Foundations", "Core Modelling", "Production Systems", "Specialisation"}
	tools  = [][]string{{"Python", "SQL", "Git"}, {"scikit-learn", "XGBoost", "PyTorch"},
		{"Docker", "Kubernetes", "Airflow"}, {"LLM fine-tuning", "Computer vision", "Causal inference"}}
	kinds = []string{"Stage", "Phase", "Level", "Step"}
)

// Generate returns n guides, cycling through every role and place.
func Generate(n int, seed uint64) []Guide {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]Guide, 0, n)
	for i := 0; i < n; i++ {
		role := Roles[i%len(Roles)]
		place := Places[(i/len(Roles))%len(Places)]
		out = append(out, one(i, role, place.Name, place.Currency, rng))
	}
	return out
}

func one(i int, role, place, cur string, rng *rand.Rand) Guide {
	g := Guide{Role: role, Place: place, Currency: cur,
		Title: fmt.Sprintf("%s Careers in %s (edition %d)", role, place, i/(len(Roles)*len(Places))+1)}
	g.Name = fmt.Sprintf("%04d-%s-%s.md", i, slug(role), slug(place))
	base := 20 + rng.IntN(80) // thousands a year at junior level
	lv := []struct {
		name     string
		min, max int
	}{{"Junior", base, base * 3 / 2}, {"Mid-level", base * 3 / 2, base * 2}, {"Senior", base * 2, base * 3}, {"Lead", base * 3, base * 4}}
	g.SeniorMin, g.SeniorMax = lv[2].min*1000, lv[2].max*1000
	for _, l := range lv {
		g.Levels = append(g.Levels, Level{Name: l.name, Min: l.min * 1000, Max: l.max * 1000})
	}
	g.Shape = Shapes{Salary: [...]string{"table", "bullets", "prose"}[i%3], Path: "stage-headings"}
	var b strings.Builder
	switch i % 3 {
	case 0:
		fmt.Fprintf(&b, "---\ntitle: %q\nauthor: Generated Author %d\n---\n\n", g.Title, i)
	default:
		fmt.Fprintf(&b, "# %s\n\n", g.Title)
	}
	fmt.Fprintf(&b, "This guide covers %s careers in %s: pay, skills and a learning path for newcomers and experienced people alike.\n\n", strings.ToLower(role), place)
	fmt.Fprintf(&b, "## %s Salaries in %s\n\n", role, place)
	switch i % 3 {
	case 0:
		b.WriteString("| Level | Annual salary |\n|---|---|\n")
		for _, l := range lv {
			fmt.Fprintf(&b, "| %s | %s%s,000 - %s%s,000 |\n", l.name, cur, thousands(l.min), cur, thousands(l.max))
		}
	case 1:
		for _, l := range lv {
			fmt.Fprintf(&b, "- **%s:** %s%dk–%s%dk per year\n", l.name, cur, l.min, cur, l.max)
		}
	default:
		for _, l := range lv {
			fmt.Fprintf(&b, "%s %ss in %s typically earn between %s%s,000 and %s%s,000 a year. ", l.name, strings.ToLower(role), place, cur, thousands(l.min), cur, thousands(l.max))
		}
		b.WriteString("\n")
	}
	kind := kinds[i%len(kinds)]
	b.WriteString("\n## Learning Path\n\n")
	for s, name := range stages {
		st := Stage{Name: name, Duration: fmt.Sprintf("%d-%d months", 2+s, 4+s*2), Topics: tools[s]}
		g.Stages = append(g.Stages, st)
		fmt.Fprintf(&b, "### %s %d: %s (%s)\n\n", kind, s+1, name, st.Duration)
		for _, t := range tools[s] {
			fmt.Fprintf(&b, "- %s\n", t)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "## Day to Day\n\nA %s in %s spends most days with stakeholders, data pipelines and experiments; %d%% of postings ask for cloud experience.\n",
		strings.ToLower(role), place, 40+rng.IntN(50))
	g.Text = b.String()
	return g
}

func thousands(k int) string { return fmt.Sprint(k) }

func slug(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), "-"))
}
