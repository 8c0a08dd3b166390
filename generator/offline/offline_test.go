package offline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// site writes a small built site: one page of every kind in each
// language, a second industry page, a stylesheet, a search index file.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(p, body string) {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			f = filepath.Join(f, "index.html")
		}
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := `<!doctype html><link rel="stylesheet" href="/css/site.1.css"><link rel="icon" href="/favicon.svg"><script type="module" src="/js/loader.1.js"></script><img src="data:," alt=""><h1>x</h1>`
	for _, l := range plan.Langs {
		for _, k := range pages.Kinds {
			write(k.In(l), page)
		}
		write(l.Prefix()+"/industries/rail-transit/", page)
	}
	for _, f := range []string{"/css/site.1.css", "/js/loader.1.js", "/favicon.svg", "/pagefind/pagefind.js", "/pagefind/index/en_1.pf_index"} {
		write(f, f)
	}
	return dir
}

func TestWriteKeepsTheOfflineKinds(t *testing.T) {
	dir := site(t)
	sum, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/", "/en/", "/plan/", "/en/plan/", "/industries/construction-machinery/", "/industries/rail-transit/",
		"/en/industries/rail-transit/", "/cities/changsha/", "/search/", "/en/offline/", "/css/site.1.css", "/js/loader.1.js",
		"/favicon.svg", "/pagefind/pagefind.js", "/pagefind/index/en_1.pf_index", "/manifest.webmanifest", "/en/manifest.webmanifest"} {
		if !slices.Contains(sum.Keep, want) {
			t.Errorf("the worker does not keep %s; it keeps %v", want, sum.Keep)
		}
	}
	for _, not := range []string{"/targets/", "/en/embed/city-changsha/", "/downloads/"} {
		if slices.Contains(sum.Keep, not) {
			t.Errorf("the worker keeps %s, a kind not marked Offline", not)
		}
	}
	js, err := os.ReadFile(filepath.Join(dir, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(js), `const VERSION = "`+sum.Version+`";`) || !strings.Contains(string(js), `const OFFLINE = {"en":"/en/offline/","zh":"/offline/"};`) {
		t.Errorf("sw.js does not begin with the build's version and pages:\n%.300s", js)
	}
	var m struct{ StartURL, Lang, Name string }
	b, _ := os.ReadFile(filepath.Join(dir, "en", Manifest))
	if err := json.Unmarshal([]byte(strings.ReplaceAll(string(b), "start_url", "StartURL")), &m); err != nil || m.StartURL != "/en/" || m.Lang != "en" || m.Name == "" {
		t.Errorf("the English manifest: %+v, %v\n%s", m, err, b)
	}

	// A changed kept file changes the version; a file not kept does not.
	version := sum.Version
	os.WriteFile(filepath.Join(dir, "targets", "index.html"), []byte("changed"), 0o644)
	if sum, _ := Write(dir); sum.Version != version {
		t.Error("a change to a page not kept changed the version")
	}
	os.WriteFile(filepath.Join(dir, "en", "cities", "changsha", "index.html"), []byte("changed"), 0o644)
	if sum, _ := Write(dir); sum.Version == version {
		t.Error("a change to a kept page left the version as it was: readers would keep the old page")
	}

	// A page a kept page loads that is missing fails the build.
	os.Remove(filepath.Join(dir, "css", "site.1.css"))
	if _, err := Write(dir); err == nil || !strings.Contains(err.Error(), "/css/site.1.css") {
		t.Errorf("a missing stylesheet: %v, want an error naming it", err)
	}
}
