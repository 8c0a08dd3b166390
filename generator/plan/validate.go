package plan

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

var (
	industryCode = regexp.MustCompile(`^[A-D][1-9]$`)
	slugPattern  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	termKinds    = []string{"company", "body", "place", "brand", "project", "platform", "term"}
	termBases    = []string{"official", "translated", "pinyin"}
	// checkedKinds are the glossary kinds whose English must appear in the
	// English of every text whose Chinese names them.
	checkedKinds = []string{"company", "body", "place", "city"}
)

// validate links the parts of p and checks them; it runs only when every
// file decoded.
func validate(p *Plan, l *loader) {
	docLog, cityLog, layoutLog := l.log("plan.yaml"), l.log("cities.yaml"), l.log("layout.yaml")

	checkTexts(docLog, "", &p.Document)
	checkTexts(cityLog, "", &p.Cities)
	checkTexts(layoutLog, "", &p.Layout)
	for _, ind := range p.Industries {
		checkTexts(l.log(ind.file), "", ind)
	}

	if d := p.Document; !strings.HasPrefix(d.Notice.Issuer.ZH, d.Jurisdiction.ZH) {
		docLog.add(d.Jurisdiction.Line, "jurisdiction", "%q is not the province of the issuer %q", d.Jurisdiction.ZH, d.Notice.Issuer.ZH)
	} else if n := d.Notice; n.Year() == "" {
		docLog.add(n.Number.Line, "notice.number", "%q gives no year of issue as 〔YYYY〕", n.Number.ZH)
	}

	tiers := map[string]*Tier{}
	for i, t := range p.Document.Tiers {
		if tiers[t.Code.Value] != nil {
			docLog.add(t.Code.Line, fmt.Sprintf("tiers[%d].code", i), "duplicate tier %q", t.Code.Value)
		}
		tiers[t.Code.Value] = t
	}

	cities := map[string]*City{}
	for i, c := range p.Cities {
		field := fmt.Sprintf("[%d].code", i)
		switch {
		case !slugPattern.MatchString(c.Code.Value):
			cityLog.add(c.Code.Line, field, "city code %q must be lower-case words joined by hyphens", c.Code.Value)
		case cities[c.Code.Value] != nil:
			cityLog.add(c.Code.Line, field, "duplicate city %q", c.Code.Value)
		}
		cities[c.Code.Value] = c
		if c.MapName == "" { // line 0: the map_name key's, or the city's
			cityLog.add(0, fmt.Sprintf("[%d].map_name", i), "missing the city's name in the map data")
		}
	}
	cityRef := func(lg *problemLog, s Str, field string) *City {
		c := cities[s.Value]
		if c == nil {
			lg.add(s.Line, field, "unknown city %q", s.Value)
		}
		return c
	}

	industries := map[string]*Industry{}
	slugs := map[string]bool{}
	for _, ind := range p.Industries {
		lg := l.log(ind.file)
		code := ind.Code.Value
		switch {
		case !industryCode.MatchString(code):
			lg.add(ind.Code.Line, "code", "industry code %q must be a tier letter A–D and a number, as in B1", code)
		case industries[code] != nil:
			lg.add(ind.Code.Line, "code", "duplicate industry %q (also in %s)", code, industries[code].file)
		default:
			industries[code] = ind
			ind.Tier = tiers[code[:1]]
			if ind.Tier == nil {
				lg.add(ind.Code.Line, "code", "industry %q belongs to tier %q, which plan.yaml does not define", code, code[:1])
			}
		}
		if !slugPattern.MatchString(ind.Slug.Value) {
			lg.add(ind.Slug.Line, "slug", "slug %q must be lower-case words joined by hyphens", ind.Slug.Value)
		} else if slugs[ind.Slug.Value] {
			lg.add(ind.Slug.Line, "slug", "duplicate slug %q", ind.Slug.Value)
		}
		slugs[ind.Slug.Value] = true
	}
	industryRef := func(lg *problemLog, s Str, field string) *Industry {
		ind := industries[s.Value]
		if ind == nil {
			lg.add(s.Line, field, "unknown industry %q", s.Value)
		}
		return ind
	}

	// The regional layout places every city in exactly one group.
	for gi, g := range p.Document.General.Regions.Groups {
		base := fmt.Sprintf("general.regions.groups[%d]", gi)
		for ci, cf := range g.Cities {
			c := cityRef(docLog, cf.City, fmt.Sprintf("%s.cities[%d].city", base, ci))
			if c == nil {
				continue
			}
			for fi, f := range cf.Focus {
				if f.Industry.Value != "" {
					industryRef(docLog, f.Industry, fmt.Sprintf("%s.cities[%d].focus[%d].industry", base, ci, fi))
				}
			}
			if c.Group != nil {
				docLog.add(cf.City.Line, fmt.Sprintf("%s.cities[%d].city", base, ci), "city %q is already in group %q", c.Code.Value, c.Group.ID.Value)
				continue // the first group stands
			}
			c.Group, c.Focus = g, cf
		}
	}
	// An area lies within its group, and a city in one area at most; this
	// needs every city's group, hence a second pass.
	for gi, g := range p.Document.General.Regions.Groups {
		for ai, a := range g.Areas {
			for ci, s := range a.Cities {
				field := fmt.Sprintf("general.regions.groups[%d].areas[%d].cities[%d]", gi, ai, ci)
				c := cityRef(docLog, s, field)
				switch {
				case c == nil:
				case c.Group != nil && c.Group != g:
					docLog.add(s.Line, field, "city %q is in group %q, not in this area's group %q", c.Code.Value, c.Group.ID.Value, g.ID.Value)
				case c.Area != nil:
					docLog.add(s.Line, field, "city %q is already in area %q", c.Code.Value, c.Area.ID.Value)
				default:
					c.Area = a
				}
			}
		}
	}
	for i, c := range p.Cities {
		if c.Group == nil {
			cityLog.add(c.Code.Line, fmt.Sprintf("[%d].code", i), "city %q is in no group of the regional layout (plan.yaml general.regions)", c.Code.Value)
		}
	}

	validateLayout(p, layoutLog, cities, industries, cityRef, industryRef)

	glossary := buildGlossary(p, l)
	for _, ind := range p.Industries {
		lg := l.log(ind.file)
		checkUnits(lg, "units", ind.Units, ind.Responsibility, glossary)
		checkAttachmentCities(lg, p, ind, cities)
		checkTargets(lg, "targets", ind.Targets, map[Source]string{
			SourceBody:        ind.BodyText(),
			SourceAttachment2: ind.KeyPoints.Goal.ZH,
		})
		for i, n := range ind.Notes {
			if !slices.Contains(keyPointFields, n.Field.Value) {
				lg.add(n.Field.Line, fmt.Sprintf("notes[%d].field", i), "field %q is not one of %s", n.Field.Value, strings.Join(keyPointFields, ", "))
			}
		}
		checkNames(lg, ind, glossary)
	}
	for i, s := range p.Document.Safeguards.Items {
		checkUnits(docLog, fmt.Sprintf("safeguards.items[%d].units", i), s.Units, s.Responsibility, glossary)
	}
	checkTargets(docLog, "general.goals.targets", p.Document.General.Goals.Targets, map[Source]string{
		SourceBody: p.Document.General.Goals.Paragraph.ZH,
	})
	checkNames(docLog, &p.Document, glossary)
	checkNames(cityLog, &p.Cities, glossary)
	checkFigures(docLog, &p.Document, glossary)
	checkFigures(cityLog, &p.Cities, glossary)
	for _, ind := range p.Industries {
		checkFigures(l.log(ind.file), ind, glossary)
	}
}

var keyPointFields = []string{"goal", "products", "technologies", "enterprises", "cities"}

// checkTexts requires both languages of every Text under v: a Chinese text
// without its English is an error, and so is a text left out, or one of
// spaces only (it would print as nothing). A text left out has no line:
// line 0 lets the log place each problem at the field's key, or where the
// field is absent at what encloses it. Every string under v is also kept
// free of control characters.
func checkTexts(lg *problemLog, path string, v any) {
	walkTexts(reflect.ValueOf(v), path, func(field string, t *Text) {
		zhBlank, enBlank := strings.TrimSpace(t.ZH) == "", strings.TrimSpace(t.EN) == ""
		switch {
		case t.ZH == "" && t.EN == "":
			lg.add(0, field, "missing text (zh and en)")
		case t.EN == "":
			lg.add(0, field+".en", "missing English translation")
		case t.ZH == "":
			lg.add(0, field+".zh", "missing Chinese text")
		}
		if zhBlank && t.ZH != "" {
			lg.add(0, field+".zh", "the Chinese is blank (spaces only)")
		}
		if enBlank && t.EN != "" {
			lg.add(0, field+".en", "the English is blank (spaces only)")
		}
	})
	walkStrings(reflect.ValueOf(v), path, func(field, s string) {
		checkControl(lg, field, s)
	})
}

// checkControl rejects control characters (Unicode category Cc) other than
// the newline: invisible on the page, they are never meant, and a NUL or a
// stray carriage return breaks what reads the pages. Format characters such
// as U+202E are not controls and stay allowed.
func checkControl(lg *problemLog, field, s string) {
	for i, r := range s {
		if r != '\n' && unicode.Is(unicode.Cc, r) {
			before := []rune(s[:i])
			if len(before) > 20 {
				before = append([]rune("…"), before[len(before)-20:]...)
			}
			lg.add(0, field, "holds an invisible control character %U%s after %q: delete it", r, controlNames[r], string(before))
			return
		}
	}
}

var controlNames = map[rune]string{0: " (NUL)", '\t': " (tab)", '\r': " (carriage return)"}

var textType = reflect.TypeOf(Text{})

// walkTexts calls fn for every Text reachable from v through exported,
// YAML-decoded fields, with its key path.
func walkTexts(v reflect.Value, path string, fn func(string, *Text)) {
	walkFields(v, path, func(p string, f reflect.Value) bool {
		if f.Type() != textType {
			return false
		}
		fn(p, f.Addr().Interface().(*Text))
		return true
	})
}

var strType = reflect.TypeOf(Str{})

// walkStrings calls fn for every string reachable from v as walkTexts
// goes: the two languages of each Text, each Str and each plain string.
func walkStrings(v reflect.Value, path string, fn func(field, s string)) {
	walkFields(v, path, func(p string, f reflect.Value) bool {
		switch {
		case f.Type() == textType:
			t := f.Interface().(Text)
			fn(p+".zh", t.ZH)
			fn(p+".en", t.EN)
		case f.Type() == strType:
			fn(p, f.Interface().(Str).Value)
		case f.Kind() == reflect.String:
			fn(p, f.String())
		default:
			return false
		}
		return true
	})
}

// walkFields calls visit for every value reachable from v through exported,
// YAML-decoded fields, pointers and slices, with its key path; where visit
// returns true it does not look inside.
func walkFields(v reflect.Value, path string, visit func(string, reflect.Value) bool) {
	if visit(path, v) {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkFields(v.Elem(), path, visit)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkFields(v.Index(i), fmt.Sprintf("%s[%d]", path, i), visit)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if !f.IsExported() || tag == "-" || tag == "" {
				continue
			}
			p := tag
			if path != "" {
				p = path + "." + tag
			}
			walkFields(v.Field(i), p, visit)
		}
	}
}

func validateLayout(p *Plan, lg *problemLog, cities map[string]*City, industries map[string]*Industry,
	cityRef func(*problemLog, Str, string) *City, industryRef func(*problemLog, Str, string) *Industry) {
	if p.Layout.Source.Value != "attachment1" {
		lg.add(p.Layout.Source.Line, "source", "the layout table's source must be attachment1, got %q", p.Layout.Source.Value)
	}
	perCity := map[string]int{}
	seen := map[string]bool{}
	for i, row := range p.Layout.Rows {
		base := fmt.Sprintf("rows[%d]", i)
		ind := industryRef(lg, row.Industry, base+".industry")
		if seen[row.Industry.Value] {
			lg.add(row.Industry.Line, base+".industry", "industry %q has a second row", row.Industry.Value)
			continue // the first row stands; counting this one too would only repeat the problem
		}
		seen[row.Industry.Value] = true
		n := 0
		for _, code := range sortedKeys(row.Ratings) {
			r := row.Ratings[code]
			if cityRef(lg, Str{Value: code, Line: r.Line}, base+".ratings."+code) == nil {
				continue
			}
			if r.Level == "" { // left empty: the decoder skips Rating.UnmarshalYAML
				lg.add(r.Line, base+".ratings."+code, "empty rating: write ★★★ (core) or ★★ (key)")
			}
			n++
			perCity[code]++
		}
		if row.Count.N != n {
			lg.add(row.Count.Line, base+".count", "the table states %d cities for %s, but its row rates %d", row.Count.N, row.Industry.Value, n)
		}
		if ind != nil {
			ind.layout = row
		}
	}
	for _, ind := range p.Industries {
		if ind.layout == nil && industries[ind.Code.Value] == ind {
			lg.add(0, "rows", "industry %s has no row in the layout table", ind.Code.Value)
		}
	}
	for _, code := range sortedKeys(p.Layout.CityCounts) {
		stated := p.Layout.CityCounts[code]
		if cityRef(lg, Str{Value: code, Line: stated.Line}, "city_counts."+code) == nil {
			continue
		}
		if stated.N != perCity[code] {
			lg.add(stated.Line, "city_counts."+code, "the table states %d industries for %s, but its column rates %d", stated.N, code, perCity[code])
		}
	}
	for _, c := range p.Cities {
		if _, ok := p.Layout.CityCounts[c.Code.Value]; !ok {
			lg.add(0, "city_counts", "no stated count for city %q", c.Code.Value)
		}
	}
}

// checkAttachmentCities compares attachment 2's city cell with the layout
// table's row: the document agrees with itself here, and must go on doing so.
func checkAttachmentCities(lg *problemLog, p *Plan, ind *Industry, cities map[string]*City) {
	cell := ind.KeyPoints.Cities
	named, unknown := ParseCityCell(cell.Value, p.Cities)
	for _, u := range unknown {
		lg.add(cell.Line, "key_points.cities", "unknown city %q", u)
	}
	if ind.layout == nil || len(unknown) > 0 {
		return
	}
	var rated []string
	for _, c := range p.Cities {
		if _, ok := ind.layout.Ratings[c.Code.Value]; ok {
			rated = append(rated, c.Code.Value)
		}
	}
	var got []string
	for _, c := range named {
		got = append(got, c.Code.Value)
	}
	if !slices.Equal(got, rated) {
		lg.add(cell.Line, "key_points.cities", "attachment 2 names %v, the layout table rates %v", got, rated)
	}
}

// checkUnits requires each responsible unit to be a glossary body named in
// the responsibility line.
func checkUnits(lg *problemLog, field string, units []Str, line Text, g *Glossary) {
	for i, u := range units {
		t := g.Lookup(u.Value)
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case t == nil || t.Kind.Value != "body":
			lg.add(u.Line, f, "%q is not a government body in the glossary", u.Value)
		case !strings.Contains(line.ZH, u.Value):
			lg.add(u.Line, f, "%q is not named in the responsibility line", u.Value)
		}
	}
}

// checkNames requires the glossary English of every company, body, place
// and city named in a Chinese text to stand in that text's English.
func checkNames(lg *problemLog, v any, g *Glossary) {
	walkTexts(reflect.ValueOf(v), "", func(field string, t *Text) {
		if t.EN == "" {
			return // reported by checkTexts
		}
		for _, term := range g.Find(t.ZH) {
			if slices.Contains(checkedKinds, term.Kind.Value) && !strings.Contains(t.EN, term.EN) {
				lg.add(0, field+".en", "names %s, but not as %q (glossary %s)", term.ZH.Value, term.EN, term.File)
			}
		}
	})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
