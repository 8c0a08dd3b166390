package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/cards"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// literalEnglish are the interface strings issue 14 found literal: the
// 布局 wording, the strive marker, a city page's sentence, the column label
// given two names, and the placeholder date.
var literalEnglish = []string{"laid out", "laying out", "lays out", "output aim", " aim ", "is in Hunan Province, part of",
	"Key technologies to tackle", "accessed D Month YYYY", "D Month YYYY", "YYYY"}

// edition gives the rules of issue 15 for the real project.
func edition(t *testing.T) sitecheck.Edition {
	t.Helper()
	p, err := plan.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "data", "source", "xzbf-2023-54.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Document
	rules := func(l plan.Lang) sitecheck.EditionLang {
		return sitecheck.EditionLang{
			Independence: uitext.In(l, "independence"),
			Credit:       charts.Credit(l),
			Bare:         []string{d.Title.In(l), d.ReaderTitle.In(l), d.Notice.Issuer.In(l), d.Notice.Issuer.In(l) + " · " + d.Notice.Number.In(l)},
			Issuer:       d.Notice.Issuer.In(l),
			Chinese:      l == plan.ZH,
		}
	}
	zh, en := rules(plan.ZH), rules(plan.EN)
	zh.Forbidden = []string{"YYYY年M月D日"}
	en.Forbidden = literalEnglish
	return sitecheck.Edition{
		Langs:     map[string]sitecheck.EditionLang{"zh-CN": zh, "en": en},
		PlanPages: map[string]bool{"/plan/": true, "/en/plan/": true},
		Source:    string(src),
	}
}

// TestIndependentEdition holds every built page and chart to issue 15:
// titles and descriptions name the edition, every page says it is
// independent, every chart carries the site's credit, citations name the
// site as the author of its pages, site-written Chinese uses full-width
// punctuation, the Chinese 404 is Chinese, the English interface is not
// literal, and what the pages show as the plan's text is the plan's.
func TestIndependentEdition(t *testing.T) {
	s := readSite(t)
	fs, counts := s.Edition(edition(t))
	expectNone(t, "edition", fs)
	// The checked blocks must still be marked: the safeguards page shows
	// ten measures, each text and units line; an industry page its intro,
	// items and units line.
	p, err := plan.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if n, want := counts["/safeguards/"], 2*len(p.Document.Safeguards.Items); n != want {
		t.Errorf("/safeguards/ marks %d blocks as the plan's text, want %d", n, want)
	}
	for _, ind := range p.Industries {
		u := "/industries/" + ind.Slug.Value + "/"
		if n, want := counts[u], len(ind.Items)+2; n != want {
			t.Errorf("%s marks %d blocks as the plan's text, want %d", u, n, want)
		}
	}
	if !strings.Contains(charts.Credit(plan.ZH), "制图") {
		t.Errorf("the Chinese credit %q does not say 制图", charts.Credit(plan.ZH))
	}
}

// TestSocialCardsCarryCredit: every card names the edition, so a shared
// link never looks like the government's own release.
func TestSocialCardsCarryCredit(t *testing.T) {
	p, err := plan.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := charts.All(p)
	if err != nil {
		t.Fatal(err)
	}
	all := cards.SocialCards(p, cs)
	if len(all) == 0 {
		t.Fatal("no social cards")
	}
	for _, c := range all {
		if bad := sitecheck.CardCredit(c.Footer, cards.SiteName(c.Lang)); bad != "" {
			t.Errorf("card %s/%s: %s", c.Lang, c.Name, bad)
		}
	}
}
