package readout_test

import (
	"slices"
	"testing"

	"github.com/readout/readout/record"
)

// TestNamedInputs holds the inputs the issues name as failing, one kind of
// construction each: who is who (a role among two office holders,
// pronouns by gender, a rank before a name with a description after it, a
// country short form acting, a city that is never a speaker) and
// counterparts and pledges (a country pair, a negated and a coordinated
// pledge, "his D counterpart, B", a planned visit announced by an office).
func TestNamedInputs(t *testing.T) {
	type pledge struct {
		actor, by, action string
		strength          record.Strength
		negated           bool
	}
	type counterpart struct {
		a, b    string
		channel record.Channel
		when    string
		planned bool
	}
	for _, tc := range []struct {
		name         string
		src          string
		quotes       []wantQuote
		counterparts []counterpart
		pledges      []pledge
		notSpeakers  []string
	}{
		{name: "role among two office holders",
			src:          "Foreign Minister Ana Ribeiro of Brazil and Prime Minister Kenji Mori of Japan met in Osaka on Monday. The Prime Minister stressed that Japan would deepen its ties with South America.",
			quotes:       []wantQuote{{"Kenji Mori", "indirect", "stressed", "Japan would deepen its ties with South America", "indirect.that-clause"}},
			counterparts: []counterpart{{"Ana Ribeiro", "Kenji Mori", record.Meeting, "on Monday", false}},
			pledges:      []pledge{{"Japan", "Kenji Mori", "deepen its ties with South America", record.Commitment, false}}},
		{name: "pronouns by gender",
			src: "President Tomas Berg spoke with Chancellor Ingrid Laue on Friday. She said the talks were useful. He replied that Sweden would send more engineers.",
			quotes: []wantQuote{
				{"Ingrid Laue", "indirect", "said", "the talks were useful", "indirect.zero-that"},
				{"Tomas Berg", "indirect", "replied", "Sweden would send more engineers", "indirect.that-clause"},
			}},
		{name: "rank before a name, a description after it",
			src:    "Gen. Carl Dorsey, the army chief of staff, said the exercises would go ahead.",
			quotes: []wantQuote{{"Carl Dorsey", "indirect", "said", "the exercises would go ahead", "indirect.zero-that"}}},
		{name: "a country's short form acts, named by the gazetteer",
			src:     "The U.S. will provide additional air defence systems to Ukraine, Secretary of State Laura Finch said after the call.",
			pledges: []pledge{{"United States", "Laura Finch", "provide additional air defence systems to Ukraine", record.Commitment, false}}},
		{name: "a city is never a speaker",
			src:         "Lugano hosted the conference. Prime Minister Eva Holm said in Lugano that the world stood behind Ukraine.",
			quotes:      []wantQuote{{"Eva Holm", "indirect", "said", "the world stood behind Ukraine", "indirect.that-clause"}},
			notSpeakers: []string{"Lugano"}},
		{name: "a country pair holds talks",
			src:          "Japan and South Korea held security talks in Tokyo on Wednesday.",
			counterparts: []counterpart{{"Japan", "South Korea", record.Talks, "on Wednesday", false}}},
		{name: "a negated and a coordinated pledge",
			src: "Minister Rui Matos said Portugal would never recognise the annexation and would keep its sanctions in place.",
			pledges: []pledge{
				{"Portugal", "Rui Matos", "never recognise the annexation", record.Commitment, true},
				{"Portugal", "Rui Matos", "keep its sanctions in place", record.Commitment, false},
			}},
		{name: "his D counterpart, B",
			src:          "President Kofi Mensah of Ghana and his Kenyan counterpart, Ruth Wanjiru, held a telephone conversation on Sunday.",
			counterparts: []counterpart{{"Kofi Mensah", "Ruth Wanjiru", record.Call, "on Sunday", false}}},
		{name: "a planned visit announced by an office",
			src:          "Prime Minister Lena Sorensen will travel to Ottawa next week to meet Prime Minister Paul Girard, her office said.",
			counterparts: []counterpart{{"Lena Sorensen", "Paul Girard", record.Meeting, "next week", true}},
			pledges:      []pledge{{"Lena Sorensen", "", "travel to Ottawa next week to meet Prime Minister Paul Girard", record.Announcement, false}}},
		{name: "the textbook opening of a readout",
			src:          "Chinese President Hu Jintao and his US counterpart George W. Bush held a telephone conversation Tuesday.",
			counterparts: []counterpart{{"Hu Jintao", "George W. Bush", record.Call, "Tuesday", false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := convert(t, tc.src, nil)
			for _, w := range tc.quotes {
				if !findQuote(r, w) {
					t.Errorf("no quote %+v in\n%s", w, describe(r))
				}
			}
			for _, w := range tc.counterparts {
				if !slices.ContainsFunc(r.Counterparts, func(c record.Counterpart) bool {
					return c.Parties[0] == w.a && c.Parties[1] == w.b && c.Channel == w.channel && c.When == w.when && c.Planned == w.planned
				}) {
					t.Errorf("no counterpart %+v in\n%s", w, describe(r))
				}
			}
			if tc.counterparts != nil && len(r.Counterparts) != len(tc.counterparts) {
				t.Errorf("%d counterparts, want %d:\n%s", len(r.Counterparts), len(tc.counterparts), describe(r))
			}
			for _, w := range tc.pledges {
				if !slices.ContainsFunc(r.Pledges, func(p record.Pledge) bool {
					return p.Actor == w.actor && (w.by == "" || p.By == w.by) && p.Action == w.action && p.Strength == w.strength && p.Negated == w.negated
				}) {
					t.Errorf("no pledge %+v in\n%s", w, describe(r))
				}
			}
			if tc.pledges != nil && len(r.Pledges) != len(tc.pledges) {
				t.Errorf("%d pledges, want %d:\n%s", len(r.Pledges), len(tc.pledges), describe(r))
			}
			for _, name := range tc.notSpeakers {
				for _, s := range r.Speakers {
					if s.Name == name {
						t.Errorf("%s is a speaker:\n%s", name, describe(r))
					}
				}
			}
		})
	}
}
