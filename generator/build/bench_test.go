package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/hunan-industry/plan-site/generator/site"
)

// The build benchmarks, run together so that their ratio reads at once:
//
//	go test -bench . -run '^$' -benchtime 5x ./generator/build/
//
//   - full: the whole build (data → pages, exports, charts with the Node
//     SSR step, Hugo, static files, the swap into the output folder), with
//     the chart SVG cache emptied first, so every chart is drawn;
//   - full-cached: the same build when no chart changed since the last one
//     (what a second build, or serve's rebuild after a text edit, costs);
//   - ssr: the Node step alone (node scripts/render-charts.mjs, all charts);
//   - search: the Pagefind step alone (indexing the built site);
//   - hugo: a bare Hugo render (site.Build) of the same generated content,
//     written by a full build beforehand — Hugo alone.
//
// At the end it prints full/hugo and full-cached/hugo.

var (
	benchOnce sync.Once
	benchRoot string
	benchErr  error
)

// benchProject is a project copy with one full build done, so that its
// generated/ folder holds what Hugo reads.
func benchProject(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchRoot = projectCopy(b)
		_, benchErr = Run(Options{Root: benchRoot, Out: filepath.Join(benchRoot, "public"), BaseURL: testURL})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchRoot
}

func BenchmarkBuild(b *testing.B) {
	root := benchProject(b)
	perOp := map[string]time.Duration{}
	run := func(name string, setup func(), op func() error) {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				if setup != nil {
					setup()
				}
				b.StartTimer()
				if err := op(); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			// The last call has the final b.N.
			perOp[name] = b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(perOp[name].Milliseconds()), "ms/op")
		})
	}
	out := filepath.Join(root, "public")
	full := func() error {
		_, err := Run(Options{Root: root, Out: out, BaseURL: testURL})
		return err
	}
	gen := filepath.Join(root, GeneratedDir)
	run("full", func() { os.RemoveAll(filepath.Join(gen, svgCacheDir)) }, full)
	run("full-cached", nil, full)
	run("ssr", nil, func() error {
		return runTool(root, "node", filepath.Join("scripts", "render-charts.mjs"),
			filepath.Join(gen, "assets", "chart-files"), filepath.Join("data", "geo", "hunan.json"))
	})
	run("search", nil, func() error { return index(root, out) })
	bare := filepath.Join(root, "bare-hugo")
	run("hugo", func() { os.RemoveAll(bare) }, func() error {
		_, err := site.Build(site.Options{Root: root, PublishDir: bare, BaseURL: testURL, CacheDir: filepath.Join(gen, "cache")})
		return err
	})
	if h := perOp["hugo"]; h > 0 {
		// Printed, not logged: a parent benchmark's log is not shown.
		fmt.Printf("build: full %s, full-cached %s, node ssr %s, pagefind %s, bare hugo %s: full/hugo = %.2f×, full-cached/hugo = %.2f×\n",
			perOp["full"].Round(time.Millisecond), perOp["full-cached"].Round(time.Millisecond),
			perOp["ssr"].Round(time.Millisecond), perOp["search"].Round(time.Millisecond), h.Round(time.Millisecond),
			float64(perOp["full"])/float64(h), float64(perOp["full-cached"])/float64(h))
	}
}
