package sitecheck

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Edition says what makes the site an independent edition that says so,
// and how each language's interface must read (issues 14 and 15).
type Edition struct {
	Langs map[string]EditionLang // by <html lang>: zh-CN, en
	// PlanPages are the URLs whose citation cites the plan itself (the
	// full text), by the issuing office; every other page is the site's.
	PlanPages map[string]bool
}

// EditionLang is one language's rules.
type EditionLang struct {
	Independence string   // the line every page carries
	Credit       string   // what every chart SVG carries
	Bare         []string // what a <title> or description may not be on its own
	Issuer       string   // never the first name of a site page's citation
	// Forbidden are literal interface strings that must not appear in the
	// language's text (outside the plan's own text).
	Forbidden []string
	// Chinese checks site-written Chinese: no half-width colon, comma or
	// semicolon between Chinese characters, no English on the 404 page.
	Chinese bool
}

// Edition runs the checks of e over every page and chart SVG. The plan's
// words a page marks (data-plan, data-plan-part) are not the site's
// interface and are held to the source by Verbatim instead.
func (s *Site) Edition(e Edition) (fs Findings) {
	for _, u := range s.URLs() {
		pg := s.Pages[u]
		if isRedirect(pg) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.Dir, filepath.FromSlash(pg.File)))
		if err != nil {
			fs.add(u, "%v", err)
			continue
		}
		rules, ok := e.Langs[pg.Lang]
		if !ok {
			continue
		}
		CheckEditionPage(&fs, u, b, rules, e)
	}
	var svgs []string
	for f := range s.Files {
		if strings.HasPrefix(f, "/chart-files/") && strings.HasSuffix(f, ".svg") {
			svgs = append(svgs, f)
		}
	}
	sort.Strings(svgs)
	for _, f := range svgs {
		b, err := os.ReadFile(filepath.Join(s.Dir, filepath.FromSlash(f)))
		if err != nil {
			fs.add(f, "%v", err)
			continue
		}
		lang := "en"
		if strings.HasPrefix(f, "/chart-files/zh/") {
			lang = "zh-CN"
		}
		CheckChartCredit(&fs, f, b, e.Langs[lang].Credit)
	}
	return fs
}

// CheckChartCredit finds an SVG that does not carry the site's credit.
func CheckChartCredit(fs *Findings, name string, svg []byte, credit string) {
	if credit == "" || !strings.Contains(html.UnescapeString(string(svg)), credit) {
		fs.add(name, "chart does not carry the credit %q", credit)
	}
}

var (
	// A half-width colon, comma or semicolon between Chinese characters
	// (spaces allowed): "长沙: 新一代信息技术", "数值不同; 单位不同".
	halfWidthInChinese = regexp.MustCompile(`\p{Han}[)）”]?\s*[:,;]\s*[“（(]?\p{Han}`)
	// A space after a full-width mark, which carries its own: "区域布局： 一核引领".
	spaceAfterFullWidth = regexp.MustCompile(`[：；，、][ \t]+`)
	// The Chinese list separator in English text: "Changde、Yiyang".
	cjkSeparatorInEnglish = regexp.MustCompile(`[A-Za-z)]\s*[、，；：]\s*[A-Za-z(]`)
	latinWord             = regexp.MustCompile(`[A-Za-z]{2,}`)
)

// CheckEditionPage checks one page.
func CheckEditionPage(fs *Findings, u string, b []byte, rules EditionLang, e Edition) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		fs.add(u, "%v", err)
		return
	}
	var title, desc string
	var citations []string
	var siteText []string // text the site writes (not the plan's), with attributes a reader meets
	independence := false
	is404 := strings.HasSuffix(u, "/404.html")
	var walk func(n *html.Node, plan, foreign bool)
	walk = func(n *html.Node, plan, foreign bool) {
		if n.Type == html.ElementNode {
			a := attrs(n)
			if l, ok := a["lang"]; ok && n.Data != "html" {
				foreign = !strings.HasPrefix(l, strings.SplitN(rules.langOf(e), "-", 2)[0])
			}
			switch n.Data {
			case "script", "style":
				return
			case "title":
				title = strings.TrimSpace(text(n))
			case "meta":
				if a["name"] == "description" {
					desc = strings.TrimSpace(a["content"])
				}
			}
			_, whole := a["data-plan"]
			if _, part := a["data-plan-part"]; whole || part {
				plan = true
			}
			cls := " " + a["class"] + " "
			// The plan's own citation (plan-citation) names its issuer first.
			if strings.Contains(cls, " citation ") && !strings.Contains(cls, " plan-citation ") {
				citations = append(citations, strings.TrimSpace(TextOf(n)))
			}
			if strings.Contains(cls, " independence ") && strings.TrimSpace(TextOf(n)) == rules.Independence {
				independence = true
			}
			if !plan && !foreign {
				for _, k := range []string{"aria-label", "alt", "placeholder", "title"} {
					if v := a[k]; v != "" {
						siteText = append(siteText, v)
					}
				}
			}
			if v, ok := a["data-count"]; ok {
				one, hasOne := a["data-count-one"]
				if !hasOne {
					one = v
				}
				if strings.Contains(strings.ReplaceAll(one, "{n}", "1"), "1 pages") {
					fs.add(u, "the search count for one result reads %q", strings.ReplaceAll(one, "{n}", "1"))
				}
			}
		}
		if n.Type == html.TextNode && !plan && !foreign {
			siteText = append(siteText, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, plan, foreign)
		}
	}
	walk(doc, false, false)
	if desc != "" {
		siteText = append(siteText, desc)
	}

	for _, bare := range rules.Bare {
		if title == bare {
			fs.add(u, "<title> is only %q", bare)
		}
		if desc == bare {
			fs.add(u, "the meta description is only %q", bare)
		}
	}
	if !independence {
		fs.add(u, "no independence line %q", rules.Independence)
	}
	for _, c := range citations {
		if rules.Issuer != "" && strings.HasPrefix(c, rules.Issuer) && !e.PlanPages[u] {
			fs.add(u, "a citation names the issuing office as the author of a site page: %q", short(c))
		}
	}
	all := strings.Join(siteText, "\n")
	for _, f := range rules.Forbidden {
		if i := strings.Index(all, f); i >= 0 {
			fs.add(u, "literal interface text %q: …%s…", f, around(all, i, len(f)))
		}
	}
	if rules.Chinese {
		for _, t := range siteText {
			if m := halfWidthInChinese.FindString(t); m != "" {
				fs.add(u, "half-width punctuation between Chinese characters: %q in %q", m, short(t))
			}
			if m := spaceAfterFullWidth.FindString(t); m != "" {
				fs.add(u, "a space after full-width punctuation: %q in %q", m, short(t))
			}
		}
		if is404 {
			for _, t := range append(siteText, title) {
				if m := latinWord.FindString(t); m != "" {
					fs.add(u, "English on the Chinese 404 page: %q in %q", m, short(t))
				}
			}
		}
	} else {
		for _, t := range siteText {
			if m := cjkSeparatorInEnglish.FindString(t); m != "" {
				fs.add(u, "a Chinese separator in English text: %q in %q", m, short(t))
			}
		}
	}
}

// langOf is the language the rules are for, from the Chinese flag.
func (r EditionLang) langOf(Edition) string {
	if r.Chinese {
		return "zh-CN"
	}
	return "en"
}

func short(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return string(r)
}

func around(s string, i, n int) string {
	lo, hi := max(0, i-30), min(len(s), i+n+30)
	for lo > 0 && !utf8Start(s[lo]) {
		lo--
	}
	for hi < len(s) && !utf8Start(s[hi]) {
		hi++
	}
	return strings.ReplaceAll(s[lo:hi], "\n", " ")
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// CardCredit says what is wrong with a social card's band, the line across
// its top: it must be the site's name, and the name must say unofficial.
// Empty when all is well.
func CardCredit(band, site, unofficial string) string {
	if site == "" || band != site {
		return "the band " + strconvQuote(band) + " is not the site's name " + strconvQuote(site)
	}
	if unofficial == "" || !strings.Contains(band, unofficial) {
		return "the band " + strconvQuote(band) + " does not say " + strconvQuote(unofficial)
	}
	return ""
}

func strconvQuote(s string) string { return `"` + strings.ReplaceAll(s, "\n", `\n`) + `"` }

// TextOf is all the text inside n, as a reader sees it run together.
func TextOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
