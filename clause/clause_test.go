package clause_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
)

var (
	lexOnce sync.Once
	lex     *lexicon.Lexicon
	lexErr  error
)

// defaultLex is the built-in lexicon, compiled once for the package.
func defaultLex(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lexOnce.Do(func() { lex, lexErr = lexicon.Default() })
	if lexErr != nil {
		t.Fatalf("lexicon.Default: %v", lexErr)
	}
	return lex
}

// analyze parses text and analyses it with the built-in lexicon.
func analyze(t testing.TB, text string) *clause.Analysis {
	t.Helper()
	doc, err := parser.Parse(context.Background(), text)
	if err != nil {
		t.Fatalf("parser.Parse(%q): %v", text, err)
	}
	return clause.Analyze(doc, defaultLex(t))
}

// describe renders an analysis for tests, one chunk a line in text order:
//
//	NP[titled] "Prime Minister Kenji Mori" name=Kenji Mori title=Prime Minister aff=Japan
//	VG[finite past] "said" subj="Prime Minister Kenji Mori" lemma=say
//
// Links to other chunks are written as the linked chunk's text, so that
// table rows need no indexes.
func describe(a *clause.Analysis) []string {
	var lines []string
	for _, s := range a.Doc.Sentences {
		for i := s.First; i <= s.Last; i++ {
			switch {
			case a.NPAt[i] >= 0 && a.NPs[a.NPAt[i]].First == i:
				n := int(a.NPAt[i])
				lines = append(lines, describeNP(a, n))
				i = a.NPs[n].Last
			case a.VGAt[i] >= 0 && a.VGs[a.VGAt[i]].First == i:
				v := int(a.VGAt[i])
				lines = append(lines, describeVG(a, v))
				i = a.VGs[v].Last
			}
		}
	}
	return lines
}

// npText is NP n's text, for links.
func npText(a *clause.Analysis, n int32) string {
	np := &a.NPs[n]
	return a.Text(np.First, np.Last)
}

func describeNP(a *clause.Analysis, n int) string {
	np := &a.NPs[n]
	var b strings.Builder
	fmt.Fprintf(&b, "NP[%s] %q", np.Kind, a.Text(np.First, np.Last))
	attr := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, " %s=%s", k, v)
		}
	}
	attr("name", a.Name(np))
	attr("title", np.Title)
	attr("aff", np.Affiliation)
	attr("value", np.Value)
	attr("hon", np.Honorific)
	if np.Gender != 0 {
		attr("gender", string(np.Gender))
	}
	if np.Plural {
		b.WriteString(" plural")
	}
	if np.City {
		b.WriteString(" city")
	}
	for _, l := range []struct {
		k string
		v int32
	}{{"poss", np.Possessor}, {"appos", np.Appos}, {"apposof", np.ApposOf}, {"conj", np.Conj}, {"of", np.Of}} {
		if l.v >= 0 {
			fmt.Fprintf(&b, " %s=%q", l.k, npText(a, l.v))
		}
	}
	return b.String()
}

func describeVG(a *clause.Analysis, v int) string {
	vg := &a.VGs[v]
	attrs := []string{vg.Form.String()}
	if vg.Tense != clause.NoTense {
		attrs = append(attrs, vg.Tense.String())
	}
	if vg.Modal != "" && vg.Modal != vg.Tense.String() {
		attrs = append(attrs, vg.Modal)
	}
	if vg.Negated {
		attrs = append(attrs, "negated")
	}
	if vg.Passive {
		attrs = append(attrs, "passive")
	}
	if vg.Perfect {
		attrs = append(attrs, "perfect")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "VG[%s] %q", strings.Join(attrs, " "), a.Text(vg.First, vg.Last))
	for _, l := range []struct {
		k string
		v int32
	}{{"subj", vg.Subject}, {"obj", vg.Object}, {"agent", vg.Agent}, {"rel", vg.Rel}} {
		if l.v >= 0 {
			fmt.Fprintf(&b, " %s=%q", l.k, npText(a, l.v))
		}
	}
	if vg.Inverted {
		b.WriteString(" inverted")
	}
	if vg.Coord >= 0 {
		c := &a.VGs[vg.Coord]
		fmt.Fprintf(&b, " coord=%q", a.Text(c.First, c.Last))
	}
	fmt.Fprintf(&b, " lemma=%s", vg.Lemma)
	return b.String()
}

// sep splits a pattern into parts that must appear, in order, in one line.
const sep = " … "

// matchLine reports whether line holds the parts of pattern in order.
func matchLine(line, pattern string) bool {
	for _, part := range strings.Split(pattern, sep) {
		i := strings.Index(line, part)
		if i < 0 {
			return false
		}
		line = line[i+len(part):]
	}
	return true
}

// anyLine reports whether one of lines matches pattern.
func anyLine(lines []string, pattern string) bool {
	for _, l := range lines {
		if matchLine(l, pattern) {
			return true
		}
	}
	return false
}

// checkLines fails t unless every pattern of want matches a line and no
// pattern of not does; on failure it prints the whole description.
func checkLines(t *testing.T, lines, want, not []string) {
	t.Helper()
	bad := false
	for _, w := range want {
		if !anyLine(lines, w) {
			t.Errorf("no line matches %s", w)
			bad = true
		}
	}
	for _, n := range not {
		if anyLine(lines, n) {
			t.Errorf("a line matches %s, which it must not", n)
			bad = true
		}
	}
	if bad {
		t.Logf("analysis:\n\t%s", strings.Join(lines, "\n\t"))
	}
}

// row is one sentence or short text, the lines of describe that must be
// there (want) and the ones that must not (not). A pattern matches a line
// holding it; parts separated by " … " must appear in that order.
type row struct {
	name      string
	text      string
	want, not []string
}

func runRows(t *testing.T, rows []row) {
	t.Helper()
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			checkLines(t, describe(analyze(t, r.text)), r.want, r.not)
		})
	}
}

func TestNounPhrases(t *testing.T) {
	runRows(t, []row{
		// Titles of office and the names they introduce.
		{name: "title name of country", text: "Foreign Minister Ana Ribeiro of Brazil met the Prime Minister on Tuesday.",
			want: []string{
				`NP[titled] "Foreign Minister Ana Ribeiro of Brazil" name=Ana Ribeiro title=Foreign Minister aff=Brazil`,
				`NP[role] "the Prime Minister" name=Prime Minister title=Prime Minister`,
			}},
		{name: "organisation before title", text: "NATO Secretary General Björn Lindqvist visited Kyiv.",
			want: []string{
				`NP[titled] "NATO Secretary General Björn Lindqvist" name=Björn Lindqvist title=NATO Secretary General aff=NATO`,
				`NP[place] "Kyiv" name=Kyiv aff=Ukraine value=Ukraine`,
			}},
		{name: "body of organisation before title", text: "Kenji Mori met EU Council President Álvaro Muñoz in Tokyo.",
			want: []string{`NP[titled] "EU Council President Álvaro Muñoz" name=Álvaro Muñoz title=EU Council President aff=EU Council`}},
		{name: "possessive country and capitalised title words", text: "India's External Affairs Minister Rohan Iyer met reporters.",
			want: []string{`NP[titled] "India's External Affairs Minister Rohan Iyer" name=Rohan Iyer title=External Affairs Minister aff=India`}},
		{name: "demonym before title", text: "Prime Minister Haruto Sato met Chinese Premier Zhou Lin on Monday.",
			want: []string{
				`NP[titled] "Prime Minister Haruto Sato" name=Haruto Sato title=Prime Minister`,
				`NP[titled] "Chinese Premier Zhou Lin" name=Zhou Lin title=Premier aff=China`,
			}},
		{name: "role with of-domain", text: "The President of the European Commission welcomed the deal.",
			want: []string{`NP[role] "The President of the European Commission" name=President of the European Commission title=President of the European Commission aff=European Commission`}},
		{name: "an organisation before a source noun modifies it", text: "White House officials said the visit would go ahead.",
			want: []string{`NP[common] "White House officials" aff=White House`}},
		{name: "the Vatican is an office that speaks", text: "The Vatican said the pope would travel to Iraq.",
			want: []string{`NP[org] "The Vatican" name=Vatican aff=Vatican City value=Vatican`}},
		{name: "a number after a possessive and before a verb is a noun", text: "Kenji Mori said his 757 was a great aircraft.",
			want: []string{`NP[common] "757" poss="his"`, `VG[finite past] "was" subj="757"`}},
		{name: "lower-case role", text: "Kenji Mori said the foreign secretary was ill.",
			want: []string{`NP[role] "the foreign secretary" name=foreign secretary title=Foreign secretary`}},
		{name: "role with gendered title", text: "Pope Leo met King Charles.",
			want: []string{
				`NP[titled] "Pope Leo" name=Leo title=Pope gender=m`,
				`NP[titled] "King Charles" name=Charles title=King gender=m`,
			}},
		{name: "head in a title the name follows", text: "Vice Premier Liu He met the delegation.",
			want: []string{`NP[titled] "Vice Premier Liu He" name=Liu He title=Vice Premier`},
			not:  []string{`NP[pronoun]`}},

		// Honorifics.
		{name: "Mr and Mrs", text: "Mr. Kwame Asante and Mrs. Leila Farahani attended.",
			want: []string{
				`NP[name] "Mr. Kwame Asante" name=Kwame Asante hon=Mr. gender=m conj="Mrs. Leila Farahani"`,
				`NP[name] "Mrs. Leila Farahani" name=Leila Farahani hon=Mrs. gender=f`,
			}},
		{name: "Dr says no gender", text: "Dr. Chidi Okeke said the vaccine was safe.",
			want: []string{`NP[name] "Dr. Chidi Okeke" name=Chidi Okeke hon=Dr.`},
			not:  []string{`"Dr. Chidi Okeke" … gender=`}},
		{name: "H.E.", text: "H.E. Siosaia Tupou received the delegation.",
			want: []string{`NP[name] "H.E. Siosaia Tupou" name=Siosaia Tupou hon=H.E.`}},
		{name: "H.E. before Sheikh, both honorifics", text: "Mr. Tanaka spoke with H.E. Sheikh Hamad bin Khalid.",
			want: []string{
				`NP[name] "Mr. Tanaka" name=Tanaka hon=Mr. gender=m`,
				`NP[name] "H.E. Sheikh Hamad bin Khalid" name=Hamad bin Khalid hon=Sheikh gender=m`,
			}},
		{name: "feminine honorific", text: "Sheikha Mariam Al-Thani spoke to reporters.",
			want: []string{`NP[name] "Sheikha Mariam Al-Thani" name=Mariam Al-Thani hon=Sheikha gender=f`}},
		{name: "honorific then post-title", text: "Mr. Hart MP said the bill would pass.",
			want: []string{
				`NP[name] "Mr. Hart MP" name=Hart title=MP hon=Mr. gender=m`,
				`VG[finite past] "said" subj="Mr. Hart MP"`,
			}},

		// Names: particles, initials, many languages.
		{name: "particles", text: "Ursula von der Leyen said the talks were useful.",
			want: []string{
				`NP[name] "Ursula von der Leyen" name=Ursula von der Leyen`,
				`VG[finite past] "said" subj="Ursula von der Leyen"`,
			}},
		{name: "bin", text: "Mohammed bin Salman met Jens Müller in Riyadh.",
			want: []string{
				`NP[name] "Mohammed bin Salman" name=Mohammed bin Salman`,
				`NP[name] "Jens Müller" name=Jens Müller`,
				`NP[place] "Riyadh" name=Riyadh aff=Saudi Arabia value=Saudi Arabia`,
			}},
		{name: "initial", text: "S. Jaishankar met his counterpart in New Delhi.",
			want: []string{
				`NP[name] "S. Jaishankar" name=S. Jaishankar`,
				`NP[place] "New Delhi" name=New Delhi aff=India`,
			}},
		{name: "hyphenated given name", text: "Jean-Luc Moreau said the French side would help.",
			want: []string{
				`NP[name] "Jean-Luc Moreau" name=Jean-Luc Moreau`,
				`NP[common] "the French side" aff=France`,
			}},
		{name: "family name first", text: "Tanaka met Park Ji-hoon, Kim Soo-jin and Lee Min-ho.",
			want: []string{
				`NP[name] "Park Ji-hoon" name=Park Ji-hoon conj="Kim Soo-jin"`,
				`NP[name] "Kim Soo-jin" name=Kim Soo-jin conj="Lee Min-ho"`,
				`NP[name] "Lee Min-ho" name=Lee Min-ho`,
			}},
		{name: "three-word name", text: "Oksana Kovalenko and Nguyen Van An signed the memorandum.",
			want: []string{
				`NP[name] "Oksana Kovalenko" name=Oksana Kovalenko conj="Nguyen Van An"`,
				`NP[name] "Nguyen Van An" name=Nguyen Van An`,
			}},

		// Apposition.
		{name: "name, possessive role,", text: "Kenji Mori, Japan's prime minister, said the alliance was strong.",
			want: []string{
				`NP[name] "Kenji Mori" name=Kenji Mori title=Prime minister aff=Japan appos="Japan's prime minister"`,
				`NP[role] "Japan's prime minister" … apposof="Kenji Mori"`,
				`VG[finite past] "said" subj="Kenji Mori"`,
			}},
		{name: "name, role of organisation,", text: "Eero Virtanen, President of the European Commission, said the plan was ready.",
			want: []string{
				`NP[name] "Eero Virtanen" name=Eero Virtanen title=President of the European Commission aff=European Commission appos="President of the European Commission"`,
				`VG[finite past] "said" subj="Eero Virtanen"`,
			}},
		{name: "role, name,", text: "The Emir of Qatar, Sheikh Tamim bin Hamad, met the delegation.",
			want: []string{
				`NP[role] "The Emir of Qatar" name=Emir of Qatar title=Emir of Qatar aff=Qatar gender=m appos="Sheikh Tamim bin Hamad"`,
				`NP[name] "Sheikh Tamim bin Hamad" … apposof="The Emir of Qatar"`,
			}},
		{name: "apposition then coordination", text: "Kenji Mori, the Japanese prime minister, and Ana Ribeiro met on Monday.",
			want: []string{
				`NP[name] "Kenji Mori" name=Kenji Mori title=Prime minister aff=Japan appos="the Japanese prime minister" conj="Ana Ribeiro"`,
				`VG[finite past] "met" subj="Kenji Mori"`,
			}},

		// Coordination and possession.
		{name: "and his counterpart NAME", text: "Kenji Mori and his Brazilian counterpart Ana Ribeiro discussed trade.",
			want: []string{
				`NP[name] "Kenji Mori" name=Kenji Mori conj="Brazilian counterpart"`,
				`NP[pronoun] "his" value=he gender=m`,
				`NP[common] "Brazilian counterpart" aff=Brazil poss="his" appos="Ana Ribeiro"`,
				`NP[name] "Ana Ribeiro" name=Ana Ribeiro apposof="Brazilian counterpart"`,
				`VG[finite past] "discussed" subj="Kenji Mori" obj="trade"`,
			}},
		{name: "list of organisations and places", text: "The European Union, NATO and Ghana issued a statement.",
			want: []string{
				`NP[org] "The European Union" name=European Union value=European Union conj="NATO"`,
				`NP[org] "NATO" name=NATO value=NATO conj="Ghana"`,
				`NP[place] "Ghana" name=Ghana aff=Ghana value=Ghana`,
				`VG[finite past] "issued" subj="The European Union" obj="a statement"`,
			}},
		{name: "possessive name", text: "Haruto Sato's office said the visit was postponed.",
			want: []string{
				`NP[name] "Haruto Sato" name=Haruto Sato`,
				`NP[common] "office" poss="Haruto Sato"`,
				`VG[finite past] "said" subj="office"`,
				`VG[finite past passive] "was postponed" subj="the visit"`,
			}},
		{name: "possessive pronoun", text: "Kenji Mori's office said her counterpart would visit.",
			want: []string{
				`NP[pronoun] "her" value=she gender=f`,
				`NP[common] "counterpart" poss="her"`,
				`VG[finite conditional] "would visit" subj="counterpart"`,
			}},
		{name: "of complement", text: "The next round of talks will be held in Belfast, Northern Ireland.",
			want: []string{
				`NP[common] "talks" plural of="The next round"`,
				`VG[finite future passive] "will be held" subj="The next round"`,
				`NP[place] "Northern Ireland" name=Northern Ireland`,
			}},
		{name: "two places coordinated that share the rest of their name", text: "Officials from East and West Germany met in Vienna.",
			want: []string{
				`NP[place] "East" name=East aff=East Germany value=East Germany conj="West Germany"`,
			}},
		{name: "a word coordinated with a place is no place when the two do not make one", text: "Officials from Lima and North Korea met in Vienna.",
			not: []string{`value=Lima Korea`}},

		// Pairs.
		{name: "the two leaders, both sides", text: "The two leaders agreed that both sides would continue talks.",
			want: []string{
				`NP[pair] "The two leaders" plural`,
				`NP[pair] "both sides" plural`,
				`VG[finite conditional] "would continue" subj="both sides" obj="talks"`,
			}},
		{name: "both Presidents", text: "Aigerim Nurlanovna thanked both Presidents.",
			want: []string{`VG[finite past] "thanked" subj="Aigerim Nurlanovna" obj="both Presidents"`, `NP[pair] "both Presidents" plural`}},
		{name: "the two ministers", text: "The two ministers met in Rome.",
			want: []string{`NP[pair] "The two ministers" plural`, `VG[finite past] "met" subj="The two ministers"`}},
		{name: "pair as passive agent", text: "The agreement was signed by both ministers.",
			want: []string{`NP[pair] "both ministers" plural`, `VG[finite past passive] "was signed" subj="The agreement" agent="both ministers"`}},

		// Organisations and places.
		{name: "country short forms", text: "The U.S. and the UK signed the accord.",
			want: []string{
				`NP[place] "The U.S." name=U.S. aff=United States value=United States conj="the UK"`,
				`NP[place] "the UK" name=UK aff=United Kingdom value=United Kingdom`,
			}},
		{name: "US as a modifier", text: "The accord was welcomed by US officials.",
			want: []string{`NP[common] "US officials" aff=United States plural`},
			not:  []string{`NP[pronoun]`}},
		{name: "the US after a preposition", text: "Talks with the US resumed.",
			want: []string{`NP[place] "the US" name=US aff=United States value=United States`, `VG[finite past] "resumed" subj="Talks"`}},
		{name: "acronym of the gazetteer", text: "The MEA said the visit was historic.",
			want: []string{`NP[org] "The MEA" name=MEA aff=India value=Ministry of External Affairs`}},
		{name: "body of an organisation", text: "NATO's North Atlantic Council met on Friday.",
			want: []string{`NP[org] "NATO's North Atlantic Council" name=NATO's North Atlantic Council aff=NATO`}},
		{name: "lower-case body", text: "The Bundestag's foreign affairs committee approved the plan.",
			want: []string{`NP[org] "The Bundestag's foreign affairs committee" name=Bundestag's foreign affairs committee aff=Bundestag`}},
		{name: "institution run with and", text: "The Political and Security Committee met in Brussels.",
			want: []string{
				`NP[org] "The Political and Security Committee" name=Political and Security Committee`,
				`NP[place] "Brussels" name=Brussels aff=Belgium value=Belgium`,
			}},
		{name: "demonym and source noun", text: "South Korean officials said the Chinese side had agreed.",
			want: []string{
				`NP[common] "South Korean officials" aff=South Korea plural`,
				`NP[common] "the Chinese side" aff=China`,
				`VG[finite past perfect] "had agreed" subj="the Chinese side"`,
			}},
		{name: "city and source noun", text: "Richmond police said the road was closed.",
			want: []string{`NP[common] "Richmond police" name=Richmond plural`, `VG[finite past] "said" subj="Richmond police"`}},
		{name: "capital", text: "Farah Haddad could visit Cairo next month.",
			want: []string{`NP[place] "Cairo" name=Cairo aff=Egypt value=Egypt`}},
		{name: "prize is a thing", text: "Kofi Mensah won the Nobel Peace Prize.",
			want: []string{`NP[thing] "Nobel Peace Prize" name=Nobel Peace Prize`},
			not:  []string{`NP[name] "Nobel`}},

		// Cities that look like names.
		{name: "Florence the person", text: "Florence Mbeki met reporters in Accra.",
			want: []string{
				`NP[name] "Florence Mbeki" name=Florence Mbeki`,
				`NP[place] "Accra" name=Accra aff=Ghana value=Ghana`,
			},
			not: []string{`NP[place] "Florence`}},
		{name: "Florence the city", text: "The delegation visited Florence.",
			want: []string{`NP[place] "Florence" name=Florence aff=Italy value=Florence city`}},
		{name: "Nancy after to", text: "The minister travelled to Nancy on Friday.",
			want: []string{`NP[place] "Nancy" name=Nancy aff=France value=Nancy city`}},
		{name: "Nancy the person", text: "Nancy Ortega arrived in Geneva on Monday.",
			want: []string{`NP[name] "Nancy Ortega" name=Nancy Ortega`, `NP[place] "Geneva" … city`},
			not:  []string{`NP[place] "Nancy`}},
		{name: "city named after a person is a place", text: "Lugano hosted the conference.",
			want: []string{`NP[place] "Lugano" name=Lugano aff=Switzerland`}},

		// Pronouns.
		{name: "she and he", text: "She said he would attend.",
			want: []string{
				`NP[pronoun] "She" value=she gender=f`,
				`NP[pronoun] "he" value=he gender=m`,
				`VG[finite conditional] "would attend" subj="he"`,
			}},
		{name: "they and it", text: "They said it was useful.",
			want: []string{`NP[pronoun] "They" value=they plural`, `NP[pronoun] "it" value=it`},
			not:  []string{`"it" … gender=`}},
		{name: "we in a quotation", text: `"We will not back down," said Defence Minister Olga Petrenko.`,
			want: []string{
				`NP[pronoun] "We" value=we plural`,
				`NP[titled] "Defence Minister Olga Petrenko" name=Olga Petrenko title=Defence Minister`,
			}},
	})
}

func TestVerbGroups(t *testing.T) {
	runRows(t, []row{
		// Tense and modality.
		{name: "present", text: "Kenji Mori says the talks are going well.",
			want: []string{
				`VG[finite present] "says" subj="Kenji Mori" … lemma=say`,
				`VG[finite present] "are going" subj="the talks" lemma=go`,
			}},
		{name: "past", text: "Ngozi Adeyemi said the government will review the plan.",
			want: []string{
				`VG[finite past] "said" subj="Ngozi Adeyemi"`,
				`VG[finite future] "will review" subj="the government" obj="the plan" lemma=review`,
			}},
		{name: "shall", text: "The envoy shall return next week.",
			want: []string{`VG[finite future] "shall return" subj="The envoy" lemma=return`}},
		{name: "conditional", text: "Japan would recognise the result and keep its envoy in Seoul.",
			want: []string{
				`VG[finite conditional] "would recognise" subj="Japan" obj="the result"`,
				// The modal goes on to the coordinated bare verb.
				`VG[finite conditional] "keep" subj="Japan" obj="envoy" coord="would recognise"`,
			}},
		{name: "obligation", text: "The government should consider new measures.",
			want: []string{`VG[finite present obligation] "should consider" subj="The government" obj="new measures"`}},
		{name: "possibility", text: "Farah Haddad could visit Cairo next month.",
			want: []string{`VG[finite present possibility] "could visit" subj="Farah Haddad" obj="Cairo"`}},
		{name: "may", text: "Officials may announce the decision today.",
			want: []string{`VG[finite present possibility] "may announce" subj="Officials" obj="the decision"`}},
		{name: "perfect", text: "Tomas Berg has visited Oslo twice.",
			want: []string{`VG[finite present perfect] "has visited" subj="Tomas Berg" obj="Oslo" lemma=visit`},
			not:  []string{`passive`}},

		// Negation.
		{name: "would never", text: "Minister Lars Holm would never recognise the annexation.",
			want: []string{`VG[finite conditional negated] "would never recognise" subj="Minister Lars Holm" obj="the annexation" lemma=recognize`}},
		{name: "did not", text: "The ministry did not respond.",
			want: []string{`VG[finite past negated] "did not respond" subj="The ministry" lemma=respond`}},
		{name: "did not, then a prepositional phrase", text: "Officials did not comment on the report.",
			want: []string{`VG[finite past negated] "did not comment" subj="Officials" lemma=comment`}},
		{name: "won't", text: "Ghana won't attend the summit.",
			want: []string{`VG[finite future negated] "won't attend" subj="Ghana" obj="the summit"`}},
		{name: "doesn't", text: "The minister doesn't support the plan.",
			want: []string{`VG[finite present negated] "doesn't support" subj="The minister" obj="the plan"`}},
		{name: "has not", text: "Ahmed Al-Mansouri signed the accord, but Leila Farahani has not signed it.",
			want: []string{
				`VG[finite past] "signed" subj="Ahmed Al-Mansouri"`,
				`VG[finite present negated perfect] "has not signed" subj="Leila Farahani" obj="it"`,
			}},
		{name: "after a semicolon", text: "Ana Ribeiro said that Brazil was ready; she did not elaborate.",
			want: []string{`VG[finite past negated] "did not elaborate" subj="she"`}},
		{name: "will not, quoted", text: `"We will not back down," said Defence Minister Olga Petrenko.`,
			want: []string{`VG[finite future negated] "will not back" subj="We"`}},

		// Voice.
		{name: "was told", text: "Chancellor Ingrid Laue was told of the decision on Monday.",
			want: []string{`VG[finite past passive] "was told" subj="Chancellor Ingrid Laue" lemma=tell`}},
		{name: "were told to", text: "The ministers were told to wait.",
			want: []string{
				`VG[finite past passive] "were told" subj="The ministers"`,
				`VG[infinitive] "to wait" subj="The ministers"`,
			}},
		{name: "is being held", text: "The summit is being held in Geneva.",
			want: []string{`VG[finite present passive] "is being held" subj="The summit" lemma=hold`}},
		{name: "got elected", text: "Ingrid Laue got elected last year.",
			want: []string{`VG[finite past passive] "got elected" subj="Ingrid Laue"`}},
		{name: "modal passive with agent", text: "The treaty would have been signed by the ministers.",
			want: []string{`VG[finite conditional passive] "would have been signed" subj="The treaty" agent="the ministers"`}},
		{name: "participle with agent", text: "The consensus reached by the two sides is fragile.",
			want: []string{
				`VG[participle] "reached" subj="The consensus" agent="the two sides"`,
				`VG[finite present] "is" subj="The consensus"`,
			}},

		// Infinitives and control.
		{name: "subject control", text: "The Prime Minister vowed to send more aid.",
			want: []string{
				`VG[finite past] "vowed" subj="The Prime Minister" lemma=vow`,
				`VG[infinitive] "to send" subj="The Prime Minister" obj="more aid" lemma=send`,
			}},
		{name: "object control by a request verb", text: "President Tomas Berg urged NATO to strengthen its eastern flank.",
			want: []string{
				`VG[finite past] "urged" subj="President Tomas Berg" obj="NATO"`,
				`VG[infinitive] "to strengthen" subj="NATO" obj="eastern flank"`,
			}},
		{name: "purpose infinitive", text: "Mori will travel to Ottawa to meet Prime Minister Claire Dubois.",
			want: []string{
				`VG[finite future] "will travel" subj="Mori"`,
				`VG[infinitive] "to meet" subj="Mori" obj="Prime Minister Claire Dubois"`,
			}},
		{name: "coordinated bare infinitive", text: "Officials agreed to support and encourage the process.",
			want: []string{
				`VG[infinitive] "to support" subj="Officials"`,
				`VG[infinitive] "encourage" subj="Officials" obj="the process" coord="to support"`,
			}},
		{name: "coordinated to-infinitives", text: "Amina Diallo promised to visit Dakar and to meet the president.",
			want: []string{
				`VG[infinitive] "to visit" subj="Amina Diallo" obj="Dakar"`,
				`VG[infinitive] "to meet" subj="Amina Diallo" obj="the president"`,
			}},
		{name: "passive then infinitive", text: "The minister is expected to visit Lima.",
			want: []string{`VG[finite present passive] "is expected" subj="The minister"`, `VG[infinitive] "to visit" subj="The minister" obj="Lima"`}},

		// Gerunds.
		{name: "adding after a comma", text: "Mateo Silva praised the agreement, adding that it would help farmers.",
			want: []string{
				`VG[gerund] "adding" subj="Mateo Silva" lemma=add`,
				`VG[finite conditional] "would help" subj="it" obj="farmers"`,
			}},
		{name: "adding after said", text: "Chen Wei said that the embargo would end, adding that trade would recover.",
			want: []string{`VG[gerund] "adding" subj="Chen Wei"`}},
		{name: "opening participle", text: "Speaking to reporters, Ana Ribeiro said the deal was fair.",
			want: []string{`VG[gerund] "Speaking" subj="Ana Ribeiro" lemma=speak`}},
		{name: "opening participle with a clause", text: "Noting that trade had grown, Chen Wei praised the accord.",
			want: []string{`VG[gerund] "Noting" subj="Chen Wei"`, `VG[finite past] "praised" subj="Chen Wei" obj="the accord"`}},

		// Inversion.
		{name: "said the minister", text: "The talks were productive, said the minister.",
			want: []string{
				`VG[finite past] "were" subj="The talks"`,
				`VG[finite past] "said" subj="the minister" inverted`,
			}},
		{name: "said NAME after a quotation", text: `"The talks were useful," said Kenji Mori on Monday.`,
			want: []string{`VG[finite past] "said" subj="Kenji Mori" inverted`}},
		{name: "NAME said after a quotation is not inverted", text: `"We will not back down," Olga Petrenko said.`,
			want: []string{`VG[finite past] "said" subj="Olga Petrenko"`},
			not:  []string{`inverted`}},

		// Subjects across relative clauses, appositions, coordination.
		{name: "relative clause", text: "The ambassador, who arrived on Monday, met President Tomas Berg.",
			want: []string{
				`VG[finite past] "arrived" subj="The ambassador" rel="The ambassador"`,
				`VG[finite past] "met" subj="The ambassador" obj="President Tomas Berg"`,
			}},
		{name: "relative clause with an object", text: "Kenji Mori, who met Ana Ribeiro on Monday, said the talks were useful.",
			want: []string{
				`VG[finite past] "met" subj="Kenji Mori" obj="Ana Ribeiro" rel="Kenji Mori"`,
				`VG[finite past] "said" subj="Kenji Mori" obj="the talks"`,
			}},
		{name: "relative clause, perfect", text: "The minister, who had arrived on Monday, said the talks were useful.",
			want: []string{`VG[finite past perfect] "had arrived" subj="The minister"`, `VG[finite past] "said" subj="The minister"`}},
		{name: "apposition", text: "Priya Raman, the foreign secretary, said relations were strong.",
			want: []string{`VG[finite past] "said" subj="Priya Raman"`, `VG[finite past] "were" subj="relations"`}},
		{name: "apposition before the verb", text: "Ana Ribeiro, Brazil's foreign minister, met Kenji Mori.",
			want: []string{`VG[finite past] "met" subj="Ana Ribeiro" obj="Kenji Mori"`}},
		{name: "coordinated subjects", text: "Ana Ribeiro and Kenji Mori said they would meet again.",
			want: []string{`VG[finite past] "said" subj="Ana Ribeiro"`, `VG[finite conditional] "would meet" subj="they"`}},
		{name: "coordinated verbs share a subject", text: "The leaders discussed security and agreed to meet again.",
			want: []string{
				`VG[finite past] "discussed" subj="The leaders" obj="security"`,
				`VG[finite past] "agreed" subj="The leaders" coord="discussed"`,
				`VG[infinitive] "to meet" subj="The leaders"`,
			}},
		{name: "subject past a time", text: "Minister Kofi Mensah said on Monday that Ghana would host the summit.",
			want: []string{`VG[finite past] "said" subj="Minister Kofi Mensah"`, `VG[finite conditional] "would host" subj="Ghana" obj="the summit"`}},
		{name: "subject past a prepositional phrase", text: "Talks between the two leaders ended on Friday.",
			want: []string{`VG[finite past] "ended" subj="Talks"`}},
	})
}

// TestMatchLine: the table helpers match what they say they match, so a
// row cannot pass by accident.
func TestMatchLine(t *testing.T) {
	line := `VG[finite past] "joined" subj="Kenji Mori" obj="the talks" lemma=join`
	for _, c := range []struct {
		pattern string
		want    bool
	}{
		{`VG[finite past] "joined"`, true},
		{`VG[finite past] "joined" … lemma=join`, true},
		{`"joined" … subj="Kenji Mori" … obj="the talks"`, true},
		{`obj="the talks" … subj="Kenji Mori"`, false},
		{`VG[finite present]`, false},
		{`subj="Kenji"`, false}, // a link names its NP whole
		{`subj="Mori"`, false},
	} {
		if got := matchLine(line, c.pattern); got != c.want {
			t.Errorf("matchLine(%q) = %v, want %v", c.pattern, got, c.want)
		}
	}
	a := analyze(t, "Kenji Mori joined the talks.")
	if got := describe(a); len(got) != 3 || !anyLine(got, line) {
		t.Errorf("describe = %q, want 3 lines with %q", got, line)
	}
}
