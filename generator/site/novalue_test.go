package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// takesData lists the i18n keys whose words hold a template action
// ({{ . }}, {{ .Count }}): called without data, they print "<no value>".
func takesData() map[string]bool {
	out := map[string]bool{}
	for _, l := range plan.Langs {
		for _, k := range uitext.Keys(l) {
			if strings.Contains(uitext.In(l, k), "{{") {
				out[k] = true
			}
		}
	}
	return out
}

// i18nBare is an i18n call that passes no data: the key, then the end of
// the action or of the parenthesised call.
var i18nBare = regexp.MustCompile(`\b(?:i18n|T)\s+"([A-Za-z0-9_]+)"\s*(?:-?\}\}|\))`)

// bareCalls are the calls in the theme's layouts of a key that takes
// data, made without it: each would print "<no value>" on a page.
func bareCalls(t testing.TB, layouts string, keys map[string]bool) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(layouts, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		src := string(b)
		for _, ix := range i18nBare.FindAllStringSubmatchIndex(src, -1) {
			action := src[strings.LastIndex(src[:ix[0]], "{{")+1 : ix[0]]
			if key := src[ix[2]:ix[3]]; keys[key] && !strings.Contains(action, "|") { // piped data is data
				rel, _ := filepath.Rel(layouts, p)
				out = append(out, rel+": "+src[ix[0]:ix[1]])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNoValueFromI18n: a word with a template action in it prints
// "<no value>" when called without data (the check a full build makes on
// every page, TestNoHoles, made on the layouts in milliseconds): no layout
// calls such a key bare.
func TestNoValueFromI18n(t *testing.T) {
	keys := takesData()
	if !keys["homeTitle"] {
		t.Fatalf("homeTitle ({{ . }}) is not found to take data: the check finds nothing (%v)", keys)
	}
	for _, c := range bareCalls(t, filepath.Join(theme, "layouts"), keys) {
		t.Errorf("%s: the key takes data, the call passes none (the page would say <no value>)", c)
	}

	// The check on a broken layout, and what Hugo prints for it.
	dir := t.TempDir()
	broken := `<title>{{ i18n "homeTitle" }}</title><p>{{ i18n "siteName" }}</p>`
	os.WriteFile(filepath.Join(dir, "home.html"), []byte(broken+`<p>{{ "x" | i18n "homeTitle" }}</p>`), 0o644)
	if got := bareCalls(t, dir, keys); len(got) != 1 || !strings.Contains(got[0], "homeTitle") {
		t.Errorf("on a layout calling homeTitle bare, the check reports %q; want that call alone", got)
	}
	b := hugolib.Test(t, testConfig+themeFiles(t, "i18n/zh.toml", "i18n/en.toml")+
		"-- content/zh/_index.md --\n---\ntitle: 方案\n---\n-- layouts/home.html --\n{{ define \"main\" }}"+broken+"{{ end }}\n")
	b.AssertFileContent("public/index.html", "&lt;no value&gt;（非官方中英文版）")
}
