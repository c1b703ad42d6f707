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
	min        []string
	perFixture bool
	exact      bool
	update     bool
	format     string
	junit      string
	maxBytes   int
}

func newCheckCmd(g *globalOptions, io streams) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check DIR|FILE...",
		Short: "Score the extractor against gold files (NAME.txt beside NAME.gold.yaml)",
		Long: "check finds every NAME.txt with a NAME.gold.yaml beside it in each DIR (and its\n" +
			"subfolders), extracts its record and scores it against the gold as the annotation\n" +
			"guide says (docs/gold-format.md). It prints a row per fixture (F1 per category,\n" +
			"attribution accuracy, status), what differs for each fixture that is not exactly\n" +
			"right (missing: in the gold, not found; extra: found with its span [start, end), not\n" +
			"in the gold; wrong speaker), the totals in the reference scorer's layout, and last a\n" +
			"verdict line: PASS or FAIL and why.\n\n" +
			"Categories for --min: speakers, direct, indirect, quotes (detected with the right\n" +
			"speaker), counterparts, pledges (F1 each) and attribution (accuracy).\n\n" +
			"The floors of --min apply to the totals over all fixtures. A fixture whose own\n" +
			"scores fall below a floor is shown as \"below\" and does not fail the run; with\n" +
			"--per-fixture the floors apply to each fixture too, and such a fixture is FAIL.\n" +
			"Under --exact a fixture that differs from its gold in any way is FAIL.\n\n" +
			"Status of a fixture: exact (matches its gold), differs, below (a floor, not a\n" +
			"failure), FAIL, ERROR (could not be read). The run passes when no fixture is FAIL\n" +
			"or ERROR and the totals meet every floor; the table, the JSON \"pass\" field, the\n" +
			"JUnit report and the exit status all follow that one verdict.\n\n" +
			"Exit status: 0 pass, 1 fail, 2 usage error, unreadable fixture or malformed gold\n" +
			"file.",
		Example: "  readout check testdata/fixtures\n" +
			"  readout check testdata/fixtures --min quotes=0.9,pledges=0.7 --junit report.xml\n" +
			"  readout check testdata/fixtures --min quotes=0.5 --per-fixture\n" +
			"  readout check testdata/fixtures --exact\n" +
			"  readout check testdata/fixtures --update && git diff testdata/fixtures",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, g, io, o, args)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.min, "min", nil, "fail when a total falls below a minimum `CATEGORY=MIN` (comma-separated, repeatable), e.g. quotes=0.9,pledges=0.7")
	f.BoolVar(&o.perFixture, "per-fixture", false, "apply the --min floors to each fixture's own scores too: a fixture below one fails")
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
	status  status            // set by decide
	elapsed time.Duration
}

// status is a fixture's word in the table's last column, the JSON's
// "status" and the JUnit report.
type status string

const (
	statusExact   status = "exact"   // matches its gold in every respect
	statusDiffers status = "differs" // differs, but fails nothing
	statusBelow   status = "below"   // below a --min floor on its own scores; not a failure (the floors apply to the totals)
	statusFail    status = "FAIL"    // below a floor with --per-fixture, or differs under --exact
	statusError   status = "ERROR"   // could not be read or converted
)

// verdict is the one decision a check run comes to. Every fixture's
// status is set with it, and the table, the JSON "pass" field, the JUnit
// report and the exit code all read it, so they cannot disagree.
type verdict struct {
	pass     bool
	failures []string       // why the run fails, one line each; empty when it passes
	counts   map[status]int // fixtures by status
	totals   []score.Shortfall
	n        int // fixtures
}

// decide sets each fixture's status and comes to the verdict.
func decide(fixtures []*fixture, total score.Scores, th score.Thresholds, o *checkOptions) verdict {
	v := verdict{counts: map[status]int{}, n: len(fixtures)}
	for _, fx := range fixtures {
		switch {
		case fx.err != nil:
			fx.status = statusError
		case o.perFixture && len(fx.short) > 0, o.exact && !fx.res.Perfect():
			fx.status = statusFail
		case len(fx.short) > 0:
			fx.status = statusBelow
		case fx.res.Perfect():
			fx.status = statusExact
		default:
			fx.status = statusDiffers
		}
		v.counts[fx.status]++
	}
	v.totals = th.Check(total)
	for _, s := range v.totals {
		v.failures = append(v.failures, "totals: "+s.String())
	}
	if n := v.counts[statusFail]; n > 0 {
		why := "below a --min floor (--per-fixture)"
		if o.exact {
			why = "different from their gold (--exact)"
			if o.perFixture {
				why = "below a --min floor (--per-fixture) or different from their gold (--exact)"
			}
		}
		v.failures = append(v.failures, fmt.Sprintf("%d of %d fixtures %s", n, len(fixtures), why))
	}
	if n := v.counts[statusError]; n > 0 {
		v.failures = append(v.failures, fmt.Sprintf("%d of %d fixtures could not be read", n, len(fixtures)))
	}
	v.pass = len(v.failures) == 0
	return v
}

// line is the verdict as the last line of the report: "PASS: …" or
// "FAIL: …".
func (v verdict) line() string {
	var parts []string
	for _, st := range []status{statusExact, statusDiffers, statusBelow, statusFail, statusError} {
		if n := v.counts[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st))
		}
	}
	fixtures := fmt.Sprintf("%d fixtures (%s)", v.n, strings.Join(parts, ", "))
	if v.pass {
		return "PASS: " + fixtures
	}
	return "FAIL: " + strings.Join(v.failures, "; ") + " [" + fixtures + "]"
}

const goldSuffix = ".gold.yaml"

func runCheck(cmd *cobra.Command, g *globalOptions, io streams, o *checkOptions, args []string) error {
	th, err := o.validate()
	if err != nil {
		return err
	}
	if err := checkMaxBytes(o.maxBytes); err != nil {
		return err
	}
	fixtures, err := findFixtures(args, o.update)
	if err != nil {
		return err
	}
	if !o.update {
		if err := loadGolds(io, fixtures); err != nil {
			return err
		}
	}
	rules, err := g.loadRules()
	if err != nil {
		return err
	}
	if o.update {
		return updateFixtures(cmd, io, o, rules, fixtures)
	}
	if err := scoreFixtures(cmd, io, o, rules, th, fixtures); err != nil {
		return err
	}
	var total score.Scores
	for _, fx := range fixtures {
		total.Add(fx.res.Scores)
	}
	v := decide(fixtures, total, th, o)
	var out bytes.Buffer
	if o.format == "json" {
		writeCheckJSON(&out, fixtures, total, th, v)
	} else {
		writeCheckTable(&out, fixtures, total, v)
	}
	if _, err := io.out.Write(out.Bytes()); err != nil {
		return &exitError{code: exitInput, msg: "writing output: " + err.Error()}
	}
	if o.junit != "" {
		if err := writeFileAtomic(o.junit, junitReport(fixtures, total, th, v)); err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
	}
	if o.format == "json" && !v.pass {
		fmt.Fprintln(io.err, "readout: check "+v.line()) // the JSON's last field has it too
	}
	switch {
	case v.counts[statusError] > 0:
		return &exitError{code: exitUsage, silent: true}
	case !v.pass:
		return &exitError{code: exitInput, silent: true}
	}
	return nil
}

// validate checks the flags and returns the --min floors.
func (o *checkOptions) validate() (score.Thresholds, error) {
	if o.format != "table" && o.format != "json" {
		return nil, usageErr("unknown --format %q (want table or json)", o.format)
	}
	var th score.Thresholds
	for _, spec := range o.min {
		var err error
		if th, err = th.Parse(spec); err != nil {
			return nil, usageErr("--min: %v", err)
		}
	}
	if o.update && (len(th) > 0 || o.exact || o.perFixture || o.junit != "" || o.format != "table") {
		return nil, usageErr("--update writes gold files: it does not go with --min, --per-fixture, --exact, --junit or --format")
	}
	if o.perFixture && len(th) == 0 {
		return nil, usageErr("--per-fixture applies the --min floors to each fixture: give --min too")
	}
	return th, nil
}

// loadGolds reads every fixture's gold file; a malformed one is a usage
// error naming the file and line (all of them are reported).
func loadGolds(io streams, fixtures []*fixture) error {
	bad := false
	for _, fx := range fixtures {
		var err error
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
	return nil
}

// convertFixture reads and converts a fixture's text; the error names it.
func convertFixture(cmd *cobra.Command, io streams, o *checkOptions, rules *readout.Rules, fx *fixture) (record.Readout, error) {
	src, err := readInput(io, fx.text, o.maxBytes)
	if err != nil {
		return record.Readout{}, err
	}
	rec, err := readout.Convert(cmd.Context(), src, fx.text, rules, readout.Options{MaxBytes: o.maxBytes})
	if err != nil {
		return record.Readout{}, fmt.Errorf("%s: %w", fx.text, err)
	}
	return rec, nil
}

// scoreFixtures converts and scores each fixture; an unreadable one is
// reported on stderr and keeps its error.
func scoreFixtures(cmd *cobra.Command, io streams, o *checkOptions, rules *readout.Rules, th score.Thresholds, fixtures []*fixture) error {
	for _, fx := range fixtures {
		start := time.Now()
		rec, err := convertFixture(cmd, io, o, rules, fx)
		if cmd.Context().Err() != nil {
			return &exitError{code: exitInput, msg: "interrupted"}
		}
		var pred score.Record
		if err != nil {
			fmt.Fprintln(io.err, "readout: "+oneLine(err.Error()))
			fx.err = err
		} else {
			pred = score.FromReadout(rec)
		}
		fx.res = score.Score(pred, fx.goldRec)
		fx.short = th.Check(fx.res.Scores)
		fx.elapsed = time.Since(start)
	}
	return nil
}

// updateFixtures writes each fixture's record as its gold file.
func updateFixtures(cmd *cobra.Command, io streams, o *checkOptions, rules *readout.Rules, fixtures []*fixture) error {
	failed := false
	for _, fx := range fixtures {
		rec, err := convertFixture(cmd, io, o, rules, fx)
		if cmd.Context().Err() != nil {
			return &exitError{code: exitInput, msg: "interrupted"}
		}
		if err == nil {
			err = updateGold(io, fx, rec)
		}
		if err != nil {
			fmt.Fprintln(io.err, "readout: "+oneLine(err.Error()))
			failed = true
		}
	}
	if failed {
		return &exitError{code: exitUsage, silent: true}
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

func writeCheckTable(w *bytes.Buffer, fixtures []*fixture, total score.Scores, v verdict) {
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
		fmt.Fprintf(w, "  %s\n", fx.status)
	}
	for _, fx := range fixtures {
		if fx.res.Perfect() && fx.err == nil {
			continue
		}
		fmt.Fprintf(w, "\n--- %s (%s): %s\n", fx.name, fx.text, fixtureSummary(fx))
		w.WriteString(score.FormatDiff(fx.res.Diff))
	}
	fmt.Fprintln(w)
	total.WriteTotals(w, len(fixtures), v.counts[statusError])
	for _, s := range v.totals {
		fmt.Fprintf(w, "below --min in the totals: %s\n", s)
	}
	fmt.Fprintln(w, v.line())
}

// fixtureSummary says in one line why a fixture is not exact.
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
	Status     status             `json:"status"`
	Error      string             `json:"error,omitempty"`
	Shortfalls []string           `json:"shortfalls,omitempty"`
	Scores     score.Scores       `json:"scores"`
	Diff       []score.Difference `json:"diff"`
}

func writeCheckJSON(w *bytes.Buffer, fixtures []*fixture, total score.Scores, th score.Thresholds, v verdict) {
	mins := map[string]float64{}
	for _, t := range th {
		mins[string(t.Category)] = t.Min
	}
	out := struct {
		Articles   int                `json:"articles"`
		Missing    int                `json:"missing"`
		Pass       bool               `json:"pass"`
		Failures   []string           `json:"failures"`
		Thresholds map[string]float64 `json:"thresholds"`
		Totals     score.Scores       `json:"totals"`
		Files      []checkJSONFile    `json:"files"`
		Verdict    string             `json:"verdict"`
	}{len(fixtures), v.counts[statusError], v.pass, v.failures, mins, total, nil, v.line()}
	if out.Failures == nil {
		out.Failures = []string{}
	}
	for _, fx := range fixtures {
		f := checkJSONFile{Name: fx.name, Text: fx.text, Gold: fx.gold, Status: fx.status, Scores: fx.res.Scores, Diff: fx.res.Diff}
		if fx.err != nil {
			f.Error = oneLine(fx.err.Error())
		}
		for _, s := range fx.short {
			f.Shortfalls = append(f.Shortfalls, s.String())
		}
		if f.Diff == nil {
			f.Diff = []score.Difference{}
		}
		out.Files = append(out.Files, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(out) // only plain values: cannot fail
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

// junitTotals is the name of the test case that stands for the totals.
const junitTotals = "(totals)"

// junitReport is one <testcase> per fixture in a <testsuite name="readout
// check">, following the verdict: a FAIL fixture has a <failure> holding
// its differences, an ERROR one an <error>; a fixture "below" a floor
// passes (its shortfalls are in its system-out). When --min is given, a
// last test case "(totals)" checks the totals and fails when they fall
// below a floor, so the report has failures exactly when the run fails.
func junitReport(fixtures []*fixture, total score.Scores, th score.Thresholds, v verdict) []byte {
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
		detail := scores.String() + "\nstatus " + string(fx.status) + "\n" + score.FormatDiff(fx.res.Diff)
		if sum := fixtureSummary(fx); sum != "" {
			detail += sum + "\n"
		}
		tc := junitCase{Name: fx.name, Classname: "readout check", File: fx.text, Time: seconds(fx.elapsed), SystemOut: &cdata{detail}}
		switch fx.status {
		case statusError:
			suite.Errors++
			tc.Error = &junitProblem{Message: oneLine(fx.err.Error()), Type: "unreadable", Text: oneLine(fx.err.Error())}
		case statusFail:
			suite.Failures++
			tc.Failure = &junitProblem{Message: fixtureSummary(fx), Type: "check", Text: detail}
			tc.SystemOut = nil // the failure has it
		}
		suite.Cases = append(suite.Cases, tc)
	}
	var totals bytes.Buffer
	total.WriteTotals(&totals, len(fixtures), v.counts[statusError])
	if len(th) > 0 {
		suite.Tests++
		tc := junitCase{Name: junitTotals, Classname: "readout check", Time: seconds(0), SystemOut: &cdata{totals.String()}}
		if len(v.totals) > 0 {
			suite.Failures++
			var why []string
			for _, s := range v.totals {
				why = append(why, s.String())
			}
			tc.Failure = &junitProblem{Message: "below --min in the totals: " + strings.Join(why, "; "), Type: "check", Text: totals.String()}
			tc.SystemOut = nil
		}
		suite.Cases = append(suite.Cases, tc)
	}
	suite.Time = seconds(elapsed)
	suite.SystemOut = &cdata{totals.String() + v.line() + "\n"}
	b, _ := xml.MarshalIndent(junitSuites{Suites: []junitSuite{suite}}, "", "  ") // plain values: cannot fail
	return append(append([]byte(xml.Header), b...), '\n')
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }
