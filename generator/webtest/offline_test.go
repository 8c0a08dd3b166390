package webtest

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/hunan-industry/plan-site/generator/offline"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/preview"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// A deployment the tests can take off the network and redeploy: the
// preview server on a port of its own (so the worker it installs is seen
// by no other test), serving whatever folder current links to.
type deployment struct {
	t    testing.TB
	root string // holds current, a link to the folder deployed
	srv  *preview.Server
}

func deploy(t testing.TB, dir string) *deployment {
	t.Helper()
	root := t.TempDir()
	d := &deployment{t: t, root: root}
	d.switchTo(dir)
	srv, err := preview.Start(filepath.Join(root, "current"), "127.0.0.1:0", loadNetlify(t))
	if err != nil {
		t.Fatal(err)
	}
	d.srv = srv
	t.Cleanup(func() { srv.Close() })
	return d
}

// switchTo deploys dir: every request after it is answered from dir.
func (d *deployment) switchTo(dir string) {
	d.t.Helper()
	link := filepath.Join(d.root, "current")
	os.Remove(link + ".new")
	if err := os.Symlink(dir, link+".new"); err != nil {
		d.t.Fatal(err)
	}
	if err := os.Rename(link+".new", link); err != nil {
		d.t.Fatal(err)
	}
}

// A reader's browser: a browser context of its own (its own service
// workers and caches) in the shared Chromium, one tab.
type reader struct {
	t      testing.TB
	ctx    context.Context
	cancel context.CancelFunc
}

func newReader(t testing.TB) *reader {
	t.Helper()
	return readerIn(t, chromedp.WithNewBrowserContext())
}

// readerIn is a reader in the browser context opts give (none: the shared
// browser's own profile, which Chromium would install apps from).
func readerIn(t testing.TB, opts ...chromedp.ContextOption) *reader {
	t.Helper()
	ctx, cancelCtx := chromedp.NewContext(chrome(t), opts...)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		t.Fatal(err)
	}
	tctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	r := &reader{t: t, ctx: tctx, cancel: func() { cancelTime(); cancelCtx() }}
	t.Cleanup(r.cancel)
	if err := chromedp.Do(tctx, call(network.Enable, network.EnableParams{})); err != nil {
		t.Fatal(err)
	}
	return r
}

// visit loads u and waits until the service worker it registers is
// active, which it is only once it has kept every file (install).
func (r *reader) visit(u string) string {
	r.t.Helper()
	r.navigate(u)
	v, err := chromedp.Run(r.ctx, chromedp.Evaluate[string](`navigator.serviceWorker.ready.then(async (reg) => {
		const w = reg.active;
		if (w.state !== 'activated') await new Promise((ok) => w.addEventListener('statechange', () => w.state === 'activated' && ok()));
		return (await caches.keys()).join(' ');
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		r.t.Fatalf("%s: the service worker did not become active: %v", u, err)
	}
	return v
}

// search loads a search page and returns the paths of its first five
// page results (as firstResults, in the reader's tab).
func (r *reader) search(u string) ([]string, error) {
	ctx, cancel := context.WithTimeout(r.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible("#search-results > li")); err != nil {
		status, _ := chromedp.Run(r.ctx, chromedp.Evaluate[string](`document.getElementById('search-status')?.textContent`))
		return nil, fmt.Errorf("%w (the page says %q)", err, status)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results > li > h2 > a')].map(a => a.pathname)`))
	return links[:min(5, len(links))], err
}

// installability lists why Chromium would not install the page as an
// app (its manifest, icons, worker), as its install prompt checks.
func (r *reader) installability() []string {
	r.t.Helper()
	var res page.GetInstallabilityErrorsResult
	err := chromedp.Do(r.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		var err error
		res, err = cdp.Call(ctx, tg, page.GetInstallabilityErrors, cdp.Empty{})
		return err
	}))
	if err != nil {
		r.t.Fatal(err)
	}
	var out []string
	for _, e := range res.InstallabilityErrors {
		s := e.ErrorID
		for _, a := range e.ErrorArguments {
			s += " " + a.Name + "=" + a.Value
		}
		out = append(out, s)
	}
	return out
}

// caches names the caches the page's origin holds.
func (r *reader) caches() []string {
	r.t.Helper()
	v, err := chromedp.Run(r.ctx, chromedp.Evaluate[[]string](`caches.keys()`, chromedp.EvalAwaitPromise))
	if err != nil {
		r.t.Fatal(err)
	}
	return v
}

func (r *reader) navigate(u string) {
	r.t.Helper()
	if err := chromedp.Do(r.ctx, chromedp.Navigate(u)); err != nil {
		r.t.Fatalf("%s: %v", u, err)
	}
}

// text is the text of the first element sel matches on the page now.
func (r *reader) text(sel string) string {
	r.t.Helper()
	v, err := chromedp.Run(r.ctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q)?.textContent.trim() ?? ''`, sel)))
	if err != nil {
		r.t.Fatal(err)
	}
	return v
}

// goOffline cuts the reader off: the tab and its service worker lose the
// network (Chromium's network emulation), and the server stops too, so
// nothing can reach it by any path.
func (r *reader) goOffline(d *deployment) {
	r.t.Helper()
	yes := true
	err := chromedp.Do(r.ctx,
		call(network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &yes,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		}),
		call(network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}),
	)
	if err != nil {
		r.t.Fatal(err)
	}
	d.srv.Close()
}

// heading is a built page's <h1>, as text.
func heading(t testing.TB, dir, page string) string {
	t.Helper()
	h := find(parseFile(t, filepath.Join(dir, filepath.FromSlash(page), "index.html")), func(n *html.Node) bool { return n.Data == "h1" })
	if len(h) == 0 {
		t.Fatalf("%s has no <h1>", page)
	}
	return trimmedText(h[0])
}

// TestOfflineAfterOneVisit: a reader who has opened the home page once
// reads, with no network at all, the full text, an industry page, a city
// page and a search in both languages; a page the worker does not keep
// gives the offline page in the page's language.
func TestOfflineAfterOneVisit(t *testing.T) {
	dir := siteDir(t)
	d := deploy(t, dir)
	r := newReader(t)
	// Installable: checked in a profile, not the reader's incognito-like
	// context, from which Chromium installs nothing.
	inst := readerIn(t)
	for _, l := range plan.Langs {
		inst.visit(d.srv.URL + l.Prefix() + "/")
		if errs := inst.installability(); len(errs) > 0 {
			t.Errorf("%s/: Chromium would not install the site as an app: %s", l.Prefix(), strings.Join(errs, "; "))
		}
	}
	inst.cancel()
	r.visit(d.srv.URL + "/")
	r.goOffline(d)
	kind := func(name string) pages.Kind {
		for _, k := range pages.Kinds {
			if k.Name == name {
				return k
			}
		}
		t.Fatalf("no kind %q", name)
		return pages.Kind{}
	}
	for _, l := range plan.Langs {
		for _, name := range []string{"full text", "industry", "city"} {
			p := kind(name).In(l)
			r.navigate(d.srv.URL + p)
			if got, want := r.text("h1"), heading(t, dir, p); got != want {
				t.Errorf("offline, %s shows the heading %q, want %q", p, got, want)
			} else {
				t.Logf("offline, %s reads: %s", p, got)
			}
		}
		city := kind("city").In(l)
		query := map[plan.Lang]string{plan.ZH: "长沙", plan.EN: "Changsha"}[l]
		top, err := r.search(d.srv.URL + kind("search").In(l) + "?q=" + url.QueryEscape(query))
		if err != nil || !slices.Contains(top, city) {
			t.Errorf("offline, searching %q in %s: first results %v (%v), want %s among them", query, l, top, err, city)
		} else {
			t.Logf("offline, searching %q finds %v", query, top)
		}
		notKept := kind("targets").In(l)
		r.navigate(d.srv.URL + notKept)
		if got, want := r.text("h1"), uitext.In(l, "offlineTitle"); got != want {
			t.Errorf("offline, %s (not kept) shows %q, want the offline page's %q", notKept, got, want)
		}
	}
}

// copySite copies a built site into a new folder, file by file (no
// links: the copy is changed and must not change the original).
func copySite(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// revised is build A with the English full text's heading changed, and
// the worker written again by the build's step (offline.Write) unless
// staleWorker: a deploy that forgot it, which the check must catch.
func revised(t testing.TB, a string, staleWorker bool) (dir, heading string) {
	t.Helper()
	dir = copySite(t, a)
	page := filepath.Join(dir, "en", "plan", "index.html")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	const mark = "Revised full text"
	s := strings.Replace(string(b), `<h1 id="plan">`, `<h1 id="plan">`+mark+": ", 1)
	if s == string(b) {
		t.Fatalf("%s has no <h1> to revise", page)
	}
	if err := os.WriteFile(page, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	if !staleWorker {
		if _, err := offline.Write(dir); err != nil {
			t.Fatal(err)
		}
	}
	// Deployed later: the server's Last-Modified (whole seconds) must not
	// give the revised files the old ones' date, as a copy made within
	// the same second would.
	later := time.Now().Add(time.Hour)
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		return os.Chtimes(p, later, later)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir, mark
}

// deployFindings visits build a, deploys b, reloads as a reader does,
// and says where the reader still sees a's text: online at once, then
// offline once the worker has updated.
func deployFindings(t testing.TB, a, b, mark string) []string {
	var found []string
	page := "/en/plan/"
	d := deploy(t, a)
	r := newReader(t)
	before := r.visit(d.srv.URL + "/")
	r.navigate(d.srv.URL + page)
	if h := r.text("h1"); strings.Contains(h, mark) {
		t.Fatalf("build A already shows %q: %q", mark, h)
	}
	d.switchTo(b)
	// The reader comes back: the page from the network, and the browser
	// checks the worker on navigation.
	r.navigate(d.srv.URL + page)
	if h := r.text("h1"); !strings.Contains(h, mark) {
		found = append(found, fmt.Sprintf("online after the deploy, %s shows %q, the old text", page, h))
	}
	// The new worker, if there is one, installs and takes over.
	deadline := time.Now().Add(30 * time.Second)
	var now []string
	for time.Now().Before(deadline) {
		now = r.caches()
		if len(now) == 1 && now[0] != before {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	if len(now) != 1 || now[0] == before {
		found = append(found, fmt.Sprintf("after the deploy the caches are %q; before it %q: the old cache was not replaced by the new build's", now, before))
	}
	r.goOffline(d)
	r.navigate(d.srv.URL + page)
	if h := r.text("h1"); !strings.Contains(h, mark) {
		found = append(found, fmt.Sprintf("offline after the deploy, %s shows %q, the old text", page, h))
	}
	return found
}

// TestDeployReachesReaders: after a deploy that changes a page, a reader
// who visited the old build sees the new text at once online, and offline
// once the new worker has kept the new build and dropped the old cache;
// a deploy whose worker is not rebuilt is caught.
func TestDeployReachesReaders(t *testing.T) {
	a := copySite(t, siteDir(t))
	b, mark := revised(t, a, false)
	for _, f := range deployFindings(t, a, b, mark) {
		t.Error(f)
	}
	stale, _ := revised(t, a, true)
	found := deployFindings(t, a, stale, mark)
	expectFinding(t, "the deploy check", "a deploy with the old worker", found, "offline after the deploy", "the old text")
}
