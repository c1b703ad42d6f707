package readout_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/readout/readout"
)

// Convert with nil rules uses the built-in ones.
func ExampleConvert() {
	src := []byte("Estonian President Alar Karis spoke with Finnish President Alexander Stubb by telephone on Monday.\n\n" +
		"“We will stand together with Ukraine,” Karis said.\n")
	r, err := readout.Convert(context.Background(), src, "call.txt", nil, readout.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range r.Quotes {
		fmt.Printf("%s (%s): %s\n", *q.Speaker, q.Kind, q.Text)
		fmt.Printf("evidence: %s\n", src[q.Span[0]:q.Span[1]])
	}
	for _, c := range r.Counterparts {
		fmt.Printf("%s with %s (%s, %s)\n", c.Parties[0], c.Parties[1], c.Channel, c.When)
	}
	fmt.Println(strings.HasPrefix(r.Provenance.Rules, "sha256:"))
	// Output:
	// Alar Karis (direct): We will stand together with Ukraine
	// evidence: We will stand together with Ukraine,
	// Alar Karis with Alexander Stubb (call, on Monday)
	// true
}

// An HTML page's article is extracted first: the record's Text holds it,
// and the spans index it.
func ExampleConvert_html() {
	page := []byte(`<!DOCTYPE html><html><head><title>Karis calls Stubb | The Ledger</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Karis calls Stubb</h1>
<p>“We will stand together with Ukraine,” President Alar Karis said on Monday.</p></article>
<footer>© The Ledger</footer></body></html>`)
	r, err := readout.Convert(context.Background(), page, "page.html", nil, readout.Options{Input: readout.InputHTML})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q\n", r.Text)
	q := r.Quotes[0]
	fmt.Println(*q.Speaker, "|", r.Text[q.Span[0]:q.Span[1]])
	// Output:
	// "Karis calls Stubb\n\n“We will stand together with Ukraine,” President Alar Karis said on Monday."
	// Alar Karis | We will stand together with Ukraine,
}

// The rules' hash tells records made with different rules apart.
func ExampleRules_Hash() {
	builtin, err := readout.DefaultRules()
	if err != nil {
		log.Fatal(err)
	}
	h := builtin.Hash()
	fmt.Println(h[:7], len(h))
	// Output: sha256: 71
}
