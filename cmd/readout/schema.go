package main

import (
	"github.com/readout/readout/record"
	"github.com/spf13/cobra"
)

func newSchemaCmd(io streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the readout/v1 record",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := io.out.Write(record.JSONSchema)
			return err
		},
	}
}
