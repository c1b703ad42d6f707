package extract

// speakers lists the entities that say something, in order of first
// mention, each with its aliases and mention spans.
func (x *state) speakers() []Speaker {
	var out []Speaker
	for e := range x.ents {
		en := &x.ents[e]
		if !en.speaks || en.kind == pairMention || len(en.mentions) == 0 {
			continue
		}
		sp := Speaker{Name: x.entityName(e), Title: en.title, Affiliation: en.affiliation}
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
			sp.Mentions = append(sp.Mentions, Span{m.name.Start, m.name.End})
		}
		out = append(out, sp)
	}
	sortByStart(out, func(s Speaker) int { return s.Mentions[0][0] })
	return out
}
