package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes, as documented in the README.
const (
	exitOK    = 0
	exitInput = 1 // an input could not be processed, or a check failed
	exitUsage = 2 // bad flags or arguments, unreadable rules or fixtures
)

// streams are the command's IO, injected so tests run commands in-process.
type streams struct {
	in          io.Reader
	out, err    io.Writer
	errTerminal bool // stderr is a terminal: progress bars allowed
}

func stdStreams() streams {
	return streams{in: os.Stdin, out: os.Stdout, err: os.Stderr, errTerminal: term.IsTerminal(int(os.Stderr.Fd()))}
}

// exitError carries an exit code; its message is already printed when
// silent is set.
type exitError struct {
	code   int
	msg    string
	silent bool
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

// globalOptions are flags every command shares.
type globalOptions struct {
	rules []string
}

// loadRules compiles the built-in rules plus --rules files; a bad rules
// file is a usage error naming the file and line.
func (g *globalOptions) loadRules() (*readout.Rules, error) {
	if len(g.rules) == 0 {
		r, err := readout.DefaultRules()
		if err != nil {
			return nil, &exitError{code: exitUsage, msg: "rules: " + err.Error()}
		}
		return r, nil
	}
	r, err := readout.LoadRules(g.rules...)
	if err != nil {
		return nil, &exitError{code: exitUsage, msg: "rules: " + err.Error()}
	}
	return r, nil
}

func newRootCmd(ctx context.Context, io streams) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:           "readout",
		Short:         "Turn news readouts into structured data: speakers, quotes, counterparts, pledges",
		Long:          "readout reads articles and official statements about calls, meetings and talks between\nofficials and writes who spoke, what they said, with whom they talked and what they pledged\n(the readout/v1 record) as YAML, JSON or JSON Lines.",
		Version:       readout.Version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(io.in)
	root.SetOut(io.out)
	root.SetErr(io.err)
	root.SetContext(ctx)
	root.PersistentFlags().StringArrayVar(&g.rules, "rules", nil, "a YAML rules `FILE` that adds words and grammar rules to the built-in ones (repeatable; see docs/rules.md)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%s (see '%s --help')", err, c.CommandPath())
	})
	root.AddCommand(newParseCmd(g, io), newSchemaCmd(io))
	for _, add := range extraCommands {
		root.AddCommand(add(g, io))
	}
	registerCompletions(root)
	return root
}

// extraCommands lets each command file register itself.
var extraCommands []func(*globalOptions, streams) *cobra.Command

// run executes the command line and returns the exit code. It is the only
// place errors are printed.
//
// Ctrl-C (SIGINT) and SIGTERM (what timeout, systemd and Kubernetes send)
// stop the command the same way: no new input is started, what was
// finished is written, staging folders are removed and the summary
// printed; the exit code is then 128 + the signal's number (130, 143), as
// a shell reports a process the signal killed. A second signal kills at
// once.
func run(args []string, io streams) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() {
		select {
		case s := <-sigs:
			signal.Stop(sigs)
			cancel(interrupted{s})
		case <-ctx.Done():
		}
	}()
	code := runContext(ctx, args, io)
	var sig interrupted
	if errors.As(context.Cause(ctx), &sig) {
		if n, ok := sig.Signal.(syscall.Signal); ok {
			return 128 + int(n)
		}
		return 128 + 2
	}
	return code
}

// interrupted is the cause of a run cancelled by a signal.
type interrupted struct{ os.Signal }

func (i interrupted) Error() string { return "interrupted by " + i.Signal.String() }

// runContext is run with a given context (tests cancel it to stand in for
// Ctrl-C).
func runContext(ctx context.Context, args []string, io streams) int {
	root := newRootCmd(ctx, io)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if !ee.silent && ee.msg != "" {
			fmt.Fprintln(io.err, "readout: "+oneLine(ee.msg))
		}
		return ee.code
	}
	// Errors cobra makes itself: unknown commands, bad arguments.
	fmt.Fprintln(io.err, "readout: "+oneLine(err.Error()))
	return exitUsage
}

// oneLine makes a message one line: each run of white space that holds a
// line break or tab becomes one space. Runs of plain spaces are kept, so
// a file name in the message reads as it is (names with line breaks or
// tabs are quoted by pathName, and so are not touched).
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t\v\f\u0085\u2028\u2029") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		j, control := i, false
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r) {
				break
			}
			control = control || r != ' '
			j += n
		}
		if control {
			b.WriteByte(' ')
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return strings.TrimSpace(b.String())
}
