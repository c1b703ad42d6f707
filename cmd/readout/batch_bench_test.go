package main

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/readout/readout/parser"
)

// BenchmarkBatch converts a corpus of 2,000 articles (the fixtures, each
// copy made unique by an appended sentence) into a fresh output folder per
// iteration, on one core with one worker and on two cores with two:
//
//	go test ./cmd/readout -run '^$' -bench Batch -benchtime 3x
//
// Outputs are kept until the benchmark ends: on ext4, creating files soon
// after deleting thousands costs several times more (the allocator skips
// recently freed inodes), which would measure the clean-up, not readout.
//
// "One core" pins every thread of the process to the first CPU (where the
// system allows it): limiting GOMAXPROCS alone would leave the kernel's
// share of the work (creating files) and the collector free to use a
// second core. Dirty pages are flushed before each timed run, so one run's
// write-back does not slow the next.
func BenchmarkBatch(b *testing.B) {
	const n = 2000
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	makeCorpus(b, in, n)
	if err := parser.Warm(); err != nil { // load the models outside the timing
		b.Fatal(err)
	}
	rate := map[int]float64{}
	for _, cores := range []int{1, 2} {
		b.Run("cores="+strconv.Itoa(cores), func(b *testing.B) {
			restore, err := pinToCPUs(cores)
			if err != nil {
				b.Logf("running unpinned: %v", err)
			}
			defer restore()
			flushFileSystems()
			cpu0 := processCPU()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(dir, "out-"+strconv.Itoa(cores)+"-"+strconv.Itoa(i))
				var errb bytes.Buffer
				code := run([]string{"batch", in, "--out", out, "-j", strconv.Itoa(cores), "--quiet"},
					streams{in: strings.NewReader(""), out: &errb, err: &errb})
				if code != 0 {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
				b.StopTimer()
				flushFileSystems()
				b.StartTimer()
			}
			rate[cores] = float64(n*b.N) / b.Elapsed().Seconds()
			b.ReportMetric(rate[cores], "articles/s")
			// Cores busy on average (flushes between runs included).
			b.ReportMetric((processCPU()-cpu0).Seconds()/b.Elapsed().Seconds(), "cores-used")
		})
	}
	if rate[1] > 0 && rate[2] > 0 {
		b.Logf("two cores convert %.2f times as many articles per second as one", rate[2]/rate[1])
	}
}
