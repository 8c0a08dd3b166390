package pipeline

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hunan-industry/plan-site/generator/browser"
	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/preview"
)

// startBrowser starts Chromium, or skips the test where there is none,
// except under CI, where a missing browser is a failure.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel, err := browser.Start(context.Background())
	if errors.Is(err, browser.ErrNoChromium) && os.Getenv("CI") != "true" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	return ctx
}

// servedInBrowser serves the shared built site under the site's real
// headers and opens a browser for it; both close with the test.
func servedInBrowser(t *testing.T) (*preview.Server, context.Context) {
	t.Helper()
	cfg, err := netlify.Load(filepath.Join("..", "..", "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := preview.Start(siteDir(t), "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, startBrowser(t)
}

// TestSearchFindsPages queries the Pagefind index in a real browser, under
// the site's real headers, in both languages.
func TestSearchFindsPages(t *testing.T) {
	srv, ctx := servedInBrowser(t)
	for _, c := range []struct{ page, query, want string }{
		{"/search/", "工程机械", "/industries/construction-machinery/"},
		{"/search/", "长沙", "/cities/changsha/"},
		{"/en/search/", "construction machinery", "/en/industries/construction-machinery/"},
		{"/en/search/", "Changsha", "/en/cities/changsha/"},
	} {
		links, err := searchResults(ctx, srv.URL+c.page+"?q="+c.query)
		if err != nil {
			t.Errorf("%s %q: %v", c.page, c.query, err)
			continue
		}
		if !slices.ContainsFunc(links, func(l string) bool { return strings.HasSuffix(l, c.want) }) {
			t.Errorf("%s %q: results %v do not include %s", c.page, c.query, links, c.want)
		}
	}
}

// TestSearchFindsFiguresInEitherScript: a figure typed as the other
// language writes it finds the page that states it, in both directions
// (the plan's 4100亿元 on the English site, 410 billion on the Chinese).
func TestSearchFindsFiguresInEitherScript(t *testing.T) {
	srv, ctx := servedInBrowser(t)
	for _, c := range []struct{ page, query, want string }{
		{"/en/search/", "4100亿元", "/en/industries/modern-petrochemicals/"},
		{"/en/search/", "4100亿", "/en/industries/modern-petrochemicals/"},
		{"/en/search/", "1.4万亿元", "/en/targets/"},
		{"/search/", "410 billion", "/industries/modern-petrochemicals/"},
		{"/search/", "410 billion yuan", "/industries/modern-petrochemicals/"},
		{"/search/", "1.4 trillion yuan", "/targets/"},
	} {
		links, err := searchResults(ctx, srv.URL+c.page+"?q="+url.QueryEscape(c.query))
		if err != nil {
			t.Errorf("%s %q: %v", c.page, c.query, err)
			continue
		}
		if !slices.ContainsFunc(links, func(l string) bool { return strings.HasSuffix(l, c.want) }) {
			t.Errorf("%s %q: results %v do not include %s", c.page, c.query, links, c.want)
		}
	}
}

// searchResults loads a search page and waits for its result links.
func searchResults(ctx context.Context, url string) ([]string, error) {
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(url), chromedp.WaitVisible("#search-results > li")); err != nil {
		return nil, err
	}
	return chromedp.Run(tctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results a')].map(a => a.pathname)`))
}
