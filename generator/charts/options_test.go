package charts

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// drawing is one layout of one chart, for the tests that hold for both.
type drawing struct {
	c      *Chart
	layout Layout
	Drawing
}

func (d drawing) String() string { return fmt.Sprintf("%s/%s (%s)", d.c.Lang, d.c.ID, d.layout) }

// drawings are every layout of every chart.
func drawings(cs []*Chart) []drawing {
	var out []drawing
	for _, c := range cs {
		out = append(out, drawing{c, Wide, Drawing{Width: c.Width, Height: c.Height, Option: c.Option}})
		if c.Narrow != nil {
			out = append(out, drawing{c, Narrow, *c.Narrow})
		}
	}
	return out
}

func loadPlan(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := plan.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLayoutSizes: every chart is drawn at its design width, and every
// row of a bar chart has room for what it holds: beside the bar, a 12 px
// name with as much again between rows; on a phone, the name's lines above
// the bar (one for a count, up to three for a target's name and wording),
// their padding and a bar of at least 12 px.
func TestLayoutSizes(t *testing.T) {
	for _, d := range drawings(catalogue(t)) {
		switch {
		case d.layout == Narrow && d.Width != NarrowWidth:
			t.Errorf("%s: %d px wide; want %d", d, d.Width, NarrowWidth)
		case d.layout == Wide && d.c.Map && (d.Width != mapWidth || d.Height != mapHeight):
			t.Errorf("%s: %d × %d; a map is %d × %d", d, d.Width, d.Height, mapWidth, mapHeight)
		}
		o := d.Option
		if o.Grid == nil {
			continue
		}
		rows := len(o.YAxis[0].Data.([]string))
		perRow := float64(d.Height-o.Grid.Top-o.Grid.Bottom) / float64(rows)
		want := 24
		if l := o.YAxis[0].AxisLabel; d.layout == Narrow {
			lines := map[bool]int{false: 1, true: 3}[d.c.Kind == Targets]
			want = lines*l.LineHeight + l.Padding[2] + 12
		}
		if perRow < float64(want) {
			t.Errorf("%s: %.1f px for each of %d rows; want at least %d", d, perRow, rows, want)
		}
	}
}

// TestNarrowFits360: on a phone no text is under 12 px (drawn at 0.99, so
// none reads under 11), a bar chart's names stand above the bars within
// the width and the bars take the rest, and a map's legend is stacked.
func TestNarrowFits360(t *testing.T) {
	for _, d := range drawings(catalogue(t)) {
		if d.layout != Narrow {
			continue
		}
		walkJSON(t, d.Option, func(key string, v any) {
			if n, ok := v.(float64); ok && key == "fontSize" && n < 12 {
				t.Errorf("%s: text of %v px", d, n)
			}
		})
		o := d.Option
		if o.Title != nil {
			t.Errorf("%s: draws a title; on a phone the figure's caption says it", d)
		}
		for _, v := range o.VisualMap {
			if v.Type == "piecewise" && v.Orient != "vertical" {
				t.Errorf("%s: legend %s; want its pieces stacked", d, v.Orient)
			}
		}
		if o.Grid == nil {
			continue
		}
		l := o.YAxis[0].AxisLabel
		if o.Grid.ContainLabel || !l.Inside || l.Width > NarrowWidth-o.Grid.Left || l.Overflow != "break" {
			t.Errorf("%s: names inside %v, %d px wide (overflow %q) in a grid from %d px; want them above the bars, wrapped within %d px",
				d, l.Inside, l.Width, l.Overflow, o.Grid.Left, NarrowWidth)
		}
		if bars := NarrowWidth - o.Grid.Left - o.Grid.Right; bars < NarrowWidth*8/10 {
			t.Errorf("%s: bars %d px wide; want them to take the width", d, bars)
		}
	}
}

// barValue is a bar's value as the table writes it ("-" draws no bar).
func barValue(d opts.BarData) string {
	if d.Value == "-" {
		return "0"
	}
	return fmt.Sprint(d.Value)
}

// TestBarsShowTheTable: the count charts draw, name by name, the counts
// their tables list, core first.
func TestBarsShowTheTable(t *testing.T) {
	for _, d := range drawings(catalogue(t)) {
		if d.c.Kind != Counts {
			continue
		}
		o, rows := d.Option, d.c.Table.Rows
		names := o.YAxis[0].Data.([]string)
		core, key := o.Series[0].Data.([]opts.BarData), o.Series[1].Data.([]opts.BarData)
		if len(names) != len(rows) || len(core) != len(rows) || len(key) != len(rows) {
			t.Fatalf("%s: %d names, %d and %d bars for %d rows", d, len(names), len(core), len(key), len(rows))
		}
		n := len(d.c.Table.Header)
		for i, r := range rows {
			if names[i] != r[0] || barValue(core[i]) != r[n-3] || barValue(key[i]) != r[n-2] {
				t.Errorf("%s: bar %d is %s %s+%s; the table says %s %s+%s", d, i, names[i], barValue(core[i]), barValue(key[i]), r[0], r[n-3], r[n-2])
			}
		}
		if o.Series[0].Name != lCore.In(d.c.Lang) || o.Series[1].Name != lKey.In(d.c.Lang) {
			t.Errorf("%s: series %q and %q", d, o.Series[0].Name, o.Series[1].Name)
		}
	}
}

// TestHeatmapShowsTheTable: a cell is drawn, with its stars, exactly where
// the table has a rating.
func TestHeatmapShowsTheTable(t *testing.T) {
	for _, d := range drawings(catalogue(t)) {
		if d.c.Kind != Matrix {
			continue
		}
		drawn := map[[2]int]string{}
		for _, cell := range d.Option.Series[0].Data.([]HeatMapData) {
			v := cell.Value.([3]int)
			drawn[[2]int{v[0], v[1]}] = cell.Label.Formatter
		}
		rated := 0
		for y, r := range d.c.Table.Rows {
			for x, stars := range r[1:] {
				if stars != "" {
					rated++
				}
				if drawn[[2]int{x, y}] != stars {
					t.Errorf("%s: %s, %s drawn %q; the table says %q", d, r[0], d.c.Table.Header[x+1], drawn[[2]int{x, y}], stars)
				}
			}
		}
		if len(drawn) != rated {
			t.Errorf("%s: %d cells drawn for %d ratings", d, len(drawn), rated)
		}
	}
}

// TestTargetsShowTheTable: each target's bar says the figure the table
// gives it, on its axis or in its tooltip, and the English bar is the
// Chinese one in billions: 4100亿元 is 410.
func TestTargetsShowTheTable(t *testing.T) {
	cs := catalogue(t)
	for _, d := range drawings(cs) {
		if d.c.Kind != Targets {
			continue
		}
		names := d.Option.YAxis[0].Data.([]string)
		bars := d.Option.Series[0].Data.([]BarData)
		if len(bars) != len(d.c.Table.Rows) || len(names) != len(bars) {
			t.Fatalf("%s: %d bars, %d names for %d rows", d, len(bars), len(names), len(d.c.Table.Rows))
		}
		for i, r := range d.c.Table.Rows {
			tip := string(bars[i].Tooltip.Formatter)
			if !strings.HasSuffix(tip, r[2]) || !strings.Contains(tip, r[1]) {
				t.Errorf("%s: bar %d's tooltip %q; the table says %s %s", d, i, tip, r[1], r[2])
			}
			want := r[1]
			if d.layout == Narrow {
				want = r[1] + "\n" + r[2]
			} else if !strings.HasPrefix(bars[i].Label.Formatter, r[2]) {
				t.Errorf("%s: bar %d labelled %q; want %q", d, i, bars[i].Label.Formatter, r[2])
			}
			if !strings.HasPrefix(names[i], want) {
				t.Errorf("%s: bar %d named %q; want %q", d, i, names[i], want)
			}
		}
	}
	zh, en := find(cs, plan.ZH, "targets-yuan"), find(cs, plan.EN, "targets-yuan")
	zhBars, enBars := zh.Option.Series[0].Data.([]BarData), en.Option.Series[0].Data.([]BarData)
	for i := range zhBars {
		z, _ := new(big.Rat).SetString(zhBars[i].Value)
		e, _ := new(big.Rat).SetString(enBars[i].Value)
		if z == nil || e == nil || new(big.Rat).Mul(e, big.NewRat(10, 1)).Cmp(z) != 0 {
			t.Errorf("targets-yuan bar %d: %s亿元 in Chinese, %s billion in English", i, zhBars[i].Value, enBars[i].Value)
		}
	}
}

// TestMapsShowTheTable: the overview shades each city by its table's total
// and labels it core+key; the regional map colours each city by the group
// the table puts it in; a city's map marks that city alone.
func TestMapsShowTheTable(t *testing.T) {
	p := loadPlan(t)
	for _, d := range drawings(catalogue(t)) {
		if !d.c.Map {
			continue
		}
		o := d.Option
		items := o.MapSeries[0].Data.([]MapData)
		if len(items) != len(p.Cities) {
			t.Errorf("%s: %d regions for %d cities", d, len(items), len(p.Cities))
		}
		row := map[string][]string{} // by the city's short name or full name
		for _, r := range d.c.Table.Rows {
			row[r[0]], row[r[1]] = r, r
		}
		for i, item := range items {
			city := p.Cities[i]
			name := city.Short.In(d.c.Lang)
			switch d.c.Kind {
			case Overview:
				r := row[name]
				if want := name + "\n" + r[1] + "+" + r[2]; item.Label.Formatter != want || fmt.Sprint(item.Value) != r[3] {
					t.Errorf("%s: %s labelled %q, shaded %v; the table says %q, %s", d, name, item.Label.Formatter, item.Value, want, r[3])
				}
			case Regions:
				r := row[city.Name.In(d.c.Lang)]
				if piece := o.VisualMap[0].Pieces[int(item.Value.(float64))-1]; r == nil || piece.Label != r[0] || piece.Color != item.ItemStyle.AreaColor {
					t.Errorf("%s: %s coloured %s as %q; the table says %v", d, name, item.ItemStyle.AreaColor, piece.Label, r)
				}
			case CityMap:
				if marked := item.ItemStyle.AreaColor == colorCore; marked != (city.Code.Value == d.c.Subject) {
					t.Errorf("%s: %s marked %v", d, name, marked)
				}
			}
		}
	}
}

// TestWords: a wide drawing's title is the chart's and its subtext the
// source and the site's credit (on a map, the note that it is schematic);
// the aria description is the title and the summary.
func TestWords(t *testing.T) {
	for _, d := range drawings(catalogue(t)) {
		o, l := d.Option, d.c.Lang
		if want := d.c.Title + lSentenceEnd.In(l) + d.c.Summary; o.Aria.Label.Description != want {
			t.Errorf("%s: aria %q; want %q", d, o.Aria.Label.Description, want)
		}
		if d.layout == Narrow {
			continue
		}
		if o.Title.Text != d.c.Title || !strings.Contains(o.Title.Subtext, Credit(l)) || strings.Contains(o.Title.Subtext, lMapNote.In(l)) != d.c.Map {
			t.Errorf("%s: title %q, subtext %q", d, o.Title.Text, o.Title.Subtext)
		}
	}
}

var hexColour = regexp.MustCompile(`^(#[0-9A-Fa-f]{3,8}|rgba?\(.*\))$`)

// TestColoursByRole: core is drawn in the core colour and key in the key
// colour wherever they appear, text on their dark fills is white, and
// every other colour a chart writes is either one dark mode swaps by its
// role (roleColors, written exactly so) or one of the palettes.
func TestColoursByRole(t *testing.T) {
	palette := map[string]bool{colorCore: true, colorKey: true, colorOnFill: true, colorHalo: true, "rgba(255,255,255,0.45)": true}
	for _, c := range append(append(groupColors, kindColors...), "#F1EEF6", "#BDC9E1", "#74A9CF", "#2B8CBE", "#045A8D") {
		palette[c] = true
	}
	for _, d := range drawings(catalogue(t)) {
		o, l := d.Option, d.c.Lang
		walkJSON(t, o, func(key string, v any) {
			if s, ok := v.(string); ok && hexColour.MatchString(s) && roleColors[s] == "" && !palette[s] {
				t.Errorf("%s: %s %s is neither a role's colour nor the palette's", d, key, s)
			}
		})
		if roleColors[o.TextStyle.Color] != "text" || roleColors[o.BackgroundColor] != "ground" {
			t.Errorf("%s: text %s on %s", d, o.TextStyle.Color, o.BackgroundColor)
		}
		for _, v := range o.VisualMap {
			for _, p := range v.Pieces {
				if p.Label == lCore.In(l) && p.Color != colorCore || p.Label == lKey.In(l) && p.Color != colorKey {
					t.Errorf("%s: legend %q in %s", d, p.Label, p.Color)
				}
			}
		}
		switch {
		case d.c.Kind == Counts:
			if o.Series[0].ItemStyle.Color != colorCore || o.Series[1].ItemStyle.Color != colorKey {
				t.Errorf("%s: core bars %s, key bars %s", d, o.Series[0].ItemStyle.Color, o.Series[1].ItemStyle.Color)
			}
			if roleColors[o.YAxis[0].AxisLine.LineStyle.Color] != "axis" || roleColors[o.XAxis[0].SplitLine.LineStyle.Color] != "grid" {
				t.Errorf("%s: axis %s, grid lines %s", d, o.YAxis[0].AxisLine.LineStyle.Color, o.XAxis[0].SplitLine.LineStyle.Color)
			}
		case d.c.Kind == IndustryMap:
			for _, item := range o.MapSeries[0].Data.([]MapData) {
				fill := map[float64]string{valueCore: colorCore, valueKey: colorKey, valueNone: colorNone}[item.Value.(float64)]
				onFill := fill != colorNone
				if item.ItemStyle.AreaColor != fill || (item.Label.Color == colorOnFill) != onFill {
					t.Errorf("%s: %s filled %s, text %q", d, item.Name, item.ItemStyle.AreaColor, item.Label.Color)
				}
			}
		}
	}
}

// walkJSON calls fn with every key and value of the option as written.
func walkJSON(t *testing.T, o *Option, fn func(key string, v any)) {
	t.Helper()
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(b, &v)
	var walk func(key string, v any)
	walk = func(key string, v any) {
		fn(key, v)
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		}
	}
	walk("", v)
}
