package entity

import (
	"fmt"
	"github.com/readout/readout/clause"
	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/lexicon"
	"slices"
	"strings"
)

// titleFits: a role's title words are all in the person's ("the Prime
// Minister" fits "Prime Minister Kenji Mori", not "Foreign Minister Ana
// Ribeiro"; "the president" fits any president), and their countries do
// not differ.
func (s *Set) titleFits(roleCore, roleAff string, e int) bool {
	en := &s.Ents[e]
	if en.TitleCore == "" || roleCore == "" {
		return false
	}
	if !subsetOf(NameWords(roleCore), NameWords(en.TitleCore)) {
		return false
	}
	return roleAff == "" || en.Affiliation == "" || roleAff == en.Affiliation
}

// notTheObject drops from cands the person named as the object of the
// verb np is the subject of, when others remain: in "The president
// praised President Zelenskyy", the president is someone else.
func (r *resolver) notTheObject(np int, cands []int) []int {
	obj := r.objectNP[np]
	if obj < 0 || len(cands) < 2 || r.A.NPs[obj].Kind == clause.KindPronoun {
		return cands
	}
	r.resolve(int(obj)) // it comes later in the text: resolve it now
	o := r.Of(int(obj))
	if o < 0 || !slices.Contains(cands, o) {
		return cands
	}
	return slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return c == o })
}

// roleEntity resolves a title without a name ("the Prime Minister", "NATO
// Secretary General") to the person last named with a fitting title;
// failing that, the role itself is the entity, named by its title.
func (r *resolver) roleEntity(np int) int {
	a := r.A
	n := &a.NPs[np]
	if r.predicativeRole(np) {
		r.Why[np] = Decision{Pick: -1, Reason: "a role after \"as\" says what someone is or becomes, no one of its own"}
		return -1
	}
	var cands []int
	for k := len(r.recent) - 1; k >= 0 && len(cands) < 4; k-- {
		if e := r.recent[k]; r.titleFits(n.TitleCore, n.Affiliation, e) {
			cands = append(cands, e) // a person, or a role named before ("the President" after "the United States President")
		}
	}
	cands = r.notTheObject(np, cands)
	if len(cands) > 0 {
		e, reason := cands[0], "the person last named whose title fits"
		var same []int // holders of exactly the role's title
		for _, c := range cands {
			if r.Ents[c].TitleCore == n.TitleCore {
				same = append(same, c)
			}
		}
		if len(same) > 1 && n.Affiliation == "" {
			// "The President" with no country, after "Ramaphosa spoke
			// with US President Donald Trump": the one the story is
			// about, the latest subject among them ("the minister"
			// after a prime and a defence minister is the one last
			// named).
			if s := r.latestSubjectAmong(same); s >= 0 {
				e, reason = s, "the latest subject whose title fits (the role names no country)"
			}
		}
		r.Why[np] = Decision{Candidates: cands, Pick: e, Reason: reason}
		addAlias(&r.Ents[e], a.NameText(n.First, n.Last))
		return e
	}
	// An earlier mention of the same role.
	name := a.Name(n)
	k := key{Source, n.TitleCore + "\x00" + n.Affiliation}
	if e, ok := r.byName[k]; ok {
		addAlias(&r.Ents[e], a.NameText(n.First, n.Last))
		return e
	}
	if e := r.headlinePerson(n); e >= 0 {
		en := &r.Ents[e]
		en.Title, en.TitleCore = n.Title, n.TitleCore
		if en.Affiliation == "" {
			en.Affiliation = n.Affiliation
		}
		addAlias(en, a.NameText(n.First, n.Last))
		r.Why[np] = Decision{Candidates: []int{e}, Pick: e, Reason: "the one person the headline names without a title"}
		return e
	}
	e := r.newEntity(Source, name)
	r.byName[k] = e
	en := &r.Ents[e]
	en.Title, en.TitleCore, en.Affiliation, en.Gender = n.Title, n.TitleCore, n.Affiliation, n.Gender
	r.addKey(lastWord(en.TitleCore), e)
	addAlias(en, a.NameText(n.First, n.Last))
	r.Why[np] = Decision{Pick: e, Reason: "no one named with this title before: the role itself"}
	return e
}

// latestSubjectAmong returns the candidate most recently a subject, or -1.
func (r *resolver) latestSubjectAmong(cands []int) int {
	for k := len(r.recentSubjects) - 1; k >= 0; k-- {
		if slices.Contains(cands, r.recentSubjects[k]) {
			return r.recentSubjects[k]
		}
	}
	return -1
}

// headlinePerson: a headline names people bare ("PM phone call with
// Barack Obama") and the body by their office ("spoke with the United
// States President"). A role named before no fitting title is the one
// person the headline names without a title, when there is exactly one
// and nobody else holds the role's title; else -1.
func (r *resolver) headlinePerson(n *clause.NP) int {
	a := r.A
	t := a.Doc.Title
	if t == nil || n.First < len(a.Doc.Tokens) && a.Doc.Tokens[n.First].Start < t.End {
		return -1
	}
	found := -1
	for e := range r.Ents {
		en := &r.Ents[e]
		if len(en.Mentions) > 0 && a.Doc.Tokens[a.NPs[en.Mentions[0]].First].Start >= t.End {
			break // entities come in the order of their first mention: the headline's are first
		}
		if en.Kind != Person || len(en.Mentions) == 0 {
			continue
		}
		if en.TitleCore != "" {
			if en.TitleCore == n.TitleCore {
				return -1
			}
			continue
		}
		first := a.NPs[en.Mentions[0]].First
		if a.Doc.Tokens[first].Start >= t.End || en.Affiliation != "" && n.Affiliation != "" && en.Affiliation != n.Affiliation {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = e
	}
	return found
}

// commonEntity resolves a common noun phrase whose head names a source:
// "the ministry" to the ministry named before, "South Korean officials"
// and "the spokesman" to sources named as written; after "according to"
// any noun names a source ("court records", "a court filing"), but a bare
// singular noun is an idiom ("according to plan"); a group of people that
// is the subject of a speech verb is a source ("many speakers at the
// service said", "67 percent of voters say"). Other common noun phrases
// ("the talks") are no entity.
func (r *resolver) commonEntity(np int) int {
	a := r.A
	n := &a.NPs[np]
	if e := r.possessorsCountry(n); e >= 0 {
		r.Why[np] = Decision{Pick: e, Reason: "the country its possessor speaks for"}
		return e
	}
	if e := r.pairsPeople(n); e >= 0 {
		r.Why[np] = Decision{Pick: e, Reason: "the people of a pair stand for the pair"}
		return e
	}
	if !r.namesSource(np) {
		return -1
	}
	head := a.Low[n.Head]
	if a.In(lexicon.DocumentNouns, n.Head) {
		if e := r.issuer(np); e >= 0 {
			addAlias(&r.Ents[e], a.NameText(n.First, n.Last))
			r.Why[np] = Decision{Pick: e, Reason: "a document speaks for whoever issued it"}
			return e
		}
	}
	name := r.sourceName(n)
	// "the ministry" after "the Ministry of Foreign Affairs"; "the
	// president" after "President X" was handled as a role.
	if e := r.orgByNoun(head); e >= 0 && n.Possessor < 0 {
		addAlias(&r.Ents[e], a.NameText(n.First, n.Last))
		r.Why[np] = Decision{Pick: e, Reason: "the organisation named before that the noun refers to (organisations: nouns)"}
		return e
	}
	if e := r.sameHeadBefore(n, head, name); e >= 0 && n.Possessor < 0 {
		en := &r.Ents[e]
		addAlias(en, a.NameText(n.First, n.Last))
		if en.Kind == Source && (en.Affiliation == "" && n.Affiliation != "" || !clause.IsCap(en.Name) && clause.IsCap(name)) {
			// "a government delegation" … "the Korean delegation": the
			// name that says whose it is.
			en.Affiliation, en.Name = firstOf(en.Affiliation, n.Affiliation), name
		}
		return e
	}
	if e := r.officeHolder(np); e >= 0 {
		return e
	}
	if e := r.describedPerson(np); e >= 0 {
		addAlias(&r.Ents[e], a.NameText(n.First, n.Last))
		r.Why[np] = Decision{Pick: e, Reason: "the person last named whose title or affiliation has every word before the noun"}
		return e
	}
	k := key{Source, name}
	if e, ok := r.byName[k]; ok && n.Possessor < 0 {
		return e
	}
	e := r.newEntity(Source, name)
	r.byName[k] = e
	en := &r.Ents[e]
	en.Head, en.Affiliation, en.Plural = head, n.Affiliation, n.Plural
	if titles, aff := r.officeOf(n); len(titles) > 0 {
		// "Australia's top diplomat" before its holder is named: the
		// role, which mergeRoles gives to the one holder named later.
		en.TitleCore, en.Affiliation = titles[0], aff
	}
	if a.In(lexicon.DocumentNouns, n.Head) && !a.In(lexicon.SourceNouns, n.Head) {
		en.Kind = Document
	}
	r.addKey(head, e)
	addAlias(en, a.NameText(n.First, n.Last))
	return e
}

// sameHeadBefore is the organisation or source named before whose head
// noun is head, that common noun phrase n (its source name: name) means
// again, or -1. "a CBS poll" after "an ABC poll" is another poll: an
// indefinite noun phrase, or another name before the noun, is no mention
// of the one before.
func (r *resolver) sameHeadBefore(n *clause.NP, head, name string) int {
	a := r.A
	indefinite := a.Low[n.First] == "a" || a.Low[n.First] == "an"
	return r.latest([]string{head}, func(i int) bool {
		en := &r.Ents[i]
		return en.Kind == Org && lastWord(en.Name) == head ||
			en.Kind == Source && en.Head == head && (en.Affiliation == n.Affiliation || en.Affiliation == "" || n.Affiliation == "") &&
				!indefinite && !(clause.IsCap(en.Name) && clause.IsCap(name) && en.Name != name)
	})
}

// officeOf: a singular noun phrase that describes an office (lexicon:
// role_descriptions), "Australia's top diplomat", "the chief diplomat",
// gives the titles that hold it and the country it is of (its possessor,
// a place, or its own affiliation); nil when it describes none.
func (r *resolver) officeOf(n *clause.NP) ([]string, string) {
	a := r.A
	if n.Plural || n.Head < 0 {
		return nil, ""
	}
	k := n.First
	if a.Is(k, clause.Determiner) {
		k++
	}
	titles := a.Lex.Values(lexicon.RoleDescriptions, a.Low[k:n.Head+1])
	if len(titles) == 0 {
		return nil, ""
	}
	aff := n.Affiliation
	if p := n.Possessor; p >= 0 {
		if pn := &a.NPs[p]; pn.Kind == clause.KindPlace || pn.Kind == clause.KindOrg {
			aff = firstOf(aff, pn.Value)
		}
	}
	return titles, aff
}

// officeHolder: a noun phrase that describes an office ("Australia's top
// diplomat") is the person last named who holds it, by a title of its
// words and of its country ("Minister for Foreign Affairs Penny Wong");
// -1 when none is.
func (r *resolver) officeHolder(np int) int {
	n := &r.A.NPs[np]
	titles, aff := r.officeOf(n)
	if len(titles) == 0 {
		return -1
	}
	for k := len(r.recent) - 1; k >= 0; k-- {
		e := r.recent[k]
		if r.Ents[e].Kind != Person || aff != "" && r.Ents[e].Affiliation != aff {
			continue
		}
		for _, t := range titles {
			if r.titleFits(t, aff, e) {
				addAlias(&r.Ents[e], r.A.NameText(n.First, n.Last))
				r.Why[np] = Decision{Pick: e, Reason: "the person last named who holds the office it describes (lexicon: role_descriptions)"}
				return e
			}
		}
	}
	return -1
}

// describedPerson: "the Iranian Foreign Ministry official", after
// "Iranian Foreign Ministry Spokesman Bahram Qasemi", is Qasemi: a
// definite singular noun phrase with a source noun for its head and two
// words or more before it, all of them in the title or the affiliation of
// a person named before (the latest such), is that person. One word
// ("the Chinese official") says too little. Returns -1 when none fits.
func (r *resolver) describedPerson(np int) int {
	a := r.A
	n := &a.NPs[np]
	if n.Plural || !a.Is(n.First, clause.Definite) || n.Possessor >= 0 || !a.In(lexicon.SourceNouns, n.Head) {
		return -1
	}
	var mods []string
	for k := n.First + 1; k < n.Head; k++ {
		if !a.Punct(k, "-") {
			mods = append(mods, NameWords(a.Words[k])...)
		}
	}
	if len(mods) < 2 {
		return -1
	}
	for k := len(r.recent) - 1; k >= 0; k-- {
		en := &r.Ents[r.recent[k]]
		if en.Kind != Person {
			continue
		}
		if subsetOf(mods, append(NameWords(en.Title), NameWords(en.Affiliation)...)) {
			return r.recent[k]
		}
	}
	return -1
}

// namesSource: common noun phrase np names a source (see commonEntity).
func (r *resolver) namesSource(np int) bool {
	a := r.A
	n := &a.NPs[np]
	switch {
	case a.In(lexicon.SourceNouns, n.Head) || a.In(lexicon.DocumentNouns, n.Head):
		return true
	case n.Plural && a.Cap(n.Head) && a.Lex.Plural(lexicon.TitleHeads, a.Low[n.Head]):
		return true // "the Foreign Secretaries", "deputies": people by their office
	case a.AfterAttribution(n):
		// not "according to the rules", "according to plan": in line with a norm
		// a bare mass noun is a source too: "according to polling by …"
		return (n.Plural || n.Last > n.First || !a.Is(n.First, clause.Determiner)) && !a.In(lexicon.AccordanceNouns, n.Head)
	case r.speechSubjectNP[np]:
		// not any noun: "the memorandum said" is its issuer's
		return a.IsGroupOfPeople(n) || r.sayerNP[np] && singularSayer(a, n)
	}
	return false
}

// singularSayer: n, the subject of a say-like verb, is a singular common
// noun phrase that someone can be: a determiner or a possessor before a
// noun that is no exchange, document or time ("the organizer of the
// rally said …", "his wife said …").
func singularSayer(a *clause.Analysis, n *clause.NP) bool {
	if n.Kind != clause.KindCommon || n.Plural || a.Tag(n.Head) != "NN" && !clause.IsAgeWord(a.Low[n.Head]) || a.Cap(n.Head) {
		return false // "the 46-year-old said" is a person too
	}
	if !a.Is(n.First, clause.Determiner) && n.Possessor < 0 {
		return false
	}
	return !a.In(lexicon.ExchangeNouns, n.Head) && !a.In(lexicon.DocumentNouns, n.Head) && !a.In(lexicon.RelativeTime, n.Head)
}

// sourceName is how a source is named: its words without the
// determiner, and with whose it is when it has a possessor ("Kenji
// Mori's office", "the ministry's spokesman").
func (r *resolver) sourceName(n *clause.NP) string {
	a := r.A
	first := n.First
	if (a.Is(first, clause.Determiner) || a.Tag(first) == "PRP$") && n.Head != first {
		first++ // not "those" of "those surveyed": the quantifier is the head
	}
	if n.Possessor >= 0 && a.NPs[n.Possessor].Last >= first {
		first = n.Head
	}
	last := n.Last
	if (a.Tag(n.First) == "CD" || a.In(lexicon.ShareNouns, n.Head)) && a.IsGroupOfPeople(n) && a.Is(last+1, clause.Genitive) {
		if of := a.NPStarting(last + 2); of >= 0 {
			last = a.NPs[of].Last // a share of a group: "67 percent of voters"
		}
	}
	name := a.NameText(first, last)
	if n.Possessor < 0 {
		return name
	}
	pe := r.Of(int(n.Possessor))
	if pe < 0 || r.Ents[pe].Kind == Document {
		return name
	}
	mark := "'s"
	if k := a.NPs[n.Possessor].Last + 1; a.Is(k, clause.Possessive) {
		mark = a.Words[k] // as written: 's, ’s or ’
	}
	return r.Name(pe) + mark + " " + name
}

// orgByNoun: the latest organisation named whose gazetteer entry lists
// head among the nouns that refer back to it ("the alliance" after NATO,
// "the bloc" after the European Union); -1 when none.
func (r *resolver) orgByNoun(head string) int {
	for k := len(r.orgsNamed) - 1; k >= 0; k-- {
		e := r.orgsNamed[k]
		if info := r.A.Lex.Org[r.Ents[e].Name]; info != nil && slices.Contains(info.Nouns, head) {
			return e
		}
	}
	// "NATO Secretary General Mark Rutte … the alliance": the
	// organisation a person named lately speaks for.
	for k := len(r.recent) - 1; k >= 0; k-- {
		aff := r.Ents[r.recent[k]].Affiliation
		if info := r.A.Lex.Org[aff]; info != nil && slices.Contains(info.Nouns, head) {
			return r.Gazetteer(Org, aff, aff)
		}
	}
	return -1
}

// possessorsCountry: "his country", "her government" (lexicon:
// country_nouns, singular) stand for the country or organisation their
// possessor, a person, speaks for; -1 when it is not such a phrase or the
// person's affiliation is unknown.
func (r *resolver) possessorsCountry(n *clause.NP) int {
	a := r.A
	if n.Possessor < 0 || n.Plural || n.Head < 0 || !a.In(lexicon.CountryNouns, n.Head) {
		return -1
	}
	pe := r.Of(int(n.Possessor))
	if pe < 0 || r.Ents[pe].Kind != Person || r.Ents[pe].Affiliation == "" {
		return -1
	}
	aff := r.Ents[pe].Affiliation
	if _, ok := a.Lex.Country[aff]; ok {
		return r.Gazetteer(Place, aff, aff)
	}
	if _, ok := a.Lex.Org[aff]; ok {
		return r.Gazetteer(Org, aff, aff)
	}
	return -1
}

// pairsPeople: "the two countries' senior officials", "both sides'
// delegations" (a plural source noun possessed by a pair) act for the
// pair: its entity, or -1.
func (r *resolver) pairsPeople(n *clause.NP) int {
	a := r.A
	if n.Possessor < 0 || !n.Plural || n.Head < 0 || !a.In(lexicon.SourceNouns, n.Head) || a.NPs[n.Possessor].Kind != clause.KindPair {
		return -1
	}
	r.resolve(int(n.Possessor))
	if e := r.Of(int(n.Possessor)); e >= 0 && r.Ents[e].Kind == Pair {
		return e
	}
	return -1
}

// issuer is who issued a document ("the statement", "a White House
// readout", "the ministry's statement"): the body or country its words
// name, its possessor, or the institution named last; -1 when none.
func (r *resolver) issuer(np int) int {
	a := r.A
	n := &a.NPs[np]
	if n.Possessor >= 0 {
		if e := r.Of(int(n.Possessor)); e >= 0 {
			return e
		}
	}
	if e := r.namedIssuer(n); e >= 0 {
		return e
	}
	if n.Affiliation != "" {
		if _, ok := a.Lex.Org[n.Affiliation]; ok {
			return r.Gazetteer(Org, n.Affiliation, n.Affiliation)
		}
		if _, ok := a.Lex.Country[n.Affiliation]; ok {
			return r.Gazetteer(Place, n.Affiliation, n.Affiliation)
		}
	}
	if r.lastIssuer > 0 {
		return r.lastIssuer - 1
	}
	return -1
}

// namedIssuer is the issuer a phrase after document NP n names: "a
// letter from the defence ministry", "a statement issued by the IMF", "a
// communiqué by the presidency"; -1 when none does.
func (r *resolver) namedIssuer(n *clause.NP) int {
	a := r.A
	k := n.Last + 1
	switch {
	case a.Is(k, clause.Source) || a.Is(k, clause.Agent):
		k++
	case a.Tag(k) == "VBN" && a.Is(k+1, clause.Agent):
		k += 2
	default:
		return r.outletOwner(k)
	}
	is := a.NPStarting(k)
	if is < 0 {
		return -1
	}
	if p := a.NPs[is].PossessorOf; p > int32(is) {
		is = int(p) // "a letter from the prime minister's office": the office
	}
	r.resolve(is) // it comes later in the text: resolve it now
	e := r.Of(is)
	if e < 0 || r.Ents[e].Kind == Document {
		return -1
	}
	return e
}

// pronounEntity picks what a pronoun means: he and she the most recent
// person of that gender (subjects first), they the two people last named
// (or a plural source), it the latest institution.
func (r *resolver) pronounEntity(np int) int {
	a := r.A
	n := &a.NPs[np]
	if a.InQuote(n.First) && (n.Value == lexicon.I || n.Value == lexicon.We || n.Value == lexicon.You) {
		return -1 // the speaker's own: grammar rules resolve it by the quote
	}
	switch n.Value {
	case lexicon.They:
		return r.theyEntity(np)
	case lexicon.It:
		if !r.subjectNP[np] && a.Tag(n.First) != "PRP$" {
			return -1 // "US officials welcomed it": an object "it" is most often a thing
		}
		if r.lastIt > 0 {
			r.Why[np] = Decision{Pick: r.lastIt - 1, Reason: "the latest organisation, singular source or subject country"}
			return r.lastIt - 1
		}
		return -1
	case lexicon.He, lexicon.She:
		return r.personPronoun(np)
	}
	return -1
}

// personPronoun: "he", "she", "his", "her".
func (r *resolver) personPronoun(np int) int {
	a := r.A
	n := &a.NPs[np]
	sent := a.Doc.Tokens[n.First].Sentence
	own := r.ownSubject(np)
	fits := func(e int) bool {
		g := r.Ents[e].Gender
		return (g == 0 || g == n.Gender) && e != own && r.Plausible(e)
	}
	var cands []int
	if q := a.Doc.Tokens[n.First].Quote; q >= 0 && q == r.quotation {
		for k := len(r.quoted) - 1; k >= 0 && len(cands) < 2; k-- {
			if e := r.quoted[k]; fits(e) {
				cands = append(cands, e)
			}
		}
		if len(cands) > 0 {
			r.Why[np] = Decision{Candidates: cands, Pick: cands[0], Reason: "the person last named in the same quotation"}
			addAlias(&r.Ents[cands[0]], a.NameText(n.First, n.Last))
			return cands[0]
		}
	}
	if e := r.reflexiveConjunct(n, fits); e >= 0 {
		if r.Ents[e].Gender == 0 {
			r.Ents[e].Gender = n.Gender
		}
		r.Why[np] = Decision{Candidates: []int{e}, Pick: e, Reason: "a reflexive coordinated with another is the subject of the verb that reports its clause"}
		addAlias(&r.Ents[e], a.NameText(n.First, n.Last))
		return e
	}
	if e := r.coordinatedPossessor(n, fits); e >= 0 {
		r.Why[np] = Decision{Candidates: []int{e}, Pick: e, Reason: "the possessor of the phrase it is coordinated with (\"X's visit and his talks\")"}
		addAlias(&r.Ents[e], a.NameText(n.First, n.Last))
		return e
	}
	cands, reason := r.pronounCandidates(sent, fits)
	cands, reason = r.preferKnownGender(cands, reason, sent, n.Gender)
	cands, reason = r.preferSingleSubject(cands, reason, sent, fits)
	if len(cands) > 0 {
		pick := cands[0]
		// Learn the gender only from a subject pronoun or the source of
		// "according to her": "his" in "X congratulated Y on his
		// appointment" may well mean Y.
		// (after "according to", "her" is the object the tagger may read
		// as a possessive).
		if r.Ents[pick].Gender == 0 && (a.Tag(n.First) == "PRP" && r.subjectNP[np] || n.First == n.Last && a.AfterAttribution(n)) {
			r.Ents[pick].Gender = n.Gender
		}
		addAlias(&r.Ents[pick], a.NameText(n.First, n.Last))
		r.Why[np] = Decision{Candidates: cands, Pick: pick, Reason: reason}
		return pick
	}
	r.Why[np] = Decision{Pick: -1, Reason: "no person of that gender named before"}
	return -1
}

// reflexiveConjunct: "X mentioned that Y and herself had …": a reflexive
// pronoun coordinated with another noun phrase is never that one; it is
// the subject of the verb before it in its sentence (the one that reports
// its clause); else -1.
func (r *resolver) reflexiveConjunct(n *clause.NP, fits func(int) bool) int {
	a := r.A
	if n.ConjOf < 0 || n.First != n.Last || !strings.HasSuffix(a.Low[n.First], "self") {
		return -1
	}
	s := a.Sentence(n.First)
	lo, hi := a.VGsIn(s.First, n.First)
	for v := hi - 1; v >= lo; v-- {
		subj := int(a.VGs[v].Subject)
		if subj < 0 || a.NPs[subj].First >= a.NPs[n.ConjOf].First {
			continue
		}
		if e := r.Of(subj); e >= 0 && r.Ents[e].Kind == Person && fits(e) {
			return e
		}
		return -1
	}
	return -1
}

// coordinatedPossessor: "during Zarif's visit to Ankara and his talks
// with Erdogan": a possessive pronoun right after "and" means the person
// whose possessive ('s) opens the phrase it is coordinated with, a few
// tokens before; else -1.
func (r *resolver) coordinatedPossessor(n *clause.NP, fits func(int) bool) int {
	a := r.A
	if a.Tag(n.First) != "PRP$" || n.First < 3 || !a.Is(n.First-1, clause.Coordinator) {
		return -1
	}
	s := a.Sentence(n.First)
	for k := n.First - 2; k >= s.First && k > n.First-10; k-- {
		if a.Punct(k, ",") || a.Is(k, clause.Coordinator) {
			return -1
		}
		if !a.Is(k, clause.Possessive) {
			continue
		}
		if p := a.NPEnding(k - 1); p >= 0 && r.ofNP[p] >= 0 {
			if e := int(r.ofNP[p]); r.Ents[e].Kind == Person && fits(e) {
				return e
			}
		}
		return -1
	}
	return -1
}

// theyEntity: the plural subject of the verb of saying that reports the
// pronoun's clause ("Most voters say they think …"), else the two people
// last named, or the latest plural source.
func (r *resolver) theyEntity(np int) int {
	if e := r.reportingSubject(np); e >= 0 {
		r.Why[np] = Decision{Candidates: []int{e}, Pick: e, Reason: "the plural subject of the verb of saying that reports its clause"}
		return e
	}
	if e := r.pairEntity(np); e >= 0 {
		return e
	}
	if r.lastInstitution > 0 && r.Ents[r.lastInstitution-1].Plural {
		return r.lastInstitution - 1
	}
	return -1
}

// reportingSubject: "they" opening the content clause of a verb of saying
// or thinking ("Nine in 10 voters say they think …", "Officials said
// that they would …") is that verb's subject when it is plural: its
// entity, or -1.
func (r *resolver) reportingSubject(np int) int {
	a := r.A
	n := &a.NPs[np]
	if !r.subjectNP[np] || a.InQuote(n.First) {
		return -1
	}
	k := n.First - 1
	if k >= 0 && a.Is(k, clause.Complementizer) {
		k--
	}
	if k < 0 || a.VGAt[k] < 0 {
		return -1
	}
	vg := &a.VGs[a.VGAt[k]]
	if vg.Last != k || !a.In(lexicon.SayVerbs, vg.Head) || vg.Subject < 0 || a.Sentence(vg.First) != a.Sentence(n.First) {
		return -1
	}
	subj := &a.NPs[vg.Subject]
	if !subj.Plural || subj.Kind == clause.KindPronoun {
		return -1
	}
	return r.Of(int(vg.Subject))
}

// Plausible reports whether a pronoun or "the two leaders" can mean entity
// e: a named person with a title, a full name, a known gender or a verb
// of their own, or a role. A lone capitalised word is not enough.
func (s *Set) Plausible(e int) bool {
	en := &s.Ents[e]
	switch en.Kind {
	case Person:
		// "statements from Trump": a family name the gazetteer knows.
		return en.Title != "" || len(en.words) >= 2 || en.Gender != 0 || en.Subject ||
			len(en.words) == 1 && (gazetteer.FamilyName(en.Name) || s.subjectNames[en.words[0]])
	case Source:
		return en.Title != "" || !en.Plural && en.Head != "" && isTitleHead(s.A.Lex, en.Head)
	}
	return false
}

// sidesEntity: "the French and U.S. leaders" are the people last named
// who speak for those two countries, else the two countries.
func (r *resolver) sidesEntity(np int) int {
	n := &r.A.NPs[np]
	var two [2]int
	for i, side := range n.Sides {
		two[i] = -1
		for k := len(r.recent) - 1; k >= 0; k-- {
			if e := r.recent[k]; r.Ents[e].Kind == Person && r.Ents[e].Affiliation == side {
				two[i] = e
				break
			}
		}
	}
	reason := "the people last named who speak for its two countries"
	if two[0] < 0 || two[1] < 0 || two[0] == two[1] {
		two[0], two[1] = r.Gazetteer(Place, n.Sides[0], n.Sides[0]), r.Gazetteer(Place, n.Sides[1], n.Sides[1])
		reason = "its two countries"
	}
	e := r.PairOf(two[0], two[1])
	r.Why[np] = Decision{Candidates: two[:], Pick: e, Reason: reason}
	return e
}

// predicativeRole: the role at np follows "as" (perhaps "as acting",
// "as interim") and is no subject: it says what someone named elsewhere
// is or becomes ("his appointment as acting Chancellor", "served as
// foreign minister"), not a person of its own.
func (r *resolver) predicativeRole(np int) bool {
	a := r.A
	k := a.NPs[np].First - 1
	if k >= 0 {
		switch a.Low[k] {
		case "acting", "interim", "caretaker", "new":
			k--
		}
	}
	return k >= 0 && a.Low[k] == "as" && !r.subjectNP[np]
}

// isTitleHead: word (lower case) is a head of a title of office
// ("spokesman", "official"): a source named by it is one person.
func isTitleHead(lex *lexicon.Lexicon, word string) bool {
	_, ok := lex.Has(lexicon.TitleHeads, word)
	return ok
}

// pronounCandidates lists, best first, the people "he" or "she" in
// sentence sent may mean (fits says which may), and why: a subject of
// this sentence or the one before; else a person named in them, the
// latest first ("… statements from Trump. He claimed …"); else an older
// subject; else the latest people named.
func (r *resolver) pronounCandidates(sent int, fits func(int) bool) ([]int, string) {
	var cands []int
	reason := "the subject of this sentence or the one before"
	for k := len(r.recentSubjects) - 1; k >= 0 && k >= len(r.recentSubjects)-4; k-- {
		if e := r.recentSubjects[k]; fits(e) && sent-r.lastSubjectSentence[e] <= 1 {
			cands = append(cands, e)
		}
	}
	if len(cands) == 0 {
		reason = "the person last named in this sentence or the one before"
		for k := len(r.recent) - 1; k >= 0 && len(cands) < 3; k-- {
			if e := r.recent[k]; fits(e) && sent-r.lastSentence[e] <= 1 {
				cands = append(cands, e)
			}
		}
	}
	if len(cands) == 0 {
		reason = "the latest subject it can mean"
		for k := len(r.recentSubjects) - 1; k >= 0 && k >= len(r.recentSubjects)-4; k-- {
			if e := r.recentSubjects[k]; fits(e) && sent-r.lastSentence[e] <= 6 {
				cands = append(cands, e)
			}
		}
	}
	if len(cands) == 0 {
		reason = "the latest person it can mean"
		for k := len(r.recent) - 1; k >= 0 && len(cands) < 3; k-- {
			if e := r.recent[k]; fits(e) {
				cands = append(cands, e)
			}
		}
	}
	return cands, reason
}

// preferSingleSubject puts first, before a candidate last named as one of
// coordinated subjects, the person named after it in this sentence or the
// one before, who was not: a singular "he" or "she" after "Ivana Petrović
// and Yuki Tanabe met Kenta Fujimoto" is Kenta Fujimoto, since a writer
// names one of a pair rather than calling them "he".
func (r *resolver) preferSingleSubject(cands []int, reason string, sent int, fits func(int) bool) ([]int, string) {
	if len(cands) == 0 || !r.lastConjunct[cands[0]] || r.lastSentence[cands[0]] == sent {
		return cands, reason
	}
	if e := r.namedAfter(cands[0], sent, func(e int) bool { return !r.lastConjunct[e] && fits(e) }); e >= 0 {
		return putFirst(cands, e), "the person last named, not one of coordinated subjects"
	}
	return cands, reason
}

// namedAfter is the person or role last named after entity first (in
// r.recent), in sentence sent or the one before, that ok accepts; or -1.
func (r *resolver) namedAfter(first, sent int, ok func(int) bool) int {
	for k := len(r.recent) - 1; k >= 0 && r.recent[k] != first; k-- {
		if e := r.recent[k]; sent-r.lastSentence[e] <= 1 && ok(e) {
			return e
		}
	}
	return -1
}

// putFirst returns the candidates with e first and not again after.
func putFirst(cands []int, e int) []int {
	out := []int{e}
	for _, c := range cands {
		if c != e {
			out = append(out, c)
		}
	}
	return out
}

// ownSubject is the entity of the subject of the verb group whose object
// the pronoun at np is, or -1: an object pronoun never means its own
// clause's subject, which would be "herself" ("Elif Yıldız's counterpart
// Ngozi Eze called her": her is not Ngozi Eze).
func (r *resolver) ownSubject(np int) int {
	a := r.A
	n := &a.NPs[np]
	if n.First != n.Last || r.subjectNP[np] {
		return -1 // "her counterpart": a possessive
	}
	s := a.Sentence(n.First)
	lo, hi := a.VGsIn(s.First, n.First)
	for v := hi - 1; v >= lo; v-- {
		vg := &a.VGs[v]
		if int(vg.Object) != np {
			continue
		}
		subj := int(vg.Subject)
		if subj < 0 && vg.Coord >= 0 {
			subj = int(a.VGs[vg.Coord].Subject)
		}
		if subj >= 0 && a.NPs[subj].First < n.First {
			return r.Of(subj)
		}
		return -1
	}
	return -1
}

// preferKnownGender puts first, before a candidate whose gender fits the
// pronoun less well, the person last named after it in this sentence or
// the one before whose gender fits better (genderFit): most officials in
// the news are men, so a person of unknown gender is a weak candidate for
// "she" and a strong one for "he" ("Budrys invited Sikorski. He said …" is
// Budrys's, though only Sikorski's given name is known); a name given to
// both sexes but mostly to women ("Amara") is a weak one for "he". In
// "Rafael Quintero and S. K. Rao met Tahmina Rahimova. She said …", "she"
// is Tahmina Rahimova, though S. K. Rao was the subject. Only a person
// named after the candidate goes before it ("Zelenskyy's refusal … drew
// statements from Trump. He claimed …" is Trump's), and a subject of the
// pronoun's own sentence keeps its place ("Nguyen Thi Lan said she would
// …").
func (r *resolver) preferKnownGender(cands []int, reason string, sent int, g byte) ([]int, string) {
	if len(cands) == 0 {
		return cands, reason
	}
	fit := r.genderFit(cands[0], g)
	if fit == bestFit {
		return cands, reason
	}
	if s, ok := r.lastSubjectSentence[cands[0]]; ok && s == sent {
		return cands, reason // "Nguyen Thi Lan said she would …": the subject of its own sentence
	}
	if e := r.namedAfter(cands[0], sent, func(e int) bool { return r.genderFit(e, g) > fit && r.Plausible(e) }); e >= 0 {
		return putFirst(cands, e), "the person last named in this sentence or the one before whose gender fits better"
	}
	// "The Commission President congratulated Lee on his appointment as
	// acting Chancellor, as she announced": the subject of the pronoun's
	// own sentence, whose gender fits, before a role named after it
	for k := len(r.recent) - 1; k >= 0; k-- {
		e := r.recent[k]
		if s, ok := r.lastSubjectSentence[e]; ok && s == sent && r.genderFit(e, g) > fit && r.Plausible(e) {
			return putFirst(cands, e), "the subject of this sentence, whose gender fits better"
		}
	}
	return cands, reason
}

// bestFit is genderFit's highest value.
const bestFit = 3

// genderFit is how well entity e fits a pronoun of gender g ('m', 'f'):
// known to be of that gender 3; for "she", a name mostly given to women 2
// and an unknown gender 1; for "he", unknown as good as known (most
// officials in the news are men); a name mostly given to the other sex 0.
func (r *resolver) genderFit(e int, g byte) int {
	en := &r.Ents[e]
	switch {
	case en.Gender == g:
		return bestFit
	case en.Lean != 0 && en.Lean != g:
		return 0
	case g == 'm':
		return bestFit
	case en.Lean == g:
		return 2
	}
	return 1
}

// outletOwner: token k opens "on the ministry's website" (or "posted
// on …"), a place a body posts its documents on: the body, or -1.
func (r *resolver) outletOwner(k int) int {
	a := r.A
	if a.Tag(k) == "VBN" {
		k++ // "posted on"
	}
	if k >= len(a.Words) || a.Tag(k) != "IN" {
		return -1
	}
	p := a.NPStarting(k + 1) // the owner, whose possessive opens the phrase
	if p < 0 || a.NPs[p].PossessorOf < 0 {
		return -1
	}
	if outlet := &a.NPs[a.NPs[p].PossessorOf]; outlet.Head < 0 || !a.In(lexicon.OutletNouns, outlet.Head) {
		return -1
	}
	r.resolve(p)
	if e := r.Of(p); e >= 0 && r.Ents[e].Kind != Document {
		return e
	}
	return -1
}

// pairEntity is "A and B" for the two people most recently named.
func (r *resolver) pairEntity(np int) int {
	if n := &r.A.NPs[np]; n.Sides[0] != "" {
		return r.sidesEntity(np)
	}
	n := &r.A.NPs[np]
	q := n.First
	if r.A.Is(q, clause.Definite) {
		q++
	}
	if r.A.Is(q, clause.Quantity) && !r.A.Is(q, clause.Dual) && r.A.In(lexicon.SourceNouns, n.Head) &&
		!r.A.Lex.Plural(lexicon.TitleHeads, r.A.Low[n.Head]) {
		// "three intelligence sources", "all officials": not a pair but
		// a source named as written ("the three leaders" are people
		// named before).
		return r.commonEntity(np)
	}
	sent := r.A.Doc.Tokens[n.First].Sentence
	var two []int
	for k := len(r.recent) - 1; k >= 0 && len(two) < 2; k-- {
		e := r.recent[k]
		if r.Plausible(e) && (r.Ents[e].Kind == Person || r.Ents[e].Title != "") && sent-r.lastSentence[e] <= 8 {
			two = append(two, e) // people or offices, not "a spokesperson" who speaks of them
		}
	}
	if len(two) < 2 {
		if r.lastPair > 0 {
			// "the two leaders" again, long after they were named: the
			// pair it meant before.
			r.Why[np] = Decision{Pick: r.lastPair - 1, Reason: "the pair meant before"}
			return r.lastPair - 1
		}
		r.Why[np] = Decision{Pick: -1, Reason: "fewer than two people named in the last 8 sentences"}
		return -1
	}
	if r.A.In(lexicon.NationNouns, n.Head) {
		if e, who := r.countriesOfRecent(sent); e >= 0 {
			r.Why[np] = Decision{Candidates: who, Pick: e, Reason: "the countries of the people last named"}
			return e
		}
	}
	e := r.PairOf(two[1], two[0])
	r.lastPair = e + 1
	r.Why[np] = Decision{Candidates: two, Pick: e, Reason: "the two people last named"}
	return e
}

// countriesOfRecent is the pair of the two countries that the people
// last named (within 8 sentences of sentence sent) speak for, the latest
// first ("the two countries" after their leaders; a spokesman of a
// ministry counts for the ministry's country), and those
// people; -1 when fewer than two countries.
func (r *resolver) countriesOfRecent(sent int) (int, []int) {
	var who []int
	var countries []string
	for k := len(r.recent) - 1; k >= 0 && len(countries) < 2; k-- {
		e := r.recent[k]
		en := &r.Ents[e]
		if en.Kind != Person || sent-r.lastSentence[e] > 8 {
			continue
		}
		if c := r.CountryOf(e); c != "" && !slices.Contains(countries, c) {
			who, countries = append(who, e), append(countries, c)
		}
	}
	if len(countries) < 2 {
		return -1, nil
	}
	return r.PairOf(r.Gazetteer(Place, countries[1], countries[1]), r.Gazetteer(Place, countries[0], countries[0])), who
}

// PairOf returns the pair entity of a and b (in that order of first
// mention), making it if needed. Its name is made when asked (Name), so a
// fuller name found later for either is used.
func (s *Set) PairOf(a, b int) int {
	if a > b {
		a, b = b, a
	}
	if i, ok := s.pairs[[2]int{a, b}]; ok {
		return i
	}
	i := s.newEntity(Pair, "")
	s.Ents[i].Members = []int{a, b}
	s.Ents[i].Plural = true
	s.pairs[[2]int{a, b}] = i
	return i
}

// GroupOf returns the entity that stands for all of members together (two
// or more, in order of first mention): the pair of two, else a group named
// "A, B and C". It is made if needed.
func (s *Set) GroupOf(members []int) int {
	if len(members) == 2 {
		return s.PairOf(members[0], members[1])
	}
	ms := slices.Clone(members)
	slices.Sort(ms)
	key := fmt.Sprint(ms)
	if i, ok := s.groups[key]; ok {
		return i
	}
	if s.groups == nil {
		s.groups = map[string]int{}
	}
	i := s.newEntity(Pair, "")
	s.Ents[i].Members = ms
	s.Ents[i].Plural = true
	s.groups[key] = i
	return i
}

// mergeRoles points a role mentioned before its holder's name ("The
// French president wants …" then "French President Emmanuel Macron") at
// the one person who holds that title for that country, and "her North
// Korean counterpart" at the one North Korean named.
func (s *Set) mergeRoles() {
	for r := range s.Ents {
		role := &s.Ents[r]
		if role.Kind != Source || len(role.Mentions) == 0 {
			continue
		}
		match := s.roleHolder(r)
		if match < 0 {
			continue
		}
		for _, np := range role.Mentions {
			s.ofNP[np] = int32(match)
			s.Ents[match].Mentions = append(s.Ents[match].Mentions, np)
			addAlias(&s.Ents[match], s.A.NameText(s.A.NPs[np].First, s.A.NPs[np].Last))
		}
		s.sortedMentions(match)
		role.Mentions = nil
		role.mergedInto = match + 1
	}
	for _, p := range s.pairs {
		for i, m := range s.Ents[p].Members {
			if to := s.Ents[m].mergedInto; to > 0 {
				s.Ents[p].Members[i] = to - 1
			}
		}
	}
}

// roleHolder is the one person a role or counterpart stands for, or -1
// (none, or more than one).
func (s *Set) roleHolder(r int) int {
	role := &s.Ents[r]
	_, isCounterpart := s.A.Lex.Has(lexicon.CounterpartNouns, role.Head)
	counterpart := role.TitleCore == "" && role.Head != "" && role.Affiliation != "" && isCounterpart
	if role.TitleCore == "" && !counterpart {
		return -1
	}
	match := -1
	for p := range s.Ents {
		pe := &s.Ents[p]
		if pe.Kind != Person || p == r {
			continue
		}
		ok := counterpart && pe.Affiliation == role.Affiliation ||
			!counterpart && s.titleFits(role.TitleCore, role.Affiliation, p) && (role.Affiliation == "" || pe.Affiliation == role.Affiliation)
		if !ok {
			continue
		}
		if match >= 0 {
			return -1 // two holders: ambiguous
		}
		match = p
	}
	return match
}

// SameSide reports whether entity a acts for speaker sp: a is sp, a pair
// with sp in it, or the country or organisation sp speaks for (or the one
// that body belongs to: the European Council's president speaks for the
// European Union).
func (s *Set) SameSide(a, sp int) bool {
	if a == sp {
		return true
	}
	ea, es := &s.Ents[a], &s.Ents[sp]
	for _, m := range ea.Members {
		// "the two leaders agreed …", said one side's spokesperson: a
		// pair with someone of the speaker's side.
		if m == sp || m != a && s.SameSide(m, sp) {
			return true
		}
	}
	for _, m := range es.Members {
		if s.SameSide(a, m) {
			return true
		}
	}
	aff := es.Affiliation
	if aff == "" {
		return false
	}
	if ea.Name == aff || ea.Affiliation == aff || s.display(a) == aff {
		return true
	}
	if o := s.A.Lex.Org[aff]; o != nil && o.PartOf != "" && (ea.Name == o.PartOf || ea.Affiliation == o.PartOf) {
		return true
	}
	if c := s.demonymCountry(aff); c != "" && ea.Kind == Place && ea.Name == c {
		return true // "Iranian Foreign Ministry" speaks for Iran
	}
	return false
}

// CountryOf is the country person (or source) e speaks for: its
// affiliation when that is a country, the country of a body named with
// its demonym first ("Iranian Foreign Ministry"), else "".
func (s *Set) CountryOf(e int) string {
	aff := s.Ents[e].Affiliation
	if _, ok := s.A.Lex.Country[aff]; ok {
		return aff
	}
	return s.demonymCountry(aff)
}

// demonymCountry is the country of a body named with its demonym first
// ("Iranian Foreign Ministry": Iran), or "".
func (s *Set) demonymCountry(aff string) string {
	words := strings.Fields(aff)
	if n, c := s.A.Lex.MatchWords(lexicon.Demonyms, words); n > 0 && n < len(words) {
		return c
	}
	return ""
}

func (s *Set) display(e int) string { return s.Ents[e].display }

// Gazetteer returns the entity of a country or organisation the gazetteer
// names (canonical name; surface: as the text writes it), making it when
// the text has not mentioned it on its own ("US-China talks").
func (s *Set) Gazetteer(kind Kind, canonical, surface string) int {
	k := key{kind, canonical}
	if e, ok := s.byName[k]; ok {
		return e
	}
	e := s.newEntity(kind, canonical)
	s.byName[k] = e
	s.Ents[e].display = surface
	if kind == Place {
		s.Ents[e].display = canonical
	}
	return e
}

// noteOffice: when NP np, resolved to e, is a definite plural title of
// office ("the foreign ministers", "the Defence Secretaries"), it keeps
// the pair that title stands for as parties (Set.OfficePair): the two
// people last named (within 8 sentences) if each holds an office of that
// head or no titled office, and one of them does ("Foreign Minister A met
// his counterpart B … a meeting between the foreign ministers"); else
// the two countries of the people last named, whose office holders are
// unnamed ("the presidents met; the defence ministers will meet").
func (r *resolver) noteOffice(np, e int) {
	a := r.A
	n := &a.NPs[np]
	if e < 0 || r.Ents[e].Kind != Source || n.Kind != clause.KindCommon || !n.Plural || n.Head < 0 ||
		!a.Is(n.First, clause.Definite) || !a.Lex.Plural(lexicon.TitleHeads, a.Low[n.Head]) || n.Possessor >= 0 {
		return
	}
	sent := a.Doc.Tokens[n.First].Sentence
	var two []int
	for k := len(r.recent) - 1; k >= 0 && len(two) < 2; k-- {
		if p := r.recent[k]; r.Ents[p].Kind == Person && sent-r.lastSentence[p] <= 8 {
			two = append(two, p)
		}
	}
	if r.officePairs == nil {
		r.officePairs = map[int]int{}
	}
	if len(two) == 2 && r.holdOffice(two, a.Low[n.Head]) {
		r.officePairs[np] = r.PairOf(two[1], two[0])
		return
	}
	if len(two) == 2 {
		if c, _ := r.countriesOfRecent(sent); c >= 0 {
			r.officePairs[np] = c
		}
	}
}

// holdOffice: of people, one holds a title whose head is the singular of
// plural ("minister" of "ministers"), and none holds a title of another
// head (an untitled counterpart holds the same office).
func (r *resolver) holdOffice(people []int, plural string) bool {
	one := false
	for _, p := range people {
		core := r.Ents[p].TitleCore
		if core == "" {
			continue
		}
		if !pluralOf(lastWord(core), plural) {
			return false
		}
		one = true
	}
	return one
}

// pluralOf: plural is a plural form of word ("ministers", "secretaries",
// "envoys").
func pluralOf(word, plural string) bool {
	if plural == word+"s" || plural == word+"es" {
		return true
	}
	stem, ok := strings.CutSuffix(word, "y")
	return ok && plural == stem+"ies"
}

// pairNamedAfter: a pair noun phrase, np, with a modifier after it and
// then, past a comma, a list of exactly two people named with a title or
// an honorific ("the two women newly elected to the council, Governor
// Ana Soto and the Hon. Rita Lund"): the pair is those two, linked now.
// The modifier holds no comma, no finite verb and no quotation mark; the
// list runs to the end of the sentence, a quotation mark or a finite
// verb. False (nothing linked) when that is not so.
func (r *resolver) pairNamedAfter(np int) bool {
	a := r.A
	n := &a.NPs[np]
	s := a.Sentence(n.First)
	k := n.Last + 1
	for ; k <= s.Last && k <= n.Last+12 && !a.Punct(k, ","); k++ {
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Form == clause.Finite || a.InQuote(k) != a.InQuote(n.First) {
			return false
		}
	}
	if k == n.Last+1 || k > s.Last || !a.Punct(k, ",") {
		return false // right after the pair, a list is its apposition (resolve)
	}
	var named []int
	for j := k + 1; j <= s.Last && a.InQuote(j) == a.InQuote(n.First); j++ {
		if v := a.VGAt[j]; v >= 0 && a.VGs[v].Form == clause.Finite {
			break
		}
		if m := a.NPStarting(j); m >= 0 {
			if x := &a.NPs[m]; isNaming(x) && (x.Title != "" || x.Honorific != "") && x.NameLast >= 0 {
				named = append(named, m)
			}
			j = a.NPs[m].Last
		}
	}
	if len(named) != 2 {
		return false
	}
	x, y := r.entityOf(named[0]), r.entityOf(named[1])
	if x < 0 || y < 0 || x == y || r.Ents[x].Kind != Person || r.Ents[y].Kind != Person {
		return false
	}
	r.link(named[0], x)
	r.link(named[1], y)
	e := r.PairOf(x, y)
	r.Why[np] = Decision{Candidates: []int{x, y}, Pick: e, Reason: "the two people named in the list after it"}
	r.link(np, e)
	return true
}
