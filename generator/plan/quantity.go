package plan

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Quantity is a target's value as an English reader reads it: 4100 亿元 is
// {Number: "410 billion", Unit: "yuan"}.
type Quantity struct {
	Number string // "410 billion", "30%", "1–2"
	Unit   string // "yuan", "jin", "" …
	Extra  string // a conversion kept beside the original: "31.5 million tonnes"
	Scale  bool   // 万亿级: an order of size rather than an amount
}

func (q Quantity) String() string {
	s := q.Number
	if q.Scale {
		s = "a scale of " + s
	}
	if q.Unit != "" {
		s += " " + q.Unit
	}
	if q.Extra != "" {
		s += " (" + q.Extra + ")"
	}
	return s
}

// What a Chinese magnitude is worth: 4100亿 is 4100 × 10⁸.
const (
	wan   = 1e4  // 万
	yi    = 1e8  // 亿
	wanYi = 1e12 // 万亿
)

// jinPerTonne: a jin (斤) is half a kilogram.
const jinPerTonne = 2000

// zhMagnitudes are the magnitudes a Chinese figure may carry, longest first
// so that 万亿 is not read as 万.
var zhMagnitudes = []struct {
	zh     string
	factor int64
}{{"万亿", wanYi}, {"亿", yi}, {"万", wan}}

// unitScale says what one of a Chinese unit is worth and how English
// names what it counts.
type unitScale struct {
	factor int64 // in the English base unit
	unit   string
	jin    bool // also stated in tonnes
}

var units = map[string]unitScale{
	"亿元":  {factor: yi, unit: "yuan"},
	"亿":   {factor: yi, unit: "yuan"},
	"万亿元": {factor: wanYi, unit: "yuan"},
	"亿斤":  {factor: yi, unit: "jin", jin: true},
	"亿人次": {factor: yi, unit: "visits"},
	"万头":  {factor: wan, unit: "head"},
	"万吨":  {factor: wan, unit: "tonnes"},
	"家":   {factor: 1},
	"个":   {factor: 1},
	"%":   {factor: 1},
}

// QuantityEN converts a value and unit as written in Chinese. Ranges such
// as 1-2 convert each end.
func QuantityEN(value, unit string) (Quantity, error) {
	if unit == "万亿级" { // 达到万亿级: a scale, not an amount
		if value != "1" {
			return Quantity{}, fmt.Errorf("万亿级 takes the value 1, got %q", value)
		}
		return Quantity{Number: "1 trillion", Unit: "yuan", Scale: true}, nil
	}
	s, ok := units[unit]
	if !ok {
		return Quantity{}, fmt.Errorf("unknown unit %q", unit)
	}
	var ends []string
	var extra []string
	for _, part := range strings.Split(value, "-") {
		v, ok := new(big.Rat).SetString(part)
		if !ok {
			return Quantity{}, fmt.Errorf("value %q is not a number", value)
		}
		x := new(big.Rat).Mul(v, new(big.Rat).SetInt64(s.factor))
		ends = append(ends, magnitude(x))
		if s.jin {
			extra = append(extra, magnitude(tonnesOfJin(x)))
		}
	}
	q := Quantity{Number: strings.Join(ends, "–"), Unit: s.unit}
	if unit == "%" {
		q.Number += "%"
	}
	if len(extra) > 0 {
		q.Extra = strings.Join(extra, "–") + " tonnes"
	}
	return q, nil
}

// tonnesOfJin converts jin to tonnes.
func tonnesOfJin(x *big.Rat) *big.Rat {
	return new(big.Rat).Quo(x, big.NewRat(jinPerTonne, 1))
}

// magnitude writes a number the way financial English does: 410 billion,
// 1.4 trillion, 30 million, 300,000, 15.
func magnitude(x *big.Rat) string {
	for _, m := range []struct {
		name string
		size int64
	}{{"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6}} {
		if x.Cmp(new(big.Rat).SetInt64(m.size)) >= 0 {
			return decimal(new(big.Rat).Quo(x, new(big.Rat).SetInt64(m.size))) + " " + m.name
		}
	}
	return grouped(decimal(x))
}

// decimal prints a rational exactly, without trailing zeros.
func decimal(x *big.Rat) string {
	s := x.FloatString(6)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// grouped puts thousands separators in a number below a million that
// magnitude spells out: 300000 → 300,000.
func grouped(s string) string {
	whole, frac, _ := strings.Cut(s, ".")
	if len(whole) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// zhValueForms are the ways the Chinese may write a value: 100 亿 is
// usually 百亿, and 1 万亿元 is often just 万亿元.
func zhValueForms(value, unit string) []string {
	forms := []string{value}
	if prefix, ok := zhNumeral(value, unit); ok {
		forms = append(forms, prefix+strings.TrimSuffix(strings.TrimSuffix(unit, "元"), "级"))
	}
	return forms
}

// zhNumeral gives the numeral the Chinese writes in place of a value
// before its unit: 百 for 100 亿, 千 for 1000 亿, nothing for 1 万亿.
func zhNumeral(value, unit string) (string, bool) {
	switch {
	case value == "1" && strings.HasPrefix(unit, "万亿"):
		return "", true
	case value == "100" && strings.HasPrefix(unit, "亿"):
		return "百", true
	case value == "1000" && strings.HasPrefix(unit, "亿"):
		return "千", true
	}
	return "", false
}

// The figures of a bilingual text. Every figure the Chinese writes in
// Arabic numerals, and every amount it writes with Chinese numerals (百亿,
// 千亿级, 万亿), must stand in the English as the conventions above convert
// it; and every figure the English writes in numerals must be one of those.
// Years and numerals that are part of a name are not amounts: they are
// stated as written (2027年 → 2027, 5G → 5, 尼龙66 → 66).

// zhFigure is one figure of a Chinese text and what its English must state.
type zhFigure struct {
	Text string // as written: 4100亿元, 2027年, 千亿级
	Kind string // amount, percent, year, count or number
	// Forms are what the English must state: each entry once, in one of
	// its ways. 630亿斤 is {{"63 billion"}, {"31.5 million"}} (jin and tonnes).
	Forms [][]string
}

var (
	// 4100亿元, 1.4万亿元, 1-2个, 30%, 2027年, 608所: a number, a range's
	// second end, a magnitude and the character that says what it counts.
	zhArabic = regexp.MustCompile(`(\d+(?:\.\d+)?)(?:[-–~～](\d+(?:\.\d+)?))?(万亿|亿|万)?(元|斤|吨|头|人次|[%％年家个所名项条座类大])?`)
	// 百亿, 千亿级, 五百亿, 万亿: an amount in Chinese numerals. Plain 万 and
	// 亿 without a numeral before them are words (万千百 is a name), but
	// 万亿 alone is always a trillion.
	zhNumeralAmount = regexp.MustCompile(`([一二两三四五六七八九]?[十百千])?(万亿|亿|万)(元|斤)?`)
)

// countUnits are the measure words of counts; English may spell a small
// count out (各1家以上 → at least one each).
const countUnits = "家个所名项条座类大年"

var numberWords = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

var zhDigits = map[rune]int64{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10, '百': 100, '千': 1000}

// zhFigures lists the figures of a Chinese text, in order.
func zhFigures(zh string) []zhFigure {
	var out []zhFigure
	masked := []byte(zh)
	for _, m := range zhArabic.FindAllStringSubmatchIndex(zh, -1) {
		text := zh[m[0]:m[1]]
		part := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return zh[m[2*i]:m[2*i+1]]
		}
		ends := []string{part(1)}
		if e := part(2); e != "" {
			ends = append(ends, e)
		}
		mag, unit := part(3), part(4)
		f := zhFigure{Text: text}
		switch {
		case mag != "":
			f.Kind = "amount"
			var factor int64
			for _, zm := range zhMagnitudes {
				if zm.zh == mag {
					factor = zm.factor
				}
			}
			var num, tonnes []string
			for _, e := range ends {
				x, _ := new(big.Rat).SetString(e)
				x.Mul(x, big.NewRat(factor, 1))
				num = append(num, magnitude(x))
				tonnes = append(tonnes, magnitude(tonnesOfJin(x)))
			}
			f.Forms = [][]string{{strings.Join(num, "–")}}
			if unit == "斤" {
				f.Forms = append(f.Forms, []string{strings.Join(tonnes, "–")})
			}
		case unit == "%" || unit == "％":
			f.Kind = "percent"
			f.Forms = [][]string{{strings.Join(ends, "–") + "%"}}
		case unit == "年" && len(ends[0]) == 4:
			f.Kind = "year"
			f.Forms = [][]string{{strings.Join(ends, "–")}}
		default:
			f.Kind = "number"
			forms := []string{strings.Join(ends, "–")}
			if unit != "" && strings.Contains(countUnits, unit) {
				f.Kind = "count"
				if n, err := strconv.Atoi(ends[0]); err == nil && len(ends) == 1 && n > 0 && n < len(numberWords) {
					forms = append(forms, numberWords[n])
				}
			}
			f.Forms = [][]string{forms}
		}
		out = append(out, f)
		end := m[1]
		if m[8] >= 0 {
			end = m[8] // the measure after: 1-2个千亿级 has a 千亿 of its own
		}
		for i := m[0]; i < end; i++ {
			masked[i] = '#' // read once: 1.4万亿 holds no Chinese-numeral 万亿
		}
	}
	rest := string(masked)
	for _, m := range zhNumeralAmount.FindAllStringSubmatchIndex(rest, -1) {
		numeral, mag := "", rest[m[4]:m[5]]
		if m[2] >= 0 {
			numeral = rest[m[2]:m[3]]
		}
		if numeral == "" && mag != "万亿" || m[0] > 0 && rest[m[0]-1] == '#' {
			continue // 万, 亿 as words; or the magnitude of an Arabic figure
		}
		var factor int64
		for _, zm := range zhMagnitudes {
			if zm.zh == mag {
				factor = zm.factor
			}
		}
		n := int64(1)
		if numeral != "" {
			r := []rune(numeral)
			n = zhDigits[r[len(r)-1]]
			if len(r) == 2 {
				n *= zhDigits[r[0]]
			}
		}
		x := big.NewRat(n*factor, 1)
		forms := []string{magnitude(x)}
		if numeral == "" {
			forms = append(forms, "trillion") // 万亿级 → trillion-yuan-scale
		}
		f := zhFigure{Text: rest[m[0]:m[1]], Kind: "amount", Forms: [][]string{forms}}
		if m[6] >= 0 && rest[m[6]:m[7]] == "斤" {
			f.Forms = append(f.Forms, []string{magnitude(tonnesOfJin(x))})
		}
		out = append(out, f)
	}
	return out
}

// enFigure is a figure an English text writes in numerals, with its range,
// percent sign and magnitude word (410 billion, 1.2-million-tonne, 1–2,
// 30%), or a magnitude word alone (trillion-yuan-scale).
var enFigure = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:(–|-| to )(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?)?(%)?(?:[ -](thousand|million|billion|trillion)\b)?|\b(thousand|million|billion|trillion)\b`)

// enFigures lists the figures of an English text in one form each: 410
// billion, 1–2, 30%, trillion. Numerals inside Chinese quoted in the
// English (“准国交14直”, a word holding Chinese) belong to the Chinese, not
// the English.
func enFigures(en string) []string {
	// Most texts hold none; the regexp is slow to say so.
	if !strings.ContainsAny(en, "0123456789") && !strings.Contains(en, "illion") && !strings.Contains(en, "thousand") {
		return nil
	}
	var out []string
	for _, m := range enFigure.FindAllStringSubmatchIndex(en, -1) {
		start := strings.LastIndexFunc(en[:m[0]], unicode.IsSpace) + 1
		end := m[1] + strings.IndexFunc(en[m[1]:]+" ", unicode.IsSpace)
		if strings.ContainsFunc(en[start:end], func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			continue // (4+4科创工程): the Chinese name, quoted
		}
		part := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return en[m[2*i]:m[2*i+1]]
		}
		if w := part(8); w != "" {
			out = append(out, w)
			continue
		}
		s := part(1) + part(2)
		if part(3) != "" {
			s += "–" + part(4) + part(5)
		}
		s += part(6)
		if w := part(7); w != "" {
			s += " " + w
		}
		out = append(out, s)
	}
	return out
}
