package clause_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/parser"
)

// TestInvariants checks the invariants of doc.go on every fixture article.
func TestInvariants(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "fixtures", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in ../testdata/fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parser.Parse(context.Background(), string(src))
			if err != nil {
				t.Fatal(err)
			}
			if errs := checkInvariants(doc, analyzeDoc(t, doc)); len(errs) > 0 {
				for _, e := range errs {
					t.Error(e)
				}
			}
		})
	}
}

// FuzzAnalyze checks the invariants of doc.go on arbitrary input.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Foreign Minister Ana Ribeiro of Brazil met Prime Minister Kenji Mori in Tokyo on Monday.",
		"Kenji Mori, Japan's prime minister, said the alliance was strong, adding that talks would continue.",
		"“We will not back down,” said Defence Minister Olga Petrenko. She did not elaborate.",
		"The two leaders agreed to support and encourage the process; both sides would meet again, her office said.",
		"WASHINGTON (AP) — The U.S. and the UK signed the accord, according to the ministry.",
		"Ursula von der Leyen and S. Jaishankar, who arrived in Florence, were told by Mr. Tanaka's aides.",
		"",
		",,, and and 's ’s “ ”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := parser.Parse(context.Background(), s)
		if err != nil {
			return // inputs the parser refuses have no analysis
		}
		for _, e := range checkInvariants(doc, analyzeDoc(t, doc)) {
			t.Error(e)
		}
	})
}

// analyzeDoc analyses doc and checks that the analysis left it unchanged.
func analyzeDoc(t testing.TB, doc *parser.Document) *clause.Analysis {
	t.Helper()
	before := snapshot(doc)
	a := clause.Analyze(doc, defaultLex(t))
	if after := snapshot(doc); !reflect.DeepEqual(before, after) {
		t.Errorf("Analyze changed the Document")
	}
	return a
}

// snapshot is a deep copy of what a Document holds.
func snapshot(d *parser.Document) parser.Document {
	c := *d
	if d.Title != nil {
		title := *d.Title
		c.Title = &title
	}
	c.Paragraphs = append([]parser.Paragraph(nil), d.Paragraphs...)
	c.Sentences = append([]parser.Sentence(nil), d.Sentences...)
	c.Tokens = append([]parser.Token(nil), d.Tokens...)
	c.Quotes = make([]parser.QuoteSpan, len(d.Quotes))
	for i, q := range d.Quotes {
		c.Quotes[i] = q
		c.Quotes[i].Parts = append(q.Parts[:0:0], q.Parts...)
	}
	c.Warnings = append([]string(nil), d.Warnings...)
	return c
}

// checkInvariants returns what in a breaks the invariants of doc.go: spans
// within one sentence, chunks in text order that do not overlap, NPAt and
// VGAt pointing back at the chunk that holds each token, every link -1 or
// a valid index, and the span functions staying in the sentence.
func checkInvariants(doc *parser.Document, a *clause.Analysis) []string {
	var errs []string
	fail := func(format string, args ...any) {
		if len(errs) < 20 {
			errs = append(errs, fmt.Sprintf(format, args...))
		}
	}
	nt := len(doc.Tokens)
	if len(a.NPAt) < nt || len(a.VGAt) < nt || len(a.Words) < nt || len(a.Low) < nt {
		fail("per-token tables shorter than the %d tokens", nt)
		return errs
	}
	if len(a.Sents) != len(doc.Sentences) {
		fail("%d Sents for %d sentences", len(a.Sents), len(doc.Sentences))
	}
	for si, s := range a.Sents {
		if ds := doc.Sentences[si]; ds.Last >= ds.First && (s.Body < ds.First || s.Body > ds.Last) {
			fail("sentence %d: Body %d outside [%d, %d]", si, s.Body, ds.First, ds.Last)
		}
	}
	inSentence := func(first, last int) bool {
		return 0 <= first && first <= last && last < nt && doc.Tokens[first].Sentence == doc.Tokens[last].Sentence
	}
	within := func(k, first, last int) bool { return first <= k && k <= last }
	validNP := func(n int32) bool { return n >= -1 && int(n) < len(a.NPs) }

	for n := range a.NPs {
		np := &a.NPs[n]
		if !inSentence(np.First, np.Last) {
			fail("NP%d [%d, %d] is no span of one sentence", n, np.First, np.Last)
			continue
		}
		if n > 0 && a.NPs[n-1].Last >= np.First {
			fail("NP%d [%d, %d] overlaps or precedes NP%d [%d, %d]", n, np.First, np.Last, n-1, a.NPs[n-1].First, a.NPs[n-1].Last)
		}
		for k := np.First; k <= np.Last; k++ {
			if int(a.NPAt[k]) != n {
				fail("NPAt[%d] = %d, want NP%d %q", k, a.NPAt[k], n, a.Text(np.First, np.Last))
			}
		}
		if !within(np.Head, np.First, np.Last) {
			fail("NP%d %q: Head %d outside it", n, a.Text(np.First, np.Last), np.Head)
		}
		if (np.NameFirst < 0) != (np.NameLast < 0) || np.NameFirst >= 0 && !(within(np.NameFirst, np.First, np.Last) && within(np.NameLast, np.NameFirst, np.Last)) {
			fail("NP%d %q: name [%d, %d] outside it", n, a.Text(np.First, np.Last), np.NameFirst, np.NameLast)
		}
		for _, l := range []struct {
			k string
			v int32
		}{{"Possessor", np.Possessor}, {"PossessorOf", np.PossessorOf}, {"Appos", np.Appos}, {"ApposOf", np.ApposOf},
			{"Conj", np.Conj}, {"ConjOf", np.ConjOf}, {"Of", np.Of}} {
			if !validNP(l.v) || int(l.v) == n {
				fail("NP%d %q: %s = %d", n, a.Text(np.First, np.Last), l.k, l.v)
			}
		}
		if p := np.Possessor; p >= 0 && validNP(p) && int(a.NPs[p].PossessorOf) != n {
			fail("NP%d: Possessor NP%d, whose PossessorOf is %d", n, p, a.NPs[p].PossessorOf)
		}
		if p := np.Appos; p >= 0 && validNP(p) && int(a.NPs[p].ApposOf) != n {
			fail("NP%d: Appos NP%d, whose ApposOf is %d", n, p, a.NPs[p].ApposOf)
		}
		if c := np.Conj; c >= 0 && validNP(c) && int(c) <= n {
			fail("NP%d: Conj NP%d does not follow it", n, c)
		}
	}
	for v := range a.VGs {
		vg := &a.VGs[v]
		if !inSentence(vg.First, vg.Last) {
			fail("VG%d [%d, %d] is no span of one sentence", v, vg.First, vg.Last)
			continue
		}
		if v > 0 && a.VGs[v-1].Last >= vg.First {
			fail("VG%d [%d, %d] overlaps or precedes VG%d [%d, %d]", v, vg.First, vg.Last, v-1, a.VGs[v-1].First, a.VGs[v-1].Last)
		}
		for k := vg.First; k <= vg.Last; k++ {
			if int(a.VGAt[k]) != v {
				fail("VGAt[%d] = %d, want VG%d %q", k, a.VGAt[k], v, a.Text(vg.First, vg.Last))
			}
		}
		if !within(vg.Head, vg.First, vg.Last) {
			fail("VG%d %q: Head %d outside it", v, a.Text(vg.First, vg.Last), vg.Head)
		}
		if vg.ModalTok != -1 && !within(vg.ModalTok, vg.First, vg.Last) || vg.NegTok != -1 && !within(vg.NegTok, vg.First, vg.Last) {
			fail("VG%d %q: modal %d or negation %d outside it", v, a.Text(vg.First, vg.Last), vg.ModalTok, vg.NegTok)
		}
		// A modal may be shared without its token ("would recognise X and
		// keep Y"): only a modal's token needs a modal.
		if vg.Negated != (vg.NegTok >= 0) || vg.ModalTok >= 0 && vg.Modal == "" {
			fail("VG%d %q: Negated %v with NegTok %d, Modal %q with ModalTok %d", v, a.Text(vg.First, vg.Last), vg.Negated, vg.NegTok, vg.Modal, vg.ModalTok)
		}
		for _, l := range []struct {
			k string
			v int32
		}{{"Subject", vg.Subject}, {"Object", vg.Object}, {"Agent", vg.Agent}, {"Rel", vg.Rel}} {
			if !validNP(l.v) {
				fail("VG%d %q: %s = %d", v, a.Text(vg.First, vg.Last), l.k, l.v)
			}
		}
		if vg.Coord < -1 || int(vg.Coord) >= len(a.VGs) || int(vg.Coord) == v {
			fail("VG%d %q: Coord = %d", v, a.Text(vg.First, vg.Last), vg.Coord)
		}
		if vg.Inverted && vg.Subject < 0 {
			fail("VG%d %q: inverted without a subject", v, a.Text(vg.First, vg.Last))
		}
	}
	for k := 0; k < nt; k++ {
		if n := a.NPAt[k]; n >= 0 && (int(n) >= len(a.NPs) || !within(k, a.NPs[n].First, a.NPs[n].Last)) {
			fail("NPAt[%d] = %d does not cover token %d", k, n, k)
		}
		if v := a.VGAt[k]; v >= 0 && (int(v) >= len(a.VGs) || !within(k, a.VGs[v].First, a.VGs[v].Last)) {
			fail("VGAt[%d] = %d does not cover token %d", k, v, k)
		}
		if a.NPAt[k] >= 0 && a.VGAt[k] >= 0 {
			fail("token %d %q is in NP%d and VG%d", k, a.Words[k], a.NPAt[k], a.VGAt[k])
		}
	}
	for i := range a.Times {
		tm := a.Times[i]
		if !inSentence(tm.First, tm.Last) || i > 0 && a.Times[i-1].Last >= tm.First {
			fail("time %d [%d, %d] out of order or across sentences", i, tm.First, tm.Last)
		}
	}
	errs = append(errs, checkLookups(doc, a)...)
	return errs
}

// checkLookups checks the functions that find chunks and spans against
// the tables they read.
func checkLookups(doc *parser.Document, a *clause.Analysis) []string {
	var errs []string
	fail := func(format string, args ...any) {
		if len(errs) < 20 {
			errs = append(errs, fmt.Sprintf(format, args...))
		}
	}
	nt := len(doc.Tokens)
	for _, s := range doc.Sentences {
		if s.Last < s.First {
			continue
		}
		// VGsIn against a scan, on the sentence and on its halves.
		mid := (s.First + s.Last) / 2
		for _, r := range [][2]int{{s.First, s.Last}, {s.First, mid}, {mid + 1, s.Last}} {
			lo, hi := a.VGsIn(r[0], r[1])
			wlo, whi := -1, -1
			for v := range a.VGs {
				if a.VGs[v].First >= r[0] && a.VGs[v].First <= r[1] {
					if wlo < 0 {
						wlo = v
					}
					whi = v + 1
				}
			}
			if wlo < 0 {
				if lo != hi {
					fail("VGsIn(%d, %d) = [%d, %d), want empty", r[0], r[1], lo, hi)
				}
			} else if lo != wlo || hi != whi {
				fail("VGsIn(%d, %d) = [%d, %d), want [%d, %d)", r[0], r[1], lo, hi, wlo, whi)
			}
		}
		for k := s.First; k <= s.Last; k++ {
			if e := a.ClauseEnd(k); e < k-1 || e > s.Last {
				fail("ClauseEnd(%d) = %d, outside [%d, %d]", k, e, k-1, s.Last)
			}
		}
	}
	for n := range a.NPs {
		if a.NPStarting(a.NPs[n].First) != n || a.NPEnding(a.NPs[n].Last) != n {
			fail("NPStarting/NPEnding do not find NP%d", n)
		}
		if v := a.ObjectVG(n); v != -1 && (v < 0 || v >= len(a.VGs) || int(a.VGs[v].Object) != n) {
			fail("ObjectVG(%d) = %d, whose object is not NP%d", n, v, n)
		} else if v == -1 {
			for w := range a.VGs {
				if int(a.VGs[w].Object) == n {
					fail("ObjectVG(%d) = -1, but VG%d has it as object", n, w)
					break
				}
			}
		}
		if c := a.Conjuncts(n); len(c) == 0 || !containsInt(c, n) && len(c) < 8 {
			fail("Conjuncts(%d) = %v leaves it out", n, c)
		}
	}
	for v := range a.VGs {
		vg := &a.VGs[v]
		s := doc.Sentences[doc.Tokens[vg.First].Sentence]
		if e := a.ActionEnd(v); e < vg.Head-1 || e > s.Last {
			fail("ActionEnd(%d) = %d, outside [%d, %d]", v, e, vg.Head-1, s.Last)
		}
		if f := a.FrontedStart(vg.First); f != -1 && (f < s.First || f >= vg.First) {
			fail("FrontedStart(%d) = %d, outside [%d, %d)", vg.First, f, s.First, vg.First)
		}
	}
	if nt > 0 {
		if _, ok := a.TimeAt(nt); ok {
			fail("TimeAt past the last token found a time")
		}
	}
	return errs
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
