package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/readout/readout/record"
	"github.com/readout/readout/score"
)

// findChromium returns the browser the browser test drives: $READOUT_CHROMIUM,
// or the first of Debian's chromium and its usual other names on the PATH.
func findChromium() string {
	if p := os.Getenv("READOUT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir is where the browser test leaves its screenshots:
// $READOUT_ARTIFACTS (make test-long sets bin/artifacts), else a folder in
// the system's temporary folder.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("READOUT_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "readout-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// browser starts headless chromium as this machine runs it (the defaults
// of chromedp, which include no background networking, plus no sandbox as
// root, no GPU, no QUIC, a fresh profile) and returns a tab's context.
func browser(t *testing.T, chrome string) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.WindowSize(1400, 1000),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil { // start the browser without a deadline
		cancelTab()
		cancelAlloc()
		t.Fatalf("chromium (%s) does not start: %v", chrome, err)
	}
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	return ctx
}

// pageSegments is what the page shows of one article: its text as the
// browser has it, and each item's highlighted segments in order.
type pageSegments struct {
	Text string                   `json:"text"`
	ByID map[string][]pageSegment `json:"byId"`
	Gold string                   `json:"gold"`
}

type pageSegment struct {
	Text  string `json:"text"`
	Class string `json:"cls"`
	Who   string `json:"who"`
}

const readSegmentsJS = `(() => {
  const sec = document.querySelector(%q);
  const text = sec.querySelector('.text');
  const byId = {};
  for (const s of text.querySelectorAll('.seg'))
    for (const id of s.dataset.ids.split(' '))
      (byId[id] = byId[id] || []).push({text: s.textContent, cls: ' ' + s.className + ' ', who: s.dataset.who || ''});
  const gold = sec.querySelector('.gold');
  return {text: text.textContent, byId, gold: gold ? gold.textContent : ''};
})()`

// checkHighlights compares what the page highlights with the record: each
// item's segments, joined, are the text of its span (a speaker's: of its
// mentions, in order), with the classes of its kind and its speaker's
// colour; with a gold file, the differences score finds are marked.
func checkHighlights(t *testing.T, name string, got pageSegments, text string, r record.Readout, gold *score.Record) {
	t.Helper()
	if got.Text != text {
		t.Errorf("%s: the page's text differs from the article's (%d and %d bytes)", name, len(got.Text), len(text))
	}
	joined := func(id, class string) string {
		var b strings.Builder
		for _, s := range got.ByID[id] {
			if !strings.Contains(s.Class, " "+class+" ") {
				t.Errorf("%s: a segment of %s %q has classes %q, want %q", name, id, s.Text, s.Class, class)
			}
			b.WriteString(s.Text)
		}
		return b.String()
	}
	colour := map[string]int{}
	for i, s := range r.Speakers {
		if _, ok := colour[s.Name]; !ok {
			colour[s.Name] = i
		}
		var want strings.Builder
		for _, m := range s.Mentions {
			want.WriteString(text[m[0]:m[1]])
		}
		if got := joined("s"+strconv.Itoa(i), "m"); got != want.String() {
			t.Errorf("%s: speaker %s's mentions show %q, want %q", name, s.Name, got, want.String())
		}
	}
	for i, q := range r.Quotes {
		id := "q" + strconv.Itoa(i)
		kind := map[record.Kind]string{record.Direct: "dq", record.Indirect: "iq"}[q.Kind]
		if got := joined(id, kind); got != text[q.Span[0]:q.Span[1]] {
			t.Errorf("%s: quote %s shows %q, want %q", name, id, got, text[q.Span[0]:q.Span[1]])
		}
		segs := got.ByID[id]
		if len(segs) == 0 || segs[0].Who == "" {
			t.Errorf("%s: quote %s has no speaker label", name, id)
		}
		if q.Speaker != nil {
			if c, ok := colour[*q.Speaker]; ok {
				for _, s := range segs {
					if !strings.Contains(s.Class, " qc"+strconv.Itoa(c)+" ") && strings.Count(s.Class, " qc") == 1 {
						t.Errorf("%s: quote %s of %s is not in colour %d: %q", name, id, *q.Speaker, c, s.Class)
					}
				}
			}
		}
	}
	for i, c := range r.Counterparts {
		if got := joined("c"+strconv.Itoa(i), "cp"); got != text[c.Span[0]:c.Span[1]] {
			t.Errorf("%s: counterpart c%d shows %q", name, i, got)
		}
	}
	for i, p := range r.Pledges {
		if got := joined("p"+strconv.Itoa(i), "pl"); got != text[p.Span[0]:p.Span[1]] {
			t.Errorf("%s: pledge p%d shows %q", name, i, got)
		}
	}
	if gold == nil {
		return
	}
	res := score.Score(score.FromReadout(r), *gold)
	summary := score.Summary(res.Diff)
	if !strings.Contains(got.Gold, summary) {
		t.Errorf("%s: the panel says %q, want %q", name, got.Gold, summary)
	}
	prefix := map[string]string{"speaker": "s", "direct quote": "q", "indirect quote": "q", "counterpart": "c", "pledge": "p"}
	for _, d := range res.Diff {
		if d.Kind == score.Missing {
			continue
		}
		id := prefix[d.Section] + strconv.Itoa(d.Item)
		class := map[score.DiffKind]string{score.Extra: "x-extra", score.WrongSpeaker: "x-wrong"}[d.Kind]
		for _, s := range got.ByID[id] {
			if !strings.Contains(s.Class, " "+class+" ") {
				t.Errorf("%s: %s (%s) is not marked %s: %q", name, id, d.Kind, class, s.Class)
			}
		}
	}
}

// TestShowInBrowser loads readout show's page of the seed article (and of
// a fixture that differs from its gold) in headless chromium, checks the
// highlights against the records, hovers over and clicks a quote, and
// saves screenshots (their paths are printed).
func TestShowInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test of readout show is skipped with -short: make test-long runs it")
	}
	chrome := findChromium()
	if chrome == "" {
		t.Skip("no chromium found (Debian: apt-get install chromium; or set READOUT_CHROMIUM): the browser test of readout show is skipped")
	}
	dir := t.TempDir()
	seed := filepath.Join(fixtureDir, "seed.txt")
	differing := fixtureWithDifferences(t)
	seedPage, bothPage := filepath.Join(dir, "seed.html"), filepath.Join(dir, "both.html")
	for _, run := range [][]string{{"show", "-o", seedPage, seed}, {"show", "-o", bothPage, seed, differing}} {
		if code, _, errs := runCmd(t, "", run...); code != 0 {
			t.Fatalf("readout %s: exit %d: %s", strings.Join(run, " "), code, errs)
		}
	}

	ctx := browser(t, chrome)
	var mu sync.Mutex
	var requests []string
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	})
	if err == nil {
		_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Navigate("file://"+bothPage), chromedp.WaitVisible(chromedp.CSS("#a1 .text")))
	}
	if err != nil {
		t.Fatalf("chromium (%s): %v", chrome, err)
	}
	for i, path := range []string{seed, differing} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[pageSegments](strings.Replace(readSegmentsJS, "%q", strconv.Quote("#a"+strconv.Itoa(i)), 1)))
		if err != nil {
			t.Fatal(err)
		}
		r, text, gold := recordOf(t, path)
		checkHighlights(t, fixtureName(path), got, text, r, gold)
	}

	// The seed alone: hover over and click its first quote.
	r, _, _ := recordOf(t, seed)
	if len(r.Quotes) == 0 {
		t.Fatal("the seed article has no quote to click")
	}
	q := r.Quotes[0]
	run := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+seedPage), chromedp.WaitVisible(chromedp.CSS("#a0 .text"))); err != nil {
		t.Fatal(err)
	}
	// a segment of q0 that is nothing else, so that the click selects q0
	target := run(`(() => { const s = [...document.querySelectorAll('#a0 .seg')].find(e => e.dataset.ids === 'q0') || document.querySelector('#a0 .seg[data-ids~="q0"]'); s.id = 'target'; return s.textContent; })()`)
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.ID("target")), hover("#target")); err != nil {
		t.Fatal(err)
	}
	tip := run(`document.getElementById('tip').hidden ? '(hidden)' : document.getElementById('tip').textContent`)
	if !strings.Contains(tip, q.Rule) || !strings.Contains(tip, q.Text) {
		t.Errorf("hovering over %q shows the tooltip %q, want quote q0 with its rule %s", target, tip, q.Rule)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("target"))); err != nil {
		t.Fatal(err)
	}
	selected := run(`document.querySelector('#a0').dataset.selected`)
	card := run(`document.querySelector('#a0 .selected').textContent`)
	if selected != "q0" || !strings.Contains(card, q.Rule) || !strings.Contains(card, q.Text) {
		t.Errorf("clicking %q selected %q, panel %q; want q0 with its rule %s", target, selected, card, q.Rule)
	}
	counts := run(`document.querySelectorAll('#a0 .seg.sel').length + ' ' + document.querySelectorAll('#a0 .seg[data-ids~="q0"]').length`)
	if n := strings.Fields(counts); n[0] != n[1] || n[0] == "0" {
		t.Errorf("%s segments selected, want the %s of q0", n[0], n[1])
	}
	if run(`String(document.querySelector('#a0 .list li[data-id="q0"]').classList.contains('sel'))`) != "true" {
		t.Error("the panel's entry of q0 is not marked selected")
	}
	run(`(window.scrollTo(0, 0), document.getElementById('tip').hidden = true, '')`)
	shot := screenshot(t, ctx, "show-seed.png")
	// Escape clears the selection.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if s := run(`document.querySelector('#a0').dataset.selected`); s != "" {
		t.Errorf("after Escape %q is still selected", s)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+bothPage), chromedp.WaitVisible(chromedp.CSS("#a1 .text")), chromedp.ScrollIntoView(chromedp.ID("a1"))); err != nil {
		t.Fatal(err)
	}
	both := screenshot(t, ctx, "show-"+fixtureName(differing)+".png")

	mu.Lock()
	defer mu.Unlock()
	for _, u := range requests {
		if !strings.HasPrefix(u, "file://") {
			t.Errorf("the page asked for %s: it must load nothing", u)
		}
	}
	t.Logf("screenshot of readout show on seed.txt (quote q0 selected): %s", shot)
	t.Logf("screenshot of readout show with a gold comparison (%s): %s", fixtureName(differing), both)
}

// hover moves the mouse to the middle of the first node sel matches.
func hover(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		js := `(() => { const r = document.querySelector(` + strconv.Quote(sel) + `).getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]; })()`
		box, err := chromedp.Evaluate[[]float64](js)(ctx, t)
		if err != nil {
			return err
		}
		_, err = chromedp.MouseEvent(chromedp.MouseMoved, box[0], box[1])(ctx, t)
		return err
	})
}

// screenshot saves the viewport as a PNG among the test's artefacts.
func screenshot(t *testing.T, ctx context.Context, name string) string {
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(artifactDir(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// recordOf is a fixture's record (by parse), its text and its gold.
func recordOf(t *testing.T, path string) (record.Readout, string, *score.Record) {
	t.Helper()
	code, out, errs := runCmd(t, "", "parse", "--format", "json", path)
	if code != 0 {
		t.Fatalf("parse %s: exit %d: %s", path, code, errs)
	}
	var r record.Readout
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := score.LoadGold(goldBeside(path))
	if err != nil {
		return r, string(src), nil
	}
	return r, string(src), &g
}

// fixtureWithDifferences is the first fixture (by name) whose record has
// an extra item or a wrong speaker against its gold: whichever the
// extraction engine of the day gets wrong.
func fixtureWithDifferences(t *testing.T) string {
	paths := fixturePaths(t)
	for _, p := range paths {
		r, _, gold := recordOf(t, p)
		if gold == nil {
			continue
		}
		res := score.Score(score.FromReadout(r), *gold)
		if slices.ContainsFunc(res.Diff, func(d score.Difference) bool { return d.Kind != score.Missing }) {
			return p
		}
	}
	return paths[len(paths)-1]
}
