package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/readout/readout"
)

// inputKinds are the values of parse's --input.
var inputKinds = []string{"auto", "text", "html", "jsonl"}

// htmlExtensions are the file name extensions read as HTML by --input auto.
var htmlExtensions = []string{".html", ".htm", ".xhtml"}

// isURL reports whether an argument names a web page rather than a file.
func isURL(name string) bool {
	return strings.HasPrefix(name, "https://") || strings.HasPrefix(name, "http://")
}

// readSource reads one input of parse: a URL, a file or "-" for standard
// input, and says how to convert it. With --input auto, a URL's
// Content-Type, a file's extension (.html, .htm, .xhtml) or else the
// content itself (readout.InputAuto sniffs it) tells HTML from text.
func readSource(ctx context.Context, io streams, name string, o *parseOptions) ([]byte, readout.Options, error) {
	opt := readout.Options{MaxBytes: o.maxBytes, Input: inputOf(o.input)}
	if isURL(name) {
		src, ctype, err := fetch(ctx, name, o.maxBytes, o.timeout)
		if err != nil {
			return nil, opt, fmt.Errorf("%s: %w", name, err)
		}
		opt.ContentType = ctype
		if opt.Input == readout.InputAuto {
			if opt.Input, err = inputOfType(ctype); err != nil {
				return nil, opt, fmt.Errorf("%s: %w", name, err)
			}
		}
		return src, opt, nil
	}
	if opt.Input == readout.InputAuto && hasHTMLExtension(name) {
		opt.Input = readout.InputHTML
	}
	src, err := readInput(io, name, o.maxBytes)
	return src, opt, err
}

func inputOf(kind string) readout.Input {
	switch kind {
	case "text":
		return readout.InputText
	case "html":
		return readout.InputHTML
	}
	return readout.InputAuto
}

func hasHTMLExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range htmlExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// inputOfType maps a fetched page's media type to the input kind: HTML
// for text/html and XHTML, text for text/plain, sniffing when the server
// gave none; other types (PDF, images, JSON) are refused.
func inputOfType(contentType string) (readout.Input, error) {
	if contentType == "" {
		return readout.InputAuto, nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return readout.InputAuto, nil // a garbled header: let the content tell
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return readout.InputHTML, nil
	case "text/plain":
		return readout.InputText, nil
	}
	return readout.InputAuto, fmt.Errorf("the page is %s, not HTML or plain text", mt)
}

// fetch GETs a web page, following redirects, and returns its body and
// Content-Type. It gives up after timeout (the whole exchange, body
// included) and refuses a body larger than maxBytes without reading it
// all. Errors are one line: an HTTP status, a timeout, a host that cannot
// be reached, a page too large.
func fetch(ctx context.Context, rawURL string, maxBytes int, timeout time.Duration) ([]byte, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, "", errors.New("not a valid URL")
	}
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", errors.New("not a valid URL")
	}
	req.Header.Set("User-Agent", "readout/"+readout.Version()+" (+https://github.com/readout/readout)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, "", fetchError(ctx, err, timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", fmt.Errorf("HTTP %s", resp.Status)
	}
	if maxBytes <= 0 {
		maxBytes = defaultMaxBytes()
	}
	if resp.ContentLength > int64(maxBytes) {
		return nil, "", fmt.Errorf("the page is %d bytes, larger than --max-bytes %d", resp.ContentLength, maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(maxBytes)+1))
	switch {
	case ctx.Err() != nil:
		return nil, "", fetchError(ctx, ctx.Err(), timeout)
	case err != nil:
		return nil, "", fmt.Errorf("reading the page: %s", oneLine(err.Error()))
	case len(body) > maxBytes:
		return nil, "", fmt.Errorf("the page is larger than --max-bytes %d", maxBytes)
	}
	return body, resp.Header.Get("Content-Type"), nil
}

// defaultTimeout bounds a fetch when --timeout is not given.
const defaultTimeout = 30 * time.Second

// fetchError says in one line why a request failed, without Go's
// `Get "URL":` prefix (the caller names the URL).
func fetchError(ctx context.Context, err error, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no complete answer within %s (--timeout)", timeout)
	}
	if errors.Is(err, context.Canceled) {
		return errors.New("interrupted")
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return fmt.Errorf("cannot find host %s", dns.Name)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("fetching: %s", oneLine(err.Error()))
}
