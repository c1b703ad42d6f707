package record

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The record has a fixed shape, so it is written directly rather than
// through yaml.v3's reflection, which cost a fifth of the whole pipeline.
// TestYAMLRoundTrip and FuzzExtract check that yaml.v3 reads every record
// back to the same values.

// appendRecordYAML appends one record as a YAML document.
func appendRecordYAML(b []byte, r *Readout) []byte {
	b = appendField(b, "", "schema", r.Schema)
	b = appendField(b, "", "source", r.Source)
	if r.Title != "" {
		b = appendField(b, "", "title", r.Title)
	}
	b = append(b, "provenance:\n"...)
	b = appendField(b, "  ", "version", r.Provenance.Version)
	b = appendField(b, "  ", "rules", r.Provenance.Rules)
	b = appendListHead(b, "speakers", len(r.Speakers))
	for _, s := range r.Speakers {
		b = append(b, "  - "...)
		b = appendKeyScalar(b, "name", s.Name)
		if s.Title != "" {
			b = appendField(b, "    ", "title", s.Title)
		}
		if s.Affiliation != "" {
			b = appendField(b, "    ", "affiliation", s.Affiliation)
		}
		b = append(b, "    aliases: "...)
		b = appendFlowStrings(b, s.Aliases)
		b = append(b, "\n    mentions: ["...)
		for i, m := range s.Mentions {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendSpan(b, m)
		}
		b = append(b, "]\n"...)
	}
	b = appendListHead(b, "quotes", len(r.Quotes))
	for _, q := range r.Quotes {
		b = append(b, "  - speaker: "...)
		if q.Speaker == nil {
			b = append(b, "null\n"...)
		} else {
			b = appendScalar(b, *q.Speaker, false)
			b = append(b, '\n')
		}
		b = appendField(b, "    ", "kind", string(q.Kind))
		if q.Cue != "" {
			b = appendField(b, "    ", "cue", q.Cue)
		}
		b = appendField(b, "    ", "text", q.Text)
		b = append(b, "    span: "...)
		b = appendSpan(b, q.Span)
		b = append(b, '\n')
		b = appendField(b, "    ", "rule", q.Rule)
	}
	b = appendListHead(b, "counterparts", len(r.Counterparts))
	for _, c := range r.Counterparts {
		b = append(b, "  - parties: "...)
		b = appendFlowStrings(b, c.Parties)
		b = append(b, '\n')
		b = appendField(b, "    ", "channel", string(c.Channel))
		if c.When != "" {
			b = appendField(b, "    ", "when", c.When)
		}
		b = append(b, "    planned: "...)
		b = strconv.AppendBool(b, c.Planned)
		b = append(b, "\n    span: "...)
		b = appendSpan(b, c.Span)
		b = append(b, '\n')
		b = appendField(b, "    ", "rule", c.Rule)
	}
	b = appendListHead(b, "pledges", len(r.Pledges))
	for _, p := range r.Pledges {
		b = append(b, "  - "...)
		b = appendKeyScalar(b, "actor", p.Actor)
		if p.By != "" {
			b = appendField(b, "    ", "by", p.By)
		}
		b = appendField(b, "    ", "action", p.Action)
		b = appendField(b, "    ", "strength", string(p.Strength))
		if p.When != "" {
			b = appendField(b, "    ", "when", p.When)
		}
		if p.Negated {
			b = append(b, "    negated: true\n"...)
		}
		b = append(b, "    span: "...)
		b = appendSpan(b, p.Span)
		b = append(b, '\n')
		b = appendField(b, "    ", "rule", p.Rule)
	}
	if len(r.Warnings) > 0 {
		b = append(b, "warnings:\n"...)
		for _, w := range r.Warnings {
			b = append(b, "  - "...)
			b = appendScalar(b, w, false)
			b = append(b, '\n')
		}
	}
	if r.Text != "" {
		b = appendField(b, "", "text", r.Text)
	}
	return b
}

func appendListHead(b []byte, key string, n int) []byte {
	b = append(b, key...)
	if n == 0 {
		return append(b, ": []\n"...)
	}
	return append(b, ":\n"...)
}

func appendField(b []byte, indent, key, value string) []byte {
	b = append(b, indent...)
	return appendKeyScalar(b, key, value)
}

func appendKeyScalar(b []byte, key, value string) []byte {
	b = append(b, key...)
	b = append(b, ": "...)
	b = appendScalar(b, value, false)
	return append(b, '\n')
}

func appendSpan(b []byte, s Span) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s[0]), 10)
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(s[1]), 10)
	return append(b, ']')
}

func appendFlowStrings(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendScalar(b, s, true)
	}
	return append(b, ']')
}

// appendScalar writes s plain when it is made only of characters that
// are plain in every YAML context (see plainSafe), and double-quoted
// (JSON-style escapes) otherwise. flow is set inside a flow list
// ("aliases: [a, b]"), where a comma also needs quoting.
func appendScalar(b []byte, s string, flow bool) []byte {
	if plainSafe(s, flow) {
		return append(b, s...)
	}
	return appendQuoted(b, s)
}

// specialWords are plain scalars YAML 1.1 or 1.2 reads as a boolean or
// null (compared in lower case, which also covers "True" and "NULL");
// none is longer than five bytes.
var specialWords = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true, "y": true, "n": true,
	"null": true, "~": true,
}

// plainSafe reports whether s can be written as a plain scalar in a block
// mapping value, a block list item and (when flow is set) a flow list, and
// read back by any YAML 1.1 or 1.2 parser as the same string. It allows a
// small set only, rather than ruling out what YAML forbids: s starts with
// a letter or digit, does not end with a space, and holds only letters,
// combining marks, digits, single ASCII spaces and the punctuation
// . - / ( ) ' ’ “ ” « » – — (and , outside flow lists); it is not a word
// YAML reads as a boolean or null, nor something that starts with a digit
// and might read as a number, date or time. Every indicator (: ? # , [ ] {
// } & * ! | > ' " % @ `), every control, format or separator character and
// every non-ASCII space is outside that set, so such strings are quoted
// (a superset of what yaml.v3's encoder quotes; TestPlainOnlyWhereYAMLv3IsPlain).
func plainSafe(s string, flow bool) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsLetter(first) || unicode.IsDigit(first)) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if last == ' ' {
		return false
	}
	prev := rune(0)
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if !plainASCII[r] || r == ',' && flow || r == ' ' && prev == ' ' {
				return false
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		case r == '’' || r == '“' || r == '”' || r == '«' || r == '»' || r == '–' || r == '—':
		default:
			return false
		}
		prev = r
	}
	if len(s) <= 5 && specialWords[strings.ToLower(s)] || looksNumeric(s) {
		return false
	}
	return true
}

// plainASCII are the ASCII characters plainSafe allows.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for _, r := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-/()'" {
		t[r] = true
	}
	return t
}()

// looksNumeric: strings starting with a digit that YAML might read as a
// number (decimal, hex, octal, binary, float, base 60), a date or a time.
// It errs towards yes: any string of digits and the letters and signs of
// those forms.
func looksNumeric(s string) bool {
	if s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F' || strings.ContainsRune("._+-: xXoOtTzZ", r)) {
			return false
		}
	}
	return true
}

const hexDigits = "0123456789abcdef"

func appendQuoted(b []byte, s string) []byte {
	s = toValid(s)
	b = append(b, '"')
	for _, r := range s {
		switch r {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			if unicode.IsPrint(r) || r == ' ' {
				b = utf8.AppendRune(b, r)
				continue
			}
			if r <= 0xFFFF {
				b = append(b, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
			} else {
				b = append(b, '\\', 'U', '0', '0', hexDigits[r>>20&0xF], hexDigits[r>>16&0xF], hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
			}
		}
	}
	return append(b, '"')
}

// toValid replaces every invalid byte with U+FFFD, as encoding/json does,
// so YAML and JSON output of the same record agree.
func toValid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
