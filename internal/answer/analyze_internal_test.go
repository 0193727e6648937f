package answer

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/guide"
)

// TestAnalyze checks how a question is read before any answer is chosen:
// its kind, its level, and which of its words count as what it is about.
// Each case is a way people phrase questions that was once misread.
func TestAnalyze(t *testing.T) {
	e := engineOver(t, os.DirFS("testdata/shapes"))
	tests := []struct {
		name, q string
		intent  intent
		level   string
		// concepts the question is about; without lists none that must go.
		concepts, without []string
		// alts lists a concept and a term it must also match.
		alts [2]string
	}{
		{"the guide itself is no topic", "how many job postings did the platform pay survey read?",
			intentGeneral, "", []string{"postings", "platform"}, []string{"survey", "read"}, [2]string{}},
		{"nor is its author", "what does the author recommend for juniors?",
			intentGeneral, "junior", nil, []string{"author"}, [2]string{}},
		{"asking whether it is ok is no topic", "is it ok to use ROS 1 in robotics interviews?",
			intentGeneral, "", []string{"ROS", "interviews"}, []string{"ok"}, [2]string{}},
		{"nor what is the author's", "how much did negotiating raise the author's offers?",
			intentGeneral, "", []string{"negotiating", "offers"}, []string{"author's"}, [2]string{}},
		{"lead the verb is no level", "which positions lead into platform engineering?",
			intentGeneral, "", []string{"positions", "platform"}, []string{"lead"}, [2]string{}},
		{"lead the level still is one", "what does a lead platform engineer earn?",
			intentSalary, "lead", []string{"platform"}, nil, [2]string{}},
		{"what pay is made of asks no figure", "what makes up a platform engineer's compensation?",
			intentGeneral, "", []string{"compensation"}, nil, [2]string{}},
		{"salary data asks no figure", "where does the salary data come from?",
			intentGeneral, "", nil, nil, [2]string{}},
		{"a pay question still is one", "what do senior platform engineers earn in Poland?",
			intentSalary, "senior", []string{"platform"}, nil, [2]string{}},
		{"a roadmap named asks no start", "when does Terraform come in the roadmap?",
			intentGeneral, "", []string{"Terraform"}, nil, [2]string{}},
		{"a roadmap for a role does", "what is the roadmap to platform engineer?",
			intentStart, "", nil, nil, [2]string{}},
		{"a word matches the words the guides derive from it", "how fast do platform engineers grow?",
			intentGeneral, "", []string{"fast"}, nil, [2]string{"grow", "growth"}},
		{"and the word it derives from", "how much growth is there for platform engineers?",
			intentGeneral, "", []string{"growth"}, nil, [2]string{"growth", "grow"}},
		{"how much beside a priced thing asks its price", "platform certification how much",
			intentPrice, "", nil, nil, [2]string{}},
		{"how much beside pay asks pay", "how much do bootcamp grads earn",
			intentSalary, "", nil, nil, [2]string{}},
		{"whether to tell one's pay asks no figure", "should I tell the recruiter my current salary?",
			intentGeneral, "", nil, nil, [2]string{}},
		{"nor does sharing what one expects", "do I have to share my salary expectations with them?",
			intentGeneral, "", nil, nil, [2]string{}},
		{"a pay question telling one's own is one", "my salary is 90k, what do senior platform engineers earn?",
			intentSalary, "senior", nil, nil, [2]string{}},
		{"whether a thing is worth it asks no start", "is a certification worth it to break into platform engineering?",
			intentGeneral, "", []string{"certification"}, nil, [2]string{}},
		{"nor whether it is needed", "do I need a degree to get into platform engineering?",
			intentGeneral, "", []string{"degree"}, nil, [2]string{}},
		{"how to break in still asks where to start", "how do I break into platform engineering?",
			intentStart, "", nil, nil, [2]string{}},
		{"after a step of the job search asks no next stage", "what does the hiring process look like after I apply?",
			intentGeneral, "", nil, nil, [2]string{}},
		{"after a tool still does", "what should I learn after I finish kubernetes?",
			intentNext, "", nil, nil, [2]string{}},
		{"how many months it takes is one", "how many months does it take to learn kubernetes?",
			intentDuration, "", nil, nil, [2]string{}},
		{"whether to start with a thing asks no start", "should I start with kubernetes if I have little background?",
			intentGeneral, "", []string{"kubernetes"}, nil, [2]string{}},
		{"nor when to start it", "when should I start doing platform projects?",
			intentGeneral, "", nil, nil, [2]string{}},
		{"nor which of two to learn first", "terraform or pulumi? which should I learn first for platform engineering",
			intentGeneral, "", nil, nil, [2]string{}},
		{"nor a start that is no learning", "I'm starting to think platform engineering is not for me. Is that normal?",
			intentGeneral, "", nil, nil, [2]string{}},
		{"where to start beside a yes/no still asks it", "where should I start on the platform roadmap, can I skip the first phase?",
			intentStart, "", nil, nil, [2]string{}},
		{"a course to take to learn asks no duration", "what online course should I take to learn platform engineering?",
			intentGeneral, "", []string{"course"}, nil, [2]string{}},
		{"what it takes to learn does", "how much would it take to learn platform engineering?",
			intentDuration, "", nil, nil, [2]string{}},
		{"a first stage pointed back at asks no start", "what is the company trying to find out at this first stage?",
			intentGeneral, "", nil, nil, [2]string{}},
		{"chat particles are tone", "do platform engineers even need kubernetes tho",
			intentGeneral, "", []string{"kubernetes"}, []string{"even", "tho"}, [2]string{}},
		{"hours are written hrs too", "how many hours a day should platform engineers study?",
			intentDuration, "", []string{"hours"}, nil, [2]string{"hours", "hr"}},
		{"an opener's tone is no topic", "honestly, what was the main reason for leaving platform engineering?",
			intentGeneral, "", []string{"reason"}, []string{"honestly"}, [2]string{}},
		{"a board asked beside pay asks for the board", "which job board was scraped for the platform salary numbers?",
			intentGeneral, "", []string{"board"}, nil, [2]string{}},
		{"which cities pay still asks pay", "which cities pay platform engineers the most?",
			intentSalary, "", nil, nil, [2]string{}},
		{"which engineers earn more still asks pay", "which platform engineers earn more?",
			intentSalary, "", nil, nil, [2]string{}},
		{"a resume's length is no duration", "how long should my resume be?",
			intentGeneral, "", []string{"resume"}, nil, [2]string{"resume", "cv"}},
		{"a bootcamp's length still is one", "how long is the platform bootcamp?",
			intentDuration, "", nil, nil, [2]string{}},
		{"which skill areas a ladder assesses asks no rung", "which skill areas does the platform ladder assess?",
			intentGeneral, "", nil, nil, [2]string{}},
		{"what a level involves asks about the level", "what does the principal platform level involve?",
			intentGeneral, "lead", []string{"principal"}, []string{"involve"}, [2]string{}},
		{"which one is no topic", "terraform vs pulumi, which one works better in terms of speed?",
			intentGeneral, "", []string{"terraform", "pulumi", "speed"}, []string{"one", "terms"}, [2]string{}},
		{"which weeks start a topic asks which stage", "which weeks do we start kubernetes in?",
			intentGeneral, "", []string{"kubernetes"}, nil, [2]string{}},
		{"what to start with still asks the start", "which step should I start with for platform engineering?",
			intentStart, "", nil, nil, [2]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.analyze(tt.q, intentOf(tt.q))
			if a.intent != tt.intent {
				t.Errorf("intent = %v; want %v", a.intent, tt.intent)
			}
			if string(a.level) != tt.level {
				t.Errorf("level = %q; want %q", a.level, tt.level)
			}
			var got []string
			for _, c := range a.concepts {
				got = append(got, strings.ToLower(c.Text))
			}
			for _, w := range tt.concepts {
				if !slices.Contains(got, strings.ToLower(w)) {
					t.Errorf("concepts %q lack %q", got, w)
				}
			}
			if tt.alts[0] != "" {
				i := slices.IndexFunc(a.concepts, func(c weighted) bool { return strings.EqualFold(c.Text, tt.alts[0]) })
				if i < 0 || !slices.ContainsFunc(a.concepts[i].Alts, func(alt []string) bool { return slices.Equal(alt, []string{tt.alts[1]}) }) {
					t.Errorf("concept %q does not also match %q", tt.alts[0], tt.alts[1])
				}
			}
			for _, w := range tt.without {
				if slices.Contains(got, strings.ToLower(w)) {
					t.Errorf("concepts %q have %q", got, w)
				}
			}
		})
	}
}

// TestPointerLead quotes the sentence a bare "Examples include:" points at
// as the lead of the list after it: it says what the examples are.
func TestPointerLead(t *testing.T) {
	g, _, err := guide.Parse("g.md", []byte("# G\n\n## Routes\n\n"+
		"* **Bootcamps:** They are short. Vendor credentials in analytics help too. Examples include:\n"+
		"    * **SnowPro Core**\n    * **Looker Analyst**\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Vendor credentials in analytics help too. Examples include: SnowPro Core; Looker Analyst"
	var got []string
	for _, s := range g.Sections {
		for _, p := range passages(s) {
			if p.text == want {
				return
			}
			got = append(got, p.text)
		}
	}
	t.Errorf("no passage is the nested list led by what it lists: %q", got)
}

// TestUnitsLeaveLeadsToTheirLists checks the naive paragraph of a
// paragraph that leads a list never ends on the lead ("…expected to:"):
// the list's own passage quotes the lead with the list.
func TestUnitsLeaveLeadsToTheirLists(t *testing.T) {
	e, g := engineOfOne(t, "# G\n\n## Senior analyst\n\nA senior analyst owns the reporting. At this level you are expected to:\n\n- mentor juniors\n- review models\n")
	for si := range g.Sections {
		for _, u := range e.units(0, si) {
			if strings.HasSuffix(u.text, ":") {
				t.Errorf("unit %q ends on the lead of a list", u.text)
			}
		}
	}
}

// TestBackReference checks that a question whose closing "one" stands for
// what its background named asks about the background: its words are the
// question's topic, not soft context.
func TestBackReference(t *testing.T) {
	e := engineOver(t, os.DirFS("testdata/shapes"))
	tests := []struct {
		name, q, background string
		soft                bool
	}{
		{"one closing the question points back", "what should I check before signing up for one?", "I'm choosing between a robotics bootcamp and a degree.", false},
		{"one of them does", "is one of them cheaper?", "I'm choosing between a robotics bootcamp and a degree.", false},
		{"one inside the question does not", "what should one check before a bootcamp?", "I like robotics.", true},
		{"that stretch points at the sentence before", "which topics should I cover in that stretch?", "I work nights. I've reached the robotics weeks of the plan.", false},
		{"and at no earlier one", "which topics should I cover in that stretch?", "I love robotics. I've reached the control weeks of the plan.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.analyze(tt.q, intentOf(tt.q))
			e.soften(a, tt.background)
			i := slices.IndexFunc(a.concepts, func(c weighted) bool { return strings.EqualFold(c.Text, "robotics") })
			if i < 0 {
				t.Fatalf("no concept robotics in %v", a.concepts)
			}
			if a.concepts[i].soft != tt.soft {
				t.Errorf("robotics soft = %v; want %v", a.concepts[i].soft, tt.soft)
			}
		})
	}
}

// TestStartForUncoveredRole checks that a path's first stage, given for
// a role no guide mentions, says it stands in for that role.
func TestStartForUncoveredRole(t *testing.T) {
	e := engineOver(t, os.DirFS("testdata/shapes"))
	tests := []struct {
		name, q string
		gap     bool
	}{
		{"a role the guides cover", "how do I become a platform engineer?", false},
		{"a role none mentions", "how do I become a quantum chemistry analyst?", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.analyze(tt.q, intentOf(tt.q))
			r := e.start(a)
			if r == nil {
				t.Fatal("no start answer")
			}
			text := strings.Join(r.sentences, " ")
			if strings.Count(text, "quantum chemistry analyst") > 1 {
				t.Errorf("the role is named twice: %s", text)
			}
			if got := strings.Contains(text, "don't cover"); got != tt.gap {
				t.Errorf("gap = %v; want %v: %s", got, tt.gap, text)
			}
		})
	}
}

// TestCountedNumber checks what answers a "how many" question: a number
// of the things counted, in digits or spelt out as prose writes them.
func TestCountedNumber(t *testing.T) {
	tests := []struct {
		q, text string
		want    bool
	}{
		{"how many interviews does the final round have", "The final round has five or seven interviews.", true},
		{"how many interviews does the final round have", "The final round has 5 interviews.", true},
		{"how many interviews does the final round have", "The final round is the longest part of the loop.", false},
		{"how many interviews does the final round have", "It took three weeks to hear back.", false}, // a number of weeks, not interviews
		{"how many projects should I build?", "Build two or three projects you can explain.", true},
		{"how many projects should I build?", "One of the projects should be deployed.", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := countedNumber(tt.q, tt.text); got != tt.want {
				t.Errorf("countedNumber(%q, %q) = %v, want %v", tt.q, tt.text, got, tt.want)
			}
		})
	}
}

// TestListTextNamedItem checks how a list of long labelled paragraphs is
// said whole: each item by its label and first sentence, except the item
// the question names, which keeps the sentence that answers it.
func TestListTextNamedItem(t *testing.T) {
	text := "# Lab Hiring\n\n## Stages\n\nThe stages go like this:\n\n" +
		"- **Phone chat**: This is where it starts. The calls are brief, although their length varies with the size of the lab, the habits of its coordinator and the time of year. The coordinator asks about past work and what you owned in it.\n" +
		"- **Bench exercise**: This is a practical with a senior scientist, far more hands-on than the chat. You plan a small experiment and explain every choice you make along the way. It lasts ninety minutes.\n" +
		"- **The panel day**: This means a whole day at the lab. Some labs hold it remotely now, though others have gone back to the building. The panel can be up to six or eight conversations.\n"
	e, g := engineOfOne(t, text)
	tests := []struct {
		q         string
		want, not []string
	}{
		{"how many conversations can the panel day have", []string{"Phone chat", "Bench exercise", "six or eight"}, []string{"remotely"}},
		{"what do you plan in the bench exercise", []string{"a small experiment", "This means a whole day"}, []string{"ninety"}},
		{"what are the stages", []string{"This is where it starts", "This is a practical", "This means a whole day"}, []string{"six or eight"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a, err := e.prepare(context.Background(), e.reader.Read(tt.q).Text, "")
			if err != nil {
				t.Fatal(err)
			}
			var got string
			for si := range g.Sections {
				for i := range e.sections[0][si].passages {
					if p := &e.sections[0][si].passages[i]; len(p.items) == 3 {
						got = e.listText(a, p)
					}
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("list said as %q, lacks %q", got, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("list said as %q, holds %q", got, w)
				}
			}
		})
	}
}

// TestBackgroundPlaceUncovered checks that a place only a message's
// background names, which no guide covers, is one the question asks
// about and says is not covered ("…an offer in Dubai. Is the salary there
// tax-free?"), and that a place the question names itself stays its own.
func TestBackgroundPlaceUncovered(t *testing.T) {
	e := engineOver(t, os.DirFS("testdata/shapes"))
	tests := []struct {
		name, q, background string
		nocover             []string
	}{
		{"the background's place", "Is the salary there tax-free?", "I've been offered a data scientist job in Dubai.", []string{"Dubai"}},
		{"the question's own place", "What do data scientists earn in Dubai?", "I live in Lisbon.", []string{"Dubai"}},
		{"no place", "Is the salary tax-free?", "I've been offered a data scientist job.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.analyze(tt.q, intentOf(tt.q))
			e.soften(a, tt.background)
			if !slices.Equal(a.nocover, tt.nocover) {
				t.Errorf("nocover = %v; want %v", a.nocover, tt.nocover)
			}
		})
	}
}

// TestIntentOf checks the kind of question a message asks where its pay
// words do not ask for pay.
func TestIntentOf(t *testing.T) {
	tests := []struct {
		q    string
		want intent
	}{
		{"what do senior data scientists earn in Germany?", intentSalary},
		{"besides base pay what else can u negotiate in an offer", intentGeneral},
		{"What can I negotiate other than salary?", intentGeneral},
		{"apart from the money, why should I join a startup?", intentGeneral},
		{"should I tell them my current salary?", intentGeneral},
		{"How soon after the defence did the startup close?", intentDuration},
		{"how soon can a bootcamp grad get hired", intentDuration},
		{"Does the salary post say anything about staying at your first job?", intentGeneral},
		{"what does the salary survey say seniors earn?", intentSalary},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := intentOf(tt.q); got != tt.want {
				t.Errorf("intentOf(%q) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

// engineOver builds an engine over the guides in fsys, closed when the
// test ends.
func engineOver(t *testing.T, fsys fs.FS) *Engine {
	t.Helper()
	gs, _, err := guide.Load(fsys, "")
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(gs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// engineOfOne builds an engine over one guide written as Markdown text.
func engineOfOne(t *testing.T, text string) (*Engine, *guide.Guide) {
	t.Helper()
	g, _, err := guide.Parse("g.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New([]*guide.Guide{g})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e, g
}

// TestFigureLevelFit checks that a passage quoting figures for another
// level than the one asked does not fit the question's level, whatever
// its section says: "$120,000 to $200,000 … for mid-level positions" is
// no senior's pay.
func TestFigureLevelFit(t *testing.T) {
	e, _ := engineOfOne(t, "# Machine Learning Engineer Pay\n\n## Machine learning engineer salaries\n\n"+
		"Machine learning engineer salaries typically range from $120,000 to $200,000 annually for mid-level positions.\n\n"+
		"Senior machine learning engineers earn $180,000 to $260,000.\n")
	a, err := e.prepare(context.Background(), "How much does a senior machine learning engineer make?", "")
	if err != nil {
		t.Fatal(err)
	}
	fit := map[string]float64{}
	for _, o := range e.scored(a, e.options(a)) {
		if o.pass != nil {
			fit[o.pass.p.text] = o.f[featureIndex("level_fit")]
		}
	}
	for text, want := range map[string]float64{
		"Machine learning engineer salaries typically range from $120,000 to $200,000 annually for mid-level positions.": -1,
		"Senior machine learning engineers earn $180,000 to $260,000.":                                                   0,
	} {
		got, ok := fit[text]
		if !ok {
			t.Fatalf("no option quotes %q (options: %v)", text, fit)
		}
		if (want < 0) != (got < 0) {
			t.Errorf("level_fit of %q = %v; want %v", text, got, want)
		}
	}
}

// TestLabelled checks which lists can be said by their labels: most items
// labelled, and no label a number ("Week 3: …" names no thing).
func TestLabelled(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  bool
	}{
		{"labelled things", []string{"Memory: short and long term", "Tools: how they are called", "Planning: how it decides"}, true},
		{"numbered weeks", []string{"Week 1: kinematics", "Week 2: ROS", "Week 3: SLAM"}, false},
		{"mostly plain", []string{"Memory: short and long term", "tools and their calls", "planning and deciding"}, false},
		{"two labelled things", []string{"Feature store: where features live", "Model registry: where models live"}, true},
		{"one is too short to cut", []string{"Memory: short and long term"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := labelled(tt.items); got != tt.want {
				t.Errorf("labelled(%q) = %v; want %v", tt.items, got, tt.want)
			}
		})
	}
}

// TestStatesFigure checks what counts as stating an amount of money: a
// currency by symbol or code, before or after, a code of a currency the
// lexicon lacks before a grouped amount; not a standard's number.
func TestStatesFigure(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Seniors earn $90K.", true},
		{"NOK 550,000 a year", true},
		{"60 000 SEK", true},
		{"₹15–25 LPA", true},
		{"a median of OSM 46,500", true},
		{"a 5-10% raise", true},
		{"Safety: ISO 10218, functional safety reviews", false},
		{"Learn GPT 4 prompting", false},
		{"Spend 3 months on SQL", false},
		// A share or a multiple is pay only beside what it is a share of
		// (any share answers "how much of the work": TestShapesOfPosts).
		{"Specialists earn 15-25% more", true},
		{"London pays 1.3x the national average salary", true},
		{"Bonus: 10–15%", true},
		{"Team leadership and mentoring (20% of time)", false},
		{"Reading papers (2x a week)", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := statesFigure(tt.text, true); got != tt.want {
				t.Errorf("statesFigure(%q) for pay = %v; want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestDocumentNamed checks that the words naming the document asked about
// ("in the Acme alumni salary survey") are soft context, not what the
// answer must say, unless they are all the question asks.
func TestDocumentNamed(t *testing.T) {
	e := engineOver(t, os.DirFS("testdata/shapes"))
	tests := []struct {
		q          string
		soft, hard []string
	}{
		{"what is the median pay for robotics engineers in the Acme alumni salary survey?", []string{"acme", "alumni"}, []string{"robotics"}},
		{"What mix of interview rounds does the robotics interview preparation guide recommend?", []string{"preparation"}, []string{"rounds", "mix"}},
		{"what does the robotics guide say?", nil, []string{"robotics"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := e.analyze(tt.q, intentOf(tt.q))
			soft := map[string]bool{}
			for _, c := range a.concepts {
				soft[strings.ToLower(c.Text)] = c.soft
			}
			for _, w := range tt.soft {
				if s, ok := soft[w]; !ok || !s {
					t.Errorf("%q: want a soft concept (concepts: %v)", w, soft)
				}
			}
			for _, w := range tt.hard {
				if s, ok := soft[w]; !ok || s {
					t.Errorf("%q: want a concept asked about (concepts: %v)", w, soft)
				}
			}
		})
	}
}

// TestKindAsked checks which word names the kind of thing a question
// wants listed: a kind word asked for with "which" or "what", none when
// the question asks who, why or when.
func TestKindAsked(t *testing.T) {
	e := engineOver(t, os.DirFS("testdata/shapes"))
	tests := []struct{ q, kind string }{
		{"which tools do robotics engineers use?", "tools"},
		{"what topics should a QA engineer study?", "topics"},
		{"Who usually decides a PhD student's thesis topic?", ""},
		{"why do robotics teams pick these tools?", ""},
		{"when should I learn the tools of MLOps?", ""},
		{"how many projects should I bring to a robotics interview?", ""},
		// Kinds joined by "and"/"or" are both asked; another kind word is
		// what the question is about.
		{"which algorithms and techniques should I cover?", "algorithms techniques"},
		{"any podcasts or blogs about robotics?", "podcasts blogs"},
		// A kind word right after another names the same kind: "skill
		// areas" asks for skills, not about areas.
		{"which skill areas does the robotics ladder assess?", "skill areas"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			var kinds []string
			for _, c := range e.analyze(tt.q, intentOf(tt.q)).concepts {
				if c.kind {
					kinds = append(kinds, strings.ToLower(c.Text))
				}
			}
			got := strings.Join(kinds, " ")
			if got != tt.kind {
				t.Errorf("kind = %q; want %q", got, tt.kind)
			}
		})
	}
}

// TestStageWords checks what names a stage of a path: a "which" or
// "when" question asking for one, and a heading numbering one.
func TestStageWords(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"which block covers Kubernetes?", true},
		{"when does the plan finally get to deployment?", true},
		{"at what point in the roadmap do we learn Docker?", true},
		{"when should I apply for jobs?", false},
	} {
		t.Run(tt.q, func(t *testing.T) {
			if got := whichStage.MatchString(tt.q) || whenInPath.MatchString(tt.q); got != tt.want {
				t.Errorf("asks a stage = %v; want %v", got, tt.want)
			}
		})
	}
	for _, tt := range []struct {
		heading string
		want    bool
	}{
		{"Weeks 37-40: Model Deployment", true},
		{"Block 2: SQL", true},
		{"Month 6", true},
		{"Deployment", false},
		{"Top 10 tools", false},
	} {
		t.Run(tt.heading, func(t *testing.T) {
			if got := numberedStage.MatchString(tt.heading); got != tt.want {
				t.Errorf("numberedStage(%q) = %v; want %v", tt.heading, got, tt.want)
			}
		})
	}
}

// TestClipKeeping checks that a long paragraph quoted for a count or a
// duration keeps the sentence that states it when the cut would drop it.
func TestClipKeeping(t *testing.T) {
	e := engineOver(t, os.DirFS("testdata/shapes"))
	long := "In 2021 I joined a robotics start-up in Lyon after a long search. " + strings.Repeat("The work was mostly perception and a little planning, with a lot of testing on real robots. ", 4) +
		"Within a few months I led the mapping work. I stayed twenty-two months in total."
	tests := []struct {
		name, q, want string
	}{
		{"the counted duration is kept", "how long did the author stay at the start-up?", "In 2021 I joined a robotics start-up in Lyon after a long search. … I stayed twenty-two months in total."},
		{"a question asking no count is cut as clip cuts", "what did the author work on at the start-up?", clip(long, maxQuote)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.analyze(tt.q, intentOf(tt.q))
			if got := clipKeeping(a, long, maxQuote); got != tt.want {
				t.Errorf("clipKeeping = %q; want %q", got, tt.want)
			}
		})
	}
}

// TestRateIsNoPathLength checks that hours a week ask a time budget: the
// typed answer giving a path's length answers "how long does the plan
// take", not "how many hours per week does it expect".
func TestRateIsNoPathLength(t *testing.T) {
	e, _ := engineOfOne(t, "# Robotics Study Plan\n\nThis plan is for people with a full-time job and about 6-8 hrs/week to spare.\n\n"+
		"## Weeks 1-4: Kinematics\n\nForward and inverse kinematics, with one arm simulated end to end.\n\n"+
		"## Weeks 5-8: Shipping a controller\n\nPackage the controller as a ROS node and run it on the real arm.\n")
	for _, tt := range []struct {
		q     string
		typed bool
	}{
		{"how long does the whole robotics plan take?", true},
		{"how many hours per week does the robotics plan expect?", false},
		{"how many hours a day should I study for the robotics plan?", false},
	} {
		t.Run(tt.q, func(t *testing.T) {
			a := e.analyze(tt.q, intentOf(tt.q))
			if a.intent != intentDuration {
				t.Fatalf("intent = %v; want duration", a.intent)
			}
			if got := e.duration(a) != nil; got != tt.typed {
				t.Errorf("a path's length given = %v; want %v", got, tt.typed)
			}
		})
	}
}
