// Package readout turns news readouts (articles and official statements
// about calls, meetings and talks between officials) into readout/v1
// records: who spoke, what they said, with whom they talked and what they
// pledged.
//
// Convert is the whole pipeline for one input:
//
//	bytes → parser.Parse → extract.Extract → record.Readout
//
// It is safe to call from many goroutines at once with shared Rules.
package readout

import (
	"context"
	"fmt"

	"github.com/readout/readout/extract"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// Options for Convert.
type Options struct {
	MaxBytes int // 0: parser.DefaultMaxBytes
}

// Convert is the whole pipeline for one input: check, parse, extract.
// source is recorded as the record's source (a path, "-" or an id). nil
// rules mean the built-in rules. The record's provenance gives Version()
// and rules.Hash(). The error, if any, names the problem but
// not the input (the caller knows it): a refused input (binary, UTF-16,
// over opt.MaxBytes), a cancelled ctx, or an internal error.
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
	if err := parser.CheckInput(src, opt.MaxBytes); err != nil {
		return record.Readout{}, err
	}
	doc, err := parser.Parse(ctx, string(src))
	if err != nil {
		return record.Readout{}, err
	}
	r, err = extract.Extract(ctx, doc, rules, source)
	if err != nil {
		return record.Readout{}, fmt.Errorf("extracting: %w", err)
	}
	r.Provenance = record.Provenance{Version: Version(), Rules: rules.Hash()}
	return r, nil
}

// Rules are the compiled rules (words and grammar) an extraction runs;
// immutable once loaded and safe to share between goroutines.
type Rules = extract.Rules

// DefaultRules returns the built-in rules, compiled once per process.
func DefaultRules() (*Rules, error) { return extract.DefaultRules() }

// LoadRules compiles the built-in rules plus the given rules files, in
// order. A malformed file is an error naming the file and line.
func LoadRules(paths ...string) (*Rules, error) { return extract.LoadRules(paths...) }
