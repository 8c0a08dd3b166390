package pipeline

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/cite"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// TestCitations holds the built site's citations to the plan: every page
// (embeds aside) carries Highwire tags that give Zotero a report with
// title, institution, date, language and the page's address (on the full
// text and the industry pages the General Office, the document number and
// the year of issue; elsewhere the edition); every citation file the
// pages link reads, in Citation.js, as the same work.
func TestCitations(t *testing.T) {
	out := siteDir(t)
	s := readSite(t)
	p, err := plan.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Document
	var checks []map[string]any
	for _, l := range plan.Langs {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(out), GeneratedDir, "assets", assetpath.CiteIndex(l)))
		if err != nil {
			t.Fatal(err)
		}
		var idx cite.Index
		if err := json.Unmarshal(b, &idx); err != nil {
			t.Fatal(err)
		}
		issuer, number, site := d.Notice.Issuer.In(l), d.Notice.Number.In(l), uitext.In(l, "siteName")
		works := map[string]cite.Entry{"the plan": idx.Plan}
		for u, e := range idx.Pages {
			works[u] = e
		}
		for id, e := range idx.Charts {
			works["chart "+id] = e
		}
		for name, e := range works {
			w := cite.Want(e, issuer, number)
			inst := site
			if e.Plan {
				inst = issuer
			}
			if tags := tagsOf(e); tags["citation_technical_report_institution"] != inst || e.Plan != (tags["citation_technical_report_number"] == number) ||
				e.Plan != (w["date"] == d.Notice.Year()) || w["language"] != l.Locale() || !strings.HasPrefix(w["url"], testURL) || w["title"] == "" {
				t.Errorf("%s %s: Highwire tags %v", l, name, tags)
			}
			for _, file := range e.Files {
				f := filepath.Join(out, filepath.FromSlash(file.Path))
				if _, err := os.Stat(f); err != nil {
					t.Errorf("%s %s: %s is not published (no page links it)", l, name, file.Path)
					continue
				}
				checks = append(checks, map[string]any{"file": f, "want": w})
			}
		}
		uncited := map[string]bool{}
		for _, k := range pages.Kinds {
			if !cite.Cited(k) {
				uncited[l.Prefix()+k.Path] = true
			}
		}
		for _, u := range s.URLs() {
			pg := s.Pages[u]
			if uncited[u] {
				continue
			}
			// A page that only forwards the reader (a chart's cite
			// address) has nothing of its own to cite.
			if pg.Lang == "" || pg.Framed || pg.Refresh != "" || pg.Lang != l.Locale() || strings.HasSuffix(u, "/404.html") {
				continue
			}
			e, ok := idx.Pages[u]
			if !ok {
				t.Errorf("%s: no citation", u)
				continue
			}
			for _, m := range e.Highwire {
				if got := pg.Meta[m.Name]; len(got) != 1 || got[0] != m.Content {
					t.Errorf("%s: <meta name=%q> is %q, want %q", u, m.Name, got, m.Content)
				}
			}
			if got := pg.Meta["citation_public_url"]; len(got) != 1 || got[0] != testURL+strings.TrimPrefix(u, "/") {
				t.Errorf("%s: citation_public_url %q is not the page's address", u, got)
			}
			// Without JavaScript the page's citation is whole: its text
			// up to the address, with no access date and no placeholder.
			if got := staticCitation(t, filepath.Join(out, filepath.FromSlash(pg.File))); got != e.Head+e.Tail || !strings.HasSuffix(got, u[len(l.Prefix()):]+".") {
				t.Errorf("%s: the citation without JavaScript reads %q, want %q", u, got, e.Head+e.Tail)
			}
		}
	}
	// Three files for the plan, each of some 40 pages and 37 charts, in each language.
	if len(checks) < 3*2*(1+40+37) {
		t.Fatalf("only %d citation files to read", len(checks))
	}
	in, _ := json.Marshal(checks)
	cmd := exec.Command("node", "scripts/check-citations.mjs")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Stdin = bytes.NewReader(in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the citation files do not read as their pages' tags say (Citation.js): %v\n%s", err, b)
	}
}

func tagsOf(e cite.Entry) map[string]string {
	m := map[string]string{}
	for _, t := range e.Highwire {
		m[t.Name] = t.Content
	}
	return m
}

// citationText is the page's own citation in the footer's How to cite.
var citationText = regexp.MustCompile(`(?s)<footer.*?<p class="citation[^"]*">(.*?)</p>`)

// staticCitation is the text of the page's own citation as a browser
// without JavaScript shows it.
func staticCitation(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := citationText.FindSubmatch(b)
	if m == nil {
		return ""
	}
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(m[1]), ""))
}
