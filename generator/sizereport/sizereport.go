// Package sizereport measures what a browser downloads on the first view
// of each kind of page of a built site: the HTML and the CSS, JavaScript,
// SVG and JSON it loads at once, raw and compressed with gzip -9. It reads
// the built folder only (no browser): the first view is what the HTML asks
// for —
//
//   - <link rel="stylesheet">, <script src>, <link rel="modulepreload">,
//     <link rel="icon"> and <img src> unless loading="lazy";
//   - the static imports of those scripts (import … from "…"), not their
//     dynamic import();
//   - when the page loads the interactive chart bundle at once (it
//     preloads it), the data each chart then fetches: its option
//     (data-option) and the map geometry (data-map).
//
// On a normal page the bundle named by <meta name="chart-bundle"> is loaded
// only when a reader interacts with a chart; it is reported apart
// (Page.OnInteraction), not in the first view. SVG drawn inline in the HTML
// counts as HTML, and is also reported on its own (Page.InlineSVG).
package sizereport

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// Types of resource.
const (
	HTML  = "html"
	CSS   = "css"
	JS    = "js"
	SVG   = "svg"
	JSON  = "json"
	Other = "other"
)

// Types lists the resource types in the order the report shows them.
var Types = []string{HTML, CSS, JS, SVG, JSON, Other}

// Size is a number of bytes, raw and compressed with gzip -9.
type Size struct{ Raw, Gzip int }

// Add sums two sizes.
func (s Size) Add(o Size) Size { return Size{s.Raw + o.Raw, s.Gzip + o.Gzip} }

// Resource is one file a page loads.
type Resource struct {
	URL  string // the site path: /css/site.min.….css
	Type string
	Why  string // what asked for it: "link rel=stylesheet", "import from /js/…"
	Size
}

// Page is the measured first view of one page.
type Page struct {
	Kind string
	Lang string
	URL  string // the site path of the page
	// Resources are what the first view loads, the HTML first; each once.
	Resources []Resource
	// InlineSVG is the <svg> markup inside the HTML (already counted in
	// its HTML); Gzip compresses all of a page's inline SVG together.
	InlineSVG Size
	// Charts counts <figure class="chart">; ChartsWithSVG those whose
	// .chart-canvas holds an inline <svg> (shown with no script).
	Charts, ChartsWithSVG int
	// OnInteraction is what a normal page loads when a reader first
	// interacts with a chart (the interactive bundle); not first view.
	OnInteraction []Resource
}

// Total is the sum of the first-view resources.
func (p *Page) Total() Size {
	var s Size
	for _, r := range p.Resources {
		s = s.Add(r.Size)
	}
	return s
}

// ByType sums the first-view resources by type.
func (p *Page) ByType() map[string]Size {
	m := map[string]Size{}
	for _, r := range p.Resources {
		m[r.Type] = m[r.Type].Add(r.Size)
	}
	return m
}

// Report measures every kind of page in both languages.
func Report(dir string) ([]*Page, error) {
	var out []*Page
	for _, k := range pages.Kinds {
		for _, l := range plan.Langs {
			p, err := Measure(dir, k.FileIn(l))
			if err != nil {
				return nil, fmt.Errorf("%s (%s): %w", k.Name, l, err)
			}
			p.Kind, p.Lang = k.Name, string(l)
			out = append(out, p)
		}
	}
	return out, nil
}

// Measure measures the first view of the page at the site path urlPath
// ("/", "/en/cities/changsha/", "/404.html") of the site built in dir.
func Measure(dir, urlPath string) (*Page, error) {
	htmlBytes, err := readSitePath(dir, urlPath)
	if err != nil {
		return nil, err
	}
	p := &Page{URL: urlPath}
	seen := map[string]bool{urlPath: true}
	p.Resources = append(p.Resources, Resource{URL: urlPath, Type: HTML, Why: "the page", Size: Measured(htmlBytes)})

	doc, err := parse(htmlBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", urlPath, err)
	}
	p.InlineSVG = Measured(doc.inlineSVG)
	p.Charts, p.ChartsWithSVG = doc.charts, doc.chartsWithSVG

	// add loads a resource and, for a script, its static imports.
	var add func(ref, typ, why string) error
	add = func(ref, typ, why string) error {
		u, ok, err := resolve(urlPath, ref)
		if err != nil || !ok || seen[u] {
			return err
		}
		seen[u] = true
		b, err := readSitePath(dir, u)
		if err != nil {
			return fmt.Errorf("%s: %s %q: %w", urlPath, why, ref, err)
		}
		if typ == "" {
			typ = typeOf(u)
		}
		p.Resources = append(p.Resources, Resource{URL: u, Type: typ, Why: why, Size: Measured(b)})
		if typ == JS {
			for _, imp := range StaticImports(b) {
				if err := add(resolveFrom(u, imp), JS, "import from "+u); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, r := range doc.loads {
		if err := add(r.ref, r.typ, r.why); err != nil {
			return nil, err
		}
	}
	// The chart bundle: loaded at once (then the charts mount and fetch
	// their data), or only on interaction.
	if doc.bundle != "" {
		bu, ok, err := resolve(urlPath, doc.bundle)
		if err != nil {
			return nil, err
		}
		if ok && seen[bu] {
			for _, ref := range doc.chartData {
				if err := add(ref, JSON, "fetched by the mounted chart"); err != nil {
					return nil, err
				}
			}
		} else if ok && doc.charts > 0 {
			b, err := readSitePath(dir, bu)
			if err != nil {
				return nil, fmt.Errorf("%s: chart bundle: %w", urlPath, err)
			}
			p.OnInteraction = append(p.OnInteraction, Resource{URL: bu, Type: JS, Why: "meta chart-bundle, on interaction", Size: Measured(b)})
		}
	}
	return p, nil
}

// Measured is the size of b, raw and gzip -9; nothing is zero.
func Measured(b []byte) Size {
	if len(b) == 0 {
		return Size{}
	}
	return Size{Raw: len(b), Gzip: GzipSize(b)}
}

// GzipSize is the length of b compressed with gzip -9 (no file name).
func GzipSize(b []byte) int {
	key := sha256.Sum256(b)
	gzipMu.Lock()
	n, ok := gzipSizes[key]
	gzipMu.Unlock()
	if ok {
		return n
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	gzipMu.Lock()
	gzipSizes[key] = buf.Len()
	gzipMu.Unlock()
	return buf.Len()
}

// gzipSizes and imports remember results by content: the shared CSS and
// scripts are measured once, not once per page.
var (
	gzipMu    sync.Mutex
	gzipSizes = map[[sha256.Size]byte]int{}
	imports   = map[[sha256.Size]byte][]string{}
)

type load struct{ ref, typ, why string }

type document struct {
	loads                 []load
	bundle                string   // <meta name="chart-bundle" content>
	chartData             []string // data-option, data-map of chart figures
	inlineSVG             []byte
	charts, chartsWithSVG int
}

// parse walks the HTML's tokens once, keeping what the first view loads
// and the raw bytes of every top-level <svg> element.
func parse(b []byte) (*document, error) {
	d := &document{}
	z := html.NewTokenizer(bytes.NewReader(b))
	svgDepth := 0    // >0 inside an <svg>
	canvasDepth := 0 // >0 inside a div.chart-canvas, counting nested divs
	var svgInCanvas bool
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() == io.EOF {
				return d, nil
			}
			return nil, z.Err()
		}
		// Copy: Token() unescapes text in the buffer Raw() points into.
		raw := append([]byte(nil), z.Raw()...)
		tok := z.Token()
		if svgDepth > 0 {
			d.inlineSVG = append(d.inlineSVG, raw...)
			switch {
			case tt == html.StartTagToken && tok.Data == "svg":
				svgDepth++
			case tt == html.EndTagToken && tok.Data == "svg":
				svgDepth--
			}
			continue
		}
		if tt == html.EndTagToken && tok.Data == "div" && canvasDepth > 0 {
			canvasDepth--
			if canvasDepth == 0 && svgInCanvas {
				d.chartsWithSVG++
			}
			continue
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		a := attrs(tok)
		switch tok.Data {
		case "svg":
			d.inlineSVG = append(d.inlineSVG, raw...)
			if tt == html.StartTagToken {
				svgDepth = 1
			}
			if canvasDepth > 0 {
				svgInCanvas = true
			}
		case "div":
			if canvasDepth > 0 {
				canvasDepth++
			} else if hasClass(a["class"], "chart-canvas") {
				canvasDepth, svgInCanvas = 1, false
			}
		case "figure":
			if hasClass(a["class"], "chart") {
				d.charts++
				for _, k := range []string{"data-option", "data-map"} {
					if v := a[k]; v != "" {
						d.chartData = append(d.chartData, v)
					}
				}
			}
		case "meta":
			if a["name"] == "chart-bundle" {
				d.bundle = a["content"]
			}
		case "link":
			rels := strings.Fields(strings.ToLower(a["rel"]))
			for _, rel := range rels {
				switch rel {
				case "stylesheet":
					d.loads = append(d.loads, load{a["href"], CSS, "link rel=stylesheet"})
				case "modulepreload":
					d.loads = append(d.loads, load{a["href"], JS, "link rel=modulepreload"})
				case "icon":
					d.loads = append(d.loads, load{a["href"], "", "link rel=icon"})
				}
			}
		case "script":
			if src, ok := a["src"]; ok {
				d.loads = append(d.loads, load{src, JS, "script src"})
			}
		case "img":
			if src := a["src"]; src != "" && strings.ToLower(a["loading"]) != "lazy" {
				d.loads = append(d.loads, load{src, "", "img src"})
			}
		}
	}
}

func attrs(t html.Token) map[string]string {
	m := map[string]string{}
	for _, a := range t.Attr {
		if a.Namespace == "" {
			m[strings.ToLower(a.Key)] = a.Val
		}
	}
	return m
}

func hasClass(class, name string) bool {
	for _, c := range strings.Fields(class) {
		if c == name {
			return true
		}
	}
	return false
}

// staticImport matches import declarations and re-exports with a module
// specifier (import x from "m", import "m", export * from "m"), minified
// or not; import("m") (dynamic) does not match.
var staticImport = regexp.MustCompile(`(?:^|[;}\s])(?:import\s*(?:[\w$*{][^;()"']*?\s*from\s*)?|export\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*)["']([^"']+)["']`)

// StaticImports lists the module specifiers a script imports statically:
// what the browser fetches with it. It is a scanner, not a parser: it
// assumes minified or plain code in which no string holds "import …".
func StaticImports(js []byte) []string {
	key := sha256.Sum256(js)
	gzipMu.Lock()
	out, ok := imports[key]
	gzipMu.Unlock()
	if ok {
		return out
	}
	for _, m := range staticImport.FindAllSubmatch(js, -1) {
		out = append(out, string(m[1]))
	}
	gzipMu.Lock()
	imports[key] = out
	gzipMu.Unlock()
	return out
}

// resolve turns a reference in the page at pagePath into a site path; ok
// is false for data: URLs. A reference to another host is an error: the
// site loads nothing from elsewhere.
func resolve(pagePath, ref string) (string, bool, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "data:") {
		return "", false, nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false, err
	}
	if u.Scheme != "" || u.Host != "" {
		return "", false, fmt.Errorf("%s loads %s from another host", pagePath, ref)
	}
	return resolveFrom(pagePath, u.Path), true, nil
}

// resolveFrom resolves a path reference against the site path base.
func resolveFrom(base, ref string) string {
	if strings.HasPrefix(ref, "/") {
		return path.Clean(ref)
	}
	dir := base
	if !strings.HasSuffix(dir, "/") {
		dir = path.Dir(dir) + "/"
	}
	return path.Clean(dir + ref)
}

// readSitePath reads the file served at a site path (a folder's index.html).
func readSitePath(dir, p string) ([]byte, error) {
	f := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	if strings.HasSuffix(p, "/") {
		f = filepath.Join(f, "index.html")
	}
	return os.ReadFile(f)
}

func typeOf(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".html", ".htm":
		return HTML
	case ".css":
		return CSS
	case ".js", ".mjs":
		return JS
	case ".svg":
		return SVG
	case ".json":
		return JSON
	}
	return Other
}

// FilesOfType sums every file of the site whose name ends in ext (".css"):
// what the site holds of that type, whatever page loads it.
func FilesOfType(dir, ext string) (Size, []string, error) {
	var s Size
	var names []string
	err := filepath.WalkDir(dir, func(f string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(f, ext) {
			return err
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		s = s.Add(Measured(b))
		rel, _ := filepath.Rel(dir, f)
		names = append(names, "/"+filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(names)
	return s, names, err
}

// Bytes is the size on disk of the files under dir whose slash path
// relative to dir matches pattern (path.Match; "" matches every file):
// each file's, by that path, and their total. Images are served as they
// are (a PNG does not compress further), so their budgets count these
// bytes.
func Bytes(dir, pattern string) (total int, each map[string]int, err error) {
	each = map[string]int{}
	err = filepath.WalkDir(dir, func(f string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, f)
		rel = filepath.ToSlash(rel)
		if pattern != "" {
			if ok, err := path.Match(pattern, rel); err != nil || !ok {
				return err
			}
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		each[rel] = int(info.Size())
		total += int(info.Size())
		return nil
	})
	return total, each, err
}

// Over words what breaks a byte budget in a set of files (what names
// them): each file over perFile, the total over all (0: no such budget),
// and a set with no file at all, which any budget would pass.
func Over(what string, total int, each map[string]int, perFile, all int) []string {
	if len(each) == 0 {
		return []string{fmt.Sprintf("%s: no files found: the measure is broken", what)}
	}
	var out []string
	if perFile > 0 {
		names := make([]string, 0, len(each))
		for n := range each {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if each[n] > perFile {
				out = append(out, fmt.Sprintf("%s: %s is %s, over the budget of %s a file by %s", what, n, kibRaw(each[n]), kibRaw(perFile), kibRaw(each[n]-perFile)))
			}
		}
	}
	if all > 0 && total > all {
		out = append(out, fmt.Sprintf("%s: %d files, %s in all, over the budget of %s by %s", what, len(each), kibRaw(total), kibRaw(all), kibRaw(total-all)))
	}
	return out
}

func kibRaw(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KiB", float64(n)/1024)
}
