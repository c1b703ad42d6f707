package main

import (
	"bytes"
	"encoding/json"
	"testing"

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
