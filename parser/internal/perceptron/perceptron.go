package perceptron

import (
	"bufio"
	_ "embed" // emoticons.txt
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// Penn Treebank traces and bracket literals, which prose's tagger passes
// through unscored (the same expressions as prose v3.2.3's tag package).
var (
	noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

//go:embed emoticons.txt
var emoticonData string

// Feature templates, in the order prose's tagger scores them. Each is the
// prefix of the model's feature strings for that template.
const (
	tSuffix     = "i suffix "
	tPref1      = "i pref1 "
	tPrevTag    = "i-1 tag "
	tPrev2Tag   = "i-2 tag "
	tTagPair    = "i tag+i-2 tag "
	tWord       = "i word "
	tPrevTagW   = "i-1 tag+i word "
	tPrevWord   = "i-1 word "
	tPrevSuffix = "i-1 suffix "
	tPrev2Word  = "i-2 word "
	tNextWord   = "i+1 word "
	tNextSuffix = "i+1 suffix "
	tNext2Word  = "i+2 word "
)

// Model is prose's English perceptron model, indexed by hash. It is
// immutable after Load and safe for concurrent use.
type Model struct {
	classes []string
	records []byte // each feature's weights, see layRecords

	// The model as read, until the tables are built (then nil).
	blob     string   // feature strings, concatenated (the model's bytes, zero-copy)
	featOff  []uint32 // nFeatures+1 offsets into blob
	pairOff  []uint32 // nFeatures+1 offsets into classIDs and weights
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8 // unambiguous words, tagged without scoring
	tables
	emoticon map[string]bool
	pool     sync.Pool
}

type scratch struct {
	scores []float32
	ctx    []string // the normalized words, two sentinels at each end
	word   []int32  // the entry of each of ctx, or -1
	suf    []int32  // the entry of each of ctx's suffix, or -1
	class  []int16  // each token's wordInfo.class
	touch  byte     // see predict
	arena  []byte   // the lower-cased ASCII words of ctx, see normalize
}

// Load reads prose's embedded English model once per process.
var Load = sync.OnceValues(func() (*Model, error) { return decode(aptagmodel.English) })

// decode reads a model in prose's flat format, version 1 (documented in
// prose v3.2.3's internal/flat/format.go). data is retained.
func decode(data []byte) (*Model, error) {
	r := &reader{b: data}
	if string(r.bytes(8)) != "PROSETAG" {
		return nil, errors.New("tagger model: not in prose's flat format")
	}
	if v := r.u32(); v != 1 {
		return nil, fmt.Errorf("tagger model: format version %d, this reader knows 1", v)
	}
	m := &Model{}
	nClasses := int(r.u32())
	for i := 0; i < nClasses && r.err == nil; i++ {
		m.classes = append(m.classes, r.str16())
	}
	nFeatures, nPairs, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	m.blob = r.str(blobLen)
	m.featOff = r.u32s(nFeatures + 1)
	m.pairOff = r.u32s(nFeatures + 1)
	m.classIDs = r.bytes(nPairs)
	m.weights = r.f32s(nPairs)
	nTagMap := int(r.u32())
	m.tagMap = make(map[string]uint8, nTagMap)
	for i := 0; i < nTagMap && r.err == nil; i++ {
		w := r.str16()
		m.tagMap[w] = r.u8()
	}
	if r.err != nil {
		return nil, fmt.Errorf("tagger model: %w", r.err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	m.index()
	m.emoticon = map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(emoticonData))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			m.emoticon[line] = true
		}
	}
	m.indexWords()
	// What scoring reads is in the tables and records now: the model's
	// own arrays and maps would only hold memory.
	m.featOff, m.pairOff, m.classIDs, m.weights, m.tagMap, m.entryOf = nil, nil, nil, nil, nil, nil
	m.pool.New = func() any {
		return &scratch{scores: make([]float32, len(m.classes)), arena: make([]byte, 0, 4096)}
	}
	return m, nil
}

// check verifies the offsets and class ids the scorer indexes with.
func (m *Model) check() error {
	n := len(m.featOff) - 1
	if n < 0 || len(m.pairOff) != n+1 || len(m.classIDs) != len(m.weights) {
		return errors.New("offset arrays disagree")
	}
	for i := 0; i < n; i++ {
		if m.featOff[i] > m.featOff[i+1] || m.pairOff[i] > m.pairOff[i+1] {
			return fmt.Errorf("offsets decrease at feature %d", i)
		}
	}
	if int(m.featOff[n]) != len(m.blob) || int(m.pairOff[n]) != len(m.weights) {
		return errors.New("offsets do not end at the data's end")
	}
	for _, w := range m.weights {
		if math.IsNaN(float64(w)) || math.Abs(float64(w)) > 1e30 {
			return fmt.Errorf("weight %v out of range", w)
		}
	}
	for _, id := range m.classIDs {
		if int(id) >= len(m.classes) {
			return fmt.Errorf("class id %d of %d classes", id, len(m.classes))
		}
	}
	for w, id := range m.tagMap {
		if int(id) >= len(m.classes) {
			return fmt.Errorf("word %q has class id %d of %d classes", w, id, len(m.classes))
		}
	}
	return nil
}

// add accumulates the weights of the feature whose record is at off into
// scores (nothing for off < 0), as prose's AccumulateInto does with value
// 1: in the model's order, one float32 addition each.
func (m *Model) add(off int32, scores []float32) {
	if off < 0 {
		return
	}
	r := m.records[off:]
	n := int(r[0])
	r = r[1 : 1+5*n]
	for j := 0; j+5 <= len(r); j += 5 {
		scores[r[j]] += 1 * math.Float32frombits(binary.LittleEndian.Uint32(r[j+1:]))
	}
}

// TagTokens fills in the Tag of each token from its Text, treating the
// slice as one sentence: what prose's tag.Tagger.TagTokens does.
func (m *Model) TagTokens(toks []tag.Token) {
	if len(toks) == 0 {
		return
	}
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	need := len(toks) + 4
	if cap(s.ctx) < need {
		s.ctx = make([]string, need)
		s.word = make([]int32, need)
		s.suf = make([]int32, need)
	}
	ctx, word, suf := s.ctx[:need], s.word[:need], s.suf[:need]
	if cap(s.class) < len(toks) {
		s.class = make([]int16, len(toks))
	}
	class := s.class[:len(toks)]
	ctx[0], ctx[1] = "-START-", "-START2-"
	word[0], suf[0], word[1], suf[1] = m.sentinels[0].entry, m.sentinels[0].suf, m.sentinels[1].entry, m.sentinels[1].suf
	s.arena = s.arena[:0]
	for i := range toks {
		raw := toks[i].Text
		w := s.normalize(raw)
		ctx[i+2] = w
		ri := m.info(raw)
		class[i] = ri.class
		if w != raw {
			ri = m.info(w)
		}
		word[i+2], suf[i+2] = ri.entry, ri.suf
		if ri == &noInfo {
			suf[i+2] = m.info(suffix(w)).entry
		}
	}
	ctx[need-2], ctx[need-1] = "-END-", "-END2-"
	word[need-2], suf[need-2], word[need-1], suf[need-1] = m.sentinels[2].entry, m.sentinels[2].suf, m.sentinels[3].entry, m.sentinels[3].suf
	id1, id2 := m.tagID("-START-"), m.tagID("-START2-")
	for i := range toks {
		t, id := m.tagOne(s, i+2, toks[i].Text, class[i], id1, id2)
		toks[i].Tag = t
		id2, id1 = id1, id
	}
	clear(ctx)
}

// tagOne returns the tag of the token at ctx[i] and its tag id (-1 when
// no feature of the model names it). class is the word's class when the
// model tags it without scoring, emoticon when it is one, or -1.
func (m *Model) tagOne(s *scratch, i int, word string, class int16, id1, id2 int32) (string, int32) {
	var t string
	switch {
	case word == "-":
		t = "-"
	case class == emoticon:
		t = "SYM"
	case strings.HasPrefix(word, "@"):
		t = "NN"
	case word != "" && (word[0] == '0' || word[0] == '*') && noneRe.MatchString(word):
		t = "-NONE-"
	case len(word) == 5 && word[0] == '-' && keepRe.MatchString(word):
		t = word
	default:
		c := uint8(class)
		if class < 0 {
			c = m.predict(s, i, word, id1, id2)
		}
		return m.classes[c], m.classTag[c]
	}
	return t, m.tagID(t)
}

// predict scores prose's 14 features for the token at ctx[i], in prose's
// order (float32 sums depend on it), and returns the best class; ties go
// to the lowest class id.
func (m *Model) predict(s *scratch, i int, word string, id1, id2 int32) uint8 {
	sc := s.scores
	clear(sc)
	w := s.word
	rawSuf := s.suf[i]
	if suffix(word) != suffix(s.ctx[i]) {
		rawSuf = m.info(suffix(word)).entry
	}
	// The features' records first, then one read of each (independent
	// loads the processor overlaps: in a whole pipeline most records are
	// out of cache), then the sums in prose's order.
	f := [14]int32{
		m.bias, m.feat(rawSuf, fSuffix), m.pref1(word), m.tagFeat(id1, fPrevTag),
		m.tagFeat(id2, fPrev2Tag), m.tagPair(id1, id2), m.feat(w[i], fWord), m.tagWord(id1, w[i]),
		m.feat(w[i-1], fPrevWord), m.feat(s.suf[i-1], fPrevSuffix), m.feat(w[i-2], fPrev2Word),
		m.feat(w[i+1], fNextWord), m.feat(s.suf[i+1], fNextSuffix), m.feat(w[i+2], fNext2Word),
	}
	var touch byte
	for _, o := range f {
		if o >= 0 {
			touch += m.records[o]
		}
	}
	s.touch = touch
	for _, o := range f {
		m.add(o, sc)
	}
	best, bestID := float32(math.Inf(-1)), 0
	for id, v := range sc {
		if v > best {
			best, bestID = v, id
		}
	}
	return uint8(bestID)
}

// suffix is the last three bytes of w, or w.
func suffix(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}

// normalize is normalize, except that an ASCII word is lower-cased into
// s.arena instead of a new string (the strings live as long as the
// TagTokens call that made them; a word that does not fit in the arena
// as it is gets a string of its own, so views already made never move).
func (s *scratch) normalize(word string) string {
	if word == "" || word[0] >= '0' && word[0] <= '9' || strings.IndexByte(word, '-') >= 0 || len(word) == 4 && isDecimalInt(word) {
		return normalize(word)
	}
	upper := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return normalize(word)
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	if !upper {
		return word
	}
	if cap(s.arena)-len(s.arena) < len(word) {
		return strings.ToLower(word)
	}
	start := len(s.arena)
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.arena = append(s.arena, c)
	}
	return unsafe.String(&s.arena[start], len(word))
}

// normalize maps a word to the form the model was trained on: "!HYPHEN",
// "!YEAR", "!DIGITS" or the word in lower case.
func normalize(word string) string {
	if word == "" {
		return word
	}
	first := word[0]
	if first != '-' && strings.IndexByte(word, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(word) == 4 && isDecimalInt(word) {
		return "!YEAR"
	}
	if first >= '0' && first <= '9' {
		return "!DIGITS"
	}
	for i := 0; i < len(word); i++ {
		if c := word[i]; (c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf {
			return strings.ToLower(word)
		}
	}
	return word
}

// isDecimalInt: an optional sign and at least one ASCII digit, what
// strconv.Atoi accepts of a four-byte string.
func isDecimalInt(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// reader decodes little-endian fields, keeping the first error.
type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.pos+n > len(r.b) {
		r.err = fmt.Errorf("truncated at byte %d (wanted %d more)", r.pos, n)
		return nil
	}
	out := r.b[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return out
}

// str views n bytes as a string without copying: the model's bytes are
// read-only embedded data.
func (r *reader) str(n int) string {
	b := r.bytes(n)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (r *reader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) str16() string { return r.str(int(r.u16())) }

func (r *reader) u32s(n int) []uint32 { return words(r, n, func(w uint32) uint32 { return w }) }

func (r *reader) f32s(n int) []float32 { return words(r, n, math.Float32frombits) }

// words reads n little-endian 32-bit words, each converted by conv (the
// copy is deliberate: embedded bytes may be unaligned for the type).
func words[T any](r *reader, n int, conv func(uint32) T) []T {
	b := r.bytes(4 * n)
	if b == nil {
		return nil
	}
	out := make([]T, n)
	for i := range out {
		out[i] = conv(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}
