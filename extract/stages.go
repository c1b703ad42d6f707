package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/readout/readout/clause"
	"github.com/readout/readout/entity"
	"github.com/readout/readout/grammar"
	"github.com/readout/readout/lexicon"
	"github.com/readout/readout/parser"
	"github.com/readout/readout/record"
)

// exchangeStage runs the counterpart rules and keeps one record per
// exchange: the same two parties, planned or not, at the same time.
func (x *Extraction) exchangeStage() {
	x.C.Speaks = func(e int) bool { return x.speaks[e] }
	for si := range x.Doc.Sentences {
		for _, m := range x.G.Matches(x.C, grammar.ExchangeStage, si) {
			x.addExchanges(m)
		}
	}
	x.dropCoveredVisits()
	x.dropCountryRestatements()
	x.dropRestated()
}

// dropCountryRestatements removes an exchange between two countries when
// the same exchange (channel and plan) is recorded between people who
// speak for those two countries: "The top diplomats of Peru and Chile had
// a phone call … In the call with Chile's foreign minister, Peru's foreign
// minister …" is one call, of the people, unless the two name different
// days or months ("the secretaries meet in June, the ministers in
// August"; sameTime). When the text gives the country of only one of the
// people, the times must be the same words ("Ghana is to meet with Peru
// soon, Mensah says … “Soto and I agreed to meet soon”"), or one of them
// the day being told about ("earlier in the day": story_day_times).
func (x *Extraction) dropCountryRestatements() {
	people := x.peopleByCountries()
	whenOf := map[int]string{}
	keep := make([]bool, len(x.Counterparts))
	for i, c := range x.Counterparts {
		keep[i] = true
		p := x.coveringPeople(c, people)
		if p < 0 {
			continue
		}
		keep[i] = false
		if w := x.Counterparts[p].When; (w == "" || x.storyDay(w)) && whenOf[p] == "" {
			whenOf[p] = c.When // the time the countries' telling gives, a day of its own
		}
		x.lose(c.Match, "the same exchange is recorded between people of its two countries")
	}
	out := x.Counterparts[:0]
	for i, c := range x.Counterparts {
		if !keep[i] {
			continue
		}
		if w := whenOf[i]; w != "" {
			c.When = w
		}
		out = append(out, c)
	}
	x.Counterparts = out
}

// countryKey is an exchange of two countries (b is "" when only one is
// known), of a channel and plan.
type countryKey struct {
	a, b    string
	channel record.Channel
	planned bool
}

// peopleByCountries indexes the exchanges between two people by the
// countries they speak for: both, or the one the text gives (at most four
// exchanges a key).
func (x *Extraction) peopleByCountries() map[countryKey][]int {
	out := map[countryKey][]int{}
	for i, c := range x.Counterparts {
		if x.Ents.Ents[c.A].Kind != entity.Person || x.Ents.Ents[c.B].Kind != entity.Person {
			continue
		}
		ca, cb := x.Ents.CountryOf(c.A), x.Ents.CountryOf(c.B)
		if ca == "" {
			ca, cb = cb, ca
		}
		if ca == "" || ca == cb {
			continue
		}
		k := countryKey{ca, cb, c.Channel, c.Planned}
		if cb != "" {
			k.a, k.b = min(ca, cb), max(ca, cb)
		}
		if len(out[k]) < 4 {
			out[k] = append(out[k], i)
		}
	}
	return out
}

// coveringPeople is the exchange between people of c's two countries that
// c tells again, or -1 (c not an exchange of two countries, or none).
func (x *Extraction) coveringPeople(c Exchange, people map[countryKey][]int) int {
	ea, eb := &x.Ents.Ents[c.A], &x.Ents.Ents[c.B]
	if ea.Kind != entity.Place || eb.Kind != entity.Place {
		return -1
	}
	for _, p := range people[countryKey{min(ea.Name, eb.Name), max(ea.Name, eb.Name), c.Channel, c.Planned}] {
		if x.sameTime(x.Counterparts[p].When, c.When) {
			return p
		}
	}
	for _, one := range []string{ea.Name, eb.Name} {
		for _, p := range people[countryKey{one, "", c.Channel, c.Planned}] {
			if w := x.Counterparts[p].When; w == "" || c.When == "" || w == c.When || x.storyDay(w) || x.storyDay(c.When) {
				return p
			}
		}
	}
	return -1
}

// sameTime: two exchanges' times may be one time, unless each names a
// day or month of its own and they share none ("on June 27-28" and "in
// August" are two meetings; "Friday" and "earlier in the day" may be one).
func (x *Extraction) sameTime(w, v string) bool {
	aw, av := x.timeAnchors(w), x.timeAnchors(v)
	if len(aw) == 0 || len(av) == 0 {
		return true
	}
	for _, a := range aw {
		if slices.Contains(av, a) {
			return true
		}
	}
	return false
}

// storyDay: when names no day of its own, only the day being told about
// ("earlier in the day", "later that day").
func (x *Extraction) storyDay(when string) bool {
	_, ok := x.G.Lex.Has(lexicon.StoryDayTimes, when)
	return ok
}

// timeAnchors are the words of a time expression that name a day or a
// month (time_anchors, or calendar_words as written: "in May") and its
// numbers, lower-cased.
func (x *Extraction) timeAnchors(when string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(when, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
		low := strings.ToLower(w)
		_, anchor := x.G.Lex.Has(lexicon.TimeAnchors, low)
		_, calendar := x.G.Lex.Has(lexicon.CalendarWords, w)
		if anchor || calendar || w[0] >= '0' && w[0] <= '9' {
			out = append(out, low)
		}
	}
	return out
}

// dropRestated removes the exchanges of rules that only restate one
// (grammar.Rule.Restates) when another rule recorded an exchange between
// the same two parties: "A and B held talks … A and B discussed X" is one
// exchange, whatever time or plan the restatement seems to carry.
func (x *Extraction) dropRestated() {
	other := map[[2]int]bool{}
	for _, c := range x.Counterparts {
		if !c.Match.Rule.Restates {
			other[[2]int{min(c.A, c.B), max(c.A, c.B)}] = true
		}
	}
	out := x.Counterparts[:0]
	for _, c := range x.Counterparts {
		if c.Match.Rule.Restates && other[[2]int{min(c.A, c.B), max(c.A, c.B)}] {
			x.lose(c.Match, "restates an exchange of the same parties that another rule records")
			continue
		}
		out = append(out, c)
	}
	x.Counterparts = out
}

// parties is every entity a party capture stands for: the conjuncts of a
// coordinated NP, a pair's members, or the one entity.
func (x *Extraction) parties(m *grammar.Match, name string) []int {
	var out []int
	add := func(e int) {
		if e < 0 {
			return
		}
		if mem := x.Ents.Ents[e].Members; len(mem) == 2 {
			out = appendUnique(appendUnique(out, mem[0]), mem[1])
			return
		}
		out = appendUnique(out, e)
	}
	for _, cp := range m.Get(name) {
		if cp.Entity >= 0 || cp.NP < 0 {
			add(cp.Entity)
			continue
		}
		np := int(cp.NP)
		if named := x.A.NamedBy(np); named >= 0 && x.Ents.Of(np) < 0 {
			np = named // "the foreign ministers of X and Y, A and B": A and B
		}
		for _, n := range x.A.Conjuncts(np) {
			if grammar.UnnamedGroup(x.A, n) {
				continue // "talks with President X and other senior officials": X
			}
			add(x.npEntity(x.ledBy(n)))
		}
	}
	return out
}

// ledBy is the leader a group NP n is named by ("received a delegation
// led by X": X), else n: a common noun phrase, then a participle of
// leader_verbs whose agent is a name.
func (x *Extraction) ledBy(n int) int {
	a := x.A
	np := &a.NPs[n]
	if np.Kind != clause.KindCommon && np.Kind != clause.KindPair {
		return n
	}
	k := np.Last + 1
	if k >= len(a.VGAt) || a.VGAt[k] < 0 {
		return n
	}
	vg := &a.VGs[a.VGAt[k]]
	if vg.First != k || vg.Form != clause.Participle || int(vg.Subject) != n || vg.Agent < 0 || !a.In(lexicon.LeaderVerbs, vg.Head) {
		return n
	}
	if ag := &a.NPs[vg.Agent]; ag.Kind == clause.KindName || ag.Kind == clause.KindTitled || ag.Kind == clause.KindRole {
		return int(vg.Agent)
	}
	return n
}

// npEntity is the entity NP n means; inside a quote, "I" and "we" are its
// speaker ("“I will meet with …,” said Wong").
func (x *Extraction) npEntity(n int) int {
	np := &x.A.NPs[n]
	if np.Kind == clause.KindPronoun && (np.Value == lexicon.I || np.Value == lexicon.We) {
		if rep, ok := x.C.ReportAt(np.First); ok {
			return rep.Speaker
		}
		return -1
	}
	return x.Ents.Of(n)
}

func appendUnique(list []int, e int) []int {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

func (x *Extraction) addExchanges(m grammar.Match) {
	if x.suggested(m) {
		x.lose(m, "only suggested or asked for (\"urged to meet\"), not planned")
		return
	}
	as, bs := x.parties(&m, "a"), x.parties(&m, "b")
	ch := x.channelOf(m)
	planned := x.planned(m)
	when := x.when(m)
	s := x.A.Sentence(m.First)
	span := parser.Span{Start: s.Start, End: s.End}
	pairs := [][2]int{}
	if len(bs) == 0 {
		for i := range as { // "A and B held talks": every pair among them
			for j := i + 1; j < len(as); j++ {
				pairs = append(pairs, [2]int{as[i], as[j]})
			}
		}
	}
	for _, a := range as {
		for _, b := range bs {
			pairs = append(pairs, [2]int{a, b})
		}
	}
	if len(bs) >= 2 && (ch == record.Call || ch == record.VideoCall || x.multilateral(m)) {
		for i := range bs { // a call with two others is a three-way call
			for j := i + 1; j < len(bs); j++ {
				pairs = append(pairs, [2]int{bs[i], bs[j]})
			}
		}
	}
	added, held := false, x.heldBy(m)
	for _, p := range pairs {
		if x.addExchange(Exchange{A: p[0], B: p[1], Channel: ch, When: when, Planned: planned, Span: span, Match: m, held: held}) {
			added = true
		}
	}
	if !added {
		x.lose(m, "no pair of parties that are someone, or the exchange is recorded already")
	}
}

// multilateral: the match's sentence calls the exchange one of all its
// parties ("three-way talks", "met A and B together").
func (x *Extraction) multilateral(m grammar.Match) bool {
	s := x.A.Sentence(m.First)
	for k := max(s.First, m.First-24); k <= s.Last && k <= m.Last+24; k++ {
		if x.A.In(lexicon.MultilateralWords, k) {
			return true
		}
	}
	return false
}

// suggested: the exchange's verb is a to-infinitive under a request
// ("was urged to hold another meeting", "asked him to meet").
func (x *Extraction) suggested(m grammar.Match) bool {
	a := x.A
	vgs := make([]int, 0, 4)
	for _, c := range m.Captures {
		if c.VG >= 0 {
			vgs = append(vgs, int(c.VG))
		}
	}
	for k := m.First; k <= m.Last && k < len(a.VGAt); k++ {
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Head == k {
			vgs = append(vgs, int(v))
		}
	}
	for _, v := range vgs {
		vg := &a.VGs[v]
		if vg.Modal == lexicon.Possibility {
			return true // "suggested that she and Y could meet at some point"
		}
		if vg.Form != clause.Infinitive {
			continue
		}
		for k := vg.First - 1; k >= 0 && k >= vg.First-6; k-- {
			if v := a.VGAt[k]; v >= 0 && a.VGs[v].Form != clause.Infinitive {
				// "urged to meet", "hoped to meet one day"
				return a.In(lexicon.RequestVerbs, a.VGs[v].Head) || x.wishBefore(vg.First)
			}
		}
	}
	return false
}

// wishBefore: a phrase of hoping or wishing ends just before token k ("hoped
// to", "would like to").
func (x *Extraction) wishBefore(k int) bool {
	a := x.A
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if n, _ := a.Match(lexicon.WishWords, j); n > 0 && j+n >= k {
			return true
		}
	}
	return false
}

// isParty: an entity can be a party: someone, an institution or a country;
// a lone capitalised word that nothing shows to be a person is not.
func (x *Extraction) isParty(e int) bool {
	en := &x.Ents.Ents[e]
	switch en.Kind {
	case entity.Person:
		return x.Ents.Plausible(e) || x.speaks[e]
	case entity.Document:
		return false
	case entity.Place:
		return !en.City // a visit's parties are the visitor and the host, never a city
	}
	return true
}

func (x *Extraction) addExchange(c Exchange) bool {
	if c.A == c.B || !x.isParty(c.A) || !x.isParty(c.B) {
		return false
	}
	other := x.referredTo(c.Match)
	for i := range x.Counterparts {
		o := &x.Counterparts[i]
		same := o.A == c.A && o.B == c.B || o.A == c.B && o.B == c.A
		if same && other && o.Channel != c.Channel {
			continue // "The meeting came after a call between the two": another exchange
		}
		if same && o.held > 0 && c.held > 0 && o.held != c.held && o.Span == c.Span {
			// "agreed to hold regular meetings … and to hold a summit
			// meeting in May", "held talks and then had dinner": the
			// objects of two verbs of holding in one sentence are two
			// exchanges, not one told twice.
			continue
		}
		if same && o.Planned == c.Planned && (o.When == c.When || o.When == "" || c.When == "") {
			if o.When == "" {
				o.When = c.When
			}
			if o.Channel.Generic() && !c.Channel.Generic() {
				o.Channel = c.Channel
			}
			return false
		}
	}
	x.Counterparts = append(x.Counterparts, c)
	return true
}

// heldBy is 1 + the verb group of holding ("hold", "have") whose object
// is the match's exchange noun, or 0.
func (x *Extraction) heldBy(m grammar.Match) int {
	c, ok := m.One("channel")
	if !ok || c.NP < 0 {
		return 0
	}
	if v := x.A.ObjectVG(int(c.NP)); v >= 0 && x.A.In(lexicon.HoldingVerbs, x.A.VGs[v].Head) {
		return v + 1
	}
	return 0
}

// referredTo: the match's exchange noun follows "after", "before" or
// "following" ("after a call between the two"): an exchange told as the
// time of another, which is not the one before it of another channel.
func (x *Extraction) referredTo(m grammar.Match) bool {
	ch, ok := m.One("channel")
	if !ok || ch.NP < 0 {
		return false
	}
	a := x.A
	for k := ch.First - 1; k >= 0 && k >= ch.First-2; k-- {
		switch strings.ToLower(a.Words[k]) {
		case "after", "before", "following":
			return a.Is(k, clause.Subordinator)
		}
	}
	return false
}

// channelOf is an exchange's channel: the rule's, or its cue's value,
// made more precise by the sentence ("spoke with Y by phone" is a call,
// "a virtual meeting" a video call).
func (x *Extraction) channelOf(m grammar.Match) record.Channel {
	ch := m.Rule.Channel
	if c, ok := m.One("channel"); ok {
		ch = x.channelOfCapture(c, ch)
	}
	if ch == "" {
		ch = record.Meeting
	}
	a := x.A
	s := a.Sentence(m.First)
	if c, ok := m.One("channel"); ok && c.VG >= 0 && ch == record.Meeting {
		// "hosted A and B for three-way talks": the talks say more
		for k := c.Last + 1; k <= s.Last && k <= c.Last+12; k++ {
			if !a.Is(k, clause.Benefactive) {
				continue
			}
			for j := k + 1; j <= s.Last && j <= k+4; j++ {
				if n, v := a.Match(lexicon.ExchangeNouns, j); n > 0 && record.Channel(v).Valid() {
					ch = record.Channel(v)
					break
				}
			}
			break
		}
	}
	for k := s.First; k <= s.Last; k++ {
		if n, v := a.Match(lexicon.ExchangeMeans, k); n > 0 {
			return record.Channel(v)
		}
		if n, v := a.Match(lexicon.ExchangeNouns, k); n > 0 && record.Channel(v) == record.VideoCall {
			return record.VideoCall
		}
	}
	return ch
}

// channelOfCapture: the channel a cue's value gives, or the exchange
// verbs' or nouns' channel for its head word, or def.
func (x *Extraction) channelOfCapture(c grammar.Capture, def record.Channel) record.Channel {
	if ch := record.Channel(c.Value); ch.Valid() {
		return ch
	}
	head := c.First
	if c.VG >= 0 {
		head = x.A.VGs[c.VG].Head
	}
	for _, id := range []lexicon.ID{lexicon.ExchangeVerbs, lexicon.ExchangeNouns} {
		if n, v := x.A.Match(id, head); n > 0 && record.Channel(v).Valid() {
			return record.Channel(v)
		}
	}
	return def
}

// planned: the exchange is to come: a future or conditional verb group
// ("will meet"), a to-infinitive after a plan ("agreed to meet", "is due
// to meet"), or a planned word between the subject and the exchange or
// just after it ("later this month", "next week").
func (x *Extraction) planned(m grammar.Match) bool {
	if m.Rule.Planned != nil {
		return *m.Rule.Planned
	}
	a := x.A
	for _, c := range m.Captures {
		if c.VG >= 0 && tellsPlan(&a.VGs[c.VG]) {
			return x.plannedVG(int(c.VG))
		}
	}
	// The verb whose object the exchange noun is, before the match: "to
	// pay a state visit to Indonesia", "will hold talks with Y".
	if c, ok := m.One("channel"); ok && c.NP >= 0 {
		if v := a.ObjectVG(c.NP); v >= 0 && a.VGs[v].Last < m.First && tellsPlan(&a.VGs[v]) {
			return x.plannedVG(v)
		}
	}
	// A verb the pattern matched without capturing it ("agreed to hold
	// talks": counterpart.held's "to hold").
	for k := m.First; k <= m.Last && k < len(a.VGAt); k++ {
		if v := a.VGAt[k]; v >= 0 && a.VGs[v].Head == k {
			if tellsPlan(&a.VGs[v]) {
				return x.plannedVG(int(v))
			}
			break
		}
	}
	s := a.Sentence(m.First)
	from := s.First
	if c, ok := m.One("a"); ok && c.NP >= 0 && a.NPs[c.NP].Last < m.First {
		from = a.NPs[c.NP].Last + 1
	}
	for k := from; k <= s.Last && k <= m.Last+6; k++ {
		if k > m.Last && (a.Is(k, clause.Complementizer) || a.Punct(k, ",")) {
			break // "told Y during their call that Z would …": Z's plans, not the call's
		}
		if n, _ := a.Match(lexicon.PlannedWords, k); n > 0 && !(a.Is(k, clause.InfinitiveMarker) && n == 1) {
			if v := a.VGAt[k]; v >= 0 && a.VGs[v].Tense == clause.Past && a.VGs[v].Head == k {
				continue // "planned" as a past verb of its own
			}
			return true
		}
	}
	return false
}

// tellsPlan: verb group vg decides whether its exchange is planned (see
// plannedVG): a future, a conditional or an infinitive.
func tellsPlan(vg *clause.VG) bool {
	return vg.Tense == clause.Future || vg.Tense == clause.Conditional || vg.Form == clause.Infinitive
}

// plannedVG: verb group v states a plan: a future or conditional, or an
// infinitive that plannedInfinitive accepts.
func (x *Extraction) plannedVG(v int) bool {
	vg := &x.A.VGs[v]
	switch {
	case vg.Tense == clause.Future || vg.Tense == clause.Conditional:
		return true
	case vg.Form == clause.Infinitive:
		return x.plannedInfinitive(v)
	}
	return false
}

// plannedInfinitive: "will travel to Ottawa to meet", "agreed to meet
// again", "is due to meet" are plans; "was in Osaka on Tuesday to meet"
// tells what was done.
func (x *Extraction) plannedInfinitive(v int) bool {
	a := x.A
	s := a.Sentence(a.VGs[v].First)
	if x.ordinalBefore(v) {
		return false // "the first president from Ukraine to visit South Africa": what was done
	}
	for p := v - 1; p >= 0 && a.VGs[p].First >= s.First; p-- {
		g := &a.VGs[p]
		if g.Form != clause.Finite {
			continue
		}
		if g.Tense != clause.Past {
			return true
		}
		// a past verb of planning or agreeing: "agreed to meet", "planned to"
		for k := g.First; k <= g.Last+1; k++ {
			if a.In(lexicon.PlannedWords, k) || a.In(lexicon.PledgeCues, k) {
				return true
			}
		}
		return false
	}
	return true
}

// ordinalBefore: infinitive verb group v completes a noun phrase with an
// ordinal or "only" before it ("the first(-ever) president (from
// Ukraine) to visit", "the only leader to attend"): up to two noun
// phrases back, within the sentence, with nothing but noun phrases and
// prepositions between.
func (x *Extraction) ordinalBefore(v int) bool {
	a := x.A
	k := a.VGs[v].First - 1
	for hops := 0; hops < 2 && k >= 0; hops++ {
		np := a.NPAt[k]
		if np < 0 || a.NPs[np].Last != k {
			return false
		}
		for t := a.NPs[np].First; t <= a.NPs[np].Head; t++ {
			if a.In(lexicon.OrdinalWords, t) {
				return true
			}
		}
		k = a.NPs[np].First - 1
		if k >= 0 && a.Tag(k) == "IN" {
			k-- // "from Ukraine"
		}
	}
	return false
}

// when is the time expression nearest the match in its sentence.
func (x *Extraction) when(m grammar.Match) string {
	a := x.A
	if w, ok := m.One("when"); ok {
		return a.Text(w.First, w.Last)
	}
	s := a.Sentence(m.First)
	k := m.First
	if c, ok := m.One("channel"); ok {
		k = c.First
	}
	// A time after the verb, in its own clause, dates it: "is visiting
	// Vietnam this week and will meet Y on Saturday" is Saturday's.
	for j := k + 1; j <= s.Last && j <= m.Last+8; j++ {
		if a.Is(j, clause.Coordinator) || a.Punct(j, ",") || a.Punct(j, ";") {
			break
		}
		if t, ok := a.TimeAt(j); ok && j > m.First {
			return a.Text(t.First, t.Last)
		}
	}
	// A dateline ("BEIJING, Dec. 1 (Xinhua) --") does not date the exchange.
	body := a.Sents[a.Doc.Tokens[m.First].Sentence].Body
	if t, ok := a.TimeNear(body, s.Last, k); ok && !x.datesSpeech(m.Last+1, t.First-1) && !x.heldBetween(m.Last+1, t.First-1) {
		return a.Text(t.First, t.Last)
	}
	return ""
}

// heldBetween: tokens [from, to] hold an exchange noun that a verb of
// holding takes as its object, so a time after them dates that exchange:
// "to hold regular meetings and to hold a summit in May" (May is the
// summit's). It looks at most 32 tokens on, so a long sentence costs no
// more per exchange than a short one.
func (x *Extraction) heldBetween(from, to int) bool {
	a := x.A
	for k := max(from, 0); k <= to && k < from+32; k++ {
		n := a.NPAt[k]
		if n < 0 || a.NPs[n].Head != k || !a.In(lexicon.ExchangeNouns, k) {
			continue
		}
		if v := a.ObjectVG(int(n)); v >= 0 && a.In(lexicon.HoldingVerbs, a.VGs[v].Head) {
			return true
		}
	}
	return false
}

// datesSpeech: a speech verb stands in tokens [from, to], between an
// exchange and a time after it, which dates the speech: "… during a phone
// call with Y, the spokesman said in a statement on Wednesday" (the guide:
// when is given only when the text dates the exchange itself).
func (x *Extraction) datesSpeech(from, to int) bool {
	for k := from; k <= to; k++ {
		if v := x.A.VGAt[k]; v >= 0 && x.A.VGs[v].Head == k && x.A.In(lexicon.SpeechVerbs, k) {
			return true
		}
	}
	return false
}

// dropCoveredVisits removes "X visited Japan" when X's meetings there are
// recorded with people, and "X called NATO" when the same exchange is
// recorded with someone who speaks for NATO.
func (x *Extraction) dropCoveredVisits() {
	metPeople := map[[2]int]bool{} // entity, planned → met a person or source
	spokeFor := map[[2]int]bool{}  // entity, org → met someone of that org
	for _, c := range x.Counterparts {
		for _, p := range [][2]int{{c.A, c.B}, {c.B, c.A}} {
			o := &x.Ents.Ents[p[1]]
			if o.Kind == entity.Person || o.Kind == entity.Source {
				metPeople[[2]int{p[0], boolInt(c.Planned)}] = true
				if org := x.orgOf(o.Affiliation); org >= 0 {
					spokeFor[[2]int{p[0], org}] = true
				}
			}
		}
	}
	out := x.Counterparts[:0]
	for _, c := range x.Counterparts {
		covered := false
		for _, p := range [][2]int{{c.A, c.B}, {c.B, c.A}} {
			o := &x.Ents.Ents[p[1]]
			if o.Kind == entity.Place && x.isVisit(c.Match) && metPeople[[2]int{p[0], boolInt(c.Planned)}] {
				covered = true
			}
			if o.Kind == entity.Org && spokeFor[[2]int{p[0], p[1]}] {
				covered = true
			}
		}
		if covered {
			x.lose(c.Match, "covered by the meetings with people it holds")
			continue
		}
		out = append(out, c)
	}
	x.Counterparts = out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// orgOf is the entity of an organisation named by an affiliation (or the
// organisation it is part of), or -1.
func (x *Extraction) orgOf(aff string) int {
	if aff == "" {
		return -1
	}
	for e := range x.Ents.Ents {
		en := &x.Ents.Ents[e]
		if en.Kind != entity.Org {
			continue
		}
		if en.Name == aff {
			return e
		}
		if o := x.G.Lex.Org[aff]; o != nil && o.PartOf == en.Name {
			return e
		}
	}
	return -1
}

// isVisit: the exchange was made by a verb or noun of travel.
func (x *Extraction) isVisit(m grammar.Match) bool {
	for _, c := range m.Captures {
		if c.Name == "channel" && c.First <= c.Last {
			for k := c.First; k <= c.Last; k++ {
				if x.A.In(lexicon.VisitVerbs, k) {
					return true
				}
			}
		}
	}
	return false
}

// pledgeStage runs the pledge rules: one record per commitment, with the
// action of its longest statement.
func (x *Extraction) pledgeStage() {
	x.C.Joint = func(k int) int {
		if g := x.sentenceExchangeGroup(k); g >= 0 {
			return g
		}
		return x.jointGroup()
	}
	for si := range x.Doc.Sentences {
		ms := x.G.Matches(x.C, grammar.PledgeStage, si)
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Rule.Priority > ms[j].Rule.Priority })
		for _, m := range ms {
			x.addPledge(m)
		}
	}
	sort.SliceStable(x.Pledges, func(i, j int) bool { return x.Pledges[i].First < x.Pledges[j].First })
}

func (x *Extraction) addPledge(m grammar.Match) {
	act, ok := m.One("action")
	if !ok || act.Last < act.First {
		return
	}
	a := x.A
	p := Pledge{By: -1, Match: m, First: act.First, Last: act.Last}
	rep, inReport := x.C.ReportAt(m.First)
	p.Actor = x.actorOf(m, rep, inReport)
	if p.Actor < 0 {
		x.lose(m, "no actor")
		return
	}
	if inReport && rep.Speaker >= 0 && rep.Speaker != p.Actor {
		p.By = rep.Speaker
	}
	if cp, ok := m.One("actor"); ok && cp.NP >= 0 && inReport && p.Actor == rep.Speaker {
		np := &a.NPs[cp.NP]
		p.ownWe = np.Kind == clause.KindPronoun && np.Value == lexicon.We
	}
	if by, ok := m.One("by"); ok && x.C.EntityOf(by) >= 0 {
		p.By = x.C.EntityOf(by)
	}
	p.Strength = m.Rule.Strength
	if cue, ok := m.One("cue"); ok && record.Strength(cue.Value).Valid() {
		p.Strength = record.Strength(cue.Value)
	}
	if p.Strength == "" {
		p.Strength = record.Commitment
	}
	if act.VG >= 0 {
		p.Negated = a.VGs[act.VG].Negated
	}
	if !x.setAction(&p, act.First, act.Last) {
		return
	}
	x.keepPledge(p)
	if act.VG >= 0 {
		x.coordinatedPledges(p, int(act.VG))
	}
}

// setAction gives p the action of tokens [first, last], less a time
// expression that ends it, which becomes p's when; false if nothing is
// left.
func (x *Extraction) setAction(p *Pledge, first, last int) bool {
	a := x.A
	p.First = first
	if t, ok := x.finalTime(first, last); ok {
		p.When = a.Text(t.First, t.Last)
		last = a.TrimEnd(first, t.First-1)
	}
	if last < first {
		return false
	}
	p.Span = a.Span(first, last)
	p.Last = last
	p.Action = strings.TrimRight(x.withoutMarks(first, last), ",;: ")
	if a.Low[first] == "neither" || a.Low[first] == "nor" {
		// "will neither raise taxes nor cut pensions": each action is
		// negated with "not"
		p.Action = "not" + p.Action[len(a.Low[first]):]
	}
	return true
}

// coordinatedPledges: "agreed to hold regular meetings … and to hold a
// summit": a to-infinitive coordinated with the action's verb group, with
// a "to" of its own, is a second pledge of the same cue, actor and
// strength.
func (x *Extraction) coordinatedPledges(p Pledge, v int) {
	a := x.A
	last := a.Sentence(a.VGs[v].First).Last
	for w := v + 1; w < len(a.VGs) && a.VGs[w].First <= last; w++ {
		vg := &a.VGs[w]
		if int(vg.Coord) != v || vg.Form != clause.Infinitive || vg.First == vg.Head && !a.InVerbList(w) {
			continue // "to support and encourage this process": one action
		}
		q := p
		q.When, q.Negated = "", vg.Negated
		start := vg.Head
		if vg.Negated && vg.NegTok >= 0 {
			start = vg.NegTok // "and not to deploy …"
		}
		if x.setAction(&q, start, a.ActionEnd(w)) {
			x.keepPledge(q)
		}
		v = w // "to A, to B and to C": each goes on the one before
	}
}

// withoutMarks is the text of tokens [first, last] less its quotation
// marks: an action quoted in part ("stay in “close contact”") is one
// action. A negated to-infinitive loses its "to": "not to raise taxes"
// is the action "not raise taxes".
func (x *Extraction) withoutMarks(first, last int) string {
	a := x.A
	var b strings.Builder
	start := a.Doc.Tokens[first].Start
	for k := first; k <= last; k++ {
		if !a.IsQuoteMark(k) && !(k == first+1 && a.Is(k, clause.InfinitiveMarker) && a.In(lexicon.Negations, first)) {
			continue
		}
		t := a.Doc.Tokens[k]
		b.WriteString(a.Doc.Src[start:t.Start])
		start = t.End
	}
	b.WriteString(a.Doc.Src[start:a.Doc.Tokens[last].End])
	return strings.Join(strings.Fields(b.String()), " ")
}

// actorOf is who will act: the actor capture (a coordinated subject is
// the pair; "we" and "I" in a quote are the speaker's side), else the
// speaker of the quote the pledge is in.
func (x *Extraction) actorOf(m grammar.Match, rep grammar.Report, inReport bool) int {
	cp, ok := m.One("actor")
	if !ok {
		if inReport {
			return rep.Speaker
		}
		return -1
	}
	if cp.NP >= 0 {
		np := &x.A.NPs[cp.NP]
		if g := x.agentlessJoint(m, int(cp.NP)); g >= 0 {
			return g
		}
		if ownGroup(x.A, np) {
			np = &x.A.NPs[np.Possessor] // "our team is ready to …": the speaker's side, as "we"
		}
		if np.Kind == clause.KindPronoun && (np.Value == lexicon.I || np.Value == lexicon.We) {
			if !inReport || rep.Speaker < 0 {
				return -1
			}
			if aff := x.Ents.Ents[rep.Speaker].Affiliation; np.Value == lexicon.We && aff != "" {
				if e := x.affiliationEntity(aff); e >= 0 {
					return e
				}
			}
			return rep.Speaker
		}
	}
	return x.speakerOf(&m, "actor")
}

// agentlessJoint: "It was agreed to …", "it was decided to …": an
// agentless passive whose subject is expletive "it", in a readout of an
// exchange, is the joint act of the exchange's parties (the guide's joint
// statements): those of an exchange the same sentence reports ("at the end
// of a call between A and B ‘it was agreed to …’", in a quotation too),
// else the principal parties; it returns their pair or group, or -1.
func (x *Extraction) agentlessJoint(m grammar.Match, npi int) int {
	np := &x.A.NPs[npi]
	if !x.agentlessPassive(m, np) && !grammar.ExpletiveAgentless(x.A, npi) {
		return -1
	}
	if g := x.sentenceExchangeGroup(np.First); g >= 0 {
		return g
	}
	if x.A.InQuote(np.First) {
		return -1
	}
	return x.jointGroup()
}

// sentenceExchangeGroup is the pair of the first exchange, not a planned
// one, that the sentence of token k reports; -1 when none.
func (x *Extraction) sentenceExchangeGroup(k int) int {
	s := x.A.Sentence(k)
	span := x.A.Span(s.First, s.Last)
	for _, c := range x.Counterparts {
		if !c.Planned && c.Span.Start <= span.Start && span.End <= c.Span.End {
			g := x.Ents.GroupOf([]int{c.A, c.B})
			x.markSpeaks(g)
			return g
		}
	}
	return -1
}

// agentlessIt: np, a subject the match captured, is expletive "it" of an
// agentless passive cue, outside quotations ("It was agreed …").
func (x *Extraction) agentlessIt(m grammar.Match, np *clause.NP) bool {
	return !x.A.InQuote(np.First) && x.agentlessPassive(m, np)
}

// agentlessPassive: np, a subject the match captured, is expletive "it"
// of an agentless passive cue ("it was agreed …").
func (x *Extraction) agentlessPassive(m grammar.Match, np *clause.NP) bool {
	if np.Kind != clause.KindPronoun || np.Value != lexicon.It {
		return false
	}
	cue, ok := m.One("cue")
	if !ok || cue.First < 0 {
		return false
	}
	v := x.A.VGAt[cue.First]
	return v >= 0 && x.A.VGs[v].Passive && x.A.VGs[v].Agent < 0
}

// jointGroup is the pair or group of the principal parties, who speak
// together; -1 when the article records fewer than two.
func (x *Extraction) jointGroup() int {
	parties := x.principalParties()
	if len(parties) < 2 {
		return -1
	}
	g := x.Ents.GroupOf(parties)
	x.markSpeaks(g)
	return g
}

// settleJoint gives the reported clauses of agentless passives ("It was
// agreed that …"), held back by the quote stage, to the principal parties
// once the exchanges are known.
func (x *Extraction) settleJoint() {
	added := false
	for _, q := range x.jointQuotes {
		overlaps := false
		for i := range x.Quotes {
			if o := x.Quotes[i].Span; o.Start < q.Span.End && q.Span.Start < o.End {
				overlaps = true
				break
			}
		}
		if overlaps {
			continue
		}
		if q.Speaker = x.jointGroup(); q.Speaker < 0 {
			continue
		}
		x.Quotes = append(x.Quotes, q)
		added = true
	}
	if added {
		x.sortQuotes()
	}
}

// principalParties are the parties of the article's first exchange (with
// every party of a three-way exchange stated in the same sentence), in
// order of first mention; none when the article records no exchange
// before the pledges are read.
func (x *Extraction) principalParties() []int {
	if len(x.Counterparts) == 0 {
		return nil
	}
	first := x.Counterparts[0]
	for _, c := range x.Counterparts[1:] {
		if c.Span.Start < first.Span.Start {
			first = c
		}
	}
	var out []int
	for _, c := range x.Counterparts {
		if c.Span == first.Span && !c.Planned {
			out = appendUnique(appendUnique(out, c.A), c.B)
		}
	}
	slices.Sort(out)
	return out
}

// ownGroup: a singular noun phrase possessed by "our" ("our team", "our
// government"), which stands for the speaker's side as "we" does; "our
// two countries" is both sides, and stays what it is.
func ownGroup(a *clause.Analysis, np *clause.NP) bool {
	if np.Kind != clause.KindCommon || np.Plural || np.Possessor < 0 {
		return false
	}
	p := &a.NPs[np.Possessor]
	return p.Kind == clause.KindPronoun && p.Value == lexicon.We
}

// affiliationEntity is the entity of a country or organisation by name.
func (x *Extraction) affiliationEntity(aff string) int {
	if _, ok := x.G.Lex.Country[aff]; ok {
		return x.Ents.Gazetteer(entity.Place, aff, aff)
	}
	if _, ok := x.G.Lex.Org[aff]; ok {
		return x.Ents.Gazetteer(entity.Org, aff, aff)
	}
	return -1
}

// finalTime: a time expression that ends an action ("meet again next
// month"), or that another phrase follows rather than the action's own
// purpose ("meet in New Delhi on June 27-28 followed by …", but not
// "travel to Ottawa next week to meet …"), is its when, and the action
// ends before it.
func (x *Extraction) finalTime(first, last int) (clause.Time, bool) {
	a := x.A
	for k := first + 2; k <= last; k++ {
		t, ok := a.TimeAt(k)
		if !ok || t.Last > last || a.Is(k, clause.Genitive) {
			continue
		}
		next := t.Last + 1
		if a.TrimEnd(t.Last, last) == t.Last || a.Tag(next) == "VBN" || a.Tag(next) == "VBG" {
			return t, true // "… on June 27-28 followed by a meeting …"
		}
		k = t.Last
	}
	return clause.Time{}, false
}

// keepPledge records a pledge unless the same commitment (same actor, the
// actions sharing most words) is recorded; the longer statement stays.
func (x *Extraction) keepPledge(p Pledge) {
	for i := range x.Pledges {
		o := &x.Pledges[i]
		if p.First <= o.Last && o.First <= p.Last {
			// The same words read by a rule of lower priority ("would like
			// to strengthen" is the intent to strengthen, not a will-pledge
			// to like).
			x.lose(p.Match, "its action is already a pledge by "+o.Match.Rule.ID)
			return
		}
		if !sameSide(o, &p) || o.Negated != p.Negated {
			continue
		}
		if o.First == p.First || overlap(o.Action, p.Action, x.referring) >= 0.5 || restates(o.Action, p.Action, x.referring) {
			side := *o // the side named wins over a speaker's own "we"
			if p.ownWe == o.ownWe && len(p.Action) > len(o.Action) || o.ownWe && !p.ownWe {
				side = p
			}
			if len(p.Action) > len(o.Action) {
				*o = p
			} else if o.When == "" && p.When != "" {
				o.When = p.When // restated with its time: "… by the end of the year"
			}
			o.Actor, o.By, o.ownWe = side.Actor, side.By, side.ownWe
			return
		}
	}
	x.Pledges = append(x.Pledges, p)
}

// referring: word w only points at something (a pronoun, a determiner).
func (x *Extraction) referring(w string) bool {
	lex := x.A.Lex
	if _, ok := lex.Has(lexicon.Pronouns, w); ok {
		return true
	}
	v, ok := lex.Has(lexicon.FunctionWords, w)
	return ok && v == "determiner"
}

// sameSide: pledges o and p are made for one side: the same actor, or one
// is a speaker's own "we", their side unknown, and the other that
// speaker's pledge for a side ("A said Chile would …. “We will …,” A
// said").
func sameSide(o, p *Pledge) bool {
	return o.Actor == p.Actor || p.ownWe && o.By == p.Actor || o.ownWe && p.By == o.Actor
}

// restates: the shorter of two actions, of three words or more, has all
// but at most one in fifth of its words in the longer: a headline's or
// lead's short statement of a commitment the body states in full ("Visit
// Papua New Guinea, Timor Leste" and "visit Papua New Guinea and
// Timor-Leste to renew … ties"). Words are split at hyphens.
func restates(a, b string, skip func(string) bool) bool {
	wa, wb := actionWords(a, skip), actionWords(b, skip)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) < 3 {
		return false
	}
	in := 0
	for w := range wa {
		if wb[w] {
			in++
		}
	}
	return float64(in) >= 0.8*float64(len(wa))
}

// actionWords is the set of an action's lower-cased words, split at
// hyphens and stripped of punctuation, less those skip names.
func actionWords(s string, skip func(string) bool) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == ',' || r == ';' || r == ':' || r == '.'
	}) {
		if !skip(w) {
			out[w] = true
		}
	}
	return out
}

// overlap is the Jaccard overlap of two texts' lower-cased words.
// Words for which skip is true are left out: "never recognise the
// annexation" restated as "never recognise it" is one commitment.
func overlap(a, b string, skip func(string) bool) float64 {
	wa, wb := map[string]bool{}, map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(a)) {
		if !skip(w) {
			wa[w] = true
		}
	}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		if !skip(w) {
			wb[w] = true
		}
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	union := len(wa) + len(wb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
