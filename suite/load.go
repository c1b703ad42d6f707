package suite

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Suite is every capability of the behavioural suite, sorted by name,
// each with its templates expanded into cases.
type Suite struct {
	Dir          string
	Capabilities []*Capability
}

// Capability is one suite file, testdata/suite/GROUP/NAME.yaml, named
// GROUP.NAME: a behaviour the extractor must have, as templates.
type Capability struct {
	Name      string // GROUP.NAME, e.g. "who.pronouns"
	Group     string // the folder: who, speech, counterparts, pledges
	File      string
	Doc       string
	Issue     int
	Templates []*Template
	Cases     []*Case
}

// Template is one sentence template and what every fill of it must give.
type Template struct {
	ID       string
	File     string
	Line     int // the line of its "- id:" item
	Text     string
	TextLine int
	Note     string
	Fills    int
	Match    Match
	Exact    map[string]bool // sections (speakers, quotes, counterparts, pledges) with no other items
	Expect   []Expect
	slots    map[string]string // slot → list name, the file's bindings merged in
	lists    map[string]*List  // the template's own lists
	file     *fileScope
	textRefs []slotRef
}

// Match holds how strictly a template's items are compared: Names is
// "contains" (the scorer's rule: one name's words are all in the other's)
// or "exact" (the same words); Text is the minimum Jaccard overlap of quote
// texts and pledge actions.
type Match struct {
	Names string
	Text  float64
}

// DefaultMatch is the reference scorer's matching.
var DefaultMatch = Match{Names: "contains", Text: 0.5}

// Expect is one expectation of a template, its values still holding slots.
type Expect struct {
	Op      string // speaker, quote, counterpart, pledge, or a no_* negative
	Line    int
	All     bool              // "no_quote: true": the section must be empty
	Fields  map[string]string // field → templated value
	Parties []string          // a counterpart's two parties
	refs    []slotRef
}

// List is a named list of fillers. Slots bound to lists of the same Class
// never get the same item in one case; with Distinct "words" their items
// also share no word (so "Kim" alone names one person).
type List struct {
	Name     string
	File     string
	Line     int
	Items    []Item
	Class    string
	Distinct string // "value" or "words"
	union    []string
}

// Item is one filler: its fields by name. A bare {SLOT} gives the field
// "name"; a scalar item has only that field.
type Item struct {
	Fields map[string]string
	Line   int
}

// Problem is one thing wrong in a suite file.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Error lists every problem found loading a suite, one "FILE:LINE: message"
// line each.
type Error struct{ Problems []Problem }

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sections are the parts of a record an expectation can be about.
var Sections = []string{"speakers", "quotes", "counterparts", "pledges"}

// fileScope is what a file's templates see: its own lists and bindings,
// then the shared lists.
type fileScope struct {
	path   string
	lists  map[string]*List
	slots  map[string]string
	shared map[string]*List
}

// Load reads the suite in dir: dir/fillers.yaml (shared lists, optional)
// and every dir/GROUP/NAME.yaml (a capability), validates them and expands
// every template into its cases. Capabilities come sorted by name. A file
// that cannot be read gives its *os.PathError; anything malformed gives an
// *Error naming each FILE:LINE.
func Load(dir string) (*Suite, error) {
	l := &loader{}
	shared := map[string]*List{}
	fillers := filepath.Join(dir, "fillers.yaml")
	if b, err := os.ReadFile(fillers); err == nil {
		shared = l.parseFillers(fillers, b)
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	s := &Suite{Dir: dir}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if c := l.parseCapability(p, b, shared); c != nil {
			s.Capabilities = append(s.Capabilities, c)
		}
	}
	if len(paths) == 0 {
		l.add(dir, 0, "no capability files (want GROUP/NAME.yaml)")
	}
	for _, c := range s.Capabilities {
		for _, t := range c.Templates {
			cs, ps := expand(c.Name, t)
			l.problems = append(l.problems, ps...)
			c.Cases = append(c.Cases, cs...)
		}
	}
	if len(l.problems) > 0 {
		return nil, &Error{Problems: l.problems}
	}
	sort.Slice(s.Capabilities, func(i, j int) bool { return s.Capabilities[i].Name < s.Capabilities[j].Name })
	return s, nil
}

// loader gathers problems while parsing.
type loader struct{ problems []Problem }

func (l *loader) add(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{file, line, fmt.Sprintf(format, args...)})
}

// root parses a file into its top mapping node, or reports why not.
func (l *loader) root(path string, b []byte) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		line := 0
		msg := err.Error()
		if _, rest, ok := strings.Cut(msg, "line "); ok {
			n, after, _ := strings.Cut(rest, ":")
			if v, err := strconv.Atoi(n); err == nil {
				line, msg = v, strings.TrimSpace(after)
			}
		}
		l.add(path, line, "%s", msg)
		return nil
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		l.add(path, 1, "want a mapping")
		return nil
	}
	return doc.Content[0]
}

// pairs iterates a mapping's keys and values, reporting duplicate keys.
func (l *loader) pairs(path string, m *yaml.Node, f func(key string, k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if seen[k.Value] {
			l.add(path, k.Line, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		f(k.Value, k, v)
	}
}

// str returns a scalar's value, or reports that one was wanted.
func (l *loader) str(path string, n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		hint := ""
		if n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle != 0 {
			hint = ` (a value starting with "{" must be quoted: "{A}")`
		}
		l.add(path, n.Line, "%s: want a string%s", what, hint)
		return "", false
	}
	return n.Value, true
}

func (l *loader) parseFillers(path string, b []byte) map[string]*List {
	lists := map[string]*List{}
	root := l.root(path, b)
	if root == nil {
		return lists
	}
	l.pairs(path, root, func(key string, k, v *yaml.Node) {
		switch key {
		case "doc":
		case "lists":
			lists = l.parseLists(path, v)
		default:
			l.add(path, k.Line, "unknown key %q (want doc, lists)", key)
		}
	})
	return lists
}

// parseLists reads a mapping of list name → list.
func (l *loader) parseLists(path string, m *yaml.Node) map[string]*List {
	lists := map[string]*List{}
	if m.Kind != yaml.MappingNode {
		l.add(path, m.Line, "lists: want a mapping of name → list")
		return lists
	}
	l.pairs(path, m, func(name string, k, v *yaml.Node) {
		lists[name] = l.parseList(path, name, k.Line, v)
	})
	return lists
}

// parseList reads one list: a sequence of items, or a mapping with items
// (or union), class and distinct.
func (l *loader) parseList(path, name string, line int, n *yaml.Node) *List {
	list := &List{Name: name, File: path, Line: line, Class: name, Distinct: "value"}
	switch n.Kind {
	case yaml.SequenceNode:
		list.Items = l.parseItems(path, name, n)
	case yaml.MappingNode:
		l.pairs(path, n, func(key string, k, v *yaml.Node) {
			switch key {
			case "items":
				list.Items = l.parseItems(path, name, v)
			case "union":
				if v.Kind != yaml.SequenceNode {
					l.add(path, v.Line, "list %s: union: want a list of list names", name)
					return
				}
				for _, x := range v.Content {
					if s, ok := l.str(path, x, "union"); ok {
						list.union = append(list.union, s)
					}
				}
			case "class":
				list.Class, _ = l.str(path, v, "class")
			case "distinct":
				if s, ok := l.str(path, v, "distinct"); ok && s != "value" && s != "words" {
					l.add(path, v.Line, "list %s: distinct %q: want value or words", name, s)
				} else {
					list.Distinct = s
				}
			case "doc":
			default:
				l.add(path, k.Line, "list %s: unknown key %q (want items, union, class, distinct, doc)", name, key)
			}
		})
		if len(list.Items) > 0 && len(list.union) > 0 {
			l.add(path, line, "list %s: give items or union, not both", name)
		}
	default:
		l.add(path, n.Line, "list %s: want a list of fillers", name)
	}
	if len(list.Items) == 0 && len(list.union) == 0 {
		l.add(path, line, "list %s is empty", name)
	}
	return list
}

func (l *loader) parseItems(path, name string, n *yaml.Node) []Item {
	if n.Kind != yaml.SequenceNode {
		l.add(path, n.Line, "list %s: items: want a list", name)
		return nil
	}
	var items []Item
	for _, x := range n.Content {
		it := Item{Fields: map[string]string{}, Line: x.Line}
		switch x.Kind {
		case yaml.ScalarNode:
			it.Fields["name"] = x.Value
		case yaml.MappingNode:
			l.pairs(path, x, func(key string, k, v *yaml.Node) {
				if s, ok := l.str(path, v, "list "+name+": field "+key); ok {
					it.Fields[key] = s
				}
			})
			if _, ok := it.Fields["name"]; !ok {
				l.add(path, x.Line, "list %s: item without a name field", name)
			}
		default:
			l.add(path, x.Line, "list %s: want a string or a mapping of fields", name)
			continue
		}
		items = append(items, it)
	}
	return items
}

// parseCapability reads one capability file; nil when it is unusable.
func (l *loader) parseCapability(path string, b []byte, shared map[string]*List) *Capability {
	root := l.root(path, b)
	if root == nil {
		return nil
	}
	group := filepath.Base(filepath.Dir(path))
	base := strings.TrimSuffix(filepath.Base(path), ".yaml")
	c := &Capability{Name: group + "." + base, Group: group, File: path}
	fs := &fileScope{path: path, lists: map[string]*List{}, slots: map[string]string{}, shared: shared}
	fills, match := 4, DefaultMatch
	var tmpls *yaml.Node
	l.pairs(path, root, func(key string, k, v *yaml.Node) {
		switch key {
		case "doc":
			c.Doc, _ = l.str(path, v, "doc")
		case "issue":
			s, _ := l.str(path, v, "issue")
			if n, err := strconv.Atoi(s); err == nil {
				c.Issue = n
			} else {
				l.add(path, v.Line, "issue: want a number")
			}
		case "fills":
			fills = l.fills(path, v)
		case "match":
			match = l.parseMatch(path, v, match)
		case "slots":
			fs.slots = l.parseSlots(path, v)
		case "fillers":
			fs.lists = l.parseLists(path, v)
		case "templates":
			tmpls = v
		default:
			l.add(path, k.Line, "unknown key %q (want doc, issue, fills, match, slots, fillers, templates)", key)
		}
	})
	if c.Doc == "" {
		l.add(path, root.Line, "no doc: say what the capability is")
	}
	if tmpls == nil || tmpls.Kind != yaml.SequenceNode || len(tmpls.Content) == 0 {
		l.add(path, root.Line, "no templates")
		return c
	}
	ids := map[string]int{}
	for _, n := range tmpls.Content {
		t := l.parseTemplate(fs, n, fills, match)
		if t == nil {
			continue
		}
		if prev, dup := ids[t.ID]; dup {
			l.add(path, t.Line, "template id %q already used at line %d", t.ID, prev)
		}
		ids[t.ID] = t.Line
		c.Templates = append(c.Templates, t)
	}
	return c
}

func (l *loader) fills(path string, v *yaml.Node) int {
	s, _ := l.str(path, v, "fills")
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		l.add(path, v.Line, "fills: want a number ≥ 1")
		return 4
	}
	return n
}

func (l *loader) parseMatch(path string, v *yaml.Node, m Match) Match {
	if v.Kind != yaml.MappingNode {
		l.add(path, v.Line, "match: want a mapping of names and text")
		return m
	}
	l.pairs(path, v, func(key string, k, v *yaml.Node) {
		s, ok := l.str(path, v, "match: "+key)
		if !ok {
			return
		}
		switch key {
		case "names":
			if s != "contains" && s != "exact" {
				l.add(path, v.Line, "match: names %q: want contains or exact", s)
				return
			}
			m.Names = s
		case "text":
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || f <= 0 || f > 1 {
				l.add(path, v.Line, "match: text %q: want a number in (0, 1]", s)
				return
			}
			m.Text = f
		default:
			l.add(path, k.Line, "match: unknown key %q (want names, text)", key)
		}
	})
	return m
}

func (l *loader) parseSlots(path string, v *yaml.Node) map[string]string {
	slots := map[string]string{}
	if v.Kind != yaml.MappingNode {
		l.add(path, v.Line, "slots: want a mapping of SLOT → list name")
		return slots
	}
	l.pairs(path, v, func(key string, k, v *yaml.Node) {
		if !slotName.MatchString(key) {
			l.add(path, k.Line, "slots: %q is not a slot name (upper case: A, CITY, TITLE2)", key)
		}
		if s, ok := l.str(path, v, "slots: "+key); ok {
			slots[key] = s
		}
	})
	return slots
}

// parseTemplate reads one template item; nil when it has no id.
func (l *loader) parseTemplate(fs *fileScope, n *yaml.Node, fills int, match Match) *Template {
	path := fs.path
	if n.Kind != yaml.MappingNode {
		l.add(path, n.Line, "template: want a mapping with id, text and expect")
		return nil
	}
	t := &Template{File: path, Line: n.Line, Fills: fills, Match: match, file: fs, slots: map[string]string{}, lists: map[string]*List{}, Exact: map[string]bool{}}
	for k, v := range fs.slots {
		t.slots[k] = v
	}
	var expect *yaml.Node
	l.pairs(path, n, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			t.ID, _ = l.str(path, v, "id")
		case "text":
			t.Text, _ = l.str(path, v, "text")
			t.TextLine = v.Line
			if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				t.TextLine++
			}
		case "note":
			t.Note, _ = l.str(path, v, "note")
		case "fills":
			t.Fills = l.fills(path, v)
		case "match":
			t.Match = l.parseMatch(path, v, t.Match)
		case "slots":
			for s, list := range l.parseSlots(path, v) {
				t.slots[s] = list
			}
		case "fillers":
			t.lists = l.parseLists(path, v)
		case "exact":
			l.parseExact(path, v, t.Exact)
		case "expect":
			expect = v
		default:
			l.add(path, k.Line, "template: unknown key %q (want id, text, note, fills, match, slots, fillers, exact, expect)", key)
		}
	})
	if t.ID == "" {
		l.add(path, n.Line, "template without an id")
		return nil
	}
	if strings.TrimSpace(t.Text) == "" {
		l.add(path, n.Line, "template %s: no text", t.ID)
	}
	if expect == nil || expect.Kind != yaml.SequenceNode || len(expect.Content) == 0 {
		l.add(path, n.Line, "template %s: expect: want a list of expectations", t.ID)
	} else {
		for _, e := range expect.Content {
			if x, ok := l.parseExpect(path, t.ID, e); ok {
				t.Expect = append(t.Expect, x)
			}
		}
	}
	l.checkSlots(t)
	return t
}

func (l *loader) parseExact(path string, v *yaml.Node, exact map[string]bool) {
	if v.Kind == yaml.ScalarNode && v.Value == "true" {
		for _, s := range Sections {
			exact[s] = true
		}
		return
	}
	if v.Kind != yaml.SequenceNode {
		l.add(path, v.Line, "exact: want true or a list of sections (%s)", strings.Join(Sections, ", "))
		return
	}
	for _, x := range v.Content {
		s, ok := l.str(path, x, "exact")
		if ok && !contains(Sections, s) {
			l.add(path, x.Line, "exact: unknown section %q (want %s)", s, strings.Join(Sections, ", "))
		}
		exact[s] = true
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The fields each positive expectation takes; the no_* forms of quote,
// counterpart and pledge take the same fields (or true).
var opFields = map[string][]string{
	"speaker":     {"name", "title", "affiliation"},
	"quote":       {"speaker", "kind", "cue", "text"},
	"counterpart": {"parties", "channel", "when", "planned", "ordered"},
	"pledge":      {"actor", "by", "action", "strength", "when", "negated"},
}

// The fields a positive expectation must give.
var opRequired = map[string]string{"speaker": "name", "counterpart": "parties", "pledge": "actor"}

// Negatives that take a name.
var nameOps = []string{"no_speaker", "no_counterpart_with", "no_pledge_by", "no_entity"}

func opList() string {
	return "speaker, quote, counterpart, pledge, no_quote, no_counterpart, no_pledge, " + strings.Join(nameOps, ", ")
}

// parseExpect reads one expectation: a mapping with one key, the op.
func (l *loader) parseExpect(path, id string, n *yaml.Node) (Expect, bool) {
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		l.add(path, n.Line, "template %s: an expectation is one key (%s)", id, opList())
		return Expect{}, false
	}
	op, v := n.Content[0].Value, n.Content[1]
	e := Expect{Op: op, Line: n.Line, Fields: map[string]string{}}
	if contains(nameOps, op) {
		s, ok := l.str(path, v, op)
		e.Fields["name"] = s
		return e, ok
	}
	base := strings.TrimPrefix(op, "no_")
	fields, known := opFields[base]
	if !known || op == "no_speaker" {
		l.add(path, n.Line, "template %s: unknown expectation %q (want %s)", id, op, opList())
		return e, false
	}
	if base != op && v.Kind == yaml.ScalarNode && v.Value == "true" {
		e.All = true
		return e, true
	}
	if v.Kind != yaml.MappingNode {
		l.add(path, v.Line, "template %s: %s: want a mapping of %s", id, op, strings.Join(fields, ", "))
		return e, false
	}
	ok := true
	l.pairs(path, v, func(key string, k, v *yaml.Node) {
		switch {
		case !contains(fields, key):
			l.add(path, k.Line, "template %s: %s: unknown field %q (want %s)", id, op, key, strings.Join(fields, ", "))
			ok = false
		case key == "parties":
			if v.Kind != yaml.SequenceNode || len(v.Content) != 2 {
				l.add(path, v.Line, "template %s: parties: want two names", id)
				ok = false
				return
			}
			for _, p := range v.Content {
				s, good := l.str(path, p, "parties")
				ok = ok && good
				e.Parties = append(e.Parties, s)
			}
		default:
			s, good := l.str(path, v, op+": "+key)
			ok = ok && good
			e.Fields[key] = s
		}
	})
	if req := opRequired[op]; req != "" && e.Fields[req] == "" && !(req == "parties" && len(e.Parties) == 2) {
		l.add(path, v.Line, "template %s: %s without %s", id, op, req)
		ok = false
	}
	if len(e.Fields) == 0 && len(e.Parties) == 0 {
		l.add(path, v.Line, "template %s: %s: give at least one field", id, op)
		ok = false
	}
	return e, ok
}
