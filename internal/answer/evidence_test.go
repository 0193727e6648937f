package answer_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/careerbot/careerbot/internal/answer"
)

// TestListEvidence checks that a list answers by the words that
// introduce it, and that a table's rows and the list of its first column,
// which open on one line, do not lend each other evidence.
func TestListEvidence(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-stack.md": "# Robotics Software Roadmap\n\n## The stack by area\n\n" +
			"| Skill Area | Topics & Tools |\n|---|---|\n" +
			"| Simulation | Gazebo, Isaac Sim, MuJoCo |\n" +
			"| Middleware | ROS 2, DDS, Zenoh |\n" +
			"| Perception | OpenCV, PCL, Open3D |\n",
		"robotics-skills.md": "# Robotics Engineer Skills\n\n## Core skills\n\n" +
			"- Control theory: PID, MPC and state estimation for real robots.\n" +
			"- Sensor integration: familiarity with the following sensor tools is expected:\n" +
			"  - RViz\n  - Foxglove\n  - rosbag\n" +
			"- Embedded C++: real-time loops on microcontrollers.\n",
		"drone-hobby.md": "# Drone Hobby Guide\n\n## Tooling\n\n" +
			"- Sensor Integration Tools: Arduino IDE, PlatformIO\n- Flight controllers: Betaflight, ArduPilot\n",
	}))
	tests := []struct{ q, want, not string }{
		// The row names the area and its tools; the column list only the areas.
		{"which tools should I learn for robot simulation?", "Gazebo", "Middleware"},
		// "the following sensor tools" introduces the nested list, over an
		// item of another guide labelled with the words asked.
		{"sensor integration tools for robotics engineers?", "Foxglove", "Arduino"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			run(t, e, tt.q, says(tt.want), saysNot(tt.not))
		})
	}
}

// TestBeforeStart checks that "what should I know before starting" asks
// for a path's prerequisites, not its first stage.
func TestBeforeStart(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-path.md": "# Robotics Learning Path\n\n## Before you begin\n\n" +
			"Before starting this path you should be comfortable with:\n\n- Linear algebra\n- Python or C++\n- Basic physics\n\n" +
			"## Stage 1: Kinematics (4 weeks)\n\nForward and inverse kinematics of arms and mobile robots.\n\n" +
			"## Stage 2: Control (6 weeks)\n\nPID and model predictive control.\n\n" +
			"## Stage 3: Perception (6 weeks)\n\nCameras, lidar and SLAM.\n",
	}))
	run(t, e, "What should I know before starting the robotics path?", says("Linear algebra"), saysNot("Kinematics"))
}

// TestValueQuestion checks that "what X is Y" asks for Y's X, a value,
// not a list of Xs: the sentence that says it answers, not a list under Y.
func TestValueQuestion(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-ladder.md": "# Robotics Engineering Roles\n\n## Levels\n\n### Senior Robotics Engineer\n\n" +
			"The Senior level in the Hardware Division is a grade 7.\n\n#### Senior Responsibilities\n\n" +
			"- Owns the motion planning stack at Acme and reviews designs across teams.\n- Mentors junior robotics engineers.\n\n" +
			"### Staff Robotics Engineer\n\nThe Staff level in the Hardware Division is a grade 8.\n\n#### Staff Responsibilities\n\n" +
			"- Sets the technical direction for robotics at Acme.\n- Leads cross-team initiatives.\n",
	}))
	run(t, e, "what grade is a senior robotics engineer at acme", says("grade 7"))
}

// TestExplanations checks that a why-question is answered by the sentence
// that explains, not by a list that only names the topic among others, and
// that one bullet is read as the sentence it is, not as a list.
func TestExplanations(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-skills.md": "# Robotics Engineer Skills\n\n## Complementary skills\n\n### Technical\n\n" +
			"- Cloud robotics (AWS RoboMaker)\n- Docker and Kubernetes\n- ROS 2 and DDS middleware\n- Embedded Linux\n\n" +
			"## Middleware\n\nROS 2 matters because it lets perception, planning and control run as separate processes that fail and restart on their own.\n\n" +
			"## Simulation\n\nSimulation is where most robot behaviour is tested before hardware. Use tools like Gazebo or Isaac Sim for physics, and MuJoCo for contact-rich manipulation.\n\n" +
			"- Take the \"Simulation Basics\" course.\n",
	}))
	tests := []struct{ q, want string }{
		{"Why is ROS 2 important for robotics?", "separate processes"},
		{"robot simulation tools?", "Gazebo"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			run(t, e, tt.q, says(tt.want))
		})
	}
}

// TestKindsInLabels checks that "what kinds of X" is answered by the list
// whose items are each labelled an X, not by one of its items.
func TestKindsInLabels(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-interviews.md": "# Robotics Interviews\n\n## Preparation\n\n### Practice\n\n" +
			"- Design Questions - questions asked to see how you would architect a robot's software stack and its failure modes\n" +
			"- Coding Questions - questions asked to gauge your C++ and Python\n" +
			"- Hardware Questions - questions asked about sensors and actuators\n",
	}))
	run(t, e, "What kinds of questions should I practice for a robotics interview?", says("Design Questions", "Coding Questions", "Hardware Questions"))
}

// TestGenericHeading checks that a heading naming only a generic word of
// the question ("Current Market Landscape" for "my current salary") lends
// no evidence that its section answers.
func TestGenericHeading(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-market.md": "# Robotics Careers 2026\n\n## Current Market Landscape\n\n" +
			"- Adoption: most factories now run at least one robot cell.\n" +
			"- Talent: demand for robotics engineers outpaces supply, and salaries keep rising.\n",
		"robotics-interviews.md": "# Robotics Interview Handbook\n\n## Talking about pay\n\n" +
			"Recruiters often ask what salary you expect on the first call. Do not volunteer your current salary: it anchors the offer to your old pay.\n\n" +
			"If pressed, give a broad range from market data and say you would rather discuss pay once the role is clear.\n",
	}))
	q := "should I tell the recruiter my current salary?"
	cands, heading := optionsWith(t, e, q, "topic_heading")
	seen := false
	for _, c := range cands {
		if len(c.Answer.Citations) == 0 || c.Answer.Citations[0].Section != "Current Market Landscape" {
			continue
		}
		seen = true
		if c.Features[heading] != 0 {
			t.Errorf("%q: topic_heading = %v; want 0", c.Answer.Text, c.Features[heading])
		}
	}
	if !seen {
		t.Errorf("%s: no option quotes the market section", q)
	}
}

// TestRoleByShortForm checks that a role the guides write only by its
// short form ("an SDE 2 role") is covered: the question is answered, not
// refused as about software engineers no guide names.
func TestRoleByShortForm(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-levels.md": "# Acme Robotics Interview Prep\n\n## Motion planning\n\n" +
			"For an SDE 2 role, knowing sampling-based planners such as RRT and PRM is enough; an SDE 3 role also needs trajectory optimisation.\n",
	}))
	run(t, e, "for an sde 2 robotics role at acme what level of motion planning is needed", says("RRT"), saysNot("don't cover"))
}

// TestShapesOfPosts checks three shapes blog posts write answers in: a
// paragraph running on into its list (it leads the list, quoted as one
// sentence with no colon put in); a heading that makes the claim ("ROS is
// 70% of the Work"), said with the paragraph under it that argues it
// without the figure; and a list of labelled things too long to quote
// whole, asked for as several, said by all its labels rather than by the
// first few in full.
func TestShapesOfPosts(t *testing.T) {
	long := " — this takes a long paragraph to explain properly, with examples, caveats, and the tools people reach for first"
	tests := []struct {
		name, file, text, q string
		want                []check
	}{
		{"run-on lead", "robot-evals.md", "# Shipping Robot Policies\n\n## Evaluation\n\n" +
			"Simulation hides a lot. For a fair test, remember the 3 Cs: you want to test the policy on\n\n" +
			"- **c**luttered tables\n- **c**hanging light\n- **c**ommon household objects\n\n" +
			"## Deployment\n\nShip to ten homes first and watch the logs every day.\n",
			"what are the 3 Cs for testing a robot policy?",
			[]check{says("test the policy on cluttered tables", "changing light"), saysNot("policy on:")}},
		{"claim heading", "robot-lessons.md", "# What Two Years of Robotics Taught Me\n\n## Lessons\n\n" +
			"### 1. Ship Early\n\nNobody waits for a perfect robot.\n\n" +
			"### 2. ROS is 70% of the Work\n\nI spent months on control theory. I should have learned ROS properly first.\n\n" +
			"### 3. Hardware Breaks\n\nKeep spare motors.\n",
			"how much of the work does he say ROS is?", []check{says("70%")}},
		{"a long list by its labels", "robot-topics.md", "# Robot Software Interviews\n\n## Autonomy stack\n\nThe topics to master for robot autonomy:\n\n" +
			"- **Localization**: where the robot is" + long + "\n- **Mapping**: what is around it" + long +
			"\n- **Path planning**: how it gets there" + long + "\n- **Control**: how it follows the path" + long +
			"\n- **Safety**: how it stops in time" + long + "\n",
			"which autonomy topics should I master for robot interviews?",
			[]check{says("Localization", "Mapping", "Path planning", "Control", "Safety")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEngine(t, parseAll(t, map[string]string{tt.file: tt.text}))
			run(t, e, tt.q, tt.want...)
		})
	}
}

// TestClippedWords checks that a clipped word of the trade reaches its
// full form: a guide's "Prep Time: ~5 weeks" answers "how long to prepare",
// among more stage rows stating durations than are weighed, which name no
// preparing.
func TestClippedWords(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Robotics Engineer Interview Prep Plan\n\n" +
		"> **Goal:** Pass robotics engineer interviews\n> **Prep Time:** ~5 weeks in total\n\n")
	for phase := 1; phase <= 4; phase++ {
		fmt.Fprintf(&b, "## Phase %d (Week %d)\n\n| Topic | Time | What Interviewers Ask |\n|---|---|---|\n", phase, phase)
		for row := 1; row <= 5; row++ {
			fmt.Fprintf(&b, "| Topic %c%d | %d days | Robotics engineer interview drill %d |\n", 'A'+phase, row, row, row)
		}
		b.WriteString("\n")
	}
	e := newEngine(t, parseAll(t, map[string]string{"robotics-prep.md": b.String()}))
	run(t, e, "How long does it take to prepare for robotics engineer interviews?", says("5 weeks"))
}

// TestWriterAndBackground checks two readings of a story post beside a
// plan: a question about the writer ("did he", "the author") is answered
// in the writer's own first person, with a duration said in words ("a
// year and a few months") over the plan's counted one; and a question
// pointing back at its background ("in that stretch") asks about what the
// background named.
func TestWriterAndBackground(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"welding-to-robotics.md": "# From Welding to Robotics\n\n## My story\n\n" +
			"I welded pipelines for six years before I wanted something new. " +
			"It took about a year and a few months of teaching myself before I landed my first robotics job. " +
			"Keeping a schedule was crucial while I was learning. I woke up at 5 am every weekday and put in three hours of practice before my shift.\n",
		"robotics-plan.md": "# Robotics Study Plan - 2 Hours Daily\n\n## Goal\n\n" +
			"- Timeline: 6 months of study to land a robotics job\n- Daily schedule: 2 hours of study, 1 hour of projects\n\n" +
			"## Weeks 1-4: Kinematics\n\nTopics covered:\n\n- Forward kinematics\n- Inverse kinematics\n- Jacobians\n\n" +
			"## Weeks 5-8: Control\n\nTopics covered:\n\n- PID tuning\n- Model predictive control\n- State estimation\n\n" +
			"## Weeks 9-12: Perception\n\nTopics covered:\n\n- Camera calibration\n- Lidar point clouds\n- SLAM\n\n" +
			"## Optional topics\n\nIf you have a spare stretch, cover these optional topics too:\n\n- ROS 2 launch files\n- Gazebo worlds\n- URDF models\n",
	}))
	tests := []struct{ q, want string }{
		{"How long did the author teach himself before landing his robotics job?", "a year and a few months"},
		{"What daily schedule did he keep while he was learning?", "5 am"},
		{"I work nights in a warehouse and study two hours a day. I've reached the control weeks of the plan. Which topics should I be covering in that stretch?", "PID tuning"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			run(t, e, tt.q, says(tt.want))
		})
	}
}

// TestWriterVoice checks what marks evidence told by the writer: a
// question about the writer in the third person ("did he", "the author")
// finds it in every passage of a section told in the first person, also
// one without an "I" of its own, and in none of a guide's advice; a
// question about what the author advises asks for the guide's voice.
func TestWriterVoice(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"welding-to-robotics.md": "# From Welding to Robotics\n\n## Tools\n\n" +
			"I expected to throw my toolkit away. The daily tools became ROS 2 for robots and Gazebo for simulation. My old CAD skills still helped.\n",
		"robotics-tools.md": "# Robotics Tools Guide\n\n## Daily tools\n\n" +
			"Most robotics engineers use ROS 2 and Gazebo as their daily tools.\n",
	}))
	tests := []struct {
		q     string
		about bool // the question is about the writer
	}{
		{"Which daily tools did he use after welding?", true},
		{"Which daily tools did the author use?", true},
		{"Which daily tools does the author recommend?", false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			cands, voice := optionsWith(t, e, tt.q, "writer_voice")
			story, advice := false, false
			for _, c := range cands {
				if len(c.Answer.Citations) == 0 || c.Features[voice] == 0 {
					continue
				}
				switch c.Answer.Citations[0].Title {
				case "From Welding to Robotics":
					story = story || strings.Contains(c.Answer.Text, "The daily tools became")
				case "Robotics Tools Guide":
					advice = true
				}
			}
			if story != tt.about || advice {
				t.Errorf("writer_voice on the story's own sentence = %v, want %v; on the guide's advice = %v, want false", story, tt.about, advice)
			}
		})
	}
}

// TestResourceKinds checks that podcasts, blogs, websites and the like are
// kinds of thing a question asks to have listed: the list of them answers,
// not a sentence that only mentions one.
func TestResourceKinds(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-listening.md": "# Robotics Career Notes\n\n## Staying current\n\n" +
			"Practitioners say a podcast on a commute beats a textbook at night, so listen while you travel.\n\n" +
			"- Robot Talk\n- The Robot Report\n- Sense Think Act\n",
	}))
	run(t, e, "which podcasts should I listen to?", says("Robot Talk", "Sense Think Act"))
}

// TestAskedAndStated checks that a kind of question marks the evidence
// that answers it in its own way, and that such evidence is among the
// options even when it shares few words with the question: the top of a
// comparison ("…is the highest"), a verdict between two things, a time,
// a text's length, a book named by its title and author.
func TestAskedAndStated(t *testing.T) {
	tests := []struct {
		name, file, text, q, feature string
		want                         map[string]float64 // option text → the feature's value
	}{
		{"the top", "robotics-pay.md", "# Robotics Pay Survey\n\n## Location\n\n" +
			"Pay for robotics engineers varies a lot by region. Pay in Bavaria is the highest, by far.\n",
			"which region pays robotics engineers the most?", "states_top", map[string]float64{
				"Pay in Bavaria is the highest, by far [1].":             1,
				"Pay for robotics engineers varies a lot by region [1].": 0,
			}},
		{"a verdict", "robotics-teams.md", "# Robotics Team Notes\n\n## Simulation or hardware first?\n\n" +
			"Simulation-first teams iterate quickly and break nothing.\n\n" +
			"Hardware-first teams find the real failure modes early.\n\n" +
			"In my experience a mix of the two works best for a small team.\n",
			"simulation vs hardware first, which is better for robotics teams?", "states_verdict", map[string]float64{
				"In my experience a mix of the two works best for a small team [1].": 1,
				"Simulation-first teams iterate quickly and break nothing [1].":      0,
			}},
		{"a time", "robotics-survey.md", "# Robotics Hiring Survey\n\n## Method\n\n" +
			"We asked hiring managers at forty robotics companies about their teams. The answers were collected in March 2025.\n",
			"when was the robotics hiring survey collected?", "states_time", map[string]float64{
				"The answers were collected in March 2025 [1].":                               1,
				"We asked hiring managers at forty robotics companies about their teams [1].": 0,
			}},
		{"a length", "robotics-cv.md", "# Robotics Applications\n\n## Your CV\n\n" +
			"Recruiters at robotics firms skim a CV in under a minute. Keep it to one page, two if you have a decade behind you.\n",
			"how long should my resume be for robotics jobs?", "states_length", map[string]float64{
				"Keep it to one page, two if you have a decade behind you [1].": 1,
				"Recruiters at robotics firms skim a CV in under a minute [1].": 0,
			}},
		{"a section's opening", "robotics-levels.md", "# Robotics Team Levels\n\n## R2: Engineer\n\n" +
			"An R2 owns one subsystem end to end. You choose your own approach for work of a few weeks.\n\n" +
			"- **On call:** yes, in the normal rotation\n- **Design:** small notes for your own work\n\n" +
			"## R3: Senior Engineer\n\nAn R3 turns vague requests into designs. They also mentor R2 engineers.\n",
			"what does the R2 level involve?", "opening_asked", map[string]float64{
				"An R2 owns one subsystem end to end. You choose your own approach for work of a few weeks [1].": 1,
				"An R3 turns vague requests into designs. They also mentor R2 engineers [1].":                    0,
			}},
		{"a book by its title and author", "robotics-reading.md", "# Robotics Reading\n\n## Week 3: Motion planning\n\n" +
			"Study sampling-based planners and their failure modes.\n\n" +
			"Read relevant chapters from \"Planning Algorithms\" by Steven LaValle.\n",
			"which book does the robotics reading plan use for motion planning?", "kind_named", map[string]float64{
				"Read relevant chapters from \"Planning Algorithms\" by Steven LaValle [1].": 1,
				"Study sampling-based planners and their failure modes [1].":                 0,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEngine(t, parseAll(t, map[string]string{tt.file: tt.text}))
			cands, at := optionsWith(t, e, tt.q, tt.feature)
			got := map[string]float64{}
			for _, c := range cands {
				got[c.Answer.Text] = max(got[c.Answer.Text], c.Features[at]) // the naive paragraph may repeat a passage
			}
			for text, want := range tt.want {
				if v, ok := got[text]; !ok || v != want {
					t.Errorf("%s of %q = %v (option found: %v); want %v\noptions: %q", tt.feature, text, v, ok, want, slices.Collect(maps.Keys(got)))
				}
			}
		})
	}
}

// optionsWith returns every option the engine weighs for q, and where the
// named feature sits in their Features.
func optionsWith(t *testing.T, e *answer.Engine, q, feature string) ([]answer.Candidate, int) {
	t.Helper()
	i := slices.Index(answer.FeatureNames(), feature)
	if i < 0 {
		t.Fatalf("no feature %q", feature)
	}
	cands, err := e.Candidates(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return cands, i
}

// TestPathQuestions checks questions about a plan's stages: "how long
// should A take before I move on to B" asks how long A takes (B is where
// the span ends), and asking when a plan gets to something is answered
// with the stage that does, named by its heading.
func TestPathQuestions(t *testing.T) {
	tests := []struct{ name, guide, q, want string }{
		{"a duration before moving on", "# Robotics Learning Path\n\n## Phase 1: Foundations (2-3 months)\n\nLinear algebra, Python and basic physics.\n\n" +
			"## Phase 2: Core Robotics Concepts (3-4 months)\n\nKinematics, control and core robotics concepts such as state estimation.\n\n" +
			"## Phase 3: Perception (2 months)\n\nCameras, lidar and SLAM.\n",
			"How long should the foundations phase take before I move on to core robotics concepts?", "2-3 months"},
		{"when a plan gets to something", "# Robotics Study Plan\n\n" +
			"## Weeks 1-4: Kinematics\n\nForward and inverse kinematics, with one arm simulated end to end.\n\n" +
			"## Weeks 5-8: Shipping a controller\n\nPackage the controller as a ROS node and run it on the real arm.\n",
			"when does the robotics plan get to running things on the real arm?", "Weeks 5-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEngine(t, parseAll(t, map[string]string{"robotics-path.md": tt.guide}))
			run(t, e, tt.q, says(tt.want))
		})
	}
}

// TestKindIntroduced checks that a passage introduced as the kind of thing
// asked for ("**Certifications (Optional):**") is weighed however many long
// lists elsewhere say every word of the question, item by item.
func TestKindIntroduced(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Switching from Software Engineering to ML: A Phased Plan\n\n")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, "**Phase %d: Step %d of the switch (%d-%d months)**\n\n", i, i, i*2, i*2+2)
		b.WriteString("*   **Objective:** Transition from software engineering to an ML role at your own pace.\n")
		b.WriteString("*   **Timeline:**\n    *   **First weeks:** keep your software engineering work and study ML at night.\n")
		b.WriteString("    *   **Later:** plan the switch and consider certifications once the projects are done.\n")
		b.WriteString("*   **Resources:**\n    *   **Courses:** Coursera, fast.ai\n    *   **Practice:** Kaggle\n\n")
	}
	b.WriteString("**Phase 21: Credentials**\n\n*   **Actionable Steps:**\n    1.  **Portfolio:** two served models.\n")
	b.WriteString("    2.  **Certifications (Optional):**\n        *   Consider the Cloud ML Practitioner Certificate to show cloud skills.\n")
	e := newEngine(t, parseAll(t, map[string]string{"swe-to-ml-phases.md": b.String()}))
	run(t, e, "Is there a certification worth getting when switching from software engineering to ML?", says("Cloud ML Practitioner Certificate"))
}
