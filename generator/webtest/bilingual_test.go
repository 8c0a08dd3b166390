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
		// Attachment 1 side by side: every heading, label and name of the
		// table in Chinese (the plan's, marked) and in English.
		var zh, en int
		walkElements(doc, func(e *html.Node) {
			if e.Data != "table" || !hasClass(e, "matrix-pair") {
				return
			}
			walkElements(e, func(c *html.Node) {
				switch {
				case c.Data == "span" && attr(c, "lang") == "zh-CN" && attr(c, "data-plan") != "":
					zh++
				case c.Data == "span" && attr(c, "lang") == "en" && trimmedText(c) != "":
					en++
				}
			})
		})
		if want := 1 + 2 + len(p.Document.General.Regions.Groups) + 1 + len(p.Cities) + len(p.Document.Tiers) + len(p.Industries) + 1; zh != want || en != want {
			t.Errorf("%s: attachment 1 has %d Chinese and %d English labels; want %d of each", pairs, zh, en, want)
		}
	}
}

// TestNamesIndex: the names index lists every glossary entry, whole in
// the HTML (its kind filter is CSS, so the list stands without scripts),
// each with at least one link into the side-by-side text where the plan
// names it, and every link resolves.
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
					if a.Data != "a" {
						return
					}
					links++
					// Mentions lead into the side-by-side text in the
					// page's language, not to the single-language text.
					if h := attr(a, "href"); !strings.HasPrefix(h, l.Prefix()+"/bilingual/#") && !strings.HasPrefix(h, l.Prefix()+"/notes/#") && !strings.HasPrefix(h, l.Prefix()+"/cities/") {
						t.Errorf("%s: entry %q links to %s", page, trimmedText(li)[:min(40, len(trimmedText(li)))], h)
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

// TestTranslatorsNotesOnPages: each translator's note is printed once on
// the full text and once on the side-by-side text, in both languages,
// outside every element that holds the plan's words, with its mark
// leading to it; the notes page lists every note.
func TestTranslatorsNotesOnPages(t *testing.T) {
	p, err := plan.Load(filepath.Join(repo, "data"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range plan.Langs {
		for _, page := range []string{"/plan/", "/bilingual/"} {
			page = l.Prefix() + page
			doc := parseFile(t, filepath.Join(siteDir(t), page, "index.html"))
			notes, marks := map[string]int{}, map[string]int{}
			var walk func(n *html.Node, inPlan bool)
			walk = func(n *html.Node, inPlan bool) {
				if n.Type == html.ElementNode {
					if attr(n, "data-plan") != "" {
						inPlan = true
					}
					if hasClass(n, "tn") || hasClass(n, "tn-mark") {
						if inPlan {
							t.Errorf("%s: a translator's note inside the plan's words: %q", page, trimmedText(n))
						}
					}
					if n.Data == "p" && strings.HasPrefix(attr(n, "id"), "tn-") {
						notes[strings.TrimPrefix(attr(n, "id"), "tn-")]++
					}
					if hasClass(n, "tn-mark") {
						marks[strings.TrimPrefix(attr(n, "href"), "#tn-")]++
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, inPlan)
				}
			}
			walk(doc, false)
			for _, n := range p.Notes {
				if notes[n.ID.Value] != 1 || marks[n.ID.Value] != 1 {
					t.Errorf("%s: note %s printed %d times, marked %d times; want once each", page, n.ID.Value, notes[n.ID.Value], marks[n.ID.Value])
				}
			}
		}
		page := l.Prefix() + "/notes/"
		doc := parseFile(t, filepath.Join(siteDir(t), page, "index.html"))
		listed := 0
		walkElements(doc, func(e *html.Node) {
			if e.Data == "dt" && attr(e, "id") != "" {
				listed++
			}
		})
		if listed != len(p.Notes) {
			t.Errorf("%s lists %d notes; data/notes.yaml has %d", page, listed, len(p.Notes))
		}
	}
}

// TestNamesFilter: on a phone, with scripts off as on, the names index
// shows every entry until a reader picks a kind; picking one shows that
// kind's entries alone and hides the initials left empty.
func TestNamesFilter(t *testing.T) {
	base := siteServer(t)
	for _, l := range plan.Langs {
		for _, opts := range []tabOptions{phone, {width: 390, noScript: true}} {
			tb := open(t, base+l.Prefix()+"/names/", opts)
			visible := `[...document.querySelectorAll('.name-list > li')].filter(li => li.offsetParent !== null).length`
			all := eval[int](t, tb, `document.querySelectorAll('.name-list > li').length`)
			if got := eval[int](t, tb, visible); got != all || all == 0 {
				t.Errorf("%s (scripts off: %v): %d of %d entries shown before a kind is picked", l, opts.noScript, got, all)
			}
			for _, kind := range []string{"body", "company"} {
				want := eval[int](t, tb, `+document.querySelector('label[for="kind-`+kind+`"] small').textContent`)
				eval[bool](t, tb, `document.querySelector('label[for="kind-`+kind+`"]').click(), true`)
				if got := eval[int](t, tb, visible); got != want || want == 0 {
					t.Errorf("%s (scripts off: %v): %d entries shown for %s; its label counts %d", l, opts.noScript, got, kind, want)
				}
				if empty := eval[int](t, tb, `[...document.querySelectorAll('.letter')].filter(s => s.offsetParent !== null && ![...s.querySelectorAll('li')].some(li => li.offsetParent !== null)).length`); empty != 0 {
					t.Errorf("%s: %d initials shown with no %s under them", l, empty, kind)
				}
			}
			tb.close()
		}
	}
}
