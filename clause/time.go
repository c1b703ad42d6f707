package clause

import (
	"sort"
	"strings"

	"github.com/readout/readout/lexicon"
)

// Time is a time expression: tokens First through Last ("on Monday",
// "later that day", "next week").
type Time struct {
	First, Last int
}

// findTimes indexes every time expression once, left to right, so that a
// lookup is a binary search, whatever the length of a sentence.
func (a *Analysis) findTimes() {
	a.timeAt = filled(len(a.Doc.Tokens))[:len(a.Doc.Tokens)]
	for _, s := range a.Doc.Sentences {
		for i := s.First; i <= s.Last; i++ {
			e := a.timeEnd(i, s.Last)
			if e < 0 {
				continue
			}
			if a.Is(i, Genitive) {
				continue // "of Monday": part of what comes before
			}
			a.timeAt[i] = int32(len(a.Times))
			a.Times = append(a.Times, Time{First: i, Last: e})
			i = e
		}
	}
}

// timeEnd matches a time expression starting at token i ("on Monday",
// "later that day", "Late Saturday morning", "on Nov. 14") and returns
// its last token, or -1.
func (a *Analysis) timeEnd(i, last int) int {
	j, prefixes := i, 0
	for j <= last && prefixes < 3 && a.In(lexicon.TimePrefixes, j) {
		j++
		prefixes++
	}
	if n, _ := a.Match(lexicon.TimeParts, j); n > 0 && prefixes > 0 {
		// "in the second half of this year": a part of a period, then
		// the period with prefixes of its own.
		j += n
		for more := 0; j <= last && more < 2 && a.In(lexicon.TimePrefixes, j); more++ {
			j++
		}
	}
	anchored, end := false, -1
	for ; j <= last; j++ {
		switch {
		case a.In(lexicon.TimeAnchors, j) || a.In(lexicon.CalendarWords, j):
			anchored = true
		case a.In(lexicon.RelativeTime, j) && (prefixes > 0 || anchored):
			anchored = true
		case (a.Tag(j) == "CD" || isNumberRange(a.Words[j])) && anchored:
		default:
			return end
		}
		end = j
	}
	return end
}

// TimeAt returns the time expression starting at token i.
func (a *Analysis) TimeAt(i int) (Time, bool) {
	if i < 0 || i >= len(a.timeAt) || a.timeAt[i] < 0 {
		return Time{}, false
	}
	return a.Times[a.timeAt[i]], true
}

// TimeNear returns the time expression within tokens [first, last] nearest
// to token k (by the gap between them), preferring the earlier on a tie.
func (a *Analysis) TimeNear(first, last, k int) (Time, bool) {
	i := sort.Search(len(a.Times), func(i int) bool { return a.Times[i].Last >= k })
	best, bestDist := Time{}, -1
	for _, c := range []int{i - 1, i, i + 1} {
		if c < 0 || c >= len(a.Times) {
			continue
		}
		t := a.Times[c]
		if t.First < first || t.Last > last {
			continue
		}
		dist := k - t.Last
		if dist < 0 {
			dist = t.First - k
		}
		if dist < 0 {
			dist = 0
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = t, dist
		}
	}
	return best, bestDist >= 0
}

// timeTail: token k is a time noun after the anchor of its time
// expression ("Thursday evening", "Monday night"): part of the time, no
// noun phrase or verb of its own ("Spicer on Thursday evening said …").
func (a *Analysis) timeTail(k int) bool {
	if !a.In(lexicon.RelativeTime, k) {
		return false
	}
	t, ok := a.TimeCovering(k)
	return ok && k > t.First && a.In(lexicon.TimeAnchors, k-1)
}

// TimeCovering returns the time expression that holds token k.
func (a *Analysis) TimeCovering(k int) (Time, bool) {
	i := sort.Search(len(a.Times), func(i int) bool { return a.Times[i].Last >= k })
	if i < len(a.Times) && a.Times[i].First <= k {
		return a.Times[i], true
	}
	return Time{}, false
}

// isNumberRange: a range of numbers written as one word, "27-28" or
// "27–28" ("on June 27-28"), which the tagger may read as an adjective.
func isNumberRange(w string) bool {
	lo, hi, ok := strings.Cut(strings.Replace(w, "–", "-", 1), "-")
	return ok && lo != "" && hi != "" && strings.Trim(lo, "0123456789") == "" && strings.Trim(hi, "0123456789") == ""
}
