package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout"
	"github.com/readout/readout/internal/showpage"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/score"

	"github.com/spf13/cobra"
)

func init() {
	extraCommands = append(extraCommands, newShowCmd)
}

type showOptions struct {
	output   string
	maxBytes int
	input    string
	timeout  time.Duration
	noGold   bool
}

func newShowCmd(g *globalOptions, io streams) *cobra.Command {
	o := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show FILE|URL...",
		Short: "Write one HTML page that shows what was found in articles, and how it compares with their gold files",
		Long: "show extracts the record of each FILE (text or HTML, a URL, or - for standard input)\n" +
			"and writes one self-contained HTML page (no network, no external files) to standard\n" +
			"output or -o FILE: each article with its quotes highlighted (solid: direct, hatched:\n" +
			"reported) in the colour of their speaker, the speakers' mentions in bold, counterparts\n" +
			"with a blue line above, pledges with a green wavy line below. Hovering over a highlight\n" +
			"shows its record and rule; clicking selects it; a side panel lists the records.\n\n" +
			"With a gold file beside an input (NAME.gold.yaml for NAME.txt, the format 'readout\n" +
			"check' reads; see docs/gold-format.md), the page also shows what differs from it,\n" +
			"matched as 'readout check' matches: extra items (dashed red), quotes with the wrong\n" +
			"speaker (orange), and the gold's items that were not found, underlined in red dots\n" +
			"where their words are in the text.",
		Example: "  readout show article.txt -o article.html\n" +
			"  readout show testdata/fixtures/*.txt -o fixtures.html   # with their gold files\n" +
			"  readout show https://example.org/news/readout > page.html",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runShow(cmd, g, io, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write the page to `FILE` (atomically) instead of standard output")
	f.IntVar(&o.maxBytes, "max-bytes", parser.DefaultMaxBytes, "refuse inputs larger than this many bytes")
	f.StringVar(&o.input, "input", "auto", "input kind: auto (HTML by URL content type, file extension or content, else text), text or html")
	f.DurationVar(&o.timeout, "timeout", defaultTimeout, "give up fetching a URL after this `DURATION`")
	f.BoolVar(&o.noGold, "no-gold", false, "do not compare with gold files, even where there are some")
	return cmd
}

func runShow(cmd *cobra.Command, g *globalOptions, io streams, o *showOptions, args []string) error {
	if !slices.Contains([]string{"auto", "text", "html"}, o.input) {
		return usageErr("unknown --input %q (want auto, text or html)", o.input)
	}
	if err := checkMaxBytes(o.maxBytes); err != nil {
		return err
	}
	if o.output != "" {
		if st, err := os.Stat(o.output); err == nil && st.IsDir() {
			return &exitError{code: exitInput, msg: o.output + ": is a folder; -o needs a file name"}
		}
	}
	rules, err := g.loadRules()
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	po := &parseOptions{maxBytes: o.maxBytes, input: o.input, timeout: o.timeout}
	var articles []showpage.Article
	failed, badGold := 0, false
	for _, name := range args {
		a, err := showArticle(cmd, io, po, rules, name, o.noGold)
		if ctx.Err() != nil {
			return &exitError{code: exitInput, msg: "interrupted"}
		}
		var ge *goldProblem
		switch {
		case errors.As(err, &ge):
			for _, line := range strings.Split(ge.Error(), "\n") {
				fmt.Fprintln(io.err, "readout: "+line)
			}
			badGold = true
		case err != nil:
			fmt.Fprintln(io.err, "readout: "+oneLine(err.Error()))
			failed++
		default:
			articles = append(articles, a)
		}
	}
	if badGold {
		return &exitError{code: exitUsage, silent: true}
	}
	if len(articles) > 0 {
		var page bytes.Buffer
		if err := showpage.Render(&page, articles); err != nil {
			return &exitError{code: exitInput, msg: "rendering the page: " + err.Error()}
		}
		if o.output != "" {
			if err := writeFileAtomic(o.output, page.Bytes()); err != nil {
				return &exitError{code: exitInput, msg: err.Error()}
			}
		} else if _, err := io.out.Write(page.Bytes()); err != nil {
			return &exitError{code: exitInput, msg: "writing output: " + err.Error()}
		}
	}
	if failed > 0 {
		return &exitError{code: exitInput, silent: true}
	}
	return nil
}

// goldProblem is a gold file that cannot be read or is malformed.
type goldProblem struct{ err error }

func (e *goldProblem) Error() string { return e.err.Error() }

// showArticle reads and converts one input and loads the gold file beside
// it, if any.
func showArticle(cmd *cobra.Command, io streams, po *parseOptions, rules *readout.Rules, name string, noGold bool) (showpage.Article, error) {
	src, opt, err := readSource(cmd.Context(), io, name, po)
	if err != nil {
		return showpage.Article{}, err
	}
	rec, err := readout.Convert(cmd.Context(), src, name, rules, opt)
	if err != nil {
		return showpage.Article{}, fmt.Errorf("%s: %w", displayName(name), err)
	}
	a := showpage.Article{Record: rec, Text: string(src)}
	if rec.Text != "" {
		a.Text = rec.Text
	}
	if noGold || name == "-" || isURL(name) {
		return a, nil
	}
	gold := goldBeside(name)
	if !isFile(gold) {
		return a, nil
	}
	g, err := score.LoadGold(gold)
	if err != nil {
		var ge *score.GoldError
		if !errors.As(err, &ge) {
			err = fmt.Errorf("%s: %w", gold, describeOpenError(err))
		}
		return showpage.Article{}, &goldProblem{err}
	}
	a.Gold, a.GoldPath = &g, gold
	return a, nil
}

// goldBeside is the gold file of an input: NAME.gold.yaml for NAME.txt
// (or NAME.html, or NAME).
func goldBeside(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name)) + goldSuffix
}
