package record

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("readout-v1.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("readout-v1.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return s
}

func validates(s *jsonschema.Schema, line []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

func TestDecodeStreamLine(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		id         string // the id as JSON; "" for nil
		fields     string // name=value pairs, space-separated
		text, err  string
		source     string
	}{
		{"string id", `{"id": "a-1", "text": "T"}`, `"a-1"`, "", "T", "", "a-1"},
		{"number id", `{"id": 17, "text": "T"}`, `17`, "", "T", "", "17"},
		{"big number id kept as written", `{"id": 12345678901234567890123, "text": "T"}`, `12345678901234567890123`, "", "T", "", "12345678901234567890123"},
		{"object id compacted", `{"id": {"a": [1, 2]}, "text": "T"}`, `{"a":[1,2]}`, "", "T", "", `{"a":[1,2]}`},
		{"array id", `{"id": [1, "x"], "text": "T"}`, `[1,"x"]`, "", "T", "", `[1,"x"]`},
		{"bool id", `{"id": true, "text": "T"}`, `true`, "", "T", "", "true"},
		{"null id", `{"id": null, "text": "T"}`, "", "", "T", "", "fallback"},
		{"no id", `{"text": "T"}`, "", "", "T", "", "fallback"},
		{"escaped string id re-encoded", `{"id": "\u00e9\u003c", "text": "T"}`, `"é<"`, "", "T", "", "é<"},
		{"invalid UTF-8 in id", "{\"id\": \"a\xffb\", \"text\": \"T\"}", "\"a\uFFFDb\"", "", "T", "", "a\uFFFDb"},
		{"fields in input order", `{"url": "u", "id": 1, "text": "T", "date": {"y": 2024}, "n": 1.50}`, `1`, `url="u" date={"y":2024} n=1.50`, "T", "", "1"},
		{"invalid UTF-8 in a field", "{\"id\": 1, \"x\": \"\xff\", \"text\": \"T\"}", `1`, "x=\"\uFFFD\"", "T", "", "1"},
		{"blank", "  \t", "", "", "", "blank line", ""},
		{"empty", "", "", "", "", "blank line", ""},
		{"not JSON", `{"id": 1, "text": "T"`, "", "", "", "not JSON: unexpected end of JSON input", ""},
		{"not an object", `["id", "text"]`, "", "", "", "not a JSON object", ""},
		{"a string", `"text"`, "", "", "", "not a JSON object", ""},
		{"no text", `{"id": 1, "body": "T"}`, `1`, `body="T"`, "", `no "text" field`, ""},
		{"text null", `{"id": 1, "text": null}`, `1`, "", "", `"text" is not a string`, ""},
		{"text a number", `{"id": 1, "text": 5}`, `1`, "", "", `"text" is not a string`, ""},
		{"field given twice", `{"id": 1, "id": 2, "text": "T"}`, `1`, "", "", `field "id" is given twice`, ""},
		{"reserved field", `{"id": 1, "schema": "x", "text": "T"}`, `1`, "", "", `field "schema" is also a field of the output line`, ""},
		{"reserved error", `{"id": 1, "error": "x", "text": "T"}`, `1`, "", "", `field "error" is also`, ""},
		{"reserved line", `{"id": 1, "line": 3, "text": "T"}`, `1`, "", "", `field "line" is also`, ""},
		{"escaped key", `{"i\u0064": 1, "t\u0065xt": "T"}`, `1`, "", "T", "", "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := DecodeStreamLine([]byte(tc.line))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one with %q", err, tc.err)
				}
			} else if err != nil {
				t.Fatalf("error %v", err)
			}
			if got := string(in.ID); got != tc.id {
				t.Errorf("id %s, want %s", got, tc.id)
			}
			var fields []string
			for _, f := range in.Fields {
				fields = append(fields, f.Name+"="+string(f.Value))
			}
			if got := strings.Join(fields, " "); got != tc.fields {
				t.Errorf("fields %s, want %s", got, tc.fields)
			}
			if in.Text != tc.text {
				t.Errorf("text %q, want %q", in.Text, tc.text)
			}
			if tc.err == "" {
				if got := in.Source("fallback"); got != tc.source {
					t.Errorf("source %q, want %q", got, tc.source)
				}
			}
		})
	}
}

func TestStreamLineID(t *testing.T) {
	for start, want := range map[string]string{
		`{"id": "a", "text": "cut her`:       `"a"`,
		`{"n": 1, "id": {"k": 1}, "text": "`: `{"k":1}`,
		`{"id": 12345, "te`:                  `12345`,
		`{"id": 123`:                         ``, // cut inside the id
		`{"id": "ab`:                         ``,
		`{"text": "long…`:                    ``,
		`{"id": null, "text": "`:             ``,
		`not json`:                           ``,
		"\ufeff{\"id\": 1,":                  ``,
	} {
		if got := string(StreamLineID([]byte(start))); got != want {
			t.Errorf("StreamLineID(%q) = %s, want %s", start, got, want)
		}
	}
}

// TestStreamLines: output lines put the id first, then the fields, then the
// record or the error; they are one line of valid UTF-8 JSON each and
// validate against the schema.
func TestStreamLines(t *testing.T) {
	schema := compileSchema(t)
	sp := "A"
	rec := Readout{Schema: Schema, Source: "s", Provenance: Provenance{Version: "v1.0.0", Rules: "sha256:0000000000000000000000000000000000000000000000000000000000000000"}, Speakers: []Speaker{{Name: "A"}},
		Quotes: []Quote{{Speaker: &sp, Kind: Direct, Text: "t", Span: Span{0, 1}, Rule: "r"}}}
	fields := []StreamField{{"url", json.RawMessage(`"https://x/?a=1&b=<2>"`)}, {"meta", json.RawMessage(`{ "k" : [1, 2] }`)}}
	for _, tc := range []struct {
		name string
		line StreamLine
		want string
	}{
		{"record", StreamLine{ID: json.RawMessage(`"a"`), Fields: fields, Record: &rec},
			`{"id":"a","url":"https://x/?a=1&b=<2>","meta":{"k":[1,2]},"schema":"readout/v1","source":"s","provenance":{"version":"v1.0.0","rules":"sha256:0000000000000000000000000000000000000000000000000000000000000000"},"speakers":[{"name":"A","aliases":[],"mentions":[]}],"quotes":[{"speaker":"A","kind":"direct","text":"t","span":[0,1],"rule":"r"}],"counterparts":[],"pledges":[]}` + "\n"},
		{"record, null id", StreamLine{Record: &rec},
			`{"id":null,"schema":"readout/v1","source":"s","provenance":{"version":"v1.0.0","rules":"sha256:0000000000000000000000000000000000000000000000000000000000000000"},"speakers":[{"name":"A","aliases":[],"mentions":[]}],"quotes":[{"speaker":"A","kind":"direct","text":"t","span":[0,1],"rule":"r"}],"counterparts":[],"pledges":[]}` + "\n"},
		{"error", StreamLine{ID: json.RawMessage(`7`), Fields: fields, Line: 3, Error: "input is\nbinary  <x>"},
			`{"id":7,"url":"https://x/?a=1&b=<2>","meta":{"k":[1,2]},"line":3,"error":"input is binary <x>"}` + "\n"},
		{"error, invalid UTF-8", StreamLine{ID: json.RawMessage("\"\xff\""), Line: 1, Error: "bad \xff"},
			"{\"id\":\"\uFFFD\",\"line\":1,\"error\":\"bad \uFFFD\"}\n"},
		{"id of every kind", StreamLine{ID: json.RawMessage(`[1, {"a": null}]`), Line: 2, Error: "x"},
			`{"id":[1,{"a":null}],"line":2,"error":"x"}` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := AppendStreamLine(nil, tc.line)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.want {
				t.Errorf("got  %s\nwant %s", b, tc.want)
			}
			if !utf8.Valid(b) || bytes.Count(b, []byte("\n")) != 1 {
				t.Errorf("not one line of UTF-8: %q", b)
			}
			if err := validates(schema, b); err != nil {
				t.Errorf("does not validate against the schema: %v", err)
			}
		})
	}
	for name, l := range map[string]StreamLine{
		"bad id":         {ID: json.RawMessage(`{`), Line: 1, Error: "x"},
		"bad field":      {Fields: []StreamField{{"a", json.RawMessage(`tru`)}}, Line: 1, Error: "x"},
		"reserved field": {Fields: []StreamField{{"schema", json.RawMessage(`1`)}}, Line: 1, Error: "x"},
	} {
		if _, err := AppendStreamLine(nil, l); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestSchemaTellsLinesApart: the schema takes records, stream records and
// error lines, and refuses a record with an unknown field, a stream
// record with an error, and an error line with record fields.
func TestSchemaTellsLinesApart(t *testing.T) {
	schema := compileSchema(t)
	rec := `"schema":"readout/v1","source":"s","provenance":{"version":"v1.0.0","rules":"sha256:0000000000000000000000000000000000000000000000000000000000000000"},"speakers":[],"quotes":[],"counterparts":[],"pledges":[]`
	for line, ok := range map[string]bool{
		`{` + rec + `}`:                                       true,
		`{"id":1,` + rec + `}`:                                true,
		`{"id":null,"url":"u",` + rec + `}`:                   true,
		`{"id":{"a":1},"line":2,"error":"x"}`:                 true,
		`{"id":null,"url":"u","line":2,"error":"x"}`:          true,
		`{"extra":1,` + rec + `}`:                             false, // a record has no other fields
		`{"id":1,"line":2,` + rec + `}`:                       false,
		`{"id":1,"line":2,"error":"x",` + rec + `}`:           false,
		`{"id":1,"line":0,"error":"x"}`:                       false,
		`{"id":1,"error":"x"}`:                                false,
		`{"line":1,"error":"x"}`:                              false,
		`{"id":1,"line":1,"error":""}`:                        false,
		`{"id":1,"line":1,"error":"x","schema":"readout/v1"}`: false,
	} {
		if err := validates(schema, []byte(line)); (err == nil) != ok {
			t.Errorf("%s: validation error %v, want valid %v", line, err, ok)
		}
	}
}

// FuzzStreamLine: whatever the input line, the output line (the record
// of an empty article, or the error) is one line of valid UTF-8 JSON that
// validates against the schema, and its id is the input's id.
func FuzzStreamLine(f *testing.F) {
	for _, s := range []string{`{"id": "a", "text": "T"}`, `{"id": 1, "url": "u", "text": ""}`, "{\"id\": \"\xff\", \"text\": \"\"}",
		`{"id": {"a": [1, {"b": null}]}, "x": [true, false], "text": "t"}`, `{"text": 1}`, ``, `[`, `{"id": "\ud800", "text": ""}`} {
		f.Add([]byte(s))
	}
	schema := compileSchema(f)
	f.Fuzz(func(t *testing.T, line []byte) {
		in, err := DecodeStreamLine(line)
		l := StreamLine{ID: in.ID, Fields: in.Fields, Line: 1}
		if err != nil {
			l.Error = err.Error()
		} else {
			l.Record = &Readout{Schema: Schema, Source: in.Source("x:1"), Provenance: Provenance{Version: "v1.0.0", Rules: "sha256:0000000000000000000000000000000000000000000000000000000000000000"}}
		}
		out, err := AppendStreamLine(nil, l)
		if err != nil {
			t.Fatalf("AppendStreamLine: %v", err)
		}
		if !utf8.Valid(out) || bytes.IndexByte(out, '\n') != len(out)-1 {
			t.Fatalf("not one line of UTF-8: %q", out)
		}
		if err := validates(schema, out); err != nil {
			t.Fatalf("%s does not validate: %v", out, err)
		}
		var back struct {
			ID     json.RawMessage `json:"id"`
			Source string          `json:"source"`
		}
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		if in.ID != nil && !bytes.Equal(back.ID, in.ID) {
			t.Fatalf("id %s, want %s", back.ID, in.ID)
		}
		if l.Record != nil && in.ID != nil && back.Source != in.Source("") {
			t.Fatalf("source %q, want %q", back.Source, in.Source(""))
		}
	})
}
