package pages

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// The tests of this file read the pages' front matter as the templates
// do (by its JSON keys) and hold each field to the part of the plan it
// comes from: every industry, city and safeguard in both languages.

// link is a Link as the templates read it.
type link struct{ Path, Title, Code string }

// frontMatter decodes page name of files into fm, failing the test if
// there is none.
func frontMatter(t *testing.T, files map[string][]byte, name string, fm any) {
	t.Helper()
	b, ok := files[name]
	if !ok {
		t.Fatalf("no page %s", name)
	}
	if err := json.Unmarshal(b, fm); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func codes(ls []link) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Code)
	}
	return out
}

// rated are the codes of the cities (for an industry) or industries (for
// a city) the layout table rates at level, read off the table itself.
func ratedCities(p *plan.Plan, ind *plan.Industry, level plan.Level) []string {
	var out []string
	for _, c := range p.Cities {
		if l, ok := ind.Rating(c.Code.Value); ok && l == level {
			out = append(out, c.Code.Value)
		}
	}
	return out
}

func ratedIndustries(p *plan.Plan, c *plan.City, level plan.Level) []string {
	var out []string
	for _, ind := range p.Industries {
		if l, ok := ind.Rating(c.Code.Value); ok && l == level {
			out = append(out, ind.Code.Value)
		}
	}
	return out
}

// TestIndustryPages: an industry page says what the plan's section and
// its rows of attachments 1 and 2 say, paragraph by paragraph, with its
// lead unit first, its cities as the layout table rates them, and links
// to its neighbours in the tier that lead back.
func TestIndustryPages(t *testing.T) {
	files := render(t)
	p, _ := realPlan(t)
	type industryPage struct {
		Title, Description string
		Params             struct {
			Code, Tier, Intro, Responsibility, Anchor string
			Items                                     []struct{ ID, Title, Text string }
			Units                                     []struct {
				Name string
				Lead bool
			}
			KeyPoints []struct {
				Key   string
				Lines []string
			}
			CoreCities, KeyCities []link
			Count                 int
			Prev, Next            *link
			Charts                []struct{ ID string }
		}
	}
	for _, l := range []plan.Lang{plan.ZH, plan.EN} {
		byPath := map[string]industryPage{}
		for _, ind := range p.Industries {
			name := fmt.Sprintf("%s/industries/%s.md", l, ind.Slug.Value)
			var pg industryPage
			frontMatter(t, files, name, &pg)
			byPath["industries/"+ind.Slug.Value+"/"] = pg
			pp := pg.Params
			if pg.Title != ind.Name.In(l) || pp.Code != ind.Code.Value || pp.Tier != ind.Tier.Name.In(l) || pp.Anchor != ind.Slug.Value {
				t.Errorf("%s: title %q, code %s, tier %q, anchor %q; want %q, %s, %q, %q", name, pg.Title, pp.Code, pp.Tier, pp.Anchor, ind.Name.In(l), ind.Code.Value, ind.Tier.Name.In(l), ind.Slug.Value)
			}
			if !strings.HasSuffix(pg.Description, ind.KeyPoints.Goal.In(l)) || !strings.Contains(pg.Description, ind.Name.In(l)) || pp.Intro != ind.Intro.In(l) || pp.Responsibility != ind.Responsibility.In(l) {
				t.Errorf("%s: the description, introduction or responsibility line is not the plan's", name)
			}
			if len(pp.Items) != len(ind.Items) {
				t.Errorf("%s: %d items, the plan has %d", name, len(pp.Items), len(ind.Items))
			}
			for i, it := range ind.Items {
				if i >= len(pp.Items) {
					break
				}
				// The run-in heading as printed: 1.特种工程机械。 / 1. Specialised construction machinery.
				title := map[plan.Lang]string{plan.ZH: fmt.Sprintf("%d.%s。", i+1, it.Title.ZH), plan.EN: fmt.Sprintf("%d. %s.", i+1, it.Title.EN)}[l]
				got := pp.Items[i]
				if got.ID != fmt.Sprintf("item-%d", i+1) || got.Title != title || got.Text != it.Text.In(l) {
					t.Errorf("%s item %d: %s %q %.40q…; want item-%d %q and the plan's text", name, i+1, got.ID, got.Title, got.Text, i+1, title)
				}
			}
			// The chips are the responsibility line's units as printed: the
			// bodies (the first leads, 等 kept), then the cities'
			// governments where the line names them.
			if len(pp.Units) < len(ind.Units) || len(pp.Units) > len(ind.Units)+1 {
				t.Errorf("%s: %d units, the plan names %d bodies", name, len(pp.Units), len(ind.Units))
			}
			for i, u := range pp.Units {
				if u.Lead != (i == 0) {
					t.Errorf("%s: unit %d (%s) lead = %v; the first unit leads, and only it", name, i, u.Name, u.Lead)
				}
				if i < len(ind.Units) && l == plan.ZH && strings.TrimSuffix(u.Name, "等") != ind.Units[i].Value {
					t.Errorf("%s: unit %d is %q, the plan names %q", name, i, u.Name, ind.Units[i].Value)
				}
			}
			if l == plan.ZH && len(pp.Units) >= len(ind.Units) {
				var bodies []string
				for _, u := range pp.Units[:len(ind.Units)] {
					bodies = append(bodies, u.Name)
				}
				printed := strings.Join(bodies, "、")
				if len(pp.Units) > len(ind.Units) {
					printed += "，" + pp.Units[len(ind.Units)].Name
				}
				if !strings.Contains(ind.Responsibility.ZH, printed) {
					t.Errorf("%s: the chips read %q, not the line's %q", name, printed, ind.Responsibility.ZH)
				}
			}
			var keys []string
			for _, kp := range pp.KeyPoints {
				keys = append(keys, kp.Key)
			}
			if want := []string{"goal", "products", "technologies", "enterprises", "cities"}; !slices.Equal(keys, want) {
				t.Errorf("%s: attachment 2's cells %v, want %v in the table's order", name, keys, want)
			} else if got := strings.Join(pp.KeyPoints[0].Lines, "\n"); got != ind.KeyPoints.Goal.In(l) {
				t.Errorf("%s: the goal cell %q is not the plan's %q", name, got, ind.KeyPoints.Goal.In(l))
			}
			for _, c := range append(slices.Clone(pp.CoreCities), pp.KeyCities...) {
				if c.Path != "cities/"+c.Code+"/" || c.Title != p.City(c.Code).Name.In(l) {
					t.Errorf("%s: city link %+v, want cities/%s/ titled by the city's name", name, c, c.Code)
				}
			}
			if core, key := ratedCities(p, ind, plan.Core), ratedCities(p, ind, plan.Key); !slices.Equal(codes(pp.CoreCities), core) || !slices.Equal(codes(pp.KeyCities), key) {
				t.Errorf("%s: core cities %v, key %v; the layout table rates %v and %v", name, codes(pp.CoreCities), codes(pp.KeyCities), core, key)
			}
			if pp.Count != ind.StatedCount() {
				t.Errorf("%s: count %d, the layout table states %d", name, pp.Count, ind.StatedCount())
			}
			if len(pp.Charts) != 1 || pp.Charts[0].ID == "" || !strings.Contains(pp.Charts[0].ID, ind.Slug.Value) {
				t.Errorf("%s: charts %+v, want the industry's map", name, pp.Charts)
			}
		}
		// Prev and next walk the tier in order, and lead back.
		for path, pg := range byPath {
			if n := pg.Params.Next; n != nil {
				back := byPath[n.Path].Params.Prev
				if back == nil || back.Path != path || byPath[n.Path].Params.Tier != pg.Params.Tier {
					t.Errorf("%s/%s: next is %s, whose prev is %v (want back here, same tier)", l, path, n.Path, back)
				}
			}
		}
		for _, tier := range p.Document.Tiers {
			inds := p.TierIndustries(tier)
			first, last := byPath["industries/"+inds[0].Slug.Value+"/"], byPath["industries/"+inds[len(inds)-1].Slug.Value+"/"]
			if first.Params.Prev != nil || last.Params.Next != nil {
				t.Errorf("%s tier %s: the first industry has a prev (%v) or the last a next (%v)", l, tier.Code.Value, first.Params.Prev, last.Params.Next)
			}
		}
	}
}

// TestCityPages: a city page names the city as the plan does, places it in
// its group and area of the regional layout, and lists the industries the
// layout table rates there, with the table's own count.
func TestCityPages(t *testing.T) {
	files := render(t)
	p, _ := realPlan(t)
	for _, l := range []plan.Lang{plan.ZH, plan.EN} {
		for _, c := range p.Cities {
			name := fmt.Sprintf("%s/cities/%s.md", l, c.Code.Value)
			var pg struct {
				Title  string
				Params struct {
					Code, Full, Kind, Group, GroupID, Area string
					Focus                                  []struct {
						Name     string
						Industry *link
					}
					Core, Key []link
					Count     int
					Charts    []struct{ ID string }
				}
			}
			frontMatter(t, files, name, &pg)
			pp := pg.Params
			if pg.Title != c.Name.In(l) || pp.Code != c.Code.Value || pp.Full != c.Full.In(l) || pp.Kind != c.Kind.In(l) {
				t.Errorf("%s: %q (%s), full %q, kind %q; want %q, %q, %q", name, pg.Title, pp.Code, pp.Full, pp.Kind, c.Name.In(l), c.Full.In(l), c.Kind.In(l))
			}
			if pp.Group != c.Group.Name.In(l) || pp.GroupID != c.Group.ID.Value {
				t.Errorf("%s: group %q (%s), want %q (%s)", name, pp.Group, pp.GroupID, c.Group.Name.In(l), c.Group.ID.Value)
			}
			if want := ""; c.Area != nil && pp.Area != c.Area.Name.In(l) || c.Area == nil && pp.Area != want {
				t.Errorf("%s: area %q, want the plan's", name, pp.Area)
			}
			var focus []string
			for _, f := range pp.Focus {
				focus = append(focus, f.Name)
			}
			var want []string
			if c.Focus != nil {
				for _, f := range c.Focus.Focus {
					want = append(want, f.Name.In(l))
				}
			}
			if !slices.Equal(focus, want) {
				t.Errorf("%s: focus %v, the regional layout names %v", name, focus, want)
			}
			core, key := ratedIndustries(p, c, plan.Core), ratedIndustries(p, c, plan.Key)
			if !slices.Equal(codes(pp.Core), core) || !slices.Equal(codes(pp.Key), key) {
				t.Errorf("%s: core %v, key %v; the layout table rates %v and %v", name, codes(pp.Core), codes(pp.Key), core, key)
			}
			for _, ind := range append(slices.Clone(pp.Core), pp.Key...) {
				if i := p.Industry(ind.Code); i == nil || ind.Path != "industries/"+i.Slug.Value+"/" || ind.Title != i.Name.In(l) {
					t.Errorf("%s: industry link %+v does not lead to that industry's page", name, ind)
				}
			}
			if pp.Count != p.Layout.CityCounts[c.Code.Value].N || pp.Count != len(core)+len(key) {
				t.Errorf("%s: count %d; the table states %d and rates %d", name, pp.Count, p.Layout.CityCounts[c.Code.Value].N, len(core)+len(key))
			}
			if len(pp.Charts) != 1 || !strings.Contains(pp.Charts[0].ID, c.Code.Value) {
				t.Errorf("%s: charts %+v, want the city's map", name, pp.Charts)
			}
		}
	}
}

// TestOverviewPages: the home page counts and lists what the plan holds;
// the regions page follows the regional layout's groups; the safeguards
// page is the plan's ten measures, numbered, with their lead units.
func TestOverviewPages(t *testing.T) {
	files := render(t)
	p, _ := realPlan(t)
	for _, l := range []plan.Lang{plan.ZH, plan.EN} {
		var home struct {
			Title  string
			Params struct {
				Industries, TierCount, CityCount int
				Tiers                            []struct {
					Code       string
					Industries []link
				}
				Cities []link
				Groups []struct{ ID string }
			}
		}
		frontMatter(t, files, string(l)+"/_index.md", &home)
		hp := home.Params
		if home.Title != p.Document.Title.In(l) {
			t.Errorf("%s home: title %q is not the plan's", l, home.Title)
		}
		if hp.Industries != len(p.Industries) || hp.TierCount != len(p.Document.Tiers) || hp.CityCount != len(p.Cities) {
			t.Errorf("%s home: %d industries, %d tiers, %d cities; the plan has %d, %d, %d", l, hp.Industries, hp.TierCount, hp.CityCount, len(p.Industries), len(p.Document.Tiers), len(p.Cities))
		}
		if len(hp.Tiers) != len(p.Document.Tiers) {
			t.Fatalf("%s home: %d tiers listed", l, len(hp.Tiers))
		}
		for i, tier := range p.Document.Tiers {
			var want []string
			for _, ind := range p.TierIndustries(tier) {
				want = append(want, ind.Code.Value)
			}
			if hp.Tiers[i].Code != tier.Code.Value || !slices.Equal(codes(hp.Tiers[i].Industries), want) {
				t.Errorf("%s home: tier %s lists %v, want tier %s with %v", l, hp.Tiers[i].Code, codes(hp.Tiers[i].Industries), tier.Code.Value, want)
			}
		}
		var cities []string
		for _, c := range p.Cities {
			cities = append(cities, c.Code.Value)
		}
		if !slices.Equal(codes(hp.Cities), cities) || len(hp.Groups) != len(p.Document.General.Regions.Groups) {
			t.Errorf("%s home: cities %v and %d groups; want %v and %d", l, codes(hp.Cities), len(hp.Groups), cities, len(p.Document.General.Regions.Groups))
		}

		var regions struct {
			Type   string
			Params struct {
				Intro  string
				Groups []struct {
					ID, Name, Short string
					Cities          []link
				}
			}
		}
		frontMatter(t, files, string(l)+"/regions.md", &regions)
		groups := p.Document.General.Regions.Groups
		if regions.Type != "regions" || regions.Params.Intro != p.Document.General.Regions.Intro.In(l) || len(regions.Params.Groups) != len(groups) {
			t.Fatalf("%s/regions.md: type %q, %d groups; want regions, the plan's intro and %d groups", l, regions.Type, len(regions.Params.Groups), len(groups))
		}
		for i, g := range groups {
			var want []string // in the order the paragraph names them
			for _, cf := range g.Cities {
				want = append(want, cf.City.Value)
				if c := p.City(cf.City.Value); c == nil || c.Group != g {
					t.Errorf("group %s names %s, which is not of it", g.ID.Value, cf.City.Value)
				}
			}
			got := regions.Params.Groups[i]
			if got.ID != g.ID.Value || got.Name != g.Name.In(l) || got.Short != g.Short.In(l) || !slices.Equal(codes(got.Cities), want) {
				t.Errorf("%s/regions.md group %d: %s %q %q %v; want %s %q %q %v", l, i, got.ID, got.Name, got.Short, codes(got.Cities), g.ID.Value, g.Name.In(l), g.Short.In(l), want)
			}
		}

		var sg struct {
			Type   string
			Params struct {
				Items []struct{ ID, Head, Text, Units string }
			}
		}
		frontMatter(t, files, string(l)+"/safeguards.md", &sg)
		items := p.Document.Safeguards.Items
		if len(sg.Params.Items) != len(items) || len(items) != 10 {
			t.Fatalf("%s/safeguards.md: %d measures; the plan has %d (ten)", l, len(sg.Params.Items), len(items))
		}
		// Each measure is the plan's paragraph as printed, run-in heading,
		// text and bracketed units read on as one.
		for i, m := range items {
			got := sg.Params.Items[i]
			if got.ID != fmt.Sprintf("safeguard-%d", i+1) || got.Head+got.Text+got.Units != m.Paragraph(i).In(l) {
				t.Errorf("%s/safeguards.md measure %d: %s %q+%.30q…+%q is not the plan's paragraph %q", l, i+1, got.ID, got.Head, got.Text, got.Units, m.Paragraph(i).In(l))
			}
			if !strings.Contains(got.Units, m.Responsibility.In(l)) || !strings.HasPrefix(got.Head, fmt.Sprint(i+1)) {
				t.Errorf("%s/safeguards.md measure %d: head %q, units %q; want the number first and the plan's responsible units", l, i+1, got.Head, got.Units)
			}
		}
	}
}

// TestEmbedPage: a chart's embed page is of the embed type, offers HTML
// and oEmbed, and names the gallery entry as its canonical page.
func TestEmbedPage(t *testing.T) {
	files := render(t)
	for _, l := range []plan.Lang{plan.ZH, plan.EN} {
		var pg struct {
			Title, Type string
			Outputs     []string
			Params      struct {
				Chart     struct{ ID, Title string }
				Canonical string
				Social    struct{ Image, Alt string }
			}
		}
		frontMatter(t, files, string(l)+"/embed/overview.md", &pg)
		if pg.Type != "embed" || !slices.Equal(pg.Outputs, []string{"html", "oembed", "cite"}) || pg.Params.Canonical != "charts/#overview" {
			t.Errorf("%s/embed/overview.md: type %q, outputs %v, canonical %q; want embed, [html oembed cite], charts/#overview", l, pg.Type, pg.Outputs, pg.Params.Canonical)
		}
		if pg.Params.Chart.ID != "overview" || pg.Title != pg.Params.Chart.Title || pg.Params.Social.Image == "" || pg.Params.Social.Alt == "" {
			t.Errorf("%s/embed/overview.md: chart %+v under the title %q, social %+v; want the overview chart, titled as the page, with a card", l, pg.Params.Chart, pg.Title, pg.Params.Social)
		}
	}
}
