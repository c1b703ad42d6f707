package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/readout/readout"
	"github.com/readout/readout/record"

	"github.com/readout/readout/parser"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

func init() {
	extraCommands = append(extraCommands, newBatchCmd)
}

type batchOptions struct {
	out      string
	glob     string
	format   string
	jobs     int
	maxBytes int
	force    bool
	quiet    bool
}

func newBatchCmd(g *globalOptions, io streams) *cobra.Command {
	o := &batchOptions{}
	cmd := &cobra.Command{
		Use:   "batch IN... --out DIR",
		Short: "Convert folders of articles in parallel, mirroring the tree under DIR",
		Long: "batch walks each IN folder (an IN that is a file is converted too), converts every file\n" +
			"whose name matches --glob in parallel, and writes DIR/<relative path>.yaml (or .json,\n" +
			".jsonl with --format), creating folders as needed. Outputs at least as new as their\n" +
			"input are skipped unless --force, so an interrupted batch resumes where it stopped.\n" +
			"With --out - and --format jsonl all records go to standard output, in input order.\n" +
			"A file that cannot be converted is reported on stderr and the rest go on (exit code 1).",
		Example: "  readout batch corpus --out records\n" +
			"  readout batch in/2024 in/2025 --out records --format json -j 8\n" +
			"  readout batch corpus --glob '*.md' --out - --format jsonl > records.jsonl",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErr("batch needs at least one input folder or file (see 'readout batch --help')")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBatch(cmd, g, io, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "write the records under folder `DIR` (\"-\": all to standard output, with --format jsonl)")
	f.StringVar(&o.glob, "glob", "*.txt", "convert files whose base name matches `PATTERN`")
	f.StringVarP(&o.format, "format", "f", "yaml", "output format: yaml, json or jsonl")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "convert `N` files in parallel")
	f.IntVar(&o.maxBytes, "max-bytes", parser.DefaultMaxBytes, "refuse inputs larger than this many bytes")
	f.BoolVar(&o.force, "force", false, "convert even when the output is up to date (at least as new as its input)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress bar and no summary (failures are still listed)")
	return cmd
}

// batchJob is one input file and where its record goes.
type batchJob struct {
	in  string // the file, as walked
	out string // the output file; "" with --out -
	err error  // found while walking: the file fails without being read
}

type batchStatus int

const (
	batchConverted batchStatus = iota
	batchSkipped
	batchFailed
	batchAbandoned // interrupted before or while converting
)

type batchResult struct {
	status   batchStatus
	problem  string // batchFailed: "PATH: problem"
	diskFull bool   // batchFailed: the output's disk is full (or over quota)
	data     []byte // --out -: the encoded record
}

type batchCounts struct{ converted, skipped, failed int }

// checkBatchOptions refuses flags that do not go together.
func checkBatchOptions(o *batchOptions) error {
	if err := checkFormat(o.format); err != nil {
		return err
	}
	if o.out == "" {
		return usageErr("batch needs --out DIR (or --out - with --format jsonl)")
	}
	if o.out == "-" && o.format != "jsonl" {
		return usageErr("--out - writes all records to standard output and needs --format jsonl (not %s)", o.format)
	}
	if o.jobs < 1 {
		return usageErr("-j must be at least 1 (got %d)", o.jobs)
	}
	if _, err := filepath.Match(o.glob, ""); err != nil {
		return usageErr("bad --glob %q: %v", o.glob, err)
	}
	return checkMaxBytes(o.maxBytes)
}

func runBatch(cmd *cobra.Command, g *globalOptions, io streams, o *batchOptions, roots []string) error {
	if err := checkBatchOptions(o); err != nil {
		return err
	}
	rules, err := g.loadRules()
	if err != nil {
		return err
	}
	for _, root := range roots {
		if _, err := os.Stat(root); err != nil {
			return &exitError{code: exitInput, msg: pathName(root) + ": " + rootProblem(err)}
		}
	}
	toStdout := o.out == "-"
	if !toStdout {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return &exitError{code: exitInput, msg: fmt.Sprintf("cannot create output folder %s: %v", pathName(o.out), unwrapPath(err))}
		}
		for _, dir := range removeStaleStaging(o.out) {
			fmt.Fprintf(io.err, "readout: removed %s, the staging folder of a batch that was killed\n", pathName(dir))
		}
	}
	start := time.Now()
	jobs := planBatch(roots, o)
	if len(jobs) == 0 && !o.quiet {
		fmt.Fprintf(io.err, "readout: no file matches %q in %s\n", o.glob, pathNames(roots))
	}
	b := &batchRun{io: io, o: o, toStdout: toStdout}
	if io.errTerminal && !o.quiet && len(jobs) > 0 {
		b.bar = newProgressBar(io, len(jobs))
	}
	var stage *stagingArea
	if !toStdout {
		stage = newStagingArea(o.out, o.jobs)
	}
	work := func(ctx context.Context, j batchJob) batchResult {
		return convertBatchFile(ctx, io, o, rules, stage, j)
	}
	ctx := cmd.Context()
	sinkErr := inOrder(ctx, o.jobs, sliceSeq(jobs), work, b.sink)
	if errors.Is(sinkErr, errAbandoned) {
		sinkErr = nil // interrupted: ctx says so
	}
	if stage != nil {
		if err := stage.finish(); err != nil && sinkErr == nil {
			sinkErr = err
		}
	}
	if b.bar != nil {
		b.bar.Clear()
	}
	if !o.quiet {
		fmt.Fprintln(io.err, batchSummary(b.n, time.Since(start)))
	}
	return b.exit(ctx, sinkErr, len(jobs))
}

func newProgressBar(io streams, n int) *progressbar.ProgressBar {
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(io.err),
		progressbar.OptionSetDescription("converting"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(true),
	)
}

// batchRun is what a batch's sink keeps: the counts and the progress bar.
type batchRun struct {
	io       streams
	o        *batchOptions
	toStdout bool
	bar      *progressbar.ProgressBar
	n        batchCounts
}

// errDiskFull stops a batch at the first file that could not be written
// for want of space: every later one would fail the same way.
type errDiskFull struct{ problem string }

func (e *errDiskFull) Error() string { return e.problem }

// sink takes each file's result, in input order, on the batch's goroutine.
func (b *batchRun) sink(r batchResult) error {
	switch r.status {
	case batchAbandoned:
		if b.toStdout {
			// The output stays a prefix of the input: nothing after the
			// first file not finished, even files that were.
			return errAbandoned
		}
		return nil
	case batchConverted:
		if b.toStdout {
			if _, err := b.io.out.Write(r.data); err != nil {
				b.n.failed++
				return fmt.Errorf("writing output: %w", err)
			}
		}
		b.n.converted++
	case batchSkipped:
		b.n.skipped++
	case batchFailed:
		b.n.failed++
		if r.diskFull {
			return &errDiskFull{r.problem} // reported once, by exit
		}
		if b.bar != nil {
			b.bar.Clear()
		}
		fmt.Fprintln(b.io.err, "readout: "+oneLine(r.problem))
	}
	if b.bar != nil {
		b.bar.Add(1)
	}
	return nil
}

// exit is the batch's outcome: the error that stopped it, an interrupt,
// failed files, or nil.
func (b *batchRun) exit(ctx context.Context, sinkErr error, jobs int) error {
	var full *errDiskFull
	switch {
	case errors.As(sinkErr, &full):
		left := jobs - b.n.converted - b.n.skipped - b.n.failed
		return &exitError{code: exitInput, msg: fmt.Sprintf("%s; stopped, %s files not converted (free some space and run the same command again to resume)",
			full.problem, thousands(left+1))}
	case sinkErr != nil:
		return &exitError{code: exitInput, msg: sinkErr.Error()}
	case ctx.Err() != nil:
		if b.toStdout {
			return &exitError{code: exitInput, msg: "interrupted"}
		}
		return &exitError{code: exitInput, msg: "interrupted; run the same command again to resume"}
	case b.n.failed > 0:
		return &exitError{code: exitInput, silent: true}
	}
	return nil
}

// convertBatchFile converts one file; it runs in a worker goroutine.
func convertBatchFile(ctx context.Context, io streams, o *batchOptions, rules *readout.Rules, stage *stagingArea, j batchJob) batchResult {
	fail := func(format string, args ...any) batchResult {
		return batchResult{status: batchFailed, problem: fmt.Sprintf(format, args...)}
	}
	if j.err != nil {
		return fail("%s: %v", pathName(j.in), j.err)
	}
	if ctx.Err() != nil {
		return batchResult{status: batchAbandoned}
	}
	if j.out != "" && !o.force && upToDate(j.in, j.out) {
		return batchResult{status: batchSkipped}
	}
	src, err := readInput(io, j.in, o.maxBytes) // the error names the file
	if err != nil {
		return fail("%v", err)
	}
	release := holdMemoryFor(len(src))
	defer release()
	r, err := readout.Convert(ctx, src, j.in, rules, readout.Options{MaxBytes: o.maxBytes})
	if err != nil {
		if ctx.Err() != nil {
			return batchResult{status: batchAbandoned}
		}
		return fail("%s: %v", pathName(j.in), err)
	}
	var buf bytes.Buffer
	if err := record.Encode(&buf, o.format, []record.Readout{r}); err != nil {
		return fail("%s: encoding: %v", pathName(j.in), err)
	}
	if j.out == "" {
		return batchResult{status: batchConverted, data: buf.Bytes()}
	}
	if dir := filepath.Dir(j.out); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			r := fail("%s: cannot create folder %s: %v", pathName(j.in), pathName(dir), unwrapPath(err))
			r.diskFull = isDiskFull(err)
			return r
		}
	}
	if err := stage.write(j.out, buf.Bytes()); err != nil {
		r := fail("%s: %v", pathName(j.in), err) // the error names the output
		r.diskFull = isDiskFull(err)
		return r
	}
	return batchResult{status: batchConverted}
}

// isDiskFull reports an error for want of space: the disk is full or the
// user's quota is spent.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// upToDate reports whether out exists and is at least as new as in. (Equal
// times count as up to date, like make: file systems with coarse
// timestamps would otherwise redo every file written in the same tick.)
// An empty out is never up to date: no record is empty, and a crash before
// the batch's final flush can leave one so.
func upToDate(in, out string) bool {
	ost, err := os.Stat(out)
	if err != nil || ost.Size() == 0 {
		return false
	}
	ist, err := os.Stat(in)
	if err != nil {
		return false
	}
	return !ost.ModTime().Before(ist.ModTime())
}

// planBatch lists the files to convert, in input order: the roots in the
// order given, each folder walked in lexical order. Symbolic links to
// folders are not followed (so a loop cannot hang the walk); a link to a
// file is read like the file; a broken link, an unreadable folder or an
// output path two inputs would share becomes a failed job. Only paths
// are collected here, never contents.
func planBatch(roots []string, o *batchOptions) []batchJob {
	toStdout := o.out == "-"
	ext := "." + o.format
	absOut := ""
	if !toStdout {
		absOut, _ = filepath.Abs(o.out)
	}
	var jobs []batchJob
	outputs := make(map[string]string) // output → the input that claimed it
	add := func(in, rel string, err error) {
		j := batchJob{in: in, err: err}
		if !toStdout {
			j.out = filepath.Join(o.out, strings.TrimSuffix(rel, filepath.Ext(rel))+ext)
			if err == nil {
				if prev, ok := outputs[j.out]; ok {
					j.err = fmt.Errorf("output %s is also the output of %s (rename one, or convert them separately)", pathName(j.out), pathName(prev))
				} else {
					outputs[j.out] = in
				}
			}
		}
		jobs = append(jobs, j)
	}
	for _, root := range roots {
		st, err := os.Stat(root)
		if err != nil { // vanished since runBatch checked
			add(root, filepath.Base(root), errors.New(rootProblem(err)))
			continue
		}
		if !st.IsDir() {
			in := root
			if in == "-" {
				in = "." + string(filepath.Separator) + "-" // a file, not stdin
			}
			add(in, filepath.Base(root), nil)
			continue
		}
		// A trailing separator makes WalkDir enter a root that is a
		// symbolic link to a folder.
		walkRoot := root
		if !os.IsPathSeparator(walkRoot[len(walkRoot)-1]) {
			walkRoot += string(filepath.Separator)
		}
		absRoot, _ := filepath.Abs(walkRoot)
		filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				add(path, "", fmt.Errorf("cannot read folder: %v", unwrapPath(err)))
				return nil
			}
			if d.IsDir() {
				return nil
			}
			name := d.Name()
			if ok, _ := filepath.Match(o.glob, name); !ok {
				return nil
			}
			rel, err := filepath.Rel(walkRoot, path)
			if err != nil {
				rel = name
			}
			if absOut != "" && isOwnOutput(absOut, filepath.Join(absRoot, rel), name, ext) {
				return nil
			}
			mode := d.Type()
			if mode&fs.ModeSymlink != 0 {
				st, err := os.Stat(path)
				switch {
				case errors.Is(err, fs.ErrNotExist):
					add(path, rel, errors.New("broken symbolic link"))
					return nil
				case err != nil:
					add(path, rel, fmt.Errorf("symbolic link: %v", unwrapPath(err)))
					return nil
				case st.IsDir():
					return nil // not followed
				}
				mode = st.Mode().Type()
			}
			if !mode.IsRegular() {
				add(path, rel, errors.New("not a regular file"))
				return nil
			}
			add(path, rel, nil)
			return nil
		})
	}
	return jobs
}

// isOwnOutput reports a file in the output folder that a batch writes
// (a record or a temporary file), so that --out inside an input folder
// does not convert its own outputs.
func isOwnOutput(absOut, abs, name, ext string) bool {
	if !strings.HasPrefix(abs, absOut+string(filepath.Separator)) {
		return false
	}
	return filepath.Ext(name) == ext || strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp-")
}

func rootProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return unwrapPath(err).Error()
}

func batchSummary(n batchCounts, elapsed time.Duration) string {
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(n.converted) / s
	}
	return fmt.Sprintf("readout: %s converted, %s skipped, %s failed in %s (%s articles/s)",
		thousands(n.converted), thousands(n.skipped), thousands(n.failed),
		shortDuration(elapsed), thousands(int(math.Round(rate))))
}

// thousands formats 2000 as "2,000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// shortDuration formats 1.93s as "1.9s" and longer runs as "2m5s".
func shortDuration(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	return d.Round(time.Second).String()
}

func sliceSeq[T any](s []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

// errAbandoned is what a sink returns to stop an inOrder run at an item
// that was abandoned (interrupted before it finished), so that what was
// written is a contiguous prefix of the input.
var errAbandoned = errors.New("abandoned")

// inOrder runs work on every item of source in up to workers goroutines and
// hands the results to sink one at a time, in source order, on the calling
// goroutine. At most 2×workers items are being worked on or waiting for an
// earlier one (a reorder buffer bounded by the number of workers, not by
// the number of items), and source is read only as fast as that allows.
//
// When ctx is cancelled no further item is started; every item already
// handed to a worker still reaches sink (work should check ctx and give
// up early). When sink returns an error the rest is abandoned the same way
// and that error is returned. A sink that must write a contiguous prefix
// of the input returns errAbandoned for the first item work gave up on:
// later items, even finished ones, then never reach it. source runs in its own goroutine; if it is
// blocked (reading a pipe) when the run is cancelled it is left behind.
func inOrder[T, R any](ctx context.Context, workers int, source iter.Seq[T], work func(context.Context, T) R, sink func(R) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := 2 * workers

	items := make(chan T)
	go func() {
		defer close(items)
		for v := range source {
			select {
			case items <- v:
			case <-ctx.Done():
				return
			}
		}
	}()

	type job struct {
		i int
		v T
	}
	type result struct {
		i int
		r R
	}
	tokens := make(chan struct{}, window) // one per item between dispatch and sink
	jobs := make(chan job)
	go func() {
		defer close(jobs)
		for i := 0; ; i++ {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			var v T
			select {
			case w, ok := <-items:
				if !ok {
					return
				}
				v = w
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{i, v}:
			case <-ctx.Done():
				return
			}
		}
	}()

	// The tokens keep at most window results outstanding, so a worker
	// never blocks sending one.
	results := make(chan result, window)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				results <- result{j.i, work(ctx, j.v)}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := make(map[int]R, window)
	next := 0
	var err error
	for res := range results {
		pending[res.i] = res.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			if err == nil {
				if err = sink(r); err != nil {
					cancel()
				}
			}
		}
	}
	return err
}
