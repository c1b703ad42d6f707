package parser

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/parser/internal/perceptron"
)

// Span is a half-open byte range [Start, End) of Document.Src.
type Span struct {
	Start int
	End   int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Token is one word or punctuation mark.
type Token struct {
	Text     string // verbatim: Src[Start:End]
	Tag      string // Penn Treebank part-of-speech tag
	Start    int
	End      int
	Sentence int // index into Document.Sentences
	Quote    int // index into Document.Quotes of the quotation holding it, or -1
	// Lowered: the word's capital comes only from title case (a headline's
	// "Ryan Says Trump Must Unify The Party": "Says", "Must", "Unify",
	// "The"); Tag is what the tagger gives the word in lower case.
	Lowered bool
}

// Sentence is a run of tokens [First, Last] within one paragraph.
type Sentence struct {
	Span
	Paragraph int
	First     int // index of the first token
	Last      int // index of the last token (First-1 when empty)
}

// Paragraph is a block of text separated from the next by a blank line (or
// by a newline, when the article puts every paragraph on one line).
type Paragraph struct {
	Span
	FirstSentence int
	LastSentence  int
}

// Document is the parsed form of one article.
type Document struct {
	Src        string
	Title      *Span // a headline line, when the text starts with one
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	Quotes     []QuoteSpan
	Warnings   []string // at most MaxWarnings

	base int // where Src starts in the whole input (ParseWindow)
}

// MaxWarnings is the most warnings a Document (and a record) carries.
const MaxWarnings = 100

// Text returns the source text of a span.
func (d *Document) Text(s Span) string { return d.Src[s.Start:s.End] }

// Options adjusts parsing; the zero value is the default.
type Options struct{}

type models struct {
	tok *tokenize.Tokenizer
	seg *segment.Segmenter
	tag tagger
}

// tagger fills in the Tag of each token of one sentence or paragraph:
// prose's tag.Tagger, or perceptron.Model, which gives the same tags
// from the same model faster (see its package doc).
type tagger interface{ TagTokens([]tag.Token) }

var loadModels = sync.OnceValues(func() (*models, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("loading sentence model: %w", err)
	}
	if pm, err := perceptron.Load(); err == nil {
		return &models{tok: tokenize.New(), seg: seg, tag: pm}, nil
	}
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("loading tagger model: %w", err)
	}
	return &models{tok: tokenize.New(), seg: seg, tag: tg}, nil
})

// tagScratch holds the tagger's working space between documents (it is
// copied out of, never kept); a paragraph's worth is a few kilobytes.
var tagScratch = sync.Pool{New: func() any { return new([]tag.Token) }}

// maxPooledScratch: the space of a freak paragraph is not kept.
const maxPooledScratch = 1 << 14

// Warm loads the shared models, so that the first Parse is not slower than
// the rest (benchmarks and servers call it at start-up).
func Warm() error {
	_, err := loadModels()
	return err
}

// Parse builds a Document from src. It fails only when the models cannot be
// loaded or ctx is cancelled; problems with the text itself (unbalanced
// quotation marks, invalid UTF-8) are recorded in Warnings.
func Parse(ctx context.Context, src string) (*Document, error) {
	return ParseWindow(ctx, src, 0)
}

// ParseWindow parses src, a window of a longer input that starts at byte
// base of it (the windows of a very large input are parsed one at a
// time, see readout.Convert). It is Parse, except that a window after
// the first (base > 0) has no headline, and that the byte offsets in its
// warnings count from the start of the whole input. The Document's own
// spans count from the start of src.
func ParseWindow(ctx context.Context, src string, base int) (*Document, error) {
	m, err := loadModels()
	if err != nil {
		return nil, err
	}
	d := &Document{Src: src, base: base}
	if !utf8.ValidString(src) {
		d.Warnings = append(d.Warnings, fmt.Sprintf("invalid UTF-8 at byte %d", base+firstInvalid(src)))
	}
	if looksLikeHTML(src) {
		d.Warnings = append(d.Warnings, "input looks like HTML, not plain text: markup is read as text")
	}
	d.Paragraphs = splitParagraphs(src)
	if base == 0 {
		d.Title = findTitle(src, d.Paragraphs)
	}
	d.Tokens = make([]Token, 0, tokenCapacity(m, src, d.Paragraphs))
	scratch := tagScratch.Get().(*[]tag.Token)
	defer func() {
		if cap(*scratch) <= maxPooledScratch {
			tagScratch.Put(scratch)
		}
	}()
	for pi := range d.Paragraphs {
		if pi%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		*scratch = d.addParagraph(m, pi, *scratch)
	}
	d.Quotes, d.Warnings = pairQuotes(d, d.Warnings)
	for qi, q := range d.Quotes {
		for _, part := range q.Parts {
			for ti := d.tokenAt(part.Start); ti < len(d.Tokens) && d.Tokens[ti].Start < part.End; ti++ {
				d.Tokens[ti].Quote = qi
			}
		}
	}
	return d, nil
}

// tokenCapacity is the room to make for the tokens of src. News text runs
// at about one token per 5.5 bytes, and for an article one allocation that
// errs high is cheaper than regrowing. A large input is tokenized twice
// instead, once to count: the tokens are the largest part of a document
// (64 bytes each, 11 times the text), and room for an eighth more than
// needed, or a regrowth that holds the old and the new array at once,
// would cost more than the input's size again.
func tokenCapacity(m *models, src string, paragraphs []Paragraph) int {
	if len(src) < countTokensFrom {
		return len(src)/5 + 8
	}
	n := 0
	var buf []Token
	for _, p := range paragraphs {
		tokenizeText(m.tok, src[p.Start:p.End], func(t string, off int) {
			buf = appendSplit(buf[:0], t, off)
			n += len(buf)
		})
	}
	return n
}

// countTokensFrom is the input size from which tokenCapacity counts.
const countTokensFrom = 1 << 20

func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return 0
}

// addParagraph tokenizes, tags and segments one paragraph. Working paragraph
// by paragraph keeps sentences from running over a paragraph break.
// scratch is tagging space reused from paragraph to paragraph.
func (d *Document) addParagraph(m *models, pi int, scratch []tag.Token) []tag.Token {
	p := &d.Paragraphs[pi]
	text := d.Src[p.Start:p.End]
	base := len(d.Tokens)
	tokenizeText(m.tok, text, func(t string, off int) {
		d.Tokens = appendSplit(d.Tokens, t, p.Start+off)
	})
	toks := d.Tokens[base:]
	if len(toks) > 0 {
		headline := d.Title != nil && d.Title.Start == p.Start
		scratch = tagTokens(m.tag, toks, scratch, headline, text)
	}
	p.FirstSentence = len(d.Sentences)
	ti := base
	for _, s := range m.seg.Segment(text) {
		start, end := p.Start+s.Start, p.Start+s.End()
		// Each token belongs to the sentence it starts in; a token that
		// straddles a boundary (rare) is kept whole in the earlier sentence.
		first := ti
		for ti < len(d.Tokens) && d.Tokens[ti].Start < end {
			d.Tokens[ti].Sentence = len(d.Sentences)
			ti++
		}
		if ti == first {
			continue
		}
		if d.Tokens[first].Start < start {
			start = d.Tokens[first].Start
		}
		if e := d.Tokens[ti-1].End; e > end {
			end = e
		}
		d.Sentences = append(d.Sentences, Sentence{Span: Span{start, end}, Paragraph: pi, First: first, Last: ti - 1})
	}
	d.mergeAbbreviationBreaks(p.FirstSentence)
	d.splitAtCutDots(p.FirstSentence)
	if ti < len(d.Tokens) { // text the segmenter dropped: keep it as a sentence
		first := ti
		for ; ti < len(d.Tokens); ti++ {
			d.Tokens[ti].Sentence = len(d.Sentences)
		}
		d.Sentences = append(d.Sentences, Sentence{Span: Span{d.Tokens[first].Start, d.Tokens[ti-1].End}, Paragraph: pi, First: first, Last: ti - 1})
	}
	p.LastSentence = len(d.Sentences) - 1
	return scratch
}

// maxRun is the longest run of text without white space that is handed to
// prose's tokenizer whole. Prose peels punctuation off a run one mark at a
// time and rescans the rest of the run for each, so a run of thousands of
// marks (a text of 100,000 quotation marks) takes quadratic time. No word
// is this long: a longer run is cut at every punctuation mark or symbol,
// each one a token of its own, and the text between them kept whole.
const maxRun = 256

// tokenizeText calls emit with the text and byte offset of each of prose's
// tokens of text, in order.
//
// Prose's tokenizer works on each run of text between white space on its
// own, and a run of ASCII letters, digits and hyphens comes out of it
// whole: only punctuation is split off a run, only an apostrophe starts a
// contraction, and what it keeps whole on purpose (abbreviations, emoticons)
// it would keep whole anyway. Most runs of news text are such plain words,
// so they are emitted here, and prose sees the rest run by run: the same
// tokens (FuzzTokenizeLikeProse, whose seeds every go test runs, holds it
// to that), for much less of the cost.
func tokenizeText(tk *tokenize.Tokenizer, text string, emit func(text string, off int)) {
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
				i += n
				continue
			}
		}
		// A run: up to the next white space.
		j, plain := i, true
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
					break
				}
				plain = plain && isPlainByte(c)
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			plain = false
			j += n
		}
		switch {
		case plain && !strings.Contains(text[i:j], "--"):
			emit(text[i:j], i)
		case j-i <= maxRun:
			tokenizeRun(tk, text[i:j], i, emit)
		default:
			splitLongRun(text[i:j], i, emit)
		}
		i = j
	}
}

// tokenizeRun hands a run of text to prose's tokenizer, first cutting it
// at each run of two or more hyphens, which is a dash written in ASCII
// ("(Jiji Press)--New Japanese …"): the dash is a token of its own, and
// the text on either side is tokenized as if white space stood there.
func tokenizeRun(tk *tokenize.Tokenizer, run string, base int, emit func(text string, off int)) {
	if n := dashOpening(run); n > 0 {
		// "—Dr. Zhang Wei": the dash is a token of its own and the word
		// after it is tokenized alone, so that prose sees "Dr." whole
		emit(run[:n], base)
		run, base = run[n:], base+n
	}
	for run != "" {
		d := strings.Index(run, "--")
		if d < 0 {
			d = len(run)
		}
		if d > 0 {
			for _, t := range tk.Tokenize(run[:d]) {
				emitSplittingDot(t.Text, base+t.Start, emit)
			}
		}
		if d == len(run) {
			return
		}
		e := d + 2
		for e < len(run) && run[e] == '-' {
			e++
		}
		emit(run[d:e], base+d)
		run, base = run[e:], base+e
	}
}

// dashOpening is the length of an em or en dash that opens run right
// before an ASCII letter ("—Dr."), else 0.
func dashOpening(run string) int {
	r, n := utf8.DecodeRuneInString(run)
	if (r != '—' && r != '–') || len(run) <= n {
		return 0
	}
	if c := run[n]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
		return n
	}
	return 0
}

// emitSplittingDot emits a token of prose's, cutting the dot off a
// capitalised word of two or three letters that is no known abbreviation
// ("May." → "May", "."): prose keeps them all whole.
func emitSplittingDot(t string, off int, emit func(text string, off int)) {
	if stem, clitic := splitClitic(t); clitic != "" {
		emit(stem, off)
		emit(clitic, off+len(stem))
		return
	}
	if isShortDotted(t) && !titleAbbreviations[t] && !shortForms[t] {
		emit(t[:len(t)-1], off)
		emit(".", off+len(t)-1)
		return
	}
	emit(t, off)
}

// splitClitic cuts the clitic "'d" or "'ve" (straight or curly) off a
// word of letters that prose keeps whole ("he'd", "we’ve", "could've"),
// as it cuts "'ll", "'re" and "'m" itself and the Penn Treebank, which
// its tagger learned from, writes them: "he 'd welcome" is a pronoun, a
// modal and a verb. It returns t and "" for any other token.
func splitClitic(t string) (stem, clitic string) {
	for _, c := range [...]string{"'d", "’d", "'ve", "’ve"} {
		if len(t) <= len(c) || !strings.EqualFold(t[len(t)-len(c):], c) {
			continue
		}
		stem = t[:len(t)-len(c)]
		for i := 0; i < len(stem); i++ {
			if b := stem[i] | 0x20; b < 'a' || b > 'z' {
				return t, ""
			}
		}
		return stem, t[len(stem):]
	}
	return t, ""
}

// isShortDotted: "Xx." or "Xxx." (ASCII), the shape prose keeps whole.
func isShortDotted(t string) bool {
	if len(t) < 3 || len(t) > 4 || t[len(t)-1] != '.' || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	for i := 1; i < len(t)-1; i++ {
		if t[i] < 'a' || t[i] > 'z' {
			return false
		}
	}
	return true
}

// shortForms are the short forms that keep their dot (data/short_forms.txt).
var shortForms = readList(shortFormsText)

//go:embed data/short_forms.txt
var shortFormsText string

// readList reads a data file of one entry per line; # starts a comment.
func readList(text string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}

// isPlainByte: an ASCII letter, digit or hyphen, which prose's tokenizer
// never splits at.
func isPlainByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-'
}

// splitLongRun cuts a run longer than maxRun at punctuation and symbols.
func splitLongRun(run string, base int, emit func(text string, off int)) {
	start := 0
	for i := 0; i < len(run); {
		r, n := utf8.DecodeRuneInString(run[i:])
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			if start < i {
				emit(run[start:i], base+start)
			}
			emit(run[i:i+n], base+i)
			start = i + n
		}
		i += n
	}
	if start < len(run) {
		emit(run[start:], base+start)
	}
}

// tokenAt returns the index of the first token that ends after off.
func (d *Document) tokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.Tokens[mid].End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// TokenAt returns the index of the first token ending after byte off
// (len(Tokens) when there is none).
func (d *Document) TokenAt(off int) int { return d.tokenAt(off) }

// LastTokenBefore returns the index of the last token that starts before
// byte end: the last token of a span [start, end), even when the span
// ends in spaces after every token. It is -1 when no token starts before
// end.
func (d *Document) LastTokenBefore(end int) int {
	k := min(d.tokenAt(end-1), len(d.Tokens)-1)
	for k >= 0 && d.Tokens[k].Start >= end {
		k--
	}
	return k
}

// isMark reports whether r is a quotation mark or a dash that prose's
// tokenizer leaves attached to words.
func isSplitRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‘', '«', '»', '「', '」', '—', '–', '‹', '›':
		return true
	}
	return false
}

// appendSplit appends the token text at off, split at quotation marks and
// dashes, and at a straight or curly single quote that opens or closes the
// token (an apostrophe inside a word, or prose's "'s"/"n't", stays).
func appendSplit(toks []Token, text string, off int) []Token {
	start := 0
	emit := func(i, j int) {
		if j <= i {
			return
		}
		// Two apostrophes written together are one mark: the doubled
		// apostrophes some papers quote with (''We will win,'' she said).
		if n := len(toks); text[i:j] == "'" && n > 0 && toks[n-1].Text == "'" && toks[n-1].End == off+i {
			toks[n-1].Text, toks[n-1].End = "''", off+j
			return
		}
		toks = append(toks, Token{Text: text[i:j], Start: off + i, End: off + j, Quote: -1})
	}
	for i, r := range text {
		n := utf8.RuneLen(r)
		if n < 0 {
			n = 1
		}
		split := isSplitRune(r)
		if r == '\'' || r == '’' {
			// A quote that opens the token ('Hello) or closes it (there'),
			// but not prose's clitics ('s, 're) nor an apostrophe inside a
			// word (don’t). Whether a trailing one closes a quotation or
			// marks a plural possessive is for quote pairing to decide.
			opens := i == start && len(text)-i > n && !isClitic(text[i:])
			closes := i+n == len(text) && i > start
			split = opens || closes
		}
		if split {
			emit(start, i)
			emit(i, i+n)
			start = i + n
		}
	}
	emit(start, len(text))
	return toks
}

var clitics = []string{"'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m"}

func isClitic(s string) bool {
	for _, c := range clitics {
		if strings.EqualFold(s, c) {
			return true
		}
	}
	return false
}

// tagTokens tags a paragraph's tokens with prose's tagger and then corrects
// what the tagger gets wrong on news text: quotation marks, possessives,
// verbs and nouns it mistakes, and, when the paragraph is the headline
// (its text), the capitals of title case (retagTitleCase). scratch is
// reused for prose's tokens and returned, grown as needed.
func tagTokens(tg tagger, toks []Token, scratch []tag.Token, headline bool, text string) []tag.Token {
	scratch = scratch[:0]
	for _, t := range toks {
		scratch = append(scratch, tag.Token{Text: taggerText(t.Text)})
	}
	tg.TagTokens(scratch)
	for i, t := range scratch {
		toks[i].Tag = t.Tag
	}
	for i := range toks {
		t := &toks[i]
		switch {
		case (t.Text[0] == '\'' || t.Text[0] == 0xE2) && isClitic(t.Text) && (t.Text[len(t.Text)-1] == 's' || t.Text[len(t.Text)-1] == 'S'):
			t.Tag = "POS"
		case len(t.Text) > 0 && isQuoteRune(firstRune(t.Text)) && utf8.RuneCountInString(t.Text) == 1:
			t.Tag = "''"
		case t.Text == "—" || t.Text == "–":
			t.Tag = ":"
		case (strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD") && strings.EqualFold(t.Text, "overall"):
			t.Tag = "RB" // "voters overall said …": never a verb
		}
	}
	if headline {
		scratch = retagTitleCase(tg, text, toks, scratch)
	}
	repairVerbs(tg, toks)
	repairNouns(toks)
	repairPastAtEnd(toks)
	return scratch
}

// repairPastAtEnd retags as a past verb a word in -ed the tagger read as
// a singular noun between a noun phrase and the end of its clause (a
// comma or a full stop): "…, Chad's ambassador to France confirmed/NN.".
// A noun in -ed is short ("bed", "seed") or one of a few ("hundred").
func repairPastAtEnd(toks []Token) {
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.Tag != "NN" || len(t.Text) < 6 || !strings.HasSuffix(t.Text, "ed") || !isLower(t.Text) || nounsInEd[t.Text] {
			continue
		}
		p, n := toks[i-1].Tag, toks[i+1].Text
		if (strings.HasPrefix(p, "NN") || p == "PRP") && (n == "." || n == "," || n == ";") {
			t.Tag = "VBD"
		}
	}
}

// nounsInEd are nouns of six letters or more that end in -ed
// (data/nouns_in_ed.txt).
var nounsInEd = readList(nounsInEdText)

//go:embed data/nouns_in_ed.txt
var nounsInEdText string

// retagTitleCase tags a title-case headline, the paragraph text
// (titleCaseLine: every word of four letters or more capitalised, three or
// more of them), a second time with its capitalised words in lower case, and takes the second tag of
// each capitalised word the second pass reads as a finite verb, modal,
// article, preposition, pronoun or adverb ("Says", "Must", "The"), or as
// a base verb after a modal or "to" ("Unify"): its capital is only the
// title case (Token.Lowered). Any other word keeps its capital and first
// tag: names ("Trump"), nouns a name may hold ("Party", "Visit"),
// demonyms and words of titles and places ("Australian Foreign
// Minister", "New Guinea"); so does a name the name list knows.
func retagTitleCase(tg tagger, text string, toks []Token, scratch []tag.Token) []tag.Token {
	if len(toks) > 60 || !titleCaseLine(strings.Fields(text)) {
		return scratch
	}
	scratch = scratch[:0]
	for _, t := range toks {
		w := taggerText(t.Text)
		if isCapitalWord(w) && !isKnownName(w) {
			w = strings.ToLower(w) // names keep their capital: context for the words around them
		}
		scratch = append(scratch, tag.Token{Text: w})
	}
	tg.TagTokens(scratch)
	for i := range toks {
		t := &toks[i]
		if !isCapitalWord(t.Text) {
			continue
		}
		if isKnownName(t.Text) {
			t.Tag = "NNP" // "Hillary": a name, whatever the tagger makes of it in lower case
			continue
		}
		lt := scratch[i].Tag
		switch {
		case titleFunctionTags[lt], (lt == "VB" || lt == "VBP") && i > 0 && (toks[i-1].Tag == "MD" || toks[i-1].Tag == "TO"):
			t.Tag, t.Lowered = lt, true
		case strings.HasPrefix(lt, "NN") && !strings.HasPrefix(t.Tag, "NN") && !strings.HasPrefix(t.Tag, "JJ"):
			t.Tag = "NNP" // a noun either way is a name
		}
	}
	return scratch
}

// titleFunctionTags are the tags a title-case word loses its capital by:
// function words, adverbs and finite verbs that no noun shares the form
// of ("Says", "Hid"). A base form may be a noun ("Visit", "Call"): it is
// a verb only after a modal or "to" ("Must Unify", "to Visit")
// (data/title_function_tags.txt).
var titleFunctionTags = readList(titleFunctionTagsText)

//go:embed data/title_function_tags.txt
var titleFunctionTagsText string

// isKnownName: the name list has w as a given or family name that is no
// common English word ("Hillary", "Gorbachev"; not "Will" or "Mark").
func isKnownName(w string) bool {
	n, ok := gazetteer.LookupName(w)
	return ok && (n.Given || n.Family) && !n.CommonWord
}

// isCapitalWord: a word that opens with a capital and goes on in lower
// case ("Says", not "GOP" or "x"), or the article "A".
func isCapitalWord(w string) bool {
	if w == "A" {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && n < len(w) && strings.ToUpper(w) != w
}

// repairNouns retags as a noun a word the tagger read as an adverb right
// after an article or possessive and before a preposition or the end of
// a phrase ("according to a tally/RB by the AP", "the foundation's
// tally/RB."): an article opens a noun phrase, and an adverb cannot end
// one.
func repairNouns(toks []Token) {
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.Tag != "RB" || !isLower(t.Text) {
			continue
		}
		p := toks[i-1]
		opens := p.Tag == "POS" || p.Tag == "PRP$" || strings.EqualFold(p.Text, "a") || strings.EqualFold(p.Text, "an") || strings.EqualFold(p.Text, "the")
		n := toks[i+1].Tag
		if opens && (n == "IN" || n == "." || n == "," || n == ":" || n == "POS" || n == "CC") {
			t.Tag = "NN"
		}
	}
}

// taggerText is the text the tagger reads for a token: a clitic with a
// curly apostrophe is read as its straight form, which the tagger knows
// ("we’ll respond" is tagged as "we'll respond": a modal and a verb).
func taggerText(s string) string {
	if strings.HasPrefix(s, "’") && isClitic(s) {
		return "'" + s[len("’"):]
	}
	return s
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// IsCapitalized reports whether s starts with an upper-case letter.
func IsCapitalized(s string) bool {
	r := firstRune(s)
	return unicode.IsUpper(r)
}

// Words splits a phrase into token texts exactly as Parse would, so that
// word lists can be matched against a Document's tokens.
func Words(phrase string) ([]string, error) {
	m, err := loadModels()
	if err != nil {
		return nil, err
	}
	var toks []Token
	tokenizeText(m.tok, phrase, func(t string, off int) {
		toks = appendSplit(toks, t, off)
	})
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out, nil
}

// titleAbbreviations end a sentence only by mistake: "the Hon. James
// Marape" is one sentence whatever the segmenter thinks.
// They are data: data/abbreviations.txt, one per line.
var titleAbbreviations = readList(abbreviationsText)

//go:embed data/abbreviations.txt
var abbreviationsText string

// endsWithInitial: the sentence ends "… S." where S is a lone capital,
// an initial before a surname rather than a sentence end.
func (d *Document) endsWithInitial(s Sentence) bool {
	if s.Last-1 < s.First {
		return false
	}
	dot, init := d.Tokens[s.Last], d.Tokens[s.Last-1]
	if !(dot.Text == "." && len(init.Text) == 1 && init.Text[0] >= 'A' && init.Text[0] <= 'Z' && init.End == dot.Start) {
		return false
	}
	// "announced on X." ends a sentence; "Donald J." and ", S." do not.
	if s.Last-2 >= s.First {
		before := d.Tokens[s.Last-2].Text
		if r := firstRune(before); unicode.IsLower(r) {
			return false
		}
	}
	// The next sentence must start with a name, not a quotation.
	if next := s.Last + 1; next < len(d.Tokens) {
		return IsCapitalized(d.Tokens[next].Text)
	}
	return false
}

// splitAtCutDots ends a sentence at a dot that emitSplittingDot cut off
// a short word ("… in May. Talks ended."), when a capitalised word or a
// quotation mark follows: the segmenter, seeing "May." as prose's
// tokenizer does, took it for an abbreviation.
func (d *Document) splitAtCutDots(from int) {
	var out []Sentence
	changed := false
	for _, s := range d.Sentences[from:] {
		start := s.First
		for k := s.First + 1; k < s.Last; k++ {
			if !d.isCutDot(k) {
				continue
			}
			next := d.Tokens[k+1].Text
			if !IsCapitalized(next) && !isSplitRune(firstRune(next)) && next != "'" {
				continue
			}
			out = append(out, Sentence{Span: Span{d.Tokens[start].Start, d.Tokens[k].End}, Paragraph: s.Paragraph, First: start, Last: k})
			start, changed = k+1, true
		}
		out = append(out, Sentence{Span: Span{d.Tokens[start].Start, s.End}, Paragraph: s.Paragraph, First: start, Last: s.Last})
	}
	if !changed {
		return
	}
	d.Sentences = append(d.Sentences[:from], out...)
	for si := from; si < len(d.Sentences); si++ {
		for ti := d.Sentences[si].First; ti <= d.Sentences[si].Last; ti++ {
			d.Tokens[ti].Sentence = si
		}
	}
}

// isCutDot: token k is a dot emitSplittingDot cut off the word before it.
func (d *Document) isCutDot(k int) bool {
	t, w := d.Tokens[k], d.Tokens[k-1]
	return t.Text == "." && w.End == t.Start && isShortDotted(w.Text+".") && !titleAbbreviations[w.Text+"."] && !shortForms[w.Text+"."]
}

// mergeAbbreviationBreaks joins a sentence that ends in a title
// abbreviation with the next one in the same paragraph.
func (d *Document) mergeAbbreviationBreaks(from int) {
	out := d.Sentences[:from]
	for _, s := range d.Sentences[from:] {
		if n := len(out); n > from && s.Last >= s.First {
			prev := &out[n-1]
			if prev.Last >= prev.First && (titleAbbreviations[d.Tokens[prev.Last].Text] || d.endsWithInitial(*prev)) {
				prev.End, prev.Last = s.End, s.Last
				continue
			}
		}
		out = append(out, s)
	}
	d.Sentences = out
	// Renumber: tokens of every sentence after a merge moved down.
	for si := from; si < len(d.Sentences); si++ {
		for ti := d.Sentences[si].First; ti <= d.Sentences[si].Last; ti++ {
			d.Tokens[ti].Sentence = si
		}
	}
}
