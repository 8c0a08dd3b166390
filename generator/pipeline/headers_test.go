package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/headers"
	"github.com/hunan-industry/plan-site/generator/netlify"
)

func loadNetlify(t *testing.T) *netlify.Config {
	t.Helper()
	c, err := netlify.Load(filepath.Join("..", "..", "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNetlifyBuild(t *testing.T) {
	c := loadNetlify(t)
	if c.Build.Command != "go run ./generator build" || c.Build.Publish != "public" {
		t.Errorf("build command %q, publish %q: want the README's build command and public", c.Build.Command, c.Build.Publish)
	}
	for _, k := range []string{"GO_VERSION", "NODE_VERSION"} {
		if c.Build.Environment[k] == "" {
			t.Errorf("%s is not pinned", k)
		}
	}
}

var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{32,64}\.(css|js|json)$`)

// TestHeadersOnEveryFile applies netlify.toml to every file of the built
// site as Netlify would, merging rules, and checks what each gets.
func TestHeadersOnEveryFile(t *testing.T) {
	c, err := netlify.LoadSite(filepath.Join("..", "..", "netlify.toml"), siteDir(t))
	if err != nil {
		t.Fatal(err)
	}
	s := readSite(t)
	for f := range s.Files {
		u := f
		if strings.HasSuffix(u, "/index.html") {
			u = strings.TrimSuffix(u, "index.html")
		}
		h := c.HeadersFor(u)
		if want := headers.For(u); !reflect.DeepEqual(h, want) {
			t.Errorf("%s: _headers gives %v, the policy %v", u, h, want)
		}
		for _, k := range []string{"X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
			if h.Get(k) == "" {
				t.Errorf("%s: no %s", u, k)
			}
		}
		isPage := strings.HasSuffix(f, ".html")
		csp := h.Values("Content-Security-Policy")
		if isPage {
			if len(csp) != 1 || strings.Contains(csp[0], ", default-src") {
				t.Errorf("%s: %d Content-Security-Policy rules apply, want exactly 1: %q", u, len(csp), csp)
				continue
			}
			checkCSP(t, u, csp[0])
			if cc := h.Get("Cache-Control"); !strings.Contains(cc, "must-revalidate") || strings.Contains(cc, "immutable") {
				t.Errorf("%s: HTML Cache-Control %q, want must-revalidate", u, cc)
			}
		}
		if fingerprinted.MatchString(f) {
			if cc := h.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
				t.Errorf("%s: fingerprinted asset Cache-Control %q, want immutable", u, cc)
			}
		}
	}
}

func checkCSP(t *testing.T, u, csp string) {
	t.Helper()
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	script := directives["script-src"]
	if script == "" {
		script = directives["default-src"]
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} {
		for _, tok := range strings.Fields(script) {
			if tok == bad {
				t.Errorf("%s: script-src allows %s", u, bad)
			}
		}
	}
	for _, tok := range strings.Fields(script) {
		if tok != "'self'" && tok != "'wasm-unsafe-eval'" {
			t.Errorf("%s: script-src has %s; only 'self' and 'wasm-unsafe-eval' (search) are allowed", u, tok)
		}
	}
	if directives["object-src"] != "'none'" {
		t.Errorf("%s: object-src is %q, want 'none'", u, directives["object-src"])
	}
	embed := strings.HasPrefix(u, "/embed/") || strings.HasPrefix(u, "/en/embed/")
	switch fa := directives["frame-ancestors"]; {
	case embed && fa != "*":
		t.Errorf("%s: embed page frame-ancestors %q, want * (other sites embed it)", u, fa)
	case !embed && fa != "'self'":
		t.Errorf("%s: frame-ancestors %q, want 'self': only /embed/ may be framed", u, fa)
	}
}

func TestNotFoundPages(t *testing.T) {
	c := loadNetlify(t)
	s := readSite(t)
	for path, want := range map[string]string{"/no/such/page/": "/404.html", "/en/no/such/page/": "/en/404.html"} {
		got := c.NotFound(path)
		if got != want {
			t.Errorf("missing %s is answered with %q, want %q", path, got, want)
		}
		if !s.Files[got] {
			t.Errorf("%s does not exist in the site", got)
		}
	}
}

// TestNetlifyKeepsCaches: netlify.toml's build-cache plugin keeps exactly
// the render caches (renderCaches, the only names openCache accepts), and
// the plugin is there.
func TestNetlifyKeepsCaches(t *testing.T) {
	c := loadNetlify(t)
	var paths []string
	for _, p := range c.Plugins {
		if p.Package != "./scripts/netlify-build-cache" {
			continue
		}
		if _, err := os.Stat(filepath.Join("..", "..", "scripts", "netlify-build-cache", "manifest.yml")); err != nil {
			t.Fatal(err)
		}
		list, _ := p.Inputs["paths"].([]any)
		for _, v := range list {
			s, _ := v.(string)
			paths = append(paths, s)
		}
	}
	var want []string
	for _, n := range renderCaches {
		want = append(want, GeneratedDir+"/"+n)
	}
	slices.Sort(paths)
	slices.Sort(want)
	if !slices.Equal(paths, want) {
		t.Errorf("netlify.toml's build-cache plugin keeps %v, want the render caches %v", paths, want)
	}
	if _, err := openCache(t.TempDir(), "unlisted-cache", nil, nil); err == nil {
		t.Error("openCache opened a cache that netlify.toml does not keep")
	}
}
