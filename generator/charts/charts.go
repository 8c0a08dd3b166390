// Package charts builds every chart of the site, in each language, as an
// ECharts option made with go-echarts, together with the text a reader
// needs beside it: a title, a one-paragraph summary and the data table
// (which is also the chart's CSV download).
package charts

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// Chart is one chart in one language.
type Chart struct {
	ID      string // slug, the same in both languages: industry-construction-machinery
	Lang    plan.Lang
	Kind    Kind
	Title   string
	Summary string // what the chart shows, in a sentence or two; also its aria description
	Width   int
	Height  int
	Map     bool    // drawn on the Hunan map
	Option  *Option // the wide layout
	// Narrow is the layout for a phone's column; nil where the chart gives
	// way to its data table on phones (the 16 × 14 heatmap).
	Narrow *Drawing
	Table  Table
	// Page and Subject are the page that shows the chart (see Registry):
	// Subject is an industry's slug or a city's code on their pages, empty
	// for a site-wide chart.
	Page    Page
	Subject string
}

// Layout is the width a chart is drawn for. Both layouts are drawn at
// build time; the page shows the one that fits its column (CSS), and the
// live chart takes the same one.
type Layout string

const (
	Wide   Layout = "wide"   // a desktop column, up to 60rem
	Narrow Layout = "narrow" // a phone's column, about 356 CSS px
)

// NarrowWidth is the narrow layouts' design width: a 390 px phone's column
// (356 px) drawn at a scale just under 1, so that 12 px text reads as 11.9.
const NarrowWidth = 360

// Drawing is one layout of a chart: its option and its box.
type Drawing struct {
	Width  int
	Height int
	Option *Option
}

// Table is exactly the data a chart shows: Header and Rows are the table
// its page prints. Its CSV download (a resource of the site's data
// package) adds the columns a tool needs after the page's: the codes behind
// the names and the chart's figures as numbers with their units.
type Table struct {
	Header []string
	Rows   [][]string
	// Fields describes the CSV's columns: the page's (named by their
	// header), then the download's own (Data).
	Fields []Field
	// Data holds, row by row, the cells of the download's own columns.
	Data [][]string
}

// Field is a column of a chart's CSV as the data package's schema gives it.
type Field struct {
	Name string // the header cell; the download's own columns are named alike in both languages (value, unit, city_code)
	Type string // Table Schema type: string, integer, number
	// About says what the column holds, with its unit, in the chart's
	// language; empty where the header says it all.
	About string
}

// Field types, as Table Schema names them.
const (
	TypeString  = "string"
	TypeInteger = "integer"
	TypeNumber  = "number"
)

// CSVRows are the chart's CSV: the fields' names, then each row of the
// page's table followed by its download cells.
func (t Table) CSVRows() [][]string {
	head := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		head[i] = f.Name
	}
	rows := [][]string{head}
	for i, r := range t.Rows {
		row := append(append([]string{}, r...), t.Data[i]...)
		rows = append(rows, row)
	}
	return rows
}

// columns starts the table: the page's header and each column's field.
func (t *Table) columns(fs ...Field) {
	t.Fields = fs
	for _, f := range fs {
		t.Header = append(t.Header, f.Name)
	}
}

// data names the download's own columns, after the page's.
func (t *Table) data(fs ...Field) { t.Fields = append(t.Fields, fs...) }

// row adds a row: the page's cells, then the download's.
func (t *Table) row(page []string, data ...string) {
	t.Rows = append(t.Rows, page)
	t.Data = append(t.Data, data)
}

func text(name string) Field { return Field{Name: name, Type: TypeString} }

// code is a download column of codes or words, the same in both
// languages' files.
func code(name string, about plan.Text, lang plan.Lang) Field {
	return Field{Name: name, Type: TypeString, About: about.In(lang)}
}

// File is the JSON the site and the renderer read: the option and its box.
type File struct {
	ID     string    `json:"id"`
	Lang   plan.Lang `json:"lang"`
	Width  int       `json:"width"`
	Height int       `json:"height"`
	Map    string    `json:"map"`
	Option *Option   `json:"option"`
	// Layout is "wide" or "narrow"; Roles names the colours that dark mode
	// swaps (see roleColors), for the renderer's classes and the live chart.
	Layout Layout            `json:"layout"`
	Roles  map[string]string `json:"roles"`
}

// JSON encodes the chart for the renderer and the interactive loader.
func (c *Chart) JSON() ([]byte, error) {
	return c.encode(Wide, Drawing{Width: c.Width, Height: c.Height, Option: c.Option})
}

// NarrowJSON encodes the narrow layout; nil if the chart has none.
func (c *Chart) NarrowJSON() ([]byte, error) {
	if c.Narrow == nil {
		return nil, nil
	}
	return c.encode(Narrow, *c.Narrow)
}

func (c *Chart) encode(l Layout, d Drawing) ([]byte, error) {
	f := File{ID: c.ID, Lang: c.Lang, Width: d.Width, Height: d.Height, Option: d.Option, Layout: l, Roles: roleColors}
	if c.Map {
		f.Map = MapName
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("chart %s (%s): %w", c.ID, c.Lang, err)
	}
	return buf.Bytes(), nil
}

// MapName is the name the map geometry is registered under.
const MapName = "hunan"

// All builds every chart of the Registry in both languages.
func All(p *plan.Plan) ([]*Chart, error) {
	var out []*Chart
	for _, lang := range plan.Langs {
		wide := &builder{p: p, lang: lang, layout: Wide}
		narrow := &builder{p: p, lang: lang, layout: Narrow}
		for _, d := range Registry {
			cs := d.build(wide)
			var ns []*Chart
			if d.narrow {
				ns = d.build(narrow)
			}
			for i, c := range cs {
				c.ID, c.Lang, c.Kind, c.Page = d.ID(c.Subject), lang, d.Kind, d.Page
				if d.narrow {
					n := ns[i]
					c.Narrow = &Drawing{Width: n.Width, Height: n.Height, Option: n.Option}
				}
				if err := finish(c, d.narrow); err != nil {
					return nil, err
				}
			}
			out = append(out, cs...)
		}
	}
	return out, nil
}

// builder makes the charts of one language in one layout.
type builder struct {
	p      *plan.Plan
	lang   plan.Lang
	layout Layout
}

// narrow says whether the builder draws for a phone.
func (b *builder) narrow() bool { return b.layout == Narrow }

// t picks the builder's language.
func (b *builder) t(t plan.Text) string { return t.In(b.lang) }
