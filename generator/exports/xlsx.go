package exports

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// Sheet names of the workbook, in both languages (Excel allows 31
// characters and no / in a name).
const (
	SheetLayout     = "布局表 Layout"
	SheetTargets    = "目标 Targets"
	SheetIndustries = "产业 Industries"
	SheetCities     = "市州 Cities"
	SheetNames      = "名称 Names"
	SheetSource     = "来源 Source"
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
	head := []any{bi("代码", "Code"), bi("类别", "Tier"), bi("产业", "Industry")}
	for _, c := range p.Cities {
		head = append(head, c.Short.ZH+" "+c.Short.EN)
	}
	head = append(head, bi("布局该产业的地市数量（个）", "Cities with this industry"))
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
	total := []any{nil, nil, bi("各产业市州布局数量（个）", "Industries per city")}
	for _, c := range p.Cities {
		total = append(total, count(p.Layout.CityCounts[c.Code.Value].N))
	}
	return append(rows, total)
}

// Columns of the targets sheet that tests look up by header.
var (
	colValue     = bi("数值", "Value")
	colFrom      = bi("范围下限", "Range from")
	colTo        = bi("范围上限", "Range to")
	colBaseValue = bi("换算数值", "Value in base unit")
	colStrive    = bi("力争", "Strive")
	colSource    = bi("出处", "Source")
)

// targetRows gives each target its figures as numbers: the value as the
// plan writes it with its unit beside it, the two ends where it writes a
// range (1-2), and the same amount in a base unit (4100 亿元 is
// 410,000,000,000 元), so that figures in 亿元 and 万亿元 sort together.
// The wording stays beside them as written.
func targetRows(p *plan.Plan) ([][]any, error) {
	rows := [][]any{{
		bi("产业代码", "Industry code"), bi("产业", "Industry"), bi("指标", "Measure (Chinese)"), "Measure",
		bi("表述", "Comparator (Chinese)"), "Comparator",
		colValue, colFrom, colTo, bi("单位", "Unit (Chinese)"), "Unit", colBaseValue, bi("基本单位", "Base unit"),
		colStrive, colSource, bi("目标", "Target (Chinese)"), "Target", bi("原文", "Quote (Chinese)"), "Quote",
	}}
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
				yesNo[t.Strive].bi(), sourceWord(t.Source.Value).bi(), t.DisplayZH(), t.DisplayEN(), t.Quote.ZH, t.Quote.EN})
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
	rows := [][]any{{
		bi("代码", "Code"), bi("产业", "Industry (Chinese)"), "Industry", bi("类别", "Tier (Chinese)"), "Tier",
		bi("牵头单位", "Lead unit (Chinese)"), "Lead unit", bi("核心产业市州", "Core in"), bi("重点产业市州", "Key in"),
		bi("2027年发展目标", "2027 goals (Chinese)"), "2027 goals",
	}}
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
	rows := [][]any{{
		bi("代码", "Code"), bi("市州", "City (Chinese)"), "City", bi("全称", "Full name (Chinese)"), "Full name",
		bi("区域布局", "Regional group (Chinese)"), "Regional group", bi("核心产业", "Core industries"), bi("重点产业", "Key industries"),
		bi("布局产业数量", "Number of industries"),
	}}
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
	rows := [][]any{{bi("中文", "Chinese"), "English", bi("类别", "Kind"), bi("译名依据", "Basis of the English"), bi("说明", "Note")}}
	for _, t := range p.Glossary {
		rows = append(rows, []any{t.ZH.Value, t.EN, kindWords[t.Kind.Value].bi(), basisWords[t.Basis.Value].bi(), t.Note})
	}
	return rows
}

func sourceRows(p *plan.Plan) [][]any {
	d := p.Document
	return [][]any{
		{bi("项目", "Item"), bi("中文", "Chinese"), "English"},
		{bi("文件", "Document"), d.Title.ZH, d.Title.EN},
		{bi("文号", "Number"), d.Notice.Number.ZH, d.Notice.Number.EN},
		{bi("发文机关", "Issuer"), d.Notice.Issuer.ZH, d.Notice.Issuer.EN},
		{bi("说明", "Note"), "中文为原文；英文为非官方译文。", "The Chinese is the official text; the English is an unofficial translation."},
		{bi("许可", "Licence"), "整理的数据和英文译文：CC BY 4.0", "Structured data and English translation: CC BY 4.0"},
	}
}
