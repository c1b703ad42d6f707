package readout_test

import (
	"strings"
	"testing"

	"github.com/readout/readout"
)

// filler is a paragraph of about 200 bytes with nothing to find.
const filler = "The weather in the region was mild for the season, and the harvest of wheat and barley was expected to be larger than in the previous year by some margin in most of the provinces of the north.\n\n"

func TestWindows(t *testing.T) {
	big := strings.Repeat(filler, 3*readout.WindowBytes/len(filler))
	oneParagraph := strings.Repeat("word ", 2*readout.WindowBytes/5)
	quoted := strings.Repeat(filler, readout.WindowBytes/len(filler)/2) + strings.Repeat("\u201cA quotation over paragraphs.\n\n", readout.WindowBytes/30+10) + filler
	for _, tc := range []struct {
		name    string
		text    string
		windows int // 0: more than one
	}{
		{"short", filler, 1},
		{"empty", "", 1},
		{"exactly one window", strings.Repeat("x", readout.WindowBytes), 1},
		{"one long paragraph", oneParagraph, 1},
		{"many paragraphs", big, 0},
		{"a quotation over paragraphs", quoted, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws := readout.Windows(tc.text)
			if tc.windows > 0 && len(ws) != tc.windows || tc.windows == 0 && len(ws) < 2 {
				t.Fatalf("%d windows, want %d (0: several)", len(ws), tc.windows)
			}
			at := 0
			for i, w := range ws {
				if w[0] != at || w[1] < w[0] {
					t.Fatalf("window %d is %v, want it to start at %d", i, w, at)
				}
				at = w[1]
				if i == 0 {
					continue
				}
				if !strings.HasSuffix(tc.text[:w[0]], "\n\n") {
					t.Errorf("window %d starts at %d, not after a blank line", i, w[0])
				}
				if strings.HasPrefix(tc.text[w[0]:], "\u201c") {
					t.Errorf("window %d starts inside a quotation over paragraphs", i)
				}
				if tc.name == "many paragraphs" && w[0]-ws[i-1][0] > readout.WindowBytes {
					t.Errorf("window %d is %d bytes", i-1, w[0]-ws[i-1][0])
				}
			}
			if at != len(tc.text) {
				t.Errorf("the windows end at %d, the text at %d", at, len(tc.text))
			}
		})
	}
}

// A text over WindowBytes is converted in windows, and the windows'
// records make one: one headline, the speaker of a later window known by
// the name an earlier one gave in full, spans into the whole text.
func TestConvertJoinsWindows(t *testing.T) {
	var b strings.Builder
	b.WriteString("Leaders meet in Seoul\n\n")
	b.WriteString("President Yoon Suk Yeol said on Monday that the two countries would deepen their cooperation.\n\n")
	for b.Len() < 3*readout.WindowBytes {
		b.WriteString(filler)
	}
	b.WriteString("Yoon said that the talks had been useful.\n\n")
	b.WriteString("Prime Minister Fumio Kishida said that Japan would send an envoy.\n")
	src := b.String()
	if n := len(readout.Windows(src)); n < 3 {
		t.Fatalf("%d windows: the test needs several", n)
	}
	r := convert(t, src, nil)
	if r.Title != "Leaders meet in Seoul" {
		t.Errorf("title %q", r.Title)
	}
	var names []string
	for _, sp := range r.Speakers {
		names = append(names, sp.Name)
	}
	if strings.Join(names, "|") != "Yoon Suk Yeol|Fumio Kishida" {
		t.Errorf("speakers %q, want Yoon Suk Yeol and Fumio Kishida", names)
	}
	if len(r.Quotes) != 3 {
		t.Fatalf("%d quotes, want 3: %+v", len(r.Quotes), r.Quotes)
	}
	for _, q := range r.Quotes {
		if q.Speaker == nil || !strings.Contains(src[q.Span[0]:q.Span[1]], q.Text[:10]) {
			t.Errorf("quote %+v: no speaker, or its span is not its text", q)
		}
	}
	if *r.Quotes[1].Speaker != "Yoon Suk Yeol" {
		t.Errorf("the later window's Yoon is %q", *r.Quotes[1].Speaker)
	}
}
