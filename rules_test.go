package readout_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/readout/readout"
	"github.com/readout/readout/grammar"
	"github.com/readout/readout/lexicon"
)

func writeRules(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "extra.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBuiltinRulesLoad(t *testing.T) {
	if _, err := readout.LoadRules(); err != nil {
		t.Fatalf("the built-in rules do not load: %v", err)
	}
	a, err := readout.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := readout.DefaultRules(); a != b {
		t.Error("DefaultRules compiles the rules more than once")
	}
}

// TestRulesFileAddsASpeechVerb: a verb the built-in rules do not know
// becomes a cue once a rules file lists it.
func TestRulesFileAddsASpeechVerb(t *testing.T) {
	const src = "Chancellor Olaf Scholz opined that the talks were productive."
	want := wantQuote{"Olaf Scholz", "indirect", "opined", "the talks were productive", "indirect"}
	if r := convert(t, src, nil); findQuote(r, want) {
		t.Fatalf("the built-in rules already know “opined”; pick another verb:\n%s", describe(r))
	}
	rules, err := readout.LoadRules(writeRules(t, "speech_verbs:\n  opine: [opine, opines, opined]\n"))
	if err != nil {
		t.Fatalf("LoadRules: %v", err)
	}
	if r := convert(t, src, rules); !findQuote(r, want) {
		t.Errorf("no quote %+v with the rules file:\n%s", want, describe(r))
	}
}

func TestRulesFilesAdd(t *testing.T) {
	// Every section may be given; entries add to the built-in ones.
	p := writeRules(t, `
speech_verbs:
  opine: [opined]
request_verbs:
  beseech: [besought]
act_verbs:
  salute: [saluted]
say_like: [opine]
meeting_words:
  meeting: [powwow]
exchange_verbs:
  talks: [parleyed]
planned_words: [in due course]
pledge_cues:
  commitment: [swore to]
countries:
  - name: Freedonia
    demonyms: [Freedonian]
    aliases: [the Republic of Freedonia]
organisations:
  - name: Freedonian Grain Board
    aliases: [FGB]
    country: Freedonia
heads: [envoy]
modifiers: [acting]
honorifics: [Excellency]
domains: [grain]
`)
	if _, err := readout.LoadRules(p); err != nil {
		t.Fatalf("LoadRules: %v", err)
	}
	// An empty file, or one of comments, adds nothing and is no error.
	for _, text := range []string{"", "# nothing\n", "---\n"} {
		if _, err := readout.LoadRules(writeRules(t, text)); err != nil {
			t.Errorf("LoadRules(%q): %v", text, err)
		}
	}
}

// TestMalformedRulesFile: a bad rules file is an error that names the
// file and the line, on one line, without Go internals.
func TestMalformedRulesFile(t *testing.T) {
	tests := []struct {
		name string
		text string
		line string // the line the error must name, "" when it cannot (see below)
	}{
		{"unknown channel", "meeting_words:\n  chat: [chatted]\n", "2"},
		{"unknown strength", "pledge_cues:\n  maybe: [might]\n", "2"},
		{"word is a list", "speech_verbs:\n  opine: [[opined]]\n", "2"},
		{"word is a mapping", "say_like:\n  - {a: b}\n", "2"},
		{"empty word", "speech_verbs:\n  opine: [\"\"]\n", "2"},
		{"blank word", "heads:\n  - \"  \"\n", "2"},
		{"unknown section", "speech_verbz:\n  opine: [opined]\n", "1"},
		// Once known gaps (yaml.v3's messages), now at their lines:
		{"unclosed flow list", "speech_verbs:\n  opine: [opined\n", "2"},
		{"word where a list is expected", "speech_verbs:\n  opine: opined\n", "2"},
		{"country without a name", "countries:\n  - demonyms: [Freedonian]\n", "2"},
		{"tab indentation", "speech_verbs:\n\topine: [opined]\n", "2"},
		{"empty flow item", "speech_verbs:\n  opine: [opine, , opined]\n", "2"},
		{"null item", "say_like:\n  - opine\n  - ~\n", "3"},
		{"second document", "say_like: [opine]\n---\nheads: [Vizier]\n", "3"},
		{"invalid UTF-8", "say_like: [opine]\nheads: [\xff]\n", "2"},
		{"a rule without examples", "rules:\n  - id: my.rule\n    doc: x\n    produce: speaker\n    pattern:\n      - verb: {in: speech_verbs}\n        subject: speaker\n", "2"},
		{"discourse stage on a pledge rule", "rules:\n  - id: my.rule\n    doc: x\n    produce: pledge\n    stage: discourse\n    examples: [x]\n    counterexamples: [y]\n    pattern:\n      - verb: {in: speech_verbs}\n        subject: actor\n        as: action\n", "2"},
		{"a rule with an unknown list", "rules:\n  - id: my.rule\n    doc: x\n    produce: speaker\n    examples: [x]\n    pattern:\n      - in: no_such_list\n        as: speaker\n", "7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeRules(t, tt.text)
			_, err := readout.LoadRules(p)
			if err == nil {
				t.Fatalf("LoadRules accepted %q", tt.text)
			}
			msg := err.Error()
			if !strings.Contains(msg, p) {
				t.Errorf("error %q does not name the file %s", msg, p)
			}
			lineRE := regexp.MustCompile(`(line |` + regexp.QuoteMeta(p) + `:)` + tt.line + `\b`)
			if !lineRE.MatchString(msg) {
				t.Errorf("error %q does not name line %s", msg, tt.line)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error %q is more than one line", msg)
			}
			if strings.Contains(msg, "extract.") || strings.Contains(msg, "ruleFile") {
				t.Errorf("error %q names Go types", msg)
			}
		})
	}
}

func TestRulesFileUnreadable(t *testing.T) {
	dir := t.TempDir()
	for name, p := range map[string]string{
		"missing": filepath.Join(dir, "missing.yaml"),
		"folder":  dir,
	} {
		_, err := readout.LoadRules(p)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.HasPrefix(err.Error(), p+": ") {
			t.Errorf("%s: error %q does not start with the file name", name, err)
		}
	}
}

// TestRulesHash: the hash is of the bytes loaded, built-in files in name
// order then --rules files in the order given; names and places do not
// count.
func TestRulesHash(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.yaml", "speech_verbs:\n  opine: [opined]\n")
	b := write("b.yaml", "heads: [Grand Vizier]\n")
	sameAsA := write("copy-of-a.yaml", "speech_verbs:\n  opine: [opined]\n")
	hash := func(paths ...string) string {
		t.Helper()
		r, err := readout.LoadRules(paths...)
		if err != nil {
			t.Fatal(err)
		}
		return r.Hash()
	}
	def, err := readout.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	builtin := hash()
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(builtin) {
		t.Fatalf("Hash() = %q, want sha256: and 64 hex digits", builtin)
	}
	if want := builtinHash(t); builtin != want {
		t.Errorf("Hash() = %s, want %s (the SHA-256 of lexicon/data/*.yaml then grammar/rules/*.yaml, each after its length)", builtin, want)
	}
	tests := []struct {
		name string
		got  string
		same bool
		as   string
	}{
		{"DefaultRules is LoadRules()", def.Hash(), true, builtin},
		{"loading again", hash(), true, builtin},
		{"a rules file changes it", hash(a), false, builtin},
		{"the same file, the same hash", hash(a), true, hash(a)},
		{"the same bytes elsewhere", hash(sameAsA), true, hash(a)},
		{"order counts", hash(a, b), false, hash(b, a)},
		{"a file twice is not once", hash(a, a), false, hash(a)},
	}
	for _, tt := range tests {
		if (tt.got == tt.as) != tt.same {
			t.Errorf("%s: %s against %s, want same=%v", tt.name, tt.got, tt.as, tt.same)
		}
	}
}

// builtinHash computes the built-in rules' hash from the files on disk.
func builtinHash(t *testing.T) string {
	t.Helper()
	words, err := filepath.Glob("lexicon/data/*.yaml")
	if err != nil || len(words) == 0 {
		t.Fatalf("no lexicon/data/*.yaml: %v", err)
	}
	rules, err := filepath.Glob("grammar/rules/*.yaml")
	if err != nil || len(rules) == 0 {
		t.Fatalf("no grammar/rules/*.yaml: %v", err)
	}
	sort.Strings(words)
	sort.Strings(rules)
	paths := append(words, rules...)
	h := sha256.New()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%d\n", len(b))
		h.Write(b)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// TestLoadSources: rules files given by their contents compile as the
// files do, with the same hash, and errors name the given name.
func TestLoadSources(t *testing.T) {
	const text = "speech_verbs:\n  opine: [opine, opines, opined]\n"
	fromFile, err := readout.LoadRules(writeRules(t, text))
	if err != nil {
		t.Fatal(err)
	}
	fromData, err := grammar.LoadSources(lexicon.Source{Name: "elsewhere.yaml", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if fromFile.Hash() != fromData.Hash() {
		t.Errorf("hash %s from the contents, %s from the file", fromData.Hash(), fromFile.Hash())
	}
	_, err = grammar.LoadSources(lexicon.Source{Name: "bad.yaml", Data: []byte("speech_verbs: [\n")})
	if err == nil || !strings.Contains(err.Error(), "bad.yaml") {
		t.Errorf("error %v, want one naming bad.yaml", err)
	}
}
