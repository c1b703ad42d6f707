package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// yamlCountry is one entry of the project's lexicon/data/countries.yaml.
type yamlCountry struct {
	Name     string   `yaml:"name"`
	Aliases  []string `yaml:"aliases"`
	Demonyms []string `yaml:"demonyms"`
	Capitals []string `yaml:"capitals"`
}

// countryMap maps ISO 3166-1 alpha-2 codes to the project's country names.
type countryMap struct {
	byCode  map[string]string
	byName  map[string]*yamlCountry // lower-cased name or alias -> country
	list    []yamlCountry
	how     map[string]string // code -> how it was mapped
	used    map[string]bool   // codes that occur in the places data
	isoName map[string]string // code -> first English name (for the report)
}

// buildCountries maps each ISO code to a countries.yaml name: through the
// English names of i18n-iso-countries matched against the names and aliases
// of countries.yaml, then exceptions.yaml's country_codes. Codes still
// unmapped after the capitals are matched (buildPlaces) are reported.
func buildCountries(o options, tarballs map[string]string, ex *exceptions) (*countryMap, error) {
	var doc struct {
		Countries []yamlCountry `yaml:"countries"`
	}
	if err := readYAML(filepath.Join(o.rules, "countries.yaml"), &doc); err != nil {
		return nil, err
	}
	cm := &countryMap{byCode: map[string]string{}, byName: map[string]*yamlCountry{}, list: doc.Countries,
		how: map[string]string{}, used: map[string]bool{}, isoName: map[string]string{}}
	for i := range cm.list {
		c := &cm.list[i]
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			cm.byName[strings.ToLower(n)] = c
		}
	}
	data, err := tarFile(tarballs["countries"], "package/langs/en.json")
	if err != nil {
		return nil, err
	}
	var iso struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(data, &iso); err != nil {
		return nil, err
	}
	for code, raw := range iso.Countries {
		var names []string
		if json.Unmarshal(raw, &names) != nil {
			var one string
			if err := json.Unmarshal(raw, &one); err != nil {
				return nil, err
			}
			names = []string{one}
		}
		cm.isoName[code] = names[0]
		for _, n := range names {
			if c := cm.byName[strings.ToLower(n)]; c != nil {
				cm.set(code, c.Name, "iso name "+n)
				break
			}
		}
	}
	for code, name := range ex.CountryCodes {
		if cm.byName[strings.ToLower(name)] == nil {
			return nil, fmt.Errorf("exceptions.yaml: country_codes: %s: %q is not in countries.yaml", code, name)
		}
		cm.set(code, cm.byName[strings.ToLower(name)].Name, "exceptions.yaml")
	}
	return cm, nil
}

func (cm *countryMap) set(code, name, how string) {
	cm.byCode[code] = name
	cm.how[code] = how
}

// matchCapital maps an unmapped code whose GeoNames capital (by any of its
// names) is one of the capitals countries.yaml lists, for a country that no
// other code maps to yet.
func (cm *countryMap) matchCapital(code string, names []string) {
	if _, ok := cm.byCode[code]; ok {
		return
	}
	taken := map[string]bool{}
	for _, n := range cm.byCode {
		taken[n] = true
	}
	for _, n := range names {
		for i := range cm.list {
			c := &cm.list[i]
			if !taken[c.Name] && slices.Contains(c.Capitals, n) {
				cm.set(code, c.Name, "capital "+n)
				return
			}
		}
	}
}

// write writes countries.tsv (code, project name) for the codes the places
// use, and reports the codes that could not be mapped.
func (cm *countryMap) write(dir string) error {
	var b bytes.Buffer
	b.WriteString("# ISO 3166-1 alpha-2 code\tcountry name in lexicon/data/countries.yaml\n")
	var unmapped []string
	for _, code := range slices.Sorted(maps.Keys(cm.used)) {
		if name, ok := cm.byCode[code]; ok {
			fmt.Fprintf(&b, "%s\t%s\n", code, name)
		} else {
			unmapped = append(unmapped, code+" ("+cm.isoName[code]+")")
		}
	}
	covered := map[string]bool{}
	for _, n := range cm.byCode {
		covered[n] = true
	}
	var missing []string
	for _, c := range cm.list {
		if !covered[c.Name] {
			missing = append(missing, c.Name)
		}
	}
	fmt.Printf("countries: %d codes mapped; unmapped codes (territories, kept with an empty country): %s\n",
		len(cm.used)-len(unmapped), strings.Join(unmapped, ", "))
	if len(missing) > 0 {
		fmt.Printf("countries.yaml names with no code: %s\n", strings.Join(missing, ", "))
	}
	return os.WriteFile(filepath.Join(dir, "countries.tsv"), b.Bytes(), 0o644)
}
