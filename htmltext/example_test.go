package htmltext_test

import (
	"fmt"
	"log"

	"github.com/readout/readout/htmltext"
)

// Extract finds a page's article and renders it as the parser's text.
func ExampleExtract() {
	page := []byte(`<!DOCTYPE html><html><head><title>Ek and Lind discuss trade | The Ledger</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ek and Lind discuss trade</h1>
<p>Foreign Minister Jan Ek spoke with Anna Lind by telephone on Monday.</p>
<p>“We agree on the next steps,” Ek said.<br>They will meet again in May.</p></article>
<footer>© 2024 The Ledger</footer></body></html>`)
	a, err := htmltext.Extract(page, "text/html; charset=utf-8", nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Text)
	// Output:
	// Ek and Lind discuss trade
	//
	// Foreign Minister Jan Ek spoke with Anna Lind by telephone on Monday.
	//
	// “We agree on the next steps,” Ek said.
	// They will meet again in May.
}
