//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// readoutProcess starts the test binary as readout (see TestMain) in dir.
func readoutProcess(t *testing.T, dir string, stdin io.Reader, stdout io.Writer, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "READOUT_TEST_MAIN=1")
	cmd.Stdin = stdin
	cmd.Stdout = stdout
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errb
}

// waitFor polls until ok holds, for at most 20 s.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// exitCode waits for the process and returns its exit code (-1 when a
// signal killed it).
func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// TestSignalsStopABatchCleanly: SIGINT and SIGTERM stop a batch the same
// way: the staging folder is removed, the summary printed, and the exit
// code is 128 + the signal (130, 143). A rerun converts the rest.
func TestSignalsStopABatchCleanly(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			const n = 600
			makeCorpus(t, filepath.Join(dir, "in"), n)
			cmd, errb := readoutProcess(t, dir, nil, io.Discard, "batch", "in", "--out", "out", "-j", "2")
			waitFor(t, "a first record", func() bool {
				m, _ := filepath.Glob(filepath.Join(dir, "out", "group-*", "sub-*", "*.yaml"))
				return len(m) > 0
			})
			cmd.Process.Signal(tc.sig)
			if code := exitCode(t, cmd); code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errb)
			}
			if !strings.Contains(errb.String(), " converted, 0 skipped, 0 failed in ") || !strings.HasSuffix(errb.String(), "readout: interrupted; run the same command again to resume\n") {
				t.Errorf("stderr:\n%s", errb)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, "out", ".readout-tmp-*")); len(left) > 0 {
				t.Errorf("staging folder left: %v", left)
			}
			var rerun bytes.Buffer
			t.Chdir(dir)
			if code := runIn(context.Background(), []string{"batch", "in", "--out", "out"}, nil, io.Discard, &rerun); code != 0 ||
				!strings.Contains(rerun.String(), " skipped, 0 failed") || strings.Contains(rerun.String(), " 0 skipped") {
				t.Errorf("rerun: exit %d, %s", code, rerun.String())
			}
		})
	}
}

// TestSignalStopsAStream: SIGINT and SIGTERM stop a stream at the first
// line not finished (the output is a prefix of the full output) with exit
// code 130 or 143.
func TestSignalStopsAStream(t *testing.T) {
	dir := t.TempDir()
	fixtures, _ := filepath.Glob(filepath.Join(fixturesDir, "*.txt"))
	var in bytes.Buffer
	for i := range 2000 {
		b, err := os.ReadFile(fixtures[i%len(fixtures)])
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&in, "{\"id\":%d,\"text\":%q}\n", i, b)
	}
	var full, errb bytes.Buffer
	if code := runIn(context.Background(), []string{"parse", "--input", "jsonl", "-j", "2"}, bytes.NewReader(in.Bytes()), &full, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			out := &lockedBuffer{}
			cmd, errb := readoutProcess(t, dir, bytes.NewReader(in.Bytes()), out, "parse", "--input", "jsonl", "-j", "2")
			waitFor(t, "a first line", func() bool { return out.Len() > 0 })
			cmd.Process.Signal(tc.sig)
			if code := exitCode(t, cmd); code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errb)
			}
			got := out.String()
			if !strings.HasPrefix(full.String(), got) || !strings.HasSuffix(got, "\n") || len(got) == full.Len() {
				t.Errorf("the output (%d of %d lines) is not a proper prefix of the full output", strings.Count(got, "\n"), strings.Count(full.String(), "\n"))
			}
			if errb.String() != "readout: interrupted\n" {
				t.Errorf("stderr %q", errb)
			}
		})
	}
}

// TestRerunRemovesStaleStaging: a batch killed with SIGKILL leaves its
// staging folder; the next batch into the same folder removes it and says
// so, while a staging folder another running batch holds is left alone.
func TestRerunRemovesStaleStaging(t *testing.T) {
	dir := t.TempDir()
	makeCorpus(t, filepath.Join(dir, "in"), 600)
	cmd, _ := readoutProcess(t, dir, nil, io.Discard, "batch", "in", "--out", "out", "-j", "2")
	var stale []string
	waitFor(t, "a staging folder with a record in it", func() bool {
		stale, _ = filepath.Glob(filepath.Join(dir, "out", ".readout-tmp-*"))
		m, _ := filepath.Glob(filepath.Join(dir, "out", "group-*", "sub-*", "*.yaml"))
		return len(stale) == 1 && len(m) > 0
	})
	cmd.Process.Kill()
	cmd.Wait()
	if _, err := os.Stat(stale[0]); err != nil {
		t.Fatalf("the killed batch left no staging folder: %v", err)
	}
	// A staging folder in use: locked, as a running batch holds its own.
	busy := filepath.Join(dir, "out", ".readout-tmp-busy")
	os.Mkdir(busy, 0o755)
	lock, _, err := lockFolder(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()

	t.Chdir(dir)
	var errb bytes.Buffer
	if code := runIn(context.Background(), []string{"batch", "in", "--out", "out", "-j", "2"}, nil, io.Discard, &errb); code != 0 {
		t.Fatalf("rerun: exit %d: %s", code, errb.String())
	}
	rel, _ := filepath.Rel(dir, stale[0])
	want := "readout: removed " + rel + ", the staging folder of a batch that was killed\n"
	if !strings.HasPrefix(errb.String(), want) {
		t.Errorf("stderr %q, want it to start %q", errb.String(), want)
	}
	if _, err := os.Stat(stale[0]); err == nil {
		t.Errorf("%s is still there", stale[0])
	}
	if _, err := os.Stat(busy); err != nil {
		t.Errorf("the staging folder in use was removed: %v", err)
	}
}

// lockedBuffer is a bytes.Buffer safe to write from a process's output
// copier while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
