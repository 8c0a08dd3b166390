package pipeline

import (
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// lastUpdated is the date the pages show as "last updated", the same for
// every build of the same project: the date of the last commit that
// touched what readers see (data/, content/, themes/, static/), in the
// plan's time zone; without git (a copy of the project, as the tests
// build), the newest modification time of those files. Never the clock of
// the build.
func lastUpdated(root string) string {
	out, err := exec.Command("git", "-C", root, "log", "-1", "--format=%cI", "--", "data", "content", "themes", "static").Output()
	if err == nil {
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(string(out))); err == nil {
			return day(t)
		}
	}
	var newest time.Time
	for _, dir := range []string{"data", "content", "themes", "static"} {
		filepath.WalkDir(filepath.Join(root, dir), func(_ string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil && info.ModTime().After(newest) {
				newest = info.ModTime()
			}
			return nil
		})
	}
	return day(newest)
}

var shanghai = time.FixedZone("CST", 8*3600)

func day(t time.Time) string { return t.In(shanghai).Format("2006-01-02") }
