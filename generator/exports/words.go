package exports

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/uitext"
)

// The words the downloads write for people beside the plan's codes come
// from the theme's i18n files with every other interface word (uitext):
// the go_data_ keys, and the site's own words where the downloads say the
// same thing (sourceBody, core, go_chart_province). Package variables, so
// that a missing word stops the generator as it starts.

// word is an interface word in both languages.
type word struct{ ZH, EN string }

// w is an i18n key's words (uitext.Text, which the i18n test finds the
// key in use by).
func w(t plan.Text) word { return word{t.ZH, t.EN} }

// bi writes it as the workbook's cells do: Chinese, a space, English.
func (x word) bi() string { return bi(x.ZH, x.EN) }

// pair is the two headings of a column pair in the workbook: the Chinese
// text's (its heading in both languages, the English marked as the
// Chinese's), then the English text's.
func (x word) pair() []any {
	return []any{bi(x.ZH, fmt.Sprintf(uitext.In(plan.EN, "go_data_inChinese"), x.EN)), x.EN}
}

// bi joins a Chinese and an English text for one cell.
func bi(zh, en string) string { return zh + " " + en }

var (
	// striveWords say whether the plan's sentence says 力争 (strive for).
	striveWords = map[bool]word{true: w(uitext.Text("go_data_aspirational")), false: w(uitext.Text("go_data_firm"))}

	sourceWords = map[plan.Source]word{
		plan.SourceBody:        w(uitext.Text("sourceBody")),
		plan.SourceAttachment2: w(uitext.Text("sourceAttachment2")),
	}

	// levelWords are attachment 1's note: 核心产业★★★，重点产业★★.
	levelWords = map[plan.Level]word{
		plan.Core: w(uitext.Text("core")),
		plan.Key:  w(uitext.Text("key")),
	}

	// provinceWide stands where a target belongs to no one industry: the
	// plan's 主要目标 for the whole province.
	provinceWide = w(uitext.Text("go_chart_province"))

	// kindWords and basisWords are the glossary's codes (see
	// generator/plan/validate.go).
	kindWords = map[string]word{
		"company":  w(uitext.Text("go_data_kind_company")),
		"body":     w(uitext.Text("go_data_kind_body")),
		"place":    w(uitext.Text("go_data_kind_place")),
		"brand":    w(uitext.Text("go_data_kind_brand")),
		"project":  w(uitext.Text("go_data_kind_project")),
		"platform": w(uitext.Text("go_data_kind_platform")),
		"term":     w(uitext.Text("go_data_kind_term")),
	}
	basisWords = map[string]word{
		"official":   w(uitext.Text("go_data_basis_official")),
		"translated": w(uitext.Text("go_data_basis_translated")),
		"pinyin":     w(uitext.Text("go_data_basis_pinyin")),
	}
)

// verbEN is the comparator's word where the site's English puts
// none before the figure (plan.ComparatorEN is ""): a column of its
// own still needs one, so it gives the verb. It and the units below are
// the plan's vocabulary rather than the interface's: they stay in Go
// beside the English the plan package gives the same words
// (plan.ComparatorEN, plan.QuantityEN) and the units' conversion factors.
var verbEN = map[string]string{"达到": "reach", "形成": "form", "建成": "build"}

// unitWord is a unit as the plan writes it, its English, and what one of
// it is in a base unit, so that 4100 亿元 and 1.4 万亿元 can be compared;
// factor 0 where there is nothing to convert.
type unitWord struct {
	EN     string
	base   word
	factor int64
}

// unitWords holds every unit the targets use; a test keeps it complete and
// its factors in step with the English the site states (plan.QuantityEN).
var unitWords = map[string]unitWord{
	"亿元":  {"100 million yuan", word{"元", "yuan"}, 1e8},
	"亿":   {"100 million yuan", word{"元", "yuan"}, 1e8},
	"万亿元": {"trillion yuan", word{"元", "yuan"}, 1e12},
	"亿斤":  {"100 million jin", word{"斤", "jin"}, 1e8},
	"亿人次": {"100 million visits", word{"人次", "visits"}, 1e8},
	"万头":  {"10,000 head", word{"头", "head"}, 1e4},
	"万吨":  {"10,000 tonnes", word{"吨", "tonnes"}, 1e4},
	// Counts and shares are already in their base unit: no second figure.
	"家": {EN: "count"},
	"个": {EN: "count"},
	"%": {EN: "%"},
	// 达到万亿级 names an order of size, not an amount: no base figure.
	"万亿级": {EN: "trillion-yuan scale"},
}

func sourceWord(s string) word { return sourceWords[plan.Source(s)] }

func unitEN(u string) string { return unitWords[u].EN }

// industryWord names the industry a target belongs to, or the province for
// the goals (nil).
func industryWord(ind *plan.Industry) word {
	if ind == nil {
		return provinceWide
	}
	return word{ind.Name.ZH, ind.Name.EN}
}

// figure is a number the plan writes, kept with the number of decimals it
// is written with, so a spreadsheet can show it the same way.
type figure struct {
	V        float64
	decimals int
}

// format is the spreadsheet number format that shows the figure with the
// plan's digits: 4100, 1.4, never 4,100.0 or 1.40.
func (f figure) format(grouped bool) string {
	s := "0"
	if grouped {
		s = "#,##0"
	}
	if f.decimals > 0 {
		s += "." + strings.Repeat("0", f.decimals)
	}
	return s
}

// text writes the figure as the plan does (4100, 1.4): a number a CSV
// reader casts exactly; "" for none.
func (f *figure) text() string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(f.V, 'f', f.decimals, 64)
}

// parseFigure reads a value as the YAML writes it ("4100", "1.4"). The
// float is the value itself: the plan's figures have at most two decimals
// and far fewer than 15 digits.
func parseFigure(s string) (figure, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "eE/") {
		return figure{}, fmt.Errorf("value %q is not a decimal number", s)
	}
	v, _ := r.Float64()
	d := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		d = len(frac)
	}
	return figure{V: v, decimals: d}, nil
}

// targetFigures are a target's value as numbers: the value, or the two ends
// of a range such as 1-2; and the value in the base unit, where it is an
// amount stated in a multiple (亿元, 万吨; not a range, a count or a scale).
type targetFigures struct {
	value, from, to, base *figure
}

func figures(t *plan.Target) (targetFigures, error) {
	var tf targetFigures
	v := t.Value.Value
	if lo, hi, ok := strings.Cut(v, "-"); ok {
		a, err := parseFigure(lo)
		if err != nil {
			return tf, err
		}
		b, err := parseFigure(hi)
		if err != nil {
			return tf, err
		}
		tf.from, tf.to = &a, &b
		return tf, nil
	}
	f, err := parseFigure(v)
	if err != nil {
		return tf, err
	}
	tf.value = &f
	u, ok := unitWords[t.Unit.Value]
	if !ok {
		return tf, fmt.Errorf("unit %q has no English in the exports", t.Unit.Value)
	}
	if u.factor == 0 {
		return tf, nil
	}
	// Exact: the product of a decimal and a power of ten, written out.
	r, _ := new(big.Rat).SetString(v)
	r.Mul(r, new(big.Rat).SetInt64(u.factor))
	b, err := parseFigure(strings.TrimSuffix(strings.TrimRight(r.FloatString(6), "0"), "."))
	if err != nil {
		return tf, err
	}
	tf.base = &b
	return tf, nil
}

// comparatorEN is a comparator as a column of its own reads it: the word
// the site's English puts before the figure, else the verb.
func comparatorEN(c string) string {
	if w := plan.ComparatorEN(c); w != "" {
		return w
	}
	return verbEN[c]
}
