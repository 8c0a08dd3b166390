package pages

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// NoteRef is a translator's note where a page prints it: after the
// plan's words it explains, at their first place on the page, outside
// the element that holds the plan's text.
type NoteRef struct {
	ID   string `json:"id"`
	Mark string `json:"mark"` // 译注1, Translator's note 1
	Text string `json:"text"`
}

// placedNotes are the notes of the full text's pages (the full text and
// the side-by-side text, which print the plan in the same order): by
// block id, and by industry for its row of attachment 2, numbered in
// print order.
type placedNotes struct {
	blocks    map[string][]NoteRef
	keyPoints map[*plan.Industry][]NoteRef
}

func (v *view) placedNotes() placedNotes {
	order := map[string]int{}
	for i, b := range v.p.FullText() {
		order[b.ID] = i
	}
	for i, ind := range v.p.Industries {
		order["kp-"+ind.Code.Value] = len(order) + i
	}
	at := func(n *plan.TranslatorNote) int {
		if ind := n.Place.KeyPoints; ind != nil {
			return order["kp-"+ind.Code.Value]
		}
		return order[n.Place.Block]
	}
	notes := append([]*plan.TranslatorNote(nil), v.p.Notes...)
	sort.SliceStable(notes, func(i, j int) bool { return at(notes[i]) < at(notes[j]) })
	out := placedNotes{blocks: map[string][]NoteRef{}, keyPoints: map[*plan.Industry][]NoteRef{}}
	for i, n := range notes {
		ref := NoteRef{ID: n.ID.Value, Mark: fmt.Sprintf(uitext.In(v.l, "go_note_mark"), i+1), Text: v.t(n.Note)}
		if ind := n.Place.KeyPoints; ind != nil {
			out.keyPoints[ind] = append(out.keyPoints[ind], ref)
		} else {
			out.blocks[n.Place.Block] = append(out.blocks[n.Place.Block], ref)
		}
	}
	return out
}

// NoteEntry is one note on the notes page: the words it explains in both
// languages, the note, and where the plan first prints them.
type NoteEntry struct {
	ID    string `json:"id"`
	ZH    string `json:"zh"`
	EN    string `json:"en"`
	Text  string `json:"text"`
	Where Link   `json:"where"`
}

// NoteKind is one kind of note and its notes.
type NoteKind struct {
	Kind  string      `json:"kind"`
	Notes []NoteEntry `json:"notes"`
}

// notesPage collects the translator's notes, by kind, each linked to the
// place it explains in the side-by-side text.
func (v *view) notesPage() *Page {
	loc := v.locators()
	byKind := map[string][]NoteEntry{}
	for _, n := range v.p.Notes {
		e := NoteEntry{ID: n.ID.Value, ZH: n.At.ZH, EN: n.At.EN, Text: v.t(n.Note)}
		if ind := n.Place.KeyPoints; ind != nil {
			e.Where = Link{Path: "bilingual/#kp-" + strings.ToLower(ind.Code.Value), Title: fmt.Sprintf(uitext.In(v.l, "go_loc_keyPoints"), v.t(ind.Name))}
		} else {
			e.Where = Link{Path: "bilingual/#" + n.Place.Block, Title: loc.of(n.Place.Block, v.l)}
		}
		byKind[n.Kind.Value] = append(byKind[n.Kind.Value], e)
	}
	var kinds []NoteKind
	for _, k := range plan.NoteKinds() {
		if len(byKind[k]) > 0 {
			kinds = append(kinds, NoteKind{Kind: k, Notes: byKind[k]})
		}
	}
	return &Page{
		Title:       uitext.In(v.l, "go_page_notes"),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_notes"), len(v.p.Notes)),
		Params:      &NotesParams{Kinds: kinds},
	}
}

// locator says where a block of the full text stands, as a reader cites
// it: the industry (现代石化, Modern petrochemicals), else the part or
// section (一（三）区域布局, Part I (3) Regional layout), and, for a
// numbered item, its number.
type locator struct {
	section string
	item    string
}

type locators map[string]locator

// locators gives every block of the full text its locator.
func (v *view) locators() locators {
	out := locators{}
	industry := map[string]*plan.Industry{}
	for _, ind := range v.p.Industries {
		industry[ind.Slug.Value] = ind
	}
	cur, part := uitext.In(v.l, "go_loc_opening"), ""
	for _, b := range v.p.FullText() {
		text := v.t(b.Text)
		switch {
		case b.Kind == plan.Part:
			cur = text
			part, _, _ = strings.Cut(text, map[plan.Lang]string{plan.ZH: "、", plan.EN: "."}[v.l])
		case b.Kind == plan.Section && industry[b.ID] != nil:
			cur = v.t(industry[b.ID].Name) // an industry's name is locator enough
		case b.Kind == plan.Section:
			cur = fmt.Sprintf(uitext.In(v.l, "go_loc_section"), part, text)
		}
		l := locator{section: cur}
		if b.Kind == plan.NumberedItem {
			l.item = b.ID[strings.LastIndex(b.ID, "-")+1:]
		}
		out[b.ID] = l
	}
	return out
}

// of is one block's locator as text.
func (ls locators) of(id string, l plan.Lang) string {
	loc := ls[id]
	if loc.item == "" {
		return loc.section
	}
	return loc.section + fmt.Sprintf(uitext.In(l, "go_loc_item"), loc.item)
}

// sentenceList lists items in running text: 1、4; 1 and 4; 1, 2 and 4.
func sentenceList(l plan.Lang, items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], uitext.In(l, "go_chart_listSep")) + uitext.In(l, "go_chart_lastSep") + items[len(items)-1]
}
