package grammar

import (
	"strings"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/entity"
	"github.com/readout/readout/lexicon"
)

// Capture is what one named part of a pattern matched: tokens First
// through Last (Last < First when nothing), and the chunk or quotation it
// was, and the list value it carried.
type Capture struct {
	Name        string
	First, Last int
	NP          int    // the NP, or -1
	VG          int    // the verb group, or -1
	Quote       int    // the quotation (Document.Quotes), or -1
	Value       string // the lexicon value of an `in:` or `verb: {in: …}` match
	Cue         [2]int // for a verb: the tokens of the list phrase that made it match
	Entity      int    // an entity a hook gave (-1: the NP's, if any)
}

// Step is how one element of a pattern lined up with the text, for
// readout explain.
type Step struct {
	Line        int    // the element's line in its rules file
	What        string // what the element matches ("verb", "np", …)
	First, Last int    // the tokens it took (Last < First: none)
}

// Match is one match of a rule in one sentence.
type Match struct {
	Rule        *Rule
	First, Last int // tokens of the whole match
	Captures    []Capture
	Steps       []Step
}

// Get returns the captures named name, in order. The result may share
// the match's memory: read it, do not write it.
func (m *Match) Get(name string) []Capture {
	first, n := -1, 0
	for i, c := range m.Captures {
		if c.Name == name {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n <= 1 {
		if first < 0 {
			return nil
		}
		return m.Captures[first : first+1 : first+1] // the common case: no copy
	}
	out := make([]Capture, 0, n)
	for _, c := range m.Captures[first:] {
		if c.Name == name {
			out = append(out, c)
		}
	}
	return out
}

// One returns the first capture named name.
func (m *Match) One(name string) (Capture, bool) {
	for _, c := range m.Captures {
		if c.Name == name {
			return c, true
		}
	}
	return Capture{}, false
}

// Context is what matching reads: the analysis, the entities, and the
// quotes decided so far (for the stages after quotes).
type Context struct {
	A       *clause.Analysis
	Ents    *entity.Set
	Reports []Report // sorted by First
	// Speaks tells whether an entity says something in the article (set
	// by the extractor once the quotes are decided).
	Speaks func(e int) bool
	// Joint gives the parties who act together at token k: the pair of
	// an exchange its sentence reports, else the article's principal
	// parties, or -1 (set by the extractor once the exchanges are known).
	Joint func(k int) int

	quoteStart map[int]int // token of an opening mark → its quotation
	m          matcher     // the matcher Matches reuses (a Context serves one goroutine)
	sents      []sentInfo  // by sentence, filled on its first Matches
}

// sentInfo is what Matches asks of a sentence before trying any rule:
// the lists its words hold and whether a quotation touches it.
type sentInfo struct {
	bits     lexicon.Bits
	hasQuote bool
	done     bool
}

// NewContext prepares matching over an analysis and its entities.
func NewContext(a *clause.Analysis, ents *entity.Set) *Context {
	c := &Context{A: a, Ents: ents, quoteStart: map[int]int{}, sents: make([]sentInfo, len(a.Doc.Sentences))}
	for qi, q := range a.Doc.Quotes {
		c.quoteStart[a.Doc.TokenAt(q.Start)] = qi
	}
	return c
}

// Matches runs the rules of one stage over sentence si and returns the
// first match of each rule at each token where one starts, in rule order
// (by priority) and then text order. Hooks have been applied. Rules that
// need a quotation may match on to the end of the paragraph (a quotation
// runs over sentences).
func (g *Grammar) Matches(c *Context, stage Stage, si int) []Match {
	a := c.A
	s := a.Doc.Sentences[si]
	paraLast := a.Doc.Sentences[a.Doc.Paragraphs[s.Paragraph].LastSentence].Last
	info := &c.sents[si]
	if !info.done {
		for i := s.First; i <= s.Last; i++ {
			info.bits = info.bits.Or(a.Bits(i))
			info.hasQuote = info.hasQuote || a.InQuote(i) || a.IsQuoteMark(i)
		}
		info.done = true
	}
	bits, hasQuote := info.bits, info.hasQuote
	var out []Match
	m := &c.m // its stacks are reused from sentence to sentence
	m.c, m.si, m.last = c, si, s.Last
	vgLo, vgHi := a.VGsIn(s.First, s.Last)
	npLo, npHi := a.NPsIn(s.First, s.Last)
	for _, r := range g.Rules {
		if r.Stage != stage || !covers(bits, r.needs) || r.quote && !hasQuote {
			continue
		}
		m.last = s.Last
		if r.quote {
			m.last = paraLast
		}
		// Where the first element may start: at a verb group or a noun
		// phrase of the sentence, when it must be one (fewer tries than
		// token by token, the same matches in the same order), else at
		// any token.
		switch e := &r.Pattern[0]; {
		case !e.Optional && (e.kind == elVerb || e.kind == elPredicate):
			for v := vgLo; v < vgHi; v++ {
				out = m.tryAt(r, a.VGs[v].First, out)
			}
		case !e.Optional && e.kind == elNP:
			for n := npLo; n < npHi; n++ {
				out = m.tryAt(r, a.NPs[n].First, out)
			}
		default:
			for p := s.First; p <= s.Last; p++ {
				out = m.tryAt(r, p, out)
			}
		}
	}
	return out
}

// tryAt runs rule r from token p when its first element may start there,
// and appends the match to out.
func (m *matcher) tryAt(r *Rule, p int, out []Match) []Match {
	if m.canStart(&r.Pattern[0], p) && m.run(r, p) {
		out = append(out, m.found)
	}
	return out
}

func covers(have, need lexicon.Bits) bool {
	return have[0]&need[0] == need[0] && have[1]&need[1] == need[1]
}

type matcher struct {
	c     *Context
	si    int
	last  int
	caps  []Capture
	steps []Step

	// the attempt under way: its rule, first token, what run returns,
	// and the final step of every sequence (finish, bound once)
	rule  *Rule
	start int
	found Match
	conts []frame // the continuations of the attempt, a stack (see cont)

	scratch []Capture // the captures finish shows the hooks

	// the captures and steps of the matches found, kept in slabs (see keep)
	capSlab  []Capture
	stepSlab []Step
}

// keep copies xs to the end of *slab and returns the copy, capped so that
// appending to it copies again instead of writing over what follows. A
// full slab is left to the matches that hold parts of it and a new one
// begun: a document's matches cost a few allocations, not two each.
func keep[T any](slab *[]T, xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	if cap(*slab)-len(*slab) < len(xs) {
		*slab = make([]T, 0, max(64, 2*len(xs)))
	}
	start := len(*slab)
	*slab = append(*slab, xs...)
	return (*slab)[start:len(*slab):len(*slab)]
}

// A cont is a continuation: what to match once an element has matched,
// given the token where it ended. It indexes matcher.conts. Continuations
// nest like the calls that make them (one is resumed only while the call
// that pushed it runs), so they live on a stack that every attempt
// reuses, instead of a closure allocated per element tried.
type cont int

// A frame is one continuation: go on with elems[k:] (frameSeq), record
// the any/use element e started at p (frameAlt), or build the match
// (frameFinish); then resume parent.
type frame struct {
	kind   frameKind
	elems  []Element
	k      int
	e      *Element
	p      int
	parent cont
}

type frameKind uint8

const (
	frameFinish frameKind = iota
	frameSeq
	frameAlt
)

// push adds a continuation and returns it.
func (m *matcher) push(f frame) cont {
	m.conts = append(m.conts, f)
	return cont(len(m.conts) - 1)
}

// nextCanStart is a quick test that continuation c may match from p: the
// first element it will try, when it is of a kind canStart knows at any
// place, can start there. It prunes the ends an element may have (a
// skip, a content clause) before the work of going on from each.
func (m *matcher) nextCanStart(c cont, p int) bool {
	for {
		f := &m.conts[c]
		switch f.kind {
		case frameSeq:
			if f.k < len(f.elems) {
				e := &f.elems[f.k]
				switch e.kind {
				case elIn, elWord, elText, elRole, elQuote, elNP:
					// kinds that can start only where canStart says, at
					// any place in a pattern (a predicate may start
					// before its verb group, at "to")
					return m.canStart(e, p)
				}
				return true
			}
		case frameFinish:
			return true
		}
		c = f.parent // the end of a sequence or of an alternative: what follows it
	}
}

// resume runs continuation c with the end of what matched before it.
func (m *matcher) resume(c cont, end int) bool {
	f := m.conts[c] // a copy: pushes in what follows may move the stack
	switch f.kind {
	case frameSeq:
		return m.seq(f.elems, f.k, end, f.parent)
	case frameAlt:
		return m.try(f.e, f.p, end, none(f.p, end-1), f.parent)
	}
	return m.finish(end)
}

// canStart is a quick test that the first element may match at p.
func (m *matcher) canStart(e *Element, p int) bool {
	if e.Optional {
		return true
	}
	a := m.c.A
	switch e.kind {
	case elIn:
		return a.Bits(p).Has(e.list)
	case elVerb, elPredicate:
		if v := a.VGAt[p]; v >= 0 && a.VGs[v].First == p {
			ok, _, _ := m.verbFits(e.verb, &a.VGs[v])
			return ok
		}
		return false
	case elNP:
		n := a.NPStarting(p)
		if n < 0 || !e.np.hasHead {
			return n >= 0
		}
		// the NP at p, or the one it is the possessor of ("her call"),
		// must end in a phrase of the head list
		if _, ok := m.headPhrase(e.np.headIn, &a.NPs[n]); ok {
			return true
		}
		own := a.NPs[n].PossessorOf
		if own < 0 {
			return false
		}
		_, ok := m.headPhrase(e.np.headIn, &a.NPs[own])
		return ok
	case elRole:
		return a.Is(p, e.role)
	case elQuote:
		_, ok := m.c.quoteStart[p]
		return ok
	case elWord, elText:
		for _, w := range e.words {
			if m.wordsAt(w, p, e.kind == elWord) {
				return true
			}
		}
		return false
	case elContent:
		return m.contentCanStart(e, p)
	case elSentence:
		return m.position(e.position, p)
	case elAny, elUse:
		// one of the alternatives must be able to start here
		for _, alt := range e.alts {
			if len(alt) == 0 || m.canStart(&alt[0], p) {
				return true
			}
		}
		return false
	}
	return true
}

// contentCanStart: a content clause of e's kind may start at p (what
// contentFrom, toComma and fronted ask of where they start).
func (m *matcher) contentCanStart(e *Element, p int) bool {
	a := m.c.A
	if a.Punct(p, ",") {
		return true // content skips commas before its words
	}
	return m.contentStartsAt(e.content, p)
}

// afterOpeningClause: token p follows the comma that closes an adverbial
// clause opening the sentence at body ("As the river rises, it is
// her duty, she said, to …"): a lead may start there.
func (m *matcher) afterOpeningClause(body, p int) bool {
	a := m.c.A
	if p-2 <= body || !a.Punct(p-1, ",") || !a.Is(body, clause.Subordinator) || !a.FiniteBetween(body+1, p-2) {
		return false
	}
	for k := body + 1; k < p-1; k++ {
		if a.Punct(k, ",") || a.InQuote(k) {
			return false
		}
	}
	return true
}

// contentStartsAt: the words of a content clause of kind k may start at
// p. A lead starts at the sentence's body; a fronted clause there or just
// after a comma among its first words (where FrontedStart can put it);
// the others anywhere.
func (m *matcher) contentStartsAt(k contentKind, p int) bool {
	a := m.c.A
	body := a.Sents[m.si].Body
	switch k {
	case contentLead:
		return p == body || m.afterOpeningClause(body, p)
	case contentFronted:
		return p == body || p-1 >= body && p-1 < body+8 && a.Punct(p-1, ",")
	}
	return true
}

// run matches rule r from token p and applies its hooks; the match, when
// there is one, is m.found.
func (m *matcher) run(r *Rule, p int) bool {
	m.rule, m.start = r, p
	m.conts = append(m.conts[:0], frame{kind: frameFinish})
	ok := m.seq(r.Pattern, 0, p, 0)
	m.caps, m.steps = m.caps[:0], m.steps[:0]
	return ok
}

// finish builds the match of m.rule from m.start to end and runs its
// hooks; it refuses the end when a hook does.
func (m *matcher) finish(end int) bool {
	r := m.rule
	// The hooks see the captures in a scratch copy (they may add and
	// rename captures); only a match they accept gets copies of its own.
	m.scratch = append(m.scratch[:0], m.caps...)
	mt := Match{Rule: r, First: m.start, Last: end - 1, Captures: m.scratch, Steps: m.steps}
	for _, h := range r.Hooks {
		if !h(m.c, &mt) {
			return false
		}
	}
	mt.Captures = keep(&m.capSlab, mt.Captures)
	mt.Steps = keep(&m.stepSlab, mt.Steps)
	m.found = mt
	return true
}

// seq matches elems[k:] from token p, then resumes continuation done
// with the end of the whole match; done may refuse, and the search goes on.
func (m *matcher) seq(elems []Element, k, p int, done cont) bool {
	if k == len(elems) {
		return m.resume(done, p)
	}
	e := &elems[k]
	nc, ns := len(m.caps), len(m.steps)
	next := m.push(frame{kind: frameSeq, elems: elems, k: k + 1, parent: done})
	ok := m.elem(e, p, next)
	m.conts = m.conts[:next]
	if ok {
		return true
	}
	m.caps, m.steps = m.caps[:nc], m.steps[:ns]
	if e.Optional {
		return m.seq(elems, k+1, p, done)
	}
	return false
}

// try records what an element took (captures and a step), goes on with
// next, and undoes the records when next fails.
func (m *matcher) try(e *Element, p, end int, capt Capture, next cont) bool {
	if !m.nextCanStart(next, end) {
		return false // what must follow cannot start where e ends
	}
	nc, ns := len(m.caps), len(m.steps)
	if e.As != "" {
		capt.Name = e.As
		m.caps = append(m.caps, capt)
	}
	m.links(e, capt)
	m.steps = append(m.steps, Step{Line: e.Line, What: elemNames[e.kind], First: p, Last: end - 1})
	if m.resume(next, end) {
		return true
	}
	m.caps, m.steps = m.caps[:nc], m.steps[:ns]
	return false
}

var elemNames = [...]string{"word", "text", "role", "in", "tag", "np", "verb", "predicate", "content", "quote", "skip", "sentence", "any", "use", "time"}

// links adds the subject, object and agent captures of the verb group
// holding the element's first token.
func (m *matcher) links(e *Element, capt Capture) {
	if e.Subject == "" && e.Object == "" && e.Agent == "" {
		return
	}
	a := m.c.A
	v := capt.VG
	if v < 0 && capt.First >= 0 && capt.First < len(a.VGAt) {
		v = int(a.VGAt[capt.First])
		// "is ready to", "are willing to": the verb group just before.
		for k := capt.First - 1; v < 0 && k >= 0 && k >= capt.First-2; k-- {
			v = int(a.VGAt[k])
		}
	}
	if v < 0 {
		return
	}
	vg := &a.VGs[v]
	for _, l := range []struct {
		name string
		np   int32
	}{{e.Subject, vg.Subject}, {e.Object, vg.Object}, {e.Agent, vg.Agent}} {
		if l.name != "" && l.np >= 0 {
			n := &a.NPs[l.np]
			m.caps = append(m.caps, Capture{Name: l.name, First: n.First, Last: n.Last, NP: int(l.np), VG: -1, Quote: -1, Entity: -1})
		}
	}
}

func none(first, last int) Capture {
	return Capture{First: first, Last: last, NP: -1, VG: -1, Quote: -1, Entity: -1}
}

// elem tries element e at token p and calls next with each end it can
// have, until next accepts one.
func (m *matcher) elem(e *Element, p int, next cont) bool {
	if p > m.last && e.kind != elSentence && e.kind != elAny && e.kind != elUse && e.kind != elSkip {
		return false
	}
	switch e.kind {
	case elNP:
		return m.np(e, p, next)
	case elVerb, elPredicate:
		return m.verb(e, p, next)
	case elContent:
		return m.content(e, p, next)
	case elQuote:
		return m.quote(e, p, next)
	case elSkip:
		return m.skip(e, p, next)
	case elAny, elUse:
		for _, alt := range e.alts {
			nc := len(m.caps)
			after := m.push(frame{kind: frameAlt, e: e, p: p, parent: next})
			ok := m.seq(alt, 0, p, after)
			m.conts = m.conts[:after]
			if ok {
				return true
			}
			m.caps = m.caps[:nc]
		}
		return false
	}
	return m.tokens(e, p, next)
}

// tokens matches the elements that take tokens as they are: words, text,
// a role, a list phrase, a tag, a time expression, a position.
func (m *matcher) tokens(e *Element, p int, next cont) bool {
	a := m.c.A
	switch e.kind {
	case elWord, elText:
		for _, w := range e.words {
			if m.wordsAt(w, p, e.kind == elWord) {
				return m.try(e, p, p+len(w), none(p, p+len(w)-1), next)
			}
		}
	case elRole:
		if n := a.RoleLen(p, e.role); n > 0 && p+n-1 <= m.last {
			return m.try(e, p, p+n, none(p, p+n-1), next)
		}
	case elIn:
		if n, v := a.Match(e.list, p); n > 0 && p+n-1 <= m.last {
			c := none(p, p+n-1)
			c.Value = v
			return m.try(e, p, p+n, c, next)
		}
	case elTag:
		if p <= m.last && tagMatches(a.Tag(p), e.tags) {
			return m.try(e, p, p+1, none(p, p), next)
		}
	case elTime:
		if t, ok := a.TimeAt(p); ok && t.Last <= m.last {
			return m.try(e, p, t.Last+1, none(p, t.Last), next)
		}
	case elSentence:
		if m.position(e.position, p) {
			return m.try(e, p, p, none(p, p-1), next)
		}
	}
	return false
}

func (m *matcher) wordsAt(w []string, p int, fold bool) bool {
	a := m.c.A
	if p+len(w)-1 > m.last {
		return false
	}
	for i, t := range w {
		got := a.Words[p+i]
		if fold {
			got = a.Low[p+i]
		}
		if got != t {
			return false
		}
	}
	return true
}

func tagMatches(tag string, tags []string) bool {
	for _, t := range tags {
		if strings.HasSuffix(t, "*") && strings.HasPrefix(tag, t[:len(t)-1]) || tag == t {
			return true
		}
	}
	return false
}

func (m *matcher) np(e *Element, p int, next cont) bool {
	a := m.c.A
	n := a.NPStarting(p)
	if n < 0 {
		return false
	}
	if own := a.NPs[n].PossessorOf; own >= 0 && (e.np.kinds == nil || !containsKind(e.np.kinds, a.NPs[n].Kind)) {
		if a.NPs[n].Kind == clause.KindPronoun {
			n = int(own) // "her counterpart": the counterpart (from "her" on)
		} else if ownedNamed(a.NPs[own].Kind) && m.npAt(e, p, int(own), next) {
			return true // "Kenji Mori's office": the office (from "Kenji" on), "the Herald's Ana Ruiz": Ana Ruiz; else the possessor alone
		}
	}
	return m.npAt(e, p, n, next)
}

// ownedNamed: an owned NP of this kind is what a possessive phrase
// names: a common noun ("Kenji Mori's office") or a person's name
// ("the Herald's Ana Ruiz", "Ghana's President Kofi Mensah").
func ownedNamed(k clause.NPKind) bool {
	return k == clause.KindCommon || k == clause.KindName || k == clause.KindTitled
}

// npAt matches the np element e to NP n, from token p.
func (m *matcher) npAt(e *Element, p, n int, next cont) bool {
	a := m.c.A
	np := &a.NPs[n]
	s := e.np
	if len(s.kinds) > 0 && !containsKind(s.kinds, np.Kind) {
		return false
	}
	if len(s.entities) > 0 {
		ent := m.c.Ents.Of(n)
		if ent < 0 || !containsEntity(s.entities, m.c.Ents.Ents[ent].Kind) {
			return false
		}
	}
	value := ""
	if s.hasHead {
		var ok bool
		if value, ok = m.headPhrase(s.headIn, np); !ok {
			return false
		}
	}
	end := np.Last + 1
	if s.withConj && np.ConjOf < 0 && np.Conj >= 0 {
		cj := a.Conjuncts(n)
		np = &a.NPs[cj[len(cj)-1]] // "Lopez and Ribeiro": one phrase, ending at the last conjunct
		end = np.Last + 1
	}
	if np.Appos >= 0 && a.NPs[np.Appos].First == np.Last+1 {
		end = a.NPs[np.Appos].Last + 1 // "his counterpart Lula": one phrase
	} else if s.withAppos && np.Appos >= 0 && a.NPs[np.Appos].First > np.Last {
		end = a.NPs[np.Appos].Last + 1
		if a.Punct(end, ",") {
			end++
		}
	}
	c := none(p, end-1)
	c.NP, c.Value = n, value
	return m.try(e, p, end, c, next)
}

// headPhrase finds the longest phrase of list id that ends at the NP's
// head ("video call" in "a video call"), and its value.
func (m *matcher) headPhrase(id lexicon.ID, np *clause.NP) (string, bool) {
	a := m.c.A
	for t := np.First; t <= np.Head; t++ {
		if n, v := a.Match(id, t); n > 0 && t+n-1 == np.Head {
			return v, true
		}
	}
	return "", false
}

func containsKind(list []clause.NPKind, k clause.NPKind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

func containsEntity(list []entity.Kind, k entity.Kind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

// verb matches a verb group starting at p; for a predicate, the action
// after it too.
func (m *matcher) verb(e *Element, p int, next cont) bool {
	a := m.c.A
	v := a.VGAt[p]
	if v < 0 || a.VGs[v].First != p && !(a.VGs[v].Form == clause.Infinitive && a.VGs[v].First == p-1) {
		return false // a verb group starts here, or its verb after a "to" matched before
	}
	vg := &a.VGs[v]
	c := none(p, vg.Last)
	c.VG = int(v)
	ok, cueEnd, value := m.verbFits(e.verb, vg)
	if !ok {
		return false
	}
	c.Value, c.Cue = value, [2]int{vg.Head, cueEnd}
	end := max(vg.Last, cueEnd) + 1
	if e.kind == elPredicate {
		start := vg.Head
		if vg.Negated && vg.NegTok >= 0 {
			start = vg.NegTok
		}
		last := a.ActionEnd(int(v))
		if last < vg.Head {
			return false
		}
		c.First, c.Last = start, last
		end = last + 1
	} else {
		c.Last = end - 1
	}
	return m.try(e, p, end, c, next)
}

// verbFits checks a verb group against a spec and returns the end of the
// list phrase at its head ("pointed out") and that phrase's value.
func (m *matcher) verbFits(s *verbSpec, vg *clause.VG) (bool, int, string) {
	a := m.c.A
	cueEnd, value := vg.Head, ""
	if len(s.in) > 0 {
		found := false
		for _, id := range s.in {
			if n, v := a.Match(id, vg.Head); n > 0 {
				found, cueEnd, value = true, vg.Head+n-1, v
				break
			}
		}
		if !found {
			return false, 0, ""
		}
	}
	for _, id := range s.notIn {
		if a.In(id, vg.Head) {
			return false, 0, ""
		}
	}
	switch {
	case len(s.forms) > 0 && !containsForm(s.forms, vg.Form),
		len(s.tenses) > 0 && !containsTense(s.tenses, vg.Tense),
		len(s.modals) > 0 && !containsStr(s.modals, modalKind(vg)),
		s.voice == 1 && vg.Passive, s.voice == 2 && !vg.Passive,
		s.negated == 1 && !vg.Negated, s.negated == 2 && vg.Negated:
		return false, 0, ""
	}
	return true, cueEnd, value
}

// modalKind is the kind of verb group vg's modal, or "none" when it has
// none (a rule's "modal: [none]" takes verb groups without one).
func modalKind(vg *clause.VG) string {
	if vg.Modal == "" {
		return "none"
	}
	return vg.Modal
}

func containsForm(list []clause.Form, f clause.Form) bool {
	for _, x := range list {
		if x == f {
			return true
		}
	}
	return false
}

func containsTense(list []clause.Tense, t clause.Tense) bool {
	for _, x := range list {
		if x == t {
			return true
		}
	}
	return false
}

// content matches a content clause at p.
func (m *matcher) content(e *Element, p int, next cont) bool {
	a := m.c.A
	from := p
	for p <= m.last && a.Punct(p, ",") {
		p++ // "that, together with Washington, Kyiv can …"
	}
	if p > m.last || isPunctWord(a.Words[p]) && !a.IsQuoteMark(p) {
		return false
	}
	if p > from {
		return m.contentFrom(e, from, p, next)
	}
	return m.contentFrom(e, p, p, next)
}

// contentFrom matches a content clause whose words start at p; the
// element took the tokens from from on.
func (m *matcher) contentFrom(e *Element, from, p int, next cont) bool {
	a := m.c.A
	switch e.content {
	case contentClause:
		end := a.ClauseEnd(p)
		if end < p {
			return false
		}
		return m.try(e, from, end+1, none(p, end), next)
	case contentRest:
		end := a.TrimEnd(p, m.last)
		if end < p {
			return false
		}
		return m.try(e, from, end+1, none(p, end), next)
	case contentFronted:
		return m.fronted(e, p, next)
	case contentLead, contentToComma:
		return m.toComma(e, p, next)
	}
	return false
}

// toComma matches from p to the next comma outside quotations (lead: only
// from the sentence's body).
func (m *matcher) toComma(e *Element, p int, next cont) bool {
	a := m.c.A
	if !m.contentStartsAt(e.content, p) {
		return false
	}
	for j := p + 1; j <= m.last; j++ {
		if a.Punct(j, ",") && !a.InQuote(j) {
			return m.try(e, p, j, none(p, j-1), next)
		}
	}
	return false
}

// fronted matches the clause before an inverted attribution: from the
// sentence's body (past an opening adverbial phrase) to a comma. A comma
// just inside the closing mark of a quotation that ends the clause, with
// words of the clause before its opening mark, ends the clause too, mark
// and all ('The failure was "heartbreaking," she said'): the match goes
// on after the mark.
func (m *matcher) fronted(e *Element, p int, next cont) bool {
	a := m.c.A
	if !m.contentStartsAt(contentFronted, p) {
		return false
	}
	for j := p + 1; j <= m.last; j++ {
		if !a.Punct(j, ",") {
			if m.frontedBeforeAttribution(p, j) && m.try(e, p, j, none(p, a.TrimEnd(p, j-1)), next) {
				return true // "Clinton leads by 7 points according to a CBS poll": no comma needed
			}
			continue
		}
		inside := a.InQuote(j)
		if inside && !m.commaClosesQuotation(p, j) {
			continue
		}
		start := a.FrontedStart(j)
		if start != p || !a.FiniteBetween(p, j-1) {
			continue
		}
		if inside && m.try(e, p, j+2, none(p, j+1), next) || !inside && m.try(e, p, j, none(p, a.TrimEnd(p, j-1)), next) {
			return true
		}
	}
	return false
}

// frontedBeforeAttribution: the clause opening at p may end right before
// the "according to" at j without a comma, a sentence adverbial that
// needs none (said, wrote and the like do).
func (m *matcher) frontedBeforeAttribution(p, j int) bool {
	a := m.c.A
	return a.RoleLen(j, clause.Attribution) > 0 && !a.InQuote(j) && a.FrontedStart(j) == p && a.FiniteBetween(p, j-1)
}

// commaClosesQuotation: the comma at j is the last token inside a
// quotation's closing mark, and the clause opening at p is outside any
// quotation.
func (m *matcher) commaClosesQuotation(p, j int) bool {
	a := m.c.A
	if j+1 > m.last || !a.IsQuoteMark(j+1) {
		return false
	}
	if a.InQuote(p) || a.IsQuoteMark(p) {
		return false // the clause is itself quoted: "“… ‘Feel the Bern,’ but …,” she said" is a direct quote
	}
	return !a.InQuote(j + 2)
}

func isPunctWord(w string) bool {
	switch w {
	case ",", ".", ";", ":", "!", "?", ")", "(":
		return true
	}
	return false
}

// quote matches a quotation whose opening mark is token p.
func (m *matcher) quote(e *Element, p int, next cont) bool {
	d := m.c.A.Doc
	qi, ok := m.c.quoteStart[p]
	if !ok {
		return false
	}
	q := d.Quotes[qi]
	end := d.LastTokenBefore(q.End) + 1
	if end-1 > m.last {
		// A quotation over paragraphs: the match may go on after it.
		s := m.c.A.Sentence(end - 1)
		m.last = d.Sentences[d.Paragraphs[s.Paragraph].LastSentence].Last
	}
	inner := q.Inner()
	first, last := d.TokenAt(inner.Start), d.LastTokenBefore(inner.End)
	if last < first {
		return false
	}
	c := none(first, last)
	c.Quote = qi
	return m.try(e, p, end, c, next)
}

// skip takes up to max tokens of the kinds allowed, fewest first.
func (m *matcher) skip(e *Element, p int, next cont) bool {
	for end := p; end <= p+e.skip.max && end <= m.last+1; end++ {
		if end > p && !m.skippable(e.skip.over, end-1) {
			return false
		}
		if m.try(e, p, end, none(p, end-1), next) {
			return true
		}
	}
	return false
}

func (m *matcher) skippable(over uint16, k int) bool {
	for kind, test := range skipTests {
		if over&(1<<kind) != 0 && test(m.c.A, m, k) {
			return true
		}
	}
	return false
}

// skipTests says, for each kind a skip element may step over, whether
// token k is one.
var skipTests = [...]func(a *clause.Analysis, m *matcher, k int) bool{
	skipNP: func(a *clause.Analysis, _ *matcher, k int) bool {
		// the possessive between a possessor and its noun ("the company's
		// chief executive") is part of the phrase
		return a.NPAt[k] >= 0 || possessiveBetween(a, k)
	},
	skipConjunct: func(a *clause.Analysis, _ *matcher, k int) bool { return betweenConjuncts(a, k) },
	skipPP: func(a *clause.Analysis, m *matcher, k int) bool {
		// "during this week's debate", "during Saturday's debate": the
		// possessive joins the preposition's object to its possessor, a
		// noun phrase or a day
		if k > 0 && a.Tag(k) == "POS" && m.inTime(k-1) && k+1 < len(a.NPAt) && a.NPAt[k+1] >= 0 {
			return true
		}
		return (isPPTag(a.Tag(k)) || a.NPAt[k] >= 0 || possessiveBetween(a, k)) && !opensClause(a, k)
	},
	skipAdverb: func(a *clause.Analysis, _ *matcher, k int) bool { return a.Tag(k) == "RB" || a.Tag(k) == "RBR" },
	skipTime:   func(_ *clause.Analysis, m *matcher, k int) bool { return m.inTime(k) },
	skipComma:  func(a *clause.Analysis, _ *matcher, k int) bool { return a.Punct(k, ",") },
	skipReporters: func(a *clause.Analysis, _ *matcher, k int) bool {
		return a.RoleLen(k, clause.Reporters) > 0
	},
	skipAny:      func(*clause.Analysis, *matcher, int) bool { return true },
	skipQuote:    func(a *clause.Analysis, _ *matcher, k int) bool { return a.InQuote(k) || a.IsQuoteMark(k) },
	skipModifier: func(a *clause.Analysis, _ *matcher, k int) bool { return a.IsModifierTag(k) },
	skipVerb: func(a *clause.Analysis, _ *matcher, k int) bool {
		return a.VGAt[k] >= 0 || a.Tag(k) == "RB" || a.Tag(k) == "EX"
	},
	skipDescription: func(a *clause.Analysis, _ *matcher, k int) bool { return a.InDescription(k) },
	// any token but the last of its sentence: a skip that stays in one sentence
	skipSentence: func(a *clause.Analysis, _ *matcher, k int) bool {
		return k < a.Doc.Sentences[a.Doc.Tokens[k].Sentence].Last
	},
}

// possessiveBetween: token k is the possessive marker between a
// possessor and its noun ("the company's chief executive"), which belongs
// to neither noun phrase.
func possessiveBetween(a *clause.Analysis, k int) bool {
	return k > 0 && a.Tag(k) == "POS" && a.NPAt[k-1] >= 0 && k+1 < len(a.NPAt) && a.NPAt[k+1] >= 0
}

// betweenConjuncts: token k is the coordinator that joins two conjuncts
// of one noun phrase ("its president and chief executive"): a word of
// the phrase.
func betweenConjuncts(a *clause.Analysis, k int) bool {
	if k <= 0 || k+1 >= len(a.NPAt) || !a.Is(k, clause.Coordinator) {
		return false
	}
	n, next := a.NPAt[k-1], a.NPAt[k+1]
	return n >= 0 && next >= 0 && a.NPs[n].Conj == next
}

// opensClause: token k is a subordinator before a clause, not a
// preposition ("as he labored over the address", "after he left"; but
// "after the meeting"): the noun phrase after it is the subject of the
// verb group right after that.
func opensClause(a *clause.Analysis, k int) bool {
	if !a.Is(k, clause.Subordinator) || k+1 >= len(a.NPAt) || a.NPAt[k+1] < 0 {
		return false
	}
	np := a.NPAt[k+1]
	last := a.NPs[np].Last
	if last+1 >= len(a.VGAt) {
		return false
	}
	v := a.VGAt[last+1]
	return v >= 0 && a.VGs[v].Subject == np
}

// isPPTag: the tags of the words of a prepositional phrase a skip over pp
// steps over (besides its noun phrase).
func isPPTag(t string) bool {
	return t == "IN" || t == "TO" || t == "DT" || t == "JJ" || t == "CD"
}

func (m *matcher) inTime(k int) bool {
	a := m.c.A
	for b := k; b >= 0 && b > k-5; b-- {
		if t, ok := a.TimeAt(b); ok {
			return t.Last >= k
		}
	}
	return false
}

func (m *matcher) position(pos positionKind, p int) bool {
	a := m.c.A
	s := a.Doc.Sentences[m.si]
	switch pos {
	case posStart:
		return p == s.First
	case posBody:
		return p == a.Sents[m.si].Body
	case posEnd:
		return p > a.TrimEnd(s.First, s.Last)
	case posParagraphEnd:
		para := a.Doc.Paragraphs[s.Paragraph]
		return p > a.TrimEnd(s.First, s.Last) && para.LastSentence == m.si || p > s.Last && a.Punct(s.Last, ":")
	}
	return false
}
