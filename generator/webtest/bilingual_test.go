package webtest

import (
	"context"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
)

// TestSearchAcrossLanguages: a name typed in the other language's script
// finds the page that names it among the first five results, on both
// sites; each page carries the other language's names for the index.
func TestSearchAcrossLanguages(t *testing.T) {
	base := siteServer(t)
	ctx := chrome(t)
	for _, c := range []struct{ page, query, want string }{
		{"/search/", "Zoomlion", "/industries/construction-machinery/"},
		{"/search/", "SANY", "/industries/construction-machinery/"},
		{"/search/", "changsha", "/cities/changsha/"},
		{"/search/", "Yueyang", "/cities/yueyang/"},
		{"/search/", "Sinopec Hunan Petrochemical", "/industries/modern-petrochemicals/"},
		{"/search/", "construction machinery", "/industries/construction-machinery/"},
		{"/en/search/", "三一", "/en/industries/construction-machinery/"},
		{"/en/search/", "中联重科", "/en/industries/construction-machinery/"},
		{"/en/search/", "长沙", "/en/cities/changsha/"},
		{"/en/search/", "株洲", "/en/cities/zhuzhou/"},
		{"/en/search/", "湖南石化", "/en/industries/modern-petrochemicals/"},
		{"/en/search/", "工程机械", "/en/industries/construction-machinery/"},
	} {
		top, err := firstResults(ctx, base+c.page+"?q="+url.QueryEscape(c.query), 5)
		if err != nil {
			t.Errorf("%s %q: %v", c.page, c.query, err)
			continue
		}
		if !slices.Contains(top, c.want) {
			t.Errorf("%s %q: first results %v do not include %s", c.page, c.query, top, c.want)
		} else {
			t.Logf("%s %q: %s is result %d of %v", c.page, c.query, c.want, slices.Index(top, c.want)+1, top)
		}
	}
}

// firstResults loads a search page and returns the paths of its first n
// page results (not the sections listed under them).
func firstResults(ctx context.Context, u string, n int) ([]string, error) {
	tabCtx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()
	// The first action opens the tab, outside the time limit (see openTab).
	if err := chromedp.Do(tabCtx); err != nil {
		return nil, err
	}
	tctx, cancel := context.WithTimeout(tabCtx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(u), chromedp.WaitVisible("#search-results > li")); err != nil {
		return nil, err
	}
	links, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results > li > h2 > a')].map(a => a.pathname)`))
	return links[:min(n, len(links))], err
}

// TestLanguageOfParts: no Han characters on the built site outside an
// element marked as Chinese (sitecheck's fixture test proves the check).
func TestLanguageOfParts(t *testing.T) {
	s, err := sitecheck.Read(siteDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.LanguageOfParts() {
		t.Error(f)
	}
}

// TestSideBySide: the side-by-side page pairs every block of the full
// text under the id both single-language texts give it, and every link
// from them to a pair resolves.
func TestSideBySide(t *testing.T) {
	p, err := plan.Load(filepath.Join(repo, "data"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := sitecheck.Read(siteDir(t))
	if err != nil {
		t.Fatal(err)
	}
	blocks := p.FullText()
	for _, l := range plan.Langs {
		single, pairs := s.Pages[l.Prefix()+"/plan/"], l.Prefix()+"/bilingual/"
		doc := parseFile(t, filepath.Join(siteDir(t), pairs, "index.html"))
		var n int
		var ids []string
		walkElements(doc, func(e *html.Node) {
			if hasClass(e, "pair") && attr(e, "id") != "" {
				n++
				ids = append(ids, attr(e, "id"))
			}
		})
		if n != len(blocks) {
			t.Errorf("%s: %d pairs; the full text has %d blocks", pairs, n, len(blocks))
		}
		for _, b := range blocks {
			if !single.IDs[b.ID] || !slices.Contains(ids, b.ID) {
				t.Errorf("block %s: on %s %v, paired on %s %v", b.ID, single.URL, single.IDs[b.ID], pairs, slices.Contains(ids, b.ID))
			}
		}
		linked := 0
		for _, href := range single.Links {
			if path, frag, ok := strings.Cut(href, "#"); ok && strings.HasSuffix(path, "/bilingual/") {
				linked++
				if !s.Pages[pairs].IDs[frag] {
					t.Errorf("%s links to %s, which %s does not have", single.URL, href, pairs)
				}
			}
		}
		if linked < len(blocks)-10 { // the masthead and title blocks carry no link
			t.Errorf("%s: %d links to pairs for %d blocks", single.URL, linked, len(blocks))
		}
	}
}

// TestNamesIndex: the names index lists every glossary entry, each with
// at least one link to where the plan names it, and every link resolves.
func TestNamesIndex(t *testing.T) {
	p, err := plan.Load(filepath.Join(repo, "data"))
	if err != nil {
		t.Fatal(err)
	}
	want := len(p.Names().Entries(p))
	s, err := sitecheck.Read(siteDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range plan.Langs {
		page := l.Prefix() + "/names/"
		doc := parseFile(t, filepath.Join(siteDir(t), page, "index.html"))
		entries := 0
		walkElements(doc, func(ul *html.Node) {
			if !hasClass(ul, "name-list") {
				return
			}
			for li := ul.FirstChild; li != nil; li = li.NextSibling {
				if li.Type != html.ElementNode {
					continue
				}
				entries++
				links := 0
				walkElements(li, func(a *html.Node) {
					if a.Data == "a" {
						links++
					}
				})
				if links == 0 {
					t.Errorf("%s: entry %q has no link", page, trimmedText(li)[:min(40, len(trimmedText(li)))])
				}
			}
		})
		if entries != want {
			t.Errorf("%s: %d entries; the glossary has %d", page, entries, want)
		}
		for _, f := range s.Links("plan.test") {
			if f.Page == page {
				t.Error(f)
			}
		}
	}
}

// trimmedText is the text under n without the space around it.
func trimmedText(n *html.Node) string { return strings.TrimSpace(sitecheck.TextOf(n)) }
