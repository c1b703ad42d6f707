package perceptron

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// compare tags words with prose's tagger and with Model and reports the
// first token where they differ.
func compare(t *testing.T, m *Model, pt *tag.Tagger, words []string) {
	t.Helper()
	want := make([]tag.Token, len(words))
	got := make([]tag.Token, len(words))
	for i, w := range words {
		want[i].Text, got[i].Text = w, w
	}
	pt.TagTokens(want)
	m.TagTokens(got)
	for i := range want {
		if got[i].Tag != want[i].Tag {
			t.Fatalf("token %d %q of %q: tag %q, prose's tagger %q", i, words[i], strings.Join(words, " "), got[i].Tag, want[i].Tag)
		}
	}
}

func models(t testing.TB) (*Model, *tag.Tagger) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	pt, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	return m, pt
}

// TestMatchesProse: on the project's fixtures, tagged whole and line by
// line, every tag is prose's.
func TestMatchesProse(t *testing.T) {
	m, pt := models(t)
	files, _ := filepath.Glob("../../../testdata/fixtures/*.txt")
	if len(files) == 0 {
		t.Fatal("no fixtures found")
	}
	tk := tokenize.New()
	tokens := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, line := range strings.Split(string(b), "\n") {
			var words []string
			for _, tok := range tk.Tokenize(line) {
				words = append(words, tok.Text)
			}
			compare(t, m, pt, words)
			all = append(all, words...)
		}
		compare(t, m, pt, all)
		tokens += len(all)
	}
	if tokens < 4000 {
		t.Fatalf("only %d tokens compared", tokens)
	}
}

// TestSpecialCases: the tokens prose's tagger tags without scoring.
func TestSpecialCases(t *testing.T) {
	m, pt := models(t)
	for _, words := range [][]string{
		{"-", "said", "@someone", "on", "Monday"},
		{"*T*-2", "was", "*", "0", "-LRB-", "yes", "-RRB-"},
		{"He", "smiled", ":)", "and", "wrote", "xD", "."},
		{"Ünïcode", "WORDS", "in", "1999", "and", "-12", "and", "+123", "up-to-date"},
		{""}, {"a", "", "b"},
	} {
		compare(t, m, pt, words)
	}
}

// TestEmoticonsMatchProse: every emoticon in emoticons.txt is one prose's
// tagger tags SYM, in and out of context.
func TestEmoticonsMatchProse(t *testing.T) {
	m, pt := models(t)
	if len(m.emoticon) < 50 {
		t.Fatalf("%d emoticons loaded", len(m.emoticon))
	}
	for e := range m.emoticon {
		got := pt.Tag([]string{"It", "was", e, "indeed"})
		if got[2].Tag != "SYM" {
			t.Errorf("%q: prose's tagger says %q, not SYM: emoticons.txt is not prose's list", e, got[2].Tag)
		}
		compare(t, m, pt, []string{"It", "was", e, "indeed"})
	}
}

// TestDecodeRejects: bytes not in prose's format fail with an error.
func TestDecodeRejects(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("PROSETAG"), []byte("NOTAMODEL\x01\x00\x00\x00"), []byte("PROSETAG\x02\x00\x00\x00")} {
		if _, err := decode(b); err == nil {
			t.Errorf("decode(%q): no error", b)
		}
	}
}

// FuzzMatchesProse: on any text, tokenized by prose, the tags are prose's.
func FuzzMatchesProse(f *testing.F) {
	f.Add("The minister said on Monday that talks would go ahead.")
	f.Add("“We will not allow it,” Mr. O'Neil told reporters :) in 2024-25.")
	m, pt := models(f)
	tk := tokenize.New()
	f.Fuzz(func(t *testing.T, s string) {
		var words []string
		for _, tok := range tk.Tokenize(s) {
			words = append(words, tok.Text)
		}
		compare(t, m, pt, words)
		compare(t, m, pt, strings.Fields(s))
	})
}

// BenchmarkModel and BenchmarkProse tag the fixtures' tokens with this
// package and with prose's tagger.
func BenchmarkModel(b *testing.B) {
	m, _ := models(b)
	benchTagger(b, m.TagTokens)
}

func BenchmarkProse(b *testing.B) {
	_, pt := models(b)
	benchTagger(b, pt.TagTokens)
}

func benchTagger(b *testing.B, tagTokens func([]tag.Token)) {
	toks := benchTokens(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tagTokens(toks)
	}
	b.ReportMetric(float64(b.N*len(toks))/b.Elapsed().Seconds(), "tokens/s")
}

func benchTokens(b *testing.B) []tag.Token {
	files, _ := filepath.Glob("../../../testdata/fixtures/*.txt")
	var toks []tag.Token
	tk := tokenize.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, tok := range tk.Tokenize(string(data)) {
			toks = append(toks, tag.Token{Text: tok.Text})
		}
	}
	return toks
}
