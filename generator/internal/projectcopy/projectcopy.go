// Package projectcopy copies what a build reads into another folder, for
// tests and benchmarks that build the real project without writing into
// the checkout (generated/, public/).
package projectcopy

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Inputs are the files and folders of the project a build reads.
var Inputs = []string{"hugo.toml", "netlify.toml", "data", "content", "themes", "static", "scripts", "package.json", "package-lock.json"}

// Copy copies Inputs from the project src into dst, keeping the files'
// modification times, and links dst/node_modules to src's: the npm
// packages are shared, and since package-lock.json keeps its time the
// build sees them as installed and leaves them alone.
func Copy(src, dst string) error {
	for _, name := range Inputs {
		from := filepath.Join(src, name)
		err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) && p == from {
					return nil
				}
				return err
			}
			rel, _ := filepath.Rel(src, p)
			to := filepath.Join(dst, rel)
			if d.IsDir() {
				return os.MkdirAll(to, 0o755)
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(to, b, 0o644); err != nil {
				return err
			}
			return os.Chtimes(to, info.ModTime(), info.ModTime())
		})
		if err != nil {
			return err
		}
	}
	// Only packages that are up to date are linked: on stale or missing
	// ones the build runs npm ci, which must install into the copy and not
	// empty the checkout's folder through the link.
	if !npmCurrent(src) {
		return nil
	}
	abs, err := filepath.Abs(filepath.Join(src, "node_modules"))
	if err != nil {
		return err
	}
	return os.Symlink(abs, filepath.Join(dst, "node_modules"))
}

// npmCurrent tells whether root's node_modules holds what its
// package-lock.json asks for, as the build judges it: npm's own record of
// the install is no older than the lock file.
func npmCurrent(root string) bool {
	lock, err := os.Stat(filepath.Join(root, "package-lock.json"))
	if err != nil {
		return false
	}
	installed, err := os.Stat(filepath.Join(root, "node_modules", ".package-lock.json"))
	return err == nil && !installed.ModTime().Before(lock.ModTime())
}
