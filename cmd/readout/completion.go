package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/record"
	"github.com/readout/readout/score"
)

// Shell completion of flag values and arguments (readout completion
// bash|zsh|fish|powershell): each command's flags offer their values, with
// a description where shells show one, and the file arguments the file
// name extensions the command reads.

// choice is a value offered for a flag, and what it means.
type choice struct{ value, help string }

var formatChoices = []choice{
	{"yaml", "a YAML stream, one document per input"},
	{"json", "a JSON object (an array for several inputs)"},
	{"jsonl", "JSON Lines, one record per line"},
	{"csv", "a table, comma-separated (--table)"},
	{"tsv", "a table, tab-separated (--table)"},
}

var tableChoices = []choice{
	{"quotes", "one row per quote"},
	{"speakers", "one row per speaker"},
	{"counterparts", "one row per counterpart"},
	{"pledges", "one row per pledge"},
}

var inputChoices = []choice{
	{"auto", "HTML by content type, extension or content, else text"},
	{"text", "plain text, as it is"},
	{"html", "an HTML page: its article text"},
	{"jsonl", "stream mode: one {\"id\", \"text\"} object per line"},
}

// flagCompletions are the values each command's flags offer.
var flagCompletions = map[string]map[string][]choice{
	"parse": {
		"format":  formatChoices,
		"table":   tableChoices,
		"input":   inputChoices,
		"timeout": {{"10s", ""}, {"30s", "the default"}, {"1m", ""}},
	},
	"show": {
		"input":   inputChoices[:3],
		"timeout": {{"10s", ""}, {"30s", "the default"}, {"1m", ""}},
	},
	"batch": {
		"format": formatChoices[:3],
		"glob":   {{"*.txt", "the default"}, {"*.html", "HTML pages"}, {"*.md", ""}},
	},
	"check": {
		"format": {{"table", "a row per fixture and the totals"}, {"json", "one JSON object"}},
	},
}

// fileExtensions are the extensions a command's file arguments complete to
// (folders are always offered).
var fileExtensions = map[string][]string{
	"parse": {"txt", "html", "htm", "xhtml", "jsonl"},
	"show":  {"txt", "html", "htm", "xhtml"},
	"batch": nil, // folders
	"check": {"txt", "yaml"},
}

// flagFileExtensions are the extensions of flags that name a file.
var flagFileExtensions = map[string]map[string][]string{
	"":      {"rules": {"yaml", "yml"}},
	"check": {"junit": {"xml"}},
	"show":  {"output": {"html", "htm"}},
}

// registerCompletions adds the completions to root's commands.
func registerCompletions(root *cobra.Command) {
	for flag, exts := range flagFileExtensions[""] {
		root.MarkPersistentFlagFilename(flag, exts...)
	}
	for _, cmd := range root.Commands() {
		name := cmd.Name()
		for flag, choices := range flagCompletions[name] {
			if cmd.Flags().Lookup(flag) == nil {
				continue
			}
			cmd.RegisterFlagCompletionFunc(flag, completeChoices(choices))
		}
		for flag, exts := range flagFileExtensions[name] {
			cmd.MarkFlagFilename(flag, exts...)
		}
		if name == "check" {
			cmd.RegisterFlagCompletionFunc("min", completeMin)
		}
		if exts, ok := fileExtensions[name]; ok {
			cmd.ValidArgsFunction = completeFiles(exts)
		}
	}
}

func completeChoices(choices []choice) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, c := range choices {
			if strings.HasPrefix(c.value, toComplete) {
				out = append(out, cobra.CompletionWithDesc(c.value, c.help))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeMin offers check's categories, then a value after "=": the
// comma-separated list goes on after the part already typed.
func completeMin(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	done, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	var out []cobra.Completion
	if cat, _, ok := strings.Cut(last, "="); ok {
		for _, v := range []string{"0.5", "0.8", "0.9", "1"} {
			out = append(out, done+cat+"="+v)
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
	for _, c := range score.Categories {
		if strings.HasPrefix(string(c), last) {
			out = append(out, done+string(c)+"=")
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

func completeFiles(exts []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(exts) == 0 {
			return nil, cobra.ShellCompDirectiveFilterDirs
		}
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// The choices must name what the commands accept.
var _ = func() bool {
	if len(formatChoices) != len(record.Formats)+len(record.TableFormats) || len(tableChoices) != len(record.Tables) || len(inputChoices) != len(inputKinds) {
		panic("completion choices are out of date")
	}
	return true
}()
