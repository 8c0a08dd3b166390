package plan

import "strings"

// comparatorsEN are the English of the comparators the plan uses, as an
// investor would read them before a figure.
var comparatorsEN = map[string]string{
	"超过":     "more than",
	"达到":     "",
	"突破":     "over",
	"过":      "over",
	"以上":     "at least",
	"左右":     "about",
	"提高至":    "raised to",
	"稳定在":    "held at",
	"达到…以上":  "at least",
	"稳定在…以上": "held at or above",
	"达到…左右":  "about",
	"形成":     "",
	"建成":     "",
}

// ComparatorEN is the English a comparator takes before a figure; "" for
// those the English leaves out (达到 4100 reads "4100").
func ComparatorEN(c string) string { return comparatorsEN[c] }

// KnownComparator reports whether the comparator has an English form.
func KnownComparator(c string) bool {
	_, ok := comparatorsEN[c]
	return ok
}

// DisplayZH prints the target as Chinese readers read it: 超过4100亿元,
// 5家以上, 达到630亿斤以上.
func (t *Target) DisplayZH() string {
	v, u, c := t.Value.Value, t.Unit.Value, t.Comparator.Value
	// As the sentence writes it: 1万亿元, but 突破万亿元 and 过千亿元.
	amount := v + u
	if prefix, ok := zhNumeral(v, u); ok && !strings.Contains(t.Quote.ZH, amount) && strings.Contains(t.Quote.ZH, prefix+u) {
		amount = prefix + u
	}
	if before, after, ok := strings.Cut(c, "…"); ok {
		return before + amount + after
	}
	if c == "以上" || c == "左右" {
		return amount + c
	}
	return c + amount
}

// DisplayEN prints the target as English readers read it: more than 410
// billion yuan.
func (t *Target) DisplayEN() string {
	c := comparatorsEN[t.Comparator.Value]
	q := t.Quantity().String()
	if c == "" {
		return q
	}
	return c + " " + q
}
