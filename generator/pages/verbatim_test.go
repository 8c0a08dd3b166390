package pages

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// TestUnitChipsKeepEveryUnit: an industry's chips are its responsibility
// line cut at its own separators, so that, put back together, they give
// the line's units whole (等 and the cities' governments included) and in
// its order; the English has one chip for each, none in Chinese.
func TestUnitChipsKeepEveryUnit(t *testing.T) {
	p, _ := realPlan(t)
	zh, en := newView(p, plan.ZH, nil), newView(p, plan.EN, nil)
	han := regexp.MustCompile(`\p{Han}`)
	withEtc, withCities := 0, 0
	for _, ind := range p.Industries {
		zc, ec := zh.unitChips(ind), en.unitChips(ind)
		var names []string
		for i, c := range zc {
			names = append(names, c.Name)
			if c.Part != ind.Slug.Value+"-units" {
				t.Errorf("%s: chip %q is not marked as part of the units line", ind.Code.Value, c.Name)
			}
			if c.Lead != (i == 0) {
				t.Errorf("%s: chip %q lead=%v", ind.Code.Value, c.Name, c.Lead)
			}
		}
		bodies := strings.Join(names[:len(names)-1], "、")
		line := ind.Responsibility.ZH
		if !strings.Contains(line, bodies+"，"+names[len(names)-1]) {
			t.Errorf("%s: chips %q do not put back the line %q", ind.Code.Value, names, line)
		}
		for i, u := range ind.Units {
			if strings.TrimSuffix(names[i], "等") != u.Value {
				t.Errorf("%s: chip %d is %q, the data's unit %q", ind.Code.Value, i, names[i], u.Value)
			}
		}
		if strings.HasSuffix(bodies, "等") {
			withEtc++
		}
		if strings.HasSuffix(names[len(names)-1], "市州人民政府") {
			withCities++
		}
		if len(ec) != len(zc) {
			t.Errorf("%s: %d English chips for %d Chinese", ind.Code.Value, len(ec), len(zc))
		}
		for _, c := range ec {
			if c.Name == "" || han.MatchString(c.Name) || c.Part != "" {
				t.Errorf("%s: English chip %+v", ind.Code.Value, c)
			}
		}
	}
	if withEtc != 1 || withCities != len(p.Industries) {
		t.Errorf("chips closing with 等: %d (want 1, C3); naming the cities' governments: %d (want %d)", withEtc, withCities, len(p.Industries))
	}
}

// TestSafeguardsAsPrinted: each measure is one paragraph whose run-in
// heading keeps its number and full stop, and head, text and units put
// back together are the full text's paragraph.
func TestSafeguardsAsPrinted(t *testing.T) {
	p, _ := realPlan(t)
	for _, l := range []plan.Lang{plan.ZH, plan.EN} {
		items := newView(p, l, nil).safeguards().Params.(*SafeguardsParams).Items
		for i, it := range items {
			whole := p.Document.Safeguards.Items[i].Paragraph(i).In(l)
			if it.Head+it.Text+it.Units != whole {
				t.Errorf("%s %s: %q + %q + %q is not the paragraph %q", l, it.ID, it.Head, it.Text, it.Units, whole)
			}
			if l == plan.ZH && !regexp.MustCompile(`^\d+\..+。$`).MatchString(it.Head) {
				t.Errorf("%s: run-in heading %q lacks its number or its 。", it.ID, it.Head)
			}
		}
	}
}
