package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/readout/readout/extract"
	"github.com/readout/readout/grammar"
	"github.com/readout/readout/lexicon"

	"github.com/spf13/cobra"
)

func init() {
	extraCommands = append(extraCommands, newRulesCmd)
}

type rulesOptions struct {
	hooks    bool
	lists    bool
	examples bool
	check    bool
}

func newRulesCmd(g *globalOptions, io streams) *cobra.Command {
	o := &rulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules [ID|PREFIX...]",
		Short: "List the grammar rules (built-in and --rules files), the hooks and the word lists; run their examples",
		Long: "rules lists the grammar rules in effect (the built-in ones and those of --rules files),\n" +
			"in the order they run (higher priority first): each rule's id, file and line, what it\n" +
			"produces, its priority, what it is for, its pattern on one line, its hooks and its\n" +
			"examples. Arguments pick rules by id or id prefix (\"pledge.\" for every pledge rule).\n\n" +
			"--hooks lists the named hooks (checks in Go for what a pattern cannot say) a rule may\n" +
			"name; --lists lists the sections a rules file may have (word lists and their shapes).\n\n" +
			"--check runs every example and counterexample of the rules picked (each as an article\n" +
			"of its own) and reports, as FILE:LINE: rule ID: problem, those the extraction does not\n" +
			"bear out; it exits 1 if there is one. Run it on a rules file of your own before using it:\n" +
			"readout --rules mine.yaml rules --check mine.",
		Example: "  readout rules\n" +
			"  readout rules indirect.that-clause --examples\n" +
			"  readout rules --hooks\n" +
			"  readout --rules mine.yaml rules --check",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRules(cmd, g, io, o, args)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.hooks, "hooks", false, "list the named hooks and what each checks")
	f.BoolVar(&o.lists, "lists", false, "list the sections of a rules file: the word lists, their shapes and what each is for")
	f.BoolVar(&o.examples, "examples", false, "show each rule's examples and counterexamples")
	f.BoolVar(&o.check, "check", false, "run the examples and counterexamples of the rules picked; exit 1 if one fails")
	return cmd
}

func runRules(cmd *cobra.Command, g *globalOptions, io streams, o *rulesOptions, args []string) error {
	rules, err := g.loadRules()
	if err != nil {
		return err
	}
	var b strings.Builder
	switch {
	case o.hooks:
		writeHooks(&b)
	case o.lists:
		writeSections(&b, rules)
	default:
		picked, err := pickRules(rules, args)
		if err != nil {
			return err
		}
		if o.check {
			return checkRules(cmd, io, rules, picked)
		}
		for _, r := range picked {
			writeRule(&b, rules, r, o.examples)
		}
	}
	if _, err := fmt.Fprint(io.out, b.String()); err != nil {
		return &exitError{code: exitInput, msg: "writing output: " + err.Error()}
	}
	return nil
}

// pickRules returns the rules whose id is, or starts with, one of args
// (every rule when there are none); an argument that picks nothing is a
// usage error.
func pickRules(g *grammar.Grammar, args []string) ([]*grammar.Rule, error) {
	if len(args) == 0 {
		return g.Rules, nil
	}
	var out []*grammar.Rule
	seen := map[*grammar.Rule]bool{}
	for _, a := range args {
		n := 0
		for _, r := range g.Rules {
			if (r.ID == a || strings.HasPrefix(r.ID, a) && strings.HasSuffix(a, ".")) && !seen[r] {
				out = append(out, r)
				seen[r] = true
			}
			if r.ID == a || strings.HasPrefix(r.ID, a) && strings.HasSuffix(a, ".") {
				n++
			}
		}
		if n == 0 {
			return nil, usageErr("no rule %q (see 'readout rules' for the ids; a prefix ends in a dot, as in pledge.)", a)
		}
	}
	return out, nil
}

func writeRule(b *strings.Builder, g *grammar.Grammar, r *grammar.Rule, examples bool) {
	what := r.Produce.String()
	switch r.Produce {
	case grammar.QuoteOut:
		what += " (" + string(r.Kind) + ")"
	case grammar.PledgeOut:
		if r.Strength != "" {
			what += " (" + string(r.Strength) + ")"
		}
	case grammar.CounterpartOut:
		if r.Channel != "" {
			what += " (" + string(r.Channel) + ")"
		}
	}
	fmt.Fprintf(b, "%s  %s:%d  %s, priority %d\n", r.ID, r.File, r.Line, what, r.Priority)
	if r.Doc != "" {
		fmt.Fprintf(b, "  %s\n", r.Doc)
	}
	fmt.Fprintf(b, "  pattern: %s\n", g.PatternString(r))
	if len(r.HookNames) > 0 {
		fmt.Fprintf(b, "  hooks: %s\n", strings.Join(r.HookNames, ", "))
	}
	if !examples {
		fmt.Fprintf(b, "  examples: %d, counterexamples: %d\n\n", len(r.Examples), len(r.Counterexamples))
		return
	}
	for _, ex := range r.Examples {
		fmt.Fprintf(b, "  example (line %d): %q", ex.Line, ex.Text)
		if len(ex.Expect) > 0 {
			fmt.Fprintf(b, " → %s", expectText(ex.Expect))
		}
		b.WriteByte('\n')
	}
	for _, ex := range r.Counterexamples {
		fmt.Fprintf(b, "  counterexample (line %d): %q\n", ex.Line, ex.Text)
	}
	b.WriteByte('\n')
}

func expectText(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + m[k]
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func writeHooks(b *strings.Builder) {
	for _, name := range grammar.HookNames() {
		fmt.Fprintf(b, "%-24s %s\n", name, grammar.HookDocs[name])
	}
}

func writeSections(b *strings.Builder, g *grammar.Grammar) {
	for _, s := range lexicon.Sections() {
		size := ""
		if id, ok := g.Lex.ListID(s.Name); ok {
			size = fmt.Sprintf(" (%d phrases)", g.Lex.Len(id))
		}
		fmt.Fprintf(b, "%-20s %-13s %s%s\n", s.Name, s.Shape, s.Doc, size)
	}
}

// checkRules runs the examples of the picked rules and reports failures
// on stderr, one line each; exit 1 when there is one.
func checkRules(cmd *cobra.Command, io streams, g *grammar.Grammar, picked []*grammar.Rule) error {
	fails, err := extract.CheckExamples(cmd.Context(), g, picked)
	if err != nil {
		return &exitError{code: exitInput, msg: err.Error()}
	}
	n := 0
	for _, r := range picked {
		n += len(r.Examples) + len(r.Counterexamples)
	}
	for _, f := range fails {
		fmt.Fprintln(io.err, "readout: "+oneLine(f.Error()))
	}
	if len(fails) > 0 {
		return &exitError{code: exitInput, msg: fmt.Sprintf("%d of %d examples of %d rules fail", len(fails), n, len(picked))}
	}
	_, err = fmt.Fprintf(io.out, "%d examples of %d rules: all pass\n", n, len(picked))
	if err != nil {
		return &exitError{code: exitInput, msg: "writing output: " + err.Error()}
	}
	return nil
}
