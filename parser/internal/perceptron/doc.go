// Package perceptron tags tokens with prose v3's English averaged-perceptron
// model (github.com/jdkato/prose/v3/tag/aptagmodel), giving exactly the tags
// prose's own tag.Tagger gives, several times faster.
//
// # Why not prose's tagger
//
// prose's Tagger finds each of the 14 features it scores per token by
// binary search over the model's 75,447 sorted feature strings: about 17
// string comparisons per feature, most of them cache misses, 238 per
// token. That search was 37 % of readout's whole time per article, and
// issue 12 asks readout end to end to run at 65 % of prose's own
// tokenize+segment+tag. prose exports its model's bytes but keeps the
// reader and the scorer internal, so the lookup cannot be changed from
// outside. This package reads the same bytes (prose's documented flat
// format, version 1) into tables keyed by what varies in a feature (the
// word, the suffix, the previous tags), so that a token's 14 features
// take about two map lookups instead of 14 searches, and lays each
// feature's weights out in one record; it scores the same features in
// the same order with the same float32 arithmetic.
//
// # Invariant
//
// For every token slice toks, Tag(toks) writes the tags prose's
// tag.Tagger.TagTokens writes, byte for byte. TestMatchesProse checks it
// on the project's fixtures and FuzzMatchesProse on arbitrary text; the
// special cases prose's tagger applies before scoring (emoticons, Penn
// Treebank traces, bracket literals, "-" and "@handles") are applied
// here too, the emoticon set as data (emoticons.txt).
//
// If the model's bytes are not in the format this package reads (a prose
// upgrade changed it), Load fails and the caller falls back to prose's
// tagger.
package perceptron
