package pages

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestEveryParamIsRead holds the contract in params.go to the layouts:
// each key a params struct declares is read by some layout (as .key or
// "key"), so a key a layout stopped reading, or one spelt differently in
// Go and in the template, fails here rather than vanishing from a page.
func TestEveryParamIsRead(t *testing.T) {
	layouts := readLayouts(t, "../../themes/plansite/layouts")
	keys := paramKeys(t, "params.go")
	if len(keys) < 50 {
		t.Fatalf("found %d param keys in params.go; the parser is not seeing the structs", len(keys))
	}
	for _, k := range keys {
		re := regexp.MustCompile(`(?i)(\.` + k + `\b|"` + k + `")`)
		if !re.MatchString(layouts) {
			t.Errorf("params.go declares %q, which no layout reads", k)
		}
	}
}

// TestParamKeysFindsAnUnreadKey proves the check on a struct with a key no
// layout has.
func TestParamKeysFindsAnUnreadKey(t *testing.T) {
	dir := t.TempDir()
	src := "package pages\ntype XParams struct {\n\tCharts []int `json:\"charts\"`\n\tNobodyReadsThis string `json:\"nobodyReadsThis,omitempty\"`\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	keys := paramKeys(t, filepath.Join(dir, "p.go"))
	if !reflect.DeepEqual(keys, []string{"charts", "nobodyReadsThis"}) {
		t.Fatalf("keys %v", keys)
	}
	layouts := readLayouts(t, "../../themes/plansite/layouts")
	if regexp.MustCompile(`(?i)\.nobodyReadsThis\b`).MatchString(layouts) {
		t.Fatal("a layout reads nobodyReadsThis")
	}
}

// paramKeys lists the json keys of the structs in a Go file.
func paramKeys(t *testing.T, file string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	ast.Inspect(f, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok {
			for _, fld := range st.Fields.List {
				if fld.Tag == nil {
					continue
				}
				tag := reflect.StructTag(strings.Trim(fld.Tag.Value, "`")).Get("json")
				if name, _, _ := strings.Cut(tag, ","); name != "" && name != "-" {
					keys = append(keys, name)
				}
			}
		}
		return true
	})
	return keys
}

func readLayouts(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLanguages: the build gives Hugo each language's site title, the
// edition's name, and the document's facts under the keys the layouts
// read as site.Params.
func TestLanguages(t *testing.T) {
	p, _ := realPlan(t)
	got, err := Languages(p, "2024-01-02")
	if err != nil {
		t.Fatal(err)
	}
	// The plan as a government document, the same in both languages.
	leg := map[string]any{"name": "湖南省现代化产业体系建设实施方案", "englishName": p.Document.Title.EN,
		"issuer": "湖南省人民政府办公厅", "englishIssuer": "General Office of the Hunan Provincial People's Government",
		"number":       "湘政办发〔2023〕54号",
		"jurisdiction": "湖南省", "englishJurisdiction": "Hunan Province", "year": "2023"}
	want := map[string]any{
		"zh": map[string]any{"title": "湖南现代化产业体系方案（非官方中英文版）", "params": map[string]any{
			"issuer": "湖南省人民政府办公厅", "number": "湘政办发〔2023〕54号",
			"planTitle": p.Document.Title.ZH, "updated": "2024-01-02", "legislation": leg, "citations": "cite/zh/index.json"}},
		"en": map[string]any{"title": "Hunan Industrial Plan (unofficial bilingual edition)", "params": map[string]any{
			"issuer": p.Document.Notice.Issuer.EN, "number": p.Document.Notice.Number.EN,
			"planTitle": p.Document.Title.EN, "updated": "2024-01-02", "legislation": leg, "citations": "cite/en/index.json"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Languages:\n got %v\nwant %v", got, want)
	}
}
