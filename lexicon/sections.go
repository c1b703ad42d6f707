package lexicon

// The built-in lists, by ID. Their words are data (data/*.yaml); this is
// only the table of what each section is.
const (
	SpeechVerbs ID = iota
	SayVerbs
	RequestVerbs
	ActVerbs
	ExchangeVerbs
	WithVerbs
	VisitVerbs
	HostVerbs
	ItineraryVerbs
	RelationshipVerbs
	ExchangeNouns
	PlannedWords
	PledgeCues
	Places
	Capitals
	Demonyms
	Organisations
	TitleHeads
	TitleModifiers
	Honorifics
	Domains
	Masculine
	Feminine
	Particles
	Pronouns
	PairWords
	SourceNouns
	DocumentNouns
	OrgHeads
	ThingHeads
	CalendarWords
	TimeAnchors
	RelativeTime
	TimePrefixes
	Modals
	Auxiliaries
	Negations
	Indefinites
	MonthAbbreviations
	Events
	Diseases
	FunctionWords
	ExchangeMeans
	CounterpartNouns
	HoldingVerbs
	ReciprocalVerbs
	ContinueVerbs
	CountryNouns
	ShareNouns
	TimeParts
	WishWords
	MultilateralWords
	OrdinalWords
	LeaderVerbs
	DiscussionVerbs
	OutletNouns
	OccasionVerbs
	OccasionNouns
	RoleDescriptions
	SourceOpeners
	ExtraposingAdjectives
	NationNouns
	StateAbbreviations
	NegativeDeterminers
	ProcessModifiers
	AccordanceNouns
	StoryDayTimes
	SubstituteWords
	ClausePrepositions
	NumberWords
	HeadlineKickers
	numBuiltin
)

// The values of the pronouns section (which pronoun a form is of) and of
// the modals section (what a modal says of the action): closed sets, like
// the record's channels, that the engine asks about by name.
const (
	He, She, They, It, I, We, You = "he", "she", "they", "it", "i", "we", "you"

	Future, Conditional, Obligation, Possibility = "future", "conditional", "obligation", "possibility"
)

// Channel and strength values, as the record has them.
var (
	channels  = []string{"call", "video call", "meeting", "talks", "letter", "message", "briefing", "other"}
	strengths = []string{"commitment", "intent", "announcement"}
	persons   = []string{He, She, They, It, I, We, You}
	modality  = []string{Future, Conditional, Obligation, Possibility, "past"}
	// Roles are what the shallow parse asks of function words.
	roles = []string{"complementizer", "coordinator", "possessive", "relative", "agent", "partner",
		"recipient", "between", "source", "genitive", "benefactive", "attribution", "infinitive",
		"determiner", "quantity", "as", "subordinator", "dateline", "reporters", "existential", "place",
		"definite", "topic", "locative", "dual", "quantifier", "nominative", "concessive", "reason"}
)

// sections is every top-level key a rules file may have. The first
// numBuiltin are the lists above, in ID order.
var sections = []Section{
	{Name: "speech_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs with a content clause: "X stressed that …"`},
	{Name: "say_like", Shape: ShapeVerbs, Fold: true, Doc: `speech verbs (lemmas) whose clause may come without "that": "X said the talks were …"`},
	{Name: "request_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs with an object and a to-infinitive: "X urged Y to …"`},
	{Name: "act_verbs", Shape: ShapeVerbs, Fold: true, Doc: `speech acts: their subject is a speaker even without a clause ("X thanked Y")`},
	{Name: "exchange_verbs", Shape: ShapeValued, Fold: true, Values: channels, Doc: `verbs that make an exchange of a channel with their object or "with" phrase: "X met Y"`},
	{Name: "with_verbs", Shape: ShapeVerbs, Fold: true, Doc: `exchange verbs whose partner follows "with" or "to", never a bare object: "spoke with Y"`},
	{Name: "visit_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs of travel: their object is a place, whose host is the other party`},
	{Name: "host_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs whose subject is the host of the exchange: "X received Y"`},
	{Name: "itinerary_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs that make a will-statement an announcement, not a commitment: "will visit"`},
	{Name: "relationship_verbs", Shape: ShapeWords, Fold: true, Doc: `verbs after which an exchange noun is a relationship to tend: "strengthen dialogue with"`},
	{Name: "meeting_words", Shape: ShapeValued, Fold: true, Values: channels, Doc: `nouns (and a few verbs) that name an exchange, by channel`},
	{Name: "planned_words", Shape: ShapeWords, Fold: true, Doc: `words that place an exchange in the future`},
	{Name: "pledge_cues", Shape: ShapeValued, Fold: true, Values: strengths, Doc: `pledge cues by strength: "vowed to", "hopes to", "is set to"`},
	{Name: "places", Shape: ShapeWords, Doc: `(from countries:) country names and aliases; value: the country`},
	{Name: "capitals", Shape: ShapeWords, Doc: `(from countries:) capital cities used for their country; value: the country`},
	{Name: "demonyms", Shape: ShapeWords, Doc: `(from countries:) adjectives of countries; value: the country`},
	{Name: "organisations", Shape: ShapeOrganisations, Doc: `international organisations and offices that speak`},
	{Name: "heads", Shape: ShapeWords, Fold: true, Doc: `nouns a title of office ends in: "President", "Minister"`},
	{Name: "modifiers", Shape: ShapeWords, Fold: true, Doc: `words that stand before a title's head: "Prime", "Foreign", "Deputy"`},
	{Name: "honorifics", Shape: ShapeWords, Doc: `words before a name that are not titles: "Mr.", "Dr.", "H.E."`},
	{Name: "domains", Shape: ShapeWords, Fold: true, Doc: `what a title is "of" or "for": "Foreign Affairs", "State"`},
	{Name: "masculine", Shape: ShapeWords, Fold: true, Doc: `honorifics, titles and nouns that say a person is a man: "Mr", "King", "spokesman"`},
	{Name: "feminine", Shape: ShapeWords, Fold: true, Doc: `honorifics, titles and nouns that say a person is a woman: "Mrs", "Queen", "spokeswoman"`},
	{Name: "particles", Shape: ShapeWords, Doc: `lower-case words inside names: "von der", "de", "bin"`},
	{Name: "pronouns", Shape: ShapeValued, Fold: true, Values: persons, Doc: `personal pronouns and their forms, by the pronoun they are a form of`},
	{Name: "pair_words", Shape: ShapeWords, Fold: true, Doc: `phrases that stand for the two parties: "the two leaders", "both sides"`},
	{Name: "source_nouns", Shape: ShapeWords, Fold: true, Doc: `nouns that, after a determiner or demonym, name a source: "the ministry", "officials"`},
	{Name: "document_nouns", Shape: ShapeWords, Fold: true, Doc: `nouns of documents, which speak for whoever issued them: "statement", "readout"`},
	{Name: "org_heads", Shape: ShapeWords, Fold: true, Doc: `nouns that make a capitalised name an institution: "Council", "Ministry"`},
	{Name: "thing_heads", Shape: ShapeWords, Fold: true, Doc: `nouns that end names of things, never people: "Summit", "Treaty", "Airport"`},
	{Name: "calendar_words", Shape: ShapeWords, Doc: `days and months as written: never names`},
	{Name: "time_anchors", Shape: ShapeWords, Fold: true, Doc: `words a time expression is about: "Monday", "today"`},
	{Name: "relative_time", Shape: ShapeWords, Fold: true, Doc: `time nouns that need a prefix: "later that day", "next week"`},
	{Name: "time_prefixes", Shape: ShapeWords, Fold: true, Doc: `words that open a time expression: "on", "later", "next"`},
	{Name: "modals", Shape: ShapeValued, Fold: true, Values: modality, Doc: `modal verbs by what they say of the action`},
	{Name: "auxiliaries", Shape: ShapeValued, Fold: true, Values: []string{"be", "have", "do", "get"}, Doc: `forms of be, have, do and get, by lemma`},
	{Name: "negations", Shape: ShapeWords, Fold: true, Doc: `words that negate a verb group: "not", "never"`},
	{Name: "indefinites", Shape: ShapeWords, Fold: true, Doc: `pronouns that name no one: "everyone", "nobody"`},
	{Name: "month_abbreviations", Shape: ShapeWords, Doc: `months shortened without a dot: "Jan", "Sept"`},
	{Name: "events", Shape: ShapeWords, Doc: `names of events and formats: never speakers or parties`},
	{Name: "diseases", Shape: ShapeWords, Doc: `names of diseases: never speakers or parties`},
	{Name: "function_words", Shape: ShapeValued, Fold: true, Values: roles, Doc: `function words by the role the shallow parse gives them: that, and, 's, who, by, with …`},
	{Name: "exchange_means", Shape: ShapeValued, Fold: true, Values: channels, Doc: `phrases that give an exchange's channel: "by phone", "via video link"`},
	{Name: "counterpart_nouns", Shape: ShapeWords, Fold: true, Doc: `nouns that stand for the one person of their country: "her Kenyan counterpart", "the Ukrainian leader"`},
	{Name: "holding_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs whose object is an exchange their subject has: "held talks", "had a call"`},
	{Name: "reciprocal_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs of exchange whose plural subject is both parties: "Modi and Lula met", "the two leaders spoke"`},
	{Name: "continue_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs of going on with something: "will continue to support …" is a commitment that keeps the verb`},
	{Name: "country_nouns", Shape: ShapeWords, Fold: true, Doc: `nouns that, possessed by a person, stand for the country the person speaks for: "his country", "her government"`},
	{Name: "share_nouns", Shape: ShapeWords, Fold: true, Doc: `nouns of a share of a group, which as the subject of a speech verb are people: "half said", "a majority say", "two-thirds of voters say"`},
	{Name: "time_parts", Shape: ShapeWords, Fold: true, Doc: `phrases naming a part of a period, inside a time expression: "in the second half of this year", "at the end of May"`},
	{Name: "wish_words", Shape: ShapeWords, Fold: true, Doc: `words of hoping and wishing: an exchange under them is only hoped for, not planned ("hoped to meet one day")`},
	{Name: "multilateral_words", Shape: ShapeWords, Fold: true, Doc: `words that make an exchange with two or more others one of all of them: "three-way talks", "met A and B together"`},
	{Name: "ordinal_words", Shape: ShapeWords, Fold: true, Doc: `words that, on a noun with a to-infinitive, tell what was done, not what is planned: "the first president to visit"`},
	{Name: "leader_verbs", Shape: ShapeWords, Fold: true, Doc: `participles that name a group's leader after "by": a party "a delegation led by X" is X`},
	{Name: "discussion_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs of talking something over whose subject, two or more people, had an exchange: "Lee and Herrera discussed energy security"`},
	{Name: "outlet_nouns", Shape: ShapeWords, Fold: true, Doc: `nouns of the places a body posts its documents on: "a statement on the ministry's website" is the ministry's`},
	{Name: "occasion_verbs", Shape: ShapeVerbs, Fold: true, Doc: `verbs that make a will-statement an announcement only when the action is dated or goes to an occasion: "will open the summit", "will open its border on Monday", "will lead the delegation to the forum" (not "would open a consulate")`},
	{Name: "occasion_nouns", Shape: ShapeWords, Fold: true, Doc: `nouns of gatherings and missions that make an occasion verb's action an itinerary: "summit", "forum", "delegation"`},
	{Name: "role_descriptions", Shape: ShapeValued, Fold: true, Doc: `descriptions of an office by the titles that hold it: "Australia's top diplomat" is its foreign minister`},
	{Name: "source_openers", Shape: ShapeWords, Fold: true, Doc: `words that may open a source after "according to" before its noun phrase: a quantity ("several senior Democrats"), an indefinite article, or a share with "of" ("one of his aides")`},
	{Name: "extraposing_adjectives", Shape: ShapeWords, Fold: true, Doc: `adjectives after "it is" whose to-infinitive has no subject of its own: "it's unrealistic to think that …" (not "it was ready to announce", where "it" acts)`},
	{Name: "nation_nouns", Shape: ShapeWords, Fold: true, Doc: `plural nouns of countries that, in a phrase for the two parties, stand for the countries of the two people last named: "the two countries", "both nations"`},
	{Name: "state_abbreviations", Shape: ShapeWords, Doc: `the short forms of states news style writes after a town and a comma: "Dayton, Ohio" is written in full, "Flint, Mich." and "Wilmington, N.C." are not`},
	{Name: "negative_determiners", Shape: ShapeWords, Fold: true, Doc: `determiners that deny their noun: "has no intention to …" holds no intent`},
	{Name: "process_modifiers", Shape: ShapeWords, Fold: true, Doc: `modifiers that make a possessed exchange noun an ongoing process, not an exchange: "South Korea's continued consultation with NATO"`},
	{Name: "accordance_nouns", Shape: ShapeWords, Fold: true, Doc: `nouns of norms and plans after which "according to" means "in line with", not a source: "held according to the rules", "went according to plan"`},
	{Name: "story_day_times", Shape: ShapeWords, Fold: true, Doc: `times that name no day of their own but the day being told about: an exchange "earlier in the day" may be the one the article dates "Friday"`},
	{Name: "substitute_words", Shape: ShapeWords, Fold: true, Doc: `words that stand for a noun after "the" and may open a reported clause as its subject: "said the other would be liable"`},
	{Name: "clause_prepositions", Shape: ShapeWords, Fold: true, Doc: `prepositions whose phrase, set off by a comma right after a verb of saying, opens the reported clause and does not modify the saying: "says despite the rain, the parade went ahead" (not "said in a statement, …")`},
	{Name: "number_words", Shape: ShapeWords, Fold: true, Doc: `numbers written as words, which the tagger may read as names when capitalised: "Six in 10 say …" is a share`},
	{Name: "headline_kickers", Shape: ShapeWords, Fold: true, Doc: `labels that open a headline before a colon and name no source: "The Latest: …", "Breaking: …", "WATCH: …"`},
	{Name: "countries", Shape: ShapeCountries, Doc: `countries: name, demonyms, aliases, capitals`},
	{Name: "regions", Shape: ShapeCountries, Doc: `regions and seas: places that are not countries (same fields as countries)`},
	{Name: "irregular_verbs", Shape: ShapeVerbs, Fold: true, Doc: `past forms of irregular verbs, for generated inflections: "tell: [told]"`},
	{Name: "lists", Shape: ShapeCustom, Doc: `new lists for your own grammar rules: name → phrases, or value → phrases`},
	{Name: "rules", Shape: ShapeGrammar, Doc: `grammar rules (see readout rules)`},
	{Name: "macros", Shape: ShapeGrammar, Doc: `named pattern fragments grammar rules may use`},
}

// Sections returns every top-level key a rules file may have, with what
// it is for.
func Sections() []Section { return append([]Section(nil), sections...) }

func sectionByName(name string) (Section, bool) {
	for _, s := range sections {
		if s.Name == name {
			return s, true
		}
	}
	return Section{}, false
}
