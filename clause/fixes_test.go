package clause_test

import "testing"

// TestConstructionsFixed holds constructions the engine once got wrong,
// each a kind of English (not a sentence): names, titles and bodies the
// chunker split, "that" read as a determiner, pairs, dashes and full stops.
func TestConstructionsFixed(t *testing.T) {
	runRows(t, []row{
		{name: "complementizer before a plural noun", text: "Tomas Berg said that relations would improve.",
			want: []string{`NP[common] "relations"`, `VG[finite conditional] "would improve" subj="relations"`},
			not:  []string{`"that relations"`}},
		{name: "complementizer after a speech verb and its object", text: "Berg told reporters that trade would recover.",
			want: []string{`NP[common] "trade"`},
			not:  []string{`"that trade"`}},
		{name: "that as a determiner after another verb", text: "He liked that plan.",
			want: []string{`NP[common] "that plan"`}},
		{name: "US opening a sentence", text: "US officials welcomed the accord.",
			want: []string{`NP[common] "US officials" aff=United States`},
			not:  []string{`NP[pronoun] "US"`}},
		{name: "title after a name", text: "Amelia Hart MP said the bill would pass.",
			want: []string{`NP[name] "Amelia Hart MP" name=Amelia Hart title=MP`, `VG[finite past] "said" subj="Amelia Hart MP"`}},
		{name: "given name that is a country", text: "Israel Katz said the talks were useful.",
			want: []string{`NP[name] "Israel Katz" name=Israel Katz`},
			not:  []string{`NP[place] "Israel"`}},
		{name: "given name that is a country, with a title", text: "Defence Minister Georgia Lindqvist met him.",
			want: []string{`NP[titled] "Defence Minister Georgia Lindqvist" name=Georgia Lindqvist title=Defence Minister`}},
		{name: "country alone", text: "Israel said it would reply.",
			want: []string{`NP[place] "Israel"`}},
		{name: "ministry of a domain", text: "The Ministry of Foreign Affairs said the talks were useful.",
			want: []string{`NP[org] "The Ministry of Foreign Affairs" name=Ministry of Foreign Affairs`},
			not:  []string{`NP[name] "Foreign Affairs"`}},
		{name: "ministry of a country", text: "The Foreign Ministry of Ghana said so.",
			want: []string{`NP[org] "The Foreign Ministry of Ghana" name=Foreign Ministry of Ghana aff=Ghana`}},
		{name: "domain before a title", text: "External Affairs Minister Rohan Iyer said so.",
			want: []string{`NP[titled] "External Affairs Minister Rohan Iyer" name=Rohan Iyer title=External Affairs Minister`}},
		{name: "pair with an adjective", text: "The two foreign ministers met in Rome.",
			want: []string{`NP[pair] "The two foreign ministers"`, `VG[finite past] "met" subj="The two foreign ministers"`}},
		{name: "pair with a capitalised title", text: "The two Foreign Ministers met in Rome.",
			want: []string{`NP[pair] "The two Foreign Ministers"`}},
		{name: "three is no pair", text: "Lopez, Ramos and Ortega met. The three agreed.",
			not: []string{`NP[pair] "The three"`}},
		{name: "country compound before a noun", text: "Hu said China-US ties have moved forward.",
			want: []string{`NP[common] "China-US ties"`, `VG[finite present perfect] "have moved" subj="China-US ties"`}},
		{name: "a prepositional phrase between subject and verb", text: "Hu said China-US ties, under the joint efforts of both sides, have moved forward.",
			want: []string{`VG[finite present perfect] "have moved" subj="China-US ties"`}},
		{name: "coordinated bare infinitive", text: "They will continue to support and encourage this process.",
			want: []string{`VG[infinitive] "encourage" … coord="to support"`}},
		{name: "ASCII dash after a dateline", text: "Tokyo, Oct. 2 (Jiji Press)--Prime Minister Shigeru Ishiba told reporters so.",
			want: []string{`NP[titled] "Prime Minister Shigeru Ishiba"`},
			not:  []string{`--Prime`, `Press)`}},
		{name: "an organisation's acronym modifying a noun after the", text: "He said the AP report was wrong.",
			want: []string{`NP[common] "the AP report"`}},
		{name: "an organisation in the gazetteer modifying a noun", text: "He said the NATO summit was useful.",
			want: []string{`NP[common] "the NATO summit" aff=NATO`}},
		{name: "an office of an organisation stays the organisation", text: "The Kremlin press service said so.",
			want: []string{`NP[org] "The Kremlin"`}},
		{name: "according to is no verb group", text: "Turnout was high, according to the election board.",
			not: []string{`"according"`}},
		{name: "a title modifier ending a name", text: "Turnout was high, said the Associated Press.",
			want: []string{`"the Associated Press"`}},
		{name: "a title modifier before a title head", text: "White House Press Secretary Karine Jean-Pierre said so.",
			want: []string{`title=White House Press Secretary`}},
		{name: "'s after a pronoun is a verb", text: "Carson told supporters that he's not giving up.",
			want: []string{`VG[finite present negated] "'s not giving" subj="he"`}},
		{name: "'s after a name is a possessive", text: "He said Lee's plan was bad.",
			want: []string{`NP[common] "plan" poss="Lee"`}},
		{name: "full stop after a short name", text: "Sato met Chinese Premier Zhou Lin. He said so.",
			want: []string{`NP[titled] "Chinese Premier Zhou Lin" name=Zhou Lin`},
			not:  []string{`Lin.`}},
	})
}

// TestDescriptionsFixed: a description set off by commas after a name is
// no subject, and a clause after "said" is no inverted subject.
func TestDescriptionsFixed(t *testing.T) {
	runRows(t, []row{
		{name: "description between a name and its verb", text: "Gen. Carl Dorsey, the army chief of staff, said the exercises would go ahead.",
			want: []string{`NP[role] "the army chief of staff"`, `VG[finite past] "said" subj="Gen. Carl Dorsey"`},
			not:  []string{`"said" … inverted`}},
		{name: "lower-case role with a noun before its head", text: "The government spokesman said so.",
			want: []string{`NP[role] "The government spokesman" name=government spokesman title=Government spokesman`}},
		{name: "a clause after said is not its subject", text: "Asked about the plan, said the exercises would go ahead.",
			not: []string{`"said" … inverted`}},
		{name: "an age after a name", text: "Tom Bell, 49, said the factory would close.",
			want: []string{`VG[finite past] "said" subj="Tom Bell"`}},
		{name: "a party and state after a name", text: "Rep. Anna Pike, R-Ohio, said the inquiry would go on.",
			want: []string{`VG[finite past] "said" subj="Rep. Anna Pike"`}},
		{name: "a possessive description after a name", text: "Ann Lee, Ruiz's campaign manager, said the race was tight.",
			want: []string{`VG[finite past] "said" subj="Ann Lee"`}},
		{name: "a plural description is no apposition of one name", text: "They met Secretary of State Marco Rubio, officials from both countries said.",
			want: []string{`VG[finite past] "said" subj="officials"`},
			not:  []string{`appos="officials"`}},
		{name: "a list of names is no description", text: "Lopez, Ramos and Ortega said the race was tight.",
			want: []string{`NP[name] "Lopez" name=Lopez conj="Ramos"`, `VG[finite past] "said" subj="Lopez"`}},
	})
}

// TestSidesPairs: a pair named by its two countries.
func TestSidesPairs(t *testing.T) {
	runRows(t, []row{
		{name: "two demonyms and leaders", text: "The French and U.S. leaders agreed to stay in close contact.",
			want: []string{`NP[pair] "The French and U.S. leaders"`, `VG[finite past] "agreed" subj="The French and U.S. leaders"`}},
		{name: "two demonyms and sides", text: "The Chinese and Russian sides met in Beijing.",
			want: []string{`NP[pair] "The Chinese and Russian sides"`}},
		{name: "one country is no pair", text: "The French leaders met in Paris.",
			not: []string{`NP[pair]`}},
	})
}
