package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// svgCacheDir (under generated/) keeps every chart's build-time SVG under
// the hash of everything that drew it: the chart's JSON (option, size,
// language), the renderer script, the map geometry and the ECharts
// version. Drawing all charts with Node takes seconds; a build in which
// no chart changed (a text edit under serve, a second build) draws none.
// The renderer's output does not depend on the other charts of the batch
// (ids are prefixed with the chart's id), so drawing a few gives the same
// bytes as drawing all. Delete generated/ to start afresh.
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
	rk := sha256.New()
	for _, f := range rendererInputs {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return 0, fmt.Errorf("chart renderer input: %w", err)
		}
		fmt.Fprintf(rk, "%s\x00%d\x00", filepath.ToSlash(f), len(b))
		rk.Write(b)
	}
	rendererKey := rk.Sum(nil)

	gen := filepath.Join(root, GeneratedDir)
	cache := filepath.Join(gen, svgCacheDir)
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return 0, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil {
		return 0, err
	}
	type job struct{ rel, key string }
	var todo []job
	used := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return 0, err
		}
		rel, _ := filepath.Rel(dir, f) // <lang>/<id>.json
		h := sha256.New()
		h.Write(rendererKey)
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		h.Write(b)
		key := hex.EncodeToString(h.Sum(nil))
		used[key+".svg"] = true
		svg, err := os.ReadFile(filepath.Join(cache, key+".svg"))
		if err == nil {
			if err := os.WriteFile(svgPath(dir, rel), svg, 0o644); err != nil {
				return 0, err
			}
			continue
		}
		todo = append(todo, job{rel, key})
	}

	if len(todo) > 0 {
		// Draw the missing charts in a folder of their own, laid out as
		// the renderer expects (<lang>/<id>.json).
		tmp, err := os.MkdirTemp(gen, ".draw-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(tmp)
		for _, j := range todo {
			b, err := os.ReadFile(filepath.Join(dir, j.rel))
			if err != nil {
				return 0, err
			}
			if err := os.MkdirAll(filepath.Dir(filepath.Join(tmp, j.rel)), 0o755); err != nil {
				return 0, err
			}
			if err := os.WriteFile(filepath.Join(tmp, j.rel), b, 0o644); err != nil {
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
			// Into the cache last, whole or not at all.
			part := filepath.Join(tmp, j.key+".part")
			if err := os.WriteFile(part, svg, 0o644); err != nil {
				return 0, err
			}
			if err := os.Rename(part, filepath.Join(cache, j.key+".svg")); err != nil {
				return 0, err
			}
		}
	}

	// Keep the cache to the charts of this build.
	entries, err := os.ReadDir(cache)
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		if !used[e.Name()] {
			os.Remove(filepath.Join(cache, e.Name()))
		}
	}
	return len(todo), nil
}

func svgPath(dir, rel string) string {
	return filepath.Join(dir, strings.TrimSuffix(rel, ".json")+".svg")
}
