package webtest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hunan-industry/plan-site/generator/engines"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// The journeys that measure what is drawn run in the three engines the
// site's readers use: Chromium, WebKit (Safari and every browser on iOS,
// WeChat's included) and Firefox, through generator/engines. Each engine
// draws a page as a desktop browser in a window of the screen's width (no
// phone emulation: only Chromium has one), light and dark, and
// TestChartLabelsAcrossEngines holds every chart label to where Chromium
// draws it.

// engineSlot is one running browser, shared by the tests; it shows one
// page at a time, so a test holds mu while its page is on show.
type engineSlot struct {
	mu   sync.Mutex
	once sync.Once
	b    engines.Browser
	err  error
}

type engineKey struct {
	name engines.Name
	dark bool
}

var (
	engineSlotsMu sync.Mutex
	engineSlots   = map[engineKey]*engineSlot{}
)

// engine is the shared browser of an engine, light or dark, started on
// first use and closed when the package's tests end. It skips the test
// when the engine is not installed, and fails it under CI=true.
func engine(t testing.TB, name engines.Name, dark bool) *engineSlot {
	t.Helper()
	if err := engines.Available(name); errors.Is(err, engines.ErrMissing) {
		need(t, string(name), err)
	} else if err != nil {
		t.Fatal(err)
	}
	engineSlotsMu.Lock()
	s := engineSlots[engineKey{name, dark}]
	if s == nil {
		s = &engineSlot{}
		engineSlots[engineKey{name, dark}] = s
	}
	engineSlotsMu.Unlock()
	s.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		s.b, s.err = engines.Start(ctx, name, engines.Options{Dark: dark})
		if s.err == nil {
			atExit(func() { s.b.Close() })
		}
	})
	if s.err != nil {
		t.Fatalf("starting %s: %v", name, s.err)
	}
	return s
}

// with runs f while the test holds the slot's page.
func (s *engineSlot) with(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
}

// engineOp is the time one command may take.
const engineOp = 60 * time.Second

// settleJS waits for the fonts and two frames: the page is laid out and
// painted as it stands.
const settleJS = `document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))`

// show loads u in the slot's browser at w × h CSS px and waits until it
// is drawn. The caller holds s.mu.
func (s *engineSlot) show(t testing.TB, u string, w, h int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), engineOp)
	defer cancel()
	if err := s.b.Load(ctx, u, w, h); err != nil {
		t.Fatalf("%s: loading %s at %d px: %v", s.b.Version(), u, w, err)
	}
	engineEval[bool](t, s, settleJS)
}

// resize sets the viewport and waits until the page is drawn again.
func (s *engineSlot) resize(t testing.TB, w, h int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), engineOp)
	defer cancel()
	if err := s.b.Resize(ctx, w, h); err != nil {
		t.Fatalf("%s: a %d × %d viewport: %v", s.b.Version(), w, h, err)
	}
	engineEval[bool](t, s, settleJS)
}

func engineEval[T any](t testing.TB, s *engineSlot, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), engineOp)
	defer cancel()
	var v T
	if err := s.b.Eval(ctx, js, &v); err != nil {
		t.Fatalf("%s: evaluating %.60q: %v", s.b.Version(), js, err)
	}
	return v
}

// engineWidths are the screens each engine draws pages at: a phone and a
// desktop.
var engineWidths = []struct {
	name string
	w, h int
}{{"390 px", 390, 844}, {"1280 px", 1280, 900}}

// geometryFindings are the phone-first checks (phonefirst_test.go) on the
// page the slot shows, at the width and scheme given: chart text size on
// a phone, chart text cut at its chart's edge, charts on a white block in
// dark mode, sideways scrolling, and the first screens of the home and
// industry pages.
func geometryFindings(t testing.TB, s *engineSlot, k pages.Kind, phoneView, dark bool) []string {
	t.Helper()
	var out []string
	texts := engineEval[struct{ Small, Cut []string }](t, s, fmt.Sprintf(chartTextJS, minChartText))
	if phoneView {
		for _, f := range texts.Small {
			out = append(out, fmt.Sprintf("chart text under %.0f px: %s", minChartText, f))
		}
	}
	for _, f := range texts.Cut {
		out = append(out, "chart text cut off at the chart's edge: "+f)
	}
	if dark {
		for _, f := range engineEval[[]string](t, s, whiteBlockJS) {
			out = append(out, "a chart on a white block: "+f)
		}
	}
	w := engineEval[struct{ Scroll, Client int }](t, s, `({Scroll: document.documentElement.scrollWidth, Client: document.documentElement.clientWidth})`)
	if w.Scroll > w.Client {
		out = append(out, fmt.Sprintf("the page is %d px wide in a %d px viewport: it scrolls sideways", w.Scroll, w.Client))
	}
	if phoneView && k.Name == "home" {
		if y := engineEval[float64](t, s, firstFigureJS); y < 0 || y >= firstScreen {
			out = append(out, fmt.Sprintf("the first headline figure is at y = %.0f px, want 0 ≤ y < %.0f", y, firstScreen))
		}
	}
	if phoneView && k.Name == "industry" {
		l := engineEval[struct{ Target, Map float64 }](t, s, leadJS)
		if l.Target < 0 || l.Target >= firstScreens {
			out = append(out, fmt.Sprintf("the first headline target is at y = %.0f px, want 0 ≤ y < %.0f", l.Target, firstScreens))
		}
		if l.Map < 0 || l.Map >= firstScreens {
			out = append(out, fmt.Sprintf("the map starts at y = %.0f px, want 0 ≤ y < %.0f", l.Map, firstScreens))
		}
	}
	return out
}

// bundleCountJS counts the page's requests for the interactive chart
// bundle, from the browser's own record of what it fetched.
var bundleCountJS = `performance.getEntriesByType('resource').filter((e) => new RegExp(` +
	strconv.Quote(bundleURL.String()) + `).test(new URL(e.name).pathname)).length`

// tapFindings is tap to interactive: no chart bundle before the reader
// acts; a click on the first chart on show makes it live (class
// chart-is-live) within wait, loading the bundle once.
func tapFindings(t testing.TB, s *engineSlot, wait time.Duration) []string {
	t.Helper()
	if n := engineEval[int](t, s, bundleCountJS); n != 0 {
		return []string{fmt.Sprintf("the chart bundle was requested %d times before any interaction", n)}
	}
	type target struct {
		ID   string
		X, Y float64
	}
	p := engineEval[*target](t, s, `(() => {
		const c = [...document.querySelectorAll('figure.chart .chart-canvas')].find((c) => c.offsetParent !== null);
		if (!c) return null;
		c.scrollIntoView({block: 'center'});
		const r = c.getBoundingClientRect();
		return {ID: c.closest('figure').id, X: r.left + r.width / 2, Y: r.top + r.height / 2};
	})()`)
	if p == nil {
		return []string{"no chart on show to tap"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), engineOp)
	defer cancel()
	if err := s.b.Click(ctx, p.X, p.Y); err != nil {
		t.Fatalf("%s: clicking #%s: %v", s.b.Version(), p.ID, err)
	}
	live := engineEval[bool](t, s, `new Promise((r) => {
		const f = document.getElementById(`+strconv.Quote(p.ID)+`), end = Date.now() + `+strconv.Itoa(int(wait.Milliseconds()))+`;
		(function poll() {
			if (f.classList.contains('chart-is-live')) return r(true);
			if (Date.now() > end) return r(false);
			setTimeout(poll, 100);
		})();
	})`)
	var out []string
	if !live {
		out = append(out, fmt.Sprintf("#%s did not become live (class chart-is-live) within %s of a click on it", p.ID, wait))
	}
	if n := engineEval[int](t, s, bundleCountJS); n != 1 {
		out = append(out, fmt.Sprintf("the chart bundle was requested %d times after a click; want once", n))
	}
	return out
}

// enginePages are the pages drawn in each engine: every kind with charts,
// in both languages.
func enginePages() []struct {
	k    pages.Kind
	path string
} {
	var out []struct {
		k    pages.Kind
		path string
	}
	for _, l := range plan.Langs {
		for _, k := range pages.Kinds {
			if k.Charts {
				out = append(out, struct {
					k    pages.Kind
					path string
				}{k, k.In(l)})
			}
		}
	}
	return out
}

// embedFrame is the size of the frame the embed code of the embed page
// gives (the chart's page offers it).
func embedFrame(t testing.TB, embedPath string) (w, h int) {
	t.Helper()
	chart := strings.TrimSuffix(embedPath[strings.LastIndex(strings.TrimSuffix(embedPath, "/"), "/")+1:], "/")
	var page string
	for _, c := range embedCases {
		if c.chart == chart {
			page = c.page
		}
	}
	if page == "" {
		t.Fatalf("no page offers the embed code of %s (embedCases)", chart)
	}
	lang := strings.TrimSuffix(embedPath, "/embed/"+chart+"/")
	snippet, err := offeredSnippet(t, parsePage(t, siteDir(t), lang+page), chart)
	if err != nil {
		t.Fatal(err)
	}
	get := func(re *regexp.Regexp) int {
		m := re.FindStringSubmatch(snippet)
		if m == nil {
			t.Fatalf("the embed code of %s has no frame size: %s", chart, snippet)
		}
		n, err := strconv.Atoi(m[1])
		if err != nil {
			t.Fatalf("the embed code of %s: %v", chart, err)
		}
		return n
	}
	return get(widthAttr), get(heightAttr)
}

var widthAttr = regexp.MustCompile(`\swidth="([^"]*)"`)

// TestPagesInEngines draws every page with charts in each engine, at 390
// and 1280 px, light and dark, with the phone-first checks; taps a chart
// (light, on a phone) and wants it live; and shows each embed page in the
// frame its embed code sets, where its chart and footer must fit.
func TestPagesInEngines(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	for _, name := range engines.All {
		t.Run(string(name), func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			for _, dark := range []bool{false, true} {
				s := engine(t, name, dark)
				scheme := map[bool]string{false: "light", true: "dark"}[dark]
				for _, p := range enginePages() {
					s.with(func() {
						u := base + p.path
						if p.k.Embed && dark {
							// An embed is light unless its host asks; ?theme=auto
							// follows the reader, so dark mode must hold there.
							u += "?theme=auto"
						}
						s.show(t, u, engineWidths[0].w, engineWidths[0].h)
						for i, v := range engineWidths {
							if i > 0 {
								s.resize(t, v.w, v.h)
							}
							report(t, p.path, s.b.Version()+", "+v.name+", "+scheme, geometryFindings(t, s, p.k, i == 0, dark))
						}
						if p.k.Embed {
							w, h := embedFrame(t, p.path)
							s.resize(t, w, h)
							in := engineEval[*probed](t, s, embedProbe)
							if in == nil {
								t.Fatalf("%s: %s: the embed page has no chart or footer", s.b.Version(), p.path)
							}
							v := frameView{Frame: float64(h), FrameW: float64(w), Content: in.Content, Chart: in.Chart, ChartH: in.ChartH, ChartW: in.ChartW, Foot: in.Foot, Styled: in.Styled}
							report(t, p.path, fmt.Sprintf("%s, in its %d × %d frame, %s", s.b.Version(), w, h, scheme), frameFindings(v, false))
						}
						if !dark {
							s.resize(t, engineWidths[0].w, engineWidths[0].h)
							report(t, p.path, s.b.Version()+", tap to interactive", tapFindings(t, s, 20*time.Second))
						}
					})
				}
			}
			t.Logf("%s: %d pages, light and dark, in %s", name, len(enginePages()), time.Since(start).Round(time.Second))
		})
	}
}

// labelsJS measures every chart label on show, as drawn: its box relative
// to its chart's SVG, in CSS px, with the dominant-baseline it computes.
const labelsJS = `(() => {
	const out = [];
	for (const svg of document.querySelectorAll('figure.chart .chart-canvas svg')) {
		const r = svg.getBoundingClientRect();
		if (!(r.width > 0)) continue;
		const texts = [];
		for (const t of svg.querySelectorAll('text')) {
			const b = t.getBoundingClientRect();
			const cs = getComputedStyle(t);
			texts.push({Text: t.textContent.trim().slice(0, 30), X: b.left - r.left, Y: b.top - r.top, W: b.width, H: b.height,
				Anchor: cs.textAnchor, Baseline: cs.dominantBaseline});
		}
		out.push({Chart: svg.closest('figure').id + ' (' + (svg.dataset.layout || 'one layout') + ')', W: r.width, H: r.height, Texts: texts});
	}
	return out;
})()`

type labelBox struct {
	Text             string
	X, Y, W, H       float64
	Anchor, Baseline string
}

// anchorX is where the label is anchored across: the start, middle or
// end of its box, as its text-anchor says.
func (b labelBox) anchorX() float64 {
	switch b.Anchor {
	case "start":
		return b.X
	case "end":
		return b.X + b.W
	}
	return b.X + b.W/2
}

type chartLabels struct {
	Chart string
	W, H  float64
	Texts []labelBox
}

// labelTolerance is how far, in CSS px, a label may stand from where
// Chromium draws it. Offsets are taken to a tenth of a pixel: the engines
// lay out in units of their own (1/64 px in Chromium and WebKit, 1/60 px
// in Firefox), which leave a few hundredths over.
const labelTolerance = 1.0

func tenths(d float64) float64 { return math.Round(d*10) / 10 }

// labelOffsets compares the labels an engine draws with Chromium's: a
// finding for each chart whose size differs by more than labelTolerance,
// and for each label whose anchor does (across: the start, middle or end
// of its box, as its text-anchor says; down: the middle of its box); and
// the largest offsets seen. Anchors, not edges: the engines size a text's
// box each their own way (Chromium by the em box, WebKit by the font's
// ascent and descent, Firefox by the line's height), and a glyph a font
// lacks (★) comes from another font in each; but every engine puts a
// label's anchor where the chart placed it.
func labelOffsets(ref, got []chartLabels) (findings []string, maxX, maxY float64) {
	byChart := map[string]chartLabels{}
	for _, c := range got {
		byChart[c.Chart] = c
	}
	for _, rc := range ref {
		gc, ok := byChart[rc.Chart]
		if !ok {
			var shown []string
			for _, c := range got {
				shown = append(shown, c.Chart)
			}
			findings = append(findings, fmt.Sprintf("%s: not on show; on show: %v", rc.Chart, shown))
			continue
		}
		if math.Abs(tenths(gc.W-rc.W)) > labelTolerance || math.Abs(tenths(gc.H-rc.H)) > labelTolerance {
			findings = append(findings, fmt.Sprintf("%s: drawn %.1f × %.1f px, Chromium %.1f × %.1f", rc.Chart, gc.W, gc.H, rc.W, rc.H))
			continue
		}
		if len(gc.Texts) != len(rc.Texts) {
			findings = append(findings, fmt.Sprintf("%s: %d labels, Chromium %d", rc.Chart, len(gc.Texts), len(rc.Texts)))
			continue
		}
		off := 0
		for i, r := range rc.Texts {
			g := gc.Texts[i]
			dx := tenths(g.anchorX() - r.anchorX())
			dy := tenths(g.Y + g.H/2 - r.Y - r.H/2)
			maxX, maxY = math.Max(maxX, math.Abs(dx)), math.Max(maxY, math.Abs(dy))
			if math.Abs(dx) > labelTolerance || math.Abs(dy) > labelTolerance {
				off++
				if off <= 3 {
					findings = append(findings, fmt.Sprintf("%s: label %q anchored at (%.1f, %.1f) px (dominant-baseline %s), Chromium (%.1f, %.1f) (%s): %+.1f px across, %+.1f px down",
						rc.Chart, r.Text, g.anchorX(), g.Y+g.H/2, g.Baseline, r.anchorX(), r.Y+r.H/2, r.Baseline, dx, dy))
				}
			}
		}
		if off > 3 {
			findings = append(findings, fmt.Sprintf("%s: … %d labels off in all, of %d", rc.Chart, off, len(rc.Texts)))
		}
	}
	return findings, maxX, maxY
}

// measureLabels draws path at each of engineWidths in each engine (light)
// and returns the labels, by engine and width.
func measureLabels(t *testing.T, base, path string) map[engines.Name][][]chartLabels {
	t.Helper()
	out := map[engines.Name][][]chartLabels{}
	var mu sync.Mutex
	ok := t.Run("measure "+path, func(t *testing.T) {
		for _, name := range engines.All {
			t.Run(string(name), func(t *testing.T) {
				t.Parallel()
				s := engine(t, name, false)
				var per [][]chartLabels
				s.with(func() {
					for i, v := range engineWidths {
						if i == 0 {
							s.show(t, base+path, v.w, v.h)
						} else {
							s.resize(t, v.w, v.h)
						}
						per = append(per, engineEval[[]chartLabels](t, s, labelsJS))
						shootChart(t, s, path+" "+v.name)
					}
				})
				mu.Lock()
				out[name] = per
				mu.Unlock()
			})
		}
	})
	if !ok || len(out) != len(engines.All) {
		t.FailNow()
	}
	for _, v := range engineWidths {
		saveEngineShots(t, path+" "+v.name)
	}
	return out
}

// labelFindings measures path in the three engines and compares each
// with Chromium, logging the largest offsets.
func labelFindings(t *testing.T, base, path string) map[engines.Name][]string {
	t.Helper()
	for _, name := range engines.All {
		engine(t, name, false) // skips the test on a laptop without one
	}
	got := measureLabels(t, base, path)
	out := map[engines.Name][]string{}
	for _, name := range engines.All[1:] {
		for i, v := range engineWidths {
			f, dx, dy := labelOffsets(got[engines.Chromium][i], got[name][i])
			n := 0
			for _, c := range got[engines.Chromium][i] {
				n += len(c.Texts)
			}
			t.Logf("%s at %s, %s against Chromium: %d labels, largest offset %.2f px across, %.2f px down", path, v.name, name, n, dx, dy)
			for _, s := range f {
				out[name] = append(out[name], v.name+": "+s)
			}
		}
	}
	return out
}

// TestChartLabelsAcrossEngines draws the industry map page and the targets
// page in both languages, at 390 and 1280 px, in WebKit and Firefox, and
// holds every label of their inline chart SVGs to within a pixel of where
// Chromium draws it.
func TestChartLabelsAcrossEngines(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	for _, l := range plan.Langs {
		for _, k := range pages.Kinds {
			if k.Name != "industry" && k.Name != "targets" {
				continue
			}
			path := k.In(l)
			for name, f := range labelFindings(t, base, path) {
				report(t, path, string(name)+" against Chromium", f)
			}
		}
	}
}

// Broken and sound labels for the label check: the first says its
// baseline once on the root <svg>, which WebKit does not pass on to its
// texts (SVG 1.1 does not inherit dominant-baseline); the second on each
// text, as render-charts.mjs writes them.
func init() {
	svg := func(root, text string) string {
		return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 120" width="360" height="120" font-family="sans-serif" font-size="14px" text-anchor="middle"` + root + `>` +
			`<rect width="360" height="120" fill="#fff"/>` +
			`<text x="90" y="40"` + text + `>Changsha</text><text x="270" y="40"` + text + `>★★★</text><text x="180" y="90"` + text + `>Yueyang</text></svg>`
	}
	fig := func(id, s string) string {
		return `<figure class="chart" id="` + id + `"><div class="chart-canvas">` + s + `</div></figure>`
	}
	fixtureFiles["hoisted-baseline/index.html"] = fixturePage("en", "Hoisted baseline", "", fig("chart-h", svg(` dominant-baseline="central"`, "")))
	fixtureFiles["own-baseline/index.html"] = fixturePage("en", "Own baseline", "", fig("chart-o", svg("", ` dominant-baseline="central"`)))
}

// TestEngineCheckersCatchBrokenPages runs the engine checks on fixture
// pages broken on purpose, in each engine: a label WebKit draws off
// Chromium's, small and cut chart text, a chart on a white block in dark
// mode, a page that scrolls sideways, a map below the first screens, a
// chart bundle loaded before the reader acts, a chart a click leaves
// still; and a sound page each passes.
func TestEngineCheckersCatchBrokenPages(t *testing.T) {
	t.Parallel()
	base := fixtureBase(t)
	t.Run("labels", func(t *testing.T) {
		hoisted := labelFindings(t, base, "/hoisted-baseline/")
		expectFinding(t, "the label check", "/hoisted-baseline/ in WebKit", hoisted[engines.WebKit], "390 px", "chart-h", `label "Changsha"`, "dominant-baseline auto", "px down")
		for name, f := range labelFindings(t, base, "/own-baseline/") {
			if len(f) != 0 {
				t.Errorf("the label check reports /own-baseline/ in %s, whose labels say their baseline: %q", name, f)
			}
		}
	})
	for _, name := range engines.All {
		t.Run(string(name), func(t *testing.T) {
			for _, dark := range []bool{false, true} {
				s := engine(t, name, dark)
				check := func(path string, k pages.Kind) []string {
					s.show(t, base+path, 390, 844)
					return geometryFindings(t, s, k, true, dark)
				}
				s.with(func() {
					page := fmt.Sprintf("%s (dark %v)", name, dark)
					if f := check("/ok/", pages.Kind{Name: "about"}); len(f) != 0 {
						t.Errorf("the clean page /ok/ in %s has findings: %q", page, f)
					}
					small := check("/small-text/", pages.Kind{Name: "about"})
					expectFinding(t, "the chart text check", "/small-text/ in "+page, small, "chart text under 11 px", "Shrunk to fit")
					if dark {
						expectFinding(t, "the white block check", "/small-text/ in "+page, small, "a chart on a white block", "chart ground")
					}
					expectFinding(t, "the chart edge check", "/cut-label/ in "+page, check("/cut-label/", pages.Kind{Name: "about"}), "cut off at the chart's edge")
					expectFinding(t, "the overflow check", "/wide/ in "+page, check("/wide/", pages.Kind{Name: "about"}), "scrolls sideways")
					expectFinding(t, "the first-screens check", "/late-map/ in "+page, check("/late-map/", pages.Kind{Name: "industry"}), "the map starts at y =")
					if !dark {
						s.show(t, base+"/eager/", 390, 844)
						expectFinding(t, "the tap check", "/eager/ in "+page, tapFindings(t, s, 2*time.Second), "requested 1 times before any interaction")
						s.show(t, base+"/small-text/", 390, 844) // no script makes it live
						expectFinding(t, "the tap check", "/small-text/ in "+page, tapFindings(t, s, 2*time.Second), "#chart-s did not become live")
					}
				})
			}
		})
	}
}
