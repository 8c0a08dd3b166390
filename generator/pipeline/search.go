package pipeline

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hunan-industry/plan-site/generator/offline"
)

// searchDir is where Pagefind writes the search index in the output.
const searchDir = "pagefind"

// reuseIndex links (or copies) the search index of the output out (the
// previous build) into staging; false when there is none. The index then
// lags the edit until IndexSearch runs, which replaces the folder whole and
// never writes into the linked files.
func reuseIndex(out, staging string) bool {
	src := filepath.Join(out, searchDir)
	if info, err := os.Stat(src); err != nil || !info.IsDir() {
		return false
	}
	dst := filepath.Join(staging, searchDir)
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if os.Link(p, to) == nil {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		os.RemoveAll(dst)
		return false
	}
	return true
}

// IndexSearch rebuilds the search index of the built site in dir, in
// place (from the cache when the pages are those it was made from): serve
// runs it after a quick rebuild (Options.SearchLater).
func IndexSearch(root, dir string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return err
	}
	if _, err = indexCached(root, dir); err != nil {
		return err
	}
	// The build's worker keeps the index: its list and hash follow the new one.
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(offline.Worker))); err != nil {
		return nil
	}
	_, err = offline.Write(dir)
	return err
}

// searchCacheDir is the render cache of the search index, keyed by every
// HTML file of the site, Pagefind's version and any configuration file of
// it. A build whose pages did not change (a second build, a build after a
// data edit that changes no page) copies the index instead of running
// Pagefind. Only the latest index is kept.
const searchCacheDir = "search-cache"

// indexCached puts the search index of the site in dir under
// dir/pagefind: from the cache when the site's HTML is what it was
// indexed from, else with Pagefind, keeping that one in the cache.
func indexCached(root, dir string) (reused bool, err error) {
	digest, err := htmlDigest(dir)
	if err != nil {
		return false, err
	}
	return indexByDigest(root, dir, digest)
}

// indexByDigest is indexCached for a site whose HTML digest (htmlDigest)
// the caller has already taken.
func indexByDigest(root, dir string, digest []byte) (reused bool, err error) {
	versions, _ := filepath.Glob(filepath.Join(root, "node_modules", "@pagefind", "*", "package.json"))
	inputs := []string{filepath.Join("node_modules", "pagefind", "package.json"), "pagefind.yml", "pagefind.yaml", "pagefind.toml", "pagefind.json"}
	for _, f := range versions {
		rel, _ := filepath.Rel(root, f)
		inputs = append(inputs, rel)
	}
	// Optional all: a test site without the packages still caches.
	cache, err := openCache(root, searchCacheDir, nil, inputs)
	if err != nil {
		return false, err
	}
	key := cache.key("", digest)
	target := filepath.Join(dir, searchDir)
	part := target + ".part"
	os.RemoveAll(part)
	hit, err := cache.getDir(key, part)
	if err != nil {
		return false, err
	}
	if hit {
		if err := replaceDir(part, target); err != nil {
			return false, err
		}
		return true, cache.prune()
	}
	if err := indexFresh(root, dir); err != nil {
		return false, err
	}
	if err := cache.putDir(key, target); err != nil {
		return false, err
	}
	return false, cache.prune()
}

// indexFresh runs Pagefind (index) over the site in dir. Pagefind writing
// over an older index leaves the old files beside the new ones, so when
// dir has one (serve's output), it indexes a shadow of dir — its HTML
// files, linked — and swaps the new index in whole.
func indexFresh(root, dir string) error {
	target := filepath.Join(dir, searchDir)
	if _, err := os.Stat(target); os.IsNotExist(err) {
		return index(root, dir)
	}
	// Beside dir, like the build's staging folder: on its disk, so that
	// the files link and the index moves in with a rename.
	shadow, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+"-search-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(shadow)
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == target {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		to := filepath.Join(shadow, rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if os.Link(p, to) == nil {
			return nil
		}
		b, err := os.ReadFile(p) // another disk: copy
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		return err
	}
	if err := index(root, shadow); err != nil {
		return err
	}
	return replaceDir(filepath.Join(shadow, searchDir), target)
}

// replaceDir puts the folder src in dst's place.
func replaceDir(src, dst string) error {
	old := dst + ".old"
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if err := os.Rename(dst, old); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.Rename(src, dst); err != nil {
		if rerr := os.Rename(old, dst); rerr != nil && !os.IsNotExist(rerr) {
			return fmt.Errorf("%w; putting the previous index back failed too, it is in %s: %v", err, old, rerr)
		}
		return err
	}
	return os.RemoveAll(old)
}

// htmlDigest is the hash of the HTML files of the site in dir, by path,
// the search index aside: what both the search index and the verbatim
// check are made from.
func htmlDigest(dir string) ([]byte, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == filepath.Join(dir, searchDir) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		for _, part := range [][]byte{[]byte(filepath.ToSlash(rel)), b} {
			fmt.Fprintf(h, "%d\x00", len(part))
			h.Write(part)
		}
		return nil
	})
	return h.Sum(nil), err
}

// index builds the search index of the site in dir: one index per
// <html lang>, with Chinese word segmentation, under dir/pagefind/.
func index(root, dir string) error {
	if err := runTool(root, filepath.Join("node_modules", ".bin", "pagefind"), "--site", dir, "--silent"); err != nil {
		return err
	}
	// The site has its own search page over Pagefind's API; Pagefind's
	// ready-made interfaces would only be dead weight on the CDN.
	unused, _ := filepath.Glob(filepath.Join(dir, "pagefind", "pagefind-*ui.*"))
	unused = append(unused, filepath.Join(dir, "pagefind", "pagefind-highlight.js"))
	for _, f := range unused {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
