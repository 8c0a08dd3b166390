package webtest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// phoneFrame is an embed's frame on a 390 px phone in a WordPress theme's
// column (Twenty Twenty-Three leaves 342 px).
const phoneFrame = 342

// embedText is the smallest text an embed page shows, in CSS px: the
// drawn chart's text scaled as the SVG is, and the table's where a chart
// gives way to it.
type embedText struct {
	Min   float64
	Where string
	Shown int // text elements measured
	Theme string
	Bg    string
}

// embedTextProbe measures the visible text of an embed page. With force,
// the wide layout is shown instead of the phone one (the broken fixture:
// an embed drawn only in its wide layout).
const embedTextProbe = `((force) => {
	if (force) for (const s of document.querySelectorAll('.chart-canvas > svg')) s.style.display = s.dataset.layout === 'wide' ? 'block' : 'none';
	let min = Infinity, where = '', shown = 0;
	for (const svg of document.querySelectorAll('.chart-canvas > svg')) {
		const r = svg.getBoundingClientRect();
		if (getComputedStyle(svg).display === 'none' || r.width === 0 || getComputedStyle(svg.parentElement).display === 'none') continue;
		const scale = r.width / svg.viewBox.baseVal.width;
		for (const t of svg.querySelectorAll('text')) {
			if (!t.textContent.trim()) continue;
			const px = parseFloat(getComputedStyle(t).fontSize) * scale;
			shown++;
			if (px < min) { min = px; where = svg.dataset.layout + ' layout: ' + t.textContent.trim().slice(0, 30); }
		}
	}
	for (const c of document.querySelectorAll('.chart-phone-table td, .chart-phone-table th')) {
		if (!c.getClientRects().length || !c.textContent.trim()) continue;
		const px = parseFloat(getComputedStyle(c).fontSize);
		shown++;
		if (px < min) { min = px; where = 'table: ' + c.textContent.trim().slice(0, 30); }
	}
	return {Min: shown ? min : 0, Where: where, Shown: shown, Theme: document.documentElement.dataset.theme || '', Bg: getComputedStyle(document.body).backgroundColor};
})`

// embedTextFindings says what is too small to read.
func embedTextFindings(v embedText) []string {
	if v.Shown == 0 {
		return []string{"no chart text shows"}
	}
	if v.Min < 11-0.05 {
		return []string{fmt.Sprintf("text of %.1f px (%s): under 11 px", v.Min, v.Where)}
	}
	return nil
}

// TestEmbedTextOnPhones opens every embed page as a phone frame shows it
// (342 px, in a dark-mode browser): each must draw the layout for that
// width, with no text under 11 CSS px, and in light colours unless its
// address asks for ?theme=dark or ?theme=auto.
func TestEmbedTextOnPhones(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	dir := siteDir(t)
	chrome(t)
	pages := embedPages(t, dir)
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range tabsAtOnce {
		wg.Go(func() {
			for p := range jobs {
				tb := open(t, base+p, tabOptions{width: phoneFrame})
				v := eval[embedText](t, tb, embedTextProbe+"(false)")
				report(t, p, "text at "+fmt.Sprint(phoneFrame)+" px", embedTextFindings(v))
				tb.close()
			}
		})
	}
	for _, p := range pages {
		jobs <- p
	}
	close(jobs)
	wg.Wait()

	// The checker fails on an embed drawn only in its wide layout.
	tb := open(t, base+"/en/embed/cities-per-industry/", tabOptions{width: phoneFrame})
	v := eval[embedText](t, tb, embedTextProbe+"(true)")
	tb.close()
	expectFinding(t, "the embed text check", "the wide layout on a phone", embedTextFindings(v), "under 11 px")
}

// TestEmbedThemeFromHost: the host decides the palette. In a browser set
// to dark mode an embed is light, unless its address says ?theme=dark or
// ?theme=auto.
func TestEmbedThemeFromHost(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	chrome(t)
	const light, dark = "rgb(255, 255, 255)", "rgb(18, 20, 23)"
	for _, c := range []struct{ query, want string }{{"", light}, {"?theme=light", light}, {"?theme=dark", dark}, {"?theme=auto", dark}} {
		tb := open(t, base+"/en/embed/city-changsha/"+c.query, tabOptions{width: phoneFrame})
		v := darkMode(t, tb)
		if v.Bg != c.want {
			t.Errorf("/en/embed/city-changsha/%s in a dark-mode browser: background %s, want %s", c.query, v.Bg, c.want)
		}
		if c.want == dark {
			for _, f := range eval[[]string](t, tb, whiteBlockJS) {
				t.Errorf("/en/embed/city-changsha/%s in a dark-mode browser: a chart on a white block: %s", c.query, f)
			}
		}
		tb.close()
	}
}

// darkMode switches the tab's browser to prefers-color-scheme: dark and
// reads the embed page's palette.
func darkMode(t testing.TB, tb *tab) embedText {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})); err != nil {
		t.Fatal(err)
	}
	return eval[embedText](t, tb, embedTextProbe+"(false)")
}
