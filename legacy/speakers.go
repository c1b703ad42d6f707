package legacy

import "github.com/readout/readout/record"

// speakers lists the entities that say something, in order of first
// mention, each with its aliases and mention spans. Names are unique: two
// entities that end up with one name (a person "S" and a source "S") are
// one speaker.
func (x *state) speakers() []record.Speaker {
	var out []record.Speaker
	byName := map[string]int{}
	for e := range x.ents {
		en := &x.ents[e]
		if !en.speaks || en.kind == pairMention || len(en.mentions) == 0 {
			continue
		}
		sp := record.Speaker{Name: x.entityName(e), Title: en.title, Affiliation: en.affiliation}
		if en.kind == orgMention && sp.Affiliation == "" && en.display != "" && en.display != en.name {
			sp.Affiliation = x.rules.orgCountry[en.name]
		}
		if en.kind == placeMention {
			sp.Affiliation = ""
		}
		for _, a := range en.aliases {
			if a != sp.Name && !containsString(sp.Aliases, a) {
				sp.Aliases = append(sp.Aliases, a)
			}
		}
		for _, mi := range en.mentions {
			m := x.mentions[mi]
			sp.Mentions = append(sp.Mentions, record.Span{m.name.Start, m.name.End})
		}
		if i, ok := byName[sp.Name]; ok {
			o := &out[i]
			for _, a := range sp.Aliases {
				if !containsString(o.Aliases, a) {
					o.Aliases = append(o.Aliases, a)
				}
			}
			o.Mentions = append(o.Mentions, sp.Mentions...)
			sortByStart(o.Mentions, func(m record.Span) int { return m[0] })
			o.Title = firstNonEmpty(o.Title, sp.Title)
			o.Affiliation = firstNonEmpty(o.Affiliation, sp.Affiliation)
			continue
		}
		byName[sp.Name] = len(out)
		out = append(out, sp)
	}
	sortByStart(out, func(s record.Speaker) int { return s.Mentions[0][0] })
	return out
}
