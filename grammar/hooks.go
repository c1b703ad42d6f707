package grammar

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/entity"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
)

// Hook is a named check a pattern cannot say: it sees the whole match and
// may refuse it.
type Hook func(c *Context, m *Match) bool

// Report is a quote already decided, as later stages see it: the tokens
// of its text and who said it.
type Report struct {
	First, Last int
	Speaker     int  // entity, or -1
	Direct      bool // in quotation marks
	Request     bool // a request to others ("urged NATO to …")
	Describes   bool // its subject stands outside the marks and is described ("X “talked about …”"): it is no one's to continue
	Cue         string
}

// ReportAt returns the quote holding token k (the innermost), if any.
func (c *Context) ReportAt(k int) (Report, bool) {
	i := sort.Search(len(c.Reports), func(i int) bool { return c.Reports[i].First > k })
	best, found := Report{}, false
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		r := c.Reports[j]
		if r.First <= k && k <= r.Last && (!found || r.First >= best.First) {
			best, found = r, true
		}
	}
	return best, found
}

// hookAdds are the captures a hook adds to the match it accepts.
var hookAdds = map[string][]string{
	"next-paragraph-quote":  {"text"},
	"quote-opens-with-verb": {"cue"},
	"inside-report-speaker": {"speaker"},
	"continues-speaker":     {"speaker"},
	"after-speech-act":      {"speaker"},
	"joint-actor":           {"actor"},
}

// hooks is every hook a rule may name, with what it checks.
var hooks = map[string]Hook{
	"subject-speaks":     subjectSpeaks,
	"not-in-quote":       notInQuote,
	"in-report":          inReport,
	"actor-side":         actorSide,
	"itinerary":          itinerary,
	"not-itinerary":      func(c *Context, m *Match) bool { return !itinerary(c, m) },
	"own-words":          ownWords,
	"not-request":        notRequest,
	"clause-has-verb":    clauseHasVerb,
	"opens-with-verb":    opensWithVerb,
	"cue-in-relative":    cueInRelative,
	"speaker-after-text": speakerAfterText,
	"party-is-someone":   partyIsSomeone,
	"not-relationship":   notRelationship,
	"speaker-not-place":  speakerNotPlace,
	"own-clause-start":   ownClauseStart,
	"at-place":           atPlace,
}

// HookDocs says what each hook checks, for readout rules --hooks.
var HookDocs = map[string]string{
	"subject-speaks":     "the speaker capture is someone who can speak: a person, organisation, source or pair, not a place or a thing",
	"not-in-quote":       "the match is not inside a quotation",
	"in-report":          "the match is inside a quote or reported clause (its speaker is the pledge's by)",
	"actor-side":         "the actor is the speaker of the quote the match is in, the side the speaker speaks for, or a pair with the speaker",
	"itinerary":          "the action's verb is an itinerary verb (lexicon: itinerary_verbs): visit, travel, meet …; or an occasion verb (occasion_verbs: open, lead, send) whose action is dated or names a gathering or mission (occasion_nouns)",
	"not-itinerary":      "the action's verb is not an itinerary verb",
	"own-words":          "inside a quotation, the subject is the speaker's own I or we",
	"not-request":        "the match is not inside a request to others (\"urged NATO to …\")",
	"clause-has-verb":    "the text capture holds a finite verb of its own: a clause, not a noun phrase",
	"speaker-after-text": "the speaker is named after the text, not inside it (\"Laue, who has led the party, warned …\" reports nothing before \"warned\")",
	"cue-in-relative":    "the cue is the verb of a relative clause about the noun phrase before its subject, no relative word between (\"a probe the agency said was ongoing\")",
	"opens-with-verb":    "the text capture opens with a finite verb group: a clause whose subject stands before the attribution (\"a charity that prosecutors said was …\")",
	"party-is-someone":   "both parties are someone: a person, organisation, place, source or pair (a plural noun that names no one is not)",
	"not-relationship":   "the exchange noun is not the object of a verb of tending a relationship (\"strengthen dialogue with\")",
	"speaker-not-place":  "the speaker is not a country named as such",
	"own-clause-start":   "the text opens a clause of its own: not a relative clause on the source (\"according to the police, who …\") nor the end of a list the source began (\"according to his friends, aides and allies, he …\")",
	"at-place":           "the action's verb is followed by \"in\" or \"at\" and a place or name (\"is expected in Brussels on Monday\")",
}

// EntityOf is the entity a capture means: the one a hook gave it, else
// its NP's, or -1.
func (c *Context) EntityOf(cp Capture) int {
	if cp.Entity >= 0 {
		return cp.Entity
	}
	if cp.NP < 0 {
		return -1
	}
	return c.Ents.Of(cp.NP)
}

func subjectSpeaks(c *Context, m *Match) bool {
	sp, ok := m.One("speaker")
	if !ok {
		return true
	}
	if sp.NP < 0 {
		return c.EntityOf(sp) >= 0 // a capture of words, not a noun phrase: only an entity a hook gave
	}
	np := &c.A.NPs[sp.NP]
	if np.Kind == clause.KindThing {
		return false
	}
	e := c.EntityOf(sp)
	if e < 0 {
		return np.Kind != clause.KindCommon || c.A.In(lexicon.SourceNouns, np.Head)
	}
	return c.Ents.Ents[e].Kind != entity.Place
}

func speakerNotPlace(c *Context, m *Match) bool {
	sp, ok := m.One("speaker")
	return !ok || sp.NP < 0 || c.A.NPs[sp.NP].Kind != clause.KindPlace
}

func notInQuote(c *Context, m *Match) bool { return !c.A.InQuote(m.First) }

func thatNotSubject(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok || t.First < 0 || t.First >= len(c.A.VGAt) {
		return true
	}
	v := c.A.VGAt[t.First]
	return v < 0 || c.A.VGs[v].First != t.First || c.A.VGs[v].Form != clause.Finite
}

// paragraphStart: the match opens its paragraph, past the headline (a
// transcript's "Name: …" line).
func paragraphStart(c *Context, m *Match) bool {
	si := c.A.Doc.Tokens[m.First].Sentence
	if si == 0 || c.A.Sents[si].Title {
		return false
	}
	prev := c.A.Doc.Sentences[si-1]
	return prev.Paragraph != c.A.Doc.Sentences[si].Paragraph && c.A.Doc.Sentences[si].First == m.First
}

func inHeadline(c *Context, m *Match) bool {
	return c.A.Sents[c.A.Doc.Tokens[m.First].Sentence].Title
}

func inReport(c *Context, m *Match) bool {
	_, ok := c.ReportAt(m.First)
	return ok
}

func notRequest(c *Context, m *Match) bool {
	r, ok := c.ReportAt(m.First)
	return !ok || !r.Request
}

// actorSide: a pledge's actor is the one who speaks, or their side.
func actorSide(c *Context, m *Match) bool {
	r, ok := c.ReportAt(m.First)
	if !ok || r.Speaker < 0 {
		return false
	}
	act, ok := m.One("actor")
	if !ok {
		// the speaker's own ("I will …" resolved by the extractor), but
		// not a thing's: "said that would not be true"
		v, _ := m.One("action")
		return v.VG < 0 || !c.A.Is(c.A.VGs[v.VG].First-1, clause.Complementizer)
	}
	a := c.EntityOf(act)
	if a < 0 {
		if act.NP < 0 {
			return false
		}
		np := &c.A.NPs[act.NP]
		if np.Kind == clause.KindCommon && !np.Plural && np.Possessor >= 0 {
			np = &c.A.NPs[np.Possessor] // "our team"
		}
		return np.Kind == clause.KindPronoun // "we", "I": the speaker's side
	}
	if c.Ents.SameSide(a, r.Speaker) {
		return true
	}
	// An office or a document relays what the principals pledged ("The
	// two promised to meet …, the ministry said").
	if sk := c.Ents.Ents[r.Speaker]; sk.Kind == entity.Org || sk.Kind == entity.Document || sk.Kind == entity.Source && sk.Title == "" {
		return c.Ents.Ents[a].Kind != entity.Place || sk.Affiliation == "" || sk.Affiliation == c.Ents.Ents[a].Name
	}
	// A country or body, when nothing says whom the speaker speaks for.
	ae, se := &c.Ents.Ents[a], &c.Ents.Ents[r.Speaker]
	return (ae.Kind == entity.Place || ae.Kind == entity.Org) && se.Affiliation == "" && se.Kind != entity.Place && se.Kind != entity.Org
}

func itinerary(c *Context, m *Match) bool {
	act, ok := m.One("action")
	if !ok || act.VG < 0 {
		return false
	}
	h := c.A.VGs[act.VG].Head
	if c.A.In(lexicon.ItineraryVerbs, h) {
		return true
	}
	return c.A.In(lexicon.OccasionVerbs, h) && toOccasion(c.A, c.A.VGs[act.VG].Last+1, act.Last)
}

// toOccasion: tokens [first, last], the rest of an occasion verb's action,
// fix its day ("on Monday", "on 14 March", not "in the coming weeks") or
// name a gathering or mission ("the Lisbon Summit", "the delegation"),
// which makes "will open", "will lead", "will send" an itinerary.
func toOccasion(a *clause.Analysis, first, last int) bool {
	for k := first; k <= last; k++ {
		if t, ok := a.TimeAt(k); ok && a.In(lexicon.CalendarWords, t.Last) {
			return true
		}
		if np := a.NPAt[k]; np >= 0 && a.NPs[np].Last == k && (a.In(lexicon.OccasionNouns, k) || a.In(lexicon.Events, a.NPs[np].First)) {
			return true
		}
	}
	return false
}

// atPlace: the action's verb is followed by "in" or "at" and a place or
// a name: "X is expected in Brussels on Monday" is where X will be.
func atPlace(c *Context, m *Match) bool {
	act, ok := m.One("action")
	if !ok || act.VG < 0 {
		return false
	}
	k := c.A.VGs[act.VG].Last + 1
	if w := c.A.Low[k]; w != "in" && w != "at" {
		return false
	}
	np := c.A.NPAt[k+1]
	return np >= 0 && (c.A.NPs[np].Kind == clause.KindPlace || c.A.NPs[np].Kind == clause.KindName)
}

// ownWords: inside a quotation, the verb's subject is I or we.
func ownWords(c *Context, m *Match) bool {
	if !c.A.InQuote(m.First) {
		return true
	}
	for _, cp := range m.Captures {
		if cp.NP >= 0 && (cp.Name == "actor" || cp.Name == "a") {
			np := &c.A.NPs[cp.NP]
			return np.Kind == clause.KindPronoun && (np.Value == lexicon.I || np.Value == lexicon.We)
		}
	}
	return false
}

func clauseHasVerb(c *Context, m *Match) bool {
	parts := m.Get("text")
	if len(parts) == 0 {
		return false
	}
	// The part after the attribution carries the verb: "The next round,
	// Lopez said, would take place …"; not "The deal stands, according to
	// the union, one of those representing the staff".
	t := parts[len(parts)-1]
	if c.A.FiniteBetween(t.First, t.Last) {
		return true
	}
	// … or the part before it does, and the part after goes on with what
	// it left open: "would not only address X, she said, but also Y", "it
	// is her duty, she said, to speak to …", "…, he said, because …"
	a := c.A
	f := parts[0]
	return len(parts) > 1 && a.FiniteBetween(f.First, f.Last) &&
		(a.RoleLen(t.First, clause.Coordinator) > 0 || a.Tag(t.First) == "TO" || a.Is(t.First, clause.Subordinator) || prepositionGerund(a, t.First) ||
			a.Low[t.First] == "for" && forSubjectInfinitive(a, t)) // "it makes sense, they said, for X to …"
}

// ownClauseStart: the text opens a clause of its own: not with a
// relative word, which opens a clause on the source before the comma
// ("according to the police, who …"), nor with the last members of a
// list of noun phrases that the source began ("according to talks
// with her staff, donors and allies, she wants …"): noun phrases joined
// by commas and a coordinator, then a comma, before any finite verb, the
// last of them in apposition with nothing.
func ownClauseStart(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok {
		return true
	}
	a := c.A
	if a.Is(t.First, clause.Relative) {
		return false
	}
	coordinated := false
	for k := t.First; k <= t.Last; {
		np := a.NPAt[k]
		if np < 0 {
			return true
		}
		k = a.NPs[np].Last + 1
		switch {
		case k <= t.Last && a.Is(k, clause.Coordinator):
			coordinated = true
			k++
		case k <= t.Last && a.Punct(k, ","):
			return !coordinated || a.NPs[np].Appos >= 0
		default:
			return true
		}
	}
	return true
}

// speakerAfterText: the speaker capture comes after the text: an
// inverted attribution whose verb's subject is inside the fronted text
// ("Laue, who has led the party since 2019, warned …") reports nothing.
func speakerAfterText(c *Context, m *Match) bool {
	t, ok := m.One("text")
	sp, ok2 := m.One("speaker")
	return !ok || !ok2 || sp.First > t.Last
}

// opensWithVerb: the text opens with a finite verb group, its subject the
// relative word before the attribution ("a charity that prosecutors said
// was suspected of …").
func opensWithVerb(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok {
		return false
	}
	v := c.A.VGAt[t.First]
	return v >= 0 && c.A.VGs[v].First == t.First && c.A.VGs[v].Form == clause.Finite
}

// cueInRelative: the cue's verb group heads a relative clause without a
// relative word, about the noun phrase right before its subject ("a probe
// the agency said was ongoing").
func cueInRelative(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	sp, ok2 := m.One("speaker")
	if !ok || !ok2 || cue.First < 0 || sp.First < 1 {
		return false
	}
	v := c.A.VGAt[cue.First]
	if v < 0 || c.A.VGs[v].Rel < 0 {
		return false
	}
	return c.A.NPs[c.A.VGs[v].Rel].Last == sp.First-1
}

// outsideReport: the text lies inside no quote or reported clause found
// so far.
func outsideReport(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok {
		return false
	}
	_, in := c.ReportAt(t.First)
	return !in
}

// speakerIsSomeone: the speaker capture is there and names a person, an
// organisation, a source or a pair.
func speakerIsSomeone(c *Context, m *Match) bool {
	sp, ok := m.One("speaker")
	if !ok {
		return false
	}
	e := c.EntityOf(sp)
	if e < 0 {
		return false
	}
	switch c.Ents.Ents[e].Kind {
	case entity.Person, entity.Org, entity.Source, entity.Pair:
		return true
	}
	return false
}

func partyIsSomeone(c *Context, m *Match) bool {
	for _, name := range []string{"a", "b"} {
		for _, cp := range m.Get(name) {
			if cp.NP >= 0 && (c.A.NPs[cp.NP].Kind == clause.KindThing || UnnamedGroup(c.A, int(cp.NP))) {
				return false
			}
		}
	}
	return true
}

// UnnamedGroup: noun phrase n is a plural common noun phrase that names
// no one: no country or body it belongs to, no capitalised word, no
// names in apposition ("other senior officials", "representatives"; but
// "Pakatan Harapan representatives", "Iranian officials", "the two
// countries' senior officials"). It is never a party to an exchange.
func UnnamedGroup(a *clause.Analysis, n int) bool {
	np := &a.NPs[n]
	if np.Kind != clause.KindCommon || !np.Plural || np.Affiliation != "" || a.NamedBy(n) >= 0 {
		return false
	}
	if np.Possessor >= 0 && a.NPs[np.Possessor].Kind == clause.KindPair {
		return false // the pair's people
	}
	for k := np.First; k <= np.Last; k++ {
		if a.Cap(k) && !(k == a.Sents[a.Doc.Tokens[k].Sentence].Body && a.Is(k, clause.Determiner)) {
			return false
		}
	}
	return true
}

// notRelationship: "ready to strengthen dialogue with China" tends a
// relationship; no exchange took place.
func notRelationship(c *Context, m *Match) bool {
	ch, ok := m.One("channel")
	if !ok {
		return true
	}
	a := c.A
	if ch.NP >= 0 && a.NPs[ch.NP].Possessor >= 0 && ch.First > 0 && a.In(lexicon.ProcessModifiers, a.NPs[ch.NP].Head-1) {
		return false // "South Korea's continued consultation with NATO": a process
	}
	for b := ch.First - 1; b >= 0 && b >= ch.First-4; b-- {
		if a.In(lexicon.RelationshipVerbs, b) {
			return false
		}
		if t := a.Tag(b); !(t == "DT" || t == "PRP$" || t == "JJ" || t == "JJR" || t == "CC" || t == "NN") {
			break
		}
	}
	return true
}

func init() {
	for name, h := range map[string]Hook{
		"quote-opens-with-verb":  quoteOpensWithVerb,
		"subject-not-reported":   subjectNotReported,
		"not-kicker":             notKicker,
		"next-paragraph-quote":   nextParagraphQuote,
		"inside-report-speaker":  insideReportSpeaker,
		"four-words":             fourWords,
		"opens-or-four-words":    opensOrFourWords,
		"ends-or-four-words":     endsOrFourWords,
		"speaker-is-someone":     speakerIsSomeone,
		"outside-report":         outsideReport,
		"continues-speaker":      continuesSpeaker,
		"after-speech-act":       afterSpeechAct,
		"same-speaker-again":     sameSpeakerAgain,
		"unattributed-after":     unattributedAfter,
		"starts-clause":          startsClause,
		"object-then-infinitive": objectThenInfinitive,
		"no-subject":             noSubject,
		"infinitive-text":        infinitiveText,
		"request-clause-end":     requestClauseEnd,
		"in-headline":            inHeadline,
		"paragraph-start":        paragraphStart,
		"that-not-subject":       thatNotSubject,
		"closed-quote-cue":       closedQuoteCue,
		"quote-not-reported":     quoteNotReported,
		"no-report-between":      noReportBetween,
		"not-said-of":            notSaidOf,
		"cue-no-object":          cueNoObject,
		"owner-of-noun":          ownerOfNoun,
		"noun-clause-end":        nounClauseEnd,
		"cue-takes-no-clause":    cueTakesNoClause,
	} {
		hooks[name] = h
	}
	for name, doc := range map[string]string{
		"quote-opens-with-verb":  "the quotation opens with a finite verb, which is the cue (Modi “stressed that …”)",
		"next-paragraph-quote":   "the next paragraph opens with a quotation, which is the text",
		"not-kicker":             "the speaker is not a headline's label (headline_kickers: \"The Latest: …\", \"Breaking: …\")",
		"subject-not-reported":   "the speaker is not the subject of a clause someone else reports (after \"that\" or right after a finite verb), unless the quotation opens with a speech verb: in \"Lund said that the governor “has to contend with …”\" the governor is talked about, not quoted",
		"outside-report":         "the text is not inside a quote or reported clause found before (direct.embedded gives those their speaker)",
		"speaker-is-someone":     "a speaker is captured, and it is a person, an organisation, a source or a pair (not a place or a document)",
		"inside-report-speaker":  "the quotation lies inside a reported clause and has four words or more; the clause's speaker speaks it",
		"four-words":             "the quotation has four words or more (shorter ones are scare quotes and titles)",
		"ends-or-four-words":     "the quotation has four words or more, or ends its clause (a punctuation mark, the sentence's end or an attribution follows it): a shorter one the clause goes on after is a scare quote (\"said that “dairy people” do a great job\")",
		"opens-or-four-words":    "the quotation has four words or more, or opens its sentence (or follows a colon, a dash or a parenthesis): a shorter one inside a clause is a scare quote (\"placed a note in a “burn bag,” the paper reported\")",
		"continues-speaker":      "the latest attributed quotation, within two paragraphs and with no new subject named since, gives the speaker",
		"same-speaker-again":     "the second attribution of a twice-broken quotation (capture _again) names the speaker of the first (\"“…,” Ribeiro said, “…,” she added, “…”\")",
		"after-speech-act":       "the quotation opens its sentence and the sentence before it, with no quotation of its own, ends in a speech act of someone (\"Bystrom agreed. “…”\"): its subject is the speaker",
		"closed-quote-cue":       "when the quotation closes its sentence with a full stop (“….”), the cue after it reports nothing of its own: no object, content clause or quotation follows it (\"“….” The singer then recalled a night\" is no attribution)",
		"quote-not-reported":     "the quotation does not follow a speech verb (perhaps with \"that\"), which already reports it: in \"said “it makes me angry” every time she thinks of it\" the verb after it is no attribution",
		"no-report-between":      "between the cue and the last quotation no participle of a say-like verb reports a clause of its own (\"“…,” she said, adding that …. “…”\": the second quotation is a quote of its own)",
		"unattributed-after":     "no attribution follows the last quotation (it would be a quote of its own)",
		"starts-clause":          "the text starts with the subject of a finite verb inside it: a clause, not an object",
		"object-then-infinitive": "the text is an object and a to-infinitive (\"NATO to strengthen …\")",
		"request-clause-end":     "cuts the text before a predicate coordinated with the cue's verb (\"called on Y to retract and said …\")",
		"infinitive-text":        "the text is a to-infinitive (\"to stay neutral\"), or, after \"for\", an object and its to-infinitive (\"the banks to lower their fees\")",
		"no-subject":             "the cue's verb group has no subject of its own (\"Said she had …\")",
		"in-headline":            "the match is in the article's headline",
		"paragraph-start":        "the match opens a paragraph of the body (a transcript's \"Name: …\" line)",
		"cue-takes-no-clause":    "the cue is not followed by \"that\": \"…, the economists estimated that imports cost jobs\" reports what follows, not what came before",
		"noun-clause-end":        "the text, a noun's content clause, ends before a finite verb that has no subject of its own after the clause's verb: the verb of the sentence the noun is the subject of (\"Berg's claim that the plan would fail proved wrong\")",
		"owner-of-noun":          "a speaker before the cue noun is its possessor (\"Berg's claim that …\", \"her insistence that …\"), not a noun phrase the noun merely follows",
		"cue-no-object":          "the cue's verb group has no object: \"as the minister said goodbye, …\" reports nothing",
		"not-said-of":            "the cue is not followed by \"of\" or \"about\": \"said of the meeting she had …\" names what was said about, and the clause after it is a relative clause on that",
		"that-not-subject":       "the text does not open with a verb group: \"that\" before it was its subject (\"say that will not be true\"), not a complementizer",
	} {
		HookDocs[name] = doc
	}
}

// Words counts the words (runs of letters or digits) of tokens [first, last].
func (c *Context) Words(first, last int) int {
	n := 0
	for k := first; k <= last; k++ {
		w := c.A.Words[k]
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

func quoteOpensWithVerb(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok {
		return false
	}
	v := c.A.VGAt[t.First]
	if v < 0 || c.A.VGs[v].First != t.First || c.A.VGs[v].Form != clause.Finite {
		return false
	}
	vg := &c.A.VGs[v]
	cue := none(vg.Head, vg.Head)
	cue.Name, cue.VG, cue.Cue = "cue", int(v), [2]int{vg.Head, vg.Head}
	if n, val := c.A.Match(lexicon.SpeechVerbs, vg.Head); n > 0 {
		cue.Cue[1], cue.Value = vg.Head+n-1, val // "pointed out"
	}
	m.Captures = append(m.Captures, cue)
	return true
}

// notKicker: see HookDocs.
func notKicker(c *Context, m *Match) bool {
	sp, ok := m.One("speaker")
	if !ok || sp.First < 0 {
		return true
	}
	a := c.A
	n, _ := a.Match(lexicon.HeadlineKickers, sp.First)
	return n == 0 || sp.First+n-1 < sp.Last
}

// subjectNotReported: see HookDocs. A quotation that opens with a speech
// verb keeps its subject as speaker even inside a report ("the ministry said
// Modi “stressed that …”" is Modi's, as the guide's relayed speech is).
func subjectNotReported(c *Context, m *Match) bool {
	sp, ok := m.One("speaker")
	t, ok2 := m.One("text")
	if !ok || !ok2 || sp.First <= 0 {
		return true
	}
	a := c.A
	if v := a.VGAt[t.First]; v >= 0 && a.In(lexicon.SpeechVerbs, a.VGs[v].Head) {
		return true
	}
	k := sp.First - 1
	if a.Is(k, clause.Complementizer) {
		return false
	}
	v := a.VGAt[k]
	return v < 0 || a.VGs[v].Last != k || a.VGs[v].Form != clause.Finite
}

func nextParagraphQuote(c *Context, m *Match) bool {
	a := c.A
	d := a.Doc
	s := a.Sentence(m.Last)
	if s.Paragraph+1 >= len(d.Paragraphs) {
		return false
	}
	p := d.Paragraphs[s.Paragraph+1]
	first := d.Sentences[p.FirstSentence].First
	qi, ok := c.quoteStart[first]
	if !ok {
		return false
	}
	q := d.Quotes[qi]
	inner := q.Inner()
	t := none(d.TokenAt(inner.Start), d.LastTokenBefore(inner.End))
	if t.Last < t.First {
		return false // marks and nothing between them
	}
	t.Name, t.Quote = "text", qi
	m.Captures = append(m.Captures, t)
	return true
}

func fourWords(c *Context, m *Match) bool {
	t, ok := m.One("text")
	return ok && c.Words(t.First, t.Last) >= 4
}

func opensOrFourWords(c *Context, m *Match) bool {
	if fourWords(c, m) {
		return true
	}
	a := c.A
	k := m.First
	return k <= a.Sents[a.Doc.Tokens[k].Sentence].Body || a.AtClauseStart(k)
}

func endsOrFourWords(c *Context, m *Match) bool {
	if fourWords(c, m) {
		return true
	}
	a := c.A
	k := m.Last + 1 // the token after the closing mark
	if k > a.Sentence(m.Last).Last || k >= len(a.Words) {
		return true
	}
	switch a.Words[k] {
	case ".", ",", ";", ":", "!", "?", ")", "—", "–", "-":
		return true
	}
	return false
}

func closedQuoteCue(c *Context, m *Match) bool {
	a := c.A
	t, ok := m.One("text")
	cue, ok2 := m.One("cue")
	if !ok || !ok2 || cue.VG < 0 || t.Last < 0 || a.Words[t.Last] != "." {
		return true
	}
	vg := &a.VGs[cue.VG]
	if o := vg.Object; o >= 0 && a.NPs[o].First > vg.Last && !a.Is(a.NPs[o].First, clause.Reporters) {
		return false // "“….” The singer then recalled a night"; not "“….” he told reporters"
	}
	k := vg.Last + 1
	return k >= len(a.Words) || !a.Is(k, clause.Complementizer) && !a.IsQuoteMark(k)
}

func quoteNotReported(c *Context, m *Match) bool {
	a := c.A
	k := m.First - 1
	if k >= 0 && a.Is(k, clause.Complementizer) {
		k--
	}
	if k < 0 || a.Doc.Tokens[k].Sentence != a.Doc.Tokens[m.First].Sentence {
		return true
	}
	v := a.VGAt[k]
	return v < 0 || a.VGs[v].Last != k || a.VGs[v].Subject < 0 || !a.In(lexicon.SpeechVerbs, a.VGs[v].Head)
}

func noReportBetween(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	parts := m.Get("text")
	if !ok || cue.Last < 0 || len(parts) < 2 {
		return true
	}
	a := c.A
	for k := cue.Last + 1; k < parts[len(parts)-1].First; k++ {
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].First == k && a.VGs[v].Form == clause.Gerund && a.In(lexicon.SayVerbs, a.VGs[v].Head) {
			return false
		}
	}
	return true
}

func insideReportSpeaker(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok || c.Words(t.First, t.Last) < 4 {
		return false
	}
	r, ok := c.ReportAt(m.First)
	if !ok || r.Direct || r.Speaker < 0 {
		return false
	}
	sp := none(m.First, m.First-1)
	sp.Name, sp.Entity, sp.Value = "speaker", r.Speaker, r.Cue
	m.Captures = append(m.Captures, sp)
	return true
}

// continuesSpeaker: the latest direct quote before this one, within two
// paragraphs, gives its speaker (and its cue), unless someone else was the subject of a
// sentence in between.
// afterSpeechAct: the quotation opens its sentence, and the sentence
// before it (in its paragraph, or the last of the paragraph before) ends
// in a speech act of someone who can speak, with no quotation of its own:
// "Bystrom agreed. “Mainstream candidates are running out of time.”" The
// quotation is that subject's.
func afterSpeechAct(c *Context, m *Match) bool {
	a := c.A
	s := a.Sentence(m.First)
	si := a.Doc.Tokens[m.First].Sentence
	if si == 0 || m.First != a.Sents[si].Body {
		return false
	}
	prev := a.Doc.Sentences[si-1]
	if s.Paragraph-prev.Paragraph > 1 {
		return false
	}
	lo, hi := a.VGsIn(prev.First, prev.Last)
	for v := hi - 1; v >= lo; v-- {
		vg := &a.VGs[v]
		if vg.Form != clause.Finite {
			continue
		}
		if vg.Negated || vg.Passive || vg.Subject < 0 || a.InQuote(vg.Head) || !(a.In(lexicon.SpeechVerbs, vg.Head) || a.In(lexicon.ActVerbs, vg.Head)) {
			return false
		}
		for k := prev.First; k <= prev.Last; k++ {
			if a.InQuote(k) {
				return false
			}
		}
		e := c.Ents.Of(int(vg.Subject))
		if e < 0 || !someone(c, e) {
			return false
		}
		sp := none(m.First, m.First-1)
		sp.Name, sp.Entity = "speaker", e
		m.Captures = append(m.Captures, sp)
		return true
	}
	return false
}

// sameSpeakerAgain: the second attribution of a twice-broken quotation
// (capture _again) names the speaker of the first: "“…,” Ribeiro said,
// “…,” she added, “…”", not "“…,” Berg added".
func sameSpeakerAgain(c *Context, m *Match) bool {
	sp, ok1 := m.One("speaker")
	again, ok2 := m.One("_again")
	if !ok1 || !ok2 {
		return false
	}
	e := c.EntityOf(sp)
	return e >= 0 && e == c.EntityOf(again)
}

// someone: entity e is a person, organisation, source or pair.
func someone(c *Context, e int) bool {
	switch c.Ents.Ents[e].Kind {
	case entity.Person:
		return c.Ents.Plausible(e)
	case entity.Org, entity.Source, entity.Pair:
		return true
	}
	return false
}

func continuesSpeaker(c *Context, m *Match) bool {
	a := c.A
	para := a.Para(m.First)
	start := sort.Search(len(c.Reports), func(i int) bool { return c.Reports[i].First >= m.First })
	for j := start - 1; j >= 0; j-- {
		r := c.Reports[j]
		if r.Last >= m.First || r.Describes {
			continue
		}
		if r.Speaker < 0 || para-a.Para(r.First) > 2 || c.otherSubjectBetween(r.Speaker, r.Last, m.First) {
			return false
		}
		speaker := r.Speaker
		if other := c.pairPartnerBetween(speaker, r.Last, m.First); other >= 0 && c.spokenOf(speaker, m.First, m.Last) {
			// "They talked about … “He is thankful for our support … to
			// whom I proposed …”": after a sentence about the two of
			// them, a quote that speaks of that speaker while its own
			// speaker says "I" is the other person's
			speaker = other
		}
		sp := none(m.First, m.First-1)
		sp.Name, sp.Entity, sp.Value = "speaker", speaker, r.Cue // the continued quote's cue attributes this one too
		m.Captures = append(m.Captures, sp)
		return true
	}
	return false
}

// spokenOf: the quotation in tokens [first, last] refers to entity e as
// "he" or "she" and has a speaker of its own who says "I" or "me".
func (c *Context) spokenOf(e, first, last int) bool {
	a := c.A
	third, own := false, false
	lo, hi := a.NPsIn(first, last)
	for n := lo; n < hi; n++ {
		np := &a.NPs[n]
		if np.Kind != clause.KindPronoun {
			continue
		}
		switch np.Value {
		case lexicon.He, lexicon.She:
			third = third || c.Ents.Of(n) == e
		case lexicon.I:
			own = true
		}
	}
	return third && own
}

// narrativeSubjects yields the verb groups between tokens from and to,
// outside quotations, whose subject is an entity, with that entity.
func (c *Context) narrativeSubjects(from, to int) iter.Seq2[*clause.VG, int] {
	return func(yield func(*clause.VG, int) bool) {
		a := c.A
		lo, hi := a.VGsIn(from+1, to-1)
		for i := lo; i < hi; i++ {
			vg := &a.VGs[i]
			if vg.Subject < 0 || a.InQuote(vg.Head) {
				continue
			}
			if e := c.Ents.Of(int(vg.Subject)); e >= 0 && !yield(vg, e) {
				return
			}
		}
	}
}

// pairPartnerBetween: a verb group between tokens from and to (outside
// quotations) has for its subject a pair with e in it ("They talked
// about …"); the pair's other person is returned when they are a person
// with no quote of their own yet (in a readout, its issuer), else -1.
func (c *Context) pairPartnerBetween(e, from, to int) int {
	for _, p := range c.narrativeSubjects(from, to) {
		if c.Ents.Ents[p].Kind != entity.Pair || len(c.Ents.Ents[p].Members) != 2 || !slices.Contains(c.Ents.Ents[p].Members, e) {
			continue
		}
		o := c.Ents.Ents[p].Members[0]
		if o == e {
			o = c.Ents.Ents[p].Members[1]
		}
		if c.Ents.Ents[o].Kind == entity.Person && !c.hasReport(o) {
			return o
		}
	}
	return -1
}

// hasReport: entity e speaks in a report found so far. The other person
// of an exchange who has not spoken yet is the one whose office issued
// the readout; one quoted already is just another source.
func (c *Context) hasReport(e int) bool {
	for _, r := range c.Reports {
		if r.Speaker == e {
			return true
		}
	}
	return false
}

// otherSubjectBetween: a person other than e is the subject of a verb
// outside quotations between tokens from and to.
func (c *Context) otherSubjectBetween(e, from, to int) bool {
	for vg, o := range c.narrativeSubjects(from, to) {
		if o == e {
			continue
		}
		switch c.Ents.Ents[o].Kind {
		case entity.Person:
			return true
		case entity.Source, entity.Org:
			// "“…,” Lee said. Critics disagree. “…”": another source
			// that speaks takes the floor.
			if c.A.In(lexicon.SpeechVerbs, vg.Head) && !slices.Contains(c.Ents.Ents[e].Members, o) {
				return true
			}
		}
	}
	return false
}

// unattributedAfter: after the last text capture's closing mark, no
// attribution of its own ("“…,” she added").
func unattributedAfter(c *Context, m *Match) bool {
	texts := m.Get("text")
	if len(texts) == 0 {
		return true
	}
	a := c.A
	last := texts[len(texts)-1].Last
	k := last + 2 // past the closing mark
	if a.Punct(k, ",") {
		k++
	}
	if k >= len(a.Words) || !a.FiniteBetween(k, k) && a.NPStarting(k) < 0 {
		return true
	}
	if newSentenceAfterStop(a, last, k) {
		return true // "… the nation.” He said he will …": the next sentence reports anew
	}
	if v := a.VGAt[k]; v >= 0 && a.In(lexicon.SpeechVerbs, a.VGs[v].Head) {
		return false
	}
	if np := a.NPStarting(k); np >= 0 {
		if v := a.VGAt[a.NPs[np].Last+1]; v >= 0 && a.In(lexicon.SpeechVerbs, a.VGs[v].Head) {
			return false
		}
	}
	return true
}

// newSentenceAfterStop: the quotation's last word, at last, is a full stop
// and token k opens another sentence or paragraph, so what follows k does
// not attribute the quotation ("“…nation.” He said …"). A question or an
// exclamation may still take its attribution after a stop ("“Why?” he asked").
func newSentenceAfterStop(a *clause.Analysis, last, k int) bool {
	toks := a.Doc.Tokens
	if a.Para(k) != a.Para(last) {
		return true
	}
	return a.Punct(last, ".") && toks[k].Sentence != toks[last].Sentence
}

// startsClause: "said the talks were …": the text opens with the subject
// of a finite verb group inside it.
func startsClause(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok {
		return false
	}
	a := c.A
	object, cueTok := int32(-1), -1
	if cue, ok := m.One("cue"); ok && cue.First >= 0 {
		cueTok = cue.First
		// "…,'' said Mr. Lund, who took aim at …": the noun phrase
		// after an inverted verb is its subject, not a clause it reports.
		if v := a.VGAt[cue.First]; v >= 0 && a.VGs[v].Inverted {
			return false
		}
		if v := a.VGAt[cue.First]; v >= 0 {
			object = a.VGs[v].Object
		}
	}

	if !clauseMayStart(a, t) {
		return false
	}
	if a.IsQuoteMark(t.First) && quotationEndsBefore(a, t) {
		t.First++ // "said “it makes me angry” every time …": the clause opens inside the marks
	}
	if a.Is(t.First, clause.Subordinator) {
		return subordinateThenMain(a, t)
	}
	if a.In(lexicon.ClausePrepositions, t.First) {
		return phraseThenClause(a, t)
	}
	for k := t.First; k <= t.Last; k++ {
		v := a.VGAt[k]
		if v < 0 || a.VGs[v].First != k || a.VGs[v].Form != clause.Finite {
			continue // "the six nations involved in …": a participle, not the clause's verb
		}
		vg := &a.VGs[v]
		if vg.Rel >= 0 && a.NPs[vg.Rel].First >= t.First {
			// "said the money [they raised] was spent": a relative clause in
			// the subject; one set off by commas is the subject's to its
			// closing comma ("said the ruling, which struck down limits
			// that states have copied, shows …")
			k = max(k, relativeClosingComma(a, vg, t.Last))
			continue
		}
		if vg.Subject < 0 {
			// "said there are good reasons", "said it is time", "told
			// reporters this was …": an existential or demonstrative
			// subject the chunker leaves out.
			// ("said that was wrong": "that" as the subject, whatever its tag;
			// "said many were unhappy", "said one was a supporter", "said
			// 12 were arrested": a quantity standing for its noun)
			// ("said there certainly was room": adverbs may come between)
			if a.Low[t.First] == "the" && k == t.First+2 && a.In(lexicon.SubstituteWords, t.First+1) {
				return true // "said the other would be liable"
			}
			return adverbsOnly(a, t.First+1, k-1) && (a.Is(t.First, clause.Existential) || a.Is(t.First, clause.Complementizer) ||
				a.Tag(t.First) == "DT" && !a.Is(t.First, clause.Definite) || a.Is(t.First, clause.Quantifier) || a.Tag(t.First) == "CD") ||
				longSubject(a, cueTok, object, t.First, k)
		}
		return subjectOpens(a, t, int(vg.Subject), object) || longSubject(a, cueTok, object, t.First, k)
	}
	return false
}

// relativeClosingComma: relative verb group vg opens a clause set off by
// a comma (", which struck down …,"): the comma that closes it, before
// token last, or -1.
func relativeClosingComma(a *clause.Analysis, vg *clause.VG, last int) int {
	rel := vg.First - 1
	if !a.Is(rel, clause.Relative) && vg.Subject >= 0 && a.NPs[vg.Subject].First < vg.First {
		rel = a.NPs[vg.Subject].First - 1 // ", whose court struck …"
	}
	if rel < 1 || !a.Is(rel, clause.Relative) || !a.Punct(rel-1, ",") {
		return -1
	}
	for j := vg.Last + 1; j <= last; j++ {
		if a.Punct(j, ",") && !a.InQuote(j) {
			return j
		}
	}
	return -1
}

// quotationEndsBefore: the quotation that opens text t closes before
// its end, and a finite verb of the clause comes after it ("“it makes me
// angry” every time she thinks of it"); a clause that is all quotation,
// or the quotation and a phrase, is a direct quote's.
// After a comma or a colon ("said, “…” for second place") the quotation
// is the direct quote, and a finite verb right after it is the verb of a
// sentence the reporting phrase is in ("the share saying “…” rose").
func quotationEndsBefore(a *clause.Analysis, t Capture) bool {
	if p := t.First - 1; p >= 0 && (a.Punct(p, ",") || a.Punct(p, ":")) {
		return false
	}
	k := t.First + 1
	for k <= t.Last && a.InQuote(k) {
		k++
	}
	if k >= t.Last || !a.IsQuoteMark(k) {
		return false
	}
	if v := a.VGAt[k+1]; v >= 0 && a.VGs[v].First == k+1 && (a.VGs[v].Form == clause.Finite || a.VGs[v].Form == clause.Participle) {
		return false
	}
	// a phrase after the marks ("“…” in the party") leaves the quotation
	// the quote; a verb of its own ("“…” every time she thinks of it")
	// makes the clause more than the quotation
	for j := k + 1; j <= t.Last && !a.Punct(j, ","); j++ {
		if v := a.VGAt[j]; v >= 0 && a.VGs[v].First == j && a.VGs[v].Form == clause.Finite && a.VGs[v].Rel < 0 {
			return true // not "“…” before the meeting, which was held …"
		}
	}
	return false
}

// ownerOfNoun: a speaker before the cue noun owns it: the noun's phrase
// has the speaker's phrase as its possessor ("Berg's claim that …"). A
// speaker after the noun ("warnings by the ministry") needs nothing.
func ownerOfNoun(c *Context, m *Match) bool {
	sp, ok1 := m.One("speaker")
	cue, ok2 := m.One("cue")
	if !ok1 || !ok2 || sp.First > cue.First {
		return true
	}
	a := c.A
	n := a.NPAt[cue.First]
	return sp.NP >= 0 && n >= 0 && int(a.NPs[n].Possessor) == sp.NP
}

// cueTakesNoClause: the cue of an attribution after its text is not
// followed by "that", a complementizer there: then it reports the clause
// after it ("In a study they wrote, the economists estimated that …").
func cueTakesNoClause(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	if !ok || cue.Last < 0 {
		return true
	}
	a := c.A
	k := cue.Last + 1
	return k >= len(a.Words) || a.Low[k] != "that" || a.Doc.Tokens[k].Sentence != a.Doc.Tokens[cue.Last].Sentence
}

// nounClauseEnd cuts the text, a noun's content clause, before the verb
// of the sentence the noun is the subject of: a finite verb group after
// the clause's own, with no noun phrase, comma or coordinator between
// them ("Berg's claim that the plan would fail proved wrong").
func nounClauseEnd(c *Context, m *Match) bool {
	a := c.A
	for i := range m.Captures {
		t := &m.Captures[i]
		if t.Name != "text" {
			continue
		}
		prev := -1
		for k := t.First; k <= t.Last; k++ {
			v := a.VGAt[k]
			if v < 0 || a.VGs[v].First != k || a.VGs[v].Form != clause.Finite && (prev < 0 || a.VGs[v].Form != clause.Participle) {
				continue // the second may be a past the tagger read as a participle
			}
			if prev >= 0 && bareGap(a, prev+1, k-1) {
				t.Last = a.TrimEnd(t.First, k-1)
				return t.Last >= t.First
			}
			prev = a.VGs[v].Last
			k = prev
		}
	}
	return true
}

// bareGap: tokens from to to hold no noun phrase, punctuation or
// coordinator: nothing that could open a clause of its own.
func bareGap(a *clause.Analysis, from, to int) bool {
	for k := from; k <= to; k++ {
		if a.NPAt[k] >= 0 || a.RoleLen(k, clause.Coordinator) > 0 || a.Tag(k) == "," || a.Tag(k) == ":" {
			return false
		}
	}
	return true
}

// cueNoObject: the cue's verb group has no object ("As the minister said
// goodbye, the crowd cheered" reports nothing).
func cueNoObject(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	if !ok || cue.First < 0 {
		return true
	}
	v := c.A.VGAt[cue.First]
	return v < 0 || c.A.VGs[v].Object < 0
}

// notSaidOf: the cue is not followed by "of" or "about" ("said of the
// encounter he had with Trump": what was said is elsewhere).
func notSaidOf(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	if !ok || cue.Last < 0 {
		return true
	}
	w := c.A.Low[cue.Last+1]
	return w != "of" && w != "about"
}

// clauseMayStart: a content clause may open text t where it does: not
// inside a time expression or a noun phrase, nor right after a
// preposition, whose object the words are.
func clauseMayStart(a *clause.Analysis, t Capture) bool {
	if tm, ok := a.TimeCovering(t.First); ok && (tm.First < t.First || tm.Last < t.Last && a.NPAt[tm.Last+1] >= 0) {
		return false // "said (on) Thursday his biggest worry is …": the time goes with "said"
	}
	if p := t.First - 1; a.Tag(p) == "IN" && !a.Is(p, clause.Complementizer) && !a.Is(p, clause.Subordinator) {
		return false // "said at a rally …": the object of a preposition, not a clause
	}
	if n := a.NPAt[t.First]; n >= 0 && a.NPs[n].First < t.First {
		return false // "said in a [statement …]": no clause starts inside a noun phrase
	}
	if p := a.Tag(t.First - 1); p == "PRP$" && a.Low[t.First-1] != "her" || p == "POS" || p == "DT" {
		return false // "said aboard his [campaign plane …]": a determiner's noun, not a clause
	}
	if a.Is(t.First, clause.Complementizer) || a.Low[t.First] == "which" || a.Low[t.First] == "who" {
		// "said in a film [that showed …]": after a noun, a relative clause on it
		return !strings.HasPrefix(a.Tag(t.First-1), "NN")
	}
	return true
}

// forSubjectInfinitive: text t opens with "for", a noun phrase and a
// to-infinitive: the subject of an extraposed infinitive ("for Democrats
// to put the idea forward").
func forSubjectInfinitive(a *clause.Analysis, t Capture) bool {
	n := a.NPStarting(t.First + 1)
	if n < 0 {
		return false
	}
	v := a.VGAt[a.NPs[n].Last+1]
	return v >= 0 && a.VGs[v].Form == clause.Infinitive
}

// adverbsOnly: tokens from to to (none when to < from) are all adverbs.
func adverbsOnly(a *clause.Analysis, from, to int) bool {
	for j := from; j <= to; j++ {
		if t := a.Tag(j); t != "RB" && t != "RBR" {
			return false
		}
	}
	return true
}

// longSubject: the text from token from on opens with a long subject
// (subjectRun) before the finite verb at token k, and the cue lets it: a
// verb of asking or telling has its hearer there ("told NBC's morning
// show …"), and a gerund or participle cue with no finite verb before it
// in its sentence, or one right after a noun phrase (not after "with"),
// is part of the subject of the verb after it ("a gunman claiming ties to
// the group killed two guards"). Nor is the verb
// at k the second of a coordinated pair ("claimed a victory in the
// primary but trails in the polls", "said yes and took questions").
func longSubject(a *clause.Analysis, cueTok int, object int32, from, k int) bool {
	if cueTok < 0 {
		return false
	}
	if object >= 0 && a.NPAt[from] == object && a.In(lexicon.RequestVerbs, cueTok) {
		return false
	}
	if v := a.VGAt[cueTok]; v >= 0 && a.VGs[v].Form != clause.Finite {
		s := a.Doc.Sentences[a.Doc.Tokens[cueTok].Sentence]
		if !a.FiniteBetween(s.First, cueTok-1) {
			return false
		}
		if n := a.NPAt[cueTok-1]; n >= 0 && !a.Is(a.NPs[n].First-1, clause.Partner) {
			return false // "after a man claiming ties to the group killed …", but "with 60% saying …"
		}
	}
	if a.Tag(k-1) == "POS" || a.Tag(from-1) == "IN" && !a.Is(from-1, clause.Complementizer) {
		// "assured him of Korea's continued support": a noun phrase, the
		// object of a preposition, with a participle in it
		return false
	}
	j := k - 1
	for j > from && (a.Tag(j) == "RB" || a.Tag(j) == "RBR") {
		j--
	}
	if a.Tag(j) == "CC" || a.Is(j, clause.Coordinator) {
		return false
	}
	return subjectRun(a, from, k-1)
}

// subjectRun: tokens [from, to], right before the text's first finite
// verb, are one long subject, however the chunker linked the verb: a noun
// phrase (or a quantity, or a gerund) with what modifies it —
// prepositional phrases, infinitives, participles, adverbs, a
// coordinated noun phrase: "said about half of the new spending in its
// budget reflected …", "said much of his talk with the mayor was …",
// "said seeing so many officers at the parade was …", "said the efforts
// to curb the use of drugs by teenagers have been …". Not a run with a
// comma, a relative or subordinate clause, or a noun phrase right after
// another ("told a gathering in Busan the talks were …", "said nothing
// about the plans the firm had"): those are an object and what follows
// it.
func subjectRun(a *clause.Analysis, from, to int) bool {
	if to < from || to-from > 24 || !opensSubject(a, from) {
		return false
	}
	nominal := false
	for k := from; k <= to; k++ {
		if n := a.NPAt[k]; n >= 0 {
			nominal = true
			np := &a.NPs[n]
			if np.First == k && k > from && a.NPAt[k-1] >= 0 && a.NPAt[k-1] != n && !sideBySide(a, int(a.NPAt[k-1]), int(n), from) {
				return false // two noun phrases side by side: an object and a clause
			}
			continue
		}
		if v := a.VGAt[k]; v >= 0 {
			if a.VGs[v].Form == clause.Finite {
				return false
			}
			nominal = nominal || k == from
			continue
		}
		if !subjectRunWord(a, k) {
			return false
		}
	}
	return nominal
}

// sideBySide: noun phrase n, right after noun phrase prev inside a long
// subject starting at from, belongs to it: prev is its possessor ("its
// budget"), n is a time ("the race this time"), or prev is the first
// object of a participle or gerund ("polls showing him a distant
// second": a pronoun in its object form).
func sideBySide(a *clause.Analysis, prev, n, from int) bool {
	if a.NPs[n].Possessor == int32(prev) {
		return true
	}
	if _, ok := a.TimeCovering(a.NPs[n].First); ok {
		return true
	}
	b := a.NPs[prev].First - 1
	if v := a.VGAt[b]; b >= from && v >= 0 && a.VGs[v].Form != clause.Finite {
		// the first of two objects is a pronoun in its object form
		return a.NPs[prev].Kind == clause.KindPronoun && a.NPs[prev].First == a.NPs[prev].Last &&
			!a.Is(a.NPs[prev].First, clause.Nominative) && !a.Is(a.NPs[n].First, clause.Nominative)
	}
	return false
}

// opensSubject: token k may open a long subject: a noun phrase that is no
// pronoun in its object form, a quantity ("about half of", "much of"), or
// a gerund.
func opensSubject(a *clause.Analysis, k int) bool {
	if n := a.NPAt[k]; n >= 0 && a.NPs[n].First == k {
		return a.NPs[n].Kind != clause.KindPronoun || a.Is(k, clause.Nominative)
	}
	if v := a.VGAt[k]; v >= 0 && a.VGs[v].First == k {
		// not after a comma: "…, Ribeiro added, reflecting the lead she
		// has": a participle phrase
		return a.VGs[v].Form == clause.Gerund && !a.Punct(k-1, ",")
	}
	switch a.Tag(k) {
	case "DT", "PDT", "JJ", "JJS", "JJR", "RB", "CD":
		return true
	}
	return a.Is(k, clause.Quantifier) || a.Low[k] == "about"
}

// subjectRunWord: token k, outside any chunk, may stand inside a long
// subject: a preposition (not a complementizer or subordinator), "to", an
// adverb, adjective, number, determiner, possessive or coordinator.
func subjectRunWord(a *clause.Analysis, k int) bool {
	if a.Is(k, clause.Complementizer) || a.Is(k, clause.Relative) || a.Is(k, clause.Subordinator) || a.Is(k, clause.Place) {
		return false
	}
	switch a.Tag(k) {
	case "IN", "TO", "RB", "RBR", "RBS", "RP", "JJ", "JJR", "JJS", "CD", "DT", "PDT", "POS", "CC", "NN", "NNS", "NNP", "NNPS":
		return true
	}
	return false
}

// subordinateThenMain: the text t opens with a subordinate clause and
// goes on with a main clause: "says if she stayed the night there she would be
// …", "said when the talks end the troops will leave". Two finite verb
// groups with subjects of their own are needed; one is a time or
// condition of the cue itself ("said when he arrived").
func subordinateThenMain(a *clause.Analysis, t Capture) bool {
	n := 0
	lo, hi := a.VGsIn(t.First, t.Last)
	for v := lo; v < hi; v++ {
		vg := &a.VGs[v]
		if vg.Form == clause.Finite && vg.Subject >= 0 && a.NPs[vg.Subject].First > t.First {
			n++
		}
	}
	if n == 1 {
		// "said if elected she would …", "said when asked she had …": a
		// subordinate clause cut to its participle, then the main clause
		g := a.VGAt[t.First+1]
		return g >= 0 && a.VGs[g].First == t.First+1 && a.VGs[g].Form == clause.Participle
	}
	return n >= 2
}

// phraseThenClause: text t opens with a prepositional phrase set off by a
// comma, with no finite verb of its own, and the clause after the comma
// opens with the subject of its first finite verb: "says despite being an
// alumna, she plans to …", "said despite all that, the mayor was …".
func phraseThenClause(a *clause.Analysis, t Capture) bool {
	for c := t.First + 1; c <= t.Last && c <= t.First+14; c++ {
		if a.InQuote(c) || !a.Punct(c, ",") {
			continue
		}
		if a.FiniteBetween(t.First, c-1) {
			return false
		}
		lo, hi := a.VGsIn(c+1, t.Last)
		for v := lo; v < hi; v++ {
			if vg := &a.VGs[v]; vg.Form == clause.Finite {
				return vg.Subject >= 0 && a.NPs[vg.Subject].First == c+1
			}
		}
		return false
	}
	return false
}

// subjectOpens: the text t opens with subject, the subject of its first
// finite verb group, or with words that belong to it; object is the
// cue's object (or -1).
func subjectOpens(a *clause.Analysis, t Capture, subject int, object int32) bool {
	first := a.Conjuncts(subject)[0]
	for a.NPs[first].Of >= 0 {
		first = int(a.NPs[first].Of)
	}
	start := a.NPs[first].First
	if p := a.NPs[first].Possessor; p >= 0 {
		start = min(start, a.NPs[p].First)
	}
	if postmodifiedSubject(a, t.First, start-1) && !hearerLike(a, a.NPStarting(t.First)) {
		// "said the decision to delay the vote was …": the noun phrase
		// the clause opens with is the subject, even when the chunker took
		// it for the verb's object
		return true
	}
	if object >= 0 && int32(first) != object && a.NPAt[t.First] == object &&
		(a.NPs[first].Kind == clause.KindPronoun || a.Is(a.NPs[first].First, clause.Determiner)) {
		// "told POLITICO she was …": the verb's object, then the
		// clause ("say Republican turnout is …" is one phrase)
		return false
	}
	if g := a.VGAt[t.First]; g >= 0 && a.VGs[g].First == t.First && start > t.First {
		// "said selling cars has been hard": a gerund subject; but
		// "…, she added, reflecting the advantage she has": a participle
		// phrase, whatever clause it holds
		return a.VGs[g].Form == clause.Gerund && a.GerundSubject(int(g), t.Last)
	}
	return start == t.First || nominalRun(a, t.First, start-1) && a.Tag(t.First-1) != "IN" || quantifierRun(a, t.First, start-1) ||
		possessiveTime(a, t.First, start)
}

// possessiveTime: tokens from to start-1 are a time and its possessive
// mark before the subject's noun: "said Monday's decision will …", "said
// last week's vote was …".
func possessiveTime(a *clause.Analysis, from, start int) bool {
	if start-1 <= from || a.Tag(start-1) != "POS" {
		return false
	}
	tm, ok := a.TimeCovering(from)
	return ok && tm.First == from && tm.Last == start-2
}

// hearerLike: noun phrase n could be the one told ("told reporters at the
// briefing the plan …"): not a common noun, or a source noun or the
// press.
func hearerLike(a *clause.Analysis, n int) bool {
	if n < 0 {
		return false
	}
	np := &a.NPs[n]
	return np.Kind != clause.KindCommon || a.In(lexicon.SourceNouns, np.Head) || a.Is(np.First, clause.Reporters)
}

// postmodifiedSubject: the clause's subject is the noun phrase at from,
// and tokens up to to are what modifies it: prepositional phrases,
// infinitives and participles ("said the actions to regulate gun sales
// are …", "said the attention on the race helped …"), where the chunker
// linked the verb to the nearest noun instead. A comma, a relative or a
// complementizer ends the run: "said the man who met her was …" is read
// as written elsewhere.
func postmodifiedSubject(a *clause.Analysis, from, to int) bool {
	n := a.NPStarting(from)
	if n < 0 || to <= a.NPs[n].Last || to-from > 14 {
		return false
	}
	if a.NPAt[to] >= 0 && (a.Is(to+1, clause.Determiner) || a.Is(to+1, clause.Nominative)) {
		// "told a gathering in Busan the talks were over": a noun phrase
		// of its own right after another is the subject, not a noun the
		// chunker took out of one
		return false
	}
	for k := a.NPs[n].Last + 1; k <= to; k++ {
		if a.NPAt[k] >= 0 {
			continue
		}
		if v := a.VGAt[k]; v >= 0 {
			if a.VGs[v].Form == clause.Finite {
				return false
			}
			continue
		}
		if a.Is(k, clause.Complementizer) || a.Is(k, clause.Relative) || a.IsQuoteMark(k) {
			return false
		}
		switch a.Tag(k) {
		case "IN", "TO", "DT", "JJ", "JJR", "JJS", "RB", "CD", "POS", "NN", "NNS", "NNP", "NNPS", "VBG", "VBN", "CC":
		default:
			return false
		}
	}
	return true
}

// quantifierRun: tokens [from, to] are a quantifier the chunker left out
// of the subject's noun phrase: "some of", "more than", "about", "nearly
// half of" ("said more than 2 million donors gave …").
func quantifierRun(a *clause.Analysis, from, to int) bool {
	if to < from || to-from > 3 {
		return false
	}
	for k := from; k <= to; k++ {
		switch t := a.Tag(k); {
		case t == "IN":
			// "some of", "more than": not "whether", "if", "because"
			if !a.Is(k, clause.Genitive) && !(k > from && (a.Tag(k-1) == "JJR" || a.Tag(k-1) == "RBR")) {
				return false
			}
		case t == "DT" || t == "PDT" || t == "JJR" || t == "JJS" || t == "RBR" || t == "RB" || t == "CD" || t == "JJ":
		default:
			return false
		}
		if a.VGAt[k] >= 0 || a.NPAt[k] >= 0 || a.Punct(k, ",") {
			return false
		}
	}
	return true
}

// nominalRun: tokens [from, to] are one to three modifiers the chunker
// left out of the subject's noun phrase ("Republican turnout is …").
func nominalRun(a *clause.Analysis, from, to int) bool {
	if to < from || to-from > 2 {
		return false
	}
	for k := from; k <= to; k++ {
		if t := a.Tag(k); !(t == "NNP" || t == "NNPS" || t == "JJ" || t == "NN") || a.VGAt[k] >= 0 {
			return false
		}
	}
	return true
}

// objectThenInfinitive: "NATO to strengthen its unity".
func objectThenInfinitive(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok {
		return false
	}
	a := c.A
	np := a.NPStarting(t.First)
	if np < 0 {
		return false
	}
	owner := np
	for n := 0; n < 8 && a.NPs[np].Conj >= 0; n++ {
		np = int(a.NPs[np].Conj) // "asked Ribeiro, Berg and Mori to …": the list's last member
	}
	if po := a.NPs[np].PossessorOf; po >= 0 {
		np = int(po) // "the rebels' strongholds": the possessed noun heads the object
	}
	v := infinitiveAfterObject(a, np, t.Last)
	if v < 0 {
		return false
	}
	// "requested anonymity to speak": no one is asked; but "asked her
	// assistant to …", "called for the wage to be raised", "urged the
	// rest of the party to …"
	return askable(a, &a.NPs[owner]) || askable(a, &a.NPs[np]) || askable(a, ofComplement(a, np)) || a.VGs[v].Passive
}

// ofComplement is the noun phrase after "of" right after np ("the rest
// of the party"), or nil.
func ofComplement(a *clause.Analysis, np int) *clause.NP {
	k := a.NPs[np].Last + 1
	if k+1 >= len(a.Words) || a.Low[k] != "of" || a.NPAt[k+1] < 0 {
		return nil
	}
	return &a.NPs[a.NPAt[k+1]]
}

// askable: noun phrase n names someone who can be asked to act: anything
// but a common noun, or one of a source, an organisation or a group of
// people.
func askable(a *clause.Analysis, n *clause.NP) bool {
	return n != nil && (n.Kind != clause.KindCommon || a.In(lexicon.SourceNouns, n.Head) || a.In(lexicon.OrgHeads, n.Head) || a.IsGroupOfPeople(n) ||
		a.Is(n.First, clause.Definite) && a.Low[n.First] == "the") // "urged the technology industry to …"; not "requested anonymity"
}

// infinitiveAfterObject is the to-infinitive verb group after the object
// np, within last: right after it, or after its prepositional phrases or
// a phrase set off by commas ("the strongholds in the north to be hit",
// "the wage, now $7 an hour, to be raised"); -1 when another verb group
// comes first.
func infinitiveAfterObject(a *clause.Analysis, np, last int) int {
	for k := a.NPs[np].Last + 1; k <= last && k <= a.NPs[np].Last+12; k++ {
		if a.Is(k, clause.Complementizer) || a.IsQuoteMark(k) {
			return -1 // "told reporters outside the hall that “to be …”"
		}
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].First == k {
			if a.VGs[v].Form != clause.Infinitive || k > a.NPs[np].Last+4 && !a.Punct(k-1, ",") && a.Tag(a.NPs[np].Last+1) != "IN" {
				return -1
			}
			return int(v)
		}
	}
	return -1
}

// infinitiveText: the text is a to-infinitive ("to stay neutral"), or an
// object and its to-infinitive ("the banks to lower their fees") after
// "for".
func infinitiveText(c *Context, m *Match) bool {
	t, ok := m.One("text")
	if !ok || t.First < 1 {
		return false
	}
	a := c.A
	if a.Low[t.First-1] == "for" {
		if !objectThenInfinitive(c, m) {
			return false
		}
	} else if v := a.VGAt[t.First]; v < 0 || a.VGs[v].First != t.First || a.VGs[v].Form != clause.Infinitive {
		return false
	}
	for i := range m.Captures {
		if m.Captures[i].Name == "text" {
			cutAtMainVerb(a, &m.Captures[i])
			return m.Captures[i].Last >= m.Captures[i].First
		}
	}
	return true
}

// cutAtMainVerb ends a text that is a to-infinitive before the first
// finite verb no relative, complementizer or subordinator opens a clause
// for: the verb of the sentence the noun is the subject of ("his promise
// to stay neutral in the talks worried the unions").
func cutAtMainVerb(a *clause.Analysis, t *Capture) {
	for k := t.First + 1; k <= t.Last; k++ {
		if a.Is(k, clause.Complementizer) || a.Is(k, clause.Subordinator) || strings.HasPrefix(a.Tag(k), "W") {
			return
		}
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].First == k && a.VGs[v].Form == clause.Finite {
			end := k - 1
			if sj := a.VGs[v].Subject; sj >= 0 && a.NPs[sj].First > t.First+1 && a.NPs[sj].First < k && a.Punct(a.NPs[sj].First-1, ",") {
				end = a.NPs[sj].First - 2 // "… call to quit, he still leads": the main clause after a comma
			}
			t.Last = a.TrimEnd(t.First, end)
			return
		}
	}
}

// requestClauseEnd cuts the text of a request before a predicate
// coordinated with the cue's verb ("called on Y to retract and said …":
// "said" is the speaker's own verb, not part of the request).
func requestClauseEnd(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	if !ok || cue.VG < 0 {
		return true
	}
	a := c.A
	for i := range m.Captures {
		t := &m.Captures[i]
		if t.Name != "text" {
			continue
		}
		for k := t.First + 1; k <= t.Last; k++ {
			if v := a.VGAt[k]; v >= 0 && a.VGs[v].First == k && int(a.VGs[v].Coord) == cue.VG {
				end := k - 1
				for end > t.First && (a.RoleLen(end, clause.Coordinator) > 0 || a.Punct(end, ",") || a.Tag(end) == "RB") {
					end--
				}
				t.Last = a.TrimEnd(t.First, end)
				return t.Last >= t.First
			}
		}
	}
	return true
}

func noSubject(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	return ok && cue.VG >= 0 && c.A.VGs[cue.VG].Subject < 0
}

func init() {
	for name, h := range map[string]Hook{
		"exchange-owner":      exchangeOwner,
		"several":             several,
		"several-people":      severalPeople,
		"clause-subject-as-b": clauseSubjectAsB,
		"compound-parties":    compoundParties,
		"possessor-actor":     possessorActor,
		"hope-own-side":       hopeOwnSide,
		"own-side-or-report":  ownSideOrReport,
		"cue-ends-in-to":      cueEndsInTo,
		"cue-affirmative":     cueAffirmative,
		"side-in-report":      sideInReport,
		"continue-has-object": continueHasObject,
		"action-no-clause":    actionNoClause,
		"to-not-on-object":    toNotOnObject,
		"joint-actor":         jointActor,
		"not-a-reference":     notAReference,
		"not-a-topic":         notATopic,
		"one-way-channel":     oneWayChannel,
		"not-predicative":     notPredicative,
		"not-between":         notBetween,
		"parenthetical-parts": parentheticalParts,
		"no-reason-after":     noReasonAfter,
		"we-both":             weBoth,
		"office-pair":         officePair,
	} {
		hooks[name] = h
	}
	for name, doc := range map[string]string{
		"exchange-owner":      "who had the exchange a noun names: its possessor (\"his call with\"), the subject of the verb it is the object of (\"X held talks with\"), the subject of the clause it opens (\"During a call with Y, X said\"), or of the sentence before",
		"several":             "the a capture is several parties: coordinated (\"A and B\") or a pair (\"the two leaders\")",
		"several-people":      "the a capture is several people, each a person: coordinated (\"Lee and Herrera\") or a pair of persons (countries that \"discussed\" something need not have talked)",
		"clause-subject-as-b": "the other party is the subject of the main clause (\"At the invitation of A, B visited …\")",
		"compound-parties":    "a hyphenated pair of gazetteer names before the noun gives both parties (\"US-China talks\", \"South Korea-Colombia talks\")",
		"possessor-actor":     "the actor is the possessor inside the action (\"assured Rutte of South Korea's continued support\"), else the subject",
		"hope-own-side":       "an intent cue's clause, or a clause reported by a verb of hoping, is the hoper's own: its subject is the hoper, I or we, or a side the hoper is known to speak for (\"hoped that Ghana would …\" is a hope about Ghana, no pledge)",
		"own-side-or-report":  "inside a quote, the actor is the speaker's side; outside, the actor is a party, not a document (an itinerary the article states as fact: \"X opened the forum and will then travel to Y\")",
		"cue-ends-in-to":      "the cue phrase ends in \"to\" and a noun phrase follows (\"commitment to the defense of …\")",
		"cue-affirmative":     "the cue's verb group is not negated, nor an adjective cue (\"is not ready to\") (\"I don't want to go into details\" pledges nothing)",
		"side-in-report":      "inside a quote, the actor is the speaker's side (another party's plans are no pledge) or expletive \"it\" of an agentless passive (\"‘it was agreed to …’\", the parties' joint act); outside, anyone",
		"continue-has-object": "the verb of going on has what goes on after it: a to-infinitive, a gerund or an object (\"the talks continued\" pledges nothing)",
		"joint-actor":         "the parties who act together are the actor: the pair of an exchange the sentence reports, else the article's principal parties (\"Plans are in place to hold …\" in a readout of their call)",
		"to-not-on-object":    "the to-infinitive does not follow the cue's object and more words, where it goes with the last noun (\"pledged increased cooperation against efforts to destabilise …\": the efforts destabilise); right after a recipient it is the cue's (\"promised the farmers to cut taxes\")",
		"action-no-clause":    "the action is a noun phrase and what it governs, with no finite verb nor \"that\" of its own, nor a finite verb after it before a comma (\"pledged increased cooperation against …\", not \"promised the people that …\" or \"promises the government will help\"), and the cue is no modifier of a noun (\"the gap in pledged delegates\")",
		"not-a-topic":         "the exchange noun is not the object of a speech act (\"discussed the Brazil-Argentina negotiations\" names a topic)",
		"not-a-reference":     "an exchange noun after \"following\", \"after\" or \"before\" with a partner other than \"with\" refers to another exchange, not the subject's (\"…, following a similar briefing to NATO\"), unless it opens the sentence with \"from\" (\"After a call from X, Y said\")",
		"one-way-channel":     "the exchange is a briefing, a letter or a message: one party gives it, the other receives it",
		"not-predicative":     "the exchange noun is not what a form of be says something is (\"It was their third meeting\" refers to an exchange, it reports none)",
		"no-reason-after":     "no comma and reason clause, nor a comma, a preposition and a gerund, follows the cue (\"…, he said, because …\", \"…, he said, by creating …\"): the parenthetical rule makes them part of the clause",
		"parenthetical-parts": "the attribution is no relative clause (\"X, a lawyer who advised the mayor, said …\"), and the part after it opens neither with a participle (\"…, X said, adding that …\" is inverted) nor with a quotation mark (\"During the call, X said, “…”\" is a direct quote)",
		"not-between":         "the exchange noun (the channel, or the noun a pledge's action opens with) does not name its own parties after \"between\" (\"at an upcoming meeting between their two leaders\" is the leaders', not the subject's)",
		"office-pair":         "a party that is a definite plural title of office stands for the pair it means (\"a meeting between the foreign ministers\": the two people last named who hold that office, else the countries of the people last named)",
		"we-both":             "the _we capture is \"we\" in a quote whose speaker is known, and the quote named a person before it: \"we both\" is the speaker (a) and that person (b) (\"I spoke to X … We both agreed to meet\")",
	} {
		HookDocs[name] = doc
	}
	hookAdds["exchange-owner"] = []string{"a"}
	hookAdds["clause-subject-as-b"] = []string{"b"}
	hookAdds["compound-parties"] = []string{"a", "b"}
	hookAdds["possessor-actor"] = []string{"actor"}
	hookAdds["we-both"] = []string{"a", "b"}
}

// officePair: each a or b capture that is a definite plural title of
// office ("the foreign ministers") becomes the pair it stands for
// (entity.Set.OfficePair); it never fails.
func officePair(c *Context, m *Match) bool {
	for i := range m.Captures {
		cp := &m.Captures[i]
		if (cp.Name != "a" && cp.Name != "b") || cp.NP < 0 || cp.Entity >= 0 {
			continue
		}
		if e := c.Ents.OfficePair(cp.NP); e >= 0 {
			cp.Entity, cp.NP = e, -1
		}
	}
	return true
}

// weBoth: "we both" in a quote ("I spoke to X … We both agreed to meet
// soon") is the quote's speaker and the person the quote named last
// before it: they become a and b.
func weBoth(c *Context, m *Match) bool {
	we, ok := m.One("_we")
	if !ok || we.NP < 0 {
		return false
	}
	a := c.A
	np := &a.NPs[we.NP]
	if np.Kind != clause.KindPronoun || np.Value != lexicon.We {
		return false
	}
	rep, in := c.ReportAt(np.First)
	if !in || rep.Speaker < 0 {
		return false
	}
	for n := int(we.NP) - 1; n >= 0 && a.NPs[n].First >= rep.First; n-- {
		e := c.Ents.Of(n)
		if e < 0 || e == rep.Speaker || c.Ents.Ents[e].Kind != entity.Person {
			continue
		}
		m.Captures = append(m.Captures, entityCapture("a", rep.Speaker, np.First), entityCapture("b", e, np.First))
		return true
	}
	return false
}

// entityCapture is a capture that stands for an entity, for the hooks
// that name a party or actor the pattern could not reach.
func entityCapture(name string, e, at int) Capture {
	c := none(at, at-1)
	c.Name, c.Entity = name, e
	return c
}

// npCapture is a capture of NP n.
func (c *Context) npCapture(name string, n int) Capture {
	np := &c.A.NPs[n]
	cp := none(np.First, np.Last)
	cp.Name, cp.NP = name, n
	return cp
}

func exchangeOwner(c *Context, m *Match) bool {
	ch, ok := m.One("channel")
	if !ok || ch.NP < 0 {
		return false
	}
	if _, has := m.One("a"); has {
		return true
	}
	n := c.owner(ch.NP)
	if n < 0 {
		return false
	}
	m.Captures = append(m.Captures, c.npCapture("a", n))
	return true
}

// owner finds who had the exchange NP n names.
func (c *Context) owner(n int) int {
	a := c.A
	np := &a.NPs[n]
	v := a.ObjectVG(n)
	if v >= 0 && a.VGs[v].Form == clause.Gerund && a.Is(a.VGs[v].Head, clause.Subordinator) &&
		(a.VGs[v].Subject < 0 || c.Ents.Of(int(a.VGs[v].Subject)) < 0) {
		// "X and Y gave a press conference following talks": "following"
		// is a preposition, and the talks are not the press conference's.
		v = -1
	}
	if w := a.ObjectVG(int(np.Possessor)); w >= 0 && (v < 0 || w < v) {
		v = w
	}
	if v >= 0 && a.VGs[v].Subject >= 0 {
		// "X held talks with Y", "X held the ministers' talk with Y";
		// "X's visit included a meeting with Y": X.
		vg := &a.VGs[v]
		if subj := &a.NPs[vg.Subject]; c.Ents.Of(int(vg.Subject)) < 0 && subj.Possessor >= 0 {
			return int(subj.Possessor)
		}
		return int(vg.Subject)
	}
	if np.Possessor >= 0 && (c.Ents.Of(int(np.Possessor)) >= 0 || a.NPs[np.Possessor].Kind != clause.KindPronoun) {
		return int(np.Possessor) // "during his call with Y"
	}
	// A possessive pronoun with nothing before it points forward, to the
	// subject of the main clause ("During his call with Y, X said …").
	s := a.Sentence(np.First)
	si := a.Doc.Tokens[np.First].Sentence
	// The subject of the clause the noun's phrase belongs to: of the
	// nearest finite verb group before the noun ("Bush said he and
	// Gorbachev engaged in a telephone conversation": he and Gorbachev),
	// else of the first after it ("During a call with Y, X said …").
	subject := c.nearestSubject(n, s)
	if subject >= 0 {
		return subject
	}
	if np.First <= a.Sents[si].Body+1 && si > 0 && a.Doc.Sentences[si-1].Paragraph == s.Paragraph {
		prev := a.Doc.Sentences[si-1]
		lo, hi := a.VGsIn(prev.First, prev.Last)
		for _, vg := range a.VGs[lo:hi] {
			if vg.Form == clause.Finite && vg.Subject >= 0 {
				return int(vg.Subject)
			}
		}
	}
	return -1
}

// nearestSubject is the subject of the clause NP n belongs to: of the
// nearest finite verb group before it in sentence s, else of the first
// after it; -1 when that is n itself or there is none. It walks out from
// the noun, not from the sentence's start, so a long sentence costs no
// more per noun than a short one.
func (c *Context) nearestSubject(n int, s parser.Sentence) int {
	a := c.A
	np := &a.NPs[n]
	lo, hi := a.VGsIn(s.First, s.Last)
	at := lo + sort.Search(hi-lo, func(i int) bool { return a.VGs[lo+i].Head > np.First })
	fits := func(vg *clause.VG) bool {
		return vg.Form == clause.Finite && vg.Subject >= 0 && a.InQuote(vg.Head) == a.InQuote(np.First) &&
			(vg.Rel < 0 || vg.Rel == vg.Subject)
	}
	for v := at - 1; v >= lo && v >= at-maxSubjectWalk; v-- {
		if vg := &a.VGs[v]; fits(vg) {
			if int(vg.Subject) == n {
				return -1
			}
			return int(vg.Subject)
		}
	}
	for v := at; v < hi && v < at+maxSubjectWalk; v++ {
		if vg := &a.VGs[v]; fits(vg) {
			if int(vg.Subject) == n {
				return -1 // "Meetings are planned there with …": whose, the sentence before says
			}
			return int(vg.Subject)
		}
	}
	return -1
}

// maxSubjectWalk bounds nearestSubject's walk, in verb groups each way.
const maxSubjectWalk = 64

func several(c *Context, m *Match) bool {
	cp, ok := m.One("a")
	if !ok {
		return false
	}
	if cp.NP >= 0 && len(c.A.Conjuncts(cp.NP)) >= 2 {
		return true
	}
	e := c.EntityOf(cp)
	return e >= 0 && len(c.Ents.Ents[e].Members) == 2
}

// severalPeople: the a capture is two or more persons, coordinated or a
// pair.
func severalPeople(c *Context, m *Match) bool {
	cp, ok := m.One("a")
	if !ok {
		return false
	}
	person := func(e int) bool { return e >= 0 && c.Ents.Ents[e].Kind == entity.Person }
	if cp.NP >= 0 {
		if cj := c.A.Conjuncts(cp.NP); len(cj) >= 2 {
			for _, n := range cj {
				if !person(c.Ents.Of(n)) {
					return false
				}
			}
			return true
		}
	}
	e := c.EntityOf(cp)
	if e < 0 || len(c.Ents.Ents[e].Members) != 2 {
		return false
	}
	return person(c.Ents.Ents[e].Members[0]) && person(c.Ents.Ents[e].Members[1])
}

// clauseSubjectAsB: the subject of the clause the match is in: of the
// nearest finite verb group before it, else of the first after it ("At
// the invitation of A, B visited …").
func clauseSubjectAsB(c *Context, m *Match) bool {
	a := c.A
	s := a.Sentence(m.First)
	best := -1
	lo, hi := a.VGsIn(s.First, s.Last)
	for i := lo; i < hi; i++ {
		vg := &a.VGs[i]
		if vg.Form != clause.Finite || vg.Subject < 0 {
			continue
		}
		if vg.First < m.First || best < 0 {
			best = i
		}
		if vg.First > m.First {
			break
		}
	}
	if best < 0 {
		return false
	}
	m.Captures = append(m.Captures, c.npCapture("b", int(a.VGs[best].Subject)))
	return true
}

// compoundParties: "US-China talks", "the India-Pakistan meeting".
func compoundParties(c *Context, m *Match) bool {
	ch, ok := m.One("channel")
	if !ok || ch.NP < 0 {
		return false
	}
	a := c.A
	np := &a.NPs[ch.NP]
	start := np.First
	if n := a.NPEnding(np.First - 1); n >= 0 && a.NPs[n].Kind == clause.KindName {
		start = a.NPs[n].First // "South Korea-Colombia talks": a name of its own before the noun
	}
	for k := start; k < np.Head; k++ {
		w := a.Words[k]
		i := strings.IndexByte(w, '-')
		if i <= 0 || i == len(w)-1 {
			continue
		}
		ea, eb := c.compoundSide(w[:i], k, start, -1), c.compoundSide(w[i+1:], k, np.Head, 1)
		if ea < 0 || eb < 0 || ea == eb {
			continue // "the fourth-round China-US dialogue": a hyphenated modifier before the pair
		}
		m.Captures = append(m.Captures, entityCapture("a", ea, k), entityCapture("b", eb, k))
		return true
	}
	return false
}

// compoundSide is the country or organisation one side of a hyphenated
// pair at token k names: the part of the word, with up to two words
// before it (dir -1, not before token limit: "South Korea-") or after it
// (dir 1, before token limit: "-South Korea"), the longest that names
// one; -1 if none does.
func (c *Context) compoundSide(part string, k, limit, dir int) int {
	a := c.A
	for n := 2; n >= 0; n-- {
		j := k + dir*n
		if dir < 0 && j < limit || dir > 0 && j >= limit {
			continue
		}
		phrase := part
		for step := 1; step <= n; step++ {
			if dir < 0 {
				phrase = a.Words[k-step] + " " + phrase
			} else {
				phrase += " " + a.Words[k+step]
			}
		}
		if e := c.gazetteerEntity(phrase); e >= 0 {
			return e
		}
	}
	return -1
}

// gazetteerEntity is the country or organisation a single word names.
func (c *Context) gazetteerEntity(w string) int {
	lex := c.A.Lex
	if v, ok := lex.Has(lexicon.Places, w); ok {
		return c.Ents.Gazetteer(entity.Place, v, w)
	}
	if v, ok := lex.Has(lexicon.Capitals, w); ok {
		return c.Ents.Gazetteer(entity.Place, v, w)
	}
	if v, ok := lex.Has(lexicon.Organisations, w); ok {
		return c.Ents.Gazetteer(entity.Org, v, w)
	}
	return -1
}

// possessorActor: "assured Rutte of South Korea's continued consultation".
func possessorActor(c *Context, m *Match) bool {
	a := c.A
	for i := range m.Captures {
		act := &m.Captures[i]
		if act.Name != "action" {
			continue
		}
		if n := a.NPStarting(act.First); n >= 0 && a.NPs[n].PossessorOf >= 0 {
			for j := range m.Captures {
				if m.Captures[j].Name == "actor" {
					m.Captures[j].Name = "_subject"
				}
			}
			act.First = a.NPs[a.NPs[n].PossessorOf].First // the action without its possessor
			m.Captures = append(m.Captures, c.npCapture("actor", n))
		}
		return true
	}
	return false
}

// cueEndsInTo: the cue phrase ends in "to" and a noun phrase follows
// ("commitment to the defense of Japan").
func cueEndsInTo(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	if !ok || !c.A.Is(cue.Last, clause.InfinitiveMarker) {
		return false
	}
	return c.A.NPStarting(cue.Last+1) >= 0
}

// hopeOwnSide: a hope or wish that a clause's subject will act pledges
// only the hoper's own side: with an intent cue, or inside a clause
// reported by a verb of hoping ("hoped that Ghana would …"). Other cues
// pass.
func hopeOwnSide(c *Context, m *Match) bool {
	by := -1
	if cue, ok := m.One("cue"); ok {
		if cue.Value != "intent" {
			return true
		}
		if b, ok := m.One("by"); ok {
			by = c.EntityOf(b)
		}
	} else {
		r, ok := c.ReportAt(m.First)
		if !ok || r.Direct {
			return true
		}
		if v, ok := c.A.Lex.Has(lexicon.PledgeCues, strings.ToLower(r.Cue)); !ok || v != "intent" {
			return true
		}
		by = r.Speaker
	}
	act, ok := m.One("actor")
	if !ok {
		return by >= 0 // the hoper's own "I will …"
	}
	if act.NP >= 0 {
		if np := &c.A.NPs[act.NP]; np.Kind == clause.KindPronoun && (np.Value == lexicon.We || np.Value == lexicon.I) {
			return true
		}
	}
	a := c.EntityOf(act)
	return a >= 0 && by >= 0 && c.Ents.SameSide(a, by)
}

func ownSideOrReport(c *Context, m *Match) bool {
	if _, in := c.ReportAt(m.First); in {
		return actorSide(c, m)
	}
	act, ok := m.One("actor")
	if !ok {
		return false
	}
	e := c.EntityOf(act)
	if e < 0 {
		return false
	}
	en := &c.Ents.Ents[e]
	return en.Kind != entity.Document || c.Speaks != nil && c.Speaks(e)
}

func cueAffirmative(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	if !ok {
		return true
	}
	a := c.A
	for k := cue.First - 3; k <= cue.Last; k++ {
		if k >= 0 && a.VGAt[k] >= 0 && a.VGs[a.VGAt[k]].Negated && a.VGs[a.VGAt[k]].Last >= cue.First-1 {
			return false
		}
	}
	return !negatedAdjective(a, cue.First)
}

// negatedAdjective: a negation stands before the cue at token k, outside
// any verb group, perhaps with an adverb between ("is not ready to …",
// "is not yet ready for …"), or a negative determiner ("has no intention
// to …").
func negatedAdjective(a *clause.Analysis, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if a.VGAt[j] >= 0 {
			return false
		}
		if a.In(lexicon.Negations, j) || a.In(lexicon.NegativeDeterminers, j) {
			return true
		}
		if !strings.HasPrefix(a.Tag(j), "RB") {
			return false
		}
	}
	return false
}

func sideInReport(c *Context, m *Match) bool {
	if _, in := c.ReportAt(m.First); !in || expletiveAgentless(c, m) {
		return true
	}
	return actorSide(c, m)
}

// expletiveAgentless: the actor is expletive "it" of an agentless passive
// cue ("‘it was agreed to …’"): the parties' joint act, which the
// extractor gives them, whoever relays it.
func expletiveAgentless(c *Context, m *Match) bool {
	act, ok := m.One("actor")
	return ok && act.NP >= 0 && ExpletiveAgentless(c.A, int(act.NP))
}

// ExpletiveAgentless: noun phrase np is expletive "it" and the subject of
// the agentless passive of a pledge cue right after it ("it was agreed to
// …", "it was decided to …"; not "it was sent by …").
func ExpletiveAgentless(a *clause.Analysis, np int) bool {
	n := &a.NPs[np]
	if n.Kind != clause.KindPronoun || n.Value != lexicon.It || n.Last+1 >= len(a.VGAt) {
		return false
	}
	v := a.VGAt[n.Last+1]
	if v < 0 {
		return false
	}
	vg := &a.VGs[v]
	return int(vg.Subject) == np && vg.Passive && vg.Agent < 0 && !vg.Negated && a.In(lexicon.PledgeCues, vg.Head)
}

// jointActor adds the actor of an impersonal statement of plans in a
// readout ("Plans are in place to hold …"): the parties who act together.
func jointActor(c *Context, m *Match) bool {
	if c.Joint == nil {
		return false
	}
	g := c.Joint(m.First)
	if g < 0 {
		return false
	}
	act := none(m.First, m.First-1)
	act.Name, act.Entity = "actor", g
	m.Captures = append(m.Captures, act)
	return true
}

// toNotOnObject: between the cue and its to-infinitive, a common noun
// phrase right after the cue (its object) and more words after it: the
// infinitive goes with the last noun ("pledged increased cooperation
// against efforts to destabilise …"), not with the cue.
func toNotOnObject(c *Context, m *Match) bool {
	cue, ok1 := m.One("cue")
	act, ok2 := m.One("action")
	if !ok1 || !ok2 {
		return true
	}
	a := c.A
	np := a.NPStarting(cue.Last + 1)
	if np < 0 || a.NPs[np].Kind != clause.KindCommon {
		return true
	}
	if _, ok := a.TimeAt(cue.Last + 1); ok {
		return true // "vowed this week to …"
	}
	end := act.First - 1
	if a.Is(end, clause.InfinitiveMarker) {
		end--
	}
	return a.NPs[np].Last >= end
}

// actionNoClause: the action holds no finite verb and no complementizer:
// a noun phrase with its modifiers, not an object and a clause.
func actionNoClause(c *Context, m *Match) bool {
	act, ok := m.One("action")
	if !ok || act.Last < act.First {
		return false
	}
	a := c.A
	for k := act.First; k <= act.Last+1; k++ {
		if a.Is(k, clause.Complementizer) {
			return false // "promised the farmers that …"
		}
	}
	last := a.Sentence(act.First).Last
	for k := act.Last + 1; k <= last && !a.Punct(k, ","); k++ {
		if a.VGAt[k] >= 0 && a.VGs[a.VGAt[k]].Form == clause.Finite {
			return false // "promises the government will help": a clause without "that"
		}
	}
	if cue, ok := m.One("cue"); ok && cue.First > 0 {
		switch a.Tag(cue.First - 1) {
		case "IN", "DT", "JJ", "JJR", "CD", "PRP$", "POS":
			return false // "the gap in pledged delegates": the cue modifies a noun
		}
	}
	return !a.FiniteBetween(act.First, act.Last)
}

func continueHasObject(c *Context, m *Match) bool {
	act, ok := m.One("action")
	if !ok || act.VG < 0 {
		return false
	}
	a := c.A
	k := a.VGs[act.VG].Last + 1
	if k > act.Last {
		return false
	}
	if v := a.VGAt[k]; v >= 0 && (a.VGs[v].Form == clause.Infinitive || a.VGs[v].Form == clause.Gerund) {
		return true
	}
	return a.NPStarting(k) >= 0 && a.NPs[a.NPStarting(k)].Kind == clause.KindCommon
}

// notATopic: the exchange noun is not the object of a speech act ("X
// discussed the Brazil-Argentina negotiations"): a topic, not an exchange.
func notATopic(c *Context, m *Match) bool {
	ch, ok := m.One("channel")
	if !ok || ch.NP < 0 {
		return true
	}
	a := c.A
	v := a.ObjectVG(ch.NP)
	if v < 0 || !a.In(lexicon.ActVerbs, a.VGs[v].Head) && !a.In(lexicon.SpeechVerbs, a.VGs[v].Head) {
		return true
	}
	// "said the India-Pakistan talks would resume": the subject of the
	// reported clause, not a topic.
	w := a.VGAt[a.NPs[ch.NP].Last+1]
	return w >= 0 && int(a.VGs[w].Subject) == ch.NP
}

func notAReference(c *Context, m *Match) bool {
	ch, ok := m.One("channel")
	if !ok {
		return true
	}
	a := c.A
	for k := ch.First - 1; k >= 0 && k >= ch.First-2; k-- {
		if a.Is(k, clause.Subordinator) && a.Tag(k) != "WRB" {
			end := ch.Last + 1
			for end < len(a.Words) && end <= ch.Last+5 && !a.Is(end, clause.Partner) && !a.Is(end, clause.Source) {
				end++
			}
			if a.Is(end, clause.Source) {
				// "After a call from X, Y said …": opening the sentence, a
				// call from X is one the main clause's subject received.
				return k == a.Sents[a.Doc.Tokens[k].Sentence].Body
			}
			return a.Is(end, clause.Partner) // "following a meeting with X" is the subject's own
		}
	}
	return true
}

func oneWayChannel(c *Context, m *Match) bool {
	ch, ok := m.One("channel")
	if !ok {
		return false
	}
	switch ch.Value {
	case "briefing", "letter", "message":
		return true
	}
	return false
}

func parentheticalParts(c *Context, m *Match) bool {
	if cue, ok := m.One("cue"); ok && cue.First >= 0 {
		if v := c.A.VGAt[cue.First]; v >= 0 && c.A.VGs[v].Rel >= 0 {
			return false // "Ada Fisher, a lawyer who advised the mayor, said …": a relative clause
		}
	}
	parts := m.Get("text")
	if len(parts) < 2 {
		return true
	}
	last := parts[len(parts)-1]
	if last.First < 0 {
		return true
	}
	if v := c.A.VGAt[last.First]; v >= 0 && c.A.VGs[v].Form == clause.Gerund {
		return false // "Japan will deploy …, X said on Friday, adding that …": inverted
	}
	if n := c.A.NPAt[last.First]; n >= 0 && int(c.A.NPs[n].First) == last.First && c.A.NPs[n].ApposOf >= 0 || c.A.Is(last.First, clause.Relative) {
		return false // "…, said Ana Ruiz, an analyst at the bank, who notes …": the speaker's description
	}
	return !c.A.IsQuoteMark(last.First) || quotedPredicate(c.A, parts[0], last.First)
}

// quotedPredicate: the lead of a parenthetical attribution is a noun
// phrase, and the quotation at token mark after the
// attribution opens with its finite verb ("The plan, Ruiz said, “is a
// fine example of adapting” to the times"): one clause, its predicate
// quoted. "During the call, X said, “…”" is a direct quote.
func quotedPredicate(a *clause.Analysis, lead Capture, mark int) bool {
	if a.NPStarting(lead.First) < 0 || mark+1 >= len(a.VGAt) {
		return false
	}
	v := a.VGAt[mark+1]
	if v < 0 || a.VGs[v].First != mark+1 || a.VGs[v].Form != clause.Finite {
		return false
	}
	s := a.VGs[v].Subject
	return s < 0 || a.NPs[s].First >= lead.First && a.NPs[s].Last <= lead.Last
}

// noReasonAfter: no reason clause, nor a preposition and a gerund,
// follows the attribution after a comma ("…, he said, because …", "…, he
// said, by creating …"): they are the speaker's, and the parenthetical
// rule joins them to the clause before.
func noReasonAfter(c *Context, m *Match) bool {
	cue, ok := m.One("cue")
	if !ok || cue.Last < 0 {
		return true
	}
	for k := cue.Last + 1; k < m.Last; k++ {
		if c.A.Punct(k, ",") && (c.A.Is(k+1, clause.Reason) || prepositionGerund(c.A, k+1)) {
			return false
		}
	}
	return true
}

// prepositionGerund: a preposition and a gerund open at token k ("by
// creating …"): how or why, after an inserted attribution, the clause
// before it holds.
func prepositionGerund(a *clause.Analysis, k int) bool {
	if k+1 >= len(a.VGAt) || a.Tag(k) != "IN" {
		return false
	}
	v := a.VGAt[k+1]
	return v >= 0 && a.VGs[v].First == k+1 && a.VGs[v].Form == clause.Gerund
}

func notBetween(c *Context, m *Match) bool {
	ch, ok := m.One("channel")
	if !ok {
		// a pledge's action that opens with the exchange noun ("suggested
		// a summit between A and B" is no pledge of the one who suggests)
		ch, ok = m.One("action")
		if ok {
			ch.NP = c.A.NPStarting(ch.First)
		}
	}
	if !ok || ch.NP < 0 {
		return true
	}
	return !c.A.Is(c.A.NPs[ch.NP].Last+1, clause.Between)
}

func notPredicative(c *Context, m *Match) bool {
	ch, ok := m.One("channel")
	if !ok || ch.NP < 0 {
		return true
	}
	a := c.A
	v := a.ObjectVG(ch.NP)
	if w := a.ObjectVG(int(a.NPs[ch.NP].Possessor)); w >= 0 && (v < 0 || w < v) {
		v = w
	}
	if v < 0 {
		return true
	}
	_, aux := a.Match(lexicon.Auxiliaries, a.VGs[v].Head)
	return aux != "be"
}
