// Package exports writes the plan's data for download: the layout table,
// the targets and the glossary as CSV, the whole dataset as JSON, and a
// workbook for people.
package exports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// bom makes Excel read the CSV files as UTF-8, so the Chinese shows.
const bom = "\ufeff"

// Files maps a file name to its bytes.
type Files map[string][]byte

// Render makes every export.
func Render(p *plan.Plan) (Files, error) {
	files := Files{}
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

// LayoutHeader is the header of layout.csv. The columns up to level are
// the machine columns readers already use; the words for people follow
// them, so no column moves.
var LayoutHeader = []string{"industry_code", "industry_zh", "industry_en", "tier_zh", "tier_en", "city_code", "city_zh", "city_en", "level",
	"level_zh", "level_en"}

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
				levelWords[lvl].ZH, levelWords[lvl].EN,
			})
		}
	}
	return CSV(rows)
}

// TargetsHeader is the header of targets.csv: the machine columns up to
// quote_zh as before, then the words for people beside each code.
var TargetsHeader = []string{"industry_code", "metric_zh", "metric_en", "value", "unit_zh", "comparator_zh", "strive", "source", "quote_zh",
	"industry_zh", "industry_en", "unit_en", "comparator_en", "strive_zh", "strive_en", "source_zh", "source_en", "quote_en"}

func targetsCSV(p *plan.Plan) ([]byte, error) {
	rows := [][]string{TargetsHeader}
	add := func(in *plan.Industry, ts []*plan.Target) {
		code := ""
		if in != nil {
			code = in.Code.Value
		}
		for _, t := range ts {
			ind, strive, src := industryWord(in), yesNo[t.Strive], sourceWord(t.Source.Value)
			rows = append(rows, []string{
				code, t.Label.ZH, t.Label.EN, t.Value.Value, t.Unit.Value, t.Comparator.Value,
				strconv.FormatBool(t.Strive), t.Source.Value, t.Quote.ZH,
				ind.ZH, ind.EN, unitEN(t.Unit.Value), comparatorEN(t.Comparator.Value), strive.ZH, strive.EN, src.ZH, src.EN, t.Quote.EN,
			})
		}
	}
	add(nil, p.Document.General.Goals.Targets)
	for _, ind := range p.Industries {
		add(ind, ind.Targets)
	}
	return CSV(rows)
}

// GlossaryHeader is the header of glossary.csv: every name the glossary
// gives an English for, with its kind and basis as codes and as words.
var GlossaryHeader = []string{"zh", "en", "kind", "kind_zh", "kind_en", "basis", "basis_zh", "basis_en", "note"}

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
