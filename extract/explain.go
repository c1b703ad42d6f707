package extract

import (
	"fmt"
	"io"
	"strings"

	"github.com/readout/readout/entity"
	"github.com/readout/readout/grammar"
	"github.com/readout/readout/parser"
)

// Explanation says, for one document, which rule made each item of its
// record, how the rule's pattern lined up with the text, how each party
// was resolved and which candidates lost, and which matches made nothing.
type Explanation struct {
	Entities []string // who is who: each entity with its kind, name, title, affiliation and mentions
	Items    []Why
	Lost     []Why
}

// Why is one match: what it made (or why it made nothing), its rule, the
// words each element of the pattern took, and what its captures mean.
type Why struct {
	Item     string // "quote 2: Yoon Suk Yeol (direct): We face …", or "" for a lost match
	Reason   string // for a lost match: why it made nothing
	Rule     string
	File     string
	Line     int
	Span     parser.Span // the words the match covers
	Steps    []Step
	Captures []CaptureWhy
}

// Step is one element of a pattern and the words it took.
type Step struct {
	Line  int    // the element's line in the rules file
	What  string // what the element matches
	Words string // the words it took ("" for none)
}

// CaptureWhy is one capture: its name, words, the entity it means, and,
// when a pronoun or role was resolved, the candidates and the reason.
type CaptureWhy struct {
	Name       string
	Words      string
	Entity     string
	Candidates []string
	Reason     string
}

// Explain is the explanation of an extraction's record.
func (x *Extraction) Explain() Explanation {
	e := Explanation{Entities: x.Entities()}
	for i, q := range x.Quotes {
		who := "(no speaker)"
		if q.Speaker >= 0 {
			who = x.Ents.Name(q.Speaker)
		}
		e.Items = append(e.Items, x.why(q.Match, fmt.Sprintf("quote %d: %s (%s): %s", i, who, q.Kind, clip(q.Text))))
	}
	for i, c := range x.Counterparts {
		e.Items = append(e.Items, x.why(c.Match, fmt.Sprintf("counterpart %d: %s with %s (%s)", i, x.Ents.Name(c.A), x.Ents.Name(c.B), c.Channel)))
	}
	for i, p := range x.Pledges {
		e.Items = append(e.Items, x.why(p.Match, fmt.Sprintf("pledge %d: %s %s (%s)", i, x.Ents.Name(p.Actor), clip(p.Action), p.Strength)))
	}
	for _, l := range x.Lost {
		w := x.why(l.Match, "")
		w.Reason = l.Reason
		e.Lost = append(e.Lost, w)
	}
	return e
}

func clip(s string) string {
	if len(s) > 90 {
		return s[:87] + "…"
	}
	return s
}

// why describes one match.
func (x *Extraction) why(m grammar.Match, item string) Why {
	a := x.A
	w := Why{Item: item, Rule: m.Rule.ID, File: m.Rule.File, Line: m.Rule.Line}
	if m.Last >= m.First {
		w.Span = a.Span(m.First, min(m.Last, len(x.Doc.Tokens)-1))
	}
	for _, st := range m.Steps {
		words := ""
		if st.Last >= st.First {
			words = a.Text(st.First, st.Last)
		}
		w.Steps = append(w.Steps, Step{Line: st.Line, What: st.What, Words: words})
	}
	for _, c := range m.Captures {
		cw := CaptureWhy{Name: c.Name}
		if c.Last >= c.First {
			cw.Words = a.Text(c.First, c.Last)
		}
		if e := x.C.EntityOf(c); e >= 0 {
			cw.Entity = x.Ents.Name(e)
		}
		if d, ok := x.Ents.Why[c.NP]; ok && c.NP >= 0 {
			cw.Reason = d.Reason
			for _, cand := range d.Candidates {
				cw.Candidates = append(cw.Candidates, x.Ents.Name(cand))
			}
		}
		w.Captures = append(w.Captures, cw)
	}
	return w
}

// WriteText writes an explanation for people: each item, its rule and the
// alignment of its pattern, then the matches that made nothing.
func (e Explanation) WriteText(w io.Writer) error {
	var b strings.Builder
	if len(e.Entities) > 0 {
		b.WriteString("Entities:\n")
		for _, en := range e.Entities {
			b.WriteString("  " + en + "\n")
		}
		b.WriteByte('\n')
	}
	for _, it := range e.Items {
		writeWhy(&b, it)
	}
	if len(e.Lost) > 0 {
		b.WriteString("\nMatches that made nothing:\n")
		for _, it := range e.Lost {
			writeWhy(&b, it)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeWhy(b *strings.Builder, w Why) {
	if w.Item != "" {
		fmt.Fprintf(b, "%s\n", w.Item)
	} else {
		fmt.Fprintf(b, "%s at [%d, %d): %s\n", w.Rule, w.Span.Start, w.Span.End, w.Reason)
	}
	fmt.Fprintf(b, "  rule %s (%s:%d)\n", w.Rule, w.File, w.Line)
	for _, st := range w.Steps {
		fmt.Fprintf(b, "    line %-4d %-10s %q\n", st.Line, st.What, st.Words)
	}
	for _, c := range w.Captures {
		fmt.Fprintf(b, "  %-8s %q", c.Name+":", c.Words)
		if c.Entity != "" {
			fmt.Fprintf(b, " → %s", c.Entity)
		}
		b.WriteByte('\n')
		if c.Reason != "" {
			fmt.Fprintf(b, "           %s", c.Reason)
			if len(c.Candidates) > 1 {
				fmt.Fprintf(b, "; candidates: %s", strings.Join(c.Candidates, ", "))
			}
			b.WriteByte('\n')
		}
	}
	b.WriteByte('\n')
}

// DescribeMatch writes one match for people (a line per element and
// capture).
func (x *Extraction) DescribeMatch(m grammar.Match) string {
	var b strings.Builder
	writeWhy(&b, x.why(m, ""))
	return b.String()
}

// Entities lists the document's entities for people: each with its kind,
// name, title, affiliation and the words that mention it.
func (x *Extraction) Entities() []string {
	var out []string
	for e := range x.Ents.Ents {
		en := &x.Ents.Ents[e]
		if len(en.Mentions) == 0 && en.Kind != entity.Pair {
			continue
		}
		s := fmt.Sprintf("%s %q", en.Kind, x.Ents.Name(e))
		if en.Title != "" {
			s += " title=" + en.Title
		}
		if en.Affiliation != "" {
			s += " affiliation=" + en.Affiliation
		}
		if len(en.Aliases) > 0 {
			s += " as " + strings.Join(en.Aliases, " | ")
		}
		out = append(out, s)
	}
	return out
}
