package epub_test

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/epub"
	"github.com/hunan-industry/plan-site/generator/internal/realplan"
	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
	"github.com/hunan-industry/plan-site/generator/pipeline"
)

// debianJar is where Debian's epubcheck package puts EPUBCheck; its
// /usr/bin/epubcheck is a link to the jar, which needs binfmt support
// to run, so the tests run it with java.
const debianJar = "/usr/share/java/epubcheck.jar"

// epubcheck returns a runner of EPUBCheck on a file: its report and
// whether it found nothing (no fatal error, error or warning). Without
// EPUBCheck the test skips, except under CI=true (.ci/run installs it).
func epubcheck(t *testing.T) func(file string) (report string, clean bool) {
	t.Helper()
	var cmd []string
	if _, err := os.Stat(debianJar); err == nil {
		if java, err := exec.LookPath("java"); err == nil {
			cmd = []string{java, "-jar", debianJar}
		}
	} else if bin, err := exec.LookPath("epubcheck"); err == nil {
		cmd = []string{bin}
	}
	if cmd == nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("EPUBCheck is not installed (Debian package epubcheck, and java); .ci/run installs it")
		}
		t.Skip("EPUBCheck is not installed (Debian package epubcheck)")
	}
	return func(file string) (string, bool) {
		out, err := exec.Command(cmd[0], append(cmd[1:], file)...).CombinedOutput()
		report := string(out)
		return report, err == nil && summary.MatchString(report)
	}
}

// summary is EPUBCheck's last line for a book it found nothing in.
var summary = regexp.MustCompile(`Messages: 0 fatals / 0 errors / 0 warnings`)

func builtSite(t *testing.T) string {
	t.Helper()
	_, out := sitefixture.Built(t, func(root, out, url string) error {
		_, err := pipeline.Run(pipeline.Options{Root: root, Out: out, BaseURL: url})
		return err
	})
	return out
}

// TestEPUBCheck: the three editions the build publishes pass EPUBCheck
// with no error and no warning.
func TestEPUBCheck(t *testing.T) {
	check := epubcheck(t)
	site := builtSite(t)
	for _, e := range epub.Editions {
		file := filepath.Join(site, "data", e.File())
		if _, err := os.Stat(file); err != nil {
			t.Errorf("the build did not publish %s: %v", e.File(), err)
			continue
		}
		if report, ok := check(file); !ok {
			t.Errorf("EPUBCheck on %s:\n%s", e.File(), report)
		}
	}
}

// TestEPUBCheckFindsABrokenBook: the check fails on the Chinese edition
// with one file its manifest lists left out of the container.
func TestEPUBCheckFindsABrokenBook(t *testing.T) {
	check := epubcheck(t)
	site := builtSite(t)
	b, err := os.ReadFile(filepath.Join(site, "data", "plan-zh.epub"))
	if err != nil {
		t.Fatal(err)
	}
	const missing = "OEBPS/key-points.xhtml"
	broken := filepath.Join(t.TempDir(), "broken.epub")
	if err := os.WriteFile(broken, without(t, b, missing), 0o644); err != nil {
		t.Fatal(err)
	}
	report, ok := check(broken)
	if ok {
		t.Fatalf("EPUBCheck passed a book without %s:\n%s", missing, report)
	}
	if !strings.Contains(report, "key-points.xhtml") {
		t.Errorf("EPUBCheck failed the broken book without naming %s:\n%s", missing, report)
	}
}

// without copies a container, entry for entry as stored, leaving one out.
func without(t *testing.T, b []byte, name string) []byte {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	found := false
	for _, f := range r.File {
		if f.Name == name {
			found = true
			continue
		}
		if err := w.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("the book has no %s to leave out", name)
	}
	return out.Bytes()
}

// TestEPUBCheckWithFallbacks: with each chart's PNG download named as its
// drawing's manifest fallback (the build leaves them out for size), the
// side-by-side edition, which carries both languages' charts, still
// passes.
func TestEPUBCheckWithFallbacks(t *testing.T) {
	check := epubcheck(t)
	site := builtSite(t)
	p, cs := realplan.Load(t)
	in := epub.Input{Plan: p, Date: "2026-12-08", SiteURL: sitefixture.URL}
	for _, c := range cs {
		if !epub.Carried(c) {
			continue
		}
		base := filepath.Join(site, assetpath.ChartDownloadFiles(c.Lang, c.ID))
		svg, err := os.ReadFile(base + ".svg")
		if err != nil {
			t.Fatal(err)
		}
		png, err := os.ReadFile(base + ".png")
		if err != nil {
			t.Fatal(err)
		}
		in.Charts = append(in.Charts, epub.Chart{Chart: c, SVG: svg, PNG: png})
	}
	var bilingual epub.Edition
	for _, e := range epub.Editions {
		if e.Bilingual() {
			bilingual = e
		}
	}
	b, err := epub.Build(in, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "with-fallbacks.epub")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if report, ok := check(file); !ok {
		t.Errorf("EPUBCheck on the side-by-side edition with PNG fallbacks:\n%s", report)
	}
}
