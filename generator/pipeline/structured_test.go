package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// planFacts are the plan's facts as the checks of metadata hold pages to.
func planFacts(t *testing.T) sitecheck.PlanFacts {
	t.Helper()
	p, err := plan.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Document
	return sitecheck.PlanFacts{
		Names:    []string{d.Title.ZH, d.Title.EN},
		Issuer:   d.Notice.Issuer.ZH,
		Number:   d.Notice.Number.ZH,
		Editions: map[string]string{plan.ZH.Locale(): uitext.In(plan.ZH, "siteName"), plan.EN.Locale(): uitext.In(plan.EN, "siteName")},
	}
}

// TestStructuredData reads every built page's JSON-LD: the plan is the
// General Office's Legislation with its number, never at an address on
// this site, and every page is the edition's work based on it.
func TestStructuredData(t *testing.T) {
	expectNone(t, "structured data", readSite(t).StructuredData("plan.test", planFacts(t)))
}
