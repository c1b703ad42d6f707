// Package score compares readout records with gold files written by the
// annotation guide (shared/annotation-guide.md): it loads and validates
// NAME.gold.yaml files, scores a record against its gold exactly as the
// reference scorer (shared/score) does, explains the differences, checks
// thresholds and writes gold files back.
//
// Matching rules, shared with the reference scorer:
//
//   - Words are the maximal runs of Unicode letters and digits, lower-cased.
//   - Two names are the same when one's words are all among the other's
//     ("Rutte" ~ "Mark Rutte"); an empty name matches nothing.
//   - Speakers match by name.
//   - Quotes match only quotes of the same kind, when the Jaccard overlap of
//     their word sets is at least 0.5.
//   - Counterparts match as unordered pairs of names.
//   - Pledges match when the actor or by of one names the actor or by of
//     the other, and the actions overlap by Jaccard >= 0.5.
//   - Pairs are formed greedily, best score first, ties in order of
//     prediction then gold.
//
// Counts are micro-averaged over articles; precision, recall and F1 are
// all 1 when there is nothing to find and nothing was found. Attribution
// accuracy is the share of matched quotes whose speaker names the gold
// speaker.
//
// Typical use:
//
//	gold, err := score.LoadGold("testdata/fixtures/seed.gold.yaml")
//	res := score.Score(score.FromReadout(record), gold)
//	fmt.Println(res.Scores.Speakers.F1(), res.Perfect())
package score
