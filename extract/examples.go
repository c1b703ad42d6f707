package extract

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/readout/readout/grammar"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// ExampleFailure is one example or counterexample of a rule that the
// extraction does not bear out: the rule, the example's place in its rules
// file, and what went wrong.
type ExampleFailure struct {
	Rule string
	File string
	Line int    // the example's line
	Msg  string // "expected a quote from direct.split with speaker=minister; got …"
}

func (f ExampleFailure) Error() string {
	return fmt.Sprintf("%s:%d: rule %s: %s", f.File, f.Line, f.Rule, f.Msg)
}

// expectFields are the fields an example's expect may name, by output.
var expectFields = map[grammar.Output][]string{
	grammar.QuoteOut:       {"speaker", "kind", "cue", "text"},
	grammar.CounterpartOut: {"parties", "channel", "when", "planned"},
	grammar.PledgeOut:      {"actor", "by", "action", "strength", "when", "negated"},
	grammar.SpeakerOut:     {"speaker"},
}

// CheckExamples runs every example and counterexample of the given rules
// of g (all of g's rules when rules is nil), each as an article of its
// own, and returns what they do not bear out, in rules-file order:
//
//   - an example must give at least one item made by its rule (for a
//     speaker rule: a speaker) whose fields equal every field its expect
//     names (names and texts compared without regard to case, spacing or
//     final punctuation; parties as a set, written "A, B");
//   - a counterexample must give no item made by its rule (for a speaker
//     rule: no speaker at all);
//   - an expect may name only the fields of the rule's output.
//
// The error is a cancelled ctx's.
func CheckExamples(ctx context.Context, g *grammar.Grammar, rules []*grammar.Rule) ([]ExampleFailure, error) {
	if rules == nil {
		rules = g.Rules
	}
	rules = slices.Clone(rules)
	sort.SliceStable(rules, func(i, j int) bool {
		if rules[i].File != rules[j].File {
			return rules[i].File < rules[j].File
		}
		return rules[i].Line < rules[j].Line
	})
	var out []ExampleFailure
	for _, r := range rules {
		for _, ex := range r.Examples {
			msg, err := checkExample(ctx, g, r, ex, true)
			if err != nil {
				return nil, err
			}
			if msg != "" {
				out = append(out, ExampleFailure{Rule: r.ID, File: r.File, Line: ex.Line, Msg: msg})
			}
		}
		for _, ex := range r.Counterexamples {
			msg, err := checkExample(ctx, g, r, ex, false)
			if err != nil {
				return nil, err
			}
			if msg != "" {
				out = append(out, ExampleFailure{Rule: r.ID, File: r.File, Line: ex.Line, Msg: msg})
			}
		}
	}
	return out, nil
}

func checkExample(ctx context.Context, g *grammar.Grammar, r *grammar.Rule, ex grammar.Example, positive bool) (string, error) {
	allowed := expectFields[r.Produce]
	for _, k := range sortedKeys(ex.Expect) {
		if !slices.Contains(allowed, k) {
			return fmt.Sprintf("expect names %q, which a %s has not (fields: %s)", k, r.Produce, strings.Join(allowed, ", ")), nil
		}
	}
	doc, err := parser.Parse(ctx, ex.Text)
	if err != nil {
		return "", err
	}
	x, err := Run(ctx, doc, g)
	if err != nil {
		return "", err
	}
	rec := x.Record("example")
	items := itemsOf(rec, r)
	if !positive {
		if len(items) > 0 {
			return fmt.Sprintf("counterexample %q gives %s", clip(ex.Text), items[0].String()), nil
		}
		return "", nil
	}
	if len(items) == 0 {
		got := "nothing"
		if all := itemsOf(rec, nil); len(all) > 0 {
			got = describeItems(all)
		}
		return fmt.Sprintf("example %q gives no %s from this rule; the article gives %s", clip(ex.Text), r.Produce, got), nil
	}
	for _, it := range items {
		if it.fits(ex.Expect) {
			return "", nil
		}
	}
	return fmt.Sprintf("example %q: want %s; got %s", clip(ex.Text), expectString(ex.Expect), describeItems(items)), nil
}

// item is one record item as field → value, with its output and rule.
type item struct {
	out    grammar.Output
	rule   string
	fields map[string]string
}

func (it item) String() string {
	var parts []string
	for _, k := range expectFields[it.out] {
		if v := it.fields[k]; v != "" {
			parts = append(parts, k+"="+strconv.Quote(v))
		}
	}
	s := it.out.String()
	if it.rule != "" {
		s += " (" + it.rule + ")"
	}
	return s + " {" + strings.Join(parts, ", ") + "}"
}

func (it item) fits(expect map[string]string) bool {
	for k, want := range expect {
		got := it.fields[k]
		if k == "parties" {
			if !sameSet(splitList(got), splitList(want)) {
				return false
			}
			continue
		}
		if normalise(got) != normalise(want) {
			return false
		}
	}
	return true
}

// itemsOf lists the record's items made by r (every item when r is nil;
// for a speaker rule, every speaker).
func itemsOf(rec record.Readout, r *grammar.Rule) []item {
	var out []item
	by := func(rule string) bool { return r == nil || r.ID == rule }
	want := func(o grammar.Output) bool { return r == nil || r.Produce == o }
	if want(grammar.SpeakerOut) {
		for _, s := range rec.Speakers {
			out = append(out, item{out: grammar.SpeakerOut, fields: map[string]string{"speaker": s.Name}})
		}
	}
	if want(grammar.QuoteOut) {
		for _, q := range rec.Quotes {
			if by(q.Rule) {
				sp := ""
				if q.Speaker != nil {
					sp = *q.Speaker
				}
				out = append(out, item{out: grammar.QuoteOut, rule: q.Rule, fields: map[string]string{
					"speaker": sp, "kind": string(q.Kind), "cue": q.Cue, "text": q.Text}})
			}
		}
	}
	if want(grammar.CounterpartOut) {
		for _, c := range rec.Counterparts {
			if by(c.Rule) {
				out = append(out, item{out: grammar.CounterpartOut, rule: c.Rule, fields: map[string]string{
					"parties": strings.Join(c.Parties, ", "), "channel": string(c.Channel), "when": c.When,
					"planned": strconv.FormatBool(c.Planned)}})
			}
		}
	}
	if want(grammar.PledgeOut) {
		for _, p := range rec.Pledges {
			if by(p.Rule) {
				out = append(out, item{out: grammar.PledgeOut, rule: p.Rule, fields: map[string]string{
					"actor": p.Actor, "by": p.By, "action": p.Action, "strength": string(p.Strength),
					"when": p.When, "negated": strconv.FormatBool(p.Negated)}})
			}
		}
	}
	return out
}

func describeItems(items []item) string {
	parts := make([]string, 0, len(items))
	for _, it := range items {
		parts = append(parts, it.String())
	}
	return strings.Join(parts, "; ")
}

func expectString(m map[string]string) string {
	var parts []string
	for _, k := range sortedKeys(m) {
		parts = append(parts, k+"="+strconv.Quote(m[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// normalise folds case and spacing and drops final punctuation, so an
// expect need not repeat the record's exact spelling of a text.
func normalise(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ".,;:!?")
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = normalise(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
