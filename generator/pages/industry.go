package pages

import (
	"fmt"
	"strings"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// Statement is a target as one source states it.
type Statement struct {
	Display string `json:"display"` // 超过4100亿元 / more than 410 billion yuan
	Strive  bool   `json:"strive"`
	Quote   string `json:"quote"`
}

// TargetView is one metric with its statement in the body and in
// attachment 2, and what differs between them.
type TargetView struct {
	Label      string     `json:"label"`
	Body       *Statement `json:"body,omitempty"`
	Attachment *Statement `json:"attachment,omitempty"`
	Differs    []string   `json:"differs,omitempty"`
	// Kind is plan.KindSame, or the kind of difference: the template
	// states a target once when the two sources agree.
	Kind string `json:"kind"`
}

func (v *view) statement(t *plan.Target) *Statement {
	if t == nil {
		return nil
	}
	s := &Statement{Strive: t.Strive, Quote: v.t(t.Quote), Display: t.DisplayEN()}
	if v.l == plan.ZH {
		s.Display = t.DisplayZH()
	}
	return s
}

// strivePlace says where 力争 stands when only one source has it, so that
// the note reads "the plan text says “strive for”, attachment 2 does not".
func strivePlace(pr *plan.TargetPair) []string {
	out := make([]string, 0, len(pr.Differs))
	for _, d := range pr.Differs {
		if d == "strive" {
			d = "strive-attachment2"
			if pr.Body != nil && pr.Body.Strive {
				d = "strive-body"
			}
		}
		out = append(out, d)
	}
	return out
}

func (v *view) targetViews(ts []*plan.Target) []TargetView {
	out := []TargetView{}
	for _, pr := range plan.Pairs(ts) {
		out = append(out, TargetView{Label: v.t(pr.Label), Body: v.statement(pr.Body), Attachment: v.statement(pr.Attachment), Differs: strivePlace(pr), Kind: pr.Kind()})
	}
	return out
}

// Unit is a responsible body.
type Unit struct {
	Name string `json:"name"`
	Lead bool   `json:"lead,omitempty"`
}

func (v *view) units(names []plan.Str, lead func(i int) bool) []Unit {
	var out []Unit
	g := v.p.Names()
	for i, n := range names {
		name := n.Value
		if v.l == plan.EN {
			name = g.EN(n.Value)
		}
		out = append(out, Unit{Name: name, Lead: lead(i)})
	}
	return out
}

// KeyPoint is one column of attachment 2 for an industry.
type KeyPoint struct {
	Key   string   `json:"key"` // goal, products, …: the i18n key of its heading
	Lines []string `json:"lines"`
}

// Note is a difference in wording between the body and attachment 2.
type Note struct {
	Field string `json:"field"`
	Text  string `json:"text"`
}

func (v *view) industry(ind *plan.Industry, weight int) *Page {
	core, key := v.p.IndustryCities(ind)
	siblings := v.p.TierIndustries(ind.Tier)
	var prev, next *Link
	for i, s := range siblings {
		if s != ind {
			continue
		}
		if i > 0 {
			l := v.industryLink(siblings[i-1])
			prev = &l
		}
		if i+1 < len(siblings) {
			l := v.industryLink(siblings[i+1])
			next = &l
		}
	}
	var items []Paragraph
	for i, it := range ind.Items {
		// The run-in heading as the plan prints it, number and stop
		// included: 1.特种工程机械。依托…
		whole, text := v.t(it.Paragraph(i)), v.t(it.Text)
		items = append(items, Paragraph{ID: fmt.Sprintf("item-%d", i+1), Title: strings.TrimSuffix(strings.TrimSuffix(whole, text), " "), Text: text})
	}
	kp := ind.KeyPoints
	var notes []Note
	for _, n := range ind.Notes {
		notes = append(notes, Note{Field: n.Field.Value, Text: v.t(n.Text)})
	}
	return &Page{
		Title:       v.t(ind.Name),
		Description: v.t(ind.KeyPoints.Goal),
		Weight:      weight + 1,
		Params: &IndustryParams{
			Code:           ind.Code.Value,
			Tier:           v.t(ind.Tier.Name),
			Intro:          v.t(ind.Intro),
			Items:          items,
			Responsibility: v.t(ind.Responsibility),
			Units:          v.units(ind.Units, func(i int) bool { return i == 0 }),
			KeyPoints: []KeyPoint{
				{"goal", v.lines(kp.Goal)},
				{"products", v.lines(kp.Products)},
				{"technologies", v.lines(kp.Technologies)},
				{"enterprises", v.lines(kp.Enterprises)},
				{"cities", []string{v.attachmentCities(ind)}},
			},
			Targets:    v.targetViews(ind.Targets),
			Notes:      notes,
			CoreCities: v.cityLinks(core),
			KeyCities:  v.cityLinks(key),
			Count:      ind.StatedCount(),
			Prev:       prev,
			Next:       next,
			Anchor:     ind.Slug.Value,
			Charts:     v.pageCharts(charts.IndustryPage, ind.Slug.Value),
			Social:     socialParam(v.cards.Industry(ind)),
		},
	}
}

// FocusView is an industry the regional layout names for a city.
type FocusView struct {
	Name     string `json:"name"`
	Industry *Link  `json:"industry,omitempty"`
	Future   bool   `json:"future,omitempty"`
}

func (v *view) focus(c *plan.City) []FocusView {
	out := []FocusView{}
	if c.Focus == nil {
		return out
	}
	for _, f := range c.Focus.Focus {
		fv := FocusView{Name: v.t(f.Name), Future: f.Future}
		if ind := v.p.Industry(f.Industry.Value); ind != nil {
			l := v.industryLink(ind)
			fv.Industry = &l
		}
		out = append(out, fv)
	}
	return out
}

func (v *view) city(c *plan.City, weight int) *Page {
	core, key := v.p.CityIndustries(c)
	params := &CityParams{
		Code:      c.Code.Value,
		Full:      v.t(c.Full),
		Kind:      v.t(c.Kind),
		Group:     v.t(c.Group.Name),
		GroupID:   c.Group.ID.Value,
		GroupText: v.t(c.Group.Paragraph()),
		Focus:     v.focus(c),
		Core:      v.industryLinks(core),
		Key:       v.industryLinks(key),
		Count:     v.p.Layout.CityCounts[c.Code.Value].N,
		Charts:    v.pageCharts(charts.CityPage, c.Code.Value),
		Social:    socialParam(v.cards.City(c)),
	}
	if c.Area != nil {
		params.Area = v.t(c.Area.Name)
	}
	return &Page{
		Title: v.t(c.Name),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_city"), v.t(c.Full), v.t(c.Group.Name),
			uitext.Count(v.l, "go_count_core", len(core)), uitext.Count(v.l, "go_count_key", len(key))),
		Weight: weight + 1,
		Params: params,
	}
}
