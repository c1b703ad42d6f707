package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
	"github.com/readout/readout/parser"
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

// BenchmarkConvert is the end-to-end pipeline per article (check, parse,
// extract, encode to YAML), on one goroutine.
func BenchmarkConvert(b *testing.B) {
	texts := fixtureTexts(b)
	rules, err := DefaultRules()
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := texts[i%len(texts)]
		r, err := Convert(context.Background(), t, "bench", rules, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := MarshalYAML(r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkProseBaseline is prose v3's tokenize+segment+tag alone on the
// same articles: the floor readout is measured against.
func BenchmarkProseBaseline(b *testing.B) {
	texts := fixtureTexts(b)
	tk := tokenize.New()
	sg, _ := segment.New()
	tg, _ := tag.New()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := string(texts[i%len(texts)])
		toks := tk.Tokenize(s)
		tg.TagTokens(toks)
		_ = sg.Segment(s)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkParse is the parser stage alone.
func BenchmarkParse(b *testing.B) {
	texts := fixtureTexts(b)
	_ = parser.Warm()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := parser.Parse(context.Background(), string(texts[i%len(texts)])); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
