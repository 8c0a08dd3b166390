package webtest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hunan-industry/plan-site/generator/engines"
)

// For a person to look at: with ENGINE_SHOTS set to a folder, the label
// test saves each page's first chart as each engine draws it, side by
// side (Chromium, WebKit, Firefox from left to right), one PNG per page
// and width.
var (
	engineShotsMu sync.Mutex
	engineShots   = map[string]map[engines.Name]image.Image{}
)

// shootChart scrolls the first chart on show to the top of the viewport
// and keeps its picture, under key, for saveEngineShots.
func shootChart(t testing.TB, s *engineSlot, key string) {
	t.Helper()
	if os.Getenv("ENGINE_SHOTS") == "" {
		return
	}
	r := engineEval[*struct{ X, Y, W, H float64 }](t, s, `(() => {
		const c = [...document.querySelectorAll('figure.chart .chart-canvas')].find((c) => c.offsetParent !== null);
		if (!c) return null;
		c.scrollIntoView({block: 'start'});
		const r = c.getBoundingClientRect();
		return {X: r.left, Y: r.top, W: r.width, H: r.height};
	})()`)
	if r == nil {
		return
	}
	engineEval[bool](t, s, settleJS)
	ctx, cancel := context.WithTimeout(context.Background(), engineOp)
	defer cancel()
	shot, err := s.b.Screenshot(ctx)
	if err != nil {
		t.Fatalf("%s: screenshot: %v", s.b.Version(), err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	crop := image.Rect(int(r.X), int(r.Y), int(r.X+r.W+0.5), int(r.Y+r.H+0.5)).Intersect(img.Bounds())
	out := image.NewRGBA(image.Rect(0, 0, crop.Dx(), crop.Dy()))
	draw.Draw(out, out.Bounds(), img, crop.Min, draw.Src)
	engineShotsMu.Lock()
	defer engineShotsMu.Unlock()
	if engineShots[key] == nil {
		engineShots[key] = map[engines.Name]image.Image{}
	}
	engineShots[key][s.b.Name()] = out
}

// saveEngineShots writes the pictures of key side by side.
func saveEngineShots(t testing.TB, key string) {
	t.Helper()
	dir := os.Getenv("ENGINE_SHOTS")
	if dir == "" {
		return
	}
	engineShotsMu.Lock()
	shots := engineShots[key]
	engineShotsMu.Unlock()
	const gap = 12
	w, h := gap, 0
	for _, name := range engines.All {
		if img := shots[name]; img != nil {
			w += img.Bounds().Dx() + gap
			h = max(h, img.Bounds().Dy())
		}
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h+2*gap))
	draw.Draw(out, out.Bounds(), image.NewUniform(color.RGBA{0x88, 0x88, 0x88, 0xff}), image.Point{}, draw.Src)
	x := gap
	for _, name := range engines.All {
		img := shots[name]
		if img == nil {
			continue
		}
		draw.Draw(out, image.Rect(x, gap, x+img.Bounds().Dx(), gap+img.Bounds().Dy()), img, image.Point{}, draw.Src)
		x += img.Bounds().Dx() + gap
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	name := strings.Trim(strings.NewReplacer("/", "-", " ", "").Replace(key), "-") + ".png"
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, out); err != nil {
		t.Fatal(err)
	}
	t.Logf("saved %s (%s)", filepath.Join(dir, name), fmt.Sprint(engines.All))
}
