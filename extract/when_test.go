package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/parser"
)

// timeNearScan is timeNear as it was before sentences' time expressions
// were indexed: a scan of the sentence for each question. It is the
// reference TestTimeNearAgreesWithScan holds the index to.
func (x *state) timeNearScan(a, b, k int) (parser.Span, bool) {
	best, bestDist := parser.Span{}, -1
	for i := a; i <= b; i++ {
		if i > a && x.class[i-1]&classTimePrefix != 0 && x.timeAt(i-1, b) >= 0 {
			continue
		}
		e := x.timeAt(i, b)
		if e < 0 {
			continue
		}
		start := i
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

// channelNearScan and plannedBeforeScan are channelNear and plannedBefore
// as they were before the sentence index: scans for each question.
func (x *state) channelNearScan(s parser.Sentence, k int, channel string) string {
	call := false
	for j := s.First; j <= s.Last; j++ {
		n, ch := x.match(x.rules.meeting, j)
		if n == 0 {
			continue
		}
		if ch == "video call" {
			return ch
		}
		if ch == "call" && (strings.Contains(x.low[j], "phone") || x.low[j] == "call" || x.low[j] == "calls" || x.low[j] == "conversation") {
			call = true
		}
		j += n - 1
	}
	if call && (channel == "talks" || channel == "meeting" && x.low[k] != "met" && x.low[k] != "visit" && x.low[k] != "visited") {
		return "call"
	}
	return channel
}

func (x *state) plannedBeforeScan(s parser.Sentence, subj, k int) bool {
	from := s.First
	if subj >= 0 {
		from = x.mentions[subj].last + 1
	}
	for j := from; j < k && j <= s.Last; j++ {
		if n, _ := x.match(x.rules.planned, j); n > 0 {
			if x.low[j] == "to" && !(j+1 <= s.Last && strings.HasPrefix(x.doc.Tokens[j+1].Tag, "VB")) {
				continue
			}
			return true
		}
	}
	for j := k; j <= s.Last && j <= k+6; j++ {
		if x.low[j] == "planned" || x.low[j] == "scheduled" || x.low[j] == "next" || (x.low[j] == "later" && j+1 <= s.Last && x.low[j+1] == "this") || x.low[j] == "upcoming" {
			return true
		}
	}
	return false
}

// TestSentenceIndexAgreesWithScan: for every token of every sentence of
// the fixtures and of sentences dense with time expressions, channel and
// plan words, timeNear, channelNear, subjectOf and plannedBefore (from every mention
// of the sentence and of the one before) give what a scan of the sentence
// gives, whatever order the sentences are asked in.
func TestSentenceIndexAgreesWithScan(t *testing.T) {
	rules, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"On Monday the leaders met; later that day they spoke by phone, and on Nov. 14 they will meet again next week on Friday.",
		"Monday Tuesday on on on Monday 12 2024 later that day early this morning the next week of May, March and may.",
		"He will call on Monday and then on Tuesday, and this week, next month, last year, today, tonight, tomorrow.",
		"The call on Monday morning 12 was on Monday.",
		"President Joe Biden will meet Chancellor Olaf Scholz, who plans to visit Japan, and is set to hold a video call with Li. Meetings are planned there with Rutte by phone, then talks.",
		"Biden met Scholz. Scholz said he wants to travel to Paris in a phone conversation and would hold talks with Macron.",
	}
	paths, _ := filepath.Glob("../testdata/fixtures/*.txt")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	mentions := 0
	for _, text := range texts {
		doc, err := parser.Parse(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		x := newState(doc, rules)
		x.findMentions()
		x.resolve()
		x.mergeRoles()
		mentions += len(x.mentions)
		// Backwards, so that the cache is asked for a new sentence each
		// time and also for the same one many times.
		for si := len(doc.Sentences) - 1; si >= 0; si-- {
			s := doc.Sentences[si]
			for k := s.First; k <= s.Last; k++ {
				got, gotOK := x.timeNear(s, k)
				want, wantOK := x.timeNearScan(s.First, s.Last, k)
				if gotOK != wantOK || gotOK && got != want {
					t.Errorf("%.40q… token %d (%q): timeNear %v %v, scan %v %v", text, k, doc.Tokens[k].Text, got, gotOK, want, wantOK)
				}
				// (A pair's mention is made afresh by each call: compared by value.)
				if got, want := x.subjectOf(s, k), x.sentenceSubject(s, k); got != want && (got < 0 || want < 0 || x.mentions[got] != x.mentions[want]) {
					t.Errorf("%.40q… token %d (%q): subjectOf %d, sentenceSubject %d", text, k, doc.Tokens[k].Text, got, want)
				}
				for _, ch := range []string{"call", "talks", "meeting", "letter"} {
					if got, want := x.channelNear(s, k, ch), x.channelNearScan(s, k, ch); got != want {
						t.Errorf("%.40q… token %d (%q): channelNear(%s) %s, scan %s", text, k, doc.Tokens[k].Text, ch, got, want)
					}
				}
				for mi := -1; mi < len(x.mentions); mi++ {
					if mi >= 0 && (x.mentions[mi].last > s.Last || si > 0 && x.mentions[mi].first < doc.Sentences[si-1].First) {
						continue
					}
					if got, want := x.plannedBefore(s, mi, k), x.plannedBeforeScan(s, mi, k); got != want {
						t.Errorf("%.40q… token %d (%q), subject %d: plannedBefore %v, scan %v", text, k, doc.Tokens[k].Text, mi, got, want)
					}
				}
			}
		}
		x.release()
	}
	if mentions < 100 {
		t.Errorf("%d mentions in all: plannedBefore was hardly tested", mentions)
	}
}
