// Package gazetteer is readout's world knowledge about names: which
// capitalised words are places, and which are given names of which gender.
// It lets the extractors refuse "Lugano" or "Hangzhou" as speakers and
// resolve "she" to the woman of two people named.
//
// # Places
//
// Place looks a name up exactly as written (case-sensitive, words separated
// by single spaces) and returns every place it can mean: cities of the world
// with at least 10,000 inhabitants, every national capital and every seat
// of a first-level division whatever its size, and the first-level
// divisions themselves (states, provinces, oblasts, prefectures: Kind
// Region). Names are GeoNames' own name, its ASCII spelling, plain
// apostrophes for curly ones, the ASCII alternate names of cities of at
// least 100,000 inhabitants and of capitals (English exonyms such as
// "Kiev", "Bombay", "Saigon", "Peking"), the capitals of
// lexicon/data/countries.yaml ("Naypyidaw", "Sana'a"), and region names
// without a generic last word ("Donetsk Oblast" as "Donetsk"). Country is
// the name countries.yaml gives the country (the ISO code of GeoNames is
// mapped through the English names of i18n-iso-countries and the capitals;
// dependent territories that countries.yaml does not list, such as Puerto
// Rico or Macao, keep their CountryCode and an empty Country: see
// UnmappedCountryCodes). Population is a head count from GeoNames, 0 for
// regions.
//
// A caller that walks tokens uses StartsPlace to try spans only at tokens
// that can start a place name, and MaxWords (or LongestPlace) to bound them.
//
// # Ambiguous place names
//
// Some place names are also ordinary words or people's names. Their entries
// carry Flags rather than being left out, and data/ambiguous.tsv lists them:
//   - CommonWord: the lower-cased name is among the most common English
//     words (SCOWL levels 10 and 20): "Of" (Turkey), "Nice", "Mobile",
//     "Reading", "Bath", "Split", "Police", "Normal". A caller should take
//     such a word for a place only with more evidence: a preposition of
//     place before it ("in Nice", "from Split"), a following ", Country",
//     or a mid-sentence capital where the word would be lower case.
//   - PersonName: the name is also a given or family name of this package
//     ("Florence", "Regina", "Nancy", "Victoria", "Obama"). Whether such a
//     word is a person or a place is for the context to say: a title or
//     honorific, a speech verb or a pronoun makes it a person; "in" or "at"
//     a place.
//
// # Names
//
// GivenName returns the gender of a given name (Male, Female or Either for
// names given to both, or that sources disagree on), matched by Key: case,
// diacritics, hyphens and apostrophes are ignored, so "josé", "JOSE" and
// "José" match, and "Ji-woo" matches "Jiwoo". Callers should ask only about
// capitalised tokens. The list joins the United States Social Security
// Administration's given names 1880-2024 (a name's gender is the sex of at
// least 90% of its bearers, otherwise Either; names with fewer than 25
// births are left out) with the female and male first names of the 60-odd
// locales of @faker-js/faker (Latin script as is; Russian, Ukrainian,
// Macedonian and Greek romanised with the usual variants, "Dmitriy",
// "Dmitry", "Dmitri"; Korean in the Revised Romanization and the popular
// spelling, "Min-jun", "Min-joon"). A faker locale listing a name under the
// other sex makes it Either ("Andrea": a woman's name in the United States,
// a man's in Italy).
//
// Left out as given names: the single words of the project's titles (heads,
// modifiers, honorifics of lexicon/data/titles.yaml) and speech verbs
// (verbs.yaml), so "President", "Minister", "Said" never are; the words of
// data/exceptions.yaml (weekdays, "The", ranks); names that are English
// words (SCOWL's small dictionary, levels 10-35) or the names of well-known
// places (the countries, aliases, demonyms and regions of lexicon/data,
// capitals, first-level regions, cities of 100,000 inhabitants) unless they
// are well-established given names (5,000 births or more: "Will", "Grace",
// "Mark", "Georgia", "Israel", "Florence" stay; "Summit", "Iran", "Gaza" do
// not; LookupName flags the kept ones CommonWord when they are among the
// most common words, SCOWL 10-20, and Country when they name a country or
// region of the rules); and family names that are far more common as such
// (exceptions.yaml: Kim, Lee, Park, Wang, Li, Zhang, Nguyen ...), for which
// FamilyName is true instead. FamilyName also knows the last names of the
// faker locales.
//
// NameGender gives the gender of a person's given name from GivenName's
// list, else from a second list: names the first leaves out (places,
// English words, names with fewer than min-births SSA births) whose SSA
// births are 95% or more of one sex ("Jamaica", "Aroha", "Tendai"). The
// second list never makes a word a name; it only genders a name already
// known to be one ("Jamaica Brooks").
//
// # Loading, size and sources
//
// The data is embedded, gzipped (about 1.3 MB: EmbeddedBytes), and parsed
// once, lazily, by the first call that needs it (places, names and
// genders separately; Load does all three up front). On this project's 2-core machines
// loading the places takes 30-60 ms and keeps about 10 MB of heap, the names
// about 10 ms and 2 MB (BenchmarkLoadPlaces, BenchmarkLoadNames, TestLoad
// logs both). StartsPlace takes about 35 ns, Place about 150 ns, GivenName
// (a binary search) about 1 µs.
//
// The data is generated by `go generate ./gazetteer` from pinned npm
// packages (internal/gen lists them with their SHA-256; data/SOURCES.txt
// records what the committed data was built from), and the files are
// committed, so building needs no network. NOTICE at the module root gives
// the licences and attributions: GeoNames data is CC BY 4.0.
package gazetteer
