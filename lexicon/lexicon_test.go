package lexicon

import "testing"

func TestSectionsMatchIDs(t *testing.T) {
	for id := ID(0); id < numBuiltin; id++ {
		if sections[id].Shape == ShapeCustom || sections[id].Shape == ShapeGrammar {
			t.Errorf("section %d (%s) is not a list", id, sections[id].Name)
		}
	}
}

func TestBuiltinLoads(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for id := ID(0); id < numBuiltin; id++ {
		if l.Len(id) == 0 && id != Organisations {
			t.Errorf("list %s is empty", sections[id].Name)
		}
	}
	if v, ok := l.Has(SpeechVerbs, "pointed out"); !ok || v != "point out" {
		t.Errorf("pointed out: %q %v", v, ok)
	}
}

// TestHasOneWordAsTokenized: Has takes a string of ASCII letters as one
// word without running the tokenizer; the tokenizer must agree.
func TestHasOneWordAsTokenized(t *testing.T) {
	for _, w := range []string{"cannot", "gonna", "Wanna", "gimme", "US", "talks", "a", "Xi", "Ministry"} {
		if !isLetters(w) {
			t.Fatalf("%q: not letters", w)
		}
		if got := splitWords(w); len(got) != 1 || got[0] != w {
			t.Errorf("the tokenizer splits %q into %q", w, got)
		}
	}
	for _, w := range []string{"", "U.S.", "don't", "co-operate", "two words", "café"} {
		if isLetters(w) {
			t.Errorf("%q taken for one word of letters", w)
		}
	}
}

// TestPlural: the plural of a one-word title head or source noun, by its
// regular English endings.
func TestPlural(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		word string
		want bool
	}{
		{"presidents", true},
		{"ministers", true},
		{"secretaries", true}, // -y → -ies
		{"deputies", true},
		{"officials", true},
		{"president", false},
		{"series", false},
		{"countries", false}, // a country noun, no title
		{"ies", false},
	} {
		id := TitleHeads
		if c.word == "officials" {
			id = SourceNouns
		}
		if got := l.Plural(id, c.word); got != c.want {
			t.Errorf("Plural(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}
