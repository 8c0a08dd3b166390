package webtest

import (
	"fmt"
	"maps"
	"path/filepath"
	"sync"
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
// On the home page the first headline figure stands on the first phone
// screen; attachment 2 in the full text stacks its rows on a phone and
// never scrolls sideways; the counts atop /targets/ are those of its rows
// and of generator/plan.
const (
	minChartText = 11.0
	firstScreens = 1700.0
	firstScreen  = 844.0
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

// chartTextJS looks at every drawn chart text, as the browser lays it
// out: Small lists those under the minimum (in CSS px), Cut those that run
// past their chart's edge, where the SVG cuts them off (a name a reader
// cannot finish: ECharts wraps by its own estimate of a text's width).
const chartTextJS = `(() => {
	const out = {Small: [], Cut: []};
	for (const svg of document.querySelectorAll('figure.chart .chart-canvas svg')) {
		const r = svg.getBoundingClientRect();
		if (!(r.width > 0)) continue; // the layout not on show
		const vb = svg.viewBox && svg.viewBox.baseVal;
		const k = vb && vb.width ? r.width / vb.width : 1;
		const id = svg.closest('figure').id;
		for (const t of svg.querySelectorAll('text')) {
			const tr = t.getBoundingClientRect();
			if (!(tr.width > 0) || !t.textContent.trim()) continue;
			const px = parseFloat(getComputedStyle(t).fontSize) * k;
			if (px < %f) out.Small.push(id + ': "' + t.textContent.trim().slice(0, 30) + '" at ' + px.toFixed(1) + ' px');
			if (tr.left < r.left - 1 || tr.right > r.right + 1) {
				out.Cut.push(id + ': "' + t.textContent.trim().slice(0, 40) + '" spans ' + tr.left.toFixed(0) + '–' + tr.right.toFixed(0) + ' px, the chart ' + r.left.toFixed(0) + '–' + r.right.toFixed(0));
			}
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

// firstFigureJS is the page y of the home page's first headline figure.
const firstFigureJS = `(() => {
	const el = document.querySelector('.cards .card .figure');
	return el ? el.getBoundingClientRect().top + scrollY : -1;
})()`

// keyPointsJS lists what keeps attachment 2 from reading on a phone: a
// table that scrolls sideways in its box or runs past the screen, a row
// whose cells stand side by side rather than one under another, a cell
// with no label.
const keyPointsJS = `(() => {
	const out = [], vw = document.documentElement.clientWidth;
	const tables = document.querySelectorAll('table.key-points-table');
	if (!tables.length) out.push('no attachment 2 table');
	for (const t of tables) {
		const box = t.closest('.table-scroll') || t.parentElement;
		if (box.scrollWidth > box.clientWidth + 1) out.push('attachment 2 scrolls sideways: ' + box.scrollWidth + ' px in a ' + box.clientWidth + ' px box');
		if (t.getBoundingClientRect().right > vw + 1) out.push('attachment 2 runs past the screen: right edge ' + Math.round(t.getBoundingClientRect().right) + ' px');
		for (const tr of t.tBodies[0] ? t.tBodies[0].rows : []) {
			const x = tr.cells[0].getBoundingClientRect().left;
			if ([...tr.cells].some((c) => Math.abs(c.getBoundingClientRect().left - x) > 1)) { out.push('row ' + tr.id + ' is not stacked: its cells stand side by side'); break; }
			if ([...tr.querySelectorAll('td')].some((c) => !c.dataset.label)) { out.push('row ' + tr.id + ' has a cell with no label'); break; }
		}
	}
	return out;
})()`

// differenceCountsJS reads the counts atop /targets/ and counts the rows
// of each kind of difference below them.
const differenceCountsJS = `(() => {
	const shown = {}, rows = {};
	for (const li of document.querySelectorAll('.difference-summary li[data-kind]')) {
		shown[li.dataset.kind] = parseInt((li.querySelector('[data-count]') || {}).textContent || 'NaN', 10);
	}
	for (const tr of document.querySelectorAll('table.targets tr.differs')) {
		const k = [...tr.classList].find((c) => c.startsWith('kind-'));
		if (k) rows[k.slice(5)] = (rows[k.slice(5)] || 0) + 1;
	}
	return { Shown: shown, Rows: rows };
})()`

// planKinds counts the kinds of difference as generator/plan sorts them,
// over the province's goals and every industry.
var planKinds = sync.OnceValues(func() (map[string]int, error) {
	p, err := plan.Load(filepath.Join(repo, "data"))
	if err != nil {
		return nil, err
	}
	n := map[string]int{}
	count := func(ts []*plan.Target) {
		for _, pr := range plan.Pairs(ts) {
			if k := pr.Kind(); k != plan.KindSame {
				n[k]++
			}
		}
	}
	count(p.Document.General.Goals.Targets)
	for _, ind := range p.Industries {
		count(ind.Targets)
	}
	return n, nil
})

func phoneFirst(t testing.TB, tb *tab, k pages.Kind) []string {
	t.Helper()
	var out []string
	for _, v := range screenViews {
		tb.view(t, v.phone, v.dark)
		texts := eval[struct{ Small, Cut []string }](t, tb, fmt.Sprintf(chartTextJS, minChartText))
		if v.phone {
			for _, f := range texts.Small {
				out = append(out, fmt.Sprintf("%s: chart text under %.0f px: %s", v.name, minChartText, f))
			}
		}
		for _, f := range texts.Cut {
			out = append(out, fmt.Sprintf("%s: chart text cut off at the chart's edge: %s", v.name, f))
		}
		// (An embed takes its host's palette, light unless its address
		// asks otherwise: TestEmbedThemeFromHost checks it dark.)
		if v.dark && !k.Embed {
			for _, f := range eval[[]string](t, tb, whiteBlockJS) {
				out = append(out, fmt.Sprintf("%s: a chart on a white block: %s", v.name, f))
			}
		}
		for _, f := range overflow(t, tb) {
			out = append(out, v.name+": "+f)
		}
		if v.phone && k.Name == "home" {
			y := eval[float64](t, tb, firstFigureJS)
			t.Logf("%s: the first headline figure at y = %.0f px", v.name, y)
			if y < 0 || y >= firstScreen {
				out = append(out, fmt.Sprintf("%s: the first headline figure is at y = %.0f px, want 0 ≤ y < %.0f", v.name, y, firstScreen))
			}
		}
		if v.phone && k.Name == "full text" {
			for _, f := range eval[[]string](t, tb, keyPointsJS) {
				out = append(out, v.name+": "+f)
			}
		}
		if k.Name == "targets" && !v.dark {
			type counts struct{ Shown, Rows map[string]int }
			c := eval[counts](t, tb, differenceCountsJS)
			want, err := planKinds()
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Shown) != len(plan.DifferenceKinds) {
				out = append(out, fmt.Sprintf("%s: the top of the page counts %v; want each of %v", v.name, c.Shown, plan.DifferenceKinds))
			}
			for kind, n := range c.Shown {
				if n != c.Rows[kind] {
					out = append(out, fmt.Sprintf("%s: the top of the page counts %d %s, the tables show %d", v.name, n, kind, c.Rows[kind]))
				}
			}
			if !maps.Equal(c.Rows, want) {
				out = append(out, fmt.Sprintf("%s: the tables show differences %v; generator/plan counts %v", v.name, c.Rows, want))
			}
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
	each(t, base, tabOptions{}, func(t *testing.T, tb *tab, k pages.Kind, l plan.Lang, path string) {
		report(t, path, "phone first", phoneFirst(t, tb, k))
	})
}

// Broken pages for the phone-first checks (see fixture_test.go).
func init() {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 400" width="960" height="400"><rect width="960" height="400" fill="#FFFFFF"/><text x="10" y="20" font-size="11">Shrunk to fit</text></svg>`
	fixtureFiles["small-text/index.html"] = fixturePage("en", "Small chart text", "", `<figure class="chart" id="chart-s"><div class="chart-canvas">`+svg+`</div></figure>`)
	// A name longer than its chart, as ECharts' wrapping left the phone
	// layout's target names.
	cut := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 100" width="360" height="100"><rect width="360" height="100" fill="#FFFFFF"/><text x="8" y="40" font-size="14">revenue of the province's construction machinery enterprises</text></svg>`
	fixtureFiles["cut-label/index.html"] = fixturePage("en", "Cut label", "", `<figure class="chart" id="chart-c"><div class="chart-canvas">`+cut+`</div></figure>`)
	fixtureFiles["late-map/index.html"] = fixturePage("en", "Late map", "",
		`<div class="tall"></div><ul class="headline-targets"><li>A target, far down</li></ul><figure class="chart chart-map" id="chart-m"><div class="chart-canvas"></div></figure>`)
	fixtureFiles["late-figure/index.html"] = fixturePage("en", "Late figure", "",
		`<div class="tall"></div><ul class="cards"><li class="card"><span class="figure">1 trillion yuan</span></li></ul>`)
	// Attachment 2 as it was: a wide table in a scroll box, cells side by side.
	fixtureFiles["wide-attachment/index.html"] = fixturePage("en", "Wide attachment", "",
		`<div class="table-scroll"><table class="key-points-table"><tbody><tr id="kp-a1"><th scope="row">Petrochemicals</th><td data-label="2027 goals">more than 410 billion yuan</td><td>Ethylene</td></tr></tbody></table></div>`)
	// Counts that say one conflict over a table that shows a wording difference.
	fixtureFiles["miscounted/index.html"] = fixturePage("en", "Miscounted", "",
		`<section class="difference-summary"><ul><li data-kind="conflict"><strong data-count>1</strong></li><li data-kind="wording"><strong data-count>0</strong></li><li data-kind="one-place"><strong data-count>0</strong></li></ul></section>`+
			`<table class="targets"><tbody><tr class="differs kind-wording"><th scope="row">Output</th><td>x</td><td>y</td></tr></tbody></table>`)
	fixtureFiles["site.css"] += ".table-scroll { overflow-x: auto; }\n.key-points-table td, .key-points-table th { min-width: 12rem; }\n"
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
	expectFinding(t, "the chart edge check", "/cut-label/", check("/cut-label/", pages.Kind{Name: "about"}), "390 px, light", "cut off at the chart's edge", "revenue of the province's construction")
	expectFinding(t, "the overflow check", "/wide/", check("/wide/", pages.Kind{Name: "about"}), "390 px, light", "scrolls sideways")
	expectFinding(t, "the first-figure check", "/late-figure/", check("/late-figure/", pages.Kind{Name: "home"}), "390 px, light", "first headline figure is at y =")
	wide := check("/wide-attachment/", pages.Kind{Name: "full text"})
	expectFinding(t, "the attachment 2 check", "/wide-attachment/", wide, "390 px, light", "attachment 2 scrolls sideways")
	expectFinding(t, "the attachment 2 check", "/wide-attachment/", wide, "row kp-a1 is not stacked")
	mis := check("/miscounted/", pages.Kind{Name: "targets"})
	expectFinding(t, "the difference count check", "/miscounted/", mis, "counts 1 conflict, the tables show 0")
	expectFinding(t, "the difference count check", "/miscounted/", mis, "generator/plan counts")
	late := check("/late-map/", pages.Kind{Name: "industry"})
	expectFinding(t, "the first-screens check", "/late-map/", late, "first headline target is at y =")
	expectFinding(t, "the first-screens check", "/late-map/", late, "the map starts at y =")
}
