package lexicon

import "strings"

// addFile compiles one parsed file into the lists.
func (l *Lexicon) addFile(f *file, irregular map[string][]string) error {
	for _, w := range f.words {
		ls, err := l.addList(w.list)
		if err != nil {
			return errAt(f.name, w.line, "%v", err)
		}
		if w.gen {
			for _, form := range Inflect(w.text, irregular) {
				ls.add(splitWords(form), w.value)
			}
			continue
		}
		words := splitWords(w.text)
		if len(words) == 0 {
			return errAt(f.name, w.line, "empty word %q", w.text)
		}
		ls.add(words, w.value)
	}
	for _, c := range f.countries {
		l.addCountry(c)
	}
	for _, o := range f.orgs {
		l.addOrg(o)
	}
	if len(f.grammar) > 0 {
		l.Grammar = append(l.Grammar, GrammarFile{Name: f.name, Sections: f.grammar})
	}
	return nil
}

func (l *Lexicon) addCountry(c countryItem) {
	info := l.Country[c.info.Name]
	if info == nil {
		info = &CountryInfo{Name: c.info.Name, Region: c.region}
		l.Country[c.info.Name] = info
	}
	info.Demonyms = append(info.Demonyms, c.info.Demonyms...)
	info.Aliases = append(info.Aliases, c.info.Aliases...)
	info.Capitals = append(info.Capitals, c.info.Capitals...)
	name := c.info.Name
	places := l.lists[Places]
	places.add(splitWords(name), name)
	for _, a := range c.info.Aliases {
		places.add(splitWords(a), name)
	}
	for _, a := range c.info.Capitals {
		l.lists[Capitals].add(splitWords(a), name)
	}
	for _, a := range c.info.Demonyms {
		l.lists[Demonyms].add(splitWords(a), name)
	}
}

func (l *Lexicon) addOrg(o orgItem) {
	info := l.Org[o.info.Name]
	if info == nil {
		info = &OrgInfo{Name: o.info.Name}
		l.Org[o.info.Name] = info
	}
	info.Aliases = append(info.Aliases, o.info.Aliases...)
	info.Nouns = append(info.Nouns, o.info.Nouns...)
	if info.Country == "" {
		info.Country = o.info.Country
	}
	if info.PartOf == "" {
		info.PartOf = o.info.PartOf
	}
	l.addMinistry(info)
	orgs := l.lists[Organisations]
	orgs.add(splitWords(o.info.Name), o.info.Name)
	for _, a := range o.info.Aliases {
		orgs.add(splitWords(a), o.info.Name)
	}
}

// addMinistry notes the domain of a ministry of one country ("Ministry
// of External Affairs", India), so that a title of that domain ("External
// Affairs Minister") is an office of that country (MinistryCountry).
func (l *Lexicon) addMinistry(o *OrgInfo) {
	if o.Country == "" {
		return
	}
	for _, prefix := range []string{"Ministry of ", "Ministry for "} {
		if d, ok := strings.CutPrefix(o.Name, prefix); ok {
			l.ministries[strings.ToLower(d)] = o.Country
		}
	}
}

// MinistryCountry is the country whose ministry the gazetteer names for
// domain ("External Affairs" → India, "Unification" → South Korea), or
// "" when no ministry of that domain is listed with a country.
func (l *Lexicon) MinistryCountry(domain string) string {
	return l.ministries[strings.ToLower(domain)]
}

// Inflect returns a verb's forms: the lemma, third person singular, past
// (and participle) and present participle. A phrasal verb ("point out")
// inflects its first word. Past forms of irregular verbs come from
// irregular (lemma → forms); regular ones are generated, and where English
// spelling depends on stress (commit → committed, but visit → visited)
// both spellings are given, since the one never written never matches.
func Inflect(lemma string, irregular map[string][]string) []string {
	head, rest := lemma, ""
	if i := strings.IndexByte(lemma, ' '); i > 0 {
		head, rest = lemma[:i], lemma[i:]
	}
	low := strings.ToLower(head)
	var forms []string
	add := func(w string) {
		w += rest
		for _, f := range forms {
			if f == w {
				return
			}
		}
		forms = append(forms, w)
	}
	add(head)
	add(thirdPerson(low))
	if past, ok := irregular[low]; ok {
		for _, p := range past {
			add(p)
		}
	} else {
		for _, p := range pastForms(low) {
			add(p)
		}
	}
	for _, p := range ingForms(low) {
		add(p)
	}
	return forms
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func thirdPerson(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "o") && n > 1 && !isVowel(w[n-2]):
		return w + "es"
	case strings.HasSuffix(w, "y") && n > 1 && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// doubles reports whether a final consonant may double before -ed/-ing:
// consonant, vowel, consonant, and not w, x or y.
func doubles(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	c := w[n-1]
	return !isVowel(c) && strings.IndexByte("wxy", c) < 0 && isVowel(w[n-2]) && !isVowel(w[n-3])
}

func pastForms(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case strings.HasSuffix(w, "e"):
		return []string{w + "d"}
	case strings.HasSuffix(w, "y") && n > 1 && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ied"}
	case doubles(w):
		return []string{w + "ed", w + w[n-1:] + "ed"}
	}
	return []string{w + "ed"}
}

func ingForms(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case strings.HasSuffix(w, "ie"):
		return []string{w[:n-2] + "ying"}
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && !strings.HasSuffix(w, "ye") && !strings.HasSuffix(w, "oe") && n > 2:
		return []string{w[:n-1] + "ing"}
	case doubles(w):
		return []string{w + "ing", w + w[n-1:] + "ing"}
	}
	return []string{w + "ing"}
}

// VerbForm is which inflection of a verb a word is.
type VerbForm uint8

// The inflections of a verb.
const (
	NotAForm    VerbForm = iota
	Base                 // stress
	ThirdPerson          // stresses
	PastForm             // stressed, told (past and past participle)
	IngForm              // stressing
)

// FormOf tells which inflection of lemma word is (both lower-case; for a
// phrasal verb, its first word).
func (l *Lexicon) FormOf(word, lemma string) VerbForm {
	if i := strings.IndexByte(lemma, ' '); i > 0 {
		lemma = lemma[:i]
	}
	switch {
	case word == lemma:
		return Base
	case word == thirdPerson(lemma):
		return ThirdPerson
	}
	past, ok := l.irregular[lemma]
	if !ok {
		past = pastForms(lemma)
	}
	for _, p := range past {
		if p == word {
			return PastForm
		}
	}
	for _, p := range ingForms(lemma) {
		if p == word {
			return IngForm
		}
	}
	return NotAForm
}

// Plural reports whether lower (a lower-cased word) is the plural of a
// one-word phrase of list id ("presidents", "mps", "secretaries" of heads).
func (l *Lexicon) Plural(id ID, lower string) bool {
	if stem, ok := strings.CutSuffix(lower, "ies"); ok && len(stem) > 1 {
		if _, in := l.Has(id, stem+"y"); in {
			return true // "secretaries", "deputies", "envoys" aside
		}
	}
	for _, suf := range []string{"es", "s"} {
		if stem, ok := strings.CutSuffix(lower, suf); ok && stem != "" {
			if _, in := l.Has(id, stem); in {
				return true
			}
		}
	}
	return false
}
