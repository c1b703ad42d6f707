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
