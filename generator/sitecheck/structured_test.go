package sitecheck

import (
	"strings"
	"testing"
)

var facts = PlanFacts{
	Names:    []string{"湖南省现代化产业体系建设实施方案", "Hunan Province Modern Industrial System Construction Implementation Plan"},
	Issuer:   "湖南省人民政府办公厅",
	Number:   "湘政办发〔2023〕54号",
	Editions: map[string]string{"zh-CN": "本版", "en": "The edition"},
}

const goodLegislation = `{"@type":"Legislation","name":"湖南省现代化产业体系建设实施方案","legislationIdentifier":"湘政办发〔2023〕54号",` +
	`"legislationJurisdiction":{"@type":"AdministrativeArea","name":"湖南省"},"author":{"@type":"GovernmentOrganization","name":"湖南省人民政府办公厅"},` +
	`"publisher":{"@type":"GovernmentOrganization","name":"湖南省人民政府办公厅"},"inLanguage":"zh-CN"}`

func ldFindings(t *testing.T, lang, head string) Findings {
	t.Helper()
	pg, err := parse("x/index.html", []byte(`<!doctype html><html lang="`+lang+`"><head>`+head+`</head><body></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	var fs Findings
	CheckStructuredData(&fs, pg, "plan.test", facts)
	return fs
}

func ld(s string) string { return `<script type="application/ld+json">` + s + `</script>` }

func TestStructuredDataGoodPasses(t *testing.T) {
	zh := `{"@type":"WebPage","name":"湖南省现代化产业体系建设实施方案","url":"https://plan.test/plan/","about":` + goodLegislation + `,"isBasedOn":` + goodLegislation +
		`,"publisher":{"@type":"Organization","name":"本版","url":"https://plan.test/"}}`
	en := `{"@type":"WebPage","url":"https://plan.test/en/plan/","isBasedOn":` + goodLegislation + `,"translationOfWork":` + goodLegislation +
		`,"disambiguatingDescription":"unofficial translation","publisher":{"@type":"Organization","name":"The edition"}}`
	for lang, s := range map[string]string{"zh-CN": zh, "en": en} {
		if fs := ldFindings(t, lang, ld(s)); len(fs) != 0 {
			t.Errorf("%s: good JSON-LD: %v", lang, fs)
		}
	}
}

// TestStructuredDataFailsOnBrokenPages: each way a page could present the
// plan as this site's publication, or lose its issuer or number.
func TestStructuredDataFailsOnBrokenPages(t *testing.T) {
	page := func(leg string) string {
		return ld(`{"@type":"WebPage","isBasedOn":` + leg + `,"publisher":{"name":"本版"}}`)
	}
	for name, c := range map[string]struct{ lang, head, want string }{
		"plan at this site's home":   {"zh-CN", page(strings.Replace(goodLegislation, `"inLanguage"`, `"url":"https://plan.test/","inLanguage"`, 1)), "this site's address"},
		"plan at a relative @id":     {"zh-CN", page(strings.Replace(goodLegislation, `"inLanguage"`, `"@id":"/plan/#doc","inLanguage"`, 1)), "this site's address"},
		"plan as a Report":           {"zh-CN", page(strings.Replace(goodLegislation, `"Legislation"`, `"Report"`, 1)), "not Legislation"},
		"no number":                  {"zh-CN", page(strings.Replace(goodLegislation, `"legislationIdentifier":"湘政办发〔2023〕54号",`, ``, 1)), "legislationIdentifier"},
		"no issuer":                  {"zh-CN", page(strings.Replace(goodLegislation, `"publisher":{"@type":"GovernmentOrganization","name":"湖南省人民政府办公厅"},`, ``, 1)), "issuer"},
		"no jurisdiction":            {"zh-CN", page(strings.Replace(goodLegislation, `"legislationJurisdiction":{"@type":"AdministrativeArea","name":"湖南省"},`, ``, 1)), "legislationJurisdiction"},
		"English page, no marking":   {"en", ld(`{"@type":"WebPage","isBasedOn":` + goodLegislation + `,"publisher":{"name":"The edition"}}`), "unofficial translation"},
		"site as the publisher lost": {"zh-CN", ld(`{"@type":"WebPage","isBasedOn":` + goodLegislation + `}`), "publisher is not the edition"},
		"no plan at all":             {"zh-CN", ld(`{"@type":"WebPage","publisher":{"name":"本版"}}`), "does not describe the plan"},
		"named plan with a URL": {"zh-CN", ld(`{"@type":"WebPage","publisher":{"name":"本版"},"isBasedOn":` + goodLegislation +
			`,"about":{"@type":"CreativeWork","name":"湖南省现代化产业体系建设实施方案","url":"https://plan.test/"}}`), "this site's address"},
		"unparseable": {"zh-CN", ld(`{"@type":`), "JSON-LD block 0"},
		"none":        {"zh-CN", ``, "no JSON-LD"},
	} {
		fs := ldFindings(t, c.lang, c.head)
		found := false
		for _, f := range fs {
			found = found || strings.Contains(f.Msg, c.want)
		}
		if !found {
			t.Errorf("%s: want a finding with %q, got %v", name, c.want, fs)
		}
	}
}
