module github.com/readout/readout

go 1.26.8

require (
	github.com/jdkato/prose/v3 v3.2.3
	github.com/spf13/cobra v1.10.2
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/term v0.48.0
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
	golang.org/x/sys v0.50.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)
