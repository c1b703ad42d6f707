package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitParagraphs finds paragraph spans. Paragraphs are separated by blank
// lines; when the text has no blank line but several lines, each line is a
// paragraph (feeds that put one paragraph on a line). Spans are trimmed of
// surrounding white space; empty paragraphs are dropped.
func splitParagraphs(src string) []Paragraph {
	blank := hasBlankLine(src)
	var out []Paragraph
	start := 0
	add := func(s, e int) {
		s, e = trimSpan(src, s, e)
		if e > s {
			out = append(out, Paragraph{Span: Span{s, e}})
		}
	}
	for i := 0; i < len(src); i++ {
		if src[i] != '\n' {
			continue
		}
		if !blank {
			add(start, i)
			start = i + 1
			continue
		}
		// Is the next line blank (only spaces, tabs, \r)?
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
			j++
		}
		if j < len(src) && src[j] == '\n' {
			add(start, i)
			start = j
			i = j - 1
		}
	}
	add(start, len(src))
	return out
}

func hasBlankLine(src string) bool {
	for i := 0; i < len(src); i++ {
		if src[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
			j++
		}
		if j < len(src) && src[j] == '\n' {
			return true
		}
	}
	return false
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func trimSpan(src string, s, e int) (int, int) {
	// A byte-order mark is not text.
	if s == 0 && strings.HasPrefix(src, "\ufeff") {
		s = 3
	}
	for s < e && isSpaceByte(src[s]) {
		s++
	}
	for e > s && isSpaceByte(src[e-1]) {
		e--
	}
	return s, e
}

// findTitle returns the first paragraph when it reads as a headline: one
// line, short, with no sentence-final punctuation, followed by more text;
// or ending in a full stop, when it is short and in title case or opens
// with its source and a colon.
func findTitle(src string, paras []Paragraph) *Span {
	if len(paras) < 2 {
		return nil
	}
	p := paras[0].Span
	text := src[p.Start:p.End]
	if len(text) > 300 || strings.ContainsRune(text, '\n') {
		return nil
	}
	last := text[len(text)-1]
	words := strings.Fields(text)
	if last == '.' && len(words) <= 20 && (titleCaseLine(words) || sourceColon(words)) {
		return &Span{p.Start, p.End} // "Ana Ruiz: I'm Not Interested In Running For Mayor."
	}
	if last == '.' || last == ',' || last == ';' || last == ':' || strings.HasSuffix(text, "”") || last == '"' {
		return nil
	}
	if len(words) > 30 {
		return nil
	}
	return &Span{p.Start, p.End}
}

// titleCaseLine: three or more words of four letters or more, and every
// one of them capitalised ("Civic Watch: City Hall Kept Key Files Hidden
// For Years.").
func titleCaseLine(words []string) bool {
	long := 0
	for _, w := range words {
		w = strings.Trim(w, "‘’“”\"'.,:;!?()")
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) < 4 || !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		long++
	}
	return long >= 3
}

// sourceColon: one to six words, the first capitalised, none a word of
// five or more capitals (a dateline: "WASHINGTON:"), then a colon: a
// headline's source ("Trump: Clinton should have called me.", "AP: …",
// "Clinton camp: …", "Former AG Lee at the convention: …").
func sourceColon(words []string) bool {
	for i, w := range words {
		if i >= 6 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if i == 0 && !unicode.IsUpper(r) || !unicode.IsLetter(r) {
			return false
		}
		if strings.ToUpper(w) == w && len(strings.TrimSuffix(w, ":")) > 4 {
			return false // "WASHINGTON:" opens a dateline; "AP:", "CNN:" name a source
		}
		if strings.HasSuffix(w, ":") {
			return i+1 < len(words)
		}
	}
	return false
}
