package pages

import (
	"fmt"
	"time"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// SocialCard is a page's preview image for links shared on social media
// (Open Graph, Twitter): a 1200 × 630 card with the page's title, a
// subtitle, the site's name and the document it is based on beside the
// page's chart. The build lays it out (generator/cards), adds the site's
// address under the footer, and draws it to the assets path
// assetpath.SocialImage(Lang, Name).
type SocialCard struct {
	Name     string // home, industry-<slug>, city-<code>, embed-<chart id>
	Lang     plan.Lang
	Title    string
	Subtitle string // the layout shortens it to the room it has
	Footer   string // lines, one per "\n": the site's name (its credit), then the document it is based on
	Chart    string // the chart it shows, by id
	Alt      string // what the image shows, for og:image:alt
}

// SiteName is the edition's name, which every card carries as its credit.
func SiteName(l plan.Lang) string { return uitext.In(l, "siteName") }

// ChartDownload is what a chart's download files (a PNG and an SVG, drawn
// at build time under assetpath.ChartDownloadFiles) carry under the chart, whose own
// title, source line and 制图 credit they keep: a credit line (the site's
// name; the build adds its address and the date), then notes.
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
		d := ChartDownload{Lang: c.Lang, Chart: c.ID, Credit: SiteName(c.Lang)}
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

// SocialCards lists the card of every page that has one, in both languages:
// the home page (the overview map), each industry, each city and each
// chart's embed page — but an embed page whose chart has a page card of
// its own (an industry's or a city's map, the overview) shows that card:
// the same chart, drawn once. Their texts are the pages' own.
func SocialCards(p *plan.Plan, cs []*charts.Chart) []SocialCard {
	var out []SocialCard
	for _, l := range plan.Langs {
		v := newView(p, l, cs)
		out = append(out, v.homeCard())
		for _, ind := range p.Industries {
			out = append(out, v.industryCard(ind))
		}
		for _, c := range p.Cities {
			out = append(out, v.cityCard(c))
		}
		for _, c := range v.languageCharts() {
			if card := v.embedCard(c); card.Name == "embed-"+c.ID {
				out = append(out, card)
			}
		}
	}
	return out
}

// socialParam is what a page's front matter says of its card (the social
// partial reads it).
func (v *view) socialParam(c SocialCard) Social {
	return Social{Image: assetpath.SocialImage(c.Lang, c.Name), Alt: c.Alt}
}

// card fills in what every card of the language shares.
func (v *view) card(name, title, subtitle, chart string) SocialCard {
	d := v.p.Document
	c := SocialCard{
		Name: name, Lang: v.l, Title: title, Subtitle: subtitle, Chart: chart,
		Footer: fmt.Sprintf(uitext.In(v.l, "go_card_footer"), SiteName(v.l), v.t(d.ReaderTitle), v.t(d.Notice.Number)),
	}
	if ch := v.chart(chart); ch != nil {
		c.Alt = ch.Summary
	}
	return c
}

func (v *view) homeCard() SocialCard {
	d := v.p.Document
	c := v.card("home", v.t(d.ReaderTitle), "", "overview")
	c.Subtitle = c.Alt
	return c
}

func (v *view) industryCard(ind *plan.Industry) SocialCard {
	return v.card(charts.IndustryMapID(ind.Slug.Value), v.t(ind.Name), v.t(ind.Tier.Name), charts.IndustryMapID(ind.Slug.Value))
}

func (v *view) cityCard(c *plan.City) SocialCard {
	return v.card(charts.CityMapID(c.Code.Value), v.t(c.Name), v.t(c.Full)+" · "+v.t(c.Group.Name), charts.CityMapID(c.Code.Value))
}

func (v *view) embedCard(c *charts.Chart) SocialCard {
	switch c.Kind {
	case charts.Overview:
		return v.homeCard()
	case charts.IndustryMap:
		for _, ind := range v.p.Industries {
			if ind.Slug.Value == c.Subject {
				return v.industryCard(ind)
			}
		}
	case charts.CityMap:
		for _, city := range v.p.Cities {
			if city.Code.Value == c.Subject {
				return v.cityCard(city)
			}
		}
	}
	return v.card("embed-"+c.ID, c.Title, c.Summary, c.ID)
}
