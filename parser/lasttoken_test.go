package parser

import (
	"context"
	"testing"
)

// TestLastTokenBefore: the last token of a span is the last one starting
// before its end, also when the span ends in spaces after every token (an
// unclosed quotation running to the end of the text), and -1 before any.
func TestLastTokenBefore(t *testing.T) {
	src := "“We will act,” he said.\u2000 "
	d, err := Parse(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	n := len(d.Tokens)
	for _, tc := range []struct {
		end, want int
	}{
		{len(src), n - 1},          // past every token, in trailing spaces
		{d.Tokens[n-1].End, n - 1}, // at the end of the last token
		{d.Tokens[1].End, 1},       // at the end of a token
		{d.Tokens[1].End + 1, 1},   // in the space after it
		{d.Tokens[0].Start, -1},    // before any token
	} {
		if got := d.LastTokenBefore(tc.end); got != tc.want {
			t.Errorf("LastTokenBefore(%d) = %d, want %d (tokens %v)", tc.end, got, tc.want, d.Tokens)
		}
	}
}
