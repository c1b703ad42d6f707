// Package lexicon holds every word list readout uses, as YAML data: verbs
// of speech, requests and exchange, meeting nouns, pledge cues, titles,
// honorifics, pronouns, time words, and the gazetteers of countries and
// organisations. Each list is a named set of phrases (one or more words);
// a phrase may carry a value (a channel, a strength, a lemma, a country).
//
// The built-in lists are the files under data/, embedded in the binary. A
// rules file given with --rules uses the same sections and adds to them,
// or defines new lists under `lists:` for its own grammar rules.
//
// # Loading
//
// Load reads and validates every file once: a problem is an error naming
// the file and line ("my.yaml:7: empty word"). Loading is linear in the
// size of the files (no quadratic duplicate checks), and a Lexicon is
// immutable once built, so it is safe to share between goroutines.
//
// # Matching
//
// Lookup gives what the lists know of one token (an Entry: the lists a
// phrase of which starts with the token, and those phrases), so a caller
// looks every token up once per document and then tests bits. Match finds
// the longest phrase of a list starting at a token.
//
// # Verbs
//
// Verb sections list lemmas. A lemma with no forms given gets its regular
// inflections (stress → stresses, stressed, stressing; phrasal verbs
// inflect their first word: point out → pointed out); past forms of
// irregular verbs come from the irregular_verbs section. Every form of a
// verb carries its lemma as the phrase's value.
package lexicon
