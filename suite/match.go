package suite

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/record"
	"github.com/readout/readout/score"
	"go.yaml.in/yaml/v3"
)

// Found is the part of a record the suite checks. It is read by JSON field
// name from the JSON-encoded record, so a field the record does not have
// yet (a pledge's negated) reads as its zero value.
type Found struct {
	Speakers     []FoundSpeaker     `json:"speakers" yaml:"speakers"`
	Quotes       []FoundQuote       `json:"quotes" yaml:"quotes"`
	Counterparts []FoundCounterpart `json:"counterparts" yaml:"counterparts"`
	Pledges      []FoundPledge      `json:"pledges" yaml:"pledges"`
}

// FoundSpeaker is a record's speaker.
type FoundSpeaker struct {
	Name        string `json:"name" yaml:"name"`
	Title       string `json:"title,omitempty" yaml:"title,omitempty"`
	Affiliation string `json:"affiliation,omitempty" yaml:"affiliation,omitempty"`
}

// FoundQuote is a record's quote; Speaker is nil when unattributed.
type FoundQuote struct {
	Speaker *string `json:"speaker" yaml:"speaker"`
	Kind    string  `json:"kind" yaml:"kind"`
	Cue     string  `json:"cue,omitempty" yaml:"cue,omitempty"`
	Text    string  `json:"text" yaml:"text"`
}

// FoundCounterpart is a record's exchange.
type FoundCounterpart struct {
	Parties []string `json:"parties" yaml:"parties,flow"`
	Channel string   `json:"channel" yaml:"channel"`
	When    string   `json:"when,omitempty" yaml:"when,omitempty"`
	Planned bool     `json:"planned" yaml:"planned"`
}

// FoundPledge is a record's pledge.
type FoundPledge struct {
	Actor    string `json:"actor" yaml:"actor"`
	By       string `json:"by,omitempty" yaml:"by,omitempty"`
	Action   string `json:"action" yaml:"action"`
	Strength string `json:"strength" yaml:"strength"`
	When     string `json:"when,omitempty" yaml:"when,omitempty"`
	Negated  bool   `json:"negated,omitempty" yaml:"negated,omitempty"`
}

// FromRecord reads what the suite checks from a record, through its JSON
// encoding. The error is json's, for a record that cannot be encoded.
func FromRecord(r record.Readout) (Found, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return Found{}, err
	}
	var f Found
	err = json.Unmarshal(b, &f)
	return f, err
}

// Check compares a case's expectations with what was found and returns
// what failed, one line each; none means the case passes. Each positive
// expectation needs its own found item (one to one, as the scorer pairs
// them); a section in the template's exact list may hold nothing else;
// every negative must hold.
func Check(c *Case, f Found) []string {
	m := c.Template.Match
	var out []string
	bySection := map[string][]Want{}
	for _, w := range c.Wants {
		if s := section(w.Op); s != "" && !strings.HasPrefix(w.Op, "no_") {
			bySection[s] = append(bySection[s], w)
		}
	}
	out = append(out, checkSection(bySection["speakers"], len(f.Speakers), c.Template.Exact["speakers"], "speaker",
		func(w Want, i int) []string { return m.speakerDiff(w, f.Speakers[i]) },
		func(i int) string { return describe(f.Speakers[i]) })...)
	out = append(out, checkSection(bySection["quotes"], len(f.Quotes), c.Template.Exact["quotes"], "quote",
		func(w Want, i int) []string { return m.quoteDiff(w, f.Quotes[i]) },
		func(i int) string { return describe(f.Quotes[i]) })...)
	out = append(out, checkSection(bySection["counterparts"], len(f.Counterparts), c.Template.Exact["counterparts"], "counterpart",
		func(w Want, i int) []string { return m.counterpartDiff(w, f.Counterparts[i], true) },
		func(i int) string { return describe(f.Counterparts[i]) })...)
	out = append(out, checkSection(bySection["pledges"], len(f.Pledges), c.Template.Exact["pledges"], "pledge",
		func(w Want, i int) []string { return m.pledgeDiff(w, f.Pledges[i], true) },
		func(i int) string { return describe(f.Pledges[i]) })...)
	for _, w := range c.Wants {
		if strings.HasPrefix(w.Op, "no_") {
			out = append(out, m.checkNegative(w, f)...)
		}
	}
	return out
}

func section(op string) string {
	switch strings.TrimPrefix(op, "no_") {
	case "speaker":
		return "speakers"
	case "quote":
		return "quotes"
	case "counterpart":
		return "counterparts"
	case "pledge":
		return "pledges"
	}
	return ""
}

// checkSection pairs a section's expectations with its n found items, one
// to one; diff lists the fields in which an item differs from a want.
func checkSection(wants []Want, n int, exact bool, what string, diff func(Want, int) []string, show func(int) string) []string {
	var out []string
	got := assign(len(wants), n, func(w, f int) bool { return len(diff(wants[w], f)) == 0 })
	used := map[int]bool{}
	for _, f := range got {
		if f >= 0 {
			used[f] = true
		}
	}
	for wi, f := range got {
		if f >= 0 {
			continue
		}
		w := wants[wi]
		msg := fmt.Sprintf("line %d: missing %s %s", w.Line, what, describeWant(w))
		best, bestDiff := -1, []string(nil)
		for i := 0; i < n; i++ {
			d := diff(w, i)
			if best < 0 || len(d) < len(bestDiff) {
				best, bestDiff = i, d
			}
		}
		if best >= 0 {
			msg += fmt.Sprintf("; closest %s differs in %s", show(best), strings.Join(bestDiff, ", "))
		}
		out = append(out, msg)
	}
	if exact {
		for i := 0; i < n; i++ {
			if !used[i] {
				out = append(out, fmt.Sprintf("extra %s %s (the template wants exactly its %ss)", what, show(i), what))
			}
		}
	}
	return out
}

// assign pairs wants with found items, one to one, maximising the pairs
// (augmenting paths; the sizes are tiny). It returns each want's item, or
// -1.
func assign(nw, nf int, ok func(w, f int) bool) []int {
	owner := make([]int, nf)
	for i := range owner {
		owner[i] = -1
	}
	var try func(w int, seen []bool) bool
	try = func(w int, seen []bool) bool {
		for f := 0; f < nf; f++ {
			if seen[f] || !ok(w, f) {
				continue
			}
			seen[f] = true
			if owner[f] < 0 || try(owner[f], seen) {
				owner[f] = w
				return true
			}
		}
		return false
	}
	for w := 0; w < nw; w++ {
		try(w, make([]bool, nf))
	}
	out := make([]int, nw)
	for i := range out {
		out[i] = -1
	}
	for f, w := range owner {
		if w >= 0 {
			out[w] = f
		}
	}
	return out
}

// checkNegative checks one no_* expectation.
func (m Match) checkNegative(w Want, f Found) []string {
	var out []string
	bad := func(format string, args ...any) {
		out = append(out, fmt.Sprintf("line %d: %s: ", w.Line, w.Op)+fmt.Sprintf(format, args...))
	}
	if name, ok := w.Fields["name"]; ok && contains(nameOps, w.Op) {
		m.checkName(w.Op, name, f, bad)
		return out
	}
	for _, q := range f.Quotes {
		if w.Op == "no_quote" && (w.All || len(m.quoteDiff(w, q)) == 0) {
			bad("found %s", describe(q))
		}
	}
	for _, c := range f.Counterparts {
		if w.Op == "no_counterpart" && (w.All || len(m.counterpartDiff(w, c, false)) == 0) {
			bad("found %s", describe(c))
		}
	}
	for _, p := range f.Pledges {
		if w.Op == "no_pledge" && (w.All || len(m.pledgeDiff(w, p, false)) == 0) {
			bad("found %s", describe(p))
		}
	}
	return out
}

// checkName checks a negative that takes a name (no_speaker,
// no_counterpart_with, no_pledge_by, no_entity): a found name that holds
// every word of the unwanted one breaks it ("Lugano" breaks no_speaker:
// Lugano; "Portugal" does not break no_entity: Portugal-Mexico). Under
// names: exact, only the same words break it: no_speaker "Israel" is
// not broken by the speaker "Israel Mendoza".
func (m Match) checkName(op, name string, f Found, bad func(string, ...any)) {
	unwanted := nameWords(name)
	is := func(s string) bool {
		if s == "" {
			return false
		}
		got := nameWords(s)
		if m.Names == "exact" && len(got) != len(unwanted) {
			return false
		}
		for w := range unwanted {
			if !got[w] {
				return false
			}
		}
		return len(unwanted) > 0
	}
	speakers := op == "no_speaker" || op == "no_entity"
	parties := op == "no_counterpart_with" || op == "no_entity"
	actors := op == "no_pledge_by" || op == "no_entity"
	for _, s := range f.Speakers {
		if speakers && is(s.Name) {
			bad("found speaker %q", s.Name)
		}
	}
	for _, q := range f.Quotes {
		if speakers && q.Speaker != nil && is(*q.Speaker) {
			bad("found quote by %q: %s", *q.Speaker, describe(q))
		}
	}
	for _, c := range f.Counterparts {
		if parties && (is(party(c, 0)) || is(party(c, 1))) {
			bad("found %s", describe(c))
		}
	}
	for _, p := range f.Pledges {
		if actors && (is(p.Actor) || is(p.By)) {
			bad("found %s", describe(p))
		}
	}
}

func party(c FoundCounterpart, i int) string {
	if i < len(c.Parties) {
		return c.Parties[i]
	}
	return ""
}

// sameName compares names by the template's rule. An organisation is the
// same under its gazetteer name and each alias ("International Monetary
// Fund" is "IMF"): which of them names it is the gazetteer's choice, not
// the template's.
func (m Match) sameName(want, got string) bool {
	if sameOrganisation(want, got) {
		return true
	}
	if m.Names != "exact" {
		return score.SameName(want, got)
	}
	a, b := wordSet(want), wordSet(got)
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// sameOrganisation: a and b are names of one organisation of the
// built-in lexicon.
func sameOrganisation(a, b string) bool {
	lex := defaultLexicon()
	if lex == nil || a == "" || b == "" {
		return false
	}
	va, oka := lex.Has(lexicon.Organisations, a)
	vb, okb := lex.Has(lexicon.Organisations, b)
	return oka && okb && va == vb
}

// defaultLexicon is the built-in lexicon, or nil when it does not load
// (the suite's run reports that error itself).
var defaultLexicon = sync.OnceValue(func() *lexicon.Lexicon {
	lex, err := lexicon.Default()
	if err != nil {
		return nil
	}
	return lex
})

// wordsIn reports whether every word of want is in got (a title may carry
// more: "Gen., army chief of staff" has the title "army chief of staff").
func wordsIn(want, got string) bool {
	g := wordSet(got)
	for _, w := range score.Words(want) {
		if !g[w] {
			return false
		}
	}
	return len(g) > 0
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range score.Words(s) {
		m[w] = true
	}
	return m
}

//go:embed negations.yaml
var negationsYAML []byte

// negations maps the words a negation is made of to its class
// (negations.yaml).
var negations = func() map[string]string {
	var classes map[string][]string
	if err := yaml.Unmarshal(negationsYAML, &classes); err != nil {
		panic("suite/negations.yaml: " + err.Error()) // embedded: a build that cannot read it is broken
	}
	m := map[string]string{}
	for class, words := range classes {
		for _, w := range words {
			m[w] = class
		}
	}
	return m
}()

func negationClasses(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range score.Words(s) {
		if c, ok := negations[w]; ok {
			m[c] = true
		}
	}
	return m
}

// sameText compares a quote text or pledge action: Jaccard at least the
// template's threshold, and every kind of negation in want also in got.
func (m Match) sameText(want, got string) bool {
	if score.Jaccard(want, got) < m.Text {
		return false
	}
	g := negationClasses(got)
	for c := range negationClasses(want) {
		if !g[c] {
			return false
		}
	}
	return true
}

// sameWhen: both empty, or one contains the other, case-folded.
func sameWhen(want, got string) bool {
	a, b := strings.ToLower(strings.TrimSpace(want)), strings.ToLower(strings.TrimSpace(got))
	if a == "" || b == "" {
		return a == b
	}
	return strings.Contains(a, b) || strings.Contains(b, a)
}

func sameWords(a, b string) bool {
	return strings.Join(score.Words(a), " ") == strings.Join(score.Words(b), " ")
}

// boolField reads a boolean field; absent is false for a positive expectation
// and unchecked (ok false) for a negative one.
func boolField(w Want, key string, positive bool) (v, ok bool) {
	s, given := w.Fields[key]
	if !given {
		return false, positive
	}
	return s == "true", true
}

func (m Match) speakerDiff(w Want, s FoundSpeaker) []string {
	var d []string
	if !m.sameName(w.Fields["name"], s.Name) {
		d = append(d, "name")
	}
	if t, ok := w.Fields["title"]; ok && !wordsIn(t, s.Title) {
		d = append(d, "title")
	}
	if a, ok := w.Fields["affiliation"]; ok && !m.sameName(a, s.Affiliation) {
		d = append(d, "affiliation")
	}
	return d
}

func (m Match) quoteDiff(w Want, q FoundQuote) []string {
	var d []string
	if s, ok := w.Fields["speaker"]; ok && (q.Speaker == nil || !m.sameName(s, *q.Speaker)) {
		d = append(d, "speaker")
	}
	if k, ok := w.Fields["kind"]; ok && k != q.Kind {
		d = append(d, "kind")
	}
	if c, ok := w.Fields["cue"]; ok && !sameWords(c, q.Cue) {
		d = append(d, "cue")
	}
	if t, ok := w.Fields["text"]; ok && !m.sameText(t, q.Text) {
		d = append(d, "text")
	}
	return d
}

func (m Match) counterpartDiff(w Want, c FoundCounterpart, positive bool) []string {
	var d []string
	if len(w.Parties) == 2 {
		a, b := party(c, 0), party(c, 1)
		straight := m.sameName(w.Parties[0], a) && m.sameName(w.Parties[1], b)
		crossed := m.sameName(w.Parties[0], b) && m.sameName(w.Parties[1], a)
		if ordered, _ := boolField(w, "ordered", false); !straight && (ordered || !crossed) {
			d = append(d, "parties")
		}
	}
	if ch, ok := w.Fields["channel"]; ok && ch != c.Channel {
		d = append(d, "channel")
	}
	if wh, ok := w.Fields["when"]; ok && !sameWhen(wh, c.When) {
		d = append(d, "when")
	}
	if v, ok := boolField(w, "planned", positive); ok && v != c.Planned {
		d = append(d, "planned")
	}
	return d
}

func (m Match) pledgeDiff(w Want, p FoundPledge, positive bool) []string {
	var d []string
	if a, ok := w.Fields["actor"]; ok && !m.sameName(a, p.Actor) {
		d = append(d, "actor")
	}
	if b, ok := w.Fields["by"]; ok && !m.sameName(b, p.By) {
		d = append(d, "by")
	}
	if a, ok := w.Fields["action"]; ok && !m.sameText(a, p.Action) {
		d = append(d, "action")
	}
	if s, ok := w.Fields["strength"]; ok && s != p.Strength {
		d = append(d, "strength")
	}
	if wh, ok := w.Fields["when"]; ok && !sameWhen(wh, p.When) {
		d = append(d, "when")
	}
	if v, ok := boolField(w, "negated", positive); ok && v != p.Negated {
		d = append(d, "negated")
	}
	return d
}

// describe writes a found item on one line, as JSON.
func describe(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func describeWant(w Want) string {
	var parts []string
	if len(w.Parties) > 0 {
		parts = append(parts, fmt.Sprintf("parties: [%s]", strings.Join(w.Parties, ", ")))
	}
	for _, k := range sortedKeys(w.Fields) {
		parts = append(parts, fmt.Sprintf("%s: %q", k, w.Fields[k]))
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

// nameWords is the set of a name's lower-cased words, split at spaces,
// hyphens and dots.
func nameWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '.' }) {
		out[w] = true
	}
	return out
}
