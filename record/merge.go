package record

import (
	"slices"
	"strings"
)

// Append adds w, the record of a later window of the same input, to r.
// w's spans count from the start of its window, which begins at byte
// offset of the input; Append shifts them to count from the start of the
// input. r's spans already do, and every span of w lies after r's.
//
// A speaker of w is a speaker of r when either one's name is the other's
// name or one of its aliases, or when w's speaker has a one-word name
// that starts or ends the name of exactly one of r's speakers ("Yoon" in
// a later window is "Yoon Suk Yeol" of an earlier one): its aliases and mentions join that speaker's, and
// the quotes, counterparts and pledges of w name it as r does. Otherwise
// it is a new speaker. Quotes, counterparts and pledges are appended in
// order, except an exchange or a pledge r has already (an article's
// exchanges and pledges are recorded once: see sameExchange; a pledge is
// the same when its actor, negation and action are); warnings are
// appended unless r has them already, up to maxWarnings in all. w's title, source and provenance are not used.
func (r *Readout) Append(w Readout, offset int) {
	rename := map[string]string{}
	for _, sp := range w.Speakers {
		shiftSpans(sp.Mentions, offset)
		i := r.speakerFor(sp)
		if i < 0 {
			r.Speakers = append(r.Speakers, sp)
			continue
		}
		o := &r.Speakers[i]
		if sp.Name != o.Name {
			rename[sp.Name] = o.Name
		}
		for _, a := range append([]string{sp.Name}, sp.Aliases...) {
			if a != o.Name && !slices.Contains(o.Aliases, a) {
				o.Aliases = append(o.Aliases, a)
			}
		}
		o.Mentions = append(o.Mentions, sp.Mentions...)
		if o.Title == "" {
			o.Title = sp.Title
		}
		if o.Affiliation == "" {
			o.Affiliation = sp.Affiliation
		}
	}
	named := func(s string) string {
		if n, ok := rename[s]; ok {
			return n
		}
		return s
	}
	for _, q := range w.Quotes {
		if q.Speaker != nil {
			n := named(*q.Speaker)
			q.Speaker = &n
		}
		q.Span = q.Span.shift(offset)
		r.Quotes = append(r.Quotes, q)
	}
	for _, c := range w.Counterparts {
		c.Parties = slices.Clone(c.Parties)
		for i := range c.Parties {
			c.Parties[i] = named(c.Parties[i])
		}
		c.Span = c.Span.shift(offset)
		if !r.sameExchange(c) {
			r.Counterparts = append(r.Counterparts, c)
		}
	}
	for _, p := range w.Pledges {
		p.Actor, p.By = named(p.Actor), named(p.By)
		if p.By == p.Actor {
			p.By = ""
		}
		p.Span = p.Span.shift(offset)
		if !slices.ContainsFunc(r.Pledges, func(o Pledge) bool {
			return o.Actor == p.Actor && o.Negated == p.Negated && o.Action == p.Action
		}) {
			r.Pledges = append(r.Pledges, p)
		}
	}
	for _, m := range w.Warnings {
		if len(r.Warnings) < maxWarnings && !slices.Contains(r.Warnings, m) {
			r.Warnings = append(r.Warnings, m)
		}
	}
	r.Normalize()
}

// maxWarnings is the most warnings Append keeps (parser.MaxWarnings, for
// a whole input).
const maxWarnings = 100

// sameExchange reports whether r records exchange c already: the same
// parties, both planned or both not, and the same time or one without a
// time, as one article's exchanges are recorded once. The one recorded
// takes c's time when it has none, and c's channel when its own is
// generic and c's is not.
func (r *Readout) sameExchange(c Counterpart) bool {
	for i := range r.Counterparts {
		o := &r.Counterparts[i]
		if len(o.Parties) != 2 || len(c.Parties) != 2 || o.Planned != c.Planned || o.When != c.When && o.When != "" && c.When != "" {
			continue
		}
		if o.Parties[0] == c.Parties[0] && o.Parties[1] == c.Parties[1] || o.Parties[0] == c.Parties[1] && o.Parties[1] == c.Parties[0] {
			if o.When == "" {
				o.When = c.When
			}
			if o.Channel.Generic() && !c.Channel.Generic() {
				o.Channel = c.Channel
			}
			return true
		}
	}
	return false
}

// speakerFor returns the index of r's speaker that sp is, or -1: the
// speaker whose name is sp's or one of its aliases, or the one speaker
// whose name of several words starts or ends with sp's name of one word
// ("Yoon" of "Yoon Suk Yeol", "Kishida" of "Fumio Kishida").
func (r *Readout) speakerFor(sp Speaker) int {
	part := -1
	for i := range r.Speakers {
		o := &r.Speakers[i]
		if o.Name == sp.Name || slices.Contains(o.Aliases, sp.Name) || slices.Contains(sp.Aliases, o.Name) {
			return i
		}
		if strings.Contains(sp.Name, " ") {
			continue
		}
		if strings.HasPrefix(o.Name, sp.Name+" ") || strings.HasSuffix(o.Name, " "+sp.Name) {
			if part >= 0 {
				part = -2 // two speakers it may be: neither
			} else if part == -1 {
				part = i
			}
		}
	}
	return max(part, -1)
}

func (s Span) shift(offset int) Span { return Span{s[0] + offset, s[1] + offset} }

func shiftSpans(spans []Span, offset int) {
	for i := range spans {
		spans[i] = spans[i].shift(offset)
	}
}
