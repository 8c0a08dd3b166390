package pipeline

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRobotsNamesSitemap: robots.txt lets every crawler in and names the
// sitemap by its absolute URL; that sitemap is the index of each
// language's sitemap, and every one it lists is in the site.
func TestRobotsNamesSitemap(t *testing.T) {
	dir := siteDir(t)
	b, err := os.ReadFile(filepath.Join(dir, "robots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := checkRobots(dir, string(b), testURL); err != nil {
		t.Errorf("robots.txt:\n%s\n%v", b, err)
	}
	// The check fails on what it must catch.
	for _, bad := range []string{
		"User-agent: *\n",
		"User-agent: *\nSitemap: /sitemap.xml\n",
		"User-agent: *\nSitemap: " + testURL + "no-such-sitemap.xml\n",
		"User-agent: *\nDisallow: /\nSitemap: " + testURL + "sitemap.xml\n",
	} {
		if checkRobots(dir, bad, testURL) == nil {
			t.Errorf("checkRobots passed a broken robots.txt:\n%s", bad)
		}
	}
}

// checkRobots checks robots.txt of the site in dir, built for baseURL.
func checkRobots(dir, robots, baseURL string) error {
	var sitemaps []string
	for _, line := range strings.Split(robots, "\n") {
		k, v, _ := strings.Cut(line, ":")
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "disallow":
			if strings.TrimSpace(v) != "" {
				return fmt.Errorf("it disallows %q", strings.TrimSpace(v))
			}
		case "sitemap":
			sitemaps = append(sitemaps, strings.TrimSpace(v))
		}
	}
	if !strings.Contains(robots, "User-agent: *\n") {
		return fmt.Errorf("no User-agent: * group")
	}
	if len(sitemaps) != 1 {
		return fmt.Errorf("%d Sitemap lines, want 1", len(sitemaps))
	}
	if sitemaps[0] != baseURL+"sitemap.xml" {
		return fmt.Errorf("Sitemap: %s, want %ssitemap.xml", sitemaps[0], baseURL)
	}
	var index struct {
		Locs []string `xml:"sitemap>loc"`
	}
	if err := readXML(dir, sitemaps[0], baseURL, &index); err != nil {
		return err
	}
	if len(index.Locs) != 2 {
		return fmt.Errorf("the sitemap index lists %d sitemaps, want one a language: %v", len(index.Locs), index.Locs)
	}
	for _, loc := range index.Locs {
		var set struct {
			URLs []string `xml:"url>loc"`
		}
		if err := readXML(dir, loc, baseURL, &set); err != nil {
			return err
		}
		if len(set.URLs) == 0 {
			return fmt.Errorf("%s lists no page", loc)
		}
	}
	return nil
}

// readXML decodes the site's file at the absolute URL u.
func readXML(dir, u, baseURL string, v any) error {
	rel, ok := strings.CutPrefix(u, baseURL)
	if !ok {
		return fmt.Errorf("%s is not on the site (%s)", u, baseURL)
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	return xml.Unmarshal(b, v)
}
