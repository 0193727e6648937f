package answer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/guidegen"
)

// turn is one question of a conversation and what its answer must hold.
type turn struct {
	q      string
	asked  string // the standalone question, "" for q itself
	readAs string
	checks []check
}

// converse asks the turns in order, each with the previous answer's
// question, as the chat front ends do.
func converse(t *testing.T, e *answer.Engine, turns []turn) {
	t.Helper()
	prev := ""
	for i, tn := range turns {
		a, err := e.AskTurn(context.Background(), advisor.Turn{Question: tn.q, Previous: prev})
		if err != nil {
			t.Fatalf("turn %d %q: %v", i+1, tn.q, err)
		}
		want := tn.asked
		if want == "" {
			want = tn.q
		}
		if a.Question != want {
			t.Errorf("turn %d %q: Question = %q; want %q", i+1, tn.q, a.Question, want)
		}
		if a.ReadAs != tn.readAs {
			t.Errorf("turn %d %q: ReadAs = %q; want %q", i+1, tn.q, a.ReadAs, tn.readAs)
		}
		if a.Intent == "" {
			t.Errorf("turn %d %q: no Intent", i+1, tn.q)
		}
		wellFormed(t, a)
		for _, c := range tn.checks {
			c(t, a)
		}
		prev = a.Question
	}
}

func TestConversationsBundled(t *testing.T) {
	e := newEngine(t, bundled(t))
	tests := []struct {
		name  string
		turns []turn
	}{
		{"salary: level, place, currency, next level", []turn{
			{q: "How much does a senior ML engineer earn in Romania?", checks: []check{says("€4,500–€8,000")}},
			{q: "and for juniors?", asked: "How much does a junior ML engineer earn in Romania?",
				readAs: "Senior → junior, ML engineer, Romania", checks: []check{says("€1,500–€2,500"), saysNot("€4,500")}},
			{q: "in euros?", asked: "How much does a junior ML engineer earn in Romania?",
				readAs: "Junior, ML engineer, Romania, in euros", checks: []check{says("€1,500–€2,500")}},
			{q: "and after that?", asked: "How much does a mid-level ML engineer earn in Romania?",
				readAs: "Junior → mid-level, ML engineer, Romania", checks: []check{says("€2,500–€4,500")}},
		}},
		{"salary: place, then a place no guide covers, then a level", []turn{
			{q: "what salary for senior ML in the US", checks: []check{says("$200,000")}},
			{q: "and in Romania?", asked: "what salary for senior ML in Romania",
				readAs: "Senior, the United States → Romania", checks: []check{says("€4,500–€8,000"), saysNot("$")}},
			{q: "what about Germany?", asked: "what salary for senior ML in Germany",
				readAs: "Senior, Romania → Germany", checks: []check{says("don't cover salaries for Germany")}},
			{q: "and entry level?", asked: "what salary for junior ML in Germany",
				readAs: "Senior → junior, Germany", checks: []check{says("don't cover salaries for Germany")}},
		}},
		{"learning path: after that, how long does that take", []turn{
			{q: "Where do I start?", checks: []check{says("Level 1: Fundamentals")}},
			{q: "and after that?", asked: "What should I learn after Fundamentals?",
				readAs: "after Level 1: Fundamentals", checks: []check{says("move on to Level 2: Machine Learning Core")}},
			{q: "how long does that take?", asked: "how long does Machine Learning Core take?",
				readAs: "That → Machine Learning Core", checks: []check{says("6-12 months")}},
			{q: "What should I learn after PyTorch?", checks: []check{says("Level 3: Specialization")}},
		}},
		{"complete questions stand alone", []turn{
			{q: "What do senior ML engineers earn in Romania?", checks: []check{says("€4,500–€8,000")}},
			{q: "What should I learn after PyTorch?", checks: []check{says("Specialization")}},
			{q: "Do I need a PhD?", checks: []check{says("PhD")}},
			{q: "thanks!", checks: []check{abstains(true)}},
		}},
		{"a pronoun or 'after that' with nothing to carry over stands alone", []turn{
			{q: "How much does a senior ML engineer earn in Romania?", checks: []check{says("€4,500–€8,000")}},
			{q: "is it worth it?"},
			{q: "Do I need a PhD?", checks: []check{says("PhD")}},
			{q: "and after that?"},
		}},
		{"a bare role keeps the speciality; a topic stands alone", []turn{
			{q: "How much does a senior ML engineer make in Romania?", checks: []check{says("€4,500–€8,000")}},
			{q: "how about for a staff engineer?", asked: "How much does a lead/principal ML engineer make in Romania?",
				readAs: "Senior → lead/principal, ML engineer, Romania", checks: []check{says("€8,000")}},
			{q: "What about remote work?"},
		}},
		{"typos and shorthand in follow-ups", []turn{
			{q: "How much does a senior ML engineer earn in Romania?", checks: []check{says("€4,500–€8,000")}},
			{q: "n for jr?", asked: "How much does a junior ML engineer earn in Romania?",
				readAs: "Senior → junior, ML engineer, Romania", checks: []check{says("€1,500–€2,500")}},
			{q: "wht about the US??", asked: "How much does a junior ML engineer earn in the United States?",
				readAs: "Junior, ML engineer, Romania → the United States", checks: []check{says("$80,000–$120,000")}},
		}},
		{"role then that", []turn{
			{q: "How do I become an MLOps engineer?", checks: []check{abstains(false)}},
			{q: "how much does that pay?", asked: "how much does MLOps engineer pay?",
				readAs: "That → MLOps engineer", checks: []check{says("no figures for MLOps engineers")}},
			{q: "and in Romania?", asked: "how much does MLOps engineer pay in Romania?",
				readAs: "MLOps engineer, Romania", checks: []check{says("Romania")}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { converse(t, e, tt.turns) })
	}
}

// TestConversationsGenerated talks about generated guides, whose figures
// differ per role and place, so each turn must land on the right guide.
func TestConversationsGenerated(t *testing.T) {
	gs, gen := parseGenerated(t, 12*20) // every role in the first 20 places
	e := newEngine(t, gs)
	find := func(role, place string) guidegen.Guide {
		for _, g := range gen {
			if g.Role == role && g.Place == place {
				return g
			}
		}
		t.Fatalf("no generated guide for %s in %s", role, place)
		return guidegen.Guide{}
	}
	senior := func(g guidegen.Guide) check {
		return says(fmt.Sprintf("%d", g.SeniorMin/1000))
	}
	for _, role := range []string{"Data Engineer", "NLP Engineer", "Data Scientist"} {
		de, pt := find(role, "Germany"), find(role, "Portugal")
		lower := strings.ToLower(role)
		t.Run(role, func(t *testing.T) {
			converse(t, e, []turn{
				{q: "How much does a senior " + lower + " earn in Germany?", checks: []check{citesFirst(de.Title), senior(de)}},
				{q: "what about Portugal?", asked: "How much does a senior " + lower + " earn in Portugal?",
					readAs: "Senior, " + lower + ", Germany → Portugal", checks: []check{citesFirst(pt.Title), senior(pt)}},
				{q: "and juniors?", asked: "How much does a junior " + lower + " earn in Portugal?",
					readAs: "Senior → junior, " + lower + ", Portugal", checks: []check{citesFirst(pt.Title), saysNot(fmt.Sprintf("%d", pt.SeniorMin/1000))}},
			})
		})
	}
}

func FuzzAskTurn(f *testing.F) {
	for _, s := range [][2]string{
		{"How much does a senior ML engineer earn in Romania?", "and for juniors?"},
		{"what salary in the United States of America", "what about the UK?"},
		{"where do I start?", "and after that?"},
		{"", "in €?"},
		{"senior senior lead Romania Romania", "that that after that"},
	} {
		f.Add(s[0], s[1])
	}
	e := newEngine(f, bundled(f))
	f.Fuzz(func(t *testing.T, prev, q string) {
		a, err := e.AskTurn(context.Background(), advisor.Turn{Question: q, Previous: prev})
		if err != nil {
			if advisor.ErrorCode(err) != advisor.EINVALID {
				t.Fatalf("AskTurn(%q after %q): %v", q, prev, err)
			}
			return
		}
		if a.Question == "" || len(a.Question) > advisor.MaxQuestionBytes {
			t.Errorf("Question = %q", a.Question)
		}
	})
}

// BenchmarkAskTurn measures a follow-up: reading it with the previous
// question (a path follow-up searches for the previous answer's stage)
// and answering the standalone question.
func BenchmarkAskTurn(b *testing.B) {
	e := newEngine(b, bundled(b))
	turns := []advisor.Turn{
		{Question: "and for juniors?", Previous: "How much does a senior ML engineer earn in Romania?"},
		{Question: "and after that?", Previous: "What should I learn after Fundamentals?"},
		{Question: "What should I learn after PyTorch?", Previous: "How much does a senior ML engineer earn in Romania?"},
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.AskTurn(ctx, turns[i%len(turns)]); err != nil {
			b.Fatal(err)
		}
	}
}
