package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/hunan-industry/plan-site/generator/netlify"
	"github.com/hunan-industry/plan-site/generator/pipeline"
	"github.com/hunan-industry/plan-site/generator/preview"
)

// serveOptions say what serve builds and how it watches.
type serveOptions struct {
	Root, Out, Addr string
	Build           bool          // build before serving; false serves Out as it is
	Watch           bool          // rebuild when a watched file changes
	Poll            time.Duration // how often to look for changes
	Log             io.Writer
}

// pollEvery is how often serve looks for changes: a walk over a few
// hundred files costs about a millisecond.
const pollEvery = 50 * time.Millisecond

// serve builds the site, serves it on a loopback address and rebuilds when
// a file under data/, content/, themes/ or static/ (or hugo.toml) changes.
// It polls: a poll of a few hundred files costs little and needs no
// platform watcher.
func serve(o serveOptions) error {
	s, err := startServe(o)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Log, "serving %s on %s/ with netlify.toml's headers (Ctrl-C to stop)\n", o.Out, s.URL)
	return <-s.done
}

// server is a running serve.
type server struct {
	URL  string // http://127.0.0.1:port
	srv  *http.Server
	stop chan struct{}
	done chan error
	wg   sync.WaitGroup

	mu   sync.Mutex
	next chan struct{} // closed when the next rebuild to start has ended
}

// nextRebuild returns a channel closed when the next rebuild to start
// has ended, search index included.
func (s *server) nextRebuild() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.next
}

// startServe listens (first, so that the build knows the port it serves
// on: the site's base URL), builds unless told not to, and serves.
func startServe(o serveOptions) (*server, error) {
	host, _, err := net.SplitHostPort(o.Addr)
	if err != nil || !net.ParseIP(host).IsLoopback() && host != "localhost" {
		return nil, fmt.Errorf("serve listens on a loopback address only (127.0.0.1:port), not %q", o.Addr)
	}
	cfg, err := netlify.Load(filepath.Join(o.Root, "netlify.toml"))
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return nil, err
	}
	s := &server{URL: "http://" + ln.Addr().String(), stop: make(chan struct{}), done: make(chan error, 1), next: make(chan struct{})}
	opts := pipeline.Options{Root: o.Root, Out: o.Out, BaseURL: s.URL + "/"}
	// Before building: an edit made during the first build rebuilds.
	last := latestChange(o.Root)
	if o.Build {
		sum, err := pipeline.Run(opts)
		if err != nil {
			ln.Close()
			return nil, err
		}
		fmt.Fprintf(o.Log, "%s\n", sum)
	} else if _, err := os.Stat(filepath.Join(o.Out, "index.html")); err != nil {
		ln.Close()
		return nil, fmt.Errorf("nothing to serve in %s: %w", o.Out, err)
	}
	if o.Watch {
		poll := o.Poll
		if poll <= 0 {
			poll = pollEvery
		}
		s.wg.Add(1)
		go s.watch(o, opts, poll, last)
	}
	// The handler opens files per request: the build swaps the folder under it.
	s.srv = &http.Server{Handler: preview.Handler(o.Out, cfg)}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// watch rebuilds on change. The rebuild copies the previous search index
// instead of running Pagefind, so that the edit shows as soon as Hugo has
// rendered it; the index is then rebuilt in place before the next poll.
func (s *server) watch(o serveOptions, opts pipeline.Options, poll time.Duration, last time.Time) {
	defer s.wg.Done()
	quick := opts
	quick.SearchLater = true
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		now := latestChange(o.Root)
		if !now.After(last) {
			continue
		}
		last = now
		s.rebuild(o, quick)
	}
}

func (s *server) rebuild(o serveOptions, quick pipeline.Options) {
	s.mu.Lock()
	this := s.next
	s.next = make(chan struct{})
	s.mu.Unlock()
	defer close(this)
	sum, err := pipeline.Run(quick)
	if err != nil {
		fmt.Fprintf(o.Log, "build failed, still serving the last good site:\n%v\n", err)
		return
	}
	fmt.Fprintf(o.Log, "%s\n", sum)
	if err := pipeline.IndexSearch(o.Root, o.Out); err != nil {
		fmt.Fprintf(o.Log, "search index not updated: %v\n", err)
	}
}

// Close stops watching and serving.
func (s *server) Close() error {
	close(s.stop)
	s.wg.Wait()
	return s.srv.Close()
}

// latestChange is the newest modification time under the watched folders.
func latestChange(root string) time.Time {
	var latest time.Time
	for _, dir := range []string{"data", "content", "themes", "static", "hugo.toml"} {
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
