package extract

import (
	"sort"
	"strings"

	"github.com/readout/readout/parser"
)

// entity is one person, institution, country, source or pair of people,
// with every mention that was resolved to it.
type entity struct {
	kind        mentionKind
	name        string   // canonical: the fullest form
	nameLen     int      // words in name
	words       []string // lower-case name words, each once
	title       string
	affiliation string
	gender      byte
	aliases     []string
	mentions    []int  // indexes into state.mentions
	members     []int  // a pair's two entities
	display     string // an organisation's name as the article writes it
	subject     bool   // named as the subject of a verb at least once
	mergedInto  int    // 1 + the person a role was merged into, or 0
	speaks      bool
}

// resolve assigns every mention an entity, left to right, so that a
// pronoun or role noun means what a reader would take it to mean at that
// point: the one resolver used by quotes, counterparts and pledges alike.
func (x *state) resolve() {
	var recent, recentSubjects []int // person entities, most recent last
	lastInstitution := -1            // the latest organisation or source named
	lastSentence := map[int]int{}    // entity → sentence of its latest mention
	for mi := range x.mentions {
		m := &x.mentions[mi]
		sent := x.doc.Tokens[m.first].Sentence
		switch m.kind {
		case personMention:
			m.ent = x.personEntity(m, recent)
		case orgMention, placeMention:
			name := m.head
			if name == "" || m.kind == orgMention && x.rules.orgs.first[x.word(x.mentionNameFirst(m))] == nil {
				name = x.nameText(m.name)
			}
			m.ent = x.namedEntity(m.kind, name, m)
			// Organisations are named as the article names them, in the
			// fullest form it uses ("Cheong Wa Dae", not the gazetteer's
			// "Blue House"). A country is named by its name ("China" for
			// "Beijing"), unless the article only ever writes an acronym
			// ("US-Russia talks").
			e := &x.ents[m.ent]
			surface := x.nameText(m.name)
			if m.kind == placeMention {
				e.display = x.placeDisplay(e.display, surface, e.name)
			} else if e.display == "" || len(nameWords(surface)) > len(nameWords(e.display)) {
				e.display = surface
			}
		case sourceMention:
			m.ent = x.sourceEntity(m, recent)
		case pronounMention:
			if m.head == "it" {
				m.ent = lastInstitution
				break
			}
			m.ent = x.pronounEntity(m, recent, recentSubjects, lastSentence, sent)
		case pairMention:
			m.ent = x.pairEntity(recent, lastSentence, sent)
		default:
			continue
		}
		if m.ent < 0 {
			continue
		}
		e := &x.ents[m.ent]
		e.mentions = append(e.mentions, mi)
		if !m.inQuote && (e.kind == orgMention || e.kind == sourceMention && e.title == "" && !documentHeads[m.head]) {
			lastInstitution = m.ent
		}
		if m.subject && m.kind == personMention {
			e.subject = true
		}
		if m.gender != 0 && e.gender == 0 && m.kind != pronounMention {
			e.gender = m.gender
		}
		// Names inside a quotation are the speaker's words: they do not
		// become what a later "he" means.
		if !m.inQuote && (e.kind == personMention || (e.kind == sourceMention && e.title != "")) {
			recent = appendRecent(recent, m.ent)
			if m.subject {
				recentSubjects = appendRecent(recentSubjects, m.ent)
			}
			lastSentence[m.ent] = sent
		}
	}
}

// soleUnaffiliated returns the one person with a title but no country, or
// -1 when there is none or more than one.
func (x *state) soleUnaffiliated() int {
	found := -1
	for e := range x.ents { // once per role noun; entities are few
		en := &x.ents[e]
		if en.kind == personMention && en.title != "" && en.affiliation == "" {
			if found >= 0 {
				return -1
			}
			found = e
		}
	}
	return found
}

// documentHeads name documents, not who issued them: "It added" after "said
// in a statement" is the ministry, not the statement.
var documentHeads = map[string]bool{"statement": true, "report": true, "readout": true, "release": true, "communique": true, "communiqué": true}

// mergeRoles points a role mentioned before its holder's name ("The
// French president wants …" then "French President Emmanuel Macron") at
// the one person who holds that title for that country.
func (x *state) mergeRoles() {
	for r := range x.ents { // bounded: candidates come from the title's index
		role := &x.ents[r]
		if role.kind != sourceMention {
			continue
		}
		head := titleHead(role.title)
		if role.title == "" {
			// "her North Korean counterpart" is the one North Korean named.
			if !strings.HasPrefix(lastWord(role.name), "counterpart") || role.affiliation == "" {
				continue
			}
			head = ""
		}
		match := -1
		list := x.byWord[head]
		if head == "" || head == "leader" {
			list = x.byAffiliation[role.affiliation]
		}
		for i := len(list) - 1; i >= 0 && i >= len(list)-candidateLimit; i-- {
			p := list[i]
			if p == match {
				continue
			}
			pe := &x.ents[p]
			if head == "leader" && pe.kind == personMention && pe.affiliation == role.affiliation && role.affiliation != "" && pe.title != "" {
				// "the Chinese leader" is the Chinese president.
			} else if pe.kind != personMention || head != "" && titleHead(pe.title) != head || head == "" && pe.affiliation != role.affiliation {
				continue
			}
			if role.affiliation != "" && pe.affiliation != "" && role.affiliation != pe.affiliation {
				continue
			}
			if match >= 0 {
				match = -2 // two holders: ambiguous
				break
			}
			match = p
		}
		if match == -1 && head == "leader" {
			// "the Ukrainian leader" when the article never says which
			// country President Zelenskyy leads: the one titled person
			// with no country given.
			match = x.soleUnaffiliated()
			if match >= 0 && x.ents[match].affiliation == "" {
				x.ents[match].affiliation = role.affiliation
			}
		}
		if match < 0 {
			continue
		}
		for _, mi := range role.mentions {
			x.mentions[mi].ent = match
			x.ents[match].mentions = append(x.ents[match].mentions, mi)
			x.addAlias(match, &x.mentions[mi])
		}
		sort.Ints(x.ents[match].mentions)
		role.mentions = nil
		role.mergedInto = match + 1
	}
	// Pairs formed with a merged role now pair its holder.
	for _, p := range x.pairs {
		for i, m := range x.ents[p].members {
			if to := x.ents[m].mergedInto; to > 0 {
				x.ents[p].members[i] = to - 1
			}
		}
	}
}

func appendRecent(list []int, e int) []int {
	for i := len(list) - 1; i >= 0 && i >= len(list)-3; i-- {
		if list[i] == e {
			copy(list[i:], list[i+1:])
			list = list[:len(list)-1]
			break
		}
	}
	list = append(list, e)
	if len(list) > 64 { // bounded: only recent entities are candidates
		list = list[len(list)-32:]
	}
	return list
}

func (x *state) mentionNameFirst(m *mention) int {
	return x.doc.TokenAt(m.name.Start)
}

func (x *state) newEntity(kind mentionKind, name string) int {
	e := entity{kind: kind, name: name, words: uniqueWords(nameWords(name))}
	e.nameLen = len(e.words)
	x.ents = append(x.ents, e)
	id := len(x.ents) - 1
	x.indexEntity(id)
	return id
}

// indexEntity files an entity under its name words, the last word of its
// name and its title's head, so lookups need not scan every entity.
func (x *state) indexEntity(e int) {
	en := &x.ents[e]
	for _, w := range en.words {
		x.addKey(w, e)
	}
	x.addKey(lastWord(en.name), e)
	x.addKey(titleHead(en.title), e)
}

func (x *state) addKey(key string, e int) {
	if key == "" {
		return
	}
	list := x.byWord[key]
	for i := len(list) - 1; i >= 0 && i >= len(list)-4; i-- {
		if list[i] == e {
			return
		}
	}
	x.byWord[key] = append(list, e)
}

// candidateLimit bounds how far back a lookup goes in one key's list, so a
// document with thousands of "presidents" stays linear.
const candidateLimit = 64

// latest returns the highest entity id filed under one of keys that
// satisfies ok, or -1.
func (x *state) latest(keys []string, ok func(int) bool) int {
	best := -1
	for _, k := range keys {
		list := x.byWord[k]
		for i := len(list) - 1; i >= 0 && i >= len(list)-candidateLimit; i-- {
			if e := list[i]; e > best && ok(e) {
				best = e
				break
			}
		}
	}
	return best
}

// nameWords folds a name to lower-case words, without particles and
// invisible joiners, the way names are compared ("Von der Leyen" ~
// "Ursula von der Leyen", "Ma\u00adcron" ~ "Macron").
func nameWords(name string) []string {
	f := strings.FieldsFunc(strings.ToLower(withoutJoiners(name)), func(r rune) bool {
		return r == ' ' || r == '-' || r == '.' || r == '’' || r == '\''
	})
	out := f[:0]
	for _, w := range f {
		if w != "" && w != "s" {
			out = append(out, w)
		}
	}
	return out
}

// invisibleInNames are characters that change no name: the soft hyphen
// (U+00AD), which marks where a word may break, and the zero-width
// non-joiner and joiner (U+200C, U+200D), which steer ligatures. Names are
// compared and recorded without them, so "Ma\u00adcron" is Macron; the
// spans still point at the input as read.
const invisibleInNames = "\u00ad\u200c\u200d"

// withoutJoiners is s without the characters of invisibleInNames.
func withoutJoiners(s string) string {
	if !strings.ContainsAny(s, invisibleInNames) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(invisibleInNames, r) {
			return -1
		}
		return r
	}, s)
}

// nameText is the text of a name's span as it is compared and recorded:
// without invisible joiners (withoutJoiners).
func (x *state) nameText(sp parser.Span) string {
	return withoutJoiners(x.doc.Text(sp))
}

func (x *state) personEntity(m *mention, recent []int) int {
	name := x.nameText(m.name)
	words := nameWords(name)
	// The most recent person whose name contains this one or is contained
	// in it: such a person shares a word with it.
	best := x.latest(words, func(i int) bool {
		e := &x.ents[i]
		return e.kind == personMention && (subsetOf(words, e.words) || containsAll(words, e))
	})
	if best < 0 {
		best = x.newEntity(personMention, name)
	}
	e := &x.ents[best]
	if len(words) > e.nameLen {
		e.name, e.nameLen = name, len(words)
		e.words = uniqueWords(words)
		x.indexEntity(best)
	}
	if !containsString(e.aliases, name) {
		e.aliases = append(e.aliases, name)
	}
	if e.title == "" && m.title != "" {
		e.title = m.title
		x.addKey(titleHead(e.title), best)
	}
	if e.affiliation == "" && m.affiliation != "" {
		e.affiliation = m.affiliation
		x.byAffiliation[e.affiliation] = append(x.byAffiliation[e.affiliation], best)
	}
	return best
}

// subsetOf: every word is in set (names are a few words: a scan beats a map).
func subsetOf(words, set []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !containsString(set, w) {
			return false
		}
	}
	return true
}

// containsAll: the entity's words are all in the mention's (a fuller form).
func containsAll(words []string, e *entity) bool {
	return subsetOf(e.words, words)
}

// uniqueWords drops repeated words, keeping the first of each.
func uniqueWords(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if !containsString(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (x *state) namedEntity(kind mentionKind, name string, m *mention) int {
	key := entityKey{kind, name}
	if i, ok := x.byName[key]; ok {
		x.addAlias(i, m)
		return i
	}
	i := x.newEntity(kind, name)
	x.byName[key] = i
	x.ents[i].affiliation = m.affiliation
	x.addAlias(i, m)
	return i
}

func (x *state) addAlias(i int, m *mention) {
	s := x.nameText(m.name)
	if !containsString(x.ents[i].aliases, s) {
		x.ents[i].aliases = append(x.ents[i].aliases, s)
	}
}

// sourceEntity resolves a role or source noun: "the President" to the
// person last given that title, "the ministry" to the ministry named
// before; otherwise the role itself is the entity ("Secretary General").
func (x *state) sourceEntity(m *mention, recent []int) int {
	head := m.head
	for k := len(recent) - 1; k >= 0; k-- {
		e := &x.ents[recent[k]]
		if e.kind == personMention && titleHead(e.title) == head {
			x.addAlias(recent[k], m)
			return recent[k]
		}
	}
	i := x.latest([]string{head}, func(i int) bool {
		e := &x.ents[i]
		return e.kind == personMention && titleHead(e.title) == head && m.title == "" ||
			e.kind == sourceMention && (titleHead(e.title) == head || lastWord(e.name) == head) ||
			e.kind == orgMention && lastWord(e.name) == head
	})
	if i >= 0 {
		e := &x.ents[i]
		x.addAlias(i, m)
		if e.kind == sourceMention && len(nameWords(x.nameText(m.name))) > e.nameLen {
			e.name = x.nameText(m.name)
			e.nameLen = len(nameWords(e.name))
			x.indexEntity(i)
		}
		return i
	}
	i = x.newEntity(sourceMention, x.nameText(m.name))
	e := &x.ents[i]
	e.title, e.affiliation = m.title, m.affiliation
	if e.title != "" && e.affiliation != "" && strings.HasPrefix(x.nameText(m.name), e.affiliation) {
		e.title = strings.TrimSpace(strings.TrimPrefix(e.title, e.affiliation))
	}
	x.addKey(titleHead(e.title), i)
	x.addAlias(i, m)
	return i
}

// titleHead is the noun a title is about: "President" in "President of
// the European Commission" and in "United States President".
// placeDisplay names a country as the article does, in the fullest form it
// uses ("United States" over "US", "Britain" as written), but never by its
// capital ("Beijing said" is China).
func (x *state) placeDisplay(current, surface, canonical string) string {
	if x.rules.capitals[surface] {
		surface = canonical
	}
	if current == "" || len(nameWords(surface)) > len(nameWords(current)) || current != canonical && surface == canonical {
		return surface
	}
	return current
}

func titleHead(title string) string {
	if title == "" {
		return ""
	}
	lower := strings.ToLower(title)
	for _, sep := range []string{" of ", " for ", " to "} {
		if i := strings.Index(lower, sep); i > 0 {
			return lastWord(lower[:i])
		}
	}
	return lastWord(title)
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " \t\n")
	i := strings.LastIndexAny(s, " \t\n")
	w := strings.ToLower(s[i+1:])
	if w == "" {
		return ""
	}
	if i := strings.LastIndexByte(w, '-'); i >= 0 && i+1 < len(w) && (strings.HasPrefix(w[i+1:], "general") || strings.HasPrefix(w[i+1:], "elect")) {
		return w[i+1:]
	}
	return w
}

// pronounEntity picks the most recent person the pronoun can mean:
// subjects first, then anyone, skipping a known other gender.
func (x *state) pronounEntity(m *mention, recent, subjects []int, lastSentence map[int]int, sent int) int {
	switch m.head {
	case "they", "them", "their":
		return x.pairEntity(recent, lastSentence, sent)
	}
	fits := func(e int) bool {
		g := x.ents[e].gender
		return g == 0 || g == m.gender
	}
	pick := -1
	for k := len(subjects) - 1; k >= 0 && k >= len(subjects)-4; k-- {
		if fits(subjects[k]) && x.plausiblePerson(subjects[k]) && sent-lastSentence[subjects[k]] <= 6 {
			pick = subjects[k]
			break
		}
	}
	if pick < 0 {
		for k := len(recent) - 1; k >= 0; k-- {
			if fits(recent[k]) && x.plausiblePerson(recent[k]) {
				pick = recent[k]
				break
			}
		}
	}
	if pick >= 0 {
		// Learn the gender only from a subject pronoun: "his" in "X
		// congratulated Y on his appointment" may well mean Y.
		if x.ents[pick].gender == 0 && (m.head == "he" || m.head == "she") {
			x.ents[pick].gender = m.gender
		}
		x.addAlias(pick, m)
		return pick
	}
	// Nobody to refer to: the pronoun itself is better than no speaker.
	if m.head == "he" || m.head == "she" {
		key := entityKey{pronounMention, m.head}
		if i, ok := x.byName[key]; ok {
			return i
		}
		i := x.newEntity(pronounMention, m.head)
		x.byName[key] = i
		x.ents[i].gender = m.gender
		return i
	}
	return -1
}

// plausiblePerson: an entity a pronoun or "the two leaders" can mean: a
// named person with a title, a full name or a known gender, or a role
// ("the Secretary General"). A lone capitalised word is not enough.
func (x *state) plausiblePerson(e int) bool {
	en := &x.ents[e]
	switch en.kind {
	case personMention:
		return en.title != "" || en.nameLen >= 2 || en.gender != 0 || en.subject
	case sourceMention:
		return en.title != ""
	}
	return false
}

// pairEntity is "A and B" for the two people most recently mentioned.
func (x *state) pairEntity(recent []int, lastSentence map[int]int, sent int) int {
	var two []int
	for k := len(recent) - 1; k >= 0 && len(two) < 2; k-- {
		e := recent[k]
		if x.plausiblePerson(e) && sent-lastSentence[e] <= 8 {
			two = append(two, e)
		}
	}
	if len(two) < 2 {
		return -1
	}
	return x.pairOf(two[0], two[1])
}

// entityName is the name an entity is recorded by, computed at the end so
// that a fuller form found later wins.
func (x *state) entityName(e int) string {
	en := &x.ents[e]
	if en.kind == pairMention {
		return x.entityName(en.members[0]) + " and " + x.entityName(en.members[1])
	}
	if en.display != "" {
		return en.display
	}
	return en.name
}
