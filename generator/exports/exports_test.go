package exports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hunan-industry/plan-site/generator/plan"
)

func load(t *testing.T) (*plan.Plan, Files) {
	t.Helper()
	p, err := plan.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(p)
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
	rows, err := csv.NewReader(bytes.NewReader(b[len(bom):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestLayoutCSV(t *testing.T) {
	p, files := load(t)
	rows := readCSV(t, files["layout.csv"])
	if got := strings.Join(rows[0], ","); got != "industry_code,industry_zh,industry_en,tier_zh,tier_en,city_code,city_zh,city_en,level" {
		t.Errorf("header %q", got)
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
	}
}

func TestTargetsCSV(t *testing.T) {
	p, files := load(t)
	rows := readCSV(t, files["targets.csv"])
	if got := strings.Join(rows[0], ","); got != "industry_code,metric_zh,metric_en,value,unit_zh,comparator_zh,strive,source,quote_zh" {
		t.Errorf("header %q", got)
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

// TestWorkbookReadsBack opens the workbook as Excel would and compares its
// cells with the data.
func TestWorkbookReadsBack(t *testing.T) {
	p, files := load(t)
	f, err := excelize.OpenReader(bytes.NewReader(files["plan.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join([]string{SheetLayout, SheetTargets, SheetIndustries, SheetCities, SheetSource}, "|") {
		t.Errorf("sheets %q", got)
	}
	layout, err := f.GetRows(SheetLayout)
	if err != nil {
		t.Fatal(err)
	}
	if len(layout) != len(p.Industries)+2 {
		t.Fatalf("layout sheet has %d rows", len(layout))
	}
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
	}
	targets, _ := f.GetRows(SheetTargets)
	n := len(p.Document.General.Goals.Targets)
	for _, ind := range p.Industries {
		n += len(ind.Targets)
	}
	if len(targets)-1 != n {
		t.Errorf("targets sheet has %d rows, %d targets", len(targets)-1, n)
	}
	first := p.Industries[0].Targets[0]
	for _, r := range targets[1:] {
		if r[0] == p.Industries[0].Code.Value && r[1] == first.Label.ZH {
			if r[3] != first.Value.Value || r[4] != first.Unit.Value || r[8] != first.Quote.ZH {
				t.Errorf("target row %v does not match %s", r, first.Quote.ZH)
			}
			break
		}
	}
	cities, _ := f.GetRows(SheetCities)
	for i, c := range p.Cities {
		if cities[i+1][0] != c.Code.Value || cities[i+1][2] != c.Name.EN {
			t.Errorf("cities row %d: %v", i+2, cities[i+1])
		}
	}
	inds, _ := f.GetRows(SheetIndustries)
	if len(inds)-1 != len(p.Industries) || !strings.HasPrefix(inds[0][0], "代码") {
		t.Errorf("industries sheet: %d rows, header %v", len(inds), inds[0])
	}
}
