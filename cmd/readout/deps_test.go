package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoBeamInTheCommand: the Apache Beam pipeline is a module of its own
// (beam/, with the large Beam SDK): nothing of it is built into the
// command, and the root module's ./... (go test, go vet) leaves it out.
func TestNoBeamInTheCommand(t *testing.T) {
	tests := []struct {
		name string
		dir  string
		args []string
	}{
		{"the command's dependencies", ".", []string{"list", "-deps", "."}},
		{"the root module's packages", "../..", []string{"list", "./..."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command("go", tt.args...)
			cmd.Dir = tt.dir
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go %s: %v", strings.Join(tt.args, " "), err)
			}
			for _, pkg := range strings.Fields(string(out)) {
				if strings.Contains(pkg, "github.com/apache/beam") || strings.HasPrefix(pkg, "github.com/readout/readout/beam") {
					t.Errorf("go %s lists %s", strings.Join(tt.args, " "), pkg)
				}
			}
		})
	}
}
