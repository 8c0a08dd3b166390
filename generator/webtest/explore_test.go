package webtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestExplore(t *testing.T) {
	dir := os.Getenv("EXPLORE")
	if dir == "" {
		t.Skip()
	}
	base := serve(t, dir, loadNetlify(t))
	bctx := chrome(t)
	for i := 0; i < 3; i++ {
		s := time.Now()
		tabCtx, cancel := chromedp.NewContext(bctx)
		chromedp.Do(tabCtx)
		t.Logf("tab %v", time.Since(s))
		s = time.Now()
		chromedp.Do(tabCtx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
		t.Logf("emulate %v", time.Since(s))
		s = time.Now()
		chromedp.Run(tabCtx, chromedp.NavigateResponse(base+"/about/"))
		t.Logf("nav %v", time.Since(s))
		s = time.Now()
		cancel()
		t.Logf("close %v", time.Since(s))
	}
	_ = context.Background
}
