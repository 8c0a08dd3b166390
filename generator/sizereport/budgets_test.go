package sizereport

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/pipeline"
)

// The size budgets, in gzip -9 bytes, checked on the real site built once
// into a temporary copy of the project. A failure names the page and the
// numbers. README.md ("Performance") lists the same budgets.
const (
	KiB             = 1024
	budgetHome      = 150 * KiB // everything the home page loads at first view
	budgetDetail    = 120 * KiB // an industry or a city page, at first view
	budgetEmbed     = 30 * KiB  // an embed page at first view (15 KiB in 2026-12); the bundle waits for an interaction
	budgetCSS       = 20 * KiB  // all the site's CSS
	budgetPageJS    = 10 * KiB  // JavaScript at first view of any page
	budgetBundle    = 220 * KiB // the interactive chart bundle
	budgetGeo       = 20 * KiB  // the map geometry, data/geo/hunan.json
	budgetInlineSVG = 40 * KiB  // a page's inline SVG charts
	// Raw bytes, as served (images do not compress further):
	MiB            = 1024 * KiB
	budgetSocial   = 3 * MiB   // all the social preview images together
	budgetChartPNG = 150 * KiB // each chart's PNG download
	// The whole built site, public/: at most 21 MiB. Most of it is the map
	// outlines (each map drawn wide, narrow and as a download), the chart
	// PNGs and the social cards; the three e-books (0.4 MiB), the citation
	// files and the data package are the downloads a reader asks for. The
	// outlines, said once and simplified to the drawn size, are what
	// shrinks it next.
	budgetPublicDir = 21 * MiB
	projectRoot     = "../.."
)

// builtSite is the real site, built once for all the tests of the run
// (sitefixture).
func builtSite(t *testing.T) string {
	t.Helper()
	_, out := sitefixture.Built(t, func(root, out, url string) error {
		_, err := pipeline.Run(pipeline.Options{Root: root, Out: out, BaseURL: url})
		return err
	})
	return out
}

var (
	reportOnce sync.Once
	report     []*Page
	reportErr  error
)

func measured(t *testing.T) []*Page {
	t.Helper()
	dir := builtSite(t)
	reportOnce.Do(func() { report, reportErr = Report(dir) })
	if reportErr != nil {
		t.Fatal(reportErr)
	}
	return report
}

func kib(n int) string { return fmt.Sprintf("%.1f KiB", float64(n)/KiB) }

// over reports a budget overrun with the page and the numbers.
func over(t *testing.T, what string, p *Page, got, budget int) {
	t.Helper()
	if got > budget {
		where := ""
		if p != nil {
			where = fmt.Sprintf("%s page %s (%s): ", p.Kind, p.URL, p.Lang)
		}
		t.Errorf("%s%s is %s gzip, over its budget of %s by %s", where, what, kib(got), kib(budget), kib(got-budget))
	}
}

func TestBudgetFirstView(t *testing.T) {
	for _, p := range measured(t) {
		switch p.Kind {
		case "home":
			over(t, "the first view", p, p.Total().Gzip, budgetHome)
		case "industry", "city":
			over(t, "the first view", p, p.Total().Gzip, budgetDetail)
		case "embed":
			over(t, "the first view", p, p.Total().Gzip, budgetEmbed)
		}
	}
}

func TestBudgetCSS(t *testing.T) {
	dir := builtSite(t)
	all, names, err := FilesOfType(dir, ".css")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("the site has no CSS: the measure is broken")
	}
	if all.Gzip > budgetCSS {
		t.Errorf("all CSS (%s) is %s gzip, over its budget of %s", strings.Join(names, ", "), kib(all.Gzip), kib(budgetCSS))
	}
	for _, p := range measured(t) {
		over(t, "its CSS", p, p.ByType()[CSS].Gzip, budgetCSS)
	}
}

func TestBudgetJavaScript(t *testing.T) {
	var bundle *Resource
	for _, p := range measured(t) {
		js := p.ByType()[JS].Gzip
		over(t, "its JavaScript at first view", p, js, budgetPageJS)
		for _, r := range p.OnInteraction {
			if r.Type == JS {
				r := r
				bundle = &r
			}
		}
	}
	if bundle == nil {
		t.Fatal("no page names an interactive chart bundle: the measure is broken")
	}
	if bundle.Gzip > budgetBundle {
		t.Errorf("the interactive bundle %s is %s gzip, over its budget of %s", bundle.URL, kib(bundle.Gzip), kib(budgetBundle))
	}
}

// TestChartsNeedNoScript: every chart of every page is drawn in the HTML
// (an inline <svg> in its .chart-canvas), and a normal page does not load
// the chart bundle to show it. Every page, not only one of each kind, is
// also held to the budgets of inline SVG and of JavaScript at first view.
func TestChartsNeedNoScript(t *testing.T) {
	dir := builtSite(t)
	var withCharts int
	err := filepath.WalkDir(dir, func(f string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(f, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, f)
		u := "/" + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
		p, err := Measure(dir, u)
		if err != nil {
			return err
		}
		p.Kind, p.Lang = "a", langOf(u)
		over(t, "its JavaScript at first view", p, p.ByType()[JS].Gzip, budgetPageJS)
		if p.Charts == 0 {
			return nil
		}
		withCharts++
		if p.ChartsWithSVG != p.Charts {
			t.Errorf("%s: %d of %d charts have no SVG in the HTML: they need a script to show", u, p.Charts-p.ChartsWithSVG, p.Charts)
		}
		if len(p.OnInteraction) == 0 {
			t.Errorf("%s: the chart bundle loads at first view; it should wait for an interaction", u)
		}
		over(t, "its inline SVG", p, p.InlineSVG.Gzip, budgetInlineSVG)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if withCharts < 20 {
		t.Errorf("only %d pages with charts found: the measure is broken", withCharts)
	}
}

func langOf(u string) string {
	if strings.HasPrefix(u, "/en/") {
		return "en"
	}
	return "zh"
}

func TestBudgetMapGeometry(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(projectRoot, "data", "geo", "hunan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if n := GzipSize(b); n > budgetGeo {
		t.Errorf("data/geo/hunan.json is %s gzip, over its budget of %s", kib(n), kib(budgetGeo))
	}
}

// TestReportCoversEveryKind: every page kind exists in both languages and
// its numbers are plausible (so that a budget cannot pass on nothing): a
// kind that shows charts has one drawn inline, an embed exactly one.
func TestReportCoversEveryKind(t *testing.T) {
	ps := measured(t)
	if len(ps) != 2*len(pages.Kinds) {
		t.Fatalf("%d pages measured, want %d", len(ps), 2*len(pages.Kinds))
	}
	kinds := map[string]pages.Kind{}
	for _, k := range pages.Kinds {
		kinds[k.Name] = k
	}
	for _, p := range ps {
		bt := p.ByType()
		if bt[HTML].Raw < 1000 || bt[CSS].Raw == 0 || p.Total().Gzip >= p.Total().Raw {
			t.Errorf("%s (%s): implausible sizes %+v", p.Kind, p.Lang, bt)
		}
		k := kinds[p.Kind]
		switch {
		case k.Embed:
			if p.Charts != 1 || p.InlineSVG.Raw == 0 || len(p.OnInteraction) == 0 {
				t.Errorf("%s (%s): want one inline chart, interactive on demand", p.Kind, p.Lang)
			}
		case k.Charts:
			if p.Charts == 0 || p.InlineSVG.Raw == 0 {
				t.Errorf("%s (%s): no inline chart found", p.Kind, p.Lang)
			}
		}
	}
}

// TestBudgetImages: the social preview images (1200 × 630 palette PNGs)
// in all, and each chart's PNG download, in bytes as served. The bytes are
// the same on every build of the same project (see pngpalette).
func TestBudgetImages(t *testing.T) {
	dir := builtSite(t)
	for _, b := range []struct {
		what, pattern  string
		perFile, inAll int
	}{
		{"the social images", "social/*/*.png", 0, budgetSocial},
		{"the chart PNG downloads", "chart-downloads/*/*.png", budgetChartPNG, 0},
	} {
		total, each, err := Bytes(dir, b.pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, msg := range Over(b.what, total, each, b.perFile, b.inAll) {
			t.Error(msg)
		}
		t.Logf("%s: %d files, %s in all", b.what, len(each), kibRaw(total))
	}
}

// TestBudgetPublic: the whole built site, every file counted as it lies
// in public/.
func TestBudgetPublic(t *testing.T) {
	total, each, err := Bytes(builtSite(t), "")
	if err != nil {
		t.Fatal(err)
	}
	msgs := Over("public/", total, each, 0, budgetPublicDir)
	for _, msg := range msgs {
		t.Error(msg)
	}
	// Where the bytes are, by kind of file and by top folder: the first
	// thing to read when the budget breaks.
	byExt, byDir := map[string]int{}, map[string]int{}
	for f, n := range each {
		byExt[path.Ext(f)] += n
		byDir[strings.SplitN(f, "/", 2)[0]] += n
	}
	top := func(m map[string]int) string {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
		var out []string
		for _, k := range keys[:min(6, len(keys))] {
			out = append(out, fmt.Sprintf("%s %s", k, kibRaw(m[k])))
		}
		return strings.Join(out, ", ")
	}
	log := t.Logf
	if len(msgs) > 0 {
		log = t.Errorf
	}
	log("public/: %d files, %s; by kind: %s; by folder: %s", len(each), kibRaw(total), top(byExt), top(byDir))
}
