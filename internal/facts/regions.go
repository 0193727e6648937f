package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/careerbot/careerbot/internal/lexicon"
)

// Region is a country or a city, by its usual English name.
type Region struct {
	Name    string // "Romania", "Berlin"
	Country string // the country a city is in; equal to Name for a country
}

// countries maps each country's English name to its other common names
// (the lexicon's countries). It is general knowledge, not a list of what
// our guides happen to cover.
var countries = lexicon.Get().Countries

// cities maps well-known tech cities to their country (the lexicon's).
var cities = lexicon.Get().Cities

// cityNames are the other names of cities: one place, however written.
var cityNames = lexicon.Get().CityNames

// asWritten are the aliases matched only as written, because in another
// case they are ordinary words ("us", "polish").
var asWritten = lexicon.Get().AsWritten

// maxAliasWords is the most words any alias has ("United States of America").
const maxAliasWords = 4

// aliases maps each alias, lower-cased with its words joined by single
// spaces, to its region.
var aliases = func() map[string]Region {
	m := map[string]Region{}
	for name, as := range countries {
		r := Region{Name: name, Country: name}
		m[strings.ToLower(name)] = r
		for _, a := range as {
			m[strings.ToLower(a)] = r
		}
	}
	for city, country := range cities {
		r := Region{Name: city, Country: country}
		m[strings.ToLower(city)] = r
		for _, a := range cityNames[city] {
			m[strings.ToLower(a)] = r
		}
	}
	return m
}()

// Names returns every name of a region: its English name first, then the
// others ("New York", "NYC", "New York City", …).
func (r Region) Names() []string {
	out := []string{r.Name}
	if r.Name == r.Country {
		return append(out, countries[r.Name]...)
	}
	return append(out, cityNames[r.Name]...)
}

// FindRegions returns the regions named in s, in order of appearance,
// without repeats. It looks word sequences up in a table rather than
// running one large regular expression: ingest calls it for every figure.
func FindRegions(s string) []Region {
	type word struct{ start, end int }
	var words []word
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && start >= 0 || r == '-' && start >= 0
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			words = append(words, word{start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, word{start, len(s)})
	}
	var out []Region
	for i := 0; i < len(words); i++ {
		for n := min(maxAliasWords, len(words)-i); n >= 1; n-- {
			var b strings.Builder
			for k := i; k < i+n; k++ {
				if k > i {
					b.WriteByte(' ')
				}
				b.WriteString(strings.TrimRight(s[words[k].start:words[k].end], ".-"))
			}
			text := b.String()
			// A trailing period belongs to the alias only for "U.S." and the like.
			if raw := s[words[i].start:words[i+n-1].end]; strings.Count(raw, ".") > 1 {
				text = raw
			}
			r, ok := aliases[strings.ToLower(text)]
			if w, exact := asWritten[strings.ToLower(text)]; !ok || exact && text != w {
				continue
			}
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
			i += n - 1
			break
		}
	}
	return out
}

// Covers reports whether a fact about region f answers a question about
// region q: the same place, or a city inside the country asked about.
func (q Region) Covers(f Region) bool {
	return q.Name == f.Name || (q.Name == q.Country && f.Country == q.Name)
}

// currencies maps countries to their own currency where no other country
// in the table shares it (so not the euro): a figure in that currency with
// no place named is most likely about that country.
var currencies = map[string]string{
	"United States": "USD", "United Kingdom": "GBP", "India": "INR", "Japan": "JPY", "Canada": "CAD",
	"Australia": "AUD", "New Zealand": "NZD", "Switzerland": "CHF", "Poland": "PLN", "Romania": "RON",
	"Sweden": "SEK", "Norway": "NOK", "Denmark": "DKK", "Brazil": "BRL", "Mexico": "MXN", "South Africa": "ZAR",
	"Singapore": "SGD", "South Korea": "KRW", "China": "CNY", "Israel": "ILS", "Nigeria": "NGN", "Turkey": "TRY",
	"Czech Republic": "CZK", "Hungary": "HUF", "United Arab Emirates": "AED", "Hong Kong": "HKD",
}

// CurrencyOf returns the ISO code of the currency only country uses, or "".
func CurrencyOf(country string) string { return currencies[country] }

// PlaceNames returns every country, city and alias FindRegions knows, as
// usually written ("Romania", "Cluj-Napoca", "USA"), for spelling
// correction; the order is unspecified.
func PlaceNames() []string {
	var out []string
	for name, as := range countries {
		out = append(out, name)
		out = append(out, as...)
	}
	for city := range cities {
		out = append(out, city)
		out = append(out, cityNames[city]...)
	}
	return out
}
