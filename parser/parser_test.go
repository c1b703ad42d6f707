package parser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixtureDir holds the annotated articles shared by every package's tests.
const fixtureDir = "../testdata/fixtures"

// fixtures returns the name and text of every fixture article.
func fixtures(t testing.TB) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(fixtureDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no fixtures in %s", fixtureDir)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".txt")] = string(b)
	}
	return out
}

// mustParse parses src, checks the documented invariants and returns the
// Document.
func mustParse(t testing.TB, src string) *Document {
	t.Helper()
	d, err := Parse(context.Background(), src)
	if err != nil {
		t.Fatalf("Parse(%.60q): %v", src, err)
	}
	if msg := invariantError(d); msg != "" {
		t.Fatalf("Parse(%.60q): %s", src, msg)
	}
	return d
}

// invariantError returns a description of the first broken invariant of d
// (see doc.go), or "". It is shared by the unit tests and the fuzz targets.
func invariantError(d *Document) string {
	n := len(d.Src)
	in := func(s, e int) bool { return 0 <= s && s <= e && e <= n }
	// Tokens: inside the input, verbatim, non-empty, in order, each in a
	// real sentence and (when quoted) a real quotation.
	prevEnd := 0
	for i, t := range d.Tokens {
		switch {
		case !in(t.Start, t.End):
			return sprintf("token %d %q span [%d,%d) outside the input (%d bytes)", i, t.Text, t.Start, t.End, n)
		case d.Src[t.Start:t.End] != t.Text:
			return sprintf("token %d text %q != src[%d:%d] %q", i, t.Text, t.Start, t.End, d.Src[t.Start:t.End])
		case t.Start == t.End:
			return sprintf("token %d is empty at %d", i, t.Start)
		case t.Start < prevEnd:
			return sprintf("token %d [%d,%d) overlaps or precedes the token before (ends %d)", i, t.Start, t.End, prevEnd)
		case t.Sentence < 0 || t.Sentence >= len(d.Sentences):
			return sprintf("token %d %q: sentence %d of %d", i, t.Text, t.Sentence, len(d.Sentences))
		case t.Quote < -1 || t.Quote >= len(d.Quotes):
			return sprintf("token %d %q: quote %d of %d", i, t.Text, t.Quote, len(d.Quotes))
		}
		prevEnd = t.End
	}
	// Sentences: inside the input and their paragraph, in order, each a
	// non-empty run of tokens that lie inside it; together they cover
	// every token exactly once.
	next := 0
	prevStart := 0
	for i, s := range d.Sentences {
		switch {
		case !in(s.Start, s.End):
			return sprintf("sentence %d span [%d,%d) outside the input (%d bytes)", i, s.Start, s.End, n)
		case s.Start < prevStart:
			return sprintf("sentence %d starts at %d, before sentence %d (%d)", i, s.Start, i-1, prevStart)
		case s.Paragraph < 0 || s.Paragraph >= len(d.Paragraphs):
			return sprintf("sentence %d: paragraph %d of %d", i, s.Paragraph, len(d.Paragraphs))
		case s.First != next || s.Last < s.First || s.Last >= len(d.Tokens):
			return sprintf("sentence %d: tokens [%d,%d], want to start at %d (of %d)", i, s.First, s.Last, next, len(d.Tokens))
		}
		p := d.Paragraphs[s.Paragraph]
		if s.Start < p.Start || s.End > p.End {
			return sprintf("sentence %d [%d,%d) outside its paragraph [%d,%d)", i, s.Start, s.End, p.Start, p.End)
		}
		for ti := s.First; ti <= s.Last; ti++ {
			t := d.Tokens[ti]
			if t.Sentence != i {
				return sprintf("token %d %q says sentence %d, is in sentence %d", ti, t.Text, t.Sentence, i)
			}
			if t.Start < s.Start || t.End > s.End {
				return sprintf("token %d %q [%d,%d) outside its sentence [%d,%d)", ti, t.Text, t.Start, t.End, s.Start, s.End)
			}
		}
		next, prevStart = s.Last+1, s.Start
	}
	if next != len(d.Tokens) {
		return sprintf("sentences cover tokens [0,%d), there are %d", next, len(d.Tokens))
	}
	// Paragraphs: inside the input, non-empty, in order without overlap,
	// trimmed, with their sentences.
	prevEnd = 0
	nextSentence := 0
	for i, p := range d.Paragraphs {
		switch {
		case !in(p.Start, p.End):
			return sprintf("paragraph %d span [%d,%d) outside the input (%d bytes)", i, p.Start, p.End, n)
		case p.Start == p.End:
			return sprintf("paragraph %d is empty", i)
		case p.Start < prevEnd:
			return sprintf("paragraph %d [%d,%d) overlaps the one before (ends %d)", i, p.Start, p.End, prevEnd)
		case isSpaceByte(d.Src[p.Start]) || isSpaceByte(d.Src[p.End-1]):
			return sprintf("paragraph %d %q is not trimmed", i, d.Src[p.Start:p.End])
		case p.FirstSentence != nextSentence || p.LastSentence < p.FirstSentence-1 || p.LastSentence >= len(d.Sentences):
			return sprintf("paragraph %d: sentences [%d,%d], want to start at %d (of %d)", i, p.FirstSentence, p.LastSentence, nextSentence, len(d.Sentences))
		}
		for si := p.FirstSentence; si <= p.LastSentence; si++ {
			if d.Sentences[si].Paragraph != i {
				return sprintf("sentence %d says paragraph %d, is in paragraph %d", si, d.Sentences[si].Paragraph, i)
			}
		}
		prevEnd, nextSentence = p.End, p.LastSentence+1
	}
	if nextSentence != len(d.Sentences) {
		return sprintf("paragraphs cover sentences [0,%d), there are %d", nextSentence, len(d.Sentences))
	}
	// Quotations: inside the input, sorted by start, with non-empty parts
	// in order inside the outer span.
	prevStart = 0
	for i, q := range d.Quotes {
		switch {
		case !in(q.Start, q.End):
			return sprintf("quote %d span [%d,%d) outside the input (%d bytes)", i, q.Start, q.End, n)
		case q.Start < prevStart:
			return sprintf("quote %d starts at %d, before quote %d (%d)", i, q.Start, i-1, prevStart)
		case len(q.Parts) == 0:
			return sprintf("quote %d [%d,%d) has no parts", i, q.Start, q.End)
		case !slices.Contains([]string{"double", "single", "angle", "corner"}, q.Class):
			return sprintf("quote %d: class %q", i, q.Class)
		}
		pe := q.Start
		for j, p := range q.Parts {
			if p.Start < pe || p.End <= p.Start || p.End > q.End {
				return sprintf("quote %d [%d,%d): part %d [%d,%d) empty, out of order or outside", i, q.Start, q.End, j, p.Start, p.End)
			}
			pe = p.End
		}
		if in := q.Inner(); in.Start < q.Start || in.End > q.End {
			return sprintf("quote %d: inner span outside", i)
		}
		prevStart = q.Start
	}
	if t := d.Title; t != nil {
		if !in(t.Start, t.End) || len(d.Paragraphs) == 0 || *t != d.Paragraphs[0].Span {
			return sprintf("title [%d,%d) is not the first paragraph", t.Start, t.End)
		}
	}
	return ""
}

var sprintf = fmt.Sprintf

// TestSpansLocateTheirText checks the invariants of doc.go on every
// fixture: each token is src[Start:End], each span lies in the input.
func TestSpansLocateTheirText(t *testing.T) {
	for name, src := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			d := mustParse(t, src)
			if len(d.Tokens) == 0 || len(d.Sentences) == 0 || len(d.Paragraphs) == 0 {
				t.Fatalf("nothing parsed: %d tokens, %d sentences, %d paragraphs", len(d.Tokens), len(d.Sentences), len(d.Paragraphs))
			}
			for _, tok := range d.Tokens {
				if src[tok.Start:tok.End] != tok.Text {
					t.Fatalf("src[%d:%d] = %q, token %q", tok.Start, tok.End, src[tok.Start:tok.End], tok.Text)
				}
			}
			// Every quoted token lies inside one of its quotation's parts.
			for i, tok := range d.Tokens {
				if tok.Quote < 0 {
					continue
				}
				q := d.Quotes[tok.Quote]
				inside := false
				for _, p := range q.Parts {
					if tok.Start >= p.Start && tok.Start < p.End {
						inside = true
					}
				}
				if !inside {
					t.Errorf("token %d %q at %d says quote %d %v, which does not hold it", i, tok.Text, tok.Start, tok.Quote, q.Parts)
				}
			}
		})
	}
}

// TestParseIsDeterministic: parsing a fixture twice, and from several
// goroutines at once, gives the same Document.
func TestParseIsDeterministic(t *testing.T) {
	docs := fixtures(t)
	names := make([]string, 0, len(docs))
	for name := range docs {
		names = append(names, name)
	}
	slices.Sort(names)
	want := map[string]string{}
	for _, name := range names {
		want[name] = summary(mustParse(t, docs[name]))
	}
	errs := make(chan string, len(names)*4)
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for _, name := range names {
				d, err := Parse(context.Background(), docs[name])
				if err != nil {
					errs <- name + ": " + err.Error()
					continue
				}
				if got := summary(d); got != want[name] {
					errs <- name + ": a concurrent parse differs from the sequential one"
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// summary is a Document as text, for comparing parses.
func summary(d *Document) string {
	var b strings.Builder
	for _, tok := range d.Tokens {
		b.WriteString(sprintf("%d:%d:%s:%s:%d:%d ", tok.Start, tok.End, tok.Text, tok.Tag, tok.Sentence, tok.Quote))
	}
	b.WriteString(sprintf("\n%v\n%v\n%v\n%v\n", d.Sentences, d.Paragraphs, d.Quotes, d.Warnings))
	if d.Title != nil {
		b.WriteString(sprintf("title %v", *d.Title))
	}
	return b.String()
}

func paragraphTexts(d *Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, d.Text(p.Span))
	}
	return out
}

func sentenceTexts(d *Document) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Text(s.Span))
	}
	return out
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"empty", "", nil},
		{"white space only", " \n\t\r\n  \n", nil},
		{"one line", "One paragraph.", []string{"One paragraph."}},
		{"blank line separated", "First one.\n\nSecond one.\n\n\nThird one.", []string{"First one.", "Second one.", "Third one."}},
		{"blank lines with spaces", "First one.\n  \t\nSecond one.", []string{"First one.", "Second one."}},
		{"lines joined within a paragraph", "First line\nof the first.\n\nSecond.", []string{"First line\nof the first.", "Second."}},
		{"one per line without blank lines", "Line one.\nLine two.\nLine three.", []string{"Line one.", "Line two.", "Line three."}},
		{"CRLF blank lines", "First one.\r\n\r\nSecond one.\r\n", []string{"First one.", "Second one."}},
		{"CRLF one per line", "Line one.\r\nLine two.\r\n", []string{"Line one.", "Line two."}},
		{"surrounding white space trimmed", "\n\n  Indented.  \n\n\tTabbed.\t\n\n", []string{"Indented.", "Tabbed."}},
		{"byte-order mark skipped", "\ufeffFirst one.\n\nSecond one.", []string{"First one.", "Second one."}},
		{"byte-order mark alone", "\ufeff", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if got := paragraphTexts(d); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParagraphSpansIndexTheInput(t *testing.T) {
	// The BOM is skipped, yet offsets still count its three bytes; CRLF
	// ends are left in place.
	src := "\ufeffMinister Ek said \"we agree\".\r\n\r\nThe talks ended.\r\n"
	d := mustParse(t, src)
	if len(d.Paragraphs) != 2 {
		t.Fatalf("paragraphs = %q", paragraphTexts(d))
	}
	if p := d.Paragraphs[0]; p.Start != 3 {
		t.Errorf("first paragraph starts at %d, want 3 (after the BOM)", p.Start)
	}
	if p := d.Paragraphs[1]; src[p.Start:p.End] != "The talks ended." {
		t.Errorf("second paragraph = %q", src[p.Start:p.End])
	}
	if len(d.Quotes) != 1 || d.Text(d.Quotes[0].Parts[0]) != "we agree" {
		t.Fatalf("quotes = %+v", d.Quotes)
	}
	if got := strings.Index(src, "we agree"); d.Quotes[0].Parts[0].Start != got {
		t.Errorf("quote starts at %d, want %d", d.Quotes[0].Parts[0].Start, got)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"two", "The talks ended. Both sides left.", []string{"The talks ended.", "Both sides left."}},
		{"question and exclamation", "Will they meet? They will! Soon.", []string{"Will they meet?", "They will!", "Soon."}},
		{"abbreviation", "Mr. Lammy met Dr. Jaishankar on Monday. They talked.", []string{"Mr. Lammy met Dr. Jaishankar on Monday.", "They talked."}},
		{"abbreviation after a dash", "“Health comes first.” —Dr. Zhang Wei, Minister of Health", []string{"“Health comes first.”", "—Dr. Zhang Wei, Minister of Health"}},
		{"quoted sentence", "They said \"we agree.\" Then they left.", []string{"They said \"we agree.\"", "Then they left."}},
		{"never over a paragraph break", "No full stop here\n\nA new paragraph.", []string{"No full stop here", "A new paragraph."}},
		{"no final punctuation", "The talks ended", []string{"The talks ended"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if got := sentenceTexts(d); !slices.Equal(got, tt.want) {
				t.Errorf("sentences = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"words and punctuation", "Yoon met Rutte, again.", []string{"Yoon", "met", "Rutte", ",", "again", "."}},
		{"straight quotes split", `He said "we agree," today.`, []string{"He", "said", `"`, "we", "agree", ",", `"`, "today", "."}},
		{"curly quotes split", "He said “we agree” today.", []string{"He", "said", "“", "we", "agree", "”", "today", "."}},
		{"guillemets split", "«Nous sommes», dit-il.", []string{"«", "Nous", "sommes", "»", ",", "dit-il", "."}},
		{"dashes split", "talks—and more–than", []string{"talks", "—", "and", "more", "–", "than"}},
		{"ASCII dashes split", "(Jiji Press)--New talks---and x-y", []string{"(", "Jiji", "Press", ")", "--", "New", "talks", "---", "and", "x-y"}},
		{"possessive kept", "Korea’s troops", []string{"Korea", "’s", "troops"}},
		{"'d and 've split off as the tagger learned them", "he'd go, we’ve won, could've", []string{"he", "'d", "go", ",", "we", "’ve", "won", ",", "could", "'ve"}},
		{"an apostrophe inside a name is no clitic", "O'Donnell and Ba'ath", []string{"O'Donnell", "and", "Ba'ath"}},
		{"apostrophe inside a word kept", "don’t", []string{"do", "n’t"}},
		{"opening single quote split", "'We agree'", []string{"'", "We", "agree", "'"}},
		{"plural possessive mark split", "leaders’ talks", []string{"leaders", "’", "talks"}},
		{"invalid UTF-8 kept verbatim", "Caf\xe9 talks", []string{"Caf\xe9", "talks"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			var got []string
			for _, tok := range d.Tokens {
				got = append(got, tok.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("tokens = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestQuoteMarksAndPossessivesAreTagged(t *testing.T) {
	d := mustParse(t, "“Korea’s view,” he said.")
	tags := map[string]string{}
	for _, tok := range d.Tokens {
		tags[tok.Text] = tok.Tag
	}
	if tags["“"] != "''" || tags["”"] != "''" {
		t.Errorf("quotation marks tagged %q and %q, want ''", tags["“"], tags["”"])
	}
	if tags["’s"] != "POS" {
		t.Errorf("’s tagged %q, want POS", tags["’s"])
	}
}

// A clitic with a curly apostrophe is tagged as its straight form: "’ll"
// is a modal and the verb after it a verb, as with "'ll".
func TestCurlyCliticsAreTaggedAsStraightOnes(t *testing.T) {
	for _, src := range []string{"“We’ll respond,” she said.", "“We'll respond,” she said."} {
		d := mustParse(t, src)
		tags := map[string]string{}
		for _, tok := range d.Tokens {
			tags[strings.ReplaceAll(tok.Text, "’", "'")] = tok.Tag
		}
		if tags["'ll"] != "MD" || !strings.HasPrefix(tags["respond"], "VB") {
			t.Errorf("%s: 'll tagged %q and respond %q, want MD and a verb", src, tags["'ll"], tags["respond"])
		}
	}
}

// Tagger repairs: a word read as an adverb right after an article or a
// possessive, before a preposition or the phrase's end, is a noun (a real
// adverb there stays one); a word in -ed read as a noun between a noun
// phrase and the clause's end is a past verb.
func TestTaggerRepairs(t *testing.T) {
	for _, c := range []struct {
		src, word, want string
	}{
		{"It grew, according to a tally by the ministry.", "tally", "NN"},
		{"It grew, according to the union's tally.", "tally", "NN"},
		{"It was the very best day.", "very", "RB"},
		{"It was a rather long day.", "rather", "RB"},
		{"He left, the ambassador to France confirmed.", "confirmed", "VBD"},
		{"It lay on the seabed.", "seabed", "NN"},
	} {
		d := mustParse(t, c.src)
		for _, tok := range d.Tokens {
			if tok.Text == c.word && tok.Tag != c.want {
				t.Errorf("%q: %s tagged %s, want %s", c.src, c.word, tok.Tag, c.want)
			}
		}
	}
}

// A title-case headline is tagged as if its words were in lower case
// where that makes them function words or finite verbs; names and nouns
// keep their capitals. A body sentence of names is left alone.
func TestTitleCaseHeadlineIsRetagged(t *testing.T) {
	d := mustParse(t, "Ruiz Says Lopez Must Unify The Party.\n\nThe talks resumed on Monday.")
	want := map[string]struct {
		lowered bool
		tag     string
	}{"Ruiz": {false, "NNP"}, "Says": {true, "VBZ"}, "Lopez": {false, "NNP"}, "Must": {true, "MD"}, "Unify": {true, "VB"}, "The": {true, "DT"}}
	for _, tok := range d.Tokens {
		if w, ok := want[tok.Text]; ok && tok.End <= d.Title.End && (tok.Lowered != w.lowered || tok.Tag != w.tag) {
			t.Errorf("%s: lowered %v tag %s, want %v %s", tok.Text, tok.Lowered, tok.Tag, w.lowered, w.tag)
		}
	}
	d = mustParse(t, "Youssef El Amrani Met Trade Minister Kenya Odhiambo.")
	for _, tok := range d.Tokens {
		if tok.Lowered {
			t.Errorf("%s lowered in a text with no headline", tok.Text)
		}
	}
}

func TestLongRunsOfMarksAreTokenizedMarkByMark(t *testing.T) {
	// A run longer than maxRun is cut at every mark, so that prose does not
	// take quadratic time peeling marks off it one by one.
	run := strings.Repeat("“", maxRun) + "word" + strings.Repeat("”", maxRun)
	d := mustParse(t, "He said "+run+" today.")
	if got, want := len(d.Tokens), 2+2*maxRun+1+2; got != want {
		t.Errorf("%d tokens, want %d", got, want)
	}
	// A run just under the limit is left to prose, with the same result.
	short := strings.Repeat("“", 10) + "word" + strings.Repeat("”", 10)
	if got := len(mustParse(t, short).Tokens); got != 21 {
		t.Errorf("%d tokens for a short run, want 21", got)
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // "" for no title
	}{
		{"headline", "Putin, Modi to hold talks in Moscow next week — Kremlin\n\nMOSCOW, July 3. Body text.", "Putin, Modi to hold talks in Moscow next week — Kremlin"},
		{"headline with one-per-line body", "Lammy upbeat on trade deal\nBody text here.\nMore text.", "Lammy upbeat on trade deal"},
		{"first paragraph is a sentence", "The talks ended.\n\nBoth sides left.", ""},
		{"a title-case headline with a full stop", "Minister Says Talks Will Resume Next Week.\n\nBody.", "Minister Says Talks Will Resume Next Week."},
		{"a source and a colon, with a full stop", "Lopez: talks will resume next week.\n\nBody.", "Lopez: talks will resume next week."},
		{"an agency's acronym and a colon", "AP: Ministry routed funds to lobbyists.\n\nBody.", "AP: Ministry routed funds to lobbyists."},
		{"a source of two words, one lower-case", "Lopez camp: the talks will resume next week.\n\nBody.", "Lopez camp: the talks will resume next week."},
		{"a source with its title and place", "Former AG Lopez at the convention: the plan fails.\n\nBody.", "Former AG Lopez at the convention: the plan fails."},
		{"a dateline and a colon is no headline", "WASHINGTON: The minister said the talks would resume next week.\n\nBody.", ""},
		{"a sentence-case lead with a full stop", "Ana Lopez held talks with her counterpart on Monday.\n\nBody.", ""},
		{"ends with a quotation", "He said “we agree”\n\nBody.", ""},
		{"ends with a colon", "Read the statement:\n\nBody.", ""},
		{"only one paragraph", "Lammy upbeat on trade deal", ""},
		{"two lines in the first paragraph", "Lammy upbeat\non trade deal\n\nBody.", ""},
		{"too long", strings.Repeat("word ", 40) + "end\n\nBody.", ""},
		{"after a byte-order mark", "\ufeffHeadline here\n\nBody.", "Headline here"},
		{"CRLF", "Headline here\r\n\r\nBody.\r\n", "Headline here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			got := ""
			if d.Title != nil {
				got = d.Text(*d.Title)
			}
			if got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFixtureTitles(t *testing.T) {
	docs := fixtures(t)
	for name, want := range map[string]string{
		"tass-guillemets":                "Putin, Modi to hold talks in Moscow next week — Kremlin",
		"british-single-quotes":          "Lammy upbeat on India trade deal after London talks",
		"newspaper-taoiseach-long-quote": "Taoiseach presses Starmer on legacy law during Downing Street visit",
		"construct-split-quotes":         "",
	} {
		src, ok := docs[name]
		if !ok {
			continue // the fixture was renamed or removed
		}
		d := mustParse(t, src)
		got := ""
		if d.Title != nil {
			got = d.Text(*d.Title)
		}
		if got != want {
			t.Errorf("%s: title = %q, want %q", name, got, want)
		}
	}
}

func TestWordsMatchParse(t *testing.T) {
	for _, phrase := range []string{"pointed out", "Korea’s", "don't", "“quoted”", "U.S.", "co-operate"} {
		words, err := Words(phrase)
		if err != nil {
			t.Fatal(err)
		}
		d := mustParse(t, phrase)
		var got []string
		for _, tok := range d.Tokens {
			got = append(got, tok.Text)
		}
		if !slices.Equal(words, got) {
			t.Errorf("Words(%q) = %q, Parse gives %q", phrase, words, got)
		}
	}
}

func TestParseHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, "Some text.\n\nMore text."); err == nil {
		t.Error("Parse with a cancelled context succeeded")
	}
}

// TestLargeInputTokensFit: from countTokensFrom bytes the tokens are
// counted before they are stored, so their array has no spare room (it is
// the largest part of a large document).
func TestLargeInputTokensFit(t *testing.T) {
	src := strings.Repeat("“We will act on this together,” Foreign Minister Jan Ek said on Monday.\n\n", countTokensFrom/70+1)
	d, err := Parse(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tokens) == 0 || cap(d.Tokens) != len(d.Tokens) {
		t.Errorf("%d tokens in an array of %d", len(d.Tokens), cap(d.Tokens))
	}
}

func TestParseWindow(t *testing.T) {
	src := "A headline line\n\nHe said \u201cyes. And no.\n"
	for _, tc := range []struct {
		base      int
		wantTitle bool
		wantWarn  string
	}{
		{0, true, "unbalanced quotation mark at byte 25"},
		{1000, false, "unbalanced quotation mark at byte 1025"},
	} {
		d, err := ParseWindow(context.Background(), src, tc.base)
		if err != nil {
			t.Fatal(err)
		}
		if (d.Title != nil) != tc.wantTitle {
			t.Errorf("base %d: title %v, want %v", tc.base, d.Title != nil, tc.wantTitle)
		}
		if len(d.Warnings) != 1 || d.Warnings[0] != tc.wantWarn {
			t.Errorf("base %d: warnings %q, want %q", tc.base, d.Warnings, tc.wantWarn)
		}
	}
}
