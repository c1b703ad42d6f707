package record

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

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

// TestYAMLRoundTrip: every fixture's record, and records made of awkward
// strings, read back through yaml.v3 to the same values.
func TestYAMLRoundTrip(t *testing.T) {
	records := goldenRecords(t)
	speaker := "null"
	awkward := []string{"", "-", "- a", "true", "No", "null", "~", "123", "1.5e3", "12:30", "2024-01-02", "a: b", "a #b",
		"trailing ", " leading", "x:", "tab\there", "line\nbreak", `quote"s`, `back\slash`, "[x]", "a, b", "{y}", "#c", "&a", "*a",
		"!t", "|", ">", "'s", "\"", "%", "@h", "`", "bom\ufeff", "sep\u2028", "bad\xffutf8", "ctl\x01", "emoji 😀", "“curly”", "?", ": x", ".inf",
		"Yoon Suk Yeol", "NATO’s North Atlantic Council"}
	for _, s := range awkward {
		sp := s
		records = append(records, Readout{Schema: Schema, Source: s, Title: s,
			Speakers:     []Speaker{{Name: s, Title: s, Affiliation: s, Aliases: []string{s, s}, Mentions: []Span{{1, 2}}}},
			Quotes:       []Quote{{Speaker: &sp, Kind: "direct", Cue: s, Text: s, Span: Span{0, 1}, Rule: s}, {Speaker: nil, Kind: "indirect", Text: speaker}},
			Counterparts: []Counterpart{{Parties: []string{s, s}, Channel: "call", When: s, Planned: true, Span: Span{3, 4}, Rule: s}},
			Pledges:      []Pledge{{Actor: s, By: s, Action: s, Strength: "intent", When: s, Span: Span{5, 6}, Rule: s}},
			Warnings:     []string{s},
		})
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
	}
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
