// Package exports writes the plan's data for download: the layout table and
// the targets as CSV, and the whole dataset as JSON.
package exports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
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
	if files["plan.json"], err = planJSON(p); err != nil {
		return nil, err
	}
	if files["plan.xlsx"], err = Workbook(p); err != nil {
		return nil, err
	}
	return files, nil
}

// Write writes the files into dir.
func Write(files Files, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
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

// LayoutHeader is the header of layout.csv.
var LayoutHeader = []string{"industry_code", "industry_zh", "industry_en", "tier_zh", "tier_en", "city_code", "city_zh", "city_en", "level"}

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
			})
		}
	}
	return CSV(rows)
}

// TargetsHeader is the header of targets.csv.
var TargetsHeader = []string{"industry_code", "metric_zh", "metric_en", "value", "unit_zh", "comparator_zh", "strive", "source", "quote_zh"}

func targetsCSV(p *plan.Plan) ([]byte, error) {
	rows := [][]string{TargetsHeader}
	add := func(code string, ts []*plan.Target) {
		for _, t := range ts {
			rows = append(rows, []string{
				code, t.Label.ZH, t.Label.EN, t.Value.Value, t.Unit.Value, t.Comparator.Value,
				strconv.FormatBool(t.Strive), t.Source.Value, t.Quote.ZH,
			})
		}
	}
	add("", p.Document.General.Goals.Targets)
	for _, ind := range p.Industries {
		add(ind.Code.Value, ind.Targets)
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
