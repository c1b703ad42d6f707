package gazetteer

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Gender of a given name.
type Gender uint8

// Genders. Either is a name given to women and men alike (or one the
// sources disagree on: "Andrea" is a man's name in Italy and a woman's in
// the United States).
const (
	UnknownGender Gender = iota
	Male
	Female
	Either
)

func (g Gender) String() string {
	switch g {
	case Male:
		return "male"
	case Female:
		return "female"
	case Either:
		return "either"
	}
	return "unknown"
}

// NameInfo is what the name list says about one name.
type NameInfo struct {
	Given      bool   // a given name
	Gender     Gender // of the given name; UnknownGender when not Given
	Lean       Gender // for Either, the sex of nearly all its SSA bearers (Female for "Amara", "Andrea"), else UnknownGender
	Family     bool   // a family name
	CommonWord bool   // also a common English word ("Will", "Grace", "Mark", "May") or a month: ask for more evidence
	Country    bool   // also a country, alias, demonym or region of lexicon/data ("Israel", "Georgia", "India", "Chad")
}

type nameRec struct {
	gender  Gender
	lean    Gender
	family  bool
	word    bool
	country bool
}

// nameDB is the name list: its text (one sorted line per key: key, gender,
// flags) and where each line starts. Looking a key up is a binary search,
// so that loading costs no more than decompressing.
type nameDB struct {
	text string
	offs []int32 // start of each line, and len(text) at the end
}

var names = sync.OnceValue(func() *nameDB {
	db, err := loadNames("data/names.tsv.gz")
	if err != nil {
		panic("gazetteer: embedded name data: " + err.Error())
	}
	return db
})

// find returns the record of a key.
func (db *nameDB) find(k string) (nameRec, bool) {
	n := len(db.offs) - 1
	i := sort.Search(n, func(i int) bool { return db.key(i) >= k })
	if i == n || db.key(i) != k {
		return nameRec{}, false
	}
	line := db.text[db.offs[i] : db.offs[i+1]-1]
	r, err := parseNameRec(line[len(k)+1:])
	return r, err == nil
}

func (db *nameDB) key(i int) string {
	line := db.text[db.offs[i]:db.offs[i+1]]
	k, _, _ := strings.Cut(line, "\t")
	return k
}

// LookupName returns what the name list knows about a name, matched by Key
// (any case, diacritics, hyphens and apostrophes ignored: "José", "JOSE" and
// "jose" are the same, and so are "Ji-woo" and "Jiwoo"). A hyphenated
// given name the list lacks takes its gender from its parts
// ("Jean-Baptiste": male).
func LookupName(name string) (NameInfo, bool) {
	m := names()
	if r, ok := m.find(Key(name)); ok {
		return NameInfo{Given: r.gender != UnknownGender, Gender: r.gender, Lean: r.lean, Family: r.family, CommonWord: r.word, Country: r.country}, true
	}
	if g := compoundGender(m, name); g != UnknownGender {
		return NameInfo{Given: true, Gender: g}, true
	}
	return NameInfo{}, false
}

// genders is the list of names that are not given names here (places,
// English words, names too rare to be evidence of a name) but whose SSA
// births are nearly all of one sex, read once, lazily.
var genders = sync.OnceValue(func() *nameDB {
	db, err := loadNames("data/genders.tsv.gz")
	if err != nil {
		panic("gazetteer: embedded gender data: " + err.Error())
	}
	return db
})

// NameGender is the gender a person's given name suggests: GivenName's,
// else that of a name known only by gender ("Jamaica" in "Jamaica
// Brooks"); UnknownGender when neither list has it. lean is, when gender
// is Either or unknown, the sex the name mostly goes to: "Amara" and
// "Andrea" (Either: most of their SSA bearers are women, though a faker
// locale lists them as men's names), "Aroha" and "Tendai" (too rare in SSA
// to be sure of). NameGender says nothing about whether the word is a
// name: ask GivenName for that.
func NameGender(name string) (gender, lean Gender) {
	if i, ok := LookupName(name); ok && i.Given {
		return i.Gender, i.Lean
	}
	if r, ok := genders().find(Key(name)); ok {
		if r.gender == Either {
			return UnknownGender, r.lean
		}
		return r.gender, UnknownGender
	}
	return UnknownGender, UnknownGender
}

// GivenName returns the gender of a given name and whether it is one.
// Names far more common as family names (Kim, Lee, Park, Wang, Li, Zhang,
// Nguyen, ...) are not given names here; titles, speech verbs, weekdays and
// other words news capitalise ("President", "Minister", "Monday", "The",
// "Said") are not either. A given name that is also a common English word
// ("Will", "Mark", "Grace") is one, with LookupName's CommonWord set.
func GivenName(name string) (Gender, bool) {
	i, ok := LookupName(name)
	return i.Gender, ok && i.Given
}

// FamilyName reports whether name is a common family name: listed by a
// faker locale (Latin script and romanised Cyrillic and Greek) or by the
// project's exceptions (Korean, Chinese, Vietnamese, South Asian and
// Japanese family names). Many family names are given names too
// ("Jordan", "Thomas"): see LookupName.
func FamilyName(name string) bool {
	r, ok := names().find(Key(name))
	return ok && r.family
}

// FamilyNameFirst reports whether name is one of the family names that
// are written before the given name in news ("Kim Min-jun", "Zhang Wei",
// "Nguyen Thi Lan"): the hand-written family_names list of
// data/exceptions.yaml, read once, lazily. A family name that a faker
// locale lists ("Ngozi", "Wróbel") is not one: in "Ngozi Eze" the given
// name comes first.
func FamilyNameFirst(name string) bool {
	return familyFirst()[Key(name)]
}

var familyFirst = sync.OnceValue(func() map[string]bool {
	b, err := dataFS.ReadFile("data/exceptions.yaml")
	if err != nil {
		panic("gazetteer: embedded exceptions: " + err.Error())
	}
	var x struct {
		FamilyNames []string `yaml:"family_names"`
	}
	if err := yaml.Unmarshal(b, &x); err != nil {
		panic("gazetteer: embedded exceptions: " + err.Error())
	}
	m := make(map[string]bool, len(x.FamilyNames))
	for _, n := range x.FamilyNames {
		m[Key(n)] = true
	}
	return m
})

// compoundGender is the gender of a hyphenated name from its known parts:
// the one sex they agree on, Either when they disagree or are all Either.
func compoundGender(m *nameDB, name string) Gender {
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '‐' })
	if len(parts) < 2 {
		return UnknownGender
	}
	g := UnknownGender
	for _, p := range parts {
		r, ok := m.find(Key(p))
		switch {
		case !ok || r.gender == UnknownGender:
			continue
		case r.gender == Either:
			if g == UnknownGender {
				g = Either
			}
		case g == UnknownGender || g == Either:
			g = r.gender
		case g != r.gender:
			return Either
		}
	}
	return g
}

// Key is the form names are matched in: lower case, Latin letters without
// diacritics (ß as ss, ø as o, ł as l ...), hyphens, apostrophes and full
// stops dropped. Other scripts are only lower-cased.
func Key(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			i := sort.Search(len(foldTable), func(i int) bool { return foldTable[i].r >= r })
			if i < len(foldTable) && foldTable[i].r == r {
				b.WriteString(foldTable[i].s)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	return b.String()
}

func loadNames(path string) (*nameDB, error) {
	text, err := gunzip(path)
	if err != nil {
		return nil, err
	}
	if i := strings.IndexByte(text, '\n'); strings.HasPrefix(text, "#") && i >= 0 {
		text = text[i+1:]
	}
	if !strings.HasSuffix(text, "\n") {
		return nil, fmt.Errorf("names: no final newline")
	}
	db := &nameDB{text: text, offs: make([]int32, 0, strings.Count(text, "\n")+1)}
	prev := ""
	for off := 0; off < len(text); {
		end := off + strings.IndexByte(text[off:], '\n') + 1
		db.offs = append(db.offs, int32(off))
		k, rest, ok := strings.Cut(text[off:end-1], "\t")
		if _, err := parseNameRec(rest); !ok || err != nil || k <= prev {
			return nil, fmt.Errorf("names: bad or unsorted line %q", text[off:end-1])
		}
		prev, off = k, end
	}
	db.offs = append(db.offs, int32(len(text)))
	return db, nil
}

// parseNameRec reads "gender<TAB>flags": m, f, x (either), F or M (either,
// leaning to women or men), - (a family name only).
func parseNameRec(s string) (nameRec, error) {
	g, flags, ok := strings.Cut(s, "\t")
	if !ok || len(g) != 1 {
		return nameRec{}, fmt.Errorf("names: bad record %q", s)
	}
	r := nameRec{family: strings.Contains(flags, "s"), word: strings.Contains(flags, "w"), country: strings.Contains(flags, "c")}
	switch g[0] {
	case 'm':
		r.gender = Male
	case 'f':
		r.gender = Female
	case 'x':
		r.gender = Either
	case 'F':
		r.gender, r.lean = Either, Female
	case 'M':
		r.gender, r.lean = Either, Male
	case '-':
	default:
		return nameRec{}, fmt.Errorf("names: gender %q", g)
	}
	return r, nil
}
