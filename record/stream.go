package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Stream lines are the JSON Lines of stream mode (readout parse --input
// jsonl): one JSON object per input line, {"id": …, "text": "…", …}, and
// one output line per input line, in the same order. An output line is
//
//	{"id": ID, FIELDS…, "schema": "readout/v1", "source": …, …}   the record
//	{"id": ID, FIELDS…, "line": N, "error": "…"}                  an error
//
// where ID is the input's id (any JSON value; null when absent) and FIELDS
// are the input's other fields but "text", in input order. The functions
// here decode an input line and encode an output line, so that another
// program (a Beam or Spark job calling Convert itself) writes the same
// bytes as readout does.

// StreamField is one field of an input line, other than id and text,
// passed through to its output line.
type StreamField struct {
	Name  string          // the field's name, decoded
	Value json.RawMessage // its value, as the input gives it (compacted)
}

// StreamInput is one decoded input line.
type StreamInput struct {
	// ID is the id as JSON, nil when absent or null. A string id is
	// re-encoded (so invalid UTF-8 becomes U+FFFD, as in the text); any
	// other value is compacted.
	ID     json.RawMessage
	Fields []StreamField // the other fields but text, in input order
	Text   string        // the article
}

// Source is the record's source for the input: a string id's text, the
// JSON of any other id, or fallback (such as "FILE:LINE") without an id.
// It equals the id written on the output line.
func (in StreamInput) Source(fallback string) string {
	if in.ID == nil {
		return fallback
	}
	var s string
	if json.Unmarshal(in.ID, &s) == nil {
		return s
	}
	return string(in.ID)
}

// ReservedStreamFields are names an input line may not use for a field
// passed through, because the output line has a field of that name: "id"
// and "text" (read), the record's fields, and the error line's "line" and
// "error".
var ReservedStreamFields = func() map[string]bool {
	m := map[string]bool{"id": true, "text": true, "line": true, "error": true}
	t := reflect.TypeFor[Readout]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		m[name] = true
	}
	return m
}()

// DecodeStreamLine decodes one input line (without its line end). The
// error, one line without the input's name, says what is wrong: a blank
// line, not JSON, not an object, a field given twice, a reserved field
// name (ReservedStreamFields), no "text", or a "text" that is not a
// string. With an error, in holds what could be read (the id and fields
// when the line is a JSON object), for the error line.
func DecodeStreamLine(line []byte) (in StreamInput, err error) {
	if len(bytes.TrimSpace(line)) == 0 {
		return in, errors.New(`blank line (want {"id": …, "text": "…"})`)
	}
	if !json.Valid(line) {
		var raw json.RawMessage
		if err := json.Unmarshal(line, &raw); err != nil {
			return in, fmt.Errorf("not JSON: %v", err)
		}
		return in, errors.New("not JSON")
	}
	var text json.RawMessage
	seen := map[string]bool{}
	problem := ""
	err = objectMembers(line, func(name string, value []byte) bool {
		if seen[name] {
			problem = fmt.Sprintf("field %q is given twice", name)
			return true
		}
		seen[name] = true
		switch {
		case name == "id":
			if !bytes.Equal(value, []byte("null")) {
				in.ID = normalizeID(value)
			}
		case name == "text":
			text = value
		case ReservedStreamFields[name]:
			if problem == "" {
				problem = fmt.Sprintf("field %q is also a field of the output line; rename it", name)
			}
		default:
			in.Fields = append(in.Fields, StreamField{Name: name, Value: normalizeValue(value)})
		}
		return true
	})
	switch {
	case err != nil:
		return StreamInput{}, errors.New(`not a JSON object (want {"id": …, "text": "…"})`)
	case problem != "":
		return in, errors.New(problem)
	case text == nil:
		return in, errors.New(`no "text" field`)
	case bytes.Equal(text, []byte("null")) || json.Unmarshal(text, &in.Text) != nil:
		return in, errors.New(`"text" is not a string`)
	}
	return in, nil
}

// StreamLineID is the id of an input line of which only the start is at
// hand (a line too long to read whole), when the id comes before the
// point where it is cut; nil otherwise.
func StreamLineID(start []byte) json.RawMessage {
	var id json.RawMessage
	objectMembers(start, func(name string, value []byte) bool {
		if name == "id" && json.Valid(value) && !bytes.Equal(value, []byte("null")) {
			id = normalizeID(value)
			return false
		}
		return true
	})
	return id
}

// StreamLine is one output line: a record, or an error when Record is nil.
type StreamLine struct {
	ID     json.RawMessage // the input's id (StreamInput.ID); nil: null
	Fields []StreamField   // the input's other fields (StreamInput.Fields)
	Record *Readout        // the record; nil for an error line
	Line   int             // error lines: the input line number, from 1
	Error  string          // error lines: what went wrong (made one line)
}

// AppendStreamLine appends l to b as one line of JSON ending in "\n":
// {"id":…, the fields…, then the record's fields, or "line" and "error"}.
// The id and field values are compacted (a string id re-encoded) and
// invalid UTF-8 in them becomes U+FFFD, so the line is valid UTF-8. The
// same l always gives the same bytes. It fails only when the id or a
// field value is not valid JSON, or a field name is reserved
// (ReservedStreamFields).
func AppendStreamLine(b []byte, l StreamLine) ([]byte, error) {
	b = append(b, `{"id":`...)
	switch {
	case l.ID == nil:
		b = append(b, "null"...)
	case !json.Valid(l.ID):
		return b, errors.New("stream line: the id is not valid JSON")
	default:
		b = append(b, normalizeID(l.ID)...)
	}
	for _, f := range l.Fields {
		if ReservedStreamFields[f.Name] {
			return b, fmt.Errorf("stream line: field %q is reserved", f.Name)
		}
		if !json.Valid(f.Value) {
			return b, fmt.Errorf("stream line: field %q is not valid JSON", f.Name)
		}
		b = append(b, ',')
		b = appendJSONString(b, f.Name)
		b = append(b, ':')
		b = append(b, normalizeValue(f.Value)...)
	}
	if l.Record == nil {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(l.Line), 10)
		b = append(b, `,"error":`...)
		b = appendJSONString(b, strings.Join(strings.Fields(l.Error), " "))
		return append(b, "}\n"...), nil
	}
	r := *l.Record
	r.Normalize()
	rec, err := marshalJSON(r, "")
	if err != nil {
		return b, err
	}
	// {"schema":…}\n becomes ,"schema":…}\n after the id and fields.
	b = append(b, ',')
	return append(b, rec[1:]...), nil
}

// appendJSONString appends s as a JSON string, without escaping <, > and
// & (this is data, not HTML); each byte of invalid UTF-8 becomes U+FFFD
// (written as is, not escaped).
func appendJSONString(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(toValid(s)) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// normalizeID is a valid JSON id as written on output lines: a string
// re-encoded (so its source, the decoded string, and the id agree), any
// other value compacted with invalid UTF-8 replaced.
func normalizeID(raw []byte) json.RawMessage {
	var s string
	if len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil {
		return appendJSONString(nil, s)
	}
	return normalizeValue(raw)
}

// normalizeValue compacts a valid JSON value and replaces each byte of
// invalid UTF-8 in it with U+FFFD, as encoding/json does when it decodes
// a string. (Invalid bytes can only stand inside strings, where U+FFFD is
// valid, so the value stays valid JSON.)
func normalizeValue(raw []byte) json.RawMessage {
	var c bytes.Buffer
	if json.Compact(&c, raw) != nil {
		return bytes.Clone(raw)
	}
	return replaceInvalid(c.Bytes())
}

// replaceInvalid returns v with each byte that is not part of valid UTF-8
// replaced by U+FFFD, as encoding/json writes strings; v itself when it is
// valid.
func replaceInvalid(v []byte) []byte {
	if utf8.Valid(v) {
		return v
	}
	out := make([]byte, 0, len(v)+8)
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRune(v[i:])
		if r == utf8.RuneError && n == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, v[i:i+n]...)
		}
		i += n
	}
	return out
}

// objectMembers calls member for each member of the JSON object in b, in
// order, with the decoded name and the raw value (a slice of b), until
// member returns false. It reads b without building values, so a large
// text costs no copy. b need not be complete: members are reported up to
// where it stops making sense, and then an error is returned.
func objectMembers(b []byte, member func(name string, value []byte) bool) error {
	bad := errors.New("not a JSON object")
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return bad
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return nil
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return bad
		}
		end := skipString(b, i)
		if end < 0 {
			return bad
		}
		var name string
		if json.Unmarshal(b[i:end], &name) != nil {
			return bad
		}
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return bad
		}
		i = skipSpace(b, i+1)
		end = skipValue(b, i)
		if end < 0 {
			return bad
		}
		if !member(name, b[i:end]) {
			return nil
		}
		i = skipSpace(b, end)
		if i >= len(b) {
			return bad
		}
		switch b[i] {
		case '}':
			return nil
		case ',':
			i = skipSpace(b, i+1)
		default:
			return bad
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the end of the JSON string starting at b[i] ('"'),
// or -1 when it does not end within b.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// skipValue returns the end of the JSON value starting at b[i], or -1
// when it does not end within b. Only strings and nesting are followed:
// the value's validity is checked elsewhere.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				if i = skipString(b, i); i < 0 {
					return -1
				}
				i--
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	}
	start := i
	for i < len(b) && !strings.ContainsRune(",}] \t\r\n", rune(b[i])) {
		i++
	}
	if i == start || i == len(b) {
		return -1 // a number cut short cannot be told from a whole one
	}
	return i
}
