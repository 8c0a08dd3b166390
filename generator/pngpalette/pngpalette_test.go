package pngpalette

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// picture draws what the cards are made of: flat areas in several close
// shades (a choropleth's classes) and a soft edge across each.
func picture(shades int, alpha bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			band := x * shades / 300
			c := color.NRGBA{uint8(200 - 8*band), uint8(210 - 6*band), 230, 255}
			// A soft diagonal edge to a dark text colour.
			if d := (x + 2*y) % 97; d < 6 {
				t := float64(d) / 6
				c.R = uint8(float64(c.R)*t + 27*(1-t))
				c.G = uint8(float64(c.G)*t + 31*(1-t))
				c.B = uint8(float64(c.B)*t + 36*(1-t))
			}
			if alpha && y < 20 {
				c = color.NRGBA{}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// Every area colour keeps its exact value, the edges stay close, and the
// palette is no larger than it needs to be.
func TestAreasExact(t *testing.T) {
	src := picture(12, false)
	out, err := Encode(src, Site)
	if err != nil {
		t.Fatal(err)
	}
	got := decode(t, out)
	p, ok := got.(*image.Paletted)
	if !ok {
		t.Fatalf("decoded as %T, want a palette image", got)
	}
	if len(p.Palette) >= 256 || len(p.Palette) < 13 {
		t.Errorf("%d colours for 12 shades and their edges", len(p.Palette))
	}
	var sq, n float64
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			want := src.NRGBAAt(x, y)
			r, g, b, _ := got.At(x, y).RGBA()
			dr, dg, db := float64(r>>8)-float64(want.R), float64(g>>8)-float64(want.G), float64(b>>8)-float64(want.B)
			if (x+2*y)%97 >= 6 && (dr != 0 || dg != 0 || db != 0) {
				t.Fatalf("area pixel (%d,%d) is %v, want exactly %v", x, y, got.At(x, y), want)
			}
			sq += dr*dr + dg*dg + db*db
			n += 3
		}
	}
	if rms := sq / n; rms > Site.EdgeError*Site.EdgeError {
		t.Errorf("mean squared error %.2f over the limit %.2f", rms, Site.EdgeError*Site.EdgeError)
	}
	again, _ := Encode(src, Site)
	if !bytes.Equal(out, again) {
		t.Error("the same picture gave different bytes")
	}
	truecolour := new(bytes.Buffer)
	png.Encode(truecolour, src)
	if len(out) >= truecolour.Len() {
		t.Errorf("%d bytes, not smaller than the truecolour PNG's %d", len(out), truecolour.Len())
	}
}

// At 16 colours or fewer the pixels are packed two to a byte
// (PNG bit depth 4), and the file still decodes to the same picture.
func TestBitDepth(t *testing.T) {
	src := picture(3, false)
	o := Site
	o.MaxColours = 16
	out, err := Encode(src, o)
	if err != nil {
		t.Fatal(err)
	}
	if depth := out[8+8+8]; depth != 4 {
		t.Errorf("bit depth %d, want 4", depth)
	}
	q := Quantise(src, o)
	got := decode(t, out)
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			r1, g1, b1, a1 := got.At(x, y).RGBA()
			r2, g2, b2, a2 := q.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				t.Fatalf("(%d,%d): file %v, quantised %v", x, y, got.At(x, y), q.At(x, y))
			}
		}
	}
}

func TestTransparencyKept(t *testing.T) {
	out, err := Encode(picture(4, true), Site)
	if err != nil {
		t.Fatal(err)
	}
	got := decode(t, out)
	if _, _, _, a := got.At(5, 5).RGBA(); a != 0 {
		t.Errorf("a transparent pixel has alpha %d", a)
	}
	if _, _, _, a := got.At(5, 50).RGBA(); a != 0xffff {
		t.Errorf("an opaque pixel has alpha %d", a)
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{{MaxColours: 1, Level: 9}, {MaxColours: 257, Level: 9}, {MaxColours: 16, Level: 0}} {
		if _, err := Encode(picture(2, false), o); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
	if _, err := Convert([]byte("not a png"), Site); err == nil {
		t.Error("a broken PNG accepted")
	}
}
