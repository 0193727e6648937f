package answer_test

import (
	"testing"
)

// TestLevelDuration checks that "how long does the beginner level take"
// is answered with the learning stage's span, not the years of experience
// a role of the guide's career ladder asks for ("Mid-Level Security
// Engineer (2-5 years)"), nor a finer stage inside the level that says
// less of the question.
func TestLevelDuration(t *testing.T) {
	e := newEngine(t, parseAll(t, map[string]string{
		"cloud-security.md": "# Cloud Security Engineering: Beginner to Expert\n\n" +
			"## Beginner Level (0-4 months)\n\n### Core Skills\n\n- Networking basics\n- Linux permissions\n\n" +
			"### Study Plan (Beginner)\n\n- Month 1-2: Security fundamentals and identity basics\n- Month 3-4: Security engineering labs and logging\n\n" +
			"## Intermediate Level (4-10 months)\n\n### Core Skills\n\n- Threat modelling\n- Infrastructure as code scanning\n\n" +
			"## Advanced Level (10+ months)\n\n### Core Skills\n\n- Incident response at scale\n\n" +
			"## Career Progression\n\n### Junior Security Engineer (0-2 years)\n\n- Triage alerts\n- Patch hosts\n\n" +
			"### Mid-Level Security Engineer (2-5 years)\n\n- Design secure cloud networks\n- Mentor juniors in security engineering\n\n" +
			"### Senior Security Engineer (5+ years)\n\n- Own the security architecture\n",
	}))
	tests := []struct{ q, want, not string }{
		{"How long does the beginner level of security engineering take?", "0-4 months", "2-5 years"},
		{"how long is the intermediate level of cloud security?", "4-10 months", "2-5 years"},
		{"how long does the beginner stage of security engineering last", "0-4 months", "2 months"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			run(t, e, tt.q, says(tt.want), saysNot(tt.not))
		})
	}
}
