// Package entity turns the noun phrases of a clause.Analysis into
// entities — people, organisations, places, sources, pairs of people —
// and decides which entity each noun phrase means: names by their words,
// titles and roles by title, pronouns by gender and salience, "the two
// leaders" by the two people last named. It is the one place that decides
// who is who, for quotes, counterparts and pledges alike.
package entity

import (
	"sort"
	"strings"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/lexicon"
)

// Kind is what an entity is.
type Kind uint8

// The kinds of entity.
const (
	Person   Kind = iota
	Org           // an organisation or office
	Place         // a country or region
	Source        // a role or an unnamed source: "the Secretary General", "South Korean officials"
	Pair          // two people, or two parties: "the two leaders", "A and B"
	Document      // "the statement": speaks for whoever issued it
)

var kindNames = [...]string{"person", "org", "place", "source", "pair", "document"}

func (k Kind) String() string { return kindNames[k] }

// Entity is one person, institution, place, source or pair, with the
// noun phrases that mean it.
type Entity struct {
	Kind        Kind
	Name        string // canonical: the fullest form the article gives
	Title       string
	TitleCore   string // the title's modifiers and head, lower-case ("prime minister")
	Affiliation string
	Gender      byte     // 'm', 'f' or 0
	Lean        byte     // when Gender is 0: the sex a name given to both mostly goes to ('m', 'f'), else 0
	Aliases     []string // surface forms, in order of appearance
	Mentions    []int    // NP indexes, in order
	Members     []int    // a pair's two entities
	Subject     bool     // the subject of a verb at least once
	Plural      bool
	City        bool   // a city or region: a place, never a party or speaker
	Head        string // a source's head noun ("ministry", "officials")

	words      []string // lower-case name words, each once
	display    string   // an organisation's or place's name as the article writes it
	nameGender bool     // Gender and Lean come from the given-name lists, not from the text
	mergedInto int      // 1 + the person a role was merged into
}

// Set is the entities of one document and what each NP means.
type Set struct {
	A    *clause.Analysis
	Ents []Entity
	ofNP []int32 // NP → entity, or -1

	byWord        map[string][]int // name word, last word or title head → entities
	byName        map[key]int      // organisations, places, sources by name
	byAffiliation map[string][]int
	pairs         map[[2]int]int
	groups        map[string]int // three or more parties together (GroupOf)
	subjectNP     []bool
	// conjunctSubjectNP: the NP is one of two or more coordinated
	// subjects ("Ivana Petrović and Yuki Tanabe met …").
	conjunctSubjectNP []bool
	// speechSubjectNP: the noun phrase is the subject of a speech verb
	// ("many speakers at the service said …").
	speechSubjectNP []bool
	// sayerNP: the noun phrase is the subject of a say-like verb with a
	// clause ("the organizer said the rules …"), which only someone is.
	sayerNP []bool
	// objectNP: for the subject of a verb group, that group's object
	// (-1 when none): "The president praised President X" is not X.
	objectNP     []int32
	subjectNames map[string]bool // lower-cased last words of names that are a subject somewhere
	// Why records, for readout explain, how each pronoun and role noun
	// was resolved: NP → the candidates weighed and the pick.
	Why map[int]Decision
	// officePairs: a definite plural title ("the foreign ministers") →
	// the pair of office holders it stands for as a party (OfficePair).
	officePairs map[int]int
}

// OfficePair is the pair a definite plural title, np, stands for as the
// parties of an exchange ("a meeting between the foreign ministers"):
// the two people last named, when they hold that office; else the two
// countries of the people last named. -1 when np is no such title or
// nobody fits. The NP itself still means the source as written (what
// it says or pledges is the office's, "the Foreign Secretaries would …").
func (s *Set) OfficePair(np int) int {
	if e, ok := s.officePairs[np]; ok {
		return e
	}
	return -1
}

// Decision is how one NP was resolved.
type Decision struct {
	Candidates []int  // entities considered, most likely first
	Pick       int    // the entity chosen, or -1
	Reason     string // why
}

type key struct {
	kind Kind
	name string
}

// Of returns the entity NP np means, or -1.
func (s *Set) Of(np int) int {
	if np < 0 || np >= len(s.ofNP) {
		return -1
	}
	return int(s.ofNP[np])
}

// Resolve finds the entities of an analysis, left to right, so that a
// pronoun or role noun means what a reader would take it to mean at that
// point.
func Resolve(a *clause.Analysis) *Set {
	s := &Set{A: a, ofNP: make([]int32, len(a.NPs)), byWord: map[string][]int{}, byName: map[key]int{},
		byAffiliation: map[string][]int{}, pairs: map[[2]int]int{}, Why: map[int]Decision{}}
	s.subjectNP = make([]bool, len(a.NPs))
	s.conjunctSubjectNP = make([]bool, len(a.NPs))
	s.speechSubjectNP = make([]bool, len(a.NPs))
	s.sayerNP = make([]bool, len(a.NPs))
	s.objectNP = make([]int32, len(a.NPs))
	for i := range s.objectNP {
		s.objectNP[i] = -1
	}
	for _, vg := range a.VGs {
		if vg.Subject >= 0 {
			if s.objectNP[vg.Subject] < 0 && vg.Form == clause.Finite {
				s.objectNP[vg.Subject] = vg.Object // its first finite verb's
			}
			// active, outside quotations: "the deterioration … was noted"
			// and "“… because people believed …”" name no source
			speech := a.In(lexicon.SpeechVerbs, vg.Head) && !vg.Passive && !a.InQuote(vg.Head)
			conj := a.Conjuncts(int(vg.Subject))
			for _, c := range conj {
				s.subjectNP[c] = true
				if len(conj) > 1 {
					s.conjunctSubjectNP[c] = true
				}
				if !speech && vg.Form != clause.Finite {
					continue // "the organizer said the rules hurt people by keeping them out": a verb of no tense does not undo a speaker
				}
				s.speechSubjectNP[c] = speech
				s.sayerNP[c] = speech && a.In(lexicon.SayVerbs, vg.Head)
			}
		}
	}
	for i := range s.ofNP {
		s.ofNP[i] = -1
	}
	// A name that is somewhere the subject of a verb is someone's, there
	// and before ("statements from Trump. He claimed … Trump lives …").
	s.subjectNames = map[string]bool{}
	for np, subj := range s.subjectNP {
		if n := &a.NPs[np]; subj && n.Kind == clause.KindName && n.NameLast >= 0 {
			s.subjectNames[a.Low[n.NameLast]] = true
		}
	}
	r := resolver{Set: s}
	for np := range a.NPs {
		r.resolve(np)
	}
	s.mergeRoles()
	return s
}

// resolver carries the salience lists through one left-to-right pass.
type resolver struct {
	*Set
	recent, recentSubjects []int       // people (and titled roles), most recent last
	lastInstitution        int         // 1 + the latest organisation or source named
	lastIssuer             int         // 1 + the latest organisation or singular source named: who issues documents
	lastIt                 int         // 1 + the latest entity "it" can mean
	orgsNamed              []int       // organisations in the order of their mentions
	lastPair               int         // 1 + the pair "the two leaders" last meant
	lastSubjectSentence    map[int]int // entity → the sentence it was last a subject in
	lastSentence           map[int]int
	lastConjunct           map[int]bool // entity → its last mention was one of coordinated subjects
	// quoted: the people named inside the quotation being read, most
	// recent last: a pronoun there may mean them ("Zarif's visit to
	// Ankara and his talks with …").
	quoted    []int
	quotation int
}

func (r *resolver) resolve(np int) {
	a := r.A
	n := &a.NPs[np]
	if r.ofNP[np] >= 0 {
		return // resolved with the description before it
	}
	if n.ApposOf >= 0 && a.NPs[n.ApposOf].First < n.First && isDescription(a, n) {
		// "Li, chairman of …": the description is Li.
		r.link(np, r.Of(int(n.ApposOf)))
		return
	}
	if n.Kind == clause.KindPair && n.Appos >= 0 {
		// "their two leaders, Vladimir Putin and Recep Tayyip Erdogan"
		if conj := a.Conjuncts(int(n.Appos)); len(conj) == 2 {
			x, y := r.entityOf(conj[0]), r.entityOf(conj[1])
			if x >= 0 && y >= 0 && x != y {
				r.link(conj[0], x)
				r.link(conj[1], y)
				r.link(np, r.PairOf(x, y))
				return
			}
		}
	}
	if n.Kind == clause.KindPair && n.Appos < 0 && r.pairNamedAfter(np) {
		return
	}
	if n.Appos >= 0 && a.NPs[n.Appos].First > n.First && isDescription(a, n) && isNaming(&a.NPs[n.Appos]) {
		// "the President of the European Council, Charles Michel", "his
		// Kenyan counterpart, Ruth Wanjiru": the name says who.
		e := r.entityOf(int(n.Appos))
		if e >= 0 {
			r.adopt(e, n)
			r.link(np, e)
			r.link(int(n.Appos), e)
			return
		}
	}
	e := r.entityOf(np)
	r.noteOffice(np, e)
	if n.ApposOf >= 0 && a.NPs[n.ApposOf].First < n.First && e >= 0 {
		// "his Kenyan counterpart, Ruth Wanjiru": the name is the description.
		d := int(n.ApposOf)
		r.adopt(e, &a.NPs[d])
		if r.ofNP[d] < 0 || r.Ents[r.ofNP[d]].Kind == Source {
			r.ofNP[d] = int32(e)
		}
	}
	r.link(np, e)
}

func isNaming(n *clause.NP) bool { return n.Kind == clause.KindName || n.Kind == clause.KindTitled }

func isDescription(a *clause.Analysis, n *clause.NP) bool {
	return n.Kind == clause.KindRole || n.Kind == clause.KindCommon && a.In(lexicon.SourceNouns, n.Head)
}

// adopt copies a description's title and affiliation onto entity e.
func (r *resolver) adopt(e int, d *clause.NP) {
	en := &r.Ents[e]
	if en.Title == "" && d.Title != "" {
		en.Title, en.TitleCore = d.Title, d.TitleCore
		r.addKey(lastWord(en.TitleCore), e)
	}
	if en.Affiliation == "" && d.Affiliation != "" {
		en.Affiliation = d.Affiliation
		r.byAffiliation[en.Affiliation] = append(r.byAffiliation[en.Affiliation], e)
	}
	if en.Gender == 0 {
		en.Gender = d.Gender
	}
}

// link records that NP np means entity e, and updates salience.
func (r *resolver) link(np, e int) {
	if e < 0 {
		return
	}
	a := r.A
	n := &a.NPs[np]
	r.ofNP[np] = int32(e)
	en := &r.Ents[e]
	en.Mentions = append(en.Mentions, np)
	if r.subjectNP[np] && n.Kind != clause.KindPronoun {
		en.Subject = true
	}
	if n.Gender != 0 && en.Gender == 0 && n.Kind != clause.KindPronoun {
		en.Gender = n.Gender
	}
	if a.InQuote(n.First) {
		r.noteQuoted(np, e)
		return
	}
	r.noteInstitution(np, e)
	r.notePerson(np, e)
}

// noteQuoted: names inside a quotation are the speaker's words: they do
// not become what a later "he" means outside it, only inside.
func (r *resolver) noteQuoted(np, e int) {
	n := &r.A.NPs[np]
	if r.Ents[e].Kind != Person || n.Kind == clause.KindPronoun {
		return
	}
	if q := r.A.Doc.Tokens[n.First].Quote; q != r.quotation {
		r.quoted, r.quotation = r.quoted[:0], q
	}
	r.quoted = append(r.quoted, e)
}

// noteInstitution keeps what a later document, "the alliance" or "it"
// can mean: the latest organisation or source, the organisations named,
// and an organisation, a singular source, or a country that is the
// subject of a verb ("Ghana said it would …").
func (r *resolver) noteInstitution(np, e int) {
	n, en := &r.A.NPs[np], &r.Ents[e]
	institution := en.Kind == Org || en.Kind == Source && en.Title == "" && !r.isDocumentHead(en.Head)
	if institution {
		r.lastInstitution = e + 1
		if !en.Plural && !n.Plural {
			r.lastIssuer = e + 1 // not "experts and officials"
		}
	}
	if en.Kind == Org && (len(r.orgsNamed) == 0 || r.orgsNamed[len(r.orgsNamed)-1] != e) {
		r.orgsNamed = appendRecent(r.orgsNamed, e)
	}
	if n.Kind != clause.KindPronoun && !en.Plural && !n.Plural && (institution || en.Kind == Place && !en.City && r.subjectNP[np]) {
		r.lastIt = e + 1
	}
}

// notePerson keeps what "he" and "she" may mean: people, roles, and one
// person named by a role noun ("a government spokesman", "an official"),
// with the sentence each was last named (and last a subject) in.
func (r *resolver) notePerson(np, e int) {
	a := r.A
	n, en := &a.NPs[np], &r.Ents[e]
	if !(en.Kind == Person || en.Kind == Source && (en.Title != "" || !en.Plural && n.Head >= 0 && a.In(lexicon.TitleHeads, n.Head))) {
		return
	}
	sent := a.Doc.Tokens[n.First].Sentence
	if r.lastSentence == nil {
		r.lastSentence, r.lastSubjectSentence = map[int]int{}, map[int]int{}
	}
	r.recent = appendRecent(r.recent, e)
	if r.subjectNP[np] {
		r.recentSubjects = appendRecent(r.recentSubjects, e)
		r.lastSubjectSentence[e] = sent
	}
	if r.lastConjunct == nil {
		r.lastConjunct = map[int]bool{}
	}
	r.lastConjunct[e] = r.conjunctSubjectNP[np]
	r.lastSentence[e] = sent
}

func (r *resolver) isDocumentHead(head string) bool {
	_, ok := r.A.Lex.Has(lexicon.DocumentNouns, head)
	return ok
}

// entityOf resolves one NP by its kind.
func (r *resolver) entityOf(np int) int {
	a := r.A
	n := &a.NPs[np]
	switch n.Kind {
	case clause.KindName, clause.KindTitled:
		return r.personEntity(n)
	case clause.KindOrg:
		e := r.namedEntity(Org, firstOf(n.Value, a.Name(n)), n)
		if e >= 0 && n.Value != "" && isAcronym(r.Ents[e].display) {
			r.Ents[e].display = n.Value // "MEA": the gazetteer's name, the acronym an alias
		}
		return e
	case clause.KindPlace:
		if n.City {
			e := r.namedEntity(Place, "city:"+n.Value, n)
			r.Ents[e].City, r.Ents[e].display = true, n.Value
			return e
		}
		return r.namedEntity(Place, n.Value, n)
	case clause.KindRole:
		return r.roleEntity(np)
	case clause.KindCommon:
		return r.commonEntity(np)
	case clause.KindPronoun:
		return r.pronounEntity(np)
	case clause.KindPair:
		return r.pairEntity(np)
	}
	return -1
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func appendRecent(list []int, e int) []int {
	for i := len(list) - 1; i >= 0 && i >= len(list)-3; i-- {
		if list[i] == e {
			copy(list[i:], list[i+1:])
			list = list[:len(list)-1]
			break
		}
	}
	list = append(list, e)
	if len(list) > 64 { // bounded: only recent entities are candidates
		list = list[len(list)-32:]
	}
	return list
}

func (s *Set) newEntity(kind Kind, name string) int {
	e := Entity{Kind: kind, Name: name, words: uniqueWords(NameWords(name))}
	s.Ents = append(s.Ents, e)
	id := len(s.Ents) - 1
	s.indexEntity(id)
	return id
}

// indexEntity files an entity under its name words, the last word of its
// name and its title's head, so lookups need not scan every entity.
func (s *Set) indexEntity(e int) {
	en := &s.Ents[e]
	for _, w := range en.words {
		s.addKey(w, e)
	}
	s.addKey(lastWord(en.Name), e)
	s.addKey(lastWord(en.TitleCore), e)
}

func (s *Set) addKey(k string, e int) {
	if k == "" {
		return
	}
	list := s.byWord[k]
	for i := len(list) - 1; i >= 0 && i >= len(list)-4; i-- {
		if list[i] == e {
			return
		}
	}
	s.byWord[k] = append(list, e)
}

// candidateLimit bounds how far back a lookup goes in one key's list, so a
// document with thousands of "presidents" stays linear.
const candidateLimit = 64

// latest returns the highest entity filed under one of keys that
// satisfies ok, or -1.
func (s *Set) latest(keys []string, ok func(int) bool) int {
	best := -1
	for _, k := range keys {
		list := s.byWord[k]
		for i := len(list) - 1; i >= 0 && i >= len(list)-candidateLimit; i-- {
			if e := list[i]; e > best && ok(e) {
				best = e
				break
			}
		}
	}
	return best
}

func (r *resolver) personEntity(n *clause.NP) int {
	a := r.A
	name := a.Name(n)
	words := NameWords(name)
	// The most recent person whose name contains this one or is contained
	// in it: such a person shares a word with it.
	best := r.latest(words, func(i int) bool {
		e := &r.Ents[i]
		return e.Kind == Person && (subsetOf(words, e.words) || subsetOf(e.words, words))
	})
	if best < 0 {
		best = r.spellingVariant(words)
	}
	if best < 0 {
		best = r.newEntity(Person, name)
	}
	e := &r.Ents[best]
	if len(words) > len(e.words) {
		e.Name, e.words = name, uniqueWords(words)
		r.indexEntity(best)
		if g, l := givenNameGender(name); n.Gender == 0 && (g != 0 || l != 0) && (e.nameGender || e.Gender == 0 && e.Lean == 0) {
			// "Von der Leyen" then "Ursula von der Leyen": the given name
			// the fuller name opens with says more than a surname's first word
			e.Gender, e.Lean = g, l
		}
	}
	addAlias(e, name)
	if e.Title == "" && n.Title != "" {
		e.Title, e.TitleCore = n.Title, n.TitleCore
		r.addKey(lastWord(e.TitleCore), best)
	}
	if e.Affiliation == "" && n.Affiliation != "" {
		e.Affiliation = n.Affiliation
		r.byAffiliation[e.Affiliation] = append(r.byAffiliation[e.Affiliation], best)
	}
	if e.Gender == 0 && n.Gender == 0 {
		e.Gender, e.Lean = givenNameGender(name)
		e.nameGender = true
	}
	return best
}

// spellingVariant: a lone family name of six letters or more that a
// person named before has with its last letter doubled or undoubled
// ("Zelensky" after "Volodymyr Zelenskyy", a transliteration's variants)
// is that person; else -1.
func (r *resolver) spellingVariant(words []string) int {
	if len(words) != 1 || len(words[0]) < 6 {
		return -1
	}
	w := words[0]
	variant := w + w[len(w)-1:]
	if w[len(w)-1] == w[len(w)-2] {
		variant = w[:len(w)-1]
	}
	return r.latest([]string{variant}, func(i int) bool {
		return r.Ents[i].Kind == Person && len(r.Ents[i].words) > 1 && lastWord(r.Ents[i].Name) == variant
	})
}

// givenNameGender is the gender the public given-name lists give a
// person's name: its first word's, or, when that is a family name and no
// given name, written first ("Kim Min-jun", "Li Zhanshu"), its last
// word's; 0 when unknown or given to both, with lean the sex a name given
// to both mostly goes to ("Amara": 'f'), else 0.
func givenNameGender(name string) (gender, lean byte) {
	words := strings.Fields(name)
	if len(words) < 2 {
		return 0, 0 // a lone surname says nothing
	}
	first := words[0]
	if _, given := gazetteer.GivenName(first); !given && gazetteer.FamilyNameFirst(first) {
		first = words[len(words)-1] // "Kim Min-jun"; but "Hana Novak" is Hana's
	}
	g, l := gazetteer.NameGender(first)
	return genderByte(g), genderByte(l)
}

func genderByte(g gazetteer.Gender) byte {
	switch g {
	case gazetteer.Male:
		return 'm'
	case gazetteer.Female:
		return 'f'
	}
	return 0
}

func addAlias(e *Entity, s string) {
	for _, a := range e.Aliases {
		if a == s {
			return
		}
	}
	e.Aliases = append(e.Aliases, s)
}

// namedEntity is the organisation or place of a gazetteer name (or of the
// text, when the gazetteer does not know it), shared by every mention.
func (r *resolver) namedEntity(kind Kind, name string, n *clause.NP) int {
	if name == "" {
		return -1
	}
	surface := r.A.Name(n)
	k := key{kind, name}
	i, ok := r.byName[k]
	if !ok {
		i = r.newEntity(kind, name)
		r.byName[k] = i
		r.Ents[i].Affiliation = n.Affiliation
	}
	e := &r.Ents[i]
	addAlias(e, surface)
	if kind == Place {
		// a country by its gazetteer name, whatever the text writes ("US",
		// "U.S.", "America", "Britain", or its capital: "Beijing said" is
		// China); the forms written are its aliases
		e.display = name
	} else if e.display == "" || len(NameWords(surface)) > len(NameWords(e.display)) {
		e.display = surface
	}
	return i
}

// Name is the name entity e is recorded by: a pair is "A and B", a group
// "A, B and C"; an organisation as the article writes it (its gazetteer
// name for an acronym), a country by its gazetteer name.
func (s *Set) Name(e int) string {
	en := &s.Ents[e]
	if en.Kind == Pair && len(en.Members) >= 2 {
		names := make([]string, len(en.Members))
		for i, m := range en.Members {
			names[i] = s.Name(m)
		}
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	if en.display != "" {
		return en.display
	}
	return en.Name
}

// Canonical is an organisation's or country's gazetteer name (its Name
// otherwise).
func (s *Set) Canonical(e int) string { return s.Ents[e].Name }

// NameWords folds a name to lower-case words, without particles, the way
// names are compared ("Von der Leyen" ~ "Ursula von der Leyen").
func NameWords(name string) []string {
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return r == ' ' || r == '-' || r == '.' || r == '’' || r == '\''
	})
	out := f[:0]
	for _, w := range f {
		if w != "" && w != "s" {
			out = append(out, w)
		}
	}
	return out
}

func subsetOf(words, set []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !containsString(set, w) {
			return false
		}
	}
	return true
}

func uniqueWords(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if !containsString(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lastWord is the last word of s, lower-cased.
func lastWord(s string) string {
	s = strings.TrimRight(s, " \t\n")
	i := strings.LastIndexAny(s, " \t\n")
	return strings.ToLower(s[i+1:])
}

// sortedMentions keeps an entity's mentions in text order after merges.
func (s *Set) sortedMentions(e int) {
	sort.Ints(s.Ents[e].Mentions)
}

// isAcronym: a name written in capitals and dots only ("MEA", "U.N.").
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r == '.':
		case r >= 'A' && r <= 'Z':
			letters++
		default:
			return false
		}
	}
	return letters >= 2
}
