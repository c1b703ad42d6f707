package extract

import "testing"

// smallWord stands in for the lexicon's function words.
func smallWord(w string) bool {
	switch w {
	case "and", "of", "the":
		return true
	}
	return false
}

// TestIsTitleCase: a short text with every word capitalised but small
// function words is a title or name, not speech.
func TestIsTitleCase(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Free and Open Indo-Pacific.", true},
		{"The Art of the Deal", true},
		{"Operation Warp Speed", true},
		{"Vision 2030", false}, // one capitalised word
		{"We will respond.", false},
		{"The talks were useful, and we will meet again in May.", false},
		{"One Two Three Four Five Six Seven Eight Nine", false}, // too long to be a title
		{"", false},
	} {
		if got := isTitleCase(tc.text, smallWord); got != tc.want {
			t.Errorf("isTitleCase(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
