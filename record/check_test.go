package record

import "testing"

// TestPartsOf: an indirect quote's text is its evidence's words in order,
// first and last included; a word may occur earlier in the evidence too.
func TestPartsOf(t *testing.T) {
	for _, c := range []struct {
		text, evidence string
		want           bool
	}{
		{"the talks were useful", "the talks were useful", true},
		{"The next round would take place", "The next round, Lopez said, would take place", true},
		{"talks went on said", "talks went on, Kim said, said", true}, // the last word is the evidence's last
		{"talks went on", "talks went on, Kim said", false},           // the evidence goes on past the text
		{"went on", "talks went on", false},                           // the evidence starts before the text
		{"talks ended", "talks went on", false},
	} {
		if got := partsOf(c.text, c.evidence); got != c.want {
			t.Errorf("partsOf(%q, %q) = %v, want %v", c.text, c.evidence, got, c.want)
		}
	}
}
