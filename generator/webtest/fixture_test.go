package webtest

import (
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
)

// The checkers must be able to fail: each is run on a tiny site of pages
// broken on purpose, and must report each page's fault. A page "ok" that
// every checker passes shows that they do not just fail everything.

// fixturePage is a fixture page: valid HTML5 with the given lang, head and body.
func fixturePage(lang, title, head, body string) string {
	return `<!doctype html>
<html lang="` + lang + `">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + title + `</title>
<link rel="stylesheet" href="/site.css">
<link rel="icon" href="data:,">
` + head + `
</head>
<body>
<main>
<h1>` + title + `</h1>
` + body + `
</main>
</body>
</html>
`
}

func langSwitchTo(href, label string) string {
	return `<ul class="lang-switch"><li><a href="` + href + `">` + label + `</a></li></ul>`
}

var fixtureFiles = map[string]string{
	"site.css": "body { color: #222; background: #fff; font: 16px/1.5 sans-serif; margin: 0; padding: 0 1rem; }\n" +
		".faint { color: #ccc; }\n.wide { width: 800px; }\n.tall { height: 900px; }\n.taller { height: 1200px; }\n",
	"throw.js":  "throw new Error('broken on purpose');\n",
	"alert.js":  "alert('injected');\n",
	"pixel.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`,

	// Passes every checker.
	"ok/index.html":    fixturePage("zh-CN", "正常", "", "<p>一切正常。</p>\n"+langSwitchTo("/en/ok/", "English")),
	"en/ok/index.html": fixturePage("en", "Fine", "", "<p>All is well.</p>\n"+langSwitchTo("/ok/", "中文")),
	"404.html":         fixturePage("en", "Not found", "", "<p>No such page.</p>"),

	// One fault each.
	"console/index.html":         fixturePage("en", "Console", `<script type="module" src="/throw.js"></script>`, "<p>A script throws.</p>"),
	"alert/index.html":           fixturePage("en", "Alert", `<script type="module" src="/alert.js"></script>`, "<p>A script opens a dialog.</p>"),
	"third-party/index.html":     fixturePage("en", "Third party", "", `<p><img src="https://example.com/x.png" alt="A picture from another host" width="10" height="10"></p>`),
	"axe/index.html":             fixturePage("en", "Axe", "", `<p><img src="/pixel.svg" width="10" height="10"></p><p class="faint">Faint grey text on white.</p>`),
	"dup-id/index.html":          fixturePage("en", "Duplicate id", "", `<p id="twice">One.</p><p id="twice">Two.</p>`),
	"links/index.html":           fixturePage("en", "Links", "", `<p><a href="/nowhere/">A page that does not exist</a> and <a href="/ok/#no-such-anchor">an anchor that does not</a>.</p>`),
	"wide/index.html":            fixturePage("en", "Wide", "", `<div class="wide">A box 800 px wide.</div>`),
	"en/lonely/index.html":       fixturePage("en", "Lonely", "", "<p>This page has no Chinese twin.</p>\n"+langSwitchTo("/lonely/", "中文")),
	"js/interactive.0123abcd.js": "for (const f of document.querySelectorAll('figure.chart')) f.classList.add('chart-is-live');\n",
	"eager/index.html":           fixturePage("en", "Eager chart bundle", `<script type="module" src="/js/interactive.0123abcd.js"></script>`, `<figure class="chart" id="chart-e"><div class="chart-canvas"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200"><text x="10" y="20">A chart</text></svg></div><figcaption>A chart whose bundle loads before anyone touches it.</figcaption></figure>`),
	"injected/index.html":        fixturePage("en", "Injected", "", `<p><img src="x" alt="" width="1" height="1"></p><script>alert(1)</script>`),
	// Prints badly: a disclosure triangle, the chart's title twice (the
	// caption's and the drawn one), the chart pushed off page 1 and split
	// from its summary, no address or date (print_test.go).
	"print/index.html": fixturePage("en", "Badly printed", "", `<details><summary>How to cite</summary><p>A citation.</p></details>`+
		`<div class="tall">A tall block.</div><figure class="chart"><figcaption><h2 class="chart-title">A chart title</h2></figcaption>`+
		`<div class="chart-canvas"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200"><text x="10" y="20">A chart title</text></svg></div>`+
		`<div class="taller"></div><p class="chart-summary">The summary of the chart, far below it.</p></figure>`),
	"no-svg/index.html": fixturePage("en", "Chart without SVG", "", `<figure class="chart" id="chart-x"><div class="chart-canvas"></div><figcaption>A chart drawn by nothing.</figcaption></figure>`),

	// The sitemap lists a page that does not exist, and an alternate that
	// does not either.
	"sitemap.xml": `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://fixture.test/en/sitemap.xml</loc></sitemap>
</sitemapindex>
`,
	"en/sitemap.xml": `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>https://fixture.test/en/ok/</loc>
<xhtml:link rel="alternate" hreflang="zh-CN" href="https://fixture.test/ok/"/></url>
<url><loc>https://fixture.test/en/gone/</loc></url>
<url><loc>https://fixture.test/en/lonely/</loc>
<xhtml:link rel="alternate" hreflang="zh-CN" href="https://fixture.test/lonely/"/></url>
</urlset>
`,
}

const fixtureURL = "https://fixture.test/"

// fixtureCSP is the site's policy, except that images may come from any
// https host: so the third-party image is not stopped by the policy but
// reaches the browser's dead proxy, as a stray request on a real page would
// if the policy let it through.
const fixtureCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; object-src 'none'; base-uri 'self'"

var fixtureSite once[string]

// fixture writes the broken site into a temporary folder (once).
func fixture(t testing.TB) string {
	t.Helper()
	return fixtureSite.get(t, func() (string, error) {
		dir, err := os.MkdirTemp("", "plan-webtest-fixture-")
		if err != nil {
			return "", err
		}
		atExit(func() { os.RemoveAll(dir) })
		for name, content := range fixtureFiles {
			f := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				return "", err
			}
			if err := os.WriteFile(f, []byte(content), 0o644); err != nil {
				return "", err
			}
		}
		return dir, nil
	})
}

var fixtureServer once[string]

func fixtureBase(t testing.TB) string {
	t.Helper()
	dir := fixture(t)
	return fixtureServer.get(t, func() (string, error) {
		cfg := &netlify.Config{
			Headers:   []netlify.Rule{{For: "/*", Values: map[string]string{"Content-Security-Policy": fixtureCSP}}},
			Redirects: []netlify.Redirect{{From: "/*", To: "/404.html", Status: 404}},
		}
		return serve(t, dir, cfg), nil
	})
}

// expectFinding requires a checker to report something on a page that
// contains every one of the wanted strings.
func expectFinding(t *testing.T, checker, page string, findings []string, want ...string) {
	t.Helper()
	for _, f := range findings {
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(f, w)
		}
		if ok {
			t.Logf("%s on %s reports, as it must: %s", checker, page, f)
			return
		}
	}
	t.Errorf("%s did not report %q on %s, which is broken on purpose; it reported %q", checker, want, page, findings)
}

func TestCheckersCatchBrokenPages(t *testing.T) {
	t.Parallel()
	t.Run("browser", func(t *testing.T) {
		base := fixtureBase(t)
		chrome(t)
		problems := func(path string) []string {
			tb := open(t, base+path, phone)
			defer tb.close()
			return tb.rec.problems(tb.url, false)
		}
		if p := problems("/ok/"); len(p) != 0 {
			t.Errorf("the clean page /ok/ has problems: %q", p)
		}
		expectFinding(t, "the console check", "/console/", problems("/console/"), "exception", "broken on purpose")
		expectFinding(t, "the dialog check", "/alert/", problems("/alert/"), "dialog", "injected")
		tp := problems("/third-party/")
		expectFinding(t, "the third-party check", "/third-party/", tp, "third-party host", "https://example.com/x.png")
		expectFinding(t, "the failed-request check", "/third-party/", tp, "failed request", "https://example.com/x.png", "ERR_")
		expectFinding(t, "the HTTP status check", "/nowhere/", problems("/nowhere/"), "HTTP 404")

		tb := open(t, base+"/injected/", tabOptions{})
		found := injected(t, tb)
		tb.close()
		expectFinding(t, "the injected-element check", "/injected/", found, `an injected element: <img src="x"`)
		expectFinding(t, "the injected-element check", "/injected/", found, "an inline script: <script>alert(1)</script>")
	})

	t.Run("axe", func(t *testing.T) {
		base := fixtureBase(t)
		chrome(t)
		violations := func(path string) []string {
			tb := open(t, base+path, tabOptions{})
			defer tb.close()
			var out []string
			for _, v := range runAxe(t, tb).Violations {
				out = append(out, v.String())
			}
			return out
		}
		if v := violations("/ok/"); len(v) != 0 {
			t.Errorf("axe finds violations on the clean page /ok/: %q", v)
		}
		v := violations("/axe/")
		expectFinding(t, "axe", "/axe/", v, "[image-alt,")
		expectFinding(t, "axe", "/axe/", v, "[color-contrast,", ".faint")
	})

	t.Run("phone width", func(t *testing.T) {
		base := fixtureBase(t)
		chrome(t)
		for _, c := range []struct {
			path string
			wide bool
		}{{"/ok/", false}, {"/wide/", true}} {
			tb := open(t, base+c.path, phone)
			found := overflow(t, tb)
			tb.close()
			if c.wide {
				expectFinding(t, "the 390 px check", c.path, found, "scrolls sideways", "div.wide")
			} else if len(found) != 0 {
				t.Errorf("the 390 px check reports the clean page %s: %q", c.path, found)
			}
		}
	})

	t.Run("language twin", func(t *testing.T) {
		base := fixtureBase(t)
		chrome(t)
		switchOf := func(path string) []string {
			tb := open(t, base+"/en"+path, phone)
			defer tb.close()
			return langSwitch(t, tb, pages.Kind{Path: path}, plan.EN)
		}
		if f := switchOf("/ok/"); len(f) != 0 {
			t.Errorf("the language switch check reports the clean page /en/ok/: %q", f)
		}
		found := switchOf("/lonely/")
		expectFinding(t, "the language switch check", "/en/lonely/", found, "answers HTTP 404")
		expectFinding(t, "the language switch check", "/en/lonely/", found, `<html lang="en">, want "zh-CN"`)

		s, err := sitecheck.Read(fixture(t))
		if err != nil {
			t.Fatal(err)
		}
		var tr []string
		for _, f := range s.Translations(sitecheck.Languages{Default: "zh-CN", Prefixes: map[string]string{"en": "/en/"}}, "fixture.test") {
			tr = append(tr, f.String())
		}
		expectFinding(t, "sitecheck's twin check", "/en/lonely/", tr, "/en/lonely/", "no zh-CN twin at /lonely/")
	})

	t.Run("chart bundle on demand", func(t *testing.T) {
		base := fixtureBase(t)
		chrome(t)
		tb := open(t, base+"/eager/", phone)
		defer tb.close()
		expectFinding(t, "the on-demand bundle check", "/eager/", chartsGoLive(t, tb, pages.Kind{Charts: true}), "requested 1 times before any interaction")
	})

	t.Run("charts without JavaScript", func(t *testing.T) {
		base := fixtureBase(t)
		chrome(t)
		tb := open(t, base+"/no-svg/", tabOptions{noScript: true})
		defer tb.close()
		expectFinding(t, "the build-time SVG check", "/no-svg/", staticCharts(t, tb, pages.Kind{Charts: true}), "#chart-x shows no build-time SVG")
	})

	t.Run("links", func(t *testing.T) {
		dir := fixture(t)
		s, err := sitecheck.Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		var links []string
		for _, f := range s.Links("fixture.test") {
			links = append(links, f.String())
		}
		expectFinding(t, "sitecheck's link check", "/links/", links, "/links/", "/nowhere/")
		expectFinding(t, "sitecheck's anchor check", "/links/", links, "/links/", "no-such-anchor")

		sm, _ := sitemapCheck(dir, fixtureURL)
		expectFinding(t, "the sitemap check", "/en/sitemap.xml", sm, "<loc>https://fixture.test/en/gone/</loc>: no page")
		expectFinding(t, "the sitemap check", "/en/sitemap.xml", sm, `hreflang="zh-CN" href https://fixture.test/lonely/: no page`)
		if slices.ContainsFunc(sm, func(f string) bool { return strings.Contains(f, "/en/ok/</loc>") }) {
			t.Errorf("the sitemap check reports the page that exists: %q", sm)
		}
	})

	t.Run("Nu HTML Checker", func(t *testing.T) {
		needJava(t)
		errs, files := checkHTML(t, fixture(t))
		var found []string
		for _, e := range errs {
			found = append(found, e.String())
			// (The image without alt on /axe/ is an HTML error too.)
			if !strings.HasPrefix(e.String(), "/dup-id/") && !strings.HasPrefix(e.String(), "/axe/") {
				t.Errorf("the Nu HTML Checker reports a page that is valid: %s", e)
			}
		}
		expectFinding(t, "the Nu HTML Checker", "/dup-id/", found, "/dup-id/index.html", "Duplicate ID")
		if files != len(slices.DeleteFunc(mapKeys(fixtureFiles), func(f string) bool { return !strings.HasSuffix(f, ".html") })) {
			t.Errorf("checked %d HTML files", files)
		}
	})
}

func mapKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}
