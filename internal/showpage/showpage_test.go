package showpage

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/readout/readout/record"
	"github.com/readout/readout/score"
)

func str(s string) *string { return &s }

// article is a small record whose items overlap: a mention inside a
// quote, a pledge inside the quote, a counterpart over the first sentence.
func article() Article {
	text := "Foreign Minister Jan Ek met Anna Lind on Monday. “Sweden will send aid <soon> & more,” Ek said."
	at := func(s string) record.Span {
		i := strings.Index(text, s)
		return record.Span{i, i + len(s)}
	}
	r := record.Readout{
		Schema: record.Schema, Source: "a.txt", Provenance: record.Provenance{Version: "v1.0.0", Rules: "sha256:00"},
		Speakers: []record.Speaker{
			{Name: "Jan Ek", Title: "Foreign Minister", Aliases: []string{"Ek"}, Mentions: []record.Span{at("Jan Ek"), at("Ek said")}},
			{Name: "Anna Lind", Mentions: []record.Span{at("Anna Lind")}},
		},
		Quotes:       []record.Quote{{Speaker: str("Jan Ek"), Kind: record.Direct, Cue: "said", Text: "Sweden will send aid <soon> & more", Span: at("Sweden will send aid <soon> & more"), Rule: "direct.cue-after"}},
		Counterparts: []record.Counterpart{{Parties: []string{"Jan Ek", "Anna Lind"}, Channel: record.Meeting, When: "Monday", Span: at("Foreign Minister Jan Ek met Anna Lind on Monday."), Rule: "counterpart.verb"}},
		Pledges:      []record.Pledge{{Actor: "Sweden", By: "Jan Ek", Action: "send aid", Strength: record.Commitment, Span: at("send aid"), Rule: "pledge.will"}},
	}
	r.Speakers[1].Aliases = []string{}
	// "Ek said" is two words; make the mention "Ek" alone.
	r.Speakers[0].Mentions[1][1] = r.Speakers[0].Mentions[1][0] + 2
	return Article{Record: r, Text: text}
}

var segRE = regexp.MustCompile(`<span class="seg ([^"]*)" data-ids="([^"]*)"(?: data-who="[^"]*")?>([^<]*)</span>`)

// TestSegments: the page's article text, tags removed, is the text; each
// item's segments, joined, are its span's text, with its classes.
func TestSegments(t *testing.T) {
	a := article()
	var b bytes.Buffer
	if err := Render(&b, []Article{a}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	start := strings.Index(page, `<div class="text" lang="en">`) + len(`<div class="text" lang="en">`)
	end := strings.Index(page[start:], "</div>") + start
	body := page[start:end]
	plain := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, ""))
	if plain != a.Text {
		t.Fatalf("the page's text is\n%q\nwant\n%q", plain, a.Text)
	}
	joined := map[string]string{}
	classes := map[string][]string{}
	for _, m := range segRE.FindAllStringSubmatch(body, -1) {
		for _, id := range strings.Fields(m[2]) {
			joined[id] += html.UnescapeString(m[3])
			classes[id] = append(classes[id], " "+m[1]+" ")
		}
	}
	r := a.Record
	tests := []struct {
		id, want, class string
	}{
		{"s0", "Jan EkEk", " m mc0 "},
		{"s1", "Anna Lind", " m mc1 "},
		{"q0", a.Text[r.Quotes[0].Span[0]:r.Quotes[0].Span[1]], " q dq qc0 "},
		{"c0", a.Text[r.Counterparts[0].Span[0]:r.Counterparts[0].Span[1]], " cp "},
		{"p0", "send aid", " pl "},
	}
	for _, tt := range tests {
		if joined[tt.id] != tt.want {
			t.Errorf("%s shows %q, want %q", tt.id, joined[tt.id], tt.want)
		}
		for _, c := range classes[tt.id] {
			for _, want := range strings.Fields(tt.class) {
				if !strings.Contains(c, " "+want+" ") {
					t.Errorf("a segment of %s has classes %q, want %q", tt.id, c, want)
				}
			}
		}
	}
	if !strings.Contains(page, `data-who="Ek"`) {
		t.Error("the quote is not labelled with its speaker's short name, Ek")
	}
}

// TestSelfContained: the page loads nothing: no external address, no
// src attribute, a policy that forbids loading, and the same bytes for
// the same records.
func TestSelfContained(t *testing.T) {
	var a, b bytes.Buffer
	if err := Render(&a, []Article{article(), article()}); err != nil {
		t.Fatal(err)
	}
	Render(&b, []Article{article(), article()})
	if a.String() != b.String() {
		t.Error("the same articles gave different pages")
	}
	page := a.String()
	for _, bad := range []string{"http://", "https://", " src=", "<link", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if !strings.Contains(page, `content="default-src 'none';`) {
		t.Error("no Content-Security-Policy that forbids loading")
	}
	if strings.Contains(page, "<soon>") || !strings.Contains(page, "&lt;soon&gt;") {
		t.Error("the article's text is not escaped")
	}
	if strings.Count(page, `<section class="article"`) != 2 || !strings.Contains(page, `<nav class="toc">`) {
		t.Error("two articles: want two sections and a table of contents")
	}
}

// TestAgainstGold: extra items and wrong speakers are marked on their
// segments; missing gold items are listed, and underlined where the text
// has them word for word.
func TestAgainstGold(t *testing.T) {
	a := article()
	gold := score.Record{
		Speakers: []score.Speaker{{Name: "Jan Ek"}},
		Quotes: []score.Quote{
			{Speaker: "Anna Lind", Kind: record.Direct, Text: "Sweden will send aid <soon> & more"},
			{Speaker: "Anna Lind", Kind: record.Indirect, Text: "met Anna Lind on Monday"},
		},
		Pledges: []score.Pledge{{Actor: "Sweden", Action: "send aid", Strength: record.Commitment}},
	}
	a.Gold, a.GoldPath = &gold, "a.gold.yaml"
	var b bytes.Buffer
	if err := Render(&b, []Article{a}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	checks := []struct{ what, want string }{
		{"the summary", "1 missing, 2 extra, 1 wrong speaker"},
		{"Anna Lind, extra, in the missing quote", `data-ids="s1 c0 g0"`},
		{"the wrong speaker's quote", `x-wrong`},
		{"the missing quote, found in the text", `x-missing`},
		{"the missing quote, listed", `indirect quote: Anna Lind: &#34;met Anna Lind on Monday&#34;`},
	}
	for _, c := range checks {
		if !strings.Contains(page, c.want) {
			t.Errorf("%s: the page has no %q", c.what, c.want)
		}
	}
	for _, m := range segRE.FindAllStringSubmatch(page, -1) {
		if strings.Contains(" "+m[2]+" ", " s1 ") && !strings.Contains(m[1], "x-extra") {
			t.Errorf("a segment of the extra speaker is not marked: %q", m[1])
		}
	}
}

// TestOddText: spans outside the text are clamped, invalid UTF-8 is
// replaced, an empty record gives a page.
func TestOddText(t *testing.T) {
	a := Article{Text: "Caf\xe9 \x00talk.", Record: record.Readout{Source: "x", Quotes: []record.Quote{{Kind: record.Indirect, Text: "talk", Span: record.Span{6, 400}, Rule: "r"}}}}
	var b bytes.Buffer
	if err := Render(&b, []Article{a, {Record: record.Readout{Source: "empty"}}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Caf\uFFFD") {
		t.Error("invalid UTF-8 is not replaced")
	}
}
