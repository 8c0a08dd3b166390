package charts

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// Map charts share one box: Hunan is about as tall as it is wide.
const (
	mapWidth  = 560
	mapHeight = 620
)

// mapBox is the map's box and the room above (title) and below (legend)
// the map: on a phone, the legend stacks its pieces (legendRows of them).
func (b *builder) mapBox(legendRows int) (w, h, top, bottom int) {
	if b.narrow() {
		bottom = 12 + 22*legendRows
		return NarrowWidth, 390 + bottom, 8, bottom
	}
	// Below the title and its four lines of source and credit (English).
	return mapWidth, mapHeight, 98, 64
}

// mapChart draws items on the Hunan map with a legend below.
func (b *builder) mapChart(c *Chart, items []MapData, legend VisualMap, legendRows int) {
	w, h, top, bottom := b.mapBox(legendRows)
	series := charts.SingleSeries{Name: c.Title, Type: "map", MapType: MapName, Data: items}
	o := &Option{VisualMap: []VisualMap{legend},
		MapSeries: []MapSeries{{SingleSeries: series, Layout: "center", Top: top, Bottom: bottom, Roam: false,
			SelectedMode: false, Label: Label{Show: true, FontSize: 12, Color: colorText},
			// A tapped region keeps its value colour, marked by its outline
			// (ECharts' default emphasis fills it pale yellow).
			Emphasis: &outlineEmphasis{ItemStyle: outline{BorderColor: colorText, BorderWidth: 2}}}}}
	c.Map = true // before decorate: a map's credit says it is schematic
	b.decorate(c, o, tooltip("item"), false)
	c.Width, c.Height, c.Option = w, h, o
}

// MapSeries is charts.SingleSeries as a map series, with the placement and
// the series-wide label it does not type.
type MapSeries struct {
	charts.SingleSeries
	Layout       string           `json:"layoutCenter,omitempty"`
	Top          int              `json:"top"`
	Bottom       int              `json:"bottom"`
	Roam         bool             `json:"roam"`
	SelectedMode bool             `json:"selectedMode"`
	Label        Label            `json:"label"`
	Emphasis     *outlineEmphasis `json:"emphasis,omitempty"`
}

// outlineEmphasis stands in for opts.Emphasis: it marks a hovered or tapped
// region by its outline only.
type outlineEmphasis struct {
	ItemStyle outline `json:"itemStyle"`
}

// outline stands in for opts.ItemStyle, which cannot write areaColor and
// color as null: null keeps the region's fill (ECharts' MapDraw
// getFixedItemStyle), else it would be pale yellow.
type outline struct {
	AreaColor   *string `json:"areaColor"`
	Color       *string `json:"color"`
	BorderColor string  `json:"borderColor"`
	BorderWidth float64 `json:"borderWidth"`
}

// pieces is a categorical legend: one row under a wide map; on a phone one
// piece a line at the bottom left, since a row of them would not fit.
func (b *builder) pieces(ps ...Piece) VisualMap {
	v := VisualMap{Type: "piecewise", Pieces: ps, Orient: "horizontal", Left: "center", Bottom: 12, ItemGap: 14,
		TextStyle: opts.TextStyle{FontSize: 12, Color: colorText}}
	if b.narrow() {
		v.Orient, v.Left, v.ItemGap, v.TextStyle.FontSize = "vertical", "8", 6, 13
	}
	return v
}

// labelOffset scales a label's offset to the layout's map size.
func (b *builder) labelOffset(c *plan.City) []int {
	o := labelOffsets[c.MapName]
	if o == nil || !b.narrow() {
		return o
	}
	return []int{o[0] * NarrowWidth / mapWidth, o[1] * NarrowWidth / mapWidth}
}

// labelOffsets move the labels of divisions whose seats lie a few
// kilometres apart (Zhuzhou beside Xiangtan) into the open part of their
// area, in pixels at the map's size.
var labelOffsets = map[string][]int{"株洲市": {18, 52}}

// region returns a map item for a city, labelled with its short name.
func (b *builder) region(c *plan.City, value float64, label, tip string, color string) MapData {
	lbl := &Label{Show: true, Formatter: label, Offset: b.labelOffset(c)}
	if color == colorCore || color == colorKey {
		// Dark fills take white text with a dark halo, for contrast.
		lbl.Color, lbl.TextBorderColor, lbl.TextBorderWidth = colorOnFill, colorHalo, 2
	}
	return MapData{
		MapData:   opts.MapData{Name: c.MapName, Value: value},
		Label:     lbl,
		Tooltip:   b.itemTooltip(tip),
		ItemStyle: &opts.ItemStyle{AreaColor: color, BorderColor: colorBorder, BorderWidth: 1},
		Emphasis:  &opts.Emphasis{ItemStyle: &opts.ItemStyle{AreaColor: color, BorderColor: colorText, BorderWidth: 2}},
	}
}

// Rating values on maps: the visual map's categories.
const (
	valueNone = 1
	valueKey  = 2
	valueCore = 3
)

func (b *builder) industryMap(ind *plan.Industry) *Chart {
	core, key := b.p.IndustryCities(ind)
	c := &Chart{Title: fmt.Sprintf(tIndustryMap.In(b.lang), b.t(ind.Name))}
	c.Summary = fmt.Sprintf(sIndustryMapCore.In(b.lang), b.t(ind.Name), b.sentenceList(b.names(core)))
	if len(key) > 0 {
		c.Summary += fmt.Sprintf(sIndustryMapKey.In(b.lang), b.sentenceList(b.names(key)))
	}
	c.Summary += fmt.Sprintf(sIndustryMapEnd.In(b.lang), b.cities(len(core)+len(key)))
	c.Table.columns(text(lCity.In(b.lang)), text(lRating.In(b.lang)))
	c.Table.data(code(dIndustryCode, fIndustryCode, b.lang), code(dCityCode, fCityCode, b.lang), code(dLevel, fLevel, b.lang))
	var items []MapData
	for _, city := range b.p.Cities {
		name := b.t(city.Short)
		lvl, ok := ind.Rating(city.Code.Value)
		switch {
		case !ok:
			items = append(items, b.region(city, valueNone, name, name+b.colon()+lNone.In(b.lang), colorNone))
		case lvl == plan.Core:
			items = append(items, b.region(city, valueCore, name+"\n★★★", name+b.colon()+lCore.In(b.lang), colorCore))
			c.Table.row([]string{name, lCore.In(b.lang)}, ind.Code.Value, city.Code.Value, string(lvl))
		default:
			items = append(items, b.region(city, valueKey, name+"\n★★", name+b.colon()+lKey.In(b.lang), colorKey))
			c.Table.row([]string{name, lKey.In(b.lang)}, ind.Code.Value, city.Code.Value, string(lvl))
		}
	}
	b.mapChart(c, items, b.pieces(
		Piece{Value: valueCore, Label: lCore.In(b.lang), Color: colorCore},
		Piece{Value: valueKey, Label: lKey.In(b.lang), Color: colorKey},
		Piece{Value: valueNone, Label: lNone.In(b.lang), Color: colorNone},
	), 3)
	return c
}

func (b *builder) names(cs []*plan.City) []string {
	var out []string
	for _, c := range cs {
		out = append(out, b.t(c.Short))
	}
	return out
}

// cityMap shows where a city lies: the city page's map, since its
// industries are listed as text right beside it.
func (b *builder) cityMap(city *plan.City) *Chart {
	name := b.t(city.Short)
	c := &Chart{Title: fmt.Sprintf(tCityMap.In(b.lang), b.t(city.Name))}
	c.Summary = fmt.Sprintf(sCityMap.In(b.lang), b.t(city.Name), b.t(city.Group.Name))
	c.Table.columns(text(lCity.In(b.lang)), text(lGroup.In(b.lang)))
	c.Table.data(code(dCityCode, fCityCode, b.lang), code(dGroupID, fGroupID, b.lang))
	var items []MapData
	for _, other := range b.p.Cities {
		n := b.t(other.Short)
		if other == city {
			items = append(items, b.region(other, 2, n, n+b.colon()+b.t(other.Group.Name), colorCore))
			c.Table.row([]string{b.t(other.Name), b.t(other.Group.Name)}, other.Code.Value, other.Group.ID.Value)
			continue
		}
		items = append(items, b.region(other, 1, n, n, colorNone))
	}
	b.mapChart(c, items, b.pieces(
		Piece{Value: 2, Label: name, Color: colorCore},
		Piece{Value: 1, Label: lOther.In(b.lang), Color: colorNone},
	), 2)
	return c
}

func (b *builder) regions() *Chart {
	c := &Chart{Title: tRegions.In(b.lang)}
	c.Table.columns(text(lGroup.In(b.lang)), text(lCity.In(b.lang)), text(lFocus.In(b.lang)))
	c.Table.data(code(dGroupID, fGroupID, b.lang), code(dCityCode, fCityCode, b.lang))
	var items []MapData
	var pieces []Piece
	var parts []string
	groups := b.p.Document.General.Regions.Groups
	for gi, g := range groups {
		color := groupColors[gi%len(groupColors)]
		value := float64(gi + 1)
		pieces = append(pieces, Piece{Value: value, Label: b.t(g.Name), Color: color})
		var names []string
		for _, cf := range g.Cities {
			city := b.p.City(cf.City.Value)
			n := b.t(city.Short)
			names = append(names, n)
			items = append(items, b.region(city, value, n, n+b.colon()+b.t(g.Name), color))
			var focus []string
			for _, f := range cf.Focus {
				focus = append(focus, b.t(f.Name))
			}
			c.Table.row([]string{b.t(g.Name), b.t(city.Name), b.join(focus)}, g.ID.Value, city.Code.Value)
		}
		parts = append(parts, fmt.Sprintf(lGroupCities.In(b.lang), b.t(g.Name), b.join(names)))
	}
	// Attributed: the grouping is the plan's, not the site's own finding.
	c.Summary = fmt.Sprintf(sRegions.In(b.lang), strings.Join(parts, lGroupSep.In(b.lang)))
	b.mapChart(c, items, b.pieces(pieces...), len(pieces))
	return c
}

func (b *builder) overview() *Chart {
	c := &Chart{Title: tOverview.In(b.lang)}
	b.cityCountColumns(c)
	var items []MapData
	best, bestN := "", -1
	maxN := 0
	for _, city := range b.p.Cities {
		core, key := b.p.CityIndustries(city)
		n := len(core) + len(key)
		maxN = max(maxN, n)
		if n > bestN {
			best, bestN = b.t(city.Short), n
		}
		name := b.t(city.Short)
		label := fmt.Sprintf("%s\n%d+%d", name, len(core), len(key))
		tip := fmt.Sprintf(sOverviewTip.In(b.lang), name, uitext.Count(b.lang, "go_count_core", len(core)), uitext.Count(b.lang, "go_count_key", len(key)))
		item := b.region(city, float64(n), label, tip, "")
		item.ItemStyle.AreaColor = "" // the visual map shades it
		item.Emphasis = nil
		items = append(items, item)
		c.Table.row([]string{name, strconv.Itoa(len(core)), strconv.Itoa(len(key)), strconv.Itoa(n)}, city.Code.Value)
	}
	c.Summary = fmt.Sprintf(sOverview.In(b.lang), best, bestN)
	b.mapChart(c, items, VisualMap{
		Type: "continuous", Min: ptr(0.0), Max: ptr(float64(maxN)), Text: []string{strconv.Itoa(maxN), "0"},
		InRange: &opts.VisualMapInRange{Color: []string{"#F1EEF6", "#BDC9E1", "#74A9CF", "#2B8CBE", "#045A8D"}},
		Orient:  "horizontal", Left: "center", Bottom: 12, Calculable: ptr(false),
		TextStyle: opts.TextStyle{FontSize: 12, Color: colorText},
	}, 2)
	// The visual map picks each region's shade, dark or light, so the
	// labels get a white halo to read on both.
	s := c.Option.MapSeries
	s[0].Label.TextBorderColor, s[0].Label.TextBorderWidth, s[0].Label.FontSize = colorGround, 3, b.textSize(11)
	return c
}
