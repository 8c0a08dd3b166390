// Package pages turns the plan into Hugo content: one Markdown file per
// page and language, whose front matter carries everything the page shows
// in that language. Text reaches the page only through templates, which
// escape it, so no data string is ever read as Markdown or HTML.
package pages

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// Page is one content file: Hugo's front matter, written as JSON.
type Page struct {
	Title       string        `json:"title"`
	Description string        `json:"description,omitempty"`
	Type        string        `json:"type,omitempty"`
	Weight      int           `json:"weight,omitempty"`
	Params      Params        `json:"params,omitempty"`
	Build       *BuildOptions `json:"build,omitempty"`
	// Outputs are the page's output formats (hugo.toml), when not only HTML.
	Outputs []string `json:"outputs,omitempty"`
}

// BuildOptions are Hugo's per-page build options.
type BuildOptions struct {
	List   string `json:"list,omitempty"`
	Render string `json:"render,omitempty"`
}

// Render makes every generated page in both languages, by path under the
// content folder (zh/industries/x.md), with the charts each page shows,
// the sizes of the data downloads (file name → bytes) and the date the
// edition was last updated (YYYY-MM-DD).
func Render(p *plan.Plan, cs []*charts.Chart, downloads map[string]int, updated string) (map[string][]byte, error) {
	for _, c := range cs {
		if _, ok := chartPage(c); !ok {
			return nil, fmt.Errorf("chart %s (%s): no page shows charts registered for page %q", c.ID, c.Lang, c.Page)
		}
	}
	files := map[string][]byte{}
	for _, l := range plan.Langs {
		v := newView(p, l, cs)
		v.downloads, v.updated = downloads, updated
		for path, pg := range v.pages() {
			b, err := encode(pg)
			if err != nil {
				return nil, fmt.Errorf("page %s/%s: %w", l, path, err)
			}
			files[filepath.Join(string(l), path)] = b
		}
	}
	return files, nil
}

// Languages are the settings the build adds to hugo.toml's languages:
// each language's site title (the edition's name, siteName in the i18n
// files, which the cards carry as their credit too) and its SiteParams.
func Languages(p *plan.Plan, updated string) (map[string]any, error) {
	out := map[string]any{}
	for _, l := range plan.Langs {
		t := func(x plan.Text) string { return x.In(l) }
		d := p.Document
		leg := Legislation{Name: d.Title.ZH, EnglishName: d.Title.EN, Issuer: d.Notice.Issuer.ZH, EnglishIssuer: d.Notice.Issuer.EN,
			Number: d.Notice.Number.ZH, Jurisdiction: d.Jurisdiction.ZH, EnglishJurisdiction: d.Jurisdiction.EN, Year: d.Notice.Year()}
		b, err := json.Marshal(SiteParams{Issuer: t(d.Notice.Issuer), Number: t(d.Notice.Number), PlanTitle: t(d.Title), Updated: updated, Legislation: leg, Citations: assetpath.CiteIndex(l)})
		if err != nil {
			return nil, fmt.Errorf("site params (%s): %w", l, err)
		}
		params := map[string]any{}
		if err := json.Unmarshal(b, &params); err != nil { // the json keys, as the layouts read them
			return nil, fmt.Errorf("site params (%s): %w", l, err)
		}
		out[string(l)] = map[string]any{"title": uitext.In(l, "siteName"), "params": params}
	}
	return out, nil
}

// encode writes JSON front matter; Hugo reads a file that opens with "{"
// as JSON. The body stays empty: templates render the params.
// Compact: indenting took half of Render's time, for files only Hugo
// reads (the golden test indents them to compare).
func encode(pg *Page) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(pg); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
