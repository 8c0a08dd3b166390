package exports

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// Sheet names of the workbook, in both languages (Excel allows 31
// characters and no / in a name).
var (
	SheetLayout     = w(uitext.Text("go_data_sheetLayout")).bi()
	SheetTargets    = w(uitext.Text("go_data_sheetTargets")).bi()
	SheetIndustries = w(uitext.Text("go_data_sheetIndustries")).bi()
	SheetCities     = w(uitext.Text("go_data_sheetCities")).bi()
	SheetNames      = w(uitext.Text("go_data_sheetNames")).bi()
	SheetSource     = w(uitext.Text("go_data_sheetSource")).bi()
)

// num is a numeric cell and the number format that shows it as the plan
// writes it. Everything a reader might sort, sum or chart is one, so that
// Excel does not treat "4100" as a word.
type num struct {
	V   float64
	Fmt string
}

func count(n int) num { return num{float64(n), "0"} }

// asNum makes a figure a cell; nil leaves the cell empty.
func asNum(f *figure, grouped bool) any {
	if f == nil {
		return nil
	}
	return num{f.V, f.format(grouped)}
}

// Workbook is the data as an Excel workbook: the layout matrix, the
// targets, the industries, the cities and the glossary, with headers in
// both languages.
func Workbook(p *plan.Plan) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheets := []struct {
		name string
		rows [][]any
	}{
		{SheetLayout, layoutRows(p)},
		{SheetTargets, nil},
		{SheetIndustries, industryRows(p)},
		{SheetCities, cityRows(p)},
		{SheetNames, nameRows(p)},
		{SheetSource, sourceRows(p)},
	}
	trows, err := targetRows(p)
	if err != nil {
		return nil, err
	}
	sheets[1].rows = trows
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	formats := map[string]int{} // number format → style
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		for r, row := range s.rows {
			values := make([]any, len(row))
			for c, v := range row {
				n, ok := v.(num)
				if !ok {
					values[c] = v
					continue
				}
				values[c] = n.V
				style, seen := formats[n.Fmt]
				if !seen {
					fmtCode := n.Fmt
					if style, err = f.NewStyle(&excelize.Style{CustomNumFmt: &fmtCode}); err != nil {
						return nil, err
					}
					formats[n.Fmt] = style
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellStyle(s.name, cell, cell, style); err != nil {
					return nil, err
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &values); err != nil {
				return nil, fmt.Errorf("sheet %s row %d: %w", s.name, r+1, err)
			}
		}
		last, _ := excelize.CoordinatesToCellName(len(s.rows[0]), 1)
		if err := f.SetCellStyle(s.name, "A1", last, bold); err != nil {
			return nil, err
		}
		// The header row stays in view while scrolling.
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// layoutRows is attachment 1 as printed: one row per industry, one column
// per city, ★★★ or ★★ in the cells, and the stated counts.
func layoutRows(p *plan.Plan) [][]any {
	head := []any{w(uitext.Text("go_data_code")).bi(), w(uitext.Text("go_data_tier")).bi(), w(uitext.Text("go_data_industry")).bi()}
	for _, c := range p.Cities {
		head = append(head, c.Short.ZH+" "+c.Short.EN)
	}
	head = append(head, w(uitext.Text("go_data_citiesWithIndustry")).bi())
	rows := [][]any{head}
	for _, ind := range p.Industries {
		row := []any{ind.Code.Value, ind.Tier.Name.ZH + " " + ind.Tier.Name.EN, ind.Name.ZH + " " + ind.Name.EN}
		for _, c := range p.Cities {
			var cell any // unrated: empty, as the table prints it
			if lvl, ok := ind.Rating(c.Code.Value); ok {
				cell = lvl.Stars()
			}
			row = append(row, cell)
		}
		rows = append(rows, append(row, count(ind.StatedCount())))
	}
	total := []any{nil, nil, w(uitext.Text("go_data_industriesPerCity")).bi()}
	for _, c := range p.Cities {
		total = append(total, count(p.Layout.CityCounts[c.Code.Value].N))
	}
	return append(rows, total)
}

// Columns of the targets sheet that tests look up by header.
var (
	colValue     = w(uitext.Text("go_data_value")).bi()
	colFrom      = w(uitext.Text("go_data_rangeFrom")).bi()
	colTo        = w(uitext.Text("go_data_rangeTo")).bi()
	colBaseValue = w(uitext.Text("go_data_baseValue")).bi()
	colStrive    = w(uitext.Text("go_data_strive")).bi()
	colSource    = w(uitext.Text("go_data_source")).bi()
)

// targetRows gives each target its figures as numbers: the value as the
// plan writes it with its unit beside it, the two ends where it writes a
// range (1-2), and the same amount in a base unit (4100 亿元 is
// 410,000,000,000 元), so that figures in 亿元 and 万亿元 sort together.
// The wording stays beside them as written.
func targetRows(p *plan.Plan) ([][]any, error) {
	head := []any{w(uitext.Text("go_data_industryCode")).bi(), w(uitext.Text("go_data_industry")).bi()}
	head = append(head, w(uitext.Text("go_data_measure")).pair()...)
	head = append(head, w(uitext.Text("go_data_comparator")).pair()...)
	head = append(head, colValue, colFrom, colTo)
	head = append(head, w(uitext.Text("go_data_unit")).pair()...)
	head = append(head, colBaseValue, w(uitext.Text("go_data_baseUnit")).bi(), colStrive, colSource)
	head = append(head, w(uitext.Text("go_data_target")).pair()...)
	head = append(head, w(uitext.Text("go_data_quote")).pair()...)
	rows := [][]any{head}
	add := func(ind *plan.Industry, ts []*plan.Target) error {
		var code any
		if ind != nil {
			code = ind.Code.Value
		}
		for _, t := range ts {
			tf, err := figures(t)
			if err != nil {
				return fmt.Errorf("target %s (%s): %w", t.Metric.Value, t.Source.Value, err)
			}
			var base any
			if b := unitWords[t.Unit.Value].base; tf.base != nil {
				base = b.bi()
			}
			rows = append(rows, []any{code, industryWord(ind).bi(), t.Label.ZH, t.Label.EN,
				t.Comparator.Value, comparatorEN(t.Comparator.Value),
				asNum(tf.value, false), asNum(tf.from, false), asNum(tf.to, false), t.Unit.Value, unitEN(t.Unit.Value),
				asNum(tf.base, true), base,
				striveWords[t.Strive].bi(), sourceWord(t.Source.Value).bi(), t.DisplayZH(), t.DisplayEN(), t.Quote.ZH, t.Quote.EN})
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
	return rows, nil
}

func industryRows(p *plan.Plan) [][]any {
	head := []any{w(uitext.Text("go_data_code")).bi()}
	head = append(head, w(uitext.Text("go_data_industry")).pair()...)
	head = append(head, w(uitext.Text("go_data_tier")).pair()...)
	head = append(head, w(uitext.Text("go_data_leadUnit")).pair()...)
	head = append(head, w(uitext.Text("go_data_coreIn")).bi(), w(uitext.Text("go_data_keyIn")).bi())
	head = append(head, w(uitext.Text("go_data_goals")).pair()...)
	rows := [][]any{head}
	g := p.Names()
	for _, ind := range p.Industries {
		core, key := p.IndustryCities(ind)
		lead := ""
		if len(ind.Units) > 0 {
			lead = ind.Units[0].Value
		}
		rows = append(rows, []any{ind.Code.Value, ind.Name.ZH, ind.Name.EN, ind.Tier.Name.ZH, ind.Tier.Name.EN,
			lead, g.EN(lead), cityList(core), cityList(key), ind.KeyPoints.Goal.ZH, ind.KeyPoints.Goal.EN})
	}
	return rows
}

func cityList(cs []*plan.City) string {
	s := ""
	for i, c := range cs {
		if i > 0 {
			s += "; "
		}
		s += c.Short.ZH + " " + c.Short.EN
	}
	return s
}

func cityRows(p *plan.Plan) [][]any {
	head := []any{w(uitext.Text("go_data_code")).bi()}
	head = append(head, w(uitext.Text("go_data_city")).pair()...)
	head = append(head, w(uitext.Text("go_data_fullName")).pair()...)
	head = append(head, w(uitext.Text("go_data_group")).pair()...)
	head = append(head, w(uitext.Text("go_data_coreIndustries")).bi(), w(uitext.Text("go_data_keyIndustries")).bi(), w(uitext.Text("go_data_industryCount")).bi())
	rows := [][]any{head}
	for _, c := range p.Cities {
		core, key := p.CityIndustries(c)
		rows = append(rows, []any{c.Code.Value, c.Name.ZH, c.Name.EN, c.Full.ZH, c.Full.EN, c.Group.Name.ZH, c.Group.Name.EN,
			industryList(core), industryList(key), count(p.Layout.CityCounts[c.Code.Value].N)})
	}
	return rows
}

func industryList(inds []*plan.Industry) string {
	s := ""
	for i, ind := range inds {
		if i > 0 {
			s += "; "
		}
		s += ind.Code.Value + " " + ind.Name.ZH + " " + ind.Name.EN
	}
	return s
}

// nameRows is the glossary for people: each name in both languages, what
// it names, and where its English comes from.
func nameRows(p *plan.Plan) [][]any {
	rows := [][]any{{w(uitext.Text("go_data_chinese")).bi(), w(uitext.Text("go_data_english")).EN, w(uitext.Text("go_data_kind")).bi(), w(uitext.Text("go_data_basis")).bi(), w(uitext.Text("go_data_note")).bi()}}
	for _, t := range p.Glossary {
		rows = append(rows, []any{t.ZH.Value, t.EN, kindWords[t.Kind.Value].bi(), basisWords[t.Basis.Value].bi(), t.Note})
	}
	return rows
}

func sourceRows(p *plan.Plan) [][]any {
	d := p.Document
	note, licence := w(uitext.Text("go_data_officialNote")), w(uitext.Text("go_data_licenceNote"))
	return [][]any{
		{w(uitext.Text("go_data_item")).bi(), w(uitext.Text("go_data_chinese")).bi(), w(uitext.Text("go_data_english")).EN},
		{w(uitext.Text("go_data_document")).bi(), d.Title.ZH, d.Title.EN},
		{w(uitext.Text("go_data_number")).bi(), d.Notice.Number.ZH, d.Notice.Number.EN},
		{w(uitext.Text("go_data_issuer")).bi(), d.Notice.Issuer.ZH, d.Notice.Issuer.EN},
		{w(uitext.Text("go_data_note")).bi(), note.ZH, note.EN},
		{w(uitext.Text("go_data_licence")).bi(), licence.ZH, licence.EN},
	}
}
