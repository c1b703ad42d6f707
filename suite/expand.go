package suite

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/record"
	"github.com/readout/readout/score"
)

// Case is one fill of a template: the text to convert and what its record
// must (and must not) hold.
type Case struct {
	Capability string
	Template   *Template
	N          int // the fill, from 0
	Text       string
	Slots      map[string]string // slot → the name of its filler, for reports
	Wants      []Want
}

// ID names a case: CAPABILITY/TEMPLATE#FILL, the fill counted from 1.
func (c *Case) ID() string {
	return fmt.Sprintf("%s/%s#%d", c.Capability, c.Template.ID, c.N+1)
}

// Where is the case's template as FILE:LINE.
func (c *Case) Where() string { return fmt.Sprintf("%s:%d", c.Template.File, c.Template.Line) }

// Want is one expectation with its slots filled.
type Want struct {
	Op      string
	Line    int
	All     bool
	Fields  map[string]string
	Parties []string
}

// slotRef is one {SLOT}, {SLOT.field} or {SLOT.field|filter} in a string.
type slotRef struct {
	Slot, Field, Filter string
	Start, End          int
}

var (
	slotName = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	slotRefs = regexp.MustCompile(`\{([A-Z][A-Z0-9_]*)(?:\.([A-Za-z][A-Za-z0-9_]*))?(?:\|(cap|lower))?\}`)
)

// refs finds the slot references in s; bad is the offset of the first "{"
// that does not start one, or -1.
func refs(s string) (out []slotRef, bad int) {
	bad = -1
	ms := slotRefs.FindAllStringSubmatchIndex(s, -1)
	starts := map[int]bool{}
	for _, m := range ms {
		r := slotRef{Slot: s[m[2]:m[3]], Field: "name", Start: m[0], End: m[1]}
		if m[4] >= 0 {
			r.Field = s[m[4]:m[5]]
		}
		if m[6] >= 0 {
			r.Filter = s[m[6]:m[7]]
		}
		out = append(out, r)
		starts[m[0]] = true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '{' && !starts[i] {
			return out, i
		}
	}
	return out, bad
}

// checkSlots validates a template's slot references: the text's are well
// formed and each has a filler list whose every item has the field asked
// for; an expectation may only use slots its text uses.
func (l *loader) checkSlots(t *Template) {
	path := t.File
	rs, bad := refs(t.Text)
	if bad >= 0 {
		l.add(path, t.TextLine+strings.Count(t.Text[:bad], "\n"), "template %s: malformed slot reference at %q (want {SLOT}, {SLOT.field} or {SLOT.field|cap})", t.ID, clip(t.Text[bad:], 20))
	}
	t.textRefs = rs
	inText := map[string]bool{}
	for _, r := range rs {
		inText[r.Slot] = true
	}
	if len(inText) == 0 && t.Fills > 1 {
		l.add(path, t.Line, "template %s: no slots (give it some, or fills: 1)", t.ID)
	}
	for i := range t.Expect {
		e := &t.Expect[i]
		for _, v := range append(mapValues(e.Fields), e.Parties...) {
			rs, bad := refs(v)
			if bad >= 0 {
				l.add(path, e.Line, "template %s: malformed slot reference at %q", t.ID, clip(v[bad:], 20))
			}
			for _, r := range rs {
				if !inText[r.Slot] {
					l.add(path, e.Line, "template %s: %s uses {%s}, which its text does not", t.ID, e.Op, r.Slot)
				}
			}
			e.refs = append(e.refs, rs...)
		}
	}
	all := append(append([]slotRef(nil), rs...), exRefs(t)...)
	for _, r := range all {
		if !inText[r.Slot] {
			continue
		}
		list, err := t.list(r.Slot)
		if err != "" {
			l.add(path, t.TextLine+strings.Count(t.Text[:firstRef(rs, r.Slot)], "\n"), "template %s: %s", t.ID, err)
			inText[r.Slot] = false // report once
			continue
		}
		for _, it := range list.Items {
			if _, ok := it.Fields[r.Field]; !ok {
				l.add(path, t.Line, "template %s: {%s.%s}: the item at %s:%d of list %s has no field %s", t.ID, r.Slot, r.Field, list.File, it.Line, list.Name, r.Field)
				break
			}
		}
	}
}

func exRefs(t *Template) []slotRef {
	var out []slotRef
	for _, e := range t.Expect {
		out = append(out, e.refs...)
	}
	return out
}

func firstRef(rs []slotRef, slot string) int {
	for _, r := range rs {
		if r.Slot == slot {
			return r.Start
		}
	}
	return 0
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

// list resolves the list a slot draws from: the template's binding (or the
// slot's own name), looked up in the template's lists, the file's, then the
// shared ones. err says why not.
func (t *Template) list(slot string) (*List, string) {
	name := slot
	if b, ok := t.slots[slot]; ok {
		name = b
	}
	l, err := t.lookup(name, 0)
	if err != "" {
		if name == slot {
			return nil, fmt.Sprintf("slot {%s} has no filler: no list %s (bind it under slots:)", slot, name)
		}
		return nil, fmt.Sprintf("slot {%s}: %s", slot, err)
	}
	return l, ""
}

func (t *Template) lookup(name string, depth int) (*List, string) {
	var l *List
	for _, scope := range []map[string]*List{t.lists, t.file.lists, t.file.shared} {
		if x, ok := scope[name]; ok {
			l = x
			break
		}
	}
	if l == nil {
		return nil, fmt.Sprintf("no list %s", name)
	}
	if len(l.union) == 0 {
		return l, ""
	}
	if depth > 8 {
		return nil, fmt.Sprintf("list %s: unions nest too deep", name)
	}
	u := &List{Name: l.Name, File: l.File, Line: l.Line, Class: l.Class, Distinct: l.Distinct}
	classes, words := map[string]bool{}, true
	for _, m := range l.union {
		x, err := t.lookup(m, depth+1)
		if err != "" {
			return nil, fmt.Sprintf("list %s: union: %s", name, err)
		}
		u.Items = append(u.Items, x.Items...)
		classes[x.Class] = true
		words = words && x.Distinct == "words"
	}
	if u.Class == u.Name && len(classes) == 1 {
		for c := range classes {
			u.Class = c
		}
	}
	if words {
		u.Distinct = "words"
	}
	return u, ""
}

// expand makes a template's cases. Each slot walks its own permutation of
// its list (seeded by capability, template and slot, so every run makes the
// same cases); fill i takes the i-th item, or the next one that keeps the
// case's fillers apart: no two slots' names where one's words contain the
// other's, no item twice in a class, no shared word in a "words" class.
func expand(capName string, t *Template) ([]*Case, []Problem) {
	var problems []Problem
	add := func(line int, format string, args ...any) {
		problems = append(problems, Problem{t.File, line, fmt.Sprintf(format, args...)})
	}
	var order []string
	lists := map[string]*List{}
	perms := map[string][]int{}
	for _, r := range t.textRefs {
		if _, done := lists[r.Slot]; done {
			continue
		}
		l, err := t.list(r.Slot)
		if err != "" {
			return nil, nil // reported by checkSlots
		}
		order = append(order, r.Slot)
		lists[r.Slot] = l
		h := fnv.New64a()
		fmt.Fprintf(h, "%s\x00%s\x00%s", capName, t.ID, r.Slot)
		perms[r.Slot] = rand.New(rand.NewPCG(h.Sum64(), 0x5eed)).Perm(len(l.Items))
	}
	var cases []*Case
	texts := map[string]int{}
	fills := t.Fills
	if len(order) == 0 {
		fills = 1 // more is reported by checkSlots
	}
	for i := 0; i < fills; i++ {
		chosen := map[string]Item{}
		for _, s := range order {
			it, ok := pick(s, i, lists, perms[s], chosen)
			if !ok {
				add(t.Line, "template %s: fill %d: no item of list %s for {%s} keeps the fillers apart (lists too short?)", t.ID, i+1, lists[s].Name, s)
				return cases, problems
			}
			chosen[s] = it
		}
		c := &Case{Capability: capName, Template: t, N: i, Text: render(t.Text, t.textRefs, chosen), Slots: map[string]string{}}
		for s, it := range chosen {
			c.Slots[s] = it.Fields["name"]
		}
		if prev, dup := texts[c.Text]; dup {
			add(t.Line, "template %s: fill %d is the same text as fill %d (lists too short for %d fills?)", t.ID, i+1, prev+1, t.Fills)
			continue
		}
		texts[c.Text] = i
		for _, e := range t.Expect {
			w, err := renderWant(e, chosen)
			if err != "" {
				add(e.Line, "template %s: fill %d: %s", t.ID, i+1, err)
				continue
			}
			c.Wants = append(c.Wants, w)
		}
		cases = append(cases, c)
	}
	return cases, problems
}

// pick chooses slot s's item for fill i.
func pick(s string, i int, lists map[string]*List, perm []int, chosen map[string]Item) (Item, bool) {
	l := lists[s]
	for k := 0; k < len(perm); k++ {
		it := l.Items[perm[(i+k)%len(perm)]]
		if apart(it, l, chosen, lists) {
			return it, true
		}
	}
	return Item{}, false
}

func apart(it Item, l *List, chosen map[string]Item, lists map[string]*List) bool {
	name := it.Fields["name"]
	for s, other := range chosen {
		o := other.Fields["name"]
		if name == o || score.SameName(name, o) {
			return false
		}
		if ol := lists[s]; ol.Class == l.Class && l.Distinct == "words" && shareWord(name, o) {
			return false
		}
	}
	return true
}

func shareWord(a, b string) bool {
	ws := map[string]bool{}
	for _, w := range score.Words(a) {
		ws[w] = true
	}
	for _, w := range score.Words(b) {
		if ws[w] {
			return true
		}
	}
	return false
}

func render(s string, rs []slotRef, chosen map[string]Item) string {
	var b strings.Builder
	last := 0
	for _, r := range rs {
		b.WriteString(s[last:r.Start])
		v := chosen[r.Slot].Fields[r.Field]
		switch r.Filter {
		case "cap":
			v = upperFirst(v)
		case "lower":
			v = strings.ToLower(v)
		}
		b.WriteString(v)
		last = r.End
	}
	b.WriteString(s[last:])
	return b.String()
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// renderWant fills an expectation's slots and checks its enum and boolean
// values, which may come from fillers.
func renderWant(e Expect, chosen map[string]Item) (Want, string) {
	w := Want{Op: e.Op, Line: e.Line, All: e.All, Fields: map[string]string{}}
	for k, v := range e.Fields {
		rs, _ := refs(v)
		w.Fields[k] = render(v, rs, chosen)
	}
	for _, p := range e.Parties {
		rs, _ := refs(p)
		w.Parties = append(w.Parties, render(p, rs, chosen))
	}
	for k, v := range w.Fields {
		var ok bool
		var want string
		switch k {
		case "kind":
			ok, want = record.Kind(v).Valid(), "direct or indirect"
		case "channel":
			ok, want = record.Channel(v).Valid(), "one of call, video call, meeting, talks, letter, message, briefing, other"
		case "strength":
			ok, want = record.Strength(v).Valid(), "commitment, intent or announcement"
		case "planned", "negated", "ordered":
			ok, want = v == "true" || v == "false", "true or false"
		default:
			continue
		}
		if !ok {
			return w, fmt.Sprintf("%s %q: want %s", k, v, want)
		}
	}
	return w, ""
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
