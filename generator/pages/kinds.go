package pages

import "github.com/hunan-industry/plan-site/generator/plan"

// Kind is a kind of page of the site, named by one page of that kind: the
// list that the browser tests, the size report, the screenshots and the
// Lighthouse script (go run ./generator kinds) all read, so that a new kind
// of page is checked everywhere once it is added here.
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
}

// Kinds are every kind of page, generated or written by hand.
var Kinds = []Kind{
	{Name: "home", Path: "/", Charts: true},
	{Name: "full text", Path: "/plan/"},
	{Name: "bilingual", Path: "/bilingual/"},
	{Name: "names", Path: "/names/"},
	{Name: "industry", Path: "/industries/construction-machinery/", Charts: true},
	{Name: "city", Path: "/cities/changsha/", Charts: true},
	{Name: "industries", Path: "/industries/"},
	{Name: "cities", Path: "/cities/"},
	{Name: "regions", Path: "/regions/", Charts: true},
	{Name: "targets", Path: "/targets/", Charts: true},
	{Name: "layout", Path: "/layout/", Charts: true},
	{Name: "safeguards", Path: "/safeguards/"},
	{Name: "charts", Path: "/charts/"},
	{Name: "embed", Path: "/embed/city-changsha/", Charts: true, Embed: true},
	{Name: "downloads", Path: "/downloads/"},
	{Name: "search", Path: "/search/"},
	{Name: "about", Path: "/about/"},
	{Name: "404", Path: "/no-such-page/", File: "/404.html"},
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
