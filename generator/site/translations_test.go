package site

import (
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
)

// twinConfig is testConfig with the site's base URL and the languages'
// labels, as hugo.toml has them: the language switch and the hreflang
// links print both.
var twinConfig = strings.NewReplacer(
	"defaultContentLanguage = \"zh\"\n", "baseURL = \"https://plan.test/\"\ndefaultContentLanguage = \"zh\"\n",
	"locale = \"zh-CN\"\n", "locale = \"zh-CN\"\nlabel = \"中文\"\n",
	"locale = \"en\"\n", "locale = \"en\"\nlabel = \"English\"\n",
).Replace(testConfig)

// twins are a page in both languages and a page in Chinese alone.
const twins = `
-- content/zh/industries/a.md --
---
title: 甲
---
-- content/en/industries/a.md --
---
title: A
---
-- content/zh/only.md --
---
title: 独有
---
`

// TestLanguageSwitch: the header's switch is the page's twin found by
// .Translations: one link, to the other language's page, marked with that
// language for readers and crawlers, under the language's own label; a
// page without a twin shows no switch.
func TestLanguageSwitch(t *testing.T) {
	files := twinConfig + twins +
		themeFiles(t, "layouts/_partials/lang-switch.html", "i18n/zh.toml", "i18n/en.toml") +
		"-- layouts/single.html --\n{{ define \"main\" }}{{ partial \"lang-switch.html\" . }}{{ end }}\n"
	b := hugolib.Test(t, files)
	b.AssertFileContent("public/industries/a/index.html",
		`<ul class="lang-switch" aria-label="语言">`,
		`<li><a href="/en/industries/a/" hreflang="en" lang="en" rel="alternate">English</a></li>`,
		"! 中文</a>")
	b.AssertFileContent("public/en/industries/a/index.html",
		`<ul class="lang-switch" aria-label="Languages">`,
		`<li><a href="/industries/a/" hreflang="zh-CN" lang="zh-CN" rel="alternate">中文</a></li>`,
		"! English</a>")
	b.AssertFileContent("public/only/index.html", "! lang-switch", "! <a")
}

// TestHreflang: every page lists each language version of itself, its
// own included, by absolute URL, and the Chinese one again as x-default;
// a page in one language lists itself alone.
func TestHreflang(t *testing.T) {
	files := twinConfig + twins +
		themeFiles(t, "layouts/_partials/hreflang.html") +
		"-- layouts/single.html --\n{{ define \"main\" }}{{ partial \"hreflang.html\" . }}{{ end }}\n"
	b := hugolib.Test(t, files)
	both := []string{
		`<link rel="alternate" hreflang="zh-CN" href="https://plan.test/industries/a/">`,
		`<link rel="alternate" hreflang="x-default" href="https://plan.test/industries/a/">`,
		`<link rel="alternate" hreflang="en" href="https://plan.test/en/industries/a/">`,
	}
	b.AssertFileContent("public/industries/a/index.html", both...)
	b.AssertFileContent("public/en/industries/a/index.html", both...)
	b.AssertFileContent("public/only/index.html",
		`<link rel="alternate" hreflang="zh-CN" href="https://plan.test/only/">`,
		`<link rel="alternate" hreflang="x-default" href="https://plan.test/only/">`,
		`! hreflang="en"`)
	for _, f := range []string{"public/industries/a/index.html", "public/en/industries/a/index.html"} {
		if n := strings.Count(b.FileContent(f), "x-default"); n != 1 {
			t.Errorf("%s: %d x-default links, want one", f, n)
		}
	}
}

// TestTitlesNameTheEdition: a page's <title> names the edition after the
// page, the home page's wraps the plan's title in the edition's words, and
// the description falls back to the site's; link previews (og:title) say
// the same; the words are the i18n files', in each language.
func TestTitlesNameTheEdition(t *testing.T) {
	files := twinConfig + twins +
		themeFiles(t, "layouts/_partials/head.html", "layouts/_partials/title.html", "layouts/_partials/social.html", "i18n/zh.toml", "i18n/en.toml") +
		"-- assets/css/site.css --\nbody{margin:0}\n" +
		"-- layouts/_partials/hreflang.html --\n-- layouts/_partials/jsonld.html --\n-- layouts/_partials/highwire.html --\n" +
		"-- content/zh/_index.md --\n---\ntitle: 方案\ndescription: 首页说明\n---\n" +
		"-- content/en/_index.md --\n---\ntitle: The Plan\n---\n" +
		"-- layouts/single.html --\n{{ define \"main\" }}{{ partial \"head.html\" . }}{{ end }}\n" +
		"-- layouts/home.html --\n{{ define \"main\" }}{{ partial \"head.html\" . }}{{ end }}\n"
	b := hugolib.Test(t, files)
	b.AssertFileContent("public/industries/a/index.html",
		"<title>甲 · 湖南现代化产业体系方案（非官方中英文版）</title>",
		`<meta name="description" content="独立编辑的非官方中英文版`,
		`<link rel="canonical" href="https://plan.test/industries/a/">`)
	b.AssertFileContent("public/en/industries/a/index.html",
		"<title>A · Hunan Industrial Plan (unofficial bilingual edition)</title>",
		`<meta name="description" content="An independent, unofficial bilingual edition`)
	b.AssertFileContent("public/index.html", "<title>方案（非官方中英文版）</title>", `<meta name="description" content="首页说明">`,
		`<meta property="og:title" content="方案（非官方中英文版）">`)
	b.AssertFileContent("public/en/index.html", "<title>The Plan (unofficial bilingual edition)</title>",
		`<meta property="og:title" content="The Plan (unofficial bilingual edition)">`)
	b.AssertFileContent("public/en/industries/a/index.html", `<meta property="og:title" content="A · Hunan Industrial Plan (unofficial bilingual edition)">`)
	for _, f := range []string{"public/index.html", "public/en/index.html", "public/industries/a/index.html", "public/en/industries/a/index.html", "public/only/index.html"} {
		b.AssertFileContent(f, "! <no value>", "! %!")
	}
}
