package exports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"mime"
	"path"
	"sort"
	"strings"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// PackageFile is the data package's descriptor, in the data folder beside
// the files it describes (Frictionless Data Package, v1).
const PackageFile = "datapackage.json"

// The descriptor's shape: the spec's properties, and two of this
// edition's own (the spec allows more): languages and edition.
type descriptor struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Languages   []string   `json:"languages"`
	Edition     string     `json:"edition"`
	Created     string     `json:"created"`
	Keywords    []string   `json:"keywords"`
	Licenses    []licence  `json:"licenses"`
	Sources     []dpSource `json:"sources"`
	Resources   []resource `json:"resources"`
}

type licence struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

// dpSource is a source as the spec has it: a title and a path (a URL or a
// path within the package); the plan's issuer and number beside them.
type dpSource struct {
	Title  string `json:"title"`
	Path   string `json:"path,omitempty"`
	Issuer string `json:"issuer,omitempty"`
	Number string `json:"number,omitempty"`
}

type resource struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Path        string     `json:"path"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Language    string     `json:"language,omitempty"`
	Format      string     `json:"format"`
	Mediatype   string     `json:"mediatype"`
	Encoding    string     `json:"encoding,omitempty"`
	Bytes       int        `json:"bytes"`
	Hash        string     `json:"hash"`
	Sources     []dpSource `json:"sources"`
	Dialect     *dialect   `json:"dialect,omitempty"`
	Schema      *schema    `json:"schema,omitempty"`
}

type dialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	Header         bool   `json:"header"`
}

type schema struct {
	Fields        []schemaField `json:"fields"`
	MissingValues []string      `json:"missingValues"`
	PrimaryKey    []string      `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey  `json:"foreignKeys,omitempty"`
}

type schemaField struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
}

type foreignKey struct {
	Fields    []string  `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string   `json:"resource"`
	Fields   []string `json:"fields"`
}

var (
	pkgTitle       = w(uitext.Text("go_dp_title"))
	pkgDescription = w(uitext.Text("go_dp_description"))
	pkgEdition     = w(uitext.Text("go_dp_edition"))
	pkgCutFrom     = w(uitext.Text("go_dp_chartsSource"))
	pkgLicence     = w(uitext.Text("go_dp_licence"))
	pkgBook        = w(uitext.Text("go_dp_book"))

	// The downloads' descriptions are the downloads page's (dl_ keys).
	fileWords = map[string]word{
		"layout.csv":   w(uitext.Text("dl_layout_csv")),
		"targets.csv":  w(uitext.Text("dl_targets_csv")),
		"glossary.csv": w(uitext.Text("dl_glossary_csv")),
		"plan.xlsx":    w(uitext.Text("dl_plan_xlsx")),
		"plan.json":    w(uitext.Text("dl_plan_json")),
		// The e-books (package epub).
		"plan-zh.epub":        w(uitext.Text("dl_plan-zh_epub")),
		"plan-en.epub":        w(uitext.Text("dl_plan-en_epub")),
		"plan-bilingual.epub": w(uitext.Text("dl_plan-bilingual_epub")),
	}
	// fileTitles name them as the workbook's sheets do.
	fileTitles = map[string]word{
		"layout.csv":   w(uitext.Text("go_data_sheetLayout")),
		"targets.csv":  w(uitext.Text("go_data_sheetTargets")),
		"glossary.csv": w(uitext.Text("go_data_sheetNames")),
		"plan.xlsx":    w(uitext.Text("go_dp_workbook")),
		"plan.json":    w(uitext.Text("go_dp_dataset")),
	}
)

// fieldWords say what each column of the export CSVs holds (go_field_
// and its name).
var fieldWords = map[string]word{
	"industry_code": w(uitext.Text("go_field_industry_code")),
	"industry_zh":   w(uitext.Text("go_field_industry_zh")),
	"industry_en":   w(uitext.Text("go_field_industry_en")),
	"tier_code":     w(uitext.Text("go_field_tier_code")),
	"tier_zh":       w(uitext.Text("go_field_tier_zh")),
	"tier_en":       w(uitext.Text("go_field_tier_en")),
	"city_code":     w(uitext.Text("go_field_city_code")),
	"city_zh":       w(uitext.Text("go_field_city_zh")),
	"city_en":       w(uitext.Text("go_field_city_en")),
	"level":         w(uitext.Text("go_field_level")),
	"level_zh":      w(uitext.Text("go_field_level_zh")),
	"level_en":      w(uitext.Text("go_field_level_en")),
	"stars":         w(uitext.Text("go_field_stars")),
	"metric":        w(uitext.Text("go_field_metric")),
	"metric_zh":     w(uitext.Text("go_field_metric_zh")),
	"metric_en":     w(uitext.Text("go_field_metric_en")),
	"value":         w(uitext.Text("go_field_value")),
	"value_from":    w(uitext.Text("go_field_value_from")),
	"value_to":      w(uitext.Text("go_field_value_to")),
	"unit_zh":       w(uitext.Text("go_field_unit_zh")),
	"unit_en":       w(uitext.Text("go_field_unit_en")),
	"base_value":    w(uitext.Text("go_field_base_value")),
	"base_unit_zh":  w(uitext.Text("go_field_base_unit_zh")),
	"base_unit_en":  w(uitext.Text("go_field_base_unit_en")),
	"comparator_zh": w(uitext.Text("go_field_comparator_zh")),
	"comparator_en": w(uitext.Text("go_field_comparator_en")),
	"strive":        w(uitext.Text("go_field_strive")),
	"strive_zh":     w(uitext.Text("go_field_strive_zh")),
	"strive_en":     w(uitext.Text("go_field_strive_en")),
	"source":        w(uitext.Text("go_field_source")),
	"source_zh":     w(uitext.Text("go_field_source_zh")),
	"source_en":     w(uitext.Text("go_field_source_en")),
	"display_zh":    w(uitext.Text("go_field_display_zh")),
	"display_en":    w(uitext.Text("go_field_display_en")),
	"quote_zh":      w(uitext.Text("go_field_quote_zh")),
	"quote_en":      w(uitext.Text("go_field_quote_en")),
	"zh":            w(uitext.Text("go_field_zh")),
	"en":            w(uitext.Text("go_field_en")),
	"kind":          w(uitext.Text("go_field_kind")),
	"kind_zh":       w(uitext.Text("go_field_kind_zh")),
	"kind_en":       w(uitext.Text("go_field_kind_en")),
	"basis":         w(uitext.Text("go_field_basis")),
	"basis_zh":      w(uitext.Text("go_field_basis_zh")),
	"basis_en":      w(uitext.Text("go_field_basis_en")),
	"note":          w(uitext.Text("go_field_note")),
}

// The mediatypes of the downloads, by extension; Go's table lacks xlsx on
// some systems, so the package names it.
var mediatypes = map[string]string{
	".csv":  "text/csv",
	".json": "application/json",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".epub": "application/epub+zip",
}

// The licence of the structured data and the translation (go_data_licenceNote).
const (
	licenceName = "CC-BY-4.0"
	licencePath = "https://creativecommons.org/licenses/by/4.0/"
)

// resource names are the spec's: lower case, digits, - . _ only.
func resourceName(file string) string {
	return strings.NewReplacer("/", "-", ".csv", "", ".", "-").Replace(file)
}

// dataPackage describes every file in files but itself: the plan's
// exports with their schemas, and each chart's CSV with its own and the
// resource it is cut from. The edition's date, the plan as the source and
// the licence are the package's, which every resource takes.
func dataPackage(p *plan.Plan, cs []*charts.Chart, files Files, books []string, edition string) ([]byte, error) {
	d := p.Document
	src := dpSource{
		Title:  d.Notice.Issuer.ZH + "《" + d.Title.ZH + "》（" + d.Notice.Number.ZH + "） " + d.Notice.Issuer.EN + ", " + d.Title.EN + " (" + d.Notice.Number.EN + ")",
		Issuer: bi(d.Notice.Issuer.ZH, d.Notice.Issuer.EN),
		Number: d.Notice.Number.ZH,
	}
	lic := []licence{{Name: licenceName, Path: licencePath, Title: pkgLicence.bi()}}
	ed := word{fmt.Sprintf(pkgEdition.ZH, edition), fmt.Sprintf(pkgEdition.EN, edition)}
	pkg := descriptor{
		Profile: "data-package", Name: "hunan-modern-industrial-system-plan",
		Title: pkgTitle.bi(), Description: pkgDescription.ZH + "\n\n" + pkgDescription.EN + "\n\n" + ed.bi(),
		Languages: []string{plan.ZH.Locale(), plan.EN.Locale()}, Edition: edition, Created: edition + "T00:00:00Z",
		Keywords: []string{"湖南", "Hunan", "现代化产业体系", "modern industrial system", d.Notice.Number.ZH},
		Licenses: lic, Sources: []dpSource{src},
	}
	add := func(name string, r resource) {
		b := files[name]
		sum := sha256.Sum256(b)
		r.Path, r.Bytes, r.Hash = name, len(b), "sha256:"+hex.EncodeToString(sum[:])
		r.Format = strings.TrimPrefix(path.Ext(name), ".")
		r.Mediatype = mediatypes[path.Ext(name)]
		if r.Mediatype == "" {
			r.Mediatype = mime.TypeByExtension(path.Ext(name))
		}
		if r.Profile == "" {
			r.Profile = "data-resource"
		}
		pkg.Resources = append(pkg.Resources, r)
	}
	tabular := func(fs []field, key []string) *schema {
		s := &schema{MissingValues: []string{""}, PrimaryKey: key}
		for _, f := range fs {
			wd := fieldWords[f.name]
			s.Fields = append(s.Fields, schemaField{Name: f.name, Type: f.typ, Description: wd.ZH + " " + wd.EN})
		}
		return s
	}
	csvDialect := &dialect{Delimiter: ",", LineTerminator: "\r\n", Header: true}
	for _, f := range []struct {
		name   string
		fields []field
		key    []string
	}{
		{"layout.csv", layoutFields, []string{"industry_code", "city_code"}},
		{"targets.csv", targetFields, nil},
		{"glossary.csv", glossaryFields, []string{"zh"}},
		{"plan.xlsx", nil, nil},
		{"plan.json", nil, nil},
	} {
		r := resource{Name: resourceName(f.name), Title: fileTitles[f.name].bi(), Description: fileWords[f.name].ZH + "\n\n" + fileWords[f.name].EN,
			Sources: []dpSource{src}}
		if f.fields != nil {
			r.Profile, r.Encoding, r.Dialect, r.Schema = "tabular-data-resource", "utf-8", csvDialect, tabular(f.fields, f.key)
		}
		add(f.name, r)
	}

	// The e-books: the plan to read, described by the downloads page's words.
	for _, name := range books {
		words, ok := fileWords[name]
		if !ok {
			return nil, fmt.Errorf("exports: no words for the e-book %s", name)
		}
		add(name, resource{Name: resourceName(name), Title: pkgBook.bi(), Description: words.ZH + "\n\n" + words.EN, Sources: []dpSource{src}})
	}

	// A chart's title and summary in both languages, by its id.
	other := map[string]map[plan.Lang]*charts.Chart{}
	for _, c := range cs {
		if other[c.ID] == nil {
			other[c.ID] = map[plan.Lang]*charts.Chart{}
		}
		other[c.ID][c.Lang] = c
	}
	for _, c := range cs {
		zh, en := other[c.ID][plan.ZH], other[c.ID][plan.EN]
		if zh == nil || en == nil {
			return nil, fmt.Errorf("chart %s is not in both languages", c.ID)
		}
		from := cutFrom(c)
		s := &schema{MissingValues: []string{""}}
		for _, f := range c.Table.Fields {
			s.Fields = append(s.Fields, schemaField{Name: f.Name, Type: f.Type, Description: f.About})
		}
		if key := chartKey(c, from); key != nil {
			s.ForeignKeys = []foreignKey{{Fields: key, Reference: reference{Resource: resourceName(from), Fields: key}}}
		}
		name := assetpath.ChartData(c.Lang, c.ID)
		add(name, resource{
			Profile: "tabular-data-resource", Name: "chart-" + resourceName(strings.TrimPrefix(name, "charts/")),
			Title: bi(zh.Title, en.Title), Description: zh.Summary + "\n\n" + en.Summary, Language: c.Lang.Locale(),
			Encoding: "utf-8", Dialect: csvDialect, Schema: s,
			Sources: []dpSource{{Title: fmt.Sprintf(plan.Text{ZH: pkgCutFrom.ZH, EN: pkgCutFrom.EN}.In(c.Lang), from), Path: from}},
		})
	}
	if n := len(pkg.Resources); n != len(files) {
		var missing []string
		for name := range files {
			missing = append(missing, name)
		}
		sort.Strings(missing)
		return nil, fmt.Errorf("the data package describes %d files of %d: %v", n, len(files), missing)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(pkg); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// layoutRating is the columns of a layout.csv row that a map of an
// industry's ratings repeats: each rating it shows must be the table's.
var layoutRating = []string{"industry_code", "city_code", "level"}

// chartKey is the columns of a chart's CSV that name a row of the resource
// it is cut from (its foreign key), or nil where its rows are counts or a
// matrix rather than rows of that resource.
func chartKey(c *charts.Chart, from string) []string {
	key := map[string][]string{"targets.csv": targetKey, "layout.csv": layoutRating}[from]
	has := map[string]bool{}
	for _, f := range c.Table.Fields {
		has[f.Name] = true
	}
	for _, k := range key {
		if !has[k] {
			return nil
		}
	}
	return key
}

// cutFrom is the export a chart's data comes from: the targets for the
// target charts (their rows keyed by the target's columns), the plan's
// regional layout (plan.json) for the charts of regional groups, and the
// layout table for the rest, which count or show its ratings.
func cutFrom(c *charts.Chart) string {
	for _, f := range c.Table.Fields {
		switch f.Name {
		case "metric":
			return "targets.csv"
		case "group_id":
			return "plan.json"
		}
	}
	return "layout.csv"
}
