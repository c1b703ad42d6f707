package grammar

import (
	"fmt"
	"sort"
	"strings"

	"github.com/readout/readout/lexicon"
)

// PatternString writes a rule's pattern on one line, element by element:
// `verb{in: speech_verbs} subject→speaker as cue · role complementizer ·
// content clause as text`.
func (g *Grammar) PatternString(r *Rule) string {
	return g.sequenceString(r.Pattern)
}

func (g *Grammar) sequenceString(seq []Element) string {
	parts := make([]string, len(seq))
	for i := range seq {
		parts[i] = g.elementString(&seq[i])
	}
	return strings.Join(parts, " · ")
}

func (g *Grammar) elementString(e *Element) string {
	s := g.elementCore(e)
	if e.Optional {
		s += "?"
	}
	for _, l := range []struct{ k, v string }{{"subject", e.Subject}, {"object", e.Object}, {"agent", e.Agent}} {
		if l.v != "" {
			s += " " + l.k + "→" + l.v
		}
	}
	if e.As != "" {
		s += " as " + e.As
	}
	return s
}

func (g *Grammar) elementCore(e *Element) string {
	names := g.Lex.ListNames()
	switch e.kind {
	case elWord, elText:
		ws := make([]string, len(e.words))
		for i, w := range e.words {
			ws[i] = strings.Join(w, " ")
		}
		return elemNames[e.kind] + " " + strings.Join(ws, "|")
	case elRole:
		return "role " + e.role.String()
	case elIn:
		return "in " + names[e.list]
	case elTag:
		return "tag " + strings.Join(e.tags, "|")
	case elNP:
		return "np" + g.npSpecString(e.np)
	case elVerb, elPredicate:
		return elemNames[e.kind] + g.verbSpecString(e.verb)
	case elContent:
		return "content " + [...]string{"clause", "fronted", "rest", "lead", "to-comma"}[e.content]
	case elSkip:
		return fmt.Sprintf("skip≤%d", e.skip.max)
	case elSentence:
		return "sentence " + [...]string{"start", "body", "end", "paragraph-end"}[e.position]
	case elAny:
		alts := make([]string, len(e.alts))
		for i, a := range e.alts {
			alts[i] = g.sequenceString(a)
		}
		return "(" + strings.Join(alts, " | ") + ")"
	case elUse:
		return "use " + e.use
	}
	return elemNames[e.kind]
}

func (g *Grammar) npSpecString(s *npSpec) string {
	var f []string
	for _, k := range s.kinds {
		f = append(f, "kind "+k.String())
	}
	for _, k := range s.entities {
		f = append(f, "entity "+k.String())
	}
	if s.hasHead {
		f = append(f, "head in "+g.Lex.ListNames()[s.headIn])
	}
	if len(f) == 0 {
		return ""
	}
	return "{" + strings.Join(f, ", ") + "}"
}

func (g *Grammar) verbSpecString(s *verbSpec) string {
	var f []string
	names := g.Lex.ListNames()
	in := func(ids []lexicon.ID) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = names[id]
		}
		return strings.Join(out, "|")
	}
	if len(s.in) > 0 {
		f = append(f, "in "+in(s.in))
	}
	if len(s.notIn) > 0 {
		f = append(f, "not in "+in(s.notIn))
	}
	for _, x := range s.forms {
		f = append(f, x.String())
	}
	for _, x := range s.tenses {
		f = append(f, x.String())
	}
	if len(s.modals) > 0 {
		f = append(f, "modal "+strings.Join(s.modals, "|"))
	}
	switch s.voice {
	case 1:
		f = append(f, "active")
	case 2:
		f = append(f, "passive")
	}
	switch s.negated {
	case 1:
		f = append(f, "negated")
	case 2:
		f = append(f, "not negated")
	}
	if len(f) == 0 {
		return ""
	}
	return "{" + strings.Join(f, ", ") + "}"
}

// HookNames returns every hook's name, sorted.
func HookNames() []string {
	out := make([]string, 0, len(hooks))
	for name := range hooks {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
