package clause

import (
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
)

// NPKind is what a noun phrase is, as far as its words tell; the entity
// layer decides the rest (a Name may be a person or an institution).
type NPKind uint8

// The kinds of noun phrase.
const (
	KindCommon  NPKind = iota // "the talks", "South Korean officials", "the ministry"
	KindName                  // a capitalised name: a person, unless its head says otherwise
	KindTitled                // a title of office and the name it introduces: "Foreign Minister Wang Yi"
	KindRole                  // a title of office and no name: "the Prime Minister", "NATO Secretary General"
	KindPronoun               // he, she, they, it, I, we
	KindPair                  // "the two leaders", "both sides"
	KindOrg                   // an organisation: gazetteer, "… Ministry", "NATO's North Atlantic Council"
	KindPlace                 // a country, capital or region from the gazetteer
	KindThing                 // a name of a thing or event: never a speaker or a party
)

var kindNames = [...]string{"common", "name", "titled", "role", "pronoun", "pair", "org", "place", "thing"}

func (k NPKind) String() string { return kindNames[k] }

// NP is a noun-phrase chunk: tokens First through Last of one sentence.
type NP struct {
	First, Last int
	Kind        NPKind
	Head        int // the head token: the last word of the name, title or noun
	// NameFirst and NameLast are the name's tokens (a Name, a Titled NP's
	// name, an Org's or Place's name as written), or -1.
	NameFirst, NameLast int
	Title               string // the title of office, as written ("Foreign Minister", "President of the European Commission")
	TitleCore           string // its modifiers and head, lower-case, hyphens as spaces ("foreign minister", "secretary general")
	Affiliation         string // the country or organisation the words give ("China", "European Union")
	Value               string // the gazetteer's name (Org, Place), or the pronoun (he, she, they …)
	Honorific           string // "Mr.", "H.E." before the name
	Gender              byte   // 'm', 'f', or 0 when the words do not say
	Plural              bool
	City                bool // a city or region of the world gazetteer: never a party or a speaker
	// Sides are, for a pair named by its countries ("the French and U.S.
	// leaders", "the Chinese and Russian sides"), the two countries.
	Sides [2]string

	// Links to other NPs (indexes into Analysis.NPs, or -1).
	Possessor   int32 // "China" in "China's top legislator"
	PossessorOf int32
	Appos       int32 // "chairman of …" in "Li, chairman of …,"
	ApposOf     int32
	Conj        int32 // the next conjunct: "Modi and Lula"
	ConjOf      int32
	Of          int32 // the NP this one is the "of" complement of: "talks" in "the next round of talks"
}

// IsGroupOfPeople: a common noun phrase in the plural ("many speakers at
// the service", "friends, lobbyists and former foes") or a count or share
// ("67 percent of voters", "7 percent", "almost half"; lexicon:
// share_nouns). As the subject of a speech verb
// it means people.
func (a *Analysis) IsGroupOfPeople(np *NP) bool {
	t := a.Tag(np.Head)
	if a.In(lexicon.ExchangeNouns, np.Head) || a.In(lexicon.DocumentNouns, np.Head) {
		return false // "the talks should continue": an exchange, not people
	}
	return np.Kind == KindCommon && (t == "NNS" || t == "NNPS" || a.In(lexicon.ShareNouns, np.Head) || a.Is(np.Head, Quantifier) ||
		a.Tag(np.First) == "CD" && (t == "CD" || t == "NN"))
}

// Name returns the NP's name as written, or "".
func (a *Analysis) Name(np *NP) string {
	if np.NameFirst < 0 {
		return ""
	}
	return a.NameText(np.NameFirst, np.NameLast)
}

// NameSpan is the byte span of the NP's name, or of the whole NP when it
// has none.
func (a *Analysis) NameSpan(np *NP) parser.Span {
	if np.NameFirst < 0 {
		return a.Span(np.First, np.Last)
	}
	return a.Span(np.NameFirst, np.NameLast)
}

func newNP(first, last int, kind NPKind) NP {
	return NP{First: first, Last: last, Kind: kind, Head: last, NameFirst: -1, NameLast: -1,
		Possessor: -1, PossessorOf: -1, Appos: -1, ApposOf: -1, Conj: -1, ConjOf: -1, Of: -1}
}

// findNPs chunks the noun phrases of sentence si, left to right.
func (a *Analysis) findNPs(si int) {
	s := a.Doc.Sentences[si]
	for i := s.First; i <= s.Last; {
		if a.timeTail(i) {
			i++
			continue
		}
		np, ok := a.npAt(i, s)
		if !ok {
			i++
			continue
		}
		if k := np.First - 1; k >= s.First && a.NPAt[k] < 0 && a.Is(k, Definite) && (np.Kind == KindOrg || np.Kind == KindName || np.Kind == KindCommon && np.Plural) && np.NameFirst == np.First {
			np.First = k // "according to the FAA", "the Times said": the article goes with the name
		}
		if k := np.First - 1; np.Kind == KindCommon && k-1 >= s.First && a.NPAt[k-1] < 0 && a.RoleLen(k, Coordinator) == 1 &&
			a.Tag(k-1) == "JJ" && a.Tag(np.First) == "JJ" {
			// "current and former officials": coordinated adjectives of one noun
			np.First = k - 1
			if d := k - 2; d >= s.First && a.NPAt[d] < 0 && a.Is(d, Determiner) {
				np.First = d
			}
		}
		if a.emphaticReflexive(np, s) {
			np.Last++ // "Ford itself said …": the reflexive stresses the noun phrase it follows
		}
		for k := np.First; k <= np.Last; k++ {
			a.NPAt[k] = int32(len(a.NPs))
		}
		a.NPs = append(a.NPs, np)
		i = np.Last + 1
	}
}

// emphaticReflexive: the token after np is an emphatic reflexive that
// stresses it ("Ford itself", "the president himself") and no noun
// phrase follows the reflexive ("herself a supporter of the mayor" is an
// apposition).
func (a *Analysis) emphaticReflexive(np NP, s parser.Sentence) bool {
	k := np.Last + 1
	if np.Kind == KindPronoun || k > s.Last || a.Tag(k) != "PRP" {
		return false
	}
	w := a.Low[k]
	if !strings.HasSuffix(w, "self") && !strings.HasSuffix(w, "selves") {
		return false
	}
	return k+1 > s.Last || !isNominalTag(a.Tag(k+1)) && a.Tag(k+1) != "DT" && a.Tag(k+1) != "PRP$"
}

// npAt tries each kind of noun phrase at token i, most specific first.
func (a *Analysis) npAt(i int, s parser.Sentence) (NP, bool) {
	if !a.Cap(i) && !a.Bits(i).Any(npStarters) && !isNominalTag(a.Tag(i)) && a.Tag(i) != "DT" && a.Tag(i) != "PRP$" && a.Tag(i) != "CD" && a.Tag(i) != "RBR" && a.Tag(i) != "$" {
		return NP{}, false // most tokens start nothing: say so fast
	}
	if a.complementizerThat(i, s) {
		return NP{}, false // "added that German officials …": the NP starts after "that"
	}
	// Kinds that need what token i lacks are not tried: a capitalised
	// word (after "the") for bodies, organisations, the gazetteer and
	// demonyms; a capital or a particle for names; a determiner for
	// sources; a number for shares.
	capital := a.Cap(i) || a.Is(i, Definite) && a.Cap(i+1)
	for k, try := range npKinds {
		if !a.kindMayStart(k, i, capital) {
			continue
		}
		if np, ok := try(a, i, s); ok {
			return np, true
		}
	}
	return NP{}, false
}

// ageNP: a determiner and an age standing for a person, "the 46-year-old"
// ("…,” said the 46-year-old"), when no noun follows the age.
func (a *Analysis) ageNP(i int, s parser.Sentence) (NP, bool) {
	j := i + 1
	if j > s.Last || !IsAgeWord(a.Low[j]) || j+1 <= s.Last && isNounTag(a.Tag(j+1)) {
		return NP{}, false
	}
	np := newNP(i, j, KindCommon)
	np.Head = j
	return np, true
}

// IsAgeWord reports whether w, lower-cased, is an age that may stand for
// a person: "46-year-old", "seven-year-old".
func IsAgeWord(w string) bool {
	return strings.HasSuffix(w, "-year-old") && len(w) > len("-year-old")
}

// kindMayStart: a noun phrase of kind k (npKinds' index) may start at
// token i; capital tells whether a capitalised word stands there (after
// "the").
func (a *Analysis) kindMayStart(k, i int, capital bool) bool {
	switch k {
	case npPronoun:
		return a.Bits(i).Has(lexicon.Pronouns)
	case npBody, npOrgRun, npGazetteer, npDemonym:
		return capital
	case npSource, npAge:
		return a.Is(i, Determiner)
	case npName:
		return a.Cap(i) || a.Bits(i).Has(lexicon.Particles) || a.hyphenParticleName(i)
	case npShare:
		return a.Tag(i) == "CD" || a.Tag(i) == "$" || a.In(lexicon.NumberWords, i) // "Six/NNP in 10 say"
	case npQuantifier:
		return a.Is(i, Quantifier)
	}
	return true
}

// npKinds are the kinds of noun phrase npAt tries, most specific first.
var npKinds = [...]func(*Analysis, int, parser.Sentence) (NP, bool){
	npPronoun: (*Analysis).pronounNP, npPair: (*Analysis).pairNP, npTitled: (*Analysis).titledNP,
	npBody: (*Analysis).bodyNP, npOrgRun: (*Analysis).orgRunNP, npGazetteer: (*Analysis).gazetteerNP,
	npDemonym: (*Analysis).demonymNP, npSource: (*Analysis).sourceNP, npName: (*Analysis).nameNP,
	npShare: (*Analysis).shareNP, npAge: (*Analysis).ageNP, npCommon: (*Analysis).commonNP, npQuantifier: (*Analysis).quantifierNP,
}

const (
	npPronoun = iota
	npPair
	npTitled
	npBody
	npOrgRun
	npGazetteer
	npDemonym
	npSource
	npName
	npShare
	npAge
	npCommon
	npQuantifier
)

var npStarters = lexicon.Of(lexicon.Pronouns, lexicon.PairWords, lexicon.TitleHeads, lexicon.TitleModifiers,
	lexicon.Honorifics, lexicon.SourceNouns, lexicon.FunctionWords, lexicon.DocumentNouns, lexicon.Particles, lexicon.OrgHeads)

func isNominalTag(tag string) bool {
	return isNounTag(tag) || tag == "JJ" || tag == "JJS" || tag == "JJR"
}

func (a *Analysis) pronounNP(i int, _ parser.Sentence) (NP, bool) {
	n, v := a.Match(lexicon.Pronouns, i)
	if n == 0 || a.Cap(i) && i > 0 && !a.atClauseStart(i) && v != lexicon.I {
		return NP{}, false // "He" mid-sentence is a name ("Liu He")
	}
	if h, _ := a.Match(lexicon.Honorifics, i); h > n {
		return NP{}, false // "His Excellency …", "Her Majesty …": an honorific
	}
	if n == 1 && len(a.Words[i]) > 1 && isAcronym(a.Words[i]) && a.isGazetteer(i) {
		return NP{}, false // "US officials said": the United States, not "us"
	}
	np := newNP(i, i+n-1, KindPronoun)
	np.Value = v
	np.Gender = pronounGender(v)
	np.Plural = v == lexicon.They || v == lexicon.We
	return np, true
}

// sidesPair: "the French and U.S. leaders", "the Chinese and Russian
// sides": two countries (demonyms or names) joined by "and", then a plural
// role or source noun: a pair named by its sides.
func (a *Analysis) sidesPair(i int, s parser.Sentence) (NP, bool) {
	j := i
	if a.Is(j, Definite) {
		j++
	}
	n1, c1 := a.modifierName(j)
	if n1 == 0 || c1 == "" {
		return NP{}, false
	}
	k := j + n1
	if !a.Is(k, Coordinator) {
		return NP{}, false
	}
	k += a.RoleLen(k, Coordinator)
	n2, c2 := a.modifierName(k)
	if n2 == 0 || c2 == "" || c2 == c1 {
		return NP{}, false
	}
	h := k + n2
	for h < s.Last && h < k+n2+3 && !a.isPluralRole(h) && !(a.Tag(h) == "NNS" && a.In(lexicon.SourceNouns, h)) && a.Tag(h) == "JJ" {
		h++
	}
	if h > s.Last || !(a.isPluralRole(h) || a.Tag(h) == "NNS" && a.In(lexicon.SourceNouns, h) || a.In(lexicon.PairWords, h)) {
		return NP{}, false
	}
	np := newNP(i, h, KindPair)
	np.Plural, np.Sides = true, [2]string{c1, c2}
	np.Head = h
	return np, true
}

// pairWordContinues: token k goes on with a pair phrase: a lower-case
// noun, an adjective before a noun, or a capitalised title word ("the two
// Foreign Ministers").
func (a *Analysis) pairWordContinues(k, last int) bool {
	if a.Is(k, Possessive) {
		return false
	}
	t := a.Tag(k)
	if a.Cap(k) {
		return a.isTitleWord(k) || a.isPluralRole(k)
	}
	return isNounTag(t) || t == "JJ" && k+1 <= last && (isNounTag(a.Tag(k+1)) || a.isTitleWord(k+1) || a.isPluralRole(k+1))
}

// pronounGender: the pronoun values he and she (lexicon: pronouns).
func pronounGender(v string) byte {
	switch v {
	case lexicon.He:
		return 'm'
	case lexicon.She:
		return 'f'
	}
	return 0
}

// isPluralRole: token j is the plural of a title head or a source noun
// ("Presidents", "MPs", "officials").
func (a *Analysis) isPluralRole(j int) bool {
	return a.Lex.Plural(lexicon.TitleHeads, a.Low[j]) || a.Lex.Plural(lexicon.SourceNouns, a.Low[j])
}

// pairNP: "the two leaders", "both sides", "both Presidents"; a noun after
// a pair phrase belongs to it ("the two countries' foreign ministers" aside).
func (a *Analysis) pairNP(i int, s parser.Sentence) (NP, bool) {
	if np, ok := a.sidesPair(i, s); ok {
		return np, true
	}
	n, _ := a.Match(lexicon.PairWords, i)
	if i+n-1 > s.Last {
		n = 0 // a phrase of the list across a sentence break ("The\ntwo") is none
	}
	if n == 0 {
		// "both Presidents", "the two foreign ministers": a quantity and a
		// plural title or source noun.
		j := i
		if a.Is(j, Definite) {
			j++
		}
		if !a.Is(j, Quantity) || j+1 > s.Last {
			return NP{}, false
		}
		k := j + 1
		for k < s.Last && k < j+3 && !a.isPluralRole(k) && (a.Tag(k) == "JJ" || a.modifierLen(k) > 0) {
			k += max(1, a.modifierLen(k))
		}
		if !a.isPluralRole(k) {
			return NP{}, false
		}
		n = k - i + 1
	}
	last := i + n - 1
	for last+1 <= s.Last && a.pairWordContinues(last+1, s.Last) {
		last++ // "the two foreign ministers", "both heads of state"
	}
	if last+1 <= s.Last && a.Cap(last+1) && !a.Is(last, Determiner) && last == i+n-1 && a.Is(i, Definite) && n == 2 {
		return NP{}, false // "the two Koreas": a name follows
	}
	np := newNP(i, last, KindPair)
	np.Plural = true
	return np, true
}

// titledNP: [honorific] title [honorific] [name]: "Foreign Minister Wang
// Yi", "the President of the European Commission", "Mr. Obama".
func (a *Analysis) titledNP(i int, s parser.Sentence) (NP, bool) {
	start := i
	hon, gender := "", byte(0)
	for {
		// "HE Mr Charles Michel": honorifics may stack; the last one is kept.
		n, _ := a.Match(lexicon.Honorifics, i)
		if n == 0 {
			break
		}
		hon, gender = a.Text(i, i+n-1), gender|a.genderOf(i, n)
		i += n
		if i > s.Last {
			return NP{}, false
		}
	}
	t, ok := a.titleAt(i, s.Last)
	if !ok {
		if hon == "" {
			return NP{}, false
		}
		// "Mr. Obama": an honorific and a name.
		ne := a.nameRun(i, s.Last, false)
		if ne < i {
			return NP{}, false
		}
		np := newNP(start, ne, KindName)
		np.NameFirst, np.NameLast, np.Honorific, np.Gender = i, ne, hon, gender
		a.postTitle(&np, s.Last)
		return np, true
	}
	j := t.end
	for j <= s.Last {
		n, _ := a.Match(lexicon.Honorifics, j)
		if n == 0 {
			break
		}
		hon, gender = a.Text(j, j+n-1), gender|a.genderOf(j, n)
		j += n
	}
	if t2, ok := a.titleAt(j, s.Last); ok && a.startsTitle(j, s.Last) && t2.end > j && t2.end <= s.Last && a.nameRun(t2.end, s.Last, false) >= t2.end {
		j = t2.end // "the King of Bahrain King Ali …": the title said again before the name
	}
	if ne := a.nameRun(j, s.Last, false); ne >= j {
		np := newNP(start, ne, KindTitled)
		np.NameFirst, np.NameLast = j, ne
		np.Title, np.TitleCore, np.Affiliation, np.Honorific, np.Gender = t.text, t.core, t.affiliation, hon, gender|t.gender
		a.ofPlace(&np, s.Last)
		return np, true
	}
	np := newNP(start, t.end-1, KindRole)
	np.NameFirst, np.NameLast = t.nameStart, t.end-1
	np.Head = t.headTok
	np.Title, np.TitleCore, np.Affiliation, np.Gender = t.text, t.core, t.affiliation, t.gender
	return np, true
}

// postTitle takes a title of office written after a name without a comma
// ("Julie Bishop MP", "Roberta Metsola MEP") into the name's NP.
func (a *Analysis) postTitle(np *NP, last int) {
	k := np.Last + 1
	if np.Kind != KindName || k > last || !a.Cap(k) {
		return
	}
	n, _ := a.Match(lexicon.TitleHeads, k)
	if n == 0 || k+n <= last && a.Cap(k+n) {
		return // "Kishida President …" is no such title
	}
	np.Last = k + n - 1
	if np.Title == "" {
		np.Title = a.Text(k, k+n-1)
		np.TitleCore = strings.ToLower(np.Title)
	}
}

// ofPlace extends a titled name by "of COUNTRY" ("Prime Minister Kenji
// Mori of Japan"), which gives its affiliation.
func (a *Analysis) ofPlace(np *NP, last int) {
	k := np.Last + 1
	if !(a.Is(k, Genitive) || a.Is(k, Source)) || k+1 > last {
		return
	}
	m := k + 1
	if a.Is(m, Definite) {
		m++
	}
	n := a.orgOrPlaceLen(m)
	if n == 0 || a.continuesName(m+n, last) || a.Is(m+n, Possessive) {
		return // "assured Mark Rutte of South Korea's support": a possessor, not an affiliation
	}
	np.Last = m + n - 1
	if np.Affiliation == "" {
		np.Affiliation = a.gazetteerValue(m)
	}
}

// genderOf: the gender a phrase of n tokens at i says (lexicon: masculine,
// feminine), or 0.
func (a *Analysis) genderOf(i, n int) byte {
	if m, _ := a.Match(lexicon.Masculine, i); m == n {
		return 'm'
	}
	if f, _ := a.Match(lexicon.Feminine, i); f == n {
		return 'f'
	}
	return 0
}

// bodyNP: "NATO's North Atlantic Council", "the EU's Political and Security
// Committee", "the Bundestag's foreign affairs committee": a body of an
// organisation or country, named whole.
func (a *Analysis) bodyNP(i int, s parser.Sentence) (NP, bool) {
	j := i
	if a.Is(j, Definite) {
		j++
	}
	n := a.orgOrPlaceLen(j)
	if n == 0 {
		return NP{}, false
	}
	p := j + n
	if p+1 > s.Last || !a.Is(p, Possessive) {
		return NP{}, false
	}
	e := a.orgRun(p+1, s.Last)
	if e <= p {
		e = a.lowerBody(p+1, s.Last)
	}
	if e <= p {
		return NP{}, false
	}
	np := newNP(i, e, KindOrg)
	np.NameFirst, np.NameLast = j, e
	np.Affiliation = a.gazetteerValue(j)
	return np, true
}

// orgOrPlaceLen is the length of an organisation or country name at j.
func (a *Analysis) orgOrPlaceLen(j int) int {
	if n, _ := a.Match(lexicon.Organisations, j); n > 0 {
		return n
	}
	return a.placeLen(j)
}

// gazetteerValue is the canonical name of the organisation or country at j.
func (a *Analysis) gazetteerValue(j int) string {
	if n, v := a.Match(lexicon.Organisations, j); n > 0 {
		return v
	}
	if n, v := a.Match(lexicon.Places, j); n > 0 {
		return v
	}
	_, v := a.Match(lexicon.Capitals, j)
	return v
}

// placeLen is the length of a country, region or capital name at j.
func (a *Analysis) placeLen(j int) int {
	if n, _ := a.Match(lexicon.Places, j); n > 0 {
		return n
	}
	n, _ := a.Match(lexicon.Capitals, j)
	return n
}

// orgRunNP: capitalised words ending in an institution noun, with and, of,
// for, the, on inside: "Political and Security Committee", "Ministry of
// Foreign Affairs".
func (a *Analysis) orgRunNP(i int, s parser.Sentence) (NP, bool) {
	j := i
	if a.Is(j, Definite) {
		j++
	}
	e := a.orgRun(j, s.Last)
	if e < j || !a.Cap(j) || j == s.First && isFunctionTag(a.Tag(j)) && a.Tag(j) != "NNP" {
		return NP{}, false
	}
	if n, _ := a.Match(lexicon.Organisations, j); n > 0 && j+n-1 >= e {
		return NP{}, false // the gazetteer knows it: gazetteerNP names it
	}
	if j > i && a.modifiesNoun(e+1, s.Last) && a.lowerBody(e+1, s.Last) <= e {
		return NP{}, false // "the AP report": a modifier of a common noun (commonNP)
	}
	head := e
	aff := ""
	if k := e + 1; k+1 <= s.Last && (a.Is(k, Genitive) || a.Is(k, Benefactive)) {
		// "the Ministry of Foreign Affairs", "the Foreign Ministry of
		// Ghana": a domain or a country completes the name.
		if n, _ := a.Match(lexicon.Domains, k+1); n > 0 && a.Cap(k+1) {
			e = k + n
		} else if n := a.placeLen(k + 1); n > 0 && !a.continuesName(k+1+n, s.Last) {
			e, aff = k+n, a.gazetteerValue(k+1)
		}
	}
	np := newNP(i, e, KindOrg)
	np.NameFirst, np.NameLast = j, e
	np.Head, np.Affiliation = head, aff
	return np, true
}

// orgRun returns the last token of an institution's name starting at i,
// or i-1.
func (a *Analysis) orgRun(i, last int) int {
	end := i - 1
	for j := i; j <= last && j < i+8; j++ {
		if a.Cap(j) {
			if a.In(lexicon.TitleHeads, j) && !a.In(lexicon.OrgHeads, j) {
				break // "EU Foreign Representative Kaja Kallas": a title, not a body
			}
			if a.In(lexicon.OrgHeads, j) {
				end = j
			}
			continue
		}
		if j > i && (a.Is(j, Coordinator) || a.Is(j, Genitive) || a.Is(j, Benefactive) || a.Is(j, Topic)) {
			continue
		}
		// "Bank of the West" goes on after "of the"; "Wednesday the
		// Secret Service" is two phrases
		if j > i && a.Is(j, Definite) && (a.Is(j-1, Genitive) || a.Is(j-1, Benefactive) || a.Is(j-1, Topic)) {
			continue
		}
		break
	}
	return end
}

// lowerBody returns the last token of "foreign affairs committee" (lower-
// case words ending in an institution noun) starting at i, or i-1.
func (a *Analysis) lowerBody(i, last int) int {
	for j := i; j <= last && j < i+5; j++ {
		if a.In(lexicon.OrgHeads, j) && j > i {
			return j
		}
		t := a.Tag(j)
		if !(t == "JJ" || t == "NN" || t == "NNS" || a.Is(j, Coordinator)) || a.Cap(j) {
			break
		}
	}
	return i - 1
}

// sourceNounAfter: a lower-case source noun stands at token k ("White
// House officials", "NATO sources"): the organisation before it is its
// modifier, and the source is named as written (commonNP).
func (a *Analysis) sourceNounAfter(k, last int) bool {
	return k <= last && !a.Cap(k) && a.In(lexicon.SourceNouns, k)
}

// gazetteerNP: an organisation or country the gazetteer knows, possibly
// after "the", when no longer name goes on from it.
func (a *Analysis) gazetteerNP(i int, s parser.Sentence) (NP, bool) {
	if np, ok := a.sharedNamePlace(i, s.Last); ok {
		return np, true
	}
	j := i
	if a.Is(j, Definite) && j+1 <= s.Last {
		j++
	}
	if n, v := a.Match(lexicon.Organisations, j); n > 0 && !a.continuesName(j+n, s.Last) && !(j > i && a.modifiesNoun(j+n, s.Last) && a.lowerBody(j+n, s.Last) < j+n) &&
		!a.sourceNounAfter(j+n, s.Last) {
		np := newNP(i, j+n-1, KindOrg)
		np.NameFirst, np.NameLast, np.Value = j, j+n-1, v
		np.Affiliation = a.orgCountry(v)
		return np, true
	}
	n := a.placeLen(j)
	if j > i && n == 0 {
		// a name that holds its article: "the States"
		if m := a.placeLen(i); m > 1 {
			j, n = i, m
		}
	}
	if n == 1 && j == i && a.givenNameBeforeSurname(i, s.Last) {
		return NP{}, false // "Israel Katz", "Georgia Meloni": a person
	}
	if n == 0 || a.continuesName(j+n, s.Last) || a.modifiesNoun(j+n, s.Last) && !(j == i && a.cueVerbBeforeTo(j+n)) {
		// "US counterpart", "China policy": a modifier (commonNP); but
		// "Ghana aims to …" is the place and a cue verb
		return NP{}, false
	}
	if k := j + n; k <= s.Last && a.Cap(k) && a.In(lexicon.ThingHeads, k) && !a.In(lexicon.Places, j) {
		return NP{}, false // a capital's event: "the Lisbon Summit" (not "Russia Day")
	}
	np := newNP(i, j+n-1, KindPlace)
	np.NameFirst, np.NameLast = j, j+n-1
	np.Value = a.gazetteerValue(j)
	np.Affiliation = np.Value
	return np, true
}

// sharedNamePlace: the first of two coordinated places that share the
// rest of their name, "South and North Korea", "East and West Germany":
// the word at i with the words after the first of the place two tokens on
// is a place the gazetteer knows.
func (a *Analysis) sharedNamePlace(i, last int) (NP, bool) {
	k := i + 2
	if k > last || !a.Cap(i) || !a.Is(i+1, Coordinator) || a.placeLen(i) > 0 {
		return NP{}, false
	}
	n, _ := a.Match(lexicon.Places, k)
	if n < 2 || a.Low[k] == a.Low[i] {
		return NP{}, false
	}
	words := append([]string{a.Words[i]}, a.Words[k+1:k+n]...)
	m, v := a.Lex.MatchWords(lexicon.Places, words)
	if m != n || v == "" {
		return NP{}, false
	}
	np := newNP(i, i, KindPlace)
	np.NameFirst, np.NameLast = i, i
	np.Value, np.Affiliation = v, v
	return np, true
}

// modifiesNoun: a lower-case noun follows at k, so the name before it is a
// modifier: "US troops", "the Japan visit".
func (a *Analysis) modifiesNoun(k, last int) bool {
	return k <= last && (isNounTag(a.Tag(k)) || a.nounReadAsVerb(k)) && !a.Cap(k) && !a.Is(k, Possessive)
}

func (a *Analysis) orgCountry(org string) string {
	if o := a.Lex.Org[org]; o != nil {
		return o.Country
	}
	return ""
}

// continuesName reports whether a capitalised institution name goes on at
// token j ("New York Times" after "New York").
func (a *Analysis) continuesName(j, last int) bool {
	if j > last || !a.Cap(j) {
		return false
	}
	t := a.Tag(j)
	return (t == "NNP" || t == "NNPS") && !a.In(lexicon.CalendarWords, j) && !a.isTitleWord(j) && !a.isGazetteer(j) && a.In(lexicon.OrgHeads, j)
}

// startsTitle: a title starts at j: a title head, or a modifier before
// another title word ("Press Secretary"); a modifier that ends a name
// ("the Associated Press") does not.
func (a *Analysis) startsTitle(j, last int) bool {
	if a.In(lexicon.TitleHeads, j) {
		return true
	}
	return a.isTitleWord(j) && j+1 <= last && a.isTitleWord(j+1)
}

func (a *Analysis) isTitleWord(j int) bool {
	return a.Bits(j).Any(titleWords)
}

var titleWords = lexicon.Of(lexicon.TitleHeads, lexicon.TitleModifiers)

var gazetteerLists = lexicon.Of(lexicon.Places, lexicon.Capitals, lexicon.Organisations, lexicon.Demonyms)

// isGazetteer reports whether a country, capital, organisation or demonym
// starts at j.
func (a *Analysis) isGazetteer(j int) bool {
	return a.Bits(j).Any(gazetteerLists) && (a.placeLen(j) > 0 || a.In(lexicon.Organisations, j) || a.In(lexicon.Demonyms, j))
}

// demonymNP: "South Korean officials", "the French presidency": a demonym
// and a source noun. A demonym before anything else is left to the common
// noun phrase it starts.
func (a *Analysis) demonymNP(i int, s parser.Sentence) (NP, bool) {
	j := i
	if a.Is(j, Definite) {
		j++
	}
	n, country := a.Match(lexicon.Demonyms, j)
	if n == 0 {
		return NP{}, false
	}
	k := j + n
	for k <= s.Last && k < j+n+3 && (a.Tag(k) == "JJ" || a.Tag(k) == "NN") && !a.In(lexicon.SourceNouns, k) {
		k++
	}
	if k > s.Last || !a.In(lexicon.SourceNouns, k) {
		return NP{}, false
	}
	np := newNP(i, k, KindCommon)
	np.Affiliation = country
	np.Plural = a.Tag(k) == "NNS"
	return np, true
}

// sourceNP: "the ministry", "an Elysée adviser", "the foreign ministry":
// a determiner, up to three modifiers and a source noun.
func (a *Analysis) sourceNP(i int, s parser.Sentence) (NP, bool) {
	if !a.Is(i, Determiner) {
		return NP{}, false
	}
	j := i + 1
	for j <= s.Last && j < i+4 && !a.In(lexicon.SourceNouns, j) && (a.Cap(j) || isNominalTag(a.Tag(j))) {
		j++
	}
	if j > s.Last || !a.In(lexicon.SourceNouns, j) || j+1 <= s.Last && isNounTag(a.Tag(j+1)) && !a.Cap(j+1) && !a.Is(j+1, Possessive) {
		return NP{}, false
	}
	if isVerbTag(a.Tag(j)) && a.knownVerbForm(j) {
		return NP{}, false // "The NEA estimates that …": the verb, not a source noun
	}
	np := newNP(i, j, KindCommon)
	for k := i + 1; k < j; k++ {
		if n, c := a.Match(lexicon.Demonyms, k); n > 0 {
			np.Affiliation = c
		}
	}
	np.Plural = a.Tag(j) == "NNS"
	return np, true
}

// nameNP: a run of capitalised words: a person, or a place, source,
// institution or thing by what stands around it.
func (a *Analysis) nameNP(i int, s parser.Sentence) (NP, bool) {
	if a.isPlaceCompound(i) {
		return NP{}, false // "China-US ties": a modifier of a common noun
	}
	if a.speakerLabel(i, s) {
		np := newNP(i, i, KindName) // "CLINTON: Honestly, I …" in a transcript
		np.NameFirst, np.NameLast = i, i
		return np, true
	}
	ne := a.nameRun(i, s.Last, a.atClauseStart(i))
	if ne < i {
		return NP{}, false
	}
	np := newNP(i, ne, KindName)
	np.NameFirst, np.NameLast = i, ne
	switch {
	case ne-i < 2 && a.placeLen(ne+1) > 0 && ne+1 <= s.Last:
		// "Northern Ireland": a word of a place's name.
		last := ne + a.placeLen(ne+1)
		np = newNP(i, last, KindPlace)
		np.NameFirst, np.NameLast = i, last
	case ne-i < 2 && ne+1 <= s.Last && a.In(lexicon.SourceNouns, ne+1) && !a.Cap(ne+1) && !a.knownVerbForm(ne+1):
		// "Richmond police", "Kremlin officials", "Bush campaign
		// officials": the people of a source a name modifies (not a
		// speech verb's third person: "Ana Ruiz estimates that …")
		head := ne + 1
		if k := head + 1; k <= s.Last && a.Tag(k) == "NNS" && !a.Cap(k) && a.In(lexicon.SourceNouns, k) {
			head = k
		}
		np = newNP(i, head, KindCommon)
		np.NameFirst, np.NameLast = i, ne
		np.Head, np.Plural = head, a.Tag(head) == "NNS"
	case ne-i < 2 && ne+1 <= s.Last && a.Cap(ne+1) && a.isPluralRole(ne+1) && !a.isGazetteer(i):
		// "the Defence Secretaries", "Cabinet Ministers": capitalised
		// modifiers of a plural title, people by their office, no name
		np = newNP(i, ne+1, KindCommon)
		np.NameFirst, np.NameLast, np.Plural = i, ne, true
	case a.isCity(i, ne):
		np.Kind, np.City = KindPlace, true
		np.Value, np.Affiliation = a.cityCountry(i, ne)
	case a.stateAfterTown(i, ne):
		np.Kind, np.City = KindPlace, true // "Flint, Mich.": the town's state
		np.Value = a.Text(i, ne)
	case a.pluralGroupName(i, ne):
		np.Kind, np.Plural = KindCommon, true // "Republicans", "Palestinians": a group, not a person
	case a.thingHeaded(i, ne):
		np.Kind = KindThing // "Asian Cooperation Dialogue", "Nobel Peace Prize"
	case a.In(lexicon.OrgHeads, ne) || ne == i && isAcronym(a.Words[i]):
		np.Kind = KindOrg // "… Ministry"; "MEA", "NPC": an acronym names a body, not a person
	}
	a.postTitle(&np, s.Last) // "Amelia Hart MP"
	return np, true
}

// thingHeaded: the name run [i, ne] names a thing: its head is a thing
// noun ("Asian Cooperation Dialogue"), or an acronym that is no head of a
// body ("Nobel Peace Prize", "Windows XP"; "BFM TV" is a broadcaster).
func (a *Analysis) thingHeaded(i, ne int) bool {
	return a.In(lexicon.ThingHeads, ne) || isAcronym(a.Words[ne]) && ne > i && !a.In(lexicon.OrgHeads, ne) || a.isThingName(i, ne)
}

// stateAfterTown: the name run [i, ne] is the short form of a state
// (lexicon: state_abbreviations) after a capitalised town and a comma
// ("Flint, Mich.", "Wilmington, N.C."), not a person's name.
func (a *Analysis) stateAfterTown(i, ne int) bool {
	n, _ := a.Match(lexicon.StateAbbreviations, i)
	return n > 0 && i+n-1 >= ne && a.Punct(i-1, ",") && i >= 2 && a.Cap(i-2)
}

// pluralGroupName: the name run is one capitalised plural word the tagger
// read as a plural proper noun ("Republicans", "Democrats",
// "Palestinians") that no name list gives as a given or family name
// ("Williams", "Adams" are people).
func (a *Analysis) pluralGroupName(i, ne int) bool {
	if ne != i || a.Tag(i) != "NNPS" || !strings.HasSuffix(a.Words[i], "s") || a.Sents[a.Doc.Tokens[i].Sentence].TitleCase {
		return false // in a title-case headline a capital says nothing
	}
	_, known := gazetteer.LookupName(a.Words[i])
	return !known
}

// isCity: the name run [i, ne] is a city or region of the world gazetteer
// ("Lugano", "Hangzhou"). A name that is also a person's or a common word
// ("Florence", "Regina", "Nice") is the place only after a word of place
// ("in Florence", "to Nice").
func (a *Analysis) isCity(i, ne int) bool {
	name := a.Text(i, ne)
	if !gazetteer.IsPlace(name) {
		return false
	}
	if a.attributionEndsAt(i - 1) {
		return false // "according to Gallup": a source, not the town
	}
	if ne == i && a.nextToSayVerb(i) && !a.Is(i-1, Locative) {
		return false // "“…,” Hale said": a person speaks; a town does not
	}
	if ne+2 < len(a.Low) && a.Punct(ne+1, ",") && (a.Low[ne+2] == "who" || a.Low[ne+2] == "whose") && !a.Is(i-1, Locative) {
		return false // "Lincoln, who was tied with Berg, …": a person
	}
	if f := gazetteer.PlaceFlags(name); f != 0 && !a.Is(i-1, Locative) && !a.loneGivenNameCity(i, ne, f) {
		return false
	}
	if ne == i && a.headlineSourceLabel(i) && a.surnameNamedLater(i) {
		return false // a headline's "Obama: …" before the body's "Barack Obama": the person
	}
	return !a.namedBefore(i, ne) // "Toshimitsu Motegi" … "Motegi": the person, not the town
}

// headlineSourceLabel: the word at i opens the headline, and a colon
// follows it within a few words: the source of a "source: claim" headline
// ("Hale: …", "Hale to the unions: …").
func (a *Analysis) headlineSourceLabel(i int) bool {
	si := a.Doc.Tokens[i].Sentence
	s := a.Doc.Sentences[si]
	if !a.Sents[si].Title || i != s.First {
		return false
	}
	for k := i + 1; k <= s.Last && k <= i+6; k++ {
		if a.Words[k] == ":" {
			return true
		}
	}
	return false
}

// surnameNamedLater: the word at i, a headline's lone name, comes again
// later in the article after a given name, as the family name of a person
// the body names in full ("Hale: …" in the headline, "Tom Hale" below it).
// Headlines name people by the family name before the body introduces them.
// (Only a colon's source for now: a headline's "Hale Calls …" would make a
// counterpart the body already gives under the person's full title.)
func (a *Analysis) surnameNamedLater(i int) bool {
	for k := i + 2; k < len(a.Words); k++ {
		if a.Words[k] != a.Words[i] || !a.Cap(k-1) || a.Tag(k-1) != "NNP" {
			continue
		}
		if _, given := gazetteer.GivenName(a.Words[k-1]); given {
			return true
		}
	}
	return false
}

// loneGivenNameCity: a city's one-word name that is also a given name, no
// family name, and stands alone, not next to a verb like "say", is the city:
// news names a person by the family name, so "Austin welcomed the
// delegations" is the city, while "Austin said …" may be a person.
func (a *Analysis) loneGivenNameCity(i, ne int, f gazetteer.Flags) bool {
	if ne != i || f&gazetteer.CommonWord != 0 || gazetteer.FamilyName(a.Words[i]) {
		return false
	}
	if _, given := gazetteer.GivenName(a.Words[i]); !given {
		return false
	}
	return !a.nextToSayVerb(i) // "“…,” insists Burton": an inverted attribution's subject
}

// nextToSayVerb: a verb of saying stands right before or after token i
// ("Hale said", "“…,” said Hale").
func (a *Analysis) nextToSayVerb(i int) bool {
	return i > 0 && a.In(lexicon.SayVerbs, i-1) || i+1 < len(a.Words) && a.In(lexicon.SayVerbs, i+1)
}

// attributionEndsAt: an "according to" phrase ends at token k.
func (a *Analysis) attributionEndsAt(k int) bool {
	for n := 1; n <= 3 && k-n+1 >= 0; n++ {
		if a.RoleLen(k-n+1, Attribution) == n {
			return true
		}
	}
	return false
}

// namedBefore: the words of [i, ne] are part of a person's name chunked
// earlier in the document.
func (a *Analysis) namedBefore(i, ne int) bool {
	for k := len(a.NPs) - 1; k >= 0 && k >= len(a.NPs)-400; k-- {
		np := &a.NPs[k]
		if (np.Kind != KindName && np.Kind != KindTitled) || np.NameFirst < 0 || np.NameLast-np.NameFirst < ne-i+1 {
			continue
		}
		for f := np.NameFirst; f+(ne-i) <= np.NameLast; f++ {
			same := true
			for d := 0; d <= ne-i; d++ {
				if a.Words[f+d] != a.Words[i+d] {
					same = false
					break
				}
			}
			if same {
				return true
			}
		}
	}
	return false
}

// cityCountry is a city's name and country, by the gazetteer.
func (a *Analysis) cityCountry(i, ne int) (string, string) {
	name := a.Text(i, ne)
	if e, ok := gazetteer.BestPlace(name); ok {
		return e.Name, e.Country
	}
	return name, ""
}

// isThingName: the run is an event or a disease the lexicon knows.
func (a *Analysis) isThingName(i, ne int) bool {
	n, _ := a.Match(lexicon.Events, i)
	m, _ := a.Match(lexicon.Diseases, i)
	return n == ne-i+1 || m == ne-i+1
}

// AtClauseStart reports whether token i opens a sentence or a clause
// (after a quotation mark, a colon, a dash or a parenthesis), where a
// capital says nothing.
func (a *Analysis) AtClauseStart(i int) bool { return a.atClauseStart(i) }

func (a *Analysis) atClauseStart(i int) bool {
	if i == 0 || a.Doc.Sentences[a.Doc.Tokens[i].Sentence].First == i {
		return true
	}
	p := a.Words[i-1]
	return isQuoteText(p) || p == ":" || isDash(p) || p == "("
}

// nameRun returns the last token of a person's name starting at i, or
// i-1. A name is capitalised words (with particles such as "von der"
// inside, and initials), not titles, calendar words or gazetteer entries.
// At the start of a clause a single capitalised word must look like a name.
func (a *Analysis) nameRun(i, last int, clauseStart bool) int {
	j := i
	for j <= last && j-i < 6 {
		n := a.nameWordLen(i, j, last)
		if n == 0 {
			break
		}
		if n < 0 {
			return i - 1
		}
		j += n
	}
	end := j - 1
	if end < i {
		return i - 1
	}
	if clauseStart && end == i && !a.loneCapIsName(i, last) {
		return i - 1
	}
	return end
}

// particleName: the word at j is a particle of the name that began at i,
// or a word that particles make part of it: "Ursula von der Leyen" (alone,
// a surname seen before: "according to dos Santos"), "Ahmed al-Rashidi",
// and after a particle a title word or place ("Tariq bin Sultan").
func (a *Analysis) particleName(i, j, last int) bool {
	switch {
	case a.In(lexicon.Particles, j) && a.particleChainEndsInName(j, last) && (j > i || a.namedBefore(j, a.particleChainEnd(j, last))):
		return true
	case a.hyphenParticleName(j) && (j > i || a.namedBefore(j, j)):
		return true // alone, a surname seen before: "al-Rashidi said"
	}
	return j > i && IsCap(a.Words[j]) && a.In(lexicon.Particles, j-1) && !a.Cap(j-1)
}

// monthSurname: token j, inside a name begun at i, is a month the
// gazetteer knows as a family name ("Theresa May"), with no day number
// after it ("Clinton May 3") and not in a title-case headline.
func (a *Analysis) monthSurname(i, j, last int) bool {
	if j <= i || !a.In(lexicon.CalendarWords, j) || !gazetteer.FamilyName(a.Words[j]) || a.Sents[a.Doc.Tokens[j].Sentence].TitleCase {
		return false
	}
	return !(j+1 <= last && a.Tag(j+1) == "CD")
}

// nameWordLen: how many tokens at j continue the name that began at i (0:
// the name ends before j; -1: there is no name at all).
func (a *Analysis) nameWordLen(i, j, last int) int {
	if a.particleName(i, j, last) {
		return 1
	}
	switch {
	case a.isSplitInitial(j, last):
		return 2 // an initial the tokenizer split from its dot: "S. Jaishankar"
	case a.monthSurname(i, j, last):
		return 1 // "Theresa May": a month that is a family name, after the given name
	case !a.Cap(j) || a.In(lexicon.CalendarWords, j):
		return 0
	case a.isPluralRole(j): // "MPs", "Presidents": a common noun, not a name
		if j == i {
			return -1
		}
		return 0
	case a.In(lexicon.MonthAbbreviations, j) && j+1 <= last && a.Tag(j+1) == "CD", // "Jan 21"
		a.In(lexicon.Indefinites, j), // "Everyone essentially confirmed …"
		j > i && a.Sents[a.Doc.Tokens[j].Sentence].TitleCase && a.isPlaceCompound(j), // "Deepen Japan-U.S. Ties" in a title-case headline
		j > i && (a.startsTitle(j, last) || a.isGazetteer(j) && !a.demonymSurname(i, j, last)):
		return 0
	case j == i && a.isGazetteer(j):
		if a.givenNameBeforeSurname(j, last) || a.demonymSurnameAlone(j, last) {
			return 1 // "Israel Katz"; "French said", Laura French named before
		}
		return -1
	case isFunctionTag(a.Tag(j)) && !(a.Tag(j) == "RB" && j > i):
		return a.functionTagNameLen(i, j, last)
	case a.InQuote(j) && !a.InQuote(i):
		return 0
	case a.Sents[a.Doc.Tokens[j].Sentence].TitleCase && a.Bits(j).Any(headlineVerbs):
		// "Bush Confer by Telephone", "Xi Meet in Bali", "Modi Holds
		// Talks With Albanese": no name ends or starts with these.
		if j == i {
			return -1
		}
		return 0
	}
	return 1
}

// demonymSurname: token j, a demonym, right after a given name that opens the name at i, is the
// person's surname when no noun follows it for it to describe: "Mark
// Cuban said", "Ann English, a teacher"; but not "Mark Cuban officials".
func (a *Analysis) demonymSurname(i, j, last int) bool {
	if j != i+1 || !a.Cap(j) || strings.ContainsRune(a.Words[j], '-') || !a.In(lexicon.Demonyms, j) {
		return false
	}
	if g, given := gazetteer.GivenName(a.Words[i]); !given || g == gazetteer.UnknownGender || gazetteer.FamilyName(a.Words[i]) {
		return false
	}
	if j+1 > last {
		return true
	}
	t := a.Tag(j + 1)
	return t == "," || t == "." || t == "POS" || t == "MD" || strings.HasPrefix(t, "VB") && !a.Cap(j+1)
}

// demonymSurnameAlone: token j, a demonym standing alone, is the surname
// of a person named before in full ("Mark Cuban … Cuban said"), when no
// noun follows it for it to describe (not "Cuban voters").
func (a *Analysis) demonymSurnameAlone(j, last int) bool {
	if !a.Cap(j) || strings.ContainsRune(a.Words[j], '-') || !a.In(lexicon.Demonyms, j) || a.placeLen(j) > 0 {
		return false
	}
	if j+1 <= last {
		k := j + 1
		if a.Tag(k) == "RB" && k+1 <= last {
			k++ // "Cuban also said"
		}
		if t := a.Tag(k); !(t == "," || t == "." || t == "POS" || t == "MD" || strings.HasPrefix(t, "VB") && !a.Cap(k)) {
			return false
		}
	}
	for k := len(a.NPs) - 1; k >= 0 && k >= len(a.NPs)-400; k-- {
		np := &a.NPs[k]
		if (np.Kind == KindName || np.Kind == KindTitled) && np.NameFirst >= 0 && np.NameLast > np.NameFirst && a.Words[np.NameLast] == a.Words[j] {
			return true
		}
	}
	return false
}

// hyphenParticleName: token j is a lower-case particle, a hyphen and a
// capitalised name in one token ("al-Rashidi", "el-Sayed", "bin-Nayef").
func (a *Analysis) hyphenParticleName(j int) bool {
	w := a.Words[j]
	h := strings.IndexByte(w, '-')
	if h <= 0 || h+1 >= len(w) || IsCap(w) || !IsCap(w[h+1:]) {
		return false
	}
	_, ok := a.Lex.Has(lexicon.Particles, w[:h])
	return ok
}

// headlineVerbs are the lists whose words end a name in a sentence in
// title case, where every word has a capital.
var headlineVerbs = lexicon.Of(lexicon.SpeechVerbs, lexicon.SayVerbs, lexicon.RequestVerbs, lexicon.ActVerbs,
	lexicon.ExchangeVerbs, lexicon.ExchangeNouns, lexicon.WithVerbs, lexicon.VisitVerbs, lexicon.HostVerbs,
	lexicon.HoldingVerbs, lexicon.PledgeCues, lexicon.Modals, lexicon.Auxiliaries, lexicon.FunctionWords)

// isSplitInitial: token j is a capital letter the tokenizer split from
// its dot, before a capitalised word ("S. Jaishankar").
func (a *Analysis) isSplitInitial(j, last int) bool {
	w := a.Words[j]
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && j+2 <= last && a.Words[j+1] == "." && a.Doc.Tokens[j+1].Start == a.Doc.Tokens[j].End && IsCap(a.Words[j+2])
}

// functionTagNameLen: a capitalised word the tagger gave a function tag
// continues a name (1); opening one (j == i), it is a name only when it is
// no closed-class word and is capitalised elsewhere or a known name before
// a verb, else there is no name (-1).
func (a *Analysis) functionTagNameLen(i, j, last int) int {
	if j == i && a.givenNameBeforeName(j, last) {
		return 1 // "Oliver Pryce-Jones met …", "Oliver" tagged as a preposition
	}
	if j == i && (isClosedClass(a.Tag(j)) || !a.capitalisedElsewhere(j) && !a.knownNameBeforeVerb(j, last)) {
		return -1
	}
	return 1
}

// givenNameBeforeName: the word at j is a given name of the name list, no
// common word, and a capitalised proper noun follows it: a name, whatever
// tag the tagger gave the first word.
func (a *Analysis) givenNameBeforeName(j, last int) bool {
	if j+1 > last || !a.Cap(j+1) || a.Tag(j+1) != "NNP" {
		return false
	}
	info, ok := plainName(a.Words[j])
	return ok && info.Given
}

// plainName: w is a given or family name of the name list that is neither
// a common English word nor a country ("Brooks", "Oliver"; not "Will",
// "Israel").
func plainName(w string) (gazetteer.NameInfo, bool) {
	info, ok := gazetteer.LookupName(w)
	return info, ok && !info.CommonWord && !info.Country
}

// loneCapIsName: a single capitalised word opening a clause ("During",
// "Following", "Said she had …") is a name only if it is tagged as one and
// is no speech verb, or is written capitalised elsewhere in the text.
func (a *Analysis) loneCapIsName(i, last int) bool {
	if a.In(lexicon.SpeechVerbs, i) {
		return false
	}
	if i+1 <= last && a.Tag(i+1) == "IN" && !a.capitalisedElsewhere(i) {
		return false // "Ahead of …"
	}
	t := a.Tag(i)
	if a.knownNameBeforeVerb(i, last) {
		return true
	}
	if i+1 <= last && a.Punct(i+1, ":") && gazetteer.FamilyName(a.Words[i]) {
		return true // a transcript's speaker: "Matthews: Here is …"
	}
	if !(t == "NNP" || t == "NNPS") && !a.capitalisedElsewhere(i) {
		return false
	}
	return !isFunctionTag(t) || a.capitalisedElsewhere(i)
}

// givenNameBeforeSurname: the word at i, a place's name, is also a given
// name (gazetteer) and a capitalised word that is no place, title or
// calendar word follows it: a person ("Israel Katz", "Georgia Meloni"),
// not the country. A place no name list gives as a given name is a given
// name only before a known name, no common word, that ends the name
// ("Jamaica Brooks").
func (a *Analysis) givenNameBeforeSurname(i, last int) bool {
	k := i + 1
	for k <= last && k < i+4 && a.In(lexicon.Particles, k) && !a.Cap(k) {
		k++ // "Sofia dos Santos"
	}
	if k > last || !a.Cap(k) || a.isGazetteer(k) || a.isTitleWord(k) || a.In(lexicon.CalendarWords, k) || a.In(lexicon.OrgHeads, k) || a.In(lexicon.ThingHeads, k) {
		return false
	}
	if _, given := gazetteer.GivenName(a.Words[i]); !given {
		// "Jamaica Brooks": a country no name list gives as a given
		// name, before a known name that ends the name.
		_, known := plainName(a.Words[k])
		return known && a.Tag(k) == "NNP" && !(k+1 <= last && a.Cap(k+1))
	}
	t := a.Tag(k)
	return t == "NNP" || gazetteer.FamilyName(a.Words[k])
}

// knownNameBeforeVerb: a capitalised word the gazetteer knows as a given
// or family name, not a function word, followed by a finite verb or a
// comma, is a name even where the tagger, seeing it open a sentence, took
// it for a common noun or an adverb ("Yoon stressed that …", "Ribeiro,
// who …"). A common noun that is also a surname ("Rice", "Brown") is read
// as a name only there.
func (a *Analysis) knownNameBeforeVerb(i, last int) bool {
	if i+1 > last || isClosedClass(a.Tag(i)) {
		return false
	}
	switch a.Tag(i + 1) {
	case "VBD", "VBZ", "VBP", "MD", ",":
	default:
		return false
	}
	w := a.Words[i]
	_, given := gazetteer.GivenName(w)
	return given || gazetteer.FamilyName(w)
}

// particleChainEndsInName: "von der Leyen": particles, then a capital.
func (a *Analysis) particleChainEndsInName(j, last int) bool {
	for k := j; k <= last && k < j+3; k++ {
		if a.In(lexicon.Particles, k) {
			continue
		}
		return a.Cap(k)
	}
	return false
}

// particleChainEnd is the token after the particles from j on (the
// capitalised name they end in), or j.
func (a *Analysis) particleChainEnd(j, last int) int {
	for k := j; k <= last && k < j+3; k++ {
		if !a.In(lexicon.Particles, k) {
			return k
		}
	}
	return j
}

// capitalisedElsewhere reports whether token j's word is written
// capitalised somewhere in the text other than at a clause's start.
func (a *Analysis) capitalisedElsewhere(j int) bool {
	if a.capsElsewhere == nil {
		a.capsElsewhere = map[string]bool{}
		for _, s := range a.Doc.Sentences {
			for i := s.First + 1; i <= s.Last; i++ {
				if a.Cap(i) && !a.atClauseStart(i) {
					a.capsElsewhere[a.Words[i]] = true
				}
			}
		}
	}
	return a.capsElsewhere[a.Words[j]]
}

// cueVerbBeforeTo: token i, tagged as a noun, opens a pledge cue that
// ends in "to" ("plan to", "hope to", "vow to") and a bare verb follows:
// after a noun phrase it is that phrase's verb ("Costa and Quintero plan
// to meet").
func (a *Analysis) cueVerbBeforeTo(i int) bool {
	n, _ := a.Match(lexicon.PledgeCues, i)
	if n != 2 || !isNounTag(a.Tag(i)) || a.Cap(i) || !a.Is(i+1, InfinitiveMarker) || i+2 >= len(a.Words) {
		return false
	}
	return a.Tag(i+2) == "VB"
}

// commonNP: a determiner or possessive, modifiers and a noun: "the talks",
// "a phone call", "their third call", "officials".
// shareNP: a share given as "N in M" ("one in five", "nearly eight in 10
// Democratic voters"), with the nouns that follow it.
func (a *Analysis) shareNP(i int, s parser.Sentence) (NP, bool) {
	if a.Tag(i) == "$" {
		return a.amountNP(i, s)
	}
	if strings.HasSuffix(a.Words[i], "%") && len(a.Words[i]) > 1 && !(i+1 <= s.Last && (a.isCommonHead(i+1) || a.isNounModifier(i+1, s.Last))) {
		// "42% say …": a share on its own, its sign for "percent"
		np := newNP(i, i, KindCommon)
		np.Plural = true
		return np, true
	}
	if i+2 > s.Last || a.Tag(i) != "CD" && !a.In(lexicon.NumberWords, i) {
		return NP{}, false
	}
	of := i + 1 // "one in five", "nine out of 10"
	if a.Low[of] == "out" && of+1 < s.Last && a.Low[of+1] == "of" {
		of++
	} else if !a.Is(of, Locative) {
		return NP{}, false
	}
	if a.Tag(of+1) != "CD" {
		return NP{}, false
	}
	head := of + 1
	for k := head + 1; k <= s.Last && k < head+5; k++ {
		if a.In(lexicon.SpeechVerbs, k) && !a.Cap(k) && a.Tag(k) != "NNS" {
			break // "six in 10 say …": the verb, whatever its tag
		}
		if a.isCommonHead(k) {
			head = k
		} else if !a.isNounModifier(k, s.Last) && !(a.Tag(k) == "NNP" && k+1 <= s.Last && isNounTag(a.Tag(k+1))) {
			break
		}
	}
	np := newNP(i, head, KindCommon)
	np.Plural = true
	return np, true
}

// amountNP: a sum of money on its own, "$5 million" (a currency sign and
// numbers; with a noun after it, "$4.5 billion net worth", it is a
// common noun phrase).
func (a *Analysis) amountNP(i int, s parser.Sentence) (NP, bool) {
	last := i
	for last+1 <= s.Last && a.Tag(last+1) == "CD" {
		last++
	}
	if last == i || last+1 <= s.Last && (a.isCommonHead(last+1) || a.isNounModifier(last+1, s.Last)) {
		return NP{}, false
	}
	np := newNP(i, last, KindCommon)
	return np, true
}

// finiteAt: a verb that may open a finite verb group stands at token k
// (the verb groups are not found yet when noun phrases are).
func (a *Analysis) finiteAt(k int) bool {
	if k >= len(a.Doc.Tokens) {
		return false
	}
	t := a.Tag(k)
	return isFiniteTag(t) || t == "MD"
}

// speakerLabel: token i, a word in capitals opening a paragraph before a
// colon, labels a speaker in a transcript ("CLINTON: …", "FALLIN: …").
func (a *Analysis) speakerLabel(i int, s parser.Sentence) bool {
	w := a.Words[i]
	if i != s.First || a.Doc.Paragraphs[s.Paragraph].FirstSentence != a.Doc.Tokens[i].Sentence || !a.Punct(i+1, ":") {
		return false
	}
	return utf8.RuneCountInString(w) >= 3 && strings.ToUpper(w) == w && strings.ToLower(w) != w && !a.isGazetteer(i)
}

// quantifierNP: a quantifier that stands for people on its own, before
// its verb or with "of" and a pronoun: "Many said …", "Most of them
// agreed", "Some, however, said …". Its head is the quantifier; it is
// plural. A quantifier before a noun is part of a common noun phrase; one
// after a noun phrase or a verb floats ("They both welcomed").
func (a *Analysis) quantifierNP(i int, s parser.Sentence) (NP, bool) {
	if i > s.First && (a.NPAt[i-1] >= 0 || a.isVerb(i-1)) {
		return NP{}, false // "They both welcomed …", "would both fund …": a floating quantifier
	}
	last := i
	if j := i + 1; j+1 <= s.Last && (a.Tag(j) == "VBN" || a.Tag(j) == "VBG") && !a.Cap(j) && a.finiteAt(j+1) {
		last = j // "those surveyed say", "those polled said"
	} else if e := a.thoseBefore(i, s); e > i {
		last = e // "those over 60 say", "those in the room said"
	} else if j+1 <= s.Last && a.Is(j, Genitive) {
		if n, _ := a.Match(lexicon.Pronouns, j+1); n != 1 || a.Tag(j+1) != "PRP" {
			return NP{}, false
		}
		last = j + 1 // "most of them"
	}
	k := last + 1
	for k <= s.Last && k <= last+4 && (a.isAdverb(k) && !a.In(lexicon.Negations, k) || a.Punct(k, ",")) {
		k++ // "Many, however, said", "some also said"
	}
	if k > s.Last || !a.isVerb(k) || a.Tag(k) == "VBG" || a.Tag(k) == "VBN" && last == i {
		return NP{}, false
	}
	np := newNP(i, last, KindCommon)
	np.Head, np.Plural = i, true
	return np, true
}

// thoseBefore: "those" at i and a short prepositional phrase after it
// that ends right before a finite verb ("those over 60 say", "those in
// the room said"); the phrase's last token, or -1.
func (a *Analysis) thoseBefore(i int, s parser.Sentence) int {
	if !strings.EqualFold(a.Words[i], "those") || a.Tag(i+1) != "IN" || a.Is(i+1, Genitive) || a.Is(i+1, Complementizer) || a.Is(i+1, Subordinator) {
		return -1
	}
	for k := i + 2; k <= s.Last && k <= i+5; k++ {
		if a.finiteAt(k) && k > i+2 {
			return k - 1
		}
		switch a.Tag(k) {
		case "CD", "DT", "JJ", "NN", "NNS", "NNP", "NNPS":
		default:
			return -1
		}
	}
	return -1
}

// numberAsHead: a number right after a possessive or "the" and right
// before a verb is a noun of its own ("his 757 was a great aircraft", "the
// 747 landed"), not a count of what follows.
func (a *Analysis) numberAsHead(i int, s parser.Sentence) bool {
	if a.Tag(i) != "CD" || i == s.First || i+1 > s.Last || a.Tag(i-1) != "PRP$" && a.Low[i-1] != "the" {
		return false
	}
	t := a.Tag(i + 1)
	return strings.HasPrefix(t, "VB") || t == "MD"
}

func (a *Analysis) commonNP(i int, s parser.Sentence) (NP, bool) {
	if a.verbReadAsNounAt(i, s) {
		return NP{}, false
	}
	j := i
	if a.Tag(j) == "$" && a.Tag(j+1) == "CD" {
		j++ // "$4.5 billion net worth": the currency sign opens the amount
	}
	if a.Tag(j) == "DT" || a.Tag(j) == "PDT" || a.Tag(j) == "CD" || a.Is(j, Determiner) {
		j++
	}
	head, aff := -1, ""
	for k := j; k <= s.Last && k < j+8; k++ {
		if a.endsCommonNP(i, j, k) {
			break
		}
		if n, c := a.modifierName(k); n > 0 && head < 0 {
			aff = c // "US counterpart", "the Chinese side"
			k += n - 1
			continue
		}
		if a.isCommonHead(k) {
			head = k
			continue
		}
		if head < 0 && a.capitalisedHead(i, j, k, s.Last) {
			head = k
			break
		}
		if n := a.properModifierRun(k, s.Last); n > 0 && a.modifierRunOpened(i, j, k) && head < 0 {
			if aff == "" {
				aff = a.Text(k, k+n-1)
			}
			k += n - 1
			continue
		}
		if !a.isNounModifier(k, s.Last) {
			break
		}
	}
	if head < 0 && a.numberAsHead(i, s) {
		head = i // "his 757 was …": the number names a thing
	}
	if head < 0 {
		return NP{}, false
	}
	last := head
	if n, _ := a.Match(lexicon.TitleHeads, head); n > 1 && head+n-1 <= s.Last {
		last = head + n - 1 // "the president's chief of staff": a title's head of several words, its head its first
	}
	np := newNP(i, last, KindCommon)
	np.Head = head
	np.Plural = a.Tag(head) == "NNS" || a.Tag(head) == "NNPS"
	np.Affiliation = aff
	return np, true
}

// complementizerThat: "that" at i opens a content clause rather than
// determining a noun: after a speech verb and its object ("said that
// relations …", "told reporters that trade …"), at the start of a
// sentence, or before a plural noun, which "that" cannot determine.
func (a *Analysis) complementizerThat(i int, s parser.Sentence) bool {
	if !a.Is(i, Complementizer) {
		return false
	}
	if a.Tag(i) == "WDT" && i > s.First && i+1 <= s.Last && isNounTag(a.Tag(i+1)) && a.NPAt[i-1] >= 0 {
		return true // "a charity that prosecutors said …": a relative "that", no determiner
	}
	if a.Tag(i) == "WDT" {
		return false
	}
	if i == s.First {
		return true
	}
	// A speech verb, perhaps with its object, just before: "said that",
	// "told reporters that", "assured him that".
	for k := i - 1; k >= s.First && k >= i-4; k-- {
		if a.In(lexicon.SpeechVerbs, k) && strings.HasPrefix(a.Tag(k), "VB") {
			return true
		}
		if t := a.Tag(k); !(isNounTag(t) || t == "PRP" || t == "DT" || t == "JJ" || t == "RB") {
			break
		}
	}
	for k := i + 1; k <= s.Last && k <= i+4; k++ {
		switch t := a.Tag(k); {
		case t == "NNS" || t == "NNPS":
			return true
		case t == "NN" || t == "NNP":
			return false
		}
	}
	return false
}

// endsCommonNP: token k, in a common NP that starts at i (its words at
// j), cannot belong to it: another chunk, the other side of a quotation
// mark, a time ("today", "next week"), or a verb the tagger took for a
// noun ("Biden spoke by phone").
func (a *Analysis) endsCommonNP(i, j, k int) bool {
	if a.NPAt[k] >= 0 || a.InQuote(k) != a.InQuote(i) || a.timeAt[k] >= 0 {
		return true
	}
	if a.participleModifier(i, j, k) {
		return false
	}
	if a.In(lexicon.Modals, k) && !a.Cap(k) || a.afterDoSupport(k) {
		return true // "The committee cannot approve", "did not comment"
	}
	return a.isVerb(k) && !isNounTag(a.Tag(k)) || a.Tag(k) != "NNS" && isNounTag(a.Tag(k)) && a.isVerb(k) && k == j ||
		k > j && a.thirdPersonReadAsNoun(k) || // "each year of training yields a rise"
		k > j && a.reportsAfterName(k) // "…, the Ledger reports."
}

// participleModifier: token k, a participle right after the determiner at
// i (j = k), stands before a noun: "the ruling party", "the visiting
// delegation", "the increased focus", "a revised plan". A past participle
// after "that" is a clause's verb instead ("said that increased spending
// …" aside, "the report that increased tensions").
func (a *Analysis) participleModifier(i, j, k int) bool {
	if k != j || j <= i || a.Cap(k) || !a.Is(i, Determiner) || k+1 >= len(a.Words) || !isNounTag(a.Tag(k+1)) || a.Cap(k+1) {
		return false
	}
	return a.Tag(k) == "VBG" || a.Tag(k) == "VBN" && !a.Is(i, Complementizer)
}

// isCommonHead: token k may be a common NP's head noun (a lower-case
// noun, a capitalised one opening a clause, a plural, a plural role).
// verbReadAsNounAt: token i, where a common NP could start, is a verb the
// tagger took for a noun: after a noun phrase ("The Secretary-General met
// today …"), or a speech verb after an adverb set off by commas ("An
// email from her, meanwhile, reveals that …").
func (a *Analysis) verbReadAsNounAt(i int, s parser.Sentence) bool {
	if i > s.First && (a.NPAt[i-1] >= 0 && a.verbAfterNP(i) || (a.NPAt[i-1] >= 0 || a.Is(i-1, Coordinator)) && a.cueVerbBeforeTo(i)) {
		return true
	}
	return a.afterSetOffAdverb(i) && a.knownVerbForm(i) || a.thirdPersonAfterAdverb(i)
}

// thirdPersonAfterAdverb: token j, a lower-case third person in -s of a
// verb of the lists that the tagger took for a plural noun, follows an
// adverb after a name or "he"/"she" that opens its clause: the name's verb
// ("Ana Ruiz often questions …", "she repeatedly urges …").
func (a *Analysis) thirdPersonAfterAdverb(j int) bool {
	if j < 2 || a.Tag(j) != "NNS" || a.Cap(j) || a.Tag(j-1) != "RB" || a.In(lexicon.Negations, j-1) || !a.Bits(j).Any(verbListBits) {
		return false
	}
	if a.Lex.FormOf(a.Low[j], a.listLemma(j)) != lexicon.ThirdPerson {
		return false
	}
	if p := a.Low[j-2]; (p == "he" || p == "she") && a.Tag(j-2) == "PRP" {
		return true
	}
	n := a.npEnding(j - 2)
	if n < 0 || !isNaming(&a.NPs[n]) {
		return false
	}
	f := int(a.NPs[n].First)
	return f == a.Sents[a.Doc.Tokens[j].Sentence].Body || a.Punct(f-1, ",") || a.Is(f-1, Coordinator)
}

// afterSetOffAdverb: token i follows an adverb set off by commas after a
// noun phrase ("The report, meanwhile, …", "Hale, however, …"), where the
// subject's verb goes on.
func (a *Analysis) afterSetOffAdverb(i int) bool {
	return i >= 4 && a.Punct(i-1, ",") && a.Tag(i-2) == "RB" && a.Punct(i-3, ",") && a.NPAt[i-4] >= 0
}

// verbAfterNP: token j, right after a noun phrase, is a verb the tagger
// took for a noun: a known verb form, or a third person in -s.
func (a *Analysis) verbAfterNP(j int) bool {
	return a.knownVerbForm(j) || a.thirdPersonReadAsNoun(j)
}

// knownVerbForm: token j is the past form of a verb of a list ("met",
// "urged"), or a speech verb's third person before "that" ("estimates
// that"), whatever its tag.
func (a *Analysis) knownVerbForm(j int) bool {
	if a.Cap(j) || !a.Bits(j).Any(verbListBits) {
		return false
	}
	switch a.Lex.FormOf(a.Low[j], a.listLemma(j)) {
	case lexicon.PastForm:
		return true
	case lexicon.ThirdPerson: // "X estimates that …"
		return a.In(lexicon.SpeechVerbs, j) && j+1 < len(a.Words) && a.Is(j+1, Complementizer) || a.reportsAfterName(j)
	}
	return false
}

// reportsAfterName: token j, a speech verb's third person in -s that the
// tagger took for a plural noun ("reports", "notes"), right after a
// capitalised name, is that name's verb when the name stands where a
// subject does (the sentence's or clause's start, after a comma) and what
// follows the verb closes the clause or opens what it reports: "…, the
// Ledger reports.", "Democrats, Ana Ruiz notes, want …", "The Ledger
// reports that …" (not "in the Senate reports", "two Ledger reports").
func (a *Analysis) reportsAfterName(j int) bool {
	if j < 1 || j+1 >= len(a.Words) || a.Tag(j) != "NNS" || a.Cap(j) || a.Tag(j-1) != "NNP" && a.Tag(j-1) != "NNPS" || !a.Cap(j-1) {
		return false
	}
	if a.Lex.FormOf(a.Low[j], a.listLemma(j)) != lexicon.ThirdPerson || !a.In(lexicon.SpeechVerbs, j) {
		return false
	}
	if n := a.Words[j+1]; !(n == "," || n == "." || a.Is(j+1, Complementizer)) {
		return false
	}
	i := j - 1
	for i > 0 && (a.Cap(i-1) && (a.Tag(i-1) == "NNP" || a.Tag(i-1) == "NNPS") || a.Words[i-1] == "-") {
		i--
	}
	if i > 0 && a.Is(i-1, Definite) {
		i-- // "the Ledger"
	}
	return a.atClauseStart(i) || a.Punct(i-1, ",")
}

func (a *Analysis) isCommonHead(k int) bool {
	t := a.Tag(k)
	if isVerbTag(t) && !a.Cap(k) && a.Bits(k).Any(nounListBits) && !a.isVerb(k) {
		return true // "told parliament …", tagged as a verb
	}
	return isNounTag(t) && (!a.Cap(k) || t != "NNP" && a.atClauseStart(k)) || t == "NNS" || a.isPluralRole(k)
}

// isNounModifier: token k may stand before a common NP's head: an
// adjective, a number, a participle before a noun, a hyphen.
func (a *Analysis) isNounModifier(k, last int) bool {
	t := a.Tag(k)
	if t == "VBG" && k > 0 && a.participleModifier(k-1, k, k) {
		return true
	}
	return t == "JJ" || t == "JJR" || t == "JJS" || t == "CD" || t == "VBN" && k+1 <= last && isNounTag(a.Tag(k+1)) || t == "HYPH" ||
		t == "RBR" && k+1 <= last && (a.Tag(k+1) == "JJ" || isNounTag(a.Tag(k+1)) && !a.Cap(k+1)) || // "further joint cooperation"
		t == "RBS" && k+1 <= last && a.Tag(k+1) == "JJ" || // "the most harmful information"
		t == "NNP" && k > 0 && a.Is(k-1, Determiner) && a.modifiesNoun(k+1, last) && a.lowerBody(k+1, last) <= k // "the AP report", "an NBC report"
}

// capitalisedHead: token k, in a common noun phrase from i whose words
// start at j (after a determiner), is a capitalised head that ends it:
// after an adjective ("the top Republican in the Senate", "a leading
// Democrat") or, a plural, right after a quantifier ("some Democrats",
// "many Republicans": people by party or nation).
func (a *Analysis) capitalisedHead(i, j, k, last int) bool {
	if j == i || !a.properHead(k, last) {
		return false
	}
	// "a Republican who …": after "a" alone, one member of a group
	return k > j || a.Tag(k) == "NNPS" && !a.Is(i, Definite) || j == i+1 && (strings.EqualFold(a.Words[i], "a") || strings.EqualFold(a.Words[i], "an"))
}

// properHead: token k, a capitalised noun after a determiner and an
// adjective, heads a common noun phrase on its own: a party member or
// the like ("the top Republican in the Senate"), not a place or a name
// that goes on.
func (a *Analysis) properHead(k, last int) bool {
	if !a.Cap(k) || a.Tag(k) != "NNP" && a.Tag(k) != "NNPS" || a.NPAt[k] >= 0 || a.InQuote(k) {
		return false
	}
	if k+1 <= last && (a.Cap(k+1) || isNounTag(a.Tag(k+1)) || a.Is(k+1, Possessive)) {
		return false
	}
	n, _ := a.modifierName(k)
	return n == 0 && !a.isTitleWord(k)
}

// modifierRunOpened: a run of proper nouns at k, inside the common noun
// phrase from i whose words start at j, may modify its noun: after a
// determiner ("the White House press office") or a lower-case adjective
// ("former Ohio governor").
func (a *Analysis) modifierRunOpened(i, j, k int) bool {
	return j > i || k > j && !a.Cap(i) && a.Tag(i) == "JJ"
}

// properModifierRun: a run of proper nouns from k that modifies the
// common noun right after it, in a noun phrase opened by a determiner ("a
// former Ohio Democratic Party finance director", "the White House
// press office"); its length, or 0. The noun after it must not be
// an organisation's head ("the Iowa Republican party"), which makes the
// run a name.
func (a *Analysis) properModifierRun(k, last int) int {
	r := k
	for r <= last && r < k+6 && a.Cap(r) && (a.Tag(r) == "NNP" || a.Tag(r) == "NNPS") && a.NPAt[r] < 0 && !a.InQuote(r) {
		r++
	}
	if r == k || !a.modifiesNoun(r, last) || a.lowerBody(r, last) > r-1 || a.In(lexicon.OrgHeads, r) {
		return 0
	}
	return r - k
}

// isPlaceCompound: token k joins two or more countries (or their
// demonyms, capitals or organisations) with hyphens ("China-US",
// "India-Pakistan", "Sino-Japanese", "EU-Moldova").
func (a *Analysis) isPlaceCompound(k int) bool {
	w := a.Words[k]
	if !strings.Contains(w, "-") || !a.Cap(k) {
		return false
	}
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for i, p := range parts {
		if p == "" {
			return false
		}
		if i == len(parts)-1 && k+1 < len(a.Words) && a.Words[k+1] == "." && a.Doc.Tokens[k+1].Start == a.Doc.Tokens[k].End {
			p += "." // "Japan-U.S." with its dot split off by the tokenizer
		}
		if _, ok := a.Lex.Has(lexicon.Places, p); ok {
			continue
		}
		if _, ok := a.Lex.Has(lexicon.Demonyms, p); ok {
			continue
		}
		if _, ok := a.Lex.Has(lexicon.Capitals, p); ok {
			continue
		}
		if _, ok := a.Lex.Has(lexicon.Organisations, p); ok {
			continue // "EU-Moldova", "US-EU"
		}
		return false
	}
	return true
}

// modifierLen is the length of a demonym, country or title modifier at k.
func (a *Analysis) modifierLen(k int) int {
	if n, _ := a.modifierName(k); n > 0 {
		return n
	}
	n, _ := a.Match(lexicon.TitleModifiers, k)
	return n
}

// modifierName: a demonym or a country's name used as a modifier at k,
// and the country.
func (a *Analysis) modifierName(k int) (int, string) {
	if a.isPlaceCompound(k) {
		return 1, "" // "China-US ties", "the India-Pakistan talks": no one country
	}
	if n, c := a.Match(lexicon.Demonyms, k); n > 0 {
		return n, c
	}
	if n := a.placeLen(k); n > 0 {
		return n, a.gazetteerValue(k)
	}
	if n, o := a.Match(lexicon.Organisations, k); n > 0 {
		return n, o
	}
	return 0, ""
}

// titleChain is a title of office found before a name or as a role.
type titleChain struct {
	end         int // first token after the title
	nameStart   int // first token of the role's own name (after a determiner)
	textStart   int
	headTok     int
	text        string
	core        string
	affiliation string
	domain      string // the domain the title names ("External Affairs")
	gender      byte
	definite    bool // "the" opens it
}

// titleAt recognises "[the] [Country|Demonym|Org ['s]] Modifier* Head
// [of|for Domain]" at token i.
func (a *Analysis) titleAt(i, last int) (titleChain, bool) {
	t := titleChain{nameStart: i, textStart: i}
	j := i
	if j <= last && a.Is(j, Definite) {
		j++
		t.nameStart, t.textStart, t.definite = j, j, true
	}
	if j > last {
		return t, false
	}
	j = a.titlePrefix(&t, j, last)
	k := a.titleCore(&t, j, last)
	if k < 0 {
		return t, false
	}
	// A lowercase title needs a determiner, a name after it or a name
	// before it: "foreign minister Wang Yi", "the president", "Li,
	// chairman of …"; "a general call" is no title.
	if !a.Cap(j) && t.textStart == i && !a.Is(i, Definite) && (k > last || !a.Cap(k)) && !a.afterNameComma(i) {
		return t, false
	}
	// A lowercase title word before a lowercase noun modifies it: "the
	// general election", "a minister-level meeting".
	if !a.Cap(k-1) && k <= last && !a.Cap(k) && isNounTag(a.Tag(k)) && !a.Is(k, Possessive) {
		return t, false
	}
	k = a.titleDomain(&t, k, last)
	if t.affiliation == "" && t.domain != "" {
		// "External Affairs Minister": the office of the one country
		// whose ministry of that domain the gazetteer knows.
		t.affiliation = a.Lex.MinistryCountry(t.domain)
	}
	t.end = k
	t.text = a.Text(t.textStart, k-1)
	if !IsCap(t.text) {
		t.text = strings.ToUpper(t.text[:1]) + t.text[1:]
	}
	return t, true
}

// afterNameComma: token i follows "NAME ,": an apposition's place.
func (a *Analysis) afterNameComma(i int) bool {
	if !a.Punct(i-1, ",") {
		return false
	}
	np := a.npEnding(i - 2)
	return np >= 0 && (a.NPs[np].Kind == KindName || a.NPs[np].Kind == KindTitled)
}

// titlePrefix reads the affiliation before a title ("NATO", "EU Council",
// "China's", "United States", "Chinese") and returns where the title's
// own words start.
func (a *Analysis) titlePrefix(t *titleChain, j, last int) int {
	if n, org := a.Match(lexicon.Organisations, j); n > 0 {
		t.affiliation = org
		k := j + n
		// "EU Council President Antonio Costa": a body of the organisation.
		if e := a.orgRun(k, last); e >= k && e+1 <= last && a.In(lexicon.TitleHeads, e+1) {
			t.affiliation = a.Text(j, e)
			return e + 1
		}
		return k
	}
	if e := a.orgRun(j, last); e >= j && e+1 <= last && a.In(lexicon.TitleHeads, e+1) && a.Cap(e+1) {
		// "Cheong Wa Dae spokesperson", "Foreign Ministry spokesman"
		t.affiliation = a.Text(j, e)
		return e + 1
	}
	if n := a.placeLen(j); n > 0 && j+n <= last {
		if a.Is(j+n, Possessive) {
			t.affiliation = a.gazetteerValue(j)
			t.textStart = j + n + 1
			return j + n + 1
		}
		if a.isTitleWord(j + n) {
			// "United States President Barack Obama", "US Secretary of State"
			t.affiliation = a.gazetteerValue(j)
			t.textStart = j + n
			return j + n
		}
	}
	if n, c := a.Match(lexicon.Demonyms, j); n > 0 {
		t.affiliation = c
		t.textStart = j + n
		return j + n
	}
	return j
}

// titleHeadStart skips, from token j, the words before a title's
// modifiers and heads that are part of the title but in no list: a
// domain ("External Affairs Minister"), capitalised words after an
// affiliation, lower-case nouns ("government spokesman").
func (a *Analysis) titleHeadStart(t *titleChain, j, last int) int {
	k := j
	// "External Affairs Minister Subrahmanyam Jaishankar": capitalised
	// words that are neither names nor gazetteer entries, before a head
	// that a name follows.
	if t.affiliation != "" {
		c := j
		for c <= last && c < j+3 && a.Cap(c) && !a.isTitleWord(c) && !a.isGazetteer(c) {
			c++
		}
		if c > j && c <= last && a.In(lexicon.TitleHeads, c) && c+1 <= last && a.Cap(c+1) {
			k = c
		}
	}
	// "External Affairs Minister Rohan Iyer", "Home Affairs Secretary":
	// a domain the lexicon knows, before a head.
	if n, _ := a.Match(lexicon.Domains, k); n > 0 && a.Cap(k) && k+n <= last && a.In(lexicon.TitleHeads, k+n) {
		t.domain = a.Text(k, k+n-1)
		k += n
	}
	// "government spokesman Steffen Hebestreit", "army chief Carl Dorsey":
	// lower-case nouns before a head that a name follows.
	if !a.Cap(k) {
		c := k
		for c <= last && c < k+2 && (a.Tag(c) == "NN" || a.Tag(c) == "JJ") && !a.isTitleWord(c) {
			c++
		}
		if c > k && a.In(lexicon.TitleHeads, c) && (c+1 <= last && a.Cap(c+1) || t.definite) {
			k = c // "army chief Carl Dorsey", "the army chief of staff"
		}
	}
	return k
}

// titleCore reads modifiers and heads ("Prime Minister", "External Affairs
// Minister") and returns the token after the last head, or -1.
func (a *Analysis) titleCore(t *titleChain, j, last int) int {
	k := a.titleHeadStart(t, j, last)
	coreStart := j
	heads, lastHead, lastHeadLen := 0, -1, 0
	for k <= last && k-j < 6 {
		if n, _ := a.Match(lexicon.TitleHeads, k); n > 0 {
			heads++
			lastHead, lastHeadLen = k, n
			k += n
			continue
		}
		if n, _ := a.Match(lexicon.TitleModifiers, k); n > 0 {
			k += n
			continue
		}
		break
	}
	if heads == 0 {
		return -1
	}
	t.headTok = lastHead + lastHeadLen - 1
	t.gender = a.genderOf(lastHead, lastHeadLen)
	t.core = strings.ReplaceAll(strings.ToLower(a.Text(coreStart, t.headTok)), "-", " ")
	return lastHead + lastHeadLen
}

// titleDomain reads up to three "of"/"for" parts: "of the European
// Commission", "for Foreign Affairs", "of State", "for Foreign and
// Commonwealth Affairs of the UK".
func (a *Analysis) titleDomain(t *titleChain, k, last int) int {
	for round := 0; round < 3; round++ {
		if !(k+1 <= last && (a.Is(k, Genitive) || a.Is(k, Benefactive))) {
			break
		}
		m := k + 1
		if a.Is(m, Definite) && m+1 <= last {
			m++
		}
		if n, _ := a.Match(lexicon.Domains, m); n > 0 {
			// "Minister for Foreign Affairs" is a foreign (affairs)
			// minister: the domain's words join the core, so that "the
			// Foreign Minister" fits it
			t.core += " " + strings.ReplaceAll(strings.ToLower(a.Text(m, m+n-1)), "-", " ")
			if t.domain == "" {
				t.domain = a.Text(m, m+n-1)
			}
			k = m + n
		} else if n, org := a.Match(lexicon.Organisations, m); n > 0 {
			k = m + n
			t.affiliation = org
		} else if n := a.placeLen(m); n > 0 {
			k = m + n
			if t.affiliation == "" {
				t.affiliation = a.gazetteerValue(m)
			}
			// "Special Representative for Russia and Ukraine"
			if k+1 <= last && a.Is(k, Coordinator) {
				if n2 := a.placeLen(k + 1); n2 > 0 {
					k += 1 + n2
				}
			}
		} else if e := a.capitalisedPhrase(m, last); e >= m && round < 2 {
			k = e + 1
		} else {
			break
		}
	}
	return k
}

// capitalisedPhrase returns the last token of a run of capitalised words
// joined by "and" ("Foreign and Commonwealth Affairs"), or i-1.
func (a *Analysis) capitalisedPhrase(i, last int) int {
	end := i - 1
	for j := i; j <= last && j < i+6; j++ {
		if a.Cap(j) && !a.isGazetteer(j) {
			end = j
			continue
		}
		if j > i && a.Is(j, Coordinator) && j+1 <= last && a.Cap(j+1) {
			continue
		}
		break
	}
	return end
}
