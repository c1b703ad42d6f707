package readout

import (
	"runtime/debug"
	"sync"
)

// modulePath is this module's path, looked up in the build information.
const modulePath = "github.com/readout/readout"

// version, when set at link time, is the version every record gives:
//
//	go build -ldflags "-X github.com/readout/readout.version=v1.2.0" ./cmd/readout
var version string

// Version returns readout's version, as records give it in
// provenance.version: the -ldflags value when the build set one, else the
// module version from the build information (debug.ReadBuildInfo) of the
// binary readout is part of: a release such as "v1.2.0" for `go install
// …@v1.2.0` or a dependency, a pseudo-version such as
// "v0.0.0-20260301120000-abcdef123456+dirty" for a build from a clone,
// "(devel) abcdef123456" when Go recorded only the commit, "(devel)" when
// it recorded neither (go run, go test), or "(unknown)" without build
// information.
func Version() string {
	if version != "" {
		return version
	}
	return buildVersion()
}

var buildVersion = sync.OnceValue(func() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	return moduleVersion(bi)
})

// moduleVersion finds this module's version in bi: the main module's, or
// the dependency's (and its replacement's) when readout is a library.
func moduleVersion(bi *debug.BuildInfo) string {
	v := ""
	if bi.Main.Path == modulePath {
		v = bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == modulePath {
			v = d.Version
			if d.Replace != nil && d.Replace.Version != "" {
				v = d.Replace.Version
			}
		}
	}
	if v == "" || v == "(devel)" {
		return "(devel)" + revision(bi)
	}
	return v
}

// revision is " REV" (12 hex digits, "+dirty" when the work tree had
// changes) from the version-control settings Go stamps in a binary, or "".
func revision(bi *debug.BuildInfo) string {
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return ""
	}
	rev = " " + rev[:min(len(rev), 12)]
	if dirty {
		rev += "+dirty"
	}
	return rev
}
