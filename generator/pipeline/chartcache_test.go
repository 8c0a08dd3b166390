package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// chartSVGs reads every drawn chart of a project: <lang>/<id>.svg → bytes.
func chartSVGs(t *testing.T, root string) map[string][]byte { return chartFiles(t, root, "svg") }

// chartFiles reads the chart files with the extension ext.
func chartFiles(t *testing.T, root, ext string) map[string][]byte {
	t.Helper()
	dir := filepath.Join(root, GeneratedDir, "assets", "chart-files")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*."+ext))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		m[filepath.ToSlash(rel)] = b
	}
	return m
}

func cacheFiles(t *testing.T, root string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, GeneratedDir, svgCacheDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestChartCache: charts are drawn only when their input changed, and what
// comes from the cache is byte for byte what Node would draw. It draws the
// real catalogue (writeCharts, as a build does) without the rest of a
// build.
func TestChartCache(t *testing.T) {
	root := projectCopy(t)
	p, err := plan.Load(filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	assets := filepath.Join(root, GeneratedDir, "assets")
	draw := func(what string) int {
		t.Helper()
		cs, err := charts.All(p)
		if err != nil {
			t.Fatal(err)
		}
		n, err := writeCharts(cs, assets, root)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return n
	}

	first := draw("first drawing")
	all := len(chartFiles(t, root, "json"))
	if all < 40 || first != all {
		t.Fatalf("the first drawing drew %d of %d charts, want all", first, all)
	}
	drawn := chartSVGs(t, root)
	options := chartFiles(t, root, "json")
	if len(drawn) != all {
		t.Fatalf("%d SVGs for %d charts", len(drawn), all)
	}
	if n := len(cacheFiles(t, root)); n != all {
		t.Errorf("the cache holds %d SVGs, want %d", n, all)
	}

	// Nothing changed: nothing drawn, the same SVGs.
	if n := draw("second drawing"); n != 0 {
		t.Errorf("the second drawing drew %d charts, want none", n)
	}
	for k, v := range chartSVGs(t, root) {
		if !bytes.Equal(v, drawn[k]) {
			t.Errorf("%s: from the cache, it differs from the one drawn", k)
		}
	}

	// A few charts missing from the cache: those are drawn, alone, and
	// come out the same as when drawn with all the others.
	for _, f := range cacheFiles(t, root)[:3] {
		os.Remove(f)
	}
	if n := draw("drawing with 3 charts missing"); n != 3 {
		t.Errorf("drew %d charts, want the 3 missing", n)
	}
	for k, v := range chartSVGs(t, root) {
		if !bytes.Equal(v, drawn[k]) {
			t.Errorf("%s: drawn alone, it differs from the batch's", k)
		}
	}

	// An edit of the data redraws the charts that show it, and only them.
	for _, ind := range p.Industries {
		if ind.Code.Value == "B1" {
			ind.Name.EN += " Zqx"
		}
	}
	n := draw("drawing after renaming an industry")
	var optionsChanged int
	for k, v := range chartFiles(t, root, "json") {
		if !bytes.Equal(v, options[k]) {
			optionsChanged++
		}
	}
	after := chartSVGs(t, root)
	var changed []string
	for k, v := range after {
		if !bytes.Equal(v, drawn[k]) {
			changed = append(changed, k)
			if !strings.HasPrefix(k, "en/") {
				t.Errorf("%s changed after an English edit", k)
			}
		}
	}
	if !bytes.Contains(after["en/industry-construction-machinery.svg"], []byte("Construction machinery Zqx")) {
		t.Error("the industry's chart does not show the new name")
	}
	// (A chart's option may change, in a tooltip, with no change to its
	// picture: drawn, yet the same SVG.)
	if n != optionsChanged || len(changed) == 0 || len(changed) > n || n > all/4 {
		t.Errorf("drew %d charts; %d options changed, %d pictures (%v): want those with a new option drawn, only them",
			n, optionsChanged, len(changed), changed)
	}
	if n := len(cacheFiles(t, root)); n != all {
		t.Errorf("the cache holds %d SVGs after the edit, want %d (the old ones dropped)", n, all)
	}
}
