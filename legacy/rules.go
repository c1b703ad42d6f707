package legacy

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
	"go.yaml.in/yaml/v3"
)

//go:embed rules/*.yaml
var builtinRules embed.FS

// Country is a gazetteer entry: a country with its demonyms and aliases.
type Country struct {
	Name     Word   `yaml:"name"`
	Demonyms []Word `yaml:"demonyms"`
	Aliases  []Word `yaml:"aliases"`
	Capitals []Word `yaml:"capitals"`
}

// Organisation is an international organisation or an office that speaks.
type Organisation struct {
	Name    Word   `yaml:"name"`
	Aliases []Word `yaml:"aliases"`
	Country Word   `yaml:"country"`
	PartOf  Word   `yaml:"part_of"`
}

// Word is a non-empty string from a rules file, with the line it is on.
type Word struct {
	Text string
	Line int
}

// UnmarshalYAML validates that a word is a non-empty scalar.
func (w *Word) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a word, found a %s", n.Line, kindName(n.Kind))
	}
	w.Text, w.Line = strings.TrimSpace(n.Value), n.Line
	if w.Text == "" {
		return fmt.Errorf("line %d: empty word", n.Line)
	}
	return nil
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

// ruleFile is the schema of a rules file: every section is optional, and a
// file given with --rules adds its entries to the built-in ones.
type ruleFile struct {
	SpeechVerbs   map[string][]Word `yaml:"speech_verbs"`
	RequestVerbs  map[string][]Word `yaml:"request_verbs"`
	ActVerbs      map[string][]Word `yaml:"act_verbs"`
	SayLike       []Word            `yaml:"say_like"`
	MeetingWords  map[string][]Word `yaml:"meeting_words"`
	ExchangeVerbs map[string][]Word `yaml:"exchange_verbs"`
	PlannedWords  []Word            `yaml:"planned_words"`
	Relationship  []Word            `yaml:"relationship_verbs"`
	PledgeCues    map[string][]Word `yaml:"pledge_cues"`
	Countries     []Country         `yaml:"countries"`
	Organisations []Organisation    `yaml:"organisations"`
	Heads         []Word            `yaml:"heads"`
	Modifiers     []Word            `yaml:"modifiers"`
	Honorifics    []Word            `yaml:"honorifics"`
	Domains       []Word            `yaml:"domains"`
}

// Rules is the compiled vocabulary the extractors use. It is immutable
// once built and safe to share between goroutines.
type Rules struct {
	speech, request, act *phraseSet // value: lemma
	sayLike              map[string]bool
	meeting              *phraseSet // value: channel
	exchange             *phraseSet // value: channel
	planned              *phraseSet
	relationship         *phraseSet // "strengthen" dialogue with: a relationship, not an exchange
	pledge               *phraseSet // value: strength
	places               *phraseSet // case-sensitive; value: country name
	demonyms             *phraseSet // case-sensitive; value: country name
	orgs                 *phraseSet // case-sensitive; value: organisation name
	orgCountry           map[string]string
	orgParent            map[string]string // a body → the organisation it belongs to
	countries            map[string]bool
	capitals             map[string]bool // capital cities, as written
	heads, modifiers     map[string]bool
	honorifics           *phraseSet
	domains              *phraseSet

	hash string // Hash: of the bytes loaded, set by LoadRules

	// What the rules know of each word, for a pre-pass that looks every
	// token up once (see wordEntry): lower-cased words, for the
	// case-folding lists, and words as written, for the others.
	lowWords, caseWords map[string]*wordEntry
}

// wordEntry is what the rules know of one word: the classes it belongs to
// and, for each phrase set, the phrases that start with it. Each token's
// entries are looked up once per document, so the extractors then test a
// bit instead of hashing the token again for every list they consult.
type wordEntry struct {
	class   wordClass
	phrases [numPhraseSets][]phrase
}

// numPhraseSets is the number of phrase sets in Rules.
const numPhraseSets = 13

// noWord is the entry of a word no list holds.
var noWord = &wordEntry{}

// wordClass is a set of bits, one per word list a token can start a match
// in.
type wordClass uint32

const (
	classHead wordClass = 1 << iota
	classModifier
	classMentionStarter
	classTimePrefix
	firstSetClass // phrase sets take the bits from here on
)

var defaultRules = sync.OnceValues(func() (*Rules, error) { return LoadRules() })

// DefaultRules returns the built-in rules, compiled once per process.
func DefaultRules() (*Rules, error) { return defaultRules() }

// LoadRules compiles the built-in rules plus the given rules files, in
// order. A malformed file is an error naming the file and line.
func LoadRules(paths ...string) (*Rules, error) {
	var files []ruleFile
	h := sha256.New()
	entries, err := builtinRules.ReadDir("rules")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		b, err := builtinRules.ReadFile("rules/" + e.Name())
		if err != nil {
			return nil, err
		}
		f, err := parseRules("rules/"+e.Name(), b)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		hashFile(h, b)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		f, err := parseRules(p, b)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		hashFile(h, b)
	}
	r, err := compile(files)
	if err != nil {
		return nil, err
	}
	r.hash = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return r, nil
}

// hashFile adds one rules file's bytes to the rules' hash, after their
// length, so that no two lists of files hash alike by where one ends.
func hashFile(h hash.Hash, b []byte) {
	fmt.Fprintf(h, "%d\n", len(b))
	h.Write(b)
}

// Hash identifies the effective rules: "sha256:" and 64 hex digits, the
// SHA-256 of the bytes loaded (the built-in rule files in name order,
// then each --rules file in the order given, each after its length in
// decimal and a newline). File names do not count: the same files give
// the same hash wherever they are. Computed once, at load time.
func (r *Rules) Hash() string { return r.hash }

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ParseRulesFile checks one rules file without compiling it.
func parseRules(name string, b []byte) (ruleFile, error) {
	var f ruleFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && err != io.EOF {
		return f, yamlError(name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return f, yamlError(name, err)
	}
	check := func(section string, allowed []string) error {
		n := sectionNode(&root, section)
		if n == nil {
			return nil
		}
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("%s:%d: %s must be a mapping", name, n.Line, section)
		}
		for i := 0; i < len(n.Content); i += 2 {
			k := n.Content[i]
			if allowed != nil && !contains(allowed, k.Value) {
				return fmt.Errorf("%s:%d: %s: unknown key %q (want one of %s)", name, k.Line, section, k.Value, strings.Join(allowed, ", "))
			}
		}
		return nil
	}
	for section, allowed := range map[string][]string{"meeting_words": channelNames, "exchange_verbs": channelNames, "pledge_cues": strengthNames} {
		if err := check(section, allowed); err != nil {
			return f, err
		}
	}
	for _, c := range f.Countries {
		if c.Name.Text == "" {
			return f, fmt.Errorf("%s: a country without a name", name)
		}
	}
	for _, o := range f.Organisations {
		if o.Name.Text == "" {
			return f, fmt.Errorf("%s: an organisation without a name", name)
		}
	}
	return f, nil
}

var unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)

var yamlLine = regexp.MustCompile(`^(?:yaml: )?(?:unmarshal errors:\s*)?line (\d+): `)

// yamlError rewrites yaml.v3's "yaml: line 7: …" as "FILE:7: …", the form
// editors and CI annotations understand; only the first problem is kept.
func yamlError(name string, err error) error {
	msg := strings.TrimSpace(err.Error())
	if i := strings.Index(msg, "\n"); i >= 0 && strings.HasPrefix(msg, "yaml: unmarshal errors:") {
		msg = strings.TrimSpace(msg[i+1:])
		if j := strings.Index(msg, "\n"); j >= 0 {
			msg = msg[:j]
		}
	}
	msg = unknownField.ReplaceAllString(msg, `unknown key "$1"`)
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", name, m[1], msg[len(m[0]):])
	}
	return fmt.Errorf("%s: %s", name, strings.TrimPrefix(msg, "yaml: "))
}

func sectionNode(root *yaml.Node, key string) *yaml.Node {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func compile(files []ruleFile) (*Rules, error) {
	r := &Rules{
		speech: newPhraseSet(true), request: newPhraseSet(true), act: newPhraseSet(true),
		sayLike: map[string]bool{}, meeting: newPhraseSet(true), exchange: newPhraseSet(true),
		planned: newPhraseSet(true), relationship: newPhraseSet(true), pledge: newPhraseSet(true),
		places: newPhraseSet(false), demonyms: newPhraseSet(false), orgs: newPhraseSet(false),
		orgCountry: map[string]string{}, orgParent: map[string]string{}, countries: map[string]bool{}, capitals: map[string]bool{},
		heads: map[string]bool{}, modifiers: map[string]bool{},
		honorifics: newPhraseSet(false), domains: newPhraseSet(false),
	}
	var err error
	add := func(set *phraseSet, value string, words ...Word) {
		for _, w := range words {
			if err == nil {
				err = set.add(w.Text, value)
			}
		}
	}
	addMap := func(set *phraseSet, m map[string][]Word) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys) // a form listed under two keys resolves the same way every run
		for _, k := range keys {
			add(set, k, m[k]...)
		}
	}
	for _, f := range files {
		addMap(r.speech, f.SpeechVerbs)
		addMap(r.request, f.RequestVerbs)
		addMap(r.act, f.ActVerbs)
		for _, w := range f.SayLike {
			r.sayLike[strings.ToLower(w.Text)] = true
		}
		addMap(r.meeting, f.MeetingWords)
		addMap(r.exchange, f.ExchangeVerbs)
		add(r.planned, "planned", f.PlannedWords...)
		add(r.relationship, "", f.Relationship...)
		addMap(r.pledge, f.PledgeCues)
		for _, c := range f.Countries {
			name := c.Name.Text
			r.countries[name] = true
			add(r.places, name, c.Name)
			add(r.places, name, c.Aliases...)
			add(r.places, name, c.Capitals...)
			for _, w := range c.Capitals {
				r.capitals[w.Text] = true
			}
			add(r.demonyms, name, c.Demonyms...)
		}
		for _, o := range f.Organisations {
			add(r.orgs, o.Name.Text, o.Name)
			add(r.orgs, o.Name.Text, o.Aliases...)
			if o.Country.Text != "" {
				r.orgCountry[o.Name.Text] = o.Country.Text
			}
			if o.PartOf.Text != "" {
				r.orgParent[o.Name.Text] = o.PartOf.Text
			}
		}
		for _, w := range f.Heads {
			r.heads[strings.ToLower(w.Text)] = true
		}
		for _, w := range f.Modifiers {
			r.modifiers[strings.ToLower(w.Text)] = true
		}
		add(r.honorifics, "", f.Honorifics...)
		add(r.domains, "", f.Domains...)
	}
	if err != nil {
		return nil, err
	}
	r.lowWords, r.caseWords = map[string]*wordEntry{}, map[string]*wordEntry{}
	entry := func(words map[string]*wordEntry, w string) *wordEntry {
		e := words[w]
		if e == nil {
			e = &wordEntry{}
			words[w] = e
		}
		return e
	}
	for _, c := range []struct {
		words map[string]bool
		class wordClass
	}{{r.heads, classHead}, {r.modifiers, classModifier}, {mentionStarters, classMentionStarter}, {timePrefixes, classTimePrefix}} {
		for w := range c.words {
			entry(r.lowWords, w).class |= c.class
		}
	}
	sets := []*phraseSet{r.speech, r.request, r.act, r.meeting, r.exchange, r.planned, r.relationship, r.pledge, r.places, r.demonyms, r.orgs, r.honorifics, r.domains}
	if len(sets) != numPhraseSets {
		panic("numPhraseSets is out of date")
	}
	for i, s := range sets {
		s.finish()
		s.index, s.class = i, firstSetClass<<i
		words := r.caseWords
		if s.fold {
			words = r.lowWords
		}
		for w, ps := range s.first {
			e := entry(words, w)
			e.class |= s.class
			e.phrases[i] = ps
		}
	}
	return r, nil
}

// entries returns what the rules know of a token, written word and
// lower-cased low: the entries for the folding and the case-sensitive
// lists (noWord for none), and their classes together.
func (r *Rules) entries(word, low string) (lowEntry, caseEntry *wordEntry, class wordClass) {
	lowEntry, caseEntry = noWord, noWord
	if e := r.lowWords[low]; e != nil {
		lowEntry = e
	}
	if e := r.caseWords[word]; e != nil {
		caseEntry = e
	}
	return lowEntry, caseEntry, lowEntry.class | caseEntry.class
}

// phraseSet matches word sequences against tokens, longest match first.
// Lookup is a map access on the first word, so matching is linear in the
// number of tokens.
type phraseSet struct {
	fold  bool
	first map[string][]phrase
	index int       // in Rules' list of sets, and in wordEntry.phrases
	class wordClass // the bit of the tokens that start a phrase of this set
}

type phrase struct {
	words []string
	value string
}

func newPhraseSet(fold bool) *phraseSet {
	return &phraseSet{fold: fold, first: map[string][]phrase{}}
}

func (s *phraseSet) add(text, value string) error {
	words, err := parser.Words(text)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return nil
	}
	if s.fold {
		for i := range words {
			words[i] = strings.ToLower(words[i])
		}
	}
	for _, p := range s.first[words[0]] {
		if equalWords(p.words, words) {
			return nil // the first entry wins
		}
	}
	s.first[words[0]] = append(s.first[words[0]], phrase{words, value})
	return nil
}

func (s *phraseSet) finish() {
	for k, ps := range s.first {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		s.first[k] = ps
	}
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// match returns the length in tokens and the value of the longest phrase
// starting at token i of words, or 0.
func (s *phraseSet) match(words []string, i int) (int, string) {
	if i >= len(words) {
		return 0, ""
	}
	return matchPhrases(s.first[words[i]], words, i)
}

// matchPhrases returns the length and value of the first of phrases (all
// starting with words[i], longest first) that words holds from i on.
func matchPhrases(phrases []phrase, words []string, i int) (int, string) {
	for _, p := range phrases {
		if i+len(p.words) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if words[i+k] != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return len(p.words), p.value
		}
	}
	return 0, ""
}

// channelNames and strengthNames are the keys meeting_words, exchange_verbs
// and pledge_cues accept: the record's enums.
var channelNames, strengthNames = enumNames(record.Channels), enumNames(record.Strengths)

func enumNames[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}
