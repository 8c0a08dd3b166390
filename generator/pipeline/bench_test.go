package pipeline

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/site"
)

// The build benchmarks, run together so that their ratio reads at once:
//
//	go test -bench . -run '^$' -benchtime 5x ./generator/pipeline/
//
//   - full: the whole build (data → pages, exports, charts with the Node
//     SSR step, social images, Hugo, static files, the search index, the
//     swap into the output folder), with the chart SVG, social image and
//     search index caches emptied first, so every chart and image is drawn
//     and Pagefind runs;
//   - full-cached: the same build when nothing changed since the last one
//     (a second build): the generator's stage is the last build's (see
//     generate), the search index comes from its cache;
//   - full-data-edit: a build after an edit under data/ that changes no
//     page (data/README.md): the generator's stage runs again, and the
//     charts, images and search index come from their caches;
//   - ssr: the chart SVGs alone, all drawn (node scripts/render-charts.mjs,
//     two processes);
//   - social: the images alone, all drawn: the social cards and the chart
//     downloads (laid out in Go, rasterised by Node with resvg, palette
//     PNGs made in Go);
//   - search: the Pagefind step alone (indexing the built site);
//   - hugo: a bare Hugo render (site.Build) of the same generated content,
//     written by a full build beforehand — Hugo alone.
//
// Each reports ms/op (wall) and cpu-ms/op (user+system time of the
// process and of the programs it ran: less sensitive to a busy machine).
// At the end it prints full/hugo and full-cached/hugo, in both.

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
	cpuPerOp := map[string]time.Duration{}
	run := func(name string, setup func(), op func() error) {
		b.Run(name, func(b *testing.B) {
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				if setup != nil {
					setup()
				}
				c0 := cpuTime()
				b.StartTimer()
				if err := op(); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				cpu += cpuTime() - c0
				b.StartTimer()
			}
			b.StopTimer()
			// The last call has the final b.N.
			perOp[name] = b.Elapsed() / time.Duration(b.N)
			cpuPerOp[name] = cpu / time.Duration(b.N)
			b.ReportMetric(float64(perOp[name].Milliseconds()), "ms/op")
			b.ReportMetric(float64(cpuPerOp[name].Milliseconds()), "cpu-ms/op")
		})
	}
	out := filepath.Join(root, "public")
	full := func() error {
		_, err := Run(Options{Root: root, Out: out, BaseURL: testURL})
		return err
	}
	gen := filepath.Join(root, GeneratedDir)
	run("full", func() {
		os.Remove(filepath.Join(gen, generationRecord))
		os.RemoveAll(filepath.Join(gen, svgCacheDir))
		os.RemoveAll(filepath.Join(gen, socialCacheDir))
		os.RemoveAll(filepath.Join(gen, searchCacheDir))
		os.RemoveAll(filepath.Join(gen, bundleCacheDir))
	}, full)
	run("full-cached", nil, full)
	// The bare render next to the warm build, so that both run with the
	// process in the same state (a render late in the run is slower).
	// It has the site settings the build gives Hugo, from the record.
	var g generation
	if rec, err := os.ReadFile(filepath.Join(gen, generationRecord)); err != nil || json.Unmarshal(rec, &g) != nil {
		b.Fatalf("no generation record: %v", err)
	}
	bare := filepath.Join(root, "bare-hugo")
	run("hugo", func() { os.RemoveAll(bare) }, func() error {
		_, err := site.Build(site.Options{Root: root, PublishDir: bare, BaseURL: testURL, CacheDir: filepath.Join(gen, "cache"), LinkFrom: filepath.Join(gen, "assets"),
			Settings: g.hugoSettings()})
		return err
	})
	edits := 0
	run("full-data-edit", func() {
		edits++
		if err := editKeepingTime(filepath.Join(root, "data", "README.md"), fmt.Sprintf("<!-- edit %d -->", edits)); err != nil {
			b.Fatal(err)
		}
	}, full)
	run("ssr", func() { os.RemoveAll(filepath.Join(gen, svgCacheDir)) }, func() error {
		_, err := drawCharts(root, filepath.Join(gen, "assets", assetpath.ChartFilesDir))
		return err
	})
	p, err := plan.Load(filepath.Join(root, "data"))
	if err != nil {
		b.Fatal(err)
	}
	cs, err := charts.All(p)
	if err != nil {
		b.Fatal(err)
	}
	run("social", func() { os.RemoveAll(filepath.Join(gen, socialCacheDir)) }, func() error {
		return writeImages(p, cs, filepath.Join(gen, "assets"), root, testURL, lastUpdated(root), func(string, ...any) {})
	})
	run("search", nil, func() error { return index(root, out) })
	// Printed, not logged: a parent benchmark's log is not shown.
	for _, m := range []struct {
		what string
		t    map[string]time.Duration
	}{{"wall", perOp}, {"cpu", cpuPerOp}} {
		if h := m.t["hugo"]; h > 0 {
			ms := func(k string) time.Duration { return m.t[k].Round(time.Millisecond) }
			fmt.Printf("build (%s): full %s, full-cached %s, full-data-edit %s, chart ssr %s, social images %s, pagefind %s, bare hugo %s: full/hugo = %.2f×, full-cached/hugo = %.2f×, full-data-edit/hugo = %.2f×\n",
				m.what, ms("full"), ms("full-cached"), ms("full-data-edit"), ms("ssr"), ms("social"), ms("search"), ms("hugo"),
				float64(m.t["full"])/float64(h), float64(m.t["full-cached"])/float64(h), float64(m.t["full-data-edit"])/float64(h))
		}
	}
}

// cpuTime is the user and system time of this process and of its children
// that have ended (node, pagefind).
func cpuTime() time.Duration {
	var t time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if syscall.Getrusage(who, &ru) == nil {
			t += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	return t
}
