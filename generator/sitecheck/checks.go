package sitecheck

import (
	"fmt"
	"net/url"
	"strings"
)

// Finding is one thing wrong with a built page.
type Finding struct {
	Page string // URL of the page
	Msg  string
}

func (f Finding) String() string { return f.Page + ": " + f.Msg }

// Findings is what a check found; empty when all is well.
type Findings []Finding

func (fs *Findings) add(page, format string, args ...any) {
	*fs = append(*fs, Finding{Page: page, Msg: fmt.Sprintf(format, args...)})
}

// Languages says how the site lays out its languages: the default at the
// root, the others under /<prefix>/.
type Languages struct {
	Default  string            // locale of the default language: zh-CN
	Prefixes map[string]string // other languages: "en" (locale) → "/en/"
}

// languageOf tells a page's expected locale from its URL.
func (l Languages) languageOf(u string) string {
	for loc, prefix := range l.Prefixes {
		if strings.HasPrefix(u, prefix) {
			return loc
		}
	}
	return l.Default
}

// twin gives the URL of the page in another language.
func (l Languages) twin(u, locale string) string {
	base := u
	for _, prefix := range l.Prefixes {
		if strings.HasPrefix(u, prefix) {
			base = "/" + strings.TrimPrefix(u, prefix)
		}
	}
	if locale == l.Default {
		return base
	}
	return strings.TrimSuffix(l.Prefixes[locale], "/") + base
}

func (l Languages) all() []string {
	out := []string{l.Default}
	for loc := range l.Prefixes {
		out = append(out, loc)
	}
	return out
}

// target finds what a site path serves: a file, or a folder's index.html.
func (s *Site) target(p string) (page *Page, ok bool) {
	if pg := s.Pages[p]; pg != nil {
		return pg, true
	}
	if !strings.HasSuffix(p, "/") {
		if pg := s.Pages[p+"/"]; pg != nil {
			return pg, true
		}
	}
	return nil, s.Files[p]
}

// Links checks that every internal link and #fragment resolves.
func (s *Site) Links(siteHost string) Findings {
	var fs Findings
	for _, u := range s.URLs() {
		pg := s.Pages[u]
		// The canonical URL too: an embed's names its chart's page.
		hrefs := pg.Links
		if pg.Canonical != "" {
			hrefs = append(hrefs[:len(hrefs):len(hrefs)], pg.Canonical)
		}
		for _, href := range hrefs {
			p, frag, external := resolve(pg, href, siteHost)
			if external {
				continue
			}
			target, ok := s.target(p)
			switch {
			case !ok:
				fs.add(u, "link %q: no file serves %s", href, p)
			case frag != "" && target == nil:
				fs.add(u, "link %q: #%s points into a file that is not a page", href, frag)
			case frag != "" && !target.IDs[frag]:
				fs.add(u, "link %q: %s has no id %q", href, p, frag)
			}
		}
	}
	return fs
}

// Holes finds the pages that print a value their template did not get.
func (s *Site) Holes() Findings {
	var fs Findings
	for _, u := range s.URLs() {
		if h := s.Pages[u].Holes; len(h) > 0 {
			fs.add(u, "%d unfilled value(s): %s", len(h), strings.Join(h, " "))
		}
	}
	return fs
}

// ThirdParty finds every resource a page would fetch from a host other
// than the site's own (links a reader may follow are not fetched, so
// they are not counted).
func (s *Site) ThirdParty(siteHost string) Findings {
	var fs Findings
	for _, u := range s.URLs() {
		pg := s.Pages[u]
		for _, r := range pg.Resources {
			if h := host(r); h != "" && h != siteHost {
				fs.add(u, "loads %s from %s", r, h)
			}
		}
	}
	return fs
}

func host(ref string) string {
	if strings.HasPrefix(ref, "data:") {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "unparseable"
	}
	return u.Host
}

// Translations checks each page's language, its switch to its twin in
// every other language (none on an embed page), and its hreflang alternates: absolute, complete
// (every language and x-default → the default language), and pointing at
// pages that exist.
func (s *Site) Translations(langs Languages, siteHost string) Findings {
	var fs Findings
	for _, u := range s.URLs() {
		pg := s.Pages[u]
		if isRedirect(pg) {
			continue
		}
		own := langs.languageOf(u)
		if pg.Lang != own {
			fs.add(u, "<html lang=%q>, want %q", pg.Lang, own)
		}
		for _, loc := range langs.all() {
			want := langs.twin(u, loc)
			if _, ok := s.Pages[want]; !ok {
				fs.add(u, "no %s twin at %s", loc, want)
				continue
			}
			if loc != own && !pg.Framed && !s.switchesTo(pg, want, siteHost) {
				fs.add(u, "the language switch does not link to its %s twin %s (has %v)", loc, want, pg.Switch)
			}
			s.checkAlternate(&fs, pg, loc, want, siteHost)
		}
		s.checkAlternate(&fs, pg, "x-default", langs.twin(u, langs.Default), siteHost)
		if pg.Framed && len(pg.Switch) > 0 {
			fs.add(u, "an embed page has a language switch (%v): inside another site's page it is noise", pg.Switch)
		}
	}
	return fs
}

func (s *Site) switchesTo(pg *Page, want, siteHost string) bool {
	for _, href := range pg.Switch {
		if p, _, ext := resolve(pg, href, siteHost); !ext && p == want {
			return true
		}
	}
	return false
}

func (s *Site) checkAlternate(fs *Findings, pg *Page, hreflang, want, siteHost string) {
	href, ok := pg.Alternate[hreflang]
	switch {
	case !ok:
		fs.add(pg.URL, "no hreflang=%q alternate", hreflang)
	case !strings.HasPrefix(href, "https://"+siteHost+"/") && !strings.HasPrefix(href, "http://"+siteHost+"/"):
		fs.add(pg.URL, "hreflang=%q href %q is not an absolute URL on %s", hreflang, href, siteHost)
	default:
		if p, _, _ := resolve(pg, href, siteHost); p != want {
			fs.add(pg.URL, "hreflang=%q points at %s, want %s", hreflang, p, want)
		}
	}
}

// isRedirect tells the pages that exist only to send a reader on: Hugo's
// aliases and the charts' cite pages. Their links are checked as any
// page's.
func isRedirect(pg *Page) bool { return pg.Refresh != "" || (pg.Lang == "" && len(pg.Links) == 0) }

// LanguageOfParts finds Han characters outside any element marked as
// Chinese: on an English page a screen reader would read them with an
// English voice, and axe cannot see it.
func (s *Site) LanguageOfParts() Findings {
	var fs Findings
	for _, u := range s.URLs() {
		pg := s.Pages[u]
		if len(pg.Han) == 0 || isRedirect(pg) {
			continue
		}
		shown := pg.Han
		if len(shown) > 5 {
			shown = shown[:5]
		}
		fs.add(u, "%d runs of Han characters outside lang=\"zh\": %s", len(pg.Han), strings.Join(shown, " "))
	}
	return fs
}
