package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

// TestChartCache: a build draws only the charts whose input changed, and
// what it takes from the cache is byte for byte what Node would draw.
func TestChartCache(t *testing.T) {
	root := projectCopy(t)
	out := filepath.Join(root, "public")
	build := func(what string) Summary {
		t.Helper()
		sum, err := Run(Options{Root: root, Out: out, BaseURL: testURL})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return sum
	}

	first := build("first build")
	if first.Charts < 40 || first.ChartsDrawn != first.Charts {
		t.Fatalf("first build drew %d of %d charts, want all", first.ChartsDrawn, first.Charts)
	}
	drawn := chartSVGs(t, root)
	options := chartFiles(t, root, "json")
	if len(drawn) != first.Charts {
		t.Fatalf("%d SVGs for %d charts", len(drawn), first.Charts)
	}
	site := treeHash(t, out)
	if n := len(cacheFiles(t, root)); n != first.Charts {
		t.Errorf("the cache holds %d SVGs, want %d", n, first.Charts)
	}

	// Nothing changed: nothing drawn, the same site.
	if again := build("second build"); again.ChartsDrawn != 0 {
		t.Errorf("second build drew %d charts, want none", again.ChartsDrawn)
	}
	if treeHash(t, out) != site {
		t.Error("the second build, from the cache, made a different site")
	}

	// A few charts missing from the cache: those are drawn, alone, and
	// come out the same as when drawn with all the others.
	for _, f := range cacheFiles(t, root)[:3] {
		os.Remove(f)
	}
	if sum := build("build with 3 charts missing"); sum.ChartsDrawn != 3 {
		t.Errorf("drew %d charts, want the 3 missing", sum.ChartsDrawn)
	}
	for k, v := range chartSVGs(t, root) {
		if !bytes.Equal(v, drawn[k]) {
			t.Errorf("%s: drawn alone, it differs from the batch's", k)
		}
	}

	// An edit of the data redraws the charts that show it, and only them.
	f := filepath.Join(root, "data", "industries", "B1.yaml")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	const old, renamed = "en: Construction machinery\n", "en: Construction machinery Zqx\n"
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("B1.yaml no longer holds %q", old)
	}
	os.WriteFile(f, bytes.Replace(b, []byte(old), []byte(renamed), 1), 0o644)
	sum := build("build after renaming an industry")
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
	if sum.ChartsDrawn != optionsChanged || len(changed) == 0 || len(changed) > sum.ChartsDrawn || sum.ChartsDrawn > first.Charts/4 {
		t.Errorf("drew %d charts; %d options changed, %d pictures (%v): want those with a new option drawn, only them",
			sum.ChartsDrawn, optionsChanged, len(changed), changed)
	}
	if n := len(cacheFiles(t, root)); n != first.Charts {
		t.Errorf("the cache holds %d SVGs after the edit, want %d (the old ones dropped)", n, first.Charts)
	}

	// A change of the renderer redraws everything.
	script := filepath.Join(root, "scripts", "render-charts.mjs")
	s, _ := os.ReadFile(script)
	os.WriteFile(script, append(s, []byte("\n// changed\n")...), 0o644)
	n, err := drawCharts(root, filepath.Join(root, GeneratedDir, "assets", "chart-files"))
	if err != nil {
		t.Fatal(err)
	}
	if n != first.Charts {
		t.Errorf("after a change of the renderer %d charts were drawn, want all %d", n, first.Charts)
	}
}
