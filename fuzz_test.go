package readout_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/readout/readout"
	"github.com/readout/readout/record"

	goccy "github.com/goccy/go-yaml"
	"go.yaml.in/yaml/v3"
)

// extractSeeds are sentences that exercise each extractor, and text that
// has tripped span arithmetic before: marks at the edges, attributions
// with nothing after them, BOMs, CRLF and invalid UTF-8.
var extractSeeds = []string{
	"",
	"\ufeff",
	"“",
	"”,",
	"said",
	"Yoon said",
	"Yoon said that",
	"According to",
	"According to Yoon,",
	", said Yoon.",
	"“We will act soon,” said",
	"“We will act soon,” he said, “",
	"“We will act soon,” said Yoon. “",
	"President Yoon Suk Yeol stated, “We face a grave situation.”",
	"“We will act,” Varna said after the call, “and we will act soon.”",
	"'Trade agreements are not signed,' he said, 'they are signed when both sides are satisfied.'",
	"«The agenda is very broad,» Kremlin Spokesman Dmitry Peskov told reporters.",
	"President Joe Biden said that the talks were productive.",
	"The talks were productive, President Joe Biden said.",
	"According to President Joe Biden, the talks were productive.",
	"President Joe Biden urged NATO to strengthen its unity.",
	"Noting that the talks went well, Li said so.",
	"Said she had shaken hands.",
	"President Joe Biden spoke by phone with Chancellor Olaf Scholz on Monday.",
	"President Joe Biden and Chancellor Olaf Scholz held talks.",
	"President Joe Biden will visit Japan next week.",
	"President Joe Biden pledged to support Ukraine.",
	"President Joe Biden hopes to visit Japan soon.",
	"Biden pledged that the United States would help.",
	"He assured Rutte of South Korea's continued consultation.",
	"“I will meet him,” Biden said.",
	"Headline\r\n\r\n“We agree,” Minister Jan Ek said.\r\n",
	"Caf\xe9 owner Jan Ek said “we agree \xff on this”.",
	"“One.\n\n“Two.\n\nThree,” he said.",
	"<html><body><p>“Hello there, friends,” he said.</p></body></html>",
	"X and Y said that Z would go, X said, adding that it would.",
	"He said: “",
	"He said: ",
	"Mr. Mr. Mr. said said said that that that",
	strings.Repeat("“a” said Yoon, ", 50),
	strings.Repeat("He said that ", 30),
}

// FuzzExtract: the whole pipeline never panics (Convert recovers, so a
// recovered panic shows as an "internal error"), every span of the record
// lies in the input, the record keeps the contract, and it encodes in
// every format, each read back to the same record: JSON by encoding/json,
// YAML by yaml.v3 and by goccy/go-yaml (a second, independent parser).
// testdata/fuzz/FuzzExtract holds the inputs it has failed on, among them
// a mis-encoded name in a flow list ("parties: [Jo?o Louren?o, …]") that
// was once written plain and read by no YAML parser.
func FuzzExtract(f *testing.F) {
	paths, _ := filepath.Glob("testdata/fixtures/*.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range extractSeeds {
		f.Add(s)
	}
	rules, err := readout.DefaultRules()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<16 {
			return
		}
		r, err := readout.Convert(context.Background(), []byte(src), "fuzz.txt", rules, readout.Options{})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("Convert panicked: %v", err)
			}
			return // input that is not text (UTF-16, binary): refused, fine
		}
		if r.Text != "" {
			src = r.Text // an HTML page: the spans index its extracted text
		}
		if msg := recordError(src, r); msg != "" {
			t.Fatal(msg)
		}
		for _, format := range record.Formats {
			var b bytes.Buffer
			if err := record.Encode(&b, format, []record.Readout{r}); err != nil {
				t.Fatalf("Encode %s: %v", format, err)
			}
			if format != "yaml" {
				var back record.Readout
				if err := json.Unmarshal(b.Bytes(), &back); err != nil {
					t.Fatalf("Encode %s gives invalid JSON: %v\n%s", format, err, b.Bytes())
				}
				if !sameRecord(r, back) {
					t.Fatalf("Encode %s does not round-trip:\n%+v\n%+v", format, r, back)
				}
				continue
			}
			for _, p := range yamlParsers {
				var back record.Readout
				if err := p.unmarshal(b.Bytes(), &back); err != nil {
					t.Fatalf("%s cannot read the YAML back: %v\n%s", p.name, err, b.Bytes())
				}
				if !sameRecord(r, back) {
					t.Fatalf("the YAML does not round-trip through %s:\n%s\n%+v\n%+v", p.name, b.Bytes(), r, back)
				}
			}
		}
	})
}

// yamlParsers read the YAML output back; the JSON path is the reference.
var yamlParsers = []struct {
	name      string
	unmarshal func([]byte, any) error
}{
	{"yaml.v3", yaml.Unmarshal},
	{"goccy/go-yaml", goccy.Unmarshal},
}

// sameRecord compares records through their JSON encoding. No format
// carries invalid UTF-8 (it becomes U+FFFD), and the JSON round trip makes
// the same replacement on both sides.
func sameRecord(a, b record.Readout) bool {
	va, err1 := generic(a)
	vb, err2 := generic(b)
	return err1 == nil && err2 == nil && reflect.DeepEqual(va, vb)
}

func generic(r record.Readout) (any, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	var v any
	err = json.Unmarshal(b, &v)
	return v, err
}
