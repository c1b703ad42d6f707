package readout_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout"
)

// TestInvisibleJoinersInNames: a soft hyphen (U+00AD) or a zero-width
// joiner or non-joiner (U+200D, U+200C) inside a name changes nothing:
// "Ma\u00adcron" and "Macron" are one speaker, recorded without it, and
// the mentions' spans still point at the input as read (joiner included).
func TestInvisibleJoinersInNames(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		speakers  []string
		spans     []string // the input at the speakers' mentions, in order
	}{
		{"soft hyphen later",
			"President Emmanuel Macron said that the talks went well.\n\nMa\u00adcron said that France would help.",
			[]string{"Emmanuel Macron"}, []string{"Emmanuel Macron", "Ma\u00adcron"}},
		{"soft hyphen first",
			"President Emmanuel Ma\u00adcron said that the talks went well.\n\nMacron said that France would help.",
			[]string{"Emmanuel Macron"}, []string{"Emmanuel Ma\u00adcron", "Macron"}},
		{"zero-width joiner and non-joiner",
			"Prime Minister Narendra Mo\u200ddi said that India agreed.\n\nMo\u200cdi said that talks would go on. Modi said so again.",
			[]string{"Narendra Modi"}, []string{"Narendra Mo\u200ddi", "Mo\u200cdi", "Modi"}},
		{"in a counterpart",
			"President Emmanuel Macron met Prime Minister Narendra Mo\u200ddi on Monday. Mo\u00addi said that India agreed.",
			[]string{"Narendra Modi"}, []string{"Narendra Mo\u200ddi", "Mo\u00addi"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := readout.Convert(context.Background(), []byte(tc.src), "in.txt", nil, readout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var names, spans []string
			for _, s := range r.Speakers {
				names = append(names, s.Name)
				for _, m := range s.Mentions {
					spans = append(spans, tc.src[m[0]:m[1]])
				}
				for _, a := range s.Aliases {
					if strings.ContainsAny(a, "\u00ad\u200c\u200d") {
						t.Errorf("alias %q keeps an invisible joiner", a)
					}
				}
			}
			if !slices.Equal(names, tc.speakers) {
				t.Errorf("speakers %q, want %q", names, tc.speakers)
			}
			if !slices.Equal(spans, tc.spans) {
				t.Errorf("mentions read %q, want %q", spans, tc.spans)
			}
			for _, c := range r.Counterparts {
				for _, p := range c.Parties {
					if strings.ContainsAny(p, "\u00ad\u200c\u200d") {
						t.Errorf("party %q keeps an invisible joiner", p)
					}
				}
			}
			for _, q := range r.Quotes {
				if q.Speaker == nil || !slices.Contains(tc.speakers, *q.Speaker) {
					t.Errorf("quote %q has speaker %v, want one of %q", q.Text, q.Speaker, tc.speakers)
				}
			}
		})
	}
}
