package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/parser"
	"go.yaml.in/yaml/v3"
)

// Node is a YAML node with its line; the grammar package decodes rules from it.
type Node = yaml.Node

// file is one rules file, parsed and validated, not yet compiled.
type file struct {
	name      string
	words     []wordItem
	countries []countryItem
	orgs      []orgItem
	irregular []verbItem
	grammar   map[string]*Node
}

// wordItem is one phrase for one list.
type wordItem struct {
	list  Section
	text  string
	value string
	line  int
	verb  bool // a lemma or a form of a verb section: inflect when generate is set
	gen   bool // forms are generated from the lemma (text)
}

type verbItem struct {
	lemma string
	forms []string
}

type countryItem struct {
	info   CountryInfo
	line   int
	region bool
}

type orgItem struct {
	info OrgInfo
	line int
}

// Error is a problem in a rules file, at a line (0 when the problem is the
// whole file).
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func errAt(name string, line int, format string, args ...any) error {
	return &Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// parseFile reads one rules file. Every problem is an *Error naming the
// file and line.
func parseFile(name string, b []byte) (*file, error) {
	if err := checkText(name, b); err != nil {
		return nil, err
	}
	if err := checkFlowItems(name, b); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &file{name: name}, nil // an empty file adds nothing
		}
		if berr := checkBrackets(name, b); berr != nil {
			return nil, berr // yaml.v3 names a context line; this names the bracket's
		}
		return nil, yamlError(name, err)
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		line := second.Line
		if len(second.Content) > 0 {
			line = second.Content[0].Line
		}
		return nil, errAt(name, line, "a second YAML document: a rules file holds one")
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(name, err)
	}
	f := &file{name: name, grammar: map[string]*Node{}}
	if len(doc.Content) == 0 {
		return f, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return f, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, errAt(name, root.Line, "a rules file is a mapping of sections (speech_verbs:, countries:, rules: …), not a %s", kindName(root))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			return nil, errAt(name, k.Line, "section %q given twice (first on line %d)", k.Value, first)
		}
		seen[k.Value] = k.Line
		s, ok := sectionByName(k.Value)
		if !ok {
			return nil, errAt(name, k.Line, "unknown section %q (see readout rules --lists)", k.Value)
		}
		if err := f.section(s, v); err != nil {
			return nil, err
		}
	}
	return f, nil
}

func (f *file) section(s Section, v *Node) error {
	if isNull(v) {
		return nil // "speech_verbs:" with nothing under it
	}
	switch s.Shape {
	case ShapeWords:
		return f.wordsOf(s, v, "")
	case ShapeValued:
		return f.valued(s, v)
	case ShapeVerbs:
		return f.verbs(s, v)
	case ShapeCountries:
		return f.countriesOf(s, v)
	case ShapeOrganisations:
		return f.orgsOf(v)
	case ShapeCustom:
		return f.custom(v)
	case ShapeGrammar:
		f.grammar[s.Name] = v
	}
	return nil
}

// wordsOf reads a list of phrases.
func (f *file) wordsOf(s Section, v *Node, value string) error {
	if v.Kind != yaml.SequenceNode {
		return errAt(f.name, v.Line, "%s must be a list of words, not a %s", s.Name, kindName(v))
	}
	for _, n := range v.Content {
		w, err := f.word(n)
		if err != nil {
			return err
		}
		f.words = append(f.words, wordItem{list: s, text: w, value: value, line: n.Line})
	}
	return nil
}

// word reads one non-empty scalar.
func (f *file) word(n *Node) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", errAt(f.name, n.Line, "expected a word, found a %s", kindName(n))
	}
	if isNull(n) {
		return "", errAt(f.name, n.Line, "empty word (null list item)")
	}
	w := strings.TrimSpace(n.Value)
	if w == "" {
		return "", errAt(f.name, n.Line, "empty word")
	}
	return w, nil
}

func (f *file) valued(s Section, v *Node) error {
	if v.Kind != yaml.MappingNode {
		return errAt(f.name, v.Line, "%s must be a mapping of value → words, not a %s", s.Name, kindName(v))
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, list := v.Content[i], v.Content[i+1]
		if s.Values != nil && !contains(s.Values, k.Value) {
			return errAt(f.name, k.Line, "%s: unknown key %q (want one of %s)", s.Name, k.Value, strings.Join(s.Values, ", "))
		}
		if isNull(list) {
			continue
		}
		if err := f.wordsOf(s, list, k.Value); err != nil {
			return err
		}
	}
	return nil
}

// verbs reads `{lemma: [forms]}` (the lemma is a form too; no forms given:
// generated) or `[lemma, …]` (forms generated).
func (f *file) verbs(s Section, v *Node) error {
	switch v.Kind {
	case yaml.SequenceNode:
		for _, n := range v.Content {
			w, err := f.word(n)
			if err != nil {
				return err
			}
			f.words = append(f.words, wordItem{list: s, text: w, value: w, line: n.Line, verb: true, gen: true})
		}
		return nil
	case yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, forms := v.Content[i], v.Content[i+1]
			lemma, err := f.word(k)
			if err != nil {
				return err
			}
			if s.Name == "irregular_verbs" {
				var vi verbItem
				vi.lemma = strings.ToLower(lemma)
				if err := f.formList(forms, func(w string, _ int) { vi.forms = append(vi.forms, strings.ToLower(w)) }); err != nil {
					return err
				}
				f.irregular = append(f.irregular, vi)
				continue
			}
			if isNull(forms) || forms.Kind == yaml.SequenceNode && len(forms.Content) == 0 {
				f.words = append(f.words, wordItem{list: s, text: lemma, value: lemma, line: k.Line, verb: true, gen: true})
				continue
			}
			f.words = append(f.words, wordItem{list: s, text: lemma, value: lemma, line: k.Line, verb: true})
			err = f.formList(forms, func(w string, line int) {
				f.words = append(f.words, wordItem{list: s, text: w, value: lemma, line: line, verb: true})
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
	return errAt(f.name, v.Line, "%s must be a mapping of lemma → forms, or a list of lemmas, not a %s", s.Name, kindName(v))
}

func (f *file) formList(n *Node, add func(w string, line int)) error {
	if n.Kind != yaml.SequenceNode {
		return errAt(f.name, n.Line, "expected a list of forms, found a %s", kindName(n))
	}
	for _, c := range n.Content {
		w, err := f.word(c)
		if err != nil {
			return err
		}
		add(w, c.Line)
	}
	return nil
}

func (f *file) countriesOf(s Section, v *Node) error {
	if v.Kind != yaml.SequenceNode {
		return errAt(f.name, v.Line, "%s must be a list of entries with a name, not a %s", s.Name, kindName(v))
	}
	for _, n := range v.Content {
		var c countryItem
		c.line, c.region = n.Line, s.Name == "regions"
		err := f.fields(n, "country", map[string]func(*Node) error{
			"name":     func(x *Node) (err error) { c.info.Name, err = f.word(x); return },
			"demonyms": func(x *Node) error { return f.strings(x, &c.info.Demonyms) },
			"aliases":  func(x *Node) error { return f.strings(x, &c.info.Aliases) },
			"capitals": func(x *Node) error { return f.strings(x, &c.info.Capitals) },
			"former": func(x *Node) error {
				if x.Kind != yaml.ScalarNode || x.Value != "true" && x.Value != "false" {
					return errAt(f.name, x.Line, "former must be true or false")
				}
				c.info.Former = x.Value == "true"
				return nil
			},
		})
		if err != nil {
			return err
		}
		f.countries = append(f.countries, c)
	}
	return nil
}

func (f *file) orgsOf(v *Node) error {
	if v.Kind != yaml.SequenceNode {
		return errAt(f.name, v.Line, "organisations must be a list of entries with a name, not a %s", kindName(v))
	}
	for _, n := range v.Content {
		var o orgItem
		o.line = n.Line
		err := f.fields(n, "organisation", map[string]func(*Node) error{
			"name":    func(x *Node) (err error) { o.info.Name, err = f.word(x); return },
			"aliases": func(x *Node) error { return f.strings(x, &o.info.Aliases) },
			"country": func(x *Node) (err error) { o.info.Country, err = f.word(x); return },
			"part_of": func(x *Node) (err error) { o.info.PartOf, err = f.word(x); return },
			"nouns":   func(x *Node) error { return f.strings(x, &o.info.Nouns) },
		})
		if err != nil {
			return err
		}
		f.orgs = append(f.orgs, o)
	}
	return nil
}

// fields reads a mapping entry of a gazetteer: known keys only, and a name.
func (f *file) fields(n *Node, what string, keys map[string]func(*Node) error) error {
	if n.Kind != yaml.MappingNode {
		return errAt(f.name, n.Line, "expected a %s entry (name: …), found a %s", what, kindName(n))
	}
	named := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		read, ok := keys[k.Value]
		if !ok {
			return errAt(f.name, k.Line, "%s: unknown key %q", what, k.Value)
		}
		if isNull(v) && k.Value != "name" {
			continue
		}
		if err := read(v); err != nil {
			return err
		}
		named = named || k.Value == "name"
	}
	if !named {
		return errAt(f.name, n.Line, "a %s without a name", what)
	}
	return nil
}

func (f *file) strings(n *Node, out *[]string) error {
	return f.formList(n, func(w string, _ int) { *out = append(*out, w) })
}

// custom reads `lists: {name: [words]}` or `{name: {value: [words]}}`.
func (f *file) custom(v *Node) error {
	if v.Kind != yaml.MappingNode {
		return errAt(f.name, v.Line, "lists must be a mapping of list name → words, not a %s", kindName(v))
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, body := v.Content[i], v.Content[i+1]
		if !validListName(k.Value) {
			return errAt(f.name, k.Line, "list name %q: use lower-case letters, digits and _", k.Value)
		}
		s := Section{Name: k.Value, Shape: ShapeWords, Fold: true, Doc: "defined in " + f.name}
		if b, ok := sectionByName(k.Value); ok && (b.Shape == ShapeWords || b.Shape == ShapeValued) {
			s = b
		}
		var err error
		switch {
		case isNull(body):
		case body.Kind == yaml.MappingNode:
			s.Shape = ShapeValued
			err = f.valued(s, body)
		default:
			err = f.wordsOf(s, body, "")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

var listNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func validListName(s string) bool { return listNameRE.MatchString(s) }

func isNull(n *Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkText refuses what is not UTF-8 text, naming where it goes wrong.
func checkText(name string, b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return errAt(name, 0, "binary file, not YAML text (NUL byte at offset %d)", i)
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return errAt(name, 1+bytes.Count(b[:off], []byte("\n")), "invalid UTF-8 (byte offset %d)", off)
	}
	return nil
}

// emptyFlowItem finds "[a, , b]", "[, a]" and "[a, ]"-with-a-comma-too:
// yaml.v3 reports these a line early, so they are looked for first.
var emptyFlowItem = regexp.MustCompile(`[\[,]\s*,`)

// checkFlowItems reports an empty item in a flow list at its own line.
func checkFlowItems(name string, b []byte) error {
	for i, line := range strings.Split(string(b), "\n") {
		code := stripComment(line)
		if strings.ContainsAny(code, `"'`) || !strings.Contains(code, "[") && !strings.HasPrefix(strings.TrimSpace(code), ",") {
			continue // quoted text may hold anything; leave it to the parser
		}
		if emptyFlowItem.MatchString(code) {
			return errAt(name, i+1, "empty word (two commas with nothing between them)")
		}
	}
	return nil
}

// checkBrackets finds a flow list or mapping that is never closed, or a
// closing bracket with no opening one, and names its line.
func checkBrackets(name string, b []byte) error {
	type open struct {
		c    byte
		line int
	}
	var stack []open
	for i, line := range strings.Split(string(b), "\n") {
		quote := byte(0)
		for _, c := range []byte(stripComment(line)) {
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '[' || c == '{':
				stack = append(stack, open{c, i + 1})
			case c == ']' || c == '}':
				if len(stack) == 0 {
					return errAt(name, i+1, "%q with no opening bracket", c)
				}
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) > 0 {
		o := stack[len(stack)-1]
		return errAt(name, o.line, "%q opened here is never closed", o.c)
	}
	return nil
}

func stripComment(line string) string {
	if i := strings.Index(line, " #"); i >= 0 {
		return line[:i]
	}
	if strings.HasPrefix(strings.TrimSpace(line), "#") {
		return ""
	}
	return line
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?(?:unmarshal errors:\s*)?line (\d+): `)

// yamlError rewrites yaml.v3's "yaml: line 7: …" as an *Error at line 7.
func yamlError(name string, err error) error {
	msg := strings.TrimSpace(err.Error())
	if i := strings.Index(msg, "\n"); i >= 0 {
		msg = strings.TrimSpace(msg[:i])
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		var line int
		fmt.Sscan(m[1], &line)
		return &Error{File: name, Line: line, Msg: msg[len(m[0]):]}
	}
	return &Error{File: name, Msg: strings.TrimPrefix(msg, "yaml: ")}
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// splitWords splits a phrase as the tokenizer splits text.
func splitWords(text string) []string {
	w, err := parser.Words(text)
	if err != nil {
		return strings.Fields(text)
	}
	return w
}
