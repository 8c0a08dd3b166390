package uitext

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/hunan-industry/plan-site/generator/plan"
)

var (
	goKey       = regexp.MustCompile(`uitext\.(?:Text|In|Count)\((?:[^,()]+,\s*)?"([^"]+)"`)
	templateKey = regexp.MustCompile(`i18n "([^"]+)"`)
)

// usedKeys finds every literal key in files under dir with the extension.
func usedKeys(t *testing.T, dir, ext string, re *regexp.Regexp) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ext) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			out[m[1]] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEveryKeyInBothLanguages: every key the Go code or a template names
// is in both i18n files, and the two files hold the same keys.
func TestEveryKeyInBothLanguages(t *testing.T) {
	root := filepath.Join("..", "..")
	used := usedKeys(t, filepath.Join(root, "generator"), ".go", goKey)
	for k, v := range usedKeys(t, filepath.Join(root, "themes", "plansite", "layouts"), ".html", templateKey) {
		used[k] = v
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys in use; the patterns no longer match the code", len(used))
	}
	for k, where := range used {
		for _, l := range plan.Langs {
			if _, ok := words[l][k]; !ok {
				t.Errorf("%s uses %q, missing from i18n/%s.toml", where, k, l)
			}
		}
	}
	zh, en := Keys(plan.ZH), Keys(plan.EN)
	if strings.Join(zh, " ") != strings.Join(en, " ") {
		for _, k := range zh {
			if _, ok := words[plan.EN][k]; !ok {
				t.Errorf("%q is in zh.toml only", k)
			}
		}
		for _, k := range en {
			if _, ok := words[plan.ZH][k]; !ok {
				t.Errorf("%q is in en.toml only", k)
			}
		}
	}
	// go_ keys are drawn by Go; one no code reads is dead weight.
	for _, k := range zh {
		if strings.HasPrefix(k, "go_") {
			if _, ok := used[k]; !ok && !strings.HasPrefix(k, "go_count_") {
				t.Errorf("%q is not used by the generator", k)
			}
		}
	}
}

// TestSiteNameOnce: Hugo's site title is the edition's name in the i18n
// files, set by the build (pages.Languages); hugo.toml, which the build
// extends, names no title of its own that could drift from it.
func TestSiteNameOnce(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Title     string                            `toml:"title"`
		Languages map[string]struct{ Title string } `toml:"languages"`
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "" {
		t.Errorf("hugo.toml sets title = %q; the build sets each language's from siteName", cfg.Title)
	}
	for _, l := range plan.Langs {
		if got := cfg.Languages[string(l)].Title; got != "" {
			t.Errorf("hugo.toml sets languages.%s.title = %q; the build sets it from siteName", l, got)
		}
	}
}

func TestCountAndMissing(t *testing.T) {
	if got := Count(plan.EN, "go_count_cities", 1); got != "1 city or prefecture" {
		t.Errorf("one: %q", got)
	}
	if got := Count(plan.EN, "go_count_cities", 6); got != "6 cities and prefectures" {
		t.Errorf("six: %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("a missing key does not panic")
		}
	}()
	Text("no_such_key")
}

func TestParseRejectsBadFiles(t *testing.T) {
	for _, bad := range []string{"k = 3", "[k]\none = \"x\"", "k = "} {
		if _, _, err := parse([]byte(bad)); err == nil {
			t.Errorf("%q parses", bad)
		}
	}
}
