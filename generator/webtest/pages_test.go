package webtest

import (
	"fmt"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// other is the language of a page's twin.
func other(l plan.Lang) plan.Lang {
	if l == plan.ZH {
		return plan.EN
	}
	return plan.ZH
}

// tabsAtOnce is how many pages a test checks at the same time, each in
// its own tab (and window, so that none is hidden): the machine has two
// cores, and a page spends part of its time waiting.
const tabsAtOnce = 2

// each opens every page kind in every language from base, in subtests
// named like "en/industry", a few at a time, and runs f on the open tab
// (path is the page's own, /en/industries/x/); the tab closes after.
func each(t *testing.T, base string, opts tabOptions, f func(t *testing.T, tb *tab, k pages.Kind, l plan.Lang, path string)) {
	type job struct {
		k pages.Kind
		l plan.Lang
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range tabsAtOnce {
		wg.Go(func() {
			for j := range jobs {
				t.Run(string(j.l)+"/"+j.k.Name, func(t *testing.T) {
					path := j.l.Prefix() + j.k.Path
					tb := open(t, base+path, opts)
					defer tb.close()
					f(t, tb, j.k, j.l, path)
				})
			}
		})
	}
	for _, l := range plan.Langs {
		for _, k := range pages.Kinds {
			jobs <- job{k, l}
		}
	}
	close(jobs)
	wg.Wait()
}

// report fails the test with every finding, naming the page.
func report(t testing.TB, page, what string, findings []string) {
	t.Helper()
	for i, f := range findings {
		if i == 30 {
			t.Errorf("%s: %s: … and %d more", page, what, len(findings)-30)
			return
		}
		t.Errorf("%s: %s: %s", page, what, f)
	}
}

// TestPagesInBrowser loads every kind of page in both languages on a
// 390 px phone, under the CDN's headers, and checks what a reader gets:
// no console error or warning, no failed request, no request off this
// machine, no sideways scrolling, charts that turn interactive on the
// first touch (loading the chart bundle then, once), and a language
// switch that lands on the page's twin.
func TestPagesInBrowser(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	chrome(t)
	each(t, base, phone, func(t *testing.T, tb *tab, k pages.Kind, l plan.Lang, path string) {

		wantStatus := int64(200)
		if k.File != "" {
			wantStatus = 404
		}
		if tb.status() != wantStatus {
			t.Errorf("%s: HTTP %d, want %d", path, tb.status(), wantStatus)
		}
		if lang := eval[string](t, tb, `document.documentElement.lang`); lang != l.Locale() {
			t.Errorf("%s: <html lang=%q>, want %q", path, lang, l.Locale())
		}
		report(t, path, "at 390 px", overflow(t, tb))
		report(t, path, "charts", chartsGoLive(t, tb, k))
		report(t, path, "at 390 px, charts live", overflow(t, tb))
		tb.rec.settle(tb.ctx)
		report(t, path, "in the browser", tb.rec.problems(tb.url, k.File != ""))
		report(t, path, "language switch", langSwitch(t, tb, k, l))
	})
}

// overflow reports a page wider than its viewport: a phone reader would
// have to scroll sideways.
func overflow(t testing.TB, tb *tab) []string {
	t.Helper()
	type widths struct{ Scroll, Client int }
	w := eval[widths](t, tb, `({Scroll: document.documentElement.scrollWidth, Client: document.documentElement.clientWidth})`)
	if w.Scroll <= w.Client {
		return nil
	}
	// Name the widest culprits, to say where to look.
	culprits := eval[[]string](t, tb, `(() => {
		const vw = document.documentElement.clientWidth, out = [];
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.right > vw + 1 && getComputedStyle(el).position !== 'fixed') {
				let p = el.parentElement, clipped = false;
				for (; p && p !== document.body; p = p.parentElement) {
					const o = getComputedStyle(p).overflowX;
					if (o !== 'visible') { clipped = true; break; }
				}
				if (!clipped) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' (right edge ' + Math.round(r.right) + ' px)');
			}
			if (out.length >= 5) break;
		}
		return out;
	})()`)
	return []string{fmt.Sprintf("the page is %d px wide in a %d px viewport: it scrolls sideways; first overflowing: %s",
		w.Scroll, w.Client, strings.Join(culprits, ", "))}
}

// chartsGoLive checks the charts of a page with JavaScript on. A normal
// page requests the interactive bundle only when a reader points at a
// chart, and then once for all its charts; so does an embed page, which
// other sites show in their articles, where most readers only look.
// Every figure.chart must end up live (class chart-is-live).
func chartsGoLive(t testing.TB, tb *tab, k pages.Kind) []string {
	t.Helper()
	var out []string
	n := eval[int](t, tb, `document.querySelectorAll('figure.chart').length`)
	if k.Charts && n == 0 {
		return []string{"no figure.chart on a page that shows charts"}
	}
	if n == 0 {
		if b := bundleRequests(tb.rec.requested()); b != 0 {
			out = append(out, fmt.Sprintf("a page without charts requested the chart bundle %d times", b))
		}
		return out
	}
	before := bundleRequests(tb.rec.requested())
	if before != 0 {
		out = append(out, fmt.Sprintf("the chart bundle was requested %d times before any interaction; it must wait for the reader", before))
	}
	for i := range n {
		// A chart that gives way to its table on this screen (the heatmap on
		// a phone) has no canvas to point at.
		if !eval[bool](t, tb, fmt.Sprintf(`document.querySelectorAll('figure.chart')[%d].querySelector('.chart-canvas').offsetParent !== null`, i)) {
			continue
		}
		point(t, tb, fmt.Sprintf(`document.querySelectorAll('figure.chart')[%d]`, i))
		live, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](
			fmt.Sprintf(`document.querySelectorAll('figure.chart')[%d].classList.contains('chart-is-live')`, i),
			chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil || !live {
			id := eval[string](t, tb, fmt.Sprintf(`document.querySelectorAll('figure.chart')[%d].id`, i))
			out = append(out, fmt.Sprintf("chart %d (#%s) did not become live (class chart-is-live) after a pointer on it: %v", i+1, id, err))
		}
	}
	tb.rec.settle(tb.ctx)
	if b := bundleRequests(tb.rec.requested()); b != 1 {
		out = append(out, fmt.Sprintf("the chart bundle was requested %d times for %d charts; want exactly once", b, n))
	}
	return out
}

// point moves the mouse onto the middle of an element's chart canvas, as
// a reader pointing at a chart, and clicks it.
func point(t testing.TB, tb *tab, el string) {
	t.Helper()
	type xy struct{ X, Y float64 }
	p := eval[xy](t, tb, `(() => {
		const f = `+el+`, c = f.querySelector('.chart-canvas') || f;
		c.scrollIntoView({block: 'center'});
		const r = c.getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
	})()`)
	if err := chromedp.Do(tb.ctx, chromedp.MouseEvent(chromedp.MouseMoved, p.X, p.Y), chromedp.MouseClickXY(p.X, p.Y)); err != nil {
		t.Fatalf("%s: pointing at %s: %v", tb.url, el, err)
	}
}

// langSwitch follows the page's language switch, in the same tab, and
// checks that it lands on the twin: the other language's <html lang>, at
// the twin's path, whose switch leads back. (The tab's record goes on with
// the twin's requests: read it before.)
func langSwitch(t testing.TB, tb *tab, k pages.Kind, l plan.Lang) []string {
	t.Helper()
	hrefs := eval[[]string](t, tb, `[...document.querySelectorAll('ul.lang-switch a')].map(a => a.href)`)
	if k.Embed {
		// Inside another site's article the reader has chosen the language;
		// the embed code of each language's chart is its own.
		if len(hrefs) != 0 {
			return []string{fmt.Sprintf("an embed page has a language switch: %v", hrefs)}
		}
		return nil
	}
	if len(hrefs) != 1 {
		return []string{fmt.Sprintf("want one link in ul.lang-switch (to the %s twin), found %d: %v", other(l), len(hrefs), hrefs)}
	}
	own := k.Path
	if k.File != "" {
		own = k.File
	}
	want := other(l).Prefix() + own
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(hrefs[0]))
	if err != nil {
		return []string{fmt.Sprintf("following the switch to %s: %v", hrefs[0], err)}
	}
	var out []string
	if at := eval[string](t, tb, `location.pathname`); at != want {
		out = append(out, fmt.Sprintf("the switch (%s) lands on %s, want the twin %s", hrefs[0], at, want))
	}
	if resp.Status != 200 {
		out = append(out, fmt.Sprintf("the twin %s answers HTTP %d", hrefs[0], resp.Status))
	}
	if lang := eval[string](t, tb, `document.documentElement.lang`); lang != other(l).Locale() {
		out = append(out, fmt.Sprintf("the twin %s has <html lang=%q>, want %q", hrefs[0], lang, other(l).Locale()))
	}
	if back := eval[[]string](t, tb, `[...document.querySelectorAll('ul.lang-switch a')].map(a => new URL(a.href).pathname)`); len(back) != 1 || back[0] != l.Prefix()+own {
		out = append(out, fmt.Sprintf("the twin %s switches back to %v, want %s", hrefs[0], back, l.Prefix()+own))
	}
	return out
}

// TestChartsWithoutJavaScript loads the chart pages with JavaScript off:
// every figure.chart must still show its build-time SVG, drawn inline.
func TestChartsWithoutJavaScript(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	chrome(t)
	each(t, base, tabOptions{noScript: true}, func(t *testing.T, tb *tab, k pages.Kind, l plan.Lang, path string) {
		report(t, path, "without JavaScript", staticCharts(t, tb, k))
		report(t, path, "in the browser", tb.rec.problems(tb.url, k.File != ""))
	})
}

// staticCharts checks that every figure.chart shows an inline SVG with a
// size on the page, and that the page did not run a script.
func staticCharts(t testing.TB, tb *tab, k pages.Kind) []string {
	t.Helper()
	type figure struct {
		ID            string
		Width, Height float64
		Texts         int
	}
	figs := eval[[]figure](t, tb, `[...document.querySelectorAll('figure.chart')].map(f => {
		const svg = f.querySelector('.chart-canvas > svg'), r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
		return {ID: f.id, Width: r.width, Height: r.height, Texts: svg ? svg.querySelectorAll('text, path').length : 0};
	})`)
	var out []string
	if k.Charts && len(figs) == 0 {
		out = append(out, "no figure.chart on a page that shows charts")
	}
	for _, f := range figs {
		if f.Width < 100 || f.Height < 100 || f.Texts == 0 {
			out = append(out, fmt.Sprintf("figure #%s shows no build-time SVG (%.0f × %.0f px, %d shapes)", f.ID, f.Width, f.Height, f.Texts))
		}
	}
	if live := eval[int](t, tb, `document.querySelectorAll('.chart-is-live').length`); live != 0 {
		out = append(out, fmt.Sprintf("%d charts went live with JavaScript disabled", live))
	}
	if b := bundleRequests(tb.rec.requested()); b != 0 {
		out = append(out, fmt.Sprintf("the chart bundle was requested %d times with JavaScript disabled", b))
	}
	return out
}
