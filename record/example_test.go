package record_test

import (
	"log"
	"os"

	"github.com/readout/readout/record"
)

func exampleRecords() []record.Readout {
	ek := "Jan Ek"
	return []record.Readout{{
		Schema: record.Schema, Source: "call.txt",
		Provenance: record.Provenance{Version: "v1.0.0", Rules: "sha256:0f1e"},
		Speakers:   []record.Speaker{{Name: "Jan Ek", Title: "Foreign Minister", Aliases: []string{"Ek"}, Mentions: []record.Span{{17, 23}, {70, 72}}}},
		Quotes:     []record.Quote{{Speaker: &ek, Kind: record.Direct, Cue: "said", Text: "We agree, fully", Span: record.Span{50, 65}, Rule: "direct.cue-after"}},
	}}
}

// Encode writes records as YAML, JSON or JSON Lines.
func ExampleEncode() {
	if err := record.Encode(os.Stdout, "jsonl", exampleRecords()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {"schema":"readout/v1","source":"call.txt","provenance":{"version":"v1.0.0","rules":"sha256:0f1e"},"speakers":[{"name":"Jan Ek","title":"Foreign Minister","aliases":["Ek"],"mentions":[[17,23],[70,72]]}],"quotes":[{"speaker":"Jan Ek","kind":"direct","cue":"said","text":"We agree, fully","span":[50,65],"rule":"direct.cue-after"}],"counterparts":[],"pledges":[]}
}

// EncodeTable writes one table of the records, for spreadsheets.
func ExampleEncodeTable() {
	if err := record.EncodeTable(os.Stdout, "csv", "quotes", exampleRecords()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// source,id,speaker,kind,cue,text,start,end,rule
	// call.txt,q1,Jan Ek,direct,said,"We agree, fully",50,65,direct.cue-after
}
