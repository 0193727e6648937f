package discord_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/careerbot/careerbot/internal/advisor"
)

// hidden reports whether s holds an invisible character (advisor.Invisible)
// other than the zero-width spaces Escape puts after "@" and "<".
func hidden(s string) bool {
	s = strings.NewReplacer("@\u200b", "@", "<\u200b", "<").Replace(s)
	return strings.IndexFunc(s, advisor.Invisible) >= 0
}

// texts returns every string of a response that Discord shows.
func texts(d *discordgo.InteractionResponseData) map[string]string {
	out := map[string]string{"content": d.Content}
	for _, e := range d.Embeds {
		out["title"], out["description"] = e.Title, e.Description
		for i, f := range e.Fields {
			out["field name "+string(rune('0'+i))] = f.Name
			out["field value "+string(rune('0'+i))] = f.Value
		}
		if e.Footer != nil {
			out["footer"] = e.Footer.Text
		}
	}
	for i, c := range d.Choices {
		out["choice "+string(rune('0'+i))] = c.Name
	}
	return out
}

// TestHostileQuestions checks that /ask questions opening with mentions,
// or hiding bidi controls and zero-width characters, are answered as if
// typed plainly, and that the embed shows none of those characters.
func TestHostileQuestions(t *testing.T) {
	e := engine(t)
	h := newHarness(t, e, e, nil)
	for _, q := range []string{
		"@everyone what salary for senior ML in Romania",
		"@here what salary for senior ML in Romania",
		"<@123456789012345678> what salary for senior ML in Romania",
		"<@!123456789012345678>, <#987654321098765432> what salary for senior ML in Romania",
		"what salary for senior ML in Roma\u200bnia",
		"\u202ewhat salary for senior ML in Romania\u202c",
		"\u2067what salary\u2069 for \u200fsenior ML in Romania\ufeff",
	} {
		t.Run(q, func(t *testing.T) {
			resp := decode(t, h.do(command("ask", opt("question", q)), time.Now(), h.priv))
			if resp.Data == nil || len(resp.Data.Embeds) != 1 || !strings.Contains(resp.Data.Embeds[0].Description, "€4,500–€8,000") {
				t.Fatalf("response %+v; want the figure", resp.Data)
			}
			for name, s := range texts(resp.Data) {
				if hidden(s) {
					t.Errorf("%s %q holds an invisible character", name, s)
				}
			}
		})
	}
}

// spoofing answers and suggests with text full of invisible characters,
// as a hostile guide would.
type spoofing struct{}

const spoof = "\u202eevil\u202c \u2066x\u2069\u200b\u200e\ufeff"

func (spoofing) Ask(context.Context, string) (advisor.Answer, error) {
	return advisor.Answer{Text: "pays " + spoof + " [1]", ReadAs: "r" + spoof, Guides: 1, Citations: []advisor.Citation{
		{N: 1, Title: "T" + spoof, Section: "S" + spoof, Snippet: "snippet " + spoof, Source: "g" + spoof + ".md", Line: 2}}}, nil
}
func (spoofing) Guides() []advisor.GuideInfo {
	return []advisor.GuideInfo{{Title: "Guide" + spoof, Source: "g.md", Sections: []string{"S" + spoof}}}
}
func (spoofing) Suggest(advisor.SuggestKind, string, int) []string { return []string{"Role" + spoof} }

// TestInvisibleFromGuidesNotShown checks that bidi controls and
// zero-width characters a guide holds reach no embed title, field,
// snippet, guide list or autocomplete choice.
func TestInvisibleFromGuidesNotShown(t *testing.T) {
	h := newHarness(t, spoofing{}, spoofing{}, nil)
	complete, _ := json.Marshal(map[string]any{"id": "i2", "application_id": "app1", "type": discordgo.InteractionApplicationCommandAutocomplete, "token": "t",
		"data": map[string]any{"id": "c", "name": "salary", "type": 1, "options": []map[string]any{{"name": "role", "type": 3, "value": "r", "focused": true}}}})
	for name, body := range map[string][]byte{
		"ask":          command("ask", opt("question", "q"+spoof)),
		"sources":      command("sources"),
		"autocomplete": complete,
	} {
		t.Run(name, func(t *testing.T) {
			resp := decode(t, h.do(body, time.Now(), h.priv))
			if resp.Data == nil {
				t.Fatalf("no data: %+v", resp)
			}
			all := texts(resp.Data)
			seen := false
			for field, s := range all {
				if hidden(s) {
					t.Errorf("%s %q holds an invisible character", field, s)
				}
				seen = seen || strings.Contains(s, "evil")
			}
			if !seen {
				t.Errorf("the visible text is gone: %v", all)
			}
		})
	}
}
