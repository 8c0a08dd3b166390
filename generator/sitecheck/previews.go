package sitecheck

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Previews are the rules for what a page gives the machines that show it
// without the page around it: the link previews of WeChat, Facebook,
// LinkedIn and X (og:*, twitter:*) and search snippets (the meta
// description). Away from the page, nothing else says whose it is.
type Previews struct {
	Langs map[string]PreviewLang // by <html lang>: zh-CN, en
}

// PreviewLang is one language's words.
type PreviewLang struct {
	// Unofficial is the word every preview title must carry (非官方,
	// unofficial): the title is what a preview shows largest.
	Unofficial string
	// Edition are words by which a description speaks as this edition
	// (本站, this site); Plan, words that attribute what it says to the
	// plan (方案, the plan, attachment 1). A description needs one of
	// Unofficial, Edition or Plan.
	Edition, Plan []string
	// Goal finds a sentence that states one of the plan's goals (will
	// exceed, 到2027年, 力争): such a sentence must carry a Plan word, or
	// it reads as the site's own statement of fact.
	Goal *regexp.Regexp
}

// The metadata a preview reads: titles, then descriptions.
var (
	previewTitles = []string{"og:title", "twitter:title"}
	previewDescs  = []string{"description", "og:description", "twitter:description", "og:image:alt", "twitter:image:alt"}
	// Descriptions that must say whose they are; an image's alt text
	// describes the image (the card, which says it in its band) and is
	// only held to the goals rule.
	previewMustAttribute = map[string]bool{"description": true, "og:description": true, "twitter:description": true}
	sentenceEnd          = regexp.MustCompile(`[。！？]|[.!?](\s|$)`)
)

// Previews checks every page's previews against r.
func (s *Site) Previews(r Previews) (fs Findings) {
	for _, u := range s.URLs() {
		pg := s.Pages[u]
		if isRedirect(pg) {
			continue
		}
		rules, ok := r.Langs[pg.Lang]
		if !ok {
			fs.add(u, "no preview rules for <html lang=%q>", pg.Lang)
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.Dir, filepath.FromSlash(pg.File)))
		if err != nil {
			fs.add(u, "%v", err)
			continue
		}
		CheckPreviews(&fs, u, b, rules)
	}
	return fs
}

// CheckPreviews checks one page: it has a preview title and description;
// every preview title and the site's name say unofficial, and the header
// gives the site the name the previews give it; every description says whose it
// is; and no sentence of a description or image text states one of the
// plan's goals without naming the plan.
func CheckPreviews(fs *Findings, u string, b []byte, r PreviewLang) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		fs.add(u, "%v", err)
		return
	}
	meta := map[string]string{}
	var brand []string // the header's name of the site
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" && strings.Contains(" "+attrs(n)["class"]+" ", " brand ") {
			brand = append(brand, strings.TrimSpace(TextOf(n)))
		}
		if n.Type == html.ElementNode && n.Data == "meta" {
			a := attrs(n)
			key := a["property"]
			if key == "" {
				key = a["name"]
			}
			if key != "" {
				meta[key] = strings.TrimSpace(a["content"])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	for _, k := range []string{"og:title", "description", "og:description"} {
		if _, ok := meta[k]; !ok {
			fs.add(u, "no %s", k)
		}
	}
	// One name: the header calls the site what previews call it.
	site := meta["og:site_name"]
	if !strings.Contains(site, r.Unofficial) {
		fs.add(u, "og:site_name %q does not say %q", site, r.Unofficial)
	}
	for _, b := range brand {
		if b != site {
			fs.add(u, "the header names the site %q, og:site_name %q", b, site)
		}
	}
	for _, k := range previewTitles {
		if v, ok := meta[k]; ok && !strings.Contains(v, r.Unofficial) {
			fs.add(u, "%s %q does not say %q", k, short(v), r.Unofficial)
		}
	}
	for _, k := range previewDescs {
		v, ok := meta[k]
		if !ok {
			continue
		}
		if previewMustAttribute[k] && !strings.Contains(v, r.Unofficial) && !containsAny(v, r.Edition) && !containsAny(v, r.Plan) {
			fs.add(u, "%s %q neither says %q nor names the plan or this edition", k, short(v), r.Unofficial)
		}
		for _, s := range sentences(v) {
			if r.Goal != nil && r.Goal.MatchString(s) && !containsAny(s, r.Plan) {
				fs.add(u, "%s states the plan's goal as the site's own: %q", k, short(s))
			}
		}
	}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if w != "" && strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sentences splits a text after each full stop, question or exclamation
// mark; a colon or semicolon does not end one, so a lead-in ("方案附件2所列
// …目标：") attributes what follows it.
func sentences(s string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringIndex(s)
		if loc == nil {
			break
		}
		out = append(out, s[:loc[1]])
		s = s[loc[1]:]
	}
	if strings.TrimSpace(s) != "" {
		out = append(out, s)
	}
	return out
}
