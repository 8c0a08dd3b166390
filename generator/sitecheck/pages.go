// Package sitecheck reads a built site and checks what a reader relies on:
// links and anchors resolve, every page has its twin in the other
// language, hreflang alternates are complete, and nothing is loaded from a
// third-party host. It reads files only; tests and the CLI report what it
// finds.
package sitecheck

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Page is what the checks need of one HTML file.
type Page struct {
	File      string            // relative to the site root, slash-separated
	URL       string            // site path: /en/industries/x/
	Lang      string            // <html lang>
	IDs       map[string]bool   // every id attribute
	Links     []string          // <a href>
	Resources []string          // URLs the browser fetches: src, srcset, <link href> (not alternates)
	Alternate map[string]string // hreflang → href
	Canonical string
	Switch    []string // hrefs in the language switch
	// Framed is an embed page (<body class="embed">): shown inside other
	// sites' pages, whose reader chose the language, it has no switch.
	Framed bool
	// Refresh is where a <meta http-equiv="refresh"> sends the reader on
	// to: a page that exists to redirect (a Hugo alias, a chart's cite
	// page), not one a reader reads.
	Refresh string
	// Han are the runs of Han characters in text whose nearest lang
	// (the element's own, an ancestor's or <html lang>) is not Chinese.
	Han []string
	// Holes are the marks of a value a template or format did not get:
	// Go's "<no value>" (for a key no front matter or site param has) and
	// fmt's "%!" (a verb without its argument, or an argument too many).
	Holes []string
	// JSONLD are the page's structured data blocks, as written.
	JSONLD []string
	// Meta are the <meta name> contents by name, in page order.
	Meta map[string][]string
}

// holes matches those marks in a page's source, escaped or not.
var holes = regexp.MustCompile(`(?:<|&lt;)no value(?:>|&gt;)|%!\(?[A-Za-z]*\(?[A-Z]*[=(][^)<]{0,40}\)?`)

// Site is a built site: its pages, and the other files by path.
type Site struct {
	Dir   string
	Pages map[string]*Page // by URL
	Files map[string]bool  // every file, by URL path (/css/x.css)
}

// Read parses every HTML file under dir.
func Read(dir string) (*Site, error) {
	s := &Site{Dir: dir, Pages: map[string]*Page{}, Files: map[string]bool{}}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		s.Files["/"+rel] = true
		if !strings.HasSuffix(rel, ".html") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pg, err := parse(rel, b)
		if err != nil {
			return err
		}
		s.Pages[pg.URL] = pg
		return nil
	})
	return s, err
}

// URLs lists the pages' URLs in order.
func (s *Site) URLs() []string {
	urls := make([]string, 0, len(s.Pages))
	for u := range s.Pages {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	return urls
}

// pageURL turns a file path into the URL that serves it.
func pageURL(rel string) string {
	if rel == "index.html" {
		return "/"
	}
	if strings.HasSuffix(rel, "/index.html") {
		return "/" + strings.TrimSuffix(rel, "index.html")
	}
	return "/" + rel
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)

func parse(rel string, b []byte) (*Page, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	pg := &Page{File: rel, URL: pageURL(rel), IDs: map[string]bool{}, Alternate: map[string]string{}, Meta: map[string][]string{}}
	var walk func(n *html.Node, inSwitch bool)
	walk = func(n *html.Node, inSw bool) {
		if n.Type == html.ElementNode {
			a := attrs(n)
			if id, ok := a["id"]; ok {
				pg.IDs[id] = true
			}
			if strings.Contains(" "+a["class"]+" ", " lang-switch ") {
				inSw = true
			}
			switch n.Data {
			case "html":
				pg.Lang = a["lang"]
			case "meta":
				if strings.EqualFold(a["http-equiv"], "refresh") {
					_, to, _ := strings.Cut(a["content"], "url=")
					pg.Refresh = strings.TrimSpace(to)
					pg.Links = append(pg.Links, pg.Refresh) // checked as a link
				}
				if name := a["name"]; name != "" {
					pg.Meta[name] = append(pg.Meta[name], a["content"])
				}
			case "body":
				pg.Framed = strings.Contains(" "+a["class"]+" ", " embed ")
			case "a":
				if h, ok := a["href"]; ok {
					pg.Links = append(pg.Links, h)
					if inSw {
						pg.Switch = append(pg.Switch, h)
					}
				}
			case "link":
				switch rel := a["rel"]; {
				case rel == "alternate" && a["hreflang"] != "":
					pg.Alternate[a["hreflang"]] = a["href"]
				case rel == "canonical":
					pg.Canonical = a["href"]
				case rel == "alternate":
				default:
					pg.Resources = append(pg.Resources, a["href"])
				}
			case "script", "img", "iframe", "audio", "video", "source", "embed", "track", "input":
				if n.Data == "script" && a["type"] == "application/ld+json" {
					pg.JSONLD = append(pg.JSONLD, text(n))
				}
				if v := a["src"]; v != "" {
					pg.Resources = append(pg.Resources, v)
				}
			case "object":
				if v := a["data"]; v != "" {
					pg.Resources = append(pg.Resources, v)
				}
			case "style":
				for _, m := range cssURL.FindAllStringSubmatch(text(n), -1) {
					pg.Resources = append(pg.Resources, m[1])
				}
			}
			if v := a["srcset"]; v != "" {
				for _, part := range strings.Split(v, ",") {
					if f := strings.Fields(part); len(f) > 0 {
						pg.Resources = append(pg.Resources, f[0])
					}
				}
			}
			if v := a["style"]; v != "" {
				for _, m := range cssURL.FindAllStringSubmatch(v, -1) {
					pg.Resources = append(pg.Resources, m[1])
				}
			}
			if v := a["poster"]; v != "" {
				pg.Resources = append(pg.Resources, v)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSw)
		}
	}
	walk(doc, false)
	pg.Han = hanOutsideChinese(doc, "")
	for _, m := range holes.FindAll(b, -1) {
		pg.Holes = append(pg.Holes, string(m))
	}
	return pg, nil
}

var hanRun = regexp.MustCompile(`\p{Han}+`)

// hanOutsideChinese walks the text under n, whose inherited language is
// lang, for Han characters that a screen reader would voice as another
// language (WCAG 3.1.2, Language of Parts).
func hanOutsideChinese(n *html.Node, lang string) []string {
	var out []string
	switch n.Type {
	case html.ElementNode:
		if n.Data == "script" || n.Data == "style" || n.Data == "template" {
			return nil
		}
		for _, a := range n.Attr {
			if a.Key == "lang" && a.Namespace == "" {
				lang = a.Val
			}
		}
	case html.TextNode:
		if l := strings.ToLower(lang); l == "zh" || strings.HasPrefix(l, "zh-") {
			return nil
		}
		return hanRun.FindAllString(n.Data, -1)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, hanOutsideChinese(c, lang)...)
	}
	return out
}

func attrs(n *html.Node) map[string]string {
	m := map[string]string{}
	for _, a := range n.Attr {
		m[a.Key] = a.Val
	}
	return m
}

func text(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// resolve turns a link found on page pg into a site path and fragment;
// external is true for links to another host or scheme.
func resolve(pg *Page, href, siteHost string) (p, frag string, external bool) {
	if i := strings.Index(href, "#"); i >= 0 {
		href, frag = href[:i], href[i+1:]
	}
	switch {
	case strings.HasPrefix(href, "//"):
		return "", frag, true
	case strings.Contains(href, ":"):
		scheme, rest, _ := strings.Cut(href, ":")
		if (scheme == "http" || scheme == "https") && siteHost != "" && strings.HasPrefix(rest, "//"+siteHost) {
			return cleanPath(strings.TrimPrefix(rest, "//"+siteHost)), frag, false
		}
		return "", frag, true
	case href == "":
		return pg.URL, frag, false
	case strings.HasPrefix(href, "/"):
		return cleanPath(href), frag, false
	}
	return cleanPath(path.Join(path.Dir(pg.URL+"x"), href)), frag, false
}

func cleanPath(p string) string {
	if i := strings.IndexAny(p, "?"); i >= 0 {
		p = p[:i]
	}
	trailing := strings.HasSuffix(p, "/")
	p = path.Clean("/" + p)
	if trailing && p != "/" {
		p += "/"
	}
	return p
}
