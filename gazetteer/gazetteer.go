package gazetteer

import "embed"

// dataFS holds the generated data (see generate.go and data/SOURCES.txt).
//
//go:embed data/places.tsv.gz data/names.tsv.gz data/genders.tsv.gz data/countries.tsv data/exceptions.yaml
var dataFS embed.FS

// Load loads both the places and the names now rather than on first use
// (each is loaded once, lazily, by the first call that needs it). A server
// or a benchmark can call it at start-up so that no request pays for it.
func Load() {
	places()
	names()
	genders()
}

// EmbeddedBytes is the size of the embedded data files, compressed as they
// are in the binary.
func EmbeddedBytes() int {
	n := 0
	for _, f := range []string{"data/places.tsv.gz", "data/names.tsv.gz", "data/genders.tsv.gz", "data/countries.tsv", "data/exceptions.yaml"} {
		b, err := dataFS.ReadFile(f)
		if err == nil {
			n += len(b)
		}
	}
	return n
}
