package cards

import (
	"github.com/hunan-industry/plan-site/generator/internal/realplan"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/socialfont"
)

var root = filepath.Join("..", "..")

// realPlan is data/ loaded, with its charts, once for all the tests.
func realPlan(t testing.TB) (*plan.Plan, []*charts.Chart) { return realplan.Load(t) }

// TestFontCoversData fails when the data holds a character that the
// committed font subset lacks: the social images would show it as a blank.
// The message says how to remake the subset.
func TestFontCoversData(t *testing.T) {
	p, cs := realPlan(t)
	texts, err := Texts(p, cs)
	if err != nil {
		t.Fatal(err)
	}
	f, err := socialfont.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	// The data's texts, and the base set (the ellipsis the layout
	// shortens with, digits, Latin) through Charset.
	if msg := socialfont.Report(f.Missing(append(texts, string(socialfont.Charset(nil)))...)); msg != "" {
		t.Error(msg)
	}
}

// TestTextsReachTheCharts checks that Texts sees the strings deep inside
// chart options (the map's city labels, the legend) and the cards.
func TestTextsReachTheCharts(t *testing.T) {
	p, cs := realPlan(t)
	texts, err := Texts(p, cs)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{p.Document.Notice.Number.ZH, p.Document.Notice.Number.EN, p.Cities[0].Short.ZH, p.Industries[0].Name.EN, "★"} {
		if !strings.Contains(all, want) {
			t.Errorf("texts lack %q", want)
		}
	}
}

// TestCardTexts: every social card's texts are whole words, not a format
// that went wrong (%!(EXTRA …), %!s(MISSING)); its band is the site's
// name, which says it is unofficial, and its footer names the plan it is
// based on, by title and number.
func TestCardTexts(t *testing.T) {
	p, cs := realPlan(t)
	unofficial := map[plan.Lang]string{plan.ZH: "非官方", plan.EN: "unofficial"}
	for _, c := range SocialCards(p, cs) {
		for _, s := range []string{c.Edition, c.Title, c.Subtitle, c.Footer, c.Alt} {
			if strings.Contains(s, "%!") {
				t.Errorf("card %s/%s: %q", c.Lang, c.Name, s)
			}
		}
		if c.Edition != SiteName(c.Lang) || !strings.Contains(c.Edition, unofficial[c.Lang]) {
			t.Errorf("card %s/%s: the band %q is not the site's name %q, saying %q", c.Lang, c.Name, c.Edition, SiteName(c.Lang), unofficial[c.Lang])
		}
		if d := p.Document; !strings.Contains(c.Footer, d.Title.In(c.Lang)) || !strings.Contains(c.Footer, d.Notice.Number.In(c.Lang)) {
			t.Errorf("card %s/%s: the footer %q does not name the plan it is based on", c.Lang, c.Name, c.Footer)
		}
	}
}
