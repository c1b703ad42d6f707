// Package extract runs the grammar over a parsed document and builds the
// readout/v1 record: the stages of readout after the shallow parse.
//
//	clause.Analyze → entity.Resolve → quote rules → discourse rules
//	→ exchange rules → pledge rules → speakers → record.Readout
//
// Each stage runs the grammar rules of its kind (grammar.Stage) sentence by
// sentence and settles the conflicts between their matches: one direct
// quote per quotation, reported speech relayed through another speaker
// given to the inner speaker, one record per exchange and per commitment.
// Extract is a pure function of its inputs and safe to call from many
// goroutines with a shared Grammar; Explain is Extract with the reasons.
package extract

import (
	"context"
	"sort"
	"strings"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/entity"
	"github.com/readout/readout/grammar"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// Extraction is everything found in one document, before it is written as
// a record.
type Extraction struct {
	Doc          *parser.Document
	A            *clause.Analysis
	Ents         *entity.Set
	G            *grammar.Grammar
	C            *grammar.Context
	Quotes       []Quote
	Counterparts []Exchange
	Pledges      []Pledge
	speaks       map[int]bool // entity → says something
	claimed      map[int]int  // quotation → index in Quotes
	jointQuotes  []Quote      // agentless passives' clauses, for the parties once known (settleJoint)
	nestedQ      []bool       // quotation → inside another quotation (nested, found on first use)
	// Lost lists the matches that produced nothing, and why (explain).
	Lost []Lost
}

// Lost is a match that lost a conflict or could not make an item.
type Lost struct {
	Match  grammar.Match
	Reason string
}

// Quote is one quote found.
type Quote struct {
	Kind    record.Kind
	Speaker int // entity, or -1
	Cue     string
	Text    string
	Span    parser.Span
	Parts   []parser.Span
	First   int // tokens of the text, first to last
	Last    int
	CueTok  int // -1 when none
	Request bool
	Match   grammar.Match
	quotes  []int // the quotations a direct quote is made of
}

// describes: the rule's quotes describe their speaker in someone else's
// words (X “talked about …”), so no bare quotation after them continues
// that speaker.
func (q *Quote) describes() bool { return !q.Match.Rule.Continued }

// Exchange is one counterpart record found.
type Exchange struct {
	A, B    int // entities
	Channel record.Channel
	When    string
	Planned bool
	Span    parser.Span
	Match   grammar.Match
	held    int // 1 + the verb of holding whose object is the exchange noun, or 0
}

// Pledge is one pledge found.
type Pledge struct {
	Actor    int
	By       int // -1 when the actor pledged
	Action   string
	Strength record.Strength
	When     string
	Negated  bool
	Span     parser.Span
	First    int
	Last     int
	Match    grammar.Match

	ownWe bool // the actor is the speaker for a first-person "we", their side unknown
}

// Extract finds speakers, quotes, counterparts and pledges in doc with the
// rules of g, and returns the record. source is recorded as its source.
func Extract(ctx context.Context, doc *parser.Document, g *grammar.Grammar, source string) (record.Readout, error) {
	x, err := Run(ctx, doc, g)
	if err != nil {
		return record.Readout{}, err
	}
	return x.Record(source), nil
}

// Run is the extraction itself, kept whole for Explain.
func Run(ctx context.Context, doc *parser.Document, g *grammar.Grammar) (*Extraction, error) {
	a := clause.Analyze(doc, g.Lex)
	ents := entity.Resolve(a)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x := &Extraction{Doc: doc, A: a, Ents: ents, G: g, C: grammar.NewContext(a, ents),
		speaks: map[int]bool{}, claimed: map[int]int{}}
	x.quoteStage()
	x.discourseStage()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x.exchangeStage()
	x.settleJoint()
	x.pledgeStage()
	return x, nil
}

// matches runs one stage's rules over every sentence, higher priority
// first, then in text order.
func (x *Extraction) matches(stage grammar.Stage) []grammar.Match {
	var out []grammar.Match
	for si := range x.Doc.Sentences {
		out = append(out, x.G.Matches(x.C, stage, si)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Rule.Priority != out[j].Rule.Priority {
			return out[i].Rule.Priority > out[j].Rule.Priority
		}
		return out[i].First < out[j].First
	})
	return out
}

func (x *Extraction) lose(m grammar.Match, why string) {
	x.Lost = append(x.Lost, Lost{Match: m, Reason: why})
}

// speakerOf is the entity a match's speaker capture means: a coordinated
// subject is the pair of its first two conjuncts, two people ("Kenji Mori
// and Ana Ribeiro") or two countries or organisations ("Japan and
// Brazil agreed to …": the actor is "Japan and Brazil", as the guide's
// joint pledges are).
func (x *Extraction) speakerOf(m *grammar.Match, name string) int {
	cp, ok := m.One(name)
	if !ok {
		return -1
	}
	if cp.Entity >= 0 || cp.NP < 0 {
		return cp.Entity
	}
	conj := x.A.Conjuncts(cp.NP)
	if len(conj) >= 2 {
		a, b := x.Ents.Of(conj[0]), x.Ents.Of(conj[1])
		if a >= 0 && b >= 0 && a != b && jointParties(&x.Ents.Ents[a], &x.Ents.Ents[b]) {
			return x.Ents.PairOf(a, b)
		}
	}
	return x.Ents.Of(cp.NP)
}

// jointParties: two entities a coordinated subject makes one speaker or
// actor of: two people, or two countries or organisations (not a city).
func jointParties(a, b *entity.Entity) bool {
	party := func(e *entity.Entity) bool {
		return e.Kind == entity.Org || e.Kind == entity.Place && !e.City
	}
	return a.Kind == entity.Person && b.Kind == entity.Person || party(a) && party(b)
}

// markSpeaks records that entity e says something; a pair's members do.
func (x *Extraction) markSpeaks(e int) {
	if e < 0 {
		return
	}
	x.speaks[e] = true
	for _, m := range x.Ents.Ents[e].Members {
		x.speaks[m] = true
	}
}

// text joins capture parts as the guide asks: one space between parts, a
// comma ending a part dropped, paragraph breaks and repeated opening marks
// inside a part folded away.
func (x *Extraction) text(parts []parser.Span) string {
	return joinParts(x.Doc.Src, parts)
}

// reportedText is the text of a reported clause from token first to last
// (its parts joined as text does) without the marks of a quotation it
// embeds: the guide removes marks from every quote's text ("he “will work
// to implement” the agreements" → "he will work to implement the
// agreements"). An apostrophe that closes no quotation stays ("the rebels'
// camps").
func (x *Extraction) reportedText(parts []parser.Span, first, last int) string {
	marks := x.quotationMarks(first, last)
	if len(marks) == 0 {
		return x.text(parts)
	}
	src := x.Doc.Src
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		k0 := x.Doc.TokenAt(p.Start)
		for k := k0; k < len(x.Doc.Tokens) && x.Doc.Tokens[k].Start < p.End; k++ {
			tok := x.Doc.Tokens[k]
			if k > k0 && tok.Start > x.Doc.Tokens[k-1].End {
				b.WriteByte(' ')
			}
			if !marks[k] {
				b.WriteString(src[tok.Start:tok.End])
			}
		}
	}
	return strings.Join(strings.Fields(strings.TrimRight(b.String(), ", ")), " ")
}

// quotationMarks returns the tokens in [first, last] that open or close a
// quotation of the document (inside its span, outside its parts): the
// quotation is the one holding the token before or after the mark.
func (x *Extraction) quotationMarks(first, last int) map[int]bool {
	var marks map[int]bool
	toks := x.Doc.Tokens
	for k := first; k <= last && k < len(toks); k++ {
		if !x.A.IsQuoteMark(k) || !x.marksQuotation(k) {
			continue
		}
		if marks == nil {
			marks = map[int]bool{}
		}
		marks[k] = true
	}
	return marks
}

// marksQuotation: token k opens or closes the quotation that holds the
// token after it or the token before it.
func (x *Extraction) marksQuotation(k int) bool {
	toks := x.Doc.Tokens
	tok := toks[k]
	for _, n := range [2]int{k + 1, k - 1} {
		if n < 0 || n >= len(toks) || toks[n].Quote < 0 {
			continue
		}
		q := x.Doc.Quotes[toks[n].Quote]
		if q.Start <= tok.Start && tok.End <= q.End && !insideParts(q.Parts, tok.Start) {
			return true
		}
	}
	return false
}

func insideParts(parts []parser.Span, at int) bool {
	for _, p := range parts {
		if p.Start <= at && at < p.End {
			return true
		}
	}
	return false
}
