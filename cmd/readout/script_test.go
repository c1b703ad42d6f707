package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run the readout command in-process: scripts
// call `readout ...` and see its stdout, stderr and exit code. With
// READOUT_TEST_MAIN=1 in its environment the test binary is readout
// itself, for tests that need a process of their own (signals, full disks).
func TestMain(m *testing.M) {
	if os.Getenv("READOUT_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], stdStreams()))
	}
	testscript.Main(m, map[string]func(){
		"readout": func() { os.Exit(run(os.Args[1:], stdStreams())) },
	})
}

// TestScript runs the CLI behaviour scripts in testdata/script/*.txtar.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Fixtures the scripts may copy: $FIXTURES/seed.txt etc.
			wd, err := os.Getwd()
			if err != nil {
				return err
			}
			env.Setenv("FIXTURES", wd+"/../../testdata/fixtures")
			return nil
		},
	})
}
