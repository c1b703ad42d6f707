package parser

import "strings"

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
// line, short, with no sentence-final punctuation, followed by more text.
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
	if last == '.' || last == ',' || last == ';' || last == ':' || strings.HasSuffix(text, "”") || last == '"' {
		return nil
	}
	if len(strings.Fields(text)) > 30 {
		return nil
	}
	return &Span{p.Start, p.End}
}
