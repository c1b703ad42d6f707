package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/readout/readout"
	"github.com/readout/readout/record"

	"github.com/readout/readout/parser"
	"github.com/readout/readout/score"
	"github.com/spf13/cobra"
)

func init() {
	extraCommands = append(extraCommands, newCheckCmd)
}

type checkOptions struct {
	min      []string
	exact    bool
	update   bool
	format   string
	junit    string
	maxBytes int
}

func newCheckCmd(g *globalOptions, io streams) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check DIR|FILE...",
		Short: "Score the extractor against gold files (NAME.txt beside NAME.gold.yaml)",
		Long: "check finds every NAME.txt with a NAME.gold.yaml beside it in each DIR (and its\n" +
			"subfolders), extracts its record and scores it against the gold as the annotation\n" +
			"guide says. It prints a row per fixture (F1 per category, attribution accuracy),\n" +
			"what differs for each fixture that is not exactly right (missing: in the gold, not\n" +
			"found; extra: found with its span [start, end), not in the gold; wrong speaker), and\n" +
			"the totals in the reference scorer's layout.\n\n" +
			"Categories for --min: speakers, direct, indirect, quotes (detected with the right\n" +
			"speaker), counterparts, pledges (F1 each) and attribution (accuracy).\n\n" +
			"Exit status: 0 all pass, 1 a --min or --exact check failed, 2 usage error, unreadable\n" +
			"fixture or malformed gold file.",
		Example: "  readout check testdata/fixtures\n" +
			"  readout check testdata/fixtures --min quotes=0.9,pledges=0.7 --junit report.xml\n" +
			"  readout check testdata/fixtures --exact\n" +
			"  readout check testdata/fixtures --update && git diff testdata/fixtures",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, g, io, o, args)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.min, "min", nil, "fail when a total falls below a minimum `CATEGORY=MIN` (comma-separated, repeatable), e.g. quotes=0.9,pledges=0.7")
	f.BoolVar(&o.exact, "exact", false, "fail on any difference from the gold")
	f.BoolVar(&o.update, "update", false, "write the current output as each fixture's gold file (review with git diff)")
	f.StringVarP(&o.format, "format", "f", "table", "output format: table or json")
	f.StringVar(&o.junit, "junit", "", "also write a JUnit XML report to `FILE` (atomically)")
	f.IntVar(&o.maxBytes, "max-bytes", parser.DefaultMaxBytes, "refuse inputs larger than this many bytes")
	return cmd
}

// fixture is an article and its gold file.
type fixture struct {
	name string // shown: the path below the folder argument, without .txt
	text string // NAME.txt
	gold string // NAME.gold.yaml

	goldRec score.Record
	err     error // the text could not be read or converted
	res     score.Result
	short   []score.Shortfall // this fixture's own scores below --min
	failed  bool              // short, or differs under --exact
	elapsed time.Duration
}

const goldSuffix = ".gold.yaml"

func runCheck(cmd *cobra.Command, g *globalOptions, io streams, o *checkOptions, args []string) error {
	if o.format != "table" && o.format != "json" {
		return usageErr("unknown --format %q (want table or json)", o.format)
	}
	var th score.Thresholds
	for _, spec := range o.min {
		var err error
		if th, err = th.Parse(spec); err != nil {
			return usageErr("--min: %v", err)
		}
	}
	if o.update && (len(th) > 0 || o.exact || o.junit != "" || o.format != "table") {
		return usageErr("--update writes gold files: it does not go with --min, --exact, --junit or --format")
	}
	fixtures, err := findFixtures(args, o.update)
	if err != nil {
		return err
	}
	if !o.update {
		bad := false
		for _, fx := range fixtures {
			if fx.goldRec, err = score.LoadGold(fx.gold); err != nil {
				var ge *score.GoldError
				if !errors.As(err, &ge) {
					err = fmt.Errorf("%s: %w", fx.gold, describeOpenError(err))
				}
				for _, line := range strings.Split(err.Error(), "\n") {
					fmt.Fprintln(io.err, "readout: "+line)
				}
				bad = true
			}
		}
		if bad {
			return &exitError{code: exitUsage, silent: true}
		}
	}
	rules, err := g.loadRules()
	if err != nil {
		return err
	}

	ctx := cmd.Context()
	unreadable := 0
	for _, fx := range fixtures {
		start := time.Now()
		var rec record.Readout
		src, err := readInput(io, fx.text, o.maxBytes)
		if err == nil {
			rec, err = readout.Convert(ctx, src, fx.text, rules, readout.Options{MaxBytes: o.maxBytes})
			if err != nil {
				err = fmt.Errorf("%s: %w", fx.text, err)
			}
		}
		if ctx.Err() != nil {
			return &exitError{code: exitInput, msg: "interrupted"}
		}
		if err != nil {
			fmt.Fprintln(io.err, "readout: "+oneLine(err.Error()))
			fx.err = err
			unreadable++
		}
		if o.update {
			if err == nil {
				if err := updateGold(io, fx, rec); err != nil {
					fmt.Fprintln(io.err, "readout: "+oneLine(err.Error()))
					unreadable++
				}
			}
			continue
		}
		var pred score.Record
		if err == nil {
			pred = score.FromReadout(rec)
		}
		fx.res = score.Score(pred, fx.goldRec)
		fx.short = th.Check(fx.res.Scores)
		fx.failed = fx.err != nil || len(fx.short) > 0 || o.exact && !fx.res.Perfect()
		fx.elapsed = time.Since(start)
	}
	if o.update {
		if unreadable > 0 {
			return &exitError{code: exitUsage, silent: true}
		}
		return nil
	}

	var total score.Scores
	for _, fx := range fixtures {
		total.Add(fx.res.Scores)
	}
	var failures []string
	for _, s := range th.Check(total) {
		failures = append(failures, s.String())
	}
	if o.exact {
		n := 0
		for _, fx := range fixtures {
			if !fx.res.Perfect() {
				n++
			}
		}
		if n > 0 {
			failures = append(failures, fmt.Sprintf("--exact: %d of %d fixtures differ from their gold", n, len(fixtures)))
		}
	}

	var out bytes.Buffer
	if o.format == "json" {
		writeCheckJSON(&out, fixtures, total, th, failures, unreadable)
	} else {
		writeCheckTable(&out, fixtures, total, unreadable)
	}
	if _, err := io.out.Write(out.Bytes()); err != nil {
		return &exitError{code: exitInput, msg: "writing output: " + err.Error()}
	}
	if o.junit != "" {
		if err := writeFileAtomic(o.junit, junitReport(fixtures, total, unreadable)); err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
	}
	if unreadable > 0 {
		return &exitError{code: exitUsage, silent: true}
	}
	if len(failures) > 0 {
		for _, f := range failures {
			fmt.Fprintln(io.err, "readout: check failed: "+f)
		}
		return &exitError{code: exitInput, silent: true}
	}
	return nil
}

// findFixtures lists the fixtures of each argument: a folder (searched
// with its subfolders, hidden ones left out), a NAME.txt or a
// NAME.gold.yaml. Without update every NAME.txt named needs its gold.
func findFixtures(args []string, update bool) ([]*fixture, error) {
	var out []*fixture
	seen := map[string]bool{}
	add := func(fx *fixture) {
		key := filepath.Clean(fx.text)
		if !seen[key] {
			seen[key] = true
			out = append(out, fx)
		}
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, usageErr("%s: %v", arg, describeOpenError(err))
		}
		if !st.IsDir() {
			var base string
			switch {
			case strings.HasSuffix(arg, goldSuffix):
				base = strings.TrimSuffix(arg, goldSuffix)
			case strings.HasSuffix(arg, ".txt"):
				base = strings.TrimSuffix(arg, ".txt")
			default:
				return nil, usageErr("%s: not a fixture (want a folder, NAME.txt or NAME%s)", arg, goldSuffix)
			}
			fx := &fixture{name: filepath.Base(base), text: base + ".txt", gold: base + goldSuffix}
			if !update && !isFile(fx.gold) {
				return nil, usageErr("%s: no gold file %s beside it", fx.text, fx.gold)
			}
			add(fx)
			continue
		}
		var found []*fixture
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != arg && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".txt") || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			base := strings.TrimSuffix(path, ".txt")
			if !isFile(base + goldSuffix) {
				return nil
			}
			name, err := filepath.Rel(arg, base)
			if err != nil {
				name = filepath.Base(base)
			}
			found = append(found, &fixture{name: filepath.ToSlash(name), text: path, gold: base + goldSuffix})
			return nil
		})
		if err != nil {
			return nil, usageErr("%s: %v", arg, unwrapPath(err))
		}
		if len(found) == 0 {
			return nil, usageErr("%s: no fixtures (NAME.txt with NAME%s beside it)", arg, goldSuffix)
		}
		// In the reference scorer's order: by gold file name.
		sort.SliceStable(found, func(i, j int) bool { return found[i].gold < found[j].gold })
		for _, fx := range found {
			add(fx)
		}
	}
	return out, nil
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// updateGold writes rec as fx's gold file, keeping the old gold's source
// line; an unchanged gold file is left alone.
func updateGold(io streams, fx *fixture, rec record.Readout) error {
	old, err := os.ReadFile(fx.gold)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", fx.gold, describeOpenError(err))
	}
	data := score.UpdateGold(old, score.FromReadout(rec))
	if bytes.Equal(data, old) {
		fmt.Fprintf(io.out, "unchanged %s\n", fx.gold)
		return nil
	}
	if err := writeFileAtomic(fx.gold, data); err != nil {
		return err
	}
	fmt.Fprintf(io.out, "wrote %s\n", fx.gold)
	return nil
}

// status is a fixture's word in the table's last column.
func (fx *fixture) status() string {
	switch {
	case fx.err != nil:
		return "ERROR"
	case fx.failed:
		return "FAIL"
	case fx.res.Perfect():
		return "exact"
	}
	return "differs"
}

// checkColumns are the table's figures, in order.
var checkColumns = []struct {
	head string
	cat  score.Category
}{
	{"speakers", score.Speakers},
	{"direct", score.Direct},
	{"indirect", score.Indirect},
	{"quotes", score.Quotes},
	{"counterparts", score.Counterparts},
	{"pledges", score.Pledges},
	{"attribution", score.Attribution},
}

func writeCheckTable(w *bytes.Buffer, fixtures []*fixture, total score.Scores, unreadable int) {
	width := len("fixture")
	for _, fx := range fixtures {
		width = max(width, len(fx.name))
	}
	fmt.Fprintf(w, "%-*s", width, "fixture")
	for _, c := range checkColumns {
		fmt.Fprintf(w, "  %*s", len(c.head), c.head)
	}
	fmt.Fprintln(w, "  status")
	for _, fx := range fixtures {
		fmt.Fprintf(w, "%-*s", width, fx.name)
		for _, c := range checkColumns {
			fmt.Fprintf(w, "  %*.3f", len(c.head), fx.res.Scores.Value(c.cat))
		}
		fmt.Fprintf(w, "  %s\n", fx.status())
	}
	for _, fx := range fixtures {
		if fx.res.Perfect() && fx.err == nil {
			continue
		}
		fmt.Fprintf(w, "\n--- %s (%s): %s\n", fx.name, fx.text, fixtureSummary(fx))
		w.WriteString(score.FormatDiff(fx.res.Diff))
	}
	fmt.Fprintln(w)
	total.WriteTotals(w, len(fixtures), unreadable)
}

func fixtureSummary(fx *fixture) string {
	var parts []string
	if fx.err != nil {
		parts = append(parts, "could not be read: "+oneLine(fx.err.Error()))
	}
	if len(fx.res.Diff) > 0 {
		parts = append(parts, score.Summary(fx.res.Diff))
	}
	for _, s := range fx.short {
		parts = append(parts, "below --min: "+s.String())
	}
	return strings.Join(parts, "; ")
}

type checkJSONFile struct {
	Name       string             `json:"name"`
	Text       string             `json:"text"`
	Gold       string             `json:"gold"`
	Status     string             `json:"status"`
	Error      string             `json:"error,omitempty"`
	Shortfalls []string           `json:"shortfalls,omitempty"`
	Scores     score.Scores       `json:"scores"`
	Diff       []score.Difference `json:"diff"`
}

func writeCheckJSON(w *bytes.Buffer, fixtures []*fixture, total score.Scores, th score.Thresholds, failures []string, unreadable int) {
	mins := map[string]float64{}
	for _, t := range th {
		mins[string(t.Category)] = t.Min
	}
	v := struct {
		Articles   int                `json:"articles"`
		Missing    int                `json:"missing"`
		Pass       bool               `json:"pass"`
		Failures   []string           `json:"failures"`
		Thresholds map[string]float64 `json:"thresholds"`
		Totals     score.Scores       `json:"totals"`
		Files      []checkJSONFile    `json:"files"`
	}{len(fixtures), unreadable, len(failures) == 0 && unreadable == 0, failures, mins, total, nil}
	if v.Failures == nil {
		v.Failures = []string{}
	}
	for _, fx := range fixtures {
		f := checkJSONFile{Name: fx.name, Text: fx.text, Gold: fx.gold, Status: fx.status(), Scores: fx.res.Scores, Diff: fx.res.Diff}
		if fx.err != nil {
			f.Error = oneLine(fx.err.Error())
		}
		for _, s := range fx.short {
			f.Shortfalls = append(f.Shortfalls, s.String())
		}
		if f.Diff == nil {
			f.Diff = []score.Difference{}
		}
		v.Files = append(v.Files, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(v) // only plain values: cannot fail
}

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Time      string      `xml:"time,attr"`
	Cases     []junitCase `xml:"testcase"`
	SystemOut *cdata      `xml:"system-out,omitempty"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut *cdata        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// cdata is element text kept readable: its lines are not escaped.
type cdata struct {
	Text string `xml:",cdata"`
}

// junitReport is one <testcase> per fixture in a <testsuite name="readout
// check">; a fixture below a --min threshold on its own scores, or that
// differs under --exact, has a <failure> holding its differences.
func junitReport(fixtures []*fixture, total score.Scores, unreadable int) []byte {
	suite := junitSuite{Name: "readout check", Tests: len(fixtures)}
	var elapsed time.Duration
	for _, fx := range fixtures {
		elapsed += fx.elapsed
		var scores strings.Builder
		for i, c := range checkColumns {
			if i > 0 {
				scores.WriteString("  ")
			}
			fmt.Fprintf(&scores, "%s %.3f", c.head, fx.res.Scores.Value(c.cat))
		}
		detail := scores.String() + "\n" + score.FormatDiff(fx.res.Diff)
		tc := junitCase{Name: fx.name, Classname: "readout check", File: fx.text, Time: seconds(fx.elapsed), SystemOut: &cdata{detail}}
		switch {
		case fx.err != nil:
			suite.Errors++
			tc.Error = &junitProblem{Message: oneLine(fx.err.Error()), Type: "unreadable", Text: oneLine(fx.err.Error())}
		case fx.failed:
			suite.Failures++
			tc.Failure = &junitProblem{Message: fixtureSummary(fx), Type: "check", Text: detail}
			tc.SystemOut = nil // the failure has it
		}
		suite.Cases = append(suite.Cases, tc)
	}
	suite.Time = seconds(elapsed)
	var totals bytes.Buffer
	total.WriteTotals(&totals, len(fixtures), unreadable)
	suite.SystemOut = &cdata{totals.String()}
	b, _ := xml.MarshalIndent(junitSuites{Suites: []junitSuite{suite}}, "", "  ") // plain values: cannot fail
	return append(append([]byte(xml.Header), b...), '\n')
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }
