package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// bundleCacheDir is the render cache of the interactive chart bundle
// (ECharts and interactive.js, bundled and minified by esbuild). Bundling
// ECharts parses some hundreds of its module files: in Hugo's js.Build,
// which keeps no result between builds, it was a third of the bare Hugo
// render's CPU time, on every build. Here it is done once per set of
// inputs: the theme's scripts, the npm packages (package-lock.json) and
// the esbuild options below.
const bundleCacheDir = "bundle-cache"

// bundleSource is the bundle's entry point, relative to the project root;
// BundleAsset is where the bundled file goes under generated/assets, for
// the theme's partial bundle.html, which publishes it as js/interactive.js
// (fingerprinted).
var bundleSource = filepath.Join("themes", "plansite", "assets", "js", "interactive.js")

const BundleAsset = "bundles/interactive.js"

// bundleOptions are those of Hugo's js.Build with (dict "minify" true
// "format" "esm" "target" "es2020"), which the theme used before: the
// same bundle. esbuild defines process.env.NODE_ENV as "production" when
// minifying for the browser, as under Hugo.
func bundleOptions(root string) api.BuildOptions {
	return api.BuildOptions{
		EntryPoints:       []string{filepath.Join(root, bundleSource)},
		AbsWorkingDir:     root,
		Bundle:            true,
		Write:             false,
		Format:            api.FormatESModule,
		Target:            api.ES2020,
		Platform:          api.PlatformBrowser,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		NodePaths:         []string{filepath.Join(root, "node_modules")},
		LogLevel:          api.LogLevelSilent,
	}
}

// bundleKeyInputs are the files whose change makes a new bundle: every
// script of the theme (interactive.js may import the others) and the
// exact npm package versions.
func bundleKeyInputs(root string) ([]string, error) {
	js, err := filepath.Glob(filepath.Join(root, "themes", "plansite", "assets", "js", "*.js"))
	if err != nil {
		return nil, err
	}
	files := []string{"package-lock.json"}
	for _, f := range js {
		rel, _ := filepath.Rel(root, f)
		files = append(files, rel)
	}
	sort.Strings(files[1:])
	return files, nil
}

// esbuildVersion is the version of esbuild built into the generator (a
// Hugo upgrade may bring another, which may bundle differently).
func esbuildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/evanw/esbuild" {
				return d.Version
			}
		}
	}
	return "unknown"
}

// writeBundle writes generated/assets/<BundleAsset>, from the cache when
// the inputs are those of a bundle made before, and says whether it
// bundled.
func writeBundle(root string) (bool, error) {
	inputs, err := bundleKeyInputs(root)
	if err != nil {
		return false, err
	}
	cache, err := openCache(root, bundleCacheDir, inputs, nil)
	if err != nil {
		return false, fmt.Errorf("chart bundle input: %w", err)
	}
	// The options are part of the key: a change of target or minification
	// is a new bundle. The root is not (AbsWorkingDir, paths): the same
	// project elsewhere makes the same bytes.
	opts := bundleOptions(root)
	key := cache.key(".js", []byte(fmt.Sprintf("%v %v %v %v%v%v", opts.Format, opts.Target, opts.Platform,
		opts.MinifyWhitespace, opts.MinifyIdentifiers, opts.MinifySyntax)), []byte(esbuildVersion()))
	dst := filepath.Join(root, GeneratedDir, "assets", filepath.FromSlash(BundleAsset))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return false, err
	}
	b, ok := cache.get(key)
	made := false
	if !ok {
		res := api.Build(opts)
		if len(res.Errors) > 0 {
			var msgs []string
			for _, m := range api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage}) {
				msgs = append(msgs, strings.TrimSpace(m))
			}
			return false, fmt.Errorf("bundling %s: %s", bundleSource, strings.Join(msgs, "\n"))
		}
		if len(res.OutputFiles) != 1 {
			return false, fmt.Errorf("bundling %s: %d output files, want 1", bundleSource, len(res.OutputFiles))
		}
		b = res.OutputFiles[0].Contents
		if err := cache.put(key, b); err != nil {
			return false, err
		}
		made = true
	}
	// Replaced, not rewritten in place: Hugo's output links to it.
	if err := replaceFile(dst, b); err != nil {
		return false, err
	}
	return made, cache.prune()
}
