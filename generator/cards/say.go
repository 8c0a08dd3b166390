package cards

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// What the pictures say: the texts of each social card and chart
// download, made from the plan and its charts. The pages take a card's
// image path and alt text from here, the pipeline lays the cards out and
// draws them (Layout), and the font subset is made to cover Texts.

// SocialCard is a page's preview image for links shared on social media
// (Open Graph, Twitter): a 1200 × 630 card with the edition's name across
// the top, the page's title, a subtitle and the document it is based on
// beside the page's chart. The build lays it out (Layout.Social), adds the
// site's address under the footer, and draws it to Image.
type SocialCard struct {
	Name     string // home, industry-<slug>, city-<code>, embed-<chart id>
	Lang     plan.Lang
	Edition  string // the edition's name (SiteName), which says it is unofficial
	Title    string
	Subtitle string // the layout shortens it to the room it has
	Footer   string // lines, one per "\n": the document it is based on
	Chart    string // the chart it shows, by id
	Alt      string // what the image shows, for og:image:alt
}

// Image is where the card's PNG goes, under the generated assets.
func (c SocialCard) Image() string { return assetpath.SocialImage(c.Lang, c.Name) }

// SiteName is the edition's name, which every card carries as its credit.
func SiteName(l plan.Lang) string { return uitext.In(l, "siteName") }

// ChartDownload is what a chart's download files (a PNG and an SVG, drawn
// at build time under assetpath.ChartDownloadFiles) carry under the chart,
// whose own title, source line and credit (制图, the site's name) they
// keep: a credit line (the build adds the site's address and the date;
// the name, said in the chart's own credit, is not said twice), then notes.
type ChartDownload struct {
	Lang   plan.Lang
	Chart  string // by id
	Credit string
	Notes  []string
}

// ChartDownloads lists the download of every chart, in both languages; an
// English chart says that the English is an unofficial translation.
func ChartDownloads(cs []*charts.Chart) []ChartDownload {
	var out []ChartDownload
	for _, c := range cs {
		d := ChartDownload{Lang: c.Lang, Chart: c.ID}
		if c.Lang != plan.ZH {
			d.Notes = append(d.Notes, uitext.In(c.Lang, "unofficialTranslation"))
		}
		out = append(out, d)
	}
	return out
}

// DateText writes a YYYY-MM-DD date as each language writes it in running
// text (as the footer's "last updated" does): 2023年11月24日, 24 November 2023.
func DateText(l plan.Lang, day string) (string, error) {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return "", err
	}
	if l == plan.ZH {
		return t.Format("2006年1月2日"), nil
	}
	return t.Format("2 January 2006"), nil
}

// Words makes the cards of one language.
type Words struct {
	p  *plan.Plan
	l  plan.Lang
	cs []*charts.Chart
}

// WordsIn makes the cards of the language l, whose charts are among cs.
func WordsIn(p *plan.Plan, l plan.Lang, cs []*charts.Chart) *Words {
	return &Words{p: p, l: l, cs: cs}
}

// SocialCards lists the card of every page that has one, in both languages:
// the home page (the overview map), each industry, each city and each
// chart's embed page — but an embed page whose chart has a page card of
// its own (an industry's or a city's map, the overview) shows that card:
// the same chart, drawn once. Their texts are the pages' own.
func SocialCards(p *plan.Plan, cs []*charts.Chart) []SocialCard {
	var out []SocialCard
	for _, l := range plan.Langs {
		w := WordsIn(p, l, cs)
		out = append(out, w.Home())
		for _, ind := range p.Industries {
			out = append(out, w.Industry(ind))
		}
		for _, c := range p.Cities {
			out = append(out, w.City(c))
		}
		for _, c := range cs {
			if c.Lang != l {
				continue
			}
			if card := w.Embed(c); card.Name == "embed-"+c.ID {
				out = append(out, card)
			}
		}
	}
	return out
}

func (w *Words) t(t plan.Text) string { return t.In(w.l) }

// card fills in what every card of the language shares.
func (w *Words) card(name, title, subtitle, chart string) SocialCard {
	d := w.p.Document
	c := SocialCard{
		Name: name, Lang: w.l, Edition: SiteName(w.l), Title: title, Subtitle: subtitle, Chart: chart,
		Footer: fmt.Sprintf(uitext.In(w.l, "go_card_footer"), w.t(d.Title), w.t(d.Notice.Number)),
	}
	for _, ch := range w.cs {
		if ch.ID == chart && ch.Lang == w.l {
			c.Alt = ch.Summary
			break
		}
	}
	return c
}

// Home is the home page's card: the overview map.
func (w *Words) Home() SocialCard {
	d := w.p.Document
	c := w.card("home", w.t(d.Title), "", charts.OverviewID())
	c.Subtitle = c.Alt
	return c
}

// Industry is an industry page's card: its map.
func (w *Words) Industry(ind *plan.Industry) SocialCard {
	return w.card(charts.IndustryMapID(ind.Slug.Value), w.t(ind.Name), w.t(ind.Tier.Name), charts.IndustryMapID(ind.Slug.Value))
}

// City is a city page's card: its map.
func (w *Words) City(c *plan.City) SocialCard {
	return w.card(charts.CityMapID(c.Code.Value), w.t(c.Name), w.t(c.Full)+" · "+w.t(c.Group.Name), charts.CityMapID(c.Code.Value))
}

// Embed is a chart's embed page's card: the card of the page the chart is
// drawn for, where it has one, else the chart's own.
func (w *Words) Embed(c *charts.Chart) SocialCard {
	switch c.Kind {
	case charts.Overview:
		return w.Home()
	case charts.IndustryMap:
		for _, ind := range w.p.Industries {
			if ind.Slug.Value == c.Subject {
				return w.Industry(ind)
			}
		}
	case charts.CityMap:
		for _, city := range w.p.Cities {
			if city.Code.Value == c.Subject {
				return w.City(city)
			}
		}
	}
	return w.card("embed-"+c.ID, c.Title, c.Summary, c.ID)
}

// Texts are the texts that the build-time images can show, for the font
// subset to cover (package socialfont): each card's band, title, subtitle
// and footer, each chart download's credit lines and date, and every string
// of every chart's option (the charts' SVGs draw their text from these),
// in both languages.
func Texts(p *plan.Plan, cs []*charts.Chart) ([]string, error) {
	var out []string
	for _, c := range SocialCards(p, cs) {
		out = append(out, c.Edition, c.Title, c.Subtitle, c.Footer)
	}
	for _, d := range ChartDownloads(cs) {
		out = append(out, d.Credit)
		out = append(out, d.Notes...)
		// The date, as any day of any year would be written.
		out = append(out, "0123456789年月日 January February March April May June July August September October November December")
	}
	for _, c := range cs {
		out = append(out, c.Title, c.Summary)
		// Through JSON, so that every string in the option's nested maps,
		// slices and go-echarts structs is reached.
		b, err := c.JSON()
		if err != nil {
			return nil, err
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("chart %s (%s): %w", c.ID, c.Lang, err)
		}
		out = appendStrings(out, v)
	}
	return out, nil
}

func appendStrings(out []string, v any) []string {
	switch v := v.(type) {
	case string:
		out = append(out, v)
	case []any:
		for _, e := range v {
			out = appendStrings(out, e)
		}
	case map[string]any:
		for _, e := range v {
			out = appendStrings(out, e)
		}
	}
	return out
}
