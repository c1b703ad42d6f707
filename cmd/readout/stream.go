package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/readout/readout"
	"github.com/readout/readout/jsonl"

	"github.com/spf13/cobra"
)

type streamResult struct {
	data      []byte // the output line, a record or an error line
	problem   string // the line failed: "WHERE:N: problem" for stderr
	abandoned bool
}

// runParseStream is --input jsonl: one {"id", "text", …} object per line
// in, one JSON line per input line out, in input order (see
// record.AppendStreamLine): the record after the line's id and its other
// fields, or, for a line that cannot be converted (a blank line too), an
// error line with the line number; the stream goes on and the exit code is
// 1 at the end. When interrupted, the output is the lines before the first
// line not finished.
func runParseStream(cmd *cobra.Command, io streams, o *parseOptions, rules *readout.Rules, args []string) error {
	workers, err := streamWorkers(cmd, o, args)
	if err != nil {
		return err
	}
	name := "-"
	if len(args) == 1 {
		name = args[0]
	}
	in := io.in
	if name != "-" {
		f, err := openStreamFile(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	source := name
	if name == "-" {
		source = "<stdin>"
	}
	s := &streamRun{
		where: displayName(name), source: source, rules: rules, maxBytes: o.maxBytes,
		stderr: io.err, stdout: io.out,
	}
	ctx := cmd.Context()
	if err := inOrder(ctx, workers, s.lines(in), s.work, s.sink); err != nil && !errors.Is(err, errAbandoned) {
		return &exitError{code: exitInput, msg: err.Error()}
	}
	switch err := s.readError(); {
	case ctx.Err() != nil:
		return &exitError{code: exitInput, msg: "interrupted"}
	case err != nil:
		return &exitError{code: exitInput, msg: fmt.Sprintf("%s: reading: %v", s.where, unwrapPath(err))}
	case s.failed > 0:
		return &exitError{code: exitInput, silent: true}
	}
	return nil
}

// streamWorkers checks the flags stream mode takes and returns -j.
func streamWorkers(cmd *cobra.Command, o *parseOptions, args []string) (int, error) {
	if cmd.Flags().Changed("format") && o.format != "jsonl" {
		return 0, usageErr("--input jsonl writes JSON Lines: use --format jsonl or leave --format out (not %s)", o.format)
	}
	if o.output != "" {
		return 0, usageErr("--output is not supported with --input jsonl: redirect standard output instead")
	}
	if len(args) > 1 {
		return 0, usageErr("--input jsonl reads one stream: give one FILE, or - for standard input (got %d)", len(args))
	}
	workers := runtime.NumCPU()
	if j, err := cmd.Flags().GetInt("jobs"); err == nil && j != 0 {
		workers = j
	}
	if workers < 1 {
		return 0, usageErr("-j must be at least 1 (got %d)", workers)
	}
	return workers, nil
}

func openStreamFile(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, &exitError{code: exitInput, msg: displayName(name) + ": " + describeOpenError(err).Error()}
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, &exitError{code: exitInput, msg: displayName(name) + ": is a folder, not a file"}
	}
	return f, nil
}

// streamRun is one stream's conversion: lines feeds inOrder, work runs in
// the workers, sink on the calling goroutine.
type streamRun struct {
	where          string // the stream's name for messages (displayName)
	source         string // and for records' sources, as given
	rules          *readout.Rules
	maxBytes       int
	stdout, stderr io.Writer
	failed         int

	mu      sync.Mutex
	readErr error // reading the input failed (not EOF)
}

// lines yields every line of in, blank ones too (jsonl.Reader).
func (s *streamRun) lines(in io.Reader) func(yield func(jsonl.Line) bool) {
	return func(yield func(jsonl.Line) bool) {
		r := jsonl.NewReader(in, jsonl.LineLimit(s.maxBytes))
		for r.Scan() {
			if !yield(r.Line()) {
				return
			}
		}
		if err := r.Err(); err != nil {
			s.mu.Lock()
			s.readErr = err
			s.mu.Unlock()
		}
	}
}

func (s *streamRun) readError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readErr
}

func (s *streamRun) work(ctx context.Context, l jsonl.Line) streamResult {
	if ctx.Err() != nil {
		return streamResult{abandoned: true}
	}
	res := jsonl.ConvertLine(ctx, l, jsonl.Options{Source: s.source, Rules: s.rules, MaxBytes: s.maxBytes, Hold: holdMemoryFor})
	if res.Err != nil && ctx.Err() != nil {
		return streamResult{abandoned: true}
	}
	r := streamResult{data: res.Output}
	if res.Err != nil {
		r.problem = fmt.Sprintf("%s:%d: %v", s.where, l.N, res.Err)
	}
	return r
}

func (s *streamRun) sink(r streamResult) error {
	if r.abandoned {
		// The output stays a prefix of the input: nothing after the
		// first line not finished, even lines that were.
		return errAbandoned
	}
	if r.problem != "" {
		s.failed++
		fmt.Fprintln(s.stderr, "readout: "+oneLine(r.problem))
	}
	if _, err := s.stdout.Write(r.data); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}
