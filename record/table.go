package record

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// TableFormats are the formats EncodeTable writes: comma-separated and
// tab-separated values.
var TableFormats = []string{"csv", "tsv"}

// Tables are the tables EncodeTable writes, one row per item of a record's
// list of the same name.
var Tables = []string{"quotes", "speakers", "counterparts", "pledges"}

// TableColumns gives each table's header row. Every table starts with
// source (the record's source) and id (the item's place in its list, from
// 1, after the table's initial: q1, s1, c1, p1; source and id together
// name a row), and ends with start and end (the item's span [start, end)
// in bytes of the input, or of the record's text for HTML input; a
// speaker's first mention, empty without one) and rule (the rule that produced the item;
// empty for speakers, which come from several).
var TableColumns = map[string][]string{
	"quotes":       {"source", "id", "speaker", "kind", "cue", "text", "start", "end", "rule"},
	"speakers":     {"source", "id", "name", "title", "affiliation", "aliases", "mentions", "start", "end", "rule"},
	"counterparts": {"source", "id", "party1", "party2", "channel", "when", "planned", "start", "end", "rule"},
	"pledges":      {"source", "id", "actor", "by", "action", "strength", "when", "start", "end", "rule"},
}

// TableError is an unknown table or table format.
type TableError struct{ What, Value string }

func (e *TableError) Error() string {
	if e.What == "table" {
		return "unknown table " + e.Value + " (want quotes, speakers, counterparts or pledges)"
	}
	return "unknown table format " + e.Value + " (want csv or tsv)"
}

// EncodeTable writes a header row (TableColumns) and then one row per
// item of table ("quotes", "speakers", "counterparts" or "pledges") of
// each record, in order, as format "csv" (fields separated by commas) or
// "tsv" (by tabs). Fields are quoted as RFC 4180 says (encoding/csv): a
// field holding the separator, a double quote or a line break is put in
// double quotes, its double quotes doubled. Lines end in "\n". Lists
// within a field (a speaker's aliases) are joined with "; "; a speaker's
// mentions column is their number; a quote without a speaker has an empty
// speaker; planned is true or false. The output is a function of the
// records alone. The errors are a *TableError, or the writer's.
func EncodeTable(w io.Writer, format, table string, records []Readout) error {
	cw := csv.NewWriter(w)
	switch format {
	case "csv":
	case "tsv":
		cw.Comma = '\t'
	default:
		return &TableError{"format", format}
	}
	head, ok := TableColumns[table]
	if !ok {
		return &TableError{"table", table}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range records {
		for _, row := range tableRows(table, &r) {
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// tableRows are one record's rows of a table, without the header.
func tableRows(table string, r *Readout) [][]string {
	var rows [][]string
	id := func(i int) string { return table[:1] + strconv.Itoa(i+1) }
	switch table {
	case "quotes":
		for i, q := range r.Quotes {
			speaker := ""
			if q.Speaker != nil {
				speaker = *q.Speaker
			}
			rows = append(rows, spanRow([]string{r.Source, id(i), speaker, string(q.Kind), q.Cue, q.Text}, q.Span, q.Rule))
		}
	case "speakers":
		for i, s := range r.Speakers {
			row := []string{r.Source, id(i), s.Name, s.Title, s.Affiliation, strings.Join(s.Aliases, "; "), strconv.Itoa(len(s.Mentions))}
			if len(s.Mentions) == 0 {
				rows = append(rows, append(row, "", "", "")) // no span to give
				continue
			}
			rows = append(rows, spanRow(row, s.Mentions[0], ""))
		}
	case "counterparts":
		for i, c := range r.Counterparts {
			var a, b string
			if len(c.Parties) > 0 {
				a = c.Parties[0]
			}
			if len(c.Parties) > 1 {
				b = c.Parties[1]
			}
			rows = append(rows, spanRow([]string{r.Source, id(i), a, b, string(c.Channel), c.When, strconv.FormatBool(c.Planned)}, c.Span, c.Rule))
		}
	case "pledges":
		for i, p := range r.Pledges {
			rows = append(rows, spanRow([]string{r.Source, id(i), p.Actor, p.By, p.Action, string(p.Strength), p.When}, p.Span, p.Rule))
		}
	}
	return rows
}

func spanRow(row []string, s Span, rule string) []string {
	return append(row, strconv.Itoa(s[0]), strconv.Itoa(s[1]), rule)
}
