// Package grammar holds readout's grammar as data: each construction it
// knows ("X said that …", "…, X said", "X met Y", "X vowed to …") is one
// rule, a YAML entry with an id, a doc line, a pattern with named
// captures, what it produces, and examples and counterexamples that go
// test runs. The built-in rules are rules/*.yaml, embedded; a rules file
// given with --rules may add rules (and macros) as well as words. The
// whole format, with every option, is docs/rules.md at the module root.
//
// # Patterns
//
// A pattern is a sequence of elements matched left to right over one
// sentence of a clause.Analysis, in the manner of spaCy's Matcher (with
// the links of its DependencyMatcher on verb elements). Each element is a
// mapping with one key that says what it matches:
//
//	word: that            a token, ignoring case (or a list: [said, says]; a phrase: according to)
//	text: ","             a token exactly as written
//	role: complementizer  a function word of a role (lexicon: function_words)
//	in: speech_verbs      a phrase of a lexicon list (its value is captured)
//	tag: [VBD, VBZ]       a token by part-of-speech tag ("VB*": any verb tag)
//	np: {kind: [name, titled], entity: [person], head_in: meeting_words, appos: true, conj: true}
//	                      a noun-phrase chunk
//	verb: {in: speech_verbs, not_in: [with_verbs], form: finite, tense: past,
//	      modal: [future], voice: active, negated: false}   a verb group
//	predicate: {modal: [future, conditional]}   a verb group and the rest
//	                      of its action, without the modal ("take …")
//	content: clause       a content clause to its end (ClauseEnd); also
//	                      fronted (the clause before an inverted attribution),
//	                      lead (the sentence's start to a comma), to-comma
//	                      (from here to a comma), rest (to the sentence's end)
//	quote: {}             a quotation
//	time: {}              a time expression ("on Monday", "next week")
//	skip: {max: 6, over: [np, pp, adverb, time, comma, reporters, quote, modifier, verb, description, any]}
//	                      up to max tokens of those kinds; sentence: any
//	                      token but the last of its sentence (a skip that
//	                      stays inside one sentence)
//	sentence: start|body|end|paragraph-end   a position: the sentence's
//	                      first token, the first after a dateline, its end,
//	                      the paragraph's end
//	any: [[…], […]]       the first of several sequences that matches
//	use: macro            a named sequence from macros:
//
// Any element may add `as: NAME` (capture what it matched), `optional:
// true`, and `subject: NAME`, `object: NAME`, `agent: NAME` (capture the
// linked NP of the verb group the element matched, or of the one holding
// its first token).
//
// # What a rule produces
//
// `produce:` is quote, counterpart, pledge or speaker. Captures feed the
// record by name: quote (speaker, cue, text; several text captures are
// joined), counterpart (a, b, channel, when; coordinated NPs give every
// pair), pledge (actor, by, action, cue), speaker (speaker, cue); a name
// starting with _ is the rule's own. Literal fields set what the captures
// do not: kind, channel, strength, planned. `hooks:` names Go checks for
// what a pattern cannot say (hooks.go; readout rules --hooks). `priority:`
// orders the rules (higher first, and it wins conflicts); `stage:
// discourse` makes a quote rule run after the quotes are decided.
//
// # Tests
//
// Every rule has examples (with what the rule must produce from them); the
// built-in ones also have counterexamples (where they must produce
// nothing). go test runs them all (extract/examples_test.go), and fails on
// a rule id that the extractor emits but no rule defines; readout rules
// --check runs those of any rules file.
package grammar
