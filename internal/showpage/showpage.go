// Package showpage renders readout records as one self-contained HTML page:
// each article's text with its quotes highlighted by kind and coloured by
// speaker, speakers' mentions, counterparts and pledges marked, a side
// panel listing the records, and, when a gold file is given, what is
// missing, extra or wrongly attributed. The page has no external assets
// and loads nothing (its Content-Security-Policy forbids it).
package showpage

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/readout/readout/record"
	"github.com/readout/readout/score"
)

// Article is one input shown on the page.
type Article struct {
	// Record is the input's record.
	Record record.Readout
	// Text is what the record's spans index: the input as read, or, for
	// HTML input, the record's Text.
	Text string
	// Gold, when not nil, is the input's gold file (GoldPath names it): the
	// page then shows what is missing, extra or wrongly attributed, as
	// score.Score matches them.
	Gold     *score.Record
	GoldPath string
}

//go:embed page.tmpl
var pageTemplate string

//go:embed page.css
var pageCSS string

//go:embed page.js
var pageJS string

var tmpl = template.Must(template.New("page").Parse(pageTemplate))

// Render writes one HTML page showing the articles, in order. The page
// depends on the articles alone: the same articles give the same bytes.
// The error is the writer's.
func Render(w io.Writer, articles []Article) error {
	p := page{CSS: template.CSS(pageCSS), JS: template.JS(pageJS)}
	colours := 1 // the legend uses colour 0
	for i, a := range articles {
		v := build(i, a)
		colours = max(colours, len(a.Record.Speakers))
		p.Articles = append(p.Articles, v)
	}
	p.Colours = template.CSS(colourCSS(colours))
	var b bytes.Buffer
	if err := tmpl.Execute(&b, p); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// page is what the template shows.
type page struct {
	CSS      template.CSS
	JS       template.JS
	Colours  template.CSS
	Articles []view
}

// view is one article on the page.
type view struct {
	Index      int
	Source     string
	Title      string
	Provenance record.Provenance
	Segments   []segment
	Speakers   []item
	Quotes     []item
	Counters   []item
	Pledges    []item
	Missing    []item // gold items not found
	Diff       string // summary of the differences, "" without gold
	GoldPath   string
	HasGold    bool
	Warnings   []string
	Data       template.JS // the items as JSON, for the script
}

// item is one record item: what the panel lists, the tooltip shows and a
// highlight stands for.
type item struct {
	ID     string      `json:"id"`   // s0, q0, c0, p0; g0 for a missing gold item
	Type   string      `json:"type"` // speaker, quote, counterpart, pledge, missing
	Label  string      `json:"label"`
	Fields [][2]string `json:"fields"`
	Rule   string      `json:"rule,omitempty"`
	Spans  [][2]int    `json:"spans"`
	Colour int         `json:"colour"`         // the speaker's colour, -1 for none
	Diff   string      `json:"diff,omitempty"` // extra, wrong speaker, missing
	Note   string      `json:"note,omitempty"` // what the gold says
	Kind   string      `json:"kind,omitempty"` // a quote's kind
	Who    string      `json:"-"`              // a quote's speaker, short
}

// segment is a run of the text covered by the same items.
type segment struct {
	Text    string
	Marked  bool
	IDs     string
	Classes string
	Who     string // a quote's first segment: its speaker, shown before it
}

func build(index int, a Article) view {
	r := a.Record
	v := view{Index: index, Source: r.Source, Title: r.Title, Provenance: r.Provenance, Warnings: r.Warnings, GoldPath: a.GoldPath, HasGold: a.Gold != nil}
	colour := speakerColours(r)
	short := shortNames(r)
	n := len(a.Text)
	clamp := func(s record.Span) [2]int {
		lo, hi := min(max(s[0], 0), n), min(max(s[1], 0), n)
		return [2]int{lo, max(lo, hi)}
	}
	for i, s := range r.Speakers {
		it := item{ID: "s" + strconv.Itoa(i), Type: "speaker", Label: s.Name, Colour: i}
		it.Fields = fields("name", s.Name, "title", s.Title, "affiliation", s.Affiliation, "aliases", strings.Join(s.Aliases, ", "), "mentions", strconv.Itoa(len(s.Mentions)))
		for _, m := range s.Mentions {
			it.Spans = append(it.Spans, clamp(m))
		}
		v.Speakers = append(v.Speakers, it)
	}
	for i, q := range r.Quotes {
		who := ""
		if q.Speaker != nil {
			who = *q.Speaker
		}
		it := item{ID: "q" + strconv.Itoa(i), Type: "quote", Kind: string(q.Kind), Label: q.Text, Rule: q.Rule, Colour: colour(who), Spans: [][2]int{clamp(q.Span)}, Who: short(who)}
		it.Fields = fields("speaker", orNone(who), "kind", string(q.Kind), "cue", q.Cue, "text", q.Text, "span", spanText(q.Span), "rule", q.Rule)
		v.Quotes = append(v.Quotes, it)
	}
	for i, c := range r.Counterparts {
		it := item{ID: "c" + strconv.Itoa(i), Type: "counterpart", Label: strings.Join(c.Parties, " ↔ "), Rule: c.Rule, Colour: -1, Spans: [][2]int{clamp(c.Span)}}
		it.Fields = fields("parties", strings.Join(c.Parties, ", "), "channel", string(c.Channel), "when", c.When, "planned", strconv.FormatBool(c.Planned), "span", spanText(c.Span), "rule", c.Rule)
		v.Counters = append(v.Counters, it)
	}
	for i, p := range r.Pledges {
		it := item{ID: "p" + strconv.Itoa(i), Type: "pledge", Label: p.Actor + ": " + p.Action, Rule: p.Rule, Colour: colour(p.By), Spans: [][2]int{clamp(p.Span)}}
		it.Fields = fields("actor", p.Actor, "by", p.By, "action", p.Action, "strength", string(p.Strength), "when", p.When, "span", spanText(p.Span), "rule", p.Rule)
		v.Pledges = append(v.Pledges, it)
	}
	if a.Gold != nil {
		compare(&v, a)
	}
	v.Segments = segments(a.Text, &v)
	all := struct {
		Items []item `json:"items"`
	}{}
	for _, list := range [][]item{v.Speakers, v.Quotes, v.Counters, v.Pledges, v.Missing} {
		all.Items = append(all.Items, list...)
	}
	data, _ := json.Marshal(all) // plain values: cannot fail; < > & escaped
	v.Data = template.JS(data)
	return v
}

// compare marks the items that differ from the gold and lists the gold's
// missing items, finding a missing quote or pledge in the text when it is
// there word for word.
func compare(v *view, a Article) {
	res := score.Score(score.FromReadout(a.Record), *a.Gold)
	v.Diff = score.Summary(res.Diff)
	if v.Diff == "" {
		v.Diff = "matches the gold exactly"
	}
	lists := map[string][]item{"speaker": v.Speakers, "direct quote": v.Quotes, "indirect quote": v.Quotes, "counterpart": v.Counters, "pledge": v.Pledges}
	for _, d := range res.Diff {
		if d.Kind == score.Missing {
			v.Missing = append(v.Missing, missingItem(len(v.Missing), d, a))
			continue
		}
		list := lists[d.Section]
		if d.Item < 0 || d.Item >= len(list) {
			continue
		}
		it := &list[d.Item]
		it.Diff = string(d.Kind)
		if d.Kind == score.WrongSpeaker {
			it.Note = "gold speaker: " + d.Want
		} else {
			it.Note = "not in the gold"
		}
	}
}

func missingItem(i int, d score.Difference, a Article) item {
	it := item{ID: "g" + strconv.Itoa(i), Type: "missing", Label: d.Section + ": " + d.Text, Colour: -1, Diff: string(score.Missing)}
	it.Note = fmt.Sprintf("in %s, line %d; not found", a.GoldPath, d.Line)
	it.Fields = fields("missing", d.Section, "gold", d.Text, "gold line", strconv.Itoa(d.Line))
	find := ""
	switch {
	case strings.HasSuffix(d.Section, "quote") && d.Item < len(a.Gold.Quotes):
		find = a.Gold.Quotes[d.Item].Text
	case d.Section == "pledge" && d.Item < len(a.Gold.Pledges):
		find = a.Gold.Pledges[d.Item].Action
	}
	if find != "" {
		if at := strings.Index(a.Text, find); at >= 0 {
			it.Spans = [][2]int{{at, at + len(find)}}
		}
	}
	return it
}

// cover is one span of an item.
type cover struct {
	it   *item
	span [2]int
}

// segments cuts the text at every span's ends; each segment lists the
// items covering it.
func segments(text string, v *view) []segment {
	var covers []cover
	cuts := map[int]bool{0: true, len(text): true}
	for _, list := range [][]item{v.Quotes, v.Speakers, v.Pledges, v.Counters, v.Missing} {
		for i := range list {
			for _, s := range list[i].Spans {
				if s[0] < s[1] {
					covers = append(covers, cover{&list[i], s})
					cuts[s[0]], cuts[s[1]] = true, true
				}
			}
		}
	}
	at := make([]int, 0, len(cuts))
	for c := range cuts {
		at = append(at, c)
	}
	sort.Ints(at)
	var out []segment
	for k := 0; k+1 < len(at); k++ {
		lo, hi := at[k], at[k+1]
		seg := segment{Text: strings.ToValidUTF8(text[lo:hi], "\uFFFD")}
		var ids, classes []string
		mentioned := false
		inner := innermostQuote(covers, lo, hi)
		for _, c := range covers {
			if c.span[0] > lo || c.span[1] < hi {
				continue
			}
			ids = append(ids, c.it.ID)
			switch c.it.Type {
			case "quote":
				// A quote inside another (a direct quote in a reported
				// one) shows both kinds, in the colour of the inner one,
				// labelled where the inner one starts.
				classes = append(classes, "q", kindClass(c.it.Kind))
				if c.it == inner.it {
					classes = append(classes, "qc"+colourName(c.it.Colour))
				}
				if c.span[0] == lo && (seg.Who == "" || c.it == inner.it) {
					seg.Who = c.it.Who
				}
			case "speaker":
				if !mentioned {
					mentioned = true
					classes = append(classes, "m", "mc"+colourName(c.it.Colour))
				}
			case "counterpart":
				classes = append(classes, "cp")
			case "pledge":
				classes = append(classes, "pl")
			case "missing":
				classes = append(classes, "x-missing")
			}
			switch c.it.Diff {
			case "extra":
				classes = append(classes, "x-extra")
			case "wrong speaker":
				classes = append(classes, "x-wrong")
			}
		}
		if len(ids) > 0 {
			seg.Marked, seg.IDs, seg.Classes = true, strings.Join(ids, " "), strings.Join(dedupe(classes), " ")
		}
		out = append(out, seg)
	}
	return out
}

// kindClass is the page's class of a quote kind: "dq" direct, "iq"
// reported.
func kindClass(kind string) string {
	if kind == string(record.Direct) {
		return "dq"
	}
	return "iq"
}

// innermostQuote is the shortest quote span covering [lo, hi); its it is
// nil when no quote covers it.
func innermostQuote(covers []cover, lo, hi int) cover {
	var best cover
	for _, c := range covers {
		if c.it.Type != "quote" || c.span[0] > lo || c.span[1] < hi {
			continue
		}
		if best.it == nil || c.span[1]-c.span[0] < best.span[1]-best.span[0] {
			best = c
		}
	}
	return best
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// speakerColours gives a speaker name (or "A and B", a joint one: the
// first's) its speaker's colour index, -1 for none.
func speakerColours(r record.Readout) func(string) int {
	index := map[string]int{}
	for i, s := range r.Speakers {
		if _, ok := index[s.Name]; !ok {
			index[s.Name] = i
		}
	}
	return func(name string) int {
		if i, ok := index[name]; ok {
			return i
		}
		if first, _, ok := strings.Cut(name, " and "); ok {
			if i, ok := index[first]; ok {
				return i
			}
		}
		return -1
	}
}

func colourName(i int) string {
	if i < 0 {
		return "x"
	}
	return strconv.Itoa(i)
}

// colourCSS gives n speakers their colours: hues a golden angle apart.
func colourCSS(n int) string {
	var b strings.Builder
	b.WriteString(".qcx{--qh:0;--qs:0%}.mcx{--mh:0;--ms:0%}.swx{--h:0;--s:0%}\n")
	for i := 0; i < n; i++ {
		h := int(float64(i)*137.508+210) % 360
		fmt.Fprintf(&b, ".qc%d{--qh:%d;--qs:70%%}.mc%d{--mh:%d;--ms:70%%}.sw%d{--h:%d;--s:70%%}\n", i, h, i, h, i, h)
	}
	return b.String()
}

// shortNames gives a speaker's name (or a joint "A and B") the short form
// a quote is labelled with: the speaker's first alias that is part of the
// name ("Yoon" for Yoon Suk Yeol), else the last word of the name; "?" for
// none.
func shortNames(r record.Readout) func(string) string {
	short := map[string]string{}
	for _, s := range r.Speakers {
		if _, ok := short[s.Name]; ok {
			continue
		}
		short[s.Name] = lastWord(s.Name)
		for _, a := range s.Aliases {
			if a != "" && unicode.IsUpper([]rune(a)[0]) && wordsOf(s.Name, a) {
				short[s.Name] = a
				break
			}
		}
	}
	one := func(name string) string {
		if s, ok := short[name]; ok {
			return s
		}
		return lastWord(name)
	}
	return func(name string) string {
		if name == "" {
			return "?"
		}
		if _, ok := short[name]; !ok {
			if a, b, ok := strings.Cut(name, " and "); ok {
				return one(a) + " & " + one(b)
			}
		}
		return one(name)
	}
}

// wordsOf: alias is a run of whole words of name ("Yoon" of "Yoon Suk
// Yeol"; "He" is no word of "Steffen Hebestreit").
func wordsOf(name, alias string) bool {
	return strings.Contains(" "+name+" ", " "+alias+" ")
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func spanText(s record.Span) string { return fmt.Sprintf("[%d, %d)", s[0], s[1]) }

// fields pairs names and values, leaving out empty values.
func fields(kv ...string) [][2]string {
	var out [][2]string
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			out = append(out, [2]string{kv[i], kv[i+1]})
		}
	}
	return out
}
