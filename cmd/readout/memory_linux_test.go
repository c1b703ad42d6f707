package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// largeArticle writes an article of n bytes made of the fixtures, one
// after another and again, as one input with paragraphs.
func largeArticle(tb testing.TB, path string, n int) {
	tb.Helper()
	fixtures, _ := filepath.Glob(filepath.Join(fixturesDir, "*.txt"))
	if len(fixtures) == 0 {
		tb.Fatal("no fixtures")
	}
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		t, err := os.ReadFile(fixtures[i%len(fixtures)])
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(t)
		b.WriteString("\n\n")
	}
	src := b.Bytes()[:n]
	for len(src) > 0 && src[len(src)-1]&0xC0 == 0x80 { // not in the middle of a character
		src = src[:len(src)-1]
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// peakRSS runs readout (this test binary, see TestMain) on args and
// returns its peak resident memory in bytes.
func peakRSS(tb testing.TB, args ...string) int64 {
	tb.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "READOUT_TEST_MAIN=1")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		tb.Fatalf("%v: %s", err, errb.String())
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024 // KiB on Linux
}

// BenchmarkLargeArticleMemory measures the peak resident memory of
// readout converting one large article (4 MB and 16 MB of news text), in
// MiB and as a multiple of the input's size.
//
//	go test ./cmd/readout -run '^$' -bench LargeArticleMemory -benchtime 1x
func BenchmarkLargeArticleMemory(b *testing.B) {
	dir := b.TempDir()
	for _, mb := range []int{4, 16} {
		in := filepath.Join(dir, fmt.Sprintf("article-%dmb.txt", mb))
		largeArticle(b, in, mb<<20)
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			peak := int64(0)
			for range b.N {
				peak = max(peak, peakRSS(b, "parse", "--format", "jsonl", "--max-bytes", fmt.Sprint(64<<20), in))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MiB")
			b.ReportMetric(float64(peak)/float64(mb<<20), "x-input")
		})
	}
}
