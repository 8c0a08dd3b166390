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
	wantStrive = map[bool][2]string{true: {"是", "Yes"}, false: {"否", "No"}}
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
	if got := strings.Join(rows[0][9:], ","); got != "level_zh,level_en" {
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
		if w := wantLevel[string(lvl)]; r[9] != w[0] || r[10] != w[1] {
			t.Errorf("row %v: level %s should read %v", r, lvl, w)
		}
	}
}

func TestTargetsCSV(t *testing.T) {
	p, files := load(t)
	rows := readCSV(t, files["targets.csv"])
	if got := strings.Join(rows[0][:9], ","); got != "industry_code,metric_zh,metric_en,value,unit_zh,comparator_zh,strive,source,quote_zh" {
		t.Errorf("header %q", got)
	}
	col := columns(t, rows[0], "industry_zh", "industry_en", "unit_en", "comparator_en", "strive_zh", "strive_en", "source_zh", "source_en", "quote_en")
	if len(rows[0]) != 18 {
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

// TestWords keeps the word tables whole: every code the data uses has its
// words, and every unit its English.
func TestWords(t *testing.T) {
	p, _ := load(t)
	for _, st := range allTargets(p) {
		tg := st.t
		if _, ok := unitWords[tg.Unit.Value]; !ok {
			t.Errorf("unit %s has no words", tg.Unit.Value)
		}
		if comparatorEN[tg.Comparator.Value] == "" {
			t.Errorf("comparator %s has no English", tg.Comparator.Value)
		}
		if sourceWord(tg.Source.Value) == (word{}) {
			t.Errorf("source %s has no words", tg.Source.Value)
		}
	}
}
