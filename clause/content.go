package clause

import "github.com/readout/readout/lexicon"

// ClauseEnd returns the last token of a content clause starting at token
// start: the end of its sentence, less final punctuation, cut before what
// follows the clause rather than belonging to it: a semicolon, ", according
// to X", ", adding that …", ", X said", ", said X", or a second verb of
// the reporting subject ("… and called for …", "… and he accused …").
func (a *Analysis) ClauseEnd(start int) int { return a.clauseEnd(start, true) }

// clauseEnd is ClauseEnd; reported says the clause is reported speech,
// which ends before a phrase naming the exchange it was said in ("…,
// during their telephone conversation"), while an action keeps it ("will
// meet him, on the sidelines of the visit").
func (a *Analysis) clauseEnd(start int, reported bool) int {
	s := a.Sentence(start)
	end := min(s.Last, start+maxClauseTokens)
	opener := reported && (a.reportedByOpeningParticiple(start) || a.reportedInOpeningClause(start))
	for j := start + 1; j <= end; j++ {
		if reported && a.Punct(j, ",") && (a.exchangePhraseAfterComma(j+1) || opener && a.newClauseAt(j+1)) { // the main clause after the opener ("Saying the talks had failed, Lopez left …")
			end = j - 1
			break
		}
		if e, cut := a.cutAt(start, j, reported); cut {
			end = e
			break
		}
	}
	return a.trimEnd(start, end)
}

// maxClauseTokens bounds a clause: news sentences run to 25 tokens or so,
// and one that runs on for thousands (a list joined by commas and "and")
// must not make every verb group in it scan to its end.
const maxClauseTokens = 160

// cutAt reports whether the clause from start ends before token j, and
// its last token if so (reported: a reported clause, not an action).
func (a *Analysis) cutAt(start, j int, reported bool) (int, bool) {
	w := a.Words[j]
	quoted := a.InQuote(j)
	switch {
	case w == ";":
		return j - 1, true
	case a.closesAfterComma(j) && a.attributionAfterComma(j+1):
		return j, true // "… that Iran “has always had good relations,” adding that …"
	case quoted:
		return 0, false
	case a.RoleLen(j, Attribution) > 0 && !a.Is(j, InfinitiveMarker):
		return j - 1, true // "… stay in “close contact,” according to the readout"
	case a.speakerAfterSubordinator(j):
		return j - 1, true
	case a.Is(j, Coordinator) && a.secondVerbOfSpeaker(start, j):
		e := j - 1
		if a.Punct(e, ",") {
			e--
		}
		return e, true
	case a.writersPartAt(start, j):
		return j - 1, true
	case reported && w == "," && a.Low[j+1] == "but" && a.clauseAfterPhrase(j+2) && a.finiteBetween(start, j-1):
		return j - 1, true // "… he will vote for her, but he has not endorsed her": the writer's again
	case w == "," && a.mainVerbResumes(start, j):
		return j - 1, true // "Berg, who says Lund is mocking him, said …"
	case w == ",":
		// a reported clause that opens with a phrase ("during the visit")
		// has its verb before an attribution can end it: "that during the
		// visit, the sides agreed to …" is one clause
		if a.attributionAfterComma(j+1) && (!reported || a.Tag(start) != "IN" || a.finiteBetween(start, j-1)) ||
			a.adjunctAfterComma(j+1) && a.finiteBetween(start, j-1) {
			return j - 1, true
		}
	}
	return 0, false
}

// speakerAfterSubordinator: a subordinator at token j opens what a
// speaker says: "… while Kasuri said, …", "… before claiming that …". A
// clause of time with a speaker of its own is the report's own: "the
// email came hours after Ruiz proposed a ban".
func (a *Analysis) speakerAfterSubordinator(j int) bool {
	n := a.RoleLen(j, Subordinator)
	if n == 0 || !a.attributionAfterComma(j+n) {
		return false
	}
	if a.Is(j, Concessive) || a.Is(j, As) {
		return true
	}
	v := a.VGAt[j+n]
	return v >= 0 && a.VGs[v].First == j+n && a.VGs[v].Form == Gerund
}

// writersPartAt: what follows token j, a comma or a dash after the
// clause's verb, is the writer's again: a concession ("… would fail -
// though others disagree"), a relative clause of speech ("… the act,
// which he called a disaster"), the reporting subject's next speech act
// ("… was behind the delay, criticized her and …").
func (a *Analysis) writersPartAt(start, j int) bool {
	w := a.Words[j]
	if !(w == "," || isDash(w)) || !a.finiteBetween(start, j-1) {
		return false
	}
	if isDash(w) {
		// "… – though others disagree", "… – asserting that …"
		return a.RoleLen(j+1, Concessive) > 0 || a.participleCueAt(j+1)
	}
	return a.speechRelativeAt(j+1) || a.speakersVerbAt(start, j+1)
}

// participleCueAt: a speech verb's participle opens at token k, the
// reporting subject's next speech act ("… – asserting that …").
func (a *Analysis) participleCueAt(k int) bool {
	if k >= len(a.VGAt) || a.VGAt[k] < 0 {
		return false
	}
	vg := &a.VGs[a.VGAt[k]]
	return vg.First == k && vg.Form == Gerund && a.isCue(vg.Head)
}

// mainVerbResumes: the clause from start is reported inside a
// non-restrictive relative clause ("Berg, who says Lund is mocking
// him, said …"), and the comma at j closes that relative clause: a finite
// verb follows it, the verb of the sentence the relative clause is in.
func (a *Analysis) mainVerbResumes(start, j int) bool {
	v := a.VGAt[j+1]
	if v < 0 || a.VGs[v].First != j+1 || a.VGs[v].Form != Finite {
		return false
	}
	if a.reportedInInsertion(start) {
		return true // "X, after initially saying he would …, took …"
	}
	s := a.Sentence(start)
	for r := start - 1; r > s.First && r > start-8; r-- {
		if a.Punct(r, ",") {
			return false
		}
		if a.Is(r, Relative) {
			return a.Punct(r-1, ",")
		}
	}
	return false
}

// reportedInInsertion: the clause at start is reported by a participle
// (and perhaps "that") in an insertion of a preposition and the
// participle set off after its sentence's subject ("X, after initially
// saying he would …, took …").
func (a *Analysis) reportedInInsertion(start int) bool {
	v := a.verbBeforeClause(start)
	if v < 0 {
		return false
	}
	g := &a.VGs[v]
	if g.Form != Gerund || g.Subject < 0 {
		return false
	}
	return a.subjectBeforeOpener(g.First, int(g.Subject))
}

// closesAfterComma: token j is a quotation mark that closes a quotation
// ending in a comma (the comma inside the marks, as American style puts
// it): what follows is after a comma of the sentence.
func (a *Analysis) closesAfterComma(j int) bool {
	if j+1 >= len(a.Doc.Tokens) || !a.IsQuoteMark(j) || !a.Punct(j-1, ",") {
		return false
	}
	q := a.Doc.Tokens[j-1].Quote // marks belong to no quotation, their words do
	return q >= 0 && a.Doc.Tokens[j+1].Quote != q
}

// adjunctAfterComma: an adjunct of the reporting sentence opens at token
// k, after a comma that follows the reported clause's verb: a subordinate
// clause, perhaps after an adverb ("…, even as he has …"). A participle
// phrase is not cut off: as often as not it belongs to the clause ("…,
// including …", "…, coupled with …").
func (a *Analysis) adjunctAfterComma(k int) bool {
	if k >= len(a.Words) || a.InQuote(k) || a.RoleLen(k, Coordinator) > 0 {
		return false // "…, as well as the ferry crews": the list goes on
	}
	if a.isAdverb(k) && k+1 < len(a.Words) && a.Is(k+1, Subordinator) {
		return !a.Is(k+1, Reason) // "…, partly because …"
	}
	return a.Is(k, Subordinator) && !a.Is(k, Reason) && a.Tag(k) != "WRB" && a.Tag(k) != "WDT"
}

// speechRelativeAt: a relative clause of speech opens at token k, its
// own subject before its verb ("…, which he called a disaster", "…, whom
// she describes as …"): an attribution of its own about the noun it
// follows, not a part of the clause before.
func (a *Analysis) speechRelativeAt(k int) bool {
	if k >= len(a.Words) || !a.Is(k, Relative) || a.InQuote(k) {
		return false
	}
	np := a.npStarting(k + 1)
	if np < 0 {
		return false
	}
	v := a.VGAt[a.NPs[np].Last+1]
	if v < 0 || a.VGs[v].First != a.NPs[np].Last+1 || a.VGs[v].Form != Finite || a.VGs[v].Passive {
		return false
	}
	if w := a.VGAt[a.VGs[v].Last+1]; w >= 0 && a.VGs[w].Form == Finite {
		return false // "…, which officials said will take effect …": the clause goes on
	}
	h := a.VGs[v].Head
	return a.In(lexicon.SpeechVerbs, h) || a.In(lexicon.ActVerbs, h)
}

// exchangePhraseAfterComma: a preposition and a noun phrase that names an
// exchange follow a comma ("…, during their telephone conversation", "…,
// at the meeting on Monday"): the phrase says where the reporting verb's
// speech was made, not what was said.
func (a *Analysis) exchangePhraseAfterComma(k int) bool {
	if a.Tag(k) != "IN" || a.InQuote(k) {
		return false
	}
	n := a.npStarting(k + 1)
	if n < 0 {
		return false
	}
	if own := a.NPs[n].PossessorOf; own >= 0 {
		n = int(own) // "their telephone conversation"
	}
	return a.In(lexicon.ExchangeNouns, a.NPs[n].Last)
}

// secondVerbOfSpeaker: "… to resume talks and called for …", "… and he
// accused …": after "and", a past verb (or a speech verb) that is not the
// clause's own second verb, once the clause has a verb of its own.
func (a *Analysis) secondVerbOfSpeaker(start, j int) bool {
	s := a.Sentence(j)
	n := j + a.RoleLen(j, Coordinator)
	if n > s.Last {
		return false
	}
	if (a.speakersVerbAt(start, n) || a.reportingTenseAt(start, j, n)) && (a.finiteBetween(start, j-1) || a.infinitiveBetween(start, j-1)) {
		return true // "… has released her returns and called on …", "… but warning that …", "called on X to resign and said …"
	}
	if v := a.VGAt[n]; v >= 0 && a.VGs[v].First == n && a.VGs[v].Form == Finite && a.finiteBetween(start, j-1) {
		// "… that it is encouraging … and called for …": a verb of the
		// reporting clause, not of the reported one.
		return a.VGs[v].Coord >= 0 && a.VGs[a.VGs[v].Coord].First < start
	}
	if np := a.npStarting(n); np >= 0 && a.NPs[np].Kind == KindPronoun && a.NPs[np].Value != lexicon.It {
		if v := a.VGAt[a.NPs[np].Last+1]; v >= 0 && a.VGs[v].Tense == Past && a.In(lexicon.SpeechVerbs, a.VGs[v].Head) {
			return true
		}
		if a.Is(n, Nominative) && a.speakersVerbAt(start, a.NPs[np].Last+1) && a.finiteBetween(start, j-1) {
			return true // "… hacked the servers and she accused …"
		}
	}
	return a.otherSpeakerAfter(start, j, n)
}

// infinitiveBetween: a to-infinitive stands in tokens [from, to] (a
// request's clause: "the senator to resign").
func (a *Analysis) infinitiveBetween(from, to int) bool {
	for k := max(from, 0); k <= to && k < len(a.VGAt); k++ {
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Form == Infinitive {
			return true
		}
	}
	return false
}

// reportingVerb returns the verb group that reports the clause starting
// at start ("said that …", "told reporters …"), or -1.
func (a *Analysis) reportingVerb(start int) int {
	k := start - 1
	if k >= 0 && a.Is(k, Complementizer) {
		k--
	}
	if np := a.npEnding(k); np >= 0 && a.NPs[np].Kind == KindPronoun {
		k = a.NPs[np].First - 1 // "told him …"
	} else if np >= 0 && a.NPs[np].Kind == KindCommon && k+1 == start-1 {
		// "rejected the idea that …", "dismissed concerns that …": the
		// verb whose object the clause's noun is
		k = a.NPs[np].First - 1
	}
	if k > 0 && a.VGAt[k] < 0 && (a.Tag(k) == "RP" || a.Tag(k) == "IN") && a.VGAt[k-1] >= 0 && a.VGs[a.VGAt[k-1]].Last == k-1 {
		k-- // "called on the senator to …", "pleaded with them to …"
	}
	if k < 0 || a.VGAt[k] < 0 || a.VGs[a.VGAt[k]].Last != k {
		return -1
	}
	return int(a.VGAt[k])
}

// speakersVerbAt: a verb group opens at token n (perhaps after adverbs)
// that says what the
// reporting subject did next, not what it reported: a verb of speech or
// of a speech act in the reporting verb's own form and tense ("said the
// fund was empty and called on …", "says he respects her and calls her
// …", "acknowledging that … but warning that …"). The clause's own
// verbs keep their tense ("said the gunman entered the club, opened fire
// and killed …": no speech verb).
func (a *Analysis) speakersVerbAt(start, n int) bool {
	for n < len(a.Words) && a.isAdverb(n) && a.VGAt[n] < 0 {
		n++ // "… and then pointed out …", "… and also warned …"
	}
	r := a.reportingVerb(start)
	if r < 0 || n >= len(a.VGAt) || a.VGAt[n] < 0 {
		return false
	}
	vg, rv := &a.VGs[a.VGAt[n]], &a.VGs[r]
	if vg.First != n || vg.Inverted || vg.Passive || vg.Form != rv.Form || vg.Tense != rv.Tense || rv.Form != Finite && rv.Form != Gerund ||
		vg.Perfect != rv.Perfect || vg.Modal != rv.Modal {
		return false
	}
	h := vg.Head
	return a.In(lexicon.SpeechVerbs, h) || a.In(lexicon.ActVerbs, h) || a.In(lexicon.RequestVerbs, h)
}

// reportingTenseAt: after the coordinator at j, a verb group at n with no
// subject of its own is in the reporting verb's tense while the clause
// from start is in another: "said it has suspended the accounts and was
// reviewing others" goes on with what the speaker did ("said the gunman
// entered the club and opened fire" keeps one tense and stays reported).
func (a *Analysis) reportingTenseAt(start, j, n int) bool {
	r := a.reportingVerb(start)
	if r < 0 || n >= len(a.VGAt) || a.VGAt[n] < 0 {
		return false
	}
	vg, rv := &a.VGs[a.VGAt[n]], &a.VGs[r]
	if vg.First != n || vg.Form != Finite || rv.Form != Finite || vg.Inverted || vg.Tense != rv.Tense {
		return false
	}
	for k := start; k < j; k++ {
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Form == Finite {
			return a.VGs[v].Tense != rv.Tense && a.VGs[v].Tense == Present
		}
	}
	return false
}

// otherSpeakerAfter: after the coordinator at j, a noun phrase at n and a
// say-like verb whose subject it is report what someone else said, once
// the clause from start has a verb of its own: "two in three said they
// would stay home, and three in five said they would vote", "Ruiz said
// she had talks, but officials said the talks came later". A clause of
// its own, not part of the first report.
func (a *Analysis) otherSpeakerAfter(start, j, n int) bool {
	if a.Tag(n) == "RB" {
		n++ // "and nearly four in five said"
	}
	np := a.npStarting(n)
	if np < 0 || a.NPs[np].Kind == KindPronoun && a.NPs[np].Value == lexicon.It || !a.finiteBetween(start, j-1) {
		return false
	}
	s := a.Sentence(j)
	for k := a.NPs[np].Last + 1; k <= s.Last && k <= a.NPs[np].Last+8; k++ {
		if a.Punct(k, ",") || a.isQuoteMark(k) {
			return false
		}
		if v := a.VGAt[k]; v >= 0 {
			vg := &a.VGs[v]
			return vg.First == k && vg.Form == Finite && !vg.Inverted && !vg.Passive && vg.Subject >= 0 &&
				a.NPs[vg.Subject].First >= n && a.In(lexicon.SayVerbs, vg.Head) && k+1 <= s.Last && !a.Punct(vg.Last+1, ".")
		}
	}
	return false
}

// attributionAfterComma: at token k (after a comma) stands what ends a
// reported clause: "and said", "adding that", "according to X", "X said"
// with nothing but a tail after it, "said X".
func (a *Analysis) attributionAfterComma(k int) bool {
	s := a.Sentence(k - 1)
	if k > s.Last {
		return false
	}
	if n := a.RoleLen(k, Coordinator); n > 0 {
		if v := a.VGAt[k+n]; v >= 0 && a.isCue(a.VGs[v].Head) && a.VGs[v].Coord >= 0 {
			return true
		}
	}
	if v := a.VGAt[k]; v >= 0 && a.VGs[v].First == k {
		vg := &a.VGs[v]
		if a.isCue(vg.Head) && (vg.Form == Gerund || vg.Inverted) {
			return true // ", adding that …", ", said the ministry."
		}
		if vg.Form == Gerund && vg.First == vg.Head && a.In(lexicon.ActVerbs, vg.Head) {
			return true // ", echoing a memo from …": the reporting subject's own act
		}
	}
	if a.RoleLen(k, Attribution) > 0 {
		return true
	}
	if np := a.npStarting(k); np >= 0 {
		after := a.NPs[np].Last + 1
		if owned := a.npStarting(after); owned >= 0 && int(a.NPs[owned].Possessor) == np {
			np, after = owned, a.NPs[owned].Last+1 // ", her office said"
		}
		if ap := a.NPs[np].Appos; ap >= 0 && int(a.NPs[ap].First) == after {
			after = a.NPs[ap].Last + 1
		}
		for after <= s.Last && a.isAdverb(after) {
			after++
		}
		// ", Li said …": a speaker of its own starts a new sentence part.
		if v := a.VGAt[after]; v >= 0 && a.VGs[v].First == after && a.isCue(a.VGs[v].Head) && int(a.VGs[v].Subject) == np {
			return true
		}
	}
	return false
}

// reportedByOpeningParticiple: the clause at start is reported by a
// participle that opens its sentence ("Saying the talks had failed, …",
// "Noting that …, …"), perhaps after "that".
func (a *Analysis) reportedByOpeningParticiple(start int) bool {
	v := a.verbBeforeClause(start)
	if v < 0 {
		return false
	}
	vg := &a.VGs[v]
	return vg.Form == Gerund && vg.First == a.Sents[a.Doc.Tokens[vg.First].Sentence].Body
}

// verbBeforeClause returns the verb group that ends right before the
// clause starting at token start, or right before its "that" ("said
// that …", "saying …"), or -1.
func (a *Analysis) verbBeforeClause(start int) int {
	k := start - 1
	if k > 0 && a.Is(k, Complementizer) {
		k--
	}
	if k < 0 || a.VGAt[k] < 0 || a.VGs[a.VGAt[k]].Last != k {
		return -1
	}
	return int(a.VGAt[k])
}

// reportedInOpeningClause: the clause at start is reported inside an
// adverbial clause that opens its sentence ("Although Berg claimed that
// …, Ruiz won …", "While Ruiz said …, the council …"): the comma before
// the main clause ends it.
func (a *Analysis) reportedInOpeningClause(start int) bool {
	r := a.reportingVerb(start)
	if r < 0 {
		return false
	}
	k := a.Sents[a.Doc.Tokens[start].Sentence].Body
	if n := a.RoleLen(k, Coordinator); n > 0 {
		k += n // "And, while Berg claims that …, …"
		if a.Punct(k, ",") {
			k++
		}
	}
	if a.isAdverb(k) {
		k++ // "Even though …"
	}
	n := a.RoleLen(k, Subordinator)
	if n == 0 || a.Is(k, As) || a.VGs[r].First <= k {
		return false // "As Ruiz said, …" is a parenthetical
	}
	for j := k + n; j < a.VGs[r].First; j++ {
		if a.Punct(j, ",") {
			return false // "After the vote, Ruiz said …": the adverbial is over
		}
		// "If we read him right when he says …, …": a verb before the
		// reporting one belongs to the adverbial only when another
		// subordinator opens the reporting clause
		if a.VGAt[j] >= 0 && !a.subordinatorBefore(j, a.VGs[r].First) {
			return false
		}
	}
	return true
}

// subordinatorBefore: a subordinator stands in tokens (j, v), opening the
// clause of the verb at v inside an adverbial clause.
func (a *Analysis) subordinatorBefore(j, v int) bool {
	for k := j + 1; k < v; k++ {
		if a.RoleLen(k, Subordinator) > 0 {
			return true
		}
	}
	return false
}

// isCue: token j is a speech verb.
func (a *Analysis) isCue(j int) bool { return a.In(lexicon.SpeechVerbs, j) }

// trimEnd drops final punctuation from a clause.
func (a *Analysis) trimEnd(start, end int) int {
	for end >= start {
		switch w := a.Words[end]; {
		case w == "." || w == "!" || w == "?" || w == "," || w == ":" || w == ";" || isDash(w):
			end--
			continue
		case a.isQuoteMark(end) && !a.InQuote(end):
			end--
			continue
		}
		break
	}
	return end
}

// Tail reports whether the tokens from k to the end of k's sentence are
// only what may follow an attribution at the end of a sentence: "in a
// statement on Sunday.", "at a press briefing.", "after meeting her
// counterparts" — no finite verb, no "that", no quotation, and short.
func (a *Analysis) Tail(k int) bool {
	if k >= len(a.Words) || !a.sameSentence(k-1, k) {
		return true
	}
	last := a.Sentence(k).Last
	if k+14 < last {
		return false
	}
	if w := a.Words[k]; w == "." || w == "!" || w == "?" {
		return true
	}
	t := a.Tag(k)
	if !(t == "IN" || t == "RB" || t == "NNP" || a.NPAt[k] >= 0 || a.Punct(k, ",")) {
		return false
	}
	for j := k; j <= last; j++ {
		if v := a.VGAt[j]; v >= 0 && (a.VGs[v].Form == Finite || a.VGs[v].Form == Infinitive) || a.Is(j, Complementizer) || a.InQuote(j) {
			return false
		}
	}
	return true
}

// FrontedStart returns the first token of the clause that an inverted
// attribution at token v reports ("Talks will resume, Lopez said"): the
// sentence's body after a dateline, past an opening adverbial phrase set
// off by a comma ("Earlier on Monday, …") that has no verb of its own; or
// -1 when the tokens before v hold no clause.
func (a *Analysis) FrontedStart(v int) int {
	si := a.Doc.Tokens[v].Sentence
	start := a.Sents[si].Body
	for j := start; j < v-1 && j < start+8; j++ {
		if a.Words[j] != "," {
			continue
		}
		if !a.finiteBetween(start, j-1) && a.finiteBetween(j+1, v-1) && !a.apposBefore(j) && !a.subjectBeforeInsertion(start, j) {
			start = j + 1
		}
		break
	}
	if !a.finiteBetween(start, v-1) || a.attributedQuoteIn(start, v-1) || a.quoteThenName(start, v-1) {
		return -1
	}
	// "When asked whether he would run, Smith said no": a subordinate
	// clause alone, with no main clause after it, is an adverbial.
	if a.Is(start, Subordinator) && !a.commaBetween(start, v-1) {
		return -1
	}
	// "Asked whether he would run, Smith said no": a participle clause
	// with no subject is an adverbial, not a reported clause.
	if g := a.VGAt[start]; g >= 0 && a.VGs[g].First == start && (a.VGs[g].Form == Participle || a.VGs[g].Form == Gerund) &&
		!a.GerundSubject(int(g), v-1) {
		return -1
	}
	return start
}

// commaBetween: a comma stands in tokens [from, to].
func (a *Analysis) commaBetween(from, to int) bool {
	for k := from; k <= to; k++ {
		if a.Punct(k, ",") {
			return true
		}
	}
	return false
}

// subjectBeforeInsertion: the tokens from start to the comma at j are one
// noun phrase, no time, and a phrase set off by commas follows it before
// its verb ("The waiver system, put in place in 2012, has led to …", "Tom
// Hale, a cadet at the academy, was …"): the subject of the clause, not
// an opening adverbial phrase ("Last year, …").
func (a *Analysis) subjectBeforeInsertion(start, j int) bool {
	n := a.npEnding(j - 1)
	if n < 0 || int(a.NPs[n].First) != start && !a.possessedFrom(n, start) {
		return false
	}
	if _, ok := a.TimeCovering(start); ok {
		return false
	}
	if v := a.VGAt[j+1]; v >= 0 && a.VGs[v].First == j+1 && a.VGs[v].Form != Finite {
		return true
	}
	// "Tom Hale, a cadet at the academy, was returning …": an insertion
	// set off by a second comma, then the subject's finite verb
	s := a.Sentence(j)
	for k := j + 2; k <= s.Last && k < j+24; k++ {
		if !a.Punct(k, ",") {
			continue
		}
		v := a.VGAt[k+1]
		return v >= 0 && a.VGs[v].First == k+1 && a.VGs[v].Form == Finite && a.isInsertion(j+1, k-1)
	}
	return false
}

// possessedFrom: NP n has a possessor that opens at token start ("The
// fund's waiver system"): one noun phrase from start.
func (a *Analysis) possessedFrom(n, start int) bool {
	p := a.NPs[n].Possessor
	return p >= 0 && int(a.NPs[p].First) == start && a.Tag(a.NPs[p].Last+1) == "POS" && a.NPs[p].Last+2 == a.NPs[n].First
}

// apposBefore: the comma at j follows a noun phrase in apposition with
// the one after it ("U.S. Secretary of State, Antony Blinken, …"): the
// clause goes on past it.
func (a *Analysis) apposBefore(j int) bool {
	n := a.npEnding(j - 1)
	return n >= 0 && a.NPs[n].Appos >= 0
}

// GerundSubject: verb group g, a gerund opening a clause, is (or
// modifies) the subject of the clause's finite verb, with no comma
// before that verb: "Selling cars has been hard", "Gambling revenue rose".
func (a *Analysis) GerundSubject(g, last int) bool {
	if a.VGs[g].Form != Gerund {
		return false
	}
	for k := a.VGs[g].Last + 1; k <= last; k++ {
		if a.Punct(k, ",") || a.isQuoteMark(k) {
			return false
		}
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].First == k && a.VGs[v].Form == Finite {
			if subj := a.VGs[v].Subject; subj >= 0 && subj != a.VGs[g].Object && a.NPs[subj].First > a.VGs[g].Last {
				continue // "reflecting the advantage [she has]": a clause of its own inside the phrase
			}
			return true
		}
	}
	return false
}

// quoteThenName: tokens [first, last] are a quotation and then a noun
// phrase with no finite verb after it: "“…,” Jeb Bush, a former governor,
// told CNN" is a direct quote's attribution with a description, not a
// clause and its reporter.
func (a *Analysis) quoteThenName(first, last int) bool {
	if !a.isQuoteMark(first) || first+1 > last {
		return false
	}
	q := a.Doc.Tokens[first+1].Quote
	if q < 0 {
		return false
	}
	k := first + 1
	for k <= last && (a.Doc.Tokens[k].Quote == q || a.isQuoteMark(k)) {
		k++
	}
	return k <= last && a.npStarting(k) >= 0 && !a.finiteBetween(k, last)
}

// attributedQuoteIn: tokens [first, last] hold a quotation and, after
// it, a speech verb of its own ("“…,” Sanders said, according to CNN"):
// a quote already attributed, which the attribution after it relays, not
// a clause it reports.
func (a *Analysis) attributedQuoteIn(first, last int) bool {
	// Back from the end to the nearest quotation mark (a bounded walk: a
	// sentence can be very long): a speech verb on the way, then a mark.
	// The verb attributes the quotation when it follows the mark closely
	// ("“…,” Sanders said", "“…,” said the aide"), in the active: a
	// passive or a verb further on belongs to the clause after a scare
	// quote ("the “Super Tuesday” primary, which he is expected to win").
	verb := -1
	for k := last; k >= first && k > last-40; k-- {
		if a.isQuoteMark(k) {
			return verb >= 0 && verb-k <= 8
		}
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Head == k && a.VGs[v].Form == Finite && !a.VGs[v].Passive && !a.InQuote(k) && a.In(lexicon.SpeechVerbs, k) {
			verb = a.VGs[v].First
		}
	}
	return false
}

// CommaBefore returns the comma that closes the clause before an
// inverted attribution whose subject or verb starts at token first (",
// government spokesman X said", ", as she announced"), or -1.
func (a *Analysis) CommaBefore(first int) int {
	s := a.Sentence(first)
	for k := first - 1; k >= s.First && k >= first-4; k-- {
		if a.Words[k] == "," {
			return k
		}
		t := a.Tag(k)
		if !(t == "DT" || t == "JJ" || t == "NN" || a.Is(k, As)) {
			break
		}
	}
	return -1
}

// ActionEnd returns the last token of the action of verb group v, from its
// head to the end of its clause, cut before a verb group coordinated with
// it ("would not recognise X and would keep Y" is two actions), before a
// subordinate clause (", as …", ", while …"), and, for an action inside a
// quotation, where the quotation ends.
func (a *Analysis) ActionEnd(v int) int {
	vg := &a.VGs[v]
	end := a.clauseEnd(vg.Head, false)
	q := a.Doc.Tokens[vg.Head].Quote
	for j := vg.Last + 1; j <= end; j++ {
		if q >= 0 && a.Doc.Tokens[j].Quote != q {
			if a.isFragment(q) {
				q = -1 // he “will work to implement” the agreements: the action goes on
				continue
			}
			return a.trimEnd(vg.Head, j-1)
		}
		if a.sequelAt(j) {
			return a.trimEnd(vg.Head, j-1)
		}
		if a.subordinateClauseAt(j) {
			return a.trimEnd(vg.Head, j-1)
		}
		if n := a.RoleLen(j, Coordinator); n > 0 && j+n <= end && (a.newClauseAt(j+n) || a.Is(j+n, Complementizer) && j > vg.Last+1) {
			// "see that summit take place next spring, and I have invited
			// …"; "would X and that it would Y": a second reported clause
			return a.trimEnd(vg.Head, j-1)
		}
		if n := a.RoleLen(j, Coordinator); n > 0 && j+n <= end {
			// "would not recognise X and would keep Y"; "agreed to
			// strengthen X and exchanged views": a verb group coordinated
			// with this one or with one before it ends the action.
			// "to support and encourage this process" shares its object:
			// one action.
			// "to remain in touch and provide guidance": a bare infinitive
			// under the same "to" goes on with the same action.
			if w := a.VGAt[j+n]; w >= 0 && j > vg.Last+1 && a.VGs[w].Coord >= 0 && (int(a.VGs[w].Coord) == v || a.VGs[a.VGs[w].Coord].First < vg.First) &&
				!(a.VGs[w].Form == Infinitive && int(a.VGs[w].Coord) == v && a.VGs[w].First == a.VGs[w].Head && !a.InVerbList(int(w))) {
				return a.trimEnd(vg.Head, j-1)
			}
		}
		if w := a.VGAt[j+1]; a.Punct(j, ",") && w >= 0 && j > vg.Last && int(a.VGs[w].Coord) == v && a.InVerbList(int(w)) {
			return a.trimEnd(vg.Head, j-1) // "would share data, restore flights and …"
		}
	}
	return end
}

// subordinateClauseAt: a comma at j opens a subordinate clause, which
// ends an action ("would visit Lima, after …"); not ", as well as my
// counterpart", nor a relative "where" after a place ("will travel to
// Dili, where she will meet …"), which goes on with what the action is.
func (a *Analysis) subordinateClauseAt(j int) bool {
	if !a.Punct(j, ",") || !a.Is(j+1, Subordinator) || a.RoleLen(j+1, Coordinator) > 0 {
		return false
	}
	np := a.NPAt[j-1]
	return !(a.Is(j+1, Place) && np >= 0 && a.NPs[np].Kind == KindPlace)
}

// sequelAt: a participle with its agent opens at token j right after a
// time expression, which it cannot modify: it adds the next event ("would
// meet in Oslo on June 27-28 followed by a meeting of the ministers in
// August"), and the action ends before it.
func (a *Analysis) sequelAt(j int) bool {
	v := a.VGAt[j]
	if v < 0 || a.VGs[v].First != j || a.VGs[v].Form != Participle || a.timeEndingAt(j-1) < 0 {
		return false
	}
	return a.RoleLen(a.VGs[v].Last+1, Agent) > 0
}

// InVerbList: verb group w opens a conjunct of a list of three or more
// verb phrases ("to fund X, restore Y and train Z", "would share X,
// restore Y, and open Z"): a comma comes before it, or before the
// conjunct it goes on. Each conjunct of such a list is an action of its
// own, even without a "to" of its own.
func (a *Analysis) InVerbList(w int) bool {
	vg := &a.VGs[w]
	if vg.Coord < 0 {
		return false
	}
	if a.commaBefore(w) {
		return true
	}
	p := int(vg.Coord)
	return a.VGs[p].Coord >= 0 && a.commaBefore(p)
}

// commaBefore: a list comma comes right before verb group w, or before
// the coordinator right before it.
func (a *Analysis) commaBefore(w int) bool {
	c := a.VGs[w].First - 1
	if a.Is(c, Coordinator) && a.RoleLen(c, Coordinator) == 1 {
		c--
	}
	return a.Punct(c, ",")
}

// newClauseAt: a clause of its own starts at token k: a noun phrase that
// is the subject of the finite verb group right after it ("and I have
// invited …", "but the ministry said …").
func (a *Analysis) newClauseAt(k int) bool {
	np := a.npStarting(k)
	if np < 0 {
		return false
	}
	// the verb may follow a modifier of the subject ("a trio of PACs have
	// reported …", "but the crowd in Porto was larger"), with no
	// punctuation before it
	for after := a.NPs[np].Last + 1; after < len(a.VGAt) && after <= a.NPs[np].Last+8; after++ {
		if v := a.VGAt[after]; v >= 0 {
			return a.VGs[v].Form == Finite && int(a.VGs[v].Subject) == np
		}
		if t := a.Tag(after); t == "," || t == "." || t == ":" {
			return false
		}
	}
	return false
}

// clauseAfterPhrase: a clause of its own starts at token k (newClauseAt),
// perhaps after a prepositional phrase set off by a comma ("but for
// critics, it is a red flag").
func (a *Analysis) clauseAfterPhrase(k int) bool {
	if a.newClauseAt(k) {
		return true
	}
	if k >= len(a.Words) || a.Is(k, Subordinator) {
		return false
	}
	p := a.pastOpeningPhrase(k, a.Sentence(k).Last+1)
	return p != k && a.newClauseAt(p)
}

// isFragment: quotation q is a short fragment inside a sentence (fewer
// than eight words, opening after the sentence's start), not a quote of
// its own.
func (a *Analysis) isFragment(q int) bool {
	qs := a.Doc.Quotes[q]
	open := a.Doc.TokenAt(qs.Start)
	if open <= a.Sentence(open).First || len(qs.Parts) > 1 {
		return false
	}
	words := 0
	for k := open; k < len(a.Doc.Tokens) && a.Doc.Tokens[k].Start < qs.End; k++ {
		if !isPunctText(a.Words[k]) {
			words++
		}
	}
	return words < 8
}

// TrimEnd drops final punctuation from tokens [start, end] and returns
// the new end.
func (a *Analysis) TrimEnd(start, end int) int { return a.trimEnd(start, end) }

// NPStarting returns the NP that starts at token j, or -1.
func (a *Analysis) NPStarting(j int) int { return a.npStarting(j) }

// NPEnding returns the NP that ends at token j, or -1.
func (a *Analysis) NPEnding(j int) int { return a.npEnding(j) }

// FiniteBetween reports whether tokens [from, to] hold a finite verb group.
func (a *Analysis) FiniteBetween(from, to int) bool { return a.finiteBetween(from, to) }

// IsQuoteMark reports whether token i is a quotation mark.
func (a *Analysis) IsQuoteMark(i int) bool { return a.isQuoteMark(i) }
