package legacy

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// fixtureTexts loads the project's fixture articles (1–3 KB each).
func fixtureTexts(b *testing.B) [][]byte {
	b.Helper()
	paths, _ := filepath.Glob("../testdata/fixtures/*.txt")
	if len(paths) == 0 {
		b.Skip("no fixtures")
	}
	var out [][]byte
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, t)
	}
	return out
}

// BenchmarkStages times each extractor stage on the fixtures, given a
// parsed document.
func BenchmarkStages(b *testing.B) {
	texts := fixtureTexts(b)
	rules, err := DefaultRules()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*parser.Document
	for _, t := range texts {
		d, err := parser.Parse(context.Background(), string(t))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	stages := []struct {
		name string
		run  func(x *state)
	}{
		{"mentions+resolve", func(x *state) { x.findMentions(); x.resolve(); x.mergeRoles() }},
		{"quotes", func(x *state) {
			x.findMentions()
			x.resolve()
			x.mergeRoles()
			x.directQuotes()
			x.reportedSpeech()
			x.attributeBareQuotes()
		}},
		{"all", func(x *state) {
			x.findMentions()
			x.resolve()
			x.mergeRoles()
			x.directQuotes()
			x.reportedSpeech()
			x.attributeBareQuotes()
			x.findCounterparts()
			x.findPledges()
			_ = x.toRecord("bench")
		}},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				st.run(newState(docs[i%len(docs)], rules))
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
	var records []record.Readout
	for _, d := range docs {
		r, _ := Extract(context.Background(), d, rules, "bench")
		records = append(records, r)
	}
	b.Run("encode-yaml", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := record.MarshalYAML(records[i%len(records)]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode-jsonl", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		for i := 0; i < b.N; i++ {
			buf.Reset()
			if err := record.Encode(&buf, "jsonl", records[i%len(records):i%len(records)+1]); err != nil {
				b.Fatal(err)
			}
		}
	})
}
