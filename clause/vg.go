package clause

import (
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
	"strings"
)

// Form is whether a verb group is finite.
type Form uint8

// The forms of a verb group.
const (
	Finite     Form = iota // "said", "will visit", "has been told"
	Infinitive             // "to help"
	Gerund                 // "saying", "noting" (no auxiliary)
	Participle             // "reached" in "the consensus reached by …" (no auxiliary)
)

var formNames = [...]string{"finite", "infinitive", "gerund", "participle"}

func (f Form) String() string { return formNames[f] }

// Tense is the tense of a finite verb group.
type Tense uint8

// The tenses.
const (
	NoTense Tense = iota
	Present
	Past
	Future      // will, shall
	Conditional // would
)

var tenseNames = [...]string{"", "present", "past", "future", "conditional"}

func (t Tense) String() string { return tenseNames[t] }

// VG is a verb group: auxiliaries, a modal, adverbs and negation, and the
// main verb, tokens First through Last of one sentence.
type VG struct {
	First, Last int
	Head        int    // the main verb
	Lemma       string // the main verb's lemma (from the lexicon's verb lists, else guessed)
	Form        Form
	Tense       Tense
	Modal       string // the modal's modality (lexicon: modals): future, conditional, obligation, possibility; or ""
	ModalTok    int    // the modal's token, or -1
	Negated     bool   // not, n't, never (lexicon: negations)
	NegTok      int    // the first negation's token, or -1
	Passive     bool   // a form of be or get and a past participle
	Perfect     bool   // a form of have and a past participle
	Headline    bool   // a headline's "U.S. to send troops": a to-infinitive that is its clause's predicate, with future modality

	// Links (indexes into Analysis.NPs or Analysis.VGs, or -1).
	Subject  int32 // the subject NP (for coordinated subjects, the first conjunct)
	Inverted bool  // the subject follows the verb: "…, said Rice"
	Object   int32 // the NP right after the verb
	Agent    int32 // a passive's "by" NP
	Coord    int32 // the verb group this one is coordinated with, whose subject it shares
	Rel      int32 // the NP a relative clause ("…, who visited …") is about

	firstTag string
}

// Tag is the verb group's part-of-speech tag of its first verb, kept when
// the group is made.
func (vg *VG) Tag() string { return vg.firstTag }

// Predicate reports whether the verb group is the predicate of a clause:
// finite, or a headline's to-infinitive ("U.S. to send troops").
func (vg *VG) Predicate() bool { return vg.Form == Finite || vg.Headline }

func newVG(first int) VG {
	return VG{First: first, ModalTok: -1, NegTok: -1, Subject: -1, Object: -1, Agent: -1, Coord: -1, Rel: -1}
}

// verbLists are the lists whose values are lemmas.
var verbLists = []lexicon.ID{lexicon.SpeechVerbs, lexicon.RequestVerbs, lexicon.ActVerbs, lexicon.WithVerbs,
	lexicon.HostVerbs, lexicon.VisitVerbs, lexicon.ItineraryVerbs}

var verbListBits = lexicon.Of(verbLists...)

// findVGs finds the verb groups of sentence si.
func (a *Analysis) findVGs(si int) {
	s := a.Doc.Sentences[si]
	for i := s.First; i <= s.Last; i++ {
		if a.NPAt[i] >= 0 || a.timeTail(i) {
			continue
		}
		vg, ok := a.vgAt(i, s)
		if !ok {
			continue
		}
		for k := vg.First; k <= vg.Last; k++ {
			a.VGAt[k] = int32(len(a.VGs))
		}
		a.VGs = append(a.VGs, vg)
		i = vg.Last
	}
}

// vgAt reads a verb group starting at token i.
func (a *Analysis) vgAt(i int, s parser.Sentence) (VG, bool) {
	vg := newVG(i)
	j := i
	if a.Is(i, InfinitiveMarker) && a.Tag(i) == "TO" {
		if !(i+1 <= s.Last && a.isVerb(i+1)) || a.gerundAfterOpeningTo(i) {
			return vg, false
		}
		vg.Form = Infinitive
		j = i + 1
	} else if !a.isVerb(i) || a.RoleLen(i, Attribution) > 0 {
		return vg, false // "according to" is an attribution, not a verb
	}
	head := a.chainHead(j, s.Last)
	if head < 0 {
		return vg, false
	}
	vg.Last, vg.Head = head, head
	a.describeVG(&vg)
	return vg, true
}

// gerundAfterOpeningTo: "to" at token i, before a gerund, ends a
// preposition that opens the sentence ("In addition to stating …,"):
// a preposition, not an infinitive marker.
func (a *Analysis) gerundAfterOpeningTo(i int) bool {
	if i+1 >= len(a.Words) || a.Tag(i+1) != "VBG" {
		return false
	}
	return a.openingPreposition(a.Sents[a.Doc.Tokens[i].Sentence].Body, i+1)
}

// chainHead follows auxiliaries, adverbs and negation from token j to the
// main verb and returns it, or -1.
func (a *Analysis) chainHead(j, last int) int {
	head := -1
	for ; j <= last && a.NPAt[j] < 0; j++ {
		switch {
		case head >= 0 && a.isAuxiliary(head) && a.In(lexicon.Negations, j) && a.verbAhead(j, last):
			// "would n’t say": a negation the tagger read as a verb
		case a.isVerb(j):
			head = j
			if !a.isAuxiliary(j) {
				return head
			}
		case a.isAdverb(j) && a.verbAhead(j, last):
		case head >= 0 && a.adverbMisread(head, j, last):
		case head >= 0 && a.isAuxiliary(head) && a.Is(j, Dual) && j+1 <= last && a.isVerb(j+1):
			// "would both fund X and restore Y": "both" inside the chain
		case head >= 0 && a.In(lexicon.Auxiliaries, head) && a.Punct(j, ","):
			// "has, however, revealed": adverbs set off inside the chain
			n := a.commaAdverbs(j, last)
			if n == 0 {
				return head
			}
			j += n - 1
		case head >= 0 && a.isAuxiliary(head) && a.isQuoteMark(j) && j+1 <= last && a.isVerb(j+1):
			// would 'put its best people forward': the verb goes on inside the marks
		default:
			return head
		}
	}
	return head
}

// adverbMisread: token j, after auxiliary head and before a past form, is
// an adverb the tagger read as a preposition ("has since said") or an
// adjective ("have long argued").
func (a *Analysis) adverbMisread(head, j, last int) bool {
	if !a.In(lexicon.Auxiliaries, head) || j+1 > last || a.Tag(j+1) != "VBN" && a.Tag(j+1) != "VBD" {
		return false
	}
	return a.Low[j] == "since" || a.Tag(j) == "JJ"
}

// commaAdverbs: at the comma at token j stand adverbs set off by commas
// and then a past participle ("has, however, revealed"): the number of
// tokens up to the second comma, or 0.
func (a *Analysis) commaAdverbs(j, last int) int {
	k := j + 1
	for k <= last && k <= j+3 && a.isAdverb(k) {
		k++
	}
	if k == j+1 || k+1 > last || !a.Punct(k, ",") || a.Tag(k+1) != "VBN" && a.Tag(k+1) != "VBD" {
		return 0
	}
	return k - j + 1
}

// verbAhead: an adverb inside a verb group has a verb within two tokens.
func (a *Analysis) verbAhead(j, last int) bool {
	for k := j + 1; k <= last && k <= j+2; k++ {
		if a.isVerb(k) {
			return true
		}
		if !a.isAdverb(k) {
			return false
		}
	}
	return false
}

func (a *Analysis) isAdverb(j int) bool {
	return a.Tag(j) == "RB" || a.Tag(j) == "RBR" || a.In(lexicon.Negations, j)
}

// isAuxiliary: a modal, or a form of be, have, do or get that another
// verb may follow.
func (a *Analysis) isAuxiliary(j int) bool {
	return a.Tag(j) == "MD" || a.In(lexicon.Modals, j) || a.In(lexicon.Auxiliaries, j) || a.contractedBe(j)
}

// contractedBe: "'s" after a personal pronoun or "there", "that", "what"
// is "is" or "has" ("he's not giving up", "it's time"), which the tagger
// takes for a possessive.
func (a *Analysis) contractedBe(j int) bool {
	if j == 0 || !a.Is(j, Possessive) || len(a.Low[j]) < 2 || a.Tag(j-1) == "PRP$" {
		return false // a bare apostrophe is only ever a possessive
	}
	return a.Tag(j-1) == "PRP" && a.In(lexicon.Pronouns, j-1) || a.Is(j-1, Existential) || a.Is(j-1, Relative) ||
		a.Is(j-1, Place) || a.Is(j-1, Complementizer) || a.Tag(j-1) == "WP"
}

// isVerb: token j is a verb. The tagger's verb tags are trusted; so is a
// form of a known verb that it took for a noun or adjective ("Yoon
// urged" as NN), when nothing makes it a noun (a determiner, a possessive
// or an adjective before it).
func (a *Analysis) isVerb(j int) bool {
	if a.contractedBe(j) {
		return true
	}
	t := a.Tag(j)
	if a.In(lexicon.Modals, j) && !a.Cap(j) {
		return true // "cannot", tagged as a noun
	}
	if (isNounTag(t) || t == "JJ") && !a.Cap(j) && (a.afterDoSupport(j) || a.afterModal(j) || a.infinitiveAfterCue(j) || a.gapVerbAfterCue(j)) {
		return true // "did not comment", "would share data", "pledged to share data": a bare verb, whatever its tag
	}
	if a.participleOnObject(j) {
		return false
	}
	if isVerbTag(t) {
		return !a.nounReadAsVerb(j) && (!a.Cap(j) || a.atClauseStart(j) || t != "VB")
	}
	if a.verbReadAsNoun(j) {
		return true
	}
	if !(isNounTag(t) || t == "JJ") || a.Cap(j) && !a.atClauseStart(j) {
		return false
	}
	if !a.Bits(j).Any(verbListBits) {
		return false
	}
	// Only past forms ("urged", "said") and a speech verb's third person
	// ("says"): the bare lemma and plural-looking forms ("call", "visits")
	// are as likely nouns.
	switch a.Lex.FormOf(a.Low[j], a.listLemma(j)) {
	case lexicon.PastForm:
	case lexicon.ThirdPerson:
		if !a.In(lexicon.SpeechVerbs, j) {
			return false
		}
	default:
		return false
	}
	if j > 0 && a.npEnding(j-1) < 0 { // after a noun phrase it is its verb ("The Secretary-General met")
		switch a.Tag(j - 1) {
		case "DT", "PRP$", "POS", "JJ", "JJR", "JJS":
			return false
		}
	}
	return true
}

// verbReadAsNoun: token j, tagged as a noun, is a verb by what stands
// around it: "Costa and Quintero plan to meet", "she favors raising …",
// "said each year of training yields a rise".
func (a *Analysis) verbReadAsNoun(j int) bool {
	return j > 0 && (a.npEnding(j-1) >= 0 || a.Is(j-1, Coordinator)) && a.cueVerbBeforeTo(j) || a.thirdPersonReadAsNoun(j) || a.thirdPersonAfterAdverb(j)
}

// thirdPersonReadAsNoun: token j, a lower-case word in -s that the
// tagger read as a plural noun, is a verb in its third person: right
// after "he" or "she" ("she favors raising the fee"), or the only verb of
// a clause reported by a say-like verb before it, after a singular noun
// and before what opens its object, no time ("says each year of training
// yields a rise"; not "said the trade talks this week were …", which has
// a verb of its own, nor "announced new tax breaks this year"). Words of
// the noun lists stay nouns.
func (a *Analysis) thirdPersonReadAsNoun(j int) bool {
	w := a.Low[j]
	if a.Tag(j) != "NNS" || a.Cap(j) || j == 0 || len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") ||
		a.Bits(j).Any(nounListBits) {
		return false
	}
	if p := a.Low[j-1]; (p == "he" || p == "she") && a.Tag(j-1) == "PRP" {
		return true
	}
	if a.Tag(j-1) != "NN" || a.Cap(j-1) || j+1 >= len(a.Words) {
		return false
	}
	switch a.Tag(j + 1) {
	case "DT", "CD", "PRP$", "TO":
	default:
		return false
	}
	return a.timeAt[j+1] < 0 && a.onlyVerbOfReportedClause(j) // not "announced new tax breaks this year"
}

// onlyVerbOfReportedClause: a say-like verb stands within 15 tokens before
// token j in its sentence, and no token between them or after j to the
// sentence's end is tagged a finite verb or modal; or the clause opens
// its sentence with no such token before j, and after j only an
// attribution set off by a comma has one ("the new job marks his
// return, one friend said").
func (a *Analysis) onlyVerbOfReportedClause(j int) bool {
	s := a.Doc.Sentences[a.Doc.Tokens[j].Sentence]
	for k := j + 1; k <= s.Last; k++ {
		if isFiniteTag(a.Tag(k)) || a.Tag(k) == "MD" {
			return a.attributionVerbAt(j, k) && !a.finiteTagBetween(s.First, j-1)
		}
	}
	for k := j - 2; k >= s.First && k >= j-15; k-- {
		if a.In(lexicon.SayVerbs, k) && (isFiniteTag(a.Tag(k)) || a.Tag(k) == "VBG") {
			return true // "says …", "…, saying …"
		}
		if isFiniteTag(a.Tag(k)) || a.Tag(k) == "MD" {
			return false
		}
	}
	return false
}

// attributionVerbAt: token k, the first finite verb after token j, is a
// say-like verb that attributes the clause before a comma between them:
// only the words of a noun phrase (its subject) stand between the comma
// and it ("…, one longtime friend said", "…, said Ana Ruiz"). Tags alone:
// the verb groups are not made yet.
func (a *Analysis) attributionVerbAt(j, k int) bool {
	if !a.In(lexicon.SayVerbs, k) {
		return false
	}
	c := k - 1
	for c > j && !a.Punct(c, ",") {
		switch t := a.Tag(c); {
		case isNounTag(t), strings.HasPrefix(t, "JJ"), t == "DT", t == "CD", t == "PRP", t == "PRP$", t == "POS":
		case a.Words[c] == "." && len(a.Words[c-1]) == 1 && a.Cap(c-1): // an initial: "R. N. Deshpande"
		default:
			return false
		}
		c--
	}
	return c > j+1
}

// finiteTagBetween: a token in [from, to] is tagged a finite verb or modal.
func (a *Analysis) finiteTagBetween(from, to int) bool {
	for k := from; k <= to; k++ {
		if isFiniteTag(a.Tag(k)) || a.Tag(k) == "MD" {
			return true
		}
	}
	return false
}

// participleOnObject: token j, a past form (or an adjective) right after
// a finite verb that is no auxiliary, and before a noun, modifies the
// verb's object: "pledged continued support", "promised increased
// funding" (two finite verbs do not stand side by side).
func (a *Analysis) participleOnObject(j int) bool {
	t := a.Tag(j)
	if t != "JJ" && t != "VBD" && t != "VBN" || j == 0 || j+1 >= len(a.Words) || a.Cap(j) {
		return false
	}
	return isFiniteTag(a.Tag(j-1)) && !a.isAuxiliary(j-1) && isNounTag(a.Tag(j+1)) && !a.Cap(j+1)
}

// nounReadAsVerb: token j, tagged as a bare or present verb right after
// another verb, is a word of a noun list: the verb's object ("told
// parliament the budget …"), not a verb; so is one right after a
// demonym ("his US counterpart") and one right before a past speech verb
// ("…, police said": "police" is no present tense before a past).
func (a *Analysis) nounReadAsVerb(j int) bool {
	t := a.Tag(j)
	if (t != "VB" && t != "VBP") || j == 0 || !a.Bits(j).Any(nounListBits) {
		return false
	}
	if a.In(lexicon.Demonyms, j-1) && !a.Cap(j) {
		return true // "US counterpart": a demonym's noun
	}
	if j+1 < len(a.Words) && a.Tag(j+1) == "VBD" && a.In(lexicon.SpeechVerbs, j+1) {
		return true // "…, police said": the speech verb's subject
	}
	return isFiniteTag(a.Tag(j-1)) && !a.isAuxiliary(j-1) // not "would host", "did host"
}

// nounListBits are the noun lists: a word of one right after a verb is
// its object, whatever the tagger says.
var nounListBits = lexicon.Of(lexicon.OrgHeads, lexicon.SourceNouns, lexicon.DocumentNouns)

// afterDoSupport: token j follows a form of "do" and a negation ("did
// not comment", "does not accept", "didn't respond").
func (a *Analysis) afterDoSupport(j int) bool {
	k := j - 1
	neg := false
	for k >= 0 && k >= j-3 && a.In(lexicon.Negations, k) {
		k, neg = k-1, true
	}
	if !neg || k < 0 {
		return false
	}
	_, v := a.Match(lexicon.Auxiliaries, k)
	return v == "do"
}

// afterModal: token j follows a modal verb, with at most a negation or
// an adverb between ("would share", "will not accept", "will also
// open"): a bare verb, whatever the tagger made of it.
func (a *Analysis) afterModal(j int) bool {
	k := j - 1
	for k >= 0 && k >= j-3 && (a.In(lexicon.Negations, k) || a.Tag(k) == "RB") {
		k--
	}
	if k < 0 || a.Doc.Tokens[k].Sentence != a.Doc.Tokens[j].Sentence {
		return false
	}
	return a.Tag(k) == "MD" && !a.Cap(k) && a.In(lexicon.Modals, k)
}

// infinitiveAfterCue: token j, a singular noun by its tag, follows the
// "to" after a pledge cue's verb ("pledged to share data", "vowed on
// Monday to share …", "promised Rao to share …") and an object starts
// after it (not a noun): a bare verb. A capitalised or plural word
// ("agreed to terms", "pledged to Ukraine") stays a noun.
// gapVerbAfterCue: token j, right after a finite say-like verb whose
// subject follows a relative word, is the verb of the reported clause
// whose subject the relative word stands for, whatever its tag: "laws
// that critics say target/NN the poor", "moves that she said
// improved/JJ the economy", "laws that courts said discriminated/VBN
// against voters". A singular noun needs an object after it; a plural
// noun is the reported clause's subject ("fees that she said taxpayers
// paid") and stays one.
func (a *Analysis) gapVerbAfterCue(j int) bool {
	if j < 3 || j+1 >= len(a.Words) || a.Cap(j) || !a.In(lexicon.SayVerbs, j-1) || !isFiniteTag(a.Tag(j-1)) || !a.sameSentence(j-3, j+1) {
		return false
	}
	switch t := a.Tag(j); {
	case t == "JJ" || t == "VBN":
		if !strings.HasSuffix(a.Low[j], "ed") {
			return false
		}
	case t == "NN":
		switch a.Tag(j + 1) {
		case "NNP", "NNPS", "NNS", "DT", "PRP$":
		default:
			return false
		}
	default:
		return false
	}
	k := j - 2 // the say-verb's subject, then the relative word before it
	for k > 0 && (isNounTag(a.Tag(k)) || a.Tag(k) == "JJ" || a.Tag(k) == "DT" || a.Tag(k) == "PRP" || a.Tag(k) == "CD") && j-k < 6 {
		k--
	}
	return k < j-2 && (a.Low[k] == "that" || a.Low[k] == "which" || a.Low[k] == "who")
}

func (a *Analysis) infinitiveAfterCue(j int) bool {
	if j < 2 || j+1 >= len(a.Words) || a.Tag(j) != "NN" || !a.Is(j-1, InfinitiveMarker) || a.Tag(j-1) != "TO" {
		return false
	}
	switch a.Tag(j + 1) {
	case "DT", "JJ", "PRP$", "CD": // not a noun: "committed to peace talks"
	default:
		return false
	}
	si := a.Doc.Tokens[j].Sentence
	for k := j - 2; k >= 0 && k >= j-8 && a.Doc.Tokens[k].Sentence == si; k-- {
		if a.Punct(k, ",") {
			return false
		}
		if t := a.Tag(k); t == "VBD" || t == "VBZ" || t == "VBP" {
			return a.In(lexicon.PledgeCues, k)
		}
	}
	return false
}

// listLemma is the lemma the verb lists give token j, or "".
func (a *Analysis) listLemma(j int) string {
	for _, id := range verbLists {
		if n, v := a.Match(id, j); n == 1 {
			return v
		}
	}
	return ""
}

// describeVG fills in form, tense, modal, negation, voice and lemma.
func (a *Analysis) describeVG(vg *VG) {
	firstVerb := -1
	prevAux := ""
	for k := vg.First; k <= vg.Last; k++ {
		if a.In(lexicon.Negations, k) && !vg.Negated {
			vg.Negated, vg.NegTok = true, k
		}
		if !a.isVerb(k) {
			continue
		}
		if firstVerb < 0 {
			firstVerb = k
		}
		if n, v := a.Match(lexicon.Modals, k); n > 0 && vg.ModalTok < 0 {
			vg.Modal, vg.ModalTok = v, k
		}
		if k == vg.Head {
			tag := a.Tag(k)
			vg.Passive = (prevAux == "be" || prevAux == "get") && (tag == "VBN" || tag == "VBD")
			vg.Perfect = prevAux == "have" && (tag == "VBN" || tag == "VBD")
			break
		}
		_, prevAux = a.Match(lexicon.Auxiliaries, k)
	}
	vg.Lemma = a.lemma(vg.Head)
	if firstVerb >= 0 {
		vg.firstTag = a.Tag(firstVerb)
	}
	if vg.Form == Infinitive {
		a.negatedInfinitive(vg)
		return
	}
	vg.Form, vg.Tense = a.formAndTense(vg, firstVerb)
}

// negatedInfinitive: a negation just before a to-infinitive's "to"
// ("pledged not to raise taxes", "vowed never to abandon …") negates it,
// unless the negation belongs to a verb group or noun phrase before it.
func (a *Analysis) negatedInfinitive(vg *VG) {
	k := vg.First - 1
	if vg.Negated || k < 0 || a.Doc.Tokens[k].Sentence != a.Doc.Tokens[vg.First].Sentence {
		return
	}
	if a.In(lexicon.Negations, k) && a.VGAt[k] < 0 && a.NPAt[k] < 0 {
		vg.Negated, vg.NegTok = true, k
	}
}

// formAndTense reads a verb group's form and tense from its first verb.
func (a *Analysis) formAndTense(vg *VG, first int) (Form, Tense) {
	switch vg.Modal {
	case lexicon.Future:
		return Finite, Future
	case lexicon.Conditional:
		return Finite, Conditional
	case "":
	default:
		return Finite, Present
	}
	switch a.Tag(first) {
	case "VBD":
		return Finite, Past
	case "VBZ", "VBP", "MD":
		return Finite, Present
	case "VBG":
		return Gerund, NoTense
	case "VBN":
		if first == vg.Head && !(first > 0 && a.In(lexicon.Negations, first-1)) && !a.reportedSubjectBefore(first) && !a.onlyVerbAfterSubject(first) && !a.gapVerbAfterCue(first) {
			return Participle, NoTense
		}
		return Finite, Past // "had met"; "never met": a past tense the tagger read as a participle
	case "VB":
		return Finite, Present
	}
	// A verb the tagger took for a noun: "Yoon urged".
	if a.Lex.FormOf(a.Low[first], a.listLemma(first)) == lexicon.PastForm {
		return Finite, Past
	}
	return Finite, Present
}

// reportedSubjectBefore: the noun phrase just before token j opens a
// content clause, right after a speech verb or its "that" ("said the finance
// minister stood by …"), so a past form j the tagger read as a participle
// is that clause's finite verb, not a reduced relative ("the deal signed
// in 2015").
func (a *Analysis) reportedSubjectBefore(j int) bool {
	p := a.pastAdverb(j)
	quoted := p > 0 && a.isQuoteMark(p) && a.NPAt[p-1] >= 0
	if quoted {
		p-- // a subject in scare quotes: "said that “liberals” allowed …"
	}
	if p < 0 || a.NPAt[p] < 0 {
		return false
	}
	k := a.NPs[a.NPAt[p]].First - 1
	if quoted && k >= 0 && a.isQuoteMark(k) {
		k--
	}
	if k < 0 {
		return false
	}
	if c := a.thatBeforeNouns(p); c >= 0 && a.speechVerbBeforeThat(c) && !a.finiteTagBetween(j+1, a.Sentence(j).Last) && a.Low[j+1] != "by" {
		// "told Fox that Berg's loss of support really accelerated"; not
		// "… that the plan approved by the council failed"
		return true
	}
	if a.Is(k, Complementizer) {
		k--
	}
	return k >= 0 && a.In(lexicon.SpeechVerbs, k) && strings.HasPrefix(a.Tag(k), "VB") && a.Tag(k) != "VBN" && a.Tag(k) != "VBG"
}

// speechVerbBeforeThat: the "that" at token c follows a finite speech
// verb, perhaps with its hearer and a time between ("told Fox that",
// "told reporters on Monday that"): no comma and no other verb between.
func (a *Analysis) speechVerbBeforeThat(c int) bool {
	for k := c - 1; k >= 0 && k >= c-8 && a.sameSentence(k, c); k-- {
		t := a.Tag(k)
		if a.Punct(k, ",") || t == "MD" {
			return false
		}
		if strings.HasPrefix(t, "VB") {
			return isFiniteTag(t) && a.In(lexicon.SpeechVerbs, k)
		}
	}
	return false
}

// thatBeforeNouns: the complementizer "that" before token p with only
// words of noun phrases, prepositions and possessive marks between them
// (the reported clause's subject: "that Berg's loss of support"), or -1.
func (a *Analysis) thatBeforeNouns(p int) int {
	for k := p; k >= 0 && k > p-12 && a.sameSentence(k, p); k-- {
		if a.Is(k, Complementizer) && a.NPAt[k] < 0 {
			return k
		}
		if a.NPAt[k] < 0 && a.Tag(k) != "POS" && a.Tag(k) != "IN" {
			return -1
		}
	}
	return -1
}

// pastAdverb is the token before verb token j, past one adverb ("the
// Democrats already tried"), or -1.
func (a *Analysis) pastAdverb(j int) int {
	p := j - 1
	if p > 0 && a.Tag(p) == "RB" && !a.In(lexicon.Negations, p) && a.NPAt[p] < 0 {
		p--
	}
	return p
}

// onlyVerbAfterSubject: a past form j the tagger read as a participle
// follows the noun phrase that opens its sentence's main clause
// (opensMainClause) and is a pronoun in its subject form, or is another
// noun phrase and no finite verb comes after it before the clause ends
// (a comma, a dash, the sentence's end): then j is the clause's verb, not a reduced relative ("Clinton
// led by 1,500 votes, according to …"; but "The deal signed in 2015
// expired").
func (a *Analysis) onlyVerbAfterSubject(j int) bool {
	p := a.pastAdverb(j)
	if p >= 0 && a.Punct(p, ",") {
		p = a.subjectBeforeAppositive(p)
	}
	if p < 0 || a.NPAt[p] < 0 {
		return false
	}
	si := a.Doc.Tokens[j].Sentence
	first := a.NPs[a.NPAt[p]].First
	if !a.opensMainClause(first, si) {
		return false
	}
	if a.NPs[a.NPAt[p]].Kind == KindPronoun {
		// "She also compared X to Y": a pronoun in its subject form takes
		// no reduced relative ("those injured …" does)
		return a.Is(first, Nominative) && a.NPs[a.NPAt[p]].Last == first
	}
	for k := j + 1; k <= a.Doc.Sentences[si].Last; k++ {
		if a.Punct(k, ",") || isDash(a.Words[k]) || a.Punct(k, ";") {
			break
		}
		if a.finiteAt(k) {
			// "called on the senator to retract and said …": a predicate a
			// coordinator joins to j's is finite with it
			return k > j+1 && a.RoleLen(k-1, Coordinator) == 1 && a.Tag(k) == "VBD"
		}
	}
	return true
}

// subjectBeforeAppositive: comma is the one that closes an appositive set
// off after a name ("Ana Ribeiro, the mayor of Porto, called on …",
// "Tomas Berg, a spokesman for the mayor, called …"): the last token of
// the name, or -1. The appositive is a noun phrase and its prepositional
// phrases, with no verb, opened by a comma right after the name.
func (a *Analysis) subjectBeforeAppositive(comma int) int {
	if comma < 1 || a.NPAt[comma-1] < 0 {
		return -1
	}
	b := a.NPAt[comma-1]
	for n := 0; n < 3; n++ { // "a spokesman for Ms. Ribeiro": the appositive's prepositional phrases
		k := a.NPs[b].First - 1
		if k < 1 || a.Tag(k) != "IN" || a.NPAt[k-1] < 0 {
			break
		}
		b = a.NPAt[k-1]
	}
	if k := a.NPs[b].Kind; k != KindRole && k != KindCommon && k != KindTitled {
		return -1
	}
	open := a.NPs[b].First - 1
	if open < 1 || !a.Punct(open, ",") {
		return -1
	}
	s := a.NPAt[open-1]
	if s < 0 || a.NPs[s].Kind != KindName && a.NPs[s].Kind != KindTitled {
		return -1
	}
	return open - 1
}

// maxFrontedPhrase bounds the fronted phrase opensMainClause steps over, in
// tokens.
const maxFrontedPhrase = 8

// opensMainClause: token k is the first of sentence si's main clause: the
// first token of its body, or the first after a fronted phrase of time or
// place set off by a comma, one without a verb ("Last week, the rebels
// released …", "After the meeting, …", "Meanwhile, …"; a subordinator
// there opens no clause, the phrase having no verb).
func (a *Analysis) opensMainClause(k, si int) bool {
	body := a.Sents[si].Body
	if k == body {
		return true
	}
	comma := k - 1
	if comma <= body || comma-body > maxFrontedPhrase || !a.Punct(comma, ",") {
		return false
	}
	for i := body; i < comma; i++ {
		if isVerbTag(a.Tag(i)) || a.Punct(i, ",") || a.InQuote(i) {
			return false
		}
	}
	if t, ok := a.TimeAt(body); ok && t.Last == comma-1 {
		return true // "Last week,"
	}
	return a.Tag(body) == "IN" || a.Tag(body) == "RB" && comma == body+1
}

// lemma is the lemma of verb token j: the lexicon's when it lists the
// form, else the form as written, lower-cased.
func (a *Analysis) lemma(j int) string {
	if l := a.listLemma(j); l != "" {
		return l
	}
	if n, v := a.Match(lexicon.Auxiliaries, j); n == 1 {
		return v
	}
	return a.Low[j]
}
