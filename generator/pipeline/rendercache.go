package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"slices"
)

// renderCache keeps what a slow step made (chart SVGs, social images, the
// search index) under generated/<name>/, each entry named by the hash of
// everything that made it: the step's own inputs (its script, the package
// versions, fonts, geometry) and the entry's input. A build in which an
// input did not change makes nothing again; the entries a build did not
// use are dropped when it ends (prune). Delete generated/ to start afresh.
type renderCache struct {
	dir  string
	base []byte // the hash of the step's own inputs
	used map[string]bool
}

// renderCaches are the names of every render cache. Netlify keeps them
// between builds only if netlify.toml's build-cache plugin names them
// (TestNetlifyKeepsCaches), so openCache refuses any other.
var renderCaches = []string{svgCacheDir, socialCacheDir, searchCacheDir, bundleCacheDir, verbatimCacheDir}

// ShareCaches starts project to's render caches as links to project
// from's: a second checkout, or a test's copy of the project, then draws
// only what differs. Entries are replaced, never rewritten (put, prune),
// so neither project can change the other's.
func ShareCaches(from, to string) error {
	for _, c := range renderCaches {
		if err := linkTree(filepath.Join(from, GeneratedDir, c), filepath.Join(to, GeneratedDir, c)); err != nil {
			return err
		}
	}
	return nil
}

// openCache opens the cache generated/<name> of a step whose output
// depends on the files inputs (relative to root) besides each entry's own
// input; optional inputs may be missing.
func openCache(root, name string, inputs, optional []string) (*renderCache, error) {
	if !slices.Contains(renderCaches, name) {
		return nil, fmt.Errorf("render cache %s: add it to renderCaches and to the build-cache paths in netlify.toml", name)
	}
	h := sha256.New()
	if err := hashFiles(h, root, inputs, false); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := hashFiles(h, root, optional, true); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dir := filepath.Join(root, GeneratedDir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &renderCache{dir: dir, base: h.Sum(nil), used: map[string]bool{}}, nil
}

// hashFiles writes each file's name, length and bytes into h, so that no
// two sets of files hash alike; missing files are an error unless optional.
func hashFiles(h hash.Hash, root string, files []string, optional bool) error {
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(root, f))
		if optional && os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(f), len(b))
		h.Write(b)
	}
	return nil
}

// key names the entry made from these parts of input (and the step's own
// inputs), with the file extension ext.
func (c *renderCache) key(ext string, parts ...[]byte) string {
	h := sha256.New()
	h.Write(c.base)
	for _, p := range parts {
		fmt.Fprintf(h, "%d\x00", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil)) + ext
}

// get returns the file entry key, if the cache has it, and keeps it.
func (c *renderCache) get(key string) ([]byte, bool) {
	c.used[key] = true
	b, err := os.ReadFile(filepath.Join(c.dir, key))
	return b, err == nil
}

// link makes dst (which must not exist) the file entry key, if the cache
// has it: a hard link (creating a file costs far more than linking one),
// else a copy. Entries are replaced, never rewritten (put, prune), so
// what links to them keeps its bytes.
func (c *renderCache) link(key, dst string) bool {
	c.used[key] = true
	src := filepath.Join(c.dir, key)
	if os.Link(src, dst) == nil {
		return true
	}
	b, err := os.ReadFile(src)
	return err == nil && os.WriteFile(dst, b, 0o644) == nil
}

// put stores a file entry, whole or not at all.
func (c *renderCache) put(key string, b []byte) error {
	c.used[key] = true
	return replaceFile(filepath.Join(c.dir, key), b)
}

// getDir copies the folder entry key to dst (which must not exist) and
// says whether the cache had it.
func (c *renderCache) getDir(key, dst string) (bool, error) {
	c.used[key] = true
	src := filepath.Join(c.dir, key)
	if info, err := os.Stat(src); err != nil || !info.IsDir() {
		return false, nil
	}
	return true, linkTree(src, dst)
}

// putDir stores a copy of the folder src as the entry key, whole or not
// at all.
func (c *renderCache) putDir(key, src string) error {
	c.used[key] = true
	part := filepath.Join(c.dir, key+".part")
	os.RemoveAll(part)
	if err := copyTree(src, part); err != nil {
		return err
	}
	return os.Rename(part, filepath.Join(c.dir, key))
}

// prune drops every entry this build did not use, and anything a cut-short
// put left behind.
func (c *renderCache) prune() error {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !c.used[e.Name()] {
			if err := os.RemoveAll(filepath.Join(c.dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
