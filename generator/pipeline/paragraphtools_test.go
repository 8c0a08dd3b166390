package pipeline

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// paragraphToolsJS measures, as Chromium lays them out, the links after
// the full text's paragraphs and headings (¶ # ⇄): each a target of at
// least 24 × 24 CSS px (WCAG 2.5.8), named in words for a screen reader
// and, by its title, for a pointer.
const paragraphToolsJS = `(() => {
	const out = [], tools = document.querySelectorAll('a.anchor');
	if (!tools.length) return { Count: 0, Problems: ['no paragraph tools'] };
	for (const a of tools) {
		const r = a.getBoundingClientRect(), name = a.getAttribute('aria-label') || '';
		if (r.width < 24 || r.height < 24) out.push(a.textContent + ' ' + a.getAttribute('href') + ': ' + r.width.toFixed(1) + ' × ' + r.height.toFixed(1) + ' px');
		if (!/[\p{L}]{2}/u.test(name)) out.push(a.textContent + ' ' + a.getAttribute('href') + ': named ' + JSON.stringify(name));
		if (a.title !== name) out.push(a.textContent + ' ' + a.getAttribute('href') + ': title ' + JSON.stringify(a.title) + ' is not its name');
	}
	return { Count: tools.length, Problems: out.slice(0, 8) };
})()`

type toolsReport struct {
	Count    int
	Problems []string
}

func measureTools(ctx context.Context, u string) (toolsReport, error) {
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.EmulateViewport(390, 800), chromedp.Navigate(u)); err != nil {
		return toolsReport{}, err
	}
	return chromedp.Run(tctx, chromedp.Evaluate[toolsReport](paragraphToolsJS))
}

// TestParagraphToolsAreTargets reads the full text in both languages at
// 390 px; and, so that the check can fail, a page whose ¶ is a bare
// symbol of 15 × 16 px.
func TestParagraphToolsAreTargets(t *testing.T) {
	srv, ctx := servedInBrowser(t)
	for _, page := range []string{"/plan/", "/en/plan/"} {
		r, err := measureTools(ctx, srv.URL+page)
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		if r.Count < 100 {
			t.Errorf("%s: %d paragraph tools; want one or two after every paragraph and heading", page, r.Count)
		}
		for _, p := range r.Problems {
			t.Errorf("%s: %s", page, p)
		}
	}
	broken := `<!doctype html><p>段落 <a class="anchor" href="#p" aria-label="¶" style="display:inline-block;width:15px;height:16px;font-size:12px">¶</a></p>`
	r, err := measureTools(ctx, "data:text/html;charset=utf-8,"+url.PathEscape(broken))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 3 {
		t.Errorf("a 15 × 16 px ¶ named by its symbol, without a title: %v; want its size, its name and its title found", r.Problems)
	}
}
