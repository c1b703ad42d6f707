package record

import (
	"fmt"
	"strings"
)

// Check returns every way record r breaks the output contract for the
// input it was made from (src: the text its spans index, that is r.Text
// when set), or nil. It is the one contract checker: the tests, the fuzz
// targets and readout check ask it.
//
// The contract: every list non-nil; every span inside the input; the
// enumerations within their values; speaker names unique, each quote's
// speaker a speaker's name or "A and B" of two speakers; lists in order of
// their spans; every item carrying its rule; and each quote's text its
// evidence: a direct quote's text the span's text without its marks, a
// trailing comma and paragraph breaks, or, for a quote joined from parts
// (split by an attribution, over paragraphs), words that all occur in the
// span; an indirect quote's text the span's text, or its parts, each a
// stretch of the span, joined by single spaces.
func Check(src string, r Readout) []string {
	c := checker{src: src}
	if r.Text != "" {
		c.src = r.Text
	}
	if r.Schema != Schema {
		c.add("schema %q, want %q", r.Schema, Schema)
	}
	if r.Speakers == nil || r.Quotes == nil || r.Counterparts == nil || r.Pledges == nil {
		c.add("a nil list (encodes as null, not [])")
	}
	names := c.speakers(r.Speakers)
	c.quotes(r.Quotes, names)
	for i, cp := range r.Counterparts {
		c.span(fmt.Sprintf("counterpart %d %q", i, cp.Parties), cp.Span)
		if len(cp.Parties) != 2 || !cp.Channel.Valid() {
			c.add("counterpart %d: parties %q, channel %q", i, cp.Parties, cp.Channel)
		}
		if cp.Rule == "" {
			c.add("counterpart %d has no rule", i)
		}
	}
	for i, p := range r.Pledges {
		c.span(fmt.Sprintf("pledge %d %q", i, p.Action), p.Span)
		if !p.Strength.Valid() || p.Actor == "" || p.Action == "" {
			c.add("pledge %d: actor %q, action %q, strength %q", i, p.Actor, p.Action, p.Strength)
		}
		if i > 0 && p.Span[0] < r.Pledges[i-1].Span[0] {
			c.add("pledge %d starts before pledge %d", i, i-1)
		}
		if p.Rule == "" {
			c.add("pledge %d has no rule", i)
		}
	}
	return c.errs
}

type checker struct {
	src  string
	errs []string
}

func (c *checker) add(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// span checks that s lies inside the input.
func (c *checker) span(what string, s Span) bool {
	if s[0] < 0 || s[0] > s[1] || s[1] > len(c.src) {
		c.add("%s: span %v outside the input (%d bytes)", what, s, len(c.src))
		return false
	}
	return true
}

func (c *checker) speakers(list []Speaker) map[string]bool {
	names := map[string]bool{}
	for i, sp := range list {
		switch {
		case sp.Name == "":
			c.add("speaker %d has no name", i)
		case names[sp.Name]:
			c.add("speaker %q listed twice", sp.Name)
		}
		names[sp.Name] = true
		if sp.Aliases == nil || sp.Mentions == nil {
			c.add("speaker %q: nil aliases or mentions", sp.Name)
		}
		for _, m := range sp.Mentions {
			c.span("speaker "+sp.Name+" mention", m)
		}
	}
	return names
}

func (c *checker) quotes(list []Quote, names map[string]bool) {
	for i, q := range list {
		what := fmt.Sprintf("quote %d %q", i, q.Text)
		if i > 0 && q.Span[0] < list[i-1].Span[0] {
			c.add("quote %d starts before quote %d", i, i-1)
		}
		if q.Speaker != nil && !names[*q.Speaker] && !isPair(*q.Speaker, names) {
			c.add("%s: speaker %q is not in speakers", what, *q.Speaker)
		}
		if q.Rule == "" {
			c.add("%s has no rule", what)
		}
		if !c.span(what, q.Span) {
			continue
		}
		evidence := c.src[q.Span[0]:q.Span[1]]
		// A record read back from JSON has U+FFFD for each invalid byte.
		encoded := string(replaceInvalid([]byte(evidence)))
		switch q.Kind {
		case Indirect:
			if !partsOf(q.Text, evidence) && !partsOf(q.Text, encoded) && !partsOf(withoutMarks(q.Text), strings.TrimRight(withoutMarks(evidence), ", ")) {
				c.add("%s: text is not input%v %q", what, q.Span, evidence)
			}
		case Direct:
			if msg := directTextError(q.Text, evidence); msg != "" && directTextError(q.Text, encoded) != "" {
				c.add("%s: %s", what, msg)
			}
		default:
			c.add("%s: kind %q", what, q.Kind)
		}
	}
}

// isPair: "A and B", both of them speakers (a joint statement).
func isPair(name string, names map[string]bool) bool {
	for i := 0; i+5 <= len(name); i++ {
		if name[i:i+5] == " and " && names[name[:i]] && names[name[i+5:]] {
			return true
		}
	}
	return false
}

// partsOf: text is evidence, or stretches of it joined by single spaces,
// the first at its start and the last at its end ("The next round of
// talks, Lopez said, would take place" → "The next round of talks would
// take place").
func partsOf(text, evidence string) bool {
	if text == evidence {
		return true
	}
	rest := evidence
	words := strings.Fields(text)
	for k, w := range words {
		if k == len(words)-1 {
			// the last word ends the evidence, wherever it also occurs
			// before ("…, X said, said": the text's last "said" is the
			// evidence's last)
			return strings.HasPrefix(evidence, firstField(text)) && strings.HasSuffix(strings.TrimSpace(rest), w)
		}
		i := strings.Index(rest, w)
		if i < 0 {
			return false
		}
		rest = rest[i+len(w):]
	}
	return strings.HasPrefix(evidence, firstField(text)) && strings.TrimSpace(rest) == ""
}

// withoutMarks drops quotation marks: an indirect quote's text leaves
// out the marks of a fragment it embeds ("he “will work” on it" → "he will
// work on it"), as the contract's texts are without quotation marks.
func withoutMarks(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '"', '‘', '’', '\'', '«', '»', '‹', '›', '„', '`', '「', '」':
			return -1
		}
		return r
	}, s)
}

func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// directTextError checks a direct quote's text against its evidence: equal
// after trimming white space and a trailing comma, or, for a quote joined
// from parts, made of words that all occur in the evidence.
func directTextError(text, evidence string) string {
	if text == strings.TrimSpace(strings.TrimRight(strings.TrimSpace(evidence), ",")) {
		return ""
	}
	for _, w := range strings.Fields(text) {
		if !strings.Contains(evidence, w) {
			return fmt.Sprintf("text %q: word %q is not in its evidence %q", text, w, evidence)
		}
	}
	return ""
}
