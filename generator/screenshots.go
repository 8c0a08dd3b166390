package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hunan-industry/plan-site/generator/browser"
	"github.com/hunan-industry/plan-site/generator/build"
	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/preview"
)

// screenshotPages are the pages a reviewer looks at, in both languages.
var screenshotPages = []string{"/", "/industries/construction-machinery/", "/cities/changsha/", "/plan/"}

var screenshotWidths = []int64{390, 1280}

// screenshots builds the site into a temporary folder, serves it with
// netlify.toml's headers, and saves full-page PNGs of the key pages at
// phone and desktop widths in both languages.
func screenshots(root, dir string, pages []string, log io.Writer) error {
	tmp, err := os.MkdirTemp("", "plan-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	if _, err := build.Run(build.Options{Root: root, Out: out, BaseURL: "http://127.0.0.1/"}); err != nil {
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
	for _, lang := range []string{"zh", "en"} {
		for _, page := range pages {
			u := page
			if lang == "en" {
				u = "/en" + page
			}
			for _, w := range screenshotWidths {
				shot, err := capture(ctx, srv.URL+u, w)
				if err != nil {
					return fmt.Errorf("%s at %dpx: %w", u, w, err)
				}
				name := fmt.Sprintf("%s-%s-%d.png", lang, slug(page), w)
				if err := os.WriteFile(filepath.Join(dir, name), shot, 0o644); err != nil {
					return err
				}
				fmt.Fprintf(log, "%s\n", filepath.Join(dir, name))
			}
		}
	}
	return nil
}

func capture(ctx context.Context, url string, width int64) ([]byte, error) {
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	return chromedp.Run(tctx, chromedp.FullScreenshot(100))
}

func slug(page string) string {
	s := strings.Trim(strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(page), "-")
	if s == "" {
		return "home"
	}
	return s
}
