package sitecheck

import (
	"strings"
	"testing"
)

// units are a few of the plan's units, as plan.Units gives them.
var units = map[string]string{
	"safeguard-9":         "9.持续优化环境降低成本。降低企业营商成本。（省发展改革委、省政务局、各市州人民政府按职责分工负责）",
	"regions-core":        "一核引领：依托长株潭国家自主创新示范区、湘江新区、湖南自贸试验区等国家级战略平台，支持长沙重点发展新一代信息技术。",
	"layout-a1":           "A1：现代石化",
	"layout-city-xiangxi": "湘西自治州",
	"kp-a1-cities":        "长沙、\n岳阳、衡阳市",
	"c3-units":            "（责任单位：省卫生健康委、省林业局等，相关市州人民政府）",
	// A name longer than copyRun, as the hostile dataset makes them.
	"notice": "湖南省人民政府办公厅Supercalifragilistic Supercalifragilistic",
	// A passage sharing that long tail, closed by a bracket.
	"safeguard-8": "8.强化要素保障。（省自然资源厅牵头Supercalifragilistic Supercalifragilistic）",
}

// passages are the running texts among units (plan.Passages).
var passages = []string{"safeguard-9", "safeguard-8", "regions-core", "c3-units"}

func verbatimPage(lang, body string) []byte {
	return []byte(`<!doctype html><html lang="` + lang + `"><head><title>t</title></head><body>` + body + `</body></html>`)
}

func checkVerbatim(lang, body string) (Findings, int) {
	var fs Findings
	marked := NewVerbatim(units, passages).CheckPage(&fs, "/x/", verbatimPage(lang, body))
	return fs, len(marked)
}

// The plan's words laid out (bold, links, line breaks, spaces) pass.
func TestVerbatimLayoutPasses(t *testing.T) {
	body := `<p data-plan="safeguard-9"><strong>9.持续优化环境降低成本。</strong>降低企业营商成本。<span class="units-line">（省发展改革委、省政务局、各市州人民政府按职责分工负责）</span></p>` +
		`<h2 data-plan-part="regions-core">一核引领</h2>` +
		`<p data-plan="regions-core"><strong>一核引领：</strong>依托长株潭国家自主创新示范区、湘江新区、湖南自贸试验区等国家级战略平台，
		支持长沙重点发展<a href="/i/">新一代信息技术</a>。</p>` +
		`<table><tr><th><a data-plan="layout-a1">A1：现代石化</a></th><th data-plan="layout-city-xiangxi">湘西<br>自治州</th>` +
		`<td data-plan="kp-a1-cities">长沙、岳阳、衡阳市</td></tr></table>` +
		`<ul><li><span data-plan-part="c3-units">省林业局等</span></li><li><span data-plan-part="c3-units">相关市州人民政府</span></li></ul>` +
		// The edition's note quoting the plan exactly is a quotation.
		`<p>正文写作“依托长株潭国家自主创新示范区、湘江新区、湖南自贸试验区等国家级战略平台”。</p>` +
		// A source line naming the issuer: a name, not a passage, even
		// where a bracket after it makes a run one passage alone has.
		`<p>方案原文：湖南省人民政府办公厅Supercalifragilistic Supercalifragilistic印发。</p>` +
		`<p>（湘政办发〔2023〕54号Supercalifragilistic Supercalifragilistic）</p>`
	fs, n := checkVerbatim("zh-CN", body)
	if len(fs) > 0 {
		t.Errorf("findings on the plan's words laid out: %v", fs)
	}
	if n != 8 {
		t.Errorf("counted %d marked elements, want 8", n)
	}
	// A Chinese gloss on an English page quoting the plan exactly.
	if fs, _ := checkVerbatim("en", `<p>The plan (<span lang="zh-CN">依托长株潭国家自主创新示范区、湘江新区、湖南自贸试验区等国家级战略平台</span>) says…</p>`); len(fs) > 0 {
		t.Errorf("an exact gloss on an English page: %v", fs)
	}
}

// Each broken page gives a finding naming the element and the drift.
func TestVerbatimFailsOnDrift(t *testing.T) {
	for _, c := range []struct {
		name, lang, body, want string
	}{
		{"a changed character", "zh-CN",
			`<p data-plan="safeguard-9"><strong>9.持续优化环境降低成本。</strong>降低企业经营成本。（省发展改革委、省政务局、各市州人民政府按职责分工负责）</p>`,
			`<p data-plan="safeguard-9">: differs from the plan's words after "…化环境降低成本。降低企业": the source has "营商成本。`},
		{"a dropped 。", "zh-CN",
			`<p data-plan="safeguard-9"><strong>9.持续优化环境降低成本</strong>降低企业营商成本。（省发展改革委、省政务局、各市州人民政府按职责分工负责）</p>`,
			`the source has "。降低企业营商成本。`},
		{"list numbering for the number", "zh-CN",
			`<ol><li data-plan="safeguard-9"><h2>持续优化环境降低成本</h2><p>降低企业营商成本。（省发展改革委、省政务局、各市州人民政府按职责分工负责）</p></li></ol>`,
			`<li data-plan="safeguard-9">: differs from the plan's words after "": the source has "9.持续优化`},
		{"a dropped lead-in", "zh-CN",
			`<p data-plan="regions-core">依托长株潭国家自主创新示范区、湘江新区、湖南自贸试验区等国家级战略平台，支持长沙重点发展新一代信息技术。</p>`,
			`<p data-plan="regions-core">: differs from the plan's words after "": the source has "一核引领：`},
		{"a short city name for the attachment's", "zh-CN",
			`<table><tr><th data-plan="layout-city-xiangxi">湘西</th></tr></table>`, `the source has "自治州", the page nothing more`},
		{"a code without its colon", "zh-CN",
			`<a data-plan="layout-a1">A1 现代石化</a>`, `after "A1": the source has "：现代石化", the page "现代石化"`},
		{"a dropped 等 in a chip", "zh-CN",
			`<span data-plan-part="c3-units">省林业局，相关市州人民政府</span>`, `is not part of the plan's words`},
		{"an unknown unit", "zh-CN", `<p data-plan="no-such">x</p>`, `no unit of the plan has the id "no-such"`},
		{"an empty mark", "zh-CN", `<span data-plan-part="c3-units"></span>`, `is not part of the plan's words`},
		{"an unmarked copy", "zh-CN",
			`<p>依托长株潭国家自主创新示范区、湘江新区、湖南自贸试验区等国家级战略平台，支持长沙重点发展新一代信息技术。</p>`,
			`the plan's words (regions-core) shown without a mark`},
		{"a quotation that drifted", "zh-CN",
			`<p>正文写作“依托长株潭国家自主创新示范区、湘江新区、湖南自贸试验区等国家级战略平台，支持长沙重点发展新一代信息产业”。</p>`,
			`the plan's words (regions-core) shown without a mark`},
		{"a drifted gloss on an English page", "en",
			`<p>(<span lang="zh-CN">依托长株潭国家自主创新示范区、湘江新区、湖南自贸试验区等国家级战略平台，支持长沙发展新一代信息技术</span>)</p>`,
			`the plan's words (regions-core) shown without a mark`},
	} {
		fs, _ := checkVerbatim(c.lang, c.body)
		found := false
		for _, f := range fs {
			found = found || strings.Contains(f.Msg, c.want)
		}
		if !found {
			t.Errorf("%s: want a finding %q, got %v", c.name, c.want, fs)
		}
	}
}
