package record

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	goccy "github.com/goccy/go-yaml"
	"go.yaml.in/yaml/v3"
)

// goldenRecords reads the project's golden outputs (every fixture's
// record, as readout writes it) back through yaml.v3.
func goldenRecords(t *testing.T) []Readout {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/golden/*.yaml")
	if len(paths) == 0 {
		t.Fatal("no golden records under ../testdata/golden")
	}
	var records []Readout
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var r Readout
		if err := yaml.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		records = append(records, r)
	}
	return records
}

// TestEmitterAgreesWithYAMLv3: on every fixture's record, the direct
// emitter's document and yaml.v3's own encoding of the same record read
// back to the same values (the emitter is an optimisation, not a dialect).
func TestEmitterAgreesWithYAMLv3(t *testing.T) {
	for i, r := range goldenRecords(t) {
		ours, err := MarshalYAML(r)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := yaml.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var a, b any
		if err := yaml.Unmarshal(ours, &a); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if err := yaml.Unmarshal(theirs, &b); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("record %d (%s): the emitter and yaml.v3 disagree:\n%s\n---\n%s", i, r.Source, ours, theirs)
		}
	}
}

// awkwardStrings are scalars that need care in YAML: indicators, words
// read as booleans or null, numbers, dates and times, spaces at the ends,
// controls and separators, invalid UTF-8, and the mis-encoded names that
// FuzzExtract found written plain in a flow list ("Jo?o Louren?o").
var awkwardStrings = []string{"", "-", "- a", "true", "No", "null", "NULL", "~", "123", "1.5e3", "0x1F", "0o17", "0b101", "1_000",
	"+1", ".5", "12:30", "1:20:30", "2024-01-02", "2001-12-14t21:59:43.10-05:00", "a: b", "a #b", "a:b", "a#b",
	"trailing ", " leading", "x:", "tab\there", "line\nbreak", "cr\rret", `quote"s`, `back\slash`, "[x]", "a, b", "{y}", "#c", "&a", "*a",
	"!t", "|", ">", "'s", "\"", "%", "@h", "`", "bom\ufeff", "sep\u2028", "nel\u0085", "nbsp\u00a0x", "bad\xffutf8", "ctl\x01", "emoji 😀",
	"“curly”", "?", "? x", ": x", ".inf", ".NaN", "-.inf", "<<", "=", "Jo?o Louren?o", "Jo?o", "a?", "x ? y", "a]b", "a}b", "a{b", "a[b",
	"two  spaces", "Ma\u00adcron", "Mo\u200ddi", "e\u0301", "2 days", "50th anniversary", "Yoon Suk Yeol", "NATO’s North Atlantic Council",
	"Korea's", "Emmanuel Macron (France)", "U.S.-Japan", "«Nord»", "A – B", "A—B"}

// awkwardRecord puts s in every string field of a record.
func awkwardRecord(s string) Readout {
	sp := s
	return Readout{Schema: Schema, Source: s, Title: s,
		Speakers:     []Speaker{{Name: s, Title: s, Affiliation: s, Aliases: []string{s, s}, Mentions: []Span{{1, 2}}}},
		Quotes:       []Quote{{Speaker: &sp, Kind: "direct", Cue: s, Text: s, Span: Span{0, 1}, Rule: s}, {Speaker: nil, Kind: "indirect", Text: "null"}},
		Counterparts: []Counterpart{{Parties: []string{s, s}, Channel: "call", When: s, Planned: true, Span: Span{3, 4}, Rule: s}},
		Pledges:      []Pledge{{Actor: s, By: s, Action: s, Strength: "intent", When: s, Span: Span{5, 6}, Rule: s}},
		Warnings:     []string{s},
	}
}

// yamlParsers are the two YAML parsers every record must satisfy.
var yamlParsers = []struct {
	name      string
	unmarshal func([]byte, any) error
}{
	{"yaml.v3", yaml.Unmarshal},
	{"goccy/go-yaml", goccy.Unmarshal},
}

// checkReadsBack reports how the YAML document b fails to read back, by
// each parser, as want (compared through JSON, which makes the same
// replacement of invalid UTF-8 as the emitter).
func checkReadsBack(t *testing.T, what string, b []byte, want Readout) {
	t.Helper()
	want.Normalize()
	wantJSON := viaJSON(want)
	for _, p := range yamlParsers {
		var back Readout
		if err := p.unmarshal(b, &back); err != nil {
			t.Errorf("%s: %s cannot read it back: %v\n%s", what, p.name, err, b)
			continue
		}
		back.Normalize()
		if gotJSON := viaJSON(back); gotJSON != wantJSON {
			t.Errorf("%s does not round-trip through %s:\n%s\ngot  %s\nwant %s", what, p.name, b, gotJSON, wantJSON)
		}
	}
}

// viaJSON is r encoded as JSON, decoded and encoded again: the first
// round replaces invalid UTF-8 with U+FFFD, as the emitter does.
func viaJSON(r Readout) string {
	b, _ := json.Marshal(r)
	var v any
	json.Unmarshal(b, &v)
	b, _ = json.Marshal(v)
	return string(b)
}

// TestYAMLRoundTrip: every fixture's record, and records made of awkward
// strings, read back through yaml.v3 and goccy/go-yaml to the same values.
func TestYAMLRoundTrip(t *testing.T) {
	records := goldenRecords(t)
	for _, s := range awkwardStrings {
		records = append(records, awkwardRecord(s))
	}
	for i, r := range records {
		b, err := MarshalYAML(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Readout
		if err := yaml.Unmarshal(b, &back); err != nil {
			t.Fatalf("record %d: yaml.v3 cannot read it back: %v\n%s", i, err, b)
		}
		want := r
		want.Normalize()
		fixUTF8(&want)
		if !reflect.DeepEqual(back, want) {
			t.Errorf("record %d does not round-trip:\n%s\ngot  %#v\nwant %#v", i, b, back, want)
		}
		checkReadsBack(t, "record "+r.Source, b, r)
	}
}

// TestPlainOnlyWhereYAMLv3IsPlain: the emitter writes a string plain only
// where yaml.v3's own encoder does too, in a block value and in a flow
// list (it may quote more).
func TestPlainOnlyWhereYAMLv3IsPlain(t *testing.T) {
	strs := append([]string{}, awkwardStrings...)
	for _, r := range goldenRecords(t) {
		for _, s := range r.Speakers {
			strs = append(strs, s.Name, s.Title, s.Affiliation)
			strs = append(strs, s.Aliases...)
		}
		for _, q := range r.Quotes {
			strs = append(strs, q.Text, q.Cue)
		}
		for _, c := range r.Counterparts {
			strs = append(strs, c.Parties...)
			strs = append(strs, c.When)
		}
	}
	for _, s := range strs {
		for _, flow := range []bool{false, true} {
			if !plainSafe(s, flow) {
				continue
			}
			var v any = map[string]string{"k": s}
			if flow {
				v = map[string]any{"k": flowList{s}}
			}
			b, err := yaml.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			want := "k: " + s + "\n"
			if flow {
				want = "k: [" + s + "]\n"
			}
			if string(b) != want {
				t.Errorf("%q (flow %v) is written plain, but yaml.v3 quotes it: %s", s, flow, b)
			}
		}
	}
}

type flowList []string

func (l flowList) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range l {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
	}
	return n, nil
}

// FuzzYAMLScalar: a record with the same string in every field reads back
// through both YAML parsers to the same record.
func FuzzYAMLScalar(f *testing.F) {
	for _, s := range awkwardStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := awkwardRecord(s)
		b, err := MarshalYAML(r)
		if err != nil {
			t.Fatal(err)
		}
		checkReadsBack(t, "record", b, r)
	})
}

// fixUTF8 applies the one change encoding makes: invalid UTF-8 becomes U+FFFD.
func fixUTF8(r *Readout) {
	v := reflect.ValueOf(r).Elem()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.CanSet() {
				v.SetString(toValid(v.String()))
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(v)
}
