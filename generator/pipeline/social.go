package pipeline

import (
	"fmt"
	"image"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/cards"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/pngpalette"
	"github.com/hunan-industry/plan-site/generator/socialfont"
)

// socialCacheDir is the render cache of every drawn image (the social
// cards and the chart downloads' PNGs, as palette PNGs), keyed by its SVG
// (laid out in Go: the texts and the chart), its size, the rasteriser, the
// font files, the resvg version and the palette settings. A build in which
// no picture changed draws none; a picture does not depend on the rest of
// the batch.
const socialCacheDir = "social-cache"

// rasterInputs are the files, besides a picture's SVG, that decide its
// PNG; relative to the project root.
var rasterInputs = append([]string{
	filepath.Join("scripts", "rasterise.mjs"),
	filepath.Join("scripts", "manifest.mjs"),
	filepath.Join("node_modules", "@resvg", "resvg-js", "package.json"),
}, socialfont.Files...)

// picture is one image to draw: its SVG and where its PNG goes.
type picture struct {
	svg           []byte
	out           string // absolute
	width, height int    // of the PNG
	key           string
}

// writeImages lays out and draws the pictures made around the charts,
// into the generated assets where Hugo finds them:
//   - the social preview image of every page that has one
//     (cards.SocialCards), 1200 × 630, at social/<lang>/<name>.png;
//   - every chart's download (cards.ChartDownloads): the chart with its
//     credit lines, at chart-downloads/<lang>/<id>.svg and, drawn at
//     assetpath.DownloadScale, .png.
//
// Go lays each out as a whole SVG (package cards); node
// scripts/rasterise.mjs draws those the cache lacks, in one batch, and
// hands over their pixels; Go makes palette PNGs of them (package
// pngpalette). siteURL is the site's
// address, which the pictures credit; day (YYYY-MM-DD) dates the chart
// downloads. It needs the charts' SVGs (writeCharts).
func writeImages(p *plan.Plan, cs []*charts.Chart, assets, root, siteURL, day string, progress func(string, ...any)) error {
	font, err := socialfont.Load(root)
	if err != nil {
		return err
	}
	layout := cards.New(font)
	host := siteHost(siteURL)
	chartSVG := func(l plan.Lang, id string) ([]byte, error) {
		return os.ReadFile(filepath.Join(assets, assetpath.ChartFiles(l, id)+".svg"))
	}
	if err := os.RemoveAll(filepath.Join(assets, assetpath.SocialDir)); err != nil {
		return err
	}

	var pics []picture
	socialCards := cards.SocialCards(p, cs)
	for _, c := range socialCards {
		chart, err := chartSVG(c.Lang, c.Chart)
		if err != nil {
			return fmt.Errorf("social image %s (%s): chart %s: %w", c.Name, c.Lang, c.Chart, err)
		}
		// The band names the edition; the address goes under the footer.
		svg, err := layout.Social(cards.Card{
			Lang: string(c.Lang), Edition: c.Edition, Title: c.Title, Subtitle: c.Subtitle, Footer: strings.Split(c.Footer, "\n"),
			Credit: host, Chart: chart, Keep: []string{p.Document.Notice.Number.In(c.Lang)},
		})
		if err != nil {
			return fmt.Errorf("social image %s (%s): %w", c.Name, c.Lang, err)
		}
		pics = append(pics, picture{svg: svg, out: filepath.Join(assets, filepath.FromSlash(assetpath.SocialImage(c.Lang, c.Name))),
			width: cards.SocialWidth, height: cards.SocialHeight})
	}
	downloads := cards.ChartDownloads(cs)
	downloadDir := filepath.Join(assets, assetpath.DownloadsDir)
	downloadSVGs := map[string][]byte{}
	for _, d := range downloads {
		chart, err := chartSVG(d.Lang, d.Chart)
		if err != nil {
			return fmt.Errorf("chart download %s (%s): %w", d.Chart, d.Lang, err)
		}
		date, err := cards.DateText(d.Lang, day)
		if err != nil {
			return fmt.Errorf("chart download %s (%s): the date: %w", d.Chart, d.Lang, err)
		}
		svg, w, h, err := layout.Download(cards.Download{Lang: string(d.Lang), Credit: nonEmpty(d.Credit, host, date), Notes: d.Notes, Chart: chart})
		if err != nil {
			return fmt.Errorf("chart download %s (%s): %w", d.Chart, d.Lang, err)
		}
		base := filepath.Join(assets, filepath.FromSlash(assetpath.ChartDownloadFiles(d.Lang, d.Chart)))
		rel, err := filepath.Rel(downloadDir, base)
		if err != nil {
			return err
		}
		downloadSVGs[rel+".svg"] = svg
		pics = append(pics, picture{svg: svg, out: base + ".png", width: w * assetpath.DownloadScale, height: h * assetpath.DownloadScale})
	}

	// The PNGs, not named here, go too: drawPictures links them afresh.
	if err := writeTree(downloadSVGs, downloadDir); err != nil {
		return err
	}
	n, err := drawPictures(root, pics)
	if err != nil {
		return err
	}
	progress("drawing %d images: %d social cards, %d chart downloads (%d from the cache)", len(pics), len(socialCards), len(downloads), len(pics)-n)
	return nil
}

// drawPictures writes each picture's PNG: from the cache when it holds the
// PNG of that exact SVG and size, else drawn. It returns how many it drew.
func drawPictures(root string, pics []picture) (int, error) {
	cache, err := openCache(root, socialCacheDir, rasterInputs, nil)
	if err != nil {
		return 0, fmt.Errorf("image rasteriser input: %w", err)
	}
	palettes := []byte(fmt.Sprintf("palette %d %+v", pngpalette.Version, pngpalette.Site))
	var todo []*picture
	for i := range pics {
		pic := &pics[i]
		pic.key = cache.key(".png", palettes, []byte(fmt.Sprintf("%d×%d", pic.width, pic.height)), pic.svg)
		if err := os.MkdirAll(filepath.Dir(pic.out), 0o755); err != nil {
			return 0, err
		}
		if cache.link(pic.key, pic.out) {
			continue
		}
		todo = append(todo, pic)
	}

	if len(todo) > 0 {
		tmp, err := os.MkdirTemp(filepath.Join(root, GeneratedDir), ".raster-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(tmp)
		// Each SVG once, however many pictures share it. The rasteriser
		// hands over the pixels (out "-"), and Go makes the palette PNGs as
		// they come, on every core, while resvg draws the next ones.
		var jobs []scriptJob
		var first []*picture
		queued := map[string]bool{}
		for _, pic := range todo {
			if queued[pic.key] {
				continue
			}
			queued[pic.key] = true
			first = append(first, pic)
			in := filepath.Join(tmp, pic.key+".svg")
			if err := os.WriteFile(in, pic.svg, 0o644); err != nil {
				return 0, err
			}
			rel, err := filepath.Rel(root, in)
			if err != nil {
				return 0, err
			}
			jobs = append(jobs, scriptJob{In: filepath.ToSlash(rel), Out: "-", Width: pic.width, Height: pic.height})
		}
		fonts := make([]string, len(socialfont.Files))
		for i, f := range socialfont.Files {
			fonts[i] = filepath.ToSlash(f)
		}
		outs := make([][]byte, len(first))
		err = streamScript(root, "rasterise.mjs", "raster", map[string]any{"fonts": fonts, "family": socialfont.Family}, jobs,
			func(i int, img *image.NRGBA) (err error) {
				outs[i], err = pngpalette.Encode(img, pngpalette.Site)
				return err
			})
		if err != nil {
			return 0, err
		}
		for i, b := range outs {
			if err := cache.put(first[i].key, b); err != nil {
				return 0, err
			}
		}
		for _, pic := range todo {
			if !cache.link(pic.key, pic.out) {
				return 0, fmt.Errorf("no palette PNG for %s", pic.out)
			}
		}
	}
	return len(todo), cache.prune()
}

// siteHost is the site's address as the pictures print it: host and path,
// without the scheme or the final slash (plan.example.org).
func siteHost(siteURL string) string {
	u, err := url.Parse(siteURL)
	if err != nil || u.Host == "" {
		return strings.TrimSuffix(siteURL, "/")
	}
	return strings.TrimSuffix(u.Host+u.Path, "/")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
