package charts

import "github.com/hunan-industry/plan-site/generator/plan"

// Registry is every chart of the site, in the order the gallery and each
// page show them. A chart is a builder and its line here: its id, the page
// that shows it, its embed page, its downloads and its gallery entry all
// follow from the line. A chart registered for IndustryPage or CityPage is
// drawn once for every industry or city and shown on that one's page.
var Registry = []Def{
	site(Overview, "overview", HomePage, (*builder).overview),
	site(Regions, "regions", RegionsPage, (*builder).regions),
	site(Matrix, "matrix", LayoutPage, (*builder).matrix).wideOnly(),
	site(Counts, "industries-per-city", LayoutPage, (*builder).industriesPerCity),
	site(Counts, "cities-per-industry", LayoutPage, (*builder).citiesPerIndustry),
	site(Targets, "targets-yuan", TargetsPage, (*builder).targetsYuan),
	site(Targets, "targets-share", TargetsPage, (*builder).targetsShare),
	eachIndustry(IndustryMap, "industry", (*builder).industryMap),
	eachCity(CityMap, "city", (*builder).cityMap),
}

// Kind is what a chart is about.
type Kind string

const (
	Overview    Kind = "overview" // the home page's map of all cities
	Regions     Kind = "regions"  // the regional layout
	Matrix      Kind = "matrix"   // attachment 1 as a heatmap
	Counts      Kind = "bars"     // counts of core and key ratings
	Targets     Kind = "targets"  // the 2027 targets
	IndustryMap Kind = "industry" // where one industry is rated
	CityMap     Kind = "city"     // where one city lies
)

// Page is the page a chart is shown on, named as pages names that kind of
// page (pages.Kinds); pages gives each its path. IndustryPage and CityPage
// are one page per industry and per city: the chart's Subject says whose.
type Page string

const (
	HomePage     Page = "home"
	RegionsPage  Page = "regions"
	LayoutPage   Page = "layout"
	TargetsPage  Page = "targets"
	IndustryPage Page = "industry" // Subject: the industry's slug
	CityPage     Page = "city"     // Subject: the city's code
)

// Def is one chart of the registry: what it is, its id, the page that
// shows it and how it is built.
type Def struct {
	Kind Kind
	Page Page
	id   string // the id; of a chart drawn per subject, its prefix
	// narrow says whether the chart has a phone layout. The heatmap's
	// 16 × 14 cells would be 17 px wide on a phone, too small for its stars
	// and names, so there it gives way to its data table.
	narrow bool
	build  func(b *builder) []*Chart // every chart of the line, Subject set
}

// ID is the id of the line's chart for a subject ("" for a site-wide chart):
// the same in both languages, industry-construction-machinery.
func (d Def) ID(subject string) string {
	if subject == "" {
		return d.id
	}
	return d.id + "-" + subject
}

// Narrow says whether the line's charts have a phone layout.
func (d Def) Narrow() bool { return d.narrow }

// Subjects are the subjects the line is drawn for: every industry's slug
// or every city's code for a chart of their pages, else one site-wide "".
func (d Def) Subjects(p *plan.Plan) []string {
	var out []string
	switch d.Page {
	case IndustryPage:
		for _, ind := range p.Industries {
			out = append(out, ind.Slug.Value)
		}
	case CityPage:
		for _, c := range p.Cities {
			out = append(out, c.Code.Value)
		}
	default:
		out = []string{""}
	}
	return out
}

func (d Def) wideOnly() Def { d.narrow = false; return d }

// site registers a site-wide chart.
func site(k Kind, id string, page Page, build func(*builder) *Chart) Def {
	return Def{Kind: k, Page: page, id: id, narrow: true, build: func(b *builder) []*Chart { return []*Chart{build(b)} }}
}

// eachIndustry registers a chart drawn for every industry, on its page.
func eachIndustry(k Kind, id string, build func(*builder, *plan.Industry) *Chart) Def {
	return Def{Kind: k, Page: IndustryPage, id: id, narrow: true, build: func(b *builder) []*Chart {
		var out []*Chart
		for _, ind := range b.p.Industries {
			c := build(b, ind)
			c.Subject = ind.Slug.Value
			out = append(out, c)
		}
		return out
	}}
}

// eachCity registers a chart drawn for every city, on its page.
func eachCity(k Kind, id string, build func(*builder, *plan.City) *Chart) Def {
	return Def{Kind: k, Page: CityPage, id: id, narrow: true, build: func(b *builder) []*Chart {
		var out []*Chart
		for _, c := range b.p.Cities {
			ch := build(b, c)
			ch.Subject = c.Code.Value
			out = append(out, ch)
		}
		return out
	}}
}

// lookup is the registry's line of a kind that has one.
func lookup(k Kind) Def {
	for _, d := range Registry {
		if d.Kind == k {
			return d
		}
	}
	panic("charts: no chart of kind " + string(k))
}

// IndustryMapID is the id of an industry's map.
func IndustryMapID(slug string) string { return lookup(IndustryMap).ID(slug) }

// CityMapID is the id of a city's locator map.
func CityMapID(code string) string { return lookup(CityMap).ID(code) }

// OverviewID is the id of the home page's map of all cities.
func OverviewID() string { return lookup(Overview).ID("") }
