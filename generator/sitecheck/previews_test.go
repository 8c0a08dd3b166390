package sitecheck

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

var previewZH = PreviewLang{
	Unofficial: "非官方",
	Edition:    []string{"本站"},
	Plan:       []string{"方案", "附件2"},
	Goal:       regexp.MustCompile(`到2027年|力争|(达到|超过)\d`),
}

var previewEN = PreviewLang{
	Unofficial: "unofficial",
	Edition:    []string{"this site"},
	Plan:       []string{"the plan", "The plan"},
	Goal:       regexp.MustCompile(`\bwill (exceed|reach)\b|\bby 2027\b`),
}

func previewPage(metas ...string) []byte {
	return pageWithHeader("", metas...)
}

// pageWithHeader is a page whose header names the site brand (none if "").
func pageWithHeader(brand string, metas ...string) []byte {
	body := ""
	if brand != "" {
		body = `<header><a class="brand" href="/">` + brand + `</a></header>`
	}
	return []byte(`<!doctype html><html lang="en"><head><title>t</title>` + strings.Join(metas, "") + `</head><body>` + body + `</body></html>`)
}

func meta(key, content string) string {
	attr := "name"
	if strings.HasPrefix(key, "og:") {
		attr = "property"
	}
	return `<meta ` + attr + `="` + key + `" content="` + content + `">`
}

// TestPreviews: a page whose previews say whose they are passes; each way
// of leaving provenance out, or of stating the plan's goals as the site's
// own, is found.
func TestPreviews(t *testing.T) {
	good := func(desc string) []byte {
		return previewPage(meta("og:title", "现代石化 · 湖南现代化产业体系方案（非官方中英文版）"), meta("og:site_name", "湖南现代化产业体系方案（非官方中英文版）"), meta("description", desc), meta("og:description", desc))
	}
	for _, desc := range []string{
		"方案附件2所列现代石化的2027年发展目标：石化产业产值超过4100亿元。",
		"本站全部图表，可下载 PNG、SVG 图片和 CSV 数据。",
		"独立编辑的非官方中英文版。",
	} {
		var fs Findings
		CheckPreviews(&fs, "/x/", good(desc), previewZH)
		if len(fs) != 0 {
			t.Errorf("%q: %v", desc, fs)
		}
	}
	var fs Findings
	CheckPreviews(&fs, "/en/x/", pageWithHeader("Hunan Industrial Plan (unofficial bilingual edition)",
		meta("og:title", "Modern petrochemicals · Hunan Industrial Plan (unofficial bilingual edition)"), meta("og:site_name", "Hunan Industrial Plan (unofficial bilingual edition)"),
		meta("description", "The plan aims for output of more than 410 billion yuan by 2027."), meta("og:description", "The plan aims for more."),
		meta("twitter:image:alt", "The plan's layout table.")), previewEN)
	if len(fs) != 0 {
		t.Errorf("an attributed English page: %v", fs)
	}

	for _, c := range []struct {
		name  string
		page  []byte
		rules PreviewLang
		want  string
	}{
		{"a title without unofficial", previewPage(meta("og:title", "湖南省现代化产业体系建设实施方案"), meta("description", "本站"), meta("og:description", "本站")), previewZH, `og:title "湖南省现代化产业体系建设实施方案" does not say "非官方"`},
		{"twitter:title without unofficial", previewPage(meta("og:title", "x（非官方）"), meta("twitter:title", "x"), meta("description", "本站"), meta("og:description", "本站")), previewZH, `twitter:title "x" does not say`},
		{"no og:description", previewPage(meta("og:title", "x（非官方）"), meta("description", "本站")), previewZH, "no og:description"},
		{"no description", previewPage(meta("og:title", "x（非官方）"), meta("og:description", "本站")), previewZH, "no description"},
		{"the header's name is another form", []byte(strings.Replace(string(good("本站")), "<body>", `<body><a class="brand" href="/">湖南产业体系方案（非官方）</a>`, 1)), previewZH,
			`the header names the site "湖南产业体系方案（非官方）", og:site_name "湖南现代化产业体系方案（非官方中英文版）"`},
		{"a site name without unofficial", previewPage(meta("og:title", "x（非官方）"), meta("og:site_name", "湖南现代化产业体系方案"), meta("description", "本站"), meta("og:description", "本站")), previewZH, `og:site_name "湖南现代化产业体系方案" does not say "非官方"`},
		{"a description with no provenance", good("一核引领：长沙、株洲、湘潭；两翼支撑：岳阳、衡阳"), previewZH, "description \"一核引领"},
		{"a goal as the site's fact", good("本站逐段呈现原文。石化产业产值超过4100亿元。"), previewZH, "states the plan's goal as the site's own: \"石化产业产值超过4100亿元。\""},
		{"an English goal as fact", previewPage(meta("og:title", "Petrochemicals (unofficial)"), meta("description", "Petrochemical output will exceed 410 billion yuan. Read it on this site."),
			meta("og:description", "The plan, paragraph by paragraph.")), previewEN, `description states the plan's goal as the site's own: "Petrochemical output will exceed 410 billion yuan."`},
		{"an image's alt stating a goal", previewPage(meta("og:title", "x (unofficial)"), meta("description", "The plan."), meta("og:description", "The plan."),
			meta("og:image:alt", "Output will reach 5 billion yuan by 2027.")), previewEN, "og:image:alt states the plan's goal"},
		{"attribution cut off by truncation", previewPage(meta("og:title", "x (unofficial)"), meta("description", "The plan."),
			meta("og:description", "Output will exceed 410 billion yuan by 2027, as the pl…")), previewEN, "og:description states the plan's goal"},
	} {
		var fs Findings
		CheckPreviews(&fs, "/x/", c.page, c.rules)
		if !strings.Contains(fmt.Sprint(fs), c.want) {
			t.Errorf("%s: want a finding %q, got %v", c.name, c.want, fs)
		}
	}
}
