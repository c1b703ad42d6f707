package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// cancelAfterWrites cancels a context at the nth write, after a pause of
// up to maxDelay, and keeps what is written.
type cancelAfterWrites struct {
	mu       sync.Mutex
	buf      bytes.Buffer
	n        int
	delay    time.Duration
	cancel   context.CancelFunc
	canceled bool
}

func (w *cancelAfterWrites) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n--
	if w.n == 0 && !w.canceled {
		w.canceled = true
		go func() {
			time.Sleep(w.delay)
			w.cancel()
		}()
	}
	return w.buf.Write(p)
}

// TestInterruptedOutputIsAPrefix: a stream (parse --input jsonl) and a
// batch to standard output (batch --out - -f jsonl), interrupted at many
// points, write a contiguous prefix of what they write uninterrupted,
// ending at a line's end, and exit 1 with "interrupted". Long and short
// articles alternate, so that later lines often finish before earlier
// ones.
func TestInterruptedOutputIsAPrefix(t *testing.T) {
	dir := t.TempDir()
	fixtures, _ := filepath.Glob(filepath.Join(fixturesDir, "*.txt"))
	var stream bytes.Buffer
	const n = 48
	for i := range n {
		text := fmt.Sprintf("Foreign Minister Jan Ek met Chancellor Olaf Scholz on Monday, article %d.", i)
		if i%3 == 0 {
			b, err := os.ReadFile(fixtures[i%len(fixtures)])
			if err != nil {
				t.Fatal(err)
			}
			text = strings.Repeat(string(b)+"\n\n", 1+i%4)
		}
		fmt.Fprintf(&stream, "{\"id\":%d,\"text\":%q}\n", i, text)
		p := filepath.Join(dir, "in", fmt.Sprintf("a-%03d.txt", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(dir, "in")
	for _, tc := range []struct {
		name string
		args []string
		in   []byte
	}{
		{"stream", []string{"parse", "--input", "jsonl", "-j", "4"}, stream.Bytes()},
		{"batch", []string{"batch", in, "--out", "-", "-f", "jsonl", "-j", "4", "-q"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var full, errb bytes.Buffer
			if code := runIn(context.Background(), tc.args, bytes.NewReader(tc.in), &full, &errb); code != 0 {
				t.Fatalf("uninterrupted: exit %d: %s", code, errb.String())
			}
			if lines := strings.Count(full.String(), "\n"); lines != n {
				t.Fatalf("uninterrupted: %d lines, want %d", lines, n)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			shorter := 0
			rounds := 24
			if raceDetector {
				rounds = 6
			}
			for round := range rounds {
				ctx, cancel := context.WithCancel(context.Background())
				out := &cancelAfterWrites{n: 1 + rng.IntN(n/2), delay: time.Duration(rng.IntN(3000)) * time.Microsecond, cancel: cancel}
				var errb bytes.Buffer
				code := runIn(ctx, tc.args, bytes.NewReader(tc.in), out, &errb)
				cancel()
				got := out.buf.String()
				if !strings.HasPrefix(full.String(), got) || got != "" && !strings.HasSuffix(got, "\n") {
					t.Fatalf("round %d: the output (%d lines) is not a prefix of the uninterrupted output:\n%s", round, strings.Count(got, "\n"), lineIDs(got))
				}
				if len(got) < full.Len() {
					shorter++
					if code != exitInput || !strings.Contains(errb.String(), "readout: interrupted") {
						t.Errorf("round %d: exit %d, stderr %q", round, code, errb.String())
					}
				}
			}
			if shorter == 0 {
				t.Errorf("no round was interrupted before the end")
			}
		})
	}
}

// lineIDs lists the start of each line, to show where a hole is.
func lineIDs(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		b.WriteString(l[:min(len(l), 60)])
		b.WriteByte('\n')
	}
	return b.String()
}
