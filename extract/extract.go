package extract

import (
	"context"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// state is one extraction: the document, what has been found so far, and
// lookup tables built once per document.
type state struct {
	doc   *parser.Document
	rules *Rules
	low   []string    // lower-cased token texts
	class []wordClass // token → the word lists it can start a match in
	heads map[string]bool
	mods  map[string]bool

	mentions      []mention
	mentionOf     []int // token → mention, or -1
	ents          []entity
	byWord        map[string][]int      // name word, last word or title head → entities
	byName        map[entityKey]int     // organisations, places, bare pronouns
	byAffiliation map[string][]int      // country or organisation → people affiliated
	pairs         map[[2]int]int        // two people → their pair entity
	exchanges     map[exchangeKey][]int // counterparts already recorded

	capitalisedElsewhere map[string]bool
	cueAt                []int8        // token → 0 unknown, 1 cue, 2 not
	gazAt                []int8        // token → 0 unknown, 1 gazetteer entry starts here, 2 not
	placeN               []int16       // token → 0 unknown, else 1 + length of the country name there
	sent                 sentenceIndex // what the exchange rules ask of the sentence asked last

	quotes       []quoteRec
	lastQuoted   int   // speaker of the latest attributed direct quote
	lastQuotedAt int   // its closing mark
	directOf     []int // QuoteSpan → index in quotes while direct quotes are being found
	counterparts []counterpartRec
	pledges      []pledgeRec
}

// Extract finds speakers, quotes, counterparts and pledges in doc. source
// is recorded as the record's source (the input path, or "-").
func Extract(ctx context.Context, doc *parser.Document, rules *Rules, source string) (record.Readout, error) {
	x := newState(doc, rules)
	x.findMentions()
	x.resolve()
	x.mergeRoles()
	if err := ctx.Err(); err != nil {
		return record.Readout{}, err
	}
	x.directQuotes()
	x.reportedSpeech()
	x.attributeBareQuotes()
	x.findCounterparts()
	x.findPledges()
	r := x.toRecord(source)
	x.release()
	return r, nil
}

func newState(doc *parser.Document, rules *Rules) *state {
	n := len(doc.Tokens)
	x := statePool.Get().(*state)
	*x = state{
		doc: doc, rules: rules,
		low: resized(x.low, n), class: resized(x.class, n),
		mentionOf: resized(x.mentionOf, n), cueAt: resized(x.cueAt, n), gazAt: resized(x.gazAt, n), placeN: resized(x.placeN, n),
		capitalisedElsewhere: emptied(x.capitalisedElsewhere),
		byWord:               emptied(x.byWord),
		byName:               emptied(x.byName),
		byAffiliation:        emptied(x.byAffiliation),
		pairs:                emptied(x.pairs),
		exchanges:            emptied(x.exchanges),
		mentions:             x.mentions[:0],
		ents:                 x.ents[:0],
		quotes:               x.quotes[:0],
		directOf:             x.directOf[:0],
		counterparts:         x.counterparts[:0],
		pledges:              x.pledges[:0],
		sent:                 sentenceIndex{times: x.sent.times[:0], planned: x.sent.planned[:0]},
	}
	// Lower-case ASCII tokens are cut from one lower-cased copy of the
	// text rather than lower-cased one by one (an allocation each).
	lowSrc := asciiLower(doc.Src)
	for i, t := range doc.Tokens {
		if isASCII(t.Text) {
			x.low[i] = lowSrc[t.Start:t.End]
		} else {
			x.low[i] = strings.ToLower(t.Text)
		}
		_, _, x.class[i] = rules.entries(t.Text, x.low[i])
		x.mentionOf[i] = -1
	}
	for _, s := range doc.Sentences {
		for i := s.First + 1; i <= s.Last; i++ {
			if isCapWord(doc.Tokens[i].Text) && !afterOpening(doc, i) {
				x.capitalisedElsewhere[doc.Tokens[i].Text] = true
			}
		}
	}
	return x
}

// statePool keeps the tables of finished extractions for the next: making
// them afresh for every article was a third of extraction's allocations.
// Nothing in a Readout points into them.
var statePool = sync.Pool{New: func() any { return new(state) }}

// maxPooledTokens: the tables of a freak document are not kept.
const maxPooledTokens = 1 << 15

// release returns x's tables to the pool; x must not be used after.
func (x *state) release() {
	if cap(x.low) > maxPooledTokens {
		return
	}
	x.doc, x.rules = nil, nil
	statePool.Put(x)
}

// resized is s with length n and every element zero, reusing s's array.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// emptied is m cleared, or a new map when m is nil or was big (clearing a
// map costs its capacity, not its length).
func emptied[K comparable, V any](m map[K]V) map[K]V {
	if m == nil || len(m) > 256 {
		return map[K]V{}
	}
	clear(m)
	return m
}

// asciiLower lower-cases the ASCII letters of s, leaving every other byte
// as it is, so that byte offsets into s hold in the result.
func asciiLower(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// match is s.match at token i, on the token texts s is matched against.
// The token's class (from newState's lookup) says whether a phrase of s
// can start there; only then are its phrases looked up. (Keeping each
// token's entries instead cost 16 bytes a token, 3× the input's size.)
func (x *state) match(s *phraseSet, i int) (int, string) {
	if i < 0 || i >= len(x.class) || x.class[i]&s.class == 0 {
		return 0, ""
	}
	if s.fold {
		if e := x.rules.lowWords[x.low[i]]; e != nil {
			return matchPhrases(e.phrases[s.index], x.low, i)
		}
		return 0, ""
	}
	e := x.rules.caseWords[x.doc.Tokens[i].Text]
	if e == nil {
		return 0, ""
	}
	toks := x.doc.Tokens
	for _, p := range e.phrases[s.index] {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if toks[i+k].Text != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return len(p.words), p.value
		}
	}
	return 0, ""
}

// word is the text of token i, as written.
func (x *state) word(i int) string { return x.doc.Tokens[i].Text }

// isCue reports whether a speech, request or act verb starts at token i.
func (x *state) isCue(i int) bool {
	if x.cueAt[i] == 0 {
		x.cueAt[i] = 2
		if n, _ := x.match(x.rules.speech, i); n > 0 && isVerbTag(x.doc.Tokens[i].Tag, x.low[i]) {
			x.cueAt[i] = 1
		} else if n, _ := x.match(x.rules.act, i); n > 0 && isVerbTag(x.doc.Tokens[i].Tag, x.low[i]) {
			x.cueAt[i] = 1
		} else if n, _ := x.match(x.rules.request, i); n > 0 && isVerbTag(x.doc.Tokens[i].Tag, x.low[i]) {
			x.cueAt[i] = 1
		}
	}
	return x.cueAt[i] == 1
}

// isVerbTag accepts verb tags, and the noun tags the tagger gives verbs it
// does not know in news text ("Yoon urged" can come out NN).
func isVerbTag(tag, low string) bool {
	if strings.HasPrefix(tag, "VB") {
		return true
	}
	return (tag == "NN" || tag == "NNS" || tag == "JJ" || tag == "NNP") && (strings.HasSuffix(low, "ed") || low == "said" || low == "told" || low == "says")
}

// record turns what was found into the readout/v1 record.
func (x *state) toRecord(source string) record.Readout {
	r := record.Readout{Schema: record.Schema, Source: source}
	if x.doc.Title != nil {
		r.Title = x.doc.Text(*x.doc.Title)
	}
	r.Speakers = x.speakers()
	for _, q := range x.quotes {
		if q.dropped {
			continue
		}
		var sp *string
		if q.speaker >= 0 {
			s := x.entityName(q.speaker)
			sp = &s
		}
		r.Quotes = append(r.Quotes, record.Quote{Speaker: sp, Kind: record.Kind(q.kind), Cue: q.cue, Text: q.text, Span: record.Span{q.span.Start, q.span.End}, Rule: q.rule})
	}
	sortByStart(r.Quotes, func(q record.Quote) int { return q.Span[0] })
	for _, c := range x.counterparts {
		r.Counterparts = append(r.Counterparts, record.Counterpart{Parties: []string{x.partyName(c.a), x.partyName(c.b)}, Channel: record.Channel(c.channel), When: c.when, Planned: c.planned, Span: record.Span{c.span.Start, c.span.End}, Rule: c.rule})
	}
	for _, p := range x.pledges {
		pl := record.Pledge{Actor: x.partyName(p.actor), Action: p.action, Strength: record.Strength(p.strength), When: p.when, Span: record.Span{p.span.Start, p.span.End}, Rule: p.rule}
		if p.by >= 0 && p.by != p.actor.ent {
			pl.By = x.entityName(p.by)
			if pl.By == pl.Actor {
				pl.By = ""
			}
		}
		r.Pledges = append(r.Pledges, pl)
	}
	sortByStart(r.Pledges, func(p record.Pledge) int { return p.Span[0] })
	r.Warnings = append(r.Warnings, x.doc.Warnings...)
	r.Normalize()
	return r
}

type entityKey struct {
	kind mentionKind
	name string
}

type exchangeKey struct {
	a, b    int
	channel string
	planned bool
}

// party is an entity, or a noun phrase that names no entity ("South
// Korean officials" when it was not recognised as one).
type party struct {
	ent     int
	text    string
	written bool // name it by text, as this exchange writes it ("US-Russia talks")
}

func (x *state) partyName(p party) string {
	if p.written && p.text != "" {
		return p.text
	}
	if p.ent >= 0 {
		return x.entityName(p.ent)
	}
	return p.text
}

func sortByStart[T any](list []T, start func(T) int) {
	slices.SortStableFunc(list, func(a, b T) int { return start(a) - start(b) })
}
