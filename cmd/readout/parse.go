package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout"
	"github.com/readout/readout/record"

	"github.com/readout/readout/parser"
	"github.com/spf13/cobra"
)

type parseOptions struct {
	format   string
	table    string
	output   string
	maxBytes int
	input    string
	timeout  time.Duration
}

func newParseCmd(g *globalOptions, io streams) *cobra.Command {
	o := &parseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [FILE|URL...]",
		Short: "Extract the readout/v1 record of articles (text or HTML files, web pages, or stdin)",
		Long: "parse reads each FILE (or standard input when none is given, or for \"-\") and writes\n" +
			"its readout/v1 record: a YAML stream, one document per file (default), a JSON object\n" +
			"(an array for several files) or JSON Lines.\n\n" +
			"An HTML page (a .html, .htm or .xhtml file, any input that starts like one, a web page\n" +
			"given by its http:// or https:// URL, or --input html) is read for its article: the\n" +
			"headline and the paragraphs, without navigation, sidebars and footers. The record's\n" +
			"text field holds that text, and its spans are byte offsets into it. A URL is fetched\n" +
			"with a --timeout, refused over --max-bytes.\n\n" +
			"--format csv or tsv writes one table instead (--table quotes, speakers, counterparts\n" +
			"or pledges): a header row, then one row per item of every input, with the columns\n" +
			"source, id (q1, s1, c1, p1: the item's place in its list), the item's fields, start,\n" +
			"end (its span) and rule.",
		Example: "  readout parse article.txt\n  cat article.txt | readout parse --format json\n  readout parse a.txt b.txt --format jsonl -o out.jsonl\n" +
			"  readout parse page.html https://example.org/news/readout-of-the-call\n" +
			"  curl -s https://example.org/news/1 | readout parse --input html\n" +
			"  readout parse *.txt --format csv --table quotes -o quotes.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runParse(cmd, g, io, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "yaml", "output format: yaml, json, jsonl, or a table: csv or tsv")
	f.StringVar(&o.table, "table", "quotes", "with --format csv or tsv: the table to write, one row per item: quotes, speakers, counterparts or pledges")
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	f.IntVar(&o.maxBytes, "max-bytes", parser.DefaultMaxBytes, "refuse inputs larger than this many bytes")
	f.StringVar(&o.input, "input", "auto", "input kind: auto (HTML by URL content type, file extension or content, else text), text, html, or jsonl (one {\"id\", \"text\"} object per line, for stream engines)")
	f.DurationVar(&o.timeout, "timeout", defaultTimeout, "give up fetching a URL after this `DURATION` (e.g. 10s, 1m)")
	f.IntP("jobs", "j", 0, "with --input jsonl: convert `N` lines in parallel (default: the number of CPUs)")
	return cmd
}

func checkFormat(format string) error {
	if slices.Contains(record.Formats, format) {
		return nil
	}
	return usageErr("unknown --format %q (want yaml, json or jsonl)", format)
}

// isTable reports whether format is one of the table formats.
func isTable(format string) bool { return slices.Contains(record.TableFormats, format) }

// validate checks parse's flags.
func (o *parseOptions) validate(cmd *cobra.Command) error {
	if !isTable(o.format) && checkFormat(o.format) != nil {
		return usageErr("unknown --format %q (want yaml, json, jsonl, csv or tsv)", o.format)
	}
	if _, ok := record.TableColumns[o.table]; !ok {
		return usageErr("unknown --table %q (want quotes, speakers, counterparts or pledges)", o.table)
	}
	if cmd.Flags().Changed("table") && !isTable(o.format) {
		return usageErr("--table goes with --format csv or tsv (not %s)", o.format)
	}
	if !slices.Contains(inputKinds, o.input) {
		return usageErr("unknown --input %q (want auto, text, html or jsonl)", o.input)
	}
	if err := checkMaxBytes(o.maxBytes); err != nil {
		return err
	}
	if o.output != "" {
		// Renaming the finished file onto a folder fails with "file
		// exists"; say what is wrong before doing the work.
		if st, err := os.Stat(o.output); err == nil && st.IsDir() {
			return &exitError{code: exitInput, msg: pathName(o.output) + ": is a folder; -o needs a file name"}
		}
	}
	return nil
}

func runParse(cmd *cobra.Command, g *globalOptions, io streams, o *parseOptions, args []string) error {
	if err := o.validate(cmd); err != nil {
		return err
	}
	rules, err := g.loadRules()
	if err != nil {
		return err
	}
	if o.input == "jsonl" {
		return runParseStream(cmd, io, o, rules, args)
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	ctx := cmd.Context()
	var records []record.Readout
	failed := 0
	// The memory held for each input is released once every record is
	// encoded and written: encoding a large record is part of its cost.
	var releases []func()
	defer func() {
		for _, release := range releases {
			release()
		}
	}()
	for _, name := range args {
		src, opt, err := readSource(ctx, io, name, o)
		if err == nil {
			var r record.Readout
			releases = append(releases, holdMemoryFor(len(src)))
			r, err = readout.Convert(ctx, src, name, rules, opt)
			if err == nil {
				records = append(records, r)
				continue
			}
			err = fmt.Errorf("%s: %w", displayName(name), err)
		}
		if ctx.Err() != nil {
			return &exitError{code: exitInput, msg: "interrupted"}
		}
		fmt.Fprintln(io.err, "readout: "+oneLine(err.Error()))
		failed++
	}
	buf, err := encodeRecords(o, records, len(args))
	if err != nil {
		return &exitError{code: exitInput, msg: "encoding: " + err.Error()}
	}
	if o.output != "" {
		if len(records) > 0 || failed == 0 {
			if err := writeFileAtomic(o.output, buf.Bytes()); err != nil {
				return &exitError{code: exitInput, msg: err.Error()}
			}
		}
	} else if _, err := io.out.Write(buf.Bytes()); err != nil {
		return &exitError{code: exitInput, msg: "writing output: " + err.Error()}
	}
	if failed > 0 {
		return &exitError{code: exitInput, silent: true}
	}
	return nil
}

// encodeRecords encodes the records of n inputs in o's format: nothing
// when none converted (but for the empty array of several JSON inputs).
func encodeRecords(o *parseOptions, records []record.Readout, n int) (bytes.Buffer, error) {
	var buf bytes.Buffer
	var err error
	switch {
	case len(records) == 0 && !(o.format == "json" && n > 1):
	case isTable(o.format):
		err = record.EncodeTable(&buf, o.format, o.table, records)
	case o.format == "json" && n > 1 && len(records) == 1:
		// Several inputs always give an array, even if only one converted.
		err = record.EncodeJSONArray(&buf, records)
	default:
		err = record.Encode(&buf, o.format, records)
	}
	return buf, err
}

// checkMaxBytes refuses a --max-bytes that is not a positive size.
func checkMaxBytes(n int) error {
	if n <= 0 {
		return usageErr("--max-bytes must be a size in bytes above 0 (got %d)", n)
	}
	return nil
}

// displayName is how messages name an input given on the command line:
// "<stdin>" for "-", else pathName.
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return pathName(name)
}

// pathName is how messages name a file: as it is when it is made of plain
// printable characters, else quoted with Go's %q rules, so that a name
// with a line break, a tab, two spaces in a row, a space at an end, a
// terminal escape or bytes that are not UTF-8 is shown exactly and
// harmlessly ("a\nb.txt", "\x1b[2J.txt", "caf\xe9.txt").
func pathName(p string) string {
	if plainName(p) {
		return p
	}
	return strconv.Quote(p)
}

func plainName(p string) bool {
	if p == "" || !utf8.ValidString(p) || p[0] == ' ' || p[len(p)-1] == ' ' || strings.Contains(p, "  ") {
		return false
	}
	for _, r := range p {
		if r != ' ' && !unicode.IsGraphic(r) || unicode.IsSpace(r) && r != ' ' || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// pathNames lists paths for a message, each as pathName gives it.
func pathNames(paths []string) string {
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = pathName(p)
	}
	return strings.Join(names, ", ")
}

// readInput reads a file, or standard input for "-", refusing more than
// maxBytes without reading it all into memory.
func readInput(io streams, name string, maxBytes int) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = parser.DefaultMaxBytes
	}
	if name == "-" {
		b, err := readLimited(io.in, maxBytes)
		if err != nil {
			return nil, fmt.Errorf("<stdin>: %w", err)
		}
		return b, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pathName(name), describeOpenError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pathName(name), unwrapPath(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a folder, not a file (use 'readout batch' for folders)", pathName(name))
	}
	b, err := readLimited(f, maxBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pathName(name), unwrapPath(err))
	}
	return b, nil
}

func describeOpenError(err error) error {
	switch {
	case os.IsNotExist(err):
		return fmt.Errorf("no such file")
	case os.IsPermission(err):
		return fmt.Errorf("permission denied")
	}
	return unwrapPath(err)
}

func defaultMaxBytes() int { return parser.DefaultMaxBytes }

func readLimited(r io.Reader, maxBytes int) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(maxBytes)+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxBytes {
		return nil, fmt.Errorf("input is larger than --max-bytes %d", maxBytes)
	}
	return b, nil
}
