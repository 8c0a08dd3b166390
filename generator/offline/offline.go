// Package offline makes a built site readable offline after one visit:
// it writes the service worker (worker.js, with the list of files to keep
// and the build's content hash) and each language's web app manifest into
// the built folder. What is kept follows from the page kinds marked
// Offline in pages.Kinds.
package offline

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// Worker is the service worker's path on the site; its scope is the
// whole site (the embed pages it leaves to the network, see worker.js).
const Worker = "/sw.js"

// Manifest is the web app manifest's file name in each language's root.
const Manifest = "manifest.webmanifest"

// SearchDir is Pagefind's folder, kept whole: both languages' indexes.
const SearchDir = "/pagefind/"

// The installed app's colours: the site's accent (--accent in site.css,
// the favicon's ground) and its light page ground.
const (
	themeColour      = "#0b5cab"
	backgroundColour = "#ffffff"
)

//go:embed worker.js
var workerSource []byte

// Summary says what the worker keeps.
type Summary struct {
	Version string // the build's content hash, in the worker's cache name
	Files   int
	Bytes   int64 // as stored, uncompressed
	Keep    []string
}

func (s Summary) String() string {
	return fmt.Sprintf("offline: %d files, %d bytes, version %s", s.Files, s.Bytes, s.Version)
}

// OfflinePage is the kind whose page a reader offline gets for a page
// that is not kept.
const OfflinePage = "offline"

// Write writes the manifests and the worker into the built site in dir.
func Write(dir string) (Summary, error) {
	for _, l := range plan.Langs {
		b, err := manifest(l)
		if err != nil {
			return Summary{}, err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(l.Prefix()), Manifest), b, 0o644); err != nil {
			return Summary{}, err
		}
	}
	keep, err := Keep(dir)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Files: len(keep), Keep: keep}
	h := sha256.New()
	h.Write(workerSource)
	for _, p := range keep {
		b, err := os.ReadFile(file(dir, p))
		if err != nil {
			return Summary{}, err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
		sum.Bytes += int64(len(b))
	}
	sum.Version = hex.EncodeToString(h.Sum(nil))[:16]
	js, err := worker(sum.Version, keep)
	if err != nil {
		return Summary{}, err
	}
	return sum, os.WriteFile(file(dir, Worker), js, 0o644)
}

// worker is worker.js with what it needs from the build before it.
func worker(version string, keep []string) ([]byte, error) {
	offline := map[string]string{}
	for _, k := range pages.Kinds {
		if k.Name == OfflinePage {
			for _, l := range plan.Langs {
				offline[string(l)] = k.In(l)
			}
		}
	}
	if len(offline) != len(plan.Langs) {
		return nil, fmt.Errorf("offline: pages.Kinds has no kind %q", OfflinePage)
	}
	var b bytes.Buffer
	for _, v := range []struct {
		name string
		val  any
	}{{"VERSION", version}, {"KEEP", keep}, {"OFFLINE", offline}} {
		j, err := json.Marshal(v.val)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "const %s = %s;\n", v.name, j)
	}
	b.Write(workerSource)
	return b.Bytes(), nil
}

// manifest is a language's web app manifest: the app opens on that
// language's home page.
func manifest(l plan.Lang) ([]byte, error) {
	root := l.Prefix() + "/"
	m := map[string]any{
		"id":               root,
		"name":             uitext.In(l, "siteName"),
		"short_name":       uitext.In(l, "go_app_shortName"),
		"description":      uitext.In(l, "siteDescription"),
		"lang":             l.Locale(),
		"dir":              "ltr",
		"start_url":        root,
		"scope":            root,
		"display":          "standalone",
		"theme_color":      themeColour,
		"background_color": backgroundColour,
		"icons": []map[string]string{
			{"src": "/favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
		},
	}
	return json.MarshalIndent(m, "", "  ")
}

// Keep lists the site paths the worker keeps, sorted: each language's
// pages of the kinds marked Offline (for a kind of many pages, such as
// the industry pages, every page of its folder), its manifest, the search
// index, and every file those pages load.
func Keep(dir string) ([]string, error) {
	set := map[string]bool{}
	var pagesKept []string
	for _, l := range plan.Langs {
		set[l.Prefix()+"/"+Manifest] = true
		for _, k := range pages.Kinds {
			if !k.Offline {
				continue
			}
			p := k.In(l)
			ps := []string{p}
			if parent := path.Dir(strings.TrimSuffix(p, "/")); strings.Count(k.Path, "/") > 2 {
				found, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(parent), "*", "index.html"))
				if err != nil {
					return nil, err
				}
				if len(found) == 0 {
					return nil, fmt.Errorf("offline: no pages under %s/ for kind %q", parent, k.Name)
				}
				ps = nil
				for _, f := range found {
					rel, _ := filepath.Rel(dir, filepath.Dir(f))
					ps = append(ps, "/"+filepath.ToSlash(rel)+"/")
				}
			}
			for _, p := range ps {
				if _, err := os.Stat(file(dir, p)); err != nil {
					return nil, fmt.Errorf("offline: kind %q: %w", k.Name, err)
				}
				if !set[p] {
					set[p] = true
					pagesKept = append(pagesKept, p)
				}
			}
		}
	}
	for _, p := range pagesKept {
		loads, err := loadsOf(dir, p)
		if err != nil {
			return nil, err
		}
		for _, r := range loads {
			set[r] = true
		}
	}
	search := filepath.Join(dir, filepath.FromSlash(SearchDir))
	err := filepath.WalkDir(search, func(f string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, f)
		set["/"+filepath.ToSlash(rel)] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("offline: the search index: %w", err)
	}
	out := make([]string, 0, len(set))
	for p := range set {
		if _, err := os.Stat(file(dir, p)); err != nil {
			return nil, fmt.Errorf("offline: %s is to be kept: %w", p, err)
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

// loadsOf lists the site's own files the page at p loads at once:
// stylesheets, icons, scripts and images (not the chart bundle a reader's
// touch loads, which the drawn SVG makes unneeded offline).
func loadsOf(dir, p string) ([]string, error) {
	b, err := os.ReadFile(file(dir, p))
	if err != nil {
		return nil, err
	}
	base, _ := url.Parse(p)
	var out []string
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		t := z.Token()
		a := map[string]string{}
		for _, at := range t.Attr {
			a[at.Key] = at.Val
		}
		ref := ""
		switch t.Data {
		case "link":
			for _, rel := range strings.Fields(a["rel"]) {
				if rel == "stylesheet" || rel == "icon" || rel == "manifest" {
					ref = a["href"]
				}
			}
		case "script", "img":
			ref = a["src"]
		}
		if ref == "" || strings.HasPrefix(ref, "data:") {
			continue
		}
		u, err := base.Parse(ref)
		if err != nil {
			return nil, fmt.Errorf("offline: %s loads %q: %w", p, ref, err)
		}
		if u.Host != "" { // the site has no third-party file; the checks say so
			continue
		}
		out = append(out, u.Path)
	}
	return out, nil
}

// file is the file in dir served for the site path p.
func file(dir, p string) string {
	f := filepath.Join(dir, filepath.FromSlash(p))
	if strings.HasSuffix(p, "/") {
		f = filepath.Join(f, "index.html")
	}
	return f
}
