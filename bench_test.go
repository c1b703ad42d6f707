package readout

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// fixtureTexts loads the project's fixture articles (1–3 KB each).
func fixtureTexts(b *testing.B) [][]byte {
	b.Helper()
	paths, _ := filepath.Glob("testdata/fixtures/*.txt")
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
		if _, err := record.MarshalYAML(r); err != nil {
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

// BenchmarkSize converts one long article made of the fixtures repeated, at
// 100 KB, 1 MB and 10 MB: the time per byte should not grow with size.
func BenchmarkSize(b *testing.B) {
	texts := fixtureTexts(b)
	rules, err := DefaultRules()
	if err != nil {
		b.Fatal(err)
	}
	var all []byte
	for _, t := range texts {
		all = append(all, t...)
		all = append(all, "\n\n"...)
	}
	for _, size := range []struct {
		name string
		n    int
	}{{"100KB", 100 << 10}, {"1MB", 1 << 20}, {"10MB", 10 << 20}} {
		src := make([]byte, 0, size.n+len(all))
		for len(src) < size.n {
			src = append(src, all...)
		}
		src = src[:size.n]
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Convert(context.Background(), src, "bench", rules, Options{MaxBytes: 64 << 20}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
