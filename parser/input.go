package parser

import (
	"bytes"
	"fmt"
	"strings"
)

// DefaultMaxBytes is the largest input accepted unless the caller says otherwise.
const DefaultMaxBytes = 16 << 20

// InputError is input that is not article text: it names the problem in
// one line, without the input's name (the caller adds it).
type InputError struct{ Problem string }

func (e *InputError) Error() string { return e.Problem }

// CheckInput rejects what cannot be an article: UTF-32 and UTF-16 text
// (each named as such), binary content (NUL bytes or mostly control
// characters), and input larger than maxBytes (0 means DefaultMaxBytes).
func CheckInput(src []byte, maxBytes int) error {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if len(src) > maxBytes {
		return &InputError{fmt.Sprintf("input is %d bytes, larger than --max-bytes %d", len(src), maxBytes)}
	}
	// UTF-32's byte-order marks start like UTF-16's: it is asked first.
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}) {
		return &InputError{utf32Problem}
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return &InputError{"input is UTF-16 text; convert it to UTF-8 (for example with iconv -f UTF-16 -t UTF-8)"}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		if looksUTF32(src) {
			return &InputError{utf32Problem}
		}
		if looksUTF16(src) {
			return &InputError{"input is UTF-16 text; convert it to UTF-8 (for example with iconv -f UTF-16 -t UTF-8)"}
		}
		return &InputError{fmt.Sprintf("input is binary, not text (NUL byte at offset %d)", i)}
	}
	control := 0
	n := min(len(src), 4096)
	for i := 0; i < n; i++ {
		c := src[i]
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			control++
		}
	}
	if n > 0 && control*10 > n {
		return &InputError{"input is binary, not text (control characters)"}
	}
	return nil
}

const utf32Problem = "input is UTF-32 text; convert it to UTF-8 (for example with iconv -f UTF-32 -t UTF-8)"

// looksUTF32 reports whether the start is mostly characters of four bytes
// of which three are NUL (the text of most scripts in UTF-32).
func looksUTF32(src []byte) bool {
	n := min(len(src), 400) &^ 3
	if n < 8 {
		return false
	}
	units := 0
	for i := 0; i < n; i += 4 {
		zeros := 0
		for _, c := range src[i : i+4] {
			if c == 0 {
				zeros++
			}
		}
		if zeros >= 2 && (src[i] == 0 && src[i+1] == 0 || src[i+2] == 0 && src[i+3] == 0) {
			units++
		}
	}
	return units*10 > n/4*8
}

// looksUTF16 reports whether every other byte of the start is NUL.
func looksUTF16(src []byte) bool {
	n := min(len(src), 200) &^ 1
	if n < 4 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	return even*10 > n*4 || odd*10 > n*4
}

// looksLikeHTML reports markup at the start of the text.
func looksLikeHTML(src string) bool {
	head := src[:min(len(src), 1024)]
	if strings.IndexByte(head, '<') < 0 {
		return false
	}
	for _, tag := range []string{"<!DOCTYPE", "<!doctype", "<html", "<HTML", "<body", "<div", "<p>", "<head"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}
