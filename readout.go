// Package readout turns news readouts (articles and official statements
// about calls, meetings and talks between officials) into readout/v1
// records: who spoke, what they said, with whom they talked and what they
// pledged.
//
// Convert is the whole pipeline for one input:
//
//	bytes → parser.Parse → clause.Analyze → entity.Resolve
//	      → grammar rules (extract.Extract) → record.Readout
//
// It is safe to call from many goroutines at once with shared Rules.
package readout

import (
	"context"
	"fmt"

	"github.com/readout/readout/extract"
	"github.com/readout/readout/grammar"
	"github.com/readout/readout/htmltext"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// Options for Convert.
type Options struct {
	MaxBytes int // 0: parser.DefaultMaxBytes
	// Input says what src is; the zero value, InputAuto, sniffs it.
	Input Input
	// ContentType is, for HTML fetched over HTTP, the Content-Type header
	// (its charset decides the page's encoding); "" otherwise.
	ContentType string
}

// Input is what Convert reads.
type Input int

// The kinds of input.
const (
	// InputAuto is InputHTML when src is an HTML page by its first bytes
	// (htmltext.Sniff: <!DOCTYPE html>, <html>, <p>, …), else InputText.
	InputAuto Input = iota
	// InputText is plain text, read as it is: spans index src.
	InputText
	// InputHTML is an HTML page: its article is extracted as text
	// (htmltext.Extract: the headline, then the paragraphs), the record's
	// Text holds that text, and spans index it.
	InputHTML
)

// Convert is the whole pipeline for one input: check, parse, extract.
// source is recorded as the record's source (a path, "-", a URL or an id).
// nil rules mean the built-in rules. opt.Input says whether src is text or
// an HTML page (InputAuto, the zero value, sniffs it); for HTML the
// record's Text is the article text extracted from the page, and its spans
// are byte offsets into Text rather than src. The record's provenance
// gives Version() and rules.Hash(). The error, if any, names the problem
// but not the input (the caller knows it): a refused input (binary,
// UTF-16, over opt.MaxBytes, an HTML page without text), a cancelled ctx,
// or an internal error.
func Convert(ctx context.Context, src []byte, source string, rules *Rules, opt Options) (r record.Readout, err error) {
	// A rule that trips over odd input must cost one input, not the
	// batch: the fuzz targets hunt these, this is the net below them.
	defer func() {
		if p := recover(); p != nil {
			r, err = record.Readout{}, fmt.Errorf("internal error (please report): %v", p)
		}
	}()
	if rules == nil {
		if rules, err = DefaultRules(); err != nil {
			return record.Readout{}, err
		}
	}
	text, isHTML, err := articleText(src, opt)
	if err != nil {
		return record.Readout{}, err
	}
	for i, w := range Windows(text) {
		doc, err := parser.ParseWindow(ctx, text[w[0]:w[1]], w[0])
		if err != nil {
			return record.Readout{}, err
		}
		rw, err := extract.Extract(ctx, doc, rules, source)
		if err != nil {
			return record.Readout{}, fmt.Errorf("extracting: %w", err)
		}
		if i == 0 {
			r = rw
		} else {
			r.Append(rw, w[0])
		}
	}
	r.Provenance = record.Provenance{Version: Version(), Rules: rules.Hash()}
	if isHTML {
		r.Text = text
	}
	return r, nil
}

// articleText checks an input and returns the text to parse: src itself,
// or the article text of an HTML page.
func articleText(src []byte, opt Options) (string, bool, error) {
	if err := parser.CheckInput(src, opt.MaxBytes); err != nil {
		return "", false, err
	}
	text, isHTML := string(src), opt.Input == InputHTML || opt.Input == InputAuto && htmltext.Sniff(src)
	if isHTML {
		art, err := htmltext.Extract(src, opt.ContentType, nil)
		if err != nil {
			return "", false, fmt.Errorf("HTML: %w", err)
		}
		text = art.Text
	}
	return text, isHTML, nil
}

// Explain converts one input as Convert does and also says why: which rule
// made each item of the record, how its pattern lined up with the text,
// how each party was resolved, and which matches made nothing and why
// (extract.Explanation; WriteText writes it for people). The errors are
// Convert's.
func Explain(ctx context.Context, src []byte, source string, rules *Rules, opt Options) (ex extract.Explanation, r record.Readout, err error) {
	defer func() {
		if p := recover(); p != nil {
			ex, r, err = extract.Explanation{}, record.Readout{}, fmt.Errorf("internal error (please report): %v", p)
		}
	}()
	if rules == nil {
		if rules, err = DefaultRules(); err != nil {
			return ex, r, err
		}
	}
	text, isHTML, err := articleText(src, opt)
	if err != nil {
		return ex, r, err
	}
	doc, err := parser.Parse(ctx, text)
	if err != nil {
		return ex, r, err
	}
	x, err := extract.Run(ctx, doc, rules)
	if err != nil {
		return ex, r, fmt.Errorf("extracting: %w", err)
	}
	r = x.Record(source)
	r.Provenance = record.Provenance{Version: Version(), Rules: rules.Hash()}
	if isHTML {
		r.Text = text
	}
	return x.Explain(), r, nil
}

// Rules are the compiled rules an extraction runs: the lexicon (every word
// list) and the grammar (every construction). Immutable once loaded and
// safe to share between goroutines.
type Rules = grammar.Grammar

// DefaultRules returns the built-in rules, compiled once per process.
func DefaultRules() (*Rules, error) { return grammar.Default() }

// LoadRules compiles the built-in rules plus the given rules files, in
// order: each may add words (the lexicon's sections) and rules (rules:,
// macros:). A malformed file is an error naming the file and line.
func LoadRules(paths ...string) (*Rules, error) { return grammar.Load(paths...) }
