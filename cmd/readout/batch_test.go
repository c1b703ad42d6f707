package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fixturesDir is absolute, for tests that change directory.
var fixturesDir, _ = filepath.Abs("../../testdata/fixtures")

// makeCorpus writes n articles under dir in nested folders, each a
// fixture (testdata/fixtures/*.txt, in turn) with a sentence appended that
// makes it unique.
func makeCorpus(tb testing.TB, dir string, n int) {
	tb.Helper()
	fixtures, err := filepath.Glob(filepath.Join(fixturesDir, "*.txt"))
	if err != nil || len(fixtures) == 0 {
		tb.Fatalf("no fixtures: %v", err)
	}
	texts := make([][]byte, len(fixtures))
	for i, f := range fixtures {
		if texts[i], err = os.ReadFile(f); err != nil {
			tb.Fatal(err)
		}
	}
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("group-%d", i%7), fmt.Sprintf("sub-%d", i%3), fmt.Sprintf("article-%05d.txt", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		text := append(bytes.Clone(texts[i%len(texts)]),
			fmt.Sprintf("\n\nOfficials said it was meeting number %d of the year.\n", i+1)...)
		if err := os.WriteFile(p, text, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// runIn runs the command line in-process with its own context, like run.
func runIn(ctx context.Context, args []string, in io.Reader, out, errw io.Writer) int {
	if in == nil {
		in = strings.NewReader("")
	}
	return runContext(ctx, args, streams{in: in, out: out, err: errw})
}

// readTree maps each file's path under dir to its content.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBatchSameBytesWhateverJobs(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp) // sources are relative paths, the same in both runs
	n := 50
	if raceDetector {
		n = 16
	}
	makeCorpus(t, "in", n)
	for _, format := range []string{"yaml", "json"} {
		trees := map[string]map[string][]byte{}
		for _, j := range []string{"1", "4"} {
			out := "out-" + format + "-j" + j
			var stdout, stderr bytes.Buffer
			code := run([]string{"batch", "in", "--out", out, "--format", format, "-j", j}, streams{in: strings.NewReader(""), out: &stdout, err: &stderr})
			if code != 0 {
				t.Fatalf("-j %s: exit %d: %s", j, code, stderr.String())
			}
			if want := fmt.Sprintf("readout: %d converted, 0 skipped, 0 failed in ", n); !strings.HasPrefix(stderr.String(), want) {
				t.Errorf("-j %s: stderr %q, want %q…", j, stderr.String(), want)
			}
			trees[j] = readTree(t, out)
		}
		if len(trees["1"]) != n {
			t.Fatalf("%s: %d outputs, want %d", format, len(trees["1"]), n)
		}
		for p, b := range trees["1"] {
			if !bytes.Equal(b, trees["4"][p]) {
				t.Errorf("%s: %s differs between -j 1 and -j 4", format, p)
			}
			if !bytes.Contains(b, []byte("readout/v1")) {
				t.Errorf("%s: %s has no schema", format, p)
			}
		}
		for p := range trees["4"] {
			if _, ok := trees["1"][p]; !ok {
				t.Errorf("%s: %s only at -j 4", format, p)
			}
		}
	}

	// --out - with jsonl: the same stream whatever -j, in walk order.
	var streams1 []byte
	for _, j := range []string{"1", "4"} {
		var stdout, stderr bytes.Buffer
		if code := runIn(context.Background(), []string{"batch", "in", "--out", "-", "--format", "jsonl", "-j", j}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("jsonl -j %s: exit %d: %s", j, code, stderr.String())
		}
		if j == "1" {
			streams1 = stdout.Bytes()
			lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
			if len(lines) != n {
				t.Fatalf("jsonl: %d lines, want %d", len(lines), n)
			}
			var walked []string
			filepath.WalkDir("in", func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					walked = append(walked, p)
				}
				return err
			})
			for i, l := range lines {
				if want := `"source":"` + filepath.ToSlash(walked[i]) + `"`; !strings.Contains(l, want) {
					t.Fatalf("jsonl line %d: want %s", i+1, want)
				}
			}
		} else if !bytes.Equal(stdout.Bytes(), streams1) {
			t.Errorf("jsonl output differs between -j 1 and -j 4")
		}
	}
}

// cancelOnWrite cancels a context at the first write (the first failure
// listed on stderr) and keeps what is written.
type cancelOnWrite struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	cancel context.CancelFunc
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cancel()
	return w.buf.Write(p)
}

func TestBatchInterruptAndResume(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp)
	const n = 40
	makeCorpus(t, "in", n)
	// A file in the middle of the walk is bad: listing it "presses Ctrl-C".
	if err := os.WriteFile(filepath.Join("in", "group-3", "a-bad.txt"), []byte("binary\x00data"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &cancelOnWrite{cancel: cancel}
	code := runIn(ctx, []string{"batch", "in", "--out", "out", "-j", "2"}, nil, io.Discard, stderr)
	if code != exitInput {
		t.Errorf("interrupted batch: exit %d, want 1", code)
	}
	msg := stderr.buf.String()
	if !strings.HasPrefix(msg, "readout: in/group-3/a-bad.txt: input is binary") ||
		!strings.Contains(msg, " converted, 0 skipped, 1 failed in ") ||
		!strings.HasSuffix(msg, "readout: interrupted; run the same command again to resume\n") {
		t.Errorf("interrupted batch: stderr\n%s", msg)
	}
	done := 0
	filepath.WalkDir("out", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.Contains(p, ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		b, _ := os.ReadFile(p)
		if !bytes.HasPrefix(b, []byte("schema: readout/v1\n")) {
			t.Errorf("%s: incomplete output", p)
		}
		done++
		return nil
	})
	if left, _ := filepath.Glob("out/.readout-tmp-*"); len(left) > 0 {
		t.Errorf("staging folder left: %v", left)
	}
	t.Logf("interrupted after %d of %d files", done, n)
	if done == 0 || done >= n {
		t.Errorf("interrupted batch converted %d of %d files, want some", done, n)
	}

	// The rerun converts what is left and skips what was done.
	var errb bytes.Buffer
	code = runIn(context.Background(), []string{"batch", "in", "--out", "out", "-j", "2"}, nil, io.Discard, &errb)
	want := fmt.Sprintf("readout: %d converted, %d skipped, 1 failed in ", n-done, done)
	if code != exitInput || !strings.Contains(errb.String(), want) {
		t.Errorf("resume: exit %d, stderr %q, want %q", code, errb.String(), want)
	}
}

// An empty record (what a crash before the batch's final flush can leave)
// is converted again, not skipped as up to date.
func TestBatchRedoesEmptyOutput(t *testing.T) {
	t.Chdir(t.TempDir())
	makeCorpus(t, "in", 3)
	var errb bytes.Buffer
	if code := runIn(context.Background(), []string{"batch", "in", "--out", "out", "-q"}, nil, io.Discard, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	empty := "out/group-1/sub-1/article-00001.yaml"
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	errb.Reset()
	if code := runIn(context.Background(), []string{"batch", "in", "--out", "out"}, nil, io.Discard, &errb); code != 0 ||
		!strings.HasPrefix(errb.String(), "readout: 1 converted, 2 skipped, 0 failed in ") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
	if b, _ := os.ReadFile(empty); !bytes.HasPrefix(b, []byte("schema: readout/v1\n")) {
		t.Errorf("%s not converted again: %q", empty, b)
	}
	if left, _ := filepath.Glob("out/.readout-tmp-*"); len(left) > 0 {
		t.Errorf("staging folder left: %v", left)
	}
}

func TestBatchUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	tmp := t.TempDir()
	t.Chdir(tmp)
	makeCorpus(t, "in", 6)
	if err := os.MkdirAll("out/group-1", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod("out/group-1", 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod("out/group-1", 0o755)
	var errb bytes.Buffer
	code := runIn(context.Background(), []string{"batch", "in", "--out", "out"}, nil, io.Discard, &errb)
	if code != exitInput {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errb.String(), "readout: in/group-1/sub-1/article-00001.txt: cannot create folder out/group-1/sub-1: permission denied\n") ||
		!strings.Contains(errb.String(), "readout: 5 converted, 0 skipped, 1 failed in ") {
		t.Errorf("stderr:\n%s", errb.String())
	}

	// --out itself cannot be created: one error.
	errb.Reset()
	code = runIn(context.Background(), []string{"batch", "in", "--out", "out/group-1/new"}, nil, io.Discard, &errb)
	if code != exitInput || errb.String() != "readout: cannot create output folder out/group-1/new: permission denied\n" {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

func TestStreamSameBytesWhateverJobs(t *testing.T) {
	tmp := t.TempDir()
	makeCorpus(t, tmp, 30)
	var in bytes.Buffer
	i := 0
	filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		i++
		if i%10 == 5 {
			in.WriteString("{\"id\": \"broken\"\n") // not JSON
		}
		fmt.Fprintf(&in, "{\"id\": %d, \"text\": %q}\n", i, b)
		return nil
	})
	var first []byte
	for _, j := range []string{"1", "4"} {
		var out, errb bytes.Buffer
		code := runIn(context.Background(), []string{"parse", "--input", "jsonl", "-j", j}, bytes.NewReader(in.Bytes()), &out, &errb)
		if code != exitInput {
			t.Errorf("-j %s: exit %d, want 1 (three bad lines)", j, code)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != 33 {
			t.Fatalf("-j %s: %d lines, want 33", j, len(lines))
		}
		id := 0
		for _, l := range lines {
			if strings.HasPrefix(l, `{"id":null,"line":`) && strings.Contains(l, `,"error":"not JSON: `) {
				continue
			}
			id++
			if want := fmt.Sprintf(`{"id":%d,"schema":"readout/v1","source":"%d",`, id, id); !strings.HasPrefix(l, want) {
				t.Fatalf("-j %s: line %q, want %s…", j, l[:min(len(l), 80)], want)
			}
		}
		if first == nil {
			first = out.Bytes()
		} else if !bytes.Equal(first, out.Bytes()) {
			t.Errorf("output differs between -j 1 and -j 4")
		}
	}
}

func TestStreamLongLines(t *testing.T) {
	// A line well over 64 KiB is read whole.
	para := "President X spoke with Prime Minister Y by phone on Monday. \"We will work together,\" X said.\n\n"
	long := strings.Repeat(para, 200_000/len(para))
	small := "Chancellor C met President D in Berlin on Tuesday."
	in := fmt.Sprintf("{\"id\":\"long\",\"text\":%q}\n{\"id\":\"small\",\"text\":%q}\n", long, small)
	var out, errb bytes.Buffer
	if code := runIn(context.Background(), []string{"parse", "--input", "jsonl"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":"long","schema":"readout/v1"`) || !strings.HasPrefix(lines[1], `{"id":"small","schema":"readout/v1"`) {
		t.Fatalf("output:\n%.300s", out.String())
	}

	// Over the limit (twice --max-bytes): an error record with the id read
	// from the line's start, or null when the id comes after the text, and
	// the line number; the stream goes on.
	in += fmt.Sprintf("{\"text\":%q,\"id\":\"late\"}\n", long)
	out.Reset()
	errb.Reset()
	code := runIn(context.Background(), []string{"parse", "--input", "jsonl", "--max-bytes", "1000"}, strings.NewReader(in), &out, &errb)
	if code != exitInput {
		t.Errorf("exit %d, want 1", code)
	}
	lines = strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 || lines[0] != `{"id":"long","line":1,"error":"line is longer than 2000 bytes (twice --max-bytes)"}` ||
		!strings.HasPrefix(lines[1], `{"id":"small","schema":"readout/v1"`) ||
		lines[2] != `{"id":null,"line":3,"error":"line is longer than 2000 bytes (twice --max-bytes)"}` {
		t.Fatalf("output:\n%.300s", out.String())
	}
	if errb.String() != "readout: <stdin>:1: line is longer than 2000 bytes (twice --max-bytes)\nreadout: <stdin>:3: line is longer than 2000 bytes (twice --max-bytes)\n" {
		t.Errorf("stderr %q", errb.String())
	}

	// A text over --max-bytes on a line within the limit: Convert refuses it.
	out.Reset()
	errb.Reset()
	in = fmt.Sprintf("{\"id\":7,\"text\":%q}\n", strings.Repeat("a", 1500))
	runIn(context.Background(), []string{"parse", "--input", "jsonl", "--max-bytes", "1000"}, strings.NewReader(in), &out, &errb)
	if got := out.String(); got != `{"id":7,"line":1,"error":"input is 1500 bytes, larger than --max-bytes 1000"}`+"\n" {
		t.Errorf("output %q", got)
	}
}

func TestInOrderBoundedAndOrdered(t *testing.T) {
	const workers, n = 3, 200
	var yielded, sunk atomic.Int64
	maxAhead := int64(0)
	source := func(yield func(int) bool) {
		for i := range n {
			if ahead := yielded.Load() - sunk.Load(); ahead > maxAhead {
				maxAhead = ahead
			}
			yielded.Add(1)
			if !yield(i) {
				return
			}
		}
	}
	work := func(ctx context.Context, i int) int {
		if i%50 == 0 { // a slow item holds the others back
			time.Sleep(20 * time.Millisecond)
		}
		return i * i
	}
	next := 0
	err := inOrder(context.Background(), workers, source, work, func(r int) error {
		if r != next*next {
			t.Fatalf("result %d at position %d", r, next)
		}
		next++
		sunk.Add(1)
		return nil
	})
	if err != nil || next != n {
		t.Fatalf("err %v, %d results", err, next)
	}
	// 2×workers in the window, plus one handed over by the source.
	if maxAhead > 2*workers+1 {
		t.Errorf("the source ran %d items ahead of the sink, want ≤ %d", maxAhead, 2*workers+1)
	}

	// A sink error stops the run: sink is not called again.
	stop := errors.New("stop")
	count := 0
	err = inOrder(context.Background(), workers, source, work, func(r int) error {
		count++
		if count == 10 {
			return stop
		}
		return nil
	})
	if err != stop || count != 10 {
		t.Errorf("err %v after %d results", err, count)
	}
}

func TestBatchProgressBar(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp)
	makeCorpus(t, "in", 12)
	os.WriteFile(filepath.Join("in", "group-0", "bad.txt"), []byte("\x00"), 0o644)
	var errb bytes.Buffer
	io := streams{in: strings.NewReader(""), out: io.Discard, err: &errb, errTerminal: true}
	root := newRootCmd(context.Background(), io)
	root.SetArgs([]string{"batch", "in", "--out", "out", "-j", "2"})
	root.Execute()
	got := errb.String()
	t.Logf("stderr: %q", got)
	if !strings.Contains(got, "converting") || !strings.Contains(got, "articles/s") {
		t.Errorf("no progress bar in %q", got)
	}
	// The failure and the summary each start on a cleared line.
	if !strings.Contains(got, "\rreadout: in/group-0/bad.txt: input is binary") {
		t.Errorf("failure not on a cleared line: %q", got)
	}
	if !strings.HasSuffix(got, "\rreadout: 12 converted, 0 skipped, 1 failed in "+got[strings.LastIndex(got, " in ")+4:]) {
		t.Errorf("summary not last, on a cleared line: %q", got)
	}

	// --quiet: no bar, no summary, but the failure.
	errb.Reset()
	root = newRootCmd(context.Background(), io)
	root.SetArgs([]string{"batch", "in", "--out", "out2", "--quiet"})
	root.Execute()
	if got := errb.String(); got != "readout: in/group-0/bad.txt: input is binary, not text (NUL byte at offset 0)\n" {
		t.Errorf("--quiet: stderr %q", got)
	}
}
