package plan

import (
	"fmt"
	"strings"
)

// BlockKind says how a block of the full text is printed.
type BlockKind int

const (
	Masthead     BlockKind = iota // the notice's issuer, title, number
	Paragraph                     // running text
	Part                          // 一、总体要求
	Section                       // （一）工作原则
	NumberedItem                  // 1.石油化工。…
	Units                         // （责任单位：…）
	Title                         // the plan's own title
)

// Block is one printed paragraph of the document, with a stable anchor so
// that a reader can link to it.
type Block struct {
	ID   string
	Kind BlockKind
	Text Text
	// File and Field say where the data holds the block (the file relative
	// to the data folder), so that a block that does not reproduce the
	// source can be pointed at.
	File, Field string
}

var (
	zhNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	romans     = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
)

// PartHeading prints 二、改造提升传统产业 / II. Upgrading … for part n (0-based).
func PartHeading(n int, h Text) Text {
	return Text{ZH: zhNumerals[n] + "、" + h.ZH, EN: romans[n] + ". " + h.EN}
}

// SectionHeading prints （一）现代石化 / (1) Modern petrochemicals.
func SectionHeading(n int, h Text) Text {
	return Text{ZH: "（" + zhNumerals[n] + "）" + h.ZH, EN: fmt.Sprintf("(%d) %s", n+1, h.EN)}
}

// TierPart is the part number of a tier: 传统产业 is part 二.
func TierPart(i int) int { return i + 1 }

// FullText is the document in print order, from the notice to the list of
// attachments; the tables follow in their own form.
func (p *Plan) FullText() []Block {
	d := &p.Document
	n := d.Notice
	var blocks []Block
	add := func(id string, k BlockKind, t Text, file, field string) {
		blocks = append(blocks, Block{id, k, t, file, field})
	}
	doc := func(id string, k BlockKind, t Text, field string) { add(id, k, t, "plan.yaml", field) }
	doc("notice", Masthead, n.Issuer, "notice.issuer.zh")
	doc("notice-title", Masthead, n.Title, "notice.title.zh")
	doc("notice-number", Masthead, n.Number, "notice.number.zh")
	doc("notice-addressees", Paragraph, n.Addressees, "notice.addressees.zh")
	doc("notice-body", Paragraph, n.Body, "notice.body.zh")
	doc("plan", Title, d.Title, "title.zh")
	doc("preamble", Paragraph, d.Preamble, "preamble.zh")

	g := d.General
	doc("general", Part, PartHeading(0, g.Heading), "general.heading.zh")
	doc("principles", Section, SectionHeading(0, g.Principles.Heading), "general.principles.heading.zh")
	doc("principles-text", Paragraph, g.Principles.Paragraph(), "general.principles.items")
	doc("goals", Section, SectionHeading(1, g.Goals.Heading), "general.goals.heading.zh")
	doc("goals-text", Paragraph, g.Goals.Paragraph, "general.goals.paragraph.zh")
	doc("regions", Section, SectionHeading(2, g.Regions.Heading), "general.regions.heading.zh")
	doc("regions-text", Paragraph, g.Regions.Intro, "general.regions.intro.zh")
	for i, grp := range g.Regions.Groups {
		doc("regions-"+grp.ID.Value, Paragraph, grp.Paragraph(), fmt.Sprintf("general.regions.groups[%d]", i))
	}

	for ti, tier := range d.Tiers {
		doc(TierAnchor(tier), Part, PartHeading(TierPart(ti), tier.Heading), fmt.Sprintf("tiers[%d].heading.zh", ti))
		doc(TierAnchor(tier)+"-text", Paragraph, tier.Intro, fmt.Sprintf("tiers[%d].intro.zh", ti))
		for si, ind := range p.TierIndustries(tier) {
			slug := ind.Slug.Value
			add(slug, Section, SectionHeading(si, ind.Name), ind.file, "name.zh")
			add(slug+"-text", Paragraph, ind.Intro, ind.file, "intro.zh")
			for i, it := range ind.Items {
				add(fmt.Sprintf("%s-%d", slug, i+1), NumberedItem, it.Paragraph(i), ind.file, fmt.Sprintf("items[%d]", i))
			}
			add(UnitsLineUnit(ind), Units, ind.Responsibility, ind.file, "responsibility.zh")
		}
	}

	s := d.Safeguards
	doc("safeguards", Part, PartHeading(TierPart(len(d.Tiers)), s.Heading), "safeguards.heading.zh")
	for i, m := range s.Items {
		doc(fmt.Sprintf("safeguard-%d", i+1), NumberedItem, m.Paragraph(i), fmt.Sprintf("safeguards.items[%d]", i))
	}

	a := d.Attachments
	for i, item := range a.List {
		t := Text{ZH: fmt.Sprintf("%d.%s", i+1, item.ZH), EN: fmt.Sprintf("%d. %s", i+1, item.EN)}
		if i == 0 {
			t = Text{ZH: a.Heading.ZH + t.ZH, EN: a.Heading.EN + " " + t.EN}
		}
		doc(fmt.Sprintf("attachment-%d", i+1), Paragraph, t, fmt.Sprintf("attachments.list[%d].zh", i))
	}
	return blocks
}

// TierAnchor is the anchor of a tier's part: tier-a.
func TierAnchor(t *Tier) string { return "tier-" + strings.ToLower(t.Code.Value) }

// TierIndustries lists a tier's industries in code order.
func (p *Plan) TierIndustries(t *Tier) []*Industry {
	var out []*Industry
	for _, ind := range p.Industries {
		if ind.Tier == t {
			out = append(out, ind)
		}
	}
	return out
}

// Paragraph prints the four principles as the one paragraph they are.
func (ps Principles) Paragraph() Text {
	var zh, en []string
	for _, it := range ps.Items {
		zh = append(zh, it.Title.ZH+"。"+it.Text.ZH)
		en = append(en, it.Title.EN+". "+it.Text.EN)
	}
	return Text{ZH: strings.Join(zh, ""), EN: strings.Join(en, " ")}
}

// Paragraph prints a group of the regional layout: 一核引领：依托…
func (g *RegionGroup) Paragraph() Text {
	return Text{ZH: g.Name.ZH + "：" + g.Text.ZH, EN: g.Name.EN + ": " + g.Text.EN}
}

// Paragraph prints a safeguard with its units in brackets.
func (s *Safeguard) Paragraph(i int) Text {
	return Text{
		ZH: fmt.Sprintf("%d.%s。%s（%s）", i+1, s.Title.ZH, s.Text.ZH, s.Responsibility.ZH),
		EN: fmt.Sprintf("%d. %s. %s (%s)", i+1, s.Title.EN, s.Text.EN, s.Responsibility.EN),
	}
}
