package parser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tokenize"
)

// trickySeeds are inputs that have broken, or could break, span
// arithmetic: marks at the edges, BOMs, CRLF, invalid UTF-8, lone
// surrogates, unbalanced and nested quotation marks.
var trickySeeds = []string{
	"",
	" ",
	"\n\n\n",
	"\ufeff",
	"\ufeff\"",
	"\"",
	"'",
	"’",
	"“",
	"”",
	"«",
	"»",
	"「」",
	"\"\"",
	"“”",
	"''''",
	"\" \" \" \"",
	"a \" b",
	"He said \"",
	"\"unclosed\n\nnext paragraph",
	"“One.\n\n“Two.\n\n“Three.”",
	"“One.\n\nTwo,” he said.",
	"“He said “no” to me,” she said.",
	"“He called it «a farce» today,” she said.",
	"„Wir schaffen das“, sagte sie.",
	"'We agree,' he said, 'and we will act.'",
	"Korea’s leaders’ talks don't stop.",
	"rock 'n' roll",
	"'Tis the season",
	"\r\n\r\n\"CRLF quote.\"\r\n",
	"Caf\xe9 said \"hi\".",
	"\xff\xfe\xfd",
	"\xed\xa0\x80 surrogate",
	"\"\xe2\x80\" truncated mark",
	"“\xe2\x80",
	"\u00a0\u2003\u3000",
	"Headline\n\nBody.",
	"<html><body><p>\"Hello,\" he said.</p></body></html>",
	"a—b–c—“d”",
	strings.Repeat("\"", 600),
	strings.Repeat("“", 300) + strings.Repeat("”", 300),
	strings.Repeat("'", 300) + "x",
	strings.Repeat("a.", 200),
	"Mr. Smith said: \"We will.\" \n\n \"Then,\" he added, \"we won't.\"",
}

func addFixtureSeeds(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(fixtureDir, "*.txt"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range trickySeeds {
		f.Add(s)
	}
}

// FuzzParse: Parse never panics, never fails on text, and every span of
// the Document lies in the input, in order, with each token's text its
// span (doc.go).
func FuzzParse(f *testing.F) {
	addFixtureSeeds(f)
	if err := Warm(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<16 {
			return // large inputs are covered by the input tests
		}
		d, err := Parse(context.Background(), src)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if msg := invariantError(d); msg != "" {
			t.Fatal(msg)
		}
		if !utf8.ValidString(src) && !hasWarning(d, "invalid UTF-8") {
			t.Error("invalid UTF-8 without a warning")
		}
	})
}

// quoteAlphabet is what FuzzQuotes builds its inputs from: mostly quotation
// marks, with letters, spaces, punctuation and paragraph breaks between.
var quoteAlphabet = []string{
	"\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "「", "」",
	"a", "b", "We", "s", " ", " ", " ", "\n", "\n\n", "\r\n", ",", ".", ":", "—", "(", "\xe2",
}

// quoteText maps each byte of b to an element of quoteAlphabet.
func quoteText(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		s.WriteString(quoteAlphabet[int(c)%len(quoteAlphabet)])
	}
	return s.String()
}

// FuzzQuotes: quotation pairing on text made mostly of quotation marks.
// Pairing never fails (problems are warnings, and there are at most 100 of
// them), quotations lie in the input in order, every quotation starts with
// a mark of its class and every closed one ends with one.
func FuzzQuotes(f *testing.F) {
	f.Add([]byte{0, 13, 14, 0})
	f.Add([]byte{2, 13, 14, 20, 2, 13, 3})
	f.Add([]byte{2, 13, 20, 2, 14, 3, 15, 16})
	f.Add([]byte{6, 13, 1, 14, 1, 7})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{14, 1, 17, 13, 17, 1, 14, 15})
	if err := Warm(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 4096 {
			return
		}
		src := quoteText(b)
		d, err := Parse(context.Background(), src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", src, err)
		}
		if msg := invariantError(d); msg != "" {
			t.Fatalf("Parse(%q): %s", src, msg)
		}
		for i, q := range d.Quotes {
			text := src[q.Start:q.End]
			// Two apostrophes or backticks ('' ``) are a double mark.
			doubled := func(s string) bool {
				return q.Class == "double" && (strings.HasPrefix(s, "''") || strings.HasPrefix(s, "``"))
			}
			r, _ := utf8.DecodeRuneInString(text)
			class, _, ok := markOf(r)
			if (!ok || class != q.Class) && !doubled(text) {
				t.Fatalf("Parse(%q): quote %d %q does not start with a %s mark", src, i, text, q.Class)
			}
			if q.Closed {
				r, _ := utf8.DecodeLastRuneInString(text)
				if class, _, ok := markOf(r); (!ok || class != q.Class) && !(len(text) >= 2 && doubled(text[len(text)-2:])) {
					t.Fatalf("Parse(%q): closed quote %d %q does not end with a %s mark", src, i, text, q.Class)
				}
			}
		}
		if len(d.Warnings) > 100 {
			t.Fatalf("%d warnings: the list is not bounded", len(d.Warnings))
		}
	})
}

func hasWarning(d *Document, sub string) bool {
	for _, w := range d.Warnings {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

// tokenizeDiff compares tokenizeText with prose's tokenizer on the whole
// text, which must agree wherever no run is longer than maxRun; it
// describes the first difference, or returns "".
func tokenizeDiff(src string) string {
	m, err := loadModels()
	if err != nil {
		return err.Error()
	}
	type tok struct {
		text  string
		start int
	}
	var ours []tok
	tokenizeText(m.tok, src, func(t string, off int) { ours = append(ours, tok{t, off}) })
	// Prose's tokens, with the dot cut off short words as emitSplittingDot
	// does on purpose.
	var want []tokenize.Token
	for _, t := range m.tok.Tokenize(src) {
		emitSplittingDot(t.Text, t.Start, func(text string, off int) { want = append(want, tokenize.Token{Text: text, Start: off}) })
	}
	for i := range max(len(ours), len(want)) {
		switch {
		case i >= len(ours):
			return fmt.Sprintf("token %d: missing %q at %d", i, want[i].Text, want[i].Start)
		case i >= len(want):
			return fmt.Sprintf("token %d: extra %q at %d", i, ours[i].text, ours[i].start)
		case ours[i].text != want[i].Text || ours[i].start != want[i].Start:
			return fmt.Sprintf("token %d: %q at %d, prose has %q at %d", i, ours[i].text, ours[i].start, want[i].Text, want[i].Start)
		}
	}
	return ""
}

// hasLongRun reports a run without white space longer than maxRun, which
// tokenizeText cuts differently from prose on purpose.
func hasLongRun(s string) bool {
	for _, f := range strings.FieldsFunc(s, unicode.IsSpace) {
		if len(f) > maxRun {
			return true
		}
	}
	return false
}

// FuzzTokenizeLikeProse: tokenizeText's shortcut for plain words gives
// exactly prose's tokens.
// hasDashOpening: some run of src opens with a dash before a letter.
func hasDashOpening(src string) bool {
	for _, run := range strings.Fields(src) {
		if dashOpening(run) > 0 {
			return true
		}
	}
	return false
}

func FuzzTokenizeLikeProse(f *testing.F) {
	addFixtureSeeds(f)
	for _, s := range []string{"8-D -__- U.S. Mr. don't rock'n'roll e-mail 2024-25 (a) \"b\" x\u00a0y\u0085z\u2028w"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<16 || hasLongRun(src) || strings.Contains(src, "--") || hasDashOpening(src) {
			return // long runs, ASCII dashes ("--") and a dash before a word ("—Dr.") are cut on purpose (tokenizeRun)
		}
		if d := tokenizeDiff(src); d != "" {
			t.Fatal(d)
		}
	})
}
