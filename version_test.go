package readout

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestModuleVersion(t *testing.T) {
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"readout's own binary, released", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v1.2.0"}}, "v1.2.0"},
		{"built from a clone", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v0.0.0-20260301120000-abcdef123456+dirty"}}, "v0.0.0-20260301120000-abcdef123456+dirty"},
		{"go run or go test", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}}, "(devel)"},
		{"only the commit", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abcdef1234567890abcdef1234567890abcdef12"}, {Key: "vcs.modified", Value: "false"}}}, "(devel) abcdef123456"},
		{"only the commit, changed", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abcdef1234567890abcdef1234567890abcdef12"}, {Key: "vcs.modified", Value: "true"}}}, "(devel) abcdef123456+dirty"},
		{"no version recorded", debug.BuildInfo{Main: debug.Module{Path: modulePath}}, "(devel)"},
		{"a library of another program", debug.BuildInfo{Main: debug.Module{Path: "example.org/app", Version: "v3.0.0"}, Deps: []*debug.Module{{Path: "golang.org/x/text", Version: "v0.14.0"}, {Path: modulePath, Version: "v1.1.0"}}}, "v1.1.0"},
		{"a replaced library", debug.BuildInfo{Main: debug.Module{Path: "example.org/app"}, Deps: []*debug.Module{{Path: modulePath, Version: "v1.1.0", Replace: &debug.Module{Path: "example.org/fork", Version: "v1.1.1-fork"}}}}, "v1.1.1-fork"},
		{"a library replaced by a folder", debug.BuildInfo{Main: debug.Module{Path: "example.org/app"}, Deps: []*debug.Module{{Path: modulePath, Version: "v1.1.0", Replace: &debug.Module{Path: "../readout"}}}}, "v1.1.0"},
		{"not in the build", debug.BuildInfo{Main: debug.Module{Path: "example.org/app", Version: "v3.0.0"}}, "(devel)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := moduleVersion(&tt.bi); got != tt.want {
				t.Errorf("moduleVersion = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestVersionLdflags: a version set at link time wins over the build
// information.
func TestVersionLdflags(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "v9.9.9-test"
	if got := Version(); got != "v9.9.9-test" {
		t.Errorf("Version() = %q, want the -ldflags value", got)
	}
}

// TestConvertProvenance: every record says which version and rules made it.
func TestConvertProvenance(t *testing.T) {
	r, err := Convert(context.Background(), []byte("Foreign Minister Jan Ek met Lind on Monday."), "a.txt", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	def, _ := DefaultRules()
	if r.Provenance.Version != Version() || r.Provenance.Rules != def.Hash() || r.Provenance.Rules == "" {
		t.Errorf("provenance %+v, want version %q and rules %q", r.Provenance, Version(), def.Hash())
	}
}

// TestVersionOfABuiltBinary builds the command twice, plainly and with
// -ldflags -X, and reads the version back from --version and a record.
func TestVersionOfABuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command twice: skipped with -short (make test-long runs it)")
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		name, ldflags, want string
	}{
		{"plain", "", ""},
		{"ldflags", "-X " + modulePath + ".version=v7.7.7-ci", "v7.7.7-ci"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin := filepath.Join(dir, "readout-"+tt.name)
			args := []string{"build", "-o", bin}
			if tt.ldflags != "" {
				args = append(args, "-ldflags", tt.ldflags)
			}
			if out, err := exec.Command("go", append(args, "./cmd/readout")...).CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			out, err := exec.Command(bin, "--version").Output()
			if err != nil {
				t.Fatal(err)
			}
			got := strings.TrimPrefix(strings.TrimSpace(string(out)), "readout version ")
			if got == "" || tt.want != "" && got != tt.want {
				t.Errorf("--version says %q, want %q", got, tt.want)
			}
			art := filepath.Join(dir, "a.txt")
			os.WriteFile(art, []byte("Foreign Minister Jan Ek met Lind on Monday.\n"), 0o644)
			rec, err := exec.Command(bin, "parse", "-f", "jsonl", art).Output()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(rec), `"provenance":{"version":"`+got+`","rules":"sha256:`) {
				t.Errorf("the record does not give version %q: %s", got, rec)
			}
		})
	}
}
