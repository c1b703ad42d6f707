package gazetteer

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Kind is what sort of place an entry is.
type Kind uint8

// Kinds of place.
const (
	City    Kind = iota + 1 // a populated place (GeoNames feature class P)
	Capital                 // a national capital (GeoNames PPLC, or a capital countries.yaml lists)
	Region                  // a first-level administrative division: state, province, oblast, prefecture ...
)

func (k Kind) String() string {
	switch k {
	case City:
		return "city"
	case Capital:
		return "capital"
	case Region:
		return "region"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Flags say why a place name needs more evidence than its spelling before a
// capitalised word is taken for that place. They belong to the name looked
// up, not to the place: "Reading" is flagged, "Reading, Berkshire" is not a
// name here at all.
type Flags uint8

// Flags of a place name, listed in data/ambiguous.tsv.
const (
	// CommonWord: the name, lower-cased, is one of the most common English
	// words (SCOWL levels 10 and 20): "Of", "Nice", "Mobile", "Reading",
	// "Bath", "Split". At the start of a sentence it is most likely the
	// word.
	CommonWord Flags = 1 << iota
	// PersonName: the name is also a given or family name in this package's
	// name list: "Florence", "Regina", "Nancy", "Victoria", "Jackson".
	PersonName
)

// PlaceEntry is one place a name can refer to.
type PlaceEntry struct {
	Name        string // canonical name: GeoNames' name (English for well-known places: "Munich", "Kyiv")
	Kind        Kind
	Country     string // the country's name as in lexicon/data/countries.yaml; "" for territories not listed there (see UnmappedCountryCodes)
	CountryCode string // ISO 3166-1 alpha-2, from GeoNames
	Population  int    // inhabitants, from GeoNames; 0 for regions and for capitals GeoNames lacks
	Flags       Flags  // of the name looked up, not of the place
}

// placeRec is a PlaceEntry without its flags, as stored.
type placeRec struct {
	name       string
	kind       Kind
	code       string
	population int32
}

// placeDB is the loaded gazetteer.
type placeDB struct {
	recs []placeRec
	// index maps a name as written, or the first word of a longer name, to
	// bits 0-1 its Flags, bit 2 "starts a place name", bits 3- its number+1
	// among the names (0: only a first word).
	index    map[string]uint32
	posts    []int32 // entry ids of all names, name after name
	offs     []int32 // name number -> its ids are posts[offs[n]:offs[n+1]]
	country  map[string]string
	maxWords int
}

const (
	startsBit = 1 << 2
	nameShift = 3
)

var places = sync.OnceValue(func() *placeDB {
	db, err := loadPlaces()
	if err != nil {
		panic("gazetteer: embedded place data: " + err.Error())
	}
	return db
})

// Place returns the places a name refers to, looked up exactly as written
// (case-sensitive; multi-word names have single spaces: "New York", "Rio de
// Janeiro", "Ho Chi Minh City"). The places whose own name it is come first
// (capitals, then cities by population, then regions), then those it is an
// alternate name of ("Kiev", "Bombay", "Saigon"); every entry carries the
// flags of the name. The slice is the caller's. The data is loaded on first
// use (see Load).
func Place(name string) ([]PlaceEntry, bool) {
	db := places()
	ids := db.ids(name)
	if len(ids) == 0 {
		return nil, false
	}
	f := Flags(db.index[name] & 3)
	out := make([]PlaceEntry, len(ids))
	for i, id := range ids {
		r := &db.recs[id]
		out[i] = PlaceEntry{Name: r.name, Kind: r.kind, Country: db.country[r.code], CountryCode: r.code,
			Population: int(r.population), Flags: f}
	}
	return out, true
}

func (db *placeDB) ids(name string) []int32 {
	n := db.index[name] >> nameShift
	if n == 0 {
		return nil
	}
	return db.posts[db.offs[n-1]:db.offs[n]]
}

// BestPlace returns the place a name most likely means in the news, of
// those Place returns: among the places whose own name it is (exactly as
// written), a capital, else a city of a million inhabitants or more, else
// a first-level region of a listed country ("Florida" is the US state, not a town of Cuba, and
// not Floridablanca, which has "Florida" as an alternate name), else the
// largest city; with no place of that own name, the first entry.
func BestPlace(name string) (PlaceEntry, bool) {
	es, ok := Place(name)
	if !ok || len(es) == 0 {
		return PlaceEntry{}, false
	}
	best, rank := -1, 0
	for i, e := range es {
		if e.Name != name {
			continue
		}
		r := 1 // a city
		switch {
		case e.Kind == Capital:
			r = 4
		case e.Kind == City && e.Population >= 1_000_000:
			r = 3
		case e.Kind == Region && e.Country != "":
			r = 2 // of a country, not a territory ("Florida" of Puerto Rico)
		}
		if r > rank {
			best, rank = i, r
		}
	}
	if best < 0 {
		best = 0
	}
	return es[best], true
}

// IsPlace reports whether name is a place name, without building entries.
func IsPlace(name string) bool { return places().index[name]>>nameShift != 0 }

// PlaceFlags returns the flags of a place name (0 when it is not one or
// needs no more evidence).
func PlaceFlags(name string) Flags { return Flags(places().index[name] & 3) }

// MaxWords is the largest number of space-separated words in a place name;
// a caller scanning tokens never needs to try a longer span.
func MaxWords() int { return places().maxWords }

// StartsPlace reports whether some place name starts with this word (the
// whole of a one-word name, or the first word of a longer one): a
// tokenizer-driven caller tries spans only at the tokens it accepts. Words
// are split at spaces only: "Port-au-Prince" and "St." are single words.
func StartsPlace(firstWord string) bool {
	return places().index[firstWord]&startsBit != 0
}

// LongestPlace returns the longest place name made of words[0:n] (joined by
// single spaces), with its entries, or 0 and nil when no place name starts
// there.
func LongestPlace(words []string) (int, []PlaceEntry) {
	if len(words) == 0 || !StartsPlace(words[0]) {
		return 0, nil
	}
	for n := min(len(words), MaxWords()); n > 0; n-- {
		if e, ok := Place(strings.Join(words[:n], " ")); ok {
			return n, e
		}
	}
	return 0, nil
}

// UnmappedCountryCodes returns the ISO codes of the places whose country is
// not in countries.yaml (dependent territories: Puerto Rico, Guam, Macao
// ...), sorted; their entries have an empty Country.
func UnmappedCountryCodes() []string {
	db := places()
	seen := map[string]bool{}
	var out []string
	for i := range db.recs {
		c := db.recs[i].code
		if _, ok := db.country[c]; !ok && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

func loadPlaces() (*placeDB, error) {
	text, err := gunzip("data/places.tsv.gz")
	if err != nil {
		return nil, err
	}
	entries, names, ok := strings.Cut(text, "\n%%\n")
	if !ok {
		return nil, fmt.Errorf("places: no %%%% line")
	}
	db := &placeDB{country: map[string]string{}}
	if err := db.parseCountries(); err != nil {
		return nil, err
	}
	if err := db.parseEntries(entries); err != nil {
		return nil, err
	}
	return db, db.parseNames(names)
}

func (db *placeDB) parseEntries(text string) error {
	db.recs = make([]placeRec, 0, strings.Count(text, "\n")+1)
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		kind, rest, _ := strings.Cut(line, "\t")
		code, rest, _ := strings.Cut(rest, "\t")
		pop, name, ok := strings.Cut(rest, "\t")
		p, err := strconv.ParseInt(pop, 10, 32)
		if !ok || err != nil || len(kind) != 1 {
			return fmt.Errorf("places: bad entry %q", line)
		}
		k := Kind(strings.IndexByte("cCr", kind[0]) + 1)
		if k == 0 {
			return fmt.Errorf("places: kind %q", kind)
		}
		db.recs = append(db.recs, placeRec{name: name, kind: k, code: code, population: int32(p)})
	}
	return nil
}

// parseNames reads the sorted name lines: name, flags, entry ids. A name's
// first word sorts before it, so the first-word bit can always be set on a
// key the map already has or a new one.
func (db *placeDB) parseNames(text string) error {
	n := strings.Count(text, "\n") + 1
	db.index = make(map[string]uint32, n+n/4)
	db.offs = make([]int32, 1, n+1)
	db.posts = make([]int32, 0, n+n/2)
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" {
			continue
		}
		name, rest, _ := strings.Cut(line, "\t")
		flags, ids, ok := strings.Cut(rest, "\t")
		if !ok || name == "" {
			return fmt.Errorf("places: bad name line %q", line)
		}
		for id := range strings.SplitSeq(ids, " ") {
			v, err := strconv.Atoi(id)
			if err != nil || v < 0 || v >= len(db.recs) {
				return fmt.Errorf("places: bad id in %q", line)
			}
			db.posts = append(db.posts, int32(v))
		}
		db.offs = append(db.offs, int32(len(db.posts)))
		v := uint32(len(db.offs)-1)<<nameShift | startsBit
		if strings.Contains(flags, "w") {
			v |= uint32(CommonWord)
		}
		if strings.Contains(flags, "p") {
			v |= uint32(PersonName)
		}
		db.index[name] = v
		if first, _, multi := strings.Cut(name, " "); multi {
			db.index[first] |= startsBit
			db.maxWords = max(db.maxWords, strings.Count(name, " ")+1)
		}
	}
	db.maxWords = max(db.maxWords, 1)
	return nil
}

func (db *placeDB) parseCountries() error {
	data, err := dataFS.ReadFile("data/countries.tsv")
	if err != nil {
		return err
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		code, name, ok := strings.Cut(line, "\t")
		if ok && !strings.HasPrefix(line, "#") {
			db.country[code] = name
		}
	}
	return nil
}

// gunzip returns an embedded gzipped file's text.
func gunzip(name string) (string, error) {
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return "", err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(len(data) * 3)
	if _, err := io.Copy(&b, zr); err != nil {
		return "", err
	}
	return b.String(), zr.Close()
}
