// Package grammar holds readout's grammar as data: each construction it
// knows ("X said that …", "…, X said", "X met Y", "X vowed to …") is one
// rule, a YAML entry with an id, a doc line, a pattern with named
// captures, what it produces, and examples and counterexamples that go
// test runs. The built-in rules are rules/*.yaml, embedded; a rules file
// given with --rules may add rules as well as words.
//
// # Patterns
//
// A pattern is a sequence of elements matched left to right over one
// sentence of a clause.Analysis, in the manner of spaCy's Matcher (with
// the links of its DependencyMatcher on verb elements). Each element is a
// mapping with one key that says what it matches:
//
//	word: that            a token, ignoring case (or a list: [said, says])
//	text: ","             a token exactly as written
//	role: complementizer  a function word of a role (lexicon: function_words)
//	in: speech_verbs      a phrase of a lexicon list (its value is captured)
//	tag: [VBD, VBZ]       a token by part-of-speech tag ("VB*": any verb tag)
//	np: {kind: [name, titled], entity: [person]}   a noun-phrase chunk
//	verb: {in: speech_verbs, form: finite, voice: active}   a verb group
//	predicate: {modal: [future, conditional]}   a verb group and the rest
//	                      of its action, without the modal ("take …")
//	content: clause       a content clause to its end (ClauseEnd); also
//	                      fronted (the clause before an inverted attribution),
//	                      rest (to the sentence's end)
//	quote: {}             a quotation
//	time: {}              a time expression ("on Monday", "next week")
//	skip: {max: 6, over: [np, pp, adverb, time, comma, reporters]}
//	sentence: start|body|end   a position: the sentence's first token, the
//	                      first after a dateline, after its last
//	any: [[…], […]]       the first of several sequences that matches
//	use: macro            a named sequence from macros:
//
// Any element may add `as: NAME` (capture what it matched), `optional:
// true`, and, on verb, predicate, in and np elements, `subject: NAME`,
// `object: NAME`, `agent: NAME` (capture the linked NP of the verb group
// holding the element's first token).
//
// # What a rule produces
//
// `produce:` is quote, counterpart, pledge or speaker. Captures feed the
// record by name: quote (speaker, cue, text; several text captures are
// joined), counterpart (a, b, channel; coordinated NPs give every pair),
// pledge (actor, by, action, cue), speaker (speaker). Literal fields set
// what the captures do not: kind, channel, strength, planned. `hooks:`
// names Go checks for what a pattern cannot say (hooks.go).
//
// # Tests
//
// Every rule has examples (with what the rule must produce from them) and
// counterexamples (where it must produce nothing); go test runs them all,
// and fails on a rule id that the extractor emits but no rule defines.
package grammar
