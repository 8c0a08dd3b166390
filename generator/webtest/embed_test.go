package webtest

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// A journalist copies a chart's embed code from the chart's page and pastes
// it into an article on a news site, whose CMS may keep it as it is, strip
// its scripts, or (WordPress, given the embed page's URL) fetch the oEmbed
// JSON and put its iframe in a sandbox. These tests do each, in an article
// served from another origin than the site.

// embedCase is a chart whose embed code is tried: where its page offers it.
type embedCase struct {
	name, page, chart string
}

var embedCases = []embedCase{
	{"industry map", "/industries/construction-machinery/", "industry-construction-machinery"},
	{"city map", "/cities/changsha/", "city-changsha"},
	{"bar chart", "/targets/", "targets-yuan"},
	{"heatmap", "/layout/", "matrix"},
}

// parsePage parses the built page at a site path under dir.
func parsePage(t testing.TB, dir, page string) *html.Node {
	t.Helper()
	return parseFile(t, filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(page, "/")), "index.html"))
}

// offeredSnippet is the embed code exactly as the chart's page shows it
// (the text of the code element under "Embed code"), and the copy
// button's copy, which must be the same.
func offeredSnippet(t testing.TB, doc *html.Node, chart string) (string, error) {
	t.Helper()
	figs := find(doc, func(n *html.Node) bool { return n.Data == "figure" && attr(n, "id") == "chart-"+chart })
	if len(figs) != 1 {
		return "", fmt.Errorf("%d figures #chart-%s", len(figs), chart)
	}
	codes := find(figs[0], func(n *html.Node) bool {
		return n.Data == "code" && n.Parent != nil && n.Parent.Parent != nil && hasClass(n.Parent.Parent, "embed-code") && !hasClass(n.Parent, "embed-link")
	})
	if len(codes) != 1 {
		return "", fmt.Errorf("#chart-%s: %d embed codes", chart, len(codes))
	}
	snippet := sitecheck.TextOf(codes[0])
	for _, b := range find(figs[0], func(n *html.Node) bool { return n.Data == "button" && hasClass(n, "chart-copy") }) {
		if c := attr(b, "data-copy"); c != snippet {
			return "", fmt.Errorf("#chart-%s: the copy button copies %q, not the code shown, %q", chart, c, snippet)
		}
	}
	return snippet, nil
}

var (
	scriptTag  = regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script>`)
	heightAttr = regexp.MustCompile(`\sheight="([^"]*)"`)
	srcAttr    = regexp.MustCompile(`\ssrc="([^"]*)"`)
)

// snippetFindings checks an embed code as offered: one iframe with integer
// width and height and a title, and at most the host script beside it.
func snippetFindings(snippet string) []string {
	var out []string
	doc, err := html.Parse(strings.NewReader("<!doctype html><body>" + snippet))
	if err != nil {
		return []string{err.Error()}
	}
	frames := find(doc, func(n *html.Node) bool { return n.Data == "iframe" })
	if len(frames) != 1 {
		return []string{fmt.Sprintf("%d iframes in %q", len(frames), snippet)}
	}
	for _, k := range []string{"width", "height"} {
		v := attr(frames[0], k)
		if !regexp.MustCompile(`^[1-9][0-9]*$`).MatchString(v) {
			out = append(out, fmt.Sprintf("iframe %s=%q is not an integer", k, v))
		}
	}
	if attr(frames[0], "title") == "" {
		out = append(out, "the iframe has no title")
	}
	for _, s := range find(doc, func(n *html.Node) bool { return n.Data == "script" }) {
		if !strings.HasSuffix(attr(s, "src"), "/embed/host.js") {
			out = append(out, fmt.Sprintf("a script other than host.js: %q", attr(s, "src")))
		}
	}
	return out
}

func TestEmbedSnippetsAsOffered(t *testing.T) {
	t.Parallel()
	dir := siteDir(t)
	for _, c := range embedCases {
		for _, l := range plan.Langs {
			s, err := offeredSnippet(t, parsePage(t, dir, l.Prefix()+c.page), c.chart)
			if err != nil {
				t.Errorf("%s%s: %v", l.Prefix(), c.page, err)
				continue
			}
			report(t, l.Prefix()+c.page, "the embed code of #chart-"+c.chart, snippetFindings(s))
		}
	}
	// The checker fails on the embed code as it was offered before.
	broken := `<iframe src="https://plan.test/embed/x/" title="x" width="100%" height="%!d(float64=840)" loading="lazy" style="border:0"></iframe>`
	f := snippetFindings(broken)
	expectFinding(t, "the embed code check", "the old embed code", f, `height="%!d(float64=840)" is not an integer`)
	expectFinding(t, "the embed code check", "the old embed code", f, `width="100%" is not an integer`)
}

// oEmbed is the response oembed.com defines for a "rich" embed.
type oEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	HTML         string `json:"html"`
}

// embedPages lists the built embed pages, as site paths (/en/embed/x/).
func embedPages(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	for _, l := range plan.Langs {
		es, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(l.Prefix()+"/embed/", "/"))))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			if e.IsDir() {
				out = append(out, l.Prefix()+"/embed/"+e.Name()+"/")
			}
		}
	}
	return out
}

// oembedFindings checks an embed page's oEmbed discovery link and JSON
// against the page (its title, its site) and the embed code its chart's
// page offers (html, width and height). json is nil when the file the
// link names does not exist.
func oembedFindings(doc *html.Node, page string, js []byte, snippet string) []string {
	var out []string
	links := find(doc, func(n *html.Node) bool {
		return n.Data == "link" && attr(n, "rel") == "alternate" && attr(n, "type") == "application/json+oembed"
	})
	if len(links) != 1 {
		return []string{fmt.Sprintf("%d oEmbed discovery links, want 1", len(links))}
	}
	if want := siteURL + strings.TrimPrefix(page, "/") + "oembed.json"; attr(links[0], "href") != want {
		out = append(out, fmt.Sprintf("the oEmbed link is %q, want %q", attr(links[0], "href"), want))
	}
	if js == nil {
		return append(out, "the oEmbed JSON it names does not exist")
	}
	var o oEmbed
	if err := json.Unmarshal(js, &o); err != nil {
		return append(out, "the oEmbed JSON does not parse: "+err.Error())
	}
	title := strings.TrimSpace(sitecheck.TextOf(find(doc, func(n *html.Node) bool { return n.Data == "h1" })[0]))
	ogSite := ""
	for _, m := range find(doc, func(n *html.Node) bool { return n.Data == "meta" && attr(n, "property") == "og:site_name" }) {
		ogSite = attr(m, "content")
	}
	home := siteURL
	if strings.HasPrefix(page, "/en/") {
		home += "en/"
	}
	h := heightAttr.FindStringSubmatch(snippet)
	for _, c := range []struct {
		field     string
		got, want any
	}{
		{"version", o.Version, "1.0"},
		{"type", o.Type, "rich"},
		{"title", o.Title, title},
		{"provider_name", o.ProviderName, ogSite},
		{"provider_url", o.ProviderURL, home},
		{"width", o.Width > 0 && strings.Contains(snippet, fmt.Sprintf(` width="%d"`, o.Width)), true},
	} {
		if c.got != c.want {
			out = append(out, fmt.Sprintf("oEmbed %s is %q, want %q", c.field, c.got, c.want))
		}
	}
	if h == nil || o.Height < atoi(h[1]) {
		out = append(out, fmt.Sprintf("oEmbed height %d is below the embed code's %v: the chart would be cut off where the frame keeps it", o.Height, h))
	}
	if r := editorAspect(o.Width, o.Height); r != "" {
		out = append(out, fmt.Sprintf("oEmbed %d × %d: WordPress's block editor would fix the frame at %s", o.Width, o.Height, r))
	}
	return append(out, oembedHTMLFindings(o.HTML, snippet, o.Height)...)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// editorAspect is the aspect-ratio class WordPress's block editor gives an
// embed block whose iframe is w × h (Gutenberg's embed/util.js,
// getClassNames): the widest ratio not above w/h (to two decimals) if w/h
// is within 0.1 of it. With it the theme's CSS fixes the frame's height
// to that ratio of its width, and it no longer follows its content.
func editorAspect(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	r := math.Round(float64(w)/float64(h)*100) / 100
	for _, a := range []struct {
		name  string
		ratio float64
	}{{"21-9", 21.0 / 9}, {"18-9", 2}, {"16-9", 16.0 / 9}, {"4-3", 4.0 / 3}, {"1-1", 1}, {"9-16", 9.0 / 16}, {"1-2", 0.5}} {
		if r >= a.ratio {
			if r-a.ratio > 0.1 {
				return ""
			}
			return "wp-embed-aspect-" + a.name
		}
	}
	return ""
}

// oembedHTMLFindings checks an oEmbed html against the embed code: the
// form WordPress loads its resizer for (a blockquote with a link, then
// the iframe, both of class wp-embedded-content), framing the same page at
// the same height.
func oembedHTMLFindings(h, snippet string, height int) []string {
	var out []string
	doc, err := html.Parse(strings.NewReader("<!doctype html><body>" + h))
	if err != nil {
		return []string{err.Error()}
	}
	body := find(doc, func(n *html.Node) bool { return n.Data == "body" })[0]
	var els []*html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			els = append(els, c)
		}
	}
	if len(els) != 2 || els[0].Data != "blockquote" || els[1].Data != "iframe" {
		return []string{fmt.Sprintf("oEmbed html %q is not a blockquote and an iframe: WordPress would not load its resizer", h)}
	}
	// (What a reader without scripts gets in WordPress: the chart's title,
	// a link to it on its page, first.)
	links := find(els[0], func(n *html.Node) bool { return n.Data == "a" && attr(n, "href") != "" })
	if !hasClass(els[0], "wp-embedded-content") || len(links) == 0 || !strings.Contains(attr(links[0], "href"), "#chart-") {
		out = append(out, "the oEmbed blockquote has no class wp-embedded-content, or its first link does not lead to the chart")
	}
	if !hasClass(els[1], "wp-embedded-content") {
		out = append(out, "the oEmbed iframe has no class wp-embedded-content")
	}
	if want := srcAttr.FindStringSubmatch(snippet); want == nil || attr(els[1], "src") != want[1] {
		out = append(out, fmt.Sprintf("the oEmbed iframe frames %q, not the embed code's page", attr(els[1], "src")))
	}
	if attr(els[1], "height") != fmt.Sprint(height) {
		out = append(out, fmt.Sprintf("the oEmbed iframe is %q px tall, not the JSON's height, %d", attr(els[1], "height"), height))
	}
	return out
}

// TestOEmbed reads every embed page's oEmbed JSON and checks it against the
// page and against the embed code the chart's own page offers.
func TestOEmbed(t *testing.T) {
	t.Parallel()
	dir := siteDir(t)
	pages := embedPages(t, dir)
	if len(pages) < 2*len(embedCases) {
		t.Fatalf("only %d embed pages", len(pages))
	}
	for _, p := range pages {
		doc := parsePage(t, dir, p)
		// The chart's page: the embed page's "Full page" link.
		var full string
		for _, a := range find(doc, func(n *html.Node) bool { return n.Data == "a" && n.Parent != nil && hasClass(n.Parent, "embed-foot") }) {
			if !strings.HasSuffix(attr(a, "href"), ".csv") {
				full = strings.TrimPrefix(attr(a, "href"), strings.TrimSuffix(siteURL, "/"))
			}
		}
		chart := strings.TrimSuffix(p[strings.LastIndex(strings.TrimSuffix(p, "/"), "/")+1:], "/")
		snippet, err := offeredSnippet(t, parsePage(t, dir, full), chart)
		if err != nil {
			t.Errorf("%s: its chart's page %q: %v", p, full, err)
			continue
		}
		js, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")), "oembed.json"))
		if err != nil {
			js = nil
		}
		report(t, p, "oEmbed", oembedFindings(doc, p, js, snippet))
		report(t, p, "compact embed page", compactFindings(doc))
	}

	// The checkers fail on broken input: a JSON that is not the snippet's,
	// a missing file, and the embed page as it was (a whole web page).
	p := "/en/embed/matrix/"
	doc := parsePage(t, dir, p)
	snippet, err := offeredSnippet(t, parsePage(t, dir, "/en/layout/"), "matrix")
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := json.Marshal(oEmbed{Version: "1.0", Type: "rich", Title: "x", Width: 640, Height: 1, HTML: snippet + " "})
	f := oembedFindings(doc, p, bad, snippet)
	expectFinding(t, "the oEmbed check", "a wrong JSON", f, "is not a blockquote and an iframe")
	expectFinding(t, "the oEmbed check", "a wrong JSON", f, `oEmbed height 1 is below`)
	square, _ := json.Marshal(oEmbed{Version: "1.0", Type: "rich", Title: "x", Width: 640, Height: 610, HTML: snippet})
	expectFinding(t, "the oEmbed check", "a 640 × 610 JSON", oembedFindings(doc, p, square, snippet), "would fix the frame at wp-embed-aspect-1-1")
	expectFinding(t, "the oEmbed check", "a wrong JSON", f, "oEmbed title is")
	expectFinding(t, "the oEmbed check", "no JSON", oembedFindings(doc, p, nil, snippet), "does not exist")
	old, err := html.Parse(strings.NewReader(`<!doctype html><html><body class="embed"><main><figure class="chart"><figcaption><h1 class="chart-title">T</h1></figcaption>
<div class="chart-canvas"><svg></svg></div><details class="chart-data"><summary>Data table</summary><table></table></details>
<div class="chart-tools"><a href="x.svg" download>SVG</a></div><details class="cite"><summary>How to cite</summary></details>
<details class="embed-code"><summary>Embed code</summary></details></figure><div class="share"></div><ul class="lang-switch"><li><a href="/en/">English</a></li></ul></main></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	cf := compactFindings(old)
	for _, want := range []string{"chart-tools", "cite", "embed-code", "share", "lang-switch", "no footer line"} {
		expectFinding(t, "the compact embed check", "the old embed page", cf, want)
	}
}

// compactFindings checks what an embed page shows: the chart with its
// title once, a description, the table for screen readers only, one
// footer line, and none of a whole page's furniture.
func compactFindings(doc *html.Node) []string {
	var out []string
	if h := find(doc, func(n *html.Node) bool { return n.Data == "h1" }); len(h) != 1 || !hasClass(h[0], "chart-title") {
		out = append(out, fmt.Sprintf("%d h1 elements; want one, the chart's title", len(h)))
	}
	for _, c := range []string{"chart-tools", "cite", "embed-code", "share", "lang-switch", "chart-data", "breadcrumbs", "site-header"} {
		if n := find(doc, func(n *html.Node) bool { return hasClass(n, c) }); len(n) != 0 {
			out = append(out, fmt.Sprintf("an element of class %s: a whole page's furniture inside an embed", c))
		}
	}
	if n := find(doc, func(n *html.Node) bool { return n.Data == "p" && hasClass(n, "embed-desc") }); len(n) != 1 {
		out = append(out, "no one-line description (p.embed-desc)")
	}
	if n := find(doc, func(n *html.Node) bool {
		return n.Data == "table" && n.Parent != nil && hasClass(n.Parent, "visually-hidden")
	}); len(n) != 1 {
		out = append(out, "no data table for screen readers (.visually-hidden > table)")
	}
	foot := find(doc, func(n *html.Node) bool { return n.Data == "p" && hasClass(n, "embed-foot") })
	if len(foot) != 1 {
		return append(out, "no footer line (p.embed-foot)")
	}
	if links := find(foot[0], func(n *html.Node) bool { return n.Data == "a" }); len(links) != 2 || !strings.HasSuffix(attr(links[0], "href"), ".csv") {
		out = append(out, fmt.Sprintf("the footer line has %d links; want the data (CSV) and the full page", len(links)))
	}
	return out
}

// The article pages are served from a second loopback server: another
// origin than the site's, as a news site is.
var (
	articleMu   sync.Mutex
	articles    = map[string]string{}
	articleOnce once[string]
)

// article serves an article page with body in it and returns its URL.
func article(t testing.TB, name, lang, body string) string {
	t.Helper()
	base := articleOnce.get(t, func() (string, error) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", err
		}
		srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			articleMu.Lock()
			page, ok := articles[r.URL.Path]
			articleMu.Unlock()
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		})}
		go srv.Serve(ln)
		atExit(func() { srv.Close() })
		return "http://" + ln.Addr().String(), nil
	})
	path := "/article/" + regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(name), "-") + "/"
	articleMu.Lock()
	articles[path] = `<!doctype html>
<html lang="` + lang + `"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A news article</title><link rel="icon" href="data:,">
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; } article { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
/* WordPress's block styles keep an embed within the column. */
.wp-block-embed { margin: 0 0 1em; } .wp-block-embed iframe { max-width: 100%; }</style>
</head><body><article><h1>Hunan's industrial plan</h1><p>The province has set out where each industry is to grow.</p>
` + body + `
<p>The article goes on.</p></article></body></html>`
	articleMu.Unlock()
	return base + path
}

// A way is how a host page carries the embed code.
type way struct {
	name     string
	resizes  bool // a script or protocol sizes the frame to its content
	hostPage func(snippet, secret string) string
}

// wordpressSecret is the secret a WordPress host gives its frame.
const wordpressSecret = "k3Rt9QzX2a"

var ways = []way{
	{"as is", true, func(s, _ string) string { return s }},
	{"scripts stripped", false, func(s, _ string) string { return scriptTag.ReplaceAllString(s, "") }},
	{"WordPress sandbox", true, wordpressHost},
	{"pym.js", true, pymHost},
}

// wordpressHost is an article as WordPress makes it from the oEmbed html
// of a provider it does not know: only the iframe, with its src, width,
// height, title and frameborder (the style and data- attributes and the
// script dropped), in a sandbox with a secret; and a receiver that keeps
// WordPress's contract (wp-embed.js): it sends {message: 'ready', secret}
// when the frame loads, and on {secret, message: 'height', value} from that
// frame sets the iframe's height attribute, clamped to 200–1000.
func wordpressHost(snippet, secret string) string {
	src := srcAttr.FindStringSubmatch(snippet)[1]
	get := func(k string) string {
		m := regexp.MustCompile(`\s` + k + `="([^"]*)"`).FindStringSubmatch(snippet)
		if m == nil {
			return ""
		}
		return m[1]
	}
	return `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="` + src + `#?secret=` + secret + `" data-secret="` + secret +
		`" width="` + get("width") + `" height="` + get("height") + `" title="` + get("title") + `" frameborder="` + get("frameborder") + `"></iframe>
</div></figure>
<script>
(function () {
  var f = document.querySelector('iframe.wp-embedded-content'), secret = f.getAttribute('data-secret');
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.secret !== secret || e.source !== f.contentWindow) return;
    f.removeAttribute('style');
    if (d.message === 'height') f.height = Math.min(1000, Math.max(200, parseInt(d.value, 10) || 0));
  });
  f.addEventListener('load', function () { f.contentWindow.postMessage({ message: 'ready', secret: secret }, '*'); });
})();
</script>`
}

// pymHost is an article that embeds the chart with pym.js's Parent, which
// keeps this contract: it makes the iframe itself, with the child's id and
// width in the URL (?initialWidth=…&childId=…), sends
// 'pymxPYMx<id>xPYMxwidthxPYMx<width>' to the frame, and on
// 'pymxPYMx<id>xPYMxheightxPYMx<height>' sets the iframe's height.
func pymHost(snippet, _ string) string {
	src := srcAttr.FindStringSubmatch(snippet)[1]
	return `<div id="hunan-chart"></div>
<script>
(function () {
  var id = 'hunan-chart', box = document.getElementById(id), f = document.createElement('iframe');
  var src = ` + "`" + src + "`" + `;
  f.src = src + (src.indexOf('?') < 0 ? '?' : '&') + 'initialWidth=' + box.offsetWidth + '&childId=' + id +
    '&parentTitle=' + encodeURIComponent(document.title) + '&parentUrl=' + encodeURIComponent(location.href);
  f.setAttribute('width', '100%');
  f.setAttribute('scrolling', 'no');
  f.setAttribute('marginheight', '0');
  f.setAttribute('frameborder', '0');
  box.appendChild(f);
  var re = new RegExp('^pymxPYMx' + id + 'xPYMx(\\S+)xPYMx(.*)$');
  window.addEventListener('message', function (e) {
    var m = typeof e.data === 'string' && e.data.match(re);
    if (m && m[1] === 'height') f.setAttribute('height', parseInt(m[2], 10) + 'px');
  });
  f.addEventListener('load', function () { f.contentWindow.postMessage('pymxPYMx' + id + 'xPYMxwidthxPYMx' + box.offsetWidth, '*'); });
})();
</script>`
}

// frameView is what a reader of the article sees of the embed.
type frameView struct {
	Frame   float64 // the iframe's inner height in the article (clientHeight)
	FrameW  float64
	Content float64 // the embed page's height (its <html> box)
	Chart   float64 // the bottom of the chart's box, in the frame
	ChartH  float64 // the chart's own height
	ChartW  float64 // the right edge of the chart
	Foot    float64 // the bottom of the footer line
	Styled  bool    // the embed page's stylesheet applied
}

// frameFindings says what is wrong with an embed as shown: the chart, its
// footer or the rest of the embed page cut off or wider than the frame, and, where a script or a
// protocol sizes the frame, a frame more than 16 px off its content.
func frameFindings(v frameView, resizes bool) []string {
	var out []string
	if !v.Styled {
		out = append(out, "the embed page's stylesheet did not apply")
	}
	if v.Chart > v.Frame+0.5 || v.Foot > v.Frame+0.5 || v.Content > v.Frame+0.5 {
		out = append(out, fmt.Sprintf("the frame is %.0f px tall: the chart ends at %.0f px, the footer at %.0f px, the page at %.0f px; the chart does not show whole", v.Frame, v.Chart, v.Foot, v.Content))
	}
	if v.ChartW > v.FrameW+0.5 {
		out = append(out, fmt.Sprintf("the chart is %.0f px wide in a %.0f px frame", v.ChartW, v.FrameW))
	}
	if resizes && math.Abs(v.Frame-v.Content) > 16 {
		out = append(out, fmt.Sprintf("the frame is %.0f px tall for %.0f px of content: more than 16 px off", v.Frame, v.Content))
	}
	return out
}

// embedProbe measures the embed page from inside its frame.
const embedProbe = `(() => {
	// (The chart, or on a phone the table a chart without a phone layout gives way to.)
	let c = document.querySelector('.chart-canvas');
	if (c && !c.getClientRects().length) c = document.querySelector('.chart-phone-table') || c;
	const f = document.querySelector('.embed-foot');
	if (!c || !f || document.readyState !== 'complete') return null;
	const r = c.getBoundingClientRect();
	return {Content: document.documentElement.getBoundingClientRect().height, Chart: r.bottom, ChartH: r.height, ChartW: r.right,
		Foot: f.getBoundingClientRect().bottom, Styled: getComputedStyle(document.querySelector('main')).maxWidth === '640px'};
})()`

type probed struct {
	Content, Chart, ChartH, ChartW, Foot float64
	Styled                               bool
}

// embedTab is an article with an embed, open in a tab, and what happened
// in the embed's frame where Chromium runs it in a process of its own (a
// sandboxed frame): then the tab's record does not see it.
type embedTab struct {
	*tab
	frame    context.Context // the frame's own target, or nil
	frameRec *recorder
}

func (e *embedTab) problems() []string {
	out := e.rec.problems(e.url, false)
	if e.frameRec != nil {
		out = append(out, e.frameRec.problems("", false)...)
	}
	return out
}

// viewEmbed opens the article and measures the embed once its height has
// settled (or after 10 s).
func viewEmbed(t testing.TB, u string, width int64) (frameView, *embedTab) {
	t.Helper()
	et := &embedTab{tab: open(t, u, tabOptions{width: width})}
	tb := et.tab
	frames, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSS(`iframe`)))
	if err != nil || len(frames) != 1 {
		t.Fatalf("%s: the iframe: %v (%d)", u, err, len(frames))
	}
	// A frame in its own process is a target of its own: attach to it, and
	// reload it so that its record starts at its first request.
	infos, err := chromedp.Targets(tb.ctx)
	if err != nil {
		t.Fatal(err)
	}
	own := chromedp.FromContext(tb.ctx).Target.TargetID
	for _, info := range infos {
		if info.Type == "iframe" && info.ParentID == own {
			et.frameRec = newRecorder()
			ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithListener(et.frameRec.handle(tb.ctx)))
			et.frame = ctx
			prev := tb.cancel
			tb.cancel = func() { cancel(); prev() }
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`location.reload()`)); err != nil {
				t.Fatalf("%s: reloading the frame: %v", u, err)
			}
			for end := time.Now().Add(5 * time.Second); len(et.frameRec.requested()) == 0 && time.Now().Before(end); {
				time.Sleep(50 * time.Millisecond)
			}
		}
	}
	measure := func() frameView {
		var in probed
		var err error
		if et.frame != nil {
			in, err = chromedp.Run(et.frame, chromedp.Poll[probed](embedProbe, chromedp.WithPollingTimeout(20*time.Second)))
		} else {
			in, err = chromedp.Run(tb.ctx, chromedp.Poll[probed](embedProbe, chromedp.WithPollingInFrame(frames[0]), chromedp.WithPollingTimeout(20*time.Second)))
		}
		if err != nil {
			t.Fatalf("%s: inside the frame: %v", u, err)
		}
		type outer struct{ H, W float64 }
		o := eval[outer](t, tb, `(() => { const f = document.querySelector('iframe'); return {H: f.clientHeight, W: f.clientWidth}; })()`)
		return frameView{Frame: o.H, FrameW: o.W, Content: in.Content, Chart: in.Chart, ChartH: in.ChartH, ChartW: in.ChartW, Foot: in.Foot, Styled: in.Styled}
	}
	// Measure until the frame fits its content, or until neither has
	// changed for a second (a fixed frame, or a protocol that failed: the
	// checks then say how far off it is), or 10 s.
	var v, prev frameView
	for deadline, since := time.Now().Add(10*time.Second), time.Now(); ; {
		// (The tab's record never sees the end of a frame that moved to a
		// process of its own: wait for the frame's.)
		if et.frame != nil {
			et.frameRec.settle(et.frame)
		} else {
			tb.rec.settle(tb.ctx)
		}
		v = measure()
		if v != prev {
			prev, since = v, time.Now()
		}
		if math.Abs(v.Frame-v.Content) <= 1 || time.Since(since) > time.Second || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	return v, et
}

// localSnippet is the embed code for the site as the tests serve it: the
// build's base URL replaced by the preview server's.
func localSnippet(s, base string) string { return strings.ReplaceAll(s, siteURL, base+"/") }

// TestEmbedsInArticles pastes each chart's embed code, as its page offers
// it, into an article on another origin, each way a CMS carries it, at 390
// and 1280 px: the chart must show whole, the frame follow its content
// where a script or protocol runs, and nothing go wrong in the console.
func TestEmbedsInArticles(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	dir := siteDir(t)
	chrome(t)
	type job struct {
		c     embedCase
		l     plan.Lang
		w     way
		width int64
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var lines []string
	for range tabsAtOnce {
		wg.Go(func() {
			for j := range jobs {
				name := fmt.Sprintf("%s/%s/%s/%d", j.l, j.c.name, j.w.name, j.width)
				t.Run(name, func(t *testing.T) {
					start := time.Now()
					s, err := offeredSnippet(t, parsePage(t, dir, j.l.Prefix()+j.c.page), j.c.chart)
					if err != nil {
						t.Fatal(err)
					}
					u := article(t, name, j.l.Locale(), j.w.hostPage(localSnippet(s, base), wordpressSecret))
					v, tb := viewEmbed(t, u, j.width)
					defer tb.close()
					report(t, name, "the embed", frameFindings(v, j.w.resizes))
					report(t, name, "in the browser", tb.problems())
					if j.width == 390 && !j.w.resizes && v.Frame-v.Content > 40 {
						t.Errorf("%s: with no script the frame is %.0f px tall for %.0f px of content: more than 40 px of blank on a phone", name, v.Frame, v.Content)
					}
					if j.width == 390 && j.w.resizes && v.Content > v.ChartH+210 {
						t.Errorf("%s: the embed is %.0f px tall for a %.0f px chart; at most the chart + 210 px (the text and map note embed-snippet.html allow for)", name, v.Content, v.ChartH)
					}
					mu.Lock()
					lines = append(lines, fmt.Sprintf("%-45s frame %4.0f × %4.0f, content %4.0f, chart %4.0f × %4.0f (%s)", name, v.FrameW, v.Frame, v.Content, v.ChartW, v.ChartH, time.Since(start).Round(time.Second)))
					mu.Unlock()
				})
			}
		})
	}
	for _, c := range embedCases {
		for _, l := range plan.Langs {
			for _, w := range ways {
				for _, width := range []int64{390, 1280} {
					jobs <- job{c, l, w, width}
				}
			}
		}
	}
	close(jobs)
	wg.Wait()
	for _, l := range lines {
		t.Log(l)
	}
}

// TestEmbedCheckersCatchBrokenEmbeds: the embed code as it was (its height
// a formatting error, so the browser's 150 px default) cuts the chart
// off, and a WordPress host whose secret the embed does not know leaves
// a desktop-sized frame at its height, off its content.
func TestEmbedCheckersCatchBrokenEmbeds(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	dir := siteDir(t)
	chrome(t)
	s, err := offeredSnippet(t, parsePage(t, dir, "/industries/construction-machinery/"), "industry-construction-machinery")
	if err != nil {
		t.Fatal(err)
	}
	s = localSnippet(s, base)
	old := heightAttr.ReplaceAllString(scriptTag.ReplaceAllString(s, ""), ` height="%!d(float64=840)"`)
	v, tb := viewEmbed(t, article(t, "broken old height", "zh-CN", old), 390)
	tb.close()
	expectFinding(t, "the whole-chart check", "the old embed code", frameFindings(v, false), "does not show whole")

	// (At a desktop's height: the embed code's own fits a phone, so only
	// a frame that should have shrunk shows the protocol failing.)
	wrong := strings.Replace(wordpressHost(heightAttr.ReplaceAllString(s, ` height="819"`), wordpressSecret), `#?secret=`+wordpressSecret, `#?secret=other`, 1)
	v, tb = viewEmbed(t, article(t, "broken secret", "zh-CN", wrong), 390)
	tb.close()
	expectFinding(t, "the follows-content check", "a WordPress frame with the wrong secret", frameFindings(v, true), "more than 16 px off")
}
