package socialfont

import (
	"path/filepath"
	"strings"
	"testing"
)

var root = filepath.Join("..", "..")

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
