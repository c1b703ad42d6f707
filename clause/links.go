package clause

import (
	"strings"
	"unicode"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
)

// linkNPs finds possession, apposition and coordination between the NPs
// of each sentence.
func (a *Analysis) linkNPs() {
	for i := range a.NPs {
		a.linkPossessor(i)
	}
	for i := range a.NPs {
		a.linkApposition(i)
	}
	for i := range a.NPs {
		a.linkConjunct(i)
	}
	for i := range a.NPs {
		a.linkOf(i)
	}
}

// linkOf: "the next round of talks": the NP after "of" is a complement of
// the one before; the head is the first.
func (a *Analysis) linkOf(i int) {
	np := &a.NPs[i]
	if np.Kind != KindCommon && np.Kind != KindPair || !a.Is(np.Last+1, Genitive) {
		return
	}
	if o := a.npStarting(np.Last + 2); o >= 0 && a.sameSentence(np.Last, np.Last+2) && a.NPs[o].Of < 0 {
		a.NPs[o].Of = int32(i)
	}
}

// npStarting returns the NP that starts at token j, or -1.
func (a *Analysis) npStarting(j int) int {
	if j < 0 || j >= len(a.NPAt) || a.NPAt[j] < 0 || a.NPs[a.NPAt[j]].First != j {
		return -1
	}
	return int(a.NPAt[j])
}

// npEnding returns the NP that ends at token j, or -1.
func (a *Analysis) npEnding(j int) int {
	if j < 0 || j >= len(a.NPAt) || a.NPAt[j] < 0 || a.NPs[a.NPAt[j]].Last != j {
		return -1
	}
	return int(a.NPAt[j])
}

// linkPossessor: "Yoon's counterpart", "his British counterpart".
func (a *Analysis) linkPossessor(i int) {
	np := &a.NPs[i]
	next := -1
	switch {
	case np.Kind == KindPronoun && a.Tag(np.Last) == "PRP$":
		next = a.npStarting(np.Last + 1)
	case np.Kind == KindPronoun && np.Value == lexicon.She && a.Tag(np.Last) == "PRP" && !a.Is(np.Last, Nominative):
		// "met her North Korean counterpart": "her" tagged as an object,
		// but a noun phrase follows that is no clause's subject ("told
		// her officials would …" keeps her the object)
		if n := a.npStarting(np.Last + 1); n >= 0 && !a.finiteAt(a.NPs[n].Last+1) {
			next = n
		}
	case a.Is(np.Last+1, Possessive) && a.sameSentence(np.Last, np.Last+1) && !a.contractedBe(np.Last+1):
		next = a.npStarting(np.Last + 2)
		if next < 0 && a.isQuoteMark(np.Last+2) && a.InQuote(np.Last+3) && !a.InQuote(np.Last) {
			next = a.npStarting(np.Last + 3) // "the judge’s “mind is shot”": a quotation opens after the possessive
		}
	}
	if next < 0 || !a.sameSentence(np.Last, a.NPs[next].First) || a.Is(a.NPs[next].First, Determiner) {
		return // "reporters 'the chemistry …'": no possessive before a determiner
	}
	np.PossessorOf = int32(next)
	a.NPs[next].Possessor = int32(i)
}

func (a *Analysis) sameSentence(i, j int) bool {
	n := len(a.Doc.Tokens)
	return i >= 0 && j >= 0 && i < n && j < n && a.Doc.Tokens[i].Sentence == a.Doc.Tokens[j].Sentence
}

// NamedBy is the name in apposition after description NP n ("the two
// ministers, A and B": A, whose conjuncts are the rest), or -1.
func (a *Analysis) NamedBy(n int) int {
	np := &a.NPs[n]
	if np.Appos < 0 || isNaming(np) || a.NPs[np.Appos].First < np.Last || !isNaming(&a.NPs[np.Appos]) {
		return -1
	}
	return int(np.Appos)
}

// pastComma steps back past a comma at k before verb group vg: a list
// of names in apposition to a description ends there ("The three
// ministers, A, B and C, held talks"), whose description is the subject,
// else see skipInserted.
func (a *Analysis) pastComma(vg *VG, k int, s parser.Sentence) (int, bool) {
	if d := a.apposedList(k - 1); d >= 0 {
		a.setSubject(vg, d)
		return 0, true
	}
	if a.Punct(k-1, ")") && a.pastPartyCode(k-1) != k-1 {
		return a.pastPartyCode(k - 1), false // "Sen. Ann Lee (D-R.I.), said": the name before the party code
	}
	next, done := a.skipInserted(k, s)
	if done && a.placeEndsAt(k-1) && a.placeComma(a.NPs[a.npEnding(a.pastStateDot(k-1))].First-1) {
		// "Voters in Dayton, Ohio, said": the comma after a town's state
		// closes the place
		return a.pastStateDot(k - 1), false
	}
	return next, done
}

// pastStateDot is the token before the dot of a state's short form at j
// ("Mich."), else j.
func (a *Analysis) pastStateDot(j int) int {
	if a.Punct(j, ".") && a.In(lexicon.StateAbbreviations, j-1) {
		return j - 1
	}
	return j
}

// apposedList: a list of names ending at token j is in apposition to a
// description before it ("the two leaders, A and B"): the description,
// or -1.
func (a *Analysis) apposedList(j int) int {
	n := a.npEnding(j)
	if n < 0 || a.NPs[n].ConjOf < 0 || !isNaming(&a.NPs[n]) {
		return -1
	}
	for hops := 0; a.NPs[n].ConjOf >= 0 && hops < 8; hops++ {
		n = int(a.NPs[n].ConjOf)
	}
	if d := a.NPs[n].ApposOf; d >= 0 && a.NPs[d].Last < a.NPs[n].First && isNaming(&a.NPs[n]) {
		return int(d)
	}
	return -1
}

// isDescription: an NP that describes a person rather than naming one: a
// role, or a common noun phrase whose head is a source noun ("his Kenyan
// counterpart", "a former minister").
func (a *Analysis) isDescription(np *NP) bool {
	return np.Kind == KindRole || np.Kind == KindPair || np.Kind == KindCommon && a.In(lexicon.SourceNouns, np.Head)
}

func isNaming(np *NP) bool { return np.Kind == KindName || np.Kind == KindTitled }

// linkApposition: "Li, chairman of …," (a name and its description), "his
// Kenyan counterpart, Ruth Wanjiru," and "his counterpart Lula" (a
// description and a name), "the Emir of Kuwait, Sheikh X".
func (a *Analysis) linkApposition(i int) {
	np := &a.NPs[i]
	if np.ApposOf >= 0 || np.Kind == KindThing || np.Kind == KindPronoun {
		return
	}
	j := a.pastParenthesisAfter(np.Last + 1)
	comma := a.Punct(j, ",")
	if comma {
		j++
	}
	o := a.npStarting(j)
	if o < 0 || !a.sameSentence(np.Last, j) {
		return
	}
	other := &a.NPs[o]
	if d := a.describedPlace(i); d >= 0 && comma && isNaming(other) && a.NPs[d].Appos < 0 &&
		(a.closesAppositionAfterName(&a.NPs[d], other) || a.namesGoOn(other.Last+1)) {
		// "her counterpart from Senegal, Arjun Mehta,", "the foreign
		// ministers of Peru and Chile, A and B,": the description, not
		// the place, is what the names name
		i, np = d, &a.NPs[d]
	} else if !a.apposable(np, other, comma) {
		return
	}
	if isNaming(other) {
		i = a.roleOfComplement(i)
		np = &a.NPs[i]
	}
	np.Appos, other.ApposOf = int32(o), int32(i)
	if other.Title == "" && np.Title != "" {
		other.Title, other.TitleCore, other.Affiliation = np.Title, np.TitleCore, firstOf(other.Affiliation, np.Affiliation)
	} else if np.Title == "" && other.Title != "" {
		np.Title, np.TitleCore, np.Affiliation = other.Title, other.TitleCore, firstOf(np.Affiliation, other.Affiliation)
	}
	if np.Gender == 0 {
		np.Gender = other.Gender
	}
	if other.Gender == 0 {
		other.Gender = np.Gender
	}
}

// apposable: NP other, after np (and a comma if comma), is in apposition
// to it: a name and its description, or a description and a name.
func (a *Analysis) apposable(np, other *NP, comma bool) bool {
	switch {
	case isNaming(np) && a.isDescription(other) && comma && a.closesApposition(other.Last+1, other.Last+12) &&
		!(other.Plural && np.Conj < 0 && np.ConjOf < 0):
		// "…hosted by Marco Rubio, officials from both countries said":
		// a plural description does not describe one person.
		return true
	case a.isDescription(np) && isNaming(other) && (comma && (a.closesAppositionAfterName(np, other) || a.namesGoOn(other.Last+1) && !a.namesThenVerb(other.Last+1)) || !comma && np.Kind == KindCommon):
		return true
	}
	return false
}

// describedPlace: NP i is a place after "from" or "of" (and the places
// coordinated before it) that a description of people names their
// country by ("her counterpart from Senegal", "the foreign ministers of
// Peru and Chile"): the description, or -1.
func (a *Analysis) describedPlace(i int) int {
	np := &a.NPs[i]
	for hops := 0; np.Kind == KindPlace && hops < 4; hops++ {
		k := np.First - 1
		if k < 0 || !a.sameSentence(k, np.First) {
			return -1
		}
		if a.Is(k, Source) || a.Is(k, Genitive) {
			if d := a.npEnding(k - 1); d >= 0 && a.NPs[d].Kind != KindPlace && a.isDescription(&a.NPs[d]) {
				return d
			}
			return -1
		}
		if a.Punct(k, ",") || a.RoleLen(k, Coordinator) == 1 {
			if p := a.npEnding(k - 1); p >= 0 {
				np = &a.NPs[p] // "of Peru and Chile": on to Peru
				continue
			}
		}
		return -1
	}
	return -1
}

// roleOfComplement: NP i is the "of" complement of a role ("The head of
// the Polish delegation, Mikael Lindqvist,"): the role, which a name after
// the comma names; else i.
func (a *Analysis) roleOfComplement(i int) int {
	np := &a.NPs[i]
	h := a.npEnding(np.First - 2)
	if h >= 0 && a.Is(np.First-1, Genitive) && a.NPs[h].Appos < 0 && a.NPs[h].Kind == KindRole {
		return h
	}
	return i
}

// namesGoOn: "and" and another name follow at k ("their two leaders,
// Vladimir Putin and Recep Tayyip Erdogan").
func (a *Analysis) namesGoOn(k int) bool {
	n := a.RoleLen(k, Coordinator)
	if n == 0 {
		return false
	}
	o := a.npStarting(k + n)
	if o >= 0 && a.isDescription(&a.NPs[o]) && a.Punct(a.NPs[o].Last+1, ",") {
		o = a.npStarting(a.NPs[o].Last + 2) // "…, Antony Blinken and Russian Foreign Minister, Sergei Lavrov"
	}
	return o >= 0 && isNaming(&a.NPs[o])
}

// namesThenVerb: the names joined by coordinators from token k on (after
// a first name) end right before a finite verb group, whose subject they
// are: "according to the police, Ribeiro and Mori will run" is a source
// and then a clause, not a source and its names.
func (a *Analysis) namesThenVerb(k int) bool {
	for hops := 0; hops < 8; hops++ {
		n := a.RoleLen(k, Coordinator)
		if n == 0 {
			break
		}
		o := a.npStarting(k + n)
		if o < 0 {
			return false
		}
		k = a.NPs[o].Last + 1
	}
	if k >= len(a.VGAt) {
		return false
	}
	v := a.VGAt[k]
	return v >= 0 && a.VGs[v].First == k && a.VGs[v].Form == Finite
}

// closesApposition: a description set off by a comma ends, at token j
// or a little after (before limit), with a comma, the sentence's end, a
// parenthesis or a dash, with no verb before it.
func (a *Analysis) closesApposition(j, limit int) bool {
	for ; j <= limit; j++ {
		if j >= len(a.Words) || !a.sameSentence(j-1, j) {
			return true
		}
		w := a.Words[j]
		if w == "," || w == "." || w == ")" || w == ";" || isDash(w) {
			return true
		}
		if v := a.VGAt[j]; v >= 0 {
			if a.reducedParticiple(int(v), j) {
				j = a.VGs[v].Last // "Tomas Berg, a farmer based in Ohio,": a reduced relative in the description
				continue
			}
			// "KISHIDA Fumio, Prime Minister of Japan held …": the verb
			// right after the description ends it.
			return a.VGs[v].First == j && a.VGs[v].Form == Finite
		}
	}
	return false
}

// reducedParticiple: verb group v, at token j, is one past participle
// right after a noun, a reduced relative on it ("a farmer based in Ohio",
// "an aide reached by phone").
func (a *Analysis) reducedParticiple(v, j int) bool {
	w := &a.VGs[v]
	return w.First == j && w.Head == j && w.Form == Participle && a.Tag(j) == "VBN" && a.npEnding(j-1) >= 0
}

// closesAppositionAfterName: the name after a description and a comma
// ends the apposition ("his counterpart, Ruth Wanjiru, said"). After
// "according to" a verb does not end it: "According to an adviser,
// Macron congratulated …" is an attribution and its clause.
//
// A verb right after the name makes the name its subject instead: "…
// among all the parties, Rice said."
func (a *Analysis) closesAppositionAfterName(desc, name *NP) bool {
	j := name.Last + 1
	if j >= len(a.Words) || a.Punct(j, ",") || isDash(a.Words[j]) || a.Punct(j, ")") {
		return true
	}
	if a.roleEndsAt(desc.First-1, Attribution) {
		return false
	}
	return !a.sameSentence(j-1, j) || a.Punct(j, ".") || a.Punct(j, ";")
}

// AfterAttribution reports whether np follows "according to" (or another
// attribution phrase): "according to court records", "according to the
// results" name a source, whatever their head noun.
func (a *Analysis) AfterAttribution(np *NP) bool {
	first := np.First
	if np.Possessor >= 0 && a.NPs[np.Possessor].First < first {
		first = a.NPs[np.Possessor].First // "according to Lazar's plea agreement"
	}
	return a.roleEndsAt(a.sourceShareStart(first)-1, Attribution)
}

// sourceShareStart returns where a source whose noun phrase starts at
// first begins: before a place it is of ("U.S. Census data"), up to four
// adjectives or participles and the
// adverbs before them ("former Democrats", "recently hacked documents";
// "people familiar …" aside), the time the source is of, perhaps as an
// owner ("a January 2016 study", "Tuesday's poll"), a word of the
// lexicon's source_openers (a quantity or an article), and a share with
// "of" ("one of his senior aides"); first when none is there. The
// grammar's source-share macro reads the same words.
func (a *Analysis) sourceShareStart(first int) int {
	k := first
	if p := a.NPAt[max(k-1, 0)]; k-1 >= 0 && p >= 0 && a.NPs[p].Kind == KindPlace && a.NPs[p].Last == k-1 {
		k = a.NPs[p].First // "U.S. Census data": the country the source is of
	}
	if k-2 >= 0 && a.Tag(k-1) == "POS" {
		if _, ok := a.TimeCovering(k - 2); ok {
			k-- // "Tuesday's poll"
		}
	}
	for n := 0; n < 4 && k-1 >= 0 && !a.roleEndsAt(k-1, Attribution); n++ {
		if _, ok := a.TimeCovering(k - 1); ok {
			k--
			continue
		}
		t := a.Tag(k - 1)
		if t == "RB" && a.IsModifierTag(k) {
			k-- // "recently hacked", not "even his own supporters"
			continue
		}
		if a.NPAt[k-1] >= 0 || !a.IsModifierTag(k-1) {
			break
		}
		k--
	}
	if k-1 >= 0 && a.In(lexicon.SourceOpeners, k-1) {
		k--
	}
	if k-2 >= 0 && a.Low[k-1] == "of" && a.In(lexicon.SourceOpeners, k-2) {
		k -= 2
	}
	return k
}

// IsModifierTag: token k is tagged as an adjective or a participle, a
// modifier before a noun (the grammar's skip kind "modifier" too).
func (a *Analysis) IsModifierTag(k int) bool {
	t := a.Tag(k)
	return t == "JJ" || t == "VBN" || t == "VBG"
}

// roleEndsAt: a phrase of role r ends at token j.
func (a *Analysis) roleEndsAt(j int, r Role) bool {
	for k := j; k >= 0 && k > j-4; k-- {
		if n := a.RoleLen(k, r); n > 0 && k+n-1 == j {
			return true
		}
	}
	return false
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// linkConjunct: "Modi and Lula", "China, Japan and Russia".
func (a *Analysis) linkConjunct(i int) {
	np := &a.NPs[i]
	if np.Kind == KindThing || np.Conj >= 0 {
		return
	}
	end := np.Last
	if np.Appos >= 0 && a.NPs[np.Appos].First > np.Last {
		end = a.NPs[np.Appos].Last // "Li, chairman of …, and Michel"
	}
	j := end + 1
	comma := a.Punct(j, ",")
	if comma && a.placeComma(j) {
		return // "Flint, Mich.": one place, not a list
	}
	if comma {
		j++
	}
	n := a.RoleLen(j, Coordinator)
	if n == 0 && !(comma && a.listGoesOn(j)) {
		return
	}
	if n > 0 && comma && (np.ConjOf < 0 && end == np.Last || a.afterCoordinator(np)) {
		// "…in Northern Ireland, and the UK and US governments will …",
		// "with Finland and our Allies, and NATO will …": a clause of its own
		return
	}
	o := a.npStarting(j + n)
	if o >= 0 && a.NPs[o].Kind == KindPronoun && a.NPs[o].PossessorOf >= 0 {
		o = int(a.NPs[o].PossessorOf) // "and his Kenyan counterpart"
	}
	if o < 0 || !a.sameSentence(end, j+n) || a.NPs[o].Kind == KindThing || a.NPs[o].ApposOf >= 0 || a.subjectAfterObject(i, o) {
		return
	}
	np.Conj, a.NPs[o].ConjOf = int32(o), int32(i)
}

// subjectAfterObject: NP o is a pronoun in its subject form ("he",
// "she") and NP i an object, of a preposition or of a verb other than a
// speech verb: "hacked the servers and she accused …" coordinates two
// clauses, not two noun phrases ("said Ruiz and she had agreed" may).
func (a *Analysis) subjectAfterObject(i, o int) bool {
	if !a.Is(a.NPs[o].First, Nominative) || a.Is(a.NPs[i].First, Nominative) {
		return false
	}
	k := a.NPs[i].First - 1
	if k < 0 || !a.sameSentence(k, k+1) {
		return false
	}
	if t := a.Tag(k); t == "IN" || t == "TO" {
		return true
	}
	v := a.VGAt[k]
	return v >= 0 && a.VGs[v].Last == k && !a.In(lexicon.SpeechVerbs, a.VGs[v].Head)
}

// afterCoordinator: np (with its possessor) is the last conjunct of a
// list a coordinator closed ("Finland and our other Allies").
func (a *Analysis) afterCoordinator(np *NP) bool {
	if np.ConjOf < 0 {
		return false
	}
	start := np.First
	if np.Possessor >= 0 && int(a.NPs[np.Possessor].First) < start {
		start = a.NPs[np.Possessor].First
	}
	return a.RoleLen(start-1, Coordinator) == 1 || a.coordinatorEnding(start-1) >= 0
}

// listGoesOn: "China, Japan and Russia": after a comma, an NP of the same
// sort as the one before the comma, that a coordinator and another NP
// follow ("On Syria, the Prime Minister and the President" is no list).
// A list of four or more goes on through further commas ("China, Japan,
// Russia and the two Koreas").
func (a *Analysis) listGoesOn(j int) bool {
	for range 8 {
		o := a.npStarting(j)
		if o < 0 {
			return false
		}
		if prev := a.npEnding(j - 2); prev >= 0 && sortOf(&a.NPs[prev]) != sortOf(&a.NPs[o]) {
			return false
		}
		k := a.NPs[o].Last + 1
		if !a.Punct(k, ",") {
			return a.RoleLen(k, Coordinator) > 0
		}
		if a.RoleLen(k+1, Coordinator) > 0 {
			return true
		}
		j = k + 1
	}
	return false
}

// sortOf groups NP kinds for lists: people, places and bodies, things.
func sortOf(np *NP) int {
	switch np.Kind {
	case KindPlace, KindOrg:
		return 1
	case KindCommon, KindThing:
		return 2
	}
	return 0
}

// Conjuncts returns the NPs coordinated with NP i, from the first: [i]
// when it stands alone.
func (a *Analysis) Conjuncts(i int) []int {
	for a.NPs[i].ConjOf >= 0 {
		i = int(a.NPs[i].ConjOf)
	}
	out := []int{i}
	for a.NPs[i].Conj >= 0 && len(out) < 8 {
		i = int(a.NPs[i].Conj)
		out = append(out, i)
	}
	return out
}

// linkVGs finds each verb group's subject, object and agent, left to right.
func (a *Analysis) linkVGs() {
	for i := range a.VGs {
		a.linkVG(i)
	}
	for i := range a.VGs {
		a.catenativeSubject(i)
		a.openerSubject(i)
	}
}

// catenativeSubject: a gerund right after a finite verb group with a
// subject is that verb's complement and shares its subject ("Donors
// have begun pressing the board to …", "she kept asking them to …").
func (a *Analysis) catenativeSubject(i int) {
	vg := &a.VGs[i]
	if vg.Form != Gerund || vg.Subject >= 0 || vg.First == 0 {
		return
	}
	p := a.VGAt[vg.First-1]
	if p < 0 || int(p) == i || a.VGs[p].Last != vg.First-1 || a.VGs[p].Form != Finite || a.VGs[p].Subject < 0 || a.VGs[p].Object >= 0 {
		return
	}
	vg.Subject = a.VGs[p].Subject
}

// isMainPastTense: verb group i is a participle the tagger read for a past
// tense ("Santorum delivered paid speeches, according to …"): right after
// its subject, which opens the sentence, with no finite verb after it
// before the next comma, so it is the main verb, not a reduced relative
// ("The speeches delivered in May were long").
func (a *Analysis) isMainPastTense(i int, s parser.Sentence) bool {
	vg := &a.VGs[i]
	if vg.Form != Participle || vg.Subject < 0 || vg.First != vg.Head {
		return false
	}
	subj := &a.NPs[vg.Subject]
	last := int(subj.Last)
	if cs := a.Conjuncts(int(vg.Subject)); len(cs) > 1 {
		last = int(a.NPs[cs[len(cs)-1]].Last) // "she and her peers jokingly referred"
	}
	for last+1 < vg.First && a.isAdverb(last+1) {
		last++
	}
	// the subject opens the sentence, a clause after a comma ("In both
	// cases, X said, those donations paid for …") or a verb of saying's
	// clause ("said she and her peers jokingly referred to …")
	if last+1 != vg.First || subj.First != a.Sents[a.Doc.Tokens[vg.First].Sentence].Body && !a.Punct(subj.First-1, ",") && !a.afterSayVerb(subj.First) {
		return false
	}
	if a.describesNameBefore(subj) {
		return false // "Tomas Berg, a farmer based in Ohio, said": a reduced relative in the description
	}
	for k := vg.Last + 1; k <= s.Last && k <= vg.Last+maxClauseTokens && !a.Punct(k, ","); k++ {
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Form == Finite || a.Is(k, Agent) {
			return false
		}
	}
	return true
}

// describesNameBefore: noun phrase np, one person described by a
// common noun or a role, follows a name and a comma: a description set
// off after the name ("Tomas Berg, a farmer …").
func (a *Analysis) describesNameBefore(np *NP) bool {
	if np.Plural || np.Kind != KindCommon && np.Kind != KindRole || !a.Punct(np.First-1, ",") {
		return false
	}
	n := a.npEnding(int(np.First) - 2)
	return n >= 0 && isNaming(&a.NPs[n])
}

// afterSayVerb: token k opens the clause of a verb of saying, right
// after it or after its "that".
func (a *Analysis) afterSayVerb(k int) bool {
	v := a.verbBeforeClause(k)
	return v >= 0 && a.In(lexicon.SayVerbs, a.VGs[v].Head)
}

func (a *Analysis) linkVG(i int) {
	vg := &a.VGs[i]
	s := a.Sentence(vg.First)
	if vg.Form != Infinitive {
		a.findSubject(i, s)
		if a.isMainPastTense(i, s) {
			vg.Form, vg.Tense = Finite, Past
		}
	} else {
		a.controller(i, s)
	}
	after := vg.Last + 1
	if vg.Inverted && vg.Subject >= 0 {
		return
	}
	if o := a.npStarting(after); o >= 0 && a.sameSentence(vg.Last, after) {
		if a.NPs[o].Kind == KindPronoun && a.NPs[o].PossessorOf >= 0 {
			o = int(a.NPs[o].PossessorOf) // "met her counterpart": the counterpart
		}
		vg.Object = int32(o)
	}
	if vg.Passive || vg.Form == Participle {
		for k := after; k <= s.Last && k <= after+4; k++ {
			if n := a.RoleLen(k, Agent); n > 0 {
				if o := a.npStarting(k + n); o >= 0 {
					vg.Agent = int32(o)
				}
				break
			}
		}
	}
}

// controller gives a to-infinitive the subject it is understood with: the
// object of a request verb before it ("urged NATO to strengthen"), else
// the subject of the verb group it depends on ("will travel to Ottawa to
// meet", "agreed to meet again", "was in Osaka to meet").
// maxControlDistance bounds how far before a to-infinitive, in tokens, the
// verb that controls it may end: room for a participle phrase with a name
// set off inside it ("X chimed in, breaking with the bank's chairwoman,
// Ana L. Lee, to argue that …").
const maxControlDistance = 20

func (a *Analysis) controller(i int, s parser.Sentence) {
	vg := &a.VGs[i]
	if p := a.coordinatedTo(i, s); p >= 0 {
		vg.Coord, vg.Subject = int32(p), a.VGs[p].Subject
		return
	}
	for p := i - 1; p >= 0 && a.VGs[p].First >= s.First && a.VGs[p].Last >= vg.First-maxControlDistance; p-- {
		prev := &a.VGs[p]
		if a.InQuote(prev.Head) != a.InQuote(vg.Head) {
			continue
		}
		if prev.Object >= 0 && a.NPs[prev.Object].Last < vg.First && a.In(lexicon.RequestVerbs, prev.Head) {
			vg.Subject = prev.Object
			return
		}
		if prev.Subject >= 0 {
			if !a.extraposedBy(prev, vg) {
				vg.Subject = prev.Subject
			}
			return
		}
		if prev.Form == Finite {
			return
		}
	}
	a.headlineInfinitive(i, s)
}

// extraposedBy: the to-infinitive vg is extraposed after "it" and a form
// of be with an adjective of extraposing_adjectives ("it's unrealistic to think that …", "it was
// hard to say whether …"): the "it" stands for the infinitive, which has
// no subject of its own.
func (a *Analysis) extraposedBy(prev, vg *VG) bool {
	if a.Low[a.NPs[prev.Subject].First] != "it" || a.NPs[prev.Subject].First != a.NPs[prev.Subject].Last {
		return false
	}
	if _, v := a.Match(lexicon.Auxiliaries, prev.Head); v != "be" && !a.contractedBe(prev.Head) {
		return false
	}
	adj := false
	for k := prev.Last + 1; k < vg.First; k++ {
		switch t := a.Tag(k); {
		case a.In(lexicon.ExtraposingAdjectives, k):
			adj = true
		case !strings.HasPrefix(t, "RB"):
			return false
		}
	}
	return adj
}

// headlineInfinitive: "U.S. to send more troops to Poland" — a noun
// phrase opening the sentence, then a to-infinitive, and no finite verb in
// the clause — is a headline's future ("the U.S. will send …"): the noun
// phrase is its subject and its modality is future. The clause ends at
// the end of the sentence or at a comma before an attribution ("…, the
// minister says").
func (a *Analysis) headlineInfinitive(i int, s parser.Sentence) {
	vg := &a.VGs[i]
	np := a.NPEnding(vg.First - 1)
	if np < 0 || a.NPs[np].First != a.Sents[a.Doc.Tokens[vg.First].Sentence].Body || a.NPs[np].Kind == KindPronoun {
		return
	}
	for k := vg.Last + 1; k <= s.Last; k++ {
		if a.Punct(k, ",") || a.Punct(k, ":") {
			break
		}
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Form == Finite {
			return // "Plans to send troops were dropped"
		}
	}
	vg.Subject, vg.Modal, vg.Headline = int32(np), "future", true
}

// coordinatedTo: "agreed to hold regular meetings of … and to hold a
// summit": a to-infinitive after "and" or "or" goes on the infinitive
// before it in the sentence, however long that one's object is; it
// returns that infinitive, else -1.
func (a *Analysis) coordinatedTo(i int, s parser.Sentence) int {
	vg := &a.VGs[i]
	c := vg.First - 1
	if c <= s.First || !a.Is(c, Coordinator) || a.Words[c] == "but" {
		return -1
	}
	for p := i - 1; p >= 0 && a.VGs[p].First >= s.First && a.VGs[p].Last >= vg.First-40; p-- {
		prev := &a.VGs[p]
		if a.InQuote(prev.Head) != a.InQuote(vg.Head) {
			return -1
		}
		if prev.Form == Infinitive {
			return p
		}
		if prev.Form == Finite {
			return -1
		}
	}
	return -1
}

// findSubject looks left of verb group i for its subject: the nearest NP,
// past adverbs, time expressions, an apposition or inserted clause set off
// by commas, a parenthesis; "who" gives the NP before it; "and" the subject
// of the verb group this one is coordinated with. Failing that, an
// attribution after a comma or quotation ("…, said Rice") is inverted.
func (a *Analysis) findSubject(i int, s parser.Sentence) {
	vg := &a.VGs[i]
	k := vg.First - 1
	if vg.Form == Gerund && a.Punct(k, ",") && k > s.First {
		return // "…, X said, adding that …": participleSubject gives it X
	}
	for steps := 0; k >= s.First && steps < 12; steps++ {
		if np := a.npEnding(k); np >= 0 && !a.timeAfterNP(np) {
			if q := a.absoluteSubject(np); vg.Form == Gerund && q >= 0 {
				a.setSubject(vg, q) // "with President Roh visiting Japan": Roh visits
				return
			}
			if f := a.NPs[np].First; f > s.First && vg.Form == Finite && !a.Is(f, Nominative) {
				if rel := a.objectInRelative(i, np); rel >= 0 {
					// "The man who met her said …", "a tackle that used to be
					// considered fair now draws …": the noun
					// phrase the relative clause is about
					vg.Subject = int32(rel)
					return
				}
				if rel, v := a.whoseRelative(k, i); rel >= 0 {
					a.VGs[v].Rel = int32(rel) // "voters whose families came from Peru said"
					a.setSubject(vg, rel)
					return
				}
			}
			a.setSubject(vg, a.pastModifiers(np, s))
			return
		}
		next, done := a.subjectStep(i, k, s)
		if done {
			break
		}
		k = next
	}
	if vg.Subject < 0 && vg.Coord < 0 {
		a.invertedSubject(vg, s)
	}
	if vg.Subject < 0 && vg.Coord < 0 {
		a.nameBeforeInsertion(vg, s)
	}
	if vg.Subject < 0 && vg.Coord < 0 {
		a.nameAfterElliptical(vg, s)
	}
	if vg.Subject < 0 && vg.Coord < 0 {
		a.listedPredicate(i, s)
	}
}

// nameAfterElliptical: "And a third, Tomas Berg, said …", "Another, Ana
// Ruiz, added …": a finite verb with no subject after a name set off by
// commas, when what opens the sentence before it is a determiner, number
// or ordinal standing for a noun the sentence before named ("a third
// [delegate]"): the name is the subject.
func (a *Analysis) nameAfterElliptical(vg *VG, s parser.Sentence) {
	if vg.Form != Finite || vg.Inverted || vg.First < 1 || !a.Punct(vg.First-1, ",") {
		return
	}
	body := a.Sents[a.Doc.Tokens[vg.First].Sentence].Body
	if n := a.RoleLen(body, Coordinator); n > 0 {
		body += n
	}
	comma := body
	for comma < vg.First && comma < body+3 && a.NPAt[comma] < 0 && a.VGAt[comma] < 0 && a.ellipticalWord(comma) {
		comma++
	}
	if comma == body || !a.Punct(comma, ",") {
		return
	}
	np := a.npStarting(comma + 1)
	if np < 0 || !isNaming(&a.NPs[np]) || int(a.NPs[np].Last) != vg.First-2 {
		return
	}
	vg.Subject = int32(np)
}

// ellipticalWord: token k may stand for a noun phrase with its noun left
// out: a determiner, a number or an adjective ("a third", "another",
// "one", "the other").
func (a *Analysis) ellipticalWord(k int) bool {
	t := a.Tag(k)
	return t == "DT" || t == "CD" || t == "JJ"
}

// listedPredicate: "The department obfuscated facts, admitted it withheld
// emails, and delayed …", "He cast doubt on the rate, suggested that …": a
// finite verb group with no subject right after a comma (and adverbs)
// goes on a list of predicates. Its subject is that of the finite verb
// group before the comma, in the same tense, when an object or phrase
// stands between that verb and the comma with no finite verb of its own
// ("The plan, officials said, failed" has none: "said" is an insertion).
func (a *Analysis) listedPredicate(i int, s parser.Sentence) {
	vg := &a.VGs[i]
	past := a.regularPastAsParticiple(vg)
	if vg.Form != Finite && !past || vg.Inverted || i == 0 {
		return
	}
	k := a.listCommaBefore(vg, s)
	if k <= s.First || !a.Punct(k, ",") || a.InQuote(vg.Head) || a.Punct(vg.Last+1, ",") {
		return // "narrows the gap to, say, single digits": set off by commas
	}
	p := &a.VGs[i-1]
	for hops := 0; hops < 2 && p.Form == Infinitive && p.Subject >= 0 && i-2-hops >= 0; hops++ {
		p = &a.VGs[i-2-hops] // "X is happy to be …, says …": the verb the infinitive depends on
	}
	tense := vg.Tense
	if past {
		tense = Past
	}
	if p.First < s.First || p.Form != Finite || p.Subject < 0 || p.Tense != tense || p.Inverted || p.Last >= k-1 || a.InQuote(p.Head) {
		return
	}
	for j := p.Last + 1; j < k; j++ {
		if w := a.Words[j]; (w == "," || w == ";" || w == ":" || isDash(w)) && !a.InQuote(j) || a.Is(j, Relative) || a.Is(j, Subordinator) {
			return
		}
	}
	if past {
		vg.Form, vg.Tense = Finite, Past
	}
	vg.Subject = p.Subject
}

// listCommaBefore: the token before verb group vg, past adverbs ("…,
// also said") and a closing quotation mark after a comma ("… to be the
// state's “gold standard,” says …": the comma inside the marks).
func (a *Analysis) listCommaBefore(vg *VG, s parser.Sentence) int {
	k := vg.First - 1
	for k > s.First && a.isAdverb(k) && a.VGAt[k] < 0 {
		k--
	}
	if k > s.First && a.isQuoteMark(k) && a.Punct(k-1, ",") {
		k--
	}
	return k
}

// regularPastAsParticiple: verb group vg is one regular -ed form the tagger
// read as a participle, followed by a noun phrase or "that", as a past
// tense with an object or a clause is ("…, admitted she had …"); a
// reduced relative goes on with a phrase ("…, backed by the council").
func (a *Analysis) regularPastAsParticiple(vg *VG) bool {
	if vg.Form != Participle || vg.Passive || vg.First != vg.Last || a.Tag(vg.Head) != "VBN" || !strings.HasSuffix(a.Low[vg.Head], "ed") {
		return false
	}
	n := vg.Last + 1
	return n < len(a.Words) && (a.npStarting(n) >= 0 || a.Is(n, Complementizer))
}

// nameBeforeInsertion: "Senator Ann Lee of Ohio, the second Republican in
// the Senate, said …", "Sens. A of Georgia and B of Iowa, both up for
// reelection, also said …", "Mr. Lee, citing ”…,” said …", "Two
// objectors, A and B, had challenged …": a finite verb with no subject
// the steps above found has the noun phrase that opens its sentence (after
// "But" or "And"), when what lies between (modifiers of the phrase, a
// description set off by commas, however the chunker cut it) holds no
// finite verb of its own outside quotations and relative clauses, and no
// clause-ending punctuation.
func (a *Analysis) nameBeforeInsertion(vg *VG, s parser.Sentence) {
	if vg.Form != Finite || vg.Inverted || !a.afterInsertion(vg.First, s) {
		return
	}
	body := a.Sents[a.Doc.Tokens[vg.First].Sentence].Body
	if n := a.RoleLen(body, Coordinator); n > 0 {
		body += n // "But the other candidate, …, drew"
	}
	if a.isAdverb(body) && a.VGAt[body] < 0 {
		body++ // "First his wife, …, announced"
	}
	body = a.pastOpeningPhrase(body, vg.First)
	np := a.npStarting(body)
	if np < 0 {
		return
	}
	if o := a.NPs[np].PossessorOf; o > int32(np) {
		np = int(o) // "His critics in …, many of them …, argue"
	}
	if n := a.npStarting(a.NPs[np].Last + 1); n >= 0 && isNaming(&a.NPs[n]) {
		np = n // "Minnesota state delegate Ann Lee, …, said": a place before a title
	}
	if vg.First-body > 48 || !a.mayOpenAsSubject(np) {
		return
	}
	e := a.pastNameModifiers(a.NPs[np].Last+1, vg.First)
	if e >= vg.First || !a.Punct(e, ",") && !isDash(a.Words[e]) {
		return // the subject right before its verb: the steps above saw it
	}
	if !a.verblessInsertion(e+1, vg.First) {
		return
	}
	vg.Subject = int32(np)
}

// verblessInsertion: tokens [from, to) hold no clause-ending punctuation
// and no finite verb of their own: verbs inside quotations, relative
// clauses ("whose hometown, Miami, is projected …") and the clause a
// participle of saying reports ("after first saying she would skip
// the vote") are the insertion's.
func (a *Analysis) verblessInsertion(from, to int) bool {
	if a.Is(from, Relative) {
		return true // "X, whose …, argues": all of it a relative clause
	}
	for k := from; k < to; k++ {
		if w := a.Words[k]; (w == ";" || w == ":") && !a.InQuote(k) {
			return false
		}
		v := a.VGAt[k]
		if v < 0 || a.VGs[v].First != k || a.InQuote(k) {
			continue
		}
		w := &a.VGs[v]
		if w.Form == Gerund && a.In(lexicon.SayVerbs, w.Head) {
			return true // "after initially saying he would …": its clause
		}
		if w.Form == Finite && w.Rel < 0 && (w.Subject < 0 || !a.inRelative(w)) && !a.Is(k-1, Relative) && a.Low[k-1] != "that" && !a.reducedAfterNoun(w, k) {
			return false
		}
	}
	return true
}

// reducedAfterNoun: verb group w at token k, a past form with no subject
// of its own right after a noun, is a reduced relative on that noun ("a
// shirt covered in buttons", "a group allied with the leaders").
func (a *Analysis) reducedAfterNoun(w *VG, k int) bool {
	return w.First == w.Head && a.Tag(k) == "VBD" && a.NPAt[k-1] >= 0 && (w.Subject < 0 || int(w.Subject) == int(a.NPAt[k-1]))
}

// pastOpeningPhrase: the token after a prepositional phrase with no verb
// that opens the sentence at body and ends in a comma ("On the left, X,
// …, compared"; "In addition to Y, two members …, A and B, have said"),
// or body.
func (a *Analysis) pastOpeningPhrase(body, limit int) int {
	if a.Tag(body) != "IN" || a.Is(body, Subordinator) && !a.Is(body, Genitive) {
		return body
	}
	for k := body + 1; k < limit && k <= body+8; k++ {
		if a.VGAt[k] >= 0 || a.InQuote(k) {
			return body
		}
		if a.Punct(k, ",") {
			return k + 1
		}
	}
	return body
}

// afterInsertion: the verb group at token first follows the comma or
// dash that closes an insertion, perhaps with adverbs between ("…, also
// said"), or a quotation that ends in a comma ("citing ”…,” said").
func (a *Analysis) afterInsertion(first int, s parser.Sentence) bool {
	p := first - 1
	for p > s.First && (a.isAdverb(p) || a.Tag(p) == "JJR" && !a.Cap(p)) {
		p-- // "…, also said", "…, earlier asked"
	}
	if p > s.First && a.isQuoteMark(p) && a.Punct(p-1, ",") {
		return true
	}
	return p > s.First && (a.Punct(p, ",") || isDash(a.Words[p]))
}

// mayOpenAsSubject: noun phrase np, which opens its sentence, may be the
// subject of a verb after a description: not a time ("Last year, …"), an
// object pronoun or a thing.
func (a *Analysis) mayOpenAsSubject(np int) bool {
	n := &a.NPs[np]
	if n.Kind == KindThing || n.Kind == KindPronoun && !a.Is(n.First, Nominative) {
		return false
	}
	_, isTime := a.TimeCovering(n.First)
	return !isTime
}

// pastNameModifiers returns the token after what may follow a name before
// the comma that opens its description, from token k (before limit):
// prepositional phrases ("of Ohio"), a party code in parentheses, and
// further names joined by a coordinator ("and B of Iowa").
func (a *Analysis) pastNameModifiers(k, limit int) int {
	for k < limit {
		if n := a.ppAt(k, limit-1); n >= 0 {
			k = n
			continue
		}
		if a.Words[k] == "(" {
			for j := k + 1; j < limit && j <= k+5; j++ {
				if a.Words[j] == ")" {
					k = j + 1
					break
				}
			}
			if a.Words[k-1] == ")" {
				continue
			}
			return k
		}
		if c := a.RoleLen(k, Coordinator); c > 0 {
			if n := a.npStarting(k + c); n >= 0 {
				if o := a.NPs[n].PossessorOf; o > int32(n) {
					n = int(o) // "and France's secretary of state"
				}
				k = a.NPs[n].Last + 1
				continue
			}
		}
		return k
	}
	return k
}

// timeAfterNP: NP np is a time right after another noun phrase, which
// it modifies ("the veterans interviewed at rallies this week said"): the
// subject is further left.
func (a *Analysis) timeAfterNP(np int) bool {
	n := &a.NPs[np]
	start := a.timeEndingAt(n.Last)
	if start < 0 || start > n.First {
		if !a.thisTime(n) {
			return false
		}
		start = n.First
	}
	if start == 0 {
		return false
	}
	if a.Words[start-1] == ")" {
		return true // "Ana Ruiz (D-Calif.) last week said"
	}
	prev := a.npEnding(start - 1) // "Ana Ruiz last week said": "last" is the time's, not the noun phrase's
	return prev >= 0 && a.timeEndingAt(a.NPs[prev].Last) < 0
}

// thisTime: NP n is "this time", "last time", "that time" or "next
// time": an occasion, a time as much as "this week" is.
func (a *Analysis) thisTime(n *NP) bool {
	if n.Last != n.First+1 || a.Low[n.Last] != "time" {
		return false
	}
	switch a.Low[n.First] {
	case "this", "last", "that", "next":
		return true
	}
	return false
}

// absoluteSubject: NP np follows "with" (role partner) and is the
// subject of the participle after it ("with President Roh visiting
// Japan"), or ends a share of a group after "with" ("with 30 percent of
// voters saying …": the share, not what comes before "with"); else -1.
func (a *Analysis) absoluteSubject(np int) int {
	f := a.NPs[np].First
	if a.Is(f-1, Partner) {
		return np
	}
	if !a.Is(f-1, Genitive) {
		return -1
	}
	if q := a.npEnding(f - 2); q >= 0 && a.Is(a.NPs[q].First-1, Partner) {
		return q
	}
	return -1
}

// pastModifiers: an NP after a preposition is inside a modifier of the
// subject, not the subject ("the six nations involved in North Korea
// disarmament talks had …"): the NP before the prepositional phrase and
// any participle or adjective before it is the subject.
func (a *Analysis) pastModifiers(np int, s parser.Sentence) int {
	np = a.listInPhrase(np, s)
	first := np
	for hops := 0; hops < 3; hops++ {
		np = a.townOf(np)
		k := a.NPs[np].First - 1
		if p := a.NPs[np].Possessor; p >= 0 && a.NPs[p].First < a.NPs[np].First {
			k = a.NPs[p].First - 1 // "ambassadors from NATO's partners"
		}
		if k-1 >= s.First && a.Tag(k) == "POS" && a.In(lexicon.CalendarWords, k-1) {
			k -= 2 // "the planning for Thursday's meeting"
		}
		if v := a.nonFiniteBefore(k, np, s); v >= 0 {
			// "any plans to close the mill would fail": the noun
			// phrase before the infinitive whose object this is
			if prev := a.npBeforeNonFinite(a.VGs[v].First - 1); prev >= 0 {
				np = prev
				continue
			}
			return np
		}
		if k < s.First || !a.nounPreposition(k) || a.Is(k, Complementizer) || a.Is(k, Subordinator) {
			return np
		}
		k--
		if k >= s.First && a.RoleLen(k, Coordinator) == 2 {
			k-- // ", along with ambassadors from …": the NP before the phrase
		}
		for k >= s.First && (a.VGAt[k] >= 0 && a.VGs[a.VGAt[k]].Form != Finite || a.Tag(k) == "RB" || a.Punct(k, ",") || a.Tag(k) == "JJ" && a.NPAt[k] < 0) {
			k-- // "involved", "based"; "X, along with Y"; "a person familiar with …"
		}
		prev := a.npEnding(k)
		if prev < 0 {
			return first
		}
		np = prev
	}
	return np
}

// listInPhrase: the first of the list NP np ends, when the list is the
// object of a preposition after the subject ("most voters in Ohio, Texas
// and Utah said"), else np. A list of countries or bodies after "of" or
// "from" ("the leaders of A and B", "officials from A and B") stands for
// them: np is kept, and the subject is the list's first.
func (a *Analysis) listInPhrase(np int, s parser.Sentence) int {
	c := a.Conjuncts(np)[0]
	if c == np || a.NPs[c].First <= s.First || !a.nounPreposition(a.NPs[c].First-1) || a.Is(a.NPs[c].First-1, Genitive) ||
		a.NPs[c].Kind == KindOrg || a.NPs[c].Kind == KindPlace && !a.NPs[c].City {
		return np
	}
	return c
}

// townOf: the town NP before place NP np and a comma ("Dayton, Ohio"), or np.
func (a *Analysis) townOf(np int) int {
	if c := a.NPs[np].First - 1; a.placeComma(c) && a.npEnding(c-1) >= 0 {
		return a.npEnding(c - 1)
	}
	return np
}

// npBeforeNonFinite is the noun phrase ending at token k, or the one
// right before a gerund or participle ending there, which the infinitive
// after k completes ("farmers trying to save their crops say"), or -1.
func (a *Analysis) npBeforeNonFinite(k int) int {
	if np := a.npEnding(k); np >= 0 || k < 1 {
		return np
	}
	v := a.VGAt[k]
	if v < 0 || a.VGs[v].Last != k || a.VGs[v].First != k || (a.VGs[v].Form != Gerund && a.VGs[v].Form != Participle) {
		return -1
	}
	return a.npEnding(k - 1)
}

// nounPreposition: token k is a preposition, or a "to" after a noun
// ("the visit to Oslo included …").
func (a *Analysis) nounPreposition(k int) bool {
	return a.Tag(k) == "IN" || a.Tag(k) == "TO" && (a.npEnding(k-1) >= 0 || a.adjectiveAfterNoun(k-1))
}

// adjectiveAfterNoun: token k is an adjective (or a word the tagger read
// as an adverb) standing alone after a noun phrase, the head of a phrase
// that modifies it ("sources close to the campaign", "aides loyal to her").
func (a *Analysis) adjectiveAfterNoun(k int) bool {
	return k > 0 && (a.Tag(k) == "JJ" || a.Tag(k) == "RB") && a.NPAt[k] < 0 && a.VGAt[k] < 0 && a.npEnding(k-1) >= 0
}

// nonFiniteBefore: token k ends an infinitive or participle verb group
// whose object is NP np, inside the sentence; the group, or -1.
func (a *Analysis) nonFiniteBefore(k, np int, s parser.Sentence) int {
	if k < s.First {
		return -1
	}
	v := int(a.VGAt[k])
	if v < 0 || a.VGs[v].Last != k || a.VGs[v].Form == Finite || int(a.VGs[v].Object) != np {
		return -1
	}
	if a.saysClause(&a.VGs[v]) {
		return -1 // "… voters saying race relations are worse": the clause's own subject
	}
	return v
}

// saysClause: verb group vg is a gerund of a say-like verb that rarely
// takes a noun phrase as its object, so that one after it opens its
// clause ("saying", "adding"; not "claiming ties to …", "telling voters",
// "noting concerns", whose noun phrase is the object).
func (a *Analysis) saysClause(vg *VG) bool {
	if vg.Form != Gerund || !a.In(lexicon.SayVerbs, vg.Head) {
		return false
	}
	switch vg.Lemma {
	case "say", "add", "insist", "contend":
		return true
	}
	return false
}

// setSubject makes NP np (or the first of its conjuncts, or the name its
// description is in apposition to) the subject.
func (a *Analysis) setSubject(vg *VG, np int) {
	for a.NPs[np].Of >= 0 {
		np = int(a.NPs[np].Of) // "the next round of talks": the round
	}
	n := &a.NPs[np]
	if n.ApposOf >= 0 && a.NPs[n.ApposOf].First < n.First {
		np = int(n.ApposOf) // "Li, chairman of …, said": Li
	}
	vg.Subject = int32(a.Conjuncts(np)[0])
}

// subjectStep moves left past one thing that may stand between a subject
// and its verb, and reports the next token to look at, or done.
func (a *Analysis) subjectStep(i, k int, s parser.Sentence) (int, bool) {
	vg := &a.VGs[i]
	w := a.Words[k]
	switch {
	case a.isQuoteMark(k) && !a.InQuote(vg.Head):
		// A subject is never inside a quotation before its verb; a scare
		// quote inside the subject ("nothing “surprising” happened") is
		// stepped over.
		return a.pastScareQuote(k, s)
	case a.floats(k, vg.First, s), a.reducedRelative(k, vg.First):
		return k - 1, false
	case a.timeEndingAt(k) >= 0 || a.yearAfterNoun(k):
		return a.pastTime(k), false
	case a.npEnding(k) >= 0 && a.thisTime(&a.NPs[a.npEnding(k)]):
		return a.NPs[a.npEnding(k)].First - 1, false // "the attention this time helped"
	case a.Is(k, Relative) && a.Tag(k) != "DT":
		a.relativeSubject(vg, k, s)
		return 0, true
	case a.VGAt[k] >= 0 && a.VGs[a.VGAt[k]].Rel >= 0 && int(a.VGAt[k]) != i:
		// "A senior official who asked not to be named said …": past the
		// relative clause to the noun phrase it is about
		if vg.Form == Finite && a.VGs[a.VGAt[k]].Form == Finite {
			vg.Subject = a.VGs[a.VGAt[k]].Rel
		}
		return 0, true
	case vg.Form == Finite && a.relativeBefore(i, k):
		return 0, true
	case a.controlledInfinitiveAt(i, k):
		return a.VGs[a.VGAt[k]].First - 1, false // "… asked not to be named": on to the verb it depends on
	case a.coordinatorBefore(i, k, s) || a.conjunctAt(i, k, s) || a.commaThen(i, k, s):
		a.coordinatedSubject(i, s)
		return 0, true
	case w == ")":
		return a.pastParen(k, s), false
	case w == ",":
		return a.pastComma(vg, k, s)
	case a.pastPartyCode(k) != k:
		return a.pastPartyCode(k), false // "Sen. Ana Ruiz, R-S.C., a candidate, said"
	case isDash(w):
		// "X, along with Y—Japan, Australia and New Zealand—had …"
		for c := k - 1; c >= s.First && c > k-20; c-- {
			if isDash(a.Words[c]) {
				return c - 1, false
			}
		}
	}
	return 0, true
}

// commaThen: "X offered him a job, then says …": a speech verb after a
// comma and "then" (token k the comma) is the next act of the subject of
// a finite verb before it.
func (a *Analysis) commaThen(i, k int, s parser.Sentence) bool {
	vg := &a.VGs[i]
	return a.Words[k] == "," && a.Low[k+1] == "then" && vg.Form == Finite && a.In(lexicon.SpeechVerbs, vg.Head) && a.finiteBetween(s.First, k-1)
}

// controlledInfinitiveAt: token k is in a to-infinitive, other than verb
// group i, that has its subject ("… asked not to be named").
func (a *Analysis) controlledInfinitiveAt(i, k int) bool {
	v := a.VGAt[k]
	return v >= 0 && a.VGs[v].Form == Infinitive && a.VGs[v].Subject >= 0 && int(v) != i
}

// reducedRelative: token k, right before the verb group starting at
// first, is a past participle standing alone after a noun phrase, a
// relative clause reduced to one word: "voters polled said", "those
// surveyed say", "officials contacted said".
func (a *Analysis) reducedRelative(k, first int) bool {
	if k < first-1 && a.timeEndingAt(first-1) == k+1 {
		first = k + 1 // "a report published Wednesday said": the participle and its time
	}
	if k != first-1 || a.Tag(k) != "VBN" && a.Tag(k) != "VBD" || a.npEnding(k-1) < 0 {
		return false
	}
	v := a.VGAt[k]
	if v < 0 || a.VGs[v].First != k || a.VGs[v].Object >= 0 {
		return false
	}
	if a.VGs[v].Form == Participle {
		return true
	}
	// "the Cuban-Americans polled/VBD said …": a past form the tagger made
	// finite, with nothing of its own, right before the sentence's verb;
	// not the verb of a relative clause ("the money her party raised was
	// …", "the plan that she proposed is …")
	n := a.npEnding(k - 1)
	f := int(a.NPs[n].First)
	return a.VGs[v].Form == Finite && a.VGs[v].Last == k && a.Tag(k) == "VBD" && a.NPs[n].Kind != KindPronoun &&
		a.npEnding(f-1) < 0 && !a.Is(f-1, Relative) && !a.Is(f-1, Complementizer)
}

// pastParenthesisAfter: j, or, when a short parenthesis opens at j and a
// comma follows it, the token after its closing mark: "Sen. Ana Ruiz
// (D-NY), a supporter of …," has its apposition after the party code.
func (a *Analysis) pastParenthesisAfter(j int) int {
	if j >= len(a.Words) || a.Words[j] != "(" {
		return j
	}
	for k := j + 1; k < len(a.Words) && k <= j+8; k++ {
		switch a.Words[k] {
		case ")":
			if a.Punct(k+1, ",") {
				return k + 1
			}
			return j
		case "(", ",", ".":
			return j
		}
	}
	return j
}

// pastParen is the token before the parenthesis that closes at token k.
func (a *Analysis) pastParen(k int, s parser.Sentence) int {
	for k >= s.First && a.Words[k] != "(" {
		k--
	}
	return k - 1
}

// pastTime is the token before the time expression ending at k, and
// before its preposition when a noun phrase comes first ("her net worth
// on Monday was", "her net worth in 2015 was": the subject is before the
// preposition).
func (a *Analysis) pastTime(k int) int {
	if a.yearAfterNoun(k) {
		return k - 2 // "her net worth in 2015 was"
	}
	b := a.timeEndingAt(k) - 1
	if a.Tag(b) == "IN" && !a.Is(b, Complementizer) && !a.Is(b, Subordinator) && a.npEnding(b-1) >= 0 {
		b--
	}
	return b
}

// yearAfterNoun: token k is a year after a preposition after a noun
// phrase ("net worth in 2015"): a time, though not one a record gives
// apart ("host joint drills in 2026" keeps it in the action).
func (a *Analysis) yearAfterNoun(k int) bool {
	w := a.Words[k]
	if len(w) != 4 || w < "1800" || w > "2199" || a.Tag(k) != "CD" || a.Tag(k-1) != "IN" || a.Is(k-1, Complementizer) || a.Is(k-1, Subordinator) {
		return false
	}
	return a.npEnding(k-2) >= 0
}

// relativeBeforePP: noun phrase np, right before finite verb group i,
// ends a prepositional phrase of a restrictive relative clause ("officials
// who spoke with the newspaper said"): the noun phrase the clause is
// about, or -1. The relative verb group comes right before the
// preposition, past its object ("who gave interviews to the newspaper").
func (a *Analysis) relativeBeforePP(i, np int) int {
	k := a.NPs[np].First - 1
	if k < 1 || a.Tag(k) != "IN" || a.Is(k, Complementizer) || a.Is(k, Subordinator) {
		return -1
	}
	k--
	if o := a.npEnding(k); o >= 0 {
		k = a.NPs[o].First - 1
	}
	if k < 0 {
		return -1
	}
	v := a.VGAt[k]
	if v < 0 || int(v) == i || a.VGs[v].Last != k || a.VGs[v].Form != Finite || a.VGs[v].Rel < 0 {
		return -1
	}
	rel := a.VGs[v].First - 1
	if rel < 1 || !a.Is(rel, Relative) || a.Punct(rel-1, ",") {
		return -1 // "Cruz, who spoke with X, said": the comma before said decides
	}
	return int(a.VGs[v].Rel)
}

// insideNonRestrictive: relative verb group v opens a clause set off by a
// comma ("Cruz, who says …") and verb group i comes before the comma that
// closes it: i belongs to the relative clause (a clause its verb
// reports), not to the sentence the relative clause is in.
func (a *Analysis) insideNonRestrictive(v, i int) bool {
	rel := a.VGs[v].First - 1
	if rel < 1 || !a.Is(rel, Relative) || !a.Punct(rel-1, ",") {
		return false
	}
	for k := a.VGs[v].Last + 1; k < a.VGs[i].First; k++ {
		if a.Punct(k, ",") || a.Punct(k, ";") || isDash(a.Words[k]) {
			return false
		}
	}
	return true
}

// objectInRelative: noun phrase np, right before finite verb group i, is
// the object of a relative clause ("who met her", "that used to be
// considered fair": a chain of verb groups whose first is
// finite and opens the clause); the noun phrase the clause is about is
// returned, or -1.
func (a *Analysis) objectInRelative(i, np int) int {
	if rel := a.relativeBeforePP(i, np); rel >= 0 {
		return rel
	}
	v := a.VGAt[a.NPs[np].First-1]
	if v < 0 || int(v) == i || int(a.VGs[v].Object) != np {
		if v = a.agentOf(i, np); v < 0 {
			return -1
		}
	}
	for hops := 0; a.VGs[v].Form != Finite && hops < 3; hops++ {
		if a.VGs[v].First == 0 {
			return -1
		}
		prev := a.VGAt[a.VGs[v].First-1] // "used [to be considered]"
		if prev < 0 || int(prev) == i {
			return -1
		}
		v = prev
	}
	if a.VGs[v].Form != Finite {
		return -1
	}
	if a.VGs[v].Rel >= 0 {
		if a.insideNonRestrictive(int(v), i) {
			return -1 // "Berg, who says Lund is mocking him, said": Lund mocks
		}
		if a.In(lexicon.SayVerbs, a.VGs[v].Head) && a.VGs[v].Last+1 == a.NPs[np].First {
			return -1 // "Farmers who say the tax is a dead weight": the tax is
		}
		return int(a.VGs[v].Rel)
	}
	that := a.VGs[v].First - 1
	if a.VGs[v].Subject >= 0 || that < 1 || !a.Is(that, Complementizer) {
		return -1
	}
	ante := a.npEnding(that - 1)
	if ante < 0 || a.NPs[ante].Kind != KindCommon {
		return -1
	}
	a.VGs[v].Subject, a.VGs[v].Rel = int32(ante), int32(ante)
	a.relativeNotComplementizer(that)
	return ante
}

// agentOf: noun phrase np, perhaps at the end of prepositional phrases
// ("the fans in Porto", "the likes of Ana Ruiz"), is the agent of a passive verb
// group other than i ("that used to be considered fair by the fans in
// Porto"): that group, or -1.
func (a *Analysis) agentOf(i, np int) int32 {
	for hops := 0; hops < 3; hops++ {
		f := int(a.NPs[np].First)
		for p := f - 2; p >= 0 && p >= f-8; p-- {
			if v := a.VGAt[p]; v >= 0 && int(v) != i && int(a.VGs[v].Agent) == np {
				return v
			}
		}
		if f < 2 || a.Tag(f-1) != "IN" || a.Is(f-1, Subordinator) || a.Is(f-1, Complementizer) || a.npEnding(f-2) < 0 {
			return -1
		}
		np = a.npEnding(f - 2)
	}
	return -1
}

// relativeNotComplementizer: the "that" at token k opens a relative
// clause ("the plan that he proposed"), whatever the lexicon says of it.
func (a *Analysis) relativeNotComplementizer(k int) {
	a.roles[k] = a.roles[k]&^(1<<Complementizer) | 1<<Relative
}

// relativeBefore: token k ends a relative clause right before finite verb
// group i, with no relative word ("the blame [he gets] is owed to
// …", "the money [they raised] was spent") or opened by "that" ("the
// plan [that he proposed] is dead", "the plan [that was proposed] is
// dead"). The noun phrase the clause is about becomes i's subject (and
// the relative clause's subject where it lacks one), and that "that" a
// relative word, not a complementizer.
func (a *Analysis) relativeBefore(i, k int) bool {
	vg := &a.VGs[i]
	if np := a.zeroRelative(k, i); np >= 0 {
		a.VGs[a.VGAt[k]].Rel = int32(np)
		a.setSubject(vg, np)
		return true
	}
	if np, v := a.whoseRelative(k, i); np >= 0 {
		a.VGs[v].Rel = int32(np)
		a.setSubject(vg, np)
		return true
	}
	np := a.relativeThat(k, i)
	if np < 0 {
		return false
	}
	v := a.VGAt[k]
	that := a.VGs[v].First - 1
	if a.VGs[v].Subject >= 0 {
		that = a.NPs[a.VGs[v].Subject].First - 1
	} else {
		a.VGs[v].Subject = int32(np)
	}
	a.VGs[v].Rel = int32(np)
	a.relativeNotComplementizer(that)
	a.setSubject(vg, np)
	return true
}

// whoseRelative: token k ends a relative clause opened by "whose" with
// no punctuation in it, right before finite verb group i ("the mayors
// [whose budgets were cut] say …"): the noun phrase before "whose" and
// the clause's one finite verb group, or -1, -1.
func (a *Analysis) whoseRelative(k, i int) (int, int) {
	s := a.Sentence(k)
	v := -1
	for j := k; j > s.First && j > k-16; j-- {
		if a.Punct(j, ",") || a.Punct(j, ";") || a.Punct(j, ":") || isDash(a.Words[j]) || a.isQuoteMark(j) || a.Is(j, Complementizer) {
			return -1, -1
		}
		if w := a.VGAt[j]; w >= 0 && a.VGs[w].First == j && a.VGs[w].Form == Finite {
			if v >= 0 || int(w) == i {
				return -1, -1
			}
			v = int(w)
		}
		if a.Low[j] == "whose" && a.NPAt[j] < 0 {
			ante := a.npEnding(j - 1)
			if ante < 0 || v < 0 || a.NPs[ante].Kind == KindThing || a.NPs[ante].Kind == KindPronoun {
				return -1, -1
			}
			return ante, v
		}
	}
	return -1, -1
}

// zeroRelative: token k ends a finite verb group (not i) that is a
// relative clause with no relative word, and the noun phrase it is about
// is returned (or -1): "the criticism [he takes] is …". The clause's
// subject is a pronoun, a name or a determined noun phrase right after
// another noun phrase (no comma, no word between), and its verb has no
// object (the noun phrase before stands for it). That first noun phrase
// is a common noun or a name, and not itself the subject of a verb.
func (a *Analysis) zeroRelative(k, i int) int {
	v := a.VGAt[k]
	if v < 0 || int(v) == i || a.VGs[v].Last != k || a.VGs[v].Form != Finite || a.VGs[v].Rel >= 0 || a.VGs[v].Object >= 0 || a.VGs[v].Subject < 0 {
		return -1
	}
	subj := &a.NPs[a.VGs[v].Subject]
	if subj.Last+1 != a.VGs[v].First {
		return -1 // "the man he said he met": only the plain case
	}
	start, owned := subj.First, false
	if p := subj.Possessor; p >= 0 && a.NPs[p].First < start {
		start, owned = a.NPs[p].First, true // "the money [her party raised]"
	}
	np := a.npEnding(start - 1)
	if np < 0 || a.NPs[np].Kind != KindCommon && a.NPs[np].Kind != KindName || a.NPs[np].Conj >= 0 || a.NPs[np].ApposOf >= 0 {
		return -1
	}
	if subj.Kind != KindPronoun && subj.Kind != KindName && !owned && !a.Is(subj.First, Determiner) {
		return -1 // "the year officials said …": two nouns, not a noun and a clause
	}
	for w := range a.VGs {
		if a.VGs[w].Subject == int32(np) {
			return -1 // the first noun phrase has a verb of its own
		}
	}
	return np
}

// relativeThat: token k ends a finite verb group (not i) that is a
// relative clause opened by "that", and the noun phrase it is about is
// returned (or -1). The clause lacks its subject ("the plan that was
// proposed") or its object ("the plan that he proposed"), and a common
// noun phrase comes right before "that". Verb group i, finite and after
// the clause without a subject of its own, is what shows that "that" is
// no complementizer: "said the plan that he proposed is dead".
func (a *Analysis) relativeThat(k, i int) int {
	v := a.VGAt[k]
	if v < 0 || int(v) == i || a.VGs[v].Last != k || a.VGs[v].Form != Finite || a.VGs[v].Rel >= 0 {
		return -1
	}
	that := a.VGs[v].First - 1
	if subj := a.VGs[v].Subject; subj >= 0 {
		if a.NPs[subj].Last+1 != a.VGs[v].First || a.VGs[v].Object >= 0 {
			return -1
		}
		that = a.NPs[subj].First - 1
	}
	if that < 1 || !a.Is(that, Complementizer) {
		return -1
	}
	np := a.npEnding(that - 1)
	if np < 0 || a.NPs[np].Kind != KindCommon || a.NPs[np].Conj >= 0 || a.NPs[np].ConjOf >= 0 {
		return -1
	}
	return np
}

// floats: token k, before the verb group starting at first, stands
// between a subject and its verb without being either: an adverb, a
// closing mark just before the verb, a floating quantifier ("They both
// welcomed").
func (a *Analysis) floats(k, first int, s parser.Sentence) bool {
	if a.isAdverb(k) && !a.Is(k, Coordinator) || a.Tag(k) == "''" && k == first-1 {
		// "nor" is a negation that coordinates: "will neither raise taxes
		// nor cut pensions"
		return true
	}
	return a.Is(k, Quantifier) && a.NPAt[k] < 0 && k > s.First && a.npEnding(k-1) >= 0
}

// pastScareQuote steps back over a quotation of one to three words ending
// at the closing mark k, or stops.
func (a *Analysis) pastScareQuote(k int, s parser.Sentence) (int, bool) {
	q := -1
	if k > s.First {
		q = a.Doc.Tokens[k-1].Quote
	}
	if q < 0 {
		return 0, true
	}
	j, words := k-1, 0
	for j >= s.First && a.Doc.Tokens[j].Quote == q {
		if !isPunctText(a.Words[j]) {
			words++
		}
		j--
	}
	if words > 3 || j < s.First {
		return 0, true
	}
	return j - 1, false // past the opening mark
}

func isPunctText(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// skipInserted jumps from a comma to the comma before an inserted phrase
// or clause ("X, who visited Y, said"; "X, the minister of Y, said"; "X,
// Lopez said, would …"; "X, as expected, said"), or reports that what
// stands before the comma is no insertion (a list, a clause of its own).
func (a *Analysis) skipInserted(k int, s parser.Sentence) (int, bool) {
	for c := k - 1; c >= s.First && c > k-36; c-- {
		if a.Words[c] != "," || a.placeComma(c) {
			continue // "Ann Lee, a nurse from Dayton, Ohio, said": inside a place
		}
		ins := a.isInsertion(c+1, k-1)
		if !ins && a.placeDescription(c, k) {
			continue // "…, facing a race in Maine, a rural state, said"
		}
		if ins {
			if j := c - 1; j >= 2 && a.Tag(j) == "CD" && len(a.Words[j]) <= 3 && a.Punct(j-1, ",") && a.personBefore(j) >= 0 {
				return j - 2, false // "Jill Chase, 27, a nurse, said": past the age too
			}
			if e := a.longerInsertion(c, k, s); e >= 0 {
				return e, false
			}
			return c - 1, false
		}
		return 0, true
	}
	return 0, true
}

// reflexiveApposition: tokens [from, to] are an emphatic reflexive and a
// noun phrase with no verb of its own ("herself a supporter of the mayor").
func (a *Analysis) reflexiveApposition(from, to int) bool {
	w := a.Low[from]
	if !strings.HasSuffix(w, "self") && !strings.HasSuffix(w, "selves") || a.npStarting(from+1) < 0 {
		return false
	}
	for k := from + 1; k <= to; k++ {
		if a.VGAt[k] >= 0 {
			return false
		}
	}
	return true
}

// appositionWithRelative: tokens [from, to], after a comma that follows a
// noun phrase, are an indefinite noun phrase and a relative clause on it,
// an apposition to the noun phrase before ("…, a group that has sued to
// obtain records,").
func (a *Analysis) appositionWithRelative(from, to int) bool {
	np := a.npStarting(from)
	if np < 0 || !a.Punct(from-1, ",") || a.npEnding(from-2) < 0 || !a.Is(from, Determiner) {
		return false
	}
	r := a.NPs[np].Last + 1
	return r < to && (a.Is(r, Relative) || a.Low[r] == "that") && a.VGAt[r+1] >= 0 // a subject relative: "a group that has sued"
}

// longerInsertion: the insertion that ends before the comma at k and
// starts after the comma at c follows a place ("Ann Lee, who grew up in
// Dayton, Ohio, in the 1990s, said"): when an earlier comma opens a
// longer insertion that follows no place, the token before that comma;
// else -1.
func (a *Analysis) longerInsertion(c, k int, s parser.Sentence) int {
	if !a.placeEndsAt(c - 1) {
		return -1
	}
	if np := a.npStarting(c + 1); np >= 0 && isNaming(&a.NPs[np]) && a.namesEnd(np) == k-1 {
		return -1 // "Two members from Iowa, A and B, have said": the names of the group, the place its own
	}
	for e := c - 1; e >= s.First && e > k-36; e-- {
		if a.Words[e] != "," || a.placeComma(e) {
			continue
		}
		if !a.placeEndsAt(e-1) && (a.isInsertion(e+1, k-1) || a.isInsertion(e+1, c-1)) {
			return e - 1 // one long insertion, or two in a row: "Ann Lee, a rabbi in Hollywood, Fla., helping …, said"
		}
	}
	return -1
}

// placeEndsAt: a place ends at token j, or at the token before the dot
// of a state's short form there ("Flint, Mich.").
func (a *Analysis) placeEndsAt(j int) bool {
	p := a.npEnding(a.pastStateDot(j))
	return p >= 0 && a.NPs[p].Kind == KindPlace
}

// placeDescription: the tokens between the comma at c and the comma at k
// describe the place before c ("in Iowa, a swing state,"): part of a
// longer insertion, not one of their own.
func (a *Analysis) placeDescription(c, k int) bool {
	n := a.npStarting(c + 1)
	return n >= 0 && a.NPs[n].Last == k-1 && a.Is(c+1, Determiner) && a.NPs[n].Kind == KindCommon && a.placeEndsAt(c-1)
}

// placeComma: the comma at c joins a town and its state or country
// ("Dayton, Ohio", "Flint, Mich.", "Lyon, France"): inside one place, not
// between two phrases. The town is a place that is no state or country,
// or a name after a word of place ("in Englewood, New Jersey"); the state
// or country after the comma ends its phrase.
func (a *Analysis) placeComma(c int) bool {
	if !a.Punct(c, ",") {
		return false
	}
	left, right := a.npEnding(c-1), a.npStarting(c+1)
	if left < 0 || right < 0 || a.NPs[right].Kind != KindPlace || a.NPs[right].Conj >= 0 {
		return false
	}
	if l := &a.NPs[left]; !(l.Kind == KindPlace || isNaming(l) && a.Is(l.First-1, Locative)) || a.isStateOrCountry(left) {
		return false // not "Ohio, Texas and Utah" or "Peru, Chile and Bolivia": a list
	}
	if !a.In(lexicon.StateAbbreviations, c+1) && !a.isRegionOrCountry(right) {
		return false
	}
	k := a.NPs[right].Last + 1
	if a.Punct(k, ".") && a.In(lexicon.StateAbbreviations, c+1) {
		k++
	}
	return k >= len(a.Words) || a.Punct(k, ",") || a.Punct(k, ".") || a.Punct(k, ")") || a.Punct(k, ";") || isDash(a.Words[k])
}

// isStateOrCountry: place NP n is a country, or a name whose likeliest
// place is a first-level division ("Ohio", not "Istanbul", which is a
// province too).
func (a *Analysis) isStateOrCountry(n int) bool {
	np := &a.NPs[n]
	if a.In(lexicon.Places, np.First) {
		return true
	}
	e, ok := gazetteer.BestPlace(a.Text(np.First, np.Last))
	return ok && e.Kind == gazetteer.Region
}

// isRegionOrCountry: place NP n is a first-level division (a state, a
// province) or a country.
func (a *Analysis) isRegionOrCountry(n int) bool {
	np := &a.NPs[n]
	if a.In(lexicon.Places, np.First) {
		return true
	}
	es, _ := gazetteer.Place(a.Text(np.First, np.Last))
	for _, e := range es {
		if e.Kind == gazetteer.Region {
			return true
		}
	}
	return false
}

// isInsertion: tokens [from, to], set off by commas, are a relative
// clause, an apposition of the NP before them, an attribution, or a short
// adverbial phrase.
func (a *Analysis) isInsertion(from, to int) bool {
	if from > to {
		return false
	}
	switch {
	case a.Is(from, Relative):
		return true
	case a.isParenthetical(from, to):
		return true
	case a.describesName(from, to):
		return true // "Kenji Mori, a surgeon who advised the mayor …, said"
	case a.reflexiveApposition(from, to):
		return true // "Ruiz, herself a supporter of the mayor, said"
	case a.appositionWithRelative(from, to), a.nonFiniteWithReason(from, to):
		// "Tom Hale, the president of Civic Watch, a group that has sued
		// …, said"; "Ann Lee, speaking on condition of anonymity because
		// she was not authorized to comment, said"
		return true
	case a.finiteBetween(from, to):
		return false
	case a.nonFinitePhrase(from, to):
		return true // "Ann Lee, wearing a campaign shirt, said", "the office, when contacted, said"
	case a.restatedShare(from, to):
		return true // "A third of voters, 33%, say"
	}
	if np := a.npStarting(from); np >= 0 && (isNaming(&a.NPs[np]) || a.NPs[np].Kind == KindOrg) && a.npEnding(from-2) >= 0 && a.ppChain(a.namesEnd(np)+1, to) {
		// "The author of the book, Ann Lee, said", "Another pollster, Ann
		// Lee of Emory University, said", "Two members, Ann Lee and Tom
		// Hale, have said"
		return true
	}
	if np := a.npStarting(from); np >= 0 && a.NPs[np].ApposOf >= 0 {
		return true
	}
	if a.determinerDescription(from, to) || a.describesName(from, to) || a.partOfGroup(from) {
		return true
	}
	// A prepositional phrase ("under the joint efforts of both sides"),
	// an adverb or an as-phrase: short, and with no verb of its own.
	t := a.Tag(from)
	return t == "IN" && to-from < 16 || (t == "RB" || a.Is(from, As)) && to-from < 6
}

// namesEnd: the last token of NP n and the names coordinated with it
// ("Ann Lee and Tom Hale").
func (a *Analysis) namesEnd(n int) int {
	for {
		c := a.NPs[n].Conj
		if c < 0 || !isNaming(&a.NPs[c]) {
			return a.NPs[n].Last
		}
		n = int(c)
	}
}

// determinerDescription: "Gen. Carl Dorsey, the army chief of staff,
// said", "Paul Ruiz, a policy-focused conservative, insists": a
// description of the name before the comma, opened by a determiner, with
// no verb of its own (a noun phrase, or words of one the chunker missed).
func (a *Analysis) determinerDescription(from, to int) bool {
	d := from
	if a.Tag(d) == "RB" && a.Is(d+1, Determiner) {
		d++ // "The paper, long a vocal advocate of the reform, writes"
	}
	if !a.Is(d, Determiner) || to-d >= 16 || a.npStarting(d) < 0 && !a.nominalRun(d+1, to) || to-d >= 10 && !a.nounsAndPrepositions(d, to) {
		return false
	}
	before := a.npEnding(a.pastPartyCode(from - 2))
	return before >= 0 && a.Punct(from-1, ",") && (isNaming(&a.NPs[before]) || a.describesInsertion(before) || a.opensSentence(before))
}

// opensSentence: NP n, no time, is the first words of its sentence's
// body, where the subject stands: a description set off after it
// describes the subject ("The council, a vocal advocate of the reform,
// writes …").
func (a *Analysis) opensSentence(n int) bool {
	np := &a.NPs[n]
	if _, ok := a.TimeCovering(np.First); ok || np.Kind == KindPronoun {
		return false
	}
	return np.First == a.Sents[a.Doc.Tokens[np.First].Sentence].Body
}

// nounsAndPrepositions: tokens [from, to] are words of noun phrases,
// prepositions and coordinators only, no verb or comma: a long
// description ("an aviation consulting firm and charter broker for
// companies and families").
func (a *Analysis) nounsAndPrepositions(from, to int) bool {
	for k := from; k <= to; k++ {
		if a.VGAt[k] >= 0 || a.NPAt[k] < 0 && !(a.Tag(k) == "IN" && !a.Is(k, Subordinator) || a.Is(k, Coordinator) || a.Tag(k) == "POS") {
			return false
		}
	}
	return true
}

// nominalRun: tokens [from, to] are words of a noun phrase the chunker
// did not make one: adjectives, nouns, participles used as adjectives
// and numbers ("a policy-focused conservative"), no verb group.
func (a *Analysis) nominalRun(from, to int) bool {
	if from > to {
		return false
	}
	for k := from; k <= to; k++ {
		t := a.Tag(k)
		if a.VGAt[k] >= 0 && t != "VBN" && t != "VBG" || !(isNominalTag(t) || strings.HasPrefix(t, "JJ") || t == "VBN" || t == "VBG" || t == "CD") {
			return false
		}
	}
	return true
}

// describesInsertion: NP n, before a comma, is the last noun phrase of a
// description set off after a name, which the determiner phrase after
// the comma describes in turn: "Ann Lee, chief executive of Civic Data, a
// Lisbon company, said" (the company is Civic Data's).
func (a *Analysis) describesInsertion(n int) bool {
	np := &a.NPs[n]
	if np.Kind == KindRole && np.ApposOf >= 0 {
		return true // "chief executive of Civic Data", apposed to the name before it
	}
	if np.Kind != KindOrg && np.Kind != KindName || a.finiteBetween(np.First-12, np.First) {
		return false
	}
	for c := np.First - 1; c >= 0 && c > np.First-12 && a.sameSentence(c, np.First); c-- {
		if a.Punct(c, ",") {
			return a.describesName(c+1, np.Last)
		}
	}
	return false
}

// nonFiniteWithReason: tokens [from, to] are a participial phrase whose
// finite verbs are all inside a clause opened by a subordinator: "speaking
// on condition of anonymity because they had no leave to talk about
// it", "citing the rules, which bar …" is not one (a relative clause).
func (a *Analysis) nonFiniteWithReason(from, to int) bool {
	v := a.VGAt[from]
	if to-from > 24 || v < 0 || a.VGs[v].First != from || a.VGs[v].Form != Gerund && a.VGs[v].Form != Participle {
		return false
	}
	for k := from + 1; k <= to; k++ {
		if a.Is(k, Subordinator) && a.Tag(k) == "IN" {
			return a.finiteBetween(k+1, to) && !a.finiteBetween(from, k-1)
		}
		if a.Punct(k, ",") || a.isQuoteMark(k) {
			return false
		}
	}
	return false
}

// restatedShare: tokens [from, to], set off by commas after a noun
// phrase, are a share that restates it as a number: "a third of voters,
// 33%, say", "just under a fifth, 19 percent, say".
func (a *Analysis) restatedShare(from, to int) bool {
	np := a.npStarting(from)
	if np < 0 || a.NPs[np].Last != to || a.Tag(from) != "CD" || !a.Punct(from-1, ",") || a.npEnding(from-2) < 0 {
		return false
	}
	h := a.NPs[np].Head
	return strings.HasSuffix(a.Words[h], "%") || a.In(lexicon.ShareNouns, h)
}

// partOfGroup: the insertion at from says which group the name before the
// comma belongs to: "Ada Fisher, one of the delegates, said", "Lee, one
// of only a handful of members, said" (a quantity and "of").
func (a *Analysis) partOfGroup(from int) bool {
	if !(a.Is(from, Quantifier) || a.Tag(from) == "CD") || !a.Is(from+1, Genitive) || !a.Punct(from-1, ",") {
		return false
	}
	before := a.npEnding(a.pastPartyCode(from - 2)) // "Sen. Ann Lee (D-Ga.), one of …"
	return before >= 0 && (a.NPs[before].Kind == KindName || a.NPs[before].Kind == KindTitled)
}

// ppChain: tokens [from, to] are nothing, or prepositional phrases: a
// preposition and a noun phrase, again and again ("of Emory University
// in Atlanta").
func (a *Analysis) ppChain(from, to int) bool {
	for k := from; k <= to; {
		if k = a.ppAt(k, to); k < 0 {
			return false
		}
	}
	return true
}

// ppAt: a preposition at k and its noun phrase, ending by token to: the
// token after the phrase, or -1 when none stands there.
func (a *Analysis) ppAt(k, to int) int {
	if a.Tag(k) != "IN" || a.Is(k, Complementizer) || a.Is(k, Subordinator) {
		return -1
	}
	n := a.npStarting(k + 1)
	if n < 0 || a.NPs[n].Last > to {
		return -1
	}
	return a.NPs[n].Last + 1
}

// nonFinitePhrase: tokens [from, to] are a short participial phrase,
// perhaps after a subordinator, with no finite verb ("wearing a campaign
// shirt", "when contacted by Reuters", "after meeting the envoy").
func (a *Analysis) nonFinitePhrase(from, to int) bool {
	if to-from > 12 {
		return false
	}
	k := from
	if a.Is(k, Subordinator) {
		k++
	}
	v := a.VGAt[k]
	return v >= 0 && a.VGs[v].First == k && (a.VGs[v].Form == Gerund || a.VGs[v].Form == Participle)
}

// describesName: tokens [from, to], set off by commas after a name, are
// a short description of that person with no verb of its own: an age
// ("Tom Bell, 49, said"), a party and state ("Jim Jordan, R-Ohio, said"),
// a possessive description ("Ann Lee, Ruiz's campaign manager, said") or
// a common noun phrase ("Ann Lee, spokeswoman for the ministry, said").
// Another name ("Smith, Jones and Brown") is a list, not a description.
func (a *Analysis) describesName(from, to int) bool {
	if !a.Punct(from-1, ",") {
		return false
	}
	before := a.personBefore(from - 2)
	if before < 0 {
		return false
	}
	if a.descriptionChain(from, to) {
		return true
	}
	if to-from >= 10 {
		return false
	}
	switch w := a.Words[from]; {
	case a.Tag(from) == "CD" && (from == to || to-from <= 2 && !a.Cap(to)): // "49", "49 years old"
		return true
	case isPartyCode(w) && (from == to || from+1 == to && a.Words[to] == "."), // "R-S.C." split from its dot
		from+2 == to && len(w) == 1 && IsCap(w) && isDash(a.Words[from+1]):
		return true
	}
	np := a.npStarting(from)
	if np < 0 {
		return false
	}
	n := &a.NPs[np]
	if n.PossessorOf >= 0 {
		return a.isDescription(&a.NPs[n.PossessorOf])
	}
	if d := a.npEnding(to); d >= 0 && d != np && a.NPs[d].Possessor >= 0 && a.NPs[a.NPs[d].Possessor].First >= from &&
		a.isDescription(&a.NPs[d]) && a.ppChain(n.Last+1, a.NPs[a.NPs[d].Possessor].Last) {
		return true // "Ann Lee, Friends of the Park's executive director, said"
	}
	return !isNaming(n) && a.isDescription(n) && n.Last >= to-4
}

// personBefore is the name or titled name ending at token k, past an "of"
// or "from" phrase naming its place ("Rep. Tom Cole of Oklahoma") or an
// age set off by commas ("Jill Chase, 27, a nurse, said"), or -1.
func (a *Analysis) personBefore(k int) int {
	before := a.npEnding(a.pastPartyCode(k))
	if before < 0 && k >= 2 && a.Tag(k) == "CD" && len(a.Words[k]) <= 3 && a.Punct(k-1, ",") {
		if name := a.npEnding(k - 2); name >= 0 && isNaming(&a.NPs[name]) {
			return name
		}
	}
	if before < 0 {
		return -1
	}
	if isNaming(&a.NPs[before]) {
		return before
	}
	if n := &a.NPs[before]; n.Kind == KindPlace || n.Kind == KindOrg {
		if p := n.First - 1; p > 0 && (a.Is(p, Genitive) || a.Is(p, Source)) {
			if name := a.npEnding(p - 1); name >= 0 && isNaming(&a.NPs[name]) {
				return name
			}
		}
	}
	return -1
}

// descriptionChain: tokens [from, to] are a description of a person with
// no verb of its own, however long its chain of prepositional phrases: a
// role or a common noun phrase, then "of", "at", "for", "in" … and more
// noun phrases ("director of the Center for Cities and Trade at the
// Halden Institute of Policy at Norvik University").
func (a *Analysis) descriptionChain(from, to int) bool {
	np := a.descriptionStart(from)
	if np < 0 || to-from > 34 {
		return false
	}
	for k := a.NPs[np].Last + 1; k <= to; {
		switch t := a.Tag(k); {
		case a.Is(k, Relative) && k > from:
			// "a surgeon who advised the mayor on …": a relative clause
			// ends the description
			for j := k + 1; j <= to; j++ {
				if a.isQuoteMark(j) || a.Punct(j, ",") {
					return false
				}
			}
			return true
		case a.placeComma(k), a.Punct(k, ".") && a.In(lexicon.StateAbbreviations, k-1):
			k++ // "a nurse from Dayton, Ohio", "from Flint, Mich."
		case a.VGAt[k] >= 0 || a.isQuoteMark(k) || a.Punct(k, ","):
			return false
		case a.NPAt[k] >= 0:
			k = a.NPs[a.NPAt[k]].Last + 1
		case t == "IN" || t == "TO" || t == "CC" || t == "POS" || t == "DT" || t == "JJ" || t == "NNP" || t == "NN" || t == "NNS" || t == "CD":
			k++
		default:
			return false
		}
	}
	return true
}

// descriptionStart is the noun phrase a description of a person starts
// with at from, or -1: a role or a common noun phrase, after a participle
// used as an adjective ("ranking member of the committee"), or a
// capitalised noun phrase after "a" or "an", which describes and names no
// one ("a Michigan Republican who led …").
func (a *Analysis) descriptionStart(from int) int {
	if np := a.npStarting(from); np >= 0 {
		if n := &a.NPs[np]; isNaming(n) || !(n.Kind == KindRole || n.Kind == KindCommon) {
			return -1
		}
		return np
	}
	switch {
	case a.Tag(from) == "VBG" && a.VGAt[from] >= 0 && a.VGs[a.VGAt[from]].Last == from:
		if np := a.npStarting(from + 1); np >= 0 && (a.NPs[np].Kind == KindRole || a.NPs[np].Kind == KindCommon) {
			return np
		}
	case a.Low[from] == "a" || a.Low[from] == "an":
		if np := a.npStarting(from + 1); np >= 0 && a.NPs[np].Kind == KindName {
			return np
		}
	}
	return -1
}

// pastPartyCode: when the tokens ending at k are a party code set off by
// a comma (", R-S.C." or ", D-Calif"), the token before that comma, so
// that the name before the code is found ("Sen. Ana Ruiz, R-S.C., a
// candidate, said"); else k.
func (a *Analysis) pastPartyCode(k int) int {
	if k >= 2 && a.Words[k] == ")" {
		// "Rep. Ann Lee (D-Ore.), chair of …": a party or state in
		// parentheses right after the name
		for o := k - 1; o >= 0 && o >= k-5; o-- {
			if a.Words[o] == "(" {
				if o > 0 && a.npEnding(o-1) >= 0 && isNaming(&a.NPs[a.npEnding(o-1)]) {
					return o - 1
				}
				break
			}
		}
	}
	if k >= 1 && a.Words[k] == "." && isPartyCode(a.Words[k-1]) {
		k--
	}
	if k >= 2 && isPartyCode(a.Words[k]) && a.Punct(k-1, ",") {
		return k - 2
	}
	return k
}

// inPartyParens: token k is inside (or a mark of) a party code in
// parentheses right after a name: "Sen. Ann Lee (R-Iowa)", "(D-N.Y.)".
func (a *Analysis) inPartyParens(k int) bool {
	o := -1
	for j := k; j >= 0 && j >= k-4; j-- {
		if a.Words[j] == "(" {
			o = j
			break
		}
		if a.Words[j] == ")" && j < k {
			return false
		}
	}
	if o < 1 || o+1 >= len(a.Words) || !isPartyCode(a.Words[o+1]) {
		return false
	}
	c := -1
	for j := o + 2; j < len(a.Words) && j <= o+4; j++ {
		if a.Words[j] == ")" {
			c = j
			break
		}
	}
	if c < k {
		return false
	}
	n := a.npEnding(o - 1)
	return n >= 0 && isNaming(&a.NPs[n])
}

// isPartyCode: a capital letter, a hyphen and a capitalised word: "R-Ohio",
// "D-N.Y.", "I-Vt." (a US party and state, by its shape).
func isPartyCode(w string) bool {
	return len(w) > 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// isParenthetical: tokens [from, to] are an attribution inserted in a
// clause: "Lopez said", "said Lopez", "he added".
func (a *Analysis) isParenthetical(from, to int) bool {
	if np := a.npStarting(from); np >= 0 {
		v := a.VGAt[a.NPs[np].Last+1]
		return v >= 0 && a.isCue(a.VGs[v].Head) && a.hearerAndPhrases(a.VGs[v].Last+1, to)
	}
	if v := a.VGAt[from]; v >= 0 && a.isCue(a.VGs[v].Head) {
		np := a.npStarting(a.VGs[v].Last + 1)
		return np >= 0 && a.NPs[np].Last == to
	}
	return false
}

// hearerAndPhrases: tokens [from, to] (none at all, when from > to) are
// what may follow the cue of an inserted attribution: a hearer and
// prepositional phrases ("…, Ruiz told state television on Monday, …").
func (a *Analysis) hearerAndPhrases(from, to int) bool {
	if from > to {
		return true
	}
	if n := a.npStarting(from); n >= 0 && a.NPs[n].Last <= to {
		from = a.NPs[n].Last + 1
	}
	for from <= to {
		if t, ok := a.TimeAt(from); ok && t.Last <= to && t.Last >= from {
			from = t.Last + 1 // "on Monday"
			continue
		}
		if from = a.ppAt(from, to); from < 0 {
			return false
		}
	}
	return true
}

// finiteBetween: a finite verb group in tokens [from, to].
func (a *Analysis) finiteBetween(from, to int) bool {
	if c := a.finiteBefore; c != nil {
		from, to = max(from, 0), min(to, len(c)-2)
		return from <= to && c[to+1] > c[from]
	}
	for k := from; k <= to; k++ {
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Predicate() {
			return true
		}
	}
	return false
}

// timeEndingAt returns the first token of a time expression ending at k, or -1.
func (a *Analysis) timeEndingAt(k int) int {
	for b := k; b >= 0 && b > k-5; b-- {
		if t, ok := a.TimeAt(b); ok && t.Last == k {
			return b
		}
	}
	return -1
}

// relativeSubject: "Motegi, a former minister, who took part in talks":
// the subject is the NP the relative clause is about.
func (a *Analysis) relativeSubject(vg *VG, k int, s parser.Sentence) {
	j := k - 1
	if a.Punct(j, ",") {
		j--
	}
	for ; j >= s.First && j > k-12; j-- {
		if np := a.npEnding(j); np >= 0 {
			n := &a.NPs[np]
			if n.ApposOf >= 0 && a.NPs[n.ApposOf].First < n.First {
				np = int(n.ApposOf)
			}
			vg.Subject, vg.Rel = int32(np), int32(np)
			return
		}
		if a.Words[j] == "," {
			continue
		}
	}
}

// conjunctAt: token k, right before verb group i, ends what opens a
// conjunct the way "and" does: a coordinator of several words ("… as
// well as extend the deal"), a comma of a list of verb phrases ("would
// share data, restore flights and open …").
func (a *Analysis) conjunctAt(i, k int, s parser.Sentence) bool {
	return k == a.VGs[i].First-1 && (a.coordinatorEnding(k) >= 0 || a.listConjunct(i, k, s))
}

// coordinatorEnding returns the first token of a coordinator of two or
// more words that ends at token k ("as well as"), or -1.
func (a *Analysis) coordinatorEnding(k int) int {
	for n := 2; n <= 3; n++ {
		if c := k - n + 1; c >= 0 && a.RoleLen(c, Coordinator) == n {
			return c
		}
	}
	return -1
}

// listConjunct: verb group i is a bare base verb after the comma at token
// k that goes on a list of verb phrases ("would share data, restore
// flights and open its archives", "to fund X, restore Y and train Z"):
// the verb group before it is a base verb after a modal or "to", or
// another such conjunct, and a coordinator later in the clause opens the
// list's last conjunct, a bare base verb.
func (a *Analysis) listConjunct(i, k int, s parser.Sentence) bool {
	vg := &a.VGs[i]
	if !a.Punct(k, ",") || !a.bareVerb(vg) || i == 0 {
		return false
	}
	prev := &a.VGs[i-1]
	if prev.First < s.First || a.InQuote(prev.Head) != a.InQuote(vg.Head) ||
		prev.Form != Infinitive && (prev.Modal == "" || a.Tag(prev.Head) != "VB") {
		return false
	}
	for j := vg.Last + 1; j <= s.Last; j++ {
		if w := a.VGAt[j]; w >= 0 {
			c := a.VGs[w].First - 1
			if a.Punct(c, ",") {
				c--
			}
			return a.bareVerb(&a.VGs[w]) && (a.RoleLen(c, Coordinator) == a.VGs[w].First-c || a.Punct(a.VGs[w].First-1, ","))
		}
		if a.Punct(j, ";") || a.Punct(j, ":") {
			return false
		}
	}
	return false
}

// coordinatorBefore: token k is a coordinator right before verb group i
// ("and said"), or before adverbs and a speech verb that goes on with the
// reporting verb ("and also warned").
func (a *Analysis) coordinatorBefore(i, k int, s parser.Sentence) bool {
	n := a.RoleLen(k, Coordinator)
	if n == 0 {
		return false
	}
	first := a.VGs[i].First
	// "and also warned", "and boldly claiming that …"
	// "and then tweeted that …", "but then announced that …"
	return n == first-k || a.onlyAdverbs(k+n, first) && (a.reportingVerbBefore(i, s) >= 0 || a.VGs[i].Form == Gerund || a.In(lexicon.SpeechVerbs, a.VGs[i].Head))
}

// onlyAdverbs: tokens from through to-1 are adverbs, or none ("and also
// warned", "and then pointed out"); past them a speech verb goes on with
// the reporting verb.
func (a *Analysis) onlyAdverbs(from, to int) bool {
	for k := from; k < to; k++ {
		if !a.isAdverb(k) || a.In(lexicon.Negations, k) {
			return false
		}
	}
	return from <= to
}

// bareVerb: a verb group of one base verb, without modal or "to".
func (a *Analysis) bareVerb(vg *VG) bool {
	return vg.Modal == "" && vg.First == vg.Head && a.Tag(vg.Head) == "VB"
}

// coordinatedSubject: "X underscored …, and said that …": the subject of
// the finite verb group before, in the same sentence.
func (a *Analysis) coordinatedSubject(i int, s parser.Sentence) {
	vg := &a.VGs[i]
	if vg.Form == Participle {
		vg.Form, vg.Tense = Finite, Past // "… and called for …": the tagger's VBN is a past tense
	}
	if p := a.coordinatedInfinitive(i, s); p >= 0 {
		// "to support and encourage this process": a bare verb after an
		// infinitive is a second infinitive, with its subject.
		vg.Form, vg.Tense, vg.Coord, vg.Subject, vg.Inverted = Infinitive, NoTense, int32(p), a.VGs[p].Subject, false
		return
	}
	p := a.coordinatedWith(i, s)
	if p >= 0 {
		prev := &a.VGs[p]
		if prev.Subject < 0 && prev.Coord < 0 {
			a.commaListPredicate(p, s)
		}
		vg.Coord = int32(p)
		vg.Subject, vg.Inverted = prev.Subject, false
		if vg.Modal == "" && vg.First == vg.Head && a.Tag(vg.Head) == "VB" {
			// "would recognise X and keep Y": the modal goes on.
			vg.Modal, vg.Tense = prev.Modal, prev.Tense
			if c := vg.First - 1; a.Low[c] == "nor" && !vg.Negated {
				vg.Negated, vg.NegTok = true, c // "will neither raise taxes nor cut pensions"
			}
		}
	}
}

// commaListPredicate: verb group p, after a comma, is the middle of a
// list of predicates ending in "and" ("he looked into the camera,
// furrowed his brow and said …"): it shares the subject of the finite
// verb group before the comma, when only its object or phrases stand
// between them.
func (a *Analysis) commaListPredicate(p int, s parser.Sentence) {
	vg := &a.VGs[p]
	if p == 0 || vg.Form != Finite || !a.Punct(vg.First-1, ",") {
		return
	}
	prev := &a.VGs[p-1]
	if prev.First < s.First || prev.Form != Finite || prev.Tense != vg.Tense || prev.Subject < 0 || vg.First-prev.Last > 12 {
		return
	}
	for k := prev.Last + 1; k < vg.First-1; k++ {
		if a.Words[k] == "," || a.Is(k, Complementizer) || a.Is(k, Relative) || a.Is(k, Subordinator) || a.isQuoteMark(k) {
			return
		}
	}
	vg.Coord, vg.Subject = int32(p-1), prev.Subject
}

// coordinatedInfinitive: verb group i is a bare verb ("encourage", no
// modal, no "to") and the nearest verb group before it in the sentence is
// an infinitive, with no more than a short object between them ("to
// strengthen ties and deepen cooperation"); it returns that infinitive,
// else -1.
func (a *Analysis) coordinatedInfinitive(i int, s parser.Sentence) int {
	vg := &a.VGs[i]
	if vg.Modal != "" || vg.First != vg.Head || a.Tag(vg.Head) != "VB" || i == 0 {
		return -1
	}
	p := i - 1
	prev := &a.VGs[p]
	if prev.First < s.First || prev.Form != Infinitive || vg.First-prev.Last > 8 || a.InQuote(prev.Head) != a.InQuote(vg.Head) {
		return -1
	}
	for k := prev.Last + 1; k < vg.First; k++ {
		if a.Words[k] == "," && a.RoleLen(k+1, Coordinator) == 0 && k != vg.First-1 || a.Is(k, Subordinator) {
			return -1 // a comma, unless one of a list ("to fund X, restore Y and …")
		}
	}
	return p
}

// objectWithContent: verb group vg's object is a common noun with a
// content clause right after it ("rejected the idea that …", "dismissed
// concerns that …"): the verb reports a view, as a speech verb does.
func (a *Analysis) objectWithContent(vg *VG) bool {
	o := vg.Object
	if o < 0 || a.NPs[o].Kind != KindCommon || a.NPs[o].First != vg.Last+1 {
		return false
	}
	k := a.NPs[o].Last + 1
	return a.Is(k, Complementizer) && a.VGAt[k] < 0 && a.npStarting(k) < 0
}

// reportingVerbBefore: after ", and" or ", but", a past or present verb
// goes on with the speech verb of its tense that reports the clause before
// it, not with a verb of that clause ("X said the EU was ready to …, but
// gave no figure"; "She says buyers may not like it, but insists …"): the
// first finite speech verb of the sentence, or -1.
func (a *Analysis) reportingVerbBefore(i int, s parser.Sentence) int {
	vg := &a.VGs[i]
	c := vg.First - 1
	for c > s.First && a.isAdverb(c) && !a.In(lexicon.Negations, c) {
		c-- // "… and also warned …"
	}
	for c > s.First && a.Is(c, Coordinator) {
		c--
	}
	comma := a.Punct(c, ",")
	if !comma && !a.isCue(vg.Head) || vg.Tense != Past && vg.Tense != Present {
		return -1
	}
	lo, _ := a.VGsIn(s.First, s.Last)
	for p := lo; p < i; p++ {
		prev := &a.VGs[p]
		if prev.Form != Finite || prev.Tense != vg.Tense || a.InQuote(prev.Head) != a.InQuote(vg.Head) {
			continue
		}
		if !comma && (prev.Perfect != vg.Perfect || prev.Modal != vg.Modal) {
			return -1 // "X said they had met and had agreed …": the clause's own verbs
		}
		// "X said A, and added B"; without the comma a speech verb in
		// the reporting verb's tense: "X said A and said B", "X said A
		// but added B", "X said A and also warned B" (ClauseEnd ends A
		// there too).
		if (a.isCue(prev.Head) || a.objectWithContent(prev)) && a.finiteBetween(prev.Last+1, c-1) {
			return p
		}
		return -1 // the first finite verb of the sentence is no speech verb
	}
	return -1
}

// coordinatedWith finds the verb group that verb group i, after "and", is
// coordinated with: the nearest finite one before it in the sentence of
// the same tense ("X said that it is … and called for …": said), else the
// nearest; -1 when there is none.
func (a *Analysis) coordinatedWith(i int, s parser.Sentence) int {
	vg := &a.VGs[i]
	if p := a.reportingVerbBefore(i, s); p >= 0 {
		return p
	}
	if vg.Form == Gerund {
		// "acknowledging that X had won but warning that …": a
		// participle goes on with the participle before it
		for p := i - 1; p >= 0 && a.VGs[p].First >= s.First; p-- {
			if a.VGs[p].Form == Gerund && a.InQuote(a.VGs[p].First) == a.InQuote(vg.First) {
				return p
			}
		}
	}
	nearest := -1
	for p := i - 1; p >= 0 && a.VGs[p].First >= s.First; p-- {
		prev := &a.VGs[p]
		if prev.Form != Finite || a.InQuote(prev.First) != a.InQuote(vg.First) {
			continue
		}
		if nearest < 0 {
			nearest = p
		}
		if vg.Tense == NoTense || prev.Tense == vg.Tense || vg.Tag() == "VB" {
			return p
		}
	}
	if nearest < 0 && vg.Tense == Past {
		return a.pastReadAsParticiple(i, s)
	}
	return nearest
}

// pastReadAsParticiple: "X, a spokesman for Y, called on Z to … and said
// …": with no finite verb before it, a past tense after "and" goes on
// with a participle that has a subject of its own, is no relative clause
// and no passive, which the tagger read for a past tense; that verb
// group becomes one. The participle must follow the comma that closes a
// description of its subject. -1 when none stands before it.
func (a *Analysis) pastReadAsParticiple(i int, s parser.Sentence) int {
	vg := &a.VGs[i]
	for p := i - 1; p >= 0 && a.VGs[p].First >= s.First; p-- {
		prev := &a.VGs[p]
		if prev.Form != Participle || a.InQuote(prev.First) != a.InQuote(vg.First) {
			continue
		}
		if prev.Subject < 0 || prev.Rel >= 0 || prev.Passive || a.inRelative(prev) || !a.Punct(prev.First-1, ",") {
			return -1 // not "The deal signed in May and ratified in June expired"
		}
		prev.Form, prev.Tense = Finite, Past
		return p
	}
	return -1
}

// invertedSubject: "…, said Rice", "“…,” said the ministry": a verb after
// a comma or a quotation, the NP after it its subject.
func (a *Analysis) invertedSubject(vg *VG, s parser.Sentence) {
	if vg.Form != Finite || vg.Passive || !a.In(lexicon.SpeechVerbs, vg.Head) && !a.In(lexicon.ActVerbs, vg.Head) {
		return
	}
	p := vg.First - 1
	start := vg.First == s.First || vg.First == a.Sents[a.Doc.Tokens[vg.First].Sentence].Body
	if !(p >= s.First && (a.Words[p] == "," || a.isQuoteMark(p)) || start) {
		return
	}
	j := vg.Last + 1
	for j <= s.Last && a.isAdverb(j) {
		j++
	}
	o := a.invertedNP(j, s)
	if o < 0 || a.NPs[o].Kind == KindThing {
		return
	}
	if p := a.NPs[o].PossessorOf; p > int32(o) {
		o = int(p) // "…, said the company's chief executive": the one it has
	}
	if a.NPs[o].Kind == KindPronoun && !a.Is(a.NPs[o].First, Nominative) {
		return // "…, criticized him in public": an object, never a subject
	}
	// "Said Rice, “…”" opens with an inversion; "Said she had …" opens
	// with a clause whose speaker is the one quoted before.
	if end := a.NPs[o].Last + 1; start && !(a.Punct(end, ",") || a.Punct(end, ":") || a.isQuoteMark(end)) {
		return
	}
	// "…, said the exercises would go ahead": the NP opens a clause of
	// its own, which the verb reports.
	if v := a.VGAt[a.NPs[o].Last+1]; v >= 0 && a.VGs[v].First == a.NPs[o].Last+1 && a.VGs[v].Form == Finite {
		return
	}
	vg.Subject, vg.Inverted = int32(a.Conjuncts(o)[0]), true
}

// invertedNP: the noun phrase of an inverted subject at token j, past
// what the chunker left before it: an article or modifiers ("said a New
// Hampshire Republican", "said retired Army Lt. Gen. X"), and a body or
// place that only modifies the titled name after it ("Army Lt. Gen. X").
func (a *Analysis) invertedNP(j int, s parser.Sentence) int {
	k := j
	for k <= s.Last && k < j+3 && a.npStarting(k) < 0 {
		if t := a.Tag(k); t != "DT" && t != "JJ" && t != "VBN" {
			return -1
		}
		k++
	}
	o := a.npStarting(k)
	if o < 0 {
		return -1
	}
	if kind := a.NPs[o].Kind; kind == KindOrg || kind == KindPlace {
		if n := a.npStarting(a.NPs[o].Last + 1); n >= 0 && isNaming(&a.NPs[n]) {
			return n
		}
	}
	return o
}

// openerSubject: "Noting that …, Li said …", "Speaking to reporters, Li
// said": a participle opening the sentence has the main verb's subject.
func (a *Analysis) openerSubject(i int) {
	vg := &a.VGs[i]
	if vg.Form != Gerund || vg.Subject >= 0 {
		return
	}
	if c := vg.Coord; c >= 0 && a.VGs[c].Form == Gerund {
		vg.Subject = a.VGs[c].Subject // "admitting … but warning …": the first participle's
		return
	}
	s := a.Sentence(vg.First)
	if body := a.Sents[a.Doc.Tokens[vg.First].Sentence].Body; vg.First != body && vg.First != s.First && !a.openingPreposition(body, vg.First) {
		a.participleSubject(i, s)
		if vg.Subject >= 0 {
			return
		}
	}
	// The main clause starts after the comma that closes the opener.
	comma := -1
	for k := vg.Last + 1; k <= s.Last; k++ {
		if a.Words[k] == "," && !a.InQuote(k) {
			comma = k
			break
		}
	}
	if comma < 0 {
		return
	}
	for j := i + 1; j < len(a.VGs) && a.VGs[j].First <= s.Last; j++ {
		if next := &a.VGs[j]; next.First > comma && next.Form == Finite && next.Subject >= 0 && (a.NPs[next.Subject].First > comma || a.subjectBeforeOpener(vg.First, int(next.Subject))) {
			vg.Subject = next.Subject
			return
		}
	}
}

// subjectBeforeOpener: noun phrase np ends right before the comma that
// opens an insertion of a preposition and the participle at first ("X,
// after initially saying …, took …"): the insertion is about np.
func (a *Analysis) subjectBeforeOpener(first, np int) bool {
	for c := first - 1; c > 0 && c >= first-6; c-- {
		if a.Punct(c, ",") {
			return int(a.NPs[np].Last) == c-1 && a.openingPreposition(c+1, first)
		}
	}
	return false
}

// openingPreposition: tokens [body, first) open their sentence with a
// preposition or subordinator before the participle at first, perhaps
// with adverbs ("While saying …, X …", "Since announcing …", "In addition
// to stating …", "And in explaining …", "After initially saying …").
func (a *Analysis) openingPreposition(body, first int) bool {
	k := body
	if n := a.RoleLen(k, Coordinator); n > 0 {
		k += n
	}
	if first-k > 4 || k >= first || a.Tag(k) != "IN" && !a.Is(k, Subordinator) {
		return false
	}
	for j := k + 1; j < first; j++ {
		if t := a.Tag(j); t != "IN" && t != "TO" && t != "NN" && !a.isAdverb(j) {
			return false // "In addition to": a preposition's own words
		}
	}
	return true
}

// beforeParticiple: the token before the participle at first that
// tells what it follows, past adverbs ("…, eventually saying …"), a
// closing mark after a comma ("…,” adding that …") and an adverb set off
// by a comma ("…, only responding, …").
func (a *Analysis) beforeParticiple(first int, s parser.Sentence) int {
	before := first - 1
	for before > s.First && a.isAdverb(before) && a.VGAt[before] < 0 {
		before-- // "…, eventually saying …", "before optimistically predicting"
	}
	if before > s.First && a.isQuoteMark(before) && a.Punct(before-1, ",") {
		before-- // "… that Iran “has always had …,” adding that …"
	}
	if before > s.First && a.Tag(before) == "RB" && a.Punct(before-1, ",") {
		before-- // "…, only responding, “…”"
	}
	return before
}

// participleSubject: "…, he said, adding that …", "X underscored …,
// saying …", "she said after meeting …": a participle after a comma or a
// preposition has the subject of the finite verb group before it.
func (a *Analysis) participleSubject(i int, s parser.Sentence) {
	vg := &a.VGs[i]
	before := a.beforeParticiple(vg.First, s)
	if !a.Punct(before, ",") && !a.dashBefore(before, s) && !(before >= s.First && (a.Tag(before) == "IN" || a.Is(before, Subordinator))) || a.nominalGerund(before) {
		return
	}
	if inf := a.infinitiveBefore(before); inf >= 0 {
		vg.Subject = a.VGs[inf].Subject // "urged the minister to resign for saying …": the minister says
		return
	}
	// The nearest speech or act verb before it ("… he said, adding that"),
	// else the sentence's main verb: not one inside a clause of its own
	// ("X underlined that Y remains open, adding …" is X's).
	main := int32(-1)
	for p := i - 1; p >= 0 && a.VGs[p].First >= s.First; p-- {
		prev := &a.VGs[p]
		if !a.mainPredicate(prev) || a.InQuote(prev.Head) {
			continue
		}
		if a.In(lexicon.SpeechVerbs, prev.Head) || a.In(lexicon.ActVerbs, prev.Head) {
			vg.Subject = prev.Subject
			if r := a.reporterOf(p, s); r >= 0 {
				vg.Subject = a.VGs[r].Subject // "X says Y accepted …, asserting …" is X's
			}
			return
		}
		if !a.inRelative(prev) {
			main = prev.Subject
			if f := a.NPs[main].First; f > s.First && a.RoleLen(f-1, Coordinator) > 0 && f < prev.First {
				break // "X pivoted …, but Y brought him back …, asking …": the clause a coordinator opened is Y's
			}
		}
	}
	if main < 0 && a.Punct(before, ",") {
		main = a.insertedSubject(i, before, s)
	} else if main < 0 && before > s.First && a.Tag(before) == "IN" && a.Punct(before-1, ",") {
		main = a.insertedSubject(i, before-1, s) // "X, after initially saying …, said"
	}
	vg.Subject = main
}

// infinitiveBefore: the preposition at token before ("for", "by",
// "after") follows a to-infinitive with a subject (perhaps its object
// between): the gerund after it is the infinitive's adjunct. It returns
// that verb group, or -1.
func (a *Analysis) infinitiveBefore(before int) int {
	if before <= 0 || a.Tag(before) != "IN" || a.Is(before, Subordinator) {
		return -1
	}
	k := before - 1
	if np := a.npEnding(k); np >= 0 {
		k = a.NPs[np].First - 1
	}
	if k < 0 {
		return -1
	}
	v := a.VGAt[k]
	if v < 0 || a.VGs[v].Last != k || a.VGs[v].Form != Infinitive || a.VGs[v].Subject < 0 {
		return -1
	}
	return int(v)
}

// mainPredicate: verb group vg is finite with a subject, or a participle
// with one of its own that is no relative clause and no passive: a past
// tense the tagger read as a participle ("X, in an interview, barely
// dwelled on them, saying …").
func (a *Analysis) mainPredicate(vg *VG) bool {
	if vg.Subject < 0 {
		return false
	}
	return vg.Form == Finite || vg.Form == Participle && !vg.Passive && vg.Rel < 0 && !a.inRelative(vg)
}

// reporterOf: the say-verb whose content clause verb group p is in, with
// nothing but words between them ("X says Y accepted …"), or -1.
func (a *Analysis) reporterOf(p int, s parser.Sentence) int {
	for r := p - 1; r >= 0 && a.VGs[r].First >= s.First; r-- {
		vg := &a.VGs[r]
		if vg.Form != Finite || vg.Subject < 0 || a.InQuote(vg.Head) || !a.In(lexicon.SayVerbs, vg.Head) || a.inRelative(vg) {
			continue
		}
		for k := vg.Last + 1; k < a.VGs[p].First; k++ {
			if (a.Punct(k, ",") || isDash(a.Words[k]) || a.isQuoteMark(k)) && !a.InQuote(k) {
				return -1
			}
		}
		return r
	}
	return -1
}

// dashBefore: token k is a dash after the clause, which a participle
// continues as a comma would ("X changed her mind on the spot – saying
// …").
func (a *Analysis) dashBefore(k int, s parser.Sentence) bool {
	return k > s.First && isDash(a.Words[k]) && !a.InQuote(k)
}

// inRelative: verb group vg is the predicate of a relative clause: it
// is about a noun phrase (Rel), or its subject follows a relative word
// ("X -- whose husband signed the act -- has derided …").
func (a *Analysis) inRelative(vg *VG) bool {
	if vg.Rel >= 0 {
		return true
	}
	f := a.NPs[vg.Subject].First
	return f > 0 && a.Is(f-1, Relative)
}

// nominalGerund: the gerund after token before is a noun's complement or
// a clause's subject, not a participle of the sentence's subject: after
// "that" ("saying that cutting the subsidy hurt …") or after "of" that
// follows a common noun ("the cost of voting for it"; but "accused Lee of
// lying": the one accused, left to the sentence's subject).
func (a *Analysis) nominalGerund(before int) bool {
	if a.Is(before, Complementizer) {
		return true
	}
	np := a.npEnding(before - 1)
	return a.Is(before, Genitive) && np >= 0 && a.NPs[np].Kind == KindCommon
}

// insertedSubject: the participle of verb group i, after the comma at
// before, is set off inside its clause's subject and verb ("X, speaking
// to Y by phone, said …"): the subject of the first finite verb group
// after it, when the noun phrase before the comma is in that subject
// (participleSubject found no finite verb before); else -1.
func (a *Analysis) insertedSubject(i, before int, s parser.Sentence) int32 {
	np := a.npEnding(before - 1)
	if np < 0 {
		return -1
	}
	for j := i + 1; j < len(a.VGs) && a.VGs[j].First <= s.Last; j++ {
		next := &a.VGs[j]
		if next.Form != Finite {
			continue
		}
		if next.Subject >= 0 && a.NPs[next.Subject].First <= a.NPs[np].First {
			return next.Subject // no finite verb before: the noun phrase is in the subject
		}
		return -1
	}
	return -1
}

// InDescription reports whether token k is inside a description set off
// by a comma after a noun phrase, up to (not including) the comma or mark
// that closes it: the comma, an apposition ("Ana Ribeiro, an economist
// …") and a relative clause ("…, who is the director of …").
func (a *Analysis) InDescription(k int) bool {
	if k < 0 || k >= len(a.Words) {
		return false
	}
	if a.inPartyParens(k) {
		return true // "Sen. Ann Lee (R-Iowa) told …"
	}
	s := a.Sentence(k)
	for c := k; c >= s.First && c > k-40; c-- {
		if c < k && a.isQuoteMark(c) {
			return false
		}
		if !a.Punct(c, ",") {
			continue
		}
		return a.opensDescription(c)
	}
	return false
}

// opensDescription: the comma at c follows a noun phrase and opens its
// apposition or a relative clause on it.
func (a *Analysis) opensDescription(c int) bool {
	np := a.npEnding(c - 1)
	if np < 0 {
		return false
	}
	if next := a.npStarting(c + 1); next >= 0 {
		n := &a.NPs[next]
		if int(n.ApposOf) == np {
			return true
		}
		if n.PossessorOf >= 0 {
			n = &a.NPs[n.PossessorOf] // "Jenna Golden, Twitter's director of …,"
		}
		if isNaming(&a.NPs[np]) && (n.Kind == KindRole || n.Kind == KindCommon) && n.Last+1 < len(a.Words) && !a.Is(n.Last+1, Coordinator) {
			return true
		}
		if isNaming(&a.NPs[np]) && a.partyOfPlace(n) {
			return true
		}
	}
	// "…, one of the unions representing …": a member of a group
	return a.Is(c+1, Relative) || a.Tag(c+1) == "CD" && a.Is(c+2, Genitive) || a.isAge(np, c)
}

// partyOfPlace: NP n is one capitalised word, "of" and a place, set off
// by a comma: a legislator's party and state ("Tom Hale, Democrat of
// Tennessee, said").
func (a *Analysis) partyOfPlace(n *NP) bool {
	if n.Kind != KindName || n.First != n.Last || n.Last+2 >= len(a.Words) || a.Low[n.Last+1] != "of" {
		return false
	}
	p := a.npStarting(n.Last + 2)
	return p >= 0 && a.NPs[p].Kind == KindPlace && a.Punct(a.NPs[p].Last+1, ",")
}

// isAge: the comma at c, after a person's name, opens an age set off by
// commas: "Khizr Khan, 66, said …".
func (a *Analysis) isAge(np, c int) bool {
	if !isNaming(&a.NPs[np]) || c+2 >= len(a.Words) || !a.Punct(c+2, ",") {
		return false
	}
	w := a.Words[c+1]
	if len(w) > 3 || len(w) == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
