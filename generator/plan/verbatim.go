package plan

import (
	"fmt"
	"strings"
)

// Units are the plan's words by the id a page marks them with
// (data-plan="…"): every block of the full text under its anchor, and
// the fixed texts and text cells of both attachments. Each is the Chinese
// the coverage check has proved to be the source's (data/source/), so a
// page element that shows a unit can be compared with it character for
// character.
func (p *Plan) Units() map[string]string {
	u := map[string]string{}
	for _, b := range p.FullText() {
		u[b.ID] = b.Text.ZH
	}
	a := p.Document.Attachments
	u[UnitLayoutTitle] = a.Layout.Title.ZH
	u[UnitLayoutTierHeader] = a.Layout.TierHeader.ZH
	u[UnitLayoutIndustryHeader] = a.Layout.IndustryHead.ZH
	u[UnitLayoutCountHeader] = a.Layout.CountHeader.ZH
	u[UnitLayoutTotalLabel] = a.Layout.TotalLabel.ZH
	u[UnitLayoutNote] = a.Layout.Note.ZH
	for _, g := range p.Document.General.Regions.Groups {
		u[LayoutGroupUnit(g)] = g.Short.ZH
	}
	for _, c := range p.Cities {
		u[LayoutCityUnit(c)] = c.Name.ZH
	}
	for _, t := range p.Document.Tiers {
		u[LayoutTierUnit(t)] = LayoutTierCell(t).ZH
	}
	u[UnitKeyPointsLabel] = a.Attachment2.Label.ZH
	u[UnitKeyPointsTitle] = a.Attachment2.Title.ZH
	for i, c := range a.Attachment2.Columns {
		u[KeyPointsColumnUnit(i)] = c.ZH
	}
	for _, ind := range p.Industries {
		u[LayoutIndustryUnit(ind)] = LayoutIndustryCell(ind).ZH
		kp := ind.KeyPoints
		u[KeyPointsUnit(ind, "tier")] = ind.Tier.Name.ZH
		u[KeyPointsUnit(ind, "name")] = ind.Name.ZH
		u[KeyPointsUnit(ind, "goal")] = kp.Goal.ZH
		u[KeyPointsUnit(ind, "products")] = kp.Products.ZH
		u[KeyPointsUnit(ind, "technologies")] = kp.Technologies.ZH
		u[KeyPointsUnit(ind, "enterprises")] = kp.Enterprises.ZH
		u[KeyPointsUnit(ind, "cities")] = kp.Cities.Value
	}
	return u
}

// Passages are the units of running text, by id: the full text's
// paragraphs, numbered items and units lines, and attachment 2's text
// cells; the rest are headings, names and labels, which interface text
// may repeat (a source line names the issuing office, a table heads a
// column with an industry's name).
func (p *Plan) Passages() []string {
	var ids []string
	for _, b := range p.FullText() {
		if b.Kind == Paragraph || b.Kind == NumberedItem || b.Kind == Units {
			ids = append(ids, b.ID)
		}
	}
	for _, ind := range p.Industries {
		for _, cell := range []string{"goal", "products", "technologies", "enterprises"} {
			ids = append(ids, KeyPointsUnit(ind, cell))
		}
	}
	return ids
}

// The ids of attachment 1's and attachment 2's fixed texts.
const (
	UnitLayoutTitle          = "layout-title"
	UnitLayoutTierHeader     = "layout-tier-header"
	UnitLayoutIndustryHeader = "layout-industry-header"
	UnitLayoutCountHeader    = "layout-count-header"
	UnitLayoutTotalLabel     = "layout-total-label"
	UnitLayoutNote           = "layout-note"
	UnitKeyPointsLabel       = "kp-label"
	UnitKeyPointsTitle       = "kp-title"
)

// LayoutGroupUnit is a regional group's header cell in attachment 1: 一核.
func LayoutGroupUnit(g *RegionGroup) string { return "layout-group-" + g.ID.Value }

// LayoutCityUnit is a city's header cell in attachment 1: 湘西自治州.
func LayoutCityUnit(c *City) string { return "layout-city-" + c.Code.Value }

// LayoutTierUnit is a tier's cell in attachment 1: A：传统产业.
func LayoutTierUnit(t *Tier) string { return "layout-" + TierAnchor(t) }

// LayoutIndustryUnit is an industry's cell in attachment 1: A1：现代石化.
func LayoutIndustryUnit(ind *Industry) string { return "layout-" + strings.ToLower(ind.Code.Value) }

// UnitsLineUnit is an industry's responsibility line in the full text:
// （责任单位：…）, also the line's anchor.
func UnitsLineUnit(ind *Industry) string { return ind.Slug.Value + "-units" }

// KeyPointsColumnUnit is attachment 2's column header i (from 0).
func KeyPointsColumnUnit(i int) string { return fmt.Sprintf("kp-col-%d", i+1) }

// KeyPointsUnit is one cell of an industry's row of attachment 2: tier,
// name, goal, products, technologies, enterprises or cities.
func KeyPointsUnit(ind *Industry, cell string) string {
	return "kp-" + strings.ToLower(ind.Code.Value) + "-" + cell
}

// LayoutTierCell is a tier's cell as attachment 1 prints it: A：传统产业.
func LayoutTierCell(t *Tier) Text {
	return Text{ZH: t.Code.Value + "：" + t.Name.ZH, EN: t.Code.Value + ": " + t.Name.EN}
}

// LayoutIndustryCell is an industry's cell as attachment 1 prints it:
// A1：现代石化.
func LayoutIndustryCell(ind *Industry) Text {
	return Text{ZH: ind.Code.Value + "：" + ind.Name.ZH, EN: ind.Code.Value + ": " + ind.Name.EN}
}
