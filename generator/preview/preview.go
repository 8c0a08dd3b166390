// Package preview serves a built site on a loopback address as the CDN
// would: with netlify.toml's headers (so pages run under the real
// Content-Security-Policy), its rewrites and its per-language 404 pages.
package preview

import (
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/klauspost/compress/gzhttp"

	"github.com/hunan-industry/plan-site/generator/netlify"
)

// Handler serves the folder dir (which may be replaced while serving:
// each request opens files afresh) with the headers of cfg and of dir's
// own _headers file, which the build writes, as Netlify serves them, and
// compressed as the CDN sends them, so that what a browser (or
// Lighthouse) measures here is what readers download.
func Handler(dir string, toml *netlify.Config) http.Handler {
	return gzipped(files(dir, toml))
}

// gzipped compresses text responses (HTML, CSS, JavaScript, JSON, SVG,
// XML) of 1 KiB or more (gzhttp's default) for clients that accept gzip,
// 404 pages included; other types (images, Pagefind's already compressed
// index) and partial content pass as they are. Gzip only: zstd, which
// gzhttp would prefer, is not what the CDN sends.
var gzipped = func() func(http.Handler) http.HandlerFunc {
	wrap, err := gzhttp.NewWrapper(gzhttp.EnableZstd(false), gzhttp.ContentTypeFilter(compressible))
	if err != nil {
		panic(err) // the options above are fixed and valid
	}
	return wrap
}()

func compressible(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.TrimSpace(strings.ToLower(mt))
	switch {
	case strings.HasPrefix(mt, "text/"):
		return true
	case mt == "application/javascript", mt == "application/json", mt == "application/xml",
		mt == "image/svg+xml", mt == "application/manifest+json", mt == "application/ld+json":
		return true
	}
	return false
}

func files(dir string, toml *netlify.Config) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cfg := *toml
		if b, err := os.ReadFile(filepath.Join(dir, netlify.HeadersFile)); err == nil {
			rules, err := netlify.ParseHeaders(b)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			cfg.Headers = append(slices.Clone(cfg.Headers), rules...)
		}
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
			p += "/"
		}
		if p == "/"+netlify.HeadersFile { // Netlify never serves _headers
			notFound(w, r, dir, &cfg, p)
			return
		}
		// netlify.toml's rewrites: the target's file, with its headers,
		// at the address asked for.
		if to, ok := cfg.Rewrite(p, r.URL.Query(), func(p string) bool { return exists(dir, p) }); ok {
			if !exists(dir, to) {
				notFound(w, r, dir, &cfg, p)
				return
			}
			for k, vs := range cfg.HeadersFor(to) {
				w.Header()[k] = vs
			}
			http.ServeFile(w, r, filepath.Join(dir, filepath.FromSlash(to)))
			return
		}
		if !exists(dir, p) {
			notFound(w, r, dir, &cfg, p)
			return
		}
		for k, vs := range cfg.HeadersFor(p) {
			w.Header()[k] = vs
		}
		files.ServeHTTP(w, r)
	})
}

func exists(dir, p string) bool {
	f := filepath.Join(dir, filepath.FromSlash(p))
	info, err := os.Stat(f)
	if err != nil {
		return false
	}
	if info.IsDir() {
		_, err = os.Stat(filepath.Join(f, "index.html"))
	}
	return err == nil
}

func notFound(w http.ResponseWriter, r *http.Request, dir string, cfg *netlify.Config, p string) {
	page := cfg.NotFound(p)
	body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
	if page == "" || err != nil {
		http.NotFound(w, r)
		return
	}
	for k, vs := range cfg.HeadersFor(page) {
		w.Header()[k] = vs
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(body)
}

// Server is a running preview.
type Server struct {
	URL string // http://127.0.0.1:port
	srv *http.Server
}

// Start serves dir on 127.0.0.1 at addr ("127.0.0.1:0" picks a free port).
func Start(dir, addr string, cfg *netlify.Config) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String(), srv: &http.Server{Handler: Handler(dir, cfg)}}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }
