package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/readout/readout"
	"github.com/readout/readout/parser"

	"github.com/spf13/cobra"
)

func init() {
	extraCommands = append(extraCommands, newExplainCmd)
}

type explainOptions struct {
	parse parseOptions
	lost  bool
}

func newExplainCmd(g *globalOptions, io streams) *cobra.Command {
	o := &explainOptions{}
	cmd := &cobra.Command{
		Use:   "explain [FILE|URL]",
		Short: "Say why each item of an article's record is there: its rule, the words its pattern took, who is who",
		Long: "explain extracts the record of one article (a FILE, a URL, or standard input) and writes,\n" +
			"for people, why each item is there: first the entities (who is who: each person,\n" +
			"organisation, place or pair with the words that mention it), then each quote,\n" +
			"counterpart and pledge with the rule that made it (its id, file and line), each element\n" +
			"of the rule's pattern with the rules-file line and the words it took, and each capture\n" +
			"with the entity it means; for a pronoun or a role, the candidates and the reason for the\n" +
			"pick. With --lost (the default) it then lists the matches that made nothing, and why:\n" +
			"a rule of higher priority took the words, no speaker was found, a hook refused it.\n\n" +
			"Use it to see why an item is wrong or missing, and with --rules to try a rule of your own.",
		Example: "  readout explain article.txt\n" +
			"  echo 'Lopez said the talks were useful.' | readout explain\n" +
			"  readout explain --rules my-rules.yaml article.txt --lost=false",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExplain(cmd, g, io, o, args)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.lost, "lost", true, "also list the matches that made nothing, and why")
	f.IntVar(&o.parse.maxBytes, "max-bytes", parser.DefaultMaxBytes, "refuse inputs larger than this many bytes")
	f.StringVar(&o.parse.input, "input", "auto", "input kind: auto (HTML by URL content type, file extension or content, else text), text or html")
	f.DurationVar(&o.parse.timeout, "timeout", defaultTimeout, "give up fetching a URL after this `DURATION`")
	return cmd
}

func runExplain(cmd *cobra.Command, g *globalOptions, io streams, o *explainOptions, args []string) error {
	if !slices.Contains([]string{"auto", "text", "html"}, o.parse.input) {
		return usageErr("unknown --input %q (want auto, text or html)", o.parse.input)
	}
	if err := checkMaxBytes(o.parse.maxBytes); err != nil {
		return err
	}
	name := "-"
	if len(args) == 1 {
		name = args[0]
	}
	rules, err := g.loadRules()
	if err != nil {
		return err
	}
	src, opt, err := readSource(cmd.Context(), io, name, &o.parse)
	if err != nil {
		return &exitError{code: exitInput, msg: err.Error()}
	}
	ex, rec, err := readout.Explain(cmd.Context(), src, name, rules, opt)
	if err != nil {
		return &exitError{code: exitInput, msg: fmt.Sprintf("%s: %s", displayName(name), err)}
	}
	if !o.lost {
		ex.Lost = nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d speakers, %d quotes, %d counterparts, %d pledges\n\n",
		displayName(name), len(rec.Speakers), len(rec.Quotes), len(rec.Counterparts), len(rec.Pledges))
	if err := ex.WriteText(&b); err != nil {
		return &exitError{code: exitInput, msg: err.Error()}
	}
	if _, err := fmt.Fprint(io.out, b.String()); err != nil {
		return &exitError{code: exitInput, msg: "writing output: " + err.Error()}
	}
	return nil
}
