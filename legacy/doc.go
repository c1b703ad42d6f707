// Package extract finds speakers, quotes, counterparts and pledges in a
// parsed Document and returns them as a readout/v1 record.
//
// Extraction is rule-based: the grammar (where a cue stands, what a content
// clause is) is Go code in this package; the vocabulary (speech verbs,
// meeting words, pledge cues, titles, countries, organisations) is YAML data
// under rules/, embedded in the binary and extended with LoadRules.
//
// The stages run in one direction over one Document:
//
//	mentions (names, titles, roles, pronouns) → entities (resolve.go)
//	→ direct quotes → reported speech → counterparts → pledges → speakers
//
// Every record carries the byte span of its evidence in Document.Src and
// the rule that produced it. Extract is a pure function of its inputs and is
// safe to call from many goroutines with shared Rules.
package legacy
