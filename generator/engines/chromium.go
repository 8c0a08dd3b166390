package engines

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hunan-industry/plan-site/generator/browser"
)

func chromiumAvailable() error {
	if _, err := browser.Path(); err != nil {
		if errors.Is(err, browser.ErrNoChromium) {
			return fmt.Errorf("%w: %v", ErrMissing, err)
		}
		return err
	}
	return nil
}

// chromium is headless Chromium (generator/browser) with one tab.
type chromium struct {
	tab     context.Context
	stop    func()
	dark    bool
	version string
}

func startChromium(ctx context.Context, opts Options) (Browser, error) {
	if err := chromiumAvailable(); err != nil {
		return nil, err
	}
	bctx, cancel, err := browser.Start(context.WithoutCancel(ctx))
	if err != nil {
		return nil, fmt.Errorf("starting Chromium: %w", err)
	}
	c := &chromium{tab: bctx, stop: cancel, dark: opts.Dark}
	if err := c.Eval(ctx, `navigator.userAgent.match(/Chrome\/[\d.]+/)[0]`, &c.version); err != nil {
		cancel()
		return nil, err
	}
	return c, nil
}

func (c *chromium) Name() Name      { return Chromium }
func (c *chromium) Version() string { return c.version }

// run runs steps in the tab, ended when ctx is.
func (c *chromium) run(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) error {
	rctx, cancel := context.WithCancel(c.tab)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	return chromedp.Do(rctx, steps...)
}

func (c *chromium) Resize(ctx context.Context, w, h int) error {
	scheme := "light"
	if c.dark {
		scheme = "dark"
	}
	// A plain viewport, no phone emulation: the other engines are driven
	// as desktop browsers in a window of the phone's width, and the
	// comparison is of the same layout.
	return c.run(ctx, chromedp.EmulateViewport(int64(w), int64(h)),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
			return err
		}))
}

func (c *chromium) Load(ctx context.Context, u string, w, h int) error {
	if err := c.Resize(ctx, w, h); err != nil {
		return err
	}
	return c.run(ctx, chromedp.Navigate(u))
}

func (c *chromium) Eval(ctx context.Context, js string, out any) error {
	rctx, cancel := context.WithCancel(c.tab)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	s, err := chromedp.Run(rctx, chromedp.Evaluate[string](wrapJS(js), chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal([]byte(s), out)
}

func (c *chromium) Click(ctx context.Context, x, y float64) error {
	return c.run(ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y), chromedp.MouseClickXY(x, y))
}

func (c *chromium) Screenshot(ctx context.Context) ([]byte, error) {
	rctx, cancel := context.WithCancel(c.tab)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	return chromedp.Run(rctx, chromedp.CaptureScreenshot())
}

func (c *chromium) Close() error {
	c.stop()
	return nil
}
