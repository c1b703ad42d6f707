// Command readout-beam converts articles into readout/v1 records as an
// Apache Beam pipeline: readout's stream mode (readout parse --input
// jsonl) spread over the workers of a runner, Prism (local, the
// default), Dataflow, Flink or Spark.
//
//	readout-beam --input 'in/*.jsonl' --output out/records
//	readout-beam --input 'corpus/*.txt' --input-format text --output out/records
//	readout-beam --runner dataflow --project P --region R --temp_location gs://B/tmp \
//	    --input 'gs://B/in/*.jsonl' --output gs://B/out/records
//
// It writes the records as --shards JSON Lines files OUTPUT-SSSSS-of-NNNNN.jsonl
// and the dead letters (the articles that failed, with their id and the
// problem) as DEAD-00000-of-00001.jsonl, --dead-letters defaulting to
// OUTPUT-dead-letters; each file is sorted, so the same input gives the
// same files whatever the runner and its parallelism. A record is the
// line readout parse --input jsonl writes for the article, byte for byte,
// and a dead letter its error line (see package readoutbeam). When the
// runner reports metrics, a summary goes to stderr: articles, records,
// quotes, dead letters, and articles per second. Exit codes: 0 all
// converted, 1 some articles are dead letters, 2 bad flags or rules, 3
// the pipeline failed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/options/jobopts"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/readout/readout"
	"github.com/readout/readout/beam/readoutbeam"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
)

// flags is readout-beam's own flags; the runner's (--runner, --project,
// --endpoint, …) are Beam's.
type flags struct {
	input, inputFormat, output, deadLetters string
	shards, maxBytes, branches              int
	rules                                   []string
}

func main() {
	var f flags
	flag.StringVar(&f.input, "input", "", "the input files: a `GLOB` (a local path pattern, or gs://…)")
	flag.StringVar(&f.inputFormat, "input-format", "jsonl", "jsonl: JSON Lines, one {\"id\", \"text\", …} object per line; text: one article per file, its path for id")
	flag.StringVar(&f.output, "output", "", "write the records to `PREFIX`-SSSSS-of-NNNNN.jsonl")
	flag.StringVar(&f.deadLetters, "dead-letters", "", "write the dead letters to `PREFIX`-00000-of-00001.jsonl (default: the --output prefix + \"-dead-letters\")")
	flag.IntVar(&f.shards, "shards", 16, "the number of record files; each is sorted in one worker's memory")
	flag.IntVar(&f.maxBytes, "max-bytes", parser.DefaultMaxBytes, "refuse texts larger than this many bytes (a JSON line may be twice as long)")
	flag.IntVar(&f.branches, "branches", 0, "convert in `N` parallel branches, for Prism (default: the number of CPUs on Prism, else 1)")
	flag.Func("rules", "a YAML rules `FILE` that adds to the built-in word lists (repeatable); read here, sent to the workers", func(s string) error {
		f.rules = append(f.rules, s)
		return nil
	})
	flag.Parse()
	// On a distributed runner's workers, Init runs the worker and does
	// not return.
	beam.Init()
	os.Exit(run(context.Background(), f))
}

func run(ctx context.Context, f flags) int {
	opt, err := f.check()
	if err != nil {
		fmt.Fprintln(os.Stderr, "readout-beam: "+err.Error())
		return 2
	}
	p, s := beam.NewPipelineWithRoot()
	var articles beam.PCollection
	if f.inputFormat == "text" {
		articles = readoutbeam.ReadTexts(s, f.input, opt)
	} else {
		articles = readoutbeam.ReadLines(s, f.input, opt)
	}
	records, dead := readoutbeam.ConvertWith(s, opt, articles)
	readoutbeam.WriteShards(s, f.output, f.shards, records)
	readoutbeam.WriteShards(s, f.deadLetters, 1, dead)

	start := time.Now()
	pr, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "readout-beam: the pipeline failed: %v\n", err)
		return 3
	}
	if pr == nil || *jobopts.Async {
		fmt.Fprintln(os.Stderr, "readout-beam: submitted; the runner reports no metrics: see it for progress")
		return 0
	}
	c := counters(pr.Metrics())
	secs := time.Since(start).Seconds()
	fmt.Fprintf(os.Stderr, "readout-beam: %d articles in %.1f s (%.0f articles/s): %d records with %d quotes, %d dead letters\n",
		c["articles"], secs, float64(c["articles"])/secs, c["articles"]-c["failures"], c["quotes"], c["failures"])
	if c["failures"] > 0 {
		fmt.Fprintf(os.Stderr, "readout-beam: see %s\n", readoutbeam.ShardName(f.deadLetters, 0, 1))
		return 1
	}
	return 0
}

// check checks the flags and reads the rules files: the options of the
// pipeline. The error is one line naming the flag or the file.
func (f *flags) check() (readoutbeam.Options, error) {
	switch {
	case f.input == "":
		return readoutbeam.Options{}, errors.New("--input GLOB is required")
	case f.output == "":
		return readoutbeam.Options{}, errors.New("--output PREFIX is required")
	case f.inputFormat != "jsonl" && f.inputFormat != "text":
		return readoutbeam.Options{}, fmt.Errorf("unknown --input-format %q (want jsonl or text)", f.inputFormat)
	case f.shards < 1:
		return readoutbeam.Options{}, fmt.Errorf("--shards must be at least 1 (got %d)", f.shards)
	case f.maxBytes < 1:
		return readoutbeam.Options{}, fmt.Errorf("--max-bytes must be at least 1 (got %d)", f.maxBytes)
	case f.branches < 0:
		return readoutbeam.Options{}, fmt.Errorf("--branches must be at least 1 (got %d)", f.branches)
	}
	if f.branches == 0 {
		f.branches = 1
		if r := *runners.Runner; r == "" || r == "prism" || r == "PrismRunner" {
			f.branches = runtime.NumCPU()
		}
	}
	if f.deadLetters == "" {
		f.deadLetters = f.output + "-dead-letters"
	}
	opt := readoutbeam.Options{MaxBytes: f.maxBytes, Branches: f.branches}
	for _, name := range f.rules {
		b, err := os.ReadFile(name)
		if err != nil {
			return readoutbeam.Options{}, fmt.Errorf("rules: %w", err)
		}
		opt.Rules = append(opt.Rules, lexicon.Source{Name: name, Data: b})
	}
	if len(f.rules) > 0 {
		// Fail here rather than on every worker.
		if _, err := readout.LoadRules(f.rules...); err != nil {
			return readoutbeam.Options{}, fmt.Errorf("rules: %w", err)
		}
	}
	return opt, nil
}

// counters sums readout's counters over the pipeline's steps.
func counters(r metrics.Results) map[string]int64 {
	out := map[string]int64{}
	for _, c := range r.Query(func(sr metrics.SingleResult) bool { return sr.Namespace() == readoutbeam.MetricsNamespace }).Counters() {
		out[c.Name()] += c.Result()
	}
	return out
}
