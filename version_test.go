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

// TestVersionOfABuiltBinary installs the command as the README says (go
// install ./cmd/readout) and builds it with -ldflags -X, and reads the
// version back from --version and a record.
func TestVersionOfABuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command twice: skipped with -short (make test-long runs it)")
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		name, ldflags, want string
	}{
		{"install", "", ""},
		{"ldflags", "-X " + modulePath + ".version=v7.7.7-ci", "v7.7.7-ci"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin := filepath.Join(dir, "readout-"+tt.name)
			args := []string{"build", "-o", bin}
			if tt.ldflags != "" {
				args = append(args, "-ldflags", tt.ldflags)
			}
			cmd := exec.Command("go", append(args, "./cmd/readout")...)
			if tt.ldflags == "" { // the README's install step
				gobin := filepath.Join(dir, "gobin")
				bin = filepath.Join(gobin, "readout")
				cmd = exec.Command("go", "install", "./cmd/readout")
				cmd.Env = append(os.Environ(), "GOBIN="+gobin)
			}
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", cmd, err, out)
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

// TestInstallDocs: the install path and the docs the README promises are
// there: a license, the gold format, install steps that work from a
// clone, and no `go install …@latest` of this unpublished module.
func TestInstallDocs(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	readme := read("README.md")
	checks := []struct {
		what string
		ok   bool
	}{
		{"LICENSE is the MIT license", strings.HasPrefix(read("LICENSE"), "MIT License")},
		{"docs/gold-format.md describes the scoring", strings.Contains(read("docs/gold-format.md"), "## How a record is scored")},
		{"the README installs from a clone", strings.Contains(readme, "go install ./cmd/readout")},
		{"the README does not install an unpublished module @latest", !strings.Contains(readme, modulePath+"/cmd/readout@latest")},
		{"the README links the gold format", strings.Contains(readme, "docs/gold-format.md")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Error(c.what + ": no")
		}
	}
}
