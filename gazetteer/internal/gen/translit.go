package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxVariants caps the spellings one name is romanised into.
const maxVariants = 8

// romanise returns the Latin spellings of a faker name as English news
// writes it: Latin names as they are; Cyrillic and Greek by a simple
// transliteration with the usual variants ("Dmitriy", "Dmitry", "Dmitri";
// "Alexei", "Aleksey"); Korean given names (Hangul) in the Revised
// Romanization and in the older popular spelling ("Min-jun", "Min-joon");
// other scripts and names of several words give nothing.
func romanise(n, loc string, surname bool) []string {
	n = strings.TrimSpace(n)
	if n == "" || strings.ContainsAny(n, " \t") {
		return nil
	}
	if isLatin(n) {
		return []string{n}
	}
	switch script(n) {
	case "cyrillic":
		return expand(cyrillicParts(strings.ToLower(n), strings.HasPrefix(loc, "uk")))
	case "greek":
		return expand(greekParts(strings.ToLower(stripMarks(n))))
	case "hangul":
		if surname { // Kim, Lee and Park are not what any romanisation gives
			return nil
		}
		return hangul(n)
	}
	return nil
}

func script(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			return "cyrillic"
		case unicode.Is(unicode.Greek, r):
			return "greek"
		case unicode.Is(unicode.Hangul, r):
			return "hangul"
		}
	}
	return ""
}

func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// expand is every spelling made of one alternative of each part, at most
// maxVariants of them, the first alternatives first.
func expand(parts [][]string) []string {
	out := []string{""}
	for _, alts := range parts {
		var next []string
		for _, pre := range out {
			for _, a := range alts {
				if len(next) < maxVariants {
					next = append(next, pre+a)
				}
			}
		}
		out = next
	}
	return out
}

var cyrillic = map[rune][]string{
	'а': {"a"}, 'б': {"b"}, 'в': {"v"}, 'г': {"g"}, 'ґ': {"g"}, 'д': {"d"}, 'е': {"e"},
	'ё': {"yo", "e"}, 'є': {"ye"}, 'ж': {"zh"}, 'з': {"z"}, 'и': {"i"}, 'і': {"i"},
	'ї': {"yi"}, 'й': {"y", "i"}, 'к': {"k"}, 'л': {"l"}, 'м': {"m"}, 'н': {"n"},
	'о': {"o"}, 'п': {"p"}, 'р': {"r"}, 'с': {"s"}, 'т': {"t"}, 'у': {"u"}, 'ф': {"f"},
	'х': {"kh", "h"}, 'ц': {"ts"}, 'ч': {"ch"}, 'ш': {"sh"}, 'щ': {"shch"}, 'ъ': {""},
	'ы': {"y"}, 'ь': {""}, 'э': {"e"}, 'ю': {"yu"}, 'я': {"ya"},
	'ѓ': {"gj"}, 'ќ': {"kj"}, 'џ': {"dzh"}, 'ѕ': {"dz"}, 'ј': {"j"}, 'љ': {"lj"}, 'њ': {"nj"},
	'ө': {"o"}, 'ү': {"u"},
}

// cyrillicParts splits a lower-case Cyrillic name into alternatives;
// Ukrainian writes и as y and г as h ("Volodymyr", "Oleh").
func cyrillicParts(s string, ukrainian bool) [][]string {
	rs := []rune(s)
	var parts [][]string
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		last := i == len(rs)-1
		switch {
		case r == 'и' && !ukrainian && i+2 == len(rs) && rs[i+1] == 'й':
			parts = append(parts, []string{"iy", "y", "i"})
			i++
			continue
		case r == 'е' && !ukrainian && (i == 0 || strings.ContainsRune("аеёиоуыэюяьъ", rs[i-1])):
			parts = append(parts, []string{"ye", "e"})
			continue
		case r == 'к' && !last && rs[i+1] == 'с':
			parts = append(parts, []string{"ks", "x"})
			i++
			continue
		case ukrainian && r == 'и':
			parts = append(parts, []string{"y"})
			continue
		case ukrainian && r == 'г':
			parts = append(parts, []string{"h"})
			continue
		}
		alts, ok := cyrillic[r]
		if !ok {
			alts = []string{string(r)}
		}
		parts = append(parts, alts)
	}
	return parts
}

var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// greekParts transliterates Greek the way names are written in Latin
// letters ("Kyriakos", "Alexandros", "Dimitris").
func greekParts(s string) [][]string {
	rs := []rune(s)
	var parts [][]string
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+1 < len(rs) {
			pair := string(rs[i : i+2])
			if alts, ok := greekPairs[pair]; ok {
				if i > 0 && len(alts) > 1 {
					alts = alts[1:]
				}
				parts = append(parts, alts)
				i++
				continue
			}
		}
		t, ok := greek[r]
		if !ok {
			t = string(r)
		}
		parts = append(parts, []string{t})
	}
	return parts
}

// greekPairs are digraphs; the first spelling is for the start of a name.
var greekPairs = map[string][]string{
	"ου": {"ou"}, "αι": {"ai"}, "ει": {"ei"}, "οι": {"oi"}, "αυ": {"av"}, "ευ": {"ev"},
	"μπ": {"b", "mp"}, "ντ": {"d", "nt"}, "γκ": {"g", "gk"}, "γγ": {"ng"},
}

// Hangul syllable = 0xAC00 + (initial*21 + vowel)*28 + final.
var (
	hangulInitials = []string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	hangulVowels   = []string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	hangulFinals   = []string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
	// popularVowels is the older spelling of some vowels ("Joon", "Hyun", "Sung").
	popularVowels = map[string]string{"u": "oo", "eo": "u", "yeo": "yu"}
)

// hangul romanises a Korean given name syllable by syllable, hyphenated as
// English news writes it: the Revised Romanization ("Ji-u", "Min-jun",
// "Seo-yeon") and the popular spelling ("Ji-woo", "Min-joon", "Su-yun").
func hangul(s string) []string {
	var rr, pop []string
	for _, r := range s {
		if r < 0xAC00 || r > 0xD7A3 {
			return nil
		}
		i := int(r - 0xAC00)
		ini, vow, fin := hangulInitials[i/(21*28)], hangulVowels[i/28%21], hangulFinals[i%28]
		rr = append(rr, ini+vow+fin)
		pv := vow
		if p, ok := popularVowels[vow]; ok {
			pv = p
		}
		if ini == "" && vow == "u" {
			pv = "woo"
		}
		pop = append(pop, ini+pv+fin)
	}
	a, b := capital(strings.Join(rr, "-")), capital(strings.Join(pop, "-"))
	if a == b {
		return []string{a}
	}
	return []string{a, b}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
