package pipeline

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/cards"
	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"

	xhtml "golang.org/x/net/html"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/socialfont"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// socialMeta reads a page's Open Graph and Twitter <meta> tags, by
// property or name.
func socialMeta(t *testing.T, file string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "meta" {
			var key, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "property", "name":
					key = a.Val
				case "content":
					content = a.Val
				}
			}
			if strings.HasPrefix(key, "og:") || strings.HasPrefix(key, "twitter:") {
				out[key] = content
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestSocialImages: every industry, city and embed page and the home page,
// in both languages, names a preview image that exists in the site, is a
// PNG of 1200 × 630 and is described; Twitter shows it large.
func TestSocialImages(t *testing.T) {
	dir := siteDir(t)
	p, err := plan.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	for _, prefix := range []string{"", "en/"} {
		counts := map[string]int{}
		pages := []string{prefix + "index.html"}
		for _, section := range []string{"industries", "cities", "embed"} {
			found, err := filepath.Glob(filepath.Join(dir, prefix+section, "*", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			counts[section] = len(found)
			for _, f := range found {
				rel, _ := filepath.Rel(dir, f)
				pages = append(pages, filepath.ToSlash(rel))
			}
		}
		if counts["industries"] != len(p.Industries) || counts["cities"] != len(p.Cities) || counts["embed"] == 0 {
			t.Errorf("/%s: %d industry, %d city and %d embed pages; want %d, %d and some", prefix, counts["industries"], counts["cities"], counts["embed"], len(p.Industries), len(p.Cities))
		}
		images := map[string]string{}
		for _, page := range pages {
			m := socialMeta(t, filepath.Join(dir, page))
			img := m["og:image"]
			if !strings.HasPrefix(img, testURL) || !strings.HasSuffix(img, ".png") {
				t.Errorf("%s: og:image %q, want an absolute URL of a PNG on %s", page, img, testURL)
				continue
			}
			// Each page has its own image, but an embed page whose chart
			// has a page card (an industry's or a city's map, the overview)
			// shows that card: the same chart.
			name := strings.TrimSuffix(path.Base(img), ".png")
			if id, ok := strings.CutPrefix(path.Dir(page), prefix+"embed/"); ok && name != "embed-"+id {
				if want := map[bool]string{true: "home", false: id}[id == "overview"]; name != want ||
					!strings.HasPrefix(id, "industry-") && !strings.HasPrefix(id, "city-") && id != "overview" {
					t.Errorf("%s shows the card %s, want its own or its chart's page's", page, name)
				}
			} else if other, ok := images[img]; ok {
				t.Errorf("%s and %s share the image %s", page, other, img)
			} else {
				images[img] = page
			}
			for k, want := range map[string]string{
				"twitter:card": "summary_large_image", "twitter:image": img,
				"og:image:width": "1200", "og:image:height": "630", "og:image:type": "image/png",
			} {
				if m[k] != want {
					t.Errorf("%s: %s is %q, want %q", page, k, m[k], want)
				}
			}
			if strings.TrimSpace(m["og:image:alt"]) == "" {
				t.Errorf("%s: no og:image:alt", page)
			}
			f, err := os.Open(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(img, testURL))))
			if err != nil {
				t.Errorf("%s: og:image is not in the site: %v", page, err)
				continue
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			if err != nil {
				t.Errorf("%s: %s: %v", page, img, err)
			} else if cfg.Width != 1200 || cfg.Height != 630 {
				t.Errorf("%s: %s is %d × %d, want 1200 × 630", page, img, cfg.Width, cfg.Height)
			}
		}
		// The image is in the page's language.
		if img := socialMeta(t, filepath.Join(dir, prefix+"index.html"))["og:image"]; !strings.Contains(img, "/social/"+map[string]string{"": "zh", "en/": "en"}[prefix]+"/") {
			t.Errorf("/%s: home image %s is not in the page's language", prefix, img)
		}
	}
}

var svgText = regexp.MustCompile(`<(?:text|tspan)\b[^>]*>([^<]*)<`)

// TestChartTextInFont checks what the charts really show (ECharts adds
// text of its own: axis numbers, shortened labels) against the font of the
// social images, which draws the charts' SVGs.
func TestChartTextInFont(t *testing.T) {
	root := filepath.Dir(siteDir(t))
	svgs, err := filepath.Glob(filepath.Join(root, GeneratedDir, "assets", "chart-files", "*", "*.svg"))
	if err != nil || len(svgs) == 0 {
		t.Fatalf("no chart SVGs in the built project (%v)", err)
	}
	var texts []string
	for _, f := range svgs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range svgText.FindAllStringSubmatch(string(b), -1) {
			texts = append(texts, html.UnescapeString(m[1]))
		}
	}
	font, err := socialfont.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	if msg := socialfont.Report(font.Missing(texts...)); msg != "" {
		t.Error(msg)
	}
}

// TestSocialCache: a second run over the same input draws nothing and
// gives the same images.
func TestSocialCache(t *testing.T) {
	// A copy of the fixture's project with what its build generated: the
	// second run writes, and the fixture is read by other tests.
	root := projectCopy(t)
	if err := copyTree(filepath.Join(filepath.Dir(siteDir(t)), GeneratedDir), filepath.Join(root, GeneratedDir)); err != nil {
		t.Fatal(err)
	}
	p, err := plan.Load(filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := charts.All(p)
	if err != nil {
		t.Fatal(err)
	}
	assets := filepath.Join(root, GeneratedDir, "assets")
	before := sitefixture.TreeHash(t, filepath.Join(assets, "social"))
	var log strings.Builder
	progress := func(format string, args ...any) { fmt.Fprintf(&log, format+"\n", args...) }
	// The fixture's date, not the copy's: the fixture may have been built
	// from another checkout, whose files (and so lastUpdated) are older.
	day := lastUpdated(filepath.Dir(siteDir(t)))
	if err := writeImages(p, cs, assets, root, testURL, day, progress); err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`drawing (\d+) images: .* \((\d+) from the cache\)`).FindStringSubmatch(log.String()); m == nil || m[1] != m[2] {
		t.Errorf("second run: %q, want every image from the cache", log.String())
	}
	if after := sitefixture.TreeHash(t, filepath.Join(assets, "social")); after != before {
		t.Error("the images from the cache differ from the ones drawn")
	}
}

// TestChartDownloads: every chart on every page offers its PNG, SVG and CSV
// as plain links (no script button) to files in the site; the PNG is the
// download SVG drawn at assetpath.DownloadScale, a palette PNG; and both carry
// the chart's title and source line, the site's name and address, the
// date, and on English charts that the English is an unofficial
// translation.
func TestChartDownloads(t *testing.T) {
	dir := siteDir(t)
	root := filepath.Dir(dir)
	p, err := plan.Load(filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := charts.All(p)
	if err != nil {
		t.Fatal(err)
	}
	day, err := cards.DateText(plan.EN, lastUpdated(root))
	if err != nil {
		t.Fatal(err)
	}
	zhDay, _ := cards.DateText(plan.ZH, lastUpdated(root))
	host := siteHost(testURL)
	figureRE := regexp.MustCompile(`(?s)<figure class="chart[^"]*" id="chart-([^"]+)".*?</figure>`)
	linkRE := regexp.MustCompile(`<a href="([^"]+)" download="([^"]+)\.(png|svg|csv)">([^<]+)</a>`)
	checked := map[string]bool{}
	for _, l := range plan.Langs {
		pagesDir := dir
		if l == plan.EN {
			pagesDir = filepath.Join(dir, "en")
		}
		for _, page := range []string{"index.html", "layout/index.html", "targets/index.html", "industries/health/index.html", "cities/xiangxi/index.html", "charts/index.html"} {
			b, err := os.ReadFile(filepath.Join(pagesDir, page))
			if err != nil {
				t.Fatal(err)
			}
			html := string(b)
			if strings.Contains(html, "chart-png") {
				t.Errorf("%s/%s: a PNG button made by script is still offered", l, page)
			}
			blocks := figureRE.FindAllStringSubmatch(html, -1)
			if page == "charts/index.html" {
				blocks = regexp.MustCompile(`(?s)<li id="([^"]+)">.*?</li>`).FindAllStringSubmatch(html, -1)
			}
			if len(blocks) == 0 {
				t.Fatalf("%s/%s: no chart found", l, page)
			}
			for _, m := range blocks {
				id := m[1]
				links := linkRE.FindAllStringSubmatch(m[0], -1)
				if len(links) != 3 {
					t.Errorf("%s/%s: chart %s offers %d download links, want PNG, SVG and CSV", l, page, id, len(links))
					continue
				}
				for _, ln := range links {
					if ln[2] != id {
						t.Errorf("%s/%s: %s saves as %q", l, page, ln[1], ln[2]+"."+ln[3])
					}
					// The link says what the file is: an image, or the data.
					if want := uitext.In(l, map[string]string{"png": "dl_chartPNG", "svg": "dl_chartSVG", "csv": "embedData"}[ln[3]]); ln[4] != want {
						t.Errorf("%s/%s: chart %s: the %s link reads %q, want %q", l, page, id, ln[3], ln[4], want)
					}
					if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(ln[1], "/")))); err != nil {
						t.Errorf("%s/%s: chart %s: %s is not in the site", l, page, id, ln[1])
					}
				}
				checked[string(l)+"/"+id] = true
			}
		}
	}
	if len(checked) < 20 {
		t.Fatalf("only %d charts checked", len(checked))
	}

	// The files themselves, for every chart.
	for _, c := range cs {
		base := filepath.Join(dir, filepath.FromSlash(assetpath.ChartDownloadFiles(c.Lang, c.ID)))
		svg, err := os.ReadFile(base + ".svg")
		if err != nil {
			t.Error(err)
			continue
		}
		var texts []string
		for _, m := range svgText.FindAllStringSubmatch(string(svg), -1) {
			texts = append(texts, html.UnescapeString(m[1]))
		}
		text := strings.Join(texts, " ")
		want := []string{c.Title, host, map[plan.Lang]string{plan.ZH: zhDay, plan.EN: day}[c.Lang],
			cards.SiteName(c.Lang), charts.Credit(c.Lang),
			p.Document.Notice.Number.In(c.Lang)}
		if c.Lang == plan.EN {
			want = append(want, "unofficial translation")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s (%s): the download SVG lacks %q", c.ID, c.Lang, w)
			}
		}
		f, err := os.Open(base + ".png")
		if err != nil {
			t.Error(err)
			continue
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Errorf("%s (%s): %v", c.ID, c.Lang, err)
			continue
		}
		if _, ok := img.(*image.Paletted); !ok {
			t.Errorf("%s (%s): the PNG is %T, want a palette PNG", c.ID, c.Lang, img)
		}
		m := regexp.MustCompile(`^<svg [^>]*width="(\d+)" height="(\d+)"`).FindStringSubmatch(string(svg))
		if m == nil || fmt.Sprint(img.Bounds().Dx()) != fmt.Sprint(atoi(m[1])*assetpath.DownloadScale) || fmt.Sprint(img.Bounds().Dy()) != fmt.Sprint(atoi(m[2])*assetpath.DownloadScale) {
			t.Errorf("%s (%s): the PNG is %v, want the SVG's size %v × %d", c.ID, c.Lang, img.Bounds().Size(), m, assetpath.DownloadScale)
		}
	}
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}
