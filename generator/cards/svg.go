package cards

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The site's colours (themes/plansite/assets/css/site.css, light scheme).
const (
	fg     = "#1b1f24"
	muted  = "#4f5863"
	line   = "#d5dae0"
	accent = "#0b5cab"
)

// escape makes s safe as XML text or a quoted attribute value.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// num writes a coordinate with at most one decimal.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func num1(v float64) string { return strconv.FormatFloat(float64(int64(v*10+0.5))/10, 'f', -1, 64) }

// text is one line of text at (x, y), y being its baseline.
type text struct {
	x, y   float64
	size   float64
	weight int
	fill   string
	s      string
	anchor string // "" (start) or "end"
}

func (t text) write(b *bytes.Buffer) {
	fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s" font-weight="%d" fill="%s"`, num1(t.x), num1(t.y), num(t.size), t.weight, t.fill)
	if t.anchor != "" {
		fmt.Fprintf(b, ` text-anchor="%s"`, t.anchor)
	}
	fmt.Fprintf(b, `>%s</text>`, escape(t.s))
}

// chartSVG is a chart's build-time SVG, read apart: its root's attributes
// and its content.
type chartSVG struct {
	attrs   map[string]string
	order   []string
	content string
	w, h    float64 // the viewBox's size
	viewBox string
}

var attrRE = regexp.MustCompile(`([\w:-]+)\s*=\s*"([^"]*)"`)

// parseChart reads the root <svg> of a chart's SVG.
func parseChart(svg []byte) (*chartSVG, error) {
	s := strings.TrimSpace(string(svg))
	if !strings.HasPrefix(s, "<svg") || !strings.HasSuffix(s, "</svg>") {
		return nil, fmt.Errorf("the chart is not an <svg> element")
	}
	end := strings.IndexByte(s, '>')
	if end < 0 || strings.HasSuffix(s[:end], "/") {
		return nil, fmt.Errorf("the chart's <svg> is empty")
	}
	c := &chartSVG{attrs: map[string]string{}, content: s[end+1 : len(s)-len("</svg>")]}
	for _, m := range attrRE.FindAllStringSubmatch(s[len("<svg"):end], -1) {
		if _, ok := c.attrs[m[1]]; !ok {
			c.order = append(c.order, m[1])
		}
		c.attrs[m[1]] = m[2]
	}
	c.viewBox = c.attrs["viewBox"]
	if c.viewBox == "" {
		w, _ := strconv.ParseFloat(c.attrs["width"], 64)
		h, _ := strconv.ParseFloat(c.attrs["height"], 64)
		if w <= 0 || h <= 0 {
			return nil, fmt.Errorf("the chart's <svg> has neither a viewBox nor a width and height")
		}
		c.viewBox = fmt.Sprintf("0 0 %s %s", num(w), num(h))
	}
	f := strings.Fields(c.viewBox)
	if len(f) != 4 {
		return nil, fmt.Errorf("the chart's viewBox %q is not four numbers", c.viewBox)
	}
	var err1, err2 error
	c.w, err1 = strconv.ParseFloat(f[2], 64)
	c.h, err2 = strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || c.w <= 0 || c.h <= 0 {
		return nil, fmt.Errorf("the chart's viewBox %q has no size", c.viewBox)
	}
	return c, nil
}

// namespaces are the root's xmlns:* declarations, which the document
// that nests the chart must carry.
func (c *chartSVG) namespaces() [][2]string {
	var out [][2]string
	for _, k := range c.order {
		if strings.HasPrefix(k, "xmlns:") {
			out = append(out, [2]string{k, c.attrs[k]})
		}
	}
	return out
}

// ownRoot are the chart root's attributes that the nesting does not carry
// over: those it sets itself, the namespaces (open declares them once for
// the document), and those of the chart as a document of its own (its
// accessible name goes on the nesting document's root; data-layout is the
// site's CSS hook). The rest are presentation attributes its texts
// inherit (render-charts.mjs says what the labels share there once).
var ownRoot = map[string]bool{
	"x": true, "y": true, "width": true, "height": true, "viewBox": true, "preserveAspectRatio": true,
	"xmlns": true, "role": true, "aria-label": true, "data-layout": true,
}

// nested writes the chart as a nested <svg> filling the box, its aspect
// ratio kept (centred), with the root's inherited attributes. Attributes
// values are written back as they came: the chart renderer escaped them.
func (c *chartSVG) nested(b *bytes.Buffer, x, y, w, h float64) {
	fmt.Fprintf(b, `<svg x="%s" y="%s" width="%s" height="%s" viewBox="%s" preserveAspectRatio="xMidYMid meet"`,
		num(x), num(y), num(w), num(h), c.viewBox)
	for _, k := range c.order {
		if !ownRoot[k] && !strings.HasPrefix(k, "xmlns:") {
			fmt.Fprintf(b, ` %s="%s"`, k, c.attrs[k])
		}
	}
	b.WriteString(">")
	b.WriteString(c.content)
	b.WriteString(`</svg>`)
}

// open writes the root of a document of size w × h that nests charts.
func open(b *bytes.Buffer, w, h float64, lang string, ns [][2]string, label string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg"`)
	seen := map[string]bool{}
	for _, n := range append([][2]string{{"xmlns:xlink", "http://www.w3.org/1999/xlink"}}, ns...) {
		if !seen[n[0]] {
			seen[n[0]] = true
			fmt.Fprintf(b, ` %s="%s"`, n[0], n[1])
		}
	}
	fmt.Fprintf(b, ` width="%s" height="%s" viewBox="0 0 %s %s" xml:lang="%s"`, num(w), num(h), num(w), num(h), escape(lang))
	if label != "" {
		// As the chart renderer wrote it: escaped already, with no quote.
		fmt.Fprintf(b, ` role="img" aria-label="%s"`, label)
	}
	b.WriteString(`>`)
}
