package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
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
		themeFiles(t, "layouts/regions/single.html", "i18n/zh.toml", "i18n/en.toml") +
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
