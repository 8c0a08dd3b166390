package exports

import (
	"bytes"
	"fmt"
	"strconv"

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
	SheetSource     = "来源 Source"
)

// Workbook is the data as an Excel workbook: the layout matrix, the
// targets, the industries and the cities, with headers in both languages.
func Workbook(p *plan.Plan) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheets := []struct {
		name string
		rows [][]any
	}{
		{SheetLayout, layoutRows(p)},
		{SheetTargets, targetRows(p)},
		{SheetIndustries, industryRows(p)},
		{SheetCities, cityRows(p)},
		{SheetSource, sourceRows(p)},
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
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
			lvl, ok := ind.Rating(c.Code.Value)
			row = append(row, map[bool]string{true: lvl.Stars(), false: ""}[ok])
		}
		rows = append(rows, append(row, ind.StatedCount()))
	}
	total := []any{"", "", bi("各产业市州布局数量（个）", "Industries per city")}
	for _, c := range p.Cities {
		total = append(total, p.Layout.CityCounts[c.Code.Value].N)
	}
	return append(rows, append(total, ""))
}

func targetRows(p *plan.Plan) [][]any {
	rows := [][]any{{
		bi("产业代码", "Industry code"), bi("指标", "Measure (Chinese)"), "Measure", bi("数值", "Value"), bi("单位", "Unit"),
		bi("表述", "Comparator"), bi("力争", "Strive"), bi("出处", "Source"), bi("原文", "Quote (Chinese)"), "Quote", "Target",
	}}
	add := func(code string, ts []*plan.Target) {
		for _, t := range ts {
			rows = append(rows, []any{code, t.Label.ZH, t.Label.EN, t.Value.Value, t.Unit.Value, t.Comparator.Value,
				strconv.FormatBool(t.Strive), t.Source.Value, t.Quote.ZH, t.Quote.EN, t.DisplayEN()})
		}
	}
	add("", p.Document.General.Goals.Targets)
	for _, ind := range p.Industries {
		add(ind.Code.Value, ind.Targets)
	}
	return rows
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
		bi("布局产业数量", "Industries laid out"),
	}}
	for _, c := range p.Cities {
		core, key := p.CityIndustries(c)
		rows = append(rows, []any{c.Code.Value, c.Name.ZH, c.Name.EN, c.Full.ZH, c.Full.EN, c.Group.Name.ZH, c.Group.Name.EN,
			industryList(core), industryList(key), p.Layout.CityCounts[c.Code.Value].N})
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
