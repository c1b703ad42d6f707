package readout

import (
	"strings"

	"github.com/readout/readout/parser"
)

// WindowBytes is the size from which an input is converted in windows:
// runs of whole paragraphs of about this many bytes, parsed and extracted
// one after another, so that the memory a conversion holds at once (some
// 60 times the text, for tokens, chunks and matches) is bounded by the
// window, not the input. The records of the windows are joined into one
// (record.Readout.Append). What a window cannot see is the text of the
// others: a pronoun or a short name at the start of a window is resolved
// only against that window. No real article comes near this size; a
// concatenation of many does.
const WindowBytes = 128 << 10

// Windows splits text into windows for conversion and returns their byte
// ranges [start, end), which cover text in order. A text of at most
// WindowBytes is one window. A window ends at a paragraph break (a blank
// line) where the next paragraph does not start with a quotation mark (a
// quotation running over paragraphs opens each of them again); the break
// chosen is the last such one before WindowBytes past the window's start,
// or the first one after it, or none, when the window is the rest of the
// text.
func Windows(text string) [][2]int {
	var out [][2]int
	start := 0
	for len(text)-start > WindowBytes {
		end := windowEnd(text, start)
		if end < 0 {
			break
		}
		out = append(out, [2]int{start, end})
		start = end
	}
	return append(out, [2]int{start, len(text)})
}

// windowEnd returns where the window starting at start ends, or -1 when it
// runs to the end of text.
func windowEnd(text string, start int) int {
	limit := start + WindowBytes
	// The last break before the limit, in the window's second half.
	for k := limit; k > start+WindowBytes/2; {
		j := strings.LastIndex(text[start+WindowBytes/2:k], "\n")
		if j < 0 {
			break
		}
		j += start + WindowBytes/2
		if end, ok := paragraphBreak(text, j); ok {
			return end
		}
		k = j
	}
	// Else the first one after it.
	for k := limit; k < len(text); {
		j := strings.IndexByte(text[k:], '\n')
		if j < 0 {
			return -1
		}
		if end, ok := paragraphBreak(text, k+j); ok {
			return end
		}
		k += j + 1
	}
	return -1
}

// paragraphBreak reports whether the newline at j starts a blank line
// (spaces, tabs and carriage returns only) followed by a paragraph that
// does not open with a quotation mark, and returns where that paragraph
// starts.
func paragraphBreak(text string, j int) (int, bool) {
	k, lines := j, 0
	for k < len(text) && strings.IndexByte(" \t\r\n", text[k]) >= 0 {
		if text[k] == '\n' {
			lines++
		}
		k++
	}
	if lines < 2 || k == len(text) {
		return 0, false
	}
	return k, !parser.StartsWithOpeningMark(text[k:])
}
