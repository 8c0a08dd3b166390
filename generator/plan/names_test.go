package plan

import (
	"strings"
	"testing"
)

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

// TestContainedIsContains: the one-pass search of a text for every name
// finds exactly the names strings.Contains finds, nested ones included.
func TestContainedIsContains(t *testing.T) {
	p, err := Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	g := p.Names()
	texts := []string{"长沙市和长沙、三一集团", ""}
	for _, b := range p.FullText() {
		texts = append(texts, b.Text.ZH)
	}
	for _, text := range texts {
		in := g.contained(text)
		for zh := range g.terms {
			if in[zh] != strings.Contains(text, zh) {
				t.Errorf("%q in %.40q: contained %v, strings.Contains %v", zh, text, in[zh], !in[zh])
			}
		}
	}
}
