package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"

	"github.com/hunan-industry/plan-site/generator/pages"
)

// Template tests in Hugo's own style: a small project as txtar, holding
// the real theme files a behaviour depends on, built in memory in
// milliseconds.

const theme = "../../themes/plansite"

// testConfig is the site's two languages, as hugo.toml has them, each
// with a content folder of its own.
const testConfig = `
-- hugo.toml --
defaultContentLanguage = "zh"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotsTXT", "404"]
[languages.zh]
locale = "zh-CN"
weight = 1
contentDir = "content/zh"
[languages.en]
locale = "en"
weight = 2
contentDir = "content/en"
-- layouts/baseof.html --
{{ block "main" . }}{{ end }}
`

// themeFiles gives the named files of the theme as txtar entries.
func themeFiles(t testing.TB, names ...string) string {
	t.Helper()
	var b strings.Builder
	for _, n := range names {
		src, err := os.ReadFile(filepath.Join(theme, n))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("-- " + n + " --\n" + string(src) + "\n")
	}
	return b.String()
}

// TestRegionsListSeparators: the regions page joins names with the
// language's own separators (、 and ： in Chinese, ", " and ": " in
// English), never the other language's.
func TestRegionsListSeparators(t *testing.T) {
	page := func(lang, area, a, b, city, f1, f2 string) string {
		return `-- content/` + lang + `/regions.md --
{"title": "R", "type": "regions", "params": {"groups": [{"id": "g", "name": "G", "text": "T",
  "areas": [{"name": "` + area + `", "cities": [{"path": "cities/a/", "title": "` + a + `"}, {"path": "cities/b/", "title": "` + b + `"}]}],
  "cities": [{"path": "cities/a/", "title": "` + city + `", "focus": [{"name": "` + f1 + `"}, {"name": "` + f2 + `"}]}]}]}}
`
	}
	files := testConfig +
		themeFiles(t, "layouts/regions/single.html", "layouts/_partials/text.html", "layouts/_partials/english.html", "i18n/zh.toml", "i18n/en.toml") +
		"-- layouts/_partials/charts.html --\n\n" +
		page("zh", "洞庭湖生态经济区", "常德", "益阳", "长沙", "新一代信息技术", "工程机械") +
		page("en", "Dongting Lake Eco-Economic Zone", "Changde", "Yiyang", "Changsha", "New-generation IT", "Construction machinery")
	b := hugolib.Test(t, files)
	b.AssertFileContent("public/regions/index.html",
		"<strong>洞庭湖生态经济区</strong>：", "常德</a>、<a", ">长沙</a>：新一代信息技术、工程机械",
		"! , ", "! : ")
	b.AssertFileContent("public/en/regions/index.html",
		"<strong>Dongting Lake Eco-Economic Zone</strong>: ", "Changde</a>, <a", ">Changsha</a>: New-generation IT, Construction machinery",
		"! 、", "! ：")
}

// TestHanRunsMarkedInEnglish: on an English page every run of Han
// characters in a data text stands in a lang="zh-CN" span, the rest of the
// text stays escaped, and a Chinese page is left as it is.
func TestHanRunsMarkedInEnglish(t *testing.T) {
	page := func(lang, text string) string {
		return "-- content/" + lang + "/p.md --\n{\"title\": \"P\", \"type\": \"t\", \"params\": {\"text\": \"" + text + "\"}}\n"
	}
	files := testConfig +
		themeFiles(t, "layouts/_partials/text.html", "layouts/_partials/english.html") +
		"-- layouts/t/single.html --\n{{ define \"main\" }}<p>{{ partial \"text.html\" .Params.text }}</p>{{ end }}\n" +
		page("en", `SRDI (专精特新) firms & <b>湘政办发〔2023〕54号</b>, \"三一\"`) +
		page("zh", `专精特新 & <b>`)
	b := hugolib.Test(t, files)
	b.AssertFileContent("public/en/p/index.html",
		`<p>SRDI (<span lang="zh-CN">专精特新</span>) firms &amp; &lt;b&gt;<span lang="zh-CN">湘政办发〔2023〕54号</span>&lt;/b&gt;, &#34;<span lang="zh-CN">三一</span>&#34;</p>`)
	b.AssertFileContent("public/p/index.html", "<p>专精特新 &amp; &lt;b&gt;</p>", "! <span")
}

// TestMainMenu: the header's menu is menus.main as the build adds it from
// the page kinds (pages.MainMenu), in each language's words, with the
// current section marked.
func TestMainMenu(t *testing.T) {
	var menus strings.Builder
	pagesFiles := ""
	for _, e := range pages.MainMenu() {
		fmt.Fprintf(&menus, "[[menus.main]]\nidentifier = %q\npageRef = %q\nweight = %d\n", e.Identifier, e.PageRef, e.Weight)
		for _, l := range []string{"zh", "en"} {
			pagesFiles += "-- content/" + l + e.PageRef + "/_index.md --\n---\ntitle: " + e.Identifier + "\n---\n"
		}
	}
	files := strings.Replace(testConfig, "contentDir = \"content/en\"\n", "contentDir = \"content/en\"\n"+menus.String(), 1) +
		themeFiles(t, "layouts/_partials/header.html", "i18n/zh.toml", "i18n/en.toml") +
		"-- layouts/_partials/lang-switch.html --\n\n-- layouts/single.html --\n{{ partial \"header.html\" . }}\n-- layouts/list.html --\n{{ partial \"header.html\" . }}\n" +
		pagesFiles + "-- content/zh/industries/a.md --\n---\ntitle: a\n---\n"
	b := hugolib.Test(t, files)
	b.AssertFileContent("public/industries/a/index.html", `<a href="/industries/" aria-current="page">产业</a>`, `<a href="/plan/">方案全文</a>`, `<a href="/about/">关于本站</a>`)
	b.AssertFileContent("public/en/plan/index.html", `<a href="/en/plan/" aria-current="page">Full text</a>`, `<a href="/en/industries/">Industries</a>`, `! aria-current="page">Industries`)
	// Every entry, in each language, links to its page.
	for _, e := range pages.MainMenu() {
		b.AssertFileContent("public/index.html", `<a href="`+e.PageRef+`/">`)
		b.AssertFileContent("public/en/index.html", `<a href="/en`+e.PageRef+`/">`)
	}
}
