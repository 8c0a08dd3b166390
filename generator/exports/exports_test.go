package exports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
)

func load(t *testing.T) (*plan.Plan, Files) {
	t.Helper()
	p, err := plan.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := charts.All(p)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(p, cs, "2024-01-02", nil)
	if err != nil {
		t.Fatal(err)
	}
	return p, files
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(bom)) {
		t.Fatal("no byte-order mark: Excel would not read the Chinese")
	}
	if i := bytes.IndexByte(b, '\n'); i < 1 || b[i-1] != '\r' || bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Error("line ends are not all CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(b[len(bom):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// columns indexes a header row by name.
func columns(t *testing.T, header []string, names ...string) map[string]int {
	t.Helper()
	idx := map[string]int{}
	for i, h := range header {
		idx[h] = i
	}
	for _, n := range names {
		if _, ok := idx[n]; !ok {
			t.Fatalf("no column %q in %q", n, header)
		}
	}
	return idx
}

// stated is one target with the industry it belongs to (nil for the
// province), in the order the exports write them.
type stated struct {
	ind *plan.Industry
	t   *plan.Target
}

func allTargets(p *plan.Plan) []stated {
	var out []stated
	for _, t := range p.Document.General.Goals.Targets {
		out = append(out, stated{nil, t})
	}
	for _, ind := range p.Industries {
		for _, t := range ind.Targets {
			out = append(out, stated{ind, t})
		}
	}
	return out
}

// The words people read, spelled out here rather than taken from the
// package's table, so a slip in the table shows.
var (
	wantStrive = map[bool][2]string{true: {"力争目标", "aspirational target"}, false: {"目标", "target"}}
	wantSource = map[string][2]string{"body": {"正文", "Plan text"}, "attachment2": {"附件2", "Attachment 2"}}
	wantLevel  = map[string][2]string{"core": {"核心产业", "core industry"}, "key": {"重点产业", "key industry"}}
)

func TestLayoutCSV(t *testing.T) {
	p, files := load(t)
	rows := readCSV(t, files["layout.csv"])
	// The machine columns stay where they were; the words follow them.
	if got := strings.Join(rows[0][:9], ","); got != "industry_code,industry_zh,industry_en,tier_zh,tier_en,city_code,city_zh,city_en,level" {
		t.Errorf("header %q", got)
	}
	if got := strings.Join(rows[0][9:], ","); got != "level_zh,level_en,stars,tier_code" {
		t.Errorf("human columns %q", got)
	}
	want := 0
	for _, ind := range p.Industries {
		want += ind.StatedCount()
	}
	if len(rows)-1 != want {
		t.Errorf("%d rated pairs, the table states %d", len(rows)-1, want)
	}
	for _, r := range rows[1:] {
		lvl, ok := p.Industry(r[0]).Rating(r[5])
		if !ok || string(lvl) != r[8] {
			t.Errorf("row %v: the layout says %q", r, lvl)
		}
		if w := wantLevel[string(lvl)]; r[9] != w[0] || r[10] != w[1] || r[11] != lvl.Stars() {
			t.Errorf("row %v: level %s should read %v and %s", r, lvl, w, lvl.Stars())
		}
		if r[12] != p.Industry(r[0]).Tier.Code.Value {
			t.Errorf("row %v: tier code", r)
		}
	}
}

func TestTargetsCSV(t *testing.T) {
	p, files := load(t)
	rows := readCSV(t, files["targets.csv"])
	if got := strings.Join(rows[0][:9], ","); got != "industry_code,metric_zh,metric_en,value,unit_zh,comparator_zh,strive,source,quote_zh" {
		t.Errorf("header %q", got)
	}
	col := columns(t, rows[0], "industry_zh", "industry_en", "unit_en", "comparator_en", "strive_zh", "strive_en", "source_zh", "source_en", "quote_en",
		"metric", "value_from", "value_to", "base_value", "base_unit_zh", "base_unit_en", "display_zh", "display_en")
	if len(rows[0]) != 26 {
		t.Errorf("header %q", rows[0])
	}
	n := len(p.Document.General.Goals.Targets)
	for _, ind := range p.Industries {
		n += len(ind.Targets)
	}
	if len(rows)-1 != n {
		t.Errorf("%d rows, %d targets", len(rows)-1, n)
	}
	for _, r := range rows[1:] {
		if !strings.Contains(r[8], r[5][:len(strings.Split(r[5], "…")[0])]) {
			t.Errorf("row %v: the quote does not hold the comparator", r)
		}
		if _, err := strconv.ParseBool(r[6]); err != nil {
			t.Errorf("row %v: strive is %q", r, r[6])
		}
	}
	for i, st := range allTargets(p) {
		if i+1 >= len(rows) {
			break
		}
		r, tg := rows[i+1], st.t
		ind := [2]string{"全省", "Province-wide"}
		if st.ind != nil {
			ind = [2]string{st.ind.Name.ZH, st.ind.Name.EN}
		}
		got := func(name string) string { return r[col[name]] }
		if got("industry_zh") != ind[0] || got("industry_en") != ind[1] {
			t.Errorf("row %d: industry %q %q, want %v", i+2, got("industry_zh"), got("industry_en"), ind)
		}
		if w := wantStrive[tg.Strive]; got("strive_zh") != w[0] || got("strive_en") != w[1] {
			t.Errorf("row %d: strive %v reads %q %q", i+2, tg.Strive, got("strive_zh"), got("strive_en"))
		}
		if w := wantSource[tg.Source.Value]; got("source_zh") != w[0] || got("source_en") != w[1] {
			t.Errorf("row %d: source %s reads %q %q", i+2, tg.Source.Value, got("source_zh"), got("source_en"))
		}
		if got("unit_en") == "" || got("comparator_en") == "" || got("quote_en") != tg.Quote.EN {
			t.Errorf("row %d: unit %q, comparator %q, quote %q", i+2, got("unit_en"), got("comparator_en"), got("quote_en"))
		}
		if got("metric") != tg.Metric.Value || got("display_zh") != tg.DisplayZH() || got("display_en") != tg.DisplayEN() {
			t.Errorf("row %d: metric %q, display %q %q", i+2, got("metric"), got("display_zh"), got("display_en"))
		}
		// The figure is a number, exactly the plan's digits; a range has
		// its two ends instead.
		lo, hi, isRange := strings.Cut(tg.Value.Value, "-")
		if isRange {
			if r[3] != "" || got("value_from") != lo || got("value_to") != hi {
				t.Errorf("row %d: the range %s reads value %q, from %q, to %q", i+2, tg.Value.Value, r[3], got("value_from"), got("value_to"))
			}
		} else if _, err := strconv.ParseFloat(r[3], 64); err != nil || r[3] != tg.Value.Value || got("value_from") != "" {
			t.Errorf("row %d: value %q, the plan writes %s", i+2, r[3], tg.Value.Value)
		}
		// The base figure is the amount the site states in English.
		if q := tg.Quantity(); !isRange && !q.Scale && q.Unit != "" {
			if b, ok := new(big.Rat).SetString(got("base_value")); !ok || b.Cmp(rat(t, q.Number)) != 0 || got("base_unit_en") != q.Unit {
				t.Errorf("row %d: base %q %q; the site says %s", i+2, got("base_value"), got("base_unit_en"), q)
			}
		} else if got("base_value") != "" {
			t.Errorf("row %d: %s%s has a base figure %q", i+2, tg.Value.Value, tg.Unit.Value, got("base_value"))
		}
	}
}

func TestGlossaryCSV(t *testing.T) {
	p, files := load(t)
	rows := readCSV(t, files["glossary.csv"])
	if got := strings.Join(rows[0], ","); got != "zh,en,kind,kind_zh,kind_en,basis,basis_zh,basis_en,note" {
		t.Errorf("header %q", got)
	}
	if len(rows)-1 != len(p.Glossary) || len(p.Glossary) < 500 {
		t.Fatalf("%d rows, %d glossary entries", len(rows)-1, len(p.Glossary))
	}
	wantBasis := map[string][2]string{"official": {"官方英文名", "Official English name"}, "translated": {"本站意译", "Translated by this site"}, "pinyin": {"拼音", "Pinyin"}}
	for i, g := range p.Glossary {
		r := rows[i+1]
		if r[0] != g.ZH.Value || r[1] != g.EN || r[2] != g.Kind.Value || r[5] != g.Basis.Value || r[8] != g.Note {
			t.Errorf("row %d %v: entry %s", i+2, r, g.ZH.Value)
		}
		if r[3] == "" || r[4] == "" {
			t.Errorf("row %d: kind %s has no words", i+2, g.Kind.Value)
		}
		if w := wantBasis[g.Basis.Value]; r[6] != w[0] || r[7] != w[1] {
			t.Errorf("row %d: basis %s reads %q %q", i+2, g.Basis.Value, r[6], r[7])
		}
	}
}

func TestPlanJSON(t *testing.T) {
	_, files := load(t)
	var ds struct {
		Industries []struct{ Code string }  `json:"industries"`
		Cities     []struct{ Code string }  `json:"cities"`
		Layout     []struct{ Level string } `json:"layout"`
	}
	if err := json.Unmarshal(files["plan.json"], &ds); err != nil {
		t.Fatal(err)
	}
	if len(ds.Industries) != 16 || len(ds.Cities) != 14 {
		t.Errorf("%d industries, %d cities", len(ds.Industries), len(ds.Cities))
	}
}

// sheetCell reads one cell of the workbook as Excel would: its type, its
// stored value, the value as shown through its number format, and that
// format.
type sheetCell struct {
	typ         excelize.CellType
	raw, shown  string
	format      string
	sheet, name string
}

func readCell(t *testing.T, f *excelize.File, sheet string, col, row int) sheetCell {
	t.Helper()
	name, _ := excelize.CoordinatesToCellName(col+1, row+1)
	c := sheetCell{sheet: sheet, name: name}
	var err error
	if c.typ, err = f.GetCellType(sheet, name); err != nil {
		t.Fatal(err)
	}
	c.raw, _ = f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
	c.shown, _ = f.GetCellValue(sheet, name)
	idx, _ := f.GetCellStyle(sheet, name)
	if st, _ := f.GetStyle(idx); st != nil && st.CustomNumFmt != nil {
		c.format = *st.CustomNumFmt
	}
	return c
}

// number checks that the cell holds a number, not text: OOXML stores a
// number with t="n" or no type at all, text as a shared or inline string.
func (c sheetCell) number(t *testing.T) float64 {
	t.Helper()
	if c.typ != excelize.CellTypeNumber && c.typ != excelize.CellTypeUnset {
		t.Errorf("%s!%s is of type %v (%q), not a number", c.sheet, c.name, c.typ, c.raw)
		return 0
	}
	v, err := strconv.ParseFloat(c.raw, 64)
	if err != nil {
		t.Errorf("%s!%s: %q is not a number", c.sheet, c.name, c.raw)
	}
	return v
}

// rat reads an English number as the site writes it: "410 billion",
// "1.4 trillion", "30%".
func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	scale := int64(1)
	for word, size := range map[string]int64{" trillion": 1e12, " billion": 1e9, " million": 1e6} {
		if strings.HasSuffix(s, word) {
			s, scale = strings.TrimSuffix(s, word), size
		}
	}
	r, ok := new(big.Rat).SetString(strings.TrimSuffix(s, "%"))
	if !ok {
		t.Fatalf("%q is not a number", s)
	}
	return r.Mul(r, new(big.Rat).SetInt64(scale))
}

// TestWorkbookReadsBack opens the workbook as Excel would and compares its
// cells with the data: figures and counts are numbers shown with the
// plan's digits, codes are words in both languages.
func TestWorkbookReadsBack(t *testing.T) {
	p, files := load(t)
	f, err := excelize.OpenReader(bytes.NewReader(files["plan.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := []string{SheetLayout, SheetTargets, SheetIndustries, SheetCities, SheetNames, SheetSource}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(sheets, "|") {
		t.Errorf("sheets %q", got)
	}
	for _, s := range sheets {
		panes, err := f.GetPanes(s)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: the header row is not frozen (%+v, %v)", s, panes, err)
		}
		rows, _ := f.GetRows(s)
		if !strings.Contains(rows[0][0], " ") {
			t.Errorf("%s: header %q is not in both languages", s, rows[0][0])
		}
		// Machine values are for the CSVs and the JSON, not for people.
		for r, row := range rows {
			for c, v := range row {
				switch v {
				case "true", "false", "body", "attachment2", "core", "key":
					t.Errorf("%s row %d column %d: %q", s, r+1, c+1, v)
				}
			}
		}
	}

	layout, err := f.GetRows(SheetLayout)
	if err != nil {
		t.Fatal(err)
	}
	if len(layout) != len(p.Industries)+2 {
		t.Fatalf("layout sheet has %d rows", len(layout))
	}
	countCol := 3 + len(p.Cities)
	for i, ind := range p.Industries {
		row := layout[i+1]
		if row[0] != ind.Code.Value {
			t.Errorf("row %d: %q, want %s", i+2, row[0], ind.Code.Value)
		}
		for j, c := range p.Cities {
			lvl, ok := ind.Rating(c.Code.Value)
			want := map[bool]string{true: lvl.Stars(), false: ""}[ok]
			got := ""
			if 3+j < len(row) {
				got = row[3+j]
			}
			if got != want {
				t.Errorf("%s × %s: %q, layout %q", ind.Code.Value, c.Code.Value, got, want)
			}
		}
		if row[len(row)-1] != strconv.Itoa(ind.StatedCount()) {
			t.Errorf("%s count %q", ind.Code.Value, row[len(row)-1])
		}
		c := readCell(t, f, SheetLayout, countCol, i+1)
		if c.number(t) != float64(ind.StatedCount()) || c.format != "0" {
			t.Errorf("%s count: %q shown as %q with format %q", ind.Code.Value, c.raw, c.shown, c.format)
		}
	}
	for j, city := range p.Cities {
		c := readCell(t, f, SheetLayout, 3+j, len(p.Industries)+1)
		if want := p.Layout.CityCounts[city.Code.Value].N; c.number(t) != float64(want) || c.shown != strconv.Itoa(want) {
			t.Errorf("%s stated count: %q, want %d", city.Code.Value, c.shown, want)
		}
	}

	targets, _ := f.GetRows(SheetTargets)
	all := allTargets(p)
	if len(targets)-1 != len(all) {
		t.Fatalf("targets sheet has %d rows, %d targets", len(targets)-1, len(all))
	}
	col := columns(t, targets[0], colValue, colFrom, colTo, colBaseValue, colStrive, colSource,
		"产业代码 Industry code", "指标 Measure (Chinese)", "单位 Unit (Chinese)", "Unit", "表述 Comparator (Chinese)", "Comparator", "原文 Quote (Chinese)", "基本单位 Base unit")
	for i, st := range all {
		tg, r, row := st.t, targets[i+1], i+1
		at := func(name string) string {
			if col[name] < len(r) {
				return r[col[name]]
			}
			return ""
		}
		code := ""
		if st.ind != nil {
			code = st.ind.Code.Value
		}
		if at("产业代码 Industry code") != code || at("指标 Measure (Chinese)") != tg.Label.ZH || at("单位 Unit (Chinese)") != tg.Unit.Value ||
			at("表述 Comparator (Chinese)") != tg.Comparator.Value || at("原文 Quote (Chinese)") != tg.Quote.ZH {
			t.Errorf("target row %v does not match %s", r, tg.Quote.ZH)
		}
		if at("Unit") == "" {
			t.Errorf("row %d: unit %s has no English", row+1, tg.Unit.Value)
		}
		// The comparator's English is the site's where the site has one.
		if pre := strings.TrimSpace(strings.TrimSuffix(tg.DisplayEN(), tg.Quantity().String())); pre != "" && at("Comparator") != pre || at("Comparator") == "" {
			t.Errorf("row %d: comparator %s reads %q; the site writes %q", row+1, tg.Comparator.Value, at("Comparator"), tg.DisplayEN())
		}
		if w := wantStrive[tg.Strive]; at(colStrive) != w[0]+" "+w[1] {
			t.Errorf("row %d: strive %v reads %q", row+1, tg.Strive, at(colStrive))
		}
		if w := wantSource[tg.Source.Value]; at(colSource) != w[0]+" "+w[1] {
			t.Errorf("row %d: source %s reads %q", row+1, tg.Source.Value, at(colSource))
		}

		value := readCell(t, f, SheetTargets, col[colValue], row)
		base := readCell(t, f, SheetTargets, col[colBaseValue], row)
		if lo, hi, isRange := strings.Cut(tg.Value.Value, "-"); isRange {
			if value.raw != "" || base.raw != "" {
				t.Errorf("row %d: the range %s has a single value %q / %q", row+1, tg.Value.Value, value.raw, base.raw)
			}
			for _, end := range []struct {
				col, want string
			}{{colFrom, lo}, {colTo, hi}} {
				c := readCell(t, f, SheetTargets, col[end.col], row)
				if w, _ := strconv.ParseFloat(end.want, 64); c.number(t) != w || c.shown != end.want {
					t.Errorf("row %d: %s of %s is %q shown as %q", row+1, end.col, tg.Value.Value, c.raw, c.shown)
				}
			}
			continue
		}
		// Shown as the plan writes it: 4100, 1.4, 6.5.
		if w, _ := strconv.ParseFloat(tg.Value.Value, 64); value.number(t) != w || value.shown != tg.Value.Value {
			t.Errorf("row %d: value %s stored %q, shown %q (format %q)", row+1, tg.Value.Value, value.raw, value.shown, value.format)
		}
		// Counts, shares and scales have nothing to convert; amounts are
		// what the site gives a unit in English (yuan, jin, tonnes).
		if q := tg.Quantity(); q.Scale || q.Unit == "" {
			if base.raw != "" {
				t.Errorf("row %d: %s%s has a base figure %q", row+1, tg.Value.Value, tg.Unit.Value, base.raw)
			}
			continue
		}
		// The base figure is the amount the site states in English,
		// exactly: 4100 亿元 is 410 billion yuan.
		base.number(t)
		if u := at("基本单位 Base unit"); !strings.HasSuffix(u, " "+tg.Quantity().Unit) {
			t.Errorf("row %d: base unit %q; the site says %s", row+1, u, tg.Quantity())
		}
		if got, ok := new(big.Rat).SetString(base.raw); !ok || got.Cmp(rat(t, tg.Quantity().Number)) != 0 || !strings.HasPrefix(base.format, "#,##0") {
			t.Errorf("row %d: %s%s in the base unit is %q (format %q); the site says %s", row+1, tg.Value.Value, tg.Unit.Value, base.raw, base.format, tg.Quantity())
		}
	}

	cities, _ := f.GetRows(SheetCities)
	for i, c := range p.Cities {
		if cities[i+1][0] != c.Code.Value || cities[i+1][2] != c.Name.EN {
			t.Errorf("cities row %d: %v", i+2, cities[i+1])
		}
		n := readCell(t, f, SheetCities, len(cities[0])-1, i+1)
		if n.number(t) != float64(p.Layout.CityCounts[c.Code.Value].N) {
			t.Errorf("cities row %d: count %q", i+2, n.raw)
		}
	}
	inds, _ := f.GetRows(SheetIndustries)
	if len(inds)-1 != len(p.Industries) || !strings.HasPrefix(inds[0][0], "代码") {
		t.Errorf("industries sheet: %d rows, header %v", len(inds), inds[0])
	}

	names, _ := f.GetRows(SheetNames)
	if len(names)-1 != len(p.Glossary) {
		t.Fatalf("names sheet: %d rows, %d glossary entries", len(names)-1, len(p.Glossary))
	}
	for i, g := range p.Glossary {
		r := names[i+1]
		if r[0] != g.ZH.Value || r[1] != g.EN || r[2] != kindWords[g.Kind.Value].bi() || r[3] != basisWords[g.Basis.Value].bi() {
			t.Errorf("names row %d: %v, entry %+v", i+2, r, g)
		}
	}
}

// TestWords keeps the word tables whole: every code the data uses has its
// words, and every unit its English.
func TestWords(t *testing.T) {
	p, _ := load(t)
	for _, st := range allTargets(p) {
		tg := st.t
		if _, ok := unitWords[tg.Unit.Value]; !ok {
			t.Errorf("unit %s has no words", tg.Unit.Value)
		}
		if comparatorEN(tg.Comparator.Value) == "" {
			t.Errorf("comparator %s has no English", tg.Comparator.Value)
		}
		if sourceWord(tg.Source.Value) == (word{}) {
			t.Errorf("source %s has no words", tg.Source.Value)
		}
	}
	for _, g := range p.Glossary {
		if kindWords[g.Kind.Value] == (word{}) || basisWords[g.Basis.Value] == (word{}) {
			t.Errorf("%s: kind %s or basis %s has no words", g.ZH.Value, g.Kind.Value, g.Basis.Value)
		}
	}
}

// chartValueFaults reads a chart's CSV as a spreadsheet or pandas does,
// with no schema, and says where its value column is not a number or has
// no unit beside it.
func chartValueFaults(t *testing.T, b []byte) []string {
	t.Helper()
	rows := readCSV(t, b)
	idx := map[string]int{}
	for i, h := range rows[0] {
		idx[h] = i
	}
	v, ok := idx["value"]
	u, hasUnit := idx["unit"]
	if !ok || !hasUnit {
		return []string{"no value or unit column"}
	}
	var out []string
	for i, r := range rows[1:] {
		if _, err := strconv.ParseFloat(r[v], 64); err != nil {
			out = append(out, "row "+strconv.Itoa(i+2)+": value "+strconv.Quote(r[v]))
		}
		if r[u] == "" {
			out = append(out, "row "+strconv.Itoa(i+2)+": no unit")
		}
	}
	return out
}

// TestChartCSVsHoldNumbers: each target chart's CSV holds its bars as
// numbers with their unit, the wording beside them as the page shows it;
// the check is proven on a bar written as text.
func TestChartCSVsHoldNumbers(t *testing.T) {
	_, files := load(t)
	for _, name := range []string{"charts/zh/targets-yuan.csv", "charts/en/targets-yuan.csv", "charts/zh/targets-share.csv", "charts/en/targets-share.csv"} {
		b, ok := files[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		if faults := chartValueFaults(t, b); len(faults) > 0 {
			t.Errorf("%s: %v", name, faults)
		}
	}
	// 4100亿元 is 410 billion yuan, and the wording stays as written.
	rows := readCSV(t, files["charts/en/targets-yuan.csv"])
	if got := strings.Join(rows[1], "|"); got != "Modern petrochemicals|petrochemical output|strive for more than 410 billion yuan|A1|output|body|410|billion yuan" {
		t.Errorf("first row %q", got)
	}
	rows = readCSV(t, files["charts/zh/targets-yuan.csv"])
	if got := strings.Join(rows[1], "|"); got != "现代石化|石化产业产值|力争超过4100亿元|A1|output|body|4100|亿元" {
		t.Errorf("first row %q", got)
	}
	broken := bytes.Replace(files["charts/en/targets-yuan.csv"], []byte(",410,"), []byte(",strive for more than 410 billion yuan,"), 1)
	if faults := chartValueFaults(t, broken); len(faults) != 1 {
		t.Errorf("a bar written as text: %v", faults)
	}
}
