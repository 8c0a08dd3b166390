package pages

import (
	"fmt"
	"strings"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// Pair is one block of the full text in both languages, under the id the
// single-language texts give it, so that a link to a paragraph in either
// reaches its pair.
type Pair struct {
	ID      string    `json:"id"`
	Kind    string    `json:"kind"`
	ZH      string    `json:"zh"`
	EN      string    `json:"en"`
	ZHLines []string  `json:"zhLines,omitempty"`
	ENLines []string  `json:"enLines,omitempty"`
	Notes   []NoteRef `json:"notes,omitempty"`
}

// KeyPointPair is one industry's row of attachment 2 in both languages:
// each column's heading and cell, Chinese and English.
type KeyPointPair struct {
	ID       string     `json:"id"`
	Industry Link       `json:"industry"`
	ZH       string     `json:"zh"` // the industry's name in each
	EN       string     `json:"en"`
	NameUnit string     `json:"nameUnit"` // the Chinese name's unit of the plan
	Cells    []CellPair `json:"cells"`
	Notes    []NoteRef  `json:"notes,omitempty"`
}

// CellPair is one column of a key-points row, with the units of the
// plan its Chinese heading and cell show.
type CellPair struct {
	ZHHead     string   `json:"zhHead"`
	ENHead     string   `json:"enHead"`
	ZH         []string `json:"zh"`
	EN         []string `json:"en"`
	ZHHeadUnit string   `json:"zhHeadUnit"`
	ZHUnit     string   `json:"zhUnit"`
}

// bilingual is the full text with each block's Chinese beside its English.
// Both language sites carry it, each with its own interface.
func (v *view) bilingual() *Page {
	zh, en := newView(v.p, plan.ZH, nil), newView(v.p, plan.EN, nil)
	var pairs []Pair
	notes := v.placedNotes()
	for _, b := range v.p.FullText() {
		pairs = append(pairs, Pair{ID: b.ID, Kind: blockKinds[b.Kind], ZH: b.Text.ZH, EN: b.Text.EN,
			ZHLines: splitIfMany(b.Text.ZH), ENLines: splitIfMany(b.Text.EN), Notes: notes.blocks[b.ID]})
	}
	a := v.p.Document.Attachments
	var rows []KeyPointPair
	zr, er := zh.keyPointRows(), en.keyPointRows()
	for i, ind := range v.p.Industries {
		row := KeyPointPair{ID: "kp-" + strings.ToLower(ind.Code.Value), Industry: v.industryLink(ind), ZH: ind.Name.ZH, EN: ind.Name.EN,
			NameUnit: plan.KeyPointsUnit(ind, "name"), Notes: notes.keyPoints[ind]}
		for c, col := range a.Attachment2.Columns[1:] {
			row.Cells = append(row.Cells, CellPair{ZHHead: col.ZH, ENHead: col.EN, ZH: zr[i].Cells[c], EN: er[i].Cells[c],
				ZHHeadUnit: plan.KeyPointsColumnUnit(c + 1), ZHUnit: zr[i].CellUnits[c]})
		}
		rows = append(rows, row)
	}
	return &Page{
		Title:       uitext.In(v.l, "go_page_bilingual"),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_bilingual"), v.t(v.p.Document.Title), v.t(v.p.Document.Notice.Number)),
		Params: &BilingualParams{
			Pairs:          pairs,
			LayoutTitle:    Both{a.Layout.Title.ZH, a.Layout.Title.EN},
			LayoutNote:     Both{a.Layout.Note.ZH, a.Layout.Note.EN},
			LayoutZH:       zh.matrix(),
			LayoutEN:       en.matrix(),
			KeyPointsLabel: Both{a.Attachment2.Label.ZH, a.Attachment2.Label.EN},
			KeyPointsTitle: Both{a.Attachment2.Title.ZH, a.Attachment2.Title.EN},
			KeyPoints:      rows,
		},
	}
}

func (v *view) cityNamed(t *plan.Term) *plan.City {
	if t.Kind.Value != "city" {
		return nil
	}
	for _, c := range v.p.Cities {
		if c.Name.ZH == t.ZH.Value {
			return c
		}
	}
	return nil
}

// other is a text in the language the view is not in.
func (v *view) other(t plan.Text) string {
	if v.l == plan.ZH {
		return t.EN
	}
	return t.ZH
}

// otherNames are names in the other language, once each, for the search
// index alone: a reader who types 三一 on the English site, or Zoomlion
// on the Chinese, finds the pages that name the company.
func otherNames(names []string) string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return strings.Join(out, " · ")
}

// addSearchNames gives the full text, each industry page and each city
// page the other language's names of what it names: ownNames for the
// page's own subject, which the template weights above the others.
func (v *view) addSearchNames(out map[string]*Page) {
	mentions := v.p.NameMentions()
	var inText []string
	byIndustry := map[*plan.Industry][]string{}
	for _, t := range v.p.Names().Entries(v.p) {
		m := mentions[t]
		name := v.other(plan.Text{ZH: t.ZH.Value, EN: t.EN})
		if len(m.Blocks)+len(m.KeyPoints) > 0 {
			inText = append(inText, name)
		}
		for _, ind := range m.Industries {
			byIndustry[ind] = append(byIndustry[ind], name)
		}
	}
	set := func(path, own, other string) {
		if pg := out[path]; pg != nil {
			*pg.Params.(searchNamed).searchNames() = SearchNames{OwnNames: own, OtherNames: other}
		}
	}
	set("plan.md", "", otherNames(inText))
	for _, ind := range v.p.Industries {
		set("industries/"+ind.Slug.Value+".md", v.other(ind.Name), otherNames(byIndustry[ind]))
	}
	for _, c := range v.p.Cities {
		set("cities/"+c.Code.Value+".md", otherNames([]string{v.other(c.Name), v.other(c.Full), v.other(c.Short)}), "")
	}
}
