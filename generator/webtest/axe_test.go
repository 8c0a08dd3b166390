package webtest

import (
	"encoding/json"
	"fmt"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeTags are the WCAG levels the site must meet: A and AA of WCAG 2.0,
// 2.1 and 2.2.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript is axe-core's browser build, from the pinned npm package.
func axeScript(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(npmFile(t, "axe-core", "axe.min.js"))
		axeSource = string(b)
	})
	if axeErr != nil {
		t.Fatalf("axe-core (npm devDependency; run npm ci): %v", axeErr)
	}
	return axeSource
}

// axeResult is what one axe run found on a page.
type axeResult struct {
	Rules      int // rules with the tags
	Applied    int // of those, rules that found something to check on the page
	Violations []axeViolation
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

func (v axeViolation) String() string {
	nodes := v.Nodes
	more := ""
	if len(nodes) > 3 {
		more = fmt.Sprintf(" … and %d more", len(nodes)-3)
		nodes = nodes[:3]
	}
	return fmt.Sprintf("[%s, %s] %s: %s%s", v.ID, v.Impact, v.Help, strings.Join(nodes, "; "), more)
}

// runAxe injects axe-core into the loaded page through the DevTools
// protocol (Runtime.evaluate is not subject to the page's CSP) and runs
// the WCAG A and AA rules on the whole document.
func runAxe(t testing.TB, tb *tab) axeResult {
	t.Helper()
	if !eval[bool](t, tb, `typeof window.axe === 'object'`) {
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](axeScript(t))); err != nil {
			t.Fatalf("%s: injecting axe-core: %v", tb.url, err)
		}
	}
	tags, _ := json.Marshal(axeTags)
	raw := eval[[]byte](t, tb, `axe.run(document, {runOnly: {type: 'tag', values: `+string(tags)+`}, resultTypes: ['violations']}).then(r => ({
		Rules: axe.getRules(`+string(tags)+`).length,
		Applied: r.passes.length + r.violations.length + r.incomplete.length,
		Violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => n.target.join(' ') + ' (' + [...n.all, ...n.none, ...n.any].map(c => c.message)[0] + ')')}))
	}))`)
	var res axeResult
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("%s: axe result: %v", tb.url, err)
	}
	return res
}

// TestAccessibility runs axe-core on every kind of page in both languages,
// on a desktop screen in the light colour scheme, then on a 390 px phone in
// the dark one: zero violations of WCAG 2.0, 2.1 and 2.2 A and AA.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	base := siteServer(t)
	chrome(t)
	var mu sync.Mutex
	checked, runs, rules, applied, findings := 0, 0, 0, 0, 0
	each(t, base, tabOptions{}, func(t *testing.T, tb *tab, k pages.Kind, l plan.Lang, path string) {
		for i, v := range axeViews {
			if i > 0 {
				if err := chromedp.Do(tb.ctx, v.switchTo...); err != nil {
					t.Fatalf("%s: switching to %s: %v", path, v.name, err)
				}
				if got := eval[string](t, tb, v.check); got != "" {
					t.Fatalf("%s: switching to %s: %s", path, v.name, got)
				}
			}
			res := runAxe(t, tb)
			var found []string
			for _, viol := range res.Violations {
				found = append(found, viol.String())
			}
			report(t, path, "axe ("+v.name+")", found)
			mu.Lock()
			runs++
			rules = max(rules, res.Rules)
			applied += res.Applied
			findings += len(res.Violations)
			mu.Unlock()
		}
		mu.Lock()
		checked++
		mu.Unlock()
	})
	t.Logf("axe-core: %d pages, %d runs (%s), %d rules (tags %s), %d rule checks that applied, %d violations",
		checked, runs, viewNames(), rules, strings.Join(axeTags, ", "), applied, findings)
}

// axeViews are the screens and colour schemes each page is checked in, in
// one tab: the first is how the page loads, the others switch to theirs.
var axeViews = []struct {
	name     string
	switchTo []chromedp.Action[chromedp.Void]
	check    string // JavaScript: empty when the page is in the view
}{
	{name: "desktop, light"},
	{name: "phone 390 px, dark", switchTo: []chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(phone.width, 844, chromedp.EmulateMobile, chromedp.EmulateTouch),
		call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}),
	}, check: `document.documentElement.clientWidth > 390 ? 'the page is ' + document.documentElement.clientWidth + ' px wide' :
		!matchMedia('(prefers-color-scheme: dark)').matches ? 'the dark scheme does not apply' : ''`},
}

func viewNames() string {
	var s []string
	for _, v := range axeViews {
		s = append(s, v.name)
	}
	return strings.Join(s, "; ")
}
