package extract

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestYAMLRoundTrip: every fixture's record, and records made of awkward
// strings, read back through yaml.v3 to the same values.
func TestYAMLRoundTrip(t *testing.T) {
	rules, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	var records []Readout
	paths, _ := filepath.Glob("../testdata/fixtures/*.txt")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Convert(context.Background(), src, p, rules, Options{})
		if err != nil {
			t.Fatal(err)
		}
		records = append(records, r)
	}
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
		want.normalize()
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
