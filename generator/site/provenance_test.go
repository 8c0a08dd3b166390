package site

import (
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
)

// provenanceSite is a site with the real footer and about layout in both
// languages, the language params the build adds (pages.Languages), and
// hugo.toml's contactURL as given.
func provenanceSite(t *testing.T, contact string) *hugolib.IntegrationTestBuilder {
	t.Helper()
	config := strings.Replace(testConfig, "[languages.zh]", "[params]\ncontactURL = \""+contact+"\"\n[languages.zh]", 1)
	config = strings.Replace(config, "contentDir = \"content/zh\"", "contentDir = \"content/zh\"\n[languages.zh.params]\nnumber = \"湘政办发〔2023〕54号\"\nupdated = \"2026-12-01\"", 1)
	config = strings.Replace(config, "contentDir = \"content/en\"", "contentDir = \"content/en\"\n[languages.en.params]\nnumber = \"Xiang Zheng Ban Fa [2023] No. 54\"\nupdated = \"2026-12-01\"", 1)
	files := config +
		themeFiles(t, "layouts/_partials/footer.html", "layouts/_partials/contact.html", "layouts/_partials/plan-date.html", "layouts/_partials/edition-date.html",
			"layouts/about/single.html", "i18n/zh.toml", "i18n/en.toml") +
		// The citation box is another test's: here it is left out.
		"-- layouts/_partials/cite.html --\n\n" +
		"-- layouts/_partials/cite-entry.html --\n\n" +
		"-- layouts/home.html --\n{{ partial \"footer.html\" . }}\n" +
		"-- layouts/about/baseof.html --\n{{ block \"main\" . }}{{ end }}{{ partial \"footer.html\" . }}\n" +
		"-- content/zh/_index.md --\n---\ntitle: 首页\n---\n" +
		"-- content/en/_index.md --\n---\ntitle: Home\n---\n" +
		"-- content/zh/about.md --\n---\ntitle: 关于本站\ntype: about\n---\n" +
		"-- content/en/about.md --\n---\ntitle: About\ntype: about\n---\n"
	return hugolib.Test(t, files)
}

// TestContactShownWhenSet: the address of the edition's makers, set as
// params.contactURL in hugo.toml, is in every footer and on the about
// pages in both languages; unset, no page has the line or an empty link.
func TestContactShownWhenSet(t *testing.T) {
	b := provenanceSite(t, "https://example.org/issues/")
	for _, f := range []string{"public/index.html", "public/about/index.html"} {
		b.AssertFileContent(f, `<p class="edition-contact">本站编者及勘误反馈：<a href="https://example.org/issues/">example.org/issues</a></p>`)
	}
	for _, f := range []string{"public/en/index.html", "public/en/about/index.html"} {
		b.AssertFileContent(f, `<p class="edition-contact">This edition&#39;s editors, and where to report an error: <a href="https://example.org/issues/">example.org/issues</a></p>`)
	}
	// On the about pages: once in the notice, once in the footer.
	if n := strings.Count(b.FileContent("public/about/index.html"), `class="edition-contact"`); n != 2 {
		t.Errorf("the Chinese about page shows the contact %d times, want 2 (notice and footer)", n)
	}
	mail := provenanceSite(t, "mailto:editors@example.org")
	mail.AssertFileContent("public/en/index.html", `<a href="mailto:editors@example.org">editors@example.org</a>`)

	unset := provenanceSite(t, "")
	for _, f := range []string{"public/index.html", "public/about/index.html", "public/en/index.html", "public/en/about/index.html"} {
		unset.AssertFileContent(f, "! edition-contact", "! 勘误", "! report an error", `class="independence"`)
	}
}

// TestPlanDateAndEditionDate: the about pages say the source gives the
// plan no date but its number's year, and the footer's date is the
// edition's, in words that cannot be read as the plan's.
func TestPlanDateAndEditionDate(t *testing.T) {
	b := provenanceSite(t, "")
	b.AssertFileContent("public/about/index.html", `<p class="plan-date">本站所据原文未载成文日期，仅文号湘政办发〔2023〕54号标明年份。</p>`)
	b.AssertFileContent("public/en/about/index.html", `<p class="plan-date">The copy of the plan this edition is based on gives no date of issue; only its number, Xiang Zheng Ban Fa [2023] No. 54, gives the year.</p>`)
	b.AssertFileContent("public/index.html", "<p>本站最后更新：2026年12月1日</p>")
	b.AssertFileContent("public/en/index.html", "<p>This edition last updated 1 December 2026</p>")
}

// TestTierIntrosQuoted: on the industries page each tier's intro, the
// plan's paragraph, stands in a block quote captioned as the plan's words,
// still marked for the verbatim check in Chinese.
func TestTierIntrosQuoted(t *testing.T) {
	page := func(lang, name, intro string) string {
		return `-- content/` + lang + `/industries/_index.md --
{"title": "I", "params": {"tiers": [{"code": "A", "anchor": "tier-a", "name": "` + name + `", "intro": "` + intro + `", "industries": []}]}}
`
	}
	files := testConfig +
		themeFiles(t, "layouts/industries/list.html", "i18n/zh.toml", "i18n/en.toml") +
		"-- layouts/_partials/link-list.html --\n\n" +
		page("zh", "传统产业", "对现代石化等传统产业，加快技术改造。") +
		page("en", "Traditional industries", "For traditional industries, accelerate upgrading.")
	b := hugolib.Test(t, files)
	b.AssertFileContent("public/industries/index.html",
		`<figure class="plan-quote">`, `<figcaption>方案原文：</figcaption>`,
		`<blockquote><p data-plan="tier-a-text">对现代石化等传统产业，加快技术改造。</p></blockquote>`)
	b.AssertFileContent("public/en/industries/index.html",
		`<figcaption>The plan says:</figcaption>`,
		`<blockquote><p>For traditional industries, accelerate upgrading.</p></blockquote>`)
}
