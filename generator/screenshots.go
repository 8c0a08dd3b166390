package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/hunan-industry/plan-site/generator/browser"
	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/pipeline"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/preview"
)

// screenshotPages are the pages a reviewer looks at, in both languages:
// one of every kind.
func screenshotPages() []string {
	var out []string
	for _, k := range pages.Kinds {
		out = append(out, k.Path)
	}
	return out
}

// schemes are the colour schemes each page is taken in.
var schemes = []string{"light", "dark"}

var screenshotWidths = []int64{390, 1280}

// screenshots builds the site into a temporary folder, serves it with
// netlify.toml's headers, and saves full-page PNGs of the key pages at
// phone and desktop widths in both languages.
func screenshots(root, dir string, paths []string, log io.Writer) error {
	tmp, err := os.MkdirTemp("", "plan-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	if _, err := pipeline.Run(pipeline.Options{Root: root, Out: out, BaseURL: "http://127.0.0.1/"}); err != nil {
		return err
	}
	cfg, err := netlify.Load(filepath.Join(root, "netlify.toml"))
	if err != nil {
		return err
	}
	srv, err := preview.Start(out, "127.0.0.1:0", cfg)
	if err != nil {
		return err
	}
	defer srv.Close()

	ctx, cancel, err := browser.Start(context.Background())
	if err != nil {
		return err
	}
	defer cancel()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, lang := range plan.Langs {
		for _, page := range paths {
			u := lang.Prefix() + page
			for _, w := range screenshotWidths {
				for _, scheme := range schemes {
					shot, err := capture(ctx, srv.URL+u, w, scheme)
					if err != nil {
						return fmt.Errorf("%s at %dpx (%s): %w", u, w, scheme, err)
					}
					name := fmt.Sprintf("%s-%s-%d-%s.png", lang, slug(page), w, scheme)
					if err := os.WriteFile(filepath.Join(dir, name), shot, 0o644); err != nil {
						return err
					}
					fmt.Fprintf(log, "%s\n", filepath.Join(dir, name))
				}
			}
		}
	}
	return nil
}

func capture(ctx context.Context, url string, width int64, scheme string) ([]byte, error) {
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	media := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	})
	if err := chromedp.Do(tctx, chromedp.EmulateViewport(width, 900), media, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	h, err := chromedp.Run(tctx, chromedp.Evaluate[float64](`document.documentElement.scrollHeight`))
	if err != nil {
		return nil, err
	}
	if h <= maxShotHeight {
		return chromedp.Run(tctx, chromedp.FullScreenshot(100))
	}
	// Chromium refuses a capture this tall ("Page is too large"): the
	// longest pages (the side-by-side text on a phone) are shot from the
	// top down to the limit.
	return chromedp.Run(tctx, chromedp.Action[[]byte](func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			CaptureBeyondViewport: &yes, FromSurface: &yes, Format: page.CaptureScreenshotFormatPng,
			Clip: &page.Viewport{Width: float64(width), Height: maxShotHeight, Scale: 1},
		})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}))
}

// maxShotHeight is the tallest capture, in CSS px, Chromium makes whole.
const maxShotHeight = 16000

var yes = true

func slug(page string) string {
	s := strings.Trim(strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(page), "-")
	if s == "" {
		return "home"
	}
	return s
}
