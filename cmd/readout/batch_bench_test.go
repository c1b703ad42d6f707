package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/readout/readout/parser"
)

// BenchmarkBatch converts a corpus of 2,000 articles (the fixtures, each
// copy made unique by an appended sentence) into a fresh output folder per
// iteration, with one and two workers:
//
//	go test ./cmd/readout -run '^$' -bench Batch -benchtime 1x
func BenchmarkBatch(b *testing.B) {
	const n = 2000
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	makeCorpus(b, in, n)
	if err := parser.Warm(); err != nil { // load the models outside the timing
		b.Fatal(err)
	}
	for _, j := range []int{1, 2} {
		b.Run("j="+strconv.Itoa(j), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				out := filepath.Join(dir, "out-j"+strconv.Itoa(j)+"-"+strconv.Itoa(i))
				var errb bytes.Buffer
				code := run([]string{"batch", in, "--out", out, "-j", strconv.Itoa(j), "--quiet"},
					streams{in: strings.NewReader(""), out: &errb, err: &errb})
				if code != 0 {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
				b.StopTimer()
				os.RemoveAll(out)
				b.StartTimer()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
