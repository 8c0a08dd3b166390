package sitecheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Verbatim checks that what a page shows as the plan's words is the
// plan's, character for character and mark for mark. A page marks each
// element that presents a unit of the plan (plan.Units: a paragraph, a
// heading, a list of units, a table cell) with the unit's id:
//
//   - data-plan="id": the element shows the whole unit;
//   - data-plan-part="id": the element shows a piece of it (a name taken
//     from a paragraph for a heading, one unit of a list as a chip), which
//     must be the unit's own characters, uninterrupted.
//
// Only whitespace is set aside: the source's line breaks inside table
// cells are Word's, and Chinese has no spaces between words, so a space or
// line break is layout; markup inside a marked element (bold, a link, a
// line break) is layout too. Every other character counts. The check also
// finds the plan's words where no mark says so: a run of copyRun
// characters of one passage (running text, not a name or a heading) that
// no other unit shares, found in a page's unmarked text, is a copy that no
// check would hold to the source. A quotation is no copy if it is the
// plan's words exactly: a phrase in “…” that the edition's notes quote on
// a Chinese page, or a Chinese gloss on an English page.
type Verbatim struct {
	units map[string]string // id → the unit's text, whitespace removed
	// runs are every copyRun-character run of a unit: the passage's id
	// where one passage alone has it, else common.
	runs map[string]string
}

// copyRun is how long a run of the plan's characters must be to count as
// a copy of its text rather than a name, a label or a short phrase the
// edition's notes quote: longer than the longest name the plan gives (the
// title of the provincial committee's guiding opinions, 31 characters).
const copyRun = 32

// NewVerbatim prepares the check for the plan's units, by id, and the
// ids of those that are passages (plan.Units, plan.Passages).
func NewVerbatim(units map[string]string, passages []string) *Verbatim {
	v := &Verbatim{units: map[string]string{}, runs: map[string]string{}}
	ids := make([]string, 0, len(units))
	for id := range units {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	isPassage := map[string]bool{}
	for _, id := range passages {
		isPassage[id] = true
	}
	// A run two units share, or one of a name or a heading, is common: a
	// phrase or a name the plan repeats, not the mark of one passage.
	for _, id := range ids {
		t := Squeeze(units[id])
		v.units[id] = t
		r := []rune(t)
		for i := 0; i+copyRun <= len(r); i++ {
			run := string(r[i : i+copyRun])
			if o, ok := v.runs[run]; !ok && isPassage[id] {
				v.runs[run] = id
			} else if !ok || o != id {
				v.runs[run] = common
			}
		}
	}
	return v
}

// common stands for the unit of a run that is no one passage's.
const common = ""

// Squeeze drops whitespace, the one thing layout may change (and what a
// PDF's text or a drawing's lines break at).
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// CheckPage checks one page and returns the units it marks elements
// with, once for each element, in page order.
func (v *Verbatim) CheckPage(fs *Findings, u string, b []byte) (marked []string) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		fs.add(u, "%v", err)
		return nil
	}
	english := false
	for c := doc.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "html" {
			english = strings.HasPrefix(attrs(c)["lang"], "en")
		}
	}
	var walk func(n *html.Node, inMark bool)
	walk = func(n *html.Node, inMark bool) {
		switch n.Type {
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" {
				return
			}
			a := attrs(n)
			if id, ok := a["data-plan"]; ok {
				marked = append(marked, id)
				inMark = true
				v.whole(fs, u, n, id)
			}
			if id, ok := a["data-plan-part"]; ok {
				marked = append(marked, id)
				inMark = true
				v.part(fs, u, n, id)
			}
		case html.TextNode:
			if !inMark {
				v.unmarked(fs, u, n, english)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inMark)
		}
	}
	walk(doc, false)
	return marked
}

func (v *Verbatim) whole(fs *Findings, u string, n *html.Node, id string) {
	want, ok := v.units[id]
	if !ok {
		fs.add(u, "%s: no unit of the plan has the id %q", element(n), id)
		return
	}
	if got := Squeeze(TextOf(n)); got != want {
		fs.add(u, "%s: %s", element(n), drift(want, got))
	}
}

func (v *Verbatim) part(fs *Findings, u string, n *html.Node, id string) {
	unit, ok := v.units[id]
	if !ok {
		fs.add(u, "%s: no unit of the plan has the id %q", element(n), id)
		return
	}
	got := Squeeze(TextOf(n))
	if got == "" || !strings.Contains(unit, got) {
		fs.add(u, "%s: %q is not part of the plan's words %q", element(n), short(got), short(unit))
	}
}

func (v *Verbatim) unmarked(fs *Findings, u string, n *html.Node, english bool) {
	text := Squeeze(n.Data)
	if v.copied(text) == "" {
		return
	}
	if english && v.quoted(text) {
		return
	}
	rest := quotation.ReplaceAllStringFunc(text, func(q string) string {
		if v.quoted(strings.TrimSuffix(strings.TrimPrefix(q, "“"), "”")) {
			return "“”"
		}
		return q
	})
	if id := v.copied(rest); id != "" {
		fs.add(u, "the plan's words (%s) shown without a mark, so unchecked: %q in <%s>", id, short(text), parentName(n))
	}
}

// quotation is a phrase in Chinese quotation marks, which may nest one
// more pair (“三品”): “…“…”…”.
var quotation = regexp.MustCompile(`“(?:[^“”]|“[^“”]*”)*”`)

// copied gives the passage a text copies: a run of copyRun characters
// that passage alone has, at least half of them outside every common run
// (a name or a phrase the plan repeats, which interface text may give
// beside a bracket or a stop without copying anything).
func (v *Verbatim) copied(text string) string {
	r := []rune(text)
	if len(r) < copyRun {
		return ""
	}
	covered := make([]bool, len(r))
	var hits []int
	for i := 0; i+copyRun <= len(r); i++ {
		id, ok := v.runs[string(r[i:i+copyRun])]
		switch {
		case !ok:
		case id == common:
			for j := i; j < i+copyRun; j++ {
				covered[j] = true
			}
		default:
			hits = append(hits, i)
		}
	}
	for _, i := range hits {
		own := 0
		for j := i; j < i+copyRun; j++ {
			if !covered[j] {
				own++
			}
		}
		if 2*own >= copyRun {
			return v.runs[string(r[i:i+copyRun])]
		}
	}
	return ""
}

// quoted reports whether a text is, exactly, part of one unit.
func (v *Verbatim) quoted(text string) bool {
	for _, t := range v.units {
		if strings.Contains(t, text) {
			return true
		}
	}
	return false
}

func parentName(n *html.Node) string {
	if n.Parent != nil {
		return n.Parent.Data
	}
	return "document"
}

// element names a marked element as its tag would read: <p id="x"
// data-plan="y">.
func element(n *html.Node) string {
	var b strings.Builder
	b.WriteString("<" + n.Data)
	for _, a := range n.Attr {
		if a.Key == "id" || a.Key == "data-plan" || a.Key == "data-plan-part" {
			fmt.Fprintf(&b, " %s=%q", a.Key, a.Val)
		}
	}
	b.WriteString(">")
	return b.String()
}

// drift says where a page's text leaves the unit's, around the first
// difference.
func drift(want, got string) string {
	w, g := []rune(want), []rune(got)
	k := 0
	for k < len(w) && k < len(g) && w[k] == g[k] {
		k++
	}
	from := max(0, k-12)
	ctx := string(w[from:k])
	if from > 0 {
		ctx = "…" + ctx
	}
	rest := func(r []rune) string {
		if len(r) == 0 {
			return "nothing more"
		}
		return fmt.Sprintf("%q", short(string(r)))
	}
	return fmt.Sprintf("differs from the plan's words after %q: the source has %s, the page %s", ctx, rest(w[k:]), rest(g[k:]))
}

// CheckVerbatim runs the check over every HTML page of a built site in
// dir, and gives the units each page marks, by URL.
func CheckVerbatim(dir string, units map[string]string, passages []string) (Findings, map[string][]string, error) {
	v := NewVerbatim(units, passages)
	var found Findings
	marked := map[string][]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		u := "/" + filepath.ToSlash(rel)
		u = strings.TrimSuffix(u, "index.html")
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		marked[u] = v.CheckPage(&found, u, b)
		return nil
	})
	return found, marked, err
}
