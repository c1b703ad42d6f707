package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/readout/readout/beam/readoutbeam"
)

// The pipelines run on Prism, in this process, with a temporary folder
// of their own: Beam's loopback mode leaves an empty file there
// (beamloopbackworker-*) for each pipeline run.
func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "readout-beam-test-")
	if err == nil {
		os.Setenv("TMPDIR", tmp)
	}
	code := ptest.MainRet(m)
	if err == nil {
		os.RemoveAll(tmp)
	}
	os.Exit(code)
}

func TestCheckFlags(t *testing.T) {
	rules := filepath.Join(t.TempDir(), "extra.yaml")
	os.WriteFile(rules, []byte("speech_verbs:\n  opine: [opined]\n"), 0o644)
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	os.WriteFile(broken, []byte("speech_verbs: [\n"), 0o644)
	ok := flags{input: "in/*.jsonl", inputFormat: "jsonl", output: "out/r", shards: 4, maxBytes: 1000, branches: 2}
	tests := []struct {
		name    string
		change  func(*flags)
		wantErr string // "" for none
	}{
		{"all set", func(*flags) {}, ""},
		{"rules", func(f *flags) { f.rules = []string{rules} }, ""},
		{"no input", func(f *flags) { f.input = "" }, "--input GLOB is required"},
		{"no output", func(f *flags) { f.output = "" }, "--output PREFIX is required"},
		{"input format", func(f *flags) { f.inputFormat = "csv" }, `unknown --input-format "csv" (want jsonl or text)`},
		{"no shards", func(f *flags) { f.shards = 0 }, "--shards must be at least 1 (got 0)"},
		{"max-bytes", func(f *flags) { f.maxBytes = -1 }, "--max-bytes must be at least 1 (got -1)"},
		{"branches", func(f *flags) { f.branches = -2 }, "--branches must be at least 1 (got -2)"},
		{"missing rules file", func(f *flags) { f.rules = []string{"/nonexistent/rules.yaml"} }, "rules: open /nonexistent/rules.yaml: no such file or directory"},
		{"broken rules file", func(f *flags) { f.rules = []string{broken} }, "rules: " + broken + ":1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ok
			tt.change(&f)
			opt, err := f.check()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "\n")):
				t.Fatalf("error %v, want one line starting %q", err, tt.wantErr)
			case tt.wantErr == "" && (opt.MaxBytes != f.maxBytes || opt.Branches != f.branches || len(opt.Rules) != len(f.rules) || f.deadLetters != f.output+"-dead-letters"):
				t.Errorf("options %+v, flags %+v", opt, f)
			}
		})
	}
}

// TestRun runs the command's pipeline on Prism: the record and dead-letter
// files, and the exit code.
func TestRun(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantExit  int
		wantLines [2]int // records, dead letters
	}{
		{"all converted", `{"id":"a","text":"Ek met Lind. \"We agreed,\" Ek said."}` + "\n" + `{"id":"b","text":"Lind said the talks went well."}` + "\n", 0, [2]int{2, 0}},
		{"a dead letter", `{"id":"a","text":"Ek met Lind. \"We agreed,\" Ek said."}` + "\n" + `{"id":"b"}` + "\n", 1, [2]int{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "in.jsonl"), []byte(tt.in), 0o644)
			f := flags{input: filepath.Join(dir, "*.jsonl"), inputFormat: "jsonl", output: filepath.Join(dir, "out", "records"), shards: 2, maxBytes: 1 << 20}
			if code := run(context.Background(), f); code != tt.wantExit {
				t.Errorf("exit %d, want %d", code, tt.wantExit)
			}
			for i, files := range [][]string{
				{readoutbeam.ShardName(f.output, 0, 2), readoutbeam.ShardName(f.output, 1, 2)},
				{readoutbeam.ShardName(f.output+"-dead-letters", 0, 1)},
			} {
				n := 0
				for _, name := range files {
					b, err := os.ReadFile(name)
					if err != nil {
						t.Fatal(err)
					}
					n += strings.Count(string(b), "\n")
				}
				if n != tt.wantLines[i] {
					t.Errorf("%d lines in %v, want %d", n, files, tt.wantLines[i])
				}
			}
		})
	}
}
