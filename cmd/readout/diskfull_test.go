//go:build unix

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// TestBatchStopsWhenTheDiskIsFull: the first "no space left on device"
// stops the batch; it is reported once, with the number of files left
// unconverted, and the exit code is 1. A rerun with space converts the
// rest.
func TestBatchStopsWhenTheDiskIsFull(t *testing.T) {
	t.Chdir(t.TempDir())
	const n = 40
	makeCorpus(t, "in", n)
	writes := 0
	stagingFault = func(string) error {
		if writes++; writes > 10 {
			return syscall.ENOSPC
		}
		return nil
	}
	defer func() { stagingFault = nil }()
	var errb bytes.Buffer
	code := runIn(context.Background(), []string{"batch", "in", "--out", "out", "-j", "1"}, nil, io.Discard, &errb)
	if code != exitInput {
		t.Errorf("exit %d, want 1", code)
	}
	want := `(?s)^readout: 10 converted, 0 skipped, 1 failed in [^\n]*\n` +
		`readout: in/group-\d/sub-\d/article-\d+\.txt: out/[^ ]+\.yaml: write failed: no space left on device; stopped, 30 files not converted \(free some space and run the same command again to resume\)\n$`
	if !regexp.MustCompile(want).MatchString(errb.String()) {
		t.Errorf("stderr:\n%s\nwant it to match %s", errb.String(), want)
	}
	if strings.Count(errb.String(), "no space left") != 1 {
		t.Errorf("the full disk is reported %d times", strings.Count(errb.String(), "no space left"))
	}
	stagingFault = nil
	errb.Reset()
	if code := runIn(context.Background(), []string{"batch", "in", "--out", "out"}, nil, io.Discard, &errb); code != 0 ||
		!strings.HasPrefix(errb.String(), "readout: 30 converted, 10 skipped, 0 failed") {
		t.Errorf("rerun: exit %d, stderr %q", code, errb.String())
	}
}

// TestBatchOnAFullFileSystem: the same on a real file system that fills
// up (a small tmpfs; needs the right to mount, so root on Linux).
func TestBatchOnAFullFileSystem(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	if err := mountSmallFS(out, 64<<10); err != nil {
		t.Skipf("cannot mount a small file system: %v", err)
	}
	defer unmount(out)
	t.Chdir(dir)
	const n = 200
	makeCorpus(t, "in", n)
	var errb bytes.Buffer
	code := runIn(context.Background(), []string{"batch", "in", "--out", "out", "-j", "2"}, nil, io.Discard, &errb)
	if code != exitInput || strings.Count(errb.String(), "no space left on device") != 1 ||
		!regexp.MustCompile(`no space left on device; stopped, \d+ files not converted`).MatchString(errb.String()) {
		t.Errorf("exit %d, stderr:\n%s", code, errb.String())
	}
	if left, _ := filepath.Glob("out/.readout-tmp-*"); len(left) > 0 {
		t.Errorf("staging folder left: %v", left)
	}
	filepath.WalkDir("out", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(p); !bytes.HasPrefix(b, []byte("schema: readout/v1\n")) {
				t.Errorf("%s: incomplete output", p)
			}
		}
		return nil
	})
}

// TestWriteErrorsOnStandardOutput: records that cannot be written to
// standard output (a full disk: /dev/full) are failures, not conversions,
// in a batch, a stream and parse.
func TestWriteErrorsOnStandardOutput(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	dir := t.TempDir()
	makeCorpus(t, filepath.Join(dir, "in"), 3)
	os.WriteFile(filepath.Join(dir, "in.jsonl"), []byte("{\"id\":1,\"text\":\"Chancellor C met President D.\"}\n"), 0o644)
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"batch", "in", "--out", "-", "-f", "jsonl", "-j", "1"},
			`(?s)^readout: 0 converted, 0 skipped, 1 failed in [^\n]*\nreadout: writing output: write /dev/stdout: no space left on device\n$`},
		{[]string{"parse", "--input", "jsonl", "in.jsonl"}, `^readout: writing output: write /dev/stdout: no space left on device\n$`},
		{[]string{"parse", "in/group-0/sub-0/article-00000.txt"}, `^readout: writing output: write /dev/stdout: no space left on device\n$`},
	} {
		cmd, errb := readoutProcess(t, dir, nil, full, tc.args...)
		if code := exitCode(t, cmd); code != exitInput || !regexp.MustCompile(tc.stderr).MatchString(errb.String()) {
			t.Errorf("%s: exit %d, stderr %q, want it to match %s", strings.Join(tc.args, " "), code, errb, tc.stderr)
		}
	}
}
