package webtest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hunan-industry/plan-site/generator/browser"
	"github.com/hunan-industry/plan-site/generator/internal/projectcopy"
	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/pipeline"
	"github.com/hunan-industry/plan-site/generator/preview"
)

// repo is the checkout, seen from this package's folder.
var repo = filepath.Join("..", "..")

// siteURL is the base URL the test builds use; links inside the site are
// relative to the root, so the preview server serves them on any port.
const siteURL = sitefixture.URL

// cleanups run after every test of the package: the real site is built,
// served and browsed once for all of them.
var (
	cleanupMu sync.Mutex
	cleanups  []func()
)

func atExit(f func()) {
	cleanupMu.Lock()
	defer cleanupMu.Unlock()
	cleanups = append(cleanups, f)
}

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	os.Exit(code)
}

// inCI tells whether a missing tool fails the test instead of skipping it.
func inCI() bool { return os.Getenv("CI") == "true" }

// need skips the test when a tool is missing on a developer's machine,
// and fails it under CI=true, where the gate must run whole.
func need(t testing.TB, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if inCI() {
		t.Fatalf("%s: %v (CI=true: the quality gate must run, so a missing tool is a failure)", what, err)
	}
	t.Skipf("%s: %v (skipped; under CI=true this fails)", what, err)
}

// projectCopy copies what a build reads into a temporary project, so that
// tests never write into the checkout (generated/, public/). The tests
// that ask for one build in it, so they skip under -short.
func projectCopy(t testing.TB) string {
	t.Helper()
	sitefixture.SkipShort(t)
	dst, err := os.MkdirTemp("", "plan-webtest-")
	if err != nil {
		t.Fatal(err)
	}
	atExit(func() { os.RemoveAll(dst) })
	if err := projectcopy.Copy(repo, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// once runs a setup step for every test that needs it, remembering its
// result (and error) for the others.
type once[T any] struct {
	do  sync.Once
	val T
	err error
}

func (o *once[T]) get(t testing.TB, f func() (T, error)) T {
	t.Helper()
	o.do.Do(func() {
		// Left in place if f stops its test (t.Fatal, t.Skip) before it
		// returns, so that the tests after it do not read a zero value.
		o.err = errors.New("the shared setup stopped before it finished: see the first test that ran it")
		o.val, o.err = f()
	})
	if o.err != nil {
		t.Fatal(o.err)
	}
	return o.val
}

// realProject is the project copy the real site was built from, once for
// all the tests of the run (sitefixture); nothing writes into it.
func realProject(t testing.TB) string {
	t.Helper()
	root, _ := sitefixture.Built(t, func(root, out, url string) error {
		_, err := pipeline.Run(pipeline.Options{Root: root, Out: out, BaseURL: url})
		return err
	})
	return root
}

// siteDir is the built real site.
func siteDir(t testing.TB) string {
	t.Helper()
	return filepath.Join(realProject(t), "public")
}

// npmFile is a file of an npm package as the build installed it: the
// checkout's node_modules, or, on a fresh clone, the project copy's own
// (the build runs npm ci when the packages are missing).
func npmFile(t testing.TB, elem ...string) string {
	t.Helper()
	return filepath.Join(append([]string{realProject(t), "node_modules"}, elem...)...)
}

func loadNetlify(t testing.TB) *netlify.Config {
	t.Helper()
	cfg, err := netlify.Load(filepath.Join(repo, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// serve serves dir on the loopback with netlify.toml's headers and 404
// pages until the package's tests end.
func serve(t testing.TB, dir string, cfg *netlify.Config) string {
	t.Helper()
	srv, err := preview.Start(dir, "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	atExit(func() { srv.Close() })
	return srv.URL
}

var realServer once[string]

// siteServer is the URL of the real site, served as the CDN serves it.
func siteServer(t testing.TB) string {
	t.Helper()
	dir := siteDir(t)
	return realServer.get(t, func() (string, error) { return serve(t, dir, loadNetlify(t)), nil })
}

var (
	chromeOnce sync.Once
	chromeCtx  context.Context
	chromeErr  error
)

// chrome is the headless Chromium shared by the package's tests (see
// browser.Start: every request off the loopback goes to a dead proxy). It
// skips the test when none is installed, and fails it under CI=true; it
// skips it under -short too: the browser gate is the full suite's.
func chrome(t testing.TB) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("the browser gate: skipped under -short (go test ./... runs it)")
	}
	_, err := browser.Path()
	if errors.Is(err, browser.ErrNoChromium) {
		need(t, "Chromium", err)
	}
	chromeOnce.Do(func() {
		var cancel context.CancelFunc
		chromeCtx, cancel, chromeErr = browser.Start(context.Background())
		if chromeErr == nil {
			atExit(cancel)
		}
	})
	if chromeErr != nil {
		t.Fatalf("starting Chromium: %v", chromeErr)
	}
	return chromeCtx
}
