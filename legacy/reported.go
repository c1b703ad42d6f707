package legacy

import (
	"strings"

	"github.com/readout/readout/parser"
)

// reportedSpeech finds indirect quotes: a speech verb with a content
// clause ("stressed that …", "said the talks were …", "…, Wang noted."),
// "according to X", and requests ("urged NATO to …"). Speech acts without
// a clause ("thanked", "congratulated") only make their subject a speaker.
func (x *state) reportedSpeech() {
	d := x.doc
	for si := range d.Sentences {
		s := d.Sentences[si]
		if x.isTitle(s) {
			continue
		}
		covered := -1 // tokens up to here are inside a clause already recorded
		for v := s.First; v <= s.Last; v++ {
			if v <= covered || d.Tokens[v].Quote >= 0 {
				// Inside a reported clause or a quotation, speech is not
				// recorded again, but whoever speaks there is a speaker
				// ("… said Zelenskyy thanked the German government").
				x.nestedSpeechAct(v)
				continue
			}
			if x.low[v] == "according" && v+1 <= s.Last && x.low[v+1] == "to" {
				if end := x.accordingTo(s, v); end > covered {
					covered = end
				}
				continue
			}
			if !isVerbTag(d.Tokens[v].Tag, x.low[v]) || x.inName(v) {
				continue
			}
			if end := x.reportAt(s, v); end > covered {
				covered = end
			}
		}
	}
}

// inName: token v is part of a name ("Most Commented"), not a verb.
func (x *state) inName(v int) bool {
	mi := x.mentionOf[v]
	return mi >= 0 && x.mentions[mi].kind != pronounMention && x.mentions[mi].kind != noMention
}

// afterDateline returns the first token of s after a dateline that opens
// its paragraph ("WASHINGTON (AP) —", "BERLIN (AA) –", "Canberra:"), or
// s.First when there is none.
func (x *state) afterDateline(s parser.Sentence) int {
	d := x.doc
	if s.First > 0 && d.Tokens[s.First-1].Sentence >= 0 && d.Sentences[d.Tokens[s.First-1].Sentence].Paragraph == s.Paragraph {
		return s.First // not the paragraph's first sentence
	}
	inParens := false
	for j := s.First; j <= s.Last && j < s.First+12; j++ {
		w := d.Tokens[j].Text
		switch {
		case w == "—" || w == "–" || w == "-" || w == "--" || w == ":":
			if j > s.First && j+1 <= s.Last {
				return j + 1
			}
			return s.First
		case w == "(":
			inParens = true
		case w == ")":
			inParens = false
		case inParens || w == "," || w == "/":
		case isAcronym(strings.Trim(w, ".")) || strings.ToUpper(w) == w && isCapWord(w):
		case j == s.First && isCapWord(w) && j+1 <= s.Last && d.Tokens[j+1].Text == ":":
		default:
			return s.First
		}
	}
	return s.First
}

func (x *state) isTitle(s parser.Sentence) bool {
	t := x.doc.Title
	return t != nil && s.Start >= t.Start && s.End <= t.End
}

// reportAt handles a possible cue at token v and returns the last token of
// the clause it recorded, or -1.
func (x *state) reportAt(s parser.Sentence, v int) int {
	d := x.doc
	speechN, _ := x.match(x.rules.speech, v)
	reqN, _ := x.match(x.rules.request, v)
	actN, _ := x.match(x.rules.act, v)
	if speechN == 0 && reqN == 0 && actN == 0 {
		return -1
	}
	subj := x.subjectBefore(v)
	if subj < 0 && d.Tokens[v].Tag == "VBG" && v > s.First && d.Tokens[v-1].Text == "," {
		// "…, adding that …", "…, noting that …": the subject of the
		// sentence's speech verb, or of the sentence.
		subj = x.participleSubject(s, v)
	}
	inverted := false
	if subj < 0 {
		// "…, said Rice." / "Said she had …" / "Noting that …, Li said"
		if k := v + max(speechN, 1); k <= s.Last {
			if mi := x.mentionOf[k]; mi >= 0 && x.mentions[mi].first == k && v > s.First && d.Tokens[v-1].Text == "," {
				subj, inverted = mi, true
			}
		}
	}
	if speechN > 0 {
		cue := x.cueText(v, speechN)
		lemma := x.speechLemma(v)
		// Inverted: "[clause], Wang noted." / "[clause], said Rice."
		if x.tailOnly(v+speechN, s.Last) || inverted {
			if subj >= 0 && x.isInvertedAttribution(s, v, subj) {
				start, end := x.afterDateline(s), x.commaBefore(s, v, subj)
				if end > start && d.Tokens[start].Quote < 0 {
					x.addIndirect(subj, cue, start, end-1, "indirect.inverted")
					return v + speechN
				}
			}
		}
		// "Noting that …, Li said …": the participle opens the sentence.
		if v == s.First && d.Tokens[v].Tag == "VBG" && v+1 <= s.Last && x.low[v+1] == "that" {
			for c := v + 2; c <= s.Last; c++ {
				if d.Tokens[c].Text == "," && c+1 <= s.Last {
					if mi := x.mentionOf[c+1]; mi >= 0 && x.mentions[mi].ent >= 0 {
						x.addIndirect(mi, cue, v+2, c-1, "indirect.participle")
						return c
					}
					break
				}
			}
		}
		if subj < 0 && v == s.First && isCapWord(d.Tokens[v].Text) && d.Tokens[v].Tag != "VBG" {
			// "Said she had shaken hands": the speaker of the text so far.
			if last := x.lastSpeaker(); last >= 0 {
				if start := x.clauseStart(s, v, speechN, lemma); start > 0 {
					end := x.clauseEnd(s, start)
					x.addIndirectEntity(last, cue, start, end, "indirect.subjectless")
					return end
				}
			}
		}
		if subj >= 0 {
			if start := x.clauseStart(s, v, speechN, lemma); start > 0 {
				end := x.clauseEnd(s, start)
				if end >= start {
					x.addIndirect(subj, cue, start, end, "indirect.clause")
					return end
				}
			}
		}
	}
	if reqN > 0 && subj >= 0 {
		// "urged NATO to strengthen …": object, then a to-infinitive.
		obj := v + reqN
		for k := obj; k <= s.Last && k < obj+8; k++ {
			if x.low[k] == "to" && k > obj && k+1 <= s.Last && strings.HasPrefix(d.Tokens[k+1].Tag, "VB") {
				if x.isInvitation(v) {
					break
				}
				end := x.clauseEnd(s, obj)
				x.addIndirect(subj, x.cueText(v, reqN), obj, end, "indirect.request")
				return end
			}
			if t := d.Tokens[k].Text; t == "," || t == "." || x.low[k] == "that" {
				break
			}
		}
	}
	if subj >= 0 && (actN > 0 || reqN > 0 || speechN > 0) && x.mentions[subj].ent >= 0 {
		// A speech act without a clause: "She thanked South Korea …".
		if x.ents[x.mentions[subj].ent].kind != placeMention {
			x.markSpeaks(x.mentions[subj].ent)
		}
	}
	return -1
}

// nestedSpeechAct marks the subject of a speech verb at v as a speaker
// without recording a quote.
func (x *state) nestedSpeechAct(v int) {
	d := x.doc
	// Only speech that happened: "(Moon and Trump) will exchange views"
	// is a plan, not a speech act.
	if tag := d.Tokens[v].Tag; tag != "VBD" && tag != "VBZ" || x.inName(v) {
		return
	}
	if !x.isCue(v) {
		return
	}
	mi := x.subjectBefore(v)
	if mi < 0 {
		return
	}
	m := x.mentions[mi]
	if m.ent < 0 || m.kind == pronounMention || m.kind == placeMention {
		return
	}
	switch x.ents[m.ent].kind {
	case personMention:
		if x.plausiblePerson(m.ent) {
			x.markSpeaks(m.ent)
		}
	case pairMention:
		x.markSpeaks(m.ent) // "the press release says Guterres and Blinken discussed …"
	}
}

func (x *state) isInvitation(v int) bool {
	return strings.HasPrefix(x.low[v], "invit")
}

func (x *state) speechLemma(v int) string {
	_, lemma := x.match(x.rules.speech, v)
	return lemma
}

// clauseStart returns the first token of the content clause of the cue at
// v, or -1: after "that" (perhaps past a short phrase: "said in a
// statement that", "told reporters that"), after a colon, or right after
// a say-like verb when a clause with its own verb follows.
func (x *state) clauseStart(s parser.Sentence, v, n int, lemma string) int {
	d := x.doc
	k := v + n
	if k > s.Last {
		return -1
	}
	for j := k; j <= s.Last && j < k+8; j++ {
		if x.low[j] == "that" {
			if j+1 <= s.Last && !strings.HasPrefix(d.Tokens[j+1].Tag, "VB") && d.Tokens[j+1].Tag != "MD" && d.Tokens[j+1].Text != "." {
				return j + 1
			}
			return -1
		}
		t := d.Tokens[j]
		if t.Text == "," || t.Text == ";" || t.Text == "." || t.Quote >= 0 || strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			break
		}
	}
	if d.Tokens[k].Text == ":" && k+1 <= s.Last && d.Tokens[k+1].Quote < 0 {
		return k + 1
	}
	if !x.rules.sayLike[lemma] {
		return -1
	}
	// "She said the talks were productive"; "which she said helped lead".
	t := d.Tokens[k]
	if t.Quote >= 0 && d.Tokens[k].Text != "“" {
		return -1
	}
	switch {
	case x.low[k] == "it" || x.low[k] == "there" || x.low[k] == "he" || x.low[k] == "she" || x.low[k] == "they" || x.low[k] == "we" || x.low[k] == "nothing":
	case t.Tag == "DT" || t.Tag == "NNP" || t.Tag == "NNPS" || t.Tag == "NNS" || t.Tag == "NN" || t.Tag == "CD" || t.Tag == "PRP$" || t.Tag == "JJ" || t.Tag == "EX":
		if lemma == "tell" {
			return -1 // "told the newspaper": an object, not a clause
		}
	case (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "MD") && v >= 2 && (x.low[v-2] == "which" || x.low[v-2] == "who" || x.low[v-2] == "that"):
		return k
	default:
		return -1
	}
	// The clause needs a finite verb of its own before it ends.
	for j := k + 1; j <= s.Last; j++ {
		tag := d.Tokens[j].Tag
		if d.Tokens[j].Text == "," && j > k+1 && !x.hasVerbBetween(k+1, j) {
			return -1
		}
		if tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" {
			return k
		}
	}
	return -1
}

func (x *state) hasVerbBetween(a, b int) bool {
	for j := a; j < b; j++ {
		switch x.doc.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// clauseEnd returns the last token of a content clause starting at
// start: the end of the sentence, less its final punctuation, cut before
// an attribution that follows it (", adding that", ", according to X",
// ", the ministry said").
func (x *state) clauseEnd(s parser.Sentence, start int) int {
	d := x.doc
	end := s.Last
	for j := start + 1; j <= s.Last; j++ {
		t := d.Tokens[j]
		if t.Text == ";" {
			end = j - 1
			break
		}
		// "… stay in “close contact,” according to the French readout"
		if x.low[j] == "according" && j+1 <= s.Last && x.low[j+1] == "to" && t.Quote < 0 {
			end = j - 1
			break
		}
		// "… to resume talks and called for …": a second verb of the
		// speaker's, not of the clause; likewise "and he accused …".
		if x.low[j] == "and" && t.Quote < 0 && j+1 <= s.Last {
			n1 := d.Tokens[j+1]
			if (n1.Tag == "VBD" || n1.Tag == "VBN" && x.isCue(j+1)) && x.hasVerbBetween(start, j) {
				end = j - 1
				if d.Tokens[end].Text == "," {
					end--
				}
				break
			}
			if (x.low[j+1] == "he" || x.low[j+1] == "she") && j+2 <= s.Last && d.Tokens[j+2].Tag == "VBD" {
				end = j - 1
				break
			}
		}
		if t.Text != "," || t.Quote >= 0 {
			continue
		}
		k := j + 1
		if k > s.Last {
			break
		}
		if x.low[k] == "and" && k+1 <= s.Last {
			if n, _ := x.match(x.rules.speech, k+1); n > 0 && strings.HasPrefix(d.Tokens[k+1].Tag, "VB") {
				end = j - 1
				break
			}
		}
		if n, _ := x.match(x.rules.speech, k); n > 0 && d.Tokens[k].Tag == "VBG" {
			end = j - 1 // ", adding that …"
			break
		}
		if x.low[k] == "according" && k+1 <= s.Last && x.low[k+1] == "to" {
			end = j - 1
			break
		}
		if mi := x.mentionOf[k]; mi >= 0 && x.mentions[mi].first == k {
			after := x.mentions[mi].last + 1
			for after <= s.Last && d.Tokens[after].Tag == "RB" {
				after++
			}
			if n, _ := x.match(x.rules.speech, after); n > 0 && x.tailOnly(after+n, s.Last) {
				end = j - 1
				break
			}
		}
		if n, _ := x.match(x.rules.speech, k); n > 0 && k+n <= s.Last && x.mentionOf[k+n] >= 0 {
			end = j - 1 // ", said the ministry."
			break
		}
	}
	for end >= start {
		t := d.Tokens[end].Text
		if t == "." || t == "!" || t == "?" || t == "," || t == ":" || t == ";" || t == "”" && d.Tokens[end].Quote < 0 {
			end--
			continue
		}
		break
	}
	return end
}

// tailOnly reports whether tokens from k to last are only what may follow
// an attribution at the end of a sentence: "in a statement on Sunday.",
// "at a press briefing.", "after meeting her counterparts".
func (x *state) tailOnly(k, last int) bool {
	d := x.doc
	if k > last {
		return true
	}
	if k+14 < last {
		return false
	}
	if t := d.Tokens[k].Text; t == "." || t == "!" || t == "?" {
		return true
	}
	if !(d.Tokens[k].Tag == "IN" || d.Tokens[k].Tag == "RB" || d.Tokens[k].Tag == "NNP" || x.mentionOf[k] >= 0) {
		return false
	}
	for j := k; j <= last; j++ {
		switch d.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD", "VB", "TO":
			return false
		}
		if x.low[j] == "that" || d.Tokens[j].Quote >= 0 {
			return false
		}
	}
	return true
}

// isInvertedAttribution: the subject and verb follow a comma that closes
// the reported clause.
// participleSubject finds who a participial cue ("adding", "noting")
// belongs to: the speaker of the nearest speech verb before it in the
// sentence ("“…,” he said, adding that …"), else the sentence's subject.
func (x *state) participleSubject(s parser.Sentence, v int) int {
	for k := v - 2; k >= s.First; k-- {
		if x.doc.Tokens[k].Quote >= 0 {
			continue
		}
		if n, _ := x.match(x.rules.speech, k); n > 0 && isVerbTag(x.doc.Tokens[k].Tag, x.low[k]) && !x.inName(k) {
			if mi := x.subjectBefore(k); mi >= 0 {
				return mi
			}
			if j := k + n; j <= s.Last {
				if mi := x.mentionOf[j]; mi >= 0 && x.mentions[mi].first == j && x.mentions[mi].ent >= 0 {
					return mi // "said Rice, adding …"
				}
			}
			break
		}
	}
	if mi := x.sentenceSubject(s, v); mi >= 0 && x.mentions[mi].last < v {
		return mi
	}
	return -1
}

func (x *state) isInvertedAttribution(s parser.Sentence, v, subj int) bool {
	return x.commaBefore(s, v, subj) > s.First
}

// commaBefore returns the comma that ends the clause before an inverted
// attribution, or -1.
func (x *state) commaBefore(s parser.Sentence, v, subj int) int {
	d := x.doc
	first := v
	if m := x.mentions[subj]; m.first < first {
		first = m.first
	}
	// ", government spokesman X said", ", as she announced": a few
	// words may stand between the comma and the subject.
	for k := first - 1; k >= s.First && k >= first-4; k-- {
		t := d.Tokens[k]
		if t.Text == "," {
			return k
		}
		if !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "NN" || x.low[k] == "as") {
			break
		}
	}
	return -1
}

// accordingTo handles "according to X, …" and "…, according to X." when no
// speech verb of the clause names another speaker.
func (x *state) accordingTo(s parser.Sentence, v int) int {
	d := x.doc
	k := v + 2
	if k > s.Last {
		return -1
	}
	mi := x.mentionOf[k]
	if mi < 0 || x.mentions[mi].first != k || x.mentions[mi].ent < 0 {
		return -1
	}
	cue := x.cueText(v, 2)
	m := x.mentions[mi]
	if v == s.First || v > s.First && d.Tokens[v-1].Quote < 0 && v-1 == s.First {
		// "According to X, [clause]."
		c := m.last + 1
		for c <= s.Last && d.Tokens[c].Text != "," && c < m.last+8 {
			c++
		}
		if c > s.Last || d.Tokens[c].Text != "," || c+1 > s.Last || d.Tokens[c+1].Quote >= 0 {
			return -1
		}
		if x.hasThatClause(c+1, s.Last) {
			return -1 // the inner speaker is the speaker
		}
		end := x.clauseEnd(s, c+1)
		x.addIndirect(mi, cue, c+1, end, "indirect.according-to")
		return end
	}
	if v > s.First && d.Tokens[v-1].Text == "," && x.tailOnly(m.last+1, s.Last) {
		// "[clause], according to X."
		first := x.afterDateline(s)
		if x.hasThatClause(first, v-1) || d.Tokens[first].Quote >= 0 {
			return -1
		}
		x.addIndirect(mi, cue, first, v-2, "indirect.according-to")
		return m.last
	}
	return -1
}

func (x *state) hasThatClause(a, b int) bool {
	for j := a; j <= b && j < len(x.doc.Tokens); j++ {
		if n, _ := x.match(x.rules.speech, j); n > 0 {
			for k := j + n; k <= b && k <= j+n+2; k++ {
				if x.low[k] == "that" {
					return true
				}
			}
		}
	}
	return false
}

func (x *state) addIndirect(subj int, cue string, first, last int, rule string) {
	x.addIndirectEntity(x.mentions[subj].ent, cue, first, last, rule)
}

func (x *state) addIndirectEntity(ent int, cue string, first, last int, rule string) {
	d := x.doc
	if last < first || ent < 0 {
		return
	}
	sp := parser.Span{Start: d.Tokens[first].Start, End: d.Tokens[last].End}
	text := d.Text(sp)
	if wordCount(text) < 2 {
		return
	}
	// "stressed that “…”": the clause is the quote, which is a direct
	// quote. Only the quotations inside the clause are looked at.
	for ti := first; ti <= last; ti++ {
		qs := d.Tokens[ti].Quote
		if qs < 0 || x.directOf[qs] < 0 {
			continue
		}
		q := &x.quotes[x.directOf[qs]]
		if !x.verbOutside(first, last, qs) {
			if q.speaker < 0 {
				q.speaker = ent
				q.cue = cue
			}
			return
		}
		for ti <= last && d.Tokens[ti].Quote == qs {
			ti++
		}
	}
	x.markSpeaks(ent)
	x.quotes = append(x.quotes, quoteRec{speaker: ent, kind: "indirect", cue: cue, text: text, span: sp, rule: rule, qspan: -1})
}

// verbOutside: the clause from first to last has its verb outside
// quotation qs ("said it was “an honor …”"): then it embeds a quoted
// fragment and is an indirect quote of its own; so does a clause that goes
// on after the quotation. When only the subject,
// perhaps with an auxiliary, stands outside ("said India “will remain …”",
// "said the secretary had “encouraged …”"), the clause is the quote.
func (x *state) verbOutside(first, last, qs int) bool {
	d := x.doc
	after := false // past the quotation
	for ti := first; ti <= last; ti++ {
		t := d.Tokens[ti]
		if t.Quote == qs {
			after = true
			continue
		}
		// "would 'put its best people on the table' for the final round"
		if after && t.Tag != "''" && t.Tag != "." && t.Tag != "," {
			return true
		}
		if strings.HasPrefix(t.Tag, "VB") && !auxiliaries[x.low[ti]] {
			return true
		}
	}
	return false
}

var auxiliaries = map[string]bool{"had": true, "has": true, "have": true, "would": true, "will": true, "could": true, "should": true, "must": true, "may": true, "might": true, "can": true, "shall": true, "did": true, "does": true, "do": true}

// lastSpeaker is the speaker of the latest quote found so far.
func (x *state) lastSpeaker() int {
	for i := len(x.quotes) - 1; i >= 0; i-- {
		if x.quotes[i].speaker >= 0 {
			return x.quotes[i].speaker
		}
	}
	return -1
}
