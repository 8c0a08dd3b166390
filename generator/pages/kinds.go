package pages

import (
	"path"
	"sort"
	"strings"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// Kind is a kind of page of the site: where one page of it is, the layout
// that renders it, the view that makes its content and its place in the
// main menu. Kinds is the one list of them: Render makes the content from
// it, the build gives Hugo the menu from it (Menus), and the browser
// tests, the size report, the screenshots and the Lighthouse script (go
// run ./generator kinds) check the page it names, so that a new kind is a
// line here, its view and its layout, and its words.
type Kind struct {
	Name string
	// Path is the page's path in Chinese; the English twin is under /en.
	// Where a kind has many pages, the one named is among the heaviest.
	Path string
	// File is the file served when it is not the path's own (the 404
	// page, served for any path that has no file).
	File   string
	Charts bool // the page shows at least one chart
	Embed  bool // an embed page: the chart is made to be framed
	// Layout is the theme's template that renders the kind, under
	// themes/plansite/layouts. A page at the content root with a layout in
	// a folder gets the folder as its front matter type, which is how
	// Hugo finds the layout; a page in a section finds its section's.
	Layout string
	// Menu is the kind's weight in the main menu, 0 for none. The entry's
	// identifier is the path's one folder (/plan/: plan), its words the
	// i18n key nav_<identifier>.
	Menu int
	// Offline marks a kind the service worker keeps for reading offline
	// (generator/offline): its page in each language, and for a kind of
	// many pages (a path two folders deep) every page of its folder.
	Offline bool
	// content makes the kind's pages in the view's language, by path
	// under the language's content folder; nil for a kind written by hand
	// (content/<lang>/) or made by Hugo (404).
	content func(v *view) map[string]*Page
}

// Kinds are every kind of page, generated or written by hand.
var Kinds = []Kind{
	{Name: "home", Path: "/", Offline: true, Charts: true, Layout: "home.html", content: one("_index.md", (*view).home)},
	{Name: "full text", Path: "/plan/", Offline: true, Layout: "plan/single.html", Menu: 30, content: one("plan.md", (*view).fullText)},
	{Name: "bilingual", Path: "/bilingual/", Layout: "bilingual/single.html", content: one("bilingual.md", (*view).bilingual)},
	{Name: "notes", Path: "/notes/", Layout: "notes/single.html", content: one("notes.md", (*view).notesPage)},
	{Name: "names", Path: "/names/", Layout: "names/single.html", Menu: 40, content: one("names.md", (*view).namesIndex)},
	{Name: "industry", Path: "/industries/construction-machinery/", Offline: true, Charts: true, Layout: "industries/single.html", content: (*view).industryPages},
	{Name: "city", Path: "/cities/changsha/", Offline: true, Charts: true, Layout: "cities/single.html", content: (*view).cityPages},
	{Name: "industries", Path: "/industries/", Offline: true, Layout: "industries/list.html", Menu: 10, content: one("industries/_index.md", (*view).industriesIndex)},
	{Name: "cities", Path: "/cities/", Offline: true, Layout: "cities/list.html", Menu: 20, content: one("cities/_index.md", (*view).citiesIndex)},
	{Name: "regions", Path: "/regions/", Charts: true, Layout: "regions/single.html", Menu: 70, content: one("regions.md", (*view).regions)},
	{Name: "targets", Path: "/targets/", Charts: true, Layout: "targets/single.html", Menu: 50, content: one("targets.md", (*view).targets)},
	{Name: "layout", Path: "/layout/", Charts: true, Layout: "layout/single.html", Menu: 60, content: one("layout.md", (*view).layoutMatrix)},
	{Name: "safeguards", Path: "/safeguards/", Layout: "safeguards/single.html", Menu: 80, content: one("safeguards.md", (*view).safeguards)},
	{Name: "charts", Path: "/charts/", Layout: "gallery/single.html", Menu: 90, content: one("charts.md", (*view).gallery)},
	{Name: "embed", Path: "/embed/city-changsha/", Charts: true, Embed: true, Layout: "embed/single.html", content: (*view).embedPages},
	{Name: "downloads", Path: "/downloads/", Layout: "downloads/single.html", Menu: 100, content: one("downloads.md", (*view).downloadsPage)},
	{Name: "search", Path: "/search/", Offline: true, Layout: "search/single.html"},
	{Name: "about", Path: "/about/", Layout: "about/single.html", Menu: 110},
	{Name: "offline", Path: "/offline/", Layout: "offline/single.html", Offline: true},
	{Name: "404", Path: "/no-such-page/", File: "/404.html", Layout: "404.html"},
}

// In is the kind's page in a language.
func (k Kind) In(l plan.Lang) string { return l.Prefix() + k.Path }

// FileIn is the file served for the kind's page in a language.
func (k Kind) FileIn(l plan.Lang) string {
	if k.File != "" {
		return l.Prefix() + k.File
	}
	return k.In(l)
}

// Generated says whether the generator makes the kind's content.
func (k Kind) Generated() bool { return k.content != nil }

// pages makes the kind's pages in the view's language, each with the front
// matter type that reaches the kind's layout.
func (k Kind) pages(v *view) map[string]*Page {
	out := k.content(v)
	folder := path.Dir(k.Layout)
	for p, pg := range out {
		if pg.Type == "" && !strings.Contains(p, "/") && folder != "." {
			pg.Type = folder
		}
	}
	return out
}

// one is a kind of a single page, at a content path.
func one(path string, page func(*view) *Page) func(*view) map[string]*Page {
	return func(v *view) map[string]*Page { return map[string]*Page{path: page(v)} }
}

func (v *view) industryPages() map[string]*Page {
	out := map[string]*Page{}
	for i, ind := range v.p.Industries {
		out["industries/"+ind.Slug.Value+".md"] = v.industry(ind, i)
	}
	return out
}

func (v *view) cityPages() map[string]*Page {
	out := map[string]*Page{}
	for i, c := range v.p.Cities {
		out["cities/"+c.Code.Value+".md"] = v.city(c, i)
	}
	return out
}

// embedPages are an embed page for each chart, and the section's own
// page, which keeps Hugo from making a page of the /embed/ folder.
func (v *view) embedPages() map[string]*Page {
	out := map[string]*Page{"embed/_index.md": embedSection()}
	for _, c := range v.languageCharts() {
		out["embed/"+c.ID+".md"] = v.embed(c)
	}
	return out
}

// MenuEntry is one entry of the main menu, as Hugo's configuration has
// it (menus.main): pageRef finds each language's page.
type MenuEntry struct {
	Identifier string `json:"identifier"`
	PageRef    string `json:"pageRef"`
	Weight     int    `json:"weight"`
}

// MainMenu is the main menu's entries, in the order of their weights.
func MainMenu() []MenuEntry {
	var out []MenuEntry
	for _, k := range Kinds {
		if k.Menu != 0 {
			id := strings.Trim(k.Path, "/")
			out = append(out, MenuEntry{Identifier: id, PageRef: "/" + id, Weight: k.Menu})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight < out[j].Weight })
	return out
}

// Menus are the site's menus as the build adds them to hugo.toml's
// settings (site.Options.Settings["menus"]).
func Menus() map[string]any {
	var main []any
	for _, e := range MainMenu() {
		main = append(main, map[string]any{"identifier": e.Identifier, "pageRef": e.PageRef, "weight": e.Weight})
	}
	return map[string]any{"main": main}
}
