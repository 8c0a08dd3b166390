package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// Colours safe for colour-blind readers (Okabe–Ito); core and key also
// differ by their stars and, on bars, by decal patterns.
const (
	colorCore   = "#D55E00"
	colorKey    = "#0072B2"
	colorNone   = "#EEEEEE"
	colorGround = "#FFFFFF"
	colorBorder = colorGround
	colorText   = "#222222"
	colorMuted  = "#555555"
	colorAxis   = "#6E7079"
	colorGrid   = "#E0E6F1"
	// Text on a dark fill (core, key) and its halo stay as they are in dark
	// mode: written "#fff" and "#222", not "#FFFFFF" and "#222222", so that
	// they are not the ground and text colours that dark mode swaps.
	colorOnFill = "#fff"
	colorHalo   = "#222"
)

// roleColors names each colour that dark mode swaps by its role. The
// renderer gives every SVG element filled or stroked with one of them a
// class (f-text, s-ground …) that the site's CSS recolours in dark mode;
// the live chart swaps them for the CSS custom properties --chart-<role>.
// The keys are matched as written, so every chart colour of a role must be
// one of these strings.
var roleColors = map[string]string{
	colorGround: "ground",
	colorText:   "text",
	colorMuted:  "muted",
	colorNone:   "none",
	colorAxis:   "axis",
	colorGrid:   "grid",
}

var groupColors = []string{"#E69F00", "#56B4E9", "#009E73"}

// fontFamily reaches the reader's own fonts; none is downloaded.
const fontFamily = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"

// Option is a chart's ECharts option, typed: go-echarts' own types
// wherever it has the field, and where it does not, a local type named for
// the go-echarts type it stands in for. A bar chart has Grid, XAxis and
// YAxis; the heatmap has go-echarts' own grid and axes (Grids, XAxes,
// YAxes); a map has MapSeries in place of Series.
type Option struct {
	Title     *Title // on the wide layout only
	Legend    *opts.Legend
	Tooltip   Tooltip
	Aria      opts.Aria
	TextStyle opts.TextStyle
	// BackgroundColor is the ground, light; dark mode swaps it (roleColors).
	BackgroundColor string

	Series    charts.MultiSeries
	MapSeries []MapSeries
	VisualMap []VisualMap

	Grid  *Grid
	XAxis []XAxis
	YAxis []YAxis

	Grids []opts.Grid
	XAxes []opts.XAxis
	YAxes []opts.YAxis
}

// MarshalJSON writes the option as go-echarts' BaseConfiguration.JSON
// does: one object keyed by component, the keys in sorted order.
func (o *Option) MarshalJSON() ([]byte, error) {
	m := map[string]any{
		"animation":       false, // drawn once, at build time
		"aria":            o.Aria,
		"backgroundColor": o.BackgroundColor,
		"textStyle":       o.TextStyle,
		"tooltip":         o.Tooltip,
	}
	set := func(key string, v any, ok bool) {
		if ok {
			m[key] = v
		}
	}
	set("title", o.Title, o.Title != nil)
	set("legend", o.Legend, o.Legend != nil)
	set("series", o.Series, o.Series != nil)
	set("series", o.MapSeries, o.MapSeries != nil)
	set("visualMap", o.VisualMap, o.VisualMap != nil)
	set("grid", o.Grid, o.Grid != nil)
	set("grid", o.Grids, o.Grids != nil)
	set("xAxis", o.XAxis, o.XAxis != nil)
	set("xAxis", o.XAxes, o.XAxes != nil)
	set("yAxis", o.YAxis, o.YAxis != nil)
	set("yAxis", o.YAxes, o.YAxes != nil)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// MapData is opts.MapData, a region of a map series, with the label,
// tooltip and colours of its own that opts.MapData lacks.
type MapData struct {
	opts.MapData
	Label     *Label              `json:"label,omitempty"`
	Tooltip   *opts.SeriesTooltip `json:"tooltip,omitempty"`
	ItemStyle *opts.ItemStyle     `json:"itemStyle,omitempty"`
	Emphasis  *opts.Emphasis      `json:"emphasis,omitempty"`
}

// Label stands in for opts.Label, which has no offset and no halo
// (textBorderColor, textBorderWidth), and writes show only when set: a
// label's text is an ECharts string template, never a function.
type Label struct {
	Show       bool   `json:"show"`
	Offset     []int  `json:"offset,omitempty"`
	Position   string `json:"position,omitempty"`
	Formatter  string `json:"formatter,omitempty"`
	FontSize   int    `json:"fontSize,omitempty"`
	Color      string `json:"color,omitempty"`
	FontWeight string `json:"fontWeight,omitempty"`
	// A halo keeps text readable on any fill.
	TextBorderColor string  `json:"textBorderColor,omitempty"`
	TextBorderWidth float64 `json:"textBorderWidth,omitempty"`
}

// Piece stands in for opts.Piece, which has neither value nor label: one
// category of a piecewise visual map.
type Piece struct {
	Value float64 `json:"value"`
	Label string  `json:"label"`
	Color string  `json:"color"`
}

// VisualMap stands in for opts.VisualMap, which has no itemGap and no
// seriesIndex, writes bottom as a string and calculable even when unset,
// and drops a min of 0: a piecewise legend (Pieces) or a continuous shade
// (Min, Max, InRange).
type VisualMap struct {
	Type        string                 `json:"type"`
	Pieces      []Piece                `json:"pieces,omitempty"`
	Min         *float64               `json:"min,omitempty"`
	Max         *float64               `json:"max,omitempty"`
	Text        []string               `json:"text,omitempty"`
	InRange     *opts.VisualMapInRange `json:"inRange,omitempty"`
	Orient      string                 `json:"orient"`
	Left        string                 `json:"left"`
	Bottom      int                    `json:"bottom"`
	Calculable  *bool                  `json:"calculable,omitempty"`
	TextStyle   opts.TextStyle         `json:"textStyle"`
	ItemGap     int                    `json:"itemGap,omitempty"`
	SeriesIndex []int                  `json:"seriesIndex,omitempty"`
}

// Title stands in for opts.Title, which has no itemGap and writes left and
// top as strings: the chart's heading and, as its subtext, the source
// line, so that a downloaded SVG or PNG carries both.
type Title struct {
	Text         string         `json:"text"`
	Subtext      string         `json:"subtext"`
	Left         int            `json:"left"`
	Top          int            `json:"top"`
	TextStyle    TitleTextStyle `json:"textStyle"`
	SubtextStyle TitleTextStyle `json:"subtextStyle"`
	ItemGap      int            `json:"itemGap"`
}

// TitleTextStyle stands in for opts.TextStyle in a Title, where the size
// is written before the font.
type TitleTextStyle struct {
	Color      string `json:"color,omitempty"`
	FontSize   int    `json:"fontSize,omitempty"`
	FontFamily string `json:"fontFamily,omitempty"`
}

// decorate adds what every chart has: the title with the source line (on
// the wide layout: the one a download carries), the tooltip's style, the
// aria description, the font and the ground (light; dark mode swaps it,
// see roleColors).
func (b *builder) decorate(c *Chart, o *Option, tooltip opts.Tooltip, decals bool) {
	o.Title = b.heading(c)
	o.Tooltip = b.tooltipStyle(&tooltip)
	o.Aria = opts.Aria{Enabled: ptr(true), Label: &opts.AriaLabel{Enabled: ptr(true), Description: c.Title + lSentenceEnd.In(b.lang) + c.Summary},
		Decal: &opts.AriaDecal{Show: ptr(decals)}}
	o.TextStyle = opts.TextStyle{FontFamily: fontFamily, Color: colorText}
	o.BackgroundColor = colorGround
}

// heading is the drawn title and source line: on the wide layout only. On
// a phone the figure's caption says the title and the page its source; the
// narrow drawing spends its height on the data.
func (b *builder) heading(c *Chart) *Title {
	if b.narrow() {
		return nil
	}
	return &Title{
		Text: c.Title, Subtext: b.credit(c.Map),
		Left: 12, Top: 8, ItemGap: 4,
		// The English source line runs to two lines.
		TextStyle:    TitleTextStyle{Color: colorText, FontSize: 16, FontFamily: fontFamily},
		SubtextStyle: TitleTextStyle{Color: colorMuted, FontSize: 11, FontFamily: fontFamily},
	}
}

// top is where a chart's content starts: below the drawn title on the
// wide layout (wide is that offset), near the top on the narrow one.
func (b *builder) top(wide int) int {
	if b.narrow() {
		return 12
	}
	return wide
}

// textSize is a chart text's size: at least 12 on the narrow layout, which
// a 390 px phone shows at 0.99 of its size, so no text reads under 11 px.
func (b *builder) textSize(wide int) int {
	if b.narrow() {
		return max(wide, 12)
	}
	return wide
}

// Tooltip is opts.Tooltip in the chart's colours and kept inside it;
// opts.Tooltip has neither confine nor textStyle.
type Tooltip struct {
	*opts.Tooltip
	Confine         bool           `json:"confine"`
	BackgroundColor string         `json:"backgroundColor"`
	BorderColor     string         `json:"borderColor"`
	TextStyle       opts.TextStyle `json:"textStyle"`
}

func (b *builder) tooltipStyle(t *opts.Tooltip) Tooltip {
	return Tooltip{Tooltip: t, Confine: true, BackgroundColor: colorGround, BorderColor: colorAxis,
		TextStyle: opts.TextStyle{Color: colorText, FontSize: 14}}
}

// credit is every chart's subtext: the document it is based on, then the
// site that drew it, so that a downloaded or embedded chart says both; a
// map also says it is schematic, and carries the 审图号 once one is set
// (go_chart_mapApproval in the i18n files).
func (b *builder) credit(isMap bool) string {
	d := b.p.Document
	source := fmt.Sprintf(lSourceFormat.In(b.lang), b.t(d.Title), b.t(d.Notice.Number))
	line := fmt.Sprintf(lCredit.In(b.lang), lSiteNameLabel.In(b.lang))
	if isMap {
		// A line of its own: beside the site's full name it would run past
		// the chart's edge.
		line += "\n" + lMapNote.In(b.lang)
		if n := lMapApproval.In(b.lang); n != "" {
			line += lCreditSep.In(b.lang) + n
		}
	}
	return source + "\n" + line
}

// Credit is the site's credit line every chart carries, for checks over
// the drawn SVGs.
func Credit(l plan.Lang) string { return fmt.Sprintf(lCredit.In(l), lSiteNameLabel.In(l)) }

// itemTooltip is a data item's own tooltip: its text, not a function.
func (b *builder) itemTooltip(text string) *opts.SeriesTooltip {
	return &opts.SeriesTooltip{Formatter: types.FuncStr(text)}
}

// tooltip is the tooltip a chart's data shows on: its axis or its item.
func tooltip(trigger string) opts.Tooltip {
	return opts.Tooltip{Show: ptr(true), Trigger: trigger}
}

func ptr[T any](v T) *T { return &v }

// join lists names the way the language does.
func (b *builder) join(names []string) string {
	if len(names) == 0 {
		return lNoneListed.In(b.lang)
	}
	return strings.Join(names, lListSep.In(b.lang))
}

// sentenceList lists names in running text: 长沙、娄底; Changsha and
// Loudi; Changsha, Loudi and Xiangtan.
func (b *builder) sentenceList(names []string) string {
	if len(names) < 2 {
		return b.join(names)
	}
	return strings.Join(names[:len(names)-1], lListSep.In(b.lang)) + lLastSep.In(b.lang) + names[len(names)-1]
}

// cities counts cities and prefectures: 1 city or prefecture, 6 cities
// and prefectures, 6个市州.
func (b *builder) cities(n int) string { return uitext.Count(b.lang, "go_count_cities", n) }

// colon separates a name from what is said of it.
func (b *builder) colon() string { return lColon.In(b.lang) }

// Grid stands in for opts.Grid, which writes its sides as strings: a bar
// chart's plot area, in pixels.
type Grid struct {
	Left         int  `json:"left"`
	Right        int  `json:"right"`
	Top          int  `json:"top"`
	Bottom       int  `json:"bottom"`
	ContainLabel bool `json:"containLabel"`
}

// YAxis is opts.YAxis as a bar chart's axis of names, with the axisTick
// opts.YAxis lacks. AxisLabel stands in for opts.AxisLabel; AxisLine is
// restated so that the axis is written label, line, tick.
type YAxis struct {
	opts.YAxis
	AxisLabel AxisLabel     `json:"axisLabel"`
	AxisLine  opts.AxisLine `json:"axisLine"`
	AxisTick  opts.AxisTick `json:"axisTick"`
}

// XAxis stands in for opts.XAxis as a bar chart's axis of numbers: it
// writes minInterval and splitNumber ahead of the name, and its label is an
// AxisLabel.
type XAxis struct {
	Type          string         `json:"type"`
	MinInterval   int            `json:"minInterval,omitempty"`
	SplitNumber   int            `json:"splitNumber,omitempty"`
	Name          string         `json:"name,omitempty"`
	NameLocation  string         `json:"nameLocation,omitempty"`
	NameGap       int            `json:"nameGap,omitempty"`
	NameTextStyle opts.TextStyle `json:"nameTextStyle"`
	AxisLabel     AxisLabel      `json:"axisLabel"`
	SplitLine     opts.SplitLine `json:"splitLine"`
}

// AxisLabel stands in for opts.AxisLabel, which writes interval and
// lineHeight as strings, showMinLabel and showMaxLabel as null, and has no
// padding: the text along a bar chart's axis.
type AxisLabel struct {
	Show          *bool  `json:"show,omitempty"`
	Interval      int    `json:"interval"`
	Inside        bool   `json:"inside,omitempty"`
	Align         string `json:"align,omitempty"`
	VerticalAlign string `json:"verticalAlign,omitempty"`
	Formatter     string `json:"formatter,omitempty"`
	Width         int    `json:"width,omitempty"`
	Overflow      string `json:"overflow,omitempty"`
	LineHeight    int    `json:"lineHeight,omitempty"`
	Padding       []int  `json:"padding,omitempty"` // top, right, bottom, left
	Color         string `json:"color,omitempty"`
	FontSize      int    `json:"fontSize,omitempty"`
}
