package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func init() {
	extraCommands = append(extraCommands, newDocsCmd)
}

type docsOptions struct {
	man, markdown string
}

// docsDate is the date the man pages carry: fixed, so that the same
// version writes the same pages (SOURCE_DATE_EPOCH overrides it).
var docsDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func newDocsCmd(g *globalOptions, io streams) *cobra.Command {
	o := &docsOptions{}
	cmd := &cobra.Command{
		Use:   "docs --man DIR | --markdown DIR",
		Short: "Write the manual: man pages (section 1) or Markdown, one page per command",
		Long: "docs writes the reference of every command, generated from the commands themselves:\n" +
			"with --man DIR, man pages (readout.1, readout-parse.1, …) for man(1); with\n" +
			"--markdown DIR, Markdown pages (readout.md, readout_parse.md, …) that link to each\n" +
			"other. The folders are created if needed.",
		Example: "  readout docs --man /usr/local/share/man/man1\n" +
			"  readout docs --man man && man ./man/readout-parse.1\n" +
			"  readout docs --markdown docs/cli",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.man == "" && o.markdown == "" {
				return usageErr("docs needs --man DIR or --markdown DIR (or both)")
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true // no date in the Markdown: the same input, the same bytes
			if o.man != "" {
				if err := os.MkdirAll(o.man, 0o755); err != nil {
					return &exitError{code: exitInput, msg: o.man + ": " + unwrapPath(err).Error()}
				}
				header := &doc.GenManHeader{Title: "READOUT", Section: "1", Source: "readout " + root.Version, Manual: "readout manual"}
				if os.Getenv("SOURCE_DATE_EPOCH") == "" {
					date := docsDate
					header.Date = &date // else cobra reads SOURCE_DATE_EPOCH
				}
				if err := doc.GenManTree(root, header, o.man); err != nil {
					return &exitError{code: exitInput, msg: o.man + ": " + unwrapPath(err).Error()}
				}
				fmt.Fprintf(io.out, "wrote man pages to %s\n", filepath.Clean(o.man))
			}
			if o.markdown != "" {
				if err := os.MkdirAll(o.markdown, 0o755); err != nil {
					return &exitError{code: exitInput, msg: o.markdown + ": " + unwrapPath(err).Error()}
				}
				if err := doc.GenMarkdownTree(root, o.markdown); err != nil {
					return &exitError{code: exitInput, msg: o.markdown + ": " + unwrapPath(err).Error()}
				}
				fmt.Fprintf(io.out, "wrote Markdown pages to %s\n", filepath.Clean(o.markdown))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.man, "man", "", "write man pages into `DIR`")
	cmd.Flags().StringVar(&o.markdown, "markdown", "", "write Markdown pages into `DIR`")
	cmd.MarkFlagDirname("man")
	cmd.MarkFlagDirname("markdown")
	return cmd
}
