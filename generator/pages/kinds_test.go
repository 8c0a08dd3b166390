package pages

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// TestKindsAreWhole: each kind names a layout the theme has and a page of
// its own; a kind written by hand has its content file in each language,
// and each menu entry has its words in each language and a page.
func TestKindsAreWhole(t *testing.T) {
	if bad := kindProblems(Kinds, "../.."); len(bad) > 0 {
		t.Error(strings.Join(bad, "\n"))
	}
}

// TestKindProblemsFound: the check above finds each fault it looks for.
func TestKindProblemsFound(t *testing.T) {
	broken := []Kind{
		{Name: "no layout", Path: "/a/", Layout: "no-such/single.html", content: one("a.md", nil)},
		{Name: "no content", Path: "/no-such-page-written/", Layout: "about/single.html"},
		{Name: "no words", Path: "/no-words/", Layout: "about/single.html", Menu: 5, content: one("no-words.md", nil)},
		{Name: "twice", Path: "/a/", Layout: "about/single.html", content: one("a.md", nil)},
		{Name: "deep menu", Path: "/industries/construction-machinery/", Layout: "industries/single.html", Menu: 7, content: (*view).industryPages},
	}
	got := strings.Join(kindProblems(broken, "../.."), "\n")
	for _, want := range []string{
		`"no layout": themes/plansite/layouts/no-such/single.html does not exist`,
		`"no content": content/zh/no-such-page-written.md does not exist`,
		`"no words": nav_no-words is missing from themes/plansite/i18n/en.toml`,
		`"twice": /a/ is also kind "no layout"'s`,
		`"deep menu": a menu entry needs a page one folder deep`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the check missed %s; it said:\n%s", want, got)
		}
	}
}

// kindProblems lists what is wrong with kinds, in the project at root.
func kindProblems(kinds []Kind, root string) []string {
	var bad []string
	seen := map[string]string{}
	for _, k := range kinds {
		if other, ok := seen[k.Path]; ok {
			bad = append(bad, "kind "+quote(k.Name)+": "+k.Path+" is also kind "+quote(other)+"'s")
		}
		seen[k.Path] = k.Name
		if _, err := os.Stat(filepath.Join(root, "themes", "plansite", "layouts", k.Layout)); err != nil || k.Layout == "" {
			bad = append(bad, "kind "+quote(k.Name)+": themes/plansite/layouts/"+k.Layout+" does not exist")
		}
		if !k.Generated() && k.File == "" {
			for _, l := range plan.Langs {
				f := filepath.Join("content", string(l), strings.Trim(k.Path, "/")+".md")
				if _, err := os.Stat(filepath.Join(root, f)); err != nil {
					bad = append(bad, "kind "+quote(k.Name)+": "+filepath.ToSlash(f)+" does not exist, and the generator makes no page of it")
				}
			}
		}
		if k.Menu == 0 {
			continue
		}
		id := strings.Trim(k.Path, "/")
		if id == "" || strings.Contains(id, "/") {
			bad = append(bad, "kind "+quote(k.Name)+": a menu entry needs a page one folder deep, not "+k.Path)
			continue
		}
		for _, l := range plan.Langs {
			if !hasKey(l, "nav_"+id) {
				bad = append(bad, "kind "+quote(k.Name)+": nav_"+id+" is missing from themes/plansite/i18n/"+string(l)+".toml")
			}
		}
	}
	return bad
}

func quote(s string) string { return `"` + s + `"` }

func hasKey(l plan.Lang, key string) bool {
	for _, k := range uitext.Keys(l) {
		if k == key {
			return true
		}
	}
	return false
}

// TestMainMenu: the menu is the kinds that have a weight, in its order,
// each entry's pageRef its page.
func TestMainMenu(t *testing.T) {
	var got []string
	for _, e := range MainMenu() {
		got = append(got, e.Identifier+"="+e.PageRef)
	}
	if len(got) == 0 || got[0] != "industries=/industries" || got[len(got)-1] != "about=/about" {
		t.Errorf("menu = %v; want it to open with the industries and close with about", got)
	}
	main := Menus()["main"].([]any)
	if len(main) != len(got) {
		t.Errorf("Menus has %d entries, MainMenu %d", len(main), len(got))
	}
}
