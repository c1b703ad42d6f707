package readoutbeam

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/readout/readout"
	"github.com/readout/readout/lexicon"
)

func init() { register.Function1x0(discard) }

// discard is a sink.
func discard(string) {}

// The pipelines run on Prism, in this process (ptest's default runner).
// Beam's loopback mode leaves an empty file (beamloopbackworker-*) in the
// temporary folder for each pipeline run: the tests give it a folder of
// their own, removed at the end.
func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "readoutbeam-test-")
	if err == nil {
		os.Setenv("TMPDIR", tmp)
	}
	code := ptest.MainRet(m)
	if cli.dir != "" {
		os.RemoveAll(cli.dir)
	}
	if err == nil {
		os.RemoveAll(tmp)
	}
	os.Exit(code)
}

// cli is the readout command, built once for all tests from the
// repository (../..), with the version this test binary's records give,
// so that records of both compare byte for byte.
var cli struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func readoutCommand(t testing.TB) string {
	t.Helper()
	cli.once.Do(func() {
		if cli.dir, cli.err = os.MkdirTemp("", "readoutbeam-cli-"); cli.err != nil {
			return
		}
		cli.path = filepath.Join(cli.dir, "readout")
		root, _ := filepath.Abs("../..")
		cmd := exec.Command("go", "build", "-o", cli.path, "-ldflags", "-X 'github.com/readout/readout.version="+readout.Version()+"'", "./cmd/readout")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			cli.err = fmt.Errorf("building the readout command: %v\n%s", err, out)
		}
	})
	if cli.err != nil {
		t.Fatal(cli.err)
	}
	return cli.path
}

// runStream runs `readout parse --input jsonl` with args, and returns its
// output lines (each with its "\n"), split into records and error lines.
func runStream(t *testing.T, args ...string) (records, errorLines []string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(readoutCommand(t), append([]string{"parse", "--input", "jsonl"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		t.Fatalf("readout %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	for _, l := range strings.SplitAfter(stdout.String(), "\n") {
		if l == "" {
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("readout wrote a line that is not JSON: %v: %q", err, l)
		}
		if _, failed := m["error"]; failed {
			errorLines = append(errorLines, l)
		} else {
			records = append(records, l)
		}
	}
	return records, errorLines
}

// convertFiles runs the pipeline ReadLines (or ReadTexts) → ConvertWith →
// WriteShards on the files glob matches, and returns the lines of the
// records and the dead letters (each with its "\n", in shard order) and
// the counters.
func convertFiles(t *testing.T, glob string, texts bool, opt Options, shards int) (records, deadLetters []string, counters map[string]int64) {
	t.Helper()
	out := t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	var articles beam.PCollection
	if texts {
		articles = ReadTexts(s, glob, opt)
	} else {
		articles = ReadLines(s, glob, opt)
	}
	rec, dead := ConvertWith(s, opt, articles)
	WriteShards(s, filepath.Join(out, "records"), shards, rec)
	WriteShards(s, filepath.Join(out, "dead"), 1, dead)
	pr, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	counters = map[string]int64{}
	for _, c := range pr.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == MetricsNamespace }).Counters() {
		counters[c.Name()] += c.Result()
	}
	return readShards(t, filepath.Join(out, "records"), shards), readShards(t, filepath.Join(out, "dead"), 1), counters
}

// readShards reads the n shards WriteShards wrote, checking that each
// is sorted and that no other file has the prefix.
func readShards(t *testing.T, prefix string, n int) []string {
	t.Helper()
	if files, _ := filepath.Glob(prefix + "-*"); len(files) != n {
		t.Errorf("%d files %s-*, want %d shards", len(files), prefix, n)
	}
	var lines []string
	for i := range n {
		b, err := os.ReadFile(ShardName(prefix, i, n))
		if err != nil {
			t.Fatal(err)
		}
		shard := strings.SplitAfter(string(b), "\n")
		shard = shard[:len(shard)-1] // after the last "\n"
		if !slices.IsSorted(shard) {
			t.Errorf("shard %d of %s: lines not sorted", i, prefix)
		}
		lines = append(lines, shard...)
	}
	return lines
}

// sameLines reports the first difference between two sets of lines
// (sorted copies), or "".
func sameLines(got, want []string) string {
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("line %d of %d (sorted):\n got %.300q\nwant %.300q", i+1, len(want), got[i], want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d lines, want %d", len(got), len(want))
	}
	return ""
}

func writeLines(t testing.TB, path string, lines []string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConvertIsTheStreamMode: 2,000 articles in two files, and bad lines
// of every kind among them, converted on Prism: the records are the
// command's records byte for byte, the dead letters its error lines, and
// the counters count them.
func TestConvertIsTheStreamMode(t *testing.T) {
	const maxBytes = 64 << 10
	dir := t.TempDir()
	fixtures := fixtureTexts(t)
	a := goodLines(t, 1000, 0, fixtures)
	bad := badLines(t, maxBytes)
	for i, l := range bad { // spread among the good lines
		at := (i*97 + 13) % len(a)
		a = slices.Insert(a, at, l)
	}
	b := goodLines(t, 1000, 1000, nil)
	files := map[string][]string{filepath.Join(dir, "a.jsonl"): a, filepath.Join(dir, "b.jsonl"): b}

	var wantRecords, wantErrors []string
	for path, lines := range files {
		writeLines(t, path, lines)
		r, e := runStream(t, "--max-bytes", fmt.Sprint(maxBytes), path)
		wantRecords, wantErrors = append(wantRecords, r...), append(wantErrors, e...)
	}
	if len(wantRecords) != 2000 || len(wantErrors) != len(bad) {
		t.Fatalf("the command made %d records and %d error lines of 2000 articles and %d bad lines", len(wantRecords), len(wantErrors), len(bad))
	}

	records, dead, counters := convertFiles(t, filepath.Join(dir, "*.jsonl"), false, Options{MaxBytes: maxBytes, Branches: 2}, 4)
	if d := sameLines(records, wantRecords); d != "" {
		t.Errorf("records differ from the command's: %s", d)
	}
	if d := sameLines(dead, wantErrors); d != "" {
		t.Errorf("dead letters differ from the command's error lines: %s", d)
	}

	quotes := 0
	for _, l := range wantRecords {
		var r struct{ Quotes []json.RawMessage }
		json.Unmarshal([]byte(l), &r)
		quotes += len(r.Quotes)
	}
	want := map[string]int64{"articles": int64(len(a) + len(b)), "quotes": int64(quotes), "failures": int64(len(bad))}
	for name, n := range want {
		if counters[name] != n {
			t.Errorf("counter %s = %d, want %d (all: %v)", name, counters[name], n, counters)
		}
	}
	if quotes < 2000 {
		t.Errorf("only %d quotes in 2000 articles: the generated articles should each have some", quotes)
	}
}

// TestReadTexts: text files, each one article with its path as id; a
// binary file and one over --max-bytes are dead letters.
func TestReadTexts(t *testing.T) {
	const maxBytes = 4096
	dir := t.TempDir()
	var lines []string
	for i := range 40 {
		p := filepath.Join(dir, fmt.Sprintf("article-%02d.txt", i))
		if err := os.WriteFile(p, []byte(article(i)), 0o644); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, jsonLine(t, "id", p, "text", article(i)))
	}
	stream := filepath.Join(t.TempDir(), "texts.jsonl")
	writeLines(t, stream, lines)
	wantRecords, _ := runStream(t, "--max-bytes", fmt.Sprint(maxBytes), stream)

	binary, big := filepath.Join(dir, "binary.txt"), filepath.Join(dir, "big.txt")
	os.WriteFile(binary, []byte("Ek met Lind.\x00\x00\x00"), 0o644)
	os.WriteFile(big, bytes.Repeat([]byte("Ek met Lind. "), maxBytes), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not matched"), 0o644)

	records, dead, counters := convertFiles(t, filepath.Join(dir, "*.txt"), true, Options{MaxBytes: maxBytes}, 2)
	if d := sameLines(records, wantRecords); d != "" {
		t.Errorf("records differ from the command's: %s", d)
	}
	tests := []struct{ id, err string }{
		{big, fmt.Sprintf("input is larger than --max-bytes %d", maxBytes)},
		{binary, "input is binary, not text (NUL byte at offset 12)"},
	}
	if len(dead) != len(tests) {
		t.Fatalf("dead letters %q, want %d", dead, len(tests))
	}
	for i, tt := range tests {
		var got struct {
			ID    string
			Line  int
			Error string
		}
		if err := json.Unmarshal([]byte(dead[i]), &got); err != nil || got.ID != tt.id || got.Line != 1 || got.Error != tt.err {
			t.Errorf("dead letter %q, want id %q, line 1, error %q", dead[i], tt.id, tt.err)
		}
	}
	if counters["articles"] != 42 || counters["failures"] != 2 {
		t.Errorf("counters %v, want 42 articles, 2 failures", counters)
	}
}

// TestSameFilesWhateverTheSplit: the same articles, in one file or in
// three, converted in one branch or in three, give byte-identical shard
// files, and an empty shard is written too.
func TestSameFilesWhateverTheSplit(t *testing.T) {
	lines := goodLines(t, 120, 5000, nil)
	lines = slices.DeleteFunc(lines, func(l string) bool { return !strings.HasPrefix(l, `{"id":`) })
	one, three := t.TempDir(), t.TempDir()
	writeLines(t, filepath.Join(one, "all.jsonl"), lines)
	for i := range 3 {
		writeLines(t, filepath.Join(three, fmt.Sprintf("part-%d.jsonl", i)), lines[i*len(lines)/3:(i+1)*len(lines)/3])
	}
	a, deadA, _ := convertFiles(t, filepath.Join(one, "*.jsonl"), false, Options{}, 3)
	b, deadB, _ := convertFiles(t, filepath.Join(three, "*.jsonl"), false, Options{Branches: 3}, 3)
	if len(deadA)+len(deadB) != 0 {
		t.Errorf("dead letters: %q, %q", deadA, deadB)
	}
	if len(a) != len(lines) || !slices.Equal(a, b) {
		t.Errorf("%d and %d records (of %d lines), in a different order or different", len(a), len(b), len(lines))
	}
}

// TestRulesTravelWithThePipeline: rules files given by contents are the
// command's --rules: the same records, with the same rules hash.
func TestRulesTravelWithThePipeline(t *testing.T) {
	rules := []byte("speech_verbs:\n  opine: [opine, opines, opined]\n")
	dir := t.TempDir()
	rulesPath := filepath.Join(dir, "extra.yaml")
	os.WriteFile(rulesPath, rules, 0o644)
	var lines []string
	for i := range 20 {
		lines = append(lines, jsonLine(t, "id", i, "text", "Chancellor Olaf Scholz opined that the talks were productive.\n\n"+article(i)))
	}
	in := filepath.Join(dir, "in.jsonl")
	writeLines(t, in, lines)
	want, _ := runStream(t, "--rules", rulesPath, in)
	got, dead, _ := convertFiles(t, in, false, Options{Rules: []lexicon.Source{{Name: rulesPath, Data: rules}}}, 1)
	if d := sameLines(got, want); d != "" || len(dead) != 0 {
		t.Errorf("records differ from the command's with --rules (%d dead letters): %s", len(dead), d)
	}
	if !strings.Contains(got[0], `"opined"`) {
		t.Errorf("the rules file's verb made no quote: %.500s", got[0])
	}
}

// TestBadRulesFailThePipeline: a rules file that does not compile fails
// the pipeline in Setup, naming the file.
func TestBadRulesFailThePipeline(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	articles := beam.Create(s, Article{Stream: "in", N: 1, Line: []byte(`{"id":1,"text":"Ek met Lind."}`)})
	rec, dead := ConvertWith(s, Options{Rules: []lexicon.Source{{Name: "broken.yaml", Data: []byte("speech_verbs: [\n")}}}, articles)
	beam.ParDo0(s, discard, rec)
	beam.ParDo0(s, discard, dead)
	err := ptest.Run(p)
	if err == nil || !strings.Contains(err.Error(), "broken.yaml") {
		t.Errorf("pipeline error %v, want one naming broken.yaml", err)
	}
}

func TestShardName(t *testing.T) {
	tests := []struct {
		prefix string
		i, n   int
		want   string
	}{
		{"out/records", 0, 1, "out/records-00000-of-00001.jsonl"},
		{"gs://b/r", 12, 16, "gs://b/r-00012-of-00016.jsonl"},
	}
	for _, tt := range tests {
		if got := ShardName(tt.prefix, tt.i, tt.n); got != tt.want {
			t.Errorf("ShardName(%q, %d, %d) = %q, want %q", tt.prefix, tt.i, tt.n, got, tt.want)
		}
	}
}

// TestSameModulesAsTheCommand: the packages that convert are built here
// from the same module versions as in the command, so that both make the
// same bytes (the Beam SDK may need newer versions of shared modules:
// then raise them in the root go.mod too).
func TestSameModulesAsTheCommand(t *testing.T) {
	list := func(dir, pkg string) []string {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if ne .Path \"github.com/readout/readout\"}}{{.Path}} {{.Version}}{{end}}{{end}}", pkg)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list in %s: %v", dir, err)
		}
		return slices.Compact(slices.Sorted(slices.Values(strings.Fields(strings.ReplaceAll(string(out), " ", "@")))))
	}
	root := list("../..", "./jsonl")
	here := list(".", "github.com/readout/readout/jsonl")
	if !slices.Equal(root, here) {
		t.Errorf("modules of package jsonl:\nin the command: %v\nhere:           %v", root, here)
	}
}

// BenchmarkThroughput converts 10,000 generated articles (five files) on
// Prism, in one branch and in one per CPU, and with the command's stream
// mode (-j CPUs) for comparison; articles/s is the figure (make
// bench-beam).
func BenchmarkThroughput(b *testing.B) {
	dir := b.TempDir()
	var all []string
	for f := range 5 {
		lines := goodLines(b, 2000, f*2000, nil)
		writeLines(b, filepath.Join(dir, fmt.Sprintf("part-%d.jsonl", f)), lines)
		all = append(all, lines...)
	}
	stream := filepath.Join(b.TempDir(), "all.jsonl")
	writeLines(b, stream, all)
	n := float64(len(all))
	cpus := runtime.NumCPU()
	for _, branches := range []int{1, cpus} {
		b.Run(fmt.Sprintf("Prism/branches=%d", branches), func(b *testing.B) {
			for range b.N {
				out := b.TempDir()
				p, s := beam.NewPipelineWithRoot()
				opt := Options{Branches: branches}
				records, dead := ConvertWith(s, opt, ReadLines(s, filepath.Join(dir, "*.jsonl"), opt))
				WriteShards(s, filepath.Join(out, "records"), 4, records)
				WriteShards(s, filepath.Join(out, "dead"), 1, dead)
				if err := ptest.Run(p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(n*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
	cmdPath := readoutCommand(b)
	b.Run(fmt.Sprintf("Command/j=%d", cpus), func(b *testing.B) {
		for range b.N {
			cmd := exec.Command(cmdPath, "parse", "--input", "jsonl", "-j", fmt.Sprint(cpus), stream)
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(n*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}
