// Package netlify reads the headers that netlify.toml sets and tells which
// apply to a path, merged as Netlify merges them, and which rewrite or 404
// rule answers it, so that tests and the preview server serve the site as
// the CDN does.
package netlify

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Config is the part of netlify.toml the site relies on.
type Config struct {
	Build struct {
		Command     string            `toml:"command"`
		Publish     string            `toml:"publish"`
		Environment map[string]string `toml:"environment"`
	} `toml:"build"`
	Headers   []Rule     `toml:"headers"`
	Redirects []Redirect `toml:"redirects"`
	Plugins   []Plugin   `toml:"plugins"`
}

// Plugin is a Netlify Build plugin and its inputs.
type Plugin struct {
	Package string         `toml:"package"`
	Inputs  map[string]any `toml:"inputs"`
}

// Rule sets headers on the paths its pattern matches.
type Rule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

// Redirect is a redirect or rewrite rule. Query names the query
// parameters the request must carry for the rule to apply; a value
// ":name" takes the parameter's value, which To may use as :name (as
// :splat stands for what the From's * matched).
type Redirect struct {
	From   string            `toml:"from"`
	Query  map[string]string `toml:"query"`
	To     string            `toml:"to"`
	Status int               `toml:"status"`
	Force  bool              `toml:"force"`
}

// Load reads netlify.toml.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Config
	dec := toml.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i, r := range c.Redirects {
		for k, v := range r.Query {
			// Rewrite knows a parameter's value only as a placeholder.
			if !strings.HasPrefix(v, ":") || len(v) < 2 {
				return nil, fmt.Errorf("%s: redirect %d (from %s): query %s = %q: want a placeholder, \":name\"", path, i+1, r.From, k, v)
			}
		}
	}
	return &c, nil
}

// Matches reports whether a rule's pattern covers a URL path: an exact
// path, or a prefix ending in /* (which also covers the bare folder).
func Matches(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(path, prefix) || path+"/" == prefix
	}
	return pattern == path
}

// HeadersFor gives every header the CDN sends for path. Values of a header
// set by several matching rules are joined with ", ", as Netlify does.
func (c *Config) HeadersFor(path string) http.Header {
	h := http.Header{}
	for _, r := range c.Headers {
		if !Matches(r.For, path) {
			continue
		}
		keys := make([]string, 0, len(r.Values))
		for k := range r.Values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if prev := h.Get(k); prev != "" {
				h.Set(k, prev+", "+r.Values[k])
			} else {
				h.Set(k, r.Values[k])
			}
		}
	}
	return h
}

// NotFound gives the page served for a missing path: the first 404 rule
// whose pattern matches.
func (c *Config) NotFound(path string) string {
	for _, r := range c.Redirects {
		if r.Status == http.StatusNotFound && Matches(r.From, path) {
			return r.To
		}
	}
	return ""
}

// Rewrite gives the path served for a request of path with query, by the
// first rewrite rule (status 200) that applies, as Netlify serves it: a
// rule applies when its From matches the path, the request carries each
// of its Query's parameters (any value, which its placeholder takes), and
// it is forced or no file is there
// (exists says; Netlify's shadowing). A placeholder's value may not leave
// the folder the rule writes it into. ok is false where no rule applies.
func (c *Config) Rewrite(p string, query url.Values, exists func(string) bool) (target string, ok bool) {
	for _, r := range c.Redirects {
		if r.Status != http.StatusOK || !Matches(r.From, p) {
			continue
		}
		vals := map[string]string{}
		if prefix, ok := strings.CutSuffix(r.From, "*"); ok {
			vals["splat"] = strings.TrimPrefix(p, prefix)
		}
		applies := true
		for k, want := range r.Query {
			got, has := query[k]
			if !has || len(got) == 0 {
				applies = false
				break
			}
			if strings.ContainsAny(got[0], "/\\") || got[0] == ".." {
				applies = false
				break
			}
			vals[strings.TrimPrefix(want, ":")] = got[0]
		}
		if !applies || (!r.Force && exists(p)) {
			continue
		}
		to := r.To
		// Longer names first, so that :chart is not read as :c + "hart".
		names := make([]string, 0, len(vals))
		for k := range vals {
			names = append(names, k)
		}
		sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
		for _, k := range names {
			to = strings.ReplaceAll(to, ":"+k, vals[k])
		}
		return to, true
	}
	return "", false
}

// HeadersFile is the name of Netlify's headers file in the published
// folder; the build writes it (generator/headers).
const HeadersFile = "_headers"

// FormatHeaders writes rules in the _headers format: a path pattern, then
// its headers indented, one a line.
func FormatHeaders(rules []Rule) []byte {
	var b strings.Builder
	b.WriteString("# Written by the build from generator/headers; do not edit.\n")
	for _, r := range rules {
		b.WriteString(r.For + "\n")
		keys := make([]string, 0, len(r.Values))
		for k := range r.Values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			b.WriteString("  " + k + ": " + r.Values[k] + "\n")
		}
	}
	return []byte(b.String())
}

// ParseHeaders reads a _headers file.
func ParseHeaders(b []byte) ([]Rule, error) {
	var rules []Rule
	for i, line := range strings.Split(string(b), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t"):
			rules = append(rules, Rule{For: t, Values: map[string]string{}})
		default:
			k, v, ok := strings.Cut(t, ":")
			if !ok || len(rules) == 0 {
				return nil, fmt.Errorf("%s line %d: want a path or an indented \"Name: value\", got %q", HeadersFile, i+1, line)
			}
			rules[len(rules)-1].Values[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return rules, nil
}

// LoadSite reads what Netlify applies to the built site in dir:
// netlify.toml (its redirects and any headers) and dir's _headers file.
func LoadSite(toml, dir string) (*Config, error) {
	c, err := Load(toml)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, HeadersFile))
	if err != nil {
		return nil, err
	}
	rules, err := ParseHeaders(b)
	if err != nil {
		return nil, err
	}
	c.Headers = append(c.Headers, rules...)
	return c, nil
}
