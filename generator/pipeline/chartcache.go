package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// maxDrawers and minPerDrawer bound the Node processes that draw charts
// at once: a process costs its start and ECharts' load (a few hundred ms
// of CPU), worth it only for a batch of some size.
const (
	maxDrawers   = 4
	minPerDrawer = 12
)

// svgCacheDir is the render cache of every chart's build-time SVG, keyed
// by the chart's JSON (option, size, language), the renderer script, the
// map geometry and the ECharts version. Drawing all charts with Node takes
// seconds; a build in which no chart changed draws none. The renderer's
// output does not depend on the other charts of the batch (ids are
// prefixed with the chart's id), so drawing a few gives the same bytes as
// drawing all.
const svgCacheDir = "svg-cache"

// rendererInputs are the files, besides a chart's JSON, that decide its
// SVG; relative to the project root.
var rendererInputs = []string{
	filepath.Join("scripts", "render-charts.mjs"),
	filepath.Join("scripts", "manifest.mjs"),
	filepath.Join("data", "geo", "hunan.json"),
	filepath.Join("node_modules", "echarts", "package.json"),
	filepath.Join("node_modules", "saxes", "package.json"), // the sanitiser's XML parser
}

// drawCharts makes <dir>/<lang>/<id>.svg for every <dir>/<lang>/<id>.json:
// from the cache when it holds the SVG for that exact input, else with
// node scripts/render-charts.mjs over the missing ones only (a manifest of
// {in: the JSON, out: an SVG}). It returns how
// many it drew, and drops cached SVGs this build did not use.
func drawCharts(root, dir string) (int, error) {
	cache, err := openCache(root, svgCacheDir, rendererInputs, nil)
	if err != nil {
		return 0, fmt.Errorf("chart renderer input: %w", err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil {
		return 0, err
	}
	type job struct{ rel, key string }
	var todo []job
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return 0, err
		}
		rel, _ := filepath.Rel(dir, f) // <lang>/<id>.json
		key := cache.key(".svg", []byte(filepath.ToSlash(rel)), b)
		if cache.link(key, svgPath(dir, rel)) {
			continue
		}
		todo = append(todo, job{rel, key})
	}

	if len(todo) > 0 {
		// Draw the missing charts into a folder of their own, one Node
		// process per core (each loads ECharts once, so a small batch stays
		// in one).
		n := min(runtime.NumCPU(), maxDrawers, (len(todo)+minPerDrawer-1)/minPerDrawer)
		tmp, err := os.MkdirTemp(filepath.Join(root, GeneratedDir), ".draw-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(tmp)
		jobs := make([]scriptJob, len(todo))
		for i, j := range todo {
			if jobs[i], err = newJob(root, filepath.Join(dir, j.rel), filepath.Join(tmp, j.key)); err != nil {
				return 0, err
			}
		}
		if err := runScript(root, "render-charts.mjs", "charts", map[string]any{"geo": "data/geo/hunan.json"}, jobs, n); err != nil {
			return 0, err
		}
		for _, j := range todo {
			svg, err := os.ReadFile(filepath.Join(tmp, j.key))
			if err != nil {
				return 0, fmt.Errorf("the renderer wrote no SVG for %s: %w", j.rel, err)
			}
			if err := os.WriteFile(svgPath(dir, j.rel), svg, 0o644); err != nil {
				return 0, err
			}
			if err := cache.put(j.key, svg); err != nil {
				return 0, err
			}
		}
	}
	return len(todo), cache.prune()
}

func svgPath(dir, rel string) string {
	return filepath.Join(dir, strings.TrimSuffix(rel, ".json")+".svg")
}
