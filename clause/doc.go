// Package clause is readout's shallow parse: computed once per document
// from the parser's tokens and tags and the lexicon, and read by every
// later stage (entities, grammar rules, the record).
//
// For each sentence it finds:
//
//   - noun-phrase chunks (NP): names, titles of office with the name they
//     introduce ("Foreign Minister Wang Yi", "the President of the European
//     Commission"), organisations and places from the gazetteer, pronouns,
//     pair phrases ("the two leaders") and common noun phrases, linked by
//     possession ("China's top legislator"), apposition ("Li, chairman of
//     …,") and coordination ("Modi and his Brazilian counterpart Lula");
//   - verb groups (VG): auxiliaries, modal, negation and main verb, with
//     tense, modality, negation and voice ("would not recognise": modal
//     conditional, negated, active);
//   - clause links: each verb group's subject (past appositions, relative
//     clauses, coordination and inversion), object and passive agent;
//   - the extent of a content clause starting at a token (ClauseEnd), of
//     the action of a verb group (ActionEnd), and of the clause before an
//     inverted attribution (FrontedStart);
//   - time expressions, indexed once per sentence ("later that day").
//
// # Invariants
//
// Every span is a pair of token indexes [First, Last] within one sentence;
// chunks do not overlap, and NPAt/VGAt map each token to the chunk holding
// it (or -1). TestInvariants and FuzzAnalyze enforce both. Analysis never
// changes the Document.
//
// The words this package asks about are lexicon data (function_words,
// modals, auxiliaries, negations …): Go holds the grammar, not the words.
package clause
