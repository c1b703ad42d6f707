package main

import (
	"github.com/readout/readout/extract"
	"github.com/spf13/cobra"
)

// runParseStream is --input jsonl: one {"id","text"} object per line in,
// one record per line out. (Implemented with batch conversion.)
func runParseStream(cmd *cobra.Command, io streams, o *parseOptions, rules *extract.Rules, args []string) error {
	return usageErr("--input jsonl is not implemented yet")
}
