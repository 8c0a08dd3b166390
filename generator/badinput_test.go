package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/internal/projectcopy"
	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
)

// A bad edit of the valid dataset, and the problem the build must report:
// "file:line: field: message" (the file relative to data/).
type badData struct {
	name      string
	file      string
	old, new  string // old must occur once in file
	wantFile  string
	wantLine  string
	wantField string
	wantMsg   string // a part of the message
}

const (
	star2 = `"★★"`
	star3 = `"★★★"`
)

var badDataCases = []badData{
	// Malformed YAML and strict decoding.
	{"duplicate key", "layout.yaml", "  zhuzhou: 2", "  changsha: 2", "layout.yaml", "17", "city_counts.changsha", `mapping key "changsha" already defined at line 16`},
	{"duplicate key in a text", "industries/A1.yaml", "name: {zh: 现代石化, en: Modern petrochemicals}", "name: {zh: 现代石化, en: Modern petrochemicals, en: Petrochemicals}", "industries/A1.yaml", "4", "name", `mapping key "en" already defined`},
	{"empty list item", "plan.yaml", "tiers:\n  - code: A", "tiers:\n  -\n  - code: A", "plan.yaml", "69", "tiers[0]", "empty list item"},
	{"empty glossary entry", "glossary/companies.yaml", "- {zh: 三一, en: SANY, kind: company, basis: official}", "- ~", "glossary/companies.yaml", "3", "[1]", "empty list item"},
	{"unknown field", "industries/A1.yaml", "notes: []\n", "notes: []\nowner: nobody\n", "industries/A1.yaml", "59", "owner", `unknown field "owner"`},
	{"unknown nested field", "industries/A1.yaml", "  technologies: {zh: 分子炼油。, en: Molecular refining.}\n", "  technologies: {zh: 分子炼油。, en: Molecular refining.}\n  partners: {zh: 无, en: none}\n", "industries/A1.yaml", "23", "key_points.partners", `unknown field "partners"`},
	{"unknown field deep in the regional layout", "plan.yaml", "              - name: {zh: 先进材料, en: Advanced materials}\n", "              - name: {zh: 先进材料, en: Advanced materials}\n                priority: high\n", "plan.yaml", "68", "general.regions.groups[1].cities[0].focus[0].priority", `unknown field "priority"`},
	{"scalar for a text", "industries/A1.yaml", "name: {zh: 现代石化, en: Modern petrochemicals}", "name: 现代石化", "industries/A1.yaml", "4", "name", "expected a mapping with zh and en"},
	{"scalar for a list", "industries/A1.yaml", "units: [省工业和信息化厅, 省发展改革委]", "units: 省工业和信息化厅", "industries/A1.yaml", "16", "units", "cannot unmarshal"},
	{"list for a text's Chinese", "plan.yaml", "title: {zh: 测试方案, en: Test Plan}", "title: {zh: [测试方案], en: Test Plan}", "plan.yaml", "9", "title", "zh must be text, got a list"},
	{"a third language", "industries/B1.yaml", "  en: Support SANY Group", "  fr: Soutenir SANY Group\n  en: Support SANY Group", "industries/B1.yaml", "8", "intro.fr", "only zh and en"},

	// Texts.
	{"missing English", "plan.yaml", "title: {zh: 测试方案, en: Test Plan}", "title: {zh: 测试方案}", "plan.yaml", "9", "title.en", "missing English translation"},
	{"missing Chinese", "plan.yaml", "title: {zh: 测试方案, en: Test Plan}", "title: {en: Test Plan}", "plan.yaml", "9", "title.zh", "missing Chinese text"},
	{"text left out", "cities.yaml", "  full: {zh: 株洲市, en: Zhuzhou City}\n", "", "cities.yaml", "8", "[1].full", "missing text"},
	{"text left empty", "plan.yaml", "    intro: {zh: 推进延链补链强链。, en: \"Extend, complement and strengthen industrial chains.\"}", "    intro:", "plan.yaml", "76", "tiers[1].intro", "missing text"},

	// Cities, regions, industries.
	{"unknown city in an area", "plan.yaml", "cities: [changsha, zhuzhou]", "cities: [changsha, zhuzou]", "plan.yaml", "47", "general.regions.groups[0].areas[0].cities[1]", `unknown city "zhuzou"`},
	{"area naming a city of another group", "plan.yaml", "cities: [changsha, zhuzhou]", "cities: [changsha, xiangtan]", "plan.yaml", "47", "general.regions.groups[0].areas[0].cities[1]", `is in group "wing"`},
	{"city without its map name", "cities.yaml", "  map_name: 株洲市\n", "", "cities.yaml", "8", "[1].map_name", "missing the city's name in the map data"},
	{"unknown industry in a focus", "plan.yaml", "                industry: B1", "                industry: B9", "plan.yaml", "52", "general.regions.groups[0].cities[0].focus[0].industry", `unknown industry "B9"`},
	{"bad slug", "industries/B1.yaml", "slug: construction-machinery", "slug: Construction_Machinery", "industries/B1.yaml", "4", "slug", "must be lower-case words joined by hyphens"},
	{"duplicate slug", "industries/B1.yaml", "slug: construction-machinery", "slug: modern-petrochemicals", "industries/B1.yaml", "4", "slug", `duplicate slug "modern-petrochemicals"`},

	// The layout table.
	{"layout table's source", "layout.yaml", "source: attachment1", "source: attachment2", "layout.yaml", "2", "source", "must be attachment1"},
	{"rating ★", "layout.yaml", "      changsha: " + star2, "      changsha: \"★\"", "layout.yaml", "7", "rows[0].ratings.changsha", "is neither ★★★ (core) nor ★★ (key)"},
	{"rating left empty", "layout.yaml", "      xiangtan: " + star2, "      xiangtan:", "layout.yaml", "14", "rows[1].ratings.xiangtan", "empty rating"},
	{"stated industry count disagrees", "layout.yaml", "    count: 2", "    count: 3", "layout.yaml", "5", "rows[0].count", "the table states 3 cities for A1, but its row rates 2"},
	{"count not a number", "layout.yaml", "    count: 3", "    count: three", "layout.yaml", "10", "rows[1].count", `expected a whole number, got "three"`},
	{"attachment 2 city cell disagrees", "industries/A1.yaml", "    长沙、\n    株洲市\n", "    长沙\n", "industries/A1.yaml", "24", "key_points.cities", "the layout table rates [changsha zhuzhou]"},

	// Units and the glossary.
	{"responsible unit not in the glossary", "industries/A1.yaml", "units: [省工业和信息化厅, 省发展改革委]", "units: [省工业和信息化厅, 省发展改革委, 省教育厅]", "industries/A1.yaml", "16", "units[2]", "is not a government body in the glossary"},
	{"glossary entry of an unknown kind", "glossary/companies.yaml", "Zoomlion, kind: company", "Zoomlion, kind: firm", "glossary/companies.yaml", "5", "[3].kind", `kind "firm" is not one of`},
	{"company missing from the English", "industries/A1.yaml", "enterprises: {zh: 湖南石化, en: Sinopec Hunan Petrochemical}", "enterprises: {zh: 湖南石化, en: Hunan Petrochemical}", "industries/A1.yaml", "23", "key_points.enterprises.en", `not as "Sinopec Hunan Petrochemical"`},

	// Targets.
	{"quote not in the source text", "industries/A1.yaml", "      zh: 力争石化产业产值超过4100亿元", "      zh: 力争石化产业总产值超过4100亿元", "industries/A1.yaml", "36", "targets[0].quote.zh", "does not stand in the body text"},
	{"unit not in the quote", "industries/B1.yaml", "    unit: 家", "    unit: 个", "industries/B1.yaml", "48", "targets[2].unit", "does not stand in the quote"},
	{"strive not a boolean", "industries/A1.yaml", "    strive: true", "    strive: sometimes", "industries/A1.yaml", "33", "targets[0].strive", "cannot unmarshal"},
	{"strive true without 力争", "industries/B1.yaml", "    strive: false\n    source: body", "    strive: true\n    source: body", "industries/B1.yaml", "30", "targets[0].strive", "does not say 力争/努力"},
	{"unknown unit", "industries/B1.yaml", "    value: \"1.4\"\n    unit: 万亿元", "    value: \"1.4\"\n    unit: 元", "industries/B1.yaml", "28", "targets[0].unit", `unknown unit "元"`},
	{"English quote without the converted value", "industries/A1.yaml", "en: petrochemical output of more than 410 billion yuan", "en: petrochemical output of more than 4100 hundred million yuan", "industries/A1.yaml", "57", "targets[2].quote.en", `should state the value as "410 billion"`},
	{"metric stated twice in one source", "industries/A1.yaml", "  - metric: leading-enterprises", "  - metric: output", "industries/A1.yaml", "38", "targets[1].metric", "is stated twice in body"},
	{"unknown source", "industries/B1.yaml", "    source: attachment2\n    quote:\n      zh: 培育", "    source: attachment3\n    quote:\n      zh: 培育", "industries/B1.yaml", "51", "targets[2].source", `source "attachment3" is not one of`},

	// Figures, coverage and blank texts.
	{"wrong figure in a narrative", "industries/A1.yaml", "more than 410 billion yuan, and", "more than 41 billion yuan, and", "industries/A1.yaml", "7", "intro.en", `the English states "41 billion", a figure the Chinese does not state`},
	{"paragraph changed from the source", "industries/B1.yaml", "  zh: 支持三一集团做大做强。", "  zh: 支持三一集团做强。", "industries/B1.yaml", "7", "intro.zh", "differs from the source (source/test-plan.txt:27)"},
	{"English of spaces only", "industries/A1.yaml", "name: {zh: 现代石化, en: Modern petrochemicals}", `name: {zh: 现代石化, en: "   "}`, "industries/A1.yaml", "4", "name.en", "the English is blank (spaces only)"},
	{"NUL in a text", "industries/A1.yaml", "en: Molecular refining.}", `en: "Molecular\0 refining."}`, "industries/A1.yaml", "22", "key_points.technologies.en", "invisible control character U+0000 (NUL)"},
}

// TestBadDataKeepsOutput builds the small valid dataset once with the
// build command, then breaks its data in each bad way in turn: the build
// must exit 1, name the file, line and field, and leave the output folder
// byte for byte as it was. The command runs in-process (run), as
// `go run ./generator build` runs it; the data fails at load, so each case
// takes milliseconds.
func TestBadDataKeepsOutput(t *testing.T) {
	sitefixture.SkipShort(t)
	root := t.TempDir()
	if err := projectcopy.Copy("..", root); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(root, "data")
	out := filepath.Join(root, "public")
	// The small valid dataset in place of the plan; the fonts stay.
	useValidData := func() {
		t.Helper()
		for _, name := range []string{"plan.yaml", "cities.yaml", "layout.yaml", "notes.yaml", "industries", "glossary", "geo", "source"} {
			if err := os.RemoveAll(filepath.Join(data, name)); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.CopyFS(data, os.DirFS(filepath.Join("plan", "testdata", "valid"))); err != nil {
			t.Fatal(err)
		}
	}
	useValidData()
	if code, _, stderr := runCmd("build", "-root", root, "-out", out); code != 0 {
		t.Fatalf("the valid dataset does not build (exit %d):\n%s", code, stderr)
	}
	before := sitefixture.TreeHash(t, out)

	names := map[string]bool{}
	for _, c := range badDataCases {
		if names[c.name] {
			t.Fatalf("two cases named %q", c.name)
		}
		names[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			useValidData()
			f := filepath.Join(data, filepath.FromSlash(c.file))
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(b), c.old); n != 1 {
				t.Fatalf("%s: %q occurs %d times, want once", c.file, c.old, n)
			}
			if err := os.WriteFile(f, []byte(strings.Replace(string(b), c.old, c.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}

			code, stdout, stderr := runCmd("build", "-root", root, "-out", out)
			if code != 1 {
				t.Errorf("build exited %d, want 1; stderr:\n%s", code, stderr)
			}
			if stdout != "" {
				t.Errorf("build wrote to stdout: %q", stdout)
			}
			want := filepath.Join(data, filepath.FromSlash(c.wantFile)) + ":" + c.wantLine + ": " + c.wantField + ": "
			found := false
			for _, line := range strings.Split(stderr, "\n") {
				if strings.HasPrefix(line, want) && strings.Contains(line, c.wantMsg) {
					found = true
				}
			}
			if !found {
				t.Errorf("the build does not report\n  %s…%s…\nstderr:\n%s", want, c.wantMsg, stderr)
			}
			if after := sitefixture.TreeHash(t, out); after != before {
				t.Errorf("the failed build changed %s", out)
			}
			if left, _ := filepath.Glob(filepath.Join(root, ".public-new-*")); len(left) > 0 {
				t.Errorf("the failed build left %v", left)
			}
		})
	}
	if len(badDataCases) < 30 {
		t.Errorf("%d bad-data cases, want at least 30", len(badDataCases))
	}
}
