package reading_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/internal/reading"
	"github.com/careerbot/careerbot/knowledge"
)

// guideText stands for the guides' words: what a typo may be corrected to.
var guideText = []string{
	"Career Guide: Data Scientist and Machine Learning Engineer Salaries",
	"Junior data scientists earn $80,000 a year; senior machine learning engineers earn more.",
	"Learning path: Python, pandas, TensorFlow, PyTorch, Kubernetes, feature pipelines.",
	"Compensation depends on experience; the salary on the level. Data data data. Date of the survey: 2025.",
	"Lesson lesson lesson lesson lesson. One person, a second person, a third person.",
	"Every engineer here was an engineer first; ask an engineer. A clinical trial.",
	"Élan and élan and élan in Zürich.",
	"Pre-processing, pre-training and pre-screening come first.",
}

func newReader(texts ...string) *reading.Reader {
	return reading.New(slices.Values(texts))
}

// readsAs checks r reads q as want and returns the whole reading.
func readsAs(t *testing.T, r *reading.Reader, q, want string) reading.Reading {
	t.Helper()
	rd := r.Read(q)
	if rd.Text != want {
		t.Errorf("Read(%q).Text = %q; want %q", q, rd.Text, want)
	}
	return rd
}

// TestTypos checks which words are corrected and to what.
func TestTypos(t *testing.T) {
	r := newReader(guideText...)
	tests := []struct {
		name, q, want string
	}{
		{"one edit, six letters", "salery for juniors", "salary for juniors"},
		{"one edit, seven letters", "machine learning enginer pay", "machine learning engineer pay"},
		{"two edits, eight letters or more", "learnt tensrflw whats next", "learned tensorflow what is next"},
		{"swapped letters are one edit", "pay in romaina", "pay in Romania"},
		{"a place typed in lower case", "salaries in germnay", "salaries in Germany"},
		{"a city", "salaries in amsterdm", "salaries in Amsterdam"},
		{"a capital stays a capital", "Pytorh or tensorflow", "Pytorch or tensorflow"},
		{"a capital beyond ASCII", "Élann matters", "Élan matters"},
		{"two edits at seven letters is too far", "sallery for juniors", "sallery for juniors"},
		{"three edits at ten letters is too far", "tnsrflw basics", "tnsrflw basics"},
		{"the same first letter wins a tie", "pesson plan", "person plan"},
		{"the commoner word wins a tie", "datz science", "data science"},
		{"words the guides use stay", "pipelines for pandas", "pipelines for pandas"},
		{"English words stay even when no guide uses them", "how do I bake sourdough bread", "how do I bake sourdough bread"},
		{"English words near a guide word stay", "weather in format", "weather in format"},
		{"numbers stay", "2026 salary for 3yrs 150k", "2026 salary for 3yrs 150k"},
		{"words under four letters stay", "teh pay", "teh pay"},
		{"acronyms in capitals stay", "HIPPA rules", "HIPPA rules"},
		{"file names stay", "error in traning.py", "error in traning.py"},
		{"links stay", "see https://exmaple.com/salery", "see https://exmaple.com/salery"},
		{"nothing near: left as typed", "xqzvbn salary", "xqzvbn salary"},
		// "prep" is one edit from the guides' "pre", but the lexicon
		// knows it as a way of saying preparation.
		{"the lexicon's words stay", "which book to prep for interviews", "which book to prep for interviews"},
		// An English word as near as a word the guides use once: "trian"
		// may be train as well as trial.
		{"a tie with English and a rare guide word", "how to trian my dog", "how to trian my dog"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readsAs(t, r, tt.q, tt.want)
		})
	}
}

// TestEnglishNearer checks a typo is left alone when an English word the
// guides do not use is nearer to it than any word they do.
func TestEnglishNearer(t *testing.T) {
	tests := []struct {
		guide, q, want string
	}{
		// "experiance" is one edit from experience, two from experienced.
		{"Experienced engineers earn more.", "experiance needed", "experiance needed"},
		{"Experience matters.", "experiance needed", "experience needed"},
	}
	for _, tt := range tests {
		t.Run(tt.guide, func(t *testing.T) {
			readsAs(t, newReader(tt.guide), tt.q, tt.want)
		})
	}
}

// TestShorthand checks the field's and chat's shorthand is spelled out.
func TestShorthand(t *testing.T) {
	r := newReader(guideText...)
	tests := []struct {
		q, want string
	}{
		{"jr DS salary in the US", "junior data scientist salary in the US"},
		{"mid lvl MLE comp", "mid level ML engineer compensation"},
		{"sr. MLEs TC in the usa", "senior ML engineers total compensation in the USA"},
		{"how many yoe for a senior SWE", "how many years of experience for a senior software engineer"},
		{"senior mle sal 5+ yoe", "senior ML engineer salary 5+ years of experience"},
		{"how many leetcode qs in the coding round", "how many leetcode questions in the coding round"},
		{"FAANG vs startup comp", "FAANG vs startup compensation"},
		{"jr ds salary in uk", "junior data scientist salary in UK"},
		{"senior ML pay in RO", "senior ML pay in Romania"},
		{"ML jobs in the EU", "ML jobs in the EU"},
		{"tell us about ML", "tell us about ML"},
		{"TC vs base for a senior MLE", "total compensation vs base salary for a senior ML engineer"},
		{"which base model to fine-tune", "which base model to fine-tune"},
		{"data scientist salary in LPA", "data scientist salary in LPA in India"},
		{"DS LPA", "data scientist LPA salary in India"},
		{"is 150 k good for a jr DS", "is 150k good for a junior data scientist"},
		{"150 K?", "150K?"},
		{"top 3 k-means tricks", "top 3 k-means tricks"},
		{"comp sci degree or bootcamp", "computer science degree or bootcamp"},
		{"what do staff MLEs make", "what do staff ML engineers earn"},
		{"how much does a jr DS make in the US", "how much does a junior data scientist make in the US"},
		{"what projects should a junior make", "what projects should a junior make"},
		{"I'm a junior MLE in Austin. What do seniors make there?", "I'm a junior ML engineer in Austin. What do seniors earn there?"}, // the asking sentence, not the message, opens on what
		{"I'm a junior. Seniors make what they ask for, don't they?", "I'm a junior. Seniors make what they ask for, don't they?"},
		{"wat r the skills u need w/o a degree", "what are the skills you need without a degree"},
		{"which cloud certs r worth it", "which cloud certifications are worth it"},
		{"is python or r better for data science", "is python or r better for data science"},
		{"should i learn r for data science", "should i learn r for data science"},
		{"do data scientists use r programming", "do data scientists use r programming"},
		{"done w/ pytorch now what", "done with pytorch what next"},
		{"knw docker now wat for mlops", "know docker what next for MLOps"},
		{"what now", "what now"},
		{"how 2 start w python", "how to start with python"},
		{"top 2 skills", "top 2 skills"},
		{"do i rly need docker n k8s", "do i really need docker and k8s"},
		{"gud books for NLP", "good books for NLP"},
		{"hw long to lrn ml", "how long to learn ml"},
		{"wat shud i learn aftr pytorch", "what should i learn after pytorch"},
		{"a MLE's salary", "a ML engineer's salary"},
		{"jobs in the U.S. for u", "jobs in the U.S. for you"},
		{"is u.k. pay higher, e.g. for MLEs", "is u.k. pay higher, e.g. for ML engineers"},
		{"msc or bootcamp after uni", "master's or bootcamp after university"},
		{"a DS’s day", "a data scientist’s day"},
		// A full stop after initials ends the sentence; after a clipped
		// word it is the word's own.
		{"I am a DS. What next?", "I am a data scientist. What next?"},
		{"I study MLOps. Which week covers CI?", "I study MLOps. Which week covers CI?"},
		{"approx. TC for a jr. MLE", "approximately total compensation for a junior ML engineer"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			rd := readsAs(t, r, tt.q, tt.want)
			if len(rd.Fixes) != 0 || rd.Shown != "" || rd.Plain != rd.Text {
				t.Errorf("Read(%q) = %+v; shorthand is not a fix", tt.q, rd)
			}
		})
	}
}

// TestDE checks "DE" is read as Germany where a place goes and as data
// engineer where a person does, and that the guess is reported.
func TestDE(t *testing.T) {
	r := newReader(guideText...)
	tests := []struct {
		q, want string
	}{
		{"ML engineer salary in DE", "ML engineer salary in Germany"},
		{"MLE salary DE", "ML engineer salary Germany"},
		{"DE based data scientist pay", "Germany based data scientist pay"},
		{"jr DE salary", "junior data engineer salary"},
		{"senior DE salary in the US", "senior data engineer salary in the US"},
		{"DE salary", "data engineer salary"},
		{"how do I switch from DE to MLE", "how do I switch from data engineer to ML engineer"},
		{"what does a DE do", "what does a data engineer do"},
		{"in his de -> mle plan what happens in month 3", "in his data engineer -> ML engineer plan what happens in month 3"},
		{"ds or de, which pays more", "data scientist or data engineer, which pays more"},
		{"what do junior DEs make", "what do junior data engineers earn"},
		{"DEs in DE", "data engineers in Germany"},
		{"DEs salary DE", "data engineers salary Germany"},
		{"what does a level 5 de own in software dev", "what does a level 5 data engineer own in software developer"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			readsAs(t, r, tt.q, tt.want)
		})
	}
	rd := r.Read("jr DE salery")
	want := reading.Reading{
		Text:  "junior data engineer salary",
		Plain: "junior DE salery",
		Shown: "jr data engineer salary",
		Fixes: []reading.Fix{{From: "DE", To: "data engineer", Guess: true}, {From: "salery", To: "salary"}},
	}
	if !equalReading(rd, want) {
		t.Errorf("Read(%q) = %+v; want %+v", "jr DE salery", rd, want)
	}
}

func equalReading(a, b reading.Reading) bool {
	return a.Text == b.Text && a.Plain == b.Plain && a.Shown == b.Shown && slices.Equal(a.Fixes, b.Fixes)
}

// TestChatter checks greetings, thanks, asides and emoji do not reach the
// engine, and a message of nothing else is left as it was.
func TestChatter(t *testing.T) {
	r := newReader(guideText...)
	tests := []struct {
		q, want string
	}{
		{"yo what do staff engineers earn", "what do staff engineers earn"},
		{"hey bot, what should I learn after PyTorch?", "what should I learn after PyTorch?"},
		{"hi all! quick question: which skills matter", "which skills matter"},
		{"salary for juniors pls??", "salary for juniors?"},
		{"salary for juniors?!?", "salary for juniors?"},
		{"salary for juniors thx", "salary for juniors"},
		{"salary for juniors, plese", "salary for juniors"},
		{"salary for juniors thnaks a lot", "salary for juniors"},
		{"salary for juniors pleas", "salary for juniors pleas"},
		{"what should I learn next, thanks in advance!", "what should I learn next"},
		{"senior pay 🙏🏽 lol", "senior pay"},
		{"senior pay :) :D", "senior pay"},
		{"senior pay xD ;-P (: <3 ^_^", "senior pay"},
		{"options: 8) and x3 stay", "options: 8) and x3 stay"},
		{"senior pay <:pepe_cry:123456789> :money_with_wings:", "senior pay"},
		{"is it worth it thank you so much", "is it worth it"},
		{"how do I get hired in", "how do I get hired in"},
		{"salary in €", "salary in €"},
		{"good morning! what do seniors earn", "what do seniors earn"},
		{"how are you doing, what comes after senior?", "what comes after senior?"},
		{"how good are you at salaries", "how good are you at salaries"},
		// Nothing but chatter: left for the engine to abstain on.
		{"hey bot :)", "hey bot :)"},
		{"thx 🙏", "thx 🙏"},
		{"good morning!! how r u", "good morning!! how r u"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			readsAs(t, r, tt.q, tt.want)
		})
	}
}

// TestOnlyChatter checks a message of nothing but chatter is marked so,
// and one that asks anything is not.
func TestOnlyChatter(t *testing.T) {
	r := newReader(guideText...)
	for q, want := range map[string]bool{
		"hey bot :)": true, "thx 🙏": true, "good morning!! how r u": true, "how are you?": true,
		"hi, what's up": true, "how are you doing": true,
		"how good are you at salaries": false, "good morning! what do seniors earn": false, "salary for juniors pleas": false,
	} {
		if got := r.Read(q).Chatter; got != want {
			t.Errorf("Read(%q).Chatter = %v; want %v", q, got, want)
		}
	}
}

// TestShown checks the reading shown to users keeps what they typed but
// the fixes, and that Plain keeps everything but the fixes.
func TestShown(t *testing.T) {
	r := newReader(guideText...)
	rd := r.Read("yo learnt tensorflw whats next 🙏")
	want := reading.Reading{
		Text:  "learned tensorflow what is next",
		Plain: "learned tensorflw what is next",
		Shown: "yo learnt tensorflow whats next",
		Fixes: []reading.Fix{{From: "tensorflw", To: "tensorflow"}},
	}
	if !equalReading(rd, want) {
		t.Errorf("Read = %+v; want %+v", rd, want)
	}
}

// TestKnownWordsNeverCorrected reads every word of the guides, in several
// cases, and wants each left as it is.
func TestKnownWordsNeverCorrected(t *testing.T) {
	r := newReader(guideText...)
	for _, text := range guideText {
		for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !('a' <= r|0x20 && r|0x20 <= 'z') }) {
			for _, v := range []string{w, strings.ToLower(w), strings.ToUpper(w[:1]) + strings.ToLower(w[1:])} {
				if rd := r.Read(v + " salary"); len(rd.Fixes) != 0 {
					t.Errorf("Read(%q) fixed %+v; the guides use it", v, rd.Fixes)
				}
			}
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"jr DS salery in the US", "mid lvl MLE comp in romaina", "learnt tensorflw whats next",
		"sr data scientist pay usa??", "hey bot :)", "yo what do staff MLEs make 🙏🏽", "DE", "de de DE",
		"150 k", "k k 1 k", "w/o w/ w/", "<:a:1> :b: :)", "thanks", "jr.", "what's", "it’s", "base",
		"LPA lpa", "a'b ''", "x\u200dy\ufe0f", "ǅemo Ǳ", "İstanbul salery",
		"<@U0BOT> jr DS salery", "@everyone @here mid lvl MLE comp", "<@!1>, <#C1|general> whats next", "<!channel>",
		"\u202ejr DS salery\u202c", "Roma\u200bnia sal\u2060ery", "\u2066hey\u2069 bot \ufeff:)",
	} {
		f.Add(s)
	}
	r := newReader(guideText...)
	f.Fuzz(func(t *testing.T, q string) {
		// Read's callers give it questions advisor.CleanQuestion accepted
		// (which refuses "\u202c" alone: testdata/fuzz keeps it).
		q, err := advisor.CleanQuestion(q)
		if err != nil {
			return
		}
		rd := r.Read(q)
		for _, s := range []string{rd.Text, rd.Plain, rd.Shown} {
			if !utf8.ValidString(s) {
				t.Fatalf("Read(%q) gave invalid UTF-8: %+v", q, rd)
			}
		}
		if rd.Text == "" || rd.Plain == "" {
			t.Fatalf("Read(%q) gave an empty reading: %+v", q, rd)
		}
		for _, s := range []string{rd.Text, rd.Plain, rd.Shown} {
			if strings.IndexFunc(s, advisor.Invisible) >= 0 {
				t.Fatalf("Read(%q) = %+v keeps an invisible character", q, rd)
			}
		}
		if len(rd.Fixes) == 0 && (rd.Shown != "" || rd.Plain != rd.Text) {
			t.Fatalf("Read(%q) = %+v: no fixes, yet a shown or plain reading", q, rd)
		}
		if len(rd.Fixes) > 0 && rd.Shown == "" {
			t.Fatalf("Read(%q) = %+v: fixes without a shown reading", q, rd)
		}
		// A reading's words read as themselves: what the engine answers
		// is settled in one reading.
		if again := r.Read(rd.Text).Text; rd.Text != q && !slices.Equal(words(again), words(rd.Text)) {
			t.Fatalf("Read(%q).Text = %q, which reads as %q", q, rd.Text, again)
		}
	})
}

// BenchmarkRead reads questions as typed, one at a time, over the
// bundled guides' words: one typed right, one with shorthand, one with
// typos (each a walk of the vocabulary), one off topic.
func BenchmarkRead(b *testing.B) {
	gs, _, err := guide.Load(knowledge.Guides(), "")
	if err != nil {
		b.Fatal(err)
	}
	r := reading.New(func(yield func(string) bool) {
		for _, g := range gs {
			for _, s := range g.Sections {
				if !yield(g.Title) || !yield(strings.Join(s.Path, " ")) || !yield(s.Text()) {
					return
				}
			}
		}
	})
	qs := []string{
		"How much does a senior ML engineer make in Romania?",
		"yo jr DS TC in the US?? 🙏",
		"mid lvl MLE comp in romaina, learnt tensorflw whats next",
		"how do I bake sourdough bread",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.Read(qs[i%len(qs)])
	}
}

// words returns the runs of letters and digits of s.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// TestParts checks a question asking two things is cut into them, and one
// asking one thing is left whole.
func TestParts(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"How many offers did she get, and how many did she accept?", []string{"How many offers did she get?", "how many did she accept?"}},
		{"senior robotics eng at acme - what grade and how many yoe", []string{"senior robotics eng at acme - what grade?", "how many yoe"}},
		{"Which stage covers Spark and how long does it last?", []string{"Which stage covers Spark?", "how long does it last?"}},
		{"Should I wait? What does the roadmap say about the order?", []string{"Should I wait?", "What does the roadmap say about the order?"}},
		{"Did networking pay off for the author, or is it overrated?", []string{"Did networking pay off for the author?", "is it overrated?"}},
		{"Do researchers and engineers earn the same?", []string{"Do researchers and engineers earn the same?"}},
		{"what do seniors earn in Berlin and Munich", []string{"what do seniors earn in Berlin and Munich"}},
		{"SQL and how?", []string{"SQL and how?"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := reading.Parts(tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("Parts(%q) = %q; want %q", tt.q, got, tt.want)
			}
		})
	}
}

// TestAsks checks a message is split into what it asks and the background
// it gives: the sentences that do not ask, and a closing clause saying
// what the asker wants it for.
func TestAsks(t *testing.T) {
	tests := []struct {
		msg, ask, background string
	}{
		{"I've taught chemistry for eight years. Is a bootcamp enough to get hired?", "Is a bootcamp enough to get hired?", "I've taught chemistry for eight years."},
		{"How long does a PhD take if I want an ML research career?", "How long does a PhD take?", "I want an ML research career"},
		{"which certs matter, if im aiming for a cloud robotics role", "which certs matter?", "im aiming for a cloud robotics role"},
		{"what do seniors earn if they negotiate?", "what do seniors earn if they negotiate?", ""},
		{"what if I want to?", "what if I want to?", ""},
		{"Should I learn Rust?", "Should I learn Rust?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			ask, bg := reading.Asks(tt.msg)
			if ask != tt.ask || bg != tt.background {
				t.Errorf("Asks(%q) = %q, %q; want %q, %q", tt.msg, ask, bg, tt.ask, tt.background)
			}
		})
	}
}
