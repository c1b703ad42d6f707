package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/record"
)

// update rewrites the golden files: go test ./cmd/readout -run Golden -update
var update = flag.Bool("update", false, "rewrite testdata/golden/*.yaml from the current output of parse")

const (
	fixtureDir = "../../testdata/fixtures"
	goldenDir  = "../../testdata/golden"
)

// fixturePaths returns the fixture articles as relative paths, so that the
// source recorded in the output is the same on every machine.
func fixturePaths(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(fixtureDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no fixtures in %s", fixtureDir)
	}
	slices.Sort(paths)
	return paths
}

func fixtureName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".txt")
}

// runCmd runs the command line in-process and returns its exit code,
// stdout and stderr.
func runCmd(t testing.TB, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, streams{in: strings.NewReader(stdin), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

// TestGolden compares the parse output of every fixture with
// testdata/golden/NAME.yaml.
func TestGolden(t *testing.T) {
	paths := fixturePaths(t)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range paths {
		name := fixtureName(path)
		t.Run(name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", "parse", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if errs != "" {
				t.Errorf("stderr: %s", errs)
			}
			if wd, _ := os.Getwd(); strings.Contains(out, filepath.Dir(filepath.Dir(wd))) {
				t.Errorf("output holds a machine-specific path (%s)", filepath.Dir(filepath.Dir(wd)))
			}
			out = maskProvenance(out)
			golden := filepath.Join(goldenDir, name+".yaml")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run: go test ./cmd/readout -run Golden -update)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (if the change is intended, run: go test ./cmd/readout -run Golden -update)\n%s", golden, firstDiff(string(want), out))
			}
		})
	}
	// A golden file without its fixture is stale.
	goldens, _ := filepath.Glob(filepath.Join(goldenDir, "*.yaml"))
	for _, g := range goldens {
		name := strings.TrimSuffix(filepath.Base(g), ".yaml")
		if _, err := os.Stat(filepath.Join(fixtureDir, name+".txt")); err != nil {
			if *update {
				os.Remove(g)
			} else {
				t.Errorf("%s has no fixture %s.txt (run -update to remove it)", g, name)
			}
		}
	}
}

var provenanceLines = regexp.MustCompile(`(?m)^provenance:\n  version: .*\n  rules: .*\n`)

// maskProvenance replaces a YAML record's provenance, which changes with
// every build and every edit of the rules, by fixed values, so the golden
// files change only when the extraction does. TestProvenance tests it.
func maskProvenance(yaml string) string {
	return provenanceLines.ReplaceAllLiteralString(yaml, "provenance:\n  version: (masked)\n  rules: (masked)\n")
}

// firstDiff describes the first line where got differs from want.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n\twant: %s\n\tgot:  %s", i+1, w, g)
		}
	}
	return "(no line differs)"
}

// TestFixtureRecordsKeepTheContract: each fixture's JSON record validates
// against the JSON Schema, every span lies in the input, and each quote's
// text is the text of its span.
func TestFixtureRecordsKeepTheContract(t *testing.T) {
	schema := compileSchema(t)
	for _, path := range fixturePaths(t) {
		name := fixtureName(path)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			code, out, errs := runCmd(t, "", "parse", "--format", "json", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			validateRecord(t, schema, name, []byte(out))
			var r record.Readout
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			if r.Source != path {
				t.Errorf("source %q, want %q", r.Source, path)
			}
			for _, msg := range contractErrors(string(src), r) {
				t.Error(msg)
			}
		})
	}
}

// contractErrors lists the ways record r breaks the output contract for
// input src: spans outside the input, quote texts that are not the text
// of their span (after the documented normalisation of direct quotes:
// surrounding white space and a trailing comma dropped; a quote joined from
// parts must consist of words of its span), speakers unknown.
func contractErrors(src string, r record.Readout) []string {
	return record.Check(src, r)
}

// TestParseIsDeterministic: the fixtures parsed from 8 goroutines at once
// give byte-identical output to a sequential run, in every format.
func TestParseIsDeterministic(t *testing.T) {
	paths := fixturePaths(t)
	formats := []string{"yaml", "json", "jsonl"}
	want := map[string]string{}
	for _, format := range formats {
		for _, path := range paths {
			code, out, errs := runCmd(t, "", "parse", "--format", format, path)
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", path, code, errs)
			}
			want[format+" "+path] = out
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var diffs []string
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range paths {
				// Each goroutine starts at a different fixture, so that
				// different articles are parsed at the same moment.
				path := paths[(i+g*5)%len(paths)]
				format := formats[(i+g)%len(formats)]
				var out, errb bytes.Buffer
				code := run([]string{"parse", "--format", format, path}, streams{in: strings.NewReader(""), out: &out, err: &errb})
				if code != 0 || out.String() != want[format+" "+path] {
					mu.Lock()
					diffs = append(diffs, fmt.Sprintf("goroutine %d: %s --format %s: exit %d, output differs from the sequential run", g, path, format, code))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for _, d := range diffs {
		t.Error(d)
	}
	// All fixtures in one run: the same records, as one YAML stream.
	args := append([]string{"parse"}, paths...)
	code, out, errs := runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var parts []string
	for _, path := range paths {
		parts = append(parts, want["yaml "+path])
	}
	if out != strings.Join(parts, "---\n") {
		t.Error("several files in one run differ from one file per run")
	}
}
