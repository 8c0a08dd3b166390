package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Coverage: the data must reproduce the source document. The document
// rebuilt from the data (FullText, then the two tables) is compared with
// the source text line by line and cell by cell, so that a paragraph lost
// or changed in an edit stops the build, named with the data file and
// field where it belongs.
//
// The source is the one .txt file in the data folder's source/: the real
// plan's data/source/xzbf-2023-54.txt, and for the loader's tests a tiny
// document that testdata/valid reproduces. Every dataset comes with the
// document it claims to reproduce, so the check holds for each alike.

var bookmark = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

// segment is a printed line of the source, or one of its tables.
type segment struct {
	line  string
	no    int // line number in the source, from 1
	table []row
}

// row is a table row: its cells, and the line each begins on.
type row struct {
	cells []string
	lines []int
}

// parseSource splits the source into lines and tables, dropping Word's
// bookmarks. A table is a run of tab-led cells; a cell's text runs on over
// lines that do not start with a tab, rows end at a blank line, and the
// table ends at the first line after a blank line that is not a cell.
func parseSource(raw string) []segment {
	lines := strings.Split(bookmark.ReplaceAllString(raw, ""), "\n")
	var segs []segment
	var table []row
	var r row
	inTable, blank := false, false
	flushRow := func() {
		if len(r.cells) > 0 {
			table = append(table, r)
			r = row{}
		}
	}
	for i, l := range lines {
		no := i + 1
		switch {
		case strings.HasPrefix(l, "\t"):
			if !inTable {
				inTable, table = true, nil
			}
			if blank {
				flushRow()
			}
			r.cells = append(r.cells, strings.TrimPrefix(l, "\t"))
			r.lines = append(r.lines, no)
			blank = false
		case inTable && l == "":
			blank = true
		case inTable && !blank:
			r.cells[len(r.cells)-1] += "\n" + l // a cell's next line
		default:
			if inTable {
				flushRow()
				segs = append(segs, segment{table: table, no: table[0].lines[0]})
				inTable = false
			}
			blank = false
			if s := strings.TrimSpace(l); s != "" {
				segs = append(segs, segment{line: s, no: no})
			}
		}
	}
	if inTable {
		flushRow()
		segs = append(segs, segment{table: table, no: table[0].lines[0]})
	}
	return segs
}

// readSource finds the dataset's source document.
func (l *loader) readSource() (rel, raw string, ok bool) {
	files, _ := filepath.Glob(filepath.Join(l.dir, "source", "*.txt"))
	if len(files) != 1 {
		l.log("source").add(0, "", "found %d source documents (source/*.txt), want exactly one: the document the data reproduces", len(files))
		return "", "", false
	}
	rel, _ = filepath.Rel(l.dir, files[0])
	b, err := os.ReadFile(files[0])
	if err != nil {
		l.log(rel).add(0, "", "cannot read: %v", err)
		return "", "", false
	}
	return rel, string(b), true
}

// coverage compares the plan with its source and logs where they differ.
type coverage struct {
	p   *Plan
	l   *loader
	src string // the source file, relative to the data folder
}

// dataLine is one line of the document as the data prints it.
type dataLine struct {
	text        string
	file, field string
}

// checkCoverage proves that the data reproduces the source.
func checkCoverage(p *Plan, l *loader, rel, raw string) {
	c := &coverage{p: p, l: l, src: rel}
	segs := parseSource(raw)
	var want []dataLine
	for _, b := range p.FullText() {
		want = printedLines(want, b.Text.ZH, b.File, b.Field)
	}
	a := &p.Document.Attachments
	want = printedLines(want, a.Layout.Title.ZH, "plan.yaml", "attachments.layout.title.zh")

	i := 0
	for i < len(segs) && segs[i].table == nil {
		i++
	}
	c.compareLines(segs[:i], want)
	tables := segs[i:]
	if len(tables) < 1 || tables[0].table == nil {
		c.sourceProblem(0, "the source has no layout table (attachment 1) after the text")
		return
	}
	c.layoutTable(tables[0])
	rest := printedLines(nil, a.Layout.Note.ZH, "plan.yaml", "attachments.layout.note.zh")
	rest = printedLines(rest, a.Attachment2.Label.ZH, "plan.yaml", "attachments.key_points.label.zh")
	rest = printedLines(rest, a.Attachment2.Title.ZH, "plan.yaml", "attachments.key_points.title.zh")
	j := 1
	for j < len(tables) && tables[j].table == nil {
		j++
	}
	c.compareLines(tables[1:j], rest)
	if j == len(tables) {
		c.sourceProblem(0, "the source has no key points table (attachment 2) after attachment 1")
		return
	}
	c.keyPointsTable(tables[j])
	if j+1 < len(tables) {
		what := "a table"
		if tables[j+1].table == nil {
			what = quote(tables[j+1].line)
		}
		c.sourceProblem(tables[j+1].no, "the source goes on after attachment 2 with %s, which the data does not hold", what)
	}
}

// printedLines adds a text's lines as the source prints them: trimmed,
// and without blank lines, which parseSource drops from the source too.
func printedLines(lines []dataLine, text, file, field string) []dataLine {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, dataLine{l, file, field})
		}
	}
	return lines
}

func (c *coverage) sourceProblem(line int, format string, args ...any) {
	c.l.log(c.src).add(line, "", format, args...)
}

func (c *coverage) at(file, field, format string, args ...any) {
	c.l.log(file).add(0, field, format, args...)
}

// where names a line of the source: source/xzbf-2023-54.txt:123.
func (c *coverage) where(line int) string {
	return fmt.Sprintf("%s:%d", filepath.ToSlash(c.src), line)
}

// itemNumber is the number a numbered paragraph starts with; the lines
// are matched without it, so that a paragraph left out is reported once
// rather than as every paragraph after it renumbered.
var itemNumber = regexp.MustCompile(`^\d+\.`)

func lineKey(s string) string { return itemNumber.ReplaceAllString(s, "") }

// compareLines aligns the source's lines with the data's (a longest common
// subsequence of their keys) and reports what differs.
func (c *coverage) compareLines(src []segment, data []dataLine) {
	n, m := len(src), len(data)
	srcKeys, dataKeys := make([]string, n), make([]string, m)
	for i, s := range src {
		srcKeys[i] = lineKey(s.line)
	}
	for j, d := range data {
		dataKeys[j] = lineKey(d.text)
	}
	same := func(i, j int) bool { return srcKeys[i] == dataKeys[j] }
	// lcs[i][j] is the common length of src[i:] and data[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if same(i, j) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var renumbered []int // matched lines whose numbers differ
	problems := 0
	i, j := 0, 0
	for i < n || j < m {
		if i < n && j < m && same(i, j) {
			if src[i].line != data[j].text {
				renumbered = append(renumbered, i, j)
			}
			i, j = i+1, j+1
			continue
		}
		// A run of lines that do not match: pair them up as changed, and
		// report the rest as missing from the data or not in the source.
		si, dj := i, j
		for i < n || j < m {
			if i < n && j < m && same(i, j) {
				break
			}
			if j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]) {
				j++
			} else {
				i++
			}
		}
		srcRun, dataRun := src[si:i], data[dj:j]
		k := 0
		for ; k < len(srcRun) && k < len(dataRun); k++ {
			d := dataRun[k]
			c.at(d.file, d.field, "%s", differs(c.where(srcRun[k].no), srcRun[k].line, d.text))
			problems++
		}
		for _, s := range srcRun[k:] {
			switch {
			case j < m: // place it at the data's next line
				d := data[j]
				c.at(d.file, d.field, "the source's paragraph %s is missing from the data before this one: %s", c.where(s.no), quote(s.line))
			case j > 0:
				d := data[j-1]
				c.at(d.file, d.field, "the source's paragraph %s is missing from the data after this one: %s", c.where(s.no), quote(s.line))
			default:
				c.sourceProblem(s.no, "the data holds none of the source's text: %s", quote(s.line))
			}
			problems++
		}
		for _, d := range dataRun[k:] {
			c.at(d.file, d.field, "this paragraph is not in the source (%s): %s", filepath.ToSlash(c.src), quote(d.text))
			problems++
		}
	}
	// Numbers differ alone only if nothing else explains it.
	if problems == 0 {
		for k := 0; k < len(renumbered); k += 2 {
			s, d := src[renumbered[k]], data[renumbered[k+1]]
			c.at(d.file, d.field, "%s", differs(c.where(s.no), s.line, d.text))
		}
	}
}

// differs says how a data text differs from the source's, around the
// first difference.
func differs(where, source, data string) string {
	s, d := []rune(source), []rune(data)
	k := 0
	for k < len(s) && k < len(d) && s[k] == d[k] {
		k++
	}
	from := max(0, k-12)
	context := string(s[from:k])
	if from > 0 {
		context = "…" + context
	}
	return fmt.Sprintf("differs from the source (%s) after %q: the source has %s, the data %s",
		where, context, quote(string(s[k:])), quote(string(d[k:])))
}

// quote gives the start of a text, enough to find it by.
func quote(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return "nothing"
	}
	if len(r) > 30 {
		return fmt.Sprintf("%q", string(r[:30])+"…")
	}
	return fmt.Sprintf("%q", s)
}

// flat drops the line breaks Word put inside short header cells.
func flat(s string) string { return strings.Join(strings.Fields(s), "") }

// cellCheck is one expected cell: its text and where the data holds it.
type cellCheck struct {
	text        string
	file, field string
	exact       bool // compare line breaks too (text cells), else flat
}

// cells compares a row's cells with the expected ones.
func (c *coverage) cells(what string, r row, want []cellCheck) {
	if len(r.cells) != len(want) {
		c.sourceProblem(r.lines[0], "%s: the source has %d cells, the data %d", what, len(r.cells), len(want))
		return
	}
	for i, w := range want {
		got := strings.TrimSpace(r.cells[i])
		same := got == w.text
		if !w.exact {
			same = flat(got) == flat(w.text)
		}
		if !same {
			c.at(w.file, w.field, "%s, cell %d: %s", what, i+1, differs(c.where(r.lines[i]), got, w.text))
		}
	}
}

func (c *coverage) layoutTable(seg segment) {
	p, a := c.p, c.p.Document.Attachments.Layout
	rows := seg.table
	if len(rows) < 3 {
		c.sourceProblem(seg.no, "attachment 1 has %d rows, too few for its headers and totals", len(rows))
		return
	}
	head := []cellCheck{
		{a.TierHeader.ZH, "plan.yaml", "attachments.layout.tier_header.zh", false},
		{a.IndustryHead.ZH, "plan.yaml", "attachments.layout.industry_header.zh", false},
	}
	for i, g := range p.Document.General.Regions.Groups {
		head = append(head, cellCheck{g.Short.ZH, "plan.yaml", fmt.Sprintf("general.regions.groups[%d].short.zh", i), false})
	}
	head = append(head, cellCheck{a.CountHeader.ZH, "plan.yaml", "attachments.layout.count_header.zh", false})
	c.cells("attachment 1, header", rows[0], head)

	corner := cellCheck{"", "plan.yaml", "attachments.layout", false} // blank cells
	cities := []cellCheck{corner, corner}
	for i, city := range p.Cities {
		cities = append(cities, cellCheck{city.Name.ZH, "cities.yaml", fmt.Sprintf("[%d].name.zh", i), false})
	}
	c.cells("attachment 1, cities", rows[1], append(cities, corner))

	body := rows[2 : len(rows)-1]
	if len(body) != len(p.Industries) {
		c.sourceProblem(rows[2].lines[0], "attachment 1 has %d industry rows, the data %d industries (industries/*.yaml)", len(body), len(p.Industries))
		return
	}
	rowIndex := map[string]int{}
	for i, r := range p.Layout.Rows {
		rowIndex[r.Industry.Value] = i
	}
	var lastTier *Tier
	for k, ind := range p.Industries {
		ri, ok := rowIndex[ind.Code.Value]
		if !ok || ind.Tier == nil {
			continue // reported by validation
		}
		lr := p.Layout.Rows[ri]
		// The tier's name stands in its first row only, as merged cells do.
		want := []cellCheck{{"", "plan.yaml", c.tierField(ind.Tier), false}}
		if ind.Tier != lastTier {
			want[0].text = LayoutTierCell(ind.Tier).ZH
			lastTier = ind.Tier
		}
		want = append(want, cellCheck{LayoutIndustryCell(ind).ZH, ind.file, "name.zh", false})
		base := fmt.Sprintf("rows[%d]", ri)
		for _, city := range p.Cities {
			w := cellCheck{"", "layout.yaml", base + ".ratings", false} // not rated: no key
			if r, rated := lr.Ratings[city.Code.Value]; rated {
				w = cellCheck{r.Level.Stars(), "layout.yaml", base + ".ratings." + city.Code.Value, false}
			}
			want = append(want, w)
		}
		want = append(want, cellCheck{strconv.Itoa(lr.Count.N), "layout.yaml", base + ".count", false})
		c.cells("attachment 1, row "+ind.Code.Value, body[k], want)
	}

	total := []cellCheck{{a.TotalLabel.ZH, "plan.yaml", "attachments.layout.total_label.zh", false}}
	for _, city := range p.Cities {
		total = append(total, cellCheck{strconv.Itoa(p.Layout.CityCounts[city.Code.Value].N), "layout.yaml", "city_counts." + city.Code.Value, false})
	}
	c.cells("attachment 1, totals", rows[len(rows)-1], append(total, cellCheck{"", "layout.yaml", "city_counts", false}))
}

func (c *coverage) tierField(t *Tier) string {
	for i, tt := range c.p.Document.Tiers {
		if tt == t {
			return fmt.Sprintf("tiers[%d].name.zh", i)
		}
	}
	return "tiers"
}

func (c *coverage) keyPointsTable(seg segment) {
	p := c.p
	rows := seg.table
	var head []cellCheck
	for i, col := range p.Document.Attachments.Attachment2.Columns {
		head = append(head, cellCheck{col.ZH, "plan.yaml", fmt.Sprintf("attachments.key_points.columns[%d].zh", i), false})
	}
	c.cells("attachment 2, header", rows[0], head)
	if len(rows)-1 != len(p.Industries) {
		c.sourceProblem(rows[0].lines[0], "attachment 2 has %d rows, the data %d industries (industries/*.yaml)", len(rows)-1, len(p.Industries))
		return
	}
	for k, ind := range p.Industries {
		r := rows[k+1]
		if ind.Tier == nil || len(r.cells) == 0 {
			continue // reported by validation
		}
		// Word repeats the tier's name on some rows and leaves it blank on
		// others, as merged cells do.
		tier := cellCheck{ind.Tier.Name.ZH, "plan.yaml", c.tierField(ind.Tier), false}
		if strings.TrimSpace(r.cells[0]) == "" {
			tier.text = ""
		}
		kp := ind.KeyPoints
		c.cells("attachment 2, row "+ind.Code.Value, r, []cellCheck{
			tier,
			{ind.Name.ZH, ind.file, "name.zh", true},
			{kp.Goal.ZH, ind.file, "key_points.goal.zh", true},
			{kp.Products.ZH, ind.file, "key_points.products.zh", true},
			{kp.Technologies.ZH, ind.file, "key_points.technologies.zh", true},
			{kp.Enterprises.ZH, ind.file, "key_points.enterprises.zh", true},
			{kp.Cities.Value, ind.file, "key_points.cities", true},
		})
	}
}

// RenderSource loads the data in dir with every check but coverage and
// prints the document it holds in the source's text form, tables included:
// the source such data reproduces. Tests that rewrite a dataset's texts
// (the hostile-data test) use it to give the dataset its matching source.
func RenderSource(dir string) (string, error) {
	p, err := load(dir, false)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	// A table row: one tab-led cell a line, a cell's further lines
	// without the tab, a blank line after the row.
	row := func(cells ...string) {
		for _, c := range cells {
			line("\t" + c)
		}
		line("")
	}
	line("")
	for _, bl := range p.FullText() {
		line(bl.Text.ZH)
	}
	a := p.Document.Attachments
	line(a.Layout.Title.ZH)
	head := []string{a.Layout.TierHeader.ZH, a.Layout.IndustryHead.ZH}
	for _, g := range p.Document.General.Regions.Groups {
		head = append(head, g.Short.ZH)
	}
	row(append(head, a.Layout.CountHeader.ZH)...)
	cities := []string{"", ""}
	for _, c := range p.Cities {
		cities = append(cities, c.Name.ZH)
	}
	row(append(cities, "")...)
	var lastTier *Tier
	for _, ind := range p.Industries {
		r := []string{""}
		if ind.Tier != lastTier {
			r[0] = LayoutTierCell(ind.Tier).ZH
			lastTier = ind.Tier
		}
		r = append(r, LayoutIndustryCell(ind).ZH)
		for _, c := range p.Cities {
			l, _ := ind.Rating(c.Code.Value)
			stars := ""
			if l != "" {
				stars = l.Stars()
			}
			r = append(r, stars)
		}
		row(append(r, strconv.Itoa(ind.StatedCount()))...)
	}
	total := []string{a.Layout.TotalLabel.ZH}
	for _, c := range p.Cities {
		total = append(total, strconv.Itoa(p.Layout.CityCounts[c.Code.Value].N))
	}
	row(append(total, "")...)
	line("")
	line(a.Layout.Note.ZH)
	line(a.Attachment2.Label.ZH)
	line(a.Attachment2.Title.ZH)
	var cols []string
	for _, c := range a.Attachment2.Columns {
		cols = append(cols, c.ZH)
	}
	row(cols...)
	for _, ind := range p.Industries {
		kp := ind.KeyPoints
		row(ind.Tier.Name.ZH, ind.Name.ZH, kp.Goal.ZH, kp.Products.ZH, kp.Technologies.ZH, kp.Enterprises.ZH, kp.Cities.Value)
	}
	return b.String(), nil
}
