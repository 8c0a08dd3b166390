// Package epub makes the plan's EPUB 3 editions — Chinese, English, and
// the two side by side — from the loaded plan and the charts the build has
// drawn: the whole text with both attachments, the notes, the names index,
// the site-wide charts with their data tables, navigation from the plan's
// structure and the edition's metadata. The same inputs give the same
// bytes.
package epub

import (
	"crypto/sha256"
	"fmt"
	"time"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// Edition is one e-book: the languages its text is in, the first the
// language of its interface and its package.
type Edition struct {
	Name  string
	Langs []plan.Lang
}

// Editions are the e-books the build makes.
var Editions = []Edition{
	{Name: "zh", Langs: []plan.Lang{plan.ZH}},
	{Name: "en", Langs: []plan.Lang{plan.EN}},
	{Name: "bilingual", Langs: []plan.Lang{plan.ZH, plan.EN}},
}

// File is the edition's file name, as the downloads list it.
func (e Edition) File() string { return "plan-" + e.Name + ".epub" }

// Bilingual says whether the edition sets the languages side by side.
func (e Edition) Bilingual() bool { return len(e.Langs) > 1 }

// Chart is a chart as the e-books carry it: one of the build's drawings
// of it (SVG), and optionally a PNG of the same drawing, which the
// package names as the SVG's fallback for reading systems that draw no
// SVG.
type Chart struct {
	*charts.Chart
	SVG []byte
	PNG []byte
}

// Carried says whether the e-books carry a chart: the site-wide ones (the
// regional layout, attachment 1, the targets), not the map of each
// industry and city, which would triple their size for what attachment 1
// already tabulates.
func Carried(c *charts.Chart) bool { return c.Subject == "" }

// Input is what the editions are made of.
type Input struct {
	Plan *plan.Plan
	// Charts are the carried charts in both languages, in the registry's
	// order.
	Charts []Chart
	// Date is the edition's date (YYYY-MM-DD): its dcterms:modified and
	// the time of every file in the container.
	Date string
	// SiteURL is the site's address (absolute, ending in /), which the
	// e-books name as the online edition.
	SiteURL string
}

// Render makes every edition, by file name.
func Render(in Input) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, e := range Editions {
		b, err := Build(in, e)
		if err != nil {
			return nil, fmt.Errorf("EPUB %s: %w", e.File(), err)
		}
		out[e.File()] = b
	}
	return out, nil
}

// Build makes one edition.
func Build(in Input, e Edition) ([]byte, error) {
	day, err := time.Parse("2006-01-02", in.Date)
	if err != nil {
		return nil, fmt.Errorf("the edition's date %q: %w", in.Date, err)
	}
	b, err := newBook(in, e)
	if err != nil {
		return nil, err
	}
	files, err := b.files(day)
	if err != nil {
		return nil, err
	}
	return pack(files, day)
}

// identifier is the edition's dc:identifier: a UUID named by the plan's
// number and the edition, the same from one build to the next (a new
// build is the same publication, modified), different for each edition.
func identifier(p *plan.Plan, e Edition) string {
	h := sha256.Sum256([]byte("plan-site epub\x00" + p.Document.Notice.Number.ZH + "\x00" + e.Name))
	h[6] = h[6]&0x0f | 0x50 // version 5 layout (name-based, SHA)
	h[8] = h[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
