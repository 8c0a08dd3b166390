package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/internal/projectcopy"
	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
)

const testURL = sitefixture.URL

// projectCopy copies what a build reads into a temporary project, so that
// tests never write into the checkout (generated/, public/). The tests
// that ask for one build in it, so they skip under -short.
func projectCopy(t testing.TB) string {
	t.Helper()
	sitefixture.SkipShort(t)
	dst, err := os.MkdirTemp("", "plan-site-test-")
	if err != nil {
		t.Fatal(err)
	}
	tempDirs = append(tempDirs, dst)
	if err := projectcopy.Copy(filepath.Join("..", ".."), dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// warmCopy is a projectCopy whose render caches are the fixture's,
// linked (entries are replaced, never rewritten): for a test of something
// other than the caches, which would otherwise draw every chart and
// picture again.
func warmCopy(t *testing.T) string {
	t.Helper()
	root := projectCopy(t)
	if err := ShareCaches(filepath.Dir(siteDir(t)), root); err != nil {
		t.Fatal(err)
	}
	return root
}

// tempDirs outlive the test that made them: the site is built once.
var tempDirs []string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// siteDir is the real site, built once for every test of the run that
// reads it (sitefixture); no test writes into it.
func siteDir(t *testing.T) string {
	t.Helper()
	_, out := sitefixture.Built(t, func(root, out, url string) error {
		_, err := Run(Options{Root: root, Out: out, BaseURL: url})
		return err
	})
	return out
}

func readSite(t *testing.T) *sitecheck.Site {
	t.Helper()
	s, err := sitecheck.Read(siteDir(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var langs = sitecheck.Languages{Default: "zh-CN", Prefixes: map[string]string{"en": "/en/"}}

func expectNone(t *testing.T, what string, fs sitecheck.Findings) {
	t.Helper()
	for i, f := range fs {
		if i == 20 {
			t.Errorf("%s: … and %d more", what, len(fs)-20)
			break
		}
		t.Errorf("%s: %s", what, f)
	}
}

func TestBothLanguagesAndTwins(t *testing.T) {
	s := readSite(t)
	var zh, en int
	for _, u := range s.URLs() {
		switch s.Pages[u].Lang {
		case "zh-CN":
			zh++
		case "en":
			en++
		}
	}
	if zh < 39 || zh != en {
		t.Errorf("pages: %d Chinese, %d English; want the same number, at least 39", zh, en)
	}
	expectNone(t, "translations", s.Translations(langs, "plan.test"))
}

// TestNoHoles: no page prints "<no value>" or a fmt error, the marks of a
// key the templates read that neither the front matter nor the site's
// params has (pages.Params and pages.SiteParams).
func TestNoHoles(t *testing.T) {
	expectNone(t, "holes", readSite(t).Holes())
}

func TestLinksResolve(t *testing.T) {
	expectNone(t, "links", readSite(t).Links("plan.test"))
}

func TestNoThirdPartyRequests(t *testing.T) {
	s := readSite(t)
	expectNone(t, "third party", s.ThirdParty("plan.test"))
	// CSS and JS are fetched too, and may fetch in turn: any URL in them
	// must be one a browser never requests (an XML namespace, the dummy
	// base Pagefind parses relative URLs against), or sit in a licence
	// comment. The browser tests watch the requests themselves.
	for f := range s.Files {
		if !strings.HasSuffix(f, ".css") && !strings.HasSuffix(f, ".js") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.Dir, f))
		if err != nil {
			t.Fatal(err)
		}
		code := legalComment.ReplaceAllString(string(b), "")
		for _, u := range assetURL.FindAllString(code, -1) {
			if !strings.HasPrefix(u, "http://www.w3.org/") && !(strings.HasPrefix(f, "/pagefind/") && strings.HasPrefix(u, "https://example.com${")) {
				t.Errorf("%s mentions %s: an asset must not load from another host", f, u)
			}
		}
		if strings.Contains(code, "@import") {
			t.Errorf("%s uses @import", f)
		}
	}
}

var (
	assetURL     = regexp.MustCompile(`(?:https?:)?//[a-zA-Z0-9.-]+\.[a-z]{2,}[^\s"'()]*`)
	legalComment = regexp.MustCompile(`(?s)/\*!.*?\*/`)
)

func TestPageContent(t *testing.T) {
	dir := siteDir(t)
	for _, c := range []struct {
		file string
		want []string
	}{
		{"index.html", []string{`<html lang="zh-CN">`, "湖南省现代化产业体系建设实施方案", "湘政办发〔2023〕54号", `href="/industries/construction-machinery/"`}},
		{"en/index.html", []string{`<html lang="en">`, "Hunan", `href="/en/industries/construction-machinery/"`}},
		{"industries/construction-machinery/index.html", []string{"工程机械", "超过3000亿元", "三一集团", "中联重科", "长沙", "娄底",
			// The phone's map, drawn without the credit line, still says it is schematic.
			`<p class="chart-map-note" data-pagefind-ignore>示意图，不作为划界依据</p>`}},
		// So does the phone map of an embed.
		{"embed/city-changsha/index.html", []string{`<p class="chart-map-note">示意图，不作为划界依据</p>`}},
		{"en/industries/construction-machinery/index.html", []string{"Construction machinery", "more than 300 billion yuan", "SANY Group", "Zoomlion", "Changsha", "Loudi"}},
		{"en/cities/xiangxi/index.html", []string{"Xiangxi Tujia and Miao Autonomous Prefecture"}},
		{"plan/index.html", []string{`id="construction-machinery-1"`, "1.特种工程机械。依托三一集团"}},
		{"en/plan/index.html", []string{"unofficial translation"}},
		{"data/layout.csv", []string{"\ufeffindustry_code,industry_zh,industry_en,tier_zh,tier_en,city_code,city_zh,city_en,level,level_zh,level_en,", "B1,工程机械,Construction machinery"}},
		{"data/targets.csv", []string{"\ufeffindustry_code,metric_zh,metric_en,value,unit_zh,comparator_zh,strive,source,quote_zh,industry_zh,industry_en,unit_en,comparator_en,strive_zh,strive_en,source_zh,source_en,quote_en,", ",4100,亿元,超过,"}},
		{"data/datapackage.json", []string{`"path": "charts/en/targets-yuan.csv"`, "湘政办发〔2023〕54号"}},
		{"data/charts/en/targets-yuan.csv", []string{"\ufeffIndustry,", ",value,unit\r\n", ",410,billion yuan\r\n"}},
		{"sitemap.xml", []string{"sitemapindex"}},
		{"zh/sitemap.xml", []string{`hreflang="en"`, testURL + "en/industries/construction-machinery/"}},
	} {
		b, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s does not contain %q", c.file, w)
			}
		}
	}
}

// TestFailedBuildKeepsOutput breaks the data after a good build and
// requires the failed build to leave the output byte for byte as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	root := warmCopy(t)
	out := filepath.Join(root, "public")
	if _, err := Run(Options{Root: root, Out: out, BaseURL: testURL}); err != nil {
		t.Fatal(err)
	}
	before := sitefixture.TreeHash(t, out)

	for name, breakIt := range map[string]func(){
		"bad data": func() {
			f := filepath.Join(root, "data", "industries", "B1.yaml")
			b, _ := os.ReadFile(f)
			os.WriteFile(f, []byte(strings.Replace(string(b), "code: B1", "code: B1\nsurprise: field", 1)), 0o644)
		},
		"bad template": func() {
			os.WriteFile(filepath.Join(root, "themes", "plansite", "layouts", "home.html"), []byte(`{{ define "main" }}{{ errorf "broken on purpose" }}{{ end }}`), 0o644)
		},
		// A template that drops the regional groups' lead-ins (一核引领：).
		"plan's words drifted": func() {
			f := filepath.Join(root, "themes", "plansite", "layouts", "regions", "single.html")
			b, _ := os.ReadFile(f)
			os.WriteFile(f, []byte(strings.Replace(string(b), `<strong>{{ partial "text.html" .lead }}</strong>`, "", 1)), 0o644)
		},
	} {
		breakIt()
		_, err := Run(Options{Root: root, Out: out, BaseURL: testURL})
		if err == nil {
			t.Fatalf("%s: the build succeeded", name)
		}
		if name == "bad template" && !strings.Contains(err.Error(), "broken on purpose") {
			t.Errorf("%s: the error does not say what Hugo logged: %v", name, err)
		}
		if name == "plan's words drifted" && !strings.Contains(err.Error(), `/regions/: <p data-plan="regions-core">: differs from the plan's words after "": the source has "一核引领：`) {
			t.Errorf("%s: the error does not name the page, the element and the drift: %v", name, err)
		}
		if after := sitefixture.TreeHash(t, out); after != before {
			t.Errorf("%s: the failed build changed the output", name)
		}
		leftovers, _ := filepath.Glob(filepath.Join(root, ".public-new-*"))
		if len(leftovers) > 0 {
			t.Errorf("%s: the failed build left %v", name, leftovers)
		}
		// Restore for the next case.
		copyTree(filepath.Join("..", "..", "data"), filepath.Join(root, "data"))
		copyTree(filepath.Join("..", "..", "themes"), filepath.Join(root, "themes"))
	}
}

// TestWriteKeepsWhatIsThere: writeTree leaves a file with the same bytes as it
// is, replaces a changed one and removes one no longer named.
func TestWriteKeepsWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	if err := writeTree(map[string][]byte{"zh/a.md": []byte("a"), "zh/b.md": []byte("b"), "en/c.md": []byte("c")}, dir); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(filepath.Join(dir, "zh", "a.md"))
	if err := writeTree(map[string][]byte{"zh/a.md": []byte("a"), "zh/b.md": []byte("B")}, dir); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(filepath.Join(dir, "zh", "a.md"))
	if !os.SameFile(before, after) {
		t.Error("zh/a.md, unchanged, was written again")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "zh", "b.md")); string(b) != "B" {
		t.Errorf("zh/b.md = %q, want B", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "en", "c.md")); !os.IsNotExist(err) {
		t.Errorf("en/c.md, no longer named, is still there (%v)", err)
	}
}
