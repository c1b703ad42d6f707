package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLoadErrorsNameFileAndLine: every malformed rules file is refused with
// the file's name and the line of the problem.
func TestLoadErrorsNameFileAndLine(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"unknown section", "speech_verbz:\n  opine: [opined]\n", "bad.yaml:1: unknown section \"speech_verbz\""},
		{"section twice", "say_like: [opine]\nsay_like: [opine]\n", "bad.yaml:2: section \"say_like\" given twice (first on line 1)"},
		{"empty word", "say_like: [opine, \"\"]\n", "bad.yaml:1: empty word"},
		{"tilde item", "say_like:\n  - opine\n  - ~\n", "bad.yaml:3: empty word (null list item)"},
		{"dash item", "say_like:\n  - opine\n  -\n", "bad.yaml:3: empty word (null list item)"},
		{"null item", "say_like:\n  - null\n", "bad.yaml:2: empty word (null list item)"},
		{"double comma", "speech_verbs:\n  opine: [opine, , opined]\n", "bad.yaml:2: empty word"},
		{"list in list", "say_like:\n  - [a, b]\n", "bad.yaml:2: expected a word, found a list"},
		{"wrong shape", "relationship_verbs:\n  opine: x\n", "bad.yaml:2: relationship_verbs must be a list of words, not a mapping"},
		{"bad channel", "meeting_words:\n  phone: [phone chat]\n", "bad.yaml:2: meeting_words: unknown key \"phone\" (want one of call, video call"},
		{"bad strength", "pledge_cues:\n  firm: [swore to]\n", "bad.yaml:2: pledge_cues: unknown key \"firm\""},
		{"country without name", "countries:\n  - demonyms: [Ruritanian]\n", "bad.yaml:2: a country without a name"},
		{"organisation without name", "organisations:\n  - aliases: [RFO]\n", "bad.yaml:2: a organisation without a name"},
		{"unknown country key", "countries:\n  - name: Ruritania\n    capitol: [Strelsau]\n", "bad.yaml:3: country: unknown key \"capitol\""},
		{"former not a boolean", "countries:\n  - name: Ruritania\n    former: yes\n", "bad.yaml:3: former must be true or false"},
		{"second document", "say_like: [opine]\n---\nsay_like: [muse]\n", "bad.yaml:3: a second YAML document"},
		{"not a mapping", "- opine\n", "bad.yaml:1: a rules file is a mapping of sections"},
		{"syntax", "say_like: [opine\n", "bad.yaml:"},
		{"tab indent", "say_like:\n\t- opine\n", "bad.yaml:2:"},
		{"invalid utf-8", "say_like: [opine]\nsay_like2: [\xff]\n", "bad.yaml:2: invalid UTF-8"},
		{"binary", "say_like: [op\x00ine]\n", "bad.yaml: binary file, not YAML text (NUL byte at offset 13)"},
		{"bad list name", "lists:\n  My-List: [a]\n", "bad.yaml:2: list name \"My-List\""},
		{"verb forms not a list", "speech_verbs:\n  opine: opined\n", "bad.yaml:2: expected a list of forms, found a value"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, "bad.yaml", c.text)
			_, err := Load(p)
			if err == nil {
				t.Fatalf("no error for %q", c.text)
			}
			got := strings.TrimPrefix(err.Error(), filepath.Dir(p)+string(filepath.Separator))
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("error %q, want it to start %q", got, c.want)
			}
			if strings.Contains(got, "\n") {
				t.Errorf("error spans lines: %q", got)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.HasSuffix(err.Error(), "nope.yaml: no such file or directory") {
		t.Errorf("got %v", err)
	}
}

// TestRulesFileAddsWords: each kind of section adds to the built-in lists.
func TestRulesFileAddsWords(t *testing.T) {
	p := writeFile(t, "extra.yaml", `
speech_verbs:
  opine: [opine, opines, opined]
  muse:
request_verbs: [beseech]
meeting_words:
  call: [phone chat]
pledge_cues:
  commitment: [swore to]
countries:
  - name: Ruritania
    demonyms: [Ruritanian]
    capitals: [Strelsau]
organisations:
  - name: Ruritanian Foreign Office
    aliases: [RFO]
    country: Ruritania
heads: [Grand Vizier]
lists:
  my_cues: [quoth]
  my_values:
    a: [alpha]
`)
	l, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		list ID
		text string
		want string
	}{
		{SpeechVerbs, "opined", "opine"},
		{SpeechVerbs, "mused", "muse"},
		{SpeechVerbs, "musing", "muse"},
		{RequestVerbs, "besought", ""}, // not generated: irregular and unknown
		{RequestVerbs, "beseeches", "beseech"},
		{ExchangeNouns, "phone chat", "call"},
		{PledgeCues, "swore to", "commitment"},
		{Places, "Ruritania", "Ruritania"},
		{Capitals, "Strelsau", "Ruritania"},
		{Demonyms, "Ruritanian", "Ruritania"},
		{Organisations, "RFO", "Ruritanian Foreign Office"},
		{TitleHeads, "grand vizier", ""},
	}
	for _, c := range checks {
		v, ok := l.Has(c.list, c.text)
		if c.want == "" && c.list == RequestVerbs {
			if ok {
				t.Errorf("%q found in list %d", c.text, c.list)
			}
			continue
		}
		if !ok || v != c.want {
			t.Errorf("list %s: %q gives %q, %v; want %q", sections[c.list].Name, c.text, v, ok, c.want)
		}
	}
	if id, ok := l.ListID("my_cues"); !ok {
		t.Error("custom list my_cues not defined")
	} else if _, ok := l.Has(id, "Quoth"); !ok {
		t.Error("quoth not in my_cues (custom lists fold case)")
	}
	if l.Org["Ruritanian Foreign Office"].Country != "Ruritania" {
		t.Error("organisation's country lost")
	}
	d, _ := Default()
	if l.Hash() == d.Hash() || !strings.HasPrefix(l.Hash(), "sha256:") {
		t.Errorf("hash %q does not tell the rules apart from the built-in %q", l.Hash(), d.Hash())
	}
}

func TestInflect(t *testing.T) {
	irr := map[string][]string{"tell": {"told"}, "speak": {"spoke", "spoken"}}
	cases := map[string]string{
		"say":       "say says sayed saying",
		"stress":    "stress stresses stressed stressing",
		"urge":      "urge urges urged urging",
		"tell":      "tell tells told telling",
		"speak":     "speak speaks spoke spoken speaking",
		"reply":     "reply replies replied replying",
		"commit":    "commit commits commited committed commiting committing",
		"echo":      "echo echoes echoed echoing",
		"point out": "point out points out pointed out pointing out",
		"tie":       "tie ties tied tying",
		"agree":     "agree agrees agreed agreeing",
	}
	for lemma, want := range cases {
		if got := strings.Join(Inflect(lemma, irr), " "); got != want {
			t.Errorf("Inflect(%q) = %q, want %q", lemma, got, want)
		}
	}
}

// TestLoadIsLinear: 100,000 entries load in about five times the time of
// 20,000 (yaml.v3's duplicate-key check made this quadratic once: 25×). The
// two sizes are timed in one test, against each other, never against a
// wall clock.
func TestLoadIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times two loads")
	}
	gen := func(n int, shape string) []Source {
		var b strings.Builder
		switch shape {
		case "lemmas":
			b.WriteString("speech_verbs:\n")
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "  v%dx: [v%dxs]\n", i, i)
			}
		case "phrases":
			b.WriteString("relationship_verbs:\n")
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "  - step w%d\n", i)
			}
		}
		return []Source{{Name: "big.yaml", Data: []byte(b.String())}}
	}
	for _, shape := range []string{"lemmas", "phrases"} {
		timeOf := func(n int) time.Duration {
			src := gen(n, shape)
			start := time.Now()
			if _, err := Compile(src); err != nil {
				t.Fatal(err)
			}
			return time.Since(start)
		}
		timeOf(1000) // warm the tokenizer
		small := min(timeOf(20000), timeOf(20000))
		big := min(timeOf(100000), timeOf(100000))
		if ratio := float64(big) / float64(small); ratio > 15 {
			t.Errorf("%s: 100k entries took %v, 20k %v: %.0f× for 5× the entries", shape, big, small, ratio)
		} else {
			t.Logf("%s: 20k %v, 100k %v (%.1f×)", shape, small, big, ratio)
		}
	}
}
