package webtest

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestExplore(t *testing.T) {
	dir := os.Getenv("EXPLORE")
	if dir == "" {
		t.Skip()
	}
	base := serve(t, dir, loadNetlify(t))
	tb := open(t, base+"/layout/", phone)
	t.Logf("bundle before %d", bundleRequests(tb.rec.requested()))
	type pt struct{ X, Y float64 }
	p := eval[pt](t, tb, `(() => { const c = document.querySelectorAll('figure.chart')[0].querySelector('.chart-canvas'); c.scrollIntoView({block: 'center'}); const r = c.getBoundingClientRect(); return {X: r.left + r.width/2, Y: r.top + r.height/2}; })()`)
	t.Logf("point %v", p)
	if err := chromedp.Do(tb.ctx, chromedp.MouseEvent(chromedp.MouseMoved, p.X, p.Y)); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	live, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelectorAll('figure.chart')[0].classList.contains('chart-is-live')`, chromedp.WithPollingTimeout(15*time.Second)))
	t.Logf("live %v %v after %v; bundle %d", live, err, time.Since(start), bundleRequests(tb.rec.requested()))
	tb.rec.settle(tb.ctx)
	t.Logf("problems %v", tb.rec.problems(tb.url, false))
	sw := eval[[]int](t, tb, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`)
	t.Logf("sw %v", sw)
	tb.close()

	axe, _ := os.ReadFile("../../node_modules/axe-core/axe.min.js")
	tb = open(t, base+"/layout/", tabOptions{})
	start = time.Now()
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
		t.Fatal(err)
	}
	res := eval[[]byte](t, tb, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}, resultTypes: ['violations']}).then(r => r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))`)
	t.Logf("axe %v: %s", time.Since(start), res)
	t.Logf("problems %v", tb.rec.problems(tb.url, false))
	tb.close()
}
