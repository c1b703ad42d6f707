package readout

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

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

// warmUp runs convert over the texts, round after round, for at least
// warmUpTime, before a benchmark's timer starts: the figures are of the
// steady state a batch job runs in, and the same for readout and for
// prose. A process that has just started pays twice over in its first
// second: the models and the gazetteer load on first use (startup, which
// the gazetteer's BenchmarkLoad* and README's Performance section
// measure), and the heap grows through fresh pages that the kernel
// faults in and zeroes before the garbage collector's cycles start
// reusing them. Without it, BenchmarkConvert ran 300 iterations 35 %
// slower per article than 3,000, and its 0.5 s rounds in make bench 10 %
// below its steady state.
func warmUp(b *testing.B, texts [][]byte, convert func(t []byte)) {
	b.Helper()
	for start := time.Now(); time.Since(start) < warmUpTime; {
		for _, t := range texts {
			convert(t)
		}
	}
}

// warmUpTime: readout allocates about 150 KB an article, so 0.3 s is
// some 60 MB, past the collector's first cycles at the heap's steady
// size (about 40 MB).
const warmUpTime = 300 * time.Millisecond

// BenchmarkConvert is the end-to-end pipeline per article (check, parse,
// extract, encode to YAML), on one goroutine, at steady state (warmUp).
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
	convert := func(t []byte) {
		r, err := Convert(context.Background(), t, "bench", rules, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := record.MarshalYAML(r); err != nil {
			b.Fatal(err)
		}
	}
	warmUp(b, texts, convert)
	b.SetBytes(int64(total / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		convert(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkProseBaseline is prose v3's tokenize+segment+tag alone on the
// same articles, at steady state (warmUp): the floor readout is measured
// against.
func BenchmarkProseBaseline(b *testing.B) {
	texts := fixtureTexts(b)
	tk := tokenize.New()
	sg, _ := segment.New()
	tg, _ := tag.New()
	baseline := func(t []byte) {
		s := string(t)
		toks := tk.Tokenize(s)
		tg.TagTokens(toks)
		_ = sg.Segment(s)
	}
	warmUp(b, texts, baseline)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		baseline(texts[i%len(texts)])
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
