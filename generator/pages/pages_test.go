package pages

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/hunan-industry/plan-site/generator/internal/realplan"
	"maps"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// realPlan is data/ loaded, with its charts, once for all the tests.
func realPlan(t testing.TB) (*plan.Plan, []*charts.Chart) { return realplan.Load(t) }

func render(t *testing.T) map[string][]byte {
	t.Helper()
	p, cs := realPlan(t)
	files, err := Render(p, cs, map[string]int{"layout.csv": 1000, "plan.xlsx": 2048}, "2024-01-02")
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestInventory: every page exists in both languages as JSON front matter
// alone, the page each generated kind names among them, and an industry
// page for each industry and a city page for each city.
func TestInventory(t *testing.T) {
	p, _ := realPlan(t)
	files := render(t)
	for name := range files {
		lang, rest, _ := strings.Cut(name, "/")
		other := map[string]string{"zh": "en", "en": "zh"}[lang]
		if _, ok := files[other+"/"+rest]; !ok {
			t.Errorf("%s has no %s twin", name, other)
		}
		if !bytes.HasPrefix(files[name], []byte("{")) || !json.Valid(files[name]) {
			t.Errorf("%s is not JSON front matter alone", name)
		}
	}
	for _, lang := range []string{"zh", "en"} {
		var industries, cities int
		paths := map[string]bool{}
		for name := range files {
			if rest, ok := strings.CutPrefix(name, lang+"/"); ok {
				paths[pagePath(rest)] = true
			}
			if strings.HasPrefix(name, lang+"/industries/") && !strings.HasSuffix(name, "_index.md") {
				industries++
			}
			if strings.HasPrefix(name, lang+"/cities/") && !strings.HasSuffix(name, "_index.md") {
				cities++
			}
		}
		if industries != len(p.Industries) || cities != len(p.Cities) {
			t.Errorf("%s: %d industry pages, %d city pages; want %d and %d", lang, industries, cities, len(p.Industries), len(p.Cities))
		}
		for _, k := range Kinds {
			if k.Generated() && !paths[k.Path] {
				t.Errorf("%s: no page at %s, which kind %q names", lang, k.Path, k.Name)
			}
		}
	}
}

// pagePath is the path of the page a content file makes: plan.md is
// /plan/, industries/_index.md /industries/.
func pagePath(content string) string {
	p := strings.TrimSuffix(strings.TrimSuffix(content, ".md"), "_index")
	if p == "" || strings.HasSuffix(p, "/") {
		return "/" + p
	}
	return "/" + p + "/"
}

// TestNoChineseInEnglishPages: an English page shows English, except
// where it quotes the Chinese on purpose (terms of art in brackets) and
// in the Chinese names it carries for search alone.
func TestEnglishPagesNameInEnglish(t *testing.T) {
	files := render(t)
	var pg struct{ Params map[string]any }
	if err := json.Unmarshal(files["en/industries/construction-machinery.md"], &pg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fmt.Sprint(pg.Params["otherNames"]), "中联重科") || pg.Params["ownNames"] != "工程机械" {
		t.Errorf("the English construction machinery page's search names: own %v, other %v; want 工程机械 and 中联重科 among them", pg.Params["ownNames"], pg.Params["otherNames"])
	}
	delete(pg.Params, "otherNames")
	delete(pg.Params, "ownNames")
	b, _ := json.Marshal(pg.Params)
	for _, bad := range []string{"长沙", "工程机械", "核心产业", "湘政办发"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("the English construction machinery page contains %q", bad)
		}
	}
}

// TestEveryChartPageHasAPath: a chart's embed and gallery links lead to
// the page that shows it, so a chart registered for a page with no path
// must stop the build.
func TestEveryChartPageHasAPath(t *testing.T) {
	for _, d := range charts.Registry {
		if _, ok := chartPage(&charts.Chart{Page: d.Page, Subject: "x"}); !ok {
			t.Errorf("no path for page %q, which shows charts of kind %q", d.Page, d.Kind)
		}
	}
	bad := &charts.Chart{ID: "orphan", Lang: plan.ZH, Page: "orphan"}
	if _, err := Render(&plan.Plan{}, []*charts.Chart{bad}, nil, ""); err == nil || !strings.Contains(err.Error(), `no page shows charts registered for page "orphan"`) {
		t.Errorf("Render of a chart for a page with no path: err = %v; want it refused", err)
	}
}

// TestAttachmentCitiesAsWritten: attachment 2's city cell names 湘西自治州,
// the prefecture; the English cell names it too, not the chart label
// "Xiangxi" (which also reads as the region of western Hunan).
func TestAttachmentCitiesAsWritten(t *testing.T) {
	p, _ := realPlan(t)
	v := newView(p, plan.EN, nil)
	checked := 0
	for _, ind := range p.Industries {
		if !strings.Contains(ind.KeyPoints.Cities.Value, "湘西自治州") {
			continue
		}
		checked++
		got := v.attachmentCities(ind)
		if !strings.Contains(got, "Xiangxi Tujia and Miao Autonomous Prefecture") {
			t.Errorf("%s: English city cell %q does not name the prefecture as the plan does", ind.Code.Value, got)
		}
	}
	if checked == 0 {
		t.Fatal("no city cell names 湘西自治州; the test checks nothing")
	}
}

// TestDifferenceCounts: the counts atop /targets/ are the kinds of every
// target pair, province and industries, in both languages; today 1 conflict
// (A4's 过千亿元 against 过百亿), 2 wording differences (力争), 9 stated in
// one place only.
func TestDifferenceCounts(t *testing.T) {
	files := render(t)
	for _, lang := range []string{"zh", "en"} {
		var fm struct {
			Params struct {
				Differences []KindCount `json:"differences"`
				Differing   int         `json:"differing"`
			} `json:"params"`
		}
		// The body is empty: the file is its front matter.
		if err := json.Unmarshal(files[lang+"/targets.md"], &fm); err != nil {
			t.Fatalf("%s/targets.md: %v", lang, err)
		}
		got := map[string]int{}
		for _, c := range fm.Params.Differences {
			got[c.Kind] = c.Count
		}
		want := map[string]int{plan.KindConflict: 1, plan.KindWording: 2, plan.KindOnePlace: 9}
		if !maps.Equal(got, want) || fm.Params.Differing != 12 {
			t.Errorf("%s/targets.md counts %v, total %d; want %v, total 12", lang, got, fm.Params.Differing, want)
		}
	}
	// A made-up plan where the counts must follow the pairs.
	num := func(v string) plan.Str { return plan.Str{Value: v} }
	tg := func(metric, src, value string, strive bool) *plan.Target {
		return &plan.Target{Metric: num(metric), Source: num(src), Value: num(value), Unit: num("亿元"), Strive: strive}
	}
	pairs := plan.Pairs([]*plan.Target{
		tg("a", "body", "1", false), tg("a", "attachment2", "2", false),
		tg("b", "body", "1", true), tg("b", "attachment2", "1", false),
		tg("c", "body", "1", false),
		tg("d", "body", "1", false), tg("d", "attachment2", "1", false),
	})
	counts, total := differenceCounts(pairs)
	if fmt.Sprint(counts) != "[{conflict 1} {wording 1} {one-place 1}]" || total != 3 {
		t.Errorf("differenceCounts = %v, %d; want one of each kind, 3 in all", counts, total)
	}
}
