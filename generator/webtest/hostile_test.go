package webtest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"

	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/pipeline"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// validData is the loader's small consistent dataset: 2 industries, 3
// cities, its own tiny map.
var validData = filepath.Join(repo, "generator", "plan", "testdata", "valid")

// The hostile strings: markup, script, Markdown, front matter, Hugo
// template and shortcode syntax, a word too long for any line, and a
// right-to-left override. Every one must reach the reader as text.
var (
	longWord = strings.Repeat("Supercalifragilistic", 15) // 300 letters, no space
	hostile  = []string{
		`<script>alert(1)</script>`,
		`"'><img src=x onerror=alert(1)>`,
		"*_[]()#>",
		"\n- a line that is no list item\n",
		"\n---\n",
		"{{ .Site.Title }}",
		"{{< shortcode >}}",
		longWord,
		"\u202eRTL override",
	}
)

// hostileText are the same strings as they read on one line of text (the
// browser folds the line breaks into spaces).
var hostileText = func() []string {
	var out []string
	for _, s := range hostile {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}()

// hostilePayload is appended to every text of the dataset.
var hostilePayload = " " + strings.Join(hostile, " ")

// skipText says which texts keep their value: a target's quote must stand
// verbatim in its source text (which gets the payload after it), and the
// cities' names are glossary names, whose English every text naming the
// city must contain; the plan's jurisdiction is the start of its
// issuer's name.
func skipText(file string, path []string) bool {
	last := path[len(path)-1]
	if last == "quote" || file == "plan.yaml" && last == "jurisdiction" {
		return true
	}
	if file == "cities.yaml" && (last == "name" || last == "short" || last == "full") {
		return true
	}
	return false
}

// poison rewrites one YAML file of the dataset, appending the payload to
// the Chinese and the English of every text (a mapping of zh and en).
// The YAML encoder quotes the strings as they need.
func poison(dir, rel string) (texts int, err error) {
	f := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(f)
	if err != nil {
		return 0, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return 0, err
	}
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, append(path, fmt.Sprint(i)))
			}
		case yaml.MappingNode:
			if isText(n) && len(path) > 0 && !skipText(rel, path) {
				for i := 1; i < len(n.Content); i += 2 {
					v := n.Content[i]
					v.Value += hostilePayload
					v.Style = 0 // let the encoder choose the quoting
				}
				texts++
				return
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], append(path, n.Content[i].Value))
			}
		}
	}
	walk(&doc, nil)
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return 0, err
	}
	return texts, os.WriteFile(f, out.Bytes(), 0o644)
}

// isText tells a mapping of zh and en (and nothing else) with text values.
func isText(n *yaml.Node) bool {
	if len(n.Content) != 4 {
		return false
	}
	keys := map[string]bool{}
	for i := 0; i < len(n.Content); i += 2 {
		keys[n.Content[i].Value] = true
		if n.Content[i+1].Kind != yaml.ScalarNode {
			return false
		}
	}
	return keys["zh"] && keys["en"]
}

// useDataset replaces the plan in a project's data folder by the small
// valid dataset, keeping what the build reads besides the plan (fonts).
func useDataset(data string) error {
	for _, name := range []string{"plan.yaml", "cities.yaml", "layout.yaml", "notes.yaml", "industries", "glossary", "geo", "source"} {
		if err := os.RemoveAll(filepath.Join(data, name)); err != nil {
			return err
		}
	}
	return os.CopyFS(data, os.DirFS(validData))
}

// hostileData poisons every text of the dataset in dir.
func hostileData(t testing.TB, dir string) {
	t.Helper()
	total := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		// The glossary and the notes name words that must stand in the
		// plan as they are, so they stay as written.
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") || strings.Contains(p, "glossary") || strings.HasSuffix(p, "notes.yaml") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		n, err := poison(dir, filepath.ToSlash(rel))
		total += n
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if total < 50 {
		t.Fatalf("only %d texts poisoned", total)
	}
	// The build proves the data reproduces its source: the source of the
	// poisoned data is the test source with the same payload, printed
	// from the data.
	src, err := plan.RenderSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "source", "*.txt"))
	if len(files) != 1 {
		t.Fatalf("the dataset has %d source documents, want 1", len(files))
	}
	if err := os.WriteFile(files[0], []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

var hostileSite once[string]

// hostileSiteDir builds the poisoned dataset into a site (once), with the
// real theme, content, scripts and npm packages.
func hostileSiteDir(t testing.TB) string {
	t.Helper()
	sitefixture.SkipShort(t) // before get: a skip inside it would stop the build for all
	return hostileSite.get(t, func() (string, error) {
		root := projectCopy(t)
		data := filepath.Join(root, "data")
		if err := useDataset(data); err != nil {
			return "", err
		}
		hostileData(t, data)
		if _, err := plan.Load(data); err != nil {
			return "", fmt.Errorf("the hostile dataset does not load: %w", err)
		}
		out := filepath.Join(root, "public")
		if _, err := pipeline.Run(pipeline.Options{Root: root, Out: out, BaseURL: siteURL}); err != nil {
			return "", fmt.Errorf("building the hostile dataset: %w", err)
		}
		return out, nil
	})
}

// TestHostileDataInFiles reads the built files of the poisoned site: no
// hostile string may stand in them unescaped, and Hugo must not have
// replaced anything as unsafe (ZgotmplZ).
func TestHostileDataInFiles(t *testing.T) {
	t.Parallel()
	dir := hostileSiteDir(t)
	var htmlPages, svgs, escaped int
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		isHTML, isSVG := strings.HasSuffix(p, ".html"), strings.HasSuffix(p, ".svg")
		if !isHTML && !isSVG {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		for _, raw := range []string{"<script>alert(1)", "<img src=x", "<shortcode", "ZgotmplZ"} {
			if strings.Contains(s, raw) {
				t.Errorf("/%s contains %q: a data string reached the markup unescaped", filepath.ToSlash(rel), raw)
			}
		}
		if isHTML {
			htmlPages++
		} else {
			svgs++
		}
		if strings.Contains(s, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			escaped++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if htmlPages < 20 || escaped < htmlPages/2 {
		t.Errorf("the hostile build made %d htmlPages and %d SVG files; %d show the strings escaped", htmlPages, svgs, escaped)
	}
	t.Logf("hostile build: %d HTML htmlPages and %d SVG files; %d files show the hostile strings, all escaped", htmlPages, svgs, escaped)
}

var hostileServer once[string]

// TestHostileDataInBrowser loads every kind of page of the poisoned site
// in Chromium, under the real CSP, and again after making its charts live
// (ECharts draws the same strings in tooltips and labels): nothing the data
// holds may run (no dialog, no console error) or become an element, and
// the strings must read as text, in the page and in the charts' SVG.
func TestHostileDataInBrowser(t *testing.T) {
	t.Parallel()
	dir := hostileSiteDir(t)
	base := hostileServer.get(t, func() (string, error) { return serve(t, dir, loadNetlify(t)), nil })
	chrome(t)
	each(t, base, tabOptions{}, func(t *testing.T, tb *tab, k pages.Kind, l plan.Lang, path string) {
		report(t, path, "hostile data, as loaded", injected(t, tb))
		if k.Name != "about" && k.Name != "404" {
			report(t, path, "hostile data as text", shownAsText(t, tb, k))
		}
		// Make every chart live and hover it: tooltips show the strings too.
		n := eval[int](t, tb, `document.querySelectorAll('figure.chart').length`)
		for i := range n {
			point(t, tb, fmt.Sprintf(`document.querySelectorAll('figure.chart')[%d]`, i))
		}
		if n > 0 {
			chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelectorAll('figure.chart:not(.chart-is-live)').length === 0`,
				chromedp.WithPollingTimeout(20*time.Second)))
			if left := eval[int](t, tb, `document.querySelectorAll('figure.chart:not(.chart-is-live)').length`); left != 0 {
				t.Errorf("%s: %d of %d charts did not become live", path, left, n)
			}
		}
		tb.rec.settle(tb.ctx)
		report(t, path, "hostile data, charts live", injected(t, tb))
		report(t, path, "hostile data in the browser", tb.rec.problems(tb.url, k.File != ""))
	})
}

// injected finds what the data could have injected into the DOM.
func injected(t testing.TB, tb *tab) []string {
	t.Helper()
	return eval[[]string](t, tb, `(() => {
		const out = [];
		for (const el of document.querySelectorAll('img[src="x"], [onerror], shortcode, foreignObject')) out.push('an injected element: ' + el.outerHTML.slice(0, 120));
		for (const s of document.scripts) {
			if (s.type === 'application/ld+json') {
				try { JSON.parse(s.textContent); } catch (e) { out.push('JSON-LD that does not parse: ' + e.message); }
				continue;
			}
			if (!s.src) out.push('an inline script: ' + s.outerHTML.slice(0, 120));
		}
		return out;
	})()`)
}

// shownAsText checks that every hostile string reads as text on the page,
// and in the inline SVG of its charts.
func shownAsText(t testing.TB, tb *tab, k pages.Kind) []string {
	t.Helper()
	type texts struct{ Page, Charts string }
	got := eval[texts](t, tb, `({
		Page: document.body.textContent.replace(/\s+/g, ' '),
		Charts: [...document.querySelectorAll('figure.chart .chart-canvas svg')].map(s => s.textContent).join(' ').replace(/\s+/g, ' ')
	})`)
	var out []string
	for _, s := range hostileText {
		if !strings.Contains(got.Page, s) {
			out = append(out, fmt.Sprintf("the page's text lacks %.40q", s))
		}
	}
	if k.Charts {
		for _, s := range hostileText {
			if !strings.Contains(got.Charts, s) {
				out = append(out, fmt.Sprintf("the charts' SVG text lacks %.40q", s))
			}
		}
	}
	return out
}
