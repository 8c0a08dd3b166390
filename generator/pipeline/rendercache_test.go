package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRenderCache: an entry is found under the key of the same input and
// step, a change of either gives another key, and prune keeps only the
// entries this build used.
func TestRenderCache(t *testing.T) {
	root := t.TempDir()
	script := filepath.Join(root, "draw.mjs")
	os.WriteFile(script, []byte("draw()"), 0o644)
	open := func() *renderCache {
		t.Helper()
		c, err := openCache(root, svgCacheDir, []string{"draw.mjs"}, []string{"absent.toml"})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := open()
	k := c.key(".svg", []byte("a"), []byte("bc"))
	if k == c.key(".svg", []byte("ab"), []byte("c")) {
		t.Error("inputs split differently share a key")
	}
	if _, ok := c.get(k); ok {
		t.Fatal("an empty cache has an entry")
	}
	if err := c.put(k, []byte("<svg/>")); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "tree")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "f"), []byte("x"), 0o644)
	if err := c.putDir("index", dir); err != nil {
		t.Fatal(err)
	}

	c = open() // the next build
	if b, ok := c.get(k); !ok || string(b) != "<svg/>" {
		t.Errorf("get = %q, %v; want the entry put", b, ok)
	}
	if err := c.prune(); err != nil {
		t.Fatal(err)
	}
	if hit, _ := c.getDir("index", filepath.Join(root, "copy")); hit {
		t.Error("prune kept a folder entry the build did not use")
	}
	if _, err := os.Stat(filepath.Join(root, "copy")); err == nil {
		t.Error("a miss of getDir wrote its destination")
	}

	os.WriteFile(script, []byte("draw(differently)"), 0o644)
	if open().key(".svg", []byte("a"), []byte("bc")) == k {
		t.Error("a change of the step's own input keeps the key")
	}
	if _, err := openCache(root, svgCacheDir, []string{"missing.mjs"}, nil); err == nil {
		t.Error("a missing input of the step is not an error")
	}
}
