// Package exports writes the plan's data for download: the layout table,
// the targets and the glossary as CSV, the whole dataset as JSON, a
// workbook for people, each chart's data as CSV, and the Frictionless data
// package (datapackage.json) that describes every one of them.
package exports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// bom makes Excel read the CSV files as UTF-8, so the Chinese shows.
const bom = "\ufeff"

// Files maps a file's path within the site's data folder to its bytes.
type Files map[string][]byte

// Render makes every export: the plan's files, each chart's CSV
// (assetpath.ChartData) and the data package that describes them all,
// dated with the edition. books are the e-books published beside them
// (package epub), which the package describes too.
func Render(p *plan.Plan, cs []*charts.Chart, edition string, books Files) (Files, error) {
	files := Files{}
	maps.Copy(files, books)
	var err error
	if files["layout.csv"], err = layoutCSV(p); err != nil {
		return nil, err
	}
	if files["targets.csv"], err = targetsCSV(p); err != nil {
		return nil, err
	}
	if files["glossary.csv"], err = glossaryCSV(p); err != nil {
		return nil, err
	}
	if files["plan.json"], err = planJSON(p); err != nil {
		return nil, err
	}
	if files["plan.xlsx"], err = Workbook(p); err != nil {
		return nil, err
	}
	for _, c := range cs {
		if files[assetpath.ChartData(c.Lang, c.ID)], err = CSV(c.Table.CSVRows()); err != nil {
			return nil, err
		}
	}
	if files[PackageFile], err = dataPackage(p, cs, files, slices.Sorted(maps.Keys(books)), edition); err != nil {
		return nil, err
	}
	return files, nil
}

// CSV encodes rows as the site's CSV files are: UTF-8 with a byte-order
// mark, CRLF line ends.
func CSV(rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(bom)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true // RFC 4180, and what Excel writes
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// field is a column of an export CSV: its name and its Table Schema type;
// what it holds is its go_field_ words (fieldWords).
type field struct{ name, typ string }

func names(fs []field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// layoutFields are the columns of layout.csv. The columns up to level are
// the machine columns readers already use; the words for people and the
// further codes follow them, so no column moves.
var layoutFields = []field{
	{"industry_code", charts.TypeString}, {"industry_zh", charts.TypeString}, {"industry_en", charts.TypeString},
	{"tier_zh", charts.TypeString}, {"tier_en", charts.TypeString},
	{"city_code", charts.TypeString}, {"city_zh", charts.TypeString}, {"city_en", charts.TypeString}, {"level", charts.TypeString},
	{"level_zh", charts.TypeString}, {"level_en", charts.TypeString}, {"stars", charts.TypeString}, {"tier_code", charts.TypeString},
}

// LayoutHeader is the header of layout.csv.
var LayoutHeader = names(layoutFields)

func layoutCSV(p *plan.Plan) ([]byte, error) {
	rows := [][]string{LayoutHeader}
	for _, ind := range p.Industries {
		for _, c := range p.Cities {
			lvl, ok := ind.Rating(c.Code.Value)
			if !ok {
				continue
			}
			rows = append(rows, []string{
				ind.Code.Value, ind.Name.ZH, ind.Name.EN, ind.Tier.Name.ZH, ind.Tier.Name.EN,
				c.Code.Value, c.Name.ZH, c.Name.EN, string(lvl),
				levelWords[lvl].ZH, levelWords[lvl].EN, lvl.Stars(), ind.Tier.Code.Value,
			})
		}
	}
	return CSV(rows)
}

// targetFields are the columns of targets.csv: the machine columns up to
// quote_zh as before (value now a number, empty for a range), then the
// words for people beside each code, then the figures a tool sorts by.
var targetFields = []field{
	{"industry_code", charts.TypeString}, {"metric_zh", charts.TypeString}, {"metric_en", charts.TypeString},
	{"value", charts.TypeNumber}, {"unit_zh", charts.TypeString}, {"comparator_zh", charts.TypeString},
	{"strive", "boolean"}, {"source", charts.TypeString}, {"quote_zh", charts.TypeString},
	{"industry_zh", charts.TypeString}, {"industry_en", charts.TypeString}, {"unit_en", charts.TypeString}, {"comparator_en", charts.TypeString},
	{"strive_zh", charts.TypeString}, {"strive_en", charts.TypeString}, {"source_zh", charts.TypeString}, {"source_en", charts.TypeString},
	{"quote_en", charts.TypeString},
	{"metric", charts.TypeString}, {"value_from", charts.TypeNumber}, {"value_to", charts.TypeNumber},
	{"base_value", charts.TypeNumber}, {"base_unit_zh", charts.TypeString}, {"base_unit_en", charts.TypeString},
	{"display_zh", charts.TypeString}, {"display_en", charts.TypeString},
}

// TargetsHeader is the header of targets.csv.
var TargetsHeader = names(targetFields)

// targetKey is the columns that name a row of targets.csv: the chart
// CSVs' foreign key.
var targetKey = []string{"industry_code", "metric", "source"}

func targetsCSV(p *plan.Plan) ([]byte, error) {
	rows := [][]string{TargetsHeader}
	add := func(in *plan.Industry, ts []*plan.Target) error {
		code := ""
		if in != nil {
			code = in.Code.Value
		}
		for _, t := range ts {
			tf, err := figures(t)
			if err != nil {
				return fmt.Errorf("target %s (%s): %w", t.Metric.Value, t.Source.Value, err)
			}
			var base word
			if tf.base != nil {
				base = unitWords[t.Unit.Value].base
			}
			ind, strive, src := industryWord(in), striveWords[t.Strive], sourceWord(t.Source.Value)
			rows = append(rows, []string{
				code, t.Label.ZH, t.Label.EN, tf.value.text(), t.Unit.Value, t.Comparator.Value,
				strconv.FormatBool(t.Strive), t.Source.Value, t.Quote.ZH,
				ind.ZH, ind.EN, unitEN(t.Unit.Value), comparatorEN(t.Comparator.Value), strive.ZH, strive.EN, src.ZH, src.EN, t.Quote.EN,
				t.Metric.Value, tf.from.text(), tf.to.text(), tf.base.text(), base.ZH, base.EN,
				t.DisplayZH(), t.DisplayEN(),
			})
		}
		return nil
	}
	if err := add(nil, p.Document.General.Goals.Targets); err != nil {
		return nil, err
	}
	for _, ind := range p.Industries {
		if err := add(ind, ind.Targets); err != nil {
			return nil, err
		}
	}
	return CSV(rows)
}

// glossaryFields are the columns of glossary.csv: every name the glossary
// gives an English for, with its kind and basis as codes and as words.
var glossaryFields = []field{
	{"zh", charts.TypeString}, {"en", charts.TypeString}, {"kind", charts.TypeString}, {"kind_zh", charts.TypeString}, {"kind_en", charts.TypeString},
	{"basis", charts.TypeString}, {"basis_zh", charts.TypeString}, {"basis_en", charts.TypeString}, {"note", charts.TypeString},
}

// GlossaryHeader is the header of glossary.csv.
var GlossaryHeader = names(glossaryFields)

func glossaryCSV(p *plan.Plan) ([]byte, error) {
	rows := [][]string{GlossaryHeader}
	for _, t := range p.Glossary {
		k, b := kindWords[t.Kind.Value], basisWords[t.Basis.Value]
		rows = append(rows, []string{t.ZH.Value, t.EN, t.Kind.Value, k.ZH, k.EN, t.Basis.Value, b.ZH, b.EN, t.Note})
	}
	return CSV(rows)
}

func planJSON(p *plan.Plan) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(newDataset(p)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
