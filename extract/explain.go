package extract

import (
	"fmt"
	"strings"

	"github.com/readout/readout/grammar"
)

// Explanation says, for a document, which rule made each item, how its
// pattern lined up with the text, and what lost.
type Explanation struct {
	x *Extraction
}

// Explain runs the extraction and keeps the reasons.
func (x *Extraction) Explain() *Explanation { return &Explanation{x: x} }

// DescribeMatch writes one match: the rule, its file and line, and each
// element with the words it took.
func (x *Extraction) DescribeMatch(m grammar.Match) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s:%d)\n", m.Rule.ID, m.Rule.File, m.Rule.Line)
	for _, st := range m.Steps {
		words := ""
		if st.Last >= st.First {
			words = x.A.Text(st.First, st.Last)
		}
		fmt.Fprintf(&b, "    line %-4d %-9s %q\n", st.Line, st.What, words)
	}
	for _, c := range m.Captures {
		words := ""
		if c.Last >= c.First {
			words = x.A.Text(c.First, c.Last)
		}
		who := ""
		if e := x.C.EntityOf(c); e >= 0 {
			who = " → " + x.Ents.Name(e)
		}
		fmt.Fprintf(&b, "    %-8s %q%s\n", c.Name+":", words, who)
	}
	return b.String()
}
