package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// BenchmarkImages: the images step alone, all drawn (go test -bench Images
// -run '^$' ./generator/pipeline/), reporting CPU time too.
func BenchmarkImages(b *testing.B) {
	root := benchProject(b)
	gen := filepath.Join(root, GeneratedDir)
	p, err := plan.Load(filepath.Join(root, "data"))
	if err != nil {
		b.Fatal(err)
	}
	cs, err := charts.All(p)
	if err != nil {
		b.Fatal(err)
	}
	var cpu int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		os.RemoveAll(filepath.Join(gen, socialCacheDir))
		c0 := cpuTime()
		b.StartTimer()
		if err := writeImages(p, cs, filepath.Join(gen, "assets"), root, testURL, "2024-01-02", func(string, ...any) {}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += int64(cpuTime() - c0)
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}
