package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bundleRoot is a minimal project for writeBundle: the theme's scripts,
// package-lock.json and the installed npm packages.
func bundleRoot(t *testing.T) string {
	t.Helper()
	real, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	js := filepath.Join(root, "themes", "plansite", "assets", "js")
	if err := copyTree(filepath.Join(real, "themes", "plansite", "assets", "js"), js); err != nil {
		t.Fatal(err)
	}
	lock, err := os.ReadFile(filepath.Join(real, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "package-lock.json"), lock, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(real, "node_modules"), filepath.Join(root, "node_modules")); err != nil {
		t.Fatal(err)
	}
	return root
}

// TestBundleCache: the chart bundle is made once, comes from the cache
// while its inputs stay the same, and is made again when a script or the
// npm packages change.
func TestBundleCache(t *testing.T) {
	root := bundleRoot(t)
	out := filepath.Join(root, GeneratedDir, "assets", filepath.FromSlash(BundleAsset))
	build := func(wantMade bool) []byte {
		t.Helper()
		made, err := writeBundle(root)
		if err != nil {
			t.Fatal(err)
		}
		if made != wantMade {
			t.Fatalf("bundled: %v, want %v", made, wantMade)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := build(true)
	// ECharts is in it, minified, as an ES module.
	if len(first) < 100_000 || !bytes.Contains(first, []byte("export{")) {
		t.Fatalf("the bundle (%d bytes) is not ECharts as an ES module", len(first))
	}
	if again := build(false); !bytes.Equal(again, first) {
		t.Fatal("the cached bundle differs from the one made")
	}

	src := filepath.Join(root, bundleSource)
	orig, _ := os.ReadFile(src)
	if err := os.WriteFile(src, append(orig, []byte("\nexport const bundleTest = 'changed';\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if changed := build(true); !bytes.Contains(changed, []byte("changed")) {
		t.Fatal("the bundle made after the edit does not have it")
	}
	lock := filepath.Join(root, "package-lock.json")
	b, _ := os.ReadFile(lock)
	os.WriteFile(lock, append(b, ' '), 0o644)
	build(true)
	build(false)
	// Only the entry in use is kept.
	entries, _ := os.ReadDir(filepath.Join(root, GeneratedDir, bundleCacheDir))
	if len(entries) != 1 {
		t.Fatalf("%d cache entries, want 1", len(entries))
	}
}

// TestBundleError: a script that does not bundle fails the build, naming
// what esbuild could not resolve.
func TestBundleError(t *testing.T) {
	root := bundleRoot(t)
	src := filepath.Join(root, bundleSource)
	if err := os.WriteFile(src, []byte("import { x } from 'no-such-package';\nexport { x };\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := writeBundle(root)
	if err == nil || !strings.Contains(err.Error(), "no-such-package") {
		t.Fatalf("err = %v, want one naming no-such-package", err)
	}
}
