package extract

import (
	"context"
	"fmt"

	"github.com/readout/readout/parser"
)

// Options for Convert.
type Options struct {
	MaxBytes int // 0: parser.DefaultMaxBytes
}

// Convert is the whole pipeline for one input: check, parse, extract. The
// error, if any, names the problem but not the input (the caller knows it).
func Convert(ctx context.Context, src []byte, source string, rules *Rules, opt Options) (r Readout, err error) {
	// A rule that trips over odd input must cost one input, not the
	// batch: the fuzz targets hunt these, this is the net below them.
	defer func() {
		if p := recover(); p != nil {
			r, err = Readout{}, fmt.Errorf("internal error (please report): %v", p)
		}
	}()
	if err := parser.CheckInput(src, opt.MaxBytes); err != nil {
		return Readout{}, err
	}
	doc, err := parser.Parse(ctx, string(src))
	if err != nil {
		return Readout{}, err
	}
	r, err = Extract(ctx, doc, rules, source)
	if err != nil {
		return Readout{}, fmt.Errorf("extracting: %w", err)
	}
	return r, nil
}
