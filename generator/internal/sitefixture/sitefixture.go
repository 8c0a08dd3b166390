// Package sitefixture is the real site, built once for all the tests of a
// `go test ./...` run: the packages that read a built site (pipeline,
// sizereport, webtest) run as separate processes, so the site is built by
// the first that asks, under a file lock, into a folder named by the hash
// of everything the build reads — the project's inputs and the
// generator's Go code — and read by the others. Nothing may write into it;
// a test that changes the project makes its own copy (projectcopy).
package sitefixture

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hunan-industry/plan-site/generator/internal/projectcopy"
)

// URL is the base URL the fixture is built with.
const URL = "https://plan.test/"

// staleAfter is how long a fixture no test has asked for is kept: longer
// than any test run (the README's command allows 60 minutes).
const staleAfter = 2 * time.Hour

// prefix names the fixture folders in the temporary directory.
const prefix = "plan-site-fixture-"

// Build builds the project in root into out with the base URL url: the
// pipeline's Run, passed in by the caller so that the pipeline's own tests
// can use the fixture too.
type Build func(root, out, url string) error

// SkipShort skips a test that builds a whole site, the fixture or a
// project copy of its own, under -short: `go test -short ./...` is the
// inner loop of unit, data and template tests; `go test ./...` runs the
// builds.
func SkipShort(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds the whole site: skipped under -short (go test ./... runs it)")
	}
}

// Built returns the project copy the fixture was built from and its
// output folder (root/public), building them with build if no test has
// yet. Under -short it skips the test (SkipShort).
func Built(tb testing.TB, build Build) (root, out string) {
	tb.Helper()
	SkipShort(tb)
	root, err := built(build)
	if err != nil {
		tb.Fatal(err)
	}
	return root, filepath.Join(root, "public")
}

func built(build Build) (string, error) {
	repo, err := repoRoot()
	if err != nil {
		return "", err
	}
	key, err := inputsKey(repo)
	if err != nil {
		return "", err
	}
	root := filepath.Join(os.TempDir(), prefix+key[:16])
	// One lock per fixture: checkouts testing other versions of the code
	// or data on the same machine build theirs at the same time.
	unlock, err := lockFixture(root, true)
	if err != nil {
		return "", err
	}
	defer unlock()

	done := filepath.Join(root, ".built")
	if _, err := os.Stat(done); err == nil {
		now := time.Now()
		return root, os.Chtimes(done, now, now) // in use: see below
	}
	// Fixtures of other versions of the code or data may still be read by
	// a test run of another checkout: only those unused for a while go,
	// and only when no run holds their lock.
	old, _ := filepath.Glob(filepath.Join(os.TempDir(), prefix+"*", ".built"))
	for _, f := range old {
		dir := filepath.Dir(f)
		if info, err := os.Stat(f); err != nil || dir == root || time.Since(info.ModTime()) <= staleAfter {
			continue
		}
		if unlockOld, err := lockFixture(dir, false); err == nil {
			os.RemoveAll(dir)
			unlockOld()
		}
	}
	os.RemoveAll(root) // what a run cut short may have left
	if err := projectcopy.Copy(repo, root); err != nil {
		return "", err
	}
	if err := build(root, filepath.Join(root, "public"), URL); err != nil {
		os.RemoveAll(root)
		return "", fmt.Errorf("building the site fixture: %w", err)
	}
	return root, os.WriteFile(done, nil, 0o644)
}

// lockFixture takes the lock of the fixture folder root (a file beside
// it), waiting for it when wait is set, else failing at once if it is held.
func lockFixture(root string, wait bool) (unlock func(), err error) {
	f, err := os.OpenFile(root+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	if err := syscall.Flock(int(f.Fd()), how); err != nil {
		f.Close()
		return nil, err
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

// repoRoot is the checkout: two folders above this file.
func repoRoot() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("sitefixture: cannot locate the checkout")
	}
	return filepath.Abs(filepath.Join(filepath.Dir(file), "..", "..", ".."))
}

// inputsKey hashes what the build reads: the project's inputs and the Go
// code of the generator with what it embeds (tests aside: they do not
// change the site).
func inputsKey(repo string) (string, error) {
	h := sha256.New()
	walk := func(dir string, keep func(string) bool) error {
		return filepath.WalkDir(filepath.Join(repo, dir), func(p string, d fs.DirEntry, err error) error {
			if os.IsNotExist(err) && p == filepath.Join(repo, dir) {
				return nil
			}
			if err != nil || d.IsDir() || !keep(p) {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
			h.Write(b)
			return nil
		})
	}
	for _, in := range projectcopy.Inputs {
		if err := walk(in, func(string) bool { return true }); err != nil {
			return "", err
		}
	}
	// The Go code and the scripts it embeds (the service worker).
	goCode := func(p string) bool {
		return (strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".js")) && !strings.HasSuffix(p, "_test.go") && !strings.Contains(p, "testdata")
	}
	for _, in := range []string{"generator", "go.mod", "go.sum"} {
		if err := walk(in, func(p string) bool { return goCode(p) || strings.HasSuffix(p, ".mod") || strings.HasSuffix(p, ".sum") }); err != nil {
			return "", err
		}
	}
	if b, err := os.ReadFile(filepath.Join(repo, "node_modules", ".package-lock.json")); err == nil {
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// TreeHash hashes every file's path and bytes under dir: two folders hash
// alike only when they hold the same files with the same bytes.
func TreeHash(tb testing.TB, dir string) string {
	tb.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Fatalf("%s holds no file", dir)
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}
