package cards

import (
	"bytes"
	"fmt"
	"math"
	"strings"
)

// A chart's download (the SVG and PNG files a reader saves) is the chart
// as the page draws it — its title and source line are its own — with
// credit lines under it: who made it and where it lives, its date, and on
// English charts that the English is an unofficial translation. Whoever
// reposts the file reposts those lines.

const (
	dlPad      = 16.0
	dlSize     = 13.0
	dlNoteSize = 12.0
	dlLeading  = 1.5
	// The download SVG is opened with whatever fonts the reader has; the
	// lines are broken with room to spare for a wider one.
	dlSlack = 0.92
)

// The font stack of the charts' own text (see scripts/render-charts.mjs
// and generator/charts), then the font the rasteriser has.
const dlFamily = `system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif`

// Download is what a chart's download files show besides the chart.
type Download struct {
	Lang string
	// Credit is the first line, bold: the site's name, its address, the
	// date, joined with " · "; a line breaks between these parts first.
	Credit []string
	Notes  []string // smaller lines under it (the unofficial-translation note)
	Chart  []byte   // the chart's build-time SVG (the wide layout)
}

// Download lays out a chart's download as an SVG document and says its
// size in CSS pixels (the PNG is drawn at assetpath.DownloadScale times that).
func (l *Layout) Download(d Download) (svg []byte, width, height int, err error) {
	chart, err := parseChart(d.Chart)
	if err != nil {
		return nil, 0, 0, err
	}
	if strings.TrimSpace(strings.Join(d.Credit, "")) == "" {
		return nil, 0, 0, fmt.Errorf("a chart download needs a credit line")
	}
	reg, bold := l.font.Regular(), l.font.Bold()
	w := chart.w
	room := (w - 2*dlPad) * dlSlack

	var texts []text
	y := chart.h + dlPad
	for _, s := range wrapParts(d.Credit, " · ", px(bold, dlSize), room) {
		texts = append(texts, text{x: dlPad, y: y + dlSize*bold.Ascent(), size: dlSize, weight: 700, fill: fg, s: s})
		y += dlSize * dlLeading
	}
	for _, n := range d.Notes {
		for _, s := range wrap(n, px(reg, dlNoteSize), room).lines {
			texts = append(texts, text{x: dlPad, y: y + dlNoteSize*reg.Ascent(), size: dlNoteSize, weight: 400, fill: muted, s: s})
			y += dlNoteSize * dlLeading
		}
	}
	h := math.Ceil(y + dlPad - 4)

	var b bytes.Buffer
	open(&b, w, h, d.Lang, chart.namespaces(), chart.attrs["aria-label"])
	fmt.Fprintf(&b, `<rect width="%s" height="%s" fill="#ffffff"/>`, num(w), num(h))
	chart.nested(&b, 0, 0, w, chart.h)
	fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`, num(dlPad), num(chart.h+0.5), num(w-dlPad), num(chart.h+0.5), line)
	fmt.Fprintf(&b, `<g font-family="%s">`, escape(dlFamily))
	for _, t := range texts {
		t.write(&b)
	}
	b.WriteString(`</g></svg>`)
	return b.Bytes(), int(math.Ceil(w)), int(h), nil
}

// wrapParts joins parts with sep into lines no wider than width, breaking
// between parts where it can and inside a part only when it alone is too
// wide.
func wrapParts(parts []string, sep string, w measure, width float64) []string {
	var out []string
	cur := ""
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			continue
		}
		switch {
		case cur == "":
			cur = p
		case w(cur+sep+p) <= width:
			cur += sep + p
		default:
			out = append(out, cur)
			cur = p
		}
		if w(cur) > width {
			ls := wrap(cur, w, width).lines
			out = append(out, ls[:len(ls)-1]...)
			cur = ls[len(ls)-1]
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}
