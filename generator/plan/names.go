package plan

import (
	"reflect"
	"strings"
)

// Mentions are the places where the plan names one glossary entry.
type Mentions struct {
	// Blocks are the full text's block ids (FullText) whose Chinese names
	// the entry, in print order.
	Blocks []string
	// KeyPoints are the industries whose row of attachment 2 names it.
	KeyPoints []*Industry
	// Industries are the industries whose text (body or attachment 2)
	// names it, in code order.
	Industries []*Industry
}

// Entries are every name of the glossary: the files' entries in file
// order, then each city under the name the plan gives it (长沙, not the
// full 长沙市, which the plan seldom writes).
func (g *Glossary) Entries(p *Plan) []*Term {
	var out []*Term
	seen := map[*Term]bool{}
	for _, t := range p.Glossary {
		if g.terms[t.ZH.Value] == t && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, c := range p.Cities {
		if t := g.terms[c.Name.ZH]; t != nil && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// NameMentions finds, for every glossary entry, where the plan names it.
// A name is found as validation finds it (the longest name at each
// place), and, where that never finds it because a longer name always
// contains it (三一 within 三一集团), wherever it stands as written.
func (p *Plan) NameMentions() map[*Term]*Mentions {
	p.mentions.once.Do(func() { p.mentions.m = p.nameMentions() })
	return p.mentions.m
}

func (p *Plan) nameMentions() map[*Term]*Mentions {
	g := p.glossary
	out := map[*Term]*Mentions{}
	at := func(t *Term) *Mentions {
		if out[t] == nil {
			out[t] = &Mentions{}
		}
		return out[t]
	}
	type place struct {
		text  string
		block string    // a full-text block, or
		kp    *Industry // a row of attachment 2
	}
	var places []place
	for _, b := range p.FullText() {
		places = append(places, place{text: b.Text.ZH, block: b.ID})
	}
	industryText := map[*Industry]string{}
	for _, ind := range p.Industries {
		var kp, all strings.Builder
		walkTexts(reflect.ValueOf(&ind.KeyPoints), "key_points", func(_ string, t *Text) { kp.WriteString(t.ZH + "\n") })
		kp.WriteString(ind.KeyPoints.Cities.Value)
		places = append(places, place{text: kp.String(), kp: ind})
		walkTexts(reflect.ValueOf(ind), "", func(_ string, t *Text) { all.WriteString(t.ZH + "\n") })
		all.WriteString(ind.KeyPoints.Cities.Value)
		industryText[ind] = all.String()
	}
	record := func(t *Term, pl place) {
		m := at(t)
		if pl.block != "" && (len(m.Blocks) == 0 || m.Blocks[len(m.Blocks)-1] != pl.block) {
			m.Blocks = append(m.Blocks, pl.block)
		}
		if pl.kp != nil && (len(m.KeyPoints) == 0 || m.KeyPoints[len(m.KeyPoints)-1] != pl.kp) {
			m.KeyPoints = append(m.KeyPoints, pl.kp)
		}
	}
	for _, pl := range places {
		for _, t := range g.Find(pl.text) {
			record(t, pl)
		}
	}
	// The names each text contains anywhere, nested ones too: what
	// strings.Contains would find, for every name in one pass per text.
	// Every name here is the glossary's (Find's or Entries'), so it is one
	// of the keys contained looks for.
	placeNames := make([]map[string]bool, len(places))
	for i, pl := range places {
		placeNames[i] = g.contained(pl.text)
	}
	for _, t := range g.Entries(p) {
		if out[t] != nil {
			continue
		}
		for i, pl := range places {
			if placeNames[i][t.ZH.Value] {
				record(t, pl)
			}
		}
	}
	industryNames := make([]map[string]bool, len(p.Industries))
	for i, ind := range p.Industries {
		industryNames[i] = g.contained(industryText[ind])
	}
	for t, m := range out {
		for i, ind := range p.Industries {
			if industryNames[i][t.ZH.Value] {
				m.Industries = append(m.Industries, ind)
			}
		}
	}
	return out
}
