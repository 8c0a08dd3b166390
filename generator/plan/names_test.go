package plan

import "testing"

// TestEveryNameIsNamed: the names index links each entry to where the
// plan names it, so an entry the plan never names has nowhere to lead.
func TestEveryNameIsNamed(t *testing.T) {
	p, err := Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	g := p.Names()
	ms := p.NameMentions()
	entries := g.Entries(p)
	if len(entries) < len(p.Glossary) {
		t.Errorf("%d entries, fewer than the %d of the glossary files", len(entries), len(p.Glossary))
	}
	for _, e := range entries {
		m := ms[e]
		if m == nil || len(m.Blocks)+len(m.KeyPoints) == 0 {
			t.Errorf("%s (%s): the plan never names it", e.ZH.Value, e.File)
		}
	}
	if m := ms[g.Lookup("中联重科")]; m == nil || len(m.Industries) == 0 || m.Industries[0].Slug.Value != "construction-machinery" {
		t.Errorf("中联重科: mentions %+v; want construction machinery among its industries", m)
	}
}
