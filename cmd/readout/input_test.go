package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/readout/readout/record"
)

// Defined behaviour for bad input (issue 8). Scripts in
// testdata/script/input*.txtar and errors.txtar cover the same ground from
// the shell; these tests check what a script cannot easily: exact spans,
// generated inputs, failing writers.

// writeInput writes b to a file in a fresh temporary folder.
func writeInput(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkErrorMessage: an error is one line naming the input (or output)
// and the problem, with no Go internals.
func checkErrorMessage(t *testing.T, stderr, name, problem string) {
	t.Helper()
	if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr is not one line: %q", stderr)
	}
	if !strings.HasPrefix(stderr, "readout: "+name+": ") {
		t.Errorf("stderr %q does not start with %q", stderr, "readout: "+name+": ")
	}
	if !strings.Contains(stderr, problem) {
		t.Errorf("stderr %q does not say %q", stderr, problem)
	}
	for _, bad := range []string{"goroutine", "panic", ".go:", "internal error"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr %q holds %q", stderr, bad)
		}
	}
}

// parseJSON runs parse --format json on a file and returns the record,
// checked against the contract for the file's bytes.
func parseJSON(t *testing.T, path string, extra ...string) record.Readout {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"parse", "--format", "json"}, extra...)
	code, out, errs := runCmd(t, "", append(args, path)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if errs != "" {
		t.Errorf("stderr: %s", errs)
	}
	var r record.Readout
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not a JSON record: %v", err)
	}
	if r.Text != "" { // HTML: the spans index the extracted text
		src = []byte(r.Text)
	}
	for _, msg := range contractErrors(string(src), r) {
		t.Error(msg)
	}
	return r
}

func hasWarningWith(r record.Readout, sub string) bool {
	for _, w := range r.Warnings {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

const article = "Minister Jan Ek talks\n\n“We agree on this,” Foreign Minister Jan Ek said on Monday.\n\nEk said that the talks were productive.\n"

func TestEmptyInputIsAnEmptyRecord(t *testing.T) {
	for name, text := range map[string]string{
		"empty":        "",
		"white space":  " \n\t\r\n  \n",
		"BOM only":     "\ufeff",
		"BOM and CRLF": "\ufeff\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			p := writeInput(t, "in.txt", []byte(text))
			r := parseJSON(t, p)
			if len(r.Speakers)+len(r.Quotes)+len(r.Counterparts)+len(r.Pledges)+len(r.Warnings) != 0 || r.Title != "" {
				t.Errorf("record not empty: %+v", r)
			}
			// YAML writes the empty lists as [].
			code, out, _ := runCmd(t, "", "parse", p)
			if code != 0 || !strings.Contains(out, "speakers: []\nquotes: []\ncounterparts: []\npledges: []\n") {
				t.Errorf("exit %d, YAML:\n%s", code, out)
			}
		})
	}
	// And from standard input.
	code, out, errs := runCmd(t, "", "parse")
	if code != 0 || !strings.Contains(out, "source: '-'") && !strings.Contains(out, `source: "-"`) {
		t.Errorf("stdin: exit %d, %s%s", code, out, errs)
	}
}

// TestByteOrderMark: the BOM is skipped and the spans count its bytes.
func TestByteOrderMark(t *testing.T) {
	plain := parseJSON(t, writeInput(t, "plain.txt", []byte(article)))
	withBOM := parseJSON(t, writeInput(t, "bom.txt", []byte("\ufeff"+article)))
	if len(plain.Quotes) == 0 || len(withBOM.Quotes) != len(plain.Quotes) {
		t.Fatalf("quotes: %d without BOM, %d with", len(plain.Quotes), len(withBOM.Quotes))
	}
	for i := range plain.Quotes {
		if got, want := withBOM.Quotes[i].Span, (record.Span{plain.Quotes[i].Span[0] + 3, plain.Quotes[i].Span[1] + 3}); got != want {
			t.Errorf("quote %d: span %v with BOM, want %v", i, got, want)
		}
	}
	if withBOM.Title != plain.Title || len(withBOM.Warnings) != 0 {
		t.Errorf("title %q, warnings %q", withBOM.Title, withBOM.Warnings)
	}
}

func TestInvalidUTF8IsProcessedWithAWarning(t *testing.T) {
	src := strings.Replace(article, "Monday", "Mon\xffday", 1) + "Caf\xe9 owners said that prices \xc3 were rising.\n"
	r := parseJSON(t, writeInput(t, "latin1.txt", []byte(src)))
	if !hasWarningWith(r, "invalid UTF-8 at byte") {
		t.Errorf("warnings %q, want one about invalid UTF-8", r.Warnings)
	}
	if len(r.Quotes) == 0 {
		t.Error("no quotes found in text with invalid UTF-8")
	}
}

func TestCRLFSpansAreExact(t *testing.T) {
	src := strings.ReplaceAll(article, "\n", "\r\n")
	r := parseJSON(t, writeInput(t, "crlf.txt", []byte(src)))
	plain := parseJSON(t, writeInput(t, "lf.txt", []byte(article)))
	if len(r.Quotes) != len(plain.Quotes) || r.Title != plain.Title {
		t.Errorf("CRLF: %d quotes, title %q; LF: %d quotes, title %q", len(r.Quotes), r.Title, len(plain.Quotes), plain.Title)
	}
	for _, q := range r.Quotes {
		if strings.ContainsRune(q.Text, '\r') {
			t.Errorf("quote text holds a carriage return: %q", q.Text)
		}
	}
}

// TestHTMLAsTextGivesAWarning: HTML read as text (--input text) is
// processed, markup and all, with a warning.
func TestHTMLAsTextGivesAWarning(t *testing.T) {
	src := "<!DOCTYPE html>\n<html><body>\n<p>“We agree on this,” Foreign Minister Jan Ek said on Monday.</p>\n</body></html>\n"
	r := parseJSON(t, writeInput(t, "page.html", []byte(src)), "--input", "text")
	if !hasWarningWith(r, "HTML") {
		t.Errorf("warnings %q, want one about HTML", r.Warnings)
	}
	if r.Text != "" {
		t.Errorf("text input gives a text field: %q", r.Text)
	}
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	if bom {
		if bigEndian {
			b = append(b, 0xFE, 0xFF)
		} else {
			b = append(b, 0xFF, 0xFE)
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func utf32Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	if bom {
		s = "\ufeff" + s
	}
	for _, r := range s {
		if bigEndian {
			b = append(b, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		} else {
			b = append(b, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		}
	}
	return b
}

// TestNotText: UTF-32, UTF-16 and binary input are refused with a clear error
// naming the input, exit 1, and nothing on stdout.
func TestNotText(t *testing.T) {
	tests := []struct {
		name    string
		src     []byte
		problem string
	}{
		{"utf16le-bom.txt", utf16Bytes(article, false, true), "input is UTF-16 text"},
		{"utf16be-bom.txt", utf16Bytes(article, true, true), "input is UTF-16 text"},
		{"utf16le.txt", utf16Bytes(article, false, false), "input is UTF-16 text"},
		{"utf16be.txt", utf16Bytes(article, true, false), "input is UTF-16 text"},
		{"utf32le-bom.txt", utf32Bytes(article, false, true), "input is UTF-32 text"},
		{"utf32be-bom.txt", utf32Bytes(article, true, true), "input is UTF-32 text"},
		{"utf32le.txt", utf32Bytes(article, false, false), "input is UTF-32 text"},
		{"utf32be.txt", utf32Bytes(article, true, false), "input is UTF-32 text"},
		{"utf32-cjk.txt", utf32Bytes("外交部长王毅会见了德国总理。“我们同意，”他说。", false, false), "input is UTF-32 text"},
		{"nul.txt", []byte("An article\x00 with a NUL byte."), "binary, not text (NUL byte at offset 10)"},
		{"image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), "binary"},
		{"control.bin", bytes.Repeat([]byte{1, 2, 3, 27, 'a'}, 100), "binary, not text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeInput(t, tt.name, tt.src)
			code, out, errs := runCmd(t, "", "parse", p)
			if code != exitInput {
				t.Errorf("exit %d, want %d", code, exitInput)
			}
			if out != "" {
				t.Errorf("stdout: %q", out)
			}
			checkErrorMessage(t, errs, p, tt.problem)
			// The same from standard input.
			code, _, errs = runCmd(t, string(tt.src), "parse")
			if code != exitInput {
				t.Errorf("stdin: exit %d, want %d", code, exitInput)
			}
			checkErrorMessage(t, errs, "<stdin>", tt.problem)
		})
	}
}

// TestOneBadInputAmongGood: the good inputs are still written, the bad
// one is reported, and the exit code says something failed.
func TestOneBadInputAmongGood(t *testing.T) {
	good := writeInput(t, "good.txt", []byte(article))
	bad := writeInput(t, "bad.txt", []byte("a\x00b"))
	code, out, errs := runCmd(t, "", "parse", "--format", "jsonl", good, bad, good)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("%d records, want 2:\n%s", n, out)
	}
	checkErrorMessage(t, errs, bad, "binary")
}

func TestMaxBytes(t *testing.T) {
	p := writeInput(t, "article.txt", []byte(article))
	n := len(article)
	code, _, errs := runCmd(t, "", "parse", "--max-bytes", fmt.Sprint(n), p)
	if code != 0 {
		t.Errorf("at the limit: exit %d: %s", code, errs)
	}
	code, out, errs := runCmd(t, "", "parse", "--max-bytes", fmt.Sprint(n-1), p)
	if code != exitInput || out != "" {
		t.Errorf("over the limit: exit %d, stdout %q", code, out)
	}
	checkErrorMessage(t, errs, p, fmt.Sprintf("larger than --max-bytes %d", n-1))
	code, _, errs = runCmd(t, article, "parse", "--max-bytes", "10")
	if code != exitInput {
		t.Errorf("stdin over the limit: exit %d", code)
	}
	checkErrorMessage(t, errs, "<stdin>", "larger than --max-bytes 10")
	code, _, errs = runCmd(t, "", "parse", "--max-bytes", "ten", p)
	if code != exitUsage {
		t.Errorf("--max-bytes ten: exit %d, want %d (%s)", code, exitUsage, errs)
	}
}

// TestFiftyMegabyteLine: one line of 50 MB (no paragraph break) is refused
// by default, naming the file, and processed to the end with --max-bytes.
func TestFiftyMegabyteLine(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input: about 40 s and 4 GB; skipped with -short (make test-long runs it)")
	}
	block := "The delegations reviewed trade, energy and the supply of fertilisers over a long morning session. " +
		"“We will act on this together,” Foreign Minister Jan Ek said. " +
		"Ek said that the talks were productive and that both sides would meet again. "
	src := strings.Repeat(block, (50<<20)/len(block)+1)[:50<<20]
	// Do not cut a multi-byte character in half at the end.
	for !strings.HasSuffix(src, " ") {
		src = src[:len(src)-1]
	}
	p := writeInput(t, "big.txt", []byte(src))

	code, out, errs := runCmd(t, "", "parse", p)
	if code != exitInput || out != "" {
		t.Errorf("default limit: exit %d, %d bytes out", code, len(out))
	}
	checkErrorMessage(t, errs, p, "larger than --max-bytes")

	outPath := filepath.Join(t.TempDir(), "big.jsonl")
	code, _, errs = runCmd(t, "", "parse", "--max-bytes", fmt.Sprint(60<<20), "--format", "jsonl", "-o", outPath, p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	var r record.Readout
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("output is not one JSON record: %v", err)
	}
	if len(r.Quotes) < strings.Count(src, "“") {
		t.Errorf("%d quotes, want at least %d", len(r.Quotes), strings.Count(src, "“"))
	}
	for i, msg := range contractErrors(src, r) {
		if i == 10 {
			break
		}
		t.Error(msg)
	}
}

// TestManyQuotationMarksFinish: 100,000 quotation marks (10,000 with -short), alone, spread
// over words and paragraphs, nested and unbalanced, go through the whole
// command with exact spans and at most 100 warnings.
func TestManyQuotationMarksFinish(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 10_000 // the full count takes about 10 s: make test-long runs it
	}
	for name, src := range map[string]string{
		"straight":       strings.Repeat(`"`, n),
		"curly":          strings.Repeat("“", n/2) + strings.Repeat("”", n/2),
		"guillemets":     strings.Repeat("«", n),
		"words":          strings.Repeat("“We agree,” he said. ", n/2),
		"paragraphs":     strings.Repeat("“We agree on this.\n\n", n),
		"nested":         strings.Repeat("“‘«", n/3) + "core" + strings.Repeat("»’”", n/3),
		"unbalanced mix": strings.Repeat("« ‘ “ \" ' ” ’ ", n/7),
	} {
		t.Run(name, func(t *testing.T) {
			r := parseJSON(t, writeInput(t, name+".txt", []byte(src)))
			if len(r.Warnings) > 100 {
				t.Errorf("%d warnings, want at most 100", len(r.Warnings))
			}
		})
	}
}

func TestDeeplyNestedAndUnbalancedQuotes(t *testing.T) {
	for name, src := range map[string]string{
		"nested classes":    "“She said ‘he called it «a farce, “really” a farce» today’ again,” Foreign Minister Jan Ek said.",
		"nested same class": "“He said “no” and “yes” to me,” Foreign Minister Jan Ek said.",
		"unclosed":          "Foreign Minister Jan Ek said: “We agree on this.\n\nThe talks ended.",
		"lone closing":      "Foreign Minister Jan Ek said we agree” on this.",
		"marks at the ends": "”“Foreign Minister Jan Ek said so.”“",
		"deep nesting":      strings.Repeat("“‘", 500) + "core" + strings.Repeat("’”", 499),
	} {
		t.Run(name, func(t *testing.T) {
			parseJSON(t, writeInput(t, "in.txt", []byte(src)))
		})
	}
}

func TestInputPathProblems(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	code, _, errs := runCmd(t, "", "parse", missing)
	if code != exitInput {
		t.Errorf("missing: exit %d", code)
	}
	checkErrorMessage(t, errs, missing, "no such file")

	code, _, errs = runCmd(t, "", "parse", dir)
	if code != exitInput {
		t.Errorf("folder: exit %d", code)
	}
	checkErrorMessage(t, errs, dir, "is a folder")

	t.Run("unreadable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root can read a file whatever its mode")
		}
		p := writeInput(t, "secret.txt", []byte(article))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCmd(t, "", "parse", p)
		if code != exitInput {
			t.Errorf("exit %d", code)
		}
		checkErrorMessage(t, errs, p, "permission denied")
	})
}

// leftovers lists the files in dir other than keep.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !contains(keep, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestOutputPathProblems(t *testing.T) {
	in := writeInput(t, "article.txt", []byte(article))
	dir := t.TempDir()
	tests := []struct {
		name    string
		output  string
		problem string
	}{
		{"folder does not exist", filepath.Join(dir, "no", "such", "out.yaml"), "no such file or directory"},
		{"parent is a file", filepath.Join(in, "out.yaml"), "not a directory"},
		{"output is a folder", dir, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", "parse", "-o", tt.output, in)
			if code != exitInput {
				t.Errorf("exit %d, want %d", code, exitInput)
			}
			if out != "" {
				t.Errorf("stdout: %q", out)
			}
			checkErrorMessage(t, errs, tt.output, tt.problem)
			if rest := leftovers(t, dir); len(rest) != 0 {
				t.Errorf("left behind in %s: %q", dir, rest)
			}
			if rest := leftovers(t, filepath.Dir(in), "article.txt"); len(rest) != 0 {
				t.Errorf("left behind next to the input: %q", rest)
			}
		})
	}
	t.Run("folder not writable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root can write into any folder")
		}
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(ro, 0o755)
		outPath := filepath.Join(ro, "out.yaml")
		code, _, errs := runCmd(t, "", "parse", "-o", outPath, in)
		if code != exitInput {
			t.Errorf("exit %d, want %d", code, exitInput)
		}
		checkErrorMessage(t, errs, outPath, "permission denied")
		if rest := leftovers(t, ro); len(rest) != 0 {
			t.Errorf("left behind: %q", rest)
		}
	})
}

// TestOutputIsAtomic: -o replaces the file whole; when the input fails
// nothing is written and an existing file is left as it was.
func TestOutputIsAtomic(t *testing.T) {
	in := writeInput(t, "article.txt", []byte(article))
	dir := t.TempDir()
	outPath := filepath.Join(dir, "out.yaml")
	if err := os.WriteFile(outPath, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, "", "parse", "-o", outPath, filepath.Join(dir, "missing.txt"))
	if code != exitInput {
		t.Errorf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(outPath); string(b) != "old\n" {
		t.Errorf("a failed run changed the output file: %q", b)
	}
	code, out, errs := runCmd(t, "", "parse", "-o", outPath, in)
	if code != 0 || out != "" || errs != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	_, want, _ := runCmd(t, "", "parse", in)
	if b, _ := os.ReadFile(outPath); string(b) != want {
		t.Errorf("-o wrote %q, stdout would be %q", b, want)
	}
	if rest := leftovers(t, dir, "out.yaml"); len(rest) != 0 {
		t.Errorf("left behind: %q", rest)
	}
}

// failWriter fails every write, as a full disk or a closed pipe does.
type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

// shortWriter accepts a few bytes, then fails.
type shortWriter struct {
	n   int
	buf bytes.Buffer
}

func (w *shortWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.n {
		k := w.n - w.buf.Len()
		w.buf.Write(p[:k])
		return k, errors.New("no space left on device")
	}
	return w.buf.Write(p)
}

func TestFailedWrite(t *testing.T) {
	in := writeInput(t, "article.txt", []byte(article))
	for name, w := range map[string]interface{ Write([]byte) (int, error) }{
		"fails at once":    failWriter{errors.New("no space left on device")},
		"fails part way":   &shortWriter{n: 40},
		"closed pipe":      failWriter{errors.New("write |1: broken pipe")},
		"fails at byte 0":  &shortWriter{n: 0},
		"fails at the end": &shortWriter{n: 100},
	} {
		t.Run(name, func(t *testing.T) {
			var errb bytes.Buffer
			code := run([]string{"parse", in}, streams{in: strings.NewReader(""), out: w, err: &errb})
			if code != exitInput {
				t.Errorf("exit %d, want %d", code, exitInput)
			}
			msg := errb.String()
			if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "writing output") || !strings.Contains(msg, "no space left") && !strings.Contains(msg, "broken pipe") {
				t.Errorf("stderr %q", msg)
			}
			if strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") {
				t.Errorf("stderr %q", msg)
			}
		})
	}
}

// TestUsageErrors: bad flags and arguments exit 2 with one line.
func TestUsageErrors(t *testing.T) {
	in := writeInput(t, "article.txt", []byte(article))
	for _, args := range [][]string{
		{"parse", "--format", "xml", in},
		{"parse", "--bogus", in},
		{"parse", "--max-bytes", "ten", in},
		{"parse", "--max-bytes", "0", in},
		{"parse", "--max-bytes", "-5", in},
		{"parse", "--input", "jsonl", "--max-bytes", "0", in},
		{"batch", filepath.Dir(in), "--out", "-", "-f", "jsonl", "--max-bytes", "0"},
		{"batch", filepath.Dir(in), "--out", "-", "-f", "jsonl", "--max-bytes", "-1"},
		{"parse", "--input", "csv", in},
		{"parse", "-o"},
		{"nosuchcommand"},
		{"schema", "extra-argument"},
	} {
		code, out, errs := runCmd(t, "", args...)
		if code != exitUsage {
			t.Errorf("%q: exit %d, want %d (stderr %q)", args, code, exitUsage, errs)
		}
		if out != "" {
			t.Errorf("%q: stdout %q", args, out)
		}
		if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "readout: ") {
			t.Errorf("%q: stderr %q is not one readout: line", args, errs)
		}
	}
}
