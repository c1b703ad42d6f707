package record

import _ "embed"

// JSONSchema is the JSON Schema (draft 2020-12) of readout's outputs: the
// readout/v1 record (parse, batch; no other fields), and stream mode's
// lines (AppendStreamLine): a record after the input's id and other
// fields, or an error line {"id", fields…, "line", "error"}.
//
//go:embed schema.json
var JSONSchema []byte
