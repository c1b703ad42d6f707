// Package readoutbeam runs readout's stream mode (readout parse --input
// jsonl) as an Apache Beam pipeline, so that millions of articles are
// converted on many machines: on Prism (Beam's local runner), Dataflow,
// Flink or Spark.
//
// A pipeline reads Articles (ReadLines: the lines of JSON Lines files;
// ReadTexts: whole text files), converts them (Convert) into records and
// dead letters, and writes each as sharded JSON Lines files (WriteShards):
//
//	p, s := beam.NewPipelineWithRoot()
//	articles := readoutbeam.ReadLines(s, "in/*.jsonl", readoutbeam.Options{})
//	records, dead := readoutbeam.Convert(s, articles)
//	readoutbeam.WriteShards(s, "out/records", 16, records)
//	readoutbeam.WriteShards(s, "out/dead-letters", 1, dead)
//
// A record is the line stream mode writes for the article, byte for byte,
// and a dead letter the error line it writes (see package jsonl): the
// lines of a stream, whichever runner converted them and however many
// workers it used, are the lines of `readout parse --input jsonl` on it,
// in another order.
package readoutbeam

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"reflect"
	"slices"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/readout/readout"
	"github.com/readout/readout/grammar"
	"github.com/readout/readout/jsonl"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

func init() {
	beam.RegisterType(reflect.TypeFor[Article]())
	register.DoFn4x1[context.Context, Article, func(string), func(string), error](&convertFn{})
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Article), error](&readLinesFn{})
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Article), error](&readTextFn{})
	register.DoFn1x2[string, int, string](&shardFn{})
	register.DoFn1x2[Article, int, Article](&branchFn{})
	register.Function2x1(branchOf)
	register.DoFn2x0[[]byte, func(int, int)](&shardNumbersFn{})
	register.DoFn4x1[context.Context, int, func(*int) bool, func(*string) bool, error](&writeShardFn{})
	register.Emitter2[int, int]()
	register.Iter1[int]()
	register.Emitter1[Article]()
	register.Emitter1[string]()
	register.Iter1[string]()
}

// Article is one article to convert, an element of the PCollection
// Convert takes: a line of JSON Lines, as stream mode reads it, or a
// whole text.
type Article struct {
	// Stream names the input the article is from (a file's path as
	// matched, as stream mode's FILE argument): the source of a line
	// without an id is "Stream:N".
	Stream string
	// N is the line's number in Stream, from 1 (1 for a whole text); it
	// is the "line" of the article's dead letter.
	N int
	// Line is the JSON line, {"id": …, "text": "…", …}, without its
	// line end; only its first jsonl.HeadBytes when TooLong. For a whole
	// text, the text's bytes.
	Line []byte
	// TooLong says the line was longer than jsonl.LineLimit(MaxBytes),
	// or the whole text longer than MaxBytes, and was not read whole: the
	// article is a dead letter.
	TooLong bool
	// Whole says Line is not a JSON line but a whole text, whose id is
	// Stream: the article {"id": Stream, "text": Line}.
	Whole bool
}

// Options for ConvertWith, ReadLines and ReadTexts.
type Options struct {
	// MaxBytes refuses texts longer than this many bytes, as readout's
	// --max-bytes; 0: parser.DefaultMaxBytes (16 MiB).
	MaxBytes int
	// Rules are rules files added to the built-in rules, in order, as
	// readout's --rules: each file's name (for messages) and contents.
	// The contents travel with the pipeline, so the files need not be on
	// the workers.
	Rules []lexicon.Source
	// Branches, above 1, converts in that many parallel branches of the
	// pipeline, each its own stage. Prism hands a batch stage its input
	// in a few bundles, so one conversion stage keeps about one core
	// busy; branches let it use as many. Distributed runners spread one
	// stage over their workers: leave it at 0 there.
	Branches int
}

// maxBytes is o.MaxBytes, or the default.
func (o Options) maxBytes() int {
	if o.MaxBytes <= 0 {
		return parser.DefaultMaxBytes
	}
	return o.MaxBytes
}

// Counters of Convert, in the namespace "readout": every article read,
// the quotes of the records made, and the articles that failed (dead
// letters). Records are articles minus failures.
var (
	articlesCounter = beam.NewCounter(MetricsNamespace, "articles")
	quotesCounter   = beam.NewCounter(MetricsNamespace, "quotes")
	failuresCounter = beam.NewCounter(MetricsNamespace, "failures")
)

// MetricsNamespace is the namespace of Convert's counters: "articles",
// "quotes" and "failures".
const MetricsNamespace = "readout"

// Convert is ConvertWith with the built-in rules and the default
// --max-bytes.
func Convert(s beam.Scope, articles beam.PCollection) (records, deadLetters beam.PCollection) {
	return ConvertWith(s, Options{}, articles)
}

// ConvertWith converts a PCollection<Article> into two PCollection<string>:
// the records and the dead letters, each element one line of JSON
// without its line end (as textio.Write takes it).
//
// A record is the line `readout parse --input jsonl` writes for the
// article: {"id": ID, FIELDS…, "schema": "readout/v1", "source": …, …},
// with the input's id and its other fields but text. A dead letter is
// the error line it writes for an article that fails (a line that is
// blank, not a JSON object, without "text", too long; a text that is
// binary, UTF-16, over MaxBytes, …): {"id": ID, FIELDS…, "line": N,
// "error": "…"}. Every article gives exactly one of the two; none is
// dropped and none fails the pipeline.
//
// The rules are compiled once per worker process, in the DoFn's Setup
// (a bad rules file fails there). The articles are converted
// concurrently, as the runner schedules bundles: the rules are shared,
// and conversion (readout.Convert) is safe for that. Counters: see
// MetricsNamespace.
func ConvertWith(s beam.Scope, opt Options, articles beam.PCollection) (records, deadLetters beam.PCollection) {
	s = s.Scope("readout.Convert")
	fn := &convertFn{MaxBytes: opt.maxBytes(), Rules: opt.Rules}
	if opt.Branches <= 1 {
		return beam.ParDo2(s, fn, articles)
	}
	keyed := beam.ParDo(s, &branchFn{Branches: opt.Branches}, articles)
	var recs, dead []beam.PCollection
	for i, part := range beam.Partition(s, opt.Branches, branchOf, keyed) {
		b := s.Scope(fmt.Sprintf("branch%d", i))
		r, d := beam.ParDo2(b, fn, beam.Reshuffle(b, beam.DropKey(b, part)))
		recs, dead = append(recs, r), append(dead, d)
	}
	return beam.Flatten(s, recs...), beam.Flatten(s, dead...)
}

// branchFn keys an article by its branch: a hash of where it is from.
type branchFn struct {
	Branches int `json:"branches"`
}

func (f *branchFn) ProcessElement(a Article) (int, Article) {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s\x00%d", a.Stream, a.N)
	return int(h.Sum32() % uint32(f.Branches)), a
}

// branchOf is the branch of an article keyed by branchFn.
func branchOf(branch int, _ Article) int { return branch }

// convertFn is Convert's DoFn. Its exported fields travel to the
// workers (as JSON).
type convertFn struct {
	MaxBytes int              `json:"maxBytes"`
	Rules    []lexicon.Source `json:"rules"`

	rules *readout.Rules
}

// Setup compiles the rules: once per worker process for the same rules
// files (however many instances of the DoFn the runner makes).
func (f *convertFn) Setup() error {
	r, err := loadRules(f.Rules)
	if err != nil {
		return fmt.Errorf("readout rules: %w", err)
	}
	f.rules = r
	return nil
}

// ProcessElement converts one article, emitting its record or its dead
// letter. It fails only when ctx is done (the runner abandoned the
// bundle, which it retries): an article is not a dead letter for that.
func (f *convertFn) ProcessElement(ctx context.Context, a Article, emitRecord, emitDeadLetter func(string)) error {
	res := convertArticle(ctx, a, jsonl.Options{Source: a.Stream, Rules: f.rules, MaxBytes: f.MaxBytes})
	if res.Err != nil && ctx.Err() != nil {
		return fmt.Errorf("%s:%d: %w", a.Stream, a.N, context.Cause(ctx))
	}
	articlesCounter.Inc(ctx, 1)
	line := string(res.Output[:len(res.Output)-1]) // without its "\n"
	if res.Err != nil {
		failuresCounter.Inc(ctx, 1)
		emitDeadLetter(line)
		return nil
	}
	quotesCounter.Inc(ctx, int64(len(res.Record.Quotes)))
	emitRecord(line)
	return nil
}

// convertArticle is the output line of one article (jsonl.ConvertLine,
// or jsonl.ConvertInput for a whole text).
func convertArticle(ctx context.Context, a Article, opt jsonl.Options) jsonl.Result {
	if !a.Whole {
		return jsonl.ConvertLine(ctx, jsonl.Line{N: a.N, Data: a.Line, TooLong: a.TooLong}, opt)
	}
	id, _ := json.Marshal(a.Stream) // a string always encodes
	if a.TooLong {
		// As readout parse refuses a file over --max-bytes.
		err := fmt.Errorf("input is larger than --max-bytes %d", opt.MaxBytes)
		out, _ := record.AppendStreamLine(nil, record.StreamLine{ID: id, Line: a.N, Error: err.Error()})
		return jsonl.Result{Output: out, Err: err}
	}
	return jsonl.ConvertInput(ctx, record.StreamInput{ID: id, Text: string(a.Line)}, a.N, opt)
}

// loaded holds the rules compiled in this process, by the hash of their
// files (names and contents).
var loaded struct {
	sync.Mutex
	rules map[[sha256.Size]byte]func() (*readout.Rules, error)
}

// loadRules compiles the built-in rules plus files, once per process for
// the same files.
func loadRules(files []lexicon.Source) (*readout.Rules, error) {
	if len(files) == 0 {
		return readout.DefaultRules()
	}
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%d %q %d\n", len(f.Name), f.Name, len(f.Data))
		h.Write(f.Data)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	loaded.Lock()
	if loaded.rules == nil {
		loaded.rules = map[[sha256.Size]byte]func() (*readout.Rules, error){}
	}
	load := loaded.rules[key]
	if load == nil {
		load = sync.OnceValues(func() (*readout.Rules, error) { return grammar.LoadSources(files...) })
		loaded.rules[key] = load
	}
	loaded.Unlock()
	return load()
}

// ReadLines reads the JSON Lines files that glob matches (a local path
// pattern, or gs://… and other schemes whose Beam filesystem is linked
// in; a .gz file is decompressed) as a PCollection<Article>: one article
// per line, blank lines too, numbered from 1 in each file, with the file's
// path as matched for Stream, as stream mode reads a file (jsonl.Reader:
// a line longer than jsonl.LineLimit(MaxBytes) is only read to its id).
// Each file is read by one worker; the lines are then reshuffled so that
// all workers convert them. A glob that matches nothing fails the pipeline.
func ReadLines(s beam.Scope, glob string, opt Options) beam.PCollection {
	s = s.Scope("readout.ReadLines")
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow()), fileio.ReadDirectorySkip())
	return beam.Reshuffle(s, beam.ParDo(s, &readLinesFn{MaxBytes: opt.maxBytes()}, files))
}

// readLinesFn is ReadLines's DoFn.
type readLinesFn struct {
	MaxBytes int `json:"maxBytes"`
}

// ProcessElement emits the lines of one file.
func (f *readLinesFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Article)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", file.Metadata.Path, err)
	}
	defer rc.Close()
	r := jsonl.NewReader(rc, jsonl.LineLimit(f.MaxBytes))
	for r.Scan() {
		l := r.Line()
		emit(Article{Stream: file.Metadata.Path, N: l.N, Line: l.Data, TooLong: l.TooLong})
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("%s: reading: %w", file.Metadata.Path, err)
	}
	return nil
}

// ReadTexts reads the files that glob matches (as ReadLines) as a
// PCollection<Article>: one whole article per file, with the file's path
// as matched for its id (and so its source). A file longer than MaxBytes
// is not read whole and is a dead letter, as readout parse refuses it.
func ReadTexts(s beam.Scope, glob string, opt Options) beam.PCollection {
	s = s.Scope("readout.ReadTexts")
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow()), fileio.ReadDirectorySkip())
	return beam.Reshuffle(s, beam.ParDo(s, &readTextFn{MaxBytes: opt.maxBytes()}, files))
}

// readTextFn is ReadTexts's DoFn.
type readTextFn struct {
	MaxBytes int `json:"maxBytes"`
}

// ProcessElement emits one file as a whole text.
func (f *readTextFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Article)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", file.Metadata.Path, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, int64(f.MaxBytes)+1))
	if err != nil {
		return fmt.Errorf("%s: reading: %w", file.Metadata.Path, err)
	}
	a := Article{Stream: file.Metadata.Path, N: 1, Line: data, Whole: true}
	if len(data) > f.MaxBytes {
		a.Line, a.TooLong = nil, true
	}
	emit(a)
	return nil
}

// WriteShards writes a PCollection<string> of lines (records or dead
// letters) as JSON Lines files PREFIX-SSSSS-of-NNNNN.jsonl, SSSSS from 0
// to shards-1 (a local path, or gs://… and other schemes whose Beam
// filesystem is linked in), every shard, empty or not. A line goes to
// the shard its bytes hash to (FNV-1a), and each shard's lines are sorted
// (bytewise; a line starts with its id), so the files are byte-identical
// whichever runner wrote them and however it split the work. A shard is
// sorted in a worker's memory: pick shards so that each holds a few
// hundred MB at most.
func WriteShards(s beam.Scope, prefix string, shards int, lines beam.PCollection) {
	s = s.Scope("readout.WriteShards")
	shards = max(shards, 1)
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, lines)
	// Each shard number joins its lines, so that an empty shard is
	// written too.
	numbers := beam.ParDo(s, &shardNumbersFn{Shards: shards}, beam.Impulse(s))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Shards: shards}, beam.CoGroupByKey(s, numbers, keyed))
}

// ShardName is the name of shard i of n written by WriteShards.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// shardFn keys each line by its shard.
type shardFn struct {
	Shards int `json:"shards"`
}

func (f *shardFn) ProcessElement(line string) (int, string) {
	h := fnv.New32a()
	io.WriteString(h, line)
	return int(h.Sum32() % uint32(f.Shards)), line
}

// shardNumbersFn emits every shard's number, keyed by itself.
type shardNumbersFn struct {
	Shards int `json:"shards"`
}

func (f *shardNumbersFn) ProcessElement(_ []byte, emit func(int, int)) {
	for i := range f.Shards {
		emit(i, i)
	}
}

// writeShardFn writes one shard's lines, sorted.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Shards int    `json:"shards"`
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, _ func(*int) bool, lines func(*string) bool) error {
	var all []string
	var line string
	for lines(&line) {
		all = append(all, line)
	}
	slices.Sort(all)
	name := ShardName(f.Prefix, shard, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	for _, l := range all {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return fmt.Errorf("%s: writing: %w", name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: writing: %w", name, err)
	}
	return nil
}
