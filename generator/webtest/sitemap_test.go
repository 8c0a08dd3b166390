package webtest

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sitemapFile is either a sitemap index or a URL set.
type sitemapFile struct {
	XMLName  xml.Name
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
	URLs []struct {
		Loc   string `xml:"loc"`
		Links []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

// sitemapCheck reads dir/sitemap.xml and every sitemap it lists, and
// checks that every <loc> and every xhtml:link href is a URL under base
// that the built site serves. It returns what is wrong and how many URLs
// it checked.
func sitemapCheck(dir, base string) (findings []string, checked int) {
	seen := map[string]bool{}
	var read func(u, from string)
	read = func(u, from string) {
		if seen[u] {
			return
		}
		seen[u] = true
		file, ok := served(dir, base, u)
		if !ok {
			findings = append(findings, fmt.Sprintf("%s lists %s, which the site does not serve", from, u))
			return
		}
		b, err := os.ReadFile(file)
		if err != nil {
			findings = append(findings, fmt.Sprintf("%s: %v", u, err))
			return
		}
		var sm sitemapFile
		if err := xml.Unmarshal(b, &sm); err != nil {
			findings = append(findings, fmt.Sprintf("%s: not a sitemap: %v", u, err))
			return
		}
		switch sm.XMLName.Local {
		case "sitemapindex":
			if len(sm.Sitemaps) == 0 {
				findings = append(findings, u+": an empty sitemap index")
			}
			for _, s := range sm.Sitemaps {
				read(strings.TrimSpace(s.Loc), u)
			}
		case "urlset":
			if len(sm.URLs) == 0 {
				findings = append(findings, u+": a sitemap without URLs")
			}
			for _, e := range sm.URLs {
				loc := strings.TrimSpace(e.Loc)
				checked++
				if _, ok := served(dir, base, loc); !ok {
					findings = append(findings, fmt.Sprintf("%s: <loc>%s</loc>: no page of the site", u, loc))
				}
				for _, l := range e.Links {
					checked++
					if _, ok := served(dir, base, strings.TrimSpace(l.Href)); !ok {
						findings = append(findings, fmt.Sprintf("%s: <loc>%s</loc>: xhtml:link hreflang=%q href %s: no page of the site", u, loc, l.Hreflang, l.Href))
					}
				}
			}
		default:
			findings = append(findings, fmt.Sprintf("%s: <%s> is neither <sitemapindex> nor <urlset>", u, sm.XMLName.Local))
		}
	}
	read(base+"sitemap.xml", "the site")
	return findings, checked
}

// served finds the file that serves an absolute URL of the site.
func served(dir, base, u string) (string, bool) {
	p, ok := strings.CutPrefix(u, base)
	if !ok {
		return "", false
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	f := filepath.Join(dir, filepath.FromSlash(p))
	info, err := os.Stat(f)
	if err == nil && info.IsDir() {
		f = filepath.Join(f, "index.html")
		info, err = os.Stat(f)
	}
	return f, err == nil && !info.IsDir()
}

// TestSitemaps checks the sitemap index and the sitemaps it lists: every
// URL and alternate in them is a page of the built site.
func TestSitemaps(t *testing.T) {
	t.Parallel()
	dir := siteDir(t)
	findings, checked := sitemapCheck(dir, siteURL)
	report(t, "sitemaps", "link", findings)
	if checked < 300 {
		t.Errorf("the sitemaps list only %d URLs and alternates", checked)
	}
	t.Logf("sitemaps: %d URLs and alternates checked, %d findings", checked, len(findings))
}
