package preview

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/netlify"
)

// TestCompressed: the preview compresses what the CDN compresses, for the
// clients that ask, and passes the rest as it is.
func TestCompressed(t *testing.T) {
	dir := t.TempDir()
	page := strings.Repeat("<p>湖南省现代化产业体系</p>\n", 200)
	tiny := "<p>湖南</p>\n"
	// Pagefind's index files are gzip streams already.
	var pf bytes.Buffer
	zw := gzip.NewWriter(&pf)
	io.WriteString(zw, page)
	zw.Close()
	for name, body := range map[string]string{
		"index.html":        page,
		"404.html":          page,
		"tiny.html":         tiny,
		"style.css":         page,
		"chart.svg":         `<svg xmlns="http://www.w3.org/2000/svg">` + page + `</svg>`,
		"index.pf_meta":     pf.String(),
		"social.png":        "\x89PNG\r\n\x1a\n" + page,
		netlify.HeadersFile: "/*\n  X-Test: 1\n",
		"en/index.html":     page,
		"en/404.html":       page,
	} {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := netlify.Load(filepath.Join("..", "..", "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	h := Handler(dir, cfg)
	for _, c := range []struct {
		path, accept, rng string
		code              int
		gzip              bool
		body              string
	}{
		{"/", "gzip, deflate, br, zstd", "", 200, true, page}, // Chromium's
		{"/", "gzip", "", 200, true, page},
		{"/style.css", "gzip", "", 200, true, page},
		{"/chart.svg", "gzip", "", 200, true, ""},
		{"/missing", "gzip", "", 404, true, page},
		{"/en/missing/", "gzip", "", 404, true, page},
		{"/", "", "", 200, false, page},
		{"/", "br, gzip;q=0", "", 200, false, page},
		{"/", "zstd", "", 200, false, page},
		{"/", "gzip", "bytes=0-10", 206, false, page[:11]},
		{"/tiny.html", "gzip", "", 200, false, tiny},
		{"/index.pf_meta", "gzip", "", 200, false, pf.String()},
		{"/social.png", "gzip", "", 200, false, ""},
	} {
		req := httptest.NewRequest("GET", c.path, nil)
		if c.accept != "" {
			req.Header.Set("Accept-Encoding", c.accept)
		}
		if c.rng != "" {
			req.Header.Set("Range", c.rng)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		what := c.path + " " + c.accept + " " + c.rng
		if res.StatusCode != c.code {
			t.Errorf("%s: status %d, want %d", what, res.StatusCode, c.code)
		}
		if res.Header.Get("X-Test") != "1" {
			t.Errorf("%s: the site's _headers were not applied", what)
		}
		if got := res.Header.Get("Content-Encoding") == "gzip"; got != c.gzip {
			t.Errorf("%s: gzip %v, want %v (Content-Type %s)", what, got, c.gzip, res.Header.Get("Content-Type"))
			continue
		}
		if c.gzip {
			if res.Header.Get("Content-Length") != "" {
				t.Errorf("%s: Content-Length %s kept on a compressed body", what, res.Header.Get("Content-Length"))
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: no Vary: Accept-Encoding on a compressed body", what)
			}
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
		}
		if c.body != "" && string(body) != c.body {
			t.Errorf("%s: the body differs from the file", what)
		}
	}
}

// TestChartAddresses: netlify.toml's rules, applied as the preview applies
// them, answer a chart's citation address (<page>?chart=<id>) with the
// chart's cite page, in each language, and leave every other address to
// its own file or its language's 404 page. Without the rules, the same
// checks fail.
func TestChartAddresses(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"targets/index.html":                 "zh page",
		"en/targets/index.html":              "en page",
		"embed/targets-share/cite.html":      "zh cite",
		"en/embed/targets-share/cite.html":   "en cite",
		"en/embed/targets-share/oembed.json": "{}",
		"404.html":                           "zh 404",
		"en/404.html":                        "en 404",
		netlify.HeadersFile:                  "/*\n  X-Test: 1\n",
	}
	for name, body := range files {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := netlify.Load(filepath.Join("..", "..", "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path string
		code int
		body string
	}{
		{"/en/targets/?chart=targets-share", 200, "en cite"},
		{"/targets/?chart=targets-share", 200, "zh cite"},
		{"/en/targets/?chart=targets-share&maxwidth=500", 200, "en cite"},
		{"/en/targets/", 200, "en page"},
		{"/en/targets/?theme=dark", 200, "en page"},
		{"/en/targets/?chart=nothing", 404, "en 404"},
		{"/targets/?chart=..%2F..%2Fen%2Ftargets", 200, "zh page"},
		{"/en/embed/targets-share/oembed.json?url=x", 200, "{}"},
	}
	check := func(cfg *netlify.Config) []string {
		var out []string
		h := Handler(dir, cfg)
		for _, c := range cases {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", c.path, nil))
			if got := strings.TrimSpace(rec.Body.String()); rec.Code != c.code || got != c.body {
				out = append(out, fmt.Sprintf("%s: %d %q, want %d %q", c.path, rec.Code, got, c.code, c.body))
			}
		}
		return out
	}
	for _, f := range check(cfg) {
		t.Error(f)
	}
	bare := *cfg
	bare.Redirects = nil
	for _, r := range cfg.Redirects {
		if r.Query == nil {
			bare.Redirects = append(bare.Redirects, r)
		}
	}
	if len(check(&bare)) == 0 {
		t.Error("without netlify.toml's ?chart rules the checks still pass: they check nothing")
	}
}

// TestQueryPlaceholdersOnly: a rule's query value that is not a
// placeholder is refused, as the preview could not apply it as Netlify
// does.
func TestQueryPlaceholdersOnly(t *testing.T) {
	f := filepath.Join(t.TempDir(), "netlify.toml")
	os.WriteFile(f, []byte("[[redirects]]\n  from = \"/*\"\n  query = {chart = \"overview\"}\n  to = \"/x\"\n  status = 200\n"), 0o644)
	if _, err := netlify.Load(f); err == nil || !strings.Contains(err.Error(), "placeholder") {
		t.Errorf("a literal query value: %v, want an error asking for a placeholder", err)
	}
}
