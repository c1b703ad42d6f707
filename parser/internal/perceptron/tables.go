package perceptron

import (
	"encoding/binary"
	"math"
	"strings"
)

// The slots of an entry's features: the templates whose variable part is
// one word or one suffix.
const (
	fWord = iota
	fPrevWord
	fPrev2Word
	fNextWord
	fNext2Word
	fSuffix
	fPrevSuffix
	fNextSuffix
	nEntryFeats
)

// The slots of a tag's features.
const (
	fPrevTag = iota
	fPrev2Tag
	nTagFeats
)

// entryTemplates and tagTemplates give each slot's template.
var (
	entryTemplates = [nEntryFeats]string{
		fWord: tWord, fPrevWord: tPrevWord, fPrev2Word: tPrev2Word, fNextWord: tNextWord,
		fNext2Word: tNext2Word, fSuffix: tSuffix, fPrevSuffix: tPrevSuffix, fNextSuffix: tNextSuffix,
	}
	tagTemplates = [nTagFeats]string{fPrevTag: tPrevTag, fPrev2Tag: tPrev2Tag}
)

// tables index the model's features by what varies in them, so that a
// token's 14 features take two map lookups per word of context instead of
// 14 searches. Every value is the offset of a feature's record (see
// layRecords), -1 when the model has no such feature (prose's lookup then
// finds nothing either).
type tables struct {
	bias     int32
	pref     [256]int32 // "i pref1 " + one byte
	prefNone int32      // "i pref1 " alone: an empty word

	entries []entry          // by entry number
	entryOf map[string]int32 // a word or suffix → its entry number

	infos     []wordInfo
	infoOf    map[string]int32 // a string → its wordInfo
	sentinels [4]wordInfo      // -START-, -START2-, -END-, -END2-

	tagIDOf  map[string]int32 // a tag → its tag id
	tagFeats [][nTagFeats]int32
	pairs    []int32          // "i tag+i-2 tag T1 T2" at T1's id × nTags + T2's id
	tagWords map[uint64]int32 // "i-1 tag+i word T W" at T's id << 32 | W's entry
	classTag []int32          // the tag id of each class
}

// entry holds the features of one string, by slot.
type entry [nEntryFeats]int32

// wordInfo is what the tagger asks of a string, in one lookup: as a
// word of context, its entry and its suffix's entry; as a token, the
// class the model gives it without scoring, or emoticon, or -1.
type wordInfo struct {
	entry, suf int32
	class      int16
}

// emoticon is the wordInfo.class of an emoticon.
const emoticon = -2

// noInfo is the wordInfo of a string the model has nothing for (its
// suffix may still have an entry: look it up).
var noInfo = wordInfo{entry: -1, suf: -1, class: -1}

func (t *tables) info(s string) *wordInfo {
	if k, ok := t.infoOf[s]; ok {
		return &t.infos[k]
	}
	return &noInfo
}

// indexWords builds the wordInfo table from the entries, the words the
// model tags without scoring and the emoticons.
func (m *Model) indexWords() {
	t := &m.tables
	t.infoOf = make(map[string]int32, len(t.entryOf)+len(m.tagMap))
	add := func(s string) *wordInfo {
		k, ok := t.infoOf[s]
		if !ok {
			k = int32(len(t.infos))
			t.infoOf[s] = k
			t.infos = append(t.infos, noInfo)
		}
		return &t.infos[k]
	}
	for s, e := range t.entryOf {
		add(s).entry = e
	}
	for w, c := range m.tagMap {
		add(w).class = int16(c)
	}
	for w := range m.emoticon {
		add(w).class = emoticon
	}
	for s, k := range t.infoOf {
		if e, ok := t.entryOf[suffix(s)]; ok {
			t.infos[k].suf = e
		}
	}
	for i, s := range []string{"-START-", "-START2-", "-END-", "-END2-"} {
		t.sentinels[i] = *t.info(s)
		if e, ok := t.entryOf[suffix(s)]; ok {
			t.sentinels[i].suf = e
		}
	}
}

func (t *tables) tagID(s string) int32 {
	if id, ok := t.tagIDOf[s]; ok {
		return id
	}
	return -1
}

func (t *tables) feat(e int32, slot int) int32 {
	if e < 0 {
		return -1
	}
	return t.entries[e][slot]
}

func (t *tables) tagFeat(id int32, slot int) int32 {
	if id < 0 {
		return -1
	}
	return t.tagFeats[id][slot]
}

func (t *tables) tagPair(id1, id2 int32) int32 {
	if id1 < 0 || id2 < 0 {
		return -1
	}
	return t.pairs[int(id1)*len(t.tagFeats)+int(id2)]
}

func (t *tables) tagWord(id, e int32) int32 {
	if id < 0 || e < 0 {
		return -1
	}
	if f, ok := t.tagWords[uint64(id)<<32|uint64(e)]; ok {
		return f
	}
	return -1
}

// pref1 is "i pref1 " and the word's first byte (bytes, not runes: the
// model's keys are so).
func (t *tables) pref1(word string) int32 {
	if word == "" {
		return t.prefNone
	}
	return t.pref[word[0]]
}

// index fills the tables from the model's features. Each feature string
// starts with at most one template (none is a prefix of another); a tag
// never holds a space, so "T1 T2" and "T W" split at the first one. A
// feature no lookup of prose's could build (a multi-byte "i pref1", a tag
// with a space) is left out, as prose would never find it.
func (m *Model) index() {
	t := &m.tables
	t.bias, t.prefNone = -1, -1
	for i := range t.pref {
		t.pref[i] = -1
	}
	t.entryOf = map[string]int32{}
	t.tagIDOf = map[string]int32{}
	tagOf := func(s string) int32 {
		if id, ok := t.tagIDOf[s]; ok {
			return id
		}
		t.tagIDOf[s] = int32(len(t.tagFeats))
		t.tagFeats = append(t.tagFeats, [nTagFeats]int32{-1, -1})
		return t.tagIDOf[s]
	}
	entryOf := func(s string) int32 {
		if e, ok := t.entryOf[s]; ok {
			return e
		}
		t.entryOf[s] = int32(len(t.entries))
		var e entry
		for k := range e {
			e[k] = -1
		}
		t.entries = append(t.entries, e)
		return t.entryOf[s]
	}
	for _, c := range m.classes {
		t.classTag = append(t.classTag, tagOf(c))
	}
	tagOf("-START-")
	tagOf("-START2-")
	type pair struct {
		a, b string
		f    int32
	}
	var pairs, tagWords []pair
	n := len(m.featOff) - 1
	for i := 0; i < n; i++ {
		f, fi := m.blob[m.featOff[i]:m.featOff[i+1]], int32(i)
		switch {
		case f == "bias":
			t.bias = fi
		case strings.HasPrefix(f, tPref1):
			if rest := f[len(tPref1):]; rest == "" {
				t.prefNone = fi
			} else if len(rest) == 1 {
				t.pref[rest[0]] = fi
			}
		case strings.HasPrefix(f, tTagPair), strings.HasPrefix(f, tPrevTagW):
			p := tTagPair
			if strings.HasPrefix(f, tPrevTagW) {
				p = tPrevTagW
			}
			a, b, ok := strings.Cut(f[len(p):], " ")
			if !ok {
				continue
			}
			if p == tTagPair {
				pairs = append(pairs, pair{a, b, fi})
			} else {
				tagWords = append(tagWords, pair{a, b, fi})
			}
		default:
			m.indexOne(f, fi, tagOf, entryOf)
		}
	}
	for _, p := range pairs {
		tagOf(p.a)
		tagOf(p.b)
	}
	for _, p := range tagWords {
		tagOf(p.a)
	}
	nt := len(t.tagFeats)
	t.pairs = make([]int32, nt*nt)
	for k := range t.pairs {
		t.pairs[k] = -1
	}
	for _, p := range pairs {
		t.pairs[int(t.tagIDOf[p.a])*nt+int(t.tagIDOf[p.b])] = p.f
	}
	t.tagWords = make(map[uint64]int32, len(tagWords))
	for _, p := range tagWords {
		e := entryOf(p.b)
		t.tagWords[uint64(t.tagIDOf[p.a])<<32|uint64(e)] = p.f
	}
	m.layRecords()
}

// layRecords lays each feature's weights out as one record of m.records
// (the number of weights, then each weight's class id and float32 value,
// little-endian), and turns every feature number in the tables into its
// record's offset. Scoring a feature then reads one place where the
// model's own layout reads three (offsets, class ids, weights).
func (m *Model) layRecords() {
	n := len(m.featOff) - 1
	at := make([]int32, n)
	m.records = make([]byte, 0, n+5*len(m.weights))
	for i := 0; i < n; i++ {
		at[i] = int32(len(m.records))
		lo, hi := m.pairOff[i], m.pairOff[i+1]
		m.records = append(m.records, byte(hi-lo))
		for j := lo; j < hi; j++ {
			m.records = append(m.records, m.classIDs[j])
			m.records = binary.LittleEndian.AppendUint32(m.records, math.Float32bits(m.weights[j]))
		}
	}
	t := &m.tables
	remap := func(f *int32) {
		if *f >= 0 {
			*f = at[*f]
		}
	}
	remap(&t.bias)
	remap(&t.prefNone)
	for i := range t.pref {
		remap(&t.pref[i])
	}
	for i := range t.entries {
		for k := range t.entries[i] {
			remap(&t.entries[i][k])
		}
	}
	for i := range t.tagFeats {
		for k := range t.tagFeats[i] {
			remap(&t.tagFeats[i][k])
		}
	}
	for i := range t.pairs {
		remap(&t.pairs[i])
	}
	for k, f := range t.tagWords {
		t.tagWords[k] = at[f]
	}
}

// indexOne files a feature of a one-part template (a word, a suffix or a
// tag).
func (m *Model) indexOne(f string, fi int32, tagOf, entryOf func(string) int32) {
	t := &m.tables
	for slot, p := range tagTemplates {
		if strings.HasPrefix(f, p) {
			id := tagOf(f[len(p):])
			t.tagFeats[id][slot] = fi
			return
		}
	}
	for slot, p := range entryTemplates {
		if strings.HasPrefix(f, p) {
			e := entryOf(f[len(p):])
			t.entries[e][slot] = fi
			return
		}
	}
}
