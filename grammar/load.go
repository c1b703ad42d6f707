package grammar

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/entity"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
	"go.yaml.in/yaml/v3"
)

//go:embed rules/*.yaml
var builtin embed.FS

// Grammar is the compiled rules and the lexicon they use: everything an
// extraction runs. It is immutable once built and safe to share between
// goroutines.
type Grammar struct {
	Lex   *lexicon.Lexicon
	Rules []*Rule
	byID  map[string]*Rule
}

// Rule returns the rule with an id, or nil.
func (g *Grammar) Rule(id string) *Rule { return g.byID[id] }

// Hash identifies the effective rules and words (a SHA-256 of every file
// read, in order).
func (g *Grammar) Hash() string { return g.Lex.Hash() }

var defaultGrammar = sync.OnceValues(func() (*Grammar, error) { return Load() })

// Default returns the built-in grammar and lexicon, compiled once per process.
func Default() (*Grammar, error) { return defaultGrammar() }

// Load compiles the built-in words and rules plus the given rules files,
// in order. A malformed file is an error naming the file and line.
func Load(paths ...string) (*Grammar, error) {
	var extra []lexicon.Source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		extra = append(extra, lexicon.Source{Name: p, Data: b})
	}
	return LoadSources(extra...)
}

// LoadSources is Load for rules files already read: it compiles the
// built-in words and rules plus extra (each a file's name, for messages,
// and its contents), in order. The same contents give the same Hash
// whatever the names.
func LoadSources(extra ...lexicon.Source) (*Grammar, error) {
	files, err := lexicon.BuiltinFiles()
	if err != nil {
		return nil, err
	}
	rules, err := builtinFiles()
	if err != nil {
		return nil, err
	}
	files = append(files, rules...)
	return Compile(append(files, extra...))
}

func builtinFiles() ([]lexicon.Source, error) {
	entries, err := fs.ReadDir(builtin, "rules")
	if err != nil {
		return nil, err
	}
	var out []lexicon.Source
	for _, e := range entries {
		b, err := builtin.ReadFile("rules/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, lexicon.Source{Name: "grammar/rules/" + e.Name(), Data: b})
	}
	return out, nil
}

// Compile builds a Grammar from rules files (words and rules), in order.
func Compile(files []lexicon.Source) (*Grammar, error) {
	lex, err := lexicon.Compile(files)
	if err != nil {
		return nil, err
	}
	g := &Grammar{Lex: lex, byID: map[string]*Rule{}}
	macros := map[string][]Element{}
	for _, f := range lex.Grammar {
		d := decoder{file: f.Name, lex: lex, macros: macros}
		if n := f.Sections["macros"]; n != nil {
			if err := d.macrosOf(n); err != nil {
				return nil, err
			}
		}
		if n := f.Sections["rules"]; n != nil {
			rules, err := d.rulesOf(n)
			if err != nil {
				return nil, err
			}
			for _, r := range rules {
				if prev := g.byID[r.ID]; prev != nil {
					return nil, errAt(r.File, r.Line, "rule %s is already defined at %s:%d", r.ID, prev.File, prev.Line)
				}
				g.byID[r.ID] = r
				g.Rules = append(g.Rules, r)
			}
		}
	}
	// Higher priority first; among equals, the order of the files.
	sort.SliceStable(g.Rules, func(i, j int) bool { return g.Rules[i].Priority > g.Rules[j].Priority })
	return g, nil
}

func errAt(file string, line int, format string, args ...any) error {
	return &lexicon.Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type decoder struct {
	file   string
	lex    *lexicon.Lexicon
	macros map[string][]Element
}

func (d *decoder) errAt(n *yaml.Node, format string, args ...any) error {
	return errAt(d.file, n.Line, format, args...)
}

func (d *decoder) macrosOf(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return d.errAt(n, "macros must be a mapping of name → pattern")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if _, dup := d.macros[k.Value]; dup {
			return d.errAt(k, "macro %q defined twice", k.Value)
		}
		seq, err := d.sequence(v)
		if err != nil {
			return err
		}
		d.macros[k.Value] = seq
	}
	return nil
}

var idRE = regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$`)

func (d *decoder) rulesOf(n *yaml.Node) ([]*Rule, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, d.errAt(n, "rules must be a list of rules")
	}
	var out []*Rule
	for _, rn := range n.Content {
		r, err := d.rule(rn)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (d *decoder) rule(n *yaml.Node) (*Rule, error) {
	if n.Kind != yaml.MappingNode {
		return nil, d.errAt(n, "a rule is a mapping (id:, doc:, produce:, pattern: …)")
	}
	r := &Rule{File: d.file, Line: n.Line, Continued: true}
	fields := map[string]func(*yaml.Node) error{
		"id":              func(v *yaml.Node) error { return d.str(v, &r.ID) },
		"doc":             func(v *yaml.Node) error { return d.str(v, &r.Doc) },
		"produce":         func(v *yaml.Node) error { return d.output(v, &r.Produce) },
		"kind":            func(v *yaml.Node) error { return d.enum(v, (*string)(&r.Kind), record.Kinds) },
		"channel":         func(v *yaml.Node) error { return d.enum(v, (*string)(&r.Channel), record.Channels) },
		"strength":        func(v *yaml.Node) error { return d.enum(v, (*string)(&r.Strength), record.Strengths) },
		"planned":         func(v *yaml.Node) error { return d.boolPtr(v, &r.Planned) },
		"priority":        func(v *yaml.Node) error { return d.integer(v, &r.Priority) },
		"stage":           func(v *yaml.Node) error { return d.stage(v, r) },
		"continued":       func(v *yaml.Node) error { return d.boolean(v, "continued", &r.Continued) },
		"restates":        func(v *yaml.Node) error { return d.boolean(v, "restates", &r.Restates) },
		"pattern":         func(v *yaml.Node) (err error) { r.Pattern, err = d.sequence(v); return },
		"hooks":           func(v *yaml.Node) error { return d.hooks(v, r) },
		"examples":        func(v *yaml.Node) (err error) { r.Examples, err = d.examples(v); return },
		"counterexamples": func(v *yaml.Node) (err error) { r.Counterexamples, err = d.examples(v); return },
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		read, ok := fields[k.Value]
		if !ok {
			return nil, d.errAt(k, "rule: unknown key %q", k.Value)
		}
		seen[k.Value] = true
		if err := read(v); err != nil {
			return nil, err
		}
	}
	for _, need := range []string{"id", "doc", "produce", "pattern", "examples"} {
		if !seen[need] {
			return nil, d.errAt(n, "rule %s: no %s:", r.ID, need)
		}
	}
	if !idRE.MatchString(r.ID) {
		return nil, d.errAt(n, "rule id %q: use lower-case words joined by dots (indirect.that-clause)", r.ID)
	}
	if r.Produce == QuoteOut && r.Kind == "" {
		return nil, d.errAt(n, "rule %s produces quotes: give kind: direct or indirect", r.ID)
	}
	if r.Stage == DiscourseStage && r.Produce != QuoteOut {
		return nil, d.errAt(n, "rule %s: stage: discourse is for quotes (it produces %s)", r.ID, r.Produce)
	}
	if r.Stage == QuoteStage {
		switch r.Produce {
		case CounterpartOut:
			r.Stage = ExchangeStage
		case PledgeOut:
			r.Stage = PledgeStage
		}
	}
	if err := d.checkCaptures(n, r); err != nil {
		return nil, err
	}
	r.needs, r.quote = requirements(r.Pattern)
	return r, nil
}

// captureNames are the capture names each output reads.
var captureNames = map[Output][]string{
	QuoteOut:       {"speaker", "cue", "text"},
	CounterpartOut: {"a", "b", "channel", "when"},
	PledgeOut:      {"actor", "by", "action", "cue"},
	SpeakerOut:     {"speaker", "cue"},
}

// checkCaptures: the captures a rule's output needs are in its pattern,
// and the pattern captures nothing the output does not read.
func (d *decoder) checkCaptures(n *yaml.Node, r *Rule) error {
	names := map[string]bool{}
	collectCaptures(r.Pattern, names)
	for _, h := range r.HookNames {
		for _, c := range hookAdds[h] {
			names[c] = true
		}
	}
	allowed := captureNames[r.Produce]
	for name := range names {
		if !containsStr(allowed, name) && !strings.HasPrefix(name, "_") {
			return d.errAt(n, "rule %s: capture %q is not read by a %s (want %s, or a name starting with _)", r.ID, name, r.Produce, strings.Join(allowed, ", "))
		}
	}
	var need []string
	switch r.Produce {
	case QuoteOut:
		need = []string{"text"}
	case CounterpartOut:
		need = []string{"a"} // alone, a stands for several parties (hook several)
	case PledgeOut:
		need = []string{"action"}
	case SpeakerOut:
		need = []string{"speaker"}
	}
	for _, c := range need {
		if !names[c] {
			return d.errAt(n, "rule %s: a %s needs a capture %q", r.ID, r.Produce, c)
		}
	}
	return nil
}

func collectCaptures(seq []Element, names map[string]bool) {
	for _, e := range seq {
		for _, c := range []string{e.As, e.Subject, e.Object, e.Agent} {
			if c != "" {
				names[c] = true
			}
		}
		for _, alt := range e.alts {
			collectCaptures(alt, names)
		}
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *decoder) str(v *yaml.Node, out *string) error {
	if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
		return d.errAt(v, "expected text")
	}
	*out = strings.TrimSpace(v.Value)
	return nil
}

func (d *decoder) integer(v *yaml.Node, out *int) error {
	n, err := strconv.Atoi(v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		return d.errAt(v, "expected a whole number, not %q", v.Value)
	}
	*out = n
	return nil
}

// boolean reads true or false into out; field names the key in errors.
func (d *decoder) boolean(v *yaml.Node, field string, out *bool) error {
	b, err := strconv.ParseBool(v.Value)
	if err != nil {
		return d.errAt(v, "%s: want true or false", field)
	}
	*out = b
	return nil
}

func (d *decoder) boolPtr(v *yaml.Node, out **bool) error {
	b, err := strconv.ParseBool(v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		return d.errAt(v, "expected true or false, not %q", v.Value)
	}
	*out = &b
	return nil
}

func (d *decoder) output(v *yaml.Node, out *Output) error {
	for i, name := range outputNames {
		if v.Value == name {
			*out = Output(i)
			return nil
		}
	}
	return d.errAt(v, "produce: %q is not one of %s", v.Value, strings.Join(outputNames[:], ", "))
}

func (d *decoder) enum(v *yaml.Node, out *string, allowed any) error {
	var names []string
	switch list := allowed.(type) {
	case []record.Kind:
		for _, x := range list {
			names = append(names, string(x))
		}
	case []record.Channel:
		for _, x := range list {
			names = append(names, string(x))
		}
	case []record.Strength:
		for _, x := range list {
			names = append(names, string(x))
		}
	}
	if !containsStr(names, v.Value) {
		return d.errAt(v, "%q is not one of %s", v.Value, strings.Join(names, ", "))
	}
	*out = v.Value
	return nil
}

func (d *decoder) stage(v *yaml.Node, r *Rule) error {
	switch v.Value {
	case "quotes":
		r.Stage = QuoteStage
	case "discourse":
		r.Stage = DiscourseStage
	default:
		return d.errAt(v, "stage: want quotes or discourse (exchanges and pledges run after them anyway)")
	}
	return nil
}

func (d *decoder) hooks(v *yaml.Node, r *Rule) error {
	if v.Kind != yaml.SequenceNode {
		return d.errAt(v, "hooks must be a list of hook names")
	}
	for _, h := range v.Content {
		fn, ok := hooks[h.Value]
		if !ok {
			return d.errAt(h, "unknown hook %q (see readout rules --hooks)", h.Value)
		}
		r.Hooks = append(r.Hooks, fn)
		r.HookNames = append(r.HookNames, h.Value)
	}
	return nil
}

func (d *decoder) examples(v *yaml.Node) ([]Example, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, d.errAt(v, "expected a list of examples")
	}
	var out []Example
	for _, n := range v.Content {
		ex := Example{Line: n.Line}
		switch n.Kind {
		case yaml.ScalarNode:
			ex.Text = n.Value
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, val := n.Content[i], n.Content[i+1]
				switch k.Value {
				case "text":
					ex.Text = val.Value
				case "expect":
					if val.Kind != yaml.MappingNode {
						return nil, d.errAt(val, "expect must be a mapping of field → value")
					}
					ex.Expect = map[string]string{}
					for j := 0; j+1 < len(val.Content); j += 2 {
						ex.Expect[val.Content[j].Value] = val.Content[j+1].Value
					}
				default:
					return nil, d.errAt(k, "example: unknown key %q (want text, expect)", k.Value)
				}
			}
		default:
			return nil, d.errAt(n, "an example is a text or a mapping with text and expect")
		}
		if strings.TrimSpace(ex.Text) == "" {
			return nil, d.errAt(n, "an example without text")
		}
		out = append(out, ex)
	}
	return out, nil
}

// sequence decodes a list of elements.
func (d *decoder) sequence(v *yaml.Node) ([]Element, error) {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		return nil, d.errAt(v, "a pattern is a non-empty list of elements")
	}
	var out []Element
	for _, n := range v.Content {
		e, err := d.element(n)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// element decodes one element: one key saying what it matches, and
// modifiers.
func (d *decoder) element(n *yaml.Node) (Element, error) {
	e := Element{Line: n.Line}
	if n.Kind != yaml.MappingNode {
		return e, d.errAt(n, "an element is a mapping such as {word: that} or {verb: {in: speech_verbs}}")
	}
	typed := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "as", "subject", "object", "agent":
			if !captureRE.MatchString(v.Value) {
				return e, d.errAt(v, "%s: %q is no capture name (lower-case letters, digits, _)", k.Value, v.Value)
			}
			d.setCapture(&e, k.Value, v.Value)
		case "optional":
			b, err := strconv.ParseBool(v.Value)
			if err != nil {
				return e, d.errAt(v, "optional: expected true or false")
			}
			e.Optional = b
		default:
			if typed {
				return e, d.errAt(k, "an element matches one thing: %q besides another", k.Value)
			}
			typed = true
			if err := d.typedElement(&e, k, v); err != nil {
				return e, err
			}
		}
	}
	if !typed {
		return e, d.errAt(n, "an element needs one of word, text, role, in, tag, np, verb, predicate, content, quote, time, skip, sentence, any, use")
	}
	return e, nil
}

var captureRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

func (d *decoder) setCapture(e *Element, key, name string) {
	switch key {
	case "as":
		e.As = name
	case "subject":
		e.Subject = name
	case "object":
		e.Object = name
	case "agent":
		e.Agent = name
	}
}

func (d *decoder) typedElement(e *Element, k, v *yaml.Node) error {
	switch k.Value {
	case "word", "text":
		e.kind = elWord
		if k.Value == "text" {
			e.kind = elText
		}
		words, err := d.strings(v)
		if err != nil {
			return err
		}
		for _, w := range words {
			if e.kind == elWord {
				w = strings.ToLower(w)
			}
			toks, err := parser.Words(w)
			if err != nil || len(toks) == 0 {
				return d.errAt(v, "%q: no word to match", w)
			}
			e.words = append(e.words, toks)
		}
	case "role":
		e.kind = elRole
		return d.role(v, &e.role)
	case "in":
		e.kind = elIn
		return d.list(v, &e.list)
	case "tag":
		e.kind = elTag
		tags, err := d.strings(v)
		e.tags = tags
		return err
	case "np":
		e.kind = elNP
		return d.npSpec(v, e)
	case "verb", "predicate":
		e.kind = elVerb
		if k.Value == "predicate" {
			e.kind = elPredicate
		}
		return d.verbSpec(v, e)
	case "content":
		e.kind = elContent
		return d.contentSpec(v, e)
	case "quote":
		e.kind = elQuote
	case "time":
		e.kind = elTime
	case "skip":
		e.kind = elSkip
		return d.skipSpec(v, e)
	case "sentence":
		e.kind = elSentence
		return d.positionSpec(v, e)
	case "any":
		e.kind = elAny
		return d.alternatives(v, e)
	case "use":
		e.kind = elUse
		seq, ok := d.macros[v.Value]
		if !ok {
			return d.errAt(v, "unknown macro %q (define it under macros:, before the rules that use it)", v.Value)
		}
		e.use = v.Value
		e.alts = [][]Element{seq}
	default:
		return d.errAt(k, "unknown element %q", k.Value)
	}
	return nil
}

func (d *decoder) strings(v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Value == "" {
			return nil, d.errAt(v, "expected a word")
		}
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode || c.Value == "" {
				return nil, d.errAt(c, "expected a word")
			}
			out = append(out, c.Value)
		}
		if len(out) == 0 {
			return nil, d.errAt(v, "expected at least one word")
		}
		return out, nil
	}
	return nil, d.errAt(v, "expected a word or a list of words")
}

func (d *decoder) role(v *yaml.Node, out *clause.Role) error {
	for r := clause.Role(0); r < clause.NumRoles; r++ {
		if r.String() == v.Value {
			*out = r
			return nil
		}
	}
	return d.errAt(v, "unknown role %q (see the function_words section)", v.Value)
}

func (d *decoder) list(v *yaml.Node, out *lexicon.ID) error {
	id, ok := d.lex.ListID(v.Value)
	if !ok {
		return d.errAt(v, "unknown list %q (define it under lists:)", v.Value)
	}
	*out = id
	return nil
}

func (d *decoder) mapping(v *yaml.Node, what string, read map[string]func(*yaml.Node) error) error {
	if v.Kind == yaml.ScalarNode && (v.Value == "" || v.Tag == "!!null") {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return d.errAt(v, "%s: expected a mapping", what)
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		fn, ok := read[k.Value]
		if !ok {
			keys := make([]string, 0, len(read))
			for key := range read {
				keys = append(keys, key)
			}
			sort.Strings(keys)
			return d.errAt(k, "%s: unknown key %q (want %s)", what, k.Value, strings.Join(keys, ", "))
		}
		if err := fn(val); err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) npSpec(v *yaml.Node, e *Element) error {
	s := &npSpec{}
	e.np = s
	return d.mapping(v, "np", map[string]func(*yaml.Node) error{
		"kind": func(x *yaml.Node) error {
			names, err := d.strings(x)
			for _, name := range names {
				k, ok := npKind(name)
				if !ok {
					return d.errAt(x, "np kind %q: want common, name, titled, role, pronoun, pair, org, place or thing", name)
				}
				s.kinds = append(s.kinds, k)
			}
			return err
		},
		"entity": func(x *yaml.Node) error {
			names, err := d.strings(x)
			for _, name := range names {
				k, ok := entityKind(name)
				if !ok {
					return d.errAt(x, "entity %q: want person, org, place, source, pair or document", name)
				}
				s.entities = append(s.entities, k)
			}
			return err
		},
		"head_in": func(x *yaml.Node) error { s.hasHead = true; return d.list(x, &s.headIn) },
		"appos":   func(x *yaml.Node) error { b, err := strconv.ParseBool(x.Value); s.withAppos = b; return err },
		"conj":    func(x *yaml.Node) error { b, err := strconv.ParseBool(x.Value); s.withConj = b; return err },
	})
}

func npKind(name string) (clause.NPKind, bool) {
	for k := clause.KindCommon; k <= clause.KindThing; k++ {
		if k.String() == name {
			return k, true
		}
	}
	return 0, false
}

func entityKind(name string) (entity.Kind, bool) {
	for k := entity.Person; k <= entity.Document; k++ {
		if k.String() == name {
			return k, true
		}
	}
	return 0, false
}

func (d *decoder) verbSpec(v *yaml.Node, e *Element) error {
	s := &verbSpec{}
	e.verb = s
	return d.mapping(v, "verb", map[string]func(*yaml.Node) error{
		"in": func(x *yaml.Node) error {
			names, err := d.strings(x)
			for _, name := range names {
				var id lexicon.ID
				if err := d.list(&yaml.Node{Value: name, Line: x.Line}, &id); err != nil {
					return err
				}
				s.in = append(s.in, id)
			}
			return err
		},
		"not_in": func(x *yaml.Node) error {
			names, err := d.strings(x)
			for _, name := range names {
				var id lexicon.ID
				if err := d.list(&yaml.Node{Value: name, Line: x.Line}, &id); err != nil {
					return err
				}
				s.notIn = append(s.notIn, id)
			}
			return err
		},
		"form": func(x *yaml.Node) error {
			names, err := d.strings(x)
			for _, name := range names {
				f, ok := formOf(name)
				if !ok {
					return d.errAt(x, "form %q: want finite, infinitive, gerund or participle", name)
				}
				s.forms = append(s.forms, f)
			}
			return err
		},
		"tense": func(x *yaml.Node) error {
			names, err := d.strings(x)
			for _, name := range names {
				t, ok := tenseOf(name)
				if !ok {
					return d.errAt(x, "tense %q: want present, past, future or conditional", name)
				}
				s.tenses = append(s.tenses, t)
			}
			return err
		},
		"modal": func(x *yaml.Node) (err error) { s.modals, err = d.strings(x); return },
		"voice": func(x *yaml.Node) error {
			switch x.Value {
			case "active":
				s.voice = 1
			case "passive":
				s.voice = 2
			default:
				return d.errAt(x, "voice: want active or passive")
			}
			return nil
		},
		"negated": func(x *yaml.Node) error {
			b, err := strconv.ParseBool(x.Value)
			if err != nil {
				return d.errAt(x, "negated: want true or false")
			}
			s.negated = 2
			if b {
				s.negated = 1
			}
			return nil
		},
	})
}

func formOf(name string) (clause.Form, bool) {
	for f := clause.Finite; f <= clause.Participle; f++ {
		if f.String() == name {
			return f, true
		}
	}
	return 0, false
}

func tenseOf(name string) (clause.Tense, bool) {
	for t := clause.Present; t <= clause.Conditional; t++ {
		if t.String() == name {
			return t, true
		}
	}
	return 0, false
}

func (d *decoder) contentSpec(v *yaml.Node, e *Element) error {
	switch v.Value {
	case "clause":
		e.content = contentClause
	case "fronted":
		e.content = contentFronted
	case "rest":
		e.content = contentRest
	case "lead":
		e.content = contentLead
	case "to-comma":
		e.content = contentToComma
	default:
		return d.errAt(v, "content: want clause, fronted, lead, to-comma or rest")
	}
	return nil
}

func (d *decoder) skipSpec(v *yaml.Node, e *Element) error {
	e.skip = skipSpec{max: 4, over: 1 << skipAny}
	return d.mapping(v, "skip", map[string]func(*yaml.Node) error{
		"max": func(x *yaml.Node) error { return d.integer(x, &e.skip.max) },
		"over": func(x *yaml.Node) error {
			names, err := d.strings(x)
			e.skip.over = 0
			for _, name := range names {
				k, ok := skipKindNamed(name)
				if !ok {
					return d.errAt(x, "skip over %q: want one of %s", name, strings.Join(skipKindNames[:], ", "))
				}
				e.skip.over |= 1 << k
			}
			return err
		},
	})
}

func (d *decoder) positionSpec(v *yaml.Node, e *Element) error {
	switch v.Value {
	case "start":
		e.position = posStart
	case "body":
		e.position = posBody
	case "end":
		e.position = posEnd
	case "paragraph-end":
		e.position = posParagraphEnd
	default:
		return d.errAt(v, "sentence: want start, body, end or paragraph-end")
	}
	return nil
}

func (d *decoder) alternatives(v *yaml.Node, e *Element) error {
	if v.Kind != yaml.SequenceNode || len(v.Content) < 2 {
		return d.errAt(v, "any: give two or more sequences")
	}
	for _, alt := range v.Content {
		seq, err := d.sequence(alt)
		if err != nil {
			return err
		}
		e.alts = append(e.alts, seq)
	}
	return nil
}

// requirements are the lists every match of a pattern must touch (its
// lexical elements that are not optional, and the lists every
// alternative of an `any` touches), and
// whether it needs a quotation: a sentence without them is skipped. The
// head list of a noun phrase counts too when the pattern has no
// quotation: its match then stays inside the sentence, and so does the
// phrase of the list that ends the noun phrase's head.
func requirements(seq []Element) (lexicon.Bits, bool) {
	var need, heads lexicon.Bits
	quote := false
	for _, e := range seq {
		if e.Optional {
			continue
		}
		switch e.kind {
		case elIn:
			need = need.Or(lexicon.Of(e.list))
		case elVerb, elPredicate:
			if len(e.verb.in) == 1 {
				need = need.Or(lexicon.Of(e.verb.in[0]))
			}
		case elQuote:
			quote = true
		case elAny:
			// a list every alternative needs is needed ("X's claim that"
			// and "claims by X that" both touch speech_nouns)
			var both lexicon.Bits
			for i, alt := range e.alts {
				b, _ := requirements(alt)
				if i == 0 {
					both = b
				} else {
					both = both.And(b)
				}
			}
			need = need.Or(both)
		case elNP:
			if e.np.hasHead {
				heads = heads.Or(lexicon.Of(e.np.headIn))
			}
		}
	}
	if !quote {
		need = need.Or(heads)
	}
	return need, quote
}
