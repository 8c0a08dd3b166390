package pipeline

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/sitecheck"
)

// TestChartNamesWhole reads every bar chart's names from its option and
// finds each one whole in what the build drew from it: the SVG inline on
// the pages (both layouts, both languages) and the SVG download, from
// which the PNG is made. ECharts cuts a name too long for its width with
// "...", and a name cut short names something else.
func TestChartNamesWhole(t *testing.T) {
	out := siteDir(t)
	names := chartNames(t, out)
	if len(names) < 8 {
		t.Fatalf("found the names of %d bar chart layouts; want both layouts of every bar chart in both languages", len(names))
	}
	drawn := 0
	check := func(where string, key chartLayout, svg string) {
		drawn++
		for _, p := range cutNames(svg, names[key]) {
			t.Errorf("%s (%s, %s layout): %s", where, key.id, key.layout, p)
		}
	}
	for key := range names {
		if key.layout != "wide" {
			continue
		}
		file := filepath.Join(out, "chart-downloads", key.lang, key.id+".svg")
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		check(file, key, string(b))
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		lang := "zh"
		if strings.HasPrefix(rel, "en/") {
			lang = "en"
		}
		for _, f := range figureSVGs(string(b)) {
			key := chartLayout{lang: lang, id: f.id, layout: f.layout}
			if _, ok := names[key]; ok {
				check(rel, key, f.svg)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if drawn < 2*len(names) {
		t.Errorf("checked %d drawings of %d bar chart layouts; want each on a page and each wide one downloaded too", drawn, len(names))
	}
}

// TestCutNamesFindsACutName proves the check on a label ECharts truncated
// and on one missing altogether, and passes a name wrapped over lines.
func TestCutNamesFindsACutName(t *testing.T) {
	name := "revenue of the province's food processing industry"
	wrapped := `<svg><text>revenue of the province&#39;s food processing </text><text>industry</text></svg>`
	if p := cutNames(wrapped, []string{name}); len(p) > 0 {
		t.Errorf("a wrapped name: %v", p)
	}
	cut := `<svg><text>revenue of the province&#39;s food processing in...</text></svg>`
	if p := cutNames(cut, []string{name}); len(p) != 2 {
		t.Errorf("a truncated name: %v; want the ellipsis and the missing name", p)
	}
	if p := cutNames(`<svg><text>全省食品加工业营</text></svg>`, []string{"全省食品加工业营业收入"}); len(p) != 1 {
		t.Errorf("a Chinese name cut without an ellipsis: %v", p)
	}
}

// chartLayout is one layout of a chart in one language.
type chartLayout struct{ lang, id, layout string }

// chartNames reads the category names of every chart with a category
// axis from the options the build publishes.
func chartNames(t *testing.T, out string) map[chartLayout][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(out, "js", "chart-files", "*", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no chart options in %s (%v)", out, err)
	}
	names := map[chartLayout][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c struct {
			ID     string `json:"id"`
			Lang   string `json:"lang"`
			Option struct {
				YAxis json.RawMessage `json:"yAxis"`
			} `json:"option"`
		}
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var axes []struct {
			Type string   `json:"type"`
			Data []string `json:"data"`
		}
		if len(c.Option.YAxis) == 0 || json.Unmarshal(c.Option.YAxis, &axes) != nil {
			continue
		}
		layout := "wide"
		if strings.Contains(filepath.Base(f), ".narrow.") {
			layout = "narrow"
		}
		for _, a := range axes {
			if a.Type == "category" {
				k := chartLayout{c.Lang, c.ID, layout}
				names[k] = append(names[k], a.Data...)
			}
		}
	}
	return names
}

var (
	figureRe = regexp.MustCompile(`(?s)<figure[^>]*\bid="chart-([^"]+)"(.*?)</figure>`)
	svgRe    = regexp.MustCompile(`(?s)<svg[^>]*\bdata-layout="(wide|narrow)"[^>]*>.*?</svg>`)
	textRe   = regexp.MustCompile(`(?s)<text[^>]*>([^<]*)</text>`)
)

type figureSVG struct{ id, layout, svg string }

// figureSVGs are the chart drawings inline in a page, by chart and layout.
func figureSVGs(page string) []figureSVG {
	var out []figureSVG
	for _, f := range figureRe.FindAllStringSubmatch(page, -1) {
		for _, s := range svgRe.FindAllStringSubmatch(f[2], -1) {
			out = append(out, figureSVG{id: f[1], layout: s[1], svg: s[0]})
		}
	}
	return out
}

// cutNames says which names an SVG does not show whole: a text ending in
// an ellipsis, or a name not found in its texts read in order (a wrapped
// name is its lines, whitespace aside).
func cutNames(svg string, names []string) []string {
	var problems []string
	var all strings.Builder
	for _, m := range textRe.FindAllStringSubmatch(svg, -1) {
		text := html.UnescapeString(m[1])
		if s := strings.TrimSpace(text); strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
			problems = append(problems, fmt.Sprintf("label %q is cut", s))
		}
		all.WriteString(sitecheck.Squeeze(text))
	}
	drawn := all.String()
	for _, n := range names {
		if !strings.Contains(drawn, sitecheck.Squeeze(n)) {
			problems = append(problems, fmt.Sprintf("name %q is not drawn whole", n))
		}
	}
	return problems
}
