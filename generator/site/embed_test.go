package site

import (
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
)

// siteCSS is a stylesheet with the site's shape: a light palette and a
// prefers-color-scheme block for the dark one.
const siteCSS = `
-- assets/css/site.css --
:root { --bg: #fff; --fg: #111; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; }
}
`

// TestEmbedDarkTheme: the embed stylesheet is the site's, light unless the
// host asks: its dark palette again under :root[data-theme=dark] (what
// ?theme=dark sets) and, within prefers-color-scheme, under
// :root[data-theme=auto], so the palette is written once, in site.css; a
// site.css without the block stops the build and says what is missing.
func TestEmbedDarkTheme(t *testing.T) {
	layout := "-- layouts/home.html --\n{{ define \"main\" }}{{ $css := partial \"embed-css.html\" . }}[{{ $css.RelPermalink }}]{{ $css.Content }}{{ end }}\n"
	files := testConfig + themeFiles(t, "layouts/_partials/embed-css.html") + layout
	b := hugolib.Test(t, files+siteCSS)
	b.AssertFileContent("public/index.html",
		"[/css/embed-zh.",            // fingerprinted, one per language
		":root{--bg:#fff;--fg:#111}", // the site's own rules
		":root{color-scheme:light}",  // light by default, whatever the reader's setting
		":root[data-theme=dark]{--bg:#0d1117;--fg:#e6edf3;color-scheme:dark}",
		"@media(prefers-color-scheme:dark){:root[data-theme=auto]{--bg:#0d1117;--fg:#e6edf3;color-scheme:dark}}",
		"! @media(prefers-color-scheme:dark){:root{--bg")

	noDark := "-- assets/css/site.css --\n:root { --bg: #fff; }\n"
	broken, err := hugolib.NewIntegrationTestBuilder(hugolib.IntegrationTestConfig{T: t, TxtarString: files + noDark}).BuildE()
	if err == nil {
		t.Fatal("a site.css without a dark block built")
	}
	broken.AssertLogContains(`site.css has no block "@media (prefers-color-scheme: dark) { :root { … } }" to take the dark palette from`)
}

// TestEmbedPageStandsAlone: an embed page, framed in another site's
// article, is the chart in the page's language with no site header (so
// no language switch or menu), its hreflang twins and canonical URL, and
// the oEmbed link a CMS discovers it by.
func TestEmbedPageStandsAlone(t *testing.T) {
	cfg := strings.Replace(twinConfig, "-- layouts/baseof.html --\n{{ block \"main\" . }}{{ end }}\n", "", 1) + `
[mediaTypes."application/json+oembed"]
suffixes = ["json"]
[outputFormats.oembed]
mediaType = "application/json+oembed"
baseName = "oembed"
isPlainText = true
notAlternative = true
`
	page := func(lang, title string) string {
		return "-- content/" + lang + "/embed/overview.md --\n" +
			`{"title": "` + title + `", "type": "embed", "outputs": ["html", "oembed"], "params": {"canonical": "charts/#overview"}}` + "\n"
	}
	files := cfg + siteCSS + page("zh", "布局总览") + page("en", "Overview") +
		themeFiles(t, "layouts/embed/baseof.html", "layouts/_partials/hreflang.html", "layouts/_partials/embed-css.html", "i18n/zh.toml", "i18n/en.toml") +
		"-- layouts/_partials/social.html --\n-- layouts/_partials/bundle.html --\n{{ return resources.FromString \"js/interactive.js\" \"1\" }}\n" +
		"-- assets/js/embed.js --\nconsole.log(1)\n" +
		"-- layouts/embed/single.html --\n{{ define \"main\" }}<figure>chart</figure>{{ end }}\n" +
		"-- layouts/embed/single.oembed.json --\n{}\n" +
		"-- layouts/single.html --\n{{ partial \"header.html\" . }}\n"
	b := hugolib.Test(t, files)
	b.AssertFileContent("public/en/embed/overview/index.html",
		`<html lang="en">`,
		"<title>Overview · Hunan Industrial Plan (unofficial bilingual edition)</title>",
		`<link rel="canonical" href="https://plan.test/en/charts/#overview">`,
		`<link rel="alternate" hreflang="zh-CN" href="https://plan.test/embed/overview/">`,
		`<link rel="alternate" type="application/json+oembed" href="https://plan.test/en/embed/overview/oembed.json" title="Overview">`,
		`<body class="embed">`, "<figure>chart</figure>",
		"! lang-switch", "! site-header", "! site-nav")
	b.AssertFileContent("public/embed/overview/index.html", `<html lang="zh-CN">`, `<link rel="canonical" href="https://plan.test/charts/#overview">`)
}
