package pages

import (
	"fmt"
	"maps"
	"strings"

	"github.com/hunan-industry/plan-site/generator/cards"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// view builds the pages of one language.
type view struct {
	p      *plan.Plan
	l      plan.Lang
	charts []*charts.Chart
	// downloads are the data files' sizes, by name.
	downloads map[string]int
	// updated is the edition's last update, YYYY-MM-DD.
	updated string
	// cards says what the pages' social cards show.
	cards *cards.Words
	// units are the plan's words by id (plan.Units), whitespace taken
	// out, sorted in unitIDs, worked out on first use (unitOf).
	units   map[string]string
	unitIDs []string
}

func newView(p *plan.Plan, l plan.Lang, cs []*charts.Chart) *view {
	return &view{p: p, l: l, charts: cs, cards: cards.WordsIn(p, l, cs)}
}

// t picks the view's language of a text.
func (v *view) t(t plan.Text) string { return t.In(v.l) }

// lines splits a multi-line text (a table cell) into its lines.
func (v *view) lines(t plan.Text) []string { return strings.Split(v.t(t), "\n") }

// Link is a reference to another page of the same language.
type Link struct {
	Path  string `json:"path"` // relative to the language root: industries/x/
	Title string `json:"title"`
	Code  string `json:"code,omitempty"`
}

func (v *view) industryLink(ind *plan.Industry) Link {
	return Link{Path: "industries/" + ind.Slug.Value + "/", Title: v.t(ind.Name), Code: ind.Code.Value}
}

func (v *view) cityLink(c *plan.City) Link {
	return Link{Path: "cities/" + c.Code.Value + "/", Title: v.t(c.Name), Code: c.Code.Value}
}

func (v *view) industryLinks(inds []*plan.Industry) []Link {
	out := []Link{}
	for _, ind := range inds {
		out = append(out, v.industryLink(ind))
	}
	return out
}

func (v *view) cityLinks(cs []*plan.City) []Link {
	out := []Link{}
	for _, c := range cs {
		out = append(out, v.cityLink(c))
	}
	return out
}

// pages lists every generated page of the language by content path: the
// pages of every kind (Kinds) that the generator makes.
func (v *view) pages() map[string]*Page {
	out := map[string]*Page{}
	for _, k := range Kinds {
		if k.Generated() {
			maps.Copy(out, k.pages(v))
		}
	}
	v.addSearchNames(out)
	v.addSearchFigures(out)
	return out
}

// Paragraph is a block of text with its anchor.
type Paragraph struct {
	ID    string    `json:"id"`
	Kind  string    `json:"kind,omitempty"`
	Title string    `json:"title,omitempty"`
	Text  string    `json:"text"`
	Lines []string  `json:"lines,omitempty"`
	Notes []NoteRef `json:"notes,omitempty"` // the translator's notes first placed here
}

var blockKinds = map[plan.BlockKind]string{
	plan.Masthead: "masthead", plan.Paragraph: "p", plan.Part: "part", plan.Section: "section",
	plan.NumberedItem: "item", plan.Units: "units", plan.Title: "title",
}

func (v *view) fullText() *Page {
	var blocks []Paragraph
	notes := v.placedNotes()
	for _, b := range v.p.FullText() {
		blocks = append(blocks, Paragraph{ID: b.ID, Kind: blockKinds[b.Kind], Text: v.t(b.Text), Lines: splitIfMany(v.t(b.Text)), Notes: notes.blocks[b.ID]})
	}
	rows := v.keyPointRows()
	var kpNotes []NoteRef
	for i, ind := range v.p.Industries {
		rows[i].Notes = notes.keyPoints[ind]
		kpNotes = append(kpNotes, rows[i].Notes...)
	}
	a := v.p.Document.Attachments
	return &Page{
		Title:       v.t(v.p.Document.Title),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_plan"), v.t(v.p.Document.Title), v.t(v.p.Document.Notice.Number)),
		Params: &PlanParams{
			Blocks:          blocks,
			LayoutTitle:     v.t(a.Layout.Title),
			LayoutNote:      v.t(a.Layout.Note),
			Layout:          v.matrix(),
			KeyPointsLabel:  v.cell(a.Attachment2.Label, plan.UnitKeyPointsLabel),
			KeyPointsTitle:  v.cell(a.Attachment2.Title, plan.UnitKeyPointsTitle),
			KeyPointsHeader: v.columns(),
			KeyPoints:       rows,
			KeyPointsNotes:  kpNotes,
		},
	}
}

func splitIfMany(s string) []string {
	if !strings.Contains(s, "\n") {
		return nil
	}
	return strings.Split(s, "\n")
}

// columns are attachment 2's column headers.
func (v *view) columns() []Cell {
	var out []Cell
	for i, c := range v.p.Document.Attachments.Attachment2.Columns {
		out = append(out, v.cell(c, plan.KeyPointsColumnUnit(i)))
	}
	return out
}

// KeyPointRow is one industry's row of attachment 2, each cell in lines.
// In Chinese the Units give each cell's unit (tier, name, then the cells),
// for the verbatim check.
type KeyPointRow struct {
	Industry  Link       `json:"industry"`
	Tier      string     `json:"tier"`
	Cells     [][]string `json:"cells"`
	TierUnit  string     `json:"tierUnit,omitempty"`
	NameUnit  string     `json:"nameUnit,omitempty"`
	CellUnits []string   `json:"cellUnits,omitempty"`
	Notes     []NoteRef  `json:"notes,omitempty"`
}

// keyPointCells are the ends of KeyPointsUnit for attachment 2's text
// columns, in the table's order.
var keyPointCells = []string{"goal", "products", "technologies", "enterprises", "cities"}

func (v *view) keyPointRows() []KeyPointRow {
	var rows []KeyPointRow
	for _, ind := range v.p.Industries {
		kp := ind.KeyPoints
		r := KeyPointRow{
			Industry: v.industryLink(ind),
			Tier:     v.t(ind.Tier.Name),
			Cells:    [][]string{v.lines(kp.Goal), v.lines(kp.Products), v.lines(kp.Technologies), v.lines(kp.Enterprises), {v.attachmentCities(ind)}},
		}
		if v.l == plan.ZH {
			r.TierUnit, r.NameUnit = plan.KeyPointsUnit(ind, "tier"), plan.KeyPointsUnit(ind, "name")
			for _, c := range keyPointCells {
				r.CellUnits = append(r.CellUnits, plan.KeyPointsUnit(ind, c))
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// attachmentCities prints attachment 2's city cell: as written in Chinese,
// from the city names in English. The English gives each city's name as the
// plan writes it in running text (湘西自治州 is the Xiangxi Tujia and Miao
// Autonomous Prefecture, not the chart label "Xiangxi", which also reads as
// the region of western Hunan).
func (v *view) attachmentCities(ind *plan.Industry) string {
	cell := ind.KeyPoints.Cities.Value
	if v.l == plan.ZH {
		return strings.Join(strings.Fields(cell), "")
	}
	named, _ := plan.ParseCityCell(cell, v.p.Cities)
	if len(named) == len(v.p.Cities) {
		return fmt.Sprintf(uitext.In(v.l, "go_page_allCities"), len(named))
	}
	var names []string
	for _, c := range named {
		names = append(names, c.Name.EN)
	}
	return strings.Join(names, ", ")
}

// Matrix is attachment 1 as a table: its headings, labels and names as
// the attachment prints them. On the Chinese side each carries the id of
// the plan's unit it shows (Cell.Unit), which the template marks for the
// verbatim check (sitecheck.Verbatim).
type Matrix struct {
	Title          Cell          `json:"title"`
	TierHeader     Cell          `json:"tierHeader"`     // 一级产业
	IndustryHeader Cell          `json:"industryHeader"` // 二级产业
	CountHeader    Cell          `json:"countHeader"`    // 布局该产业的地市数量（个）
	TotalLabel     Cell          `json:"totalLabel"`     // 各产业市州布局数量（个）
	Note           Cell          `json:"note"`           // 注：核心产业★★★，重点产业★★
	Groups         []MatrixGroup `json:"groups"`
	Cities         []MatrixCity  `json:"cities"`
	Rows           []MatrixRow   `json:"rows"`
	Totals         []int         `json:"totals"`
}

// Cell is a text of the plan with the id of its unit; Unit is empty where
// the text is not the plan's words (the English).
type Cell struct {
	Text string `json:"text"`
	Unit string `json:"unit,omitempty"`
}

// cell is a text of the plan in the view's language, marked as the
// plan's words in Chinese only.
func (v *view) cell(t plan.Text, unit string) Cell {
	c := Cell{Text: v.t(t)}
	if v.l == plan.ZH {
		c.Unit = unit
	}
	return c
}

// MatrixGroup is a header cell spanning the cities of one regional group.
type MatrixGroup struct {
	Cell
	Span int `json:"span"`
}

// MatrixCity is a city's column header: the name attachment 1 prints
// (湘西自治州), linked to the city's page.
type MatrixCity struct {
	Link
	Unit string `json:"unit,omitempty"`
}

// MatrixRow is one industry's ratings, one cell per city ("core", "key"
// or "").
type MatrixRow struct {
	Tier     Cell `json:"tier"`
	TierSpan int  `json:"tierSpan"` // rows the tier cell spans; 0 on later rows
	Industry Link `json:"industry"` // titled as printed: A1：现代石化
	// IndustryUnit marks the industry's cell as the plan's words.
	IndustryUnit string   `json:"industryUnit,omitempty"`
	Cells        []string `json:"cells"`
	Count        int      `json:"count"`
}

func (v *view) matrix() Matrix {
	a := v.p.Document.Attachments.Layout
	m := Matrix{
		Title:          v.cell(a.Title, plan.UnitLayoutTitle),
		TierHeader:     v.cell(a.TierHeader, plan.UnitLayoutTierHeader),
		IndustryHeader: v.cell(a.IndustryHead, plan.UnitLayoutIndustryHeader),
		CountHeader:    v.cell(a.CountHeader, plan.UnitLayoutCountHeader),
		TotalLabel:     v.cell(a.TotalLabel, plan.UnitLayoutTotalLabel),
		Note:           v.cell(a.Note, plan.UnitLayoutNote),
	}
	for _, g := range v.p.Document.General.Regions.Groups {
		n := 0
		for _, c := range v.p.Cities {
			if c.Group == g {
				n++
			}
		}
		m.Groups = append(m.Groups, MatrixGroup{Cell: v.cell(g.Short, plan.LayoutGroupUnit(g)), Span: n})
	}
	for _, c := range v.p.Cities {
		// The attachment's own names in Chinese; in English the short
		// names keep fourteen columns readable (the full names are the
		// city pages' titles).
		l, unit := v.cityLink(c), ""
		if v.l == plan.ZH {
			unit = plan.LayoutCityUnit(c)
		} else {
			l.Title = v.t(c.Short)
		}
		m.Cities = append(m.Cities, MatrixCity{Link: l, Unit: unit})
	}
	for _, tier := range v.p.Document.Tiers {
		inds := v.p.TierIndustries(tier)
		for i, ind := range inds {
			link := v.industryLink(ind)
			link.Title = v.t(plan.LayoutIndustryCell(ind))
			row := MatrixRow{Industry: link, Tier: v.cell(plan.LayoutTierCell(tier), plan.LayoutTierUnit(tier)), Count: ind.StatedCount()}
			if v.l == plan.ZH {
				row.IndustryUnit = plan.LayoutIndustryUnit(ind)
			}
			if i == 0 {
				row.TierSpan = len(inds)
			}
			for _, c := range v.p.Cities {
				lvl, _ := ind.Rating(c.Code.Value)
				row.Cells = append(row.Cells, string(lvl))
			}
			m.Rows = append(m.Rows, row)
		}
	}
	for _, c := range v.p.Cities {
		m.Totals = append(m.Totals, v.p.Layout.CityCounts[c.Code.Value].N)
	}
	return m
}

func (v *view) layoutMatrix() *Page {
	a := v.p.Document.Attachments.Layout
	return &Page{
		Title:       v.t(a.Title),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_layout"), len(v.p.Industries), len(v.p.Cities)),
		Params: &LayoutParams{Matrix: v.matrix(),
			Charts: v.pageCharts(charts.LayoutPage, "")},
	}
}
