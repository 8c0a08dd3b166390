package sitecheck

import (
	"strings"
	"testing"
)

var zhRules = EditionLang{
	Independence: "本站是独立编辑的非官方版本。",
	Bare:         []string{"湖南省现代化产业体系建设实施方案", "湖南省人民政府办公厅 · 湘政办发〔2023〕54号"},
	Issuer:       "湖南省人民政府办公厅",
	Forbidden:    []string{"YYYY年M月D日"},
	Chinese:      true,
}

var enRules = EditionLang{
	Independence: "An independent, unofficial edition.",
	Issuer:       "General Office",
	Forbidden:    []string{"laid out", " aim "},
}

func edPage(lang, title, body string) []byte {
	return []byte(`<!doctype html><html lang="` + lang + `"><head><title>` + title + `</title>` +
		`<meta name="description" content="湖南产业体系方案（非官方中英文版）：全文与布局"></head><body>` + body + `</body></html>`)
}

const zhFooter = `<footer><details class="cite"><p class="citation">湖南产业体系方案（非官方）. 工程机械[EB/OL]. (2024-01-02). https://x/.</p><p class="citation plan-citation">湖南省人民政府办公厅. 湖南省现代化产业体系建设实施方案：湘政办发〔2023〕54号[Z]. https://x/plan/.</p></details><p class="independence">本站是独立编辑的非官方版本。</p></footer>`
const enFooter = `<footer><p class="citation">Hunan Industrial Plan. “Construction machinery.”</p><p class="independence">An independent, unofficial edition.</p></footer>`

func check(u string, b []byte, r EditionLang) Findings {
	var fs Findings
	CheckEditionPage(&fs, u, b, r, Edition{})
	return fs
}

func TestEditionGoodPagesPass(t *testing.T) {
	good := map[string][]byte{
		"/safeguards/": edPage("zh-CN", "保障措施 · 湖南产业体系方案（非官方中英文版）",
			`<p data-plan="safeguard-9"><strong>9.持续优化环境降低成本。</strong>降低企业营商成本。（省发展改革委、省政务局、各市州人民政府按职责分工负责）</p>`+
				`<p>长沙：新一代信息技术、工程机械</p><ul class="lang-switch"><li><a lang="en">English</a></li></ul>`+zhFooter),
		"/404.html": edPage("zh-CN", "页面不存在 · 湖南产业体系方案（非官方中英文版）", `<h1>页面不存在</h1><a lang="en" href="/en/">English</a><p class="independence">本站是独立编辑的非官方版本。</p>`),
	}
	for u, b := range good {
		if fs := check(u, b, zhRules); len(fs) > 0 {
			t.Errorf("%s: %v", u, fs)
		}
	}
	en := edPage("en", "Construction machinery · Hunan Industrial Plan", `<p>Changde, Yiyang</p><p data-count="{n} pages found." data-count-one="{n} page found."></p>`+enFooter)
	if fs := check("/en/x/", en, enRules); len(fs) > 0 {
		t.Errorf("/en/x/: %v", fs)
	}
}

// Each broken page must give the finding named.
func TestEditionChecksFailOnBrokenPages(t *testing.T) {
	cases := []struct {
		name, u string
		b       []byte
		rules   EditionLang
		want    string
	}{
		{"bare title", "/", edPage("zh-CN", "湖南省现代化产业体系建设实施方案", zhFooter), zhRules, "<title> is only"},
		{"issuer line as description", "/", []byte(`<html lang="zh-CN"><head><title>x · 站</title><meta name="description" content="湖南省人民政府办公厅 · 湘政办发〔2023〕54号"></head><body>` + zhFooter + `</body></html>`), zhRules, "meta description is only"},
		{"no independence line", "/x/", edPage("zh-CN", "x · 站", `<footer><p>来源：湖南省人民政府办公厅</p></footer>`), zhRules, "no independence line"},
		{"issuer as the author", "/industries/x/", edPage("zh-CN", "x · 站", `<p class="citation">湖南省人民政府办公厅：《湖南省现代化产业体系建设实施方案》，“工程机械”</p>`+zhFooter), zhRules, "names the issuing office as the author"},
		{"half-width colon", "/regions/", edPage("zh-CN", "x · 站", `<p>长沙: 新一代信息技术, 工程机械</p>`+zhFooter), zhRules, "half-width punctuation"},
		{"half-width semicolon", "/targets/", edPage("zh-CN", "x · 站", `<p>数值不同; 单位不同</p>`+zhFooter), zhRules, "half-width punctuation"},
		{"half-width in an aria-label", "/x/", edPage("zh-CN", "x · 站", `<svg aria-label="各市州布局.长沙最多"></svg><div aria-label="长沙,株洲"></div>`+zhFooter), zhRules, "half-width punctuation"},
		{"space after a full-width colon", "/cities/x/", edPage("zh-CN", "x · 站", `<p>区域布局： <a href="/regions/">一核引领</a></p>`+zhFooter), zhRules, "a space after full-width punctuation"},
		{"English on the Chinese 404", "/404.html", edPage("zh-CN", "404 Page not found", zhFooter), zhRules, "English on the Chinese 404"},
		{"placeholder date", "/x/", edPage("zh-CN", "x · 站", `<p class="citation">湖南产业体系方案. x[EB/OL]，访问日期：YYYY年M月D日。</p>`+zhFooter), zhRules, "literal interface text"},
		{"laid out", "/en/x/", edPage("en", "x · site", `<h2>Construction machinery: where it is laid out</h2>`+enFooter), enRules, `literal interface text "laid out"`},
		{"strive as aim", "/en/x/", edPage("en", "x · site", `<td>more than 410 billion yuan <span> aim </span></td>`+enFooter), enRules, `literal interface text " aim "`},
		{"1 pages", "/en/search/", edPage("en", "x · site", `<p data-count="{n} pages found."></p>`+enFooter), enRules, "1 pages"},
		{"CJK separator in English", "/en/regions/", edPage("en", "x · site", `<p>Changde、Yiyang</p>`+enFooter), enRules, "Chinese separator in English"},
	}
	for _, c := range cases {
		fs := check(c.u, c.b, c.rules)
		found := false
		for _, f := range fs {
			if strings.Contains(f.Msg, c.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want a finding %q, got %v", c.name, c.want, fs)
		}
	}
}

func TestChartAndCardCredit(t *testing.T) {
	var fs Findings
	CheckChartCredit(&fs, "good.svg", []byte(`<svg><text>制图：湖南产业体系方案（非官方）　示意图</text></svg>`), "制图：湖南产业体系方案（非官方）")
	if len(fs) != 0 {
		t.Errorf("a credited chart: %v", fs)
	}
	CheckChartCredit(&fs, "bad.svg", []byte(`<svg><text>来源：湘政办发〔2023〕54号</text></svg>`), "制图：湖南产业体系方案（非官方）")
	if len(fs) != 1 {
		t.Errorf("a chart without the credit: want one finding, got %v", fs)
	}
	if CardCredit("湖南产业体系方案（非官方）", "湖南产业体系方案（非官方）", "非官方") != "" {
		t.Error("a card with the site's name is flagged")
	}
	if CardCredit("湖南省人民政府办公厅", "湖南产业体系方案（非官方）", "非官方") == "" {
		t.Error("a card naming only the issuer passes")
	}
	if CardCredit("湖南产业体系方案", "湖南产业体系方案", "非官方") == "" {
		t.Error("a site name that does not say unofficial passes")
	}
}
