package pipeline

import (
	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
	"os"
	"path/filepath"
	"testing"
)

// TestSearchIndexCache: the index is reused only for the very pages it was
// made from, and a reused index is the one Pagefind made.
func TestSearchIndexCache(t *testing.T) {
	root := t.TempDir()
	abs, _ := filepath.Abs(filepath.Join("..", "..", "node_modules"))
	if err := os.Symlink(abs, filepath.Join(root, "node_modules")); err != nil {
		t.Fatal(err)
	}
	site := func(words string) string {
		dir := t.TempDir()
		for name, body := range map[string]string{
			"index.html":       `<!doctype html><html lang="en"><head><title>Home</title></head><body><main><h1>Home</h1><p>` + words + `</p></main></body></html>`,
			"about/index.html": `<!doctype html><html lang="en"><head><title>About</title></head><body><main><h1>About</h1><p>Hunan plan</p></main></body></html>`,
		} {
			os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	entries := func() int {
		e, _ := os.ReadDir(filepath.Join(root, GeneratedDir, searchCacheDir))
		return len(e)
	}

	first := site("construction machinery")
	if reused, err := indexCached(root, first); err != nil || reused {
		t.Fatalf("first index: reused %v, %v", reused, err)
	}
	if _, err := os.Stat(filepath.Join(first, searchDir, "pagefind-entry.json")); err != nil {
		t.Fatalf("no index written: %v", err)
	}
	same := site("construction machinery")
	if reused, err := indexCached(root, same); err != nil || !reused {
		t.Fatalf("the same pages: reused %v, %v; want the cached index", reused, err)
	}
	if sitefixture.TreeHash(t, filepath.Join(first, searchDir)) != sitefixture.TreeHash(t, filepath.Join(same, searchDir)) {
		t.Error("the reused index differs from the one Pagefind made")
	}
	other := site("rail transit")
	if reused, err := indexCached(root, other); err != nil || reused {
		t.Fatalf("changed pages: reused %v, %v; want a new index", reused, err)
	}
	if n := entries(); n != 1 {
		t.Errorf("the cache holds %d indexes, want the latest only", n)
	}
	// In place, over a stale index (serve's IndexSearch after a quick rebuild).
	copyTree(filepath.Join(other, searchDir), filepath.Join(first, searchDir))
	if err := IndexSearch(root, first); err != nil {
		t.Fatal(err)
	}
	if sitefixture.TreeHash(t, filepath.Join(first, searchDir)) != sitefixture.TreeHash(t, filepath.Join(same, searchDir)) {
		t.Error("IndexSearch left the stale index")
	}
}
