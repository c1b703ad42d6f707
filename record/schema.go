package record

import _ "embed"

// JSONSchema is the JSON Schema (draft 2020-12) of the readout/v1 record.
//
//go:embed schema.json
var JSONSchema []byte
