package parser

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf32(s string, bigEndian, bom bool) []byte {
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

func utf16be(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFE, 0xFF)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func TestCheckInput(t *testing.T) {
	article := "“We agree on this,” Minister Jan Ek said on Monday.\n"
	tests := []struct {
		name     string
		src      []byte
		maxBytes int
		want     string // a substring of the error, "" for none
	}{
		{"article", []byte(article), 0, ""},
		{"empty", nil, 0, ""},
		{"white space", []byte(" \n\t\r\n"), 0, ""},
		{"UTF-8 byte-order mark", []byte("\ufeff" + article), 0, ""},
		{"invalid UTF-8 is text", []byte("Caf\xe9 talks \xff\xfe ended."), 0, ""},
		{"CRLF", []byte("Headline\r\n\r\nBody.\r\n"), 0, ""},
		{"tabs and form feeds", []byte("a\tb\fc\vd"), 0, ""},
		{"UTF-16LE with BOM", utf16le(article, true), 0, "UTF-16"},
		{"UTF-16BE with BOM", utf16be(article, true), 0, "UTF-16"},
		{"UTF-16LE without BOM", utf16le(article, false), 0, "UTF-16"},
		{"UTF-16BE without BOM", utf16be(article, false), 0, "UTF-16"},
		{"UTF-16 BOM alone", []byte{0xFF, 0xFE}, 0, "UTF-16"},
		{"UTF-32LE with BOM", utf32(article, false, true), 0, "input is UTF-32 text"},
		{"UTF-32BE with BOM", utf32(article, true, true), 0, "input is UTF-32 text"},
		{"UTF-32LE without BOM", utf32(article, false, false), 0, "input is UTF-32 text"},
		{"UTF-32BE without BOM", utf32(article, true, false), 0, "input is UTF-32 text"},
		{"UTF-32 of Chinese", utf32("外交部长王毅会见了德国总理。“我们同意，”他说。", false, false), 0, "input is UTF-32 text"},
		{"UTF-32LE BOM alone", []byte{0xFF, 0xFE, 0, 0}, 0, "UTF-32"},
		{"NUL byte", []byte("hello\x00world, this is text"), 0, "binary, not text (NUL byte at offset 5)"},
		{"NUL only", []byte{0}, 0, "binary"},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00"), 0, "binary"},
		{"control characters", []byte(strings.Repeat("\x01\x02\x1b", 50)), 0, "binary, not text (control characters)"},
		{"a few control characters are text", []byte("An escape \x1b in a long enough line of ordinary text."), 0, ""},
		{"at the limit", []byte("12345"), 5, ""},
		{"over the limit", []byte("123456"), 5, "input is 6 bytes, larger than --max-bytes 5"},
		{"over the default limit", make([]byte, DefaultMaxBytes+1), 0, "larger than --max-bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckInput(tt.src, tt.maxBytes)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("CheckInput: %v, want no error", err)
			case tt.want != "" && err == nil:
				t.Errorf("CheckInput: no error, want %q", tt.want)
			case err != nil && !strings.Contains(err.Error(), tt.want):
				t.Errorf("CheckInput: %q, want %q in it", err, tt.want)
			}
			if err == nil {
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %T is not an *InputError", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is more than one line", err)
			}
		})
	}
}

// TestOddInputParses: what CheckInput lets through parses, with warnings
// where the text is suspect and with spans that index the input exactly
// as it was read.
func TestOddInputParses(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		warning string // a substring of one warning, "" for none
		quote   string // the text of the only quotation, "" for none
	}{
		{"empty", "", "", ""},
		{"white space only", "  \n\n\t\r\n ", "", ""},
		{"byte-order mark", "\ufeff“We agree on this,” he said.", "", "We agree on this,"},
		{"byte-order mark alone", "\ufeff", "", ""},
		{"invalid UTF-8", "Caf\xe9 owner said “we agree \xff on this” today.", "invalid UTF-8 at byte 3", "we agree \xff on this"},
		{"truncated UTF-8 at the end", "He said “we agree”\xe2\x80", "invalid UTF-8 at byte 22", "we agree"},
		{"CRLF", "Headline\r\n\r\n“We agree on this,” he said.\r\n", "", "We agree on this,"},
		{"HTML", "<!DOCTYPE html><html><body><p>“We agree,” he said.</p></body></html>", "looks like HTML", "We agree,"},
		{"HTML fragment", "<div><p>Text.</p></div>", "looks like HTML", ""},
		{"angle brackets in text are not HTML", "Growth was <2% and >1%, he said.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if tt.warning == "" && len(d.Warnings) > 0 {
				t.Errorf("warnings %q, want none", d.Warnings)
			}
			if tt.warning != "" && !hasWarning(d, tt.warning) {
				t.Errorf("warnings %q, want one containing %q", d.Warnings, tt.warning)
			}
			var got string
			if len(d.Quotes) == 1 {
				got = d.Text(d.Quotes[0].Inner())
			} else if len(d.Quotes) > 1 {
				t.Fatalf("%d quotations", len(d.Quotes))
			}
			if got != tt.quote {
				t.Errorf("quotation %q, want %q", got, tt.quote)
			}
			if tt.quote != "" {
				if want := strings.Index(tt.src, tt.quote); d.Quotes[0].Parts[0].Start != want {
					t.Errorf("quotation starts at %d, want %d", d.Quotes[0].Parts[0].Start, want)
				}
			}
		})
	}
}

// TestManyQuotationMarks: 100,000 quotation marks (10,000 with -short) in one run, or spread
// over words and paragraphs, parse (in linear time: the run is cut before
// prose's tokenizer sees it) with bounded warnings and exact spans.
func TestManyQuotationMarks(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 10_000 // the full count takes about 6 s: make test-long runs it
	}
	tests := map[string]string{
		"straight run":  strings.Repeat(`"`, n),
		"curly run":     strings.Repeat("“", n/2) + strings.Repeat("”", n/2),
		"mixed run":     strings.Repeat("“‘«\"'»’”", n/8),
		"spaced":        strings.Repeat(`" `, n),
		"around words":  strings.Repeat("“a ", n/2) + strings.Repeat("b” ", n/2),
		"one per line":  strings.Repeat("“a\n", n),
		"nested deeply": strings.Repeat("“‘«", n/3) + "core" + strings.Repeat("»’”", n/3),
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			d := mustParse(t, src)
			if len(d.Warnings) > 100 {
				t.Errorf("%d warnings, want at most 100", len(d.Warnings))
			}
			if len(d.Tokens) == 0 {
				t.Error("no tokens")
			}
		})
	}
}

// TestLongSingleLine: one line of 4 MB (256 KB with -short; no paragraph or line
// break) parses with exact spans. The 50 MB case runs through the whole
// command in cmd/readout.
func TestLongSingleLine(t *testing.T) {
	size := 4 << 20
	if testing.Short() {
		size = 256 << 10 // 4 MB takes about 10 s: make test-long runs it
	}
	sentence := "The minister said that the talks were productive, and “both sides will meet again soon.” "
	src := strings.Repeat(sentence, size/len(sentence))
	d := mustParse(t, src)
	if len(d.Paragraphs) != 1 {
		t.Errorf("%d paragraphs, want 1", len(d.Paragraphs))
	}
	if got, want := len(d.Quotes), strings.Count(src, "“"); got != want {
		t.Errorf("%d quotations, want %d", got, want)
	}
	// One word of 1 MB (64 KB with -short): no white space for prose to split at.
	word := strings.Repeat("a", size/4)
	d = mustParse(t, word+" "+word+".")
	if len(d.Tokens) != 3 {
		t.Errorf("%d tokens, want 3", len(d.Tokens))
	}
	// A 1 MB run of punctuation (64 KB with -short).
	mustParse(t, strings.Repeat(".", size/4))
	mustParse(t, strings.Repeat("n't", size/16))
	mustParse(t, strings.Repeat("$(", size/16))
}
