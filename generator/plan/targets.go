package plan

import (
	"fmt"
	"slices"
	"strings"
)

// BodyText is the industry's section of the body as one text: the intro
// and the numbered items, as printed.
func (ind *Industry) BodyText() string {
	var b strings.Builder
	b.WriteString(ind.Intro.ZH)
	for i, it := range ind.Items {
		b.WriteString("\n")
		b.WriteString(it.Paragraph(i).ZH)
	}
	return b.String()
}

// Paragraph is the item as printed: 1.石油化工。乙烯，…
func (it *Item) Paragraph(i int) Text {
	return Text{
		ZH: fmt.Sprintf("%d.%s。%s", i+1, it.Title.ZH, it.Text.ZH),
		EN: fmt.Sprintf("%d. %s. %s", i+1, it.Title.EN, it.Text.EN),
	}
}

// Quantity is the target's value in English.
func (t *Target) Quantity() Quantity {
	q, _ := QuantityEN(t.Value.Value, t.Unit.Value) // validated on load
	return q
}

// TargetPair is one metric as the body and attachment 2 state it; either
// side may be missing.
type TargetPair struct {
	Metric     string
	Label      Text
	Body       *Target
	Attachment *Target
	// Differs names what the two sources state differently: value, unit,
	// comparator, strive; or "only-body" / "only-attachment2".
	Differs []string
}

// Pairs matches each metric's statements in the body and in attachment 2,
// in the order the metrics first appear.
func Pairs(targets []*Target) []*TargetPair {
	var pairs []*TargetPair
	byMetric := map[string]*TargetPair{}
	for _, t := range targets {
		pr := byMetric[t.Metric.Value]
		if pr == nil {
			pr = &TargetPair{Metric: t.Metric.Value, Label: t.Label}
			byMetric[t.Metric.Value] = pr
			pairs = append(pairs, pr)
		}
		if Source(t.Source.Value) == SourceBody {
			pr.Body = t
		} else {
			pr.Attachment = t
		}
	}
	for _, pr := range pairs {
		b, a := pr.Body, pr.Attachment
		switch {
		case a == nil:
			pr.Differs = []string{"only-body"}
		case b == nil:
			pr.Differs = []string{"only-attachment2"}
		default:
			if b.Value.Value != a.Value.Value {
				pr.Differs = append(pr.Differs, "value")
			}
			if b.Unit.Value != a.Unit.Value {
				pr.Differs = append(pr.Differs, "unit")
			}
			if b.Comparator.Value != a.Comparator.Value {
				pr.Differs = append(pr.Differs, "comparator")
			}
			if b.Strive != a.Strive {
				pr.Differs = append(pr.Differs, "strive")
			}
		}
	}
	return pairs
}

// What a reader needs to know of a pair: do the two sources say the same?
const (
	KindSame     = "same"      // both state it, alike
	KindConflict = "conflict"  // a different value, unit or threshold word
	KindWording  = "wording"   // only 力争 stands in one and not the other
	KindOnePlace = "one-place" // stated in the body or attachment 2 only
)

// DifferenceKinds are the kinds of difference, gravest first.
var DifferenceKinds = []string{KindConflict, KindWording, KindOnePlace}

// Kind sorts the pair by the gravest of its differences: a different
// comparator (超过 / 达到) changes the target as much as a different value.
func (pr *TargetPair) Kind() string {
	kind := KindSame
	for _, d := range pr.Differs {
		switch d {
		case "value", "unit", "comparator":
			return KindConflict
		case "strive":
			kind = KindWording
		case "only-body", "only-attachment2":
			kind = KindOnePlace
		}
	}
	return kind
}

var strivers = []string{"力争", "努力"}

// checkTargets traces every target to its sentence: the quote stands in the
// source text, and the value, unit and comparator stand in the quote.
func checkTargets(lg *problemLog, field string, targets []*Target, sources map[Source]string) {
	seen := map[string]bool{}
	for i, t := range targets {
		f := fmt.Sprintf("%s[%d]", field, i)
		src, ok := sources[Source(t.Source.Value)]
		if !ok {
			lg.add(t.Source.Line, f+".source", "source %q is not one of %s", t.Source.Value, strings.Join(sortedKeys(stringKeys(sources)), ", "))
			continue
		}
		key := t.Metric.Value + "/" + t.Source.Value
		if seen[key] {
			lg.add(t.Metric.Line, f+".metric", "metric %q is stated twice in %s", t.Metric.Value, t.Source.Value)
		}
		seen[key] = true
		quote := t.Quote.ZH
		if !strings.Contains(src, quote) {
			lg.add(0, f+".quote.zh", "%q does not stand in the %s text", quote, t.Source.Value)
		}
		if !slices.ContainsFunc(zhValueForms(t.Value.Value, t.Unit.Value), func(v string) bool { return standsAlone(quote, v) }) {
			lg.add(t.Value.Line, f+".value", "value %q does not stand in the quote %q", t.Value.Value, quote)
		}
		if !strings.Contains(quote, t.Unit.Value) {
			lg.add(t.Unit.Line, f+".unit", "unit %q does not stand in the quote %q", t.Unit.Value, quote)
		}
		for _, part := range strings.Split(t.Comparator.Value, "…") {
			if !strings.Contains(quote, part) {
				lg.add(t.Comparator.Line, f+".comparator", "comparator %q does not stand in the quote %q", t.Comparator.Value, quote)
				break
			}
		}
		if !KnownComparator(t.Comparator.Value) {
			lg.add(t.Comparator.Line, f+".comparator", "comparator %q has no English form; known: %s", t.Comparator.Value, strings.Join(sortedKeys(comparatorsEN), ", "))
		}
		says := slices.ContainsFunc(strivers, func(s string) bool { return strings.Contains(quote, s) })
		if says != t.Strive {
			lg.add(0, f+".strive", "strive is %v, but the quote %s 力争/努力", t.Strive, map[bool]string{true: "says", false: "does not say"}[says])
		}
		// The English quote is a text like any other: checkFigures holds
		// it to the quote's Chinese, converted, so the value needs only a
		// unit that converts.
		if _, err := QuantityEN(t.Value.Value, t.Unit.Value); err != nil {
			lg.add(t.Unit.Line, f+".unit", "%v", err)
		}
	}
}

// standsAlone reports whether s holds number as a whole, not as part of a
// longer number: 410 is not in 4100亿元, nor 10 billion in 410 billion, nor
// 万亿 in 1.4万亿元.
func standsAlone(s, number string) bool {
	isDigit := func(b byte) bool { return b >= '0' && b <= '9' }
	for from := 0; ; {
		i := strings.Index(s[from:], number)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(number)
		before, after := s[:start], s[end:]
		digitBefore := len(before) > 0 && (isDigit(before[len(before)-1]) ||
			len(before) > 1 && strings.ContainsRune(".,", rune(before[len(before)-1])) && isDigit(before[len(before)-2]))
		digitAfter := len(after) > 0 && (isDigit(after[0]) ||
			len(after) > 1 && strings.ContainsRune(".,", rune(after[0])) && isDigit(after[1]))
		if number == "" || !digitBefore && !digitAfter {
			return true
		}
		from = start + 1
	}
}

func stringKeys(m map[Source]string) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[string(k)] = true
	}
	return out
}

// AmountsZH are the ways Chinese writes the target's amount, without its
// comparator: 4100亿元 and 4100亿, 千亿元 for 1000亿元, 万亿级 as the plan
// writes it. Shares (30%) and counts (5家) are figures English writes
// alike: none.
func (t *Target) AmountsZH() []string {
	v, u := t.Value.Value, t.Unit.Value
	if t.AmountEN() == "" {
		return nil
	}
	var out []string
	for _, f := range zhValueForms(v, u) {
		if f != v {
			out = append(out, f, f+u[len(strings.TrimSuffix(strings.TrimSuffix(u, "元"), "级")):])
			continue
		}
		out = append(out, v+u)
		if short := strings.TrimSuffix(u, "元"); short != u {
			out = append(out, v+short)
		}
	}
	return out
}

// AmountEN is the target's amount as English writes it, without its
// comparator: 410 billion yuan; none for a share or a count, written alike.
func (t *Target) AmountEN() string {
	q := t.Quantity()
	if t.Unit.Value == "%" || q.Unit == "" {
		return ""
	}
	q.Scale = false
	return q.String()
}
