// Package socialfont knows the font that the build-time images (social
// preview cards, chart downloads) are drawn with: a subset of Noto Sans SC
// committed under data/fonts/ (see data/fonts/README.md), so that Chinese
// renders the same on every machine with no system font. It names the font
// files (the rasteriser is handed this list), gives the advance widths the
// layout measures text with, and says which characters the images can
// contain and which of them the font lacks. It knows no content: the
// texts to check are its callers' (cards.Texts), so that it sits below
// everything that draws with it.
package socialfont

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Files are the font files, relative to the project root: the regular
// weight (subtitles, footers, the charts' text) and the bold one (titles,
// the charts' titles). The rasteriser loads these and no other font: the
// build hands it this list (scripts/rasterise.mjs).
var Files = []string{
	filepath.Join("data", "fonts", "NotoSansSC-Regular.subset.ttf"),
	filepath.Join("data", "fonts", "NotoSansSC-Bold.subset.ttf"),
}

// Family is the family name of the font files, as the renderer asks for it.
const Family = "Noto Sans SC"

// Recipe is what a maintainer runs to remake the font files.
const Recipe = "bash scripts/fonts/build.sh"

// base are the characters the font keeps whatever the data says: printable
// ASCII and Latin-1, general punctuation (dashes, quotes, the ellipsis the
// layout shortens with), a few symbols (★ rates the layout), CJK
// punctuation and the full-width forms.
var base = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0xff},
	{0x2010, 0x2016}, {0x2018, 0x201a}, {0x201c, 0x201e}, {0x2020, 0x2022}, {0x2025, 0x2027}, {0x2030, 0x2030}, {0x20ac, 0x20ac}, {0x2103, 0x2103},
	{0x2190, 0x2193}, {0x25a0, 0x25a1}, {0x25cb, 0x25cb}, {0x25cf, 0x25cf}, {0x2605, 0x2606},
	{0x3000, 0x3011}, {0x3014, 0x3017}, {0x301c, 0x301c},
	{0xff01, 0xff5e},
}

// Charset is every character the font must have: the base set and each
// printable character of texts, sorted, without duplicates.
func Charset(texts []string) []rune {
	seen := map[rune]bool{}
	for _, r := range base {
		for c := r[0]; c <= r[1]; c++ {
			seen[c] = true
		}
	}
	for _, t := range texts {
		for _, c := range t {
			if drawn(c) {
				seen[c] = true
			}
		}
	}
	out := make([]rune, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// drawn says whether a character is drawn with a glyph: not a control or
// line break, which the layout handles.
func drawn(c rune) bool {
	return c >= 0x20 && c != 0x7f && (c < 0x80 || c >= 0xa0) && c != 0x2028 && c != 0x2029
}

// Font is the parsed font files.
type Font struct {
	files []*sfnt.Font
	names []string
	faces []*Face
}

// Face is one font file's metrics, for laying text out.
type Face struct {
	sf     *sfnt.Font
	upm    fixed.Int26_6
	ascent float64
}

// Load parses the font files under root.
func Load(root string) (*Font, error) {
	f := &Font{}
	for _, name := range Files {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			return nil, fmt.Errorf("social image font: %w (make it with %s)", err, Recipe)
		}
		sf, err := sfnt.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("social image font %s: %w", name, err)
		}
		asc, err := typoAscender(b)
		if err != nil {
			return nil, fmt.Errorf("social image font %s: %w", name, err)
		}
		upm := float64(sf.UnitsPerEm())
		f.files = append(f.files, sf)
		f.names = append(f.names, name)
		f.faces = append(f.faces, &Face{sf: sf, upm: fixed.Int26_6(sf.UnitsPerEm()) << 6, ascent: float64(asc) / upm})
	}
	return f, nil
}

// Regular is the regular weight (Files[0]); Bold the bold one (Files[1]).
func (f *Font) Regular() *Face { return f.faces[0] }
func (f *Font) Bold() *Face    { return f.faces[1] }

// Width is the advance width of s, in em: the sum of its characters'
// advances (no kerning: the renderer sets CJK and the cards' Latin without
// it). A character the font lacks counts as the .notdef glyph.
func (f *Face) Width(s string) float64 {
	var buf sfnt.Buffer
	var w fixed.Int26_6
	for _, r := range s {
		gi, err := f.sf.GlyphIndex(&buf, r)
		if err != nil {
			gi = 0
		}
		a, err := f.sf.GlyphAdvance(&buf, gi, f.upm, font.HintingNone)
		if err != nil {
			continue
		}
		w += a
	}
	return float64(w) / float64(f.upm)
}

// Ascent is the height of the em box above the baseline, in em: OS/2's
// typographic ascender (880 of 1000 in Noto Sans SC), where a line's first
// baseline goes below its top.
func (f *Face) Ascent() float64 { return f.ascent }

// typoAscender reads sTypoAscender from the font's OS/2 table.
func typoAscender(b []byte) (int16, error) {
	if len(b) < 12 {
		return 0, fmt.Errorf("not an sfnt font")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			break
		}
		if string(b[rec:rec+4]) == "OS/2" {
			off := int(binary.BigEndian.Uint32(b[rec+8:]))
			if off+70 > len(b) {
				break
			}
			return int16(binary.BigEndian.Uint16(b[off+68:])), nil
		}
	}
	return 0, fmt.Errorf("no OS/2 table")
}

// Missing lists, without duplicates, the drawn characters of texts that a
// font file lacks, with the file; every file must have every character,
// since titles are bold and the rest regular.
func (f *Font) Missing(texts ...string) map[string][]rune {
	var buf sfnt.Buffer
	out := map[string][]rune{}
	for i, sf := range f.files {
		seen := map[rune]bool{}
		for _, t := range texts {
			for _, c := range t {
				if !drawn(c) || seen[c] {
					continue
				}
				seen[c] = true
				if gi, err := sf.GlyphIndex(&buf, c); err != nil || gi == 0 {
					out[f.names[i]] = append(out[f.names[i]], c)
				}
			}
		}
	}
	return out
}

// Report words what Missing found for a maintainer, or "" when nothing is
// missing.
func Report(missing map[string][]rune) string {
	if len(missing) == 0 {
		return ""
	}
	var b strings.Builder
	names := make([]string, 0, len(missing))
	for n := range missing {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		cs := missing[n]
		sort.Slice(cs, func(i, j int) bool { return cs[i] < cs[j] })
		var list []string
		for _, c := range cs {
			list = append(list, fmt.Sprintf("%q (U+%04X)", c, c))
		}
		fmt.Fprintf(&b, "%s lacks %d characters that the social images can show: %s\n", n, len(cs), strings.Join(list, " "))
	}
	fmt.Fprintf(&b, "The font is a subset made for the data: run `%s` to remake it from the current data/ (see data/fonts/README.md), then commit data/fonts/.", Recipe)
	return b.String()
}
