package pages

import (
	"strings"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// otherFigures are the amounts of the targets a page states as the other
// language writes them, for the search index alone (the search-names
// partial): an English reader who types 4100亿元 or 4100亿, as the plan
// writes it, finds the page that says 410 billion yuan, and a Chinese
// reader who types 410 billion finds the page that says 4100亿元.
func (v *view) otherFigures(ts []*plan.Target) string {
	var forms []string
	for _, t := range ts {
		if t == nil {
			continue
		}
		// On the English site each Chinese form stands beside the English,
		// so that a result's excerpt drawn from these words reads as a
		// gloss: "4100亿元 · 4100亿 (410 billion yuan)". The Chinese site's
		// block is English only (it is marked lang="en").
		zh, en := t.AmountsZH(), t.AmountEN()
		if len(zh) == 0 || en == "" {
			continue
		}
		if v.l == plan.ZH {
			forms = append(forms, en)
		} else {
			forms = append(forms, strings.Join(zh, " · ")+" ("+en+")")
		}
	}
	return otherNames(forms)
}

// addSearchFigures gives each page that states targets their amounts in
// the other language: the full text and the targets page all of them, an
// industry page its own, the home page those of its cards.
func (v *view) addSearchFigures(out map[string]*Page) {
	all := append([]*plan.Target(nil), v.p.Document.General.Goals.Targets...)
	home := append([]*plan.Target(nil), all...)
	set := func(path string, ts []*plan.Target) {
		if pg := out[path]; pg != nil && len(ts) > 0 {
			pg.Params.(searchNamed).searchNames().OtherFigures = v.otherFigures(ts)
		}
	}
	for _, ind := range v.p.Industries {
		all = append(all, ind.Targets...)
		set("industries/"+ind.Slug.Value+".md", ind.Targets)
		if pairs := plan.Pairs(ind.Targets); len(pairs) > 0 {
			home = append(home, pairs[0].Body, pairs[0].Attachment)
		}
	}
	set("plan.md", all)
	set("targets.md", all)
	set("_index.md", home)
}
