package score

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/readout/readout/record"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Mark Rutte", []string{"mark", "rutte"}},
		{"U.S.-Japan talks, 2024!", []string{"u", "s", "japan", "talks", "2024"}},
		{"EU’s «Sánchez»", []string{"eu", "s", "sánchez"}},
		{"  ", nil},
	} {
		if got := Words(tc.in); !(len(got) == 0 && len(tc.want) == 0) && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Rutte", "Mark Rutte", true},                      // subset one way
		{"Mark Rutte", "Rutte", true},                      // and the other
		{"Mark Rutte", "Mark Rutte", true},                 // equal
		{"MARK rutte", "Rutte, Mark", true},                // case and order and punctuation
		{"Pedro SÁNCHEZ", "Sánchez", true},                 // Unicode case folding
		{"Rutte", "Rutten", false},                         // whole words only
		{"Mark Rutte", "Mark Carney", false},               // neither a subset
		{"Yoon Suk Yeol", "Yoon Seok", false},              // partial overlap
		{"", "Mark Rutte", false},                          // empty matches nothing
		{"Mark Rutte", "", false},                          //
		{"", "", false},                                    //
		{"—", "Rutte", false},                              // no words
		{"Joe Biden and Fumio Kishida", "Joe Biden", true}, // joint speaker contains one
	} {
		if got := SameName(tc.a, tc.b); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestJaccard(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"a b c d", "a b", 0.5},
		{"a b c", "a b d", 0.5},
		{"a b c", "a b d e", 0.4},
		{"We will act.", "we WILL act", 1},
		{"a a a b", "a b", 1}, // sets, not bags
		{"", "", 1},
		{"", "a", 0},
	} {
		if got := Jaccard(tc.a, tc.b); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Jaccard(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestPRF(t *testing.T) {
	for _, tc := range []struct {
		c       Count
		p, r, f float64
	}{
		{Count{0, 0, 0}, 1, 1, 1}, // nothing to find, nothing found
		{Count{0, 2, 0}, 0, 0, 0}, // found only extras
		{Count{0, 0, 2}, 0, 0, 0}, // found nothing
		{Count{1, 2, 4}, 0.5, 0.25, 1.0 / 3},
		{Count{3, 3, 3}, 1, 1, 1},
	} {
		p, r, f := tc.c.PRF()
		if math.Abs(p-tc.p) > 1e-12 || math.Abs(r-tc.r) > 1e-12 || math.Abs(f-tc.f) > 1e-12 {
			t.Errorf("%+v.PRF() = %v %v %v, want %v %v %v", tc.c, p, r, f, tc.p, tc.r, tc.f)
		}
	}
}

func TestMatchGreedy(t *testing.T) {
	table := map[[2]int]float64{}
	score := func(p, g int) float64 { return table[[2]int{p, g}] }
	for _, tc := range []struct {
		name         string
		nPred, nGold int
		scores       map[[2]int]float64
		want         [][2]int
	}{
		{
			// Greedy, not optimal: p0's best (g1) is taken first, so p1
			// (which only fits g1) is left out although 2 pairs were possible.
			name: "best first", nPred: 2, nGold: 2,
			scores: map[[2]int]float64{{0, 0}: 0.6, {0, 1}: 0.9, {1, 1}: 0.8},
			want:   [][2]int{{0, 1}},
		},
		{
			// Equal scores: prediction order, then gold order.
			name: "ties are stable", nPred: 2, nGold: 2,
			scores: map[[2]int]float64{{0, 0}: 1, {0, 1}: 1, {1, 0}: 1, {1, 1}: 1},
			want:   [][2]int{{0, 0}, {1, 1}},
		},
		{
			name: "each item once", nPred: 3, nGold: 1,
			scores: map[[2]int]float64{{0, 0}: 0.5, {1, 0}: 0.7, {2, 0}: 0.7},
			want:   [][2]int{{1, 0}},
		},
		{name: "nothing", nPred: 2, nGold: 0, want: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clear(table)
			for k, v := range tc.scores {
				table[k] = v
			}
			if got := match(tc.nPred, tc.nGold, score); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("match = %v, want %v", got, tc.want)
			}
		})
	}
}

func strp(s string) *string { return &s }

func TestScoreQuotes(t *testing.T) {
	gold := Record{Quotes: []Quote{
		{Speaker: "Anna Berg", Kind: "direct", Text: "a b c d"},
		{Speaker: "Anna Berg", Kind: "indirect", Text: "x y z"},
	}}
	for _, tc := range []struct {
		name      string
		pred      []Quote
		direct    Count
		indirect  Count
		right     int
		attrib    Count
		diffKinds []DiffKind
	}{
		{
			name:   "Jaccard exactly 0.5 matches",
			pred:   []Quote{{Speaker: "Berg", Kind: "direct", Text: "a b"}, {Speaker: "Anna Berg", Kind: "indirect", Text: "x y z"}},
			direct: Count{1, 1, 1}, indirect: Count{1, 1, 1}, right: 2, attrib: Count{2, 2, 2},
		},
		{
			name:   "Jaccard 0.4 does not",
			pred:   []Quote{{Speaker: "Anna Berg", Kind: "direct", Text: "a b e f"}, {Speaker: "Anna Berg", Kind: "indirect", Text: "x y z"}},
			direct: Count{0, 1, 1}, indirect: Count{1, 1, 1}, right: 1, attrib: Count{1, 2, 2},
			diffKinds: []DiffKind{Missing, Extra},
		},
		{
			name:   "kinds match only their own kind",
			pred:   []Quote{{Speaker: "Anna Berg", Kind: "indirect", Text: "a b c d"}},
			direct: Count{0, 0, 1}, indirect: Count{0, 1, 1}, right: 0, attrib: Count{0, 1, 2},
			diffKinds: []DiffKind{Missing, Missing, Extra},
		},
		{
			name:   "wrong and missing speakers",
			pred:   []Quote{{Speaker: "Karl Olsen", Kind: "direct", Text: "a b c d"}, {Kind: "indirect", Text: "x y z"}},
			direct: Count{1, 1, 1}, indirect: Count{1, 1, 1}, right: 0, attrib: Count{0, 2, 2},
			diffKinds: []DiffKind{WrongSpeaker, WrongSpeaker},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Score(Record{Quotes: tc.pred}, gold)
			s := res.Scores
			if s.Direct != tc.direct || s.Indirect != tc.indirect || s.AttrRight != tc.right || s.Attributed != tc.attrib {
				t.Errorf("direct %v indirect %v right %d attributed %v; want %v %v %d %v", s.Direct, s.Indirect, s.AttrRight, s.Attributed, tc.direct, tc.indirect, tc.right, tc.attrib)
			}
			if s.AttrMatched != tc.direct.TP+tc.indirect.TP {
				t.Errorf("AttrMatched = %d", s.AttrMatched)
			}
			var kinds []DiffKind
			for _, d := range res.Diff {
				kinds = append(kinds, d.Kind)
			}
			if !reflect.DeepEqual(kinds, tc.diffKinds) {
				t.Errorf("differences %v, want %v", kinds, tc.diffKinds)
			}
			if res.Perfect() != (tc.diffKinds == nil) {
				t.Errorf("Perfect() = %v", res.Perfect())
			}
		})
	}
}

func TestScorePledges(t *testing.T) {
	gold := Pledge{Actor: "South Korea", By: "Yoon Suk Yeol", Action: "take phased countermeasures", Strength: "commitment"}
	for _, tc := range []struct {
		name string
		pred Pledge
		want bool
	}{
		{"same actor", Pledge{Actor: "South Korea", Action: "take phased countermeasures"}, true},
		{"pred actor is gold by", Pledge{Actor: "Yoon", Action: "take phased countermeasures"}, true},
		{"pred by is gold actor", Pledge{Actor: "Seoul", By: "Korea", Action: "take phased countermeasures"}, true},
		{"pred by is gold by", Pledge{Actor: "Seoul", By: "Yoon Suk Yeol", Action: "take phased countermeasures"}, true},
		{"nobody in common", Pledge{Actor: "Japan", By: "Kishida", Action: "take phased countermeasures"}, false},
		{"empty by matches nothing", Pledge{Actor: "Japan", Action: "take phased countermeasures"}, false},
		{"action at exactly 0.5", Pledge{Actor: "South Korea", Action: "take countermeasures now"}, true},
		{"action below 0.5", Pledge{Actor: "South Korea", Action: "take other measures"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Score(Record{Pledges: []Pledge{tc.pred}}, Record{Pledges: []Pledge{gold}}).Scores
			if got := s.Pledges.TP == 1; got != tc.want {
				t.Errorf("matched = %v, want %v", got, tc.want)
			}
		})
	}
	// Strength is counted, not required.
	s := Score(Record{Pledges: []Pledge{{Actor: "South Korea", Action: gold.Action, Strength: "intent"}}}, Record{Pledges: []Pledge{gold}}).Scores
	if s.Pledges.TP != 1 || s.Strength != 0 {
		t.Errorf("strength: %+v", s)
	}
}

func TestScoreSpeakersAndCounterparts(t *testing.T) {
	gold := Record{
		Speakers:     []Speaker{{Name: "Yoon Suk Yeol"}, {Name: "Mark Rutte"}},
		Counterparts: []Counterpart{{Parties: []string{"Yoon Suk Yeol", "Mark Rutte"}, Channel: "call"}},
	}
	pred := Record{
		Speakers: []Speaker{{Name: "Rutte"}, {Name: "Yoon Suk Yeol"}, {Name: "Ursula von der Leyen", Where: Where{Span: &[2]int{5, 25}}}},
		Counterparts: []Counterpart{
			{Parties: []string{"Rutte", "Yoon"}, Channel: "meeting"}, // unordered; channel not scored
			{Parties: []string{"Yoon", "Rutte", "Leyen"}, Channel: "call"},
		},
	}
	res := Score(pred, gold)
	if res.Scores.Speakers != (Count{2, 3, 2}) || res.Scores.Counterparts != (Count{1, 2, 1}) {
		t.Fatalf("scores %+v", res.Scores)
	}
	want := "  extra          speaker         [5, 25) Ursula von der Leyen\n" +
		"  extra          counterpart     [Yoon, Rutte, Leyen] (call)\n"
	if got := FormatDiff(res.Diff); got != want {
		t.Errorf("FormatDiff:\n%s\nwant:\n%s", got, want)
	}
	if got := Summary(res.Diff); got != "2 extra" {
		t.Errorf("Summary = %q", got)
	}
}

func TestAccuracy(t *testing.T) {
	for _, tc := range []struct {
		s    Scores
		want float64
	}{
		{Scores{}, 1}, // no quotes anywhere
		{Scores{AttrRight: 3, AttrMatched: 4, Direct: Count{4, 4, 4}}, 0.75},
		{Scores{Direct: Count{0, 0, 2}}, 0}, // quotes to find, none matched
	} {
		if got := tc.s.Accuracy(); got != tc.want {
			t.Errorf("Accuracy(%+v) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestFromReadout(t *testing.T) {
	r := record.Readout{
		Source:   "a.txt",
		Speakers: []record.Speaker{{Name: "Anna Berg", Title: "President", Mentions: []record.Span{{10, 19}, {40, 44}}}},
		Quotes:   []record.Quote{{Speaker: strp("Anna Berg"), Kind: "direct", Cue: "said", Text: "Hello there.", Span: record.Span{27, 41}}, {Kind: "indirect", Text: "x"}},
		Pledges:  []record.Pledge{{Actor: "Norway", Action: "act", Strength: "intent", Span: record.Span{1, 2}}},
	}
	got := FromReadout(r)
	if got.Speakers[0].Span == nil || *got.Speakers[0].Span != [2]int{10, 19} {
		t.Errorf("speaker span %v", got.Speakers[0].Span)
	}
	if got.Quotes[0].Speaker != "Anna Berg" || got.Quotes[1].Speaker != "" || *got.Quotes[0].Span != [2]int{27, 41} {
		t.Errorf("quotes %+v", got.Quotes)
	}
	if got.Pledges[0].Actor != "Norway" || *got.Pledges[0].Span != [2]int{1, 2} {
		t.Errorf("pledges %+v", got.Pledges)
	}
}

const goodGold = `source: written for the test corpus
speakers:
- name: Anna Berg
  title: President
  affiliation: Norway
quotes:
- speaker: Anna Berg
  kind: direct
  cue: said
  text: 'The talks were useful: we learned a lot.'
counterparts:
- parties: [Anna Berg, 'Olsen, Karl']
  channel: video call
  when: Monday
  planned: true
pledges:
- actor: Norway
  by: Anna Berg
  action: send aid
  strength: commitment
  when: next week
`

func TestParseGold(t *testing.T) {
	r, err := ParseGold("g.gold.yaml", []byte(goodGold))
	if err != nil {
		t.Fatal(err)
	}
	if r.Quotes[0].Text != "The talks were useful: we learned a lot." || r.Quotes[0].Line != 7 ||
		r.Counterparts[0].Parties[1] != "Olsen, Karl" || !r.Counterparts[0].Planned || r.Pledges[0].When != "next week" {
		t.Errorf("parsed %+v", r)
	}
	// FormatGold writes what ParseGold reads, byte for byte in the guide's layout.
	if got := string(FormatGold(r)); got != goodGold {
		t.Errorf("FormatGold:\n%s\nwant:\n%s", got, goodGold)
	}
}

func TestParseGoldErrors(t *testing.T) {
	for _, tc := range []struct {
		name, edit, with string
		want             string
	}{
		{"unknown key", "- speaker: Anna Berg", "- speeker: Anna Berg", `g.gold.yaml:7: unknown key "speeker" in a quote (want speaker, kind, cue, text)`},
		{"unknown top key", "pledges:", "pledge:", `g.gold.yaml:16: unknown key "pledge" in a gold file`},
		{"kind", "kind: direct", "kind: quoted", `g.gold.yaml:8: quote kind "quoted": want direct or indirect`},
		{"channel", "channel: video call", "channel: summit", `g.gold.yaml:13: counterpart channel "summit": want call, video call, meeting, talks, letter, message, briefing or other`},
		{"strength", "strength: commitment", "strength: firm", `g.gold.yaml:20: pledge strength "firm": want commitment, intent or announcement`},
		{"parties", `[Anna Berg, 'Olsen, Karl']`, `[Anna Berg, Karl Olsen, Lee]`, `g.gold.yaml:12: counterpart parties: want exactly 2 names, got 3`},
		{"type", "title: President", "title: [President]", `g.gold.yaml:4: cannot unmarshal !!seq into string`},
		{"list type", "speakers:\n- name: Anna Berg\n  title: President\n  affiliation: Norway\n", "speakers: Anna\n", `g.gold.yaml:2: cannot unmarshal !!str ` + "`Anna`" + ` into a list of speakers`},
		{"syntax", "  cue: said", "  cue: said\n   text: x: y", `g.gold.yaml:10: `},
		{"duplicate", "  cue: said", "  cue: said\n  cue: stated", `g.gold.yaml:10: mapping key "cue" already defined at line 9`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(goodGold, tc.edit, tc.with, 1)
			if src == goodGold {
				t.Fatal("edit not applied")
			}
			_, err := ParseGold("g.gold.yaml", []byte(src))
			var ge *GoldError
			if !errors.As(err, &ge) {
				t.Fatalf("err = %v, want a *GoldError", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("err = %q, want it to start with %q", err, tc.want)
			}
		})
	}
	if _, err := ParseGold("e.gold.yaml", []byte("# nothing\n")); err == nil || !strings.HasPrefix(err.Error(), "e.gold.yaml:1: empty gold file") {
		t.Errorf("empty: %v", err)
	}
	if _, err := ParseGold("l.gold.yaml", []byte("- a\n- b\n")); err == nil || !strings.HasPrefix(err.Error(), "l.gold.yaml:1: a gold file is a mapping") {
		t.Errorf("list: %v", err)
	}
	// Several problems: one line each.
	src := strings.Replace(strings.Replace(goodGold, "kind: direct", "kind: quoted", 1), "strength: commitment", "strength: firm", 1)
	_, err := ParseGold("g.gold.yaml", []byte(src))
	if err == nil || strings.Count(err.Error(), "\n") != 1 {
		t.Errorf("two problems: %v", err)
	}
}

func TestUpdateGold(t *testing.T) {
	rec := Record{Source: "ignored", Speakers: []Speaker{{Name: "true"}}, Quotes: []Quote{{Kind: "direct", Text: "x: y\nz"}}}
	fresh := string(UpdateGold(nil, rec))
	want := "source: written for the test corpus\nspeakers:\n- name: \"true\"\nquotes:\n- kind: direct\n  text: \"x: y\\nz\"\ncounterparts: []\npledges: []\n"
	if fresh != want {
		t.Errorf("fresh gold:\n%s\nwant:\n%s", fresh, want)
	}
	if _, err := ParseGold("x", []byte(fresh)); err != nil {
		t.Errorf("re-reading: %v", err)
	}
	// The old source line stays as written, even in a malformed file.
	for _, old := range []string{
		"source: 'https://example.org/a (via: wire)'\nspeakers: []\n",
		"source: 'https://example.org/a (via: wire)'\nspeakers: [\n",
	} {
		got := string(UpdateGold([]byte(old), rec))
		if !strings.HasPrefix(got, "source: 'https://example.org/a (via: wire)'\nspeakers:\n") {
			t.Errorf("UpdateGold(%q) =\n%s", old, got)
		}
	}
	// Same record, same bytes.
	if a, b := UpdateGold([]byte(goodGold), rec), UpdateGold([]byte(goodGold), rec); string(a) != string(b) {
		t.Error("not deterministic")
	}
}

func TestThresholds(t *testing.T) {
	th, err := ParseThresholds("quotes=0.9, pledges=0.7,quotes=0.8")
	if err != nil {
		t.Fatal(err)
	}
	if want := (Thresholds{{Quotes, 0.8}, {Pledges, 0.7}}); !reflect.DeepEqual(th, want) {
		t.Errorf("parsed %v, want %v", th, want)
	}
	for _, bad := range []string{"quote=0.9", "quotes", "quotes=x", "quotes=1.5", "quotes=-0.1", "quotes=NaN"} {
		if _, err := ParseThresholds(bad); err == nil {
			t.Errorf("ParseThresholds(%q): no error", bad)
		}
	}
	// p = r = 0.9 gives an F1 a hair away from 0.9: still not below 0.9.
	s := Scores{Pledges: Count{9, 10, 10}, Direct: Count{1, 1, 1}, Attributed: Count{0, 1, 1}, AttrMatched: 1}
	th, _ = ParseThresholds("pledges=0.9,attribution=0.5,quotes=0.1,speakers=1")
	got := th.Check(s)
	if len(got) != 2 || got[0].Category != Attribution || got[1].Category != Quotes {
		t.Errorf("Check = %v", got)
	}
	if got[0].String() != "attribution accuracy 0.000 < 0.500" {
		t.Errorf("String = %q", got[0])
	}
}

func TestScoresJSON(t *testing.T) {
	b, err := json.Marshal(Scores{Speakers: Count{1, 2, 2}})
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	get := func(cat, key string) any { m, _ := v[cat].(map[string]any); return m[key] }
	if get("speakers", "f1") != 0.5 || get("pledges", "f1") != 1.0 || get("attribution", "accuracy") != 1.0 || v["perfect"] != false {
		t.Errorf("JSON %s", b)
	}
}

func TestWriteTotals(t *testing.T) {
	var b strings.Builder
	s := Scores{Speakers: Count{53, 81, 69}, AttrRight: 77, AttrMatched: 93}
	s.WriteTotals(&b, 24, 0)
	lines := strings.Split(b.String(), "\n")
	if lines[0] != "articles 24, without a prediction 0" ||
		lines[1] != "speakers         P 0.654  R 0.768  F1 0.707   (tp 53, pred 81, gold 69)" ||
		lines[5] != "attribution acc  0.828 of 93 matched quotes" {
		t.Errorf("totals:\n%s", b.String())
	}
}

// TestDifferenceItem: each difference names its item's index in the list
// of the record it comes from, quotes of both kinds mixed.
func TestDifferenceItem(t *testing.T) {
	pred := Record{
		Speakers: []Speaker{{Name: "Anna Berg"}, {Name: "Olaf Extra"}},
		Quotes: []Quote{
			{Speaker: "Anna Berg", Kind: record.Indirect, Text: "the talks were useful"},
			{Speaker: "Anna Berg", Kind: record.Direct, Text: "We agree on all of it"},
			{Speaker: "Anna Berg", Kind: record.Direct, Text: "Something nobody said at all"},
		},
		Counterparts: []Counterpart{{Parties: []string{"Anna Berg", "Olaf Extra"}, Channel: record.Call}},
		Pledges:      []Pledge{{Actor: "Sweden", Action: "send aid", Strength: record.Commitment}, {Actor: "Norway", Action: "build a bridge", Strength: record.Intent}},
	}
	gold := Record{
		Speakers: []Speaker{{Name: "Karl Olsen"}, {Name: "Anna Berg"}},
		Quotes: []Quote{
			{Speaker: "Karl Olsen", Kind: record.Direct, Text: "We agree on all of it"},
			{Speaker: "Anna Berg", Kind: record.Indirect, Text: "the talks were useful"},
			{Speaker: "Karl Olsen", Kind: record.Indirect, Text: "a gold quote never found"},
		},
		Pledges: []Pledge{{Actor: "Norway", Action: "build a bridge", Strength: record.Intent}, {Actor: "Denmark", Action: "host the summit", Strength: record.Announcement}},
	}
	want := []struct {
		kind    DiffKind
		section string
		item    int
	}{
		{Missing, "speaker", 0},
		{Extra, "speaker", 1},
		{WrongSpeaker, "direct quote", 1},
		{Extra, "direct quote", 2},
		{Missing, "indirect quote", 2},
		{Extra, "counterpart", 0},
		{Missing, "pledge", 1},
		{Extra, "pledge", 0},
	}
	res := Score(pred, gold)
	if len(res.Diff) != len(want) {
		t.Fatalf("%d differences, want %d:\n%s", len(res.Diff), len(want), FormatDiff(res.Diff))
	}
	for _, w := range want {
		found := false
		for _, d := range res.Diff {
			found = found || d.Kind == w.kind && d.Section == w.section && d.Item == w.item
		}
		if !found {
			t.Errorf("no %s %s with item %d in:\n%s", w.kind, w.section, w.item, FormatDiff(res.Diff))
		}
	}
}
