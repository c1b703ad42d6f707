package main

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/record"
	"github.com/readout/readout/score"
)

// newsPage renders an article (a title line, then paragraphs separated by
// blank lines) as a news site's page: navigation, a byline, share links,
// an advertisement, a sidebar and a footer around the paragraphs.
func newsPage(text string) string {
	var title string
	paras := strings.Split(strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")), "\n\n")
	if first := paras[0]; !strings.ContainsAny(first, "\n") && len(first) < 150 && !strings.ContainsAny(first[len(first)-1:], ".!?\"”’") {
		title, paras = first, paras[1:]
	}
	var b strings.Builder
	pageTitle := ""
	if title != "" {
		pageTitle = html.EscapeString(title) + " | The Northern Ledger"
	}
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>\n<script>var tracker = 1;</script><style>p{margin:1em}</style></head>\n<body>\n", pageTitle)
	b.WriteString(`<header><a href="/">The Northern Ledger</a><nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>` + "\n<main><article>\n")
	if title != "" {
		fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(title))
	}
	b.WriteString(`<div class="share"><a href="#">Share</a> <a href="#">Email</a></div>` + "\n<div class=\"story-body\">\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		for j := range lines {
			lines[j] = html.EscapeString(lines[j])
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", strings.Join(lines, "<br>\n"))
		if i == 1 {
			b.WriteString(`<div class="ad" aria-hidden="true">Advertisement</div>` + "\n")
		}
	}
	b.WriteString("</div></article>\n<aside><h2>Most read</h2><ol><li><a href=\"/a\">Storm warnings issued for the coast</a></li><li><a href=\"/b\">Cup final goes to extra time</a></li></ol></aside></main>\n")
	b.WriteString("<footer><p>© 2024 The Northern Ledger. All rights reserved.</p></footer>\n</body></html>\n")
	return b.String()
}

// TestHTMLFixturesMatchText: every fixture, rendered as a news page, gives
// the same speakers, quotes, counterparts and pledges as its text (scored
// as a gold file would be), with spans into the record's text.
func TestHTMLFixturesMatchText(t *testing.T) {
	schema := compileSchema(t)
	dir := t.TempDir()
	for _, path := range fixturePaths(t) {
		name := fixtureName(path)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(dir, name+".html")
			if err := os.WriteFile(page, []byte(newsPage(string(src))), 0o644); err != nil {
				t.Fatal(err)
			}
			textRec := parseJSON(t, path)
			code, out, errs := runCmd(t, "", "parse", "--format", "json", page)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d: %s", code, errs)
			}
			validateRecord(t, schema, name, []byte(out))
			var r record.Readout
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			if r.Text == "" {
				t.Fatal("no text field")
			}
			for _, junk := range []string{"Most read", "Northern Ledger", "Share", "Advertisement", "tracker", "p{margin"} {
				if strings.Contains(r.Text, junk) {
					t.Errorf("the text holds the page's %q", junk)
				}
			}
			for _, msg := range contractErrors(r.Text, r) {
				t.Error(msg)
			}
			if r.Title != textRec.Title {
				t.Errorf("title %q, the text's is %q", r.Title, textRec.Title)
			}
			if got, want := withoutSpans(r), withoutSpans(textRec); !reflect.DeepEqual(got, want) {
				res := score.Score(score.FromReadout(r), score.FromReadout(textRec))
				t.Errorf("the page's record differs from the text's:\n%s\n%+v\n%+v", score.FormatDiff(res.Diff), got, want)
			}
		})
	}
}

// withoutSpans is what a record found, without where: no spans, mentions,
// source, text or warnings.
func withoutSpans(r record.Readout) record.Readout {
	out := record.Readout{Title: r.Title}
	for _, s := range r.Speakers {
		s.Mentions = nil
		out.Speakers = append(out.Speakers, s)
	}
	for _, q := range r.Quotes {
		q.Span = record.Span{}
		out.Quotes = append(out.Quotes, q)
	}
	for _, c := range r.Counterparts {
		c.Span = record.Span{}
		out.Counterparts = append(out.Counterparts, c)
	}
	for _, p := range r.Pledges {
		p.Span = record.Span{}
		out.Pledges = append(out.Pledges, p)
	}
	return out
}

const htmlArticle = `<!DOCTYPE html><html><head><title>Ek and Lind discuss trade</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Ek and Lind discuss trade</h1>
<p>Foreign Minister Jan Ek spoke with Anna Lind by telephone on Monday.</p>
<p>“We agree on the next steps,” Ek said.</p></article>
<footer>Copyright The Ledger</footer></body></html>`

// TestHTMLInputKinds: which inputs are read as HTML, by --input, file
// extension and content, on files and standard input.
func TestHTMLInputKinds(t *testing.T) {
	tests := []struct {
		name     string
		file     string // "" for stdin
		content  string
		args     []string
		wantHTML bool
	}{
		{"a .html file", "page.html", htmlArticle, nil, true},
		{"a .htm file", "PAGE.HTM", htmlArticle, nil, true},
		{"a page without an extension", "page", htmlArticle, nil, true},
		{"a page named .txt, by its content", "page.txt", htmlArticle, nil, true},
		{"--input text keeps it text", "page.html", htmlArticle, []string{"--input", "text"}, false},
		{"--input html on stdin", "", htmlArticle, []string{"--input", "html"}, true},
		{"a page on stdin, by its content", "", htmlArticle, nil, true},
		{"a byte-order mark before the page", "page.txt", "\ufeff" + htmlArticle, nil, true},
		{"text on stdin", "", article, nil, false},
		{"text naming a tag", "a.txt", "Ek said the <p> tag was fine.\n", nil, false},
		{"--input html on text", "a.txt", article, []string{"--input", "html"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"parse", "--format", "json"}, tt.args...)
			stdin := ""
			if tt.file == "" {
				stdin = tt.content
			} else {
				args = append(args, writeInput(t, tt.file, []byte(tt.content)))
			}
			code, out, errs := runCmd(t, stdin, args...)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var r record.Readout
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			if got := r.Text != ""; got != tt.wantHTML {
				t.Errorf("read as HTML: %v, want %v (text %q)", got, tt.wantHTML, r.Text)
			}
			if tt.wantHTML && tt.content == htmlArticle {
				want := "Ek and Lind discuss trade\n\nForeign Minister Jan Ek spoke with Anna Lind by telephone on Monday.\n\n“We agree on the next steps,” Ek said."
				if r.Text != want {
					t.Errorf("text %q, want %q", r.Text, want)
				}
				if r.Title != "Ek and Lind discuss trade" {
					t.Errorf("title %q", r.Title)
				}
			}
			src := r.Text
			if src == "" {
				src = tt.content
			}
			for _, msg := range contractErrors(src, r) {
				t.Error(msg)
			}
		})
	}
}

// TestHTMLWithoutText: a page with no text is refused, naming the file.
func TestHTMLWithoutText(t *testing.T) {
	p := writeInput(t, "empty.html", []byte("<!DOCTYPE html><html><head><title></title><script>x()</script></head><body><img src=a.png></body></html>"))
	code, out, errs := runCmd(t, "", "parse", p)
	if code != exitInput || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	checkErrorMessage(t, errs, p, "HTML: the page has no text")
}

// TestParseURL fetches pages from a local server: HTML and text by their
// content type, a timeout, a size limit, HTTP errors, refused types and
// unreachable hosts, each a one-line error naming the URL.
func TestParseURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, htmlArticle)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		fmt.Fprint(w, "<html><body><p>Foreign Minister Jan Ek met Ren\xe9 Lind in Malm\xf6 on Monday.</p></body></html>")
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, article)
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no header: the content tells
		fmt.Fprint(w, htmlArticle)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		body := "<p>" + strings.Repeat("word ", 1000) + "</p>"
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 10 {
			fmt.Fprint(w, "<p>"+strings.Repeat("word ", 100)+"</p>")
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/agent", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "The agent was %s.", r.UserAgent())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()

	tests := []struct {
		name    string
		path    string
		args    []string
		problem string // "" for success
		text    string // success: the record's text ("" for text input)
	}{
		{"an HTML page", "/article", nil, "", "Ek and Lind discuss trade\n\nForeign Minister Jan Ek spoke with Anna Lind by telephone on Monday.\n\n“We agree on the next steps,” Ek said."},
		{"the charset of the header", "/latin1", nil, "", "Foreign Minister Jan Ek met René Lind in Malmö on Monday."},
		{"a redirect", "/moved", nil, "", "Ek and Lind discuss trade\n\nForeign Minister Jan Ek spoke with Anna Lind by telephone on Monday.\n\n“We agree on the next steps,” Ek said."},
		{"plain text", "/plain", nil, "", ""},
		{"no content type", "/untyped", nil, "", "Ek and Lind discuss trade\n\nForeign Minister Jan Ek spoke with Anna Lind by telephone on Monday.\n\n“We agree on the next steps,” Ek said."},
		{"--input text", "/article", []string{"--input", "text"}, "", ""},
		{"not found", "/nothing", nil, "HTTP 404 Not Found", ""},
		{"a PDF", "/pdf", nil, "the page is application/pdf, not HTML or plain text", ""},
		{"too large", "/big", []string{"--max-bytes", "1000"}, "the page is 5007 bytes, larger than --max-bytes 1000", ""},
		{"too large, chunked", "/big-chunked", []string{"--max-bytes", "1000"}, "the page is larger than --max-bytes 1000", ""},
		{"too slow", "/slow", []string{"--timeout", "200ms"}, "no complete answer within 200ms (--timeout)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := srv.URL + tt.path
			start := time.Now()
			code, out, errs := runCmd(t, "", append(append([]string{"parse", "--format", "json"}, tt.args...), u)...)
			if time.Since(start) > 4*time.Second {
				t.Errorf("took %s", time.Since(start))
			}
			if tt.problem != "" {
				if code != exitInput || out != "" {
					t.Errorf("exit %d, stdout %q", code, out)
				}
				checkErrorMessage(t, errs, u, tt.problem)
				return
			}
			if code != 0 || errs != "" {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var r record.Readout
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			if r.Source != u {
				t.Errorf("source %q, want the URL", r.Source)
			}
			if r.Text != tt.text {
				t.Errorf("text %q, want %q", r.Text, tt.text)
			}
			if r.Text != "" {
				for _, msg := range contractErrors(r.Text, r) {
					t.Error(msg)
				}
			}
		})
	}

	// The request says who asks.
	code, out, _ := runCmd(t, "", "parse", "--input", "text", "--format", "jsonl", srv.URL+"/agent")
	if code != 0 || !strings.Contains(out, "readout/") {
		t.Errorf("exit %d; the server saw no readout User-Agent: %s", code, out)
	}
	// A host that does not answer, and a URL that is not one.
	code, _, errs := runCmd(t, "", "parse", closedURL+"/a")
	if code != exitInput {
		t.Errorf("closed port: exit %d", code)
	}
	checkErrorMessage(t, errs, closedURL+"/a", "connection refused")
	code, _, errs = runCmd(t, "", "parse", "https://")
	if code != exitInput {
		t.Errorf("empty host: exit %d", code)
	}
	checkErrorMessage(t, errs, "https://", "not a valid URL")
}
