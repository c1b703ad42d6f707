package readout_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout"
	"github.com/readout/readout/record"

	"github.com/readout/readout/parser"
)

func defaultRules(t testing.TB) *readout.Rules {
	t.Helper()
	r, err := readout.DefaultRules()
	if err != nil {
		t.Fatalf("DefaultRules: %v", err)
	}
	return r
}

// convert runs the whole pipeline on src and checks the record's
// invariants.
func convert(t testing.TB, src string, rules *readout.Rules) record.Readout {
	t.Helper()
	if rules == nil {
		rules = defaultRules(t)
	}
	r, err := readout.Convert(context.Background(), []byte(src), "test.txt", rules, readout.Options{})
	if err != nil {
		t.Fatalf("Convert(%.60q): %v", src, err)
	}
	if msg := recordError(src, r); msg != "" {
		t.Fatalf("Convert(%.60q): %s", src, msg)
	}
	return r
}

// recordError returns the first way record r breaks the output contract
// for input src (record.Check), or "".
func recordError(src string, r record.Readout) string {
	if errs := record.Check(src, r); len(errs) > 0 {
		return errs[0]
	}
	return ""
}

// The tests below are one table per extractor, on sentences written for
// them. Each case names what must be found; other findings are allowed,
// so that tuning elsewhere does not break them.

type wantQuote struct {
	speaker string // "" for none
	kind    record.Kind
	cue     string
	text    string
	rule    string // a prefix: "direct", "indirect.clause"
}

func findQuote(r record.Readout, w wantQuote) bool {
	for _, q := range r.Quotes {
		sp := ""
		if q.Speaker != nil {
			sp = *q.Speaker
		}
		if sp == w.speaker && q.Kind == w.kind && q.Text == w.text && (w.cue == "" || q.Cue == w.cue) && strings.HasPrefix(q.Rule, w.rule) {
			return true
		}
	}
	return false
}

func describe(r record.Readout) string {
	var b bytes.Buffer
	_ = record.Encode(&b, "yaml", []record.Readout{r})
	return b.String()
}

func TestDirectQuotes(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want wantQuote
	}{
		{"cue after, subject first", "“We will act soon and together,” President Joe Biden said.",
			wantQuote{"Joe Biden", "direct", "said", "We will act soon and together", "direct.cue-after"}},
		{"cue after, verb first", "“We will act soon and together,” said President Joe Biden.",
			wantQuote{"Joe Biden", "direct", "said", "We will act soon and together", "direct.cue-after"}},
		{"cue after, straight marks", "\"We will act soon and together,\" President Joe Biden said.",
			wantQuote{"Joe Biden", "direct", "said", "We will act soon and together", "direct.cue-after"}},
		{"cue before, colon", "President Joe Biden said: “We will act soon and we will act together.”",
			wantQuote{"Joe Biden", "direct", "said", "We will act soon and we will act together.", "direct.cue-before"}},
		{"cue before, that", "President Joe Biden stressed that “this cooperation undermines the international order.”",
			wantQuote{"Joe Biden", "direct", "stressed", "this cooperation undermines the international order.", "direct.cue-before"}},
		{"split by the attribution", "“We will act,” President Joe Biden said after the call, “and we will act soon.”",
			wantQuote{"Joe Biden", "direct", "said", "We will act and we will act soon.", "direct.split"}},
		{"guillemets", "«The agenda is very broad and includes trade,» Kremlin Spokesman Dmitry Peskov told reporters.",
			wantQuote{"Dmitry Peskov", "direct", "told", "The agenda is very broad and includes trade", "direct.cue-after"}},
		{"single quotes", "'Trade agreements are not signed at press conferences,' Foreign Secretary David Lammy said.",
			wantQuote{"David Lammy", "direct", "said", "Trade agreements are not signed at press conferences", "direct.cue-after"}},
		{"bare quote, no attribution", "The statement ended there. “We will never accept this outcome at all.”",
			wantQuote{"", "direct", "", "We will never accept this outcome at all.", "direct.bare"}},
		{"continuation by the same speaker", "“We will act soon,” President Joe Biden said.\n\n“Nobody should doubt our resolve on this.”",
			wantQuote{"Joe Biden", "direct", "", "Nobody should doubt our resolve on this.", "direct.continuation"}},
		{"over two paragraphs", "President Joe Biden said:\n\n“We will act soon.\n\n“And we will act together.”",
			wantQuote{"", "direct", "", "We will act soon. And we will act together.", "direct"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.src, nil)
			w := tt.want
			if tt.name == "over two paragraphs" {
				// Attribution across a paragraph break is the extractor's call;
				// only the joined text is checked.
				for _, q := range r.Quotes {
					if q.Kind == "direct" && q.Text == w.text {
						return
					}
				}
				t.Fatalf("no direct quote %q in\n%s", w.text, describe(r))
			}
			if !findQuote(r, w) {
				t.Errorf("no quote %+v in\n%s", w, describe(r))
			}
		})
	}
}

func TestShortQuotationsAreNotQuotes(t *testing.T) {
	// A scare quote or a title is not a quote.
	r := convert(t, "The minister called the plan a “farce” and left.", nil)
	for _, q := range r.Quotes {
		if q.Kind == "direct" {
			t.Errorf("scare quote read as a quote: %+v", q)
		}
	}
}

func TestIndirectQuotes(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want wantQuote
	}{
		{"that-clause", "President Joe Biden said that the talks were productive.",
			wantQuote{"Joe Biden", "indirect", "said", "the talks were productive", "indirect"}},
		{"clause without that", "President Joe Biden said the talks were productive.",
			wantQuote{"Joe Biden", "indirect", "said", "the talks were productive", "indirect"}},
		{"multi-word cue", "NATO Secretary General Mark Rutte pointed out that the deployment was escalating the conflict.",
			wantQuote{"Mark Rutte", "indirect", "pointed out", "the deployment was escalating the conflict", "indirect"}},
		{"inverted", "The talks were productive, President Joe Biden said.",
			wantQuote{"Joe Biden", "indirect", "said", "The talks were productive", "indirect.inverted"}},
		{"according to, before", "According to President Joe Biden, the talks were productive.",
			wantQuote{"Joe Biden", "indirect", "According to", "the talks were productive", "indirect.according-to"}},
		{"request", "President Joe Biden urged NATO to strengthen its unity.",
			wantQuote{"Joe Biden", "indirect", "urged", "NATO to strengthen its unity", "indirect.request"}},
		// A clause whose verb stands outside the marks embeds a fragment:
		// the clause is an indirect quote (its text without the marks),
		// the fragment a direct one.
		{"embedded fragment, clause", "President Joe Biden said it was “an honor to meet the prime minister again.”",
			wantQuote{"Joe Biden", "indirect", "said", "it was an honor to meet the prime minister again", "indirect"}},
		{"embedded fragment, quote", "President Joe Biden said it was “an honor to meet the prime minister again.”",
			wantQuote{"Joe Biden", "direct", "said", "an honor to meet the prime minister again.", "direct.embedded"}},
		{"clause going on after the quote", "Lammy added that Britain would 'put its best people forward' for the final round.",
			wantQuote{"Lammy", "indirect", "added", "Britain would put its best people forward for the final round", "indirect"}},

		// News sources beyond officials: groups, common nouns, documents
		// of record, questions, and descriptions between name and verb.
		{"plural common-noun source", "Critics say the plan would raise taxes on farmers.",
			wantQuote{"Critics", "indirect", "say", "the plan would raise taxes on farmers", "indirect"}},
		{"organisation as a common noun", "The company denied that it had broken the law.",
			wantQuote{"company", "indirect", "denied", "it had broken the law", "indirect"}},
		{"according to a poll", "According to a new poll, most voters oppose the measure.",
			wantQuote{"new poll", "indirect", "According to", "most voters oppose the measure", "indirect.according-to"}},
		{"reported question", "Senator Ruth Hale asked whether the agency had reviewed the contracts.",
			wantQuote{"Ruth Hale", "indirect", "asked", "the agency had reviewed the contracts", "indirect.question"}},
		{"age after the name", "Tom Bell, 49, said the factory would close next year.",
			wantQuote{"Tom Bell", "indirect", "said", "the factory would close next year", "indirect"}},
		{"existential subject", "Democrats said there are good grounds to delay the vote.",
			wantQuote{"Democrats", "indirect", "said", "there are good grounds to delay the vote", "indirect"}},
		{"a name modifying the subject", "Political scientists say Republican enthusiasm is lower this spring.",
			wantQuote{"Political scientists", "indirect", "say", "Republican enthusiasm is lower this spring", "indirect"}},
		{"an acronym modifying the subject", "The campaign said the AP story was misleading.",
			wantQuote{"campaign", "indirect", "said", "the AP story was misleading", "indirect"}},
		{"according to records, after the clause", "Smith was arrested in 2010, according to court records.",
			wantQuote{"court records", "indirect", "according to", "Smith was arrested in 2010", "indirect.inverted"}},
		{"a news agency as a source", "Turnout was high, according to the Associated Press.",
			wantQuote{"Associated Press", "indirect", "according to", "Turnout was high", "indirect.inverted"}},
		{"a contracted is", "Berg says it's even more urgent to protect farm jobs.",
			wantQuote{"Berg", "indirect", "says", "it's even more urgent to protect farm jobs", "indirect"}},
		{"a demonstrative subject", "Lund told reporters this was the last chance to fix the budget.",
			wantQuote{"Lund", "indirect", "told", "this was the last chance to fix the budget", "indirect"}},
		{"told someone, no that", "Border agents told him he had never held a visa.",
			wantQuote{"Border agents", "indirect", "told", "he had never held a visa", "indirect.told-zero-that"}},
		{"a speech verb the tagger takes for a noun", "UN special envoy Staffan de Mistura estimates that 400,000 people have been killed.",
			wantQuote{"Staffan de Mistura", "indirect", "estimates", "400,000 people have been killed", "indirect"}},
		{"inverted, a subject with a phrase after it", "The talks will resume in Geneva, a spokesman for the ministry said.",
			wantQuote{"spokesman", "indirect", "said", "The talks will resume in Geneva", "indirect.inverted"}},
		{"speculation cue", "Analysts speculated that the bank would cut rates.",
			wantQuote{"Analysts", "indirect", "speculated", "the bank would cut rates", "indirect"}},
		{"an organisation modifying a noun after 'an'", "Turnout rose in May, according to an NBC report.",
			wantQuote{"NBC report", "indirect", "according to", "Turnout rose in May", "indirect.inverted"}},
		{"a past tense the tagger reads as a participle", "Santorum delivered paid speeches, according to court records.",
			wantQuote{"court records", "indirect", "according to", "Santorum delivered paid speeches", "indirect.inverted"}},
		{"three sources are no pair", "Lopez met Ramos on Monday. The deal is off, according to three government sources.",
			wantQuote{"three government sources", "indirect", "according to", "The deal is off", "indirect.inverted"}},
		{"a quantifier before the clause's subject", "Aides said more than 2 million donors gave to the fund.",
			wantQuote{"Aides", "indirect", "said", "more than 2 million donors gave to the fund", "indirect"}},
		{"a share given as N in M", "About four in 10 voters said they were angry with the government.",
			wantQuote{"four in 10 voters", "indirect", "said", "they were angry with the government", "indirect"}},
		{"a share noun", "A majority of voters say the economy is weak.",
			wantQuote{"majority of voters", "indirect", "say", "the economy is weak", "indirect"}},
		{"told an organisation, no that", "Ana Ribeiro told POLITICO she was likely to back Berg.",
			wantQuote{"Ana Ribeiro", "indirect", "told", "she was likely to back Berg", "indirect.told-zero-that"}},
		{"'that' as the subject of the clause", "Attorneys said that is highly unlikely.",
			wantQuote{"Attorneys", "indirect", "said", "that is highly unlikely", "indirect"}},
		{"a share of a group", "In the survey, 67 percent of voters say the economy is getting worse.",
			wantQuote{"67 percent of voters", "indirect", "say", "the economy is getting worse", "indirect"}},
		{"a plural noun not a source noun, with a phrase", "Many mourners at the service said the loss was painful.",
			wantQuote{"Many mourners", "indirect", "said", "the loss was painful", "indirect"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.src, nil)
			if !findQuote(r, tt.want) {
				t.Errorf("no quote %+v in\n%s", tt.want, describe(r))
			}
		})
	}
}

// Only the attribution outside the marks: one direct quote.
func TestOnlyTheAttributionOutsideIsOneDirectQuote(t *testing.T) {
	r := convert(t, "President Yoon Suk Yeol stressed that “South Korea will take phased countermeasures against the deployment.”", nil)
	direct := 0
	for _, q := range r.Quotes {
		if q.Kind == "indirect" {
			t.Errorf("indirect quote %q; want the direct one only\n%s", q.Text, describe(r))
		}
		direct++
	}
	if direct != 1 {
		t.Errorf("%d quotes, want one direct quote\n%s", direct, describe(r))
	}
}

// A word of the reported clause outside the marks (here its subject): the
// clause is an indirect quote, the quotation a direct one (the guide's
// hard cases; the dev corpus's gold files).
func TestClauseSubjectOutsideIsBoth(t *testing.T) {
	r := convert(t, "The ministry said India “will remain a steadfast partner of the people of Sri Lanka.”", nil)
	if !findQuote(r, wantQuote{"ministry", "indirect", "said", "India will remain a steadfast partner of the people of Sri Lanka", "indirect"}) ||
		!findQuote(r, wantQuote{"ministry", "direct", "said", "will remain a steadfast partner of the people of Sri Lanka.", "direct"}) {
		t.Errorf("want the indirect clause and the direct quotation in\n%s", describe(r))
	}
}

func TestSpeakers(t *testing.T) {
	src := "President Joe Biden spoke with Chancellor Olaf Scholz on Monday.\n\n" +
		"“We will act soon,” Biden said.\n\n" +
		"Scholz said that Germany would host the next meeting."
	r := convert(t, src, nil)
	byName := map[string]record.Speaker{}
	for _, sp := range r.Speakers {
		byName[sp.Name] = sp
	}
	biden, ok := byName["Joe Biden"]
	if !ok {
		t.Fatalf("no speaker Joe Biden in\n%s", describe(r))
	}
	if biden.Title != "President" {
		t.Errorf("Joe Biden: title %q, want President", biden.Title)
	}
	if !slices.Contains(biden.Aliases, "Biden") {
		t.Errorf("Joe Biden: aliases %q, want Biden among them", biden.Aliases)
	}
	// Every mention's evidence is a form of the name.
	for _, m := range biden.Mentions {
		if got := src[m[0]:m[1]]; got != "Joe Biden" && got != "Biden" {
			t.Errorf("Joe Biden: mention %v is %q", m, got)
		}
	}
	if _, ok := byName["Olaf Scholz"]; !ok {
		t.Errorf("no speaker Olaf Scholz in\n%s", describe(r))
	}
	// Speakers are in order of first mention.
	for i := 1; i < len(r.Speakers); i++ {
		if r.Speakers[i].Mentions[0][0] < r.Speakers[i-1].Mentions[0][0] {
			t.Errorf("speakers out of order: %q before %q", r.Speakers[i-1].Name, r.Speakers[i].Name)
		}
	}
}

// TestRelativePronounIsAMention: the relative pronoun that is the
// subject of a speech verb ("Beck, who said …") is a mention of its
// speaker; one that is the subject of another clause's verb is not made
// one for the wrong person.
func TestRelativePronounIsAMention(t *testing.T) {
	src := "Senator Ana Beck spoke on Friday. “The plan is dead,” said Beck, who said the vote would fail."
	r := convert(t, src, nil)
	for _, sp := range r.Speakers {
		if sp.Name != "Ana Beck" {
			continue
		}
		var got []string
		for _, m := range sp.Mentions {
			got = append(got, src[m[0]:m[1]])
		}
		if !slices.Contains(got, "who") {
			t.Errorf("Ana Beck: mentions %q, want the relative pronoun among them", got)
		}
		return
	}
	t.Fatalf("no speaker Ana Beck in\n%s", describe(r))
}

// TestDocumentIsNoSpeaker: a document that relays a speaker's words is
// not a speaker when its issuer is unknown (the guide names the office,
// never the document); an issuer it names is.
func TestDocumentIsNoSpeaker(t *testing.T) {
	tests := []struct{ src, want, not string }{
		{"According to the readout of the call, Minister Ana Costa said that Portugal would send grain.", "Ana Costa", "readout"},
		{"According to a statement from the foreign ministry, Minister Ana Costa said that Portugal would send grain.", "foreign ministry", "statement"},
	}
	for _, tt := range tests {
		r := convert(t, tt.src, nil)
		names := map[string]bool{}
		for _, sp := range r.Speakers {
			names[sp.Name] = true
		}
		if !names[tt.want] || names[tt.not] {
			t.Errorf("%q: speakers %v, want %q and not %q", tt.src, names, tt.want, tt.not)
		}
	}
}

// TestReportedSpeechInsideAQuotation: the speaker of reported speech
// inside a direct quote is a speaker, but only when its clause is inside
// the quotation too.
func TestReportedSpeechInsideAQuotation(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"“Our allies said that they would help,” Prime Minister Donald Tusk wrote.", "allies|Donald Tusk"}, // in order of first mention,
		{"“We will not be intimidated, and our partners understand that,” Prime Minister Donald Tusk wrote after the call.", "Donald Tusk"},
	} {
		r := convert(t, tc.src, nil)
		var names []string
		for _, sp := range r.Speakers {
			names = append(names, sp.Name)
		}
		if got := strings.Join(names, "|"); got != tc.want {
			t.Errorf("%s\nspeakers %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestPronounsResolveToTheSpeaker(t *testing.T) {
	src := "President Joe Biden met Chancellor Olaf Scholz on Monday. He said that the talks were productive."
	r := convert(t, src, nil)
	if !findQuote(r, wantQuote{"Joe Biden", "indirect", "said", "the talks were productive", "indirect"}) {
		t.Errorf("“He said” not resolved to Joe Biden:\n%s", describe(r))
	}
}

// TestAttributionAfterAQuotation: who "the President" is when two
// presidents were named.
func TestAttributionAfterAQuotation(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      wantQuote
	}{
		{"the President with no country is the latest subject with that title",
			"President Kofi Mensah announced that he had spoken with US President Joe Biden on Thursday.\n\n" +
				"The President also mentioned the call at a briefing.\n\n“We agreed to meet soon,” he said.",
			wantQuote{"Kofi Mensah", "direct", "said", "We agreed to meet soon", "direct.cue-after"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := convert(t, tc.src, nil)
			if !findQuote(r, tc.want) {
				t.Errorf("no quote %+v in\n%s", tc.want, describe(r))
			}
		})
	}
}

type wantCounterpart struct {
	parties [2]string
	channel record.Channel
	when    string
	planned bool
}

func TestCounterparts(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want wantCounterpart
	}{
		{"phone call", "President Joe Biden spoke by phone with Chancellor Olaf Scholz on Monday.",
			wantCounterpart{[2]string{"Joe Biden", "Olaf Scholz"}, "call", "on Monday", false}},
		{"meeting", "President Joe Biden met Prime Minister Keir Starmer in London on Tuesday.",
			wantCounterpart{[2]string{"Joe Biden", "Keir Starmer"}, "meeting", "on Tuesday", false}},
		{"planned visit", "President Joe Biden will visit Japan next week.",
			wantCounterpart{[2]string{"Joe Biden", "Japan"}, "meeting", "next week", true}},
		{"letter", "President Joe Biden wrote to Prime Minister Keir Starmer on Friday.",
			wantCounterpart{[2]string{"Joe Biden", "Keir Starmer"}, "letter", "on Friday", false}},
		{"talks", "Foreign Secretary David Lammy held talks with Indian Foreign Minister Subrahmanyam Jaishankar in London on Wednesday.",
			wantCounterpart{[2]string{"David Lammy", "Subrahmanyam Jaishankar"}, "talks", "on Wednesday", false}},
		{"relative clause", "The new envoy is Maria Keller, a former trade negotiator, who held talks with Prime Minister Keir Starmer.",
			wantCounterpart{[2]string{"Maria Keller", "Keir Starmer"}, "talks", "", false}},
		{"an ordinal before the infinitive tells what was done", "Chancellor Ingrid Laue is the first chancellor from Germany to visit Ghana.",
			wantCounterpart{[2]string{"Ingrid Laue", "Ghana"}, "meeting", "", false}},
		{"a group led by a named person is that person", "Prime Minister Kenji Mori received a trade delegation headed by Minister Ana Ribeiro on Friday.",
			wantCounterpart{[2]string{"Kenji Mori", "Ana Ribeiro"}, "meeting", "on Friday", false}},
		{"a call from someone, opening the sentence, is the subject's", "Following a phone call from Chancellor Ingrid Laue on Sunday, President Tomas Berg said the border would reopen.",
			wantCounterpart{[2]string{"Tomas Berg", "Ingrid Laue"}, "call", "on Sunday", false}},
		{"a hyphenated pair of countries of two words each", "The South Korea-New Zealand talks ended in Seoul on Friday.",
			wantCounterpart{[2]string{"South Korea", "New Zealand"}, "talks", "on Friday", false}},
		{"an exchange after which another came is another exchange", "President Tomas Berg met Chancellor Ingrid Laue in Oslo. The talks followed, and came after a phone call between the two on Monday.",
			wantCounterpart{[2]string{"Tomas Berg", "Ingrid Laue"}, "meeting", "", false}},
		{"the people a description of two countries' ministers names are the parties", "The trade ministers of Peru and Chile, Ana Ruiz and Tomas Berg, held talks in Lima on Monday.",
			wantCounterpart{[2]string{"Ana Ruiz", "Tomas Berg"}, "talks", "on Monday", false}},
		{"a time after the attribution's verb dates the speech, not the exchange", "Chancellor Ingrid Laue reaffirmed her support during a phone call with President Tomas Berg, her spokesman said in a statement on Wednesday.",
			wantCounterpart{[2]string{"Ingrid Laue", "Tomas Berg"}, "call", "", false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.src, nil)
			for _, c := range r.Counterparts {
				if c.Parties[0] == tt.want.parties[0] && c.Parties[1] == tt.want.parties[1] && c.Channel == tt.want.channel && c.When == tt.want.when && c.Planned == tt.want.planned {
					if c.Span[0] != 0 && !strings.Contains(tt.src[c.Span[0]:c.Span[1]], tt.want.parties[1]) {
						t.Errorf("span %v does not hold the counterpart: %q", c.Span, tt.src[c.Span[0]:c.Span[1]])
					}
					return
				}
			}
			t.Errorf("no counterpart %+v in\n%s", tt.want, describe(r))
		})
	}
}

type wantPledge struct {
	actor    string
	action   string
	strength record.Strength
}

func TestPledges(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want wantPledge
	}{
		{"pledged to", "President Joe Biden pledged to support Ukraine.", wantPledge{"Joe Biden", "support Ukraine", "commitment"}},
		{"hopes to", "President Joe Biden hopes to visit Japan soon.", wantPledge{"Joe Biden", "visit Japan soon", "intent"}},
		{"will, in a quote", "“We will act soon,” President Joe Biden said.", wantPledge{"Joe Biden", "act soon", "commitment"}},
		{"agreed, then when, then to", "President Joe Biden and Prime Minister Keir Starmer agreed in a call on Friday to boost trade.",
			wantPledge{"Joe Biden and Keir Starmer", "boost trade", "commitment"}},
		{"two countries agree together", "Japan and the U.K. agreed on Friday to resume direct flights, Foreign Minister Ana Ribeiro said.",
			wantPledge{"Japan and United Kingdom", "resume direct flights", "commitment"}},
		{"a body speaks for its organisation", "European Council President Charles Michel said the EU is ready to deepen ties with Japan.",
			wantPledge{"European Union", "deepen ties with Japan", "commitment"}},
		// the guide: an announcement is "a scheduled or decided future action stated as fact"
		{"decided to", "The two leaders, Joe Biden and Keir Starmer, decided to establish a working group on trade.",
			wantPledge{"Joe Biden and Keir Starmer", "establish a working group on trade", "announcement"}},
		{"a noun after looked forward to, with a comparative", "President Joe Biden looked forward to further joint cooperation.",
			wantPledge{"Joe Biden", "further joint cooperation", "intent"}},
		{"a first that-clause ends before a second", "Mayor Clara Voss promised that Norway would build a new bridge and that it would repair the old ferry.",
			wantPledge{"Norway", "build a new bridge", "commitment"}},
		{"a second that-clause is a pledge of its own", "Mayor Clara Voss promised that Norway would build a new bridge and that it would repair the old ferry.",
			wantPledge{"Norway", "repair the old ferry", "commitment"}},
		{"our team, in a quote", "“Our team is ready to work around the clock,” President Tomas Berg of Denmark said.",
			wantPledge{"Denmark", "work around the clock", "commitment"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.src, nil)
			for _, p := range r.Pledges {
				if p.Actor == tt.want.actor && p.Action == tt.want.action && p.Strength == tt.want.strength {
					if got := tt.src[p.Span[0]:p.Span[1]]; !strings.Contains(got, tt.want.action) {
						t.Errorf("span %v = %q does not hold the action %q", p.Span, got, tt.want.action)
					}
					return
				}
			}
			t.Errorf("no pledge %+v in\n%s", tt.want, describe(r))
		})
	}
}

// One commitment stated twice is one pledge: a speaker's own "we" is the
// side the speaker pledged for, and a pronoun restating the object
// ("recognise it") is the same action.
func TestOnePledgePerCommitment(t *testing.T) {
	tests := []struct {
		name, src string
		want      wantPledge
	}{
		{"we after the side", "Mayor Clara Voss said Norway would build a new bridge. “We will build a new bridge,” Voss said.",
			wantPledge{"Norway", "build a new bridge", "commitment"}},
		{"we before the side", "“We will build a new bridge,” Mayor Clara Voss said. She promised that Norway would build a new bridge.",
			wantPledge{"Norway", "build a new bridge", "commitment"}},
		{"a pronoun for the object", "Mayor Clara Voss said Norway would never sell the harbour. “We will never sell it,” she said.",
			wantPledge{"Norway", "never sell the harbour", "commitment"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.src, nil)
			if len(r.Pledges) != 1 {
				t.Fatalf("want one pledge, got\n%s", describe(r))
			}
			if p := r.Pledges[0]; p.Actor != tt.want.actor || p.Action != tt.want.action || p.Strength != tt.want.strength {
				t.Errorf("want %+v, got\n%s", tt.want, describe(r))
			}
		})
	}
}

// An exchange noun after a verb of tending a relationship is no exchange.
func TestRelationshipIsNoCounterpart(t *testing.T) {
	for _, src := range []string{
		"President Joe Biden said he was ready to strengthen dialogue with China.",
		"Chancellor Olaf Scholz vowed to deepen their dialogue with India.",
	} {
		if r := convert(t, src, nil); len(r.Counterparts) > 0 {
			t.Errorf("%s\ngave counterparts:\n%s", src, describe(r))
		}
	}
}

// Unnamed others coordinated with a named partner ("talks with X and
// other senior officials") are no party: the one exchange is with X.
func TestUnnamedOthersAreNoParty(t *testing.T) {
	for _, src := range []string{
		"Foreign Minister Ali Karimi held talks with President Selim Aydin and other senior officials on Monday.",
		"Prime Minister Kenji Mori met Chancellor Ingrid Laue and several ministers in Berlin.",
	} {
		r := convert(t, src, nil)
		if len(r.Counterparts) != 1 {
			t.Errorf("%s\nwant one counterpart, got:\n%s", src, describe(r))
		}
	}
}

func TestNothingToFind(t *testing.T) {
	for _, src := range []string{
		"",
		"   \n\n  ",
		"\ufeff",
		"The weather was mild on Monday. Markets closed higher.",
		"Parliament passed the budget by 80 votes to 40 on Thursday.",
		// Feelings alone are no speech act.
		"The Kenyan people feel deeply sorrowful about the loss of lives.",
	} {
		r := convert(t, src, nil)
		if len(r.Quotes)+len(r.Counterparts)+len(r.Pledges)+len(r.Speakers) != 0 {
			t.Errorf("%q: found something in\n%s", src, describe(r))
		}
	}
}

// An opening participle clause is an adverbial, not a clause the
// attribution after it reports; a question in it whose asker the article
// does not name is no quote either (the dev gold records none).
func TestParticipleClauseIsNoQuote(t *testing.T) {
	for _, src := range []string{
		"Asked whether he would run again, Senator Ruth Hale said no.",
		"When asked whether he was disappointed, Chancellor Tomas Berg said no.",
		"Pressed on the timing, the minister said nothing.",
	} {
		r := convert(t, src, nil)
		if len(r.Quotes) != 0 {
			t.Errorf("%q: found a quote in\n%s", src, describe(r))
		}
	}
}

// After an inverted attribution ("…,” said X, who …") the noun phrase is
// the verb's subject, not a clause it reports.
func TestInvertedSubjectIsNoClause(t *testing.T) {
	src := "“It is odd that nobody else is trying to help,” said Ruth Hale, who took aim at the senator."
	r := convert(t, src, nil)
	for _, q := range r.Quotes {
		if strings.HasPrefix(q.Text, "Ruth Hale") {
			t.Errorf("the subject taken for a reported clause: %+v", q)
		}
	}
	if !findQuote(r, wantQuote{"Ruth Hale", "direct", "said", "It is odd that nobody else is trying to help", "direct"}) {
		t.Errorf("no direct quote in\n%s", describe(r))
	}
}

// A title in quotation marks is no quote; a headline in title case is.
func TestTitleInMarksIsNoQuote(t *testing.T) {
	r := convert(t, "Leaders Back Deal\n\nPresident Tomas Berg said the two countries would work toward a “Free and Open Indo-Pacific.”", nil)
	for _, q := range r.Quotes {
		if q.Kind == record.Direct {
			t.Errorf("a title taken for a quote: %+v", q)
		}
	}
}

// A verb the tagger takes for a noun after a subject is still its verb.
func TestPastFormAfterSubjectIsAVerb(t *testing.T) {
	r := convert(t, "The Secretary-General met today with the President of Kenya, William Ruto.\n\nSecretary-General Ana Lima said so.", nil)
	for _, c := range r.Counterparts {
		if c.Channel == record.Meeting && slices.Contains(c.Parties, "William Ruto") {
			return
		}
	}
	t.Errorf("no meeting with William Ruto in\n%s", describe(r))
}

func TestTitleIsRecorded(t *testing.T) {
	r := convert(t, "Biden and Scholz talk trade\n\nPresident Joe Biden spoke with Chancellor Olaf Scholz.", nil)
	if r.Title != "Biden and Scholz talk trade" {
		t.Errorf("title %q", r.Title)
	}
}

func TestWarningsReachTheRecord(t *testing.T) {
	r := convert(t, "He said “we agree on this.\n\nCaf\xe9 talks.", nil)
	joined := strings.Join(r.Warnings, "\n")
	for _, w := range []string{"unbalanced quotation mark at byte 8", "invalid UTF-8 at byte"} {
		if !strings.Contains(joined, w) {
			t.Errorf("warnings %q, want %q", r.Warnings, w)
		}
	}
}

func TestConvertRejectsWhatIsNotText(t *testing.T) {
	rules := defaultRules(t)
	for name, src := range map[string][]byte{
		"UTF-16": {0xFF, 0xFE, 'H', 0, 'i', 0},
		"NUL":    []byte("a\x00b"),
		"size":   bytes.Repeat([]byte("a"), 11),
	} {
		_, err := readout.Convert(context.Background(), src, "x.txt", rules, readout.Options{MaxBytes: 10})
		var ie *parser.InputError
		if err == nil {
			t.Errorf("%s: no error", name)
		} else if !errors.As(err, &ie) {
			t.Errorf("%s: %v is not an *parser.InputError", name, err)
		}
	}
}

func TestConvertHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := readout.Convert(ctx, []byte("Some text."), "x", defaultRules(t), readout.Options{}); err == nil {
		t.Error("Convert with a cancelled context succeeded")
	}
}

// fixtureTexts returns every fixture article by name.
func fixtureTexts(t testing.TB) map[string]string {
	t.Helper()
	paths, _ := filepath.Glob("testdata/fixtures/*.txt")
	if len(paths) == 0 {
		t.Fatal("no fixtures in ../testdata/fixtures")
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

// TestFixtureRecords: every fixture's record keeps the contract.
func TestFixtureRecords(t *testing.T) {
	rules := defaultRules(t)
	for name, src := range fixtureTexts(t) {
		t.Run(name, func(t *testing.T) {
			r := convert(t, src, rules)
			for _, format := range record.Formats {
				var b bytes.Buffer
				if err := record.Encode(&b, format, []record.Readout{r}); err != nil {
					t.Fatalf("Encode %s: %v", format, err)
				}
			}
		})
	}
}

// TestExtractIsSafeConcurrently: one Rules shared by goroutines gives the
// same records as a sequential run (go test -race checks the sharing).
func TestExtractIsSafeConcurrently(t *testing.T) {
	rules := defaultRules(t)
	docs := fixtureTexts(t)
	want := map[string][]byte{}
	for name, src := range docs {
		b, err := json.Marshal(convert(t, src, rules))
		if err != nil {
			t.Fatal(err)
		}
		want[name] = b
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name, src := range docs {
				r, err := readout.Convert(context.Background(), []byte(src), "test.txt", rules, readout.Options{})
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				if b, _ := json.Marshal(r); !bytes.Equal(b, want[name]) {
					t.Errorf("%s: a concurrent run differs from the sequential one", name)
				}
			}
		}()
	}
	wg.Wait()
}

func TestEncode(t *testing.T) {
	rules := defaultRules(t)
	full := convert(t, "“We will act soon and together,” President Joe Biden said on Monday.", rules)
	empty := convert(t, "", rules)
	records := []record.Readout{full, empty}

	t.Run("yaml", func(t *testing.T) {
		var b bytes.Buffer
		if err := record.Encode(&b, "yaml", records); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Count(out, "\n---\n") != 1 {
			t.Errorf("want two YAML documents:\n%s", out)
		}
		for _, line := range []string{"speakers: []", "quotes: []", "counterparts: []", "pledges: []", "    span: ["} {
			if !strings.Contains(out, line) {
				t.Errorf("no %q in\n%s", line, out)
			}
		}
		if strings.Contains(out, "null\n") && !strings.Contains(out, "speaker: null") {
			t.Errorf("a list encoded as null:\n%s", out)
		}
	})
	t.Run("json", func(t *testing.T) {
		var b bytes.Buffer
		if err := record.Encode(&b, "json", records[:1]); err != nil {
			t.Fatal(err)
		}
		var back record.Readout
		if err := json.Unmarshal(b.Bytes(), &back); err != nil {
			t.Fatalf("one record is not a JSON object: %v", err)
		}
		if back.Quotes[0].Span != full.Quotes[0].Span || back.Quotes[0].Text != full.Quotes[0].Text {
			t.Errorf("round trip: %+v, want %+v", back.Quotes[0], full.Quotes[0])
		}
		b.Reset()
		if err := record.Encode(&b, "json", records); err != nil {
			t.Fatal(err)
		}
		var list []record.Readout
		if err := json.Unmarshal(b.Bytes(), &list); err != nil || len(list) != 2 {
			t.Fatalf("two records are not a JSON array of two: %v", err)
		}
		if !strings.Contains(b.String(), `"speakers": []`) {
			t.Errorf("empty list not written as []:\n%s", b.String())
		}
	})
	t.Run("jsonl", func(t *testing.T) {
		var b bytes.Buffer
		if err := record.Encode(&b, "jsonl", records); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("%d lines, want 2", len(lines))
		}
		for _, l := range lines {
			if !json.Valid([]byte(l)) {
				t.Errorf("not JSON: %s", l)
			}
		}
	})
	t.Run("no HTML escaping", func(t *testing.T) {
		r := convert(t, "“Growth was <2% & falling,” said President Joe Biden.", rules)
		var b bytes.Buffer
		if err := record.Encode(&b, "jsonl", []record.Readout{r}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), `\u003c`) || strings.Contains(b.String(), `\u0026`) {
			t.Errorf("HTML-escaped: %s", b.String())
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		err := record.Encode(&bytes.Buffer{}, "xml", records)
		var fe *record.FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "xml") {
			t.Errorf("Encode xml: %v", err)
		}
	})
	t.Run("deterministic", func(t *testing.T) {
		for _, format := range record.Formats {
			var a, b bytes.Buffer
			_ = record.Encode(&a, format, records)
			_ = record.Encode(&b, format, records)
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s: two encodings differ", format)
			}
		}
	})
	t.Run("write error", func(t *testing.T) {
		for _, format := range record.Formats {
			if err := record.Encode(failingWriter{}, format, records); err == nil {
				t.Errorf("%s: a failed write is not an error", format)
			}
		}
		if err := record.EncodeJSONArray(failingWriter{}, records); err == nil {
			t.Error("EncodeJSONArray: a failed write is not an error")
		}
	})
	t.Run("empty array", func(t *testing.T) {
		var b bytes.Buffer
		if err := record.EncodeJSONArray(&b, nil); err != nil || strings.TrimSpace(b.String()) != "[]" {
			t.Errorf("EncodeJSONArray(nil) = %q, %v", b.String(), err)
		}
	})
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }
