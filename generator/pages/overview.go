package pages

import (
	"fmt"
	"strings"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// TierView is a tier with its industries.
type TierView struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Heading    string `json:"heading"`
	Intro      string `json:"intro"`
	Anchor     string `json:"anchor"`
	Industries []Link `json:"industries"`
}

func (v *view) tiers() []TierView {
	var out []TierView
	for i, t := range v.p.Document.Tiers {
		out = append(out, TierView{
			Code: t.Code.Value, Name: v.t(t.Name), Intro: v.t(t.Intro), Anchor: plan.TierAnchor(t),
			Heading:    v.t(plan.PartHeading(plan.TierPart(i), t.Heading)),
			Industries: v.industryLinks(v.p.TierIndustries(t)),
		})
	}
	return out
}

// Card is a headline 2027 figure.
type Card struct {
	Label    string `json:"label"`
	Display  string `json:"display"`
	Strive   bool   `json:"strive,omitempty"`
	Industry *Link  `json:"industry,omitempty"`
}

// headlineCards are the province-wide goals, then each industry's first
// target as the body states it.
func (v *view) headlineCards() []Card {
	var cards []Card
	for _, t := range v.p.Document.General.Goals.Targets {
		s := v.statement(t)
		cards = append(cards, Card{Label: v.t(t.Label), Display: s.Display, Strive: s.Strive})
	}
	for _, ind := range v.p.Industries {
		pairs := plan.Pairs(ind.Targets)
		if len(pairs) == 0 {
			continue
		}
		t := pairs[0].Body
		if t == nil {
			t = pairs[0].Attachment
		}
		s := v.statement(t)
		l := v.industryLink(ind)
		cards = append(cards, Card{Label: v.t(t.Label), Display: s.Display, Strive: s.Strive, Industry: &l})
	}
	return cards
}

func (v *view) home() *Page {
	d := v.p.Document
	return &Page{
		Title: v.t(d.Title),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_home"), v.t(d.Notice.Issuer), v.t(d.Title), v.t(d.Notice.Number),
			len(v.p.Industries), len(v.p.Cities)),
		Params: &HomeParams{
			Industries: len(v.p.Industries),
			TierCount:  len(d.Tiers),
			CityCount:  len(v.p.Cities),
			Goals:      v.t(d.General.Goals.Paragraph),
			Cards:      v.headlineCards(),
			Tiers:      v.tiers(),
			Cities:     v.cityLinks(v.p.Cities),
			Groups:     v.groups(),
			Charts:     v.pageCharts(charts.HomePage, ""),
			Social:     socialParam(v.cards.Home()),
		},
	}
}

func (v *view) industriesIndex() *Page {
	return &Page{
		Title:       uitext.In(v.l, "go_page_industries"),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_industries"), len(v.p.Industries)),
		Params:      &TiersParams{Tiers: v.tiers()},
	}
}

func (v *view) citiesIndex() *Page {
	return &Page{
		Title:       uitext.In(v.l, "go_page_cities"),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_cities"), len(v.p.Cities)),
		Params:      &GroupsParams{Groups: v.groups()},
	}
}

// GroupView is one group of the regional layout.
type GroupView struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Short string `json:"short"`
	Text  string `json:"text"`
	// Lead is the paragraph's lead-in (一核引领：), which runs on into Text:
	// the plan prints the two as one paragraph, Unit.
	Lead   string     `json:"lead"`
	Unit   string     `json:"unit"`
	Cities []CityView `json:"cities"`
	Areas  []AreaView `json:"areas,omitempty"`
}

// CityView is a city in its group, with what the layout names for it.
type CityView struct {
	Link
	Focus []FocusView `json:"focus"`
	Core  int         `json:"core"`
	Key   int         `json:"key"`
}

// AreaView is a sub-area the regional layout names.
type AreaView struct {
	Name   string `json:"name"`
	Cities []Link `json:"cities"`
}

func (v *view) groups() []GroupView {
	var out []GroupView
	for _, g := range v.p.Document.General.Regions.Groups {
		gv := GroupView{ID: g.ID.Value, Name: v.t(g.Name), Short: v.t(g.Short), Text: v.t(g.Text),
			Lead: strings.TrimSuffix(v.t(g.Paragraph()), v.t(g.Text)), Unit: "regions-" + g.ID.Value}
		for _, cf := range g.Cities {
			c := v.p.City(cf.City.Value)
			core, key := v.p.CityIndustries(c)
			gv.Cities = append(gv.Cities, CityView{Link: v.cityLink(c), Focus: v.focus(c), Core: len(core), Key: len(key)})
		}
		for _, a := range g.Areas {
			av := AreaView{Name: v.t(a.Name)}
			for _, s := range a.Cities {
				av.Cities = append(av.Cities, v.cityLink(v.p.City(s.Value)))
			}
			gv.Areas = append(gv.Areas, av)
		}
		out = append(out, gv)
	}
	return out
}

func (v *view) regions() *Page {
	r := v.p.Document.General.Regions
	return &Page{
		Title:       v.t(r.Heading),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_regions"), v.groupNames()),
		Params:      &RegionsParams{Intro: v.t(r.Intro), Groups: v.groups(), Charts: v.pageCharts(charts.RegionsPage, "")},
	}
}

// IndustryTargets is one industry's targets on the targets page.
type IndustryTargets struct {
	Industry Link         `json:"industry"`
	Tier     string       `json:"tier"`
	Targets  []TargetView `json:"targets"`
}

// KindCount is how many targets differ in one way between the body and
// attachment 2.
type KindCount struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// differenceCounts counts the pairs of each kind of difference, gravest
// first, every kind listed even at nought.
func differenceCounts(pairs []*plan.TargetPair) (counts []KindCount, total int) {
	n := map[string]int{}
	for _, pr := range pairs {
		n[pr.Kind()]++
	}
	for _, k := range plan.DifferenceKinds {
		counts = append(counts, KindCount{Kind: k, Count: n[k]})
		total += n[k]
	}
	return counts, total
}

func (v *view) targets() *Page {
	g := v.p.Document.General.Goals
	var inds []IndustryTargets
	pairs := plan.Pairs(g.Targets)
	for _, ind := range v.p.Industries {
		inds = append(inds, IndustryTargets{Industry: v.industryLink(ind), Tier: v.t(ind.Tier.Name), Targets: v.targetViews(ind.Targets)})
		pairs = append(pairs, plan.Pairs(ind.Targets)...)
	}
	counts, total := differenceCounts(pairs)
	return &Page{
		Title:       uitext.In(v.l, "go_page_targets"),
		Description: uitext.In(v.l, "go_desc_targets"),
		Params: &TargetsParams{
			GoalsHeading: v.t(g.Heading),
			Goals:        v.t(g.Paragraph),
			Province:     v.targetViews(g.Targets),
			Industries:   inds,
			Differences:  counts,
			Differing:    total,
			Charts:       v.pageCharts(charts.TargetsPage, ""),
		},
	}
}

// SafeguardView is one of the ten measures, as the plan prints it: one
// paragraph whose run-in heading keeps its number and full stop
// (1.强化组织领导。), then the text and the responsible units in brackets.
type SafeguardView struct {
	ID   string `json:"id"`
	Head string `json:"head"` // 1.强化组织领导。
	// Text runs on from Head to the bracketed units, which Units holds.
	Text  string `json:"text"`
	Units string `json:"units"` // （省发展改革委、…按职责分工负责）
}

func (v *view) safeguards() *Page {
	s := v.p.Document.Safeguards
	var items []SafeguardView
	for i, m := range s.Items {
		whole := v.t(m.Paragraph(i))
		units := "（" + m.Responsibility.ZH + "）"
		sep := ""
		if v.l == plan.EN {
			units, sep = "("+m.Responsibility.EN+")", " "
		}
		text := v.t(m.Text) + sep
		head := strings.TrimSuffix(whole, text+units)
		items = append(items, SafeguardView{ID: fmt.Sprintf("safeguard-%d", i+1), Head: head, Text: text, Units: units})
	}
	return &Page{
		Title:       v.t(s.Heading),
		Description: uitext.In(v.l, "go_desc_safeguards"),
		Params:      &SafeguardsParams{Items: items},
	}
}

// groupNames are the regional groups' names as the plan gives them
// (一核引领、两翼支撑、多点协同), in a list of the view's language.
func (v *view) groupNames() string {
	var names []string
	for _, g := range v.p.Document.General.Regions.Groups {
		names = append(names, v.t(g.Name))
	}
	return strings.Join(names, uitext.In(v.l, "listSeparator"))
}
