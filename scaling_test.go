package readout_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// longSentence is one sentence of about n bytes made of exchanges with
// time expressions, joint talks, talks between two people and visits,
// joined by ", and ": the shapes whose rules once scanned the whole
// sentence for each exchange.
func longSentence(n int) string {
	names := []string{"Olaf Scholz", "Joe Biden", "Fumio Kishida", "Emmanuel Macron", "Mark Rutte", "Li Qiang"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString(", and ")
		}
		a, c := names[i%len(names)], names[(i+1)%len(names)]
		switch i % 4 {
		case 0:
			b.WriteString("President " + a + " spoke by phone with Chancellor " + c + " on Monday")
		case 1:
			b.WriteString("the two leaders held talks next week")
		case 2:
			b.WriteString("talks between " + a + " and " + c + " on Friday later that day")
		case 3:
			b.WriteString(a + " will visit Japan later this month to meet " + c)
		}
	}
	b.WriteString(".")
	return b.String()
}

// manyQuotes is an article of about n bytes in short paragraphs, each
// with quotations, continuations and reported speech: the shapes whose
// stages once re-sorted every quote, or compared every quote with every
// other, for each one found.
func manyQuotes(n int) string {
	names := []string{"Olaf Scholz", "Joe Biden", "Fumio Kishida", "Emmanuel Macron", "Mark Rutte", "Li Qiang"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		a, c := names[i%len(names)], names[(i+1)%len(names)]
		b.WriteString("“We will work together on trade and energy,” said President " + a + ".\n\n")
		b.WriteString("“The next round of talks will decide a great deal for both of our countries.”\n\n")
		b.WriteString(c + " told reporters that the talks had been useful, adding that " + a + " would visit Tokyo next month.\n\n")
	}
	return b.String()
}

// TestManyQuotesTakeLinearTime: a 3 MB article of many quotes takes at
// most a small multiple of what a 200 KB one takes per byte. When each
// quote found re-sorted all the others, 3 MB took 57 s.
func TestManyQuotesTakeLinearTime(t *testing.T) {
	assertLinear(t, manyQuotes(200<<10), manyQuotes(3<<20), func(r record.Readout, src string) string {
		if len(r.Quotes) < len(src)/400 {
			return "too few quotes: the test article does not exercise the quote stages"
		}
		return ""
	})
}

// TestLongSentenceTakesLinearTime: a 3 MB sentence takes at most a small
// multiple of what a 200 KB one takes per byte. When every exchange
// scanned the sentence, 200 KB took 0.5 s and 3 MB several minutes.
func TestLongSentenceTakesLinearTime(t *testing.T) {
	small := longSentence(200 << 10)
	doc, err := parser.Parse(context.Background(), small)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != 1 {
		t.Fatalf("the input is %d sentences, want 1", len(doc.Sentences))
	}
	assertLinear(t, small, longSentence(3<<20), func(r record.Readout, _ string) string {
		if len(r.Counterparts) == 0 {
			return "no counterparts found: the test sentence does not exercise the exchange rules"
		}
		return ""
	})
}

// assertLinear converts small and large (about 200 KB and 3 MB) and fails
// when large takes more than 4 times small's time per byte. The two are
// timed in the same test, so the machine's speed cancels out. exercised
// says why a record does not exercise what the test is about, or "".
func assertLinear(t *testing.T, small, large string, exercised func(r record.Readout, src string) string) {
	t.Helper()
	if testing.Short() {
		t.Skip("converts 3 MB: a few seconds; skipped with -short")
	}
	rules, err := readout.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	convert := func(src string) time.Duration {
		start := time.Now()
		r, err := readout.Convert(context.Background(), []byte(src), "large.txt", rules, readout.Options{MaxBytes: len(src)})
		if err != nil {
			t.Fatal(err)
		}
		if why := exercised(r, src); why != "" {
			t.Fatal(why)
		}
		return time.Since(start)
	}
	convert(small) // warm up: the tagger's model, the pools
	tSmall := min(convert(small), convert(small))
	tLarge := convert(large)
	perByte := (tLarge.Seconds() / float64(len(large))) / (tSmall.Seconds() / float64(len(small)))
	t.Logf("%d KB: %v, %d KB: %v; time per byte %.1f× the small input's", len(small)>>10, tSmall, len(large)>>10, tLarge, perByte)
	if perByte > 4 {
		t.Errorf("%d KB took %v, %.1f× the time per byte of %d KB (%v): not linear", len(large)>>10, tLarge, perByte, len(small)>>10, tSmall)
	}
}
