package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ensureNodeModules installs the npm packages (ECharts, Pagefind) when
// they are missing or older than package-lock.json, so that a fresh clone
// builds with no step done by hand.
func ensureNodeModules(root string, progress func(string, ...any)) error {
	lock, err := os.Stat(filepath.Join(root, "package-lock.json"))
	if err != nil {
		return fmt.Errorf("package-lock.json: %w", err)
	}
	installed, err := os.Stat(filepath.Join(root, "node_modules", ".package-lock.json"))
	if err == nil && !installed.ModTime().Before(lock.ModTime()) {
		return nil
	}
	progress("installing npm packages (npm ci)")
	return runTool(root, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
}

// runTool runs a command in root and returns its output as the error's
// text when it fails.
func runTool(root, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return nil
}
