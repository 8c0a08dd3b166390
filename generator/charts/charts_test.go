package charts

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func catalogue(t *testing.T) []*Chart {
	t.Helper()
	p, err := plan.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := All(p)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func find(cs []*Chart, lang plan.Lang, id string) *Chart {
	for _, c := range cs {
		if c.Lang == lang && c.ID == id {
			return c
		}
	}
	return nil
}

// TestGolden pins the two layouts where the layout itself is the point
// and a change must be read whole: the phone's bar chart, each name above
// its bar, and the phone's map, its legend stacked below. What the charts
// say is pinned by the tests after it.
func TestGolden(t *testing.T) {
	cs := catalogue(t)
	for _, name := range []string{"zh/industries-per-city", "en/overview"} {
		lang, id, _ := strings.Cut(name, "/")
		c := find(cs, plan.Lang(lang), id)
		if c == nil {
			t.Fatalf("no chart %s", name)
		}
		got, err := c.NarrowJSON()
		if err != nil {
			t.Fatal(err)
		}
		var pretty bytes.Buffer
		json.Indent(&pretty, got, "", "  ")
		golden := filepath.Join("testdata", "golden", lang+"-"+id+".narrow.json")
		if *update {
			os.WriteFile(golden, pretty.Bytes(), 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./generator/charts -update)", err)
		}
		if !bytes.Equal(pretty.Bytes(), want) {
			t.Errorf("%s's narrow layout differs from %s; if the change is meant, run go test ./generator/charts -update and review the diff", name, golden)
		}
	}
}

// TestCatalogue: All draws each line of the registry once for each of its
// subjects, in both languages, under the id the line gives it.
func TestCatalogue(t *testing.T) {
	p, err := plan.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	cs := catalogue(t)
	var want []string
	for _, l := range plan.Langs {
		for _, d := range Registry {
			for _, s := range d.Subjects(p) {
				want = append(want, string(l)+"/"+d.ID(s))
			}
		}
	}
	var got []string
	for _, c := range cs {
		got = append(got, string(c.Lang)+"/"+c.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("charts:\n%v\nwant, from the registry:\n%v", got, want)
	}
}

var han = regexp.MustCompile(`\p{Han}`)

// TestEnglishChartsSayEnglish: an English chart names Changsha, not 长沙.
// Map regions keep their Chinese names only as keys into the geometry.
func TestEnglishChartsSayEnglish(t *testing.T) {
	for _, c := range catalogue(t) {
		if c.Lang != plan.EN {
			continue
		}
		walkJSON(t, c.Option, func(key string, v any) {
			if x, ok := v.(string); ok && key != "name" && han.MatchString(x) {
				t.Errorf("%s: %s %q is not English", c.ID, key, x)
			}
		})
		for _, s := range append([]string{c.Title, c.Summary}, c.Table.Header...) {
			if han.MatchString(s) {
				t.Errorf("%s: %q is not English", c.ID, s)
			}
		}
	}
}

// TestIndustryMapsFollowTheLayout: each industry map colours exactly the
// cities the layout table rates, with the rating's stars in the label.
func TestIndustryMapsFollowTheLayout(t *testing.T) {
	p, err := plan.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	cs := catalogue(t)
	for _, ind := range p.Industries {
		c := find(cs, plan.ZH, IndustryMapID(ind.Slug.Value))
		items := c.Option.MapSeries[0].Data.([]MapData)
		for _, item := range items {
			city := cityByMap(p, item.Name)
			lvl, ok := ind.Rating(city.Code.Value)
			want := map[bool]string{true: lvl.Stars(), false: ""}[ok]
			if ok && !strings.HasSuffix(item.Label.Formatter, "\n"+want) || !ok && strings.Contains(item.Label.Formatter, "★") {
				t.Errorf("%s, %s: label %q, layout says %q", ind.Code.Value, city.Code.Value, item.Label.Formatter, want)
			}
		}
		if len(c.Table.Rows) != ind.StatedCount() {
			t.Errorf("%s: table lists %d cities, the layout %d", ind.Code.Value, len(c.Table.Rows), ind.StatedCount())
		}
	}
}

func cityByMap(p *plan.Plan, name string) *plan.City {
	for _, c := range p.Cities {
		if c.MapName == name {
			return c
		}
	}
	return nil
}
