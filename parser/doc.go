// Package parser turns article text into a Document: paragraphs, sentences,
// tokens with part-of-speech tags, and paired quotation spans, each located
// by byte offsets into the input exactly as it was read.
//
// # Invariants
//
// The input is never rewritten. For every token, sentence, paragraph and
// quotation span of a Document d:
//
//	d.Src[x.Start:x.End] == x.Text   (tokens)
//	0 <= x.Start <= x.End <= len(d.Src)  (every span)
//
// TestSpansLocateTheirText and FuzzParse enforce both.
//
// The models prose loads (tokenizer affixes, sentence model, tagger weights)
// are loaded once per process and shared: Parse is safe to call from many
// goroutines at once.
package parser
