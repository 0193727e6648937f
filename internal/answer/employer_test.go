package answer_test

import (
	"testing"
)

// TestEmployerFigures checks that a pay question naming a kind of employer
// ("at a startup", "FAANG") gets the figures a list item labels with it,
// before figures another guide gives for the role under no employer.
func TestEmployerFigures(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-ladder.md": "# Robotics Engineer Ladder\n\n## Principal Robotics Engineer (10+ years)\n\n" +
			"Principal robotics engineers set the technical direction. Salary: $260K-310K (US).\n",
		"robotics-pay.md": "# Robotics Pay Survey\n\n## US pay by employer\n\n### Principal (10+ years)\n\n" +
			"- Startups: $190K-230K\n- Mid-size: $220K-270K\n- FAANG: $330K-450K\n",
	}))
	tests := []struct{ q, want, not string }{
		{"faang principal robotics eng comp?", "$330K", "$190K"},
		{"what do principal robotics engineers make at startups", "$190K", "$330K"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			run(t, e, tt.q, says(tt.want), saysNot(tt.not))
		})
	}
}

// TestPremiumForSkill checks that a question about the premium one skill
// commands gets the premium of the row naming that skill, not the first
// row of the table.
func TestPremiumForSkill(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-premiums.md": "# Robotics Pay Premiums\n\n## Skill premiums\n\n" +
			"Robotics engineers with these skills earn a premium over general embedded roles:\n\n" +
			"| Skill Area | Premium Over Embedded Roles |\n|---|---|\n" +
			"| Motion planning | +12–18% |\n| Sensor fusion / SLAM | +22–35% |\n| Safety certification | +8–14% |\n",
	}))
	run(t, e, "How big a salary premium does sensor fusion and SLAM experience command over embedded roles?", says("22–35%"))
}

// TestPayAnsweredByFigures checks that a pay question is answered by a
// figure, not by a sentence of the same guide that names the role and
// says its pay varies: "salary" is accounted for only by a figure.
func TestPayAnsweredByFigures(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-careers.md": "# Robotics Career Guide\n\n## Introduction\n\n" +
			"The field spans robotics engineers, perception engineers and controls engineers, each with distinct career paths and compensation packages. Salary varies widely with experience.\n\n" +
			"## Entry-level roles\n\nJunior roles earn $72,000–$91,000 a year in the United States.\n\n" +
			"## Senior roles\n\nSenior robotics engineers earn $150,000–$210,000.\n",
	}))
	for _, q := range []string{"jr robotics engineer salery in the US", "what do junior robotics engineers make in the US?"} {
		t.Run(q, func(t *testing.T) {
			run(t, e, q, says("$72,000"))
		})
	}
}

// TestRelativeFigures checks that "how much can I negotiate up" is answered
// by the sentence giving the share ("a 5-10% increase"), a figure of its
// own, over the sentences around it that give none.
func TestRelativeFigures(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"robotics-offers.md": "# Robotics Job Offers\n\n## Negotiations\n\n" +
			"Robotics companies expect candidates to negotiate. It is usually possible to get a 5-10% raise over the initial offer. " +
			"Equity and a signing bonus are negotiable too. These are all things you can ask for during negotiations, so decide what you need before the call.\n\n" +
			"## Accepting\n\nIf they meet your asks, there is an expectation that you will accept the offer.\n",
	}))
	run(t, e, "how much can i usually negotiate up from the first offer", says("5-10%"))
}
