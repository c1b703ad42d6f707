package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jdkato/prose/v3/tag"
)

func zzTexts(b *testing.B) []string {
	paths, _ := filepath.Glob("../testdata/fixtures/*.txt")
	var out []string
	for _, p := range paths {
		t, _ := os.ReadFile(p)
		out = append(out, string(t))
	}
	return out
}

func BenchmarkZZTokWhole(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	for i := 0; i < b.N; i++ {
		_ = m.tok.Tokenize(texts[i%len(texts)])
	}
}
func BenchmarkZZTokPara(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	for i := 0; i < b.N; i++ {
		s := texts[i%len(texts)]
		for _, p := range splitParagraphs(s) {
			_ = m.tok.Tokenize(s[p.Start:p.End])
		}
	}
}
func BenchmarkZZTokOurs(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	for i := 0; i < b.N; i++ {
		s := texts[i%len(texts)]
		var toks []Token
		for _, p := range splitParagraphs(s) {
			tokenizeText(m.tok, s[p.Start:p.End], func(t string, off int) { toks = appendSplit(toks, t, off) })
		}
	}
}
func BenchmarkZZTagWhole(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	var all [][]tag.Token
	for _, s := range texts {
		all = append(all, m.tok.Tokenize(s))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.tag.TagTokens(all[i%len(all)])
	}
}
func BenchmarkZZTagOurs(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	var all [][][]Token
	for _, s := range texts {
		var ps [][]Token
		for _, p := range splitParagraphs(s) {
			var toks []Token
			tokenizeText(m.tok, s[p.Start:p.End], func(t string, off int) { toks = appendSplit(toks, t, off) })
			ps = append(ps, toks)
		}
		all = append(all, ps)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range all[i%len(all)] {
			if len(p) > 0 {
				tagTokens(m.tag, p)
			}
		}
	}
}
func BenchmarkZZSegWhole(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	for i := 0; i < b.N; i++ {
		_ = m.seg.Segment(texts[i%len(texts)])
	}
}
func BenchmarkZZSegPara(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	for i := 0; i < b.N; i++ {
		s := texts[i%len(texts)]
		for _, p := range splitParagraphs(s) {
			_ = m.seg.Segment(s[p.Start:p.End])
		}
	}
}

func BenchmarkZZTagOursWhole(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	var all [][]tag.Token
	for _, s := range texts {
		var ts []tag.Token
		for _, p := range splitParagraphs(s) {
			tokenizeText(m.tok, s[p.Start:p.End], func(t string, off int) {
				for _, x := range appendSplit(nil, t, off) {
					ts = append(ts, tag.Token{Text: x.Text})
				}
			})
		}
		all = append(all, ts)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.tag.TagTokens(all[i%len(all)])
	}
}
func BenchmarkZZTagProsePara(b *testing.B) {
	texts := zzTexts(b)
	m, _ := loadModels()
	var all [][][]tag.Token
	for _, s := range texts {
		var ps [][]tag.Token
		for _, p := range splitParagraphs(s) {
			ps = append(ps, m.tok.Tokenize(s[p.Start:p.End]))
		}
		all = append(all, ps)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range all[i%len(all)] {
			m.tag.TagTokens(p)
		}
	}
}
