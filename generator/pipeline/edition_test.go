package pipeline

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/cards"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// literalEnglish are interface strings that read as literal or as table speak: the
// 布局 wording, the strive marker, a city page's sentence, the column label
// given two names, and the placeholder date; then the table speak of labels:
// label-colon-count lines, a yes/no strive column, "different units" where
// both are yuan, a label that reads as a verb, bytes beside kilobytes.
var literalEnglish = []string{"laid out", "laying out", "lays out", "output aim", " aim ", "is in Hunan Province, part of",
	"Key technologies to tackle", "accessed D Month YYYY", "D Month YYYY", "YYYY",
	"with this industry:", "lists for it:", "Target to strive for", "different units", "Embed page", " bytes)",
	"Conflicting figure or unit", "Wording only"}

// literalChinese are that table speak in Chinese, likewise.
var literalChinese = []string{"所列产业：", "的市州：", "单位不同", "嵌入页面", "“力争”有无", "项目标表述不一致", "字节", "实质差异"}

// edition gives the rules of issue 15 for the real project.
func edition(t *testing.T) sitecheck.Edition {
	t.Helper()
	p, err := plan.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Document
	rules := func(l plan.Lang) sitecheck.EditionLang {
		return sitecheck.EditionLang{
			Independence: uitext.In(l, "independence"),
			Credit:       charts.Credit(l),
			Bare:         []string{d.Title.In(l), d.Notice.Issuer.In(l), d.Notice.Issuer.In(l) + " · " + d.Notice.Number.In(l)},
			Issuer:       d.Notice.Issuer.In(l),
			Chinese:      l == plan.ZH,
		}
	}
	zh, en := rules(plan.ZH), rules(plan.EN)
	zh.Forbidden = append([]string{"YYYY年M月D日"}, literalChinese...)
	en.Forbidden = literalEnglish
	return sitecheck.Edition{
		Langs:     map[string]sitecheck.EditionLang{"zh-CN": zh, "en": en},
		PlanPages: map[string]bool{"/plan/": true, "/en/plan/": true},
	}
}

// TestIndependentEdition holds every built page and chart to issue 15:
// titles and descriptions name the edition, every page says it is
// independent, every chart carries the site's credit, citations name the
// site as the author of its pages, site-written Chinese uses full-width
// punctuation, the Chinese 404 is Chinese and the English interface is
// not literal (the plan's own words: TestPlanWordsVerbatim).
func TestIndependentEdition(t *testing.T) {
	s := readSite(t)
	expectNone(t, "edition", s.Edition(edition(t)))
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
		if bad := sitecheck.CardCredit(c.Edition, cards.SiteName(c.Lang), map[plan.Lang]string{plan.ZH: "非官方", plan.EN: "unofficial"}[c.Lang]); bad != "" {
			t.Errorf("card %s/%s: %s", c.Lang, c.Name, bad)
		}
	}
}
