// Package suite is readout's behavioural test suite, in the manner of
// CheckList (Ribeiro et al. 2020): sentence templates × filler lists, each
// template carrying what the annotation guide (shared/annotation-guide.md)
// says must, or must not, be extracted from every sentence it makes.
//
// The data lives in testdata/suite/ at the module root (its README.md is
// the full reference of the format):
//
//	testdata/suite/fillers.yaml      shared filler lists (people, cities, countries …)
//	testdata/suite/GROUP/NAME.yaml   one capability, named GROUP.NAME (who.pronouns)
//	testdata/suite/floors.yaml       the ratchet: each capability's minimum pass rate
//
// Load reads and validates every file (an unknown key, a slot without a
// filler, an expectation naming a slot its text lacks, a bad enum value are
// errors naming FILE:LINE) and expands each template into its cases,
// deterministically: the same files always give the same cases. Check
// compares one case's expectations with an extracted record, following the
// reference scorer: names match when one's lower-cased word set contains
// the other's, quote texts and pledge actions when their word sets overlap
// (Jaccard ≥ 0.5, or the template's stricter threshold), kinds, channels,
// strengths, planned and negated exactly, and `when` by containment.
//
// suite_test.go runs every case through readout.Convert and reports a
// table of pass rates per capability:
//
//	go test ./suite -run TestSuite -v                          # the table
//	go test ./suite -run TestSuite -v -suite.failures=who.*     # and every failing case of who.*
//	go test ./suite -run TestSuite -suite.only=pledge.negation  # one capability
//	go test ./suite -run TestSuite -update-floors               # raise floors.yaml to today's rates
//
// The test fails only when a capability's pass rate falls below its floor,
// so `make test` stays green while the engine is below target.
package suite
