package facts

import (
	"slices"
	"strings"
	"unicode"
)

// Region is a country or a city, by its usual English name.
type Region struct {
	Name    string // "Romania", "Berlin"
	Country string // the country a city is in; equal to Name for a country
}

// countries maps each country's English name to its other common names.
// It is general knowledge, not a list of what our guides happen to cover.
var countries = map[string][]string{
	"United States":  {"USA", "U.S.", "U.S.A.", "America", "United States of America", "American"},
	"United Kingdom": {"UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "British"},
	"Canada":         {"Canadian"}, "Mexico": nil, "Brazil": {"Brazilian"}, "Argentina": nil, "Chile": nil, "Colombia": nil, "Peru": nil,
	"Ireland": {"Irish"}, "France": {"French"}, "Germany": {"German", "Deutschland"}, "Netherlands": {"Holland", "Dutch"},
	"Belgium": nil, "Luxembourg": nil, "Switzerland": {"Swiss"}, "Austria": {"Austrian"}, "Italy": {"Italian"},
	"Spain": {"Spanish"}, "Portugal": {"Portuguese"}, "Denmark": {"Danish"}, "Sweden": {"Swedish"}, "Norway": {"Norwegian"},
	"Finland": {"Finnish"}, "Iceland": nil, "Poland": {"Polish"}, "Czech Republic": {"Czechia"}, "Slovakia": nil,
	"Hungary": {"Hungarian"}, "Romania": {"Romanian"}, "Bulgaria": {"Bulgarian"}, "Greece": {"Greek"}, "Serbia": nil,
	"Croatia": nil, "Slovenia": nil, "Ukraine": {"Ukrainian"}, "Moldova": nil, "Estonia": nil, "Latvia": nil,
	"Lithuania": nil, "Turkey": {"Türkiye", "Turkish"}, "Russia": {"Russian"}, "Israel": {"Israeli"},
	"United Arab Emirates": {"UAE", "Emirates"}, "Saudi Arabia": nil, "Qatar": nil, "Egypt": nil, "Morocco": nil,
	"Nigeria": {"Nigerian"}, "Kenya": {"Kenyan"}, "South Africa": nil, "Ghana": nil, "Ethiopia": nil,
	"India": {"Indian"}, "Pakistan": {"Pakistani"}, "Bangladesh": nil, "Sri Lanka": nil, "Nepal": nil,
	"China": {"Chinese", "PRC"}, "Hong Kong": nil, "Taiwan": nil, "Japan": {"Japanese"}, "South Korea": {"Korea", "Korean"},
	"Singapore": nil, "Malaysia": nil, "Indonesia": nil, "Philippines": {"Filipino"}, "Vietnam": {"Viet Nam", "Vietnamese"},
	"Thailand": nil, "Australia": {"Australian"}, "New Zealand": nil,
}

// cities maps well-known tech cities to their country.
var cities = map[string]string{
	"San Francisco": "United States", "Bay Area": "United States", "Silicon Valley": "United States", "Seattle": "United States",
	"New York": "United States", "Boston": "United States", "Austin": "United States",
	"Los Angeles": "United States", "Chicago": "United States", "London": "United Kingdom", "Manchester": "United Kingdom",
	"Edinburgh": "United Kingdom", "Cambridge": "United Kingdom", "Dublin": "Ireland", "Paris": "France", "Berlin": "Germany",
	"Munich": "Germany", "Hamburg": "Germany", "Amsterdam": "Netherlands", "Zurich": "Switzerland", "Geneva": "Switzerland",
	"Vienna": "Austria", "Madrid": "Spain", "Barcelona": "Spain", "Lisbon": "Portugal", "Milan": "Italy", "Stockholm": "Sweden",
	"Copenhagen": "Denmark", "Oslo": "Norway", "Helsinki": "Finland", "Warsaw": "Poland", "Krakow": "Poland", "Prague": "Czech Republic",
	"Budapest": "Hungary", "Bucharest": "Romania", "Cluj-Napoca": "Romania", "Iasi": "Romania", "Sofia": "Bulgaria",
	"Kyiv": "Ukraine", "Tel Aviv": "Israel", "Dubai": "United Arab Emirates", "Bangalore": "India",
	"Hyderabad": "India", "Mumbai": "India", "Delhi": "India", "Pune": "India", "Beijing": "China", "Shanghai": "China",
	"Shenzhen": "China", "Tokyo": "Japan", "Seoul": "South Korea", "Sydney": "Australia", "Melbourne": "Australia",
	"Toronto": "Canada", "Vancouver": "Canada", "Montreal": "Canada", "Lagos": "Nigeria", "Nairobi": "Kenya",
	"Cape Town": "South Africa", "Sao Paulo": "Brazil", "Mexico City": "Mexico",
}

// cityNames are the other names of cities: one place, however written.
var cityNames = map[string][]string{
	"New York": {"NYC", "New York City", "Manhattan"}, "Bangalore": {"Bengaluru"}, "Mumbai": {"Bombay"},
	"Delhi": {"New Delhi", "Delhi NCR", "NCR", "Gurgaon", "Gurugram", "Noida"}, "San Francisco": {"SF"},
	"Bay Area": {"SF Bay Area"}, "Kyiv": {"Kiev"}, "Krakow": {"Kraków"}, "Sao Paulo": {"São Paulo"}, "Zurich": {"Zürich"},
	"Munich": {"München"}, "Cluj-Napoca": {"Cluj"},
}

// upperOnly are aliases matched only as written, because in lower case they
// are ordinary words ("us").
var upperOnly = map[string]bool{"USA": true, "UK": true, "UAE": true, "PRC": true, "NYC": true, "U.S.": true, "U.S.A.": true, "U.K.": true,
	"SF": true, "NCR": true}

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
	m["us"] = Region{Name: "United States", Country: "United States"}
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
			if !ok || upperOnly[strings.ToUpper(text)] && text != strings.ToUpper(text) || strings.EqualFold(text, "us") && text != "US" {
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
