package grammar

import (
	"testing"

	"github.com/readout/readout/lexicon"
)

// TestRequirements: a rule needs the lists its non-optional elements
// touch, and a list every alternative of an `any` touches, so that
// sentences without them are skipped; a list only some alternatives
// touch is no requirement.
func TestRequirements(t *testing.T) {
	src := []byte(`lists:
  colours: [red, green]
  shapes: [square, circle]
rules:
  - id: test.any
    doc: 'a test rule'
    produce: quote
    kind: indirect
    priority: 1
    pattern:
      - np: {}
        as: speaker
      - any:
          - - in: colours
            - in: shapes
          - - in: colours
      - content: clause
        as: text
    examples:
      - text: "Ana Ruiz red square the plan failed."
        expect: {speaker: Ana Ruiz}
    counterexamples:
      - "The plan failed."
`)
	g, err := LoadSources(lexicon.Source{Name: "test.yaml", Data: src})
	if err != nil {
		t.Fatal(err)
	}
	colours, _ := g.Lex.ListID("colours")
	shapes, _ := g.Lex.ListID("shapes")
	r := g.Rule("test.any")
	if !r.needs.Has(colours) {
		t.Errorf("colours, which every alternative touches, is not required")
	}
	if r.needs.Has(shapes) {
		t.Errorf("shapes, which one alternative touches, is required")
	}
}
