// Package cards says what the pictures the build draws around a chart
// show (say.go) and lays them out as complete SVG documents that the
// rasteriser (scripts/rasterise.mjs) only has to draw: the social preview
// cards (Open Graph, Twitter) and the chart downloads (the chart with its
// credit lines, as SVG and PNG). Text
// is measured with the advance widths of the font the rasteriser draws
// with (package socialfont) and broken into lines by the rules of Chinese
// and English typesetting (wrap.go), so that what is laid out here is what
// is drawn.
package cards

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/hunan-industry/plan-site/generator/socialfont"
)

// Social is the size of a social card, as the platforms want it.
const (
	SocialWidth  = 1200
	SocialHeight = 630
)

// The card's boxes, in pixels.
const (
	pad          = 64.0
	leftX        = pad
	leftWidth    = 492.0 // the text column
	dividerX     = 588.0
	bandH        = 64.0 // the edition's name, across the top
	bandWidth    = SocialWidth - 2*pad
	bottom       = 48.0 // the margin under the last line
	chartX       = 608.0
	chartY       = bandH + 20
	chartW       = 560.0
	chartH       = SocialHeight - chartY - 24
	textTop      = bandH + 32 // where the title's first line starts
	titleLeading = 1.22
	subSize      = 27.0
	subLeading   = 1.45
	subMaxLines  = 5
	footSize     = 20.0
	footLeading  = 1.4
	titleFour    = 46.0 // from this size down, a title may take four lines
)

var titleSizes = []float64{64, 58, 52, 46, 42, 38, 34}

// The edition's name in the band: the largest of these sizes at which it
// fits on one line. A shared link is read from the top: the band says
// whose card it is, in type as heavy as the title's, before the title.
var bandSizes = []float64{32, 30, 28, 26}

// Card is what a social card shows: the edition's name in a band across
// the top, the page's title and a subtitle on the left, the footer lines
// (the document it is based on) and the credit (the site's address) at
// the bottom, the chart on the right.
type Card struct {
	Lang     string
	Edition  string // the edition's name, which says it is unofficial
	Title    string
	Subtitle string // shortened with … to the room left
	Footer   []string
	Credit   string
	Chart    []byte // the chart's build-time SVG
	// Keep are strings no line may break inside (the document number).
	Keep []string
}

// Layout measures and places text with one font.
type Layout struct {
	font *socialfont.Font
}

// New lays out with the font f.
func New(f *socialfont.Font) *Layout { return &Layout{font: f} }

func px(face *socialfont.Face, size float64) measure {
	return func(s string) float64 { return face.Width(s) * size }
}

// title picks the largest size at which the title fits without cutting a
// word, in three lines (four at the smaller sizes), with balanced lines;
// failing that, the smallest size, shortened to four lines.
func (l *Layout) title(s string) (float64, []string) {
	bold := l.font.Bold()
	maxLines := func(size float64) int {
		if size <= titleFour {
			return 4
		}
		return 3
	}
	for _, size := range titleSizes {
		w := balance(s, px(bold, size), leftWidth)
		if len(w.lines) <= maxLines(size) && !w.broken {
			return size, w.lines
		}
	}
	size := titleSizes[len(titleSizes)-1]
	return size, shorten(wrap(s, px(bold, size), leftWidth).lines, maxLines(size), px(bold, size), leftWidth)
}

// Social lays a card out as an SVG document of SocialWidth × SocialHeight.
func (l *Layout) Social(c Card) ([]byte, error) {
	if strings.TrimSpace(c.Title) == "" {
		return nil, fmt.Errorf("a card needs a title")
	}
	if strings.TrimSpace(c.Edition) == "" {
		return nil, fmt.Errorf("a card needs the edition's name")
	}
	chart, err := parseChart(c.Chart)
	if err != nil {
		return nil, err
	}
	reg, bold := l.font.Regular(), l.font.Bold()
	var texts []text

	// The edition's name, white on the accent, its em box centred in the band.
	bandSize := 0.0
	for _, size := range bandSizes {
		if px(bold, size)(c.Edition) <= bandWidth {
			bandSize = size
			break
		}
	}
	if bandSize == 0 {
		return nil, fmt.Errorf("the edition's name %q does not fit on one line of the card's band", c.Edition)
	}
	texts = append(texts, text{x: leftX, y: bandH/2 + bandSize*(bold.Ascent()-0.5), size: bandSize, weight: 700, fill: "#ffffff", s: c.Edition})

	// The footer and the credit under it, from the bottom up.
	var foot []string
	for _, f := range c.Footer {
		if strings.TrimSpace(f) != "" {
			foot = append(foot, wrapKeep(f, c.Keep, px(reg, footSize), leftWidth).lines...)
		}
	}
	var credit []string
	if strings.TrimSpace(c.Credit) != "" {
		credit = wrap(c.Credit, px(bold, footSize), leftWidth).lines
	}
	footStep := footSize * footLeading
	footTop := SocialHeight - bottom + 6 - float64(len(foot)+len(credit))*footStep

	// The title, from the top down.
	size, lines := l.title(c.Title)
	y := textTop
	for _, s := range lines {
		texts = append(texts, text{x: leftX, y: y + size*bold.Ascent(), size: size, weight: 700, fill: fg, s: s})
		y += size * titleLeading
	}

	// The subtitle, in the room between the title and the footer.
	if sub := strings.TrimSpace(c.Subtitle); sub != "" {
		y += 14
		step := subSize * subLeading
		max := min(subMaxLines, int(math.Floor((footTop-28-y)/step)))
		if max > 0 {
			m := px(reg, subSize)
			for _, s := range shorten(wrap(sub, m, leftWidth).lines, max, m, leftWidth) {
				texts = append(texts, text{x: leftX, y: y + subSize*reg.Ascent(), size: subSize, weight: 400, fill: muted, s: s})
				y += step
			}
		}
	}

	fy := footTop
	for _, s := range foot {
		texts = append(texts, text{x: leftX, y: fy + footSize*reg.Ascent(), size: footSize, weight: 400, fill: muted, s: s})
		fy += footStep
	}
	for _, s := range credit {
		texts = append(texts, text{x: leftX, y: fy + footSize*bold.Ascent(), size: footSize, weight: 700, fill: accent, s: s})
		fy += footStep
	}

	var b bytes.Buffer
	open(&b, SocialWidth, SocialHeight, c.Lang, chart.namespaces(), "")
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`, SocialWidth, SocialHeight)
	fmt.Fprintf(&b, `<rect width="%d" height="%s" fill="%s"/>`, SocialWidth, num(bandH), accent)
	fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>`, num(dividerX), num(textTop), num(dividerX), num(SocialHeight-bottom), line)
	// A short rule above the footer.
	fmt.Fprintf(&b, `<rect x="%s" y="%s" width="48" height="4" fill="%s"/>`, num(leftX), num1(footTop-16), accent)
	fmt.Fprintf(&b, `<g font-family="%s">`, socialfont.Family)
	for _, t := range texts {
		t.write(&b)
	}
	b.WriteString(`</g>`)
	chart.nested(&b, chartX, chartY, chartW, chartH)
	b.WriteString(`</svg>`)
	return b.Bytes(), nil
}
