package parser

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuoteSpan is one quotation: the text between an opening and a closing
// mark, possibly running over several paragraphs (the opening mark repeated
// at each new paragraph, no closing mark until the end).
type QuoteSpan struct {
	Span         // from the opening mark to the closing mark, marks included
	Parts []Span // the quoted text without marks, one part per paragraph
	// Closed is false when the quotation ran to the end of its paragraph
	// without a closing mark (a warning is recorded).
	Closed bool
	// Class is the family of marks: "double", "single", "angle" or "corner".
	Class string
}

// Inner is the span from the start of the first part to the end of the last.
func (q QuoteSpan) Inner() Span {
	return Span{q.Parts[0].Start, q.Parts[len(q.Parts)-1].End}
}

type markDir int

const (
	notMark markDir = iota
	opening
	closing
	either // a straight mark: direction from context
)

func isQuoteRune(r rune) bool {
	_, _, ok := markOf(r)
	return ok
}

// markOf classifies a quotation mark rune. Curly and straight double marks
// form one class: published text mixes them (“…," is common).
func markOf(r rune) (class string, dir markDir, ok bool) {
	switch r {
	case '“', '„':
		return "double", opening, true
	case '”':
		return "double", closing, true
	case '"':
		return "double", either, true
	case '‘':
		return "single", opening, true
	case '’':
		return "single", closing, true
	case '\'':
		return "single", either, true
	case '«', '‹':
		return "angle", opening, true
	case '»', '›':
		return "angle", closing, true
	case '「':
		return "corner", opening, true
	case '」':
		return "corner", closing, true
	}
	return "", notMark, false
}

// StartsWithOpeningMark reports whether s starts with a quotation mark
// that can open a quotation (an opening or a straight mark, or doubled
// apostrophes).
func StartsWithOpeningMark(s string) bool {
	if strings.HasPrefix(s, "``") || strings.HasPrefix(s, "''") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	_, dir, ok := markOf(r)
	return ok && (dir == opening || dir == either)
}

// tokenMark is markOf for a token: one mark, or the doubled apostrophes
// (” and “) that stand for double quotation marks.
func tokenMark(text string) (class string, dir markDir, ok bool) {
	switch text {
	case "''":
		return "double", either, true
	case "``":
		return "double", opening, true
	}
	r, n := utf8.DecodeRuneInString(text)
	if n != len(text) {
		return "", notMark, false
	}
	return markOf(r)
}

// pairQuotes pairs quotation marks by class, paragraph by paragraph, in one
// pass over the tokens. Unbalanced marks produce warnings, never errors.
func pairQuotes(d *Document, warnings []string) ([]QuoteSpan, []string) {
	qp := &quotePairer{d: d, state: map[string]*openQuote{}, warnings: warnings}
	for pi, p := range d.Paragraphs {
		if p.LastSentence < p.FirstSentence {
			continue
		}
		first := d.Sentences[p.FirstSentence].First
		last := d.Sentences[p.LastSentence].Last
		qp.carryOver(pi, first)
		qp.inner = false
		for ti := first; ti <= last; ti++ {
			if qp.innerStraight(ti, last) {
				continue
			}
			qp.mark(ti, first)
		}
	}
	// Quotations still open at the end of the text.
	if len(d.Paragraphs) > 0 {
		end := d.Paragraphs[len(d.Paragraphs)-1].End
		for _, c := range quoteClasses {
			if o := qp.state[c]; o != nil && c != "single" {
				qp.unbalanced(o.outer.Start)
				qp.finish(c, o, end, end, false)
			}
		}
	}
	sortQuotes(qp.quotes)
	return qp.quotes, qp.warnings
}

var quoteClasses = []string{"double", "single", "angle", "corner"}

// openQuote is a quotation whose closing mark is still to come.
type openQuote struct {
	tok   int // index of the opening mark token
	parts []Span
	start int // where the current part starts
	outer Span
}

// quotePairer is the state of pairQuotes: the quotations open, by class,
// and those paired so far.
type quotePairer struct {
	d        *Document
	state    map[string]*openQuote
	quotes   []QuoteSpan
	warnings []string
	inner    bool // a straight double mark opened an inner quotation inside a curly one
}

// innerStraight reports whether token ti is a straight double mark of an
// inner quotation inside a curly one ("“We will send the "first"
// shipment,” he said"): it opens a pair whose other mark comes before the
// curly closing mark in the paragraph (last is its last token), or closes
// such a pair. Inner marks stay in the outer quotation's text. A straight
// mark with no partner before the curly closing mark is the closing mark,
// typed straight ("“We will act," he said").
func (qp *quotePairer) innerStraight(ti, last int) bool {
	d := qp.d
	if d.Tokens[ti].Text != "\"" {
		return false
	}
	o := qp.state["double"]
	if o == nil || d.Tokens[o.tok].Text != "“" {
		qp.inner = false
		return false
	}
	if qp.inner {
		qp.inner = false
		return true
	}
	t := d.Tokens[ti]
	if straightDirection(d.Src, t.Start, t.End, false) != opening {
		return false // "… correct," he continued: the closing mark, typed straight
	}
	for k := ti + 1; k <= last; k++ {
		if d.Tokens[k].Text != "\"" {
			continue
		}
		for j := k + 1; j <= last; j++ {
			switch d.Tokens[j].Text {
			case "”":
				qp.inner = true
				return true
			case "\"", "“":
				return false
			}
		}
		return false
	}
	return false
}

// unbalanced warns of a quotation mark at byte off of the document's
// text that pairs with none (offsets in warnings count from the start of
// the whole input, also in a window of it: see ParseWindow).
func (qp *quotePairer) unbalanced(off int) {
	if len(qp.warnings) < MaxWarnings {
		qp.warnings = append(qp.warnings, fmt.Sprintf("unbalanced quotation mark at byte %d", qp.d.base+off))
	}
}

// finish records the quotation o of class, closed (or given up) at
// [closeStart, closeEnd).
func (qp *quotePairer) finish(class string, o *openQuote, closeStart, closeEnd int, closed bool) {
	parts := append(o.parts, Span{o.start, closeStart})
	var kept []Span
	for _, p := range parts {
		s, e := trimSpan(qp.d.Src, p.Start, p.End)
		if e > s {
			kept = append(kept, Span{s, e})
		}
	}
	if len(kept) > 0 {
		qp.quotes = append(qp.quotes, QuoteSpan{Span: Span{o.outer.Start, closeEnd}, Parts: kept, Closed: closed, Class: class})
	}
	delete(qp.state, class)
}

// carryOver decides, at paragraph pi (whose first token is first), what
// becomes of each quotation the previous paragraph left open: it continues
// when this paragraph opens with a mark of the same class, or closes in it
// without the repeated opening mark; else it is given up.
func (qp *quotePairer) carryOver(pi, first int) {
	d := qp.d
	for _, c := range quoteClasses {
		o := qp.state[c]
		if o == nil {
			continue
		}
		cls, dir, _ := tokenMark(d.Tokens[first].Text)
		if len(d.Tokens[first].Text) == utf8.RuneLen(firstRune(d.Tokens[first].Text)) && cls == c && (dir == opening || dir == either) {
			o.parts = append(o.parts, Span{o.start, d.Paragraphs[pi-1].End})
			o.start = d.Tokens[first].End
			continue
		}
		prev := d.Paragraphs[pi-1]
		if c != "single" && d.closesWithin(pi, c) {
			// The closing mark comes in this paragraph but the writer
			// left out the repeated opening mark: one quotation still.
			o.parts = append(o.parts, Span{o.start, prev.End})
			o.start = d.Tokens[first].Start
			continue
		}
		if c != "single" {
			qp.unbalanced(o.outer.Start)
			qp.finish(c, o, prev.End, prev.End, false)
		} else {
			delete(qp.state, c)
		}
	}
}

// mark handles token ti, if it is a quotation mark: it opens or closes a
// quotation of its class. first is the paragraph's first token.
func (qp *quotePairer) mark(ti, first int) {
	d := qp.d
	t := d.Tokens[ti]
	class, dir, ok := tokenMark(t.Text)
	if !ok {
		return
	}
	o := qp.state[class]
	if ti == first && o != nil && o.start == t.End {
		return // the continuation mark handled by carryOver
	}
	if dir == either {
		dir = straightDirection(d.Src, t.Start, t.End, o != nil)
	}
	if dir == opening && o != nil && class == "double" && miswrittenClosing(d.Src, t.Start, t.End) {
		dir = closing // "… here,“ said Clyburn": an opening mark typed for the closing one
	}
	switch {
	case dir == opening:
		if o != nil && class != "single" {
			qp.unbalanced(o.outer.Start)
		}
		qp.state[class] = &openQuote{tok: ti, start: t.End, outer: Span{t.Start, t.End}}
	case dir == closing && o != nil:
		// An inner quotation still open when its outer one closes
		// was an apostrophe or a typo: drop it.
		if class == "double" {
			if s := qp.state["single"]; s != nil && s.outer.Start > o.outer.Start {
				delete(qp.state, "single")
			}
		}
		qp.finish(class, o, t.Start, t.End, true)
	case dir == closing && o == nil:
		if class != "single" { // a lone ’ is an apostrophe
			qp.unbalanced(t.Start)
		}
	}
}

// closesWithin reports whether the first mark of class in paragraph pi,
// or in the next two paragraphs when pi has none, closes a quotation: a
// quote whose writer left out the repeated opening marks. The lookahead is
// bounded, so pairing stays linear.
func (d *Document) closesWithin(pi int, class string) bool {
	for p := pi; p < len(d.Paragraphs) && p < pi+3; p++ {
		para := d.Paragraphs[p]
		if para.LastSentence < para.FirstSentence {
			continue
		}
		first, last := d.Sentences[para.FirstSentence].First, d.Sentences[para.LastSentence].Last
		if has, closes := firstMark(d, first, last, class); has {
			return closes
		}
	}
	return false
}

// firstMark finds the first mark of class among tokens [first, last] and
// reports whether there is one and whether it closes.
func firstMark(d *Document, first, last int, class string) (has, closes bool) {
	for ti := first; ti <= last; ti++ {
		t := d.Tokens[ti]
		r, n := utf8.DecodeRuneInString(t.Text)
		if n != len(t.Text) {
			continue
		}
		c, dir, ok := markOf(r)
		if !ok || c != class {
			continue
		}
		if dir == either {
			dir = straightDirection(d.Src, t.Start, t.End, true)
		}
		return true, dir == closing
	}
	return false, false
}

// miswrittenClosing: the opening mark at [s, e) stands where only a
// closing one can, right after a sentence's or clause's final punctuation
// and before a space or the end: ",“ said X".
func miswrittenClosing(src string, s, e int) bool {
	before, _ := utf8.DecodeLastRuneInString(src[:s])
	after, _ := utf8.DecodeRuneInString(src[e:])
	return s > 0 && strings.ContainsRune(",.!?", before) && (e == len(src) || unicode.IsSpace(after))
}

// straightDirection decides whether a straight mark at [s, e) opens or
// closes a quotation: it opens after space, start of text or an opening
// bracket and before a non-space; otherwise it closes.
func straightDirection(src string, s, e int, isOpen bool) markDir {
	before, _ := utf8.DecodeLastRuneInString(src[:s])
	after, _ := utf8.DecodeRuneInString(src[e:])
	spaceBefore := s == 0 || unicode.IsSpace(before) || before == '(' || before == '[' || before == '—' || before == '–' || before == '-' || before == ':'
	spaceAfter := e == len(src) || unicode.IsSpace(after)
	switch {
	case spaceBefore && !spaceAfter:
		if isOpen && !unicode.IsLetter(after) && !unicode.IsDigit(after) {
			return closing
		}
		return opening
	case !spaceBefore && spaceAfter:
		return closing
	case isOpen:
		return closing
	default:
		if unicode.IsLetter(before) && unicode.IsLetter(after) {
			return notMark // an apostrophe inside a word
		}
		return opening
	}
}

// sortQuotes orders quotations by where they start (an inner quotation
// closes before its outer one, so pairing alone does not order them).
func sortQuotes(q []QuoteSpan) {
	slices.SortStableFunc(q, func(a, b QuoteSpan) int { return a.Start - b.Start })
}
