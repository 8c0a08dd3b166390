package exports

import (
	"github.com/hunan-industry/plan-site/generator/plan"
)

// The shape of plan.json: every text as {"zh", "en"}, every reference by
// code, nothing derived that a reader could not derive again.

// Text is a bilingual text.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

func text(t plan.Text) Text { return Text{ZH: t.ZH, EN: t.EN} }

type dataset struct {
	Source     source      `json:"source"`
	Principles []titled    `json:"principles"`
	Goals      goals       `json:"goals"`
	Regions    []region    `json:"regions"`
	Tiers      []tier      `json:"tiers"`
	Industries []industry  `json:"industries"`
	Cities     []city      `json:"cities"`
	Layout     []rating    `json:"layout"`
	Safeguards []safeguard `json:"safeguards"`
	Glossary   []term      `json:"glossary"`
}

type source struct {
	Issuer   Text   `json:"issuer"`
	Title    Text   `json:"title"`
	Number   Text   `json:"number"`
	Preamble Text   `json:"preamble"`
	Note     string `json:"note"`
}

type titled struct {
	Title Text `json:"title"`
	Text  Text `json:"text"`
}

type goals struct {
	Text    Text     `json:"text"`
	Targets []target `json:"targets"`
}

type target struct {
	Metric     string `json:"metric"`
	Label      Text   `json:"label"`
	Value      string `json:"value"`
	Unit       string `json:"unit_zh"`
	Comparator string `json:"comparator_zh"`
	Strive     bool   `json:"strive"`
	Source     string `json:"source"`
	Quote      Text   `json:"quote"`
	Display    Text   `json:"display"`
}

type region struct {
	ID     string      `json:"id"`
	Name   Text        `json:"name"`
	Text   Text        `json:"text"`
	Cities []cityFocus `json:"cities"`
	Areas  []area      `json:"areas,omitempty"`
}

type cityFocus struct {
	City  string  `json:"city"`
	Focus []focus `json:"focus"`
}

type focus struct {
	Name     Text   `json:"name"`
	Industry string `json:"industry,omitempty"`
	Future   bool   `json:"future,omitempty"`
}

type area struct {
	ID     string   `json:"id"`
	Name   Text     `json:"name"`
	Cities []string `json:"cities"`
}

type tier struct {
	Code       string   `json:"code"`
	Name       Text     `json:"name"`
	Heading    Text     `json:"heading"`
	Intro      Text     `json:"intro"`
	Industries []string `json:"industries"`
}

type industry struct {
	Code           string    `json:"code"`
	Slug           string    `json:"slug"`
	Tier           string    `json:"tier"`
	Name           Text      `json:"name"`
	Intro          Text      `json:"intro"`
	Items          []titled  `json:"items"`
	Responsibility Text      `json:"responsibility"`
	Units          []Text    `json:"units"`
	KeyPoints      keyPoints `json:"key_points"`
	Targets        []target  `json:"targets"`
	Notes          []note    `json:"notes,omitempty"`
}

type keyPoints struct {
	Goal         Text     `json:"goal"`
	Products     Text     `json:"products"`
	Technologies Text     `json:"technologies"`
	Enterprises  Text     `json:"enterprises"`
	CitiesZH     string   `json:"cities_zh"`
	Cities       []string `json:"cities"`
}

type note struct {
	Field string `json:"field"`
	Text  Text   `json:"text"`
}

type city struct {
	Code    string `json:"code"`
	Name    Text   `json:"name"`
	Short   Text   `json:"short"`
	Full    Text   `json:"full"`
	Kind    Text   `json:"kind"`
	MapName string `json:"map_name"`
	Group   string `json:"group"`
	Area    string `json:"area,omitempty"`
	// StatedCount is 各产业市州布局数量 as attachment 1 states it.
	StatedCount int `json:"stated_count"`
}

type rating struct {
	Industry string `json:"industry"`
	City     string `json:"city"`
	Level    string `json:"level"`
	Source   string `json:"source"`
}

type safeguard struct {
	Title          Text   `json:"title"`
	Text           Text   `json:"text"`
	Responsibility Text   `json:"responsibility"`
	Units          []Text `json:"units"`
}

type term struct {
	ZH    string `json:"zh"`
	EN    string `json:"en"`
	Kind  string `json:"kind"`
	Basis string `json:"basis"`
	Note  string `json:"note,omitempty"`
}

func newDataset(p *plan.Plan) dataset {
	d := p.Document
	g := p.Names()
	units := func(us []plan.Str) []Text {
		out := []Text{}
		for _, u := range us {
			out = append(out, Text{ZH: u.Value, EN: g.EN(u.Value)})
		}
		return out
	}
	ds := dataset{
		Source: source{
			Issuer: text(d.Notice.Issuer), Title: text(d.Title), Number: text(d.Notice.Number), Preamble: text(d.Preamble),
			Note: "The Chinese is the official text; the English is an unofficial translation.",
		},
		Goals: goals{Text: text(d.General.Goals.Paragraph), Targets: targets(d.General.Goals.Targets)},
	}
	for _, pr := range d.General.Principles.Items {
		ds.Principles = append(ds.Principles, titled{text(pr.Title), text(pr.Text)})
	}
	for _, grp := range d.General.Regions.Groups {
		r := region{ID: grp.ID.Value, Name: text(grp.Name), Text: text(grp.Text)}
		for _, cf := range grp.Cities {
			c := cityFocus{City: cf.City.Value, Focus: []focus{}}
			for _, f := range cf.Focus {
				c.Focus = append(c.Focus, focus{Name: text(f.Name), Industry: f.Industry.Value, Future: f.Future})
			}
			r.Cities = append(r.Cities, c)
		}
		for _, a := range grp.Areas {
			ar := area{ID: a.ID.Value, Name: text(a.Name)}
			for _, c := range a.Cities {
				ar.Cities = append(ar.Cities, c.Value)
			}
			r.Areas = append(r.Areas, ar)
		}
		ds.Regions = append(ds.Regions, r)
	}
	for _, t := range d.Tiers {
		tv := tier{Code: t.Code.Value, Name: text(t.Name), Heading: text(t.Heading), Intro: text(t.Intro)}
		for _, ind := range p.TierIndustries(t) {
			tv.Industries = append(tv.Industries, ind.Code.Value)
		}
		ds.Tiers = append(ds.Tiers, tv)
	}
	for _, ind := range p.Industries {
		kp := ind.KeyPoints
		iv := industry{
			Code: ind.Code.Value, Slug: ind.Slug.Value, Tier: ind.Tier.Code.Value, Name: text(ind.Name), Intro: text(ind.Intro),
			Items: []titled{}, Responsibility: text(ind.Responsibility), Units: units(ind.Units), Targets: targets(ind.Targets),
			KeyPoints: keyPoints{Goal: text(kp.Goal), Products: text(kp.Products), Technologies: text(kp.Technologies), Enterprises: text(kp.Enterprises), CitiesZH: kp.Cities.Value},
		}
		named, _ := plan.ParseCityCell(kp.Cities.Value, p.Cities)
		for _, c := range named {
			iv.KeyPoints.Cities = append(iv.KeyPoints.Cities, c.Code.Value)
		}
		for _, it := range ind.Items {
			iv.Items = append(iv.Items, titled{text(it.Title), text(it.Text)})
		}
		for _, n := range ind.Notes {
			iv.Notes = append(iv.Notes, note{Field: n.Field.Value, Text: text(n.Text)})
		}
		ds.Industries = append(ds.Industries, iv)
		for _, c := range p.Cities {
			if lvl, ok := ind.Rating(c.Code.Value); ok {
				ds.Layout = append(ds.Layout, rating{Industry: ind.Code.Value, City: c.Code.Value, Level: string(lvl), Source: p.Layout.Source.Value})
			}
		}
	}
	for _, c := range p.Cities {
		cv := city{Code: c.Code.Value, Name: text(c.Name), Short: text(c.Short), Full: text(c.Full), Kind: text(c.Kind),
			MapName: c.MapName, Group: c.Group.ID.Value, StatedCount: p.Layout.CityCounts[c.Code.Value].N}
		if c.Area != nil {
			cv.Area = c.Area.ID.Value
		}
		ds.Cities = append(ds.Cities, cv)
	}
	for _, s := range d.Safeguards.Items {
		ds.Safeguards = append(ds.Safeguards, safeguard{Title: text(s.Title), Text: text(s.Text), Responsibility: text(s.Responsibility), Units: units(s.Units)})
	}
	for _, t := range p.Glossary {
		ds.Glossary = append(ds.Glossary, term{ZH: t.ZH.Value, EN: t.EN, Kind: t.Kind.Value, Basis: t.Basis.Value, Note: t.Note})
	}
	return ds
}

func targets(ts []*plan.Target) []target {
	out := []target{}
	for _, t := range ts {
		out = append(out, target{
			Metric: t.Metric.Value, Label: text(t.Label), Value: t.Value.Value, Unit: t.Unit.Value,
			Comparator: t.Comparator.Value, Strive: t.Strive, Source: t.Source.Value, Quote: text(t.Quote),
			Display: Text{ZH: t.DisplayZH(), EN: t.DisplayEN()},
		})
	}
	return out
}
