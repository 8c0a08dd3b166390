package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
	filepath.Join("data", "geo", "hunan.json"),
	filepath.Join("node_modules", "echarts", "package.json"),
}

// drawCharts makes <dir>/<lang>/<id>.svg for every <dir>/<lang>/<id>.json:
// from the cache when it holds the SVG for that exact input, else with
// node scripts/render-charts.mjs over the missing ones only. It returns how
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
	type job struct {
		rel, key string
		option   []byte
	}
	var todo []job
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return 0, err
		}
		rel, _ := filepath.Rel(dir, f) // <lang>/<id>.json
		key := cache.key(".svg", []byte(filepath.ToSlash(rel)), b)
		if svg, ok := cache.get(key); ok {
			if err := os.WriteFile(svgPath(dir, rel), svg, 0o644); err != nil {
				return 0, err
			}
			continue
		}
		todo = append(todo, job{rel, key, b})
	}

	if len(todo) > 0 {
		// Draw the missing charts in a folder of their own, laid out as
		// the renderer expects (<lang>/<id>.json).
		tmp, err := os.MkdirTemp(filepath.Join(root, GeneratedDir), ".draw-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(tmp)
		for _, j := range todo {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(tmp, j.rel)), 0o755); err != nil {
				return 0, err
			}
			if err := os.WriteFile(filepath.Join(tmp, j.rel), j.option, 0o644); err != nil {
				return 0, err
			}
		}
		if err := runTool(root, "node", filepath.Join("scripts", "render-charts.mjs"), tmp, filepath.Join("data", "geo", "hunan.json")); err != nil {
			// The renderer names the file it failed on: name the real one.
			return 0, fmt.Errorf("%s", strings.ReplaceAll(err.Error(), tmp, dir))
		}
		for _, j := range todo {
			svg, err := os.ReadFile(svgPath(tmp, j.rel))
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
