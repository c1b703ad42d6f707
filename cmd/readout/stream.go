package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"

	"github.com/readout/readout"
	"github.com/readout/readout/record"

	"github.com/readout/readout/parser"
	"github.com/spf13/cobra"
)

// streamLine is one line of a --input jsonl stream.
type streamLine struct {
	n       int // line number, from 1
	data    []byte
	tooLong bool
}

type streamResult struct {
	data      []byte // the output line, a record or {"id","error"}
	problem   string // the line failed: "WHERE:N: problem" for stderr
	abandoned bool
}

// runParseStream is --input jsonl: one {"id", "text"} object per line in,
// one JSON Lines record per line out, in input order, each carrying the
// line's id as its first field. A line that cannot be converted gives
// {"id": …, "error": "…"} and the stream goes on; the exit code is 1 at
// the end if any line failed. Blank lines are skipped.
func runParseStream(cmd *cobra.Command, io streams, o *parseOptions, rules *readout.Rules, args []string) error {
	if cmd.Flags().Changed("format") && o.format != "jsonl" {
		return usageErr("--input jsonl writes JSON Lines: use --format jsonl or leave --format out (not %s)", o.format)
	}
	if o.output != "" {
		return usageErr("--output is not supported with --input jsonl: redirect standard output instead")
	}
	if len(args) > 1 {
		return usageErr("--input jsonl reads one stream: give one FILE, or - for standard input (got %d)", len(args))
	}
	workers := runtime.NumCPU()
	if cmd.Flags().Lookup("jobs") != nil {
		if j, err := cmd.Flags().GetInt("jobs"); err == nil && j != 0 {
			workers = j
		}
	}
	if workers < 1 {
		return usageErr("-j must be at least 1 (got %d)", workers)
	}
	maxBytes := o.maxBytes
	if maxBytes <= 0 {
		maxBytes = parser.DefaultMaxBytes
	}
	name := "-"
	if len(args) == 1 {
		name = args[0]
	}
	in := io.in
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return &exitError{code: exitInput, msg: name + ": " + describeOpenError(err).Error()}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return &exitError{code: exitInput, msg: name + ": is a folder, not a file"}
		}
		in = f
	}
	where := displayName(name)

	// The text is JSON-escaped on the line, so a line may be longer than
	// the text it carries; Convert holds the text itself to --max-bytes.
	lineLimit := 2 * maxBytes
	var readErr struct {
		sync.Mutex
		err error
	}
	source := func(yield func(streamLine) bool) {
		br := bufio.NewReaderSize(in, 64<<10)
		for n := 1; ; n++ {
			line, tooLong, err := readLine(br, lineLimit)
			if tooLong || len(bytes.TrimSpace(line)) > 0 {
				if !yield(streamLine{n: n, data: line, tooLong: tooLong}) {
					return
				}
			}
			if err != nil {
				if !isEOF(err) {
					readErr.Lock()
					readErr.err = err
					readErr.Unlock()
				}
				return
			}
		}
	}
	work := func(ctx context.Context, l streamLine) streamResult {
		if ctx.Err() != nil {
			return streamResult{abandoned: true}
		}
		out, err := convertStreamLine(ctx, l, where, rules, maxBytes, lineLimit)
		if err != nil && ctx.Err() != nil {
			return streamResult{abandoned: true}
		}
		r := streamResult{data: out}
		if err != nil {
			r.problem = fmt.Sprintf("%s:%d: %v", where, l.n, err)
		}
		return r
	}
	failed := 0
	sink := func(r streamResult) error {
		if r.abandoned {
			// The output stays a prefix of the input: nothing after the
			// first line not finished, even lines that were.
			return errAbandoned
		}
		if r.problem != "" {
			failed++
			fmt.Fprintln(io.err, "readout: "+oneLine(r.problem))
		}
		if _, err := io.out.Write(r.data); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return nil
	}
	ctx := cmd.Context()
	if err := inOrder(ctx, workers, source, work, sink); err != nil && !errors.Is(err, errAbandoned) {
		return &exitError{code: exitInput, msg: err.Error()}
	}
	if ctx.Err() != nil {
		return &exitError{code: exitInput, msg: "interrupted"}
	}
	readErr.Lock()
	err := readErr.err
	readErr.Unlock()
	if err != nil {
		return &exitError{code: exitInput, msg: fmt.Sprintf("%s: reading: %v", where, unwrapPath(err))}
	}
	if failed > 0 {
		return &exitError{code: exitInput, silent: true}
	}
	return nil
}

// convertStreamLine turns one input line into one output line. On error
// the output line is {"id": …, "error": "…"} and the error is returned too.
func convertStreamLine(ctx context.Context, l streamLine, where string, rules *readout.Rules, maxBytes, lineLimit int) ([]byte, error) {
	id, text, err := decodeStreamLine(l, lineLimit)
	if err == nil {
		source := where + ":" + strconv.Itoa(l.n)
		if id != nil {
			source = idString(id)
		}
		var r record.Readout
		r, err = readout.Convert(ctx, []byte(text), source, rules, readout.Options{MaxBytes: maxBytes})
		if err == nil {
			var rec bytes.Buffer
			if err = record.Encode(&rec, "jsonl", []record.Readout{r}); err == nil {
				// {"schema":…} becomes {"id":…,"schema":…}.
				b := rec.Bytes()
				out := make([]byte, 0, len(b)+len(id)+8)
				out = append(out, `{"id":`...)
				if id == nil {
					out = append(out, "null"...)
				} else {
					out = append(out, id...)
				}
				out = append(out, ',')
				out = append(out, b[1:]...)
				return out, nil
			}
			err = fmt.Errorf("encoding: %w", err)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if e := enc.Encode(struct {
		ID    json.RawMessage `json:"id"`
		Error string          `json:"error"`
	}{id, oneLine(err.Error())}); e != nil {
		return []byte(`{"id":null,"error":"internal error"}` + "\n"), err
	}
	return buf.Bytes(), err
}

// decodeStreamLine reads {"id": …, "text": "…"}. id is the compacted raw
// JSON of the id (nil when absent or null), echoed as it came.
func decodeStreamLine(l streamLine, lineLimit int) (id json.RawMessage, text string, err error) {
	if l.tooLong {
		return nil, "", fmt.Errorf("line is longer than %d bytes (twice --max-bytes)", lineLimit)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(l.data, &fields); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, "", errors.New(`not a JSON object (want {"id": …, "text": "…"})`)
		}
		return nil, "", fmt.Errorf("not JSON: %v", err)
	}
	if raw, ok := fields["id"]; ok && !bytes.Equal(raw, []byte("null")) {
		var c bytes.Buffer
		if json.Compact(&c, raw) == nil {
			id = c.Bytes()
		} else {
			id = raw
		}
	}
	raw, ok := fields["text"]
	if !ok {
		return id, "", errors.New(`no "text" field`)
	}
	if bytes.Equal(raw, []byte("null")) || json.Unmarshal(raw, &text) != nil {
		return id, "", errors.New(`"text" is not a string`)
	}
	return id, text, nil
}

// idString is the record's source for an id: a string id as its text,
// any other (a number) as written.
func idString(id json.RawMessage) string {
	var s string
	if json.Unmarshal(id, &s) == nil {
		return s
	}
	return string(id)
}

func isEOF(err error) bool { return err == io.EOF }

// readLine reads one line without its line ending, however long: a line
// longer than limit is consumed and reported as tooLong (without its
// content). err is io.EOF after the last line.
func readLine(br *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > limit+2 { // room for "\r\n"
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, tooLong, err
	}
}
