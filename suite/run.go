package suite

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/readout/readout"

	"go.yaml.in/yaml/v3"
)

// Result is one case's outcome: what failed (nothing when it passed), the
// record found, and the conversion's error if it had one.
type Result struct {
	Case   *Case
	Misses []string
	Found  Found
	Err    error
}

// Pass reports whether the case passed.
func (r Result) Pass() bool { return r.Err == nil && len(r.Misses) == 0 }

// Run converts every case's text with readout.Convert (built-in rules) on
// workers goroutines (at least one) and checks it. Results come in the
// order of cases. A conversion error fails its case; a cancelled ctx fails
// the cases not yet run.
func Run(ctx context.Context, cases []*Case, workers int) []Result {
	out := make([]Result, len(cases))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, workers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = RunCase(ctx, cases[i])
			}
		}()
	}
	for i := range cases {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// RunCase converts and checks one case.
func RunCase(ctx context.Context, c *Case) Result {
	r := Result{Case: c}
	rec, err := readout.Convert(ctx, []byte(c.Text), c.ID(), nil, readout.Options{})
	if err == nil {
		r.Found, err = FromRecord(rec)
	}
	if err != nil {
		r.Err = err
		r.Misses = []string{"convert: " + err.Error()}
		return r
	}
	r.Misses = Check(c, r.Found)
	return r
}

// Row is one capability's line in the table.
type Row struct {
	Capability string
	Templates  int
	Cases      int
	Passed     int
	Floor      float64
	HasFloor   bool
}

// Rate is the share of cases that passed, 0 for no cases.
func (r Row) Rate() float64 {
	if r.Cases == 0 {
		return 0
	}
	return float64(r.Passed) / float64(r.Cases)
}

// Rows tallies results by capability, in the order of caps, with each
// capability's floor when floors has one.
func Rows(caps []*Capability, results []Result, floors Floors) []Row {
	byCap := map[string]*Row{}
	var rows []*Row
	for _, c := range caps {
		r := &Row{Capability: c.Name, Templates: len(c.Templates)}
		r.Floor, r.HasFloor = floors[c.Name]
		byCap[c.Name] = r
		rows = append(rows, r)
	}
	for _, res := range results {
		if r := byCap[res.Case.Capability]; r != nil {
			r.Cases++
			if res.Pass() {
				r.Passed++
			}
		}
	}
	out := make([]Row, len(rows))
	for i, r := range rows {
		out[i] = *r
	}
	return out
}

// Table formats rows as an aligned table with a subtotal per group (the
// part of the name before the dot) and a grand total.
func Table(rows []Row) string {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "capability\ttemplates\tcases\tpassed\trate\tfloor\t")
	groups := map[string]*Row{}
	var order []string
	total := Row{Capability: "all"}
	for _, r := range rows {
		floor := "-"
		if r.HasFloor {
			floor = fmt.Sprintf("%.3f", r.Floor)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%s\t\n", r.Capability, r.Templates, r.Cases, r.Passed, r.Rate(), floor)
		g, _, _ := strings.Cut(r.Capability, ".")
		if groups[g] == nil {
			groups[g] = &Row{Capability: g + ".*"}
			order = append(order, g)
		}
		for _, t := range []*Row{groups[g], &total} {
			t.Templates += r.Templates
			t.Cases += r.Cases
			t.Passed += r.Passed
		}
	}
	for _, g := range order {
		r := groups[g]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t\t\n", r.Capability, r.Templates, r.Cases, r.Passed, r.Rate())
	}
	fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t\t\n", total.Capability, total.Templates, total.Cases, total.Passed, total.Rate())
	tw.Flush()
	return b.String()
}

// Floors is the ratchet: each capability's minimum pass rate, in [0, 1].
type Floors map[string]float64

// ReadFloors reads a floors file: a mapping of capability → minimum pass
// rate. A missing file is no floors. lines gives each entry's line, for
// errors. A malformed file gives an *Error naming its line.
func ReadFloors(path string) (f Floors, lines map[string]int, err error) {
	f, lines = Floors{}, map[string]int{}
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return f, lines, nil
	} else if err != nil {
		return nil, nil, err
	}
	l := &loader{}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Content) == 0 {
		return f, lines, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, &Error{[]Problem{{path, root.Line, "want a mapping of capability → minimum pass rate"}}}
	}
	l.pairs(path, root, func(key string, k, v *yaml.Node) {
		x, perr := strconv.ParseFloat(v.Value, 64)
		if v.Kind != yaml.ScalarNode || perr != nil || x < 0 || x > 1 {
			l.add(path, v.Line, "%s: want a pass rate in [0, 1]", key)
			return
		}
		f[key], lines[key] = x, k.Line
	})
	if len(l.problems) > 0 {
		return nil, nil, &Error{l.problems}
	}
	return f, lines, nil
}

// Raise returns floors with each row's floor raised to its rate (rounded
// down to 3 decimals), and a floor added for rows without one. Floors of
// capabilities not in rows are kept.
func Raise(floors Floors, rows []Row) Floors {
	out := Floors{}
	for k, v := range floors {
		out[k] = v
	}
	for _, r := range rows {
		rate := math.Floor(r.Rate()*1000) / 1000
		if old, ok := out[r.Capability]; !ok || rate > old {
			out[r.Capability] = rate
		}
	}
	return out
}

// FloorsHeader opens every floors file WriteFloors writes.
const FloorsHeader = `# The ratchet of the behavioural suite: each capability's minimum pass rate
# (passed cases / cases). go test ./suite fails when a capability falls
# below its floor; go test ./suite -update-floors raises the floors to the
# rates measured now (it never lowers one: edit this file for that, and say
# why in the commit). The comment after each floor is the count it came from.
`

// WriteFloors writes floors to path, sorted by capability, each with the
// count of rows (when there is a row for it) as a comment.
func WriteFloors(path string, floors Floors, rows []Row) error {
	counts := map[string]string{}
	for _, r := range rows {
		counts[r.Capability] = fmt.Sprintf("  # %d/%d", r.Passed, r.Cases)
	}
	keys := make([]string, 0, len(floors))
	for k := range floors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteString(FloorsHeader)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %.3f%s\n", k, floors[k], counts[k])
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
