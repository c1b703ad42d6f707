package grammar

import (
	"testing"

	"github.com/readout/readout/lexicon"
)

// TestRequirements: a rule needs the lists its non-optional elements
// touch, and a list every alternative of an `any` touches, so that
// sentences without them are skipped; a list only some alternatives
// touch, or an optional element's, is no requirement.
func TestRequirements(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	speech, ok := g.Lex.ListID("speech_nouns")
	if !ok {
		t.Fatal("no list speech_nouns")
	}
	r := g.Rule("indirect.noun-content")
	if r == nil {
		t.Fatal("no rule indirect.noun-content")
	}
	if !r.needs.Has(speech) {
		t.Errorf("indirect.noun-content: both alternatives touch speech_nouns, but it is not required")
	}
	// the attribution of indirect.inverted is a speech verb or "according
	// to": speech_verbs is not required
	if r := g.Rule("indirect.inverted"); r == nil || r.needs.Has(lexicon.SpeechVerbs) {
		t.Errorf("indirect.inverted: speech_verbs required, though \"according to X\" has none")
	}
}
