package pipeline

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/sitecheck"
)

// planTextKinds are the kinds of page that show the plan's words, and the
// languages in which they show them as the plan's (the Chinese; the
// English site shows it only beside the translation, on the side-by-side
// page). Every other kind may show none, which the check's search for
// unmarked copies holds it to.
var planTextKinds = map[string][]plan.Lang{
	"full text":  {plan.ZH},
	"bilingual":  {plan.ZH, plan.EN},
	"industry":   {plan.ZH},
	"city":       {plan.ZH},
	"industries": {plan.ZH},
	"regions":    {plan.ZH},
	"targets":    {plan.ZH},
	"layout":     {plan.ZH},
	"safeguards": {plan.ZH},
}

// TestPlanWordsVerbatim runs the build's verbatim check on the real site:
// no element marked as the plan's words differs from the source, no page
// shows them unmarked, every kind of page that shows them marks them, and
// the pages that give a part of the plan whole mark every unit of it.
func TestPlanWordsVerbatim(t *testing.T) {
	p, err := plan.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	units := p.Units()
	fs, marked, err := sitecheck.CheckVerbatim(siteDir(t), units, p.Passages())
	if err != nil {
		t.Fatal(err)
	}
	expectNone(t, "verbatim", fs)

	known := map[string]bool{}
	for _, k := range pages.Kinds {
		known[k.Name] = true
		for _, l := range []plan.Lang{plan.ZH, plan.EN} {
			want := slices.Contains(planTextKinds[k.Name], l)
			n := len(marked[k.FileIn(l)])
			switch {
			case want && n == 0:
				t.Errorf("%s (%s) shows the plan's words but marks none", k.FileIn(l), k.Name)
			case !want && n > 0:
				t.Errorf("%s (%s) marks %d elements as the plan's words; list the kind in planTextKinds", k.FileIn(l), k.Name, n)
			}
		}
	}
	for k := range planTextKinds {
		if !known[k] {
			t.Errorf("planTextKinds names %q, which is not in pages.Kinds", k)
		}
	}

	// Every unit the page gives whole must stand marked on it.
	all := func(prefix ...string) []string {
		var ids []string
		for id := range units {
			for _, pre := range prefix {
				if strings.HasPrefix(id, pre) {
					ids = append(ids, id)
				}
			}
		}
		return ids
	}
	var blocks []string
	for _, b := range p.FullText() {
		blocks = append(blocks, b.ID)
	}
	need := map[string][]string{
		"/plan/":         all(""),
		"/bilingual/":    blocks,
		"/en/bilingual/": blocks,
		"/layout/":       all("layout-"),
		"/industries/":   {},
		"/targets/":      {"goals-text"},
		"/regions/":      {"regions-text"},
		"/safeguards/":   {},
	}
	for i := range p.Document.Safeguards.Items {
		need["/safeguards/"] = append(need["/safeguards/"], fmt.Sprintf("safeguard-%d", i+1))
	}
	for _, g := range p.Document.General.Regions.Groups {
		need["/regions/"] = append(need["/regions/"], "regions-"+g.ID.Value)
	}
	for _, tier := range p.Document.Tiers {
		need["/industries/"] = append(need["/industries/"], plan.TierAnchor(tier)+"-text")
	}
	for _, c := range p.Cities {
		need["/cities/"+c.Code.Value+"/"] = []string{"regions-" + c.Group.ID.Value}
	}
	for _, ind := range p.Industries {
		s := ind.Slug.Value
		ids := []string{s + "-text", s + "-units"}
		for i := range ind.Items {
			ids = append(ids, fmt.Sprintf("%s-%d", s, i+1))
		}
		for _, cell := range []string{"goal", "products", "technologies", "enterprises", "cities"} {
			ids = append(ids, plan.KeyPointsUnit(ind, cell))
		}
		need["/industries/"+s+"/"] = ids
	}
	for u, ids := range need {
		for _, id := range ids {
			if !slices.Contains(marked[u], id) {
				t.Errorf("%s does not mark the plan's words %q (%s)", u, id, short(units[id]))
			}
		}
	}
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
