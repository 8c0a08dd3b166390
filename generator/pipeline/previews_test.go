package pipeline

import (
	"regexp"
	"testing"

	"github.com/hunan-industry/plan-site/generator/internal/realplan"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
)

// previews are the words by which a preview of the real site says whose
// it is: unofficial, this edition, or the plan (by name, or a part of it);
// and the forms in which a sentence states one of the plan's goals.
func previews(t *testing.T) sitecheck.Previews {
	t.Helper()
	p, _ := realplan.Load(t)
	d := p.Document
	return sitecheck.Previews{Langs: map[string]sitecheck.PreviewLang{
		"zh-CN": {
			Unofficial: "非官方",
			Edition:    []string{"本站"},
			Plan:       []string{"方案", "附件1", "附件2", "正文", "原文", d.Title.In(plan.ZH)},
			Goal:       regexp.MustCompile(`到2027年|力争|(将|要)(达到|超过|突破|建成|形成|培育)|(达到|超过|突破)\d`),
		},
		"en": {
			Unofficial: "unofficial",
			Edition:    []string{"this site", "This site", "this edition", "This edition"},
			Plan:       []string{"the plan", "The plan", "plan's", "Plan's", "attachment 1", "attachment 2", "layout table", d.Title.In(plan.EN)},
			Goal:       regexp.MustCompile(`(?i)\bwill (be|exceed|reach|grow|top|have|become|remain|rise|form|build)\b|\bby 2027\b|\bstrive`),
		},
	}}
}

// TestPreviewsSayWhose reads every built page's previews in both
// languages (og:title, og:description, twitter:*, the meta description):
// each says it is unofficial or whose it is, and none states the plan's
// goals as the site's own facts.
func TestPreviewsSayWhose(t *testing.T) {
	s := readSite(t)
	expectNone(t, "previews", s.Previews(previews(t)))
}
