package pages

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// NameEntry is one glossary name on the names index.
type NameEntry struct {
	ZH    string      `json:"zh"`
	EN    string      `json:"en"`
	Kind  string      `json:"kind"`
	Basis string      `json:"basis"`
	Note  string      `json:"note,omitempty"`
	Tnote string      `json:"tnote,omitempty"` // the id of its translator's note
	Where []NameGroup `json:"where"`
	City  *Link       `json:"city,omitempty"`
}

// NameGroup is where the plan names an entry: a lead-in (附件2：) and
// links into the side-by-side text, each titled by its place.
type NameGroup struct {
	Heading string `json:"heading,omitempty"`
	Links   []Link `json:"links"`
}

// NameLetter is the entries under one initial: the English name's first
// letter, or the first syllable's in pinyin; "#" for names that begin
// with a figure.
type NameLetter struct {
	Letter  string      `json:"letter"`
	Entries []NameEntry `json:"entries"`
}

// NameKind is one kind of name (company, body, place…) and how many the
// index has, for its filter.
type NameKind struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// nameKinds is the order of the kinds in the filter: the ones investors
// look up first.
var nameKinds = []string{"company", "city", "place", "body", "platform", "project", "brand", "term"}

// namesIndex lists every name in the order a reader looks one up:
// alphabetically by the English on the English site, by pinyin on the
// Chinese, each with links to where the side-by-side text names it.
func (v *view) namesIndex() *Page {
	g := v.p.Names()
	mentions := v.p.NameMentions()
	loc := v.locators()
	tnotes := map[string]string{}
	for _, n := range v.p.Notes {
		tnotes[n.At.ZH] = n.ID.Value
	}
	entries := g.Entries(v.p)
	keys := nameSortKeys(v.l, entries)
	sort.SliceStable(entries, func(i, j int) bool { return keys.less(entries[i], entries[j]) })
	count := map[string]int{}
	var letters []NameLetter
	for _, t := range entries {
		m := mentions[t]
		e := NameEntry{ZH: t.ZH.Value, EN: t.EN, Kind: t.Kind.Value, Basis: t.Basis.Value, Tnote: tnotes[t.ZH.Value]}
		if v.l == plan.EN {
			e.Note = t.Note
		}
		var cur *NameGroup
		var items []string
		flush := func() {
			if cur != nil && len(items) > 0 {
				format := uitext.In(v.l, "go_loc_item")
				if len(items) > 1 {
					format = uitext.In(v.l, "go_loc_items")
				}
				cur.Links[0].Title += fmt.Sprintf(format, sentenceList(v.l, items))
			}
			items = nil
		}
		for _, id := range m.Blocks {
			l := loc[id]
			if cur == nil || cur.Links[0].Code != l.section {
				flush()
				e.Where = append(e.Where, NameGroup{Links: []Link{{Path: "bilingual/#" + id, Title: l.section, Code: l.section}}})
				cur = &e.Where[len(e.Where)-1]
			}
			if l.item != "" {
				items = append(items, l.item)
			}
		}
		flush()
		for i := range e.Where {
			e.Where[i].Links[0].Code = ""
		}
		if len(m.KeyPoints) > 0 {
			grp := NameGroup{Heading: uitext.In(v.l, "go_loc_keyPointsLead")}
			for _, ind := range m.KeyPoints {
				grp.Links = append(grp.Links, Link{Path: "bilingual/#kp-" + strings.ToLower(ind.Code.Value), Title: v.t(ind.Name)})
			}
			e.Where = append(e.Where, grp)
		}
		if c := v.cityNamed(t); c != nil {
			l := v.cityLink(c)
			e.City = &l
		}
		count[t.Kind.Value]++
		letter := keys.letter[t]
		if n := len(letters); n == 0 || letters[n-1].Letter != letter {
			letters = append(letters, NameLetter{Letter: letter})
		}
		letters[len(letters)-1].Entries = append(letters[len(letters)-1].Entries, e)
	}
	var kinds []NameKind
	for _, k := range nameKinds {
		if count[k] > 0 {
			kinds = append(kinds, NameKind{Kind: k, Count: count[k]})
		}
	}
	return &Page{
		Title:       uitext.In(v.l, "go_page_names"),
		Description: fmt.Sprintf(uitext.In(v.l, "go_desc_names"), len(entries)),
		Params:      &NamesParams{Kinds: kinds, Letters: letters, Total: len(entries)},
	}
}

// nameKeys order the names of one language's index and give each its
// initial.
type nameKeys struct {
	l      plan.Lang
	key    map[*plan.Term]string // the pinyin key (Chinese)
	letter map[*plan.Term]string
	coll   *collate.Collator
}

func (k nameKeys) less(a, b *plan.Term) bool {
	if k.l == plan.EN {
		if c := k.coll.CompareString(filed(a.EN), filed(b.EN)); c != 0 {
			return c < 0
		}
		return a.ZH.Value < b.ZH.Value
	}
	if k.key[a] != k.key[b] {
		return k.key[a] < k.key[b]
	}
	return a.ZH.Value < b.ZH.Value
}

// nameSortKeys works out the order and the initials. English names sort
// by the language's collation. Chinese names sort by their pinyin, read
// from go-pinyin's table; where that table gives the first character more
// than one reading (长: cháng, zhǎng), the reading is the one the
// glossary's own English spells (长沙, Changsha), or, where a name's
// English does not spell it (长江经济带, Yangtze River Economic Belt),
// the one another name beginning with that character spells.
func nameSortKeys(l plan.Lang, terms []*plan.Term) nameKeys {
	k := nameKeys{l: l, key: map[*plan.Term]string{}, letter: map[*plan.Term]string{}, coll: collate.New(language.English, collate.IgnoreCase)}
	if l == plan.EN {
		for _, t := range terms {
			k.letter[t] = initial(filed(t.EN))
		}
		return k
	}
	args := pinyin.NewArgs()
	args.Style = pinyin.Tone3
	args.Heteronym = true
	args.Fallback = func(r rune, _ pinyin.Args) []string { return []string{string(r)} }
	readings := make(map[*plan.Term][][]string, len(terms))
	learned := map[rune]string{}
	first := func(t *plan.Term) (rune, bool) {
		r, _ := utf8.DecodeRuneInString(t.ZH.Value)
		return r, unicode.Is(unicode.Han, r)
	}
	for _, t := range terms {
		readings[t] = pinyin.Pinyin(t.ZH.Value, args)
		if r, han := first(t); han && len(readings[t]) > 0 && len(readings[t][0]) > 1 {
			if s := spelled(readings[t][0], t.EN); s != "" {
				learned[r] = s
			}
		}
	}
	for _, t := range terms {
		rs := readings[t]
		r, han := first(t)
		if !han || len(rs) == 0 {
			k.key[t] = "\x00" + t.ZH.Value // figures and Latin letters first
			k.letter[t] = "#"
			continue
		}
		syl := make([]string, len(rs))
		for i, opts := range rs {
			syl[i] = opts[0]
		}
		if len(rs[0]) > 1 {
			if s := spelled(rs[0], t.EN); s != "" {
				syl[0] = s
			} else if s := learned[r]; s != "" {
				syl[0] = s
			}
		}
		k.key[t] = strings.Join(syl, " ")
		k.letter[t] = strings.ToUpper(syl[0][:1])
	}
	return k
}

// spelled is the reading, of several, that an English name begins with
// (tone marks aside), or "".
func spelled(readings []string, en string) string {
	en = strings.ToLower(en)
	best := ""
	for _, r := range readings {
		bare := strings.TrimRight(r, "012345")
		if strings.HasPrefix(en, bare) && len(bare) > len(strings.TrimRight(best, "012345")) {
			best = r
		}
	}
	return best
}

// filed is an English name as it is filed: without the quotation marks
// it may open with ("three rare" minerals under T).
func filed(name string) string { return strings.TrimLeft(name, "\"'“‘") }

// initial is the letter an English name is filed under; "#" for a
// figure or a sign.
func initial(name string) string {
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLetter(r) {
		return "#"
	}
	return string(unicode.ToUpper(r))
}
