package suite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSuite lays out a suite in a temporary folder: files maps a path
// under it to its content.
func writeSuite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const metaFillers = `lists:
  people:
    class: person
    distinct: words
    items:
      - {name: Eva Holm, he: she}
      - {name: Tomas Berg, he: he}
      - {name: Amara Diallo, he: she}
      - {name: Kenji Mori, he: he}
      - {name: Priya Raghavan, he: she}
`

// TestMatcherCanFail proves the suite can fail: a case whose expectation
// is deliberately wrong is reported as failing, while the right one on the
// same sentences passes (which also shows what the engine does today).
func TestMatcherCanFail(t *testing.T) {
	dir := writeSuite(t, map[string]string{
		"fillers.yaml": metaFillers,
		"meta/can-fail.yaml": `doc: one sentence, a right and wrong expectations
slots: {A: people, B: people}
templates:
  - id: right
    text: "Prime Minister {A} said that the talks with {B} were useful."
    expect:
      - quote: {kind: indirect, speaker: "{A}", cue: said, text: "the talks with {B} were useful"}
  - id: wrong-speaker
    text: "Prime Minister {A} said that the talks with {B} were useful."
    expect:
      - quote: {kind: indirect, speaker: "{B}", text: "the talks with {B} were useful"}
  - id: wrong-kind
    text: "Prime Minister {A} said that the talks with {B} were useful."
    expect:
      - quote: {kind: direct, speaker: "{A}"}
  - id: wrong-negative
    text: "Prime Minister {A} said that the talks with {B} were useful."
    expect:
      - no_speaker: "{A}"
  - id: wrong-negation
    text: "Prime Minister {A} said that the talks with {B} were useful."
    expect:
      - quote: {speaker: "{A}", text: "the talks with {B} were not useful"}
  - id: wrong-exact
    text: "Prime Minister {A} said that the talks with {B} were useful."
    exact: [quotes]
    expect:
      - quote: {speaker: "{A}", text: "something else entirely was said here"}
`,
	})
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cases := s.Capabilities[0].Cases
	if len(cases) != 6*4 {
		t.Fatalf("%d cases, want 24", len(cases))
	}
	for _, r := range Run(context.Background(), cases, 2) {
		want := r.Case.Template.ID == "right"
		if r.Pass() != want {
			t.Errorf("%s: pass %v, want %v; misses %q; text %q; found %s", r.Case.ID(), r.Pass(), want, r.Misses, r.Case.Text, describe(r.Found))
		}
	}
}

func ptr(s string) *string { return &s }

// TestCheck drives the matcher with made-up records.
func TestCheck(t *testing.T) {
	found := Found{
		Speakers: []FoundSpeaker{{Name: "Gen. Carl Dorsey", Title: "army chief of staff"}, {Name: "Ana Ribeiro", Affiliation: "Brazil"}, {Name: "NATO"}},
		Quotes: []FoundQuote{
			{Speaker: ptr("Carl Dorsey"), Kind: "indirect", Cue: "said", Text: "the exercises would go ahead"},
			{Speaker: nil, Kind: "direct", Text: "We will not give up."},
		},
		Counterparts: []FoundCounterpart{{Parties: []string{"Ana Ribeiro", "Kenji Mori"}, Channel: "meeting", When: "Monday"}},
		Pledges: []FoundPledge{
			{Actor: "Portugal", By: "Rui Matos", Action: "recognise the annexation", Strength: "commitment"},
			{Actor: "United States", Action: "provide air defence systems", Strength: "commitment", Negated: false},
		},
	}
	tests := []struct {
		name  string
		match Match
		exact []string
		wants []Want
		fail  bool
	}{
		{"name contained", DefaultMatch, nil, []Want{{Op: "speaker", Fields: map[string]string{"name": "Carl Dorsey", "title": "army chief of staff"}}}, false},
		{"name exact", Match{Names: "exact", Text: 0.5}, nil, []Want{{Op: "speaker", Fields: map[string]string{"name": "Carl Dorsey"}}}, true},
		{"affiliation", DefaultMatch, nil, []Want{{Op: "speaker", Fields: map[string]string{"name": "Ribeiro", "affiliation": "Japan"}}}, true},
		{"quote", DefaultMatch, nil, []Want{{Op: "quote", Fields: map[string]string{"speaker": "Carl Dorsey", "kind": "indirect", "cue": "said", "text": "exercises would go ahead"}}}, false},
		{"quote cue", DefaultMatch, nil, []Want{{Op: "quote", Fields: map[string]string{"speaker": "Carl Dorsey", "cue": "stressed"}}}, true},
		{"unattributed", DefaultMatch, nil, []Want{{Op: "quote", Fields: map[string]string{"speaker": "Carl Dorsey", "text": "We will not give up."}}}, true},
		{"strict text", Match{Names: "contains", Text: 0.9}, nil, []Want{{Op: "quote", Fields: map[string]string{"text": "exercises would go ahead"}}}, true},
		{"one to one", DefaultMatch, nil, []Want{
			{Op: "quote", Fields: map[string]string{"text": "the exercises would go ahead"}},
			{Op: "quote", Fields: map[string]string{"text": "the exercises would go ahead now"}},
		}, true},
		{"counterpart crossed", DefaultMatch, nil, []Want{{Op: "counterpart", Parties: []string{"Kenji Mori", "Ana Ribeiro"}, Fields: map[string]string{"channel": "meeting", "when": "on Monday"}}}, false},
		{"counterpart ordered", DefaultMatch, nil, []Want{{Op: "counterpart", Parties: []string{"Kenji Mori", "Ana Ribeiro"}, Fields: map[string]string{"ordered": "true"}}}, true},
		{"counterpart when", DefaultMatch, nil, []Want{{Op: "counterpart", Parties: []string{"Kenji Mori", "Ana Ribeiro"}, Fields: map[string]string{"when": "Tuesday"}}}, true},
		{"counterpart planned", DefaultMatch, nil, []Want{{Op: "counterpart", Parties: []string{"Kenji Mori", "Ana Ribeiro"}, Fields: map[string]string{"planned": "true"}}}, true},
		{"pledge negation lost", DefaultMatch, nil, []Want{{Op: "pledge", Fields: map[string]string{"actor": "Portugal", "action": "never recognise the annexation", "negated": "true"}}}, true},
		{"pledge by", DefaultMatch, nil, []Want{{Op: "pledge", Fields: map[string]string{"actor": "Portugal", "by": "Rui Matos", "action": "recognise the annexation"}}}, false},
		{"pledge actor", DefaultMatch, nil, []Want{{Op: "pledge", Fields: map[string]string{"actor": "Rui Matos", "action": "recognise the annexation"}}}, true},
		{"exact pledges", DefaultMatch, []string{"pledges"}, []Want{{Op: "pledge", Fields: map[string]string{"actor": "Portugal", "action": "recognise the annexation"}}}, true},
		{"no speaker", DefaultMatch, nil, []Want{{Op: "no_speaker", Fields: map[string]string{"name": "Dorsey"}}}, true},
		{"no speaker exact", Match{Names: "exact", Text: DefaultMatch.Text}, nil, []Want{{Op: "no_speaker", Fields: map[string]string{"name": "Carl"}}}, false},
		{"no speaker exact held", Match{Names: "exact", Text: DefaultMatch.Text}, nil, []Want{{Op: "no_speaker", Fields: map[string]string{"name": "Carl Dorsey"}}}, true},
		{"organisation by its acronym", Match{Names: "exact", Text: DefaultMatch.Text}, nil, []Want{{Op: "speaker", Fields: map[string]string{"name": "North Atlantic Treaty Organization"}}}, false},
		{"no speaker held", DefaultMatch, nil, []Want{{Op: "no_speaker", Fields: map[string]string{"name": "Lugano"}}}, false},
		{"no counterpart with", DefaultMatch, nil, []Want{{Op: "no_counterpart_with", Fields: map[string]string{"name": "Kenji Mori"}}}, true},
		{"no pledge by", DefaultMatch, nil, []Want{{Op: "no_pledge_by", Fields: map[string]string{"name": "Rui Matos"}}}, true},
		{"no entity", DefaultMatch, nil, []Want{{Op: "no_entity", Fields: map[string]string{"name": "Osaka"}}}, false},
		{"no quote", DefaultMatch, nil, []Want{{Op: "no_quote", All: true}}, true},
		{"no pledge partial", DefaultMatch, nil, []Want{{Op: "no_pledge", Fields: map[string]string{"action": "provide more air defence systems"}}}, true},
		{"no pledge partial held", DefaultMatch, nil, []Want{{Op: "no_pledge", Fields: map[string]string{"action": "lift the sanctions"}}}, false},
		{"no counterpart", DefaultMatch, nil, []Want{{Op: "no_counterpart", Fields: map[string]string{"channel": "call"}}}, false},
	}
	for _, tt := range tests {
		tmpl := &Template{ID: tt.name, Match: tt.match, Exact: map[string]bool{}}
		for _, s := range tt.exact {
			tmpl.Exact[s] = true
		}
		c := &Case{Capability: "meta.check", Template: tmpl, Wants: tt.wants}
		misses := Check(c, found)
		if (len(misses) > 0) != tt.fail {
			t.Errorf("%s: misses %q, want failing %v", tt.name, misses, tt.fail)
		}
	}
}

// TestLoadErrors: each malformed file is an error naming FILE:LINE.
func TestLoadErrors(t *testing.T) {
	good := "doc: d\ntemplates:\n  - id: t\n    text: \"{A} said that it rained.\"\n    expect:\n      - speaker: {name: \"{A}\"}\n"
	tests := []struct{ name, file, want string }{
		{"unknown key", "doc: d\ncolour: red\ntemplates:\n  - id: t\n    text: \"{A} said so.\"\n    expect:\n      - speaker: {name: \"{A}\"}\n", "g/c.yaml:2: unknown key \"colour\""},
		{"unknown template key", strings.Replace(good, "    text:", "    txt: x\n    text:", 1), "g/c.yaml:4: template: unknown key \"txt\""},
		{"slot without filler", strings.Replace(good, "{A} said", "{A} told {NOPE}", 1), "g/c.yaml:4: template t: slot {NOPE} has no filler"},
		{"expectation slot missing", strings.Replace(good, `name: "{A}"`, `name: "{B}"`, 1), "g/c.yaml:6: template t: speaker uses {B}, which its text does not"},
		{"unknown expectation", strings.Replace(good, "speaker:", "speeker:", 1), "g/c.yaml:6: template t: unknown expectation \"speeker\""},
		{"unknown field", strings.Replace(good, `name: "{A}"`, `name: "{A}", rank: x`, 1), "g/c.yaml:6: template t: speaker: unknown field \"rank\""},
		{"unquoted slot", strings.Replace(good, `name: "{A}"`, `name: {A}`, 1), `g/c.yaml:6: speaker: name: want a string (a value starting with "{" must be quoted`},
		{"malformed slot", strings.Replace(good, "{A} said", "{A} said {a}", 1), "g/c.yaml:4: template t: malformed slot reference"},
		{"bad enum", strings.Replace(good, `speaker: {name: "{A}"}`, `quote: {kind: reported}`, 1), "g/c.yaml:6: template t: fill 1: kind \"reported\""},
		{"missing field", strings.Replace(good, `"{A} said`, `"{A.surname} said`, 1), "g/c.yaml:3: template t: {A.surname}: the item at"},
	}
	for _, tt := range tests {
		dir := writeSuite(t, map[string]string{
			"fillers.yaml": "lists:\n  A: [Eva Holm, Tomas Berg, Amara Diallo, Kenji Mori]\n",
			"g/c.yaml":     tt.file,
		})
		_, err := Load(dir)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), filepath.Join(dir, tt.want)) {
			t.Errorf("%s: error %q, want it to contain %q", tt.name, err, tt.want)
		}
	}
	dir := writeSuite(t, map[string]string{"fillers.yaml": "lists:\n  A: [Eva Holm, Tomas Berg, Amara Diallo, Kenji Mori]\n", "g/c.yaml": good})
	if _, err := Load(dir); err != nil {
		t.Errorf("good file: %v", err)
	}
}

// TestSuiteDeterministic: loading twice gives the same cases, and every
// template of the real suite has distinct fills.
func TestSuiteDeterministic(t *testing.T) {
	a, err := Load(suiteDir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(suiteDir)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range a.Capabilities {
		for j, k := range c.Cases {
			if k.Text != b.Capabilities[i].Cases[j].Text {
				t.Fatalf("%s: two loads differ: %q and %q", k.ID(), k.Text, b.Capabilities[i].Cases[j].Text)
			}
		}
	}
}

// TestNegationClasses: negations.yaml gives each negation word its class.
func TestNegationClasses(t *testing.T) {
	want := []struct{ word, class string }{
		{"not", "not"}, {"t", "not"}, {"cannot", "not"}, {"nor", "not"}, {"neither", "not"},
		{"never", "never"}, {"no", "no"}, {"without", "without"},
	}
	if len(negations) != len(want) {
		t.Errorf("%d negation words, want %d: %v", len(negations), len(want), negations)
	}
	for _, w := range want {
		if negations[w.word] != w.class {
			t.Errorf("negations[%q] = %q, want %q", w.word, negations[w.word], w.class)
		}
	}
}
