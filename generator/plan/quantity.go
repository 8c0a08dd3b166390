package plan

import (
	"fmt"
	"math/big"
	"strings"
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

// unitScale says what one of a Chinese unit is worth and how English
// names what it counts.
type unitScale struct {
	factor int64 // in the English base unit
	unit   string
	tonnes string // for 斤: tonnes per base unit, as a fraction
}

var units = map[string]unitScale{
	"亿元":  {factor: 1e8, unit: "yuan"},
	"亿":   {factor: 1e8, unit: "yuan"},
	"万亿元": {factor: 1e12, unit: "yuan"},
	"亿斤":  {factor: 1e8, unit: "jin", tonnes: "1/2000"},
	"亿人次": {factor: 1e8, unit: "visits"},
	"万头":  {factor: 1e4, unit: "head"},
	"万吨":  {factor: 1e4, unit: "tonnes"},
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
		if s.tonnes != "" {
			t, _ := new(big.Rat).SetString(s.tonnes)
			extra = append(extra, magnitude(new(big.Rat).Mul(x, t)))
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

// magnitude writes a number the way financial English does: 410 billion,
// 1.4 trillion, 30 million, 15.
func magnitude(x *big.Rat) string {
	for _, m := range []struct {
		name string
		size int64
	}{{"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6}} {
		if x.Cmp(new(big.Rat).SetInt64(m.size)) >= 0 {
			return decimal(new(big.Rat).Quo(x, new(big.Rat).SetInt64(m.size))) + " " + m.name
		}
	}
	return decimal(x)
}

// decimal prints a rational exactly, without trailing zeros.
func decimal(x *big.Rat) string {
	s := x.FloatString(6)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
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
