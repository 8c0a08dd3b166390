package plan

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"
)

// glossaryFigureExemptions are the glossary entries whose English does not
// restate the figures of their Chinese, with the reason. Only the entry's
// own pair is exempt: a text naming one is checked with the name masked in
// both languages, as for every name that carries a figure.
var glossaryFigureExemptions = map[string]string{
	"党的二十大": "the Chinese writes the ordinal in Chinese numerals (二十), the English as a figure (20th)",
	"万千百":   "a programme named with Chinese numerals, which its English writes as figures (10,000-1,000-100)",
}

// checkFigures cross-checks the figures of every Text under v (see
// zhFigures) and returns how many Chinese figures it checked.
func checkFigures(lg *problemLog, v any, g *Glossary) int {
	n := 0
	walkTexts(reflect.ValueOf(v), "", func(field string, t *Text) {
		if t.ZH == "" || t.EN == "" {
			return // reported by checkTexts
		}
		zh, en := maskNames(t.ZH, t.EN, g)
		problems, count := figureProblems(zh, en)
		n += count
		for _, p := range problems {
			lg.add(0, field+".en", "%s", p)
		}
	})
	return n
}

// maskNames takes out of both languages each glossary name whose Chinese or
// English carries a figure, where the English gives the glossary's name:
// 608所 is AECC Hunan Aviation Powerplant Research Institute, 党的二十大 the
// 20th National Congress. Its figures are the name's, checked in the
// glossary. A name the English does not give is checked as written.
func maskNames(zh, en string, g *Glossary) (string, string) {
	if g == nil {
		return zh, en
	}
	for _, term := range g.Find(zh) {
		if !hasDigit(term.ZH.Value) && !hasDigit(term.EN) || !strings.Contains(en, term.EN) {
			continue
		}
		zh = strings.ReplaceAll(zh, term.ZH.Value, "※")
		en = strings.ReplaceAll(en, term.EN, "※")
	}
	return zh, en
}

func hasDigit(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

// figureProblems says, in words for an editor, where the English of a text
// misses a figure of its Chinese or states one the Chinese lacks; it also
// counts the Chinese figures. Each figure is looked for, not counted: 各1家
// is one figure the English may state twice.
func figureProblems(zh, en string) (problems []string, count int) {
	figures := zhFigures(zh)
	stated := enFigures(en)
	known := map[string]bool{}
	for _, f := range figures {
		for _, forms := range f.Forms {
			for _, form := range forms {
				known[form] = true
			}
			if !slices.ContainsFunc(forms, func(form string) bool { return slices.Contains(stated, form) || isWord(form) && hasWord(en, form) }) {
				problems = append(problems, fmt.Sprintf("the Chinese states %s; the English should state the value as %s", f.Text, quoteOr(forms)))
			}
		}
	}
	var extra []string
	for _, s := range stated {
		if !known[s] && !slices.Contains(extra, s) {
			extra = append(extra, s)
			problems = append(problems, fmt.Sprintf("the English states %q, a figure the Chinese does not state", s))
		}
	}
	return problems, len(figures)
}

func quoteOr(forms []string) string {
	q := make([]string, len(forms))
	for i, f := range forms {
		q[i] = fmt.Sprintf("%q", f)
	}
	return strings.Join(q, " or ")
}

func isWord(s string) bool { return !strings.ContainsFunc(s, unicode.IsDigit) }

// hasWord reports whether en holds w as a whole word, in any case.
func hasWord(en, w string) bool {
	en = strings.ToLower(en)
	for from := 0; ; {
		i := strings.Index(en[from:], w)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(w)
		letter := func(b byte) bool { return b >= 'a' && b <= 'z' }
		if (start == 0 || !letter(en[start-1])) && (end == len(en) || !letter(en[end])) {
			return true
		}
		from = end
	}
}

// checkGlossaryFigures cross-checks one glossary entry's two names.
func checkGlossaryFigures(lg *problemLog, field string, t *Term) {
	if _, ok := glossaryFigureExemptions[t.ZH.Value]; ok {
		return
	}
	problems, _ := figureProblems(t.ZH.Value, t.EN)
	for _, p := range problems {
		lg.add(t.ZH.Line, field+".en", "%s", p)
	}
}
