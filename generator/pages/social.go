package pages

import (
	"fmt"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// SocialCard is a page's preview image for links shared on social media
// (Open Graph, Twitter): a 1200 × 630 card with the page's title, a
// subtitle and the plan's name and number beside the page's chart. The
// build draws it (scripts/render-social.mjs) to the assets path
// SocialImage(Lang, Name).
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

// SocialImage is where a card's PNG goes, under the generated assets.
func SocialImage(lang plan.Lang, name string) string {
	return "social/" + string(lang) + "/" + name + ".png"
}

// SocialCards lists the card of every page that has one, in both languages:
// the home page (the overview map), each industry, each city and each
// chart's embed page. Their texts are the pages' own.
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
			out = append(out, v.embedCard(c))
		}
	}
	return out
}

// socialParam is what a page's front matter says of its card (the social
// partial reads it).
func (v *view) socialParam(c SocialCard) map[string]any {
	return map[string]any{"image": SocialImage(c.Lang, c.Name), "alt": c.Alt}
}

// card fills in what every card of the language shares.
func (v *view) card(name, title, subtitle, chart string) SocialCard {
	d := v.p.Document
	c := SocialCard{
		Name: name, Lang: v.l, Title: title, Subtitle: subtitle, Chart: chart,
		Footer: fmt.Sprintf(uitext.In(v.l, "go_card_footer"), SiteName(v.l), v.t(d.Notice.Issuer), v.t(d.ReaderTitle), v.t(d.Notice.Number)),
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
	return v.card("embed-"+c.ID, c.Title, c.Summary, c.ID)
}
