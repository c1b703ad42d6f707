package clause_test

import (
	"testing"

	"github.com/readout/readout/clause"
)

// tokenAfter is the token after the first token written word, or -1.
func tokenAfter(a *clause.Analysis, word string) int {
	for i := range a.Doc.Tokens {
		if a.Words[i] == word {
			return i + 1
		}
	}
	return -1
}

// vgNamed is the first verb group whose text is text, or -1.
func vgNamed(a *clause.Analysis, text string) int {
	for v := range a.VGs {
		if a.Text(a.VGs[v].First, a.VGs[v].Last) == text {
			return v
		}
	}
	return -1
}

func TestClauseEnd(t *testing.T) {
	for _, c := range []struct {
		name, text string
		after      string // the clause starts after the first token written so ("": at the first token)
		want       string // the clause's text
	}{
		{"sentence end", "Kenji Mori said that the talks were useful.",
			"that", "the talks were useful"},
		{"before X said", "Kenji Mori said that the talks were useful, Japanese officials said.",
			"that", "the talks were useful"},
		{"before a comma, but and a clause of its own", "Ana Ruiz has said she will vote for Berg, but she has not endorsed him.",
			"said", "she will vote for Berg"},
		{"but without a subject of its own goes on", "Ana Ruiz said the plan was costly, but worth it.",
			"said", "the plan was costly, but worth it"},
		{"a request's clause before the speaker's next speech act", "Ana Ruiz called on the senator to resign and said he had lied.",
			"on", "the senator to resign"},
		{"before a dash and the speaker's next speech act", "Ana Ruiz says the fund took $200 from banks and “nothing is wrong with that” — asserting that gifts buy nothing.",
			"says", "the fund took $200 from banks and “nothing is wrong with that"},
		{"before a name said", "The talks will resume next week, Lopez said.",
			"", "The talks will resume next week"},
		{"before according to", "The minister said that relations would improve, according to the readout.",
			"that", "relations would improve"},
		{"before a semicolon", "Ana Ribeiro said that Brazil was ready; she did not elaborate.",
			"that", "Brazil was ready"},
		{"before her office said", "Ingrid Laue believes that the treaty must be ratified, her office said.",
			"that", "the treaty must be ratified"},
		{"before adding that", "Chen Wei said that the embargo would end, adding that trade would recover.",
			"that", "the embargo would end"},
		{"before adding that, the comma inside the marks", "Chen Wei said that the embargo “would end soon,” adding that trade would recover.",
			"that", "the embargo “would end soon"},
		{"a fronted phrase before the clause's subject", "Chen Wei noted that during the visit, the sides agreed to hold talks.",
			"that", "during the visit, the sides agreed to hold talks"},
		{"second that to the end", "Chen Wei said that the embargo would end, adding that trade would recover.",
			"adding", "that trade would recover"},
		{"before said the minister", "Talks were productive, said the minister.",
			"", "Talks were productive"},
		{"before while X said", "Amina Diallo said that the plan was sound, while Rahul Mehta said it was costly.",
			"that", "the plan was sound"},
		{"coordination inside the clause stays", "The Prime Minister said that Japan would not recognise the annexation and would keep its sanctions.",
			"that", "Japan would not recognise the annexation and would keep its sanctions"},
		{"before the speaker's second verb", "Tomas Berg said that it is encouraging and called for calm.",
			"that", "it is encouraging"},
		{"before he added", "Kofi Mensah said Ghana would host the summit, and he added that preparations had begun.",
			"said", "Ghana would host the summit"},
		{"an opening participle's clause ends before the main clause", "Saying the roads were closed, Mayor Ada Fisher cancelled the parade.",
			"Saying", "the roads were closed"},
		{"an opening participle's clause goes on past a description", "Saying the roads, which had flooded, were closed, the mayor cancelled the parade.",
			"Saying", "the roads, which had flooded, were closed"},
		{"before a coordinated speech verb of the speaker", "Ana Ribeiro said she has released her tax returns and called on Tomas Berg to do the same.",
			"said", "she has released her tax returns"},
		{"before a comma list of the speaker's speech acts", "Ana Ribeiro suggested the mayor was behind the delay, criticized him in public and boycotted the hearing.",
			"suggested", "the mayor was behind the delay"},
		{"a list of the clause's own verbs stays", "Ana Ribeiro said the gunman entered the club, opened fire and killed four people.",
			"said", "the gunman entered the club, opened fire and killed four people"},
		{"before a pronoun subject and a speech act", "Tomas Berg said the agency had hacked the servers and he accused Ana Ribeiro of lying.",
			"said", "the agency had hacked the servers"},
		{"before a verb in the reporting tense after a clause in another", "Ana Ribeiro said the firm has closed the accounts and was reviewing others.",
			"said", "the firm has closed the accounts"},
		{"a gerund's clause ends before a second gerund of speech", "Critics quoted Berg acknowledging that the plan had failed but warning that cuts would follow.",
			"that", "the plan had failed"},
		{"before a dash and a concession", "Ana Ribeiro said the plan would fail - though others disagreed.",
			"said", "the plan would fail"},
		{"a reason clause after in part stays", "Tomas Berg said the plan failed, in part, because the council refused to pay.",
			"said", "the plan failed, in part, because the council refused to pay"},
		{"before a relative clause of speech", "Tomas Berg said he would repeal the Harbor Act, which he declared a disaster for the city.",
			"said", "he would repeal the Harbor Act"},
		{"a relative clause of speech inside the clause stays", "Tomas Berg said the rule, which officials announced in May, will take effect soon.",
			"said", "the rule, which officials announced in May, will take effect soon"},
		{"an opening adverbial clause's report ends before the main clause", "Although Berg claimed that the age of cheap loans was over, Ruiz won the vote.",
			"that", "the age of cheap loans was over"},
		{"but and a clause whose subject has a modifier", "Berg speculated that he might lose the vote, but the turnout in the city was higher than forecast.",
			"that", "he might lose the vote"},
		{"but, a phrase set off by a comma and a clause", "Berg says the letters were personal, but for his rivals, they are proof of a cover-up.",
			"says", "the letters were personal"},
		{"but and a predicate without a subject goes on", "Berg said the plan was costly, but worth it.",
			"said", "the plan was costly, but worth it"},
		{"an opening adverbial clause after a conjunction, the main clause's subject modified", "And, while Berg boasts that he has no donors, a group of donors has paid for his ads.",
			"that", "he has no donors"},
		{"an adverbial clause of the opening one reports", "If we read Berg right when he says he will cut taxes for everyone, it seems his plan is costly.",
			"says", "he will cut taxes for everyone"},
		{"an opening adverbial clause that ends before the report keeps the report whole", "After the vote ended Berg said the plan, which was costly, would pass.",
			"said", "the plan, which was costly, would pass"},
		{"before an adverb and the speaker's speech verb", "Tomas Berg admitted he should not have called Ruiz a coward, and then pointed out that she had changed her attack.",
			"admitted", "he should not have called Ruiz a coward"},
		{"a second perfect verb of the clause stays", "Ana Ribeiro said the ministers had discussed port security and had agreed to meet in May.",
			"said", "the ministers had discussed port security and had agreed to meet in May"},
		{"a clause of time with a speech verb stays", "Tomas Berg said the email came hours after Ana Ribeiro proposed a ban on imports.",
			"said", "the email came hours after Ana Ribeiro proposed a ban on imports"},
		{"before a clause of time opened by the speaker's speech participle", "Tomas Berg said the deadlock had kept the city safe before claiming that open borders hurt families.",
			"said", "the deadlock had kept the city safe"},
		{"a quotation is not cut at its comma", `Ana Ribeiro said the two sides would stay in "close contact, as agreed" until June, according to the readout.`,
			"said", `the two sides would stay in "close contact, as agreed" until June`},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := analyze(t, c.text)
			start := 0
			if c.after != "" {
				if start = tokenAfter(a, c.after); start < 0 {
					t.Fatalf("no token %q in %q", c.after, c.text)
				}
			}
			end := a.ClauseEnd(start)
			if got := a.Text(start, end); got != c.want {
				t.Errorf("ClauseEnd from %q = %q, want %q\n\t%v", a.Words[start], got, c.want, describe(a))
			}
		})
	}
}

func TestActionEnd(t *testing.T) {
	for _, c := range []struct {
		name, text string
		verb       string // the verb group's text
		want       string // from its head to ActionEnd
	}{
		{"to the sentence end", "Kenji Mori said that the talks were useful.",
			"said", "said that the talks were useful"},
		{"cut before a coordinated verb group", "The Prime Minister said that Japan would not recognise the annexation and would keep its sanctions.",
			"would not recognise", "recognise the annexation"},
		{"the second action", "The Prime Minister said that Japan would not recognise the annexation and would keep its sanctions.",
			"would keep", "keep its sanctions"},
		{"cut before a verb coordinated with an earlier one", "Officials said that the two sides agreed to strengthen ties and exchanged views on security.",
			"agreed", "agreed to strengthen ties"},
		{"an infinitive and its object", "Officials said that the two sides agreed to strengthen ties and exchanged views on security.",
			"to strengthen", "strengthen ties"},
		{"coordinated infinitives share the object", "The ministers agreed to support and encourage the process.",
			"to support", "support and encourage the process"},
		{"cut before her office said", "Ingrid Laue wants to ratify the treaty, her office said.",
			"wants", "wants to ratify the treaty"},
		{"cut before a subordinate clause", "Ana Ribeiro will visit Tokyo, while Kenji Mori will travel to Brasília.",
			"will visit", "visit Tokyo"},
		{"cut before the speaker's next verb after a quoted fragment", `Olga Petrenko said Ukraine "will not give up" and thanked her allies.`,
			"will not give", "give up"},
		{"a short quoted fragment goes on past its mark", `Olga Petrenko said Ukraine "will not give up" until the war ends.`,
			"will not give", `give up" until the war ends`},
		{"an action in a quotation ends with it", `"Ukraine will not give up until the war is over, whatever it costs," Olga Petrenko said, and thanked her allies.`,
			"will not give", "give up until the war is over, whatever it costs"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := analyze(t, c.text)
			v := vgNamed(a, c.verb)
			if v < 0 {
				t.Fatalf("no verb group %q:\n\t%v", c.verb, describe(a))
			}
			end := a.ActionEnd(v)
			if got := a.Text(a.VGs[v].Head, end); got != c.want {
				t.Errorf("ActionEnd(%q) = %q, want %q\n\t%v", c.verb, got, c.want, describe(a))
			}
		})
	}
}

func TestFrontedStart(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       string // the clause before the inverted verb, or "" for none
	}{
		{"sentence start", "The talks were productive, said the minister.",
			"The talks were productive"},
		{"past an opening adverbial", "Earlier on Monday, the talks resumed in Oslo, said Minister Kofi Mensah.",
			"the talks resumed in Oslo"},
		{"past a dateline", "OSLO (AP) — The talks resumed on Monday, said Minister Kofi Mensah.",
			"The talks resumed on Monday"},
		{"a possessed subject before a participle set off by commas", "The city's new plan, approved in May, has cut costs, said the minister.",
			"The city's new plan, approved in May, has cut costs"},
		{"no clause before", "Said Minister Kofi Mensah: the talks resumed.",
			""},
		{"a scare quote, then a relative clause with a passive of a cognition verb", "The vote could carry him into the “Super Tuesday” round, which he is expected to win, said Minister Kofi Mensah.",
			"The vote could carry him into the “Super Tuesday” round, which he is expected to win"},
		{"a quotation its own attribution follows", "“We will win,” Ana Ruiz said at the rally, said Minister Kofi Mensah.",
			""},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := analyze(t, c.text)
			v := -1
			for i := range a.VGs {
				if a.Low[a.VGs[i].Head] == "said" {
					v = i
					break
				}
			}
			if v < 0 {
				t.Fatalf("no verb group said:\n\t%v", describe(a))
			}
			first := a.VGs[v].First
			got := ""
			if f := a.FrontedStart(first); f >= 0 {
				got = a.Text(f, a.TrimEnd(f, first-1))
			}
			if got != c.want {
				t.Errorf("FrontedStart = %q, want %q\n\t%v", got, c.want, describe(a))
			}
		})
	}
}
