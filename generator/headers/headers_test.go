package headers

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/netlify"
)

var site = []string{
	"/index.html", "/404.html", "/favicon.svg", "/robots.txt", "/sitemap.xml",
	"/industries/index.html", "/industries/a/index.html", "/plan/index.html",
	"/embed/x/index.html", "/embed/x/chart.json",
	"/css/site.0123456789abcdef0123456789abcdef.css", "/js/a.0123456789abcdef0123456789abcdef.js",
	"/data/plan.json", "/pagefind/pagefind.js", "/social/zh/home.png",
	"/en/index.html", "/en/404.html", "/en/sitemap.xml", "/en/industries/a/index.html", "/en/embed/x/index.html",
}

// applied is what Netlify sends for each path of the site under rules.
func applied(t *testing.T, rules []netlify.Rule) map[string]string {
	t.Helper()
	parsed, err := netlify.ParseHeaders(netlify.FormatHeaders(rules))
	if err != nil {
		t.Fatal(err)
	}
	c := &netlify.Config{Headers: parsed}
	bad := map[string]string{}
	for _, f := range site {
		for _, p := range []string{f, strings.TrimSuffix(f, "index.html")} {
			got := c.HeadersFor(p)
			if want := For(p); !reflect.DeepEqual(got, want) {
				bad[p] = got.Get("Content-Security-Policy")
			}
		}
	}
	return bad
}

// TestRulesApplyThePolicy: the _headers file written for a site gives every
// path exactly the policy's headers, once, under Netlify's merging.
func TestRulesApplyThePolicy(t *testing.T) {
	for p, csp := range applied(t, Rules(site)) {
		t.Errorf("%s: _headers does not give the policy's headers (CSP %q)", p, csp)
	}
	if h := For("/embed/x/"); !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors *") {
		t.Errorf("an embed page may not be framed: %v", h)
	}
	if h := For("/industries/a/"); !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'self'") {
		t.Errorf("a page may be framed by others: %v", h)
	}
	// A naive file, a page policy on /*, gives the embeds two policies.
	naive := append(Rules(site), netlify.Rule{For: "/*", Values: map[string]string{"Content-Security-Policy": pageCSP}})
	if bad := applied(t, naive); !strings.Contains(bad["/embed/x/"], ", default-src") {
		t.Errorf("the check misses a doubled policy on /embed/x/: %v", bad)
	}
}
