package gazetteer

import (
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// maxEmbeddedBytes is the budget for the embedded data.
const maxEmbeddedBytes = 3 << 20

func TestKnownCities(t *testing.T) {
	tests := []struct {
		name, canonical, country string
		kind                     Kind
	}{
		{"Lugano", "Lugano", "Switzerland", City},
		{"Hangzhou", "Hangzhou", "China", City},
		{"Istanbul", "Istanbul", "Turkey", City},
		{"Florence", "Florence", "Italy", City},
		{"Regina", "Regina", "Canada", City},
		{"Nancy", "Nancy", "France", City},
		{"Osaka", "Osaka", "Japan", City},
		{"Geneva", "Genève", "Switzerland", City},
		{"Ottawa", "Ottawa", "Canada", Capital},
		{"Davos", "Davos", "Switzerland", City},
		{"Sochi", "Sochi", "Russia", City},
		{"Munich", "Munich", "Germany", City},
		{"New York", "New York City", "United States", City},
		{"Rio de Janeiro", "Rio de Janeiro", "Brazil", City},
		{"Ho Chi Minh City", "Ho Chi Minh City", "Vietnam", City},
		{"Saigon", "Ho Chi Minh City", "Vietnam", City},
		{"Bombay", "Mumbai", "India", City},
		{"Kiev", "Kyiv", "Ukraine", Capital},
		{"Zurich", "Zürich", "Switzerland", City},
		{"Washington", "Washington", "United States", Capital},
		{"Tokyo", "Tokyo", "Japan", Capital},
		{"Sanaa", "Sanaa", "Yemen", Capital},
		{"Sana'a", "Sanaa", "Yemen", Capital},
		{"Naypyidaw", "Nay Pyi Taw", "Myanmar", Capital},
		{"Hong Kong", "Hong Kong", "Hong Kong", Capital},
		{"Jerusalem", "Jerusalem", "Israel", Capital},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := Place(tt.name)
			if !ok || len(e) == 0 {
				t.Fatalf("Place(%q): not found", tt.name)
			}
			got := e[0]
			if got.Name != tt.canonical || got.Country != tt.country || got.Kind != tt.kind {
				t.Errorf("Place(%q)[0] = %+v, want %s, %s, %s", tt.name, got, tt.canonical, tt.country, tt.kind)
			}
			if got.Kind != Region && got.Population <= 0 {
				t.Errorf("Place(%q)[0].Population = %d", tt.name, got.Population)
			}
		})
	}
}

func TestRegions(t *testing.T) {
	tests := []struct{ name, country string }{
		{"California", "United States"}, {"Texas", "United States"}, {"Bavaria", "Germany"},
		{"Zhejiang", "China"}, {"Ticino", "Switzerland"}, {"England", "United Kingdom"},
		{"Scotland", "United Kingdom"}, {"Ontario", "Canada"}, {"Quebec", "Canada"},
		{"Donetsk", "Ukraine"}, {"Crimea", "Ukraine"}, {"Tigray", "Ethiopia"}, {"Punjab", "Pakistan"},
		{"Xinjiang", "China"}, {"Catalonia", "Spain"}, {"Gaza Strip", "Palestine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := Place(tt.name)
			i := slices.IndexFunc(e, func(p PlaceEntry) bool { return p.Kind == Region && p.Country == tt.country })
			if i < 0 {
				t.Errorf("Place(%q) = %+v, want a region of %s", tt.name, e, tt.country)
			}
		})
	}
}

// rulesCountries reads the project's countries.yaml.
func rulesCountries(t *testing.T) []struct {
	Name     string   `yaml:"name"`
	Capitals []string `yaml:"capitals"`
	Former   bool     `yaml:"former"`
} {
	t.Helper()
	data, err := os.ReadFile("../lexicon/data/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Countries []struct {
			Name     string   `yaml:"name"`
			Capitals []string `yaml:"capitals"`
			Former   bool     `yaml:"former"`
		} `yaml:"countries"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Countries
}

// TestCapitalsOfRules checks that every capital countries.yaml lists is a
// capital of that country here.
func TestCapitalsOfRules(t *testing.T) {
	for _, c := range rulesCountries(t) {
		for _, capName := range c.Capitals {
			e, _ := Place(capName)
			if !slices.ContainsFunc(e, func(p PlaceEntry) bool { return p.Kind == Capital && p.Country == c.Name }) {
				t.Errorf("Place(%q) = %+v, want a capital of %s", capName, e, c.Name)
			}
		}
	}
}

// TestCountryNames checks that every country name is a countries.yaml name
// and that every countries.yaml country has places.
func TestCountryNames(t *testing.T) {
	want := map[string]bool{}
	for _, c := range rulesCountries(t) {
		want[c.Name] = c.Former // a former state has no ISO code
	}
	db := places()
	have := map[string]bool{}
	for _, name := range db.country {
		if _, ok := want[name]; !ok {
			t.Errorf("country %q is not in countries.yaml", name)
		}
		have[name] = true
	}
	for name, former := range want {
		if !have[name] && !former {
			t.Errorf("countries.yaml %q has no ISO code here", name)
		}
	}
	un := UnmappedCountryCodes()
	for _, code := range []string{"PR", "GU", "MO"} {
		if !slices.Contains(un, code) {
			t.Errorf("UnmappedCountryCodes() = %v, want %s in it", un, code)
		}
	}
	t.Logf("unmapped codes: %s", strings.Join(un, " "))
}

// TestAmbiguousPlaceNames: places that are ordinary words or personal names
// are kept and flagged.
func TestAmbiguousPlaceNames(t *testing.T) {
	tests := []struct {
		name string
		want Flags
	}{
		{"Of", CommonWord}, {"Nice", CommonWord}, {"Mobile", CommonWord}, {"Reading", CommonWord},
		{"Bath", CommonWord}, {"Split", CommonWord},
		{"Florence", PersonName}, {"Regina", PersonName}, {"Nancy", PersonName}, {"Victoria", PersonName},
		{"Lugano", 0}, {"Hangzhou", 0}, {"Istanbul", 0}, {"Rio de Janeiro", 0},
	}
	for _, tt := range tests {
		e, ok := Place(tt.name)
		if !ok {
			t.Errorf("Place(%q): not found", tt.name)
			continue
		}
		if e[0].Flags&tt.want != tt.want || tt.want == 0 && e[0].Flags != 0 {
			t.Errorf("Place(%q) flags = %b, want %b", tt.name, e[0].Flags, tt.want)
		}
		if PlaceFlags(tt.name) != e[0].Flags {
			t.Errorf("PlaceFlags(%q) = %b, entries say %b", tt.name, PlaceFlags(tt.name), e[0].Flags)
		}
	}
}

// TestNotPlaces: words news capitalises are not places, and lookups are
// exact.
func TestNotPlaces(t *testing.T) {
	for _, w := range []string{"President", "Minister", "Monday", "The", "Said", "Merkel", "Macron",
		"Zelensky", "Putin", "lugano", "LUGANO", "new york", "New  York", ""} {
		if e, ok := Place(w); ok || IsPlace(w) {
			t.Errorf("Place(%q) = %+v, want none", w, e)
		}
	}
}

func TestSpans(t *testing.T) {
	if m := MaxWords(); m < 4 || m > 8 {
		t.Errorf("MaxWords() = %d", m)
	}
	for _, w := range []string{"New", "Rio", "Ho", "Lugano", "Buenos", "Kuala"} {
		if !StartsPlace(w) {
			t.Errorf("StartsPlace(%q) = false", w)
		}
	}
	for _, w := range []string{"Monday", "Said", "Zelensky", "new"} {
		if StartsPlace(w) {
			t.Errorf("StartsPlace(%q) = true", w)
		}
	}
	tests := []struct {
		words []string
		n     int
		name  string
	}{
		{[]string{"New", "York", "said"}, 2, "New York City"},
		{[]string{"Rio", "de", "Janeiro", "on", "Monday"}, 3, "Rio de Janeiro"},
		{[]string{"Ho", "Chi", "Minh", "City", "."}, 4, "Ho Chi Minh City"},
		{[]string{"Lugano", "hosted"}, 1, "Lugano"},
		{[]string{"Buenos", "Aires"}, 2, "Buenos Aires"},
		{[]string{"Zelensky", "said"}, 0, ""},
		{nil, 0, ""},
	}
	for _, tt := range tests {
		n, e := LongestPlace(tt.words)
		if n != tt.n || (n > 0 && e[0].Name != tt.name) {
			t.Errorf("LongestPlace(%q) = %d, %+v; want %d, %s", tt.words, n, e, tt.n, tt.name)
		}
	}
}

func TestGivenNames(t *testing.T) {
	tests := []struct {
		name string
		want Gender
	}{
		{"Maria", Female}, {"maria", Female}, {"Ingrid", Female}, {"Tomas", Male}, {"Tomás", Male},
		{"Kenji", Male}, {"Fatima", Female}, {"Olusegun", Male}, {"Priya", Female},
		{"Min-jun", Male}, {"Minjun", Male}, {"Seo-yeon", Female}, {"Hyun-woo", Male},
		{"Volodymyr", Male}, {"Sergei", Male}, {"Sergey", Male}, {"Dmitry", Male}, {"Alexei", Male},
		{"Kyriakos", Male}, {"José", Male}, {"François", Male}, {"Jean-Baptiste", Male},
		{"Narendra", Male}, {"Chimamanda", Female}, {"Kwame", Male}, {"Aisha", Female},
		{"Mohammed", Male}, {"Emmanuel", Male}, {"Ursula", Female}, {"Giorgia", Female},
		{"Recep", Male}, {"Olaf", Male}, {"Mette", Female}, {"Anwar", Male}, {"Keir", Male},
		{"Ana", Female}, {"Eva", Female}, {"Laura", Female}, {"Carl", Male}, {"Kenji", Male},
		{"Andrea", Either}, {"Jean", Either},
	}
	for _, tt := range tests {
		g, ok := GivenName(tt.name)
		if !ok || g != tt.want {
			t.Errorf("GivenName(%q) = %v, %v; want %v", tt.name, g, ok, tt.want)
		}
	}
	// Ji-woo is given to girls and boys; any gender will do.
	if _, ok := GivenName("Ji-woo"); !ok {
		t.Errorf("GivenName(Ji-woo): not found")
	}
}

// TestNameGender: a name left out of the given names (a place, a rare
// name) still genders a person's name, without becoming a given name.
func TestNameGender(t *testing.T) {
	tests := []struct {
		name         string
		gender, lean Gender
		given        bool
	}{
		{"Jamaica", Female, UnknownGender, false}, // a country, and a woman's name in SSA
		{"Aroha", UnknownGender, Female, false},   // too rare to be sure of, or evidence of a name
		{"Tendai", UnknownGender, Male, false},
		{"Maria", Female, UnknownGender, true},
		{"Amara", Either, Female, true}, // a faker locale's man's name, SSA's woman's
		{"Nikita", Either, UnknownGender, true},
		{"President", UnknownGender, UnknownGender, false}, // the project's own words never
		{"Tiriata", UnknownGender, UnknownGender, false},
	}
	for _, tt := range tests {
		if g, l := NameGender(tt.name); g != tt.gender || l != tt.lean {
			t.Errorf("NameGender(%q) = %v, %v; want %v, %v", tt.name, g, l, tt.gender, tt.lean)
		}
		if _, ok := GivenName(tt.name); ok != tt.given {
			t.Errorf("GivenName(%q): given %v, want %v", tt.name, ok, tt.given)
		}
	}
}

// TestNotGivenNames: titles, speech verbs, weekdays and family-first
// surnames are not given names.
func TestNotGivenNames(t *testing.T) {
	not := []string{"President", "Minister", "Monday", "The", "Said", "Stressed", "Chancellor",
		"Secretary", "Prime", "Foreign", "Sheikh", "Kim", "Lee", "Park", "Wang", "Li", "Zhang",
		"Nguyen", "Xi", "Summit", "Statement", "Ministry", ""}
	var ex struct {
		NotGiven []string `yaml:"not_given_names"`
		Family   []string `yaml:"family_names"`
	}
	data, err := os.ReadFile("data/exceptions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	not = append(append(not, ex.NotGiven...), ex.Family...)
	for _, w := range not {
		if g, ok := GivenName(w); ok {
			t.Errorf("GivenName(%q) = %v, want not a given name", w, g)
		}
	}
	for _, w := range ex.Family {
		if !FamilyName(w) {
			t.Errorf("FamilyName(%q) = false (exceptions.yaml lists it)", w)
		}
		if !FamilyNameFirst(w) {
			t.Errorf("FamilyNameFirst(%q) = false (exceptions.yaml lists it)", w)
		}
	}
	// Family names from a faker locale are written after the given name.
	for _, w := range []string{"Smith", "Wróbel", "Kowalski", "Maria"} {
		if FamilyNameFirst(w) {
			t.Errorf("FamilyNameFirst(%q) = true", w)
		}
	}
}

func TestFamilyAndWordNames(t *testing.T) {
	for _, w := range []string{"Kim", "Lee", "Park", "Wang", "Li", "Zhang", "Nguyen", "Smith", "Müller", "Kowalski"} {
		if !FamilyName(w) {
			t.Errorf("FamilyName(%q) = false", w)
		}
	}
	for _, w := range []string{"Maria", "Kenji", "Monday"} {
		if FamilyName(w) {
			t.Errorf("FamilyName(%q) = true", w)
		}
	}
	for _, w := range []string{"Will", "Mark", "Grace", "May", "June"} {
		i, ok := LookupName(w)
		if !ok || !i.Given || !i.CommonWord {
			t.Errorf("LookupName(%q) = %+v, %v; want a given name flagged CommonWord", w, i, ok)
		}
	}
	for _, w := range []string{"Maria", "Ingrid", "Peter"} {
		if i, _ := LookupName(w); i.CommonWord {
			t.Errorf("LookupName(%q).CommonWord = true", w)
		}
	}
	for _, w := range []string{"Israel", "Georgia", "India", "Jordan"} {
		if i, ok := LookupName(w); !ok || !i.Given || !i.Country {
			t.Errorf("LookupName(%q) = %+v, %v; want a given name flagged Country (Israel Katz)", w, i, ok)
		}
	}
	if g, _ := GivenName("Israel"); g != Male {
		t.Errorf("GivenName(Israel) = %v, want male", g)
	}
	// Place names that are rare given names are not given names.
	for _, w := range []string{"Gaza", "Iran", "Syria", "Tokyo", "Lima", "Berlin", "Sudan"} {
		if g, ok := GivenName(w); ok {
			t.Errorf("GivenName(%q) = %v, want not a given name (a place)", w, g)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"José", "jose"}, {"JOSE", "jose"}, {"Ji-woo", "jiwoo"}, {"Łukasz", "lukasz"},
		{"Søren", "soren"}, {"Straße", "strasse"}, {"N'Golo", "ngolo"}, {"Nguyễn", "nguyen"},
		{"Erdoğan", "erdogan"}, {"Þóra", "thora"}, {"Jean‐Luc", "jeanluc"}, {"Юрий", "юрий"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEmbeddedSize(t *testing.T) {
	n := EmbeddedBytes()
	if n == 0 || n > maxEmbeddedBytes {
		t.Errorf("EmbeddedBytes() = %d, want 1..%d", n, maxEmbeddedBytes)
	}
	t.Logf("embedded data: %d bytes", n)
}

// TestLoad loads the data afresh and reports time and heap; the data must
// parse without error (the lazy loaders panic on a bad file).
func TestLoad(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	p, err := loadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	mid := time.Now()
	n, err := loadNames("data/names.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	end := time.Now()
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("places: %d entries, %d index keys, %v; names: %d, %v; live heap %.1f MB",
		len(p.recs), len(p.index), mid.Sub(start), len(n.offs)-1, end.Sub(mid),
		float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20))
	runtime.KeepAlive(p)
	runtime.KeepAlive(n)
	if len(p.recs) < 30000 || len(n.offs) < 50000 {
		t.Errorf("too little data: %d places, %d names", len(p.recs), len(n.offs))
	}
}

func BenchmarkLoadPlaces(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadPlaces(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadNames(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadNames("data/names.tsv.gz"); err != nil {
			b.Fatal(err)
		}
	}
}

var benchWords = []string{"Lugano", "President", "Rio", "Said", "Hangzhou", "the", "Ottawa", "Zelensky"}

func BenchmarkPlace(b *testing.B) {
	Load()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Place(benchWords[i%len(benchWords)])
	}
}

func BenchmarkStartsPlace(b *testing.B) {
	Load()
	for i := 0; b.Loop(); i++ {
		StartsPlace(benchWords[i%len(benchWords)])
	}
}

func BenchmarkLongestPlace(b *testing.B) {
	Load()
	words := []string{"Rio", "de", "Janeiro", "on", "Monday"}
	b.ReportAllocs()
	for b.Loop() {
		LongestPlace(words)
	}
}

func BenchmarkGivenName(b *testing.B) {
	Load()
	names := []string{"Maria", "President", "Olusegun", "José", "Kim", "Min-jun"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		GivenName(names[i%len(names)])
	}
}

// TestBestPlace: the place a name most likely means in the news.
func TestBestPlace(t *testing.T) {
	tests := []struct{ name, want, country string }{
		{"Florida", "Florida", "United States"}, // a region, not a town of Cuba or Floridablanca
		{"Texas", "Texas", "United States"},
		{"Floridablanca", "Floridablanca", "Colombia"},
		{"Osaka", "Osaka", "Japan"},
	}
	for _, tt := range tests {
		e, ok := BestPlace(tt.name)
		if !ok || e.Name != tt.want || e.Country != tt.country {
			t.Errorf("BestPlace(%q) = %+v, %v; want %s in %s", tt.name, e, ok, tt.want, tt.country)
		}
	}
	if _, ok := BestPlace("Nowhere-on-Sea"); ok {
		t.Error("BestPlace of an unknown name is ok")
	}
}
