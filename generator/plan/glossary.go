package plan

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Glossary maps each Chinese name to its one English name. It holds the
// entries of data/glossary/ and the cities' names.
type Glossary struct {
	terms map[string]*Term
	// longest is, for each character a name starts with, the longest such
	// name in runes: Find tries no longer prefixes, and none at all where
	// no name starts, which is at most characters of a text.
	longest map[rune]int
}

// Lookup gives the entry for a Chinese name, or nil.
func (g *Glossary) Lookup(zh string) *Term { return g.terms[zh] }

// EN gives the English of a Chinese name, or the name itself where the
// glossary lacks it (validation keeps that from reaching a page).
func (g *Glossary) EN(zh string) string {
	if t := g.terms[zh]; t != nil {
		return t.EN
	}
	return zh
}

// Find lists the names a Chinese text contains, taking the longest name at
// each position so that 三一集团 is found rather than 三一.
func (g *Glossary) Find(text string) []*Term {
	var found []*Term
	for i := 0; i < len(text); {
		var match *Term
		end := i
		g.namesAt(text, i, func(t *Term, j int) { match, end = t, j })
		if match != nil {
			found = append(found, match)
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return found
}

// contained is the set of names (Chinese) a text contains anywhere, inside
// a longer name too: strings.Contains for every name at once.
func (g *Glossary) contained(text string) map[string]bool {
	in := map[string]bool{}
	for i := 0; i < len(text); {
		g.namesAt(text, i, func(t *Term, _ int) { in[t.ZH.Value] = true })
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return in
}

// namesAt calls f with each name text[i:] starts with, shorter first, and
// the index its end is at.
func (g *Glossary) namesAt(text string, i int, f func(t *Term, end int)) {
	first, _ := utf8.DecodeRuneInString(text[i:])
	for n, j := 0, i; n < g.longest[first] && j < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[j:])
		j += size
		if t := g.terms[text[i:j]]; t != nil {
			f(t, j)
		}
	}
}

func newGlossary() *Glossary {
	return &Glossary{terms: map[string]*Term{}, longest: map[rune]int{}}
}

func (g *Glossary) add(t *Term) {
	g.terms[t.ZH.Value] = t
	first, _ := utf8.DecodeRuneInString(t.ZH.Value)
	g.longest[first] = max(g.longest[first], utf8.RuneCountInString(t.ZH.Value))
}

// buildGlossary checks the glossary files and adds the cities' names.
func buildGlossary(p *Plan, l *loader) *Glossary {
	g := newGlossary()
	index := map[string]int{} // position within its own file
	for _, t := range p.Glossary {
		lg := l.log(t.File)
		field := fmt.Sprintf("[%d]", index[t.File])
		index[t.File]++
		checkControl(lg, field+".zh", t.ZH.Value)
		checkControl(lg, field+".en", t.EN)
		checkControl(lg, field+".note", t.Note)
		switch {
		case strings.TrimSpace(t.ZH.Value) == "":
			lg.add(t.ZH.Line, field+".zh", "missing Chinese name")
			continue
		case strings.TrimSpace(t.EN) == "":
			lg.add(t.ZH.Line, field+".en", "missing English name for %s", t.ZH.Value)
		case !slices.Contains(termKinds, t.Kind.Value):
			lg.add(t.Kind.Line, field+".kind", "kind %q is not one of %s", t.Kind.Value, strings.Join(termKinds, ", "))
		case !slices.Contains(termBases, t.Basis.Value):
			lg.add(t.Basis.Line, field+".basis", "basis %q is not one of %s", t.Basis.Value, strings.Join(termBases, ", "))
		}
		checkGlossaryFigures(lg, field, t)
		if prev := g.terms[t.ZH.Value]; prev != nil {
			lg.add(t.ZH.Line, field+".zh", "duplicate glossary entry %s (also in %s)", t.ZH.Value, prev.File)
			continue
		}
		g.add(t)
	}
	for i, c := range p.Cities {
		for _, nf := range []struct {
			field string
			name  Text
		}{{"name", c.Name}, {"short", c.Short}, {"full", c.Full}} {
			name := nf.name
			if prev := g.terms[name.ZH]; prev != nil && prev.Kind.Value != "city" {
				l.log(prev.File).add(prev.ZH.Line, "", "%s is a city: cities.yaml names it, not the glossary", name.ZH)
				continue
			}
			if prev := g.terms[name.ZH]; prev != nil && prev.EN != name.EN {
				l.log("cities.yaml").add(0, fmt.Sprintf("[%d].%s.en", i, nf.field), "%s has two English names, %q and %q", name.ZH, prev.EN, name.EN)
				continue
			}
			g.add(&Term{ZH: Str{Value: name.ZH, Line: name.Line}, EN: name.EN, Kind: Str{Value: "city"}, Basis: Str{Value: "official"}, File: "cities.yaml"})
		}
	}
	p.glossary = g
	return g
}

// ParseCityCell reads attachment 2's city cell (长沙、\n岳阳、…怀化市, or
// 14个\n市州 for all) into cities, in the order written, with any name it
// does not know.
func ParseCityCell(cell string, cities []*City) (named []*City, unknown []string) {
	flat := strings.Join(strings.Fields(cell), "")
	if flat == fmt.Sprintf("%d个市州", len(cities)) {
		return cities, nil
	}
	for _, name := range strings.Split(flat, "、") {
		var match *City
		for _, c := range cities {
			if name == c.Name.ZH || name == c.Full.ZH || name == c.Name.ZH+"市" || name == c.Short.ZH {
				match = c
			}
		}
		if match == nil {
			unknown = append(unknown, name)
			continue
		}
		named = append(named, match)
	}
	return named, unknown
}
