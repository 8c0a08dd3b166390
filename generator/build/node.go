package build

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

// index builds the search index of the site in dir: one index per
// <html lang>, with Chinese word segmentation, under dir/pagefind/.
func index(root, dir string) error {
	if err := runTool(root, filepath.Join("node_modules", ".bin", "pagefind"), "--site", dir, "--silent"); err != nil {
		return err
	}
	// The site has its own search page over Pagefind's API; Pagefind's
	// ready-made interfaces would only be dead weight on the CDN.
	unused, _ := filepath.Glob(filepath.Join(dir, "pagefind", "pagefind-*ui.*"))
	unused = append(unused, filepath.Join(dir, "pagefind", "pagefind-highlight.js"))
	for _, f := range unused {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
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
