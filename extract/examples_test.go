package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/grammar"
	"github.com/readout/readout/parser"
)

// TestRuleExamples runs every built-in rule's examples and counterexamples:
// each rule has at least one of each, and the extraction bears them out.
func TestRuleExamples(t *testing.T) {
	g, err := grammar.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Rules {
		if len(r.Examples) == 0 || len(r.Counterexamples) == 0 {
			t.Errorf("%s:%d: rule %s needs at least one example and one counterexample (has %d and %d)",
				r.File, r.Line, r.ID, len(r.Examples), len(r.Counterexamples))
		}
	}
	fails, err := CheckExamples(context.Background(), g, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fails {
		t.Error(f)
	}
}

// TestCheckExamplesFails holds CheckExamples to failing when a rule's
// examples are wrong: an expect the record contradicts, a counterexample
// the rule matches, an example it does not match, a field its output has
// not.
func TestCheckExamplesFails(t *testing.T) {
	const rules = `rules:
  - id: test.warned
    doc: 'X warned that …'
    produce: quote
    kind: indirect
    priority: 100
    pattern:
      - np: {}
        as: speaker
      - verb: {in: [speech_verbs]}
        as: cue
      - role: complementizer
      - content: clause
        as: text
    examples:
      - text: "President Tomas Berg warned that the talks would fail."
        expect: {speaker: Ingrid Laue}
      - text: "President Tomas Berg smiled."
      - text: "President Tomas Berg warned that the talks would fail."
        expect: {parties: "Tomas Berg, Ingrid Laue"}
      - text: "President Tomas Berg warned that the talks would fail."
        expect: {speaker: Tomas Berg, cue: warned, text: the talks would fail}
    counterexamples:
      - "President Tomas Berg warned that the talks would fail."
`
	path := filepath.Join(t.TempDir(), "test.yaml")
	if err := os.WriteFile(path, []byte(rules), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := grammar.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	fails, err := CheckExamples(context.Background(), g, []*grammar.Rule{g.Rule("test.warned")})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line int
		msg  string
	}{
		{16, `want {speaker="Ingrid Laue"}`},
		{18, "gives no quote from this rule"},
		{19, `expect names "parties"`},
		{24, "counterexample"},
	}
	if len(fails) != len(want) {
		t.Fatalf("got %d failures, want %d: %v", len(fails), len(want), fails)
	}
	for i, w := range want {
		f := fails[i]
		if f.Line != w.line || !strings.Contains(f.Msg, w.msg) || f.File != path || f.Rule != "test.warned" {
			t.Errorf("failure %d = %v; want line %d with %q", i, f, w.line, w.msg)
		}
	}
}

// TestEmittedRulesAreDefined: every rule id the extraction writes on the
// fixtures names a rule of the grammar (readout rules lists it).
func TestEmittedRulesAreDefined(t *testing.T) {
	g, err := grammar.Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob("../testdata/fixtures/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	used := map[string]bool{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parser.Parse(context.Background(), string(src))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := Extract(context.Background(), doc, g, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range rec.Quotes {
			used[q.Rule] = true
		}
		for _, c := range rec.Counterparts {
			used[c.Rule] = true
		}
		for _, pl := range rec.Pledges {
			used[pl.Rule] = true
		}
	}
	for id := range used {
		if g.Rule(id) == nil {
			t.Errorf("the fixtures' records name rule %q, which no rules file defines", id)
		}
	}
	if len(used) < 10 {
		t.Errorf("the fixtures use only %d rules; expected the common ones", len(used))
	}
}

// TestSpeakerCaptureOfWords: a rule that captures its speaker with a word
// element (no noun phrase) is checked, not a crash.
func TestSpeakerCaptureOfWords(t *testing.T) {
	const rules = `rules:
  - id: test.word-speaker
    doc: 'Lopez said that …'
    produce: quote
    kind: indirect
    priority: 100
    pattern:
      - word: Lopez
        as: speaker
      - verb: {in: [speech_verbs]}
        as: cue
      - role: complementizer
      - content: clause
        as: text
    hooks: [subject-speaks]
    examples:
      - text: "Lopez said that the talks would resume."
    counterexamples:
      - "The talks resumed."
`
	path := filepath.Join(t.TempDir(), "test.yaml")
	if err := os.WriteFile(path, []byte(rules), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := grammar.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CheckExamples(context.Background(), g, []*grammar.Rule{g.Rule("test.word-speaker")}); err != nil {
		t.Fatal(err)
	}
}
