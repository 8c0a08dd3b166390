package plan

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const sourceFile = "../../data/source/xzbf-2023-54.txt"

func loadTestPlan(t *testing.T) *Plan {
	t.Helper()
	p, err := Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCoverage proves that the data holds the whole source: the document
// rebuilt from data/ equals the source paragraph by paragraph, and both
// tables equal it cell by cell. Load runs the comparison; this runs it
// again on its own, so that a failure here names coverage.
func TestCoverage(t *testing.T) {
	p := loadTestPlan(t)
	raw, err := os.ReadFile(sourceFile)
	if err != nil {
		t.Fatal(err)
	}
	l := &loader{dir: "../../data", logs: map[string]*problemLog{}}
	checkCoverage(p, l, "source/xzbf-2023-54.txt", string(raw))
	if len(l.problems) > 0 {
		t.Error(l.problems.sorted())
	}
	// The comparison reaches every line: as many data lines as the
	// source has before its first table.
	var want int
	for _, b := range p.FullText() {
		want += len(strings.Split(b.Text.ZH, "\n")) // no blank lines in the real data
	}
	segs := parseSource(string(raw))
	i := 0
	for i < len(segs) && segs[i].table == nil {
		i++
	}
	if i != want+1 { // and the layout table's title
		t.Errorf("the source has %d lines before the layout table, the data %d", i, want+1)
	}
}

// TestSourceParse keeps the parser honest about the source's shape.
func TestSourceParse(t *testing.T) {
	raw, err := os.ReadFile(sourceFile)
	if err != nil {
		t.Fatal(err)
	}
	segs := parseSource(string(raw))
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

// TestCompareLines: a paragraph left out of a numbered list is reported
// once, at the paragraph that now follows it, not as every later item
// renumbered; a changed one is reported as changed; numbers that differ
// with nothing else wrong are reported too.
func TestCompareLines(t *testing.T) {
	src := func(lines ...string) []segment {
		var s []segment
		for i, l := range lines {
			s = append(s, segment{line: l, no: i + 10})
		}
		return s
	}
	data := func(lines ...string) []dataLine {
		var d []dataLine
		for i, l := range lines {
			d = append(d, dataLine{l, "f.yaml", "items[" + strconv.Itoa(i) + "]"})
		}
		return d
	}
	for _, c := range []struct {
		name string
		src  []segment
		data []dataLine
		want []string
	}{
		{"same", src("头", "1.甲。", "2.乙。"), data("头", "1.甲。", "2.乙。"), nil},
		{"item left out", src("头", "1.甲。", "2.乙。", "3.丙。", "4.丁。"), data("头", "1.甲。", "2.丙。", "3.丁。"),
			[]string{`f.yaml: items[2]: the source's paragraph s.txt:12 is missing from the data before this one: "2.乙。"`}},
		{"last line left out", src("头", "尾"), data("头"),
			[]string{`f.yaml: items[0]: the source's paragraph s.txt:11 is missing from the data after this one: "尾"`}},
		{"changed", src("头", "1.甲。", "2.乙。"), data("头", "1.甲乙。", "2.乙。"),
			[]string{`f.yaml: items[1]: differs from the source (s.txt:11) after "1.甲": the source has "。", the data "乙。"`}},
		{"extra", src("头"), data("头", "多"),
			[]string{`f.yaml: items[1]: this paragraph is not in the source (s.txt): "多"`}},
		{"numbers only", src("1.甲。", "3.乙。"), data("1.甲。", "2.乙。"),
			[]string{`f.yaml: items[1]: differs from the source (s.txt:11) after "": the source has "3.乙。", the data "2.乙。"`}},
	} {
		l := &loader{dir: "", logs: map[string]*problemLog{}}
		cv := &coverage{l: l, src: "s.txt"}
		cv.compareLines(c.src, c.data)
		var got []string
		for _, p := range l.problems {
			got = append(got, p.String())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s:\n  %q\nwant\n  %q", c.name, got, c.want)
		}
	}
}

// TestRenderSource: the source printed from the test dataset is its
// source file, byte for byte, and what RenderSource prints, Load accepts.
func TestRenderSource(t *testing.T) {
	got, err := RenderSource(validData)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(validData + "/source/test-plan.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("RenderSource(%s) differs from its source file:\n%s", validData, got)
	}
	dir := t.TempDir()
	copyValid(t, dir, replace("industries/B1.yaml", "  zh: 支持三一集团做大做强。", "  zh: 支持三一集团做强。\n    第二行。"))
	src, err := RenderSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/source/test-plan.txt", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err != nil {
		t.Errorf("the rendered source does not cover its data: %v", err)
	}
}
