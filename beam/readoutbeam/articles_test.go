package readoutbeam

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Material for generated readouts: officials (title, given name,
// surname, country, capital), topics, quotations, reported speech and
// pledges. Articles combine them by the article's number, each list with
// its own stride, so that 2,000 articles are all different.
var (
	officials = []struct{ title, given, surname, country, capital string }{
		{"Foreign Minister", "Jan", "Ek", "Sweden", "Stockholm"},
		{"President", "Maria", "Lind", "Finland", "Helsinki"},
		{"Prime Minister", "Kenji", "Sato", "Japan", "Tokyo"},
		{"Chancellor", "Anna", "Weber", "Germany", "Berlin"},
		{"Foreign Minister", "Pedro", "Alves", "Brazil", "Brasilia"},
		{"President", "Amina", "Diallo", "Senegal", "Dakar"},
		{"Prime Minister", "Rahul", "Mehta", "India", "New Delhi"},
		{"Defence Minister", "Olga", "Novak", "Czechia", "Prague"},
		{"Trade Minister", "Liam", "Byrne", "Ireland", "Dublin"},
		{"President", "Sofia", "Rossi", "Italy", "Rome"},
		{"Foreign Minister", "Tomas", "Kral", "Slovakia", "Bratislava"},
		{"Prime Minister", "Eva", "Holm", "Denmark", "Copenhagen"},
		{"Energy Minister", "Yusuf", "Demir", "Turkey", "Ankara"},
		{"President", "Lucia", "Vargas", "Chile", "Santiago"},
	}
	topics = []string{
		"energy security", "grain exports", "the situation in the Red Sea", "climate finance",
		"semiconductor supply chains", "migration", "maritime security", "trade and investment",
		"the reconstruction of ports", "cooperation on vaccines", "fisheries", "cyber security",
	}
	quotations = []string{
		"We will stand together on %s",
		"Our countries share a long friendship, and %s is at the heart of it",
		"This was a frank and useful conversation about %s",
		"There is no time to lose on %s",
		"We agreed to deepen our work on %s",
	}
	reported = []string{
		"the talks on %s had been productive",
		"both governments would meet again to discuss %s",
		"progress on %s was possible this year",
		"the two sides remained far apart on %s",
	}
	pledges = []string{
		"send a trade delegation next month",
		"provide two more coastal radar systems",
		"open a consulate in the south of the country",
		"fund a joint study on %s",
		"host the next round of talks",
	}
	meetings = []string{"held a phone call with", "met", "spoke by video link with", "held talks with"}
	days     = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// article is the text of generated readout i.
func article(i int) string {
	a := officials[i%len(officials)]
	b := officials[(i*5+3)%len(officials)]
	if a == b {
		b = officials[(i+1)%len(officials)]
	}
	topic := topics[(i*7)%len(topics)]
	topic2 := topics[(i*3+5)%len(topics)]
	var sb strings.Builder
	fmt.Fprintf(&sb, "Readout of the call between %s %s %s and %s %s %s\n\n", a.title, a.given, a.surname, b.title, b.given, b.surname)
	fmt.Fprintf(&sb, "%s %s %s of %s %s %s %s %s of %s on %s to discuss %s.",
		a.title, a.given, a.surname, a.country, meetings[i%len(meetings)], b.title, b.given, b.surname, b.country, days[i%len(days)], topic)
	fmt.Fprintf(&sb, " “"+quotations[(i*11)%len(quotations)]+",” %s said.", topic, a.surname)
	fmt.Fprintf(&sb, "\n\n%s said that "+reported[(i*13)%len(reported)]+".", b.surname, topic2)
	if i%3 != 0 {
		p := pledges[(i*17)%len(pledges)]
		if strings.Contains(p, "%s") {
			p = fmt.Sprintf(p, topic2)
		}
		fmt.Fprintf(&sb, " %s pledged that %s would %s.", a.surname, a.country, strings.TrimPrefix(p, "will "))
	}
	if i%4 == 1 {
		fmt.Fprintf(&sb, "\n\n%s will visit %s next month, %s's office said.", b.surname, a.capital, b.surname)
	}
	if i%5 == 2 {
		fmt.Fprintf(&sb, "\n\n\"The door remains open,\" %s told reporters in %s.", b.surname, b.capital)
	}
	return sb.String()
}

// fixtureTexts are the repository's fixture articles, by name.
func fixtureTexts(t testing.TB) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/fixtures/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in ../../testdata/fixtures (%v)", err)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".txt")] = string(b)
	}
	return out
}

// jsonLine is one input line: fields in the given order, each value
// encoded as JSON (a json.RawMessage as it is).
func jsonLine(t testing.TB, kv ...any) string {
	t.Helper()
	var sb strings.Builder
	sb.WriteByte('{')
	for i := 0; i < len(kv); i += 2 {
		if i > 0 {
			sb.WriteByte(',')
		}
		k, _ := json.Marshal(kv[i])
		v, err := json.Marshal(kv[i+1])
		if err != nil {
			t.Fatal(err)
		}
		sb.Write(k)
		sb.WriteByte(':')
		sb.Write(v)
	}
	sb.WriteByte('}')
	return sb.String()
}

// goodLines are n input lines of generated articles, with ids (strings
// and numbers) and other fields, a few without an id, a few with CRLF
// line ends, the fixtures among them, and one HTML page.
func goodLines(t testing.TB, n, from int, fixtures map[string]string) []string {
	t.Helper()
	names := make([]string, 0, len(fixtures))
	for name := range fixtures {
		names = append(names, name)
	}
	sort.Strings(names)
	var lines []string
	for i := from; i < from+n; i++ {
		text := article(i)
		if k := i - from; k < len(names) {
			text = fixtures[names[k]]
		}
		var l string
		switch {
		case i%97 == 5:
			l = jsonLine(t, "url", fmt.Sprintf("https://example.org/news/%d", i), "text", text) // no id
		case i%10 == 3:
			l = jsonLine(t, "id", i, "text", text, "outlet", map[string]any{"name": "Wire", "lang": "en"})
		case i == from+n-1:
			l = jsonLine(t, "id", fmt.Sprintf("a%05d", i), "text", "<!DOCTYPE html><html><head><title>Talks</title></head><body><nav>Home</nav><article><h1>Talks in Rome</h1><p>"+
				strings.ReplaceAll(text, "\n\n", "</p><p>")+"</p></article></body></html>")
		default:
			l = jsonLine(t, "id", fmt.Sprintf("a%05d", i), "date", fmt.Sprintf("2025-%02d-%02d", i%12+1, i%28+1), "text", text)
		}
		if i%50 == 7 {
			l += "\r"
		}
		lines = append(lines, l)
	}
	return lines
}

// badLines are input lines that fail, each in its own way, for texts of
// at most maxBytes.
func badLines(t testing.TB, maxBytes int) []string {
	t.Helper()
	return []string{
		jsonLine(t, "id", "bad-binary", "text", "Talks were held.\x00\x01\x02 binary"),
		jsonLine(t, "id", "bad-over-max-bytes", "text", strings.Repeat(article(1)+"\n\n", maxBytes/len(article(1))+1)),
		jsonLine(t, "id", "bad-too-long", "text", strings.Repeat("\x01", maxBytes)), // escaped: 6 bytes each
		`{"id":"bad-json","text":"Ek met Lind.`,
		jsonLine(t, "id", "bad-no-text", "url", "https://example.org/x"),
		jsonLine(t, "id", "bad-text-not-a-string", "text", 42),
		jsonLine(t, "id", "bad-reserved-field", "schema", "mine", "text", article(2)),
		jsonLine(t, "id", "bad-text-null", "text", nil),
		"",
		"[1, 2, 3]",
	}
}
