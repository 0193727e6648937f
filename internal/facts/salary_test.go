package facts_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/facts"
	"github.com/careerbot/careerbot/internal/guide"
)

// extract parses a small markdown guide and returns its salary facts.
func extract(t *testing.T, md string) []facts.Salary {
	t.Helper()
	g, _, err := guide.Parse("test.md", []byte(md))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return facts.Extract(g).Salaries
}

// brief renders the fields a test checks: "senior Romania EUR month 4500-8000".
func brief(s facts.Salary) string {
	var f []string
	for _, v := range []string{s.Role, string(s.Level), s.Region.Name, s.Currency, s.Period, s.Basis} {
		if v != "" {
			f = append(f, v)
		}
	}
	r := fmt.Sprintf("%g-%g", s.Min, s.Max)
	if s.Plus {
		r += "+"
	}
	if s.Premium {
		r += "%"
	}
	return strings.Join(append(f, r), " ")
}

func TestSalaryFigures(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []string
	}{
		{"euro bullets with month", "# G\n\n## Salaries\n\n### Romania\n- **Senior:** €4,500-€8,000/month\n- **Lead/Principal:** €8,000+/month\n",
			[]string{"senior Romania EUR month 4500-8000", "lead Romania EUR month 8000-0"}},
		{"K suffix and annual", "# G\n\n## Pay\n\nSenior ML engineers earn $130K to $160K annually.\n",
			[]string{"machine learning engineer senior USD year 130000-160000"}},
		{"suffix written once", "# G\n\n## Pay\n\nJunior data scientists: 60k–80k EUR per year.\n",
			[]string{"data scientist junior EUR year 60000-80000"}},
		{"millions", "# G\n\n## Pay\n\nPrincipal scientists can reach $1.2M in total compensation.\n",
			[]string{"scientist lead USD total 0-1.2e+06"}},
		{"code and symbol prefix", "# G\n\n## Canada\n\nMid-level salary: CA$95,000 per year.\n",
			[]string{"mid Canada CAD year 95000-95000"}},
		{"between without currency", "# G\n\n## Salary\n\nEntry-level analysts earn between 70,000 and 95,000 a year.\n",
			[]string{"analyst junior year 70000-95000"}},
		{"hourly and daily", "# G\n\n## Contracting rates\n\nFreelancers charge $80-$120/hour; contractors in London get £500-£750 per day.\n",
			[]string{"USD hour 80-120", "London GBP day 500-750"}},
		{"base salary", "# G\n\n## Pay\n\nBase salary for a senior engineer in Germany is €90,000 a year.\n",
			[]string{"engineer senior Germany EUR year base 90000-90000"}},
		{"table roles by levels", "# G\n\n## Salaries in Spain\n\n| Role | Junior | Senior |\n|---|---|---|\n| ML Engineer | €30k–€40k | €60k–€80k |\n",
			[]string{"machine learning engineer junior Spain EUR 30000-40000", "machine learning engineer senior Spain EUR 60000-80000"}},
		{"table levels by countries", "# G\n\n## Salaries by country\n\n| Level | Germany (EUR) | India (INR) |\n|---|---|---|\n| Junior | 55k | 9 LPA |\n| 3-5 yrs | 70k | 20 LPA |\n",
			[]string{"junior Germany EUR 55000-55000", "junior India INR year 900000-900000", "mid Germany EUR 70000-70000", "mid India INR year 2e+06-2e+06"}},
		{"space-grouped thousands", "# G\n\n## Sweden\n\n- Senior data scientist — 60 000–75 000 SEK per month\n",
			[]string{"data scientist senior Sweden SEK month 60000-75000"}},
		{"lakhs", "# G\n\n## India\n\n- Senior ML engineer: ₹45–80 LPA\n",
			[]string{"machine learning engineer senior India INR year 4.5e+06-8e+06"}},
		{"lakhs as a capitalised word", "# G\n\n## Pune\n\n- **Mid-level data scientist**: about ₹14.5 Lakhs a year\n- **Range**: ₹6.5L – ₹21L annually\n",
			[]string{"data scientist mid Pune INR year 1.45e+06-1.45e+06", "Pune INR year 650000-2.1e+06"}},
		{"base salaries beside the total", "# G\n\n## Pay in Oslo\n\n- **Average**: NOK 900,000 a year in total compensation, with base salaries near NOK 750,000.\n",
			[]string{"Oslo NOK year total 900000-900000", "Oslo NOK base 750000-750000"}},
		{"code fence", "# G\n\n## Pay\n\n```\nSenior ML engineer (Berlin): €75,000 - €95,000 / year\n```\n",
			[]string{"machine learning engineer senior Berlin EUR year 75000-95000"}},
		{"premium", "# G\n\n## Pay\n\nSpecialists in NLP earn 15-25% more than generalists.\n",
			[]string{"specialist 15-25%"}},
		{"open top of range", "# G\n\n## Compensation\n\n- Senior positions: $180,000 - $250,000+\n",
			[]string{"senior USD 180000-250000+"}},
		{"years and counts are not pay", "# G\n\n## Demand\n\n- 50,000+ unfilled positions in 2025\n- 8+ years of experience\n", nil},
		{"counts in a pay section are not pay", "# G\n\n## Salary\n\nWith 8+ years of experience, seniors earn $200,000 a year.\n",
			[]string{"senior USD year 200000-200000"}},
		{"repeated figure kept once", "# G\n\n## Pay\n\nJuniors earn $70,000-$95,000.\n\n## Conclusion\n\nStarting salaries of $70,000-$95,000 await.\n",
			[]string{"junior USD 70000-95000"}},
		{"a period in a heading not about pay", "# Learning Plan - 2 Hours Daily\n\n## Salary Expectations\n\n- **Data Scientist:** $90k-130k\n",
			[]string{"data scientist USD 90000-130000"}},
		{"a period in a pay heading", "# G\n\n## Monthly salaries\n\n- **Data Scientist:** €4,000-€6,000\n",
			[]string{"data scientist EUR month 4000-6000"}},
		{"european thousands", "# G\n\n## Salary in Poland\n\nSeniors earn 25.000 PLN a month.\n",
			[]string{"senior Poland PLN month 25000-25000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range extract(t, tt.md) {
				got = append(got, brief(s))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("salaries =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestSalaryRef(t *testing.T) {
	ss := extract(t, "# G\n\nIntro.\n\n## Salaries\n\n- Junior: €1,500-€2,500/month\n")
	if len(ss) != 1 {
		t.Fatalf("got %d facts; want 1", len(ss))
	}
	if ss[0].Line != 7 || ss[0].Section != 1 || ss[0].Snippet != "Junior: €1,500-€2,500/month" {
		t.Errorf("Ref = %+v; want line 7, section 1, the bullet as snippet", ss[0].Ref)
	}
}

func TestPayShapes(t *testing.T) {
	md := "# Pay\n\n## By tier\n\n| Level | Startup | Mid-size | FAANG |\n|---|---|---|---|\n| Junior DE | $95K | $110K | $150K |\n\n" +
		"## Germany\n\n| Level | Base salary | Total comp |\n|---|---|---|\n| Senior | €80,000 | €95,000 |\n\n" +
		"## Where\n\n- San Francisco: 1.4x-1.6x the national average\n- London ×1.3\n\n" +
		"## Learning\n\nThe subscription costs $25 a month, and a bootcamp runs $12,000.\n\n## Academy\n\nThe academy charges $9,000 up front, or $10,500 if you pay in instalments.\n"
	g, _, err := guide.Parse("pay.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	fx := facts.Extract(g)
	var pay []string
	for _, s := range fx.Salaries {
		pay = append(pay, brief(s)+" "+s.Qualifier)
	}
	wantPay := []string{
		"junior USD 95000-95000 Startup",
		"junior USD 110000-110000 Mid-size",
		"junior USD 150000-150000 FAANG",
		"senior Germany EUR base 80000-80000 ",
		"senior Germany EUR total 95000-95000 ",
	}
	if strings.Join(pay, "|") != strings.Join(wantPay, "|") {
		t.Errorf("salaries:\n got %q\nwant %q", pay, wantPay)
	}
	var prices []string
	for _, p := range fx.Prices {
		prices = append(prices, fmt.Sprintf("%g %s", p.Min, p.Period))
	}
	if want := "25 month|12000 |9000 |10500 "; strings.Join(prices, "|") != want {
		t.Errorf("prices = %q; want %q", prices, want)
	}
	var mults []string
	for _, m := range fx.Multipliers {
		mults = append(mults, fmt.Sprintf("%s %g-%g", m.Region.Name, m.Min, m.Max))
	}
	if want := "San Francisco 1.4-1.6|London 1.3-1.3"; strings.Join(mults, "|") != want {
		t.Errorf("multipliers = %q; want %q", mults, want)
	}
}

func TestSinglePremiums(t *testing.T) {
	tests := []struct{ md, want string }{
		{"# Pay\n\nRemote roles for US employers add +20 % to the salary.\n", "20-20%"},
		{"# Pay\n\nSpecialists earn 15-25% more salary.\n", "15-25%"},
		{"# Pay\n\nNLP pays 10% more than general roles.\n", "10-10%"},
		{"# Pay\n\nSalaries: 40% of postings ask for cloud skills.\n", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range extract(t, tt.md) {
			if s.Premium {
				got = append(got, fmt.Sprintf("%g-%g%%", s.Min, s.Max))
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: premiums %q; want %q", tt.md, got, tt.want)
		}
	}
}

// TestFigureKinds checks what a figure is read as: Indian digit grouping
// and lakhs, and bonuses, equity, stipends and worked examples told apart
// from pay.
func TestFigureKinds(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []string // brief, then "kind" when the figure is not pay
	}{
		{"Indian digit grouping", "# G\n\n## Pay in India\n\n| Level | Annual Salary (₹) |\n|---|---|\n| Entry-Level (0–2 years) | ₹4,00,000 – ₹6,00,000 |\n",
			[]string{"junior India INR year 400000-600000"}},
		{"crores", "# G\n\n## Pay\n\nDirectors in India earn ₹1,20,00,000 a year.\n",
			[]string{"lead India INR year 1.2e+07-1.2e+07"}},
		{"lakhs after a currency code", "# G\n\n| Region | Base Salary |\n|---|---|\n| India (Bangalore) | INR 28L–INR 55L |\n",
			[]string{"Bangalore INR base 2.8e+06-5.5e+06"}},
		{"a table's bonus, stock and total columns", "# G\n\n| Region | Base | Stock (RSU/4yr) | Bonus | Total Comp |\n|---|---|---|---|---|\n| Germany | €90K | €40K | 10–15% | €125K |\n",
			[]string{"Germany EUR base 90000-90000", "Germany EUR 40000-40000 equity", "Germany 10-15% bonus", "Germany EUR total 125000-125000"}},
		{"a sign-on bonus in prose", "# G\n\n## Negotiating\n\nAsk for a sign-on bonus of $30K-$50K to offset unvested equity.\n",
			[]string{"USD 30000-50000 bonus"}},
		{"pay plus equity is pay", "# G\n\n## Pay\n\nSenior engineers earn $200,000 to $350,000 annually, plus substantial equity.\n",
			[]string{"engineer senior USD year 200000-350000"}},
		{"a stipend", "# G\n\n## Fellowships\n\nThe fellowship pays a monthly stipend of €1,500.\n",
			[]string{"EUR month 1500-1500 stipend"}},
		{"a grant of stock is equity", "# G\n\n## Offers\n\nThe offer was a base of $150k and a four-year grant for $400k RSUs.\n",
			[]string{"USD 150000-150000", "USD 400000-400000 equity"}},
		{"a worked example is no pay", "# G\n\n## Business terms\n\n| Term | Meaning | One-line Example |\n|---|---|---|\n| LTV | Lifetime value | A customer brings ₹50L over 5 years |\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range extract(t, tt.md) {
				b := brief(s)
				if s.Kind != "" {
					b += " " + s.Kind
				}
				got = append(got, b)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("figures =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestKindBesideNextFigure keeps a bonus named after "and" to the figure
// it introduces, not the base pay before it.
func TestKindBesideNextFigure(t *testing.T) {
	ss := extract(t, "# G\n\n## Pay in Oslo\n\n- Base salaries average NOK 700,000 and bonuses around NOK 60,000.\n")
	var got []string
	for _, s := range ss {
		got = append(got, fmt.Sprintf("%g %s", s.Min, s.Kind))
	}
	if want := "700000 |60000 bonus"; strings.Join(got, "|") != want {
		t.Errorf("kinds = %q; want %q", strings.Join(got, "|"), want)
	}
}

// TestEmployerLabels checks that a list item's label naming a kind of
// employer qualifies its figure as a table's column would, and that a
// label naming a level, a place or a role does not.
func TestEmployerLabels(t *testing.T) {
	tests := []struct{ md, want string }{
		{"# Pay\n\n## Lead (8+ years)\n\n- Startups: $150K-190K\n- Big firms: $210K-260K\n- FAANG: $300K-420K\n",
			"lead USD 150000-190000 Startups|lead USD 210000-260000 |lead USD 300000-420000 FAANG"},
		{"# Pay\n\n## Salaries\n\n- **Product companies:** ₹18L-30L\n- Service companies: ₹6L-10L\n",
			"INR 1.8e+06-3e+06 Product companies|INR 600000-1e+06 Service companies"},
		{"# Pay\n\n## Salaries\n\n- Senior: $150K-190K\n- Germany: €70K-90K\n- Startup engineer: $120K\n",
			"senior USD 150000-190000 |Germany EUR 70000-90000 |startup engineer USD 120000-120000 "},
		{"# Pay\n\n| Employer | Senior |\n|---|---|\n| Startup | $140K |\n",
			"senior USD 140000-140000 Startup"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			var got []string
			for _, s := range extract(t, tt.md) {
				got = append(got, brief(s)+" "+s.Qualifier)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got %q\nwant %q", g, tt.want)
			}
		})
	}
}

// TestFigureRegionNearest checks that a figure is the place's named
// closest before it, not the first place its sentence names.
func TestFigureRegionNearest(t *testing.T) {
	tests := []struct{ text, want string }{
		{"- 20-40% of US (e.g., Senior in Bangalore: ₹30L-60L)", "Bangalore"},
		{"- 50-70% of US (e.g., Senior in Berlin: €80K-120K)", "Berlin"},
		{"- Senior in Bangalore: ₹30L-60L, far below the US", "Bangalore"},
		{"- ₹30L-60L for seniors in Bangalore", "Bangalore"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			g, _, err := guide.Parse("g.md", []byte("# G\n\n## Pay\n\n"+tt.text+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range facts.Extract(g).Salaries {
				if !s.Premium {
					got = append(got, s.Region.Name)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("regions = %q; want [%s]", got, tt.want)
			}
		})
	}
}

// TestRowPlaces checks that a table row whose label names a country and
// cities within it gives its figures for each of the cities, and one that
// names places of no such kind for the first.
func TestRowPlaces(t *testing.T) {
	tests := []struct {
		label string
		want  []string
	}{
		{"India (Bangalore/Hyderabad)", []string{"Bangalore", "Hyderabad"}},
		{"Germany (Berlin)", []string{"Berlin"}},
		{"India", []string{"India"}},
		{"Germany or Poland", []string{"Germany"}},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			md := "# Pay\n\n## By place\n\n| Location | Base Salary |\n|---|---|\n| " + tt.label + " | INR 28L–INR 55L |\n"
			var got []string
			for _, s := range extract(t, md) {
				got = append(got, s.Region.Name)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("regions = %q; want %q", got, tt.want)
			}
		})
	}
}
