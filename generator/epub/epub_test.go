package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/hunan-industry/plan-site/generator/internal/realplan"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// testInput is the real plan with its carried charts, each drawn as a
// small SVG of its own (the real drawings need Node: the EPUBCheck tests
// read the built site's).
func testInput(t *testing.T) Input {
	t.Helper()
	p, cs := realplan.Load(t)
	in := Input{Plan: p, Date: "2026-12-08", SiteURL: "https://plan.test/"}
	for _, c := range cs {
		if Carried(c) {
			svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" xml:lang="%s"><text x="1" y="9" paint-order="stroke">%s</text></svg>`, c.Lang.Locale(), html.EscapeString(c.Title))
			in.Charts = append(in.Charts, Chart{Chart: c, SVG: []byte(svg)})
		}
	}
	if len(in.Charts) == 0 {
		t.Fatal("no chart is carried")
	}
	return in
}

// book is an edition read back: its files by name and its content
// documents in spine order.
type readBook struct {
	files map[string][]byte
	order []string // the zip's entries, in order
	spine []string // content documents, by path in the zip
	zip   *zip.Reader
}

func read(t *testing.T, b []byte) readBook {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rb := readBook{files: map[string][]byte{}, zip: z}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		rb.files[f.Name] = data
		rb.order = append(rb.order, f.Name)
	}
	opf := string(rb.files["OEBPS/package.opf"])
	href := map[string]string{}
	for _, m := range regexp.MustCompile(`<item id="([^"]+)" href="([^"]+)"`).FindAllStringSubmatch(opf, -1) {
		href[m[1]] = m[2]
	}
	for _, m := range regexp.MustCompile(`<itemref idref="([^"]+)"`).FindAllStringSubmatch(opf, -1) {
		rb.spine = append(rb.spine, "OEBPS/"+href[m[1]])
	}
	return rb
}

var tag = regexp.MustCompile(`<[^>]*>`)

// visible is a document's text as a reader sees it, markup removed.
func visible(doc []byte) string {
	s := string(doc)
	if i := strings.Index(s, "<body>"); i >= 0 {
		s = s[i:]
	}
	return html.UnescapeString(tag.ReplaceAllString(strings.ReplaceAll(s, "<br/>", ""), ""))
}

func TestContainer(t *testing.T) {
	in := testInput(t)
	for _, e := range Editions {
		b, err := Build(in, e)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := Build(in, e)
		if !bytes.Equal(b, again) {
			t.Errorf("%s: two builds of the same input differ", e.File())
		}
		rb := read(t, b)
		first := rb.zip.File[0]
		if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 || string(rb.files["mimetype"]) != "application/epub+zip" {
			t.Errorf("%s: first entry %q (method %d, %d bytes of extra field): want mimetype, stored, no extra field", e.File(), first.Name, first.Method, len(first.Extra))
		}
		for _, f := range rb.zip.File {
			if got := f.Modified.Format("2006-01-02 15:04:05"); got != "2026-12-08 00:00:00" {
				t.Errorf("%s: %s is dated %s, want the edition's date", e.File(), f.Name, got)
			}
		}
		for name, data := range rb.files {
			if strings.HasSuffix(name, ".xhtml") || strings.HasSuffix(name, ".opf") || strings.HasSuffix(name, ".ncx") || strings.HasSuffix(name, ".svg") {
				if err := wellFormed(data); err != nil {
					t.Errorf("%s: %s: %v", e.File(), name, err)
				}
			}
		}
		if strings.Contains(string(rb.files["OEBPS/images/zh/targets-yuan.svg"])+string(rb.files["OEBPS/images/en/targets-yuan.svg"]), "paint-order=") {
			t.Errorf("%s: a drawing keeps SVG 2's paint-order attribute", e.File())
		}
	}
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestEveryUnitInOrder: each edition shows every block of the full text,
// in the plan's order, under its anchor, in each of its languages; then
// both attachments (every industry's row, every cell), the notes and
// every name of the index.
func TestEveryUnitInOrder(t *testing.T) {
	in := testInput(t)
	p := in.Plan
	for _, e := range Editions {
		rb := read(t, mustBuild(t, in, e))
		var all strings.Builder // the spine's visible text, in order
		var ids strings.Builder
		for _, f := range rb.spine {
			all.WriteString(visible(rb.files[f]))
			ids.WriteString(string(rb.files[f]))
		}
		text, marked := all.String(), ids.String()
		at, idAt := 0, 0
		expect := func(what, s string) {
			s = strings.ReplaceAll(s, "\n", "")
			i := strings.Index(text[at:], s)
			if i < 0 {
				t.Errorf("%s: %s missing or out of order: %.60q", e.File(), what, s)
				return
			}
			at += i + len(s)
		}
		for _, b := range p.FullText() {
			i := strings.Index(marked[idAt:], `id="`+b.ID+`"`)
			if i < 0 {
				t.Errorf("%s: no element has the anchor %s after the previous block's", e.File(), b.ID)
			} else {
				idAt += i
			}
			for _, l := range e.Langs {
				expect("block "+b.ID+" ("+string(l)+")", b.Text.In(l))
			}
		}
		a := p.Document.Attachments
		for _, l := range e.Langs {
			expect("attachment 1's title", a.Layout.Title.In(l))
		}
		for _, ind := range p.Industries {
			kp := ind.KeyPoints
			for _, l := range e.Langs {
				for _, c := range []plan.Text{ind.Name, kp.Goal, kp.Products, kp.Technologies, kp.Enterprises} {
					expect("attachment 2, "+ind.Code.Value, c.In(l))
				}
			}
		}
		for _, ind := range p.Industries {
			for _, l := range e.Langs { // side by side, each half holds the industry's notes
				for _, n := range ind.Notes {
					expect("note on "+ind.Code.Value, n.Text.In(l))
				}
			}
		}
		names := visible(rb.files["OEBPS/names.xhtml"])
		for _, term := range p.Names().Entries(p) {
			if !strings.Contains(names, term.ZH.Value) || !strings.Contains(names, html.UnescapeString(term.EN)) {
				t.Errorf("%s: the names index lacks %s (%s)", e.File(), term.ZH.Value, term.EN)
			}
		}
	}
}

func mustBuild(t *testing.T, in Input, e Edition) []byte {
	t.Helper()
	b, err := Build(in, e)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNavFollowsThePlan: the table of contents lists every part and
// section of the plan, in order, then both attachments.
func TestNavFollowsThePlan(t *testing.T) {
	in := testInput(t)
	for _, e := range Editions {
		rb := read(t, mustBuild(t, in, e))
		nav := string(rb.files["OEBPS/nav.xhtml"])
		ncx := string(rb.files["OEBPS/toc.ncx"])
		at := 0
		for _, b := range in.Plan.FullText() {
			if b.Kind != plan.Part && b.Kind != plan.Section {
				continue
			}
			href := b.ID + ".xhtml"
			if b.Kind == plan.Section {
				href = `#` + b.ID + `"`
			}
			i := strings.Index(nav[at:], href)
			if i < 0 {
				t.Errorf("%s: the nav lacks %s, or lists it out of order", e.File(), b.ID)
				continue
			}
			at += i
			if !strings.Contains(ncx, strings.Trim(href, `"`)) {
				t.Errorf("%s: the NCX lacks %s", e.File(), b.ID)
			}
		}
		for _, want := range []string{"layout.xhtml", "key-points.xhtml", "charts.xhtml", "names.xhtml"} {
			if !strings.Contains(nav[at:], want) {
				t.Errorf("%s: the nav lacks %s after the plan's parts", e.File(), want)
			}
		}
	}
}

// TestLanguages: every text is inside an element marked with its language:
// no Chinese in an English element, and in the side-by-side edition each
// half in its own.
func TestLanguages(t *testing.T) {
	in := testInput(t)
	for _, e := range Editions {
		rb := read(t, mustBuild(t, in, e))
		for _, f := range rb.spine {
			if err := checkLangs(rb.files[f]); err != nil {
				t.Errorf("%s: %s: %v", e.File(), f, err)
			}
			if e.Bilingual() {
				s := string(rb.files[f])
				if n, zh, en := strings.Count(s, `class="half"`), strings.Count(s, `class="half" lang="zh-CN"`), strings.Count(s, `class="half" lang="en"`); n != zh+en || zh != en {
					t.Errorf("%s: %s: %d halves, %d Chinese and %d English", e.File(), f, n, zh, en)
				}
			}
		}
		opf := string(rb.files["OEBPS/package.opf"])
		for _, l := range e.Langs {
			if !strings.Contains(opf, "<dc:language>"+l.Locale()+"</dc:language>") {
				t.Errorf("%s: no dc:language %s", e.File(), l.Locale())
			}
		}
	}
}

// checkLangs walks a document with the language each element inherits and
// fails on Han text in an English element and on lang and xml:lang that
// disagree.
func checkLangs(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	stack := []string{""}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			l := stack[len(stack)-1]
			var plain, x string
			for _, a := range tk.Attr {
				switch {
				case a.Name.Local == "lang" && a.Name.Space == "":
					plain = a.Value
				case a.Name.Local == "lang":
					x = a.Value
				}
			}
			if plain != x {
				return fmt.Errorf("<%s> has lang=%q and xml:lang=%q", tk.Name.Local, plain, x)
			}
			if plain != "" {
				l = plain
			}
			stack = append(stack, l)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if stack[len(stack)-1] == "en" && strings.ContainsFunc(string(tk), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				return fmt.Errorf("Chinese in an English element: %.40q", string(tk))
			}
		}
	}
}

// TestMetadata: the package names the edition, the plan as its source,
// the edition as publisher, its date, and says it is unofficial.
func TestMetadata(t *testing.T) {
	in := testInput(t)
	d := in.Plan.Document
	for _, e := range Editions {
		opf := string(read(t, mustBuild(t, in, e)).files["OEBPS/package.opf"])
		for _, want := range []string{
			`<dc:source xml:lang="zh-CN">` + d.Title.ZH + "（" + d.Notice.Number.ZH + "）</dc:source>",
			`<meta property="dcterms:modified">2026-12-08T00:00:00Z</meta>`,
			"<dc:publisher",
			`unique-identifier="pub-id"`,
		} {
			if !strings.Contains(opf, want) {
				t.Errorf("%s: the package lacks %s", e.File(), want)
			}
		}
		title := regexp.MustCompile(`<dc:title[^>]*>([^<]*)</dc:title>`).FindStringSubmatch(opf)
		if title == nil || !strings.Contains(title[1], d.Title.In(e.Langs[0])) {
			t.Errorf("%s: dc:title %q does not name the plan", e.File(), title)
		}
		desc := regexp.MustCompile(`<dc:description[^>]*>([^<]*)</dc:description>`).FindStringSubmatch(opf)
		if desc == nil || !(strings.Contains(desc[1], "非官方") || strings.Contains(desc[1], "unofficial")) {
			t.Errorf("%s: dc:description %q does not say the edition is unofficial", e.File(), desc)
		}
	}
}

// TestFallback: a chart given with its PNG names it as the drawing's
// manifest fallback, and the PNG is in the container.
func TestFallback(t *testing.T) {
	in := testInput(t)
	in.Charts[0].PNG = []byte("\x89PNG\r\n\x1a\n")
	rb := read(t, mustBuild(t, in, Editions[0]))
	c := in.Charts[0]
	id := "img-" + string(c.Lang) + "-" + c.ID
	opf := string(rb.files["OEBPS/package.opf"])
	if !strings.Contains(opf, `id="`+id+`" href="images/zh/`+c.ID+`.svg" media-type="image/svg+xml" fallback="`+id+`-png"`) ||
		!strings.Contains(opf, `id="`+id+`-png" href="images/zh/`+c.ID+`.png" media-type="image/png"`) {
		t.Errorf("the package does not name %s's PNG as its fallback:\n%s", c.ID, opf)
	}
	if _, ok := rb.files["OEBPS/images/zh/"+c.ID+".png"]; !ok {
		t.Error("the PNG is not in the container")
	}
}
