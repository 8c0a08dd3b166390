package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/hunan-industry/plan-site/generator/build"
	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/preview"
)

// serve builds the site, serves it on a loopback address and rebuilds when
// a file under data/, content/ or themes/ changes. It polls: a poll of a
// few hundred files costs little and needs no platform watcher.
func serve(root, out, addr string, log io.Writer) error {
	if host, _, err := net.SplitHostPort(addr); err != nil || !net.ParseIP(host).IsLoopback() && host != "localhost" {
		return fmt.Errorf("serve listens on a loopback address only (127.0.0.1:port), not %q", addr)
	}
	opts := build.Options{Root: root, Out: out, BaseURL: "http://" + addr + "/", Progress: nil}
	rebuild := func() {
		sum, err := build.Run(opts)
		if err != nil {
			fmt.Fprintf(log, "build failed, still serving the last good site:\n%v\n", err)
			return
		}
		fmt.Fprintf(log, "%s\n", sum)
	}
	rebuild()
	go func() {
		last := latestChange(root)
		for range time.Tick(300 * time.Millisecond) {
			if t := latestChange(root); t.After(last) {
				last = t
				rebuild()
			}
		}
	}()
	cfg, err := netlify.Load(filepath.Join(root, "netlify.toml"))
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "serving %s on http://%s/ with netlify.toml's headers (Ctrl-C to stop)\n", out, addr)
	// The handler opens files per request: the build swaps the folder under it.
	return http.ListenAndServe(addr, preview.Handler(out, cfg))
}

// latestChange is the newest modification time under the watched folders.
func latestChange(root string) time.Time {
	var latest time.Time
	for _, dir := range []string{"data", "content", "themes", "hugo.toml"} {
		filepath.WalkDir(filepath.Join(root, dir), func(_ string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := d.Info(); err == nil && info.ModTime().After(latest) {
				latest = info.ModTime()
			}
			return nil
		})
	}
	return latest
}
