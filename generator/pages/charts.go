package pages

import (
	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// ChartView is what a page needs to show a chart: its words, its data
// table, and where the build put its files (assetpath.ChartFiles).
type ChartView struct {
	ID      string     `json:"id"`
	Title   string     `json:"title"`
	Summary string     `json:"summary"`
	Header  []string   `json:"header"`
	Rows    [][]string `json:"rows"`
	Files   string     `json:"files"`
	Map     bool       `json:"map,omitempty"`
	Width   int        `json:"width"`
	Height  int        `json:"height"`
	// Narrow says the chart has a phone layout (<files>.narrow.svg, .json);
	// without one, phones get its data table instead.
	Narrow bool `json:"narrow,omitempty"`
	// NarrowHeight is the phone layout's height at its width
	// (charts.NarrowWidth); the embed code's height allows for it.
	NarrowHeight int `json:"narrowHeight,omitempty"`
	// Download is where the chart's download files are (.png, .svg: the
	// wide drawing with its credit lines, drawn at build time).
	Download string `json:"download"`
	// Data is the site path of the chart's CSV, a resource of the data
	// package (/data/datapackage.json).
	Data string `json:"data"`
	// Page is where the chart lives in the site, relative to the language
	// root; the embed page links back to it.
	Page string `json:"page"`
}

// chartPaths are the paths, relative to the language root, of the pages
// that show charts, by the registry's name for them (charts.Page).
var chartPaths = map[charts.Page]func(subject string) string{
	charts.HomePage:     func(string) string { return "" },
	charts.RegionsPage:  func(string) string { return "regions/" },
	charts.LayoutPage:   func(string) string { return "layout/" },
	charts.TargetsPage:  func(string) string { return "targets/" },
	charts.IndustryPage: func(slug string) string { return "industries/" + slug + "/" },
	charts.CityPage:     func(code string) string { return "cities/" + code + "/" },
}

// chartPage is the page that shows a chart, relative to the language root;
// false for a page with no path here, which Render refuses.
func chartPage(c *charts.Chart) (string, bool) {
	path, ok := chartPaths[c.Page]
	if !ok {
		return "", false
	}
	return path(c.Subject), true
}

// embedCanonical is EmbedParams.Canonical: the chart's page at the chart,
// or the gallery's entry for it.
func embedCanonical(c *charts.Chart) string {
	if page, _ := chartPage(c); page != "" {
		return page + "#chart-" + c.ID
	}
	return "charts/#" + c.ID
}

func (v *view) chart(id string) *ChartView {
	for _, c := range v.charts {
		if c.ID == id && c.Lang == v.l {
			page, _ := chartPage(c)
			cv := &ChartView{ID: c.ID, Title: c.Title, Summary: c.Summary, Header: c.Table.Header, Rows: c.Table.Rows,
				Files: assetpath.ChartFiles(c.Lang, c.ID), Download: assetpath.ChartDownloadFiles(c.Lang, c.ID),
				Data: "/" + assetpath.DataDir + "/" + assetpath.ChartData(c.Lang, c.ID), Map: c.Map, Width: c.Width, Height: c.Height, Narrow: c.Narrow != nil, Page: page}
			if c.Narrow != nil {
				cv.NarrowHeight = c.Narrow.Height
			}
			return cv
		}
	}
	return nil
}

// pageCharts gives the views of the charts the registry puts on a page
// (subject: the industry's slug or the city's code on their pages), in the
// registry's order.
func (v *view) pageCharts(page charts.Page, subject string) []*ChartView {
	var out []*ChartView
	for _, c := range v.languageCharts() {
		if c.Page == page && c.Subject == subject {
			out = append(out, v.chart(c.ID))
		}
	}
	return out
}

// languageCharts are this language's charts, in the registry's order.
func (v *view) languageCharts() []*charts.Chart {
	var out []*charts.Chart
	for _, c := range v.charts {
		if c.Lang == v.l {
			out = append(out, c)
		}
	}
	return out
}

func (v *view) gallery() *Page {
	var all []*ChartView
	for _, c := range v.languageCharts() {
		all = append(all, v.chart(c.ID))
	}
	return &Page{
		Title:       uitext.In(v.l, "go_page_charts"),
		Description: uitext.In(v.l, "go_desc_charts"),
		Params:      &GalleryParams{Charts: all, DownloadScale: assetpath.DownloadScale},
	}
}

// Download is one data file on the downloads page.
type Download struct {
	Name   string `json:"name"`
	Format string `json:"format"`
	Bytes  int    `json:"bytes"`
}

// downloadOrder lists the data files as the page shows them.
var downloadOrder = []struct{ name, format string }{
	{"layout.csv", "CSV"}, {"targets.csv", "CSV"}, {"glossary.csv", "CSV"}, {"plan.xlsx", "Excel (XLSX)"}, {"plan.json", "JSON"},
	{"datapackage.json", "Frictionless Data Package (JSON)"},
	{"plan-zh.epub", "EPUB 3"}, {"plan-en.epub", "EPUB 3"}, {"plan-bilingual.epub", "EPUB 3"},
}

func (v *view) downloadsPage() *Page {
	var files []Download
	for _, d := range downloadOrder {
		if n, ok := v.downloads[d.name]; ok {
			files = append(files, Download{Name: d.name, Format: d.format, Bytes: n})
		}
	}
	return &Page{
		Title:       uitext.In(v.l, "go_page_downloads"),
		Description: uitext.In(v.l, "go_desc_downloads"),
		Params:      &DownloadsParams{Files: files},
	}
}

// embedSection keeps Hugo from making a page of the /embed/ folder itself:
// embeds are reached from their chart, and the gallery lists them all.
func embedSection() *Page {
	return &Page{Title: "embed", Build: &BuildOptions{List: "local", Render: "never"}}
}

func (v *view) embed(c *charts.Chart) *Page {
	return &Page{
		Title:       c.Title,
		Description: c.Summary,
		Type:        "embed",
		Outputs:     []string{"html", "oembed", "cite"}, // oembed.json and cite.html beside the page
		Params:      &EmbedParams{Chart: v.chart(c.ID), Social: socialParam(v.cards.Embed(c)), Canonical: embedCanonical(c)},
	}
}

// ChartPage is the page that shows a chart, relative to the language
// root (industries/x/), for what cites the chart where it is.
func ChartPage(c *charts.Chart) (string, bool) { return chartPage(c) }
