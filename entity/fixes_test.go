package entity_test

import "testing"

// TestResolutionsFixed holds kinds of reference the resolver once got
// wrong: "it" for a country or a thing, nouns that refer back to an
// organisation, "his country", a possessed office, a given name first.
func TestResolutionsFixed(t *testing.T) {
	runRows(t, []row{
		{name: "it as the subject country", text: "Ghana said it would ratify the deal.",
			want: []string{`s0 "it" → place "Ghana"`}},
		{name: "an object it is a thing", text: "The U.S. and the UK signed the accord. US officials welcomed it.",
			want: []string{`s1 "it" → none`}},
		{name: "a plural source is no it", text: "Officials said it was useful.",
			not: []string{`"it" → source "Officials"`}},
		{name: "the alliance after an official of NATO", text: "NATO Secretary General Mark Rutte met Olaf Scholz. The alliance said it would help.",
			want: []string{`s1 "The alliance" → org "NATO"`}},
		{name: "the bloc after the EU", text: "The European Union met China. The bloc said the talks were useful.",
			want: []string{`s1 "The bloc" → org "European Union"`}},
		{name: "his country", text: "U.S. President Joe Biden spoke with Fumio Kishida. Biden said his country would help.",
			want: []string{`s1 "country" → place "United States"`}},
		{name: "a possessed office is named with its owner", text: "Prime Minister Kenji Mori's office said the talks were useful.",
			want: []string{`s0 "office" → source "Kenji Mori's office"`}},
		{name: "a role after a headline that names the person bare", text: "Mori call with Tomas Berg\n\nPrime Minister Kenji Mori spoke with the Danish President about trade.",
			want: []string{`"the Danish President" → person "Tomas Berg"`}},
		{name: "two bare names in the headline: the role stays a role", text: "Berg and Lund talk trade\n\nPrime Minister Kenji Mori spoke with the Danish President about trade.",
			not: []string{`"the Danish President" → person`}},
		{name: "his after and means the possessor of the coordinated phrase", text: "Javad Zarif flew to Ankara. Spokesman Ali Qasemi said that during Zarif's visit to Ankara and his talks with Erdogan, the sides agreed.",
			want: []string{`"his" → person "Javad Zarif"`}},
		{name: "a given name first decides the gender", text: "Minister Hana Novak met the strikers. She thanked them.",
			want: []string{`s1 "She" → person "Hana Novak"`}},
		{name: "the official of a body named in a person's title", text: "Ghanaian Foreign Ministry Spokesman Kofi Mensah spoke on Friday. The Ghanaian Foreign Ministry official said the talks were useful.",
			want: []string{`s1 "The Ghanaian Foreign Ministry official" → person "Kofi Mensah"`}},
		{name: "one word before the noun says too little", text: "Ghanaian Foreign Ministry Spokesman Kofi Mensah spoke on Friday. The Ghanaian official said the talks were useful.",
			not: []string{`"The Ghanaian official" → person`}},
		{name: "a role is not the person named as its verb's object", text: "President Ana Ribeiro spoke with President Tomas Berg. The president praised President Berg for his work.",
			want: []string{`s1 "The president" → person "Ana Ribeiro"`}},
		{name: "a document is issued by a body, not by people named in between", text: "The ministry said in a statement that the talks were useful. Experts and officials would meet again, the statement said.",
			want: []string{`s1 "the statement" → source "ministry"`}},
		{name: "a document on a body's website is the body's", text: "A statement on the Ghanaian defence ministry's website said the envoy had been recalled.",
			want: []string{`s0 "A statement" → source "Ghanaian defence ministry"`}},
		{name: "a document on a page nobody owns names no issuer", text: "A statement on page four said the envoy had been recalled.",
			not: []string{`"A statement" → source "page"`}},
		{name: "the X Minister is the Minister for X", text: "Minister for Foreign Affairs Penny Wong arrived in Suva. The Foreign Minister said the talks were useful.",
			want: []string{`s1 "The Foreign Minister" → person "Penny Wong"`}},
		{name: "a plural title as parties: the two people last named who hold that office", text: "Foreign Minister Luis Pardo met his Ghanaian counterpart Ama Owusu. A meeting between the foreign ministers will follow in May.",
			want: []string{`s1 "the foreign ministers" → source "foreign ministers" parties=pair "Luis Pardo and Ama Owusu"`}},
		{name: "a plural title of another office: the countries of the people last named", text: "Peruvian President Ana Soto spoke with Ghanaian President Kwame Boateng. The defence ministers will meet in May.",
			want: []string{`s1 "The defence ministers" → source "defence ministers" parties=pair "Peru and Ghana"`}},
		{name: "a plural title with nobody named before stands for no one", text: "The defence ministers will meet in May.",
			not: []string{`parties=`}},
		{name: "a pair with a modifier, then a list of two titled people after a comma: those two", text: "Minister Ana Ribeiro will meet the two women newly elected to the senate, Governor Rita Lund and the Hon. Mara Quist MP.",
			want: []string{`s0 "the two women" → pair "Rita Lund and Mara Quist" why=the two people named in the list after it`}},
		{name: "a pair with a modifier, then a list of three: not the pair", text: "President Tomas Berg spoke with Chancellor Ingrid Laue. They met the two envoys sent to the talks, Governor Rita Lund, Senator Mara Quist and Dr. Ivo Sand.",
			not: []string{`"the two envoys" → pair "Rita Lund`}},
		{name: "an indefinite official is someone else", text: "Ghanaian Foreign Ministry Spokesman Kofi Mensah spoke on Friday. A Ghanaian Foreign Ministry official said the talks were useful.",
			not: []string{`"A Ghanaian Foreign Ministry official" → person`}},
	})
}
