package record

import (
	"reflect"
	"testing"
)

func strp(s string) *string { return &s }

func TestAppend(t *testing.T) {
	r := Readout{
		Speakers:     []Speaker{{Name: "Yoon Suk Yeol", Aliases: []string{"Yoon"}, Mentions: []Span{{0, 13}}}},
		Quotes:       []Quote{{Speaker: strp("Yoon Suk Yeol"), Kind: Direct, Text: "a", Span: Span{20, 21}}},
		Counterparts: []Counterpart{{Parties: []string{"Yoon Suk Yeol", "Joe Biden"}, Channel: Talks, Span: Span{0, 30}}},
		Pledges:      []Pledge{{Actor: "Yoon Suk Yeol", Action: "to help", Strength: Commitment, Span: Span{0, 30}}},
		Warnings:     []string{"unbalanced quotation mark at byte 5"},
	}
	w := Readout{
		Speakers: []Speaker{
			{Name: "Yoon", Mentions: []Span{{0, 4}}},                           // an alias of r's speaker
			{Name: "Kishida", Aliases: []string{}, Mentions: []Span{{10, 17}}}, // new
		},
		Quotes: []Quote{
			{Speaker: strp("Yoon"), Kind: Indirect, Text: "b", Span: Span{5, 6}},
			{Speaker: nil, Kind: Direct, Text: "c", Span: Span{7, 8}},
		},
		Counterparts: []Counterpart{
			{Parties: []string{"Joe Biden", "Yoon"}, Channel: Call, When: "Monday", Span: Span{0, 9}}, // the same exchange
			{Parties: []string{"Yoon", "Kishida"}, Channel: Meeting, Span: Span{0, 9}},
		},
		Pledges: []Pledge{
			{Actor: "Yoon", Action: "to help", Strength: Commitment, Span: Span{0, 9}}, // the same pledge
			{Actor: "Kishida", By: "Kishida", Action: "to visit", Strength: Intent, Span: Span{10, 20}},
		},
		Warnings: []string{"unbalanced quotation mark at byte 5", "unbalanced quotation mark at byte 1005"},
	}
	r.Append(w, 1000)
	want := Readout{
		Speakers: []Speaker{
			{Name: "Yoon Suk Yeol", Aliases: []string{"Yoon"}, Mentions: []Span{{0, 13}, {1000, 1004}}},
			{Name: "Kishida", Aliases: []string{}, Mentions: []Span{{1010, 1017}}},
		},
		Quotes: []Quote{
			{Speaker: strp("Yoon Suk Yeol"), Kind: Direct, Text: "a", Span: Span{20, 21}},
			{Speaker: strp("Yoon Suk Yeol"), Kind: Indirect, Text: "b", Span: Span{1005, 1006}},
			{Speaker: nil, Kind: Direct, Text: "c", Span: Span{1007, 1008}},
		},
		Counterparts: []Counterpart{
			{Parties: []string{"Yoon Suk Yeol", "Joe Biden"}, Channel: Call, When: "Monday", Span: Span{0, 30}},
			{Parties: []string{"Yoon Suk Yeol", "Kishida"}, Channel: Meeting, Span: Span{1000, 1009}},
		},
		Pledges: []Pledge{
			{Actor: "Yoon Suk Yeol", Action: "to help", Strength: Commitment, Span: Span{0, 30}},
			{Actor: "Kishida", Action: "to visit", Strength: Intent, Span: Span{1010, 1020}},
		},
		Warnings: []string{"unbalanced quotation mark at byte 5", "unbalanced quotation mark at byte 1005"},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("Append:\n got %+v\nwant %+v", r, want)
	}
}

func TestAppendKeepsDistinctExchangesAndPledges(t *testing.T) {
	for _, tc := range []struct {
		name            string
		a, b            Counterpart
		sameCounterpart bool
	}{
		{"same parties, one without a time", Counterpart{Parties: []string{"A", "B"}, When: "May"}, Counterpart{Parties: []string{"B", "A"}}, true},
		{"different times", Counterpart{Parties: []string{"A", "B"}, When: "May"}, Counterpart{Parties: []string{"A", "B"}, When: "June"}, false},
		{"planned and held", Counterpart{Parties: []string{"A", "B"}, Planned: true}, Counterpart{Parties: []string{"A", "B"}}, false},
		{"other parties", Counterpart{Parties: []string{"A", "B"}}, Counterpart{Parties: []string{"A", "C"}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Readout{Counterparts: []Counterpart{tc.a}}
			r.Append(Readout{Counterparts: []Counterpart{tc.b}}, 10)
			if got := len(r.Counterparts) == 1; got != tc.sameCounterpart {
				t.Errorf("one exchange = %v, want %v: %+v", got, tc.sameCounterpart, r.Counterparts)
			}
		})
	}
	r := Readout{Pledges: []Pledge{{Actor: "A", Action: "to help"}}}
	r.Append(Readout{Pledges: []Pledge{{Actor: "A", Action: "to help", Negated: true}, {Actor: "B", Action: "to help"}, {Actor: "A", Action: "to help"}}}, 10)
	if len(r.Pledges) != 3 {
		t.Errorf("pledges: %+v, want the negated one and B's added", r.Pledges)
	}
}

func TestAppendCapsWarnings(t *testing.T) {
	var r, w Readout
	for i := range 2 * maxWarnings {
		w.Warnings = append(w.Warnings, "warning "+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	r.Append(w, 0)
	if len(r.Warnings) != maxWarnings {
		t.Errorf("%d warnings, want %d", len(r.Warnings), maxWarnings)
	}
}

func TestAppendMatchesAOneWordNameOnlyWhenItIsClear(t *testing.T) {
	for _, tc := range []struct {
		have []string
		name string
		want int // speakers after
	}{
		{[]string{"Fumio Kishida"}, "Kishida", 1},
		{[]string{"Yoon Suk Yeol"}, "Yoon", 1},
		{[]string{"Kim Jong Un", "Kim Yo Jong"}, "Kim", 3},
		{[]string{"Fumio Kishida"}, "Fumio Kish", 2},
		{[]string{"Fumio Kishida"}, "Kish", 2},
	} {
		var r Readout
		for _, n := range tc.have {
			r.Speakers = append(r.Speakers, Speaker{Name: n})
		}
		r.Append(Readout{Speakers: []Speaker{{Name: tc.name}}}, 0)
		if len(r.Speakers) != tc.want {
			t.Errorf("%q after %q: %d speakers, want %d", tc.name, tc.have, len(r.Speakers), tc.want)
		}
	}
}
