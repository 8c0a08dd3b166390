// Package realplan is data/ loaded with its charts, once per test process,
// for the tests that read the real plan (a loaded plan does not change).
package realplan

import (
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
)

var load = sync.OnceValues(func() (loaded, error) {
	_, file, _, _ := runtime.Caller(0)
	p, err := plan.Load(filepath.Join(filepath.Dir(file), "..", "..", "..", "data"))
	if err != nil {
		return loaded{}, err
	}
	cs, err := charts.All(p)
	return loaded{p, cs}, err
})

type loaded struct {
	plan   *plan.Plan
	charts []*charts.Chart
}

// Load returns the real plan and its charts, loading them on first use.
func Load(tb testing.TB) (*plan.Plan, []*charts.Chart) {
	tb.Helper()
	l, err := load()
	if err != nil {
		tb.Fatal(err)
	}
	return l.plan, l.charts
}
