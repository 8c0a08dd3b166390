package pipeline

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestNodeScripts runs the Node tests of the build's scripts (the chart
// renderer), so that the README's one test command covers them too.
func TestNodeScripts(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is needed to build the site:", err)
	}
	cmd := exec.Command("node", "--test", "scripts/")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node --test scripts/: %v\n%s", err, out)
	}
}
