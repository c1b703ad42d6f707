package htmltext

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"a line break", "<p>One,<br>two.</p>", "One,\ntwo."},
		{"two line breaks end a paragraph", "<div>One.<br><br>Two.<br>\n<br/>Three.</div>", "One.\n\nTwo.\n\nThree."},
		{"a line break at the end", "<p>One.<br></p><p>Two.</p>", "One.\n\nTwo."},
		{"headings and lists", "<h1>Title</h1><h2>Sub</h2><ul><li>a</li><li>b</li></ul>", "Title\n\nSub\n\na\n\nb"},
		{"inline elements keep their spaces", "<p><b>Ek</b> <i>said</i>: “<a href=x>yes</a>”, at <span>noon</span>.</p>", "Ek said: “yes”, at noon."},
		{"no space added inside words", "<p>Prime<b>Minister</b> x</p>", "PrimeMinister x"},
		{"white space collapses", "<p>  One\n\t two   three </p>", "One two three"},
		{"pre keeps its lines", "<pre>a  b\nc</pre>", "a b\nc"},
		{"scripts, styles and forms are left out", "<p>One.</p><script>var x</script><style>p{}</style><form><button>Go</button><textarea>t</textarea></form><p>Two.</p>", "One.\n\nTwo."},
		{"hidden elements are left out", "<p>One.</p><div hidden>secret</div><div aria-hidden=\"true\">ad</div><p>Two.</p>", "One.\n\nTwo."},
		{"entities and no-break spaces", "<p>Ek&nbsp;said &ldquo;yes&rdquo; &amp; more&shy;over.</p>", "Ek said “yes” & moreover."},
		{"table cells", "<table><tr><td>Home</td><td><p>Body.</p></td></tr></table>", "Home\n\nBody."},
		{"blockquote", "<p>He said:</p><blockquote>We agree.</blockquote>", "He said:\n\nWe agree."},
		{"empty", "<div> </div>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := Text(doc); got != tt.want {
				t.Errorf("Text = %q, want %q", got, tt.want)
			}
		})
	}
}

const page = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ek and Lind discuss trade | The Ledger</title></head>
<body>
<header><a href="/">The Ledger</a><nav><a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Ek and Lind discuss trade</h1>
<p>Foreign Minister Jan Ek spoke with Anna Lind by telephone on Monday, the ministry said in a statement.</p>
<p>“We agree on the next steps for the trade corridor,” Ek said after the call.<br>He added that the two ministers would meet in Oslo next month.</p>
<h2>Energy</h2>
<p>Lind said that Norway would send a delegation to Stockholm in the spring to discuss the energy link.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Storm warnings issued for the coast</a></li><li><a href="/b">Cup final goes to extra time</a></li></ul></aside>
</main>
<footer><p>© 2024 The Ledger. All rights reserved.</p></footer>
</body></html>`

const pageText = "Ek and Lind discuss trade\n\n" +
	"Foreign Minister Jan Ek spoke with Anna Lind by telephone on Monday, the ministry said in a statement.\n\n" +
	"“We agree on the next steps for the trade corridor,” Ek said after the call.\nHe added that the two ministers would meet in Oslo next month.\n\n" +
	"Energy\n\n" +
	"Lind said that Norway would send a delegation to Stockholm in the spring to discuss the energy link."

func TestExtract(t *testing.T) {
	latin1 := "<html><head><meta charset=\"iso-8859-1\"><title>M\xf6te</title></head><body><p>Ek met Ren\xe9 Lind in Malm\xf6.</p></body></html>"
	tests := []struct {
		name, page, contentType string
		title, text             string
	}{
		{"a news page: the article, its headline first", page, "", "Ek and Lind discuss trade", pageText},
		{"the charset of a meta tag", latin1, "", "Möte", "Möte\n\nEk met René Lind in Malmö."},
		{"the charset of the content type", "<p>Ek met Ren\xe9 Lind.</p>", "text/html; charset=windows-1252", "", "Ek met René Lind."},
		{"UTF-8 without a charset", "<p>Ek met René Lind in Malmö.</p>", "", "", "Ek met René Lind in Malmö."},
		{"Windows-1252 without a charset", "<p>Ek met Ren\xe9 Lind.</p>", "", "", "Ek met René Lind."},
		{"a short page: its whole body", "<html><head><title>Note</title></head><body><p>Ek met Lind.</p></body></html>", "", "Note", "Note\n\nEk met Lind."},
		{"a short headline: the site's name left out", "<html><head><title>Karis calls Stubb | The Ledger</title></head><body><nav><a href=/>Home</a></nav><article><h1>Karis calls Stubb</h1><p>“We will stand together,” President Alar Karis said on Monday after a long call.</p></article></body></html>", "", "Karis calls Stubb", "Karis calls Stubb\n\n“We will stand together,” President Alar Karis said on Monday after a long call."},
		{"a fragment", "<p>Ek met Lind.</p><p>They agreed.</p>", "", "", "Ek met Lind.\n\nThey agreed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract([]byte(tt.page), tt.contentType, nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Text != tt.text {
				t.Errorf("Extract = %q, %q\nwant %q, %q", a.Title, a.Text, tt.title, tt.text)
			}
			again, _ := Extract([]byte(tt.page), tt.contentType, nil)
			if again != a {
				t.Error("the same page gave another article")
			}
		})
	}
	for _, empty := range []string{"", "<html><head><title> </title></head><body><script>x()</script><img src=a.png></body></html>"} {
		if _, err := Extract([]byte(empty), "", nil); !errors.Is(err, ErrNoText) {
			t.Errorf("Extract(%q) error %v, want ErrNoText", empty, err)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"<!DOCTYPE html><html>", true},
		{"<!doctype html>", true},
		{"\n  <html lang=en>", true},
		{"\ufeff<html>", true},
		{"<p>One.</p>", true},
		{"<div class=x>", true},
		{"<!-- a comment -->", true},
		{"Ek said the <p> tag was fine.", false},
		{"Plain text.\n\n<html> later", false},
		{"", false},
		{"<notatag", false},
		{"{\"id\": 1}", false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.src)); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
