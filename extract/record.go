package extract

import (
	"sort"

	"github.com/readout/readout/clause"

	"github.com/readout/readout/entity"
	"github.com/readout/readout/record"
)

// Record writes what was found as a readout/v1 record. source is its
// source (a path, "-" or an id).
func (x *Extraction) Record(source string) record.Readout {
	r := record.Readout{Schema: record.Schema, Source: source}
	if x.Doc.Title != nil {
		r.Title = x.Doc.Text(*x.Doc.Title)
	}
	r.Speakers = x.speakers()
	for _, q := range x.Quotes {
		var sp *string
		if q.Speaker >= 0 {
			s := x.Ents.Name(q.Speaker)
			sp = &s
		}
		r.Quotes = append(r.Quotes, record.Quote{Speaker: sp, Kind: q.Kind, Cue: q.Cue, Text: q.Text,
			Span: record.Span{q.Span.Start, q.Span.End}, Rule: q.Match.Rule.ID})
	}
	for _, c := range x.Counterparts {
		r.Counterparts = append(r.Counterparts, record.Counterpart{Parties: []string{x.Ents.Name(c.A), x.Ents.Name(c.B)},
			Channel: c.Channel, When: c.When, Planned: c.Planned, Span: record.Span{c.Span.Start, c.Span.End}, Rule: c.Match.Rule.ID})
	}
	for _, p := range x.Pledges {
		pl := record.Pledge{Actor: x.Ents.Name(p.Actor), Action: p.Action, Strength: p.Strength, When: p.When,
			Negated: p.Negated, Span: record.Span{p.Span.Start, p.Span.End}, Rule: p.Match.Rule.ID}
		if p.By >= 0 && p.By != p.Actor {
			if by := x.Ents.Name(p.By); by != pl.Actor {
				pl.By = by
			}
		}
		r.Pledges = append(r.Pledges, pl)
	}
	sort.SliceStable(r.Pledges, func(i, j int) bool { return r.Pledges[i].Span[0] < r.Pledges[j].Span[0] })
	r.Warnings = append(r.Warnings, x.Doc.Warnings...)
	r.Normalize()
	return r
}

// speakers lists the entities that say something, in order of first
// mention, each with its aliases and mention spans. A pair is listed by its
// members. Names are unique: two entities with one name are one speaker.
func (x *Extraction) speakers() []record.Speaker {
	var out []record.Speaker
	byName := map[string]int{}
	relatives := x.relativeMentions()
	for e := range x.Ents.Ents {
		en := &x.Ents.Ents[e]
		if !x.speaks[e] || en.Kind == entity.Pair || len(en.Mentions) == 0 {
			continue
		}
		sp := record.Speaker{Name: x.Ents.Name(e), Title: en.Title, Affiliation: en.Affiliation}
		if en.Kind == entity.Org && sp.Affiliation == "" {
			if o := x.G.Lex.Org[en.Name]; o != nil {
				sp.Affiliation = o.Country
			}
		}
		if en.Kind == entity.Place {
			sp.Affiliation = ""
		}
		for _, a := range en.Aliases {
			if a != sp.Name && !contains(sp.Aliases, a) {
				sp.Aliases = append(sp.Aliases, a)
			}
		}
		for _, np := range en.Mentions {
			s := x.A.NameSpan(&x.A.NPs[np])
			sp.Mentions = append(sp.Mentions, record.Span{s.Start, s.End})
		}
		sp.Mentions = append(sp.Mentions, relatives[e]...)
		sort.SliceStable(sp.Mentions, func(i, j int) bool { return sp.Mentions[i][0] < sp.Mentions[j][0] })
		if i, ok := byName[sp.Name]; ok {
			merge(&out[i], sp)
			continue
		}
		byName[sp.Name] = len(out)
		out = append(out, sp)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0][0] < out[j].Mentions[0][0] })
	return out
}

// relativeMentions are the relative pronouns that stand for an entity as
// the subject of their clause, by entity: "Beck, who said …" mentions Beck
// twice, the second time as "who".
func (x *Extraction) relativeMentions() map[int][]record.Span {
	a := x.A
	out := map[int][]record.Span{}
	for i := range a.VGs {
		vg := &a.VGs[i]
		if vg.Rel < 0 || vg.Subject != vg.Rel {
			continue
		}
		e := x.Ents.Of(int(vg.Rel))
		if e < 0 {
			continue
		}
		for k := vg.First - 1; k > a.NPs[vg.Rel].Last && k >= vg.First-3; k-- {
			if a.Is(k, clause.Relative) {
				t := a.Doc.Tokens[k]
				out[e] = append(out[e], record.Span{t.Start, t.End})
				break
			}
		}
	}
	return out
}

func merge(o *record.Speaker, sp record.Speaker) {
	for _, a := range sp.Aliases {
		if !contains(o.Aliases, a) {
			o.Aliases = append(o.Aliases, a)
		}
	}
	o.Mentions = append(o.Mentions, sp.Mentions...)
	sort.SliceStable(o.Mentions, func(i, j int) bool { return o.Mentions[i][0] < o.Mentions[j][0] })
	if o.Title == "" {
		o.Title = sp.Title
	}
	if o.Affiliation == "" {
		o.Affiliation = sp.Affiliation
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
