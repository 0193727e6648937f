package answer

import (
	"sort"
	"strings"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/facts"
)

// catalog holds the values chat front ends offer for autocompletion, each
// with how often the guides name it.
type catalog map[advisor.SuggestKind]map[string]int

func newCatalog(all []facts.Facts) catalog {
	c := catalog{}
	add := func(k advisor.SuggestKind, v string) {
		if v = strings.TrimSpace(v); v == "" {
			return
		}
		if c[k] == nil {
			c[k] = map[string]int{}
		}
		c[k][v]++
	}
	for _, f := range all {
		for _, s := range f.Salaries {
			add(advisor.SuggestRole, s.Role)
			add(advisor.SuggestLevel, s.Level.Label())
			add(advisor.SuggestRegion, s.Region.Name)
		}
		for _, p := range f.Paths {
			for _, st := range p.Stages {
				add(advisor.SuggestTopic, st.Name)
				for _, t := range st.Topics {
					for _, part := range splitTopic(t) {
						add(advisor.SuggestTopic, part)
					}
				}
			}
		}
	}
	return c
}

// splitTopic cuts "Libraries: NumPy, Pandas" into "NumPy", "Pandas" and
// "Deep Learning - Neural Networks" into its name, so suggestions are the
// short names people type.
func splitTopic(t string) []string {
	if _, rest, ok := strings.Cut(t, ": "); ok {
		t = rest
	}
	t, _, _ = strings.Cut(t, " - ")
	t, _, _ = strings.Cut(t, " (")
	var out []string
	for _, p := range strings.Split(t, ",") {
		if p = strings.TrimSpace(p); p != "" && len(p) <= 60 {
			out = append(out, p)
		}
	}
	return out
}

// Suggest returns values of kind matching prefix. See advisor.Catalog.
func (e *Engine) Suggest(kind advisor.SuggestKind, prefix string, limit int) []string {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	type cand struct {
		v      string
		starts bool
		n      int
	}
	var cs []cand
	for v, n := range e.catalog[kind] {
		lv := strings.ToLower(v)
		if !strings.Contains(lv, prefix) {
			continue
		}
		cs = append(cs, cand{v, strings.HasPrefix(lv, prefix), n})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].starts != cs[j].starts {
			return cs[i].starts
		}
		if cs[i].n != cs[j].n {
			return cs[i].n > cs[j].n
		}
		return cs[i].v < cs[j].v
	})
	out := make([]string, 0, min(limit, len(cs)))
	for _, c := range cs {
		if len(out) == limit {
			break
		}
		out = append(out, c.v)
	}
	return out
}
