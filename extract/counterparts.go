package extract

import (
	"slices"
	"strings"

	"github.com/readout/readout/parser"
)

type counterpartRec struct {
	a, b    party
	channel string
	when    string
	planned bool
	span    parser.Span
	rule    string
	visit   bool // made with "visit" or "travel": a trip to a place
}

// findCounterparts finds exchanges: "X met Y", "X spoke with Y by phone",
// "X held talks with Y", "during his call with Y", "a conversation between
// X and Y", "X and Y held talks", "X will visit Y", "X congratulated Y".
func (x *state) findCounterparts() {
	d := x.doc
	x.sent.of = 0 // built afresh from the final mentions
	for si := range d.Sentences {
		s := d.Sentences[si]
		if x.isTitle(s) {
			continue
		}
		for k := s.First; k <= s.Last; k++ {
			if d.Tokens[k].Quote >= 0 && !x.firstPersonQuote(k) {
				continue
			}
			if n, ch := x.match(x.rules.exchange, k); n > 0 && !x.nounContext(k) && (isVerbTag(d.Tokens[k].Tag, x.low[k]) || x.low[k] == "meet" || x.low[k] == "visit") {
				x.exchangeVerb(s, k, n, ch)
				k += n - 1
				continue
			}
			if n, ch := x.match(x.rules.meeting, k); n > 0 && strings.HasPrefix(d.Tokens[k+n-1].Tag, "NN") {
				x.compoundExchange(s, k, ch)
				x.exchangeNoun(s, k, n, ch)
				k += n - 1
			}
		}
	}
	x.dropCoveredOrganisations()
}

// compoundExchange handles "US-Russia talks", "the India-Pakistan
// meeting": two countries or organisations joined by a hyphen before the
// meeting noun at k.
func (x *state) compoundExchange(s parser.Sentence, k int, channel string) {
	for j := k - 1; j >= s.First && j >= k-3; j-- {
		w := x.word(j)
		i := strings.IndexByte(w, '-')
		if i <= 0 || i == len(w)-1 {
			continue
		}
		a, b := x.gazetteerName(w[:i]), x.gazetteerName(w[i+1:])
		if a == "" || b == "" || a == b {
			return
		}
		// Named as written: "US-Russia talks" is between "US" and "Russia".
		ea, eb := x.placeEntity(a, w[:i]), x.placeEntity(b, w[i+1:])
		x.addExchange(s, party{ent: ea, text: w[:i], written: true}, party{ent: eb, text: w[i+1:], written: true}, channel, x.plannedBefore(s, -1, k), k, "counterpart.compound")
		return
	}
}

// gazetteerName is the country or organisation a single word names, or "".
func (x *state) gazetteerName(w string) string {
	words := []string{w}
	if n, c := x.rules.places.match(words, 0); n == 1 {
		return c
	}
	if n, o := x.rules.orgs.match(words, 0); n == 1 {
		return o
	}
	if n, c := x.rules.demonyms.match(words, 0); n == 1 && isAcronym(strings.ReplaceAll(w, ".", "")) {
		return c // "US", "UK"
	}
	return ""
}

// placeEntity returns the entity of a country named by the gazetteer,
// creating it when the text has not mentioned it on its own.
func (x *state) placeEntity(name, surface string) int {
	key := entityKey{placeMention, name}
	if i, ok := x.byName[key]; ok {
		x.ents[i].display = x.placeDisplay(x.ents[i].display, surface, name)
		return i
	}
	i := x.newEntity(placeMention, name)
	x.ents[i].display = x.placeDisplay("", surface, name)
	x.byName[key] = i
	return i
}

// nounContext: "the official visit", "his call": a determiner, adjective
// or possessive before k makes it a noun whatever the tagger said.
func (x *state) nounContext(k int) bool {
	if k == 0 {
		return false
	}
	switch x.doc.Tokens[k-1].Tag {
	case "DT", "JJ", "PRP$", "POS":
		return true
	}
	return false
}

// firstPersonQuote: inside a quotation, "I will meet …" is the speaker's.
func (x *state) firstPersonQuote(k int) bool {
	return x.firstPersonSpeaker(k) >= 0
}

// firstPersonSpeaker returns the speaker of the quotation holding token k
// when the verb at k has "I" or "we" as subject ("I will also meet"), or -1.
func (x *state) firstPersonSpeaker(k int) int {
	d := x.doc
	q := d.Tokens[k].Quote
	if q < 0 {
		return -1
	}
	j := k - 1
	for j >= 0 && d.Tokens[j].Quote == q && (d.Tokens[j].Tag == "RB" || d.Tokens[j].Tag == "MD") {
		j--
	}
	if j < 0 || d.Tokens[j].Quote != q || (x.low[j] != "i" && x.low[j] != "we") {
		return -1
	}
	sp, kind, _ := x.quoteSpeakerIndex()(k)
	if kind != "direct" {
		return -1
	}
	return sp
}

// exchangeVerb handles "X met Y", "X spoke with Y", "X called Y".
func (x *state) exchangeVerb(s parser.Sentence, k, n int, channel string) {
	d := x.doc
	subj := x.subjectBefore(k)
	j := k + n
	via := ""
	for j <= s.Last {
		w := x.low[j]
		if w == "with" || w == "to" || d.Tokens[j].Tag == "RB" {
			j++
			continue
		}
		if w == "by" || w == "over" || w == "on" {
			// "by phone", "over the phone", "on the phone"
			if j+2 <= s.Last && (x.low[j+1] == "phone" || x.low[j+2] == "phone" || x.low[j+1] == "telephone" || x.low[j+2] == "telephone") {
				via = "call"
				j += 2
				if x.low[j] == "phone" || x.low[j] == "telephone" {
					j++
				}
				continue
			}
		}
		break
	}
	// "…, who is visiting the UK": a relative clause's subject is the
	// mention before "who", which is not the sentence's subject.
	if r := x.relativeSubject(s, k); r != 0 {
		if r < 0 {
			return
		}
		subj = r - 1
	}
	lemma := x.low[k]
	needsWith := strings.HasPrefix(lemma, "spo") || strings.HasPrefix(lemma, "spe") || strings.HasPrefix(lemma, "talk") || strings.HasPrefix(lemma, "conf")
	if needsWith && !(j-1 >= k+n && (x.low[k+n] == "with" || x.low[k+n] == "to" || x.low[j-1] == "with" || x.low[j-1] == "to")) {
		// "X and Y spoke by phone": the pair is the exchange.
		if subj >= 0 && x.isPair(subj) {
			x.addPairExchange(s, subj, k, firstNonEmpty(via, x.channelNear(s, k, channel)))
		}
		return
	}
	objs := x.mentionList(j, s.Last)
	if len(objs) == 0 {
		if subj >= 0 && x.isPair(subj) && !needsWith {
			x.addPairExchange(s, subj, k, firstNonEmpty(via, x.channelNear(s, k, channel)))
		}
		return
	}
	var a party
	switch {
	case x.firstPersonSpeaker(k) >= 0:
		a = party{ent: x.firstPersonSpeaker(k)}
	case subj >= 0:
		a = x.partyOf(subj)
	default:
		subj = x.subjectOf(s, k)
		if subj < 0 {
			return
		}
		a = x.partyOf(subj)
	}
	ch := firstNonEmpty(via, x.channelNear(s, k, channel))
	planned := x.plannedBefore(s, subj, k)
	for _, o := range objs {
		if x.mentions[o].inQuote != (x.doc.Tokens[k].Quote >= 0) {
			continue
		}
		x.addExchange(s, a, x.partyOf(o), ch, planned, k, "counterpart.verb")
	}
}

// relativeSubject: for a verb in a relative clause ("who is visiting"),
// 1 + the mention the clause is about, -1 when it cannot be found, and 0
// when the verb is not in a relative clause.
func (x *state) relativeSubject(s parser.Sentence, k int) int {
	j := k - 1
	for j >= s.First && (x.doc.Tokens[j].Tag == "RB" || x.doc.Tokens[j].Tag == "MD" || x.low[j] == "is" || x.low[j] == "was" || x.low[j] == "has" || x.low[j] == "had" || x.low[j] == "are" || x.low[j] == "were" || x.low[j] == "have") {
		j--
	}
	if j < s.First || x.low[j] != "who" && x.low[j] != "which" {
		return 0
	}
	j--
	if j >= s.First && x.doc.Tokens[j].Text == "," {
		j--
	}
	if j >= s.First {
		if mi := x.mentionOf[j]; mi >= 0 && x.mentions[mi].kind != noMention && x.mentions[mi].ent >= 0 {
			return mi + 1
		}
	}
	return -1
}

// exchangeNoun handles "a call with Y", "talks between X and Y", "a
// letter to Y", "X and Y held talks".
func (x *state) exchangeNoun(s parser.Sentence, k, n int, channel string) {
	d := x.doc
	// "strengthen dialogue and communication with China", "deepen their
	// dialogue": a relationship, not an exchange.
	for b := k - 1; b >= s.First && b >= k-3; b-- {
		if n, _ := x.match(x.rules.relationship, b); n > 0 && b+n <= k {
			return
		}
		if t := d.Tokens[b].Tag; !(t == "DT" || t == "PRP$" || t == "JJ" || t == "JJR") {
			break
		}
	}
	j := k + n
	// Skip what can stand between the noun and its party: "call on Monday with".
	for j <= s.Last && j < k+n+4 && x.low[j] != "with" && x.low[j] != "between" && x.low[j] != "to" && x.low[j] != "of" && x.low[j] != "from" {
		if d.Tokens[j].Text == "," || d.Tokens[j].Text == "." {
			break
		}
		// "Meetings are planned there with …"; but "talks focused on …"
		// ends the phrase.
		if strings.HasPrefix(d.Tokens[j].Tag, "VB") && !(x.low[j] == "are" || x.low[j] == "is" || x.low[j] == "were" || x.low[j] == "was" || d.Tokens[j].Tag == "VBN") {
			break
		}
		j++
	}
	ch := x.channelNear(s, k, channel)
	// "following a briefing to NATO", "after the meeting": another event
	// referred to; the sentence's subject need not have been a party.
	reference := false
	for b := k - 1; b >= s.First && b >= k-4; b-- {
		if w := x.low[b]; w == "following" || w == "after" || w == "before" || w == "ahead" || w == "since" {
			reference = true
		}
	}
	if j <= s.Last && x.low[j] == "between" {
		objs := x.mentionList(j+1, s.Last)
		if len(objs) == 1 && x.isPair(objs[0]) {
			// "a meeting between the two leaders"
			x.addPairExchange(s, objs[0], k, ch)
			return
		}
		if len(objs) >= 2 {
			planned := x.plannedBefore(s, -1, k)
			for a := 0; a < len(objs); a++ {
				for b := a + 1; b < len(objs); b++ {
					x.addExchange(s, x.partyOf(objs[a]), x.partyOf(objs[b]), ch, planned, k, "counterpart.between")
				}
			}
		}
		return
	}
	// "the official visit to Britain by Emperor Naruhito": the visitor
	// and the place visited.
	if j <= s.Last && x.low[j] == "to" && strings.HasPrefix(x.low[k], "visit") {
		if objs := x.mentionList(j+1, s.Last); len(objs) == 1 {
			b := x.mentions[objs[0]].last + 1
			if b+1 <= s.Last && x.low[b] == "by" {
				if by := x.mentionList(b+1, s.Last); len(by) > 0 {
					x.addExchange(s, x.partyOf(objs[0]), x.partyOf(by[0]), ch, x.plannedBefore(s, -1, k) || x.futureNear(s, b), k, "counterpart.visit-by")
					return
				}
			}
		}
	}
	if j <= s.Last && (x.low[j] == "with" || x.low[j] == "from" || x.low[j] == "to" && (ch == "letter" || ch == "message" || ch == "briefing")) {
		objs := x.mentionList(j+1, s.Last)
		if len(objs) == 0 {
			return
		}
		// Who had it: a possessive before the noun ("his call with"),
		// else the subject of the sentence.
		a := x.possessorBefore(s, k)
		if a < 0 && reference && x.low[j] != "with" {
			// "following a briefing to NATO": given by someone else. ("…,
			// following a meeting with Kellogg" is the subject's own.)
			return
		}
		// "During his call with X, Albanese discussed …": "his" is the
		// main clause's subject, which comes after.
		if a >= 0 && x.mentions[a].kind == pronounMention {
			if subj := x.subjectOf(s, k); subj >= 0 && x.mentions[subj].first > k && x.mentions[subj].kind == personMention {
				a = subj
			}
		}
		if a < 0 {
			a = x.relativeAntecedent(s, k)
		}
		if a < 0 {
			a = x.subjectOf(s, k)
		}
		if a < 0 && k == s.First {
			// "Meetings are planned there with …": the previous sentence's subject.
			a = x.previousSubject(s)
		}
		if a < 0 {
			return
		}
		planned := x.plannedBefore(s, a, k)
		for _, o := range objs {
			x.addExchange(s, x.partyOf(a), x.partyOf(o), ch, planned, k, "counterpart.noun")
		}
		// A call with two others is a three-way call: all pairs. (Talks
		// "with X and Y" are usually two meetings, so only calls.)
		if len(objs) == 2 && (ch == "call" || ch == "video call") {
			x.addExchange(s, x.partyOf(objs[0]), x.partyOf(objs[1]), ch, planned, k, "counterpart.three-way")
		}
		return
	}
	// "the Council had listened to the Korean delegation’s briefing": the
	// possessor gave it, the subject received it.
	if pos := x.possessorBefore(s, k); pos >= 0 && (ch == "briefing" || ch == "letter" || ch == "message") {
		if subj := x.clauseSubject(s, k); subj >= 0 && x.mentions[subj].last < x.mentions[pos].first {
			x.addExchange(s, x.partyOf(pos), x.partyOf(subj), ch, x.plannedBefore(s, subj, k), k, "counterpart.possessive")
		}
		return
	}
	// "X and Y held talks": the subject is the pair.
	subj := x.subjectOf(s, k)
	if subj >= 0 && x.isPair(subj) && x.mentions[subj].last < k {
		x.addPairExchange(s, subj, k, ch)
	}
}

// isPair: the mention stands for two people ("the two leaders", "they").
func (x *state) isPair(mi int) bool {
	e := x.mentions[mi].ent
	return e >= 0 && x.ents[e].kind == pairMention
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// channelNear refines a channel from the sentence's other words: "spoke
// with Y, their second call" is a call, "a virtual meeting" a video call.
func (x *state) channelNear(s parser.Sentence, k int, channel string) string {
	ix := x.sentenceIndex(s)
	if ix.video {
		return "video call"
	}
	if ix.call && (channel == "talks" || channel == "meeting" && x.low[k] != "met" && x.low[k] != "visit" && x.low[k] != "visited") {
		return "call"
	}
	return channel
}

// findChannels reports whether sentence s names a video call, and whether
// it names a phone call ("phone", "call", "conversation").
func (x *state) findChannels(s parser.Sentence) (video, call bool) {
	for j := s.First; j <= s.Last; j++ {
		n, ch := x.match(x.rules.meeting, j)
		if n == 0 {
			continue
		}
		if ch == "video call" {
			return true, call
		}
		if ch == "call" && (strings.Contains(x.low[j], "phone") || x.low[j] == "call" || x.low[j] == "calls" || x.low[j] == "conversation") {
			call = true
		}
		j += n - 1
	}
	return false, call
}

// mentionList reads "Y", "Y and Z", "Y, Z and W" starting at token j.
func (x *state) mentionList(j, last int) []int {
	var out []int
	for j <= last {
		// Determiners and possessives before a party: "his British
		// counterpart", "the EU’s …" (a mention starting at "the" is kept).
		if x.low[j] == "his" || x.low[j] == "her" || x.low[j] == "their" || x.low[j] == "its" {
			j++
		} else if x.low[j] == "the" && x.mentionOf[j] < 0 {
			j++
		}
		if j > last {
			break
		}
		mi := x.mentionOf[j]
		if mi >= 0 && x.mentions[mi].kind == noMention && (len(out) > 0 || x.appositionFollows(mi, last)) {
			// an appositive already absorbed: ", Secretary of State …, and"
			j = x.mentions[mi].last + 1
			if j <= last && x.doc.Tokens[j].Text == "," {
				j++
			}
			if j <= last && x.low[j] == "and" {
				j++
			}
			continue
		}
		if mi < 0 || x.mentions[mi].first != j || x.mentions[mi].ent < 0 || x.mentions[mi].kind == noMention {
			// "her counterparts from China, Japan and Russia"
			if x.low[j] == "counterparts" || x.low[j] == "counterpart" || x.low[j] == "leaders" {
				if j+1 <= last && x.low[j+1] == "from" {
					j += 2
					continue
				}
			}
			break
		}
		// "his British counterpart, Rishi Sunak": the name is the party.
		if m := x.mentions[mi]; m.kind == sourceMention && strings.HasPrefix(m.head, "counterpart") {
			k := m.last + 1
			if k <= last && x.doc.Tokens[k].Text == "," {
				k++
			}
			if k <= last {
				if pi := x.mentionOf[k]; pi >= 0 && x.mentions[pi].first == k && x.mentions[pi].kind == personMention && x.mentions[pi].ent >= 0 {
					mi = pi
				}
			}
		}
		// "their two leaders, Vladimir Putin and Recep Tayyip Erdogan":
		// the names that follow say who the pair is.
		if x.isPair(mi) {
			k := x.mentions[mi].last + 1
			if k+1 <= last && x.doc.Tokens[k].Text == "," && x.mentionOf[k+1] >= 0 {
				j = k + 1
				continue
			}
		}
		out = append(out, mi)
		j = x.mentions[mi].last + 1
		if j <= last && (x.low[j] == "'s" || x.low[j] == "’s") {
			// "New Zealand's Winston Peters": the person is the party.
			if j+1 <= last {
				if pi := x.mentionOf[j+1]; pi >= 0 && x.mentions[pi].first == j+1 && x.mentions[pi].ent >= 0 && x.mentions[pi].kind == personMention {
					out[len(out)-1] = pi
					j = x.mentions[pi].last + 1
					goto next
				}
			}
			// "Yoon's counterpart": a possessive, not a party list.
			return out[:len(out)-1]
		}
	next:
		if j <= last && x.doc.Tokens[j].Text == "(" {
			for j <= last && x.doc.Tokens[j].Text != ")" {
				j++
			}
			j++
		}
		if j <= last && x.doc.Tokens[j].Text == "," && j+1 <= last && x.mentionOf[j+1] >= 0 {
			// ", President of …," appositives were absorbed; a further
			// mention after a comma continues the list.
			j++
			continue
		}
		if j <= last && (x.low[j] == "and" || x.low[j] == "as well as") {
			j++
			if j <= last && x.low[j] == "," {
				j++
			}
			continue
		}
		break
	}
	return out
}

// appositionFollows: an absorbed role is followed by ", Name": "the
// President of the United States, Mr. Donald J. Trump".
func (x *state) appositionFollows(mi, last int) bool {
	k := x.mentions[mi].last + 1
	if k+1 > last || x.doc.Tokens[k].Text != "," {
		return false
	}
	n := x.mentionOf[k+1]
	return n >= 0 && x.mentions[n].kind == personMention
}

// possessorBefore finds "his"/"Yoon's" right before a meeting noun
// (allowing adjectives: "his afternoon call").
func (x *state) possessorBefore(s parser.Sentence, k int) int {
	d := x.doc
	for j := k - 1; j >= s.First && j >= k-4; j-- {
		if mi := x.mentionOf[j]; mi >= 0 && x.mentions[mi].kind == pronounMention && (x.low[j] == "his" || x.low[j] == "her" || x.low[j] == "their") {
			return mi
		}
		if (x.low[j] == "'s" || x.low[j] == "’s") && j-1 >= s.First {
			if mi := x.mentionOf[j-1]; mi >= 0 {
				return mi
			}
		}
		tag := d.Tokens[j].Tag
		if !(tag == "JJ" || tag == "NN" || tag == "NNP" || tag == "CD") {
			break
		}
	}
	return -1
}

// sentenceSubject is the first mention of the sentence that is a subject
// (before token k), the actor of a sentence like "In a call with Y, X said …".
func (x *state) sentenceSubject(s parser.Sentence, k int) int {
	best := -1
	for j := s.First; j <= s.Last; j++ {
		mi := x.mentionOf[j]
		if mi < 0 || x.mentions[mi].first != j {
			continue
		}
		m := x.mentions[mi]
		if m.kind == noMention || m.ent < 0 || m.inQuote {
			continue
		}
		if m.subject {
			return x.coordinated(mi)
		}
		if best < 0 && j < k && (j == s.First || x.low[j-1] == "," || x.low[j-1] == "that") && m.kind != placeMention {
			best = mi
		}
		j = m.last
	}
	return best
}

// subjectOf is sentenceSubject(s, k) from the sentence's index, for the
// exchange rules, which ask it once per exchange.
func (x *state) subjectOf(s parser.Sentence, k int) int {
	ix := x.sentenceIndex(s)
	switch {
	case ix.subj >= 0:
		return x.coordinated(ix.subj)
	case ix.cand >= 0 && ix.candAt < k:
		return ix.cand
	}
	return -1
}

// findSubject scans sentence s as sentenceSubject does: its first subject
// mention, and the first mention before it that could stand for one (and
// where it starts); -1 when none.
func (x *state) findSubject(s parser.Sentence) (subj, cand, candAt int) {
	cand, candAt = -1, -1
	for j := s.First; j <= s.Last; j++ {
		mi := x.mentionOf[j]
		if mi < 0 || x.mentions[mi].first != j {
			continue
		}
		m := x.mentions[mi]
		if m.kind == noMention || m.ent < 0 || m.inQuote {
			continue
		}
		if m.subject {
			return mi, cand, candAt
		}
		if cand < 0 && (j == s.First || x.low[j-1] == "," || x.low[j-1] == "that") && m.kind != placeMention {
			cand, candAt = mi, j
		}
		j = m.last
	}
	return -1, cand, candAt
}

// relativeAntecedent: token k is in a relative clause on a person ("…
// Toshimitsu Motegi, a former economy minister, who took part in talks
// with …"), whose subject is that person, not the sentence's. It returns
// the person's mention, or -1.
func (x *state) relativeAntecedent(s parser.Sentence, k int) int {
	for w := k - 1; w > s.First && w >= k-12; w-- {
		switch x.low[w] {
		case ";", ":", "that", "which", "and", "but":
			return -1
		case "who":
			if x.low[w-1] != "," {
				return -1
			}
			// The nearest person before the comma, past an apposition.
			for j := w - 2; j >= s.First && j >= w-10; j-- {
				if mi := x.mentionOf[j]; mi >= 0 && x.mentions[mi].kind == personMention && x.mentions[mi].ent >= 0 && !x.mentions[mi].inQuote {
					return mi
				}
			}
			return -1
		}
	}
	return -1
}

// clauseSubject is the subject of the clause holding token k: after the
// nearest "that" before k ("He highlighted that the Council had …"), else
// the sentence's subject.
func (x *state) clauseSubject(s parser.Sentence, k int) int {
	for j := k - 1; j >= s.First; j-- {
		if x.low[j] != "that" {
			continue
		}
		for t := j + 1; t < k; t++ {
			if mi := x.mentionOf[t]; mi >= 0 && x.mentions[mi].kind != noMention && x.mentions[mi].kind != placeMention && x.mentions[mi].ent >= 0 {
				return mi
			}
		}
		break
	}
	return x.subjectOf(s, k)
}

// futureNear: a future time or "will" within a few tokens after k
// ("… by Emperor Naruhito later this month will serve …").
func (x *state) futureNear(s parser.Sentence, k int) bool {
	for j := k; j <= s.Last && j <= k+10; j++ {
		if x.low[j] == "will" || x.low[j] == "next" || x.low[j] == "later" && j+1 <= s.Last && x.low[j+1] == "this" {
			return true
		}
	}
	return false
}

// previousSubject is the subject of the sentence before s, in the same
// paragraph, or -1.
func (x *state) previousSubject(s parser.Sentence) int {
	d := x.doc
	si := d.Tokens[s.First].Sentence
	if si == 0 || d.Sentences[si-1].Paragraph != s.Paragraph {
		return -1
	}
	p := d.Sentences[si-1]
	return x.sentenceSubject(p, p.Last)
}

// plannedBefore: a modal or plan word between the subject and the exchange
// ("will visit", "is set to visit", "plans to meet"), or a future time.
func (x *state) plannedBefore(s parser.Sentence, subj, k int) bool {
	from := s.First
	if subj >= 0 {
		from = x.mentions[subj].last + 1
	}
	// The subject may be the previous sentence's ("Meetings are planned
	// there with …"): its plan words after the subject count too.
	for j := from; j < s.First && j < k; j++ {
		if x.planWord(j, s.Last) {
			return true
		}
	}
	planned := x.sentenceIndex(s).planned
	if i, _ := slices.BinarySearch(planned, from); i < len(planned) && planned[i] < k {
		return true
	}
	for j := k; j <= s.Last && j <= k+6; j++ {
		if x.low[j] == "planned" || x.low[j] == "scheduled" || x.low[j] == "next" || (x.low[j] == "later" && j+1 <= s.Last && x.low[j+1] == "this") || x.low[j] == "upcoming" {
			return true
		}
	}
	return false
}

// planWord: a plan word or modal starts at token j ("will", "plans to";
// "to" only before a verb), in a sentence ending at token last.
func (x *state) planWord(j, last int) bool {
	if n, _ := x.match(x.rules.planned, j); n == 0 {
		return false
	}
	return x.low[j] != "to" || j+1 <= last && strings.HasPrefix(x.doc.Tokens[j+1].Tag, "VB")
}

func (x *state) partyOf(mi int) party {
	return party{ent: x.mentions[mi].ent, text: x.nameText(x.mentions[mi].name)}
}

func (x *state) addPairExchange(s parser.Sentence, subj, k int, channel string) {
	e := x.mentions[subj].ent
	if e < 0 || len(x.ents[e].members) != 2 {
		return
	}
	a, b := x.ents[e].members[0], x.ents[e].members[1]
	x.addExchange(s, party{ent: a}, party{ent: b}, channel, x.plannedBefore(s, subj, k), k, "counterpart.pair")
}

func (x *state) addExchange(s parser.Sentence, a, b party, channel string, planned bool, k int, rule string) {
	if a.ent >= 0 && a.ent == b.ent || a.ent < 0 || b.ent < 0 {
		return
	}
	// A party is someone: a lone unknown capitalised word ("received the
	// Nobel") is not; two pairs meeting each other is no one exchange.
	for _, p := range []party{a, b} {
		if e := &x.ents[p.ent]; e.kind == personMention && !x.plausiblePerson(p.ent) && !e.speaks {
			return
		}
	}
	if len(x.ents[a.ent].members) == 2 && len(x.ents[b.ent].members) == 2 {
		return
	}
	// A pair as one side: each member.
	for _, p := range []party{a, b} {
		if m := x.ents[p.ent].members; len(m) == 2 {
			other := b
			if p == b {
				other = a
			}
			for _, e := range m {
				x.addExchange(s, party{ent: e}, other, channel, planned, k, rule)
			}
			return
		}
	}
	when := ""
	if sp, ok := x.timeNear(s, k); ok {
		when = x.doc.Text(sp)
	}
	key := exchangeKey{min(a.ent, b.ent), max(a.ent, b.ent), channel, planned}
	for _, i := range x.exchanges[key] {
		c := &x.counterparts[i]
		if c.when == when || when == "" || c.when == "" {
			if c.when == "" {
				c.when = when
			}
			return
		}
	}
	x.exchanges[key] = append(x.exchanges[key], len(x.counterparts))
	visit := strings.HasPrefix(x.low[k], "visit") || strings.HasPrefix(x.low[k], "travel")
	x.counterparts = append(x.counterparts, counterpartRec{a: a, b: b, channel: channel, when: when, planned: planned, span: parser.Span{Start: s.Start, End: s.End}, rule: rule, visit: visit})
}

// dropCoveredOrganisations removes "X called NATO" when the same exchange
// is recorded with a person who speaks for NATO ("X called Rutte"), and
// "X visited Japan" when X's meetings there are recorded with people.
func (x *state) dropCoveredOrganisations() {
	// Who each party talked with, in people's affiliations.
	spokeFor := map[[2]string]bool{}
	for _, o := range x.counterparts {
		if p := x.ents[o.b.ent]; p.kind == personMention && p.affiliation != "" {
			spokeFor[[2]string{x.ents[o.a.ent].name, p.affiliation}] = true
			// The President of the European Commission speaks for the EU.
			if parent := x.rules.orgParent[p.affiliation]; parent != "" {
				spokeFor[[2]string{x.ents[o.a.ent].name, parent}] = true
			}
		}
	}
	// Who met someone: a visit to a country by someone who also met people
	// is recorded by those meetings, not as a meeting with the country.
	// (A planned visit is not covered by past meetings, nor the reverse.)
	type visitKey struct {
		ent     int
		planned bool
	}
	metPeople := map[visitKey]bool{}
	for _, o := range x.counterparts {
		for _, p := range [][2]party{{o.a, o.b}, {o.b, o.a}} {
			if k := x.ents[p[1].ent].kind; k == personMention || k == sourceMention {
				metPeople[visitKey{p[0].ent, o.planned}] = true
			}
		}
	}
	out := x.counterparts[:0]
	for _, c := range x.counterparts {
		covered := false
		if x.ents[c.b.ent].kind == orgMention {
			covered = spokeFor[[2]string{x.ents[c.a.ent].name, x.ents[c.b.ent].name}]
		}
		if c.visit && x.ents[c.b.ent].kind == placeMention && metPeople[visitKey{c.a.ent, c.planned}] {
			covered = true
		}
		if !covered {
			out = append(out, c)
		}
	}
	x.counterparts = out
}
