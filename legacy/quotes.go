package legacy

import (
	"strings"
	"unicode"

	"github.com/readout/readout/parser"
)

// quoteRec is a quote before names are final.
type quoteRec struct {
	speaker int // entity, or -1
	kind    string
	cue     string
	text    string
	span    parser.Span
	rule    string
	qspan   int // the QuoteSpan of a direct quote, or -1
	dropped bool
}

// directQuotes attributes every quotation long enough to be a quote: a cue
// after it ("…,” he said), before it (Yoon stated, “…”), or around it when
// an attribution splits it (“…,” she said, “…”).
func (x *state) directQuotes() {
	d := x.doc
	merged := make([]bool, len(d.Quotes))
	x.lastQuoted = -1
	x.directOf = make([]int, len(d.Quotes))
	for i := range x.directOf {
		x.directOf[i] = -1
	}
	for qi := range d.Quotes {
		if merged[qi] {
			continue
		}
		q := d.Quotes[qi]
		open := d.TokenAt(q.Start)
		close := d.TokenAt(q.End - 1)
		rec := quoteRec{speaker: -1, kind: "direct", qspan: qi}
		parts := []parser.Span{q.Inner()}
		// Cue after the closing mark.
		if sp, cue, next, ok := x.cueAfter(close, q); ok {
			rec.speaker, rec.cue, rec.rule = sp, cue, "direct.cue-after"
			// “…,” he said, “…” — the same quote goes on.
			if next+1 < len(d.Tokens) && qi+1 < len(d.Quotes) && d.Quotes[qi+1].Start == d.Tokens[next].Start {
				nq := d.Quotes[qi+1]
				parts = append(parts, nq.Inner())
				merged[qi+1] = true
				rec.rule = "direct.split"
			} else if next+1 < len(d.Tokens) && d.Tokens[next].Text == "." && qi+1 < len(d.Quotes) && d.Quotes[qi+1].Start == d.Tokens[next+1].Start && x.paragraphOf(next+1) == x.paragraphOf(close) && !x.hasCueAfter(qi+1) {
				// “…,” said Rice. “…” — the next sentence goes on quoting.
				nq := d.Quotes[qi+1]
				parts = append(parts, nq.Inner())
				merged[qi+1] = true
				rec.rule = "direct.split"
			}
		} else if sp, cue, ok := x.cueBefore(open); ok {
			rec.speaker, rec.cue, rec.rule = sp, cue, "direct.cue-before"
		} else if sp, ok := x.subjectOutside(open); ok {
			// Modi “stressed that …”: only the subject stands outside.
			rec.speaker, rec.rule = sp, "direct.subject-outside"
			rec.cue = d.Tokens[open+1].Text
		}
		text := joinParts(d.Src, parts)
		if rec.rule == "" && wordCount(text) < 4 {
			continue // a scare quote or a title
		}
		if wordCount(text) < 2 {
			continue
		}
		if rec.rule == "" {
			rec.rule = "direct.bare"
		}
		rec.text = text
		rec.span = parser.Span{Start: parts[0].Start, End: parts[len(parts)-1].End}
		if rec.speaker >= 0 {
			x.markSpeaks(rec.speaker)
			x.lastQuoted = rec.speaker
			x.lastQuotedAt = close
		}
		x.directOf[qi] = len(x.quotes)
		for _, p := range parts[1:] {
			if qj := d.Tokens[d.TokenAt(p.Start)].Quote; qj >= 0 {
				x.directOf[qj] = len(x.quotes)
			}
		}
		x.quotes = append(x.quotes, rec)
	}
}

func (x *state) paragraphOf(ti int) int {
	return x.doc.Sentences[x.doc.Tokens[ti].Sentence].Paragraph
}

func (x *state) hasCueAfter(qi int) bool {
	q := x.doc.Quotes[qi]
	_, _, _, ok := x.cueAfter(x.doc.TokenAt(q.End-1), q)
	return ok
}

// joinParts joins the parts of a quote with one space, dropping a comma
// that ends a part (the guide keeps a final . ! or ?).
func joinParts(src string, parts []parser.Span) string {
	var b strings.Builder
	for i, p := range parts {
		t := strings.TrimSpace(src[p.Start:p.End])
		if i == len(parts)-1 || true {
			t = strings.TrimRight(t, ",")
			t = strings.TrimSpace(t)
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		// Paragraph breaks inside a part (a multi-paragraph quote) and
		// repeated opening marks become single spaces.
		b.WriteString(collapseParagraphs(t))
	}
	return b.String()
}

func collapseParagraphs(t string) string {
	if !strings.Contains(t, "\n") {
		return t
	}
	lines := strings.Split(t, "\n")
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		l = strings.TrimLeft(l, "“\"‘«'")
		l = strings.TrimSpace(l)
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, " ")
}

func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// cueAfter looks right after a closing mark for "he said", "said Rice",
// "Kaifu said at a briefing", "according to Hebestreit". It returns the
// speaker, the cue as written and the token after the attribution.
func (x *state) cueAfter(close int, q parser.QuoteSpan) (int, string, int, bool) {
	d := x.doc
	j := close + 1
	if j < len(d.Tokens) && d.Tokens[j].Text == "," {
		j++
	}
	if j >= len(d.Tokens) || x.paragraphOf(j) != x.paragraphOf(close) {
		return -1, "", 0, false
	}
	// “… globally.” He pledged …: a new sentence, not an attribution.
	if inner := strings.TrimSpace(d.Text(q.Inner())); j == close+1 && strings.HasSuffix(inner, ".") && isCapWord(d.Tokens[j].Text) {
		return -1, "", 0, false
	}
	// "according to X"
	if x.low[j] == "according" && j+1 < len(d.Tokens) && x.low[j+1] == "to" {
		if j+2 >= len(d.Tokens) {
			return -1, "", 0, false
		}
		if mi := x.mentionOf[j+2]; mi >= 0 && x.mentions[mi].first == j+2 {
			return x.mentions[mi].ent, d.Src[d.Tokens[j].Start:d.Tokens[j+1].End], x.mentions[mi].last + 1, x.mentions[mi].ent >= 0
		}
	}
	// "said X": the verb first.
	if n, _ := x.match(x.rules.speech, j); n > 0 {
		k := j + n
		for k < len(d.Tokens) && d.Tokens[k].Tag == "RB" {
			k++
		}
		if k < len(d.Tokens) {
			if mi := x.mentionOf[k]; mi >= 0 && x.mentions[mi].first == k && x.mentions[mi].ent >= 0 {
				return x.mentions[mi].ent, x.cueText(j, n), x.afterAttribution(x.mentions[mi].last + 1), true
			}
		}
	}
	// "X said": the subject first.
	if mi := x.mentionOf[j]; mi >= 0 && x.mentions[mi].first == j && x.mentions[mi].ent >= 0 {
		k := x.mentions[mi].last + 1
		for k < len(d.Tokens) && (d.Tokens[k].Tag == "RB" || x.low[k] == "also") {
			k++
		}
		if n, _ := x.match(x.rules.speech, k); n > 0 {
			ent := x.mentions[mi].ent
			// “…,” he added: after quotes, "he" is whoever was being quoted.
			if m := x.mentions[mi]; m.kind == pronounMention && x.lastQuoted >= 0 && x.lastQuoted != ent && !x.subjectSince(ent, x.lastQuotedAt, m.first) {
				if g := x.ents[x.lastQuoted].gender; (g == 0 || g == m.gender) && x.ents[x.lastQuoted].kind != pairMention {
					ent = x.lastQuoted
				}
			}
			return ent, x.cueText(k, n), x.afterAttribution(k + n), true
		}
	}
	return -1, "", 0, false
}

// afterAttribution skips what may follow an attribution before the quote
// goes on: "at a press briefing", "in a statement on Sunday", then a comma.
func (x *state) afterAttribution(j int) int {
	d := x.doc
	for k := j; k < len(d.Tokens) && k < j+10; k++ {
		t := d.Tokens[k].Text
		if t == "," || t == "." || t == ":" {
			if t == "," || t == ":" {
				return k + 1
			}
			return k
		}
		if d.Tokens[k].Quote >= 0 {
			return k
		}
	}
	return j
}

func (x *state) cueText(i, n int) string {
	d := x.doc
	return d.Src[d.Tokens[i].Start:d.Tokens[i+n-1].End]
}

// cueBefore looks left of an opening mark for "X said:", "X stated,",
// "X stressed that", "X told reporters".
func (x *state) cueBefore(open int) (int, string, bool) {
	d := x.doc
	j := open - 1
	if j < 0 || x.paragraphOf(j) != x.paragraphOf(open) {
		return -1, "", false
	}
	marked := false
	if t := d.Tokens[j].Text; t == "," || t == ":" || x.low[j] == "that" {
		j--
		marked = true
	}
	// Between the verb and the quote only a phrase may stand that is not
	// the verb's object: "said in a statement:", "told reporters:".
	// "reaffirmed his “…”" quotes a fragment as the object: no cue.
	for k := j; k >= 0 && k > j-7; k-- {
		if x.paragraphOf(k) != x.paragraphOf(open) || d.Tokens[k].Quote >= 0 {
			break
		}
		if n, _ := x.match(x.rules.speech, k); n > 0 && k+n-1 <= j {
			if k+n-1 < j {
				between := k + n
				w := x.low[between]
				press := (w == "reporters" || w == "journalists") && between == j
				if !marked && !press {
					return -1, "", false // "insisted on the importance of “…”"
				}
				if !(d.Tokens[between].Tag == "IN" || w == "reporters" || w == "journalists" || w == "the" && between+1 <= j && (x.low[between+1] == "press" || x.low[between+1] == "media")) {
					return -1, "", false
				}
			}
			if sp := x.subjectBefore(k); sp >= 0 {
				return x.mentions[sp].ent, x.cueText(k, n), x.mentions[sp].ent >= 0
			}
			if k > 0 && (x.low[k-1] == "i" || x.low[k-1] == "we" || x.low[k-1] == "you") {
				// 'so I said "nah, forget it"': a cue, with no one to name.
				return -1, x.cueText(k, n), true
			}
			return -1, "", false
		}
		if t := d.Tokens[k].Text; t == "." || t == "”" || t == "\"" {
			break
		}
	}
	return -1, "", false
}

// subjectSince reports whether entity e was the subject of a sentence
// outside quotations between tokens from and to: then "he" after a quote
// means e, not whoever was quoted before.
func (x *state) subjectSince(e, from, to int) bool {
	for _, mi := range x.ents[e].mentions {
		m := x.mentions[mi]
		if m.first > from && m.first < to && m.subject && !m.inQuote {
			return true
		}
	}
	return false
}

// subjectOutside: the token before the opening mark ends a subject
// mention and the quotation opens with its verb.
func (x *state) subjectOutside(open int) (int, bool) {
	d := x.doc
	if open < 1 || open+1 >= len(d.Tokens) {
		return -1, false
	}
	mi := x.mentionOf[open-1]
	if mi < 0 || x.mentions[mi].ent < 0 || x.mentions[mi].kind == placeMention || x.mentions[mi].kind == noMention {
		return -1, false
	}
	tag := d.Tokens[open+1].Tag
	if tag != "VBD" && tag != "VBZ" && !x.isCue(open+1) {
		return -1, false
	}
	if x.paragraphOf(open-1) != x.paragraphOf(open) {
		return -1, false
	}
	return x.mentions[mi].ent, true
}

// subjectBefore finds the mention that is the subject of the verb at v:
// the nearest mention to its left, past adverbs, auxiliaries and an
// appositive set off by commas. It returns a mention index or -1.
func (x *state) subjectBefore(v int) int {
	d := x.doc
	s := d.Sentences[d.Tokens[v].Sentence]
	k := v - 1
	for k >= s.First && k > v-16 {
		t := d.Tokens[k]
		if mi := x.mentionOf[k]; mi >= 0 && x.mentions[mi].kind != noMention {
			m := x.mentions[mi]
			if m.kind == personMention || m.kind == orgMention || m.kind == sourceMention || m.kind == pronounMention || m.kind == pairMention || m.kind == placeMention {
				// "X and Y said": a coordinated subject is the pair.
				return x.coordinated(mi)
			}
			return -1
		}
		switch {
		case d.Tokens[k].Tag == "''" && k == v-1:
			// he “will work to implement …”: the subject stands before the mark.
			k--
			continue
		case x.low[k] == "by" && d.Tokens[v].Tag == "VBG" || x.low[k] == "by" && k+1 < v && d.Tokens[k+1].Tag == "VBG":
			// "Lavrov responded by saying that …"
			k--
			if k >= s.First && strings.HasPrefix(d.Tokens[k].Tag, "VB") {
				k--
			}
			continue
		case t.Tag == "RB" || x.low[k] == "also" || t.Tag == "MD" || x.low[k] == "has" || x.low[k] == "have" || x.low[k] == "had" || x.low[k] == "was" || x.low[k] == "were" || x.low[k] == "is" || x.low[k] == "then":
			k--
			continue
		case t.Text == ",":
			// An appositive or an inserted clause: jump to the comma before it.
			c := k - 1
			for c >= s.First && c > k-14 && d.Tokens[c].Text != "," {
				c--
			}
			if c >= s.First && d.Tokens[c].Text == "," {
				k = c - 1
				continue
			}
			return -1
		case t.Text == ")":
			for k >= s.First && d.Tokens[k].Text != "(" {
				k--
			}
			k--
			continue
		case x.low[k] == "and" && k+1 == v || x.low[k] == "and" && d.Tokens[k+1].Tag == "RB":
			// "X underscored …, and said that …", "Putin and Erdogan
			// discussed … and agreed to …": the subject of the verb this
			// one is coordinated with.
			for p := k - 1; p >= s.First && p > k-30; p-- {
				if tag := d.Tokens[p].Tag; (tag == "VBD" || tag == "VBZ") && d.Tokens[p].Quote < 0 && !x.inName(p) {
					if mi := x.subjectBefore(p); mi >= 0 {
						return mi
					}
					break
				}
			}
			if mi := x.sentenceSubject(s, k); mi >= 0 && x.mentions[mi].last < k {
				return mi
			}
			return -1
		}
		return -1
	}
	return -1
}

// coordinated returns the mention index for "X and Y" ending at mention
// mi: a pair mention is synthesised by the resolver only for pronouns and
// role nouns, so here the pair is formed from the two mentions directly.
func (x *state) coordinated(mi int) int {
	m := x.mentions[mi]
	if m.first >= 2 && x.low[m.first-1] == "and" {
		if pi := x.mentionOf[m.first-2]; pi >= 0 && x.mentions[pi].ent >= 0 && m.ent >= 0 && x.mentions[pi].ent != m.ent {
			a, b := x.mentions[pi].ent, m.ent
			if x.ents[a].kind == personMention && x.ents[b].kind == personMention {
				if e := x.pairOf(a, b); e >= 0 {
					// A fresh mention standing for the pair.
					x.mentions = append(x.mentions, mention{kind: pairMention, first: x.mentions[pi].first, last: m.last, ent: e})
					return len(x.mentions) - 1
				}
			}
		}
	}
	return mi
}

// pairOf returns the pair entity of two people, creating it if needed.
// The pair's name is made when the record is written (entityName), so a
// fuller name found later for either person is used.
func (x *state) pairOf(a, b int) int {
	if a > b {
		a, b = b, a
	}
	if i, ok := x.pairs[[2]int{a, b}]; ok {
		return i
	}
	i := x.newEntity(pairMention, x.ents[a].name+" and "+x.ents[b].name)
	x.ents[i].members = []int{a, b}
	x.pairs[[2]int{a, b}] = i
	return i
}

// markSpeaks records that an entity says something; a pair's members do.
func (x *state) markSpeaks(e int) {
	if e < 0 {
		return
	}
	x.ents[e].speaks = true
	for _, m := range x.ents[e].members {
		x.ents[m].speaks = true
	}
}

// attributeBareQuotes gives a quote with no cue the speaker of the
// reported clause it sits in, or of the statement it continues. One sweep
// in text order.
func (x *state) attributeBareQuotes() {
	sortByStart(x.quotes, func(q quoteRec) int { return q.span.Start })
	last, lastPara := -1, -1
	enclosing := -1 // the latest reported clause that started before
	for qi := range x.quotes {
		q := &x.quotes[qi]
		para := x.paragraphOf(x.doc.TokenAt(q.span.Start))
		if q.kind == "indirect" {
			enclosing = qi
		}
		if q.kind == "direct" && q.speaker < 0 {
			if enclosing >= 0 {
				r := x.quotes[enclosing]
				if r.span.Start <= q.span.Start && q.span.End <= r.span.End+3 && r.speaker >= 0 {
					q.speaker, q.cue, q.rule = r.speaker, r.cue, "direct.embedded"
				}
			}
			if q.speaker < 0 && last >= 0 && para-lastPara <= 2 {
				q.speaker, q.rule = last, "direct.continuation"
			}
		}
		if q.speaker >= 0 {
			// X “talked about …” describes X in someone else's words:
			// a bare quote after it continues that someone, not X.
			if q.rule != "direct.subject-outside" {
				last, lastPara = q.speaker, para
			}
			x.markSpeaks(q.speaker)
		}
	}
}
