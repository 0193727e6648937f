package guidegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Question is a question about one generated guide with what a right answer
// shows. The question names the guide's role and place (and level where it
// matters), so among many guides they choose the one to answer from.
type Question struct {
	Intent string // salary, next, start, howlong, list, ladder, price
	Q      string
	// Groups: from each group at least one string appears in the answer
	// (compared as the quality sets compare: case, digit grouping and dash
	// kind aside).
	Groups [][]string
	// None may not appear in the answer: a price called a salary.
	None []string
	// Source is the file the first citation must come from.
	Source string
	Shape  string // the shape of the part of the guide that answers
}

// QuestionIntents lists the intents Questions asks, in report order.
var QuestionIntents = []string{"salary", "next", "start", "howlong", "list", "ladder", "price"}

// Questions returns up to perIntent questions of every intent in
// QuestionIntents about guides in gs, phrased in several ways. Only guides
// whose role and place no other guide in gs shares are asked about: for the
// others, two guides are equally right. The same seed gives the same
// questions.
func Questions(gs []Guide, perIntent int, seed uint64) []Question {
	rng := rand.New(rand.NewPCG(seed, seed^0x2545f4914f6cdd1d))
	seen := map[[2]string]int{}
	for _, g := range gs {
		seen[[2]string{g.Role, g.Place}]++
	}
	var unique []*Guide
	for i := range gs {
		if seen[[2]string{gs[i].Role, gs[i].Place}] == 1 {
			unique = append(unique, &gs[i])
		}
	}
	var out []Question
	for _, in := range QuestionIntents {
		made := 0
		for _, k := range rng.Perm(len(unique)) {
			if made == perIntent {
				break
			}
			if q, ok := ask(in, unique[k], rng); ok {
				out = append(out, q)
				made++
			}
		}
	}
	return out
}

// ask makes one question of intent in about g, if g states what it needs.
func ask(in string, g *Guide, rng *rand.Rand) (Question, bool) {
	role, place := strings.ToLower(g.Role), g.Place
	q := Question{Intent: in, Source: g.Name}
	switch in {
	case "salary":
		if len(g.Levels) == 0 {
			return q, false
		}
		l := g.Levels[rng.IntN(len(g.Levels))]
		lv := strings.ToLower(l.Name)
		q.Q = fmt.Sprintf(pick(rng, []string{
			"How much does %[1]s %[3]s earn in %[4]s?", "%[2]s %[3]s salary in %[4]s", "What is the pay for %[1]s %[3]s in %[4]s?",
			"what do %[2]s %[3]ss make in %[4]s",
		}), article(lv), lv, role, place)
		lo, hi := amounts(l.Min), amounts(l.Max)
		if l.HasAlt {
			lo, hi = append(lo, amounts(l.AltMin)...), append(hi, amounts(l.AltMax)...)
		}
		q.Groups, q.Shape = [][]string{lo, hi}, g.Shape.Salary
	case "next":
		if len(g.Stages) < 2 {
			return q, false
		}
		s := rng.IntN(len(g.Stages) - 1)
		tool := g.Stages[s].Topics[rng.IntN(len(g.Stages[s].Topics))]
		q.Q = fmt.Sprintf(pick(rng, []string{
			"I know %[1]s as %[2]s in %[3]s, what should I learn next?",
			"What should %[2]s in %[3]s learn after %[1]s?",
			"%[3]s %[4]s here, done with %[1]s, what's next?",
		}), tool, article(role), place, role)
		q.Groups, q.Shape = [][]string{{g.Stages[s+1].Name}}, g.Shape.Path
	case "start":
		if len(g.Stages) == 0 {
			return q, false
		}
		q.Q = fmt.Sprintf(pick(rng, []string{
			"Where should I start to become %s in %s?", "How do I become %s in %s?",
			"What is the first step to work as %s in %s?",
		}), article(role), place)
		q.Groups, q.Shape = [][]string{{g.Stages[0].Name}}, g.Shape.Path
	case "howlong":
		if len(g.Stages) == 0 {
			return q, false
		}
		st := g.Stages[rng.IntN(len(g.Stages))]
		q.Q = fmt.Sprintf(pick(rng, []string{
			"How long does the %s stage take for %s in %s?", "how long is %s on the path to %s in %s",
		}), strings.ToLower(st.Name), article(role), place)
		q.Groups, q.Shape = [][]string{{st.Duration}}, g.Shape.Path
		if st.Span != "" {
			q.Groups[0] = append(q.Groups[0], st.Span)
		}
	case "list":
		if len(g.Skills) < 2 {
			return q, false
		}
		q.Q = fmt.Sprintf(pick(rng, []string{
			"Which skills does %s in %s need?", "What are the must-have skills for %s in %s?",
			"what skills should %s in %s have",
		}), article(role), place)
		q.Groups, q.Shape = [][]string{{g.Skills[0]}, g.Skills[1:]}, g.Shape.Skills
	case "ladder":
		if len(g.Ladder) < 4 {
			return q, false
		}
		k := 2
		if len(g.Ladder) > 4 && rng.IntN(2) == 0 {
			k = 3
		}
		q.Q = fmt.Sprintf(pick(rng, []string{
			"What comes after %s in %s?", "What is the next role after %s in %s?", "I'm %s in %s, where do I go next?",
		}), article(strings.ToLower(g.Ladder[k].Title)), place)
		q.Groups, q.Shape = [][]string{{g.Ladder[k+1].Title}}, g.Shape.Ladder
	case "price":
		if g.Course == "" {
			return q, false
		}
		q.Q = fmt.Sprintf(pick(rng, []string{
			"How much is the %s in %s?", "What does the %s in %s cost?",
		}), strings.ToLower(g.Course), place)
		// Called pay, the price would read "… earn €3,400" or "Salaries
		// run €3,400"; a heading quoted before it ("What a … earns in …:")
		// is not that.
		p := money(g.Currency, g.Price)
		q.Groups, q.None, q.Shape = [][]string{amounts(g.Price)}, []string{"earn " + p, "earns " + p, "run " + p}, g.Shape.Price
	}
	return q, true
}

// amounts are the ways an amount may be written in an answer: grouped
// digits (compared without the separators) or thousands as "k".
func amounts(n int) []string {
	out := []string{grouped(n)}
	if n%1000 == 0 {
		out = append(out, fmt.Sprintf("%dk", n/1000))
	}
	return out
}
