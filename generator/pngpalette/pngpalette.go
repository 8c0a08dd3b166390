// Package pngpalette turns the truecolour PNGs that the rasteriser draws
// (social cards, chart downloads) into palette PNGs: the same picture in
// as few colours as keep it looking the same, at most 256, packed 4 bits
// to the pixel when 16 suffice. The pictures are flat colours and the
// anti-aliased edges between them: every colour that covers a visible area
// keeps its exact value (a map's shades stand for data and must not merge),
// the edges share the rest. There is no dithering, so that flat areas stay
// flat (and compress) and text edges stay clean.
//
// The same pixels give the same bytes, so that the byte budgets are stable
// and the caches can keep the result.
package pngpalette

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"sort"
)

// Options say how far the palette may simplify a picture.
type Options struct {
	// MaxColours caps the palette (2–256).
	MaxColours int
	// Area is the share of the pixels from which a colour counts as an
	// area rather than an edge: such a colour keeps its exact value.
	Area float64
	// EdgeError is the largest root-mean-square error, in 8-bit levels
	// per channel over all pixels, that the edges may take.
	EdgeError float64
	// Level is the zlib compression level (1–9).
	Level int
}

// Version changes whenever this package draws differently from the same
// options, so that caches of its output start afresh.
const Version = 1

// Site is what the site's images use, chosen by looking at the social
// cards and the chart downloads at full size beside their truecolour
// drawings: a colour on 0.2 % of the picture or more (a map's region, a
// bar, a legend's class) keeps its exact value; the edges stay within 2
// levels (root mean square) of the drawing.
var Site = Options{MaxColours: 256, Area: 0.002, EdgeError: 2, Level: 6}

// Convert reads a PNG and writes it as a palette PNG.
func Convert(pngBytes []byte, o Options) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		return nil, err
	}
	return Encode(img, o)
}

// Encode writes img as a palette PNG.
func Encode(img image.Image, o Options) ([]byte, error) {
	if o.MaxColours < 2 || o.MaxColours > 256 {
		return nil, fmt.Errorf("pngpalette: %d colours, want 2 to 256", o.MaxColours)
	}
	if o.Level < 1 || o.Level > 9 {
		return nil, fmt.Errorf("pngpalette: zlib level %d, want 1 to 9", o.Level)
	}
	return write(Quantise(img, o), o.Level)
}

// entry is one exact colour of the picture and how many pixels have it.
type entry struct {
	c uint32 // 0xRRGGBBAA, non-premultiplied
	n float64
}

func (e entry) ch(i int) float64 { return float64(uint8(e.c >> (24 - 8*i))) }

// stats sum a set of entries: pixel count, per-channel sums and sums of
// squares; err is the summed squared distance from their mean.
type stats struct {
	n     float64
	s, ss [4]float64
}

func (s *stats) add(e entry) {
	s.n += e.n
	for i := 0; i < 4; i++ {
		v := e.ch(i)
		s.s[i] += e.n * v
		s.ss[i] += e.n * v * v
	}
}

func (s *stats) plus(o *stats) {
	s.n += o.n
	for i := 0; i < 4; i++ {
		s.s[i] += o.s[i]
		s.ss[i] += o.ss[i]
	}
}

func (s *stats) minus(o *stats) {
	s.n -= o.n
	for i := 0; i < 4; i++ {
		s.s[i] -= o.s[i]
		s.ss[i] -= o.ss[i]
	}
}

func (s *stats) err() float64 {
	if s.n == 0 {
		return 0
	}
	var e float64
	for i := 0; i < 4; i++ {
		e += s.ss[i] - s.s[i]*s.s[i]/s.n
	}
	if e < 0 { // rounding
		return 0
	}
	return e
}

func (s *stats) mean() color.NRGBA {
	m := func(i int) uint8 {
		v := s.s[i]/s.n + 0.5
		if v > 255 {
			v = 255
		}
		return uint8(v)
	}
	return color.NRGBA{m(0), m(1), m(2), m(3)}
}

type box struct {
	es []entry
	st stats
	// area: one of the picture's area colours is in the box, which is
	// then split until that colour is alone (or with its equals).
	area bool
}

func newBox(es []entry, areaMin float64) box {
	b := box{es: es}
	for _, e := range es {
		b.st.add(e)
	}
	if len(es) > 1 {
		for _, e := range es {
			if e.n >= areaMin {
				b.area = true
				break
			}
		}
	}
	return b
}

// contiguous gives img as non-premultiplied RGBA, row after row with no
// gap: img itself when it is so already (the rasteriser's frames are).
func contiguous(img image.Image) *image.NRGBA {
	b := img.Bounds()
	if m, ok := img.(*image.NRGBA); ok && m.Stride == 4*b.Dx() && len(m.Pix) == 4*b.Dx()*b.Dy() {
		return m
	}
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	return out
}

// at reads pixel i as 0xRRGGBBAA; every transparent pixel is 0.
func at(pix []byte, i int) uint32 {
	c := binary.BigEndian.Uint32(pix[4*i:])
	if c&0xff == 0 {
		return 0
	}
	return c
}

// Quantise maps img to a palette: the fewest colours (up to MaxColours)
// that keep every area colour exact and the edges within EdgeError.
func Quantise(img image.Image, o Options) *image.Paletted {
	src := contiguous(img)
	w, h := src.Rect.Dx(), src.Rect.Dy()
	n := w * h

	counts := map[uint32]float64{}
	last, run := uint32(0), 0.0
	for i := 0; i < n; i++ {
		c := at(src.Pix, i)
		if i > 0 && c != last {
			counts[last] += run
			run = 0
		}
		last = c
		run++
	}
	if n > 0 {
		counts[last] += run
	}
	es := make([]entry, 0, len(counts))
	for c, n := range counts {
		es = append(es, entry{c, n})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].c < es[j].c })

	total := float64(n)
	areaMin := o.Area * total
	// Over the three colour channels (alpha errs only at soft edges of
	// transparency, which these pictures lack).
	maxSSE := o.EdgeError * o.EdgeError * 3 * total
	boxes := []box{newBox(es, areaMin)}
	sse := boxes[0].st.err()
	for len(boxes) < o.MaxColours {
		// An area colour not yet alone first; else the box with the largest
		// error, while the edges are not yet good enough.
		worst := -1
		for i := range boxes {
			if len(boxes[i].es) < 2 {
				continue
			}
			if worst < 0 || boxes[i].area && !boxes[worst].area ||
				boxes[i].area == boxes[worst].area && boxes[i].st.err() > boxes[worst].st.err() {
				worst = i
			}
		}
		if worst < 0 || !boxes[worst].area && sse <= maxSSE {
			break
		}
		a, b := split(boxes[worst].es)
		sse -= boxes[worst].st.err()
		boxes[worst] = newBox(a, areaMin)
		boxes = append(boxes, newBox(b, areaMin))
		sse += boxes[worst].st.err() + boxes[len(boxes)-1].st.err()
	}

	// Darkest first: a stable order, and the one PNG viewers show best.
	sort.Slice(boxes, func(i, j int) bool { return boxes[i].es[0].c < boxes[j].es[0].c })
	pal := make(color.Palette, len(boxes))
	index := make(map[uint32]uint8, len(es))
	for i, b := range boxes {
		pal[i] = b.st.mean()
		for _, e := range b.es {
			index[e.c] = uint8(i)
		}
	}
	out := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	var li uint8
	for i := 0; i < n; i++ {
		c := at(src.Pix, i)
		if i == 0 || c != last {
			li = index[c]
			last = c
		}
		out.Pix[i] = li
	}
	return out
}

// split cuts a box's colours in two along the channel and at the value
// where the two halves' summed error is least.
func split(es []entry) (a, b []entry) {
	best := -1.0
	bestC, bestAt := 0, 0
	var bins [256]stats
	for c := 0; c < 4; c++ {
		bins = [256]stats{}
		var total stats
		for _, e := range es {
			bins[uint8(e.c>>(24-8*c))].add(e)
		}
		for i := range bins {
			total.plus(&bins[i])
		}
		var left stats
		for v := 0; v < 255; v++ {
			left.plus(&bins[v])
			if left.n == 0 || left.n == total.n || bins[v].n == 0 {
				continue
			}
			right := total
			right.minus(&left)
			if e := left.err() + right.err(); best < 0 || e < best {
				best, bestC, bestAt = e, c, v
			}
		}
	}
	for _, e := range es {
		if int(uint8(e.c>>(24-8*bestC))) <= bestAt {
			a = append(a, e)
		} else {
			b = append(b, e)
		}
	}
	return a, b
}

// write encodes a palette image as PNG at the smallest bit depth its
// palette allows, with no row filter (the best for palette indices).
// image/png does the same for an *image.Paletted, at the same speed, but
// splits IDAT into 32 KiB chunks (12 bytes each: 1,248 bytes more over
// the site's 148 PNGs, 6.4 MB) and offers only zlib levels 1, 6 and 9.
func write(p *image.Paletted, level int) ([]byte, error) {
	depth := 8
	switch n := len(p.Palette); {
	case n <= 2:
		depth = 1
	case n <= 4:
		depth = 2
	case n <= 16:
		depth = 4
	}
	w, h := p.Rect.Dx(), p.Rect.Dy()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		var l [4]byte
		binary.BigEndian.PutUint32(l[:], uint32(len(data)))
		out.Write(l[:])
		crc := crc32.NewIEEE()
		crc.Write([]byte(kind))
		crc.Write(data)
		out.WriteString(kind)
		out.Write(data)
		binary.BigEndian.PutUint32(l[:], crc.Sum32())
		out.Write(l[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = byte(depth), 3 // palette colour
	chunk("IHDR", ihdr)
	plte := make([]byte, 0, 3*len(p.Palette))
	var trns []byte
	for i, c := range p.Palette {
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		plte = append(plte, n.R, n.G, n.B)
		if n.A != 255 {
			for len(trns) < i {
				trns = append(trns, 255)
			}
			trns = append(trns, n.A)
		}
	}
	chunk("PLTE", plte)
	if trns != nil {
		chunk("tRNS", trns)
	}

	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, level)
	if err != nil {
		return nil, err
	}
	rowBytes := (w*depth + 7) / 8
	row := make([]byte, 1+rowBytes) // filter byte 0: none
	perByte := 8 / depth
	for y := 0; y < h; y++ {
		src := p.Pix[y*p.Stride : y*p.Stride+w]
		if depth == 8 {
			copy(row[1:], src)
		} else {
			clear(row[1:])
			for x, v := range src {
				row[1+x/perByte] |= v << (8 - depth*(x%perByte+1))
			}
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out.Bytes(), nil
}
