// Package jsonl is stream mode's conversion of JSON Lines (readout parse
// --input jsonl), shared by the command and by programs that spread the
// lines of a stream over many workers (the Apache Beam pipeline in beam/):
// Reader splits an input into lines as stream mode does, and ConvertLine
// turns one line into its output line. Whoever calls them, the same line
// gives the same bytes.
//
// An input line is one JSON object, {"id": …, "text": "…", …}; its output
// line is the record or an error line (record.AppendStreamLine):
//
//	{"id": ID, FIELDS…, "schema": "readout/v1", "source": …, …}   the record
//	{"id": ID, FIELDS…, "line": N, "error": "…"}                  an error
package jsonl

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/readout/readout"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// HeadBytes is how much of a line longer than the reader's limit is kept:
// enough to read its id when the id comes first.
const HeadBytes = 64 << 10

// LineLimit is the longest line, in bytes without its line end, converted
// for texts of at most maxBytes (0 or less: parser.DefaultMaxBytes):
// twice maxBytes, since the text is JSON-escaped on the line and may be
// longer there than it is. Longer lines fail without being read whole.
func LineLimit(maxBytes int) int {
	if maxBytes <= 0 {
		maxBytes = parser.DefaultMaxBytes
	}
	return 2 * maxBytes
}

// Line is one line of an input.
type Line struct {
	N       int    // the line number, from 1
	Data    []byte // the line without its line end; only its first HeadBytes when TooLong
	TooLong bool   // longer than the reader's limit: Data is only its start
}

// utf8BOM may start an input; it is skipped.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Reader reads the lines of an input as stream mode does: every line,
// blank ones too, without its line end ("\n" or "\r\n"); a last line
// without a line end counts; a UTF-8 byte-order mark at the start is
// skipped; a line longer than the limit is read to its end but only its
// first HeadBytes are kept. Use it like a bufio.Scanner:
//
//	r := jsonl.NewReader(in, jsonl.LineLimit(maxBytes))
//	for r.Scan() {
//		l := r.Line()
//	}
//	if err := r.Err(); err != nil { … }
type Reader struct {
	br    *bufio.Reader
	limit int
	n     int
	line  Line
	err   error // the error that ends the input: io.EOF at its end
}

// NewReader reads in with lines of at most limit bytes kept whole (see
// LineLimit).
func NewReader(in io.Reader, limit int) *Reader {
	return &Reader{br: bufio.NewReaderSize(in, 64<<10), limit: limit}
}

// Scan reads the next line, for Line; false when there is none left, at
// the end of the input or when reading failed (see Err).
func (r *Reader) Scan() bool {
	for r.err == nil {
		r.n++
		data, ok, tooLong, err := readLine(r.br, r.limit)
		if r.n == 1 {
			data = bytes.TrimPrefix(data, utf8BOM)
		}
		r.err = err
		if ok {
			r.line = Line{N: r.n, Data: data, TooLong: tooLong}
			return true
		}
	}
	return false
}

// Line is the line Scan read. Its Data is a new slice for each line: it
// stays valid after the next Scan.
func (r *Reader) Line() Line { return r.line }

// Err is the error reading the input failed with, nil at its end.
func (r *Reader) Err() error {
	if r.err == io.EOF {
		return nil
	}
	return r.err
}

// readLine reads one line without its line end, however long. ok is
// false when there is no line left (after the last line end). A line
// longer than limit is read to its end but only its first HeadBytes
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
			keep = max(0, min(keep, HeadBytes-len(line)))
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

// Options for ConvertLine and ConvertInput.
type Options struct {
	// Source names the input, as stream mode's FILE argument (or
	// "<stdin>"): the record of a line without an id has the source
	// "Source:N".
	Source string
	// Rules are the rules to run; nil: the built-in rules.
	Rules *readout.Rules
	// MaxBytes refuses texts longer than this many bytes; 0 or less:
	// parser.DefaultMaxBytes. A line longer than LineLimit(MaxBytes)
	// fails (the Reader that read it set Line.TooLong).
	MaxBytes int
	// Hold, when set, is called with the length of a text in bytes just
	// before it is converted, and the function it returns once the output
	// line is made (the command raises its memory limit for large texts).
	Hold func(n int) (release func())
}

// Result is one line's conversion.
type Result struct {
	Output []byte          // the output line, ending in "\n": the record or the error line
	Record *record.Readout // the record; nil when the line failed
	Err    error           // why the line failed, as its error line says; nil with a record
}

// ConvertLine converts one input line, read by a Reader, into its output
// line. A line that cannot be decoded (record.DecodeStreamLine: blank, not
// a JSON object, no "text", …), is too long, or whose text readout.Convert
// refuses (binary, over MaxBytes, …) gives an error line, with Err set to
// the problem (one line, naming neither the input nor the line). Convert
// runs with readout.Options{MaxBytes: opt.MaxBytes}: a text that looks
// like an HTML page is read as one. When ctx is done the line fails with
// ctx's error.
func ConvertLine(ctx context.Context, l Line, opt Options) Result {
	var in record.StreamInput
	var err error
	if l.TooLong {
		in.ID = record.StreamLineID(l.Data)
		err = fmt.Errorf("line is longer than %d bytes (twice --max-bytes)", LineLimit(opt.MaxBytes))
	} else {
		in, err = record.DecodeStreamLine(l.Data)
	}
	if err != nil {
		return errorLine(in, l.N, err)
	}
	return ConvertInput(ctx, in, l.N, opt)
}

// ConvertInput converts a decoded input, line n of opt.Source, as
// ConvertLine converts the line it was decoded from: a program that has
// an article's id and text at hand (a text file named by its path, say)
// gets the output line of {"id": id, "text": text} without encoding it.
func ConvertInput(ctx context.Context, in record.StreamInput, n int, opt Options) Result {
	if opt.Hold != nil {
		defer opt.Hold(len(in.Text))()
	}
	maxBytes := opt.MaxBytes
	if maxBytes <= 0 {
		maxBytes = parser.DefaultMaxBytes
	}
	r, err := readout.Convert(ctx, []byte(in.Text), in.Source(opt.Source+":"+strconv.Itoa(n)), opt.Rules, readout.Options{MaxBytes: maxBytes})
	if err != nil {
		return errorLine(in, n, err)
	}
	out, err := record.AppendStreamLine(nil, record.StreamLine{ID: in.ID, Fields: in.Fields, Record: &r})
	if err != nil {
		return errorLine(in, n, fmt.Errorf("encoding: %w", err))
	}
	return Result{Output: out, Record: &r}
}

// errorLine is the result of line n failing with err: its error line has
// the id and fields of in when they can be written, else only the line
// number.
func errorLine(in record.StreamInput, n int, err error) Result {
	out, e := record.AppendStreamLine(nil, record.StreamLine{ID: in.ID, Fields: in.Fields, Line: n, Error: err.Error()})
	if e != nil {
		out, _ = record.AppendStreamLine(nil, record.StreamLine{Line: n, Error: err.Error()})
	}
	return Result{Output: out, Err: err}
}
