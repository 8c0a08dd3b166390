package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
)

// TestGenerationReusedOnlyWhenInputsAre follows one project through the
// builds a maintainer makes: a second build and an edit of the hand-written
// content take the generator's stage as it stands; an edit under data/, a
// build after a failed one and one after a generated file was lost run it
// again; every build gives the site a fresh build would.
func TestGenerationReusedOnlyWhenInputsAre(t *testing.T) {
	root := warmCopy(t)
	out := filepath.Join(root, "public")
	build := func(step string, wantReused bool) {
		t.Helper()
		s, err := Run(Options{Root: root, Out: out, BaseURL: testURL})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if s.Reused != wantReused {
			t.Errorf("%s: generator's stage reused = %v, want %v", step, s.Reused, wantReused)
		}
	}
	// edit rewrites a file, keeping its time: the edition's date comes
	// from the newest file, and must not move here.
	edit := func(rel string, change func(string) string) (undo func()) {
		t.Helper()
		f := filepath.Join(root, rel)
		old, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := rewriteKeepingTime(f, change); err != nil {
			t.Fatal(err)
		}
		return func() {
			if err := rewriteKeepingTime(f, func(string) string { return string(old) }); err != nil {
				t.Fatal(err)
			}
		}
	}

	build("first build", false)
	want := sitefixture.TreeHash(t, out)
	build("second build", true)
	if sitefixture.TreeHash(t, out) != want {
		t.Error("second build: the site differs from the first")
	}

	edit(filepath.Join("data", "README.md"), func(s string) string { return s + "\n<!-- an edit that changes no page -->\n" })
	build("after a data/ edit", false)
	if sitefixture.TreeHash(t, out) != want {
		t.Error("after a data/ edit that changes no page: the site differs")
	}

	undo := edit(filepath.Join("data", "industries", "B1.yaml"), func(s string) string {
		return strings.Replace(s, "code: B1", "code: B1\nsurprise: field", 1)
	})
	if _, err := Run(Options{Root: root, Out: out, BaseURL: testURL}); err == nil {
		t.Fatal("bad data: the build succeeded")
	}
	undo()
	build("after a failed build, data restored", false)
	if sitefixture.TreeHash(t, out) != want {
		t.Error("after a failed build: the site differs")
	}

	// A file of the stage's gone (a folder deleted, a cache restored in
	// part): the stage runs again rather than leave a page out.
	if err := os.Remove(filepath.Join(root, GeneratedDir, "content", "en", "regions.md")); err != nil {
		t.Fatal(err)
	}
	build("after a generated page was deleted", false)
	if sitefixture.TreeHash(t, out) != want {
		t.Error("after a generated page was deleted: the site differs")
	}

	edit(filepath.Join("content", "en", "about.md"), func(s string) string { return s + "\nA sentence added by the test.\n" })
	build("after a content/ edit", true)
	if b, _ := os.ReadFile(filepath.Join(out, "en", "about", "index.html")); !strings.Contains(string(b), "A sentence added by the test.") {
		t.Error("after a content/ edit: /en/about/ does not show it")
	}
}

// TestGenerationKey: the key moves with each thing the stage reads, and
// only with those.
func TestGenerationKey(t *testing.T) {
	root := projectCopy(t)
	key := func() string {
		t.Helper()
		k, err := generationKey(root, testURL, "2026-01-01")
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	base := key()
	if key() != base {
		t.Fatal("the key differs between two calls")
	}
	if k, _ := generationKey(root, "https://elsewhere.example/", "2026-01-01"); k == base {
		t.Error("the site's address does not move the key")
	}
	if k, _ := generationKey(root, testURL, "2026-01-02"); k == base {
		t.Error("the edition's date does not move the key")
	}
	for _, rel := range []string{
		filepath.Join("data", "geo", "hunan.json"),
		filepath.Join("data", "glossary", "bodies.yaml"),
		filepath.Join("scripts", "render-charts.mjs"),
		filepath.Join("scripts", "rasterise.mjs"),
		"package-lock.json",
	} {
		f := filepath.Join(root, rel)
		old, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(f, append(old, ' '), 0o644)
		if key() == base {
			t.Errorf("an edit of %s does not move the key", rel)
		}
		os.WriteFile(f, old, 0o644)
	}
	for _, rel := range []string{filepath.Join("content", "en", "about.md"), filepath.Join("themes", "plansite", "layouts", "home.html"), "hugo.toml"} {
		f := filepath.Join(root, rel)
		old, _ := os.ReadFile(f)
		os.WriteFile(f, append(old, ' '), 0o644)
		if key() != base {
			t.Errorf("an edit of %s, which Hugo reads and the stage does not, moves the key", rel)
		}
		os.WriteFile(f, old, 0o644)
	}
	if key() != base {
		t.Error("the key differs after every edit was undone")
	}
}
