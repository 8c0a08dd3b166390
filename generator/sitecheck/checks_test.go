package sitecheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var langs = Languages{Default: "zh-CN", Prefixes: map[string]string{"en": "/en/"}}

// page writes a minimal page with the given language, switch target and
// body into a fixture site.
func page(lang, twin, path, body string) string {
	alt := func(loc, p string) string {
		return `<link rel="alternate" hreflang="` + loc + `" href="https://site.test` + p + `">`
	}
	zh, en := path, twin
	if lang == "en" {
		zh, en = twin, path
	}
	return `<!doctype html><html lang="` + lang + `"><head>` + alt("zh-CN", zh) + alt("en", en) + alt("x-default", zh) +
		`</head><body><ul class="lang-switch"><li><a href="` + twin + `">switch</a></li></ul>` + body + `</body></html>`
}

func fixture(t *testing.T, files map[string]string) *Site {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func good() map[string]string {
	return map[string]string{
		"index.html":       page("zh-CN", "/en/", "/", `<a href="/a/#x">a</a><img src="/i.png">`),
		"en/index.html":    page("en", "/", "/en/", `<a href="a/">a</a><a href="https://example.org/">out</a>`),
		"a/index.html":     page("zh-CN", "/en/a/", "/a/", `<h2 id="x">x</h2><a href="../">up</a>`),
		"en/a/index.html":  page("en", "/a/", "/en/a/", `<a href="#self" id="self">self</a><p>SRDI (<span lang="zh-CN">专精特新</span>)</p><p lang="zh">长沙<b>市</b></p>`),
		"i.png":            "png",
		"css/site.css":     "body{}",
		"data/layout.csv":  "a,b",
		"en/extra.txt":     "not a page",
		"zh/redirect.html": `<html><head><meta http-equiv="refresh" content="0; url=/"></head></html>`,
		// A chart's cite page: in a language, with a link, and only a
		// redirect, without twin, switch or alternates of its own.
		"en/embed/x/cite.html": `<!doctype html><html lang="en"><head><meta http-equiv="refresh" content="0; url=/en/a/#self"></head><body><a href="/en/a/#self">x</a></body></html>`,
		// An embed page: twins and alternates, but no switch.
		"embed/x/index.html":    embedPage(page("zh-CN", "/en/embed/x/", "/embed/x/", "")),
		"en/embed/x/index.html": embedPage(page("en", "/embed/x/", "/en/embed/x/", "")),
	}
}

// embedPage makes a page an embed page: <body class="embed">, no switch.
func embedPage(p string) string {
	p = strings.Replace(p, "<body>", `<body class="embed">`, 1)
	a, b := strings.Index(p, `<ul class="lang-switch">`), strings.Index(p, "</ul>")
	return p[:a] + p[b+len("</ul>"):]
}

func TestGoodFixturePasses(t *testing.T) {
	s := fixture(t, good())
	for name, fs := range map[string]Findings{
		"links":             s.Links("site.test"),
		"third party":       s.ThirdParty("site.test"),
		"holes":             s.Holes(),
		"translations":      s.Translations(langs, "site.test"),
		"language of parts": s.LanguageOfParts(),
	} {
		for _, f := range fs {
			t.Errorf("%s: %s", name, f)
		}
	}
}

// Each checker must fail on a page broken in its way, so that none of them
// can pass without looking.
func TestCheckersFailOnBrokenPages(t *testing.T) {
	for _, c := range []struct {
		name  string
		edit  func(map[string]string)
		check func(*Site) Findings
		want  string
	}{
		{"missing page", func(f map[string]string) { f["a/index.html"] += `<a href="/nowhere/">x</a>` },
			func(s *Site) Findings { return s.Links("site.test") }, "no file serves /nowhere/"},
		{"a redirect to an anchor that is not there", func(f map[string]string) {
			f["en/embed/x/cite.html"] = strings.Replace(f["en/embed/x/cite.html"], `url=/en/a/#self`, `url=/en/a/#gone`, 1)
		}, func(s *Site) Findings { return s.Links("site.test") }, `has no id "gone"`},
		{"missing anchor", func(f map[string]string) { f["index.html"] = strings.Replace(f["index.html"], "#x", "#y", 1) },
			func(s *Site) Findings { return s.Links("site.test") }, `has no id "y"`},
		{"canonical to an anchor that is not there", func(f map[string]string) {
			f["en/embed/x/index.html"] = strings.Replace(f["en/embed/x/index.html"], "<head>", `<head><link rel="canonical" href="https://site.test/en/a/#nowhere">`, 1)
		}, func(s *Site) Findings { return s.Links("site.test") }, `has no id "nowhere"`},
		{"absolute link to own host checked too", func(f map[string]string) { f["a/index.html"] += `<a href="https://site.test/gone/">x</a>` },
			func(s *Site) Findings { return s.Links("site.test") }, "no file serves /gone/"},
		{"script from a CDN", func(f map[string]string) {
			f["en/a/index.html"] += `<script src="https://cdn.example.com/x.js"></script>`
		},
			func(s *Site) Findings { return s.ThirdParty("site.test") }, "cdn.example.com"},
		{"protocol-relative font", func(f map[string]string) {
			f["a/index.html"] += `<link rel="stylesheet" href="//fonts.example.com/css">`
		},
			func(s *Site) Findings { return s.ThirdParty("site.test") }, "fonts.example.com"},
		{"image in srcset", func(f map[string]string) {
			f["a/index.html"] += `<img src="/i.png" srcset="/i.png 1x, https://img.example.net/i.png 2x">`
		},
			func(s *Site) Findings { return s.ThirdParty("site.test") }, "img.example.net"},
		{"wrong lang", func(f map[string]string) {
			f["en/a/index.html"] = strings.Replace(f["en/a/index.html"], `lang="en"`, `lang="zh-CN"`, 1)
		},
			func(s *Site) Findings { return s.Translations(langs, "site.test") }, `want "en"`},
		{"Han text on an English page without lang", func(f map[string]string) {
			f["en/a/index.html"] += `<p>the plan's term (专精特新) <span lang="en">and 长沙</span></p>`
		}, func(s *Site) Findings { return s.LanguageOfParts() }, "2 runs of Han characters outside lang=\"zh\": 专精特新 长沙"},
		{"a template's missing value", func(f map[string]string) {
			f["a/index.html"] += `<p>&lt;no value&gt;印发</p>`
		}, func(s *Site) Findings { return s.Holes() }, "1 unfilled value(s): &lt;no value&gt;"},
		{"a format's missing argument", func(f map[string]string) {
			f["en/a/index.html"] += `<p>issued by %!s(MISSING) and %!(EXTRA string=x)</p>`
		}, func(s *Site) Findings { return s.Holes() }, "2 unfilled value(s): %!s(MISSING) %!(EXTRA string=x)"},
		{"no twin", func(f map[string]string) { delete(f, "en/a/index.html") },
			func(s *Site) Findings { return s.Translations(langs, "site.test") }, "no en twin at /en/a/"},
		{"switch to the wrong page", func(f map[string]string) {
			f["a/index.html"] = strings.Replace(f["a/index.html"], `<a href="/en/a/">switch`, `<a href="/en/">switch`, 1)
		}, func(s *Site) Findings { return s.Translations(langs, "site.test") }, "does not link to its en twin"},
		{"relative hreflang", func(f map[string]string) {
			f["a/index.html"] = strings.Replace(f["a/index.html"], `hreflang="en" href="https://site.test/en/a/"`, `hreflang="en" href="/en/a/"`, 1)
		}, func(s *Site) Findings { return s.Translations(langs, "site.test") }, "not an absolute URL"},
		{"language switch in an embed", func(f map[string]string) {
			f["en/embed/x/index.html"] = strings.Replace(f["en/embed/x/index.html"], "</body>", `<ul class="lang-switch"><li><a href="/embed/x/">中文</a></li></ul></body>`, 1)
		}, func(s *Site) Findings { return s.Translations(langs, "site.test") }, "an embed page has a language switch"},
		{"no x-default", func(f map[string]string) {
			f["en/index.html"] = strings.Replace(f["en/index.html"], `hreflang="x-default"`, `hreflang="x-other"`, 1)
		}, func(s *Site) Findings { return s.Translations(langs, "site.test") }, `no hreflang="x-default"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := good()
			c.edit(files)
			fs := c.check(fixture(t, files))
			for _, f := range fs {
				if strings.Contains(f.Msg, c.want) {
					return
				}
			}
			t.Errorf("no finding says %q; got %v", c.want, fs)
		})
	}
}
