package plan

import (
	"strings"
	"testing"
)

// TestUnitsAsPrinted: the units give the attachments' texts as the source
// prints them, and no id stands for two texts.
func TestUnitsAsPrinted(t *testing.T) {
	p, err := Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	u := p.Units()
	for id, want := range map[string]string{
		"layout-title":        "湖南省现代化产业体系布局表",
		"layout-tier-header":  "一级产业",
		"layout-total-label":  "各产业市州布局数量（个）",
		"layout-tier-a":       "A：传统产业",
		"layout-a1":           "A1：现代石化",
		"layout-city-xiangxi": "湘西自治州",
		"layout-note":         "注：核心产业★★★，重点产业★★",
		"kp-label":            "附件2",
		"kp-col-1":            "产业类别",
	} {
		if u[id] != want {
			t.Errorf("unit %s is %q, want %q", id, u[id], want)
		}
	}
	for _, g := range p.Document.General.Regions.Groups {
		if got := u["regions-"+g.ID.Value]; !strings.HasPrefix(got, g.Name.ZH+"：") {
			t.Errorf("regions-%s does not open with its lead-in %s：: %q", g.ID.Value, g.Name.ZH, got)
		}
	}
	if got := u["safeguard-1"]; !strings.HasPrefix(got, "1."+p.Document.Safeguards.Items[0].Title.ZH+"。") {
		t.Errorf("safeguard-1 loses its number or its 。: %q", got)
	}
	n := len(p.FullText()) + 6 + 2 + len(p.Document.General.Regions.Groups) + len(p.Cities) + len(p.Document.Tiers) +
		len(p.Document.Attachments.Attachment2.Columns) + 8*len(p.Industries)
	if len(u) != n {
		t.Errorf("%d units, want %d: two texts share an id", len(u), n)
	}
}
