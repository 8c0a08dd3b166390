// Package pipeline runs the whole build: data → pages and exports → Hugo →
// the output folder, which it replaces only when everything succeeded.
package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/headers"
	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/offline"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/site"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
)

// Options say what to build and where.
type Options struct {
	Root     string    // the project: data/, content/, themes/, hugo.toml
	Out      string    // the output folder, replaced whole on success
	BaseURL  string    // absolute, ending in /
	Progress io.Writer // progress lines; nil for none
	// SearchLater copies the search index of the current output instead
	// of indexing: serve's quick rebuild, which shows an edit sooner and
	// then calls IndexSearch on the output.
	SearchLater bool
	// Updated is the edition's "last updated" date (YYYY-MM-DD); empty
	// takes it from the project (see lastUpdated).
	Updated string
}

// Summary counts what a build made.
type Summary struct {
	PagesByLanguage map[string]int
	Charts          int
	ChartsDrawn     int  // by Node in this build; the others came from the SVG cache
	Reused          bool // the generator's stage was the last build's (see generate)
	Exports         int
	Files           int
	Duration        time.Duration
}

func (s Summary) String() string {
	made := fmt.Sprintf("%d charts (%d drawn), %d data exports", s.Charts, s.ChartsDrawn, s.Exports)
	if s.Reused {
		made = fmt.Sprintf("%d charts, %d data exports (data/ unchanged: the last build's pages, charts and pictures)", s.Charts, s.Exports)
	}
	return fmt.Sprintf("built %d pages in Chinese, %d in English, %s, %d files in %s",
		s.PagesByLanguage["zh"], s.PagesByLanguage["en"], made, s.Files, s.Duration.Round(time.Millisecond))
}

// GeneratedDir is where the generator writes what Hugo reads; hugo.toml
// mounts it, and git ignores it.
const GeneratedDir = "generated"

// Run builds the site. On any error the previous output is left as it was.
func Run(opts Options) (Summary, error) {
	start := time.Now()
	progress := func(format string, args ...any) {
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, format+"\n", args...)
		}
	}
	sum := Summary{}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return sum, err
	}
	opts.Root = root

	updated := opts.Updated
	if updated == "" {
		updated = lastUpdated(root)
	}
	gen := filepath.Join(root, GeneratedDir)
	g, err := generate(root, opts.BaseURL, updated, progress)
	if err != nil {
		return sum, err
	}
	sum.Charts, sum.ChartsDrawn, sum.Reused = g.Charts, g.drawn, g.reused
	if _, err := writeBundle(root); err != nil {
		return sum, err
	}

	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return sum, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return sum, err
	}
	// Build beside the output so that the final rename stays on one disk.
	staging, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+"-new-")
	if err != nil {
		return sum, err
	}
	defer os.RemoveAll(staging) // a no-op once renamed into place

	progress("rendering with Hugo")
	res, err := site.Build(site.Options{
		Root: opts.Root, PublishDir: staging, BaseURL: opts.BaseURL,
		CacheDir: filepath.Join(gen, "cache"), Log: opts.Progress,
		LinkFrom: filepath.Join(gen, "assets"),
		Settings: g.hugoSettings(),
	})
	if err != nil {
		return sum, err
	}
	sum.PagesByLanguage = res.PagesByLanguage

	// Hugo as a library renders pages only; static files are ours to copy.
	for _, dir := range []string{filepath.Join(opts.Root, "themes", "plansite", "static"), filepath.Join(opts.Root, "static")} {
		if err := copyTree(dir, staging); err != nil {
			return sum, err
		}
	}
	if err := linkTree(filepath.Join(gen, exportsDir), filepath.Join(staging, "data")); err != nil {
		return sum, err
	}
	sum.Exports = g.Exports

	// The HTML is final here (the index goes beside it): one digest keys
	// both the search index and the verbatim check's verdict.
	digest, err := htmlDigest(staging)
	if err != nil {
		return sum, err
	}
	if opts.SearchLater && reuseIndex(out, staging) {
		progress("search index: the previous build's, until IndexSearch")
	} else {
		progress("indexing for search (Pagefind, unless the pages are those of the cached index)")
		if _, err := indexByDigest(root, staging, digest); err != nil {
			return sum, err
		}
	}

	progress("checking the plan's words on every page against the source")
	if err := checkVerbatim(root, g, staging, digest); err != nil {
		return sum, err
	}
	// Last but the headers: the worker keeps files by their final bytes.
	kept, err := offline.Write(staging)
	if err != nil {
		return sum, err
	}
	progress("%s", kept)
	if err := writeHeaders(staging); err != nil {
		return sum, err
	}
	if sum.Files, err = countFiles(staging); err != nil {
		return sum, err
	}
	if err := swap(staging, out); err != nil {
		return sum, err
	}
	sum.Duration = time.Since(start)
	return sum, nil
}

// checkVerbatim holds every element the pages mark as the plan's words
// to the plan's units, which plan.Load has proved to be the source's
// (sitecheck.Verbatim): a changed character, a dropped mark or an
// unmarked copy fails the build, naming the page and the element. A site
// whose HTML, plan's words and program are those of a site that passed
// passes again without being read.
func checkVerbatim(root string, g generation, site string, digest []byte) error {
	cache, err := openCache(root, verbatimCacheDir, nil, nil)
	if err != nil {
		return err
	}
	prog, err := selfID()
	if err != nil {
		return err
	}
	key := cache.key(".passed", []byte(prog), []byte(g.Words), digest)
	if _, ok := cache.get(key); ok {
		return cache.prune()
	}
	if err := verbatim(root, site, g.units, g.passages); err != nil {
		return err
	}
	if err := cache.put(key, nil); err != nil {
		return err
	}
	return cache.prune()
}

// verbatimCacheDir keeps the verdicts of the verbatim check (empty files
// named by what passed), so that a build that renders the same site
// checks nothing again.
const verbatimCacheDir = "verbatim-cache"

func verbatim(root, site string, units map[string]string, passages []string) error {
	if units == nil { // a reused stage: the plan is the last build's, and loads as it did
		p, err := plan.Load(filepath.Join(root, "data"))
		if err != nil {
			return err
		}
		units, passages = p.Units(), p.Passages()
	}
	found, _, err := sitecheck.CheckVerbatim(site, units, passages)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		return nil
	}
	const shown = 20
	var b strings.Builder
	fmt.Fprintf(&b, "the pages do not show the plan's words as the source has them (%d findings; data/source/ is the reference):", len(found))
	for i, f := range found {
		if i == shown {
			fmt.Fprintf(&b, "\n  … and %d more", len(found)-shown)
			break
		}
		b.WriteString("\n  " + f.String())
	}
	return errors.New(b.String())
}

// swap puts staging in out's place, keeping out until the new one is there.
func swap(staging, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = staging + "-old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(staging, out); err != nil {
		if old != "" {
			if rerr := os.Rename(old, out); rerr != nil {
				return fmt.Errorf("%w; putting the previous site back failed too, it is in %s: %v", err, old, rerr)
			}
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// copyTree copies the files under src into dst; a missing src is empty.
func copyTree(src, dst string) error { return mirrorTree(src, dst, false) }

// linkTree is copyTree with hard links where the disk allows.
func linkTree(src, dst string) error { return mirrorTree(src, dst, true) }

// writeTree makes dir hold exactly files (paths relative to it). A file
// whose bytes are already there is left alone (most are, from one build
// to the next, and creating a file costs several times reading one); the
// others are replaced (replaceFile); files not named are removed.
func writeTree(files map[string][]byte, dir string) error {
	for p, b := range files {
		full := filepath.Join(dir, p)
		if old, err := os.ReadFile(full); err == nil && bytes.Equal(old, b) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := replaceFile(full, b); err != nil {
			return err
		}
	}
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		if _, ok := files[rel]; !ok {
			return os.Remove(path)
		}
		return nil
	})
}

// replaceFile writes path whole or not at all, beside it then renamed
// into place: a new file, never the old one rewritten, so that what links
// to the old one (an earlier public/, site.Options.LinkFrom) keeps its
// bytes.
func replaceFile(path string, b []byte) error {
	if err := os.WriteFile(path+".part", b, 0o644); err != nil {
		return err
	}
	return os.Rename(path+".part", path)
}

func mirrorTree(src, dst string, link bool) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if os.IsNotExist(err) && path == src {
			return filepath.SkipDir
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if link && os.Link(path, target) == nil {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// writeHeaders writes the header policy (generator/headers) for the files
// of the site in dir as Netlify's _headers file, last, when every file is
// there.
func writeHeaders(dir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, "/"+filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, netlify.HeadersFile), netlify.FormatHeaders(headers.Rules(files)), 0o644)
}

func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	return n, err
}

// writeCharts writes each chart's option (JSON) where the site's
// templates find them (its data, a CSV, is an export), then draws the charts to SVG in one batch —
// only those not in the SVG cache (see drawCharts) — and says how many it drew.
func writeCharts(cs []*charts.Chart, assets, root string) (drawn int, err error) {
	dir := filepath.Join(assets, assetpath.ChartFilesDir)
	files := map[string][]byte{}
	for _, c := range cs {
		rel, err := filepath.Rel(dir, filepath.Join(assets, assetpath.ChartFiles(c.Lang, c.ID)))
		if err != nil {
			return 0, err
		}
		if files[rel+".json"], err = c.JSON(); err != nil {
			return 0, err
		}
		// The phone layout, drawn beside the wide one (<id>.narrow.svg).
		n, err := c.NarrowJSON()
		if err != nil {
			return 0, err
		}
		if n != nil {
			files[rel+".narrow.json"] = n
		}
	}
	// The SVGs, not named here, go too: drawCharts links them afresh.
	if err := writeTree(files, dir); err != nil {
		return 0, err
	}
	return drawCharts(root, dir)
}
