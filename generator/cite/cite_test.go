package cite

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/internal/realplan"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

const base = "https://plan.test/"

// content is front matter as pages.Render writes it, for a few pages.
var content = map[string][]byte{
	"zh/_index.md":  []byte(`{"title":"湖南省现代化产业体系建设实施方案"}`),
	"zh/plan.md":    []byte(`{"title":"全文"}`),
	"zh/targets.md": []byte(`{"title":"2027年目标"}`),
	"zh/industries/construction-machinery.md": []byte(`{"title":"工程机械"}`),
	"zh/embed/_index.md":                      []byte(`{"title":"x","build":{"render":"never"}}`),
	"en/_index.md":                            []byte(`{"title":"Hunan"}`),
	"en/plan.md":                              []byte(`{"title":"Full text"}`),
	"en/targets.md":                           []byte(`{"title":"Targets for 2027"}`),
	"en/industries/construction-machinery.md": []byte(`{"title":"Construction machinery"}`),
	"en/embed/_index.md":                      []byte(`{"title":"x","build":{"render":"never"}}`),
}

func render(t *testing.T) (Files, *plan.Plan) {
	t.Helper()
	p, cs := realplan.Load(t)
	files, err := Render(p, content, cs, base, "2024-03-05")
	if err != nil {
		t.Fatal(err)
	}
	return files, p
}

func index(t *testing.T, files Files, l plan.Lang) Index {
	t.Helper()
	var idx Index
	if err := json.Unmarshal(files[assetpath.CiteIndex(l)], &idx); err != nil {
		t.Fatal(err)
	}
	return idx
}

func tags(e Entry) map[string]string {
	m := map[string]string{}
	for _, t := range e.Highwire {
		m[t.Name] = t.Content
	}
	return m
}

// TestWorks: the plan and the industry pages are cited as the General
// Office's report (issuer, number, year of issue) read at the page; the
// other pages and the charts as the edition's work, dated by the edition,
// and the texts are complete without an access date.
func TestWorks(t *testing.T) {
	files, p := render(t)
	d := p.Document
	for _, l := range plan.Langs {
		idx := index(t, files, l)
		site := uitext.In(l, "siteName")
		report := func(name string, e Entry, url string) {
			hw := tags(e)
			want := map[string]string{"citation_title": d.Title.In(l), "citation_technical_report_institution": d.Notice.Issuer.In(l),
				"citation_technical_report_number": d.Notice.Number.In(l), "citation_date": "2023", "citation_language": l.Locale(), "citation_public_url": url}
			for k, v := range want {
				if hw[k] != v {
					t.Errorf("%s %s: %s = %q, want %q", l, name, k, hw[k], v)
				}
			}
			if _, ok := hw["citation_publisher"]; ok {
				t.Errorf("%s %s: citation_publisher would take the report's institution's place in Zotero", l, name)
			}
			if !e.Plan || !strings.HasPrefix(e.Head, d.Notice.Issuer.In(l)) {
				t.Errorf("%s %s: the plan's citation does not open with its issuer: %q", l, name, e.Head)
			}
		}
		report("plan", idx.Plan, base+strings.TrimPrefix(l.Prefix()+"/", "/")+"plan/")
		report("industry page", idx.Pages[l.Prefix()+"/industries/construction-machinery/"], base+strings.TrimPrefix(l.Prefix()+"/", "/")+"industries/construction-machinery/")
		if idx.Pages[l.Prefix()+"/plan/"].Files[0] != idx.Plan.Files[0] {
			t.Errorf("%s: the full text's citation is not the plan's", l)
		}
		for name, e := range map[string]Entry{"targets": idx.Pages[l.Prefix()+"/targets/"], "home": idx.Pages[l.Prefix()+"/"], "about": idx.Pages[l.Prefix()+"/about/"], "chart": idx.Charts["targets-yuan"]} {
			hw := tags(e)
			if hw["citation_technical_report_institution"] != site || hw["citation_publisher"] != site || hw["citation_date"] != "2024/03/05" {
				t.Errorf("%s %s: not the edition's work of its date: %v", l, name, hw)
			}
			if e.Plan || !strings.HasPrefix(e.Head, site) || !strings.Contains(e.Head+e.Tail, base) {
				t.Errorf("%s %s: citation %q%q", l, name, e.Head, e.Tail)
			}
		}
		if u := tags(idx.Charts["targets-yuan"])["citation_public_url"]; !strings.HasSuffix(u, "targets/?chart=targets-yuan#chart-targets-yuan") {
			t.Errorf("%s: the chart's address is %q", l, u)
		}
		if _, ok := idx.Pages[l.Prefix()+"/embed/"]; ok {
			t.Errorf("%s: a page never rendered is cited", l)
		}
	}
	if bib := string(files["cite/en/bib/plan.bib"]); !strings.Contains(bib, "translator = {{"+uitext.In(plan.EN, "siteName")+"}}") {
		t.Errorf("the English plan does not name the edition as translator:\n%s", bib)
	}
}

func TestTeXEscape(t *testing.T) {
	if got := texEscape(`50% & {x} #1 a_b`); got != `50\% \& \{x\} \#1 a\_b` {
		t.Errorf("texEscape: %q", got)
	}
}

// checkFiles runs scripts/check-citations.mjs (Citation.js) over the
// files in dir against the index's entries; it returns its output and
// whether it passed.
func checkFiles(t *testing.T, dir string, files Files, p *plan.Plan) (string, bool) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	var checks []map[string]any
	for _, l := range plan.Langs {
		idx := index(t, files, l)
		all := []Entry{idx.Plan}
		for _, e := range idx.Pages {
			all = append(all, e)
		}
		for _, e := range idx.Charts {
			all = append(all, e)
		}
		for _, e := range all {
			for _, f := range e.Files {
				checks = append(checks, map[string]any{"file": filepath.Join(dir, f.Path), "want": Want(e, p.Document.Notice.Issuer.In(l), p.Document.Notice.Number.In(l))})
			}
		}
	}
	in, _ := json.Marshal(checks)
	cmd := exec.Command("node", filepath.Join(root, "scripts", "check-citations.mjs"))
	cmd.Dir = root
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.CombinedOutput()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		t.Fatal(err)
	}
	return string(out), err == nil
}

func write(t *testing.T, dir string, files Files) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFilesReadByCitationJS: every file reads in Citation.js as what it
// cites, and the checker finds each way a file can be wrong.
func TestFilesReadByCitationJS(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Citation.js in Node: skipped under -short")
	}
	files, p := render(t)
	dir := t.TempDir()
	write(t, dir, files)
	if out, ok := checkFiles(t, dir, files, p); !ok {
		t.Fatalf("the citation files do not read as they should:\n%s", out)
	}
	for _, c := range []struct{ file, from, to, want string }{
		{"cite/zh/bib/plan.bib", "title = {{湖南省", "title = {{河南省", "title is"},
		{"cite/en/ris/plan.ris", "UR  - ", "XX  - ", "URL is"},
		{"cite/zh/json/page-industries-construction-machinery.json", `"language": "zh-CN"`, `"language": "en"`, "language is"},
		{"cite/zh/ris/plan.ris", "SN  - 湘政办发〔2023〕54号", "SN  - 湘政办发〔2023〕45号", "number is"},
		{"cite/en/json/plan.json", `"publisher": "General Office`, `"publisher": "Office`, ""},
		{"cite/zh/bib/page-targets.bib", "date = {2024-03-05}", "date = {2024-03-06}", "date is"},
		{"cite/en/ris/chart-targets-yuan.ris", "N1  - ", "XX  - ", "the note does not name the issuer"},
		{"cite/zh/json/plan.json", `"type": "report"`, `"type": "webpage"`, "type is"},
		{"cite/en/bib/page-targets.bib", "@online{", "@online{x,\n title = {y},\n}\n@online{", "2 items"},
		{"cite/zh/bib/plan.bib", "@report{", "@report{{", "does not parse"},
	} {
		broken := Files{}
		for k, v := range files {
			broken[k] = v
		}
		if !bytes.Contains(broken[c.file], []byte(c.from)) {
			t.Fatalf("%s has no %q to break", c.file, c.from)
		}
		broken[c.file] = bytes.Replace(broken[c.file], []byte(c.from), []byte(c.to), 1)
		if c.want == "" { // also the author: break both
			broken[c.file] = bytes.Replace(broken[c.file], []byte(`"literal": "General Office`), []byte(`"literal": "Office`), 1)
			c.want = "issuer"
		}
		bdir := t.TempDir()
		write(t, bdir, broken)
		out, ok := checkFiles(t, bdir, broken, p)
		if ok || !strings.Contains(out, c.file+": "+c.want) {
			t.Errorf("%s broken (%q → %q): want %q reported, got:\n%s", c.file, c.from, c.to, c.want, out)
		}
	}
}

// zoteroFields is how Zotero's Embedded Metadata translator
// (zotero/translators, "Embedded Metadata.js", HIGHWIRE_MAPPINGS) fills
// an item from the tags this package writes, in the translator's order:
// each mapped tag sets its field, a later one overwriting an earlier
// (citation_publisher overwrites the institution, which is a report's
// publisher field), and citation_technical_report_institution types the
// item a report. A fast stand-in for the translator, which runs only
// inside Zotero.
var zoteroFields = []struct{ tag, field string }{
	{"citation_title", "title"},
	{"citation_publication_date", "date"},
	{"citation_date", "date"},
	{"citation_technical_report_institution", "publisher"},
	{"citation_technical_report_number", "number"},
	{"citation_publisher", "publisher"},
	{"citation_public_url", "url"},
	{"citation_language", "language"},
}

func zoteroItem(hw []Meta) map[string]string {
	tags := map[string]string{}
	for _, m := range hw {
		tags[m.Name] = m.Content
	}
	item := map[string]string{"itemType": "journalArticle"} // the translator's guess from citation_title alone
	if _, ok := tags["citation_technical_report_institution"]; ok {
		item["itemType"] = "report"
	}
	for _, f := range zoteroFields {
		if v := tags[f.tag]; v != "" {
			item[f.field] = v
		}
	}
	if item["url"] == "" {
		item["url"] = tags["citation_abstract_html_url"]
	}
	return item
}

// TestZoteroReadsAReport: from the tags of the full text and of an
// industry page Zotero makes a report with the plan's title, the General
// Office as institution, the document number, 2023, the page's address
// and its language; from any other page a report of the edition.
func TestZoteroReadsAReport(t *testing.T) {
	files, p := render(t)
	d := p.Document
	for _, l := range plan.Langs {
		idx := index(t, files, l)
		for _, page := range []string{"/plan/", "/industries/construction-machinery/"} {
			got := zoteroItem(idx.Pages[l.Prefix()+page].Highwire)
			want := map[string]string{"itemType": "report", "title": d.Title.In(l), "publisher": d.Notice.Issuer.In(l), "number": d.Notice.Number.In(l),
				"date": "2023", "url": base + strings.TrimPrefix(l.Prefix()+page, "/"), "language": l.Locale()}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s %s: Zotero's %s is %q, want %q", l, page, k, got[k], v)
				}
			}
		}
		// Without the institution tag Zotero guesses a journal article; with
		// the edition as publisher after it, the issuer is lost.
		var bare []Meta
		for _, m := range idx.Plan.Highwire {
			if m.Name != "citation_technical_report_institution" {
				bare = append(bare, m)
			}
		}
		if zoteroItem(bare)["itemType"] == "report" {
			t.Errorf("%s: the stand-in makes a report without citation_technical_report_institution", l)
		}
		if zoteroItem(append(idx.Plan.Highwire, Meta{"citation_publisher", uitext.In(l, "siteName")}))["publisher"] == d.Notice.Issuer.In(l) {
			t.Errorf("%s: the stand-in lets the institution stand after citation_publisher", l)
		}
		got := zoteroItem(idx.Pages[l.Prefix()+"/targets/"].Highwire)
		if got["itemType"] != "report" || got["publisher"] != uitext.In(l, "siteName") || got["number"] != "" || got["date"] != "2024/03/05" {
			t.Errorf("%s /targets/: Zotero's item %v", l, got)
		}
	}
}
