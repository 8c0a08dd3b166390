package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
	_, err = indexCached(root, dir)
	return err
}

// searchCacheDir (under generated/) keeps the search index of the last
// build under the hash of everything Pagefind read: every HTML file of the
// site, Pagefind's version and any configuration file of it. A build whose
// pages did not change (a second build, a build after a data edit that
// changes no page) copies the index instead of running Pagefind.
const searchCacheDir = "search-cache"

// indexCached puts the search index of the site in dir under
// dir/pagefind: from the cache when the site's HTML is what it was
// indexed from, else with Pagefind, keeping that one in the cache.
func indexCached(root, dir string) (reused bool, err error) {
	key, err := searchKey(root, dir)
	if err != nil {
		return false, err
	}
	cache := filepath.Join(root, GeneratedDir, searchCacheDir)
	hit := filepath.Join(cache, key)
	target := filepath.Join(dir, searchDir)
	if info, err := os.Stat(hit); err == nil && info.IsDir() {
		part := target + ".part"
		os.RemoveAll(part)
		if err := copyTree(hit, part); err != nil {
			return false, err
		}
		return true, replaceDir(part, target)
	}
	if err := indexFresh(root, dir); err != nil {
		return false, err
	}
	// Keep the latest index only; a copy cut short stays a .part, which
	// the next miss removes.
	if err := os.RemoveAll(cache); err != nil {
		return false, err
	}
	if err := copyTree(target, hit+".part"); err != nil {
		return false, err
	}
	return false, os.Rename(hit+".part", hit)
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
	os.RemoveAll(old)
	if err := os.Rename(dst, old); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.Rename(src, dst); err != nil {
		os.Rename(old, dst)
		return err
	}
	return os.RemoveAll(old)
}

// searchKey hashes what decides the search index of the site in dir.
func searchKey(root, dir string) (string, error) {
	h := sha256.New()
	inputs, _ := filepath.Glob(filepath.Join(root, "node_modules", "@pagefind", "*", "package.json"))
	inputs = append(inputs, filepath.Join(root, "node_modules", "pagefind", "package.json"))
	for _, name := range []string{"pagefind.yml", "pagefind.yaml", "pagefind.toml", "pagefind.json"} {
		inputs = append(inputs, filepath.Join(root, name))
	}
	for _, f := range inputs {
		b, err := os.ReadFile(f)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
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
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
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
