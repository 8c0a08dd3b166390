package webtest

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// The phone-first checks (issue 12), measured on what the browser draws:
// chart text no smaller than minChartText CSS px on a phone (the SVG text's
// computed size times the SVG's scale), no chart on a white block in dark
// mode, nothing wider than the viewport outside a scroll box, and on an
// industry page the first headline target and the top of its map within
// the first two phone screens.
const (
	minChartText = 11.0
	firstScreens = 1700.0
)

// screenViews are the screens and schemes every page is checked in.
var screenViews = []struct {
	name  string
	phone bool
	dark  bool
}{
	{"390 px, light", true, false}, {"390 px, dark", true, true},
	{"1280 px, light", false, false}, {"1280 px, dark", false, true},
}

func (tb *tab) view(t testing.TB, phoneView, dark bool) {
	t.Helper()
	w, h := int64(1280), int64(900)
	var vp []chromedp.EmulateViewportOption
	if phoneView {
		w, h = phone.width, 844
		vp = append(vp, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(w, h, vp...),
		call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})); err != nil {
		t.Fatal(err)
	}
	// Two frames: the new viewport is laid out and painted.
	eval[bool](t, tb, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}

// chartTextJS lists every drawn chart text under the minimum, in CSS px.
const chartTextJS = `(() => {
	const out = [];
	for (const svg of document.querySelectorAll('figure.chart .chart-canvas svg')) {
		const r = svg.getBoundingClientRect();
		if (!(r.width > 0)) continue; // the layout not on show
		const vb = svg.viewBox && svg.viewBox.baseVal;
		const k = vb && vb.width ? r.width / vb.width : 1;
		for (const t of svg.querySelectorAll('text')) {
			const tr = t.getBoundingClientRect();
			if (!(tr.width > 0) || !t.textContent.trim()) continue;
			const px = parseFloat(getComputedStyle(t).fontSize) * k;
			if (px < %f) out.push(svg.closest('figure').id + ': "' + t.textContent.trim().slice(0, 30) + '" at ' + px.toFixed(1) + ' px');
		}
	}
	return out;
})()`

// whiteBlockJS lists the charts whose ground is light in dark mode: the
// canvas' background and the SVG's first (ground) rect as painted.
const whiteBlockJS = `(() => {
	const lum = (c) => {
		const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(c || '');
		return m ? (0.2126 * m[1] + 0.7152 * m[2] + 0.0722 * m[3]) / 255 : -1;
	};
	const out = [];
	for (const canvas of document.querySelectorAll('figure.chart .chart-canvas')) {
		if (!(canvas.getBoundingClientRect().width > 0)) continue;
		const bg = getComputedStyle(canvas).backgroundColor;
		if (lum(bg) > 0.5) out.push(canvas.closest('figure').id + ': canvas background ' + bg);
		for (const svg of canvas.querySelectorAll('svg')) {
			if (!(svg.getBoundingClientRect().width > 0)) continue;
			const rect = svg.querySelector('rect');
			const fill = rect && getComputedStyle(rect).fill;
			if (rect && lum(fill) > 0.5) out.push(svg.closest('figure').id + ': chart ground ' + fill);
		}
	}
	return out;
})()`

// leadJS gives the page y of an industry page's first headline target and
// of the top of its map, -1 for one that is missing.
const leadJS = `(() => {
	const y = (el) => el ? el.getBoundingClientRect().top + scrollY : -1;
	return { Target: y(document.querySelector('.headline-targets li, .targets tbody tr')),
		Map: y(document.querySelector('figure.chart-map .chart-canvas')) };
})()`

func phoneFirst(t testing.TB, tb *tab, k pages.Kind) []string {
	t.Helper()
	var out []string
	for _, v := range screenViews {
		tb.view(t, v.phone, v.dark)
		if v.phone {
			for _, f := range eval[[]string](t, tb, fmt.Sprintf(chartTextJS, minChartText)) {
				out = append(out, fmt.Sprintf("%s: chart text under %.0f px: %s", v.name, minChartText, f))
			}
		}
		if v.dark {
			for _, f := range eval[[]string](t, tb, whiteBlockJS) {
				out = append(out, fmt.Sprintf("%s: a chart on a white block: %s", v.name, f))
			}
		}
		for _, f := range overflow(t, tb) {
			out = append(out, v.name+": "+f)
		}
		if v.phone && k.Name == "industry" {
			type lead struct{ Target, Map float64 }
			l := eval[lead](t, tb, leadJS)
			if l.Target < 0 || l.Target >= firstScreens {
				out = append(out, fmt.Sprintf("%s: the first headline target is at y = %.0f px, want 0 ≤ y < %.0f", v.name, l.Target, firstScreens))
			}
			if l.Map < 0 || l.Map >= firstScreens {
				out = append(out, fmt.Sprintf("%s: the map starts at y = %.0f px, want 0 ≤ y < %.0f", v.name, l.Map, firstScreens))
			}
		}
	}
	return out
}

// TestPhoneFirst runs the phone-first checks over every kind of page in
// both languages, at 390 × 844 and 1280 × 900, light and dark.
func TestPhoneFirst(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	chrome(t)
	each(t, func(t *testing.T, k pages.Kind, l plan.Lang) {
		path := l.Prefix() + k.Path
		tb := open(t, base+path, tabOptions{})
		defer tb.close()
		report(t, path, "phone first", phoneFirst(t, tb, k))
	})
}

// Broken pages for the phone-first checks (see fixture_test.go).
func init() {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 400" width="960" height="400"><rect width="960" height="400" fill="#FFFFFF"/><text x="10" y="20" font-size="11">Shrunk to fit</text></svg>`
	fixtureFiles["small-text/index.html"] = fixturePage("en", "Small chart text", "", `<figure class="chart" id="chart-s"><div class="chart-canvas">`+svg+`</div></figure>`)
	fixtureFiles["late-map/index.html"] = fixturePage("en", "Late map", "",
		`<div class="tall"></div><ul class="headline-targets"><li>A target, far down</li></ul><figure class="chart chart-map" id="chart-m"><div class="chart-canvas"></div></figure>`)
	fixtureFiles["site.css"] += ".tall { height: 3000px; }\n.chart-canvas > svg { width: 100%; height: auto; display: block; }\n"
}

func TestPhoneFirstCatchesBrokenPages(t *testing.T) {
	t.Parallel()
	base := fixtureBase(t)
	chrome(t)
	check := func(path string, k pages.Kind) []string {
		tb := open(t, base+path, tabOptions{})
		defer tb.close()
		return phoneFirst(t, tb, k)
	}
	if f := check("/ok/", pages.Kind{Name: "about"}); len(f) != 0 {
		t.Errorf("the clean page /ok/ has findings: %q", f)
	}
	small := check("/small-text/", pages.Kind{Name: "home"})
	expectFinding(t, "the chart text check", "/small-text/", small, "390 px, light", "chart text under 11 px", "Shrunk to fit")
	expectFinding(t, "the white block check", "/small-text/", small, "390 px, dark", "a chart on a white block", "chart ground")
	expectFinding(t, "the overflow check", "/wide/", check("/wide/", pages.Kind{Name: "about"}), "390 px, light", "scrolls sideways")
	late := check("/late-map/", pages.Kind{Name: "industry"})
	expectFinding(t, "the first-screens check", "/late-map/", late, "first headline target is at y =")
	expectFinding(t, "the first-screens check", "/late-map/", late, "the map starts at y =")
}
