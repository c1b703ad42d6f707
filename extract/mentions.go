package extract

import (
	"strings"
	"unicode"

	"github.com/readout/readout/parser"
)

type mentionKind int

const (
	personMention  mentionKind = iota
	orgMention                      // an organisation or office, from the gazetteer or by its head word
	placeMention                    // a country
	sourceMention                   // "the ministry", "South Korean officials", "the Secretary General"
	pronounMention                  // he, she, they, it and their possessives
	pairMention                     // "the two leaders", "both sides"
	noMention      mentionKind = -1 // absorbed into another mention
)

// mention is a stretch of tokens that names (or stands for) an entity.
type mention struct {
	kind        mentionKind
	first, last int // tokens of the whole mention, title included
	name        parser.Span
	title       string
	affiliation string
	gender      byte // 'm', 'f' or 0
	head        string
	subject     bool // followed by its verb: likely a clause subject
	inQuote     bool
	ent         int // resolved entity, or -1
}

var particles = map[string]bool{"von": true, "der": true, "van": true, "de": true, "den": true, "bin": true, "al": true, "da": true, "la": true, "le": true, "du": true, "dos": true, "del": true, "di": true, "ibn": true, "el": true, "ter": true, "zu": true}

var calendarWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true, "Jan.": true, "Feb.": true, "Aug.": true,
	"Sept.": true, "Sep.": true, "Oct.": true, "Nov.": true, "Dec.": true, "Today": true, "Tomorrow": true, "Yesterday": true,
}

// orgHeads are head nouns that make a capitalised run an institution.
var orgHeads = map[string]bool{
	"council": true, "committee": true, "ministry": true, "commission": true, "parliament": true, "cabinet": true,
	"assembly": true, "agency": true, "office": true, "department": true, "union": true, "organization": true,
	"organisation": true, "bank": true, "forum": true, "party": true, "government": true, "embassy": true,
	"service": true, "court": true, "army": true, "forces": true, "navy": true, "alliance": true, "house": true,
	"presidency": true, "secretariat": true, "administration": true, "board": true, "group": true, "institute": true,
	"university": true, "fund": true, "authority": true, "congress": true, "senate": true, "delegation": true,
	"command": true, "palace": true, "centre": true, "center": true, "mission": true, "news": true, "agency's": true,
}

// thingHeads end names of things that are neither people nor parties.
var thingHeads = map[string]bool{
	"dialogue": true, "summit": true, "conference": true, "treaty": true, "prize": true, "year": true,
	"agreement": true, "initiative": true, "partnership": true, "program": true, "programme": true,
	"festival": true, "games": true, "cup": true, "war": true, "day": true, "accord": true, "accords": true,
	"declaration": true, "plan": true, "strategy": true, "act": true, "law": true, "report": true,
	"ii": true, "iii": true, "talks": true, "process": true, "format": true, "framework": true,
	"island": true, "islands": true, "sea": true, "river": true, "hotel": true, "airport": true, "street": true,
}

// sourceHeads are common nouns that, after a determiner or demonym, name
// a source of statements: "the ministry", "South Korean officials".
var sourceHeads = map[string]bool{
	"ministry": true, "spokesperson": true, "spokesman": true, "spokeswoman": true, "official": true, "officials": true,
	"statement": true, "report": true, "readout": true, "office": true, "government": true, "presidency": true,
	"embassy": true, "delegation": true, "source": true, "sources": true, "adviser": true, "advisor": true,
	"diplomat": true, "diplomats": true, "side": true, "leader": true, "leaders": true, "administration": true,
	"release": true, "communique": true, "communiqué": true, "department": true, "agency": true, "cabinet": true,
	"president": true, "minister": true, "chancellor": true, "premier": true, "secretary": true, "envoy": true,
	"ambassador": true, "counterpart": true, "aide": true, "aides": true, "palace": true, "kremlin": true,
	"host": true, "committee": true, "council": true, "police": true, "authorities": true, "military": true, "army": true,
}

// mentionStarters are the lower-case words a mention can start with.
var mentionStarters = map[string]bool{"he": true, "him": true, "his": true, "she": true, "her": true, "hers": true, "they": true, "them": true, "their": true, "the": true, "a": true, "an": true, "both": true, "two": true}

var pairWords = map[string]bool{"two leaders": true, "both leaders": true, "the leaders": true, "two sides": true, "both sides": true, "the sides": true, "two ministers": true, "both ministers": true, "two presidents": true, "the two": true, "two men": true, "two foreign ministers": true, "two prime ministers": true, "both countries": true, "two countries": true, "the pair": true, "the duo": true, "the three": true}

// findMentions scans the document once, left to right.
func (x *state) findMentions() {
	d := x.doc
	for si := range d.Sentences {
		s := d.Sentences[si]
		for i := s.First; i <= s.Last; {
			if m, ok := x.mentionAt(i, s); ok {
				m.inQuote = d.Tokens[m.first].Quote >= 0
				m.ent = -1
				for k := m.first; k <= m.last; k++ {
					x.mentionOf[k] = len(x.mentions)
				}
				x.mentions = append(x.mentions, m)
				i = m.last + 1
				continue
			}
			i++
		}
	}
	for mi := range x.mentions {
		x.mentions[mi].subject = x.isSubject(&x.mentions[mi])
		x.attachApposition(mi)
	}
}

// mentionAt tries each kind of mention starting at token i.
func (x *state) mentionAt(i int, s parser.Sentence) (mention, bool) {
	d := x.doc
	tok := d.Tokens[i]
	low := x.low[i]
	// Most tokens are lower-case words that start nothing: say so fast.
	if !isCapWord(tok.Text) && x.class[i]&(classMentionStarter|classHead|classModifier) == 0 {
		return mention{}, false
	}
	// "It was agreed to …" in a readout: the two sides agreed.
	if low == "it" && i+2 <= s.Last && x.low[i+1] == "was" && x.low[i+2] == "agreed" && d.Tokens[i].Quote < 0 {
		return mention{kind: pairMention, first: i, last: i, name: span(tok)}, true
	}
	// "It said", "It added": an institution speaking.
	if low == "it" && i+1 <= s.Last && d.Tokens[i].Quote < 0 && x.isCue(i+1) {
		return mention{kind: pronounMention, first: i, last: i, name: span(tok), head: "it"}, true
	}
	// Pronouns.
	switch low {
	case "he", "him", "his", "she", "her", "hers", "they", "them", "their":
		if d.Tokens[i].Quote >= 0 {
			return mention{}, false
		}
		m := mention{kind: pronounMention, first: i, last: i, name: span(tok)}
		switch low {
		case "he", "him", "his":
			m.gender = 'm'
		case "she", "her", "hers":
			m.gender = 'f'
		}
		m.head = low
		return m, true
	}
	// "the two leaders", "both sides".
	if i+1 <= s.Last {
		two := low + " " + x.low[i+1]
		if i+2 <= s.Last && pairWords[two+" "+x.low[i+2]] {
			return mention{kind: pairMention, first: i, last: i + 2, name: spanOf(d, i, i+2)}, true
		}
		if pairWords[two] && (low != "the" || x.low[i+1] != "two" || i+2 > s.Last || !isCapWord(d.Tokens[i+2].Text)) {
			if two == "the two" && i+2 <= s.Last && d.Tokens[i+2].Tag != "" && strings.HasPrefix(d.Tokens[i+2].Tag, "NN") {
				// "the two countries": handled by the three-word forms
			} else {
				return mention{kind: pairMention, first: i, last: i + 1, name: spanOf(d, i, i+1)}, true
			}
		}
	}
	start := i
	var gender byte
	// Honorifics (Mr, Dr, the Hon.) stand before names.
	if n, _ := x.match(x.rules.honorifics, i); n > 0 {
		switch strings.TrimSuffix(tok.Text, ".") {
		case "Mr", "Sir", "Lord":
			gender = 'm'
		case "Mrs", "Ms", "Madam", "Dame", "Lady", "Miss":
			gender = 'f'
		}
		i += n
		if i > s.Last {
			return mention{}, false // an honorific ending the sentence ("… Mx")
		}
	}
	// A title chain, with the name it introduces.
	if t, ok := x.titleAt(i, s.Last); ok {
		j := t.end
		for j <= s.Last {
			if n, _ := x.match(x.rules.honorifics, j); n > 0 {
				j += n
				continue
			}
			break
		}
		if ne := x.nameRun(j, s.Last, false); ne >= j {
			return mention{kind: personMention, first: start, last: ne, name: spanOf(d, j, ne), title: t.text, affiliation: t.affiliation, gender: gender | t.gender}, true
		}
		// A title with no name: a role ("the Secretary General", "NATO
		// Secretary General"), named by the title as written.
		return mention{kind: sourceMention, first: start, last: t.end - 1, name: spanOf(d, t.nameStart, t.end-1), title: t.text, affiliation: t.affiliation, head: titleHead(t.text), gender: t.gender}, true
	}
	// "NATO’s North Atlantic Council", "the EU’s Political and Security
	// Committee": a body of an organisation or country, named whole.
	if n, _ := x.match(x.rules.orgs, i); n > 0 || x.placeLen(i) > 0 {
		if n == 0 {
			n = x.placeLen(i)
		}
		p := i + n
		if p+1 <= s.Last && (x.low[p] == "'s" || x.low[p] == "’s") {
			if e := x.orgRun(p+1, s.Last); e > p {
				return mention{kind: orgMention, first: start, last: e, name: spanOf(d, i, e), head: ""}, true
			}
			if e := x.lowerBody(p+1, s.Last); e > p {
				// "the Bundestag's foreign affairs committee"
				return mention{kind: orgMention, first: start, last: e, name: spanOf(d, i, e), head: ""}, true
			}
		}
	}
	if e := x.orgRun(i, s.Last); e >= i && isCapWord(d.Tokens[i].Text) && !(i == s.First && isFunctionTag(d.Tokens[i].Tag) && d.Tokens[i].Tag != "NNP") {
		if n, _ := x.match(x.rules.orgs, i); n == 0 || i+n-1 < e {
			return mention{kind: orgMention, first: start, last: e, name: spanOf(d, i, e), head: ""}, true
		}
	}
	// Gazetteer: organisations, countries, demonyms.
	if n, org := x.match(x.rules.orgs, i); n > 0 {
		last := i + n - 1
		if !x.continuesName(last+1, s.Last) {
			return mention{kind: orgMention, first: start, last: last, name: spanOf(d, i, last), head: org, affiliation: x.rules.orgCountry[org]}, true
		}
	}
	if n, country := x.match(x.rules.places, i); n > 0 {
		last := i + n - 1
		if !x.continuesName(last+1, s.Last) {
			return mention{kind: placeMention, first: start, last: last, name: spanOf(d, i, last), head: country, affiliation: country}, true
		}
	}
	if n, country := x.match(x.rules.demonyms, i); n > 0 {
		// "South Korean officials", "the French presidency".
		j := i + n
		for j <= s.Last && (d.Tokens[j].Tag == "JJ" || d.Tokens[j].Tag == "NN") && !sourceHeads[x.low[j]] && j < i+n+3 {
			j++
		}
		if j <= s.Last && sourceHeads[x.low[j]] {
			return mention{kind: sourceMention, first: start, last: j, name: spanOf(d, i, j), head: x.low[j], affiliation: country}, true
		}
		return mention{}, false
	}
	// "the Ministry of External Affairs": a named institution after "the".
	if low == "the" && i+1 <= s.Last {
		n, org := x.match(x.rules.orgs, i+1)
		if n == 0 {
			n = x.placeLen(i + 1)
		}
		// "the EU’s Political and Security Committee"
		if p := i + 1 + n; n > 0 && p+1 <= s.Last && (x.low[p] == "'s" || x.low[p] == "’s") {
			if e := x.orgRun(p+1, s.Last); e > p {
				return mention{kind: orgMention, first: i, last: e, name: spanOf(d, i+1, e)}, true
			}
			if e := x.lowerBody(p+1, s.Last); e > p {
				return mention{kind: orgMention, first: i, last: e, name: spanOf(d, i+1, e)}, true
			}
		}
		if n > 0 && org != "" && !x.continuesName(i+1+n, s.Last) {
			return mention{kind: orgMention, first: i, last: i + n, name: spanOf(d, i+1, i+n), head: org, affiliation: x.rules.orgCountry[org]}, true
		}
	}
	// "the ministry", "an Elysée adviser", "the foreign ministry".
	if low == "the" || low == "a" || low == "an" {
		j := i + 1
		for j <= s.Last && j < i+4 && !sourceHeads[x.low[j]] && (isCapWord(d.Tokens[j].Text) || d.Tokens[j].Tag == "JJ" || d.Tokens[j].Tag == "NN" || d.Tokens[j].Tag == "NNP") {
			j++
		}
		if j <= s.Last && j > i && sourceHeads[x.low[j]] && !(j+1 <= s.Last && (d.Tokens[j+1].Tag == "NN" || d.Tokens[j+1].Tag == "NNS")) {
			aff := ""
			for k := i + 1; k < j; k++ {
				if n, c := x.match(x.rules.demonyms, k); n > 0 {
					aff = c
				}
			}
			return mention{kind: sourceMention, first: i, last: j, name: spanOf(d, i+1, j), head: x.low[j], affiliation: aff}, true
		}
		return mention{}, false
	}
	// A run of capitalised words: a person, or an institution by its head.
	if ne := x.nameRun(i, s.Last, i == s.First || afterOpening(d, i)); ne >= i {
		if n := x.placeLen(ne + 1); n > 0 && ne+1 <= s.Last && ne-i < 2 {
			// "Northern Ireland": a word of the place's name, not a person.
			last := ne + n
			return mention{kind: placeMention, first: start, last: last, name: spanOf(d, i, last), head: d.Src[d.Tokens[i].Start:d.Tokens[last].End]}, true
		}
		if ne+1 <= s.Last && sourceHeads[x.low[ne+1]] && !isCapWord(x.word(ne+1)) && ne-i < 2 {
			// "Richmond police", "Kremlin officials": a place or body
			// with a source noun.
			return mention{kind: sourceMention, first: start, last: ne + 1, name: spanOf(d, i, ne+1), head: x.low[ne+1]}, true
		}
		m := mention{kind: personMention, first: start, last: ne, name: spanOf(d, i, ne), gender: gender}
		if thingHeads[x.low[ne]] || isAcronym(x.word(ne)) && ne > i {
			// "Asian Cooperation Dialogue", "Nobel Peace Prize", "New Year":
			// names of things, never a party or a speaker.
			m.kind = noMention
			return m, true
		}
		if orgHeads[x.low[ne]] {
			m.kind = orgMention
			m.head = x.low[ne]
		}
		return m, true
	}
	return mention{}, false
}

// afterOpening reports whether token i starts a clause: after a quotation
// mark, a colon or a dash, where a capital says nothing about names.
func afterOpening(d *parser.Document, i int) bool {
	if i == 0 {
		return true
	}
	p := d.Tokens[i-1].Text
	return p == "“" || p == "\"" || p == "‘" || p == "«" || p == ":" || p == "—" || p == "(" || p == "'"
}

func isCapWord(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// continuesName reports whether a capitalised name goes on at token j
// ("New York Times" after "New York"), so a gazetteer hit is only part of it.
func (x *state) continuesName(j, last int) bool {
	if j > last {
		return false
	}
	t := x.doc.Tokens[j]
	return isCapWord(t.Text) && (t.Tag == "NNP" || t.Tag == "NNPS") && !calendarWords[t.Text] && !x.isTitleWord(j) && !x.isGazetteer(j) && orgHeads[x.low[j]]
}

// placeLen is the length of the country name starting at j (memoised:
// name runs ask about the same tokens again and again).
func (x *state) placeLen(j int) int {
	if j >= len(x.doc.Tokens) {
		return 0
	}
	if x.placeN[j] == 0 {
		n, _ := x.match(x.rules.places, j)
		x.placeN[j] = int16(n) + 1
	}
	return int(x.placeN[j]) - 1
}

// isGazetteer reports whether a country, organisation or demonym starts at j.
func (x *state) isGazetteer(j int) bool {
	if x.gazAt[j] == 0 {
		x.gazAt[j] = 2
		if x.placeLen(j) > 0 {
			x.gazAt[j] = 1
		} else if n, _ := x.match(x.rules.orgs, j); n > 0 {
			x.gazAt[j] = 1
		} else if n, _ := x.match(x.rules.demonyms, j); n > 0 {
			x.gazAt[j] = 1
		}
	}
	return x.gazAt[j] == 1
}

func (x *state) isTitleWord(j int) bool {
	return x.class[j]&(classHead|classModifier) != 0
}

// nameRun returns the last token of a person's name starting at i, or i-1.
// A name is capitalised words (with particles such as "von der" inside),
// not titles, calendar words or gazetteer entries. At the start of a
// sentence a single capitalised word must look like a name.
func (x *state) nameRun(i, last int, clauseStart bool) int {
	d := x.doc
	j := i
	for j <= last && j-i < 6 {
		t := d.Tokens[j]
		w := t.Text
		switch {
		case particles[w] && j > i && x.particleChainEndsInName(j, last):
			j++
			continue
		case len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && j+2 <= last && d.Tokens[j+1].Text == "." && d.Tokens[j+1].Start == t.End && isCapWord(d.Tokens[j+2].Text):
			// an initial the tokenizer split from its dot: "S. Jaishankar"
			j += 2
			continue
		case !isCapWord(w) || calendarWords[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s"):
		case monthAbbreviations[w] && j+1 <= last && d.Tokens[j+1].Tag == "CD": // "Jan 21"
		case indefinites[x.low[j]]: // "Everyone essentially confirmed …"
		case x.isTitleWord(j) && j > i:
		case j > i && x.isGazetteer(j):
		case j == i && x.isGazetteer(j):
			return i - 1
		case isFunctionTag(t.Tag) && !(t.Tag == "RB" && j > i):
			if j == i && (isClosedClass(t.Tag) || !x.capitalisedElsewhere[w]) {
				return i - 1
			}
			j++
			continue
		default:
			if t.Quote >= 0 && d.Tokens[i].Quote < 0 {
				break
			}
			j++
			continue
		}
		break
	}
	end := j - 1
	if end < i {
		return i - 1
	}
	if end == i && isAcronym(d.Tokens[i].Text) {
		return i - 1 // "GDP", "NPC": not a person
	}
	if clauseStart && end == i {
		if n, _ := x.match(x.rules.speech, i); n > 0 {
			return i - 1 // "Said she had …": a verb, not a name
		}
	}
	if clauseStart && end == i && i+1 <= last && d.Tokens[i+1].Tag == "IN" && !x.capitalisedElsewhere[d.Tokens[i].Text] {
		return i - 1 // "Ahead of …", "Instead of …"
	}
	if clauseStart && end == i {
		// "During", "Following", "Later" open sentences too: a lone
		// capital there is a name only if it is tagged as one or is used
		// as a name elsewhere in the text.
		t := d.Tokens[i]
		if !(t.Tag == "NNP" || t.Tag == "NNPS") && !x.capitalisedElsewhere[t.Text] {
			return i - 1
		}
		if isFunctionTag(t.Tag) && !x.capitalisedElsewhere[t.Text] {
			return i - 1 // "Ahead of …"
		}
	}
	// All-capital acronyms of two or three letters are organisations, not people.
	return end
}

// particleChainEndsInName: "von der Leyen" — particles, then a capital.
func (x *state) particleChainEndsInName(j, last int) bool {
	for k := j; k <= last && k < j+3; k++ {
		if particles[x.doc.Tokens[k].Text] {
			continue
		}
		return isCapWord(x.doc.Tokens[k].Text)
	}
	return false
}

// lowerBody returns the last token of "foreign affairs committee" (lower-
// case words ending in an institution noun) starting at i, or i-1.
func (x *state) lowerBody(i, last int) int {
	for j := i; j <= last && j < i+5; j++ {
		t := x.doc.Tokens[j]
		if orgHeads[x.low[j]] && j > i {
			return j
		}
		if !(t.Tag == "JJ" || t.Tag == "NN" || t.Tag == "NNS" || x.low[j] == "and") || isCapWord(t.Text) {
			break
		}
	}
	return i - 1
}

// capitalisedPhrase returns the last token of a run of capitalised words
// joined by "and" ("Foreign and Commonwealth Affairs"), or i-1.
func (x *state) capitalisedPhrase(i, last int) int {
	end := i - 1
	for j := i; j <= last && j < i+6; j++ {
		w := x.doc.Tokens[j].Text
		if isCapWord(w) && !x.isGazetteer(j) {
			end = j
			continue
		}
		if j > i && w == "and" && j+1 <= last && isCapWord(x.doc.Tokens[j+1].Text) {
			continue
		}
		break
	}
	return end
}

// orgRun returns the last token of an institution's name starting at i:
// capitalised words, with "and", "of", "for" inside, ending in an
// institution noun ("Political and Security Committee"), or i-1.
func (x *state) orgRun(i, last int) int {
	d := x.doc
	end := i - 1
	for j := i; j <= last && j < i+8; j++ {
		w := d.Tokens[j].Text
		if isCapWord(w) {
			if orgHeads[x.low[j]] {
				end = j
			}
			continue
		}
		if j > i && (w == "and" || w == "of" || w == "for" || w == "the" || w == "on") {
			continue
		}
		break
	}
	return end
}

// verbFollows: the token after j is a finite verb ("Yoon urged"), so j
// is a subject even when the tagger took it for something else.
func (x *state) verbFollows(j, last int) bool {
	if j+1 > last {
		return false
	}
	tag := x.doc.Tokens[j+1].Tag
	return tag == "VBD" || tag == "VBZ" || tag == "MD"
}

func isClosedClass(tag string) bool {
	switch tag {
	case "DT", "IN", "PRP", "PRP$", "WP", "WP$", "WRB", "WDT", "CC", "MD", "TO", "EX", "PDT", "CD", "UH":
		return true
	}
	return false
}

var indefinites = map[string]bool{"everyone": true, "everybody": true, "nobody": true, "someone": true, "somebody": true, "anyone": true, "anybody": true, "nothing": true, "everything": true, "something": true, "anything": true, "none": true, "all": true, "each": true, "both": true, "many": true, "some": true, "others": true}

var monthAbbreviations = map[string]bool{"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true}

// isAcronym: two to five capitals ("GDP", "NPC"), which name things, not people.
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isFunctionTag(tag string) bool {
	switch tag {
	case "DT", "IN", "PRP", "PRP$", "WP", "WP$", "WRB", "WDT", "CC", "MD", "TO", "EX", "PDT", "RB", "VBG", "VBD", "VBZ", "VBN", "CD", "UH", "RP":
		return true
	}
	return false
}

// titleChain is a title of office found before a name or as a role.
type titleChain struct {
	end         int // first token after the title
	nameStart   int // first token of the role's own name (after a determiner)
	text        string
	affiliation string
	gender      byte
}

// titleAt recognises "[the] [Country|Demonym|Org ['s]] Modifier* Head [of|for Domain]".
func (x *state) titleAt(i, last int) (titleChain, bool) {
	d := x.doc
	t := titleChain{nameStart: i}
	j := i
	if j > last {
		return t, false
	}
	if x.low[j] == "the" {
		j++
		t.nameStart = j
	}
	textStart := j
	orgPrefix := false
	if j <= last {
		if n, org := x.match(x.rules.orgs, j); n > 0 {
			t.affiliation = org
			j += n
			orgPrefix = true
			// "EU Council President Antonio Costa": a body of the organisation.
			if e := x.orgRun(j, last); e >= j && e+1 <= last && x.class[e+1]&classHead != 0 {
				t.affiliation = x.doc.Src[x.doc.Tokens[i].Start:x.doc.Tokens[e].End]
				if x.low[i] == "the" {
					t.affiliation = x.doc.Src[x.doc.Tokens[i+1].Start:x.doc.Tokens[e].End]
				}
				j = e + 1
			}
		} else if e := x.orgRun(j, last); e >= j && e+1 <= last && x.class[e+1]&classHead != 0 && isCapWord(x.word(e+1)) {
			// "Cheong Wa Dae spokesperson", "Foreign Ministry spokesman"
			t.affiliation = x.doc.Src[x.doc.Tokens[j].Start:x.doc.Tokens[e].End]
			j = e + 1
			orgPrefix = true
		} else if n, c := x.match(x.rules.places, j); n > 0 && j+n <= last && (x.low[j+n] == "'s" || x.low[j+n] == "’s") {
			t.affiliation = c
			j += n + 1
			textStart = j
		} else if n, c := x.match(x.rules.places, j); n > 0 && j+n <= last && x.class[j+n]&(classHead|classModifier) != 0 {
			// "United States President Barack Obama", "US Secretary of State"
			t.affiliation = c
			j += n
			textStart = j
		} else if n, c := x.match(x.rules.demonyms, j); n > 0 {
			t.affiliation = c
			j += n
			textStart = j
		}
	}
	if !orgPrefix {
		textStart = j
	}
	heads := 0
	k := j
	// "External Affairs Minister Subrahmanyam Jaishankar": capitalised
	// words that are neither names nor gazetteer entries, before a head
	// that a name follows.
	if t.affiliation != "" {
		c := j
		for c <= last && c < j+3 && isCapWord(x.word(c)) && x.class[c]&(classHead|classModifier) == 0 && !x.isGazetteer(c) {
			c++
		}
		if c > j && c <= last && x.class[c]&classHead != 0 && c+1 <= last && isCapWord(x.word(c+1)) {
			k = c
		}
	}
	for k <= last && k-j < 5 {
		if x.class[k]&classHead != 0 {
			heads++
			k++
			// "Secretary-General", "President-elect" come as one token.
			continue
		}
		if x.class[k]&classModifier != 0 {
			k++
			continue
		}
		break
	}
	// Drop trailing modifiers: the title ends at its last head.
	for k > j && x.class[k-1]&classHead == 0 {
		k--
	}
	if heads == 0 || k == j {
		return t, false
	}
	// A lowercase title needs a determiner or a name after it: "foreign
	// minister Wang Yi", "the president"; "a general call" is no title.
	lower := !isCapWord(d.Tokens[j].Text)
	if lower && textStart == i && x.low[i] != "the" {
		if k > last || !isCapWord(d.Tokens[k].Text) {
			return t, false
		}
	}
	// "of the European Commission", "for Foreign Affairs", "of State",
	// "for Foreign and Commonwealth Affairs of the UK".
	for round := 0; round < 3; round++ {
		if !(k+1 <= last && (x.low[k] == "of" || x.low[k] == "for")) {
			break
		}
		m := k + 1
		if x.low[m] == "the" && m+1 <= last {
			m++
		}
		if n, _ := x.match(x.rules.domains, m); n > 0 {
			k = m + n
		} else if n, org := x.match(x.rules.orgs, m); n > 0 {
			k = m + n
			t.affiliation = org
		} else if n, c := x.match(x.rules.places, m); n > 0 {
			k = m + n
			if t.affiliation == "" {
				t.affiliation = c
			}
			// "Special Representative for Russia and Ukraine"
			if k+1 <= last && x.low[k] == "and" {
				if n2 := x.placeLen(k + 1); n2 > 0 {
					k += 1 + n2
				}
			}
		} else if e := x.capitalisedPhrase(m, last); e >= m && round < 2 {
			k = e + 1
		} else {
			break
		}
	}
	t.end = k
	t.text = d.Src[d.Tokens[textStart].Start:d.Tokens[k-1].End]
	if isCapWord(t.text) == false {
		t.text = strings.ToUpper(t.text[:1]) + t.text[1:]
	}
	switch x.low[k-1] {
	case "king", "prince", "emperor", "sultan", "spokesman", "chairman", "congressman":
		t.gender = 'm'
	case "queen", "princess", "empress", "spokeswoman", "chairwoman", "congresswoman":
		t.gender = 'f'
	}
	return t, true
}

// isSubject guesses whether a mention is a clause subject: its verb
// follows, perhaps after adverbs or an appositive.
func (x *state) isSubject(m *mention) bool {
	d := x.doc
	s := d.Sentences[d.Tokens[m.first].Sentence]
	j := m.last + 1
	if j <= s.Last && d.Tokens[j].Text == "," {
		// Skip an appositive: ", President of the European Commission,".
		for k := j + 1; k <= s.Last && k < j+12; k++ {
			if d.Tokens[k].Text == "," {
				j = k + 1
				break
			}
		}
	}
	for j <= s.Last {
		if d.Tokens[j].Tag == "RB" || x.low[j] == "also" {
			j++
			continue
		}
		// "Kishida and Biden on Friday confirmed …"
		if e := x.timeAt(j, s.Last); e >= j && e < j+5 {
			j = e + 1
			continue
		}
		break
	}
	if j > s.Last {
		return false
	}
	tag := d.Tokens[j].Tag
	return strings.HasPrefix(tag, "VB") && tag != "VBG" && tag != "VBN" || tag == "MD" || x.isCue(j)
}

// attachApposition copies a title given after a name ("Ursula von der
// Leyen, President of the European Commission," or "Wang Yi, China's
// foreign minister") onto the name's mention.
func (x *state) attachApposition(mi int) {
	m := &x.mentions[mi]
	if !(m.kind == personMention && m.title == "" || m.kind == sourceMention && m.title != "") {
		return
	}
	d := x.doc
	s := d.Sentences[d.Tokens[m.first].Sentence]
	j := m.last + 1
	if j > s.Last || d.Tokens[j].Text != "," || j+1 > s.Last {
		// "Prime Minister X of Japan": handled when the title is before.
		return
	}
	next := x.mentionOf[j+1]
	if next < 0 || next == mi {
		return
	}
	n := &x.mentions[next]
	if m.kind == sourceMention && m.title != "" && n.kind == personMention && n.title == "" {
		n.title, n.affiliation = m.title, firstNonEmpty(n.affiliation, m.affiliation)
		m.kind = noMention
		return
	}
	if n.kind == sourceMention && n.title != "" {
		m.title, m.affiliation = n.title, n.affiliation
		n.kind = noMention // the appositive is not a mention of its own
	}
}

func span(t parser.Token) parser.Span { return parser.Span{Start: t.Start, End: t.End} }

func spanOf(d *parser.Document, first, last int) parser.Span {
	return parser.Span{Start: d.Tokens[first].Start, End: d.Tokens[last].End}
}
