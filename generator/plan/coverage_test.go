package plan

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const sourceFile = "../../data/source/xzbf-2023-54.txt"

var bookmark = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

// segment is a printed line of the source or one of its tables.
type segment struct {
	line  string
	table [][]string // rows of cells
}

// parseSource splits the source into lines and tables. A table is a run of
// tab-led cells; a cell's text runs on over lines that do not start with a
// tab, rows end at a blank line, and the table ends at the first line after
// a blank line that is not a cell.
func parseSource(t *testing.T) []segment {
	t.Helper()
	raw, err := os.ReadFile(sourceFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(bookmark.ReplaceAllString(string(raw), ""), "\n")
	var segs []segment
	var table [][]string
	var row []string
	inTable, blank := false, false
	flushRow := func() {
		if len(row) > 0 {
			table = append(table, row)
			row = nil
		}
	}
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "\t"):
			if !inTable {
				inTable, table = true, nil
			}
			if blank {
				flushRow()
			}
			row = append(row, strings.TrimPrefix(l, "\t"))
			blank = false
		case inTable && l == "":
			blank = true
		case inTable && !blank:
			row[len(row)-1] += "\n" + l // a cell's next line
		default:
			if inTable {
				flushRow()
				segs = append(segs, segment{table: table})
				inTable = false
			}
			blank = false
			if s := strings.TrimSpace(l); s != "" {
				segs = append(segs, segment{line: s})
			}
		}
	}
	if inTable {
		flushRow()
		segs = append(segs, segment{table: table})
	}
	return segs
}

func loadTestPlan(t *testing.T) *Plan {
	t.Helper()
	p, err := Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func cell(s string) string { return strings.TrimSpace(s) }

// flat drops the line breaks Word put inside short header cells.
func flat(s string) string { return strings.Join(strings.Fields(s), "") }

// TestCoverage proves that the data holds the whole source: the document
// rebuilt from data/ equals the source paragraph by paragraph, and both
// tables equal it cell by cell.
func TestCoverage(t *testing.T) {
	p := loadTestPlan(t)
	segs := parseSource(t)

	var want []string
	for _, b := range p.FullText() {
		want = append(want, strings.Split(b.Text.ZH, "\n")...)
	}
	a := p.Document.Attachments
	want = append(want, a.Layout.Title.ZH)
	i := 0
	for ; i < len(segs) && segs[i].table == nil; i++ {
		if i >= len(want) {
			t.Fatalf("source line %d is not in the data: %q", i, segs[i].line)
		}
		if segs[i].line != want[i] {
			t.Fatalf("source line %d differs from the data:\nsource: %q\ndata:   %q", i, segs[i].line, want[i])
		}
	}
	if i != len(want) {
		t.Fatalf("the data has %d lines before the layout table, the source %d", len(want), i)
	}
	checkLayoutTable(t, p, segs[i].table)
	rest := []string{a.Layout.Note.ZH, a.Attachment2.Label.ZH, a.Attachment2.Title.ZH}
	for j, w := range rest {
		if got := segs[i+1+j].line; got != w {
			t.Errorf("after the layout table, line %d: source %q, data %q", j, got, w)
		}
	}
	checkKeyPointsTable(t, p, segs[i+1+len(rest)].table)
	if len(segs) != i+2+len(rest) {
		t.Errorf("the source goes on after attachment 2: %d segments left", len(segs)-i-2-len(rest))
	}
}

func checkLayoutTable(t *testing.T, p *Plan, rows [][]string) {
	a := p.Document.Attachments.Layout
	head := []string{a.TierHeader.ZH, a.IndustryHead.ZH}
	for _, g := range p.Document.General.Regions.Groups {
		head = append(head, g.Short.ZH)
	}
	head = append(head, a.CountHeader.ZH)
	expectCells(t, "layout header", rows[0], head)

	cities := []string{"", ""}
	for _, c := range p.Cities {
		cities = append(cities, c.Name.ZH)
	}
	expectCells(t, "layout cities", rows[1], append(cities, ""))

	body := rows[2 : len(rows)-1]
	if len(body) != len(p.Industries) {
		t.Fatalf("layout table has %d industry rows, the data %d industries", len(body), len(p.Industries))
	}
	byCode := map[string]*LayoutRow{}
	for _, r := range p.Layout.Rows {
		byCode[r.Industry.Value] = r
	}
	var lastTier *Tier
	for k, ind := range p.Industries {
		want := []string{""}
		if ind.Tier != lastTier {
			want[0] = ind.Tier.Code.Value + "：" + ind.Tier.Name.ZH
			lastTier = ind.Tier
		}
		want = append(want, ind.Code.Value+"："+ind.Name.ZH)
		row := byCode[ind.Code.Value]
		for _, c := range p.Cities {
			r, ok := row.Ratings[c.Code.Value]
			want = append(want, map[bool]string{true: r.Level.Stars(), false: ""}[ok])
		}
		want = append(want, strconv.Itoa(row.Count.N))
		expectCells(t, "layout row "+ind.Code.Value, body[k], want)
	}

	total := []string{a.TotalLabel.ZH}
	for _, c := range p.Cities {
		total = append(total, strconv.Itoa(p.Layout.CityCounts[c.Code.Value].N))
	}
	expectCells(t, "layout totals", rows[len(rows)-1], append(total, ""))
}

func checkKeyPointsTable(t *testing.T, p *Plan, rows [][]string) {
	var head []string
	for _, c := range p.Document.Attachments.Attachment2.Columns {
		head = append(head, c.ZH)
	}
	expectCells(t, "attachment 2 header", rows[0], head)
	if len(rows)-1 != len(p.Industries) {
		t.Fatalf("attachment 2 has %d rows, the data %d industries", len(rows)-1, len(p.Industries))
	}
	for k, ind := range p.Industries {
		row := rows[k+1]
		// Word repeats the tier's name on some rows and leaves it blank on
		// others, as merged cells do.
		if tier := cell(row[0]); tier != "" && tier != ind.Tier.Name.ZH {
			t.Errorf("attachment 2 row %s: tier %q, data %q", ind.Code.Value, tier, ind.Tier.Name.ZH)
		}
		kp := ind.KeyPoints
		expectExact(t, "attachment 2 row "+ind.Code.Value, row[1:], []string{
			ind.Name.ZH, kp.Goal.ZH, kp.Products.ZH, kp.Technologies.ZH, kp.Enterprises.ZH, kp.Cities.Value,
		})
	}
}

// expectCells compares header-like cells, ignoring Word's line breaks.
func expectCells(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: source has %d cells, data %d:\nsource %q\ndata   %q", what, len(got), len(want), got, want)
		return
	}
	for i := range got {
		if flat(got[i]) != flat(want[i]) {
			t.Errorf("%s, cell %d: source %q, data %q", what, i, got[i], want[i])
		}
	}
}

// expectExact compares text cells exactly, line breaks included.
func expectExact(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: source has %d cells, data %d", what, len(got), len(want))
		return
	}
	for i := range got {
		if cell(got[i]) != want[i] {
			t.Errorf("%s, cell %d:\nsource %q\ndata   %q", what, i, cell(got[i]), want[i])
		}
	}
}

// TestSourceParse keeps the parser honest about the source's shape.
func TestSourceParse(t *testing.T) {
	segs := parseSource(t)
	var tables []int
	for i, s := range segs {
		if s.table != nil {
			tables = append(tables, len(s.table))
		}
		if strings.Contains(s.line, "[bookmark") {
			t.Errorf("segment %d keeps a bookmark: %q", i, s.line)
		}
	}
	// Attachment 1: two header rows, 16 industries, the totals row.
	// Attachment 2: one header row and 16 industries.
	if len(tables) != 2 || tables[0] != 19 || tables[1] != 17 {
		t.Errorf("tables' row counts = %v, want [19 17]", tables)
	}
}
