package charts

import (
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

// The parts of an ECharts option that go-echarts does not type.

// MapItem is a region of a map series with its own label and tooltip.
type MapItem struct {
	Name      string        `json:"name"`
	Value     float64       `json:"value"`
	Label     *ItemLabel    `json:"label,omitempty"`
	Tooltip   *ItemTooltip  `json:"tooltip,omitempty"`
	ItemStyle *AreaStyle    `json:"itemStyle,omitempty"`
	Emphasis  *ItemEmphasis `json:"emphasis,omitempty"`
}

// ItemLabel is a label's text (an ECharts string template, never a function).
type ItemLabel struct {
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

// ItemTooltip is a data item's own tooltip text.
type ItemTooltip struct {
	Formatter string `json:"formatter"`
}

// AreaStyle colours a map region.
type AreaStyle struct {
	AreaColor   string  `json:"areaColor,omitempty"`
	BorderColor string  `json:"borderColor,omitempty"`
	BorderWidth float64 `json:"borderWidth,omitempty"`
}

// ItemEmphasis keeps a region's colour when hovered.
type ItemEmphasis struct {
	ItemStyle *AreaStyle `json:"itemStyle,omitempty"`
	Label     *ItemLabel `json:"label,omitempty"`
}

// Piece is one category of a piecewise visual map, with its label.
type Piece struct {
	Value float64 `json:"value"`
	Label string  `json:"label"`
	Color string  `json:"color"`
}

// PiecewiseVisualMap is the legend of a categorical map.
type PiecewiseVisualMap struct {
	Type      string    `json:"type"`
	Pieces    []Piece   `json:"pieces"`
	Orient    string    `json:"orient"`
	Left      string    `json:"left"`
	Bottom    int       `json:"bottom"`
	TextStyle TextStyle `json:"textStyle"`
	ItemGap   int       `json:"itemGap"`
}

// ContinuousVisualMap shades by a number.
type ContinuousVisualMap struct {
	Type        string    `json:"type"`
	Min         float64   `json:"min"`
	Max         float64   `json:"max"`
	Text        []string  `json:"text"`
	InRange     InRange   `json:"inRange"`
	Orient      string    `json:"orient"`
	Left        string    `json:"left"`
	Bottom      int       `json:"bottom"`
	Calculable  bool      `json:"calculable"`
	TextStyle   TextStyle `json:"textStyle"`
	SeriesIndex []int     `json:"seriesIndex,omitempty"`
}

// InRange lists a visual map's colours.
type InRange struct {
	Color []string `json:"color"`
}

// TextStyle sets the drawn text.
type TextStyle struct {
	Color      string `json:"color,omitempty"`
	FontSize   int    `json:"fontSize,omitempty"`
	FontFamily string `json:"fontFamily,omitempty"`
}

// Aria describes the chart to screen readers, in the page's language,
// and draws decal patterns so that series differ by more than colour.
type Aria struct {
	Enabled bool      `json:"enabled"`
	Label   AriaLabel `json:"label"`
	Decal   AriaDecal `json:"decal"`
}

// AriaLabel is the description ECharts attaches to the chart.
type AriaLabel struct {
	Enabled     bool   `json:"enabled"`
	Description string `json:"description"`
}

// AriaDecal turns decal patterns on or off.
type AriaDecal struct {
	Show bool `json:"show"`
}

// Title is the chart's heading and, as its subtext, the source line, so
// that a downloaded SVG or PNG carries both.
type Title struct {
	Text         string    `json:"text"`
	Subtext      string    `json:"subtext"`
	Left         int       `json:"left"`
	Top          int       `json:"top"`
	TextStyle    TextStyle `json:"textStyle"`
	SubtextStyle TextStyle `json:"subtextStyle"`
	ItemGap      int       `json:"itemGap"`
}

// base is what every chart's option starts with: go-echarts' own
// configuration, made JSON, ready for the extras above.
func base(cfg *charts.BaseConfiguration) map[string]any {
	obj := cfg.JSON()
	// go-echarts always emits these; empty ones would only add bytes.
	delete(obj, "color") // go-echarts' default palette; every series sets its own
	for _, k := range []string{"legend", "toolbox", "title"} {
		if isEmpty(obj[k]) {
			delete(obj, k)
		}
	}
	return obj
}

func isEmpty(v any) bool {
	b, err := json.Marshal(v)
	if err != nil {
		return false
	}
	s := string(b)
	return s == "{}" || s == "null" || s == `{"show":false}` || s == "[]"
}

// decorate adds what every chart has: the title with the source line (on
// the wide layout: the one a download carries), the aria description, the
// font and the ground (light; dark mode swaps it, see roleColors).
func (b *builder) decorate(c *Chart, obj map[string]any, decals bool) {
	if t := b.heading(c); t != nil {
		obj["title"] = t
	}
	if tt, ok := obj["tooltip"].(opts.Tooltip); ok {
		obj["tooltip"] = b.tooltipStyle(&tt)
	}
	obj["aria"] = Aria{Enabled: true, Label: AriaLabel{Enabled: true, Description: c.Title + lSentenceEnd.In(b.lang) + c.Summary}, Decal: AriaDecal{Show: decals}}
	obj["textStyle"] = TextStyle{FontFamily: fontFamily, Color: colorText}
	obj["backgroundColor"] = colorGround
	obj["animation"] = false
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
		TextStyle:    TextStyle{Color: colorText, FontSize: 16, FontFamily: fontFamily},
		SubtextStyle: TextStyle{Color: colorMuted, FontSize: 11, FontFamily: fontFamily},
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

// Tooltip is the tooltip, in the chart's colours and kept inside it.
type Tooltip struct {
	*opts.Tooltip
	Confine         bool      `json:"confine"`
	BackgroundColor string    `json:"backgroundColor"`
	BorderColor     string    `json:"borderColor"`
	TextStyle       TextStyle `json:"textStyle"`
}

func (b *builder) tooltipStyle(t *opts.Tooltip) Tooltip {
	return Tooltip{Tooltip: t, Confine: true, BackgroundColor: colorGround, BorderColor: colorAxis,
		TextStyle: TextStyle{Color: colorText, FontSize: 14}}
}

// credit is every chart's subtext: the document it is based on, then the
// site that drew it, so that a downloaded or embedded chart says both; a
// map also says it is schematic, and carries the 审图号 once one is set
// (go_chart_mapApproval in the i18n files).
func (b *builder) credit(isMap bool) string {
	d := b.p.Document
	source := fmt.Sprintf(lSourceFormat.In(b.lang), b.t(d.Title), b.t(d.Notice.Number))
	line := fmt.Sprintf(lCredit.In(b.lang), lSiteShortName.In(b.lang))
	if isMap {
		line += lCreditSep.In(b.lang) + lMapNote.In(b.lang)
		if n := lMapApproval.In(b.lang); n != "" {
			line += lCreditSep.In(b.lang) + n
		}
	}
	return source + "\n" + line
}

// Credit is the site's credit line every chart carries, for checks over
// the drawn SVGs.
func Credit(l plan.Lang) string { return fmt.Sprintf(lCredit.In(l), lSiteShortName.In(l)) }

func tooltip(trigger string) charts.GlobalOpts {
	return charts.WithTooltipOpts(opts.Tooltip{Show: types.Bool(ptr(true)), Trigger: trigger})
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

// Grid is a bar chart's plot area, in pixels.
type Grid struct {
	Left         int  `json:"left"`
	Right        int  `json:"right"`
	Top          int  `json:"top"`
	Bottom       int  `json:"bottom"`
	ContainLabel bool `json:"containLabel"`
}

// CategoryAxis is an axis of names.
type CategoryAxis struct {
	Type      string    `json:"type"`
	Inverse   bool      `json:"inverse"`
	Data      []string  `json:"data"`
	AxisLabel AxisLabel `json:"axisLabel"`
	AxisLine  AxisLine  `json:"axisLine"`
	AxisTick  Show      `json:"axisTick"`
}

// ValueAxis is an axis of numbers.
type ValueAxis struct {
	Type          string    `json:"type"`
	MinInterval   int       `json:"minInterval,omitempty"`
	SplitNumber   int       `json:"splitNumber,omitempty"`
	Name          string    `json:"name,omitempty"`
	NameLocation  string    `json:"nameLocation,omitempty"`
	NameGap       int       `json:"nameGap,omitempty"`
	NameTextStyle TextStyle `json:"nameTextStyle"`
	AxisLabel     AxisLabel `json:"axisLabel"`
	SplitLine     SplitLine `json:"splitLine"`
}

// AxisLabel is the text along an axis.
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

// AxisLine is an axis' line.
type AxisLine struct {
	Show      *bool     `json:"show,omitempty"`
	LineStyle LineStyle `json:"lineStyle"`
}

// SplitLine is a value axis' grid lines.
type SplitLine struct {
	LineStyle LineStyle `json:"lineStyle"`
}

// LineStyle colours a line.
type LineStyle struct {
	Color string `json:"color"`
}

// Show turns a part on or off.
type Show struct {
	Show bool `json:"show"`
}
