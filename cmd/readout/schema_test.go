package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readout/readout/record"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles the embedded JSON Schema of the record.
func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(record.JSONSchema))
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

// validateRecord checks one JSON-encoded record against the schema.
func validateRecord(t testing.TB, s *jsonschema.Schema, name string, rec []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(rec))
	if err != nil {
		t.Fatalf("%s: output is not JSON: %v", name, err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("%s: output does not validate against the schema: %v", name, err)
	}
}

func TestSchemaIsValidJSON(t *testing.T) {
	var v any
	if err := json.Unmarshal(record.JSONSchema, &v); err != nil {
		t.Fatal(err)
	}
	compileSchema(t)
}

// TestStreamOutputFollowsTheContract: stream mode writes one line per
// input line, in order, each valid UTF-8 JSON that validates against the
// schema, starting with the input's id (re-encoded as valid UTF-8; the
// record's source is the same string) and then the input's other fields
// but text, in input order; error lines carry the input line number.
func TestStreamOutputFollowsTheContract(t *testing.T) {
	schema := compileSchema(t)
	article := `Chancellor C met President D in Berlin on Tuesday. \"Germany will help,\" C said.`
	input := []struct {
		line   string
		id     string // the id on the output line
		fields string // what follows the id, up to "schema" or "line"
		err    string // the error, for an error line
	}{
		{`{"id": "a", "text": "` + article + `"}`, `"a"`, ``, ``},
		{`{"url": "https://example.org/?a=1&b=2", "id": 2, "text": "` + article + `", "date": "2024-05-01", "tags": ["x", "y"]}`, `2`, `"url":"https://example.org/?a=1&b=2","date":"2024-05-01","tags":["x","y"]`, ``},
		{``, `null`, ``, `blank line`},
		{`   `, `null`, ``, `blank line`},
		{`{"id": {"shard": 3, "n": [1, 2]}, "text": "` + article + `"}`, `{"shard":3,"n":[1,2]}`, ``, ``},
		{"{\"id\": \"caf\xe9\", \"text\": \"" + article + "\"}", "\"caf\uFFFD\"", ``, ``},
		{`{"id": true, "text": "` + article + `"}`, `true`, ``, ``},
		{`{"id": 1.5e3, "text": "` + article + `"}`, `1.5e3`, ``, ``},
		{`{"id": "x", "text": 3}`, `"x"`, ``, `"text" is not a string`},
		{`{"id": "y", "source": "s", "text": "t"}`, `"y"`, ``, `field "source" is also a field of the output line`},
		{`{"id": "z", "meta": {"k": "caf` + "\xe9" + `"}, "text": "a\u0000b"}`, `"z"`, "\"meta\":{\"k\":\"caf\uFFFD\"}", `input is binary`},
		{`{"id": null, "text": "` + article + `"}`, `null`, ``, ``},
		{`not json`, `null`, ``, `not JSON`},
	}
	var in bytes.Buffer
	for _, l := range input {
		in.WriteString(l.line + "\n")
	}
	var out, errb bytes.Buffer
	code := runIn(context.Background(), []string{"parse", "--input", "jsonl", "-j", "3"}, &in, &out, &errb)
	if code != exitInput {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(input) {
		t.Fatalf("%d output lines for %d input lines:\n%s", len(lines), len(input), out.String())
	}
	for i, l := range lines {
		want := input[i]
		if !utf8.ValidString(l) {
			t.Errorf("line %d is not UTF-8: %q", i+1, l)
		}
		validateRecord(t, schema, fmt.Sprintf("line %d", i+1), []byte(l))
		prefix := `{"id":` + want.id
		if want.fields != "" {
			prefix += "," + want.fields
		}
		if want.err != "" {
			prefix += fmt.Sprintf(`,"line":%d,"error":`, i+1)
		} else {
			prefix += `,"schema":"readout/v1","source":`
		}
		if !strings.HasPrefix(l, prefix) {
			t.Errorf("line %d: %.200s\nwant it to start %s", i+1, l, prefix)
			continue
		}
		var v struct {
			ID     any    `json:"id"`
			Source string `json:"source"`
			Error  string `json:"error"`
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
		if want.err != "" && !strings.Contains(v.Error, want.err) {
			t.Errorf("line %d: error %q, want %q", i+1, v.Error, want.err)
		}
		if s, ok := v.ID.(string); ok && want.err == "" && v.Source != s {
			t.Errorf("line %d: source %q, id %q", i+1, v.Source, s)
		}
		if want.err != "" && !strings.Contains(errb.String(), fmt.Sprintf("readout: <stdin>:%d: ", i+1)) {
			t.Errorf("line %d: not reported on stderr:\n%s", i+1, errb.String())
		}
	}
}
