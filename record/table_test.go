package record

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func tableRecords() []Readout {
	ek := "Jan Ek"
	return []Readout{
		{
			Schema: Schema, Source: "a.txt",
			Speakers: []Speaker{
				{Name: "Jan Ek", Title: "Foreign Minister", Affiliation: "Sweden", Aliases: []string{"Ek", "he"}, Mentions: []Span{{17, 23}, {80, 82}}},
				{Name: "Anna Lind", Aliases: []string{}, Mentions: []Span{}},
			},
			Quotes: []Quote{
				{Speaker: &ek, Kind: Direct, Cue: "said", Text: "We agree, \"fully\", on this", Span: Span{40, 67}, Rule: "direct.cue-after"},
				{Speaker: nil, Kind: Indirect, Text: "line one\nline two\twith a tab", Span: Span{90, 118}, Rule: "indirect.clause"},
			},
			Counterparts: []Counterpart{{Parties: []string{"Jan Ek", "Anna Lind"}, Channel: Call, When: "on Monday", Span: Span{0, 40}, Rule: "counterpart.verb"}},
			Pledges:      []Pledge{{Actor: "Sweden", By: "Jan Ek", Action: "send aid, soon", Strength: Commitment, Span: Span{120, 140}, Rule: "pledge.will"}},
		},
		{Schema: Schema, Source: "b, the second.txt", Pledges: []Pledge{{Actor: "Norway", Action: "meet again", Strength: Intent, When: "next month", Span: Span{3, 13}, Rule: "pledge.that", By: ""}}},
	}
}

// TestEncodeTable: each table's rows, read back with encoding/csv, are the
// items' fields, under the header; quoting survives commas, double quotes,
// line breaks and tabs.
func TestEncodeTable(t *testing.T) {
	tests := []struct {
		table string
		want  [][]string
	}{
		{"quotes", [][]string{
			{"a.txt", "q1", "Jan Ek", "direct", "said", `We agree, "fully", on this`, "40", "67", "direct.cue-after"},
			{"a.txt", "q2", "", "indirect", "", "line one\nline two\twith a tab", "90", "118", "indirect.clause"},
		}},
		{"speakers", [][]string{
			{"a.txt", "s1", "Jan Ek", "Foreign Minister", "Sweden", "Ek; he", "2", "17", "23", ""},
			{"a.txt", "s2", "Anna Lind", "", "", "", "0", "", "", ""},
		}},
		{"counterparts", [][]string{
			{"a.txt", "c1", "Jan Ek", "Anna Lind", "call", "on Monday", "false", "0", "40", "counterpart.verb"},
		}},
		{"pledges", [][]string{
			{"a.txt", "p1", "Sweden", "Jan Ek", "send aid, soon", "commitment", "", "120", "140", "pledge.will"},
			{"b, the second.txt", "p1", "Norway", "", "meet again", "intent", "next month", "3", "13", "pledge.that"},
		}},
	}
	for _, format := range TableFormats {
		for _, tt := range tests {
			t.Run(format+"/"+tt.table, func(t *testing.T) {
				var b bytes.Buffer
				if err := EncodeTable(&b, format, tt.table, tableRecords()); err != nil {
					t.Fatal(err)
				}
				r := csv.NewReader(&b)
				if format == "tsv" {
					r.Comma = '\t'
				}
				rows, err := r.ReadAll()
				if err != nil {
					t.Fatalf("not %s: %v\n%s", format, err, b.String())
				}
				if !reflect.DeepEqual(rows[0], TableColumns[tt.table]) {
					t.Errorf("header %q, want %q", rows[0], TableColumns[tt.table])
				}
				if !reflect.DeepEqual(rows[1:], tt.want) {
					t.Errorf("rows:\n%q\nwant:\n%q", rows[1:], tt.want)
				}
			})
		}
	}
}

// TestEncodeTableBytes pins the quoting of both formats, byte for byte.
func TestEncodeTableBytes(t *testing.T) {
	recs := tableRecords()[:1]
	tests := []struct{ format, want string }{
		{"csv", "source,id,speaker,kind,cue,text,start,end,rule\n" +
			"a.txt,q1,Jan Ek,direct,said,\"We agree, \"\"fully\"\", on this\",40,67,direct.cue-after\n" +
			"a.txt,q2,,indirect,,\"line one\nline two\twith a tab\",90,118,indirect.clause\n"},
		{"tsv", "source\tid\tspeaker\tkind\tcue\ttext\tstart\tend\trule\n" +
			"a.txt\tq1\tJan Ek\tdirect\tsaid\t\"We agree, \"\"fully\"\", on this\"\t40\t67\tdirect.cue-after\n" +
			"a.txt\tq2\t\tindirect\t\t\"line one\nline two\twith a tab\"\t90\t118\tindirect.clause\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := EncodeTable(&b, tt.format, "quotes", recs); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.format, b.String(), tt.want)
		}
	}
}

func TestEncodeTableEmptyAndErrors(t *testing.T) {
	var b bytes.Buffer
	if err := EncodeTable(&b, "csv", "pledges", nil); err != nil || b.String() != strings.Join(TableColumns["pledges"], ",")+"\n" {
		t.Errorf("no records: %q, %v; want the header alone", b.String(), err)
	}
	tests := []struct{ format, table, want string }{
		{"xlsx", "quotes", "unknown table format xlsx (want csv or tsv)"},
		{"csv", "people", "unknown table people (want quotes, speakers, counterparts or pledges)"},
	}
	for _, tt := range tests {
		err := EncodeTable(&b, tt.format, tt.table, nil)
		var te *TableError
		if !errors.As(err, &te) || err.Error() != tt.want {
			t.Errorf("EncodeTable(%s, %s) = %v, want %q", tt.format, tt.table, err, tt.want)
		}
	}
}
