package parser

import (
	"strings"

	"github.com/jdkato/prose/v3/tag"
)

// repairVerbs corrects the tagger on base verbs in a list of verb phrases
// after a modal or "to" ("would share satellite data, restore direct
// flights and train customs officers"), which it reads as nouns and
// adjectives:
//   - right after the modal (past "both", "neither", an adverb), a noun
//     or adjective followed by a base verb is the verb, and the word after
//     it a noun: "would share/NN satellite/VB data" is "share/VB
//     satellite/NN";
//   - right after an object and "to", a noun before a possessive
//     determiner is a base verb: "asked Berg to share/NN his views";
//   - a lower-case word that opens a later conjunct (after a comma, "and",
//     "or", "nor", "as well as") and has words after it is a base verb
//     when the tagger, asked again with "They will" before it, reads it as
//     one and it ends in no suffix of nouns and adjectives: "restore/NN
//     direct flights", "and train/NN customs officers", "nor cut/JJ
//     pensions" (not "peace and stability", "earthquake and tsunami"). A
//     present form (VBP) there is the base form.
//
// The list ends at the end of the sentence, a semicolon or colon, another
// verb ("in overcoming the effects of …"), a relative or complementizer,
// or a conjunct that opens with no verb ("to support X, ASEAN bids, and
// …": a list of noun phrases).
func repairVerbs(tg tagger, toks []Token) {
	for i := range toks {
		if toks[i].Tag != "MD" && toks[i].Tag != "TO" {
			continue
		}
		v := i + 1
		for v < len(toks) && (toks[v].Tag == "RB" || isListOpener(toks[v].Text)) {
			if isListOpener(toks[v].Text) {
				toks[v].Tag = "DT" // "would both/VB send": the opener of a pair
			}
			v++
		}
		if v+1 < len(toks) && (toks[v].Tag == "NN" || toks[v].Tag == "JJ") && isLower(toks[v].Text) && toks[v+1].Tag == "VB" {
			toks[v].Tag, toks[v+1].Tag = "VB", "NN"
		}
		// "asked Berg to share/NN his views": after a name, a pronoun or a
		// plural noun (the one asked) and "to", a noun right before a
		// possessive determiner opens a verb phrase (not "from time to
		// time his …")
		if toks[i].Tag == "TO" && i > 0 && objectTag(toks[i-1]) && v == i+1 && v+1 < len(toks) && toks[v].Tag == "NN" && isLower(toks[v].Text) && toks[v+1].Tag == "PRP$" && !nounSuffix(toks[v].Text) {
			toks[v].Tag = "VB"
		}
		// "promised to share/NN satellite data, release …": after a verb,
		// "to" and a noun open a list as well
		toVerb := toks[i].Tag == "TO" && i > 0 && strings.HasPrefix(toks[i-1].Tag, "VB") && v < len(toks) && toks[v].Tag == "NN" && isLower(toks[v].Text)
		if v < len(toks) && toks[v].Tag == "VB" || toVerb {
			repairConjuncts(tg, toks, v)
		}
	}
}

// objectTag: token t may be the one asked before "to" ("asked Berg/NNP
// to", "urged them/PRP to", "told voters/NNS to"; a capitalised word the
// tagger read as a common noun, "asking Trump/NN to").
func objectTag(t Token) bool {
	return t.Tag == "NNP" || t.Tag == "NNPS" || t.Tag == "PRP" || t.Tag == "NNS" || t.Tag == "NN" && !isLower(t.Text) ||
		t.Tag == "PRP$" && strings.EqualFold(t.Text, "her") // "asking her/PRP$ to"
}

// isListOpener: "both" and "neither" open a pair of verb phrases.
func isListOpener(w string) bool {
	return strings.EqualFold(w, "both") || strings.EqualFold(w, "neither") || strings.EqualFold(w, "either")
}

// repairConjuncts retags the base verbs that open the conjuncts of the
// list whose first verb is token v.
func repairConjuncts(tg tagger, toks []Token, v int) {
	list := false // a comma has set off a conjunct: three or more
	for k := v + 1; k < len(toks) && k <= v+40; k++ {
		if endsVerbList(toks[k]) {
			return
		}
		n := conjunctionLen(toks, k)
		if n == 0 {
			continue
		}
		list = list || toks[k].Text == ","
		c := k + n
		if c+1 >= len(toks) || !isLower(toks[c].Text) || toks[c+1].Tag == "." || toks[c+1].Text == "," {
			return
		}
		switch {
		case toks[c].Tag == "VB":
		case toks[c].Tag == "VBP":
			toks[c].Tag = "VB"
		case (toks[c].Tag == "NN" || toks[c].Tag == "JJ") && !nounSuffix(toks[c].Text) && (list || n > 1 || opensObject(toks[c+1]) || strings.EqualFold(toks[k].Text, "nor")) && readsAsVerb(tg, toks, c):
			toks[c].Tag = "VB"
		default:
			return
		}
		k = c
	}
}

// opensObject: token t opens a noun phrase the way an object does after
// a verb, which a noun compound does not: "and restore/NN the flights",
// "and build/NN two clinics", not "ships and patrol/NN aircraft". Of two
// conjuncts joined by a bare "and" or "or", only such a one is retagged.
func opensObject(t Token) bool {
	switch t.Tag {
	case "DT", "CD", "PRP$", "PRP", "JJ", "JJR", "JJS", "PDT":
		return true
	}
	return false
}

// endsVerbList: token t ends the list of verb phrases: the end of the
// sentence, a semicolon or colon, a verb of another clause or phrase, a
// relative or a complementizer.
func endsVerbList(t Token) bool {
	switch t.Text {
	case ".", ";", ":", "!", "?", "that", "which", "who", "whose", "where", "when", "while":
		return true
	}
	return strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD"
}

// nounSuffixes end nouns and adjectives, hardly ever a base verb ("-ment"
// but not "implement", "-tive" but not "give").
var nounSuffixes = []string{"ity", "ment", "tion", "sion", "ness", "ance", "ence", "tive", "sive", "ic", "ial", "ical", "onal", "ous", "ism", "ist", "ship", "hood", "ary", "ory", "ium", "ian", "ese"}

func nounSuffix(w string) bool {
	w = strings.ToLower(w)
	if strings.HasSuffix(w, "plement") {
		return false // "implement", "supplement", "complement"
	}
	for _, s := range nounSuffixes {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// conjunctionLen is the length of the conjunction at token k (", and",
// ",", "and", "or", "nor", "as well as"), or 0.
func conjunctionLen(toks []Token, k int) int {
	low := func(j int) string {
		if j >= len(toks) {
			return ""
		}
		return strings.ToLower(toks[j].Text)
	}
	switch w := low(k); {
	case w == ",":
		if n := conjunctionLen(toks, k+1); n > 0 && low(k+1) != "," {
			return 1 + n
		}
		return 1
	case w == "and" || w == "or" || w == "nor":
		return 1
	case w == "as" && low(k+1) == "well" && low(k+2) == "as":
		return 3
	}
	return 0
}

// readsAsVerb: the tagger reads token c as a base verb after "They will",
// with the (at most three) words after it.
func readsAsVerb(tg tagger, toks []Token, c int) bool {
	probe := []tag.Token{{Text: "They"}, {Text: "will"}}
	for j := c; j < len(toks) && j <= c+3; j++ {
		probe = append(probe, tag.Token{Text: toks[j].Text})
	}
	probe = append(probe, tag.Token{Text: "."})
	tg.TagTokens(probe)
	return probe[2].Tag == "VB"
}

func isLower(w string) bool {
	return w != "" && w[0] >= 'a' && w[0] <= 'z'
}
