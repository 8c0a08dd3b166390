package plan

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The loader's tests run on testdata/valid, a tiny but complete and
// consistent dataset (2 tiers, 2 industries, 3 cities). Each bad case copies
// it to a temporary folder and makes one change there, so that the fixtures
// do not multiply.

const validData = "testdata/valid"

// edit is one change to a copy of the valid dataset.
type edit struct {
	file     string // relative to the data folder
	old, new string // replace old, which must occur exactly once, by new
	write    bool   // write new as the whole file
	remove   bool   // remove the file
}

func replace(file, old, new string) edit { return edit{file: file, old: old, new: new} }
func write(file, content string) edit    { return edit{file: file, new: content, write: true} }
func remove(file string) edit            { return edit{file: file, remove: true} }

// copyValid copies the valid dataset into a new temporary folder under
// root (made if needed) and applies the edits.
func copyValid(t *testing.T, dir string, edits ...edit) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, os.DirFS(validData)); err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		path := filepath.Join(dir, e.file)
		switch {
		case e.remove:
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			continue
		case e.write:
			if err := os.WriteFile(path, []byte(e.new), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), e.old); n != 1 {
			t.Fatalf("edit of %s: %q occurs %d times, want once", e.file, e.old, n)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(data), e.old, e.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// want is one expected problem. Msg is matched whole, except that … stands
// for any text.
type want struct {
	file  string // relative to the data folder
	line  int
	field string
	msg   string
}

func (w want) String() string {
	return Problem{File: w.file, Line: w.line, Field: w.field, Msg: w.msg}.String()
}

func (w want) matches(dir string, p Problem) bool {
	return p.File == filepath.Join(dir, w.file) && strings.HasSuffix(p.File, w.file) &&
		p.Line == w.line && p.Field == w.field && glob(w.msg, p.Msg)
}

// glob matches s against a pattern in which … stands for any text.
func glob(pattern, s string) bool {
	parts := strings.Split(pattern, "…")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for i, part := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(s, part)
		}
		j := strings.Index(s, part)
		if j < 0 {
			return false
		}
		s = s[j+len(part):]
	}
	return s == ""
}

// loadProblems loads dir and returns its problems, failing the test unless
// Load returns Problems and no plan.
func loadProblems(t *testing.T, dir string) Problems {
	t.Helper()
	p, err := Load(dir)
	if err == nil {
		t.Fatal("Load reported no problem")
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load returned %T, want Problems: %v", err, err)
	}
	if p != nil {
		t.Error("Load returned a plan as well as problems")
	}
	if len(ps) == 0 {
		t.Fatal("Load returned an empty Problems")
	}
	return ps
}

func relative(dir string, ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.TrimPrefix(p.String(), dir+string(filepath.Separator)))
	}
	return out
}

// expectProblems requires the problems to be exactly the wanted ones, in
// any order.
func expectProblems(t *testing.T, dir string, ps Problems, wants []want) {
	t.Helper()
	used := make([]bool, len(ps))
	for _, w := range wants {
		found := false
		for i, p := range ps {
			if !used[i] && w.matches(dir, p) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing problem:\n  %s", w)
		}
	}
	for i, p := range ps {
		if !used[i] {
			t.Errorf("unexpected problem:\n  %s", strings.TrimPrefix(p.String(), dir+string(filepath.Separator)))
		}
	}
	if t.Failed() {
		t.Logf("all problems:\n  %s", strings.Join(relative(dir, ps), "\n  "))
	}
}

func TestValidDataset(t *testing.T) {
	p, err := Load(validData)
	if err != nil {
		t.Fatalf("the valid dataset does not load: %v", err)
	}
	if len(p.Industries) != 2 || len(p.Cities) != 3 || len(p.Glossary) != 10 || len(p.Document.Tiers) != 2 {
		t.Fatalf("loaded %d industries, %d cities, %d glossary entries, %d tiers; want 2, 3, 10, 2",
			len(p.Industries), len(p.Cities), len(p.Glossary), len(p.Document.Tiers))
	}
	a1, b1 := p.Industry("A1"), p.Industry("B1")
	if a1 == nil || b1 == nil {
		t.Fatal("A1 or B1 not found")
	}
	if a1.Tier == nil || a1.Tier.Code.Value != "A" || b1.Tier == nil || b1.Tier.Code.Value != "B" {
		t.Errorf("tiers not linked: A1 %v, B1 %v", a1.Tier, b1.Tier)
	}

	for _, c := range []struct {
		ind   *Industry
		city  string
		level Level
		rated bool
	}{
		{a1, "changsha", Key, true},
		{a1, "zhuzhou", Core, true},
		{a1, "xiangtan", "", false},
		{b1, "changsha", Core, true},
		{b1, "xiangtan", Key, true},
	} {
		if l, ok := c.ind.Rating(c.city); l != c.level || ok != c.rated {
			t.Errorf("%s.Rating(%s) = %q, %v; want %q, %v", c.ind.Code, c.city, l, ok, c.level, c.rated)
		}
	}
	if a1.StatedCount() != 2 || b1.StatedCount() != 3 {
		t.Errorf("stated counts A1 %d, B1 %d; want 2, 3", a1.StatedCount(), b1.StatedCount())
	}

	codes := func(cs []*City) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.Code.Value)
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct {
		ind       *Industry
		core, key string
	}{
		{a1, "zhuzhou", "changsha"},
		{b1, "changsha zhuzhou", "xiangtan"},
	} {
		core, key := p.IndustryCities(c.ind)
		if codes(core) != c.core || codes(key) != c.key {
			t.Errorf("IndustryCities(%s) = core [%s], key [%s]; want [%s], [%s]", c.ind.Code, codes(core), codes(key), c.core, c.key)
		}
	}
	if core, key := p.CityIndustries(p.City("changsha")); len(core) != 1 || core[0] != b1 || len(key) != 1 || key[0] != a1 {
		t.Errorf("CityIndustries(changsha) = %d core, %d key; want [B1], [A1]", len(core), len(key))
	}

	pairs := func(ind *Industry) string {
		var s []string
		for _, pr := range Pairs(ind.Targets) {
			s = append(s, pr.Metric+":"+strings.Join(pr.Differs, ","))
		}
		return strings.Join(s, " ")
	}
	if got, want := pairs(a1), "output:strive leading-enterprises:only-body"; got != want {
		t.Errorf("Pairs(A1) = %s; want %s", got, want)
	}
	if got, want := pairs(b1), "revenue:value world-class-enterprises:only-attachment2"; got != want {
		t.Errorf("Pairs(B1) = %s; want %s", got, want)
	}
	if pr := Pairs(b1.Targets)[0]; pr.Body == nil || pr.Body.Value.Value != "1.4" || pr.Attachment == nil || pr.Attachment.Value.Value != "1.5" {
		t.Errorf("B1 revenue pair = %+v; want body 1.4, attachment 1.5", pr)
	}

	changsha, xiangtan := p.City("changsha"), p.City("xiangtan")
	if changsha.Group == nil || changsha.Group.ID.Value != "core" || changsha.Area == nil || changsha.Area.ID.Value != "changzhu" {
		t.Errorf("changsha: group %v, area %v; want core, changzhu", changsha.Group, changsha.Area)
	}
	if xiangtan.Group == nil || xiangtan.Group.ID.Value != "wing" || xiangtan.Area != nil {
		t.Errorf("xiangtan: group %v, area %v; want wing, none", xiangtan.Group, xiangtan.Area)
	}
	if changsha.Focus == nil || changsha.Focus.Focus[0].Industry.Value != "B1" {
		t.Errorf("changsha's focus not linked: %+v", changsha.Focus)
	}
	if got := p.Names().EN("三一集团"); got != "SANY Group" {
		t.Errorf(`Names().EN("三一集团") = %q`, got)
	}
	if term := p.Names().Lookup("长沙市"); term == nil || term.Kind.Value != "city" || term.EN != "Changsha City" {
		t.Errorf(`Names().Lookup("长沙市") = %+v; want the city`, term)
	}
	if !p.Document.Safeguards.Items[0].UnitsLead() {
		t.Error("safeguard 1 says 牵头, UnitsLead is false")
	}
}

// ★★ as the YAML writes it, quoted.
const (
	s2 = `"★★"`
	s3 = `"★★★"`
)

var badCases = []struct {
	name  string
	edits []edit
	want  []want
}{
	// Malformed YAML: reported with the line, before any validation.
	{"malformed: bad indentation", []edit{replace("cities.yaml", "  name: {zh: 株洲, en: Zhuzhou}", "   name: {zh: 株洲, en: Zhuzhou}")},
		[]want{{"cities.yaml", 9, "", "mapping values are not allowed in this context"}}},
	{"malformed: key indented less than its siblings", []edit{replace("layout.yaml", "  zhuzhou: 2", " zhuzhou: 2")},
		[]want{{"layout.yaml", 17, "", "did not find expected key"}}},
	{"malformed: unclosed quote", []edit{replace("industries/B1.yaml", `en: "SANY, Zoomlion"}`, `en: "SANY, Zoomlion}`)},
		[]want{{"industries/B1.yaml", 20, "", "did not find expected ',' or '}'"}}},
	{"malformed: tab", []edit{replace("industries/A1.yaml", "  - title: {zh: 石油化工", "\t- title: {zh: 石油化工")},
		[]want{{"industries/A1.yaml", 9, "", "found character that cannot start any token"}}},
	{"malformed: duplicate key", []edit{replace("layout.yaml", "  zhuzhou: 2", "  changsha: 2")},
		[]want{{"layout.yaml", 17, "city_counts.changsha", `mapping key "changsha" already defined at line 16`}}},
	{"malformed: duplicate key in a text", []edit{replace("industries/A1.yaml", "name: {zh: 现代石化, en: Modern petrochemicals}", "name: {zh: 现代石化, en: Modern petrochemicals, en: Petrochemicals}")},
		[]want{{"industries/A1.yaml", 4, "name", `mapping key "en" already defined at line 4`}}},
	{"malformed: empty list item", []edit{replace("plan.yaml", "tiers:\n  - code: A", "tiers:\n  -\n  - code: A")},
		[]want{{"plan.yaml", 69, "tiers[0]", "empty list item"}}},
	{"malformed: empty glossary entry", []edit{replace("glossary/companies.yaml", "- {zh: 三一, en: SANY, kind: company, basis: official}", "- ~")},
		[]want{{"glossary/companies.yaml", 3, "[1]", "empty list item"}}},
	{"malformed: a second document", []edit{replace("industries/A1.yaml", "notes: []\n", "notes: []\n---\nnotes: [x]\n")},
		[]want{{"industries/A1.yaml", 59, "", "a second YAML document (after ---): the file must hold one"}}},
	{"empty file", []edit{write("cities.yaml", "")},
		[]want{{"cities.yaml", 0, "", "the file is empty"}}},
	{"file of comments only", []edit{write("glossary/companies.yaml", "# nothing yet\n")},
		[]want{{"glossary/companies.yaml", 0, "", "the file is empty"}}},
	{"missing file", []edit{remove("cities.yaml")},
		[]want{{"cities.yaml", 0, "", "cannot read: open …cities.yaml: no such file or directory"}}},

	// Strict decoding.
	{"unknown field at top level", []edit{replace("industries/A1.yaml", "notes: []\n", "notes: []\nowner: nobody\n")},
		[]want{{"industries/A1.yaml", 59, "owner", `unknown field "owner"`}}},
	{"unknown field nested", []edit{replace("industries/A1.yaml", "  technologies: {zh: 分子炼油。, en: Molecular refining.}\n", "  technologies: {zh: 分子炼油。, en: Molecular refining.}\n  partners: {zh: 无, en: none}\n")},
		[]want{{"industries/A1.yaml", 23, "key_points.partners", `unknown field "partners"`}}},
	{"unknown field deep in the regional layout", []edit{replace("plan.yaml", "              - name: {zh: 先进材料, en: Advanced materials}\n", "              - name: {zh: 先进材料, en: Advanced materials}\n                priority: high\n")},
		[]want{{"plan.yaml", 68, "general.regions.groups[1].cities[0].focus[0].priority", `unknown field "priority"`}}},
	{"note with an unknown field", []edit{replace("industries/B1.yaml", "  - field: goal\n", "  - field: goal\n    source: body\n")},
		[]want{{"industries/B1.yaml", 57, "notes[0].source", `unknown field "source"`}}},
	{"note about an unknown column", []edit{replace("industries/B1.yaml", "  - field: goal\n", "  - field: target\n")},
		[]want{{"industries/B1.yaml", 56, "notes[0].field", `field "target" is not one of goal, products, technologies, enterprises, cities`}}},
	{"scalar where a text is expected", []edit{replace("industries/A1.yaml", "name: {zh: 现代石化, en: Modern petrochemicals}", "name: 现代石化")},
		[]want{{"industries/A1.yaml", 4, "name", `expected a mapping with zh and en, got "现代石化"`}}},
	{"scalar where a glossary entry is expected", []edit{replace("glossary/companies.yaml", "- {zh: 三一, en: SANY, kind: company, basis: official}", "- 三一")},
		[]want{{"glossary/companies.yaml", 3, "[1]", "cannot unmarshal !!str `三一` into plan.Term"}}},
	{"scalar where a list is expected", []edit{replace("industries/A1.yaml", "units: [省工业和信息化厅, 省发展改革委]", "units: 省工业和信息化厅")},
		[]want{{"industries/A1.yaml", 16, "units", "cannot unmarshal !!str `省工...` into []plan.Str"}}},
	{"list where a text's Chinese is expected", []edit{replace("plan.yaml", "title: {zh: 测试方案, en: Test Plan}", "title: {zh: [测试方案], en: Test Plan}")},
		[]want{{"plan.yaml", 9, "title", "zh must be text, got a list"}}},
	{"text with a French translation", []edit{replace("industries/B1.yaml", "  en: Support SANY Group", "  fr: Soutenir SANY Group\n  en: Support SANY Group")},
		[]want{{"industries/B1.yaml", 8, "intro.fr", "field fr not found in a text (only zh and en)"}}},

	// Texts.
	{"missing English", []edit{replace("industries/B1.yaml", "  en: Support SANY Group in growing bigger and stronger. By 2027, revenue of the construction machinery industry will reach 1.4 trillion yuan.\n", "")},
		[]want{{"industries/B1.yaml", 6, "intro.en", "missing English translation"}}},
	{"missing Chinese", []edit{replace("plan.yaml", "title: {zh: 测试方案, en: Test Plan}", "title: {en: Test Plan}")},
		[]want{{"plan.yaml", 9, "title.zh", "missing Chinese text"}}},
	{"text left out", []edit{replace("cities.yaml", "  full: {zh: 株洲市, en: Zhuzhou City}\n", "")},
		[]want{{"cities.yaml", 8, "[1].full", "missing text (zh and en)"}}},
	{"text left empty", []edit{replace("plan.yaml", "    intro: {zh: 推进延链补链强链。, en: \"Extend, complement and strengthen industrial chains.\"}", "    intro:")},
		[]want{{"plan.yaml", 76, "tiers[1].intro", "missing text (zh and en)"}}},
	{"top-level text left out", []edit{replace("plan.yaml", "preamble: {zh: 为测试加载器，制订本方案。, en: This plan is drawn up to test the loader.}\n", "")},
		[]want{{"plan.yaml", 0, "preamble", "missing text (zh and en)"}}},

	{"English of spaces only", []edit{replace("industries/A1.yaml", "name: {zh: 现代石化, en: Modern petrochemicals}", `name: {zh: 现代石化, en: "   "}`)},
		[]want{{"industries/A1.yaml", 4, "name.en", "the English is blank (spaces only)"}}},
	{"Chinese of an ideographic space only", []edit{replace("plan.yaml", "title: {zh: 测试方案, en: Test Plan}", "title: {zh: \"\u3000\", en: Test Plan}")},
		[]want{{"plan.yaml", 9, "title.zh", "the Chinese is blank (spaces only)"}}},
	{"NUL in a text", []edit{replace("industries/A1.yaml", "en: Molecular refining.}", `en: "Molecular\0 refining."}`)},
		[]want{{"industries/A1.yaml", 22, "key_points.technologies.en", `holds an invisible control character U+0000 (NUL) after "Molecular": delete it`}}},
	{"tab in a Chinese text", []edit{replace("industries/A1.yaml", "      zh: 推动湖南石化乙烯项目投产。", `      zh: "推动湖南石化\t乙烯项目投产。"`)},
		[]want{{"industries/A1.yaml", 11, "items[0].text.zh", `holds an invisible control character U+0009 (tab) after "推动湖南石化": delete it`}}},
	{"carriage return in a long text", []edit{replace("plan.yaml", "preamble: {zh: 为测试加载器，制订本方案。, en: This plan is drawn up to test the loader.}", `preamble: {zh: 为测试加载器，制订本方案。, en: "This plan is drawn up to test the loader.\r"}`)},
		[]want{{"plan.yaml", 10, "preamble.en", `holds an invisible control character U+000D (carriage return) after "… to test the loader.": delete it`}}},
	{"escape character in a key", []edit{replace("industries/B1.yaml", "  - metric: world-class-enterprises", `  - metric: "world-class\x1b-enterprises"`)},
		[]want{{"industries/B1.yaml", 45, "targets[2].metric", `holds an invisible control character U+001B after "world-class": delete it`}}},
	{"control character in a glossary entry", []edit{replace("glossary/companies.yaml", "en: Zoomlion,", `en: "Zoom\x07lion",`)},
		[]want{
			{"glossary/companies.yaml", 5, "[3].en", `holds an invisible control character U+0007 after "Zoom": delete it`},
			{"industries/B1.yaml", 20, "key_points.enterprises.en", `names 中联重科, but not as "Zoom\alion" (glossary glossary/companies.yaml)`},
		}},

	// Cities and the regional layout.
	{"unknown city in the regional layout", []edit{replace("plan.yaml", "          - city: xiangtan", "          - city: xiangtang")},
		[]want{
			{"plan.yaml", 65, "general.regions.groups[1].cities[0].city", `unknown city "xiangtang"`},
			{"cities.yaml", 14, "[2].code", `city "xiangtan" is in no group of the regional layout (plan.yaml general.regions)`},
		}},
	{"unknown city in an area", []edit{replace("plan.yaml", "cities: [changsha, zhuzhou]", "cities: [changsha, zhuzou]")},
		[]want{{"plan.yaml", 47, "general.regions.groups[0].areas[0].cities[1]", `unknown city "zhuzou"`}}},
	{"area naming a city of another group", []edit{replace("plan.yaml", "cities: [changsha, zhuzhou]", "cities: [changsha, xiangtan]")},
		[]want{{"plan.yaml", 47, "general.regions.groups[0].areas[0].cities[1]", `city "xiangtan" is in group "wing", not in this area's group "core"`}}},
	{"city in two areas", []edit{replace("plan.yaml", "            cities: [changsha, zhuzhou]\n", "            cities: [changsha, zhuzhou]\n          - id: changsha-only\n            name: {zh: 长沙片区, en: Changsha area}\n            cities: [changsha]\n")},
		[]want{{"plan.yaml", 50, "general.regions.groups[0].areas[1].cities[0]", `city "changsha" is already in area "changzhu"`}}},
	{"city in no group", []edit{replace("plan.yaml", "        cities:\n          - city: xiangtan\n            focus:\n              - name: {zh: 先进材料, en: Advanced materials}\n", "        cities: []\n")},
		[]want{{"cities.yaml", 14, "[2].code", `city "xiangtan" is in no group of the regional layout (plan.yaml general.regions)`}}},
	{"city in two groups", []edit{replace("plan.yaml", "              - name: {zh: 先进材料, en: Advanced materials}\n", "              - name: {zh: 先进材料, en: Advanced materials}\n          - city: changsha\n")},
		[]want{{"plan.yaml", 68, "general.regions.groups[1].cities[1].city", `city "changsha" is already in group "core"`}}},
	{"duplicate city", []edit{replace("cities.yaml", "  kind: {zh: 地级市, en: prefecture-level city}\n- code: xiangtan\n", "  kind: {zh: 地级市, en: prefecture-level city}\n- code: zhuzhou\n  name: {zh: 株洲, en: Zhuzhou}\n  short: {zh: 株洲, en: Zhuzhou}\n  full: {zh: 株洲市, en: Zhuzhou City}\n  map_name: 株洲市\n  kind: {zh: 地级市, en: prefecture-level city}\n- code: xiangtan\n")},
		[]want{
			{"cities.yaml", 14, "[2].code", `duplicate city "zhuzhou"`},
			// The first zhuzhou is shadowed by the second, which the rest links to.
			{"cities.yaml", 8, "[1].code", `city "zhuzhou" is in no group of the regional layout (plan.yaml general.regions)`},
			// 3个市州 no longer names all the (now 4) cities, and A1's
			// row rates both zhuzhou.
			{"industries/B1.yaml", 21, "key_points.cities", `unknown city "3个市州"`},
			{"industries/A1.yaml", 24, "key_points.cities", "attachment 2 names [changsha zhuzhou], the layout table rates [changsha zhuzhou zhuzhou]"},
		}},
	{"city with two English names", []edit{replace("cities.yaml", "  short: {zh: 长沙, en: Changsha}", "  short: {zh: 长沙, en: Chang-sha}")},
		[]want{
			{"cities.yaml", 4, "[0].short.en", `长沙 has two English names, "Changsha" and "Chang-sha"`},
			{"cities.yaml", 4, "[0].short.en", `names 长沙, but not as "Changsha" (glossary cities.yaml)`},
		}},
	{"city without its map name", []edit{replace("cities.yaml", "  map_name: 株洲市\n", "")},
		[]want{{"cities.yaml", 8, "[1].map_name", "missing the city's name in the map data"}}},
	{"city with an empty map name", []edit{replace("cities.yaml", "  map_name: 株洲市\n", "  map_name: \"\"\n")},
		[]want{{"cities.yaml", 12, "[1].map_name", "missing the city's name in the map data"}}},
	{"city whose map region does not exist", []edit{replace("cities.yaml", "  map_name: 株洲市\n", "  map_name: 株州市\n")},
		[]want{
			{"cities.yaml", 8, "[1].map_name", `the map has no region "株州市"`},
			{"geo/hunan.json", 0, "", `the map's region "株洲市" is no city of cities.yaml`},
		}},
	{"map region of no city", []edit{replace("geo/hunan.json", `"name": "湘潭市"`, `"name": "湘潭县"`)},
		[]want{
			{"cities.yaml", 14, "[2].map_name", `the map has no region "湘潭市"`},
			{"geo/hunan.json", 0, "", `the map's region "湘潭县" is no city of cities.yaml`},
		}},
	{"map that is not GeoJSON", []edit{write("geo/hunan.json", "<svg/>")},
		[]want{{"geo/hunan.json", 0, "", "not GeoJSON: invalid character '<' looking for beginning of value"}}},
	{"unknown industry in a focus", []edit{replace("plan.yaml", "                industry: B1", "                industry: B9")},
		[]want{{"plan.yaml", 52, "general.regions.groups[0].cities[0].focus[0].industry", `unknown industry "B9"`}}},
	{"duplicate tier", []edit{replace("plan.yaml", "  - code: B", "  - code: A")},
		[]want{
			{"plan.yaml", 73, "tiers[1].code", `duplicate tier "A"`},
			{"industries/B1.yaml", 3, "code", `industry "B1" belongs to tier "B", which plan.yaml does not define`},
		}},

	// Industries.
	{"duplicate industry code", []edit{replace("industries/B1.yaml", "code: B1", "code: A1")},
		[]want{
			{"industries/B1.yaml", 3, "code", `duplicate industry "A1" (also in industries/A1.yaml)`},
			{"layout.yaml", 9, "rows[1].industry", `unknown industry "B1"`},
			{"plan.yaml", 52, "general.regions.groups[0].cities[0].focus[0].industry", `unknown industry "B1"`},
		}},
	{"bad industry code", []edit{replace("industries/B1.yaml", "code: B1", "code: b1")},
		[]want{
			{"industries/B1.yaml", 3, "code", `industry code "b1" must be a tier letter A–D and a number, as in B1`},
			{"layout.yaml", 9, "rows[1].industry", `unknown industry "B1"`},
			{"plan.yaml", 52, "general.regions.groups[0].cities[0].focus[0].industry", `unknown industry "B1"`},
		}},
	{"duplicate slug", []edit{replace("industries/B1.yaml", "slug: construction-machinery", "slug: modern-petrochemicals")},
		[]want{{"industries/B1.yaml", 4, "slug", `duplicate slug "modern-petrochemicals"`}}},
	{"bad slug", []edit{replace("industries/B1.yaml", "slug: construction-machinery", "slug: Construction_Machinery")},
		[]want{{"industries/B1.yaml", 4, "slug", `slug "Construction_Machinery" must be lower-case words joined by hyphens`}}},
	{"slug left empty", []edit{replace("industries/B1.yaml", "slug: construction-machinery", "slug:")},
		[]want{{"industries/B1.yaml", 4, "slug", `slug "" must be lower-case words joined by hyphens`}}},

	// The layout table.
	{"layout table's source", []edit{replace("layout.yaml", "source: attachment1", "source: attachment2")},
		[]want{{"layout.yaml", 2, "source", `the layout table's source must be attachment1, got "attachment2"`}}},
	{"unknown city in the layout table", []edit{replace("layout.yaml", "      zhuzhou: "+s3+"\n  - industry: B1", "      zhuzhou: "+s3+"\n      wuhan: "+s2+"\n  - industry: B1")},
		[]want{{"layout.yaml", 9, "rows[0].ratings.wuhan", `unknown city "wuhan"`}}},
	{"unknown city in city_counts", []edit{replace("layout.yaml", "  xiangtan: 1\n", "  xiangtan: 1\n  wuhan: 0\n")},
		[]want{{"layout.yaml", 19, "city_counts.wuhan", `unknown city "wuhan"`}}},
	{"unknown industry in the layout table", []edit{replace("layout.yaml", "city_counts:", "  - industry: A9\n    count: 0\n    ratings: {}\ncity_counts:")},
		[]want{{"layout.yaml", 15, "rows[2].industry", `unknown industry "A9"`}}},
	{"industry with no row", []edit{replace("layout.yaml", "  - industry: A1\n    count: 2\n    ratings:\n      changsha: "+s2+"\n      zhuzhou: "+s3+"\n", ""),
		replace("layout.yaml", "  changsha: 2\n  zhuzhou: 2", "  changsha: 1\n  zhuzhou: 1")},
		[]want{
			{"layout.yaml", 3, "rows", "industry A1 has no row in the layout table"},
		}},
	{"second layout row for an industry", []edit{replace("layout.yaml", "city_counts:", "  - industry: A1\n    count: 0\n    ratings: {}\ncity_counts:")},
		[]want{{"layout.yaml", 15, "rows[2].industry", `industry "A1" has a second row`}}},
	{"rating ★", []edit{replace("layout.yaml", "      changsha: "+s2, "      changsha: \"★\"")},
		[]want{{"layout.yaml", 7, "rows[0].ratings.changsha", `rating "★" is neither ★★★ (core) nor ★★ (key)`}}},
	{"rating ★★★★", []edit{replace("layout.yaml", "      changsha: "+s3, "      changsha: \"★★★★\"")},
		[]want{{"layout.yaml", 12, "rows[1].ratings.changsha", `rating "★★★★" is neither ★★★ (core) nor ★★ (key)`}}},
	{"rating core", []edit{replace("layout.yaml", "      xiangtan: "+s2, "      xiangtan: core")},
		[]want{{"layout.yaml", 14, "rows[1].ratings.xiangtan", `rating "core" is neither ★★★ (core) nor ★★ (key)`}}},
	{"rating left empty", []edit{replace("layout.yaml", "      xiangtan: "+s2, "      xiangtan:")},
		[]want{{"layout.yaml", 14, "rows[1].ratings.xiangtan", "empty rating: write ★★★ (core) or ★★ (key)"}}},
	{"stated industry count disagrees", []edit{replace("layout.yaml", "    count: 2", "    count: 3")},
		[]want{{"layout.yaml", 5, "rows[0].count", "the table states 3 cities for A1, but its row rates 2"}}},
	{"stated city count disagrees", []edit{replace("layout.yaml", "  changsha: 2", "  changsha: 5")},
		[]want{{"layout.yaml", 16, "city_counts.changsha", "the table states 5 industries for changsha, but its column rates 2"}}},
	{"missing city count", []edit{replace("layout.yaml", "  xiangtan: 1\n", "")},
		[]want{{"layout.yaml", 15, "city_counts", `no stated count for city "xiangtan"`}}},
	{"city count left empty", []edit{replace("layout.yaml", "  xiangtan: 1", "  xiangtan:")},
		[]want{{"layout.yaml", 18, "city_counts.xiangtan", "the table states 0 industries for xiangtan, but its column rates 1"}}},
	{"count not a number", []edit{replace("layout.yaml", "    count: 3", "    count: three")},
		[]want{{"layout.yaml", 10, "rows[1].count", `expected a whole number, got "three"`}}},
	{"city count not a whole number", []edit{replace("layout.yaml", "  zhuzhou: 2", "  zhuzhou: 2.5")},
		[]want{{"layout.yaml", 17, "city_counts.zhuzhou", `expected a whole number, got "2.5"`}}},

	// Attachment 2's city cell.
	{"attachment 2 city cell disagrees with the layout row", []edit{replace("industries/A1.yaml", "    长沙、\n    株洲市\n", "    长沙\n")},
		[]want{{"industries/A1.yaml", 24, "key_points.cities", "attachment 2 names [changsha], the layout table rates [changsha zhuzhou]"}}},
	{"attachment 2 city cell in another order", []edit{replace("industries/A1.yaml", "    长沙、\n    株洲市\n", "    株洲、\n    长沙市\n")},
		[]want{{"industries/A1.yaml", 24, "key_points.cities", "attachment 2 names [zhuzhou changsha], the layout table rates [changsha zhuzhou]"}}},
	{"unknown city in attachment 2's city cell", []edit{replace("industries/A1.yaml", "    长沙、\n    株洲市\n", "    长沙、\n    武汉市\n")},
		[]want{{"industries/A1.yaml", 24, "key_points.cities", `unknown city "武汉市"`}}},

	// Responsible units and the glossary.
	{"responsible unit not in the glossary", []edit{replace("industries/A1.yaml", "units: [省工业和信息化厅, 省发展改革委]", "units: [省工业和信息化厅, 省发展改革委, 省教育厅]")},
		[]want{{"industries/A1.yaml", 16, "units[2]", `"省教育厅" is not a government body in the glossary`}}},
	{"responsible unit that is a company", []edit{replace("industries/A1.yaml", "units: [省工业和信息化厅, 省发展改革委]", "units: [省工业和信息化厅,\n  湖南石化]")},
		[]want{{"industries/A1.yaml", 17, "units[1]", `"湖南石化" is not a government body in the glossary`}}},
	{"unit not named in the responsibility line", []edit{replace("industries/A1.yaml", "units: [省工业和信息化厅, 省发展改革委]", "units: [省工业和信息化厅, 省发展改革委, 省科技厅]")},
		[]want{{"industries/A1.yaml", 16, "units[2]", `"省科技厅" is not named in the responsibility line`}}},
	{"safeguard unit not named in its responsibility line", []edit{replace("plan.yaml", "units: [省发展改革委, 省工业和信息化厅]", "units: [省发展改革委, 省工业和信息化厅, 省科技厅]")},
		[]want{{"plan.yaml", 85, "safeguards.items[0].units[2]", `"省科技厅" is not named in the responsibility line`}}},
	{"duplicate glossary entry", []edit{replace("glossary/companies.yaml", "- {zh: 中部地区", "- {zh: 省科技厅, en: Science and Technology Department, kind: body, basis: translated}\n- {zh: 中部地区")},
		[]want{{"glossary/companies.yaml", 6, "[4].zh", "duplicate glossary entry 省科技厅 (also in glossary/bodies.yaml)"}}},
	{"glossary entry with an unknown kind", []edit{replace("glossary/companies.yaml", "Zoomlion, kind: company", "Zoomlion, kind: firm")},
		[]want{{"glossary/companies.yaml", 5, "[3].kind", `kind "firm" is not one of company, body, place, brand, project, platform, term`}}},
	{"glossary entry with an unknown basis", []edit{replace("glossary/companies.yaml", "central China, kind: place, basis: translated", "central China, kind: place, basis: guessed")},
		[]want{{"glossary/companies.yaml", 6, "[4].basis", `basis "guessed" is not one of official, translated, pinyin`}}},
	{"glossary entry without English", []edit{replace("glossary/companies.yaml", "en: Zoomlion,", `en: "",`)},
		[]want{{"glossary/companies.yaml", 5, "[3].en", "missing English name for 中联重科"}}},
	{"glossary entry naming a city", []edit{replace("glossary/companies.yaml", "- {zh: 中部地区", "- {zh: 湘潭, en: Xiangtan, kind: place, basis: official}\n- {zh: 中部地区")},
		[]want{{"glossary/companies.yaml", 6, "[4].zh", "湘潭 is a city: cities.yaml names it, not the glossary"}}},
	{"company named in zh, missing from en", []edit{replace("industries/A1.yaml", "enterprises: {zh: 湖南石化, en: Sinopec Hunan Petrochemical}", "enterprises: {zh: 湖南石化, en: Hunan Petrochemical}")},
		[]want{{"industries/A1.yaml", 23, "key_points.enterprises.en", `names 湖南石化, but not as "Sinopec Hunan Petrochemical" (glossary glossary/companies.yaml)`}}},
	{"company named by its longest name, missing from en", []edit{replace("industries/B1.yaml", "  en: Support SANY Group in", "  en: Support SANY in")},
		[]want{{"industries/B1.yaml", 8, "intro.en", `names 三一集团, but not as "SANY Group" (glossary glossary/companies.yaml)`}}},
	{"city named in zh, missing from en", []edit{replace("plan.yaml", "en: Support Changsha in focusing", "en: Support the provincial capital in focusing")},
		[]want{{"plan.yaml", 43, "general.regions.groups[0].text.en", `names 长沙, but not as "Changsha" (glossary cities.yaml)`}}},
	{"body named in zh, missing from en", []edit{replace("plan.yaml", "en: Led by the Hunan Provincial Development and Reform Commission and", "en: Led by the Development and Reform Commission and")},
		[]want{{"plan.yaml", 84, "safeguards.items[0].responsibility.en", `names 省发展改革委, but not as "Hunan Provincial Development and Reform Commission" (glossary glossary/bodies.yaml)`}}},

	// Coverage: the data reproduces its source, testdata/valid/source/.
	{"coverage: a numbered item deleted", []edit{replace("industries/A1.yaml", "items:\n  - title: {zh: 石油化工, en: Petrochemicals}\n    text:\n      zh: 推动湖南石化乙烯项目投产。\n      en: Bring the ethylene project of Sinopec Hunan Petrochemical into production.\n", "items: []\n")},
		[]want{{"industries/A1.yaml", 10, "responsibility.zh", `the source's paragraph source/test-plan.txt:22 is missing from the data before this one: "1.石油化工。推动湖南石化乙烯项目投产。"`}}},
	{"coverage: a paragraph changed", []edit{replace("industries/B1.yaml", "  zh: 支持三一集团做大做强。", "  zh: 支持三一集团做强。")},
		[]want{{"industries/B1.yaml", 7, "intro.zh", `differs from the source (source/test-plan.txt:27) after "支持三一集团做": the source has "大做强。到2027年，工程机械产业营业收入达到1.4万亿元。", the data "强。到2027年，工程机械产业营业收入达到1.4万亿元。"`}}},
	{"coverage: a paragraph the source lacks", []edit{replace("plan.yaml", "    - {zh: 测试方案重点一览表, en: Overview of priorities of the Test Plan}\n  layout:", "    - {zh: 测试方案重点一览表, en: Overview of priorities of the Test Plan}\n    - {zh: 测试方案附表, en: Supplementary table of the Test Plan}\n  layout:")},
		[]want{{"plan.yaml", 91, "attachments.list[2].zh", `this paragraph is not in the source (source/test-plan.txt): "3.测试方案附表"`}}},
	{"coverage: an attachment 2 cell changed", []edit{replace("industries/A1.yaml", "products: {zh: 乙烯、聚乙烯。, en: Ethylene and polyethylene.}", "products: {zh: 乙烯。, en: Ethylene.}")},
		[]want{{"industries/A1.yaml", 21, "key_points.products.zh", `attachment 2, row A1, cell 4: differs from the source (source/test-plan.txt:81) after "乙烯": the source has "、聚乙烯。", the data "。"`}}},
	{"coverage: a rating changed", []edit{replace("layout.yaml", "      changsha: "+s2, "      changsha: "+s3)},
		[]want{{"layout.yaml", 7, "rows[0].ratings.changsha", `attachment 1, row A1, cell 3: differs from the source (source/test-plan.txt:49) after "★★": the source has nothing, the data "★"`}}},
	{"coverage: no source document", []edit{remove("source/test-plan.txt")},
		[]want{{"source", 0, "", "found 0 source documents (source/*.txt), want exactly one: the document the data reproduces"}}},
	{"coverage: the source goes on", []edit{replace("source/test-plan.txt", "\n市州\n\n", "\n市州\n\n附件3\n")},
		[]want{{"source/test-plan.txt", 96, "", `the source goes on after attachment 2 with "附件3", which the data does not hold`}}},

	// Targets.
	{"target quote not in the source text", []edit{replace("industries/A1.yaml", "      zh: 力争石化产业产值超过4100亿元", "      zh: 力争石化产业总产值超过4100亿元")},
		[]want{{"industries/A1.yaml", 36, "targets[0].quote.zh", `"力争石化产业总产值超过4100亿元" does not stand in the body text`}}},
	{"attachment 2 quote from the body", []edit{replace("industries/B1.yaml", "      zh: 工程机械产业营业收入达到1.5万亿元", "      zh: 工程机械产业营业收入达到1.4万亿元\n      # the body's figure")},
		[]want{
			{"industries/B1.yaml", 43, "targets[1].quote.zh", `"工程机械产业营业收入达到1.4万亿元" does not stand in the attachment2 text`},
			{"industries/B1.yaml", 37, "targets[1].value", `value "1.5" does not stand in the quote "工程机械产业营业收入达到1.4万亿元"`},
			// The English quote still says 1.5 trillion.
			{"industries/B1.yaml", 45, "targets[1].quote.en", `the Chinese states 1.4万亿元; the English should state the value as "1.4 trillion"`},
			{"industries/B1.yaml", 45, "targets[1].quote.en", `the English states "1.5 trillion", a figure the Chinese does not state`},
		}},
	{"value not in the quote", []edit{replace("industries/A1.yaml", `    value: "5"`, `    value: "6"`)},
		[]want{
			{"industries/A1.yaml", 40, "targets[1].value", `value "6" does not stand in the quote "培育百亿龙头企业5家以上"`},
		}},
	{"value a part of the quoted number", []edit{replace("industries/A1.yaml", "    value: \"4100\"\n    unit: 亿元\n    comparator: 超过\n    strive: false", "    value: \"100\"\n    unit: 亿元\n    comparator: 超过\n    strive: false")},
		[]want{
			{"industries/A1.yaml", 50, "targets[2].value", `value "100" does not stand in the quote "石化产业产值超过4100亿元"`},
		}},
	{"value 1 against 1.4万亿元", []edit{replace("industries/B1.yaml", `    value: "1.4"`, `    value: "1"`)},
		[]want{
			{"industries/B1.yaml", 27, "targets[0].value", `value "1" does not stand in the quote "工程机械产业营业收入达到1.4万亿元"`},
		}},
	{"unit not in the quote", []edit{replace("industries/B1.yaml", "    unit: 家", "    unit: 个")},
		[]want{{"industries/B1.yaml", 48, "targets[2].unit", `unit "个" does not stand in the quote "培育世界级企业2家以上"`}}},
	{"comparator not in the quote", []edit{replace("industries/B1.yaml", "    comparator: 达到\n    strive: false\n    source: body", "    comparator: 超过\n    strive: false\n    source: body")},
		[]want{{"industries/B1.yaml", 29, "targets[0].comparator", `comparator "超过" does not stand in the quote "工程机械产业营业收入达到1.4万亿元"`}}},
	{"strive true without 力争", []edit{replace("industries/B1.yaml", "    strive: false\n    source: body", "    strive: true\n    source: body")},
		[]want{{"industries/B1.yaml", 30, "targets[0].strive", "strive is true, but the quote does not say 力争/努力"}}},
	{"strive false with 力争", []edit{replace("industries/A1.yaml", "    strive: true", "    strive: false")},
		[]want{{"industries/A1.yaml", 33, "targets[0].strive", "strive is false, but the quote says 力争/努力"}}},
	{"strive left out with 力争", []edit{replace("industries/A1.yaml", "    strive: true\n", "")},
		[]want{{"industries/A1.yaml", 28, "targets[0].strive", "strive is false, but the quote says 力争/努力"}}},
	{"strive not a boolean", []edit{replace("industries/A1.yaml", "    strive: true", "    strive: sometimes")},
		[]want{{"industries/A1.yaml", 33, "targets[0].strive", "cannot unmarshal !!str `sometimes` into bool"}}},
	{"unknown unit", []edit{replace("industries/B1.yaml", "    value: \"1.4\"\n    unit: 万亿元", "    value: \"1.4\"\n    unit: 元")},
		[]want{{"industries/B1.yaml", 28, "targets[0].unit", `unknown unit "元"`}}},
	{"unknown comparator", []edit{replace("industries/A1.yaml", "    comparator: 超过\n    strive: false", "    comparator: 产值超过\n    strive: false")},
		[]want{{"industries/A1.yaml", 52, "targets[2].comparator", `comparator "产值超过" has no English form; known: 以上, …`}}},
	{"English quote without the converted value", []edit{replace("industries/A1.yaml", "en: petrochemical output of more than 410 billion yuan", "en: petrochemical output of more than 4100 hundred million yuan")},
		[]want{
			{"industries/A1.yaml", 57, "targets[2].quote.en", `the Chinese states 4100亿元; the English should state the value as "410 billion"`},
			{"industries/A1.yaml", 57, "targets[2].quote.en", `the English states "4100", a figure the Chinese does not state`},
			{"industries/A1.yaml", 57, "targets[2].quote.en", `the English states "million", a figure the Chinese does not state`},
		}},
	{"English quote with a part of the value", []edit{replace("industries/B1.yaml", "en: revenue of the construction machinery industry will reach 1.4 trillion yuan", "en: revenue of the construction machinery industry will reach 41.4 trillion yuan")},
		[]want{
			{"industries/B1.yaml", 34, "targets[0].quote.en", `the Chinese states 1.4万亿元; the English should state the value as "1.4 trillion"`},
			{"industries/B1.yaml", 34, "targets[0].quote.en", `the English states "41.4 trillion", a figure the Chinese does not state`},
		}},
	{"English percentage", []edit{replace("plan.yaml", "          en: manufacturing value added will exceed 30% of GDP", "          en: manufacturing value added will exceed 30 per cent of GDP")},
		[]want{
			{"plan.yaml", 33, "general.goals.targets[0].quote.en", `the Chinese states 30%; the English should state the value as "30%"`},
			{"plan.yaml", 33, "general.goals.targets[0].quote.en", `the English states "30", a figure the Chinese does not state`},
		}},
	// Figures: every text's English states the Chinese's figures, converted,
	// and no other.
	{"narrative: a wrong conversion", []edit{replace("industries/A1.yaml", "strive for petrochemical output of more than 410 billion yuan, and", "strive for petrochemical output of more than 41 billion yuan, and")},
		[]want{
			{"industries/A1.yaml", 7, "intro.en", `the Chinese states 4100亿元; the English should state the value as "410 billion"`},
			{"industries/A1.yaml", 7, "intro.en", `the English states "41 billion", a figure the Chinese does not state`},
		}},
	{"narrative: an amount in Chinese numerals", []edit{replace("industries/A1.yaml", "at least 5 leading enterprises of the 10-billion-yuan scale.", "at least 5 leading enterprises of the 1-billion-yuan scale.")},
		[]want{
			{"industries/A1.yaml", 7, "intro.en", `the Chinese states 百亿; the English should state the value as "10 billion"`},
			{"industries/A1.yaml", 7, "intro.en", `the English states "1 billion", a figure the Chinese does not state`},
		}},
	{"item: a figure the Chinese lacks", []edit{replace("industries/A1.yaml", "en: Bring the ethylene project of", "en: Bring the 1-million-tonne ethylene project of")},
		[]want{{"industries/A1.yaml", 12, "items[0].text.en", `the English states "1 million", a figure the Chinese does not state`}}},
	{"attachment 2: a count changed", []edit{replace("industries/B1.yaml", "1.5 trillion yuan; develop at least 2 world-class", "1.5 trillion yuan; develop at least 3 world-class")},
		[]want{
			{"industries/B1.yaml", 17, "key_points.goal.en", `the Chinese states 2家; the English should state the value as "2" or "two"`},
			{"industries/B1.yaml", 17, "key_points.goal.en", `the English states "3", a figure the Chinese does not state`},
		}},
	{"safeguard: a figure the Chinese lacks", []edit{replace("plan.yaml", "en: Set up a mechanism to coordinate", "en: Set up 2 mechanisms to coordinate")},
		[]want{{"plan.yaml", 81, "safeguards.items[0].text.en", `the English states "2", a figure the Chinese does not state`}}},
	{"goals: the year", []edit{replace("plan.yaml", "      en: By 2027, manufacturing value added", "      en: By 2025, manufacturing value added")},
		[]want{
			{"plan.yaml", 22, "general.goals.paragraph.en", `the Chinese states 2027年; the English should state the value as "2027"`},
			{"plan.yaml", 22, "general.goals.paragraph.en", `the English states "2025", a figure the Chinese does not state`},
		}},
	{"glossary: a name's number", []edit{replace("glossary/companies.yaml", "- {zh: 中部地区", "- {zh: 中国电科48所, en: CETC 49th Research Institute, kind: company, basis: official}\n- {zh: 中部地区")},
		[]want{
			{"glossary/companies.yaml", 6, "[4].en", `the Chinese states 48所; the English should state the value as "48"`},
			{"glossary/companies.yaml", 6, "[4].en", `the English states "49", a figure the Chinese does not state`},
		}},
	{"metric stated twice in one source", []edit{replace("industries/A1.yaml", "  - metric: leading-enterprises", "  - metric: output")},
		[]want{{"industries/A1.yaml", 38, "targets[1].metric", `metric "output" is stated twice in body`}}},
	{"unknown source", []edit{replace("industries/B1.yaml", "    source: attachment2\n    quote:\n      zh: 培育", "    source: attachment3\n    quote:\n      zh: 培育")},
		[]want{{"industries/B1.yaml", 51, "targets[2].source", `source "attachment3" is not one of attachment2, body`}}},
	{"province-wide goal from attachment 2", []edit{replace("plan.yaml", "        source: body", "        source: attachment2")},
		[]want{{"plan.yaml", 30, "general.goals.targets[0].source", `source "attachment2" is not one of body`}}},
	{"note on words the plan does not print", []edit{replace("notes.yaml", "at: {zh: 中联重科, en: Zoomlion}", "at: {zh: 徐工, en: XCMG}")},
		[]want{{"notes.yaml", 9, "[1].at.zh", "徐工 stands nowhere in the plan's text: a note explains words the plan prints"}}},
	{"note's English not where its Chinese first stands", []edit{replace("notes.yaml", "at: {zh: 三一集团, en: SANY Group}", "at: {zh: 三一集团, en: Sany Heavy}")},
		[]want{{"notes.yaml", 5, "[0].at.en", `"Sany Heavy" is not in the English where the plan first prints 三一集团 (block construction-machinery-text)`}}},
	{"note without English", []edit{replace("notes.yaml", "note: {zh: 中联重科的英文名称。, en: Zoomlion's own English name.}", "note: {zh: 中联重科的英文名称。}")},
		[]want{{"notes.yaml", 10, "[1].note.en", "missing English translation"}}},
	{"note of an unknown kind", []edit{replace("notes.yaml", "kind: name", "kind: gloss")},
		[]want{{"notes.yaml", 8, "[1].kind", `kind "gloss" is not one of label, abbreviation, misprint, name`}}},
	{"two notes with one id", []edit{replace("notes.yaml", "- id: zoomlion", "- id: sany")},
		[]want{{"notes.yaml", 7, "[1].id", `id "sany" is also the id of the note on line 3`}}},
	{"note id not a slug", []edit{replace("notes.yaml", "- id: zoomlion", "- id: Zoom Lion")},
		[]want{{"notes.yaml", 7, "[1].id", `id "Zoom Lion" is not lower-case words joined by hyphens (chenzhou-mining)`}}},
	{"empty target", []edit{replace("industries/B1.yaml", "targets:\n", "targets:\n  - {}\n")},
		[]want{
			{"industries/B1.yaml", 25, "targets[0].label", "missing text (zh and en)"},
			{"industries/B1.yaml", 25, "targets[0].quote", "missing text (zh and en)"},
			{"industries/B1.yaml", 25, "targets[0].source", `source "" is not one of attachment2, body`},
		}},
}

func TestLoadBadInput(t *testing.T) {
	names := map[string]bool{}
	for _, c := range badCases {
		if names[c.name] {
			t.Fatalf("two cases named %q", c.name)
		}
		names[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			copyValid(t, dir, c.edits...)
			expectProblems(t, dir, loadProblems(t, dir), c.want)
		})
	}
	if len(badCases) < 30 {
		t.Errorf("%d bad cases, want at least 30", len(badCases))
	}
}

// TestLoadReportsAll checks that one load reports every problem, in every
// file, sorted by file and line; the validator finds them in another order.
func TestLoadReportsAll(t *testing.T) {
	dir := t.TempDir()
	copyValid(t, dir,
		replace("plan.yaml", "title: {zh: 测试方案, en: Test Plan}", "title: {zh: 测试方案}"),
		replace("cities.yaml", "  map_name: 长沙市\n", ""),
		replace("layout.yaml", "    count: 2", "    count: 3"),
		replace("glossary/bodies.yaml", "省发展改革委, en: Hunan Provincial Development and Reform Commission, kind: body, basis: official", "省发展改革委, en: Hunan Provincial Development and Reform Commission, kind: body, basis: unofficial"),
		replace("industries/A1.yaml", "      en: Bring the ethylene project of Sinopec Hunan Petrochemical", "      en: Bring the ethylene project of Hunan Petrochemical"),
		replace("industries/A1.yaml", "  - metric: leading-enterprises", "  - metric: output"),
		replace("industries/B1.yaml", "slug: construction-machinery", "slug: modern-petrochemicals"),
	)
	got := relative(dir, loadProblems(t, dir))
	want := []string{
		"cities.yaml:2: [0].map_name: missing the city's name in the map data",
		`glossary/bodies.yaml:4: [2].basis: basis "unofficial" is not one of official, translated, pinyin`,
		`industries/A1.yaml:12: items[0].text.en: names 湖南石化, but not as "Sinopec Hunan Petrochemical" (glossary glossary/companies.yaml)`,
		`industries/A1.yaml:38: targets[1].metric: metric "output" is stated twice in body`,
		`industries/B1.yaml:4: slug: duplicate slug "modern-petrochemicals"`,
		"layout.yaml:5: rows[0].count: the table states 3 cities for A1, but its row rates 2",
		"plan.yaml:9: title.en: missing English translation",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestLoadReportsAllDecodeErrors: files that fail to decode are all
// reported, not only the first.
func TestLoadReportsAllDecodeErrors(t *testing.T) {
	dir := t.TempDir()
	copyValid(t, dir,
		replace("industries/A1.yaml", "  - title: {zh: 石油化工", "\t- title: {zh: 石油化工"),
		replace("layout.yaml", "source: attachment1", "source: attachment1\nowner: nobody"),
		replace("cities.yaml", "  name: {zh: 株洲, en: Zhuzhou}", "  name: 株洲"),
		replace("cities.yaml", "  name: {zh: 湘潭, en: Xiangtan}", "  name: 湘潭"),
	)
	got := relative(dir, loadProblems(t, dir))
	want := []string{
		`cities.yaml:9: [1].name: expected a mapping with zh and en, got "株洲"`,
		`cities.yaml:15: [2].name: expected a mapping with zh and en, got "湘潭"`,
		"industries/A1.yaml:9: found character that cannot start any token",
		`layout.yaml:3: owner: unknown field "owner"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestQuantityEN(t *testing.T) {
	for _, c := range []struct {
		value, unit string
		want        Quantity
		str         string
	}{
		{"4100", "亿元", Quantity{Number: "410 billion", Unit: "yuan"}, "410 billion yuan"},
		{"1", "万亿元", Quantity{Number: "1 trillion", Unit: "yuan"}, "1 trillion yuan"},
		{"1.4", "万亿元", Quantity{Number: "1.4 trillion", Unit: "yuan"}, "1.4 trillion yuan"},
		{"100", "亿", Quantity{Number: "10 billion", Unit: "yuan"}, "10 billion yuan"},
		{"630", "亿斤", Quantity{Number: "63 billion", Unit: "jin", Extra: "31.5 million tonnes"}, "63 billion jin (31.5 million tonnes)"},
		{"10", "亿人次", Quantity{Number: "1 billion", Unit: "visits"}, "1 billion visits"},
		{"3000", "万头", Quantity{Number: "30 million", Unit: "head"}, "30 million head"},
		{"250", "万吨", Quantity{Number: "2.5 million", Unit: "tonnes"}, "2.5 million tonnes"},
		{"1-2", "个", Quantity{Number: "1–2"}, "1–2"},
		{"5", "家", Quantity{Number: "5"}, "5"},
		{"30", "%", Quantity{Number: "30%"}, "30%"},
		{"6.5", "%", Quantity{Number: "6.5%"}, "6.5%"},
		{"1", "万亿级", Quantity{Number: "1 trillion", Unit: "yuan", Scale: true}, "a scale of 1 trillion yuan"},
	} {
		q, err := QuantityEN(c.value, c.unit)
		if err != nil {
			t.Errorf("QuantityEN(%q, %q): %v", c.value, c.unit, err)
			continue
		}
		if q != c.want || q.String() != c.str {
			t.Errorf("QuantityEN(%q, %q) = %+v (%q); want %+v (%q)", c.value, c.unit, q, q, c.want, c.str)
		}
	}
	for _, c := range []struct{ value, unit, err string }{
		{"5", "吨", `unknown unit "吨"`},
		{"五", "家", `value "五" is not a number`},
		{"", "亿元", `value "" is not a number`},
		{"2", "万亿级", `万亿级 takes the value 1, got "2"`},
	} {
		if _, err := QuantityEN(c.value, c.unit); err == nil || err.Error() != c.err {
			t.Errorf("QuantityEN(%q, %q) error = %v; want %s", c.value, c.unit, err, c.err)
		}
	}
}

func TestTargetDisplay(t *testing.T) {
	for _, c := range []struct {
		value, unit, comparator string
		zh, en                  string
	}{
		{"4100", "亿元", "超过", "超过4100亿元", "more than 410 billion yuan"},
		{"5", "家", "以上", "5家以上", "at least 5"},
		{"5", "个", "左右", "5个左右", "about 5"},
		{"630", "亿斤", "达到…以上", "达到630亿斤以上", "at least 63 billion jin (31.5 million tonnes)"},
		{"25", "%", "达到…左右", "达到25%左右", "about 25%"},
		{"50", "%", "稳定在…以上", "稳定在50%以上", "held at or above 50%"},
		{"6.5", "%", "提高至", "提高至6.5%", "raised to 6.5%"},
		{"1", "万亿元", "突破", "突破万亿元", "over 1 trillion yuan"},
		{"1.4", "万亿元", "达到", "达到1.4万亿元", "1.4 trillion yuan"},
		{"1", "万亿级", "达到", "达到万亿级", "a scale of 1 trillion yuan"},
		{"10", "亿人次", "突破", "突破10亿人次", "over 1 billion visits"},
		{"1000", "亿元", "过", "过千亿元", "over 100 billion yuan"},
		{"1", "万亿元", "达到", "达到1万亿元", "1 trillion yuan"},
		{"100", "亿", "过", "过百亿", "over 10 billion yuan"},
		{"1-2", "个", "建成", "建成1-2个", "1–2"},
	} {
		// The display follows the quote's way of writing the amount.
		tg := &Target{Value: Str{Value: c.value}, Unit: Str{Value: c.unit}, Comparator: Str{Value: c.comparator}, Quote: Text{ZH: "到2027年" + c.zh + "。"}}
		if got := tg.DisplayZH(); got != c.zh {
			t.Errorf("DisplayZH(%s %s %s) = %q; want %q", c.comparator, c.value, c.unit, got, c.zh)
		}
		if got := tg.DisplayEN(); got != c.en {
			t.Errorf("DisplayEN(%s %s %s) = %q; want %q", c.comparator, c.value, c.unit, got, c.en)
		}
	}
}

func TestGlossaryFindLongest(t *testing.T) {
	g := newGlossary()
	for _, zh := range []string{"三一", "三一集团", "中联重科", "长沙", "长沙市", "湖南"} {
		g.add(&Term{ZH: Str{Value: zh}, EN: "en:" + zh})
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"支持三一集团和中联重科在长沙市发展，三一", []string{"三一集团", "中联重科", "长沙市", "三一"}},
		{"长沙、长沙市", []string{"长沙", "长沙市"}},
		{"三一三一集团三", []string{"三一", "三一集团"}},
		{"湖南长沙", []string{"湖南", "长沙"}},
		{"没有名称", nil},
		{"", nil},
	} {
		var got []string
		for _, term := range g.Find(c.text) {
			got = append(got, term.ZH.Value)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Find(%q) = %v; want %v", c.text, got, c.want)
		}
	}
	if got := g.EN("三一集团"); got != "en:三一集团" {
		t.Errorf("EN(三一集团) = %q", got)
	}
	if got := g.EN("未知"); got != "未知" {
		t.Errorf("EN of an unknown name = %q; want the name itself", got)
	}
}

func TestStandsAlone(t *testing.T) {
	for _, c := range []struct {
		s, number string
		want      bool
	}{
		{"超过4100亿元", "4100", true},
		{"超过4100亿元", "410", false},
		{"超过4100亿元", "100", false},
		{"达到1.4万亿元", "1", false},
		{"达到1.4万亿元", "4", false},
		{"达到1.4万亿元", "万亿", false},
		{"突破万亿元", "万亿", true},
		{"各1家以上", "1", true},
		{"more than 410 billion yuan", "10 billion", false},
		{"more than 410 billion yuan", "410 billion", true},
		{"2,500 enterprises", "500", false},
		{"at least 5.", "5", true},
		{"build 1-2 bases", "1-2", true},
		{"5 and 50", "50", true},
	} {
		if got := standsAlone(c.s, c.number); got != c.want {
			t.Errorf("standsAlone(%q, %q) = %v; want %v", c.s, c.number, got, c.want)
		}
	}
}

// TestProblemString checks the file:line: field: message form and the
// order of Problems.
func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{"d/industries/B1.yaml", 12, "intro.en", "missing English translation"}, "d/industries/B1.yaml:12: intro.en: missing English translation"},
		{Problem{"d/cities.yaml", 0, "", "the file is empty"}, "d/cities.yaml: the file is empty"},
		{Problem{"d/a.yaml", 3, "", "m"}, "d/a.yaml:3: m"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("String() = %q; want %q", got, c.want)
		}
	}
	ps := Problems{{File: "b", Line: 2, Msg: "x"}, {File: "a", Line: 9, Msg: "y"}, {File: "b", Line: 1, Msg: "z"}}.sorted()
	var got []string
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%s:%d", p.File, p.Line))
	}
	if want := []string{"a:9", "b:1", "b:2"}; !slices.Equal(got, want) {
		t.Errorf("sorted = %v; want %v", got, want)
	}
}

// TestPairKind: the gravest difference decides the kind a reader sees.
func TestPairKind(t *testing.T) {
	for _, c := range []struct {
		differs []string
		want    string
	}{
		{nil, KindSame},
		{[]string{"strive"}, KindWording},
		{[]string{"value", "unit"}, KindConflict},
		{[]string{"strive", "comparator"}, KindConflict},
		{[]string{"only-body"}, KindOnePlace},
		{[]string{"only-attachment2"}, KindOnePlace},
	} {
		if got := (&TargetPair{Differs: c.differs}).Kind(); got != c.want {
			t.Errorf("Kind(%v) = %s; want %s", c.differs, got, c.want)
		}
	}
}

// TestNotePlaces pins where a note is printed: the first place its words
// stand in print order, a paragraph of the body or a row of attachment 2.
func TestNotePlaces(t *testing.T) {
	p, err := Load(validData)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Notes) != 2 {
		t.Fatalf("%d notes; want 2", len(p.Notes))
	}
	sany, zoomlion := p.Notes[0].Place, p.Notes[1].Place
	if sany.KeyPoints != nil || !strings.HasPrefix(sany.Block, "construction-machinery") {
		t.Errorf("三一集团's note is placed at %+v; want B1's body", sany)
	}
	if zoomlion.KeyPoints == nil || zoomlion.KeyPoints.Code.Value != "B1" || zoomlion.Block != "" {
		t.Errorf("中联重科's note is placed at %+v; want B1's row of attachment 2", zoomlion)
	}
}
