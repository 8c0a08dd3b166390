package pipeline

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestNodeScripts runs the Node tests of the build's scripts (the chart
// renderer), so that the README's one test command covers them too. They
// draw charts in Node, seconds of work, so the -short tier leaves them.
func TestNodeScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the chart renderer and rasteriser a dozen times: skipped under -short (go test ./... or node --test scripts/ runs them)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is needed to build the site:", err)
	}
	cmd := exec.Command("node", "--test", "scripts/")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node --test scripts/: %v\n%s", err, out)
	}
}
