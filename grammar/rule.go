package grammar

import (
	"github.com/readout/readout/clause"
	"github.com/readout/readout/entity"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/record"
)

// Output is what a rule produces.
type Output uint8

// The outputs of rules.
const (
	QuoteOut       Output = iota // a quote (kind direct or indirect)
	CounterpartOut               // an exchange between two parties
	PledgeOut                    // an action committed to
	SpeakerOut                   // a speech act: its subject is a speaker
)

var outputNames = [...]string{"quote", "counterpart", "pledge", "speaker"}

func (o Output) String() string { return outputNames[o] }

// Rule is one construction of English: a pattern, what it produces, and
// its examples.
type Rule struct {
	ID       string
	Doc      string
	File     string
	Line     int
	Produce  Output
	Stage    Stage
	Kind     record.Kind     // quotes
	Channel  record.Channel  // counterparts: when no capture gives it
	Strength record.Strength // pledges: when the cue's value does not give it
	Planned  *bool           // counterparts: when the verb group does not say
	Priority int             // higher wins when two matches claim the same words
	// Continued is whether a bare quotation after this rule's quote may
	// continue its speaker (continued: false for X “talked about …”,
	// which describes X in someone else's words).
	Continued bool
	// Restates is whether this rule's exchange is only a restatement when
	// the same two parties have an exchange from another rule ("A and B
	// discussed X" after "A and B held talks"): its record is then dropped.
	Restates  bool
	Pattern   []Element
	Hooks     []Hook
	HookNames []string

	Examples        []Example
	Counterexamples []Example

	needs lexicon.Bits // lists a sentence must hold for the rule to match there
	quote bool         // the pattern needs a quotation
}

// Stage is when a rule runs: the quotes are decided before the discourse
// rules (continuations) run, and both before exchanges and pledges, whose
// hooks ask who is speaking.
type Stage uint8

// The stages, in order.
const (
	QuoteStage Stage = iota
	DiscourseStage
	ExchangeStage
	PledgeStage
)

// Example is a text a rule must produce something from (and what, field by
// field, as the record writes it), or, for a counterexample, nothing.
type Example struct {
	Text   string
	Expect map[string]string // field → value: speaker, cue, text, parties, actor, action …
	Line   int
}

type elemKind uint8

const (
	elWord elemKind = iota
	elText
	elRole
	elIn
	elTag
	elNP
	elVerb
	elPredicate
	elContent
	elQuote
	elSkip
	elSentence
	elAny
	elUse
	elTime
)

// Element is one step of a pattern.
type Element struct {
	kind     elemKind
	Line     int
	words    [][]string // each a sequence of tokens
	role     clause.Role
	list     lexicon.ID
	tags     []string
	np       *npSpec
	verb     *verbSpec
	content  contentKind
	skip     skipSpec
	position positionKind
	alts     [][]Element
	use      string

	Optional bool
	As       string
	Subject  string // capture the verb group's subject under this name
	Object   string
	Agent    string
}

type npSpec struct {
	kinds     []clause.NPKind
	entities  []entity.Kind
	headIn    lexicon.ID
	hasHead   bool
	withAppos bool // consume an apposition after the NP too
	withConj  bool // consume the conjuncts after the NP too ("A and B")
}

type verbSpec struct {
	in      []lexicon.ID
	notIn   []lexicon.ID
	forms   []clause.Form
	tenses  []clause.Tense
	modals  []string
	voice   int8 // 0 any, 1 active, 2 passive
	negated int8 // 0 any, 1 yes, 2 no
}

type contentKind uint8

const (
	contentClause  contentKind = iota // to ClauseEnd
	contentFronted                    // from the sentence body to a comma
	contentRest                       // to the sentence's end, less final punctuation
	contentLead                       // from the sentence body to a comma, verb or not ("The next round of talks, X said, …")
	contentToComma                    // to the next comma outside quotations ("Noting that …, Li said")
)

type skipSpec struct {
	max  int
	over uint16 // bits of skipKind
}

type skipKind uint8

const (
	skipNP skipKind = iota
	skipPP
	skipAdverb
	skipTime
	skipComma
	skipReporters
	skipAny
	skipQuote
	skipModifier
	skipVerb
	skipDescription
	skipSentence
	skipConjunct
)

// skipKindNames are the kinds' names in a rules file, by kind.
var skipKindNames = [...]string{skipNP: "np", skipPP: "pp", skipAdverb: "adverb", skipTime: "time",
	skipComma: "comma", skipReporters: "reporters", skipAny: "any", skipQuote: "quote", skipModifier: "modifier",
	skipVerb: "verb", skipDescription: "description", skipSentence: "sentence", skipConjunct: "conjunct"}

// skipKindNamed returns the kind a rules file names name.
func skipKindNamed(name string) (skipKind, bool) {
	for k, n := range skipKindNames {
		if n == name {
			return skipKind(k), true
		}
	}
	return 0, false
}

type positionKind uint8

const (
	posStart positionKind = iota
	posBody
	posEnd
	posParagraphEnd
)
