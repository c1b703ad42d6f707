package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"

	"github.com/readout/readout"
	"github.com/readout/readout/record"

	"github.com/spf13/cobra"
)

// streamLine is one line of a --input jsonl stream.
type streamLine struct {
	n       int    // line number, from 1
	data    []byte // the line without its line end; only its start when tooLong
	tooLong bool
}

type streamResult struct {
	data      []byte // the output line, a record or an error line
	problem   string // the line failed: "WHERE:N: problem" for stderr
	abandoned bool
}

// streamHead is how much of an over-long line is kept, to read its id.
const streamHead = 64 << 10

// utf8BOM may start a stream; it is skipped.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

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
		// The text is JSON-escaped on the line, so a line may be longer
		// than the text it carries; Convert holds the text to --max-bytes.
		lineLimit: 2 * o.maxBytes,
		stderr:    io.err, stdout: io.out,
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
	lineLimit      int
	stdout, stderr io.Writer
	failed         int

	mu      sync.Mutex
	readErr error // reading the input failed (not EOF)
}

// lines yields every line of in, blank ones too; a byte-order mark at the
// start is skipped.
func (s *streamRun) lines(in io.Reader) func(yield func(streamLine) bool) {
	return func(yield func(streamLine) bool) {
		br := bufio.NewReaderSize(in, 64<<10)
		for n := 1; ; n++ {
			line, ok, tooLong, err := readLine(br, s.lineLimit)
			if n == 1 {
				line = bytes.TrimPrefix(line, utf8BOM)
			}
			if ok && !yield(streamLine{n: n, data: line, tooLong: tooLong}) {
				return
			}
			if err != nil {
				if err != io.EOF {
					s.mu.Lock()
					s.readErr = err
					s.mu.Unlock()
				}
				return
			}
		}
	}
}

func (s *streamRun) readError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readErr
}

func (s *streamRun) work(ctx context.Context, l streamLine) streamResult {
	if ctx.Err() != nil {
		return streamResult{abandoned: true}
	}
	out, err := convertStreamLine(ctx, l, s.source, s.rules, s.maxBytes, s.lineLimit)
	if err != nil && ctx.Err() != nil {
		return streamResult{abandoned: true}
	}
	r := streamResult{data: out}
	if err != nil {
		r.problem = fmt.Sprintf("%s:%d: %v", s.where, l.n, err)
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

// convertStreamLine turns one input line into one output line. On error
// the output line is the error line, and the error is returned too.
func convertStreamLine(ctx context.Context, l streamLine, source string, rules *readout.Rules, maxBytes, lineLimit int) ([]byte, error) {
	var in record.StreamInput
	var err error
	if l.tooLong {
		in.ID = record.StreamLineID(l.data)
		err = fmt.Errorf("line is longer than %d bytes (twice --max-bytes)", lineLimit)
	} else {
		in, err = record.DecodeStreamLine(l.data)
	}
	if err == nil {
		var r record.Readout
		defer holdMemoryFor(len(in.Text))()
		r, err = readout.Convert(ctx, []byte(in.Text), in.Source(source+":"+strconv.Itoa(l.n)), rules, readout.Options{MaxBytes: maxBytes})
		if err == nil {
			var out []byte
			if out, err = record.AppendStreamLine(nil, record.StreamLine{ID: in.ID, Fields: in.Fields, Record: &r}); err == nil {
				return out, nil
			}
			err = fmt.Errorf("encoding: %w", err)
		}
	}
	out, e := record.AppendStreamLine(nil, record.StreamLine{ID: in.ID, Fields: in.Fields, Line: l.n, Error: err.Error()})
	if e != nil {
		out, _ = record.AppendStreamLine(nil, record.StreamLine{Line: l.n, Error: err.Error()})
	}
	return out, err
}

// readLine reads one line without its line end, however long. ok is
// false when there is no line left (after the last line end). A line
// longer than limit is read to its end but only its first streamHead
// bytes are kept, and tooLong is set. err is io.EOF after the last line.
func readLine(br *bufio.Reader, limit int) (line []byte, ok, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		ok = ok || len(chunk) > 0
		if !tooLong && len(line)+len(chunk) > limit+2 { // room for "\r\n"
			tooLong = true
		}
		keep := len(chunk)
		if tooLong {
			keep = max(0, min(keep, streamHead-len(line)))
		}
		line = append(line, chunk[:keep]...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if !tooLong {
			line = bytes.TrimSuffix(line, []byte("\n"))
			line = bytes.TrimSuffix(line, []byte("\r"))
		}
		return line, ok, tooLong, err
	}
}
