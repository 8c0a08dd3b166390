package webtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vnuJar is the Nu HTML Checker, from the pinned npm package vnu-jar.
func vnuJar(t testing.TB) string {
	t.Helper()
	p, _ := filepath.Abs(npmFile(t, "vnu-jar", "build", "dist", "vnu.jar"))
	return p
}

// needJava skips the test when Java or the checker is missing on a
// developer's machine, and fails it under CI=true.
func needJava(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		need(t, "Java (apt-get install openjdk-17-jre-headless)", err)
	}
	if _, err := os.Stat(vnuJar(t)); err != nil {
		need(t, "the Nu HTML Checker (npm devDependency vnu-jar; run npm ci)", err)
	}
}

type vnuMessage struct {
	Type     string `json:"type"`
	URL      string `json:"url"`
	Line     int    `json:"lastLine"`
	Column   int    `json:"lastColumn"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
	SubType  string `json:"subType"`
	fileRoot string
}

func (m vnuMessage) String() string {
	f := strings.TrimPrefix(m.URL, "file:")
	if rel, err := filepath.Rel(m.fileRoot, f); err == nil {
		f = "/" + filepath.ToSlash(rel)
	}
	ex := strings.Join(strings.Fields(m.Extract), " ")
	if len(ex) > 120 {
		ex = ex[:120] + "…"
	}
	return fmt.Sprintf("%s:%d:%d: %s (%s)", f, m.Line, m.Column, m.Message, ex)
}

// vnuRun is the one run of the Nu HTML Checker, over the built site and
// the broken fixture at once: a start of the JVM costs seconds.
var vnuRun once[[]vnuMessage]

// checkHTML returns the Nu HTML Checker's errors on the .html files under
// dir (the built site or the fixture), and how many files there are.
func checkHTML(t testing.TB, dir string) (errs []vnuMessage, files int) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files++
		}
		return nil
	})
	site, broken := siteDir(t), fixture(t) // (a skip inside vnuRun.get would stop the run for all)
	all := vnuRun.get(t, func() ([]vnuMessage, error) { return runVNU(t, site, broken) })
	for _, m := range all {
		if f := strings.TrimPrefix(m.URL, "file:"); strings.HasPrefix(f, dir+string(filepath.Separator)) {
			m.fileRoot = dir
			errs = append(errs, m)
		}
	}
	return errs, files
}

// runVNU runs the checker over every .html file under the folders dirs
// (absolute) and returns its errors.
func runVNU(t testing.TB, dirs ...string) ([]vnuMessage, error) {
	args := append([]string{"-jar", vnuJar(t), "--errors-only", "--format", "json", "--skip-non-html"}, dirs...)
	cmd := exec.Command("java", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return nil, fmt.Errorf("running the Nu HTML Checker: %v", err)
	}
	// It writes its JSON report to stderr and exits 1 when it found errors.
	var report struct{ Messages []vnuMessage }
	if jerr := json.Unmarshal(stderr.Bytes(), &report); jerr != nil {
		return nil, fmt.Errorf("the Nu HTML Checker's report (exit %v): %v\n%s%s", err, jerr, stdout.String(), stderr.String())
	}
	var errs []vnuMessage
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			errs = append(errs, m)
		}
	}
	if err != nil && len(errs) == 0 {
		return nil, fmt.Errorf("the Nu HTML Checker failed (%v) and reported no error:\n%s", err, stderr.String())
	}
	return errs, nil
}

// TestHTMLValid runs the Nu HTML Checker over the whole built site: zero
// errors, the inline SVG of the charts included.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	needJava(t)
	dir := siteDir(t)
	errs, files := checkHTML(t, dir)
	if files < 100 {
		t.Errorf("only %d HTML files in the built site", files)
	}
	var found []string
	for _, e := range errs {
		found = append(found, e.String())
	}
	report(t, "the built site", "Nu HTML Checker", found)
	t.Logf("Nu HTML Checker: %d HTML files, %d errors", files, len(errs))
}
