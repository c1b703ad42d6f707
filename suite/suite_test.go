package suite

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// The suite's folder, from this package's.
var suiteDir = filepath.Join("..", "testdata", "suite")

var (
	updateFloors = flag.Bool("update-floors", false, "raise testdata/suite/floors.yaml to the pass rates measured now")
	showFailures = flag.String("suite.failures", os.Getenv("SUITE_FAILURES"), "print every failing case of these capabilities, with the record found: comma-separated globs (who.*, pledges.negation) or all (default $SUITE_FAILURES)")
	onlyCaps     = flag.String("suite.only", os.Getenv("SUITE_ONLY"), "run only these capabilities: comma-separated globs (default $SUITE_ONLY)")
	tableFile    = flag.String("suite.table", "", "also write the table of pass rates to this file")
)

// matches reports whether name matches one of the comma-separated globs
// in patterns ("all" and "*" match everything).
func matches(patterns, name string) bool {
	for _, p := range strings.Split(patterns, ",") {
		p = strings.TrimSpace(p)
		if p == "all" || p == "*" || p == name {
			return true
		}
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
}

// TestSuite runs the behavioural suite and holds each capability to its
// floor. The table of pass rates is logged (see it with -v).
func TestSuite(t *testing.T) {
	s, err := Load(suiteDir)
	if err != nil {
		t.Fatal(err)
	}
	var caps []*Capability
	var cases []*Case
	for _, c := range s.Capabilities {
		if *onlyCaps == "" || matches(*onlyCaps, c.Name) {
			caps = append(caps, c)
			cases = append(cases, c.Cases...)
		}
	}
	if len(caps) == 0 {
		t.Fatalf("-suite.only=%s matches no capability", *onlyCaps)
	}
	start := time.Now()
	results := Run(context.Background(), cases, runtime.GOMAXPROCS(0))
	elapsed := time.Since(start)

	floorsPath := filepath.Join(suiteDir, "floors.yaml")
	floors, lines, err := ReadFloors(floorsPath)
	if err != nil {
		t.Fatal(err)
	}
	rows := Rows(caps, results, floors)
	table := Table(rows)
	t.Logf("behavioural suite: %d capabilities, %d cases in %v\n%s", len(caps), len(cases), elapsed.Round(time.Millisecond), table)
	if *tableFile != "" {
		if err := os.WriteFile(*tableFile, []byte(table), 0o644); err != nil {
			t.Error(err)
		}
	}
	if *showFailures != "" {
		logFailures(t, results, *showFailures)
	}
	if *updateFloors {
		if err := WriteFloors(floorsPath, Raise(floors, rows), rows); err != nil {
			t.Fatal(err)
		}
		t.Logf("floors written to %s", floorsPath)
		return
	}
	for _, r := range rows {
		switch {
		case !r.HasFloor:
			t.Errorf("%s: no floor in %s (run go test ./suite -run TestSuite -update-floors)", r.Capability, floorsPath)
		case r.Rate() < r.Floor-1e-9:
			t.Errorf("%s: pass rate %.3f (%d/%d) is below its floor %.3f (%s:%d); see the failures with -suite.failures=%s",
				r.Capability, r.Rate(), r.Passed, r.Cases, r.Floor, floorsPath, lines[r.Capability], r.Capability)
		}
	}
	if *onlyCaps == "" {
		names := map[string]bool{}
		for _, c := range s.Capabilities {
			names[c.Name] = true
		}
		for name, line := range lines {
			if !names[name] {
				t.Errorf("%s:%d: no capability %s", floorsPath, line, name)
			}
		}
	}
}

// logFailures logs each failing case of the capabilities matching
// patterns: its id, template, text, what failed and the record found.
func logFailures(t *testing.T, results []Result, patterns string) {
	n := 0
	for _, r := range results {
		if r.Pass() || !matches(patterns, r.Case.Capability) {
			continue
		}
		n++
		var b strings.Builder
		fmt.Fprintf(&b, "FAIL %s (%s)\n", r.Case.ID(), r.Case.Where())
		fmt.Fprintf(&b, "  text: %s\n", strings.ReplaceAll(r.Case.Text, "\n", "\n        "))
		for _, m := range r.Misses {
			fmt.Fprintf(&b, "  - %s\n", m)
		}
		found, _ := yaml.Marshal(r.Found)
		fmt.Fprintf(&b, "  found:\n    %s", strings.ReplaceAll(strings.TrimRight(string(found), "\n"), "\n", "\n    "))
		t.Log(b.String())
	}
	t.Logf("%d failing cases in %s", n, patterns)
}
