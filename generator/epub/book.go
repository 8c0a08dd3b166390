package epub

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hunan-industry/plan-site/generator/cards"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// book is one edition being written: its content documents in reading
// order and the navigation over them.
type book struct {
	in   Input
	ed   Edition
	p    *plan.Plan
	lead plan.Lang // the language of the package and the interface
	docs []*doc
	nav  []*navPoint
	// where is the document that holds each block of the full text and
	// each row of attachment 2, by id, for the names index's links.
	where  map[string]string
	images []image
}

// doc is one XHTML content document.
type doc struct {
	file  string
	title said
	body  strings.Builder
}

// navPoint is one entry of the table of contents.
type navPoint struct {
	label said
	href  string
	kids  []*navPoint
}

// image is a chart drawing the package carries.
type image struct {
	file, id string
	svg, png []byte
}

// phrase is a text in one language; said is a text as the edition says
// it, in each of its languages.
type phrase struct {
	lang plan.Lang
	text string
}

type said []phrase

// plain is the text without markup, the languages joined (a <title>, the
// NCX's labels).
func (s said) plain() string {
	var out []string
	for _, ph := range s {
		out = append(out, strings.ReplaceAll(ph.text, "\n", ""))
	}
	return strings.Join(out, " / ")
}

// say is a text of the plan in the edition's languages.
func (b *book) say(t plan.Text) said {
	var s said
	for _, l := range b.ed.Langs {
		s = append(s, phrase{l, t.In(l)})
	}
	return s
}

// sayf formats interface words (uitext) with arguments given per
// language.
func (b *book) sayf(words plan.Text, args func(l plan.Lang) []any) said {
	var s said
	for _, l := range b.ed.Langs {
		s = append(s, phrase{l, fmt.Sprintf(words.In(l), args(l)...)})
	}
	return s
}

func newBook(in Input, e Edition) (*book, error) {
	b := &book{in: in, ed: e, p: in.Plan, lead: e.Langs[0], where: map[string]string{}}
	if err := b.titlePage(); err != nil {
		return nil, err
	}
	b.fullText()
	b.layoutTable()
	b.keyPoints()
	b.charts()
	b.notes()
	b.names()
	if err := b.about(); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *book) newDoc(file string, title said) *doc {
	d := &doc{file: file, title: title}
	b.docs = append(b.docs, d)
	return d
}

func (b *book) addNav(label said, href string) *navPoint {
	n := &navPoint{label: label, href: href}
	b.nav = append(b.nav, n)
	return n
}

// langAttr marks an element as being in a language (XHTML wants both
// attributes).
func langAttr(l plan.Lang) string {
	return fmt.Sprintf(` lang="%s" xml:lang="%s"`, l.Locale(), l.Locale())
}

// hanRun is a run of Chinese in an English text (the plan's terms quoted
// in brackets, names), as the site's english.html partial finds it.
var hanRun = regexp.MustCompile(`(\p{Han}(?:[\p{Han}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}\x{2018}-\x{201D}·0-9]*\p{Han})?)`)

// text is a text in a language as XHTML: escaped, its lines broken, and
// in English each run of Chinese marked as Chinese.
func text(l plan.Lang, s string) string {
	s = escape(s)
	if l == plan.EN {
		s = hanRun.ReplaceAllString(s, `<span`+langAttr(plan.ZH)+`>$1</span>`)
	}
	return strings.ReplaceAll(s, "\n", "<br/>")
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escape(s string) string { return escaper.Replace(s) }

// inline writes a said as running text in an element of the lead
// language: each language other than the lead's in a span marked with it.
func (b *book) inline(s said) string {
	var parts []string
	for _, ph := range s {
		if ph.lang == b.lead && len(s) == 1 {
			parts = append(parts, text(ph.lang, ph.text))
			continue
		}
		parts = append(parts, "<span"+langAttr(ph.lang)+">"+text(ph.lang, ph.text)+"</span>")
	}
	return strings.Join(parts, " ")
}

// element writes <tag attrs>said</tag>: in one language as it is; side by
// side, one such element per language in a pair.
func (b *book) element(tag, id, class string, s said) string {
	attrs := ""
	if class != "" {
		attrs += ` class="` + class + `"`
	}
	if len(s) == 1 {
		if id != "" {
			attrs = ` id="` + id + `"` + attrs
		}
		return fmt.Sprintf("<%s%s>%s</%s>\n", tag, attrs, text(s[0].lang, s[0].text), tag)
	}
	var halves []string
	for _, ph := range s {
		halves = append(halves, fmt.Sprintf("<%s%s>%s</%s>", tag, attrs, text(ph.lang, ph.text), tag))
	}
	return b.pair(id, halves)
}

// pair sets one XHTML fragment per language side by side (stacked on a
// narrow screen), each half marked with its language.
func (b *book) pair(id string, halves []string) string {
	var sb strings.Builder
	sb.WriteString(`<div class="pair"`)
	if id != "" {
		sb.WriteString(` id="` + id + `"`)
	}
	sb.WriteString(">")
	for i, h := range halves {
		fmt.Fprintf(&sb, `<div class="half"%s>%s</div>`, langAttr(b.ed.Langs[i]), h)
	}
	sb.WriteString("</div>\n")
	return sb.String()
}

// each writes a fragment per language: on its own in one language, as a
// pair side by side.
func (b *book) each(id string, f func(l plan.Lang) string) string {
	if !b.ed.Bilingual() {
		out := f(b.lead)
		if id != "" {
			out = `<div id="` + id + `">` + out + "</div>"
		}
		return out + "\n"
	}
	var halves []string
	for _, l := range b.ed.Langs {
		halves = append(halves, f(l))
	}
	return b.pair(id, halves)
}

func (b *book) titlePage() error {
	d := b.p.Document
	date := map[plan.Lang]string{}
	for _, l := range b.ed.Langs {
		t, err := cards.DateText(l, b.in.Date)
		if err != nil {
			return fmt.Errorf("the edition's date: %w", err)
		}
		date[l] = t
	}
	doc := b.newDoc("title.xhtml", b.say(uitext.Text("go_epub_titlePage")))
	b.addNav(b.say(uitext.Text("go_epub_titlePage")), doc.file)
	doc.body.WriteString(`<section class="titlepage">` + "\n")
	doc.body.WriteString(b.each("", func(l plan.Lang) string {
		return fmt.Sprintf(`<h1>%s</h1><p class="issuer">%s<br/>%s</p><p class="edition">%s</p><p class="edition">%s</p>`,
			text(l, d.Title.In(l)), text(l, d.Notice.Issuer.In(l)), text(l, d.Notice.Number.In(l)),
			text(l, uitext.In(l, "siteName")), text(l, fmt.Sprintf(uitext.In(l, "go_epub_date"), date[l])))
	}))
	doc.body.WriteString("</section>\n")
	return nil
}

// fullText writes the plan in print order: the notice, the plan's title
// and preamble, then one document per part, each with its sections in the
// navigation.
func (b *book) fullText() {
	var cur *doc
	var part *navPoint
	for _, bl := range b.p.FullText() {
		s := b.say(bl.Text)
		switch {
		case bl.ID == "notice" || bl.Kind == plan.Title || bl.Kind == plan.Part:
			title := s
			if bl.ID == "notice" {
				title = b.say(b.p.Document.Notice.Title)
			}
			cur = b.newDoc(bl.ID+".xhtml", title)
			n := b.addNav(title, cur.file)
			part = nil
			if bl.Kind == plan.Part {
				part = n
			}
		case bl.Kind == plan.Section && part != nil:
			part.kids = append(part.kids, &navPoint{label: s, href: cur.file + "#" + bl.ID})
		}
		b.where[bl.ID] = cur.file
		cur.body.WriteString(b.element(blockTag[bl.Kind], bl.ID, blockClass[bl.Kind], s))
	}
}

var blockTag = map[plan.BlockKind]string{
	plan.Masthead: "p", plan.Paragraph: "p", plan.Part: "h2", plan.Section: "h3",
	plan.NumberedItem: "p", plan.Units: "p", plan.Title: "h1",
}

var blockClass = map[plan.BlockKind]string{
	plan.Masthead: "masthead", plan.NumberedItem: "item", plan.Units: "units", plan.Title: "plan-title",
}

// layoutTable writes attachment 1 as the table it is: industries by
// cities, ★★★ core and ★★ key.
func (b *book) layoutTable() {
	a := b.p.Document.Attachments.Layout
	doc := b.newDoc("layout.xhtml", b.say(a.Title))
	b.addNav(b.say(a.Title), doc.file)
	doc.body.WriteString(b.element("h2", "attachment-layout", "", b.say(a.Title)))
	// Side by side, the two tables stack even on a wide screen: each is
	// 17 columns wide.
	doc.body.WriteString(`<div class="stacked">`)
	defer doc.body.WriteString("</div>\n")
	doc.body.WriteString(b.each("", func(l plan.Lang) string {
		var t strings.Builder
		t.WriteString(`<div class="wide"><table class="matrix"><thead><tr>`)
		fmt.Fprintf(&t, `<th scope="col" rowspan="2">%s</th><th scope="col" rowspan="2">%s</th>`, text(l, a.TierHeader.In(l)), text(l, a.IndustryHead.In(l)))
		for _, g := range b.p.Document.General.Regions.Groups {
			n := 0
			for _, c := range b.p.Cities {
				if c.Group == g {
					n++
				}
			}
			fmt.Fprintf(&t, `<th scope="colgroup" colspan="%d">%s</th>`, n, text(l, g.Short.In(l)))
		}
		fmt.Fprintf(&t, `<th scope="col" rowspan="2">%s</th></tr><tr>`, text(l, a.CountHeader.In(l)))
		for _, c := range b.p.Cities {
			name := c.Name.ZH // as the attachment prints it; in English the short names keep 14 columns readable
			if l == plan.EN {
				name = c.Short.EN
			}
			fmt.Fprintf(&t, `<th scope="col">%s</th>`, text(l, name))
		}
		t.WriteString("</tr></thead><tbody>")
		for _, tier := range b.p.Document.Tiers {
			inds := b.p.TierIndustries(tier)
			for i, ind := range inds {
				t.WriteString("<tr>")
				if i == 0 {
					fmt.Fprintf(&t, `<th scope="rowgroup" rowspan="%d">%s</th>`, len(inds), text(l, plan.LayoutTierCell(tier).In(l)))
				}
				fmt.Fprintf(&t, `<th scope="row">%s</th>`, text(l, plan.LayoutIndustryCell(ind).In(l)))
				for _, c := range b.p.Cities {
					stars := ""
					if lvl, ok := ind.Rating(c.Code.Value); ok {
						stars = lvl.Stars()
					}
					fmt.Fprintf(&t, `<td>%s</td>`, stars)
				}
				fmt.Fprintf(&t, `<td>%d</td></tr>`, ind.StatedCount())
			}
		}
		fmt.Fprintf(&t, `</tbody><tfoot><tr><th scope="row" colspan="2">%s</th>`, text(l, a.TotalLabel.In(l)))
		for _, c := range b.p.Cities {
			fmt.Fprintf(&t, "<td>%d</td>", b.p.Layout.CityCounts[c.Code.Value].N)
		}
		fmt.Fprintf(&t, "<td></td></tr></tfoot></table></div><p>%s</p>", text(l, a.Note.In(l)))
		return t.String()
	}))
}

// keyPoints writes attachment 2, one industry's row at a time as a table
// of its columns (six columns of long cells do not fit a phone).
func (b *book) keyPoints() {
	a := b.p.Document.Attachments.Attachment2
	title := b.say(plan.Text{ZH: a.Label.ZH + " " + a.Title.ZH, EN: a.Label.EN + " " + a.Title.EN})
	doc := b.newDoc("key-points.xhtml", title)
	n := b.addNav(title, doc.file)
	doc.body.WriteString(b.each("attachment-key-points", func(l plan.Lang) string {
		return fmt.Sprintf("<h2>%s<br/>%s</h2>", text(l, a.Label.In(l)), text(l, a.Title.In(l)))
	}))
	for _, ind := range b.p.Industries {
		id := "kp-" + strings.ToLower(ind.Code.Value)
		b.where[id] = doc.file
		n.kids = append(n.kids, &navPoint{label: b.say(plan.LayoutIndustryCell(ind)), href: doc.file + "#" + id})
		kp := ind.KeyPoints
		doc.body.WriteString(b.each(id, func(l plan.Lang) string {
			var t strings.Builder
			fmt.Fprintf(&t, `<h3>%s <small>%s</small></h3><table class="kp"><tbody>`, text(l, ind.Name.In(l)), text(l, ind.Tier.Name.In(l)))
			cells := []string{kp.Goal.In(l), kp.Products.In(l), kp.Technologies.In(l), kp.Enterprises.In(l), b.attachmentCities(ind, l)}
			for i, c := range cells {
				fmt.Fprintf(&t, `<tr><th scope="row">%s</th><td>%s</td></tr>`, text(l, a.Columns[i+1].In(l)), text(l, c))
			}
			t.WriteString("</tbody></table>")
			return t.String()
		}))
	}
}

// attachmentCities is attachment 2's city cell: as printed in Chinese, in
// English from the cities' names (as the site's full text has it).
func (b *book) attachmentCities(ind *plan.Industry, l plan.Lang) string {
	cell := ind.KeyPoints.Cities.Value
	if l == plan.ZH {
		return strings.Join(strings.Fields(cell), "")
	}
	named, _ := plan.ParseCityCell(cell, b.p.Cities)
	if len(named) == len(b.p.Cities) {
		return fmt.Sprintf(uitext.In(l, "go_page_allCities"), len(named))
	}
	var names []string
	for _, c := range named {
		names = append(names, c.Name.EN)
	}
	return strings.Join(names, uitext.In(l, "listSeparator"))
}

// charts writes the carried charts, each its drawing and its data table.
func (b *book) charts() {
	byLang := map[plan.Lang][]Chart{}
	for _, c := range b.in.Charts {
		byLang[c.Lang] = append(byLang[c.Lang], c)
	}
	lead := byLang[b.lead]
	if len(lead) == 0 {
		return
	}
	doc := b.newDoc("charts.xhtml", b.say(uitext.Text("go_page_charts")))
	n := b.addNav(b.say(uitext.Text("go_page_charts")), doc.file)
	doc.body.WriteString(b.element("h2", "charts", "", b.say(uitext.Text("go_page_charts"))))
	doc.body.WriteString(b.element("p", "", "", b.say(uitext.Text("go_epub_chartsIntro"))))
	for i, c := range lead {
		id := "chart-" + c.ID
		var s said
		for _, l := range b.ed.Langs {
			s = append(s, phrase{l, byLang[l][i].Title})
		}
		n.kids = append(n.kids, &navPoint{label: s, href: doc.file + "#" + id})
		doc.body.WriteString(b.each(id, func(l plan.Lang) string {
			ch := byLang[l][i]
			img := b.addImage(ch)
			var t strings.Builder
			fmt.Fprintf(&t, `<h3>%s</h3><figure><img src="%s" alt="%s"/><figcaption>%s</figcaption></figure>`,
				text(l, ch.Title), img, escape(ch.Summary), text(l, ch.Summary))
			fmt.Fprintf(&t, `<div class="wide"><table class="data"><caption>%s</caption><thead><tr>`, text(l, uitext.In(l, "go_epub_chartData")))
			for _, h := range ch.Table.Header {
				fmt.Fprintf(&t, `<th scope="col">%s</th>`, text(l, h))
			}
			t.WriteString("</tr></thead><tbody>")
			for _, row := range ch.Table.Rows {
				t.WriteString("<tr>")
				for j, cell := range row {
					if j == 0 {
						fmt.Fprintf(&t, `<th scope="row">%s</th>`, text(l, cell))
					} else {
						fmt.Fprintf(&t, "<td>%s</td>", text(l, cell))
					}
				}
				t.WriteString("</tr>")
			}
			t.WriteString("</tbody></table></div>")
			return t.String()
		}))
	}
}

func (b *book) addImage(c Chart) string {
	file := "images/" + string(c.Lang) + "/" + c.ID + ".svg"
	b.images = append(b.images, image{file: file, id: "img-" + string(c.Lang) + "-" + c.ID, svg: svg11(c.SVG), png: c.PNG})
	return file
}

// paintOrder is SVG 2's paint-order attribute, which the renderer sets on
// the map labels' halos; dataAttr is a data-* attribute (the site's
// layout marks).
var (
	paintOrder = regexp.MustCompile(` paint-order="([a-z ]+)"`)
	dataAttr   = regexp.MustCompile(` data-[a-z-]+="[^"]*"`)
)

// svg11 makes a drawing valid SVG 1.1, which is what EPUB 3 takes: SVG 2's
// paint-order attribute becomes the same property in a style attribute
// (the renderer writes no other), which readers that know it apply alike,
// and the site's data-* attributes go.
func svg11(svg []byte) []byte {
	svg = dataAttr.ReplaceAll(svg, nil)
	return paintOrder.ReplaceAll(svg, []byte(` style="paint-order:$1"`))
}

// notes writes the edition's notes on the plan: where the plan text and
// attachment 2 say an industry's goal differently (the data's notes).
func (b *book) notes() {
	var with []*plan.Industry
	for _, ind := range b.p.Industries {
		if len(ind.Notes) > 0 {
			with = append(with, ind)
		}
	}
	if len(with) == 0 {
		return
	}
	doc := b.newDoc("notes.xhtml", b.say(uitext.Text("go_epub_notes")))
	b.addNav(b.say(uitext.Text("go_epub_notes")), doc.file)
	doc.body.WriteString(b.element("h2", "notes", "", b.say(uitext.Text("go_epub_notes"))))
	doc.body.WriteString(b.element("p", "", "", b.say(uitext.Text("go_epub_notesIntro"))))
	doc.body.WriteString(b.element("h3", "", "", b.say(uitext.Text("differencesHeading"))))
	for _, ind := range with {
		doc.body.WriteString(b.each("note-"+ind.Slug.Value, func(l plan.Lang) string {
			var t strings.Builder
			fmt.Fprintf(&t, `<h4><a href="%s#%s">%s</a></h4><ul>`, b.where[ind.Slug.Value], ind.Slug.Value, text(l, plan.LayoutIndustryCell(ind).In(l)))
			for _, n := range ind.Notes {
				field := "kp_" + n.Field.Value // the site's name of the column
				fmt.Fprintf(&t, `<li><b>%s</b>%s%s</li>`, text(l, uitext.In(l, field)), text(l, uitext.In(l, "labelColon")), text(l, n.Text.In(l)))
			}
			t.WriteString("</ul>")
			return t.String()
		}))
	}
}

// names writes the index of names: each glossary entry in both languages,
// the basis of its English, its note, and links to the parts of the plan
// that name it.
func (b *book) names() {
	g := b.p.Names()
	mentions := b.p.NameMentions()
	heading := map[string]said{} // a block's part or section
	industry := map[string]*plan.Industry{}
	for _, ind := range b.p.Industries {
		industry[ind.Slug.Value] = ind
	}
	var cur said
	for _, bl := range b.p.FullText() {
		if bl.Kind == plan.Part || bl.Kind == plan.Section {
			cur = b.say(bl.Text)
			if ind := industry[bl.ID]; ind != nil { // A1：现代石化, not （一）现代石化, which each part numbers anew
				cur = b.say(plan.LayoutIndustryCell(ind))
			}
		}
		heading[bl.ID] = cur
	}
	var kinds []string
	byKind := map[string][]*plan.Term{}
	for _, t := range g.Entries(b.p) {
		k := t.Kind.Value
		if byKind[k] == nil {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], t)
	}
	title := b.say(uitext.Text("go_page_names"))
	doc := b.newDoc("names.xhtml", title)
	n := b.addNav(title, doc.file)
	doc.body.WriteString(b.element("h2", "names", "", title))
	doc.body.WriteString(b.element("p", "", "", b.say(uitext.Text("namesBasisNote"))))
	zh, en := langAttr(plan.ZH), langAttr(plan.EN)
	for _, k := range kinds {
		kindKey := "nameKind_" + k // the site's words for the kind
		ks := b.say(uitext.Text(kindKey))
		n.kids = append(n.kids, &navPoint{label: ks, href: doc.file + "#kind-" + k})
		doc.body.WriteString(b.element("h3", "kind-"+k, "", ks))
		doc.body.WriteString(`<ul class="names">` + "\n")
		for _, t := range byKind[k] {
			var li strings.Builder
			if b.lead == plan.EN {
				fmt.Fprintf(&li, "<li><b%s>%s</b> <span%s>%s</span>", en, escape(t.EN), zh, escape(t.ZH.Value))
			} else {
				fmt.Fprintf(&li, "<li><b%s>%s</b> <span%s>%s</span>", zh, escape(t.ZH.Value), en, escape(t.EN))
			}
			basisKey := "nameBasis_" + t.Basis.Value
			fmt.Fprintf(&li, ` <small>%s</small>`, b.inline(b.say(uitext.Text(basisKey))))
			if t.Note != "" && (b.lead == plan.EN || b.ed.Bilingual()) { // the notes are written in English
				fmt.Fprintf(&li, `<br/><small%s>%s</small>`, en, text(plan.EN, t.Note))
			}
			var where []string
			var last string
			if m := mentions[t]; m != nil {
				for _, id := range m.Blocks {
					h := heading[id]
					if h == nil || h.plain() == last {
						continue
					}
					last = h.plain()
					where = append(where, fmt.Sprintf(`<a href="%s#%s">%s</a>`, b.where[id], id, b.inline(h)))
				}
				for _, ind := range m.KeyPoints {
					id := "kp-" + strings.ToLower(ind.Code.Value)
					where = append(where, fmt.Sprintf(`<a href="%s#%s">%s</a>`, b.where[id], id, b.inline(b.say(plan.Text{
						ZH: b.p.Document.Attachments.Attachment2.Label.ZH + " " + ind.Code.Value,
						EN: b.p.Document.Attachments.Attachment2.Label.EN + " " + ind.Code.Value}))))
				}
			}
			if len(where) > 0 {
				li.WriteString(`<br/><span class="where">` + strings.Join(where, " · ") + "</span>")
			}
			li.WriteString("</li>\n")
			doc.body.WriteString(li.String())
		}
		doc.body.WriteString("</ul>\n")
	}
}

// about says what the edition is: independent and unofficial, its source,
// its date and where it is online.
func (b *book) about() error {
	d := b.p.Document
	doc := b.newDoc("about.xhtml", b.say(uitext.Text("go_epub_about")))
	b.addNav(b.say(uitext.Text("go_epub_about")), doc.file)
	doc.body.WriteString(b.element("h2", "about", "", b.say(uitext.Text("go_epub_about"))))
	doc.body.WriteString(b.element("p", "", "", b.say(uitext.Text("go_epub_independence"))))
	if b.lead == plan.EN || b.ed.Bilingual() {
		doc.body.WriteString(b.element("p", "", "", b.say(uitext.Text("unofficialTranslation"))))
	}
	if b.ed.Bilingual() {
		doc.body.WriteString(b.element("p", "", "", b.say(uitext.Text("go_epub_bilingualNote"))))
	}
	doc.body.WriteString(b.element("p", "", "", b.sayf(uitext.Text("go_epub_source"), func(l plan.Lang) []any {
		return []any{d.Notice.Issuer.In(l), d.Title.In(l), d.Notice.Number.In(l)}
	})))
	var err error
	doc.body.WriteString(b.element("p", "", "", b.sayf(uitext.Text("go_epub_date"), func(l plan.Lang) []any {
		t, e := cards.DateText(l, b.in.Date)
		if e != nil {
			err = e
		}
		return []any{t}
	})))
	if b.in.SiteURL != "" {
		doc.body.WriteString(b.each("", func(l plan.Lang) string {
			u := strings.TrimSuffix(b.in.SiteURL, "/") + l.Prefix() + "/"
			return fmt.Sprintf(`<p>%s<a href="%s">%s</a></p>`, text(l, uitext.In(l, "go_epub_online")), escape(u), escape(u))
		}))
	}
	return err
}
