package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// project makes a project folder whose data/ is a copy of the loader's
// valid test dataset.
func project(t *testing.T) (root, data string) {
	t.Helper()
	root = t.TempDir()
	data = filepath.Join(root, "data")
	if err := os.CopyFS(data, os.DirFS(filepath.Join("plan", "testdata", "valid"))); err != nil {
		t.Fatal(err)
	}
	return root, data
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckValid(t *testing.T) {
	root, _ := project(t)
	code, stdout, stderr := runCmd("check", "-root", root)
	if code != 0 {
		t.Fatalf("check returned %d; stderr:\n%s", code, stderr)
	}
	if want := "data OK: 2 industries, 3 cities, 10 glossary entries\n"; stdout != want {
		t.Errorf("stdout = %q; want %q", stdout, want)
	}
	if stderr != "" {
		t.Errorf("stderr = %q; want nothing", stderr)
	}
}

func TestCheckBad(t *testing.T) {
	root, data := project(t)
	layout := filepath.Join(data, "layout.yaml")
	b, err := os.ReadFile(layout)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(layout, bytes.Replace(b, []byte("    count: 2"), []byte("    count: 3"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err = os.ReadFile(filepath.Join(data, "industries", "B1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("slug: construction-machinery"), []byte("slug: Construction"), 1)
	if err := os.WriteFile(filepath.Join(data, "industries", "B1.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}

	code, stdout, stderr := runCmd("check", "-root", root)
	if code != 1 {
		t.Errorf("check returned %d; want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout = %q; want nothing", stdout)
	}
	want := "2 problem(s) in the data:\n" +
		filepath.Join(data, "industries", "B1.yaml") + `:4: slug: slug "Construction" must be lower-case words joined by hyphens` + "\n" +
		filepath.Join(data, "layout.yaml") + ":5: rows[0].count: the table states 3 cities for A1, but its row rates 2\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
}

func TestCheckNoData(t *testing.T) {
	root := t.TempDir()
	code, _, stderr := runCmd("check", "-root", root)
	if code != 1 {
		t.Errorf("check without data/ returned %d; want 1", code)
	}
	for _, f := range []string{"plan.yaml", "cities.yaml", "layout.yaml"} {
		if !strings.Contains(stderr, filepath.Join(root, "data", f)+": cannot read:") {
			t.Errorf("stderr does not report %s missing:\n%s", f, stderr)
		}
	}
}

func TestRunUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "usage: go run ./generator <command>"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"check", "-nosuchflag"}, "flag provided but not defined: -nosuchflag"},
	} {
		code, stdout, stderr := runCmd(c.args...)
		if code != 2 {
			t.Errorf("run(%q) returned %d; want 2", c.args, code)
		}
		if stdout != "" {
			t.Errorf("run(%q) wrote %q to stdout", c.args, stdout)
		}
		if !strings.Contains(stderr, c.want) {
			t.Errorf("run(%q) stderr = %q; want it to contain %q", c.args, stderr, c.want)
		}
	}
}
