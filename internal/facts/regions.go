package facts

import (
	"regexp"
	"sort"
	"strings"
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
	"New York": "United States", "NYC": "United States", "Boston": "United States", "Austin": "United States",
	"Los Angeles": "United States", "Chicago": "United States", "London": "United Kingdom", "Manchester": "United Kingdom",
	"Edinburgh": "United Kingdom", "Cambridge": "United Kingdom", "Dublin": "Ireland", "Paris": "France", "Berlin": "Germany",
	"Munich": "Germany", "Hamburg": "Germany", "Amsterdam": "Netherlands", "Zurich": "Switzerland", "Geneva": "Switzerland",
	"Vienna": "Austria", "Madrid": "Spain", "Barcelona": "Spain", "Lisbon": "Portugal", "Milan": "Italy", "Stockholm": "Sweden",
	"Copenhagen": "Denmark", "Oslo": "Norway", "Helsinki": "Finland", "Warsaw": "Poland", "Krakow": "Poland", "Prague": "Czech Republic",
	"Budapest": "Hungary", "Bucharest": "Romania", "Cluj": "Romania", "Cluj-Napoca": "Romania", "Iasi": "Romania", "Sofia": "Bulgaria",
	"Kyiv": "Ukraine", "Tel Aviv": "Israel", "Dubai": "United Arab Emirates", "Bangalore": "India", "Bengaluru": "India",
	"Hyderabad": "India", "Mumbai": "India", "Delhi": "India", "Pune": "India", "Beijing": "China", "Shanghai": "China",
	"Shenzhen": "China", "Tokyo": "Japan", "Seoul": "South Korea", "Sydney": "Australia", "Melbourne": "Australia",
	"Toronto": "Canada", "Vancouver": "Canada", "Montreal": "Canada", "Lagos": "Nigeria", "Nairobi": "Kenya",
	"Cape Town": "South Africa", "Sao Paulo": "Brazil", "São Paulo": "Brazil", "Mexico City": "Mexico",
}

// upperOnly are aliases matched only as written, because in lower case they
// are ordinary words ("us").
var upperOnly = map[string]bool{"USA": true, "UK": true, "UAE": true, "PRC": true, "NYC": true, "U.S.": true, "U.S.A.": true, "U.K.": true}

type gazetteer struct {
	folded, exact *regexp.Regexp
	byAlias       map[string]Region // lower-cased alias → region
}

var regionIndex = func() gazetteer {
	g := gazetteer{byAlias: map[string]Region{}}
	var folded, exact []string
	add := func(alias string, r Region) {
		g.byAlias[strings.ToLower(alias)] = r
		if upperOnly[alias] {
			exact = append(exact, regexp.QuoteMeta(alias))
		} else {
			folded = append(folded, regexp.QuoteMeta(alias))
		}
	}
	for name, aliases := range countries {
		r := Region{Name: name, Country: name}
		add(name, r)
		for _, a := range aliases {
			add(a, r)
		}
	}
	add("US", Region{Name: "United States", Country: "United States"})
	for city, country := range cities {
		add(city, Region{Name: city, Country: country})
	}
	// Longest first, so "New York" wins over "York" and "United States of
	// America" over "United States".
	byLen := func(s []string) {
		sort.Slice(s, func(i, j int) bool { return len(s[i]) > len(s[j]) || len(s[i]) == len(s[j]) && s[i] < s[j] })
	}
	byLen(folded)
	byLen(exact)
	exact = append(exact, "US")
	g.folded = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(` + strings.Join(folded, "|") + `)(?:$|[^\pL\pN])`)
	g.exact = regexp.MustCompile(`(?:^|[^\pL\pN])(` + strings.Join(exact, "|") + `)(?:$|[^\pL\pN.])`)
	return g
}()

// FindRegions returns the regions named in s, in order of appearance,
// without repeats.
func FindRegions(s string) []Region {
	type hit struct {
		pos int
		r   Region
	}
	var hits []hit
	for _, re := range []*regexp.Regexp{regionIndex.folded, regionIndex.exact} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			hits = append(hits, hit{m[2], regionIndex.byAlias[strings.ToLower(s[m[2]:m[3]])]})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	var out []Region
	for _, h := range hits {
		dup := false
		for _, r := range out {
			dup = dup || r == h.r
		}
		if !dup {
			out = append(out, h.r)
		}
	}
	return out
}

// Covers reports whether a fact about region f answers a question about
// region q: the same place, or a city inside the country asked about.
func (q Region) Covers(f Region) bool {
	return q.Name == f.Name || (q.Name == q.Country && f.Country == q.Name)
}
