// Package cite makes what a reader cites the site by: for the plan, each
// page and each chart, in each language, the citation as text (GB/T 7714
// in Chinese, Chicago author-date in English), the files reference
// managers import (BibTeX, RIS, CSL-JSON) and the Highwire tags that
// Zotero's Embedded Metadata translator and Google Scholar read.
//
// The plan is cited as the General Office's document (a report: issuer,
// document number, year of issue), read at this edition; the full text and
// the industry pages, which present its text, cite it so. Every other page
// and every chart is the edition's own work, based on the plan.
package cite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// Types of work, as CSL names them.
const (
	Report  = "report"  // the plan, or a page that presents its text
	Webpage = "webpage" // a page of the edition
	Figure  = "figure"  // a chart of the edition
)

// Work is one thing to cite, in one language.
type Work struct {
	Key       string // the file name under cite/<lang>/, without extension
	Lang      plan.Lang
	Type      string
	Title     string
	Author    string // a body, written whole (never split into names)
	Publisher string // the institution of a report, the edition otherwise
	Number    string // a report's document number
	Issued    string // YYYY or YYYY-MM-DD
	URL       string
	Container string // the site a page or chart is part of
	// Translator and OriginalTitle mark the English plan as the edition's
	// unofficial translation of the Chinese.
	Translator    string
	OriginalTitle string
	Note          string
	// Head and Tail are the citation as text, either side of the access
	// date that the page's script adds; Head+Tail is complete without it.
	Head, Tail string
}

// Language is the work's language as the files write it.
func (w *Work) Language() string { return w.Lang.Locale() }

// Files are the citation files by path under the generated assets.
type Files map[string][]byte

// Format is a kind of citation file.
type Format struct {
	Name  string // as reference managers name it
	Ext   string
	Write func(*Work) ([]byte, error)
}

// Formats are the citation files of every work, in the order the
// pages offer them.
var Formats = []Format{
	{"BibTeX", "bib", func(w *Work) ([]byte, error) { return BibTeX(w), nil }},
	{"RIS", "ris", func(w *Work) ([]byte, error) { return RIS(w), nil }},
	{"CSL-JSON", "json", CSLJSON},
}

// File is one of a work's citation files, as the pages link it.
type File struct {
	Format string `json:"format"`
	Path   string `json:"path"` // under the generated assets (assetpath.CiteFile)
	Name   string `json:"name"` // the name a download is saved as
}

// Entry is what a page's templates need of one work: its files, its text
// and its Highwire tags.
type Entry struct {
	Files []File `json:"files"`
	URL   string `json:"url"`
	// Plan says the work is the plan (read at some page), whose author is
	// its issuer; every other work's author is the edition.
	Plan     bool   `json:"plan"`
	Head     string `json:"head"`
	Tail     string `json:"tail"`
	Highwire []Meta `json:"highwire"`
}

// Meta is one <meta name content> tag.
type Meta struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// Index is one language's citations as the templates read them: the
// plan's, each page's by its path (/en/industries/x/) and each chart's by
// its id.
type Index struct {
	Plan   Entry            `json:"plan"`
	Pages  map[string]Entry `json:"pages"`
	Charts map[string]Entry `json:"charts"`
}

// Render makes the citation files and indexes of both languages from the
// plan, the pages as pages.Render made them (content path → front
// matter), the charts, the site's address (absolute, ending in /) and the
// edition's date (YYYY-MM-DD).
func Render(p *plan.Plan, content map[string][]byte, cs []*charts.Chart, baseURL, updated string) (Files, error) {
	if _, err := time.Parse(time.DateOnly, updated); err != nil {
		return nil, fmt.Errorf("cite: the edition's date %q: %w", updated, err)
	}
	files := Files{}
	for _, l := range plan.Langs {
		works, idx, err := languageWorks(p, content, cs, l, strings.TrimSuffix(baseURL, "/"), updated)
		if err != nil {
			return nil, err
		}
		for _, w := range works {
			for _, f := range Formats {
				if files[assetpath.CiteFile(l, w.Key, f.Ext)], err = f.Write(w); err != nil {
					return nil, err
				}
			}
		}
		if files[assetpath.CiteIndex(l)], err = marshal(idx); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// languageWorks are the works of one language and their index.
func languageWorks(p *plan.Plan, content map[string][]byte, cs []*charts.Chart, l plan.Lang, base, updated string) ([]*Work, Index, error) {
	c := newCiter(p, l, base, updated)
	idx := Index{Pages: map[string]Entry{}, Charts: map[string]Entry{}}
	planWork := c.report("plan", uitext.In(l, "nav_plan"), c.url("plan/"))
	works := []*Work{planWork}
	idx.Plan = entry(planWork)

	var paths []string
	for f := range content {
		paths = append(paths, f)
	}
	sort.Strings(paths)
	for _, f := range paths {
		rel, ok := strings.CutPrefix(f, string(l)+"/")
		if !ok {
			continue
		}
		// The front matter's title and build options (Params is an
		// interface, one struct per kind, which JSON cannot fill).
		var pg struct {
			Title string              `json:"title"`
			Build *pages.BuildOptions `json:"build"`
		}
		if err := json.Unmarshal(content[f], &pg); err != nil {
			return nil, idx, fmt.Errorf("cite: page %s: %w", f, err)
		}
		if pg.Build != nil && pg.Build.Render == "never" {
			continue
		}
		page := pagePath(rel)
		if strings.HasPrefix(page, "embed/") { // a chart framed elsewhere: cited as the chart
			continue
		}
		var w *Work
		switch {
		case page == "plan/":
			idx.Pages[l.Prefix()+"/"+page] = idx.Plan
			continue
		case page == "":
			w = c.page("page-home", "", c.url(""))
		case strings.HasPrefix(page, "industries/") && page != "industries/":
			w = c.report(key(page), pg.Title, c.url(page))
		default:
			w = c.page(key(page), pg.Title, c.url(page))
		}
		works = append(works, w)
		idx.Pages[l.Prefix()+"/"+page] = entry(w)
	}
	// The pages written by hand (about) are the edition's, named as the
	// menu names them.
	for _, k := range pages.Kinds {
		if k.Generated() || !Cited(k) {
			continue
		}
		page := strings.TrimPrefix(k.Path, "/")
		menuWord := "nav_" + strings.Trim(page, "/") // the menu entry's word (pages.Kind.Menu)
		w := c.page(key(page), uitext.In(l, menuWord), c.url(page))
		works = append(works, w)
		idx.Pages[l.Prefix()+"/"+page] = entry(w)
	}
	for _, ch := range cs {
		if ch.Lang != l {
			continue
		}
		page, ok := pages.ChartPage(ch)
		if !ok {
			return nil, idx, fmt.Errorf("cite: chart %s (%s) has no page", ch.ID, l)
		}
		w := c.page("chart-"+ch.ID, ch.Title, assetpath.ChartAddress(c.url(page), ch.ID))
		w.Type = Figure
		works = append(works, w)
		idx.Charts[ch.ID] = entry(w)
	}
	return works, idx, nil
}

// pagePath is a content file's page, relative to the language root:
// industries/x.md → industries/x/, industries/_index.md → industries/,
// _index.md → "".
func pagePath(rel string) string {
	dir, file := path.Split(rel)
	if name := strings.TrimSuffix(file, ".md"); name != "_index" {
		dir += name + "/"
	}
	return dir
}

// key names a page's files: industries/x/ → page-industries-x.
func key(page string) string {
	return "page-" + strings.ReplaceAll(strings.Trim(page, "/"), "/", "-")
}

// citer makes the works of one language.
type citer struct {
	l                                  plan.Lang
	base                               string
	site, issuer, title, number, year  string
	updated, updatedText, originalName string
}

func newCiter(p *plan.Plan, l plan.Lang, base, updated string) *citer {
	d := p.Document
	c := &citer{l: l, base: base, site: uitext.In(l, "siteName"), issuer: d.Notice.Issuer.In(l), title: d.Title.In(l),
		number: d.Notice.Number.In(l), year: d.Notice.Year(), updated: updated, updatedText: updated}
	if l != plan.ZH {
		t, _ := time.Parse(time.DateOnly, updated)
		c.updatedText = t.Format("2 January 2006")
		c.originalName = d.Title.ZH
	}
	return c
}

func (c *citer) url(page string) string { return c.base + c.l.Prefix() + "/" + page }

// say formats one of the citation words (go_cite_*, a format with
// explicit argument indexes: a language may leave some out).
func (c *citer) say(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// report cites the plan as read at a page of the edition, named pageName.
func (c *citer) report(key, pageName, url string) *Work {
	w := &Work{Key: key, Lang: c.l, Type: Report, Title: c.title, Author: c.issuer, Publisher: c.issuer, Number: c.number,
		Issued: c.year, URL: url, OriginalTitle: c.originalName,
		Note: c.say(uitext.In(c.l, "go_cite_reportNote"), c.site, pageName, c.updatedText),
		Head: c.say(uitext.In(c.l, "go_cite_plan"), c.issuer, c.title, c.number, c.site, pageName, c.updatedText, c.year),
		Tail: c.say(uitext.In(c.l, "go_cite_url"), url)}
	if c.l != plan.ZH {
		w.Translator = c.site
	}
	return w
}

// page cites a page or chart of the edition, named title ("" for the
// home page, which is the edition itself).
func (c *citer) page(key, title, url string) *Work {
	w := &Work{Key: key, Lang: c.l, Type: Webpage, Title: title, Author: c.site, Publisher: c.site, Container: c.site,
		Issued: c.updated, URL: url,
		Note: c.say(uitext.In(c.l, "go_cite_basedOn"), c.issuer, c.title, c.number),
		Head: c.say(uitext.In(c.l, "go_cite_page"), c.site, title, c.updatedText, c.updated[:4]),
		Tail: c.say(uitext.In(c.l, "go_cite_url"), url)}
	if title == "" {
		w.Title = c.site
		w.Head = c.say(uitext.In(c.l, "go_cite_home"), c.site, c.updatedText, c.updated[:4])
	}
	return w
}

// entry is a work as the templates read it.
func entry(w *Work) Entry {
	var files []File
	for _, f := range Formats {
		files = append(files, File{f.Name, assetpath.CiteFile(w.Lang, w.Key, f.Ext), w.Key + "-" + string(w.Lang) + "." + f.Ext})
	}
	return Entry{Files: files, URL: w.URL, Plan: w.Type == Report, Head: w.Head, Tail: w.Tail, Highwire: Highwire(w)}
}

// Highwire is the work as citation_* tags. Zotero's Embedded Metadata
// translator types an item a report when it finds
// citation_technical_report_institution, and reads the institution, the
// number, the title, the date, the language and the URL from the tags
// below; it splits a citation_author into a person's first and last
// names, so a body is never given as one. A report's institution is its
// issuer; a page's is the edition, which is also its publisher. The plan's
// English title stays its title; that the English is the edition's
// translation is in the citation files (translator, note).
func Highwire(w *Work) []Meta {
	m := []Meta{{"citation_title", w.Title}}
	m = append(m, Meta{"citation_technical_report_institution", w.Publisher})
	if w.Number != "" {
		m = append(m, Meta{"citation_technical_report_number", w.Number})
	}
	if w.Type != Report {
		m = append(m, Meta{"citation_publisher", w.Publisher})
	}
	m = append(m,
		Meta{"citation_date", strings.ReplaceAll(w.Issued, "-", "/")},
		Meta{"citation_language", w.Language()},
		Meta{"citation_public_url", w.URL},
		Meta{"citation_abstract_html_url", w.URL})
	return m
}

// Want is what a work's files must read as in a reference manager
// (scripts/check-citations.mjs), from its Highwire tags and the plan's
// issuer and number in the work's language: the tags and the files say
// the same.
func Want(e Entry, issuer, number string) map[string]string {
	hw := map[string]string{}
	for _, m := range e.Highwire {
		hw[m.Name] = m.Content
	}
	typ := "work"
	if e.Plan {
		typ = Report
	}
	return map[string]string{"type": typ, "title": hw["citation_title"], "issuer": issuer, "number": number,
		"date": strings.ReplaceAll(hw["citation_date"], "/", "-"), "url": hw["citation_public_url"], "language": hw["citation_language"]}
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Cited tells whether pages of kind k have a citation: every generated
// kind, and of the pages written by hand those in the menu; a missing
// page (404), the search page and the offline notice have nothing to cite.
func Cited(k pages.Kind) bool {
	return k.Generated() || (k.File == "" && k.Menu != 0)
}
