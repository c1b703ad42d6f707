package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/readout/readout/record"

	"go.yaml.in/yaml/v3"
)

// ---------------------------------------------------------------------------
// Records

// Record is a readout in the shape of a gold file: the gold itself, or a
// prediction converted with FromReadout. Where fields say where an item
// comes from: a gold file's line, or a prediction's span of the article.
type Record struct {
	Source       string        `yaml:"source" json:"source,omitempty"`
	Speakers     []Speaker     `yaml:"speakers" json:"speakers"`
	Quotes       []Quote       `yaml:"quotes" json:"quotes"`
	Counterparts []Counterpart `yaml:"counterparts" json:"counterparts"`
	Pledges      []Pledge      `yaml:"pledges" json:"pledges"`
}

// Where locates an item: Line is its line in a gold file, Span its
// [start, end) byte range in the article. Either may be unset (0, nil).
type Where struct {
	Line int     `yaml:"-" json:"line,omitempty"`
	Span *[2]int `yaml:"-" json:"span,omitempty"`
}

// Speaker is a person or institution that says something.
type Speaker struct {
	Name        string `yaml:"name" json:"name"`
	Title       string `yaml:"title" json:"title,omitempty"`
	Affiliation string `yaml:"affiliation" json:"affiliation,omitempty"`
	Where       `yaml:"-"`
}

// Quote is something attributed to a speaker as said; Kind is direct or
// indirect. An unattributed quote has an empty Speaker.
type Quote struct {
	Speaker string      `yaml:"speaker" json:"speaker"`
	Kind    record.Kind `yaml:"kind" json:"kind"`
	Cue     string      `yaml:"cue" json:"cue,omitempty"`
	Text    string      `yaml:"text" json:"text"`
	Where   `yaml:"-"`
}

// Counterpart is one exchange between two parties.
type Counterpart struct {
	Parties []string       `yaml:"parties" json:"parties"`
	Channel record.Channel `yaml:"channel" json:"channel"`
	When    string         `yaml:"when" json:"when,omitempty"`
	Planned bool           `yaml:"planned" json:"planned,omitempty"`
	Where   `yaml:"-"`
}

// Pledge is an action an actor commits to; By is the speaker who made the
// commitment when different from the actor.
type Pledge struct {
	Actor    string          `yaml:"actor" json:"actor"`
	By       string          `yaml:"by" json:"by,omitempty"`
	Action   string          `yaml:"action" json:"action"`
	Strength record.Strength `yaml:"strength" json:"strength"`
	When     string          `yaml:"when" json:"when,omitempty"`
	Where    `yaml:"-"`
}

// FromReadout converts an extracted record to the gold's shape, keeping
// each item's span (a speaker's is its first mention).
func FromReadout(r record.Readout) Record {
	out := Record{Source: r.Source}
	for _, s := range r.Speakers {
		sp := Speaker{Name: s.Name, Title: s.Title, Affiliation: s.Affiliation}
		if len(s.Mentions) > 0 {
			sp.Span = spanOf(s.Mentions[0])
		}
		out.Speakers = append(out.Speakers, sp)
	}
	for _, q := range r.Quotes {
		out.Quotes = append(out.Quotes, Quote{Speaker: deref(q.Speaker), Kind: q.Kind, Cue: q.Cue, Text: q.Text, Where: Where{Span: spanOf(q.Span)}})
	}
	for _, c := range r.Counterparts {
		out.Counterparts = append(out.Counterparts, Counterpart{Parties: append([]string(nil), c.Parties...), Channel: c.Channel, When: c.When, Planned: c.Planned, Where: Where{Span: spanOf(c.Span)}})
	}
	for _, p := range r.Pledges {
		out.Pledges = append(out.Pledges, Pledge{Actor: p.Actor, By: p.By, Action: p.Action, Strength: p.Strength, When: p.When, Where: Where{Span: spanOf(p.Span)}})
	}
	return out
}

func spanOf(s record.Span) *[2]int {
	v := [2]int(s)
	return &v
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ---------------------------------------------------------------------------
// Gold files

// DefaultSource is the source line of a gold file written from scratch.
const DefaultSource = "written for the test corpus"

// Problem is one thing wrong in a gold file; Line is 0 when unknown.
type Problem struct {
	Line int
	Msg  string
}

// GoldError lists what is wrong with a gold file. Its message has one
// "PATH:LINE: message" line per problem.
type GoldError struct {
	Path     string
	Problems []Problem
}

func (e *GoldError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		if p.Line > 0 {
			lines[i] = fmt.Sprintf("%s:%d: %s", e.Path, p.Line, p.Msg)
		} else {
			lines[i] = fmt.Sprintf("%s: %s", e.Path, p.Msg)
		}
	}
	return strings.Join(lines, "\n")
}

// LoadGold reads and validates a gold file. A file that cannot be read
// gives the *os.PathError; a malformed one a *GoldError.
func LoadGold(path string) (Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Record{}, err
	}
	return ParseGold(path, b)
}

// ParseGold decodes and validates a gold file's content; path names it in
// errors. Unknown keys, values of the wrong type and values outside the
// guide's lists are errors with their line.
func ParseGold(path string, data []byte) (Record, error) {
	fail := func(ps ...Problem) (Record, error) { return Record{}, &GoldError{Path: path, Problems: ps} }

	// The node tree, for syntax errors and the lines of items and values.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fail(yamlProblems(err)...)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return fail(Problem{1, "empty gold file (want source, speakers, quotes, counterparts and pledges)"})
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fail(Problem{root.Line, "a gold file is a mapping of source, speakers, quotes, counterparts and pledges"})
	}

	// The typed record: unknown keys and type mismatches.
	var r Record
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		return fail(yamlProblems(err)...)
	}

	var ps []Problem
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{line, fmt.Sprintf(format, args...)})
	}
	for i := range r.Speakers {
		s := &r.Speakers[i]
		s.Line = itemLine(root, "speakers", i)
		if strings.TrimSpace(s.Name) == "" {
			add(valueLine(root, "speakers", i, "name"), "speaker without a name")
		}
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		q.Line = itemLine(root, "quotes", i)
		if !q.Kind.Valid() {
			add(valueLine(root, "quotes", i, "kind"), "quote kind %q: want %s", q.Kind, orList(record.Kinds))
		}
		if strings.TrimSpace(q.Text) == "" {
			add(valueLine(root, "quotes", i, "text"), "quote without text")
		}
	}
	for i := range r.Counterparts {
		c := &r.Counterparts[i]
		c.Line = itemLine(root, "counterparts", i)
		if len(c.Parties) != 2 {
			add(valueLine(root, "counterparts", i, "parties"), "counterpart parties: want exactly 2 names, got %d", len(c.Parties))
		} else if strings.TrimSpace(c.Parties[0]) == "" || strings.TrimSpace(c.Parties[1]) == "" {
			add(valueLine(root, "counterparts", i, "parties"), "counterpart parties: a party without a name")
		}
		if !c.Channel.Valid() {
			add(valueLine(root, "counterparts", i, "channel"), "counterpart channel %q: want %s", c.Channel, orList(record.Channels))
		}
	}
	for i := range r.Pledges {
		p := &r.Pledges[i]
		p.Line = itemLine(root, "pledges", i)
		if strings.TrimSpace(p.Actor) == "" {
			add(valueLine(root, "pledges", i, "actor"), "pledge without an actor")
		}
		if strings.TrimSpace(p.Action) == "" {
			add(valueLine(root, "pledges", i, "action"), "pledge without an action")
		}
		if !p.Strength.Valid() {
			add(valueLine(root, "pledges", i, "strength"), "pledge strength %q: want %s", p.Strength, orList(record.Strengths))
		}
	}
	if len(ps) > 0 {
		return fail(ps...)
	}
	return r, nil
}

// yamlLine finds "line N: message" in a yaml.v3 error.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlProblems turns a yaml.v3 error into problems with their lines.
func yamlProblems(err error) []Problem {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var ps []Problem
	for _, m := range msgs {
		p := Problem{Msg: strings.TrimPrefix(m, "yaml: ")}
		if sm := yamlLine.FindStringSubmatch(m); sm != nil {
			p.Line, _ = strconv.Atoi(sm[1])
			p.Msg = sm[2]
		}
		p.Msg = friendlier(p.Msg)
		ps = append(ps, p)
	}
	return ps
}

var (
	unknownField = regexp.MustCompile(`^field (.+) not found in type (?:\[\])?score\.(\w+)$`)
	intoType     = regexp.MustCompile(`into (\[\])?score\.(\w+)$`)
)

// What each record type is called in messages, and its keys.
var typeNames = map[string]struct{ one, many, keys string }{
	"Record":      {"gold file", "gold files", "source, speakers, quotes, counterparts, pledges"},
	"Speaker":     {"speaker", "speakers", "name, title, affiliation"},
	"Quote":       {"quote", "quotes", "speaker, kind, cue, text"},
	"Counterpart": {"counterpart", "counterparts", "parties, channel, when, planned"},
	"Pledge":      {"pledge", "pledges", "actor, by, action, strength, when"},
}

// friendlier rewrites yaml.v3's Go type names into the guide's words.
func friendlier(msg string) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		if t, ok := typeNames[m[2]]; ok {
			return fmt.Sprintf("unknown key %q in a %s (want %s)", m[1], t.one, t.keys)
		}
	}
	if m := intoType.FindStringSubmatchIndex(msg); m != nil {
		name := msg[m[4]:m[5]]
		if t, ok := typeNames[name]; ok {
			what := "a " + t.one
			if m[2] >= 0 {
				what = "a list of " + t.many
			}
			return msg[:m[0]] + "into " + what
		}
	}
	return msg
}

// itemLine is the line of item i of a top-level list, 0 if unknown.
func itemLine(root *yaml.Node, list string, i int) int {
	if n := item(root, list, i); n != nil {
		return n.Line
	}
	return 0
}

// valueLine is the line of key's value in item i of a list, or of the
// item when the key is absent.
func valueLine(root *yaml.Node, list string, i int, key string) int {
	n := item(root, list, i)
	if n == nil {
		return 0
	}
	if v := lookup(n, key); v != nil {
		return v.Line
	}
	return n.Line
}

func item(root *yaml.Node, list string, i int) *yaml.Node {
	seq := lookup(root, list)
	if seq == nil || seq.Kind != yaml.SequenceNode || i >= len(seq.Content) {
		return nil
	}
	return seq.Content[i]
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	for m != nil && m.Kind == yaml.AliasNode {
		m = m.Alias
	}
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// orList writes a closed field's values as "a, b or c".
func orList[T ~string](list []T) string {
	words := make([]string, len(list))
	for i, v := range list {
		words[i] = string(v)
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// FormatGold writes a record as a gold file, in the guide's layout: the
// same record always gives the same bytes. Optional values that are empty
// are left out, and planned only appears when true. An empty Source is
// written as DefaultSource.
func FormatGold(r Record) []byte {
	var b strings.Builder
	src := r.Source
	if src == "" {
		src = DefaultSource
	}
	b.WriteString("source: " + scalar(src) + "\n")
	type kv struct{ k, v string }
	list := func(name string, items [][]kv) {
		if len(items) == 0 {
			b.WriteString(name + ": []\n")
			return
		}
		b.WriteString(name + ":\n")
		for _, it := range items {
			for j, f := range it {
				if j == 0 {
					b.WriteString("- ")
				} else {
					b.WriteString("  ")
				}
				b.WriteString(f.k + ": " + f.v + "\n")
			}
		}
	}
	opt := func(fs []kv, k, v string) []kv {
		if v != "" {
			fs = append(fs, kv{k, scalar(v)})
		}
		return fs
	}
	var items [][]kv
	for _, s := range r.Speakers {
		fs := []kv{{"name", scalar(s.Name)}}
		fs = opt(fs, "title", s.Title)
		fs = opt(fs, "affiliation", s.Affiliation)
		items = append(items, fs)
	}
	list("speakers", items)
	items = nil
	for _, q := range r.Quotes {
		fs := opt(nil, "speaker", q.Speaker)
		fs = append(fs, kv{"kind", scalar(string(q.Kind))})
		fs = opt(fs, "cue", q.Cue)
		fs = append(fs, kv{"text", scalar(q.Text)})
		items = append(items, fs)
	}
	list("quotes", items)
	items = nil
	for _, c := range r.Counterparts {
		fs := []kv{{"parties", flowList(c.Parties)}, {"channel", scalar(string(c.Channel))}}
		fs = opt(fs, "when", c.When)
		if c.Planned {
			fs = append(fs, kv{"planned", "true"})
		}
		items = append(items, fs)
	}
	list("counterparts", items)
	items = nil
	for _, p := range r.Pledges {
		fs := []kv{{"actor", scalar(p.Actor)}}
		fs = opt(fs, "by", p.By)
		fs = append(fs, kv{"action", scalar(p.Action)}, kv{"strength", scalar(string(p.Strength))})
		fs = opt(fs, "when", p.When)
		items = append(items, fs)
	}
	list("pledges", items)
	return []byte(b.String())
}

// UpdateGold is FormatGold for a record that replaces the gold file old
// (nil if there was none): old's source line is kept when it has one,
// even if the rest of old is malformed.
func UpdateGold(old []byte, r Record) []byte {
	r.Source = DefaultSource
	keep := ""
	if v, line, ok := ReadSource(old); ok {
		r.Source, keep = v, line
	}
	out := FormatGold(r)
	if keep != "" {
		if i := bytes.IndexByte(out, '\n'); i >= 0 {
			out = append([]byte(keep), out[i:]...)
		}
	}
	return out
}

// ReadSource finds the source of a gold file without validating the rest:
// its value, and its line as written when the whole value sits on that
// line (else "").
func ReadSource(data []byte) (value, line string, ok bool) {
	var doc yaml.Node
	if len(data) == 0 || yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return sourceLineOnly(data)
	}
	var key *yaml.Node
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return "", "", false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "source" {
			key = root.Content[i]
			v := root.Content[i+1]
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return "", "", false
			}
			value = v.Value
		}
	}
	if key == nil {
		return "", "", false
	}
	lines := strings.Split(string(data), "\n")
	if key.Line >= 1 && key.Line <= len(lines) {
		raw := strings.TrimRight(lines[key.Line-1], " \t\r")
		var m map[string]any
		if strings.HasPrefix(raw, "source:") && yaml.Unmarshal([]byte(raw), &m) == nil && m["source"] == value {
			line = raw
		}
	}
	return value, line, true
}

// sourceLineOnly finds a "source:" line in a file that is not valid YAML.
func sourceLineOnly(data []byte) (value, line string, ok bool) {
	for _, raw := range strings.Split(string(data), "\n") {
		raw = strings.TrimRight(raw, " \t\r")
		if !strings.HasPrefix(raw, "source:") {
			continue
		}
		var m map[string]string
		if yaml.Unmarshal([]byte(raw), &m) == nil && m["source"] != "" {
			return m["source"], raw, true
		}
		return "", "", false
	}
	return "", "", false
}

// scalar is a string as a one-line YAML scalar, quoted only if it must be.
func scalar(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r") || s != strings.TrimSpace(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	b, err := yaml.Marshal(n)
	out := strings.TrimSuffix(string(b), "\n")
	if err != nil || strings.Contains(out, "\n") {
		return strconv.Quote(s) // a YAML double-quoted scalar too
	}
	return out
}

// flowList is a list of strings in flow style: [A, B].
func flowList(items []string) string {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		c := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
		if strings.ContainsAny(s, "\n\r") {
			c.Style = yaml.DoubleQuotedStyle
		}
		n.Content = append(n.Content, c)
	}
	b, err := yaml.Marshal(n)
	out := strings.TrimSuffix(string(b), "\n")
	if err != nil || strings.Contains(out, "\n") {
		q := make([]string, len(items))
		for i, s := range items {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return out
}

// ---------------------------------------------------------------------------
// Matching (exactly the reference scorer's rules)

// Words are the maximal runs of letters and digits, lower-cased.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range Words(s) {
		m[w] = true
	}
	return m
}

// Jaccard is the overlap of two texts' word sets: shared words over all
// words; 1 when both have none.
func Jaccard(a, b string) float64 {
	x, y := wordSet(a), wordSet(b)
	if len(x) == 0 && len(y) == 0 {
		return 1
	}
	inter := 0
	for w := range x {
		if y[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(x)+len(y)-inter)
}

// SameName reports whether one name's words are all among the other's
// ("Rutte" ~ "Mark Rutte"). A name without words matches nothing.
func SameName(a, b string) bool {
	x, y := Words(a), Words(b)
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	set := map[string]bool{}
	for _, w := range y {
		set[w] = true
	}
	for _, w := range x {
		if !set[w] {
			return false
		}
	}
	return true
}

// match pairs predictions with gold items greedily, best score first (ties
// in order of prediction, then gold); score gives a pair's score, 0 for
// no match. It returns the pairs as [pred, gold] indices.
func match(nPred, nGold int, score func(p, g int) float64) [][2]int {
	type cand struct {
		p, g int
		s    float64
	}
	var cs []cand
	for p := 0; p < nPred; p++ {
		for g := 0; g < nGold; g++ {
			if s := score(p, g); s > 0 {
				cs = append(cs, cand{p, g, s})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].s > cs[j].s })
	usedP, usedG := map[int]bool{}, map[int]bool{}
	var out [][2]int
	for _, c := range cs {
		if usedP[c.p] || usedG[c.g] {
			continue
		}
		usedP[c.p], usedG[c.g] = true, true
		out = append(out, [2]int{c.p, c.g})
	}
	return out
}

func quoteScore(p, g Quote) float64 {
	if j := Jaccard(p.Text, g.Text); j >= 0.5 {
		return j
	}
	return 0
}

func counterpartScore(p, g Counterpart) float64 {
	a, b := p.Parties, g.Parties
	if len(a) != 2 || len(b) != 2 {
		return 0
	}
	if (SameName(a[0], b[0]) && SameName(a[1], b[1])) || (SameName(a[0], b[1]) && SameName(a[1], b[0])) {
		return 1
	}
	return 0
}

func pledgeScore(p, g Pledge) float64 {
	who := false
	for _, a := range []string{p.Actor, p.By} {
		for _, b := range []string{g.Actor, g.By} {
			if a != "" && b != "" && SameName(a, b) {
				who = true
			}
		}
	}
	if !who {
		return 0
	}
	if j := Jaccard(p.Action, g.Action); j >= 0.5 {
		return j
	}
	return 0
}

// ---------------------------------------------------------------------------
// Scores

// Count holds the three numbers every metric is made of.
type Count struct {
	TP   int `json:"tp"`
	Pred int `json:"pred"`
	Gold int `json:"gold"`
}

// Add adds another count.
func (c *Count) Add(o Count) { c.TP += o.TP; c.Pred += o.Pred; c.Gold += o.Gold }

// PRF is precision, recall and F1; all three are 1 when there is nothing
// to find and nothing was found.
func (c Count) PRF() (p, r, f float64) {
	if c.Pred > 0 {
		p = float64(c.TP) / float64(c.Pred)
	}
	if c.Gold > 0 {
		r = float64(c.TP) / float64(c.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	if c.Pred == 0 && c.Gold == 0 {
		p, r, f = 1, 1, 1
	}
	return
}

// F1 is the count's F1.
func (c Count) F1() float64 { _, _, f := c.PRF(); return f }

// Perfect reports whether every prediction and every gold item matched.
func (c Count) Perfect() bool { return c.TP == c.Pred && c.TP == c.Gold }

// MarshalJSON writes the count with its precision, recall and F1.
func (c Count) MarshalJSON() ([]byte, error) {
	p, r, f := c.PRF()
	return json.Marshal(struct {
		P    float64 `json:"p"`
		R    float64 `json:"r"`
		F1   float64 `json:"f1"`
		TP   int     `json:"tp"`
		Pred int     `json:"pred"`
		Gold int     `json:"gold"`
	}{p, r, f, c.TP, c.Pred, c.Gold})
}

// Scores are one article's counts, or a sum of them.
type Scores struct {
	Speakers Count
	Direct   Count
	Indirect Count
	// Attributed counts a quote as true only when it is detected AND its
	// speaker matches (the reference's quotes+speaker).
	Attributed   Count
	AttrRight    int // matched quotes with the right speaker
	AttrMatched  int // matched quotes
	Counterparts Count
	Pledges      Count
	Strength     int // matched pledges with the right strength
}

// Add adds another article's scores.
func (s *Scores) Add(o Scores) {
	s.Speakers.Add(o.Speakers)
	s.Direct.Add(o.Direct)
	s.Indirect.Add(o.Indirect)
	s.Attributed.Add(o.Attributed)
	s.AttrRight += o.AttrRight
	s.AttrMatched += o.AttrMatched
	s.Counterparts.Add(o.Counterparts)
	s.Pledges.Add(o.Pledges)
	s.Strength += o.Strength
}

// Accuracy is the attribution accuracy: the share of matched quotes whose
// speaker is right. With no matched quote it is 1 when there were no
// quotes to find and none found, else 0.
func (s Scores) Accuracy() float64 {
	if s.AttrMatched > 0 {
		return float64(s.AttrRight) / float64(s.AttrMatched)
	}
	if s.Direct.Pred+s.Direct.Gold+s.Indirect.Pred+s.Indirect.Gold == 0 {
		return 1
	}
	return 0
}

// Perfect reports whether everything matched and every matched quote has
// the right speaker.
func (s Scores) Perfect() bool {
	return s.Speakers.Perfect() && s.Direct.Perfect() && s.Indirect.Perfect() &&
		s.Counterparts.Perfect() && s.Pledges.Perfect() && s.AttrRight == s.AttrMatched
}

// Value is a category's figure: its F1, or for attribution the accuracy.
func (s Scores) Value(c Category) float64 {
	switch c {
	case Speakers:
		return s.Speakers.F1()
	case Direct:
		return s.Direct.F1()
	case Indirect:
		return s.Indirect.F1()
	case Quotes:
		return s.Attributed.F1()
	case Counterparts:
		return s.Counterparts.F1()
	case Pledges:
		return s.Pledges.F1()
	case Attribution:
		return s.Accuracy()
	}
	return math.NaN()
}

// MarshalJSON writes the scores by category name.
func (s Scores) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Speakers     Count `json:"speakers"`
		Direct       Count `json:"direct"`
		Indirect     Count `json:"indirect"`
		Quotes       Count `json:"quotes"`
		Counterparts Count `json:"counterparts"`
		Pledges      Count `json:"pledges"`
		Attribution  struct {
			Accuracy float64 `json:"accuracy"`
			Right    int     `json:"right"`
			Matched  int     `json:"matched"`
		} `json:"attribution"`
		Strength int  `json:"strength_right"`
		Perfect  bool `json:"perfect"`
	}{s.Speakers, s.Direct, s.Indirect, s.Attributed, s.Counterparts, s.Pledges,
		struct {
			Accuracy float64 `json:"accuracy"`
			Right    int     `json:"right"`
			Matched  int     `json:"matched"`
		}{s.Accuracy(), s.AttrRight, s.AttrMatched}, s.Strength, s.Perfect()})
}

// row is one line of the totals, as the reference scorer prints it.
func row(name string, c Count) string {
	p, r, f := c.PRF()
	return fmt.Sprintf("%-16s P %.3f  R %.3f  F1 %.3f   (tp %d, pred %d, gold %d)", name, p, r, f, c.TP, c.Pred, c.Gold)
}

// WriteTotals writes the totals block exactly as the reference scorer
// does, so the two can be compared line by line: articles is the number
// of articles, missing those without a prediction.
func (s Scores) WriteTotals(w io.Writer, articles, missing int) error {
	acc := 0.0 // the reference's figure: 0 when no quote matched
	if s.AttrMatched > 0 {
		acc = float64(s.AttrRight) / float64(s.AttrMatched)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "articles %d, without a prediction %d\n", articles, missing)
	fmt.Fprintln(&b, row("speakers", s.Speakers))
	fmt.Fprintln(&b, row("direct quotes", s.Direct))
	fmt.Fprintln(&b, row("indirect quotes", s.Indirect))
	fmt.Fprintln(&b, row("quotes+speaker", s.Attributed))
	fmt.Fprintf(&b, "%-16s %.3f of %d matched quotes\n", "attribution acc", acc, s.AttrMatched)
	fmt.Fprintln(&b, row("counterparts", s.Counterparts))
	fmt.Fprintln(&b, row("pledges", s.Pledges))
	fmt.Fprintf(&b, "overall quotes+speaker F1 %.3f\n", s.Attributed.F1())
	_, err := io.WriteString(w, b.String())
	return err
}

// ---------------------------------------------------------------------------
// Scoring and differences

// DiffKind says how an item differs from the gold.
type DiffKind string

// The kinds of difference.
const (
	Missing      DiffKind = "missing"       // in the gold, not found
	Extra        DiffKind = "extra"         // found, not in the gold
	WrongSpeaker DiffKind = "wrong speaker" // a matched quote whose speaker is not the gold's
)

// Difference is one item that keeps a record from matching its gold.
// Where is the gold line of a missing item, the span of a found one.
type Difference struct {
	Kind    DiffKind `json:"kind"`
	Section string   `json:"section"` // speaker, direct quote, indirect quote, counterpart, pledge
	Text    string   `json:"text"`    // the item, readable (a wrong speaker's: the quote)
	Where
	Found string `json:"found,omitempty"` // wrong speaker: the speaker found
	Want  string `json:"want,omitempty"`  // wrong speaker: the gold's speaker
	// Item is the item's index in its list (Speakers, Quotes,
	// Counterparts or Pledges, by Section) of the record it comes from:
	// the gold's for a missing item, the prediction's otherwise.
	Item int `json:"-"`
}

// Result is one article's scores and differences.
type Result struct {
	Scores Scores       `json:"scores"`
	Diff   []Difference `json:"diff"`
}

// Perfect reports whether the record matched its gold in every respect.
func (r Result) Perfect() bool { return r.Scores.Perfect() }

// Score scores a prediction against its gold, as the reference does.
func Score(pred, gold Record) Result {
	var res Result
	s := &res.Scores
	var missing, extra, wrong []Difference

	m := match(len(pred.Speakers), len(gold.Speakers), func(p, g int) float64 {
		if SameName(pred.Speakers[p].Name, gold.Speakers[g].Name) {
			return 1
		}
		return 0
	})
	s.Speakers = Count{len(m), len(pred.Speakers), len(gold.Speakers)}
	mp, mg := matched(m)
	for g, sp := range gold.Speakers {
		if !mg[g] {
			missing = append(missing, Difference{Kind: Missing, Section: "speaker", Text: speakerText(sp), Where: sp.Where, Item: g})
		}
	}
	for p, sp := range pred.Speakers {
		if !mp[p] {
			extra = append(extra, Difference{Kind: Extra, Section: "speaker", Text: speakerText(sp), Where: sp.Where, Item: p})
		}
	}
	res.Diff = append(append(res.Diff, missing...), extra...)

	for _, kind := range record.Kinds {
		var pq, gq []Quote
		var pi, gi []int // their indexes in pred.Quotes and gold.Quotes
		for i, q := range pred.Quotes {
			if q.Kind == kind {
				pq, pi = append(pq, q), append(pi, i)
			}
		}
		for i, q := range gold.Quotes {
			if q.Kind == kind {
				gq, gi = append(gq, q), append(gi, i)
			}
		}
		m := match(len(pq), len(gq), func(p, g int) float64 { return quoteScore(pq[p], gq[g]) })
		c := Count{len(m), len(pq), len(gq)}
		right := 0
		missing, extra, wrong = nil, nil, nil
		section := string(kind) + " quote"
		for _, pg := range m {
			p, g := pq[pg[0]], gq[pg[1]]
			if SameName(p.Speaker, g.Speaker) {
				right++
			} else {
				wrong = append(wrong, Difference{Kind: WrongSpeaker, Section: section, Text: strconv.Quote(p.Text), Where: p.Where, Found: p.Speaker, Want: g.Speaker, Item: pi[pg[0]]})
			}
		}
		sort.SliceStable(wrong, func(i, j int) bool { return before(wrong[i].Where, wrong[j].Where) })
		mp, mg := matched(m)
		for g, q := range gq {
			if !mg[g] {
				missing = append(missing, Difference{Kind: Missing, Section: section, Text: quoteText(q), Where: q.Where, Item: gi[g]})
			}
		}
		for p, q := range pq {
			if !mp[p] {
				extra = append(extra, Difference{Kind: Extra, Section: section, Text: quoteText(q), Where: q.Where, Item: pi[p]})
			}
		}
		res.Diff = append(append(append(res.Diff, missing...), extra...), wrong...)
		if kind == "direct" {
			s.Direct = c
		} else {
			s.Indirect = c
		}
		s.Attributed.Add(Count{right, len(pq), len(gq)})
		s.AttrRight += right
		s.AttrMatched += len(m)
	}

	m = match(len(pred.Counterparts), len(gold.Counterparts), func(p, g int) float64 {
		return counterpartScore(pred.Counterparts[p], gold.Counterparts[g])
	})
	s.Counterparts = Count{len(m), len(pred.Counterparts), len(gold.Counterparts)}
	mp, mg = matched(m)
	missing, extra = nil, nil
	for g, c := range gold.Counterparts {
		if !mg[g] {
			missing = append(missing, Difference{Kind: Missing, Section: "counterpart", Text: counterpartText(c), Where: c.Where, Item: g})
		}
	}
	for p, c := range pred.Counterparts {
		if !mp[p] {
			extra = append(extra, Difference{Kind: Extra, Section: "counterpart", Text: counterpartText(c), Where: c.Where, Item: p})
		}
	}
	res.Diff = append(append(res.Diff, missing...), extra...)

	m = match(len(pred.Pledges), len(gold.Pledges), func(p, g int) float64 {
		return pledgeScore(pred.Pledges[p], gold.Pledges[g])
	})
	s.Pledges = Count{len(m), len(pred.Pledges), len(gold.Pledges)}
	for _, pg := range m {
		if pred.Pledges[pg[0]].Strength == gold.Pledges[pg[1]].Strength {
			s.Strength++
		}
	}
	mp, mg = matched(m)
	missing, extra = nil, nil
	for g, p := range gold.Pledges {
		if !mg[g] {
			missing = append(missing, Difference{Kind: Missing, Section: "pledge", Text: pledgeText(p), Where: p.Where, Item: g})
		}
	}
	for i, p := range pred.Pledges {
		if !mp[i] {
			extra = append(extra, Difference{Kind: Extra, Section: "pledge", Text: pledgeText(p), Where: p.Where, Item: i})
		}
	}
	res.Diff = append(append(res.Diff, missing...), extra...)
	return res
}

func matched(pairs [][2]int) (pred, gold map[int]bool) {
	pred, gold = map[int]bool{}, map[int]bool{}
	for _, pg := range pairs {
		pred[pg[0]], gold[pg[1]] = true, true
	}
	return pred, gold
}

// before orders found items by span start (items without one keep their order).
func before(a, b Where) bool {
	return a.Span != nil && b.Span != nil && a.Span[0] < b.Span[0]
}

func speakerText(s Speaker) string {
	var extra []string
	for _, v := range []string{s.Title, s.Affiliation} {
		if v != "" {
			extra = append(extra, v)
		}
	}
	if len(extra) == 0 {
		return s.Name
	}
	return s.Name + " (" + strings.Join(extra, ", ") + ")"
}

func quoteText(q Quote) string {
	who := q.Speaker
	if who == "" {
		who = "(no speaker)"
	}
	return fmt.Sprintf("%s: %q", who, q.Text)
}

func counterpartText(c Counterpart) string {
	var t string
	if len(c.Parties) == 2 {
		t = c.Parties[0] + " with " + c.Parties[1]
	} else {
		t = "[" + strings.Join(c.Parties, ", ") + "]"
	}
	info := []string{string(c.Channel)}
	if c.When != "" {
		info = append(info, c.When)
	}
	if c.Planned {
		info = append(info, "planned")
	}
	return t + " (" + strings.Join(info, ", ") + ")"
}

func pledgeText(p Pledge) string {
	who := p.Actor
	if p.By != "" {
		who += " (by " + p.By + ")"
	}
	info := []string{string(p.Strength)}
	if p.When != "" {
		info = append(info, p.When)
	}
	return fmt.Sprintf("%s: %s [%s]", who, p.Action, strings.Join(info, ", "))
}

// MaxDiffText is how many characters of an item FormatDiff shows.
const MaxDiffText = 160

// FormatDiff writes differences one per line, each indented by two
// spaces: what, which section, where (a found item's span [start, end), a
// missing item's gold line) and the item.
func FormatDiff(diffs []Difference) string {
	var b strings.Builder
	for _, d := range diffs {
		where := ""
		if d.Span != nil {
			where = fmt.Sprintf("[%d, %d) ", d.Span[0], d.Span[1])
		}
		text := clip(d.Text, MaxDiffText)
		if d.Kind == WrongSpeaker {
			text = fmt.Sprintf("found %q, gold %q: %s", d.Found, d.Want, clip(d.Text, MaxDiffText))
		}
		fmt.Fprintf(&b, "  %-13s  %-15s %s%s", d.Kind, d.Section, where, text)
		if d.Span == nil && d.Line > 0 {
			fmt.Fprintf(&b, "  (gold line %d)", d.Line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Summary counts differences by kind: "2 missing, 1 extra, 1 wrong speaker".
func Summary(diffs []Difference) string {
	n := map[DiffKind]int{}
	for _, d := range diffs {
		n[d.Kind]++
	}
	var parts []string
	for _, k := range []DiffKind{Missing, Extra, WrongSpeaker} {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k], k))
		}
	}
	if len(parts) == 0 {
		return "no differences"
	}
	return strings.Join(parts, ", ")
}

// ---------------------------------------------------------------------------
// Thresholds

// Category names a figure a threshold can apply to.
type Category string

// The categories: F1 of each kind of item, quotes is the F1 of quotes
// detected with the right speaker, attribution the attribution accuracy.
const (
	Speakers     Category = "speakers"
	Direct       Category = "direct"
	Indirect     Category = "indirect"
	Quotes       Category = "quotes"
	Counterparts Category = "counterparts"
	Pledges      Category = "pledges"
	Attribution  Category = "attribution"
)

// Categories lists every category in display order.
var Categories = []Category{Speakers, Direct, Indirect, Quotes, Counterparts, Pledges, Attribution}

// Threshold is a category's minimum.
type Threshold struct {
	Category Category
	Min      float64
}

// Thresholds are minimums, at most one per category, in the order given.
type Thresholds []Threshold

// ParseThresholds reads "quotes=0.9,pledges=0.7" (each minimum between 0
// and 1) and adds it to t; a category given again replaces its minimum.
func (t Thresholds) Parse(spec string) (Thresholds, error) {
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, num, ok := strings.Cut(part, "=")
		if !ok {
			return t, fmt.Errorf("threshold %q: want CATEGORY=MIN, e.g. quotes=0.9", part)
		}
		c := Category(strings.TrimSpace(name))
		known := false
		for _, k := range Categories {
			known = known || k == c
		}
		if !known {
			return t, fmt.Errorf("unknown category %q (want %s)", c, categoryList())
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if err != nil || math.IsNaN(v) || v < 0 || v > 1 {
			return t, fmt.Errorf("threshold %s=%s: want a number from 0 to 1", c, strings.TrimSpace(num))
		}
		replaced := false
		for i := range t {
			if t[i].Category == c {
				t[i].Min, replaced = v, true
			}
		}
		if !replaced {
			t = append(t, Threshold{c, v})
		}
	}
	return t, nil
}

// ParseThresholds reads "quotes=0.9,pledges=0.7".
func ParseThresholds(spec string) (Thresholds, error) {
	return Thresholds(nil).Parse(spec)
}

func categoryList() string {
	names := make([]string, len(Categories))
	for i, c := range Categories {
		names[i] = string(c)
	}
	return orList(names)
}

// Shortfall is a figure below its minimum.
type Shortfall struct {
	Category Category
	Got, Min float64
}

func (s Shortfall) String() string {
	what := "F1"
	if s.Category == Attribution {
		what = "accuracy"
	}
	return fmt.Sprintf("%s %s %.3f < %.3f", s.Category, what, s.Got, s.Min)
}

// epsilon keeps a figure that equals its minimum up to rounding (an F1 of
// 0.9 computed as 0.8999999999999999) from falling short.
const epsilon = 1e-9

// Check lists the figures of s below their minimums.
func (t Thresholds) Check(s Scores) []Shortfall {
	var out []Shortfall
	for _, th := range t {
		if v := s.Value(th.Category); v+epsilon < th.Min {
			out = append(out, Shortfall{th.Category, v, th.Min})
		}
	}
	return out
}
