package score_test

import (
	"fmt"
	"log"

	"github.com/readout/readout/record"
	"github.com/readout/readout/score"
)

// ParseGold reads a gold file (docs/gold-format.md); Score matches a
// record against it as readout check does.
func ExampleScore() {
	gold, err := score.ParseGold("call.gold.yaml", []byte(`source: written for the example
speakers:
- name: Jan Ek
  title: Foreign Minister
- name: Anna Lind
quotes:
- speaker: Anna Lind
  kind: direct
  cue: said
  text: We agree on the next steps
counterparts:
- parties: [Jan Ek, Anna Lind]
  channel: call
pledges: []
`))
	if err != nil {
		log.Fatal(err)
	}
	ek := "Ek" // one word of the gold's name is enough
	found := record.Readout{
		Speakers: []record.Speaker{{Name: "Jan Ek"}},
		Quotes:   []record.Quote{{Speaker: &ek, Kind: record.Direct, Text: "We agree on the next steps, all of them", Span: record.Span{40, 79}}},
	}
	res := score.Score(score.FromReadout(found), gold)
	fmt.Printf("speakers F1 %.2f, quotes found %d of %d, attribution %.2f\n",
		res.Scores.Speakers.F1(), res.Scores.Direct.TP, res.Scores.Direct.Gold, res.Scores.Accuracy())
	fmt.Print(score.FormatDiff(res.Diff))
	// Output:
	// speakers F1 0.67, quotes found 1 of 1, attribution 0.00
	//   missing        speaker         Anna Lind  (gold line 5)
	//   wrong speaker  direct quote    [40, 79) found "Ek", gold "Anna Lind": "We agree on the next steps, all of them"
	//   missing        counterpart     Jan Ek with Anna Lind (call)  (gold line 12)
}

// Thresholds are check's --min floors.
func ExampleThresholds_Check() {
	th, err := score.ParseThresholds("quotes=0.9,pledges=0.5")
	if err != nil {
		log.Fatal(err)
	}
	s := score.Scores{Attributed: score.Count{TP: 8, Pred: 10, Gold: 10}, Pledges: score.Count{TP: 1, Pred: 1, Gold: 1}}
	for _, short := range th.Check(s) {
		fmt.Println(short)
	}
	// Output: quotes F1 0.800 < 0.900
}
