package webtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// A4 in inches, as Page.printToPDF takes it, with Chromium's default
// margins (1 cm).
const a4Width, a4Height = 8.27, 11.69

// printPDF prints the page at u to PDF on A4, as a reader's Print does
// (no backgrounds), and reads it back as text, one string per page, with
// Poppler's pdftotext.
func printPDF(t testing.TB, u string) (sheets []string, marks int) {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		need(t, "pdftotext (Debian's poppler-utils)", err)
	}
	ctx, cancel := chromedp.NewContext(chrome(t), chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	tctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTime()
	var res page.PrintToPDFResult
	err = chromedp.Do(tctx, chromedp.Navigate(u), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		var err error
		res, err = cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: a4Width, PaperHeight: a4Height})
		return err
	}))
	if err != nil {
		t.Fatalf("%s: printing: %v", u, err)
	}
	// A disclosure triangle is drawn, not text: pdftotext cannot see it.
	// The summaries that show under print media as list items (the
	// triangle is their marker) are counted in the page itself.
	if err := chromedp.Do(tctx, call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})); err != nil {
		t.Fatal(err)
	}
	marks, err = chromedp.Run(tctx, chromedp.Evaluate[int](`[...document.querySelectorAll('summary')].filter((s) => s.getClientRects().length && getComputedStyle(s).display === 'list-item').length`))
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "page.pdf")
	if keep := os.Getenv("PRINT_TEXT"); keep != "" {
		pdf = filepath.Join(keep, strings.NewReplacer("/", "_", ":", "_").Replace(u)+".pdf")
	}
	if err := os.WriteFile(pdf, res.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", u, err)
	}
	sheets = strings.Split(string(out), "\f")
	if len(sheets) > 1 && strings.TrimSpace(sheets[len(sheets)-1]) == "" {
		sheets = sheets[:len(sheets)-1] // pdftotext ends every page with \f
	}
	return sheets, marks
}

// printedPage is what a printed page must show, read from its built HTML.
type printedPage struct {
	path, title, url, date string
	charts                 []printedChart
}

type printedChart struct{ title, summary string }

func expectedPrint(t testing.TB, dir string, k pages.Kind, l plan.Lang) printedPage {
	t.Helper()
	p := printedPage{path: k.In(l)}
	doc := parseFile(t, filepath.Join(dir, filepath.FromSlash(k.FileIn(l)), map[bool]string{true: "", false: "index.html"}[k.File != ""]))
	if h := find(doc, func(n *html.Node) bool { return n.Data == "h1" }); len(h) > 0 {
		p.title = trimmedText(h[0])
	}
	// A missing page has no address of its own; an embed page is printed
	// from the host's page it is framed in, which has its own.
	if k.File == "" && !k.Embed {
		p.url = siteURL + strings.TrimPrefix(p.path, "/")
	}
	// The edition's date, as the footer words it.
	pattern := regexp.QuoteMeta(uitext.In(l, "lastUpdated"))
	pattern = "^" + strings.Replace(pattern, regexp.QuoteMeta("{{ . }}"), "(.+)", 1) + "$"
	for _, n := range find(doc, func(n *html.Node) bool { return n.Data == "p" }) {
		if m := regexp.MustCompile(pattern).FindStringSubmatch(trimmedText(n)); m != nil {
			p.date = m[1]
		}
	}
	for _, fig := range find(doc, func(n *html.Node) bool { return n.Data == "figure" && hasClass(n, "chart") }) {
		var c printedChart
		for _, n := range find(fig, func(n *html.Node) bool { return hasClass(n, "chart-title") || hasClass(n, "chart-summary") }) {
			if hasClass(n, "chart-title") {
				c.title = trimmedText(n)
			} else {
				c.summary = trimmedText(n)
			}
		}
		p.charts = append(p.charts, c)
	}
	return p
}

// printFindings says where the printed pages fail the reader: page 1
// must lead with the page's title, address and the edition's date (the
// first chart of the targets page there too), no disclosure mark may
// print, no chart title twice, and no chart split over two pages (its
// title and its summary on one).
func printFindings(want printedPage, sheets []string, marks int, firstChartOnFirst bool) []string {
	var found []string
	if len(sheets) == 0 {
		return []string{want.path + ": printed nothing"}
	}
	if marks > 0 {
		found = append(found, fmt.Sprintf("%s: %d disclosure triangles print (<summary> shown as a list item)", want.path, marks))
	}
	first := sitecheck.Squeeze(sheets[0])
	for _, s := range []struct{ what, text string }{{"title", want.title}, {"address", want.url}, {"date", want.date}} {
		if s.text != "" && !strings.Contains(first, sitecheck.Squeeze(s.text)) {
			found = append(found, fmt.Sprintf("%s: page 1 of %d does not show the page's %s %q", want.path, len(sheets), s.what, s.text))
		}
	}
	all := sitecheck.Squeeze(strings.Join(sheets, ""))
	for _, mark := range []string{"▼", "▶", "►", "▸", "▾"} {
		if n := strings.Count(all, mark); n > 0 {
			found = append(found, fmt.Sprintf("%s: %d disclosure marks %q print", want.path, n, mark))
		}
	}
	for i, c := range want.charts {
		title := sitecheck.Squeeze(c.title)
		if title == "" {
			continue
		}
		if n := strings.Count(all, title); n > 1 {
			found = append(found, fmt.Sprintf("%s: the chart title %q prints %d times", want.path, c.title, n))
		}
		on := -1
		for j, s := range sheets {
			if strings.Contains(sitecheck.Squeeze(s), title) {
				on = j
				break
			}
		}
		if on < 0 {
			found = append(found, fmt.Sprintf("%s: the chart %q does not print", want.path, c.title))
			continue
		}
		if i == 0 && firstChartOnFirst && on != 0 {
			found = append(found, fmt.Sprintf("%s: the chart %q starts on page %d, not page 1", want.path, c.title, on+1))
		}
		// The summary's first words, on the title's page: the chart is whole.
		if s := []rune(sitecheck.Squeeze(c.summary)); len(s) > 0 && !strings.Contains(sitecheck.Squeeze(sheets[on]), string(s[:min(20, len(s))])) {
			found = append(found, fmt.Sprintf("%s: the chart %q is split: its summary is not on page %d with its title", want.path, c.title, on+1))
		}
	}
	return found
}

// TestPrint: every kind of page, in both languages, printed to A4 PDF in
// Chromium and read back as text (printFindings); the page counts are
// logged.
func TestPrint(t *testing.T) {
	base := siteServer(t)
	dir := siteDir(t)
	only := os.Getenv("PRINT_KINDS") // a comma-separated subset, to work on a few
	for _, k := range pages.Kinds {
		if only != "" && !slices.Contains(strings.Split(only, ","), k.Name) {
			continue
		}
		for _, l := range plan.Langs {
			want := expectedPrint(t, dir, k, l)
			sheets, marks := printPDF(t, base+k.In(l))
			if keep := os.Getenv("PRINT_TEXT"); keep != "" { // to read what printed
				name := strings.ReplaceAll(k.Name, " ", "-") + "." + string(l) + ".txt"
				os.WriteFile(filepath.Join(keep, name), []byte(strings.Join(sheets, "\n\f=== next page ===\n")), 0o644)
			}
			t.Logf("printed %-10s %-2s %2d pages", k.Name, l, len(sheets))
			for _, f := range printFindings(want, sheets, marks, k.Name == "targets") {
				t.Error(f)
			}
		}
	}
}

// TestPrintCheckerCatchesBrokenPrint: printFindings reports each fault of
// the fixture page printed badly on purpose.
func TestPrintCheckerCatchesBrokenPrint(t *testing.T) {
	base := fixtureBase(t)
	chrome(t)
	want := printedPage{path: "/print/", title: "Badly printed", url: fixtureURL + "print/", date: "8 December 2026",
		charts: []printedChart{{title: "A chart title", summary: "The summary of the chart, far below it."}}}
	sheets, marks := printPDF(t, base+"/print/")
	found := printFindings(want, sheets, marks, true)
	for _, w := range [][]string{
		{"page 1 of", "address"}, {"page 1 of", "date"}, {"disclosure triangles print"},
		{"prints 2 times"}, {"not page 1"}, {"is split"},
	} {
		expectFinding(t, "the print check", "/print/", found, w...)
	}
}
