package lexicon

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.yaml
var builtin embed.FS

// ID names a list. The built-in sections have the fixed IDs below; lists a
// rules file defines under `lists:` get the IDs after them, in order of
// first appearance.
type ID int

// Shape is what a section's YAML looks like.
type Shape int

const (
	// ShapeWords is a list of phrases: `[pointed out, made clear]`.
	ShapeWords Shape = iota
	// ShapeValued maps a value to its phrases: `{call: [phone call, call]}`.
	ShapeValued
	// ShapeVerbs maps a lemma to its forms, or lists lemmas whose forms are
	// generated: `{say: [says, said, saying]}` or `[complain, caution]`.
	ShapeVerbs
	// ShapeCountries is the country gazetteer (name, demonyms, aliases, capitals).
	ShapeCountries
	// ShapeOrganisations is the organisation gazetteer (name, aliases, country, part_of).
	ShapeOrganisations
	// ShapeCustom is the `lists:` section: list name → Words or Valued.
	ShapeCustom
	// ShapeGrammar sections (rules, macros) belong to the grammar package; the
	// lexicon keeps their YAML for it.
	ShapeGrammar
)

var shapeNames = [...]string{"words", "valued", "verbs", "countries", "organisations", "lists", "grammar"}

// String names a shape as readout rules --lists shows it: words, valued,
// verbs, countries, organisations, lists, grammar.
func (s Shape) String() string {
	if s < 0 || int(s) >= len(shapeNames) {
		return fmt.Sprintf("Shape(%d)", int(s))
	}
	return shapeNames[s]
}

// Section describes one top-level key of a rules file.
type Section struct {
	Name   string
	Shape  Shape
	Fold   bool     // phrases match whatever their case
	Values []string // the values a Valued section allows; nil: any
	Doc    string   // one line: what the list is for
}

// Lexicon is every list, compiled. It is immutable once built and safe to
// share between goroutines.
type Lexicon struct {
	lists   []*list
	byName  map[string]ID
	fold    map[string]*Entry // lower-cased word → entry, for folding lists
	exact   map[string]*Entry // word as written → entry, for case-sensitive lists
	Country map[string]*CountryInfo
	Org     map[string]*OrgInfo
	// ministries: the domain of a ministry the gazetteer gives one
	// country ("external affairs" of "Ministry of External Affairs",
	// India), lower-cased → that country (MinistryCountry).
	ministries map[string]string
	// Grammar holds each file's grammar sections (`rules:`, `macros:`) for
	// the grammar package, in load order.
	Grammar []GrammarFile
	// Files are the files read, in order: the built-in ones, then --rules.
	Files     []string
	hash      string
	irregular map[string][]string // lemma → past forms, from irregular_verbs
}

// GrammarFile is the grammar part of one rules file, undecoded.
type GrammarFile struct {
	Name     string
	Sections map[string]*Node
}

// CountryInfo is what the gazetteer knows of a country (or region).
type CountryInfo struct {
	Name     string
	Demonyms []string
	Aliases  []string
	Capitals []string
	Region   bool // a region, not a country: never a speaker, never an actor of its own
	Former   bool // a state that no longer exists ("Soviet Union"): no ISO code, no places of today
}

// OrgInfo is what the gazetteer knows of an organisation.
type OrgInfo struct {
	Name    string
	Aliases []string
	Country string   // the country it speaks for, if any
	PartOf  string   // the organisation it belongs to, if any
	Nouns   []string // common nouns that refer back to it: "the alliance" (NATO), "the bloc" (EU)
}

type list struct {
	Section
	id    ID
	first map[string]*trie // first word (folded if Fold) → the phrases it starts
	n     int              // phrases
}

// trie holds the phrases that go on from one word: matching a phrase costs
// its length, however many phrases share its first words.
type trie struct {
	next   map[string]*trie
	end    bool     // a phrase ends here
	values []string // its values, the first given first (a phrase may be given several)
}

func (t *trie) value() string {
	if len(t.values) == 0 {
		return ""
	}
	return t.values[0]
}

// Phrase is one entry of a list: its words, and its value.
type Phrase struct {
	Words []string
	Value string
}

// Entry is what the lists know of one word: the lists in which a phrase
// starts with it, and those phrases.
type Entry struct {
	Lists   Bits
	phrases []listPhrases
}

type listPhrases struct {
	id   ID
	root *trie
}

// Bits is a set of list IDs.
type Bits [2]uint64

// MaxLists is how many lists a Lexicon may hold.
const MaxLists = 128

// Has reports whether id is in the set.
func (b Bits) Has(id ID) bool { return b[id>>6]&(1<<(uint(id)&63)) != 0 }

// Any reports whether b and o share a list.
func (b Bits) Any(o Bits) bool { return b[0]&o[0] != 0 || b[1]&o[1] != 0 }

// Or is the union of b and o.
func (b Bits) Or(o Bits) Bits { return Bits{b[0] | o[0], b[1] | o[1]} }

// And returns the lists in both b and o.
func (b Bits) And(o Bits) Bits { return Bits{b[0] & o[0], b[1] & o[1]} }

func (b *Bits) set(id ID) { b[id>>6] |= 1 << (uint(id) & 63) }

// Of is the set of the given lists.
func Of(ids ...ID) Bits {
	var b Bits
	for _, id := range ids {
		b.set(id)
	}
	return b
}

// NoEntry is the entry of a word no list holds.
var NoEntry = &Entry{}

// Match returns the length and value of the longest phrase of list id
// that words holds from i on, given that e is the entry of words[i] (words
// folded or as written, as the list matches), or 0.
func (e *Entry) Match(id ID, words []string, i int) (int, string) {
	if !e.Lists.Has(id) {
		return 0, ""
	}
	for _, lp := range e.phrases {
		if lp.id == id {
			return lp.root.longest(words, i)
		}
	}
	return 0, ""
}

// EachValue calls f with the value of every phrase of list id that words
// holds from i on (a phrase with several values, once for each). It is
// one walk of the phrases, where MatchValue is one per value.
func (e *Entry) EachValue(id ID, words []string, i int, f func(value string)) {
	e.eachPhrase(id, words, i, func(_ int, values []string) {
		for _, v := range values {
			f(v)
		}
	})
}

// MatchValue returns the length of the longest phrase of list id that
// words holds from i on and that was given value (among its values), or 0.
func (e *Entry) MatchValue(id ID, words []string, i int, value string) int {
	longest := 0
	e.eachPhrase(id, words, i, func(n int, values []string) {
		if slices.Contains(values, value) {
			longest = n
		}
	})
	return longest
}

// eachPhrase calls f, shortest first, with the length in tokens and the
// values of every phrase of list id that words holds from i on.
func (e *Entry) eachPhrase(id ID, words []string, i int, f func(n int, values []string)) {
	if !e.Lists.Has(id) {
		return
	}
	for _, lp := range e.phrases {
		if lp.id != id {
			continue
		}
		for k, t := i, lp.root; t != nil; {
			if t.end {
				f(k-i+1, t.values)
			}
			k++
			if k >= len(words) || t.next == nil {
				break
			}
			t = t.next[words[k]]
		}
		return
	}
}

// longest walks the phrases from t, the node of words[i].
func (t *trie) longest(words []string, i int) (int, string) {
	n, value := 0, ""
	for k := i; t != nil; {
		if t.end {
			n, value = k-i+1, t.value()
		}
		k++
		if k >= len(words) || t.next == nil {
			break
		}
		t = t.next[words[k]]
	}
	return n, value
}

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) { return Load() })

// Default returns the built-in lexicon, compiled once per process.
func Default() (*Lexicon, error) { return defaultLexicon() }

// Load compiles the built-in lists plus the given rules files, in order.
// A file's entries add to the lists before it. A malformed file is an
// error naming the file and line; an unreadable one names the file.
func Load(paths ...string) (*Lexicon, error) {
	files, err := BuiltinFiles()
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		files = append(files, Source{Name: p, Data: b})
	}
	return Compile(files)
}

// Source is one rules file: its name (for messages) and its bytes.
type Source struct {
	Name string
	Data []byte
}

// BuiltinFiles returns the embedded data files, in name order.
func BuiltinFiles() ([]Source, error) {
	entries, err := fs.ReadDir(builtin, "data")
	if err != nil {
		return nil, err
	}
	var out []Source
	for _, e := range entries {
		b, err := builtin.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Source{Name: "lexicon/data/" + e.Name(), Data: b})
	}
	return out, nil
}

// Compile builds a Lexicon from rules files, in order.
func Compile(files []Source) (*Lexicon, error) {
	l := &Lexicon{byName: map[string]ID{}, Country: map[string]*CountryInfo{}, Org: map[string]*OrgInfo{}, ministries: map[string]string{}}
	for _, s := range sections[:numBuiltin] {
		if _, err := l.addList(s); err != nil {
			return nil, err
		}
	}
	h := sha256.New()
	var parsed []*file
	for _, src := range files {
		fmt.Fprintf(h, "%d\n", len(src.Data)) // the bytes, not where they were read
		h.Write(src.Data)
		f, err := parseFile(src.Name, src.Data)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, f)
		l.Files = append(l.Files, src.Name)
	}
	l.hash = "sha256:" + hex.EncodeToString(h.Sum(nil))
	irregular := map[string][]string{}
	for _, f := range parsed {
		for _, e := range f.irregular {
			irregular[e.lemma] = append(irregular[e.lemma], e.forms...)
		}
	}
	l.irregular = irregular
	for _, f := range parsed {
		if err := l.addFile(f, irregular); err != nil {
			return nil, err
		}
	}
	l.index()
	return l, nil
}

// Hash identifies the effective rules: a SHA-256 of every file's bytes,
// each after its length, in load order ("sha256:…"); where a file was read
// from does not count.
func (l *Lexicon) Hash() string { return l.hash }

// ListID returns the ID of a list by name.
func (l *Lexicon) ListID(name string) (ID, bool) {
	id, ok := l.byName[name]
	return id, ok
}

// ListNames returns every list's name, in ID order.
func (l *Lexicon) ListNames() []string {
	out := make([]string, len(l.lists))
	for i, ls := range l.lists {
		out[i] = ls.Name
	}
	return out
}

// Folds reports whether list id matches whatever the case.
func (l *Lexicon) Folds(id ID) bool { return l.lists[id].Fold }

// Len is the number of phrases in list id.
func (l *Lexicon) Len(id ID) int { return l.lists[id].n }

func (l *Lexicon) addList(s Section) (*list, error) {
	if id, ok := l.byName[s.Name]; ok {
		return l.lists[id], nil
	}
	if len(l.lists) >= MaxLists {
		return nil, fmt.Errorf("more than %d lists", MaxLists)
	}
	ls := &list{Section: s, id: ID(len(l.lists)), first: map[string]*trie{}}
	l.lists = append(l.lists, ls)
	l.byName[s.Name] = ls.id
	return ls, nil
}

// add puts a phrase in a list; a phrase already there keeps its first
// value. The check is a map lookup, so loading stays linear.
func (ls *list) add(words []string, value string) {
	if len(words) == 0 {
		return
	}
	if ls.Fold {
		for i, w := range words {
			words[i] = strings.ToLower(w)
		}
	}
	t := ls.first[words[0]]
	if t == nil {
		t = &trie{}
		ls.first[words[0]] = t
	}
	for _, w := range words[1:] {
		if t.next == nil {
			t.next = map[string]*trie{}
		}
		c := t.next[w]
		if c == nil {
			c = &trie{}
			t.next[w] = c
		}
		t = c
	}
	if !t.end {
		t.end = true
		ls.n++
	}
	for _, v := range t.values {
		if v == value {
			return
		}
	}
	t.values = append(t.values, value)
}

// Values returns every value the phrase of list id that is exactly words
// (as the list matches them) was given, in the order given.
func (l *Lexicon) Values(id ID, words []string) []string {
	ls := l.lists[id]
	if len(words) == 0 {
		return nil
	}
	t := ls.first[words[0]]
	for _, w := range words[1:] {
		if t == nil || t.next == nil {
			return nil
		}
		t = t.next[w]
	}
	if t == nil || !t.end {
		return nil
	}
	return t.values
}

// index builds the word → entry maps.
func (l *Lexicon) index() {
	l.fold, l.exact = map[string]*Entry{}, map[string]*Entry{}
	for _, ls := range l.lists {
		words := l.exact
		if ls.Fold {
			words = l.fold
		}
		for w, t := range ls.first {
			e := words[w]
			if e == nil {
				e = &Entry{}
				words[w] = e
			}
			e.Lists.set(ls.id)
			e.phrases = append(e.phrases, listPhrases{ls.id, t})
		}
	}
}

// Lookup returns what the lists know of a token: its entry in the folding
// lists (by lower, the token lower-cased) and in the case-sensitive ones
// (by word, as written). Either is NoEntry when the word starts nothing.
func (l *Lexicon) Lookup(word, lower string) (fold, exact *Entry) {
	fold, exact = NoEntry, NoEntry
	if e := l.fold[lower]; e != nil {
		fold = e
	}
	if e := l.exact[word]; e != nil {
		exact = e
	}
	return fold, exact
}

// MatchWords finds the longest phrase of list id at the start of words
// (words as written; folded here when the list folds). It is the slow path
// for callers without a per-token lookup (tests, single words).
func (l *Lexicon) MatchWords(id ID, words []string) (int, string) {
	if len(words) == 0 {
		return 0, ""
	}
	ls := l.lists[id]
	if ls.Fold {
		var one [1]string // a single word is folded without allocating
		low := one[:0]
		if len(words) > 1 {
			low = make([]string, 0, len(words))
		}
		for _, w := range words {
			low = append(low, strings.ToLower(w))
		}
		words = low
	}
	return ls.first[words[0]].longest(words, 0)
}

// Has reports whether text (one or more words, split as the tokenizer
// would) is a whole phrase of list id, and its value.
func (l *Lexicon) Has(id ID, text string) (string, bool) {
	one := [1]string{text}
	words := one[:]
	if !isLetters(text) {
		// several words, or punctuation: split as the tokenizer would
		// (a word of letters, the common call from Plural and the entity
		// layer, is one word without running it)
		words = splitWords(text)
	}
	n, v := l.MatchWords(id, words)
	return v, n > 0 && n == len(words)
}

// isLetters: s is one or more ASCII letters, which the tokenizer keeps
// as one word (TestHasOneWordAsTokenized).
func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// Each calls fn for every phrase of list id, in sorted order of words.
func (l *Lexicon) Each(id ID, fn func(p Phrase)) {
	ls := l.lists[id]
	firsts := make([]string, 0, len(ls.first))
	for w := range ls.first {
		firsts = append(firsts, w)
	}
	sort.Strings(firsts)
	for _, w := range firsts {
		ls.first[w].each([]string{w}, fn)
	}
}

func (t *trie) each(prefix []string, fn func(p Phrase)) {
	if t.end {
		for _, v := range t.values {
			fn(Phrase{Words: append([]string(nil), prefix...), Value: v})
		}
	}
	next := make([]string, 0, len(t.next))
	for w := range t.next {
		next = append(next, w)
	}
	sort.Strings(next)
	for _, w := range next {
		t.next[w].each(append(prefix, w), fn)
	}
}
