package exports_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
	"github.com/hunan-industry/plan-site/generator/pipeline"
)

// report is what scripts/validate-datapackage.mjs prints.
type report struct {
	Resources, Rows, Values int
	Errors                  []string
}

// validate runs the Frictionless libraries (datapackage, tableschema) over
// the package in dir: scripts/validate-datapackage.mjs of the project copy
// the site was built from, whose node_modules the build installed (a fresh
// clone has none of its own).
func validate(t *testing.T, dir string) (report, error) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is needed to build the site:", err)
	}
	root, _ := built(t)
	cmd := exec.Command("node", filepath.Join(root, "scripts", "validate-datapackage.mjs"), filepath.Join(dir, "datapackage.json"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var r report
	if jerr := json.Unmarshal(out, &r); jerr != nil {
		t.Fatalf("validate-datapackage.mjs printed no report (%v): %s %s", jerr, out, stderr.String())
	}
	return r, err
}

// built is the shared real site: its project copy and its output.
func built(t *testing.T) (root, out string) {
	t.Helper()
	return sitefixture.Built(t, func(root, out, url string) error {
		_, err := pipeline.Run(pipeline.Options{Root: root, Out: out, BaseURL: url})
		return err
	})
}

func builtData(t *testing.T) string {
	t.Helper()
	_, out := built(t)
	return filepath.Join(out, "data")
}

// TestDataPackageValidates: the built site's data package passes the
// Frictionless libraries' checks, describes every file in /data/, and
// every row of every tabular resource casts to its declared types.
func TestDataPackageValidates(t *testing.T) {
	dir := builtData(t)
	r, err := validate(t, dir)
	if err != nil || len(r.Errors) > 0 {
		t.Fatalf("the data package does not validate (%v):\n%s", err, strings.Join(r.Errors, "\n"))
	}
	files := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != "datapackage.json" {
			files++
		}
		return nil
	})
	if r.Resources != files || files < 70 {
		t.Errorf("%d resources for %d files in /data/", r.Resources, files)
	}
	// The target charts' bars, every one a number.
	if r.Values < 40 || r.Rows < 1000 {
		t.Errorf("read %d rows and %d chart values", r.Rows, r.Values)
	}
}

// TestDataPackageCatchesBrokenData proves the check on broken copies of
// the built data: each fault alone (the descriptor's size and hash made
// to match the broken file, so that only the fault is left to find) must
// be reported, naming its resource.
func TestDataPackageCatchesBrokenData(t *testing.T) {
	src := builtData(t)
	for _, c := range []struct {
		name, file, want string
		breakIt          func(string) string
	}{
		{"a figure as text", "targets.csv", "targets", func(s string) string {
			return strings.Replace(s, ",4100,亿元,", ",力争超过4100亿元,亿元,", 1)
		}},
		{"a chart's bar as text", "charts/en/targets-yuan.csv", "chart-en-targets-yuan", func(s string) string {
			return strings.Replace(s, ",410,billion yuan", ",strive for more than 410,billion yuan", 1)
		}},
		{"a missing field", "charts/zh/industries-per-city.csv", "chart-zh-industries-per-city", func(s string) string {
			var out []string
			for _, line := range strings.SplitAfter(s, "\r\n") {
				if i := strings.LastIndex(line, ","); i > 0 {
					line = line[:i] + "\r\n" // the last column, city_code, gone
				}
				out = append(out, line)
			}
			return strings.Join(out, "")
		}},
		{"a boolean that is not one", "targets.csv", "targets", func(s string) string {
			return strings.Replace(s, ",false,body,", ",否,body,", 1)
		}},
		{"a map's rating that is not the layout table's", "charts/en/industry-health.csv", "chart-en-industry-health", func(s string) string {
			return strings.Replace(s, ",zhuzhou,key\r\n", ",zhuzhou,core\r\n", 1)
		}},
		{"a target no row of targets.csv has", "charts/zh/targets-share.csv", "chart-zh-targets-share", func(s string) string {
			return strings.Replace(s, ",manufacturing-share,", ",no-such-target,", 1)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, c.file)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			broken := c.breakIt(string(b))
			if broken == string(b) {
				t.Fatalf("the fault did not apply to %s", c.file)
			}
			if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			rehash(t, dir, c.file, []byte(broken))
			r, err := validate(t, dir)
			if err == nil || len(r.Errors) == 0 {
				t.Fatalf("%s in %s passed the check", c.name, c.file)
			}
			t.Logf("%s: %s", c.file, strings.Join(r.Errors, "; "))
			for _, e := range r.Errors {
				if !strings.HasPrefix(e, c.want+":") {
					t.Errorf("an error about something else than the fault: %s", e)
				}
			}
		})
	}
}

// rehash sets the size and hash the descriptor gives file to those of b.
func rehash(t *testing.T, dir, file string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, "datapackage.json")
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var pkg map[string]any
	if err := json.Unmarshal(raw, &pkg); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range pkg["resources"].([]any) {
		res := r.(map[string]any)
		if res["path"] == file {
			sum := sha256.Sum256(b)
			res["bytes"], res["hash"], found = len(b), "sha256:"+hex.EncodeToString(sum[:]), true
		}
	}
	if !found {
		t.Fatalf("no resource for %s", file)
	}
	out, err := json.Marshal(pkg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDataPackageCatchesBrokenDescriptor: a descriptor the Data Package
// profile rejects (a type Table Schema has not got) fails the check too.
func TestDataPackageCatchesBrokenDescriptor(t *testing.T) {
	src := builtData(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "datapackage.json")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), `"type": "number"`, `"type": "decimal"`, 1)
	if broken == string(b) {
		t.Fatal("no number field to break")
	}
	if err := os.WriteFile(p, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := validate(t, dir)
	if err == nil || len(r.Errors) == 0 {
		t.Fatal("a field of type decimal passed the check")
	}
	t.Log(strings.Join(r.Errors, "; "))
}
