package socialfont

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
)

var root = filepath.Join("..", "..")

// TestFontCoversData fails when the data holds a character that the
// committed font subset lacks: the social images would show it as a blank.
// The message says how to remake the subset.
func TestFontCoversData(t *testing.T) {
	p, err := plan.Load(filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := charts.All(p)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := Texts(p, cs)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	// The data's texts, and the base set (the ellipsis the layout
	// shortens with, digits, Latin) through Charset.
	if msg := Report(f.Missing(append(texts, string(Charset(nil)))...)); msg != "" {
		t.Error(msg)
	}
}

// TestTextsReachTheCharts checks that Texts sees the strings deep inside
// chart options (the map's city labels, the legend) and the cards.
func TestTextsReachTheCharts(t *testing.T) {
	p, err := plan.Load(filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := charts.All(p)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := Texts(p, cs)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{p.Document.Notice.Number.ZH, p.Document.Notice.Number.EN, p.Cities[0].Short.ZH, p.Industries[0].Name.EN, "★"} {
		if !strings.Contains(all, want) {
			t.Errorf("texts lack %q", want)
		}
	}
}

// TestMissingFindsAGap makes sure the check can fail: a character outside
// the subset (a rare Han character) is reported, with the recipe.
func TestMissingFindsAGap(t *testing.T) {
	f, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	m := f.Missing("长沙\u9fa0")
	if len(m) != len(Files) {
		t.Fatalf("missing = %v, want U+9FA0 in every file", m)
	}
	for _, rs := range m {
		if len(rs) != 1 || rs[0] != 0x9fa0 {
			t.Errorf("missing = %q, want only U+9FA0", rs)
		}
	}
	if msg := Report(m); !strings.Contains(msg, Recipe) || !strings.Contains(msg, "U+9FA0") {
		t.Errorf("report does not name the character and the recipe:\n%s", msg)
	}
}
