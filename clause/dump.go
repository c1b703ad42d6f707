package clause

import (
	"fmt"
	"strings"
)

// Dump writes the analysis of sentence si for people: each chunk with its
// kind and links, one per line. readout explain and the tests use it.
func (a *Analysis) Dump(si int) string {
	var b strings.Builder
	s := a.Doc.Sentences[si]
	for i := s.First; i <= s.Last; i++ {
		switch {
		case a.NPAt[i] >= 0 && a.NPs[a.NPAt[i]].First == i:
			n := int(a.NPAt[i])
			b.WriteString(a.DescribeNP(n))
			b.WriteByte('\n')
			i = a.NPs[n].Last
		case a.VGAt[i] >= 0 && a.VGs[a.VGAt[i]].First == i:
			v := int(a.VGAt[i])
			b.WriteString(a.DescribeVG(v))
			b.WriteByte('\n')
			i = a.VGs[v].Last
		}
	}
	return b.String()
}

// DescribeNP is one line on NP n: `NP[kind] "text" title=… links`.
func (a *Analysis) DescribeNP(n int) string {
	np := &a.NPs[n]
	parts := []string{fmt.Sprintf("NP%d[%s] %q", n, np.Kind, a.Text(np.First, np.Last))}
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("name", a.Name(np))
	add("title", np.Title)
	add("aff", np.Affiliation)
	add("value", np.Value)
	if np.Gender != 0 {
		add("gender", string(np.Gender))
	}
	for _, l := range []struct {
		k string
		v int32
	}{{"poss", np.Possessor}, {"appos", np.Appos}, {"conj", np.Conj}} {
		if l.v >= 0 {
			add(l.k, fmt.Sprintf("NP%d", l.v))
		}
	}
	return strings.Join(parts, " ")
}

// DescribeVG is one line on verb group v: `VG[form tense modal …] "text" subj=NPn …`.
func (a *Analysis) DescribeVG(v int) string {
	vg := &a.VGs[v]
	attrs := []string{vg.Form.String()}
	if vg.Tense != NoTense {
		attrs = append(attrs, vg.Tense.String())
	}
	if vg.Modal != "" && vg.Modal != vg.Tense.String() {
		attrs = append(attrs, vg.Modal)
	}
	if vg.Negated {
		attrs = append(attrs, "negated")
	}
	if vg.Passive {
		attrs = append(attrs, "passive")
	}
	if vg.Headline {
		attrs = append(attrs, "headline")
	}
	parts := []string{fmt.Sprintf("VG%d[%s] %q lemma=%s", v, strings.Join(attrs, " "), a.Text(vg.First, vg.Last), vg.Lemma)}
	for _, l := range []struct {
		k string
		v int32
	}{{"subj", vg.Subject}, {"obj", vg.Object}, {"agent", vg.Agent}, {"rel", vg.Rel}} {
		if l.v >= 0 {
			parts = append(parts, fmt.Sprintf("%s=NP%d", l.k, l.v))
		}
	}
	if vg.Inverted {
		parts = append(parts, "inverted")
	}
	if vg.Coord >= 0 {
		parts = append(parts, fmt.Sprintf("coord=VG%d", vg.Coord))
	}
	return strings.Join(parts, " ")
}
