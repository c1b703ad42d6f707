package legacy

import (
	"sort"
	"strings"

	"github.com/readout/readout/parser"
)

type pledgeRec struct {
	actor    party
	by       int // the entity that committed, or -1
	action   string
	strength string
	when     string
	span     parser.Span
	rule     string
}

// itineraryVerbs make a "will" statement an announcement, not a commitment.
var itineraryVerbs = map[string]bool{"visit": true, "travel": true, "meet": true, "attend": true, "hold": true, "host": true, "brief": true, "go": true, "leave": true, "arrive": true, "tour": true, "sign": true, "participate": true, "head": true, "fly": true, "address": true, "open": true, "chair": true, "receive": true, "join": true}

// findPledges finds commitments, intents and announcements: a pledge cue
// with a to-infinitive ("vowed to …", "stand ready to …"), a pledge verb
// with a that-clause ("pledged that South Korea would …"), "assured Y of
// Z's continued …", and will/would statements about the speaker's own side.
func (x *state) findPledges() {
	d := x.doc
	speakerAt := x.quoteSpeakerIndex()
	for si := range d.Sentences {
		s := d.Sentences[si]
		if x.isTitle(s) {
			continue
		}
		covered := -1
		for k := s.First; k <= s.Last; k++ {
			if k <= covered {
				continue
			}
			if end := x.pledgeAt(s, k, speakerAt); end > covered {
				covered = end
			}
		}
	}
}

// quoteSpeakerIndex maps a token to the speaker of the quote it is in.
func (x *state) quoteSpeakerIndex() func(k int) (int, string, string) {
	return func(k int) (int, string, string) {
		off := x.doc.Tokens[k].Start
		lo := x.quotesStartingBy(off)
		for i := lo - 1; i >= 0 && i >= lo-3; i-- {
			q := x.quotes[i]
			if q.span.Start <= off && off < q.span.End && !q.dropped {
				return q.speaker, q.kind, q.rule
			}
		}
		return -1, "", ""
	}
}

func (x *state) pledgeAt(s parser.Sentence, k int, speakerAt func(int) (int, string, string)) int {
	d := x.doc
	speaker, kind, rule := speakerAt(k)
	if kind == "indirect" && strings.HasPrefix(rule, "indirect.request") {
		return -1 // a request to others is never a pledge
	}
	n, strength := x.match(x.rules.pledge, k)
	if n > 0 {
		last := k + n - 1
		if n == 1 && !isVerbTag(d.Tokens[k].Tag, x.low[k]) && x.low[k] != "ready" {
			n = 0
		}
		if n > 0 {
			actor := x.actorOf(s, k, speaker)
			// "… to VB": the phrase may end in "to", or be followed by it.
			j := last + 1
			if x.low[last] != "to" && j <= s.Last && x.low[j] == "to" {
				j++
			}
			if x.low[last] != "to" && (j > s.Last || x.low[j-1] != "to") {
				// "agreed in a virtual meeting on Friday to boost …"
				for t := last + 1; t <= s.Last && t <= last+12; t++ {
					if x.low[t] == "to" && t+1 <= s.Last && d.Tokens[t+1].Tag == "VB" {
						j = t + 1
						break
					}
					if tag := d.Tokens[t].Tag; tag == "VBD" || tag == "VBZ" || tag == "MD" || x.low[t] == "that" || d.Tokens[t].Text == "," && t > last+1 {
						break
					}
				}
			}
			if (x.low[last] == "to" || x.low[j-1] == "to") && j <= s.Last && (strings.HasPrefix(d.Tokens[j].Tag, "VB") || d.Tokens[j].Tag == "NN" && x.low[j-1] == "to") {
				if (actor.ent >= 0 || actor.text != "") && !x.otherSide(actor, speaker, kind) {
					by := -1
					if kind != "" && speaker >= 0 && speaker != actor.ent {
						by = speaker // "Zelenskyy said Ukraine was ready to …"
					}
					return x.addPledge(s, actor, by, strength, j, "pledge.to")
				}
			}
			// "pledged that South Korea would …"
			for t := last + 1; t <= s.Last && t <= last+3; t++ {
				if x.low[t] == "that" {
					if end := x.modalPledge(s, t+1, actor.ent, strength, "pledge.that"); end >= 0 {
						return end
					}
					break
				}
			}
			// "assured Rutte of South Korea's continued consultation"
			if strings.HasPrefix(x.low[k], "assur") {
				for t := last + 1; t <= s.Last && t <= last+6; t++ {
					if x.low[t] == "of" && t+1 <= s.Last {
						a := actor
						start := t + 1
						if mi := x.mentionOf[t+1]; mi >= 0 {
							ml := x.mentions[mi].last
							if ml+1 <= s.Last && (x.low[ml+1] == "'s" || x.low[ml+1] == "’s") {
								a = x.partyOf(mi)
								start = ml + 2
							}
						} else if x.low[t+1] == "his" || x.low[t+1] == "her" || x.low[t+1] == "its" || x.low[t+1] == "their" {
							start = t + 2
						}
						by := actor.ent
						return x.addPledgeBy(s, a, by, strength, start, "pledge.assured-of")
					}
				}
			}
		}
	}
	// will/would + verb: inside a quote or reported clause of the speaker's
	// own side, or an itinerary stated as fact.
	if (x.low[k] == "will" || x.low[k] == "would" || x.low[k] == "shall") && k+1 <= s.Last {
		v := k + 1
		for v <= s.Last && (d.Tokens[v].Tag == "RB" || x.low[v] == "then" || x.low[v] == "also") {
			v++
		}
		if v > s.Last || !(strings.HasPrefix(d.Tokens[v].Tag, "VB") || d.Tokens[v].Tag == "NN") {
			return -1
		}
		if x.low[v] == "be" || x.low[v] == "have" || x.low[v] == "like" {
			return -1
		}
		subj := x.subjectBefore(k)
		lowSubj := ""
		if k-1 >= s.First {
			lowSubj = x.low[k-1]
		}
		var actor party
		switch {
		case k-2 >= s.First && (lowSubj == "country" || lowSubj == "government" || lowSubj == "nation" || lowSubj == "side") && x.mentionOf[k-2] >= 0 && x.mentions[x.mentionOf[k-2]].kind == pronounMention:
			// "his country will …": the country the person speaks for.
			who := x.mentions[x.mentionOf[k-2]].ent
			if who < 0 || x.ents[who].affiliation == "" {
				return -1
			}
			actor = party{ent: -1, text: x.ents[who].affiliation}
			if speaker < 0 {
				speaker = who
			}
		case (lowSubj == "i" || lowSubj == "we") && speaker >= 0 && kind == "direct":
			actor = party{ent: speaker}
			if lowSubj == "we" && x.ents[speaker].affiliation != "" {
				actor = party{ent: -1, text: x.ents[speaker].affiliation}
			}
		case subj >= 0 && x.mentions[subj].ent >= 0:
			actor = x.partyOf(subj)
		default:
			return -1
		}
		itinerary := itineraryVerbs[x.low[v]]
		own := speaker >= 0 && x.sameSide(actor, speaker)
		switch {
		case own && kind != "" && !itinerary:
			return x.addPledgeBy(s, actor, speaker, "commitment", v, "pledge.will")
		case own && itinerary || speaker < 0 && itinerary && x.ownSide(actor) || kind == "indirect" && itinerary:
			by := speaker
			return x.addPledgeBy(s, actor, by, "announcement", v, "pledge.announcement")
		}
	}
	return -1
}

// actorOf is who a pledge cue at k is about: its subject, or the speaker
// of the quote it is in ("I hope to …").
func (x *state) actorOf(s parser.Sentence, k, speaker int) party {
	if mi := x.subjectBefore(k); mi >= 0 && x.mentions[mi].ent >= 0 {
		return x.partyOf(mi)
	}
	// "expressed his desire to": the subject is before "expressed".
	for j := k - 1; j >= s.First && j >= k-4; j-- {
		if isVerbTag(x.doc.Tokens[j].Tag, x.low[j]) {
			if mi := x.subjectBefore(j); mi >= 0 && x.mentions[mi].ent >= 0 {
				return x.partyOf(mi)
			}
			break
		}
	}
	if k-1 >= s.First && (x.low[k-1] == "i" || x.low[k-1] == "we") && speaker >= 0 {
		return party{ent: speaker}
	}
	return party{ent: -1}
}

// otherSide: inside someone's words, a country or body that is known not
// to be the speaker's ("Rice said Beijing would like to …") plans for
// itself; that is no pledge of the speaker's.
func (x *state) otherSide(a party, speaker int, kind string) bool {
	if kind == "" || speaker < 0 || a.ent < 0 || a.ent == speaker {
		return false
	}
	e := x.ents[a.ent]
	aff := x.ents[speaker].affiliation
	if aff == "" || e.kind != placeMention && e.kind != orgMention {
		return false
	}
	// A body's president speaks for the organisation it belongs to: the
	// European Council's president for the EU.
	return e.name != aff && e.affiliation != aff && x.rules.orgParent[aff] != e.name
}

// sameSide: the actor is the speaker, a pair including the speaker, or
// the country or body the speaker speaks for.
func (x *state) sameSide(a party, speaker int) bool {
	if a.ent == speaker {
		return true
	}
	if a.ent >= 0 {
		for _, m := range x.ents[a.ent].members {
			if m == speaker {
				return true
			}
		}
		aff := x.ents[speaker].affiliation
		return aff != "" && (x.ents[a.ent].name == aff || x.ents[a.ent].affiliation == aff)
	}
	return a.text != "" && a.text == x.ents[speaker].affiliation
}

// ownSide: outside any quote, an itinerary is announced about a speaker or
// a delegation or officials of the article's subject.
func (x *state) ownSide(a party) bool {
	if a.ent < 0 {
		return false
	}
	e := x.ents[a.ent]
	return e.speaks || e.kind == sourceMention
}

// modalPledge reads "[subject] will/would [verb] …" from token t.
func (x *state) modalPledge(s parser.Sentence, t, by int, strength, rule string) int {
	for m := t; m <= s.Last && m <= t+8; m++ {
		if x.low[m] == "will" || x.low[m] == "would" || x.low[m] == "shall" {
			subj := x.subjectBefore(m)
			actor := party{ent: by}
			if subj >= 0 && x.mentions[subj].ent >= 0 {
				actor = x.partyOf(subj)
			}
			v := m + 1
			for v <= s.Last && x.doc.Tokens[v].Tag == "RB" {
				v++
			}
			return x.addPledgeBy(s, actor, by, strength, v, rule)
		}
	}
	return -1
}

func (x *state) addPledge(s parser.Sentence, actor party, by int, strength string, start int, rule string) int {
	return x.addPledgeBy(s, actor, by, strength, start, rule)
}

// addPledgeBy records the action from token start to the end of its
// clause, with a final time expression moved to when.
func (x *state) addPledgeBy(s parser.Sentence, actor party, by int, strength string, start int, rule string) int {
	d := x.doc
	if start > s.Last || actor.ent < 0 && actor.text == "" {
		return -1
	}
	end := x.actionEnd(s, start)
	if end < start {
		return -1
	}
	when := ""
	// A time expression belongs in when, and ends the action ("meet in
	// New Delhi on June 27-28 followed by …" → "meet in New Delhi").
	for j := start + 2; j <= end; j++ {
		if e := x.timeAt(j, end); e >= j && x.low[j] != "of" && x.low[j-1] != "of" && (x.low[j] == "on" || x.low[j] == "next" || timeAnchors[x.low[j]] || e == end) {
			if timeAnchors[x.low[j]] && j-1 > start && (x.low[j-1] == "in" || x.low[j-1] == "by" || x.low[j-1] == "until") {
				j-- // "in May"
			}
			w := j
			if x.low[w] == "on" && w < e {
				w++
			}
			when = d.Src[d.Tokens[w].Start:d.Tokens[e].End]
			end = j - 1
			break
		}
	}
	if end < start {
		return -1
	}
	sp := parser.Span{Start: d.Tokens[start].Start, End: d.Tokens[end].End}
	action := strings.TrimRight(d.Text(sp), ",;: ")
	if wordCount(action) < 1 {
		return -1
	}
	x.pledges = append(x.pledges, pledgeRec{actor: actor, by: by, action: action, strength: strength, when: when, span: sp, rule: rule})
	return end
}

// quotesStartingBy returns how many quotes (sorted by start) start at or
// before byte off; a quote holding off is among the last few of them.
func (x *state) quotesStartingBy(off int) int {
	return sort.Search(len(x.quotes), func(i int) bool { return x.quotes[i].span.Start > off })
}

// insideIndirect reports whether byte off lies in a reported clause.
func (x *state) insideIndirect(off int) bool {
	lo := x.quotesStartingBy(off)
	for i := lo - 1; i >= 0 && i >= lo-4; i-- {
		if q := x.quotes[i]; q.kind == "indirect" && q.span.Start <= off && off < q.span.End {
			return true
		}
	}
	return false
}

// actionEnd is the end of a pledged action: the clause's end, before a
// second verb of the subject ("… in 2019 and exchanged perspectives"), and,
// for an action inside a quotation, before the quotation ends. A scare
// quote inside the action ("stay in “close contact”") is part of it.
func (x *state) actionEnd(s parser.Sentence, start int) int {
	end := x.clauseEnd(s, start)
	d := x.doc
	q := d.Tokens[start].Quote
	for j := start; j <= end; j++ {
		if q >= 0 && d.Tokens[j].Quote != q {
			// he "will work to implement" the agreements: the action goes
			// on past a fragment quoted inside reported speech; a
			// quotation of its own ends it.
			if x.insideIndirect(d.Tokens[start].Start) {
				q = -1
				continue
			}
			return j - 1
		}
		// ", as he met …", ", while …": a clause about something else.
		if d.Tokens[j].Text == "," && j+1 <= end && q < 0 {
			switch x.low[j+1] {
			case "as", "while", "when", "after", "before", "following", "during":
				return j - 1
			}
		}
		if x.low[j] == "and" && j+1 <= end && d.Tokens[j+1].Tag == "VBD" {
			e := j - 1
			if e >= start && d.Tokens[e].Text == "," {
				e--
			}
			return e
		}
	}
	return end
}
