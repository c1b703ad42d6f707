package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/entity"
	"github.com/readout/readout/grammar"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// quoteStage runs the quote and speech-act rules and settles what they
// found: one direct quote per quotation (the rule of highest priority),
// reported speech inside a direct quote not recorded again, a relayed
// clause given to its inner speaker, a reported clause that is nothing but
// a quotation recorded once, as the direct quote.
func (x *Extraction) quoteStage() {
	var indirect []Quote
	for _, m := range x.matches(grammar.QuoteStage) {
		switch {
		case m.Rule.Produce == grammar.SpeakerOut:
			x.speechAct(m)
		case m.Rule.Kind == record.Direct:
			x.addDirect(m)
		default:
			if q, ok := x.indirect(m); ok {
				indirect = append(indirect, q)
			}
		}
	}
	for _, q := range x.settleIndirect(indirect) {
		x.Quotes = append(x.Quotes, q)
		x.markSpeaks(q.Speaker)
	}
	x.sortQuotes()
	x.setReports()
}

// speechAct: the subject of a speech act is a speaker.
func (x *Extraction) speechAct(m grammar.Match) {
	e := x.speakerOf(&m, "speaker")
	if e < 0 || !x.canSpeak(e) {
		return
	}
	x.markSpeaks(e)
}

// canSpeak: a person, organisation, source or pair; not a place, a
// document whose issuer is unknown ("according to the readout of the
// call": the guide names the office, never the document) or a lone
// capitalised word that nothing shows to be someone.
func (x *Extraction) canSpeak(e int) bool {
	en := &x.Ents.Ents[e]
	switch en.Kind {
	case entity.Person:
		return x.Ents.Plausible(e) || len(en.Mentions) > 0 && en.Subject
	case entity.Place, entity.Document:
		return false
	}
	return true
}

// addDirect records a direct quote unless one of its quotations is taken.
func (x *Extraction) addDirect(m grammar.Match) {
	var parts []parser.Span
	var qs []int
	for _, t := range m.Get("text") {
		if t.Quote < 0 {
			continue
		}
		if _, taken := x.claimed[t.Quote]; taken {
			x.lose(m, "its quotation is already a quote by a rule of higher priority")
			return
		}
		qs = append(qs, t.Quote)
		parts = append(parts, x.Doc.Quotes[t.Quote].Parts...)
	}
	if len(parts) == 0 {
		x.lose(m, "no quotation")
		return
	}
	if x.nested(qs[0]) {
		// "‘I can’t take this,’ I told them" inside someone's quotation:
		// speech reported inside a quote is not recorded again.
		x.markSpeaks(x.speakerOf(&m, "speaker"))
		x.lose(m, "a quotation inside another quotation")
		return
	}
	texts := m.Get("text")
	q := Quote{Kind: record.Direct, Speaker: x.speakerOf(&m, "speaker"), Parts: parts, Match: m, quotes: qs,
		First: texts[0].First, Last: texts[len(texts)-1].Last, CueTok: -1}
	q.Span = parser.Span{Start: parts[0].Start, End: parts[len(parts)-1].End}
	q.Text = x.text(parts)
	if wordCount(q.Text) < 2 {
		x.lose(m, "fewer than two words")
		return
	}
	if isTitleCase(q.Text, x.isFunctionWord) && (x.Doc.Title == nil || q.Span.Start >= x.Doc.Title.End) {
		x.lose(m, "a title or name in quotation marks (every word capitalised)")
		return
	}
	if cue, ok := m.One("cue"); ok {
		q.Cue, q.CueTok = x.cueText(cue), cue.First
	} else if sp, ok := m.One("speaker"); ok && sp.Entity >= 0 && sp.Value != "" {
		q.Cue = sp.Value // a fragment inside reported speech: that speech's cue
	}
	for _, qi := range qs {
		x.claimed[qi] = len(x.Quotes)
	}
	x.Quotes = append(x.Quotes, q)
	x.markSpeaks(q.Speaker)
}

// nested: quotation qi lies inside another, closed quotation of the
// document.
// The answers are found once, in one pass over the quotations (sorted by
// start) with a stack of the open ones.
func (x *Extraction) nested(qi int) bool {
	if x.nestedQ == nil {
		x.nestedQ = make([]bool, len(x.Doc.Quotes))
		order := make([]int, len(x.Doc.Quotes))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(i, j int) bool { return x.Doc.Quotes[order[i]].Start < x.Doc.Quotes[order[j]].Start })
		var open []parser.Span
		for _, i := range order {
			q := x.Doc.Quotes[i].Span
			for len(open) > 0 && open[len(open)-1].End < q.End {
				open = open[:len(open)-1]
			}
			x.nestedQ[i] = len(open) > 0 && open[len(open)-1].Start < q.Start
			if x.Doc.Quotes[i].Closed {
				open = append(open, q) // an unclosed mark ran on by mistake: it holds nothing
			}
		}
	}
	return x.nestedQ[qi]
}

// cueText is the cue as written: the list phrase of a verb ("pointed
// out"), or the tokens captured ("according to").
func (x *Extraction) cueText(c grammar.Capture) string {
	if c.VG >= 0 {
		return x.A.Text(c.Cue[0], c.Cue[1])
	}
	return x.A.Text(c.First, c.Last)
}

// indirect makes a reported-speech candidate from a match.
func (x *Extraction) indirect(m grammar.Match) (Quote, bool) {
	texts := m.Get("text")
	if len(texts) == 0 {
		return Quote{}, false
	}
	q := Quote{Kind: record.Indirect, Speaker: x.speakerOf(&m, "speaker"), Match: m, CueTok: -1,
		First: texts[0].First, Last: texts[len(texts)-1].Last}
	for _, t := range texts {
		if t.Last >= t.First {
			q.Parts = append(q.Parts, x.A.Span(t.First, t.Last))
		}
	}
	if len(q.Parts) == 0 {
		return q, false
	}
	if cue, ok := m.One("cue"); ok {
		q.Cue, q.CueTok = x.cueText(cue), cue.First
		q.Request = cue.VG >= 0 && x.A.In(lexicon.RequestVerbs, x.A.VGs[cue.VG].Head) && x.isRequestText(q.First)
		if x.A.InQuote(cue.First) {
			// Reported speech inside a direct quote is not recorded
			// again; its speaker is a speaker, when the clause is in
			// the quotation too ("our partners understand that,"
			// Tusk wrote: no clause).
			if x.Doc.Tokens[q.First].Quote != x.Doc.Tokens[cue.First].Quote {
				x.lose(m, "its clause is not inside the quotation its verb is in")
				return q, false
			}
			x.markSpeaks(q.Speaker)
			x.lose(m, "reported speech inside a quotation")
			return q, false
		}
	}
	q.Span = parser.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
	q.Text = x.reportedText(q.Parts, q.First, q.Last)
	if sp, ok := m.One("speaker"); ok && q.Speaker < 0 && sp.NP >= 0 && wordCount(q.Text) >= 2 && x.agentlessIt(m, &x.A.NPs[sp.NP]) {
		x.jointQuotes = append(x.jointQuotes, q)
		x.lose(m, "an agentless passive: the parties' joint statement, given them once the exchanges are known")
		return q, false
	}
	if q.Speaker < 0 || wordCount(q.Text) < 2 {
		x.lose(m, "no speaker, or fewer than two words")
		return q, false
	}
	return q, true
}

// isRequestText: the text opens with an object and a to-infinitive
// ("NATO to strengthen …").
func (x *Extraction) isRequestText(first int) bool {
	a := x.A
	np := a.NPStarting(first)
	if np < 0 {
		return false
	}
	v := a.VGAt[a.NPs[np].Last+1]
	return v >= 0 && a.VGs[v].Form == clause.Infinitive
}

// settleIndirect keeps one reading of each stretch of reported speech: a
// clause that holds another speaker's cue is relayed (the inner quote is
// kept, the relaying source becomes a speaker); of two readings of the
// same words the first (highest priority) stays; a clause that is all one
// quotation is that direct quote.
func (x *Extraction) settleIndirect(cands []Quote) []Quote {
	var out []Quote
	// byCue: the candidates with a cue, by its token, so that each
	// candidate looks only at the cues inside its own text (linear in
	// the article, not quadratic in its quotes).
	byCue := make([]int, 0, len(cands))
	for j := range cands {
		if cands[j].CueTok >= 0 {
			byCue = append(byCue, j)
		}
	}
	sort.SliceStable(byCue, func(a, b int) bool { return cands[byCue[a]].CueTok < cands[byCue[b]].CueTok })
	taken := map[int]int{} // token → the index in out of the quote covering it
	for i, q := range cands {
		if why := x.relayed(q, cands, i, byCue); why != "" {
			if q.Speaker >= 0 && x.canSpeak(q.Speaker) {
				x.markSpeaks(q.Speaker) // the relaying source, not a document
			}
			x.lose(q.Match, why)
			continue
		}
		if j := overlappingTaken(q, taken); j >= 0 {
			x.lose(q.Match, "its words are already reported by "+out[j].Match.Rule.ID)
			continue
		}
		if x.isOnlyQuotation(q) {
			x.lose(q.Match, "the clause is a quotation: one direct quote")
			continue
		}
		for k := q.First; k <= q.Last; k++ {
			taken[k] = len(out)
		}
		out = append(out, q)
	}
	return out
}

// overlappingTaken returns the first kept quote (lowest index) that shares
// a token with q, or -1.
func overlappingTaken(q Quote, taken map[int]int) int {
	best := -1
	for k := q.First; k <= q.Last; k++ {
		if j, ok := taken[k]; ok && (best < 0 || j < best) {
			best = j
		}
	}
	return best
}

// relayed: another candidate's cue lies inside q's text (the inner speaker
// is the one recorded). byCue holds the indexes of the candidates with a
// cue, sorted by its token; of several, the first in list order counts.
func (x *Extraction) relayed(q Quote, cands []Quote, i int, byCue []int) string {
	from := sort.Search(len(byCue), func(k int) bool { return cands[byCue[k]].CueTok >= q.First })
	firstJ := -1
	for k := from; k < len(byCue) && cands[byCue[k]].CueTok <= q.Last; k++ {
		j := byCue[k]
		o := &cands[j]
		if j == i || o.Speaker == q.Speaker || o.First <= q.First && o.Last >= q.Last || x.verbBefore(q.First, o.CueTok) {
			continue
		}
		if firstJ < 0 || j < firstJ {
			firstJ = j
		}
	}
	if firstJ < 0 {
		return ""
	}
	return "relayed: " + cands[firstJ].Match.Rule.ID + " reports an inner speaker"
}

// verbBefore: a finite verb group of the clause, not of a relative clause,
// or a to-infinitive (a request's: "called for X to resign for saying that
// …") stands in tokens [from, cue): the cue reports from inside something
// the clause says ("… and whether the participants knew they …, officials
// said" is the officials' report, not a relay of the participants').
func (x *Extraction) verbBefore(from, cue int) bool {
	a := x.A
	lo, hi := a.VGsIn(from, cue-1)
	for v := lo; v < hi; v++ {
		if vg := &a.VGs[v]; (vg.Form == clause.Finite || vg.Form == clause.Infinitive) && vg.Rel < 0 && vg.Head < cue {
			return true
		}
	}
	return false
}

func overlapping(q Quote, out []Quote) int {
	for j, o := range out {
		if q.First <= o.Last && o.First <= q.Last {
			return j
		}
	}
	return -1
}

// isOnlyQuotation: the reported clause is one quotation and nothing else
// ("Yoon stressed that “…”"): it is one direct quote, which gets the
// speaker and cue if it had none. When any word of the clause stands
// outside the marks ("Biden said he “looked forward …”", "reported that at
// the conclusion of the call ‘it was agreed …’"), the clause is an
// indirect quote and the quotation a direct one of its own.
func (x *Extraction) isOnlyQuotation(q Quote) bool {
	d := x.Doc
	a := x.A
	first := x.pastLeadIn(q)
	qs := d.Tokens[first].Quote
	if qs < 0 {
		if !a.IsQuoteMark(first) || first+1 > q.Last {
			return false
		}
		qs = d.Tokens[first+1].Quote
	}
	if qs < 0 {
		return false
	}
	for k := first; k <= q.Last; k++ {
		if d.Tokens[k].Quote != qs && !a.IsQuoteMark(k) && !isPunct(a.Words[k]) {
			return false
		}
	}
	if i, ok := x.claimed[qs]; ok {
		dq := &x.Quotes[i]
		if dq.Speaker < 0 {
			dq.Speaker, dq.Cue = q.Speaker, q.Cue
			x.markSpeaks(q.Speaker)
		}
		return true
	}
	dq := d.Quotes[qs]
	first, last := d.TokenAt(dq.Inner().Start), d.LastTokenBefore(dq.Inner().End)
	direct := Quote{Kind: record.Direct, Speaker: q.Speaker, Cue: q.Cue, CueTok: q.CueTok, Parts: dq.Parts, Match: q.Match,
		quotes: []int{qs}, First: first, Last: last, Span: dq.Inner(), Text: x.text(dq.Parts)}
	x.claimed[qs] = len(x.Quotes)
	x.Quotes = append(x.Quotes, direct)
	x.markSpeaks(q.Speaker)
	return true
}

// pastLeadIn returns the first token of the quotation that follows a
// lead-in of the cue set off by a comma or colon: a hearer ("telling the
// crowd, “…”"), a phrase ("told reporters after the debate, “…”") or an
// adverbial clause ("said when the story broke, “…”"). Such a clause is
// the quotation alone: one direct quote. A lead-in with a finite verb of
// its own that is no adverbial clause is a clause the quotation goes on
// (its subject outside the marks is not set off by a comma). Without a
// lead-in it returns q.First.
func (x *Extraction) pastLeadIn(q Quote) int {
	a := x.A
	if a.IsQuoteMark(q.First) || x.Doc.Tokens[q.First].Quote >= 0 {
		return q.First
	}
	for k := q.First + 1; k < q.Last && k <= q.First+16; k++ {
		if a.InQuote(k) || a.IsQuoteMark(k) {
			if (a.Punct(k-1, ",") || a.Punct(k-1, ":")) && a.IsQuoteMark(k) && (!a.FiniteBetween(q.First, k-2) || a.Is(q.First, clause.Subordinator)) {
				return k
			}
			return q.First
		}
	}
	return q.First
}

func isPunct(w string) bool {
	switch w {
	case ",", ".", ";", ":", "!", "?":
		return true
	}
	return false
}

// discourseStage runs the rules that read the quotes decided so far
// (continuations, fragments inside reported speech, bare quotations), in
// text order, each on the quotations no quote has yet.
func (x *Extraction) discourseStage() {
	for si := range x.Doc.Sentences {
		ms := x.G.Matches(x.C, grammar.DiscourseStage, si)
		sort.SliceStable(ms, func(i, j int) bool {
			if ms[i].First != ms[j].First {
				return ms[i].First < ms[j].First
			}
			return ms[i].Rule.Priority > ms[j].Rule.Priority
		})
		for _, m := range ms {
			n := len(x.Quotes)
			if m.Rule.Kind == record.Indirect {
				x.addIndirectLate(m)
			} else {
				x.addDirect(m)
			}
			x.insertReports(n)
		}
	}
	// Quotes were appended (claimed indexes stay valid) and their reports
	// inserted in order; sorting once here keeps the stage linear.
	x.sortQuotes()
	x.setReports()
}

// insertReports adds the reports of the quotes appended from index n on
// to the sorted reports later rules read.
func (x *Extraction) insertReports(n int) {
	for _, q := range x.Quotes[n:] {
		r := grammar.Report{First: q.First, Last: q.Last, Speaker: q.Speaker, Direct: q.Kind == record.Direct,
			Request: q.Request, Describes: q.describes(), Cue: q.Cue}
		rs := x.C.Reports
		i := sort.Search(len(rs), func(i int) bool { return rs[i].First > r.First })
		rs = append(rs, grammar.Report{})
		copy(rs[i+1:], rs[i:])
		rs[i] = r
		x.C.Reports = rs
	}
}

// addIndirectLate records reported speech found in the discourse stage
// ("Said she had …", whose speaker is the one quoted before), unless the
// quotes already decided cover its words.
func (x *Extraction) addIndirectLate(m grammar.Match) {
	q, ok := x.indirect(m)
	if !ok {
		return
	}
	if j := overlapping(q, x.Quotes); j >= 0 {
		x.lose(m, "its words are already reported by "+x.Quotes[j].Match.Rule.ID)
		return
	}
	x.Quotes = append(x.Quotes, q)
	x.markSpeaks(q.Speaker)
}

func (x *Extraction) sortQuotes() {
	sort.SliceStable(x.Quotes, func(i, j int) bool { return x.Quotes[i].Span.Start < x.Quotes[j].Span.Start })
	for k := range x.claimed {
		delete(x.claimed, k)
	}
	for i, q := range x.Quotes {
		for _, qi := range q.quotes {
			x.claimed[qi] = i
		}
	}
}

// setReports gives later rules the quotes decided, by token.
func (x *Extraction) setReports() {
	x.C.Reports = x.C.Reports[:0]
	x.insertReports(0)
}

// joinParts joins the parts of a quote with one space, dropping a comma
// that ends a part (the guide keeps a final . ! or ?).
func joinParts(src string, parts []parser.Span) string {
	var b strings.Builder
	for i, p := range parts {
		t := strings.TrimSpace(src[p.Start:p.End])
		t = strings.TrimSpace(strings.TrimRight(t, ","))
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(collapseParagraphs(t))
	}
	return b.String()
}

// collapseParagraphs folds a part that runs over paragraphs (repeated
// opening marks) into one line.
func collapseParagraphs(t string) string {
	if !strings.Contains(t, "\n") {
		return t
	}
	var out []string
	for i, l := range strings.Split(t, "\n") {
		l = strings.TrimSpace(l)
		if i > 0 {
			// the opening mark a quotation repeats at each new paragraph;
			// the first line's marks are the text's own
			l = strings.TrimSpace(strings.TrimLeft(l, "“\"‘«'"))
		}
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, " ")
}

// isTitleCase: a short text whose words all start with a capital, but for
// small function words: a title, slogan or name in quotation marks ("a
// “Free and Open Indo-Pacific.”"), not speech. Headlines are exempt
// (the caller checks): they are often written so.
func isTitleCase(s string, isFunctionWord func(string) bool) bool {
	caps, n := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		n++
		switch r := []rune(w)[0]; {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r):
		case !isFunctionWord(w):
			return false
		}
	}
	return n <= 8 && caps >= 2
}

// isFunctionWord: w is a function word of the lexicon ("and", "of", "the").
func (x *Extraction) isFunctionWord(w string) bool {
	_, ok := x.G.Lex.Has(lexicon.FunctionWords, w)
	return ok
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
