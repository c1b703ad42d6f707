package parser

import (
	"slices"
	"strings"
	"testing"
)

// quoteView is a quotation as text, for comparing with a table.
type quoteView struct {
	class  string
	parts  []string
	closed bool
}

func quoteViews(d *Document) []quoteView {
	var out []quoteView
	for _, q := range d.Quotes {
		v := quoteView{class: q.Class, closed: q.Closed}
		for _, p := range q.Parts {
			v.parts = append(v.parts, d.Text(p))
		}
		out = append(out, v)
	}
	return out
}

func equalViews(a, b []quoteView) bool {
	return slices.EqualFunc(a, b, func(x, y quoteView) bool {
		return x.class == y.class && x.closed == y.closed && slices.Equal(x.parts, y.parts)
	})
}

func q(class string, parts ...string) quoteView {
	return quoteView{class: class, parts: parts, closed: true}
}

func open(class string, parts ...string) quoteView {
	return quoteView{class: class, parts: parts, closed: false}
}

func TestQuotePairing(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		want     []quoteView
		warnings int // how many "unbalanced" warnings
	}{
		{"straight double", `He said "we agree on this" today.`, []quoteView{q("double", "we agree on this")}, 0},
		{"curly double", "He said “we agree on this” today.", []quoteView{q("double", "we agree on this")}, 0},
		{"curly opening, straight closing", "“We agree on this,\" he said.", []quoteView{q("double", "We agree on this,")}, 0},
		{"straight opening, curly closing", "\"We agree on this,” he said.", []quoteView{q("double", "We agree on this,")}, 0},
		{"low-9 opening", "„We agree on this,” he said.", []quoteView{q("double", "We agree on this,")}, 0},
		{"an opening mark typed for the closing one", "“We agree on this,“ he said. “And we will act.”", []quoteView{q("double", "We agree on this,"), q("double", "And we will act.")}, 0},
		{"guillemets", "«Nous sommes d'accord», a-t-il dit.", []quoteView{q("angle", "Nous sommes d'accord")}, 0},
		{"guillemets with spaces inside", "« Nous sommes d'accord », a-t-il dit.", []quoteView{q("angle", "Nous sommes d'accord")}, 0},
		{"single guillemets", "‹We agree›, he said.", []quoteView{q("angle", "We agree")}, 0},
		{"corner brackets", "「我们同意」他说。", []quoteView{q("corner", "我们同意")}, 0},
		{"straight single", "He said 'we agree on this' today.", []quoteView{q("single", "we agree on this")}, 0},
		{"curly single", "He said ‘we agree on this’ today.", []quoteView{q("single", "we agree on this")}, 0},
		{"two straight singles", "He said 'no' and then 'yes'.", []quoteView{q("single", "no"), q("single", "yes")}, 0},
		{"split single quote", "'We agree,' he said, 'and we will act.'", []quoteView{q("single", "We agree,"), q("single", "and we will act.")}, 0},
		{"possessive apostrophes are not quotes", "South Korea’s leaders’ talks don’t stop, and the leaders' aides' notes don't either.", nil, 0},
		{"singular possessive inside a single quotation", "He said ‘Korea’s view matters’ today.", []quoteView{q("single", "Korea’s view matters")}, 0},
		{"apostrophes inside a double quotation", "“Korea’s leaders’ talks don't stop,” he said.", []quoteView{q("double", "Korea’s leaders’ talks don't stop,")}, 0},
		{"leading apostrophe is not a quotation", "'Tis the season, he said.", nil, 0},
		{"single inside double", "“He told me ‘we agree’ yesterday,” she said.", []quoteView{q("double", "He told me ‘we agree’ yesterday,"), q("single", "we agree")}, 0},
		{"straight single inside straight double", `"He told me 'we agree' yesterday," she said.`, []quoteView{q("double", "He told me 'we agree' yesterday,"), q("single", "we agree")}, 0},
		{"double inside single (British)", "‘He told me “we agree” yesterday,’ she said.", []quoteView{q("single", "He told me “we agree” yesterday,"), q("double", "we agree")}, 0},
		{"straight double inside curly double", "“We will send the \"first\" shipment,” she said.", []quoteView{q("double", "We will send the \"first\" shipment,")}, 0},
		{"curly opening, straight closing and reopening, curly closing", "“We agree,\" he said. \"And we will act.”", []quoteView{q("double", "We agree,"), q("double", "And we will act.")}, 0},
		{"curly opening, straight closing, a straight quotation after", "“We agree,\" he said of the \"deal\" today.", []quoteView{q("double", "We agree,"), q("double", "deal")}, 0},
		{"guillemets inside double", "“He called it «a farce» today,” she said.", []quoteView{q("double", "He called it «a farce» today,"), q("angle", "a farce")}, 0},
		{"three levels", "“She said ‘he called it «a farce» today’ again,” I said.", []quoteView{q("double", "She said ‘he called it «a farce» today’ again,"), q("single", "he called it «a farce» today"), q("angle", "a farce")}, 0},
		{"inner single left open is dropped", "“Its leaders’ and ‘aides views differ,” she said.", []quoteView{q("double", "Its leaders’ and ‘aides views differ,")}, 0},
		{"over two paragraphs, opening mark repeated", "“We agree on this.\n\n“And we will act on it.”\n\nThe end.", []quoteView{q("double", "We agree on this.", "And we will act on it.")}, 0},
		{"over three paragraphs, opening mark repeated", "“One.\n\n“Two.\n\n“Three.”", []quoteView{q("double", "One.", "Two.", "Three.")}, 0},
		{"over two paragraphs, straight marks", "\"We agree on this.\n\n\"And we will act on it.\"\n\nThe end.", []quoteView{q("double", "We agree on this.", "And we will act on it.")}, 0},
		{"over two paragraphs, guillemets", "«We agree on this.\n\n«And we will act on it.»", []quoteView{q("angle", "We agree on this.", "And we will act on it.")}, 0},
		{"over two paragraphs, no repeated mark, closing mark next", "“We agree on this.\n\nAnd we will act on it,” he said.", []quoteView{q("double", "We agree on this.", "And we will act on it,")}, 0},
		{"over two paragraphs, one per line", "“We agree on this.\n“And we will act on it.”", []quoteView{q("double", "We agree on this.", "And we will act on it.")}, 0},
		{"over two paragraphs, CRLF", "“We agree on this.\r\n\r\n“And we will act on it.”\r\n", []quoteView{q("double", "We agree on this.", "And we will act on it.")}, 0},
		{"unclosed at the end of a paragraph", "He said “we agree on this.\n\nThe talks ended.", []quoteView{open("double", "we agree on this.")}, 1},
		{"unclosed at the end of the text", "He said “we agree on this.", []quoteView{open("double", "we agree on this.")}, 1},
		{"unclosed straight", "He said \"we agree on this.", []quoteView{open("double", "we agree on this.")}, 1},
		{"lone closing mark", "He said we agree” on this.", nil, 1},
		{"lone closing guillemet", "He said we agree» on this.", nil, 1},
		{"two opening marks", "“We agree “on this,” he said.", []quoteView{q("double", "on this,")}, 1},
		// The same class nested: English uses the other class inside, so
		// this is read as unbalanced; it warns and pairs what it can.
		{"nested same-class marks", "“He said “no” to me,” she said.", []quoteView{q("double", "no")}, 2},
		{"lone single closing mark is an apostrophe", "the leaders’ talks", nil, 0},
		{"empty quotation", `He said "" today.`, nil, 0},
		{"only marks", `""""`, nil, 0},
		{"straight mark after a dash opens", `talks—"we agree," he said.`, []quoteView{q("double", "we agree,")}, 0},
		{"straight mark after a parenthesis opens", `talks ("we agree") ended.`, []quoteView{q("double", "we agree")}, 0},
		{"straight mark after a colon opens", `He said:"we agree."`, []quoteView{q("double", "we agree.")}, 0},
		{"byte-order mark before the opening mark", "\ufeff“We agree on this,” he said.", []quoteView{q("double", "We agree on this,")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if got := quoteViews(d); !equalViews(got, tt.want) {
				t.Errorf("quotes =\n\t%+v\nwant\n\t%+v", got, tt.want)
			}
			n := 0
			for _, w := range d.Warnings {
				if strings.HasPrefix(w, "unbalanced quotation mark at byte ") {
					n++
				}
			}
			if n != tt.warnings {
				t.Errorf("%d unbalanced-mark warnings %q, want %d", n, d.Warnings, tt.warnings)
			}
		})
	}
}

// TestQuoteOffsets: parts exclude the marks and the outer span includes
// them, both as byte offsets of the input.
func TestQuoteOffsets(t *testing.T) {
	src := "Yoon said: “We face a grave situation.”"
	d := mustParse(t, src)
	if len(d.Quotes) != 1 {
		t.Fatalf("quotes = %+v", d.Quotes)
	}
	qs := d.Quotes[0]
	open := strings.Index(src, "“")
	if qs.Start != open || qs.End != len(src) {
		t.Errorf("outer span [%d,%d), want [%d,%d)", qs.Start, qs.End, open, len(src))
	}
	if in := qs.Inner(); src[in.Start:in.End] != "We face a grave situation." {
		t.Errorf("inner = %q", src[in.Start:in.End])
	}
	// Every token inside the quotation points at it; those outside do not.
	for _, tok := range d.Tokens {
		inside := tok.Start >= qs.Parts[0].Start && tok.End <= qs.Parts[0].End
		if inside != (tok.Quote == 0) {
			t.Errorf("token %q at %d: Quote = %d", tok.Text, tok.Start, tok.Quote)
		}
	}
}

// TestMultiParagraphQuoteOffsets: a quotation over paragraphs has one part
// per paragraph, each without its marks, and one outer span over them all.
func TestMultiParagraphQuoteOffsets(t *testing.T) {
	src := "Intro.\n\n“First part.\n\n“Second part,” he said."
	d := mustParse(t, src)
	if len(d.Quotes) != 1 {
		t.Fatalf("quotes = %+v", quoteViews(d))
	}
	qs := d.Quotes[0]
	if got := src[qs.Start:qs.End]; got != "“First part.\n\n“Second part,”" {
		t.Errorf("outer = %q", got)
	}
	if got := src[qs.Inner().Start:qs.Inner().End]; got != "First part.\n\n“Second part," {
		t.Errorf("inner = %q", got)
	}
	// The repeated opening mark is not quoted text.
	for _, tok := range d.Tokens {
		if tok.Text == "“" && tok.Quote >= 0 {
			t.Errorf("opening mark at %d is marked as inside quote %d", tok.Start, tok.Quote)
		}
	}
}

func TestStraightDirection(t *testing.T) {
	tests := []struct {
		src    string
		at     int // byte offset of the mark
		isOpen bool
		want   markDir
	}{
		{`"a`, 0, false, opening},
		{`a"`, 1, true, closing},
		{`a" b`, 1, true, closing},
		{`a "b`, 2, false, opening},
		{`a "b`, 2, true, opening}, // a new quotation: pairing warns about the old
		{`a ".`, 2, true, closing},
		{`a " b`, 2, false, opening},
		{`a " b`, 2, true, closing},
		{`a"b`, 1, false, notMark},
		{`a"b`, 1, true, closing},
		{`("a`, 1, false, opening},
		{`—"a`, 3, false, opening},
		{`:"a`, 1, false, opening},
		{`."a`, 1, false, opening},
		{`"`, 0, false, opening},
	}
	for _, tt := range tests {
		if got := straightDirection(tt.src, tt.at, tt.at+1, tt.isOpen); got != tt.want {
			t.Errorf("straightDirection(%q, %d, open=%v) = %v, want %v", tt.src, tt.at, tt.isOpen, got, tt.want)
		}
	}
}

// TestUnbalancedMarksNeverFail: text made of nothing but quotation marks,
// nested and unbalanced, parses with warnings and without error.
func TestUnbalancedMarksNeverFail(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("“", 500),
		strings.Repeat("”", 500),
		strings.Repeat("“a ", 200) + strings.Repeat("b” ", 100),
		strings.Repeat("« ‘ “ \" ' ", 100),
		strings.Repeat("“‘«", 100) + strings.Repeat("»’”", 99),
		strings.Repeat("“nested ", 50) + "core" + strings.Repeat(" end”", 50),
		strings.Repeat("“a\n\n", 300),
	} {
		d := mustParse(t, src)
		if len(d.Warnings) > 100 {
			t.Errorf("%.30q: %d warnings, want at most 100", src, len(d.Warnings))
		}
	}
}
