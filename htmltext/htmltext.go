// Package htmltext finds the article in an HTML page and renders it as the
// plain text readout's parser reads: the headline on the first line, then
// the paragraphs, separated by blank lines.
//
// The main text is found by go-readability (codeberg.org/readeck/
// go-readability/v2, a port of Mozilla's Readability.js, the reader view
// of Firefox), which drops navigation, sidebars, footers, share buttons
// and the like. The page's structure is kept where it matters to the
// extractor: each paragraph, heading, list item, table cell or other block
// becomes a paragraph of its own, one <br> a line break and two a
// paragraph break, so quotations and attributions stay in their paragraphs
// and the headline is recognised as the title.
package htmltext

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Article is the main text of a page.
type Article struct {
	// Title is the headline: the page's title as Readability finds it
	// (og:title, <title> without the site's name, or the <h1>), or "".
	Title string
	// Text is the title, when there is one, then a blank line and the
	// body: paragraphs separated by blank lines, a <br> inside a paragraph
	// as a line break, white space collapsed. It is valid UTF-8, without
	// NUL bytes, and ends without a line break.
	Text string
}

// ErrNoText is returned for a page with no text in it at all.
var ErrNoText = errors.New("the page has no text")

// Extract finds the article in an HTML page. contentType is the page's
// Content-Type header, if known ("" for a file). The page's encoding is
// the one a byte-order mark, the Content-Type's charset or a <meta
// charset> gives; without one it is UTF-8 when the page is valid UTF-8,
// else Windows-1252 (as browsers do). pageURL, if known, resolves relative
// links (it may be nil). The same page always gives the same Article. The
// error is ErrNoText for a page with no text in it.
func Extract(page []byte, contentType string, pageURL *url.URL) (Article, error) {
	doc, err := html.Parse(decode(page, contentType))
	if err != nil {
		return Article{}, err
	}
	// Readability changes the tree it is given: keep a copy to fall back on.
	var copyBuf bytes.Buffer
	if err := html.Render(&copyBuf, doc); err != nil {
		return Article{}, err
	}
	var a Article
	art, err := readability.FromDocument(doc, pageURL)
	body := ""
	if err == nil && art.Node != nil {
		a.Title = Collapse(art.Title())
		body = Text(art.Node)
	}
	var whole *html.Node // the page as it was, parsed again only when needed
	original := func() (*html.Node, error) {
		if whole == nil {
			whole, err = html.Parse(&copyBuf)
		}
		return whole, err
	}
	if body == "" {
		// Readability found no article (a very short page): the whole
		// body, less what is never text.
		if _, err := original(); err != nil {
			return Article{}, err
		}
		body = Text(whole)
		if a.Title == "" {
			a.Title = Collapse(textOf(whole, "title"))
		}
	}
	if siteSeparator.MatchString(a.Title) {
		// Readability keeps a short title's site name ("Talks | The
		// Ledger"): the page's <h1>, when the title starts with it, is the
		// headline.
		if _, err := original(); err != nil {
			return Article{}, err
		}
		if h1 := Collapse(textOf(whole, "h1")); h1 != "" && strings.HasPrefix(a.Title, h1) && siteSeparator.MatchString(a.Title[len(h1):]) {
			a.Title = h1
		}
	}
	a.Text = join(a.Title, body)
	if strings.TrimSpace(a.Text) == "" {
		return Article{}, ErrNoText
	}
	return a, nil
}

// siteSeparator is what stands between a headline and a site's name in a
// page's title.
var siteSeparator = regexp.MustCompile(`^.*? [|\-–—:·/»] `)

// decode returns the page as UTF-8.
func decode(page []byte, contentType string) io.Reader {
	enc, name, certain := charset.DetermineEncoding(page, contentType)
	if name == "utf-8" || !certain && utf8.Valid(page) {
		return bytes.NewReader(page)
	}
	return enc.NewDecoder().Reader(bytes.NewReader(page))
}

// join puts the title before the body, unless the body starts with it.
func join(title, body string) string {
	if title == "" {
		return body
	}
	first, _, _ := strings.Cut(body, "\n\n")
	if Collapse(first) == title {
		return body
	}
	if body == "" {
		return title
	}
	return title + "\n\n" + body
}

// textOf is the text of the first element named tag (title, h1) in the
// page, or "".
func textOf(n *html.Node, tag string) string {
	if n.Type == html.ElementNode && n.Data == tag {
		return Text(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := textOf(c, tag); t != "" {
			return t
		}
	}
	return ""
}

// Collapse replaces each run of white space in s by one space and trims
// the ends.
func Collapse(s string) string { return strings.Join(strings.Fields(cleanRunes(s)), " ") }

// blocks are the elements that stand as paragraphs of their own.
var blocks = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "caption": true,
	"center": true, "dd": true, "details": true, "dialog": true, "dir": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "li": true,
	"main": true, "menu": true, "nav": true, "ol": true, "p": true, "pre": true,
	"section": true, "summary": true, "table": true, "tbody": true, "td": true,
	"tfoot": true, "th": true, "thead": true, "tr": true, "ul": true, "body": true,
}

// skipped are the elements whose content is never article text.
var skipped = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "object": true, "embed": true,
	"canvas": true, "audio": true, "video": true, "button": true, "select": true,
	"textarea": true, "input": true, "map": true,
}

// Text renders a DOM as plain text: each block element (p, div, h1–h6,
// li, td, blockquote, …) a paragraph of its own, paragraphs separated by a
// blank line; one <br> a line break, two or more a paragraph break; white
// space collapsed, except inside <pre>, whose lines are kept. Scripts,
// styles, forms and media are left out, and so are elements hidden with
// the hidden attribute or aria-hidden="true".
func Text(n *html.Node) string {
	var w textWriter
	w.node(n, false)
	return w.finish()
}

// textWriter builds paragraphs; a paragraph is a list of lines.
type textWriter struct {
	paras [][]string
	cur   []string // lines of the paragraph being written
	line  strings.Builder
	brs   int // <br>s since the last text
}

func (w *textWriter) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.DocumentNode:
	case html.ElementNode:
		if skipped[n.Data] || hidden(n) {
			return
		}
		if n.Data == "br" {
			w.br()
			return
		}
		pre = pre || n.Data == "pre"
	default:
		return
	}
	block := n.Type == html.ElementNode && blocks[n.Data]
	if block {
		w.breakPara()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, pre)
	}
	if block {
		w.breakPara()
	}
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || a.Key == "aria-hidden" && a.Val == "true" {
			return true
		}
	}
	return false
}

func (w *textWriter) text(s string, pre bool) {
	s = cleanRunes(s)
	if pre {
		for i, l := range strings.Split(s, "\n") {
			if i > 0 {
				w.endLine()
			}
			w.words(l)
		}
		return
	}
	if strings.TrimSpace(s) == "" {
		if s != "" && w.line.Len() > 0 {
			w.space()
		}
		return
	}
	if startsSpace(s) {
		w.space()
	}
	w.words(s)
	if endsSpace(s) {
		w.space()
	}
}

// words adds the words of s to the current line, one space apart.
func (w *textWriter) words(s string) {
	for i, f := range strings.Fields(s) {
		if i > 0 {
			w.space()
		}
		w.flushBreaks()
		w.line.WriteString(f)
	}
}

// space adds a space between words of a line (never at its start, never
// two).
func (w *textWriter) space() {
	if w.line.Len() > 0 && !strings.HasSuffix(w.line.String(), " ") {
		w.line.WriteByte(' ')
	}
}

func (w *textWriter) br() { w.brs++ }

// flushBreaks turns pending <br>s into a line break (one) or a paragraph
// break (two or more) before the next text.
func (w *textWriter) flushBreaks() {
	switch {
	case w.brs == 1:
		w.endLine()
	case w.brs > 1:
		w.breakPara()
	}
	w.brs = 0
}

func (w *textWriter) endLine() {
	if l := strings.TrimSpace(w.line.String()); l != "" {
		w.cur = append(w.cur, l)
	}
	w.line.Reset()
}

func (w *textWriter) breakPara() {
	w.endLine()
	if len(w.cur) > 0 {
		w.paras = append(w.paras, w.cur)
	}
	w.cur = nil
	w.brs = 0
}

func (w *textWriter) finish() string {
	w.breakPara()
	out := make([]string, len(w.paras))
	for i, p := range w.paras {
		out[i] = strings.Join(p, "\n")
	}
	return strings.Join(out, "\n\n")
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// cleanRunes makes text safe and plain: a no-break space becomes a space;
// NUL, soft hyphens, zero-width spaces and joiners, byte-order marks and
// invalid UTF-8 are dropped.
func cleanRunes(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2007', '\u202f':
			return ' '
		case 0, '\u00ad', '\u200b', '\u2060', '\ufeff', unicode.ReplacementChar:
			return -1
		}
		return r
	}, s)
}

// Sniff reports whether src is an HTML page, as browsers tell: after an
// optional UTF-8 byte-order mark and white space, it starts with a tag
// such as <!DOCTYPE html>, <html>, <head>, <body>, <p>, <div>, <table>,
// <title> or a comment (net/http.DetectContentType's HTML signatures).
func Sniff(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	return strings.HasPrefix(http.DetectContentType(src), "text/html")
}
