package build

import (
	"os"
	"path/filepath"
)

// searchDir is where Pagefind writes the search index in the output.
const searchDir = "pagefind"

// reuseIndex copies the search index of the output out (the previous
// build) into staging; false when there is none to copy. The index then
// lags the edit until IndexSearch runs.
func reuseIndex(out, staging string) bool {
	src := filepath.Join(out, searchDir)
	if info, err := os.Stat(src); err != nil || !info.IsDir() {
		return false
	}
	if err := copyTree(src, filepath.Join(staging, searchDir)); err != nil {
		os.RemoveAll(filepath.Join(staging, searchDir))
		return false
	}
	return true
}

// IndexSearch rebuilds the search index of the built site in dir, in
// place: serve runs it after a quick rebuild (Options.SearchLater).
func IndexSearch(root, dir string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return err
	}
	return index(root, dir)
}
