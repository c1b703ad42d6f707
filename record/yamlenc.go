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

// appendScalar writes s plain when YAML reads it back as the same string,
// and double-quoted (JSON-style escapes) otherwise.
func appendScalar(b []byte, s string, flow bool) []byte {
	if plainSafe(s, flow) {
		return append(b, s...)
	}
	return appendQuoted(b, s)
}

var specialWords = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true, "y": true, "n": true,
	"null": true, "~": true,
}

func plainSafe(s string, flow bool) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsLetter(first) || unicode.IsDigit(first)) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(last) || last == ':' {
		return false
	}
	if specialWords[strings.ToLower(s)] || looksNumeric(s) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\uFEFF' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			return false
		case !unicode.IsPrint(r) && r != ' ':
			return false
		case flow && (r == ',' || r == '[' || r == ']' || r == '{' || r == '}'):
			return false
		}
	}
	return true
}

// looksNumeric: strings YAML might read as a number, date or time.
func looksNumeric(s string) bool {
	if s[0] < '0' || s[0] > '9' {
		return s == ".inf" || s == ".nan"
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E' || r == '_' || r == ':' || r == 'x' || r == 'o' || r == 'b' || r == 'T' || r == 't' || r == 'Z' || r == ' ') {
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
