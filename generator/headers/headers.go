// Package headers is the site's one header policy: the HTTP headers every
// file of the built site is served with. The build writes it into the
// output as Netlify's _headers file (Rules, netlify.FormatHeaders); the
// preview server and the tests read that same file, so what is checked is
// what the CDN sends.
package headers

import (
	"net/http"
	"path"
	"sort"
	"strings"

	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/offline"
)

// csp builds a Content-Security-Policy: same-origin everything, no inline
// script or style, no eval, framed by the given ancestors. The service
// worker and the web app manifest (generator/offline) are the site's own.
func csp(script, ancestors string) string {
	return "default-src 'self'; script-src " + script + "; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + ancestors
}

var (
	// Pages: 'wasm-unsafe-eval' lets the search index's WebAssembly run;
	// framed only by the site itself.
	pageCSP = csp("'self' 'wasm-unsafe-eval'", "'self'")
	// Chart embeds: the only pages other sites may frame.
	embedCSP = csp("'self'", "*")

	revalidate = "public, max-age=0, must-revalidate"
	immutable  = "public, max-age=31536000, immutable" // the name changes with the content
	aDay       = "public, max-age=86400, must-revalidate"
)

// common are sent with every response.
var common = map[string]string{
	"X-Content-Type-Options":     "nosniff",
	"Referrer-Policy":            "strict-origin-when-cross-origin",
	"Permissions-Policy":         "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()",
	"Cross-Origin-Opener-Policy": "same-origin",
}

// citationTypes are the media types of the citation files (generator/cite)
// by extension; CSL-JSON is JSON.
var citationTypes = map[string]string{
	".bib": "application/x-bibtex; charset=utf-8",
	".ris": "application/x-research-info-systems; charset=utf-8",
}

// own gives the headers a file has beyond the common ones, by its path in
// the site (a page by its folder, /x/, or its file, /x/index.html).
func own(p string) map[string]string {
	page := strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html")
	embed := strings.HasPrefix(p, "/embed/") || strings.HasPrefix(p, "/en/embed/")
	switch {
	case page && embed:
		return map[string]string{"Content-Security-Policy": embedCSP, "Cache-Control": revalidate}
	case page:
		return map[string]string{"Content-Security-Policy": pageCSP, "Cache-Control": revalidate}
	case embed && path.Base(p) == "oembed.json":
		// Readable from any origin, for hosts that fetch an embed's oEmbed
		// response from the browser.
		return map[string]string{"Cache-Control": revalidate, "Access-Control-Allow-Origin": "*"}
	case strings.HasPrefix(p, "/css/"), strings.HasPrefix(p, "/js/"):
		// Readable from any origin: an embed page in a sandboxed frame
		// (WordPress sandboxes the frames it makes) has an opaque origin, so
		// its stylesheet (checked by its integrity hash), its module scripts
		// and the chart data they fetch are cross-origin requests there and
		// need a CORS response. These files are public and sent without
		// credentials: nothing is exposed.
		return map[string]string{"Cache-Control": immutable, "Access-Control-Allow-Origin": "*"}
	case p == "/favicon.svg":
		return map[string]string{"Cache-Control": aDay}
	case strings.HasPrefix(p, "/data/"), path.Base(p) == "sitemap.xml", p == "/robots.txt",
		// The worker's bytes change with every deploy that changes what it
		// keeps; the browser must see the new one (see generator/offline).
		p == offline.Worker, path.Base(p) == offline.Manifest:
		return map[string]string{"Cache-Control": revalidate}
	case strings.HasPrefix(p, "/cite/"):
		// The citation files, typed as reference managers (Zotero's
		// connector among them) recognise them when a reader opens one.
		h := map[string]string{"Cache-Control": revalidate}
		if t, ok := citationTypes[path.Ext(p)]; ok {
			h["Content-Type"] = t
		}
		return h
	}
	return nil
}

// For gives the headers the policy sets on a path of the site.
func For(p string) http.Header {
	h := http.Header{}
	for k, v := range common {
		h.Set(k, v)
	}
	for k, v := range own(p) {
		h.Set(k, v)
	}
	return h
}

// Rules writes the policy as Netlify rules for the site made of files
// (paths from the site's root, /x/index.html): the common headers on /*,
// then each folder whose files all have the same headers as one /folder/*
// rule, and the other files one by one. Netlify applies every rule that
// matches, so no path may match two rules that set a header: that is why
// the page rules name their folders and files rather than /*.
func Rules(files []string) []netlify.Rule {
	rules := []netlify.Rule{{For: "/*", Values: common}}
	tree := newFolder()
	for _, f := range files {
		if path.Base(f) == netlify.HeadersFile {
			continue
		}
		tree.add(strings.Split(strings.TrimPrefix(f, "/"), "/"))
	}
	tree.rules("/", true, &rules)
	return rules
}

// folder is a folder of the site and its files, for grouping rules.
type folder struct {
	files   []string
	folders map[string]*folder
}

func newFolder() *folder { return &folder{folders: map[string]*folder{}} }

func (d *folder) add(parts []string) {
	if len(parts) == 1 {
		d.files = append(d.files, parts[0])
		return
	}
	sub := d.folders[parts[0]]
	if sub == nil {
		sub = newFolder()
		d.folders[parts[0]] = sub
	}
	sub.add(parts[1:])
}

// paths are the site paths of the folder's files under prefix (ending in
// /): a page counts as its folder and its file.
func (d *folder) paths(prefix string) []string {
	var out []string
	for _, f := range d.files {
		out = append(out, prefix+f)
		if f == "index.html" {
			out = append(out, prefix)
		}
	}
	for name, sub := range d.folders {
		out = append(out, sub.paths(prefix+name+"/")...)
	}
	return out
}

// uniform tells whether every path under the folder has the same headers,
// and which.
func (d *folder) uniform(prefix string) (map[string]string, bool) {
	ps := d.paths(prefix)
	first := own(ps[0])
	for _, p := range ps[1:] {
		if !same(own(p), first) {
			return nil, false
		}
	}
	return first, true
}

func (d *folder) rules(prefix string, root bool, out *[]netlify.Rule) {
	if !root {
		if h, ok := d.uniform(prefix); ok {
			if len(h) > 0 {
				*out = append(*out, netlify.Rule{For: prefix + "*", Values: h})
			}
			return
		}
	}
	var own1 []string
	for _, f := range d.files {
		own1 = append(own1, prefix+f)
		if f == "index.html" {
			own1 = append(own1, prefix)
		}
	}
	sort.Strings(own1)
	for _, p := range own1 {
		if h := own(p); len(h) > 0 {
			*out = append(*out, netlify.Rule{For: p, Values: h})
		}
	}
	names := make([]string, 0, len(d.folders))
	for name := range d.folders {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		d.folders[name].rules(prefix+name+"/", false, out)
	}
}

func same(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
