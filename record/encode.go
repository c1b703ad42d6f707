package record

import (
	"bytes"
	"encoding/json"
	"io"
)

// Formats are the output formats Encode accepts.
var Formats = []string{"yaml", "json", "jsonl"}

// Encode writes records in a format: "yaml" (a stream of documents, one
// per record), "json" (one object, or an array for several records) or
// "jsonl" (one compact record per line). Empty lists are written [] even
// when nil in the records. The output is a function of the records alone:
// the same records give the same bytes.
func Encode(w io.Writer, format string, records []Readout) error {
	records = normalized(records)
	switch format {
	case "yaml":
		for i, r := range records {
			if i > 0 {
				if _, err := io.WriteString(w, "---\n"); err != nil {
					return err
				}
			}
			b, err := MarshalYAML(r)
			if err != nil {
				return err
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	case "json":
		var v any = records
		if len(records) == 1 {
			v = records[0]
		}
		b, err := marshalJSON(v, "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	case "jsonl":
		for _, r := range records {
			b, err := marshalJSON(r, "")
			if err != nil {
				return err
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	}
	return &FormatError{Format: format}
}

// FormatError is an unknown output format.
type FormatError struct{ Format string }

func (e *FormatError) Error() string {
	return "unknown format " + e.Format + " (want yaml, json or jsonl)"
}

// MarshalYAML encodes one record as a YAML document.
func MarshalYAML(r Readout) ([]byte, error) {
	r.Normalize()
	return appendRecordYAML(make([]byte, 0, 4096), &r), nil
}

// marshalJSON encodes without escaping <, > and & (text is data here, not
// HTML) and ends with a newline.
func marshalJSON(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// normalized is a copy of records with every list non-nil.
func normalized(records []Readout) []Readout {
	out := make([]Readout, len(records))
	for i, r := range records {
		r.Speakers = append([]Speaker(nil), r.Speakers...)
		r.Normalize()
		out[i] = r
	}
	return out
}

// EncodeJSONArray writes records as one indented JSON array.
func EncodeJSONArray(w io.Writer, records []Readout) error {
	records = normalized(records)
	b, err := marshalJSON(records, "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
