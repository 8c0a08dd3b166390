package pages

import (
	"fmt"
	"sort"
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
	// QuoteUnit is, in Chinese, the unit of the plan the quote is taken
	// from, which the template marks it as part of.
	QuoteUnit string `json:"quoteUnit,omitempty"`
	// Unit is the unit as the source writes it (亿元, 亿), which a
	// difference in units names.
	Unit string `json:"unit"`
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
	s := &Statement{Strive: t.Strive, Quote: v.t(t.Quote), Display: t.DisplayEN(), Unit: t.Unit.Value}
	if v.l == plan.ZH {
		s.Display = t.DisplayZH()
		s.QuoteUnit = v.unitOf(t.Quote.ZH)
	}
	return s
}

// unitOf finds the unit of the plan a quoted phrase is taken from (the
// first by id, for a stable page), or "" where none holds it.
func (v *view) unitOf(quote string) string {
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if v.unitIDs == nil {
		v.units = map[string]string{}
		for id, text := range v.p.Units() {
			v.units[id] = flat(text)
			v.unitIDs = append(v.unitIDs, id)
		}
		sort.Strings(v.unitIDs)
	}
	q := flat(quote)
	if q == "" {
		return ""
	}
	for _, id := range v.unitIDs {
		if strings.Contains(v.units[id], q) {
			return id
		}
	}
	return ""
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

// Unit is a responsible body. Part is set on a Chinese chip cut from a
// responsibility line: the id of that line's unit, whose words Name is.
type Unit struct {
	Name string `json:"name"`
	Lead bool   `json:"lead,omitempty"`
	Part string `json:"part,omitempty"`
}

// unitChips lists an industry's responsibility line one unit at a time,
// in the line's own words and order: the provincial bodies (the 等 that
// closes their list kept on the last), then the cities' governments as the
// line names them (岳阳、衡阳、郴州等相关市州人民政府). The first leads, as
// the line's closing note (排第一的为牵头单位) says; the note itself stays
// in the line, which the page shows whole beside the chips.
func (v *view) unitChips(ind *plan.Industry) []Unit {
	zh := ind.Responsibility.ZH
	inner := zh
	if _, after, ok := strings.Cut(inner, "责任单位"); ok {
		inner = strings.TrimLeft(after, "：: ")
	}
	inner = strings.TrimSuffix(inner, "）")
	parts := strings.Split(inner, "，")
	var out []Unit
	g := v.p.Names()
	for _, name := range strings.Split(parts[0], "、") {
		u := Unit{Name: name, Lead: len(out) == 0}
		if v.l == plan.ZH {
			u.Part = plan.UnitsLineUnit(ind)
		} else if body, ok := strings.CutSuffix(name, "等"); ok {
			u.Name = fmt.Sprintf(uitext.In(v.l, "go_page_andOthers"), g.EN(body))
		} else {
			u.Name = g.EN(name)
		}
		out = append(out, u)
	}
	if len(parts) > 1 {
		u := Unit{Name: parts[1]}
		if v.l == plan.ZH {
			u.Part = plan.UnitsLineUnit(ind)
		} else {
			u.Name = cityGovernments(ind.Responsibility.EN)
		}
		out = append(out, u)
	}
	return out
}

// cityGovernments is the English line's clause on the cities' governments:
// "the people's governments of … concerned", after the bodies' semicolon.
func cityGovernments(en string) string {
	_, s, _ := strings.Cut(en, "; ")
	s, _, _ = strings.Cut(s, ". ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, ")"), ".")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// KeyPoint is one column of attachment 2 for an industry.
type KeyPoint struct {
	Key   string   `json:"key"` // goal, products, …: the i18n key of its heading
	Lines []string `json:"lines"`
	Unit  string   `json:"unit,omitempty"` // in Chinese, the cell's unit of the plan
}

func (v *view) keyPoints(ind *plan.Industry) []KeyPoint {
	kp := ind.KeyPoints
	out := []KeyPoint{
		{Key: "goal", Lines: v.lines(kp.Goal)},
		{Key: "products", Lines: v.lines(kp.Products)},
		{Key: "technologies", Lines: v.lines(kp.Technologies)},
		{Key: "enterprises", Lines: v.lines(kp.Enterprises)},
		{Key: "cities", Lines: []string{v.attachmentCities(ind)}},
	}
	if v.l == plan.ZH {
		for i := range out {
			out[i].Unit = plan.KeyPointsUnit(ind, out[i].Key)
		}
	}
	return out
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
	var notes []Note
	for _, n := range ind.Notes {
		notes = append(notes, Note{Field: n.Field.Value, Text: v.t(n.Text)})
	}
	return &Page{
		Title: v.t(ind.Name),
		// Attributed: a search snippet must not read as the office speaking.
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_industry"), v.t(ind.Name), v.t(ind.KeyPoints.Goal)),
		Weight:      weight + 1,
		Params: &IndustryParams{
			Code:           ind.Code.Value,
			Tier:           v.t(ind.Tier.Name),
			Intro:          v.t(ind.Intro),
			Items:          items,
			Responsibility: v.t(ind.Responsibility),
			Units:          v.unitChips(ind),
			KeyPoints:      v.keyPoints(ind),
			Targets:        v.targetViews(ind.Targets),
			Notes:          notes,
			CoreCities:     v.cityLinks(core),
			KeyCities:      v.cityLinks(key),
			Count:          ind.StatedCount(),
			Prev:           prev,
			Next:           next,
			Anchor:         ind.Slug.Value,
			Charts:         v.pageCharts(charts.IndustryPage, ind.Slug.Value),
			Social:         socialParam(v.cards.Industry(ind)),
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
