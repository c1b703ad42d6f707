package extract

import (
	"cmp"
	"slices"

	"github.com/readout/readout/parser"
)

var timePrefixes = map[string]bool{"on": true, "late": true, "early": true, "later": true, "earlier": true, "last": true, "this": true, "next": true, "that": true, "in": true, "the": true, "coming": true, "of": true}

var timeAnchors = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "jan.": true, "feb.": true, "aug.": true,
	"sept.": true, "sep.": true, "oct.": true, "nov.": true, "dec.": true,
	"today": true, "tonight": true, "yesterday": true, "tomorrow": true,
}

// relative anchors need a prefix: "later that day", "next week".
var relativeAnchors = map[string]bool{"day": true, "week": true, "month": true, "year": true, "morning": true, "afternoon": true, "evening": true, "night": true, "weekend": true}

// timeAt matches a time expression starting at token i ("on Monday",
// "later that day", "Late Saturday morning", "on Nov. 14") and returns its
// last token, or -1.
func (x *state) timeAt(i, last int) int {
	d := x.doc
	j := i
	prefixes := 0
	for j <= last && x.class[j]&classTimePrefix != 0 && prefixes < 3 {
		j++
		prefixes++
	}
	if j > last {
		return -1
	}
	anchored := false
	end := -1
	for j <= last {
		w := x.low[j]
		switch {
		case timeAnchors[w] && (w != "may" || isCapWord(d.Tokens[j].Text)) && (w != "march" || isCapWord(d.Tokens[j].Text)):
			anchored = true
		case relativeAnchors[w] && (prefixes > 0 || anchored):
			anchored = true
		case d.Tokens[j].Tag == "CD" && anchored:
		default:
			return end
		}
		end = j
		j++
	}
	return end
}

// sentenceIndex is what the exchange rules ask of a whole sentence, found
// once per sentence (for the sentence asked last): a long sentence with
// many exchanges would otherwise be scanned once for each, in quadratic
// time.
type sentenceIndex struct {
	of          int        // 1 + the sentence's first token; 0: none yet
	times       []timeExpr // its time expressions, in order
	video, call bool       // it names a video call; a phone call (channelNear)
	planned     []int      // tokens where a plan word starts (plannedBefore)
	// For subjectOf: the sentence's first subject mention, and the first
	// mention before it that could stand for one (and its first token); -1
	// when none.
	subj, cand, candAt int
}

// The index is kept for the exchange rules only (findCounterparts resets
// it when it starts): by then the mentions and their entities are final.

// sentenceIndex returns the index of sentence s, building it if s is not
// the sentence indexed last.
func (x *state) sentenceIndex(s parser.Sentence) *sentenceIndex {
	ix := &x.sent
	if ix.of == s.First+1 {
		return ix
	}
	ix.of = s.First + 1
	ix.times = x.findTimes(s, ix.times[:0])
	ix.video, ix.call = x.findChannels(s)
	ix.planned = ix.planned[:0]
	for j := s.First; j <= s.Last; j++ {
		if x.planWord(j, s.Last) {
			ix.planned = append(ix.planned, j)
		}
	}
	ix.subj, ix.cand, ix.candAt = x.findSubject(s)
	return ix
}

// timeExpr is a time expression of a sentence: its tokens [first, last],
// and start, the token its text starts at ("on Monday" is written
// "Monday").
type timeExpr struct{ first, start, last int }

// findTimes appends the time expressions of sentence s to times, in
// order. They do not overlap; where two could start one token apart the
// longer, earlier one is taken.
func (x *state) findTimes(s parser.Sentence, times []timeExpr) []timeExpr {
	a, b := s.First, s.Last
	for i := a; i <= b; i++ {
		if i > a && x.class[i-1]&classTimePrefix != 0 && x.timeAt(i-1, b) >= 0 {
			continue // a longer match starts one token earlier
		}
		e := x.timeAt(i, b)
		if e < 0 {
			continue
		}
		start := i
		if x.low[start] == "on" && start < e {
			start++
		}
		times = append(times, timeExpr{i, start, e})
		i = e
	}
	return times
}

// timeNear finds the time expression of sentence s nearest to token k: the
// distance is from k back to an expression's end, or from k on to its
// start; the first of equals wins. In time logarithmic in the number of
// the sentence's expressions.
func (x *state) timeNear(s parser.Sentence, k int) (parser.Span, bool) {
	times := x.sentenceIndex(s).times
	// Expressions ending at or before k are nearer the later they end, so
	// only the last of them can win; scanning starts there.
	from, _ := slices.BinarySearchFunc(times, k, func(t timeExpr, k int) int { return cmp.Compare(t.last, k+1) })
	from = max(from-1, 0)
	best, bestDist := -1, -1
	for i := from; i < len(times); i++ {
		t := times[i]
		dist := k - t.last
		if dist < 0 {
			dist = t.first - k
		}
		// Past k, distances only grow: nothing later can win. (A negative
		// distance, an expression around k, counts as no match yet, as it
		// always has: the next expression replaces it.)
		if bestDist >= 0 && dist >= bestDist && t.last > k {
			break
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if bestDist < 0 {
		return parser.Span{}, false
	}
	return spanOf(x.doc, times[best].start, times[best].last), true
}
