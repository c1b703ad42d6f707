package main

import (
	"encoding/json"
	"os"
	"path"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// wordLevels are the SCOWL size levels read: 10-35 is SCOWL's "small"
// dictionary (about 50,000 words). Words of levels 10 and 20 (commonLevel),
// the most common 20,000 or so, are common words ("split", "reading",
// "grace", "mark"; "maria", "peter" and "summit" are level 35).
var wordLevels = []string{"10", "20", "35"}

const commonLevel = 20

// loadWords returns the lower-case English words of SCOWL (English,
// American and British spellings) with their lowest level. Proper nouns are
// not in these lists.
func loadWords(tgz string) (map[string]int, error) {
	want := map[string]bool{}
	for _, v := range []string{"english", "american", "british"} {
		for _, l := range wordLevels {
			want["package/"+v+"-words-"+l+".json"] = true
		}
	}
	words := map[string]int{}
	err := readTar(tgz, func(n string) bool { return want[n] }, func(n string, data []byte) error {
		var list []string
		if err := json.Unmarshal(data, &list); err != nil {
			return err
		}
		lv, _ := strconv.Atoi(strings.TrimSuffix(n[strings.LastIndexByte(n, '-')+1:], ".json"))
		for _, w := range list {
			if w != "" && w == strings.ToLower(w) && (words[w] == 0 || lv < words[w]) {
				words[w] = lv
			}
		}
		delete(want, n)
		return nil
	})
	if err == nil && len(want) > 0 {
		for n := range want {
			return nil, &os.PathError{Op: "read", Path: path.Join(tgz, n), Err: os.ErrNotExist}
		}
	}
	return words, err
}

// exceptions is the hand-written data/exceptions.yaml.
type exceptions struct {
	NotGivenNames  []string          `yaml:"not_given_names"`
	FamilyNames    []string          `yaml:"family_names"`
	WordLikeNames  []string          `yaml:"word_like_names"`
	CountryCodes   map[string]string `yaml:"country_codes"`
	RegionSuffixes []string          `yaml:"region_suffixes"`
	NotPlaces      []string          `yaml:"not_places"`
}

func loadExceptions(p string) (*exceptions, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	var ex exceptions
	if err := yaml.Unmarshal(data, &ex); err != nil {
		return nil, err
	}
	return &ex, nil
}

// ruleWords returns the single words of the project's titles.yaml (heads,
// modifiers, honorifics) and of verbs.yaml's speech verbs: capitalised, they
// start sentences and titles in news and are never given names there.
func ruleWords(dir string) (map[string]bool, error) {
	out := map[string]bool{}
	var titles map[string][]string
	if err := readYAML(path.Join(dir, "titles.yaml"), &titles); err != nil {
		return nil, err
	}
	for _, k := range []string{"heads", "modifiers", "honorifics"} {
		for _, w := range titles[k] {
			addSingle(out, w)
		}
	}
	var verbs struct {
		Speech map[string][]string `yaml:"speech_verbs"`
	}
	if err := readYAML(path.Join(dir, "verbs.yaml"), &verbs); err != nil {
		return nil, err
	}
	for _, forms := range verbs.Speech {
		for _, w := range forms {
			addSingle(out, w)
		}
	}
	return out, nil
}

func addSingle(set map[string]bool, w string) {
	w = strings.TrimSuffix(w, ".")
	if w != "" && !strings.ContainsAny(w, " -") {
		set[key(w)] = true
	}
}

func readYAML(p string, v any) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return yaml.Unmarshal(data, v)
}
