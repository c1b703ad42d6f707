package legacy

import "github.com/readout/readout/parser"

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

// timeNear finds the time expression nearest to token k within [a, b].
func (x *state) timeNear(a, b, k int) (parser.Span, bool) {
	best, bestDist := parser.Span{}, -1
	for i := a; i <= b; i++ {
		if i > a && x.class[i-1]&classTimePrefix != 0 && x.timeAt(i-1, b) >= 0 {
			continue // a longer match starts one token earlier
		}
		e := x.timeAt(i, b)
		if e < 0 {
			continue
		}
		start := i
		// "on Monday" is written "Monday" in the record.
		if x.low[start] == "on" && start < e {
			start++
		}
		dist := k - e
		if dist < 0 {
			dist = i - k
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = spanOf(x.doc, start, e), dist
		}
		i = e
	}
	return best, bestDist >= 0
}
