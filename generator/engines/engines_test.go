package engines

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"
)

// page reports where it was clicked, and what a request off the loopback
// got.
const page = `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0 } #target { position: absolute; left: 100px; top: 200px; width: 50px; height: 50px; background: #c00 }</style></head>
<body><div id="target"></div><div style="height: 3000px"></div><script>
window.clicks = [];
document.getElementById('target').addEventListener('click', (e) => clicks.push([e.clientX, e.clientY]));
window.offsite = fetch('http://example.com/', {mode: 'no-cors'}).then(() => 'answered', () => 'failed');
</script></body></html>`

func start(t *testing.T, name Name, opts Options) Browser {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser: skipped under -short, with the rest of the browser gate")
	}
	if err := Available(name); err != nil {
		if errors.Is(err, ErrMissing) && os.Getenv("CI") != "true" {
			t.Skipf("%v (skipped; under CI=true this fails)", err)
		}
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	b, err := Start(ctx, name, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// TestEngines drives each engine through the interface: the viewport is
// the size asked for (its scrollbar over the page), the colour scheme the one started with, a click
// lands where it is aimed, the screenshot has the viewport's size, and
// nothing leaves the loopback.
func TestEngines(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	t.Cleanup(srv.Close)
	for _, name := range All {
		t.Run(string(name), func(t *testing.T) {
			t.Parallel()
			for _, dark := range []bool{false, true} {
				b := start(t, name, Options{Dark: dark})
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				defer cancel()
				if err := b.Load(ctx, srv.URL, 390, 844); err != nil {
					t.Fatal(err)
				}
				var got struct {
					W, H, Layout int
					Dark         bool
				}
				if err := b.Eval(ctx, `({W: innerWidth, H: innerHeight, Layout: document.documentElement.clientWidth, Dark: matchMedia('(prefers-color-scheme: dark)').matches})`, &got); err != nil {
					t.Fatal(err)
				}
				if got.W != 390 || got.H != 844 || got.Dark != dark {
					t.Errorf("%s: viewport %d × %d, dark %v; want 390 × 844, dark %v", b.Version(), got.W, got.H, got.Dark, dark)
				}
				// A page taller than the screen lays out at the screen's
				// full width: its scrollbar, as on a phone, over the page.
				if got.Layout != 390 {
					t.Errorf("%s: a tall page laid out %d px wide on a 390 px screen", b.Version(), got.Layout)
				}
				if err := b.Click(ctx, 120, 220); err != nil {
					t.Fatal(err)
				}
				var clicks [][2]float64
				if err := b.Eval(ctx, `new Promise((r) => setTimeout(() => r(clicks), 100))`, &clicks); err != nil {
					t.Fatal(err)
				}
				if len(clicks) != 1 || clicks[0] != [2]float64{120, 220} {
					t.Errorf("%s: clicks at %v, want one at (120, 220)", b.Version(), clicks)
				}
				var off string
				if err := b.Eval(ctx, `offsite`, &off); err != nil {
					t.Fatal(err)
				}
				if off != "failed" {
					t.Errorf("%s: a request off the loopback %s", b.Version(), off)
				}
				shot, err := b.Screenshot(ctx)
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(shot))
				if err != nil {
					t.Fatal(err)
				}
				if s := img.Bounds().Size(); s.X != 390 || s.Y != 844 {
					t.Errorf("%s: screenshot %v, want 390 × 844", b.Version(), s)
				}
				if err := b.Resize(ctx, 1280, 900); err != nil {
					t.Fatal(err)
				}
				if err := b.Eval(ctx, `({W: innerWidth, H: innerHeight})`, &got); err != nil {
					t.Fatal(err)
				}
				if got.W != 1280 || got.H != 900 {
					t.Errorf("%s: resized to %d × %d, want 1280 × 900", b.Version(), got.W, got.H)
				}
				t.Logf("%s, dark %v: fine", b.Version(), dark)
				b.Close()
			}
		})
	}
}
