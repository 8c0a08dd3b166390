package epub

import (
	"fmt"
	"strings"
	"time"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// files are the container's files after the mimetype: the container
// record, the package document, the navigation (EPUB 3's nav and, for
// EPUB 2 reading systems, the NCX), the stylesheet, the content documents
// and the drawings.
func (b *book) files(day time.Time) ([]entry, error) {
	const dir = "OEBPS/"
	out := []entry{{"META-INF/container.xml", []byte(containerXML)}}
	out = append(out, entry{dir + "package.opf", []byte(b.opf(day))})
	out = append(out, entry{dir + "nav.xhtml", []byte(b.navDoc())})
	out = append(out, entry{dir + "toc.ncx", []byte(b.ncx())})
	out = append(out, entry{dir + "style.css", []byte(stylesheet)})
	for _, d := range b.docs {
		out = append(out, entry{dir + d.file, []byte(b.xhtml(d.title, d.body.String()))})
	}
	for _, im := range b.images {
		if len(im.svg) == 0 {
			return nil, fmt.Errorf("chart %s: no drawing", im.file)
		}
		out = append(out, entry{dir + im.file, im.svg})
		if im.png != nil {
			out = append(out, entry{dir + strings.TrimSuffix(im.file, ".svg") + ".png", im.png})
		}
	}
	return out, nil
}

// xhtml is a content document: the lead language on the root, the
// stylesheet, the title in plain text.
func (b *book) xhtml(title said, body string) string {
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"%s>
<head>
<meta charset="UTF-8"/>
<title>%s</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
%s</body>
</html>
`, langAttr(b.lead), escape(title.plain()), body)
}

func (b *book) title() said {
	words := uitext.Text("go_epub_title")
	if b.ed.Bilingual() {
		words = uitext.Text("go_epub_titleBilingual")
	}
	t := b.p.Document.Title
	return b.sayf(words, func(l plan.Lang) []any { return []any{t.In(l)} })
}

func (b *book) opf(day time.Time) string {
	d := b.p.Document
	var m strings.Builder
	fmt.Fprintf(&m, `<dc:identifier id="pub-id">%s</dc:identifier>`+"\n", identifier(b.p, b.ed))
	for i, ph := range b.title() {
		fmt.Fprintf(&m, `<dc:title id="title-%d" xml:lang="%s">%s</dc:title>`+"\n", i+1, ph.lang.Locale(), escape(ph.text))
	}
	for _, l := range b.ed.Langs {
		fmt.Fprintf(&m, "<dc:language>%s</dc:language>\n", l.Locale())
	}
	// The source is the Chinese document as issued, whatever the edition's language.
	fmt.Fprintf(&m, `<dc:source xml:lang="%s">%s（%s）</dc:source>`+"\n", plan.ZH.Locale(), escape(d.Title.ZH), escape(d.Notice.Number.ZH))
	for _, ph := range b.say(uitext.Text("siteName")) {
		fmt.Fprintf(&m, `<dc:publisher xml:lang="%s">%s</dc:publisher>`+"\n", ph.lang.Locale(), escape(ph.text))
	}
	for _, ph := range b.sayf(uitext.Text("go_epub_description"), func(l plan.Lang) []any { return []any{d.Title.In(l), d.Notice.Number.In(l)} }) {
		fmt.Fprintf(&m, `<dc:description xml:lang="%s">%s</dc:description>`+"\n", ph.lang.Locale(), escape(ph.text))
	}
	fmt.Fprintf(&m, "<dc:date>%s</dc:date>\n", day.Format("2006-01-02"))
	fmt.Fprintf(&m, `<meta property="dcterms:modified">%s</meta>`+"\n", day.UTC().Format("2006-01-02T15:04:05Z"))

	var items, spine strings.Builder
	item := func(id, href, mediaType, extra string) {
		fmt.Fprintf(&items, `<item id="%s" href="%s" media-type="%s"%s/>`+"\n", id, href, mediaType, extra)
	}
	item("nav", "nav.xhtml", "application/xhtml+xml", ` properties="nav"`)
	item("ncx", "toc.ncx", "application/x-dtbncx+xml", "")
	item("css", "style.css", "text/css", "")
	for i, d := range b.docs {
		id := docID(d)
		item(id, d.file, "application/xhtml+xml", "")
		fmt.Fprintf(&spine, `<itemref idref="%s"/>`+"\n", id)
		if i == 0 { // the contents after the title page
			spine.WriteString(`<itemref idref="nav"/>` + "\n")
		}
	}
	for _, im := range b.images {
		extra := ""
		if im.png != nil {
			extra = ` fallback="` + im.id + `-png"`
		}
		item(im.id, im.file, "image/svg+xml", extra)
		if im.png != nil {
			item(im.id+"-png", strings.TrimSuffix(im.file, ".svg")+".png", "image/png", "")
		}
	}
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="%s">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
%s</metadata>
<manifest>
%s</manifest>
<spine toc="ncx">
%s</spine>
</package>
`, b.lead.Locale(), m.String(), items.String(), spine.String())
}

// docID is a content document's manifest id: its file's name, which the
// plan's anchors make an XML name.
func docID(d *doc) string { return "x-" + strings.TrimSuffix(d.file, ".xhtml") }

// navDoc is the EPUB 3 navigation document: the table of contents as the
// plan is built (parts, sections, attachments), then the edition's own
// chapters.
func (b *book) navDoc() string {
	var sb strings.Builder
	var list func(ps []*navPoint)
	list = func(ps []*navPoint) {
		sb.WriteString("<ol>\n")
		for _, p := range ps {
			fmt.Fprintf(&sb, `<li><a href="%s">%s</a>`, p.href, b.inline(oneLine(p.label)))
			if len(p.kids) > 0 {
				list(p.kids)
			}
			sb.WriteString("</li>\n")
		}
		sb.WriteString("</ol>\n")
	}
	list(b.nav)
	contents := b.say(uitext.Text("contents"))
	body := fmt.Sprintf(`<nav epub:type="toc" id="toc">
<h1>%s</h1>
%s</nav>
`, b.inline(contents), sb.String())
	return b.xhtml(contents, body)
}

// oneLine joins a label's printed lines (the notice's title is set in two).
func oneLine(s said) said {
	out := make(said, len(s))
	for i, ph := range s {
		out[i] = phrase{ph.lang, strings.ReplaceAll(ph.text, "\n", "")}
	}
	return out
}

// ncx is the EPUB 2 table of contents, the same entries as the nav.
func (b *book) ncx() string {
	var sb strings.Builder
	order, depth := 0, 0
	var points func(ps []*navPoint, level int)
	points = func(ps []*navPoint, level int) {
		depth = max(depth, level)
		for _, p := range ps {
			order++
			fmt.Fprintf(&sb, `<navPoint id="np-%d" playOrder="%d"><navLabel><text>%s</text></navLabel><content src="%s"/>`+"\n",
				order, order, escape(p.label.plain()), p.href)
			points(p.kids, level+1)
			sb.WriteString("</navPoint>\n")
		}
	}
	points(b.nav, 1)
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="%s">
<head>
<meta name="dtb:uid" content="%s"/>
<meta name="dtb:depth" content="%d"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>%s</text></docTitle>
<navMap>
%s</navMap>
</ncx>
`, b.lead.Locale(), identifier(b.p, b.ed), depth, escape(b.title().plain()), sb.String())
}

// stylesheet is the e-books' one stylesheet: the reading system's fonts
// (no CJK font is embedded: it would weigh more than the book), the
// plan's parts and items set as the site sets them, contents without a
// second numbering over the plan's own, tables that scroll
// sideways rather than overflow, and the pairs of the side-by-side
// edition in two columns where the screen is wide enough.
const stylesheet = `body { margin: 0 3%; line-height: 1.7; }
h1, h2, h3, h4 { line-height: 1.35; }
h1 { font-size: 1.4em; text-align: center; margin: 1em 0; }
h2 { font-size: 1.2em; margin: 1.5em 0 .6em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
h4 { font-size: 1em; margin: 1em 0 .3em; }
p { margin: 0 0 .7em; }
.masthead { text-align: center; }
.units { text-align: right; }
.titlepage { text-align: center; margin-top: 3em; }
.titlepage .edition { font-size: .9em; }
a { color: #1a5fb4; }
small { font-size: .85em; }
.wide { overflow-x: auto; margin: 0 0 1em; }
table { border-collapse: collapse; font-size: .85em; line-height: 1.4; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid #999; padding: .25em .4em; vertical-align: top; text-align: left; }
thead th { background: #eef1f4; }
.matrix td { text-align: center; white-space: nowrap; }
.kp { width: 100%; margin: 0 0 1em; }
.kp th { width: 6.5em; }
figure { margin: 1em 0; }
img { max-width: 100%; height: auto; }
figcaption { font-size: .9em; margin-top: .3em; }
#toc ol { list-style-type: none; padding-left: 1.2em; }
#toc > ol { padding-left: 0; }
.names { padding-left: 1.2em; }
.names li { margin: 0 0 .6em; }
.where { font-size: .85em; }
.pair { margin: 0 0 .7em; }
.pair > .half > :last-child { margin-bottom: 0; }
.pair > .half + .half { margin-top: .4em; border-left: 3px solid #d0d7de; padding-left: .6em; }
@media (min-width: 40em) {
  .pair { display: table; width: 100%; table-layout: fixed; }
  .pair > .half { display: table-cell; width: 50%; padding-right: 1em; }
  .pair > .half + .half { margin-top: 0; padding-right: 0; }
  .stacked > .pair, .stacked > .pair > .half { display: block; width: auto; }
  .stacked > .pair > .half + .half { margin-top: .4em; }
}
`
