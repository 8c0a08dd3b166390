package charts

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

const barWidth = 640

// wideLineHeight is a wrapped name's line on the wide target charts, whose
// rows (wideTargetRow) hold two such lines beside a bar: the longest names
// at 300 px (a test on the drawn charts fails on a name that needs more).
const (
	wideLineHeight = 14
	wideTargetRow  = 40
)

// stackedBars draws core and key counts per category as horizontal
// stacked bars; decal patterns tell the two apart without colour.
func (b *builder) stackedBars(c *Chart, categories []string, core, key []int) {
	bar := charts.NewBar()
	label := opts.Label{Show: ptr(true), Position: "inside", Color: colorOnFill, FontSize: float32(b.textSize(12))}
	bar.AddSeries(lCore.In(b.lang), barData(core), charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Stack = "total" }),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorCore}), charts.WithLabelOpts(label))
	bar.AddSeries(lKey.In(b.lang), barData(key), charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Stack = "total" }),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorKey}), charts.WithLabelOpts(label))
	o := &Option{
		Legend: &opts.Legend{Show: ptr(true), Top: strconv.Itoa(b.top(64)), Left: "12",
			TextStyle: &opts.TextStyle{Color: colorText, FontSize: b.textSize(12)}},
		Series: bar.MultiSeries,
		Grid:   b.barGrid(Grid{Left: 12, Right: 36, Top: b.top(64) + 32, Bottom: 16, ContainLabel: true}),
		YAxis:  []YAxis{b.categoryAxis(categories, 0)},
		XAxis:  []XAxis{b.valueAxis("", 0)},
	}
	b.decorate(c, o, tooltip("axis"), true)
	rows := b.barRows()
	c.Width, c.Height, c.Option = b.width(barWidth), b.top(64)+46+rows*len(categories), o
}

// barRows is the height of one bar's row: on a phone the name stands
// above its bar, so a row holds both.
func (b *builder) barRows() int {
	if b.narrow() {
		return 40
	}
	return 30
}

// width is a chart's design width: the wide one given, or the phone's.
func (b *builder) width(wide int) int {
	if b.narrow() {
		return NarrowWidth
	}
	return wide
}

// barGrid is the plot area of a bar chart. On a phone the names are
// drawn above the bars (categoryAxis), so the bars take the whole width.
func (b *builder) barGrid(wide Grid) *Grid {
	if b.narrow() {
		return &Grid{Left: 8, Right: 28, Top: wide.Top, Bottom: wide.Bottom, ContainLabel: false}
	}
	return &wide
}

// categoryAxis is the bars' axis of names: beside the bars on the wide
// layout (wrapped at wideWidth if that is set: a name cut short is a
// different name); above each bar, wrapped to the phone's width, on the
// narrow one.
func (b *builder) categoryAxis(names []string, wideWidth int) YAxis {
	a := YAxis{YAxis: opts.YAxis{Type: "category", Inverse: ptr(true), Data: names},
		AxisLabel: AxisLabel{Interval: 0, Color: colorText, FontSize: b.textSize(12)},
		AxisLine:  opts.AxisLine{LineStyle: &opts.LineStyle{Color: colorAxis}}, AxisTick: opts.AxisTick{Show: ptr(false)}}
	if wideWidth > 0 {
		a.AxisLabel.Width, a.AxisLabel.Overflow, a.AxisLabel.LineHeight = wideWidth, "break", wideLineHeight
	}
	if b.narrow() {
		// The trailing line and the bottom padding lift the name clear of
		// its bar, descenders included.
		a.AxisLabel.Inside, a.AxisLabel.VerticalAlign, a.AxisLabel.Align = true, "bottom", "left"
		a.AxisLabel.Formatter, a.AxisLabel.Width, a.AxisLabel.Overflow = "{value}\n", NarrowWidth-24, "break"
		a.AxisLabel.LineHeight = 16
		a.AxisLabel.Padding = []int{0, 0, 6, 0}
		a.AxisLine.Show = ptr(false)
	}
	return a
}

// valueAxis is the bars' axis of numbers, with a unit name if given.
func (b *builder) valueAxis(unit string, nameGap int) XAxis {
	a := XAxis{Type: "value", MinInterval: 1, Name: unit, NameLocation: "middle", NameGap: nameGap,
		NameTextStyle: opts.TextStyle{Color: colorMuted, FontSize: b.textSize(12)},
		AxisLabel:     AxisLabel{Color: colorMuted, FontSize: b.textSize(12)},
		SplitLine:     opts.SplitLine{LineStyle: &opts.LineStyle{Color: colorGrid}}}
	if unit == "" {
		a.NameLocation = ""
	}
	if b.narrow() {
		a.SplitNumber = 3
	}
	return a
}

// barData leaves zero bars empty so that no "0" label is drawn.
func barData(values []int) []opts.BarData {
	out := make([]opts.BarData, len(values))
	for i, v := range values {
		if v > 0 {
			out[i] = opts.BarData{Value: v}
		} else {
			out[i] = opts.BarData{Value: "-"}
		}
	}
	return out
}

func (b *builder) industriesPerCity() *Chart {
	c := &Chart{Title: tIndustriesPerCity.In(b.lang), Summary: sIndustriesPerCity.In(b.lang)}
	b.cityCountColumns(c)
	var names []string
	var core, key []int
	for _, city := range b.p.Cities {
		cs, ks := b.p.CityIndustries(city)
		names = append(names, b.t(city.Short))
		core, key = append(core, len(cs)), append(key, len(ks))
		c.Table.row([]string{b.t(city.Short), strconv.Itoa(len(cs)), strconv.Itoa(len(ks)), strconv.Itoa(len(cs) + len(ks))}, city.Code.Value)
	}
	b.stackedBars(c, names, core, key)
	return c
}

func (b *builder) citiesPerIndustry() *Chart {
	c := &Chart{Title: tCitiesPerIndustry.In(b.lang), Summary: sCitiesPerIndustry.In(b.lang)}
	c.Table.columns(text(lIndustry.In(b.lang)), text(lTier.In(b.lang)),
		b.count(lCoreShort, fCoreCities), b.count(lKeyShort, fKeyCities), b.count(lTotal, fAllCities))
	c.Table.data(code(dIndustryCode, fIndustryCode, b.lang), code(dTierCode, fTierCode, b.lang))
	var names []string
	var core, key []int
	for _, ind := range b.p.Industries {
		cs, ks := b.p.IndustryCities(ind)
		names = append(names, b.t(ind.Name))
		core, key = append(core, len(cs)), append(key, len(ks))
		c.Table.row([]string{b.t(ind.Name), b.t(ind.Tier.Name), strconv.Itoa(len(cs)), strconv.Itoa(len(ks)), strconv.Itoa(len(cs) + len(ks))},
			ind.Code.Value, ind.Tier.Code.Value)
	}
	b.stackedBars(c, names, core, key)
	return c
}

// HeatMapData is opts.HeatMapData, a cell of the layout heatmap, with the
// label (its stars) and tooltip opts.HeatMapData lacks.
type HeatMapData struct {
	opts.HeatMapData
	Label   *Label              `json:"label"`
	Tooltip *opts.SeriesTooltip `json:"tooltip"`
}

// cityLabelAngle tilts the English city names over the heatmap's columns,
// which are too narrow for them side by side.
func (b *builder) cityLabelAngle() float64 {
	if b.lang == plan.EN {
		return 45
	}
	return 0
}

func (b *builder) matrix() *Chart {
	c := &Chart{Title: fmt.Sprintf(tMatrix.In(b.lang), len(b.p.Industries), len(b.p.Cities)), Summary: sMatrix.In(b.lang)}
	fields := []Field{text(lIndustry.In(b.lang))}
	ratings := []Field{code(dIndustryCode, fIndustryCode, b.lang)}
	var cities []string
	for _, city := range b.p.Cities {
		cities = append(cities, b.t(city.Short))
		fields = append(fields, Field{Name: b.t(city.Short), Type: TypeString, About: fmt.Sprintf(fStarsIn.In(b.lang), b.t(city.Name))})
		ratings = append(ratings, Field{Name: dRatingIn + city.Code.Value, Type: TypeString, About: fmt.Sprintf(fRatingIn.In(b.lang), b.t(city.Name))})
	}
	c.Table.columns(fields...)
	c.Table.data(ratings...)
	var industries []string
	var items []HeatMapData
	for y, ind := range b.p.Industries {
		industries = append(industries, b.t(ind.Name))
		row := []string{b.t(ind.Name)}
		words := []string{ind.Code.Value}
		for x, city := range b.p.Cities {
			lvl, ok := ind.Rating(city.Code.Value)
			switch {
			case !ok:
				row, words = append(row, ""), append(words, "")
			case lvl == plan.Core:
				row, words = append(row, "★★★"), append(words, lCore.In(b.lang))
				items = append(items, HeatMapData{HeatMapData: opts.HeatMapData{Value: [3]int{x, y, valueCore}}, Label: &Label{Show: true, Formatter: "★★★", Color: colorOnFill, FontSize: 9},
					Tooltip: b.itemTooltip(b.t(ind.Name) + " · " + b.t(city.Short) + b.colon() + lCore.In(b.lang))})
			default:
				row, words = append(row, "★★"), append(words, lKey.In(b.lang))
				items = append(items, HeatMapData{HeatMapData: opts.HeatMapData{Value: [3]int{x, y, valueKey}}, Label: &Label{Show: true, Formatter: "★★", Color: colorOnFill, FontSize: 9},
					Tooltip: b.itemTooltip(b.t(ind.Name) + " · " + b.t(city.Short) + b.colon() + lKey.In(b.lang))})
			}
		}
		c.Table.row(row, words...)
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		charts.WithGridOpts(opts.Grid{Left: "12", Right: "24", Top: "84", Bottom: "56", ContainLabel: ptr(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: cities, Position: "top", AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: b.cityLabelAngle(), Color: colorText}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: industries, Inverse: ptr(true), AxisLabel: &opts.AxisLabel{Interval: "0", Color: colorText}}),
	)
	hm.MultiSeries = append(hm.MultiSeries, charts.SingleSeries{Name: c.Title, Type: "heatmap", Data: items})
	hm.MultiSeries[0].ItemStyle = &opts.ItemStyle{BorderColor: colorBorder, BorderWidth: 2}
	o := &Option{Series: hm.MultiSeries, Grids: hm.GridList, XAxes: hm.XAxisList, YAxes: hm.YAxisList,
		VisualMap: []VisualMap{b.pieces(
			Piece{Value: valueCore, Label: lCore.In(b.lang), Color: colorCore},
			Piece{Value: valueKey, Label: lKey.In(b.lang), Color: colorKey},
		)}}
	b.decorate(c, o, tooltip("item"), false)
	c.Width, c.Height, c.Option = 720, 130+26*len(industries), o
	return c
}

// Target charts never put different measures on one axis without saying
// so: amounts in yuan form one chart, coloured and labelled by measure,
// and shares in per cent another.

// metricKinds sorts yuan targets by what they measure, read from the
// metric's Chinese name.
var metricKinds = []struct {
	marker string
	name   plan.Text
}{
	{"增加值", uitext.Text("go_chart_kind_valueAdded")},
	{"产值", uitext.Text("go_chart_kind_output")},
	{"营收", uitext.Text("go_chart_kind_revenue")},
	{"营业收入", uitext.Text("go_chart_kind_revenue")},
	{"收入", uitext.Text("go_chart_kind_income")},
	{"规模", uitext.Text("go_chart_kind_size")},
}

var kindOther = uitext.Text("go_chart_kind_other")

func metricKind(label string) plan.Text {
	for _, k := range metricKinds {
		if strings.Contains(label, k.marker) {
			return k.name
		}
	}
	return kindOther
}

var kindColors = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"}

// BarData stands in for opts.BarData, whose tooltip is a chart's, not an
// item's, and which writes the label before the style: one target on a
// target chart, labelled with its wording.
type BarData struct {
	Value     string              `json:"value"`
	ItemStyle *ItemStyle          `json:"itemStyle"`
	Label     *Label              `json:"label"`
	Tooltip   *opts.SeriesTooltip `json:"tooltip"`
}

// ItemStyle is opts.ItemStyle with the decal pattern it lacks, so that
// measures differ by more than colour.
type ItemStyle struct {
	opts.ItemStyle
	Decal *Decal `json:"decal,omitempty"`
}

// Decal is a bar's decal pattern: ECharts' decal object, which go-echarts
// types only as opts.AriaDecals, without a colour.
type Decal struct {
	Symbol string `json:"symbol"`
	Color  string `json:"color"`
}

var decalSymbols = []string{"none", "rect", "circle", "triangle", "diamond", "pin"}

// targetEntry is a target drawn on a target chart: its name on the axis
// (under its industry's, if any) and the target.
type targetEntry struct {
	category string
	t        *plan.Target
	ind      *plan.Industry // nil for the province's goals
}

// targetEntries sorts the drawable targets into amounts in yuan and shares
// in per cent, the province's first, then each industry's.
func (b *builder) targetEntries() (money, pct []targetEntry) {
	add := func(ind *plan.Industry, ts []*plan.Target) {
		scope := ""
		if ind != nil {
			scope = b.t(ind.Name)
		}
		for _, pr := range plan.Pairs(ts) {
			t := pr.Body
			// Attachment-only targets are on the targets page, marked; a
			// threshold for each of several units (集群营业收入过千亿元)
			// is not an amount to draw beside totals.
			if t == nil || t.Comparator.Value == "过" {
				continue
			}
			e := targetEntry{category: b.t(t.Label), t: t, ind: ind}
			if scope != "" {
				e.category = scope + "\n" + e.category
			}
			switch t.Unit.Value {
			case "亿元", "万亿元", "万亿级":
				money = append(money, e)
			case "%":
				pct = append(pct, e)
			}
		}
	}
	add(nil, b.p.Document.General.Goals.Targets)
	for _, ind := range b.p.Industries {
		add(ind, ind.Targets)
	}
	return money, pct
}

// targetChart starts a target chart: its words and its table's header,
// and the download's columns: the target's key in targets.csv, and the
// bar's length with its unit (about says what the length is).
func (b *builder) targetChart(title, summary, about plan.Text) *Chart {
	c := &Chart{Title: title.In(b.lang), Summary: summary.In(b.lang)}
	c.Table.columns(text(lIndustry.In(b.lang)), text(lMeasure.In(b.lang)),
		Field{Name: lTarget.In(b.lang), Type: TypeString, About: fTargetWording.In(b.lang)})
	c.Table.data(code(dIndustryCode, fIndustryCode, b.lang), code(dMetric, fMetric, b.lang), code(dSource, fSource, b.lang),
		Field{Name: dValue, Type: TypeNumber, About: about.In(b.lang)}, code(dUnit, fUnit, b.lang))
	return c
}

// targetRow adds a target to the chart's table, with the bar's length
// (value) in unit; its figure keeps the plan's 力争 (strive for), so the
// table needs no column to say it.
func (b *builder) targetRow(c *Chart, e targetEntry, display, value, unit string) {
	scope, measure, _ := strings.Cut(e.category, "\n")
	if measure == "" {
		scope, measure = lProvince.In(b.lang), scope
	}
	ind := ""
	if e.ind != nil {
		ind = e.ind.Code.Value
	}
	c.Table.row([]string{scope, measure, display}, ind, e.t.Metric.Value, e.t.Source.Value, value, unit)
}

// targetDisplay is a target's figure as the plan writes it.
func (b *builder) targetDisplay(t *plan.Target) string {
	d := t.DisplayEN()
	if b.lang == plan.ZH {
		d = t.DisplayZH()
	}
	if t.Strive {
		d = fmt.Sprintf(lStrive.In(b.lang), d)
	}
	return d
}

func (b *builder) targetsYuan() *Chart {
	c := b.targetChart(tYuan, sYuan, fYuanValue)
	money, _ := b.targetEntries()
	var cats []string
	var bars []BarData
	kinds := map[string]int{}
	for _, e := range money {
		kind := metricKind(e.t.Label.ZH)
		ki, ok := kinds[kind.ZH]
		if !ok {
			ki = len(kinds)
			kinds[kind.ZH] = ki
		}
		d := b.targetDisplay(e.t)
		cats = append(cats, b.targetName(b.t(e.t.Label), d+" · "+b.t(kind)))
		bars = append(bars, BarData{
			Value:     b.yuanValue(e.t),
			ItemStyle: &ItemStyle{ItemStyle: opts.ItemStyle{Color: kindColors[ki%len(kindColors)]}, Decal: &Decal{Symbol: decalSymbols[ki%len(decalSymbols)], Color: "rgba(255,255,255,0.45)"}},
			Label:     b.targetLabel(d + " · " + b.t(kind)),
			Tooltip:   b.itemTooltip(strings.ReplaceAll(e.category, "\n", " · ") + b.colon() + d),
		})
		b.targetRow(c, e, d, b.yuanValue(e.t), lYuanUnit.In(b.lang))
	}
	b.targetBars(c, cats, bars, false)
	return c
}

func (b *builder) targetsShare() *Chart {
	c := b.targetChart(tShare, sShare, fShareValue)
	_, pct := b.targetEntries()
	var cats []string
	var bars []BarData
	for _, e := range pct {
		d := b.targetDisplay(e.t)
		cats = append(cats, b.targetName(b.t(e.t.Label), d))
		bars = append(bars, BarData{Value: e.t.Value.Value, ItemStyle: &ItemStyle{ItemStyle: opts.ItemStyle{Color: colorKey}},
			Label:   b.targetLabel(d),
			Tooltip: b.itemTooltip(strings.ReplaceAll(e.category, "\n", " · ") + b.colon() + d)})
		b.targetRow(c, e, d, e.t.Value.Value, "%")
	}
	b.targetBars(c, cats, bars, true)
	return c
}

// yuanValue gives a yuan target's bar length in the language's unit:
// 亿元 in Chinese, billion yuan in English. Exact: 4100亿元 is 410.
func (b *builder) yuanValue(t *plan.Target) string {
	v, _ := new(big.Rat).SetString(t.Value.Value)
	if strings.HasPrefix(t.Unit.Value, "万亿") {
		v.Mul(v, big.NewRat(10000, 1))
	}
	if b.lang == plan.EN {
		v.Quo(v, big.NewRat(10, 1))
	}
	return strings.TrimSuffix(strings.TrimRight(v.FloatString(4), "0"), ".")
}

// targetName is a target's name on its axis: on a phone, with the
// target's wording on a line below it, since no room is left beside the bar.
func (b *builder) targetName(name, wording string) string {
	if b.narrow() {
		return name + "\n" + wording
	}
	return name
}

// targetLabel is the wording drawn at a bar's end: on the wide layout only
// (on a phone it is part of the name above the bar; see targetName).
func (b *builder) targetLabel(wording string) *Label {
	if b.narrow() {
		return &Label{Show: false}
	}
	return &Label{Show: true, Position: "right", Formatter: wording, FontSize: 12, Color: colorText}
}

// targetBars draws targets as bars labelled with their figures as the plan
// writes them. Only the share chart numbers its axis (in %): an amount
// axis would print "3,000" 亿元 beside labels "4100亿元" and "1.4万亿元",
// two styles and two units for one scale, so the bars' own labels carry
// the amounts.
func (b *builder) targetBars(c *Chart, cats []string, bars []BarData, percent bool) {
	series := charts.SingleSeries{Name: c.Title, Type: "bar", Data: bars, BarMaxWidth: "22"}
	x := b.valueAxis("", 0)
	x.AxisLabel.Show = ptr(false)
	if percent {
		x = b.valueAxis("%", 26)
	}
	grid := b.barGrid(Grid{Left: 336, Right: 270, Top: 84, Bottom: 40})
	rows := wideTargetRow
	if b.narrow() {
		// Up to three lines of name and wording above each bar.
		rows = 76
		grid = b.barGrid(Grid{Top: 56, Bottom: 44})
		series.BarMaxWidth = "12"
	}
	o := &Option{Series: charts.MultiSeries{series}, Grid: grid, YAxis: []YAxis{b.categoryAxis(cats, 300)}, XAxis: []XAxis{x}}
	b.decorate(c, o, tooltip("item"), false)
	c.Width, c.Height, c.Option = b.width(960), 140+rows*len(cats), o
}

// count is a column of counts: its header and what it counts.
func (b *builder) count(header, about plan.Text) Field {
	return Field{Name: header.In(b.lang), Type: TypeInteger, About: about.In(b.lang)}
}

// cityCountColumns are the columns of a chart counting each city's
// industries, core and key.
func (b *builder) cityCountColumns(c *Chart) {
	c.Table.columns(text(lCity.In(b.lang)), b.count(lCoreShort, fCoreIndustries), b.count(lKeyShort, fKeyIndustries), b.count(lTotal, fAllIndustries))
	c.Table.data(code(dCityCode, fCityCode, b.lang))
}
