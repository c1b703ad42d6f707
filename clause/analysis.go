package clause

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
)

// Role is what the shallow parse asks of a function word; the words of
// each role are lexicon data (function_words).
type Role uint8

// The roles of function words.
const (
	Complementizer   Role = iota // that
	Coordinator                  // and
	Possessive                   // 's
	Relative                     // who, which
	Agent                        // by
	Partner                      // with
	Recipient                    // to
	Between                      // between
	Source                       // from
	Genitive                     // of
	Benefactive                  // for
	Attribution                  // according to
	InfinitiveMarker             // to
	Determiner                   // the, a
	Quantity                     // two, both
	As                           // as
	Subordinator                 // while, after
	Reporters                    // reporters, the press
	Existential                  // there, it
	Place                        // where
	Definite                     // the
	Topic                        // on, about
	Locative                     // in, at, to: before a place
	Dual                         // two, both: a quantity that makes a pair
	Quantifier                   // many, some, most: a quantity that stands alone ("many said")
	Nominative                   // he, she, they: a pronoun in its subject form
	Concessive                   // though, despite, even as: what opens a concession
	Reason                       // because, if: what opens a reason or a condition
	NumRoles
)

var roleNames = [NumRoles]string{"complementizer", "coordinator", "possessive", "relative", "agent", "partner",
	"recipient", "between", "source", "genitive", "benefactive", "attribution", "infinitive", "determiner",
	"quantity", "as", "subordinator", "reporters", "existential", "place", "definite", "topic", "locative", "dual", "quantifier", "nominative", "concessive", "reason"}

// String is the role's name in the lexicon.
func (r Role) String() string { return roleNames[r] }

// Analysis is the shallow parse of one Document. Slices indexed by token
// have one element per token of Doc.
type Analysis struct {
	Doc   *parser.Document
	Lex   *lexicon.Lexicon
	Low   []string // token texts, lower-cased
	Words []string // token texts as written

	fold, exact []*lexicon.Entry
	bits        []lexicon.Bits // lists a phrase of which starts at the token
	roles       []uint32       // bit r: a function word of role r starts at the token

	NPs  []NP
	NPAt []int32 // token → the NP holding it, or -1
	VGs  []VG
	VGAt []int32 // token → the verb group holding it, or -1

	finiteBefore []int32 // token k → tokens before k in finite verb groups (set once the links are made)
	objectVG     []int32 // NP → the first verb group whose object it is, or -1

	Times  []Time
	timeAt []int32 // token → the time expression starting there, or -1

	Sents []Sent // one per Doc.Sentences

	capsElsewhere map[string]bool // words written capitalised other than at a clause's start
}

// Sent is what the analysis knows of one sentence.
type Sent struct {
	Body  int  // the first token after a dateline ("WASHINGTON (AP) —"), else the first token
	Title bool // the sentence is the headline
	// TitleCase: every word of four letters or more is capitalised, as in
	// a headline written in title case ("Modi Holds Talks With Albanese"),
	// so capitals do not mark names there.
	TitleCase bool
}

// Analyze parses doc shallowly with the words of lex.
func Analyze(doc *parser.Document, lex *lexicon.Lexicon) *Analysis {
	a := &Analysis{Doc: doc, Lex: lex}
	a.tokens()
	for si := range doc.Sentences {
		a.Sents = append(a.Sents, Sent{Body: a.afterDateline(si), Title: a.isTitle(si), TitleCase: a.isTitleCase(si)})
	}
	a.findTimes()
	a.NPAt = filled(len(doc.Tokens))
	a.VGAt = filled(len(doc.Tokens))
	// About one token in three starts a noun phrase, one in eight a verb
	// group: room for that at once, not by doubling.
	a.NPs = make([]NP, 0, len(doc.Tokens)/3+8)
	a.VGs = make([]VG, 0, len(doc.Tokens)/8+8)
	for si := range doc.Sentences {
		a.findNPs(si)
		a.findVGs(si)
	}
	a.linkNPs()
	a.linkVGs()
	a.countFinite()
	return a
}

// VGsIn returns the verb groups whose first token lies in tokens [from,
// to], as the index range [lo, hi) of a.VGs, which are in text order.
func (a *Analysis) VGsIn(from, to int) (lo, hi int) {
	lo = sort.Search(len(a.VGs), func(i int) bool { return a.VGs[i].First >= from })
	hi = sort.Search(len(a.VGs), func(i int) bool { return a.VGs[i].First > to })
	return lo, max(lo, hi)
}

// NPsIn returns the noun phrases whose first token lies in tokens [from,
// to], as the index range [lo, hi) of a.NPs, which are in text order.
func (a *Analysis) NPsIn(from, to int) (lo, hi int) {
	lo = sort.Search(len(a.NPs), func(i int) bool { return a.NPs[i].First >= from })
	hi = sort.Search(len(a.NPs), func(i int) bool { return a.NPs[i].First > to })
	return lo, max(lo, hi)
}

// ObjectVG returns the first verb group whose object is NP n, or -1.
func (a *Analysis) ObjectVG(n int) int {
	if n < 0 || n >= len(a.objectVG) {
		return -1
	}
	return int(a.objectVG[n])
}

// countFinite fills finiteBefore once the verb groups are final, so that
// finiteBetween takes constant time: a long sentence asks it for many
// spans.
func (a *Analysis) countFinite() {
	n := len(a.Doc.Tokens)
	c := make([]int32, n+1)
	for k := 0; k < n; k++ {
		c[k+1] = c[k]
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Predicate() {
			c[k+1]++
		}
	}
	a.finiteBefore = c
	a.objectVG = filled(len(a.NPs))
	for v := len(a.VGs) - 1; v >= 0; v-- {
		if o := a.VGs[v].Object; o >= 0 {
			a.objectVG[o] = int32(v)
		}
	}
}

// filled is n entries of -1, and a few more past the end, so that a
// lookup of the token after the last finds nothing rather than failing.
func filled(n int) []int32 {
	s := make([]int32, n+pad)
	for i := range s {
		s[i] = -1
	}
	return s[:n+pad]
}

// pad is how many entries past the last token the per-token tables hold.
const pad = 4

// tokens looks every token up once.
func (a *Analysis) tokens() {
	d := a.Doc
	n := len(d.Tokens)
	a.Low, a.Words = make([]string, n, n+pad), make([]string, n, n+pad)
	a.fold, a.exact = make([]*lexicon.Entry, n), make([]*lexicon.Entry, n)
	a.bits, a.roles = make([]lexicon.Bits, n+pad), make([]uint32, n+pad)
	lowSrc := asciiLower(d.Src)
	for i, t := range d.Tokens {
		a.Words[i] = t.Text
		if isASCII(t.Text) {
			a.Low[i] = lowSrc[t.Start:t.End]
		} else {
			a.Words[i] = WithoutJoiners(t.Text) // "Ma\u00adcron" is the word Macron
			a.Low[i] = strings.ToLower(a.Words[i])
		}
		a.fold[i], a.exact[i] = a.Lex.Lookup(a.Words[i], a.Low[i])
		a.bits[i] = a.fold[i].Lists.Or(a.exact[i].Lists)
	}
	// Past the last token: empty words, so lookups there find nothing.
	a.Low, a.Words = a.Low[:n+pad], a.Words[:n+pad]
	for i := range d.Tokens {
		if !a.bits[i].Has(lexicon.FunctionWords) {
			continue
		}
		a.fold[i].EachValue(lexicon.FunctionWords, a.Low, i, func(v string) {
			if r, ok := roleOf(v); ok {
				a.roles[i] |= 1 << r
			}
		})
	}
}

// roleOf is the role a function_words value names.
func roleOf(v string) (Role, bool) {
	for r := Role(0); r < NumRoles; r++ {
		if roleNames[r] == v {
			return r, true
		}
	}
	return 0, false
}

// Match returns the length in tokens and the value of the longest phrase
// of list id starting at token i, or 0.
func (a *Analysis) Match(id lexicon.ID, i int) (int, string) {
	if i < 0 || i >= len(a.bits) || !a.bits[i].Has(id) {
		return 0, ""
	}
	if a.Lex.Folds(id) {
		return a.fold[i].Match(id, a.Low, i)
	}
	return a.exact[i].Match(id, a.Words, i)
}

// In reports whether a phrase of list id starts at token i.
func (a *Analysis) In(id lexicon.ID, i int) bool {
	n, _ := a.Match(id, i)
	return n > 0
}

// Bits returns the lists a phrase of which starts at token i.
func (a *Analysis) Bits(i int) lexicon.Bits { return a.bits[i] }

// Is reports whether a function word of role r starts at token i.
func (a *Analysis) Is(i int, r Role) bool {
	return i >= 0 && i < len(a.roles) && a.roles[i]&(1<<r) != 0
}

// RoleLen is the length of the longest function-word phrase of role r
// starting at token i, or 0. A word the clause layer gave a role the
// lexicon does not (the relative "that" of "the plan that he proposed
// is …") is a phrase of one word.
func (a *Analysis) RoleLen(i int, r Role) int {
	if !a.Is(i, r) {
		return 0
	}
	return max(1, a.fold[i].MatchValue(lexicon.FunctionWords, a.Low, i, roleNames[r]))
}

// Tag is token i's part-of-speech tag ("" past the last token).
func (a *Analysis) Tag(i int) string {
	if i < 0 || i >= len(a.Doc.Tokens) {
		return ""
	}
	return a.Doc.Tokens[i].Tag
}

// Text is the source text of tokens first through last.
func (a *Analysis) Text(first, last int) string {
	d := a.Doc
	return d.Src[d.Tokens[first].Start:d.Tokens[last].End]
}

// NameText is the text of tokens first through last as a name is
// compared and recorded: without invisible joiners (WithoutJoiners).
func (a *Analysis) NameText(first, last int) string {
	return WithoutJoiners(a.Text(first, last))
}

// invisibleInNames are characters that change no name: the soft hyphen
// (U+00AD), which marks where a word may break, and the zero-width
// non-joiner and joiner (U+200C, U+200D), which steer ligatures.
const invisibleInNames = "\u00ad\u200c\u200d"

// WithoutJoiners is s without soft hyphens and zero-width (non-)joiners:
// "Ma\u00adcron" is Macron. Spans still point at the input as read.
func WithoutJoiners(s string) string {
	if !strings.ContainsAny(s, invisibleInNames) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(invisibleInNames, r) {
			return -1
		}
		return r
	}, s)
}

// Span is the byte span of tokens first through last.
func (a *Analysis) Span(first, last int) parser.Span {
	d := a.Doc
	return parser.Span{Start: d.Tokens[first].Start, End: d.Tokens[last].End}
}

// Sentence is the sentence holding token i.
func (a *Analysis) Sentence(i int) parser.Sentence { return a.Doc.Sentences[a.Doc.Tokens[i].Sentence] }

// Para is the paragraph of token i.
func (a *Analysis) Para(i int) int { return a.Sentence(i).Paragraph }

// InQuote reports whether token i is inside a quotation.
func (a *Analysis) InQuote(i int) bool {
	return i >= 0 && i < len(a.Doc.Tokens) && a.Doc.Tokens[i].Quote >= 0
}

// Cap reports whether token i starts with a capital letter that is not
// only the title case of a headline (parser.Token.Lowered).
func (a *Analysis) Cap(i int) bool { return IsCap(a.Words[i]) && !a.Doc.Tokens[i].Lowered }

// Punct reports whether token i is exactly the punctuation mark p.
func (a *Analysis) Punct(i int, p string) bool {
	return i >= 0 && i < len(a.Words) && a.Words[i] == p
}

// IsCap reports whether s starts with an upper-case letter.
func IsCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isAcronym: two to five capitals ("GDP", "NPC").
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isClosing reports whether token i is a closing quotation mark or the end
// of a quotation.
func (a *Analysis) isQuoteMark(i int) bool {
	t := a.Tag(i)
	return t == "``" || t == "''" || !a.InQuote(i) && i >= 0 && i < len(a.Words) && isQuoteText(a.Words[i])
}

func isQuoteText(s string) bool {
	switch s {
	case "“", "”", "\"", "‘", "’", "'", "«", "»", "‹", "›", "「", "」", "„", "''", "``":
		return true
	}
	return false
}

func (a *Analysis) isTitle(si int) bool {
	t := a.Doc.Title
	s := a.Doc.Sentences[si]
	return t != nil && s.Start >= t.Start && s.End <= t.End
}

// isTitleCase: sentence si has three or more words of four letters or
// more, and all of them are capitalised.
func (a *Analysis) isTitleCase(si int) bool {
	s := a.Doc.Sentences[si]
	long := 0
	for i := s.First; i <= s.Last; i++ {
		w := a.Words[i]
		if r, _ := utf8.DecodeRuneInString(w); len(w) < 4 || !unicode.IsLetter(r) {
			continue
		}
		if !IsCap(w) {
			return false
		}
		long++
	}
	return long >= 3
}

// afterDateline returns the first token of sentence si after a dateline
// that opens its paragraph ("WASHINGTON (AP) —", "BERLIN (AA) –",
// "Canberra:"), or its first token when there is none.
// isDatelineWord: token j may stand in a dateline before its dash: a
// comma or slash, an acronym or a word in capitals, a date ("BEIJING,
// Dec. 1 (Xinhua) --"), or a capitalised first word before a colon.
func (a *Analysis) isDatelineWord(j int, s parser.Sentence) bool {
	w := a.Words[j]
	switch {
	case w == "," || w == "/":
		return true
	case isAcronym(strings.Trim(w, ".")) || strings.ToUpper(w) == w && IsCap(w):
		return true
	case j > s.First && (a.In(lexicon.CalendarWords, j) || a.In(lexicon.MonthAbbreviations, j) || a.Tag(j) == "CD"):
		return true
	}
	return j == s.First && IsCap(w) && a.Punct(j+1, ":")
}

// isAllCaps: a word of two or more letters, all capitals ("MOSCOW").
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

func (a *Analysis) afterDateline(si int) int {
	d := a.Doc
	s := d.Sentences[si]
	if si > 0 && d.Sentences[si-1].Paragraph == s.Paragraph {
		return s.First
	}
	inParens := false
	for j := s.First; j <= s.Last && j < s.First+12; j++ {
		w := a.Words[j]
		switch {
		case inParens && w != ")":
			// "(UrduPoint News / Sputnik - 19th December, 2019)"
		case isDash(w) || w == ":":
			if j > s.First && j+1 <= s.Last {
				return j + 1
			}
			return s.First
		case w == "(":
			inParens = true
		case w == ")":
			inParens = false
			// "MOSCOW (Sputnik, Dec. 19) Russian Foreign Minister …": a
			// capitalised place, a parenthesis, then the body.
			if j+1 <= s.Last && IsCap(a.Words[j+1]) && !isDash(a.Words[j+1]) && a.Words[j+1] != ":" && isAllCaps(a.Words[s.First]) {
				return j + 1
			}
		case !a.isDatelineWord(j, s):
			return s.First
		}
	}
	return s.First
}

func isDash(w string) bool { return w == "—" || w == "–" || w == "-" || w == "--" }

func asciiLower(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isVerbTag: a verb or modal tag.
func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }

// isFiniteTag: a tag of a finite main or auxiliary verb (past, present).
func isFiniteTag(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" }

// isNounTag: a noun tag.
func isNounTag(tag string) bool { return strings.HasPrefix(tag, "NN") }

// isFunctionTag: tags of words that do not start a name at a sentence's start.
func isFunctionTag(tag string) bool {
	switch tag {
	case "DT", "IN", "PRP", "PRP$", "WP", "WP$", "WRB", "WDT", "CC", "MD", "TO", "EX", "PDT", "RB", "VBG", "VBD", "VBZ", "VBN", "CD", "UH", "RP":
		return true
	}
	return false
}

// isClosedClass: tags of function words.
func isClosedClass(tag string) bool {
	switch tag {
	case "DT", "IN", "PRP", "PRP$", "WP", "WP$", "WRB", "WDT", "CC", "MD", "TO", "EX", "PDT", "CD", "UH":
		return true
	}
	return false
}
