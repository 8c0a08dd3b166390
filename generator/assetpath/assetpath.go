// Package assetpath names where the build puts the files it makes for Hugo
// to publish as they are, under the generated assets folder (mounted as
// Hugo's assets, published from the site's root): each chart's files, its
// downloads and the social images. The pages that link to them, the
// pipeline that writes them and the checks that read them take the paths
// from here.
package assetpath

import "github.com/hunan-industry/plan-site/generator/plan"

// The folders of the generated assets that hold the charts' files, their
// downloads and the social images (ChartFiles, ChartDownloadFiles,
// SocialImage).
const (
	ChartFilesDir = "chart-files"
	DownloadsDir  = "chart-downloads"
	SocialDir     = "social"
)

// ChartFiles is where a chart's files go: <path>.svg (the build-time
// drawing), .json (its option), and .narrow.svg and .narrow.json for a
// phone layout. Its data is a download (ChartData).
func ChartFiles(lang plan.Lang, id string) string {
	return ChartFilesDir + "/" + string(lang) + "/" + id
}

// DataDir is the site's folder of data downloads (/data/): the exports,
// the data package that describes them, and each chart's CSV (ChartData).
const DataDir = "data"

// ChartData is where a chart's CSV goes within DataDir: a resource of the
// data package beside the files it is cut from.
func ChartData(lang plan.Lang, id string) string {
	return "charts/" + string(lang) + "/" + id + ".csv"
}

// ChartDownloadFiles is where a chart's download files go: <path>.png and
// <path>.svg, the wide drawing with its credit lines.
func ChartDownloadFiles(lang plan.Lang, id string) string {
	return DownloadsDir + "/" + string(lang) + "/" + id
}

// DownloadScale is how much larger than its design size a chart's PNG
// download is drawn: sharp on high-density screens and in print at column
// width (a 560 px map becomes 1120 px wide). The gallery shows the SVG at
// the PNG's size over this.
const DownloadScale = 2

// SocialImage is where a social card's PNG goes, by the card's name.
func SocialImage(lang plan.Lang, name string) string {
	return SocialDir + "/" + string(lang) + "/" + name + ".png"
}

// CiteDir is the folder of the generated assets that holds the citation
// files (CiteFile) and each language's index of them (CiteIndex).
const CiteDir = "cite"

// CiteFile is where a work's citation file in a format goes, by the
// work's key (plan, page-industries-x, chart-<id>) and the file's
// extension (bib, ris, json): a folder per format, so that the header
// policy types each folder with one rule.
func CiteFile(lang plan.Lang, key, ext string) string {
	return CiteDir + "/" + string(lang) + "/" + ext + "/" + key + "." + ext
}

// CiteIndex is the index the templates read a language's citations from:
// texts, files and Highwire tags by page and chart. Hugo reads it and
// publishes only the files the pages link to.
func CiteIndex(lang plan.Lang) string {
	return CiteDir + "/" + string(lang) + "/index.json"
}

// ChartAddress is the address that names one chart of a page: the query
// reaches the server (a CMS's oEmbed request answers with that chart, see
// netlify.toml), the fragment takes a reader to it.
func ChartAddress(page, id string) string {
	return page + "?chart=" + id + "#chart-" + id
}
