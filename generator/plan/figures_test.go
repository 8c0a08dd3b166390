package plan

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestZHFigures(t *testing.T) {
	for _, c := range []struct {
		zh   string
		want []zhFigure
	}{
		{"产值超过4100亿元", []zhFigure{{"4100亿元", "amount", [][]string{{"410 billion"}}}}},
		{"达到1.4万亿元", []zhFigure{{"1.4万亿元", "amount", [][]string{{"1.4 trillion"}}}}},
		{"达到630亿斤以上", []zhFigure{{"630亿斤", "amount", [][]string{{"63 billion"}, {"31.5 million"}}}}},
		{"突破10亿人次", []zhFigure{{"10亿人次", "amount", [][]string{{"1 billion"}}}}},
		{"3000万头以上", []zhFigure{{"3000万头", "amount", [][]string{{"30 million"}}}}},
		{"30万吨环氧丙烷", []zhFigure{{"30万吨", "amount", [][]string{{"300,000"}}}}},
		{"60万吨/年", []zhFigure{{"60万吨", "amount", [][]string{{"600,000"}}}}},
		{"1亿元以上", []zhFigure{{"1亿元", "amount", [][]string{{"100 million"}}}}},
		{"超过30%", []zhFigure{{"30%", "percent", [][]string{{"30%"}}}}},
		{"提高至6.5%", []zhFigure{{"6.5%", "percent", [][]string{{"6.5%"}}}}},
		{"到2027年", []zhFigure{{"2027年", "year", [][]string{{"2027"}}}}},
		{"培育5家以上", []zhFigure{{"5家", "count", [][]string{{"5", "five"}}}}},
		{"各1家以上", []zhFigure{{"1家", "count", [][]string{{"1", "one"}}}}},
		{"15个左右", []zhFigure{{"15个", "count", [][]string{{"15"}}}}},
		{"608所", []zhFigure{{"608所", "count", [][]string{{"608"}}}}},
		{"5G智能终端", []zhFigure{{"5", "number", [][]string{{"5"}}}}},
		{"尼龙66", []zhFigure{{"66", "number", [][]string{{"66"}}}}},
		{"湘发〔2023〕8号", []zhFigure{{"2023", "number", [][]string{{"2023"}}}, {"8", "number", [][]string{{"8"}}}}},
		// Chinese-numeral amounts, alone and after a count.
		{"培育百亿龙头企业", []zhFigure{{"百亿", "amount", [][]string{{"10 billion"}}}}},
		{"千亿级企业", []zhFigure{{"千亿", "amount", [][]string{{"100 billion"}}}}},
		{"过千亿元", []zhFigure{{"千亿元", "amount", [][]string{{"100 billion"}}}}},
		{"五百亿", []zhFigure{{"五百亿", "amount", [][]string{{"50 billion"}}}}},
		{"达到万亿级", []zhFigure{{"万亿", "amount", [][]string{{"1 trillion", "trillion"}}}}},
		{"千亿斤粮食", []zhFigure{{"千亿斤", "amount", [][]string{{"100 billion"}, {"50 million"}}}}},
		{"建成1-2个千亿级、5个左右500亿级规模", []zhFigure{
			{"1-2个", "count", [][]string{{"1–2"}}},
			{"5个", "count", [][]string{{"5", "five"}}},
			{"500亿", "amount", [][]string{{"50 billion"}}},
			{"千亿", "amount", [][]string{{"100 billion"}}},
		}},
		// 万 and 亿 as words; the magnitude of an Arabic figure once only.
		{"万千百工程、亿万", nil},
		{"1万亿元", []zhFigure{{"1万亿元", "amount", [][]string{{"1 trillion"}}}}},
		{"没有数字", nil},
	} {
		if got := zhFigures(c.zh); !reflect.DeepEqual(got, c.want) {
			t.Errorf("zhFigures(%q) =\n  %q\nwant\n  %q", c.zh, got, c.want)
		}
	}
}

func TestENFigures(t *testing.T) {
	for _, c := range []struct {
		en   string
		want []string
	}{
		{"more than 410 billion yuan", []string{"410 billion"}},
		{"63 billion jin (31.5 million tonnes)", []string{"63 billion", "31.5 million"}},
		{"a 1.2-million-tonne line and a 300,000-tonne line", []string{"1.2 million", "300,000"}},
		{"a 100-billion-yuan-scale enterprise", []string{"100 billion"}},
		{"trillion-yuan-scale industries", []string{"trillion"}},
		{"build 1–2 bases, 1-2 parks or 1 to 2 hubs", []string{"1–2", "1–2", "1–2"}},
		{"exceed 30% of GDP; 6.5%", []string{"30%", "6.5%"}},
		{"By 2027, at least 5.", []string{"2027", "5"}},
		{"the CETC 48th Research Institute, 5G and 3D printing", []string{"48", "5", "3"}},
		{"Xiang Fa [2023] No. 8", []string{"2023", "8"}},
		// Chinese quoted in the English is the Chinese's.
		{"the 4+4 projects (4+4科创工程) and “准国交14直”", []string{"4", "4"}},
		{"about 250 (250家左右“三品”标杆企业)", []string{"250"}},
		{"no figures here, one or two words", nil},
	} {
		if got := enFigures(c.en); !slices.Equal(got, c.want) {
			t.Errorf("enFigures(%q) = %q; want %q", c.en, got, c.want)
		}
	}
}

func TestFigureProblems(t *testing.T) {
	for _, c := range []struct {
		zh, en string
		want   []string
	}{
		// Today's conventions pass.
		{"力争石化产业产值超过4100亿元，培育百亿龙头企业5家以上", "strive for output of more than 410 billion yuan and at least 5 leading enterprises of the 10-billion-yuan scale", nil},
		{"新增千亿级企业、百亿级企业各1家以上", "add at least one 100-billion-yuan-scale enterprise and at least one 10-billion-yuan-scale enterprise", nil},
		{"打造一批万亿级产业", "build a number of trillion-yuan-scale industries", nil},
		{"粮食产量稳定在630亿斤以上", "grain output will be held at or above 63 billion jin (31.5 million tonnes)", nil},
		{"到2027年", "By 2027", nil},
		// A wrong figure fails both ways.
		{"营收超过3000亿元", "revenue of more than 30 billion yuan", []string{
			`the Chinese states 3000亿元; the English should state the value as "300 billion"`,
			`the English states "30 billion", a figure the Chinese does not state`,
		}},
		{"630亿斤", "63 billion jin", []string{`the Chinese states 630亿斤; the English should state the value as "31.5 million"`}},
		{"建设15个左右", "build about fifteen", []string{`the Chinese states 15个; the English should state the value as "15"`}},
		{"超过30%", "exceed 30", []string{
			`the Chinese states 30%; the English should state the value as "30%"`,
			`the English states "30", a figure the Chinese does not state`,
		}},
		{"突破万亿元", "over a trillion and 5 more", []string{`the English states "5", a figure the Chinese does not state`}},
		{"到2027年", "By 2025", []string{
			`the Chinese states 2027年; the English should state the value as "2027"`,
			`the English states "2025", a figure the Chinese does not state`,
		}},
		// A word is not a figure the English adds, nor "one" in "someone".
		{"培育1家", "someone", []string{`the Chinese states 1家; the English should state the value as "1" or "one"`}},
	} {
		got, _ := figureProblems(c.zh, c.en)
		if !slices.Equal(got, c.want) {
			t.Errorf("figureProblems(%q, %q) =\n  %q\nwant\n  %q", c.zh, c.en, got, c.want)
		}
	}
}

// TestFiguresOnThePlan counts what the cross-check holds on today's data,
// and keeps each glossary exemption needed: an entry that no longer exists
// or no longer fails must leave the list.
func TestFiguresOnThePlan(t *testing.T) {
	p := loadTestPlan(t)
	var out Problems
	lg := &problemLog{fields: map[int]string{}, out: &out}
	n := checkFigures(lg, &p.Document, p.Names()) + checkFigures(lg, &p.Cities, p.Names())
	for _, ind := range p.Industries {
		n += checkFigures(lg, ind, p.Names())
	}
	kinds := map[string]int{}
	for _, v := range []any{&p.Document, &p.Cities, p.Industries} {
		walkTexts(reflect.ValueOf(v), "", func(_ string, tx *Text) {
			zh, _ := maskNames(tx.ZH, tx.EN, p.Names())
			for _, f := range zhFigures(zh) {
				kinds[f.Kind]++
			}
		})
	}
	if len(out) > 0 {
		t.Errorf("today's data fails the cross-check:\n%v", out)
	}
	if n == 0 {
		t.Error("the cross-check found no figure in the plan")
	}
	t.Logf("figures cross-checked in the texts: %d (%v)", n, kinds)

	used := map[string]bool{}
	for _, term := range p.Glossary {
		if _, ok := glossaryFigureExemptions[term.ZH.Value]; !ok {
			continue
		}
		used[term.ZH.Value] = true
		if ps, _ := figureProblems(term.ZH.Value, term.EN); len(ps) == 0 {
			t.Errorf("glossary %s passes the cross-check: drop its exemption", term.ZH.Value)
		}
	}
	for zh := range glossaryFigureExemptions {
		if !used[zh] {
			t.Errorf("exemption for %s, which the glossary does not hold", zh)
		}
	}
	var names []string
	for _, term := range p.Glossary {
		if hasDigit(term.ZH.Value) || hasDigit(term.EN) {
			names = append(names, term.ZH.Value)
		}
	}
	t.Logf("glossary names carrying a figure: %s", strings.Join(names, ", "))
}

// TestTargetAmounts pins the forms of an amount the search index gives the
// other language's readers.
func TestTargetAmounts(t *testing.T) {
	for _, c := range []struct {
		value, unit string
		zh          []string
		en          string
	}{
		{"4100", "亿元", []string{"4100亿元", "4100亿"}, "410 billion yuan"},
		{"1000", "亿元", []string{"1000亿元", "1000亿", "千亿", "千亿元"}, "100 billion yuan"},
		{"1", "万亿级", []string{"1万亿级", "万亿", "万亿级"}, "1 trillion yuan"},
		{"630", "亿斤", []string{"630亿斤"}, "63 billion jin (31.5 million tonnes)"},
		{"30", "%", nil, ""},
		{"5", "家", nil, ""},
	} {
		tg := &Target{Value: Str{Value: c.value}, Unit: Str{Value: c.unit}}
		if got := tg.AmountsZH(); !slices.Equal(got, c.zh) {
			t.Errorf("%s%s in Chinese: %q; want %q", c.value, c.unit, got, c.zh)
		}
		if got := tg.AmountEN(); got != c.en {
			t.Errorf("%s%s in English: %q; want %q", c.value, c.unit, got, c.en)
		}
	}
}
