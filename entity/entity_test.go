package entity_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/entity"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
)

var (
	lexOnce sync.Once
	lex     *lexicon.Lexicon
	lexErr  error
)

// resolve parses text, analyses it with the built-in lexicon and
// resolves its entities.
func resolve(t testing.TB, text string) *entity.Set {
	t.Helper()
	lexOnce.Do(func() { lex, lexErr = lexicon.Default() })
	if lexErr != nil {
		t.Fatalf("lexicon.Default: %v", lexErr)
	}
	doc, err := parser.Parse(context.Background(), text)
	if err != nil {
		t.Fatalf("parser.Parse(%q): %v", text, err)
	}
	return entity.Resolve(clause.Analyze(doc, lex))
}

// describeEntity is one line on entity e:
//
//	person "Ingrid Laue" title=Chancellor aff=Germany gender=f
//	place "U.S." canonical=United States
func describeEntity(s *entity.Set, e int) string {
	en := &s.Ents[e]
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q", en.Kind, s.Name(e))
	attr := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, " %s=%s", k, v)
		}
	}
	if c := s.Canonical(e); c != s.Name(e) && en.Kind != entity.Pair && !en.City {
		attr("canonical", c)
	}
	attr("title", en.Title)
	attr("aff", en.Affiliation)
	if en.Gender != 0 {
		attr("gender", string(en.Gender))
	}
	if en.City {
		b.WriteString(" city")
	}
	return b.String()
}

// describe renders a resolution for tests: first what each NP means, in
// text order, with the sentence it is in and, for a pronoun or role noun,
// the reason of the pick; then each entity that any NP means, with its
// aliases:
//
//	s1 "She" → person "Ingrid Laue" title=Chancellor gender=f why=the latest subject it can mean
//	s1 "the talks" → none
//	s1 "the foreign ministers" → source "foreign ministers" parties=pair "A and B"
//	ent person "Ingrid Laue" title=Chancellor gender=f aliases=Ingrid Laue|She
func describe(s *entity.Set) []string {
	a := s.A
	var lines []string
	meant := map[int]bool{}
	for i := range a.NPs {
		np := &a.NPs[i]
		line := fmt.Sprintf("s%d %q → ", a.Doc.Tokens[np.First].Sentence, a.Text(np.First, np.Last))
		if e := s.Of(i); e >= 0 {
			line += describeEntity(s, e)
			meant[e] = true
		} else {
			line += "none"
		}
		if d, ok := s.Why[i]; ok {
			line += " why=" + d.Reason
		}
		if p := s.OfficePair(i); p >= 0 {
			line += " parties=" + describeEntity(s, p)
		}
		lines = append(lines, line)
	}
	for e := range s.Ents {
		if meant[e] {
			lines = append(lines, "ent "+describeEntity(s, e)+" aliases="+strings.Join(s.Ents[e].Aliases, "|"))
		}
	}
	return lines
}

// sep splits a pattern into parts that must appear, in order, in one line.
const sep = " … "

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

func anyLine(lines []string, pattern string) bool {
	for _, l := range lines {
		if matchLine(l, pattern) {
			return true
		}
	}
	return false
}

// row is a short text, the lines of describe that must be there (want)
// and the ones that must not (not). A pattern matches a line holding it;
// parts separated by " … " must appear in that order.
type row struct {
	name      string
	text      string
	want, not []string
}

func runRows(t *testing.T, rows []row) {
	t.Helper()
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			lines := describe(resolve(t, r.text))
			bad := false
			for _, w := range r.want {
				if !anyLine(lines, w) {
					t.Errorf("no line matches %s", w)
					bad = true
				}
			}
			for _, n := range r.not {
				if anyLine(lines, n) {
					t.Errorf("a line matches %s, which it must not", n)
					bad = true
				}
			}
			if bad {
				t.Logf("resolution:\n\t%s", strings.Join(lines, "\n\t"))
			}
		})
	}
}

func TestPronouns(t *testing.T) {
	runRows(t, []row{
		{name: "she and he by title holders' gender",
			text: "President Tomas Berg spoke with Chancellor Ingrid Laue. She said the talks were useful. He replied that he agreed.",
			want: []string{
				`s1 "She" → person "Ingrid Laue" title=Chancellor gender=f why=the person last named in this sentence or the one before`,
				`s2 "He" → person "Tomas Berg" title=President gender=m why=the latest subject it can mean`,
				`s2 "he" → person "Tomas Berg"`,
				`ent person "Tomas Berg" title=President gender=m aliases=Tomas Berg|He|he`,
			}},
		{name: "a reflexive coordinated with a name is the reporting subject",
			text: "Minister Ribeiro said that President Berg and herself had condemned the test, and she was willing to help.",
			want: []string{
				`s0 "herself" → person "Ribeiro" title=Minister gender=f why=a reflexive coordinated with another is the subject of the verb that reports its clause`,
				`s0 "she" → person "Ribeiro"`,
			}},
		{name: "they opening a reported clause is the plural subject of its verb of saying",
			text: "President Berg met Minister Ribeiro. Senior officials said they would review the plan.",
			want: []string{`s1 "they" → source "Senior officials"`}},
		{name: "they after a party's members who are the sentence's subject",
			text: "Senate Democrats stalled the bill because they said the wording was a trap.",
			want: []string{`s0 "they" → source "Democrats"`}},
		{name: "they for a group of the electorate named in the sentence before",
			text: "Millennials have reached a consensus on the issue. By nearly 3-1, they say the rules should change.",
			want: []string{`s1 "they" → source "Millennials"`}},
		{name: "findings by someone speak for their author",
			text: "Turnout was high, according to an analysis by the Civic Research Center.",
			want: []string{`why=a document speaks for whoever issued it`}},
		{name: "they after a singular reporting subject is left to the pronoun rules",
			text: "President Berg met Minister Ribeiro. The spokesman said they would review the plan.",
			not:  []string{`why=the plural subject of the verb of saying`}},
		{name: "a reflexive not coordinated is left to the pronoun rules",
			text: "Minister Ribeiro said that President Berg had praised himself.",
			not:  []string{`why=a reflexive coordinated`}},
		{name: "gender from given names", text: "Kenji Mori spoke with Ana Ribeiro. She thanked him.",
			want: []string{
				`s1 "She" → person "Ana Ribeiro" gender=f`,
				`s1 "him" → person "Kenji Mori" gender=m`,
			}},
		{name: "family name first", text: "Park Ji-hoon met Maria Lopez in Seoul. He said the talks were useful.",
			want: []string{`s1 "He" → person "Park Ji-hoon" gender=m`}},
		{name: "a given name written first although a faker locale lists it as a family name",
			text: "Tomasz Wróbel met Ngozi Eze in Busan. She said the meeting had been productive.",
			want: []string{`s1 "She" → person "Ngozi Eze"`},
			not:  []string{`person "Ngozi Eze" gender=m`}},
		{name: "known gender before an unknown subject",
			text: "Rafael Quintero and S. K. Rao met Tahmina Rahimova on Tuesday. She said the two guests had brought good news.",
			want: []string{`s1 "She" → person "Tahmina Rahimova" gender=f why=the person last named in this sentence or the one before whose gender fits better`}},
		{name: "he keeps an unknown subject before a known man",
			text: "Budrys invited Radoslaw Sikorski to the assembly. He said the exercises would start in May.",
			want: []string{`s1 "He" → person "Budrys"`}},
		{name: "an unknown subject of the pronoun's own sentence before a known gender",
			text: "Hana Novak said Kenya would share the data. Nguyen Thi Lan said she would restore the flights.",
			want: []string{`s1 "she" → person "Nguyen Thi Lan"`}},
		{name: "a person of unknown gender named last before a known one named earlier",
			text: "Volodymyr Zelenskyy's refusal drew statements from Senator Trump. He claimed the vote was needed.",
			want: []string{`s1 "He" → person "Trump"`}},
		{name: "he after coordinated subjects is the single person named after them",
			text: "Ivana Petrovic and Yuki Tanabe met Kenta Fujimoto in Oslo. He said the two ministers had been generous hosts.",
			want: []string{`s1 "He" → person "Kenta Fujimoto" … why=the person last named, not one of coordinated subjects`}},
		{name: "he after coordinated subjects and no one else",
			text: "Ana Costa and Liu Jianguo met in Oslo. He said the talks were useful.",
			want: []string{`s1 "He" → person "Liu Jianguo"`}},
		{name: "an object pronoun is not its own clause's subject",
			text: "Elif Yildiz's counterpart Ngozi Eze called her on Tuesday.",
			want: []string{`s0 "her" → person "Elif Yildiz"`}},
		{name: "an object pronoun is not its own clause's subject, in the next sentence",
			text: "Ana Costa met Maria Lopez in Lisbon. Lopez thanked her for the visit.",
			want: []string{`s1 "her" → person "Ana Costa"`}},
		{name: "an unknown subject when nobody's gender is known",
			text: "Tiriata Ngata met Kudzai Moyo in Bergen. She said the meeting had been productive.",
			want: []string{`s1 "She" → person "Tiriata Ngata"`}},
		{name: "a rare or place-like given name still genders its person",
			text: "Aroha Ngata met Oliver Pryce-Jones in Bergen. He said the meeting had been productive. Jamaica Brooks met Hana Novak. She said the talks were frank.",
			want: []string{`s1 "He" → person "Oliver Pryce-Jones"`, `s3 "She" → person "Jamaica Brooks"`}},
		{name: "a name mostly given to women fits he worse than a man's",
			text: "Amara Diallo met Tendai Moyo in Bergen. He said the meeting had been productive. Liu Jianguo met Amara Diallo. She said the talks were frank.",
			want: []string{`s1 "He" → person "Tendai Moyo"`, `s3 "She" → person "Amara Diallo"`}},
		{name: "a name given to both fits she worse than a known woman's",
			text: "Jean Castex met Angela Merkel in Bergen. She said the meeting had been productive.",
			want: []string{`s1 "She" → person "Angela Merkel"`}},
		{name: "according to her genders her, so he is someone else",
			text: "Trade Minister Yuki Tanabe spoke with Rafael Quintero. According to her, he said the ban would go.",
			want: []string{`s1 "her" → person "Yuki Tanabe"`, `s1 "he" → person "Rafael Quintero"`}},
		{name: "she and his in one sentence", text: "Tomas Berg met Ingrid Laue in Oslo. Berg said she had accepted his invitation.",
			want: []string{
				`s1 "Berg" → person "Tomas Berg"`,
				`s1 "she" → person "Ingrid Laue"`,
				`s1 "his" → person "Tomas Berg"`,
			}},
		{name: "his for the object", text: "Chancellor Ingrid Laue thanked President Tomas Berg for his support. She said the visit was historic.",
			want: []string{
				`s0 "his" → person "Tomas Berg"`,
				`s1 "She" → person "Ingrid Laue"`,
			}},
		{name: "she after a role", text: "Chancellor Ingrid Laue met Prime Minister Kenji Mori. The Prime Minister said that she had been generous.",
			want: []string{
				`s1 "The Prime Minister" → person "Kenji Mori"`,
				`s1 "she" → person "Ingrid Laue"`,
			}},
		{name: "I in a quotation is the speaker's, he with no man named is none",
			text: `"I will not resign," Chancellor Ingrid Laue said. "He knows that," she added.`,
			want: []string{
				`s0 "I" → none`,
				`s1 "He" → none why=no person of that gender named before`,
				`s1 "she" → person "Ingrid Laue"`,
			}},
		{name: "they for the two people named", text: "Kenji Mori spoke with Ana Ribeiro. They agreed to meet again.",
			want: []string{`s1 "They" → pair "Kenji Mori and Ana Ribeiro" why=the two people last named`}},
		{name: "they after coordinated names", text: "Prime Minister Kenji Mori called Chancellor Ingrid Laue. Mori said they agreed on energy.",
			want: []string{
				`s1 "Mori" → person "Kenji Mori" title=Prime Minister`,
				`s1 "they" → pair "Kenji Mori and Ingrid Laue"`,
			}},
		{name: "it for the institution", text: "The European Commission said it would propose new rules.",
			want: []string{`s0 "it" → org "European Commission"`}},
		{name: "him for a titled role", text: "The Foreign Ministry of Ghana said the envoy would return. The ministry's statement did not name him.",
			want: []string{`s1 "him" → source "envoy" title=Envoy`}},
	})
}

func TestRoles(t *testing.T) {
	runRows(t, []row{
		{name: "the Prime Minister after a foreign minister and a prime minister",
			text: "Foreign Minister Ana Ribeiro met Prime Minister Kenji Mori in Tokyo. The Prime Minister said the alliance was strong.",
			want: []string{
				`s1 "The Prime Minister" → person "Kenji Mori" title=Prime Minister gender=m why=the person last named whose title fits`,
				`ent person "Kenji Mori" title=Prime Minister gender=m aliases=Kenji Mori|The Prime Minister`,
			},
			not: []string{`"The Prime Minister" → person "Ana Ribeiro"`}},
		{name: "the foreign minister after a prime minister",
			text: "Prime Minister Kenji Mori met Foreign Minister Ana Ribeiro in Tokyo. The foreign minister said Brazil was ready.",
			want: []string{`s1 "The foreign minister" → person "Ana Ribeiro" title=Foreign Minister`}},
		{name: "the Secretary and the Foreign Minister",
			text: "Secretary of State Maria Lopez met Foreign Minister Yusuf Demir. The Secretary said the talks were frank. The Foreign Minister agreed.",
			want: []string{
				`s1 "The Secretary" → person "Maria Lopez" title=Secretary of State`,
				`s2 "The Foreign Minister" → person "Yusuf Demir" title=Foreign Minister`,
			}},
		{name: "the Chancellor and the minister",
			text: "Chancellor Ingrid Laue met Foreign Minister Ana Ribeiro of Brazil. The Chancellor said both sides would cooperate. The minister agreed.",
			want: []string{
				`s1 "The Chancellor" → person "Ingrid Laue"`,
				`s1 "both sides" → pair "Ingrid Laue and Ana Ribeiro"`,
				`s2 "The minister" → person "Ana Ribeiro" title=Foreign Minister aff=Brazil`,
			}},
		{name: "the minister after an apposition", text: "Amina Diallo, the foreign minister, met Rahul Mehta. The minister said the talks were useful.",
			want: []string{
				`s0 "the foreign minister" → person "Amina Diallo" title=Foreign minister`,
				`s1 "The minister" → person "Amina Diallo"`,
			}},
		{name: "a role no one holds is the role", text: "The Prime Minister said the talks were useful.",
			want: []string{`s0 "The Prime Minister" → source "Prime Minister" title=Prime Minister why=no one named with this title before: the role itself`}},
		{name: "a role named before its holder", text: "The French president wants a deal. French President Paul Girard said so on Monday.",
			want: []string{
				`s0 "The French president" → person "Paul Girard" title=President aff=France`,
				`ent person "Paul Girard" title=President aff=France gender=m aliases=Paul Girard|The French president`,
			}},
		{name: "a description in apposition is the name", text: "Kenji Mori, Japan's prime minister, said the alliance was strong.",
			want: []string{`s0 "Japan's prime minister" → person "Kenji Mori" title=Prime minister aff=Japan`}},
		{name: "a counterpart named after", text: "Kenji Mori thanked his Kenyan counterpart, Ruth Wanjiru, for the invitation.",
			want: []string{
				`s0 "his" → person "Kenji Mori"`,
				`s0 "Kenyan counterpart" → person "Ruth Wanjiru" aff=Kenya gender=f`,
			}},
		{name: "a counterpart merged with the one person of its country",
			text: "Kenji Mori met his South Korean counterpart. South Korean Foreign Minister Park Ji-hoon said the talks were frank.",
			want: []string{`s0 "South Korean counterpart" → person "Park Ji-hoon" title=Foreign Minister aff=South Korea`}},
		{name: "a description of an office is the person named before who holds it",
			text: "Ghanaian Minister for Foreign Affairs Ama Owusu arrived in Lima. On Monday, Ghana's top diplomat will travel to Quito.",
			want: []string{`s1 "top diplomat" → person "Ama Owusu" title=Minister for Foreign Affairs aff=Ghana gender=f why=the person last named who holds the office it describes (lexicon: role_descriptions)`}},
		{name: "a description of an office of another country is not the person named before",
			text: "Ghanaian Minister for Foreign Affairs Ama Owusu arrived in Lima. On Monday, Peru's top diplomat will travel to Quito.",
			not:  []string{`"top diplomat" → person "Ama Owusu"`}},
		{name: "the people of a pair act for the pair",
			text: "Foreign Minister Ali Karimi met Foreign Minister Emre Kaya. Karimi said the two countries' senior officials would hold talks in May.",
			want: []string{`s1 "senior officials" → pair "Ali Karimi and Emre Kaya" why=the people of a pair stand for the pair`}},
		{name: "the people of one country are not the pair",
			text: "Foreign Minister Ali Karimi met Foreign Minister Emre Kaya. Karimi said the country's senior officials would hold talks in May.",
			not:  []string{`"senior officials" → pair`}},
		{name: "the two countries are the countries of the people last named",
			text: "Peruvian Foreign Minister Luis Pardo met Ghanaian Foreign Minister Ama Owusu. Pardo said the two countries' senior officials would hold talks in May.",
			want: []string{`s1 "the two countries" → pair "Ghana and Peru" why=the countries of the people last named`}},
		{name: "a ministry's spokesman counts for the ministry's country",
			text: "Peruvian President Ana Soto arrived in Accra. Ghanaian Foreign Ministry Spokesman Kofi Mensah said the two nations would hold talks in May.",
			want: []string{`s1 "the two nations" → pair "Ghana and Peru" why=the countries of the people last named`}},
		{name: "both sides are the countries of the people last named (annotation guide: a country for its delegation)",
			text: "Peruvian Foreign Minister Luis Pardo met Ghanaian Foreign Minister Ama Owusu. Both sides said the talks were useful.",
			want: []string{`s1 "Both sides" → pair "Peru and Ghana" why=the countries of the people last named`}},
		{name: "both sides of people with no country are the people",
			text: "Luis Pardo met Ama Owusu. Both sides said the talks were useful.",
			want: []string{`s1 "Both sides" → pair "Luis Pardo and Ama Owusu"`}},
		{name: "a plural title with capitalised modifiers is a source, not a person", text: "The Defence Secretaries said the talks were useful.",
			want: []string{`s0 "The Defence Secretaries" → source "Defence Secretaries"`}},
		{name: "a description of an office named before its holder",
			text: "Peru's top diplomat will travel to Quito. Peruvian Foreign Minister Luis Pardo said the trip was long planned.",
			want: []string{`s0 "top diplomat" → person "Luis Pardo" title=Foreign Minister aff=Peru`}},
	})
}

func TestNamesAndPlaces(t *testing.T) {
	runRows(t, []row{
		{name: "a family name spelled with its last letter doubled is the same person",
			text: "President Ivan Petrenky met the delegation. Later, Petrenkyy said the talks were useful.",
			want: []string{`s1 "Petrenkyy" → person "Ivan Petrenky"`}},
		{name: "a family name spelled with its last letter undoubled is the same person",
			text: "President Ivan Petrenkyy met the delegation. Later, Petrenky said the talks were useful.",
			want: []string{`s1 "Petrenky" → person "Ivan Petrenkyy"`}},
		{name: "a short family name with a letter more is someone else",
			text: "President Ana Kim met the delegation. Later, Kimm said the talks were useful.",
			not:  []string{`"Kimm" → person "Ana Kim"`}},
		{name: "surname alone", text: "Prime Minister Kenji Mori called Chancellor Ingrid Laue. Mori said the call was useful.",
			want: []string{`s1 "Mori" → person "Kenji Mori" title=Prime Minister`},
			not:  []string{`ent person "Mori"`}},
		{name: "particles", text: "Ursula von der Leyen met the press. Von der Leyen said the plan would work.",
			want: []string{
				`s1 "Von der Leyen" → person "Ursula von der Leyen" gender=f`,
				`ent person "Ursula von der Leyen" gender=f aliases=Ursula von der Leyen|Von der Leyen`,
			}},
		{name: "an initial and the full name", text: "S. Jaishankar met the press. Subrahmanyam Jaishankar said the visit was useful.",
			want: []string{`ent person "Subrahmanyam Jaishankar" aliases=S. Jaishankar|Subrahmanyam Jaishankar`}},
		{name: "the U.S. and the UK", text: "The U.S. and the UK signed the accord.",
			want: []string{
				`s0 "The U.S." → place "United States" aff=United States`,
				`s0 "the UK" → place "United Kingdom" aff=United Kingdom`,
			}},
		{name: "US, Washington and the United States are one country",
			text: "Officials in Washington said the US would send aid. The United States pledged support.",
			want: []string{
				`s0 "Washington" → place "United States"`,
				`s0 "the US" → place "United States"`,
				`s1 "The United States" → place "United States"`,
				`ent place "United States" aff=United States aliases=Washington|US|United States`,
			}},
		{name: "a document names its issuer after it", text: "A communique issued by the Ghana Ports Authority said the port was open.",
			want: []string{`s0 "A communique" → org "Ghana Ports Authority"`}},
		{name: "the US alone", text: "Talks with the US resumed.",
			want: []string{`ent place "United States" aff=United States aliases=US`}},
		{name: "Britain and the UK: one country, by its gazetteer name", text: "Britain said the talks would resume. The UK added that it was hopeful.",
			want: []string{`ent place "United Kingdom" aff=United Kingdom aliases=Britain|UK`}},
		{name: "a capital is its country, never a person", text: "Beijing said the talks were constructive. Moscow added that the sanctions must end.",
			want: []string{
				`s0 "Beijing" → place "China"`,
				`s1 "Moscow" → place "Russia"`,
			},
			not: []string{`→ person`}},
		{name: "a city is a place, never a person", text: "Lugano hosted the conference.",
			want: []string{`s0 "Lugano" → place "Lugano" aff=Switzerland city`},
			not:  []string{`→ person`}},
		{name: "Florence the city and Florence the person", text: "Kenji Mori visited Florence. Florence Nakamura met him there.",
			want: []string{
				`s0 "Florence" → place "Florence" aff=Italy city`,
				`s1 "Florence Nakamura" → person "Florence Nakamura" gender=f`,
				`s1 "him" → person "Kenji Mori"`,
			}},
		{name: "Accra is Ghana", text: "Florence Mbeki met reporters in Accra.",
			want: []string{`s0 "Florence Mbeki" → person "Florence Mbeki"`, `s0 "Accra" → place "Ghana"`}},
	})
}

func TestInstitutionsAndDocuments(t *testing.T) {
	runRows(t, []row{
		{name: "the ministry is the ministry named before", text: "The Foreign Ministry issued a statement. The ministry said the envoy would return.",
			want: []string{
				`s0 "The Foreign Ministry" → org "Foreign Ministry"`,
				`s1 "The ministry" → org "Foreign Ministry"`,
			}},
		{name: "a statement speaks for its issuer", text: "The Foreign Ministry issued a statement. The statement welcomed the deal.",
			want: []string{
				`s0 "a statement" → org "Foreign Ministry" why=a document speaks for whoever issued it`,
				`s1 "The statement" → org "Foreign Ministry"`,
			}},
		{name: "a possessed statement", text: "The Foreign Ministry said the envoy would return. The ministry's statement did not name him.",
			want: []string{
				`s1 "The ministry" → org "Foreign Ministry"`,
				`s1 "statement" → org "Foreign Ministry"`,
			}},
		{name: "a readout and it", text: "The White House issued a readout. It said the call was productive.",
			want: []string{
				`s0 "The White House" → org "White House" aff=United States`,
				`s0 "a readout" → org "White House"`,
				`s1 "It" → org "White House"`,
			}},
		{name: "a readout named by its issuer", text: "According to a Kremlin readout, the talks were useful.",
			want: []string{`s0 "a Kremlin readout" → org "Kremlin"`}},
		{name: "a statement with no issuer is a document", text: "Prime Minister Kenji Mori held talks with President Amara Diallo of Senegal. In a joint statement, the two leaders pledged cooperation.",
			want: []string{`s1 "a joint statement" → document "joint statement"`}},
		{name: "the EU is the European Union", text: "The European Union and Moldova held talks. The EU said they were useful.",
			want: []string{
				`s1 "The EU" → org "European Union"`,
				`ent org "European Union" aliases=European Union|EU`,
			}},
		{name: "a capital's government", text: "The Kremlin said the call was useful.",
			want: []string{`s0 "The Kremlin" → org "Kremlin" aff=Russia`}},
		{name: "a possessed office", text: "Tomas Berg's office said the visit was postponed.",
			want: []string{`s0 "office" → source "Tomas Berg's office"`}},
		{name: "officials by their country", text: "South Korean officials said the talks were frank.",
			want: []string{`s0 "South Korean officials" → source "South Korean officials" aff=South Korea`}},
		{name: "the acronym is an alias", text: "The MEA said the visit was historic.",
			want: []string{`s0 "The MEA" → org "Ministry of External Affairs"`}},
	})
}

func TestPairs(t *testing.T) {
	runRows(t, []row{
		{name: "the two leaders", text: "President Tomas Berg met Chancellor Ingrid Laue in Oslo. The two leaders discussed energy.",
			want: []string{`s1 "The two leaders" → pair "Tomas Berg and Ingrid Laue" why=the two people last named`}},
		{name: "the two leaders and both sides are one pair",
			text: "Prime Minister Kenji Mori held talks with President Amara Diallo of Senegal. In a joint statement, the two leaders pledged cooperation. Both sides agreed to meet again.",
			want: []string{
				`s1 "the two leaders" → pair "Kenji Mori and Amara Diallo"`,
				`s2 "Both sides" → pair "Kenji Mori and Amara Diallo"`,
			}},
		{name: "a pair named in apposition", text: "Ghana and Togo sent their two leaders, John Mensah and Faure Agbeyome, to the summit.",
			want: []string{
				`s0 "two leaders" → pair "John Mensah and Faure Agbeyome"`,
				`s0 "John Mensah" → person "John Mensah"`,
				`s0 "Faure Agbeyome" → person "Faure Agbeyome"`,
			}},
		{name: "no pair without two people", text: "The two leaders met in Oslo.",
			want: []string{`s0 "The two leaders" → none why=fewer than two people named in the last 8 sentences`}},
	})
}

// TestMentions: every NP an entity lists means that entity, in text order,
// and a pair's members are the people it was made of.
func TestMentions(t *testing.T) {
	s := resolve(t, "President Tomas Berg met Chancellor Ingrid Laue in Oslo. The two leaders discussed energy. "+
		"Berg said she had accepted his invitation. The Chancellor said they would meet again.")
	for e := range s.Ents {
		en := &s.Ents[e]
		for i, np := range en.Mentions {
			if got := s.Of(np); got != e {
				t.Errorf("entity %d %q lists NP%d, which means %d", e, s.Name(e), np, got)
			}
			if i > 0 && en.Mentions[i-1] >= np {
				t.Errorf("entity %d %q: mentions %v out of order", e, s.Name(e), en.Mentions)
			}
		}
		if en.Kind == entity.Pair {
			if len(en.Members) != 2 || s.Ents[en.Members[0]].Kind != entity.Person || s.Ents[en.Members[1]].Kind != entity.Person {
				t.Errorf("pair %q: members %v", s.Name(e), en.Members)
			}
		}
	}
	if s.Of(-1) != -1 || s.Of(len(s.A.NPs)) != -1 {
		t.Errorf("Of outside the NPs is not -1")
	}
}

func TestNameWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"Ursula von der Leyen", "ursula von der leyen"},
		{"Von der Leyen", "von der leyen"},
		{"Jean-Luc Moreau", "jean luc moreau"},
		{"Kenji Mori’s", "kenji mori"},
		{"S. Jaishankar", "jaishankar"},
		{"", ""},
	} {
		if got := strings.Join(entity.NameWords(c.in), " "); got != c.want {
			t.Errorf("NameWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
