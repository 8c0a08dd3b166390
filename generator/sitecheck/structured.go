package sitecheck

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// PlanFacts are what the checks of a page's metadata know of the plan as
// a government document, and of the edition that presents it.
type PlanFacts struct {
	Names  []string // the plan's title, in each language
	Issuer string   // the issuing office, as the source names it
	Number string   // the document number, as the source prints it
	// Editions are the edition's name by <html lang>: the publisher of
	// every page.
	Editions map[string]string
}

// addressKeys are the schema.org properties that give a thing an address.
var addressKeys = []string{"url", "@id", "sameAs", "mainEntityOfPage", "contentUrl"}

// StructuredData checks every page's JSON-LD: the plan is a
// Legislation with its issuer, number, jurisdiction and language, and is
// never given an address on this site; each page is the edition's work
// based on it, and an English page says what it translates.
func (s *Site) StructuredData(siteHost string, f PlanFacts) (fs Findings) {
	for _, u := range s.URLs() {
		// An embed page is a chart in another site's page: its host's
		// page carries the structured data.
		if pg := s.Pages[u]; !isRedirect(pg) && !pg.Framed {
			CheckStructuredData(&fs, pg, siteHost, f)
		}
	}
	return fs
}

// CheckStructuredData checks one page's JSON-LD.
func CheckStructuredData(fs *Findings, pg *Page, siteHost string, f PlanFacts) {
	if len(pg.JSONLD) == 0 {
		fs.add(pg.URL, "no JSON-LD")
		return
	}
	for i, block := range pg.JSONLD {
		var top map[string]any
		if err := json.Unmarshal([]byte(block), &top); err != nil {
			fs.add(pg.URL, "JSON-LD block %d: %v", i, err)
			continue
		}
		legislations := 0
		walkJSON(top, func(m map[string]any) {
			if !isPlan(m, f) {
				return
			}
			for _, k := range addressKeys {
				for _, v := range strs(m[k]) {
					if u, err := url.Parse(v); err == nil && (u.Host == siteHost || u.Host == "") {
						fs.add(pg.URL, "the plan (%s) is given this site's address: %s %s", m["@type"], k, v)
					}
				}
			}
			if m["@type"] != "Legislation" {
				fs.add(pg.URL, "the plan is typed %v, not Legislation", m["@type"])
				return
			}
			legislations++
			if got := str(m["legislationIdentifier"]); got != f.Number {
				fs.add(pg.URL, "the plan's legislationIdentifier is %q, not %q", got, f.Number)
			}
			if !hasName(m["publisher"], f.Issuer) || !hasName(m["author"], f.Issuer) {
				fs.add(pg.URL, "the plan's author and publisher are not its issuer %q", f.Issuer)
			}
			if j, _ := m["legislationJurisdiction"].(map[string]any); str(j["name"]) == "" {
				fs.add(pg.URL, "the plan has no legislationJurisdiction")
			}
			if str(m["inLanguage"]) != "zh-CN" {
				fs.add(pg.URL, "the plan's inLanguage is %q, not zh-CN", str(m["inLanguage"]))
			}
		})
		if legislations == 0 {
			fs.add(pg.URL, "JSON-LD block %d does not describe the plan as Legislation", i)
		}
		if based, _ := top["isBasedOn"].(map[string]any); based == nil || based["@type"] != "Legislation" {
			fs.add(pg.URL, "the page is not marked as based on the plan (isBasedOn a Legislation)")
		}
		if ed := f.Editions[pg.Lang]; !hasName(top["publisher"], ed) {
			fs.add(pg.URL, "the page's publisher is not the edition %q", ed)
		}
		if !strings.HasPrefix(pg.Lang, "zh") {
			if _, ok := top["translationOfWork"].(map[string]any); !ok || str(top["disambiguatingDescription"]) == "" {
				fs.add(pg.URL, "an English page not marked as an unofficial translation (translationOfWork, disambiguatingDescription)")
			}
		}
	}
}

// isPlan says whether a JSON-LD object stands for the plan: typed as the
// document, or named with its title (a page of the edition may bear the
// plan's title: it is the page, with the page's address).
func isPlan(m map[string]any, f PlanFacts) bool {
	switch m["@type"] {
	case "Legislation", "Report", "GovernmentDocument":
		return true
	case "WebPage", "WebSite":
		return false
	}
	for _, n := range f.Names {
		if str(m["name"]) == n {
			return true
		}
	}
	return false
}

func walkJSON(v any, visit func(map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		visit(x)
		for _, c := range x {
			walkJSON(c, visit)
		}
	case []any:
		for _, c := range x {
			walkJSON(c, visit)
		}
	}
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// strs is a property's string values: one, or a list.
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func hasName(v any, name string) bool {
	m, _ := v.(map[string]any)
	return name != "" && m != nil && str(m["name"]) == name
}
