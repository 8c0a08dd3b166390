// Package webtest is the site's quality gate, run by `go test ./...`: it
// builds the real site once, serves it as the CDN would (netlify.toml's
// headers, so pages run under the real Content-Security-Policy) and checks
// it in headless Chromium (console, network, charts with and without
// JavaScript, the language switch, 390 px phones, axe-core), with the Nu
// HTML Checker, and against the sitemaps. It also builds a dataset of
// hostile strings, feeds the build malformed data, and shows each checker
// failing on a deliberately broken fixture site.
//
// The package holds tests only. Browser tests skip when no Chromium is
// installed, and the HTML check when no Java is, except under CI=true,
// where they fail instead.
package webtest
