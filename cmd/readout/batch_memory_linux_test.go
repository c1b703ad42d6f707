package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// BenchmarkBatchMemory measures the peak resident memory of a readout
// process converting 100 articles and 10,000 (with two workers): memory
// must be bounded by the workers, not by the number of files.
//
//	go test ./cmd/readout -run '^$' -bench BatchMemory -benchtime 1x
//
// The process is this test binary run as the readout command (TestMain
// puts it on PATH under that name), so no build is needed.
func BenchmarkBatchMemory(b *testing.B) {
	self, err := exec.LookPath("readout")
	if err != nil {
		b.Skip("readout command not on PATH:", err)
	}
	dir := b.TempDir()
	peak := map[int]int64{}
	for _, n := range []int{100, 10000} {
		in := filepath.Join(dir, "in-"+strconv.Itoa(n))
		makeCorpus(b, in, n)
		b.Run("files="+strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				out := filepath.Join(dir, "out-"+strconv.Itoa(n)+"-"+strconv.Itoa(i))
				cmd := exec.Command(self, "batch", in, "--out", out, "-j", "2", "--quiet")
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, msg)
				}
				rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024 // KiB on Linux
				peak[n] = max(peak[n], rss)
			}
			b.ReportMetric(float64(peak[n])/(1<<20), "peak-RSS-MiB")
		})
	}
	if peak[100] > 0 && peak[10000] > 0 {
		b.Logf("peak RSS: %.1f MiB for 100 articles, %.1f MiB for 10,000 (%.2f times)",
			float64(peak[100])/(1<<20), float64(peak[10000])/(1<<20), float64(peak[10000])/float64(peak[100]))
	}
}
