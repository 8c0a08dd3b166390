// Package browser starts headless Chromium for the project's screenshots
// and browser tests, kept off the network: every request to a host that is
// not the loopback goes to a dead proxy.
package browser

import (
	"context"
	"errors"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium means no Chromium is installed.
var ErrNoChromium = errors.New("no chromium on this machine (apt-get install chromium fonts-noto-cjk)")

// Path finds Chromium: $CHROMIUM, else chromium or chromium-browser.
func Path() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Start launches a headless Chromium in a fresh profile. Cancel the
// returned context to close it.
func Start(ctx context.Context) (context.Context, context.CancelFunc, error) {
	path, err := Path()
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		// Anything not on the loopback is refused, so a stray third-party
		// request fails loudly instead of leaving the machine.
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.Flag("proxy-bypass-list", "127.0.0.1;localhost;[::1]"),
		chromedp.Flag("font-render-hinting", "none"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		cancelBrowser()
		cancelAlloc()
		return nil, nil, err
	}
	return bctx, func() { cancelBrowser(); cancelAlloc() }, nil
}
